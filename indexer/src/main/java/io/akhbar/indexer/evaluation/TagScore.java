package io.akhbar.indexer.evaluation;

import io.akhbar.gazetteer.Tags;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Micro-averaged precision and recall of tags against gold labels, per tag type, with every error kept. */
public final class TagScore {

  /** One false positive (the tagger said it, the gold does not) or false negative. */
  public record Error(String doc, String type, String id, boolean falsePositive) {}

  private final Map<String, int[]> counts = new LinkedHashMap<>(); // tp, fp, fn
  private final List<Error> errors = new ArrayList<>();
  private int articles;

  public TagScore() {
    for (String type : TagGold.TYPES) {
      counts.put(type, new int[3]);
    }
  }

  public void add(TagGold gold, Tags tagged) {
    articles++;
    for (String type : TagGold.TYPES) {
      Set<String> g = gold.ids(type);
      Set<String> t = new TreeSet<>(switch (type) {
        case "provinces" -> tagged.provinces();
        case "districts" -> tagged.districts();
        default -> tagged.actors();
      });
      int[] c = counts.get(type);
      for (String id : t) {
        if (g.contains(id)) {
          c[0]++;
        } else {
          c[1]++;
          errors.add(new Error(gold.doc(), type, id, true));
        }
      }
      for (String id : g) {
        if (!t.contains(id)) {
          c[2]++;
          errors.add(new Error(gold.doc(), type, id, false));
        }
      }
    }
  }

  public int articles() {
    return articles;
  }

  /** Precision; 1 when nothing was tagged. */
  public double precision(String type) {
    int[] c = counts.get(type);
    return c[0] + c[1] == 0 ? 1.0 : (double) c[0] / (c[0] + c[1]);
  }

  /** Recall; 1 when the gold has nothing. */
  public double recall(String type) {
    int[] c = counts.get(type);
    return c[0] + c[2] == 0 ? 1.0 : (double) c[0] / (c[0] + c[2]);
  }

  public int[] counts(String type) {
    return counts.get(type).clone();
  }

  public List<Error> errors() {
    return List.copyOf(errors);
  }

  /** A Markdown table: type, gold, tagged, TP, FP, FN, precision, recall. */
  public String table() {
    StringBuilder sb = new StringBuilder("| type | gold | tagged | TP | FP | FN | precision | recall |\n"
        + "|---|---:|---:|---:|---:|---:|---:|---:|\n");
    for (String type : TagGold.TYPES) {
      int[] c = counts.get(type);
      sb.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %d | %.3f | %.3f |%n", type, c[0] + c[2],
          c[0] + c[1], c[0], c[1], c[2], precision(type), recall(type)));
    }
    return sb.toString();
  }
}
