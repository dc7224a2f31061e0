package io.akhbar.api;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.SimpleQueryStringFlag;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.search.HighlighterEncoder;
import co.elastic.clients.json.JsonData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one place where searches are built, from {@link SearchParams} to an Elasticsearch request. Pure: unit-tested
 * by rendering the request to JSON, without a node.
 *
 * <p>Facets are disjunctive: the filters go in {@code post_filter}, so hits respect all of them, and each facet is a
 * {@code filter} aggregation that applies every filter but its own. Selecting two provinces therefore still shows
 * every province's count, while the actor and date facets respect the province selection. Counts are exact on any
 * number of shards: each shard returns every value it has ({@code shard_size} covers the whole gazetteer), so no
 * value is missed or undercounted when the shards' lists are merged.
 */
public final class SearchQueryBuilder {

  /**
   * Arabic is the main field (every article, Latin words too); the English fields hold only the articles detected
   * as English, with English stemming; the Sorani subfields read every article.
   */
  static final List<String> TEXT_FIELDS =
      List.of("title^3", "title_en^3", "title.ku^2", "body", "body_en", "body.ku");
  static final String EXACT_SUFFIX = ".exact";
  /**
   * A query that is wholly names the gazetteer gives in Arabic reads Arabic articles through those names on the
   * unstemmed fields ({@link LatinNameQuery.Reading}); its words are read on these fields only: English and Sorani
   * articles, and the Latin word itself in an Arabic one.
   */
  static final List<String> OTHER_SCRIPT_FIELDS =
      List.of("title_en^3", "title.ku^2", "title.exact^3", "body_en", "body.ku", "body.exact");
  /**
   * Pickers list everything: the gazetteer has about 1,100 actors and 360 places (a test checks this covers it;
   * the facet fields are keywords of bounded cardinality, so the size costs little).
   */
  static final int FACET_SIZE = 2000;
  /**
   * Facets of a search show the most frequent entries; the page finds the rest through /api/facets/actors. Smaller
   * facets keep responses light (the bench found facets to be about half of a search's time in the node).
   */
  static final int ACTOR_FACET_SIZE = 100;
  static final int DISTRICT_FACET_SIZE = 150;

  /** The field that groups an article with its copies (the indexer's StoryFinder fills it). */
  public static final String STORY = "story";
  static final String COPIES = "copies";
  static final String STORIES = "stories";
  /** Copies listed under a hit; the count covers them all. */
  static final int COPIES_SHOWN = 5;
  /** The highest precision_threshold Elasticsearch accepts: story counts are exact below it. */
  public static final int STORY_COUNT_EXACT_UP_TO = 40_000;

  public static final String PROVINCE = "province";
  public static final String DISTRICT = "district";
  public static final String ACTOR = "actor";
  public static final String LANGUAGE = "language";
  public static final String DATE = "date";

  private final String index;
  private final LatinNameQuery latinNames;

  /** With the packaged gazetteer's names (the evaluation, the tests). */
  public SearchQueryBuilder(String index) {
    this(index, LatinNameQuery.classpathDefault());
  }

  SearchQueryBuilder(String index, LatinNameQuery latinNames) {
    this.index = index;
    this.latinNames = latinNames;
  }

