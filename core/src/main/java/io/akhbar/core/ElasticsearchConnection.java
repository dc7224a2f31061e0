package io.akhbar.core;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.apache.http.Header;
import org.apache.http.HttpHeaders;
import org.apache.http.HttpHost;
import org.apache.http.HttpResponseInterceptor;
import org.apache.http.message.BasicHeader;
import org.elasticsearch.client.RestClient;
import org.elasticsearch.client.RestClientBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that builds an Elasticsearch client: to a configured cluster ({@code ES_URL}) as it is, or to the
 * embedded 7.10.2 node with the two shims the 8.19 client needs from a 7.x node and that only this connection gets.
 */
public final class ElasticsearchConnection implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ElasticsearchConnection.class);
  static final int CONNECT_TIMEOUT_MS = 2_000;
  static final int SOCKET_TIMEOUT_MS = 30_000;

  private final RestClient restClient;
  private final ElasticsearchClient client;
  private final String engine;
  private final Optional<EmbeddedEngine> embedded;
  private final java.util.function.Function<HttpHost[], RestClientBuilder> builderFor;

  private ElasticsearchConnection(java.util.function.Function<HttpHost[], RestClientBuilder> builderFor, HttpHost[] hosts,
      String engine, Optional<EmbeddedEngine> embedded) {
    this.builderFor = builderFor;
    RestClient restClient = builderFor.apply(hosts).build();
    this.restClient = restClient;
    this.client = new ElasticsearchClient(new RestClientTransport(restClient, new JacksonJsonpMapper(objectMapper())));
    this.engine = engine;
    this.embedded = embedded;
  }

  /** {@code ES_URL} if set, else a freshly started embedded node. */
  public static ElasticsearchConnection open(Config config) {
    if (config.esUrl().isPresent()) {
      return external(config);
    }
    return embedded(EmbeddedEngine.start(config.engineHome(), config.dataDir(), config.engineHeap()));
  }

  /** {@code ES_URL} with its credentials and CA. */
  public static ElasticsearchConnection external(Config config) {
    return external(config.esUrl().orElseThrow(), config.esUsername(), config.esPassword(), config.esApiKey(),
        tls(config.esCaCert(), config.esCaFingerprint()));
  }

  /** A configured cluster without a CA of its own (plain http, or https with a certificate the JVM trusts). */
  public static ElasticsearchConnection external(
      String url, Optional<String> username, Optional<String> password, Optional<String> apiKey) {
    return external(url, username, password, apiKey, Optional.empty());
  }

  /**
   * The TLS context for a cluster whose CA is given as a PEM file or as the SHA-256 fingerprint Elasticsearch prints
   * on first start (elasticsearch-java's own helpers); empty: the JVM's trusted CAs.
   */
  static Optional<javax.net.ssl.SSLContext> tls(Optional<java.nio.file.Path> caCert, Optional<String> fingerprint) {
    if (caCert.isPresent()) {
      try {
        return Optional.of(co.elastic.clients.transport.TransportUtils.sslContextFromHttpCaCrt(caCert.get().toFile()));
      } catch (IOException | RuntimeException e) {
        throw new Config.ConfigException("ES_CA_CERT", caCert.get().toString(),
            "a PEM certificate file (" + e.getMessage() + ")");
      }
    }
    return fingerprint.map(co.elastic.clients.transport.TransportUtils::sslContextFromCaFingerprint);
  }

  /** A configured cluster: plain elasticsearch-java, no compatibility shims. */
  public static ElasticsearchConnection external(String url, Optional<String> username, Optional<String> password,
      Optional<String> apiKey, Optional<javax.net.ssl.SSLContext> tls) {
    HttpHost host;
    try {
      host = HttpHost.create(url);
    } catch (IllegalArgumentException e) {
      throw new Config.ConfigException("ES_URL", url, "a URL such as http://localhost:9200");
    }
    Header[] auth;
    if (apiKey.isPresent()) {
      auth = new Header[] {new BasicHeader(HttpHeaders.AUTHORIZATION, "ApiKey " + apiKey.get())};
    } else if (username.isPresent()) {
      String token = Base64.getEncoder().encodeToString(
          (username.get() + ":" + password.orElse("")).getBytes(java.nio.charset.StandardCharsets.UTF_8));
      auth = new Header[] {new BasicHeader(HttpHeaders.AUTHORIZATION, "Basic " + token)};
    } else {
      auth = new Header[0];
    }
    if (tls.isPresent() && !"https".equals(host.getSchemeName())) {
      throw new Config.ConfigException("ES_URL", url, "an https:// URL when ES_CA_CERT or ES_CA_FINGERPRINT is set");
    }
    log.info("Using the Elasticsearch cluster at {}{}", url, tls.isPresent() ? " (TLS with the configured CA)" : "");
    return new ElasticsearchConnection(
        h -> {
          RestClientBuilder b = RestClient.builder(h).setRequestConfigCallback(timeouts()).setDefaultHeaders(auth);
          tls.ifPresent(ssl -> b.setHttpClientConfigCallback(http -> http.setSSLContext(ssl)));
          return b;
        },
        new HttpHost[] {host}, "Elasticsearch at " + url, Optional.empty());
  }

  /**
   * The embedded 7.10.2 node. elasticsearch-java 8.19 sends {@code compatible-with=8} media types, which 7.10
   * refuses, and refuses a response without {@code X-Elastic-Product}, which 7.10 does not send.
   */
  public static ElasticsearchConnection embedded(EmbeddedEngine engine) {
    HttpHost[] hosts = engine.ports().stream().map(p -> new HttpHost("127.0.0.1", p, "http")).toArray(HttpHost[]::new);
    return new ElasticsearchConnection(ElasticsearchConnection::embeddedBuilder, hosts,
        "embedded Elasticsearch " + engine.version() + (hosts.length > 1 ? " (" + hosts.length + " nodes)" : ""),
        Optional.of(engine));
  }

  private static RestClientBuilder embeddedBuilder(HttpHost... hosts) {
    return RestClient.builder(hosts)
        .setRequestConfigCallback(timeouts())
        .setDefaultHeaders(new Header[] {
            new BasicHeader(HttpHeaders.CONTENT_TYPE, "application/json"),
            new BasicHeader(HttpHeaders.ACCEPT, "application/json")})
        .setHttpClientConfigCallback(http -> http.addInterceptorLast((HttpResponseInterceptor) (response, context) -> {
          if (!response.containsHeader("X-Elastic-Product")) {
            response.addHeader("X-Elastic-Product", "Elasticsearch");
          }
        }));
  }

  /**
   * The same kind of connection (headers, credentials, shims) to another address, e.g. a test proxy in front of the
   * node. The returned connection does not own the embedded node: closing it leaves the node running.
   */
  public ElasticsearchConnection via(String hostname, int port) {
    return new ElasticsearchConnection(builderFor, new HttpHost[] {new HttpHost(hostname, port, "http")},
        engine + " via " + hostname + ":" + port, Optional.empty());
  }

  /** The nodes this connection talks to again, e.g. after a restarted node came back on a new port. */
  public void setHosts(List<HttpHost> hosts) {
    restClient.setNodes(hosts.stream().map(org.elasticsearch.client.Node::new).toList());
  }

  /** Host and port of the node this connection talks to. */
  public HttpHost host() {
    return restClient.getNodes().get(0).getHost();
  }

  private static RestClientBuilder.RequestConfigCallback timeouts() {
    return request -> request.setConnectTimeout(CONNECT_TIMEOUT_MS).setSocketTimeout(SOCKET_TIMEOUT_MS);
  }

  public static ObjectMapper objectMapper() {
    return new ObjectMapper()
        .registerModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
  }

  public ElasticsearchClient client() {
    return client;
  }

  /** The low-level client, for the few calls the typed client cannot express on every engine version. */
  public RestClient restClient() {
    return restClient;
  }

  /** "embedded Elasticsearch 7.10.2" or "Elasticsearch at http://…". */
  public String engine() {
    return engine;
  }

  public Optional<EmbeddedEngine> embeddedEngine() {
    return embedded;
  }

  /**
   * The server's version, or one line that says what to fix: an untrusted certificate, refused credentials, http
   * against https, nothing listening. Called once at start by every entry point.
   */
  public String checkReachable() {
    try {
      return serverVersion();
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException(ConnectionProblem.explain(engine, e));
    }
  }

  /** The server's version number, asked of the server. */
  public String serverVersion() throws IOException {
    return client.info().version().number();
  }

  @Override
  public void close() {
    try {
      restClient.close();
    } catch (IOException e) {
      log.warn("Closing the Elasticsearch client: {}", e.toString());
    }
    embedded.ifPresent(EmbeddedEngine::close);
  }
}
