package io.akhbar.api.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.akhbar.api.AccessTesting;
import io.akhbar.api.SeededApp;
import io.akhbar.core.ApiKeys;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * AUTH=keys against a real node: keys made and revoked as the CLI does, the two roles, the rate limit, and 401, 403
 * and 429 in the API's one JSON error shape; the page and /health stay open, with their security headers.
 */
class ApiKeysIT {

  static final ObjectMapper JSON = new ObjectMapper();
  static final int PER_MINUTE = 5;
  static final AtomicLong clock = new AtomicLong(1_000_000_000_000L);
  static SeededApp app;
  static ApiKeys keys;
  static String searchKey;
  static String adminKey;
  static int retags;

  @BeforeAll
  static void start() throws Exception {
    app = SeededApp.withKeys("it-keys", a -> {
      keys = new ApiKeys(a.es.client(), a.alias);
      return AccessTesting.keys(keys, PER_MINUTE, clock::get);
    }, () -> "started " + (++retags), List.of("https://desk.example.org"));
    app.es.client().indices().delete(d -> d.index(keys.index()).ignoreUnavailable(true));
    searchKey = keys.create("newsroom-bot", ApiKeys.Role.SEARCH).token();
    adminKey = keys.create("ops", ApiKeys.Role.ADMIN).token();
  }

  @AfterAll
  static void stop() throws Exception {
    app.es.client().indices().delete(d -> d.index(keys.index()).ignoreUnavailable(true));
    app.close();
  }

