package io.akhbar.indexer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.akhbar.core.ElasticsearchConnection;
import io.akhbar.core.IndexDefinition;
import io.akhbar.core.IndexManager;
import io.akhbar.core.testing.CuttableProxy;
import io.akhbar.core.testing.RealElasticsearch;
import io.akhbar.gazetteer.Gazetteer;
import io.akhbar.gazetteer.Tagger;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Nothing accepted is ever lost, and nothing is indexed twice, whatever happens to the connection. */
class IndexingReliabilityIT {

  static final Gazetteer GAZETTEER = Gazetteer.fromClasspath();
  static final String ALIAS = "it-reliability";
  static final int ARTICLES = 3000;

  @TempDir Path dir;
  ElasticsearchConnection direct;
  IndexManager indices;

  @BeforeEach
  void createIndex() throws Exception {
    direct = RealElasticsearch.connection();
    indices = new IndexManager(direct.client(), ALIAS, IndexDefinition.forGazetteer(GAZETTEER));
    indices.deleteAll();
    indices.ensureIndex();
  }

  @AfterEach
  void dropIndex() throws Exception {
    indices.deleteAll();
  }

  private Indexer indexer(ElasticsearchConnection es) {
    BulkWriter.Options fastFailing = new BulkWriter.Options(512 * 1024, 100, 2, Duration.ofMillis(50), Duration.ofMillis(200));
    return new Indexer(es, ALIAS, new ArticleFactory(new Tagger(GAZETTEER), Clock.systemUTC()), fastFailing);
  }

  private long count() throws Exception {
    direct.client().indices().refresh(r -> r.index(ALIAS));
    return direct.client().count(c -> c.index(ALIAS)).count();
  }

