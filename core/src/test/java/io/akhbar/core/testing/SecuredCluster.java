package io.akhbar.core.testing;

import java.nio.file.Path;

/**
 * A cluster with TLS and passwords on, the default of Elasticsearch 8 and 9: the official image with its security
 * auto-configuration through Testcontainers when a Docker engine answers, else {@link SecuredProxy} (TLS and
 * authentication in front of the embedded node). The same tests run against either.
 *
 * @param url {@code https://localhost:PORT}
 * @param caPem the cluster's CA as a PEM file
 * @param fingerprint the CA certificate's SHA-256, lowercase hex
 * @param apiKey an API key the cluster accepts (the base64 {@code id:key} Elasticsearch calls "encoded")
 */
public record SecuredCluster(String url, int port, Path caPem, String fingerprint, String user, String password,
    String apiKey, Runnable stop) implements AutoCloseable {

  public static SecuredCluster start(Path dir) throws Exception {
    if (RealElasticsearch.dockerAnswers()) {
      return SecuredContainer.start(dir);
    }
    return SecuredProxy.start(dir, RealElasticsearch.connection().host()).cluster();
  }

  @Override
  public void close() {
    stop.run();
  }
}
