"""Hand-built articles and facts for store tests: no spaCy, every field chosen by the test.

The wording is invented for the tests; the countries are real so that codes mean something.
"""

from __future__ import annotations

from itertools import count

from bot.facts import Entity, Event, Extraction, Location, Participant, Statement
from bot.ingest.article import Article
from bot.store import rows

COUNTRIES = {
    "ARM": "Armenia",
    "AZE": "Azerbaijan",
    "FIN": "Finland",
    "EST": "Estonia",
    "SRB": "Serbia",
    "XKX": "Kosovo",
    "OMN": "Oman",
    "NOR": "Norway",
    "CHL": "Chile",
    "PER": "Peru",
}
_serial = count(1)


def country(code: str) -> Participant:
    return Participant(COUNTRIES[code], "country", code)


def person(name: str, code: str | None) -> Participant:
    return Participant(name, "person", code)


def talks(
    *sides: Participant,
    date: str | None,
    place: str | None = None,
    place_code: str | None = None,
    precision: str | None = "day",
    kind: str = "talks",
    type: str = "CONSULT",
    status: str | None = None,
    outcome: str | None = None,
    confidence: float = 0.9,
    evidence: str = "The delegations met.",
) -> Event:
    return Event(
        type=type,
        kind=kind,
        participants=list(sides),
        evidence=evidence,
        evidence_start=0,
        evidence_end=len(evidence),
        location=Location(place, place_code or _code_of(place)) if place else None,
        date=date,
        date_precision=precision if date else None,
        status=status,
        outcome=outcome,
        confidence=confidence,
    )


def said(
    speaker: str, content: str, *, confidence: float = 0.9, date: str | None = None
) -> Statement:
    return Statement(
        speaker=speaker,
        speaker_text=speaker,
        speaker_kind="person",
        verb="say",
        content=content,
        content_start=0,
        content_end=len(content),
        quote="indirect",
        evidence=f"{speaker} said {content}.",
        date=date,
        confidence=confidence,
    )


def article(source: str, published: str, *, title: str | None = None) -> Article:
    """A distinct article each call (its text differs), so the store never takes it for a
    duplicate."""
    n = next(_serial)
    title = title or f"{source} report {n}"
    return Article(
        title=title, text=f"{title}. Invented text number {n}.", source=source, published=published
    )


def extraction(*events: Event, statements: tuple[Statement, ...] = ()) -> Extraction:
    """The facts of one article, with an entity for every participant and speaker named."""
    entities: dict[str, Entity] = {}
    for ev in events:
        for p in ev.participants:
            entities.setdefault(p.name, Entity(p.name, p.kind, country_code=p.country_code))  # type: ignore[arg-type]
    for st in statements:
        if st.speaker:
            entities.setdefault(st.speaker, Entity(st.speaker, "person"))
    return Extraction(
        id=None,
        title=None,
        published=None,
        entities=list(entities.values()),
        statements=list(statements),
        events=list(events),
    )


def _code_of(place: str) -> str | None:
    """A capital's country, as extraction gives it ("Riga" is in Latvia)."""
    from bot.extract.countries import country_index

    found = country_index().match(place)
    return found.country.code if found else None


def detailed_event(date: str | None, kind: str = "talks", *names: str) -> rows.DetailedEvent:
    """An event as the store returns it (for code that reads events without a store: charts)."""
    return rows.DetailedEvent(
        id=next(_serial),
        type="CONSULT",
        kind=kind,
        mode=None,
        date=date,
        date_precision="day",
        status="concluded",
        location=None,
        topics=(),
        excluded_topics=(),
        outcome=None,
        content=None,
        confidence=1.0,
        disputed=(),
        first_seen="2025-01-01T00:00:00.000000+00:00",
        updated_at="2025-01-01T00:00:00.000000+00:00",
        source_count=1,
        participants=tuple(rows.Participant(name, "country", None) for name in names),
        sources=(),
    )
