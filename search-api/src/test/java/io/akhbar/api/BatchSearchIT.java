package io.akhbar.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** POST /api/batch on the seeds: every row says what /api/search says for that name, and a bad row stays a row. */
class BatchSearchIT {

  static final ObjectMapper JSON = new ObjectMapper();
  static SeededApp app;

  @BeforeAll
  static void start() throws Exception {
    app = SeededApp.withSeeds("it-batch");
  }

  @AfterAll
  static void stop() throws Exception {
    app.close();
  }

  static HttpResponse<String> post(String query, String contentType, String body) {
    return app.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + "/api/batch" + query))
        .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
  }

  static long searchTotal(String name, String filters) throws Exception {
    return JSON.readTree(app.get("/api/search?q=" + URLEncoder.encode(name, StandardCharsets.UTF_8) + filters).body())
        .get("total").asLong();
  }

  @Test
  void everyRowCountsWhatTheSearchFindsWithDatesProvincesAndALink() throws Exception {
    String names = "داعش\nKadhimi\nالبصرة\nNo Such Person Anywhere\n\"unclosed\n";
    HttpResponse<String> r = post("", "text/plain; charset=utf-8", names);
    assertEquals(200, r.statusCode(), r.body());
    JsonNode body = JSON.readTree(r.body());
    assertEquals(5, body.get("names").asInt());
    JsonNode rows = body.get("rows");
    assertEquals(5, rows.size());
    for (int i = 0; i < 4; i++) {
      JsonNode row = rows.get(i);
      String name = row.get("name").asText();
      assertEquals(searchTotal(name, ""), row.get("total").asLong(), name + ": the same count as the search");
      assertEquals("/?q=" + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"), row.get("search_url").asText());
    }
    JsonNode daesh = rows.get(0);
    assertTrue(daesh.get("total").asLong() >= 3, daesh.toString());
    assertTrue(daesh.get("top_provinces").size() > 0 && daesh.get("top_provinces").size() <= 3);
    assertTrue(daesh.get("top_provinces").get(0).has("name_ar"));
    assertEquals(0, rows.get(3).get("total").asLong());
    assertTrue(rows.get(3).get("first_date").isNull(), "no date without articles");
    assertTrue(rows.get(4).get("error").asText().length() > 0 || rows.get(4).get("total").asLong() >= 0,
        "a name that cannot be searched keeps its row");
  }

  @Test
  void theFiltersOfTheUrlApplyToEveryNameAndABadFilterIsA400() throws Exception {
    HttpResponse<String> r = post("?province=IQ-BA", "text/plain", "داعش\nالعراق\n");
    JsonNode rows = JSON.readTree(r.body()).get("rows");
    assertEquals(searchTotal("داعش", "&province=IQ-BA"), rows.get(0).get("total").asLong());
    assertTrue(rows.get(0).get("search_url").asText().endsWith("&province=IQ-BA"));
    HttpResponse<String> bad = post("?province=XX-99", "text/plain", "داعش\n");
    assertEquals(400, bad.statusCode());
    assertEquals("province", JSON.readTree(bad.body()).at("/error/parameter").asText());
    assertEquals(400, post("", "text/plain", "\n\n").statusCode());
  }

  @Test
  void aCsvComesInAndGoesOutWithABom() throws Exception {
    HttpResponse<String> r = post("?format=csv", "text/csv", "id,name\n1,داعش\n2,البصرة\n");
    assertEquals(200, r.statusCode());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
    try (var parser = org.apache.commons.csv.CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(new java.io.StringReader(r.body().replace("\uFEFF", "")))) {
      var records = parser.getRecords();
      assertEquals(2, records.size());
      assertEquals("داعش", records.get(0).get("name"));
      assertEquals(String.valueOf(searchTotal("داعش", "")), records.get(0).get("total"));
      assertTrue(records.get(1).get("top_provinces").contains("IQ-BA:"), records.get(1).toString());
    }
  }

  @Test
  void aThousandNamesFinishWithinTheRequestAndEveryNameHasItsRow() throws Exception {
    StringBuilder names = new StringBuilder();
    for (var actor : SeededApp.GAZETTEER.actors().subList(0, 1000)) {
      names.append(actor.nameAr()).append('\n');
    }
    HttpResponse<String> r = post("", "text/plain", names.toString());
    assertEquals(200, r.statusCode());
    JsonNode body = JSON.readTree(r.body());
    assertEquals(body.get("names").asInt(), body.get("rows").size());
    for (JsonNode row : body.get("rows")) {
      assertTrue(row.get("error").isNull(), row.toString());
    }
  }
}
