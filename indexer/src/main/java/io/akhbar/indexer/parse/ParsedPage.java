package io.akhbar.indexer.parse;

import java.time.LocalDate;
import java.util.Optional;

/**
 * One article as the indexer stores it: what {@link PageParser#parse} makes of a raw scraped
 * page, or what a reader of already-structured input (JSON Lines) builds from given fields.
 *
 * <p>Never holds nulls except {@code publishedAt}: a null title or body becomes {@code ""}, a
 * null or blank language becomes {@code "und"}, and the language is trimmed and lower-cased.
 *
 * @param title       the headline, {@code ""} when none could be found
 * @param body        article text, paragraphs separated by one blank line
 * @param publishedAt publication date, or null when the page does not state one
 * @param language    "ar", "en", "ku" or "und" (see {@link LanguageDetector})
 */
public record ParsedPage(String title, String body, LocalDate publishedAt, String language) {

    public ParsedPage {
        title = title == null ? "" : title.strip();
        body = body == null ? "" : body.strip();
        language = language == null || language.isBlank()
                ? LanguageDetector.UNDETERMINED
                : language.strip().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * A page from given fields whose language is not given: it is detected from title and body
     * with {@link LanguageDetector#detect}.
     */
    public static ParsedPage of(String title, String body, LocalDate publishedAt) {
        return new ParsedPage(title, body, publishedAt, LanguageDetector.detect(joinText(title, body)));
    }

    /** The publication date, if the page has one. */
    public Optional<LocalDate> published() {
        return Optional.ofNullable(publishedAt);
    }

    /** True when the page has neither title nor body (nothing worth indexing). */
    public boolean isEmpty() {
        return title.isEmpty() && body.isEmpty();
    }

    static String joinText(String title, String body) {
        String t = title == null ? "" : title;
        String b = body == null ? "" : body;
        return t.isEmpty() ? b : b.isEmpty() ? t : t + "\n\n" + b;
    }
}
