package io.akhbar.indexer;

/**
 * What a run did. Every input read is counted exactly once: {@code read = indexed + updated + unchanged + failed
 * + rejected}, where {@code rejected} inputs never became an article (unreadable, broken JSON, no text) and
 * {@code failed} articles were refused by Elasticsearch or could not be sent; both are in the dead-letter file.
 */
public record IndexSummary(long read, long indexed, long updated, long unchanged, long failed, long rejected,
    long millis) {

  public boolean ok() {
    return failed == 0 && rejected == 0;
  }

  public double docsPerSecond() {
    return millis == 0 ? 0 : (indexed + updated + unchanged) * 1000.0 / millis;
  }

  @Override
  public String toString() {
    return String.format(java.util.Locale.ROOT,
        "read %d, indexed %d, updated %d, unchanged %d, failed %d, rejected %d in %.1f s (%.0f docs/s)",
        read, indexed, updated, unchanged, failed, rejected, millis / 1000.0, docsPerSecond());
  }
}
