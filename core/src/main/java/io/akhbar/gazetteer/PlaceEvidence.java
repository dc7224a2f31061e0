package io.akhbar.gazetteer;

import java.util.List;
import java.util.Set;

/**
 * Stage 2 of the {@link Tagger}: is a place-name candidate the place? Rules for names that read as something else.
 *
 * <ul>
 *   <li><b>Person-shaped place names</b> (صلاح الدين, أبو غريب, علي الغربي: an alias that starts with a given name or
 *       title, or ends in الدين / الله) are a person when followed by a name-like token — a given name, a token of a
 *       known person's name, «X الدين», or a family-name-shaped ال…ي word that is not a common adjective or a place
 *       («صلاح الدين الأيوبي», «صلاح الدين بهاء الدين») — or preceded by a title or a given name («الشيخ صلاح الدين»);
 *       never when an admin word or a place-head noun precedes them («محافظة / مدينة / محافظ / شرطة صلاح الدين»).
 *       In Latin script capitals cannot tell Saladin the man from the province, so there it needs an admin word, a
 *       related place nearby or a list.
 *   <li><b>Homographs</b> (evidence = context) need evidence: an admin word before them (قضاء، ناحية، مدينة، بلدة،
 *       منطقة، محافظة، مركز ... with clitics), or an alias that starts with one; a multi-word alias of the row
 *       («كوت العمارة», «المنطقة الخضراء») unless person-shaped; a preposition (في before the word, or ب / ل on it)
 *       or a place-head noun (أهالي، شمالي، شرطة ...) — except for very common nouns ({@link Lexicon#STRONG_HOMOGRAPHS}),
 *       for which only the stronger evidence counts and an adjective or ال-word right after them marks the common-word
 *       reading; their own governorate or district, or a place inside them, within 12 tokens; a list with another
 *       place («كركوك وديالى»). In Latin script: every long word capitalized («Hit» vs «hit»), not at the start of a
 *       sentence, not in a Title-Cased headline or ALL CAPS, or one of the above. An alias shared by places in
 *       different governorates, or by a place and an actor's surname, is treated the same way. Never right after a
 *       natural-feature noun ({@link Lexicon#FEATURE_NOUNS}): «نهر الكحلاء» is the river, not al-Kahla.
 *   <li><b>Places abroad</b>: an alias that is also a foreign place («الرياض», «الإسكندرية») needs the strongest
 *       evidence only (an admin word, or a related place nearby); whether the passage is about Iraq at all is
 *       {@link CountryContext}'s question, asked by the tagger.
 * </ul>
 */
final class PlaceEvidence {

  static final int WINDOW = 12;
  /** Evidence that makes a place reading sure even where the passage's country cannot be told. */
  static final Set<String> STRONG_EVIDENCE =
      Set.of("admin-word", "related-place-nearby", "multi-word-alias");

  private final int[][] placeAncestors;
  private final Set<String> personNameTokens;
  private final Set<String> placeTokens;