  static HttpResponse<String> call(String method, String path, String authorization) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(app.baseUrl() + path)).timeout(Duration.ofSeconds(30))
        .method(method, HttpRequest.BodyPublishers.noBody());
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    clock.addAndGet(60_000_000_000L); // a minute between calls: the rate limit never interferes here
    return app.send(b.build());
  }

  static JsonNode error(HttpResponse<String> r, int status, String code) throws Exception {
    assertEquals(status, r.statusCode(), r.body());
    JsonNode e = JSON.readTree(r.body()).get("error");
    assertEquals(code, e.get("code").asText(), r.body());
    assertFalse(e.get("message").asText().isBlank());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
    return e;
  }

  @Test
  void theStoredKeyHoldsAHashNeverTheSecret() throws Exception {
    String secret = searchKey.substring(searchKey.indexOf('.') + 1);
    String stored = app.es.client().search(s -> s.index(keys.index()), JsonNode.class).hits().hits().toString();
    for (var hit : app.es.client().search(s -> s.index(keys.index()), JsonNode.class).hits().hits()) {
      assertFalse(hit.source().toString().contains(secret), "no secret in the index");
      assertEquals(64, hit.source().get("secret_sha256").asText().length());
    }
    assertFalse(stored.contains(secret));
    assertTrue(keys.list().stream().map(ApiKeys.Key::name).toList().containsAll(List.of("newsroom-bot", "ops")));
    assertThrows(IllegalArgumentException.class, () -> keys.create("newsroom-bot", ApiKeys.Role.SEARCH), "names are unique");
    assertThrows(IllegalArgumentException.class, () -> keys.create("Bad Name!", ApiKeys.Role.SEARCH));
  }

  @Test
  void withoutAKeyOrWithAWrongOneTheApiAnswers401InItsErrorShape() throws Exception {
    HttpResponse<String> none = call("GET", "/api/search?q=x", null);
    error(none, 401, "unauthorized");
    assertTrue(none.headers().firstValue("WWW-Authenticate").orElse("").startsWith("ApiKey"));
    error(call("GET", "/api/search?q=x", "ApiKey akh_AAAAAAAAAAAA.BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB"), 401, "unauthorized");
    error(call("GET", "/api/search?q=x", "ApiKey " + searchKey.substring(0, searchKey.length() - 1) + "x"), 401,
        "unauthorized");
    error(call("GET", "/api/articles/x", "Basic Zm9vOmJhcg=="), 401, "unauthorized");
  }

  @Test
  void aSearchKeyReachesTheSearchArticleFacetAndExportEndpointsAsApiKeyOrBearer() throws Exception {
    HttpResponse<String> found = call("GET", "/api/search?size=1", "ApiKey " + searchKey);
    assertEquals(200, found.statusCode(), found.body());
    String id = JSON.readTree(found.body()).get("hits").get(0).get("id").asText();
    assertEquals(200, call("GET", "/api/articles/" + id, "Bearer " + searchKey).statusCode());
    assertEquals(200, call("GET", "/api/facets/provinces", "ApiKey " + searchKey).statusCode());
    assertEquals(200, call("GET", "/api/facets/actors?prefix=a", "ApiKey " + searchKey).statusCode());
    HttpResponse<String> csv = call("GET", "/api/export?format=csv", "Bearer " + searchKey);
    assertEquals(200, csv.statusCode());
    assertTrue(csv.body().startsWith("\uFEFFid,published_at,title"), "the CSV export");
    assertTrue(csv.body().contains(id), "with the articles");
  }

  @Test
  void onlyAnAdminKeyMayRetagAndEveryAdminActionLeavesAnAuditLineWithoutTheSecret() throws Exception {
    error(call("POST", "/api/admin/retag", "ApiKey " + searchKey), 403, "forbidden");
    PrintStream err = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    HttpResponse<String> ok;
    try {
      ok = call("POST", "/api/admin/retag", "ApiKey " + adminKey);
    } finally {
      System.setErr(err);
    }
    assertEquals(202, ok.statusCode(), ok.body());
    assertTrue(JSON.readTree(ok.body()).get("retag").asText().startsWith("started"));
    String log = captured.toString(StandardCharsets.UTF_8);
    assertTrue(log.contains("admin action=retag") && log.contains("name=ops"), log);
    assertFalse(log.contains(adminKey.substring(adminKey.indexOf('.') + 1)), "the secret is never logged");
  }

  @Test
  void aKeyOverItsRateGets429WithRetryAfter() throws Exception {
    String key = keys.create("busy-bot", ApiKeys.Role.SEARCH).token();
    HttpRequest request = HttpRequest.newBuilder(URI.create(app.baseUrl() + "/api/facets/provinces"))
        .header("Authorization", "ApiKey " + key).build();
    for (int i = 0; i < PER_MINUTE; i++) {
      assertEquals(200, app.send(request).statusCode(), "within the rate");
    }
    HttpResponse<String> limited = app.send(request);
    JsonNode e = error(limited, 429, "rate_limited");
    long retry = Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow());
    assertTrue(retry >= 1 && retry <= 60, "Retry-After: " + retry);
    assertTrue(e.get("message").asText().contains("busy-bot"));
    assertEquals(200, call("GET", "/api/facets/provinces", "ApiKey " + searchKey).statusCode(), "other keys go on");
    clock.addAndGet(retry * 1_000_000_000L);
    assertEquals(200, app.send(request).statusCode(), "after Retry-After the key works again");
  }

  @Test
  void aRevokedKeyIsRefusedOnceTheTenSecondCacheExpires() throws Exception {
    String key = keys.create("temp-bot", ApiKeys.Role.SEARCH).token();
    assertEquals(200, call("GET", "/api/facets/provinces", "ApiKey " + key).statusCode());
    assertTrue(keys.revoke("temp-bot"));
    assertFalse(keys.revoke("temp-bot"), "revoked already");
    clock.addAndGet(11_000_000_000L);
    error(call("GET", "/api/facets/provinces", "ApiKey " + key), 401, "unauthorized");
    assertTrue(keys.verify(key).isEmpty());
    assertNotNull(keys.list().stream().filter(k -> k.name().equals("temp-bot")).findFirst().orElseThrow().revokedAt());
  }

  @Test
  void thePageAndHealthStayOpenAndCarryTheSecurityHeaders() {
    for (String path : List.of("/", "/app.js", "/health")) {
      HttpResponse<String> r = app.get(path);
      assertEquals(200, r.statusCode(), path);
      String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
      assertTrue(csp.contains("script-src 'self'") && csp.contains("frame-ancestors 'none'"), path + ": " + csp);
      assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""), path);
    }
    assertFalse(app.get("/").body().contains("<script>"), "no inline script: the CSP allows none");
  }

  @Test
  void corsAnswersOnlyTheConfiguredOrigin() {
    HttpResponse<String> allowed = app.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + "/api/facets/provinces"))
        .header("Origin", "https://desk.example.org").header("Authorization", "ApiKey " + searchKey).build());
    assertEquals("https://desk.example.org", allowed.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
    HttpResponse<String> other = app.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + "/api/facets/provinces"))
        .header("Origin", "https://evil.example.com").header("Authorization", "ApiKey " + searchKey).build());
    assertNull(other.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
  }

  @Test
  void theOpenApiDocumentNamesTheKeySchemeAndThe401403And429OfEveryApiEndpoint() throws Exception {
    JsonNode spec = JSON.readTree(app.get("/openapi.json").body());
    assertEquals("apiKey", spec.at("/components/securitySchemes/apiKey/type").asText());
    spec.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
      if (path.getKey().startsWith("/api/")) {
        for (String status : List.of("401", "429")) {
          assertTrue(op.getValue().at("/responses/" + status).has("$ref"), path.getKey() + " documents " + status);
        }
      }
    }));
    assertTrue(spec.at("/paths/~1api~1admin~1retag/post/responses/403").has("$ref"));
  }
}
