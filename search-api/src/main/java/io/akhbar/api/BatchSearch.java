package io.akhbar.api;

import io.akhbar.api.ApiModel.BatchResult;
import io.akhbar.api.ApiModel.BatchRow;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * A list of names searched at once ({@code POST /api/batch}): people, companies, places, in Arabic or Latin script,
 * each read exactly as the search box reads it (its synonyms, its Latin-name spellings) within the request's filters.
 * A name that cannot be searched gets its error in its row; the others go on.
 */
public final class BatchSearch {

  static final int MAX_NAMES = 5_000;
  static final int MAX_NAME_LENGTH = 200;
  /** Searches in flight: the node's search threads on a small machine. */
  static final int PARALLEL = 4;
  private static final List<String> NAME_COLUMNS = List.of("name", "names", "الاسم", "الأسماء", "اسم");

  private final SearchService search;
  private final ExecutorService pool = Executors.newFixedThreadPool(PARALLEL, r -> {
    Thread t = new Thread(r, "batch-search");
    t.setDaemon(true);
    return t;
  });

  public BatchSearch(SearchService search) {
    this.search = search;
  }

  /**
   * The names of a request body: one a line (text), a column of a CSV (the one headed name/الاسم, else the first),
   * blank lines and repeats dropped, in their order.
   */
  static List<String> names(String body, String contentType) {
    String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
    String text = body == null ? "" : body.replace("\uFEFF", "");
    List<String> raw = new ArrayList<>();
    if (type.contains("csv") || !type.contains("text/plain") && looksLikeCsv(text)) {
      try {
        List<CSVRecord> records = CSVFormat.DEFAULT.parse(new StringReader(text)).getRecords();
        int column = 0;
        if (!records.isEmpty()) {
          List<String> header = records.get(0).toList().stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
          for (int i = 0; i < header.size(); i++) {
            if (NAME_COLUMNS.contains(header.get(i))) {
              column = i;
              records = records.subList(1, records.size());
              break;
            }
          }
        }
        for (CSVRecord r : records) {
          if (r.size() > column) {
            raw.add(r.get(column));
          }
        }
      } catch (IOException | RuntimeException e) {
        throw ApiException.badParameter("names", "bad_csv", "The CSV cannot be read: " + e.getMessage());
      }
    } else {
      raw.addAll(text.lines().toList());
    }
    LinkedHashSet<String> names = new LinkedHashSet<>();
    for (String r : raw) {
      String n = r.strip().replaceAll("\\s+", " ");
      if (!n.isEmpty()) {
        names.add(n);
      }
    }
    if (names.isEmpty()) {
      throw ApiException.badParameter("names", "missing", "Send the names in the request body, one a line (or a CSV"
          + " with a column headed name)");
    }
    if (names.size() > MAX_NAMES) {
      throw ApiException.badParameter("names", "too_many", names.size() + " names; a batch takes at most " + MAX_NAMES);
    }
    return List.copyOf(names);
  }

  private static boolean looksLikeCsv(String text) {
    String first = text.lines().findFirst().orElse("");
    return first.contains(",") && NAME_COLUMNS.stream().anyMatch(c -> first.toLowerCase(Locale.ROOT).contains(c));
  }

  /** Every name searched within the filters of {@code query} (the search's own parameters; q is the name). */
  public BatchResult run(List<String> names, Map<String, List<String>> query) {
    long start = System.nanoTime();
    List<Future<BatchRow>> futures = new ArrayList<>();
    for (String name : names) {
      futures.add(pool.submit(() -> row(name, query)));
    }
    List<BatchRow> rows = new ArrayList<>();
    for (int i = 0; i < futures.size(); i++) {
      try {
        rows.add(futures.get(i).get());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw ApiException.unavailable("The batch search was interrupted");
      } catch (java.util.concurrent.ExecutionException e) {
        rows.add(new BatchRow(names.get(i), null, null, null, List.of(), null, "cannot be searched: " + e.getCause()));
      }
    }
    return new BatchResult(names.size(), (System.nanoTime() - start) / 1_000_000, rows);
  }

  private BatchRow row(String name, Map<String, List<String>> query) {
    if (name.length() > MAX_NAME_LENGTH) {
      return new BatchRow(name, null, null, null, List.of(), null, "longer than " + MAX_NAME_LENGTH + " characters");
    }
    try {
      Map<String, List<String>> params = new HashMap<>(query);
      params.remove("format");
      params.put("q", List.of(name));
      return search.batchRow(name, SearchParams.parse(params, search.knownIds())).withUrl(searchUrl(params));
    } catch (ApiException e) {
      return new BatchRow(name, null, null, null, List.of(), null, e.getMessage());
    }
  }

  /** The page's URL for one row: the search's own parameters, the name as q. */
  static String searchUrl(Map<String, List<String>> params) {
    Map<String, List<String>> ordered = new java.util.LinkedHashMap<>();
    ordered.put("q", params.get("q"));
    new java.util.TreeMap<>(params).forEach((k, values) -> ordered.putIfAbsent(k, values));
    return "/?" + RawQuery.format(ordered);
  }

  /** The filters of the request, checked once: a bad one is the request's 400, not an error in every row. */
  void checkFilters(Map<String, List<String>> query) {
    Map<String, List<String>> params = new HashMap<>(query);
    params.remove("format");
    if (params.containsKey("q")) {
      throw ApiException.badParameter("q", "not_allowed", "A batch searches its names: leave q out of the URL");
    }
    SearchParams.parse(params, search.knownIds());
  }
}
