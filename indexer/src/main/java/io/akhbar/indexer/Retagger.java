package io.akhbar.indexer;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.akhbar.core.Article;
import io.akhbar.core.IndexManager;
import io.akhbar.core.IndexMigration;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import io.akhbar.gazetteer.Tagger;
import io.akhbar.indexer.story.IndexStoryLookup;
import io.akhbar.indexer.story.StoryFinder;
import io.akhbar.gazetteer.Tags;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-tags stored articles in place when the tagger or the gazetteer changed: every article whose {@code tagged_by} is
 * not the running tagger's is read back from {@code _source} (search_after by id) and tagged again from its title,
 * body and date. Only the articles whose tags change are written (a partial update of the tag fields, the content
 * hash that covers them and {@code tagged_by}): an update re-indexes the whole article, and after a gazetteer edit
 * nearly every article keeps its tags, so reading is cheap and writing is not. A complete run records the version
 * in the index's {@code _meta} ({@value #CHECKED_KEY}): the articles left with an older {@code tagged_by} were
 * checked and carry the same tags. Articles stored before stories existed are read too, and given theirs
 * ({@link StoryFinder}). Resumable: a rerun after a crash or Ctrl-C reads the unchecked articles again and
 * writes only those not yet written, so each changed article is written once. Searches answer throughout.
 */
public final class Retagger {

  private static final Logger log = LoggerFactory.getLogger(Retagger.class);
  static final int PAGE = 500;
  public static final String CHECKED_KEY = "retag_checked";
  public static final String CHECKED_AT_KEY = "retag_checked_at";

  /** What a run did: articles read, whose tags changed, whose tags stayed (only {@code tagged_by} was written). */
  public record Summary(long read, long changed, long unchanged, long failed, long millis) {
    @Override
    public String toString() {
      return String.format("re-tagged %d articles: %d with new tags (written), %d unchanged, %d failed, in %.1f s (%.0f articles/s)",
          read, changed, unchanged, failed, millis / 1000.0, millis == 0 ? 0 : read * 1000.0 / millis);
    }
  }

  private final ElasticsearchClient client;
  private final String alias;
  private final Tagger tagger;

  public Retagger(ElasticsearchClient client, String alias, Tagger tagger) {
    this.client = client;
    this.alias = alias;
    this.tagger = tagger;
  }

  /** How many stored articles a run would read again: none when a complete run checked them all for this version. */
  public long pending() throws IOException {
    long withoutStory = client.count(c -> c.index(alias).query(Retagger::withoutStory)).count();
    if (tagger.taggedBy().equals(IndexManager.meta(client, alias).get(CHECKED_KEY))) {
      return withoutStory;
    }
    return client.count(c -> c.index(alias).query(q -> q.bool(b -> b
        .mustNot(m -> m.term(t -> t.field("tagged_by").value(tagger.taggedBy())))))).count() + withoutStory;
  }

  /** Articles stored before stories existed: the re-tag gives them theirs. */
  private static co.elastic.clients.util.ObjectBuilder<Query> withoutStory(Query.Builder q) {
    return q.bool(b -> b.mustNot(m -> m.exists(e -> e.field("story"))));
  }

  /** Re-tags every article another version tagged; {@code limit} stops early (tests of an interrupted run). */
  public Summary run(long limit, LongConsumer progress) throws IOException {
    if (pending() == 0) {
      return new Summary(0, 0, 0, 0, 0);
    }
    return run(null, limit, progress);
  }

  /**
   * Re-tags the articles another version tagged among those indexed since {@code indexedSince} (an ISO instant; null:
   * all, whatever the {@code _meta} says): an index migration's copy of the writes made during it.
   */
  public Summary runIndexedSince(String indexedSince) throws IOException {
    return run(indexedSince, Long.MAX_VALUE, n -> { });
  }

  /**
   * Copies among the articles without a story are found in memory in the order read (by id), and among the articles
   * that already have one in the index.
   */
  private StoryFinder storyFinder() throws IOException {
    return IndexStoryLookup.finder(client, alias, Query.of(q -> q.exists(e -> e.field("story"))));
  }

