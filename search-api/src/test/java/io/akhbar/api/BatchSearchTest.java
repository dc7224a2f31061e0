package io.akhbar.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BatchSearchTest {

  @Test
  void namesAreOneALineWithBlanksAndRepeatsDropped() {
    assertEquals(List.of("مصطفى الكاظمي", "Haider al-Abadi", "Kirkuk"),
        BatchSearch.names("\uFEFFمصطفى الكاظمي\n\n  Haider   al-Abadi \r\nKirkuk\nمصطفى الكاظمي\n", "text/plain"));
  }

  @Test
  void aCsvGivesTheColumnHeadedNameOrElseItsFirstColumn() {
    assertEquals(List.of("Abadi", "شركة الزوراء"),
        BatchSearch.names("id,name,kind\n1,Abadi,person\n2,\"شركة الزوراء\",company\n", "text/csv"));
    assertEquals(List.of("Abadi", "Sadr"), BatchSearch.names("Abadi,x\nSadr,y\n", "text/csv"));
    assertEquals(List.of("Abadi"), BatchSearch.names("الاسم,النوع\nAbadi,شخص\n", null), "a CSV header read as such");
  }

  @Test
  void anEmptyOrTooLongListIsA400NamingNames() {
    ApiException empty = assertThrows(ApiException.class, () -> BatchSearch.names(" \n\n", "text/plain"));
    assertEquals("names", empty.parameter());
    String many = String.join("\n", java.util.stream.IntStream.range(0, BatchSearch.MAX_NAMES + 1).mapToObj(i -> "n" + i).toList());
    assertEquals("too_many", assertThrows(ApiException.class, () -> BatchSearch.names(many, "text/plain")).code());
  }

  @Test
  void eachRowLinksToItsSearchWithTheBatchsFilters() {
    assertEquals("/?q=Haider%20al-Abadi&from=2015-01-01&province=IQ-BA",
        BatchSearch.searchUrl(Map.of("q", List.of("Haider al-Abadi"), "province", List.of("IQ-BA"), "from", List.of("2015-01-01"))));
  }
}
