package io.akhbar.core;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded Elasticsearch 7.10.2 node, run as a child JVM from the {@code engine} module's classpath so that
 * its old libraries never share a classpath with ours. The child stops when we close its stdin, which also
 * happens when this JVM dies for any reason.
 */
public final class EmbeddedEngine implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedEngine.class);
  private static final String READY = "ENGINE_READY ";
  private static final long START_TIMEOUT_SECONDS = 180;

  private static final String NODE_REPLY = "ENGINE_NODE ";

  private final Process process;
  private final List<Integer> ports;
  private final String version;
  private final java.util.concurrent.BlockingQueue<String> replies;

  private EmbeddedEngine(Process process, List<Integer> ports, String version,
      java.util.concurrent.BlockingQueue<String> replies) {
    this.process = process;
    this.ports = new java.util.concurrent.CopyOnWriteArrayList<>(ports);
    this.version = version;
    this.replies = replies;
  }

  /** Starts a node with its data under {@code dataDir/engine}; blocks until it answers HTTP. */
  public static EmbeddedEngine start(Optional<Path> configuredHome, Path dataDir, String heap) {
    return start(configuredHome, dataDir, heap, 1);
  }

  /**
   * Starts a cluster of {@code nodes} nodes in one child JVM (the multi-node tests), its data under
   * {@code dataDir/engine}; blocks until it is yellow. {@link #stopNode} and {@link #startNode} stop and restart one.
   */
  public static EmbeddedEngine start(Optional<Path> configuredHome, Path dataDir, String heap, int nodes) {
    Path home = configuredHome.orElseGet(EmbeddedEngine::findEngineHome);
    Path lib = home.resolve("target/lib");
    Path classes = home.resolve("target/classes");
    if (!Files.isDirectory(lib) || !Files.isDirectory(classes)) {
      throw new EngineException("The embedded engine is not built: " + lib + " is missing. Run `mvn -B -DskipTests package`"
          + " from the project root, or set ES_URL to use a running cluster.");
    }
    Path base = dataDir.toAbsolutePath().resolve("engine");
    List<String> command = new ArrayList<>(List.of(
        javaBinary(), "-Xms" + heap, "-Xmx" + heap,
        "-XX:+UseG1GC", "-Djava.awt.headless=true", "-Dfile.encoding=UTF-8",
        "-Dlog4j2.disable.jmx=true", "-Dlog4j.shutdownHookEnabled=false",
        "-cp", classes + java.io.File.pathSeparator + lib + java.io.File.separator + "*",
        "io.akhbar.engine.EngineMain", base.toString(), String.valueOf(nodes)));
    log.info("Starting the embedded Elasticsearch node (data in {})", base);
    try {
      Files.createDirectories(base);
      Process process = new ProcessBuilder(command).start();
      CompletableFuture<String> ready = new CompletableFuture<>();
      List<String> tail = new ArrayList<>();
      java.util.concurrent.BlockingQueue<String> replies = new java.util.concurrent.LinkedBlockingQueue<>();
      forward(process.getInputStream(), line -> {
        if (line.startsWith(READY)) {
          ready.complete(line.substring(READY.length()));
        } else if (line.startsWith(NODE_REPLY)) {
          replies.add(line.substring(NODE_REPLY.length()));
        } else {
          remember(tail, line);
          log.debug("engine: {}", line);
        }
      }, "engine-stdout");
      forward(process.getErrorStream(), line -> {
        remember(tail, line);
        log.warn("engine: {}", line);
      }, "engine-stderr");
      process.onExit().thenRun(() -> ready.completeExceptionally(
          new EngineException("The embedded Elasticsearch node exited with code " + process.exitValue()
              + " before it was ready. Its last lines:\n" + String.join("\n", snapshot(tail)))));
      String[] portAndVersion = ready.get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS).strip().split(" ");
      List<Integer> ports = java.util.Arrays.stream(portAndVersion[0].split(",")).map(Integer::valueOf).toList();
      EmbeddedEngine engine = new EmbeddedEngine(process, ports, portAndVersion[1], replies);
      log.info("Embedded Elasticsearch {} is up on http://127.0.0.1:{}", engine.version, engine.ports);
      return engine;
    } catch (ExecutionException e) {
      throw e.getCause() instanceof EngineException ee ? ee : new EngineException("The embedded node failed: " + e.getCause());
    } catch (TimeoutException e) {
      throw new EngineException("The embedded Elasticsearch node did not start within " + START_TIMEOUT_SECONDS + " s");
    } catch (IOException e) {
      throw new EngineException("Could not start the embedded Elasticsearch node: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EngineException("Interrupted while starting the embedded Elasticsearch node");
    }
  }

  /** The HTTP port of the (first) node. */
  public int port() {
    return ports.get(0);
  }

  /** The HTTP port of every node, in node order (a restarted node answers on a new one). */
  public List<Integer> ports() {
    return List.copyOf(ports);
  }

  /** Stops node {@code i} (0-based) cleanly, as a machine taken down would; blocks until it is down. */
  public void stopNode(int i) {
    command("stop " + i, i + " stopped");
  }

  /** Starts node {@code i} again on its data; returns its new HTTP port once it answers. */
  public int startNode(int i) {
    String reply = command("start " + i, i + " started ");
    int port = Integer.parseInt(reply.substring(reply.lastIndexOf(' ') + 1));
    ports.set(i, port);
    return port;
  }

  private synchronized String command(String command, String expected) {
    try {
      process.getOutputStream().write((command + "\n").getBytes(StandardCharsets.UTF_8));
      process.getOutputStream().flush();
      String reply = replies.poll(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      if (reply == null || !reply.startsWith(expected)) {
        throw new EngineException("The embedded cluster did not " + command + ": " + reply);
      }
      return reply;
    } catch (IOException e) {
      throw new EngineException("The embedded cluster is gone: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EngineException("Interrupted during " + command);
    }
  }

  public String version() {
    return version;
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** Stops the node: closing stdin asks it to stop cleanly; it is killed if it has not after 30 s. */
  @Override
  public void close() {
    if (!process.isAlive()) {
      return;
    }
    try {
      process.getOutputStream().close();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (IOException e) {
      process.destroyForcibly();
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    log.info("Embedded Elasticsearch node stopped");
  }

  /** Kills the node without a clean stop, as a crash would (used by reliability tests). */
  public void kill() throws InterruptedException {
    process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
  }

  static Path findEngineHome() {
    Path dir = Path.of("").toAbsolutePath();
    for (Path d = dir; d != null; d = d.getParent()) {
      if (Files.isDirectory(d.resolve("engine/target/lib"))) {
        return d.resolve("engine");
      }
    }
    throw new EngineException("Cannot find engine/target/lib from " + dir
        + ": run from the project folder after `mvn -B -DskipTests package`, set ENGINE_HOME, or set ES_URL.");
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static void forward(InputStream stream, java.util.function.Consumer<String> sink, String name) {
    Thread thread = new Thread(() -> {
      try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
        for (String line; (line = reader.readLine()) != null; ) {
          sink.accept(line);
        }
      } catch (IOException ignored) {
        // the child is gone
      }
    }, name);
    thread.setDaemon(true);
    thread.start();
  }

  private static void remember(List<String> tail, String line) {
    synchronized (tail) {
      tail.add(line);
      if (tail.size() > 30) {
        tail.remove(0);
      }
    }
  }

  private static List<String> snapshot(List<String> tail) {
    synchronized (tail) {
      return List.copyOf(tail);
    }
  }

  /** The embedded node could not be started or reached; the message says what to do. */
  public static final class EngineException extends RuntimeException {
    public EngineException(String message) {
      super(message);
    }
  }
}
