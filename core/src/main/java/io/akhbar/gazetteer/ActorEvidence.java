package io.akhbar.gazetteer;

import java.time.LocalDate;
import java.util.Set;

/**
 * Stage 5 of the {@link Tagger}: does an actor's alias or surname name that actor here? Aliases tag on sight, except a
 * body before it was founded (or, after it was dissolved, by a one-word alias), a state's name used as its adjective
 * («الخطوط السعودية»), and a person's name that names a thing («جامعة الملك فهد») or is another man's patronymic
 * («فيصل بن سلمان بن عبدالعزيز»). A surname (or a form several actors share) must point at one actor: the one the
 * text names in full, else the only one of the passage's country, else the most senior of them in office on the day;
 * a capital names its state only as an agent; a form written «…» in actors.tsv only when the text quotes it.
 */
final class ActorEvidence {

  private final Actor[] actors;
  private final int[] actorCountry;
  private final Country[] countries;
  private final int iraq;
  private final MentionIndex index;

  ActorEvidence(Actor[] actors, int[] actorCountry, Country[] countries, int iraq, MentionIndex index) {
    this.actors = actors;
    this.actorCountry = actorCountry;
    this.countries = countries;
    this.iraq = iraq;
    this.index = index;
  }

  /** Whether an actor alias match names its actor here (see the class comment). */
  boolean aliasNamesIt(TokenText d, Candidate c, LocalDate date) {
    Actor a = actors[c.e.ref];
    if (a.notYetFounded(date) || (c.e.length == 1 && !a.activeOn(date))) {
      return false; // «الفتح» in 2015 is not the Fatah Alliance (2018)
    }
    if (a.type() == Actor.Type.STATE && adjectiveAfterNoun(d, c)) {
      return false; // «الخطوط السعودية», «العاصمة السعودية»: the adjective, not the country
    }
    return a.type() != Actor.Type.PERSON || !(namesAThing(d, c) || partOfAnotherName(d, c));
  }

  /**
   * A capital standing for its state («واشنطن ترفض», «بين واشنطن وطهران»): not after a preposition or clitic, an
   * admin word or a place-head noun («في الرياض», «بالرياض», «جامعة الرياض»), not as a dateline (a sentence's first
   * word followed by punctuation: «الرياض - واس»).
   */
  private boolean metonymy(TokenText d, Candidate c) {
    if (c.prep != 0) {
      return false;
    }
    int s = c.start;
    boolean sentenceStart = s == 0 || d.sep[s] == ArabicText.SEP_SENTENCE;
    if (sentenceStart) {
      return c.end < d.n && d.sep[c.end] == ArabicText.SEP_SPACE && !c.conj;
    }
    if (d.sep[s] > ArabicText.SEP_SOFT) {
      return true; // after a comma or a clause break: «... ، واشنطن ترى»
    }
    String p = d.tok[s - 1];
    if (c.conj) { // «بين واشنطن وطهران» yes, «في الرياض وجدة» no: the pair reads as its first member does
      return index.countryOfForm(p) >= 0 && (s < 2 || d.sep[s - 1] > ArabicText.SEP_SOFT
          || !Lexicon.LOCATIVE_BEFORE.contains(d.tok[s - 2]) && !definiteNoun(d.tok[s - 2]));
    }
    return !Lexicon.LOCATIVE_BEFORE.contains(p) && !MentionIndex.stemIn(p, Lexicon.ADMIN_WORDS)
        && !MentionIndex.stemIn(p, Lexicon.PLACE_HEADS) && !(d.arabic[s - 1] && definiteNoun(p));
  }

