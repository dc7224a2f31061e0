package io.akhbar.api;

import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.SpanQuery;
import io.akhbar.gazetteer.ArabicText;
import io.akhbar.gazetteer.NameTransliteration;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Latin-script names no gazetteer lists, searched in their Arabic spellings: {@code Sudais} finds «السديس»,
 * {@code Khalifa Haftar} «خليفة حفتر», {@code Abdul Rahman al-Sudais} «عبدالرحمن السديس» (see
 * {@link NameTransliteration} for the spellings, matched as regular expressions on the unstemmed {@code .exact}
 * fields).
 *
 * <p>No expansion lets one common Arabic word stand for a name. A query of one name word matches its article form
 * («السديس», «الحريري») unless that is a common word ({@code mappings/analysis/name-common-words.txt}: الصدر, الحكيم),
 * and its bare form («حفتر», «ميركل») unless that is a word of the Arabic lexicon (حرير «silk», هادي «calm»). Several
 * name words must stand next to each other in that order (a few words apart at most: «عبدالرحمن بن عبدالعزيز
 * السديس»), which makes them a name whatever the words are. Common English words ({@code oil}, {@code front}) are not
 * read as names: a query of English words is left to the English fields.
 */
final class LatinNameQuery {

  /** Other names may stand between the words of a name: «محمد بن سلمان بن عبدالعزيز». */
  static final int SLOP = 2;
  /** No name word is longer (the longest in the names suite has 14 letters); a longer one would only cost states. */
  static final int MAX_NAME_LETTERS = 20;
  /** The names reading for queries of a few names, not for a pasted paragraph (each word is a regexp per field). */
  static final int MAX_NAME_WORDS = 8;
  /** Below the synonym matches: a name the gazetteer knows ranks by its own synonyms. */
  static final float BOOST = 0.5f;
  private static final List<String> FIELDS = List.of("title.exact", "body.exact");
  /** As {@link SearchQueryBuilder#TEXT_FIELDS} weigh a title against a body. */
  private static final float TITLE_WEIGHT = 3f;
  private static final Set<String> TITLES = Set.of("king", "sultan", "emir", "amir", "sheikh", "shaikh", "sheik",
      "prince", "president", "imam", "ayatollah", "grand", "sayyid", "sayed", "general", "gen", "dr", "mullah",
      "minister", "premier", "crown", "mr", "mrs", "ms", "the", "of", "ii", "iii");
  private static final Set<String> BIN = Set.of("bin", "ibn", "ben", "bn");
  private static final Set<String> ABU = Set.of("abu", "abou", "abo");
  private static final Set<String> ABD = Set.of("abd", "abdul", "abdel", "abdal", "abdol", "abdoul", "abdu");
  private static final Set<String> ARTICLE = Set.of("al", "el", "ul");

  private static final Set<String> ENGLISH = words("mappings/analysis/english-words.txt", false);
  static final Set<String> LEXICON = words("mappings/analysis/lexicon-ar.txt", true);
  private static final Set<String> COMMON_WITH_ARTICLE = words("mappings/analysis/name-common-words.txt", true);
  private static volatile LatinNameQuery classpathDefault;

  /** Titles and ordinals, in Arabic, where they stand in a name: King Salman is «الملك سلمان». */
  private static final Map<String, String> TITLE_WORDS = Map.ofEntries(Map.entry("king", "(ال)?ملك"),
      Map.entry("sultan", "(ال)?سلطان"), Map.entry("emir", "(ال)?امير"), Map.entry("amir", "(ال)?امير"),
      Map.entry("prince", "(ال)?امير"), Map.entry("sheikh", "(ال)?شيخ"), Map.entry("shaikh", "(ال)?شيخ"),
      Map.entry("sheik", "(ال)?شيخ"), Map.entry("president", "(ال)?رايس"), Map.entry("imam", "(ال)?امام"),
      Map.entry("sayyid", "(ال)?سيد"), Map.entry("sayed", "(ال)?سيد"), Map.entry("minister", "(ال)?وزير"),
      Map.entry("ii", "الثاني"), Map.entry("iii", "الثالث"));

  /** Latin names the gazetteer's synonyms already search (Maliki, al-Qaeda, Aden): their rules win. */
  private final Set<String> known;
  /** One-word Arabic forms the gazetteer gives to something else: never matched as another name («الباحة»). */
  private final Set<String> taken;
  /** What each expression matched in each word list (the lexicon, the common words, the gazetteer's forms). */
  private final Map<String, List<String>> listMatches = new ConcurrentHashMap<>();
  /** Places abroad by the key of each Latin name: their Arabic forms, searched unstemmed (Riyadh: «الرياض»). */
  private final Map<String, List<String>> abroad;
  /**
   * Iraq's places the same way, for a run that is wholly one of them and no one's name (Salman is a district and a
   * king): through the stemmer Ramadi's «الرمادي» was «رماد» (ash), Baiji's «بيجي» «بيج» (beige), Mosul's «الموصل»
   * «موصل» (a conductor). Unlike places abroad they never split a run: they are the synonyms' business there.
   */
  private final Map<String, List<String>> iraqPlaces;
  /**
   * The keys of {@link #iraqPlaces} whose Arabic name is also a word (the gazetteer's {@code evidence = context}, and a
   * lexicon word: «الرمادي» is also "grey"; not «بيجي»): their Arabic names count only in an article the tagger placed
   * in Iraq, which it does only with evidence (the grey wolf, a grey phone and Dr. Mohammed al-Ramadi are not Ramadi).
   */
  private final Set<String> iraqHomographs;
  /**
   * The gazetteer's actors by the {@link #articleKey} of each Latin name: their Arabic names, searched unstemmed when
   * a whole run of the query is that name (Hezbollah: «حزب الله»; al-Houthi is a family name, not «الحوثيون»).
   */
  private final Map<String, List<String>> actorNames;
  /** The same by {@link #looseKey}: the usual transliteration variants of a known name (Huthis, Zareef, al-Sissi). */
  private final Map<String, List<String>> looseActorNames;
  /**
   * The gazetteer's people by the {@link #looseKey} of their Latin family name (the last word of a Latin name, a Latin
   * surname): the Arabic names of everyone who bears it. A query of that family name alone searches these instead of
   * guessing spellings (al-Houthi: «عبد الملك الحوثي», «الحوثي»; al-Muallem: «وليد المعلم», never «المعالم»; Hadi:
   * «عبدربه منصور هادي», never «هادي» «calm»). The family word alone is among them only where it cannot be a common
   * word; elsewhere its neighbours, the rest of the name, make it a name.
   */
  private final Map<String, List<String>> bearers;
  /** The keys above whose actor has Arabic names not among its forms (a nom de guerre, an epithet). */
  private final Set<String> partialActorNames;
  /** How the bearers' surnames are spelt (their {@link #key}s), by the loose key {@link #bearers} is under. */
  private final Map<String, Set<String>> bearerSpellings;
  /** The keys of {@link #actorNames} that name a group, party or body (ISIS, Hamas): no one's surname. */
  private final Set<String> groupNames;
  /** Surnames several actors carry (خامنئي: Ali and Mojtaba): never one actor's name alone. */
  private final Set<String> sharedSurnames;

