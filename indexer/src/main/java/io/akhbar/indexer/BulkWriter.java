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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends articles through the Bulk API in batches sized by bytes. Every item of every response is checked (a bulk
 * call answers 200 while items fail): a refused article goes to the dead-letter file with Elasticsearch's reason and
 * the rest go on. Whole requests that fail for a passing reason (connection refused, 429, 5xx) are retried with
 * exponential backoff, and so are items refused with 429. An article whose stored copy has the same content hash
 * is skipped, so a rerun costs little and counts it as unchanged.
 */
public final class BulkWriter implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(BulkWriter.class);

  /** Batch limits and the retry policy. */
  public record Options(int maxBatchBytes, int maxBatchDocs, int maxRetries, Duration firstBackoff, Duration maxBackoff) {
    public static Options defaults() {
      return new Options(5 * 1024 * 1024, 2_000, 8, Duration.ofMillis(250), Duration.ofSeconds(10));
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
  private long indexed;
  private long updated;
  private long unchanged;
  private long failed;

  public BulkWriter(ElasticsearchClient client, String alias, DeadLetters deadLetters, Options options) {
    this.client = client;
    this.alias = alias;
    this.deadLetters = deadLetters;
    this.options = options;
  }

  public void add(Article article, String where) {
    byte[] json;
    try {
      json = mapper.writeValueAsBytes(article);
    } catch (JsonProcessingException e) {
      failed++;
      deadLetters.add(where, article.id(), "cannot serialize: " + e.getOriginalMessage());
      return;
    }
    Pending previous = batch.put(article.id(), new Pending(article, json, where));
    if (previous != null) {
      batchBytes -= previous.json().length;
      unchanged++; // the same id twice in one batch: the later copy wins, the earlier one is superseded
    }
    batchBytes += json.length;
    if (batchBytes >= options.maxBatchBytes() || batch.size() >= options.maxBatchDocs()) {
      flush();
    }
  }

  public void flush() {
    if (batch.isEmpty()) {
      return;
    }
    Map<String, Pending> toSend = new LinkedHashMap<>(batch);
    batch.clear();
    batchBytes = 0;
    try {
      skipUnchanged(toSend);
      int attempt = 0;
      while (!toSend.isEmpty()) {
        Map<String, Pending> retry = send(toSend);
        if (retry.isEmpty()) {
          break;
        }
        attempt = backoff(attempt, retry.size() + " documents refused with 429 (the node is busy)");
        toSend = retry;
      }
    } catch (GaveUp e) {
      for (Pending p : toSend.values()) {
        failed++;
        deadLetters.add(p.where(), p.article().id(), e.getMessage());
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
          unchanged++;
        }
      }
    }
  }

  /** Sends one bulk request; returns the items to retry (refused with 429). */
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
          indexed++;
        } else {
          updated++;
        }
      } else if (item.status() == 429) {
        retry.put(item.id(), p);
      } else {
        failed++;
        deadLetters.add(p == null ? "?" : p.where(), item.id(),
            "Elasticsearch refused it: " + item.error().type() + ": " + item.error().reason());
      }
    }
    return retry;
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
    return indexed;
  }

  public long updated() {
    return updated;
  }

  public long unchanged() {
    return unchanged;
  }

  public long failed() {
    return failed;
  }

  @Override
  public void close() {
    flush();
  }

  /** Retries are exhausted or the request can never succeed; the batch goes to the dead-letter file. */
  static final class GaveUp extends Exception {
    GaveUp(String message) {
      super(message);
    }
  }
}
