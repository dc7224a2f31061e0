package io.akhbar.gazetteer;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The Arabic spellings a Latin-script name can stand for, as a regular expression over the index's normalized
 * words (the {@code .exact} fields: alef forms as ا, ى as ي, ة as ه, ؤ ئ as ا). For names no gazetteer lists:
 * {@code Sudais} is «السديس», {@code Haftar} «حفتر», {@code Gargash} «قرقاش», {@code Qaddafi} and {@code Gaddafi}
 * «القذافي».
 *
 * <p>English writes an Arabic name's consonants and a guess at its vowels. So each Latin consonant maps to the Arabic
 * letters it transliterates (h to ه or ح, s to س ص ث, d to د ض ذ, g to ج غ ق ك, q to ق ك), a doubled one to one
 * letter (no shadda is written), and each vowel to an optional long vowel or ع (a to ا or ع, i and e to ي or ع, o and u
 * to و or ع), a long vowel digraph (ai, ei, ee, ay; ou, oo) to a required ي or و, a final i or y to the required ي of the
 * nisba. {@code al-}, {@code el-} and the assimilated {@code as-}, {@code ash-}, {@code ad-}… are the article ال.
 *
 * <p>The expression is the same in Lucene's regexp syntax and in {@link java.util.regex}: only literals,
 * {@code [..]}, {@code (..|..)} and {@code ?}. Pure: unit-tested without a node.
 */
public final class NameTransliteration {

  /** A conjunction Arabic writes onto the next word (و, ف). */
  public static final String CONJUNCTION = "(و|ف)?";
  /** A preposition written onto a word without the article (ب, ل, ك). */
  public static final String PREPOSITION = "(ب|ل|ك)?";
  /** The article, with the preposition written before it (بال, كال; ل + ال is لل). */
  public static final String ARTICLE = "((ب|ك)?ال|لل)";
  /** Either of the two: the article with its preposition, or a preposition alone, or nothing. */
  public static final String ARTICLE_OR_PREPOSITION = "((ب|ك)?ال|لل|ب|ل|ك)?";

  /** A name word: the expression of its Arabic stem, and whether it was typed with the article. */
  public record Word(String latin, String stem, boolean article) {

    /** The stem with the article and the clitics Arabic attaches to it. */
    public String withArticle() {
      return CONJUNCTION + ARTICLE + stem;
    }

    /** The stem with clitics but no article. */
    public String bare() {
      return CONJUNCTION + PREPOSITION + stem;
    }

    /** Either form; the article is required when the name was typed with it. */
    public String any() {
      return article ? withArticle() : CONJUNCTION + ARTICLE_OR_PREPOSITION + stem;
    }
  }

  /**
   * An Arabic word (index-normalized, no expression) with the clitics it takes as the first word of a name:
   * «الرياض» as و/ف + بال/كال/لل/ال + رياض, «عدن» as و/ف + ب/ل/ك + عدن.
   */
  public static String withClitics(String word) {
    return word.startsWith("ال") ? CONJUNCTION + ARTICLE + word.substring(2) : CONJUNCTION + PREPOSITION + word;
  }

  /**
   * The same words as {@link #withClitics}, listed: a known word needs no regular expression (a term lookup per
   * form costs far less than an automaton run over the term dictionary).
   */
  public static java.util.List<String> cliticForms(String word) {
    java.util.List<String> out = new java.util.ArrayList<>();
    boolean article = word.startsWith("ال");
    String bare = article ? word.substring(2) : word;
    for (String conjunction : new String[] {"", "و", "ف"}) {
      if (article) {
        for (String prefix : new String[] {"ال", "بال", "كال", "لل"}) {
          out.add(conjunction + prefix + bare);
        }
      } else {
        for (String preposition : new String[] {"", "ب", "ل", "ك"}) {
          out.add(conjunction + preposition + bare);
        }
      }
    }
    return out;
  }

  private static final int MIN_LETTERS = 3;

  private NameTransliteration() {}

