package io.akhbar.gazetteer;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** Shared by places and actors: their names and aliases, de-duplicated, in column order. */
final class Names {

  private Names() {}

  static List<String> all(String nameAr, String nameEn, String nameKu, List<String> aliases) {
    LinkedHashSet<String> names = new LinkedHashSet<>();
    for (String n : List.of(nameAr, nameEn, nameKu)) {
      if (!n.isBlank()) {
        names.add(n.strip());
      }
    }
    for (String a : aliases) {
      if (!a.isBlank()) {
        names.add(a.strip());
      }
    }
    return new ArrayList<>(names);
  }
}
