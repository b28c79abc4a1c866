"""The answers a user must get from the seed article (seed_gold.json `answers`), checked on the
plain-text, Slack and Discord renderings."""

from __future__ import annotations

import json
import re

import pytest
from typer.testing import CliRunner

from bot.answer.model import Answer
from bot.answer.render_discord import render_discord
from bot.answer.render_slack import render_slack
from bot.answer.render_text import render_text


def slack_text(answer: Answer) -> str:
    message = render_slack(answer)
    return json.dumps(message.blocks, ensure_ascii=False) + message.text


def discord_text(answer: Answer) -> str:
    message = render_discord(answer)
    return (message.content or "") + json.dumps(message.embeds, ensure_ascii=False)


RENDERERS = {"text": render_text, "slack": slack_text, "discord": discord_text}


def in_order(text: str, *needles: str) -> bool:
    positions = [text.find(n) for n in needles]
    return all(p >= 0 for p in positions) and positions == sorted(positions)


@pytest.mark.parametrize("renderer", sorted(RENDERERS))
async def test_latest_talks_lists_istanbul_then_saudi_arabia_then_the_phone_call(
    seeded_engine, renderer
):
    answer = await seeded_engine.answer("latest talks")
    events = [item.data for item in answer.items]
    assert [e["date"] for e in events] == ["2025-02-27", "2025-02-18", "2025-02-12"]
    assert events[0]["location"]["name"] == "Istanbul" and events[0]["status"] == "ongoing"
    assert events[1]["location"]["name"] == "Saudi Arabia" and events[1]["status"] == "concluded"
    assert events[2]["kind"] == "phone_call" and {p["name"] for p in events[2]["participants"]} == {
        "Vladimir Putin",
        "Donald Trump",
    }
    assert all(e["sources"] and e["sources"][0]["source"] == "Caliber.Az" for e in events)
    text = RENDERERS[renderer](answer)
    assert in_order(text, "Istanbul", "Saudi Arabia", "Phone call")
    assert in_order(text, "2025-02-27", "2025-02-18", "2025-02-12")
    for word in ("Russia", "United States", "ongoing", "concluded", "Caliber.Az"):
        assert word in text


@pytest.mark.parametrize("renderer", sorted(RENDERERS))
async def test_who_said_what_gives_all_five_statements_with_speaker_title_and_source(
    seeded_engine, renderer
):
    answer = await seeded_engine.answer("who said what")
    statements = [item.data for item in answer.items]
    # A page holds five; the gold statements are all on it.
    speakers = [s["speaker"] for s in statements]
    assert sorted(speakers) == sorted(
        ["Sergey Lavrov", "Sergey Lavrov", "Marco Rubio", "Vladimir Putin", "US State Department"]
    )
    text = RENDERERS[renderer](answer)
    for needle in (
        "Sergey Lavrov",
        "Foreign Minister",
        "Marco Rubio",
        "Secretary of State",
        "Vladimir Putin",
        "President",
        "US State Department",
        "provide clarity",
        "instrumental",
        "restore embassy staffing levels",
        "normal operation",
        "not cover Ukraine",
        "Caliber.Az",
    ):
        assert needle in text, needle


@pytest.mark.parametrize("renderer", sorted(RENDERERS))
async def test_what_did_lavrov_say_gives_exactly_his_two_statements(seeded_engine, renderer):
    answer = await seeded_engine.answer("what did Lavrov say")
    assert [item.data["speaker"] for item in answer.items] == ["Sergey Lavrov", "Sergey Lavrov"]
    text = RENDERERS[renderer](answer)
    assert "provide clarity" in text and "instrumental" in text
    assert "Rubio" not in text and "Putin" not in text


@pytest.mark.parametrize("renderer", sorted(RENDERERS))
async def test_who_said_what_about_embassy_staffing_puts_rubio_first(seeded_engine, renderer):
    answer = await seeded_engine.answer("who said what about embassy staffing")
    assert answer.items[0].data["speaker"] == "Marco Rubio"
    text = RENDERERS[renderer](answer)
    assert "Marco Rubio" in text and "restore embassy staffing levels" in text


@pytest.mark.parametrize(
    "query",
    ["what did sergei lavrov say", "what did LAVROV say", "what did Lavrv say", "quotes Lavrov"],
)
async def test_names_are_matched_forgivingly(seeded_engine, query):
    answer = await seeded_engine.answer(query)
    assert [item.data["speaker"] for item in answer.items] == ["Sergey Lavrov", "Sergey Lavrov"]


