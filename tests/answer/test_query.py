"""The command language: what each phrasing means, and that no text can break the parser."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.answer.query import MAX_QUERY_CHARS, parse

TODAY = date(2025, 2, 27)


@pytest.mark.parametrize(
    ("text", "intent", "names", "topic", "since"),
    [
        ("latest talks", "latest_talks", (), None, None),
        (
            "Latest talks between Russia and US about embassies since 2025-02-01",
            "latest_talks",
            ("Russia", "US"),
            "embassies",
            "2025-02-01",
        ),
        ("talks with Lavrov this week", "latest_talks", ("Lavrov",), None, "2025-02-24"),
        ("who said what about embassy staffing", "who_said_what", (), "embassy staffing", None),
        (
            "what did Sergei Lavrov say about Ukraine?",
            "who_said_what",
            ("Sergei Lavrov",),
            "Ukraine",
            None,
        ),
        ("quotes Putin", "who_said_what", ("Putin",), None, None),
        ("agreements between Russia and the US", "agreements", ("Russia", "the US"), None, None),
        ("timeline Russia and US", "timeline", ("Russia", "US"), None, None),
        ("who is Lavrov?", "profile", ("Lavrov",), None, None),
        ("brief since Feb 20 about embassies", "brief", (), "embassies", "2025-02-20"),
        ("brief about embassies since Feb 20", "brief", (), "embassies", "2025-02-20"),
        ("brief today", "brief", (), None, "2025-02-27"),
    ],
)
def test_phrasings(text, intent, names, topic, since):
    query = parse(text, today=TODAY)
    assert (query.intent, query.names, query.topic, query.since) == (intent, names, topic, since)


@pytest.mark.parametrize(
    ("text", "plover"),
    [
        ("events accusations", "ACCUSE"),
        ("events threats", "THREATEN"),
        ("sanctions against Russia", "SANCTION"),
        ("events ASSAULT", "ASSAULT"),
    ],
)
def test_event_types_by_plural_noun_or_plover_name(text, plover):
    assert parse(text, today=TODAY).plover_type == plover


def test_unknown_input_gets_the_closest_commands():
    query = parse("latest tlaks", today=TODAY)
    assert query.intent in ("unknown", "latest_talks")
    query = parse("gibberish words", today=TODAY)
    assert query.intent == "unknown" and query.suggestions


def test_mentions_are_dropped_before_parsing():
    assert parse("<@U123> @everyone <!channel> latest talks", today=TODAY).intent == "latest_talks"


@settings(max_examples=400, deadline=None)
@given(st.text(max_size=2000))
def test_any_text_parses_without_raising(text):
    query = parse(text, today=TODAY)
    assert query.intent
    assert len(query.text) <= MAX_QUERY_CHARS
    assert "@everyone" not in query.text and "<@" not in query.text
