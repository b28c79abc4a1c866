"""An article's events while they are assembled: each mention of an event (its trigger and what
its own clause says), and the draft that gathers the mentions of one event, with the readings
the assembly rules share."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date as calendar_day

from spacy.tokens import Span, Token

from bot.extract.entities import Cluster
from bot.extract.events.triggers import Trigger
from bot.facts import Location
from bot.identity import Place, places_agree


@dataclass
class Mention:
    trigger: Trigger
    sent: Span
    date: tuple[str, str] | None = None
    location: Location | None = None
    participants: list[Cluster] = field(default_factory=list)
    status: str | None = None
    topics: list[str] = field(default_factory=list)
    excluded: list[str] = field(default_factory=list)
    content: str | None = None
    venue: Location | None = None  # a city named on what was agreed, see venue_of_terms
    group_subject: bool = False  # "both sides agreed": participants come from the linked talks
    occasion: Token | None = None  # the gathering the act was done at ("signed during the visit")
    unknown_side: bool = False  # its clause names a side no entity stands for (see arguments)
    convened: Cluster | None = None  # the body whose members met as the body (see arguments)
    # its day is only the day its dateline was filed, not told by its own words
    date_filed: bool = False


@dataclass
class Draft:
    """The mentions of one event in an article; the first one started it."""

    mentions: list[Mention]
    outcome: list[str] = field(default_factory=list)
    borrowed: set[str] = field(
        default_factory=set
    )  # fields taken from an occasion, not its own text


def dated(draft: Draft) -> bool:
    return any(m.date for m in draft.mentions)


def told_date(mentions: list[Mention]) -> tuple[str, str] | None:
    """The first date the mentions' own words give, else the dateline's day one was given:
    "OTTAWA, Feb 13 - X and Y agreed ... They met on Wednesday" happened on Wednesday. A day
    told of a week told first is the day ("held talks last week ... met on January 14")."""
    first = next((m.date for m in mentions if m.date and not m.date_filed), None) or next(
        (m.date for m in mentions if m.date), None
    )
    if first is not None and first[1] == "week":
        return next((m.date for m in mentions if day_in_week(first, m.date)), first)
    return first


def day_in_week(a: tuple[str, str] | None, b: tuple[str, str] | None) -> bool:
    """One date is a week ("last week") and the other a day of it."""
    if a is None or b is None or {a[1], b[1]} != {"day", "week"}:
        return False
    (week, _), (day, _) = (a, b) if a[1] == "week" else (b, a)
    start = calendar_day.fromisoformat(week).toordinal()
    return start <= calendar_day.fromisoformat(day).toordinal() <= start + 6


def draft_place(draft: Draft) -> Location | None:
    return next((m.location for m in draft.mentions if m.location), None)


def places_differ(a: Location | None, b: Location | None) -> bool:
    """Two named places that cannot be the same: Muscat is in Oman, and a palace of unknown
    country may be in the city (the cross-article rule, `places_agree`, read within one article)."""
    if a is None or b is None:
        return False
    return (
        places_agree(Place.named(a.name, a.country_code), Place.named(b.name, b.country_code))
        is False
    )


def stages_differ(a: str | None, b: str | None) -> bool:
    """One still to come, the other under way or held: two rounds, not one told twice."""
    return bool(a and b) and (a == "planned") != (b == "planned")


ORDINALS = {
    word: n
    for n, words in enumerate(
        [
            ("first", "1st"),
            ("second", "2nd"),
            ("third", "3rd"),
            ("fourth", "4th"),
            ("fifth", "5th"),
            ("sixth", "6th"),
            ("seventh", "7th"),
            ("eighth", "8th"),
            ("ninth", "9th"),
            ("tenth", "10th"),
        ],
        start=1,
    )
    for word in words
}


def round_number(trigger: Trigger) -> int | None:
    """The number of the round a mention names ("the second round of talks", "their third
    meeting"), None when it names none."""
    token = trigger.token
    nouns = [token]
    if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.pos_ == "NOUN":
        nouns.append(token.head.head)  # "round" in "the second round of talks"
    for noun in nouns:
        # "his first visit since 2022", "their first talks in six years": the first in a while,
        # not the first of a series
        # (a round is counted: "the first round since 2018" opens a series)
        in_a_while = noun.lemma_ != "round" and any(_a_while(c) for c in noun.children)
        for child in noun.children:
            if child.dep_ == "amod" and child.lower_ in ORDINALS:
                if child.lower_ == "first" and in_a_while:
                    continue
                return ORDINALS[child.lower_]
    return None


def _a_while(prep: Token) -> bool:
    """ "since 2022", "in six years": a span of time, not a place ("in Singapore")."""
    if prep.dep_ != "prep" or prep.lower_ not in ("since", "in"):
        return False
    if prep.lower_ == "since":
        return True
    spans = {"year", "decade", "month", "week", "generation", "time", "while"}
    return any(c.dep_ == "pobj" and c.lemma_.lower() in spans for c in prep.children)


def rounds_differ(a: Draft, b: Draft | Mention) -> bool:
    """The first round and the second are two events, however alike their mentions."""
    ours = {n for m in a.mentions if (n := round_number(m.trigger)) is not None}
    others = b.mentions if isinstance(b, Draft) else [b]
    theirs = {n for m in others if (n := round_number(m.trigger)) is not None}
    return bool(ours and theirs) and not ours & theirs


def recent(when: tuple[str, str], published: str | None, days: int = 7) -> bool:
    """Dated within a week of publication: the news of the day, not history."""
    if published is None:
        return False
    return (
        abs((calendar_day.fromisoformat(when[0]) - calendar_day.fromisoformat(published)).days)
        <= days
    )


def draft_status(draft: Draft) -> str | None:
    return next((m.status for m in draft.mentions if m.status), None)


def draft_participants(draft: Draft) -> list[Cluster]:
    seen: list[Cluster] = []
    for m in draft.mentions:
        for p in m.participants:
            if p not in seen:
                seen.append(p)
    return seen


def country_code(cluster: Cluster) -> str | None:
    return (
        cluster.code
        if cluster.kind == "country"
        else (cluster.country.code if cluster.country else None)
    )
