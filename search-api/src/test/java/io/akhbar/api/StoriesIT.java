package io.akhbar.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.akhbar.core.Article;
import io.akhbar.gazetteer.Tagger;
import io.akhbar.indexer.ArticleFactory;
import io.akhbar.indexer.BulkWriter;
import io.akhbar.indexer.Indexer;
import io.akhbar.indexer.Retagger;
import io.akhbar.core.testing.StoryTexts;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Wire copies end to end: the indexer gives the copies of one text one story (in one run, and a copy arriving in a
 * later run joins the stored story), the search shows each story once with its copies' count and papers, and
 * {@code collapse=false} shows every article.
 */
class StoriesIT {

  static final ObjectMapper JSON = new ObjectMapper();
  static SeededApp app;
  /** The first five articles: the later tests add copies dated after them, or undated. */
  static final String Q = "/api/search?to=2015-08-04&q=" + URLEncoder.encode("مستشفى جدة", StandardCharsets.UTF_8);

  static String line(String id, String source, String date, String body) throws Exception {
    ObjectNode o = JSON.createObjectNode();
    o.put("id", id).put("title", "عنوان " + id).put("body", body).put("source", source).put("published_at", date)
        .put("language", "ar");
    return JSON.writeValueAsString(o) + "\n";
  }

  static Path feed(String... lines) throws Exception {
    Path f = Files.createTempFile("stories", ".jsonl");
    Files.writeString(f, String.join("", lines), StandardCharsets.UTF_8);
    return f;
  }

  static Indexer indexer() {
    return new Indexer(app.es, app.alias, new ArticleFactory(new Tagger(SeededApp.GAZETTEER), Clock.systemUTC()),
        BulkWriter.Options.defaults());
  }

  @BeforeAll
  static void start() throws Exception {
    app = SeededApp.with("it-stories", List.of(feed(
        line("w1", "okaz", "2015-08-01", StoryTexts.WIRE),
        line("w2", "alriyadh", "2015-08-01", StoryTexts.WIRE_COPY),
        line("w3", "alwatan", "2015-08-02", StoryTexts.WIRE_THIRD),
        line("f4", "okaz", "2015-08-03", StoryTexts.reliefFlight(4, 20) + " مستشفى جدة"),
        line("f5", "alyaum", "2015-08-04", StoryTexts.reliefFlight(5, 35) + " مستشفى جدة"))));
    assertEquals(5, app.seeded.indexed(), app.seeded.toString());
  }

  @AfterAll
  static void stop() throws Exception {
    app.close();
  }

  static Article stored(String id) throws Exception {
    return app.es.client().get(g -> g.index(app.alias).id(id), Article.class).source();
  }

  static JsonNode hit(JsonNode result, String id) {
    for (JsonNode h : result.get("hits")) {
      if (h.get("id").asText().equals(id)) {
        return h;
      }
    }
    return null;
  }

  @Test
  void aStoryIsOneHitWithItsCopiesCountedAndTheirPapersNamed() throws Exception {
    assertEquals("w1", stored("w2").story());
    assertEquals("w1", stored("w3").story());
    assertEquals("f5", stored("f5").story(), "another figure: another report");
    JsonNode r = JSON.readTree(app.get(Q).body());
    assertEquals(5, r.get("total").asLong(), "total counts articles");
    assertEquals(3, r.get("stories").asLong(), "and stories are counted beside it");
    assertEquals(3, r.get("hits").size(), r.toString());
    JsonNode wire = null;
    for (JsonNode h : r.get("hits")) {
      if (Set.of("w1", "w2", "w3").contains(h.get("id").asText())) {
        assertNull(wire, "one hit per story");
        wire = h;
      }
    }
    assertEquals(2, wire.at("/copies/count").asLong(), wire.toString());
    Set<String> papers = new TreeSet<>();
    wire.at("/copies/sources").forEach(s -> papers.add(s.asText()));
    Set<String> all = new TreeSet<>(Set.of("okaz", "alriyadh", "alwatan"));
    all.remove(wire.get("source").asText());
    assertEquals(all, papers);
    assertEquals(2, wire.at("/copies/articles").size());
    assertEquals(0, hit(r, "f5").at("/copies/count").asLong());
    OpenApiContractIT.spec = JSON.readTree(app.get("/openapi.json").body());
    OpenApiContractIT.assertConforms(r, OpenApiContractIT.spec.at("/components/schemas/SearchResult"), "search result");
  }

