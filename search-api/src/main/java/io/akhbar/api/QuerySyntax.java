package io.akhbar.api;

import java.util.regex.Pattern;

/**
 * The journalists' query syntax (words, {@code "exact phrase"}, {@code OR}, {@code -exclude}) in the form
 * Elasticsearch's {@code simple_query_string} reads. {@code simple_query_string} never fails on bad syntax, so no
 * input can cause an error; this only maps the operators people type to the ones it knows.
 */
public final class QuerySyntax {

  private static final Pattern OR = Pattern.compile("(?<=\\s)OR(?=\\s)");
  private static final Pattern AND = Pattern.compile("(?<=\\s)AND(?=\\s)");
  private static final Pattern NOT = Pattern.compile("(^|\\s)NOT\\s+(?=\\S)");

  private QuerySyntax() {}

  private static final Pattern OPERATORS = Pattern.compile("[\"|+\\-*()~]|(^|\\s)(OR|AND|NOT)(\\s|$)");

  /** Words only, no operator: the whole text can also be analyzed at once (multi-word synonyms need that). */
  public static boolean isPlain(String q) {
    return !OPERATORS.matcher(q).find();
  }

  public static String toSimpleQueryString(String q) {
    String s = q.strip();
    s = OR.matcher(s).replaceAll("|");
    s = AND.matcher(s).replaceAll("+");
    s = NOT.matcher(s).replaceAll("$1-");
    return s;
  }
}
