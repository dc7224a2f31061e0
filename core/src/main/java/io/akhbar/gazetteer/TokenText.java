package io.akhbar.gazetteer;

import java.util.Arrays;
import java.util.Set;

/**
 * An article's (or an alias's) tokens as the tagger reads them: {@link ArabicText} tokens with scraped markup that
 * split a word re-joined («ال #بغداد ي» → البغدادي), the possessive 's removed, and, once {@link MentionIndex} has
 * looked them up, each token's vocabulary id (-1 for a word no gazetteer form uses). Parallel arrays: the hot path
 * allocates no object per token.
 */
final class TokenText {

  private static final Set<String> STRAY_ARTICLES =
      Set.of("ال", "وال", "فال", "بال", "كال", "لل", "وبال", "فبال", "وكال", "ولل", "فلل");
  private static final Set<String> NISBA_SUFFIXES = Set.of("ي", "يه", "يين", "يون");

  int n;
  String[] tok;
  byte[] sep;
  boolean[] cap;
  boolean[] caps;
  boolean[] latin;
  boolean[] arabic;
  int[] ids;

  private TokenText(int capacity) {
    int c = Math.max(capacity, 1);
    tok = new String[c];
    sep = new byte[c];
    cap = new boolean[c];
    caps = new boolean[c];
    latin = new boolean[c];
    arabic = new boolean[c];
  }

  private void add(String w, byte s, boolean capitalized, boolean allCaps, boolean isLatin, boolean isArabic) {
    tok[n] = w;
    sep[n] = s;
    cap[n] = capitalized;
    caps[n] = allCaps;
    latin[n] = isLatin;
    arabic[n] = isArabic;
    n++;
  }

  /** The tokens from start (inclusive) to end (exclusive), joined by spaces. */
  String text(int start, int end) {
    return String.join(" ", Arrays.asList(tok).subList(start, end));
  }

  /** True when no sentence break lies between the tokens from and to (inclusive). */
  boolean noSentenceBreak(int from, int to) {
    for (int k = from; k <= to && k < n; k++) {
      if (sep[k] == ArabicText.SEP_SENTENCE) {
        return false;
      }
    }
    return true;
  }

  /** Scanned text → prepared tokens (broken markup re-joined, possessive 's removed). */
  static TokenText prepare(ArabicText.Tokens t) {
    TokenText d = new TokenText(t.size);
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
}
