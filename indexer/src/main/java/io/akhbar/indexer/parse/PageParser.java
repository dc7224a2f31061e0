package io.akhbar.indexer.parse;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns the raw text of a scraped news page (one line per block, as the scraper dumps it) into
 * a {@link ParsedPage}: headline, article body, publication date and language.
 *
 * <h2>Steps</h2>
 * <ol>
 *   <li><b>Clean</b> every line ({@link TextNormalizer#cleanLine}): invisible characters and
 *       U+FFFD gone, spaces collapsed, {@code "# #word"} → {@code "#word"}.
 *   <li><b>Date</b>: {@link DateExtractor#publicationDate} on the cleaned lines (datelines near the
 *       top or bottom only).
 *   <li><b>Content lines</b>: in page order, drop blank lines and every line
 *       {@link BoilerplateRules} classifies (navigation, menus, share/counter lines, archive
 *       markers, captions, datelines...). After a caption marker ("AvaToday caption"), the next
 *       line is the caption text: it is dropped when it is short (at most
 *       {@value #CAPTION_MAX_WORDS} words) or when another line of the page contains it (the
 *       caption quotes the story, which keeps the sentence in its place). A line equal to one already
 *       kept (compared letters and digits only, after Arabic folding) is dropped, so a repeated
 *       headline or paragraph appears once.
 *   <li><b>Title</b> — among the first {@value #TITLE_WINDOW} content lines, the candidates are
 *       lines of {@value #TITLE_MIN_WORDS}–{@value #TITLE_MAX_WORDS} words that do not end like a
 *       sentence or a lead-in ({@code . : ; … ،}) and do not start with a list dash or bullet
 *       (sub-headline bullets). Each gets a score and the highest wins (the earliest on a tie):
 *       <ul>
 *         <li>{@code 10 − position} — headlines come first;
 *         <li>{@code +4} when the page has the line more than once — pages repeat their title;
 *         <li>{@code +3} when the next content line is a body paragraph in the same script — a
 *             headline is followed by its story;
 *         <li>{@code −6} when the next content line is a paragraph in another script — that is a
 *             site header with its tagline (an Arabic organisation name followed by its English
 *             mission statement), not a headline;
 *         <li>{@code −3} when the line is not in the page's majority script.
 *       </ul>
 *       One- to three-word lines (section labels such as {@code قادة الميليشيات}) are never
 *       candidates. When there is no candidate at all, the title is made from the first content
 *       line: its first sentence, at most {@value #FALLBACK_TITLE_WORDS} words ({@code …} marks a
 *       cut); the body still holds that whole line unless the title is the whole line.
 *   <li><b>Body</b>: all content lines but the title, in page order, separated by a blank line.
 *       Lines before the title are kept (they survived every boilerplate rule, so they are
 *       treated as content).
 *   <li><b>Language</b>: {@link LanguageDetector#detect} on title and body.
 * </ol>
 * {@link #parse} never throws: any input, including null, gives a page (possibly empty).
 */
public final class PageParser {

    static final int TITLE_WINDOW = 8;
    static final int TITLE_MIN_WORDS = 4;
    static final int TITLE_MAX_WORDS = 25;
    static final int TITLE_MAX_CHARS = 250;
    static final int FALLBACK_TITLE_WORDS = 15;
    static final int CAPTION_MAX_WORDS = 20;
    /** How far (in lines, either way) a caption is looked for in the story. */
    static final int CAPTION_SEARCH_LINES = 500;

    private static final Pattern LINE_BREAK = Pattern.compile("\r\n|[\n\r\u0085\u000B\u000C\u2028\u2029]");

    private PageParser() {}

    /** Parses a raw scraped page; see the class comment. Never throws. */
    public static ParsedPage parse(String rawText) {
        try {
            return doParse(rawText == null ? "" : rawText);
        } catch (RuntimeException | StackOverflowError e) {
            return fallback(rawText);
        }
    }

    private static ParsedPage doParse(String rawText) {
        List<String> lines = new ArrayList<>();
        for (String raw : LINE_BREAK.split(rawText, -1)) {
            lines.add(TextNormalizer.cleanLine(raw));
        }
        LocalDate publishedAt = DateExtractor.publicationDate(lines).orElse(null);

        List<String> keys = new ArrayList<>(lines.size());
        Map<String, Integer> occurrences = new HashMap<>();
        for (String line : lines) {
            String key = TextNormalizer.dedupeKey(line);
            keys.add(key);
            if (!key.isEmpty()) {
                occurrences.merge(key, 1, Integer::sum);
            }
        }

        List<String> content = contentLines(lines, keys);
        if (content.isEmpty()) {
            return new ParsedPage("", "", publishedAt, LanguageDetector.UNDETERMINED);
        }

        String title;
        int titleIndex = chooseTitle(content, occurrences);
        if (titleIndex >= 0) {
            title = content.get(titleIndex);
        } else {
            title = fallbackTitle(content.get(0));
            if (TextNormalizer.dedupeKey(title).equals(TextNormalizer.dedupeKey(content.get(0)))) {
                titleIndex = 0;
            }
        }
        List<String> bodyLines = new ArrayList<>(content);
        if (titleIndex >= 0) {
            bodyLines.remove(titleIndex);
        }
        String body = String.join("\n\n", bodyLines);
        return new ParsedPage(title, body, publishedAt, LanguageDetector.detect(ParsedPage.joinText(title, body)));
    }

    private static List<String> contentLines(List<String> lines, List<String> keys) {
        List<String> content = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        boolean afterCaptionMarker = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isEmpty()) {
                continue;
            }
            if (afterCaptionMarker) {
                afterCaptionMarker = false;
                if (isCaptionText(line, keys, i)) {
                    continue;
                }
            }
            if (BoilerplateRules.isCaptionMarker(line)) {
                afterCaptionMarker = true;
                continue;
            }
            if (BoilerplateRules.isBoilerplate(line) || !seen.add(keys.get(i))) {
                continue;
            }
            content.add(line);
        }
        return content;
    }

    /**
     * The line after a caption marker is the caption when it is short (at most
     * {@value #CAPTION_MAX_WORDS} words) or when it quotes another line of the page (captions
     * often repeat a sentence of the story, give or take a leading {@code و} or the final stop).
     */
    private static boolean isCaptionText(String line, List<String> keys, int index) {
        if (TextNormalizer.wordCount(line) <= CAPTION_MAX_WORDS) {
            return true;
        }
        String key = keys.get(index);
        if (key.length() < 20) {
            return false;
        }
        int end = Math.min(keys.size(), index + CAPTION_SEARCH_LINES);
        for (int j = Math.max(0, index - CAPTION_SEARCH_LINES); j < end; j++) {
            if (j != index && keys.get(j).length() >= key.length() && keys.get(j).contains(key)) {
                return true;
            }
        }
        return false;
    }

    /** Index of the best title candidate among the first content lines, or -1. */
    static int chooseTitle(List<String> content, Map<String, Integer> occurrences) {
        LanguageDetector.Script pageScript = LanguageDetector.dominantScript(String.join("\n", content));
        int window = Math.min(TITLE_WINDOW, content.size());
        int best = -1;
        int bestScore = Integer.MIN_VALUE;
        for (int i = 0; i < window; i++) {
            String line = content.get(i);
            if (!isTitleCandidate(line)) {
                continue;
            }
            LanguageDetector.Script script = LanguageDetector.dominantScript(line);
            int score = 10 - i;
            if (occurrences.getOrDefault(TextNormalizer.dedupeKey(line), 0) >= 2) {
                score += 4;
            }
            if (i + 1 < content.size() && isBodyParagraph(content.get(i + 1))) {
                score += LanguageDetector.dominantScript(content.get(i + 1)) == script ? 3 : -6;
            }
            if (script != pageScript) {
                score -= 3;
            }
            if (score > bestScore) {
                bestScore = score;
                best = i;
            }
        }
        return best;
    }

    static boolean isTitleCandidate(String line) {
        int words = TextNormalizer.wordCount(line);
        if (words < TITLE_MIN_WORDS || words > TITLE_MAX_WORDS || line.length() > TITLE_MAX_CHARS) {
            return false;
        }
        char last = TextNormalizer.lastMeaningfulChar(line);
        if (".:;…،,؛".indexOf(last) >= 0) {
            return false;
        }
        char first = line.charAt(0);
        return "-–—•*·▪►■●◦".indexOf(first) < 0;
    }

    static boolean isBodyParagraph(String line) {
        int words = TextNormalizer.wordCount(line);
        char last = TextNormalizer.lastMeaningfulChar(line);
        return words >= 12 || words >= 6 && ".!?؟".indexOf(last) >= 0;
    }

    /** First sentence of the line, at most FALLBACK_TITLE_WORDS words ("…" when cut short). */
    static String fallbackTitle(String line) {
        String[] tokens = line.strip().split("\\s+");
        StringBuilder out = new StringBuilder();
        int words = 0;
        for (String token : tokens) {
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append(token);
            if (TextNormalizer.hasLetterOrDigit(token)) {
                words++;
            }
            char last = TextNormalizer.lastMeaningfulChar(token);
            if (".!?؟".indexOf(last) >= 0 && words >= TITLE_MIN_WORDS) {
                String sentence = out.toString();
                return sentence.endsWith(".") ? sentence.substring(0, sentence.length() - 1) : sentence;
            }
            if (words >= FALLBACK_TITLE_WORDS && out.length() < line.strip().length()) {
                return out + "…";
            }
            if (out.length() > TITLE_MAX_CHARS) {
                return out.substring(0, TITLE_MAX_CHARS) + "…";
            }
        }
        return out.toString();
    }

    /** Last resort if a rule ever failed on odd input: the cleaned text as body, nothing else. */
    private static ParsedPage fallback(String rawText) {
        try {
            String text = rawText == null ? "" : rawText;
            StringBuilder body = new StringBuilder();
            Arrays.stream(text.split("\n")).map(TextNormalizer::cleanLine).filter(s -> !s.isEmpty())
                    .forEach(s -> body.append(body.length() > 0 ? "\n\n" : "").append(s));
            return new ParsedPage("", body.toString(), null, LanguageDetector.detect(body.toString()));
        } catch (RuntimeException | StackOverflowError e) {
            return new ParsedPage("", "", null, LanguageDetector.UNDETERMINED);
        }
    }
}
