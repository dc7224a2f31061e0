package io.akhbar.gazetteer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GazetteerTest {

  private static final String PLACES_HEADER = "id\tkind\tparent\tname_ar\tname_en\tname_ku\taliases\tevidence\tsource\n";
  private static final String ACTORS_HEADER =
      "id\ttype\tname_ar\tname_en\tname_ku\taliases\tsurnames\toffices\tsource\n";
  private static final String ROLES = "role\tphrases\niraq-prime-minister\tرئيس الوزراء\n";

  @Test
  void loadsTheFixtureWithAllColumns() {
    Gazetteer g = Fixtures.basic();
    Place baghdad = g.place("IQ-BG").orElseThrow();
    assertEquals(Place.Kind.GOVERNORATE, baghdad.kind());
    assertEquals("بغداد", baghdad.nameAr());
    assertEquals("Baghdad", baghdad.nameEn());
    assertEquals("بەغدا", baghdad.nameKu());
    assertEquals(List.of("Bagdad", "محافظة بغداد"), baghdad.aliases());
    assertNull(baghdad.parent());
    assertFalse(baghdad.needsContext());
    assertTrue(g.place("IQ-SD.balad").orElseThrow().needsContext());
    assertEquals("IQ-HAL", g.place("IQ-HAL").orElseThrow().governorateId());

    Actor kadhimi = g.actor("mustafa-al-kadhimi").orElseThrow();
    assertEquals(Actor.Type.PERSON, kadhimi.type());
    assertEquals(List.of("الكاظمي", "al-Kadhimi", "Kadhimi"), kadhimi.surnames());
    assertEquals(List.of(new Actor.Office("iraq-prime-minister", LocalDate.of(2020, 5, 7), LocalDate.of(2022, 10, 27))),
        kadhimi.offices());
    assertNull(g.actor("mohammed-shia-al-sudani").orElseThrow().offices().get(0).to());
    assertEquals(Actor.Type.ARMED_GROUP, g.actor("thar-allah").orElseThrow().type());
    assertTrue(g.role("iraq-prime-minister").orElseThrow().phrases().contains("رئيس الوزراء العراقي"));
    assertTrue(g.actor("nobody").isEmpty());
  }

  @Test
  void hierarchyQueries() {
    Gazetteer g = Fixtures.basic();
    assertEquals(14, g.governorates().size());
    assertEquals("IQ-BG", g.governorates().get(0).id());
    assertEquals(List.of("IQ-SD.tikrit", "IQ-SD.balad", "IQ-SD.dour"),
        g.districtsOf("IQ-SD").stream().map(Place::id).toList());
    assertEquals(List.of(), g.districtsOf("IQ-XX"));
    Place farhatiya = g.place("IQ-SD.balad.farhatiya").orElseThrow();
    assertEquals("IQ-SD", farhatiya.governorateId());
    assertEquals("IQ-SD.balad", g.districtOf(farhatiya).orElseThrow().id());
    assertEquals("IQ-SD.balad", g.districtOf(g.place("IQ-SD.balad").orElseThrow()).orElseThrow().id());
    assertTrue(g.districtOf(g.place("IQ-SD").orElseThrow()).isEmpty());
    assertEquals(List.of("IQ-SD.balad", "IQ-SD"), g.ancestorsOf(farhatiya).stream().map(Place::id).toList());
  }

  @Test
  void loadsFromADirectory(@TempDir Path dir) throws IOException {
    for (String f : List.of("places.tsv", "actors.tsv", "roles.tsv")) {
      Files.writeString(dir.resolve(f), Fixtures.text("basic/" + f), StandardCharsets.UTF_8);
    }
    Gazetteer g = Gazetteer.fromDirectory(dir);
    assertEquals(Fixtures.basic().places(), g.places());
    assertEquals(Fixtures.basic().actors(), g.actors());
  }

  @Test
  void aMissingFileIsNamed(@TempDir Path dir) {
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> Gazetteer.fromDirectory(dir));
    assertTrue(e.getMessage().contains("places.tsv"), e.getMessage());
  }

  @Test
  void aByteOrderMarkAndCrLfLineEndingsAreAccepted() {
    String places = "\uFEFF" + PLACES_HEADER.replace("\n", "\r\n") + "IQ-BG\tgovernorate\t\tبغداد\tBaghdad\t\t\talways\tx\r\n";
    Gazetteer g = Gazetteer.parse(places, ACTORS_HEADER, ROLES);
    assertEquals("Baghdad", g.place("IQ-BG").orElseThrow().nameEn());
  }

  private static GazetteerFormatException placesError(String rows) {
    return assertThrows(GazetteerFormatException.class,
        () -> Gazetteer.parse(PLACES_HEADER + "# a comment line\n" + rows, ACTORS_HEADER, ROLES));
  }

  private static GazetteerFormatException actorsError(String rows) {
    String places = PLACES_HEADER + "IQ-BG\tgovernorate\t\tبغداد\tBaghdad\t\t\talways\tx\n";
    return assertThrows(GazetteerFormatException.class,
        () -> Gazetteer.parse(places, ACTORS_HEADER + rows, ROLES));
  }

  @Test
  void aRowWithTooManyCellsNamesFileAndLine() {
    GazetteerFormatException e = placesError(
        "IQ-BG\tgovernorate\t\tبغداد\tBaghdad\t\t\talways\tx\n"
            + "\n"
            + "IQ-BA\tgovernorate\t\tالبصرة\tBasra\t\t\talways\tx\textra\n");
    assertEquals("places.tsv", e.file());
    assertEquals(5, e.line());
    assertTrue(e.getMessage().startsWith("places.tsv:5: malformed row"), e.getMessage());
  }

  @Test
  void anUnknownParentIsAnError() {
    GazetteerFormatException e = placesError(
        "IQ-BG\tgovernorate\t\tبغداد\tBaghdad\t\t\talways\tx\n"
            + "IQ-BG.karkh\tdistrict\tIQ-BX\tالكرخ\tKarkh\t\t\talways\tx\n");
    assertEquals(4, e.line());
    assertTrue(e.getMessage().contains("unknown parent 'IQ-BX'"), e.getMessage());
  }

  @Test
  void aDuplicateIdIsAnError() {
    GazetteerFormatException e = placesError(
        "IQ-BG\tgovernorate\t\tبغداد\tBaghdad\t\t\talways\tx\n"
            + "IQ-BG\tgovernorate\t\tبغداد\tBaghdad\t\t\talways\tx\n");
    assertEquals(4, e.line());
    assertTrue(e.getMessage().contains("duplicate id 'IQ-BG' (first on line 3)"), e.getMessage());
  }

  @Test
  void aDuplicateActorIdIsAnError() {
    GazetteerFormatException e = actorsError("a-b\tperson\tا\tA\t\t\t\t\tx\na-b\tperson\tب\tB\t\t\t\t\tx\n");
    assertEquals("actors.tsv", e.file());
    assertEquals(3, e.line());
  }

  @Test
  void unknownKindTypeOrEvidenceAreErrors() {
    assertTrue(placesError("IQ-BG\tprovince\t\tبغداد\tBaghdad\t\t\talways\tx\n").getMessage()
        .contains("unknown kind 'province'"));
    assertTrue(placesError("IQ-BG\tgovernorate\t\tبغداد\tBaghdad\t\t\tsometimes\tx\n").getMessage()
        .contains("evidence must be"));
    assertTrue(actorsError("x-y\tmilitia\tا\tA\t\t\t\t\tx\n").getMessage().contains("unknown type 'militia'"));
  }

  @Test
  void idsMustFollowTheGovernoratePrefixAndHierarchy() {
    assertTrue(placesError("Baghdad\tgovernorate\t\tبغداد\tBaghdad\t\t\talways\tx\n").getMessage()
        .contains("ISO 3166-2:IQ"));
    assertTrue(placesError("IQ-BG\tgovernorate\t\tبغداد\tBaghdad\t\t\talways\tx\n"
        + "IQ-BA\tgovernorate\t\tالبصرة\tBasra\t\t\talways\tx\n"
        + "IQ-BA.karkh\tdistrict\tIQ-BG\tالكرخ\tKarkh\t\t\talways\tx\n").getMessage().contains("is in IQ-BG"));
    assertTrue(placesError("IQ-BG\tgovernorate\t\tبغداد\tBaghdad\t\t\talways\tx\n"
        + "IQ-BG.a\tdistrict\tIQ-BG\tا\tA\t\t\talways\tx\n"
        + "IQ-BG.b\tdistrict\tIQ-BG.a\tب\tB\t\t\talways\tx\n").getMessage().contains("must be a governorate"));
    assertTrue(placesError("IQ-BG.a\tdistrict\t\tا\tA\t\t\talways\tx\n").getMessage().contains("needs a parent"));
  }

  @Test
  void officesNeedAKnownRoleAndIsoDates() {
    assertTrue(actorsError("x-y\tperson\tا\tA\t\t\t\tpresident@2020-01-01/\tx\n").getMessage()
        .contains("role 'president', which roles.tsv does not have"));
    assertTrue(actorsError("x-y\tperson\tا\tA\t\t\t\tiraq-prime-minister@2020/2021\tx\n").getMessage()
        .contains("not YYYY-MM-DD"));
    assertTrue(actorsError("x-y\tperson\tا\tA\t\t\t\tiraq-prime-minister@2021-01-01/2020-01-01\tx\n")
        .getMessage().contains("ends before it starts"));
  }

  @Test
  void aMissingColumnIsNamed() {
    GazetteerFormatException e = assertThrows(GazetteerFormatException.class,
        () -> Gazetteer.parse("id\tkind\n", ACTORS_HEADER, ROLES));
    assertTrue(e.getMessage().contains("no column 'parent'"), e.getMessage());
  }

  @Test
  void shorterRowsAreReadWithEmptyTrailingCells() {
    Gazetteer g = Gazetteer.parse(PLACES_HEADER + "IQ-BG\tgovernorate\t\tبغداد\tBaghdad\t\t\talways\n",
        ACTORS_HEADER, ROLES);
    assertEquals("", g.place("IQ-BG").orElseThrow().source());
  }

  @Test
  void officeHeldOnIsInclusive() {
    Actor.Office o = new Actor.Office("r", LocalDate.of(2020, 5, 7), LocalDate.of(2022, 10, 27));
    assertTrue(o.heldOn(LocalDate.of(2020, 5, 7)));
    assertTrue(o.heldOn(LocalDate.of(2022, 10, 27)));
    assertFalse(o.heldOn(LocalDate.of(2022, 10, 28)));
    assertTrue(new Actor.Office("r", LocalDate.of(2022, 10, 27), null).heldOn(LocalDate.of(2099, 1, 1)));
  }
}
