package io.akhbar.api;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The parameters of {@code /api/search} and {@code /api/export} (and of the page's URL: a shared link and an API
 * call say the same thing), parsed and validated. Every problem is a 400 naming the parameter. {@code collapse}
 * (default true) shows each story (an article and its copies in other papers) as one hit.
 */
public record SearchParams(
    Optional<String> q,
    List<String> provinces,
    List<String> districts,
    List<String> actors,
    List<String> languages,
    Optional<LocalDate> from,
    Optional<LocalDate> to,
    Sort sort,
    int page,
    int size,
    Optional<String> cursor,
    Interval interval,
    boolean collapse) {

  public static final int MAX_QUERY_LENGTH = 1000;
  public static final int MAX_SIZE = 100;
  public static final int DEFAULT_SIZE = 10;
  public static final int MAX_WINDOW = 10_000;
  static final Set<String> KNOWN = Set.of("q", "province", "district", "actor", "language", "from", "to", "sort",
      "page", "size", "cursor", "interval", "format", "collapse");

  public enum Sort {
    RELEVANCE, DATE_DESC, DATE_ASC;

    public String wire() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public enum Interval { YEAR, MONTH, DAY }

  /** What the gazetteer knows, to refuse ids that can only be typos. */
  public interface KnownIds {
    boolean isProvince(String id);

    boolean isDistrict(String id);

    boolean isActor(String id);
  }

  public static SearchParams parse(Map<String, List<String>> query, KnownIds known) {
    for (String name : query.keySet()) {
      if (!KNOWN.contains(name)) {
        throw ApiException.badParameter(name, "unknown_parameter", "Unknown parameter '" + name + "'; known: "
            + String.join(", ", new java.util.TreeSet<>(KNOWN)));
      }
    }
    Optional<String> q = single(query, "q").map(String::strip).filter(s -> !s.isEmpty());
    if (q.isPresent() && q.get().length() > MAX_QUERY_LENGTH) {
      throw ApiException.badParameter("q", "too_long",
          "The query is " + q.get().length() + " characters long; the limit is " + MAX_QUERY_LENGTH);
    }
    List<String> provinces = ids(query, "province", known::isProvince, "province id (ISO 3166-2:IQ, e.g. IQ-BG)");
    List<String> districts = ids(query, "district", known::isDistrict, "district id (see /api/facets/provinces)");
    List<String> actors = ids(query, "actor", known::isActor, "actor id (see /api/facets/actors)");
    List<String> languages = ids(query, "language", io.akhbar.indexer.parse.LanguageDetector.CODES::contains, "language (ar, en, ku or und)");
    Optional<LocalDate> from = date(query, "from");
    Optional<LocalDate> to = date(query, "to");
    if (from.isPresent() && to.isPresent() && from.get().isAfter(to.get())) {
      throw ApiException.badParameter("from", "invalid_range", "'from' (" + from.get() + ") is after 'to' (" + to.get() + ")");
    }
    Sort sort = single(query, "sort").map(s -> enumValue(Sort.class, "sort", s)).orElse(q.isPresent() ? Sort.RELEVANCE : Sort.DATE_DESC);
    Interval interval = single(query, "interval").map(s -> enumValue(Interval.class, "interval", s)).orElse(Interval.MONTH);
    int size = integer(query, "size", DEFAULT_SIZE, 1, MAX_SIZE);
    Optional<String> cursor = single(query, "cursor").filter(s -> !s.isBlank());
    int page = integer(query, "page", 1, 1, Integer.MAX_VALUE);
    if (cursor.isPresent() && query.containsKey("page")) {
      throw ApiException.badParameter("page", "conflict", "Use either 'page' or 'cursor', not both");
    }
    if ((long) page * size > MAX_WINDOW) {
      throw ApiException.badParameter("page", "too_deep",
          "page × size may not exceed " + MAX_WINDOW + "; follow 'next_cursor' (parameter 'cursor') to go deeper");
    }
    boolean collapse = single(query, "collapse").map(v -> bool("collapse", v)).orElse(true);
    if (collapse && cursor.isPresent()) {
      // Elasticsearch pages collapsed results by offset only (search_after cannot follow collapsed groups)
      throw ApiException.badParameter("cursor", "conflict",
          "A cursor pages through every article: add collapse=false, or page the stories with 'page'");
    }
    return new SearchParams(q, provinces, districts, actors, languages, from, to, sort, page, size, cursor, interval,
        collapse);
  }

  private static boolean bool(String name, String raw) {
    return switch (raw.strip().toLowerCase(java.util.Locale.ROOT)) {
      case "true", "1", "yes", "on" -> true;
      case "false", "0", "no", "off" -> false;
      default -> throw ApiException.badParameter(name, "not_a_boolean", "'" + name + "' must be true or false, not '" + raw + "'");
    };
  }

  private static Optional<String> single(Map<String, List<String>> query, String name) {
    List<String> values = query.getOrDefault(name, List.of());
    if (values.size() > 1) {
      throw ApiException.badParameter(name, "repeated", "'" + name + "' may be given once");
    }
    return values.stream().findFirst();
  }

  private static List<String> ids(Map<String, List<String>> query, String name, Predicate<String> valid, String what) {
    Set<String> ids = new LinkedHashSet<>();
    for (String raw : query.getOrDefault(name, List.of())) {
      for (String id : raw.split(",")) {
        String v = id.strip();
        if (v.isEmpty()) {
          continue;
        }
        if (!valid.test(v)) {
          throw ApiException.badParameter(name, "unknown_value", "'" + v + "' is not a known " + what);
        }
        ids.add(v);
      }
    }
    return new ArrayList<>(ids);
  }

  private static Optional<LocalDate> date(Map<String, List<String>> query, String name) {
    return single(query, name).filter(s -> !s.isBlank()).map(s -> {
      try {
        return LocalDate.parse(s.strip());
      } catch (DateTimeParseException e) {
        throw ApiException.badParameter(name, "invalid_date", "'" + s + "' is not a date like 2021-02-01");
      }
    });
  }

  private static int integer(Map<String, List<String>> query, String name, int fallback, int min, int max) {
    Optional<String> raw = single(query, name);
    if (raw.isEmpty()) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(raw.get().strip());
      if (value < min || value > max) {
        throw ApiException.badParameter(name, "out_of_range", "'" + name + "' must be from " + min
            + (max == Integer.MAX_VALUE ? "" : " to " + max) + ", not " + value);
      }
      return value;
    } catch (NumberFormatException e) {
      throw ApiException.badParameter(name, "not_a_number", "'" + name + "' must be a whole number, not '" + raw.get() + "'");
    }
  }

  private static <E extends Enum<E>> E enumValue(Class<E> type, String name, String raw) {
    try {
      return Enum.valueOf(type, raw.strip().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      List<String> allowed = java.util.Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(java.util.Locale.ROOT)).toList();
      throw ApiException.badParameter(name, "unknown_value", "'" + raw + "' is not one of " + String.join(", ", allowed));
    }
  }
}
