"""Store rows -> answer items: one talk, agreement, event or statement with its citations."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from bot.answer.model import Citation, Field, Item
from bot.facts import public_date, shown_date
from bot.store.rows import (
    DetailedEvent,
    DetailedStatement,
    EventRow,
    EventSource,
    Participant,
    Place,
    Source,
    StatementRow,
)

KIND_LABELS = {
    "talks": "Talks",
    "negotiations": "Negotiations",
    "meeting": "Meeting",
    "phone_call": "Phone call",
    "visit": "Visit",
    "summit": "Summit",
    "conference": "Conference",
    "agreement": "Agreement",
}


def citations(sources: Sequence[Source]) -> list[Citation]:
    return [
        Citation(
            title=s.title, source=s.source, published=s.published, url=s.url, evidence=s.evidence
        )
        for s in sources
    ]


def public_sources(sources: Sequence[Source]) -> list[dict[str, Any]]:
    """INTERFACE.md's source object: title, source, url (when there is one) and published."""
    public = []
    for s in sources:
        entry: dict[str, Any] = {"title": s.title, "source": s.source, "published": s.published}
        if s.url:
            entry["url"] = s.url
        public.append(entry)
    return public


def public_participant(participant: Participant) -> dict[str, Any]:
    """INTERFACE.md's participant: name, kind and, when known, country_code."""
    found = {"name": participant.name, "kind": participant.kind}
    if participant.country_code:
        found["country_code"] = participant.country_code
    return found


def public_location(place: Place | None) -> dict[str, Any] | None:
    """INTERFACE.md's location: name and, when known, country_code and detail."""
    if place is None:
        return None
    found = {"name": place.name}
    if place.country_code:
        found["country_code"] = place.country_code
    if place.detail:
        found["detail"] = place.detail
    return found


def _rounded(confidence: float | None) -> float:
    """As `extract --json` gives it; a row without one predates confidences and was shown (1.0)."""
    return round(confidence if confidence is not None else 1.0, 3)


def source_label(source: Source) -> str:
    return source.source or source.title


def claim(source: EventSource, field: str) -> str:
    """What one source itself said about a disputed field (date at its own precision)."""
    if field == "date":
        day = source.claimed_date
        if not day:
            return "–"
        return shown_date(day, source.claimed_date_precision)
    value = {"place": source.claimed_location, "status": source.claimed_status}.get(field)
    return value or "–"


def disagreements(event: DetailedEvent) -> dict[str, list[dict[str, str]]]:
    """For each field the event's sources disagree on (the store decides which: bot.identity),
    every source's own value, side by side."""
    return {
        field: [{"source": source_label(s), "value": claim(s, field)} for s in event.sources]
        for field in event.disputed
    }


def _participants(event: DetailedEvent) -> str:
    return " – ".join(p.name for p in event.participants) or "participants not named"


def _place(event: EventRow) -> str | None:
    location = event.location
    if location is None:
        return None
    if location.detail:
        return f"{location.name} ({location.detail})"
    return location.name


def _when(event: EventRow) -> str:
    date = event.date
    if not date:
        return "date not given"
    return shown_date(date, event.date_precision)


def event_json(event: DetailedEvent) -> dict[str, Any]:
    """INTERFACE.md's event object, as `extract --json` gives it, with the event's sources."""
    first = event.sources[0] if event.sources else None
    day, precision = public_date(event.date, event.date_precision)
    data: dict[str, Any] = {"type": event.type, "kind": event.kind}
    if event.mode is not None:  # mode, outcome and content only when known, as `extract --json`
        data["mode"] = event.mode
    data.update(
        participants=[public_participant(p) for p in event.participants],
        location=public_location(event.location),
        date=day,
        date_precision=precision,
        status=event.status,
        topics=list(event.topics),
        excluded_topics=list(event.excluded_topics),
    )
    if event.outcome is not None:
        data["outcome"] = event.outcome
    if event.content is not None:
        data["content"] = event.content
    data.update(
        evidence=event.evidence,
        confidence=_rounded(event.confidence),
        # Character offsets into the first source's text (each source has its own).
        evidence_start=first.evidence_start if first else None,
        evidence_end=first.evidence_end if first else None,
        sources=public_sources(event.sources),
    )
    return data


def event_item(event: DetailedEvent) -> Item:
    label = KIND_LABELS.get(event.kind, event.type.title())
    heading = f"{label}: {_participants(event)}"
    place = _place(event)
    fields = [Field("When", _when(event))]
    if place:
        fields.append(Field("Where", place))
    if event.status:
        fields.append(Field("Status", event.status))
    if event.topics:
        fields.append(Field("Agenda", "; ".join(event.topics)))
    if event.excluded_topics:
        fields.append(Field("Not on the agenda", "; ".join(event.excluded_topics)))
    if event.content:
        fields.append(Field("Terms", event.content))
    if event.outcome:
        fields.append(Field("Outcome", event.outcome))
    if event.source_count > 1:
        fields.append(Field("Reported by", f"{event.source_count} sources"))
    disputes = disagreements(event)
    for field, claims in disputes.items():
        side_by_side = " · ".join(f"{c['source']} {c['value']}" for c in claims)
        fields.append(Field(f"Sources disagree on {field}", side_by_side))
    data = event_json(event)
    if disputes:
        data["disagreements"] = disputes
    return Item(
        heading=heading, body="", fields=fields, citations=citations(event.sources), data=data
    )


def speaker_label(statement: StatementRow) -> str:
    name = statement.speaker or statement.speaker_text or "unnamed source"
    extras = [x for x in (statement.speaker_title, statement.speaker_country) if x]
    return f"{name} ({', '.join(extras)})" if extras else name


def statement_json(statement: DetailedStatement) -> dict[str, Any]:
    """INTERFACE.md's statement object, as `extract --json` gives it, with its sources."""
    first = statement.sources[0] if statement.sources else None
    return {
        "speaker": statement.speaker,
        "speaker_text": statement.speaker_text,
        "speaker_kind": statement.speaker_kind,
        "speaker_title": statement.speaker_title,
        "speaker_country": statement.speaker_country,
        "verb": statement.verb,
        "content": statement.content,
        "quote": statement.quote,
        "evidence": statement.evidence,
        "date": statement.date,
        "confidence": _rounded(statement.confidence),
        # Character offsets into the first source's text (each source has its own).
        "content_start": first.content_start if first else None,
        "content_end": first.content_end if first else None,
        "sources": public_sources(statement.sources),
    }


def statement_item(statement: DetailedStatement) -> Item:
    content = statement.content
    if statement.quote == "direct":
        content = f"“{content}”"
    verb = statement.verb or "say"
    fields = [Field("When", statement.date or "date not given"), Field("Cue", verb)]
    if statement.source_count > 1:
        fields.append(Field("Reported by", f"{statement.source_count} sources"))
    return Item(
        heading=speaker_label(statement),
        body=content,
        fields=fields,
        citations=citations(statement.sources),
        data=statement_json(statement),
    )
