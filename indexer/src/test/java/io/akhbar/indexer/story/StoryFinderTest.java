package io.akhbar.indexer.story;

import io.akhbar.core.testing.StoryTexts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.akhbar.core.Article;
import java.util.List;
import org.junit.jupiter.api.Test;

class StoryFinderTest {

  static Article article(String id, String body, String url) {
    return new Article(id, "t " + id, body, null, "ar", "src", url, List.of(), List.of(), List.of(), "h", null, "v",
        null, id, List.of());
  }

  @Test
  void copiesOfOneWireTextFromThreePapersShareTheFirstArticlesStory() throws Exception {
    List<Article> out = new StoryFinder(null).assign(List.of(article("a", StoryTexts.WIRE, null),
        article("b", StoryTexts.OTHER, null), article("c", StoryTexts.WIRE_COPY, null),
        article("d", StoryTexts.WIRE_THIRD, null)));
    assertEquals(List.of("a", "b", "a", "a"), out.stream().map(Article::story).toList());
    assertTrue(out.get(0).storyKeys().size() > StoryFingerprint.BANDS, "bands, the opening and the text");
  }

  @Test
  void aTemplateWithAnotherFigureIsAnotherStory() throws Exception {
    List<Article> out = new StoryFinder(null).assign(List.of(article("f4", StoryTexts.reliefFlight(4, 20), null),
        article("f5", StoryTexts.reliefFlight(5, 35), null)));
    assertEquals("f5", out.get(1).story());
  }

  @Test
  void aCopyStillFindsItsOriginalBehindHundredsOfTemplateTextsLikeIt() throws Exception {
    // hundreds of relief-flight notes share most keys with the first; each is its own story (its figures differ),
    // and comparisons per article are bounded, yet a later copy of the first still joins it
    List<Article> in = new java.util.ArrayList<>();
    in.add(article("first", StoryTexts.reliefFlight(1, 10), null));
    for (int i = 2; i < 2 + 3 * StoryFinder.MAX_PER_KEY; i++) {
      in.add(article("t" + i, StoryTexts.reliefFlight(i, 10 + i), null));
    }
    in.add(article("copy", StoryTexts.reliefFlight(1, 10), null));
    List<Article> out = new StoryFinder(null).assign(in);
    assertEquals("first", out.get(out.size() - 1).story());
    assertEquals(in.size() - 1, out.stream().map(Article::story).distinct().count(), "every template its own story");
  }

  @Test
  void aRecrawlOfTheSameUrlIsTheSameStoryWhateverItsText() throws Exception {
    List<Article> out = new StoryFinder(null).assign(List.of(article("p1", StoryTexts.WIRE, "http://x/1"),
        article("p2", StoryTexts.OTHER, "http://x/1")));
    assertEquals("p1", out.get(1).story());
  }

  @Test
  void aCopyOfACopyJoinsOnlyIfItCopiesTheStorysFirstArticleToo() throws Exception {
    // b is a copy of a, c of b but not of a: c starts a story of its own rather than chaining to a's
    String a = StoryTexts.WIRE;
    String b = StoryTexts.WIRE.substring(0, StoryTexts.WIRE.length() / 2) + " " + StoryTexts.OTHER.substring(0, 120);
    String c = StoryTexts.WIRE.substring(0, StoryTexts.WIRE.length() / 2).replace("وزارة", "هيئة") + " "
        + StoryTexts.OTHER;
    StoryFingerprint fa = StoryFingerprint.of(a, null);
    StoryFingerprint fb = StoryFingerprint.of(b, null);
    StoryFingerprint fc = StoryFingerprint.of(c, null);
    List<Article> out = new StoryFinder(null, 0.3).assign(List.of(article("a", a, null), article("b", b, null),
        article("c", c, null)));
    assertTrue(StoryFingerprint.similarity(fa, fb) >= 0.3 && StoryFingerprint.similarity(fb, fc) >= 0.3,
        StoryFingerprint.similarity(fa, fb) + " " + StoryFingerprint.similarity(fb, fc));
    assertTrue(StoryFingerprint.similarity(fa, fc) < 0.3, "" + StoryFingerprint.similarity(fa, fc));
    assertEquals("a", out.get(1).story());
    assertNotEquals("a", out.get(2).story());
  }

  @Test
  void storedArticlesFoundThroughTheLookupGiveTheirStoryToALaterCopy() throws Exception {
    StoryFinder.Lookup stored = (ids, fps) -> List.of(List.of(new StoryFinder.Candidate("old", "old",
        StoryFingerprint.of(StoryTexts.WIRE, null))), List.of());
    List<Article> out = new StoryFinder(stored).assign(List.of(article("new", StoryTexts.WIRE_COPY, null),
        article("x", StoryTexts.OTHER, null)));
    assertEquals(List.of("old", "x"), out.stream().map(Article::story).toList());
  }
}
