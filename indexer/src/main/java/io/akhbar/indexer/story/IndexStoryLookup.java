package io.akhbar.indexer.story;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.MsearchResponse;
import co.elastic.clients.elasticsearch.core.msearch.MultiSearchResponseItem;
import co.elastic.clients.elasticsearch.core.msearch.RequestItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds, in the index, the stored articles that share a {@code story_keys} key with each article of a batch: one
 * {@code _msearch} per batch, each search a {@code terms} query on the keys, restricted by {@code scope} (those stored
 * before the run, or those already given a story) and never the article itself. The candidates' bodies come back to
 * be compared exactly ({@link StoryFingerprint#similarity}).
 */
public final class IndexStoryLookup implements StoryFinder.Lookup {

  /** Copies of one story in an archive; the most alike wins, so a few suffice. */
  static final int CANDIDATES = 20;

  private final ElasticsearchClient client;
  private final String index;
  private final Query scope;

  public IndexStoryLookup(ElasticsearchClient client, String index, Query scope) {
    this.client = client;
    this.index = index;
    this.scope = scope;
  }

  /**
   * A story finder that looks for copies among the stored articles in {@code scope} too; none when the scope is
   * empty (a first run), which spares a lookup per batch.
   */
  public static StoryFinder finder(ElasticsearchClient client, String index, Query scope) throws IOException {
    long stored = client.count(c -> c.index(index).query(scope)).count();
    return new StoryFinder(stored == 0 ? null : new IndexStoryLookup(client, index, scope));
  }

  @Override
  public List<List<StoryFinder.Candidate>> find(List<String> ids, List<StoryFingerprint> fingerprints) throws IOException {
    List<RequestItem> searches = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      String id = ids.get(i);
      List<FieldValue> keys = fingerprints.get(i).keys().stream().map(FieldValue::of).toList();
      searches.add(RequestItem.of(r -> r.header(h -> h.index(index)).body(b -> b
          .size(keys.isEmpty() ? 0 : CANDIDATES)
          .trackTotalHits(t -> t.enabled(false))
          .query(q -> q.bool(x -> x
              .filter(f -> f.terms(t -> t.field("story_keys").terms(v -> v.value(keys))))
              .filter(scope)
              .mustNot(m -> m.ids(d -> d.values(id)))))
          .source(s -> s.filter(f -> f.includes("story", "body", "url"))))));
    }
    MsearchResponse<JsonNode> response = client.msearch(m -> m.searches(searches), JsonNode.class);
    List<List<StoryFinder.Candidate>> out = new ArrayList<>(ids.size());
    for (MultiSearchResponseItem<JsonNode> item : response.responses()) {
      if (item.isFailure()) {
        throw new IOException("looking up copies failed: " + item.failure().error().reason());
      }
      List<StoryFinder.Candidate> candidates = new ArrayList<>();
      for (Hit<JsonNode> hit : item.result().hits().hits()) {
        JsonNode src = hit.source();
        if (src == null || !src.hasNonNull("story")) {
          continue;
        }
        candidates.add(new StoryFinder.Candidate(hit.id(), src.get("story").asText(),
            StoryFingerprint.of(src.path("body").asText(""), src.hasNonNull("url") ? src.get("url").asText() : null)));
      }
      out.add(candidates);
    }
    return out;
  }
}
