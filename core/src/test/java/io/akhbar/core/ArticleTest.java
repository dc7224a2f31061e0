package io.akhbar.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArticleTest {

  static final ObjectMapper JSON = ElasticsearchConnection.objectMapper();

  private static Article article(String language) {
    return new Article("a1", "Title", "Body text", null, language, "src", null, List.of(), List.of(), List.of(), "h", null,
        "tagger-1/gazetteer-x", null, "a1", List.of("x.1"));
  }

  @Test
  void anEnglishArticleAlsoFillsTheEnglishFieldsAndNothingElse() throws Exception {
    JsonNode json = JSON.readTree(JSON.writeValueAsBytes(article("en")));
    assertEquals("Title", json.path("title_en").asText());
    assertEquals("Body text", json.path("body_en").asText());
  }

  @Test
  void anArabicArticleFillsNoPerLanguageFieldAndReadsBackTheSame() throws Exception {
    byte[] bytes = JSON.writeValueAsBytes(article("ar"));
    JsonNode json = JSON.readTree(bytes);
    for (String f : List.of("title_en", "body_en")) {
      assertFalse(json.has(f), f);
    }
    assertEquals(article("ar"), JSON.readValue(bytes, Article.class));
    assertEquals(article("en"), JSON.readValue(JSON.writeValueAsBytes(article("en")), Article.class));
  }

  @Test
  void aKurdishArticleFillsNoEnglishField() throws Exception {
    JsonNode json = JSON.readTree(JSON.writeValueAsBytes(article("ku")));
    assertFalse(json.has("body_en"));
  }
}
