package io.akhbar.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.akhbar.core.testing.ProjectFiles;
import io.akhbar.core.testing.RealElasticsearch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The compose files cannot be run on machines without a Docker engine; this keeps them valid and wired: security on
 * (TLS between nodes and to clients, passwords from .env), the setup service's certificates and least-privilege
 * users, the product's services on https with the CA, and the three-node cluster formed with shards and replicas.
 */
class DockerComposeTest {

  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  static final ObjectMapper JSON = new ObjectMapper();

  static Path root() {
    return ProjectFiles.find("docker-compose.yml").getParent();
  }

  static JsonNode compose(String file) throws Exception {
    return YAML.readTree(root().resolve(file).toFile());
  }

  static List<String> nodes(JsonNode compose) {
    List<String> nodes = new ArrayList<>();
    compose.get("services").fields().forEachRemaining(s -> {
      if (s.getValue().path("image").asText().equals(RealElasticsearch.IMAGE) && !s.getKey().equals("setup")) {
        nodes.add(s.getKey());
      }
    });
    return nodes;
  }

  @ParameterizedTest
  @ValueSource(strings = {"docker-compose.yml", "docker-compose.cluster.yml"})
  void everyNodeRunsTheOfficialImageWithSecurityAndTlsOnAndItsOwnCertificate(String file) throws Exception {
    JsonNode c = compose(file);
    assertFalse(nodes(c).isEmpty());
    for (String node : nodes(c)) {
      JsonNode env = c.at("/services/" + node + "/environment");
      assertEquals("true", env.path("xpack.security.enabled").asText(), node);
      assertEquals("true", env.path("xpack.security.http.ssl.enabled").asText(), node);
      assertEquals("true", env.path("xpack.security.transport.ssl.enabled").asText(), node);
      assertEquals("certs/" + node + "/" + node + ".crt", env.path("xpack.security.http.ssl.certificate").asText(), node);
      assertEquals("certs/ca/ca.crt", env.path("xpack.security.http.ssl.certificate_authorities").asText(), node);
      assertTrue(env.path("ELASTIC_PASSWORD").asText().startsWith("${ELASTIC_PASSWORD"), "the password comes from .env");
      assertEquals("service_healthy", c.at("/services/" + node + "/depends_on/setup/condition").asText(),
          "the certificates exist before the node starts");
      assertTrue(c.at("/services/" + node + "/healthcheck/test/1").asText().contains("https://localhost:9200"));
      assertTrue(c.at("/services/" + node).has("mem_limit"));
    }
    JsonNode setup = c.at("/services/setup");
    assertEquals(RealElasticsearch.IMAGE, setup.path("image").asText(), "the setup uses the image's own certutil");
    assertEquals(Set.copyOf(nodes(c)), Set.of(setup.at("/environment/NODES").asText().split(" ")),
        "a certificate for every node");
    assertEquals("no", setup.path("restart").asText());
  }

  @ParameterizedTest
  @ValueSource(strings = {"docker-compose.yml", "docker-compose.cluster.yml"})
  void theIndexerWritesAndTheApiOnlyReadsOverTlsWithTheClustersCa(String file) throws Exception {
    JsonNode c = compose(file);
    JsonNode indexer = c.at("/services/indexer/environment");
    JsonNode api = c.at("/services/search-api/environment");
    for (JsonNode env : List.of(indexer, api)) {
      assertTrue(env.path("ES_URL").asText().startsWith("https://"), env.toString());
      assertTrue(nodes(c).contains(env.path("ES_URL").asText().replaceAll("https://([^:]+):9200", "$1")));
      assertEquals("/certs/ca/ca.crt", env.path("ES_CA_CERT").asText());
      assertTrue(env.path("ES_PASSWORD").asText().startsWith("${AKHBAR_"), "no password in the file");
    }
    assertEquals("akhbar_indexer", indexer.path("ES_USERNAME").asText());
    assertEquals("akhbar_api", api.path("ES_USERNAME").asText());
    assertEquals("keys", api.path("AUTH").asText(), "the internal tools need keys");
    assertTrue(c.at("/services/search-api/command").toString().contains("--serve-only"), "the API never writes");
    for (String service : List.of("indexer", "search-api")) {
      assertEquals("service_completed_successfully", c.at("/services/" + service + "/depends_on/setup/condition").asText());
      assertTrue(c.at("/services/" + service + "/volumes").toString().contains("certs:/certs:ro"));
    }
    assertEquals("no", c.at("/services/indexer/restart").asText());
  }

