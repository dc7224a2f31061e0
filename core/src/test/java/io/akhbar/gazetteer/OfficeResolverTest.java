package io.akhbar.gazetteer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Stage 4: offices by country and date (fixture {@code countries/}). A generic office phrase tags the holder of the
 * office of the passage's country on the publication date; an institution's slot needs no date; no country, no tag.
 */
class OfficeResolverTest {

  private static final LocalDate JULY_2015 = LocalDate.of(2015, 7, 25);

  @ParameterizedTest(name = "«{0}» on {1} tags [{2}]")
  @CsvSource(delimiter = ';', value = {
      // a foreign office-holder is that person, never the Iraqi one
      "قال وزير الخارجية السعودي إن الأزمة مستمرة;2015-07-25;adel-al-jubeir",
      "وصل رئيس الوزراء البريطاني إلى بغداد;2015-07-25;david-cameron",
      // in an Iraqi article the generic office is Iraq's
      "في بغداد قال وزير الخارجية إن العراق يرحب بالمبادرة;2015-07-25;iraq ibrahim-al-jaafari",
      // the same phrase in a Saudi article
      "في الرياض أعلن وزير الخارجية أن السعودية ترحب;2015-07-25;adel-al-jubeir saudi-arabia",
      // no country at all: no one
      "قال وزير الخارجية إن الأزمة مستمرة;2015-07-25;",
      // a different date, a different holder (none known here)
      "قال وزير الخارجية السعودي إن الأزمة مستمرة;2010-01-01;",
      // a title that names its country itself
      "استقبل خادم الحرمين الشريفين ضيوفه;2015-07-25;king-salman",
      // institutions: the passage's country decides, and no date is needed
      "عقد مجلس الوزراء جلسته في الرياض;;saudi-cabinet",
      "عقد مجلس الوزراء العراقي جلسته;;iraqi-council-of-ministers",
      "أعلن البنك المركزي في الرياض رفع الفائدة;;",
      "أعلن البنك المركزي العراقي رفع الفائدة;;central-bank-of-iraq",
      "أصدرت وزارة الداخلية في بغداد بيانا عن العراق;;iraq iraqi-ministry-of-interior",
      // qualified away: a former holder, a deputy («السعودي» is the adjective, not the state)
      "قال وزير الخارجية السعودي السابق إن الأزمة;2015-07-25;",
  })
  void genericOfficesResolveByCountryAndDate(String text, String date, String actors) {
    Tags tags = Fixtures.countryTagger().tag(null, text, date == null ? null : LocalDate.parse(date));
    assertEquals(ids(actors), tags.actors(), text);
  }

  @ParameterizedTest(name = "«{0}» tags [{1}]")
  @CsvSource(delimiter = ';', value = {
      // a surname of an Iraqi person is read as him only in an Iraqi passage («المالكي» is a common Saudi name)
      "وقال المالكي إن الحكومة العراقية في بغداد تعمل;nouri-al-maliki",
      "وقال المالكي مدير التعليم في جدة والرياض;",
      // a generic institution name tags only in its country's context
      "قضت المحكمة الاتحادية في بغداد بأن العراق;federal-supreme-court iraq",
      "قضت المحكمة الاتحادية في صنعاء;",
      // a body out of its lifetime is not named by its short form
      "أكد تحالف الفتح في بغداد أن العراق;fatah-alliance iraq",
  })
  void formsThatOtherCountriesShareNeedTheirCountry(String text, String actors) {
    assertEquals(ids(actors), Fixtures.countryTagger().tag(null, text, null).actors(), text);
  }

  @ParameterizedTest(name = "«{0}» on {1} tags [{2}]")
  @CsvSource(delimiter = ';', value = {
      "أكد الفتح في بغداد أن العراق يرحب;2015-07-25;iraq",
      "أكد الفتح في بغداد أن العراق يرحب;2019-07-25;fatah-alliance iraq",
      "أكد تحالف الفتح في بغداد;2015-07-25;",
      "قرر مجلس الحكم في بغداد;2003-09-01;governing-council",
      "أشار إلى مجلس الحكم الانتقالي في بغداد;2015-09-01;governing-council",
      // after dissolution a body is history: named by its longer forms, not by a one-word one («البعث» = revival)
      "قال البعث في بغداد;2002-09-01;baath-party",
      "قال البعث في بغداد;2015-09-01;",
      "حظر حزب البعث في بغداد;2015-09-01;baath-party",
  })
  void anActorIsNotTaggedOutsideItsLifetime(String text, String date, String actors) {
    assertEquals(ids(actors), Fixtures.countryTagger().tag(null, text, LocalDate.parse(date)).actors(), text);
  }

  private static List<String> ids(String spaceSeparated) {
    return spaceSeparated == null ? List.of() : Arrays.stream(spaceSeparated.split(" ")).sorted().toList();
  }
}
