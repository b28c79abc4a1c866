"""Store rows -> answer items: one talk, agreement, event or statement with its citations."""

from __future__ import annotations

from typing import Any

from bot.answer.model import Citation, Field, Item
from bot.facts import public_precision

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
PUBLIC_EVENT_KEYS = (
    "type",
    "kind",
    "mode",
    "participants",
    "location",
    "date",
    "date_precision",
    "status",
    "topics",
    "excluded_topics",
    "outcome",
    "content",
    "evidence",
    "confidence",
)
PUBLIC_STATEMENT_KEYS = (
    "speaker",
    "speaker_text",
    "speaker_kind",
    "speaker_title",
    "speaker_country",
    "verb",
    "content",
    "quote",
    "evidence",
    "date",
    "confidence",
)


def citations(sources: list[dict[str, Any]]) -> list[Citation]:
    return [
        Citation(
            title=s["title"],
            source=s.get("source"),
            published=s.get("published"),
            url=s.get("url"),
            evidence=s.get("evidence"),
        )
        for s in sources
    ]


def public_sources(sources: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """INTERFACE.md's source object: title, source, url (when there is one) and published."""
    public = []
    for s in sources:
        entry = {"title": s["title"], "source": s.get("source"), "published": s.get("published")}
        if s.get("url"):
            entry["url"] = s["url"]
        public.append(entry)
    return public


def _offsets(sources: list[dict[str, Any]], *keys: str) -> dict[str, Any]:
    """Character offsets into the first source's text (each source has its own)."""
    first = sources[0] if sources else {}
    return {k: first.get(k) for k in keys}


def _rounded(confidence: float | None) -> float:
    """As `extract --json` gives it; a row without one predates confidences and was shown (1.0)."""
    return round(confidence if confidence is not None else 1.0, 3)


def source_label(source: dict[str, Any]) -> str:
    return source.get("source") or source["title"]


def claim(source: dict[str, Any], field: str) -> str:
    """What one source itself said about a disputed field (date at its own precision)."""
    if field == "date":
        day = source.get("claimed_date")
        if not day:
            return "–"
        return {"month": day[:7], "year": day[:4]}.get(
            source.get("claimed_date_precision") or "day", day
        )
    value = source.get("claimed_location" if field == "place" else f"claimed_{field}")
    return str(value) if value else "–"


def disagreements(event: dict[str, Any]) -> dict[str, list[dict[str, str]]]:
    """For each field the event's sources disagree on (the store decides which: bot.identity),
    every source's own value, side by side."""
    return {
        field: [{"source": source_label(s), "value": claim(s, field)} for s in event["sources"]]
        for field in event.get("disputed") or ()
    }


def _participants(event: dict[str, Any]) -> str:
    return " – ".join(p["name"] for p in event["participants"]) or "participants not named"


def _place(event: dict[str, Any]) -> str | None:
    location = event.get("location")
    if not location:
        return None
    place = location["name"]
    if location.get("detail"):
        place = f"{place} ({location['detail']})"
    return place


def _when(event: dict[str, Any]) -> str:
    date = event.get("date")
    if not date:
        return "date not given"
    return {"month": date[:7], "year": date[:4]}.get(event.get("date_precision") or "day", date)


def event_item(event: dict[str, Any]) -> Item:
    label = KIND_LABELS.get(event["kind"], event["type"].title())
    heading = f"{label}: {_participants(event)}"
    place = _place(event)
    fields = [Field("When", _when(event))]
    if place:
        fields.append(Field("Where", place))
    if event.get("status"):
        fields.append(Field("Status", event["status"]))
    if event.get("topics"):
        fields.append(Field("Agenda", "; ".join(event["topics"])))
    if event.get("excluded_topics"):
        fields.append(Field("Not on the agenda", "; ".join(event["excluded_topics"])))
    if event.get("content"):
        fields.append(Field("Terms", event["content"]))
    if event.get("outcome"):
        fields.append(Field("Outcome", event["outcome"]))
    if event.get("source_count", 0) > 1:
        fields.append(Field("Reported by", f"{event['source_count']} sources"))
    disputes = disagreements(event)
    for field, claims in disputes.items():
        side_by_side = " · ".join(f"{c['source']} {c['value']}" for c in claims)
        fields.append(Field(f"Sources disagree on {field}", side_by_side))
    data = {k: event.get(k) for k in PUBLIC_EVENT_KEYS}
    optional = ("mode", "outcome", "content")  # present only when known, as in `extract --json`
    data = {k: v for k, v in data.items() if v is not None or k not in optional}
    data["date_precision"] = public_precision(data.get("date_precision"))
    data["confidence"] = _rounded(event.get("confidence"))
    data.update(_offsets(event["sources"], "evidence_start", "evidence_end"))
    data["sources"] = public_sources(event["sources"])
    if disputes:
        data["disagreements"] = disputes
    return Item(
        heading=heading, body="", fields=fields, citations=citations(event["sources"]), data=data
    )


def speaker_label(statement: dict[str, Any]) -> str:
    name = statement.get("speaker") or statement.get("speaker_text") or "unnamed source"
    extras = [x for x in (statement.get("speaker_title"), statement.get("speaker_country")) if x]
    return f"{name} ({', '.join(extras)})" if extras else name


def statement_item(statement: dict[str, Any]) -> Item:
    content = statement["content"]
    if statement["quote"] == "direct":
        content = f"“{content}”"
    verb = statement.get("verb") or "say"
    fields = [Field("When", statement.get("date") or "date not given"), Field("Cue", verb)]
    if statement.get("source_count", 0) > 1:
        fields.append(Field("Reported by", f"{statement['source_count']} sources"))
    data = {k: statement.get(k) for k in PUBLIC_STATEMENT_KEYS}
    data["confidence"] = _rounded(statement.get("confidence"))
    data.update(_offsets(statement["sources"], "content_start", "content_end"))
    data["sources"] = public_sources(statement["sources"])
    return Item(
        heading=speaker_label(statement),
        body=content,
        fields=fields,
        citations=citations(statement["sources"]),
        data=data,
    )