  PlaceEvidence(int[][] placeAncestors, MentionIndex index) {
    this.placeAncestors = placeAncestors;
    this.personNameTokens = index.personNameTokens;
    this.placeTokens = index.placeTokens;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // person-shaped place names

  boolean personReading(TokenText d, Candidate c) {
    int s = c.start;
    int e = c.end;
    if (adminBefore(d, s)) {
      return false;
    }
    if (!c.conj && c.prep == 0 && s > 0 && d.sep[s] <= ArabicText.SEP_SOFT && d.arabic[s - 1]
        && MentionIndex.stemIn(d.tok[s - 1], Lexicon.PLACE_HEADS)) {
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
      if (Lexicon.TITLES.contains(p) || (Lexicon.GIVEN_NAMES.contains(p) && !p.equals(MentionIndex.AMBIGUOUS_GIVEN_NAME))) {
        return true; // «الشيخ صلاح الدين», «محمد صلاح الدين»
      }
    }
    return e < d.n && d.sep[e] <= ArabicText.SEP_SOFT && d.arabic[e] && nameLike(d, e);
  }

  /** Could the token at k continue a person's name (a given name, a surname, «X الدين», a family-name ال…ي)? */
  private boolean nameLike(TokenText d, int k) {
    String t = d.tok[k];
    if (k + 1 < d.n && d.sep[k + 1] <= ArabicText.SEP_SOFT && MentionIndex.NAME_ENDINGS.contains(d.tok[k + 1])
        && d.arabic[k] && !Lexicon.LIST_GLUE.contains(t)) {
      return true; // «صلاح الدين بهاء الدين»
    }
    if (Lexicon.isStopWord(t) || Lexicon.ADMIN_WORDS.contains(t) || Lexicon.LIST_GLUE.contains(t)) {
      return false;
    }
    if (Lexicon.GIVEN_NAMES.contains(t) && !t.equals(MentionIndex.AMBIGUOUS_GIVEN_NAME)) {
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

  String evidence(TokenText d, Candidate c, List<Candidate> accepted, Set<String> personForms) {
    if (!c.conj && c.prep == 0 && c.start > 0 && d.sep[c.start] <= ArabicText.SEP_SOFT
        && MentionIndex.stemIn(d.tok[c.start - 1], Lexicon.FEATURE_NOUNS)) {
      return null; // «نهر الكحلاء»: the river named after the place
    }
    if (c.e.crossGovernorate) {
      return relatedNearby(c, accepted) ? "related-place-nearby" : null;
    }
    if (c.e.foreignHomograph) {
      if (!c.e.latin && (c.e.adminStart || adminBefore(d, c.start))) {
        return "admin-word";
      }
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
      boolean shouting = MentionIndex.allCaps(d, c.start, c.end);
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
          && MentionIndex.stemIn(d.tok[c.start - 1], Lexicon.PLACE_HEADS)) {
        return "place-head"; // «أهالي الأعظمية», «شمالي الرمادي», «شرطة الكاظمية»
      }
      if (!c.conj && c.prep == 0 && c.start > 0 && d.sep[c.start] <= ArabicText.SEP_SOFT
          && MentionIndex.stemIn(d.tok[c.start - 1], Set.of("في"))) {
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

  private static boolean adminBefore(TokenText d, int start) {
    return start > 0 && d.sep[start] <= ArabicText.SEP_SOFT && d.arabic[start - 1]
        && MentionIndex.stemIn(d.tok[start - 1], Lexicon.ADMIN_WORDS);
  }

  private static boolean latinAdmin(TokenText d, Candidate c) {
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
  private static boolean allCapitalized(TokenText d, int start, int end) {
    for (int k = start; k < end; k++) {
      if (d.latin[k] && !d.cap[k] && d.tok[k].length() > 3) {
        return false;
      }
    }
    return d.cap[start];
  }

  /** «الدور الكبير», «العمارة الحديثة», «بلد ديمقراطي», «بلد المليون»: the common-noun reading. */
  private boolean commonWordReading(TokenText d, Candidate c) {
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

  private boolean relatedNearby(Candidate c, List<Candidate> accepted) {
    int p = c.e.ref;
    for (Candidate q : accepted) {
      if (q == c) {
        continue;
      }
      int distance = c.distanceTo(q);
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
  static boolean inList(TokenText d, Candidate c, List<Candidate> accepted) {
    int k = c.start;
    int glue = 0;
    while (k > 0 && glue < 2 && d.sep[k] < ArabicText.SEP_SENTENCE && Lexicon.LIST_GLUE.contains(d.tok[k - 1])) {
      k--;
      glue++;
    }
    if (k > 0 && d.sep[k] < ArabicText.SEP_SENTENCE && (glue > 0 || c.conj || d.sep[k] == ArabicText.SEP_CLAUSE)) {
      for (Candidate q : accepted) {
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
      for (Candidate q : accepted) {
        if (q != c && q.start == m && (glue > 0 || q.conj || d.sep[m] == ArabicText.SEP_CLAUSE)) {
          return true;
        }
      }
    }
    return false;
  }
}
