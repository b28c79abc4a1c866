"""Answers whose cost does not grow with the archive (issue 17): totals stop counting at a cap
and say so, pages come newest first with ties kept apart by id, and `sources` reads an aggregate
kept on write. `COUNT_CAP` is lowered here so a handful of rows stand for a large archive."""

from __future__ import annotations

from bot.answer.model import Conversation
from bot.answer.service import AnswerService
from bot.engine import Engine
from bot.store import store as store_module
from bot.store.rows import Total
from bot.store.store import Store
from tests.conftest import make_settings
from tests.store.builders import article, country, extraction, said, talks

SAME_DAY = "2025-04-02"
SPEAKERS = (
    "Anna Lind Jon Vale Mira Holt Otto Sund Lea Berg Ivo Marsh Rita Cole Paul Dane Nora Frey "
    "Emil Roth Tove Lund Kai Brandt Saga Wenn Ola Stig Ines Varn Hugo Lamm Vera Kast Timo Riis"
).split()
TOPICS = (
    "ferry bridge harbour grain visas pipeline customs fishing railway airport tunnel border "
    "tariffs energy cables shipping drones elections"
).split()


async def _engine(db) -> Engine:
    return await Engine.open(make_settings(db), load_model=False)


async def _statements(store: Store, n: int, *, dates: list[str] | None = None) -> None:
    """n statements by one speaker, one article each; all on SAME_DAY unless `dates` says."""
    for k in range(n):
        date = dates[k % len(dates)] if dates else SAME_DAY
        await store.save(
            article("Harbour Wire", date),
            extraction(statements=(said(_speaker(k), f"the {TOPICS[k]} must wait", date=date),)),
        )


PAIRS = (("FIN", "EST"), ("SRB", "XKX"), ("ARM", "AZE"), ("OMN", "NOR"), ("CHL", "PER"))


def _speaker(k: int) -> str:
    return f"{SPEAKERS[2 * k]} {SPEAKERS[2 * k + 1]}"


async def _events(store: Store, n: int) -> None:
    for k in range(n):
        await store.save(
            article("Harbour Wire", SAME_DAY),
            extraction(
                talks(
                    country(PAIRS[k][0]),
                    country(PAIRS[k][1]),
                    date=SAME_DAY,
                    evidence=f"The delegations met for round {k}.",
                )
            ),
        )


async def test_a_total_past_the_cap_is_capped_and_reads_so(fresh_db, monkeypatch):
    monkeypatch.setattr(store_module, "COUNT_CAP", 3)
    async with await _engine(fresh_db) as engine:
        await _statements(engine.store, 6)
        rows, total = await engine.store.statements(limit=2)
        assert len(rows) == 2
        assert isinstance(total, Total) and total.capped and total == 3
        assert total.text() == "3+"
        # The cap counts past the page's offset, so a later page still knows there is more.
        _, total = await engine.store.statements(limit=2, offset=2)
        assert total.capped and total == 5
        _, total = await engine.store.statements(limit=2, offset=3)
        assert not total.capped and total == 6 and total.text() == "6"
        # Under the cap the total is exact, speaker or not.
        monkeypatch.setattr(store_module, "COUNT_CAP", 1000)
        _, total = await engine.store.statements(limit=2)
        assert not total.capped and total == 6


async def test_event_totals_are_capped_too(fresh_db, monkeypatch):
    monkeypatch.setattr(store_module, "COUNT_CAP", 2)
    async with await _engine(fresh_db) as engine:
        await _events(engine.store, 5)
        rows, total = await engine.store.events(limit=1)
        assert len(rows) == 1 and total.capped and total == 2 and total.text() == "2+"
        _, total = await engine.store.events(limit=1, types=["CONSULT"], offset=3)
        assert not total.capped and total == 5


async def test_paging_across_ties_in_the_date_returns_every_row_once(fresh_db):
    async with await _engine(fresh_db) as engine:
        await _statements(engine.store, 7)  # all on one day: only the id orders them
        seen = []
        for offset in range(0, 7, 2):
            rows, total = await engine.store.statements(limit=2, offset=offset)
            assert total == 7
            seen += [r.id for r in rows]
        assert seen == sorted(seen) and len(set(seen)) == 7
        await _events(engine.store, 5)
        events = []
        for offset in range(0, 5, 2):
            rows, _ = await engine.store.events(limit=2, offset=offset)
            events += [r.id for r in rows]
        assert events == sorted(events, reverse=True) and len(set(events)) == 5


async def test_the_newest_page_is_the_newest_of_many_rows(fresh_db):
    dates = ["2024-01-05", "2025-06-01", None, "2023-12-31", "2025-06-01", "2024-08-09"]
    async with await _engine(fresh_db) as engine:
        await _statements(engine.store, 18, dates=dates)  # type: ignore[arg-type]
        everything, _ = await engine.store.statements(limit=100)
        expected = sorted(everything, key=lambda r: (r.date or "", -r.id), reverse=True)
        page, total = await engine.store.statements(limit=5)
        assert total == 18
        assert [r.id for r in page] == [r.id for r in expected[:5]]
        assert page[0].date == "2025-06-01"


