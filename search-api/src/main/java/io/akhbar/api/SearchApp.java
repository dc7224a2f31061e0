package io.akhbar.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.akhbar.api.ApiModel.Health;
import io.akhbar.core.Article;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the HTTP application from its services and returns it unstarted, so tests build exactly what runs.
 * Handlers only translate HTTP to service calls; every error becomes one JSON shape here.
 */
public final class SearchApp {

  private static final Logger log = LoggerFactory.getLogger(SearchApp.class);

  private SearchApp() {}

  public static ObjectMapper json() {
    return new ObjectMapper()
        .registerModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
  }

  /** What the admin endpoints do; {@link #NONE} where there is nothing to run (tests of the read endpoints). */
  public interface Admin {
    /** Starts a re-tag of the stored articles in the background; returns what /health will show. */
    String retag();

    Admin NONE = () -> "unavailable: this server runs no re-tag";
  }

  /**
   * The page's Content-Security-Policy: its own scripts, styles and API only (no inline script or style, no other
   * origin), never framed.
   */
  static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
      + " connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none';"
      + " form-action 'self'";

  static final Map<String, String> SECURITY_HEADERS = Map.of(
      "Content-Security-Policy", CSP,
      "X-Content-Type-Options", "nosniff",
      "Referrer-Policy", "no-referrer",
      "X-Frame-Options", "DENY");

  /** The open API of the embedded single-user run: no keys, no cross-origin access. */
  public static Javalin create(SearchService search, HealthService health) {
    return create(search, health, Access.off(), Admin.NONE, java.util.List.of());
  }

  public static Javalin create(SearchService search, HealthService health, Access access, Admin admin,
      java.util.List<String> corsOrigins) {
    ObjectMapper mapper = json();
    return Javalin.create(config -> {
      config.jsonMapper(new JavalinJackson(mapper, false));
      config.staticFiles.add(files -> {
        files.hostedPath = "/";
        files.directory = "/public";
        files.location = Location.CLASSPATH;
        files.headers = SECURITY_HEADERS;
      });
      if (!corsOrigins.isEmpty()) {
        // browsers on these origins may call the API (with their key); every other origin gets no CORS header
        config.bundledPlugins.enableCors(cors -> cors.addRule(rule -> {
          rule.path = "/api/*";
          rule.allowHost(corsOrigins.get(0), corsOrigins.subList(1, corsOrigins.size()).toArray(String[]::new));
        }));
      }
      config.http.defaultContentType = "application/json";
      // long queries must reach our validation (a JSON 400 naming q), not die as Jetty's 414 page
      config.jetty.modifyHttpConfiguration(http -> http.setRequestHeaderSize(128 * 1024));

      config.routes.before("/api/*", ctx -> {
        if (ctx.method() != io.javalin.http.HandlerType.OPTIONS) {
          access.check(ctx, ctx.path().startsWith("/api/admin/"));
        }
        RawQuery.check(ctx.queryString());
      });
      config.routes.after(ctx -> SECURITY_HEADERS.forEach(ctx::header));
      config.routes.post("/api/admin/retag", ctx -> {
        String status = admin.retag();
        access.audit(ctx, "retag", status);
        ctx.status(202).json(Map.of("retag", status));
      });
      config.routes.get("/health", ctx -> {
        Health h = health.check();
        ctx.status("ok".equals(h.status()) ? 200 : 503).json(h);
      });
      config.routes.get("/api/search", ctx -> ctx.json(search.search(params(ctx, search))));
      config.routes.get("/api/articles/{id}", ctx -> ctx.json(search.article(ctx.pathParam("id"))
          .orElseThrow(() -> new ApiException(404, "not_found", "No article with id '" + ctx.pathParam("id") + "'", "id"))));
      config.routes.get("/api/facets/provinces", ctx -> ctx.json(search.provinces()));
      config.routes.get("/api/facets/actors", ctx -> {
        int limit = limit(ctx.queryParam("limit"));
        ctx.json(search.actors(ctx.queryParam("prefix"), limit));
      });
      config.routes.get("/api/export", ctx -> export(ctx, search, mapper));
      SavedSearches saved = search.savedSearches();
      config.routes.post("/api/saved", ctx -> {
        com.fasterxml.jackson.databind.JsonNode body = body(ctx, mapper);
        ctx.status(201).json(savedView(access, saved.save(savedName(body), savedQuery(body, search))));
      });
      config.routes.get("/api/saved", ctx -> ctx.json(saved.list().stream().map(s -> savedView(access, s)).toList()));
      config.routes.delete("/api/saved/{id}", ctx -> {
        if (!saved.delete(ctx.pathParam("id"))) {
          throw new ApiException(404, "not_found", "No saved search with id '" + ctx.pathParam("id") + "'", "id");
        }
        ctx.status(204);
      });
      config.routes.get("/feeds/{file}", ctx -> feed(ctx, access, saved, search));
      BatchSearch batch = new BatchSearch(search);
      config.routes.post("/api/batch", ctx -> batch(ctx, batch));
      config.routes.get("/openapi.json", ctx -> ctx.contentType("application/json")
          .result(SearchApp.class.getResourceAsStream("/openapi.json")));

      config.routes.exception(ApiException.class, (e, ctx) -> error(ctx, e.status(), e.code(), e.getMessage(), e.parameter()));
      config.routes.exception(Exception.class, (e, ctx) -> {
        log.error("Unexpected error on {} {}", ctx.method(), ctx.fullUrl(), e);
        error(ctx, 500, "internal_error", "Something went wrong on our side; it has been logged", null);
      });
      config.routes.error(404, "application/json", ctx -> {
        if (ctx.result() == null || ctx.result().isEmpty()) {
          error(ctx, 404, "not_found", "No such endpoint: " + ctx.path(), null);
        }
      });
    });
  }

