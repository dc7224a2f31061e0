package io.akhbar.core;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the next index version from the one behind the alias while that one keeps serving searches and writes:
 * <ol>
 *   <li><b>copy</b> every document ({@code _reindex} as a task, polled, so a million documents never hit a client
 *       timeout), then <b>prepare</b> the copy (the caller's re-tag);
 *   <li><b>replay</b> what was written to the old version since the copy began ({@code indexed_at} from the copy's
 *       start, less a margin for clock skew) and prepare it, in passes while writers go on;
 *   <li><b>block writes</b> on the old version for the last pass: writers get a retryable
 *       {@code cluster_block_exception} ({@code BulkWriter} retries it and lands in the new version after the swap);
 *       the counts are checked;
 *   <li><b>swap</b> the alias in one atomic request and delete the old version.
 * </ol>
 * A failure leaves the old version serving, unblocked, and deletes the partial copy. The new version's {@code _meta}
 * carries a heartbeat: a second process that finds a live migration waits for it; one that finds a stale one (its
 * process died) drops it and starts again.
 */
public final class IndexMigration {

  private static final Logger log = LoggerFactory.getLogger(IndexMigration.class);
  static final String HEARTBEAT_KEY = "migration_heartbeat";
  static final String FROM_KEY = "migrating_from";
  /** A heartbeat older than this is a migration whose process died. */
  static final Duration STALE = Duration.ofSeconds(60);
  /**
   * Documents indexed up to this long before a pass began are replayed too: a writer's clock (it sets
   * {@code indexed_at}) may lag this one's by that much (NTP keeps them within milliseconds).
   */
  static final Duration REPLAY_MARGIN = Duration.ofSeconds(30);
  /** Replay passes while writes go on, before the blocked one; a pass this small ends them. */
  static final int MAX_OPEN_REPLAYS = 3;
  static final long SMALL_REPLAY = 1_000;
  private static final long POLL_MS = 1_000;

  /**
   * Runs on the new version after the copy ({@code indexedSince} null: every document) and after each replay (only
   * the documents indexed since then), before the alias moves: the re-tag.
   */
  @FunctionalInterface
  public interface Preparer {
    void prepare(String index, String indexedSince) throws IOException;
  }

  private final ElasticsearchClient client;
  private final String alias;
  private final Preparer preparer;
  private final Consumer<String> progress;

  IndexMigration(ElasticsearchClient client, String alias, Preparer preparer, Consumer<String> progress) {
    this.client = client;
    this.alias = alias;
    this.preparer = preparer;
    this.progress = progress;
  }

  /** Copies {@code old} into the new (already created, empty) {@code index} and moves the alias to it. */
  long run(String old, String index) throws IOException {
    long started = System.nanoTime();
    Instant copyStart = Instant.now();
    boolean blocked = false;
    var beats = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "migration-heartbeat");
      t.setDaemon(true);
      return t;
    });
    heartbeat(index, old);
    beats.scheduleWithFixedDelay(() -> {
      try {
        heartbeat(index, old);
      } catch (IOException | RuntimeException e) {
        log.warn("Migration heartbeat: {}", e.toString());
      }
    }, 10, 10, java.util.concurrent.TimeUnit.SECONDS);
    try {
      long copied = copy(old, index, null, "copying");
      preparer.prepare(index, null);
      // replays while writers go on, each pass covering the writes of the one before, so the final blocked pass is
      // short; then blocks the old version and replays the rest
      Instant since = copyStart;
      long replayed = 0;
      for (int pass = 0; pass < MAX_OPEN_REPLAYS; pass++) {
        Instant passStart = Instant.now();
        long n = replay(old, index, since);
        replayed += n;
        since = passStart;
        if (n < SMALL_REPLAY) {
          break;
        }
      }
      blockWrites(old, true);
      blocked = true;
      replayed += replay(old, index, since);
      long expected = count(old);
      long got = count(index);
      if (got != expected) {
        throw new IllegalStateException("the new version " + index + " holds " + got + " documents, the old one "
            + expected + "; the alias still points at " + old);
      }
      beats.shutdownNow();
      client.indices().updateAliases(u -> u
          .actions(a -> a.remove(r -> r.index(old).alias(alias)))
          .actions(a -> a.add(add -> add.index(index).alias(alias))));
      IndexManager.putMeta(client, index, Map.of(HEARTBEAT_KEY, "", FROM_KEY, ""));
      client.indices().delete(d -> d.index(old));
      progress.accept("done: " + got + " documents in " + index);
      log.info("Mappings changed: built {} from {} ({} documents copied, {} written meanwhile replayed) and moved alias"
          + " {} in {} s; searches and writes went on throughout", index, old, copied, replayed, alias,
          (System.nanoTime() - started) / 1_000_000_000);
      return got;
    } catch (IOException | RuntimeException e) {
      abandon(old, index, blocked);
      throw e;
    } finally {
      beats.shutdownNow();
    }
  }

  /** Copies what was indexed into {@code old} since {@code since} (less the margin) and re-tags it; returns how many. */
  private long replay(String old, String index, Instant since) throws IOException {
    String from = since.minus(REPLAY_MARGIN).toString();
    long n = copy(old, index, from, "replaying the writes made meanwhile");
    if (n > 0) {
      preparer.prepare(index, from);
    }
    return n;
  }

  /**
   * Copies {@code from} into {@code to} (only documents indexed since {@code since} when given) with a reindex task,
   * polling it; returns how many it wrote.
   */
  private long copy(String from, String to, String since, String what) throws IOException {
    long total = since == null ? count(from)
        : client.count(c -> c.index(from).query(q -> q.range(r -> r.date(d -> d.field("indexed_at").gte(since)))))
            .count();
    if (total == 0) {
      return 0;
    }
    String task = client.reindex(r -> {
      r.source(s -> {
        s.index(from);
        if (since != null) {
          s.query(q -> q.range(x -> x.date(d -> d.field("indexed_at").gte(since))));
        }
        return s;
      }).dest(d -> d.index(to)).waitForCompletion(false);
      return r;
    }).task();
    while (true) {
      var status = client.tasks().get(g -> g.taskId(task).timeout(t -> t.time("5s")));
      if (status.completed()) {
        client.indices().refresh(r -> r.index(to));
        var response = status.response();
        if (status.error() != null) {
          throw new IllegalStateException("copying " + from + " into " + to + " failed: " + status.error().reason());
        }
        var failures = response == null ? null : response.toJson().asJsonObject().getJsonArray("failures");
        if (failures != null && !failures.isEmpty()) {
          throw new IllegalStateException("copying " + from + " into " + to + " failed for some documents: "
              + failures.get(0));
        }
        return total;
      }
      var s = status.task().status();
      long done = s == null ? 0 : s.toJson().asJsonObject().getJsonNumber("created").longValue()
          + s.toJson().asJsonObject().getJsonNumber("updated").longValue();
      progress.accept("running: " + what + ", " + done + " of " + total + " documents into " + to);
      sleep();
    }
  }

  private void heartbeat(String index, String old) throws IOException {
    IndexManager.putMeta(client, index, Map.of(HEARTBEAT_KEY, Instant.now().toString(), FROM_KEY, old));
  }

  /**
   * Newer, unaliased versions are migrations in progress or ones whose process died. Waits while one's heartbeat is
   * fresh, until it is gone (finished or given up); a stale one is dropped and the write block it may have left on
   * {@code current} is lifted. The caller reads the alias again afterwards: another process may have moved it.
   */
  void awaitOrDropOthers(String current, java.util.Collection<String> newer) throws IOException {
    for (String other : newer) {
      while (true) {
        Map<String, String> meta;
        try {
          meta = IndexManager.meta(client, other);
        } catch (ElasticsearchException e) {
          break; // gone: the other migration finished or gave up
        }
        String beat = meta.getOrDefault(HEARTBEAT_KEY, "");
        if (beat.isEmpty() || Instant.parse(beat).isBefore(Instant.now().minus(STALE))) {
          log.warn("Dropping {}: a migration that did not finish (last heartbeat {})", other,
              beat.isEmpty() ? "none" : beat);
          client.indices().delete(d -> d.index(other).ignoreUnavailable(true));
          blockWrites(current, false);
          break;
        }
        progress.accept("waiting: another process is building " + other);
        sleep();
      }
    }
  }

  private void abandon(String old, String index, boolean blocked) {
    try {
      if (blocked) {
        blockWrites(old, false);
      }
      client.indices().delete(d -> d.index(index).ignoreUnavailable(true));
    } catch (IOException | RuntimeException e) {
      log.warn("Cleaning up after a failed migration: {}", e.toString());
    }
  }

  private void blockWrites(String index, boolean block) throws IOException {
    client.indices().putSettings(p -> p.index(index).settings(s -> s.blocks(b -> b.write(block))));
  }

  private long count(String index) throws IOException {
    client.indices().refresh(r -> r.index(index));
    return client.count(c -> c.index(index)).count();
  }

  private static void sleep() {
    try {
      Thread.sleep(POLL_MS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while building the new index version", e);
    }
  }
}
