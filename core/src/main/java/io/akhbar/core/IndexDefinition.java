package io.akhbar.core;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import io.akhbar.gazetteer.Gazetteer;

/**
 * The index's settings and mappings, assembled from {@code mappings/} and the gazetteer's synonym rules, with two
 * hashes: {@code hash} of everything the index is built with (a change creates the next index version) and
 * {@code synonymsHash} of the search-time synonym rules alone (a change is applied to the index in place: the
 * synonyms are read by the search analyzer only).
 *
 * <p>Synonyms are inlined into the {@code news_synonyms} filter rather than read from a path: a path would have to
 * exist on every node of a remote cluster, and inline rules work the same on 7.10, 8.x and 9.x.
 */
public record IndexDefinition(ObjectNode settings, ObjectNode mappings, List<String> synonymRules, String hash,
    String synonymsHash) {

  /** A definition whose synonyms hash is its rules' (tests and tools that derive a definition from another). */
  public IndexDefinition(ObjectNode settings, ObjectNode mappings, List<String> synonymRules, String hash) {
    this(settings, mappings, synonymRules, hash, synonymsHashOf(synonymRules));
  }

  public static final String SYNONYM_FILTER = "news_synonyms";
  public static final String SYNONYMS_HASH_KEY = "synonyms_hash";
  private static final ObjectMapper JSON = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

  /** The production definition: {@code mappings/} with the gazetteer's synonyms and names. */
  public static IndexDefinition forGazetteer(Gazetteer gazetteer) {
    return load(gazetteer.synonymRules(), gazetteer);
  }

  /**
   * Settings and mappings from {@code mappings/}; synonyms from {@code mappings/synonyms/*.txt} plus the given
   * rules; the Arabic chain's word lists from {@code mappings/analysis/} and the gazetteer's names.
   */
  public static IndexDefinition load(List<String> extraSynonymRules, Gazetteer gazetteer) {
    List<String> rules = new ArrayList<>();
    SynonymFiles.read().forEach(r -> rules.add(r.text()));
    rules.addAll(extraSynonymRules);
    ArabicChain.Lists lists = ArabicChain.build(
        lines("mappings/analysis/lexicon-ar.txt", "mappings/analysis/lexicon-extra.txt"),
        lines("mappings/analysis/broken-plurals.txt"),
        lines("mappings/analysis/protected-names.txt"),
        gazetteer);
    try {
      ObjectNode settings = (ObjectNode) JSON.readTree(MappingFiles.read("mappings/settings.json"));
      ObjectNode mappings = (ObjectNode) JSON.readTree(MappingFiles.read("mappings/mappings.json"));
      ObjectNode filter = (ObjectNode) settings.path("index").path("analysis").path("filter").path(SYNONYM_FILTER);
      if (filter.isMissingNode()) {
        throw new IllegalStateException("mappings/settings.json has no " + SYNONYM_FILTER + " filter");
      }
      // the index-time hash sees the synonym filter without its rules; the rules have a hash of their own
      filter.putArray("synonyms");
      ObjectNode filters = (ObjectNode) settings.path("index").path("analysis").path("filter");
      fill(filters, "known_clitic_words", "stopwords", lists.knownCliticWords());
      fill(filters, "known_stems", "keep_words", lists.knownStems());
      fill(filters, "protect_names", "rules", lists.protectedNames());
      fill(filters, "protected_words", "stopwords", lists.protectedForms());
      fill(filters, "plural_stems", "rules", lists.pluralStems());
      String hash = sha256(JSON.writeValueAsString(settings) + JSON.writeValueAsString(mappings)).substring(0, 16);
      ArrayNode synonyms = filter.putArray("synonyms");
      rules.forEach(synonyms::add);
      String synonymsHash = synonymsHashOf(rules);
      ((ObjectNode) mappings.with("_meta")).put("definition_hash", hash).put(SYNONYMS_HASH_KEY, synonymsHash);
      return new IndexDefinition(settings, mappings, List.copyOf(rules), hash, synonymsHash);
    } catch (IOException e) {
      throw new UncheckedIOException("mappings/*.json is not valid JSON", e);
    }
  }

  /**
   * Where a synonym rule comes from, for an error message: its file and line in {@code mappings/synonyms/}, or the
   * gazetteer row one of its terms comes from.
   */
  public static String originOf(String rule) {
    for (SynonymFiles.Rule r : SynonymFiles.read()) {
      if (r.text().equals(rule)) {
        return r.where();
      }
    }
    for (String file : MappingFiles.list("gazetteer", ".tsv")) {
      String[] lines = MappingFiles.read("gazetteer/" + file).split("\\R");
      for (String term : rule.split("=>|,")) {
        String t = term.strip();
        for (int i = 0; t.length() > 2 && i < lines.length; i++) {
          if (java.util.Arrays.asList(lines[i].split("[\\t|;]")).stream().anyMatch(c -> c.strip().equals(t))) {
            return "generated from gazetteer/" + file + ":" + (i + 1);
          }
        }
      }
    }
    return "a rule the gazetteer generates";
  }

  static String synonymsHashOf(List<String> rules) {
    return sha256(String.join("\n", rules)).substring(0, 16);
  }

  /**
   * The definition with this shard and replica count. The shard count is part of what the index is built with (a new
   * one is a new version); the replica count is not in the hash: {@link IndexManager} applies it in place.
   */
  public IndexDefinition withShards(int shards, int replicas) {
    ObjectNode s = settings.deepCopy();
    ((ObjectNode) s.path("index")).put("number_of_shards", shards).put("number_of_replicas", replicas);
    String h = shards == settings.path("index").path("number_of_shards").asInt(1) ? hash
        : sha256(hash + "/shards=" + shards).substring(0, 16);
    ObjectNode m = mappings.deepCopy();
    ((ObjectNode) m.with("_meta")).put("definition_hash", h);
    return new IndexDefinition(s, m, synonymRules, h, synonymsHash);
  }

  /**
   * The same definition with one more index setting (e.g. {@code max_result_window}): an index-time change, so a new
   * hash and the next version. Tests and the bench use it as the smallest migration.
   */
  public IndexDefinition withIndexSetting(String name, int value) {
    ObjectNode s = settings.deepCopy();
    ((ObjectNode) s.with("index")).put(name, value);
    ObjectNode m = mappings.deepCopy();
    String h = sha256(hash + "/" + name + "=" + value).substring(0, 16);
    ((ObjectNode) m.with("_meta")).put("definition_hash", h);
    return new IndexDefinition(s, m, synonymRules, h, synonymsHash);
  }

  /** The replica count the definition asks for. */
  public int replicas() {
    return settings.path("index").path("number_of_replicas").asInt(0);
  }

  /** The synonym filter as the settings define it, rules included. */
  public ObjectNode synonymFilter() {
    return (ObjectNode) settings.path("index").path("analysis").path("filter").path(SYNONYM_FILTER);
  }

  private static void fill(ObjectNode filters, String filter, String key, List<String> values) {
    if (!(filters.get(filter) instanceof ObjectNode node)) {
      throw new IllegalStateException("mappings/settings.json has no " + filter + " filter");
    }
    ArrayNode array = node.putArray(key);
    values.forEach(array::add);
  }

  /** The lines of classpath files (a missing optional file is no lines), comments and blanks dropped. */
  static List<String> lines(String... resources) {
    List<String> out = new ArrayList<>();
    for (String resource : resources) {
      if (MappingFiles.class.getClassLoader().getResource(resource) == null) {
        continue;
      }
      for (String line : MappingFiles.read(resource).split("\\R")) {
        String l = line.strip();
        if (!l.isEmpty() && !l.startsWith("#")) {
          out.add(l);
        }
      }
    }
    return out;
  }

  /** The body of a create-index request: {@code {"settings": …, "mappings": …}}. */
  public String createIndexJson() {
    ObjectNode body = JSON.createObjectNode();
    body.set("settings", settings);
    body.set("mappings", mappings);
    try {
      return JSON.writeValueAsString(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
