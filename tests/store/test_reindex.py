"""`briefbot reindex`: events are rebuilt from the stored per-article reports, all at once."""

from __future__ import annotations

import asyncio
import sqlite3

import pytest
from typer.testing import CliRunner

from bot import identity
from bot.store import clusters
from bot.store.store import Store
from tests.store.builders import article, country, extraction, talks

FIN, EST, SRB, XKX = country("FIN"), country("EST"), country("SRB"), country("XKX")


async def _fill(store: Store) -> None:
    """Two outlets on the Tallinn talks, one on the next round six weeks later, one on Brussels
    talks the same day as the first, and an undated follow-up about the first."""
    first = dict(date="2025-03-04", place="Tallinn", status="concluded")
    await store.save(article("Baltic Ledger", "2025-03-04"), extraction(talks(FIN, EST, **first)))
    await store.save(
        article("Harbour Post", "2025-03-05"),
        extraction(talks(EST, FIN, date="2025-03-05", place="Tallinn")),
    )
    await store.save(
        article("Balkan Desk", "2025-03-04"),
        extraction(talks(SRB, XKX, date="2025-03-04", place="Brussels")),
    )
    await store.save(
        article("Gulf Courier", "2025-03-06"),
        extraction(talks(FIN, EST, date=None, place="Tallinn")),
    )
    await store.save(
        article("Baltic Ledger", "2025-04-15"),
        extraction(talks(FIN, EST, date="2025-04-15", place="Tallinn")),
    )


async def _snapshot(store: Store) -> tuple[list[tuple], list[tuple]]:
    """Which articles each event holds, and each event's own fields, ids included."""
    reports = await store.event_reports()
    members: dict[int, list[int]] = {}
    for r in reports:
        members.setdefault(r["event_id"], []).append(r["article_id"])
    events, _ = await store.events(limit=100)
    fields = sorted(
        (e.id, e.date, e.status, e.location.name if e.location else None, len(e.sources))
        for e in events
    )
    return sorted((event, tuple(arts)) for event, arts in members.items()), fields


async def test_reindex_gives_the_same_events_as_the_ingest_and_changes_nothing_when_run_again(
    tmp_path,
):
    async with await Store.open(tmp_path / "b.db") as store:
        await _fill(store)
        ingested = await _snapshot(store)
        first = await store.reindex()
        once = await _snapshot(store)
        second = await store.reindex()
        twice = await _snapshot(store)
        consistency = await store.consistency()
    assert [len(arts) for _, arts in ingested[0]] == [3, 1, 1]  # Tallinn x3, Brussels, next round
    assert once == ingested and twice == once
    assert (first.reports, first.events_before, first.events_after) == (5, 3, 3)
    assert (second.events_before, second.events_after) == (3, 3)
    assert consistency.ok, consistency


async def test_reindex_undoes_merges_an_older_rule_made(tmp_path, monkeypatch):
    # An older, careless rule: the same parties within two months are one event.
    def careless(report, candidates):
        chosen = min(candidates, default=None)
        return chosen, identity.Verdict(chosen is not None, "careless"), {}

    monkeypatch.setattr(identity, "best_cluster", careless)
    monkeypatch.setattr(clusters, "CANDIDATE_DAYS", 60)
    async with await Store.open(tmp_path / "b.db") as store:
        await _fill(store)
        events_before, _ = await store.events(limit=10)
        monkeypatch.undo()
        result = await store.reindex()
        events_after, _ = await store.events(limit=10)
    assert sorted(len(e.sources) for e in events_before) == [1, 4]  # both rounds in one
    assert result.events_after == 3
    assert sorted(len(e.sources) for e in events_after) == [1, 1, 3]


async def test_a_reindex_that_fails_half_way_leaves_the_events_as_they_were(tmp_path, monkeypatch):
    async with await Store.open(tmp_path / "b.db") as store:
        await _fill(store)
        before = await _snapshot(store)
        placed = []
        real = clusters.place_report

        def fail_on_the_third(db, report_id, now):
            placed.append(report_id)
            if len(placed) == 3:
                raise sqlite3.OperationalError("disk I/O error")
            return real(db, report_id, now)

        monkeypatch.setattr(clusters, "place_report", fail_on_the_third)
        with pytest.raises(Exception, match="disk I/O error"):
            await store.reindex()
        monkeypatch.undo()
        after = await _snapshot(store)
    assert after == before


