package io.akhbar.api;

import io.akhbar.api.ApiModel.Health;
import io.akhbar.core.ElasticsearchConnection;
import io.akhbar.core.IndexManager;

/**
 * What {@code GET /health} reports: the engine, its version, the index behind the alias, its document count, and
 * the background index migration and re-tagging when they run.
 */
public final class HealthService {

  private final ElasticsearchConnection es;
  private final IndexManager indices;
  private volatile String retag;
  private volatile String migration;

  public HealthService(ElasticsearchConnection es, IndexManager indices) {
    this.es = es;
    this.indices = indices;
  }

  /** What the background re-tagging reports ({@code running: …}, {@code done: …}); null when none ran. */
  public void retag(String status) {
    this.retag = status;
  }

  /** What a background index migration reports ({@code running: …}, {@code done: …}); null when none ran. */
  public void migration(String status) {
    this.migration = status;
  }

  public Health check() {
    try {
      String version = es.serverVersion();
      var index = indices.currentIndex();
      if (index.isEmpty()) {
        return new Health("no_index", es.engine(), version, indices.alias(), null, null,
            "The index '" + indices.alias() + "' does not exist yet", retag, migration);
      }
      long docs = es.client().count(c -> c.index(indices.alias())).count();
      return new Health("ok", es.engine(), version, indices.alias(), index.get(), docs, null, retag, migration);
    } catch (Exception e) {
      return new Health("unavailable", es.engine(), null, indices.alias(), null, null,
          "Elasticsearch is unreachable: " + e.getMessage(), retag, migration);
    }
  }
}
