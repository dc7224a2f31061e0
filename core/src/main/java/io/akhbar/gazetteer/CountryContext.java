package io.akhbar.gazetteer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Stage 3 of the {@link Tagger}: which country is a passage about? Built per article from its country signals: the
 * names, demonyms and cities of {@code countries.tsv} («السعودية», «اليمني», «الرياض», "Iraqi"), actors named in full
 * that belong to a country (a state, Haider al-Abadi, the Saudi cabinet), and Iraqi places named unambiguously.
 *
 * <p>A mention's country, in the order a desk editor reads it:
 * <ol>
 *   <li><b>the qualifier</b> next to it: a signal right after it («وزير الخارجية السعودي», «وزير خارجية إيران»),
 *       after في/لدى («رئيس الوزراء في العراق»), or, in English, right before it ("Saudi foreign minister",
 *       "Iraq's parliament");
 *   <li>else a country named <b>close by</b> in the sentence (within {@value #NEAR} tokens);
 *   <li>else <b>the article's country</b>: the country with the most signals, at least two and more than any other,
 *       provided the mention's sentence names no other country nearer to it than the article's own («وزارة الداخلية
 *       أعلنت ترحيل سعوديين» in an Iraqi article says nothing sure about whose ministry it is). Only a country's own
 *       words and states count as naming it here; its people and bodies count for the article's tally only;
 *   <li>else, with no article country, the one country the sentence names, if it names only one;
 *   <li>else none: the mention is about no country we can tell, and a form that needs a country tags nothing.
 * </ol>
 * A gazetteer without {@code countries.tsv} has no signals at all: {@link #enabled()} is false and the tagger does
 * not ask (the older, country-blind behaviour).
 */
final class CountryContext {

  /** How far (in tokens, within the sentence) a signal may stand from the mention to say something about it. */
  static final int SENTENCE_WINDOW = 25;
  /** A country named this close (in tokens, same sentence) outweighs the article's country. */
  static final int NEAR = 6;
  private static final Set<String> QUALIFIER_LINKS = Set.of("في", "لدى", "of", "in");

  /**
   * {@code names}: a country's own word (name, demonym, city) or a state, which says what a sentence is about;
   * {@code qualifies}: such a word without clitics, which can qualify the word next to it.
   */
  private record Signal(int start, int end, int country, boolean names, boolean qualifies) {}

  private final TokenText d;
  private final boolean enabled;
  private final List<Signal> signals = new ArrayList<>();
  private final Set<Signal> seen = new HashSet<>();
  private final int[] sentence;
  private int dominant = -1;

  private CountryContext(TokenText d, boolean enabled) {
    this.d = d;
    this.enabled = enabled;
    this.sentence = new int[d.n];
    int s = 0;
    for (int k = 0; k < d.n; k++) {
      if (k > 0 && d.sep[k] == ArabicText.SEP_SENTENCE) {
        s++;
      }
      sentence[k] = s;
    }
  }

  /** Collects signals; call {@link #signal} for each, then {@link #build}. */
  static CountryContext start(TokenText d, boolean enabled) {
    return new CountryContext(d, enabled);
  }

  /**
   * A country signal. Only a country's own words (and states) qualify the word next to them: «وزارة الداخلية في
   * حكومة الإقليم» is the Kurdistan Region's ministry, not Iraq's, though the KRG is Iraqi.
   */
  void signal(int start, int end, int country, boolean names, boolean qualifies) {
    Signal s = new Signal(start, end, country, names, names && qualifies);
    if (country >= 0 && seen.add(s)) { // «العراق» is a country name and the state's alias: one signal
      signals.add(s);
    }
  }

  CountryContext build(int countries) {
    if (!enabled || countries == 0) {
      return this;
    }
    int[] count = new int[countries];
    for (Signal s : signals) {
      count[s.country()]++;
    }
    int top = -1;
    int second = 0;
    for (int c = 0; c < countries; c++) {
      if (top < 0 || count[c] > count[top]) {
        if (top >= 0) {
          second = Math.max(second, count[top]);
        }
        top = c;
      } else {
        second = Math.max(second, count[c]);
      }
    }
    dominant = top >= 0 && count[top] >= 2 && count[top] > second ? top : -1;
    return this;
  }

  boolean enabled() {
    return enabled;
  }

  /** True when some signal outside the span names a country other than this one. */
  boolean anyOtherCountry(int country, int start, int end) {
    for (Signal s : signals) {
      if (s.country() != country && !(s.start() >= start && s.end() <= end)) {
        return true;
      }
    }
    return false;
  }

  /** The country a signal right next to the span names (see the class comment), or -1. */
  int qualifier(int start, int end) {
    for (Signal s : signals) {
      if (!s.qualifies()) {
        continue;
      }
      if (s.start() == end && end < d.n && d.sep[end] <= ArabicText.SEP_SOFT) {
        return s.country();
      }
      if (s.start() == end + 1 && end < d.n && d.sep[end] <= ArabicText.SEP_SOFT
          && d.sep[end + 1] <= ArabicText.SEP_SOFT && QUALIFIER_LINKS.contains(d.tok[end])) {
        return s.country();
      }
      if (s.end() == start && start > 0 && d.latin[start] && d.latin[start - 1]
          && d.sep[start] <= ArabicText.SEP_SOFT) {
        return s.country(); // "Saudi foreign minister", "Iraq's parliament"
      }
    }
    return -1;
  }

  /**
   * Is a place name at that span in a passage about Iraq (the question for an Iraqi place name that could be read
   * otherwise)? The qualifier, else a country named close by, else the countries the sentence names, else whether
   * the article says anything Iraqi at all: a war report led by «الولايات المتحدة» strikes in «العراق وسوريا», and
   * its places are Iraq's if the article names Iraq. The span's own signals do not count.
   */
  boolean placeInIraq(int start, int end, int iraq) {
    int q = qualifier(start, end);
    if (q >= 0) {
      return q == iraq;
    }
    Sentence around = sentenceAround(start, end, true);
    if (around.nearest() >= 0 && around.distance() <= NEAR) {
      return around.nearest() == iraq;
    }
    if (!around.countries().isEmpty()) {
      return around.countries().contains(iraq);
    }
    for (Signal s : signals) {
      if (s.country() == iraq && !(s.start() >= start && s.end() <= end)) {
        return true;
      }
    }
    return false;
  }

  /** The country of a mention at that span (see the class comment), or -1. */
  int countryAt(int start, int end) {
    int q = qualifier(start, end);
    if (q >= 0) {
      return q;
    }
    Sentence around = sentenceAround(start, end, false);
    if (around.nearest() >= 0 && around.distance() <= NEAR) {
      return around.nearest(); // «ثوار سوريا ونظام الأسد»: the country named right there
    }
    if (dominant >= 0) {
      return around.nearest() < 0 || around.nearest() == dominant ? dominant : -1;
    }
    return around.countries().size() == 1 ? around.countries().iterator().next() : -1;
  }

  /** What the span's sentence names within {@link #SENTENCE_WINDOW}: the nearest country, how far, and all of them. */
  private record Sentence(int nearest, int distance, Set<Integer> countries) {}

  private Sentence sentenceAround(int start, int end, boolean ignoreOwn) {
    int sid = sentence[start];
    int nearest = -1;
    int best = Integer.MAX_VALUE;
    Set<Integer> countries = new HashSet<>();
    for (Signal s : signals) {
      if (!s.names() || s.start() >= d.n || sentence[s.start()] != sid
          || ignoreOwn && s.start() >= start && s.end() <= end) {
        continue; // a person or body of another country nearby does not make the passage that country's
      }
      int distance = s.start() >= end ? s.start() - end : start >= s.end() ? start - s.end() : 0;
      if (distance > SENTENCE_WINDOW) {
        continue;
      }
      countries.add(s.country());
      if (distance < best) {
        best = distance;
        nearest = s.country();
      }
    }
    return new Sentence(nearest, best, countries);
  }

}
