package io.akhbar.gazetteer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Does a text name any of a set of names? Plain word matching after {@linkplain ArabicText normalization}, with the
 * clitics و ف ب ل ك allowed on the first word, and nothing else: no homograph rule, no context. The evaluation's
 * yardstick («does this article name Kirkuk, or Iraq, at all?»), deliberately simpler than the tagger it judges.
 */
public final class NameFinder {

  private final Map<String, List<String[]>> byFirstToken = new HashMap<>();

  private NameFinder() {}

  /** A finder for these surface forms (any script); forms shorter than two letters are ignored. */
  public static NameFinder of(Collection<String> names) {
    NameFinder f = new NameFinder();
    for (String name : names) {
      List<String> toks = ArabicText.tokens(name);
      if (toks.isEmpty() || String.join("", toks).length() < 2) {
        continue;
      }
      f.byFirstToken.computeIfAbsent(toks.get(0), k -> new ArrayList<>()).add(toks.toArray(new String[0]));
    }
    return f;
  }

  /** An Arabic nisba base and its inflections (see {@link Country#demonyms()}), for a finder of a country's words. */
  public static List<String> demonymForms(String base) {
    return MentionIndex.demonymForms(base);
  }

  /** True when the text contains one of the names as whole words. */
  public boolean foundIn(String text) {
    return foundInTokens(ArabicText.tokens(text));
  }

  /** The text's normalized tokens, to test many finders against one text without tokenizing it again. */
  public static List<String> tokensOf(String text) {
    return ArabicText.tokens(text);
  }

  /** As {@link #foundIn(String)}, on tokens from {@link #tokensOf}. */
  public boolean foundInTokens(List<String> toks) {
    for (int i = 0; i < toks.size(); i++) {
      String w = toks.get(i);
      if (matchesAt(toks, i, w)) {
        return true;
      }
      if (w.length() >= 4 && MentionIndex.CLITIC_START.indexOf(w.charAt(0)) >= 0) {
        for (MentionIndex.Reading r : MentionIndex.readings(w)) {
          if (matchesAt(toks, i, r.stem())) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private boolean matchesAt(List<String> toks, int i, String first) {
    List<String[]> candidates = byFirstToken.get(first);
    if (candidates == null) {
      return false;
    }
    for (String[] name : candidates) {
      if (i + name.length > toks.size()) {
        continue;
      }
      boolean all = true;
      for (int k = 1; k < name.length && all; k++) {
        all = name[k].equals(toks.get(i + k));
      }
      if (all) {
        return true;
      }
    }
    return false;
  }
}
