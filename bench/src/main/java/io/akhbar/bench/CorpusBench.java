package io.akhbar.bench;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.search.HighlighterEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import io.akhbar.api.BenchAccess;
import io.akhbar.api.HealthService;
import io.akhbar.api.SearchApp;
import io.akhbar.api.SearchQueryBuilder;
import io.akhbar.api.SearchService;
import io.akhbar.core.ElasticsearchConnection;
import io.akhbar.core.IndexDefinition;
import io.akhbar.core.IndexManager;
import io.akhbar.gazetteer.Gazetteer;
import io.akhbar.gazetteer.Tagger;
import io.akhbar.indexer.ArticleFactory;
import io.akhbar.indexer.BulkWriter;
import io.akhbar.indexer.IndexSummary;
import io.akhbar.indexer.Indexer;
import io.javalin.Javalin;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The product against the index a user would build by hand, side by side in one run on the real corpus: ingest
 * ({@code Indexer.run}: parse, tag, bulk; against a plain {@code _bulk} loop of the same documents into title/body
 * with the built-in {@code arabic} analyzer and the same keyword facet fields) and search (the API's
 * {@code /api/search} over HTTP, against the same five facets and highlight fragments sent straight to the node
 * with an AND match on title and body). Journalist queries: the judged queries of {@code relevance/queries.tsv}.
 */
final class CorpusBench {

  static final String PRODUCT = "bench-corpus";
  static final String ANCHOR = "bench-corpus-anchor";
  static final int QUERIES = 20;
  static final int WARM_UP_PASSES = 3;
  static final int PASSES = 15;

  private final ElasticsearchConnection es;
  private final ElasticsearchClient client;
  private final Gazetteer gazetteer;
  private final Path work;
  private final Report report;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();

  CorpusBench(ElasticsearchConnection es, Gazetteer gazetteer, Path work, Report report) {
    this.es = es;
    this.client = es.client();
    this.gazetteer = gazetteer;
    this.work = work;
    this.report = report;
  }

  /** The Indexer without its story stage, into an index of its own (deleted after): docs/s. */
  private double plainRun(IndexManager plainIndices, String plain, BulkWriter.Options options, Path corpus)
      throws java.io.IOException {
    plainIndices.deleteAll();
    plainIndices.ensureIndex();
    long t0 = System.nanoTime();
    IndexSummary plainSummary = new Indexer(es, plain, new ArticleFactory(new Tagger(gazetteer), Clock.systemUTC()),
        options).withoutStories().run(List.of(corpus), work.resolve("dead-letter-corpus-plain.jsonl"));
    double rate = plainSummary.indexed() / IngestBench.secondsSince(t0);
    plainIndices.deleteAll();
    return rate;
  }

