package io.akhbar.api.quality;

import static org.junit.jupiter.api.Assertions.assertTrue;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.SimpleQueryStringFlag;
import co.elastic.clients.elasticsearch.core.RankEvalResponse;
import co.elastic.clients.elasticsearch.core.rank_eval.RankEvalMetric;
import co.elastic.clients.elasticsearch.core.rank_eval.RankEvalRequestItem;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.akhbar.api.SearchParams;
import io.akhbar.api.SearchQueryBuilder;
import io.akhbar.api.SeededApp;
import io.akhbar.core.ElasticsearchConnection;
import io.akhbar.core.IndexDefinition;
import io.akhbar.core.IndexManager;
import io.akhbar.core.testing.RealElasticsearch;
import io.akhbar.gazetteer.Gazetteer;
import io.akhbar.gazetteer.Tagger;
import io.akhbar.indexer.ArticleFactory;
import io.akhbar.indexer.BulkWriter;
import io.akhbar.indexer.Indexer;
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

import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The relevance report: judged queries (relevance/queries.tsv) over the seeds and relevance/corpus.jsonl, scored
 * with Elasticsearch's {@code _rank_eval} (nDCG@10, recall@10) for three configurations on the same node: the
 * standard analyzer, the built-in arabic analyzer, and this project's chain with synonyms and the API's query. Also
 * names that are common words (relevance/name-ranking.tsv): precision@5 without and with the name boosts.
 * Writes target/relevance-report.md.
 */
class RelevanceReportIT {

  static final Gazetteer GAZ = SeededApp.GAZETTEER;
  static final Tagger TAGGER = new Tagger(GAZ);
  static final io.akhbar.api.NameBoosts BOOSTS = new io.akhbar.api.NameBoosts(GAZ);
  static ElasticsearchClient es;
  static final Map<String, String> ALIASES = new LinkedHashMap<>();

  record Judged(String id, String query, Map<String, Integer> grades) {}

  @BeforeAll
  static void indexTheCorpusThreeTimes() throws IOException {
    ElasticsearchConnection connection = RealElasticsearch.connection();
    es = connection.client();
    IndexDefinition project = IndexDefinition.forGazetteer(GAZ);
    ALIASES.put("standard", "it-rel-standard");
    ALIASES.put("built-in arabic", "it-rel-arabic");
    ALIASES.put("this chain", "it-rel-project");
    Map<String, IndexDefinition> definitions = Map.of(
        "standard", withPlainAnalyzer(project, "standard"),
        "built-in arabic", withPlainAnalyzer(project, "arabic"),
        "this chain", project);
    List<Path> inputs = List.of(SeededApp.seeds(), io.akhbar.core.testing.ProjectFiles.find("relevance/corpus.jsonl"));
    for (var e : ALIASES.entrySet()) {
      IndexManager manager = new IndexManager(es, e.getValue(), definitions.get(e.getKey()));
      manager.deleteAll();
      manager.ensureIndex();
      new Indexer(connection, e.getValue(), new ArticleFactory(TAGGER, Clock.systemUTC()), BulkWriter.Options.defaults())
          .run(inputs, Files.createTempFile("dl", ".jsonl"));
    }
  }

  @AfterAll
  static void dropIndices() throws IOException {
    for (String alias : ALIASES.values()) {
      es.indices().delete(d -> d.index(alias + "-v*").allowNoIndices(true).ignoreUnavailable(true));
    }
  }

  /** The production definition with title and body analyzed by one plain analyzer and no subfields. */
  static IndexDefinition withPlainAnalyzer(IndexDefinition production, String analyzer) {
    ObjectNode mappings = production.mappings().deepCopy();
    for (String field : List.of("title", "body")) {
      ObjectNode f = (ObjectNode) mappings.path("properties").path(field);
      f.put("analyzer", analyzer);
      f.remove("search_analyzer");
      f.remove("fields");
    }
    return new IndexDefinition(production.settings(), mappings, production.synonymRules(), production.hash() + analyzer);
  }


