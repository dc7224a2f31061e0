package io.akhbar.indexer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.akhbar.core.Article;
import io.akhbar.gazetteer.Gazetteer;
import io.akhbar.gazetteer.Tagger;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Inputs to articles, without a node. */
class ArticleFactoryTest {

  static final Tagger TAGGER = new Tagger(Gazetteer.fromClasspath());
  final ArticleFactory factory = new ArticleFactory(TAGGER, Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));
  final ObjectMapper json = new ObjectMapper();

  Article feed(String line) throws Exception {
    return assertInstanceOf(ArticleFactory.Result.Made.class,
        factory.make(new Input.FeedEntry("f.jsonl:1", "f.jsonl", json.readTree(line)))).article();
  }

  String refused(String line) throws Exception {
    return assertInstanceOf(ArticleFactory.Result.Refused.class,
        factory.make(new Input.FeedEntry("f.jsonl:1", "f.jsonl", json.readTree(line)))).reason();
  }

  @Test
  void aFeedsPublishedAtWinsOverDatesInTheText() throws Exception {
    Article a = feed("{\"id\":\"x1\",\"body\":\"السبت 23 مايو 2020 / 21:12\\nنص الخبر في البصرة\",\"published_at\":\"2021-02-01T10:00:00Z\"}");
    assertEquals(LocalDate.of(2021, 2, 1), a.publishedAt());
    assertEquals("x1", a.id());
    assertTrue(a.provinces().contains("IQ-BA"), a.provinces().toString());
  }

  @Test
  void withoutAnIdTheUrlThenTheTextGiveAStableId() throws Exception {
    Article byUrl1 = feed("{\"url\":\"https://example.org/a\",\"body\":\"نص\"}");
    Article byUrl2 = feed("{\"url\":\"https://example.org/a\",\"body\":\"نص آخر\"}");
    assertEquals(byUrl1.id(), byUrl2.id());
    Article byText = feed("{\"body\":\"نص\"}");
    assertEquals(byText.id(), feed("{\"body\":\"نص\"}").id());
    assertNotEquals(byText.id(), feed("{\"body\":\"نص مختلف\"}").id());
  }

  @Test
  void missingFieldsAreFilledSensiblyAndTheLanguageIsDetected() throws Exception {
    Article a = feed("{\"body\":\"Protesters gathered in Basra on Friday demanding electricity and jobs.\"}");
    assertEquals("en", a.language());
    assertEquals("f.jsonl", a.source());
    assertNull(a.publishedAt());
    assertTrue(a.title().startsWith("Protesters gathered"));
  }

  @Test
  void badFeedRecordsAreRefusedWithAReason() throws Exception {
    assertTrue(refused("{\"title\":\"no body\"}").contains("body"));
    assertTrue(refused("{\"body\":\"x\",\"published_at\":\"31 فبراير 2021\"}").contains("published_at"));
    assertTrue(refused("{\"body\":\"x\",\"published_at\":\"2021-02-31\"}").contains("published_at"));
    assertTrue(refused("{\"body\":\"x\",\"language\":\"fr\"}").contains("language"));
    assertTrue(refused("{\"body\":\"x\",\"id\":\"\"}").contains("id"));
  }

  @Test
  void aPageGetsItsTitleDateAndTagsAndAnIdFromItsPath() {
    String page = "Skip to main content\n\nالسبت 23 مايو 2020 / 21:12\n\nهاتف بومبيو للكاظمي يشعل عملاء إيران\n\n"
        + "اتصل وزير الخارجية الأميركي مايك بومبيو برئيس الوزراء مصطفى الكاظمي بعد أحداث البصرة.\n";
    Article a = assertInstanceOf(ArticleFactory.Result.Made.class,
        factory.make(new Input.Page("x/002.txt", "002.txt", page))).article();
    assertEquals("هاتف بومبيو للكاظمي يشعل عملاء إيران", a.title());
    assertEquals(LocalDate.of(2020, 5, 23), a.publishedAt());
    assertTrue(a.provinces().contains("IQ-BA"));
    assertTrue(a.actors().size() >= 2, a.actors().toString());
    assertEquals(a.id(), assertInstanceOf(ArticleFactory.Result.Made.class,
        factory.make(new Input.Page("elsewhere/002.txt", "002.txt", page + "\n"))).article().id());
  }
}
