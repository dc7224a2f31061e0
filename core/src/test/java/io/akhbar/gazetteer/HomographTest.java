package io.akhbar.gazetteer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every place name of the gazetteer that is also a common word or a personal name: tagged with evidence, never in
 * its common reading. One row per homograph: the word, a sentence where it is not the place, a sentence where it
 * is, and the governorate the place belongs to.
 */
class HomographTest {

  static final Tagger TAGGER = new Tagger(Gazetteer.fromClasspath());
  static final LocalDate DAY = LocalDate.of(2021, 3, 1);

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "بلد|يعيش الناس في بلد ديمقراطي يحترم الحريات|هاجم مسلحون قضاء بلد جنوبي سامراء|IQ-SD",
      "حديثة|أظهرت دراسة حديثة أن الأسعار ارتفعت كثيرا|وقع الهجوم في قضاء حديثة غربي الأنبار|IQ-AN",
      "الدور|لعبت المرجعية الدور الأكبر في التهدئة|استهدف هجوم قضاء الدور في صلاح الدين|IQ-SD",
      "العمارة|يدرس الطلاب فن العمارة الإسلامية في الجامعة|تظاهر المئات في مدينة العمارة مركز محافظة ميسان|IQ-MA",
      "الخالص|قدم الوزير الشكر الخالص للمتطوعين|انفجرت عبوة في قضاء الخالص شمالي بعقوبة|IQ-DI",
      "العظيم|أشاد الخطيب بالدور العظيم للمتطوعين|هاجم التنظيم ناحية العظيم في ديالى|IQ-DI",
      "القائم|التقى القائم بالأعمال الأمريكي وزير الخارجية|سيطرت القوات على قضاء القائم الحدودي غربي الأنبار|IQ-AN",
      "الرطبة|تسببت الأجواء الرطبة في انتشار الأمراض|وصلت قافلة المساعدات إلى قضاء الرطبة في الأنبار|IQ-AN",
      "الكرمة|زرع الفلاحون الكرمة في بساتينهم هذا العام|اندلعت اشتباكات في ناحية الكرمة شرقي الفلوجة|IQ-AN",
      "الشامية|تشتهر المطاعم بالأكلات الشامية الشهية|فاض النهر في قضاء الشامية بمحافظة الديوانية|IQ-QA",
      "الخضر|ارتفعت أسعار الخضر والفواكه في الأسواق|احتج الأهالي في قضاء الخضر بمحافظة المثنى|IQ-MU",
      "الحضر|يختلف نمط حياة الحضر عن حياة البدو|دمر التنظيم آثار مدينة الحضر جنوب الموصل|IQ-NI",
      "مخمور|اعتقلت الشرطة سائقا مخمور كان يقود بسرعة|قصفت طائرات مسيرة قضاء مخمور|IQ-AR",
      "الدبس|يتناول الناس الدبس مع الراشي في الصباح|هاجم مسلحون حقلا نفطيا في قضاء الدبس شمال غربي كركوك|IQ-KI",
      "الشيخان|التقى الشيخان في مضيف العشيرة لحل الخلاف|زار الوفد قضاء الشيخان في محافظة نينوى|IQ-NI",
      "الهاشمية|وصل وفد من المملكة الأردنية الهاشمية إلى العاصمة|غرقت أراض زراعية في قضاء الهاشمية بمحافظة بابل|IQ-BB",
      "الزبير|قال الزبير محمد إن الأسعار مرتفعة جدا|افتتح مشروع للماء في قضاء الزبير غربي البصرة|IQ-BA",
      "الحمزة|قال الشيخ علي الحمزة إن العشائر متفقة|تظاهر الأهالي في قضاء الحمزة بمحافظة الديوانية|IQ-QA",
      "الرفاعي|قال الباحث أحمد الرفاعي إن الدراسة مهمة|تظاهر أهالي قضاء الرفاعي شمالي الناصرية|IQ-DQ",
      "السلمان|صرح النائب محمد السلمان للصحفيين|يقع السجن القديم في قضاء السلمان بمحافظة المثنى|IQ-MU",
      "رانية|قالت الطالبة رانية إن الامتحانات صعبة|شهدت مدينة رانية في السليمانية احتجاجات واسعة|IQ-SU",
      "بدرة|التقى قادة منظمة بدر في مقرها|أغلق منفذ زرباطية في قضاء بدرة بمحافظة واسط|IQ-WA",
      "الكاظمية|أعلن رئيس الوزراء مصطفى الكاظمي خطة جديدة|زار الملايين مدينة الكاظمية شمالي بغداد|IQ-BG",
  })
  void taggedWithEvidenceNeverInTheCommonReading(String word, String common, String place, String governorate) {
    Tags notThePlace = TAGGER.tag("", common, DAY);
    assertTrue(!notThePlace.provinces().contains(governorate),
        word + " in «" + common + "» is not the place: " + notThePlace);
    Tags thePlace = TAGGER.tag("", place, DAY);
    assertTrue(thePlace.provinces().contains(governorate), word + " in «" + place + "» is the place: " + thePlace);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "العبادي|قال العبادي إن الحكومة ستواصل الإصلاحات",
      "الحكيم|دعا الحكيم إلى الحوار بين الكتل",
      "الصدر|طالب الصدر أنصاره بالانسحاب من الساحة",
      "البغدادي|ظهر البغدادي في تسجيل مصور جديد",
  })
  void aBareSharedSurnameTagsNoOne(String surname, String sentence) {
    assertEquals(List.of(), TAGGER.tag("", sentence, null).actors().stream()
        .filter(id -> Gazetteer.fromClasspath().actor(id).map(a -> a.surnames().stream()
            .anyMatch(s -> ArabicText.normalize(s).equals(ArabicText.normalize(surname)))).orElse(false))
        .toList(), surname);
  }
}
