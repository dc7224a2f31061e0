package io.akhbar.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.json.JsonpUtils;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The query, checked as the JSON Elasticsearch receives, without a node. */
class SearchQueryBuilderTest {

  private static final SearchParams.KnownIds ANY = new SearchParams.KnownIds() {
    public boolean isProvince(String id) { return id.startsWith("IQ-"); }
    public boolean isDistrict(String id) { return id.contains("."); }
    public boolean isActor(String id) { return true; }
  };

  private static JsonNode render(Map<String, List<String>> query) throws Exception {
    SearchRequest request = new SearchQueryBuilder("articles").search(SearchParams.parse(query, ANY), List.of());
    return new ObjectMapper().readTree(JsonpUtils.toJsonString(request, new JacksonJsonpMapper()));
  }

  @Test
  void eachHighlightedFieldMarksOnlyTheTermsSearchedOnItAndNamesGetTheirUnstemmedFields() throws Exception {
    JsonNode json = render(Map.of("q", List.of("Sudais")));
    assertTrue(json.at("/highlight/require_field_match").asBoolean(), json.at("/highlight").toString());
    assertTrue(json.at("/highlight/fields").has("body.exact"), "a name's spellings are marked on the unstemmed field");
  }

  @Test
  void filtersGoToPostFilterSoFacetsCanIgnoreTheirOwnSelection() throws Exception {
    JsonNode json = render(Map.of("q", List.of("داعش"), "province", List.of("IQ-BA", "IQ-BG"), "actor", List.of("isis")));
    JsonNode post = json.at("/post_filter/bool/filter");
    assertEquals(2, post.size());
    assertEquals("[\"IQ-BA\",\"IQ-BG\"]", post.get(0).at("/terms/provinces").toString());
    // the province facet applies the actor filter only; the actor facet applies the province filter only
    assertEquals("isis", json.at("/aggregations/province/filter/bool/filter/0/terms/actors/0").asText());
    assertEquals("IQ-BA", json.at("/aggregations/actor/filter/bool/filter/0/terms/provinces/0").asText());
    assertTrue(json.at("/aggregations/language/filter/bool/filter").size() == 2);
  }

  @Test
  void theTextQueryIsASimpleQueryStringOverEveryLanguageFieldWithQuotesOnTheExactField() throws Exception {
    JsonNode sqs = render(Map.of("q", List.of("\"تنظيم الدولة\" OR داعش -القاعدة"))).at("/query/simple_query_string");
    assertTrue(render(Map.of("q", List.of("تنظيم الدولة"))).at("/query/bool/should/1/multi_match").isObject(),
        "plain words are also analyzed together, so multi-word synonyms fire");
    assertEquals("\"تنظيم الدولة\" | داعش -القاعدة", sqs.get("query").asText());
    assertEquals(".exact", sqs.get("quote_field_suffix").asText());
    assertEquals("and", sqs.get("default_operator").asText());
    assertTrue(sqs.get("fields").toString().contains("body_en"));
    assertTrue(sqs.get("fields").toString().contains("body.ku"));
    assertTrue(sqs.get("lenient").asBoolean());
  }

  @Test
  void operatorsAroundANameTheGazetteerDoesNotKnowAddItsArabicReadingToEachGroup() throws Exception {
    JsonNode or = render(Map.of("q", List.of("Sudais OR Gargash")));
    assertEquals("Sudais | Gargash", or.at("/query/bool/should/0/simple_query_string/query").asText());
    String groups = or.at("/query/bool/should/1").toString();
    assertTrue(groups.contains("[سصث](و|ع)?[دضذ]") && groups.contains("[جغقك](ا|ع)?ر"), groups);
    JsonNode minus = render(Map.of("q", List.of("Haftar -Benghazi")));
    assertTrue(minus.at("/query/bool/should/1/bool/must_not").toString().contains("بنغازي"),
        "the exclusion is excluded in Arabic too");
    // known names and Arabic queries keep the syntax reading alone
    assertTrue(render(Map.of("q", List.of("داعش -القاعدة"))).at("/query/simple_query_string").isObject());
  }

