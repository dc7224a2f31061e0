package io.akhbar.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SynonymFilesTest {

  @Test
  void rulesKeepTheirFileAndLineAndCommentsAndBlanksAreDropped() {
    List<SynonymFiles.Rule> rules = SynonymFiles.parse("mappings/synonyms/x.txt",
        "# a comment\n\nلقاح, تطعيم, vaccine\nisis, daesh => داعش # trailing comment\n");
    assertEquals(List.of(new SynonymFiles.Rule("لقاح, تطعيم, vaccine", "mappings/synonyms/x.txt:3"),
        new SynonymFiles.Rule("isis, daesh => داعش", "mappings/synonyms/x.txt:4")), rules);
  }

  @Test
  void aMalformedLineIsRefusedWithItsFileAndLine() {
    for (String bad : List.of("a => b => c", "a, b =>", "=> b", "a, , b", "alone")) {
      SynonymFiles.FormatException e = assertThrows(SynonymFiles.FormatException.class,
          () -> SynonymFiles.parse("mappings/synonyms/x.txt", "a, b\n\n" + bad + "\n"));
      assertTrue(e.getMessage().startsWith("mappings/synonyms/x.txt:3: "), e.getMessage());
      assertTrue(e.getMessage().contains(bad), e.getMessage());
    }
  }

  @Test
  void theShippedFilesAreWellFormed() {
    assertTrue(SynonymFiles.read().size() > 20, "the rules of mappings/synonyms/ are read: " + SynonymFiles.read().size());
  }

  @Test
  void aRuleIsTracedToItsFileOrToTheGazetteerRowItComesFrom() {
    SynonymFiles.Rule first = SynonymFiles.read().get(0);
    assertEquals(first.where(), IndexDefinition.originOf(first.text()));
    assertTrue(IndexDefinition.originOf("Ayad Allawi => Ayad Allawi, إياد علاوي").startsWith("generated from gazetteer/actors.tsv:"),
        IndexDefinition.originOf("Ayad Allawi => Ayad Allawi, إياد علاوي"));
  }
}
