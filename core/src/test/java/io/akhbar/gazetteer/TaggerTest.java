package io.akhbar.gazetteer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The tagger's rules against the small fixture gazetteer (gazetteer-fixtures/basic). */
class TaggerTest {

  private static Tags tag(String body) {
    return Fixtures.tagger().tag(null, body, null);
  }

  private static Tags tag(String body, LocalDate date) {
    return Fixtures.tagger().tag(null, body, date);
  }

  private static void assertProvinces(String text, String... expected) {
    assertEquals(List.of(expected), tag(text).provinces(), () -> text + " -> " + mentions(text));
  }

  private static void assertActors(String text, String... expected) {
    assertEquals(List.of(expected), tag(text).actors(), () -> text + " -> " + mentions(text));
  }

  private static List<Mention> mentions(String text) {
    return Fixtures.tagger().mentions(null, text, null);
  }

  // ---- basics ----------------------------------------------------------------------------------------------------

  @Test
  void aGovernorateIsTaggedByAnyOfItsNames() {
    assertProvinces("انفجار في بغداد اليوم", "IQ-BG");
    assertProvinces("Explosion in Baghdad", "IQ-BG");
    assertProvinces("تەقینەوە لە بەغدا", "IQ-BG");
    assertProvinces("هجوم في نينوى", "IQ-NI");
    assertProvinces("هەڵەبجە", "IQ-HAL");
  }

  @Test
  void aDistrictAddsItsGovernorate() {
    Tags t = tag("قضاء # #الطارمية");
    assertEquals(List.of("IQ-BG"), t.provinces());
    assertEquals(List.of("IQ-BG.tarmiyah"), t.districts());
  }

  @Test
  void aTownAddsItsDistrictAndGovernorate() {
    Tags t = tag("أهالي منطقة الفرحاتية");
    assertEquals(List.of("IQ-SD"), t.provinces());
    assertEquals(List.of("IQ-SD.balad"), t.districts());
  }

  @Test
  void titleAndBodyAreBothTaggedAndNullsAreFine() {
    Tags t = Fixtures.tagger().tag("هجوم في كركوك", "وصل إلى الموصل", null);
    assertEquals(List.of("IQ-KI", "IQ-NI"), t.provinces());
    assertEquals(Tags.EMPTY, Fixtures.tagger().tag(null, null, null));
    assertEquals(Tags.EMPTY, Fixtures.tagger().tag("", "لا شيء هنا", LocalDate.of(2020, 1, 1)));
  }

  @Test
  void tagsAreSortedAndDistinct() {
    Tags t = tag("نينوى وبغداد ثم بغداد والبصرة");
    assertEquals(List.of("IQ-BA", "IQ-BG", "IQ-NI"), t.provinces());
  }

  // ---- rule 2: word boundaries, clitics, longest match -----------------------------------------------------------

  @ParameterizedTest
  @ValueSource(strings = {"وبغداد", "ببغداد", "لبغداد", "فبغداد", "كبغداد", "وببغداد", "ولبغداد"})
  void cliticsOnTheFirstTokenAreStripped(String word) {
    assertProvinces("وصل " + word + " أمس", "IQ-BG");
  }

  @ParameterizedTest
  @ValueSource(strings = {"البصرة", "والبصرة", "بالبصرة", "وبالبصرة", "للبصرة", "وللبصرة", "فالبصرة", "كالبصرة",
      "فبالبصرة"})
  void cliticsBeforeTheArticleAreStripped(String word) {
    assertProvinces("وصل " + word + " أمس", "IQ-BA");
  }

  @Test
  void lamPlusArticleBeforeALamIsRead() {
    // ل + اللطيفية is written للطيفية
    Gazetteer g = Gazetteer.parse(Fixtures.text("basic/places.tsv")
            + "IQ-BG.latifiya\tsubdistrict\tIQ-BG.tarmiyah\tاللطيفية\tLatifiya\t\t\talways\tx\n",
        Fixtures.text("basic/actors.tsv"), Fixtures.text("basic/roles.tsv"));
    assertEquals(List.of("IQ-BG"), new Tagger(g).tag(null, "وصل للطيفية", null).provinces());
  }

