package io.akhbar.core.testing;

import io.akhbar.core.ElasticsearchConnection;
import io.akhbar.core.EmbeddedEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.elasticsearch.ElasticsearchContainer;

/**
 * Gives integration tests a connection to a real Elasticsearch node, the same one for the whole test JVM:
 * <ol>
 *   <li>{@code ES_URL} (with {@code ES_USERNAME}/{@code ES_PASSWORD} or {@code ES_API_KEY}) if set;
 *   <li>else the official {@code elasticsearch:8.19} image through Testcontainers when a Docker engine answers;
 *   <li>else the embedded 7.10.2 node, as a child JVM with a temporary data folder.
 * </ol>
 * Use with {@code @ExtendWith(RealElasticsearch.class)} and a constructor or method parameter of type
 * {@link ElasticsearchConnection}. There is no mocked Elasticsearch anywhere in this project.
 */
public final class RealElasticsearch implements ParameterResolver {

  private static final Logger log = LoggerFactory.getLogger(RealElasticsearch.class);
  public static final String IMAGE = "docker.elastic.co/elasticsearch/elasticsearch:8.19.7";

  private static ElasticsearchConnection shared;

  /** The JVM-wide connection, started on first use and closed when the JVM exits. */
  public static synchronized ElasticsearchConnection connection() {
    if (shared == null) {
      shared = start();
      Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "close-test-elasticsearch"));
    }
    return shared;
  }

  private static ElasticsearchConnection start() {
    Optional<String> url = env("ES_URL");
    if (url.isPresent()) {
      log.info("Integration tests use ES_URL={}", url.get());
      return ElasticsearchConnection.external(io.akhbar.core.Config.fromEnv());
    }
    if (dockerAnswers()) {
      log.info("Integration tests use {} through Testcontainers", IMAGE);
      ElasticsearchContainer container = new ElasticsearchContainer(IMAGE)
          .withEnv("xpack.security.enabled", "false")
          .withEnv("discovery.type", "single-node")
          .withEnv("ES_JAVA_OPTS", "-Xms1g -Xmx1g");
      container.start();
      Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "stop-elasticsearch-container"));
      return ElasticsearchConnection.external(
          "http://" + container.getHttpHostAddress(), Optional.empty(), Optional.empty(), Optional.empty());
    }
    try {
      Path data = Files.createTempDirectory("akhbar-test-engine");
      log.info("Integration tests use the embedded Elasticsearch node (no ES_URL, no Docker engine)");
      return ElasticsearchConnection.embedded(EmbeddedEngine.start(Optional.empty(), data, "1g"));
    } catch (IOException e) {
      throw new IllegalStateException("Cannot create a data folder for the embedded node", e);
    }
  }

  static boolean dockerAnswers() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }

  private static Optional<String> env(String name) {
    return Optional.ofNullable(System.getenv(name)).filter(v -> !v.isBlank());
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == ElasticsearchConnection.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return connection();
  }
}
