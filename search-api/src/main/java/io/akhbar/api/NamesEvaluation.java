package io.akhbar.api;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.SimpleQueryStringFlag;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.akhbar.core.Article;
import io.akhbar.core.Config;
import io.akhbar.core.ElasticsearchConnection;
import io.akhbar.core.IndexDefinition;
import io.akhbar.core.IndexManager;
import io.akhbar.gazetteer.ArabicText;
import io.akhbar.gazetteer.Gazetteer;
import io.akhbar.gazetteer.NameFinder;
import io.akhbar.gazetteer.Tagger;
import io.akhbar.indexer.ArticleFactory;
import io.akhbar.indexer.BulkWriter;
import io.akhbar.indexer.Indexer;
import io.akhbar.indexer.IndexerMain;
import io.akhbar.indexer.InputScanner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The names-across-scripts suite on a real corpus ({@code relevance/names-queries.tsv}): every Latin-script query is
 * searched through this product's query and index, and, side by side, through the index a user would build by hand
 * (title and body with the built-in {@code arabic} analyzer and the same synonyms, queried with AND). An article is
 * relevant when it names the query's Arabic forms (plain word match, {@link NameFinder}); a hit is wrong when it does
 * not even name the family (for people: the last word of the forms, with ال) or the place. Prints recall and the
 * share of hits that name what was asked. Needs Elasticsearch: ES_URL, else the embedded node.
 */
public final class NamesEvaluation {

  record NameQuery(String id, String query, String kind, List<String> arabic, List<String> family) {}

  record Score(int relevant, int found, int hits, int wrongHits, List<String> misses) {
    double recall() {
      return relevant == 0 ? 1 : (double) found / relevant;
    }

    double precision() {
      return hits == 0 ? 1 : 1 - (double) wrongHits / hits;
    }
  }

  private static final int MAX_HITS = 10_000;
  /** NAMES_EVAL_ONLY=n001,n163: only these queries, each printed with its request and its misses (for tuning). */
  private static final Set<String> ONLY = System.getenv("NAMES_EVAL_ONLY") == null ? null
      : Set.of(System.getenv("NAMES_EVAL_ONLY").split(","));
  private static final boolean KEEP_INDICES = "1".equals(System.getenv("NAMES_EVAL_KEEP"));

  private NamesEvaluation() {}

  public static void main(String[] args) throws Exception {
    Path corpus = Path.of(args.length > 0 ? args[0] : "../shared/corpus/saudinewsnet.jsonl.gz");
    Path queries = Path.of(args.length > 1 ? args[1] : "relevance/names-queries.tsv");
    if (!Files.isRegularFile(corpus)) {
      System.err.println("names: the corpus is not at " + corpus.toAbsolutePath().normalize()
          + ": give its path as the first argument (the shared corpus is ../shared/corpus/saudinewsnet.jsonl.gz)");
      System.exit(2);
    }
    Gazetteer gazetteer = Gazetteer.fromClasspath();
    List<NameQuery> suite = read(queries);
    if (ONLY != null) {
      suite = suite.stream().filter(q -> ONLY.contains(q.id())).toList();
    }
    try (ElasticsearchConnection es = IndexerMain.connect(Config.fromEnv())) {
      if (System.getenv("NAMES_EVAL_ANALYZE") != null) {
        // tuning aid: how the unstemmed field writes a text (the spelling a name's Arabic form must meet)
        es.client().indices().analyze(a -> a.index("names-eval-product").analyzer("arabic_exact")
            .text(System.getenv("NAMES_EVAL_ANALYZE"))).tokens().forEach(t -> System.err.println("  token " + t.token()));
      }
      System.out.println(run(es, gazetteer, suite, List.of(corpus, Path.of("seeds"))));
    }
  }

