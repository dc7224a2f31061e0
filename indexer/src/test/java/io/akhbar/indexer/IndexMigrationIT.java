package io.akhbar.indexer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.akhbar.core.Article;
import io.akhbar.core.ElasticsearchConnection;
import io.akhbar.core.IndexDefinition;
import io.akhbar.core.IndexManager;
import io.akhbar.core.testing.RealElasticsearch;
import io.akhbar.gazetteer.Tagger;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An index-time change builds the next version while the old one serves: searches answer throughout, the copy is
 * re-tagged before the alias moves, and every article written during the migration (new ones and new copies of old
 * ones) is in the new version at the end, once.
 */
class IndexMigrationIT {

  static final String ALIAS = "it-migration";

  @TempDir Path dir;
  ElasticsearchConnection es;
  IndexDefinition original;

  @BeforeEach
  void create() throws Exception {
    es = RealElasticsearch.connection();
    original = IndexDefinition.forGazetteer(RetagIT.FULL);
    new IndexManager(es.client(), ALIAS, original).deleteAll();
    new IndexManager(es.client(), ALIAS, original).ensureIndex();
  }

  @AfterEach
  void drop() throws Exception {
    new IndexManager(es.client(), ALIAS, original).deleteAll();
  }

  private Path feed(String name, List<String> lines) throws IOException {
    Path file = dir.resolve(name);
    Files.write(file, lines, StandardCharsets.UTF_8);
    return file;
  }

  private static String line(String id, String title, String body) {
    return "{\"id\":\"" + id + "\",\"title\":\"" + title + "\",\"body\":\"" + body + "\",\"published_at\":\"2020-06-0"
        + (1 + Math.floorMod(id.hashCode(), 9)) + "\",\"source\":\"live\",\"language\":\"ar\"}";
  }

  private long count() throws IOException {
    es.client().indices().refresh(r -> r.index(ALIAS));
    return es.client().count(c -> c.index(ALIAS)).count();
  }

