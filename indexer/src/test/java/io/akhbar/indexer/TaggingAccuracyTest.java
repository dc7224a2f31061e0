package io.akhbar.indexer;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.akhbar.core.Article;
import io.akhbar.gazetteer.Gazetteer;
import io.akhbar.gazetteer.Mention;
import io.akhbar.gazetteer.Tagger;
import io.akhbar.gazetteer.Tags;
import io.akhbar.indexer.evaluation.TagGold;
import io.akhbar.indexer.evaluation.TagScore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The tagger against the hand-labelled gold set {@code relevance/tags-gold.tsv}: every article of
 * {@code relevance/corpus.jsonl} (feed records) and the five scraped pages in {@code seeds/} (through the page parser),
 * made into articles exactly as the indexer makes them. Micro precision and recall per tag type; every false positive
 * and false negative is printed and written, with a Markdown table, to {@code target/tagging-report.md}.
 *
 * <p>A unit test: no Elasticsearch. It reads the repository's top-level folders, so it runs from the module folder
 * (Maven's default working directory).
 */
class TaggingAccuracyTest {

  private static final Path ROOT = Path.of("..");
  private static final Path GOLD = ROOT.resolve("relevance/tags-gold.tsv");
  private static final Path CORPUS = ROOT.resolve("relevance/corpus.jsonl");
  private static final Path SEEDS = ROOT.resolve("seeds");
  private static final Path REPORT = Path.of("target/tagging-report.md");
  /** Every article as the tagger saw it, with its accepted mentions: for labelling and debugging. */
  private static final Path DUMP = Path.of("target/tagging-articles.txt");

  private static final String[] TYPES = {"provinces", "districts", "actors"};
  private static final Map<String, double[]> THRESHOLDS = Map.of( // precision, recall
      "provinces", new double[] {0.95, 0.90},
      "districts", new double[] {0.95, 0.90},
      "actors", new double[] {0.95, 0.90});

  @Test
  void taggerMatchesTheHandLabelledGoldSet() throws IOException {
    Gazetteer gazetteer = Gazetteer.fromClasspath();
    Tagger tagger = new Tagger(gazetteer);
    ArticleFactory factory = new ArticleFactory(tagger, Clock.systemUTC());

    Map<String, TagGold> gold = TagGold.read(GOLD, gazetteer);
    Map<String, Article> articles = readArticles(factory);
    assertEquals(new TreeSet<>(articles.keySet()), new TreeSet<>(gold.keySet()),
        "the gold set labels every article, and only those");

    TagScore score = new TagScore();
    Map<String, List<Mention>> mentionsOf = new LinkedHashMap<>();
    StringBuilder dump = new StringBuilder();
    for (Map.Entry<String, Article> e : articles.entrySet()) {
      Article a = e.getValue();
      List<Mention> mentions = tagger.mentions(a.title(), a.body(), a.publishedAt());
      mentionsOf.put(e.getKey(), mentions);
      dump.append("===== ").append(e.getKey()).append(" ").append(a.publishedAt()).append(" ").append(a.language())
          .append("\nTITLE: ").append(a.title()).append("\n").append(a.body()).append("\n-- mentions:\n");
      mentions.forEach(m -> dump.append("  ").append(m).append('\n'));
      score.add(gold.get(e.getKey()), new Tags(a.provinces(), a.districts(), a.actors()));
    }

    String report = report(score, gold, gazetteer, mentionsOf);
    System.out.println(report);
    Files.createDirectories(REPORT.getParent());
    Files.writeString(REPORT, report, StandardCharsets.UTF_8);
    Files.writeString(DUMP, dump, StandardCharsets.UTF_8);

    List<Executable> checks = new ArrayList<>();
    for (String type : TYPES) {
      double p = score.precision(type);
      double r = score.recall(type);
      double[] t = THRESHOLDS.get(type);
      checks.add(() -> assertTrue(p >= t[0], String.format(Locale.ROOT, "%s precision %.3f < %.2f", type, p, t[0])));
      checks.add(() -> assertTrue(r >= t[1], String.format(Locale.ROOT, "%s recall %.3f < %.2f", type, r, t[1])));
    }
    assertAll("tagging accuracy (see target/tagging-report.md)", checks);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // inputs

  private static Map<String, Article> readArticles(ArticleFactory factory) throws IOException {
    Map<String, Article> out = new LinkedHashMap<>();
    try (Stream<Path> files = Files.list(SEEDS)) {
      for (Path f : files.filter(p -> p.getFileName().toString().matches("\\d{3}_.*\\.txt")).sorted().toList()) {
        String name = f.getFileName().toString();
        Input.Page page = new Input.Page(f.toString(), name, Files.readString(f, StandardCharsets.UTF_8));
        out.put(name.substring(0, 3), made(factory.make(page)));
      }
    }
    ObjectMapper json = new ObjectMapper();
    List<String> lines = Files.readAllLines(CORPUS, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      Input.FeedEntry entry = new Input.FeedEntry("corpus.jsonl:" + (i + 1), "corpus.jsonl", json.readTree(lines.get(i)));
      Article a = made(factory.make(entry));
      out.put(a.id(), a);
    }
    return out;
  }

  private static Article made(ArticleFactory.Result result) {
    return assertInstanceOf(ArticleFactory.Result.Made.class, result, () -> result.toString()).article();
  }

  /** Which mentions produced a false positive: the matched text and how («alias», «context:list», «role:...»). */
  private static String evidence(Gazetteer g, List<Mention> mentions, String type, String id) {
    Function<Mention, Boolean> relevant = switch (type) {
      case "actors" -> m -> m.type().equals("actor") && m.id().equals(id);
      case "provinces" -> m -> m.type().equals("place")
          && g.place(m.id()).map(p -> p.governorateId().equals(id)).orElse(false);
      default -> m -> m.type().equals("place")
          && g.place(m.id()).flatMap(g::districtOf).map(d -> d.id().equals(id)).orElse(false);
    };
    List<String> out = new ArrayList<>();
    for (Mention m : mentions) {
      if (relevant.apply(m)) {
        String s = "«" + m.text() + "» " + (type.equals("actors") ? "" : m.id() + " ") + m.via();
        if (!out.contains(s)) {
          out.add(s);
        }
      }
    }
    return String.join("; ", out);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // report

  private static String report(TagScore score, Map<String, TagGold> gold, Gazetteer g,
      Map<String, List<Mention>> mentions) {
    StringBuilder sb = new StringBuilder();
    sb.append("# Tagging accuracy against relevance/tags-gold.tsv\n\n");
    sb.append(score.articles()).append(" articles (relevance/corpus.jsonl + seeds/). Micro-averaged over all (article, id)"
        + " pairs.\n\n");
    sb.append("| type | gold | tagged | TP | FP | FN | precision | recall | F1 | target P / R |\n");
    sb.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
    for (String type : TYPES) {
      int[] c = score.counts(type);
      double p = score.precision(type);
      double r = score.recall(type);
      double f1 = p + r == 0 ? 0 : 2 * p * r / (p + r);
      double[] t = THRESHOLDS.get(type);
      sb.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %d | %.3f | %.3f | %.3f | %.2f / %.2f %s |\n",
          type, c[0] + c[2], c[0] + c[1], c[0], c[1], c[2], p, r, f1, t[0], t[1],
          p >= t[0] && r >= t[1] ? "✓" : "✗"));
    }
    List<TagScore.Error> errors = score.errors();
    sb.append("\n## Errors (").append(errors.size()).append(")\n\n");
    if (errors.isEmpty()) {
      sb.append("None.\n");
    } else {
      sb.append("| doc | type | id | which | tagger evidence (FP) | gold note |\n|---|---|---|---|---|---|\n");
      for (TagScore.Error e : errors) {
        String detail = e.falsePositive() ? evidence(g, mentions.get(e.doc()), e.type(), e.id()) : "";
        sb.append("| ").append(e.doc()).append(" | ").append(e.type()).append(" | ").append(e.id()).append(" | ")
            .append(e.falsePositive() ? "FP" : "FN").append(" | ").append(detail.replace("|", "\\|")).append(" | ")
            .append(gold.get(e.doc()).note().replace("|", "\\|")).append(" |\n");
      }
    }
    return sb.toString();
  }
}
