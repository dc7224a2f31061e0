package io.akhbar.indexer;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import io.akhbar.core.Article;
import io.akhbar.core.ElasticsearchConnection;
import io.akhbar.indexer.story.IndexStoryLookup;
import io.akhbar.indexer.story.StoryFinder;
import java.util.ArrayList;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One indexing run: inputs → articles → stories (which earlier article each copies) → Bulk API, with every input
 * accounted for in the summary.
 */
public final class Indexer {

  private static final Logger log = LoggerFactory.getLogger(Indexer.class);

  private final ElasticsearchConnection es;
  private final String alias;
  private final ArticleFactory factory;
  private final BulkWriter.Options options;
  private final boolean stories;

  /** Articles given their stories together: one lookup request per batch when the index holds earlier articles. */
  static final int STORY_BATCH = 500;

  public Indexer(ElasticsearchConnection es, String alias, ArticleFactory factory, BulkWriter.Options options) {
    this(es, alias, factory, options, true);
  }

  private Indexer(ElasticsearchConnection es, String alias, ArticleFactory factory, BulkWriter.Options options,
      boolean stories) {
    this.es = es;
    this.alias = alias;
    this.factory = factory;
    this.options = options;
    this.stories = stories;
  }

  /** The same run with each article its own story: what the bench compares to measure what finding copies costs. */
  public Indexer withoutStories() {
    return new Indexer(es, alias, factory, options, false);
  }

  public IndexSummary run(List<Path> inputs, Path deadLetterFile) throws IOException {
    long start = System.nanoTime();
    AtomicLong read = new AtomicLong();
    AtomicLong rejected = new AtomicLong();
    try (DeadLetters deadLetters = new DeadLetters(deadLetterFile);
         ProgressBar progress = progressBar()) {
      BulkWriter writer = new BulkWriter(es.client(), alias, deadLetters, options);
      StoryStage storyStage = new StoryStage(writer, stories ? storyFinder() : null);
      new InputScanner().scan(inputs, input -> {
        read.incrementAndGet();
        if (progress != null) {
          progress.step();
        }
        ArticleFactory.Result result = factory.make(input);
        if (result instanceof ArticleFactory.Result.Made made) {
          storyStage.add(made.article(), input.where());
        } else if (result instanceof ArticleFactory.Result.Refused refused) {
          rejected.incrementAndGet();
          deadLetters.add(refused.where(), null, refused.reason());
        }
      });
      storyStage.flush();
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

  /**
   * Copies are looked up among this run's articles in memory, and in the index among those stored before the run
   * (none in a first run: no lookups at all).
   */
  private StoryFinder storyFinder() throws IOException {
    String runStart = java.time.Instant.now().toString();
    Query scope = Query.of(q -> q.bool(b -> b
        .filter(f -> f.exists(e -> e.field("story")))
        .filter(f -> f.range(r -> r.date(d -> d.field("indexed_at").lt(runStart))))));
    return IndexStoryLookup.finder(es.client(), alias, scope);
  }

  /** Holds articles until a batch can be given its stories together, then hands them to the writer. */
  private static final class StoryStage {
    private final BulkWriter writer;
    private final StoryFinder finder;
    private final List<Article> articles = new ArrayList<>();
    private final List<String> wheres = new ArrayList<>();

    StoryStage(BulkWriter writer, StoryFinder finder) {
      this.writer = writer;
      this.finder = finder;
    }

    void add(Article article, String where) {
      if (finder == null) {
        writer.add(article, where);
        return;
      }
      articles.add(article);
      wheres.add(where);
      if (articles.size() >= STORY_BATCH) {
        flush();
      }
    }

    void flush() {
      if (articles.isEmpty()) {
        return;
      }
      List<Article> out;
      try {
        out = finder.assign(articles);
      } catch (IOException | RuntimeException e) {
        // the articles matter more than their grouping: each stays its own story, and the log says why
        log.warn("Could not look up earlier copies of {} articles ({}); each is indexed as its own story",
            articles.size(), e.getMessage());
        out = articles;
      }
      for (int i = 0; i < out.size(); i++) {
        writer.add(out.get(i), wheres.get(i));
      }
      articles.clear();
      wheres.clear();
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
