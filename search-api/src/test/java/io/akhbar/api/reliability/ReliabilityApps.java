package io.akhbar.api.reliability;

import io.akhbar.api.HealthService;
import io.akhbar.api.SearchApp;
import io.akhbar.api.SearchParams;
import io.akhbar.api.SearchService;
import io.akhbar.core.ElasticsearchConnection;
import io.akhbar.core.IndexDefinition;
import io.akhbar.core.IndexManager;
import io.akhbar.gazetteer.Gazetteer;
import io.akhbar.gazetteer.Tagger;
import io.javalin.Javalin;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The search app assembled as {@code SearchApiMain} and {@code SeededApp} assemble it, over any connection (e.g. one
 * through a {@code CuttableProxy}). The gazetteer-backed id checker ({@code Names}) is package-private in
 * {@code io.akhbar.api}, so it is taken from an app built the ordinary way.
 */
final class ReliabilityApps {

  private ReliabilityApps() {}

  /** A started app (loopback, free port) over {@code es}, searching {@code alias}, with the given service's names. */
  static Javalin start(ElasticsearchConnection es, String alias, Gazetteer gazetteer, SearchParams.KnownIds names) {
    SearchService search = searchService(es, alias, gazetteer, names);
    IndexManager indices = new IndexManager(es.client(), alias, IndexDefinition.forGazetteer(gazetteer));
    return SearchApp.create(search, new HealthService(es, indices)).start("127.0.0.1", 0);
  }

  /** {@code new SearchService(client, alias, names, tagger)}; the constructor is public, its Names type is not. */
  static SearchService searchService(ElasticsearchConnection es, String alias, Gazetteer gazetteer, SearchParams.KnownIds names) {
    try {
      for (Constructor<?> c : SearchService.class.getConstructors()) {
        if (c.getParameterCount() == 4 && c.getParameterTypes()[2].isInstance(names)) {
          return (SearchService) c.newInstance(es.client(), alias, names, new Tagger(gazetteer));
        }
      }
      throw new IllegalStateException("SearchService has no (client, alias, names, tagger) constructor");
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  static final HttpClient HTTP = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5))
      .build();

  /** GET http://127.0.0.1:port + pathAndQuery (already encoded), bounded by {@code timeout}. */
  static HttpResponse<String> get(Javalin app, String pathAndQuery, Duration timeout) {
    try {
      return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + pathAndQuery)).timeout(timeout).build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