  LatinNameQuery(io.akhbar.gazetteer.Gazetteer gazetteer) {
    Set<String> latin = new HashSet<>();
    Set<String> arabic = new HashSet<>();
    for (String line : gazetteer.synonymRules()) {
      for (String side : line.split("=>")) {
        for (String term : side.split(",")) {
          String t = term.strip();
          if (isLatin(t)) {
            latin.add(key(t));
          } else if (!t.contains(" ")) {
            arabic.add(ArabicText.normalize(t));
          }
        }
      }
    }
    for (io.akhbar.gazetteer.Country c : gazetteer.countries()) {
      for (List<String> names : List.of(c.names(), c.demonyms(), c.cities())) {
        for (String n : names) {
          if (isLatin(n)) {
            latin.add(key(n));
          } else if (!n.contains(" ")) {
            arabic.add(ArabicText.normalize(n));
          }
        }
      }
    }
    Map<String, List<String>> places = new java.util.HashMap<>();
    for (io.akhbar.gazetteer.PlaceAbroad p : gazetteer.placesAbroad()) {
      for (String l : p.latin()) {
        places.computeIfAbsent(key(l), k -> new ArrayList<>()).addAll(p.arabic());
      }
      p.arabic().stream().filter(a -> !a.contains(" ")).forEach(a -> arabic.add(ArabicText.normalize(a)));
    }
    Map<String, Integer> owners = new java.util.HashMap<>();
    // a word of a person's Latin name is no place to read alone (Salman: a district, and the king everyone means)
    Set<String> personWords = new HashSet<>();
    for (io.akhbar.gazetteer.Actor actor : gazetteer.actors()) {
      if (actor.type() == io.akhbar.gazetteer.Actor.Type.PERSON) {
        actor.allNames().stream().filter(n -> isLatin(n) && !ArabicText.hasArabicLetter(n))
            .flatMap(n -> List.of(n.strip().split("\\s+")).stream()).forEach(w -> personWords.add(key(w)));
      }
      actor.surnames().stream().map(n -> ArabicText.normalize(n.strip())).distinct()
          .forEach(n -> owners.merge(n, 1, Integer::sum));
    }
    Map<String, List<String>> iraqi = new java.util.HashMap<>();
    Set<String> homographs = new HashSet<>();
    for (io.akhbar.gazetteer.Place p : gazetteer.places()) {
      List<String> arabicNames = p.allNames().stream().filter(ArabicText::hasArabicLetter).toList();
      for (String l : p.allNames()) {
        if (isLatin(l) && !ArabicText.hasArabicLetter(l) && !arabicNames.isEmpty() && !personWords.contains(key(l))) {
          iraqi.computeIfAbsent(key(l), k -> new ArrayList<>()).addAll(arabicNames);
          if (p.needsContext() && arabicNames.stream().map(n -> ArabicText.normalize(n).replaceFirst("^ال", ""))
              .anyMatch(LEXICON::contains)) {
            homographs.add(key(l));
          }
        }
      }
    }
    this.iraqPlaces = Map.copyOf(iraqi);
    this.iraqHomographs = Set.copyOf(homographs);
    // the gazetteer's people, groups and bodies too: their Arabic names searched unstemmed, beside their synonyms
    // (a synonym of several words goes through the stemmed chain, where «لحزب الله» or «بان كي مون» can miss)
    Map<String, List<String>> actors = new java.util.HashMap<>();
    Map<String, List<String>> looseActors = new java.util.HashMap<>();
    Set<String> partial = new HashSet<>();
    Set<String> groups = new HashSet<>();
    Map<String, List<String>> namesById = new java.util.HashMap<>();
    sharedSurnames = Set.copyOf(owners.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList());
    for (io.akhbar.gazetteer.Actor actor : gazetteer.actors()) {
      if (actor.type() == io.akhbar.gazetteer.Actor.Type.STATE) {
        continue; // a state's names are the countries' business (Iran is not every article about Tehran)
      }
      List<String> forms = new ArrayList<>(arabicNamesOf(actor, sharedSurnames));
      if (actor.type() == io.akhbar.gazetteer.Actor.Type.PERSON) {
        forms.addAll(shortForms(forms));
      }
      namesById.put(actor.id(), forms);
      if (forms.isEmpty()) {
        continue;
      }
      boolean kept = allNamesKept(actor);
      for (String name : namesOf(actor, null)) {
        if (isLatin(name) && !ArabicText.hasArabicLetter(name) && key(name).length() >= 4) {
          actors.computeIfAbsent(articleKey(name), k -> new ArrayList<>()).addAll(forms);
          looseActors.computeIfAbsent(looseKey(name), k -> new ArrayList<>()).addAll(forms);
          if (actor.type() != io.akhbar.gazetteer.Actor.Type.PERSON) {
            groups.add(articleKey(name));
          }
          if (!kept) {
            partial.add("exact " + articleKey(name));
            partial.add("loose " + looseKey(name));
          }
        }
      }
    }
    Map<String, Set<String>> spellings = new java.util.HashMap<>();
    this.bearers = bearersOf(gazetteer, places.keySet(), namesById, spellings);
    this.bearerSpellings = Map.copyOf(spellings);
    this.groupNames = Set.copyOf(groups);
    this.actorNames = Map.copyOf(actors);
    this.looseActorNames = Map.copyOf(looseActors);
    this.partialActorNames = Set.copyOf(partial);
    this.abroad = Map.copyOf(places);
    latin.removeAll(places.keySet());
    this.known = Set.copyOf(latin);
    this.taken = Set.copyOf(arabic);
  }

