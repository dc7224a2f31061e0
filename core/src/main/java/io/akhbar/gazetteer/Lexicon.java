package io.akhbar.gazetteer;

import java.util.Collections;
import java.util.HashSet;
import java.util.Set;

/**
 * Built-in word lists the tagger and the synonym rules need besides the gazetteer. All sets hold
 * {@link ArabicText#normalize normalized} forms; write entries in ordinary spelling here.
 */
final class Lexicon {

  private Lexicon() {}

  private static Set<String> set(String words) {
    Set<String> out = new HashSet<>();
    for (String w : words.split("[\\s,]+")) {
      if (!w.isBlank()) {
        String n = ArabicText.normalize(w);
        if (!n.isEmpty()) {
          out.add(n);
        }
      }
    }
    return Collections.unmodifiableSet(out);
  }

  /** Words for an administrative unit that, right before a name, make it a place (with clitics stripped). */
  static final Set<String> ADMIN_WORDS = set("""
      قضاء ناحية مدينة بلدة منطقة محافظة مركز قرية حي قصبة مخيم مجمع
      أقضية نواحي مدن بلدات مناطق محافظات قرى أحياء
      محافظتي مدينتي ناحيتي منطقتي بلدتي قضاءي قضاءَي
      پارێزگا پارێزگای پارێزگاکانی شاری شارۆچکە شارۆچکەی قەزا قەزای ناحیە ناحیەی گوند گوندی ناوچە ناوچەی کەمپ کەمپی
      """);
  // the Sorani lines: governorate, city (ezafe form only: bare شار would also read ب+شار in «بشار»), town, district,
  // subdistrict, village, area, camp; with the ezafe -ی they take a name after them («پارێزگای سلێمانی»)

  /**
   * Nouns that take a place as their complement («محافظ صلاح الدين», «شرطة صلاح الدين», «أهالي الموصل»): right
   * before a person-shaped place name they make it the place, whatever name follows («محافظ صلاح الدين عمار الجبوري»).
   */
  static final Set<String> PLACE_HEADS = set("""
      محافظ شرطة عمليات مجلس جامعة مديرية دائرة صحة تربية مطار معبر أهالي اهالي أبناء ابناء سكان عشائر نواب نائب
      ممثل ممثلي مستشفى مكتب قيادة فرقة لواء فوج حدود أطراف اطراف شمال جنوب شرق غرب وسط شمالي جنوبي شرقي غربي
      داخل خارج محيط ضواحي ريف قضاء ناحية أقضية مدينة مدن محافظة محافظات قرى قرب بالقرب مشارف
      """);

  /** Latin admin words: before a name ({@code town of Hit}) or after it ({@code Hit district}). */
  static final Set<String> LATIN_ADMIN_WORDS = set("""
      district districts town towns city cities province provinces governorate governorates subdistrict
      sub-district village villages area region neighbourhood neighborhood qada qadha nahiya
      """);

  /**
   * Needs-context place names that are also very common nouns/adjectives/phrases, for which a bare preposition
   * ({@code في}, or a ب/ل clitic) is NOT evidence: «في بلد ديمقراطي», «في حديثه» (in his talk), «بالدور» (with the role),
   * «في العمارة الحديثة» (in modern architecture), «عنه» (about him). They need stronger evidence: an admin word,
   * their governorate or district nearby, or a list of places.
   */
  static final Set<String> STRONG_HOMOGRAPHS = set("""
      بلد البلد حديثة الحديثة الدور دور العمارة عمارة الخالص خالص القائم قائم الكرمة كرمة الحضر حضر
      الدبس دبس مخمور الشيخان شيخان عنه عنة الحي حي المدينة مدينة الحيرة حيرة الحسينية السلام الوحدة المركز
      الرطبة رطبة الخضر خضر الشامية شامية الجزيرة الهندية الإسكندرية الاسكندرية النصر الصدر الفرات الإصلاح
      الاصلاح المدائن الرياض العباسي القرنة الرشيد العلم الحرية الشعلة الحر الخيرات الشبكة الشورى الملتقى الرشاد
      الدير الفهود الصينية الرمانة الشافعية المشاهدة الدورة حرير
      """);

