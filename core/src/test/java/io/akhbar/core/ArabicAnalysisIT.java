package io.akhbar.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.indices.analyze.AnalyzeToken;
import io.akhbar.core.testing.RealElasticsearch;
import io.akhbar.gazetteer.Gazetteer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Arabic analysis chain on a real node, through {@code _analyze} and through search: tricky inputs, and the
 * variant-pair suite (positives that must conflate, negatives that must not) measured against the standard and the
 * built-in {@code arabic} analyzers on the same node. Writes the table to target/analysis-report.md.
 */
class ArabicAnalysisIT {

  static final Gazetteer GAZ = Gazetteer.fromClasspath();
  static final String INDEX = "it-analysis";
  static ElasticsearchClient es;

  /** One analyzer configuration: how a query form and a document form are analyzed, and the index to search. */
  record Config(String name, String searchAnalyzer, String indexAnalyzer, String index) {}

  static final List<Config> CONFIGS = List.of(
      new Config("standard", "standard", "standard", "it-analysis-standard"),
      new Config("built-in arabic", "arabic", "arabic", "it-analysis-arabic"),
      new Config("this chain", "arabic_search", "arabic_index", INDEX));

  record Pair(String a, String b, String category) {}

  @BeforeAll
  static void createIndex() throws IOException {
    es = RealElasticsearch.connection().client();
    IndexManager manager = new IndexManager(es, INDEX, IndexDefinition.forGazetteer(GAZ));
    manager.deleteAll();
    manager.ensureIndex();
    for (Config c : CONFIGS.subList(0, 2)) {
      es.indices().delete(d -> d.index(c.index()).ignoreUnavailable(true));
      es.indices().create(i -> i.index(c.index())
          .settings(st -> st.numberOfShards("1").numberOfReplicas("0"))
          .mappings(m -> m.properties("body", pr -> pr.text(t -> t.analyzer(c.indexAnalyzer())))));
    }
  }

  @AfterAll
  static void dropIndex() throws IOException {
    new IndexManager(es, INDEX, IndexDefinition.forGazetteer(GAZ)).deleteAll();
    for (Config c : CONFIGS.subList(0, 2)) {
      es.indices().delete(d -> d.index(c.index()).ignoreUnavailable(true));
    }
  }

  /** Indexes each text as a document {@code prefix + i} in every configuration's index. */
  static void indexAll(String prefix, List<String> texts) throws IOException {
    for (Config c : CONFIGS) {
      List<co.elastic.clients.elasticsearch.core.bulk.BulkOperation> ops = new ArrayList<>();
      for (int i = 0; i < texts.size(); i++) {
        Map<String, Object> doc = Map.of("body", texts.get(i), "id", prefix + i);
        String id = prefix + i;
        ops.add(co.elastic.clients.elasticsearch.core.bulk.BulkOperation.of(o -> o.index(x -> x.index(c.index()).id(id)
            .document(c.index().equals(INDEX) ? doc : Map.of("body", doc.get("body"))))));
      }
      var response = es.bulk(b -> b.operations(ops).refresh(co.elastic.clients.elasticsearch._types.Refresh.True));
      assertFalse(response.errors(), "indexing the pairs");
    }
  }

  /** Through search: the query form, as a user types it, finds the document holding the document form. */
  static boolean finds(Config c, String query, String docId) throws IOException {
    return es.search(s -> s.index(c.index()).size(0).query(q -> q.bool(b -> b
            .filter(f -> f.ids(i -> i.values(docId)))
            .must(m -> m.match(mt -> mt.field("body").query(query).operator(co.elastic.clients.elasticsearch._types.query_dsl.Operator.And))))),
        Void.class).hits().total().value() > 0;
  }

  /** Through _analyze: the two forms share an index token. */
  static boolean sharesToken(Config c, String query, String document) throws IOException {
    Set<String> q = new HashSet<>(tokens(c.searchAnalyzer(), query));
    q.retainAll(new HashSet<>(tokens(c.indexAnalyzer(), document)));
    return !q.isEmpty();
  }