  @Test
  void copiesCollapseOnTheStoryByDefaultWithTheirInnerHitsAndAStoryCountUnderTheFilters() throws Exception {
    JsonNode json = render(Map.of("q", List.of("داعش"), "province", List.of("IQ-BA")));
    assertEquals("story", json.at("/collapse/field").asText());
    assertFalse(json.at("/collapse").has("inner_hits"), "copies come from one filter-only request afterwards");
    assertEquals("IQ-BA", json.at("/aggregations/stories/filter/bool/filter/0/terms/provinces/0").asText());
    assertEquals("story", json.at("/aggregations/stories/aggregations/n/cardinality/field").asText());
    JsonNode all = render(Map.of("q", List.of("داعش"), "collapse", List.of("false")));
    assertFalse(all.has("collapse"));
    assertFalse(all.at("/aggregations").has("stories"));
  }

  @Test
  void noQueryMatchesEverythingNewestFirst() throws Exception {
    JsonNode json = render(Map.of());
    assertTrue(json.at("/query/match_all").isObject());
    assertEquals("desc", json.at("/sort/0/published_at/order").asText());
    assertEquals("_last", json.at("/sort/0/published_at/missing").asText());
    assertEquals("asc", json.at("/sort/1/id/order").asText(), "the id breaks ties so search_after is exact");
    assertFalse(json.has("post_filter"));
  }

  @Test
  void datesAreAnInclusiveRangeAndTheHistogramUsesTheInterval() throws Exception {
    JsonNode json = render(Map.of("from", List.of("2020-01-01"), "to", List.of("2020-12-31"), "interval", List.of("year")));
    JsonNode range = json.at("/post_filter/bool/filter/0/range/published_at");
    assertEquals("2020-01-01", range.get("gte").asText());
    assertEquals("2020-12-31", range.get("lte").asText());
    assertEquals("year", json.at("/aggregations/date/aggregations/buckets/date_histogram/calendar_interval").asText());
    assertTrue(json.at("/aggregations/date/aggregations/missing/missing").isObject());
  }

  @Test
  void pagesUseFromAndCursorsUseSearchAfter() throws Exception {
    assertEquals(20, render(Map.of("page", List.of("3"), "size", List.of("10"))).get("from").asInt());
    String cursor = new Cursor(SearchParams.Sort.DATE_DESC,
        List.of(co.elastic.clients.elasticsearch._types.FieldValue.of(1612137600000L),
            co.elastic.clients.elasticsearch._types.FieldValue.of("abc"))).encode();
    JsonNode json = render(Map.of("cursor", List.of(cursor), "collapse", List.of("false")));
    assertEquals("[1612137600000,\"abc\"]", json.get("search_after").toString());
    assertFalse(json.has("from"));
  }

  @Test
  void highlightsAreHtmlEncodedWithMarkTags() throws Exception {
    JsonNode h = render(Map.of("q", List.of("x"))).get("highlight");
    assertEquals("html", h.get("encoder").asText());
    assertEquals("<mark>", h.get("pre_tags").get(0).asText());
  }

  @Test
  void thePickerFacetsCoverTheWholeGazetteer() {
    io.akhbar.gazetteer.Gazetteer g = io.akhbar.gazetteer.Gazetteer.fromClasspath();
    org.junit.jupiter.api.Assertions.assertTrue(SearchQueryBuilder.FACET_SIZE >= g.actors().size()
        && SearchQueryBuilder.FACET_SIZE >= g.places().size(), "FACET_SIZE " + SearchQueryBuilder.FACET_SIZE
        + " < " + g.actors().size() + " actors / " + g.places().size() + " places: the pickers would miss some");
  }

  @Test
  void aQueryThatIsWhollyAGazetteerNameReadsArabicArticlesOnlyThroughItsUnstemmedNames() throws Exception {
    // the stemmed field would meet «الكاميرون» (Cameroon) for Cameron; a name no gazetteer knows keeps every field
    for (String q : List.of("David Cameron", "Cameron", "Barack Obama", "Hamas")) {
      JsonNode sqs = render(Map.of("q", List.of(q))).findValue("simple_query_string");
      List<String> fields = new java.util.ArrayList<>();
      sqs.path("fields").forEach(f -> fields.add(f.asText()));
      assertEquals(SearchQueryBuilder.OTHER_SCRIPT_FIELDS, fields, q);
    }
    JsonNode unknown = render(Map.of("q", List.of("Sudais"))).findValue("simple_query_string");
    assertTrue(unknown.path("fields").toString().contains("\"body\""), unknown.toString());
  }
}