  /** A page of results with facets and highlights. */
  public SearchRequest search(SearchParams p, List<Query> nameBoosts) {
    Map<String, Query> filters = filters(p);
    Text text = text(p.q(), nameBoosts);
    return SearchRequest.of(s -> {
      s.index(index)
          .query(text.query())
          .trackTotalHits(t -> t.enabled(true))
          .size(p.size())
          .sort(sort(p.sort()))
          .source(src -> src.filter(f -> f.excludes("body", "content_hash", "title_en", "body_en", "story_keys")))
          .highlight(h -> h
              .preTags("<mark>").postTags("</mark>")
              .encoder(HighlighterEncoder.Html)
              // each field marks the terms searched on it: a name's unstemmed spellings mark title.exact/body.exact,
              // which SearchService shows when the stemmed field has no mark. Marking every field with every
              // field's terms made the highlighter rewrite the name spans and guesses per field: on the corpus it
              // cost 20 ms at p95 and marked no more hits
              .requireFieldMatch(true)
              .fields(highlightFields(text.exactNames())))
          .aggregations(aggregations(p, filters));
      Optional<Query> selection = combined(filters.values());
      selection.ifPresent(s::postFilter);
      if (p.collapse()) {
        // the copies come from one light request afterwards (copiesOf): inner hits would run the whole text query
        // again for every hit, which doubled a search's time on the corpus
        s.collapse(c -> c.field(STORY));
        Query all = selection.orElse(Query.of(q -> q.matchAll(m -> m)));
        s.aggregations(STORIES, a -> a.filter(all).aggregations("n", n -> n.cardinality(c -> c
            .field(STORY).precisionThreshold(STORY_COUNT_EXACT_UP_TO))));
      }
      if (p.cursor().isPresent()) {
        s.searchAfter(Cursor.decode(p.cursor().get(), p.sort()).after());
      } else {
        s.from((p.page() - 1) * p.size());
      }
      return s;
    });
  }

  /**
   * Title and body; and their unstemmed fields when the query searches names there (Sudais: «السديس»), which the
   * stemmed fields' highlighter cannot mark ({@link SearchService} shows whichever marks the match).
   */
  private static Map<String, co.elastic.clients.elasticsearch.core.search.HighlightField> highlightFields(
      boolean names) {
    Map<String, co.elastic.clients.elasticsearch.core.search.HighlightField> fields = new LinkedHashMap<>();
    fields.put("title", co.elastic.clients.elasticsearch.core.search.HighlightField.of(f -> f.numberOfFragments(0)));
    fields.put("body", co.elastic.clients.elasticsearch.core.search.HighlightField.of(f -> f
        .fragmentSize(180).numberOfFragments(3).noMatchSize(240)));
    if (names) {
      fields.put("title" + EXACT_SUFFIX, co.elastic.clients.elasticsearch.core.search.HighlightField.of(f -> f
          .numberOfFragments(0)));
      fields.put("body" + EXACT_SUFFIX, co.elastic.clients.elasticsearch.core.search.HighlightField.of(f -> f
          .fragmentSize(180).numberOfFragments(3)));
    }
    return fields;
  }

  /**
   * The articles of the given stories that pass the search's filters: per story its count, papers and first
   * {@value #COPIES_SHOWN} + 1 articles, oldest first. Filters only, no text query: copies of one text match the same
   * words, and a filter-only request costs little beside the search.
   */
  public SearchRequest copiesOf(SearchParams p, List<String> stories) {
    List<FieldValue> ids = stories.stream().map(FieldValue::of).toList();
    List<Query> filters = new ArrayList<>(filters(p).values());
    filters.add(Query.of(q -> q.terms(t -> t.field(STORY).terms(v -> v.value(ids)))));
    return SearchRequest.of(s -> s.index(index).size(0).trackTotalHits(t -> t.enabled(false))
        .query(q -> q.bool(b -> b.filter(filters)))
        .aggregations(COPIES, a -> a.terms(t -> t.field(STORY).size(stories.size()))
            .aggregations("sources", x -> x.terms(t -> t.field("source").size(50)))
            .aggregations("first", x -> x.topHits(th -> th.size(COPIES_SHOWN + 1)
                .source(src -> src.filter(f -> f.includes("id", "source", "title", "published_at", "url")))
                .sort(o -> o.field(f -> f.field("published_at").order(SortOrder.Asc).missing("_last")))
                .sort(o -> o.field(f -> f.field("id").order(SortOrder.Asc)))))));
  }

  /**
   * One row of a batch search: the articles that match {@code p} (a name as its query, the page's filters), their
   * first and last dates and top provinces; no hits, no highlights.
   */
  public SearchRequest batchRow(SearchParams p, List<Query> nameBoosts) {
    return SearchRequest.of(s -> s.index(index)
        .query(q -> q.bool(b -> b.must(query(p.q(), nameBoosts)).filter(new ArrayList<>(filters(p).values()))))
        .size(0)
        .trackTotalHits(t -> t.enabled(true))
        .aggregations("first", a -> a.min(m -> m.field("published_at")))
        .aggregations("last", a -> a.max(m -> m.field("published_at")))
        .aggregations("provinces", a -> a.terms(t -> t.field("provinces").size(BATCH_PROVINCES).shardSize(FACET_SIZE))));
  }

