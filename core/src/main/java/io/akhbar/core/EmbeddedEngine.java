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

  private final Process process;
  private final int port;
  private final String version;

  private EmbeddedEngine(Process process, int port, String version) {
    this.process = process;
    this.port = port;
    this.version = version;
  }

  /** Starts a node with its data under {@code dataDir/engine}; blocks until it answers HTTP. */
  public static EmbeddedEngine start(Optional<Path> configuredHome, Path dataDir, String heap) {
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
        "io.akhbar.engine.EngineMain", base.toString()));
    log.info("Starting the embedded Elasticsearch node (data in {})", base);
    try {
      Files.createDirectories(base);
      Process process = new ProcessBuilder(command).start();
      CompletableFuture<String> ready = new CompletableFuture<>();
      List<String> tail = new ArrayList<>();
      forward(process.getInputStream(), line -> {
        if (line.startsWith(READY)) {
          ready.complete(line.substring(READY.length()));
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
      EmbeddedEngine engine = new EmbeddedEngine(process, Integer.parseInt(portAndVersion[0]), portAndVersion[1]);
      log.info("Embedded Elasticsearch {} is up on http://127.0.0.1:{}", engine.version, engine.port);
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

  public int port() {
    return port;
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
