package io.akhbar.gazetteer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Tags an article with the governorates, districts and actors of the {@link Gazetteer} it mentions. Built once, then
 * immutable and thread-safe. The work is done in stages, each in its own class with its own tests (this class only
 * runs them in order and resolves overlaps):
 *
 * <ol>
 *   <li><b>Mention finding</b> ({@link MentionIndex}): one pass of a token trie over the article finds every place
 *       alias, actor alias and surname, role and office phrase and country signal, with clitics.
 *   <li><b>Places</b> ({@link PlaceEvidence}): person-shaped place names read as a person are dropped; homographs,
 *       names shared across governorates and names of places abroad need evidence.
 *   <li><b>Country context</b> ({@link CountryContext}): which country a passage is about, from qualifiers, the
 *       sentence and the article. A place that needs evidence must also be in an Iraqi passage; a form that could
 *       name another country's actor (a generic institution name, an Iraqi surname that is a common Arab family name)
 *       tags its actor only in that actor's country's context.
 *   <li><b>Overlaps</b>: the longest span wins; on equal spans an actor alias beats a place, a place beats a surname.
 *       So «مدينة الصدر» is Sadr City, not Muqtada al-Sadr, and «أبو بكر البغدادي» tags no place.
 *   <li><b>Actors</b> ({@link ActorEvidence}): aliases tag on sight. A surname tags its actor only if no other actor
 *       of the passage's country
 *       has it (an actor otherwise named in full is tagged anyway): a bare «العبادي» shared by two actors tags no one.
 *       A surname that is also a place name tags no one once the text has read that form as the place (one sense per
 *       text), unless the actor is named in full. Before a body was founded nothing names it (a party founded in 2018
 *       in an article of 2015); after it was dissolved, one-word forms do not («البعث» in 2015 is «the revival»).
 *   <li><b>Offices</b> ({@link OfficeResolver}): a role or office phrase tags the holder of that country's office on
 *       the publication date.
 * </ol>
 */
public final class Tagger {

  /**
   * Raised when a change to the tagging rules should re-tag stored articles (with the gazetteer's content hash, it
   * makes an article's {@code tagged_by}).
   */
  public static final int VERSION = 14;

  private static final String PLACE_TYPE = "place";
  private static final String ACTOR_TYPE = "actor";

  private final Gazetteer gazetteer;
  private final Place[] places;
  private final Actor[] actors;
  private final Country[] countries;
  private final String[] placeGovernorate;
  private final String[] placeDistrict;
  /** Country index of each actor, -1 for none (or a country countries.tsv does not list). */
  private final int[] actorCountry;
  private final int iraq;
  private final MentionIndex index;
  private final PlaceEvidence placeEvidence;
  private final OfficeResolver offices;
  private final ActorEvidence actorEvidence;

  /** What tags with this tagger and this gazetteer: {@code tagger-14/gazetteer-1a2b3c4d5e6f}. */
  public String taggedBy() {
    return "tagger-" + VERSION + "/gazetteer-" + gazetteer.contentHash();
  }

  public Tagger(Gazetteer gazetteer) {
    this.gazetteer = gazetteer;
    this.places = gazetteer.places().toArray(new Place[0]);
    this.actors = gazetteer.actors().toArray(new Actor[0]);
    this.countries = gazetteer.countries().toArray(new Country[0]);
    Map<String, Integer> placeIndex = new HashMap<>();
    for (int i = 0; i < places.length; i++) {
      placeIndex.put(places[i].id(), i);
    }
    Map<String, Integer> countryIndex = new HashMap<>();
    for (int i = 0; i < countries.length; i++) {
      countryIndex.put(countries[i].code(), i);
    }
    this.iraq = countryIndex.getOrDefault("IQ", -1);
    placeGovernorate = new String[places.length];
    placeDistrict = new String[places.length];
    int[][] placeAncestors = new int[places.length][];
    for (int i = 0; i < places.length; i++) {
      placeGovernorate[i] = places[i].governorateId();
      placeDistrict[i] = gazetteer.districtOf(places[i]).map(Place::id).orElse(null);
      placeAncestors[i] = gazetteer.ancestorsOf(places[i]).stream().mapToInt(p -> placeIndex.get(p.id())).toArray();
    }
    actorCountry = new int[actors.length];
    for (int i = 0; i < actors.length; i++) {
      actorCountry[i] = countryIndex.getOrDefault(actors[i].country(), -1);
    }
    this.index = new MentionIndex(gazetteer, places, actors, countries, placeGovernorate);
    this.placeEvidence = new PlaceEvidence(placeAncestors, index);
    this.offices = new OfficeResolver(gazetteer, actors, countries);
    this.actorEvidence = new ActorEvidence(actors, actorCountry, countries, iraq, index);
  }

