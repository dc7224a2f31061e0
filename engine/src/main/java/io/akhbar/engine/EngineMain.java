package io.akhbar.engine;

import static org.codelibs.elasticsearch.runner.ElasticsearchClusterRunner.newConfigs;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.codelibs.elasticsearch.runner.ElasticsearchClusterRunner;
import org.elasticsearch.Version;
import org.elasticsearch.http.HttpServerTransport;
import org.elasticsearch.node.Node;

/**
 * Starts real Elasticsearch 7.10.2 nodes bound to 127.0.0.1 on free HTTP ports, with their data under the directory
 * given as the first argument (so a restart keeps the index): one node by default, or a cluster of N nodes
 * ({@code EngineMain DATA_DIR N}) for the multi-node tests.
 *
 * <p>Protocol with the parent JVM (io.akhbar.core.EmbeddedEngine): one line {@code ENGINE_READY <port>[,<port>…]
 * <version>} on stdout once the nodes answer HTTP. On stdin, {@code stop I} stops node I (0-based) as a clean
 * shutdown would, and {@code start I} starts it again on its data; each is answered by
 * {@code ENGINE_NODE <I> stopped} or {@code ENGINE_NODE <I> started <port>}. Everything stops when stdin closes, so the
 * nodes never outlive their parent, even when the parent is killed.
 */
public final class EngineMain {

  public static void main(String[] args) throws Exception {
    if (args.length < 1 || args.length > 2) {
      System.err.println("usage: EngineMain DATA_DIR [NODES]");
      System.exit(2);
    }
    Path base = Path.of(args[0]).toAbsolutePath();
    int nodes = args.length == 2 ? Integer.parseInt(args[1]) : 1;
    ElasticsearchClusterRunner runner = new ElasticsearchClusterRunner();
    runner.onBuild((number, settings) -> {
      settings.put("network.host", "127.0.0.1");
      settings.put("http.port", nodes == 1 ? System.getProperty("engine.http.port", "0") : "0");
      if (nodes == 1) {
        settings.put("transport.port", "0");
        settings.put("discovery.type", "single-node");
      }
      settings.put("action.auto_create_index", "false");
      // a laptop disk at 90% must not turn the index read-only under a journalist
      settings.put("cluster.routing.allocation.disk.threshold_enabled", "false");
      settings.put("http.max_content_length", "200mb");
    }).build(newConfigs()
        .basePath(base.toString())
        .numOfNode(nodes)
        .clusterName(nodes == 1 ? "akhbar-embedded" : "akhbar-embedded-cluster")
        .disableESLogger());
    runner.ensureYellow();

    List<String> ports = new ArrayList<>();
    for (int i = 0; i < nodes; i++) {
      ports.add(String.valueOf(httpPort(runner.getNode(i))));
    }
    System.out.println("ENGINE_READY " + String.join(",", ports) + " " + Version.CURRENT);
    System.out.flush();

    Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(runner)));
    serveCommands(System.in, runner);
    closeQuietly(runner);
    System.exit(0);
  }

  private static int httpPort(Node node) {
    return node.injector().getInstance(HttpServerTransport.class).boundAddress().publishAddress().getPort();
  }

  /** Reads {@code stop I} / {@code start I} lines until stdin closes (the parent is done, or gone). */
  private static void serveCommands(InputStream in, ElasticsearchClusterRunner runner) {
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line; (line = reader.readLine()) != null; ) {
        String[] parts = line.strip().split(" ");
        if (parts.length != 2) {
          continue;
        }
        int i = Integer.parseInt(parts[1]);
        try {
          if (parts[0].equals("stop")) {
            runner.getNode(i).close();
            System.out.println("ENGINE_NODE " + i + " stopped");
          } else if (parts[0].equals("start")) {
            runner.startNode(i);
            System.out.println("ENGINE_NODE " + i + " started " + httpPort(runner.getNode(i)));
          }
        } catch (IOException | RuntimeException e) {
          System.out.println("ENGINE_NODE " + i + " failed " + e);
        }
        System.out.flush();
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
