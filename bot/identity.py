"""Event identity: when reports from different articles describe one real-world event.

Pure functions over small frozen dataclasses: no SQL, no spaCy. The store turns each article's
own version of an event (a `Report`) into a call to `best_cluster`, and writes the cluster's
`representative` as the event answers show. `briefbot reindex` replays every stored report
through the same functions, so changing the rule here re-clusters everything.

Two reports are the same event only when nothing contradicts it (`conflict`):
- they come from different articles (within one article, the extractor merges its own mentions);
- the types are equal and the kinds compatible (`kinds_compatible`: the one declaration; an
  agreement and a pledge of two sides or more are one commitment, `joint_pledge`);
- what was agreed shares a content word when both say (two agreements the same day are two);
- places agree when both are known (`places_agree`: the same place, or a country and a place in it);
- dates agree when both are given, within the precision they carry (`dates_agree`: two
  day-precise dates at most one day apart; two days for one gathering, below, which runs over
  days and is dated by its first, middle or last);
- the core participants agree when both name some (`sides_agree`: a person counts as their
  country, an organ the body it acts for, and a bloc's every member named one by one the bloc;
  one report's sides are all among the other's, so bilateral talks need the same two sides,
  while a mediator named by one outlet only is tolerated); reports of one gathering
  (`_one_gathering`: a summit or conference, or a body's meeting with only its members named,
  `convening_body`) each name the attendees they care about, so one in common is enough;
and what they share is enough (`compare`):
- both firmly dated (a day or a week) and both naming participants; or, naming none, the same
  kind of event at the same known place;
- otherwise (no date, or only a month or a year, which cannot tell a round of talks from the
  next one weeks later: the `undated rule`): the undated report's article was published within
  four days of the other's date (of its article's publication when neither has one), and both
  name the same participants and the same place. Four, not two: a follow-up or an analysis
  comes out days after the talks it is about, while the next round is weeks away.

Clusters, not chains (`join`): a new report must not conflict with any member, and must be the
same event as the cluster's consensus (its first firm date, its place, everyone its members
name). So no member can link two reports that contradict each other, and the consensus cannot
drift from one event to the next. Before comparing, the report is read in the cluster's names: a
surname alone with no country ("President Duterte") is the cluster's one person of that surname,
and a body written as initials ("TPLF") the body a member spells out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import lru_cache

from bot.extract.countries import country_index
from bot.extract.gender import is_first_name
from bot.extract.organizations import (
    body_acted_for,
    gathers_only_at_summits,
    movement_name,
    organization_members,
    organization_name,
)
from bot.extract.pipeline import load_data
from bot.extract.towns import far, near, town_named
from bot.facts import GATHERING_KINDS, OCCASION_KINDS, SITTING_KINDS, TALK_KINDS, shown_date
from bot.names import fold, name_key

STATUS_ORDER = {"planned": 0, "ongoing": 1, "concluded": 2}
HELD = frozenset({"ongoing", "concluded"})
# How many days a date of each precision may mean ("last week" is a week from its first day).
PRECISION_DAYS = {"day": 1, "week": 7, "month": 31, "year": 366}
# Precisions that can tell one round of talks from the next round a few weeks later.
FIRM_PRECISIONS = frozenset({"day", "week"})
DATE_SLACK = timedelta(days=1)  # time zones and overnight talks: a day either way is the same day
# A summit, a body's ministerial meeting or a state visit runs two or three days, and outlets
# date it by its first, middle or last day.
GATHERING_SLACK = timedelta(days=2)
PUBLISHED_SLACK = timedelta(days=4)  # an undated report is about an event at most this far off
# Words any agreement's terms may use: they do not tell one agreement from another.
_GENERIC_TERMS = frozenset(
    "agreement agreements agreed deals deal accord accords pact treaty declaration understanding "
    "sign signed signing reach reached with their that this which between under over after "
    "from into will would also about".split()
)
# How long a deal's text is, in how many copies, what it is written on, when it was signed and
# how much an outlet makes of it: one outlet's "the 40-page document" is another's "Thursday's
# deal", its "landmark accord" another's "historic deal" (within one article, the words tell its
# deals apart). Scope
# is kept ("comprehensive"): "a comprehensive agreement" is no "interim agreement", and summits
# sign many deals on one day.
_OUTLETS_GENERIC_TERMS = frozenset(
    "page pages paper copies "
    "document text monday tuesday wednesday thursday friday saturday sunday morning "
    "afternoon evening night "
    "landmark historic milestone momentous breakthrough "
    # where the deal stands to others, as the outlet writes then: "the original agreement" one
    # year on is "a new trade agreement" the day it was signed
    "original new another".split()
)
# Words that name the same terms in other words, read as one: "a border treaty" is "an accord
# demarcating the land boundary", "a truce" a "ceasefire". Only words that name nothing else
# (not "frontier technologies", "commercial aviation", "a currency swap").
_TERM_FAMILIES = {
    word: family
    for family, words in {
        "border": "border borders boundary boundaries delimitation demarcation",
        "ceasefire": "ceasefire ceasefires truce truces armistice",
        # how far a deal goes, in two steps (whole words: not "international", "compromise")
        "#early": "interim preliminary framework",
        "#final": "final comprehensive definitive",
    }.items()
    for word in words.split()
}
_STAGE_STEMS = frozenset({"#earl", "#fina"})
_A_PEACE_TOLD_TWICE = {frozenset({"#fina"}), frozenset({"peace"})}
# Words any deal's purpose may use ("to boost cooperation between the two countries", "to end
# the conflict"): they do not tell one deal from another.
_PURPOSE_GENERIC_TERMS = frozenset(
    "boost strengthen enhance deepen expand promote improve develop cooperation cooperate ties "
    "relations relationship countries country sides side nations conflict ease first time both "
    "mutual bilateral further areas field fields sectors".split()
)
# Words that name the same city in two spellings: "Washington" and "Washington, D.C.".
_PLACE_NOISE = re.compile(r"\b(d c|dc|city|the)\b")
# Abbreviations of words in place names, read as the whole word.
_PLACE_ABBREVIATIONS = {"st": "saint", "ste": "sainte", "ft": "fort", "mt": "mount"}


def kinds_compatible(a: str | None, b: str | None) -> bool:
    """Which kinds may name the same event across outlets: the same kind, two ways of sitting
    down together ("the talks", "the meeting", "the summit"), or the visit they were held in."""
    return a == b or (a in OCCASION_KINDS and b in OCCASION_KINDS)


# What two or more sides commit to together: one outlet's agreement is another's pledge ("the
# two leaders pledged to ...", "the text commits Saudi Arabia and Iran to ...").
AGREEMENT_KINDS = frozenset({"agreement", "pledge"})


def joint_pledge(a: Report, b: Report) -> bool:
    """An agreement and a pledge told of the same sides and terms: the pledge names two sides or
    more (one side's promise is its own act, not the agreement), all among the agreement's, and
    both texts of terms share a content word."""
    if a.type != "AGREE" or {a.kind, b.kind} != AGREEMENT_KINDS:
        return False
    pledge, agreement = (a, b) if a.kind == "pledge" else (b, a)
    # the terms must name the same thing: "China pledged aid to Pakistan" is not the railway
    # agreement China signed with Pakistan that day
    shared = _term_words(pledge.content) & _term_words(agreement.content) - _STAGE_STEMS
    return len(pledge.sides) >= 2 and sides_agree(pledge.sides, agreement.sides) and bool(shared)


def talk_kinds_compatible(a: str | None, b: str | None) -> bool:
    """Within one article: two ways of naming the same sitting-down; a visit is kept apart."""
    return a == b or (a in TALK_KINDS and b in TALK_KINDS)


@dataclass(frozen=True)
class Party:
    """A participant as one report names it; `country_code` is the person's or body's country."""

    name: str
    kind: str
    country_code: str | None = None
    # a body whose members met as the body (see arguments.convened_body); not compared, so one
    # party named by two reports is one party whether or not each says the body met
    convened: bool = field(default=False, compare=False)

    @property
    def side(self) -> str:
        """Who the party stands for: a person or a national body counts as their country, an
        international organisation is itself under any of its names ("G7", "Group of Seven")."""
        return self.country_code or name_key(
            body_acted_for(self.name)
            or organization_name(self.name)
            or movement_name(self.name)
            or self.name
        )


# Small words a body's initials skip: "the Tigray People's Liberation Front" is the TPLF.
_NOT_IN_INITIALS = frozenset({"of", "the", "and", "for", "'s", "s", "de", "du", "la", "el"})


def _acronym(name: str) -> str | None:
    """A body's name written as its initials ("TPLF"), lower-cased."""
    return name.lower() if re.fullmatch(r"[A-Z]{3,6}", name) else None


def _initials(name: str) -> str | None:
    """The initials of a body's name spelled out in three words or more ("Tigray People's
    Liberation Front": "tplf"); shorter names are not written as initials."""
    words = re.findall(r"[A-Za-z][\w-]*", name.replace("'s", " "))
    content = [w for w in words if w.lower() not in _NOT_IN_INITIALS]
    if len(content) < 3 or not all(w[0].isupper() for w in content):
        return None
    return "".join(w[0] for w in content).lower()


@dataclass(frozen=True)
class Place:
    name: str
    country_code: str | None = None
    # the place named is a whole country ("Oman") or a territory of one ("Gaza"), not a town in it
    is_country: bool = False
    detail: str | None = field(
        default=None, compare=False
    )  # "the Omani embassy": shown, not compared

    @property
    def key(self) -> str:
        return " ".join(_place_words(self.name))

    @classmethod
    def named(cls, name: str | None, code: str | None, detail: str | None = None) -> Place | None:
        """A reported place, knowing whether it names a whole country ("Oman") or a place in one."""
        if not name:
            return None
        country = country_index().resolve(name, hows=("name", "alias", "territory"))
        if country is not None and code in (None, country.code):
            return cls(name, country.code, is_country=True, detail=detail)
        if code is None and not detail and (town := town_named(name)) is not None:
            code = town.country_code  # "Wuhan", filed by an outlet without its country
        return cls(name, code, detail=detail)


@dataclass(frozen=True)
class Report:
    """One article's own version of an event, as stored; `id` orders reports (ingest order)."""

    id: int
    article: int
    type: str
    kind: str
    parties: tuple[Party, ...] = ()
    place: Place | None = None
    date: str | None = None  # YYYY-MM-DD: the first day of the period `precision` gives
    precision: str | None = None
    published: str | None = None  # the article's publication date
    status: str | None = None
    mode: str | None = None
    topics: tuple[str, ...] = ()
    excluded_topics: tuple[str, ...] = ()
    outcome: str | None = None
    content: str | None = None
    confidence: float = 1.0

    @property
    def sides(self) -> frozenset[str]:
        return frozenset(p.side for p in self.parties)

    @property
    def firmly_dated(self) -> bool:
        return self.date is not None and (self.precision or "day") in FIRM_PRECISIONS


@dataclass(frozen=True)
class Verdict:
    """Whether two reports (or a report and a cluster) are one event, and why."""

    same: bool
    rule: str  # "dated" or "undated" when same; otherwise what failed
    agreed: tuple[str, ...] = ()  # the fields that agreed: type, kind, date, published, ...


@dataclass(frozen=True)
class Representative:
    """The fields of a cluster as answers show them, from its members in ingest order."""

    type: str
    kind: str
    mode: str | None
    date: str | None
    precision: str | None
    status: str | None
    place: Place | None
    topics: tuple[str, ...]
    excluded_topics: tuple[str, ...]
    outcome: str | None
    content: str | None
    confidence: float
    disputed: tuple[str, ...] = field(default=())  # fields the members disagree on


# --- single fields -----------------------------------------------------------------------------
def period(day: str, precision: str | None) -> tuple[date, date]:
    """The days a reported date may mean: "2025-02-17" with precision week is 17-23 February."""
    start = date.fromisoformat(day)
    if precision == "week":
        return start, start + timedelta(days=6)
    if precision == "month":
        return start, (start.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    if precision == "year":
        return start, start.replace(month=12, day=31)
    return start, start


def dates_agree(a: Report, b: Report, slack: timedelta = DATE_SLACK) -> bool:
    """Within a day of each other (`slack`), allowing for the coarser report's whole period."""
    if a.date is None or b.date is None:
        return False
    return periods_overlap((a.date, a.precision), (b.date, b.precision), slack)


def periods_overlap(
    a: tuple[str, str | None], b: tuple[str, str | None], slack: timedelta = DATE_SLACK
) -> bool:
    """Two (day, precision) dates that may name the same days, `slack` either way."""
    a_start, a_end = period(*a)
    b_start, b_end = period(*b)
    return a_start - slack <= b_end and b_start - slack <= a_end


def published_near(undated: Report, other: Report) -> bool:
    """The undated report's article came out within four days of the other's date (or, when the
    other has no firm date either, of the other's article, and within the month or year it is
    dated to)."""
    if undated.published is None:
        return False
    published = date.fromisoformat(undated.published)
    if other.firmly_dated:
        assert other.date is not None
        start, end = period(other.date, other.precision)
    elif other.published is not None:
        start = end = date.fromisoformat(other.published)
        if not (_in_its_period(undated, other) and _in_its_period(other, undated)):
            return False
    else:
        return False
    return start - PUBLISHED_SLACK <= published <= end + PUBLISHED_SLACK


def _in_its_period(dated: Report, other: Report) -> bool:
    """A month or a year a report is dated to holds the other's article (a report of "the
    December 2023 meeting" is no news in a paper of 2025)."""
    if dated.date is None or other.published is None:
        return True
    start, end = period(dated.date, dated.precision)
    return start - PUBLISHED_SLACK <= date.fromisoformat(other.published) <= end + PUBLISHED_SLACK


def places_agree(a: Place | None, b: Place | None) -> bool | None:
    """None when either is unknown; True for the same place, or a country and a place in it."""
    if a is None or b is None:
        return None
    if same_place_name(a.name, b.name):
        return True
    if any(_in_region(x, y) for x, y in ((a, b), (b, a))):
        return True  # "Anchorage" filed as "ANCHORAGE, Alaska" is in "Alaska"
    if a.country_code and a.country_code == b.country_code and _other_vowels(a.key, b.key):
        return True  # "Addis Abeba" and "Addis Ababa": one town spelt two ways
    here, there = town_named(a.name, a.country_code), town_named(b.name, b.country_code)
    if here is not None and there is not None:
        if far(here, there):
            return False  # "Wuhan" and "Beijing"
        if here.country_code == there.country_code and near(here, there):
            return True  # "Rawalpindi" and "Islamabad": one venue
        if here.country_code == there.country_code and not (_listed(a) and _listed(b)):
            return None  # "Entebbe" and "Kampala" may be (not "Tel Aviv" and "Jerusalem")
    if a.country_code is None or b.country_code is None:
        return None  # "Ciragan Palace" of no known country may well be in Istanbul: unknown
    if (names_a_site(a.name) or names_a_site(b.name)) and a.country_code == b.country_code:
        return None  # "Bole International Airport" may well be in Addis Ababa: unknown
    if a.is_country and b.is_country:
        # "Palestine" holds "Gaza"; "Gaza" and "the West Bank" are two lands of one code
        return a.country_code == b.country_code and (_whole_state(a) or _whole_state(b))
    if (a.is_country and not _whole_state(a)) or (b.is_country and not _whole_state(b)):
        # a territory and a town of its state's code: in it ("Gaza", "Rafah") or not ("Gaza",
        # "Hebron"); the gazetteer does not say which
        return None if a.country_code == b.country_code else False
    if a.is_country and a.country_code and a.country_code == b.country_code:
        return True
    return bool(b.is_country and b.country_code and b.country_code == a.country_code)


def _whole_state(place: Place) -> bool:
    return country_index().resolve(place.name, hows=("name", "alias")) is not None


def _listed(place: Place) -> bool:
    """A capital or city of the gazetteer (countries.json), not only of the towns table."""
    found = country_index().match(place.name)
    return found is not None and found.how in ("capital", "city")


def _in_region(town: Place, region: Place) -> bool:
    """The town's detail is the region the other place names: a state or province written
    after it on a dateline, a proper name of no country (not "the Qatar embassy", "Georgia")."""
    detail = town.detail
    if not detail or region.is_country or town.country_code != region.country_code:
        return False
    if any(w[:1].islower() for w in detail.split()) or country_index().resolve(detail):
        return False
    return same_place_name(detail, region.name)


def names_a_site(name: str) -> bool:
    """A building or a site named ("Bole International Airport", "Hyderabad House"), not a town."""
    words = fold(name).split()
    return len(words) >= 2 and words[-1] in _site_words()


@lru_cache(maxsize=1)
def _site_words() -> frozenset[str]:
    rules = load_data("participants")
    return frozenset(rules["city_buildings"]) | frozenset(rules["facility_nouns"])


def same_place_name(a: str, b: str) -> bool:
    """ "Washington" and "Washington, D.C." name one place; "Istanbul" and "Ankara" do not."""
    a_words, b_words = _place_words(a), _place_words(b)
    if not a_words or not b_words:
        return fold(a) == fold(b)
    shorter, longer = sorted((a_words, b_words), key=len)
    return longer[: len(shorter)] == shorter


def _place_words(name: str) -> list[str]:
    # "St Petersburg", "St. Petersburg" and "Saint Petersburg" name one city
    words = [_PLACE_ABBREVIATIONS.get(w, w) for w in _PLACE_NOISE.sub(" ", fold(name)).split()]
    for spelt, usual in _capital_spellings():
        if words[: len(spelt)] == spelt:  # "Nay Pyi Taw Convention Centre" is in Naypyidaw
            return usual + words[len(spelt) :]
    return words


@lru_cache(maxsize=1)
def _capital_spellings() -> tuple[tuple[list[str], list[str]], ...]:
    """Each other spelling of a capital, as words, with the usual spelling's words."""
    return tuple(
        (fold(spelt).split(), fold(usual).split())
        for spelt, usual in load_data("countries")["capital_spellings"].items()
    )


def sides_agree(a: frozenset[str], b: frozenset[str]) -> bool:
    """Both name sides, and one report's sides are all among the other's, or both name the same
    two sides or more: outlets add a mediator or an observer the other leaves out, but talks
    of A with B are never talks of A with C."""
    a, b = _members_as_their_body(a, b), _members_as_their_body(b, a)
    return bool(a and b) and (a <= b or b <= a or len(a & b) >= 2)


def _members_as_their_body(sides: frozenset[str], other: frozenset[str]) -> frozenset[str]:
    """`sides` with a body the other report names standing for its members, where these sides
    name all its members (all but one of a bloc of eight or more), three at least, and no one the
    other does not name: "the EU and Argentina, Brazil, Paraguay and Uruguay" is the EU and
    Mercosur (three of the four Quad members, or three Gulf states and Egypt, are no meeting of
    the bloc)."""
    for body in other - sides:
        members = organization_members(body)
        named = sides & members
        outsiders = sides - members - other
        # every member of a small bloc, all but one of a large one: a Quad or Normandy member
        # short is a trilateral format of its own ("the US, Japan and Australia", "Macron,
        # Scholz and Zelenskiy")
        missing = len(members) - len(named)
        if len(named) >= 3 and missing <= (1 if len(members) >= 8 else 0) and not outsiders:
            sides = (sides - members) | {body}
    return sides


def terms_agree(
    a: str | None, b: str | None, names: frozenset[str] = frozenset(), across_outlets: bool = False
) -> bool:
    """What was agreed: two texts of terms name the same thing when they share a content word
    ("peace deal", "comprehensive peace agreement"); "a prisoner exchange" and "to meet again"
    are two agreements. Texts with no content word ("the deal") say nothing either way, and
    neither do the words in `names` nor a word naming a country or its capital: "the Doha
    agreement" and "the Taliban accord" name where and with whom, not what. `across_outlets`,
    neither do the words that only measure or date a deal ("40-page", "Thursday's")."""
    if across_outlets:
        names = names | _OUTLETS_GENERIC_TERMS
    a_words, b_words = _term_words(a, names), _term_words(b, names)
    if not a_words or not b_words:
        return True
    if _stages_differ(a_words, b_words):
        return False
    # what a deal is on decides; a stage alone ("the final agreement") names nothing another
    # text's subject can be, nor does a stage both share ("a framework agreement on energy",
    # "a framework agreement on defence")
    a_subjects, b_subjects = a_words - _STAGE_STEMS, b_words - _STAGE_STEMS
    if a_subjects and b_subjects:
        return bool(a_subjects & b_subjects)
    if across_outlets and {frozenset(a_words), frozenset(b_words)} == _A_PEACE_TOLD_TWICE:
        # "the final agreement" one outlet writes is the "peace deal" another does: the last
        # stage of a settlement is its peace (within one article, two such names are two deals
        # the article tells apart; an early stage may be a framework for anything)
        return True
    return not a_subjects and not b_subjects


def _stages_differ(a_words: set[str], b_words: set[str]) -> bool:
    """One deal at two stages is two deals ("an interim peace deal" and "a comprehensive peace
    deal"), whatever else the words share."""
    stages = [w & _STAGE_STEMS for w in (a_words, b_words)]
    return all(stages) and not stages[0] & stages[1]


def _terms_agree_across(a: Report, b: Report) -> bool:
    """Two outlets' terms of a deal agree when the nouns they name it by do, or, failing that,
    when what they say it does shares a word ("a landmark deal to curb Iran's nuclear program"
    and "the Iran nuclear accord"): what a deal does is told in many words, so it only ever
    joins."""
    names = _name_words(a, b)
    if terms_agree(a.content, b.content, names, across_outlets=True):
        return True
    generic = names | _OUTLETS_GENERIC_TERMS
    if _stages_differ(_term_words(a.content, generic), _term_words(b.content, generic)):
        return False
    fuller = [" ".join([r.content or "", *(r.topics if r.type == "AGREE" else ())]) for r in (a, b)]
    names = names | _OUTLETS_GENERIC_TERMS | _PURPOSE_GENERIC_TERMS
    # two words in common, not one: "to boost cooperation in defence" and "to boost cooperation
    # in nuclear energy" are two deals of one summit
    shared = _term_words(fuller[0], names) & _term_words(fuller[1], names) - _STAGE_STEMS
    return len(shared) >= 2


# "Two separate agreements", "parallel documents": one signing in several texts, which says
# nothing of what they do (while "a separate agreement" is another deal).
_SEVERAL_TEXTS = re.compile(
    r"\b(?:separate|parallel|identical|twin)\s+(?=(?:agreements|deals|accords|documents|texts)\b)"
)


# "A cessation of hostilities" is a ceasefire (not "a cessation of nuclear tests").
_CESSATION = re.compile(r"\bcessation of (?:\w+ )?hostilities\b")


def _term_words(text: str | None, names: frozenset[str] = frozenset()) -> set[str]:
    # Crude stems (the first five letters): "ceasefire" and "ceasefires", "exchange", "exchanges".
    folded = _CESSATION.sub("ceasefire", _SEVERAL_TEXTS.sub("", fold(text or "")))
    words = (
        w
        for w in folded.split()
        if len(w) > 3
        and not any(c.isdigit() for c in w)
        and w not in _GENERIC_TERMS
        and w not in names
        and not _names_a_country(w)
    )
    return {_TERM_FAMILIES.get(w, w)[:5] for w in words}


@lru_cache(maxsize=4096)
def _names_a_country(word: str) -> bool:
    return country_index().match(word) is not None


def _name_words(*reports: Report) -> frozenset[str]:
    """The words of the reports' parties' and places' names."""
    names = [p.name for r in reports for p in r.parties]
    names += [r.place.name for r in reports if r.place is not None]
    return frozenset(w for name in names for w in fold(name).split())


# --- two reports -------------------------------------------------------------------------------
def conflict(a: Report, b: Report) -> str | None:
    """The field on which two reports plainly contradict each other (None: nothing does). Reports
    that conflict are never one event, whatever else they share."""
    if a.article == b.article and not one_occasion_told_twice(a, b):
        return "same article"
    if a.type != b.type:
        return "type"
    if not kinds_compatible(a.kind, b.kind) and not joint_pledge(a, b):
        return "kind"
    if not _terms_agree_across(a, b):
        return "terms"
    if places_agree(a.place, b.place) is False and not (_venue_moved(a, b) or _each_at_home(a, b)):
        return "place"
    gathering = _one_gathering(a, b)
    stay = _one_stay(a, b) or _talks_on_a_stay(a, b) or _talks_on_a_stay(b, a)
    slack = GATHERING_SLACK if gathering or stay else DATE_SLACK
    if a.date and b.date and not dates_agree(a, b, slack):
        return "date"  # also "in April" against talks held in May
    if a.sides and b.sides and not sides_agree(a.sides, b.sides) and not gathering:
        return "participants"
    return None


def _each_at_home(a: Report, b: Report) -> bool:
    """A deal of two sides told by outlets of each, each placing it at home ("NEW DELHI - India
    and Pakistan agreed to a ceasefire", "ISLAMABAD - Pakistan and India agreed ..."): the
    places are where each side said so, which tells nothing against one deal. A meeting in one
    capital and one in the other are two meetings."""
    if a.type != "AGREE" or b.type != "AGREE" or a.place is None or b.place is None:
        return False
    homes = {a.place.country_code, b.place.country_code}
    return (
        len(homes) == 2
        and None not in homes
        and homes <= a.sides
        and homes <= b.sides
        and a.precision == b.precision == "day"
        and a.date == b.date
        and _one_deal_named(a, b)
    )


def _one_deal_named(a: Report, b: Report) -> bool:
    """Both name what was agreed by a word in common, and neither adds what the other does not
    say ("a ceasefire", "a ceasefire after four days of fighting"; not "an agreement on a grant
    for flood relief" and "an agreement to build a power plant", nor a bare "agreement")."""
    names = _name_words(a, b) | _OUTLETS_GENERIC_TERMS
    ours, theirs = _term_words(a.content, names), _term_words(b.content, names)
    return bool(ours & theirs) and not (ours - theirs and theirs - ours)


def _other_vowels(a: str, b: str) -> bool:
    """One name with other vowels ("Addis Abeba", "Addis Ababa"): the same length and the same
    consonants in the same order (not "Hangzhou" and "Changzhou", "Pokrovsk" and "Pokrovske")."""
    return len(a) == len(b) and a != b and _consonants(a) == _consonants(b)


def _consonants(name: str) -> str:
    return re.sub(r"[aeiouy]", "", name)


def _venue_moved(a: Report, b: Report) -> bool:
    """A venue announced for talks still to come may move ("to be held in X on Saturday", then
    held in Y that Saturday): a planned report's place does not contradict the talks as held,
    when it gave their day."""
    planned, other = (a, b) if a.status == "planned" else (b, a)
    return (
        planned.status == "planned"
        and other.status in HELD
        and planned.precision == "day"
        and planned.date is not None
    )


def one_occasion_told_twice(a: Report, b: Report) -> bool:
    """Within one article, a visit and the talks held on it, the same day or the next: the
    article keeps them apart (a visit is its own kind), but they are one occasion to other
    outlets, so both may stand in one event."""
    kinds = {a.kind, b.kind}
    if "visit" not in kinds or not kinds - {"visit"} <= TALK_KINDS or len(kinds) != 2:
        return False
    if a.type != b.type or places_agree(a.place, b.place) is False:
        return False
    if a.precision == b.precision == "day" and a.date and b.date and dates_agree(a, b):
        # the same day, or the next: "leaves on Tuesday ... talks on Wednesday"
        return not a.sides or not b.sides or sides_agree(a.sides, b.sides)
    return _talks_the_visit_is_for(a, b)


def _talks_the_visit_is_for(a: Report, b: Report) -> bool:
    """One visit and the talks held on it, one of them undated: undated talks the visitor is to
    hold on a visit still to come ("will travel to Tehran on Monday ... is scheduled to hold
    talks with Shamkhani"), the same visitor by name and the same two sides; or an undated
    visit that the dated talks were ("held talks on Monday with Raisi, an unusual high-level
    visit"), between the same two sides or more. Undated held talks beside a held visit may be
    an older sitting of the pair, and a visit still to come is not the talks already held."""
    visit, talks = (a, b) if a.kind == "visit" else (b, a)
    if len(talks.sides) < 2 or not visit.sides <= talks.sides:
        return False
    if visit.status == talks.status == "planned" and visit.date and talks.date is None:
        people = {name_key(p.name) for p in visit.parties if p.kind == "person"}
        return bool(people & {name_key(p.name) for p in talks.parties if p.kind == "person"}) and (
            talks.sides == visit.sides
        )
    # a visit to a place is not talks of unknown place: "Doval met Wang on Tuesday" is not
    # the visit to China that Modi is to pay
    placed = visit.place is None or places_agree(visit.place, talks.place) is True
    return (
        placed
        and visit.date is None
        and visit.status is None  # "an unusual high-level visit": the talks', not a past visit
        and talks.status in HELD
        and talks.precision == "day"
        and len(visit.sides) >= 2
    )


def _one_gathering(a: Report, b: Report) -> bool:
    """Two reports of a summit or conference that name one attendee in common, or of one body's
    meeting, each naming the members it cares about."""
    body = convening_body(a)
    if body is not None and body == convening_body(b) and gathers_only_at_summits(body):
        # the AU with Sudan and South Sudan, then with Kenya and Somalia: talks it hosted, and
        # its ministers' meeting is not its summit two days on
        return a.kind in GATHERING_KINDS and b.kind in GATHERING_KINDS
    if body is not None and body == convening_body(b):
        # one member each may be two meetings of the body's head with two members ("NATO's
        # secretary general met Poland's president", then Germany's chancellor): it takes two
        # members named by one report, a summit or conference, or both reports saying the body
        # itself met, to make one meeting of the body
        members = max(len(a.sides - {body}), len(b.sides - {body}))
        if members >= 2 or a.kind in GATHERING_KINDS or b.kind in GATHERING_KINDS:
            return True
        if _convened(a, body) and _convened(b, body):
            return True  # both say the body itself met ("the G7 foreign ministers met")
    return a.kind in GATHERING_KINDS and b.kind in GATHERING_KINDS and bool(a.sides & b.sides)


def _one_bodys_summit(a: Report, b: Report) -> bool:
    """Two summits or conferences of one body (each naming the members it cares about): a body
    gathers its leaders once within the days an undated report can be about."""
    body = convening_body(a)
    return (
        a.kind in GATHERING_KINDS
        and b.kind in GATHERING_KINDS
        and body is not None
        and body == convening_body(b)
    )


def _one_stay(a: Report, b: Report) -> bool:
    """Two reports of a visit by the same sides to the same place: a state visit runs several
    days, and each outlet dates it by the day it tells (the arrival, the speech, the last leg).
    The place keeps a return visit the other way apart."""
    return (
        a.kind == b.kind == "visit"
        and bool(a.sides and b.sides)
        and sides_agree(a.sides, b.sides)
        and places_agree(a.place, b.place) is True
        and _the_same_visitor(a, b)
    )


def _talks_on_a_stay(visit: Report, talks: Report) -> bool:
    """Talks the visitor held during the visit, a day or two after the one the visit is dated
    by (arriving in China on Wednesday, meeting Xi on Friday): one occasion to the outlets, each
    telling the day it cares about. Talks before the visit began are another, and so are talks
    placed in another town than the visit."""
    return (
        visit.kind == "visit"
        and talks.kind in TALK_KINDS - GATHERING_KINDS
        and visit.status in HELD
        and talks.status in HELD
        and visit.date is not None
        and talks.date is not None
        and visit.date <= talks.date
        and bool(visit.sides and talks.sides)
        and sides_agree(visit.sides, talks.sides)
        and places_agree(visit.place, talks.place) is not False
        and _the_same_visitor(visit, talks)
    )


def _the_same_visitor(a: Report, b: Report) -> bool:
    """Both name one visitor in common ("King Charles", "Charles III"): two visitors of one
    country days apart (the secretary of state, then the president) are two visits, and the
    host receiving both is no visitor."""
    ours, theirs = _visitors(a), _visitors(b)
    return any(
        x == y or (min(len(x), len(y)) >= 2 and (x <= y or y <= x)) for x in ours for y in theirs
    )


# Words of a name that are no part of who it is: "King Charles" is "Charles III".
_NAME_NOISE = frozenset(
    {"king", "queen", "prince", "princess", "emir", "sheikh", "ii", "iii", "iv"}
)


def _visitors(report: Report) -> list[frozenset[str]]:
    """The words of the names of the people a visit report names who are not of the place's
    country (its host is)."""
    home = report.place.country_code if report.place is not None else None
    return [
        words
        for p in report.parties
        if p.kind == "person" and (p.country_code is None or p.country_code != home)
        if (words := frozenset(name_key(p.name).split()) - _NAME_NOISE)
    ]


def _convened(report: Report, body: str) -> bool:
    return any(p.convened and p.side == body for p in report.parties)


def convening_body(report: Report) -> str | None:
    """The body whose meeting this is: the one body with members among its sides, every other
    side a member ("G7 foreign ministers met"; "Canada's minister told the G7 meeting"). A
    meeting of the EU with China is talks between two sides, not a gathering of the EU."""
    if report.kind not in TALK_KINDS:
        return None
    bodies = [side for side in report.sides if organization_members(side)]
    if len(bodies) != 1:
        return None
    (body,) = bodies
    return body if report.sides - {body} <= organization_members(body) else None


def compare(a: Report, b: Report) -> Verdict:
    """Are `a` and `b` reports of one real-world event? (Symmetric.)"""
    refused = conflict(a, b)
    if refused:
        return Verdict(False, refused)
    place = places_agree(a.place, b.place)
    agreed = (
        ["type", "kind"]
        + (["place"] if place else [])
        + (["terms"] if a.content and b.content else [])
    )
    if a.firmly_dated and b.firmly_dated:
        agreed.append("date")
        if a.sides and b.sides:
            agreed.append("participants")
        elif not (place and a.kind == b.kind):
            # Participants named by one report only, or by neither: then only the same kind of
            # event at the same place on the same day counts.
            return Verdict(False, "participants unknown")
        return Verdict(True, "dated", tuple(agreed))
    return _undated(a, b, place, agreed)


def _undated(a: Report, b: Report, place: bool | None, agreed: list[str]) -> Verdict:
    """At least one report has no firm date: it must be about the other's event, which takes
    the publication date, the same participants and the same place."""
    undated, other = (a, b) if not a.firmly_dated else (b, a)
    if not published_near(undated, other):
        return Verdict(False, "published")
    if _still_ahead(undated, other):
        return Verdict(False, "status")
    sa, sb = _hosted(a), _hosted(b)
    same_parties = (sa == sb and bool(sa)) or (sides_agree(sa, sb) and min(len(sa), len(sb)) >= 2)
    if _one_gathering(a, b) and (place or _one_bodys_summit(a, b)):
        # the same summit in the same place, days apart in print; or, wherever each outlet
        # places it, the one summit of one body ("the BRICS summit" and "BRICS leaders met")
        same_parties = True
    if not same_parties:
        return Verdict(False, "undated without the same participants")
    if _other_people(a, b):
        # "Trump and Kim met" is not the officials' meeting of Sung Kim and Choe Son Hui, however
        # alike their countries: with no date to tell, who sat down tells the sitting
        return Verdict(False, "undated with other people")
    if place is None and not (
        (_same_sitting(a.kind, b.kind) or joint_pledge(a, b) or _the_same_two_met(a, b))
        and (min(len(sa), len(sb)) >= 2 or _one_bodys_summit(a, b))
    ):
        # No place to compare: the article is about the other's event only if it is of the
        # same kind between the same two sides or more, published within days of it.
        return Verdict(False, "undated without the same place")
    if place is None:
        return Verdict(True, "undated", (*agreed, "published", "kind", "participants"))
    return Verdict(True, "undated", (*agreed, "published", "participants"))


def _people_by_country(report: Report) -> dict[str, list[frozenset[str]]]:
    """Each country's people the report names, each person as the words of their name."""
    found: dict[str, list[frozenset[str]]] = {}
    for party in report.parties:
        if party.kind == "person" and party.country_code:
            words = frozenset(
                w for w in name_key(party.name).replace("-", " ").split() if len(w) > 2
            )
            found.setdefault(party.country_code, []).append(words)
    return found


def _other_people(a: Report, b: Report) -> bool:
    """Two sittings of one pair of sides by other people: for two countries or more, both
    reports name people of that country and no name of one shares a word with a name of the
    other ("Trump and Kim" against "Sung Kim and Choe Son Hui"). Outlets naming different
    sides' people ("Lavrov" against "Rubio") or one side's delegates each do not count."""
    if a.kind in GATHERING_KINDS or b.kind in GATHERING_KINDS:
        return False  # a summit's reports name whichever attendees each outlet cares about
    ours, theirs = _people_by_country(a), _people_by_country(b)
    both = ours.keys() & theirs.keys()
    # one person: one's name words within the other's ("Kim" and "Kim Jong Un"), not a shared
    # family name alone ("Sung Kim" is not "Kim Jong Un")
    others = [
        code for code in both if not any(x <= y or y <= x for x in ours[code] for y in theirs[code])
    ]
    return len(both) >= 2 and len(others) == len(both)


def _hosted(report: Report) -> frozenset[str]:
    """A visit's sides with its host: the visitor names only themselves, the place they went
    names the country they visited ("Carney's visit to Washington" is Canada with the US)."""
    host = report.place.country_code if report.place else None
    if report.kind != "visit" or host is None:
        return report.sides
    return report.sides | {host}


def _same_sitting(a: str, b: str) -> bool:
    """The same kind, or two words for one bilateral sitting-down ("talks", "meeting",
    "negotiations"); a summit or a visit is an occasion of its own."""
    return a == b or (a in SITTING_KINDS and b in SITTING_KINDS)


def _the_same_two_met(a: Report, b: Report) -> bool:
    """A visit and the talks held on it, each naming the same two people of two countries ("Xi
    Jinping's state visit" and "Xi and Duterte met at Malacanang"): one occasion, whatever each
    outlet calls it."""
    kinds = {a.kind, b.kind}
    if a.kind == b.kind or "visit" not in kinds or not kinds - {"visit"} <= SITTING_KINDS:
        return False  # a visit and the talks on it, not a summit the visitor attended too
    visit, talks = (a, b) if a.kind == "visit" else (b, a)
    if visit.status == "planned" and visit.date and talks.status in HELD:
        # talks reported held before the visit's day were another sitting
        if talks.published is None or talks.published < visit.date:
            return False
    ours, theirs = _people_by_country(a), _people_by_country(b)
    # the same person: one name's words all in the other's ("Duterte", "Rodrigo Duterte"; not
    # "Kim Yo Jong" and "Kim Jong Un")
    shared = [
        code
        for code in ours.keys() & theirs.keys()
        if any(x <= y or y <= x for x in ours[code] for y in theirs[code])
    ]
    return len(shared) >= 2


def _still_ahead(undated: Report, other: Report) -> bool:
    """The undated report tells of talks still to come, in an article published after the other
    event was held: the next round, not this one."""
    if undated.status != "planned" or other.status == "planned" or undated.published is None:
        return False
    if not other.firmly_dated or other.date is None:
        return False
    return date.fromisoformat(undated.published) > period(other.date, other.precision)[1]


# --- clusters ----------------------------------------------------------------------------------
def consensus(members: Sequence[Report]) -> Report:
    """The cluster as one report: its representative fields, everyone any member names, and the
    first member's publication date (the anchor an undated cluster is dated by)."""
    rep = representative(members)
    parties = tuple(dict.fromkeys(p for m in members for p in m.parties))
    held = [m for m in members if m.status in HELD]
    # Once held, where it was held is its place: a venue announced before was only a plan.
    place = representative(held).place if held else rep.place
    return Report(
        id=-1,
        article=-1,
        type=rep.type,
        kind=rep.kind,
        parties=parties,
        place=place,
        date=rep.date,
        precision=rep.precision,
        published=members[0].published,
        status=rep.status,
        content=rep.content,
        # what the representative says the deal does (each member's own is compared one by one;
        # a union would grow with every report joined)
        topics=rep.topics,
    )


def join(report: Report, members: Sequence[Report]) -> Verdict:
    """The report joins the cluster when no member contradicts it and it is the same event as
    the cluster's consensus. Members are checked one by one, so a cluster can never link two
    reports that contradict each other through a third; the consensus keeps its first firm date
    and place, so it cannot drift from one event to the next."""
    if not members:
        return Verdict(False, "empty cluster")
    report = _bodies_by_initials(_countries_by_surname(report, members), members)
    for member in members:
        refused = conflict(report, member)
        if refused == "participants" and _named_together(report, member, members):
            continue
        if refused:
            return Verdict(False, f"{refused} (report {member.id})")
    if any(m.article == report.article and _talks_the_visit_is_for(report, m) for m in members):
        # the article's own visit, not told again: nothing to compare but what it said of both
        return Verdict(True, "undated", ("type", "kind", "visitor", "participants"))
    return compare(report, consensus(members))


def _countries_by_surname(report: Report, members: Sequence[Report]) -> Report:
    """A person the report names with no country ("President Duterte", never given in full nor
    with a country) is of the country the cluster's members give the one person of that surname
    they name ("Rodrigo Duterte" of the Philippines); so is one named with a second surname
    ("Raúl Castro Ruz") whom the members name without it ("Raul Castro" of Cuba)."""
    found: dict[str, set[str]] = {}
    in_full: dict[str, set[str]] = {}
    for party in (p for m in members for p in m.parties):
        if party.kind == "person" and party.country_code:
            words = name_key(party.name).split()
            found.setdefault(words[-1], set()).add(party.country_code)
            if len(words) == 2:
                in_full.setdefault(" ".join(words), set()).add(party.country_code)

    def countried(party: Party) -> Party:
        if party.kind != "person" or party.country_code:
            return party
        words = name_key(party.name).split()
        if len(words) == 1:
            codes = found.get(words[0], set())  # a surname alone ("Duterte")
        elif len(words) >= 3 and not is_first_name(words[1]):
            # a name given with a second surname ("Raúl Castro Ruz") is the person the cluster
            # names by the first two ("Raul Castro"); not a second given name ("Juan Carlos
            # Varela" is not "Juan Carlos")
            codes = in_full.get(" ".join(words[:2]), set())
        else:
            return party  # not "Simon Harris" or "Felipe VI"
        return replace(party, country_code=next(iter(codes))) if len(codes) == 1 else party

    parties = tuple(countried(p) for p in report.parties)
    return report if parties == report.parties else replace(report, parties=parties)


def _bodies_by_initials(report: Report, members: Sequence[Report]) -> Report:
    """A body one outlet writes as initials and another spells out ("TPLF", "Tigray People's
    Liberation Front") is one body: the report names it as the cluster does. Two names spelled
    out are never matched by their initials ("Communist Party of China" and "... of Cuba")."""
    theirs = [p for m in members for p in m.parties if p.kind == "organization"]

    def as_theirs(party: Party) -> Party:
        if party.kind != "organization" or party.country_code:
            return party
        mine, short = _initials(party.name), _acronym(party.name)
        for other in theirs:
            if (short and _initials(other.name) == short) or (
                mine and _acronym(other.name) == mine
            ):
                return replace(party, name=other.name)
        return party

    parties = tuple(as_theirs(p) for p in report.parties)
    return report if parties == report.parties else replace(report, parties=parties)


def _named_together(report: Report, member: Report, members: Sequence[Report]) -> bool:
    """Two outlets that each name a different part of one list of sides do not contradict each
    other when a third member names the whole list ("France and Saudi Arabia" and "the UN", of
    the conference France and Saudi Arabia chaired at the UN): outlets name the sides they care
    about. A side the third member does not name still contradicts."""
    both = report.sides | member.sides
    return any(other.firmly_dated and both <= other.sides for other in members)


def closeness(report: Report, members: Sequence[Report]) -> float:
    """How exactly the report matches a cluster it may join: the same day, place and sides."""
    score = 0
    for m in members:
        score += (
            report.date is not None and report.date == m.date and report.precision == m.precision
        )
        score += bool(report.place and m.place and report.place.key == m.place.key)
        score += bool(report.sides) and report.sides == m.sides
    return score / len(members)


def best_cluster(
    report: Report, clusters: Mapping[int, Sequence[Report]]
) -> tuple[int | None, Verdict, dict[int, Verdict]]:
    """The cluster the report joins (None: it starts its own), the verdict, and every
    candidate's verdict (the refusals explain why a report was not merged)."""
    verdicts = {cid: join(report, members) for cid, members in clusters.items()}
    fitting = [cid for cid, v in verdicts.items() if v.same]
    if not fitting:
        return None, Verdict(False, "new"), verdicts
    # The closest cluster; on a tie the oldest, so that replaying the reports gives the same result.
    chosen = min(fitting, key=lambda cid: (-closeness(report, clusters[cid]), cid))
    return chosen, verdicts[chosen], verdicts


def representative(members: Sequence[Report]) -> Representative:
    """A cluster's fields. The first day-precise date stays (a later report never rewrites
    it), else the most precise; status only moves forward; outcomes and topics accumulate;
    a place inside a country wins over the country alone; confidence is the surest report's."""
    assert members, "a cluster has at least one report"
    first = members[0]
    dated = [m for m in members if m.date]
    finest = min(dated, key=lambda m: PRECISION_DAYS.get(m.precision or "day", 1), default=None)
    status = max(
        (m.status for m in members if m.status), key=STATUS_ORDER.__getitem__, default=None
    )
    # where it was held before where it was to be held; a city before its country
    places = [m.place for m in members if m.place and m.status in HELD] + [
        m.place for m in members if m.place and m.status not in HELD
    ]
    first_place = places[0] if places else None
    # a city wins over its own country only: a city the plan named elsewhere is no detail of it
    place = next(
        (p for p in places if not p.is_country and places_agree(p, first_place)), first_place
    )
    return Representative(
        type=first.type,
        kind=first.kind,
        mode=next((m.mode for m in members if m.mode), None),
        date=finest.date if finest else None,
        precision=finest.precision if finest else None,
        status=status,
        place=place,
        topics=_union(m.topics for m in members),
        excluded_topics=_union(m.excluded_topics for m in members),
        outcome="; ".join(_union((m.outcome,) for m in members if m.outcome)) or None,
        content=next((m.content for m in members if m.content), None),
        # The surest report, not a combination: outlets copy one wire story (and its extraction
        # errors), so several reports are not independent evidence that the event happened.
        confidence=max(m.confidence for m in members),
        disputed=disputed(members),
    )


def disputed(members: Sequence[Report]) -> tuple[str, ...]:
    """The fields on which the members' own versions differ: date, place, status."""
    out = []
    days = {_shown_date(m) for m in members if m.date}
    # A coarser date containing a finer one ("May 2025", "2025-05-16") is not a disagreement.
    if len({d for d in days if not any(o != d and o.startswith(d) for o in days)}) > 1:
        out.append("date")
    places = [m.place for m in members if m.place]
    if any(places_agree(p, q) is False for p in places for q in places):
        out.append("place")
    if len({m.status for m in members if m.status}) > 1:
        out.append("status")
    return tuple(out)


def _shown_date(report: Report) -> str:
    assert report.date is not None
    return shown_date(report.date, report.precision)


def _union(groups: Iterable[Iterable[str]]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(item for group in groups for item in group))
