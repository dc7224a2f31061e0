package io.akhbar.indexer.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DateExtractorTest {

    private static Optional<LocalDate> pageDate(String... lines) {
        return DateExtractor.publicationDate(Arrays.asList(lines));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            posted onFebruary 1, 2021                   | 2021-02-01
            Posted on February 1, 2021                  | 2021-02-01
            Posted on February 1, 2021 by admin         | 2021-02-01
            1 February 2021                             | 2021-02-01
            Feb 1, 2021                                 | 2021-02-01
            Feb. 1, 2021                                | 2021-02-01
            February 1st, 2021                          | 2021-02-01
            1st of February 2021                        | 2021-02-01
            Monday, February 1, 2021 10:30 am           | 2021-02-01
            Published: 23-May-2020                      | 2020-05-23
            Updated Sept 3, 2020 at 14:00 GMT           | 2020-09-03
            """)
    void englishDatelinesAreRecognised(String line, LocalDate expected) {
        assertEquals(Optional.of(expected), pageDate(line));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            السبت 23 مايو 2020 / 21:12                  | 2020-05-23
            23 مايو، 2020                               | 2020-05-23
            الأربعاء، 1 يوليو 2020                      | 2020-07-01
            نشر في 23 إبريل 2020                        | 2020-04-23
            آخر تحديث: 23 مايو 2020 - 10:15 م           | 2020-05-23
            تاريخ النشر: 5 أغسطس 2019                   | 2019-08-05
            بغداد - 23 مايو 2020                        | 2020-05-23
            الأحد 5 شوال 1441 هـ الموافق 24 مايو 2020 م | 2020-05-24
            5 جوان 2020                                 | 2020-06-05
            9 شتنبر 2020                                | 2020-09-09
            """)
    void arabicGregorianMonthNamesAreRecognised(String line, LocalDate expected) {
        assertEquals(Optional.of(expected), pageDate(line));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            23 أيار 2020                | 2020-05-23
            23 ايار 2020                | 2020-05-23
            23 مايس 2020                | 2020-05-23
            1 شباط 2021                 | 2021-02-01
            15 كانون الثاني 2021        | 2021-01-15
            15 كانون ثاني 2021          | 2021-01-15
            3 آذار 2021                 | 2021-03-03
            3 نيسان 2021                | 2021-04-03
            5 حزيران 2020               | 2020-06-05
            7 تموز 2020                 | 2020-07-07
            10 آب 2019                  | 2019-08-10
            10 أيلول 2019               | 2019-09-10
            3 تشرين الأول 2020          | 2020-10-03
            3 تشرين الاول 2020          | 2020-10-03
            12 تشرين الثاني 2020        | 2020-11-12
            25 كانون الأول 2020         | 2020-12-25
            الخميس 23 أيار/مايو 2020    | 2020-05-23
            23 تموز (يوليو) 2020        | 2020-07-23
            """)
    void levantineMonthNamesAreRecognised(String line, LocalDate expected) {
        assertEquals(Optional.of(expected), pageDate(line));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            2021-02-01                  | 2021-02-01
            2021/02/01                  | 2021-02-01
            2021.02.01                  | 2021-02-01
            2021-02-01T10:00:00+03:00   | 2021-02-01
            01/02/2021                  | 2021-02-01
            1-2-2021                    | 2021-02-01
            01.02.2021 - 09:30          | 2021-02-01
            بتاريخ 23/05/2020           | 2020-05-23
            12/31/2021                  | 2021-12-31
            """)
    void numericDatesAreIsoOrDayFirst(String line, LocalDate expected) {
        assertEquals(Optional.of(expected), pageDate(line));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            ٢٣ مايو ٢٠٢٠                | 2020-05-23
            السبت ٢٣ أيار ٢٠٢٠ - ٢١:١٢  | 2020-05-23
            ٢٠٢٠/٠٥/٢٣                  | 2020-05-23
            ٢٣/٠٥/٢٠٢٠                  | 2020-05-23
            """)
    void arabicIndicDigitsAreRecognised(String line, LocalDate expected) {
        assertEquals(Optional.of(expected), pageDate(line));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            ۲۳ مايو ۲۰۲۰                | 2020-05-23
            ۱۴۰۰/۰۱/۰۱ 2021-03-21       | 2021-03-21
            ۲۳ ئایار ۲۰۲۰               | 2020-05-23
            """)
    void persianDigitsAreRecognised(String line, LocalDate expected) {
        assertEquals(Optional.of(expected), pageDate(line));
    }

    @Test
    void soraniMonthNamesAreRecognised() {
        assertEquals(Optional.of(LocalDate.of(2021, 1, 5)), pageDate("5 کانوونی دووەم 2021"));
        assertEquals(Optional.of(LocalDate.of(2020, 10, 3)), pageDate("شەممە 3 تشرینی یەکەم 2020"));
    }

    @Test
    void dateMentionedInsideTheStoryIsNotThePublicationDate() {
        assertEquals(Optional.empty(), pageDate(
                "العراق: توجيهات عاجلة من الكاظمي",
                "وحدّدت # #الحكومة_العراقية  بوقت مضى من هذا العام، تاريخ (10 أكتوبر 2021) موعداً لإجراء انتخابات مبكّرة، تحقيقاً لمطلب “انتفاضة تشرين”.",
                "ثم حاربته القوات العراقية لثلاث سنوات، حتى أُعلن النصر عليه في (9 ديسمبر 2017).",
                "The ministry said on February 1, 2021 that the campaign had gathered 2,700 signatures."));
    }

    @Test
    void monthAndYearWithoutADayIsNotADate() {
        assertEquals(Optional.empty(), pageDate("في أغسطس 2018"));
        assertEquals(Optional.empty(), pageDate("يناير 2015"));
        assertEquals(Optional.empty(), pageDate("February 2021"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"31 فبراير 2021", "30 شباط 2020", "2021-13-01", "32 May 2020", "31/04/2021", "0 مايو 2020"})
    void impossibleDatesAreRejectedWithoutAnException(String line) {
        assertEquals(Optional.empty(), pageDate(line));
        assertEquals(Optional.empty(), DateExtractor.datelineDate(line));
        assertEquals(Optional.empty(), DateExtractor.parseDate(line));
    }

    @Test
    void anImpossibleDateIsStillADatelineSoItLeavesTheBody() {
        assertTrue(DateExtractor.isDateLine("31 فبراير 2021"));
    }

    @Test
    void aValidDatelineAfterAnImpossibleOneIsUsed() {
        assertEquals(Optional.of(LocalDate.of(2021, 3, 1)), pageDate("31 فبراير 2021", "عنوان الخبر هنا", "1 مارس 2021"));
    }

    @Test
    void yearsOutsideTheNewsRangeAreRejected() {
        assertEquals(Optional.empty(), pageDate("1 May 1850"));
    }

    @Test
    void theFirstDateOfAPublishedAndUpdatedLineWins() {
        assertEquals(Optional.of(LocalDate.of(2020, 5, 23)), pageDate("نشر: 23 مايو 2020 | تحديث: 24 مايو 2020"));
    }

    @Test
    void onlyTheFirstTenOrLastThreeNonBlankLinesAreSearched() {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            lines.add("فقرة رقم " + i + " من نص الخبر الطويل.");
            lines.add("");
        }
        List<String> middle = new ArrayList<>(lines);
        middle.set(30, "23 مايو 2020");
        assertEquals(Optional.empty(), DateExtractor.publicationDate(middle), "a dateline in the middle is not trusted");

        List<String> head = new ArrayList<>(lines);
        head.set(18, "23 مايو 2020"); // 10th non-blank line
        assertEquals(Optional.of(LocalDate.of(2020, 5, 23)), DateExtractor.publicationDate(head));

        List<String> tail = new ArrayList<>(lines);
        tail.add("Posted on February 1, 2021");
        tail.add("Exit mobile version");
        assertEquals(Optional.of(LocalDate.of(2021, 2, 1)), DateExtractor.publicationDate(tail));
    }

    @Test
    void headDatelineIsPreferredOverTailDateline() {
        assertEquals(Optional.of(LocalDate.of(2020, 5, 23)),
                pageDate("23 مايو 2020", "عنوان", "نص", "آخر تحديث: 24 مايو 2020"));
    }

    @Test
    void noDateGivesEmpty() {
        assertEquals(Optional.empty(), DateExtractor.publicationDate(List.of()));
        assertEquals(Optional.empty(), DateExtractor.publicationDate(null));
        assertEquals(Optional.empty(), pageDate("", "   ", null, "عنوان بلا تاريخ"));
        assertEquals(Optional.empty(), DateExtractor.parseDate(null));
        assertEquals(Optional.empty(), DateExtractor.parseDate("no date here"));
        assertFalse(DateExtractor.isDateLine(null));
        assertFalse(DateExtractor.isDateLine(""));
    }

    @Test
    void parseDateReadsAMetadataFieldAnywhereInTheText() {
        assertEquals(Optional.of(LocalDate.of(2021, 2, 1)), DateExtractor.parseDate("2021-02-01T10:00:00Z"));
        assertEquals(Optional.of(LocalDate.of(2020, 5, 23)), DateExtractor.parseDate("٢٣ مايو ٢٠٢٠"));
        assertEquals(Optional.of(LocalDate.of(2017, 12, 9)),
                DateExtractor.parseDate("حتى أُعلن النصر عليه في (9 ديسمبر 2017) بعد ثلاث سنوات"));
    }

    @Test
    void monthNamesInsideOtherWordsDoNotMatch() {
        assertEquals(Optional.empty(), pageDate("الأحزاب 23 2020"));
        assertEquals(Optional.empty(), pageDate("Mayor 1, 2021"));
    }
}
