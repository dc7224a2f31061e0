package io.akhbar.gazetteer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The small test gazetteer in {@code src/test/resources/gazetteer-fixtures/basic/}. */
final class Fixtures {

  private static volatile Gazetteer basic;
  private static volatile Tagger tagger;

  private Fixtures() {}

  static String text(String resource) {
    try (InputStream in = Fixtures.class.getClassLoader().getResourceAsStream("gazetteer-fixtures/" + resource)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource gazetteer-fixtures/" + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Gazetteer basic() {
    if (basic == null) {
      basic = Gazetteer.parse(text("basic/places.tsv"), text("basic/actors.tsv"), text("basic/roles.tsv"));
    }
    return basic;
  }

  static Tagger tagger() {
    if (tagger == null) {
      tagger = new Tagger(basic());
    }
    return tagger;
  }
}