  @Test
  void aPlaceAliasThatIsAlsoASurnameNeedsContext() {
    // Kurdish سلێمانی (Sulaymaniyah) folds to سليماني, the surname of Qassem Soleimani
    Gazetteer g = Gazetteer.parse(Fixtures.text("basic/places.tsv")
            + "IQ-SU\tgovernorate\t\tالسليمانية\tSulaymaniyah\tسلێمانی\t\talways\tx\n",
        Fixtures.text("basic/actors.tsv")
            + "qassem-soleimani\tperson\tقاسم سليماني\tQassem Soleimani\t\t\tسليماني|Soleimani\t\tx\n",
        Fixtures.text("basic/roles.tsv"));
    Tagger t = new Tagger(g);
    Tags soleimani = t.tag(null, "بعد اغتيال سليماني قرب المطار", null);
    assertEquals(List.of(), soleimani.provinces());
    assertEquals(List.of("qassem-soleimani"), soleimani.actors());
    assertEquals(List.of("IQ-SU"), t.tag(null, "في السليمانية", null).provinces());
    assertEquals(List.of("IQ-SU"), t.tag(null, "محافظة سلێمانی", null).provinces());
  }

  @Test
  void matchesAreWholeWordsOnly() {
    assertProvinces("البغداديون والبصراوي وبغدادنا");
    assertProvinces("كركوكي");
  }

  @Test
  void alLessFormsMatchOnlyWhereTheGazetteerListsThem() {
    assertProvinces("في بصرة", "IQ-BA"); // listed alias
    assertProvinces("في انبار", "IQ-AN"); // listed alias
    assertProvinces("في موصل"); // only الموصل is listed
    assertProvinces("في الكركوك"); // only كركوك is listed
  }

  @Test
  void cliticsAreOnlyOnTheFirstTokenOfAName() {
    assertEquals(List.of(), tag("مدينة والصدر").districts());
  }

  @Test
  void sadrCityIsALongestMatchNotMuqtadaAlSadr() {
    Tags t = tag("انفجار في مدينة الصدر شرقي العاصمة");
    assertEquals(List.of("IQ-BG"), t.provinces());
    assertEquals(List.of("IQ-BG.sadr-city"), t.districts());
    assertEquals(List.of(), t.actors());
  }

  @Test
  void adminWordPlusSalahAlDinIsTheProvince() {
    assertProvinces("مقتل 12 من أهالي مدينة صلاح الدين", "IQ-SD");
    assertProvinces("محافظة صلاح الدين", "IQ-SD");
    assertProvinces("قال محافظ صلاح الدين عمار الجبوري", "IQ-SD");
    assertProvinces("قائد شرطة صلاح الدين اللواء", "IQ-SD");
  }

  // ---- rule 3: nisba / person forms ------------------------------------------------------------------------------

  @Test
  void albaghdadiIsAPersonNotBaghdad() {
    Tags t = tag("قال البغدادي في تسجيل صوتي");
    assertEquals(List.of(), t.provinces());
    assertEquals(List.of(), t.actors()); // shared by Abu Bakr and Abu Omar
    Tags full = tag("زعيم التنظيم أبو بكر البغدادي");
    assertEquals(List.of(), full.provinces());
    assertEquals(List.of("abu-bakr-al-baghdadi"), full.actors());
  }

  @Test
  void brokenMarkupNisbaIsRejoinedAndIsNotBaghdad() {
    assertProvinces("وكان مقتل زعيمه “ال #بغداد ي” بمثابة الضربة القاصمة");
    assertProvinces("رجل بغداد ي");
  }

  @Test
  void brokenMarkupArticleIsRejoinedForAPlace() {
    assertProvinces("في ال #بصرة", "IQ-BA");
  }

  @Test
  void aFamilyAlBeforeANameIsNotRejoined() {
    // آل (family) is written with madda: «آل بغداد» stays two tokens, Baghdad is still Baghdad
    assertProvinces("آل بغداد", "IQ-BG");
  }

  @ParameterizedTest
  @ValueSource(strings = {"الموصلي", "البصري", "الأنباري", "الكربلائي", "النجفي", "البغدادي", "الكركوكي"})
  void nisbaFormsAreNotPlaces(String nisba) {
    assertProvinces("قال الكاتب " + nisba + " إن");
  }

