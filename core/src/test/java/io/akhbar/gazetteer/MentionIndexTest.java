package io.akhbar.gazetteer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Stage 1: what the trie is built from, and what it finds (fixture {@code countries/}). */
class MentionIndexTest {

  @Test
  void aNisbaBaseIsInflectedWithTheArticleTehMarbutaAndPluralsButAFullFormStaysAsItIs() {
    assertEquals(List.of("سعودي", "السعودي", "سعوديه", "السعوديه", "سعوديون", "السعوديون", "سعوديين", "السعوديين",
        "سعوديات", "السعوديات"), MentionIndex.demonymForms("سعودي"));
    assertEquals(List.of("الأتراك"), MentionIndex.demonymForms("الأتراك"));
    assertEquals(List.of("Saudi"), MentionIndex.demonymForms("Saudi"));
  }

  @Test
  void countrySignalsAreFoundWithClitics() {
    // «وبالسعودية» = و + ب + السعودية; «للرياض» = ل + ال + رياض: the country is found behind its clitics
    Tagger t = Fixtures.countryTagger();
    assertEquals("SA", t.countryAt(null, "وصل الوفد أمس وبالسعودية قال الوزير", 5, 6));
    assertEquals("SA", t.countryAt(null, "توجه الوفد للرياض ثم قال الوزير", 5, 6));
  }

  @Test
  void anIraqiPlaceNameThatIsACityAbroadIsMarkedSo() {
    Tags t = Fixtures.countryTagger().tag(null, "اشتباكات في ناحية الرياض التابعة لقضاء الحويجة", null);
    assertTrue(t.provinces().contains("IQ-KI"), t.toString());
    assertTrue(Fixtures.countryTagger().tag(null, "وصل الوفد إلى الرياض", null).provinces().isEmpty());
  }
}
