package io.akhbar.indexer;

import io.akhbar.core.Config;
import io.akhbar.core.ElasticsearchConnection;
import io.akhbar.core.EmbeddedEngine;
import io.akhbar.core.IndexDefinition;
import io.akhbar.core.IndexManager;
import io.akhbar.gazetteer.Gazetteer;
import io.akhbar.gazetteer.Tagger;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The indexer's command line: {@code index PATH…}, {@code retag}, {@code keys create|list|revoke},
 * {@code generate --count N --seed S}, {@code evaluate}.
 */
@Command(name = "indexer", mixinStandardHelpOptions = true,
    description = "Indexes news articles (folders of page text files, .jsonl feeds) into Elasticsearch.",
    subcommands = {IndexerMain.Index.class, IndexerMain.Retag.class, KeysCommand.class, IndexerMain.Generate.class,
        IndexerMain.Evaluate.class, IndexerMain.EvaluateStories.class})
public final class IndexerMain {

  static final int EXIT_OK = 0;
  static final int EXIT_SOME_NOT_INDEXED = 1;
  static final int EXIT_BAD_INPUT = 2;
  static final int EXIT_ENGINE = 3;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  static CommandLine commandLine() {
    return new CommandLine(new IndexerMain())
        .setExitCodeExceptionMapper(e -> e instanceof IllegalArgumentException ? EXIT_BAD_INPUT : EXIT_ENGINE)
        .setExecutionExceptionHandler((e, cmd, parsed) -> {
          cmd.getErr().println("indexer: " + e.getMessage());
          return cmd.getExitCodeExceptionMapper().getExitCode(e);
        });
  }

  @Command(name = "index", description = "Index pages and JSON Lines files. Exit code 1 when anything was not indexed"
      + " (see the dead-letter file), 2 for bad arguments, 3 when Elasticsearch cannot be used.")
  static final class Index implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Folders (searched recursively) and files")
    List<Path> paths;

    @Option(names = "--dead-letter", paramLabel = "FILE",
        description = "Where to list what was not indexed (default: $DATA_DIR/dead-letter.jsonl)")
    Path deadLetter;

    @Option(names = "--batch-mb", defaultValue = "5", description = "Bulk request size in MB (default: ${DEFAULT-VALUE})")
    int batchMb;

    @Option(names = "--no-create-index", description = "Fail if the index does not exist instead of creating it")
    boolean noCreate;

