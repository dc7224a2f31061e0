package io.akhbar.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.elastic.clients.elasticsearch._types.aggregations.StringTermsAggregate;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.akhbar.core.ElasticsearchConnection;
import io.akhbar.core.IndexDefinition;
import io.akhbar.core.IndexManager;
import io.akhbar.core.testing.RealElasticsearch;
import io.akhbar.gazetteer.Gazetteer;
import io.akhbar.gazetteer.Tagger;
import io.akhbar.indexer.ArticleFactory;
import io.akhbar.indexer.ArticleGenerator;
import io.akhbar.indexer.BulkWriter;
import io.akhbar.indexer.Indexer;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Facet counts stay exact on an index of several shards: for every terms facet of the API's own search request,
 * no error bound, and each value's count equals a count query for that value.
 */
class MultiShardFacetsIT {

  static final Gazetteer GAZETTEER = Gazetteer.fromClasspath();
  static final String ALIAS = "it-multi-shard";
  static ElasticsearchConnection es;
  static IndexManager indices;

  @BeforeAll
  static void index() throws Exception {
    es = RealElasticsearch.connection();
    IndexDefinition production = IndexDefinition.forGazetteer(GAZETTEER);
    ObjectNode settings = production.settings().deepCopy();
    ((ObjectNode) settings.path("index")).put("number_of_shards", 3);
    indices = new IndexManager(es.client(), ALIAS, new IndexDefinition(settings, production.mappings(),
        production.synonymRules(), production.hash(), production.synonymsHash()));
    indices.deleteAll();
    indices.ensureIndex();
    Path feed = Files.createTempFile("multi-shard", ".jsonl");
    try (Writer w = Files.newBufferedWriter(feed, StandardCharsets.UTF_8)) {
      new ArticleGenerator(GAZETTEER).write(3000, 23, w);
    }
    new Indexer(es, ALIAS, new ArticleFactory(new Tagger(GAZETTEER), Clock.systemUTC()), BulkWriter.Options.defaults())
        .run(List.of(feed), Files.createTempFile("multi-shard-dl", ".jsonl"));
    String shards = es.client().indices().getSettings(g -> g.index(ALIAS)).result().values().iterator().next()
        .settings().index().numberOfShards();
    assertEquals("3", shards);
  }

  @AfterAll
  static void drop() throws Exception {
    indices.deleteAll();
  }

  @ParameterizedTest(name = "q=«{0}»: every facet count is exact on 3 shards")
  @ValueSource(strings = {"", "بغداد", "الموصل OR البصرة"})
  void everyFacetCountIsExactOnThreeShards(String q) throws Exception {
    SearchQueryBuilder builder = new SearchQueryBuilder(ALIAS);
    SearchParams p = SearchParams.parse(q.isEmpty() ? Map.of() : Map.of("q", List.of(q)), new Names(GAZETTEER));
    SearchResponse<Void> response = es.client().search(builder.search(p, List.of()), Void.class);
    Query text = builder.query(p.q(), List.of());
    int checked = 0;
    for (Map.Entry<String, String> facet : Map.of("province", "provinces", "district", "districts", "actor", "actors").entrySet()) {
      StringTermsAggregate terms = response.aggregations().get(facet.getKey()).filter().aggregations().get("ids").sterms();
      assertEquals(0L, terms.docCountErrorUpperBound(), facet.getKey() + ": no error bound");
      for (StringTermsBucket b : terms.buckets().array()) {
        String value = b.key().stringValue();
        long exact = es.client().count(c -> c.index(ALIAS).query(x -> x.bool(bb -> bb.must(text)
            .filter(f -> f.term(t -> t.field(facet.getValue()).value(value)))))).count();
        assertEquals(exact, b.docCount(), facet.getKey() + " " + value);
        checked++;
      }
    }
    assertTrue(checked > 20, "enough values checked: " + checked);
  }
}
