"""Confidence: every fact is stored with it; answers show only facts at or above the setting."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from bot.engine import Engine
from tests.conftest import make_settings
from tests.store.builders import article, country, extraction, said, talks


async def _engine(db, **settings) -> Engine:
    return await Engine.open(make_settings(db, **settings), load_model=False)


async def _store_sure_and_unsure_facts(engine: Engine) -> None:
    sure = talks(
        country("FIN"),
        country("EST"),
        date="2025-03-04",
        place="Tallinn",
        status="concluded",
        confidence=0.8,
    )
    unsure = talks(
        country("SRB"),
        country("XKX"),
        date="2025-03-04",
        place="Brussels",
        status="concluded",
        confidence=0.2,
    )
    await engine.store.save(
        article("Baltic Ledger", "2025-03-05"),
        extraction(
            sure,
            unsure,
            statements=(
                said("Anna Lind", "the ferry link will reopen", confidence=0.7, date="2025-03-04"),
                said("Jon Vale", "the bridge is a gift", confidence=0.1, date="2025-03-04"),
            ),
        ),
    )


async def test_facts_below_the_minimum_confidence_are_stored_but_not_answered(fresh_db):
    async with await _engine(fresh_db, BRIEFBOT_MIN_CONFIDENCE=0.5) as engine:
        await _store_sure_and_unsure_facts(engine)
        everything, _ = await engine.store.events(limit=10)
        talks_answer = await engine.answer("latest talks")
        said_answer = await engine.answer("who said what")
        brief = await engine.answer("brief since 2025-03-01")

    assert {e.confidence for e in everything} == {0.8, 0.2}  # both kept
    assert [i.data["location"]["name"] for i in talks_answer.items] == ["Tallinn"]
    assert talks_answer.items[0].data["confidence"] == 0.8
    assert [i.data["speaker"] for i in said_answer.items] == ["Anna Lind"]
    assert said_answer.items[0].data["confidence"] == 0.7
    shown = json.dumps([i.data for i in brief.items])
    assert "Tallinn" in shown and "Anna Lind" in shown
    assert "Brussels" not in shown and "Jon Vale" not in shown


async def test_a_lower_minimum_shows_the_unsure_facts_too(fresh_db):
    async with await _engine(fresh_db, BRIEFBOT_MIN_CONFIDENCE=0.1) as engine:
        await _store_sure_and_unsure_facts(engine)
        answer = await engine.answer("latest talks")
    assert sorted(i.data["location"]["name"] for i in answer.items) == ["Brussels", "Tallinn"]


async def test_a_fact_exactly_at_the_minimum_is_shown(fresh_db):
    async with await _engine(fresh_db, BRIEFBOT_MIN_CONFIDENCE=0.8) as engine:
        await _store_sure_and_unsure_facts(engine)
        answer = await engine.answer("latest talks")
    assert [i.data["location"]["name"] for i in answer.items] == ["Tallinn"]


async def test_a_statement_reported_again_keeps_the_higher_confidence(fresh_db):
    async with await _engine(fresh_db) as engine:
        quote = "the ferry link will reopen"
        await engine.store.save(
            article("Baltic Ledger", "2025-03-05"),
            extraction(statements=(said("Anna Lind", quote, confidence=0.3),)),
        )
        await engine.store.save(
            article("Harbour Post", "2025-03-05"),
            extraction(statements=(said("Anna Lind", quote, confidence=0.75),)),
        )
        rows, _ = await engine.store.statements(limit=5)
    assert len(rows) == 1 and rows[0].confidence == 0.75 and len(rows[0].sources) == 2


def test_ask_json_items_carry_their_confidence(fresh_db, monkeypatch):
    import asyncio

    from bot.cli import app

    async def fill() -> None:
        async with await _engine(fresh_db) as engine:
            await _store_sure_and_unsure_facts(engine)

    asyncio.run(fill())
    monkeypatch.setenv("BRIEFBOT_DB", str(fresh_db))
    monkeypatch.setenv("BRIEFBOT_MIN_CONFIDENCE", "0.5")
    result = CliRunner().invoke(app, ["ask", "latest talks", "--json"])
    assert result.exit_code == 0, result.output
    assert [item["confidence"] for item in json.loads(result.stdout)["items"]] == [0.8]


def test_the_minimum_confidence_must_lie_between_zero_and_one(tmp_path):
    import pytest
    from pydantic import ValidationError

    with pytest.raises(ValidationError):
        make_settings(tmp_path / "x.db", BRIEFBOT_MIN_CONFIDENCE=1.5)
