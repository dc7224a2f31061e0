package io.akhbar.core.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.apache.http.HttpHost;

/**
 * A stand-in for a secured Elasticsearch 8/9 node on a machine with neither Docker nor the licensed distribution:
 * TLS with its own self-signed CA (made by the JDK's {@code keytool}), Basic and ApiKey authentication answered with
 * Elasticsearch's 401 body, and every authenticated request passed to the real node behind it (with the JSON media
 * types a 7.10 node accepts and the product header the 8.19 client expects).
 */
public final class SecuredProxy {

  public static final String USER = "elastic";
  public static final String PASSWORD = "s3cret-Pass";
  public static final String API_KEY = "a2V5LWlkOmtleS1zZWNyZXQ=";

  private final HttpsServer server;
  private final Path caPem;
  private final String fingerprint;
  private final HttpClient http = HttpClient.newHttpClient();
  private final HttpHost node;

  private SecuredProxy(HttpsServer server, Path caPem, String fingerprint, HttpHost node) {
    this.server = server;
    this.caPem = caPem;
    this.fingerprint = fingerprint;
    this.node = node;
  }

  /** Starts on a free port of 127.0.0.1 in front of {@code node}; the CA and keys live in {@code dir}. */
  public static SecuredProxy start(Path dir, HttpHost node) throws Exception {
    Path keystore = dir.resolve("node.p12");
    Path pem = dir.resolve("ca.crt");
    keytool(dir, "-genkeypair", "-alias", "node", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
        "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-keystore", keystore.toString(),
        "-storetype", "PKCS12", "-storepass", "changeit", "-keypass", "changeit");
    keytool(dir, "-exportcert", "-rfc", "-alias", "node", "-keystore", keystore.toString(), "-storepass", "changeit",
        "-file", pem.toString());
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keystore)) {
      ks.load(in, "changeit".toCharArray());
    }
    Certificate cert = ks.getCertificate("node");
    String fingerprint = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(cert.getEncoded()));
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(ks, "changeit".toCharArray());
    SSLContext ssl = SSLContext.getInstance("TLS");
    ssl.init(kmf.getKeyManagers(), null, null);
    HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(ssl));
    SecuredProxy proxy = new SecuredProxy(server, pem, fingerprint, node);
    server.createContext("/", proxy::handle);
    server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
    server.start();
    return proxy;
  }

  /** Another self-signed CA, of no cluster: what a wrong ES_CA_CERT is. */
  public static Path unrelatedCa(Path dir) throws Exception {
    Path keystore = dir.resolve("other.p12");
    Path pem = dir.resolve("other-ca.crt");
    keytool(dir, "-genkeypair", "-alias", "other", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
        "-dname", "CN=other", "-keystore", keystore.toString(), "-storetype", "PKCS12", "-storepass", "changeit",
        "-keypass", "changeit");
    keytool(dir, "-exportcert", "-rfc", "-alias", "other", "-keystore", keystore.toString(), "-storepass", "changeit",
        "-file", pem.toString());
    return pem;
  }

  private static void keytool(Path dir, String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IllegalStateException("keytool failed: " + out);
    }
  }

  /** What the tests connect to: this proxy's address, CA, credentials. */
  public SecuredCluster cluster() {
    int port = server.getAddress().getPort();
    return new SecuredCluster("https://localhost:" + port, port, caPem, fingerprint, USER, PASSWORD, API_KEY,
        () -> server.stop(0));
  }

  private static final Set<String> HOP = Set.of("connection", "content-length", "host", "content-type", "accept",
      "authorization", "expect", "upgrade", "transfer-encoding");

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String auth = exchange.getRequestHeaders().getFirst("Authorization");
      String basic = "Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
      if (!basic.equals(auth) && !("ApiKey " + API_KEY).equals(auth)) {
        byte[] body = ("{\"error\":{\"root_cause\":[{\"type\":\"security_exception\",\"reason\":\"unable to authenticate"
            + " user\"}],\"type\":\"security_exception\",\"reason\":\"unable to authenticate user\"},\"status\":401}")
            .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"security\"");
        exchange.getResponseHeaders().add("X-Elastic-Product", "Elasticsearch");
        exchange.sendResponseHeaders(401, body.length);
        exchange.getResponseBody().write(body);
        return;
      }
      byte[] in = exchange.getRequestBody().readAllBytes();
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + node.getHostName() + ":" + node.getPort()
          + exchange.getRequestURI().getRawPath()
          + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery())))
          .method(exchange.getRequestMethod(), in.length == 0 ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofByteArray(in))
          .header("Content-Type", "application/json")
          .header("Accept", "application/json");
      exchange.getRequestHeaders().forEach((name, values) -> {
        if (!HOP.contains(name.toLowerCase(java.util.Locale.ROOT))) {
          values.forEach(v -> request.header(name, v));
        }
      });
      HttpResponse<byte[]> response;
      try {
        response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException(e);
      }
      response.headers().firstValue("Content-Type").ifPresent(v -> exchange.getResponseHeaders().add("Content-Type", v));
      exchange.getResponseHeaders().add("X-Elastic-Product", "Elasticsearch");
      byte[] body = response.body();
      boolean head = exchange.getRequestMethod().equals("HEAD");
      exchange.sendResponseHeaders(response.statusCode(), head || body.length == 0 ? -1 : body.length);
      if (!head && body.length > 0) {
        exchange.getResponseBody().write(body);
      }
    }
  }
}