  @Test
  void aConnectionCutMidRunLosesNothingAndTheRerunIndexesEveryArticleExactlyOnce() throws Exception {
    Path feed = dir.resolve("feed.jsonl");
    try (Writer w = Files.newBufferedWriter(feed, StandardCharsets.UTF_8)) {
      new ArticleGenerator(GAZETTEER).write(ARTICLES, 7, w);
    }
    Path deadLetters = dir.resolve("dead-letter.jsonl");
    try (CuttableProxy proxy = new CuttableProxy(direct.host().getHostName(), direct.host().getPort());
         ElasticsearchConnection viaProxy = direct.via("127.0.0.1", proxy.port())) {

      CompletableFuture<IndexSummary> firstRun = CompletableFuture.supplyAsync(() -> {
        try {
          return indexer(viaProxy).run(List.of(feed), deadLetters);
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      // cut the network once some batches are in, while the run is still going
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (count() < 300 && !firstRun.isDone() && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      proxy.cut();
      IndexSummary first = firstRun.get(120, TimeUnit.SECONDS);

      assertFalse(first.ok(), "the cut must have failed some batches: " + first);
      assertEquals(ARTICLES, first.read());
      assertEquals(ARTICLES, first.indexed() + first.updated() + first.unchanged() + first.failed(), first.toString());
      assertEquals(first.failed(), Files.readAllLines(deadLetters).size(), "every failed article is in the dead-letter file");

      proxy.restore();
      IndexSummary rerun = indexer(viaProxy).run(List.of(feed), deadLetters);

      assertTrue(rerun.ok(), rerun.toString());
      assertEquals(ARTICLES, rerun.indexed() + rerun.updated() + rerun.unchanged(), rerun.toString());
      assertTrue(rerun.unchanged() >= first.indexed(), "what the first run indexed is not sent again: " + rerun);
      assertEquals(0, Files.readAllLines(deadLetters).size(), "the dead-letter file is empty after the rerun");
      assertEquals(ARTICLES, count(), "every article exactly once");
    }
  }

  @Test
  void withRequestsInFlightTheLaterCopyOfAnArticleAlwaysLandsLast() throws Exception {
    // batches of 10 docs, two in flight: «dup» is sent in the first batch and again, changed, in the next ones
    Path feed = dir.resolve("dup.jsonl");
    StringBuilder lines = new StringBuilder();
    for (int copy = 1; copy <= 5; copy++) {
      lines.append("{\"id\":\"dup\",\"title\":\"نسخة ").append(copy).append("\",\"body\":\"نص النسخة رقم ")
          .append(copy).append(" من الخبر.\"}\n");
      for (int i = 0; i < 9; i++) {
        lines.append("{\"id\":\"f").append(copy).append('-').append(i).append("\",\"body\":\"خبر قصير رقم ")
            .append(i).append(".\"}\n");
      }
    }
    Files.writeString(feed, lines, StandardCharsets.UTF_8);
    BulkWriter.Options small = new BulkWriter.Options(512 * 1024, 10, 2, Duration.ofMillis(50), Duration.ofMillis(200), 2);
    IndexSummary summary = new Indexer(direct, ALIAS, new ArticleFactory(new Tagger(GAZETTEER), Clock.systemUTC()), small)
        .run(List.of(feed), dir.resolve("dl.jsonl"));
    assertTrue(summary.ok(), summary.toString());
    assertEquals(46, count(), "45 distinct short articles and one «dup»");
    var dup = direct.client().get(g -> g.index(ALIAS).id("dup"), com.fasterxml.jackson.databind.JsonNode.class);
    assertEquals("نسخة 5", dup.source().path("title").asText(), "the last copy read is the one stored");
  }

  @Test
  void rerunningTheSameInputsChangesNothing() throws Exception {
    Path feed = dir.resolve("small.jsonl");
    try (Writer w = Files.newBufferedWriter(feed, StandardCharsets.UTF_8)) {
      new ArticleGenerator(GAZETTEER).write(50, 1, w);
    }
    IndexSummary first = indexer(direct).run(List.of(feed), dir.resolve("dl.jsonl"));
    IndexSummary second = indexer(direct).run(List.of(feed), dir.resolve("dl.jsonl"));
    assertEquals(50, first.indexed());
    assertEquals(50, second.unchanged(), second.toString());
    assertEquals(50, count());
  }

  @Test
  void anArticleElasticsearchRefusesIsReportedWithItsReasonAndTheOthersAreIndexed() throws Exception {
    Path feed = dir.resolve("mixed.jsonl");
    String immense = "x".repeat(40_000); // a keyword term over Lucene's 32766-byte limit
    Files.writeString(feed, String.join("\n",
        "{\"id\":\"ok-1\",\"title\":\"خبر\",\"body\":\"نص الخبر الأول في بغداد\"}",
        "{\"id\":\"refused\",\"body\":\"نص\",\"source\":\"" + immense + "\"}",
        "{\"id\":\"ok-2\",\"body\":\"نص الخبر الثاني في البصرة\"}",
        "{\"id\": broken json",
        "{\"title\":\"no body\"}",
        "{\"id\":\"bad-date\",\"body\":\"نص\",\"published_at\":\"2021-02-31\"}"), StandardCharsets.UTF_8);
    Path deadLetters = dir.resolve("dl.jsonl");
    IndexSummary s = indexer(direct).run(List.of(feed), deadLetters);
    assertEquals(6, s.read());
    assertEquals(2, s.indexed());
    assertEquals(1, s.failed());
    assertEquals(3, s.rejected());
    List<String> lines = Files.readAllLines(deadLetters);
    assertEquals(4, lines.size());
    assertTrue(lines.stream().anyMatch(l -> l.contains("\"id\":\"refused\"") && l.contains("Elasticsearch refused it")), lines.toString());
    assertTrue(lines.stream().anyMatch(l -> l.contains("mixed.jsonl:4") && l.contains("broken JSON")), lines.toString());
    assertTrue(lines.stream().anyMatch(l -> l.contains("mixed.jsonl:5") && l.contains("body")), lines.toString());
    assertTrue(lines.stream().anyMatch(l -> l.contains("mixed.jsonl:6") && l.contains("published_at")), lines.toString());
    assertEquals(2, count());
  }
}