  /** The gazetteer this tagger was built from. */
  public Gazetteer gazetteer() {
    return gazetteer;
  }

  /**
   * Alias forms (normalized) that name more than one actor; the tagger treats them like a shared surname. A
   * gazetteer problem worth fixing.
   */
  public List<String> ambiguousActorAliases() {
    return List.copyOf(index.ambiguousAliases);
  }

  /** Tags of an article; any argument may be null. */
  public Tags tag(String title, String body, LocalDate publishedAtOrNull) {
    Set<String> provinces = new TreeSet<>();
    Set<String> districts = new TreeSet<>();
    Set<String> actorIds = new TreeSet<>();
    for (Mention m : analyze(title, body, publishedAtOrNull, false)) {
      if (m.type() == PLACE_TYPE) {
        int p = m.start(); // analyze(..., false) puts the place index here
        provinces.add(placeGovernorate[p]);
        if (placeDistrict[p] != null) {
          districts.add(placeDistrict[p]);
        }
      } else {
        actorIds.add(m.id());
      }
    }
    return new Tags(new ArrayList<>(provinces), new ArrayList<>(districts), new ArrayList<>(actorIds));
  }

  /** The accepted mentions of an article, in text order; any argument may be null. */
  public List<Mention> mentions(String title, String body, LocalDate publishedAtOrNull) {
    return analyze(title, body, publishedAtOrNull, true);
  }

  /**
   * The country (ISO code) a passage of the article is about, as the tagger decides it for a mention at tokens
   * {@code start..end} of {@link #mentions}' token stream; empty when it cannot tell. For tests and debugging.
   */
  public String countryAt(String title, String body, int start, int end) {
    TokenText d = TokenText.prepare(ArabicText.scan(title, body));
    if (start < 0 || end <= start || end > d.n) {
      throw new IllegalArgumentException("span " + start + ".." + end + " is not within the text's " + d.n + " tokens");
    }
    List<Candidate> cands = index.find(d);
    CountryContext context = context(d, cands, acceptedOnSight(d, cands));
    int c = context.countryAt(start, end);
    return c < 0 ? "" : countries[c].code();
  }

