package io.akhbar.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.akhbar.core.testing.RealElasticsearch;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RealElasticsearch.class)
class IndexManagerIT {

  static final io.akhbar.gazetteer.Gazetteer GAZ = io.akhbar.gazetteer.Gazetteer.fromClasspath();
  private final ElasticsearchConnection es;
  private final String alias = "it-index-manager";

  IndexManagerIT(ElasticsearchConnection es) {
    this.es = es;
  }

  @AfterEach
  void cleanUp() throws Exception {
    new IndexManager(es.client(), alias, IndexDefinition.load(List.of(), GAZ)).deleteAll();
  }

  @Test
  void creatingTheIndexTwiceIsANoOp() throws Exception {
    IndexDefinition definition = IndexDefinition.load(List.of(), GAZ);
    IndexManager manager = new IndexManager(es.client(), alias, definition);

    assertEquals(new IndexManager.Result(IndexManager.Outcome.CREATED, alias + "-v1"), manager.ensureIndex());
    assertEquals(new IndexManager.Result(IndexManager.Outcome.UNCHANGED, alias + "-v1"), manager.ensureIndex());
  }

  @Test
  void anIndexTimeChangeCreatesTheNextVersionKeepsEveryDocumentAndMovesTheAlias() throws Exception {
    IndexDefinition original = IndexDefinition.load(List.of(), GAZ);
    new IndexManager(es.client(), alias, original).ensureIndex();
    for (int i = 0; i < 25; i++) {
      int n = i;
      es.client().index(r -> r.index(alias).id("doc-" + n).document(Map.of("title", "خبر رقم " + n)));
    }

    IndexManager.Result result = new IndexManager(es.client(), alias, original.withIndexSetting("max_result_window", 9000)).ensureIndex();

    assertEquals(new IndexManager.Result(IndexManager.Outcome.MIGRATED, alias + "-v2"), result);
    assertEquals(25, es.client().count(c -> c.index(alias)).count());
    assertEquals(List.of(alias + "-v2"), List.copyOf(es.client().indices().getAlias(g -> g.name(alias)).result().keySet()));
    assertTrue(es.client().indices().exists(e -> e.index(alias + "-v1")).value() == false, "the old version is removed");
  }

  private long hits(String q) throws Exception {
    es.client().indices().refresh(r -> r.index(alias));
    return es.client().search(s -> s.index(alias).query(x -> x.match(m -> m.field("body").query(q))),
        Void.class).hits().total().value();
  }

  @Test
  void aSynonymEditIsAppliedInPlaceInSecondsWithNoNewVersion() throws Exception {
    new IndexManager(es.client(), alias, IndexDefinition.load(List.of(), GAZ)).ensureIndex();
    for (int i = 0; i < 30; i++) {
      int n = i;
      es.client().index(r -> r.index(alias).id("doc-" + n).document(Map.of("body", "وصل وفد زنوبيا رقم " + n)));
    }
    assertEquals(0, hits("palmyrene"));

    long t = System.nanoTime();
    IndexManager.Result result = new IndexManager(es.client(), alias,
        IndexDefinition.load(List.of("palmyrene => palmyrene, زنوبيا"), GAZ)).ensureIndex();
    long ms = (System.nanoTime() - t) / 1_000_000;

    assertEquals(new IndexManager.Result(IndexManager.Outcome.SYNONYMS_UPDATED, alias + "-v1"), result);
    assertEquals(30, hits("palmyrene"), "the new synonym finds the articles");
    assertEquals(30, es.client().count(c -> c.index(alias)).count());
    assertTrue(ms < 30_000, "applied in seconds, not a reindex: " + ms + " ms");
    assertEquals(new IndexManager.Result(IndexManager.Outcome.UNCHANGED, alias + "-v1"),
        new IndexManager(es.client(), alias, IndexDefinition.load(List.of("palmyrene => palmyrene, زنوبيا"), GAZ)).ensureIndex());
  }

  @Test
  void aMalformedSynonymRuleIsRefusedAndTheIndexStaysAsItWas() throws Exception {
    new IndexManager(es.client(), alias, IndexDefinition.load(List.of("palmyrene => palmyrene, زنوبيا"), GAZ)).ensureIndex();
    es.client().index(r -> r.index(alias).id("doc").document(Map.of("body", "وصل وفد زنوبيا")));

    // well-formed for the file check, refused by Elasticsearch; among the shipped rules, found by bisection
    IndexManager broken = new IndexManager(es.client(), alias, IndexDefinition.load(
        List.of("palmyrene => palmyrene, زنوبيا", "a => b => c", "tadmur, تدمر"), GAZ));
    IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, broken::ensureIndex);

    assertTrue(e.getMessage().contains("refused") && e.getMessage().contains("\"a => b => c\""), e.getMessage());
    assertEquals(1, hits("palmyrene"), "the index is open, with its previous rules");
  }

  @Test
  void theShardCountMakesItsOwnVersionAndTheReplicaCountIsAppliedInPlace() throws Exception {
    IndexDefinition two = IndexDefinition.load(List.of(), GAZ).withShards(2, 0);
    assertEquals(IndexManager.Outcome.CREATED, new IndexManager(es.client(), alias, two).ensureIndex().outcome());
    var settings = es.client().indices().getSettings(g -> g.index(alias + "-v1")).result().get(alias + "-v1").settings().index();
    assertEquals("2", settings.numberOfShards());
    assertTrue(!two.hash().equals(IndexDefinition.load(List.of(), GAZ).hash()), "a shard count is index-time");

    IndexManager.Result result = new IndexManager(es.client(), alias, IndexDefinition.load(List.of(), GAZ).withShards(2, 1))
        .ensureIndex();
    assertEquals(new IndexManager.Result(IndexManager.Outcome.UNCHANGED, alias + "-v1"), result);
    assertEquals("1", es.client().indices().getSettings(g -> g.index(alias + "-v1")).result().get(alias + "-v1")
        .settings().index().numberOfReplicas());
  }

  @Test
  void theDefinitionHashIsStableAndSynonymsHaveAHashOfTheirOwn() {
    assertEquals(IndexDefinition.load(List.of(), GAZ).hash(), IndexDefinition.load(List.of(), GAZ).hash());
    assertEquals(IndexDefinition.load(List.of(), GAZ).hash(), IndexDefinition.load(List.of("a, b"), GAZ).hash());
    assertTrue(!IndexDefinition.load(List.of(), GAZ).synonymsHash().equals(IndexDefinition.load(List.of("a, b"), GAZ).synonymsHash()));
    ObjectNode meta = (ObjectNode) IndexDefinition.load(List.of(), GAZ).mappings().get("_meta");
    assertEquals(IndexDefinition.load(List.of(), GAZ).hash(), meta.get("definition_hash").asText());
  }
}
