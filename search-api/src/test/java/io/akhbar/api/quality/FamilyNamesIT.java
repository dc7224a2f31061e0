package io.akhbar.api.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.akhbar.api.SeededApp;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A family name the gazetteer's people bear, typed alone in Latin script, finds the articles that name them in
 * Arabic: their full names always, the family word alone only where it cannot be a common word. Hand-written articles
 * over a real node; the same rules are measured on the shared corpus by {@code ./evaluate.sh}.
 */
class FamilyNamesIT {

  static SeededApp app;

  @BeforeAll
  static void start() throws Exception {
    app = SeededApp.withFeed("it-family-names", List.of(
        SeededApp.feedLine("f01", "قمة في الرياض", "استقبل الرئيس اليمني عبدربه منصور هادي وفدا حكوميا صباح اليوم."),
        SeededApp.feedLine("f02", "طقس اليوم", "كان الجو هادئا والبحر هادي الموج طوال النهار."),
        SeededApp.feedLine("f03", "تصريحات سورية", "قال وزير الخارجية السوري وليد المعلم إن المفاوضات متوقفة."),
        SeededApp.feedLine("f04", "يوم دراسي", "شرح المعلم للطلاب تاريخ المعالم الأثرية في المدينة."),
        SeededApp.feedLine("f05", "خطاب متلفز", "قال زعيم الجماعة عبدالملك الحوثي في خطاب متلفز إن الحرب طويلة."),
        SeededApp.feedLine("f06", "مصادر يمنية", "نقلت الوكالة عن مصدر مقرب للحوثي أن المفاوضات ستبدأ."),
        SeededApp.feedLine("f07", "سياسة عراقية", "التقى رئيس الوزراء الأسبق إياد علاوي وفدا من الكتل السياسية."),
        SeededApp.feedLine("f08", "تاريخ الطوائف", "تحدث الباحث عن تاريخ الطائفة العلوية والمذهب العلوي في الساحل."),
        SeededApp.feedLine("f09", "أسعار النفط", "قال وزير البترول علي النعيمي إن السوق ستتوازن قريبا."),
        SeededApp.feedLine("f10", "مؤتمر صحفي", "قال المتحدث باسم التحالف العميد أحمد عسيري إن العمليات مستمرة."),
        SeededApp.feedLine("f11", "السودان", "وصل الرئيس السوداني عمر البشير إلى القاهرة في زيارة رسمية."),
        SeededApp.feedLine("f12", "أنقرة", "قال وزير الخارجية التركي مولود جاويش أوغلو إن بلاده تدعم الحل."),
        SeededApp.feedLine("f13", "أنقرة", "قال رئيس الوزراء التركي أحمد داود أوغلو إن الانتخابات ستجرى في موعدها."),
        SeededApp.feedLine("f14", "الكويت", "استقبل أمير الكويت الشيخ صباح الأحمد الجابر الصباح ولي العهد."),
        SeededApp.feedLine("f15", "Yemen talks", "Abdrabbuh Mansur Hadi met the envoy, and Hadi said talks would resume."),
        SeededApp.feedLine("f16", "لندن", "قال رئيس الوزراء البريطاني ديفيد كاميرون إن حكومته ستدعم الاتفاق."),
        SeededApp.feedLine("f17", "غرب أفريقيا", "شهدت نيجيريا وتشاد والكاميرون هجمات انتحارية هذا الأسبوع."),
        SeededApp.feedLine("f18", "بغداد", "قدم صالح المطلك وبهاء الأعرجي استقالتهما من منصبيهما."),
        SeededApp.feedLine("f19", "طهران", "قال المرشد علي خامنئي إن الاتفاق لا يغير سياسة بلاده.")));
  }


  @AfterAll
  static void stop() throws Exception {
    app.close();
  }

  @ParameterizedTest(name = "«{0}» finds [{1}]")
  @CsvSource(delimiter = ';', value = {
      // a family word that is a common word: its bearers' names, never the word (هادي «calm», المعلم «the teacher»,
      // nor «المعالم» and «العلوي», which a guessed spelling meets)
      "Hadi;f01 f15",
      "al-Muallem;f03",
      "Muallem;f03",
      "Allawi;f07",
      // a family word that is no common word: alone too, after a clitic («للحوثي»), in any usual spelling
      "al-Houthi;f05 f06",
      "al-Huthi;f05 f06",
      "al-Bashir;f11",
      // a short form of the name, an article Arabic does not write, a short form of several words
      "Ali al-Naimi;f09",
      "Ahmed al-Assiri;f10",
      "Sabah al-Ahmad;f14",
      // a Turkish family name of two Arabic words is both words, never «أوغلو» alone
      "Cavusoglu;f12",
      "Davutoglu;f13",
      // a name the gazetteer gives in Arabic reads Arabic articles through that name only: never «الكاميرون»
      // (Cameroon), which the stemmed field meets; a hamza kept after a clitic («وبهاء»), a hamza seat («خامنئي»)
      "Cameron;f16",
      "David Cameron;f16",
      "Bahaa al-Araji;f18",
      "Khamenei;f19",
      "Ali Khamenei;f19",
      // operators keep working around them
      "Hadi OR al-Muallem;f01 f03 f15",
      "al-Houthi -خطاب;f06",
  })
  void aFamilyNameFindsItsBearersArticlesNeverTheCommonWord(String q, String expected) throws Exception {
    assertEquals(new TreeSet<>(expected == null ? List.of() : Arrays.asList(expected.split(" "))), app.hitIds(q), q);
  }
}