async def test_each_report_keeps_why_it_is_in_its_event(tmp_path):
    async with await Store.open(tmp_path / "b.db") as store:
        await _fill(store)
        # The same parties the same day, but in Riga: a candidate, refused, and it says why.
        await store.save(
            article("Amber Wire", "2025-03-04"),
            extraction(talks(FIN, EST, date="2025-03-04", place="Riga")),
        )
        reports = await store.event_reports()
    reasons = [r["merge_reason"] for r in reports]
    assert reasons[0] == {"rule": "new"}
    assert reasons[1]["rule"] == "dated" and {"date", "participants", "place"} <= set(
        reasons[1]["agreed"]
    )
    assert reasons[1]["members"] == 2
    assert reasons[3]["rule"] == "undated" and {"published", "participants", "place"} <= set(
        reasons[3]["agreed"]
    )
    assert reasons[4] == {"rule": "new"}  # the next round: no event near its date
    tallinn = reports[0]["event_id"]
    assert reasons[5]["rule"] == "new" and reasons[5]["refused"][str(tallinn)].startswith("place")


def test_the_reindex_command_rebuilds_and_reports(tmp_path, monkeypatch):
    from bot.cli import app

    async def fill() -> None:
        async with await Store.open(tmp_path / "b.db") as store:
            await _fill(store)

    asyncio.run(fill())
    monkeypatch.setenv("BRIEFBOT_DB", str(tmp_path / "b.db"))
    result = CliRunner().invoke(app, ["reindex"])
    assert result.exit_code == 0, result.output
    assert "reindexed 5 event reports: 3 events before, 3 after" in result.output


async def test_events_stored_before_reports_existed_are_reindexed_from_what_their_sources_claimed(
    tmp_path, monkeypatch
):
    import bot.store.database as database

    everything = database.available_migrations()
    before_reports = [m for m in everything if m.version < 8]
    monkeypatch.setattr(database, "available_migrations", lambda: before_reports)
    path = tmp_path / "old.db"
    async with await Store.open(path):
        pass
    with sqlite3.connect(path) as db:  # one old event merged from two articles a month apart
        db.executescript("""
            INSERT INTO articles (id, title, content_hash, published, text, ingested_at)
            VALUES (1, 'a', 'h1', '2025-03-04', 'a', '2025-03-04T00:00:00'),
                   (2, 'b', 'h2', '2025-04-15', 'b', '2025-04-15T00:00:00');
            INSERT INTO events (id, type, kind, date, date_precision, location_name, first_seen,
                                updated_at)
            VALUES (1, 'CONSULT', 'talks', '2025-03-04', 'day', 'Tallinn', 'x', 'x');
            INSERT INTO event_participants (event_id, name, kind, country_code)
            VALUES (1, 'Finland', 'country', 'FIN'), (1, 'Estonia', 'country', 'EST');
            INSERT INTO event_sources (event_id, article_id, evidence, evidence_start, evidence_end,
                                       claimed_date, claimed_location)
            VALUES (1, 1, 'e', 0, 1, '2025-03-04', 'Tallinn'),
                   (1, 2, 'e', 0, 1, '2025-04-15', 'Tallinn');
        """)
    monkeypatch.undo()
    async with await Store.open(path) as store:
        migrated = await store.event_reports()
        result = await store.reindex()
        events, _ = await store.events(limit=10)
    assert [(r["article_id"], r["date"], r["merge_reason"]) for r in migrated] == [
        (1, "2025-03-04", {"rule": "migrated"}),
        (2, "2025-04-15", {"rule": "migrated"}),
    ]
    assert result.events_after == 2
    assert sorted(e.date for e in events) == ["2025-03-04", "2025-04-15"]


async def test_reindexing_the_seeded_database_twice_gives_the_same_events(seeded_db):
    async with await Store.open(seeded_db) as store:
        ingested = await _snapshot(store)
        await store.reindex()
        once = await _snapshot(store)
        await store.reindex()
        twice = await _snapshot(store)
    assert once == ingested and twice == once
