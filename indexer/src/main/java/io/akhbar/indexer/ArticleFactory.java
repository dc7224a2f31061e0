package io.akhbar.indexer;

import com.fasterxml.jackson.databind.JsonNode;
import io.akhbar.core.Article;
import io.akhbar.gazetteer.Tagger;
import io.akhbar.gazetteer.Tags;
import io.akhbar.indexer.parse.LanguageDetector;
import io.akhbar.indexer.parse.PageParser;
import io.akhbar.indexer.parse.ParsedPage;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.List;

/**
 * Turns an {@link Input} into an {@link Article}: parse (pages), detect the language, tag provinces, districts and
 * actors, and give it a stable id so that a rerun updates instead of duplicating. Pure: no I/O.
 */
public final class ArticleFactory {

  private static final int MAX_ID_LENGTH = 200;

  private final Tagger tagger;
  private final Clock clock;

  public ArticleFactory(Tagger tagger, Clock clock) {
    this.tagger = tagger;
    this.clock = clock;
  }

  /** An article, or the reason it cannot be one. */
  public sealed interface Result {
    record Made(Article article) implements Result {}

    record Refused(String where, String reason) implements Result {}
  }

  public Result make(Input input) {
    if (input instanceof Input.Page page) {
      return fromPage(page);
    }
    if (input instanceof Input.FeedEntry entry) {
      return fromFeed(entry);
    }
    Input.Rejected rejected = (Input.Rejected) input;
    return new Result.Refused(rejected.where(), rejected.reason());
  }

  Result fromPage(Input.Page page) {
    ParsedPage parsed = PageParser.parse(page.text());
    if (parsed.body().isBlank() && parsed.title().isBlank()) {
      return new Result.Refused(page.where(), "no article text left after removing boilerplate");
    }
    String title = parsed.title().isBlank() ? headlineFrom(parsed.body()) : parsed.title();
    return new Result.Made(article(sha1("page:" + page.source()), title, parsed.body(), parsed.publishedAt(),
        parsed.language(), page.source(), null));
  }

  Result fromFeed(Input.FeedEntry entry) {
    JsonNode json = entry.json();
    String body = text(json, "body");
    if (body == null || body.isBlank()) {
      return new Result.Refused(entry.where(), "missing \"body\" (the only required field)");
    }
    String title = text(json, "title");
    String url = text(json, "url");
    String source = text(json, "source");
    LocalDate published;
    try {
      published = date(text(json, "published_at"));
    } catch (DateTimeParseException e) {
      return new Result.Refused(entry.where(),
          "\"published_at\" is not an ISO date (2021-02-01 or 2021-02-01T10:00:00Z): " + text(json, "published_at"));
    }
    String language = text(json, "language");
    if (language != null && !LanguageDetector.CODES.contains(language)) {
      return new Result.Refused(entry.where(), "\"language\" must be one of ar, en, ku, und: " + language);
    }
    String id = text(json, "id");
    if (id != null && (id.isBlank() || id.length() > MAX_ID_LENGTH)) {
      return new Result.Refused(entry.where(), "\"id\" must be 1 to " + MAX_ID_LENGTH + " characters");
    }
    if (id == null) {
      id = url != null ? sha1("url:" + url) : sha1("text:" + (title == null ? "" : title) + "\n" + body);
    }
    return new Result.Made(article(id, title == null || title.isBlank() ? headlineFrom(body) : title.strip(),
        body.strip(), published, language == null ? LanguageDetector.detect((title == null ? "" : title) + "\n" + body) : language,
        source == null ? entry.fileName() : source, url));
  }

  private Article article(String id, String title, String body, LocalDate published, String language, String source,
      String url) {
    Tags tags = tagger.tag(title, body, published);
    java.time.Instant now = clock.instant();
    return new Article(id, title, body, published, language, source, url, tags.provinces(), tags.districts(),
        tags.actors(), contentHash(title, body, published, language, source, url, tags), now, tagger.taggedBy(), now,
        id, List.of()); // its own story until the StoryFinder finds what it copies
  }

  /** What a rerun compares to skip an unchanged article: its text, metadata and tags. */
  static String contentHash(String title, String body, LocalDate published, String language, String source,
      String url, Tags tags) {
    return sha1(String.join("\u0001", title, body, String.valueOf(published), language, source,
        String.valueOf(url), tags.provinces().toString(), tags.districts().toString(), tags.actors().toString()));
  }

  /** A page without a recognisable headline is titled by its first words, so it still reads in a result list. */
  static String headlineFrom(String body) {
    String firstLine = body.strip().lines().findFirst().orElse("").strip();
    List<String> words = List.of(firstLine.split("\\s+"));
    return words.size() <= 14 ? firstLine : String.join(" ", words.subList(0, 14)) + " …";
  }

  private static String text(JsonNode json, String field) {
    JsonNode node = json.get(field);
    if (node == null || node.isNull()) {
      return null;
    }
    return node.isValueNode() ? node.asText() : node.toString();
  }

  static LocalDate date(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.strip();
    if (v.length() == 10) {
      return LocalDate.parse(v);
    }
    try {
      return OffsetDateTime.parse(v).toLocalDate();
    } catch (DateTimeParseException e) {
      return java.time.LocalDateTime.parse(v).toLocalDate();
    }
  }

  static String sha1(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