async def test_sources_come_from_the_aggregate_kept_on_write(fresh_db):
    async with await _engine(fresh_db) as engine:
        store = engine.store
        for source, published in (
            ("Harbour Wire", "2025-01-02"),
            ("Harbour Wire", "2025-03-04"),
            ("Harbour Wire", "2024-12-30"),
            ("Fjord Post", "2025-02-01"),
        ):
            await store.save(article(source, published), extraction())
        rows = await store.sources()
        assert [(r.name, r.articles, r.latest) for r in rows] == [
            ("Harbour Wire", 3, "2025-03-04"),
            ("Fjord Post", 1, "2025-02-01"),
        ]
        assert all(r.last_ingested for r in rows)
        await store.save(article("Fjord Post", "2025-05-05"), extraction())
        await store.save(article("Fjord Post", "2025-04-04"), extraction())
        await store.save(article("Ice Herald", "2025-01-01"), extraction())
        rows = await store.sources()
        assert [(r.name, r.articles, r.latest) for r in rows] == [
            ("Fjord Post", 3, "2025-05-05"),
            ("Harbour Wire", 3, "2025-03-04"),
            ("Ice Herald", 1, "2025-01-01"),
        ]
        assert len(await store.sources(limit=1)) == 1


async def test_a_capped_total_reads_as_capped_and_more_still_pages(fresh_db, monkeypatch):
    monkeypatch.setattr(store_module, "COUNT_CAP", 6)
    async with await _engine(fresh_db) as engine:
        await _statements(engine.store, 12)
        service = AnswerService(engine.store, make_settings(fresh_db))
        here = Conversation(platform="test", channel="c")
        first = await service.answer("who said what", here)
        assert first.ok and first.shown == 5
        assert first.note is not None and "showing 1–5 of 6+" in first.note
        assert first.page is not None and first.page.next == 5
        second = await service.answer("more", here)
        assert second.note is not None and "showing 6–10 of 11+" in second.note
        third = await service.answer("more", here)
        assert third.shown == 2
        headings = [i.heading for a in (first, second, third) for s in a.sections for i in s.items]
        assert len(headings) == 12


async def test_events_of_participants_come_newest_first_and_page_once(fresh_db):
    """Driven from one participant's index of its events (each row carries the event's date):
    the same rows, in the same order, as every event filtered by its participants."""
    dates = ["2025-01-03", None, "2025-02-10", "2025-02-10", "2024-11-30", "2025-02-10"]
    async with await _engine(fresh_db) as engine:
        store = engine.store
        for k in range(12):
            sides = (country("FIN"), country(PAIRS[k % 5][1] if k % 5 else "SRB"))
            await store.save(
                article("Harbour Wire", dates[k % 6] or SAME_DAY),
                extraction(
                    talks(*sides, date=dates[k % 6], evidence=f"Round {k} of the talks began.")
                ),
            )
        everything, _ = await store.event_rows(limit=100)
        find = "SELECT id FROM entities WHERE name = :name"
        fin = (await store.backend.read(find, {"name": "Finland"}))[0][0]
        srb = (await store.backend.read(find, {"name": "Serbia"}))[0][0]
        for ids in ([fin], [fin, srb], [srb, fin, srb]):
            wanted = set(ids)
            expected = []
            for row in everything:
                names = await store.backend.read(
                    "SELECT entity_id FROM event_participants WHERE event_id = :id",
                    {"id": row.id},
                )
                if wanted <= {r[0] for r in names}:
                    expected.append(row.id)
            pages = []
            for offset in range(0, len(expected) + 2, 2):
                rows, total = await store.events(entity_ids=ids, limit=2, offset=offset)
                assert total == len(expected)
                pages += [r.id for r in rows]
            assert pages == expected, ids
        await store.reindex()  # events rebuilt: participant rows take their events' dates again
        everything, _ = await store.event_rows(limit=100)
        rows, _ = await store.event_rows(entity_ids=[fin], limit=100)
        assert [r.id for r in rows] == [r.id for r in everything]


async def test_who_is_counts_articles_up_to_the_cap(fresh_db, monkeypatch):
    async with await _engine(fresh_db) as engine:
        for k in range(3):
            await engine.store.save(
                article("Harbour Wire", SAME_DAY),
                extraction(statements=(said("Anna Lind", f"the {TOPICS[k]} must wait"),)),
            )
        service = AnswerService(engine.store, make_settings(fresh_db))
        here = Conversation(platform="test", channel="c")

        async def mentioned() -> str:
            answer = await service.answer("who is Anna Lind", here)
            head = answer.sections[0].items[0]
            return next(f.value for f in head.fields if f.name == "Mentioned in")

        assert await mentioned() == "3 article(s)"
        monkeypatch.setattr(store_module, "COUNT_CAP", 2)
        assert await mentioned() == "2+ article(s)"