  @Test
  void theUsersHaveLeastPrivilegeTheIndexerWritesTheAliasTheApiOnlyReadsIt() throws Exception {
    JsonNode writer = JSON.readTree(root().resolve("docker/roles/akhbar_writer.json").toFile());
    JsonNode reader = JSON.readTree(root().resolve("docker/roles/akhbar_reader.json").toFile());
    Set<String> readerPrivileges = new HashSet<>();
    reader.at("/indices/0/privileges").forEach(p -> readerPrivileges.add(p.asText()));
    assertEquals(Set.of("read", "view_index_metadata"), readerPrivileges, "the API reads, nothing else");
    assertTrue(writer.at("/indices/0/privileges").toString().contains("\"write\""));
    for (JsonNode role : List.of(writer, reader)) {
      Set<String> names = new HashSet<>();
      role.at("/indices/0/names").forEach(n -> names.add(n.asText()));
      assertEquals(Set.of("articles", "articles-v*", "articles-keys"), names, "the alias, its versions and the keys");
      assertEquals("[\"monitor\"]", role.get("cluster").toString(), "no cluster administration");
    }
    String setup = Files.readString(root().resolve("docker/setup.sh"));
    for (String expected : List.of("elasticsearch-certutil ca", "elasticsearch-certutil cert", "/_security/role/$role",
        "/_security/user/akhbar_indexer", "/_security/user/akhbar_api")) {
      assertTrue(setup.contains(expected), "setup.sh: " + expected);
    }
    assertTrue(setup.lines().anyMatch(l -> l.contains("/_security/user/akhbar_indexer") && l.contains("akhbar_writer")));
    assertTrue(setup.lines().anyMatch(l -> l.contains("/_security/user/akhbar_api") && l.contains("akhbar_reader")
        && !l.contains("akhbar_writer")), "the API's user gets the reader role alone");
  }

  @Test
  void everyPasswordTheFilesNeedIsInEnvExample() throws Exception {
    String example = Files.readString(root().resolve(".env.example"));
    Matcher m = Pattern.compile("\\$\\{([A-Z_]+)").matcher(Files.readString(root().resolve("docker-compose.yml"))
        + Files.readString(root().resolve("docker-compose.cluster.yml")));
    Set<String> used = new HashSet<>();
    while (m.find()) {
      used.add(m.group(1));
    }
    assertEquals(Set.of("ELASTIC_PASSWORD", "AKHBAR_INDEXER_PASSWORD", "AKHBAR_API_PASSWORD"), used);
    for (String v : used) {
      assertTrue(example.contains(v + "="), ".env.example defines " + v);
    }
    assertTrue(Files.readString(root().resolve(".gitignore")).lines().anyMatch(".env"::equals), ".env is never committed");
  }

  @Test
  void theClusterFileFormsThreeNodesAndIndexesOnThreeShardsWithAReplica() throws Exception {
    JsonNode c = compose("docker-compose.cluster.yml");
    assertEquals(List.of("es01", "es02", "es03"), nodes(c));
    for (String node : nodes(c)) {
      JsonNode env = c.at("/services/" + node + "/environment");
      assertEquals("es01,es02,es03", env.path("cluster.initial_master_nodes").asText());
      Set<String> seeds = new HashSet<>(List.of(env.path("discovery.seed_hosts").asText().split(",")));
      seeds.add(node);
      assertEquals(Set.of("es01", "es02", "es03"), seeds, node + " finds the two others");
      assertFalse(env.has("discovery.type"), "not single-node");
      assertTrue(c.at("/volumes").has(node + "-data"), "a data volume per node");
    }
    for (String service : List.of("indexer", "search-api")) {
      JsonNode env = c.at("/services/" + service + "/environment");
      assertEquals("3", env.path("INDEX_SHARDS").asText(), service);
      assertEquals("1", env.path("INDEX_REPLICAS").asText(), service);
    }
    JsonNode single = compose("docker-compose.yml");
    assertEquals("single-node", single.at("/services/elasticsearch/environment/discovery.type").asText());
  }
}
