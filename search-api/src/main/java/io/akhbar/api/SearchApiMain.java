package io.akhbar.api;

import io.akhbar.core.ApiKeys;
import io.akhbar.core.Config;
import io.akhbar.core.ElasticsearchConnection;
import io.akhbar.core.IndexDefinition;
import io.akhbar.core.IndexManager;
import io.akhbar.gazetteer.Gazetteer;
import io.akhbar.gazetteer.Tagger;
import io.akhbar.indexer.ArticleFactory;
import io.akhbar.indexer.BulkWriter;
import io.akhbar.indexer.IndexSummary;
import io.akhbar.indexer.Indexer;
import io.akhbar.indexer.Retagger;
import io.akhbar.indexer.IndexerMain;
import io.akhbar.indexer.InputScanner;
import io.javalin.Javalin;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The main job ({@code ./run.sh [PATH…]}): connect to Elasticsearch (ES_URL, or start the embedded node), make sure
 * the index exists, serve the API and the page on PORT, and index the given folders and feeds (default: seeds/).
 */
public final class SearchApiMain {

  private static final Logger log = LoggerFactory.getLogger(SearchApiMain.class);

  public static void main(String[] args) throws Exception {
    try {
      run(args);
    } catch (IllegalArgumentException e) {
      System.err.println("run: " + e.getMessage());
      System.exit(2);
    } catch (IllegalStateException e) {
      System.err.println("run: " + e.getMessage());
      System.exit(3);
    }
  }

  static void run(String[] args) throws Exception {
    // --serve-only: serve what is indexed, never change the index (docker-compose runs the indexer as its own one-shot
    // service, with the credentials that may write; the API's may only read)
    boolean serveOnly = Arrays.asList(args).contains("--serve-only");
    List<Path> given = Arrays.stream(args).filter(a -> !a.equals("--serve-only")).map(Path::of).toList();
    List<Path> inputs = serveOnly ? List.of() : given.isEmpty() ? List.of(Path.of("seeds")) : given;
    InputScanner.checkExists(inputs);
    Config config = Config.fromEnv();
    Gazetteer gazetteer = Gazetteer.fromClasspath();
    Tagger tagger = new Tagger(gazetteer);
    ElasticsearchConnection es = IndexerMain.connect(config);
    log.info("Engine: {} (server version {})", es.engine(), es.serverVersion());
    IndexManager indices = new IndexManager(es.client(), config.indexAlias(), IndexDefinition.forGazetteer(gazetteer)
            .withShards(config.indexShards(), config.indexReplicas()));
    // an index-time change builds the next version in the background while the current one serves (and takes the
    // writes below: the migration replays them)
    boolean migrate = !serveOnly && indices.needsMigration();
    if (serveOnly) {
      if (indices.needsMigration()) {
        log.warn("The index was built from another definition than this one: the indexer applies it"
            + " (./indexer.sh index, or docker compose run --rm indexer); serving it as it is meanwhile");
      }
    } else if (!migrate) {
      indices.ensureIndex();
    }

    SearchService search = SearchService.create(es.client(), config.indexAlias(), gazetteer);
    HealthService health = new HealthService(es, indices);
    Access access = config.authKeys() ? Access.keys(new ApiKeys(es.client(), config.indexAlias()), config.rateLimitPerMinute())
        : Access.off();
    SearchApp.Admin admin = serveOnly ? () -> {
      throw new ApiException(409, "read_only", "This API serves the index read-only (--serve-only): re-tag with"
          + " ./indexer.sh retag (docker compose run --rm indexer retag)", null);
    } : () -> retagNow(es, config.indexAlias(), tagger, health);
    Javalin app = SearchApp.create(search, health, access, admin, config.corsOrigins()).start(config.port());
    if (access.on()) {
      log.info("AUTH=keys: the JSON API asks for an API key (./indexer.sh keys create --name … --role search|admin);"
          + " at most {} requests a minute per key", config.rateLimitPerMinute() == 0 ? "unlimited" : config.rateLimitPerMinute());
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      log.info("Stopping");
      app.stop();
      es.close();
    }, "shutdown"));
    log.info("Serving the API and the page on http://localhost:{}/", app.port());

    if (serveOnly) {
      return;
    }
    Thread background = maintainInBackground(es, indices, migrate, tagger, health);
    Indexer indexer = new Indexer(es, config.indexAlias(), new ArticleFactory(tagger, Clock.systemUTC()),
        BulkWriter.Options.defaults());
    IndexSummary summary = indexer.run(inputs, config.dataDir().resolve("dead-letter.jsonl"));
    log.info("Indexed {}: {}", inputs, summary);
    if (background.isAlive()) {
      log.info("The index migration and re-tag go on in the background (/health shows their progress)");
    }
    log.info("Ready: http://localhost:{}/ (Ctrl-C stops the API and the engine)", app.port());
  }

  /**
   * In the background while the API answers: the index migration when an index-time change needs one (the copy is
   * re-tagged before the alias moves), then the re-tag of stored articles another tagger or gazetteer version tagged.
   * /health shows both. Ctrl-C in the middle is safe: the next start does what is left.
   */
  static Thread maintainInBackground(ElasticsearchConnection es, IndexManager indices, boolean migrate, Tagger tagger,
      HealthService health) {
    Thread t = new Thread(() -> {
      if (migrate) {
        try {
          health.migration("running: starting");
          IndexManager.Result result = indices.ensureIndex(Retagger.preparer(es.client(), tagger), health::migration);
          health.migration("done: " + result.outcome().name().toLowerCase(java.util.Locale.ROOT) + ", " + result.index());
        } catch (Exception e) {
          log.warn("The index migration stopped: {} (the current version keeps serving; the next start tries again)",
              e.toString());
          health.migration("failed: " + e.getMessage() + " (the current version keeps serving)");
          return;
        }
      }
      retag(es, indices.alias(), tagger, health);
    }, "index-maintenance");
    t.setDaemon(true);
    t.start();
    return t;
  }

  private static final java.util.concurrent.atomic.AtomicBoolean RETAGGING = new java.util.concurrent.atomic.AtomicBoolean();

  /** The admin endpoint's re-tag: started in the background unless one runs already. */
  static String retagNow(ElasticsearchConnection es, String alias, Tagger tagger, HealthService health) {
    if (RETAGGING.get()) {
      return "running";
    }
    Thread t = new Thread(() -> retag(es, alias, tagger, health), "retag");
    t.setDaemon(true);
    t.start();
    return "started";
  }

  private static void retag(ElasticsearchConnection es, String alias, Tagger tagger, HealthService health) {
    if (!RETAGGING.compareAndSet(false, true)) {
      return;
    }
    try {
      Retagger retagger = new Retagger(es.client(), alias, tagger);
      long pending = retagger.pending();
      if (pending == 0) {
        return;
      }
      log.info("Re-tagging {} stored articles tagged by another version than {}", pending, tagger.taggedBy());
      health.retag("running: 0 of " + pending);
      Retagger.Summary summary = retagger.run(Long.MAX_VALUE, done -> health.retag("running: " + done + " of " + pending));
      health.retag("done: " + summary);
    } catch (Exception e) {
      log.warn("Re-tagging stopped: {} (the next start resumes it)", e.toString());
      health.retag("failed: " + e.getMessage() + " (the next start resumes it)");
    } finally {
      RETAGGING.set(false);
    }
  }
}
