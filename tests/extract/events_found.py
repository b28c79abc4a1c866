"""The events the engine finds in a short text, as the interface's JSON, for the event tests."""

from __future__ import annotations

from bot.extract.extractor import ExtractRequest

PUBLISHED = "2025-02-27"  # a Thursday


def events(extractor, text: str, published: str = PUBLISHED) -> list[dict]:
    return extractor.extract(ExtractRequest("t", text, published)).to_json()["events"]


def of_type(extractor, text: str, type_: str, published: str = PUBLISHED) -> list[dict]:
    return [e for e in events(extractor, text, published) if e["type"] == type_]


def names(event: dict) -> set[str]:
    return {p["name"] for p in event["participants"]}


def shown(extractor, text: str, published: str = PUBLISHED) -> list[dict]:
    """The events an answer shows (at or above the default display line)."""
    return [e for e in events(extractor, text, published) if e["confidence"] >= 0.5]


def countries(event: dict) -> set[str]:
    return {p["country_code"] for p in event["participants"] if p["country_code"]}
