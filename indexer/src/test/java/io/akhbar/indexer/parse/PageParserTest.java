package io.akhbar.indexer.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PageParserTest {

    private static final String PARA1 = "أعلنت وزارة الداخلية العراقية، اليوم الأحد، عن اعتقال خلية إرهابية في محافظة "
            + "كركوك كانت تخطط لتنفيذ هجمات على مواقع أمنية.";
    private static final String PARA2 = "وقال المتحدث باسم الوزارة في بيان إن القوات الأمنية نفذت العملية بناء على "
            + "معلومات استخبارية دقيقة، وضبطت أسلحة ومتفجرات.";
    private static final String PARA3 = "وأضاف أن التحقيقات ما زالت جارية لمعرفة الجهات التي تقف خلف الخلية وتمويلها.";

    private static String page(String... lines) {
        return String.join("\n", lines);
    }

    private static void assertEmpty(ParsedPage p) {
        assertEquals("", p.title());
        assertEquals("", p.body());
        assertNull(p.publishedAt());
        assertEquals("und", p.language());
        assertTrue(p.isEmpty());
    }

    @Test
    void emptyTextGivesAnEmptyPage() {
        assertEmpty(PageParser.parse(""));
        assertEmpty(PageParser.parse(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {" ", "\n\n\n", " \t \n \u00A0 \n\r\n  ", "\u200F\u200E\uFEFF", "\uFFFD"})
    void whitespaceOnlyGivesAnEmptyPage(String text) {
        assertEmpty(PageParser.parse(text));
    }

    @Test
    void aPageOfOnlyBoilerplateIsEmpty() {
        assertEmpty(PageParser.parse(page("Skip to main content", "", "Menu", "(أرشيف)", "nocomment", "Exit mobile version")));
    }

    @Test
    void aTypicalArabicPageIsSplitIntoTitleDateBodyAndLanguage() {
        ParsedPage p = PageParser.parse(page(
                "Skip to main content", "", "الرئيسية » أخبار » العراق", "",
                "الداخلية تعلن اعتقال خلية إرهابية في كركوك", "",
                "الأحد 1 شباط 2021 - 10:15", "شارك", "0 تعليق", "",
                PARA1, "", PARA2, "", "اقرأ أيضاً: الكاظمي يتفقد قطعات الجيش في الموصل", "", PARA3, "",
                "Facebook Twitter WhatsApp", "Exit mobile version"));
        assertEquals("الداخلية تعلن اعتقال خلية إرهابية في كركوك", p.title());
        assertEquals(LocalDate.of(2021, 2, 1), p.publishedAt());
        assertEquals("ar", p.language());
        assertEquals(PARA1 + "\n\n" + PARA2 + "\n\n" + PARA3, p.body());
    }

    @Test
    void anEnglishPageIsEnglish() {
        ParsedPage p = PageParser.parse(page(
                "Skip to content", "Iraq News",
                "Baghdad airport reopens to international flights after three months",
                "Posted on July 23, 2020 by Staff", "3 comments",
                "Baghdad International Airport resumed commercial flights on Thursday after a closure imposed to stop the spread of the coronavirus.",
                "Read more", "The transport ministry said passengers must present a negative test taken within 72 hours."));
        assertEquals("Baghdad airport reopens to international flights after three months", p.title());
        assertEquals(LocalDate.of(2020, 7, 23), p.publishedAt());
        assertEquals("en", p.language());
        assertTrue(p.body().startsWith("Iraq News\n\nBaghdad International Airport resumed"));
        assertFalse(p.body().contains("Read more"));
    }

    @Test
    void aSoraniPageIsKurdish() {
        ParsedPage p = PageParser.parse(page(
                "حکومەتی هەرێم مووچەی فەرمانبەران دابەش دەکات",
                "5 کانوونی دووەم 2021",
                "حکومەتی هەرێمی کوردستان ڕایگەیاند کە مووچەی فەرمانبەران لە هەفتەی داهاتوودا دابەش دەکرێت و پارەکە لە بەغداوە گەیشتووە."));
        assertEquals("حکومەتی هەرێم مووچەی فەرمانبەران دابەش دەکات", p.title());
        assertEquals(LocalDate.of(2021, 1, 5), p.publishedAt());
        assertEquals("ku", p.language());
    }

    @Test
    void aSectionLabelIsNotTheTitle() {
        ParsedPage p = PageParser.parse(page("أخبار العراق", "", "انفجار يهز منطقة الكرادة وسط بغداد", "", PARA1, "", PARA2));
        assertEquals("انفجار يهز منطقة الكرادة وسط بغداد", p.title());
        assertTrue(p.body().startsWith("أخبار العراق\n\n" + PARA1));
    }

    @Test
    void aRepeatedHeadlineIsTheTitleAndAppearsOnce() {
        ParsedPage p = PageParser.parse(page(
                "شبكة أخبار بلاد الرافدين اليومية",
                "الداخلية تعلن اعتقال خلية إرهابية في كركوك", "", "الداخلية تعلن اعتقال خلية إرهابية في كركوك",
                PARA1, PARA2));
        assertEquals("الداخلية تعلن اعتقال خلية إرهابية في كركوك", p.title());
        assertFalse(p.body().contains("الداخلية تعلن"));
    }

    @Test
    void aSiteHeaderFollowedByAForeignTaglineIsNotTheTitle() {
        ParsedPage p = PageParser.parse(page(
                "مرصد الحريات الصحفية في العراق", "",
                "The Journalistic Freedoms Observatory monitors violations against journalists in Iraq and defends freedom of expression.", "",
                "مطالبات بالإفراج عن صحفيين معتقلين في السليمانية", "",
                PARA1, "", PARA2));
        assertEquals("مطالبات بالإفراج عن صحفيين معتقلين في السليمانية", p.title());
        assertEquals("ar", p.language());
    }

    @Test
    void subheadlineBulletsAndLeadInsAreNotTheTitle() {
        ParsedPage p = PageParser.parse(page(
                "– وزير الداخلية: العملية جاءت بعد رصد استمر أسابيع",
                "وقال المتحدث باسم الوزارة للصحفيين:",
                "اعتقال خلية إرهابية في كركوك قبل تنفيذ هجوم",
                PARA1, PARA2));
        assertEquals("اعتقال خلية إرهابية في كركوك قبل تنفيذ هجوم", p.title());
    }

    @Test
    void aPageWithNoTitleLikeLineTakesItsTitleFromTheFirstSentence() {
        ParsedPage p = PageParser.parse(page(PARA1, "", PARA2, "", PARA3));
        assertEquals("أعلنت وزارة الداخلية العراقية، اليوم الأحد، عن اعتقال خلية إرهابية في محافظة كركوك كانت تخطط…", p.title());
        assertEquals(PARA1 + "\n\n" + PARA2 + "\n\n" + PARA3, p.body(), "the body keeps every paragraph");
        assertEquals("ar", p.language());

        ParsedPage shortSentence = PageParser.parse(page("قتل ثلاثة أشخاص في انفجار ببغداد. " + PARA2));
        assertEquals("قتل ثلاثة أشخاص في انفجار ببغداد", shortSentence.title());

        ParsedPage labelsOnly = PageParser.parse(page("عاجل جدا", "بغداد"));
        assertEquals("عاجل جدا", labelsOnly.title());
        assertEquals("بغداد", labelsOnly.body());
    }

    @Test
    void aPageOfOneLongLineGetsATitleAndKeepsTheWholeLineAsBody() {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            line.append(PARA2).append(' ');
        }
        ParsedPage p = PageParser.parse(line.toString());
        assertTrue(p.title().endsWith("…") || p.title().length() < line.length());
        assertTrue(TextNormalizer.wordCount(p.title()) <= PageParser.FALLBACK_TITLE_WORDS);
        assertEquals(line.toString().strip(), p.body());
        assertEquals("ar", p.language());
    }

    @Test
    void invalidUtf8ReplacementCharactersAreRemoved() {
        byte[] title = "اعتقال خلية إرهابية في كركوك".getBytes(StandardCharsets.UTF_8);
        byte[] broken = new byte[title.length + 4];
        System.arraycopy(title, 0, broken, 2, title.length);
        broken[0] = (byte) 0xC3; // truncated sequences around the title
        broken[1] = (byte) 0x28;
        broken[title.length + 2] = (byte) 0xE2;
        broken[title.length + 3] = (byte) 0x82;
        String decoded = new String(broken, StandardCharsets.UTF_8);
        assertTrue(decoded.indexOf('\uFFFD') >= 0);

        ParsedPage p = PageParser.parse(decoded + "\n\n" + PARA1.replace("خلية", "خل\uFFFDية") + "\n\n\uFFFD\uFFFD\n\n" + PARA2);
        assertFalse(p.title().contains("\uFFFD"));
        assertFalse(p.body().contains("\uFFFD"));
        assertEquals("(اعتقال خلية إرهابية في كركوك", p.title());
        assertEquals(PARA1 + "\n\n" + PARA2, p.body());
    }

    @Test
    void anImpossibleDatelineGivesNoDateAndLeavesTheBody() {
        ParsedPage p = PageParser.parse(page("اعتقال خلية إرهابية في كركوك", "31 فبراير 2021", PARA1));
        assertNull(p.publishedAt());
        assertEquals(PARA1, p.body());
    }

    @Test
    void doubledHashtagMarkupIsCollapsed() {
        ParsedPage p = PageParser.parse(page("اعتقال خلية إرهابية في كركوك",
                "أصدر رئيس الوزراء العراقي، # #مصطفى_الكاظمي ، توجيهات بشأن # # #الأمن_الوطني في # #بغداد اليوم."));
        assertEquals("أصدر رئيس الوزراء العراقي، #مصطفى_الكاظمي ، توجيهات بشأن #الأمن_الوطني في #بغداد اليوم.", p.body());
    }

    @Test
    void aShortCaptionAfterACaptionMarkerIsDropped() {
        ParsedPage p = PageParser.parse(page("اعتقال خلية إرهابية في كركوك", "Site caption",
                "عناصر من الشرطة العراقية", PARA1));
        assertEquals(PARA1, p.body());
    }

    @Test
    void aDuplicatedLineIsKeptOnce() {
        ParsedPage p = PageParser.parse(page("اعتقال خلية إرهابية في كركوك", PARA1, "تقرير عراقي يحذر", PARA2, "تقرير عراقي يحذر"));
        assertEquals(PARA1 + "\n\nتقرير عراقي يحذر\n\n" + PARA2, p.body());
    }

    @Test
    void spacesInsideLinesAreCollapsed() {
        ParsedPage p = PageParser.parse("  اعتقال  خلية\u00A0إرهابية   في كركوك  \n" + PARA1.replace(" ", "  "));
        assertEquals("اعتقال خلية إرهابية في كركوك", p.title());
        assertEquals(PARA1, p.body());
    }

    @Test
    void parsingIsDeterministic() {
        String text = page("اعتقال خلية إرهابية في كركوك", "1 شباط 2021", PARA1, PARA2);
        assertEquals(PageParser.parse(text), PageParser.parse(text));
    }

    @Test
    void theParserNeverThrowsOnArbitraryText() {
        String[] pieces = {"\n", "\n\n", " ", "#", "# #", "(", ")", "[", "]", "/", ":", "-", "\u00A0", "\uFFFD",
            "\uD800", "\uDC00", "\u0000", "\u200F", "\u202E", "31 فبراير 2021", "23 أيار 2020", "٢٣", "۲۳",
            "caption", "Skip to main content", "(أرشيف)", "بغداد", "the", "ە", "😀", "2021-02-31", "12/13/2021",
            "posted on", "Feb", "كانون", "تشرين الأول", "»", "|", "…", ".", "\t", "\r", "\r\n", "\u2028", "x"};
        Random random = new Random(42);
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            for (int round = 0; round < 2000; round++) {
                StringBuilder text = new StringBuilder();
                int n = random.nextInt(200);
                for (int i = 0; i < n; i++) {
                    if (random.nextInt(4) == 0) {
                        text.append((char) random.nextInt(0x10000));
                    } else {
                        text.append(pieces[random.nextInt(pieces.length)]);
                    }
                }
                ParsedPage p = PageParser.parse(text.toString());
                assertNotNull(p.title());
                assertNotNull(p.body());
                assertNotNull(p.language());
            }
        });
    }

    @Test
    void pathologicalInputIsHandledQuicklyWithoutThrowing() {
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            assertNotNull(PageParser.parse("# ".repeat(200_000)));
            assertNotNull(PageParser.parse("(".repeat(200_000)));
            assertNotNull(PageParser.parse("1/".repeat(100_000)));
            assertNotNull(PageParser.parse("23 مايو ".repeat(50_000)));
            assertNotNull(PageParser.parse("بغداد\n".repeat(100_000)));
            assertNotNull(PageParser.parse(PARA1.repeat(5_000)));
            assertNotNull(PageParser.parse(("Site caption\n" + PARA1 + " " + PARA2 + "\n").repeat(20_000)));
        });
    }

    @Test
    void parsedPageCanBeBuiltFromGivenFields() {
        ParsedPage given = new ParsedPage(" عنوان ", null, LocalDate.of(2021, 2, 1), " AR ");
        assertEquals("عنوان", given.title());
        assertEquals("", given.body());
        assertEquals("ar", given.language());
        assertEquals(LocalDate.of(2021, 2, 1), given.published().orElseThrow());
        assertEquals("und", new ParsedPage(null, null, null, null).language());

        ParsedPage detected = ParsedPage.of("اعتقال خلية إرهابية في كركوك", PARA1, null);
        assertEquals("ar", detected.language());
        assertTrue(detected.published().isEmpty());
    }
}
