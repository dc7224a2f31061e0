package io.akhbar.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConfigTest {

  @Test
  void defaultsAreTheDocumentedOnes() {
    Config c = Config.fromEnv(Map.of());
    assertEquals(Optional.empty(), c.esUrl());
    assertEquals(Path.of("data"), c.dataDir());
    assertEquals(7070, c.port());
    assertEquals("articles", c.indexAlias());
    assertEquals("1g", c.engineHeap());
    assertEquals(1, c.indexShards());
    assertEquals(0, c.indexReplicas());
    assertEquals(Optional.empty(), c.esCaCert());
    assertEquals(Optional.empty(), c.esCaFingerprint());
  }

  @Test
  void aFingerprintIsReadWithOrWithoutTheColonsElasticsearchPrints() {
    String hex = "0a".repeat(32);
    String printed = "0A:".repeat(31) + "0A";
    assertEquals(Optional.of(hex), Config.fromEnv(Map.of("ES_CA_FINGERPRINT", printed)).esCaFingerprint());
    assertEquals(Optional.of(hex), Config.fromEnv(Map.of("ES_CA_FINGERPRINT", hex)).esCaFingerprint());
  }

  @Test
  void blankVariablesCountAsUnset() {
    assertEquals(Optional.empty(), Config.fromEnv(Map.of("ES_URL", "  ")).esUrl());
  }

  @Test
  void aBadValueNamesItsVariable() {
    for (Map<String, String> env : java.util.List.of(Map.of("PORT", "seventy"), Map.of("PORT", "70000"),
        Map.of("INDEX_ALIAS", "Articles!"), Map.of("ENGINE_HEAP", "lots"), Map.of("INDEX_SHARDS", "0"),
        Map.of("INDEX_REPLICAS", "many"), Map.of("ES_CA_CERT", "/no/such/ca.crt"),
        Map.of("ES_CA_FINGERPRINT", "not-hex"), Map.of("ES_CA_FINGERPRINT", "ab:cd"))) {
      Config.ConfigException e = assertThrows(Config.ConfigException.class, () -> Config.fromEnv(env));
      assertTrue(e.getMessage().startsWith(env.keySet().iterator().next() + "="), e.getMessage());
    }
  }
}
