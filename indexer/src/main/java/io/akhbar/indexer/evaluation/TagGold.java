package io.akhbar.indexer.evaluation;

import io.akhbar.gazetteer.Gazetteer;
import io.akhbar.gazetteer.Place;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Hand labels of articles ({@code relevance/*-tags.tsv}): tab-separated {@code doc provinces districts actors note},
 * ids space-separated (an empty cell may be written {@code -}), {@code #} comment lines. Every id must exist in the gazetteer, and a district must be a
 * district: a label that names nothing is a typo, and the load fails with the file and line.
 */
public record TagGold(String doc, Set<String> provinces, Set<String> districts, Set<String> actors, String note) {

  public static final String[] TYPES = {"provinces", "districts", "actors"};

  public Set<String> ids(String type) {
    return switch (type) {
      case "provinces" -> provinces;
      case "districts" -> districts;
      default -> actors;
    };
  }

  /** The labels of a file, by doc id, in file order. */
  public static Map<String, TagGold> read(Path file, Gazetteer gazetteer) throws IOException {
    Map<String, TagGold> out = new LinkedHashMap<>();
    int lineNo = 0;
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      lineNo++;
      if (line.isBlank() || line.startsWith("#") || line.startsWith("doc\t")) {
        continue;
      }
      String[] c = line.split("\t", -1);
      if (c.length < 4) {
        throw new IllegalArgumentException(file + ":" + lineNo + ": expected doc, provinces, districts, actors[, note]");
      }
      TagGold g = new TagGold(c[0].strip(), parseIds(c[1]), parseIds(c[2]), parseIds(c[3]), c.length > 4 ? c[4].strip() : "");
      for (String p : g.provinces()) {
        if (gazetteer.place(p).filter(Place::isGovernorate).isEmpty()) {
          throw new IllegalArgumentException(file + ":" + lineNo + ": '" + p + "' is not a governorate id");
        }
      }
      for (String d : g.districts()) {
        if (gazetteer.place(d).filter(x -> x.kind() == Place.Kind.DISTRICT).isEmpty()) {
          throw new IllegalArgumentException(file + ":" + lineNo + ": '" + d + "' is not a district id");
        }
      }
      for (String a : g.actors()) {
        if (gazetteer.actor(a).isEmpty()) {
          throw new IllegalArgumentException(file + ":" + lineNo + ": '" + a + "' is not an actor id");
        }
      }
      if (out.putIfAbsent(g.doc(), g) != null) {
        throw new IllegalArgumentException(file + ":" + lineNo + ": doc '" + g.doc() + "' is labelled twice");
      }
    }
    return out;
  }

  private static Set<String> parseIds(String cell) {
    Set<String> out = new TreeSet<>(Arrays.asList(cell.strip().split("\\s+")));
    out.remove("");
    out.remove("-"); // an empty cell may be written «-»
    return out;
  }
}