  private static void error(Context ctx, int status, String code, String message, String parameter) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("code", code);
    body.put("message", message);
    body.put("parameter", parameter);
    ctx.status(status).json(Map.of("error", body));
  }

  private static SearchParams params(Context ctx, SearchService search) {
    return SearchParams.parse(ctx.queryParamMap(), search.knownIds());
  }

  private static int limit(String raw) {
    if (raw == null || raw.isBlank()) {
      return 20;
    }
    try {
      int v = Integer.parseInt(raw.strip());
      if (v < 1 || v > 500) {
        throw ApiException.badParameter("limit", "out_of_range", "'limit' must be from 1 to 500");
      }
      return v;
    } catch (NumberFormatException e) {
      throw ApiException.badParameter("limit", "not_a_number", "'limit' must be a whole number");
    }
  }

  /** A saved search as the API shows it: its page and its feed (with its read-only token when keys are on). */
  private static Map<String, Object> savedView(Access access, SavedSearches.Saved s) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", s.id());
    view.put("name", s.name());
    view.put("query", s.query());
    view.put("created_at", s.createdAt().toString());
    view.put("page_url", "/?" + s.query());
    view.put("feed_url", "/feeds/" + s.id() + ".atom" + (access.on() ? "?token=" + s.feedToken() : ""));
    return view;
  }

  private static String savedName(com.fasterxml.jackson.databind.JsonNode body) {
    String name = body.path("name").asText("").strip();
    if (name.isEmpty() || name.length() > SavedSearches.MAX_NAME) {
      throw ApiException.badParameter("name", "bad_value", "'name' must be 1 to " + SavedSearches.MAX_NAME + " characters");
    }
    return name;
  }

  /**
   * The search to save: the page's query string (the API's parameters), checked as a search would check it;
   * paging is not part of a saved search.
   */
  private static String savedQuery(com.fasterxml.jackson.databind.JsonNode body, SearchService search) {
    Map<String, java.util.List<String>> params = new java.util.TreeMap<>(
        RawQuery.parse(body.path("query").asText("").strip().replaceFirst("^\\?", "")));
    params.keySet().removeAll(java.util.Set.of("page", "size", "cursor"));
    SearchParams.parse(params, search.knownIds());
    return RawQuery.format(params);
  }

  private static com.fasterxml.jackson.databind.JsonNode body(Context ctx, ObjectMapper mapper) {
    try {
      com.fasterxml.jackson.databind.JsonNode node = mapper.readTree(ctx.body());
      if (node == null || !node.isObject()) {
        throw ApiException.badParameter("body", "bad_json", "Send a JSON object: {\"name\": …, \"query\": …}");
      }
      return node;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw ApiException.badParameter("body", "bad_json", "The body is not JSON: " + e.getOriginalMessage());
    }
  }

  /**
   * {@code /feeds/{id}.atom}: the newest articles of a saved search. With keys on, the feed's own read-only token
   * ({@code ?token=}) is its credential: a feed reader sends no header.
   */
  private static void feed(Context ctx, Access access, SavedSearches saved, SearchService search) {
    String file = ctx.pathParam("file");
    if (!file.endsWith(".atom")) {
      throw new ApiException(404, "not_found", "Feeds are /feeds/{id}.atom", null);
    }
    String id = file.substring(0, file.length() - ".atom".length());
    SavedSearches.Saved s = saved.get(id).orElseThrow(() ->
        new ApiException(404, "not_found", "No saved search with id '" + id + "'", "id"));
    if (access.on()) {
      String token = ctx.queryParam("token");
      if (token == null || !java.security.MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
          s.feedToken().getBytes(StandardCharsets.UTF_8))) {
        throw new ApiException(401, "unauthorized", "This feed needs its token: the feed_url of GET /api/saved", "token");
      }
    }
    String base = ctx.scheme() + "://" + ctx.host();
    ctx.contentType("application/atom+xml; charset=utf-8").result(AtomFeed.render(s,
        search.newest(SearchParams.parse(RawQuery.parse(s.query()), search.knownIds()), FEED_SIZE), base, base + ctx.path()
            + (ctx.queryString() == null ? "" : "?" + ctx.queryString())));
  }

  /** Entries of a feed: the newest articles. */
  static final int FEED_SIZE = 30;

  /** A batch of names: JSON (the default) or CSV ({@code format=csv}) with a BOM for spreadsheet programs. */
  private static void batch(Context ctx, BatchSearch batch) throws IOException {
    String format = ctx.queryParam("format") == null ? "json" : ctx.queryParam("format");
    if (!format.equals("csv") && !format.equals("json")) {
      throw ApiException.badParameter("format", "unknown_value", "'format' must be json or csv");
    }
    if (ctx.body().length() > 2_000_000) {
      throw ApiException.badParameter("names", "too_long", "The list is over 2 MB; split it");
    }
    batch.checkFilters(ctx.queryParamMap());
    ApiModel.BatchResult result = batch.run(BatchSearch.names(ctx.body(), ctx.contentType()), ctx.queryParamMap());
    if (format.equals("json")) {
      ctx.json(result);
      return;
    }
    ctx.contentType("text/csv; charset=utf-8");
    ctx.header("Content-Disposition", "attachment; filename=\"batch.csv\"");
    Writer out = new BufferedWriter(new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8));
    out.write('\uFEFF');
    CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder()
        .setHeader("name", "total", "first_date", "last_date", "top_provinces", "search_url", "error").get());
    for (ApiModel.BatchRow r : result.rows()) {
      csv.printRecord(r.name(), r.total(), r.firstDate(), r.lastDate(),
          String.join("|", r.topProvinces().stream().map(p -> p.id() + ":" + p.count()).toList()), r.searchUrl(), r.error());
    }
    csv.flush();
    out.flush();
  }

  /** Streams every match as CSV (UTF-8 with a BOM, so spreadsheet programs read Arabic right) or JSON Lines. */
  private static void export(Context ctx, SearchService search, ObjectMapper mapper) throws IOException {
    String format = ctx.queryParam("format") == null ? "csv" : ctx.queryParam("format");
    if (!format.equals("csv") && !format.equals("jsonl")) {
      throw ApiException.badParameter("format", "unknown_value", "'format' must be csv or jsonl");
    }
    SearchParams p = params(ctx, search);
    ctx.contentType(format.equals("csv") ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8");
    ctx.header("Content-Disposition", "attachment; filename=\"articles." + format + "\"");
    Writer out = new BufferedWriter(new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8));
    ObjectMapper plain = io.akhbar.core.ElasticsearchConnection.objectMapper();
    if (format.equals("csv")) {
      out.write('\uFEFF');
      CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder()
          .setHeader("id", "published_at", "title", "source", "url", "language", "provinces", "districts", "actors", "body")
          .get());
      search.export(p, a -> printRow(csv, a));
      csv.flush();
    } else {
      search.export(p, a -> {
        try {
          out.write(plain.writeValueAsString(a));
          out.write('\n');
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
    out.flush();
  }

  private static void printRow(CSVPrinter csv, Article a) {
    try {
      csv.printRecord(a.id(), a.publishedAt(), a.title(), a.source(), a.url(), a.language(),
          String.join("|", a.provinces()), String.join("|", a.districts()), String.join("|", a.actors()), a.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
