package io.akhbar.gazetteer;

import java.util.List;
import java.util.TreeSet;

/**
 * What an article is about, as gazetteer ids: each list sorted and distinct.
 *
 * @param provinces governorate ids (ISO 3166-2:IQ, plus {@code IQ-HAL} for Halabja)
 * @param districts district ids ({@code IQ-BG.tarmiyah})
 * @param actors    actor ids ({@code mustafa-al-kadhimi})
 */
public record Tags(List<String> provinces, List<String> districts, List<String> actors) {

  public static final Tags EMPTY = new Tags(List.of(), List.of(), List.of());

  public Tags {
    provinces = sortedDistinct(provinces);
    districts = sortedDistinct(districts);
    actors = sortedDistinct(actors);
  }

  private static List<String> sortedDistinct(List<String> in) {
    return in == null ? List.of() : List.copyOf(new TreeSet<>(in));
  }

  public boolean isEmpty() {
    return provinces.isEmpty() && districts.isEmpty() && actors.isEmpty();
  }
}