  /** The Latin word with its diacritics and case folded: Ḥaydar → haydar, ʿAbd → 'abd. */
  public static String fold(String word) {
    String s = Normalizer.normalize(word, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    s = s.toLowerCase(Locale.ROOT).replaceAll("[ʿʾʻʼ’‘`´]", "'");
    return s;
  }

  /** The word's Arabic expression, or empty when it is not a Latin name word of three letters or more. */
  public static Optional<Word> of(String latinWord) {
    String w = fold(latinWord.strip());
    if (!w.matches("[a-z'\\-]+")) {
      return Optional.empty();
    }
    boolean article = false;
    java.util.regex.Matcher art = LATIN_ARTICLE.matcher(w);
    if (art.lookingAt()) {
      article = true;
      w = w.substring(art.end() - (art.group(2) == null ? 0 : art.group(2).length()));
    }
    w = w.replace("-", "").replaceAll("^'+|'+$", "");
    if (w.replace("'", "").length() < MIN_LETTERS) {
      return Optional.empty();
    }
    String stem = stem(w);
    // «Essebsi», «Assaf»: a first vowel before a doubled sun letter may be the assimilated article (es-Sebsi)
    java.util.regex.Matcher sun = SUN_LETTER.matcher(w);
    if (!article && sun.lookingAt() && w.length() - sun.end() + 1 >= MIN_LETTERS) {
      stem = "(" + stem + "|ال" + stem(w.substring(sun.end() - 1)) + ")";
    }
    return Optional.of(new Word(latinWord, stem, article));
  }

  // al-Abadi, el-Sisi, Al-Maliki; and the assimilated article before a sun letter written twice: as-Sisi, ash-Sharif
  private static final java.util.regex.Pattern LATIN_ARTICLE =
      java.util.regex.Pattern.compile("(al|el|ul|[ae](?=(sh|th|dh|[tdrzsnl])-))(-|(sh|th|dh|[tdrzsnl])-)");
  private static final java.util.regex.Pattern SUN_LETTER =
      java.util.regex.Pattern.compile("[ae](ss|tt|dd|rr|zz|nn|shsh)(?=[aeiou])");

  /** The expression of a whole word, article already removed. */
  static String stem(String w) {
    StringBuilder out = new StringBuilder();
    String rest = w;
    // the compounds English writes as one word: Abdullah, Abdel-Fattah, Abdulrahman, Nasrallah
    if (w.matches("abd(u|a|o|e|ou)?llah?")) {
      return "عبدالله";
    }
    java.util.regex.Matcher abd = ABD.matcher(rest);
    if (abd.lookingAt() && rest.length() - abd.end() >= 3) {
      out.append("عبد").append(abd.group(1) == null ? "(ال)?" : "ال");
      rest = rest.substring(abd.end());
    }
    java.util.regex.Matcher allah = ALLAH.matcher(rest);
    String tail = "";
    if (allah.find() && allah.start() >= 2) {
      tail = "الله";
      rest = rest.substring(0, allah.start());
    }
    out.append(letters(rest, out.length() == 0));
    return out.append(tail).toString();
  }

  private static final java.util.regex.Pattern ABD = java.util.regex.Pattern.compile("abd(ul|el|al|ol|oul|u|e)?(?=[a-z])");
  private static final java.util.regex.Pattern ALLAH = java.util.regex.Pattern.compile("(u|a|o|i)llah$");

  private static String letters(String w, boolean wordStart) {
    List<String> units = units(w);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < units.size(); i++) {
      String u = units.get(i);
      boolean first = wordStart && i == 0;
      boolean last = i == units.size() - 1;
      String prev = i > 0 ? units.get(i - 1) : "";
      if (isVowel(u)) {
        out.append(vowel(u, first, last));
      } else if (u.equals("'")) {
        out.append("(ع|ء|ا)?");
      } else if (u.equals("y") && last) {
        out.append("ي");
      } else if (u.equals("h") && !prev.isEmpty() && isVowel(prev) && last) {
        out.append("[هح]"); // Attiyah, Bahah: the ة of a final -ah, or a real ح
      } else if (u.equals("m") && i + 1 < units.size() && units.get(i + 1).equals("b")) {
        out.append("[من]"); // Jumblatt: جنبلاط
      } else {
        out.append(consonant(u));
      }
    }
    return out.toString();
  }

