package io.akhbar.indexer.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The five scraped pages in src/test/resources/pages (copies of /seeds), end to end. */
class SeedPagesTest {

    static String page(String name) {
        try (InputStream in = SeedPagesTest.class.getResourceAsStream("/pages/" + name)) {
            assertNotNull(in, "fixture " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static int occurrences(String text, String part) {
        int count = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            count++;
        }
        return count;
    }

    static void assertWellFormedBody(ParsedPage p) {
        assertFalse(p.body().isEmpty(), "body");
        for (String paragraph : p.body().split("\n\n", -1)) {
            assertFalse(paragraph.isBlank(), "no empty paragraph");
            assertFalse(paragraph.contains("\n"), "one paragraph per block");
            assertEquals(paragraph.strip(), paragraph, "paragraphs are trimmed");
        }
        assertFalse(p.body().startsWith(p.title()), "the title is not repeated at the start of the body");
        assertFalse(p.body().contains("# #"), "doubled hashtag markup is collapsed");
        assertFalse(p.body().contains("\u00A0"), "no NBSP");
    }

    @Test
    void seed000TitleDateLanguageAndBoilerplate() {
        ParsedPage p = PageParser.parse(page("000_fd68746ebedfb1b1.txt"));
        assertEquals("حملة إلكترونية لإغلاق حسابات قادة الميليشيات على تويتر", p.title());
        assertEquals(LocalDate.of(2021, 2, 1), p.publishedAt());
        assertEquals("ar", p.language());
        assertWellFormedBody(p);
        assertFalse(p.body().contains("Skip to main content"));
        assertFalse(p.body().contains("caption"));
        assertFalse(p.body().contains("posted on"));
        assertFalse(p.body().contains("nocomment"));
        assertFalse(p.body().contains(p.title()), "title once, as the title");
        assertEquals(1, occurrences(p.body(), "العديد من التقارير أكدت"),
                "the caption quoting the story is dropped; the story keeps the sentence");
        assertTrue(p.body().startsWith("قادة الميليشيات\n\nأطلقت مجموعة من النشطاء"), p.body().substring(0, 80));
        assertTrue(p.body().endsWith("عمليات قتل المتظاهرين العراقيين السلميين\"."), "last paragraph kept");
    }

    @Test
    void seed001PrefersTheStatementHeadlineOverTheSiteHeader() {
        ParsedPage p = PageParser.parse(page("001_0168d861f0f10f1e.txt"));
        assertEquals("بيان تضامن بشأن الاحتجاجات في الناصرية", p.title());
        assertNull(p.publishedAt());
        assertEquals("ar", p.language(), "Arabic majority although an English paragraph is present");
        assertWellFormedBody(p);
        assertTrue(p.body().contains("The Iraqi Civil Society Solidarity Initiative (ICSSI) is dedicated"),
                "real English content is kept");
        assertTrue(p.body().contains("المبادرة الدولية للتضامن مع المجتمع المدني العراقي"));
        assertFalse(p.body().contains(p.title()));
    }

    @Test
    void seed002DatelineWithWeekdayAndTimeGivesTheDateAndArchiveMarkersGo() {
        ParsedPage p = PageParser.parse(page("002_d18f1c8faf6ecd10.txt"));
        assertEquals("هاتف بومبيو للكاظمي يشعل عملاء إيران", p.title());
        assertEquals(LocalDate.of(2020, 5, 23), p.publishedAt());
        assertEquals("ar", p.language());
        assertWellFormedBody(p);
        assertFalse(p.body().contains("أرشيف"));
        assertFalse(p.body().contains("21:12"), "the dateline leaves the body");
        assertTrue(p.body().startsWith("لم يحتمل مناصرو طهران في العراق"));
    }

    @Test
    void seed003RepeatedTitleOnceCaptionDroppedDatesInStoryIgnored() {
        ParsedPage p = PageParser.parse(page("003_de079a872ce94674.txt"));
        assertEquals("العراق: توجيهات “عاجلَة” من “الكاظمي” تخص “داعش” والانتخابات", p.title());
        assertNull(p.publishedAt(), "(9 ديسمبر 2017) and (10 أكتوبر 2021) are story dates");
        assertEquals("ar", p.language());
        assertWellFormedBody(p);
        assertFalse(p.body().contains("توجيهات “عاجلَة”"), "the repeated title is not in the body");
        assertFalse(p.body().contains("- إنترنت"), "photo caption dropped");
        assertTrue(p.body().startsWith("أصدر رئيس الوزراء العراقي، #مصطفى_الكاظمي ،"));
        assertTrue(p.body().contains("#الحكومة_العراقية"));
        assertTrue(p.body().contains("(10 أكتوبر 2021)"), "story text untouched");
        assertTrue(p.body().contains("(9 ديسمبر 2017)"));
    }

    @Test
    void seed004SubheadlineBulletsStayInTheBodyAndStoryDatesAreIgnored() {
        ParsedPage p = PageParser.parse(page("004_793a094ab71a278e.txt"));
        assertEquals("“داعش” يستغل عزلة كورونا لكسب الأنصار إلكترونياً في العراق", p.title());
        assertNull(p.publishedAt(), "«في أغسطس 2018», «يناير 2015», «ديسمبر 2017» are story dates");
        assertEquals("ar", p.language());
        assertWellFormedBody(p);
        assertTrue(p.body().startsWith("– الشماع: عودة حسابات التنظيم"));
        assertTrue(p.body().contains("\n\nتقرير عراقي يحذر\n\n"), "sub-headings are content");
        assertFalse(p.body().contains("Exit mobile version"));
        assertTrue(p.body().contains("في ديسمبر 2017"));
    }

    @Test
    void seedsGiveTheSameResultWhenReadAsRawLines() {
        for (String name : new String[] {"000_fd68746ebedfb1b1.txt", "002_d18f1c8faf6ecd10.txt"}) {
            String text = page(name);
            assertEquals(PageParser.parse(text).publishedAt(),
                    DateExtractor.publicationDate(text.lines().toList()).orElse(null), name);
        }
    }

    @Test
    void windowsLineEndingsParseLikeUnixOnes() {
        String text = page("003_de079a872ce94674.txt");
        assertEquals(PageParser.parse(text), PageParser.parse(text.replace("\n", "\r\n")));
    }
}
