package io.akhbar.gazetteer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Builds the Solr-format synonym lines of {@link Gazetteer#synonymRules()}.
 *
 * <ul>
 *   <li>One equivalence line ({@code a, b, c}) per place (every row) and per actor with at least two usable terms:
 *       name_ar, name_en, name_ku, aliases, and for an actor also the surnames that belong to that actor alone (not
 *       the ones written «…», which are common words, nor a state's: its capital is a city to search for).
 *   <li>Terms keep their surface spelling (the analyzer before the synonym filter folds them exactly as it folds the
 *       query); text in parentheses, Solr syntax characters ({@code , => \ #}) and stray punctuation are removed.
 *   <li>Dropped: terms shorter than 3 characters once normalized, English and Arabic stop words, duplicates (by
 *       normalized form, the first spelling wins).
 *   <li>A place that needs context gets a one-way rule {@code latin1, latin2 => latin1, latin2, arabic...}: the
 *       English name finds the Arabic one, but the common Arabic word is never expanded. No Latin term: no line.
 *   <li>A form that is both a place term and an actor term («سليماني»: Sulaymaniyah in Kurdish, Soleimani in Arabic)
 *       is left out of both, so a search for one never expands to the other.
 *   <li>An actor whose Arabic surname is shared also gets a one-way rule from its one-word Latin names to that
 *       surname ({@code Kadhimi => Kadhimi, الكاظمي}).
 *   <li>Order: places sorted by id, then actors sorted by id, so the index definition hash is stable.
 * </ul>
 */
final class SynonymRules {

  private static final Pattern PARENS = Pattern.compile("\\([^)]*\\)|\\[[^]]*]|\\{[^}]*}");
  private static final Pattern SYNTAX = Pattern.compile("=>|[,\\\\#|;()\\[\\]{}\"“”«»،]");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  private SynonymRules() {}

  /**
   * Whether a surname may expand to its actor at search time: not a form that names it only when quoted
   * («القاعدة», a common word), and never a state's short form: a search for «طهران» or "Riyadh" is a search for
   * the city, not for every article about Iran or Saudi Arabia (the names suite measured that as thousands of hits
   * that never name the city), nor for «المملكة».
   */
  private static boolean expandable(Actor a, String surname) {
    return !surname.startsWith("«") && a.type() != Actor.Type.STATE;
  }

  static List<String> build(Gazetteer g) {
    List<String> lines = new ArrayList<>();
    List<Place> places = new ArrayList<>(g.places());
    places.sort(Comparator.comparing(Place::id));
    List<Actor> actors = new ArrayList<>(g.actors());
    actors.sort(Comparator.comparing(Actor::id));

    Map<String, Set<String>> surnameOwners = new HashMap<>();
    for (Actor a : g.actors()) {
      for (String s : a.surnames()) {
        String key = ArabicText.normalize(clean(s));
        if (!key.isEmpty()) {
          surnameOwners.computeIfAbsent(key, k -> new HashSet<>()).add(a.id());
        }
      }
    }
    Map<String, List<String>> actorTerms = new LinkedHashMap<>();
    for (Actor a : actors) {
      List<String> names = new ArrayList<>(a.allNames());
      for (String s : a.surnames()) {
        Set<String> owners = surnameOwners.get(ArabicText.normalize(clean(s)));
        if (owners != null && owners.size() == 1 && expandable(a, s)) {
          names.add(s);
        }
      }
      actorTerms.put(a.id(), terms(names));
    }
    Map<String, List<String>> placeTerms = new LinkedHashMap<>();
    for (Place p : places) {
      placeTerms.put(p.id(), terms(p.allNames()));
    }
    // a form that names both a place and an actor («سليماني»: Sulaymaniyah in Kurdish, Soleimani in Arabic) would
    // merge the two at search time: it is left out of both
    Set<String> placeKeys = new HashSet<>();
    placeTerms.values().forEach(ts -> ts.forEach(t -> placeKeys.add(ArabicText.normalize(t))));
    Set<String> clashes = new HashSet<>();
    actorTerms.values().forEach(ts -> ts.forEach(t -> {
      if (placeKeys.contains(ArabicText.normalize(t))) {
        clashes.add(ArabicText.normalize(t));
      }
    }));
    placeTerms.values().forEach(ts -> ts.removeIf(t -> clashes.contains(ArabicText.normalize(t))));
    actorTerms.values().forEach(ts -> ts.removeIf(t -> clashes.contains(ArabicText.normalize(t))));

    for (Place p : places) {
      List<String> terms = placeTerms.get(p.id());
      if (p.needsContext()) {
        List<String> latin = new ArrayList<>();
        for (String t : terms) {
          if (ArabicText.hasLatinLetter(t) && !ArabicText.hasArabicLetter(t)) {
            latin.add(t);
          }
        }
        if (latin.isEmpty()) {
          continue;
        }
        if (latin.size() == terms.size()) {
          if (terms.size() >= 2) {
            lines.add(String.join(", ", terms));
          }
          continue;
        }
        List<String> right = new ArrayList<>(latin);
        for (String t : terms) {
          if (!latin.contains(t)) {
            right.add(t);
          }
        }
        lines.add(String.join(", ", latin) + " => " + String.join(", ", right));
      } else if (terms.size() >= 2) {
        lines.add(String.join(", ", terms));
      }
    }

    for (Actor a : actors) {
      List<String> terms = actorTerms.get(a.id());
      if (terms.size() >= 2) {
        lines.add(String.join(", ", terms));
      }
    }
    // A surname several actors share (الكاظمي: Mustafa and Moeen) stays out of their equivalence lines, but a search
    // for the one-word Latin name (Kadhimi) must still find articles that write only the Arabic surname: one way,
    // so that searching الكاظمي never expands to one particular Kadhimi.
    for (Actor a : actors) {
      List<String> shared = new ArrayList<>();
      for (String s : a.surnames()) {
        Set<String> owners = surnameOwners.get(ArabicText.normalize(clean(s)));
        String term = clean(s);
        if (owners != null && owners.size() > 1 && ArabicText.hasArabicLetter(term) && !clashes.contains(ArabicText.normalize(term))) {
          shared.add(term);
        }
      }
      if (shared.isEmpty()) {
        continue;
      }
      List<String> latin = new ArrayList<>();
      for (String t : actorTerms.get(a.id())) {
        String bare = t.replaceFirst("(?i)^al[- ]", "");
        if (ArabicText.hasLatinLetter(t) && !ArabicText.hasArabicLetter(t) && !bare.contains(" ")) {
          latin.add(t);
        }
      }
      if (!latin.isEmpty()) {
        List<String> right = new ArrayList<>(latin);
        right.addAll(shared);
        lines.add(String.join(", ", latin) + " => " + String.join(", ", right));
      }
    }
    lines.addAll(familyNames(actors, clashes, placeKeys));
    lines.addAll(placesAbroad(g, placeKeys, actorTerms));
    return lines;
  }

  /**
   * Places abroad ({@code places-abroad.tsv}), in file order, one way from the Arabic forms: «عدن» also finds the
   * English articles that write Aden. The Latin names are searched by the API on the unstemmed fields (a Latin name
   * expanded here would reach the stemmed field, where «الرياض» meets «الرياضة» and «كوباني» «ألبانيا»). A row whose
   * Arabic form is also an Iraqi place or an actor term («الرياض», a subdistrict of Kirkuk too) gets no line.
   */
  private static List<String> placesAbroad(Gazetteer g, Set<String> placeKeys, Map<String, List<String>> actorTerms) {
    Set<String> taken = new HashSet<>(placeKeys);
    actorTerms.values().forEach(ts -> ts.forEach(t -> taken.add(ArabicText.normalize(t))));
    List<String> lines = new ArrayList<>();
    for (PlaceAbroad p : g.placesAbroad()) {
      List<String> latin = terms(p.latin());
      List<String> arabic = terms(p.arabic());
      if (latin.isEmpty() || arabic.isEmpty() || arabic.stream().anyMatch(a -> taken.contains(ArabicText.normalize(a)))) {
        continue;
      }
      List<String> all = new ArrayList<>(arabic);
      all.addAll(latin);
      lines.add(String.join(", ", arabic) + " => " + String.join(", ", all));
    }
    return lines;
  }

  private static final Pattern AL = Pattern.compile("(?i)^(al|el|al-|el-)$|^(al|el)-");

  /**
   * One-way rules from the English spellings of an Arabic family name to that family name, for every person whose
   * surnames hold it with the article: {@code Khazali, al Khazali, Khazaly ... => ..., الخزعلي}. A search for the
   * surname alone, with «al-» or without, in any usual transliteration, is a search for the Arabic word (ambiguous for
   * tagging, not for searching). The spellings come from the person's Latin surnames and the last word of their Latin
   * aliases, with {@link LatinVariants}; the article form «al X» / «el X» is added for the gazetteer's own spellings.
   * Never the other way (searching الخزعلي does not expand to one Khazali), never a bare Arabic word without ال.
   */
  static List<String> familyNames(List<Actor> actors, Set<String> clashes, Set<String> placeKeys) {
    Map<String, String> arabicSurface = new LinkedHashMap<>();
    Map<String, LinkedHashSet<String>> latinBase = new LinkedHashMap<>();
    for (Actor a : actors) {
      if (a.type() != Actor.Type.PERSON) {
        continue;
      }
      List<String> family = new ArrayList<>();
      for (String sn : a.surnames()) {
        String t = clean(sn);
        String key = ArabicText.normalize(t);
        if (ArabicText.hasArabicLetter(t) && !key.contains(" ") && key.startsWith("ال") && key.length() >= 5
            && !clashes.contains(key) && !placeKeys.contains(key)) {
          family.add(key);
          arabicSurface.putIfAbsent(key, t);
        }
      }
      if (family.isEmpty()) {
        continue;
      }
      Set<String> latin = new LinkedHashSet<>();
      List<String> forms = new ArrayList<>(a.surnames());
      forms.addAll(a.allNames());
      for (String f : forms) {
        String t = clean(f);
        if (!ArabicText.hasLatinLetter(t) || ArabicText.hasArabicLetter(t)) {
          continue;
        }
        String[] words = t.split("[\\s]+");
        String last = AL.matcher(words[words.length - 1]).replaceFirst("");
        if (last.length() >= 4 && last.chars().allMatch(Character::isLetter)) {
          latin.add(last);
        }
      }
      if (latin.isEmpty()) {
        continue;
      }
      for (String key : family) {
        latinBase.computeIfAbsent(key, k -> new LinkedHashSet<>()).addAll(latin);
      }
    }
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, LinkedHashSet<String>> e : latinBase.entrySet()) {
      LinkedHashSet<String> left = new LinkedHashSet<>();
      for (String base : e.getValue()) {
        for (String v : LatinVariants.of(base)) {
          if (!Lexicon.isStopWord(v) && !placeKeys.contains(v) && !clashes.contains(v)) {
            left.add(v);
          }
        }
        String b = base.toLowerCase(java.util.Locale.ROOT);
        left.add("al " + b);
        left.add("el " + b);
      }
      if (left.isEmpty()) {
        continue;
      }
      List<String> right = new ArrayList<>(left);
      right.add(arabicSurface.get(e.getKey()));
      out.add(String.join(", ", left) + " => " + String.join(", ", right));
    }
    return out;
  }

  /** Cleaned, filtered, de-duplicated terms in input order. */
  static List<String> terms(List<String> names) {
    LinkedHashMap<String, String> byKey = new LinkedHashMap<>();
    for (String name : names) {
      String term = clean(name);
      if (term.isEmpty()) {
        continue;
      }
      String key = ArabicText.normalize(term);
      if (key.replace(" ", "").length() < 3 || Lexicon.isStopWord(key)) {
        continue;
      }
      byKey.putIfAbsent(key, term);
    }
    return new ArrayList<>(byKey.values());
  }

  /** The surface form without parenthesised text, Solr syntax characters or edge punctuation; "" if nothing is left. */
  static String clean(String name) {
    if (name == null) {
      return "";
    }
    String s = PARENS.matcher(name).replaceAll(" ");
    s = SYNTAX.matcher(s).replaceAll(" ");
    s = SPACES.matcher(s).replaceAll(" ").strip();
    // trim leading/trailing characters that are neither letters nor digits (quotes, dashes, dots)
    int start = 0;
    int end = s.length();
    while (start < end && !Character.isLetterOrDigit(s.codePointAt(start))) {
      start += Character.charCount(s.codePointAt(start));
    }
    while (end > start && !Character.isLetterOrDigit(s.codePointBefore(end))) {
      end -= Character.charCount(s.codePointBefore(end));
    }
    s = s.substring(start, end);
    return s;
  }
}
