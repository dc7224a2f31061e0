package io.akhbar.gazetteer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real gazetteer ({@code gazetteer/*.tsv} on the classpath) against the seed articles in {@code seeds/}.
 * Actors are looked up by their English name, so the test does not depend on the slugs the data editors chose.
 */
class RealGazetteerTaggingTest {

  private static final Path SEEDS = Path.of("..", "seeds");

  private static Gazetteer gazetteer;
  private static Tagger tagger;

  @BeforeAll
  static void load() {
    gazetteer = Gazetteer.fromClasspath();
    tagger = new Tagger(gazetteer);
  }

  private static String seed(String prefix) {
    try (Stream<Path> files = Files.list(SEEDS)) {
      Path file = files.filter(p -> p.getFileName().toString().startsWith(prefix + "_")).findFirst()
          .orElseThrow(() -> new AssertionError("no seed " + prefix + "_*.txt in " + SEEDS.toAbsolutePath()));
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new AssertionError("cannot read seeds from " + SEEDS.toAbsolutePath(), e);
    }
  }

  /** The id of the actor whose English name (or an alias) is one of the given names. */
  private static String actor(String... englishNames) {
    for (String name : englishNames) {
      String want = ArabicText.normalize(name);
      for (Actor a : gazetteer.actors()) {
        if (ArabicText.normalize(a.nameEn()).equals(want)) {
          return a.id();
        }
      }
    }
    for (String name : englishNames) {
      String want = ArabicText.normalize(name);
      for (Actor a : gazetteer.actors()) {
        if (a.aliases().stream().anyMatch(x -> ArabicText.normalize(x).equals(want))) {
          return a.id();
        }
      }
    }
    fail("actors.tsv has no actor named " + List.of(englishNames));
    return null;
  }

  private static void assertContainsAll(Collection<String> actual, Collection<String> expected, Object context) {
    List<String> missing = new ArrayList<>(expected);
    missing.removeAll(actual);
    assertTrue(missing.isEmpty(), () -> "missing " + missing + " in " + actual + "\n" + context);
  }

  private static String explain(String text, LocalDate date) {
    StringBuilder sb = new StringBuilder();
    for (Mention m : tagger.mentions(null, text, date)) {
      sb.append("  ").append(m).append('\n');
    }
    return sb.toString();
  }

  @Test
  void theRealGazetteerLoadsAllGovernorates() {
    List<String> ids = gazetteer.governorates().stream().map(Place::id).sorted().toList();
    assertEquals(List.of("IQ-AN", "IQ-AR", "IQ-BA", "IQ-BB", "IQ-BG", "IQ-DA", "IQ-DI", "IQ-DQ", "IQ-HAL", "IQ-KA",
        "IQ-KI", "IQ-MA", "IQ-MU", "IQ-NA", "IQ-NI", "IQ-QA", "IQ-SD", "IQ-SU", "IQ-WA"), ids);
    for (Place g : gazetteer.governorates()) {
      assertFalse(gazetteer.districtsOf(g.id()).isEmpty(), g.id() + " has no districts");
    }
    assertFalse(gazetteer.synonymRules().isEmpty());
  }

  @Test
  void seed000SalahAlDinAndTheMilitiaLeaders() {
    String text = seed("000");
    LocalDate date = LocalDate.of(2021, 2, 1);
    Tags t = tagger.tag(null, text, date);
    String why = explain(text, date);
    assertTrue(t.provinces().contains("IQ-SD"), why);
    assertContainsAll(t.actors(), List.of(
        actor("Qais al-Khazali"),
        actor("Muqtada al-Sadr"),
        actor("Falih al-Fayyadh", "Faleh al-Fayyadh"),
        actor("Popular Mobilization Forces", "Popular Mobilisation Forces"),
        actor("Donald Trump"),
        actor("Qassem Soleimani", "Qasem Soleimani"),
        actor("Abu Mahdi al-Muhandis"),
        actor("Asa'ib Ahl al-Haq"),
        actor("Steven Mnuchin"),
        actor("Quds Force", "IRGC Quds Force", "Islamic Revolutionary Guard Corps", "IRGC")), why);
    // «الرئيس الأميركي السابق دونالد ترامب»: the qualified role must not add the 2021 president
    assertFalse(t.actors().contains(actor("Joe Biden")), why);
  }

  @Test
  void seed000EachSalahAlDinMentionIsTheProvince() {
    for (String sentence : List.of(
        "بقتل وخطف 12 من أهالي منطقة الفرحاتية في مدينة صلاح الدين في أكتوبر الماضي",
        "وكان المتحدث الرسمي لمجلس أعيان وشخصيات العراق وصلاح الدين، طامي المجمعي")) {
      assertTrue(tagger.tag(null, sentence, null).provinces().contains("IQ-SD"), explain(sentence, null));
    }
    assertTrue(tagger.tag(null, "أهالي منطقة الفرحاتية", null).provinces().contains("IQ-SD"));
  }

  @Test
  void seed002BasraKadhimiPompeoTharAllah() {
    String text = seed("002");
    LocalDate date = LocalDate.of(2020, 5, 23);
    Tags t = tagger.tag(null, text, date);
    String why = explain(text, date);
    assertTrue(t.provinces().contains("IQ-BA"), why);
    assertContainsAll(t.actors(), List.of(
        actor("Mustafa al-Kadhimi"),
        actor("Mike Pompeo"),
        actor("Tha'r Allah", "Thar Allah", "Tha'r Allah Islamic Movement"),
        actor("Abu Bakr al-Baghdadi")), why);
    assertFalse(t.actors().contains(actor("Abu Omar al-Baghdadi")), why);
  }

  @Test
  void seed003TarmiyahKadhimiAndTheBrokenBaghdadi() {
    String text = seed("003");
    Tags t = tagger.tag(null, text, null);
    String why = explain(text, null);
    assertContainsAll(t.provinces(), List.of("IQ-BG", "IQ-NI", "IQ-AN", "IQ-SD", "IQ-DI", "IQ-KI"), why);
    assertTrue(t.districts().contains("IQ-BG.tarmiyah"), why);
    assertContainsAll(t.actors(), List.of(actor("Mustafa al-Kadhimi"), actor("Islamic State")), why);

    String tarmiyah = "القوات الأمنية «باتخاذ حزمة إجراءات تؤمّن قضاء # #الطارمية ، شمالي # #بغداد والسكّان المدنيين";
    Tags tt = tagger.tag(null, tarmiyah, null);
    assertEquals(List.of("IQ-BG"), tt.provinces(), explain(tarmiyah, null));
    assertTrue(tt.districts().contains("IQ-BG.tarmiyah"), explain(tarmiyah, null));

    String pm = "أصدر رئيس الوزراء العراقي، # #مصطفى_الكاظمي ، اليوم الأربعاء";
    assertEquals(List.of(actor("Mustafa al-Kadhimi")), tagger.tag(null, pm, null).actors(), explain(pm, null));

    String baghdadi = "وكان مقتل زعيمه “ال #بغداد ي” بمثابة الضربة القاصمة له، وليس له قيادات فعلية اليوم";
    Tags tb = tagger.tag(null, baghdadi, null);
    assertEquals(List.of(), tb.provinces(), explain(baghdadi, null));
    assertEquals(List.of(), tb.districts(), explain(baghdadi, null));
  }

  @Test
  void seed004KirkukDiyalaSalahAlDinAndIslamicState() {
    String text = seed("004");
    Tags t = tagger.tag(null, text, null);
    String why = explain(text, null);
    assertContainsAll(t.provinces(), List.of("IQ-KI", "IQ-DI", "IQ-SD"), why);
    assertTrue(t.actors().contains(actor("Islamic State")), why);
    String list = "في العراق خلال الأشهر الماضية، بمحافظات كركوك وديالى وصلاح الدين، التي سجلت خلال الفترة الأخيرة";
    assertEquals(List.of("IQ-DI", "IQ-KI", "IQ-SD"), tagger.tag(null, list, null).provinces(), explain(list, null));
  }

  @Test
  void seed001DhiQarAndNasiriyah() {
    String text = seed("001");
    Tags t = tagger.tag(null, text, null);
    String why = explain(text, null);
    assertEquals(List.of("IQ-DQ"), t.provinces(), why);
    assertTrue(t.districts().contains("IQ-DQ.nasiriyah"), why);
  }

  @Test
  void rolesResolveWithTheRealOffices() {
    String pm = "أصدر رئيس الوزراء العراقي توجيهات جديدة";
    assertEquals(List.of(actor("Haider al-Abadi")), tagger.tag(null, pm, LocalDate.of(2016, 3, 1)).actors());
    assertEquals(List.of(actor("Mustafa al-Kadhimi")), tagger.tag(null, pm, LocalDate.of(2021, 6, 1)).actors());
    assertEquals(List.of(), tagger.tag(null, pm, null).actors());
  }

  @Test
  void realHomographsAndNisbas() {
    for (String text : List.of("يعيش في بلد ديمقراطي", "أخبار حديثة", "لعب الدور الكبير", "العمارة الحديثة",
        "قال البغدادي", "الكاتب الموصلي", "الشاعر البصري", "الحاج الأنباري", "الشيخ الكربلائي", "السيد النجفي",
        "صلاح الدين الأيوبي", "صلاح الدين بهاء الدين")) {
      Tags t = tagger.tag(null, text, null);
      assertEquals(List.of(), t.provinces(), () -> text + "\n" + explain(text, null));
    }
    Tags sadr = tagger.tag(null, "انفجار في مدينة الصدر", null);
    assertEquals(List.of("IQ-BG"), sadr.provinces());
    assertEquals(List.of("IQ-BG.sadr-city"), sadr.districts());
    assertFalse(sadr.actors().contains(actor("Muqtada al-Sadr")));
    assertEquals(List.of("IQ-SD"), tagger.tag(null, "محافظة صلاح الدين", null).provinces());
  }

  @Test
  void everyActorAndPlaceNameTagsItself() {
    // a smoke test of the data: each place's Arabic name, preceded by «محافظة»/«منطقة» so homographs have their
    // evidence (and followed by its governorate, for a name shared across governorates), is found as that place
    List<String> failures = new ArrayList<>();
    for (Place p : gazetteer.places()) {
      if (p.nameAr().isBlank()) {
        continue;
      }
      String text = p.isGovernorate() ? "محافظة " + p.nameAr()
          : "منطقة " + p.nameAr() + " في " + gazetteer.place(p.governorateId()).orElseThrow().nameAr();
      if (tagger.mentions(null, text, null).stream().noneMatch(m -> m.id().equals(p.id()))) {
        failures.add(p.id() + " «" + text + "» " + tagger.mentions(null, text, null));
      }
    }
    for (Actor a : gazetteer.actors()) {
      String name = a.nameAr().isBlank() ? a.nameEn() : a.nameAr();
      String text = "قال " + name + " أمس";
      if (a.surnames().contains(name)) {
        // a generic display name («المحكمة الاتحادية العليا», «عمر سليمان») names the actor in its country's context
        String country = gazetteer.countries().stream().filter(c -> c.code().equals(a.country()))
            .map(c -> c.names().get(0)).findFirst().orElse("");
        text = "قال " + name + " أمس في " + country + " إن " + country + " بلد";
      }
      if (!tagger.tag(null, text, null).actors().contains(a.id())) {
        failures.add(a.id() + " «" + text + "» " + tagger.mentions(null, text, null));
      }
    }
    assertTrue(failures.isEmpty(), () -> failures.size() + " names do not tag themselves:\n"
        + String.join("\n", failures).toLowerCase(Locale.ROOT));
  }
}