async def test_talks_between_two_countries_by_any_of_their_names(seeded_engine):
    for query in (
        "latest talks between Russia and the US",
        "talks with U.S. and Russian Federation",
        "talks between USA and Russia",
    ):
        answer = await seeded_engine.answer(query)
        assert {item.data["date"] for item in answer.items} == {"2025-02-27", "2025-02-18"}, query


async def test_agreements_and_their_terms(seeded_engine):
    answer = await seeded_engine.answer("agreements between Russia and the United States")
    terms = " ".join(item.data.get("content") or "" for item in answer.items)
    assert "restore embassy staffing levels" in terms and "normal operation" in terms


async def test_profile_gives_title_country_and_latest_statements(seeded_engine):
    answer = await seeded_engine.answer("who is sergei lavrov")
    text = render_text(answer)
    assert answer.intent == "profile"
    assert "Foreign Minister" in text and "Russia" in text and "provide clarity" in text


async def test_brief_has_talks_agreements_and_key_statements_with_sources(seeded_engine):
    answer = await seeded_engine.answer("brief")
    titles = [s.title for s in answer.sections]
    assert titles[:2] == ["Talks", "Agreements"] and "Key statements" in titles
    key = next(s for s in answer.sections if s.title == "Key statements")
    assert key.items[0].data["speaker"] == "Vladimir Putin"  # the head of state ranks first
    assert all(item.citations for item in answer.items)


async def test_paging_with_more(seeded_engine):
    from bot.answer.model import Conversation

    here = Conversation(channel="c1")
    first = await seeded_engine.answer("who said what", here)
    assert first.total > 5 or first.note is None
    seeded_engine.settings.page_size = 2
    first = await seeded_engine.answer("who said what", here)
    second = await seeded_engine.answer("more", here)
    elsewhere = await seeded_engine.answer("more", Conversation(channel="c2"))
    assert "say `more`" in first.note
    assert {i.data["content"] for i in first.items}.isdisjoint(
        {i.data["content"] for i in second.items}
    )
    assert not elsewhere.ok


async def test_search_and_sources(seeded_engine):
    found = await seeded_engine.answer('search "staffing levels"')
    assert "Marco Rubio" in render_text(found)
    sources = await seeded_engine.answer("sources")
    assert sources.items[0].data == {"source": "Caliber.Az", "articles": 1, "latest": "2025-02-27"}


@pytest.mark.parametrize(
    "query",
    [
        "",
        "   ",
        "x" * 10_000,
        '"',
        "*",
        "embassy OR",
        "--",
        ";",
        "'); DROP TABLE articles; --",
        'search "NEAR(a b)"',
        "search *",
        'who said what about """',
        "<@U123>",
        "@everyone latest talks",
        "🇺🇦🤝🇷🇺",
        "переговоры в Стамбуле",
        "مفاوضات",
        "events",
        "events foo",
        "timeline",
        "who is",
        "unsubscribe x",
        "what did nobody say",
    ],
)
async def test_odd_queries_get_an_answer_never_an_exception(seeded_engine, query):
    answer = await seeded_engine.answer(query)
    text = render_text(answer)
    assert answer.title and text
    assert "@everyone" not in text and "<@U123>" not in text
    assert "Traceback" not in text


def test_ask_json_has_the_interface_shape(seeded_db, monkeypatch):
    from bot.cli import app

    monkeypatch.setenv("BRIEFBOT_DB", str(seeded_db))
    result = CliRunner().invoke(app, ["ask", "latest talks", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data) == {"query", "intent", "items", "text"} and data["intent"] == "latest_talks"
    first = data["items"][0]
    for key in (
        "type",
        "kind",
        "participants",
        "location",
        "date",
        "status",
        "topics",
        "excluded_topics",
        "evidence",
        "sources",
    ):
        assert key in first, key
    assert first["date_precision"] == "day" and first["evidence_end"] > first["evidence_start"]
    statement = json.loads(CliRunner().invoke(app, ["ask", "who said what", "--json"]).output)[
        "items"
    ][0]
    for key in (
        "speaker",
        "speaker_text",
        "verb",
        "content",
        "quote",
        "evidence",
        "date",
        "content_start",
        "content_end",
    ):
        assert key in statement, key
    assert first["sources"][0] == {
        "title": "Russia-US talks commence in Istanbul to address embassy issues",
        "source": "Caliber.Az",
        "published": "2025-02-27",
    }
    assert re.search(r"Istanbul", data["text"])
