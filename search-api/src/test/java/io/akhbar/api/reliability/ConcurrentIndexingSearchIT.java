package io.akhbar.api.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.akhbar.api.SeededApp;
import io.akhbar.gazetteer.Tagger;
import io.akhbar.indexer.ArticleFactory;
import io.akhbar.indexer.ArticleGenerator;
import io.akhbar.indexer.BulkWriter;
import io.akhbar.indexer.IndexSummary;
import io.akhbar.indexer.Indexer;
import java.io.Writer;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Indexing a feed while four clients search the same alias through the API: no request fails, the totals each client
 * sees never go down while the index only grows, and at the end the total is the number of articles.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class ConcurrentIndexingSearchIT {

  static final ObjectMapper JSON = new ObjectMapper();
  static final int ARTICLES = 3000;
  static final int SEARCHERS = 4;
  static final long MAX_SEARCHES_PER_CLIENT = 20_000;

  @TempDir Path dir;

  @Test
  void searchingWhileIndexingNeverFailsAndTotalsOnlyGrowToTheNumberOfArticles() throws Exception {
    Path feed = dir.resolve("feed.jsonl");
    try (Writer w = Files.newBufferedWriter(feed, StandardCharsets.UTF_8)) {
      new ArticleGenerator(SeededApp.GAZETTEER).write(ARTICLES, 11, w);
    }
    try (SeededApp app = SeededApp.with("it-rel-concurrent", List.of())) {
      // small batches: many refreshes become visible while the searches run
      BulkWriter.Options small = new BulkWriter.Options(256 * 1024, 100, 8, Duration.ofMillis(100), Duration.ofSeconds(2));
      Indexer indexer = new Indexer(app.es, app.alias, new ArticleFactory(new Tagger(SeededApp.GAZETTEER), Clock.systemUTC()), small);
      List<String> queries = List.of(
          "/api/search?size=5",
          "/api/search?q=" + URLEncoder.encode("الأمنية", StandardCharsets.UTF_8),
          "/api/search?q=" + URLEncoder.encode("\"القوات الأمنية\"", StandardCharsets.UTF_8) + "&interval=year",
          "/api/search?province=IQ-BG&sort=date_asc",
          "/api/search?q=" + URLEncoder.encode("الكهرباء OR المياه", StandardCharsets.UTF_8) + "&from=2016-01-01&to=2022-12-31");

      AtomicBoolean indexing = new AtomicBoolean(true);
      ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
      AtomicLong searches = new AtomicLong();
      AtomicLong searchesWhileIndexing = new AtomicLong();
      TreeSet<Long> seenTotals = new TreeSet<>();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
      List<Thread> searchers = new ArrayList<>();
      for (int t = 0; t < SEARCHERS; t++) {
        int id = t;
        Thread thread = new Thread(() -> {
          Map<String, Long> last = new HashMap<>();
          for (long n = 0; n < MAX_SEARCHES_PER_CLIENT && System.nanoTime() < deadline; n++) {
            boolean during = indexing.get();
            String path = queries.get((int) ((id + n) % queries.size()));
            try {
              HttpResponse<String> r = ReliabilityApps.get(app.app, path, Duration.ofSeconds(30));
              if (r.statusCode() != 200) {
                problems.add(path + " → " + r.statusCode() + " " + r.body());
                continue;
              }
              long total = JSON.readTree(r.body()).path("total").asLong(-1);
              Long before = last.put(path, total);
              if (before != null && total < before) {
                problems.add(path + ": total went down from " + before + " to " + total);
              }
              if (path.equals(queries.get(0))) {
                synchronized (seenTotals) {
                  seenTotals.add(total);
                }
              }
              searches.incrementAndGet();
              if (during) {
                searchesWhileIndexing.incrementAndGet();
              }
            } catch (Exception e) {
              problems.add(path + " → " + e);
            }
            if (!during) {
              return; // one more round after indexing finished, then stop
            }
          }
        }, "searcher-" + t);
        thread.setDaemon(true);
        searchers.add(thread);
        thread.start();
      }

      IndexSummary summary = CompletableFuture.supplyAsync(() -> {
        try {
          return indexer.run(List.of(feed), dir.resolve("dead-letter.jsonl"));
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }).get(200, TimeUnit.SECONDS);
      indexing.set(false);
      for (Thread t : searchers) {
        t.join(TimeUnit.SECONDS.toMillis(60));
        assertTrue(!t.isAlive(), t.getName() + " is stuck");
      }

      System.out.printf("concurrent: %s; %d searches (%d while indexing), %d distinct totals seen: %s%n", summary,
          searches.get(), searchesWhileIndexing.get(), seenTotals.size(),
          seenTotals.size() > 12 ? seenTotals.headSet(seenTotals.first() + 1) + "…" + seenTotals.last() : seenTotals);
      assertTrue(summary.ok(), summary.toString());
      assertEquals(ARTICLES, summary.indexed(), summary.toString());
      assertEquals(List.of(), new ArrayList<>(problems), "no search failed and no total went down");
      assertTrue(searchesWhileIndexing.get() >= SEARCHERS, "the searches ran while indexing: " + searchesWhileIndexing.get());

      HttpResponse<String> end = ReliabilityApps.get(app.app, "/api/search?size=1", Duration.ofSeconds(30));
      assertEquals(200, end.statusCode(), end.body());
      JsonNode result = JSON.readTree(end.body());
      assertEquals(ARTICLES, result.path("total").asLong(), "at the end the total is the number of articles");
      assertEquals(ARTICLES, app.es.client().count(c -> c.index(app.alias)).count());
    }
  }
}
