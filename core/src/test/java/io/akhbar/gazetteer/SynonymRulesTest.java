package io.akhbar.gazetteer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SynonymRulesTest {

  private static List<String> rules() {
    return Fixtures.basic().synonymRules();
  }

  private static String ruleWith(String term) {
    return rules().stream()
        .filter(r -> List.of(r.split("\\s*(,|=>)\\s*")).contains(term))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no rule with " + term + " in " + rules()));
  }

  @Test
  void aPlaceIsAnEquivalenceOfAllItsNames() {
    assertEquals("بغداد, Baghdad, بەغدا, Bagdad, محافظة بغداد", ruleWith("Bagdad"));
  }

  @Test
  void aHomographPlaceIsOneWayFromItsLatinNames() {
    assertEquals("Balad => Balad, بلد", ruleWith("Balad"));
    assertEquals("Al-Dour, Dour => Al-Dour, Dour, الدور", ruleWith("Dour"));
    assertTrue(rules().stream().noneMatch(r -> r.startsWith("بلد")));
  }

  @Test
  void stopWordsAndShortTermsAreDropped() {
    // Anah's Arabic names (عنه / عنة = "about him") are a stop word: only the Latin names stay
    assertEquals("Anah, Ana", ruleWith("Anah"));
    // ISIS stays, IS (too short) does not
    String is = ruleWith("ISIS");
    assertFalse(List.of(is.split(", ")).contains("IS"), is);
  }

  @Test
  void surnamesJoinOnlyWhenTheyBelongToOneActor() {
    assertTrue(ruleWith("Qais al-Khazali").contains("الخزعلي"));
    String baghdadi = ruleWith("Abu Bakr al-Baghdadi");
    assertFalse(List.of(baghdadi.split(", ")).contains("البغدادي"), baghdadi);
    assertFalse(List.of(baghdadi.split(", ")).contains("al-Baghdadi"), baghdadi);
    assertTrue(ruleWith("Mustafa al-Kadhimi").endsWith("الكاظمي, al-Kadhimi, Kadhimi"), ruleWith("Mustafa al-Kadhimi"));
  }

  @Test
  void everyPlaceAndActorWithTwoTermsHasALineInStableOrder() {
    List<String> r = rules();
    assertEquals(r, Gazetteer.parse(Fixtures.text("basic/places.tsv"), Fixtures.text("basic/actors.tsv"),
        Fixtures.text("basic/roles.tsv")).synonymRules());
    int places = (int) Fixtures.basic().places().stream().filter(p -> !p.id().equals("IQ-AN.anah")).count();
    assertTrue(r.size() >= places, r.size() + " rules");
    // places first, sorted by id
    assertTrue(r.indexOf(ruleWith("Basrah")) < r.indexOf(ruleWith("Baghdad"))); // IQ-BA < IQ-BG
    assertTrue(r.indexOf(ruleWith("Tikrit")) < r.indexOf(ruleWith("Abu Bakr al-Baghdadi")));
  }

  @Test
  void linesAreValidSolrRules() {
    for (String r : rules()) {
      assertFalse(r.contains("(") || r.contains(")") || r.contains("\\") || r.contains("#"), r);
      assertFalse(r.startsWith(",") || r.endsWith(",") || r.contains(",,") || r.contains(", ,"), r);
      String[] sides = r.split("=>", -1);
      assertTrue(sides.length <= 2, r);
      for (String side : sides) {
        for (String term : side.split(",")) {
          assertFalse(term.isBlank(), r);
          assertEquals(term.strip(), term.strip().replaceAll("\\s+", " "), r);
        }
      }
    }
  }

  @Test
  void aFormNamingBothAPlaceAndAnActorIsLeftOutOfBoth() {
    Gazetteer g = Gazetteer.parse(Fixtures.text("basic/places.tsv")
            + "IQ-SU\tgovernorate\t\tالسليمانية\tSulaymaniyah\tسلێمانی\tSlemani\talways\tx\n",
        Fixtures.text("basic/actors.tsv")
            + "qassem-soleimani\tperson\tقاسم سليماني\tQassem Soleimani\t\t\tسليماني|Soleimani\t\tx\n",
        Fixtures.text("basic/roles.tsv"));
    List<String> r = g.synonymRules();
    assertTrue(r.contains("السليمانية, Sulaymaniyah, Slemani"), r::toString);
    assertTrue(r.contains("قاسم سليماني, Qassem Soleimani, Soleimani"), r::toString);
  }

  @Test
  void cleaningDropsParenthesesAndSyntax() {
    assertEquals("Al-Hamza", SynonymRules.clean("Al-Hamza (Babil)"));
    assertEquals("Tikrit city", SynonymRules.clean("Tikrit, city"));
    assertEquals("a b", SynonymRules.clean("\"a => b\""));
    assertEquals("", SynonymRules.clean("(only)"));
    assertEquals(List.of("Tikrit", "تكريت"), SynonymRules.terms(List.of("Tikrit", "tikrit", "تكريت", "في", "is", "IQ")));
  }

  @org.junit.jupiter.api.Test
  void everyLatinSpellingOfAnArabicFamilyNameSearchesForIt() {
    List<String> rules = Gazetteer.fromClasspath().synonymRules();
    String khazali = rules.stream().filter(r -> r.endsWith("=> " + r.substring(r.indexOf("=> ") + 3))
        && r.contains(" khazali,") && r.endsWith(", الخزعلي")).findFirst().orElse("");
    org.junit.jupiter.api.Assertions.assertTrue(khazali.contains("al khazali") && khazali.contains("khazaly"), khazali);
    String jubouri = rules.stream().filter(r -> r.endsWith(", الجبوري")).findFirst().orElse("");
    org.junit.jupiter.api.Assertions.assertTrue(jubouri.startsWith("") && jubouri.contains("jabouri")
        && jubouri.contains("juburi") && jubouri.indexOf("الجبوري") > jubouri.indexOf("=>"), jubouri);
    org.junit.jupiter.api.Assertions.assertTrue(rules.stream().noneMatch(r -> r.startsWith("الخزعلي")),
        "one way only: searching the Arabic name never expands to one Khazali");
  }
}
