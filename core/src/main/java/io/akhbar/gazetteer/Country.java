package io.akhbar.gazetteer;

import java.util.List;
import java.util.Objects;

/**
 * One row of {@code countries.tsv}: what tells a reader that a passage is about a given state. The tagger uses it as
 * evidence for and against Iraq ({@link CountryContext}); it tags no country by itself (states are actors).
 *
 * @param code      ISO 3166-1 alpha-2 ({@code SA})
 * @param nameEn    English short name
 * @param names     the country's names in Arabic and English
 * @param demonyms  nisba bases without the article ({@code سعودي}: the tagger adds ال، ة، ين، ون، يون، يين), broken
 *                  plurals in full ({@code الأتراك}) and English demonyms ({@code Saudi})
 * @param cities    the capital and the cities and regions news names for it ({@code الرياض}, {@code جدة})
 * @param places    smaller places there that share a name with an Iraqi place (a district of Riyadh called
 *                  «السليمانية»): no evidence of the country by themselves, but they make the Iraqi name ambiguous
 * @param source    where the facts come from
 */
public record Country(String code, String nameEn, List<String> names, List<String> demonyms, List<String> cities,
    List<String> places, String source) {
  public Country {
    Objects.requireNonNull(code, "code");
    nameEn = nameEn == null ? "" : nameEn;
    names = names == null ? List.of() : List.copyOf(names);
    demonyms = demonyms == null ? List.of() : List.copyOf(demonyms);
    cities = cities == null ? List.of() : List.copyOf(cities);
    places = places == null ? List.of() : List.copyOf(places);
    source = source == null ? "" : source;
  }
}
