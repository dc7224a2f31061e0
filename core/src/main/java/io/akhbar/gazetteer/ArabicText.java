package io.akhbar.gazetteer;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Arabic-script text folding for <em>matching</em> (never for display).
 *
 * <p>{@link #normalize(String)} applies, in order: Unicode NFKC (presentation forms, ligatures such as ﻻ and ﷲ);
 * removal of Arabic diacritics (U+064B–U+065F, U+0670, Quranic marks), of every other combining mark and of
 * invisible format characters (tatweel U+0640, ZWNJ/ZWJ, bidi marks, BOM, soft hyphen); one alef (أ إ آ ٱ ٲ ٳ →
 * ا); ى → ي; ة → ه; Persian/Kurdish ی ێ ې → ي, ک ڪ → ك, ە ھ ۀ ہ ۃ → ه, ڕ → ر, ڵ → ل, ۆ ۇ → و; hamza seats ؤ → و and ئ
 * → ي; standalone ء removed; Arabic-Indic and Persian digits (and any other decimal digit) → ASCII; Latin letters
 * lower-cased and stripped of accents ({@code ī → i}, {@code ḥ → h}); {@code #}, {@code _}, quotes and every other
 * punctuation or symbol → a space; whitespace collapsed. An apostrophe (’ ʼ ʿ ' …) is kept as {@code '} only
 * between two Latin letters ({@code Tha'r}, {@code Asa'ib}).
 *
 * <p>So {@code normalize(s)} is exactly {@code String.join(" ", tokens(s))}.
 *
 * <p>The tagger uses the package-private {@link #scan(String...)}, which produces the same tokens plus, per token,
 * the strength of the separator before it (space, soft punctuation such as quotes, {@code #} or {@code _}, clause
 * punctuation, sentence end) and its original capitalization.
 */
public final class ArabicText {

  /** Separator strength before a token: nothing but spaces. */
  static final byte SEP_SPACE = 0;
  /** Separator strength: soft punctuation (quotes, #, _, hyphen, @, *) that never ends a name. */
  static final byte SEP_SOFT = 1;
  /** Separator strength: clause punctuation (، , ; : ( ) dashes / …). */
  static final byte SEP_CLAUSE = 2;
  /**
   * Separator strength: sentence end (. ! ? ؟ line break) or the start of the text. The last dot of a dotted
   * abbreviation of single letters ({@code U.S.}, {@code U.N.}, {@code e.g.}) is soft, so «U.S. forces» stays a name.
   */
  static final byte SEP_SENTENCE = 3;

  // character classes
  private static final byte C_SOFT = 0; // default for anything not listed: a soft separator
  private static final byte C_WORD = 1;
  private static final byte C_DROP = 2;
  private static final byte C_SPACE = 3;
  private static final byte C_CLAUSE = 4;
  private static final byte C_SENTENCE = 5;
  private static final byte C_APOS = 6;
  /** {@code . , :} and the Arabic decimal/thousands separators: sentence/clause marks unless between two word chars. */
  private static final byte C_INFIX = 7;

  private static final byte[] CLASS = new byte[65536];
  private static final char[] FOLD = new char[65536];
  private static final byte F_LATIN = 1;
  private static final byte F_ARABIC = 2;
  private static final byte F_UPPER = 4;
  private static final byte F_LOWER = 8;
  /** Per-character flags (F_*), so the scanner does one table lookup per character. */
  private static final byte[] FLAGS = new byte[65536];

  static {
    for (int c = 0; c < 65536; c++) {
      char ch = (char) c;
      classify(ch);
      FLAGS[c] = (byte) ((isLatinLetter(ch) ? F_LATIN : 0) | (isArabicChar(ch) ? F_ARABIC : 0)
          | (Character.isUpperCase(ch) ? F_UPPER : 0) | (Character.isLowerCase(ch) ? F_LOWER : 0));
    }
  }

  private ArabicText() {}

  private static void classify(char c) {
    int type = Character.getType(c);
    byte cls;
    char fold = c;
    if (Character.isHighSurrogate(c) || Character.isLowSurrogate(c)) {
      cls = C_SOFT; // handled by code point in scan()
    } else if (c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029' || c == '\u0085' || c == '\u000B' || c == '\u000C') {
      cls = C_SENTENCE;
    } else if (Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u200B') {
      cls = C_SPACE;
    } else if (isDropped(c, type)) {
      cls = C_DROP;
    } else if (c == '\'' || c == '\u2019' || c == '\u2018' || c == '\u02BC' || c == '\u02BB' || c == '\u02BE'
        || c == '\u02BF' || c == '`' || c == '\u00B4' || c == '\u2032') {
      cls = C_APOS;
      fold = '\'';
    } else if (Character.isDigit(c)) {
      cls = C_WORD;
      fold = (char) ('0' + Character.digit(c, 10));
    } else if (Character.isLetter(c)) {
      cls = C_WORD;
      fold = foldLetter(c);
    } else if (c == '.' || c == ',' || c == ':' || c == '\u066B' || c == '\u066C') {
      cls = C_INFIX;
    } else if (c == '!' || c == '?' || c == '\u061F' || c == '\u06D4' || c == '\u2026' || c == '\u3002' || c == '\u061E') {
      cls = C_SENTENCE;
    } else if (c == '\u060C' || c == ';' || c == '\u061B' || c == '(' || c == ')' || c == '[' || c == ']' || c == '{'
        || c == '}' || c == '|' || c == '/' || c == '\\' || c == '\u2022' || c == '\u00B7' || c == '\u2013'
        || c == '\u2014' || c == '\u2012' || c == '\u2015' || c == '\uFD3E' || c == '\uFD3F' || c == '\u066D') {
      cls = C_CLAUSE;
    } else {
      cls = C_SOFT; // quotes, #, _, -, @, *, symbols, emoji halves...
    }
    CLASS[c] = cls;
    FOLD[c] = fold;
  }

  private static boolean isDropped(char c, int type) {
    if (c >= '\u064B' && c <= '\u065F') {
      return true; // harakat, tanween, shadda, sukun, hamza above/below...
    }
    if (c == '\u0670' || c == '\u0640' || c == '\u0621') {
      return true; // superscript alef, tatweel, standalone hamza
    }
    if ((c >= '\u0610' && c <= '\u061A') || (c >= '\u06D6' && c <= '\u06DC') || (c >= '\u06DF' && c <= '\u06E8')
        || (c >= '\u06EA' && c <= '\u06ED') || (c >= '\u08D3' && c <= '\u08FF')) {
      return true; // Quranic annotation marks
    }
    return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
        || type == Character.COMBINING_SPACING_MARK || type == Character.FORMAT || type == Character.CONTROL;
  }

  private static char foldLetter(char c) {
    switch (c) {
      case '\u0622': case '\u0623': case '\u0625': case '\u0671': case '\u0672': case '\u0673': case '\u0675':
        return '\u0627'; // alef variants
      case '\u0649': case '\u06CC': case '\u06CE': case '\u06D0': case '\u06D2': case '\u0626': case '\u06CD':
        return '\u064A'; // alef maksura, Persian/Kurdish yeh, yeh with hamza
      case '\u0629': case '\u06D5': case '\u06BE': case '\u06C0': case '\u06C1': case '\u06C2': case '\u06C3':
        return '\u0647'; // teh marbuta, Kurdish ae, heh variants
      case '\u06A9': case '\u06AA':
        return '\u0643'; // keheh
      case '\u0624': case '\u06C6': case '\u06C7':
        return '\u0648'; // waw with hamza, Kurdish o/u
      case '\u0695':
        return '\u0631'; // Kurdish reh with small v below
      case '\u06B5':
        return '\u0644'; // Kurdish lam with small v
      default:
        break;
    }
    if ((c >= '\u00C0' && c <= '\u024F') || (c >= '\u1E00' && c <= '\u1EFF')) {
      String d = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
      char base = d.charAt(0);
      if (base < 128 && Character.isLetter(base)) {
        return Character.toLowerCase(base);
      }
    }
    return Character.toLowerCase(c);
  }

  /** The folded form for matching: see the class comment. Null gives "". */
  public static String normalize(String text) {
    if (text == null || text.isEmpty()) {
      return "";
    }
    Tokens t = scan(text);
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < t.size; i++) {
      if (i > 0) {
        out.append(' ');
      }
      out.append(t.text[i]);
    }
    return out.toString();
  }

  /**
   * Normalized word tokens: the text is split on anything that is not a letter or a digit (an apostrophe stays
   * inside a Latin word). Null gives an empty list.
   */
  public static List<String> tokens(String text) {
    if (text == null || text.isEmpty()) {
      return List.of();
    }
    Tokens t = scan(text);
    return List.of(Arrays.copyOf(t.text, t.size));
  }

  /** True when the string contains an Arabic-script letter. */
  public static boolean hasArabicLetter(CharSequence s) {
    for (int i = 0; i < s.length(); i++) {
      if (isArabicChar(s.charAt(i)) && Character.isLetter(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /** True when the string contains a Latin letter. */
  static boolean hasLatinLetter(CharSequence s) {
    for (int i = 0; i < s.length(); i++) {
      if (isLatinLetter(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  static boolean isArabicChar(char c) {
    return (c >= '\u0600' && c <= '\u06FF') || (c >= '\u0750' && c <= '\u077F') || (c >= '\u08A0' && c <= '\u08FF')
        || (c >= '\uFB50' && c <= '\uFDFF') || (c >= '\uFE70' && c <= '\uFEFF');
  }

  static boolean isLatinLetter(char c) {
    return ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '\u00C0' && c <= '\u024F')
        || (c >= '\u1E00' && c <= '\u1EFF')) && Character.isLetter(c);
  }

  /**
   * Scans the given parts (e.g. title and body) into normalized tokens; a sentence boundary separates the parts.
   * Null parts are skipped.
   */
  static Tokens scan(String... parts) {
    int length = 0;
    for (String part : parts) {
      length += part == null ? 0 : part.length();
    }
    Tokens out = new Tokens(Math.max(16, length / 5));
    Word word = new Word();
    for (String part : parts) {
      if (part == null || part.isEmpty()) {
        continue;
      }
      String s = Normalizer.isNormalized(part, Normalizer.Form.NFKC) ? part
          : Normalizer.normalize(part, Normalizer.Form.NFKC);
      scanPart(s, out, word);
      out.pendingSep = SEP_SENTENCE;
    }
    return out;
  }

  /** A growable char buffer for the current word (cheaper than a StringBuilder on the hot path). */
  private static final class Word {
    char[] buf = new char[64];
    int len;

    void append(char c) {
      if (len == buf.length) {
        buf = Arrays.copyOf(buf, len * 2);
      }
      buf[len++] = c;
    }

    void appendCodePoint(int cp) {
      if (Character.isBmpCodePoint(cp)) {
        append((char) cp);
      } else {
        append(Character.highSurrogate(cp));
        append(Character.lowSurrogate(cp));
      }
    }

    void setLength(int n) {
      len = n;
    }

    @Override
    public String toString() {
      return new String(buf, 0, len);
    }
  }

  private static void scanPart(String s, Tokens out, Word word) {
    int n = s.length();
    byte sep = out.size == 0 ? SEP_SENTENCE : out.pendingSep;
    // per-word state
    boolean inWord = false;
    boolean firstUpper = false;
    int upper = 0;
    int lower = 0;
    boolean latin = false;
    boolean arabic = false;
    char firstRaw = 0;
    boolean lastWasLatinLetter = false;
    boolean inAbbreviation = false; // after «U.» of «U.S.»: single Latin letters joined by dots
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      byte cls = CLASS[c];
      if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
        int cp = Character.toCodePoint(c, s.charAt(i + 1));
        if (Character.isLetterOrDigit(cp)) {
          if (!inWord) {
            inWord = true;
            firstUpper = false;
            upper = lower = 0;
            latin = arabic = false;
            firstRaw = c;
          }
          word.appendCodePoint(Character.toLowerCase(cp));
          lastWasLatinLetter = false;
          i++;
          continue;
        }
        i++;
        cls = C_SOFT;
      }
      switch (cls) {
        case C_WORD: {
          byte f = FLAGS[c];
          if (!inWord) {
            inWord = true;
            firstUpper = (f & F_UPPER) != 0;
            upper = lower = 0;
            latin = (f & F_LATIN) != 0;
            arabic = (f & F_ARABIC) != 0;
            firstRaw = c;
          }
          if ((f & F_UPPER) != 0) {
            upper++;
          } else if ((f & F_LOWER) != 0) {
            lower++;
          }
          word.append(FOLD[c]);
          lastWasLatinLetter = (f & F_LATIN) != 0;
          break;
        }
        case C_DROP:
          break; // inside a word or not, it leaves no trace
        case C_APOS: {
          if (inWord && lastWasLatinLetter && i + 1 < n && (FLAGS[s.charAt(i + 1)] & F_LATIN) != 0) {
            word.append('\'');
            lastWasLatinLetter = false;
            break;
          }
          inAbbreviation = false;
          if (inWord) {
            out.add(word, sep, firstUpper, upper, lower, latin, arabic, firstRaw);
            word.setLength(0);
            inWord = false;
            sep = SEP_SPACE;
          }
          sep = (byte) Math.max(sep, SEP_SOFT);
          break;
        }
        case C_INFIX: {
          boolean between = inWord && i + 1 < n && CLASS[s.charAt(i + 1)] == C_WORD;
          boolean letterDot = c == '.' && inWord && latin && word.len == 1;
          // the last dot of «U.S.», «U.N.», «e.g.» ends the abbreviation, not the sentence («U.S. forces»)
          boolean abbreviationEnd = letterDot && !between && inAbbreviation;
          inAbbreviation = letterDot && between;
          if (inWord) {
            out.add(word, sep, firstUpper, upper, lower, latin, arabic, firstRaw);
            word.setLength(0);
            inWord = false;
            sep = SEP_SPACE;
          }
          byte strength = between || abbreviationEnd ? SEP_SOFT : (c == '.' ? SEP_SENTENCE : SEP_CLAUSE);
          sep = (byte) Math.max(sep, strength);
          break;
        }
        default: {
          inAbbreviation = false;
          if (inWord) {
            out.add(word, sep, firstUpper, upper, lower, latin, arabic, firstRaw);
            word.setLength(0);
            inWord = false;
            sep = SEP_SPACE;
          }
          byte strength = cls == C_SPACE ? SEP_SPACE
              : cls == C_CLAUSE ? SEP_CLAUSE
              : cls == C_SENTENCE ? SEP_SENTENCE
              : SEP_SOFT;
          sep = (byte) Math.max(sep, strength);
          break;
        }
      }
    }
    if (inWord) {
      out.add(word, sep, firstUpper, upper, lower, latin, arabic, firstRaw);
      word.setLength(0);
      sep = SEP_SPACE;
    }
    out.pendingSep = sep;
  }

  /** Scanned tokens with per-token flags, in parallel arrays (the tagger's hot path avoids objects). */
  static final class Tokens {
    int size;
    String[] text;
    /** Separator strength before the token (SEP_*). */
    byte[] sep;
    /** Original first letter was upper case. */
    boolean[] capitalized;
    /** Every cased letter was upper case and there was at least one. */
    boolean[] allCaps;
    /** First character is a Latin letter. */
    boolean[] latin;
    /** First character is Arabic-script. */
    boolean[] arabic;
    /** The original first character (before folding), e.g. to tell آل (family) from a stray article ال. */
    char[] firstRaw;
    byte pendingSep = SEP_SENTENCE;

    Tokens(int capacity) {
      text = new String[capacity];
      sep = new byte[capacity];
      capitalized = new boolean[capacity];
      allCaps = new boolean[capacity];
      latin = new boolean[capacity];
      arabic = new boolean[capacity];
      firstRaw = new char[capacity];
    }

    private void grow() {
      int cap = text.length * 2;
      text = Arrays.copyOf(text, cap);
      sep = Arrays.copyOf(sep, cap);
      capitalized = Arrays.copyOf(capitalized, cap);
      allCaps = Arrays.copyOf(allCaps, cap);
      latin = Arrays.copyOf(latin, cap);
      arabic = Arrays.copyOf(arabic, cap);
      firstRaw = Arrays.copyOf(firstRaw, cap);
    }

    void add(Word word, byte sepBefore, boolean firstUpper, int upper, int lower, boolean isLatin,
        boolean isArabic, char raw) {
      add(word.toString(), sepBefore, firstUpper, upper > 0 && lower == 0, isLatin, isArabic, raw);
    }

    void add(String word, byte sepBefore, boolean firstUpper, boolean caps, boolean isLatin, boolean isArabic,
        char raw) {
      if (size == text.length) {
        grow();
      }
      text[size] = word;
      sep[size] = sepBefore;
      capitalized[size] = firstUpper;
      allCaps[size] = caps;
      latin[size] = isLatin;
      arabic[size] = isArabic;
      firstRaw[size] = raw;
      size++;
    }

    List<String> asList() {
      return new ArrayList<>(Arrays.asList(text).subList(0, size));
    }
  }
}