  @Test
  void anIndexTimeChangeIsBuiltWhileTheOldVersionServesAndLosesNoArticleWrittenMeanwhile() throws Exception {
    Path archive = dir.resolve("archive.jsonl");
    try (Writer w = Files.newBufferedWriter(archive, StandardCharsets.UTF_8)) {
      new ArticleGenerator(RetagIT.FULL).write(3000, 11, w);
    }
    Tagger before = new Tagger(RetagIT.withoutActor());
    Tagger now = new Tagger(RetagIT.FULL);
    assertTrue(new Indexer(es, ALIAS, new ArticleFactory(before, Clock.systemUTC()), BulkWriter.Options.defaults())
        .run(List.of(archive, Path.of("..", "seeds")), dir.resolve("dl0.jsonl")).ok());
    long archived = count();
    assertEquals(0, es.client().count(c -> c.index(ALIAS).query(q -> q.term(t -> t.field("actors")
        .value(RetagIT.ACTOR)))).count(), "indexed before the actor was added");

    // a writer that goes on through the whole migration: new articles, and new copies of archived ones
    AtomicBoolean migrating = new AtomicBoolean(true);
    AtomicInteger written = new AtomicInteger();
    List<String> rewritten = new ArrayList<>();
    Indexer live = new Indexer(es, ALIAS, new ArticleFactory(now, Clock.systemUTC()), BulkWriter.Options.defaults());
    CompletableFuture<Integer> failures = CompletableFuture.supplyAsync(() -> {
      int failed = 0;
      try {
        for (int round = 0; migrating.get() || round < 3; round++) {
          List<String> lines = new ArrayList<>();
          for (int i = 0; i < 20; i++) {
            lines.add(line("live-" + round + "-" + i, "خبر مباشر " + round, "وصل مصطفى الكاظمي إلى بغداد في الجولة " + round));
          }
          String again = String.format("synthetic-%07d", round);
          lines.add(line(again, "نسخة محدثة", "نسخة محدثة من الخبر رقم " + round + " تحديثمباشر"));
          synchronized (rewritten) {
            rewritten.add(again);
          }
          IndexSummary s = live.run(List.of(feed("live-" + round + ".jsonl", lines)), dir.resolve("dl-live.jsonl"));
          failed += (int) (s.failed() + s.rejected());
          written.addAndGet(20);
          Thread.sleep(100);
        }
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
      return failed;
    });

    IndexDefinition changed = original.withIndexSetting("max_result_window", 9000);
    IndexManager manager = new IndexManager(es.client(), ALIAS, changed);
    List<String> progress = java.util.Collections.synchronizedList(new ArrayList<>());
    CompletableFuture<IndexManager.Result> migration = CompletableFuture.supplyAsync(() -> {
      try {
        return manager.ensureIndex(Retagger.preparer(es.client(), now), progress::add);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    long lowest = Long.MAX_VALUE;
    int searches = 0;
    while (!migration.isDone()) {
      long hits = es.client().search(s -> s.index(ALIAS).size(0).trackTotalHits(t -> t.enabled(true))
          .query(q -> q.match(m -> m.field("body").query("الأوضاع الأمنية"))), Void.class).hits().total().value();
      lowest = Math.min(lowest, es.client().count(c -> c.index(ALIAS)).count());
      assertTrue(hits > 0, "searches find articles during the migration");
      searches++;
      Thread.sleep(50);
    }
    IndexManager.Result result = migration.get();
    migrating.set(false);
    assertEquals(0, failures.get(), "no write made during the migration was refused for good");

    assertEquals(new IndexManager.Result(IndexManager.Outcome.MIGRATED, ALIAS + "-v2"), result);
    assertTrue(searches > 0 && lowest >= archived, "searches answered throughout and the count never dropped: "
        + searches + " searches, lowest count " + lowest);
    assertTrue(progress.stream().anyMatch(p -> p.startsWith("running: copying")), "progress reported: " + progress);
    assertFalse(es.client().indices().exists(e -> e.index(ALIAS + "-v1")).value(), "the old version is removed");
    assertEquals(List.of(ALIAS + "-v2"), List.copyOf(es.client().indices().getAlias(g -> g.name(ALIAS)).result().keySet()));

    assertEquals(archived + written.get(), count(), "every archived article and every one written meanwhile, once");
    for (String id : rewritten) {
      Article a = es.client().get(g -> g.index(ALIAS).id(id), Article.class).source();
      assertTrue(a.body().contains("تحديثمباشر"), "the copy written during the migration wins: " + id);
    }
    long archivedAndTagged = es.client().count(c -> c.index(ALIAS).query(q -> q.bool(b -> b
        .filter(f -> f.term(t -> t.field("actors").value(RetagIT.ACTOR)))
        .mustNot(m -> m.term(t -> t.field("source").value("live")))))).count();
    assertTrue(archivedAndTagged >= 2, "the copy was re-tagged before the alias moved: the archived articles that name"
        + " the added actor carry his tag: " + archivedAndTagged);
    assertEquals(0, new Retagger(es.client(), ALIAS, now).runIndexedSince(null).changed(),
        "nothing left to re-tag after the migration");
    assertEquals(changed.hash(), IndexManager.meta(es.client(), ALIAS).get("definition_hash"));
  }

  @Test
  void aWriteRefusedByAMigrationsWriteBlockIsRetriedNotLost() throws Exception {
    String index = new IndexManager(es.client(), ALIAS, original).currentIndex().orElseThrow();
    es.client().indices().putSettings(p -> p.index(index).settings(s -> s.blocks(b -> b.write(true))));
    CompletableFuture<IndexSummary> write = CompletableFuture.supplyAsync(() -> {
      try {
        return new Indexer(es, ALIAS, new ArticleFactory(new Tagger(RetagIT.FULL), Clock.systemUTC()),
            BulkWriter.Options.defaults()).run(List.of(feed("blocked.jsonl", List.of(line("blocked-1", "خبر", "نص الخبر")))),
            dir.resolve("dl.jsonl"));
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    Thread.sleep(1500);
    assertFalse(write.isDone(), "the writer waits while writes are blocked");
    es.client().indices().putSettings(p -> p.index(index).settings(s -> s.blocks(b -> b.write(false))));
    IndexSummary summary = write.get();
    assertTrue(summary.ok(), summary.toString());
    assertEquals(1, count());
    assertTrue(Files.notExists(dir.resolve("dl.jsonl")) || Files.readString(dir.resolve("dl.jsonl")).isBlank());
  }
}
