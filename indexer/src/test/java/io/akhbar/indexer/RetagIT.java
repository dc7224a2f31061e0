package io.akhbar.indexer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.akhbar.core.ElasticsearchConnection;
import io.akhbar.core.IndexDefinition;
import io.akhbar.core.IndexManager;
import io.akhbar.core.testing.RealElasticsearch;
import io.akhbar.gazetteer.Gazetteer;
import io.akhbar.gazetteer.Tagger;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A gazetteer edit re-tags the stored articles in place, from their stored text: an actor added after indexing is
 * found in the old articles that name it, nothing else changes, and an interrupted run finishes on the rerun with
 * each changed article written exactly once by the new version.
 */
class RetagIT {

  static final Gazetteer FULL = Gazetteer.fromClasspath();
  static final String ACTOR = "mustafa-al-kadhimi";
  static final String ALIAS = "it-retag";

  @TempDir Path dir;
  ElasticsearchConnection es;
  IndexManager indices;

  /** The real gazetteer without one actor's row: the archive as it was indexed before that actor was added. */
  static Gazetteer withoutActor() throws IOException {
    String actors = resource("actors.tsv").lines().filter(l -> !l.startsWith(ACTOR + "\t"))
        .collect(Collectors.joining("\n", "", "\n"));
    return Gazetteer.parse(resource("places.tsv"), actors, resource("roles.tsv"), resource("offices.tsv"),
        resource("countries.tsv"), resource("places-abroad.tsv"));
  }

  static String resource(String file) throws IOException {
    try (InputStream in = RetagIT.class.getClassLoader().getResourceAsStream("gazetteer/" + file)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @BeforeEach
  void create() throws Exception {
    es = RealElasticsearch.connection();
    indices = new IndexManager(es.client(), ALIAS, IndexDefinition.forGazetteer(FULL));
    indices.deleteAll();
    indices.ensureIndex();
  }

  @AfterEach
  void drop() throws Exception {
    indices.deleteAll();
  }

  private long count(String field, String value) throws IOException {
    return es.client().count(c -> c.index(ALIAS).query(q -> q.term(t -> t.field(field).value(value)))).count();
  }

  @Test
  void anAddedActorIsTaggedInTheStoredArticlesAndAnInterruptedRunFinishesOnTheRerun() throws Exception {
    Gazetteer before = withoutActor();
    Path feed = dir.resolve("feed.jsonl");
    try (Writer w = Files.newBufferedWriter(feed, StandardCharsets.UTF_8)) {
      new ArticleGenerator(FULL).write(3000, 11, w);
    }
    IndexSummary indexed = new Indexer(es, ALIAS, new ArticleFactory(new Tagger(before), Clock.systemUTC()),
        BulkWriter.Options.defaults()).run(List.of(feed, Path.of("..", "seeds")), dir.resolve("dl.jsonl"));
    assertTrue(indexed.ok(), indexed.toString());
    long total = es.client().count(c -> c.index(ALIAS)).count();
    assertEquals(0, count("actors", ACTOR), "nobody tagged the actor before it was added");
    String oldVersion = new Tagger(before).taggedBy();
    assertEquals(total, count("tagged_by", oldVersion));

    Retagger retagger = new Retagger(es.client(), ALIAS, new Tagger(FULL));
    assertEquals(total, retagger.pending());
    Retagger.Summary interrupted = retagger.run(1000, n -> { });
    assertEquals(1000, interrupted.read());
    assertTrue(retagger.pending() > 0, "an interrupted run leaves work");
    Retagger.Summary rest = retagger.run(Long.MAX_VALUE, n -> { });
    Retagger.Summary nothingLeft = retagger.run(Long.MAX_VALUE, n -> { });

    long tagged = count("actors", ACTOR);
    assertTrue(tagged >= 2, "the seeds that name al-Kadhimi (and generated articles) now carry his tag: " + tagged);
    assertEquals(tagged, interrupted.changed() + rest.changed(),
        "each article that names the added actor written once, nothing else: " + interrupted + " / " + rest);
    assertEquals(tagged, count("tagged_by", new Tagger(FULL).taggedBy()), "the written ones carry the new version");
    assertEquals(0, retagger.pending(), "a complete run leaves nothing to check");
    var meta = IndexManager.meta(es.client(), ALIAS);
    assertEquals(new Tagger(FULL).taggedBy(), meta.get(Retagger.CHECKED_KEY), "the index records the version that checked all");
    assertTrue(java.time.Instant.parse(meta.get(Retagger.CHECKED_AT_KEY)).isAfter(java.time.Instant.now().minusSeconds(600)),
        "and when: the article view shows it for the articles whose tags stayed");
    assertEquals(0, nothingLeft.read(), "a third run has nothing to do");
    assertEquals(0, rest.failed() + interrupted.failed());
    assertEquals(total, es.client().count(c -> c.index(ALIAS)).count(), "no article added or lost");
  }

  @Test
  void searchesAnswerThroughoutAReTagAndTheirTotalsNeverDrop() throws Exception {
    // indexed with a gazetteer that knows no actor: the re-tag writes the actors of most of the 3,000 articles
    String header = resource("actors.tsv").lines().filter(l -> l.startsWith("#") || l.startsWith("id\t"))
        .collect(Collectors.joining("\n", "", "\n"));
    Gazetteer noActors = Gazetteer.parse(resource("places.tsv"), header, resource("roles.tsv"), resource("offices.tsv"),
        resource("countries.tsv"), resource("places-abroad.tsv"));
    Path feed = dir.resolve("feed.jsonl");
    try (Writer w = Files.newBufferedWriter(feed, StandardCharsets.UTF_8)) {
      new ArticleGenerator(FULL).write(3000, 5, w);
    }
    new Indexer(es, ALIAS, new ArticleFactory(new Tagger(noActors), Clock.systemUTC()), BulkWriter.Options.defaults())
        .run(List.of(feed), dir.resolve("dl.jsonl"));
    long total = es.client().count(c -> c.index(ALIAS)).count();

    java.util.concurrent.CompletableFuture<Retagger.Summary> retag = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
      try {
        return new Retagger(es.client(), ALIAS, new Tagger(FULL)).run(Long.MAX_VALUE, n -> { });
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    int searches = 0;
    while (!retag.isDone()) {
      long hits = es.client().search(s -> s.index(ALIAS).size(0).trackTotalHits(t -> t.enabled(true))
          .query(q -> q.match(m -> m.field("body").query("العراق بغداد").operator(
              co.elastic.clients.elasticsearch._types.query_dsl.Operator.Or))), Void.class).hits().total().value();
      long all = es.client().count(c -> c.index(ALIAS)).count();
      assertEquals(total, all, "the article count never drops during the re-tag");
      assertTrue(hits > 0, "searches keep finding articles");
      searches++;
    }
    Retagger.Summary summary = retag.get();
    assertTrue(summary.changed() > 1000, "most articles got actors: " + summary);
    assertEquals(0, summary.failed());
    assertTrue(searches > 0, "searched while re-tagging");
    assertTrue(count("actors", "iraq") + count("actors", "iraqi-government") > 0, "the actors are searchable after it");
  }
}