  /**
   * The work behind {@link #tag} and {@link #mentions}. With {@code explain = false} mentions carry no text and a
   * place mention's {@code start} is the place's index (a shortcut for {@link #tag}).
   */
  private List<Mention> analyze(String title, String body, LocalDate date, boolean explain) {
    TokenText d = TokenText.prepare(ArabicText.scan(title, body));
    if (d.n == 0) {
      return List.of();
    }
    List<Candidate> cands = index.find(d);
    if (cands.isEmpty()) {
      return List.of();
    }

    // 1-2. places: person-shaped names, then the names that need evidence
    List<Candidate> acceptedPlaces = new ArrayList<>();
    List<Candidate> pending = new ArrayList<>();
    List<Candidate> others = new ArrayList<>();
    List<Candidate> roleCands = new ArrayList<>();
    List<Candidate> sharedAbroad = new ArrayList<>(); // «السليمانية»: also a district of Riyadh
    Set<String> personForms = new HashSet<>(); // person-shaped names read as a person somewhere in this text
    for (Candidate c : cands) {
      switch (c.e.kind) {
        case MentionIndex.PLACE -> {
          if (coveredByCountryForm(c, cands)) {
            continue; // «المدينة المنورة», «الجزيرة العربية»: the place abroad, not «المدينة», «الجزيرة»
          }
          if (c.e.personShaped && placeEvidence.personReading(d, c)) {
            personForms.add(c.e.key);
            continue;
          }
          if (needsEvidence(c)) {
            pending.add(c);
          } else if (c.e.alsoAbroad) {
            sharedAbroad.add(c);
          } else {
            c.via = "alias";
            acceptedPlaces.add(c);
          }
        }
        case MentionIndex.ROLE, MentionIndex.OFFICE -> roleCands.add(c);
        case MentionIndex.COUNTRY -> { } // evidence only
        default -> others.add(c);
      }
    }

    // 3. country context, then the places that need evidence must also be in an Iraqi passage
    CountryContext context = context(d, cands, acceptedPlaces);
    for (Candidate c : sharedAbroad) {
      if (!context.enabled() || context.placeInIraq(c.start, c.end, iraq)
          || !context.anyOtherCountry(iraq, c.start, c.end)) {
        // an Iraqi passage, or an article that names no other country
        c.via = "alias:not-abroad";
        acceptedPlaces.add(c);
      }
    }
    boolean progress = true;
    while (progress && !pending.isEmpty()) {
      progress = false;
      for (int k = 0; k < pending.size(); k++) {
        Candidate c = pending.get(k);
        String evidence = placeEvidence.evidence(d, c, acceptedPlaces, personForms);
        if (evidence != null && inIraq(c, evidence, context)) {
          c.via = "context:" + evidence;
          acceptedPlaces.add(c);
          pending.remove(k--);
          progress = true;
        }
      }
    }
    // «مخمور والرمادي وبيجي»: names that each need evidence give it to each other as a list, in an Iraqi passage
    List<Candidate> listed = new ArrayList<>();
    for (Candidate c : pending) {
      if (c.e.foreignHomograph || c.e.strongHomograph || !context.enabled()) {
        continue; // «القاعد فيها خير من القائم والقائم»: a very common word listed with itself is no list of places
      }
      List<Candidate> otherPlaces = new ArrayList<>();
      for (Candidate q : pending) {
        if (places[q.e.ref] != places[c.e.ref] && !q.e.strongHomograph) {
          otherPlaces.add(q);
        }
      }
      if (PlaceEvidence.inList(d, c, otherPlaces) && context.placeInIraq(c.start, c.end, iraq)) {
        c.via = "context:list-of-places";
        listed.add(c);
      }
    }
    acceptedPlaces.addAll(listed);

    // 4. overlaps: longest span, then actor > place > surname
    List<Candidate> pool = new ArrayList<>(acceptedPlaces);
    pool.addAll(others);
    List<Candidate> winners = resolveOverlaps(pool, d.n);

    // 5. actors
    Set<Integer> named = new HashSet<>();
    for (Candidate c : winners) {
      if (c.e.kind == MentionIndex.ACTOR) {
        named.add(c.e.ref);
      }
    }
    Set<String> placeForms = new HashSet<>(); // place aliases that are also surnames, read as the place here
    for (Candidate c : acceptedPlaces) {
      if (c.e.surnameCollision) {
        placeForms.add(c.e.key);
      }
    }
    List<Mention> out = new ArrayList<>();
    for (Candidate c : winners) {
      switch (c.e.kind) {
        case MentionIndex.PLACE -> out.add(explain
            ? new Mention(PLACE_TYPE, places[c.e.ref].id(), c.start, c.end, d.text(c.start, c.end), c.via)
            : new Mention(PLACE_TYPE, places[c.e.ref].id(), c.e.ref, c.e.ref, null, null));
        case MentionIndex.ACTOR -> {
          if (actorEvidence.aliasNamesIt(d, c, date)) {
            out.add(new Mention(ACTOR_TYPE, actors[c.e.ref].id(), c.start, c.end,
                explain ? d.text(c.start, c.end) : null, "alias"));
          }
        }
        default -> {
          int owner = actorEvidence.surnameOwner(d, c, named, placeForms, context, date);
          if (owner >= 0) {
            c.via = "surname";
            out.add(new Mention(ACTOR_TYPE, actors[owner].id(), c.start, c.end,
                explain ? d.text(c.start, c.end) : null, "surname"));
          }
        }
      }
    }

    // 6. offices
    if (!roleCands.isEmpty()) {
      for (Candidate c : resolveOverlaps(roleCands, d.n)) {
        OfficeResolver.Holding h = offices.holder(d, c, date, winners, context);
        if (h != null && !actors[h.actor()].notYetFounded(date)) {
          out.add(new Mention(ACTOR_TYPE, actors[h.actor()].id(), c.start, c.end,
              explain ? d.text(c.start, c.end) : null, "role:" + h.role()));
        }
      }
    }
    if (explain) {
      out.sort(Comparator.comparingInt(Mention::start).thenComparing(Mention::id));
    }
    return out;
  }

  /**
   * A place that needed evidence must also be in an Iraqi passage: the passage's country is Iraq, or, for the strong
   * kinds of evidence (an admin word, a related place nearby, a multi-word alias), no country at all can be told. A
   * name that is also a place abroad («منطقة الرياض» is the Saudi region) needs the passage to be Iraqi.
   */
  private boolean inIraq(Candidate c, String evidence, CountryContext context) {
    if (!context.enabled()) {
      return true;
    }
    if (context.placeInIraq(c.start, c.end, iraq)) {
      return true;
    }
    return !context.anyOtherCountry(iraq, c.start, c.end) && !c.e.foreignHomograph
        && PlaceEvidence.STRONG_EVIDENCE.contains(evidence);
  }

