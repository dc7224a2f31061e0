package io.akhbar.core;

import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.junit.jupiter.api.Test;

/** The real gazetteer is one source of truth: unambiguous aliases, and the index's synonyms come from it. */
class GazetteerConsistencyTest {

  static final Gazetteer GAZ = Gazetteer.fromClasspath();

  @Test
  void everyActorAliasIsUniqueOrExplicitlyMarkedAmbiguous() {
    Map<String, Set<String>> owners = new HashMap<>();
    for (Actor a : GAZ.actors()) {
      for (String alias : a.aliases()) {
        owners.computeIfAbsent(ArabicText.normalize(alias), k -> new TreeSet<>()).add(a.id());
      }
    }
    List<String> clashes = new ArrayList<>();
    owners.forEach((alias, ids) -> {
      if (ids.size() > 1) {
        clashes.add(alias + " → " + ids);
      }
    });
    // a name shared by several actors belongs in their `surnames` column, which the tagger treats as ambiguous
    for (Actor a : GAZ.actors()) {
      for (String surname : a.surnames()) {
        Set<String> aliasOwners = owners.getOrDefault(ArabicText.normalize(surname), Set.of());
        if (!aliasOwners.isEmpty() && !aliasOwners.equals(Set.of(a.id()))) {
          clashes.add("surname " + surname + " of " + a.id() + " is another actor's alias " + aliasOwners);
        }
      }
    }
    assertTrue(clashes.isEmpty(), String.join("\n", clashes));
  }

  @Test
  void aPlaceNameSharedByTwoPlacesIsMarkedAsNeedingContext() {
    Map<String, List<Place>> byName = new HashMap<>();
    for (Place p : GAZ.places()) {
      for (String n : p.allNames()) {
        byName.computeIfAbsent(ArabicText.normalize(n), k -> new ArrayList<>()).add(p);
      }
    }
    List<String> unmarked = new ArrayList<>();
    byName.forEach((name, places) -> {
      Set<String> ids = new TreeSet<>();
      places.forEach(p -> ids.add(p.id()));
      if (ids.size() > 1 && places.stream().anyMatch(p -> !p.needsContext()) && !isParentChild(places)) {
        unmarked.add(name + " → " + ids);
      }
    });
    assertTrue(unmarked.isEmpty(), String.join("\n", unmarked));
  }

  /** A district named after its governorate's capital may share the governorate's name (one row per level). */
  private static boolean isParentChild(List<Place> places) {
    Set<String> governorates = new TreeSet<>();
    places.forEach(p -> governorates.add(p.governorateId()));
    return governorates.size() == 1;
  }

  @Test
  void aLatinNameFindsASharedArabicSurnameOneWay() {
    assertTrue(GAZ.synonymRules().stream().anyMatch(r -> r.contains("Kadhimi") && r.contains("=>")
        && r.substring(r.indexOf("=>")).contains("الكاظمي") && !r.substring(0, r.indexOf("=>")).contains("الكاظمي")),
        "Kadhimi => …, الكاظمي");
  }

  @Test
  void theIndexSynonymsAreTheGazetteersOwnRules() {
    IndexDefinition definition = IndexDefinition.forGazetteer(GAZ);
    List<String> fromGazetteer = GAZ.synonymRules();
    assertTrue(fromGazetteer.size() > 500, "every entry with several names has a rule: " + fromGazetteer.size());
    assertTrue(definition.synonymRules().containsAll(fromGazetteer));
    Set<String> inlined = new TreeSet<>();
    definition.settings().at("/index/analysis/filter/news_synonyms/synonyms").forEach(n -> inlined.add(n.asText()));
    assertTrue(inlined.containsAll(fromGazetteer), "the settings sent to Elasticsearch carry them");
  }
}
