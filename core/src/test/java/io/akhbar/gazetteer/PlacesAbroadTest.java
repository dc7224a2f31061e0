package io.akhbar.gazetteer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Stages 2 and 3 together: an Iraqi place name that is also a place abroad («الرياض»: Riyadh, and a sub-district of
 * Hawija) needs strong evidence in an Iraqi passage; a homograph needs an Iraqi passage (fixture {@code countries/}).
 */
class PlacesAbroadTest {

  @ParameterizedTest(name = "«{0}» tags provinces [{1}]")
  @CsvSource(delimiter = ';', value = {
      "عقد الاجتماع في الرياض أمس;",
      "وصل الوفد إلى منطقة الرياض في السعودية;",
      "اشتباكات في ناحية الرياض التابعة لقضاء الحويجة في كركوك;IQ-KI",
      "هاجم مسلحون ناحية الرياض قرب الحويجة;IQ-KI",
      // a homograph with weak evidence (a preposition) needs an Iraqi passage
      "الوفد في الزبير وجدة والرياض والسعودية;",
      "أهالي في الزبير يحتجون في البصرة والعراق;IQ-BA",
      // ...and strong evidence is enough when no country can be told
      "قصف في قضاء الزبير;IQ-BA",
  })
  void aPlaceAbroadIsNotTheIraqiPlace(String text, String provinces) {
    List<String> expected = provinces == null ? List.of() : Arrays.stream(provinces.split(" ")).sorted().toList();
    assertEquals(expected, Fixtures.countryTagger().tag(null, text, null).provinces(), text);
  }
}
