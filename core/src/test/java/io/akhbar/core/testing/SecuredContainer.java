package io.akhbar.core.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.util.Base64;
import java.util.HexFormat;
import org.testcontainers.elasticsearch.ElasticsearchContainer;

/** The official image with security on as it ships (auto-generated CA, TLS on HTTP, the elastic user's password). */
final class SecuredContainer {

  private static final String PASSWORD = "s3cret-Pass";

  private SecuredContainer() {}

  static SecuredCluster start(Path dir) throws Exception {
    ElasticsearchContainer c = new ElasticsearchContainer(RealElasticsearch.IMAGE)
        .withPassword(PASSWORD)
        .withEnv("ES_JAVA_OPTS", "-Xms512m -Xmx512m");
    c.start();
    byte[] ca = c.caCertAsBytes().orElseThrow(() -> new IllegalStateException("the image made no CA"));
    Path pem = dir.resolve("http_ca.crt");
    Files.write(pem, ca);
    var cert = CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(ca));
    String fingerprint = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(cert.getEncoded()));
    HttpClient http = HttpClient.newBuilder().sslContext(c.createSslContextFromCa()).build();
    String basic = Base64.getEncoder().encodeToString(("elastic:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> key = http.send(HttpRequest.newBuilder(URI.create("https://" + c.getHttpHostAddress() + "/_security/api_key"))
        .header("Authorization", "Basic " + basic).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"akhbar-it\"}")).build(), HttpResponse.BodyHandlers.ofString());
    if (key.statusCode() != 200) {
      throw new IllegalStateException("cannot create an API key: " + key.body());
    }
    String encoded = new ObjectMapper().readTree(key.body()).get("encoded").asText();
    int port = c.getMappedPort(9200);
    return new SecuredCluster("https://localhost:" + port, port, pem, fingerprint, "elastic", PASSWORD, encoded, c::stop);
  }
}
