package io.akhbar.core;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.indices.get_alias.IndexAliases;
import co.elastic.clients.json.JsonData;
import java.io.IOException;
import java.io.StringReader;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the alias (e.g. {@code articles}) pointing at an index built from the current {@link IndexDefinition}:
 * versioned indices {@code articles-v1}, {@code articles-v2}, … Creating it twice is a no-op; a changed definition
 * creates the next version, reindexes into it and swaps the alias in one atomic request.
 */
public final class IndexManager {

  private static final Logger log = LoggerFactory.getLogger(IndexManager.class);
  static final String HASH_KEY = "definition_hash";

  private final ElasticsearchClient client;
  private final String alias;
  private final IndexDefinition definition;

  public IndexManager(ElasticsearchClient client, String alias, IndexDefinition definition) {
    this.client = client;
    this.alias = alias;
    this.definition = definition;
  }

  public enum Outcome { CREATED, UNCHANGED, MIGRATED }

  /** What {@link #ensureIndex()} did, and the concrete index the alias now points at. */
  public record Result(Outcome outcome, String index) {}

  public Result ensureIndex() throws IOException {
    Optional<String> current = currentIndex();
    if (current.isEmpty()) {
      String index = nextVersionName();
      create(index);
      client.indices().updateAliases(u -> u.actions(a -> a.add(add -> add.index(index).alias(alias))));
      log.info("Created index {} behind alias {}", index, alias);
      return new Result(Outcome.CREATED, index);
    }
    String old = current.get();
    if (definition.hash().equals(hashOf(old).orElse(""))) {
      log.info("Index {} behind alias {} is up to date (definition {})", old, alias, definition.hash());
      return new Result(Outcome.UNCHANGED, old);
    }
    String index = nextVersionName();
    create(index);
    long before = count(old);
    long copied = client.reindex(r -> r
        .source(s -> s.index(old))
        .dest(d -> d.index(index))
        .refresh(true)
        .waitForCompletion(true)).total();
    if (copied != before || count(index) != before) {
      throw new IllegalStateException("Reindexing " + old + " into " + index + " copied " + copied + " of " + before
          + " documents; the alias still points at " + old);
    }
    client.indices().updateAliases(u -> u
        .actions(a -> a.remove(r -> r.index(old).alias(alias)))
        .actions(a -> a.add(add -> add.index(index).alias(alias))));
    client.indices().delete(d -> d.index(old));
    log.info("Mappings changed: reindexed {} documents from {} into {} and moved alias {}", copied, old, index, alias);
    return new Result(Outcome.MIGRATED, index);
  }

  /** The concrete index behind the alias, if the alias exists. */
  public Optional<String> currentIndex() throws IOException {
    if (!client.indices().existsAlias(e -> e.name(alias)).value()) {
      return Optional.empty();
    }
    Map<String, IndexAliases> indices = client.indices().getAlias(g -> g.name(alias)).result();
    return indices.keySet().stream().sorted().reduce((a, b) -> b);
  }

  public String alias() {
    return alias;
  }

  /** Deletes the alias and every version behind it (tests and `--recreate`). */
  public void deleteAll() throws IOException {
    client.indices().delete(d -> d.index(alias + "-v*").allowNoIndices(true).ignoreUnavailable(true));
  }

  private void create(String index) throws IOException {
    try {
      client.indices().create(c -> c.index(index).withJson(new StringReader(definition.createIndexJson())));
    } catch (ElasticsearchException e) {
      throw new IllegalStateException("Elasticsearch refused the index definition in mappings/: " + e.getMessage(), e);
    }
  }

  private Optional<String> hashOf(String index) throws IOException {
    var mapping = client.indices().getMapping(g -> g.index(index)).result().get(index);
    if (mapping == null || mapping.mappings().meta() == null) {
      return Optional.empty();
    }
    JsonData hash = mapping.mappings().meta().get(HASH_KEY);
    return hash == null ? Optional.empty() : Optional.of(hash.to(String.class));
  }

  private long count(String index) throws IOException {
    client.indices().refresh(r -> r.index(index));
    return client.count(c -> c.index(index)).count();
  }

  private String nextVersionName() throws IOException {
    Pattern version = Pattern.compile(Pattern.quote(alias) + "-v(\\d+)");
    int highest = 0;
    var existing = client.indices().get(g -> g.index(alias + "-v*").allowNoIndices(true).ignoreUnavailable(true)).result();
    for (String name : existing.keySet()) {
      Matcher m = version.matcher(name);
      if (m.matches()) {
        highest = Math.max(highest, Integer.parseInt(m.group(1)));
      }
    }
    return alias + "-v" + (highest + 1);
  }
}