  private boolean needsEvidence(Candidate c) {
    return places[c.e.ref].needsContext() || c.e.crossGovernorate || c.e.surnameCollision || c.e.foreignHomograph;
  }

  /** The places accepted without evidence: for {@link #countryAt}, the same first pass as {@link #analyze}. */
  private List<Candidate> acceptedOnSight(TokenText d, List<Candidate> cands) {
    List<Candidate> out = new ArrayList<>();
    for (Candidate c : cands) {
      if (c.e.kind == MentionIndex.PLACE && !needsEvidence(c) && !c.e.alsoAbroad
          && !(c.e.personShaped && placeEvidence.personReading(d, c))) {
        out.add(c);
      }
    }
    return out;
  }

  /** Country signals: countries.tsv forms, actors of a country named by an alias, Iraqi places named on sight. */
  private CountryContext context(TokenText d, List<Candidate> cands, List<Candidate> placesOnSight) {
    CountryContext context = CountryContext.start(d, countries.length > 0);
    for (Candidate c : cands) {
      if (c.e.kind == MentionIndex.COUNTRY) {
        if (!coveredByLonger(c, cands)) { // «المجر الكبير» is an Iraqi town, not Hungary
          // «وزير الدفاع لجمهورية مصر»: with a clitic the country is where he goes, not whose minister he is
          context.signal(c.start, c.end, c.e.ref, true, !c.conj && c.prep == 0);
        }
      } else if (c.e.kind == MentionIndex.ACTOR) {
        boolean state = actors[c.e.ref].type() == Actor.Type.STATE;
        context.signal(c.start, c.end, actorCountry[c.e.ref], state, !c.conj && c.prep == 0);
      }
    }
    for (Candidate c : placesOnSight) {
      context.signal(c.start, c.end, iraq, false, false);
    }
    return context.build(countries.length);
  }

  /** A longer country signal (a foreign city or region) contains this place candidate. */
  private static boolean coveredByCountryForm(Candidate c, List<Candidate> cands) {
    for (Candidate o : cands) {
      if (o.e.kind == MentionIndex.COUNTRY && o.start <= c.start && o.end >= c.end
          && o.end - o.start > c.end - c.start) {
        return true;
      }
    }
    return false;
  }

  /** Another match (not a country signal) strictly contains this one. */
  private static boolean coveredByLonger(Candidate c, List<Candidate> cands) {
    for (Candidate o : cands) {
      if (o.e.kind != MentionIndex.COUNTRY && o.e.kind != MentionIndex.OFFICE && o.e.kind != MentionIndex.ROLE
          && o.start <= c.start && o.end >= c.end && o.end - o.start > c.end - c.start) {
        return true;
      }
    }
    return false;
  }

  private static final Comparator<Candidate> BY_START = (a, b) -> Integer.compare(a.start, b.start);

  /** Longest span first, then actor alias > place > surname, then text order. */
  private static final Comparator<Candidate> BY_SPAN_THEN_PRIORITY = (a, b) -> {
    int x = Integer.compare(b.end - b.start, a.end - a.start);
    if (x == 0) {
      x = Integer.compare(b.e.priority(), a.e.priority());
    }
    return x != 0 ? x : Integer.compare(a.start, b.start);
  };

  private static List<Candidate> resolveOverlaps(List<Candidate> pool, int n) {
    pool.sort(BY_SPAN_THEN_PRIORITY);
    int[] owner = new int[n];
    Arrays.fill(owner, -1);
    List<Candidate> winners = new ArrayList<>();
    for (Candidate c : pool) {
      boolean free = true;
      boolean sameSpan = true;
      for (int t = c.start; t < c.end; t++) {
        if (owner[t] >= 0) {
          free = false;
          Candidate w = winners.get(owner[t]);
          if (w.start != c.start || w.end != c.end || w.e.priority() != c.e.priority()) {
            sameSpan = false;
          }
        }
      }
      if (free) {
        for (int t = c.start; t < c.end; t++) {
          owner[t] = winners.size();
        }
        winners.add(c);
      } else if (sameSpan) {
        winners.add(c);
      }
    }
    winners.sort(BY_START);
    return winners;
  }
}
