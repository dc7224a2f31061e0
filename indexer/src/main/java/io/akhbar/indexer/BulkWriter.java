package io.akhbar.indexer;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.MgetResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.mget.MultiGetResponseItem;
import co.elastic.clients.util.BinaryData;
import co.elastic.clients.util.ContentType;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.akhbar.core.Article;
import io.akhbar.core.ElasticsearchConnection;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends articles through the Bulk API in batches sized by bytes. Every item of every response is checked (a bulk
 * call answers 200 while items fail): a refused article goes to the dead-letter file with Elasticsearch's reason and
 * the rest go on. Whole requests that fail for a passing reason (connection refused, 429, 5xx) are retried with
 * exponential backoff, and so are items refused with 429 or by an index migration's write block. An article whose stored copy has the same content hash
 * is skipped, so a rerun costs little and counts it as unchanged.
 *
 * <p>Up to {@link Options#inFlight()} requests are in flight while the caller reads and tags the next batch (a node
 * indexes on as many write threads as it has cores; one request at a time kept one busy). {@link #add} blocks while
 * they are all out: back-pressure, never an unbounded queue. An id still in flight in an earlier batch waits for it,
 * so the later copy of an article always lands last.
 */
public final class BulkWriter implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(BulkWriter.class);

  /** Batch limits and the retry policy. */
  public record Options(int maxBatchBytes, int maxBatchDocs, int maxRetries, Duration firstBackoff, Duration maxBackoff,
      int inFlight) {
    /** Two requests in flight: what a two-core node's write threads take (measured in bench/). */
    public static final int IN_FLIGHT = 2;

    public Options(int maxBatchBytes, int maxBatchDocs, int maxRetries, Duration firstBackoff, Duration maxBackoff) {
      this(maxBatchBytes, maxBatchDocs, maxRetries, firstBackoff, maxBackoff, IN_FLIGHT);
    }

    public Options {
      if (inFlight < 1) {
        throw new IllegalArgumentException("inFlight must be at least 1");
      }
    }

    public static Options defaults() {
      return new Options(5 * 1024 * 1024, 2_000, 12, Duration.ofMillis(250), Duration.ofSeconds(10));
    }
  }

  private record Pending(Article article, byte[] json, String where) {}

  private final ElasticsearchClient client;
  private final String alias;
  private final DeadLetters deadLetters;
  private final Options options;
  private final ObjectMapper mapper = ElasticsearchConnection.objectMapper();
  private final Map<String, Pending> batch = new LinkedHashMap<>();
  private long batchBytes;
  private final java.util.concurrent.atomic.AtomicLong indexed = new java.util.concurrent.atomic.AtomicLong();
  private final java.util.concurrent.atomic.AtomicLong updated = new java.util.concurrent.atomic.AtomicLong();
  private final java.util.concurrent.atomic.AtomicLong unchanged = new java.util.concurrent.atomic.AtomicLong();
  private final java.util.concurrent.atomic.AtomicLong failed = new java.util.concurrent.atomic.AtomicLong();
  private final java.util.concurrent.Semaphore slots;
  private final java.util.concurrent.ExecutorService senders;
  private final Set<String> idsInFlight = java.util.concurrent.ConcurrentHashMap.newKeySet();

  public BulkWriter(ElasticsearchClient client, String alias, DeadLetters deadLetters, Options options) {
    this.client = client;
    this.alias = alias;
    this.deadLetters = deadLetters;
    this.options = options;
    this.slots = new java.util.concurrent.Semaphore(options.inFlight());
    this.senders = java.util.concurrent.Executors.newFixedThreadPool(options.inFlight(), r -> {
      Thread t = new Thread(r, "bulk-sender");
      t.setDaemon(true);
      return t;
    });
  }

  public void add(Article article, String where) {
    byte[] json;
    try {
      json = mapper.writeValueAsBytes(article);
    } catch (JsonProcessingException e) {
      failed.incrementAndGet();
      deadLetters.add(where, article.id(), "cannot serialize: " + e.getOriginalMessage());
      return;
    }
    Pending previous = batch.put(article.id(), new Pending(article, json, where));
    if (previous != null) {
      batchBytes -= previous.json().length;
      unchanged.incrementAndGet(); // the same id twice in one batch: the later copy wins, the earlier one is superseded
    }
    batchBytes += json.length;
    if (batchBytes >= options.maxBatchBytes() || batch.size() >= options.maxBatchDocs()) {
      flush();
    }
  }

  /** Hands the batch to a sender; blocks while every sender is busy, or while one of its ids is still in flight. */
  public void flush() {
    if (batch.isEmpty()) {
      return;
    }
    Map<String, Pending> toSend = new LinkedHashMap<>(batch);
    batch.clear();
    batchBytes = 0;
    if (toSend.keySet().stream().anyMatch(idsInFlight::contains)) {
      drain();
    }
    acquire(1);
    idsInFlight.addAll(toSend.keySet());
    senders.execute(() -> {
      try {
        write(toSend);
      } finally {
        idsInFlight.removeAll(toSend.keySet());
        slots.release();
      }
    });
  }

  /** Waits until nothing is in flight. */
  private void drain() {
    acquire(options.inFlight());
    slots.release(options.inFlight());
  }

  private void acquire(int permits) {
    try {
      slots.acquire(permits);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a bulk request", e);
    }
  }

  private void write(Map<String, Pending> batchToSend) {
    Map<String, Pending> toSend = batchToSend;
    try {
      skipUnchanged(toSend);
      int attempt = 0;
      while (!toSend.isEmpty()) {
        Map<String, Pending> retry = send(toSend);
        if (retry.isEmpty()) {
          break;
        }
        attempt = backoff(attempt, retry.size() + " documents refused for a passing reason (node busy, or the index"
            + " version being swapped)");
        toSend = retry;
      }
    } catch (GaveUp e) {
      for (Pending p : toSend.values()) {
        failed.incrementAndGet();
        deadLetters.add(p.where(), p.article().id(), e.getMessage());
      }
    } catch (RuntimeException e) {
      // nothing accepted is ever lost silently: an unexpected failure sends the batch to the dead letters too
      for (Pending p : toSend.values()) {
        failed.incrementAndGet();
        deadLetters.add(p.where(), p.article().id(), "bulk request failed: " + e);
      }
    }
  }

  /** Drops from the batch the articles whose stored copy has the same content hash. */
  private void skipUnchanged(Map<String, Pending> toSend) throws GaveUp {
    List<String> ids = new ArrayList<>(toSend.keySet());
    MgetResponse<JsonNode> existing = retrying("reading stored hashes", () -> client.mget(m -> m
        .index(alias).ids(ids).sourceIncludes("content_hash"), JsonNode.class));
    for (MultiGetResponseItem<JsonNode> item : existing.docs()) {
      if (item.isResult() && item.result().found() && item.result().source() != null) {
        JsonNode hash = item.result().source().get("content_hash");
        Pending p = toSend.get(item.result().id());
        if (p != null && hash != null && hash.asText().equals(p.article().contentHash())) {
          toSend.remove(item.result().id());
          unchanged.incrementAndGet();
        }
      }
    }
  }

  /** Sends one bulk request; returns the items to retry (refused for a {@link #passing} reason). */
  private Map<String, Pending> send(Map<String, Pending> toSend) throws GaveUp {
    List<BulkOperation> operations = new ArrayList<>(toSend.size());
    for (Pending p : toSend.values()) {
      BinaryData document = BinaryData.of(p.json(), ContentType.APPLICATION_JSON);
      operations.add(BulkOperation.of(op -> op.index(i -> i.index(alias).id(p.article().id()).document(document))));
    }
    BulkResponse response = retrying("bulk request", () -> client.bulk(b -> b.operations(operations)));
    Map<String, Pending> retry = new HashMap<>();
    for (BulkResponseItem item : response.items()) {
      Pending p = toSend.get(item.id());
      if (item.error() == null) {
        if ("created".equals(item.result())) {
          indexed.incrementAndGet();
        } else {
          updated.incrementAndGet();
        }
      } else if (passing(item)) {
        retry.put(item.id(), p);
      } else {
        failed.incrementAndGet();
        deadLetters.add(p == null ? "?" : p.where(), item.id(),
            "Elasticsearch refused it: " + item.error().type() + ": " + item.error().reason());
      }
    }
    return retry;
  }

  /**
   * Refusals that pass: 429 (the node is busy); a write block or a version gone, which is an index migration's last
   * seconds ({@code IndexMigration} blocks writes on the old version, then moves the alias to the new one).
   */
  static boolean passing(BulkResponseItem item) {
    String type = item.error() == null ? "" : String.valueOf(item.error().type());
    return item.status() == 429 || type.equals("cluster_block_exception") || type.equals("index_not_found_exception");
  }

  private interface Call<T> {
    T call() throws IOException;
  }

  private <T> T retrying(String what, Call<T> call) throws GaveUp {
    int attempt = 0;
    while (true) {
      try {
        return call.call();
      } catch (IOException e) {
        attempt = backoff(attempt, what + " failed: " + e.getMessage());
      } catch (ElasticsearchException e) {
        if (e.status() == 429 || e.status() >= 500) {
          attempt = backoff(attempt, what + " failed: " + e.getMessage());
        } else {
          throw new GaveUp(what + " refused: " + e.getMessage());
        }
      }
    }
  }

  private int backoff(int attempt, String why) throws GaveUp {
    if (attempt >= options.maxRetries()) {
      throw new GaveUp("gave up after " + attempt + " retries: " + why);
    }
    long millis = Math.min(options.maxBackoff().toMillis(), options.firstBackoff().toMillis() << attempt);
    log.warn("{}; retrying in {} ms ({}/{})", why, millis, attempt + 1, options.maxRetries());
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GaveUp("interrupted while waiting to retry: " + why);
    }
    return attempt + 1;
  }

  public long indexed() {
    return indexed.get();
  }

  public long updated() {
    return updated.get();
  }

  public long unchanged() {
    return unchanged.get();
  }

  public long failed() {
    return failed.get();
  }

  /** Sends what is left and waits for every request in flight: the counts are final after it. */
  @Override
  public void close() {
    flush();
    drain();
    senders.shutdown();
  }

  /** Retries are exhausted or the request can never succeed; the batch goes to the dead-letter file. */
  static final class GaveUp extends Exception {
    GaveUp(String message) {
      super(message);
    }
  }
}
