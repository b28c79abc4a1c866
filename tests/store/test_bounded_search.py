"""Full-text search over a bounded set of candidates (issue 17), ranked the same on both backends:
the newest matches among the newest rows of the archive (`SEARCH_WINDOW`), or of the whole
archive when too few match there; more of the words first, then the shorter text, then the
newest. The window is lowered here so a handful of rows stand for a large archive."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from bot.store import sql, sql_postgres
from bot.store.store import Store
from tests.conftest import make_settings
from tests.store.builders import article, extraction, said

DAY = "2025-04-02"


async def _say(store: Store, *contents: str) -> None:
    """One statement an article, in this order (the last is the newest)."""
    for k, content in enumerate(contents):
        await store.save(
            article("Harbour Wire", DAY),
            extraction(statements=(said(f"Anna Lind{'q' * k}", content, date=DAY),)),
        )


def _window(monkeypatch: pytest.MonkeyPatch, rows: int, min_hits: int) -> None:
    for dialect in (sql, sql_postgres):
        monkeypatch.setattr(dialect, "SEARCH_WINDOW", rows)
        monkeypatch.setattr(dialect, "ARTICLE_SEARCH_WINDOW", rows)
        monkeypatch.setattr(dialect, "SEARCH_MIN_HITS", min_hits)


async def test_more_of_the_words_then_the_shorter_text_then_the_newest(fresh_db):
    async with await Engine.open(make_settings(fresh_db), load_model=False) as engine:
        await _say(
            engine.store,
            "ferry talks resume at the harbour today",
            "ferry talks resume",
            "ferry schedule",
            "talks again",
            "ferry crossing",  # as long as "ferry schedule", and newer
        )
        rows, total = await engine.store.statements(match='"ferry" "talks"')
        assert [r.content for r in rows] == [
            "ferry talks resume",
            "ferry talks resume at the harbour today",
        ]
        assert total == 2
        rows, total = await engine.store.statements(match='"ferry" OR "talks"')
        assert [r.content for r in rows] == [
            "ferry talks resume",
            "ferry talks resume at the harbour today",
            "talks again",
            "ferry crossing",
            "ferry schedule",
        ]
        assert total == 5
        _, total = await engine.store.statements(match='"ferry" OR "talks"', limit=2, offset=9)
        assert total == 5  # a page past the end still knows how many there are


async def test_the_newest_rows_first_and_the_whole_archive_for_a_rare_word(fresh_db, monkeypatch):
    _window(monkeypatch, rows=3, min_hits=2)
    async with await Engine.open(make_settings(fresh_db), load_model=False) as engine:
        await _say(
            engine.store,
            "the grain must wait",
            "ferry one",
            "ferry two",
            "ferry three",
            "ferry four",
            "bridges now",
        )
        # Two of the three newest statements have the word: the older ones are not candidates.
        rows, total = await engine.store.statements(match='"ferry"')
        assert sorted(r.content for r in rows) == ["ferry four", "ferry three"]
        assert total == 2 and total.capped  # older ones match too: a floor, shown as "2+"
        # None of the newest has it: the newest matches of the whole archive.
        rows, total = await engine.store.statements(match='"grain"')
        assert [r.content for r in rows] == ["the grain must wait"] and total == 1
        assert not total.capped  # the whole archive counted
        _, total = await engine.store.statements(match='"grain"', offset=5)
        assert total == 1


async def test_articles_too(fresh_db, monkeypatch):
    _window(monkeypatch, rows=2, min_hits=1)
    async with await Engine.open(make_settings(fresh_db), load_model=False) as engine:
        for title in ("Grain corridor reopens", "Ferry strike", "Ferry deal", "Bridge opens"):
            await engine.store.save(article("Harbour Wire", DAY, title=title), extraction())
        found = await engine.store.search_articles('"ferry"', limit=3)
        assert [a.title for a in found] == ["Ferry deal"]  # the newest two articles only
        found = await engine.store.search_articles('"grain"', limit=3)
        assert [a.title for a in found] == ["Grain corridor reopens"]
