package io.akhbar.indexer.story;

import io.akhbar.core.Article;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Gives each article its story: the id of the first article it is a copy of (a wire story run by several papers, a
 * re-crawl, a lightly edited version), or its own id. A copy is an opening at least {@value #THRESHOLD} alike in
 * {@link StoryFingerprint#similarity} to an article of the story and to its first article; among several, the most
 * alike wins. A story id never changes once given: a
 * later copy joins the story of the earlier one, and a rerun of the same articles finds the same copies.
 *
 * <p>The articles of this run are compared in memory (the last {@value #WINDOW} of them: copies of one story arrive
 * within days, and a feed is read in order); articles stored before the run through a {@link Lookup} (the index's
 * {@code story_keys}), one request per batch.
 */
public final class StoryFinder {

  /** Chosen on the hand-checked pairs in {@code relevance/duplicate-pairs.tsv} (see docs/stories.md). */
  public static final double THRESHOLD = 0.65;
  static final int WINDOW = 10_000;
  /**
   * Articles compared with each new one, those sharing the most keys first: a copy shares most of its 35 keys, so
   * it is among them, and a text much like thousands of others (a template, a generated archive) costs a bounded
   * number of comparisons instead of the whole window.
   */
  static final int MAX_CANDIDATES = 32;
  /** Articles a key remembers, the newest: a key thousands share is a template's, and the newest suffice. */
  static final int MAX_PER_KEY = 64;

  /** A stored article that shares a key with one being indexed. */
  public record Candidate(String id, String story, StoryFingerprint fingerprint) {}

  /** Articles stored before this run that share a key with each fingerprint (excluding the article itself). */
  public interface Lookup {
    List<List<Candidate>> find(List<String> ids, List<StoryFingerprint> fingerprints) throws IOException;
  }

  private final Lookup stored;
  private final double threshold;
  private final Window window = new Window(WINDOW);

  /** {@code stored}: null when nothing was stored before the run. */
  public StoryFinder(Lookup stored) {
    this(stored, THRESHOLD);
  }

  /** With another threshold: the evaluation's comparisons. */
  public StoryFinder(Lookup stored, double threshold) {
    this.stored = stored;
    this.threshold = threshold;
  }

  /** The articles, in order, each with its story and keys. */
  public List<Article> assign(List<Article> articles) throws IOException {
    List<StoryFingerprint> fingerprints = new ArrayList<>(articles.size());
    List<String> ids = new ArrayList<>(articles.size());
    for (Article a : articles) {
      fingerprints.add(StoryFingerprint.of(a.body(), a.url()));
      ids.add(a.id());
    }
    List<List<Candidate>> before = stored == null ? null : stored.find(ids, fingerprints);
    List<Article> out = new ArrayList<>(articles.size());
    for (int i = 0; i < articles.size(); i++) {
      Article a = articles.get(i);
      StoryFingerprint fp = fingerprints.get(i);
      List<Candidate> candidates = window.sharingAKey(fp);
      if (before != null) {
        candidates.addAll(before.get(i));
      }
      Map<String, Double> similarities = new HashMap<>();
      for (Candidate c : candidates) {
        if (!c.id().equals(a.id())) {
          similarities.merge(c.id(), StoryFingerprint.similarity(fp, c.fingerprint()), Math::max);
        }
      }
      String story = a.id();
      double best = 0;
      for (Candidate c : candidates) {
        double s = similarities.getOrDefault(c.id(), 0.0);
        // a copy of a copy joins only if it is a copy of the story's first article too: no chains through a
        // template (congratulation cables to ten heads of state are ten stories, not one); the same text, lead or
        // URL is a copy of that article, whatever the rest of the story
        if (s >= threshold && s > best && (s >= 1.0 || similarities.getOrDefault(c.story(), 0.0) >= threshold)) {
          best = s;
          story = c.story();
        }
      }
      window.add(new Candidate(a.id(), story, fp));
      out.add(a.withStory(story, fp.keys()));
    }
    return out;
  }

  /** The last articles seen, findable by key; the oldest drops out when full. */
  private static final class Window {
    private final Candidate[] slots;
    private final Map<String, java.util.ArrayDeque<Integer>> byKey = new HashMap<>();
    private int next;

    Window(int size) {
      slots = new Candidate[size];
    }

    /**
     * The {@link #MAX_CANDIDATES} articles sharing the most keys with {@code fp} (an exact key first), the newest
     * first among equals.
     */
    List<Candidate> sharingAKey(StoryFingerprint fp) {
      Map<Integer, Integer> shared = new HashMap<>();
      for (String k : fp.keys()) {
        java.util.ArrayDeque<Integer> slotsWithKey = byKey.get(k);
        // the same text, opening or URL (x., o., u.) outweighs every band: such an article is compared first
        int weight = k.startsWith(StoryFingerprint.BAND_PREFIX) ? 1 : StoryFingerprint.BANDS + 1;
        if (slotsWithKey != null) {
          slotsWithKey.forEach(slot -> shared.merge(slot, weight, Integer::sum));
        }
      }
      return shared.entrySet().stream()
          .sorted(java.util.Comparator.<Map.Entry<Integer, Integer>>comparingInt(Map.Entry::getValue).reversed()
              .thenComparingInt(e -> Math.floorMod(next - 1 - e.getKey(), slots.length)))
          .limit(MAX_CANDIDATES).map(e -> slots[e.getKey()])
          .collect(java.util.stream.Collectors.toCollection(ArrayList::new));
    }

    void add(Candidate c) {
      Candidate old = slots[next];
      if (old != null) {
        for (String k : old.fingerprint().keys()) {
          java.util.ArrayDeque<Integer> list = byKey.get(k);
          if (list != null) {
            list.remove(next);
            if (list.isEmpty()) {
              byKey.remove(k);
            }
          }
        }
      }
      slots[next] = c;
      for (String k : c.fingerprint().keys()) {
        java.util.ArrayDeque<Integer> list = byKey.computeIfAbsent(k, x -> new java.util.ArrayDeque<>(2));
        list.addLast(next);
        if (list.size() > MAX_PER_KEY) {
          list.pollFirst();
        }
      }
      next = (next + 1) % slots.length;
    }
  }
}
