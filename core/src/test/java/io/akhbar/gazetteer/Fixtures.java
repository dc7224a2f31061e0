package io.akhbar.gazetteer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The small test gazetteers in {@code src/test/resources/gazetteer-fixtures/}: {@code basic/} (places, actors, roles
 * only: the country-blind tagger) and {@code countries/} (with offices, countries, actors' countries and lifetimes).
 */
final class Fixtures {

  private static volatile Gazetteer basic;
  private static volatile Tagger tagger;
  private static volatile Tagger countryTagger;

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

  static Gazetteer countries() {
    return Gazetteer.parse(text("countries/places.tsv"), text("countries/actors.tsv"), text("countries/roles.tsv"),
        text("countries/offices.tsv"), text("countries/countries.tsv"));
  }

  static Tagger countryTagger() {
    if (countryTagger == null) {
      countryTagger = new Tagger(countries());
    }
    return countryTagger;
  }

  static Tagger tagger() {
    if (tagger == null) {
      tagger = new Tagger(basic());
    }
    return tagger;
  }
}