  /**
   * How senior the offices an actor holds on the day are: 3 for a head of state or of a region (president, king,
   * emir, supreme leader), 2 for a head of government, 1 for any other office, 0 for none or no date. A bare
   * surname several office-holders share is read as the most senior, as a desk editor would.
   */
  private static int officeRank(Actor a, LocalDate date) {
    if (date == null) {
      return 0;
    }
    int rank = 0;
    for (Actor.Office o : a.offices()) {
      if (o.timeless() || !o.heldOn(date)) {
        continue;
      }
      String role = o.role();
      int r = role.endsWith("-president") || role.endsWith("-king") || role.endsWith("-emir")
          || role.endsWith("-supreme-leader") || role.endsWith("-monarch") ? 3
          : role.endsWith("-prime-minister") ? 2 : 1;
      rank = Math.max(rank, r);
    }
    return rank;
  }

  /** Quotes or brackets right before and right after the mention: «لـ«الشرق الأوسط» إن», «بغداد (واع) -». */
  private static boolean quoted(TokenText d, Candidate c) {
    boolean before = c.start > 0 && (d.sep[c.start] == ArabicText.SEP_SOFT || d.sep[c.start] == ArabicText.SEP_CLAUSE);
    return before && (c.end >= d.n || d.sep[c.end] >= ArabicText.SEP_SOFT);
  }

  /** The mention follows a noun that names a thing after a person («جامعة», «مستشفى», "university"). */
  private static boolean namesAThing(TokenText d, Candidate c) {
    if (c.conj || c.prep != 0 || c.start == 0 || d.sep[c.start] > ArabicText.SEP_SOFT) {
      return false;
    }
    return MentionIndex.stemIn(d.tok[c.start - 1], Lexicon.FACILITY_NOUNS);
  }

  /** A state's name that is also its feminine demonym («السعودية»), right after a definite noun. */
  private boolean adjectiveAfterNoun(TokenText d, Candidate c) {
    if (c.conj || c.prep != 0 || c.e.latin || !index.isDemonym(c.e.key) || c.start == 0
        || d.sep[c.start] > ArabicText.SEP_SOFT || !d.arabic[c.start - 1]) {
      return false;
    }
    return definiteNoun(d.tok[c.start - 1]);
  }

  /** A definite word, behind its clitics: «الكرة», «للكرة», «والهيئة», «بالمملكة». */
  private static boolean definiteNoun(String p) {
    if (p.length() < 4 || Lexicon.isStopWord(p) || Lexicon.LIST_GLUE.contains(p)) {
      return false;
    }
    for (int k = 0; k <= 2 && k + 2 < p.length(); k++) {
      if (p.startsWith("ال", k) || p.startsWith("لل", k)) {
        return true;
      }
      if ("وفبكل".indexOf(p.charAt(k)) < 0) {
        return false;
      }
    }
    return false;
  }

  /**
   * A person's alias that is part of someone else's longer name: after «بن» («فيصل بن سلمان بن عبدالعزيز» is not
   * King Salman), or, for an «X بن Y» alias, followed by a family name («فهد بن عبد العزيز الهندي»).
   */
  private static boolean partOfAnotherName(TokenText d, Candidate c) {
    if (c.start > 0 && d.sep[c.start] <= ArabicText.SEP_SOFT && Lexicon.PATRONYMIC.contains(d.tok[c.start - 1])) {
      return true;
    }
    boolean chain = false;
    for (int k = c.start; k < c.end; k++) {
      chain |= Lexicon.PATRONYMIC.contains(d.tok[k]);
    }
    if (!chain || c.end >= d.n || d.sep[c.end] > ArabicText.SEP_SOFT || !d.arabic[c.end]) {
      return false;
    }
    String next = d.tok[c.end];
    return next.length() >= 5 && next.startsWith("ال") && next.endsWith("ي") && !Lexicon.COMMON_NISBA.contains(next);
  }

