package io.akhbar.bench;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.util.BinaryData;
import co.elastic.clients.util.ContentType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.akhbar.core.Article;
import io.akhbar.core.ElasticsearchConnection;
import io.akhbar.core.IndexDefinition;
import io.akhbar.core.IndexManager;
import io.akhbar.gazetteer.Gazetteer;
import io.akhbar.gazetteer.Tagger;
import io.akhbar.indexer.ArticleFactory;
import io.akhbar.indexer.ArticleGenerator;
import io.akhbar.indexer.BulkWriter;
import io.akhbar.indexer.IndexSummary;
import io.akhbar.indexer.Indexer;
import io.akhbar.indexer.InputScanner;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.Response;

/**
 * The ingest benchmark: the real {@link Indexer} against a plain {@code _bulk} loop over the same finished documents
 * (the limit for this layer), where the indexer's time goes, and this project's Arabic chain against the built-in
 * {@code arabic} analyzer (size and docs/s).
 */
final class IngestBench {

  static final String ALIAS = "bench-articles";
  static final String RAW_CHAIN = "bench-raw-chain";
  static final String RAW_ARABIC = "bench-raw-arabic";
  static final ObjectMapper JSON = new ObjectMapper();

  private final ElasticsearchConnection es;
  private final ElasticsearchClient client;
  private final Gazetteer gazetteer;
  private final IndexDefinition definition;
  private final Path work;
  private final Report report;
  private final BulkWriter.Options options = BulkWriter.Options.defaults();

  IngestBench(ElasticsearchConnection es, Gazetteer gazetteer, Path work, Report report) {
    this.es = es;
    this.client = es.client();
    this.gazetteer = gazetteer;
    this.definition = IndexDefinition.forGazetteer(gazetteer);
    this.work = work;
    this.report = report;
  }

  /** What the query benchmark needs from this one. */
  record Outcome(long documents) {}

