package io.akhbar.indexer.story;

import io.akhbar.core.testing.StoryTexts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class StoryFingerprintTest {

  @Test
  void theSameTextGivesTheSameKeysInEveryRun() {
    StoryFingerprint a = StoryFingerprint.of(StoryTexts.WIRE, "http://p/1");
    assertEquals(a, StoryFingerprint.of(StoryTexts.WIRE, "http://p/1"));
    assertEquals(StoryFingerprint.BANDS + 3, a.keys().size(), a.keys().toString()); // bands, lead, text, URL
    assertTrue(a.keys().get(0).startsWith("s0."), a.keys().toString());
  }

  @Test
  void punctuationAndDiacriticsDoNotMakeAnotherText() {
    assertEquals(1.0, StoryFingerprint.similarity(StoryFingerprint.of(StoryTexts.WIRE, null),
        StoryFingerprint.of(StoryTexts.WIRE_THIRD, null)));
  }

  @Test
  void anEditedCopyIsAlikeAndAnotherArticleIsNot() {
    double copy = StoryFingerprint.similarity(StoryFingerprint.of(StoryTexts.WIRE, null),
        StoryFingerprint.of(StoryTexts.WIRE_COPY, null));
    double other = StoryFingerprint.similarity(StoryFingerprint.of(StoryTexts.WIRE, null),
        StoryFingerprint.of(StoryTexts.OTHER, null));
    assertTrue(copy >= StoryFinder.THRESHOLD && copy < 1, "copy " + copy);
    assertTrue(other < 0.05, "other " + other);
  }

  @Test
  void eachTextGivingAFigureTheOtherLacksIsNotACopy() {
    assertEquals(0.0, StoryFingerprint.similarity(StoryFingerprint.of(StoryTexts.reliefFlight(4, 20), null),
        StoryFingerprint.of(StoryTexts.reliefFlight(5, 35), null)));
    // one copy adding a figure (a date line) is still a copy
    assertTrue(StoryFingerprint.similarity(StoryFingerprint.of(StoryTexts.reliefFlight(4, 20), null),
        StoryFingerprint.of("2015 " + StoryTexts.reliefFlight(4, 20), null)) > 0.9);
  }

  @Test
  void aShortTextIsComparedOnlyWhole() {
    StoryFingerprint shortText = StoryFingerprint.of("وصل الوفد إلى الرياض اليوم", null);
    assertEquals(List.of("x."), shortText.keys().stream().map(k -> k.substring(0, 2)).toList());
    assertEquals(1.0, StoryFingerprint.similarity(shortText, StoryFingerprint.of("وصل الوفدُ إلى الرياض، اليوم.", null)));
    assertEquals(0.0, StoryFingerprint.similarity(shortText, StoryFingerprint.of("وصل الوفد إلى جدة اليوم", null)));
  }
}
