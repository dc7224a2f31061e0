package io.akhbar.api.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.akhbar.api.SeededApp;
import io.akhbar.core.Article;
import io.akhbar.core.ElasticsearchConnection;
import io.akhbar.core.IndexDefinition;
import io.akhbar.core.IndexManager;
import io.akhbar.core.testing.RealElasticsearch;
import io.akhbar.gazetteer.Tagger;
import io.akhbar.indexer.ArticleFactory;
import io.akhbar.indexer.BulkWriter;
import io.akhbar.indexer.IndexSummary;
import io.akhbar.indexer.Indexer;
import java.io.RandomAccessFile;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A table of bad inputs, each with the outcome it must have. Indexer side: files through {@code Indexer.run}
 * (rejected with a reason in the dead-letter file, or indexed as described). API side: HTTP to the real app (400
 * naming the parameter, or 200 with a well-formed result). Every row is checked; the test fails listing the rows
 * not handled and prints "bad input: N/N handled".
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class BadInputIT {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String BODY = "عقد مجلس محافظة البصرة اليوم جلسة لمناقشة أزمة المياه في المحافظة، وقال رئيس المجلس إن الحكومة"
      + " المحلية ستتخذ إجراءات عاجلة لمعالجة نقص المياه الذي أثر في الزراعة خلال الأشهر الماضية.";
  static int rows;
  static int handled;

  @TempDir Path dir;

  /** What a row must come to; {@link #check} gives null when it did, else what happened instead. */
  record Row(String input, String expected, Function<Object, String> check) {}

  // ---------------------------------------------------------------- indexer side

  record Outcomes(IndexSummary summary, List<JsonNode> deadLetters, Map<String, Article> byId, Map<String, Article> bySource) {}

  static Function<Object, String> rejected(String file, String reasonFragment) {
    return o -> {
      Outcomes out = (Outcomes) o;
      for (JsonNode d : out.deadLetters()) {
        String where = d.path("where").asText();
        if ((where.endsWith("/" + file) || where.contains("/" + file + ":"))
            && d.path("reason").asText().toLowerCase(Locale.ROOT).contains(reasonFragment.toLowerCase(Locale.ROOT))) {
          return null;
        }
      }
      return "no dead letter for " + file + " with a reason containing '" + reasonFragment + "'"
          + (out.bySource().containsKey(file) ? " (it was indexed)" : "");
    };
  }

  static Function<Object, String> indexed(String key, Function<Article, String> property) {
    return o -> {
      Outcomes out = (Outcomes) o;
      Article a = out.byId().getOrDefault(key, out.bySource().get(key));
      if (a == null) {
        return key + " was not indexed; dead letters: " + out.deadLetters();
      }
      return property.apply(a);
    };
  }

  static Function<Object, String> all(List<Function<Object, String>> checks) {
    return o -> {
      for (Function<Object, String> c : checks) {
        String problem = c.apply(o);
        if (problem != null) {
          return problem;
        }
      }
      return null;
    };
  }

  @Test
  void everyBadFileOrRecordIsIndexedOrRejectedWithItsReason() throws Exception {
    Path in = Files.createDirectories(dir.resolve("inputs"));
    List<Row> table = new ArrayList<>();

    Files.write(in.resolve("empty.txt"), new byte[0]);
    table.add(new Row("empty file", "rejected: empty", rejected("empty.txt", "empty file")));

    byte[] png = new byte[4096];
    byte[] header = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    System.arraycopy(header, 0, png, 0, header.length);
    for (int i = header.length; i < png.length; i++) {
      png[i] = (byte) (i * 31);
    }
    Files.write(in.resolve("photo.txt"), png);
    table.add(new Row("binary file (a PNG named .txt)", "rejected: binary", rejected("photo.txt", "binary")));

    try (RandomAccessFile huge = new RandomAccessFile(in.resolve("huge.txt").toFile(), "rw")) {
      huge.setLength(50L * 1024 * 1024); // sparse: no 50 MB written to disk
    }
    table.add(new Row("50 MB file (sparse)", "rejected: too large", rejected("huge.txt", "too large")));

    Files.write(in.resolve("latin1.txt"), "Caf\u00e9 cr\u00e8me, na\u00efve r\u00e9sum\u00e9 of the day\n".getBytes(StandardCharsets.ISO_8859_1));
    table.add(new Row("invalid UTF-8 page (Latin-1 bytes)", "rejected: not valid UTF-8", rejected("latin1.txt", "not valid UTF-8")));

    byte[] badLine = ("{\"id\":\"bad-bytes\",\"body\":\"caf" + "\u0000").getBytes(StandardCharsets.UTF_8);
    badLine[badLine.length - 1] = (byte) 0xC3;
    byte[] rest = "(\"}\n".getBytes(StandardCharsets.UTF_8);
    byte[] jsonl = new byte[badLine.length + rest.length];
    System.arraycopy(badLine, 0, jsonl, 0, badLine.length);
    System.arraycopy(rest, 0, jsonl, badLine.length, rest.length);
    Files.write(in.resolve("bad-bytes.jsonl"), jsonl);
    table.add(new Row("invalid UTF-8 in JSON Lines", "rejected: not valid UTF-8", rejected("bad-bytes.jsonl", "not valid UTF-8")));

    Files.writeString(in.resolve("no-title.txt"), BODY + "\n", StandardCharsets.UTF_8);
    table.add(new Row("page with no title", "indexed, titled by its first words", indexed("no-title.txt",
        a -> a.title() != null && !a.title().isBlank() && BODY.startsWith(a.title().replaceAll("\\s*…$", "").strip())
            ? null : "title '" + a.title() + "' is not the start of the text")));

    Files.writeString(in.resolve("broken.jsonl"), String.join("\n",
        "{\"id\":\"broken-1\",\"title\":\"خبر أول\",\"body\":\"" + BODY + "\"}",
        "{\"id\":\"broken-2\",\"body\":\"نص",
        "{\"id\":\"broken-3\",\"title\":\"خبر ثالث\",\"body\":\"" + BODY + "\"}") + "\n", StandardCharsets.UTF_8);
    table.add(new Row("JSON Lines with a broken line", "line 2 rejected: broken JSON; lines 1 and 3 indexed", all(List.of(
        rejected("broken.jsonl", "broken JSON"),
        indexed("broken-1", a -> null),
        indexed("broken-3", a -> null)))));

    Files.writeString(in.resolve("feb31.jsonl"),
        "{\"id\":\"feb31\",\"body\":\"" + BODY + "\",\"published_at\":\"31 فبراير 2021\"}\n", StandardCharsets.UTF_8);
    table.add(new Row("JSON Lines with published_at \"31 فبراير 2021\"", "rejected: published_at is not an ISO date",
        rejected("feb31.jsonl", "published_at")));

    Files.writeString(in.resolve("feb31-page.txt"), String.join("\n",
        "بغداد - 31 فبراير 2021",
        "مجلس محافظة البصرة يناقش أزمة المياه في جلسة طارئة",
        BODY,
        "وأضاف المتحدث أن المجلس سيتابع تنفيذ الوعود خلال الأيام المقبلة."), StandardCharsets.UTF_8);
    table.add(new Row("page dated «31 فبراير 2021»", "indexed with no date (an impossible day is not guessed)",
        indexed("feb31-page.txt", a -> a.publishedAt() == null ? null : "published_at " + a.publishedAt())));

    Files.writeString(in.resolve("blank.txt"), "   \n\t\n  ", StandardCharsets.UTF_8);
    table.add(new Row("page of white space only", "rejected: no text", rejected("blank.txt", "no text")));

    Files.write(in.resolve("report.pdf"), "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII));
    table.add(new Row("unknown file type (.pdf)", "rejected: unknown file type", rejected("report.pdf", "unknown file type")));

    Files.write(in.resolve("empty.jsonl"), "\n\n".getBytes(StandardCharsets.UTF_8));
    table.add(new Row("JSON Lines file with no records", "rejected: empty", rejected("empty.jsonl", "empty file")));

    Files.writeString(in.resolve("records.jsonl"), String.join("\n",
        "[1, 2, 3]",
        "{\"id\":\"no-body\",\"title\":\"عنوان بلا نص\"}",
        "{\"id\":\"feb30\",\"body\":\"" + BODY + "\",\"published_at\":\"2021-02-30\"}",
        "{\"id\":\"french\",\"body\":\"" + BODY + "\",\"language\":\"fr\"}",
        "{\"id\":\"" + "x".repeat(300) + "\",\"body\":\"" + BODY + "\"}",
        "{\"id\":\"control-chars\",\"title\":\"خبر \\u0007 عاجل\",\"body\":\"نص \\u0000 فيه \\u001b محارف تحكم " + BODY + "\"}",
        "{\"id\":\"html-body\",\"title\":\"<script>alert(1)</script>\",\"body\":\"<b>" + BODY + "</b>\"}"), StandardCharsets.UTF_8);
    table.add(new Row("JSON line that is not an object", "rejected: not a JSON object", rejected("records.jsonl", "not a JSON object")));
    table.add(new Row("JSON record without body", "rejected: missing body", rejected("records.jsonl", "missing \"body\"")));
    table.add(new Row("JSON record dated 2021-02-30", "rejected: published_at", rejected("records.jsonl", "\"published_at\" is not an ISO date")));
    table.add(new Row("JSON record with language fr", "rejected: language", rejected("records.jsonl", "\"language\" must be one of")));
    table.add(new Row("JSON record with a 300-character id", "rejected: id length", rejected("records.jsonl", "\"id\" must be 1 to")));
    table.add(new Row("JSON record with control characters", "indexed", indexed("control-chars", a -> null)));
    table.add(new Row("JSON record with HTML in title and body", "indexed as text", indexed("html-body",
        a -> a.title().equals("<script>alert(1)</script>") ? null : "title became " + a.title())));

    Files.write(in.resolve("cp1256.txt"), String.join("\n",
        "مجلس محافظة البصرة يناقش أزمة المياه في جلسة طارئة", BODY).getBytes(Charset.forName("windows-1256")));
    table.add(new Row("Arabic page saved as Windows-1256", "indexed (decoded)", indexed("cp1256.txt",
        a -> a.body().contains("المياه") ? null : "body not decoded: " + a.body())));

    Files.write(in.resolve("bom.txt"), ("\uFEFF" + "مجلس محافظة البصرة يناقش أزمة المياه في جلسة طارئة\n" + BODY)
        .getBytes(StandardCharsets.UTF_8));
    table.add(new Row("UTF-8 page with a byte-order mark", "indexed without the mark", indexed("bom.txt",
        a -> a.title().contains("\uFEFF") || a.body().contains("\uFEFF") ? "the BOM was kept" : null)));

    ElasticsearchConnection es = RealElasticsearch.connection();
    String alias = "it-rel-bad-input-files";
    IndexManager indices = new IndexManager(es.client(), alias, IndexDefinition.forGazetteer(SeededApp.GAZETTEER));
    indices.deleteAll();
    indices.ensureIndex();
    try {
      Path deadLetterFile = dir.resolve("dead-letter.jsonl");
      IndexSummary summary = new Indexer(es, alias, new ArticleFactory(new Tagger(SeededApp.GAZETTEER), Clock.systemUTC()),
          BulkWriter.Options.defaults()).run(List.of(in), deadLetterFile);
      List<JsonNode> dead = new ArrayList<>();
      for (String line : Files.readAllLines(deadLetterFile, StandardCharsets.UTF_8)) {
        dead.add(JSON.readTree(line));
      }
      Map<String, Article> byId = new HashMap<>();
      Map<String, Article> bySource = new HashMap<>();
      for (var hit : es.client().search(s -> s.index(alias).size(500), Article.class).hits().hits()) {
        byId.put(hit.id(), hit.source());
        bySource.put(hit.source().source(), hit.source());
      }
      Outcomes outcomes = new Outcomes(summary, dead, byId, bySource);
      List<String> failures = checkAll("indexer", table, outcomes);
      // every input read is accounted for exactly once
      long accounted = summary.indexed() + summary.updated() + summary.unchanged() + summary.failed() + summary.rejected();
      if (accounted != summary.read() || summary.failed() + summary.rejected() != dead.size()) {
        failures.add("summary does not account for every input: " + summary + ", " + dead.size() + " dead letters");
      }
      assertEquals(List.of(), failures, "bad input rows not handled (indexer side)");
    } finally {
      indices.deleteAll();
    }
  }

  // ---------------------------------------------------------------- API side

  static Function<Object, String> badParameter(String parameter) {
    return o -> {
      ReliabilityApps.Answer r = (ReliabilityApps.Answer) o;
      if (r.status() != 400) {
        return "status " + r.status() + ": " + abbreviate(r.body());
      }
      JsonNode error = parse(r).path("error");
      if (!parameter.equals(error.path("parameter").asText())) {
        return "names parameter '" + error.path("parameter").asText() + "': " + abbreviate(r.body());
      }
      if (error.path("code").asText().isBlank() || error.path("message").asText().isBlank()) {
        return "no code or message: " + abbreviate(r.body());
      }
      return null;
    };
  }

  static Function<Object, String> results(long maxTotal) {
    return o -> {
      ReliabilityApps.Answer r = (ReliabilityApps.Answer) o;
      if (r.status() != 200) {
        return "status " + r.status() + ": " + abbreviate(r.body());
      }
      JsonNode body = parse(r);
      if (!body.path("total").isNumber() || !body.path("hits").isArray() || !body.path("facets").isObject()) {
        return "not a search result: " + abbreviate(r.body());
      }
      if (body.path("total").asLong() > maxTotal) {
        return "total " + body.path("total").asLong() + " > " + maxTotal;
      }
      return null;
    };
  }

  static Function<Object, String> results() {
    return results(Long.MAX_VALUE);
  }

  static JsonNode parse(ReliabilityApps.Answer r) {
    try {
      return JSON.readTree(r.body());
    } catch (Exception e) {
      return JSON.createObjectNode().put("unparsable", r.body());
    }
  }

  static String abbreviate(String s) {
    return s == null ? "null" : s.length() > 300 ? s.substring(0, 300) + "…" : s;
  }

  static String q(String value) {
    return "/api/search?q=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  @Test
  void everyBadRequestIsRefusedNamingItsParameterOrAnsweredWithResults() throws Exception {
    List<Row> table = new ArrayList<>();
    // bad parameters: 400 naming the parameter
    table.add(new Row("/api/search?sort=sideways", "400 sort", badParameter("sort")));
    table.add(new Row("/api/search?size=0", "400 size", badParameter("size")));
    table.add(new Row("/api/search?size=1000", "400 size", badParameter("size")));
    table.add(new Row("/api/search?size=abc", "400 size", badParameter("size")));
    table.add(new Row("/api/search?size=-5", "400 size", badParameter("size")));
    table.add(new Row("/api/search?size=99999999999999999999", "400 size", badParameter("size")));
    table.add(new Row("/api/search?page=0", "400 page", badParameter("page")));
    table.add(new Row("/api/search?page=abc", "400 page", badParameter("page")));
    table.add(new Row("/api/search?page=200&size=100", "400 page (too deep)", badParameter("page")));
    table.add(new Row("/api/search?from=2021-05-01&to=2021-01-01", "400 from (after to)", badParameter("from")));
    table.add(new Row("/api/search?from=2021-13-45", "400 from", badParameter("from")));
    table.add(new Row("/api/search?from=2021-02-30", "400 from", badParameter("from")));
    table.add(new Row("/api/search?from=yesterday", "400 from", badParameter("from")));
    table.add(new Row("/api/search?to=01%2F02%2F2021", "400 to", badParameter("to")));
    table.add(new Row("/api/search?to=" + URLEncoder.encode("٢٠٢١-٠١-٠١", StandardCharsets.UTF_8), "400 to (Arabic-Indic digits)",
        badParameter("to")));
    table.add(new Row("/api/search?from=2021-01-01T00:00:00Z", "400 from (a time, not a date)", badParameter("from")));
    table.add(new Row("/api/search?province=IQ-XX", "400 province", badParameter("province")));
    table.add(new Row("/api/search?province=IQ-BG,IQ-ZZ", "400 province", badParameter("province")));
    table.add(new Row("/api/search?province=" + URLEncoder.encode("بغداد", StandardCharsets.UTF_8), "400 province (a name, not an id)",
        badParameter("province")));
    table.add(new Row("/api/search?district=nowhere", "400 district", badParameter("district")));
    table.add(new Row("/api/search?actor=nobody-at-all", "400 actor", badParameter("actor")));
    table.add(new Row("/api/search?language=fr", "400 language", badParameter("language")));
    table.add(new Row("/api/search?interval=week", "400 interval", badParameter("interval")));
    table.add(new Row("/api/search?cursor=not-a-cursor", "400 cursor", badParameter("cursor")));
    table.add(new Row("/api/search?cursor=eyJzIjoicmVsZXZhbmNlIiwiYSI6WzFdfQ&page=2", "400 page (with a cursor)", badParameter("page")));
    table.add(new Row("/api/search?query=x", "400 query (unknown parameter)", badParameter("query")));
    table.add(new Row("/api/search?q=a&q=b", "400 q (repeated)", badParameter("q")));
    table.add(new Row(q("ب".repeat(1001)), "400 q (over-long)", badParameter("q")));
    table.add(new Row(q("أعلنت وزارة الداخلية العراقية اليوم ".repeat(150)), "400 q (10 KB of text)", badParameter("q")));
    table.add(new Row("/api/export?format=xml", "400 format", badParameter("format")));
    table.add(new Row("/api/facets/actors?limit=0", "400 limit", badParameter("limit")));
    table.add(new Row("/api/facets/actors?limit=abc", "400 limit", badParameter("limit")));
    // query strings people (or attackers) type: 200 with a result, never an error
    table.add(new Row(q("ب".repeat(1000)), "200 (exactly the limit)", results()));
    table.add(new Row(q("\"بغداد"), "200", results()));
    table.add(new Row(q("بغداد\""), "200", results()));
    table.add(new Row(q("\"\"\""), "200", results()));
    table.add(new Row(q("\"القوات الأمنية"), "200", results()));
    table.add(new Row(q("((بغداد"), "200", results()));
    table.add(new Row(q("بغداد))"), "200", results()));
    for (String op : List.of("AND", "OR", "NOT", "-", "+", "|", "*", "~", "&&", "||", "!", "\\", "AND OR NOT", "+ - |")) {
      table.add(new Row(q(op), "200 (a lone operator)", results()));
    }
    table.add(new Row(q("title:x AND body:/.*/"), "200 (Lucene syntax is text)", results()));
    table.add(new Row(q("*:*"), "200", results()));
    table.add(new Row(q("_exists_:title"), "200", results()));
    table.add(new Row(q("body:[a TO z]"), "200", results()));
    table.add(new Row(q("بغداد^100 داعش~2"), "200", results()));
    table.add(new Row(q("{\"query\":{\"match_all\":{}}}"), "200, not everything (JSON is text)", results(4)));
    table.add(new Row(q("\"}]}"), "200", results()));
    table.add(new Row(q("\"},\"size\":10000,\"x\":{\""), "200", results()));
    table.add(new Row(q("\u0000"), "200 (NUL)", results()));
    table.add(new Row(q("\u0007بغداد\u001b"), "200 (control characters)", results()));
    table.add(new Row(q("بغداد\r\nX-Injected: 1"), "200 (CR LF)", results()));
    table.add(new Row(q("\u202Eبغداد\u202C"), "200 (bidi override)", results()));
    table.add(new Row(q("\uFEFF\u200Fبغداد"), "200 (BOM, RLM)", results()));
    table.add(new Row(q("<script>alert(1)</script>"), "200", results()));
    table.add(new Row("/api/search?q=%C3%28", "400 q (percent-encoded bytes that are not UTF-8)", badParameter("q")));
    table.add(new Row("/api/search?q=%ZZ", "400 q (malformed percent-encoding)", badParameter("q")));
    table.add(new Row("/api/search?q=%E0%A4%A", "400 q (truncated percent-encoding)", badParameter("q")));

    try (SeededApp app = SeededApp.withSeeds("it-rel-bad-input-api")) {
      List<String> failures = checkAll("API", table, row -> {
        try {
          java.net.URI.create(app.baseUrl() + row.input());
        } catch (IllegalArgumentException notAUri) {
          return ReliabilityApps.rawGet(app.app, row.input(), Duration.ofSeconds(30));
        }
        HttpResponse<String> r = ReliabilityApps.get(app.app, row.input(), Duration.ofSeconds(30));
        return new ReliabilityApps.Answer(r.statusCode(), r.body());
      });
      assertEquals(List.of(), failures, "bad input rows not handled (API side)");
    }
  }

  /** Checks every row (none stops the others), prints the count, returns what was not handled. */
  static List<String> checkAll(String side, List<Row> table, Object outcomes) {
    return checkAll(side, table, row -> outcomes);
  }

  static List<String> checkAll(String side, List<Row> table, Function<Row, Object> outcomeOf) {
    List<String> failures = new ArrayList<>();
    for (Row row : table) {
      String problem;
      try {
        problem = row.check().apply(outcomeOf.apply(row));
      } catch (RuntimeException e) {
        problem = "threw " + e;
      }
      if (problem != null) {
        failures.add(abbreviate(row.input()) + " — expected " + row.expected() + ", but " + problem);
      }
    }
    int ok = table.size() - failures.size();
    synchronized (BadInputIT.class) {
      rows += table.size();
      handled += ok;
    }
    System.out.printf("bad input (%s): %d/%d handled%n", side, ok, table.size());
    failures.forEach(f -> System.out.println("  NOT HANDLED: " + f));
    return failures;
  }

  @AfterAll
  static void total() {
    System.out.printf("bad input: %d/%d handled%n", handled, rows);
  }
}