  /**
   * An actor's Arabic names that stand for it alone: its name and the aliases that share a word with it, without
   * parenthesised text; a one-word form only when no Arabic lexicon or common-word list knows it (a name of several
   * words is a name whatever its words).
   */
  private static List<String> arabicNamesOf(io.akhbar.gazetteer.Actor actor, Set<String> sharedSurnames) {
    List<String> forms = new ArrayList<>();
    Set<String> own = ownWords(actor);
    for (String name : namesOf(actor, sharedSurnames)) {
      String clean = cleanArabic(name);
      if (clean.isEmpty()) {
        continue;
      }
      String n = ArabicText.normalize(clean);
      boolean oneWord = !n.contains(" ");
      if (!oneWord && !sharesOwnWord(own, n)) {
        continue;
      }
      if (oneWord && (n.length() < 4 || LEXICON.contains(n) || LEXICON.contains(n.replaceFirst("^ال", ""))
          || COMMON_WITH_ARTICLE.contains(n))) {
        continue;
      }
      forms.add(clean);
    }
    return forms;
  }

  /** An Arabic name without parenthesised text and quotes; empty when it is not Arabic. */
  private static String cleanArabic(String name) {
    String clean = name.replaceAll("\\([^)]*\\)", " ").replaceAll("[\"«»]", " ").replaceAll("\\s+", " ").strip();
    return !ArabicText.hasArabicLetter(clean) || isLatin(clean) ? "" : clean;
  }

  /**
   * Whether a name of several words shares a word with the actor's own Arabic name. One that shares none is a title
   * or an epithet, which names whoever holds it at the time («خادم الحرمين الشريفين» was King Abdullah until 2015),
   * or a nom de guerre: left to the synonyms and the tags. Articles and plural endings aside («الحوثيين»,
   * «الحوثيون»).
   */
  private static boolean sharesOwnWord(Set<String> ownWords, String normalized) {
    return java.util.Arrays.stream(normalized.split(" ")).anyMatch(w -> ownWords.contains(wordKey(w)));
  }

  /** The words of the actor's own Arabic name, as {@link #sharesOwnWord} compares them. */
  private static Set<String> ownWords(io.akhbar.gazetteer.Actor actor) {
    Set<String> own = new HashSet<>();
    for (String w : ArabicText.normalize(actor.nameAr().replaceAll("[()«»\"]", " ")).split("\\s+")) {
      if (w.length() >= 3) {
        own.add(wordKey(w));
      }
    }
    return own;
  }

  private static String wordKey(String word) {
    return pluralStem(word.replaceFirst("^ال(?=\\p{L}{3})", ""));
  }

  /**
   * Whether every Arabic name of several words the actor has is among its names read unstemmed: then those names
   * are the whole Arabic reading of its Latin name (see {@link Reading}).
   */
  private static boolean allNamesKept(io.akhbar.gazetteer.Actor actor) {
    Set<String> own = ownWords(actor);
    return actor.allNames().stream().map(LatinNameQuery::cleanArabic).filter(c -> c.contains(" "))
        .allMatch(c -> sharesOwnWord(own, ArabicText.normalize(c)));
  }

  /**
   * An actor's names, and its short forms of several words («صباح الأحمد», Sabah al-Ahmad): a one-word surname is
   * ambiguous, a short form of several words is a name (it may be the start of a relative's, which names it too).
   */
  private static List<String> namesOf(io.akhbar.gazetteer.Actor actor, Set<String> sharedSurnames) {
    List<String> out = new ArrayList<>(actor.allNames());
    // a one-word surname only its actor carries names it, as the synonyms read it (Obama: «أوباما», Putin: «بوتين»);
    // null: the several-word ones only
    actor.surnames().stream().filter(n -> !n.startsWith("«") && (n.strip().contains(" ")
        || sharedSurnames != null && !sharedSurnames.contains(ArabicText.normalize(n.strip())))).forEach(out::add);
    return out;
  }

  /** A word without its sound-plural ending (ون, ين, يون, يين), when enough of it is left. */
  private static String pluralStem(String word) {
    String stem = word.replaceFirst("(ون|ين)$", "");
    return stem.length() >= 4 ? stem : word;
  }