  /**
   * The newest articles a saved search matches, newest indexed first (a feed follows what arrives, whatever its
   * publication date), without their long English copies.
   */
  public SearchRequest feedPage(SearchParams p, List<Query> nameBoosts, int size) {
    return SearchRequest.of(s -> s.index(index)
        .query(q -> q.bool(b -> b.must(query(p.q(), nameBoosts)).filter(new ArrayList<>(filters(p).values()))))
        .size(size)
        .trackTotalHits(t -> t.enabled(false))
        .sort(o -> o.field(f -> f.field("indexed_at").order(co.elastic.clients.elasticsearch._types.SortOrder.Desc)))
        .sort(o -> o.field(f -> f.field("id").order(co.elastic.clients.elasticsearch._types.SortOrder.Asc)))
        .source(src -> src.filter(f -> f.excludes("content_hash", "title_en", "body_en", "story_keys"))));
  }

  /** Provinces a batch row lists. */
  static final int BATCH_PROVINCES = 3;

  /** One page of an export: every filter in the query itself, no facets, no highlights, the whole text. */
  public SearchRequest exportPage(SearchParams p, List<Query> nameBoosts, List<FieldValue> after, int size) {
    return SearchRequest.of(s -> {
      s.index(index)
          .query(q -> q.bool(b -> b.must(query(p.q(), nameBoosts)).filter(new ArrayList<>(filters(p).values()))))
          .size(size)
          .trackTotalHits(t -> t.enabled(false))
          .sort(sort(p.sort()))
          .source(src -> src.filter(f -> f.excludes("content_hash", "title_en", "body_en", "story_keys")));
      if (!after.isEmpty()) {
        s.searchAfter(after);
      }
      return s;
    });
  }

  /** The text part: everything when there is no query; boosts for gazetteer names rank names as names. */
  Query query(Optional<String> raw, List<Query> nameBoosts) {
    return text(raw, nameBoosts).query();
  }

  /** The text query, and whether a plain query searches Latin names on the exact fields (their highlights too). */
  private record Text(Query query, boolean exactNames) {}

  private Text text(Optional<String> raw, List<Query> nameBoosts) {
    if (raw.isEmpty()) {
      return new Text(Query.of(m -> m.matchAll(a -> a)), false);
    }
    Optional<String> q = raw.map(QuerySyntax::prepare);
    if (QuerySyntax.isPlain(q.get())) {
      Optional<LatinNameQuery.Reading> names = latinNames.read(q.get());
      return new Text(boosted(plainReadings(q.get(), names), nameBoosts), names.isPresent());
    }
    Query text = syntaxReading(q.get());
    // OR between plain groups and leading-minus exclusions: names the gazetteer does not know get their Arabic
    // reading in each group too (Sudais OR Gargash, Haftar -Benghazi); anything else is read by the syntax alone
    Optional<Query> groups = operatorReadings(q.get());
    Query either = groups.map(g -> Query.of(m -> m.bool(b -> b.should(text, g).minimumShouldMatch("1")))).orElse(text);
    return new Text(boosted(either, nameBoosts), false);
  }

  private static Query boosted(Query query, List<Query> nameBoosts) {
    return nameBoosts.isEmpty() ? query : Query.of(m -> m.bool(b -> b.must(query).should(nameBoosts)));
  }

  /** The journalists' syntax as simple_query_string reads it: every word required, operators, exact phrases. */
  private static Query syntaxReading(String q) {
    return syntaxReading(q, TEXT_FIELDS);
  }

  private static Query syntaxReading(String q, List<String> fields) {
    return Query.of(m -> m.simpleQueryString(sqs -> sqs
        .query(QuerySyntax.toSimpleQueryString(q))
        .fields(fields)
        .quoteFieldSuffix(EXACT_SUFFIX)
        .defaultOperator(Operator.And)
        .flags(SimpleQueryStringFlag.And, SimpleQueryStringFlag.Or, SimpleQueryStringFlag.Not, SimpleQueryStringFlag.Phrase,
            SimpleQueryStringFlag.Precedence, SimpleQueryStringFlag.Prefix, SimpleQueryStringFlag.Whitespace,
            SimpleQueryStringFlag.Escape)
        .lenient(true)));
  }