  /**
   * Common Arabic given names (and name particles). After a person-shaped place name («صلاح الدين محمد») or before
   * it («محمد صلاح الدين») they make it a person's name.
   */
  static final Set<String> GIVEN_NAMES = set("""
      محمد أحمد احمد علي حسن حسين عمر عثمان خالد صالح إبراهيم ابراهيم يوسف مصطفى محمود جعفر عباس كاظم جواد هادي مهدي
      قاسم قيس حيدر نوري إياد اياد عادل فالح هاشم سعد سعيد سامي رعد فاضل عبد عبدالله عبدالرحمن طارق رافع أسامة
      اسامة أثيل مسعود جلال برهم نيجيرفان مسرور بافل قباد عمار مقتدى همام ماجد زياد وليد ليث ضياء بهاء نور عز
      عماد بدر سيف جمال كمال صلاح فلاح ناصر منصور كريم رحيم حميد مجيد رشيد سلمان سليمان داود موسى عيسى يحيى زكريا
      إسماعيل اسماعيل حمزة طه ياسين أنور انور باسم جاسم ناظم حازم عامر عمران غازي فؤاد فيصل لؤي مازن مالك مثنى
      مؤيد نبيل نزار هشام وائل وسام ياسر يونس أيمن ايمن أكرم اكرم أمير امير بشير توفيق ثامر جبار حاتم حمدي خليل
      رياض زهير سالم سمير شاكر صادق ضرغام طلال ظافر عدنان عصام عقيل علاء فارس قحطان كامل لطيف محسن مرتضى مشعان
      نجم هيثم شيرزاد كوسرت ملا فؤاد آزاد ازاد هوشيار ريبوار
      بن ابن أبو ابو أم ام
      """);

  /** Latin given names, same purpose for English text. */
  static final Set<String> LATIN_GIVEN_NAMES = set("""
      mohammed muhammad mohammad mohamed ahmed ahmad ali hassan hasan hussein husain omar umar othman khalid khaled
      saleh salih ibrahim yousef yusuf mustafa mahmoud jafar abbas kadhim kazem jawad hadi mehdi mahdi qassem qasim
      qais haider hayder nouri nuri iyad ayad adil adel falih faleh hashim saad said sami raad fadhil abdul abd abu
      bin ibn um umm tariq rafi osama usama masoud masrour jalal barham nechirvan bafel qubad ammar muqtada hamam
      majid ziad walid laith diaa bahaa baha bahaaddin bahaeddin nour imad badr saif jamal kamal salah falah nasser
      """);

  /** Titles before a person's name («الشيخ صلاح الدين ...»). */
  static final Set<String> TITLES = set("""
      الشيخ السيد الدكتور د المهندس الأستاذ الاستاذ النائب الوزير القائد اللواء العميد الفريق العقيد المقدم الرائد
      النقيب الملازم الحاج الشهيد المواطن الطالب الكاتب الصحفي الناشط الشاعر الفنان الملا الإمام الامام السلطان
      القاضي المحامي المدرب اللاعب الممثل المطرب الفقيد المرحوم الراحل الشاب الطفل الرجل السيدة الآنسة الناطق
      المتحدث المستشار
      mr mrs ms dr sheikh shaikh sayyid gen general col colonel maj lt brig minister president
      """);

  /**
   * Frequent adjectives and function words of the shape ال…ي that are NOT family names; after «صلاح الدين» they do
   * not make it a person.
   */
  static final Set<String> COMMON_NISBA = set("""
      الذي التي الذين اللذين اللتين الى إلى على الأعلى الاعلى الأدنى الادنى الأقصى الاقصى الأولى الاولى الأخرى الاخرى
      الكبرى الصغرى العليا الوسطى الدنيا الماضي الحالي الجاري التالي الآتي الاتي الثاني الباقي المتبقي
      العراقي الأمريكي الامريكي الأميركي الاميركي الإيراني الايراني التركي السوري الكردي الكوردي العربي الشيعي السني
      البريطاني الفرنسي الروسي الصيني الأردني الاردني السعودي الكويتي الخليجي الإسرائيلي الاسرائيلي اللبناني المصري
      الأمني الامني العسكري السياسي الحكومي المحلي الاتحادي الوطني الشعبي الرسمي الشمالي الجنوبي الشرقي الغربي
      الإداري الاداري الاقتصادي الاجتماعي الصحي الزراعي النفطي الانتخابي القضائي الدولي الإقليمي الاقليمي العالمي
      الإسلامي الاسلامي الإرهابي الارهابي الإعلامي الاعلامي الصحفي اليومي الأسبوعي الاسبوعي الشهري السنوي الجوي
      البري البحري الطبي التعليمي الجامعي الثقافي الديني التاريخي الحقيقي النهائي الأساسي الاساسي الرئيسي الفعلي
      الكلي الجزئي المركزي الفرعي الخارجي الداخلي الحدودي الجغرافي السكاني القانوني الدستوري البرلماني النيابي
      الوزاري الرئاسي العلمي الفني الرياضي الشبابي المدني العشائري القومي الطائفي الحزبي الشخصي المالي التجاري
      الصناعي السياحي الأثري الاثري البيئي المائي الكهربائي الغذائي الحربي الجنائي الإنساني الانساني الشرعي
      الأمامي الامامي الخلفي الجماعي الفردي الذاتي المعني المبني المدعي القاضي الوالي العالي الغالي الثوري الشعري
      الموالي الحقوقي الاستخباري الاستخباراتي الميداني التكفيري الأهلي الاهلي الوطني الدموي الجهادي
      """);

