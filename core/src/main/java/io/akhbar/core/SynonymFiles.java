package io.akhbar.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The synonym files a journalist edits ({@code mappings/synonyms/*.txt}, Solr format) read with the place of every
 * rule, so that a malformed line is refused with its file and line before anything reaches the index, and a rule
 * Elasticsearch refuses can be traced back to its line.
 */
final class SynonymFiles {

  static final String FOLDER = "mappings/synonyms";

  /** A rule and where it was written ({@code mappings/synonyms/news-terms.txt:12}). */
  record Rule(String text, String where) {}

  /** A synonym line that cannot be used; the message starts with its file and line. */
  static final class FormatException extends IllegalArgumentException {
    FormatException(String where, String rule, String why) {
      super(where + ": " + why + ": \"" + rule + "\" (the index keeps its rules until the line is fixed)");
    }
  }

  private SynonymFiles() {}

  /** Every rule of every file, checked. */
  static List<Rule> read() {
    List<Rule> rules = new ArrayList<>();
    for (String file : MappingFiles.list(FOLDER, ".txt")) {
      rules.addAll(parse(FOLDER + "/" + file, MappingFiles.read(FOLDER + "/" + file)));
    }
    return rules;
  }

  /** The rules of one file: comments ({@code #} to end of line) and blank lines dropped, each rule checked. */
  static List<Rule> parse(String file, String text) {
    List<Rule> rules = new ArrayList<>();
    String[] lines = text.split("\\R", -1);
    for (int i = 0; i < lines.length; i++) {
      int comment = lines[i].indexOf('#');
      String rule = (comment >= 0 ? lines[i].substring(0, comment) : lines[i]).strip();
      if (!rule.isEmpty()) {
        String where = file + ":" + (i + 1);
        problem(rule).ifPresent(why -> {
          throw new FormatException(where, rule, why);
        });
        rules.add(new Rule(rule, where));
      }
    }
    return rules;
  }

  /** What is wrong with a Solr-format rule, if anything: {@code a, b, c} or {@code a, b => c, d}. */
  static Optional<String> problem(String rule) {
    String[] sides = rule.split("=>", -1);
    if (sides.length > 2) {
      return Optional.of("more than one \"=>\"");
    }
    for (String side : sides) {
      if (side.isBlank()) {
        return Optional.of(sides.length == 2 ? "\"=>\" needs words on both sides" : "no words");
      }
      for (String term : side.split(",", -1)) {
        if (term.isBlank()) {
          return Optional.of("an empty term between commas");
        }
      }
    }
    if (sides.length == 1 && !rule.contains(",")) {
      return Optional.of("one word alone is no synonym (write \"a, b\" or \"a => b\")");
    }
    return Optional.empty();
  }
}