  /**
   * The actor a surname (or a form several actors share) names here, or -1. Owners that belong to a country are
   * kept only in that country's context when the form could name someone else's: any non-person (a generic
   * institution name) and Iraqi persons (Iraqi surnames are common Arab family names: «المالكي» in a Saudi paper).
   */
  int surnameOwner(TokenText d, Candidate c, Set<Integer> named, Set<String> placeForms, CountryContext context,
      LocalDate date) {
    int owner = owner(c, named, placeForms, context, date);
    if (owner >= 0 && actors[owner].type() == Actor.Type.STATE && index.isCity(c.e.key) && !metonymy(d, c)) {
      return -1; // «في الرياض», «جامعة الرياض», a dateline: the city, not the state
    }
    if (owner >= 0 && index.quotedOnly(c.e.key) && !quoted(d, c)) {
      return -1; // «الشرق الأوسط» the region, «القاعدة» the rule: the paper and the group only when quoted
    }
    if (owner >= 0 && actors[owner].type() == Actor.Type.PERSON && (namesAThing(d, c) || partOfAnotherName(d, c))) {
      return -1;
    }
    return owner;
  }

  private int owner(Candidate c, Set<Integer> named, Set<String> placeForms, CountryContext context,
      LocalDate date) {
    int owner = -1;
    int namedOwners = 0;
    for (int o : c.e.owners) {
      if (named.contains(o)) {
        namedOwners++;
        owner = o;
      }
    }
    if (namedOwners > 1) {
      return -1;
    }
    if (namedOwners == 0) {
      // the text names none of them in full: the form must point at one actor. A form only one actor has: that
      // actor, in its country's context if it is country-bound. A form several share («العبادي», «خالد العطية»):
      // the one whose country the passage is about, if only one is.
      int here = context.enabled() ? context.countryAt(c.start, c.end) : -1;
      boolean shared = c.e.owners.length > 1;
      int eligible = 0;
      int bestRank = 0;
      int atBest = 0;
      int senior = -1;
      for (int o : c.e.owners) {
        Actor a = actors[o];
        boolean alive = !a.notYetFounded(date) && (c.e.length > 1 || a.activeOn(date)); // «حزب البعث» after 2003: history
        boolean inCountry = shared ? here >= 0 && here == actorCountry[o]
            : !context.enabled() || !countryBound(o) || here == actorCountry[o];
        if (alive && inCountry) {
          eligible++;
          owner = o;
          int rank = officeRank(a, date);
          if (rank > bestRank) {
            bestRank = rank;
            atBest = 1;
            senior = o;
          } else if (rank == bestRank && rank > 0) {
            atBest++;
          }
        }
      }
      if (eligible > 1 && bestRank > 0 && atBest == 1) {
        owner = senior; // «خامنئي» in 2015, «بارزاني» in 2015: the most senior of them then in office
      } else if (eligible != 1) {
        return -1;
      }
    }
    if (placeForms.contains(c.e.key) && !named.contains(owner)) {
      return -1; // one sense per text: «لە سلێمانی و هەڵەبجە ... لە سلێمانی گوتی» is Sulaymaniyah both times
    }
    return owner;
  }

  /**
   * Whether the actor's short forms need its country's context: any non-person (generic institution names), and
   * persons of Arab states, whose surnames are family names all over the Arab world («المالكي», «العمير»,
   * «الجبوري»). A Western or Iranian surname in Arabic script («كاميرون», «لافروف», «ظريف» aside) is distinctive.
   */
  private boolean countryBound(int actor) {
    int c = actorCountry[actor];
    Actor.Type type = actors[actor].type();
    return c >= 0 && type != Actor.Type.STATE && type != Actor.Type.MEDIA // proper names wherever they stand
        && (type != Actor.Type.PERSON || ARAB_STATES.contains(countries[c].code()));
  }

  /** The Arab League's members: their people share family names across borders. */
  private static final Set<String> ARAB_STATES = Set.of("IQ", "SA", "KW", "JO", "EG", "AE", "QA", "BH", "OM", "YE",
      "SY", "LB", "PS", "LY", "TN", "DZ", "MA", "MR", "SD", "SO", "DJ", "KM");
}
