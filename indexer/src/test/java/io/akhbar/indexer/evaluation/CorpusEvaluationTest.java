package io.akhbar.indexer.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.akhbar.gazetteer.Gazetteer;
import io.akhbar.gazetteer.Tagger;
import io.akhbar.indexer.ArticleFactory;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The evaluation command's mechanics on a tiny hand-written corpus (the real figures come from the shared corpus, see
 * docs/tagging.md): gzip feeds are read, labels are scored, plausibility is counted, tags written by one run are
 * scored again by the same yardstick, and the label files of the repository are valid against the gazetteer.
 */
class CorpusEvaluationTest {

  private static final Gazetteer GAZETTEER = Gazetteer.fromClasspath();
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  private Path corpus(List<Map<String, String>> records) throws IOException {
    Path file = dir.resolve("corpus.jsonl.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      for (Map<String, String> r : records) {
        out.write((JSON.writeValueAsString(r) + "\n").getBytes(StandardCharsets.UTF_8));
      }
    }
    return file;
  }

  private Path gold(String... lines) throws IOException {
    Path file = dir.resolve("gold.tsv");
    Files.writeString(file, "doc\tprovinces\tdistricts\tactors\tnote\n" + String.join("\n", lines) + "\n");
    return file;
  }

  @Test
  void aSaudiArticleAboutRiyadhCarriesNoIraqiTagAndAnIraqiOneKeepsItsTags() throws IOException {
    Path corpus = corpus(List.of(
        Map.of("id", "sa-1", "title", "أمطار في الرياض", "body", "هطلت أمطار غزيرة على منطقة الرياض وجدة أمس، "
            + "وأعلنت وزارة الداخلية السعودية رفع الجاهزية."),
        Map.of("id", "iq-1", "title", "انفجار في كركوك", "body", "قتل ثلاثة أشخاص في انفجار في مدينة كركوك شمالي "
            + "العراق، وقالت قيادة الشرطة إن التحقيق جار."),
        Map.of("id", "empty", "title", "بلا نص", "body", "")));
    Path gold = gold("sa-1\t\t\tsaudi-ministry-of-interior", "iq-1\tIQ-KI\tIQ-KI.kirkuk\tiraq");
    CorpusEvaluation.Result r = CorpusEvaluation.run(corpus, List.of(gold), factory(), GAZETTEER, null,
        dir.resolve("tags.jsonl"));

    assertEquals(2, r.articles());
    assertEquals(1, r.refused(), "the record without a body is counted as refused, not lost");
    TagScore s = r.samples().get("gold.tsv");
    assertEquals(1.0, s.precision("provinces"), s.table());
    assertEquals(1.0, s.recall("provinces"), s.table());
    assertEquals(1.0, r.plausibility().provinceShare());
    assertEquals(0.0, r.plausibility().withoutIraqTaggedShare(), "the Riyadh article carries no Iraqi tag");
    assertTrue(r.markdown().contains("| provinces | 1 | 1 | 1 | 0 | 0 | 1.000 | 1.000 |"), r.markdown());

    // the tags written by this run, scored again from the file, give the same figures
    CorpusEvaluation.Result again = CorpusEvaluation.run(corpus, List.of(gold), factory(), GAZETTEER,
        dir.resolve("tags.jsonl"), null);
    assertEquals(r.samples().get("gold.tsv").table(), again.samples().get("gold.tsv").table());
  }

  @Test
  void tagsThatTheArticleDoesNotSupportCountAsImplausible() throws IOException {
    Path corpus = corpus(List.of(Map.of("id", "sa-2", "title", "طقس", "body", "أجواء حارة في الرياض اليوم.")));
    Path tags = dir.resolve("old-tags.jsonl");
    Files.writeString(tags, "{\"id\":\"sa-2\",\"provinces\":[\"IQ-KI\"],\"districts\":[\"IQ-KI.hawija\"],"
        + "\"actors\":[\"iraqi-council-of-ministers\"]}\n");
    CorpusEvaluation.Result r = CorpusEvaluation.run(corpus, List.of(), factory(), GAZETTEER, tags, null);
    assertEquals(0.0, r.plausibility().provinceShare(), "Kirkuk on an article that names neither Kirkuk nor Iraq");
    assertEquals(0.0, r.plausibility().officeShare(), "the Iraqi cabinet on an article that never says Iraq");
    assertEquals(1.0, r.plausibility().withoutIraqTaggedShare());
  }

  @Test
  void aLabelThatNamesNoGazetteerEntryIsRefusedWithItsLine() throws IOException {
    Path gold = gold("d1\tIQ-XX\t\t");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TagGold.read(gold, GAZETTEER));
    assertTrue(e.getMessage().contains("gold.tsv:2") && e.getMessage().contains("IQ-XX"), e.getMessage());
  }

  @Test
  void theRepositorysCorpusLabelsAreValidAgainstTheGazetteer() throws IOException {
    Map<String, TagGold> random = TagGold.read(Path.of("../relevance/corpus-sample-tags.tsv"), GAZETTEER);
    Map<String, TagGold> iraqi = TagGold.read(Path.of("../relevance/corpus-iraq-sample-tags.tsv"), GAZETTEER);
    assertEquals(150, random.size());
    assertEquals(60, iraqi.size());
    assertTrue(random.keySet().stream().allMatch(id -> id.startsWith("snn-")), "article ids of the shared corpus");
    assertTrue(iraqi.keySet().stream().noneMatch(random::containsKey), "the two samples do not overlap");
  }

  @Test
  void theCommandSaysWhereTheCorpusShouldBeWhenItIsMissing() {
    StringWriter err = new StringWriter();
    CommandLine cmd = io.akhbar.indexer.IndexerMainAccess.commandLine();
    cmd.setErr(new PrintWriter(err));
    int code = cmd.execute("evaluate", "--corpus", dir.resolve("nowhere.jsonl.gz").toString());
    assertEquals(2, code);
    assertTrue(err.toString().contains("the corpus is not at") && err.toString().contains("--corpus"), err.toString());
    assertFalse(err.toString().contains("Exception"), "a message, not a stack trace");
  }

  private static ArticleFactory factory() {
    return new ArticleFactory(new Tagger(GAZETTEER), Clock.systemUTC());
  }
}