  static List<NameQuery> read(Path file) throws IOException {
    List<String[]> rows = new ArrayList<>();
    Set<String> givenNames = new HashSet<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.isBlank() || line.startsWith("#") || line.startsWith("id\t")) {
        continue;
      }
      String[] c = line.split("\t", -1);
      rows.add(c);
      for (String a : c[3].split("\\|")) {
        String[] words = a.strip().split("\\s+");
        if (c[2].equals("person") && words.length > 1) {
          givenNames.add(ArabicText.normalize(words[0]));
        }
      }
    }
    List<NameQuery> out = new ArrayList<>();
    for (String[] c : rows) {
      List<String> arabic = List.of(c[3].split("\\|"));
      List<String> family = new ArrayList<>();
      for (String a : arabic) {
        family.add(c[2].equals("person") ? familyOf(a.strip(), givenNames) : a.strip());
      }
      out.add(new NameQuery(c[0], c[1], c[2], arabic, family));
    }
    return out;
  }

  /**
   * What a hit must name at least for a person: the family, the last word of the name («العبادي», «أوباما»,
   * «نصر الله» with its first part), unless that word is also a given name or a common word («أحمد», «مشعل» torch,
   * «هادي» calm): then the whole form.
   */
  static String familyOf(String form, Set<String> givenNames) {
    String[] words = form.split("\\s+");
    if (words.length == 1) {
      return form;
    }
    String last = ArabicText.normalize(words[words.length - 1]);
    if (last.equals(ArabicText.normalize("الله")) || last.equals(ArabicText.normalize("الدين"))) {
      return words.length == 2 ? form : words[words.length - 2] + " " + words[words.length - 1];
    }
    if (last.startsWith("ال")) {
      return words[words.length - 1];
    }
    return givenNames.contains(last) || LatinNameQuery.LEXICON.contains(last) ? form : words[words.length - 1];
  }

  /** Indexes the inputs into both indices, runs the suite on each, and returns the Markdown report. */
  static String run(ElasticsearchConnection es, Gazetteer gazetteer, List<NameQuery> suite, List<Path> inputs)
      throws IOException {
    IndexDefinition product = IndexDefinition.forGazetteer(gazetteer);
    Map<String, IndexDefinition> indices = new LinkedHashMap<>();
    indices.put("this product", product);
    indices.put("built-in arabic + same synonyms, AND", builtInArabic(product));
    Map<String, String> aliases = Map.of("this product", "names-eval-product",
        "built-in arabic + same synonyms, AND", "names-eval-anchor");
    Tagger tagger = new Tagger(gazetteer);
    for (Map.Entry<String, IndexDefinition> e : indices.entrySet()) {
      IndexManager m = new IndexManager(es.client(), aliases.get(e.getKey()), e.getValue());
      if (KEEP_INDICES) {
        // NAMES_EVAL_KEEP=1 (with a kept DATA_DIR): a second run reuses the indices when only search-time things
        // (query building, synonyms) changed, which turns a few minutes into seconds while tuning.
        IndexManager.Outcome outcome = m.ensureIndex().outcome();
        if (outcome != IndexManager.Outcome.CREATED && outcome != IndexManager.Outcome.MIGRATED
            && es.client().count(c -> c.index(aliases.get(e.getKey()))).count() > 0) {
          continue;
        }
      } else {
        m.deleteAll();
        m.ensureIndex();
      }
      new Indexer(es, aliases.get(e.getKey()), new ArticleFactory(tagger, Clock.systemUTC()),
          BulkWriter.Options.defaults()).run(inputs, Files.createTempFile("names-dead-letter", ".jsonl"));
      es.client().indices().refresh(r -> r.index(aliases.get(e.getKey())));
    }
    Map<String, Set<String>> relevant = new HashMap<>();
    Map<String, Set<String>> namesFamily = new HashMap<>();
    Map<String, NameFinder> forms = new HashMap<>();
    Map<String, NameFinder> families = new HashMap<>();
    for (NameQuery q : suite) {
      forms.put(q.id(), NameFinder.of(q.arabic()));
      families.put(q.id(), NameFinder.of(q.family()));
      relevant.put(q.id(), new HashSet<>());
      namesFamily.put(q.id(), new HashSet<>());
    }
    ArticleFactory factory = new ArticleFactory(tagger, Clock.systemUTC());
    new InputScanner().scan(inputs, input -> {
      if (factory.make(input) instanceof ArticleFactory.Result.Made made) {
        Article a = made.article();
        List<String> tokens = NameFinder.tokensOf(a.title() + "\n" + a.body());
        for (NameQuery q : suite) {
          if (forms.get(q.id()).foundInTokens(tokens)) {
            relevant.get(q.id()).add(a.id());
          }
          if (families.get(q.id()).foundInTokens(tokens)) {
            namesFamily.get(q.id()).add(a.id());
          }
        }
      }
    });
    StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
        "%d Latin-script queries (relevance/names-queries.tsv) over %s.%n%n"
            + "| system | recall (micro) | recall (mean per query) | hits that name the family or place | queries with recall ≥ 0.97 |%n"
            + "|---|---:|---:|---:|---:|%n", suite.size(), inputs));
    Map<String, Map<String, Score>> all = new LinkedHashMap<>();
    for (String system : indices.keySet()) {
      Map<String, Score> scores = new LinkedHashMap<>();
      for (NameQuery q : suite) {
        Query query = system.equals("this product")
            ? new SearchQueryBuilder(aliases.get(system)).query(Optional.of(q.query()), List.of())
            : anchorQuery(q.query());
        Set<String> ids = ids(es.client(), aliases.get(system), query);
        Set<String> rel = relevant.get(q.id());
        int found = 0;
        List<String> misses = new ArrayList<>();
        for (String r : rel) {
          if (ids.contains(r)) {
            found++;
          } else if (misses.size() < 3) {
            misses.add(r);
          }
        }
        int wrong = 0;
        for (String id : ids) {
          if (!namesFamily.get(q.id()).contains(id)) {
            wrong++;
          }
        }
        scores.put(q.id(), new Score(rel.size(), found, ids.size(), wrong, misses));
        if (ONLY != null) {
          List<String> wrongIds = ids.stream().filter(id -> !namesFamily.get(q.id()).contains(id)).limit(5).toList();
          System.err.printf(Locale.ROOT, "%s %s [%s]: %d of %d found, %d hits, %d wrong%n  misses %s%n  wrong %s%n  %s%n",
              q.id(), q.query(), system, found, rel.size(), ids.size(), wrong, misses, wrongIds, query);
        }
      }
      all.put(system, scores);
      int rel = 0;
      int found = 0;
      int hits = 0;
      int wrong = 0;
      int good = 0;
      double meanRecall = 0;
      for (Score s : scores.values()) {
        rel += s.relevant();
        found += s.found();
        hits += s.hits();
        wrong += s.wrongHits();
        meanRecall += s.recall();
        good += s.recall() >= 0.97 ? 1 : 0;
      }
      report.append(String.format(Locale.ROOT, "| %s | %.3f (%d of %d) | %.3f | %.4f (%d wrong of %d) | %d of %d |%n",
          system, rel == 0 ? 1.0 : (double) found / rel, found, rel, meanRecall / scores.size(),
          hits == 0 ? 1.0 : 1 - (double) wrong / hits, wrong, hits, good, scores.size()));
    }
    report.append("\nQueries below 0.97 recall, or with hits that never name the family (this product):\n\n");
    report.append("| id | query | relevant | found | hits | wrong hits | built-in arabic found |\n|---|---|---:|---:|---:|---:|---:|\n");
    Map<String, Score> mine = all.get("this product");
    Map<String, Score> anchor = all.get("built-in arabic + same synonyms, AND");
    for (NameQuery q : suite) {
      Score s = mine.get(q.id());
      if (s.recall() < 0.97 || s.wrongHits() > 0) {
        report.append(String.format(Locale.ROOT, "| %s | %s | %d | %d | %d | %d | %d |%n", q.id(), q.query(),
            s.relevant(), s.found(), s.hits(), s.wrongHits(), anchor.get(q.id()).found()));
      }
    }
    return report.toString();
  }

  private static Set<String> ids(ElasticsearchClient client, String alias, Query query) throws IOException {
    Set<String> out = new HashSet<>();
    for (Hit<Void> h : client.search(s -> s.index(alias).query(query).size(MAX_HITS).source(src -> src.fetch(false))
        .trackTotalHits(t -> t.enabled(false)), Void.class).hits().hits()) {
      out.add(h.id());
    }
    return out;
  }

  /** What a user would send to a hand-built index: the words, all required, on title and body. */
  public static Query anchorQuery(String q) {
    return Query.of(m -> m.simpleQueryString(s -> s.query(QuerySyntax.toSimpleQueryString(q))
        .fields("title^3", "body").defaultOperator(Operator.And).lenient(true)
        .flags(SimpleQueryStringFlag.And, SimpleQueryStringFlag.Or, SimpleQueryStringFlag.Not,
            SimpleQueryStringFlag.Phrase, SimpleQueryStringFlag.Precedence, SimpleQueryStringFlag.Whitespace)));
  }

  /**
   * The anchor: title and body analyzed by the built-in {@code arabic} chain (lowercase, decimal digits, Arabic stop
   * words, normalization, light stemmer), searched with the same gazetteer synonyms before the stop filter, no
   * subfields.
   */
  static IndexDefinition builtInArabic(IndexDefinition product) {
    ObjectNode settings = product.settings().deepCopy();
    ObjectNode analysis = (ObjectNode) settings.path("index").path("analysis");
    ObjectNode analyzers = (ObjectNode) analysis.path("analyzer");
    ObjectNode filters = (ObjectNode) analysis.path("filter");
    filters.putObject("builtin_arabic_stop").put("type", "stop").put("stopwords", "_arabic_");
    filters.putObject("builtin_arabic_stemmer").put("type", "stemmer").put("language", "arabic");
    ((ObjectNode) filters.path(IndexDefinition.SYNONYM_FILTER)).put("lenient", true);
    ObjectNode index = analyzers.putObject("builtin_arabic_index");
    index.put("type", "custom").put("tokenizer", "standard");
    index.putArray("filter").add("lowercase").add("decimal_digit").add("builtin_arabic_stop")
        .add("arabic_normalization").add("builtin_arabic_stemmer");
    ObjectNode search = analyzers.putObject("builtin_arabic_search");
    search.put("type", "custom").put("tokenizer", "standard");
    search.putArray("filter").add("lowercase").add("decimal_digit").add(IndexDefinition.SYNONYM_FILTER)
        .add("builtin_arabic_stop").add("arabic_normalization").add("builtin_arabic_stemmer");
    ObjectNode mappings = product.mappings().deepCopy();
    for (String field : List.of("title", "body")) {
      ObjectNode f = (ObjectNode) mappings.path("properties").path(field);
      f.put("analyzer", "builtin_arabic_index");
      f.put("search_analyzer", "builtin_arabic_search");
      f.remove("fields");
    }
    return new IndexDefinition(settings, mappings, product.synonymRules(), product.hash() + "-builtin-arabic");
  }
}
