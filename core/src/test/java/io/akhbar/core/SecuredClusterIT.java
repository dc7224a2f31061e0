package io.akhbar.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.akhbar.core.testing.SecuredCluster;
import io.akhbar.core.testing.SecuredProxy;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ES_URL=https://…} with the cluster's CA (a PEM file or its fingerprint) and a password or an API key, as a
 * default Elasticsearch 8/9 node wants; and every way of getting it wrong is one line that says what to fix.
 */
class SecuredClusterIT {

  @TempDir static Path dir;
  static SecuredCluster secured;

  @BeforeAll
  static void start() throws Exception {
    secured = SecuredCluster.start(dir);
  }

  @AfterAll
  static void stop() {
    secured.close();
  }

  static ElasticsearchConnection connect(Map<String, String> env) {
    Map<String, String> all = new HashMap<>(env);
    all.putIfAbsent("ES_URL", secured.url());
    return ElasticsearchConnection.external(Config.fromEnv(all));
  }

  static String failure(Map<String, String> env) {
    try (ElasticsearchConnection es = connect(env)) {
      IllegalStateException e = assertThrows(IllegalStateException.class, es::checkReachable);
      assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
      assertFalse(e.getMessage().contains(secured.password()), "no secret in the message");
      return e.getMessage();
    }
  }

  @Test
  void aCaCertificateAndAPasswordReachTheClusterOverTls() throws Exception {
    try (ElasticsearchConnection es = connect(Map.of("ES_CA_CERT", secured.caPem().toString(),
        "ES_USERNAME", secured.user(), "ES_PASSWORD", secured.password()))) {
      assertTrue(es.checkReachable().matches("\\d+\\.\\d+\\.\\d+"), "the server's version");
      String index = "it-secured";
      es.client().indices().create(c -> c.index(index));
      es.client().index(i -> i.index(index).id("1").document(Map.of("title", "خبر عبر TLS")).refresh(
          co.elastic.clients.elasticsearch._types.Refresh.True));
      assertEquals(1, es.client().count(c -> c.index(index)).count(), "a write and a read over TLS");
      es.client().indices().delete(d -> d.index(index));
    }
  }

  @Test
  void theCaFingerprintElasticsearchPrintsAndAnApiKeyReachTheClusterToo() {
    String printed = secured.fingerprint().toUpperCase().replaceAll("(..)(?!$)", "$1:"); // as Elasticsearch prints it
    try (ElasticsearchConnection es = connect(Map.of("ES_CA_FINGERPRINT", printed, "ES_API_KEY", secured.apiKey()))) {
      assertTrue(es.checkReachable().matches("\\d+\\.\\d+\\.\\d+"), "the server's version");
    }
  }

  @Test
  void aWrongCaIsAClearOneLineError() throws Exception {
    String message = failure(Map.of("ES_CA_CERT", SecuredProxy.unrelatedCa(dir).toString(),
        "ES_USERNAME", secured.user(), "ES_PASSWORD", secured.password()));
    assertTrue(message.contains("not trusted") && message.contains("ES_CA_CERT"), message);
  }

  @Test
  void noCaForASelfSignedClusterIsAClearOneLineError() {
    String message = failure(Map.of("ES_USERNAME", secured.user(), "ES_PASSWORD", secured.password()));
    assertTrue(message.contains("not trusted") && message.contains("ES_CA_FINGERPRINT"), message);
  }

  @Test
  void aWrongFingerprintIsAClearOneLineError() {
    String message = failure(Map.of("ES_CA_FINGERPRINT", "ab".repeat(32), "ES_API_KEY", secured.apiKey()));
    assertTrue(message.contains("not trusted"), message);
  }

  @Test
  void aWrongPasswordOrARevokedKeyIsAClearOneLineError() {
    String password = failure(Map.of("ES_CA_CERT", secured.caPem().toString(), "ES_USERNAME", secured.user(),
        "ES_PASSWORD", "wrong-password"));
    assertTrue(password.contains("401") && password.contains("ES_USERNAME/ES_PASSWORD"), password);
    String key = failure(Map.of("ES_CA_CERT", secured.caPem().toString(), "ES_API_KEY", "cmV2b2tlZDprZXk="));
    assertTrue(key.contains("401") && key.contains("ES_API_KEY"), key);
  }

  @Test
  void plainHttpAgainstATlsClusterSaysToUseHttps() {
    String message = failure(Map.of("ES_URL", "http://localhost:" + secured.port(), "ES_USERNAME", secured.user(),
        "ES_PASSWORD", secured.password()));
    assertTrue(message.contains("https://"), message);
  }

  @Test
  void aCaWithAPlainHttpUrlIsRefusedAtStart() {
    Config.ConfigException e = assertThrows(Config.ConfigException.class, () -> connect(Map.of(
        "ES_URL", "http://localhost:9200", "ES_CA_CERT", secured.caPem().toString())));
    assertTrue(e.getMessage().startsWith("ES_URL="), e.getMessage());
  }
}
