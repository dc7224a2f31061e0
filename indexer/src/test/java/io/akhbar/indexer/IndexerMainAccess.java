package io.akhbar.indexer;

import picocli.CommandLine;

/** Gives tests in sub-packages the CLI exactly as {@code main} builds it. */
public final class IndexerMainAccess {
  private IndexerMainAccess() {}

  public static CommandLine commandLine() {
    return IndexerMain.commandLine();
  }
}
