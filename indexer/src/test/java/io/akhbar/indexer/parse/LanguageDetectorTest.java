package io.akhbar.indexer.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LanguageDetectorTest {

    private static final String ARABIC = "أطلقت مجموعة من النشطاء في العراق حملة إلكترونية لجمع تواقيع لحث تويتر على إغلاق "
            + "حسابات قادة الميليشيات وفي مقدمتهم مقتدى الصدر وقيس الخزعلي.";
    private static final String ENGLISH = "The Iraqi Civil Society Solidarity Initiative is dedicated to bringing together "
            + "Iraqi and international civil societies through concrete actions.";
    private static final String SORANI = "سەرۆکی حکومەتی هەرێمی کوردستان ڕایگەیاند کە مووچەی فەرمانبەران لە هەفتەی "
            + "داهاتوودا دابەش دەکرێت و پارەکە لە بەغداوە گەیشتووە.";

    @Test
    void arabicTextIsArabic() {
        assertEquals("ar", LanguageDetector.detect(ARABIC));
    }

    @Test
    void englishTextIsEnglish() {
        assertEquals("en", LanguageDetector.detect(ENGLISH));
    }

    @Test
    void soraniTextIsKurdish() {
        assertEquals("ku", LanguageDetector.detect(SORANI));
        assertEquals("ku", LanguageDetector.detect("هەواڵی ڕۆژ لە هەولێر"));
    }

    @Test
    void arabicStoryQuotingKurdishPlaceNamesStaysArabic() {
        assertEquals("ar", LanguageDetector.detect(ARABIC + " وقال مسؤول في هەولێر إن " + ARABIC));
    }

    @Test
    void mixedPageIsTheLanguageOfItsMajorityScript() {
        assertEquals("ar", LanguageDetector.detect(ARABIC + "\n\n" + ENGLISH + "\n\n" + ARABIC));
        assertEquals("en", LanguageDetector.detect(ENGLISH + " (مقتدى الصدر) " + ENGLISH));
    }

    @Test
    void persianSpellingIsNotTakenForArabic() {
        assertEquals("und", LanguageDetector.detect(
                "وزیر امور خارجه ایران امروز در سفر به بغداد با همتای عراقی خود دیدار و گفتگو کرد و پیام رئیس جمهور را تحویل داد"));
    }

    @Test
    void otherScriptsAreUndetermined() {
        assertEquals("und", LanguageDetector.detect("Министр иностранных дел Ирака прибыл в Москву"));
    }

    @Test
    void tooFewLettersIsUndetermined() {
        assertEquals("und", LanguageDetector.detect(null));
        assertEquals("und", LanguageDetector.detect(""));
        assertEquals("und", LanguageDetector.detect("   "));
        assertEquals("und", LanguageDetector.detect("2021 - 12:30 / 5%"));
        assertEquals("und", LanguageDetector.detect("بغداد"));
        assertEquals("und", LanguageDetector.detect("\uFFFD\uFFFD\uFFFD"));
    }

    @Test
    void digitsAndPunctuationDoNotCount() {
        assertEquals("ar", LanguageDetector.detect("1234567890 2021/02/01 " + ARABIC + " 1234567890 !!!"));
    }
}
