package io.akhbar.gazetteer;

import java.util.List;

/**
 * A place outside Iraq with its Latin-script and Arabic names ({@code places-abroad.tsv}): search-time synonyms only
 * (Aden finds «عدن», «عدن» finds English articles that write Aden). Never tagged: the facets are Iraqi places.
 */
public record PlaceAbroad(String country, List<String> arabic, List<String> latin) {

  public PlaceAbroad {
    arabic = List.copyOf(arabic);
    latin = List.copyOf(latin);
  }
}