  Outcome run(int count, long seed) throws Exception {
    // 1. the feed
    Path feed = work.resolve("feed-" + count + ".jsonl");
    long t = System.nanoTime();
    try (Writer w = Files.newBufferedWriter(feed, StandardCharsets.UTF_8)) {
      new ArticleGenerator(gazetteer).write(count, seed, w);
    }
    report.note("Generated %,d synthetic articles (ArticleGenerator, seed %d): %.1f MB of JSON Lines in %.1f s",
        count, seed, Files.size(feed) / 1e6, secondsSince(t));

    // 2. the finished documents, made once by the same scanner and factory the Indexer uses (also a CPU-only figure)
    Path docs = work.resolve("docs-" + count + ".bin");
    Prepared prepared = prepare(feed, docs);
    report.note("Scanner + ArticleFactory + serialization alone (no Elasticsearch, one thread): %,d docs in %.1f s"
        + " = %,.0f docs/s (reading+parsing JSON %.1f s, ArticleFactory incl. tagging %.1f s, serializing %.1f s); %.1f MB of documents",
        prepared.docs, prepared.wall, prepared.docs / prepared.wall, prepared.wall - prepared.factory - prepared.serialize,
        prepared.factory, prepared.serialize, prepared.bytes / 1e6);

    // 3. warm-up of both paths (JIT on both sides, node caches), on a different feed, then dropped
    warmUp(Math.min(5_000, count), seed + 1);

    // 4. the real indexer
    IndexManager indices = new IndexManager(client, ALIAS, definition);
    indices.deleteAll();
    String index = indices.ensureIndex().index();
    Indexer indexer = new Indexer(es, ALIAS, new ArticleFactory(new Tagger(gazetteer), Clock.systemUTC()), options);
    IndexSummary summary;
    Map<String, Double> shares;
    long samples;
    t = System.nanoTime();
    try (StackSampler sampler = new StackSampler(Thread.currentThread(), indexerCategories(), 2_000)) {
      summary = indexer.run(List.of(feed), work.resolve("dead-letter-bench.jsonl"));
      shares = sampler.shares();
      samples = sampler.samples();
    }
    double indexerSeconds = secondsSince(t);
    if (!summary.ok() || summary.indexed() != count) {
      throw new IllegalStateException("the indexer did not index every article: " + summary);
    }
    double indexerRate = count / indexerSeconds;
    Sizes indexerSize = sizes(index, false);

    // 5. the plain _bulk loop over the same documents, production definition
    Raw rawChain = rawBulk(docs, RAW_CHAIN, definition.createIndexJson());
    Map<String, Double> analyzerCosts = analyzerCosts(docs, RAW_CHAIN);
    Sizes chainSize = sizes(RAW_CHAIN, true);
    // 6. the same documents, title and body analyzed by the built-in arabic analyzer
    Raw rawArabic = rawBulk(docs, RAW_ARABIC, arabicDefinitionJson());
    Sizes arabicSize = sizes(RAW_ARABIC, true);

    report.section("Ingest: %,d articles, one indexing thread, batches of %d MB / %,d docs",
        count, options.maxBatchBytes() / 1024 / 1024, options.maxBatchDocs());
    report.table(List.of("path", "docs", "seconds", "docs/s", "vs raw bulk"),
        List.of(
            List.of("Indexer.run (scan, parse, tag, mget hashes, bulk, refresh)", fmt("%,d", count), fmt("%.1f", indexerSeconds),
                fmt("%,.0f", indexerRate), fmt("%.2f×", indexerRate / rawChain.rate())),
            List.of("plain _bulk loop, same finished documents, same definition", fmt("%,d", rawChain.docs), fmt("%.1f", rawChain.seconds),
                fmt("%,.0f", rawChain.rate()), "1.00×"),
            List.of("plain _bulk loop, title/body with built-in `arabic` analyzer", fmt("%,d", rawArabic.docs), fmt("%.1f", rawArabic.seconds),
                fmt("%,.0f", rawArabic.rate()), fmt("%.2f×", rawArabic.rate() / rawChain.rate()))));
    report.note("Goal: indexer ≥ 0.8× raw bulk. Measured: **%.2f×**. Indexer summary: %s", indexerRate / rawChain.rate(), summary);
    report.note("Raw bulk loop: %.1f s of %.1f s inside the bulk calls (%.0f%%); the rest reads the prepared documents and builds requests.",
        rawChain.inBulk, rawChain.seconds, 100 * rawChain.inBulk / rawChain.seconds);

    report.section("Where the indexer's thread spends its time (wall clock, %,d stack samples every 2 ms; the bulk"
        + " requests themselves run on %d sender threads)", samples, options.inFlight());
    List<List<String>> rows = new ArrayList<>();
    shares.forEach((k, v) -> rows.add(List.of(k, fmt("%.1f%%", 100 * v), fmt("%.1f", v * indexerSeconds))));
    report.table(List.of("stage", "share", "≈ seconds"), rows);

    report.section("Index size: this project's Arabic chain vs the built-in `arabic` analyzer (same %,d documents)", count);
    report.table(List.of("index", "docs/s (plain bulk)", "store as indexed", "store after force-merge to 1 segment", "segments as indexed"),
        List.of(
            List.of("production definition (arabic_index chain + .exact/.en/.ku)", fmt("%,.0f", rawChain.rate()), mb(chainSize.asIndexed),
                mb(chainSize.merged), String.valueOf(chainSize.segments)),
            List.of("title/body `analyzer: arabic` (subfields unchanged)", fmt("%,.0f", rawArabic.rate()), mb(arabicSize.asIndexed),
                mb(arabicSize.merged), String.valueOf(arabicSize.segments)),
            List.of("the Indexer's index (production definition)", fmt("%,.0f", indexerRate), mb(indexerSize.asIndexed), "–",
                String.valueOf(indexerSize.segments))));
    report.note("Chain vs built-in: %.2f× the size after merge, %.2f× the indexing speed.",
        chainSize.merged / (double) arabicSize.merged, rawChain.rate() / rawArabic.rate());

    report.section("Analysis cost per analyzer in the node (`_analyze` on the first %d bodies, %.0f KB, mean of %d passes)",
        ANALYZE_DOCS, analyzedKb, ANALYZE_PASSES);
    List<List<String>> costRows = new ArrayList<>();
    double builtin = analyzerCosts.getOrDefault("arabic", Double.NaN);
    analyzerCosts.forEach((name, ms) -> costRows.add(List.of("`" + name + "`", fmt("%.1f", ms), fmt("%.2f", ms / analyzedKb),
        fmt("%.1f×", ms / builtin))));
    report.table(List.of("analyzer", "ms per pass", "ms per KB", "vs built-in `arabic`"), costRows);
    report.note("Each document is analyzed by the arabic_index chain twice (title, body) plus .exact, .en and .ku;"
        + " the built-in-analyzer index replaces only the first.");

    deleteIndex(RAW_CHAIN);
    deleteIndex(RAW_ARABIC);
    Files.deleteIfExists(docs);
    return new Outcome(count);
  }

