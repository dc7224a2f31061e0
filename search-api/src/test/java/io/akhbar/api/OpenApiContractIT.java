package io.akhbar.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The OpenAPI document served at /openapi.json is checked against live responses, so it cannot drift. */
class OpenApiContractIT {

  static final ObjectMapper JSON = new ObjectMapper();
  static SeededApp app;
  static JsonNode spec;

  @BeforeAll
  static void start() throws Exception {
    app = SeededApp.withSeeds("it-openapi");
    HttpResponse<String> r = app.get("/openapi.json");
    assertEquals(200, r.statusCode());
    spec = JSON.readTree(r.body());
  }

  @AfterAll
  static void stop() throws Exception {
    app.close();
  }

  static JsonNode live(String path, int status) throws Exception {
    HttpResponse<String> r = app.get(path);
    assertEquals(status, r.statusCode(), path + " → " + r.body());
    return JSON.readTree(r.body());
  }

  /** Every property the schema requires is present with the documented type, recursively; no undocumented field. */
  static void conforms(JsonNode value, JsonNode schema, String where, List<String> problems) {
    if (schema.has("$ref")) {
      String name = schema.get("$ref").asText().replace("#/components/schemas/", "");
      conforms(value, spec.at("/components/schemas/" + name), where, problems);
      return;
    }
    if (value.isNull()) {
      if (!schema.path("nullable").asBoolean(false)) {
        problems.add(where + " is null but not nullable");
      }
      return;
    }
    if (schema.has("allOf")) {
      for (JsonNode part : schema.get("allOf")) {
        conforms(value, part, where, problems);
      }
      return;
    }
    String type = schema.path("type").asText("");
    switch (type) {
      case "object" -> {
        if (!value.isObject()) {
          problems.add(where + " is not an object");
          return;
        }
        for (JsonNode req : schema.path("required")) {
          if (!value.has(req.asText())) {
            problems.add(where + "." + req.asText() + " is missing");
          }
        }
        for (Iterator<String> it = value.fieldNames(); it.hasNext(); ) {
          String field = it.next();
          JsonNode prop = schema.path("properties").path(field);
          if (prop.isMissingNode()) {
            problems.add(where + "." + field + " is not documented");
          } else {
            conforms(value.get(field), prop, where + "." + field, problems);
          }
        }
      }
      case "array" -> {
        if (!value.isArray()) {
          problems.add(where + " is not an array");
          return;
        }
        for (int i = 0; i < value.size(); i++) {
          conforms(value.get(i), schema.get("items"), where + "[" + i + "]", problems);
        }
      }
      case "string" -> {
        if (!value.isTextual()) problems.add(where + " is not a string");
      }
      case "integer" -> {
        if (!value.isIntegralNumber()) problems.add(where + " is not an integer");
      }
      case "number" -> {
        if (!value.isNumber()) problems.add(where + " is not a number");
      }
      default -> { }
    }
  }

  static JsonNode responseSchema(String path, String status) {
    return spec.path("paths").path(path).path("get").path("responses").path(status)
        .path("content").path("application/json").path("schema");
  }

  static void assertConforms(JsonNode value, JsonNode schema, String where) {
    List<String> problems = new ArrayList<>();
    conforms(value, schema, where, problems);
    assertTrue(problems.isEmpty(), String.join("\n", problems));
  }

  @Test
  void searchResponsesMatchTheDocumentedSchema() throws Exception {
    String q = URLEncoder.encode("داعش", StandardCharsets.UTF_8);
    for (String path : List.of("/api/search?q=" + q, "/api/search?size=100&interval=day", "/api/search?province=IQ-BA&sort=date_asc")) {
      assertConforms(live(path, 200), responseSchema("/api/search", "200"), path);
    }
  }

  @Test
  void everySearchParameterTheApiAcceptsIsDocumentedAndNothingMore() {
    Set<String> documented = new TreeSet<>();
    spec.at("/paths/~1api~1search/get/parameters").forEach(p -> documented.add(p.get("name").asText()));
    Set<String> accepted = new TreeSet<>(SearchParams.KNOWN);
    accepted.remove("format"); // export only
    assertEquals(accepted, documented);
  }

  @Test
  void errorsArticlesPickersAndHealthMatchTheDocumentedSchemas() throws Exception {
    assertConforms(live("/api/search?size=0", 400), responseSchema("/api/search", "400"), "400");
    String id = live("/api/search?size=1", 200).at("/hits/0/id").asText();
    assertConforms(live("/api/articles/" + id, 200), responseSchema("/api/articles/{id}", "200"), "article");
    assertConforms(live("/api/articles/missing", 404), responseSchema("/api/articles/{id}", "404"), "404");
    assertConforms(live("/api/facets/provinces", 200), responseSchema("/api/facets/provinces", "200"), "provinces");
    assertConforms(live("/api/facets/actors?prefix=" + URLEncoder.encode("الصدر", StandardCharsets.UTF_8), 200),
        responseSchema("/api/facets/actors", "200"), "actors");
    assertConforms(live("/health", 200), responseSchema("/health", "200"), "health");
  }

  @Test
  void aBatchSearchMatchesItsDocumentedSchema() throws Exception {
    HttpResponse<String> r = app.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(app.baseUrl() + "/api/batch"))
        .header("Content-Type", "text/plain").POST(java.net.http.HttpRequest.BodyPublishers.ofString("داعش\nNobody\n"))
        .build());
    assertEquals(200, r.statusCode(), r.body());
    assertConforms(JSON.readTree(r.body()), spec.at("/paths/~1api~1batch/post/responses/200/content/application~1json/schema"),
        "batch");
  }
}