  /** Consonant digraphs first, then vowel digraphs, then letters; a doubled consonant is one letter. */
  static List<String> units(String w) {
    List<String> units = new ArrayList<>();
    int i = 0;
    while (i < w.length()) {
      String two = i + 2 <= w.length() ? w.substring(i, i + 2) : "";
      String unit;
      if (CONSONANT_PAIRS.contains(two)) {
        unit = two.equals("ck") ? "k" : two;
      } else if (VOWEL_PAIRS.contains(two)) {
        unit = two;
      } else if (GLIDE_PAIRS.contains(two) && (i + 2 == w.length() || !isVowel(w.substring(i + 2, i + 3)))) {
        unit = two; // Zayed: ay before a consonant is ي; Zayani: a, then y before a vowel
      } else {
        unit = w.substring(i, i + 1);
      }
      String prevUnit = units.isEmpty() ? "" : units.get(units.size() - 1);
      boolean doubled = prevUnit.equals(unit) && !isVowel(unit) && !unit.equals("'")
          || (unit.equals("y") || unit.equals("w")) && GLIDE_PAIRS.contains(prevUnit) && prevUnit.endsWith(unit);
      if (doubled) {
        i += unit.length(); // ss, dd, shsh: one letter
        continue;
      }
      units.add(unit);
      i += unit.length();
    }
    return units;
  }

  private static final List<String> CONSONANT_PAIRS = List.of("kh", "sh", "th", "dh", "gh", "ch", "ph", "zh", "ck");
  private static final List<String> VOWEL_PAIRS = List.of("ai", "ei", "ee", "ii", "ie", "ou", "oo", "uu", "aa", "au", "ao");
  private static final List<String> GLIDE_PAIRS = List.of("ay", "ey", "aw", "ow");

  private static boolean isVowel(String u) {
    return !u.isEmpty() && "aeiou".indexOf(u.charAt(0)) >= 0 && !u.equals("'");
  }

  private static String vowel(String u, boolean first, boolean last) {
    String v = switch (u) {
      case "a" -> last ? "(ا|ه|ي|ع|اء)?" : "(ا|ع)?";
      case "e" -> last ? "(ي|ه)?" : "(ي|ع)?";
      case "i" -> last ? "ي" : "(ي|ع)?";
      case "o" -> last ? "(و|ه)?" : "(و|ع)?";
      case "u" -> last ? "و" : "(و|ع)?";
      case "ai", "ei" -> "(ي|عي|اي|يع|ع)"; // Taiz: تعز
      case "ay", "ey", "ee", "ii", "ie" -> "(ي|عي|اي|يع)";
      case "ou", "oo", "uu", "ow" -> "(و|عو|وع)";
      case "aw", "au", "ao" -> "(ا|ع)?و";
      case "aa" -> last ? "(اء|ا|عا|ع|اع)" : "(ا|عا|اع|ع)";
      default -> "";
    };
    if (first) {
      // a word starts with a consonant in Arabic: the first Latin vowel is written ا (hamza) or ع
      return "(ا|ع)" + v;
    }
    return v;
  }

  private static String consonant(String u) {
    return switch (u) {
      case "b", "p" -> "ب";
      case "t" -> "[تط]";
      case "th" -> "[ثتذ]";
      case "d" -> "[دضذ]";
      case "dh" -> "[ذضظد]";
      case "j" -> "ج";
      case "g" -> "[جغقك]";
      case "gh" -> "[غق]";
      case "h" -> "[هح]";
      case "kh" -> "خ";
      case "k" -> "[كقخ]";
      case "q" -> "[قك]";
      case "c" -> "[كسق]";
      case "ch" -> "(ش|تش|ك)";
      case "s" -> "[سصث]";
      case "sh" -> "ش";
      case "z" -> "[زظذض]";
      case "zh" -> "[ظزج]";
      case "f", "ph" -> "ف";
      case "v" -> "[فو]";
      case "w" -> "و";
      case "y" -> "ي";
      case "l" -> "ل";
      case "m" -> "م";
      case "n" -> "ن";
      case "r" -> "ر";
      case "x" -> "كس";
      default -> "";
    };
  }
}
