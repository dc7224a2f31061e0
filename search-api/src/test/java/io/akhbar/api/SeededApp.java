package io.akhbar.api;

import io.akhbar.core.ElasticsearchConnection;
import io.akhbar.core.IndexDefinition;
import io.akhbar.core.IndexManager;
import io.akhbar.core.testing.RealElasticsearch;
import io.akhbar.gazetteer.Gazetteer;
import io.akhbar.gazetteer.Tagger;
import io.akhbar.indexer.ArticleFactory;
import io.akhbar.indexer.BulkWriter;
import io.akhbar.indexer.IndexSummary;
import io.akhbar.indexer.Indexer;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The real service over a real node with the five seed articles indexed into an alias of its own, started on a free
 * port: what the API and browser tests talk to. One per test class ({@code @BeforeAll}), closed after it.
 */
public final class SeededApp implements AutoCloseable {

  public static final Gazetteer GAZETTEER = Gazetteer.fromClasspath();

  public final ElasticsearchConnection es;
  public final String alias;
  public final IndexManager indices;
  public final SearchService search;
  public final Javalin app;
  public final IndexSummary seeded;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private SeededApp(String alias, List<Path> inputs) throws IOException {
    this(alias, inputs, null, SearchApp.Admin.NONE, List.of());
  }

  /** {@code access} null: the open API ({@code AUTH=off}); else built on this app's node and alias. */
  private SeededApp(String alias, List<Path> inputs, java.util.function.Function<SeededApp, Access> access,
      SearchApp.Admin admin, List<String> corsOrigins) throws IOException {
    this.es = RealElasticsearch.connection();
    this.alias = alias;
    this.indices = new IndexManager(es.client(), alias, IndexDefinition.forGazetteer(GAZETTEER));
    indices.deleteAll();
    indices.ensureIndex();
    Tagger tagger = new Tagger(GAZETTEER);
    Indexer indexer = new Indexer(es, alias, new ArticleFactory(tagger, Clock.systemUTC()), BulkWriter.Options.defaults());
    this.seeded = indexer.run(inputs, Files.createTempFile("dead-letter", ".jsonl"));
    this.search = new SearchService(es.client(), alias, new Names(GAZETTEER), new NameBoosts(GAZETTEER));
    this.app = SearchApp.create(search, new HealthService(es, indices), access == null ? Access.off() : access.apply(this),
        admin, corsOrigins).start("127.0.0.1", 0);
  }

  /** The seeds of {@code seeds/} (the project's five real articles). */
  public static SeededApp withSeeds(String alias) throws IOException {
    return new SeededApp(alias, List.of(seeds()));
  }

  /** The seeds behind API keys ({@code AUTH=keys}), with these admin actions and CORS origins. */
  public static SeededApp withKeys(String alias, java.util.function.Function<SeededApp, Access> access,
      SearchApp.Admin admin, List<String> corsOrigins) throws IOException {
    return new SeededApp(alias, List.of(seeds()), access, admin, corsOrigins);
  }

  public static SeededApp with(String alias, List<Path> inputs) throws IOException {
    return new SeededApp(alias, inputs);
  }

  /** Hand-written articles ({@link #feedLine}s), written to a JSON Lines feed of their own and indexed. */
  public static SeededApp withFeed(String alias, List<String> feedLines) throws IOException {
    Path feed = java.nio.file.Files.createTempFile(alias, ".jsonl");
    java.nio.file.Files.writeString(feed, String.join("\n", feedLines), java.nio.charset.StandardCharsets.UTF_8);
    return new SeededApp(alias, List.of(feed));
  }

  public static Path seeds() {
    return io.akhbar.core.testing.ProjectFiles.find("seeds");
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + app.port();
  }

  /** GET a path (already URL-encoded), returning status and body. */
  public HttpResponse<String> get(String pathAndQuery) {
    return send(HttpRequest.newBuilder(URI.create(baseUrl() + pathAndQuery)).timeout(Duration.ofSeconds(30)).build());
  }

  /**
   * The ids of every article a search finds (each copy on its own), asserting the search answered 200: for the
   * quality tests over hand-written feeds.
   */
  public java.util.SortedSet<String> hitIds(String q) {
    HttpResponse<String> r = get("/api/search?size=50&collapse=false&q="
        + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8));
    if (r.statusCode() != 200) {
      throw new AssertionError(q + ": " + r.statusCode() + " " + r.body());
    }
    java.util.SortedSet<String> ids = new java.util.TreeSet<>();
    try {
      new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body()).path("hits")
          .forEach(h -> ids.add(h.path("id").asText()));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return ids;
  }

  /** One line of a JSON Lines feed (id, title, body), for hand-written test articles. */
  public static String feedLine(String id, String title, String body) {
    com.fasterxml.jackson.databind.node.ObjectNode o = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
    return o.put("id", id).put("title", title).put("body", body).toString();
  }

  /** Any request, e.g. with headers or another method. */
  public HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() throws IOException {
    app.stop();
    indices.deleteAll();
  }
}
