package io.akhbar.gazetteer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The gazetteer: places, actors and roles from {@code gazetteer/*.tsv} (format: {@code docs/gazetteer-format.md}).
 * Immutable and thread-safe. Loading validates everything a tagger relies on and fails with a
 * {@link GazetteerFormatException} naming the file and line: a malformed row, an unknown kind/type/evidence value,
 * a duplicate id, an unknown or misplaced parent, an id that does not start with its governorate, an unknown role or
 * a bad date in {@code offices}.
 */
public final class Gazetteer {

  public static final String PLACES_FILE = "places.tsv";
  public static final String ACTORS_FILE = "actors.tsv";
  public static final String ROLES_FILE = "roles.tsv";
  public static final String OFFICES_FILE = "offices.tsv";
  public static final String COUNTRIES_FILE = "countries.tsv";
  public static final String PLACES_ABROAD_FILE = "places-abroad.tsv";
  /** Classpath folder of the real gazetteer (the top-level {@code gazetteer/} folder, packaged by core). */
  public static final String CLASSPATH_FOLDER = "gazetteer/";

  static final List<String> PLACE_COLUMNS =
      List.of("id", "kind", "parent", "name_ar", "name_en", "name_ku", "aliases", "evidence", "source");
  static final List<String> ACTOR_COLUMNS =
      List.of("id", "type", "name_ar", "name_en", "name_ku", "aliases", "surnames", "offices", "source");
  static final List<String> ROLE_COLUMNS = List.of("role", "phrases");
  static final List<String> OFFICE_COLUMNS = List.of("office", "phrases", "qualified");
  static final List<String> PLACE_ABROAD_COLUMNS = List.of("country", "arabic", "latin");
  static final List<String> COUNTRY_COLUMNS = List.of("code", "name_en", "names", "demonyms", "cities", "source");
  private static final Pattern COUNTRY_CODE = Pattern.compile("[A-Z]{2}");

  private static final Pattern GOVERNORATE_ID = Pattern.compile("IQ-[A-Z]{2,3}");
  private static final Pattern SUB_ID = Pattern.compile("IQ-[A-Z]{2,3}(\\.[a-z0-9]+([-_][a-z0-9]+)*)+");
  private static final Pattern SLUG = Pattern.compile("[a-z0-9]+([-_.][a-z0-9]+)*");

  private final List<Place> places;
  private final List<Actor> actors;
  private final List<Role> roles;
  private final List<OfficeKind> offices;
  private final List<Country> countries;
  private final List<PlaceAbroad> placesAbroad;
  private final Map<String, Place> placesById;
  private final Map<String, Actor> actorsById;
  private final Map<String, Role> rolesById;
  private final Map<String, List<Place>> children;
  private volatile List<String> synonymRules;
  private volatile String contentHash;

  private Gazetteer(List<Place> places, List<Actor> actors, List<Role> roles, List<OfficeKind> offices,
      List<Country> countries, List<PlaceAbroad> placesAbroad) {
    this.placesAbroad = List.copyOf(placesAbroad);
    this.places = List.copyOf(places);
    this.actors = List.copyOf(actors);
    this.roles = List.copyOf(roles);
    this.offices = List.copyOf(offices);
    this.countries = List.copyOf(countries);
    Map<String, Place> p = new LinkedHashMap<>();
    places.forEach(x -> p.put(x.id(), x));
    Map<String, Actor> a = new LinkedHashMap<>();
    actors.forEach(x -> a.put(x.id(), x));
    Map<String, Role> r = new LinkedHashMap<>();
    roles.forEach(x -> r.put(x.id(), x));
    this.placesById = Collections.unmodifiableMap(p);
    this.actorsById = Collections.unmodifiableMap(a);
    this.rolesById = Collections.unmodifiableMap(r);
    Map<String, List<Place>> c = new HashMap<>();
    for (Place place : places) {
      if (place.parent() != null) {
        c.computeIfAbsent(place.parent(), k -> new ArrayList<>()).add(place);
      }
    }
    c.replaceAll((k, v) -> List.copyOf(v));
    this.children = c;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // loading

  /**
   * The real gazetteer: classpath resources {@code gazetteer/places.tsv}, {@code actors.tsv}, {@code roles.tsv},
   * {@code offices.tsv} and {@code countries.tsv}.
   */
  public static Gazetteer fromClasspath() {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    if (loader == null || loader.getResource(CLASSPATH_FOLDER + PLACES_FILE) == null) {
      loader = Gazetteer.class.getClassLoader();
    }
    return parse(readResource(loader, PLACES_FILE), readResource(loader, ACTORS_FILE),
        readResource(loader, ROLES_FILE), readResource(loader, OFFICES_FILE), readResource(loader, COUNTRIES_FILE),
        readResource(loader, PLACES_ABROAD_FILE));
  }

  /**
   * A gazetteer from a folder holding {@code places.tsv}, {@code actors.tsv} and {@code roles.tsv}, and, when present,
   * {@code offices.tsv} and {@code countries.tsv} (without them the tagger knows no generic office and no country).
   */
  public static Gazetteer fromDirectory(Path dir) {
    return parse(readFile(dir, PLACES_FILE), readFile(dir, ACTORS_FILE), readFile(dir, ROLES_FILE),
        Files.exists(dir.resolve(OFFICES_FILE)) ? readFile(dir, OFFICES_FILE) : "",
        Files.exists(dir.resolve(COUNTRIES_FILE)) ? readFile(dir, COUNTRIES_FILE) : "",
        Files.exists(dir.resolve(PLACES_ABROAD_FILE)) ? readFile(dir, PLACES_ABROAD_FILE) : "");
  }

  /** A gazetteer from the three files' text (no generic offices, no countries). */
  public static Gazetteer parse(String placesTsv, String actorsTsv, String rolesTsv) {
    return parse(placesTsv, actorsTsv, rolesTsv, "", "");
  }

  /** A gazetteer from the five files' text, validated as if read from files of those names ("" = no such file). */
  public static Gazetteer parse(String placesTsv, String actorsTsv, String rolesTsv, String officesTsv,
      String countriesTsv) {
    return parse(placesTsv, actorsTsv, rolesTsv, officesTsv, countriesTsv, "");
  }

  /** The same with {@code places-abroad.tsv}'s text ("" = no such file). */
  public static Gazetteer parse(String placesTsv, String actorsTsv, String rolesTsv, String officesTsv,
      String countriesTsv, String placesAbroadTsv) {
    List<Country> countries = countriesTsv.isBlank() ? List.of()
        : parseCountries(TsvTable.parse(COUNTRIES_FILE, countriesTsv, COUNTRY_COLUMNS));
    List<OfficeKind> offices = officesTsv.isBlank() ? List.of()
        : parseOffices(TsvTable.parse(OFFICES_FILE, officesTsv, OFFICE_COLUMNS));
    Set<String> officeIds = new HashSet<>();
    offices.forEach(o -> officeIds.add(o.id()));
    List<Role> roles = parseRoles(TsvTable.parse(ROLES_FILE, rolesTsv, ROLE_COLUMNS), officeIds);
    Set<String> roleIds = new HashSet<>();
    roles.forEach(r -> roleIds.add(r.id()));
    List<Place> places = parsePlaces(TsvTable.parse(PLACES_FILE, placesTsv, PLACE_COLUMNS));
    List<Actor> actors = parseActors(TsvTable.parse(ACTORS_FILE, actorsTsv, ACTOR_COLUMNS), roleIds);
    List<PlaceAbroad> abroad = placesAbroadTsv.isBlank() ? List.of()
        : parsePlacesAbroad(TsvTable.parse(PLACES_ABROAD_FILE, placesAbroadTsv, PLACE_ABROAD_COLUMNS), countries);
    return new Gazetteer(places, actors, roles, offices, countries, abroad);
  }

  /** A gazetteer from records (tests, tools); validated like a loaded one, errors name no line. */
  public static Gazetteer of(List<Place> places, List<Actor> actors, List<Role> roles) {
    validatePlaces(places, id -> 0L);
    Set<String> roleIds = new HashSet<>();
    for (Role r : roles) {
      if (!roleIds.add(r.id())) {
        throw new GazetteerFormatException(ROLES_FILE, 0, "duplicate role '" + r.id() + "'");
      }
    }
    Set<String> actorIds = new HashSet<>();
    for (Actor a : actors) {
      if (!actorIds.add(a.id())) {
        throw new GazetteerFormatException(ACTORS_FILE, 0, "duplicate id '" + a.id() + "'");
      }
      for (Actor.Office o : a.offices()) {
        if (!roleIds.contains(o.role())) {
          throw new GazetteerFormatException(ACTORS_FILE, 0, a.id() + ": unknown role '" + o.role() + "'");
        }
      }
    }
    return new Gazetteer(places, actors, roles, List.of(), List.of(), List.of());
  }

  private static String readResource(ClassLoader loader, String file) {
    String name = CLASSPATH_FOLDER + file;
    try (InputStream in = loader.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("gazetteer resource '" + name + "' is not on the classpath");
      }
      return decode(file, in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read gazetteer resource '" + name + "'", e);
    }
  }

  private static String readFile(Path dir, String file) {
    Path path = dir.resolve(file);
    try {
      return decode(path.toString(), Files.readAllBytes(path));
    } catch (NoSuchFileException e) {
      throw new IllegalStateException("gazetteer file '" + path + "' does not exist", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read gazetteer file '" + path + "'", e);
    }
  }

  private static String decode(String file, byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new GazetteerFormatException(file, 0, "is not valid UTF-8 (saved in another encoding?)");
    }
  }

  private static List<Country> parseCountries(List<TsvTable.Row> rows) {
    List<Country> out = new ArrayList<>();
    Map<String, Long> seen = new HashMap<>();
    for (TsvTable.Row row : rows) {
      String code = row.get("code");
      if (!COUNTRY_CODE.matcher(code).matches()) {
        throw row.error("country code '" + code + "' is not ISO 3166-1 alpha-2 (two capital letters, e.g. SA)");
      }
      Long first = seen.putIfAbsent(code, row.line());
      if (first != null) {
        throw row.error("duplicate country '" + code + "' (first on line " + first + ")");
      }
      if (row.list("names").isEmpty()) {
        throw row.error(code + ": needs at least one name");
      }
      out.add(new Country(code, row.get("name_en"), row.list("names"), row.list("demonyms"), row.list("cities"),
          row.list("places"), row.get("source")));
    }
    return out;
  }

  private static List<PlaceAbroad> parsePlacesAbroad(List<TsvTable.Row> rows, List<Country> countries) {
    Set<String> codes = new HashSet<>();
    countries.forEach(c -> codes.add(c.code()));
    List<PlaceAbroad> out = new ArrayList<>();
    for (TsvTable.Row row : rows) {
      String code = row.get("country");
      if (!COUNTRY_CODE.matcher(code).matches() || !codes.isEmpty() && !codes.contains(code)) {
        throw row.error("country '" + code + "' is not a code of countries.tsv");
      }
      List<String> arabic = row.list("arabic");
      List<String> latin = row.list("latin");
      if (arabic.isEmpty() || latin.isEmpty()) {
        throw row.error("a place abroad needs its Arabic and its Latin names");
      }
      for (String a : arabic) {
        if (!ArabicText.hasArabicLetter(a) || ArabicText.hasLatinLetter(a)) {
          throw row.error("'" + a + "' in the arabic column is not Arabic script");
        }
      }
      for (String l : latin) {
        if (!ArabicText.hasLatinLetter(l) || ArabicText.hasArabicLetter(l)) {
          throw row.error("'" + l + "' in the latin column is not Latin script");
        }
      }
      out.add(new PlaceAbroad(code, arabic, latin));
    }
    return out;
  }

  private static List<OfficeKind> parseOffices(List<TsvTable.Row> rows) {
    List<OfficeKind> out = new ArrayList<>();
    Map<String, Long> seen = new HashMap<>();
    for (TsvTable.Row row : rows) {
      String id = row.get("office");
      if (!SLUG.matcher(id).matches()) {
        throw row.error("office id '" + id + "' is not a lower-case slug like foreign-minister");
      }
      Long first = seen.putIfAbsent(id, row.line());
      if (first != null) {
        throw row.error("duplicate office '" + id + "' (first on line " + first + ")");
      }
      if (row.list("phrases").isEmpty() && row.list("qualified").isEmpty()) {
        throw row.error("office '" + id + "' has no phrases");
      }
      out.add(new OfficeKind(id, row.list("phrases"), row.list("qualified")));
    }
    return out;
  }

  private static List<Role> parseRoles(List<TsvTable.Row> rows, Set<String> officeIds) {
    List<Role> roles = new ArrayList<>();
    Map<String, Long> seen = new HashMap<>();
    for (TsvTable.Row row : rows) {
      String id = row.get("role");
      if (id.isEmpty()) {
        throw row.error("empty role id");
      }
      if (!SLUG.matcher(id).matches()) {
        throw row.error("role id '" + id + "' is not a lower-case slug");
      }
      Long first = seen.putIfAbsent(id, row.line());
      if (first != null) {
        throw row.error("duplicate role '" + id + "' (first on line " + first + ")");
      }
      List<String> phrases = row.list("phrases");
      String country = row.get("country");
      String office = row.get("office");
      if (!country.isEmpty() && !COUNTRY_CODE.matcher(country).matches()) {
        throw row.error("role '" + id + "': country '" + country + "' is not ISO 3166-1 alpha-2 (e.g. IQ)");
      }
      if (!office.isEmpty() && !officeIds.contains(office)) {
        throw row.error("role '" + id + "': office '" + office + "' is not in offices.tsv");
      }
      if (!office.isEmpty() && country.isEmpty()) {
        throw row.error("role '" + id + "': an office kind needs the country whose office it is");
      }
      if (phrases.isEmpty() && office.isEmpty()) {
        throw row.error("role '" + id + "' has no phrases and no office kind: nothing can name it");
      }
      roles.add(new Role(id, country, office, phrases));
    }
    return roles;
  }

  private static List<Place> parsePlaces(List<TsvTable.Row> rows) {
    List<Place> places = new ArrayList<>();
    Map<String, Long> lines = new HashMap<>();
    for (TsvTable.Row row : rows) {
      String id = row.get("id");
      if (id.isEmpty()) {
        throw row.error("empty id");
      }
      Long first = lines.putIfAbsent(id, row.line());
      if (first != null) {
        throw row.error("duplicate id '" + id + "' (first on line " + first + ")");
      }
      String kindCode = row.get("kind");
      Place.Kind kind = Place.Kind.fromCode(kindCode);
      if (kind == null) {
        throw row.error(id + ": unknown kind '" + kindCode + "' (expected governorate, district, subdistrict, town, "
            + "neighbourhood or landmark)");
      }
      String evidence = row.get("evidence");
      boolean needsContext;
      if (evidence.equals("context")) {
        needsContext = true;
      } else if (evidence.equals("always")) {
        needsContext = false;
      } else {
        throw row.error(id + ": evidence must be 'always' or 'context', not '" + evidence + "'");
      }
      if (row.get("name_ar").isEmpty() && row.get("name_en").isEmpty()) {
        throw row.error(id + ": needs name_ar or name_en");
      }
      places.add(new Place(id, kind, row.get("parent"), row.get("name_ar"), row.get("name_en"), row.get("name_ku"),
          row.list("aliases"), needsContext, row.get("source")));
    }
    validatePlaces(places, lines::get);
    return places;
  }

  private static void validatePlaces(List<Place> places, java.util.function.Function<String, Long> lineOf) {
    Map<String, Place> byId = new HashMap<>();
    for (Place p : places) {
      if (byId.putIfAbsent(p.id(), p) != null) {
        throw new GazetteerFormatException(PLACES_FILE, lineOf.apply(p.id()), "duplicate id '" + p.id() + "'");
      }
    }
    for (Place p : places) {
      long line = lineOf.apply(p.id()) == null ? 0 : lineOf.apply(p.id());
      if (p.kind() == Place.Kind.GOVERNORATE) {
        if (!GOVERNORATE_ID.matcher(p.id()).matches()) {
          throw new GazetteerFormatException(PLACES_FILE, line,
              "governorate id '" + p.id() + "' is not an ISO 3166-2:IQ code like IQ-BG (or IQ-HAL)");
        }
        if (p.parent() != null) {
          throw new GazetteerFormatException(PLACES_FILE, line,
              p.id() + ": a governorate has no parent (found '" + p.parent() + "')");
        }
        continue;
      }
      if (!SUB_ID.matcher(p.id()).matches()) {
        throw new GazetteerFormatException(PLACES_FILE, line,
            "id '" + p.id() + "' is not <governorate>.<slug> (lower-case slug, e.g. IQ-NI.mosul)");
      }
      if (p.parent() == null) {
        throw new GazetteerFormatException(PLACES_FILE, line, p.id() + ": a " + p.kind().code() + " needs a parent");
      }
      Place parent = byId.get(p.parent());
      if (parent == null) {
        throw new GazetteerFormatException(PLACES_FILE, line,
            p.id() + ": unknown parent '" + p.parent() + "' (no row has that id)");
      }
      if (p.kind() == Place.Kind.DISTRICT && parent.kind() != Place.Kind.GOVERNORATE) {
        throw new GazetteerFormatException(PLACES_FILE, line,
            p.id() + ": a district's parent must be a governorate, '" + parent.id() + "' is a " + parent.kind().code());
      }
      if (parent.kind().ordinal() >= p.kind().ordinal() && parent.kind() != Place.Kind.GOVERNORATE) {
        throw new GazetteerFormatException(PLACES_FILE, line,
            p.id() + ": a " + p.kind().code() + " cannot be inside " + parent.id() + ", a " + parent.kind().code());
      }
      if (!p.governorateId().equals(parent.governorateId())) {
        throw new GazetteerFormatException(PLACES_FILE, line, p.id() + ": id starts with " + p.governorateId()
            + " but its parent " + parent.id() + " is in " + parent.governorateId());
      }
    }
    // no cycles (parents exist and ids share the governorate; a cycle would need a non-governorate loop)
    for (Place p : places) {
      Set<String> seen = new HashSet<>();
      Place q = p;
      while (q != null && q.parent() != null) {
        if (!seen.add(q.id())) {
          throw new GazetteerFormatException(PLACES_FILE, lineOf.apply(p.id()) == null ? 0 : lineOf.apply(p.id()),
              p.id() + ": parent chain loops");
        }
        q = byId.get(q.parent());
      }
    }
  }

  private static List<Actor> parseActors(List<TsvTable.Row> rows, Set<String> roleIds) {
    List<Actor> actors = new ArrayList<>();
    Map<String, Long> seen = new HashMap<>();
    for (TsvTable.Row row : rows) {
      String id = row.get("id");
      if (id.isEmpty()) {
        throw row.error("empty id");
      }
      if (!SLUG.matcher(id).matches()) {
        throw row.error("actor id '" + id + "' is not a lower-case slug like mustafa-al-kadhimi");
      }
      Long first = seen.putIfAbsent(id, row.line());
      if (first != null) {
        throw row.error("duplicate id '" + id + "' (first on line " + first + ")");
      }
      String typeCode = row.get("type");
      Actor.Type type = Actor.Type.fromCode(typeCode);
      if (type == null) {
        throw row.error(id + ": unknown type '" + typeCode + "' (expected person, armed_group, party, "
            + "government_body, state, international_org or media)");
      }
      if (row.get("name_ar").isEmpty() && row.get("name_en").isEmpty()) {
        throw row.error(id + ": needs name_ar or name_en");
      }
      List<Actor.Office> offices = new ArrayList<>();
      for (String spec : row.list("offices")) {
        offices.add(parseOffice(row, id, spec, roleIds));
      }
      String country = row.get("country");
      if (!country.isEmpty() && !COUNTRY_CODE.matcher(country).matches()) {
        throw row.error(id + ": country '" + country + "' is not ISO 3166-1 alpha-2 (e.g. IQ)");
      }
      LocalDate[] active = parseSpan(row, id, "active", row.get("active"));
      actors.add(new Actor(id, type, row.get("name_ar"), row.get("name_en"), row.get("name_ku"), row.list("aliases"),
          row.list("surnames"), offices, row.get("source"), country, active[0], active[1]));
    }
    return actors;
  }

  private static Actor.Office parseOffice(TsvTable.Row row, String id, String spec, Set<String> roleIds) {
    int at = spec.indexOf('@');
    if (at <= 0) {
      throw row.error(id + ": office '" + spec + "' is not role@YYYY-MM-DD/YYYY-MM-DD");
    }
    String role = spec.substring(0, at).strip();
    if (!roleIds.contains(role)) {
      throw row.error(id + ": office '" + spec + "' names role '" + role + "', which roles.tsv does not have");
    }
    LocalDate[] span = parseSpan(row, id, "office '" + spec + "'", spec.substring(at + 1).strip());
    return new Actor.Office(role, span[0], span[1]);
  }

  /** {@code YYYY-MM-DD/YYYY-MM-DD}, either side may be empty; "" is no span at all. */
  private static LocalDate[] parseSpan(TsvTable.Row row, String id, String what, String dates) {
    if (dates.isEmpty()) {
      return new LocalDate[2];
    }
    int slash = dates.indexOf('/');
    String from = slash < 0 ? dates : dates.substring(0, slash).strip();
    String to = slash < 0 ? "" : dates.substring(slash + 1).strip();
    try {
      LocalDate f = from.isEmpty() ? null : LocalDate.parse(from);
      LocalDate t = to.isEmpty() ? null : LocalDate.parse(to);
      if (f != null && t != null && t.isBefore(f)) {
        throw row.error(id + ": " + what + " ends before it starts");
      }
      return new LocalDate[] {f, t};
    } catch (DateTimeParseException e) {
      throw row.error(id + ": " + what + " has a date that is not YYYY-MM-DD");
    }
  }

  // ---------------------------------------------------------------------------------------------------------------
  // queries

  public Optional<Place> place(String id) {
    return Optional.ofNullable(placesById.get(id));
  }

  public Optional<Actor> actor(String id) {
    return Optional.ofNullable(actorsById.get(id));
  }

  public Optional<Role> role(String id) {
    return Optional.ofNullable(rolesById.get(id));
  }

  /** All places in file order. */
  public List<Place> places() {
    return places;
  }

  /** All actors in file order. */
  public List<Actor> actors() {
    return actors;
  }

  /** All roles in file order. */
  public List<Role> roles() {
    return roles;
  }

  /** Generic office kinds ({@code offices.tsv}) in file order. */
  public List<OfficeKind> offices() {
    return offices;
  }

  /** Countries ({@code countries.tsv}) in file order. */
  public List<Country> countries() {
    return countries;
  }

  /** Places outside Iraq with their Latin and Arabic names: search-time synonyms, never tags. */
  public List<PlaceAbroad> placesAbroad() {
    return placesAbroad;
  }

  /** Governorates in file order. */
  public List<Place> governorates() {
    List<Place> out = new ArrayList<>();
    for (Place p : places) {
      if (p.isGovernorate()) {
        out.add(p);
      }
    }
    return out;
  }

  /** The districts of a governorate in file order (empty for an unknown id). */
  public List<Place> districtsOf(String governorateId) {
    List<Place> out = new ArrayList<>();
    for (Place p : children.getOrDefault(governorateId, List.of())) {
      if (p.kind() == Place.Kind.DISTRICT) {
        out.add(p);
      }
    }
    return out;
  }

  /** Direct children of a place in file order. */
  public List<Place> childrenOf(String placeId) {
    return children.getOrDefault(placeId, List.of());
  }

  /** The district a place is in: itself for a district, empty for a governorate or anything not below a district. */
  public Optional<Place> districtOf(Place place) {
    Place p = place;
    while (p != null) {
      if (p.kind() == Place.Kind.DISTRICT) {
        return Optional.of(p);
      }
      if (p.kind() == Place.Kind.GOVERNORATE || p.parent() == null) {
        return Optional.empty();
      }
      p = placesById.get(p.parent());
    }
    return Optional.empty();
  }

  /** The place's ancestors, nearest first (parent, grandparent ... governorate). */
  public List<Place> ancestorsOf(Place place) {
    List<Place> out = new ArrayList<>();
    Place p = place.parent() == null ? null : placesById.get(place.parent());
    while (p != null && out.size() < 16) {
      out.add(p);
      p = p.parent() == null ? null : placesById.get(p.parent());
    }
    return out;
  }

  /**
   * Solr-format synonym rules for the search-time {@code synonym_graph} filter, one line per place and per actor
   * (see {@link SynonymRules}). Deterministic: places then actors, each sorted by id.
   */
  /**
   * A short hash of everything loaded (every row of every file, as parsed): what a stored article's
   * {@code tagged_by} compares against, so that any gazetteer edit marks the articles to re-tag.
   */
  public String contentHash() {
    String h = contentHash;
    if (h == null) {
      try {
        java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
        for (List<?> part : List.of(places, actors, roles, offices, countries, placesAbroad)) {
          md.update(part.toString().getBytes(StandardCharsets.UTF_8));
          md.update((byte) 0);
        }
        h = java.util.HexFormat.of().formatHex(md.digest(), 0, 6);
      } catch (java.security.NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
      contentHash = h;
    }
    return h;
  }

  public List<String> synonymRules() {
    List<String> rules = synonymRules;
    if (rules == null) {
      rules = List.copyOf(SynonymRules.build(this));
      synonymRules = rules;
    }
    return rules;
  }

  @Override
  public String toString() {
    return "Gazetteer[" + places.size() + " places, " + actors.size() + " actors, " + roles.size() + " roles, "
        + offices.size() + " offices, " + countries.size() + " countries]";
  }
}
