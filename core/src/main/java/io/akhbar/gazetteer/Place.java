package io.akhbar.gazetteer;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One row of {@code places.tsv}: a governorate, district, sub-district, town, neighbourhood or landmark.
 *
 * @param id           ISO 3166-2:IQ code for a governorate ({@code IQ-BG}; Halabja {@code IQ-HAL}), else
 *                     {@code <governorate>.<slug>} ({@code IQ-NI.mosul})
 * @param kind         the administrative level
 * @param parent       id of the enclosing unit; null for a governorate
 * @param nameAr       Arabic display name
 * @param nameEn       English display name
 * @param nameKu       Kurdish (Sorani) display name; may be empty
 * @param aliases      every other surface form, any script
 * @param needsContext a homograph ({@code evidence = context}): tagged only with evidence
 * @param source       where the facts come from
 */
public record Place(
    String id,
    Kind kind,
    String parent,
    String nameAr,
    String nameEn,
    String nameKu,
    List<String> aliases,
    boolean needsContext,
    String source) {

  /** Administrative level, from the {@code kind} column. */
  public enum Kind {
    GOVERNORATE, DISTRICT, SUBDISTRICT, TOWN, NEIGHBOURHOOD, LANDMARK;

    /** The value used in the TSV ({@code governorate}, {@code district} ...). */
    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The kind for a TSV value, or null. */
    public static Kind fromCode(String code) {
      for (Kind k : values()) {
        if (k.code().equals(code)) {
          return k;
        }
      }
      return null;
    }
  }

  public Place {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    parent = parent == null || parent.isBlank() ? null : parent;
    nameAr = nameAr == null ? "" : nameAr;
    nameEn = nameEn == null ? "" : nameEn;
    nameKu = nameKu == null ? "" : nameKu;
    aliases = aliases == null ? List.of() : List.copyOf(aliases);
    source = source == null ? "" : source;
  }

  /** The governorate id: the id itself for a governorate, else the part before the first dot. */
  public String governorateId() {
    int dot = id.indexOf('.');
    return dot < 0 ? id : id.substring(0, dot);
  }

  public boolean isGovernorate() {
    return kind == Kind.GOVERNORATE;
  }

  /** Display names and aliases, non-empty, distinct, in column order. */
  public List<String> allNames() {
    return Names.all(nameAr, nameEn, nameKu, aliases);
  }
}