  /** See {@link #bearers}; {@code namesById}: each person's Arabic names and short forms, as the actors map has them. */
  private static Map<String, List<String>> bearersOf(io.akhbar.gazetteer.Gazetteer gazetteer, Set<String> placesAbroad,
      Map<String, List<String>> namesById, Map<String, Set<String>> spellings) {
    Set<String> placeForms = new HashSet<>();
    gazetteer.places().forEach(p -> p.allNames().forEach(n -> placeForms.add(ArabicText.normalize(n))));
    gazetteer.placesAbroad().forEach(p -> p.arabic().forEach(n -> placeForms.add(ArabicText.normalize(n))));
    gazetteer.countries().forEach(c -> c.names().forEach(n -> placeForms.add(ArabicText.normalize(n))));
    // a given name many people carry (Ahmed, Ali) is no family name to search by its bearers alone
    Map<String, Integer> givenNames = new java.util.HashMap<>();
    for (io.akhbar.gazetteer.Actor actor : gazetteer.actors()) {
      if (actor.type() == io.akhbar.gazetteer.Actor.Type.PERSON) {
        actor.allNames().stream().filter(n -> isLatin(n) && !ArabicText.hasArabicLetter(n)).map(LatinNameQuery::nameWords)
            .filter(w -> w.size() >= 2).map(w -> looseKey(w.get(0))).distinct()
            .forEach(k -> givenNames.merge(k, 1, Integer::sum));
      }
    }
    Map<String, Set<String>> out = new java.util.HashMap<>();
    for (io.akhbar.gazetteer.Actor actor : gazetteer.actors()) {
      if (actor.type() != io.akhbar.gazetteer.Actor.Type.PERSON) {
        continue;
      }
      Set<String> families = new HashSet<>();
      for (String name : actor.allNames()) {
        List<String> w = isLatin(name) && !ArabicText.hasArabicLetter(name) ? nameWords(name) : List.of();
        String before = w.size() >= 2 ? NameTransliteration.fold(w.get(w.size() - 2)) : "";
        if (w.size() >= 2 && !BIN.contains(before) && !ABU.contains(before) && !ABD.contains(before)) {
          families.add(w.get(w.size() - 1));
        }
      }
      for (String surname : actor.surnames()) {
        List<String> w = isLatin(surname) && !ArabicText.hasArabicLetter(surname) ? nameWords(surname) : List.of();
        if (w.size() == 1) {
          families.add(w.get(0));
        }
      }
      List<String> names = namesById.getOrDefault(actor.id(), List.of());
      for (String family : families) {
        String k = looseKey(key(family)); // with or without its article: al-Muallem, Muallem
        String folded = NameTransliteration.fold(family);
        if (k.length() < 4 || isEnglish(folded) || TITLES.contains(folded) || givenNames.getOrDefault(k, 0) >= 2
            || placesAbroad.contains(key(family))) {
          continue;
        }
        List<String> forms = new ArrayList<>(names);
        for (String arabic : familyWords(actor, family)) {
          String n = ArabicText.normalize(arabic);
          if (familyWordAlone(n) && !placeForms.contains(n)) {
            forms.add(arabic);
          }
        }
        if (!forms.isEmpty()) {
          out.computeIfAbsent(k, x -> new java.util.LinkedHashSet<>()).addAll(forms);
          spellings.computeIfAbsent(k, x -> new HashSet<>()).add(key(family));
        }
      }
    }
    Map<String, List<String>> copy = new java.util.HashMap<>();
    out.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    return Map.copyOf(copy);
  }

  /** A Latin name's words without its leading titles (King Salman: Salman), hyphens kept (Amir-Abdollahian). */
  private static List<String> nameWords(String latin) {
    List<String> words = new ArrayList<>(List.of(latin.replaceAll("\\([^)]*\\)", " ").strip().split("\\s+")));
    while (!words.isEmpty() && TITLES.contains(NameTransliteration.fold(words.get(0)))) {
      words.remove(0);
    }
    return words;
  }

  /**
   * The person's Arabic words that spell a Latin family name of theirs, as written: the last word of the Arabic name
   * and the one-word Arabic surnames, each only if it is that name in Arabic ({@code Larijani}: «لاريجاني»; never
   * «الشرع» for al-Jolani, his nom de guerre, nor «أوغلو» for Davutoglu).
   */
  private static List<String> familyWords(io.akhbar.gazetteer.Actor actor, String latinFamily) {
    Optional<NameTransliteration.Word> spelling = NameTransliteration.of(latinFamily);
    if (spelling.isEmpty()) {
      return List.of();
    }
    Pattern p = Pattern.compile("(ال)?" + spelling.get().stem());
    List<String> candidates = new ArrayList<>();
    String[] name = cleanArabic(actor.nameAr()).split(" ");
    if (name.length >= 2) {
      candidates.add(name[name.length - 1]);
    }
    for (String surname : actor.surnames()) {
      String n = cleanArabic(surname);
      if (!n.isEmpty() && !n.contains(" ")) {
        candidates.add(n);
      }
    }
    // matched as the index writes them (a hamza seat as ا: «خامنئي» is «خامناي»), returned as written
    return candidates.stream().filter(c -> p.matcher(indexForm(c)).matches()).distinct().toList();
  }

  /**
   * Whether a family word may be searched alone, by the rules of a one-word name query: with the article unless that
   * is a common word («الحوثي», «البشير»; not «المعلم»), without it unless the lexicon knows it (not «هادي», «علاوي»).
   */
  private static boolean familyWordAlone(String normalized) {
    return normalized.startsWith("ال") ? normalized.length() >= 5 && !COMMON_WITH_ARTICLE.contains(normalized)
        : normalized.length() >= 4 && !LEXICON.contains(normalized);
  }

