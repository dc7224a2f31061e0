package io.akhbar.api.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.akhbar.api.SeededApp;
import io.akhbar.core.ElasticsearchConnection;
import io.akhbar.core.testing.CuttableProxy;
import io.javalin.Javalin;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The API when the engine cannot be reached: the app talks to the shared test node through a loopback proxy that the
 * test cuts (every connection closed, new ones refused) and restores on the same port. While cut, every request
 * answers 503 in the JSON error shape, fast, and no request thread stays stuck; once restored, the same app instance
 * answers 200 again.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class EngineDownIT {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String ALIAS = "it-rel-engine-down";
  static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(30);
  static final long MAX_ANSWER_MILLIS = 10_000;

  static SeededApp seeded;
  static CuttableProxy proxy;
  static ElasticsearchConnection viaProxy;
  static Javalin app;

  @BeforeAll
  static void start() throws Exception {
    seeded = SeededApp.withSeeds(ALIAS);
    proxy = new CuttableProxy(seeded.es.host().getHostName(), seeded.es.host().getPort());
    viaProxy = seeded.es.via("127.0.0.1", proxy.port());
    app = ReliabilityApps.start(viaProxy, ALIAS, SeededApp.GAZETTEER, seeded.search);
  }

  @AfterEach
  void reconnect() throws Exception {
    proxy.restore();
  }

  @AfterAll
  static void stop() throws Exception {
    if (app != null) {
      app.stop();
    }
    if (viaProxy != null) {
      viaProxy.close();
    }
    if (proxy != null) {
      proxy.close();
    }
    if (seeded != null) {
      seeded.close();
    }
  }

  static String search(String q) {
    return "/api/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8);
  }

  static HttpResponse<String> get(String pathAndQuery) {
    return ReliabilityApps.get(app, pathAndQuery, CLIENT_TIMEOUT);
  }

  static JsonNode json(HttpResponse<String> r) {
    try {
      return JSON.readTree(r.body());
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + r.body(), e);
    }
  }

  static void assertEngineUnavailable(HttpResponse<String> r, String what) {
    assertEquals(503, r.statusCode(), what + " → " + r.body());
    JsonNode error = json(r).path("error");
    assertEquals("engine_unavailable", error.path("code").asText(), what + " → " + r.body());
    assertFalse(error.path("message").asText().isBlank(), what + ": the error says why: " + r.body());
  }

  @Test
  void whileTheEngineIsCutSearchAndHealthAnswer503FastAndAfterRestoreTheSameAppAnswers200() throws Exception {
    assertEquals(200, get(search("بغداد")).statusCode(), "before the cut");
    assertEquals(200, get("/health").statusCode(), "before the cut");

    proxy.cut();

    long t0 = System.nanoTime();
    HttpResponse<String> searched = get(search("بغداد"));
    long searchMillis = (System.nanoTime() - t0) / 1_000_000;
    assertEngineUnavailable(searched, "/api/search while cut");
    assertTrue(searchMillis < MAX_ANSWER_MILLIS, "/api/search answered in " + searchMillis + " ms");

    t0 = System.nanoTime();
    HttpResponse<String> health = get("/health");
    long healthMillis = (System.nanoTime() - t0) / 1_000_000;
    assertEquals(503, health.statusCode(), health.body());
    assertEquals("unavailable", json(health).path("status").asText(), health.body());
    assertFalse(json(health).path("error").asText().isBlank(), "health gives a reason: " + health.body());
    assertTrue(healthMillis < MAX_ANSWER_MILLIS, "/health answered in " + healthMillis + " ms");

    // the other endpoints that call the engine answer the same way
    assertEngineUnavailable(get("/api/articles/anything"), "/api/articles while cut");
    assertEngineUnavailable(get("/api/facets/provinces"), "/api/facets/provinces while cut");
    assertEngineUnavailable(get("/api/facets/actors?prefix=" + URLEncoder.encode("الصدر", StandardCharsets.UTF_8)),
        "/api/facets/actors while cut");

    List<HttpResponse<String>> burst = concurrently(20, i -> i % 5 == 4 ? "/health" : search("الأمنية " + i));
    for (HttpResponse<String> r : burst) {
      if (r.uri().getPath().equals("/health")) {
        assertEquals(503, r.statusCode(), r.body());
      } else {
        assertEngineUnavailable(r, "burst while cut");
      }
    }
    assertNoRequestThreadInTheService();

    proxy.restore();
    HttpResponse<String> again = get(search("بغداد"));
    assertEquals(200, again.statusCode(), "the same app after restore: " + again.body());
    assertTrue(json(again).path("total").asLong() > 0, again.body());
    HttpResponse<String> healthy = get("/health");
    assertEquals(200, healthy.statusCode(), healthy.body());
    assertEquals("ok", json(healthy).path("status").asText());
    assertEquals(5, json(healthy).path("documents").asLong(), healthy.body());
  }

  @Test
  void aCutWhileRequestsAreInFlightAnswersEveryOneAndTheAppRecovers() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(20);
    try {
      List<Future<HttpResponse<String>>> inFlight = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        String path = search(i % 2 == 0 ? "الأمنية" : "\"القوات الأمنية\"") + "&size=50&interval=day";
        inFlight.add(pool.submit(() -> timed(path)));
      }
      Thread.sleep(20);
      proxy.cut();
      for (Future<HttpResponse<String>> f : inFlight) {
        HttpResponse<String> r = f.get(60, TimeUnit.SECONDS);
        assertTrue(r.statusCode() == 200 || r.statusCode() == 503, "answered before or after the cut: " + r.statusCode() + " " + r.body());
        if (r.statusCode() == 503) {
          assertEngineUnavailable(r, "in flight at the cut");
        }
      }
    } finally {
      pool.shutdownNow();
    }
    assertNoRequestThreadInTheService();
    proxy.restore();
    assertEquals(200, get(search("الأمنية")).statusCode(), "after restore");
  }

  /** A GET that must answer within the bound, whatever the answer. */
  static HttpResponse<String> timed(String path) {
    long t0 = System.nanoTime();
    HttpResponse<String> r = get(path);
    long millis = (System.nanoTime() - t0) / 1_000_000;
    assertTrue(millis < MAX_ANSWER_MILLIS + 5_000, path + " answered in " + millis + " ms");
    return r;
  }

  static List<HttpResponse<String>> concurrently(int n, java.util.function.IntFunction<String> path) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(n);
    try {
      List<Future<HttpResponse<String>>> futures = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        String p = path.apply(i);
        futures.add(pool.submit(() -> timed(p)));
      }
      List<HttpResponse<String>> out = new ArrayList<>();
      for (Future<HttpResponse<String>> f : futures) {
        out.add(f.get(60, TimeUnit.SECONDS));
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  /** Every request has answered, so no thread may still be inside the service waiting on the engine. */
  static void assertNoRequestThreadInTheService() throws InterruptedException {
    List<String> stuck = new ArrayList<>();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    do {
      stuck.clear();
      for (Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
        for (StackTraceElement frame : e.getValue()) {
          if (frame.getClassName().equals("io.akhbar.api.SearchService") || frame.getClassName().equals("io.akhbar.api.HealthService")) {
            stuck.add(e.getKey().getName() + " at " + frame);
            break;
          }
        }
      }
      if (stuck.isEmpty()) {
        return;
      }
      Thread.sleep(100);
    } while (System.nanoTime() < deadline);
    throw new AssertionError("threads still inside the service after every request answered: " + stuck);
  }
}
