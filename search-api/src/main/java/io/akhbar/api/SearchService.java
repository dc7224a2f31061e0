package io.akhbar.api;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.akhbar.api.ApiModel.ActorCount;
import io.akhbar.api.ApiModel.ArticleView;
import io.akhbar.api.ApiModel.DateCount;
import io.akhbar.api.ApiModel.DistrictCount;
import io.akhbar.api.ApiModel.Facets;
import io.akhbar.api.ApiModel.IdCount;
import io.akhbar.api.ApiModel.PlaceCount;
import io.akhbar.api.ApiModel.ProvinceFacet;
import io.akhbar.api.ApiModel.SearchResult;
import io.akhbar.core.Article;
import io.akhbar.core.IndexManager;
import io.akhbar.indexer.Retagger;
import io.akhbar.gazetteer.Actor;
import io.akhbar.gazetteer.ArabicText;
import io.akhbar.gazetteer.Place;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** Runs searches and lookups against the alias and shapes the answers. Knows nothing of HTTP. */
public final class SearchService {

  static final int EXPORT_PAGE = 500;

  private final ElasticsearchClient client;
  private final String alias;
  private final SearchQueryBuilder queries;
  private final Names names;
  private final NameBoosts boosts;

  public SearchService(ElasticsearchClient client, String alias, Names names, NameBoosts boosts) {
    this.client = client;
    this.alias = alias;
    this.queries = new SearchQueryBuilder(alias, new LatinNameQuery(names.gazetteer()));
    this.names = names;
    this.boosts = boosts;
  }

  /** The service as the main job assembles it. */
  public static SearchService create(ElasticsearchClient client, String alias, io.akhbar.gazetteer.Gazetteer gazetteer) {
    return new SearchService(client, alias, new Names(gazetteer), new NameBoosts(gazetteer));
  }

  public SearchParams.KnownIds knownIds() {
    return names;
  }

  public SearchResult search(SearchParams p) {
    SearchResponse<Article> response = call(() -> client.search(queries.search(p, nameBoosts(p.q())), Article.class));
    Map<String, ApiModel.Copies> copies = p.collapse() ? copies(p, response.hits().hits()) : Map.of();
    List<ApiModel.Hit> hits = new ArrayList<>();
    for (Hit<Article> hit : response.hits().hits()) {
      hits.add(hit(hit, copies.get(hit.id())));
    }
    String next = null;
    List<Hit<Article>> raw = response.hits().hits();
    if (!p.collapse() && raw.size() == p.size() && !raw.isEmpty()) {
      next = new Cursor(p.sort(), raw.get(raw.size() - 1).sort()).encode();
    }
    long total = response.hits().total() == null ? hits.size() : response.hits().total().value();
    Long stories = p.collapse()
        ? response.aggregations().get(SearchQueryBuilder.STORIES).filter().aggregations().get("n").cardinality().value()
        : null;
    return new SearchResult(total, stories, response.took(), hits, facets(response.aggregations()), next);
  }

  /** The saved searches beside this alias. */
  public SavedSearches savedSearches() {
    return new SavedSearches(client, alias);
  }

  /** The newest articles of a saved search, for its feed. */
  public List<Article> newest(SearchParams p, int size) {
    SearchResponse<Article> r = call(() -> client.search(queries.feedPage(p, nameBoosts(p.q()), size), Article.class));
    return r.hits().hits().stream().map(Hit::source).toList();
  }

  /** One row of a batch search: how many articles match, their first and last dates, their top provinces. */
  public ApiModel.BatchRow batchRow(String name, SearchParams p) {
    SearchResponse<Void> r = call(() -> client.search(queries.batchRow(p, nameBoosts(p.q())), Void.class));
    var aggs = r.aggregations();
    String first = aggs.get("first").min().valueAsString();
    String last = aggs.get("last").max().valueAsString();
    List<PlaceCount> top = aggs.get("provinces").sterms().buckets().array().stream().map(this::provinceCount).toList();
    long total = r.hits().total() == null ? 0 : r.hits().total().value();
    return new ApiModel.BatchRow(name, total, total == 0 ? null : day(first), total == 0 ? null : day(last), top, null,
        null);
  }