  static List<Judged> judged(String file) throws IOException {
    List<Judged> out = new ArrayList<>();
    List<String> lines = Files.readAllLines(io.akhbar.core.testing.ProjectFiles.find(file), StandardCharsets.UTF_8);
    for (String line : lines.subList(1, lines.size())) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] cells = line.split("\t");
      Map<String, Integer> grades = new LinkedHashMap<>();
      for (String j : cells[2].trim().split("\\s+")) {
        String[] kv = j.split(":");
        grades.put(kv[0], Integer.parseInt(kv[1]));
      }
      out.add(new Judged(cells[0], cells[1], grades));
    }
    return out;
  }

  /** The judged doc names (seeds by their number, corpus articles by id) as the index's ids. */
  static Map<String, String> idsByName(String alias) throws IOException {
    Map<String, String> ids = new LinkedHashMap<>();
    var hits = es.search(s -> s.index(alias).size(1000).source(src -> src.filter(f -> f.includes("source"))),
        ObjectNode.class).hits().hits();
    for (var h : hits) {
      String source = h.source().path("source").asText();
      String name = source.matches("\\d{3}_.*") ? source.substring(0, 3) : h.id();
      ids.put(name, h.id());
    }
    return ids;
  }

  static Query projectQuery(String alias, String q, boolean nameBoosts) {
    SearchParams p = SearchParams.parse(Map.of("q", List.of(q)), new SearchParams.KnownIds() {
      public boolean isProvince(String id) { return true; }
      public boolean isDistrict(String id) { return true; }
      public boolean isActor(String id) { return true; }
    });
    List<Query> boosts = nameBoosts ? BOOSTS.forQuery(q) : List.of();
    return new SearchQueryBuilder(alias).search(p, boosts).query();
  }

  /** Mean of one _rank_eval metric over the queries. */
  static double rankEval(String alias, List<Judged> queries, Function<String, Query> query, RankEvalMetric metric,
      Map<String, Double> perQuery) throws IOException {
    Map<String, String> ids = idsByName(alias);
    // ratings name the concrete index the hits come from, not the alias
    String concrete = es.indices().getAlias(g -> g.name(alias)).result().keySet().iterator().next();
    List<RankEvalRequestItem> requests = new ArrayList<>();
    for (Judged j : queries) {
      requests.add(RankEvalRequestItem.of(r -> r.id(j.id())
          .request(req -> req.query(query.apply(j.query())).size(10))
          .ratings(j.grades().entrySet().stream()
              .filter(g -> ids.containsKey(g.getKey()))
              .map(g -> co.elastic.clients.elasticsearch.core.rank_eval.DocumentRating.of(d -> d
                  .index(concrete).id(ids.get(g.getKey())).rating(g.getValue())))
              .toList())));
    }
    RankEvalResponse response = es.rankEval(r -> r.index(alias).requests(requests).metric(metric));
    response.details().forEach((id, d) -> perQuery.put(id, d.metricScore()));
    return response.metricScore();
  }

  @Test
  void thisChainBeatsTheBuiltInArabicAnalyzer() throws IOException {
    List<Judged> queries = judged("relevance/queries.tsv");
    assertTrue(queries.size() >= 40, "at least 40 judged queries");
    RankEvalMetric ndcg = RankEvalMetric.of(m -> m.dcg(d -> d.k(10).normalize(true)));
    RankEvalMetric recall = RankEvalMetric.of(m -> m.recall(r -> r.k(10).relevantRatingThreshold(1)));
    StringBuilder report = new StringBuilder("| configuration | nDCG@10 | recall@10 |\n|---|---|---|\n");
    Map<String, double[]> scores = new LinkedHashMap<>();
    Map<String, Map<String, Double>> perQueryNdcg = new LinkedHashMap<>();
    for (var e : ALIASES.entrySet()) {
      String alias = e.getValue();
      Function<String, Query> q = e.getKey().equals("this chain") ? s -> projectQuery(alias, s, true) : io.akhbar.api.NamesEvaluation::anchorQuery;
      Map<String, Double> perQuery = new LinkedHashMap<>();
      double n = rankEval(alias, queries, q, ndcg, perQuery);
      double r = rankEval(alias, queries, q, recall, new LinkedHashMap<>());
      scores.put(e.getKey(), new double[] {n, r});
      perQueryNdcg.put(e.getKey(), perQuery);
      report.append(String.format(Locale.ROOT, "| %s | %.3f | %.3f |%n", e.getKey(), n, r));
    }
    report.append(String.format(Locale.ROOT, "%n%d judged queries over %d documents.%n%n", queries.size(), idsByName(ALIASES.get("this chain")).size()));
    report.append("| query | standard | built-in arabic | this chain |\n|---|---|---|---|\n");
    for (Judged j : queries) {
      report.append(String.format(Locale.ROOT, "| %s %s | %.2f | %.2f | %.2f |%n", j.id(), j.query().replace("|", "\\|"),
          perQueryNdcg.get("standard").get(j.id()), perQueryNdcg.get("built-in arabic").get(j.id()),
          perQueryNdcg.get("this chain").get(j.id())));
    }
    report.append(nameRanking());
    System.out.println(report);
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target/relevance-report.md"), report.toString(), StandardCharsets.UTF_8);
    assertTrue(scores.get("this chain")[0] >= scores.get("built-in arabic")[0] + 0.1,
        "this chain beats the built-in arabic analyzer by at least 0.1 nDCG@10:\n" + report);
  }

  /** Names that are common words: precision@5 of this chain without and with the boosts on the tag fields. */
  String nameRanking() throws IOException {
    List<Judged> queries = judged("relevance/name-ranking.tsv");
    String alias = ALIASES.get("this chain");
    RankEvalMetric p5 = RankEvalMetric.of(m -> m.precision(p -> p.k(5).relevantRatingThreshold(1).ignoreUnlabeled(false)));
    Map<String, Double> before = new LinkedHashMap<>();
    Map<String, Double> after = new LinkedHashMap<>();
    double b = rankEval(alias, queries, s -> projectQuery(alias, s, false), p5, before);
    double a = rankEval(alias, queries, s -> projectQuery(alias, s, true), p5, after);
    RankEvalMetric ndcg = RankEvalMetric.of(m -> m.dcg(d -> d.k(10).normalize(true)));
    double nb = rankEval(alias, queries, s -> projectQuery(alias, s, false), ndcg, new LinkedHashMap<>());
    double na = rankEval(alias, queries, s -> projectQuery(alias, s, true), ndcg, new LinkedHashMap<>());
    StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
        "%n### Names that are also common words (%d queries)%n%n| | precision@5 | nDCG@10 |%n|---|---|---|%n"
            + "| without name boosts | %.3f | %.3f |%n| with name boosts | %.3f | %.3f |%n%n"
            + "(precision@5 is capped by the number of relevant articles: most of these names have one to three.)%n%n",
        queries.size(), b, nb, a, na));
    out.append("| query | without | with |\n|---|---|---|\n");
    for (Judged j : queries) {
      out.append(String.format(Locale.ROOT, "| %s %s | %.2f | %.2f |%n", j.id(), j.query(), before.get(j.id()), after.get(j.id())));
    }
    assertTrue(a >= b, "name boosts do not make names rank worse:\n" + out);
    return out.toString();
  }

}
