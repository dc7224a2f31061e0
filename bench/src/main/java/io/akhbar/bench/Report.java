package io.akhbar.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Collects the figures as Markdown and echoes each piece to standard output as it comes. */
final class Report {

  private final StringBuilder md = new StringBuilder();

  void title(String text) {
    append("# " + text + "\n\n");
  }

  void section(String format, Object... args) {
    append("\n## " + String.format(Locale.ROOT, format, args) + "\n\n");
  }

  void note(String format, Object... args) {
    append(String.format(Locale.ROOT, format, args) + "\n\n");
  }

  void table(List<String> header, List<List<String>> rows) {
    StringBuilder t = new StringBuilder();
    t.append("| ").append(String.join(" | ", header)).append(" |\n|");
    header.forEach(h -> t.append(" --- |"));
    t.append('\n');
    for (List<String> row : rows) {
      t.append("| ").append(String.join(" | ", row)).append(" |\n");
    }
    append(t + "\n");
  }

  private void append(String s) {
    md.append(s);
    System.out.print(s);
    System.out.flush();
  }

  void write(Path file) throws IOException {
    Files.writeString(file, md.toString(), StandardCharsets.UTF_8);
  }
}
