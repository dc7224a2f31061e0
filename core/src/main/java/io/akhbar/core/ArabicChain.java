package io.akhbar.core;

import io.akhbar.gazetteer.Actor;
import io.akhbar.gazetteer.Gazetteer;
import io.akhbar.gazetteer.Place;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The word lists of the Arabic analysis chain, computed from the files of {@code mappings/analysis/} and the
 * gazetteer, and inlined into the index settings (so they work on any cluster, with no file on the nodes).
 *
 * <p>The chain (see {@code mappings/settings.json}) runs, for every token, a {@code multiplexer} whose branches
 * are: the light10 stem; the stem after restoring teh marbuta before a possessive suffix and a feminine {@code يا};
 * and, only when the word is not itself a known word, the stem after stripping clitics (و ف ب ل ك and their
 * stacks), kept only when that stem is a known one. Names are protected from suffix stripping (البصرة is not
 * بصر «sight»), and broken plurals are mapped onto their singular's stem.
 *
 * <p>To write rules in the chain's own terms, this class mirrors what the node does to a token before the
 * multiplexer (normalization) and Lucene's light10 {@code ArabicStemmer}; a test checks both against the node.
 */
public final class ArabicChain {

  private static final String[] LIGHT10_PREFIXES = {"ال", "وال", "بال", "كال", "فال", "لل", "و"};
  private static final String[] LIGHT10_SUFFIXES = {"ها", "ان", "ات", "ون", "ين", "يه", "ية", "ه", "ة", "ي"};
  private static final Pattern TANWEEN = Pattern.compile("(?<=\\p{L}{2})(?:اً|ًا)$");
  private static final Pattern FINAL_HAMZA = Pattern.compile("(?<=\\p{L}{3})اء$");
  private static final Pattern YAZIDI = Pattern.compile("^(ال)?يزيدي");
  private static final Pattern MARKS = Pattern.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]");
  private static final Pattern FEMININE_YA = Pattern.compile("(?<=\\p{L}{3})يا$");
  private static final Pattern POSSESSIVE_TEH = Pattern.compile("(?<=\\p{L}{2})ت(?:هما|هم|هن|ها|ه|كما|كم|ك|نا|ي|ين|ان)$");

  /** What the index settings need: the three lists, each sorted so the definition hash is stable. */
  public record Lists(List<String> knownCliticWords, List<String> knownStems, List<String> protectedNames,
      List<String> pluralStems) {

    /**
     * The words a protect rule keeps whole, which the rewriting branches (feminine and possessive endings, a final
     * alef) skip: a rewrite can only damage a name (بوتين read as بوة + ين would be بو, and match every «بو»).
     */
    public List<String> protectedForms() {
      return protectedNames.stream().map(r -> r.substring(0, r.indexOf(" => "))).toList();
    }
  }

  private ArabicChain() {}

  /**
   * The token as the node has it when it reaches the multiplexer: Persian and Kurdish letters mapped, lowercase,
   * tanween alef dropped, marks and tatweel removed, alef forms unified, alef maqsura to yeh, teh marbuta to heh,
   * hamza seats to alef, a final hamza after alef dropped, and a few spelling variants unified.
   */
  public static String normalize(String token) {
    StringBuilder mapped = new StringBuilder(token.length());
    for (char c : token.toCharArray()) {
      mapped.append(switch (c) {
        case 'پ' -> 'ب';
        case 'چ' -> 'ج';
        case 'ژ' -> 'ز';
        case 'گ', 'ک' -> 'ك';
        case 'ڤ' -> 'ف';
        case 'ۆ' -> 'و';
        case 'ێ', 'ی' -> 'ي';
        case 'ە', 'ۀ', 'ہ' -> 'ه';
        case 'ڕ' -> 'ر';
        case 'ڵ' -> 'ل';
        default -> c;
      });
    }
    String t = mapped.toString().toLowerCase(Locale.ROOT);
    t = TANWEEN.matcher(t).replaceAll("");
    t = MARKS.matcher(t).replaceAll("");
    t = t.replace('آ', 'ا').replace('أ', 'ا').replace('إ', 'ا')
        .replace('ى', 'ي').replace('ة', 'ه')
        .replace('ؤ', 'ا').replace('ئ', 'ا');
    t = FINAL_HAMZA.matcher(t).replaceAll("ا");
    t = t.replace("اميرك", "امريك")
        .replace("كورد", "كرد")
        .replace("ميليش", "مليش");
    t = YAZIDI.matcher(t).replaceAll("$1ايزيدي");
    return t;
  }

  /** Lucene's light10 ArabicStemmer: at most one prefix, then each suffix in turn. */
  public static String light10(String s) {
    String w = s;
    for (String p : LIGHT10_PREFIXES) {
      int min = p.length() == 1 ? 4 : p.length() + 2;
      if (w.length() >= min && w.startsWith(p)) {
        w = w.substring(p.length());
        break;
      }
    }
    for (String suffix : LIGHT10_SUFFIXES) {
      if (w.length() >= suffix.length() + 2 && w.endsWith(suffix)) {
        w = w.substring(0, w.length() - suffix.length());
      }
    }
    return w;
  }

  /** The second branch's rewrite: teh marbuta restored before a possessive or dual ending; feminine يا. */
  static String restoreFeminine(String normalized) {
    String t = FEMININE_YA.matcher(normalized).replaceAll("ي");
    return POSSESSIVE_TEH.matcher(t).replaceAll("ه");
  }

  /** A name token without its article, unless too little would remain (الله stays الله). */
  static String bare(String token) {
    return token.startsWith("ال") && token.length() >= 5 ? token.substring(2) : token;
  }

  /**
   * Builds the lists from the lexicon, the broken-plural rules ({@code plural1, plural2 => singular} lines) and the
   * gazetteer's names.
   */
  public static Lists build(List<String> lexiconLines, List<String> pluralLines, List<String> extraProtected,
      Gazetteer gazetteer) {
    Set<String> lexicon = new TreeSet<>();
    for (String line : lexiconLines) {
      String w = normalize(line.strip());
      if (w.length() >= 3 && !w.startsWith("#")) {
        lexicon.add(w);
      }
    }
    // Names: protect those that light10 would damage (لبنان → لبن «milk», البصرة → بصر «sight», الله → له)
    TreeMap<String, String> protect = new TreeMap<>();
    Set<String> nameTokens = new TreeSet<>(extraProtected.stream().map(ArabicChain::normalize).toList());
    nameTokens.addAll(nameTokens(gazetteer));
    // a foreign surname the lexicon does not know would lose a «clitic»: كاميرون → ك + اميرون → أمير (prince),
    // كيري → ك + يري (sees). Surnames that are ordinary words (صالح، هادي) are left to the chain.
    // A family name that is a common word without its article («الصدر»: صدر «was issued», «chest»; «الحكيم»: حكيم
    // «wise») keeps the article as its term, so that the name and its article forms never meet the common word
    for (String token : familyTokens(gazetteer)) {
      String word = token.substring(2);
      if (lexicon.contains(word)) {
        for (String form : prefixedForms(word)) {
          if (form.endsWith("ال" + word) || form.endsWith("لل" + word)) {
            protect.putIfAbsent(form, token);
          }
        }
      }
    }
    Set<String> foreign = new LinkedHashSet<>(surnameTokens(gazetteer));
    // places abroad too: كوباني would lose a «clitic» and stem to بان, the stem of ألبانيا
    for (io.akhbar.gazetteer.PlaceAbroad p : gazetteer.placesAbroad()) {
      p.arabic().stream().filter(n -> !n.contains(" ")).forEach(n -> addTokens(foreign, n));
    }
    for (String token : foreign) {
      if (!lexicon.contains(token) && !lexicon.contains(bare(token))) {
        nameTokens.add(token);
      }
    }
    for (String token : nameTokens) {
      String target = bare(token);
      if (!light10(token).equals(target) || !light10(target).equals(target)) {
        for (String form : prefixedForms(target)) {
          protect.putIfAbsent(form, target);
        }
        if (token.startsWith("ال") && !target.equals(token)) {
          protect.putIfAbsent(token, target);
        }
      }
    }
    Set<String> knownStems = new TreeSet<>();
    for (String w : lexicon) {
      knownStems.add(light10(w));
      knownStems.add(light10(restoreFeminine(w)));
    }
    for (String token : nameTokens) {
      knownStems.add(protect.getOrDefault(token, light10(token)));
      knownStems.add(bare(token));
    }
    Set<String> knownCliticWords = new TreeSet<>();
    for (String w : lexicon) {
      if ("وفبلك".indexOf(w.charAt(0)) >= 0) {
        knownCliticWords.add(w);
      }
    }
    for (String token : nameTokens) {
      if (!token.isEmpty() && "وفبلك".indexOf(token.charAt(0)) >= 0) {
        knownCliticWords.add(token);
      }
    }
    // Broken plurals: the plural's stem maps to the singular's stem (after the stemmer, so every prefixed and
    // suffixed form the stemmer reduces is covered by one rule)
    TreeMap<String, String> plurals = new TreeMap<>();
    for (String line : pluralLines) {
      String rule = line.contains("#") ? line.substring(0, line.indexOf('#')) : line;
      if (rule.isBlank()) {
        continue;
      }
      String[] sides = rule.split("=>");
      if (sides.length != 2) {
        throw new IllegalArgumentException("mappings/analysis/broken-plurals.txt: expected 'plural, … => singular': " + line);
      }
      String singular = stem(sides[1].strip(), protect);
      for (String plural : sides[0].split(",")) {
        String p = plural.strip();
        if (p.isEmpty()) {
          continue;
        }
        for (String key : new TreeSet<>(List.of(stem(p, protect), light10(restoreFeminine(normalize(p)))))) {
          if (!key.equals(singular) && !protect.containsValue(key)) {
            plurals.putIfAbsent(key, singular);
          }
        }
      }
    }
    knownStems.addAll(plurals.values());
    List<String> protectRules = new ArrayList<>();
    protect.forEach((form, target) -> protectRules.add(form + " => " + target));
    List<String> pluralRules = new ArrayList<>();
    plurals.forEach((from, to) -> pluralRules.add(from + " => " + to));
    return new Lists(List.copyOf(knownCliticWords), List.copyOf(knownStems), protectRules, pluralRules);
  }

  /** What the chain makes of a word on its plain branch: normalize, protect or light10. */
  static String stem(String word, TreeMap<String, String> protect) {
    String n = normalize(word);
    String p = protect.get(n);
    return p != null ? p : light10(n);
  }

  private static List<String> prefixedForms(String bare) {
    List<String> forms = new ArrayList<>();
    forms.add(bare);
    for (String p : List.of("و", "ف", "ب", "ل", "ك", "وب", "فب", "ول", "فل", "وك", "فك")) {
      forms.add(p + bare);
    }
    for (String p : List.of("ال", "وال", "فال", "بال", "كال", "لل", "وبال", "فبال", "ولل", "فلل", "وكال", "فكال")) {
      forms.add(p + bare);
    }
    return forms;
  }

  /** Persons' one-word family names with the article («الصدر», «العبادي»), normalized. */
  static Set<String> familyTokens(Gazetteer gazetteer) {
    Set<String> tokens = new LinkedHashSet<>();
    for (Actor a : gazetteer.actors()) {
      if (a.type() != Actor.Type.PERSON) {
        continue;
      }
      for (String s : a.surnames()) {
        String n = normalize(s.strip());
        if (n.startsWith("ال") && n.length() >= 5 && !n.contains(" ") && n.chars().allMatch(Character::isLetter)) {
          tokens.add(n);
        }
      }
    }
    return tokens;
  }

  /** Single Arabic-script tokens of place names, of person and state names, and persons' family names («العبادي»). */
  static Set<String> nameTokens(Gazetteer gazetteer) {
    Set<String> tokens = new LinkedHashSet<>();
    for (Place p : gazetteer.places()) {
      if (!p.needsContext()) {
        addTokens(tokens, p.nameAr());
        p.aliases().forEach(a -> addTokens(tokens, a));
      }
    }
    for (Actor a : gazetteer.actors()) {
      if (a.type() == Actor.Type.PERSON || a.type() == Actor.Type.STATE) {
        addTokens(tokens, a.nameAr());
      }
      if (a.type() == Actor.Type.PERSON) {
        // family names with the article: «العبادي» must not stem to «عباد» (the servants), «المالكي» to «مالك»
        for (String s : a.surnames()) {
          if (s.startsWith("ال") && !s.contains(" ")) {
            addTokens(tokens, s);
          }
        }
      }
    }
    return tokens;
  }

  /** Persons' one-word Arabic surnames and the last word of their Arabic aliases («كيري» of «جون كيري»). */
  static Set<String> surnameTokens(Gazetteer gazetteer) {
    Set<String> tokens = new LinkedHashSet<>();
    for (Actor a : gazetteer.actors()) {
      if (a.type() != Actor.Type.PERSON) {
        continue;
      }
      List<String> names = new ArrayList<>(a.surnames());
      for (String alias : a.allNames()) {
        String[] words = alias.strip().split("\\s+");
        if (words.length > 1) {
          names.add(words[words.length - 1]);
        }
      }
      for (String n : names) {
        if (!n.contains(" ")) {
          addTokens(tokens, n);
        }
      }
    }
    return tokens;
  }

  private static void addTokens(Set<String> tokens, String name) {
    if (name == null) {
      return;
    }
    String[] words = name.split("[\\s_\\-–]+");
    for (String w : words) {
      String n = normalize(w.replaceAll("[^\\p{IsArabic}]", ""));
      // one-word names only: a word of a longer name (الدين of صلاح الدين) is often a common word
      if (words.length == 1 && n.length() >= 3 && n.chars().allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC)) {
        tokens.add(n);
      }
    }
  }
}
