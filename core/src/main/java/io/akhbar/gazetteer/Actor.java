package io.akhbar.gazetteer;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One row of {@code actors.tsv}: a person, armed group, party, government body, state, international organisation or
 * media outlet.
 *
 * @param id       stable slug ({@code mustafa-al-kadhimi})
 * @param type     what kind of actor
 * @param nameAr   Arabic display name
 * @param nameEn   English display name
 * @param nameKu   Kurdish display name; may be empty
 * @param aliases  surface forms that name this actor on their own
 * @param surnames bare surnames / short forms that may name someone else too
 * @param offices  offices held, with dates
 * @param source   where the facts come from
 */
public record Actor(
    String id,
    Type type,
    String nameAr,
    String nameEn,
    String nameKu,
    List<String> aliases,
    List<String> surnames,
    List<Office> offices,
    String source) {

  /** The {@code type} column. */
  public enum Type {
    PERSON, ARMED_GROUP, PARTY, GOVERNMENT_BODY, STATE, INTERNATIONAL_ORG, MEDIA;

    /** The value used in the TSV ({@code person}, {@code armed_group} ...). */
    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The type for a TSV value, or null. */
    public static Type fromCode(String code) {
      for (Type t : values()) {
        if (t.code().equals(code)) {
          return t;
        }
      }
      return null;
    }
  }

  /**
   * An office held from {@code from} to {@code to} (null: still in office). The end date is the day the office
   * passed on: on that day the successor, if any, is the holder (see {@link #heldOn(LocalDate)}).
   */
  public record Office(String role, LocalDate from, LocalDate to) {
    public Office {
      Objects.requireNonNull(role, "role");
      Objects.requireNonNull(from, "from");
    }

    /** True when the office was held on that day ({@code from <= day <= to}, or {@code to} is null). */
    public boolean heldOn(LocalDate day) {
      return !day.isBefore(from) && (to == null || !day.isAfter(to));
    }
  }

  public Actor {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    nameAr = nameAr == null ? "" : nameAr;
    nameEn = nameEn == null ? "" : nameEn;
    nameKu = nameKu == null ? "" : nameKu;
    aliases = aliases == null ? List.of() : List.copyOf(aliases);
    surnames = surnames == null ? List.of() : List.copyOf(surnames);
    offices = offices == null ? List.of() : List.copyOf(offices);
    source = source == null ? "" : source;
  }

  /** Display names and aliases (not surnames), non-empty, distinct, in column order. */
  public List<String> allNames() {
    return Names.all(nameAr, nameEn, nameKu, aliases);
  }
}
