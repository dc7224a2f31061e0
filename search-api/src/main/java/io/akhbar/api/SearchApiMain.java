package io.akhbar.api;

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
    // --serve-only: serve what is indexed (docker-compose runs the indexer as its own one-shot service)
    boolean serveOnly = Arrays.asList(args).contains("--serve-only");
    List<Path> given = Arrays.stream(args).filter(a -> !a.equals("--serve-only")).map(Path::of).toList();
    List<Path> inputs = serveOnly ? List.of() : given.isEmpty() ? List.of(Path.of("seeds")) : given;
    InputScanner.checkExists(inputs);
    Config config = Config.fromEnv();
    Gazetteer gazetteer = Gazetteer.fromClasspath();
    Tagger tagger = new Tagger(gazetteer);
    ElasticsearchConnection es = IndexerMain.connect(config);
    log.info("Engine: {} (server version {})", es.engine(), es.serverVersion());
    IndexManager indices = new IndexManager(es.client(), config.indexAlias(), IndexDefinition.forGazetteer(gazetteer));
    indices.ensureIndex();

    SearchService search = SearchService.create(es.client(), config.indexAlias(), gazetteer);
    Javalin app = SearchApp.create(search, new HealthService(es, indices)).start(config.port());
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      log.info("Stopping");
      app.stop();
      es.close();
    }, "shutdown"));
    log.info("Serving the API and the page on http://localhost:{}/", app.port());

    if (serveOnly) {
      return;
    }
    Indexer indexer = new Indexer(es, config.indexAlias(), new ArticleFactory(tagger, Clock.systemUTC()),
        BulkWriter.Options.defaults());
    IndexSummary summary = indexer.run(inputs, config.dataDir().resolve("dead-letter.jsonl"));
    log.info("Indexed {}: {}", inputs, summary);
    log.info("Ready: http://localhost:{}/ (Ctrl-C stops the API and the engine)", app.port());
  }
}
