package io.akhbar.gazetteer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class NameTransliterationTest {

  private static boolean matches(String latin, String arabic) {
    NameTransliteration.Word w = NameTransliteration.of(latin).orElseThrow();
    return Pattern.matches(w.any(), ArabicText.normalize(arabic));
  }

  @ParameterizedTest(name = "{0} finds {1}")
  @CsvSource({
      "Sudais, السديس", "al-Sudais, السديس", "Haftar, حفتر", "Hifter, حفتر", "Gargash, قرقاش", "Qaddafi, القذافي",
      "Gaddafi, القذافي", "Merkel, ميركل", "Hollande, هولاند", "Hariri, الحريري", "al-Hariri, للحريري",
      "Zayani, الزياني", "Zayyani, الزياني", "Attiyah, العطية", "Naimi, النعيمي", "Nuaimi, النعيمي",
      "Rabeeah, الربيعة", "Qasabi, القصبي", "Toraifi, الطريفي", "Turaifi, الطريفي", "Assaf, العساف",
      "Asiri, عسيري", "Assiri, العسيري", "Falih, الفالح", "Faleh, الفالح", "Essebsi, السبسي", "Bouteflika, بوتفليقة",
      "Ghannouchi, الغنوشي", "Jumblatt, جنبلاط", "Larijani, لاريجاني", "Velayati, ولايتي", "Khoja, خوجة",
      "Mursi, مرسي", "el-Araby, العربي", "Thinni, الثني", "Mikhlafi, المخلافي", "Bakri, البكري", "Obeidi, العبيدي",
      "Ubaidi, العبيدي", "Jubouri, الجبوري", "Juburi, الجبوري", "Mohammed, محمد", "Muhammad, ومحمد", "Abdullah, عبدالله",
      "Abdullatif, عبداللطيف", "Abdulrahman, عبدالرحمن", "Abdel-Fattah, عبدالفتاح", "Abdurrahman, عبدالرحمن",
      "Nasrallah, نصرالله", "Sana'a, صنعاء", "Sanaa, صنعاء", "Saada, صعدة", "Taiz, تعز", "Mukalla, المكلا",
      "Zabadani, الزبداني", "Idlib, إدلب", "Tehran, طهران", "Riyadh, الرياض", "Jazan, جازان",
      "Qatif, القطيف", "Benghazi, بنغازي", "Kobani, كوباني", "Cameron, كاميرون", "Putin, بوتين", "Kerry, كيري",
      "Ḥaydar, حيدر", "Haidar, حيدر", "ʿAbbādī, العبادي", "Ibrahim, إبراهيم", "Issa, عيسى", "Omar, عمر",
      "Zayed, زايد", "Bahah, بحاح", "Bahhah, بحاح", "Mahlab, محلب", "Khalifa, خليفة", "Thani, ثاني", "Nahyan, نهيان",
      "Qaboos, قابوس", "Abbas, عباس", "Meshaal, مشعل", "Mashal, مشعل", "Aoun, عون", "Salam, سلام", "Erdogan, أردوغان"
  })
  void aLatinNameFindsItsArabicSpelling(String latin, String arabic) {
    assertTrue(matches(latin, arabic), () -> latin + " → " + NameTransliteration.of(latin).orElseThrow().any());
  }

  @ParameterizedTest(name = "{0} does not find {1}")
  @CsvSource({"Sudais, السادس", "al-Abadi, عبادي", "Haftar, حفر", "Merkel, مركز", "Sudais, سعود", "Hariri, حرير"})
  void aLatinNameDoesNotFindAnotherWord(String latin, String arabic) {
    assertFalse(matches(latin, arabic), () -> latin + " → " + NameTransliteration.of(latin).orElseThrow().any());
  }

  @Test
  void theArticleTypedIsRequiredAndTheArticleFormsAreKept() {
    NameTransliteration.Word w = NameTransliteration.of("al-Abadi").orElseThrow();
    assertTrue(w.article());
    assertTrue(Pattern.matches(w.withArticle(), "والعبادي"));
    assertFalse(Pattern.matches(w.bare(), "العبادي"));
  }

  @Test
  void shortWordsAndOtherScriptsAreNotNames() {
    assertTrue(NameTransliteration.of("al").isEmpty());
    assertTrue(NameTransliteration.of("العبادي").isEmpty());
    assertTrue(NameTransliteration.of("2015").isEmpty());
  }

  @Test
  void theExpressionUsesOnlySyntaxLuceneAndJavaReadAlike() {
    String any = NameTransliteration.of("Abdel-Fattah").orElseThrow().any();
    assertEquals(-1, any.indexOf('.'));
    assertTrue(any.matches("[\\p{InArabic}\\[\\]()|?]+"), any);
  }

  @Test
  void theListedCliticFormsAreExactlyTheWordsTheCliticExpressionMatches() {
    for (String word : java.util.List.of("حزب", "الرياض")) {
      java.util.List<String> forms = NameTransliteration.cliticForms(word);
      java.util.regex.Pattern p = java.util.regex.Pattern.compile(NameTransliteration.withClitics(word));
      org.junit.jupiter.api.Assertions.assertEquals(12, forms.size(), forms.toString());
      org.junit.jupiter.api.Assertions.assertEquals(12, new java.util.HashSet<>(forms).size(), "no form twice");
      forms.forEach(f -> org.junit.jupiter.api.Assertions.assertTrue(p.matcher(f).matches(), f));
    }
    org.junit.jupiter.api.Assertions.assertTrue(NameTransliteration.cliticForms("الرياض").contains("وللرياض"));
    org.junit.jupiter.api.Assertions.assertTrue(NameTransliteration.cliticForms("حزب").contains("فبحزب"));
  }
}
