package io.akhbar.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.akhbar.core.testing.RealElasticsearch;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docker-compose.yml cannot be run on machines without a Docker engine; this keeps it valid and wired. */
class DockerComposeTest {

  static JsonNode compose() throws Exception {
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      if (Files.exists(d.resolve("docker-compose.yml"))) {
        return new ObjectMapper(new YAMLFactory()).readTree(d.resolve("docker-compose.yml").toFile());
      }
    }
    throw new IllegalStateException("docker-compose.yml not found");
  }

  @Test
  void theStackRunsTheOfficialImageWithLimitsAVolumeAndAHealthcheck() throws Exception {
    JsonNode es = compose().at("/services/elasticsearch");
    assertEquals(RealElasticsearch.IMAGE, es.get("image").asText(), "the same image the tests use");
    assertTrue(es.has("mem_limit"));
    assertTrue(es.at("/healthcheck/test").isArray());
    assertEquals("es-data:/usr/share/elasticsearch/data", es.at("/volumes/0").asText());
    assertTrue(compose().at("/volumes").has("es-data"));
    assertEquals("single-node", es.at("/environment/discovery.type").asText());
  }

  @Test
  void theApiAndTheOneShotIndexerAreWiredToElasticsearchWithEsUrl() throws Exception {
    for (String service : new String[] {"search-api", "indexer"}) {
      JsonNode s = compose().at("/services/" + service);
      assertEquals("http://elasticsearch:9200", s.at("/environment/ES_URL").asText(), service);
      assertEquals("service_healthy", s.at("/depends_on/elasticsearch/condition").asText(), service);
    }
    assertEquals("no", compose().at("/services/indexer/restart").asText());
  }
}