  static final int ANALYZE_DOCS = 40;
  static final int ANALYZE_PASSES = 3;
  private double analyzedKb;

  /** Milliseconds per pass of {@code _analyze} over the same bodies, per analyzer of the index (round trips included). */
  private Map<String, Double> analyzerCosts(Path docs, String index) throws IOException {
    List<String> bodies = new ArrayList<>();
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(docs), 1 << 20))) {
      while (bodies.size() < ANALYZE_DOCS) {
        in.readUTF();
        byte[] json = new byte[in.readInt()];
        in.readFully(json);
        bodies.add(JSON.readTree(json).path("body").asText());
      }
    } catch (EOFException fewer) {
      // a small run: fewer bodies
    }
    analyzedKb = bodies.stream().mapToLong(b -> b.getBytes(StandardCharsets.UTF_8).length).sum() / 1024.0;
    Map<String, Double> out = new java.util.LinkedHashMap<>();
    for (String analyzer : List.of("arabic_index", "arabic_search", "arabic_exact", "english_index", "sorani_index", "arabic",
        "standard")) {
      long total = 0;
      for (int pass = -1; pass < ANALYZE_PASSES; pass++) { // pass -1 warms up
        long t0 = System.nanoTime();
        for (String body : bodies) {
          Request r = new Request("POST", "/" + index + "/_analyze");
          r.setJsonEntity(JSON.writeValueAsString(JSON.createObjectNode().put("analyzer", analyzer).put("text", body)));
          es.restClient().performRequest(r);
        }
        if (pass >= 0) {
          total += System.nanoTime() - t0;
        }
      }
      out.put(analyzer, total / 1e6 / ANALYZE_PASSES);
    }
    return out;
  }

  private static List<StackSampler.Category> indexerCategories() {
    return List.of(
        new StackSampler.Category("tagging (Tagger.tag)", List.of("io.akhbar.gazetteer.Tagger.")),
        new StackSampler.Category("ArticleFactory other (language, hashes, titles)", List.of("io.akhbar.indexer.ArticleFactory.")),
        new StackSampler.Category("mget of stored content hashes (BulkWriter.skipUnchanged)",
            List.of("io.akhbar.indexer.BulkWriter.skipUnchanged")),
        new StackSampler.Category("bulk requests (BulkWriter.send)", List.of("io.akhbar.indexer.BulkWriter.send")),
        // with two requests in flight the sends run on sender threads: the indexer's thread waits for a free one
        new StackSampler.Category("waiting for the node (both bulk requests in flight: BulkWriter.acquire)",
            List.of("io.akhbar.indexer.BulkWriter.acquire")),
        new StackSampler.Category("serializing articles (BulkWriter.add)", List.of("io.akhbar.indexer.BulkWriter.add")),
        new StackSampler.Category("reading + parsing JSON lines (InputScanner)", List.of("io.akhbar.indexer.InputScanner.")),
        new StackSampler.Category("final refresh and set-up (Indexer.run)", List.of("io.akhbar.indexer.Indexer.run")));
  }

  record Prepared(long docs, long bytes, double wall, double factory, double serialize) {}

  /** Scans the feed and makes every article as the Indexer does, writing each serialized once: id, length, JSON. */
  Prepared prepare(Path feed, Path out) throws IOException {
    return prepare(feed, out, false);
  }

  /** The finished documents of a feed; a real corpus has refused inputs (no body), which are left out when told. */
  Prepared prepare(Path feed, Path out, boolean skipRefused) throws IOException {
    ArticleFactory factory = new ArticleFactory(new Tagger(gazetteer), Clock.systemUTC());
    ObjectMapper mapper = ElasticsearchConnection.objectMapper();
    long[] n = new long[2];
    long[] nanos = new long[2];
    long start = System.nanoTime();
    try (DataOutputStream data = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(out), 1 << 20))) {
      new InputScanner().scan(List.of(feed), input -> {
        long t0 = System.nanoTime();
        ArticleFactory.Result result = factory.make(input);
        long t1 = System.nanoTime();
        nanos[0] += t1 - t0;
        if (!(result instanceof ArticleFactory.Result.Made made)) {
          if (skipRefused) {
            return;
          }
          throw new IllegalStateException("a generated article was refused: " + result);
        }
        try {
          Article a = made.article();
          byte[] json = mapper.writeValueAsBytes(a);
          nanos[1] += System.nanoTime() - t1;
          data.writeUTF(a.id());
          data.writeInt(json.length);
          data.write(json);
          n[0]++;
          n[1] += json.length;
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
    return new Prepared(n[0], n[1], secondsSince(start), nanos[0] / 1e9, nanos[1] / 1e9);
  }

  private void warmUp(int count, long seed) throws Exception {
    Path feed = work.resolve("warmup.jsonl");
    try (Writer w = Files.newBufferedWriter(feed, StandardCharsets.UTF_8)) {
      new ArticleGenerator(gazetteer).write(count, seed, w);
    }
    Path docs = work.resolve("warmup.bin");
    prepare(feed, docs);
    IndexManager warm = new IndexManager(client, "bench-warmup", definition);
    warm.deleteAll();
    warm.ensureIndex();
    long t = System.nanoTime();
    new Indexer(es, "bench-warmup", new ArticleFactory(new Tagger(gazetteer), Clock.systemUTC()), options)
        .run(List.of(feed), work.resolve("dead-letter-warmup.jsonl"));
    Raw raw = rawBulk(docs, "bench-warmup-raw", definition.createIndexJson());
    report.note("Warm-up (not counted): %,d docs through the Indexer and the plain loop in %.1f s (raw %,.0f docs/s)",
        count, secondsSince(t), raw.rate());
    warm.deleteAll();
    deleteIndex("bench-warmup-raw");
    Files.deleteIfExists(feed);
    Files.deleteIfExists(docs);
  }

  record Raw(long docs, double seconds, double inBulk) {
    double rate() {
      return docs / seconds;
    }
  }

  /** The limit for this layer: the same documents, same batch limits, same client; no mget, no hashing, no tagging. */
  Raw rawBulk(Path docs, String index, String createJson) throws IOException {
    deleteIndex(index);
    client.indices().create(c -> c.index(index).withJson(new StringReader(createJson)));
    long sent = 0;
    long inBulk = 0;
    long start = System.nanoTime();
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(docs), 1 << 20))) {
      List<BulkOperation> batch = new ArrayList<>();
      long bytes = 0;
      boolean more = true;
      // bounded: one pass over the file, at most 10 million documents
      while (more && sent < 10_000_000) {
        try {
          String id = in.readUTF();
          byte[] json = new byte[in.readInt()];
          in.readFully(json);
          BinaryData document = BinaryData.of(json, ContentType.APPLICATION_JSON);
          batch.add(BulkOperation.of(op -> op.index(i -> i.index(index).id(id).document(document))));
          bytes += json.length;
        } catch (EOFException end) {
          more = false;
        }
        if (!batch.isEmpty() && (!more || bytes >= options.maxBatchBytes() || batch.size() >= options.maxBatchDocs())) {
          List<BulkOperation> operations = batch;
          long t0 = System.nanoTime();
          BulkResponse response = client.bulk(b -> b.operations(operations));
          inBulk += System.nanoTime() - t0;
          for (BulkResponseItem item : response.items()) {
            if (item.error() != null) {
              throw new IllegalStateException("the plain bulk loop was refused a document: " + item.error().reason());
            }
          }
          sent += batch.size();
          batch = new ArrayList<>();
          bytes = 0;
        }
      }
    }
    client.indices().refresh(r -> r.index(index));
    return new Raw(sent, secondsSince(start), inBulk / 1e9);
  }

  /** The production definition with title and body (index and search) analyzed by the built-in arabic analyzer. */
  private String arabicDefinitionJson() throws IOException {
    ObjectNode body = (ObjectNode) JSON.readTree(definition.createIndexJson());
    for (String field : List.of("title", "body")) {
      ObjectNode f = (ObjectNode) body.path("mappings").path("properties").path(field);
      f.put("analyzer", "arabic");
      f.remove("search_analyzer");
    }
    return JSON.writeValueAsString(body);
  }

  record Sizes(long asIndexed, long merged, long segments) {}

  Sizes sizes(String index, boolean forceMerge) throws IOException, InterruptedException {
    low("POST", "/" + index + "/_flush");
    JsonNode stats = low("GET", "/" + index + "/_stats/store,segments,docs");
    JsonNode primaries = stats.path("_all").path("primaries");
    long asIndexed = primaries.path("store").path("size_in_bytes").asLong();
    long segments = primaries.path("segments").path("count").asLong();
    long merged = -1;
    if (forceMerge) {
      // the merge goes on in the node when the client's 30 s socket timeout ends the request: wait for one segment
      try {
        low("POST", "/" + index + "/_forcemerge?max_num_segments=1");
      } catch (IOException timedOut) {
        // polled below
      }
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(15);
      while (System.nanoTime() < deadline) {
        low("POST", "/" + index + "/_refresh"); // an idle shard skips scheduled refreshes: the merged segment shows after one
        JsonNode p = low("GET", "/" + index + "/_stats/store,segments").path("_all").path("primaries");
        JsonNode tasks = low("GET", "/_tasks?actions=*forcemerge*").path("nodes");
        if (p.path("segments").path("count").asLong() <= 1 && tasks.isEmpty()) {
          merged = p.path("store").path("size_in_bytes").asLong();
          break;
        }
        Thread.sleep(1_000);
      }
    }
    return new Sizes(asIndexed, merged, segments);
  }

  void deleteIndex(String index) throws IOException {
    client.indices().delete(d -> d.index(index).ignoreUnavailable(true).allowNoIndices(true));
  }

  private JsonNode low(String method, String path) throws IOException {
    Response r = es.restClient().performRequest(new Request(method, path));
    return JSON.readTree(r.getEntity().getContent());
  }

  static double secondsSince(long nanoStart) {
    return (System.nanoTime() - nanoStart) / 1e9;
  }

  static String fmt(String format, Object... args) {
    return String.format(java.util.Locale.ROOT, format, args);
  }

  static String mb(long bytes) {
    return bytes < 0 ? "–" : fmt("%.1f MB", bytes / 1e6);
  }
}