  static List<List<String>> positions(String analyzer, String text) throws IOException {
    List<AnalyzeToken> tokens = es.indices().analyze(a -> a.index(INDEX).analyzer(analyzer).text(text)).tokens();
    TreeMap<Long, List<String>> byPosition = new TreeMap<>();
    for (AnalyzeToken t : tokens) {
      byPosition.computeIfAbsent(t.position(), p -> new ArrayList<>()).add(t.token());
    }
    return new ArrayList<>(byPosition.values());
  }

  static List<String> tokens(String analyzer, String text) throws IOException {
    return positions(analyzer, text).stream().flatMap(List::stream).toList();
  }

  /** The two forms share an index token (for single words without synonyms, what search does). */
  static boolean conflates(Config c, String query, String document) throws IOException {
    return sharesToken(c, query, document);
  }

  static List<Pair> pairs(String file) throws IOException {
    Path path = io.akhbar.core.testing.ProjectFiles.find("mappings/analysis/" + file);
    List<Pair> pairs = new ArrayList<>();
    List<String> lines = Files.readAllLines(path, StandardCharsets.UTF_8);
    for (String line : lines.subList(1, lines.size())) {
      if (line.isBlank() || (line.startsWith("#") && !line.contains("\t"))) {
        continue;
      }
      String[] cells = line.split("\t");
      pairs.add(new Pair(cells[0].strip(), cells[1].strip(), cells.length > 2 ? cells[2].strip() : ""));
    }
    return pairs;
  }


  // ---- tricky inputs, token by token ----

  @Test
  void hashtagsAndUnderscoreJoinedWordsAreSplit() throws IOException {
    assertEquals(tokens("arabic_index", "مصطفى الكاظمي"), tokens("arabic_index", "# #مصطفى_الكاظمي"));
    assertEquals(tokens("arabic_index", "الحشد الشعبي"), tokens("arabic_index", "#الحشد_الشعبي"));
  }

  @Test
  void diacriticsTatweelAndHamzaSeatsAreNormalized() throws IOException {
    assertEquals(tokens("arabic_index", "محافظة"), tokens("arabic_index", "مُحافَظـــة"));
    assertEquals(tokens("arabic_index", "مسؤول"), tokens("arabic_index", "مسئول"));
    assertEquals(tokens("arabic_index", "الانسان"), tokens("arabic_index", "الإنسان"));
  }

  @Test
  void aBareCliticBeforeAWordOrBeforeTheArticleStillFindsTheWord() throws IOException {
    Config chain = CONFIGS.get(2);
    assertTrue(conflates(chain, "حقوق", "لحقوق"));
    assertTrue(conflates(chain, "لحقوق", "حقوق"));
    assertTrue(conflates(chain, "البصرة", "وبالبصرة"));
    assertTrue(conflates(chain, "بغداد", "ببغداد"));
    assertFalse(conflates(CONFIGS.get(1), "حقوق", "لحقوق"), "the built-in analyzer misses it");
  }

  @Test
  void aWordWhoseFirstLetterIsARootLetterIsNotStripped() throws IOException {
    Config chain = CONFIGS.get(2);
    assertFalse(conflates(chain, "بنان", "لبنان"));
    assertFalse(conflates(chain, "غداد", "بغداد"));
    assertFalse(conflates(chain, "له", "الله"));
    assertFalse(conflates(chain, "بصر", "البصرة"), "Basra is not «sight»");
  }

  @Test
  void aProtectedNameIsNeverReadAsAFeminineOrPossessiveEnding() throws IOException {
    Config chain = CONFIGS.get(2);
    assertFalse(tokens("arabic_index", "بوتين").contains("بو"), "Putin is not بوة + a dual ending");
    assertFalse(conflates(chain, "بو", "وبوتين"));
    assertTrue(conflates(chain, "Putin", "وبوتين"));
    assertTrue(conflates(chain, "باكستان", "الباكستانية"));
  }

  @Test
  void singularsAndPluralsMeet() throws IOException {
    Config chain = CONFIGS.get(2);
    assertTrue(conflates(chain, "ميليشيا", "الميليشيات"));
    assertTrue(conflates(chain, "قائد", "قادة"));
    assertTrue(conflates(chain, "سجن", "السجون"));
  }

  @Test
  void theExactSubfieldOnlyNormalizes() throws IOException {
    assertEquals(List.of("تنظيم", "الدوله"), tokens("arabic_exact", "تنظيمُ الدولة"));
  }