    @Override
    public Integer call() throws Exception {
      InputScanner.checkExists(paths);
      if (batchMb < 1 || batchMb > 100) {
        throw new IllegalArgumentException("--batch-mb must be from 1 to 100");
      }
      Config config = Config.fromEnv();
      Gazetteer gazetteer = Gazetteer.fromClasspath();
      try (ElasticsearchConnection es = connect(config)) {
        IndexManager indices = new IndexManager(es.client(), config.indexAlias(),
            IndexDefinition.forGazetteer(gazetteer)
            .withShards(config.indexShards(), config.indexReplicas()));
        if (noCreate && indices.currentIndex().isEmpty()) {
          throw new IllegalStateException("The index '" + config.indexAlias() + "' does not exist on " + es.engine()
              + "; run without --no-create-index to create it");
        }
        indices.ensureIndex(Retagger.preparer(es.client(), new Tagger(gazetteer)), IndexerMain::migrationProgress);
        BulkWriter.Options defaults = BulkWriter.Options.defaults();
        BulkWriter.Options options = new BulkWriter.Options(batchMb * 1024 * 1024, defaults.maxBatchDocs(),
            defaults.maxRetries(), defaults.firstBackoff(), defaults.maxBackoff());
        Indexer indexer = new Indexer(es, config.indexAlias(), new ArticleFactory(new Tagger(gazetteer), Clock.systemUTC()),
            options);
        Path deadLetters = deadLetter != null ? deadLetter : config.dataDir().resolve("dead-letter.jsonl");
        IndexSummary summary = indexer.run(paths, deadLetters);
        System.out.println(summary);
        // stored articles another tagger version tagged (a tagger change needs no new index version)
        Retagger retagger = new Retagger(es.client(), config.indexAlias(), new Tagger(gazetteer));
        if (retagger.pending() > 0) {
          System.err.println("indexer: " + retagger.run(Long.MAX_VALUE, n -> { }));
        }
        if (!summary.ok()) {
          System.err.println((summary.failed() + summary.rejected()) + " inputs were not indexed; reasons in " + deadLetters);
          return EXIT_SOME_NOT_INDEXED;
        }
        return EXIT_OK;
      }
    }
  }

  @Command(name = "retag", description = "Re-tag the stored articles in place after a tagger or gazetteer change"
      + " (from their stored text; no source files needed). Resumable: a rerun does only what is left."
      + " Exit code 1 when some articles could not be updated, 3 when Elasticsearch cannot be used.")
  static final class Retag implements Callable<Integer> {
    @Override
    public Integer call() throws Exception {
      Config config = Config.fromEnv();
      Gazetteer gazetteer = Gazetteer.fromClasspath();
      try (ElasticsearchConnection es = connect(config)) {
        IndexManager indices = new IndexManager(es.client(), config.indexAlias(), IndexDefinition.forGazetteer(gazetteer)
            .withShards(config.indexShards(), config.indexReplicas()));
        if (indices.currentIndex().isEmpty()) {
          throw new IllegalStateException("The index '" + config.indexAlias() + "' does not exist on " + es.engine()
              + "; index some articles first (./indexer.sh index PATH…)");
        }
        indices.ensureIndex(Retagger.preparer(es.client(), new Tagger(gazetteer)), IndexerMain::migrationProgress);
        Retagger retagger = new Retagger(es.client(), config.indexAlias(), new Tagger(gazetteer));
        long pending = retagger.pending();
        System.err.println("retag: " + pending + " articles were tagged by another version than "
            + new Tagger(gazetteer).taggedBy());
        Retagger.Summary summary;
        try (me.tongfei.progressbar.ProgressBar bar = System.console() == null ? null
            : new me.tongfei.progressbar.ProgressBarBuilder().setTaskName("Re-tagging").setInitialMax(pending)
                .setUnit(" articles", 1).setStyle(me.tongfei.progressbar.ProgressBarStyle.ASCII).build()) {
          summary = retagger.run(Long.MAX_VALUE, done -> {
            if (bar != null) {
              bar.stepTo(done);
            }
          });
        }
        System.out.println(summary);
        return summary.failed() == 0 ? EXIT_OK : EXIT_SOME_NOT_INDEXED;
      }
    }
  }

  @Command(name = "generate", description = "Write synthetic Arabic news articles as JSON Lines (deterministic per seed).")
  static final class Generate implements Callable<Integer> {
    @Option(names = "--count", required = true, description = "How many articles") int count;
    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default: ${DEFAULT-VALUE})") long seed;
    @Option(names = "--out", description = "Output file (default: standard output)") Path out;

    @Override
    public Integer call() throws IOException {
      if (count < 1 || count > 10_000_000) {
        throw new IllegalArgumentException("--count must be from 1 to 10000000");
      }
      ArticleGenerator generator = new ArticleGenerator(Gazetteer.fromClasspath());
      try (Writer writer = out == null
          ? new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8))
          : Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
        generator.write(count, seed, writer);
      }
      return EXIT_OK;
    }
  }

  @Command(name = "evaluate", description = "Tag a real corpus as the indexer would and print the tagging figures: "
      + "precision and recall against the hand-labelled samples, and the plausibility of the tags over the whole "
      + "corpus. Needs no Elasticsearch.")
  static final class Evaluate implements Callable<Integer> {
    @Option(names = "--corpus", paramLabel = "FILE", defaultValue = "${env:CORPUS:-../shared/corpus/saudinewsnet.jsonl.gz}",
        description = "The corpus, JSON Lines (.jsonl or .jsonl.gz) (default: $CORPUS, else ${DEFAULT-VALUE})")
    Path corpus;

    @Option(names = "--gold", paramLabel = "FILE", split = ",",
        defaultValue = "relevance/corpus-sample-tags.tsv,relevance/corpus-iraq-sample-tags.tsv",
        description = "Hand labels of corpus articles, comma-separated (default: ${DEFAULT-VALUE})")
    List<Path> golds;

    @Option(names = "--tags", paramLabel = "FILE", description = "Score these tags (written by --write-tags, of any "
        + "version) instead of tagging now")
    Path tagsIn;

    @Option(names = "--write-tags", paramLabel = "FILE", description = "Write the tags of every article (JSON Lines)")
    Path tagsOut;

    @Option(names = "--report", paramLabel = "FILE", description = "Also write the figures (Markdown) to this file")
    Path report;

    @Override
    public Integer call() throws IOException {
      requireCorpus(corpus);
      for (Path g : golds) {
        if (!Files.isRegularFile(g)) {
          throw new IllegalArgumentException("no label file at " + g.toAbsolutePath().normalize());
        }
      }
      if (tagsIn != null && !Files.isRegularFile(tagsIn)) {
        throw new IllegalArgumentException("no tags file at " + tagsIn);
      }
      Gazetteer gazetteer = Gazetteer.fromClasspath();
      ArticleFactory factory = new ArticleFactory(new Tagger(gazetteer), Clock.systemUTC());
      io.akhbar.indexer.evaluation.CorpusEvaluation.Result result = io.akhbar.indexer.evaluation.CorpusEvaluation
          .run(corpus, golds, factory, gazetteer, tagsIn, tagsOut);
      String md = "## Tagging on " + corpus.getFileName() + "\n\n" + result.markdown();
      System.out.println(md);
      if (report != null) {
        Files.writeString(report, md, StandardCharsets.UTF_8);
      }
      return EXIT_OK;
    }
  }

  @Command(name = "evaluate-stories", description = "Give a real corpus's articles their stories as the indexer would "
      + "and print the near-duplicate figures: precision on the hand-checked pairs, recall against exact-opening "
      + "duplicates, the stage's speed. Needs no Elasticsearch.")
  static final class EvaluateStories implements Callable<Integer> {
    @Option(names = "--corpus", paramLabel = "FILE", defaultValue = "${env:CORPUS:-../shared/corpus/saudinewsnet.jsonl.gz}",
        description = "The corpus, JSON Lines (.jsonl or .jsonl.gz) (default: $CORPUS, else ${DEFAULT-VALUE})")
    Path corpus;

    @Option(names = "--pairs", paramLabel = "FILE", defaultValue = "relevance/duplicate-pairs.tsv",
        description = "Hand-checked pairs of corpus articles (default: ${DEFAULT-VALUE})")
    Path pairs;

    @Option(names = "--threshold", paramLabel = "J", description = "Try another similarity threshold (default: the "
        + "indexer's)")
    Double threshold;

    @Override
    public Integer call() throws IOException {
      requireCorpus(corpus);
      if (!Files.isRegularFile(pairs)) {
        throw new IllegalArgumentException("no pair file at " + pairs.toAbsolutePath().normalize());
      }
      ArticleFactory factory = new ArticleFactory(new Tagger(Gazetteer.fromClasspath()), Clock.systemUTC());
      var result = io.akhbar.indexer.evaluation.StoryEvaluation.run(corpus, pairs, factory,
          threshold == null ? io.akhbar.indexer.story.StoryFinder.THRESHOLD : threshold);
      System.out.println("## Stories (near-duplicates) on " + corpus.getFileName() + "\n\n" + result.markdown());
      return EXIT_OK;
    }
  }

  /** A clear message, not a stack trace, when the corpus an evaluation reads is missing. */
  static void requireCorpus(Path corpus) {
    if (!Files.isRegularFile(corpus)) {
      throw new IllegalArgumentException("the corpus is not at " + corpus.toAbsolutePath().normalize()
          + ": give its path with --corpus FILE (or CORPUS=FILE); the shared SaudiNewsNet corpus is "
          + "../shared/corpus/saudinewsnet.jsonl.gz beside the project");
    }
  }

  private static long lastProgress;

  /** An index migration's progress on stderr, a line every five seconds at most (and its last line). */
  static synchronized void migrationProgress(String status) {
    long now = System.nanoTime();
    if (status.startsWith("done") || now - lastProgress > 5_000_000_000L) {
      lastProgress = now;
      System.err.println("index migration: " + status);
    }
  }

  /** Connects, and checks that the engine answers, with a message that says what to do when it does not. */
  public static ElasticsearchConnection connect(Config config) {
    ElasticsearchConnection es;
    try {
      es = ElasticsearchConnection.open(config);
    } catch (EmbeddedEngine.EngineException e) {
      throw new IllegalStateException(e.getMessage());
    }
    try {
      es.checkReachable();
      return es;
    } catch (IllegalStateException e) {
      es.close();
      throw e;
    }
  }
}