  /** The hits stored without a story, by id, each with the story found for it. */
  private static Map<String, Article> stories(StoryFinder finder, List<Hit<Article>> hits) throws IOException {
    List<Article> without = new ArrayList<>();
    for (Hit<Article> hit : hits) {
      if (hit.source().story() == null) {
        without.add(hit.source());
      }
    }
    Map<String, Article> byId = new java.util.HashMap<>();
    if (!without.isEmpty()) {
      for (Article a : finder.assign(without)) {
        byId.put(a.id(), a);
      }
    }
    return byId;
  }

  /** The re-tag as an {@link IndexMigration.Preparer}: a migration re-tags its copy before the alias moves. */
  public static IndexMigration.Preparer preparer(ElasticsearchClient client, Tagger tagger) {
    return (index, since) -> new Retagger(client, index, tagger).runIndexedSince(since);
  }

  private Summary run(String indexedSince, long limit, LongConsumer progress) throws IOException {
    long start = System.nanoTime();
    String version = tagger.taggedBy();
    boolean complete = false;
    long read = 0;
    long changed = 0;
    long unchanged = 0;
    long failed = 0;
    List<FieldValue> after = List.of();
    StoryFinder stories = storyFinder();
    while (read < limit) {
      List<FieldValue> from = after;
      int size = (int) Math.min(PAGE, limit - read);
      SearchResponse<Article> page = client.search(s -> {
        s.index(alias).size(size).trackTotalHits(t -> t.enabled(false))
            .query(q -> q.bool(b -> {
              b.should(x -> x.bool(y -> y.mustNot(m -> m.term(t -> t.field("tagged_by").value(version)))))
                  .should(x -> withoutStory(x))
                  .minimumShouldMatch("1");
              if (indexedSince != null) {
                b.filter(f -> f.range(r -> r.date(d -> d.field("indexed_at").gte(indexedSince))));
              }
              return b;
            }))
            .sort(o -> o.field(f -> f.field("id").order(SortOrder.Asc)))
            .source(src -> src.filter(f -> f.excludes("title_en", "body_en")));
        if (!from.isEmpty()) {
          s.searchAfter(from);
        }
        return s;
      }, Article.class);
      List<Hit<Article>> hits = page.hits().hits();
      if (hits.isEmpty()) {
        complete = true;
        break;
      }
      Map<String, Article> withStories = stories(stories, hits);
      List<BulkOperation> updates = new ArrayList<>();
      for (Hit<Article> hit : hits) {
        Article a = hit.source();
        Tags tags = tagger.tag(a.title(), a.body(), a.publishedAt());
        boolean same = tags.provinces().equals(a.provinces()) && tags.districts().equals(a.districts())
            && tags.actors().equals(a.actors());
        Article storied = withStories.get(hit.id());
        if (same && storied == null) {
          unchanged++;
          continue;
        }
        changed++;
        Map<String, Object> doc = new LinkedHashMap<>();
        if (storied != null) {
          doc.put("story", storied.story());
          doc.put("story_keys", storied.storyKeys());
        }
        doc.put("provinces", tags.provinces());
        doc.put("districts", tags.districts());
        doc.put("actors", tags.actors());
        doc.put("content_hash", ArticleFactory.contentHash(a.title(), a.body(), a.publishedAt(), a.language(),
            a.source(), a.url(), tags));
        doc.put("tagged_by", version);
        doc.put("tagged_at", java.time.Instant.now().toString());
        updates.add(BulkOperation.of(op -> op.update(u -> u.index(alias).id(hit.id()).action(x -> x.doc(doc)))));
      }
      if (!updates.isEmpty()) {
        BulkResponse response = client.bulk(b -> b.operations(updates));
        for (BulkResponseItem item : response.items()) {
          if (item.error() != null) {
            failed++;
            log.warn("Not re-tagged: {}: {}", item.id(), item.error().reason());
          }
        }
      }
      read += hits.size();
      progress.accept(read);
      after = hits.get(hits.size() - 1).sort();
    }
    client.indices().refresh(r -> r.index(alias));
    if (complete && failed == 0 && indexedSince == null) {
      IndexManager.putMeta(client, alias, Map.of(CHECKED_KEY, version, CHECKED_AT_KEY, java.time.Instant.now().toString()));
    }
    Summary summary = new Summary(read, changed, unchanged, failed, (System.nanoTime() - start) / 1_000_000);
    log.info("{} ({} in {})", summary, version, alias);
    return summary;
  }
}
