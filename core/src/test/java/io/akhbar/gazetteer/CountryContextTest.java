package io.akhbar.gazetteer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Stage 3: which country a passage is about, for a mention at a given token span (fixture {@code countries/}). Each
 * case is a text, the span of the mention, and the country the tagger must decide ("" = cannot tell).
 */
class CountryContextTest {

  @ParameterizedTest(name = "«{0}» [{1},{2}) is about «{3}»")
  @CsvSource(delimiter = ';', value = {
      // the qualifier right after the office decides, whatever the article says
      "قال وزير الخارجية السعودي إن بغداد والعراق شريك;1;3;SA",
      "قال وزير خارجية اليمن إن العراق بلد شقيق;1;3;YE",
      "أكد رئيس الوزراء في العراق أن الرياض;1;3;IQ",
      "The Saudi foreign minister met Iraqi officials in Baghdad;2;4;SA",
      // no qualifier: the article's country (two signals or more, more than any other country)
      "وصل الوفد إلى بغداد. وقال وزير الخارجية إن العراق يرحب;6;8;IQ",
      // ... unless the mention's sentence names another country: close by, that country; farther, none
      "العراق وبغداد. وأعلنت وزارة الداخلية ترحيل مواطنين سعوديين;3;5;SA",
      "العراق وبغداد. وأعلنت وزارة الداخلية أمس في بيان صدر بعد الظهر عن ترحيل مواطنين سعوديين;3;5;",
      // no article country: the only country the sentence names
      "أعلنت وزارة الداخلية في الرياض;1;3;SA",
      // nothing at all: cannot tell
      "أعلنت وزارة الداخلية القبض على خلية;1;3;",
      // one mention of each: no article country; the one named close by decides, else none
      "اجتماع في جدة مع وفد من العراق وأعلن وزير الداخلية;8;10;IQ",
      "اجتماع في جدة مع وفد من العراق وبعد ساعات طويلة من النقاش المغلق أعلن وزير الداخلية;14;16;",
  })
  void aMentionsCountryComesFromItsQualifierElseTheArticle(String text, int start, int end, String country) {
    assertEquals(country == null ? "" : country, Fixtures.countryTagger().countryAt(null, text, start, end));
  }
}
