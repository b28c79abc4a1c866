"""The facts Briefbot extracts from an article: the one vocabulary shared by every stage.

Field names follow the extraction result in INTERFACE.md so that `to_json()` is the output shape.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from typing import Any, Literal

EntityKind = Literal["person", "organization", "country", "place", "media"]
QuoteKind = Literal["direct", "indirect", "mixed"]
Status = Literal["planned", "ongoing", "concluded"]

# Kinds of CONSULT that are the same sort of sitting-down together, so reports may call one
# event by any of them ("the talks", "the meeting", "the negotiations").
TALK_KINDS = frozenset({"talks", "negotiations", "meeting", "summit", "conference"})
# Gatherings of many: each report or mention names the few attendees it cares about.
GATHERING_KINDS = frozenset({"summit", "conference"})
# Across outlets a visit and the talks held during it are one occasion ("Carney visited the White
# House" / "Carney met Trump in the Oval Office"); within one article the writer keeps them apart.
OCCASION_KINDS = TALK_KINDS | {"visit"}
# Sittings-down of a few sides, not gatherings of many: "talks", "a meeting", "negotiations".
SITTING_KINDS = TALK_KINDS - GATHERING_KINDS

PLOVER_TYPES: tuple[str, ...] = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)


def public_date(day: str | None, precision: str | None) -> tuple[str | None, str | None]:
    """The interface knows day, month and year: a week ("last week") is its month when it lies
    within one month, its year when it spans two months of one year, and unknown when it spans
    a new year (28 December to 3 January is neither December nor January)."""
    if precision != "week" or day is None:
        return day, precision
    start = date.fromisoformat(day)
    end = start + timedelta(days=6)
    if start.month == end.month:
        return day, "month"
    if start.year == end.year:
        return day, "year"
    return None, None


def shown_date(day: str, precision: str | None) -> str:
    """A date as answers write it: the day, its month ("2025-02"), its year, or its week."""
    if precision == "week":
        return f"week of {day}"
    return {"month": day[:7], "year": day[:4]}.get(precision or "day", day)


def _drop_none(data: dict[str, Any], keep: tuple[str, ...] = ()) -> dict[str, Any]:
    return {k: v for k, v in data.items() if v is not None or k in keep}


@dataclass
class Entity:
    name: str
    kind: EntityKind
    title: str | None = None
    country: str | None = None
    country_code: str | None = None
    aliases: list[str] = field(default_factory=list)
    # the knowledge base's spelling of a person the article spells otherwise ("Abbas Araqchi"
    # for "Abbas Araghchi"): the article's facts keep its own, the store names the entity so
    canonical: str | None = None

    def to_json(self) -> dict[str, Any]:
        return _drop_none(asdict(self))


@dataclass
class Statement:
    speaker: str | None
    speaker_text: str
    speaker_kind: str | None
    verb: str
    content: str
    content_start: int
    content_end: int
    quote: QuoteKind
    evidence: str
    date: str | None = None
    speaker_title: str | None = None
    speaker_country: str | None = None
    content_spans: list[list[int]] | None = None
    # The engine's estimate that the statement is right, from how it was found (statements.py).
    confidence: float = 1.0

    def to_json(self) -> dict[str, Any]:
        return _drop_none(asdict(self), keep=("speaker", "speaker_kind", "date"))


@dataclass
class Participant:
    name: str
    kind: str
    country_code: str | None = None
    # True: a body whose members met as the body ("the G7 foreign ministers met"), not its head
    # meeting someone ("NATO's secretary general met X"); None otherwise (left out of the JSON)
    convened: bool | None = None

    def to_json(self) -> dict[str, Any]:
        return _drop_none(asdict(self))


@dataclass
class Location:
    name: str
    country_code: str | None = None
    detail: str | None = None

    def to_json(self) -> dict[str, Any]:
        return _drop_none(asdict(self))


@dataclass
class Event:
    type: str
    kind: str
    participants: list[Participant]
    evidence: str
    evidence_start: int
    evidence_end: int
    location: Location | None = None
    date: str | None = None
    date_precision: str | None = None
    status: Status | None = None
    topics: list[str] = field(default_factory=list)
    excluded_topics: list[str] = field(default_factory=list)
    mode: str | None = None
    outcome: str | None = None
    content: str | None = None
    # The engine's estimate that the event is right, from how it was found (events/confidence.py).
    confidence: float = 1.0

    def to_json(self) -> dict[str, Any]:
        shown = public_date(self.date, self.date_precision)
        data = {
            "type": self.type,
            "kind": self.kind,
            "participants": [p.to_json() for p in self.participants],
            "location": self.location.to_json() if self.location else None,
            "date": shown[0],
            "date_precision": shown[1],
            "status": self.status,
            "topics": list(self.topics),
            "excluded_topics": list(self.excluded_topics),
            "evidence": self.evidence,
            "evidence_start": self.evidence_start,
            "evidence_end": self.evidence_end,
            "confidence": round(self.confidence, 3),
        }
        for optional in ("mode", "outcome", "content"):
            if getattr(self, optional) is not None:
                data[optional] = getattr(self, optional)
        return data


@dataclass
class Extraction:
    """Everything extracted from one article."""

    id: str | None
    title: str | None
    published: str | None
    entities: list[Entity] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "published": self.published,
            "entities": [e.to_json() for e in self.entities],
            "statements": [s.to_json() for s in self.statements],
            "events": [e.to_json() for e in self.events],
        }
