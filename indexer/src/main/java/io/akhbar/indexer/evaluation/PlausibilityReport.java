package io.akhbar.indexer.evaluation;

import io.akhbar.gazetteer.Actor;
import io.akhbar.gazetteer.Country;
import io.akhbar.gazetteer.Gazetteer;
import io.akhbar.gazetteer.NameFinder;
import io.akhbar.gazetteer.Place;
import io.akhbar.gazetteer.Role;
import io.akhbar.gazetteer.Tags;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * How plausible an archive's Iraqi tags are, measured without labels: a tag is plausible when the article at least
 * names what the tag says (plain word matching, {@link NameFinder}). Three figures:
 *
 * <ol>
 *   <li>province tags whose article names that governorate, its capital, or Iraq;
 *   <li>Iraqi office-holder tags (anyone who held an Iraqi office) and Iraqi-institution tags (Iraqi government
 *       bodies) whose article names the person or the institution's country, Iraq;
 *   <li>articles that name neither Iraq nor any governorate or capital, and still carry an Iraqi tag (a province, a
 *       district, or an actor of Iraq).
 * </ol>
 * Not a proof of correctness (an article that names Basra once may still be wrongly tagged Basra), but a tag that
 * fails it is wrong: the figures are a floor on the errors, measured on a whole archive.
 */
public final class PlausibilityReport {

  /** Each governorate's capital district (the bare capital name usually sits on the governorate row itself). */
  static final Map<String, String> CAPITALS = Map.ofEntries(
      Map.entry("IQ-AN", "IQ-AN.ramadi"), Map.entry("IQ-BA", "IQ-BA.basra"), Map.entry("IQ-BB", "IQ-BB.hilla"),
      Map.entry("IQ-DA", "IQ-DA.duhok"), Map.entry("IQ-DI", "IQ-DI.baqubah"), Map.entry("IQ-DQ", "IQ-DQ.nasiriyah"),
      Map.entry("IQ-KA", "IQ-KA.karbala"), Map.entry("IQ-KI", "IQ-KI.kirkuk"), Map.entry("IQ-MA", "IQ-MA.amarah"),
      Map.entry("IQ-MU", "IQ-MU.samawah"), Map.entry("IQ-NA", "IQ-NA.najaf"), Map.entry("IQ-NI", "IQ-NI.mosul"),
      Map.entry("IQ-QA", "IQ-QA.diwaniyah"), Map.entry("IQ-SD", "IQ-SD.tikrit"), Map.entry("IQ-WA", "IQ-WA.kut"),
      Map.entry("IQ-AR", "IQ-AR.erbil"), Map.entry("IQ-SU", "IQ-SU.sulaymaniyah"),
      Map.entry("IQ-HAL", "IQ-HAL.halabja"));

  private final NameFinder iraq;
  private final NameFinder anyGovernorate;
  private final Map<String, NameFinder> governorate = new HashMap<>();
  private final Map<String, NameFinder> officeActor = new HashMap<>(); // Iraqi office-holders and institutions
  private final Set<String> iraqiActors = new HashSet<>();

  private long provinceTags;
  private long provincePlausible;
  private long officeTags;
  private long officePlausible;
  private long articles;
  private long articlesWithoutIraq;
  private long articlesWithoutIraqTagged;
  private final Map<String, Integer> implausibleProvinces = new TreeMap<>();
  private final Map<String, Integer> implausibleOffices = new TreeMap<>();
  private final Map<String, Integer> taggedWithoutIraq = new TreeMap<>();

