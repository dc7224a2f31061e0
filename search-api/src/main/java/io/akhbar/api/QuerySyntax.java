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

  /**
   * Words only, no operator: the whole text can also be analyzed at once (multi-word synonyms need that). A hyphen
   * inside a word is not an operator: {@code Haider al-Abadi} is plain.
   */
  public static boolean isPlain(String q) {
    return !OPERATORS.matcher(INNER_HYPHEN.matcher(q).replaceAll(" ")).find();
  }

  private static final Pattern INNER_HYPHEN = Pattern.compile("(?<=\\p{L})[-\u2010\u2011](?=\\p{L})");
  private static final Pattern LATIN_PHRASE = Pattern.compile("^\\s*\"([\\p{IsLatin}\\s.'’-]+)\"\\s*$");

  /**
   * What the journalist meant, before the syntax is read: a query that is one quoted Latin name
   * ({@code "Haider al-Abadi"}) is that name in every script, not an exact Latin phrase no Arabic article contains.
   * (A hyphen inside a word stays: {@code simple_query_string} analyzes {@code al-Abadi} as one unit, and
   * {@code -Zaher} still excludes.)
   */
  public static String prepare(String q) {
    java.util.regex.Matcher m = LATIN_PHRASE.matcher(q);
    return m.matches() ? m.group(1).strip() : q;
  }

  public static String toSimpleQueryString(String q) {
    String s = q.strip();
    s = OR.matcher(s).replaceAll("|");
    s = AND.matcher(s).replaceAll("+");
    s = NOT.matcher(s).replaceAll("$1-");
    return s;
  }
}
