package io.akhbar.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The names suite's file and yardstick, without a node (the run itself needs the corpus: ./evaluate.sh). */
class NamesEvaluationTest {

  @TempDir
  Path dir;

  @Test
  void aPersonsHitMustNameTheFamilyAPlacesHitOneOfItsForms() throws Exception {
    Path f = dir.resolve("q.tsv");
    Files.writeString(f, "# comment\nid\tquery\tkind\tarabic\tnote\n"
        + "n1\tHaider al-Abadi\tperson\tحيدر العبادي\t\nn2\tKirkuk\tplace\tكركوك|مدينة كركوك\t\n");
    List<NamesEvaluation.NameQuery> q = NamesEvaluation.read(f);
    assertEquals(2, q.size());
    assertEquals(List.of("العبادي"), q.get(0).family());
    assertEquals(List.of("كركوك", "مدينة كركوك"), q.get(1).family());
  }

  @Test
  void aForeignFamilyNameCountsWithoutTheArticleButAGivenNameOrACommonWordNever() {
    java.util.Set<String> given = java.util.Set.of("حسن", "احمد", "باراك");
    assertEquals("أوباما", NamesEvaluation.familyOf("باراك أوباما", given));
    assertEquals("نصر الله", NamesEvaluation.familyOf("حسن نصر الله", given), "Nasrallah is not «الله»");
    assertEquals("ولد الشيخ أحمد", NamesEvaluation.familyOf("ولد الشيخ أحمد", given), "أحمد is a given name");
    assertEquals("خالد مشعل", NamesEvaluation.familyOf("خالد مشعل", given), "مشعل is also «torch»");
  }

  @Test
  void theRepositorysSuiteHasMoreThan150QueriesOfEveryKind() throws Exception {
    List<NamesEvaluation.NameQuery> q = NamesEvaluation.read(Path.of("../relevance/names-queries.tsv"));
    assertTrue(q.size() >= 150, q.size() + " queries");
    assertTrue(q.stream().map(NamesEvaluation.NameQuery::kind).distinct().count() == 3, "person, group, place");
    assertTrue(q.stream().allMatch(x -> x.query().chars().noneMatch(c -> Character.UnicodeScript.of(c)
        == Character.UnicodeScript.ARABIC)), "every query is in Latin script");
  }
}
