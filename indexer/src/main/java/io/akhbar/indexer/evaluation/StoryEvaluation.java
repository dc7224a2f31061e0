package io.akhbar.indexer.evaluation;

import io.akhbar.core.Article;
import io.akhbar.gazetteer.ArabicText;
import io.akhbar.indexer.ArticleFactory;
import io.akhbar.indexer.InputScanner;
import io.akhbar.indexer.story.StoryFingerprint;
import io.akhbar.indexer.story.StoryFinder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The near-duplicate figures on a real corpus: every article is made as the indexer makes it and given its story by
 * the indexer's {@link StoryFinder}, in the corpus's order; then
 * <ul>
 *   <li>precision: of the hand-checked pairs ({@code relevance/duplicate-pairs.tsv}) that land in one story, the
 *   share labelled copies of one text (and recall on those labelled copies);</li>
 *   <li>recall against exact-opening duplicates: of the pairs of articles whose first {@value #OPENING} words are
 *   the same after normalization, the share in one story;</li>
 *   <li>what the story stage costs on one thread, articles per second.</li>
 * </ul>
 */
public final class StoryEvaluation {

  static final int OPENING = 80;

  public record Result(int articles, int stories, int articlesInShared, int crossSourceStories, long linkedSame,
      long linkedDifferent, long missedSame, long unsure, long openingPairs, long openingPairsTogether,
      double storySeconds, List<String> wrongTogether) {

    public double precision() {
      return linkedSame + linkedDifferent == 0 ? 1 : (double) linkedSame / (linkedSame + linkedDifferent);
    }

    public double labelledRecall() {
      return linkedSame + missedSame == 0 ? 1 : (double) linkedSame / (linkedSame + missedSame);
    }

    public double openingRecall() {
      return openingPairs == 0 ? 1 : (double) openingPairsTogether / openingPairs;
    }

    public String markdown() {
      return String.format(Locale.ROOT, """
          | measure | value | goal |
          | --- | --- | --- |
          | articles → stories | %,d → %,d (%,d articles share a story with another; %,d stories span two or more papers) | |
          | precision on the hand-checked pairs put in one story | %.3f (%d copies, %d not copies; %d unsure left out) | ≥ 0.98 |
          | recall on the hand-checked pairs labelled copies | %.3f (%d of %d) | |
          | recall against exact-opening duplicates (same first %d words) | %.4f (%,d of %,d pairs) | ≥ 0.99 |
          | the story stage alone, one thread | %.1f s = %,.0f articles/s | |
          """, articles, stories, articlesInShared, crossSourceStories, precision(), linkedSame, linkedDifferent, unsure,
          labelledRecall(), linkedSame, linkedSame + missedSame, OPENING, openingRecall(), openingPairsTogether,
          openingPairs, storySeconds, articles / Math.max(storySeconds, 1e-9))
          + (wrongTogether.isEmpty() ? "" : "\nNot copies, yet in one story: " + String.join(", ", wrongTogether) + "\n");
    }
  }

  private StoryEvaluation() {}

  public static Result run(Path corpus, Path pairs, ArticleFactory factory, double threshold) throws IOException {
    List<Article> articles = new ArrayList<>();
    new InputScanner().scan(List.of(corpus), input -> {
      if (factory.make(input) instanceof ArticleFactory.Result.Made made) {
        articles.add(made.article());
      }
    });
    StoryFinder finder = new StoryFinder(null, threshold);
    Map<String, Article> byId = new HashMap<>();
    long start = System.nanoTime();
    for (int i = 0; i < articles.size(); i += 500) {
      for (Article a : finder.assign(articles.subList(i, Math.min(articles.size(), i + 500)))) {
        byId.put(a.id(), a);
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;

    Map<String, Set<String>> sourcesByStory = new HashMap<>();
    Map<String, Integer> sizes = new HashMap<>();
    for (Article a : byId.values()) {
      sizes.merge(a.story(), 1, Integer::sum);
      sourcesByStory.computeIfAbsent(a.story(), k -> new HashSet<>()).add(a.source());
    }
    int shared = 0;
    for (int n : sizes.values()) {
      shared += n > 1 ? n : 0;
    }
    int cross = (int) sourcesByStory.values().stream().filter(s -> s.size() > 1).count();

    long same = 0;
    long different = 0;
    long missed = 0;
    long unsure = 0;
    List<String> wrong = new ArrayList<>();
    for (String line : Files.readAllLines(pairs, StandardCharsets.UTF_8)) {
      String[] f = line.split("\t");
      if (line.startsWith("#") || line.isBlank() || f[0].equals("id_a")) {
        continue;
      }
      Article a = byId.get(f[0]);
      Article b = byId.get(f[1]);
      if (a == null || b == null) {
        throw new IllegalArgumentException(pairs + ": no article " + (a == null ? f[0] : f[1]) + " in " + corpus);
      }
      boolean together = a.story().equals(b.story());
      switch (f[3].strip()) {
        case "same" -> {
          if (together) {
            same++;
          } else {
            missed++;
          }
        }
        case "different" -> {
          if (together) {
            different++;
            wrong.add(f[0] + " ~ " + f[1] + String.format(Locale.ROOT, " (%.2f; %s)", StoryFingerprint.similarity(
                StoryFingerprint.of(a.body(), a.url()), StoryFingerprint.of(b.body(), b.url())),
                a.story().equals(a.id()) || b.story().equals(b.id()) || a.story().equals(b.id()) || b.story().equals(a.id())
                    ? "direct" : "through " + a.story()));
          }
        }
        default -> unsure++;
      }
    }

    Map<String, List<Article>> byOpening = new HashMap<>();
    for (Article a : articles) {
      List<String> words = ArabicText.tokens(a.body());
      if (words.size() >= OPENING) {
        byOpening.computeIfAbsent(String.join(" ", words.subList(0, OPENING)), k -> new ArrayList<>()).add(byId.get(a.id()));
      }
    }
    long pairsAll = 0;
    long pairsTogether = 0;
    for (List<Article> group : byOpening.values()) {
      for (int i = 0; i < group.size(); i++) {
        for (int j = i + 1; j < group.size(); j++) {
          if (group.get(i).id().equals(group.get(j).id())) {
            continue;
          }
          pairsAll++;
          pairsTogether += group.get(i).story().equals(group.get(j).story()) ? 1 : 0;
        }
      }
    }
    return new Result(byId.size(), sizes.size(), shared, cross, same, different, missed, unsure, pairsAll,
        pairsTogether, seconds, wrong);
  }
}
