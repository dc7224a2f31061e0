package io.akhbar.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The search API's contract, against a real node with the five seed articles. */
class SearchApiIT {

  static final ObjectMapper JSON = new ObjectMapper();
  static SeededApp app;

  @BeforeAll
  static void start() throws Exception {
    app = SeededApp.withSeeds("it-search-api");
    assertEquals(5, app.seeded.indexed(), "the five seeds are indexed: " + app.seeded);
  }

  @AfterAll
  static void stop() throws Exception {
    app.close();
  }

  static JsonNode get(String path) {
    HttpResponse<String> r = app.get(path);
    assertEquals(200, r.statusCode(), path + " → " + r.body());
    try {
      return JSON.readTree(r.body());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** The seed number (000–004) of each hit, in order. */
  static List<String> seeds(JsonNode result) {
    List<String> out = new ArrayList<>();
    Pattern p = Pattern.compile("(\\d{3})_[0-9a-f]{8,}");
    for (JsonNode hit : result.get("hits")) {
      Matcher m = p.matcher(hit.get("source").asText());
      out.add(m.find() ? m.group(1) : hit.get("source").asText());
    }
    return out;
  }

  static String actorId(String nameEnFragment) {
    return SeededApp.GAZETTEER.actors().stream().filter(a -> a.nameEn().contains(nameEnFragment)).findFirst()
        .orElseThrow(() -> new AssertionError("no actor named like " + nameEnFragment)).id();
  }

  @Test
  void everyPublicEvalQueryPasses() throws Exception {
    JsonNode cases = JSON.readTree(SearchApiIT.class.getResourceAsStream("/eval/queries.json"));
    List<String> failures = new ArrayList<>();
    for (JsonNode c : cases) {
      StringBuilder url = new StringBuilder("/api/search?size=10");
      if (c.has("q")) {
        url.append("&q=").append(enc(c.get("q").asText()));
      }
      if (c.has("filters")) {
        c.get("filters").fields().forEachRemaining(f -> f.getValue().forEach(v -> url.append('&').append(f.getKey()).append('=').append(enc(v.asText()))));
      }
      List<String> got = seeds(get(url.toString()));
      Set<String> gotSet = new HashSet<>(got);
      if (c.has("expect_all")) {
        c.get("expect_all").forEach(e -> { if (!gotSet.contains(e.asText())) failures.add(c + " missing " + e + " got " + got); });
      }
      if (c.has("expect_exact")) {
        Set<String> want = new HashSet<>();
        c.get("expect_exact").forEach(e -> want.add(e.asText()));
        if (!want.equals(gotSet) || got.size() != want.size()) failures.add(c + " got " + got);
      }
      if (c.has("expect_none")) {
        c.get("expect_none").forEach(e -> { if (gotSet.contains(e.asText())) failures.add(c + " unwanted " + e); });
      }
    }
    assertTrue(failures.isEmpty(), String.join("\n", failures));
  }

  @Test
  void searchingIsisInEnglishFindsArticlesThatSayDaesh() {
    List<String> got = seeds(get("/api/search?q=ISIS"));
    assertTrue(got.containsAll(List.of("000", "002", "003", "004")), got.toString());
  }

  @Test
  void noQueryMeansEverythingNewestFirstWithUndatedLast() {
    JsonNode r = get("/api/search?size=10");
    assertEquals(5, r.get("total").asLong());
    List<String> dates = new ArrayList<>();
    r.get("hits").forEach(h -> dates.add(h.get("published_at").isNull() ? null : h.get("published_at").asText()));
    assertEquals("2021-02-01", dates.get(0));
    assertEquals("2020-05-23", dates.get(1));
    assertTrue(dates.subList(2, 5).stream().allMatch(d -> d == null), dates.toString());
    assertEquals(3, r.get("facets").get("date_missing").asLong());
  }

  @Test
  void provinceFilterKeepsEveryProvinceCountVisibleWhileOtherFacetsFollowIt() {
    JsonNode all = get("/api/search?size=1");
    JsonNode basra = get("/api/search?size=10&province=IQ-BA");
    assertEquals(List.of("002"), seeds(basra));
    assertEquals(1, basra.get("total").asLong());
    // disjunctive: the province facet ignores the province filter, so it is the same as without it
    assertEquals(counts(all, "province"), counts(basra, "province"));
    assertTrue(counts(all, "province").size() > 1);
    // the other facets respect it: each actor count is the number of Basra articles naming the actor (here 1)
    Map<String, Long> actors = counts(basra, "actor");
    assertFalse(actors.isEmpty());
    assertTrue(actors.values().stream().allMatch(n -> n == 1), actors.toString());
    assertEquals(1, counts(basra, "language").values().stream().mapToLong(Long::longValue).sum());
  }

  @Test
  void facetCountsEqualTheNumberOfMatchingArticlesCountedByHand() {
    // count, from the hits themselves, how many articles carry each province, and compare with the facet
    JsonNode r = get("/api/search?size=100");
    Map<String, Long> byHand = new TreeMap<>();
    r.get("hits").forEach(h -> h.get("provinces").forEach(p -> byHand.merge(p.get("id").asText(), 1L, Long::sum)));
    assertEquals(byHand, new TreeMap<>(counts(r, "province")));
    Map<String, Long> actorsByHand = new TreeMap<>();
    r.get("hits").forEach(h -> h.get("actors").forEach(a -> actorsByHand.merge(a.get("id").asText(), 1L, Long::sum)));
    assertEquals(actorsByHand, new TreeMap<>(counts(r, "actor")));
  }

  @Test
  void twoProvincesAreOredAndAnActorNarrowsThem() {
    JsonNode r = get("/api/search?province=IQ-BA&province=IQ-SD");
    Set<String> got = new HashSet<>(seeds(r));
    assertTrue(got.containsAll(Set.of("002", "000")), got.toString());
    String kadhimi = actorId("Kadhimi");
    JsonNode narrowed = get("/api/search?province=IQ-BA&province=IQ-SD&actor=" + kadhimi);
    assertTrue(seeds(narrowed).contains("002"));
    assertFalse(seeds(narrowed).contains("000"), "000 does not name al-Kadhimi");
  }

  @Test
  void dateRangeIsInclusive() {
    assertEquals(List.of("002"), seeds(get("/api/search?from=2020-05-23&to=2020-05-23")));
    assertEquals(List.of("000"), seeds(get("/api/search?from=2021-01-01")));
    JsonNode hist = get("/api/search?size=1&interval=year");
    List<String> keys = new ArrayList<>();
    hist.get("facets").get("date").forEach(b -> keys.add(b.get("key").asText() + ":" + b.get("count").asLong()));
    assertEquals(List.of("2020:1", "2021:1"), keys);
  }

  @Test
  void cursorPagingReturnsEveryDocumentExactlyOnce() {
    for (String sort : List.of("date_desc", "date_asc", "relevance")) {
      List<String> ids = new ArrayList<>();
      String url = "/api/search?collapse=false&size=2&sort=" + sort + (sort.equals("relevance") ? "&q=" + enc("العراق") : "");
      JsonNode page = get(url);
      long total = page.get("total").asLong();
      while (true) {
        page.get("hits").forEach(h -> ids.add(h.get("id").asText()));
        if (page.get("next_cursor").isNull()) {
          break;
        }
        page = get(url + "&cursor=" + page.get("next_cursor").asText());
      }
      assertEquals(total, ids.size(), sort + ": " + ids);
      assertEquals(ids.size(), new HashSet<>(ids).size(), sort + " repeats: " + ids);
    }
  }

  @Test
  void pagesDoNotOverlap() {
    Set<String> seen = new HashSet<>();
    for (int page = 1; page <= 3; page++) {
      get("/api/search?size=2&page=" + page).get("hits").forEach(h -> assertTrue(seen.add(h.get("id").asText())));
    }
    assertEquals(5, seen.size());
  }

  @Test
  void aQuotedPhraseMatchesTheExactWordsOnlyWhileUnquotedWordsGetSynonymsAndStemming() {
    // 004 writes «تنظيم الدولة»; 000 and 003 write «تنظيم داعش» (a synonym of the phrase, not the phrase)
    assertEquals(List.of("004"), seeds(get("/api/search?q=" + enc("\"تنظيم الدولة\""))));
    List<String> unquoted = seeds(get("/api/search?q=" + enc("تنظيم الدولة")));
    assertTrue(unquoted.containsAll(List.of("000", "003", "004")), unquoted.toString());
    // a quoted word is not stemmed: «قائد» quoted misses 000, which only writes the plural «قادة»
    assertFalse(seeds(get("/api/search?q=" + enc("\"قائد\""))).contains("000"));
    assertTrue(seeds(get("/api/search?q=" + enc("قائد"))).contains("000"), "unquoted, the broken plural is found");
  }

  @Test
  void snippetsMarkTheMatchedWords() {
    JsonNode r = get("/api/search?q=" + enc("الحشد الشعبي"));
    JsonNode first = r.get("hits").get(0);
    assertTrue(first.get("snippets").toString().contains("<mark>"), first.toString());
  }

  @Test
  void exportHasOneRowPerMatch() throws Exception {
    JsonNode r = get("/api/search?size=1&q=" + enc("داعش"));
    long total = r.get("total").asLong();
    HttpResponse<String> jsonl = app.get("/api/export?format=jsonl&q=" + enc("داعش"));
    assertEquals(200, jsonl.statusCode());
    assertEquals(total, jsonl.body().lines().filter(l -> !l.isBlank()).count());
    HttpResponse<String> csv = app.get("/api/export?q=" + enc("داعش"));
    assertEquals(200, csv.statusCode());
    try (var parser = org.apache.commons.csv.CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(new java.io.StringReader(csv.body().replace("\uFEFF", "")))) {
      assertEquals(total, parser.getRecords().size());
    }
  }

  @Test
  void articleEndpointGivesTheFullTextWhoTaggedItAndWhenOr404() {
    String id = get("/api/search?size=1").get("hits").get(0).get("id").asText();
    JsonNode article = get("/api/articles/" + id);
    assertTrue(article.get("body").asText().length() > 500);
    assertEquals(new io.akhbar.gazetteer.Tagger(SeededApp.GAZETTEER).taggedBy(), article.get("tagged_by").asText());
    java.time.Instant taggedAt = java.time.Instant.parse(article.get("tagged_at").asText());
    assertTrue(taggedAt.isAfter(java.time.Instant.now().minus(java.time.Duration.ofHours(1))), "tagged at indexing: " + taggedAt);
    assertTrue(article.get("tags_checked_by").isNull(), "no later re-tag checked it");
    HttpResponse<String> missing = app.get("/api/articles/no-such-id");
    assertEquals(404, missing.statusCode());
    assertTrue(missing.body().contains("\"code\":\"not_found\""));
  }

  @Test
  void healthReportsEngineVersionIndexAndCount() {
    JsonNode h = get("/health");
    assertEquals("ok", h.get("status").asText());
    assertNotNull(h.get("version").asText());
    assertTrue(h.get("index").asText().startsWith("it-search-api-v"));
    assertEquals(5, h.get("documents").asLong());
  }

  @Test
  void actorPickerFindsNamesInEitherScript() {
    JsonNode ar = get("/api/facets/actors?prefix=" + enc("الكاظ"));
    JsonNode en = get("/api/facets/actors?prefix=Kadh");
    String id = actorId("Kadhimi");
    assertTrue(ar.toString().contains(id), ar.toString());
    assertTrue(en.toString().contains(id), en.toString());
  }

  @Test
  void actorPickerSuggestsTheCanonicalNameForAnotherSpelling() {
    JsonNode jaburi = get("/api/facets/actors?prefix=Jaburi");
    assertTrue(jaburi.toString().contains("salim-al-jabouri"), jaburi.toString());
    JsonNode fayadh = get("/api/facets/actors?prefix=" + enc("al-Fayadh"));
    assertTrue(fayadh.toString().contains("falih-al-fayyadh"), fayadh.toString());
  }

  @Test
  void provincePickerListsEveryGovernorateWithDistricts() {
    JsonNode p = get("/api/facets/provinces");
    assertTrue(p.size() >= 19, "18 governorates and Halabja");
    Map<String, Long> counts = new HashMap<>();
    p.forEach(g -> counts.put(g.get("id").asText(), g.get("count").asLong()));
    assertEquals(1L, counts.get("IQ-BA"));
  }

  @ParameterizedTest(name = "{0} → 400 naming {1}")
  @CsvSource(delimiter = '|', value = {
      "sort=sideways|sort",
      "size=0|size",
      "size=1000|size",
      "size=abc|size",
      "page=0|page",
      "page=5000&size=100|page",
      "from=2021-02-30|from",
      "from=yesterday|from",
      "to=2021/02/01|to",
      "from=2021-02-01&to=2020-01-01|from",
      "province=IQ-XX|province",
      "province=Baghdad|province",
      "actor=nobody-at-all|actor",
      "language=fr|language",
      "interval=week|interval",
      "cursor=not-a-cursor|cursor",
      "provice=IQ-BA|provice",
      "q=a&q=b|q",
  })
  void badParametersAreRefusedWithTheParameterNamed(String query, String parameter) throws Exception {
    HttpResponse<String> r = app.get("/api/search?" + query);
    assertEquals(400, r.statusCode(), r.body());
    JsonNode error = JSON.readTree(r.body()).get("error");
    assertEquals(parameter, error.get("parameter").asText());
    assertFalse(error.get("message").asText().isBlank());
  }

  @Test
  void anOverLongQueryIsRefused() throws Exception {
    HttpResponse<String> r = app.get("/api/search?q=" + enc("ب".repeat(10_000)));
    assertEquals(400, r.statusCode());
    assertEquals("q", JSON.readTree(r.body()).get("error").get("parameter").asText());
  }

  @Test
  void hostileQueriesNeverCauseAnError() {
    for (String q : List.of("\"unbalanced", "((", "-", "|", "+ - |", "OR", "AND NOT", "*", "\\", "title:داعش",
        "{\"query\":{\"match_all\":{}}}", "body:/.*/ ~2", "<script>alert(1)</script>", "داعش~", "\"\"", "\u0000")) {
      HttpResponse<String> r = app.get("/api/search?q=" + enc(q));
      assertEquals(200, r.statusCode(), q + " → " + r.body());
    }
  }

  private static Map<String, Long> counts(JsonNode result, String facet) {
    Map<String, Long> out = new HashMap<>();
    result.get("facets").get(facet).forEach(b -> out.put(b.get("id").asText(), b.get("count").asLong()));
    return out;
  }
}