  /** Qualifiers around a role phrase that mean it is not (or not only) today's holder. */
  static final Set<String> ROLE_QUALIFIERS_AFTER = set("""
      السابق الأسبق الاسبق الراحل المكلف المستقيل المقال المنتهية المنتخب الجديد المقبل القادم السابقين
      الأسبقين حينها آنذاك انذاك وقتها حينذاك يومها عندئذ بالوكالة
      former
      """);

  static final Set<String> ROLE_QUALIFIERS_BEFORE = set("""
      نائب نواب مساعد مستشار مستشاري مرشح نائبا مساعدا الثاني الأول الاول
      انتخاب اختيار منصب ترشيح تسمية مرشحي
      former ex deputy late then acting vice
      """);
  // second line: the office, not today's holder: «جلسة انتخاب رئيس الجمهورية», «المرشح لمنصب رئيس الوزراء»

  /**
   * Natural features named after a place: «نهر الكحلاء» is the river, not al-Kahla district. Right before a
   * needs-context place name they rule the place reading out (an always-tagged name is left alone).
   */
  static final Set<String> FEATURE_NOUNS = set("نهر نهري أنهار جدول river");

  /**
   * Nouns that take a person's name as the name of a thing: «جامعة الملك سعود», «مستشفى الملك فهد», «جائزة الملك
   * فيصل», «شارع الأمير سلطان». Right before a person's alias they make it that thing, not the person.
   */
  static final Set<String> FACILITY_NOUNS = set("""
      جامعة جامعه مستشفى مستشفيات مدينة مجمع مركز طريق شارع جسر مطار مؤسسة جائزة كلية مسجد جامع قاعدة ميناء
      برنامج مدرسة مدارس ملعب استاد ستاد حي كرسي مكتبة معهد قاعة دارة وقف مشروع منحة وسام قلادة كأس بطولة جمعية
      صندوق مستوصف قصر دوار ميدان نفق محطة منتزه حديقة واحة مطارات أكاديمية أكاديميه هيئة كرسي مهرجان مسابقة
      university hospital airport street road bridge prize award mosque school stadium foundation center centre
      """);

  /** Prepositions and words before a capital that make it the place, not its state («في الرياض», «إلى واشنطن»). */
  static final Set<String> LOCATIVE_BEFORE = set("""
      في إلى الى من عن على حتى نحو قرب داخل خارج عبر لدى العاصمة عاصمة وصل وصول زار زيارة
      in to from at near via visit visited
      """);

  /** Words that chain a person's name to the father's: «فيصل بن سلمان», "Faisal bin Salman". */
  static final Set<String> PATRONYMIC = set("بن ابن bin ibn");

  /** List glue between place names: «كركوك وديالى وصلاح الدين», «الأنبار ، ثم صلاح الدين». */
  static final Set<String> LIST_GLUE = set("و ثم او أو and or then");

  /** Common words that a name-likeness check must not mistake for a name. */
  static final Set<String> ARABIC_STOP = set("""
      من في على الى إلى عن مع او أو ثم هو هي هم هن ما لا لم لن قد كان كانت يكون ان أن إن هذا هذه ذلك تلك هؤلاء
      التي الذي الذين كل بعد قبل بين حتى منذ عند لدى عبر حول ضد خلال دون غير بل لكن كما إذا اذا حيث أي اي أيضا ايضا
      و ف ب ل ك يا نحو فوق تحت أمام امام وراء مثل وفق
      عنه عنها عنهم منه منها منهم فيه فيها فيهم عليه عليها عليهم له لها لهم به بها بهم إليه اليه إليها اليها معه معها
      """);

  static final Set<String> ENGLISH_STOP = set("""
      a an and are as at be but by for if in into is it no not of on or such that the their then there these they
      this to was will with us we he she his her its our you your i me my him them who whom which what when where
      why how all any both each few more most other some than too very can just do does did has have had from up
      down out over under again further once here new one may man
      """);

  /** Title-like words for which "name-likeness" is not checked (they never start a surname). */
  static boolean isStopWord(String normalized) {
    return ARABIC_STOP.contains(normalized) || ENGLISH_STOP.contains(normalized);
  }
}
