package io.akhbar.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import io.akhbar.core.ApiKeys;
import io.akhbar.gazetteer.Tagger;
import io.akhbar.indexer.ArticleFactory;
import io.akhbar.indexer.BulkWriter;
import io.akhbar.indexer.Indexer;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A saved search lives in the cluster and has an Atom 1.0 feed (parsed by ROME here): the newest matching articles
 * first, and an article indexed later appears at the top; with keys on, the feed URL carries its read-only token.
 */
class SavedSearchFeedIT {

  static final ObjectMapper JSON = new ObjectMapper();
  static SeededApp app;

  @BeforeAll
  static void start() throws Exception {
    app = SeededApp.withSeeds("it-saved");
    app.es.client().indices().delete(d -> d.index(app.search.savedSearches().index()).ignoreUnavailable(true));
  }

  @AfterAll
  static void stop() throws Exception {
    app.es.client().indices().delete(d -> d.index(app.search.savedSearches().index()).ignoreUnavailable(true));
    app.close();
  }

  static HttpResponse<String> send(SeededApp a, String method, String path, String json) {
    return a.send(HttpRequest.newBuilder(URI.create(a.baseUrl() + path)).header("Content-Type", "application/json")
        .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
        .build());
  }

  static SyndFeed parse(String xml) throws Exception {
    return new SyndFeedInput().build(new StringReader(xml));
  }

  @Test
  void aSavedSearchIsListedAndItsFeedIsValidAtomWithTheNewestArticleOnTop() throws Exception {
    HttpResponse<String> created = send(app, "POST", "/api/saved",
        "{\"name\":\"داعش في بغداد\",\"query\":\"q=%D8%AF%D8%A7%D8%B9%D8%B4&province=IQ-BG&page=2\"}");
    assertEquals(201, created.statusCode(), created.body());
    JsonNode saved = JSON.readTree(created.body());
    assertEquals("province=IQ-BG&q=%D8%AF%D8%A7%D8%B9%D8%B4", saved.get("query").asText(), "paging is not saved");
    assertTrue(saved.get("feed_url").asText().matches("/feeds/[A-Za-z0-9_-]+\\.atom"), saved.toString());
    JsonNode spec = JSON.readTree(app.get("/openapi.json").body());
    OpenApiContractIT.spec = spec;
    OpenApiContractIT.assertConforms(saved, spec.at("/components/schemas/SavedSearch"), "saved search");
    JsonNode list = JSON.readTree(app.get("/api/saved").body());
    assertTrue(list.isArray() && list.size() >= 1 && list.get(0).get("id").asText().equals(saved.get("id").asText()));

    HttpResponse<String> feed = app.get(saved.get("feed_url").asText());
    assertEquals(200, feed.statusCode());
    assertTrue(feed.headers().firstValue("Content-Type").orElse("").startsWith("application/atom+xml"));
    SyndFeed atom = parse(feed.body());
    assertEquals("atom_1.0", atom.getFeedType());
    assertEquals("داعش في بغداد", atom.getTitle());
    long expected = JSON.readTree(app.get("/api/search?q=%D8%AF%D8%A7%D8%B9%D8%B4&province=IQ-BG").body()).get("total").asLong();
    assertEquals(expected, atom.getEntries().size(), "every matching article (fewer than a feed's 30)");

    // an article indexed later is the feed's first entry
    Path later = Files.createTempFile("later", ".jsonl");
    Files.writeString(later, "{\"id\":\"later-1\",\"title\":\"داعش يهاجم قرب بغداد\",\"body\":\"أعلنت قيادة عمليات بغداد أن"
        + " عناصر من داعش هاجموا نقطة أمنية في بغداد فجر اليوم.\",\"language\":\"ar\"}\n", StandardCharsets.UTF_8);
    new Indexer(app.es, app.alias, new ArticleFactory(new Tagger(SeededApp.GAZETTEER), Clock.systemUTC()),
        BulkWriter.Options.defaults()).run(List.of(later), Files.createTempFile("dl", ".jsonl"));
    app.es.client().indices().refresh(r -> r.index(app.alias));
    SyndFeed after = parse(app.get(saved.get("feed_url").asText()).body());
    assertEquals(expected + 1, after.getEntries().size());
    SyndEntry top = after.getEntries().get(0);
    assertEquals("داعش يهاجم قرب بغداد", top.getTitle());
    assertEquals("tag:akhbar,2026:article:later-1", top.getUri());
    assertTrue(top.getLink().contains("#article=later-1"), top.getLink());

    assertEquals(204, send(app, "DELETE", "/api/saved/" + saved.get("id").asText(), null).statusCode());
    assertEquals(404, app.get(saved.get("feed_url").asText()).statusCode());
  }

  @Test
  void aBadSavedSearchIsA400NamingWhatIsWrong() throws Exception {
    JsonNode noName = JSON.readTree(send(app, "POST", "/api/saved", "{\"query\":\"q=x\"}").body());
    assertEquals("name", noName.at("/error/parameter").asText());
    HttpResponse<String> badFilter = send(app, "POST", "/api/saved", "{\"name\":\"x\",\"query\":\"province=XX-99\"}");
    assertEquals(400, badFilter.statusCode());
    assertEquals("province", JSON.readTree(badFilter.body()).at("/error/parameter").asText());
    assertEquals("body", JSON.readTree(send(app, "POST", "/api/saved", "not json").body()).at("/error/parameter").asText());
    HttpResponse<String> badEscape = send(app, "POST", "/api/saved", "{\"name\":\"x\",\"query\":\"q=%ZZ\"}");
    assertEquals(400, badEscape.statusCode(), "a malformed escape is the request's fault: " + badEscape.body());
    assertEquals("q", JSON.readTree(badEscape.body()).at("/error/parameter").asText());
    assertEquals(404, send(app, "DELETE", "/api/saved/nope", null).statusCode());
  }

  @Test
  void withKeysOnTheFeedUrlCarriesAReadOnlyTokenAndNothingElseOpensIt() throws Exception {
    ApiKeys[] keys = new ApiKeys[1];
    try (SeededApp keyed = SeededApp.withKeys("it-saved-keys", a -> {
      keys[0] = new ApiKeys(a.es.client(), a.alias);
      return Access.keys(keys[0], 0);
    }, SearchApp.Admin.NONE, List.of())) {
      String key = keys[0].create("desk", ApiKeys.Role.SEARCH).token();
      HttpResponse<String> created = keyed.send(HttpRequest.newBuilder(URI.create(keyed.baseUrl() + "/api/saved"))
          .header("Content-Type", "application/json").header("Authorization", "ApiKey " + key)
          .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Basra\",\"query\":\"province=IQ-BA\"}")).build());
      assertEquals(201, created.statusCode(), created.body());
      String feedUrl = JSON.readTree(created.body()).get("feed_url").asText();
      assertTrue(feedUrl.contains("?token="), feedUrl);
      assertEquals(200, keyed.get(feedUrl).statusCode(), "the token opens the feed, no header needed");
      String without = feedUrl.substring(0, feedUrl.indexOf('?'));
      assertEquals(401, keyed.get(without).statusCode());
      assertEquals(401, keyed.get(without + "?token=wrong").statusCode());
      assertEquals(401, keyed.get("/api/saved").statusCode(), "the list itself needs a key");
      assertFalse(keyed.get(feedUrl).body().contains(key), "no key in the feed");
      keyed.es.client().indices().delete(d -> d.index(keys[0].index()).ignoreUnavailable(true));
      keyed.es.client().indices().delete(d -> d.index(keyed.search.savedSearches().index()).ignoreUnavailable(true));
    }
  }
}
