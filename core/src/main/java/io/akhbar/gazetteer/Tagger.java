package io.akhbar.gazetteer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Tags an article with the governorates, districts and actors of the {@link Gazetteer} it mentions.
 *
 * <p>How it works (built once in the constructor, then immutable and thread-safe):
 *
 * <ol>
 *   <li><b>Automaton.</b> Every alias of every place and actor, every actor surname and every role phrase is
 *       {@linkplain ArabicText normalized} and tokenized; the token sequences go into one token trie (tokens are
 *       interned to ints). Tagging scans the article's tokens once and walks the trie from each position: cost is
 *       linear in the article, independent of the gazetteer's size. No regular expressions at tagging time.
 *   <li><b>Words and clitics.</b> Matches are whole tokens after normalization. The first token of a match may carry
 *       the clitics و ف (and) + ب ل ك (in/for/like), with ل+ال written لل: وبغداد، ببغداد، والبصرة، وبالبصرة، للبصرة.
 *       The article ال is never added or removed: an ال-less alias matches only if the gazetteer lists it.
 *       Nisba forms are different tokens, so البغدادي، الموصلي، البصري are not places; scraped markup that splits a
 *       word («ال #بغداد ي») is re-joined first (a stray ال / وال / بال before a word, a stray ي / ية after it).
 *   <li><b>Person-shaped place names</b> (صلاح الدين, أبو غريب, علي الغربي: an alias that starts with a given name or
 *       title, or ends in الدين / الله) are a person when followed by a name-like token — a given name, a token of a
 *       known person's name, «X الدين», or a family-name-shaped ال…ي word that is not a common adjective or a place
 *       («صلاح الدين الأيوبي», «صلاح الدين بهاء الدين») — or preceded by a title or a given name («الشيخ صلاح الدين»);
 *       never when an admin word or a place-head noun precedes them («محافظة / مدينة / محافظ / شرطة صلاح الدين»).
 *       A compound given name (X الدين / X الله) that passes this test needs no other evidence even if its row is a
 *       homograph: «العراق وصلاح الدين،», «ثم صلاح الدين .» -- unless the same text reads that name as a man
 *       elsewhere («الخطاط صلاح الدين النعيمي ... وقال صلاح الدين،»): one sense per text, so there it needs the
 *       evidence of any homograph. In Latin script capitals cannot tell Saladin the man from the province, so there
 *       it needs an admin word, a related place nearby or a list.
 *   <li><b>Homographs</b> (evidence = context) need evidence: an admin word before them (قضاء، ناحية، مدينة، بلدة،
 *       منطقة، محافظة، مركز ... with clitics), or an alias that starts with one; a multi-word alias of the row
 *       («كوت العمارة», «المنطقة الخضراء») unless person-shaped; a preposition (في before the word, or ب / ل on it)
 *       or a place-head noun (أهالي، شمالي، شرطة ...) — except for very common nouns (بلد، حديثة، الدور، العمارة،
 *       عنه، العلم، الحرية ... see {@link Lexicon#STRONG_HOMOGRAPHS}): «في بلد» is ambiguous (in a country / in
 *       Balad), so for them only the stronger evidence counts, and an adjective or ال-word right after them
 *       («الدور الكبير», «بلد ديمقراطي», «العمارة الحديثة») marks the common-word reading; their own governorate or
 *       district, or a place inside them, within 12 tokens; a list with another place («كركوك وديالى»,
 *       «الأنبار ، ثم ...»). In Latin script: every long word capitalized («Hit» vs «hit»), not at the start of a
 *       sentence, not in a Title-Cased headline or ALL CAPS, or one of the above. An alias shared by places in
 *       different governorates, or by a place and an actor's surname (Kurdish سلێمانی = Sulaymaniyah folds to
 *       سليماني = Soleimani), is treated the same way (the former needs a related place nearby). Never right after a
 *       natural-feature noun ({@link Lexicon#FEATURE_NOUNS}): «نهر الكحلاء» is the river, not al-Kahla.
 *   <li><b>Overlaps.</b> The longest span wins; on equal spans an actor alias beats a place, a place beats a surname.
 *       So «مدينة الصدر» is Sadr City, not Muqtada al-Sadr, and «أبو بكر البغدادي», «فيلق القدس» tag no place.
 *   <li><b>Actors.</b> Aliases tag on sight. A surname tags its actor only if no other actor has that surname (an
 *       actor otherwise named in full is tagged anyway): a bare «العبادي» shared by two actors tags no one. A surname
 *       that is also a place name tags no one once the text has read that form as the place (one sense per text),
 *       unless the actor is named in full.
 *   <li><b>Roles.</b> A role phrase («رئيس الوزراء العراقي») tags the holder on the publication date when there is
 *       exactly one (on a hand-over day, the successor); not without a date, not when qualified (السابق، الأسبق،
 *       حينها، نائب، former ...) or when it names the office rather than its holder («انتخاب رئيس الجمهورية»,
 *       «لمنصب رئيس الوزراء»), not with another nationality («رئيس الوزراء البريطاني»), not when a person's name
 *       stands right before or after it.
 * </ol>
 */
public final class Tagger {

  private static final int WINDOW = 12;

  private static final byte PLACE = 0;
  private static final byte ACTOR = 1;
  private static final byte SURNAME = 2;
  private static final byte ROLE = 3;

  private static final String CLITIC_START = "وفبلك";
  private static final Set<String> STRAY_ARTICLES =
      Set.of("ال", "وال", "فال", "بال", "كال", "لل", "وبال", "فبال", "وكال", "ولل", "فلل");
  private static final Set<String> NISBA_SUFFIXES = Set.of("ي", "يه", "يين", "يون");
  private static final Set<String> NAME_ENDINGS = Set.of("الدين", "الله");
  private static final Set<String> OWN_NATIONALITY = Set.of("العراقي", "الحالي", "الاتحادي", "العراقيه");
  private static final String AMBIGUOUS_GIVEN_NAME = "علي"; // also على (on) once normalized

  private final Gazetteer gazetteer;
  private final Place[] places;
  private final Actor[] actors;
  private final String[] placeGovernorate;
  private final String[] placeDistrict;
  private final int[][] placeAncestors;
  private final Map<String, Integer> vocab = new HashMap<>();
  private final Node root;
  private final Set<String> personNameTokens = new HashSet<>();
  private final Set<String> placeTokens = new HashSet<>();
  private final Map<String, List<Holder>> holders = new HashMap<>();
  private final List<String> ambiguousAliases = new ArrayList<>();

  public Tagger(Gazetteer gazetteer) {
    this.gazetteer = gazetteer;
    this.places = gazetteer.places().toArray(new Place[0]);
    this.actors = gazetteer.actors().toArray(new Actor[0]);
    Map<String, Integer> placeIndex = new HashMap<>();
    for (int i = 0; i < places.length; i++) {
      placeIndex.put(places[i].id(), i);
    }
    placeGovernorate = new String[places.length];
    placeDistrict = new String[places.length];
    placeAncestors = new int[places.length][];
    for (int i = 0; i < places.length; i++) {
      placeGovernorate[i] = places[i].governorateId();
      placeDistrict[i] = gazetteer.districtOf(places[i]).map(Place::id).orElse(null);
      placeAncestors[i] = gazetteer.ancestorsOf(places[i]).stream().mapToInt(p -> placeIndex.get(p.id())).toArray();
    }
    for (int i = 0; i < actors.length; i++) {
      for (Actor.Office o : actors[i].offices()) {
        holders.computeIfAbsent(o.role(), k -> new ArrayList<>()).add(new Holder(i, o));
      }
    }
    root = build();
  }

  /** The gazetteer this tagger was built from. */
  public Gazetteer gazetteer() {
    return gazetteer;
  }

  /**
   * Alias forms (normalized) that name more than one actor; the tagger treats them like a shared surname. A
   * gazetteer problem worth fixing.
   */
  public List<String> ambiguousActorAliases() {
    return List.copyOf(ambiguousAliases);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // building

  private static final class Entry {
    final byte kind;
    final int ref; // place or actor index; -1 for a surname/ambiguous alias (see owners); role: unused
    final int[] owners; // SURNAME: actor indices sharing this form
    final String roleId;
    final String key;
    final int length;
    final boolean latin;
    final boolean caseSensitive;
    final boolean personShaped;
    final boolean adminStart;
    final boolean strongHomograph;
    final boolean compoundGivenName;
    boolean crossGovernorate;
    /** A place alias that is also an actor's surname («سليماني»: Soleimani, and Sulaymaniyah in Kurdish). */
    boolean surnameCollision;

    Entry(byte kind, int ref, int[] owners, String roleId, String key, int length, boolean latin,
        boolean caseSensitive, boolean personShaped, boolean adminStart, boolean strongHomograph) {
      this.kind = kind;
      this.ref = ref;
      this.owners = owners;
      this.roleId = roleId;
      this.key = key;
      this.length = length;
      this.latin = latin;
      this.caseSensitive = caseSensitive;
      this.personShaped = personShaped;
      this.adminStart = adminStart;
      this.strongHomograph = strongHomograph;
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

  private record Holder(int actor, Actor.Office office) {}

  private record Pattern(String key, String[] tokens, boolean latin, boolean caseSensitive) {}

  private Pattern pattern(String surface) {
    Doc d = prepare(ArabicText.scan(surface));
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
      boolean acronym = letters.length() <= 6 && letters.equals(letters.toUpperCase(java.util.Locale.ROOT))
          && !letters.equals(letters.toLowerCase(java.util.Locale.ROOT));
      caseSensitive = acronym || (d.n == 1 && Lexicon.ENGLISH_STOP.contains(key));
    }
    return new Pattern(key, toks, latin, caseSensitive);
  }

  private Node build() {
    Node top = new Node();
    // places
    Map<String, Set<String>> governoratesByKey = new HashMap<>();
    List<Entry> placeEntries = new ArrayList<>();
    for (int i = 0; i < places.length; i++) {
      Set<String> seen = new HashSet<>();
      for (String name : places[i].allNames()) {
        Pattern p = pattern(name);
        if (p == null || !seen.add(p.key())) {
          continue;
        }
        boolean personShaped = personShaped(p);
        boolean adminStart = p.latin() ? Lexicon.LATIN_ADMIN_WORDS.contains(p.tokens()[0])
            : Lexicon.ADMIN_WORDS.contains(p.tokens()[0]) && p.tokens().length > 1;
        Entry e = new Entry(PLACE, i, null, null, p.key(), p.tokens().length, p.latin(), p.caseSensitive(),
            personShaped, adminStart, Lexicon.STRONG_HOMOGRAPHS.contains(p.key()));
        insert(top, p.tokens(), e);
        placeEntries.add(e);
        governoratesByKey.computeIfAbsent(p.key(), k -> new HashSet<>()).add(placeGovernorate[i]);
        placeTokens.addAll(Arrays.asList(p.tokens()));
      }
    }
    for (Entry e : placeEntries) {
      e.crossGovernorate = governoratesByKey.get(e.key).size() > 1;
    }
    // actors: aliases, then surnames (a form claimed as alias by several actors behaves like a shared surname)
    Map<String, LinkedHashMap<Integer, Pattern>> aliasOwners = new LinkedHashMap<>();
    Map<String, LinkedHashMap<Integer, Pattern>> surnameOwners = new LinkedHashMap<>();
    for (int i = 0; i < actors.length; i++) {
      for (String name : actors[i].allNames()) {
        Pattern p = pattern(name);
        if (p != null) {
          aliasOwners.computeIfAbsent(p.key(), k -> new LinkedHashMap<>()).putIfAbsent(i, p);
        }
      }
      for (String name : actors[i].surnames()) {
        Pattern p = pattern(name);
        if (p != null) {
          surnameOwners.computeIfAbsent(p.key(), k -> new LinkedHashMap<>()).putIfAbsent(i, p);
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
        insert(top, p.tokens(), new Entry(ACTOR, owner, null, null, p.key(), p.tokens().length, p.latin(),
            p.caseSensitive(), false, false, false));
      } else {
        ambiguousAliases.add(a.getKey());
        surnameOwners.computeIfAbsent(a.getKey(), k -> new LinkedHashMap<>()).putAll(a.getValue());
      }
    }
    for (Map.Entry<String, LinkedHashMap<Integer, Pattern>> s : surnameOwners.entrySet()) {
      Pattern p = s.getValue().values().iterator().next();
      int[] owners = s.getValue().keySet().stream().mapToInt(Integer::intValue).toArray();
      insert(top, p.tokens(), new Entry(SURNAME, -1, owners, null, p.key(), p.tokens().length, p.latin(),
          p.caseSensitive(), false, false, false));
    }
    // roles
    for (Role role : gazetteer.roles()) {
      Set<String> seen = new HashSet<>();
      for (String phrase : role.phrases()) {
        Pattern p = pattern(phrase);
        if (p != null && seen.add(p.key())) {
          insert(top, p.tokens(), new Entry(ROLE, -1, null, role.id(), p.key(), p.tokens().length, p.latin(),
              p.caseSensitive(), false, false, false));
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
    top.freeze();
    return top;
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

  private void insert(Node top, String[] tokens, Entry e) {
    Node n = top;
    for (String t : tokens) {
      int id = vocab.computeIfAbsent(t, k -> vocab.size());
      n = n.building.computeIfAbsent(id, k -> new Node());
    }
    if (n.buildingEntries == null) {
      n.buildingEntries = new ArrayList<>(2);
    }
    n.buildingEntries.add(e);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // token preparation (shared by aliases and articles)

  /** Prepared tokens: broken markup re-joined, possessive 's removed, vocabulary ids attached. */
  private static final class Doc {
    int n;
    String[] tok;
    byte[] sep;
    boolean[] cap;
    boolean[] caps;
    boolean[] latin;
    boolean[] arabic;
    int[] ids;

    Doc(int capacity) {
      int c = Math.max(capacity, 1);
      tok = new String[c];
      sep = new byte[c];
      cap = new boolean[c];
      caps = new boolean[c];
      latin = new boolean[c];
      arabic = new boolean[c];
    }

    void add(String w, byte s, boolean capitalized, boolean allCaps, boolean isLatin, boolean isArabic) {
      tok[n] = w;
      sep[n] = s;
      cap[n] = capitalized;
      caps[n] = allCaps;
      latin[n] = isLatin;
      arabic[n] = isArabic;
      n++;
    }

    String text(int start, int end) {
      return String.join(" ", Arrays.asList(tok).subList(start, end));
    }
  }

  private static Doc prepare(ArabicText.Tokens t) {
    Doc d = new Doc(t.size);
    int i = 0;
    while (i < t.size) {
      String w = t.text[i];
      int first = i;
      if (t.arabic[i] && (w.length() <= 4 || (i + 1 < t.size && t.text[i + 1].length() <= 3))) {
        if (w.length() <= 4 && STRAY_ARTICLES.contains(w) && t.firstRaw[i] != '\u0622' && i + 1 < t.size
            && t.sep[i + 1] <= ArabicText.SEP_SOFT && t.arabic[i + 1] && !t.text[i + 1].startsWith("ال")
            && !NISBA_SUFFIXES.contains(t.text[i + 1])) {
          w = w + t.text[i + 1];
          i++;
        }
        while (i + 1 < t.size && t.sep[i + 1] <= ArabicText.SEP_SOFT && t.arabic[i + 1]
            && t.text[i + 1].length() <= 3 && t.text[i + 1].charAt(0) == 'ي'
            && NISBA_SUFFIXES.contains(t.text[i + 1]) && w.length() >= 2) {
          w = w + t.text[i + 1];
          i++;
        }
      } else if (t.latin[i] && w.length() > 3 && w.charAt(w.length() - 2) == '\'' && w.endsWith("'s")) {
        w = w.substring(0, w.length() - 2);
      }
      d.add(w, t.sep[first], t.capitalized[first], t.allCaps[first], t.latin[first], t.arabic[first]);
      i++;
    }
    return d;
  }

  /** One way to read an Arabic token as clitics + stem. */
  private record Reading(String stem, boolean conj, char prep) {}

  private static List<Reading> readings(String w) {
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

  /** The token and the stems it can have once clitics are removed. */
  private static boolean stemIn(String w, Set<String> set) {
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

  // ---------------------------------------------------------------------------------------------------------------
  // tagging

  /** A possible match. */
  private static final class Cand {
    final int start;
    final int end;
    final Entry e;
    final boolean conj;
    final char prep;
    String via;

    Cand(int start, int end, Entry e, boolean conj, char prep) {
      this.start = start;
      this.end = end;
      this.e = e;
      this.conj = conj;
      this.prep = prep;
    }

    int length() {
      return end - start;
    }
  }

  /** Tags of an article; any argument may be null. */
  public Tags tag(String title, String body, LocalDate publishedAtOrNull) {
    Set<String> provinces = new TreeSet<>();
    Set<String> districts = new TreeSet<>();
    Set<String> actorIds = new TreeSet<>();
    for (Mention m : analyze(title, body, publishedAtOrNull, false)) {
      if (m.type() == PLACE_TYPE) {
        int p = m.start(); // analyze(..., false) puts the place index here
        provinces.add(placeGovernorate[p]);
        if (placeDistrict[p] != null) {
          districts.add(placeDistrict[p]);
        }
      } else {
        actorIds.add(m.id());
      }
    }
    return new Tags(new ArrayList<>(provinces), new ArrayList<>(districts), new ArrayList<>(actorIds));
  }

  private static final String PLACE_TYPE = "place";
  private static final String ACTOR_TYPE = "actor";

  /** The accepted mentions of an article, in text order; any argument may be null. */
  public List<Mention> mentions(String title, String body, LocalDate publishedAtOrNull) {
    return analyze(title, body, publishedAtOrNull, true);
  }

  /**
   * The work behind {@link #tag} and {@link #mentions}. With {@code explain = false} mentions carry no text and a
   * place mention's {@code start} is the place's index (a shortcut for {@link #tag}).
   */
  private List<Mention> analyze(String title, String body, LocalDate publishedAtOrNull, boolean explain) {
    Doc d = prepare(ArabicText.scan(title, body));
    if (d.n == 0) {
      return List.of();
    }
    d.ids = new int[d.n];
    for (int i = 0; i < d.n; i++) {
      Integer id = vocab.get(d.tok[i]);
      d.ids[i] = id == null ? -1 : id;
    }
    List<Cand> cands = new ArrayList<>();
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
    if (cands.isEmpty()) {
      return List.of();
    }

    // 1. places: person-shaped names, then homographs
    List<Cand> acceptedPlaces = new ArrayList<>();
    List<Cand> pending = new ArrayList<>();
    List<Cand> others = new ArrayList<>();
    List<Cand> roleCands = new ArrayList<>();
    Set<String> personForms = new HashSet<>(); // person-shaped names read as a person somewhere in this text
    for (Cand c : cands) {
      switch (c.e.kind) {
        case PLACE -> {
          if (c.e.personShaped && personReading(d, c)) {
            personForms.add(c.e.key);
            continue;
          }
          if (places[c.e.ref].needsContext() || c.e.crossGovernorate || c.e.surnameCollision) {
            pending.add(c);
          } else {
            c.via = "alias";
            acceptedPlaces.add(c);
          }
        }
        case ROLE -> roleCands.add(c);
        default -> others.add(c);
      }
    }
    boolean progress = true;
    while (progress && !pending.isEmpty()) {
      progress = false;
      for (int k = 0; k < pending.size(); k++) {
        Cand c = pending.get(k);
        String evidence = evidence(d, c, acceptedPlaces, personForms);
        if (evidence != null) {
          c.via = "context:" + evidence;
          acceptedPlaces.add(c);
          pending.remove(k--);
          progress = true;
        }
      }
    }

    // 2. overlaps: longest span, then actor > place > surname
    List<Cand> pool = new ArrayList<>(acceptedPlaces);
    pool.addAll(others);
    List<Cand> winners = resolveOverlaps(pool, d.n);

    // 3. actors
    Set<Integer> named = new HashSet<>();
    for (Cand c : winners) {
      if (c.e.kind == ACTOR) {
        named.add(c.e.ref);
      }
    }
    Set<String> placeForms = new HashSet<>(); // place aliases that are also surnames, read as the place here
    for (Cand c : acceptedPlaces) {
      if (c.e.surnameCollision) {
        placeForms.add(c.e.key);
      }
    }
    List<Mention> out = new ArrayList<>();
    for (Cand c : winners) {
      switch (c.e.kind) {
        case PLACE -> out.add(explain
            ? new Mention(PLACE_TYPE, places[c.e.ref].id(), c.start, c.end, d.text(c.start, c.end), c.via)
            : new Mention(PLACE_TYPE, places[c.e.ref].id(), c.e.ref, c.e.ref, null, null));
        case ACTOR -> out.add(new Mention(ACTOR_TYPE, actors[c.e.ref].id(), c.start, c.end,
            explain ? d.text(c.start, c.end) : null, "alias"));
        default -> {
          int owner = -1;
          if (c.e.owners.length == 1) {
            owner = c.e.owners[0];
          } else {
            int namedOwners = 0;
            for (int o : c.e.owners) {
              if (named.contains(o)) {
                namedOwners++;
                owner = o;
              }
            }
            if (namedOwners != 1) {
              owner = -1;
            }
          }
          if (owner >= 0 && placeForms.contains(c.e.key) && !named.contains(owner)) {
            owner = -1; // one sense per text: «لە سلێمانی و هەڵەبجە ... لە سلێمانی گوتی» is Sulaymaniyah both times
          }
          if (owner >= 0) {
            c.via = "surname";
            out.add(new Mention(ACTOR_TYPE, actors[owner].id(), c.start, c.end,
                explain ? d.text(c.start, c.end) : null, "surname"));
          }
        }
      }
    }

    // 4. roles
    if (publishedAtOrNull != null && !roleCands.isEmpty()) {
      for (Cand c : resolveOverlaps(roleCands, d.n)) {
        int holder = roleHolder(d, c, publishedAtOrNull, winners);
        if (holder >= 0) {
          out.add(new Mention(ACTOR_TYPE, actors[holder].id(), c.start, c.end,
              explain ? d.text(c.start, c.end) : null, "role:" + c.e.roleId));
        }
      }
    }
    if (explain) {
      out.sort(Comparator.comparingInt(Mention::start).thenComparing(Mention::id));
    }
    return out;
  }

  private static void walk(Doc d, int i, Node nd, boolean conj, char prep, List<Cand> out) {
    int j = i + 1;
    while (true) {
      if (nd.entries != null) {
        for (Entry e : nd.entries) {
          if (!e.caseSensitive || allCaps(d, i, j)) {
            out.add(new Cand(i, j, e, conj, prep));
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

  private static boolean allCaps(Doc d, int start, int end) {
    for (int k = start; k < end; k++) {
      if (!d.caps[k]) {
        return false;
      }
    }
    return true;
  }

  private static final Comparator<Cand> BY_START = (a, b) -> Integer.compare(a.start, b.start);

  /** Longest span first, then actor alias > place > surname, then text order. */
  private static final Comparator<Cand> BY_SPAN_THEN_PRIORITY = (a, b) -> {
    int x = Integer.compare(b.end - b.start, a.end - a.start);
    if (x == 0) {
      x = Integer.compare(b.e.priority(), a.e.priority());
    }
    return x != 0 ? x : Integer.compare(a.start, b.start);
  };

  private static List<Cand> resolveOverlaps(List<Cand> pool, int n) {
    pool.sort(BY_SPAN_THEN_PRIORITY);
    int[] owner = new int[n];
    Arrays.fill(owner, -1);
    List<Cand> winners = new ArrayList<>();
    for (Cand c : pool) {
      boolean free = true;
      boolean sameSpan = true;
      for (int t = c.start; t < c.end; t++) {
        if (owner[t] >= 0) {
          free = false;
          Cand w = winners.get(owner[t]);
          if (w.start != c.start || w.end != c.end || w.e.priority() != c.e.priority()) {
            sameSpan = false;
          }
        }
      }
      if (free) {
        for (int t = c.start; t < c.end; t++) {
          owner[t] = winners.size();
        }
        winners.add(c);
      } else if (sameSpan) {
        winners.add(c);
      }
    }
    winners.sort(BY_START);
    return winners;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // person-shaped place names

  private boolean personReading(Doc d, Cand c) {
    int s = c.start;
    int e = c.end;
    if (adminBefore(d, s)) {
      return false;
    }
    if (!c.conj && c.prep == 0 && s > 0 && d.sep[s] <= ArabicText.SEP_SOFT && d.arabic[s - 1]
        && stemIn(d.tok[s - 1], Lexicon.PLACE_HEADS)) {
      return false; // «محافظ صلاح الدين عمار الجبوري»: the governor of the province
    }
    if (c.e.latin) {
      if (e < d.n && d.sep[e] <= ArabicText.SEP_SOFT && d.latin[e] && d.cap[e]
          && (Lexicon.LATIN_GIVEN_NAMES.contains(d.tok[e]) || personNameTokens.contains(d.tok[e]))) {
        return true;
      }
      return s > 0 && d.sep[s] <= ArabicText.SEP_SOFT && d.latin[s - 1] && d.cap[s - 1]
          && (Lexicon.TITLES.contains(d.tok[s - 1]) || Lexicon.LATIN_GIVEN_NAMES.contains(d.tok[s - 1]));
    }
    if (!c.conj && c.prep == 0 && s > 0 && d.sep[s] <= ArabicText.SEP_SOFT) {
      String p = d.tok[s - 1];
      if (Lexicon.TITLES.contains(p) || (Lexicon.GIVEN_NAMES.contains(p) && !p.equals(AMBIGUOUS_GIVEN_NAME))) {
        return true; // «الشيخ صلاح الدين», «محمد صلاح الدين»
      }
    }
    return e < d.n && d.sep[e] <= ArabicText.SEP_SOFT && d.arabic[e] && nameLike(d, e);
  }

  /** Could the token at k continue a person's name (a given name, a surname, «X الدين», a family-name ال…ي)? */
  private boolean nameLike(Doc d, int k) {
    String t = d.tok[k];
    if (k + 1 < d.n && d.sep[k + 1] <= ArabicText.SEP_SOFT && NAME_ENDINGS.contains(d.tok[k + 1])
        && d.arabic[k] && !Lexicon.LIST_GLUE.contains(t)) {
      return true; // «صلاح الدين بهاء الدين»
    }
    if (Lexicon.isStopWord(t) || Lexicon.ADMIN_WORDS.contains(t) || Lexicon.LIST_GLUE.contains(t)) {
      return false;
    }
    if (Lexicon.GIVEN_NAMES.contains(t) && !t.equals(AMBIGUOUS_GIVEN_NAME)) {
      return true;
    }
    if (personNameTokens.contains(t)) {
      return true;
    }
    return t.length() >= 5 && t.startsWith("ال") && t.endsWith("ي") && !Lexicon.COMMON_NISBA.contains(t)
        && !placeTokens.contains(t); // «صلاح الدين الأيوبي»
  }

  // ---------------------------------------------------------------------------------------------------------------
  // evidence for homographs

  private String evidence(Doc d, Cand c, List<Cand> accepted, Set<String> personForms) {
    if (!c.conj && c.prep == 0 && c.start > 0 && d.sep[c.start] <= ArabicText.SEP_SOFT
        && stemIn(d.tok[c.start - 1], Lexicon.FEATURE_NOUNS)) {
      return null; // «نهر الكحلاء»: the river named after the place
    }
    if (c.e.crossGovernorate) {
      return relatedNearby(c, accepted) ? "related-place-nearby" : null;
    }
    if (c.e.latin) {
      if (!allCapitalized(d, c.start, c.end)) {
        return null; // "hit", "balad"
      }
      if (latinAdmin(d, c)) {
        return "admin-word";
      }
      if (relatedNearby(c, accepted)) {
        return "related-place-nearby";
      }
      if (inList(d, c, accepted)) {
        return "list";
      }
      if (c.e.personShaped) {
        return null; // "Saladin": capitals cannot tell the province from the man
      }
      boolean sentenceStart = c.start == 0 || d.sep[c.start] == ArabicText.SEP_SENTENCE;
      boolean shouting = allCaps(d, c.start, c.end);
      boolean headline = c.start > 0 && c.end < d.n && d.sep[c.start] <= ArabicText.SEP_SOFT
          && d.sep[c.end] <= ArabicText.SEP_SOFT && d.latin[c.start - 1] && d.cap[c.start - 1]
          && d.latin[c.end] && d.cap[c.end];
      return !sentenceStart && !shouting && !headline ? "capitalized" : null;
    }
    if (c.e.adminStart || adminBefore(d, c.start)) {
      return "admin-word";
    }
    if (c.e.length > 1 && !c.e.personShaped && !c.e.surnameCollision) {
      // the row is a homograph because of some alias; a multi-word alias («كوت العمارة», «المنطقة الخضراء») is not
      return "multi-word-alias";
    }
    if (c.e.compoundGivenName && !c.e.surnameCollision && !personForms.contains(c.e.key)) {
      // «صلاح الدين»: its other reading is a man's given name, which personReading() has already ruled out
      // (no family name after it, no title or given name before it) -- unless the same text names a man so
      // elsewhere: then «وقال صلاح الدين،» is him again (one sense per text) and needs real evidence
      return "no-family-name";
    }
    if (c.e.strongHomograph && commonWordReading(d, c)) {
      return null;
    }
    if (!c.e.strongHomograph) {
      if (c.prep == 'ب' || c.prep == 'ل') {
        return "preposition";
      }
      if (!c.conj && c.prep == 0 && c.start > 0 && d.sep[c.start] <= ArabicText.SEP_SOFT && d.arabic[c.start - 1]
          && stemIn(d.tok[c.start - 1], Lexicon.PLACE_HEADS)) {
        return "place-head"; // «أهالي الأعظمية», «شمالي الرمادي», «شرطة الكاظمية»
      }
      if (!c.conj && c.prep == 0 && c.start > 0 && d.sep[c.start] <= ArabicText.SEP_SOFT
          && stemIn(d.tok[c.start - 1], Set.of("في"))) {
        return "preposition";
      }
    }
    if (relatedNearby(c, accepted)) {
      return "related-place-nearby";
    }
    if (inList(d, c, accepted)) {
      return "list";
    }
    return null;
  }

  private static boolean adminBefore(Doc d, int start) {
    return start > 0 && d.sep[start] <= ArabicText.SEP_SOFT && d.arabic[start - 1]
        && stemIn(d.tok[start - 1], Lexicon.ADMIN_WORDS);
  }

  private static boolean latinAdmin(Doc d, Cand c) {
    int s = c.start;
    if (s > 0 && d.sep[s] <= ArabicText.SEP_SOFT) {
      String p = d.tok[s - 1];
      if (Lexicon.LATIN_ADMIN_WORDS.contains(p)) {
        return true;
      }
      if (p.equals("of") && s > 1 && d.sep[s - 1] <= ArabicText.SEP_SOFT
          && Lexicon.LATIN_ADMIN_WORDS.contains(d.tok[s - 2])) {
        return true;
      }
    }
    return c.end < d.n && d.sep[c.end] <= ArabicText.SEP_SOFT && Lexicon.LATIN_ADMIN_WORDS.contains(d.tok[c.end]);
  }

  /** The first token and every Latin token longer than 3 letters are capitalized (particles such as al, ad, of may not be). */
  private static boolean allCapitalized(Doc d, int start, int end) {
    for (int k = start; k < end; k++) {
      if (d.latin[k] && !d.cap[k] && d.tok[k].length() > 3) {
        return false;
      }
    }
    return d.cap[start];
  }

  /** «الدور الكبير», «العمارة الحديثة», «بلد ديمقراطي», «بلد المليون»: the common-noun reading. */
  private boolean commonWordReading(Doc d, Cand c) {
    int m = c.end;
    if (m >= d.n || d.sep[m] != ArabicText.SEP_SPACE || !d.arabic[m]) {
      return false;
    }
    String t = d.tok[m];
    if (placeTokens.contains(t) || t.length() < 4 || Lexicon.PLACE_HEADS.contains(t)) {
      return false;
    }
    return t.startsWith("ال") || t.endsWith("ي") || t.endsWith("يه");
  }

  private boolean relatedNearby(Cand c, List<Cand> accepted) {
    int p = c.e.ref;
    for (Cand q : accepted) {
      if (q == c) {
        continue;
      }
      int distance = q.start >= c.end ? q.start - c.end : c.start >= q.end ? c.start - q.end : 0;
      if (distance > WINDOW) {
        continue;
      }
      int r = q.e.ref;
      if (contains(placeAncestors[p], r) || contains(placeAncestors[r], p)) {
        return true;
      }
    }
    return false;
  }

  private static boolean contains(int[] a, int v) {
    for (int x : a) {
      if (x == v) {
        return true;
      }
    }
    return false;
  }

  /** Next to another accepted place with list glue: «كركوك وديالى», «بغداد، بلد», «الأنبار ، ثم صلاح الدين». */
  private static boolean inList(Doc d, Cand c, List<Cand> accepted) {
    int k = c.start;
    int glue = 0;
    while (k > 0 && glue < 2 && d.sep[k] < ArabicText.SEP_SENTENCE && Lexicon.LIST_GLUE.contains(d.tok[k - 1])) {
      k--;
      glue++;
    }
    if (k > 0 && d.sep[k] < ArabicText.SEP_SENTENCE && (glue > 0 || c.conj || d.sep[k] == ArabicText.SEP_CLAUSE)) {
      for (Cand q : accepted) {
        if (q != c && q.end == k) {
          return true;
        }
      }
    }
    int m = c.end;
    glue = 0;
    while (m < d.n && glue < 2 && d.sep[m] < ArabicText.SEP_SENTENCE && Lexicon.LIST_GLUE.contains(d.tok[m])) {
      m++;
      glue++;
    }
    if (m < d.n && d.sep[m] < ArabicText.SEP_SENTENCE) {
      for (Cand q : accepted) {
        if (q != c && q.start == m && (glue > 0 || q.conj || d.sep[m] == ArabicText.SEP_CLAUSE)) {
          return true;
        }
      }
    }
    return false;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // roles

  private int roleHolder(Doc d, Cand c, LocalDate date, List<Cand> winners) {
    int s = c.start;
    int e = c.end;
    if (s > 0 && d.sep[s] <= ArabicText.SEP_SOFT) {
      String p = d.tok[s - 1];
      if (stemIn(p, Lexicon.ROLE_QUALIFIERS_BEFORE)) {
        return -1; // «نائب رئيس الوزراء», "former prime minister"
      }
      if (c.e.latin && d.latin[s - 1] && d.cap[s - 1] && !p.startsWith("iraq")
          && (p.endsWith("ish") || p.endsWith("an") || p.endsWith("ese") || p.endsWith("i"))) {
        return -1; // "British prime minister"
      }
    }
    for (int k = e; k < Math.min(d.n, e + 2); k++) {
      if (d.sep[k] > ArabicText.SEP_SOFT) {
        break;
      }
      String t = d.tok[k];
      if (Lexicon.ROLE_QUALIFIERS_AFTER.contains(t)) {
        return -1; // «رئيس الوزراء السابق», «وزير الخزانة حينها»
      }
      if (k == e && t.length() >= 5 && t.startsWith("ال") && (t.endsWith("ي") || t.endsWith("يه"))
          && !OWN_NATIONALITY.contains(t)) {
        return -1; // «رئيس الوزراء البريطاني»
      }
    }
    // a person named right after or right before: the name is explicit, the date may not match it
    for (Cand w : winners) {
      boolean person = w.e.kind == ACTOR ? actors[w.e.ref].type() == Actor.Type.PERSON
          : w.e.kind == SURNAME && anyPerson(w.e.owners);
      if (!person) {
        continue;
      }
      if (w.start >= e && w.start <= e + 3 && noSentenceBreak(d, e, w.start)) {
        return -1;
      }
      if (w.end <= s && w.end >= s - 2 && noSentenceBreak(d, w.end, s)) {
        return -1;
      }
    }
    if (e < d.n && d.sep[e] < ArabicText.SEP_SENTENCE) {
      String t = d.tok[e];
      if ((Lexicon.GIVEN_NAMES.contains(t) && !t.equals(AMBIGUOUS_GIVEN_NAME))
          || (d.latin[e] && d.cap[e] && Lexicon.LATIN_GIVEN_NAMES.contains(t))) {
        return -1; // an unknown person named after the title
      }
    }
    List<Holder> hs = holders.getOrDefault(c.e.roleId, List.of());
    List<Holder> on = new ArrayList<>();
    for (Holder h : hs) {
      if (h.office().heldOn(date)) {
        on.add(h);
      }
    }
    if (on.size() > 1) {
      on.removeIf(h -> date.equals(h.office().to())); // hand-over day: the successor
    }
    Set<Integer> distinct = new HashSet<>();
    on.forEach(h -> distinct.add(h.actor()));
    return distinct.size() == 1 ? distinct.iterator().next() : -1;
  }

  private boolean anyPerson(int[] owners) {
    for (int o : owners) {
      if (actors[o].type() == Actor.Type.PERSON) {
        return true;
      }
    }
    return false;
  }

  private static boolean noSentenceBreak(Doc d, int from, int to) {
    for (int k = from; k <= to && k < d.n; k++) {
      if (d.sep[k] == ArabicText.SEP_SENTENCE) {
        return false;
      }
    }
    return true;
  }
}