  @Test
  void englishAndKurdishNamesFindTheArabicName() throws IOException {
    Config chain = CONFIGS.get(2);
    assertTrue(conflates(chain, "Basra", "البصرة"));
    assertTrue(conflates(chain, "Kadhimi", "الكاظمي"));
    assertTrue(conflates(chain, "ISIS", "داعش"));
  }

  // ---- the variant-pair suite ----

  @Test
  void variantPairSuite() throws IOException {
    List<Pair> positives = pairs("variant-pairs.tsv");
    List<Pair> negatives = pairs("negative-pairs.tsv");
    assertTrue(positives.size() >= 150, "at least 150 positive pairs: " + positives.size());
    assertTrue(negatives.size() >= 50, "at least 50 negative pairs: " + negatives.size());
    indexAll("p", positives.stream().map(Pair::b).toList());
    indexAll("na", negatives.stream().map(Pair::a).toList());
    indexAll("nb", negatives.stream().map(Pair::b).toList());

    StringBuilder report = new StringBuilder("| analyzer | positives found by search | positives sharing a token (_analyze) "
        + "| negatives wrongly found by search | negatives sharing a token (_analyze) |\n|---|---|---|---|---|\n");
    Map<String, int[]> results = new TreeMap<>();
    Map<String, Map<String, int[]>> byCategory = new TreeMap<>();
    List<String> missed = new ArrayList<>();
    List<String> wrong = new ArrayList<>();
    for (Config c : CONFIGS) {
      int found = 0;
      int shared = 0;
      for (int i = 0; i < positives.size(); i++) {
        Pair p = positives.get(i);
        boolean ok = finds(c, p.a(), "p" + i);
        found += ok ? 1 : 0;
        shared += sharesToken(c, p.a(), p.b()) ? 1 : 0;
        int[] cell = byCategory.computeIfAbsent(p.category(), k -> new TreeMap<>()).computeIfAbsent(c.name(), k -> new int[2]);
        cell[0] += ok ? 1 : 0;
        cell[1]++;
        if (!ok && c == CONFIGS.get(2)) {
          missed.add(p.a() + " ↛ " + p.b() + " (" + p.category() + ")");
        }
      }
      int wronglyFound = 0;
      int wronglyShared = 0;
      for (int i = 0; i < negatives.size(); i++) {
        Pair p = negatives.get(i);
        boolean bad = finds(c, p.a(), "nb" + i) || finds(c, p.b(), "na" + i);
        wronglyFound += bad ? 1 : 0;
        wronglyShared += sharesToken(c, p.a(), p.b()) || sharesToken(c, p.b(), p.a()) ? 1 : 0;
        if (bad && c == CONFIGS.get(2)) {
          wrong.add(p.a() + " = " + p.b());
        }
      }
      results.put(c.name(), new int[] {found, wronglyFound});
      report.append(String.format(Locale.ROOT, "| %s | %d/%d (%.0f%%) | %d/%d | %d/%d | %d/%d |%n", c.name(), found,
          positives.size(), 100.0 * found / positives.size(), shared, positives.size(), wronglyFound, negatives.size(),
          wronglyShared, negatives.size()));
    }
    report.append("\n| category | ").append(CONFIGS.stream().map(Config::name).collect(Collectors.joining(" | "))).append(" |\n|---|---|---|---|\n");
    byCategory.forEach((cat, row) -> report.append("| ").append(cat).append(" | ")
        .append(CONFIGS.stream().map(c -> row.get(c.name())[0] + "/" + row.get(c.name())[1]).collect(Collectors.joining(" | ")))
        .append(" |\n"));
    report.append("\nMissed by this chain: ").append(String.join("; ", missed)).append('\n');
    report.append("\nWrongly found by this chain: ").append(String.join("; ", wrong)).append('\n');
    System.out.println(report);
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target/analysis-report.md"), report.toString(), StandardCharsets.UTF_8);

    int[] chain = results.get("this chain");
    int[] builtIn = results.get("built-in arabic");
    assertTrue(chain[0] >= Math.ceil(0.9 * positives.size()), "≥ 90% of positives found:\n" + report);
    assertTrue(chain[1] <= builtIn[1], "no more false conflations than the built-in analyzer:\n" + report);
  }
}