  @Test
  void collapseFalseShowsEveryArticleAndTheFacetsCountArticlesEitherWay() throws Exception {
    JsonNode all = JSON.readTree(app.get(Q + "&collapse=false").body());
    assertEquals(5, all.get("hits").size());
    assertTrue(all.get("stories").isNull(), all.toString());
    assertTrue(hit(all, "w1").get("copies").isNull());
    JsonNode collapsed = JSON.readTree(app.get(Q).body());
    assertEquals(all.at("/facets/date"), collapsed.at("/facets/date"));
  }

  @Test
  void copiesAndStoriesRespectTheFilters() throws Exception {
    JsonNode r = JSON.readTree(app.get(Q + "&from=2015-08-02").body());
    assertEquals(3, r.get("total").asLong());
    assertEquals(3, r.get("stories").asLong());
    JsonNode w3 = hit(r, "w3");
    assertEquals(0, w3.at("/copies/count").asLong(), "its copies of 1 August are filtered out: " + w3);
  }

  @Test
  void aCursorNeedsCollapseOffAndCollapseIsTrueOrFalse() throws Exception {
    var r = app.get(Q + "&cursor=abc");
    assertEquals(400, r.statusCode());
    assertEquals("cursor", JSON.readTree(r.body()).at("/error/parameter").asText(), r.body());
    var bad = app.get(Q + "&collapse=maybe");
    assertEquals(400, bad.statusCode());
    assertEquals("collapse", JSON.readTree(bad.body()).at("/error/parameter").asText(), bad.body());
    JsonNode page = JSON.readTree(app.get(Q + "&collapse=false&size=2").body());
    assertTrue(page.get("next_cursor").isTextual());
    assertEquals(200, app.get(Q + "&collapse=false&size=2&cursor=" + page.get("next_cursor").asText()).statusCode());
  }

  @Test
  void aCopyArrivingInALaterRunJoinsTheStoredStoryAndARerunChangesNothing() throws Exception {
    Path later = feed(line("w4", "sabq", "2015-08-05", "الرياض - " + StoryTexts.WIRE));
    indexer().run(List.of(later), Files.createTempFile("dl", ".jsonl"));
    assertEquals("w1", stored("w4").story());
    var again = indexer().run(List.of(later), Files.createTempFile("dl", ".jsonl"));
    assertEquals(1, again.unchanged());
    assertEquals("w1", stored("w4").story());
  }

  @Test
  void articlesStoredBeforeStoriesExistedGetThemFromTheRetag() throws Exception {
    List<co.elastic.clients.elasticsearch.core.bulk.BulkOperation> ops = new ArrayList<>();
    for (String[] d : List.of(new String[] {"old1", StoryTexts.WIRE}, new String[] {"old2", StoryTexts.WIRE_COPY})) {
      Map<String, Object> doc = new java.util.LinkedHashMap<>();
      doc.put("id", d[0]);
      doc.put("title", "قديم");
      doc.put("body", d[1]);
      doc.put("language", "ar");
      doc.put("tagged_by", new Tagger(SeededApp.GAZETTEER).taggedBy());
      ops.add(co.elastic.clients.elasticsearch.core.bulk.BulkOperation.of(o -> o.index(i -> i.index(app.alias)
          .id(d[0]).document(doc))));
    }
    app.es.client().bulk(b -> b.operations(ops).refresh(co.elastic.clients.elasticsearch._types.Refresh.True));
    Retagger retagger = new Retagger(app.es.client(), app.alias, new Tagger(SeededApp.GAZETTEER));
    assertEquals(2, retagger.pending());
    retagger.run(Long.MAX_VALUE, n -> { });
    assertEquals(0, retagger.pending());
    // both copy the stored w1 (given its story at indexing): they join it
    assertEquals("w1", stored("old1").story());
    assertEquals("w1", stored("old2").story());
    assertTrue(stored("old1").storyKeys().size() > 30);
  }
}
