package io.akhbar.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class QuerySyntaxTest {

  @Test
  void journalistsOperatorsBecomeSimpleQueryStringOperators() {
    assertEquals("داعش | القاعدة", QuerySyntax.toSimpleQueryString("داعش OR القاعدة"));
    assertEquals("داعش + بغداد", QuerySyntax.toSimpleQueryString("داعش AND بغداد"));
    assertEquals("داعش -بغداد", QuerySyntax.toSimpleQueryString("داعش NOT بغداد"));
    assertEquals("\"تنظيم الدولة\" -سوريا", QuerySyntax.toSimpleQueryString("  \"تنظيم الدولة\" -سوريا "));
  }

  @Test
  void lowercaseOrAndWordsInsideNamesAreLeftAlone() {
    assertEquals("oil or gas", QuerySyntax.toSimpleQueryString("oil or gas"));
    assertEquals("ORLANDO", QuerySyntax.toSimpleQueryString("ORLANDO"));
  }

  @Test
  void aHyphenInsideANameIsNotAnOperatorButALeadingOneStillExcludes() {
    assertTrue(QuerySyntax.isPlain("Haider al-Abadi"));
    assertTrue(QuerySyntax.isPlain("Ali al-Sistani"));
    assertFalse(QuerySyntax.isPlain("Abadi -Zaher"));
    assertFalse(QuerySyntax.isPlain("al-Maliki OR al-Abadi"));
    assertEquals("Abadi -Zaher", QuerySyntax.toSimpleQueryString("Abadi -Zaher"));
  }

  @Test
  void oneQuotedLatinNameIsThatNameInEveryScript() {
    assertEquals("Haider al-Abadi", QuerySyntax.prepare("\"Haider al-Abadi\""));
    assertEquals("\"تنظيم الدولة\"", QuerySyntax.prepare("\"تنظيم الدولة\""), "an Arabic phrase stays exact");
    assertEquals("\"Abadi\" -Zaher", QuerySyntax.prepare("\"Abadi\" -Zaher"), "with operators: as typed");
  }
}
