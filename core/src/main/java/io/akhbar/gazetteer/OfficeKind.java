package io.akhbar.gazetteer;

import java.util.List;
import java.util.Objects;

/**
 * One row of {@code offices.tsv}: an office every country has (prime minister, foreign minister, central bank ...),
 * named by phrases that do not say which country's it is. The tagger finds the country from the mention's context
 * ({@link CountryContext}) and the holder from the role of that country and office ({@link OfficeResolver}).
 *
 * @param id        office kind id ({@code foreign-minister})
 * @param phrases   phrases that name the office on their own ({@code وزير الخارجية}, {@code foreign minister}): the
 *                  country comes from the qualifier, the sentence or the article
 * @param qualified phrases that name it only with a country right after or before ({@code الرئيس} in
 *                  {@code الرئيس الأمريكي}, {@code وزير خارجية} in {@code وزير خارجية إيران})
 */
public record OfficeKind(String id, List<String> phrases, List<String> qualified) {
  public OfficeKind {
    Objects.requireNonNull(id, "id");
    phrases = phrases == null ? List.of() : List.copyOf(phrases);
    qualified = qualified == null ? List.of() : List.copyOf(qualified);
  }
}
