package io.akhbar.gazetteer;

/** A gazetteer file that cannot be loaded; the message names the file and, for a row, its line. */
public final class GazetteerFormatException extends RuntimeException {

  private final String file;
  private final long line;

  public GazetteerFormatException(String file, long line, String message) {
    super(file + (line > 0 ? ":" + line : "") + ": " + message);
    this.file = file;
    this.line = line;
  }

  /** The file name ({@code places.tsv}). */
  public String file() {
    return file;
  }

  /** The 1-based line number, or 0 when the problem is not on one line. */
  public long line() {
    return line;
  }
}
