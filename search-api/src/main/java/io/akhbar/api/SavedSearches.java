package io.akhbar.api;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.Refresh;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.akhbar.core.SmallIndex;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Saved searches, kept in a small index of the cluster ({@code <alias>-saved}) so every journalist of the newsroom
 * sees the same list: a name and the page's query string (the API's parameters), and a random feed token, the
 * read-only credential of its Atom feed when the API asks for keys.
 */
public final class SavedSearches {

  /** A saved search as stored. */
  public record Saved(@JsonProperty("id") String id, @JsonProperty("name") String name,
      @JsonProperty("query") String query, @JsonProperty("created_at") Instant createdAt,
      @JsonProperty("feed_token") String feedToken) {}

  static final int MAX_NAME = 120;
  static final int MAX_SAVED = 10_000;

  private final ElasticsearchClient client;
  private final String index;

  public SavedSearches(ElasticsearchClient client, String alias) {
    this.client = client;
    this.index = alias + "-saved";
  }

  public String index() {
    return index;
  }

  public Saved save(String name, String query) {
    String id = SmallIndex.randomToken(9);
    Saved saved = new Saved(id, name, query, Instant.now(), SmallIndex.randomToken(18));
    SearchService.call(() -> {
      ensureIndex();
      return client.index(i -> i.index(index).id(id).document(saved).refresh(Refresh.True));
    });
    return saved;
  }

  /** Every saved search, newest first. */
  public List<Saved> list() {
    if (!SearchService.call(() -> SmallIndex.exists(client, index))) {
      return List.of();
    }
    List<Saved> out = new ArrayList<>();
    SearchService.call(() -> client.search(s -> s.index(index).size(MAX_SAVED)
        .sort(o -> o.field(f -> f.field("created_at").order(co.elastic.clients.elasticsearch._types.SortOrder.Desc))),
        Saved.class)).hits().hits().forEach(h -> out.add(h.source()));
    return out;
  }

  public Optional<Saved> get(String id) {
    try {
      var got = client.get(g -> g.index(index).id(id), Saved.class);
      return got.found() ? Optional.ofNullable(got.source()) : Optional.empty();
    } catch (ElasticsearchException e) {
      if ("index_not_found_exception".equals(e.error().type())) {
        return Optional.empty();
      }
      throw ApiException.unavailable("Elasticsearch could not answer: " + e.error().reason());
    } catch (IOException e) {
      throw ApiException.unavailable("Elasticsearch is unreachable: " + e.getMessage());
    }
  }

  /** Deletes it; false when there is none. */
  public boolean delete(String id) {
    if (get(id).isEmpty()) {
      return false;
    }
    SearchService.call(() -> client.delete(d -> d.index(index).id(id).refresh(Refresh.True)));
    return true;
  }

  private void ensureIndex() throws IOException {
    SmallIndex.ensure(client, index, "{\"id\":{\"type\":\"keyword\"},\"name\":{\"type\":\"keyword\"},"
        + "\"query\":{\"type\":\"keyword\",\"index\":false},\"created_at\":{\"type\":\"date\"},"
        + "\"feed_token\":{\"type\":\"keyword\",\"index\":false}}");
  }
}
