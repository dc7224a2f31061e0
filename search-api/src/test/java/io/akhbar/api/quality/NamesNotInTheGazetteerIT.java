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
 * Names no gazetteer row lists, typed in Latin script, find the articles that write them in Arabic (through their
 * transliterations), never the common words that look like them; places abroad find each other's script; English
 * queries find English articles with English stemming. Hand-written articles over a real node.
 */
class NamesNotInTheGazetteerIT {

  static SeededApp app;

  @BeforeAll
  static void start() throws Exception {
    app = SeededApp.withFeed("it-names-not-in-gazetteer", List.of(
        SeededApp.feedLine("t01", "خطبة الجمعة", "ألقى الشيخ عبدالرحمن السديس خطبة الجمعة في المسجد الحرام أمس."),
        SeededApp.feedLine("t02", "معارك في الشرق الليبي", "قال اللواء خليفة حفتر إن قواته تقدمت في بنغازي خلال الأيام الماضية."),
        SeededApp.feedLine("t03", "لقاء وزاري", "التقى وزير الدولة للشؤون الخارجية الإماراتي أنور قرقاش نظيره في أبوظبي."),
        SeededApp.feedLine("t04", "طقس اليوم", "كان الجو هادئا والبحر هادي الموج، وتحركت العاصفة فوق المحيط الهادي."),
        SeededApp.feedLine("t05", "حفل", "مع الأسف لم يحضر أحد من المدعوين إلى الحفل، وعبر المنظمون عن أسفهم."),
        SeededApp.feedLine("t06", "الميزانية", "قال وزير المالية إبراهيم العساف إن الميزانية الجديدة تراعي انخفاض أسعار النفط."),
        SeededApp.feedLine("t07", "Fighting in Yemen", "Fighting in Aden and Sanaa continued on Monday, while officials in Kirkuk said the road was open."),
        SeededApp.feedLine("t08", "اشتباكات في اليمن", "تجددت الاشتباكات في عدن وصنعاء صباح اليوم بحسب مصادر محلية."),
        SeededApp.feedLine("t09", "Elections", "The elections were held peacefully, observers said.")));
  }


  @AfterAll
  static void stop() throws Exception {
    app.close();
  }

  @ParameterizedTest(name = "«{0}» finds [{1}]")
  @CsvSource(delimiter = ';', value = {
      // a surname alone, with a given name, with a title, in other spellings
      "Sudais;t01",
      "al-Sudais;t01",
      "Abdul Rahman al-Sudais;t01",
      "Sheikh Sudais;t01",
      "Haftar;t02",
      "Khalifa Haftar;t02",
      "Khalifa Hifter;t02",
      "Haftar Benghazi;t02",
      "Gargash;t03",
      "Anwar Gargash;t03",
      // the family, not the common word: «العساف», not «الأسف» (regret); هادي (calm) and الهادي (the Pacific) never
      "Assaf;t06",
      "Ibrahim al-Assaf;t06",
      "Hadi;",
      // operators around names the gazetteer does not know
      "Sudais OR Gargash;t01 t03",
      "Haftar -Benghazi;",
      "Khalifa Haftar -Gargash;t02",
      "Assaf OR Haftar -Benghazi;t06",
      // places abroad, both ways; English with English stemming
      "Aden;t07 t08",
      "Sanaa;t07 t08",
      "عدن;t07 t08",
      "كركوك;t07",
      "election;t09",
      // the longest name words and many of them are still answered (bounded regexps, never a refused query)
      "Qawertuziopasdfghjkla;",
      "Bouteflikaessebsighannouchi Haftar;",
  })
  void aNameTheGazetteerDoesNotListFindsOnlyTheArticlesThatWriteIt(String q, String expected) throws Exception {
    assertEquals(new TreeSet<>(expected == null ? List.of() : Arrays.asList(expected.split(" "))), app.hitIds(q), q);
  }
}