  // ---- rule 4: صلاح الدين, province or person -------------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(strings = {"صلاح الدين الأيوبي", "صلاح الدين بهاء الدين", "الشيخ صلاح الدين", "محمد صلاح الدين",
      "صلاح الدين محمد", "السيد صلاح الدين", "صلاح الدين الجبوري"})
  void salahAlDinFollowedOrPrecededByANameIsAPerson(String name) {
    assertProvinces("التقى " + name + " بالوفد", new String[0]);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "مجلس أعيان وشخصيات العراق وصلاح الدين، طامي المجمعي",
      "سيطر على الأنبار ، ثم # #صلاح_الدين .",
      "عمليات في صلاح الدين",
      "هجمات في محافظات كركوك وديالى وصلاح الدين، التي سجلت",
      "صلاح الدين الشمالية",
      "حصلت صلاح الدين على مخصصات",
      "وصل إلى صلاح الدين الذي",
      "قوات في صلاح الدين وكركوك"})
  void salahAlDinAsTheProvince(String text) {
    assertTrue(tag(text).provinces().contains("IQ-SD"), () -> text + " -> " + mentions(text));
  }

  @Test
  void anAdminWordWinsOverAFollowingName() {
    assertProvinces("محافظة صلاح الدين الأيوبي", "IQ-SD");
  }

  @Test
  void otherPersonShapedPlaceNamesFollowTheSameRule() {
    assertEquals(List.of("IQ-BG.abu-ghraib"), tag("سجن أبو غريب").districts());
    assertEquals(List.of(), tag("قال أبو غريب الجبوري").districts());
  }

  // ---- rule 5: homographs ----------------------------------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(strings = {"يعيش في بلد ديمقراطي", "أخبار حديثة", "لعب الدور الكبير", "العمارة الحديثة في المدينة",
      "تحدث عنه الوزير", "في بلد", "ودور المرأة", "بلد المليون شهيد", "في حديثه للصحفيين", "بالدور",
      "وقال عنه إنه"})
  void homographsInTheirCommonWordReadingAreNotPlaces(String text) {
    assertEquals(List.of(), tag(text).districts(), () -> text + " -> " + mentions(text));
    assertEquals(List.of(), tag(text).provinces(), () -> text + " -> " + mentions(text));
  }

  @Test
  void fiBaladAloneIsNotEnoughForAVeryCommonNoun() {
    // documented choice: «في بلد» is ambiguous (in a country / in Balad), so a preposition is no evidence for بلد
    assertEquals(List.of(), tag("انفجار في بلد").districts());
    assertEquals(List.of("IQ-SD.balad"), tag("انفجار في قضاء بلد").districts());
  }

  @Test
  void homographsWithAnAdminWordArePlaces() {
    assertEquals(List.of("IQ-SD.balad"), tag("هجوم على قضاء بلد").districts());
    assertEquals(List.of("IQ-AN.haditha"), tag("في مدينة حديثة غربي العراق").districts());
    assertEquals(List.of("IQ-SD.dour"), tag("وبقضاء الدور").districts());
    assertEquals(List.of("IQ-MA.amarah"), tag("في مركز العمارة").districts());
    assertEquals(List.of("IQ-AN.anah"), tag("مدينة عنة").districts());
  }

  @Test
  void aMultiWordAliasOfAHomographRowNeedsNoMoreEvidence() {
    Gazetteer g = Gazetteer.parse(Fixtures.text("basic/places.tsv")
            + "IQ-MA.kut\tdistrict\tIQ-MA\tالكوت\tKut\t\tكوت العمارة|Kut al-Amara\tcontext\tx\n",
        Fixtures.text("basic/actors.tsv"), Fixtures.text("basic/roles.tsv"));
    Tagger t = new Tagger(g);
    assertEquals(List.of("IQ-MA.kut"), t.tag(null, "حصار كوت العمارة", null).districts());
    assertEquals(List.of(), t.tag(null, "الكوت", null).districts());
  }

  @Test
  void aPlaceHeadNounIsEvidenceForLessCommonHomographs() {
    assertEquals(List.of("IQ-BG.kadhimiya"), tag("أهالي الكاظمية").districts());
    assertEquals(List.of("IQ-BG.kadhimiya"), tag("شمالي الكاظمية").districts());
    assertEquals(List.of(), tag("أهالي بلد").districts());
  }

  @Test
  void homographsWithTheirGovernorateNearbyArePlaces() {
    assertEquals(List.of("IQ-SD.dour"), tag("هاجم مسلحون الدور في صلاح الدين").districts());
    assertEquals(List.of("IQ-MA.amarah"), tag("تظاهرات في العمارة مركز محافظة ميسان").districts());
    assertEquals(List.of("IQ-AN.haditha"), tag("سقط صاروخ على حديثة غربي الأنبار").districts());
  }

  @Test
  void aPlaceInsideTheHomographIsEvidenceToo() {
    assertEquals(List.of("IQ-SD.balad"), tag("من الفرحاتية إلى بلد").districts());
  }

  @Test
  void theGovernorateFarAwayIsNoEvidence() {
    String far = "لعب الدور " + "كلمة ".repeat(20) + "في صلاح الدين";
    assertEquals(List.of(), tag(far).districts());
  }

  @Test
  void prepositionIsEvidenceForLessCommonHomographs() {
    assertEquals(List.of("IQ-BG.kadhimiya"), tag("اشتباكات في الكاظمية").districts());
    assertEquals(List.of("IQ-BA.zubair"), tag("وصل بالزبير").districts());
    assertEquals(List.of(), tag("الحكومة الكاظمية").districts());
  }

  @Test
  void homographsInAListOfPlacesArePlaces() {
    assertEquals(List.of("IQ-SD.balad", "IQ-SD.tikrit"), tag("هجمات على تكريت وبلد").districts());
    assertEquals(List.of("IQ-AN.hit"), tag("كركوك، هيت").districts());
  }

  @ParameterizedTest
  @ValueSource(strings = {"Clashes in Hit left two dead.", "The town of Hit was retaken.", "In Anbar, Hit fell.",
      "Militants entered Hit district", "They returned to Haditha and Balad."})
  void capitalizedLatinHomographsArePlaces(String text) {
    assertFalse(tag(text).districts().isEmpty(), () -> text + " -> " + mentions(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"A roadside bomb hit a convoy.", "Hit by a car, he died.", "ROADSIDE BOMB HIT CONVOY",
      "Roadside Bomb Hit Army Convoy", "the song was a hit"})
  void latinCommonWordsAreNotPlaces(String text) {
    assertEquals(List.of(), tag(text).districts(), () -> text + " -> " + mentions(text));
  }

  @Test
  void anAliasSharedAcrossGovernoratesNeedsARelatedPlace() {
    assertEquals(List.of(), tag("في الحمزة").provinces());
    assertEquals(List.of("IQ-BB"), tag("في الحمزة جنوبي بابل").provinces());
    assertEquals(List.of("IQ-QA", "IQ-QA.diwaniyah", "IQ-QA.hamza"),
        concat(tag("بين الحمزة والديوانية")));
  }

  private static List<String> concat(Tags t) {
    return java.util.stream.Stream.concat(t.provinces().stream(), t.districts().stream()).sorted().toList();
  }

  @Test
  void sameNameForGovernorateAndItsDistrictTagsBoth() {
    assertEquals(List.of("IQ-BA.basra"), tag("في البصرة").districts());
  }

  // ---- rule 6: actors ---------------------------------------------------------------------------------------------

  @Test
  void actorAliasesTagOnSightWithClitics() {
    assertActors("قادة مثل مقتدى الصدر وقيس الخزعلي", "muqtada-al-sadr", "qais-al-khazali");
    assertActors("ميليشيات \"ثأر الله\" في البصرة", "thar-allah");
    assertActors("قتل في الغارة ومهدي المهندس", "abu-mahdi-al-muhandis");
    assertActors("Tha’r Allah militia", "thar-allah");
  }

  @Test
  void aSurnameOfOneActorTagsItAlone() {
    assertActors("مثل الخزعلي", "qais-al-khazali");
    assertActors("قال الكاظمي", "mustafa-al-kadhimi");
  }

  @ParameterizedTest
  @ValueSource(strings = {"العبادي", "الحكيم", "الصدر", "البغدادي", "al-Sadr"})
  void aSharedSurnameAloneTagsNoOne(String surname) {
    assertActors("وقال " + surname + " في كلمة");
  }

  @Test
  void aSharedSurnameGoesToTheOneNamedInFull() {
    assertActors("قال حيدر العبادي أمس. وأضاف العبادي أن", "haider-al-abadi");
    Tags t = tag("الخزعلي والصدر ... مقتدى الصدر");
    assertEquals(List.of("muqtada-al-sadr", "qais-al-khazali"), t.actors());
    List<Mention> ms = mentions("وأضاف العبادي أن ... حيدر العبادي");
    assertTrue(ms.stream().anyMatch(m -> m.via().equals("surname") && m.id().equals("haider-al-abadi")), ms::toString);
  }

  @Test
  void acronymsAreCaseSensitive() {
    assertActors("This is a test of it");
    assertActors("IS fighters attacked", "islamic-state");
    assertActors("PMF units", "popular-mobilization-forces");
  }

  @Test
  void englishPossessiveIsIgnored() {
    assertProvinces("Baghdad's mayor", "IQ-BG");
    assertActors("Qais al-Khazali's group", "qais-al-khazali");
  }

  // ---- rule 7: roles by date -------------------------------------------------------------------------------------

  private static final String PM = "أصدر رئيس الوزراء العراقي توجيهات جديدة";

  @Test
  void rolesResolveToTheHolderOnThePublicationDate() {
    assertEquals(List.of("haider-al-abadi"), tag(PM, LocalDate.of(2016, 3, 1)).actors());
    assertEquals(List.of("mustafa-al-kadhimi"), tag(PM, LocalDate.of(2021, 6, 1)).actors());
    assertEquals(List.of("mohammed-shia-al-sudani"), tag(PM, LocalDate.of(2024, 1, 1)).actors());
    assertEquals(List.of("haider-al-abadi"), tag("the Iraqi prime minister said", LocalDate.of(2016, 3, 1)).actors());
  }

  @Test
  void withoutADateARoleTagsNoOne() {
    assertEquals(List.of(), tag(PM).actors());
  }

  @Test
  void onAHandOverDayTheSuccessorHoldsTheOffice() {
    assertEquals(List.of("mustafa-al-kadhimi"), tag(PM, LocalDate.of(2020, 5, 7)).actors());
  }

  @Test
  void beforeAnyKnownHolderARoleTagsNoOne() {
    assertEquals(List.of(), tag(PM, LocalDate.of(2005, 1, 1)).actors());
  }

  @ParameterizedTest
  @ValueSource(strings = {"قال رئيس الوزراء السابق", "قال نائب رئيس الوزراء", "قال رئيس الوزراء البريطاني",
      "رئيس الوزراء العراقي الأسبق", "وزار رئيس الوزراء المكلف", "the former Iraqi prime minister",
      "رئيس الوزراء حينها", "الرئيس الأميركي السابق"})
  void qualifiedRolesTagNoOne(String text) {
    assertEquals(List.of(), tag(text, LocalDate.of(2016, 3, 1)).actors(), () -> text);
  }

  @Test
  void aNamedHolderIsNotOverriddenByTheDate() {
    // an article of 2016 quoting «رئيس الوزراء مصطفى الكاظمي» names him; it does not also tag Abadi
    assertEquals(List.of("mustafa-al-kadhimi"),
        tag("رئيس الوزراء مصطفى الكاظمي", LocalDate.of(2016, 3, 1)).actors());
    assertEquals(List.of("mustafa-al-kadhimi"),
        tag("رئيس الوزراء العراقي، # #مصطفى_الكاظمي ، اليوم", LocalDate.of(2016, 3, 1)).actors());
    assertEquals(List.of(), tag("أكد رئيس الوزراء محمد علي أن", LocalDate.of(2016, 3, 1)).actors());
  }

  @Test
  void onlyAPersonsNameNextToARoleSuppressesIt() {
    Gazetteer g = Gazetteer.parse(Fixtures.text("basic/places.tsv"),
        Fixtures.text("basic/actors.tsv") + "united-states\tstate\tالولايات المتحدة\tUnited States\t\t\tWashington|واشنطن\t\tx\n",
        Fixtures.text("basic/roles.tsv"));
    Tagger t = new Tagger(g);
    assertEquals(List.of("joe-biden", "united-states"),
        t.tag(null, "The Iraqi delegation met the US president in Washington.", LocalDate.of(2022, 1, 1)).actors());
  }

  @Test
  void rolesOfOtherCountriesUseTheirOwnOffices() {
    assertEquals(List.of("joe-biden"), tag("قال الرئيس الأمريكي إن", LocalDate.of(2022, 1, 1)).actors());
    assertEquals(List.of("donald-trump"), tag("قال الرئيس الأميركي إن", LocalDate.of(2019, 1, 1)).actors());
  }

  // ---- rule 8: overlaps -------------------------------------------------------------------------------------------

  @Test
  void actorNamesBeatPlacesInsideThem() {
    Tags t = tag("قرر مجلس محافظة البصرة");
    assertEquals(List.of("basra-provincial-council"), t.actors());
    assertEquals(List.of(), t.provinces());
    assertProvinces("أبو بكر البغدادي");
    assertProvinces("حركة ثأر الله");
    assertActors("فيلق القدس التابع للحرس الثوري", "quds-force");
  }

  @Test
  void mentionsExplainTheEvidence() {
    List<Mention> ms = mentions("في قضاء بلد");
    assertEquals(1, ms.size(), ms::toString);
    Mention m = ms.get(0);
    assertEquals("place", m.type());
    assertEquals("IQ-SD.balad", m.id());
    assertEquals("بلد", m.text());
    assertEquals("context:admin-word", m.via());
  }

  // ---- rules added with the gold-set evaluation (indexer TaggingAccuracyTest) -----------------------------------

  /** The fixture gazetteer with صلاح الدين as a homograph row (evidence=context), as in the real gazetteer. */
  private static Tagger withContextSalahAlDin() {
    String places = Fixtures.text("basic/places.tsv");
    String row = "IQ-SD\tgovernorate\t\tصلاح الدين\tSalah al-Din\tسەلاحەدین\tSaladin|Salahaddin|محافظة صلاح الدين\talways";
    assertTrue(places.contains(row));
    return new Tagger(Gazetteer.parse(places.replace(row, row.replace("\talways", "\tcontext")),
        Fixtures.text("basic/actors.tsv"), Fixtures.text("basic/roles.tsv")));
  }

  @Test
  void aPersonShapedNameReadAsAManIsTheManAgainLaterInTheText() {
    Tagger t = withContextSalahAlDin();
    // alone, a bare «صلاح الدين،» with no family name is the province ...
    assertEquals(List.of("IQ-SD"), t.tag(null, "زار الوفد صلاح الدين، ثم عاد", null).provinces());
    // ... but not once the text has introduced a man of that name: one sense per text
    assertEquals(List.of("IQ-BG"), t.tag("معرض للخطاط صلاح الدين النعيمي",
        "افتتح الخطاط صلاح الدين النعيمي معرضه في بغداد. وقال صلاح الدين، الذي بدأ تعلم الخط صغيراً، إن", null)
        .provinces());
    // real evidence still counts
    assertEquals(List.of("IQ-SD"), t.tag(null,
        "التقى صلاح الدين الجبوري وفداً من محافظة صلاح الدين", null).provinces());
  }

  @ParameterizedTest
  @ValueSource(strings = {"بدأت جلسة انتخاب رئيس الوزراء", "المرشح لمنصب رئيس الوزراء", "اختيار رئيس الحكومة",
      "بعد تسمية رئيس الوزراء الجديد", "ترشيح رئيس الوزراء"})
  void aRolePhraseNamingTheOfficeTagsNoHolder(String text) {
    assertEquals(List.of(), tag(text, LocalDate.of(2021, 6, 1)).actors(), () -> text);
    assertEquals(List.of("mustafa-al-kadhimi"), tag("قال رئيس الوزراء إن", LocalDate.of(2021, 6, 1)).actors());
  }

  @Test
  void aDottedAbbreviationDoesNotEndTheSentence() {
    Gazetteer g = Gazetteer.parse(Fixtures.text("basic/places.tsv"), Fixtures.text("basic/actors.tsv")
            + "us-military\tgovernment_body\tالقوات الأمريكية\tUS forces\t\tU.S. forces|U.S. troops\t\t\tx\n"
            + "global-coalition\tinternational_org\tالتحالف الدولي\tGlobal Coalition\t\tU.S.-led coalition\t\t\tx\n",
        Fixtures.text("basic/roles.tsv"));
    Tagger t = new Tagger(g);
    assertEquals(List.of("us-military"), t.tag(null, "the future of U.S. forces in Iraq", null).actors());
    assertEquals(List.of("global-coalition"), t.tag(null, "The U.S.-led coalition said", null).actors());
    ArabicText.Tokens tokens = ArabicText.scan("in the U.S. forces left. Then");
    assertEquals(ArabicText.SEP_SOFT, tokens.sep[4], "u.s. + forces");
    assertEquals(ArabicText.SEP_SENTENCE, tokens.sep[6], "a real sentence end stays one");
  }

  @Test
  void aSurnameThatIsAPlaceReadAsThePlaceInTheTextTagsNoOne() {
    Gazetteer g = Gazetteer.parse(Fixtures.text("basic/places.tsv")
            + "IQ-SU\tgovernorate\t\tالسليمانية\tSulaymaniyah\tسلێمانی\t\talways\tx\n",
        Fixtures.text("basic/actors.tsv")
            + "qassem-soleimani\tperson\tقاسم سليماني\tQassem Soleimani\t\t\tسليماني|Soleimani\t\tx\n",
        Fixtures.text("basic/roles.tsv"));
    Tagger t = new Tagger(g);
    Tags kurdish = t.tag(null, "مامۆستایان لە سلێمانی و هەڵەبجە نیگەران بوون. مامۆستایەک لە سلێمانی گوتی", null);
    assertEquals(List.of("IQ-HAL", "IQ-SU"), kurdish.provinces());
    assertEquals(List.of(), kurdish.actors());
    // named in full, he is tagged even in a text about the city
    assertEquals(List.of("qassem-soleimani"),
        t.tag(null, "صورة قاسم سليماني في محافظة سلێمانی، وقال سليماني", null).actors());
    // and the surname alone still tags him
    assertEquals(List.of("qassem-soleimani"), t.tag(null, "بعد اغتيال سليماني قرب المطار", null).actors());
  }

  @ParameterizedTest
  @ValueSource(strings = {"لە پارێزگای سلێمانی", "لە شاری سلێمانی", "گوندێک لە قەزای سلێمانی"})
  void soraniAdminWordsAreEvidence(String text) {
    Gazetteer g = Gazetteer.parse(Fixtures.text("basic/places.tsv")
            + "IQ-SU\tgovernorate\t\tالسليمانية\tSulaymaniyah\tسلێمانی\t\talways\tx\n",
        Fixtures.text("basic/actors.tsv")
            + "qassem-soleimani\tperson\tقاسم سليماني\tQassem Soleimani\t\t\tسليماني|Soleimani\t\tx\n",
        Fixtures.text("basic/roles.tsv"));
    Tags t = new Tagger(g).tag(null, text, null);
    assertEquals(List.of("IQ-SU"), t.provinces(), text);
    assertEquals(List.of(), t.actors(), text);
  }

  @Test
  void aNaturalFeatureNamedAfterAHomographPlaceIsNotThePlace() {
    Gazetteer g = Gazetteer.parse(Fixtures.text("basic/places.tsv")
            + "IQ-MA.kahla\tdistrict\tIQ-MA\tالكحلاء\tAl-Kahla\t\tKahla\tcontext\tx\n",
        Fixtures.text("basic/actors.tsv"), Fixtures.text("basic/roles.tsv"));
    Tagger t = new Tagger(g);
    assertEquals(List.of(), t.tag(null, "انخفاض مناسيب نهر الكحلاء في ميسان", null).districts());
    assertEquals(List.of(), t.tag(null, "انخفاض مناسيب الأنهار في ميسان ومنها نهر الكحلاء", null).districts());
    assertEquals(List.of("IQ-MA.kahla"), t.tag(null, "احتجاجات في الكحلاء بمحافظة ميسان", null).districts());
    assertEquals(List.of("IQ-MA.kahla"), t.tag(null, "أهالي قضاء الكحلاء قرب النهر", null).districts());
  }

  @Test
  void aGazetteerWithoutAmbiguousAliasesReportsNone() {
    assertEquals(List.of(), Fixtures.tagger().ambiguousActorAliases());
  }
}
