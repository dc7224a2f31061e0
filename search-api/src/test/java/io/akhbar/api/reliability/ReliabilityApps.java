package io.akhbar.api.reliability;

import io.akhbar.api.HealthService;
import io.akhbar.api.SearchApp;
import io.akhbar.api.SearchService;
import io.akhbar.core.ElasticsearchConnection;
import io.akhbar.core.IndexDefinition;
import io.akhbar.core.IndexManager;
import io.akhbar.gazetteer.Gazetteer;
import io.javalin.Javalin;
import java.io.IOException;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The search app assembled as {@code SearchApiMain} and {@code SeededApp} assemble it, over any connection (e.g. one
 * through a {@code CuttableProxy}). Some of what {@code SearchService} is built from is package-private in
 * {@code io.akhbar.api}, so it is taken from a service built the ordinary way.
 */
final class ReliabilityApps {

  private ReliabilityApps() {}

  /**
   * A started app (loopback, free port) over {@code es}, searching {@code alias}: the template's service (built the
   * ordinary way, e.g. by {@code SeededApp}) rebound to this connection.
   */
  static Javalin start(ElasticsearchConnection es, String alias, Gazetteer gazetteer, SearchService template) {
    SearchService search = rebind(template, es.client(), alias);
    IndexManager indices = new IndexManager(es.client(), alias, IndexDefinition.forGazetteer(gazetteer));
    return SearchApp.create(search, new HealthService(es, indices)).start("127.0.0.1", 0);
  }

  /**
   * The same service over another client: its public constructor called with that client and alias, and every other
   * argument (the gazetteer-backed helpers, some of them package-private types) taken from the template's fields.
   */
  static SearchService rebind(SearchService template, ElasticsearchClient client, String alias) {
    try {
      for (Constructor<?> c : SearchService.class.getConstructors()) {
        Object[] args = new Object[c.getParameterCount()];
        boolean filled = true;
        for (int i = 0; i < args.length && filled; i++) {
          Class<?> type = c.getParameterTypes()[i];
          if (type == ElasticsearchClient.class) {
            args[i] = client;
          } else if (type == String.class) {
            args[i] = alias;
          } else {
            args[i] = fieldOfType(template, type);
            filled = args[i] != null;
          }
        }
        if (filled) {
          return (SearchService) c.newInstance(args);
        }
      }
      throw new IllegalStateException("no SearchService constructor can be filled from a template's fields");
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Object fieldOfType(Object template, Class<?> type) throws IllegalAccessException {
    for (Field f : template.getClass().getDeclaredFields()) {
      if (!Modifier.isStatic(f.getModifiers()) && type.isAssignableFrom(f.getType())) {
        f.setAccessible(true);
        return f.get(template);
      }
    }
    return null;
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

  /** A status and a body, from either client. */
  record Answer(int status, String body) {}

  /**
   * GET over a plain socket, for request lines {@link java.net.URI} refuses to build (malformed percent-encoding):
   * what a hand-written client or a scanner sends.
   */
  static Answer rawGet(Javalin app, String pathAndQuery, Duration timeout) {
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", app.port())) {
      socket.setSoTimeout((int) timeout.toMillis());
      socket.getOutputStream().write(("GET " + pathAndQuery + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
          .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      byte[] all = socket.getInputStream().readAllBytes();
      String text = new String(all, java.nio.charset.StandardCharsets.ISO_8859_1);
      int headerEnd = text.indexOf("\r\n\r\n");
      String head = headerEnd < 0 ? text : text.substring(0, headerEnd);
      int status = Integer.parseInt(head.split(" ", 3)[1]);
      byte[] body = headerEnd < 0 ? new byte[0] : java.util.Arrays.copyOfRange(all, headerEnd + 4, all.length);
      if (head.toLowerCase(java.util.Locale.ROOT).contains("transfer-encoding: chunked")) {
        body = dechunk(body);
      }
      return new Answer(status, new String(body, java.nio.charset.StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static byte[] dechunk(byte[] chunked) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    int pos = 0;
    while (pos < chunked.length) {
      int lineEnd = pos;
      while (lineEnd + 1 < chunked.length && !(chunked[lineEnd] == '\r' && chunked[lineEnd + 1] == '\n')) {
        lineEnd++;
      }
      String sizeLine = new String(chunked, pos, lineEnd - pos, java.nio.charset.StandardCharsets.ISO_8859_1).split(";")[0].strip();
      int size = sizeLine.isEmpty() ? 0 : Integer.parseInt(sizeLine, 16);
      if (size == 0) {
        break;
      }
      out.write(chunked, lineEnd + 2, Math.min(size, chunked.length - lineEnd - 2));
      pos = lineEnd + 2 + size + 2;
    }
    return out.toByteArray();
  }
}
