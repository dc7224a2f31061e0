package io.akhbar.indexer.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.akhbar.core.Article;
import io.akhbar.gazetteer.Gazetteer;
import io.akhbar.gazetteer.Tags;
import io.akhbar.indexer.ArticleFactory;
import io.akhbar.indexer.InputScanner;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The tagging figures on a real corpus: every article of the corpus is made exactly as the indexer makes it (parse,
 * tag), then scored against the hand labels of a sample ({@link TagScore}) and, over the whole corpus, for
 * plausibility ({@link PlausibilityReport}). Tags can also be read from a file written by another version
 * ({@code --tags}), so that before and after are scored by the same yardstick.
 */
public final class CorpusEvaluation {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** What one run measured. */
  public record Result(int articles, int refused, Map<String, TagScore> samples, PlausibilityReport plausibility,
      double seconds) {

    public String markdown() {
      StringBuilder sb = new StringBuilder();
      sb.append(String.format(Locale.ROOT, "%d articles tagged (%d records refused: no body), %.1f s.%n%n", articles,
          refused, seconds));
      for (Map.Entry<String, TagScore> s : samples.entrySet()) {
        sb.append("### Tags against ").append(s.getKey()).append(" (").append(s.getValue().articles())
            .append(" articles; goal P ≥ 0.95, R ≥ 0.90 for provinces and actors)\n\n")
            .append(s.getValue().table()).append("\n");
        List<TagScore.Error> errors = s.getValue().errors();
        if (!errors.isEmpty()) {
          sb.append("Errors: ");
          List<String> parts = new ArrayList<>();
          for (TagScore.Error e : errors) {
            parts.add(e.doc() + " " + (e.falsePositive() ? "+" : "−") + e.id());
          }
          sb.append(String.join(", ", parts)).append("\n\n");
        }
      }
      sb.append("### Plausibility over the whole corpus\n\n").append(plausibility.markdown());
      return sb.toString();
    }
  }

  private CorpusEvaluation() {}

  /**
   * Tags (or reads the tags of) every article of the corpus and scores them.
   *
   * @param golds     label files to score against (their docs must be in the corpus)
   * @param tagsIn    tags written by {@code --write-tags} of any version, or null to tag now
   * @param tagsOut   where to write the tags computed now, or null
   */
  public static Result run(Path corpus, List<Path> golds, ArticleFactory factory, Gazetteer gazetteer, Path tagsIn,
      Path tagsOut) throws IOException {
    long t0 = System.nanoTime();
    Map<String, Map<String, TagGold>> goldSets = new LinkedHashMap<>();
    for (Path g : golds) {
      goldSets.put(g.getFileName().toString(), TagGold.read(g, gazetteer));
    }
    Map<String, Tags> given = tagsIn == null ? null : readTags(tagsIn);
    PlausibilityReport plausibility = new PlausibilityReport(gazetteer);
    Map<String, TagScore> scores = new LinkedHashMap<>();
    goldSets.keySet().forEach(k -> scores.put(k, new TagScore()));
    Map<String, Integer> seen = new HashMap<>();
    int[] counts = new int[2];
    BufferedWriter out = tagsOut == null ? null : Files.newBufferedWriter(tagsOut, StandardCharsets.UTF_8);
    try {
      new InputScanner().scan(List.of(corpus), input -> {
        if (!(factory.make(input) instanceof ArticleFactory.Result.Made made)) {
          counts[1]++;
          return;
        }
        Article a = made.article();
        counts[0]++;
        Tags tags = given == null ? new Tags(a.provinces(), a.districts(), a.actors())
            : given.getOrDefault(a.id(), Tags.EMPTY);
        plausibility.add(a.title(), a.body(), tags);
        for (Map.Entry<String, Map<String, TagGold>> g : goldSets.entrySet()) {
          TagGold gold = g.getValue().get(a.id());
          if (gold != null) {
            scores.get(g.getKey()).add(gold, tags);
            seen.merge(g.getKey(), 1, Integer::sum);
          }
        }
        if (out != null) {
          write(out, a.id(), tags);
        }
      });
    } finally {
      if (out != null) {
        out.close();
      }
    }
    for (Map.Entry<String, Map<String, TagGold>> g : goldSets.entrySet()) {
      int found = seen.getOrDefault(g.getKey(), 0);
      if (found != g.getValue().size()) {
        throw new IllegalArgumentException(g.getKey() + " labels " + g.getValue().size() + " articles, but only "
            + found + " of them are in " + corpus + " (a different corpus?)");
      }
    }
    return new Result(counts[0], counts[1], scores, plausibility, (System.nanoTime() - t0) / 1e9);
  }

  private static void write(BufferedWriter out, String id, Tags tags) {
    ObjectNode n = JSON.createObjectNode();
    n.put("id", id);
    n.set("provinces", JSON.valueToTree(tags.provinces()));
    n.set("districts", JSON.valueToTree(tags.districts()));
    n.set("actors", JSON.valueToTree(tags.actors()));
    try {
      out.write(JSON.writeValueAsString(n));
      out.newLine();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Map<String, Tags> readTags(Path file) throws IOException {
    Map<String, Tags> out = new HashMap<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode n = JSON.readTree(line);
      out.put(n.path("id").asText(), new Tags(list(n, "provinces"), list(n, "districts"), list(n, "actors")));
    }
    return out;
  }

  private static List<String> list(JsonNode n, String field) {
    List<String> out = new ArrayList<>();
    n.path(field).forEach(x -> out.add(x.asText()));
    return out;
  }
}
