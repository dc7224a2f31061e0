package io.akhbar.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SearchParamsTest {

  private static final SearchParams.KnownIds KNOWN = new SearchParams.KnownIds() {
    public boolean isProvince(String id) { return id.equals("IQ-BA") || id.equals("IQ-BG"); }
    public boolean isDistrict(String id) { return false; }
    public boolean isActor(String id) { return id.equals("isis"); }
  };

  @Test
  void defaultsAreRelevanceWithAQueryAndNewestFirstWithout() {
    assertEquals(SearchParams.Sort.RELEVANCE, SearchParams.parse(Map.of("q", List.of("x")), KNOWN).sort());
    SearchParams none = SearchParams.parse(Map.of(), KNOWN);
    assertEquals(SearchParams.Sort.DATE_DESC, none.sort());
    assertEquals(10, none.size());
    assertEquals(1, none.page());
    assertEquals(SearchParams.Interval.MONTH, none.interval());
  }

  @Test
  void repeatedAndCommaSeparatedIdsAreBothAccepted() {
    SearchParams p = SearchParams.parse(Map.of("province", List.of("IQ-BA,IQ-BG", "IQ-BA")), KNOWN);
    assertEquals(List.of("IQ-BA", "IQ-BG"), p.provinces());
  }

  @Test
  void resultsAreCollapsedUnlessCollapseIsFalseAndACursorNeedsThemUncollapsed() {
    assertTrue(SearchParams.parse(Map.of(), KNOWN).collapse());
    assertFalse(SearchParams.parse(Map.of("collapse", List.of("false")), KNOWN).collapse());
    assertTrue(SearchParams.parse(Map.of("collapse", List.of("true")), KNOWN).collapse());
    ApiException cursor = assertThrows(ApiException.class,
        () -> SearchParams.parse(Map.of("cursor", List.of("abc")), KNOWN));
    assertEquals("cursor", cursor.parameter());
    ApiException bad = assertThrows(ApiException.class,
        () -> SearchParams.parse(Map.of("collapse", List.of("maybe")), KNOWN));
    assertEquals("collapse", bad.parameter());
  }

  @Test
  void aBlankQueryIsNoQuery() {
    assertEquals(java.util.Optional.empty(), SearchParams.parse(Map.of("q", List.of("   ")), KNOWN).q());
  }

  @Test
  void datesParseAsIsoDates() {
    SearchParams p = SearchParams.parse(Map.of("from", List.of("2020-01-01"), "to", List.of("2020-01-01")), KNOWN);
    assertEquals(LocalDate.of(2020, 1, 1), p.from().orElseThrow());
  }

  @Test
  void everyErrorNamesItsParameter() {
    record Case(Map<String, List<String>> query, String parameter) {}
    for (Case c : List.of(
        new Case(Map.of("size", List.of("0")), "size"),
        new Case(Map.of("size", List.of("101")), "size"),
        new Case(Map.of("from", List.of("31-12-2020")), "from"),
        new Case(Map.of("to", List.of("2021-02-29")), "to"),
        new Case(Map.of("province", List.of("IQ-ZZ")), "province"),
        new Case(Map.of("actor", List.of("nobody")), "actor"),
        new Case(Map.of("sort", List.of("random")), "sort"),
        new Case(Map.of("cursor", List.of("x"), "page", List.of("2")), "page"),
        new Case(Map.of("q", List.of("x".repeat(1001))), "q"),
        new Case(Map.of("bogus", List.of("1")), "bogus"))) {
      ApiException e = assertThrows(ApiException.class, () -> SearchParams.parse(c.query(), KNOWN), c.toString());
      assertEquals(400, e.status());
      assertEquals(c.parameter(), e.parameter(), c.toString());
    }
  }
}
