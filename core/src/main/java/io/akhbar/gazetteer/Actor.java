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
 * @param country  ISO 3166-1 alpha-2 code of the state the actor belongs to; empty for international bodies. Forms
 *                 that could name another country's actor (surnames, generic names) tag it only in that country's context
 * @param activeFrom founding day of a body, or null (unknown, or a person)
 * @param activeTo   dissolution day of a body, or null (still active, unknown, or a person)
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
    String source,
    String country,
    LocalDate activeFrom,
    LocalDate activeTo) {

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
   * passed on: on that day the successor, if any, is the holder (see {@link #heldOn(LocalDate)}). An institution's
   * slot ({@code iraq-cabinet@/}) may have neither date: it is held on every day, and also when the day is unknown.
   */
  public record Office(String role, LocalDate from, LocalDate to) {
    public Office {
      Objects.requireNonNull(role, "role");
    }

    /** True when the office was held on that day ({@code from <= day <= to}; a null bound is open). */
    public boolean heldOn(LocalDate day) {
      return (from == null || !day.isBefore(from)) && (to == null || !day.isAfter(to));
    }

    /** Held whatever the day: no dates at all (an institution's slot). */
    public boolean timeless() {
      return from == null && to == null;
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
    country = country == null ? "" : country;
  }

  /** The old nine-column form, for tools and tests that know no country or lifetime. */
  public Actor(String id, Type type, String nameAr, String nameEn, String nameKu, List<String> aliases,
      List<String> surnames, List<Office> offices, String source) {
    this(id, type, nameAr, nameEn, nameKu, aliases, surnames, offices, source, "", null, null);
  }

  /** False when the day is known and outside the body's lifetime. */
  public boolean activeOn(LocalDate dayOrNull) {
    return dayOrNull == null || ((activeFrom == null || !dayOrNull.isBefore(activeFrom))
        && (activeTo == null || !dayOrNull.isAfter(activeTo)));
  }

  /** True when the day is known and before the body was founded (it cannot be meant, by any of its names). */
  public boolean notYetFounded(LocalDate dayOrNull) {
    return dayOrNull != null && activeFrom != null && dayOrNull.isBefore(activeFrom);
  }

  /** Display names and aliases (not surnames), non-empty, distinct, in column order. */
  public List<String> allNames() {
    return Names.all(nameAr, nameEn, nameKu, aliases);
  }
}