  /**
   * The short form Arabic writes of a name with a father's name: «علي بن إبراهيم النعيمي» is also «علي النعيمي» (the
   * given name and the family name with its article).
   */
  static List<String> shortForms(List<String> forms) {
    List<String> out = new ArrayList<>();
    for (String form : forms) {
      List<String> w = List.of(form.strip().split("\\s+"));
      int bin = w.indexOf("بن");
      String family = w.get(w.size() - 1);
      String beforeFamily = w.size() >= 2 ? w.get(w.size() - 2) : "";
      if (bin >= 1 && bin < w.size() - 2 && family.startsWith("ال") && !Set.of("عبد", "آل", "ال", "ابو", "أبو", "بن")
          .contains(beforeFamily)) {
        out.add(String.join(" ", w.subList(0, bin)) + " " + family);
      }
    }
    return out;
  }

  /** The one built from the packaged gazetteer (the evaluation and the tests build the builder without one). */
  static LatinNameQuery classpathDefault() {
    if (classpathDefault == null) {
      classpathDefault = new LatinNameQuery(io.akhbar.gazetteer.Gazetteer.fromClasspath());
    }
    return classpathDefault;
  }

  private static boolean isLatin(String s) {
    return s.codePoints().anyMatch(c -> Character.isLetter(c) && Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN);
  }

  /**
   * A name's key with its transliteration variants folded: ou/oo → u, ee → i, o → u, e → a, q → k, doubled letters
   * once, no article inside the name and no spaces (Houthis and Huthis, Zarif and Zareef, Sisi and Sissi, Mohammed and Muhammad,
   * Ahmed Asiri and Ahmed al-Assiri, Abdulaziz and Abdul-Aziz meet).
   */
  static String looseKey(String name) {
    // an article inside the name goes (Ahmed al-Assiri), a leading one stays: al-Houthi is a family name, Houthi
    // the movement
    String k = articleKey(name).replaceAll("(?<=\\S) (al|el|ul)(?= )", "").replace(" ", "")
        .replace("ou", "u").replace("oo", "u").replace("ee", "i")
        .replace('o', 'u').replace('e', 'a').replace('q', 'k');
    return k.replaceAll("([a-z])\\1+", "$1");
  }

  /** The Arabic names of the Iraqi place a whole run names, unless the run is also a person's or group's name. */
  private List<String> iraqPlace(List<String> run) {
    return actorForms(run) == null && bearerForms(run) == null ? iraqPlaces.get(key(String.join(" ", run))) : null;
  }

  /** The Arabic names of the actor a whole run names, by its exact key or its transliteration variant. */
  private List<String> actorForms(List<String> run) {
    String joined = String.join(" ", run);
    List<String> exact = actorNames.get(articleKey(joined));
    return exact != null ? exact : looseActorNames.get(looseKey(joined));
  }

  /** Whether {@link #actorForms} of the run are all its actor's Arabic names. */
  private boolean actorFormsComplete(List<String> run) {
    String joined = String.join(" ", run);
    return actorNames.containsKey(articleKey(joined)) ? !partialActorNames.contains("exact " + articleKey(joined))
        : !partialActorNames.contains("loose " + looseKey(joined));
  }

  /** The names of the people whose family name a run is, when it is one name word (al-Houthi, al Muallem, Hadi). */
  private List<String> bearerForms(List<String> run) {
    List<String> words = run.stream().filter(w -> !ARTICLE.contains(NameTransliteration.fold(w))).toList();
    if (words.size() != 1 || abroad.containsKey(key(words.get(0)))) {
      return null;
    }
    String family = key(words.get(0));
    if (run.contains("Al") && !familyHasArticle(family)) {
      return null; // Al Thani: آل, the whole house, not one of its names; Al Jubeir is «الجبير»
    }
    // a group's own name is no loose spelling of a surname (ISIS is not Mohamad al-Ississ, «العسعس»)
    if (groupNames.contains(articleKey(String.join(" ", run)))
        && !bearerSpellings.getOrDefault(looseKey(family), Set.of()).contains(family)) {
      return null;
    }
    return bearers.get(looseKey(family));
  }

  /** Whether the bearers of a Latin family name write it as one word with the article («الجبير», not «آل ثاني»). */
  private boolean familyHasArticle(String family) {
    return bearers.getOrDefault(looseKey(family), List.of()).stream()
        .anyMatch(f -> !f.contains(" ") && ArabicText.normalize(f).startsWith("ال"));
  }

  /** A name's key with its article kept (al-Qaeda, el-Sisi: "al qaeda", "al sisi"): a typed article is meant. */
  static String articleKey(String name) {
    return NameTransliteration.fold(name).replaceAll("[\\-_'.]", " ").replaceAll("\\s+", " ").strip()
        .replaceFirst("^el ", "al ");
  }

  /** A name's lookup key: folded, lower case, words apart, without a leading article. */
  static String key(String name) {
    String k = NameTransliteration.fold(name).replaceAll("[\\-_'.]", " ").replaceAll("\\s+", " ").strip();
    return k.replaceFirst("^(al|el) ", "");
  }

  /**
   * The query read as names, for a plain query with at least one Latin name word: every word required, a name word
   * either as the other fields read it or in its Arabic spellings. Empty when no word is a name.
   */
  Optional<Query> of(String plainQuery) {
    return read(plainQuery).map(Reading::query);
  }

  /**
   * The names reading, and whether it is the query's whole Arabic reading: every word belongs to a name the
   * gazetteer gives in Arabic (an actor, a place abroad). Then the stemmed Arabic fields add only false matches
   * (Cameron: «الكاميرون», Cameroon; Hamas: «حماسة», enthusiasm), and the caller leaves them out.
   */
  record Reading(Query query, boolean wholeArabicReading) {}