  /** The day of a date aggregation's value ("2015-07-01T00:00:00.000Z" → "2015-07-01"). */
  private static String day(String value) {
    return value == null || value.length() < 10 ? null : value.substring(0, 10);
  }

  /** Streams every match (a page at a time, via search_after) to the consumer, in the requested order. */
  public long export(SearchParams p, Consumer<Article> sink) {
    List<Query> boosts = nameBoosts(p.q());
    List<FieldValue> after = List.of();
    long n = 0;
    while (true) {
      List<FieldValue> position = after;
      SearchResponse<Article> page = call(() -> client.search(queries.exportPage(p, boosts, position, EXPORT_PAGE), Article.class));
      for (Hit<Article> hit : page.hits().hits()) {
        sink.accept(hit.source());
        n++;
      }
      if (page.hits().hits().size() < EXPORT_PAGE) {
        return n;
      }
      after = page.hits().hits().get(page.hits().hits().size() - 1).sort();
    }
  }

  public Optional<ArticleView> article(String id) {
    GetResponse<Article> got = call(() -> client.get(g -> g.index(alias).id(id), Article.class));
    if (!got.found() || got.source() == null) {
      return Optional.empty();
    }
    Article a = got.source();
    // a complete re-tag writes only the articles whose tags changed: the others were checked by the version it
    // records in the index's _meta, and their tags stand for it too
    Map<String, String> meta = call(() -> IndexManager.meta(client, alias));
    String checkedBy = meta.get(Retagger.CHECKED_KEY);
    boolean checkedLater = checkedBy != null && !checkedBy.equals(a.taggedBy());
    return Optional.of(new ArticleView(got.id(), a.source(), a.url(), a.title(),
        a.publishedAt() == null ? null : a.publishedAt().toString(), a.language(), a.body(),
        names.provinces(a.provinces()), names.districts(a.districts()), names.actors(a.actors()), a.taggedBy(),
        a.taggedAt() == null ? null : a.taggedAt().toString(), checkedLater ? checkedBy : null,
        checkedLater ? meta.get(Retagger.CHECKED_AT_KEY) : null));
  }

  /** Every governorate with its count and its districts' counts, for the province picker. */
  public List<ProvinceFacet> provinces() {
    Map<String, Long> counts = new HashMap<>();
    SearchResponse<Void> response = call(() -> client.search(s -> s.index(alias).size(0)
        .aggregations("p", a -> a.terms(t -> t.field("provinces").size(SearchQueryBuilder.FACET_SIZE)))
        .aggregations("d", a -> a.terms(t -> t.field("districts").size(SearchQueryBuilder.FACET_SIZE))), Void.class));
    for (String agg : List.of("p", "d")) {
      for (StringTermsBucket b : response.aggregations().get(agg).sterms().buckets().array()) {
        counts.put(b.key().stringValue(), b.docCount());
      }
    }
    List<ProvinceFacet> out = new ArrayList<>();
    for (Place g : names.gazetteer().governorates()) {
      List<DistrictCount> districts = names.gazetteer().districtsOf(g.id()).stream()
          .map(d -> new DistrictCount(d.id(), d.nameAr(), d.nameEn(), g.id(), counts.getOrDefault(d.id(), 0L)))
          .toList();
      out.add(new ProvinceFacet(g.id(), g.nameAr(), g.nameEn(), g.nameKu(), counts.getOrDefault(g.id(), 0L), districts));
    }
    return out;
  }

  /** Actors whose name or alias starts with the prefix (any script), with their counts, most mentioned first. */
  public List<ActorCount> actors(String prefix, int limit) {
    String p = ArabicText.normalize(prefix == null ? "" : prefix);
    String bare = p.startsWith("ال") && p.length() > 2 ? p.substring(2) : p;
    Map<String, Long> counts = new HashMap<>();
    SearchResponse<Void> response = call(() -> client.search(s -> s.index(alias).size(0)
        .aggregations("a", a -> a.terms(t -> t.field("actors").size(SearchQueryBuilder.FACET_SIZE))), Void.class));
    for (StringTermsBucket b : response.aggregations().get("a").sterms().buckets().array()) {
      counts.put(b.key().stringValue(), b.docCount());
    }
    List<String> variants = spellings(p);
    return names.gazetteer().actors().stream()
        .filter(a -> p.isEmpty() || a.allNames().stream().map(ArabicText::normalize)
            .anyMatch(n -> startsWordWith(n, p) || startsWordWith(n, bare)
                || variants.stream().anyMatch(v -> startsWordWith(n, v))))
        .map(a -> new ActorCount(a.id(), a.nameAr(), a.nameEn(), a.type().code(), counts.getOrDefault(a.id(), 0L)))
        .sorted(Comparator.comparingLong(ActorCount::count).reversed().thenComparing(ActorCount::nameEn))
        .limit(limit)
        .toList();
  }

