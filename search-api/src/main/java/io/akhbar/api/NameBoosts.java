package io.akhbar.api;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import io.akhbar.gazetteer.Actor;
import io.akhbar.gazetteer.ArabicText;
import io.akhbar.gazetteer.Gazetteer;
import io.akhbar.gazetteer.Place;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Names rank as names: when the query, or a run of its words, is a gazetteer name or alias, articles tagged with that
 * entry rank above articles that only contain the word (الصدر the man, not «chest»; العمارة the city, not
 * «building»). Unlike the indexer's tagger, which needs evidence in running text, a query that IS a name is read as
 * the name, so homographs and shared surnames count here (every entry that bears the name is boosted).
 */
public final class NameBoosts {

  static final float ACTOR_BOOST = 4.0f;
  static final float PLACE_BOOST = 3.0f;
  private static final int MAX_WORDS = 6;

  private final Map<String, Set<String>> actorsByName = new HashMap<>();
  private final Map<String, Set<String>> provincesByName = new HashMap<>();
  private final Map<String, Set<String>> districtsByName = new HashMap<>();

  public NameBoosts(Gazetteer gazetteer) {
    for (Actor a : gazetteer.actors()) {
      List<String> names = new ArrayList<>(a.allNames());
      names.addAll(a.surnames());
      names.forEach(n -> add(actorsByName, n, a.id()));
    }
    for (Place p : gazetteer.places()) {
      String province = p.governorateId();
      String district = p.isGovernorate() ? null : gazetteer.districtOf(p).map(Place::id).orElse(null);
      for (String n : p.allNames()) {
        add(provincesByName, n, province);
        if (district != null) {
          add(districtsByName, n, district);
        }
      }
    }
  }

  private static void add(Map<String, Set<String>> index, String name, String id) {
    String key = ArabicText.normalize(name);
    if (key.length() >= 3) {
      index.computeIfAbsent(key, k -> new TreeSet<>()).add(id);
    }
  }

  /** Boost queries for the names the query contains (longest runs of words first); none for a plain query. */
  public List<Query> forQuery(String q) {
    List<String> words = ArabicText.tokens(q.replace("\"", " "));
    Set<String> actors = new TreeSet<>();
    Set<String> provinces = new TreeSet<>();
    Set<String> districts = new TreeSet<>();
    boolean[] used = new boolean[words.size()];
    for (int n = Math.min(MAX_WORDS, words.size()); n >= 1; n--) {
      for (int i = 0; i + n <= words.size(); i++) {
        if (anyUsed(used, i, n)) {
          continue;
        }
        String run = String.join(" ", words.subList(i, i + n));
        boolean hit = false;
        for (String form : List.of(run, run.startsWith("ال") ? run.substring(2) : "ال" + run)) {
          hit |= collect(actorsByName, form, actors) | collect(provincesByName, form, provinces)
              | collect(districtsByName, form, districts);
        }
        if (hit) {
          java.util.Arrays.fill(used, i, i + n, true);
        }
      }
    }
    List<Query> boosts = new ArrayList<>();
    terms("actors", actors, ACTOR_BOOST, boosts);
    terms("provinces", provinces, PLACE_BOOST, boosts);
    terms("districts", districts, PLACE_BOOST, boosts);
    return boosts;
  }

  private static boolean anyUsed(boolean[] used, int from, int n) {
    for (int k = from; k < from + n; k++) {
      if (used[k]) {
        return true;
      }
    }
    return false;
  }

  private static boolean collect(Map<String, Set<String>> index, String key, Set<String> into) {
    Set<String> ids = index.get(key);
    if (ids == null) {
      return false;
    }
    into.addAll(ids);
    return true;
  }

  private static void terms(String field, Set<String> ids, float boost, List<Query> out) {
    if (!ids.isEmpty()) {
      List<FieldValue> values = ids.stream().map(FieldValue::of).toList();
      out.add(Query.of(x -> x.terms(t -> t.field(field).boost(boost).terms(v -> v.value(values)))));
    }
  }
}