  Optional<Reading> read(String plainQuery) {
    List<String> words = List.of(plainQuery.strip().split("\\s+"));
    List<Query> must = new ArrayList<>();
    List<List<String>> runs = new ArrayList<>();
    List<String> run = new ArrayList<>();
    boolean anyName = false;
    boolean otherWords = false;
    for (String w : words) {
      String f = NameTransliteration.fold(w);
      if (isNamePart(w, f)) {
        run.add(w);
        anyName |= !BIN.contains(f) && !ABU.contains(f) && !ARTICLE.contains(f) && !TITLE_WORDS.containsKey(f)
            && (!isEnglish(f) && !known.contains(key(w)) || abroad.containsKey(key(w)) || iraqPlace(List.of(w)) != null
            || actorForms(List.of(w)) != null
            || bearerForms(List.of(w)) != null);
        continue;
      }
      flush(run, runs);
      if (!TITLES.contains(f)) {
        must.add(plain(w));
        otherWords = true;
      }
    }
    flush(run, runs);
    if (!anyName && runs.stream().noneMatch(r -> actorForms(r) != null || bearerForms(r) != null)
        || runs.stream().allMatch(r -> known.contains(key(String.join(" ", r))) && actorForms(r) == null
            && bearerForms(r) == null && iraqPlace(r) == null)
        || runs.stream().mapToInt(List::size).sum() > MAX_NAME_WORDS) {
      return Optional.empty();
    }
    boolean allGazetteerNames = !otherWords;
    for (List<String> r : split(runs)) {
      String runKey = key(String.join(" ", r));
      boolean isKnown = known.contains(runKey);
      List<String> actorForms = actorForms(r);
      List<String> bearerForms = bearerForms(r);
      // as iraqPlace(r), from the lookups just made
      List<String> iraqPlace = actorForms == null && bearerForms == null ? iraqPlaces.get(runKey) : null;
      // a surname's bearers are its whole reading when the family word itself is among them (Cameron: «كاميرون»,
      // never the stemmed «الكاميرون», Cameroon)
      boolean wholeRun = abroad.containsKey(runKey) || iraqPlace != null || actorForms != null && actorFormsComplete(r)
          || actorForms == null && bearerForms != null && bearerForms.stream().anyMatch(f -> !f.contains(" "));
      allGazetteerNames &= wholeRun;
      // a surname is a search for the family word, whoever else carries it: an actor's name of one word (Ghabban)
      // gets its bearers' names too (Khaled al-Ghabban is «الغبان» as well)
      List<String> actorAndBearers = actorForms == null || bearerForms == null ? actorForms
          : java.util.stream.Stream.concat(actorForms.stream(), bearerForms.stream()).distinct().toList();
      Optional<Query> names = abroad.containsKey(runKey) ? Optional.of(arabicNames(abroad.get(runKey)))
          : iraqPlace != null ? Optional.of(inIraqWhenAWord(arabicNames(iraqPlace), iraqHomographs.contains(runKey)))
          : actorForms != null ? Optional.of(arabicNames(actorAndBearers))
          : bearerForms != null ? Optional.of(arabicNames(bearerForms))
          : isKnown ? Optional.empty()
          : r.size() == 1 && !isEnglish(NameTransliteration.fold(r.get(0))) ? oneWord(r.get(0)) : near(r);
      List<Query> either = new ArrayList<>();
      // the words as the other fields read them; not for an actor's name, which the synonyms read whole (the plain
      // words of King Salman without its title would be any Salman)
      if (actorForms == null) {
        List<String> fields = wholeRun ? SearchQueryBuilder.OTHER_SCRIPT_FIELDS : SearchQueryBuilder.TEXT_FIELDS;
        r.stream().filter(w -> !TITLES.contains(NameTransliteration.fold(w))).map(w -> plain(w, fields))
            .reduce((a, b) -> Query.of(q -> q.bool(x -> x.must(a, b))))
            .ifPresent(either::add);
      }
      names.ifPresent(either::add);
      if (either.isEmpty()) {
        continue;
      }
      must.add(Query.of(q -> q.bool(b -> b.should(either).minimumShouldMatch("1"))));
    }
    // the whole Arabic reading has no synonym matches to rank below: it weighs as the fields it replaces
    float boost = allGazetteerNames ? 1f : BOOST;
    return Optional.of(new Reading(Query.of(q -> q.bool(b -> b.must(must).boost(boost))), allGazetteerNames));
  }

  /**
   * The names, only in an article the tagger placed in Iraq, when the place's name is also a word. Any governorate
   * will do: a list of towns hit by air strikes («مخمور والرمادي وبيجي») names Iraq by its other towns, not always by
   * the homograph's own governorate.
   */
  private static Query inIraqWhenAWord(Query names, boolean homograph) {
    if (!homograph) {
      return names;
    }
    return Query.of(q -> q.bool(b -> b.must(names).filter(f -> f.exists(e -> e.field("provinces")))));
  }

  private static void flush(List<String> run, List<List<String>> runs) {
    // a run of titles only (President, King) is no name; titles inside a run are searched in Arabic (King Salman)
    if (run.stream().anyMatch(w -> !TITLES.contains(NameTransliteration.fold(w)))) {
      runs.add(new ArrayList<>(run));
    }
    run.clear();
  }

  /**
   * Places abroad and the gazetteer's names of several words stand on their own inside a run: {@code Haftar Benghazi}
   * is the name Haftar and the place Benghazi, not one name of two words (longest first, from the left).
   */
  private List<List<String>> split(List<List<String>> runs) {
    List<List<String>> out = new ArrayList<>();
    for (List<String> run : runs) {
      String whole = key(String.join(" ", run));
      if (abroad.containsKey(whole) || known.contains(whole)) {
        out.add(run);
        continue;
      }
      List<String> pending = new ArrayList<>();
      int i = 0;
      while (i < run.size()) {
        int len = run.size() - i;
        for (; len >= 1; len--) {
          String k = key(String.join(" ", run.subList(i, i + len)));
          if (abroad.containsKey(k) || len >= 2 && known.contains(k)) {
            break;
          }
        }
        if (len >= 1) {
          if (!pending.isEmpty()) {
            out.add(pending);
            pending = new ArrayList<>();
          }
          out.add(new ArrayList<>(run.subList(i, i + len)));
          i += len;
        } else {
          pending.add(run.get(i++));
        }
      }
      if (!pending.isEmpty()) {
        out.add(pending);
      }
    }
    return out;
  }

