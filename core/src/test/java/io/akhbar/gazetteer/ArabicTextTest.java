package io.akhbar.gazetteer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ArabicTextTest {

  @Test
  void diacriticsAndTatweelAreRemoved() {
    assertEquals("محمد", ArabicText.normalize("مُحَمَّـــد"));
    assertEquals("وجه", ArabicText.normalize("وجّّه"));
    assertEquals("الرحمن", ArabicText.normalize("الرَّحْمٰنِ"));
  }

  @Test
  void alefVariantsBecomeBareAlef() {
    assertEquals("احمد ابراهيم اذار الله", ArabicText.normalize("أحمد إبراهيم آذار ٱلله"));
  }

  @Test
  void alefMaksuraBecomesYehAndTehMarbutaBecomesHeh() {
    assertEquals("مستشفي مدينه", ArabicText.normalize("مستشفى مدينة"));
    assertEquals("ديالي", ArabicText.normalize("ديالى"));
  }

  @Test
  void persianAndKurdishLettersFoldToArabic() {
    assertEquals("سليماني", ArabicText.normalize("سلێمانی"));
    assertEquals("كركوك", ArabicText.normalize("کرکوک"));
    assertEquals("ههولير", ArabicText.normalize("هەولێر"));
    assertEquals("رانيه", ArabicText.normalize("ڕانیە"));
  }

  @Test
  void hamzaSeatsFoldAndStandaloneHamzaIsRemoved() {
    assertEquals("موتمر", ArabicText.normalize("مؤتمر"));
    assertEquals("رييس الوزرا", ArabicText.normalize("رئيس الوزراء"));
    assertEquals("كربلا", ArabicText.normalize("كربلاء"));
  }

  @Test
  void arabicIndicAndPersianDigitsBecomeAscii() {
    assertEquals("2021 و1400", ArabicText.normalize("٢٠٢١ و۱۴۰۰"));
  }

  @Test
  void hashtagsUnderscoresQuotesAndPunctuationBecomeSpaces() {
    assertEquals("مصطفي الكاظمي", ArabicText.normalize("# #مصطفى_الكاظمي"));
    assertEquals("الكاظمي", ArabicText.normalize("“الكاظمي”،"));
    assertEquals("ثار الله", ArabicText.normalize("«ثأر الله»"));
    assertEquals("a b c", ArabicText.normalize("  a\t\n b… (c) "));
  }

  @Test
  void latinIsLowerCasedAndStrippedOfAccents() {
    assertEquals("sulaymaniyah", ArabicText.normalize("Sulaymānīyah"));
    assertEquals("hadith", ArabicText.normalize("Ḥadīth"));
    assertEquals("mustafa al kadhimi", ArabicText.normalize("Mustafa al-Kadhimi"));
  }

  @Test
  void apostropheStaysOnlyInsideALatinWord() {
    assertEquals("tha'r allah", ArabicText.normalize("Tha’r Allah"));
    assertEquals("asa'ib ahl al haq", ArabicText.normalize("Asa'ib Ahl al-Haq"));
    assertEquals("quoted", ArabicText.normalize("'quoted'"));
  }

  @Test
  void compatibilityFormsAreNormalized() {
    assertEquals("لا", ArabicText.normalize("ﻻ"));
    assertEquals("الله", ArabicText.normalize("ﷲ"));
    assertEquals("abc", ArabicText.normalize("ＡＢＣ"));
  }

  @Test
  void invisibleCharactersDoNotSplitWords() {
    assertEquals("بغداد", ArabicText.normalize("بغ\u200Cداد\u200F"));
  }

  @Test
  void tokensSplitOnAnythingButLettersAndDigits() {
    assertEquals(List.of("قضا", "الطارميه", "شمالي", "بغداد"),
        ArabicText.tokens("قضاء # #الطارمية ، شمالي # #بغداد"));
    assertEquals(List.of("ال", "بغداد", "ي"), ArabicText.tokens("“ال #بغداد ي”"));
    assertEquals(List.of("iraq's", "pm", "3", "5"), ArabicText.tokens("Iraq's PM: 3.5"));
  }

  @Test
  void normalizeIsTheJoinedTokens() {
    String s = "وكان المتحدث الرسمي لمجلس أعيان وشخصيات العراق وصلاح الدين، طامي المجمعي (2021) #داعش";
    assertEquals(String.join(" ", ArabicText.tokens(s)), ArabicText.normalize(s));
  }

  @Test
  void nullAndEmptyAreEmpty() {
    assertEquals("", ArabicText.normalize(null));
    assertEquals("", ArabicText.normalize(" ، "));
    assertEquals(List.of(), ArabicText.tokens(null));
  }

  @Test
  void scanRecordsSeparatorStrengthAndCase() {
    ArabicText.Tokens t = ArabicText.scan("Clashes in Hit, then U.S. forces left.", "Next");
    assertEquals(List.of("clashes", "in", "hit", "then", "u", "s", "forces", "left", "next"), t.asList());
    assertEquals(ArabicText.SEP_SENTENCE, t.sep[0]);
    assertEquals(ArabicText.SEP_SPACE, t.sep[1]);
    assertEquals(ArabicText.SEP_CLAUSE, t.sep[3]);
    assertEquals(ArabicText.SEP_SOFT, t.sep[5]); // U.S
    assertEquals(ArabicText.SEP_SENTENCE, t.sep[8]); // title/body boundary
    assertEquals(true, t.capitalized[2]);
    assertEquals(true, t.allCaps[4]);
  }
}