  /** A plain query read three ways, any of which may match: its syntax, its words together, its Latin names. */
  private static Query plainReadings(String q, Optional<LatinNameQuery.Reading> latinNames) {
    List<String> fields = latinNames.filter(LatinNameQuery.Reading::wholeArabicReading).isPresent()
        ? OTHER_SCRIPT_FIELDS : TEXT_FIELDS;
    Query text = syntaxReading(q, fields);
    // simple_query_string analyzes each word on its own, so a multi-word synonym (تنظيم الدولة = داعش) never
    // fires for a query of several words; the same words analyzed together, all required, add that reading
    Query whole = Query.of(m -> m.multiMatch(mm -> mm.query(q).fields(fields)
        .type(co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType.MostFields)
        .operator(Operator.And).lenient(true)));
    List<Query> readings = new ArrayList<>(List.of(text, whole));
    // Latin-script names in their Arabic spellings (Sudais: «السديس»; Hezbollah: «حزب الله», «لحزب الله»)
    latinNames.map(LatinNameQuery.Reading::query).ifPresent(readings::add);
    return Query.of(m -> m.bool(b -> b.should(readings).minimumShouldMatch("1")));
  }

  private static final java.util.regex.Pattern OR_SPLIT = java.util.regex.Pattern.compile("\\s+OR\\s+");
  private static final java.util.regex.Pattern OTHER_SYNTAX = java.util.regex.Pattern.compile("[\"()|+*~]|(^|\\s)(AND|NOT)(\\s|$)");

  /**
   * For {@code a b OR c -d}: each OR group's plain words read as {@link #plainReadings}, its {@code -word}s excluded;
   * empty unless a group holds a Latin name the gazetteer does not know (then nothing changes for other queries).
   */
  Optional<Query> operatorReadings(String q) {
    if (OTHER_SYNTAX.matcher(q).find()) {
      return Optional.empty();
    }
    List<Query> groups = new ArrayList<>();
    boolean names = false;
    for (String group : OR_SPLIT.split(q.strip())) {
      List<String> kept = new ArrayList<>();
      List<Query> excluded = new ArrayList<>();
      for (String word : group.strip().split("\\s+")) {
        if (word.startsWith("-") && word.length() > 1) {
          // excluded in every reading it has, its Arabic spellings too (-Benghazi: not «بنغازي» either)
          String w = word.substring(1);
          // (every field: an exclusion excludes broadly)
          excluded.add(plainReadings(w, latinNames.read(w).map(r -> new LatinNameQuery.Reading(r.query(), false))));
        } else if (!word.isEmpty() && !word.equals("-")) {
          kept.add(word);
        }
      }
      if (kept.isEmpty()) {
        return Optional.empty();
      }
      String plain = String.join(" ", kept);
      Optional<LatinNameQuery.Reading> groupNames = latinNames.read(plain);
      names |= groupNames.isPresent();
      Query reading = plainReadings(plain, groupNames);
      groups.add(excluded.isEmpty() ? reading : Query.of(m -> m.bool(b -> b.must(reading).mustNot(excluded))));
    }
    if (!names) {
      return Optional.empty();
    }
    return Optional.of(groups.size() == 1 ? groups.get(0)
        : Query.of(m -> m.bool(b -> b.should(groups).minimumShouldMatch("1"))));
  }

  /** Each selection as a filter, keyed by facet name; absent when nothing is selected. */
  Map<String, Query> filters(SearchParams p) {
    Map<String, Query> filters = new LinkedHashMap<>();
    terms("provinces", p.provinces()).ifPresent(q -> filters.put(PROVINCE, q));
    terms("districts", p.districts()).ifPresent(q -> filters.put(DISTRICT, q));
    terms("actors", p.actors()).ifPresent(q -> filters.put(ACTOR, q));
    terms("language", p.languages()).ifPresent(q -> filters.put(LANGUAGE, q));
    if (p.from().isPresent() || p.to().isPresent()) {
      filters.put(DATE, Query.of(q -> q.range(r -> r.untyped(u -> {
        u.field("published_at").format("yyyy-MM-dd");
        p.from().ifPresent(d -> u.gte(JsonData.of(d.toString())));
        p.to().ifPresent(d -> u.lte(JsonData.of(d.toString())));
        return u;
      }))));
    }
    return filters;
  }