  /**
   * A word that can be part of a name: Latin letters; a common English word only when capitalized (John Kerry, Ban
   * Ki-moon; lower-case {@code oil} stays a word); the particles bin, al.
   */
  private static boolean isNamePart(String word, String folded) {
    if (!folded.matches("[a-z'\\-]+")) {
      return false;
    }
    if (BIN.contains(folded) || ARTICLE.contains(folded) || TITLE_WORDS.containsKey(folded)) {
      return true;
    }
    return folded.length() >= 3 && folded.length() <= MAX_NAME_LETTERS
        && (!isEnglish(folded) || Character.isUpperCase(word.codePointAt(0)));
  }

  static boolean isEnglish(String folded) {
    String w = folded.replace("'", "");
    if (w.contains("-")) {
      return false;
    }
    return ENGLISH.contains(w) || w.endsWith("s") && ENGLISH.contains(w.substring(0, w.length() - 1))
        || w.endsWith("es") && ENGLISH.contains(w.substring(0, w.length() - 2))
        || w.endsWith("ies") && ENGLISH.contains(w.substring(0, w.length() - 3) + "y")
        || w.endsWith("ed") && ENGLISH.contains(w.substring(0, w.length() - 2))
        || w.endsWith("ing") && ENGLISH.contains(w.substring(0, w.length() - 3));
  }

  private static Query plain(String word) {
    return plain(word, SearchQueryBuilder.TEXT_FIELDS);
  }

  private static Query plain(String word, List<String> fields) {
    return Query.of(q -> q.multiMatch(m -> m.query(word).fields(fields).operator(Operator.And).lenient(true)));
  }

  /**
   * One name word: its article form unless that is a common word (the curated list: «الصدر», «الأسف»), its bare form
   * unless that is a lexicon word («حرير» silk); never a form the gazetteer gives to something else («الباحة»).
   */
  private Optional<Query> oneWord(String word) {
    Optional<NameTransliteration.Word> t = NameTransliteration.of(word);
    if (t.isEmpty()) {
      return Optional.empty();
    }
    NameTransliteration.Word w = t.get();
    List<String> lexicon = matching(w.stem(), LEXICON, "lexicon");
    // the gazetteer's one-word Arabic forms the stem matches, with or without the article
    List<String> gazetteer = matching("(ال)?" + w.stem(), taken, "gazetteer");
    java.util.TreeSet<String> notWithArticle = new java.util.TreeSet<>(matching("ال" + w.stem(), COMMON_WITH_ARTICLE, "common"));
    // a bare form another thing has leaves the article form free: «ربيعة» (a subdistrict), «الربيعة» (a family)
    gazetteer.stream().filter(x -> x.startsWith("ال")).forEach(notWithArticle::add);
    List<Query> forms = new ArrayList<>(excluding(w.withArticle(), List.copyOf(notWithArticle), true));
    if (!w.article()) {
      java.util.TreeSet<String> notBare = new java.util.TreeSet<>(lexicon);
      gazetteer.stream().filter(x -> !x.startsWith("ال")).forEach(notBare::add);
      forms.addAll(excluding(w.bare(), List.copyOf(notBare), false));
    }
    return Optional.of(Query.of(q -> q.bool(b -> b.should(forms).minimumShouldMatch("1"))));
  }

  /** A regexp on each exact field; the words that are not names are cut out of its matches with span_not. */
  private static List<Query> excluding(String pattern, List<String> notNames, boolean article) {
    List<Query> out = new ArrayList<>();
    for (String field : FIELDS) {
      if (notNames.isEmpty()) {
        out.add(Query.of(q -> q.regexp(r -> r.field(field).value(pattern))));
        continue;
      }
      String clitics = article ? NameTransliteration.CONJUNCTION : NameTransliteration.CONJUNCTION + NameTransliteration.PREPOSITION;
      String excluded = clitics + "(" + String.join("|", notNames.stream()
          .map(n -> article ? NameTransliteration.ARTICLE + n.substring(2) : n).toList()) + ")";
      out.add(Query.of(q -> q.spanNot(n -> n.include(multi(field, pattern)).exclude(multi(field, excluded)))));
    }
    return out;
  }

  /** The words of a list an expression matches: few, cached per list and expression (one scan of a list each). */
  private List<String> matching(String expression, Set<String> list, String listName) {
    return listMatches.computeIfAbsent(listName + "#" + expression, k -> {
      if (listMatches.size() > 10_000) {
        listMatches.clear();
      }
      Pattern p = Pattern.compile(expression);
      return list.stream().filter(x -> p.matcher(x).matches()).sorted().toList();
    });
  }