  public PlausibilityReport(Gazetteer g) {
    List<String> iraqNames = new ArrayList<>();
    g.actor("iraq").ifPresent(a -> iraqNames.addAll(a.allNames()));
    for (Country c : g.countries()) {
      if (c.code().equals("IQ")) {
        iraqNames.addAll(c.names());
        c.demonyms().forEach(d -> iraqNames.addAll(NameFinder.demonymForms(d)));
      }
    }
    iraqNames.addAll(List.of("العراق", "عراقي", "Iraq", "Iraqi", "Iraqis", "عێراق"));
    iraq = NameFinder.of(iraqNames);
    List<String> all = new ArrayList<>();
    for (Place gov : g.governorates()) {
      List<String> names = new ArrayList<>(gov.allNames());
      String capital = CAPITALS.get(gov.id());
      if (capital != null) {
        g.place(capital).ifPresent(p -> names.addAll(p.allNames()));
      }
      governorate.put(gov.id(), NameFinder.of(names));
      all.addAll(names);
    }
    anyGovernorate = NameFinder.of(all);
    Set<String> iraqiRoles = g.roles().stream().filter(r -> r.country().equals("IQ")).map(Role::id)
        .collect(Collectors.toSet());
    for (Actor a : g.actors()) {
      if (a.country().equals("IQ")) {
        iraqiActors.add(a.id());
      }
      boolean officeHolder = a.type() == Actor.Type.PERSON
          && a.offices().stream().anyMatch(o -> iraqiRoles.contains(o.role()));
      boolean institution = a.type() == Actor.Type.GOVERNMENT_BODY && a.country().equals("IQ");
      if (officeHolder) {
        List<String> names = new ArrayList<>(a.allNames());
        names.addAll(a.surnames());
        officeActor.put(a.id(), NameFinder.of(names));
      } else if (institution) {
        officeActor.put(a.id(), NameFinder.of(List.of())); // plausible only when the article says Iraq
      }
    }
  }

  public void add(String title, String body, Tags tags) {
    List<String> text = NameFinder.tokensOf((title == null ? "" : title) + "\n" + (body == null ? "" : body));
    articles++;
    boolean saysIraq = iraq.foundInTokens(text);
    for (String p : tags.provinces()) {
      provinceTags++;
      NameFinder f = governorate.get(p);
      if (saysIraq || (f != null && f.foundInTokens(text))) {
        provincePlausible++;
      } else {
        implausibleProvinces.merge(p, 1, Integer::sum);
      }
    }
    for (String a : tags.actors()) {
      NameFinder f = officeActor.get(a);
      if (f == null) {
        continue;
      }
      officeTags++;
      if (saysIraq || f.foundInTokens(text)) {
        officePlausible++;
      } else {
        implausibleOffices.merge(a, 1, Integer::sum);
      }
    }
    if (!saysIraq && !anyGovernorate.foundInTokens(text)) {
      articlesWithoutIraq++;
      List<String> iraqi = new ArrayList<>(tags.provinces());
      iraqi.addAll(tags.districts());
      tags.actors().stream().filter(iraqiActors::contains).forEach(iraqi::add);
      if (!iraqi.isEmpty()) {
        articlesWithoutIraqTagged++;
        iraqi.forEach(t -> taggedWithoutIraq.merge(t, 1, Integer::sum));
      }
    }
  }

  public double provinceShare() {
    return provinceTags == 0 ? 1 : (double) provincePlausible / provinceTags;
  }

  public double officeShare() {
    return officeTags == 0 ? 1 : (double) officePlausible / officeTags;
  }

  public double withoutIraqTaggedShare() {
    return articlesWithoutIraq == 0 ? 0 : (double) articlesWithoutIraqTagged / articlesWithoutIraq;
  }

  /** The figures as Markdown, with the most frequent implausible tags. */
  public String markdown() {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, """
        | figure | value | goal |
        |---|---:|---:|
        | province tags whose article names the governorate, its capital or Iraq | %.3f (%d of %d) | ≥ 0.97 |
        | Iraqi office-holder and institution tags whose article names the person or Iraq | %.3f (%d of %d) | ≥ 0.97 |
        | articles naming neither Iraq nor a governorate that carry an Iraqi tag | %.2f%% (%d of %d) | ≤ 0.5%% |
        """, provinceShare(), provincePlausible, provinceTags, officeShare(), officePlausible, officeTags,
        100 * withoutIraqTaggedShare(), articlesWithoutIraqTagged, articlesWithoutIraq));
    sb.append("\n").append(articles).append(" articles.\n");
    sb.append("\nMost frequent implausible tags: provinces ").append(top(implausibleProvinces))
        .append("; offices and institutions ").append(top(implausibleOffices))
        .append("; Iraqi tags on articles without Iraq ").append(top(taggedWithoutIraq)).append("\n");
    return sb.toString();
  }

  private static String top(Map<String, Integer> counts) {
    if (counts.isEmpty()) {
      return "none";
    }
    return counts.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(12)
        .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
  }
}
