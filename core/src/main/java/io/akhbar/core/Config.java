package io.akhbar.core;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the services read from the environment, with documented defaults, in one place.
 *
 * <ul>
 *   <li>{@code ES_URL}: an Elasticsearch cluster to use (e.g. {@code http://localhost:9200}); unset = start the
 *       embedded 7.10.2 node.
 *   <li>{@code ES_USERNAME} / {@code ES_PASSWORD} or {@code ES_API_KEY}: credentials for {@code ES_URL}.
 *   <li>{@code ES_CA_CERT} (a PEM file) or {@code ES_CA_FINGERPRINT} (the SHA-256 fingerprint Elasticsearch prints on
 *       first start): the CA an {@code https://} cluster's certificate must chain to; unset = the JVM's trusted CAs.
 *   <li>{@code DATA_DIR} (default {@code ./data}): where the embedded node keeps its data and where the
 *       indexer writes its dead-letter file.
 *   <li>{@code PORT} (default 7070): the search API's HTTP port.
 *   <li>{@code INDEX_ALIAS} (default {@code articles}): the alias searched and written; versions are
 *       {@code <alias>-v1}, {@code <alias>-v2}, …
 *   <li>{@code ENGINE_HOME} (default: found from the working directory): the {@code engine/} module folder
 *       whose {@code target/lib} holds the embedded node's classpath.
 *   <li>{@code ENGINE_HEAP} (default {@code 1g}): the embedded node's JVM heap.
 *   <li>{@code INDEX_SHARDS} (default 1) and {@code INDEX_REPLICAS} (default 0): of a new index version; a new shard
 *       count builds the next version, a new replica count is applied in place.
 *   <li>{@code AUTH} (default {@code off}): {@code keys} makes the JSON API ask for an API key
 *       ({@code ./indexer.sh keys create}); off suits the embedded single-user run.
 *   <li>{@code RATE_LIMIT} (default 600): requests a minute per API key when {@code AUTH=keys}; 0 = no limit.
 *   <li>{@code CORS_ORIGINS} (default unset: no cross-origin access): comma-separated origins allowed to call the API
 *       from a browser, e.g. {@code https://desk.example.org}.
 * </ul>
 */
public record Config(
    Optional<String> esUrl,
    Optional<String> esUsername,
    Optional<String> esPassword,
    Optional<String> esApiKey,
    Optional<Path> esCaCert,
    Optional<String> esCaFingerprint,
    Path dataDir,
    int port,
    String indexAlias,
    Optional<Path> engineHome,
    String engineHeap,
    int indexShards,
    int indexReplicas,
    boolean authKeys,
    int rateLimitPerMinute,
    java.util.List<String> corsOrigins) {

  public static Config fromEnv() {
    return fromEnv(System.getenv());
  }

  public static Config fromEnv(Map<String, String> env) {
    return new Config(
        nonBlank(env, "ES_URL"),
        nonBlank(env, "ES_USERNAME"),
        nonBlank(env, "ES_PASSWORD"),
        nonBlank(env, "ES_API_KEY"),
        nonBlank(env, "ES_CA_CERT").map(Config::caCert),
        nonBlank(env, "ES_CA_FINGERPRINT").map(Config::fingerprint),
        Path.of(nonBlank(env, "DATA_DIR").orElse("data")),
        port(env),
        nonBlank(env, "INDEX_ALIAS").map(Config::indexAlias).orElse("articles"),
        nonBlank(env, "ENGINE_HOME").map(Path::of),
        nonBlank(env, "ENGINE_HEAP").map(Config::heap).orElse("1g"),
        count(env, "INDEX_SHARDS", 1, 1, 64),
        count(env, "INDEX_REPLICAS", 0, 0, 10),
        auth(env),
        count(env, "RATE_LIMIT", 600, 0, 1_000_000),
        corsOrigins(env));
  }

  private static int count(Map<String, String> env, String name, int byDefault, int min, int max) {
    String raw = nonBlank(env, name).orElse(String.valueOf(byDefault));
    try {
      int n = Integer.parseInt(raw);
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ConfigException(name, raw, "a whole number from " + min + " to " + max);
  }

  public Config withPort(int newPort) {
    return new Config(esUrl, esUsername, esPassword, esApiKey, esCaCert, esCaFingerprint, dataDir, newPort, indexAlias, engineHome, engineHeap,
        indexShards, indexReplicas, authKeys, rateLimitPerMinute, corsOrigins);
  }

  public Config withIndexAlias(String alias) {
    return new Config(esUrl, esUsername, esPassword, esApiKey, esCaCert, esCaFingerprint, dataDir, port, alias, engineHome, engineHeap,
        indexShards, indexReplicas, authKeys, rateLimitPerMinute, corsOrigins);
  }

  private static Optional<String> nonBlank(Map<String, String> env, String name) {
    return Optional.ofNullable(env.get(name)).map(String::strip).filter(v -> !v.isEmpty());
  }

  private static int port(Map<String, String> env) {
    String raw = nonBlank(env, "PORT").orElse("7070");
    try {
      int port = Integer.parseInt(raw);
      if (port < 0 || port > 65535) {
        throw new ConfigException("PORT", raw, "a port number from 0 to 65535");
      }
      return port;
    } catch (NumberFormatException e) {
      throw new ConfigException("PORT", raw, "a port number from 0 to 65535");
    }
  }

  private static String indexAlias(String raw) {
    if (!raw.matches("[a-z0-9][a-z0-9_.-]*")) {
      throw new ConfigException("INDEX_ALIAS", raw, "a lowercase Elasticsearch index name");
    }
    return raw;
  }

  private static boolean auth(Map<String, String> env) {
    String raw = nonBlank(env, "AUTH").orElse("off");
    return switch (raw.toLowerCase(java.util.Locale.ROOT)) {
      case "off" -> false;
      case "keys" -> true;
      default -> throw new ConfigException("AUTH", raw, "off or keys");
    };
  }

  private static java.util.List<String> corsOrigins(Map<String, String> env) {
    java.util.List<String> origins = new java.util.ArrayList<>();
    for (String o : nonBlank(env, "CORS_ORIGINS").orElse("").split(",")) {
      String origin = o.strip();
      if (origin.isEmpty()) {
        continue;
      }
      if (!origin.matches("https?://[A-Za-z0-9.-]+(:\\d+)?")) {
        throw new ConfigException("CORS_ORIGINS", origin, "origins such as https://desk.example.org, comma-separated");
      }
      origins.add(origin);
    }
    return java.util.List.copyOf(origins);
  }

  private static Path caCert(String raw) {
    Path path = Path.of(raw);
    if (!java.nio.file.Files.isReadable(path) || java.nio.file.Files.isDirectory(path)) {
      throw new ConfigException("ES_CA_CERT", raw, "a readable PEM file (the cluster's CA, e.g. certs/ca/ca.crt)");
    }
    return path;
  }

  /** 64 hexadecimal digits, with or without the colons Elasticsearch prints them with. */
  private static String fingerprint(String raw) {
    String hex = raw.replace(":", "").toLowerCase(java.util.Locale.ROOT);
    if (!hex.matches("[0-9a-f]{64}")) {
      throw new ConfigException("ES_CA_FINGERPRINT", raw, "a SHA-256 fingerprint: 64 hexadecimal digits");
    }
    return hex;
  }

  private static String heap(String raw) {
    if (!raw.matches("\\d+[mMgG]")) {
      throw new ConfigException("ENGINE_HEAP", raw, "a JVM heap size such as 512m or 2g");
    }
    return raw;
  }

  /** A variable with a value the services cannot use; the message names the variable. */
  public static final class ConfigException extends IllegalArgumentException {
    public ConfigException(String variable, String value, String expected) {
      super(variable + "=" + value + " is not valid: expected " + expected);
    }
  }
}
