package io.akhbar.indexer;

import io.akhbar.core.ElasticsearchConnection;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One indexing run: inputs → articles → Bulk API, with every input accounted for in the summary. */
public final class Indexer {

  private static final Logger log = LoggerFactory.getLogger(Indexer.class);

  private final ElasticsearchConnection es;
  private final String alias;
  private final ArticleFactory factory;
  private final BulkWriter.Options options;

  public Indexer(ElasticsearchConnection es, String alias, ArticleFactory factory, BulkWriter.Options options) {
    this.es = es;
    this.alias = alias;
    this.factory = factory;
    this.options = options;
  }

  public IndexSummary run(List<Path> inputs, Path deadLetterFile) throws IOException {
    long start = System.nanoTime();
    AtomicLong read = new AtomicLong();
    AtomicLong rejected = new AtomicLong();
    try (DeadLetters deadLetters = new DeadLetters(deadLetterFile);
         ProgressBar progress = progressBar()) {
      BulkWriter writer = new BulkWriter(es.client(), alias, deadLetters, options);
      new InputScanner().scan(inputs, input -> {
        read.incrementAndGet();
        if (progress != null) {
          progress.step();
        }
        ArticleFactory.Result result = factory.make(input);
        if (result instanceof ArticleFactory.Result.Made made) {
          writer.add(made.article(), input.where());
        } else if (result instanceof ArticleFactory.Result.Refused refused) {
          rejected.incrementAndGet();
          deadLetters.add(refused.where(), null, refused.reason());
        }
      });
      writer.close();
      refresh();
      IndexSummary summary = new IndexSummary(read.get(), writer.indexed(), writer.updated(), writer.unchanged(),
          writer.failed(), rejected.get(), (System.nanoTime() - start) / 1_000_000);
      log.info("Indexing into {}: {}", alias, summary);
      if (!summary.ok()) {
        log.warn("{} inputs were not indexed; see {}", summary.failed() + summary.rejected(), deadLetterFile);
      }
      return summary;
    }
  }

  /** Makes the run searchable now rather than within the index's refresh interval; failing that is not fatal. */
  private void refresh() {
    try {
      es.client().indices().refresh(r -> r.index(alias));
    } catch (IOException | RuntimeException e) {
      log.warn("Could not refresh {} after indexing ({}); the articles become searchable within a second", alias,
          e.getMessage());
    }
  }

  /** A progress bar on the terminal only: logs and CI output stay clean. */
  private static ProgressBar progressBar() {
    if (System.console() == null) {
      return null;
    }
    return new ProgressBarBuilder().setTaskName("Indexing").setInitialMax(-1).setUnit(" articles", 1)
        .setStyle(ProgressBarStyle.ASCII).continuousUpdate().build();
  }
}
