package io.akhbar.indexer;

import com.fasterxml.jackson.databind.JsonNode;

/** One thing read from the inputs: a raw page, one JSON Lines record, or something that could not be read. */
public sealed interface Input {

  /** Where it came from, for reports: a file, or {@code file:line}. */
  String where();

  /** A raw scraped page (a text file); {@code source} is its path relative to the folder given (or its name). */
  record Page(String where, String source, String text) implements Input {}

  /** One JSON Lines record. */
  record FeedEntry(String where, String fileName, JsonNode json) implements Input {}

  /** An input that cannot become an article, with the reason a journalist can act on. */
  record Rejected(String where, String reason) implements Input {}
}
