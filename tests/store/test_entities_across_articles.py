"""Entities across articles: one person under two spellings, two people sharing a surname."""

from __future__ import annotations

import sqlite3

from bot.engine import Engine
from tests.conftest import make_settings


async def ingest_texts(tmp_path, extractor, texts: dict[str, str]) -> sqlite3.Connection:
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    engine = await Engine.open(make_settings(tmp_path / "e.db"), load_model=False)
    engine._extractor = extractor
    async with engine:
        report = await engine.ingest([tmp_path / n for n in texts])
        assert len(report.added) == len(texts)
    return sqlite3.connect(tmp_path / "e.db")


async def test_two_people_sharing_a_surname_stay_two(tmp_path, extractor):
    db = await ingest_texts(
        tmp_path,
        extractor,
        {
            "a.txt": "Biden speech\nFormer US President Joe Biden said that the alliance would"
            " hold. Biden added that it was strong.",
            "b.txt": "Hunter Biden case\nHunter Biden said that he had done nothing wrong.",
        },
    )
    people = {r[0] for r in db.execute("SELECT name FROM entities WHERE kind = 'person'")}
    assert {"Joe Biden", "Hunter Biden"} <= people
    speakers = {r[0] for r in db.execute("SELECT speaker FROM statements")}
    assert {"Joe Biden", "Hunter Biden"} <= speakers


async def test_the_same_statement_negated_is_a_different_statement(tmp_path, extractor):
    db = await ingest_texts(
        tmp_path,
        extractor,
        {
            "a.txt": "Lavrov on the proposal\nRussian Foreign Minister Sergey Lavrov said that"
            " Moscow will accept the proposal.",
            "b.txt": "Lavrov rejects\nRussian Foreign Minister Sergey Lavrov said that Moscow will"
            " not accept the proposal under any circumstances.",
        },
    )
    contents = sorted(r[0] for r in db.execute("SELECT content FROM statements"))
    assert len(contents) == 2, contents
