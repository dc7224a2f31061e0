package io.akhbar.gazetteer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The English spellings a search for an Arabic family name must accept. */
class LatinVariantsTest {

  @ParameterizedTest(name = "{0} also reads {1}")
  @CsvSource({
      "Jubouri, jabouri", "Jubouri, juburi", "Jubouri, jaburi", "Nujaifi, nujayfi", "Obeidi, obaidi",
      "Obeidi, ubeidi", "Fayyadh, fayadh", "Qasim, kasim", "Hakeem, hakim", "Khazali, khazaly",
      "Abadi, abbadi", "Jaafari, jafari",
  })
  void usualTransliterationsOfOneNameAreItsVariants(String name, String variant) {
    assertTrue(LatinVariants.of(name).contains(variant), name + " → " + LatinVariants.of(name));
  }

  @ParameterizedTest(name = "{0} has no variants")
  @CsvSource({"Sadr", "Hadi", "al-Abadi"})
  void shortNamesAndNonLettersAreLeftAlone(String name) {
    assertEquals(List.of(name.toLowerCase(java.util.Locale.ROOT)), LatinVariants.of(name));
  }
}