  private Map<String, Aggregation> aggregations(SearchParams p, Map<String, Query> filters) {
    Map<String, Aggregation> aggs = new LinkedHashMap<>();
    aggs.put(PROVINCE, facet(filters, PROVINCE, Aggregation.of(a -> a.terms(t -> t.field("provinces").size(50).shardSize(FACET_SIZE)))));
    aggs.put(DISTRICT, facet(filters, DISTRICT, Aggregation.of(a -> a.terms(t -> t.field("districts").size(DISTRICT_FACET_SIZE).shardSize(FACET_SIZE)))));
    aggs.put(ACTOR, facet(filters, ACTOR, Aggregation.of(a -> a.terms(t -> t.field("actors").size(ACTOR_FACET_SIZE).shardSize(FACET_SIZE)))));
    aggs.put(LANGUAGE, facet(filters, LANGUAGE, Aggregation.of(a -> a.terms(t -> t.field("language").size(10)))));
    Query others = combined(except(filters, DATE)).orElse(Query.of(q -> q.matchAll(m -> m)));
    aggs.put(DATE, Aggregation.of(a -> a
        .filter(others)
        .aggregations("buckets", b -> b.dateHistogram(h -> h
            .field("published_at")
            .calendarInterval(switch (p.interval()) {
              case YEAR -> CalendarInterval.Year;
              case MONTH -> CalendarInterval.Month;
              case DAY -> CalendarInterval.Day;
            })
            .format(switch (p.interval()) {
              case YEAR -> "yyyy";
              case MONTH -> "yyyy-MM";
              case DAY -> "yyyy-MM-dd";
            })
            .minDocCount(1)))
        .aggregations("missing", m -> m.missing(x -> x.field("published_at")))));
    return aggs;
  }

  private static Aggregation facet(Map<String, Query> filters, String name, Aggregation terms) {
    Query others = combined(except(filters, name)).orElse(Query.of(q -> q.matchAll(m -> m)));
    return Aggregation.of(a -> a.filter(others).aggregations("ids", terms));
  }

  private static List<Query> except(Map<String, Query> filters, String name) {
    List<Query> rest = new ArrayList<>();
    filters.forEach((k, v) -> {
      if (!k.equals(name)) {
        rest.add(v);
      }
    });
    return rest;
  }

  private static Optional<Query> combined(java.util.Collection<Query> filters) {
    if (filters.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(Query.of(q -> q.bool(b -> b.filter(new ArrayList<>(filters)))));
  }

  private static Optional<Query> terms(String field, List<String> values) {
    if (values.isEmpty()) {
      return Optional.empty();
    }
    List<FieldValue> v = values.stream().map(FieldValue::of).toList();
    return Optional.of(Query.of(q -> q.terms(t -> t.field(field).terms(tt -> tt.value(v)))));
  }

  /** A total order, so that {@code search_after} never skips or repeats a document: the id breaks ties. */
  static List<SortOptions> sort(SearchParams.Sort sort) {
    SortOptions byId = SortOptions.of(s -> s.field(f -> f.field("id").order(SortOrder.Asc)));
    return switch (sort) {
      case RELEVANCE -> List.of(
          SortOptions.of(s -> s.score(sc -> sc.order(SortOrder.Desc))),
          SortOptions.of(s -> s.field(f -> f.field("published_at").order(SortOrder.Desc).missing("_last"))),
          byId);
      case DATE_DESC -> List.of(
          SortOptions.of(s -> s.field(f -> f.field("published_at").order(SortOrder.Desc).missing("_last"))), byId);
      case DATE_ASC -> List.of(
          SortOptions.of(s -> s.field(f -> f.field("published_at").order(SortOrder.Asc).missing("_last"))), byId);
    };
  }
}
