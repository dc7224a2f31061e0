package io.akhbar.gazetteer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Stage 4 of the {@link Tagger}: offices by country and date. A role phrase names one country's office by itself
 * («رئيس الوزراء العراقي», «خادم الحرمين الشريفين»); a generic office phrase («وزير الخارجية», "prime minister")
 * names the office of whichever country {@link CountryContext} finds for it, and a qualified-only phrase («الرئيس»,
 * «وزير خارجية») only the country right next to it. The holder is the actor holding that country's role on the
 * publication date, when exactly one does (on a hand-over day, the successor); an institution's slot
 * ({@code iraq-cabinet@/}) is held on every day, so it needs no date.
 *
 * <p>No holder when the phrase is qualified (السابق، الأسبق، حينها، نائب، former ...), names the office rather than
 * its holder («انتخاب رئيس الجمهورية», «لمنصب رئيس الوزراء»), is followed by a nationality we do not know, or when a
 * person's name stands right before or after it (the name tags the person itself, and the date may not match it).
 */
final class OfficeResolver {

  private static final Set<String> OWN_NATIONALITY = Set.of("الحالي", "الاتحادي", "الاتحاديه");

  private record Holder(int actor, Actor.Office office) {}

  private final Actor[] actors;
  private final Country[] countries;
  private final List<OfficeKind> offices;
  private final Map<String, List<Holder>> holders = new HashMap<>();
  /** "SA/foreign-minister" → the role id of that country's office. */
  private final Map<String, String> roleByCountryOffice = new HashMap<>();
  private final Map<String, String> countryOfRole = new HashMap<>();

  OfficeResolver(Gazetteer gazetteer, Actor[] actors, Country[] countries) {
    this.actors = actors;
    this.countries = countries;
    this.offices = gazetteer.offices();
    for (int i = 0; i < actors.length; i++) {
      for (Actor.Office o : actors[i].offices()) {
        holders.computeIfAbsent(o.role(), k -> new ArrayList<>()).add(new Holder(i, o));
      }
    }
    for (Role r : gazetteer.roles()) {
      countryOfRole.put(r.id(), r.country());
      if (!r.office().isEmpty()) {
        roleByCountryOffice.putIfAbsent(r.country() + "/" + r.office(), r.id());
      }
    }
  }

  /** The role a candidate names in this context (a role phrase's own, or the country's office), or null. */
  private String role(TokenText d, Candidate c, CountryContext context) {
    int country = context.qualifier(c.start, c.end);
    if (c.e.kind == MentionIndex.ROLE) {
      // a role phrase says its country itself; another nationality right next to it says otherwise
      String own = countryOfRole(c.e.roleId);
      if (country >= 0 ? !countries[country].code().equals(own) && !own.isEmpty() : unknownNationalityAfter(d, c)) {
        return null;
      }
      return c.e.roleId;
    }
    if (country < 0 && !c.e.qualifiedOnly) {
      if (unknownNationalityAfter(d, c)) {
        return null; // «رئيس الوزراء الماليزي» with a country countries.tsv does not know
      }
      country = context.countryAt(c.start, c.end);
    }
    if (country < 0) {
      return null;
    }
    return roleByCountryOffice.get(countries[country].code() + "/" + offices.get(c.e.ref).id());
  }

  /** Who holds which role: the actor index and the role id. */
  record Holding(int actor, String role) {}

  /** The holder of the role the candidate names, or null (see the class comment). */
  Holding holder(TokenText d, Candidate c, LocalDate dateOrNull, List<Candidate> winners, CountryContext context) {
    if (qualifiedAway(d, c)) {
      return null;
    }
    String role = role(d, c, context);
    if (role == null) {
      return null;
    }
    List<Holder> on = new ArrayList<>();
    for (Holder h : holders.getOrDefault(role, List.of())) {
      if (dateOrNull == null ? h.office().timeless() : h.office().heldOn(dateOrNull)) {
        on.add(h);
      }
    }
    if (on.size() > 1 && dateOrNull != null) {
      on.removeIf(h -> dateOrNull.equals(h.office().to())); // hand-over day: the successor
    }
    Set<Integer> distinct = new HashSet<>();
    on.forEach(h -> distinct.add(h.actor()));
    if (distinct.size() != 1) {
      return null;
    }
    int holder = distinct.iterator().next();
    if (actors[holder].type() == Actor.Type.PERSON && personNamedNextTo(d, c, winners)) {
      return null;
    }
    return new Holding(holder, role);
  }

  /** The country a role belongs to ("" for an international office). */
  String countryOfRole(String role) {
    return countryOfRole.getOrDefault(role, "");
  }

  private static boolean qualifiedAway(TokenText d, Candidate c) {
    int s = c.start;
    int e = c.end;
    if (s > 0 && d.sep[s] <= ArabicText.SEP_SOFT && MentionIndex.stemIn(d.tok[s - 1], Lexicon.ROLE_QUALIFIERS_BEFORE)) {
      return true; // «نائب رئيس الوزراء», "former prime minister"
    }
    for (int k = e; k < Math.min(d.n, e + 2); k++) {
      if (d.sep[k] > ArabicText.SEP_SOFT) {
        break;
      }
      if (Lexicon.ROLE_QUALIFIERS_AFTER.contains(d.tok[k])) {
        return true; // «رئيس الوزراء السابق», «وزير الخزانة حينها»
      }
    }
    return false;
  }

  /** «رئيس الوزراء البريطاني» / "British prime minister" where the nationality is none countries.tsv knows. */
  private static boolean unknownNationalityAfter(TokenText d, Candidate c) {
    int s = c.start;
    int e = c.end;
    if (c.e.latin && s > 0 && d.sep[s] <= ArabicText.SEP_SOFT && d.latin[s - 1] && d.cap[s - 1]) {
      String p = d.tok[s - 1];
      if (!p.startsWith("iraq") && (p.endsWith("ish") || p.endsWith("an") || p.endsWith("ese") || p.endsWith("i"))) {
        return true;
      }
    }
    if (e < d.n && d.sep[e] <= ArabicText.SEP_SOFT) {
      String t = d.tok[e];
      return t.length() >= 5 && t.startsWith("ال") && (t.endsWith("ي") || t.endsWith("يه"))
          && !OWN_NATIONALITY.contains(t);
    }
    return false;
  }

  private boolean personNamedNextTo(TokenText d, Candidate c, List<Candidate> winners) {
    int s = c.start;
    int e = c.end;
    for (Candidate w : winners) {
      boolean person = w.e.kind == MentionIndex.ACTOR ? actors[w.e.ref].type() == Actor.Type.PERSON
          : w.e.kind == MentionIndex.SURNAME && anyPerson(w.e.owners);
      if (!person) {
        continue;
      }
      if (w.start >= e && w.start <= e + 3 && d.noSentenceBreak(e, w.start)) {
        return true;
      }
      if (w.end <= s && w.end >= s - 2 && d.noSentenceBreak(w.end, s)) {
        return true;
      }
    }
    if (e < d.n && d.sep[e] < ArabicText.SEP_SENTENCE) {
      String t = d.tok[e];
      return (Lexicon.GIVEN_NAMES.contains(t) && !t.equals(MentionIndex.AMBIGUOUS_GIVEN_NAME))
          || (d.latin[e] && d.cap[e] && Lexicon.LATIN_GIVEN_NAMES.contains(t)); // an unknown person after the title
    }
    return false;
  }

  private boolean anyPerson(int[] owners) {
    for (int o : owners) {
      if (actors[o].type() == Actor.Type.PERSON) {
        return true;
      }
    }
    return false;
  }
}
