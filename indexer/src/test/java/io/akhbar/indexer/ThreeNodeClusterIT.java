package io.akhbar.indexer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.akhbar.core.Config;
import io.akhbar.core.ElasticsearchConnection;
import io.akhbar.core.EmbeddedEngine;
import io.akhbar.core.IndexDefinition;
import io.akhbar.core.IndexManager;
import io.akhbar.gazetteer.Gazetteer;
import io.akhbar.gazetteer.Tagger;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apache.http.HttpHost;
import org.elasticsearch.client.Request;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A cluster of three nodes on this machine (one child JVM, three real 7.10.2 nodes), the articles on 3 shards with 1
 * replica: a node stops in the middle of indexing 5,000 articles, the indexer retries through it, searches keep
 * answering on a yellow cluster, and when the node returns the cluster is green with every article there once and
 * exact facet counts. With ES_URL set, the same indexing and checks run against that cluster (its nodes are not
 * this test's to stop).
 */
class ThreeNodeClusterIT {

  private static final Logger log = LoggerFactory.getLogger(ThreeNodeClusterIT.class);
  static final String ALIAS = "it-three-nodes";
  static final int ARTICLES = 5000;
  static final int STOPPED = 2;
  static final Gazetteer GAZETTEER = Gazetteer.fromClasspath();
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;
  static EmbeddedEngine engine;
  static ElasticsearchConnection es;

  @BeforeAll
  static void start() throws Exception {
    Config config = Config.fromEnv();
    if (config.esUrl().isPresent()) {
      es = ElasticsearchConnection.external(config);
    } else {
      engine = EmbeddedEngine.start(Optional.empty(), dir.resolve("cluster"), "1536m", 3);
      es = ElasticsearchConnection.embedded(engine);
    }
  }

  @AfterAll
  static void stop() throws Exception {
    if (es != null) {
      new IndexManager(es.client(), ALIAS, IndexDefinition.forGazetteer(GAZETTEER)).deleteAll();
      es.close();
    }
  }

  static JsonNode health(String query) throws IOException {
    var r = es.restClient().performRequest(new Request("GET", "/_cluster/health" + query));
    return JSON.readTree(r.getEntity().getContent());
  }

  static long count() throws IOException {
    es.client().indices().refresh(r -> r.index(ALIAS));
    return es.client().count(c -> c.index(ALIAS)).count();
  }

  @Test
  void aNodeStoppedMidIndexingLosesNothingSearchesGoOnAndTheClusterComesBackGreenWithExactCounts() throws Exception {
    if (engine != null) {
      assertEquals(3, health("").get("number_of_nodes").asInt(), "three nodes formed one cluster");
    }
    IndexManager indices = new IndexManager(es.client(), ALIAS, IndexDefinition.forGazetteer(GAZETTEER).withShards(3, 1));
    indices.deleteAll();
    String index = indices.ensureIndex().index();
    assertEquals("green", health("/" + index + "?wait_for_status=green&timeout=60s").get("status").asText());

    Path feed = dir.resolve("feed.jsonl");
    try (Writer w = Files.newBufferedWriter(feed, StandardCharsets.UTF_8)) {
      new ArticleGenerator(GAZETTEER).write(ARTICLES, 3, w);
    }
    // small batches, so the node stops while many requests are still to come
    BulkWriter.Options options = new BulkWriter.Options(512 * 1024, 100, 12, Duration.ofMillis(250), Duration.ofSeconds(10));
    Indexer indexer = new Indexer(es, ALIAS, new ArticleFactory(new Tagger(GAZETTEER), Clock.systemUTC()), options);
    Path deadLetters = dir.resolve("dead-letter.jsonl");
    CompletableFuture<IndexSummary> indexing = CompletableFuture.supplyAsync(() -> {
      try {
        return indexer.run(List.of(feed), deadLetters);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });

    int searchesWhileDown = 0;
    String statusWhileDown = "n/a";
    if (engine != null) {
      while (count() < ARTICLES / 3 && !indexing.isDone()) {
        Thread.sleep(200);
      }
      long atStop = count();
      engine.stopNode(STOPPED);
      log.info("Stopped node {} after {} articles", STOPPED, atStop);
      assertTrue(atStop < ARTICLES, "the node stopped in the middle of the indexing");
      // searches answer while the node is down, on a cluster that lost a node's copies (yellow)
      long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
      while (System.nanoTime() < deadline && (!indexing.isDone() || searchesWhileDown < 20)) {
        long hits = es.client().search(s -> s.index(ALIAS).size(5)
            .query(q -> q.match(m -> m.field("body").query("الأوضاع الأمنية"))), Void.class).hits().total().value();
        assertTrue(hits > 0 || count() == 0, "searches find articles while a node is down");
        searchesWhileDown++;
        JsonNode h = health("");
        assertEquals(2, h.get("number_of_nodes").asInt(), "the stopped node is out");
        statusWhileDown = h.get("status").asText();
        Thread.sleep(100);
      }
      assertEquals("yellow", health("?wait_for_status=yellow&timeout=60s").get("status").asText(),
          "without one node the replicas are missing, the data is not");
    }

    IndexSummary summary = indexing.get();
    assertTrue(summary.ok(), "every article indexed through the retries: " + summary);
    assertEquals(ARTICLES, summary.indexed() + summary.updated(), summary.toString());
    assertTrue(Files.notExists(deadLetters) || Files.readString(deadLetters).isBlank(), "nothing in the dead letters");

    if (engine != null) {
      int port = engine.startNode(STOPPED);
      List<HttpHost> hosts = new ArrayList<>();
      engine.ports().forEach(p -> hosts.add(new HttpHost("127.0.0.1", p, "http")));
      es.setHosts(hosts);
      log.info("Node {} back on port {}; {} searches answered while it was down ({})", STOPPED, port,
          searchesWhileDown, statusWhileDown);
      assertTrue(searchesWhileDown >= 20, "searches answered throughout: " + searchesWhileDown);
    }
    JsonNode green = health("?wait_for_status=green&wait_for_nodes=" + (engine == null ? "ge(1)" : "3") + "&timeout=120s");
    assertEquals("green", green.get("status").asText(), green.toString());

    assertEquals(ARTICLES, count(), "every article once: nothing lost, nothing duplicated");
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < ARTICLES; i++) {
      ids.add(String.format("synthetic-%07d", i));
    }
    for (int from = 0; from < ARTICLES; from += 1000) {
      List<String> some = ids.subList(from, from + 1000);
      long found = es.client().mget(m -> m.index(ALIAS).ids(some).sourceIncludes("id"), JsonNode.class).docs().stream()
          .filter(d -> d.isResult() && d.result().found()).count();
      assertEquals(1000, found, "every id is there");
    }
    // facet counts on 3 shards are exact: each bucket equals a count query for its value
    var agg = es.client().search(s -> s.index(ALIAS).size(0)
        .aggregations("p", a -> a.terms(t -> t.field("provinces").size(50).shardSize(500))), Void.class)
        .aggregations().get("p").sterms();
    assertEquals(0, agg.docCountErrorUpperBound());
    assertEquals(0, agg.sumOtherDocCount());
    assertTrue(agg.buckets().array().size() > 5);
    for (StringTermsBucket b : agg.buckets().array()) {
      String value = b.key().stringValue();
      long exact = es.client().count(c -> c.index(ALIAS).query(q -> q.term(t -> t.field("provinces").value(value)))).count();
      assertEquals(exact, b.docCount(), value);
    }
  }
}