  /**
   * A known name (a place abroad, a gazetteer actor): any of its Arabic forms, the first word with the clitics Arabic
   * attaches, on the unstemmed fields.
   */
  private static Query arabicNames(List<String> forms) {
    List<Query> should = new ArrayList<>();
    for (String field : FIELDS) {
      for (String form : forms) {
        List<String> words = List.of(indexForm(form).split(" "));
        List<SpanQuery> clauses = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
          String w = words.get(i);
          if (i > 0) {
            clauses.add(SpanQuery.of(x -> x.spanTerm(t -> t.field(field).value(w))));
          } else {
            // each form as the node writes it: a clitic can lengthen a word into the final-hamza rule («وبهاء»
            // is «وبها»)
            List<SpanQuery> first = NameTransliteration.cliticForms(w).stream()
                .map(io.akhbar.core.ArabicChain::normalize).distinct()
                .map(f -> SpanQuery.of(x -> x.spanTerm(t -> t.field(field).value(f)))).toList();
            clauses.add(first.size() == 1 ? first.get(0) : SpanQuery.of(x -> x.spanOr(o -> o.clauses(first))));
          }
        }
        // a name in the title weighs as the text fields weigh a title
        float weight = field.startsWith("title") ? TITLE_WEIGHT : 1f;
        should.add(Query.of(q -> q.spanNear(n -> n.clauses(clauses).slop(0).inOrder(true).boost(weight))));
      }
    }
    return Query.of(q -> q.bool(b -> b.should(should).minimumShouldMatch("1")));
  }

  /**
   * Words as the {@code .exact} analyzer writes them: {@link io.akhbar.core.ArabicChain#normalize}, which mirrors the
   * node's normalization word by word (a test checks it against the node): hamza seats as ا, a standalone ء kept, a
   * final اء as ا.
   */
  static String indexForm(String arabic) {
    return java.util.Arrays.stream(arabic.strip().split("\\s+")).map(io.akhbar.core.ArabicChain::normalize)
        .collect(java.util.stream.Collectors.joining(" "));
  }

  /** Several words: in this order, a few words apart at most, on one exact field. */
  private static Optional<Query> near(List<String> run) {
    run = run.stream().filter(w -> TITLE_WORDS.containsKey(NameTransliteration.fold(w))
        || !TITLES.contains(NameTransliteration.fold(w))).toList();
    List<Query> perField = new ArrayList<>();
    for (String field : FIELDS) {
      List<SpanQuery> clauses = new ArrayList<>();
      for (int i = 0; i < run.size(); i++) {
        String f = NameTransliteration.fold(run.get(i));
        boolean first = clauses.isEmpty();
        String clitics = first ? NameTransliteration.CONJUNCTION + NameTransliteration.PREPOSITION : "";
        if (TITLE_WORDS.containsKey(f)) {
          clauses.add(multi(field, clitics + TITLE_WORDS.get(f)));
        } else if (BIN.contains(f)) {
          clauses.add(multi(field, clitics + "(بن|ابن)"));
        } else if (ABU.contains(f)) {
          clauses.add(multi(field, clitics + "(ابو|ابي|ابا)"));
        } else if (ARTICLE.contains(f) && !run.get(i).equals("Al")) {
          continue; // al Jubeir: the article of the next word
        } else if (f.equals("al")) {
          clauses.add(multi(field, clitics + "ال")); // Al Thani: آل, the family
        } else if (ABD.contains(f) && i + 1 < run.size()) {
          Optional<NameTransliteration.Word> next = NameTransliteration.of(run.get(++i));
          if (next.isEmpty()) {
            return Optional.empty();
          }
          String stem = next.get().stem();
          SpanQuery joined = multi(field, clitics + "عبد(ال)?" + stem);
          SpanQuery apart = SpanQuery.of(s -> s.spanNear(n -> n.clauses(multi(field, clitics + "عبد"), multi(field, "(ال)?" + stem))
              .slop(0).inOrder(true)));
          clauses.add(SpanQuery.of(s -> s.spanOr(o -> o.clauses(joined, apart))));
        } else {
          Optional<NameTransliteration.Word> w = NameTransliteration.of(articleOf(run, i) + run.get(i));
          if (w.isEmpty()) {
            return Optional.empty();
          }
          String stem = w.get().stem();
          // after the first word the neighbours make it a name, and English writes an article Arabic may not:
          // Ahmed al-Assiri is «أحمد عسيري»
          SpanQuery word = multi(field, clitics + (w.get().article() && first ? NameTransliteration.ARTICLE
              : NameTransliteration.ARTICLE_OR_PREPOSITION) + stem);
          if (stem.startsWith("عبد") && stem.length() > 3 && !w.get().article()) {
            // Abdullah, Abdullatif as one word in English, often two in Arabic: «عبد الله», «عبد اللطيف»
            String rest = stem.substring(3).replaceFirst("^\\(ال\\)\\?", "ال");
            SpanQuery apart = SpanQuery.of(x -> x.spanNear(n -> n.clauses(
                multi(field, clitics + NameTransliteration.PREPOSITION + "عبد"), multi(field, rest)).slop(0).inOrder(true)));
            SpanQuery joined = word;
            word = SpanQuery.of(x -> x.spanOr(o -> o.clauses(joined, apart)));
          }
          clauses.add(word);
        }
      }
      if (clauses.isEmpty()) {
        return Optional.empty();
      }
      perField.add(Query.of(q -> q.spanNear(n -> n.clauses(clauses).slop(SLOP).inOrder(true))));
    }
    return Optional.of(Query.of(q -> q.bool(b -> b.should(perField).minimumShouldMatch("1"))));
  }

  /** {@code al Jubeir}, {@code el Sisi} typed apart: the article is the next word's. */
  private static String articleOf(List<String> run, int i) {
    if (i > 0 && ARTICLE.contains(NameTransliteration.fold(run.get(i - 1))) && !run.get(i - 1).equals("Al")) {
      return "al-";
    }
    return "";
  }

  private static SpanQuery multi(String field, String pattern) {
    return SpanQuery.of(s -> s.spanMulti(m -> m.match(q -> q.regexp(r -> r.field(field).value(pattern)
        .rewrite("top_terms_1000")))));
  }

  private static Set<String> words(String resource, boolean arabic) {
    Set<String> out = new HashSet<>();
    try (InputStream in = LatinNameQuery.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Missing resource " + resource + " (is the core module built?)");
      }
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        String w = line.strip();
        if (!w.isEmpty() && !w.startsWith("#")) {
          out.add(arabic ? ArabicText.normalize(w) : w.toLowerCase(Locale.ROOT));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Set.copyOf(out);
  }
}
