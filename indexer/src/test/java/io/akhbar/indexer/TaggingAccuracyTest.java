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
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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

  record Gold(String doc, Map<String, Set<String>> tags, String note) {}

  record Error(String doc, String type, String id, String which, String detail) {}

  @Test
  void taggerMatchesTheHandLabelledGoldSet() throws IOException {
    Gazetteer gazetteer = Gazetteer.fromClasspath();
    Tagger tagger = new Tagger(gazetteer);
    ArticleFactory factory = new ArticleFactory(tagger, Clock.systemUTC());

    Map<String, Gold> gold = readGold(gazetteer);
    Map<String, Article> articles = readArticles(factory);
    assertEquals(new TreeSet<>(articles.keySet()), new TreeSet<>(gold.keySet()),
        "the gold set labels every article, and only those");

    Map<String, int[]> counts = new LinkedHashMap<>(); // tp, fp, fn
    for (String type : TYPES) {
      counts.put(type, new int[3]);
    }
    List<Error> errors = new ArrayList<>();
    StringBuilder dump = new StringBuilder();
    for (Map.Entry<String, Article> e : articles.entrySet()) {
      String doc = e.getKey();
      Article a = e.getValue();
      List<Mention> mentions = tagger.mentions(a.title(), a.body(), a.publishedAt());
      dump.append("===== ").append(doc).append(" ").append(a.publishedAt()).append(" ").append(a.language())
          .append("\nTITLE: ").append(a.title()).append("\n").append(a.body()).append("\n-- mentions:\n");
      mentions.forEach(m -> dump.append("  ").append(m).append('\n'));
      for (String type : TYPES) {
        Set<String> expected = gold.get(doc).tags().get(type);
        Set<String> actual = new TreeSet<>(tagsOf(a, type));
        int[] c = counts.get(type);
        for (String id : actual) {
          if (expected.contains(id)) {
            c[0]++;
          } else {
            c[1]++;
            errors.add(new Error(doc, type, id, "FP", evidence(gazetteer, mentions, type, id)));
          }
        }
        for (String id : expected) {
          if (!actual.contains(id)) {
            c[2]++;
            errors.add(new Error(doc, type, id, "FN", ""));
          }
        }
      }
    }

    String report = report(articles.size(), counts, errors, gold);
    System.out.println(report);
    Files.createDirectories(REPORT.getParent());
    Files.writeString(REPORT, report, StandardCharsets.UTF_8);
    Files.writeString(DUMP, dump, StandardCharsets.UTF_8);

    List<Executable> checks = new ArrayList<>();
    for (String type : TYPES) {
      int[] c = counts.get(type);
      double p = precision(c);
      double r = recall(c);
      double[] t = THRESHOLDS.get(type);
      checks.add(() -> assertTrue(p >= t[0], String.format(Locale.ROOT, "%s precision %.3f < %.2f", type, p, t[0])));
      checks.add(() -> assertTrue(r >= t[1], String.format(Locale.ROOT, "%s recall %.3f < %.2f", type, r, t[1])));
    }
    assertAll("tagging accuracy (see target/tagging-report.md)", checks);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // inputs

  private static Map<String, Gold> readGold(Gazetteer gazetteer) throws IOException {
    Map<String, Gold> out = new LinkedHashMap<>();
    List<String> lines = Files.readAllLines(GOLD, StandardCharsets.UTF_8);
    assertEquals("doc\tprovinces\tdistricts\tactors\tnote", lines.get(0), "gold header");
    List<String> unknown = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t", -1);
      assertEquals(5, f.length, "5 columns: " + line);
      Map<String, Set<String>> tags = new LinkedHashMap<>();
      for (int k = 0; k < TYPES.length; k++) {
        Set<String> ids = ids(f[k + 1]);
        boolean governorates = k == 0;
        for (String id : ids) {
          boolean known = k == 2 ? gazetteer.actor(id).isPresent()
              : gazetteer.place(id).filter(p -> p.id().equals(p.governorateId()) == governorates).isPresent();
          if (!known) {
            unknown.add(f[0] + " " + TYPES[k] + " " + id);
          }
        }
        tags.put(TYPES[k], ids);
      }
      Gold g = new Gold(f[0], tags, f[4]);
      assertTrue(out.put(g.doc(), g) == null, "one gold row per doc: " + g.doc());
    }
    assertEquals(List.of(), unknown, "gold ids must exist in the gazetteer (and be of the column's kind)");
    return out;
  }

  private static Set<String> ids(String cell) {
    String c = cell.strip();
    return c.equals("-") || c.isEmpty() ? Set.of() : new TreeSet<>(Arrays.asList(c.split("\\s+")));
  }

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

  private static List<String> tagsOf(Article a, String type) {
    return switch (type) {
      case "provinces" -> a.provinces();
      case "districts" -> a.districts();
      default -> a.actors();
    };
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

  private static double precision(int[] c) {
    return c[0] + c[1] == 0 ? 1.0 : (double) c[0] / (c[0] + c[1]);
  }

  private static double recall(int[] c) {
    return c[0] + c[2] == 0 ? 1.0 : (double) c[0] / (c[0] + c[2]);
  }

  private static String report(int docs, Map<String, int[]> counts, List<Error> errors, Map<String, Gold> gold) {
    StringBuilder sb = new StringBuilder();
    sb.append("# Tagging accuracy against relevance/tags-gold.tsv\n\n");
    sb.append(docs).append(" articles (relevance/corpus.jsonl + seeds/). Micro-averaged over all (article, id) pairs.\n\n");
    sb.append("| type | gold | tagged | TP | FP | FN | precision | recall | F1 | target P / R |\n");
    sb.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
    for (String type : TYPES) {
      int[] c = counts.get(type);
      double p = precision(c);
      double r = recall(c);
      double f1 = p + r == 0 ? 0 : 2 * p * r / (p + r);
      double[] t = THRESHOLDS.get(type);
      sb.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %d | %.3f | %.3f | %.3f | %.2f / %.2f %s |\n",
          type, c[0] + c[2], c[0] + c[1], c[0], c[1], c[2], p, r, f1, t[0], t[1],
          p >= t[0] && r >= t[1] ? "✓" : "✗"));
    }
    sb.append("\n## Errors (").append(errors.size()).append(")\n\n");
    if (errors.isEmpty()) {
      sb.append("None.\n");
    } else {
      sb.append("| doc | type | id | which | tagger evidence (FP) | gold note |\n|---|---|---|---|---|---|\n");
      for (Error e : errors) {
        sb.append("| ").append(e.doc()).append(" | ").append(e.type()).append(" | ").append(e.id()).append(" | ")
            .append(e.which()).append(" | ").append(e.detail().replace("|", "\\|")).append(" | ")
            .append(gold.get(e.doc()).note().replace("|", "\\|")).append(" |\n");
      }
    }
    return sb.toString();
  }
}
