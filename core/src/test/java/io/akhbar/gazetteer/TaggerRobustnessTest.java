package io.akhbar.gazetteer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class TaggerRobustnessTest {

  @Test
  void arbitraryUnicodeNeverThrows() {
    Random random = new Random(7);
    Tagger tagger = Fixtures.tagger();
    for (int i = 0; i < 2000; i++) {
      StringBuilder sb = new StringBuilder();
      int len = random.nextInt(200);
      for (int k = 0; k < len; k++) {
        int roll = random.nextInt(10);
        if (roll < 4) {
          sb.append((char) (0x0600 + random.nextInt(0x100))); // Arabic block, marks included
        } else if (roll < 5) {
          sb.appendCodePoint(0x1F300 + random.nextInt(500)); // emoji (surrogate pairs)
        } else if (roll < 6) {
          sb.append((char) random.nextInt(0x3000));
        } else if (roll < 7) {
          sb.append(random.nextBoolean() ? "ال" : " ي ");
        } else if (roll < 8) {
          sb.append(random.nextBoolean() ? '\uD800' : '\uDC00'); // unpaired surrogates
        } else {
          String punctuation = " #_.,،'’\n";
          sb.append(punctuation.charAt(random.nextInt(punctuation.length())));
        }
      }
      String s = sb.toString();
      tagger.tag(s, s, LocalDate.of(2020, 1, 1));
      assertEquals(String.join(" ", ArabicText.tokens(s)), ArabicText.normalize(s));
    }
  }

  @Test
  void aVeryLongWordAndAHugeArticleAreFine() {
    String longWord = "ب".repeat(10_000);
    assertEquals(List.of(), Fixtures.tagger().tag(null, longWord, null).provinces());
    String huge = "انفجار في بغداد ".repeat(20_000);
    assertEquals(List.of("IQ-BG"), Fixtures.tagger().tag(null, huge, null).provinces());
  }

  @Test
  void oneTaggerIsSafeToShareBetweenThreads() throws Exception {
    Tagger tagger = Fixtures.tagger();
    List<String> texts = List.of("وبغداد والبصرة", "قضاء بلد ومدينة حديثة", "أبو بكر البغدادي", "رئيس الوزراء العراقي",
        "مقتدى الصدر وقيس الخزعلي في مدينة الصدر");
    List<Tags> expected = new ArrayList<>();
    for (String t : texts) {
      expected.add(tagger.tag(null, t, LocalDate.of(2021, 1, 1)));
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int w = 0; w < 8; w++) {
        results.add(pool.submit(() -> {
          for (int i = 0; i < 500; i++) {
            int k = i % texts.size();
            if (!tagger.tag(null, texts.get(k), LocalDate.of(2021, 1, 1)).equals(expected.get(k))) {
              return false;
            }
          }
          return true;
        }));
      }
      for (Future<Boolean> f : results) {
        assertTrue(f.get());
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
