"""Events of two participants ("talks between X and Y") come from the pair index (event_pairs,
migration 0012): the same rows, in the same order and with the same totals, as every event
filtered by its participants; kept right when an event's date changes and across `reindex`."""

from __future__ import annotations

from bot.engine import Engine
from bot.store import store as store_module
from bot.store.store import Store
from tests.conftest import make_settings
from tests.store.builders import article, country, extraction, talks

DATES = ["2025-01-03", None, "2025-02-10", "2025-02-10", "2024-11-30", "2025-02-10", "2025-03-01"]
SIDES = ("SRB", "EST", "SRB", "NOR", "SRB", "EST", "PER")


async def _engine(db) -> Engine:
    return await Engine.open(make_settings(db), load_model=False)


async def _entity(store: Store, name: str) -> int:
    rows = await store.backend.read("SELECT id FROM entities WHERE name = :name", {"name": name})
    return int(rows[0][0])


async def _expected(store: Store, ids: list[int]) -> list[int]:
    """Every event's id, newest first, that has all of `ids` among its participants."""
    everything, _ = await store.event_rows(limit=1000)
    found = []
    for row in everything:
        names = await store.backend.read(
            "SELECT entity_id FROM event_participants WHERE event_id = :id", {"id": row.id}
        )
        if set(ids) <= {r[0] for r in names}:
            found.append(row.id)
    return found


async def _paged(store: Store, ids: list[int], n: int) -> list[int]:
    pages: list[int] = []
    for offset in range(0, n + 2, 2):
        rows, total = await store.events(entity_ids=ids, limit=2, offset=offset)
        assert total == n and not total.capped
        pages += [r.id for r in rows]
    return pages


async def _fill(store: Store) -> None:
    for k in range(14):
        sides = (country("FIN"), country(SIDES[k % 7]))
        if k % 4 == 3:  # the pair in the other order, with a third party
            sides = (country(SIDES[k % 7]), country("FIN"), country("CHL"))
        await store.save(
            article("Harbour Wire", DATES[k % 7] or "2025-01-01"),
            extraction(talks(*sides, date=DATES[k % 7], evidence=f"Round {k} of the talks began.")),
        )


async def test_two_participants_page_as_the_participant_filter_does(fresh_db, monkeypatch):
    async with await _engine(fresh_db) as engine:
        store = engine.store
        await _fill(store)
        fin, srb, chl = [await _entity(store, n) for n in ("Finland", "Serbia", "Chile")]
        for ids in ([fin, srb], [srb, fin], [srb, fin, srb], [chl, fin], [fin, chl, srb]):
            expected = await _expected(store, ids)
            assert expected, ids
            assert await _paged(store, ids, len(expected)) == expected, ids
        # A capped total counts the pair's common events only, up to the cap.
        monkeypatch.setattr(store_module, "COUNT_CAP", 2)
        rows, total = await store.events(entity_ids=[fin, srb], limit=1)
        assert len(rows) == 1 and total.capped and total == 2
        # Filters apply as to any list.
        expected = await _expected(store, [fin, srb])
        dated, _ = await store.event_rows(
            entity_ids=[fin, srb], types=["CONSULT"], statuses=None, limit=100
        )
        assert [r.id for r in dated] == expected


async def test_a_changed_event_date_and_reindex_keep_the_pairs_in_order(fresh_db):
    async with await _engine(fresh_db) as engine:
        store = engine.store
        await _fill(store)
        fin, srb = [await _entity(store, n) for n in ("Finland", "Serbia")]
        oldest = (await _expected(store, [fin, srb]))[-1]

        moved = {"date": "2026-01-01", "id": oldest}
        await store.backend.write(
            lambda db: db.execute("UPDATE events SET date = :date WHERE id = :id", moved)
        )
        expected = await _expected(store, [fin, srb])
        assert expected[0] == oldest
        assert await _paged(store, [fin, srb], len(expected)) == expected
        await store.reindex()  # events rebuilt from the reports: their pairs with them
        expected = await _expected(store, [fin, srb])
        assert await _paged(store, [fin, srb], len(expected)) == expected
        pairs = await store.backend.read("SELECT count(*) FROM event_pairs")
        events = await store.backend.read("SELECT count(*) FROM events")
        assert pairs[0][0] >= events[0][0]
