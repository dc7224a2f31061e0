package io.akhbar.engine;

import static org.codelibs.elasticsearch.runner.ElasticsearchClusterRunner.newConfigs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import org.codelibs.elasticsearch.runner.ElasticsearchClusterRunner;
import org.elasticsearch.Version;
import org.elasticsearch.http.HttpServerTransport;

/**
 * Starts one real Elasticsearch 7.10.2 node bound to 127.0.0.1 on a free port, with its data under the
 * directory given as the only argument (so a restart keeps the index).
 *
 * <p>Protocol with the parent JVM (io.akhbar.core.EmbeddedEngine): one line {@code ENGINE_READY <port> <version>}
 * on stdout once the node answers HTTP; the node stops when stdin closes, so it never outlives its parent,
 * even when the parent is killed.
 */
public final class EngineMain {

  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      System.err.println("usage: EngineMain DATA_DIR");
      System.exit(2);
    }
    Path base = Path.of(args[0]).toAbsolutePath();
    ElasticsearchClusterRunner runner = new ElasticsearchClusterRunner();
    runner.onBuild((number, settings) -> {
      settings.put("network.host", "127.0.0.1");
      settings.put("http.port", System.getProperty("engine.http.port", "0"));
      settings.put("transport.port", "0");
      settings.put("discovery.type", "single-node");
      settings.put("action.auto_create_index", "false");
      // a laptop disk at 90% must not turn the index read-only under a journalist
      settings.put("cluster.routing.allocation.disk.threshold_enabled", "false");
      settings.put("http.max_content_length", "200mb");
    }).build(newConfigs()
        .basePath(base.toString())
        .numOfNode(1)
        .clusterName("akhbar-embedded")
        .disableESLogger());
    runner.ensureYellow();

    HttpServerTransport http = runner.node().injector().getInstance(HttpServerTransport.class);
    int port = http.boundAddress().publishAddress().getPort();
    System.out.println("ENGINE_READY " + port + " " + Version.CURRENT);
    System.out.flush();

    Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(runner)));
    waitForEndOfInput(System.in);
    closeQuietly(runner);
    System.exit(0);
  }

  private static void waitForEndOfInput(InputStream in) {
    byte[] buffer = new byte[256];
    try {
      while (in.read(buffer) >= 0) {
        // the parent writes nothing; we only wait for the pipe to close
      }
    } catch (IOException closed) {
      // the parent is gone
    }
  }

  private static void closeQuietly(ElasticsearchClusterRunner runner) {
    try {
      if (!runner.isClosed()) {
        runner.close();
      }
    } catch (IOException | RuntimeException e) {
      System.err.println("engine: error while stopping: " + e);
    }
  }
}
