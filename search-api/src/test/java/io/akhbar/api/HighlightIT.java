package io.akhbar.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Highlights mark exactly the words that matched, whatever was normalized away, and article HTML is escaped. */
class HighlightIT {

  static final ObjectMapper JSON = new ObjectMapper();
  static SeededApp app;

  @BeforeAll
  static void start() throws Exception {
    Path feed = Files.createTempFile("highlight", ".jsonl");
    Files.writeString(feed, String.join("\n",
        "{\"id\":\"h01\",\"title\":\"خبر أول\",\"body\":\"قال المتحدث إن عناصر داعـــش هاجموا قرية في # #صلاح_الدين ليلاً، وإن المُحافَظة تعرضت لهجمات متكررة.\"}",
        "{\"id\":\"h02\",\"title\":\"<b>عنوان</b>\",\"body\":\"نص فيه <script>alert('x')</script> ثم كلمة البصرة وعلامات & < > في النص.\"}",
        "{\"id\":\"h03\",\"title\":\"Mixed\",\"body\":\"The Iraqi prime minister Mustafa al-Kadhimi met protesters in Nasiriyah. وقال الكاظمي إن الحكومة ستستمع.\"}"),
        StandardCharsets.UTF_8);
    app = SeededApp.with("it-highlight", List.of(feed));
  }

  @AfterAll
  static void stop() throws Exception {
    app.close();
  }

  static JsonNode first(String q) throws Exception {
    JsonNode r = JSON.readTree(app.get("/api/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)).body());
    assertTrue(r.get("total").asLong() >= 1, q + " → " + r);
    return r.get("hits").get(0);
  }

  @Test
  void theMarkCoversTheWordAsWrittenWithItsTatweelAndDiacritics() throws Exception {
    String snippets = first("داعش").get("snippets").toString();
    assertTrue(snippets.contains("<mark>داعـــش</mark>"), snippets);
    String again = first("محافظة").get("snippets").toString();
    assertTrue(again.contains("<mark>المُحافَظة</mark>"), again);
  }

  @Test
  void hashtagWordsAreMarkedInsideTheHashtag() throws Exception {
    String snippets = first("صلاح الدين").get("snippets").toString();
    assertTrue(snippets.contains("<mark>صلاح</mark>_<mark>الدين</mark>"), snippets);
  }

  @Test
  void htmlInArticlesIsEscapedInSnippetsAndTitles() throws Exception {
    JsonNode hit = first("البصرة");
    String snippets = hit.get("snippets").toString();
    assertFalse(snippets.contains("<script>"), snippets);
    assertTrue(snippets.contains("&lt;script&gt;"), snippets);
    assertEquals("&lt;b&gt;عنوان&lt;&#x2F;b&gt;", hit.get("title_html").asText());
    assertEquals("<b>عنوان</b>", hit.get("title").asText());
  }

  @Test
  void englishAndArabicInOneArticleAreBothFound() throws Exception {
    assertEquals("h03", first("Nasiriyah").get("id").asText());
    assertEquals("h03", first("protester").get("id").asText());
    assertEquals("h03", first("الكاظمي").get("id").asText());
  }
}
