package io.akhbar.api.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.akhbar.api.SeededApp;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What an English-speaking journalist types must find the Arabic articles that name it (the seeds' part of the names
 * suite), through the real API over a real node: surname alone, with «al-» (hyphen or space), full names, and the
 * operators around them. Each case is the query and exactly the seeds that must come back.
 */
class NamesAcrossScriptsIT {

  static final ObjectMapper JSON = new ObjectMapper();
  static SeededApp app;

  @BeforeAll
  static void start() throws Exception {
    app = SeededApp.withSeeds("it-names-across-scripts");
  }

  @AfterAll
  static void stop() throws Exception {
    app.close();
  }

  @ParameterizedTest(name = "«{0}» finds [{1}]")
  @CsvSource(delimiter = ';', value = {
      // a surname alone is a search for the Arabic surname (الخزعلي, الفياض, الكاظمي, الجبوري)
      "Khazali;000",
      "al-Khazali;000",
      "Al Khazali;000",
      "Fayyadh;000",
      "Kadhimi;002 003",
      "Jabouri;004",
      "Jubouri;004",
      // full names with «al-», hyphen or space, any case
      "Qais al-Khazali;000",
      "qais al khazali;000",
      "Qays al-Khazʿalī;000",
      "Mustafa al-Kadhimi;002 003",
      "Falih al-Fayyadh;000",
      // operators keep working around them; a hyphen inside a word never excludes
      "\"Mustafa al-Kadhimi\";002 003",
      "al-Kadhimi -Pompeo;003",
      "al-Khazali OR al-Kadhimi;000 002 003",
      // no common word stands for a name: «صدر» (was issued) is not al-Sadr
      "Muqtada al-Sadr;000",
      "Muqtada;000",
  })
  void aLatinNameFindsTheArabicArticlesThatNameIt(String q, String expected) throws Exception {
    HttpResponse<String> r = app.get("/api/search?size=20&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
    assertEquals(200, r.statusCode(), r.body());
    JsonNode hits = JSON.readTree(r.body()).path("hits");
    TreeSet<String> seeds = new TreeSet<>();
    hits.forEach(h -> seeds.add(h.path("source").asText().substring(0, 3)));
    assertEquals(new TreeSet<>(Arrays.asList(expected.split(" "))), seeds, q);
  }

}
