package io.akhbar.indexer.story;

import io.akhbar.gazetteer.ArabicText;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What near-duplicate detection knows of one article: the word 3-shingles of its opening and the keys under which
 * its possible copies are looked up. Pure.
 *
 * <p>The opening is the first {@value #OPENING_WORDS} words of the body after {@link ArabicText#normalize} (diacritics,
 * hamza seats, punctuation folded), so two papers' copies of one wire story compare equal whatever their
 * punctuation, and a paper that prints only the first paragraphs still meets the full copy. The body, not the title:
 * papers rewrite headlines and keep the text.
 *
 * <p>Keys (stored in {@code story_keys}, indexed, looked up with a {@code terms} query):
 * <ul>
 *   <li>{@value #BANDS} MinHash bands of {@value #ROWS} rows each (locality-sensitive hashing): two openings with
 *   Jaccard similarity J share at least one band with probability 1 − (1 − J³)³² — 0.986 at J = 0.5, 0.9996 at
 *   J = 0.6 — and a shared band is only a candidate: {@link #similarity} decides;</li>
 *   <li>the whole normalized body ({@code x.}), so identical texts meet however short;</li>
 *   <li>the URL ({@code u.}), so a re-crawl of a page is the same story whatever its text became.</li>
 * </ul>
 * Hashes are fixed functions of the text (no random seeds), so a rerun computes the same keys.
 */
public record StoryFingerprint(long[] shingles, List<String> keys, java.util.Set<String> numbers) {

  static final int OPENING_WORDS = 150;
  /** Below this, a text is too short to compare by shingles: only an identical text (or URL) is a copy. */
  static final int MIN_WORDS = 20;
  static final int BANDS = 32;
  static final int ROWS = 3;
  static final String BAND_PREFIX = "s";
  static final String TEXT_PREFIX = "x.";
  static final String URL_PREFIX = "u.";
  static final String OPENING_PREFIX = "o.";
  /** Two bodies whose first {@value} words are the same open with one lead: a copy, whatever follows. */
  static final int SAME_LEAD_WORDS = 80;

  public static StoryFingerprint of(String body, String url) {
    List<String> words = ArabicText.tokens(body == null ? "" : body);
    List<String> keys = new ArrayList<>(BANDS + 2);
    long[] shingles = new long[0];
    java.util.Set<String> numbers = new java.util.TreeSet<>();
    if (words.size() >= MIN_WORDS) {
      List<String> opening = words.subList(0, Math.min(OPENING_WORDS, words.size()));
      for (String w : opening) {
        if (!w.isEmpty() && w.chars().allMatch(Character::isDigit)) {
          numbers.add(w);
        }
      }
      shingles = shingles(opening);
      long[] minima = minHash(shingles);
      for (int band = 0; band < BANDS; band++) {
        long h = 0x9E3779B97F4A7C15L * (band + 1);
        for (int row = 0; row < ROWS; row++) {
          h = mix(h ^ minima[band * ROWS + row]);
        }
        keys.add(BAND_PREFIX + band + "." + hex(h));
      }
    }
    if (words.size() >= SAME_LEAD_WORDS) {
      keys.add(OPENING_PREFIX + hex(hashWords(words.subList(0, SAME_LEAD_WORDS))));
    }
    if (!words.isEmpty()) {
      keys.add(TEXT_PREFIX + hex(hashWords(words)));
    }
    if (url != null && !url.isBlank()) {
      keys.add(URL_PREFIX + hex(hashString(url.strip())));
    }
    return new StoryFingerprint(shingles, List.copyOf(keys), java.util.Collections.unmodifiableSet(numbers));
  }

  /**
   * How alike two openings are: 1 for the same text, URL or lead; 0 when each gives a number the other lacks (the
   * fourth relief flight and the fifth, 30 facilities fined and 23: one template, two reports); else the Jaccard
   * similarity of their shingle sets (0 when either is too short to have any).
   */
  public static double similarity(StoryFingerprint a, StoryFingerprint b) {
    for (String k : a.keys) {
      if ((k.startsWith(TEXT_PREFIX) || k.startsWith(URL_PREFIX) || k.startsWith(OPENING_PREFIX)) && b.keys.contains(k)) {
        return 1.0;
      }
    }
    if (!b.numbers.containsAll(a.numbers) && !a.numbers.containsAll(b.numbers)) {
      return 0;
    }
    return jaccard(a.shingles, b.shingles);
  }

  static double jaccard(long[] a, long[] b) {
    if (a.length == 0 || b.length == 0) {
      return 0;
    }
    int i = 0;
    int j = 0;
    int common = 0;
    while (i < a.length && j < b.length) {
      if (a[i] == b[j]) {
        common++;
        i++;
        j++;
      } else if (a[i] < b[j]) {
        i++;
      } else {
        j++;
      }
    }
    return (double) common / (a.length + b.length - common);
  }

  /** The sorted, distinct hashes of every run of three consecutive words. */
  static long[] shingles(List<String> words) {
    long[] hashes = new long[Math.max(0, words.size() - 2)];
    for (int i = 0; i + 2 < words.size(); i++) {
      hashes[i] = mix(mix(mix(hashString(words.get(i))) ^ hashString(words.get(i + 1))) ^ hashString(words.get(i + 2)));
    }
    Arrays.sort(hashes);
    int n = 0;
    for (int i = 0; i < hashes.length; i++) {
      if (i == 0 || hashes[i] != hashes[i - 1]) {
        hashes[n++] = hashes[i];
      }
    }
    return Arrays.copyOf(hashes, n);
  }

  private static long[] minHash(long[] shingles) {
    long[] minima = new long[BANDS * ROWS];
    Arrays.fill(minima, Long.MAX_VALUE);
    for (long s : shingles) {
      for (int k = 0; k < minima.length; k++) {
        long h = mix(s ^ SEEDS[k]);
        if (h < minima[k]) {
          minima[k] = h;
        }
      }
    }
    return minima;
  }

  private static final long[] SEEDS = new long[BANDS * ROWS];

  static {
    long x = 0x2545F4914F6CDD1DL;
    for (int k = 0; k < SEEDS.length; k++) {
      x = mix(x + 0x9E3779B97F4A7C15L);
      SEEDS[k] = x;
    }
  }

  private static long hashWords(List<String> words) {
    long h = 0x84222325CBF29CE4L;
    for (String w : words) {
      h = mix(h ^ hashString(w));
    }
    return h;
  }

  /** A 64-bit hash of a string (FNV-1a over its UTF-16 chars), fixed across JVMs unlike identity hashes. */
  static long hashString(String s) {
    long h = 0xCBF29CE484222325L;
    for (int i = 0; i < s.length(); i++) {
      h ^= s.charAt(i);
      h *= 0x100000001B3L;
    }
    return h;
  }

  /** The SplitMix64 finalizer: spreads every input bit over the whole word. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  private static String hex(long h) {
    return Long.toHexString(h >>> 16); // 48 bits: collisions stay negligible among millions of keys per band
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StoryFingerprint f && Arrays.equals(shingles, f.shingles) && keys.equals(f.keys)
        && numbers.equals(f.numbers);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(shingles) + keys.hashCode();
  }

  @Override
  public String toString() {
    return "StoryFingerprint" + keys;
  }
}
