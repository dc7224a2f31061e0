package io.akhbar.bench;

import static io.akhbar.bench.IngestBench.fmt;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.akhbar.api.BenchAccess;
import io.akhbar.api.HealthService;
import io.akhbar.api.SearchApp;
import io.akhbar.api.SearchParams;
import io.akhbar.api.SearchService;
import io.akhbar.core.Article;
import io.akhbar.core.ElasticsearchConnection;
import io.akhbar.core.IndexDefinition;
import io.akhbar.core.IndexManager;
import io.akhbar.gazetteer.Gazetteer;
import io.javalin.Javalin;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Histogram;
import org.elasticsearch.client.Request;

/**
 * The query benchmark: the mix replayed by N concurrent clients against {@code /api/search} of an in-process
 * {@link SearchApp}, and the same Elasticsearch requests (built by {@code SearchQueryBuilder.search}) sent with the
 * same client straight to the node.
 */
final class QueryBench {

  private static final long MAX_OPS_PER_CLIENT = 5_000_000;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ElasticsearchConnection es;
  private final ElasticsearchClient client;
  private final Gazetteer gazetteer;
  private final String alias;
  private final Report report;
  private final HttpClient http = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5))
      .build();

  QueryBench(ElasticsearchConnection es, Gazetteer gazetteer, String alias, Report report) {
    this.es = es;
    this.client = es.client();
    this.gazetteer = gazetteer;
    this.alias = alias;
    this.report = report;
  }

  /** An operation under load: runs query {@code i} of the mix, true when it answered as it should. */
  private interface Op {
    boolean run(int i) throws Exception;
  }

  record Stats(String path, int clients, long ops, long errors, double seconds, Histogram latencies, String firstError) {
    double throughput() {
      return ops / seconds;
    }

    double ms(double percentile) {
      return latencies.getTotalCount() == 0 ? Double.NaN : latencies.getValueAtPercentile(percentile) / 1000.0;
    }
  }

  void run(List<QueryMix.Query> mix, int[] clientCounts, Duration warmUp, Duration measure) throws Exception {
    SearchService service = BenchAccess.searchService(client, alias, gazetteer);
    HealthService health = new HealthService(es, new IndexManager(client, alias, IndexDefinition.forGazetteer(gazetteer)));
    Javalin app = SearchApp.create(service, health).start("127.0.0.1", 0);
    try {
      String base = "http://127.0.0.1:" + app.port() + "/api/search?";
      List<HttpRequest> apiRequests = new ArrayList<>();
      List<SearchRequest> esRequests = new ArrayList<>();
      for (QueryMix.Query q : mix) {
        apiRequests.add(HttpRequest.newBuilder(URI.create(base + q.queryString())).timeout(Duration.ofSeconds(30)).GET().build());
        SearchParams p = BenchAccess.parse(q.params(), service);
        esRequests.add(BenchAccess.request(service, alias, p));
      }
      Op api = i -> http.send(apiRequests.get(i), HttpResponse.BodyHandlers.ofByteArray()).statusCode() == 200;
      Op direct = i -> {
        client.search(esRequests.get(i), Article.class);
        return true;
      };

      report.section("Query: %d queries, %s; %d s warm-up + %d s measured per run", mix.size(), kinds(mix),
          warmUp.toSeconds(), measure.toSeconds());
      sanity(mix, apiRequests, esRequests);
      // the API's own work before it calls the node: parse the parameters, tag the query for name boosts, build
      long buildNanos = 0;
      for (int pass = 0; pass < 4; pass++) { // the first pass warms up
        long t0 = System.nanoTime();
        for (QueryMix.Query q : mix) {
          BenchAccess.request(service, alias, BenchAccess.parse(q.params(), service));
        }
        if (pass > 0) {
          buildNanos += System.nanoTime() - t0;
        }
      }
      report.note("The API's work before calling the node (parse parameters, tag the query for name boosts, build the"
          + " request), one thread: %.2f ms per request on average.", buildNanos / 3.0 / mix.size() / 1e6);
      breakdown(esRequests);

      List<Stats> all = new ArrayList<>();
      for (int clients : clientCounts) {
        all.add(load("direct to the node", clients, mix.size(), direct, warmUp, measure));
        all.add(load("API /api/search", clients, mix.size(), api, warmUp, measure));
      }
      List<List<String>> rows = new ArrayList<>();
      for (Stats s : all) {
        rows.add(List.of(s.path(), String.valueOf(s.clients()), fmt("%,.0f", s.throughput()), fmt("%.1f", s.ms(50)),
            fmt("%.1f", s.ms(95)), fmt("%.1f", s.ms(99)), fmt("%.1f", s.latencies().getMaxValue() / 1000.0),
            fmt("%,d", s.ops()), String.valueOf(s.errors())));
      }
      report.table(List.of("path", "clients", "req/s", "p50 ms", "p95 ms", "p99 ms", "max ms", "requests", "errors"), rows);
      List<List<String>> ratios = new ArrayList<>();
      for (int i = 0; i + 1 < all.size(); i += 2) {
        Stats d = all.get(i);
        Stats a = all.get(i + 1);
        ratios.add(List.of(String.valueOf(d.clients()), fmt("%.2f×", a.ms(50) / d.ms(50)), fmt("%.2f×", a.ms(95) / d.ms(95)),
            fmt("%.2f×", a.ms(99) / d.ms(99)), fmt("%.2f×", a.throughput() / d.throughput()),
            fmt("+%.1f ms", a.ms(50) - d.ms(50)), String.valueOf(a.errors() + d.errors())));
      }
      report.note("API ÷ direct (goal: p50 ≤ 1.15×, p99 ≤ 1.3×, zero errors):");
      report.table(List.of("clients", "p50", "p95", "p99", "throughput", "p50 overhead", "errors"), ratios);
      for (Stats s : all) {
        if (s.firstError() != null) {
          report.note("First error of %s × %d: %s", s.path(), s.clients(), s.firstError());
        }
      }
      memory();
    } finally {
      app.stop();
    }
  }

  private static String kinds(List<QueryMix.Query> mix) {
    Map<String, Long> byKind = new java.util.LinkedHashMap<>();
    mix.forEach(q -> byKind.merge(q.kind(), 1L, Long::sum));
    StringBuilder sb = new StringBuilder();
    byKind.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(v).append(' ').append(k));
    return sb.toString();
  }

  /** Every query once through both paths: all answer, and the API's total is the node's. */
  private void sanity(List<QueryMix.Query> mix, List<HttpRequest> apiRequests, List<SearchRequest> esRequests) throws Exception {
    int ok = 0;
    int sameTotal = 0;
    long zeroHits = 0;
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < mix.size(); i++) {
      HttpResponse<String> r = http.send(apiRequests.get(i), HttpResponse.BodyHandlers.ofString());
      SearchResponse<Article> d = client.search(esRequests.get(i), Article.class);
      long directTotal = d.hits().total() == null ? -1 : d.hits().total().value();
      if (r.statusCode() != 200) {
        problems.add(mix.get(i).queryString() + " → " + r.statusCode() + " " + r.body());
        continue;
      }
      ok++;
      long apiTotal = JSON.readTree(r.body()).path("total").asLong(-2);
      if (apiTotal == directTotal) {
        sameTotal++;
      } else {
        problems.add(mix.get(i).queryString() + " → API total " + apiTotal + ", direct " + directTotal);
      }
      if (directTotal == 0) {
        zeroHits++;
      }
    }
    report.note("Check before timing: %d/%d queries answer 200 through the API; %d/%d have the same total both ways;"
        + " %d match nothing.%s", ok, mix.size(), sameTotal, mix.size(), zeroHits,
        problems.isEmpty() ? "" : " Problems: " + String.join("; ", problems.subList(0, Math.min(5, problems.size()))));
  }

  /**
   * Where a search's time goes in the node: the same requests sent one at a time with parts taken out (their JSON
   * through the low-level client, so every variant has the same client cost).
   */
  private void breakdown(List<SearchRequest> esRequests) throws Exception {
    Map<String, java.util.function.UnaryOperator<com.fasterxml.jackson.databind.node.ObjectNode>> variants = new java.util.LinkedHashMap<>();
    variants.put("the API's request", b -> b);
    variants.put("without highlight", b -> {
      b.remove("highlight");
      return b;
    });
    variants.put("without aggregations (facets)", b -> {
      b.remove("aggregations");
      return b;
    });
    variants.put("without highlight and aggregations", b -> {
      b.remove("highlight");
      b.remove("aggregations");
      return b;
    });
    variants.put("only the query: size 0, no sort, no aggregations, no highlight", b -> {
      b.remove("highlight");
      b.remove("aggregations");
      b.remove("sort");
      b.remove("post_filter");
      b.put("size", 0);
      b.remove("from");
      return b;
    });
    List<String> bodies = new ArrayList<>();
    for (SearchRequest r : esRequests) {
      bodies.add(co.elastic.clients.json.JsonpUtils.toJsonString(r, client._jsonpMapper()));
    }
    List<List<String>> rows = new ArrayList<>();
    double full = Double.NaN;
    for (var v : variants.entrySet()) {
      Histogram h = new Histogram(TimeUnit.SECONDS.toMicros(120), 3);
      for (int pass = 0; pass < 2; pass++) { // the first pass warms up
        for (String body : bodies) {
          Request request = new Request("POST", "/" + alias + "/_search");
          request.setJsonEntity(JSON.writeValueAsString(v.getValue().apply((com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(body))));
          long t0 = System.nanoTime();
          es.restClient().performRequest(request);
          if (pass == 1) {
            h.recordValue(Math.min((System.nanoTime() - t0) / 1000, h.getHighestTrackableValue()));
          }
        }
      }
      double mean = h.getMean() / 1000.0;
      if (Double.isNaN(full)) {
        full = mean;
      }
      rows.add(List.of(v.getKey(), fmt("%.1f", mean), fmt("%.1f", h.getValueAtPercentile(50) / 1000.0),
          fmt("%.1f", h.getValueAtPercentile(99) / 1000.0), fmt("%.0f%%", 100 * mean / full)));
    }
    report.note("Where a search's time goes in the node (each of the %d requests once, one at a time, after a warm-up pass):",
        esRequests.size());
    report.table(List.of("request", "mean ms", "p50 ms", "p99 ms", "vs full"), rows);
  }

  private Stats load(String path, int clients, int mixSize, Op op, Duration warmUp, Duration measure) throws InterruptedException {
    long start = System.nanoTime();
    long measureFrom = start + warmUp.toNanos();
    long end = measureFrom + measure.toNanos();
    Histogram[] histograms = new Histogram[clients];
    long[] errors = new long[clients];
    long[] ops = new long[clients];
    AtomicReference<String> firstError = new AtomicReference<>();
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < clients; t++) {
      int id = t;
      histograms[t] = new Histogram(TimeUnit.SECONDS.toMicros(120), 3);
      Thread thread = new Thread(() -> {
        int i = (int) ((long) id * mixSize / clients);
        for (long n = 0; n < MAX_OPS_PER_CLIENT; n++) {
          long s = System.nanoTime();
          if (s >= end) {
            break;
          }
          boolean ok;
          try {
            ok = op.run(i);
            if (!ok) {
              firstError.compareAndSet(null, "query " + i + " did not answer 200");
            }
          } catch (Exception e) {
            ok = false;
            firstError.compareAndSet(null, "query " + i + ": " + e);
          }
          long micros = (System.nanoTime() - s) / 1000;
          if (s >= measureFrom) {
            ops[id]++;
            if (ok) {
              histograms[id].recordValue(Math.min(micros, histograms[id].getHighestTrackableValue()));
            } else {
              errors[id]++;
            }
          } else if (!ok) {
            errors[id]++;
          }
          i = (i + 1) % mixSize;
        }
      }, "client-" + t);
      thread.setDaemon(true);
      threads.add(thread);
      thread.start();
    }
    long joinDeadline = end + TimeUnit.SECONDS.toNanos(60);
    for (Thread thread : threads) {
      thread.join(Math.max(1, (joinDeadline - System.nanoTime()) / 1_000_000));
    }
    Histogram merged = new Histogram(TimeUnit.SECONDS.toMicros(120), 3);
    long totalOps = 0;
    long totalErrors = 0;
    for (int t = 0; t < clients; t++) {
      merged.add(histograms[t]);
      totalOps += ops[t];
      totalErrors += errors[t];
    }
    Stats stats = new Stats(path, clients, totalOps, totalErrors, measure.toNanos() / 1e9, merged, firstError.get());
    System.out.printf(java.util.Locale.ROOT, "  %-20s × %2d: %,8.0f req/s  p50 %.1f ms  p99 %.1f ms  errors %d%n",
        path, clients, stats.throughput(), stats.ms(50), stats.ms(99), totalErrors);
    return stats;
  }

  /** Heap used after the load: this JVM (the API; the bench's own objects are small) after a GC, and the node's. */
  private void memory() throws Exception {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(300);
    }
    MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    JsonNode nodes = JSON.readTree(es.restClient().performRequest(new Request("GET", "/_nodes/stats/jvm")).getEntity().getContent())
        .path("nodes");
    JsonNode jvm = nodes.elements().hasNext() ? nodes.elements().next().path("jvm").path("mem") : JSON.createObjectNode();
    report.section("Memory after the query load");
    report.table(List.of("process", "heap used", "heap max"), List.of(
        List.of("API (this JVM after System.gc(); includes the bench's small client side)", IngestBench.mb(heap.getUsed()),
            IngestBench.mb(heap.getMax())),
        List.of("Elasticsearch node (`_nodes/stats/jvm`, no forced GC)", IngestBench.mb(jvm.path("heap_used_in_bytes").asLong(-1)),
            IngestBench.mb(jvm.path("heap_max_in_bytes").asLong(-1)))));
  }
}
