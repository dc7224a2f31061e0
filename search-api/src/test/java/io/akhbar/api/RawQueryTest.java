package io.akhbar.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RawQueryTest {

  @Test
  void wellFormedQueriesPass() {
    RawQuery.check("q=%D8%AF%D8%A7%D8%B9%D8%B4&province=IQ-BA&size=10&q2=a+b");
    assertEquals("داعش", RawQuery.decodeStrictly("%D8%AF%D8%A7%D8%B9%D8%B4"));
    assertEquals("a b", RawQuery.decodeStrictly("a+b"));
  }

  @Test
  void aMalformedEscapeIsA400NamingTheParameter() {
    for (String bad : new String[] {"q=%ZZ", "q=%E0%A4%A", "q=%", "q=%C3%28"}) {
      ApiException e = assertThrows(ApiException.class, () -> RawQuery.check("size=10&" + bad), bad);
      assertEquals(400, e.status());
      assertEquals("q", e.parameter());
    }
  }
}
