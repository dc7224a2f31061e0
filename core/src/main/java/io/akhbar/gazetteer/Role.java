package io.akhbar.gazetteer;

import java.util.List;
import java.util.Objects;

/**
 * One row of {@code roles.tsv}: an office, and the phrases that name it without naming the holder.
 *
 * @param id      role id used in the {@code offices} column of {@code actors.tsv}
 * @param phrases surface forms such as {@code رئيس الوزراء العراقي} or {@code Iraqi prime minister}
 */
public record Role(String id, List<String> phrases) {
  public Role {
    Objects.requireNonNull(id, "id");
    phrases = phrases == null ? List.of() : List.copyOf(phrases);
  }
}