  void run(Path corpus, Path queriesTsv) throws Exception {
    IngestBench ingest = new IngestBench(es, gazetteer, work, report);
    BulkWriter.Options options = BulkWriter.Options.defaults();
    // the anchor's documents: the same finished documents the product indexes (made once, outside the timing)
    Path docs = work.resolve("corpus-docs.bin");
    ingest.prepare(corpus, docs, true);

    IndexManager indices = new IndexManager(client, PRODUCT, IndexDefinition.forGazetteer(gazetteer));
    indices.deleteAll();
    String productIndex = indices.ensureIndex().index();
    // what finding wire copies costs: the same run with each article its own story, into an index of its own
    String plain = PRODUCT + "-without-stories";
    IndexManager plainIndices = new IndexManager(client, plain, IndexDefinition.forGazetteer(gazetteer));
    // a first run warms the JVM and the node (not counted: the first run of a fresh JVM is the slowest). Both keep
    // getting faster for several runs after it (by hand: 611, 653, 679 docs/s for three runs without stories with
    // product runs between them), so the product run is timed between two runs without stories and compared with
    // their mean: one run before or after it alone would credit or charge the stage with the warm-up.
    plainRun(plainIndices, plain, options, corpus);
    double plainBefore = plainRun(plainIndices, plain, options, corpus);
    Indexer indexer = new Indexer(es, PRODUCT, new ArticleFactory(new Tagger(gazetteer), Clock.systemUTC()), options);
    long t = System.nanoTime();
    IndexSummary summary = indexer.run(List.of(corpus), work.resolve("dead-letter-corpus.jsonl"));
    double productSeconds = IngestBench.secondsSince(t);
    double plainAfter = plainRun(plainIndices, plain, options, corpus);
    double plainRate = (plainBefore + plainAfter) / 2;
    IngestBench.Raw anchor = ingest.rawBulk(docs, ANCHOR, anchorDefinition());
    IngestBench.Sizes productSize = ingest.sizes(productIndex, false);
    IngestBench.Sizes anchorSize = ingest.sizes(ANCHOR, false);
    double productRate = summary.indexed() / productSeconds;

    List<String> queries = queries(queriesTsv);
    SearchService service = BenchAccess.searchService(client, PRODUCT, gazetteer);
    HealthService health = new HealthService(es, indices);
    Javalin app = SearchApp.create(service, health).start("127.0.0.1", 0);
    double[][] product;
    double[][] direct;
    try {
      List<HttpRequest> api = new ArrayList<>();
      List<SearchRequest> hand = new ArrayList<>();
      for (String q : queries) {
        api.add(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/api/search?q="
            + URLEncoder.encode(q, StandardCharsets.UTF_8))).timeout(Duration.ofSeconds(30)).GET().build());
        hand.add(anchorSearch(q));
      }
      for (int pass = 0; pass < WARM_UP_PASSES; pass++) {
        time(api, hand);
      }
      product = new double[PASSES][];
      direct = new double[PASSES][];
      for (int pass = 0; pass < PASSES; pass++) {
        double[][] both = time(api, hand);
        product[pass] = both[0];
        direct[pass] = both[1];
      }
    } finally {
      app.stop();
    }
    double[] p = flat(product);
    double[] a = flat(direct);

    report.section("Side by side on the real corpus (%s): this product against the index a user would build by hand",
        corpus.getFileName());
    report.table(List.of("", "this product", "anchor: built-in `arabic` on title/body, same keyword facets, plain `_bulk`, one client", "ratio"),
        List.of(
            List.of("ingest (docs/s)", IngestBench.fmt("%,.0f (Indexer: parse, tag, bulk; %,d docs)", productRate, summary.indexed()),
                IngestBench.fmt("%,.0f (%,d docs)", anchor.rate(), anchor.docs()), IngestBench.fmt("**%.2f×**", productRate / anchor.rate())),
            List.of(IngestBench.fmt("search p50, %d journalist queries, 1 client (ms)", queries.size()),
                IngestBench.fmt("%.1f (`/api/search`)", percentile(p, 50)),
                IngestBench.fmt("%.1f (five facets, highlights, straight to the node)", percentile(a, 50)),
                IngestBench.fmt("**%.2f×**", percentile(p, 50) / percentile(a, 50))),
            List.of("search p95 (ms)", IngestBench.fmt("%.1f", percentile(p, 95)), IngestBench.fmt("%.1f", percentile(a, 95)),
                IngestBench.fmt("%.2f×", percentile(p, 95) / percentile(a, 95))),
            List.of("index size", IngestBench.mb(productSize.asIndexed()), IngestBench.mb(anchorSize.asIndexed()),
                IngestBench.fmt("%.2f×", productSize.asIndexed() / (double) anchorSize.asIndexed()))));
    long stories = client.search(x -> x.index(PRODUCT).size(0).aggregations("n", g -> g.cardinality(c -> c
        .field(SearchQueryBuilder.STORY).precisionThreshold(SearchQueryBuilder.STORY_COUNT_EXACT_UP_TO))), Void.class).aggregations().get("n").cardinality().value();
    report.note("Wire copies (issue: journalists' tools): the indexer with its story stage %,.0f docs/s, the same run "
        + "with each article its own story %,.0f docs/s (the mean of a run just before it and one just after, %,.0f "
        + "and %,.0f, each into its own index; a first run warmed both up, not counted): the stage costs %.1f%% of "
        + "the throughput (goal ≤ 10%%); %,d articles make %,d stories. The product's searches above collapse copies "
        + "(a story count, and one filter-only request for the copies of a page's hits).", productRate, plainRate,
        plainBefore, plainAfter, 100 * (1 - productRate / plainRate), summary.indexed(), stories);
    report.note("Goals (issue: speed): ingest ≥ 0.5×, search p50 ≤ 1.5× and p95 ≤ 2×. Indexer summary: %s. "
        + "Search: %d passes of the %d queries after %d warm-up passes, product and anchor interleaved query by query.",
        summary, PASSES, queries.size(), WARM_UP_PASSES);
    report.section("Where the node's indexing time goes: the same %,d finished documents, plain `_bulk`, one client",
        anchor.docs());
    report.table(List.of("definition", "docs/s", "vs production", "index size"),
        DefinitionCost.rows(ingest, docs, IndexDefinition.forGazetteer(gazetteer)));
    report.note("The anchor above indexes %,.0f docs/s: title and body once each with the built-in analyzer, nothing "
        + "else. A variant's gain over the production definition is what the part it leaves out costs.", anchor.rate());
    livingArchive(report, indices);
    ingest.deleteIndex(ANCHOR);
    indices.deleteAll();
    Files.deleteIfExists(docs);
  }

  /**
   * The living archive on the real corpus, each with the disk the index versions use before, at peak and after:
   * a synonym edit (applied in place), re-tagging the whole archive after a gazetteer edit (the same gazetteer minus
   * one actor's row is a different version, so every stored article is read back and tagged again), and an
   * index-time change (the next version built while the old one serves, its copy re-tagged, the alias swapped).
   */
  private void livingArchive(Report report, IndexManager indices) throws Exception {
    List<List<String>> rows = new ArrayList<>();

    DiskSampler disk = new DiskSampler();
    long t = System.nanoTime();
    IndexManager.Result edited = new IndexManager(client, PRODUCT,
        IndexDefinition.load(List.of("palmyrene => palmyrene, زنوبيا"), gazetteer)).ensureIndex();
    rows.add(List.of("a synonym edit (one rule added)", IngestBench.fmt("%.1f s", IngestBench.secondsSince(t)),
        edited.outcome().name().toLowerCase(java.util.Locale.ROOT) + ", no reindex", disk.stop()));
    // back to the product's rules, in place again
    new IndexManager(client, PRODUCT, IndexDefinition.forGazetteer(gazetteer)).ensureIndex();

    String actors = resource("actors.tsv").lines().filter(l -> !l.startsWith("mustafa-al-kadhimi\t"))
        .collect(java.util.stream.Collectors.joining("\n", "", "\n"));
    Gazetteer minusOne = Gazetteer.parse(resource("places.tsv"), actors, resource("roles.tsv"), resource("offices.tsv"),
        resource("countries.tsv"), resource("places-abroad.tsv"));
    io.akhbar.indexer.Retagger retagger = new io.akhbar.indexer.Retagger(client, PRODUCT, new Tagger(minusOne));
    long pending = retagger.pending();
    disk = new DiskSampler();
    io.akhbar.indexer.Retagger.Summary summary = retagger.run(Long.MAX_VALUE, n -> { });
    rows.add(List.of(IngestBench.fmt("re-tag in place after a gazetteer edit (%,d articles to check)", pending),
        IngestBench.fmt("%.1f s (%,.0f articles/s)", summary.millis() / 1000.0, summary.read() * 1000.0 / Math.max(1, summary.millis())),
        IngestBench.fmt("%,d written (tags changed), %,d unchanged, %,d failed", summary.changed(), summary.unchanged(), summary.failed()),
        disk.stop()));

    IndexDefinition current = IndexDefinition.forGazetteer(gazetteer);
    IndexDefinition changed = current.withIndexSetting("max_result_window", 9000);
    disk = new DiskSampler();
    t = System.nanoTime();
    IndexManager.Result migrated = new IndexManager(client, PRODUCT, changed)
        .ensureIndex(io.akhbar.indexer.Retagger.preparer(client, new Tagger(gazetteer)), status -> { });
    rows.add(List.of("an index-time change (new version built in the background, copy re-tagged, alias swapped)",
        IngestBench.fmt("%.1f s (%,.0f docs/s)", IngestBench.secondsSince(t), client.count(c -> c.index(PRODUCT)).count()
            / IngestBench.secondsSince(t)), migrated.outcome().name().toLowerCase(java.util.Locale.ROOT) + " to " + migrated.index(),
        disk.stop()));
    report.section("The living archive on the real corpus: edits applied to the %,d stored articles",
        client.count(c -> c.index(PRODUCT)).count());
    report.table(List.of("edit", "time", "what it did", "disk of the index versions: before → peak → after"), rows);
    report.note("Goal (issue: living archive): re-tag ≥ 2,000 articles/s end to end. Searches and writes go on during"
        + " each; the synonym edit closes the index for about a second (searches answer 503 meanwhile).");
  }

  /** Samples the store size of every version behind {@value #PRODUCT} twice a second: before, peak, after. */
  private final class DiskSampler {
    private final long before;
    private volatile long peak;
    private volatile boolean running = true;
    private final Thread thread;

    DiskSampler() throws java.io.IOException {
      before = bytes();
      peak = before;
      thread = new Thread(() -> {
        while (running) {
          try {
            peak = Math.max(peak, bytes());
            Thread.sleep(500);
          } catch (Exception e) {
            return;
          }
        }
      }, "disk-sampler");
      thread.setDaemon(true);
      thread.start();
    }

    String stop() throws Exception {
      running = false;
      thread.join();
      client.indices().refresh(r -> r.index(PRODUCT));
      long after = bytes();
      peak = Math.max(peak, after);
      return IngestBench.mb(before) + " → " + IngestBench.mb(peak) + " → " + IngestBench.mb(after);
    }

    private long bytes() throws java.io.IOException {
      var r = es.restClient().performRequest(new org.elasticsearch.client.Request("GET",
          "/_cat/indices/" + PRODUCT + "-v*?bytes=b&h=store.size&format=json"));
      long sum = 0;
      for (var row : new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.getEntity().getContent())) {
        sum += row.path("store.size").asLong();
      }
      return sum;
    }
  }

  private static String resource(String file) throws java.io.IOException {
    try (java.io.InputStream in = CorpusBench.class.getClassLoader().getResourceAsStream("gazetteer/" + file)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** One pass: each query through the API, then by hand to the node; milliseconds. */
  private double[][] time(List<HttpRequest> api, List<SearchRequest> hand) throws Exception {
    double[] p = new double[api.size()];
    double[] a = new double[api.size()];
    for (int i = 0; i < api.size(); i++) {
      long t0 = System.nanoTime();
      HttpResponse<byte[]> r = http.send(api.get(i), HttpResponse.BodyHandlers.ofByteArray());
      p[i] = (System.nanoTime() - t0) / 1e6;
      if (r.statusCode() != 200) {
        throw new IllegalStateException("the API answered " + r.statusCode() + " to " + api.get(i).uri());
      }
      long t1 = System.nanoTime();
      client.search(hand.get(i), JsonNode.class);
      a[i] = (System.nanoTime() - t1) / 1e6;
    }
    return new double[][] {p, a};
  }

  /** What a user would send by hand: an AND match on title and body, the five facets, the same highlights. */
  private static SearchRequest anchorSearch(String q) {
    return SearchRequest.of(s -> s.index(ANCHOR)
        .query(x -> x.multiMatch(m -> m.query(q).fields("title^3", "body").operator(Operator.And)))
        .trackTotalHits(tt -> tt.enabled(true))
        .size(10)
        .source(src -> src.filter(f -> f.excludes("body", "content_hash")))
        .highlight(h -> h.preTags("<mark>").postTags("</mark>").encoder(HighlighterEncoder.Html)
            .fields("title", f -> f.numberOfFragments(0))
            .fields("body", f -> f.fragmentSize(180).numberOfFragments(3).noMatchSize(240)))
        .aggregations("province", a -> a.terms(t -> t.field("provinces").size(50)))
        .aggregations("district", a -> a.terms(t -> t.field("districts").size(150)))
        .aggregations("actor", a -> a.terms(t -> t.field("actors").size(100)))
        .aggregations("language", a -> a.terms(t -> t.field("language").size(10)))
        .aggregations("date", a -> a.dateHistogram(d -> d.field("published_at").calendarInterval(CalendarInterval.Month)
            .minDocCount(1))));
  }

  /** Title and body with the built-in analyzer, the facet fields as keywords; nothing else is indexed. */
  private static String anchorDefinition() {
    return """
        {"settings": {"number_of_shards": 1, "number_of_replicas": 0},
         "mappings": {"dynamic": false, "properties": {
           "title": {"type": "text", "analyzer": "arabic"}, "body": {"type": "text", "analyzer": "arabic"},
           "published_at": {"type": "date", "format": "strict_date_optional_time||yyyy-MM-dd"},
           "provinces": {"type": "keyword"}, "districts": {"type": "keyword"}, "actors": {"type": "keyword"},
           "language": {"type": "keyword"}, "source": {"type": "keyword"}, "id": {"type": "keyword"}}}}
        """;
  }

  /** The first {@value #QUERIES} judged queries, without their quotes and operators' variants. */
  static List<String> queries(Path tsv) throws java.io.IOException {
    List<String> out = new ArrayList<>();
    for (String line : Files.readAllLines(tsv, StandardCharsets.UTF_8)) {
      if (line.isBlank() || line.startsWith("#") || line.startsWith("id\t")) {
        continue;
      }
      String q = line.split("\t")[1].strip();
      if (!q.contains("\"") && !q.startsWith("#") && !out.contains(q) && out.size() < QUERIES) {
        out.add(q);
      }
    }
    return out;
  }

  private static double[] flat(double[][] passes) {
    return Arrays.stream(passes).flatMapToDouble(Arrays::stream).sorted().toArray();
  }

  private static double percentile(double[] sorted, double pct) {
    int i = (int) Math.ceil(pct / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }
}
