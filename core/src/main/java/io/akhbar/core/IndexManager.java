package io.akhbar.core;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.indices.get_alias.IndexAliases;
import co.elastic.clients.json.JsonData;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the alias (e.g. {@code articles}) pointing at an index built from the current {@link IndexDefinition}:
 * versioned indices {@code articles-v1}, {@code articles-v2}, … Creating it twice is a no-op; a changed index-time
 * definition builds the next version while the old one serves ({@link IndexMigration}) and swaps the alias in one
 * atomic request. Changed synonyms alone
 * (search-time only) are applied in place in seconds: checked first against the index's own pre-synonym chain, then
 * close, update the filter, open (searches answer 503 for those seconds), on 7.10, 8.x and 9.x alike.
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

  public enum Outcome { CREATED, UNCHANGED, MIGRATED, SYNONYMS_UPDATED }

  /** What {@link #ensureIndex()} did, and the concrete index the alias now points at. */
  public record Result(Outcome outcome, String index) {}

  public Result ensureIndex() throws IOException {
    return ensureIndex((index, since) -> {}, status -> {});
  }

  /**
   * Creates, updates in place or migrates. A migration ({@link IndexMigration}) builds the next version while the
   * alias keeps serving the old one, runs {@code preparer} on the copy (the re-tag) and reports to {@code progress};
   * callers that serve searches run this in the background.
   */
  public Result ensureIndex(IndexMigration.Preparer preparer, Consumer<String> progress) throws IOException {
    IndexMigration migration = new IndexMigration(client, alias, preparer, progress);
    while (true) {
      Optional<String> current = currentIndex();
      if (current.isEmpty()) {
        String index = nextVersionName();
        create(index);
        client.indices().updateAliases(u -> u.actions(a -> a.add(add -> add.index(index).alias(alias))));
        log.info("Created index {} behind alias {}", index, alias);
        return new Result(Outcome.CREATED, index);
      }
      String old = current.get();
      Map<String, String> meta = meta(client, old);
      if (definition.hash().equals(meta.get(HASH_KEY))) {
        applyReplicas(old);
        if (definition.synonymsHash().equals(meta.get(IndexDefinition.SYNONYMS_HASH_KEY))) {
          log.info("Index {} behind alias {} is up to date (definition {})", old, alias, definition.hash());
          return new Result(Outcome.UNCHANGED, old);
        }
        updateSynonyms(old);
        return new Result(Outcome.SYNONYMS_UPDATED, old);
      }
      List<String> newer = versionsAfter(old);
      if (!newer.isEmpty()) {
        migration.awaitOrDropOthers(old, newer);
        continue; // another process may have moved the alias meanwhile
      }
      String index = nextVersionName();
      create(index);
      migration.run(old, index);
      return new Result(Outcome.MIGRATED, index);
    }
  }

  /** True when the index behind the alias was built from another index-time definition: a new version is needed. */
  public boolean needsMigration() throws IOException {
    Optional<String> current = currentIndex();
    return current.isPresent() && !definition.hash().equals(meta(client, current.get()).get(HASH_KEY));
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

  /** The {@code _meta} of an index, or of the index behind an alias, as strings; empty when it has none. */
  public static Map<String, String> meta(ElasticsearchClient client, String indexOrAlias) throws IOException {
    Map<String, String> out = new java.util.LinkedHashMap<>();
    for (var mapping : client.indices().getMapping(g -> g.index(indexOrAlias)).result().values()) {
      if (mapping.mappings().meta() != null) {
        mapping.mappings().meta().forEach((k, v) -> out.put(k, v.to(String.class)));
      }
    }
    return out;
  }

  /** Sets these keys of an index's {@code _meta} and keeps the others (a mapping update replaces it whole). */
  public static void putMeta(ElasticsearchClient client, String indexOrAlias, Map<String, String> values)
      throws IOException {
    Map<String, JsonData> meta = new java.util.LinkedHashMap<>();
    meta(client, indexOrAlias).forEach((k, v) -> meta.put(k, JsonData.of(v)));
    values.forEach((k, v) -> meta.put(k, JsonData.of(v)));
    client.indices().putMapping(p -> p.index(indexOrAlias).meta(meta));
  }

  /**
   * Applies the definition's synonym rules to an index in place. The rules are first parsed by the index's own chain
   * before the synonym filter ({@code _analyze} with the new filter inline): a malformed rule is refused with
   * Elasticsearch's reason and the index is not touched. The open in {@code finally} brings the index back whatever
   * the update does.
   */
  private void updateSynonyms(String index) throws IOException {
    long t = System.nanoTime();
    checkSynonyms(index);
    client.indices().close(c -> c.index(index));
    try {
      String body = "{\"index\":{\"analysis\":{\"filter\":{\"" + IndexDefinition.SYNONYM_FILTER + "\":"
          + definition.synonymFilter().toString() + "}}}}";
      client.indices().putSettings(p -> p.index(index).withJson(new StringReader(body)));
    } catch (ElasticsearchException e) {
      throw new IllegalStateException("Elasticsearch refused the synonym rules: " + e.getMessage()
          + " (the index keeps its previous rules)", e);
    } finally {
      // open waits for the primaries to be active (wait_for_active_shards defaults to 1); cluster health is not
      // read here: the 8.19 client cannot decode a 7.10 node's health response
      client.indices().open(o -> o.index(index));
    }
    putMeta(client, index, Map.of(HASH_KEY, definition.hash(), IndexDefinition.SYNONYMS_HASH_KEY, definition.synonymsHash()));
    log.info("Synonyms changed: {} rules applied to {} in place in {} ms (no reindex)", definition.synonymRules().size(),
        index, (System.nanoTime() - t) / 1_000_000);
  }

  /** A replica count is a dynamic setting: changed in place, never a new version. */
  private void applyReplicas(String index) throws IOException {
    var settings = client.indices().getSettings(g -> g.index(index)).result().get(index);
    String current = settings == null || settings.settings() == null || settings.settings().index() == null ? null
        : settings.settings().index().numberOfReplicas();
    String wanted = String.valueOf(definition.replicas());
    if (current != null && !current.equals(wanted)) {
      client.indices().putSettings(p -> p.index(index).settings(x -> x.numberOfReplicas(wanted)));
      log.info("Replicas of {}: {} -> {} (in place)", index, current, wanted);
    }
  }

  /**
   * The new rules through the search chain up to the synonym filter; when Elasticsearch refuses them, the first rule
   * it refuses is found by bisection (a dozen {@code _analyze} calls for thousands of rules) and named with its file
   * and line.
   */
  private void checkSynonyms(String index) throws IOException {
    List<String> rules = definition.synonymRules();
    Optional<String> refused = refusal(index, rules);
    if (refused.isEmpty()) {
      return;
    }
    int lo = 1;
    int hi = rules.size(); // the shortest refused prefix is rules[0..hi)
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (refusal(index, rules.subList(0, mid)).isPresent()) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    String rule = rules.get(hi - 1);
    throw new IllegalStateException("The synonym rules are refused, nothing was changed: "
        + IndexDefinition.originOf(rule) + ": \"" + rule + "\": " + refusal(index, List.of(rule)).orElse(refused.get()));
  }

  /** Elasticsearch's reason for refusing these rules in the index's search chain, if it does. */
  private Optional<String> refusal(String index, List<String> rules) throws IOException {
    var search = definition.settings().path("index").path("analysis").path("analyzer").path("arabic_search");
    com.fasterxml.jackson.databind.node.ObjectNode body = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    body.put("tokenizer", search.path("tokenizer").asText("standard"));
    body.set("char_filter", search.path("char_filter"));
    var filters = body.putArray("filter");
    for (var f : search.path("filter")) {
      if (f.asText().equals(IndexDefinition.SYNONYM_FILTER)) {
        com.fasterxml.jackson.databind.node.ObjectNode filter = definition.synonymFilter().deepCopy();
        rules.forEach(filter.putArray("synonyms")::add);
        filters.add(filter);
        break;
      }
      filters.add(f);
    }
    body.put("text", "test");
    try {
      client.indices().analyze(a -> a.index(index).withJson(new StringReader(body.toString())));
      return Optional.empty();
    } catch (ElasticsearchException e) {
      return Optional.of(e.getMessage());
    }
  }


  private String nextVersionName() throws IOException {
    return alias + "-v" + (versions().stream().mapToInt(IndexManager::versionOf).max().orElse(0) + 1);
  }

  /** The versions numbered above {@code index}: migrations in progress, or left by a process that died. */
  private List<String> versionsAfter(String index) throws IOException {
    int current = versionOf(index);
    return versions().stream().filter(v -> versionOf(v) > current).sorted().toList();
  }

  private List<String> versions() throws IOException {
    Pattern version = Pattern.compile(Pattern.quote(alias) + "-v(\\d+)");
    var existing = client.indices().get(g -> g.index(alias + "-v*").allowNoIndices(true).ignoreUnavailable(true)).result();
    return existing.keySet().stream().filter(n -> version.matcher(n).matches()).toList();
  }

  private static int versionOf(String index) {
    Matcher m = Pattern.compile("-v(\\d+)$").matcher(index);
    return m.find() ? Integer.parseInt(m.group(1)) : 0;
  }
}
