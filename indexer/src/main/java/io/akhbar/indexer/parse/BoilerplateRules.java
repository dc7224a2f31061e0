package io.akhbar.indexer.parse;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides whether one line of a scraped page is page furniture rather than article text. Every
 * rule is a pattern of <em>kind</em> (navigation, counters, captions...), not a list of lines seen
 * on particular sites, and rules that could hit real sentences only apply to short lines.
 * Comparisons use {@link TextNormalizer#phraseKey}: folded Arabic (hamza/alef, diacritics, tatweel,
 * {@code ة/ه}, {@code ى/ي}), lower case, punctuation and bullets gone.
 *
 * <ol>
 *   <li>{@link Reason#EMPTY}: nothing but spaces, NBSP, punctuation or symbols.
 *   <li>{@link Reason#DATELINE}: a line that is only a date with dateline words, see
 *       {@link DateExtractor#isDateLine} (the date is read from it before it is dropped).
 *   <li>{@link Reason#NO_LETTERS}: digits without any letter (page numbers, counters, stray
 *       numbers).
 *   <li>{@link Reason#NAVIGATION}: the whole line is a navigation/accessibility/share/legal phrase
 *       ("Skip to main content", "Exit mobile version", "Menu", "Home", "Share", "Print", "Read
 *       more", {@code الرئيسية}, {@code شارك}, {@code طباعة}, {@code تابعونا}, {@code أخبار ذات صلة}...);
 *       or a line of at most 15 words that <em>starts</em> with a teaser/share/legal lead-in
 *       ({@code اقرأ أيضا: …}, "Read also: …", "Follow us on …", "Share on …", "Copyright …",
 *       {@code جميع الحقوق محفوظة …}, "Tags: …", {@code الوسوم: …}); or a short line with ©.
 *   <li>{@link Reason#MENU}: a row of at least three short items split by spaced separators
 *       ({@code », ›, >, |, /, •}): breadcrumbs and menus.
 *   <li>{@link Reason#SOCIAL}: only social network / share target names ("Facebook Twitter
 *       WhatsApp", {@code فيسبوك تويتر واتساب}).
 *   <li>{@link Reason#COUNTER}: only share/comment/view counters ("nocomment", "0 تعليق",
 *       "5 comments", "مشاهدات 120", "120 views | 3 shares").
 *   <li>{@link Reason#MARKER}: a short label line that is wholly in parentheses/brackets
 *       ({@code (أرشيف)}, "(video)", "[file]"), or is a bare media/archive label
 *       ({@code أرشيفية}, {@code صورة أرشيفية}, "File photo", {@code فيديو}).
 *   <li>{@link Reason#CAPTION}: a short line containing the word "caption"; a line starting with
 *       a photo-credit lead ({@code صورة:}, {@code الصورة:}, "Photo:", "Image:", "Credit:",
 *       {@code مصدر الصورة}); a short line with a parenthesised photo note
 *       ({@code (صورة ...)}, "(Photo: ...)"); a short line (≤ 20 words) that ends with a credit
 *       after a dash or slash ({@code - إنترنت}, {@code - أرشيفية}, {@code / مواقع التواصل},
 *       "- AFP", "/ Reuters", "(أرشيف)").
 * </ol>
 * Real English content is never dropped for being English: only these patterns drop a line.
 */
public final class BoilerplateRules {

    /** Why a line is not content. */
    public enum Reason { EMPTY, DATELINE, NO_LETTERS, NAVIGATION, MENU, SOCIAL, COUNTER, MARKER, CAPTION }

    private static final int SHORT = 15;

    private static final Set<String> NAV_EXACT = keys(
            // English
            "skip to main content", "skip to content", "skip to navigation", "skip to main menu",
            "jump to navigation", "exit mobile version", "mobile version", "menu", "main menu",
            "open menu", "close menu", "toggle navigation", "navigation", "home", "homepage",
            "home page", "share", "share this", "share this article", "share this story",
            "share article", "share via", "tweet", "print", "print this", "print this page",
            "email", "read more", "read also", "see also", "more", "load more", "show more",
            "related", "related articles", "related posts", "related news", "related stories",
            "comments", "leave a comment", "leave a reply", "post a comment", "add comment",
            "search", "search for", "close", "back to top", "top", "next", "previous", "next post",
            "previous post", "next article", "previous article", "subscribe", "newsletter",
            "follow us", "advertisement", "sponsored", "ad", "login", "log in", "sign in",
            "register", "sign up", "contact us", "about us", "privacy policy", "terms of use",
            "cookie policy", "accept", "accept cookies", "latest news", "breaking news",
            "most read", "most popular", "trending", "you may also like", "recommended",
            "watch", "listen", "copy link", "link copied", "font size", "text size",
            // Arabic
            "الرئيسية", "الصفحة الرئيسية", "القائمة", "القائمة الرئيسية", "قائمة", "تخطى إلى المحتوى",
            "انتقل إلى المحتوى", "شارك", "شاركها", "مشاركة", "شارك الخبر", "شارك المقال", "شارك هذا",
            "انشر", "غرد", "طباعة", "اطبع", "طباعة الخبر", "البريد الإلكتروني", "اقرأ أيضا",
            "اقرأ أيضاً", "إقرأ أيضا", "اقرأ ايضا", "اقرأ كذلك", "اقرأ المزيد", "المزيد", "عرض المزيد",
            "شاهد أيضا", "أخبار ذات صلة", "مواضيع ذات صلة", "مقالات ذات صلة", "ذات صلة",
            "قد يعجبك أيضا", "الأكثر قراءة", "الأكثر مشاهدة", "الأكثر تداولا", "آخر الأخبار",
            "أخبار عاجلة", "عاجل", "التعليقات", "تعليقات", "أضف تعليق", "أضف تعليقا", "اترك تعليقا",
            "اترك تعليقاً", "اترك رداً", "بحث", "ابحث", "إغلاق", "اغلاق", "التالي", "السابق",
            "الخبر التالي", "الخبر السابق", "المقال التالي", "المقال السابق", "تابعونا", "تابعنا",
            "اشترك", "اشترك الآن", "النشرة البريدية", "إعلان", "اعلان", "تسجيل الدخول", "دخول",
            "اتصل بنا", "من نحن", "سياسة الخصوصية", "حجم الخط", "نسخ الرابط", "تم نسخ الرابط",
            "العودة إلى الأعلى", "للأعلى",
            // Sorani Kurdish
            "سەرەکی", "پەڕەی سەرەکی", "هاوبەشی بکە", "هاوبەشکردن", "بڵاوکردنەوە", "چاپکردن",
            "زیاتر بخوێنەوە", "زیاتر", "گەڕان", "هەواڵی پەیوەندیدار", "بابەتی پەیوەندیدار");

    private static final List<String> NAV_PREFIX = List.copyOf(keys(
            "read also", "read more", "see also", "also read", "related", "follow us", "share on",
            "share this", "share via", "copyright", "all rights reserved", "skip to",
            "اقرأ أيضا", "اقرأ أيضاً", "اقرأ ايضا", "إقرأ أيضا", "اقرأ كذلك", "اقرأ المزيد",
            "شاهد أيضا", "شاهد ايضا", "طالع أيضا", "تابعونا على", "تابعوا", "تابعنا على",
            "شارك على", "شارك عبر", "شاركها على", "مشاركة عبر", "جميع الحقوق محفوظة",
            "حقوق النشر", "حقوق الطبع", "زیاتر بخوێنەوە"));

    /** "Tags: ...", "الوسوم: ...": a lead word followed by a colon. */
    private static final Pattern TAG_LEAD = Pattern.compile(
            "^[\\s\\p{P}\\p{S}]*(tags?|labels?|filed under|posted in|categories|category|الوسوم|وسوم"
                    + "|كلمات مفتاحيه|الكلمات المفتاحيه|التصنيف|تصنيف|الاقسام|القسم)\\s*[:：]");

    private static final Set<String> SOCIAL = keys(
            "facebook", "twitter", "x", "whatsapp", "telegram", "linkedin", "pinterest", "email",
            "e mail", "mail", "print", "messenger", "reddit", "tumblr", "youtube", "instagram",
            "viber", "vk", "tiktok", "snapchat", "share", "tweet", "copy", "link", "google",
            "فيسبوك", "فيس", "بوك", "تويتر", "واتساب", "واتس", "اب", "آب", "تلغرام", "تليجرام",
            "تيليجرام", "تلجرام", "انستغرام", "انستجرام", "يوتيوب", "لينكدإن", "لينكد", "إن",
            "طباعة", "البريد", "الإلكتروني", "بريد", "شارك", "مشاركة", "ماسنجر", "تيك", "توك",
            "سناب", "شات", "نسخ", "الرابط");

    private static final Pattern COUNTER = Pattern.compile(
            "^(?:(?:\\d+ )?(?:no ?comments?|comments?|views?|shares?|likes?|reads?|تعليق|تعليقات|التعليقات"
                    + "|مشاهده|مشاهدات|المشاهدات|قراءه|قراءات|القراءات|عدد القراءات|عدد المشاهدات|زياره|زيارات"
                    + "|اعجاب|اعجابات|مشاركه|مشاركات|لا توجد تعليقات|لا تعليقات|بدون تعليقات|no responses?)"
                    + "(?: \\d+)? ?)+$");

    private static final Set<String> MEDIA_LABELS = keys(
            "أرشيف", "أرشيفية", "ارشيفية", "صورة أرشيفية", "صورة من الأرشيف", "صور أرشيفية",
            "صورة", "الصورة", "صور", "فيديو", "بالفيديو", "بالصور", "إنفوغراف", "انفوجراف",
            "file photo", "archive photo", "archive", "file", "photo", "photos", "image", "video",
            "watch video", "infographic", "gallery");

    private static final Pattern CAPTION_WORD = Pattern.compile("(?i)(?<!\\p{L})caption(?!\\p{L})");

    private static final Pattern CAPTION_LEAD = Pattern.compile(
            "^[\\s\\p{P}\\p{S}]*(?:صوره|الصوره|الصور|مصدر الصوره|تصوير|photo|photos|image|picture|credit|photo credit"
                    + "|image credit)\\s*[:：]");

    private static final Pattern PAREN_PHOTO = Pattern.compile(
            "[(\\[]\\s*(?:صوره|الصوره|تصوير|photo|image|picture|credit|ارشيف|ارشيفيه|file)(?!\\p{L})[^)\\]]*[)\\]]");

    private static final Pattern CREDIT_END = Pattern.compile(
            "\\s[-–—/|]\\s*[(\\[]?\\s*(?:انترنت|الانترنت|ارشيفيه|ارشيف|الارشيف|مواقع التواصل(?: الاجتماعي)?"
                    + "|مواقع التواصل الاجتماعي|متداوله|وكالات|ا ف ب|ا\\.ف\\.ب|فرانس برس|رويترز|الاناضول"
                    + "|getty images?|afp|reuters|ap|epa|anadolu|archive|file|internet|social media)"
                    + "\\s*[)\\]]?\\s*\\.?$");

    private static final Pattern MENU_SEPARATOR = Pattern.compile("\\s[»›>|/•·]\\s");

    private BoilerplateRules() {}

    /** Why the line is boilerplate, or empty when it is content. Never throws. */
    public static Optional<Reason> classify(String rawLine) {
        String line = TextNormalizer.cleanLine(rawLine);
        if (!TextNormalizer.hasLetterOrDigit(line)) {
            return Optional.of(Reason.EMPTY);
        }
        if (DateExtractor.isDateLine(line)) {
            return Optional.of(Reason.DATELINE);
        }
        if (!TextNormalizer.hasLetter(line)) {
            return Optional.of(Reason.NO_LETTERS);
        }
        int words = TextNormalizer.wordCount(line);
        String folded = TextNormalizer.fold(line);
        String key = TextNormalizer.phraseKey(line);

        if (isNavigation(line, folded, key, words)) {
            return Optional.of(Reason.NAVIGATION);
        }
        if (words <= 12 && isMenuRow(line)) {
            return Optional.of(Reason.MENU);
        }
        if (words <= SHORT && allIn(key, SOCIAL)) {
            return Optional.of(Reason.SOCIAL);
        }
        if (words <= 8 && COUNTER.matcher(TextNormalizer.toAsciiDigits(key)).matches()) {
            return Optional.of(Reason.COUNTER);
        }
        if (words <= 4 && isWhollyBracketed(line) || MEDIA_LABELS.contains(key)) {
            return Optional.of(Reason.MARKER);
        }
        if (isCaption(folded, words)) {
            return Optional.of(Reason.CAPTION);
        }
        return Optional.empty();
    }

    /** True when {@link #classify} finds a reason. */
    public static boolean isBoilerplate(String line) {
        return classify(line).isPresent();
    }

    /**
     * A caption <em>marker</em>: the short line (at most four words) with the word "caption" that a
     * theme prints before an image caption ("AvaToday caption", "Caption"). The page parser also
     * drops the line after a marker when it is short or quotes another line of the page.
     */
    public static boolean isCaptionMarker(String rawLine) {
        String line = TextNormalizer.cleanLine(rawLine);
        int words = TextNormalizer.wordCount(line);
        return words > 0 && words <= 4 && CAPTION_WORD.matcher(line).find();
    }

    private static boolean isNavigation(String line, String folded, String key, int words) {
        if (NAV_EXACT.contains(key)) {
            return true;
        }
        if (words <= SHORT) {
            for (String prefix : NAV_PREFIX) {
                if (key.startsWith(prefix) && (key.length() == prefix.length() || key.charAt(prefix.length()) == ' ')) {
                    return true;
                }
            }
            if (line.indexOf('©') >= 0 || TAG_LEAD.matcher(folded).find()) {
                return true;
            }
        }
        return false;
    }

    private static boolean isMenuRow(String line) {
        String[] items = MENU_SEPARATOR.split(line);
        if (items.length < 3) {
            return false;
        }
        for (String item : items) {
            if (TextNormalizer.wordCount(item) > 3) {
                return false;
            }
        }
        char last = TextNormalizer.lastMeaningfulChar(line);
        return last != '.' && last != '؟' && last != '?';
    }

    /** "(أرشيف)", "[video]": one bracket group that is the whole line. */
    private static boolean isWhollyBracketed(String line) {
        String t = line.strip();
        if (t.length() < 2) {
            return false;
        }
        char open = t.charAt(0);
        char close = open == '(' ? ')' : open == '[' ? ']' : 0;
        return close != 0 && t.charAt(t.length() - 1) == close && t.indexOf(close) == t.length() - 1;
    }

    private static boolean isCaption(String folded, int words) {
        if (words <= 12 && CAPTION_WORD.matcher(folded).find()) {
            return true;
        }
        if (words <= 40 && CAPTION_LEAD.matcher(folded).find()) {
            return true;
        }
        if (words <= 20 && (PAREN_PHOTO.matcher(folded).find() || CREDIT_END.matcher(folded).find())) {
            return true;
        }
        return false;
    }

    private static boolean allIn(String key, Set<String> vocabulary) {
        if (key.isEmpty()) {
            return false;
        }
        for (String token : key.split(" ")) {
            if (!vocabulary.contains(token)) {
                return false;
            }
        }
        return true;
    }

    private static Set<String> keys(String... phrases) {
        Set<String> set = new HashSet<>();
        for (String p : phrases) {
            set.add(TextNormalizer.phraseKey(p));
        }
        return Set.copyOf(set);
    }
}
