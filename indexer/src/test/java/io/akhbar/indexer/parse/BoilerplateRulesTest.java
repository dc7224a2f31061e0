package io.akhbar.indexer.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.akhbar.indexer.parse.BoilerplateRules.Reason;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BoilerplateRulesTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            Skip to main content                      | NAVIGATION
            Skip to content                           | NAVIGATION
            Exit mobile version                       | NAVIGATION
            Menu                                      | NAVIGATION
            Home                                      | NAVIGATION
            Share                                     | NAVIGATION
            Print                                     | NAVIGATION
            Read more                                 | NAVIGATION
            Read more »                               | NAVIGATION
            Read also: Iraq reopens its border        | NAVIGATION
            Follow us on Twitter                      | NAVIGATION
            الرئيسية                                  | NAVIGATION
            شارك                                      | NAVIGATION
            طباعة                                     | NAVIGATION
            تابعونا                                   | NAVIGATION
            تابعونا على تلغرام                        | NAVIGATION
            اقرأ أيضا                                 | NAVIGATION
            اقرأ أيضاً:                               | NAVIGATION
            إقرأ ايضاً: الكاظمي يلتقي وفداً أمريكياً  | NAVIGATION
            أخبار ذات صلة                             | NAVIGATION
            © 2021 Akhbar. All rights reserved.       | NAVIGATION
            جميع الحقوق محفوظة لموقع الأخبار 2021     | NAVIGATION
            Tags: Iraq, Baghdad, elections            | NAVIGATION
            الوسوم: العراق، بغداد                     | NAVIGATION
            زیاتر بخوێنەوە                            | NAVIGATION
            """)
    void navigationAndAccessibilityLinesAreDropped(String line, Reason reason) {
        assertEquals(Optional.of(reason), BoilerplateRules.classify(line));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            (أرشيف)                  | MARKER
            ( أرشيف )                | MARKER
            [صورة أرشيفية]           | MARKER
            أرشيفية                  | MARKER
            (video)                  | MARKER
            File photo               | MARKER
            فيديو                    | MARKER
            """)
    void archiveAndMediaMarkersAreDropped(String line, Reason reason) {
        assertEquals(Optional.of(reason), BoilerplateRules.classify(line));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
        "AvaToday caption",
        "Caption",
        "صورة: رويترز",
        "الصورة: متظاهرون في ساحة التحرير ببغداد",
        "Photo: AFP",
        "متظاهرون في ساحة التحرير (صورة من الأرشيف)",
        "رئيس الوزراء خلال الاجتماع (صورة: المكتب الإعلامي)",
        "رئيس الحكومة العراقية \"مصطفى الكاظمي\" - إنترنت",
        "جانب من الاحتجاجات في الناصرية - أرشيفية",
        "عناصر من الحشد الشعبي / مواقع التواصل",
        "Protesters in Tahrir Square - AFP",
        "قوات أمنية عراقية في الموصل (أرشيف)",
    })
    void captionLinesAreDropped(String line) {
        assertEquals(Optional.of(Reason.CAPTION), BoilerplateRules.classify(line));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
        "nocomment", "No comments", "0 تعليق", "5 comments", "مشاهدات 120", "١٢٠ مشاهدة",
        "120 views | 3 shares", "لا توجد تعليقات", "عدد القراءات: 345",
    })
    void shareCommentAndViewCountersAreDropped(String line) {
        assertEquals(Optional.of(Reason.COUNTER), BoilerplateRules.classify(line));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"Facebook Twitter WhatsApp", "فيسبوك تويتر واتساب تلغرام", "Facebook | Twitter | Email"})
    void shareTargetRowsAreDropped(String line) {
        assertTrue(BoilerplateRules.isBoilerplate(line));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"الرئيسية » أخبار » العراق", "Home > News > Iraq", "أخبار | سياسة | اقتصاد | رياضة"})
    void breadcrumbsAndMenuRowsAreDropped(String line) {
        assertTrue(BoilerplateRules.isBoilerplate(line));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"posted onFebruary 1, 2021", "السبت 23 مايو 2020 / 21:12", "٢٣ أيار ٢٠٢٠", "31 فبراير 2021"})
    void datelinesAreDroppedFromTheBody(String line) {
        assertEquals(Optional.of(Reason.DATELINE), BoilerplateRules.classify(line));
    }

    @ParameterizedTest(name = "[{index}] [{0}]")
    @ValueSource(strings = {"", "   ", "\u00A0", "\u00A0 \u200F", "* * *", "— — —", "...", "|", "\uFFFD\uFFFD"})
    void linesOfOnlyPunctuationOrSpacesAreDropped(String line) {
        assertEquals(Optional.of(Reason.EMPTY), BoilerplateRules.classify(line));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"2700", "12 | 3", "١٢٣"})
    void linesWithDigitsButNoLettersAreDropped(String line) {
        assertEquals(Optional.of(Reason.NO_LETTERS), BoilerplateRules.classify(line));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
        "حملة إلكترونية لإغلاق حسابات قادة الميليشيات على تويتر",
        "قادة الميليشيات",
        "تقرير عراقي يحذر",
        "المبادرة الدولية للتضامن مع المجتمع المدني العراقي",
        "The Iraqi Civil Society Solidarity Initiative (ICSSI) is dedicated to bringing together Iraqi and international civil societies through concrete actions to build together another Iraq, with peace and Human Rights for all.",
        "Home prices in Erbil rose by ten percent last year, the planning ministry said.",
        "The caption under the photo of the prime minister was corrected by the agency after complaints from readers and officials.",
        "وحدّدت الحكومة بوقت مضى من هذا العام، تاريخ (10 أكتوبر 2021) موعداً لإجراء انتخابات مبكّرة.",
        "– الشماع: عودة حسابات التنظيم في وسائل التواصل للنشاط مؤشر خطير",
        "#مصطفى_الكاظمي #بغداد",
        "وأكد نشطاء أن إغلاق الحسابات \"سيجعل العراق أفضل، وسيحافظ على السلم الأهلي\".",
        "شارك آلاف العراقيين في تظاهرات حاشدة وسط بغداد للمطالبة بإجراء إصلاحات سياسية واقتصادية شاملة وعاجلة.",
        "سەرۆکی حکومەتی هەرێمی کوردستان لە هەولێر پێشوازی لە شاندێکی ئەمریکی کرد",
    })
    void contentLinesAreKept(String line) {
        assertEquals(Optional.empty(), BoilerplateRules.classify(line));
    }

    @Test
    void captionMarkersAreShortLinesWithTheWordCaption() {
        assertTrue(BoilerplateRules.isCaptionMarker("AvaToday caption"));
        assertTrue(BoilerplateRules.isCaptionMarker("Caption:"));
        assertFalse(BoilerplateRules.isCaptionMarker("صورة"), "a bare photo label is a marker line, not a caption lead");
        assertFalse(BoilerplateRules.isCaptionMarker(
                "The caption under the photo of the prime minister was corrected by the agency."));
        assertFalse(BoilerplateRules.isCaptionMarker(null));
    }

    @Test
    void nullIsEmpty() {
        assertEquals(Optional.of(Reason.EMPTY), BoilerplateRules.classify(null));
    }
}
