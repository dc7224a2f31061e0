package io.akhbar.gazetteer;

import java.util.List;
import java.util.Objects;

/**
 * One row of {@code roles.tsv}: one country's office (or an international one), and the phrases that name it on
 * their own without naming the holder.
 *
 * @param id      role id used in the {@code offices} column of {@code actors.tsv} ({@code iraq-prime-minister})
 * @param country ISO 3166-1 alpha-2 code of the office's state; empty for an international office
 * @param office  the generic office kind of {@code offices.tsv} this role is that country's instance of
 *                ({@code prime-minister}); empty when only its own phrases name it
 * @param phrases surface forms that name this role by themselves, such as {@code رئيس الوزراء العراقي} or
 *                {@code خادم الحرمين الشريفين}; the generic phrases ({@code رئيس الوزراء}) belong to the office kind
 */
public record Role(String id, String country, String office, List<String> phrases) {
  public Role {
    Objects.requireNonNull(id, "id");
    country = country == null ? "" : country;
    office = office == null ? "" : office;
    phrases = phrases == null ? List.of() : List.copyOf(phrases);
  }

  public Role(String id, List<String> phrases) {
    this(id, "", "", phrases);
  }
}
