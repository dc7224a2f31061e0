package io.akhbar.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
