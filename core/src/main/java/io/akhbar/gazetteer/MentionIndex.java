package io.akhbar.gazetteer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Stage 1 of the {@link Tagger}: finding mentions. Every alias of every place and actor, every actor surname, every
 * role and office phrase and every country signal (names, demonyms, cities) is {@linkplain ArabicText normalized}
 * and tokenized; the token sequences go into one token trie (tokens interned to ints). {@link #find} scans an
 * article's tokens once and walks the trie from each position: the cost is linear in the article, independent of the
 * gazetteer's size, and no regular expression runs at tagging time.
 *
 * <p>Matches are whole tokens after normalization. The first token of a match may carry the clitics و ف (and) +
 * ب ل ك (in/for/like), with ل+ال written لل: وبغداد، ببغداد، والبصرة، وبالبصرة، للبصرة. The article ال is never
 * added or removed: an ال-less alias matches only if the gazetteer lists it.
 */
final class MentionIndex {

  static final byte PLACE = 0;
  static final byte ACTOR = 1;
  static final byte SURNAME = 2;
  static final byte ROLE = 3;
  /** A generic office phrase ({@code offices.tsv}); its country comes from the context. */
  static final byte OFFICE = 4;
  /** A country signal ({@code countries.tsv}): evidence for a country, never a tag by itself. */
  static final byte COUNTRY = 5;

  static final String CLITIC_START = "وفبلك";
  static final Set<String> NAME_ENDINGS = Set.of("الدين", "الله");
  static final String AMBIGUOUS_GIVEN_NAME = "علي"; // also على (on) once normalized

  /** One gazetteer form in the trie. */
  static final class Entry {
    final byte kind;
    /** place, actor, office or country index; -1 for a surname (see owners) or a role */
    final int ref;
    /** SURNAME: actor indices sharing this form */
    final int[] owners;
    final String roleId;
    final String key;
    final int length;
    final boolean latin;
    final boolean caseSensitive;
    final boolean personShaped;
    final boolean adminStart;
    final boolean strongHomograph;
    final boolean compoundGivenName;
    /** OFFICE: the phrase names the office only with a country qualifier right next to it («الرئيس الأمريكي»). */
    final boolean qualifiedOnly;
    boolean crossGovernorate;
    /** A place alias that is also an actor's surname («سليماني»: Soleimani, and Sulaymaniyah in Kurdish). */
    boolean surnameCollision;
    /** A place alias that is also the name of a city in another country («الرياض», «الإسكندرية»). */
    boolean foreignHomograph;
    /** A place alias that a smaller place abroad shares («السليمانية», a district of Riyadh). */
    boolean alsoAbroad;

    Entry(byte kind, int ref, int[] owners, String roleId, Pattern p, boolean personShaped, boolean adminStart,
        boolean strongHomograph, boolean qualifiedOnly) {
      this.kind = kind;
      this.ref = ref;
      this.owners = owners;
      this.roleId = roleId;
      this.key = p.key();
      this.length = p.tokens().length;
      this.latin = p.latin();
      this.caseSensitive = p.caseSensitive();
      this.personShaped = personShaped;
      this.adminStart = adminStart;
      this.strongHomograph = strongHomograph;
      this.qualifiedOnly = qualifiedOnly;
      this.compoundGivenName = !latin && length > 1 && NAME_ENDINGS.contains(key.substring(key.lastIndexOf(' ') + 1));
    }

    int priority() {
      return kind == ACTOR ? 3 : kind == PLACE ? 2 : 1;
    }
  }

  private static final class Node {
    private static final int[] NO_KEYS = new int[0];
    int[] keys = NO_KEYS;
    Node[] next = new Node[0];
    Entry[] entries;
    // only while building
    Map<Integer, Node> building = new HashMap<>();
    List<Entry> buildingEntries;

    Node child(int key) {
      int i = Arrays.binarySearch(keys, key);
      return i >= 0 ? next[i] : null;
    }

    void freeze() {
      keys = building.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
      next = new Node[keys.length];
      for (int i = 0; i < keys.length; i++) {
        next[i] = building.get(keys[i]);
        next[i].freeze();
      }
      building = null;
      if (buildingEntries != null) {
        entries = buildingEntries.toArray(new Entry[0]);
        buildingEntries = null;
      }
    }
  }

  /** A gazetteer form, tokenized. */
  record Pattern(String key, String[] tokens, boolean latin, boolean caseSensitive) {}

  private final Map<String, Integer> vocab = new HashMap<>();
  private final Node root = new Node();
  /** Tokens of known persons' names (minus places, admin words, common words): «could this continue a name?» */
  final Set<String> personNameTokens = new HashSet<>();
  /** Tokens of place aliases. */
  final Set<String> placeTokens = new HashSet<>();
  /** Alias forms (normalized) that name more than one actor. */
  final List<String> ambiguousAliases = new ArrayList<>();
  /** Country signal forms (normalized keys) → country index, for tests and the foreign-homograph check. */
  private final Map<String, Integer> countryForms = new HashMap<>();
  /** Demonym forms (normalized keys): «السعوديه» after a noun is the adjective, not the country. */
  private final Set<String> demonymKeys = new HashSet<>();
  /** City forms (normalized keys) of countries.tsv. */
  private final Set<String> cityKeys = new HashSet<>();

  MentionIndex(Gazetteer gazetteer, Place[] places, Actor[] actors, Country[] countries, String[] placeGovernorate) {
    addCountries(countries);
    addPlaces(places, placeGovernorate, countries);
    Map<String, LinkedHashMap<Integer, Pattern>> surnameOwners = addActors(actors);
    for (Role role : gazetteer.roles()) {
      Set<String> seen = new HashSet<>();
      for (String phrase : role.phrases()) {
        Pattern p = pattern(phrase);
        if (p != null && seen.add(p.key())) {
          insert(p, new Entry(ROLE, -1, null, role.id(), p, false, false, false, false));
        }
      }
    }
    List<OfficeKind> offices = gazetteer.offices();
    for (int i = 0; i < offices.size(); i++) {
      Set<String> seen = new HashSet<>();
      for (String phrase : offices.get(i).phrases()) {
        Pattern p = pattern(phrase);
        if (p != null && seen.add(p.key())) {
          insert(p, new Entry(OFFICE, i, null, null, p, false, false, false, false));
        }
      }
      for (String phrase : offices.get(i).qualified()) {
        Pattern p = pattern(phrase);
        if (p != null && seen.add(p.key())) {
          insert(p, new Entry(OFFICE, i, null, null, p, false, false, false, true));
        }
      }
    }
    for (Entry e : placeEntries) {
      e.surnameCollision = surnameOwners.containsKey(e.key);
    }
    personNameTokens.removeAll(placeTokens);
    personNameTokens.removeAll(Lexicon.ADMIN_WORDS);
    personNameTokens.removeAll(Lexicon.COMMON_NISBA);
    personNameTokens.removeAll(Lexicon.ARABIC_STOP);
    personNameTokens.removeAll(Lexicon.ENGLISH_STOP);
    personNameTokens.removeAll(Lexicon.TITLES);
    personNameTokens.removeAll(NAME_ENDINGS);
    personNameTokens.remove(AMBIGUOUS_GIVEN_NAME);
    root.freeze();
  }

  private final List<Entry> placeEntries = new ArrayList<>();

  private void addCountries(Country[] countries) {
    for (int i = 0; i < countries.length; i++) {
      Set<String> seen = new HashSet<>();
      List<String> forms = new ArrayList<>(countries[i].names());
      forms.addAll(countries[i].cities());
      for (String city : countries[i].cities()) {
        Pattern p = pattern(city);
        if (p != null) {
          cityKeys.add(p.key());
        }
      }
      for (String d : countries[i].demonyms()) {
        for (String f : demonymForms(d)) {
          forms.add(f);
          Pattern p = pattern(f);
          if (p != null) {
            demonymKeys.add(p.key());
          }
        }
      }
      for (String form : forms) {
        Pattern p = pattern(form);
        if (p != null && seen.add(p.key())) {
          insert(p, new Entry(COUNTRY, i, null, null, p, false, false, false, false));
          countryForms.putIfAbsent(p.key(), i);
        }
      }
    }
  }

  /**
   * An Arabic nisba base ({@code سعودي}) and its inflections with and without the article: سعودي سعودية سعوديون
   * سعوديين سعوديات and the same with ال. A form given with ال, or not ending in ي, or in Latin script, is itself only.
   */
  static List<String> demonymForms(String base) {
    String n = ArabicText.normalize(base);
    if (n.isEmpty() || n.contains(" ") || !ArabicText.hasArabicLetter(base) || n.startsWith("ال") || !n.endsWith("ي")) {
      return List.of(base);
    }
    List<String> out = new ArrayList<>();
    for (String suffix : new String[] {"", "ه", "ون", "ين", "ات"}) {
      out.add(n + suffix);
      out.add("ال" + n + suffix);
    }
    return out;
  }

  private final Set<String> abroadPlaces = new HashSet<>();

  private void addPlaces(Place[] places, String[] placeGovernorate, Country[] countries) {
    for (Country c : countries) {
      if (!c.code().equals("IQ")) {
        for (String name : c.places()) {
          Pattern p = pattern(name);
          if (p != null) {
            abroadPlaces.add(p.key());
          }
        }
      }
    }
    Map<String, Set<String>> governoratesByKey = new HashMap<>();
    for (int i = 0; i < places.length; i++) {
      Set<String> seen = new HashSet<>();
      for (String name : places[i].allNames()) {
        Pattern p = pattern(name);
        if (p == null || !seen.add(p.key())) {
          continue;
        }
        boolean adminStart = p.latin() ? Lexicon.LATIN_ADMIN_WORDS.contains(p.tokens()[0])
            : Lexicon.ADMIN_WORDS.contains(p.tokens()[0]) && p.tokens().length > 1;
        Entry e = new Entry(PLACE, i, null, null, p, personShaped(p), adminStart,
            Lexicon.STRONG_HOMOGRAPHS.contains(p.key()), false);
        Integer abroad = countryForms.get(p.key());
        e.foreignHomograph = abroad != null && !"IQ".equals(countries[abroad].code()) && !demonymKeys.contains(p.key());
        e.alsoAbroad = abroadPlaces.contains(p.key());
        insert(p, e);
        placeEntries.add(e);
        governoratesByKey.computeIfAbsent(p.key(), k -> new HashSet<>()).add(placeGovernorate[i]);
        placeTokens.addAll(Arrays.asList(p.tokens()));
      }
    }
    for (Entry e : placeEntries) {
      e.crossGovernorate = governoratesByKey.get(e.key).size() > 1;
    }
  }

  /** Actors' aliases, then surnames (a form claimed as alias by several actors behaves like a shared surname). */
  private Map<String, LinkedHashMap<Integer, Pattern>> addActors(Actor[] actors) {
    Map<String, LinkedHashMap<Integer, Pattern>> aliasOwners = new LinkedHashMap<>();
    Map<String, LinkedHashMap<Integer, Pattern>> surnameOwners = new LinkedHashMap<>();
    for (int i = 0; i < actors.length; i++) {
      Set<String> surnameKeys = new HashSet<>();
      for (String name : actors[i].surnames()) {
        Pattern p = pattern(name);
        if (p != null) {
          surnameKeys.add(p.key());
        }
      }
      for (String name : actors[i].allNames()) {
        Pattern p = pattern(name);
        // a display name also listed as a surname («المحكمة الاتحادية العليا») is a surname: generic, not an alias
        if (p != null && !surnameKeys.contains(p.key())) {
          aliasOwners.computeIfAbsent(p.key(), k -> new LinkedHashMap<>()).putIfAbsent(i, p);
        }
      }
      for (String name : actors[i].surnames()) {
        Pattern p = pattern(name);
        if (p != null) {
          surnameOwners.computeIfAbsent(p.key(), k -> new LinkedHashMap<>()).putIfAbsent(i, p);
          if (name.startsWith("«") && name.endsWith("»")) {
            quotedOnly.add(p.key()); // «القاعدة»: a common word that names the group when the text quotes it
          }
        }
      }
      if (actors[i].type() == Actor.Type.PERSON) {
        for (String name : actors[i].allNames()) {
          personNameTokens.addAll(ArabicText.tokens(name));
        }
        for (String name : actors[i].surnames()) {
          personNameTokens.addAll(ArabicText.tokens(name));
        }
      }
    }
    for (Map.Entry<String, LinkedHashMap<Integer, Pattern>> a : aliasOwners.entrySet()) {
      Pattern p = a.getValue().values().iterator().next();
      if (a.getValue().size() == 1) {
        int owner = a.getValue().keySet().iterator().next();
        insert(p, new Entry(ACTOR, owner, null, null, p, false, false, false, false));
      } else {
        ambiguousAliases.add(a.getKey());
        surnameOwners.computeIfAbsent(a.getKey(), k -> new LinkedHashMap<>()).putAll(a.getValue());
      }
    }
    for (Map.Entry<String, LinkedHashMap<Integer, Pattern>> s : surnameOwners.entrySet()) {
      Pattern p = s.getValue().values().iterator().next();
      int[] owners = s.getValue().keySet().stream().mapToInt(Integer::intValue).toArray();
      insert(p, new Entry(SURNAME, -1, owners, null, p, false, false, false, false));
    }
    return surnameOwners;
  }

  private static boolean personShaped(Pattern p) {
    String[] t = p.tokens();
    if (p.latin()) {
      for (String tok : t) {
        if (tok.endsWith("din") || tok.endsWith("deen")) {
          return true;
        }
      }
      return t.length > 1 && Lexicon.LATIN_GIVEN_NAMES.contains(t[0]);
    }
    if (t.length < 2) {
      return false;
    }
    return NAME_ENDINGS.contains(t[t.length - 1]) || Lexicon.GIVEN_NAMES.contains(t[0])
        || Lexicon.TITLES.contains(t[0]);
  }

  /** A surface form as the trie stores it; null for a form too short to match safely. */
  static Pattern pattern(String surface) {
    TokenText d = TokenText.prepare(ArabicText.scan(surface));
    if (d.n == 0) {
      return null;
    }
    String[] toks = Arrays.copyOf(d.tok, d.n);
    String key = String.join(" ", toks);
    if (key.replace(" ", "").length() < 2) {
      return null;
    }
    boolean latin = ArabicText.hasLatinLetter(surface) && !ArabicText.hasArabicLetter(surface);
    boolean caseSensitive = false;
    if (latin) {
      String letters = surface.replaceAll("[^\\p{L}]", "");
      boolean acronym = letters.length() <= 6 && letters.equals(letters.toUpperCase(Locale.ROOT))
          && !letters.equals(letters.toLowerCase(Locale.ROOT));
      caseSensitive = acronym || (d.n == 1 && Lexicon.ENGLISH_STOP.contains(key));
    }
    return new Pattern(key, toks, latin, caseSensitive);
  }

  private void insert(Pattern p, Entry e) {
    Node n = root;
    for (String t : p.tokens()) {
      int id = vocab.computeIfAbsent(t, k -> vocab.size());
      n = n.building.computeIfAbsent(id, k -> new Node());
    }
    if (n.buildingEntries == null) {
      n.buildingEntries = new ArrayList<>(2);
    }
    n.buildingEntries.add(e);
  }

  private final Set<String> quotedOnly = new HashSet<>();

  /** A surname written «…» in actors.tsv: it names its actor only where the text quotes it. */
  boolean quotedOnly(String normalizedKey) {
    return quotedOnly.contains(normalizedKey);
  }

  /** True for a city form (normalized key) of any country. */
  boolean isCity(String normalizedKey) {
    return cityKeys.contains(normalizedKey);
  }

  /** True for a demonym form (normalized key) of any country. */
  boolean isDemonym(String normalizedKey) {
    return demonymKeys.contains(normalizedKey);
  }

  /** The country index a normalized form signals, or -1. */
  int countryOfForm(String normalizedKey) {
    return countryForms.getOrDefault(normalizedKey, -1);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // finding

  /** Every match in the text, overlapping ones included; fills {@code d.ids}. */
  List<Candidate> find(TokenText d) {
    d.ids = new int[d.n];
    for (int i = 0; i < d.n; i++) {
      Integer id = vocab.get(d.tok[i]);
      d.ids[i] = id == null ? -1 : id;
    }
    List<Candidate> cands = new ArrayList<>();
    for (int i = 0; i < d.n; i++) {
      if (d.ids[i] >= 0) {
        Node nd = root.child(d.ids[i]);
        if (nd != null) {
          walk(d, i, nd, false, (char) 0, cands);
        }
      }
      String w = d.tok[i];
      if (d.arabic[i] && w.length() >= 4 && CLITIC_START.indexOf(w.charAt(0)) >= 0) {
        for (Reading r : readings(w)) {
          Integer id = vocab.get(r.stem());
          if (id != null) {
            Node nd = root.child(id);
            if (nd != null) {
              walk(d, i, nd, r.conj(), r.prep(), cands);
            }
          }
        }
      }
    }
    return cands;
  }

  private static void walk(TokenText d, int i, Node nd, boolean conj, char prep, List<Candidate> out) {
    int j = i + 1;
    while (true) {
      if (nd.entries != null) {
        for (Entry e : nd.entries) {
          if (!e.caseSensitive || allCaps(d, i, j)) {
            out.add(new Candidate(i, j, e, conj, prep));
          }
        }
      }
      if (j >= d.n || d.sep[j] > ArabicText.SEP_SOFT || d.ids[j] < 0) {
        return;
      }
      nd = nd.child(d.ids[j]);
      if (nd == null) {
        return;
      }
      j++;
    }
  }

  static boolean allCaps(TokenText d, int start, int end) {
    for (int k = start; k < end; k++) {
      if (!d.caps[k]) {
        return false;
      }
    }
    return true;
  }

  /** One way to read an Arabic token as clitics + stem. */
  record Reading(String stem, boolean conj, char prep) {}

  static List<Reading> readings(String w) {
    List<Reading> out = new ArrayList<>(4);
    prepReadings(w, false, out);
    char c = w.charAt(0);
    if ((c == 'و' || c == 'ف') && w.length() >= 4) {
      String rest = w.substring(1);
      out.add(new Reading(rest, true, (char) 0));
      prepReadings(rest, true, out);
    }
    return out;
  }

  private static void prepReadings(String b, boolean conj, List<Reading> out) {
    if (b.length() < 4) {
      return;
    }
    char c = b.charAt(0);
    if (c == 'ب' || c == 'ك') {
      out.add(new Reading(b.substring(1), conj, c));
    } else if (c == 'ل') {
      out.add(new Reading(b.substring(1), conj, c));
      if (b.charAt(1) == 'ل') {
        out.add(new Reading("ال" + b.substring(2), conj, c)); // لل = ل + ال: للبصرة → البصرة
        out.add(new Reading("ا" + b, conj, c)); // ل + اللطيفية → للطيفية (the article's alif restored)
      }
    }
  }

  /** The token, or one of the stems it can have once clitics are removed, is in the set. */
  static boolean stemIn(String w, Set<String> set) {
    if (set.contains(w)) {
      return true;
    }
    if (w.length() >= 3 && CLITIC_START.indexOf(w.charAt(0)) >= 0) {
      for (Reading r : readings(w)) {
        if (set.contains(r.stem())) {
          return true;
        }
      }
      if ((w.charAt(0) == 'و' || w.charAt(0) == 'ف') && set.contains(w.substring(1))) {
        return true;
      }
    }
    return false;
  }
}
