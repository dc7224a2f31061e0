package io.akhbar.gazetteer;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The real gazetteer on the cases real archives showed (the shared Saudi corpus, 2015): each text must carry one tag
 * and must not carry another. Measured over whole samples by {@code ./indexer.sh evaluate} (docs/tagging.md).
 */
class CountryAwareTaggingTest {

  private static final Tagger TAGGER = new Tagger(Gazetteer.fromClasspath());

  private static boolean tagged(Tags t, String id) {
    return t.provinces().contains(id) || t.districts().contains(id) || t.actors().contains(id);
  }

  @ParameterizedTest(name = "«{0}» ({1}) tags {2}, not {3}")
  @CsvSource(delimiter = ';', value = {
      // places abroad that share an Iraqi name
      "هطلت أمطار غزيرة على منطقة الرياض وجدة أمس;2015-07-25;;IQ-KI",
      "سجلت شرطة السليمانية في الرياض بلاغا;2015-07-25;;IQ-SU",
      "اشتباكات في ناحية الرياض التابعة لقضاء الحويجة في كركوك;2015-07-25;IQ-KI;saudi-arabia",
      "يقع حي العزيزية جنوب مدينة الرياض;2015-07-25;;IQ-WA",
      // offices by country and date
      "قال وزير الخارجية السعودي إن المملكة ترفض التدخل;2015-08-01;adel-al-jubeir;ibrahim-al-jaafari",
      "وصل رئيس الوزراء البريطاني إلى الرياض;2015-08-01;david-cameron;haider-al-abadi",
      "وقال وزير الدفاع الأمريكي آشتون كارتر في بغداد;2015-08-01;ashton-carter;khaled-al-obaidi",
      "عقد مجلس الوزراء جلسته في جدة برئاسة خادم الحرمين الشريفين;2015-08-03;saudi-council-of-ministers;iraqi-council-of-ministers",
      "أعلن البنك المركزي العراقي في بغداد;2015-08-03;central-bank-of-iraq;saudi-central-bank",
      // lifetimes
      "وقال القيادي في الفتح إن الحكومة في بغداد;2015-08-03;;fatah-alliance",
      "The Ba'ath Party ruled Iraq until 2003, and Baathists remain in Mosul;2015-08-01;baath-party;syria",
      // names that are not the person
      "رعى الأمير فيصل بن سلمان بن عبدالعزيز أمير منطقة المدينة المنورة الحفل;2015-08-01;;king-salman",
      "تخرج الطلاب في جامعة الملك فهد للبترول;2015-08-01;;fahd-bin-abdulaziz",
      "ألقى رئيس لجنة الأهالي فهد بن عبد العزيز الهندي كلمة;2015-08-01;;fahd-bin-abdulaziz",
      "قال بارزاني في أربيل إن إقليم كردستان العراق ماض;2015-08-01;masoud-barzani;nechirvan-barzani",
      "أكد خامنئي في طهران أن إيران لن تتراجع;2015-08-01;ali-khamenei;mojtaba-khamenei",
      // a capital names its state as an agent, not as a place
      "واشنطن ترفض القرار الروسي;2015-08-01;united-states;",
      "وصل الوفد إلى واشنطن أمس;2015-08-01;;united-states",
      // the adjective is not the country; a quoted paper is the paper
      "أعلنت الخطوط السعودية عن رحلات جديدة;2015-08-01;;saudi-arabia",
      "وقال مصدر لـ«الشرق الأوسط» إن المفاوضات مستمرة;2015-08-01;asharq-al-awsat;",
      "تغيرت خريطة الشرق الأوسط منذ عقود;2015-08-01;;asharq-al-awsat",
      "وأعلن تنظيما «داعش» و«القاعدة» مسؤوليتهما;2015-08-01;al-qaeda;",
      "وفق القاعدة القانونية المعمول بها;2015-08-01;;al-qaeda",
  })
  void aTagTheTextSupportsAndNoneItDoesNot(String text, String date, String wanted, String unwanted) {
    Tags t = TAGGER.tag(null, text, LocalDate.parse(date));
    if (wanted != null) {
      assertTrue(tagged(t, wanted), text + " → " + t);
    }
    if (unwanted != null) {
      assertFalse(tagged(t, unwanted), text + " → " + t);
    }
  }
}
