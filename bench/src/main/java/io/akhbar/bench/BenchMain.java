package io.akhbar.bench;

import io.akhbar.core.Config;
import io.akhbar.core.ElasticsearchConnection;
import io.akhbar.gazetteer.Gazetteer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Runs the ingest and query benchmarks against the embedded node (or {@code ES_URL}), prints the figures and writes
 * them to {@code bench/RESULTS.md}. Start it with {@code bench/run.sh}. Settings (environment): {@code BENCH_DOCS}
 * (100000), {@code BENCH_SEED} (42), {@code BENCH_CLIENTS} (1,8,32), {@code BENCH_WARMUP_S} (5),
 * {@code BENCH_MEASURE_S} (20), {@code BENCH_OUT} (bench/RESULTS.md), {@code BENCH_CORPUS} (the real corpus for the
 * side-by-side run: ../shared/corpus/saudinewsnet.jsonl.gz; skipped, and said so, when missing), {@code BENCH_ONLY}
 * ({@code corpus}: the side-by-side run alone), plus the services' own (DATA_DIR, ES_URL, ENGINE_HEAP).
 */
public final class BenchMain {

  private BenchMain() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> env = System.getenv();
    int docs = Integer.parseInt(env.getOrDefault("BENCH_DOCS", "100000"));
    long seed = Long.parseLong(env.getOrDefault("BENCH_SEED", "42"));
    int[] clients = Arrays.stream(env.getOrDefault("BENCH_CLIENTS", "1,8,32").split(",")).map(String::strip)
        .mapToInt(Integer::parseInt).toArray();
    Duration warmUp = Duration.ofSeconds(Long.parseLong(env.getOrDefault("BENCH_WARMUP_S", "5")));
    Duration measure = Duration.ofSeconds(Long.parseLong(env.getOrDefault("BENCH_MEASURE_S", "20")));
    Path out = Path.of(env.getOrDefault("BENCH_OUT", "bench/RESULTS.md"));
    if (docs < 1 || docs > 2_000_000 || measure.isZero() || measure.toSeconds() > 600 || warmUp.toSeconds() > 600) {
      throw new IllegalArgumentException("BENCH_DOCS must be 1..2000000, BENCH_MEASURE_S 1..600, BENCH_WARMUP_S 0..600");
    }

    Config config = Config.fromEnv();
    Gazetteer gazetteer = Gazetteer.fromClasspath();
    Path work = Files.createDirectories(config.dataDir().resolve("bench-work"));
    Report report = new Report();
    long start = System.nanoTime();
    try (ElasticsearchConnection es = ElasticsearchConnection.open(config)) {
      report.title("Benchmarks");
      report.note("Run of %s by `bench/run.sh` (io.akhbar.bench.BenchMain). Machine: %d cores, %.0f GB RAM; Java %s;"
              + " bench/API JVM max heap %s; engine: %s (server %s, heap %s), loopback only. Nothing here is a pass/fail test.",
          LocalDate.now(), Runtime.getRuntime().availableProcessors(), totalRamGb(), System.getProperty("java.version"),
          IngestBench.mb(Runtime.getRuntime().maxMemory()), es.engine(), es.serverVersion(),
          config.esUrl().isPresent() ? "as configured" : config.engineHeap());

      Path corpus = Path.of(env.getOrDefault("BENCH_CORPUS", "../shared/corpus/saudinewsnet.jsonl.gz"));
      if (Files.isRegularFile(corpus)) {
        new CorpusBench(es, gazetteer, work, report).run(corpus, Path.of("relevance/queries.tsv"));
      } else {
        report.note("The real corpus is not at %s (set BENCH_CORPUS): the side-by-side run on it is skipped.",
            corpus.toAbsolutePath().normalize());
        System.err.println("bench: the real corpus is not at " + corpus.toAbsolutePath().normalize()
            + "; the side-by-side run is skipped (set BENCH_CORPUS)");
      }
      if (!"corpus".equals(env.get("BENCH_ONLY"))) {
        new IngestBench(es, gazetteer, work, report).run(docs, seed);
        List<QueryMix.Query> mix = QueryMix.generate(gazetteer, seed);
        new QueryBench(es, gazetteer, IngestBench.ALIAS, report).run(mix, clients, warmUp, measure);
      }
      report.note("Total bench time: %.0f s.", IngestBench.secondsSince(start));
    }
    report.write(out);
    System.out.println("Wrote " + out.toAbsolutePath());
    System.exit(0);
  }

  private static double totalRamGb() {
    if (java.lang.management.ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getTotalMemorySize() / 1e9;
    }
    return Double.NaN;
  }
}