  /**
   * Other usual spellings of a typed Latin name of five letters or more («Jabouri» finds Salim al-Jubouri, «Obaidi»
   * Khaled al-Obeidi): the last word, without «al»/«el», through {@link LatinVariants}. Empty for Arabic or short input.
   */
  private static List<String> spellings(String normalized) {
    String[] words = normalized.split(" ");
    String last = words[words.length - 1];
    if (last.length() < 5 || !last.chars().allMatch(c -> c < 128 && Character.isLetter(c))) {
      return List.of();
    }
    return io.akhbar.gazetteer.LatinVariants.of(last).stream().skip(1).toList();
  }

  private static boolean startsWordWith(String name, String prefix) {
    if (prefix.isEmpty()) {
      return false;
    }
    for (String word : name.split(" ")) {
      if (word.startsWith(prefix) || (word.startsWith("ال") && word.substring(2).startsWith(prefix))) {
        return true;
      }
    }
    return name.startsWith(prefix);
  }

  List<Query> nameBoosts(Optional<String> q) {
    return q.map(boosts::forQuery).orElse(List.of());
  }

  private ApiModel.Hit hit(Hit<Article> hit, ApiModel.Copies copies) {
    Article a = hit.source();
    Map<String, List<String>> hl = hit.highlight() == null ? Map.of() : hit.highlight();
    List<String> titleHl = marked(hl, "title");
    String titleHtml = titleHl.isEmpty() ? Html.escape(a.title()) : titleHl.get(0);
    List<String> snippets = marked(hl, "body");
    Double score = hit.score() == null || hit.score().isNaN() ? null : hit.score();
    return new ApiModel.Hit(hit.id(), a.source(), a.url(), a.title(), titleHtml,
        a.publishedAt() == null ? null : a.publishedAt().toString(), a.language(),
        names.provinces(a.provinces()), names.districts(a.districts()), names.actors(a.actors()), snippets, score,
        copies);
  }

  /** Per hit id, the other articles of its story that pass the filters: their count, papers, first few. */
  private Map<String, ApiModel.Copies> copies(SearchParams p, List<Hit<Article>> hits) {
    Map<String, String> storyOf = new java.util.LinkedHashMap<>();
    for (Hit<Article> h : hits) {
      storyOf.put(h.id(), h.source().story() == null ? h.id() : h.source().story());
    }
    if (storyOf.isEmpty()) {
      return Map.of();
    }
    List<String> stories = new ArrayList<>(new java.util.LinkedHashSet<>(storyOf.values()));
    SearchResponse<Void> r = call(() -> client.search(queries.copiesOf(p, stories), Void.class));
    Map<String, StringTermsBucket> byStory = new HashMap<>();
    for (StringTermsBucket b : r.aggregations().get(SearchQueryBuilder.COPIES).sterms().buckets().array()) {
      byStory.put(b.key().stringValue(), b);
    }
    Map<String, ApiModel.Copies> out = new HashMap<>();
    storyOf.forEach((id, story) -> {
      StringTermsBucket b = byStory.get(story);
      if (b == null) {
        out.put(id, new ApiModel.Copies(0, List.of(), List.of()));
        return;
      }
      String own = null;
      List<ApiModel.CopyRef> others = new ArrayList<>();
      for (Hit<co.elastic.clients.json.JsonData> h : b.aggregations().get("first").topHits().hits().hits()) {
        Article c = h.source().to(Article.class);
        if (h.id().equals(id)) {
          own = c.source();
        } else if (others.size() < SearchQueryBuilder.COPIES_SHOWN) {
          others.add(new ApiModel.CopyRef(h.id(), c.source(), c.title(),
              c.publishedAt() == null ? null : c.publishedAt().toString(), c.url()));
        }
      }
      // the hit's own paper is not "also in", unless another copy ran there too
      List<String> sources = new ArrayList<>();
      for (StringTermsBucket s : b.aggregations().get("sources").sterms().buckets().array()) {
        if (!(s.key().stringValue().equals(own) && s.docCount() <= 1)) {
          sources.add(s.key().stringValue());
        }
      }
      out.put(id, new ApiModel.Copies(Math.max(0, b.docCount() - 1), List.copyOf(sources), others));
    });
    return out;
  }

