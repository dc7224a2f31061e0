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
  void aChangedDefinitionCreatesTheNextVersionKeepsEveryDocumentAndMovesTheAlias() throws Exception {
    IndexManager v1 = new IndexManager(es.client(), alias, IndexDefinition.load(List.of(), GAZ));
    v1.ensureIndex();
    for (int i = 0; i < 25; i++) {
      int n = i;
      es.client().index(r -> r.index(alias).id("doc-" + n).document(Map.of("title", "خبر رقم " + n)));
    }

    IndexDefinition changed = IndexDefinition.load(List.of("الفلوجة, fallujah, falluja"), GAZ);
    IndexManager.Result result = new IndexManager(es.client(), alias, changed).ensureIndex();

    assertEquals(new IndexManager.Result(IndexManager.Outcome.MIGRATED, alias + "-v2"), result);
    assertEquals(25, es.client().count(c -> c.index(alias)).count());
    assertEquals(List.of(alias + "-v2"), List.copyOf(es.client().indices().getAlias(g -> g.name(alias)).result().keySet()));
    assertTrue(es.client().indices().exists(e -> e.index(alias + "-v1")).value() == false, "the old version is removed");
  }

  @Test
  void theDefinitionHashIsStableAndChangesWithTheSynonyms() {
    assertEquals(IndexDefinition.load(List.of(), GAZ).hash(), IndexDefinition.load(List.of(), GAZ).hash());
    assertTrue(!IndexDefinition.load(List.of(), GAZ).hash().equals(IndexDefinition.load(List.of("a, b"), GAZ).hash()));
    ObjectNode meta = (ObjectNode) IndexDefinition.load(List.of(), GAZ).mappings().get("_meta");
    assertEquals(IndexDefinition.load(List.of(), GAZ).hash(), meta.get("definition_hash").asText());
  }
}
