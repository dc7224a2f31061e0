package io.akhbar.indexer.parse;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Finds the publication date of a scraped news page.
 *
 * <h2>Date shapes recognised (anywhere in a line)</h2>
 * All matching runs on {@link TextNormalizer#fold folded} text, so Arabic-Indic ({@code ٢٣}) and
 * Persian ({@code ۲۳}) digits, hamza/alef variants, diacritics, tatweel and letter case do not
 * matter.
 *
 * <ul>
 *   <li>day month year: {@code 1 February 2021}, {@code 1st of Feb. 2021}, {@code 23-May-2020},
 *       {@code السبت 23 مايو 2020 / 21:12}, {@code 23 مايو، 2020}, {@code 23 أيار 2020},
 *       {@code 23 أيار/مايو 2020}, {@code ٢٣ مايو ٢٠٢٠};
 *   <li>month day year: {@code February 1, 2021}, {@code Feb 1 2021}, {@code February 1st, 2021},
 *       also glued to the previous word as scrapers leave it ({@code posted onFebruary 1, 2021});
 *   <li>ISO-like year first: {@code 2021-02-01}, {@code 2021/02/01}, {@code 2021.02.01}
 *       (also the date part of {@code 2021-02-01T10:00:00Z});
 *   <li>numeric day first: {@code 01/02/2021}, {@code 1-2-2021}, {@code 1.2.2021} — read as
 *       day/month as Arabic and most non-US pages write it; only when that is impossible and
 *       month/day is possible ({@code 12/31/2021}) is it read month first.
 * </ul>
 * Month names: English (full and three/four-letter abbreviations); Egyptian/Gulf Arabic
 * transliterations ({@code يناير … ديسمبر} with spelling variants); Maghreb forms
 * ({@code جوان, جويلية, أوت, يوليوز, غشت, شتنبر, نونبر, دجنبر}); Levantine/Iraqi Syriac names
 * ({@code كانون الثاني, شباط, آذار, نيسان, أيار, مايس, حزيران, تموز, آب, أيلول, تشرين الأول,
 * تشرين الثاني, كانون الأول}, with or without the article); Sorani Kurdish month names. Years must
 * be four digits 1900–2099. A shape that names an impossible day ({@code 31 فبراير 2021}) is still
 * a date <em>shape</em> (so the line is still a dateline) but yields no date; nothing throws.
 *
 * <h2>Which date is the publication date</h2>
 * Only a date on a <em>dateline</em>: a line of at most 20 words in which, once the dates, clock
 * times, punctuation and a small vocabulary of dateline words are taken out, at most two other
 * words remain (a city or a site name: {@code بغداد - 23 أيار 2020}). The dateline vocabulary is
 * weekday names (Arabic, English, Kurdish), Hijri month names (so a dual Hijri/Gregorian line
 * still counts), "posted/published/updated on/at", {@code نشر في}, {@code بتاريخ},
 * {@code آخر تحديث}, {@code الساعة}, {@code الموافق}, time-zone words, and a byline ("by X Y",
 * {@code بقلم} + up to three words). A date inside a story sentence — {@code تاريخ (10 أكتوبر 2021)
 * موعداً لإجراء انتخابات} — leaves many words and is not a dateline.
 *
 * <p>{@link #publicationDate(List)} looks at the first {@value #HEAD_LINES} non-blank lines, then
 * the last {@value #TAIL_LINES}, and returns the first valid date on a dateline there. A page
 * without one has no publication date: nothing is guessed from dates in the story.
 */
public final class DateExtractor {

    static final int HEAD_LINES = 10;
    static final int TAIL_LINES = 3;
    private static final int MAX_DATELINE_WORDS = 20;
    private static final int MAX_DATELINE_CHARS = 250;
    private static final int MAX_UNKNOWN_WORDS = 2;
    private static final int MAX_PARSE_CHARS = 10_000;

    private static final Map<String, Integer> MONTHS = buildMonths();
    private static final Set<String> FILLER = buildFiller();
    private static final Set<String> BYLINE = Set.of("by", "بقلم", "كتب", "كتبه", "بواسطه");

    private static final String MONTH_ALT = MONTHS.keySet().stream()
            .sorted(Comparator.comparingInt(String::length).reversed())
            .map(name -> name.replace(" ", "\\s+"))
            .collect(Collectors.joining("|", "(?:", ")"));
    private static final String YEAR = "((?:19|20)\\d{2})(?!\\d)";

    /** 1 February 2021, 23 أيار/مايو 2020, 1st of Feb. 2021, 23-May-2020. */
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile(
            "(?<!\\d)(\\d{1,2})(?:st|nd|rd|th)?\\s*(?:of\\s+)?(?:[-/.]\\s*)?"
                    + "(" + MONTH_ALT + ")(?!\\p{L})\\.?"
                    + "(?:\\s*[/(\\-–]\\s*" + MONTH_ALT + "(?!\\p{L})\\s*\\)?)?"
                    + "[\\s,،.\\-/]*" + YEAR);
    /** February 1, 2021; Feb 1st 2021; glued: onFebruary 1, 2021 (not inside an Arabic word). */
    private static final Pattern MONTH_DAY_YEAR = Pattern.compile(
            "(?<![\\p{IsArabic}\\d])(" + MONTH_ALT + ")(?!\\p{L})\\.?\\s*"
                    + "(\\d{1,2})(?:st|nd|rd|th)?(?!\\d)\\s*[,،]?\\s*" + YEAR);
    /** 2021-02-01, 2021/02/01, 2021.02.01. */
    private static final Pattern YEAR_MONTH_DAY = Pattern.compile(
            "(?<!\\d)((?:19|20)\\d{2})([-/.])(\\d{1,2})\\2(\\d{1,2})(?!\\d)");
    /** 01/02/2021 (day first), 1-2-2021, 1.2.2021. */
    private static final Pattern NUMERIC_DAY_FIRST = Pattern.compile(
            "(?<![\\d./:\\-])(\\d{1,2})([-/.])(\\d{1,2})\\2" + YEAR);
    /** Clock times: 21:12, 9:05:00. */
    private static final Pattern TIME = Pattern.compile("(?<!\\d)\\d{1,2}:\\d{2}(?::\\d{2})?(?!\\d)");

    private DateExtractor() {}

    /** A date shape found in a folded line; {@code date} is empty when the day cannot exist. */
    record DateMatch(int start, int end, Optional<LocalDate> date) {}

    /**
     * The publication date of a page given as its lines (raw or cleaned; blank lines are fine):
     * the first valid date on a dateline among the first {@value #HEAD_LINES} non-blank lines,
     * else among the last {@value #TAIL_LINES}; empty when there is none. Never throws.
     */
    public static Optional<LocalDate> publicationDate(List<String> lines) {
        if (lines == null || lines.isEmpty()) {
            return Optional.empty();
        }
        List<String> nonBlank = new ArrayList<>();
        for (String line : lines) {
            if (line != null && !line.isBlank()) {
                nonBlank.add(line);
            }
        }
        int headEnd = Math.min(HEAD_LINES, nonBlank.size());
        for (int i = 0; i < headEnd; i++) {
            Optional<LocalDate> date = datelineDate(nonBlank.get(i));
            if (date.isPresent()) {
                return date;
            }
        }
        for (int i = Math.max(headEnd, nonBlank.size() - TAIL_LINES); i < nonBlank.size(); i++) {
            Optional<LocalDate> date = datelineDate(nonBlank.get(i));
            if (date.isPresent()) {
                return date;
            }
        }
        return Optional.empty();
    }

    /**
     * True when the line is a dateline: it holds a date shape (valid or not) and little else — see
     * the class comment. Such a line is metadata, not story text.
     */
    public static boolean isDateLine(String line) {
        return datelineMatches(line) != null;
    }

    /** The first valid date of the line if the line is a dateline, else empty. */
    public static Optional<LocalDate> datelineDate(String line) {
        List<DateMatch> matches = datelineMatches(line);
        if (matches == null) {
            return Optional.empty();
        }
        for (DateMatch m : matches) {
            if (m.date().isPresent()) {
                return m.date();
            }
        }
        return Optional.empty();
    }

    /**
     * The first valid date written anywhere in a short text, without any dateline requirement: for
     * a metadata field that is known to hold a date ({@code "2021-02-01T10:00:00Z"},
     * {@code "٢٣ مايو ٢٠٢٠"}). Looks at the first 10,000 characters. Never throws.
     */
    public static Optional<LocalDate> parseDate(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String s = text.length() > MAX_PARSE_CHARS ? text.substring(0, MAX_PARSE_CHARS) : text;
        for (DateMatch m : findDates(TextNormalizer.fold(TextNormalizer.cleanLine(s)))) {
            if (m.date().isPresent()) {
                return m.date();
            }
        }
        return Optional.empty();
    }

    /** The date matches of a dateline, or null when the line is not a dateline. */
    private static List<DateMatch> datelineMatches(String line) {
        if (line == null || line.isBlank() || line.length() > MAX_DATELINE_CHARS * 2) {
            return null;
        }
        String folded = TextNormalizer.fold(TextNormalizer.cleanLine(line));
        if (folded.length() > MAX_DATELINE_CHARS || TextNormalizer.wordCount(folded) > MAX_DATELINE_WORDS) {
            return null;
        }
        List<DateMatch> matches = findDates(folded);
        if (matches.isEmpty()) {
            return null;
        }
        StringBuilder residual = new StringBuilder(folded);
        for (DateMatch m : matches) {
            for (int i = m.start(); i < m.end(); i++) {
                residual.setCharAt(i, ' ');
            }
        }
        String rest = TIME.matcher(residual).replaceAll(" ");
        return unknownWords(TextNormalizer.phraseKey(rest)) <= MAX_UNKNOWN_WORDS ? matches : null;
    }

    private static int unknownWords(String key) {
        if (key.isEmpty()) {
            return 0;
        }
        String[] tokens = key.split(" ");
        int unknown = 0;
        for (int i = 0; i < tokens.length; i++) {
            String t = tokens[i];
            if (BYLINE.contains(t)) {
                int skipped = 0;
                while (skipped < 3 && i + 1 < tokens.length && TextNormalizer.hasLetter(tokens[i + 1])) {
                    i++;
                    skipped++;
                }
                continue;
            }
            if (t.codePointCount(0, t.length()) <= 1 || !TextNormalizer.hasLetter(t) || FILLER.contains(t)) {
                continue;
            }
            unknown++;
        }
        return unknown;
    }

    /** Every date shape in a folded text, in order, overlapping matches removed. */
    static List<DateMatch> findDates(String folded) {
        List<DateMatch> all = new ArrayList<>();
        if (folded == null || folded.isEmpty()) {
            return all;
        }
        Matcher m = DAY_MONTH_YEAR.matcher(folded);
        while (m.find()) {
            all.add(new DateMatch(m.start(), m.end(),
                    date(m.group(3), MONTHS.get(normalizeSpaces(m.group(2))), m.group(1))));
        }
        m = MONTH_DAY_YEAR.matcher(folded);
        while (m.find()) {
            all.add(new DateMatch(m.start(), m.end(),
                    date(m.group(3), MONTHS.get(normalizeSpaces(m.group(1))), m.group(2))));
        }
        m = YEAR_MONTH_DAY.matcher(folded);
        while (m.find()) {
            all.add(new DateMatch(m.start(), m.end(), date(m.group(1), m.group(3), m.group(4))));
        }
        m = NUMERIC_DAY_FIRST.matcher(folded);
        while (m.find()) {
            Optional<LocalDate> dayFirst = date(m.group(4), m.group(3), m.group(1));
            all.add(new DateMatch(m.start(), m.end(),
                    dayFirst.isPresent() ? dayFirst : date(m.group(4), m.group(1), m.group(3))));
        }
        all.sort(Comparator.comparingInt(DateMatch::start).thenComparing(d -> -d.end()));
        List<DateMatch> kept = new ArrayList<>();
        int end = -1;
        for (DateMatch d : all) {
            if (d.start() >= end) {
                kept.add(d);
                end = d.end();
            }
        }
        return kept;
    }

    private static String normalizeSpaces(String s) {
        return s.trim().replaceAll("\\s+", " ");
    }

    private static Optional<LocalDate> date(String year, Object month, String day) {
        try {
            int y = Integer.parseInt(year);
            int mo = month instanceof Integer i ? i : Integer.parseInt((String) month);
            int d = Integer.parseInt(day);
            if (y < 1900 || y > 2099) {
                return Optional.empty();
            }
            return Optional.of(LocalDate.of(y, mo, d));
        } catch (DateTimeException | NumberFormatException | NullPointerException | ClassCastException e) {
            return Optional.empty();
        }
    }

    private static Map<String, Integer> buildMonths() {
        Map<String, Integer> m = new LinkedHashMap<>();
        String[][] table = {
            // English
            {"january", "jan"}, {"february", "feb"}, {"march", "mar"}, {"april", "apr"}, {"may"},
            {"june", "jun"}, {"july", "jul"}, {"august", "aug"}, {"september", "sept", "sep"},
            {"october", "oct"}, {"november", "nov"}, {"december", "dec"},
        };
        String[][] arabic = {
            // Egyptian/Gulf transliterations, Maghreb forms, Levantine/Iraqi names, Sorani Kurdish
            {"يناير", "جانفي", "كانون الثاني", "كانون ثاني", "كانوونی دووەم"},
            {"فبراير", "فيفري", "شباط", "شوبات"},
            {"مارس", "آذار", "ئازار"},
            {"أبريل", "إبريل", "ابريل", "أفريل", "نيسان"},
            {"مايو", "ماي", "أيار", "مايس", "ئایار"},
            {"يونيو", "يونيه", "جوان", "حزيران", "حوزەیران"},
            {"يوليو", "يوليه", "يوليوز", "جويلية", "تموز", "تەممووز"},
            {"أغسطس", "آب", "أوت", "غشت", "ئاب"},
            {"سبتمبر", "شتنبر", "أيلول", "ئەیلوول"},
            {"أكتوبر", "تشرين الأول", "تشرين أول", "تشرینی یەکەم"},
            {"نوفمبر", "نونبر", "تشرين الثاني", "تشرين ثاني", "تشرینی دووەم"},
            {"ديسمبر", "دجنبر", "كانون الأول", "كانون أول", "کانوونی یەکەم"},
        };
        for (int i = 0; i < 12; i++) {
            for (String name : table[i]) {
                m.put(TextNormalizer.fold(name), i + 1);
            }
            for (String name : arabic[i]) {
                m.put(TextNormalizer.fold(name), i + 1);
            }
        }
        return m;
    }

    private static Set<String> buildFiller() {
        String[] words = {
            // English dateline words
            "posted", "post", "published", "publish", "updated", "update", "last", "modified",
            "created", "date", "dated", "on", "at", "time", "am", "pm", "gmt", "utc", "est", "edt",
            "bst", "cet", "ast", "ago",
            "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
            "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
            // Arabic dateline words
            "نشر", "نشرت", "نشره", "منشور", "تم", "النشر", "في", "بتاريخ", "تاريخ", "التاريخ", "آخر",
            "اخر", "تحديث", "التحديث", "محدث", "الساعة", "ساعة", "الساعه", "يوم", "اليوم", "الموافق",
            "بتوقيت", "توقيت", "غرينتش", "جرينتش", "بغداد", "مكة", "المكرمة", "صباحا", "صباحاً", "مساء",
            "مساءً", "مساءا", "ظهرا", "عصرا", "فجرا", "هـ",
            "السبت", "الأحد", "الاثنين", "الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة",
            "سبت", "أحد", "اثنين", "ثلاثاء", "أربعاء", "خميس", "جمعة",
            // Hijri months, for dual-calendar datelines
            "محرم", "صفر", "ربيع", "الأول", "الثاني", "الآخر", "الاخر", "جمادى", "الأولى", "الآخرة",
            "رجب", "شعبان", "رمضان", "شوال", "ذو", "ذي", "القعدة", "الحجة",
            // Sorani Kurdish weekdays and dateline words
            "شەممە", "یەکشەممە", "دووشەممە", "سێشەممە", "چوارشەممە", "پێنجشەممە", "هەینی",
            "کاتژمێر", "بەروار", "بەرواری",
        };
        Set<String> set = new HashSet<>();
        for (String w : words) {
            set.add(TextNormalizer.phraseKey(w));
        }
        return Set.copyOf(set);
    }
}
