package io.akhbar.api;

import java.util.List;

/** The JSON shapes of the API (documented in openapi.json; field names are written in snake_case). */
public final class ApiModel {

  private ApiModel() {}

  public record PlaceRef(String id, String nameAr, String nameEn) {}

  public record DistrictRef(String id, String nameAr, String nameEn, String province) {}

  public record ActorRef(String id, String nameAr, String nameEn, String type) {}

  public record Hit(String id, String source, String url, String title, String titleHtml, String publishedAt,
      String language, List<PlaceRef> provinces, List<DistrictRef> districts, List<ActorRef> actors,
      List<String> snippets, Double score, Copies copies) {}

  /**
   * The other articles of a hit's story that match the search (copies of its text in other papers, re-crawls):
   * how many, their papers, and the first few; null when results are not collapsed.
   */
  public record Copies(long count, List<String> sources, List<CopyRef> articles) {}

  public record CopyRef(String id, String source, String title, String publishedAt, String url) {}

  public record PlaceCount(String id, String nameAr, String nameEn, long count) {}

  public record DistrictCount(String id, String nameAr, String nameEn, String province, long count) {}

  public record ActorCount(String id, String nameAr, String nameEn, String type, long count) {}

  public record IdCount(String id, long count) {}

  public record DateCount(String key, long count) {}

  public record Facets(List<PlaceCount> province, List<DistrictCount> district, List<ActorCount> actor,
      List<IdCount> language, List<DateCount> date, long dateMissing) {}

  /**
   * {@code total} counts articles (and so do the facets); {@code stories}, when collapsed, the stories they make (a
   * story: an article and its copies), exact up to {@value SearchQueryBuilder#STORY_COUNT_EXACT_UP_TO} and within a
   * few percent beyond.
   */
  public record SearchResult(long total, Long stories, long tookMs, List<Hit> hits, Facets facets, String nextCursor) {}

  public record ArticleView(String id, String source, String url, String title, String publishedAt, String language,
      String body, List<PlaceRef> provinces, List<DistrictRef> districts, List<ActorRef> actors, String taggedBy,
      String taggedAt, String tagsCheckedBy, String tagsCheckedAt) {}

  /** A name of a batch search and what the archive holds about it; {@code error} instead when it cannot be searched. */
  public record BatchRow(String name, Long total, String firstDate, String lastDate, List<PlaceCount> topProvinces,
      String searchUrl, String error) {

    BatchRow withUrl(String url) {
      return new BatchRow(name, total, firstDate, lastDate, topProvinces, url, error);
    }
  }

  public record BatchResult(int names, long tookMs, List<BatchRow> rows) {}

  public record ProvinceFacet(String id, String nameAr, String nameEn, String nameKu, long count,
      List<DistrictCount> districts) {}

  public record Health(String status, String engine, String version, String alias, String index, Long documents,
      String error, String retag, String migration) {}
}