  /** A field's highlights, or its unstemmed field's when only those mark the match (a name found in Arabic). */
  private static List<String> marked(Map<String, List<String>> hl, String field) {
    List<String> main = hl.getOrDefault(field, List.of());
    List<String> exact = hl.getOrDefault(field + SearchQueryBuilder.EXACT_SUFFIX, List.of());
    boolean mainMarks = main.stream().anyMatch(s -> s.contains("<mark>"));
    return !mainMarks && !exact.isEmpty() ? exact : main;
  }

  /** A province bucket with the governorate's names. */
  private PlaceCount provinceCount(StringTermsBucket b) {
    var ref = names.province(b.key().stringValue());
    return new PlaceCount(ref.id(), ref.nameAr(), ref.nameEn(), b.docCount());
  }

  private Facets facets(Map<String, Aggregate> aggs) {
    List<PlaceCount> provinces = buckets(aggs, SearchQueryBuilder.PROVINCE).stream().map(this::provinceCount).toList();
    List<DistrictCount> districts = buckets(aggs, SearchQueryBuilder.DISTRICT).stream()
        .map(b -> {
          var ref = names.district(b.key().stringValue());
          return new DistrictCount(ref.id(), ref.nameAr(), ref.nameEn(), ref.province(), b.docCount());
        }).toList();
    List<ActorCount> actors = buckets(aggs, SearchQueryBuilder.ACTOR).stream()
        .map(b -> {
          var ref = names.actor(b.key().stringValue());
          return new ActorCount(ref.id(), ref.nameAr(), ref.nameEn(), ref.type(), b.docCount());
        }).toList();
    List<IdCount> languages = buckets(aggs, SearchQueryBuilder.LANGUAGE).stream()
        .map(b -> new IdCount(b.key().stringValue(), b.docCount())).toList();
    var date = aggs.get(SearchQueryBuilder.DATE).filter().aggregations();
    List<DateCount> dates = date.get("buckets").dateHistogram().buckets().array().stream()
        .map(b -> new DateCount(b.keyAsString(), b.docCount())).toList();
    long missing = date.get("missing").missing().docCount();
    return new Facets(provinces, districts, actors, languages, dates, missing);
  }

  private static List<StringTermsBucket> buckets(Map<String, Aggregate> aggs, String name) {
    return aggs.get(name).filter().aggregations().get("ids").sterms().buckets().array();
  }

  interface EngineCall<T> {
    T call() throws IOException;
  }

  /** Engine failures become 503 (the service recovers by itself when the engine does); never a 500. */
  static <T> T call(EngineCall<T> call) {
    try {
      return call.call();
    } catch (ElasticsearchException e) {
      if ("index_not_found_exception".equals(e.error().type())) {
        throw ApiException.unavailable("The index does not exist yet: run the indexer (./run.sh indexes the seeds)");
      }
      if ("index_closed_exception".equals(e.error().type())) {
        throw ApiException.unavailable("The index is being updated (new synonyms); try again in a few seconds");
      }
      if (e.status() >= 500 || e.status() == 429) {
        throw ApiException.unavailable("Elasticsearch could not answer: " + e.error().reason());
      }
      throw new ApiException(400, "query_rejected", "Elasticsearch refused the search: " + e.error().reason(), "q");
    } catch (IOException e) {
      throw ApiException.unavailable("Elasticsearch is unreachable: " + e.getMessage());
    }
  }

}
