package io.akhbar.indexer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dead-letter file: one JSON line per input or article that was not indexed, with where it came from and why.
 * It is emptied at the start of each run, so an empty file means the last run lost nothing.
 */
public final class DeadLetters implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);
  private final ObjectMapper json = new ObjectMapper();
  private final Path file;
  private final BufferedWriter out;
  private long count;

  public DeadLetters(Path file) {
    this.file = file;
    try {
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the dead-letter file " + file, e);
    }
  }

  public synchronized void add(String where, String id, String reason) {
    ObjectNode line = json.createObjectNode().put("where", where).put("reason", reason);
    if (id != null) {
      line.put("id", id);
    }
    log.warn("Not indexed: {}: {}", where, reason);
    try {
      out.write(json.writeValueAsString(line));
      out.newLine();
      out.flush();
      count++;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the dead-letter file " + file, e);
    }
  }

  public synchronized long count() {
    return count;
  }

  public Path file() {
    return file;
  }

  @Override
  public synchronized void close() {
    try {
      out.close();
    } catch (IOException e) {
      log.warn("Closing {}: {}", file, e.toString());
    }
  }
}
