"""One real-world event, one item with every source; two events, never one item (issue 15).

Facts are hand-built (tests/store/builders.py) and stored through the real store, then asked
for as a user would ("latest talks"); the last test goes through spaCy as well.
"""

from __future__ import annotations

import pytest

from bot.answer.render_text import render_text
from bot.engine import Engine
from bot.facts import Participant
from bot.store.location import Location
from tests.conftest import make_settings
from tests.store.builders import article, country, extraction, person, talks

FIN, EST = country("FIN"), country("EST")
MINISTER = person("Aino Kallas", "FIN")  # invented: a person counts as their country


async def _latest_talks(db: Location, *reports):
    """Store each (article, event) and answer `latest talks`."""
    async with await Engine.open(
        make_settings(db, BRIEFBOT_MIN_CONFIDENCE=0.5), load_model=False
    ) as engine:
        for art, ev in reports:
            await engine.store.save(art, extraction(ev))
        return await engine.answer("latest talks")


async def test_an_outlet_reporting_the_talks_a_day_later_gives_one_item_with_two_sources(fresh_db):
    answer = await _latest_talks(
        fresh_db,
        (
            article("Baltic Ledger", "2025-03-04"),
            talks(FIN, EST, date="2025-03-04", place="Tallinn"),
        ),
        # Another outlet, another wording: the minister rather than the country, a meeting, and
        # the talks dated by its own clock to the next day.
        (
            article("Harbour Post", "2025-03-05"),
            talks(MINISTER, EST, kind="meeting", date="2025-03-05", place="Tallinn"),
        ),
    )
    assert len(answer.items) == 1
    assert [s["source"] for s in answer.items[0].data["sources"]] == [
        "Baltic Ledger",
        "Harbour Post",
    ]


async def test_an_undated_report_about_the_talks_joins_them(fresh_db):
    answer = await _latest_talks(
        fresh_db,
        (
            article("Baltic Ledger", "2025-03-04"),
            talks(FIN, EST, date="2025-03-04", place="Tallinn"),
        ),
        (article("Gulf Courier", "2025-03-05"), talks(EST, FIN, date=None, place="Tallinn")),
    )
    assert len(answer.items) == 1
    assert [s["source"] for s in answer.items[0].data["sources"]] == [
        "Baltic Ledger",
        "Gulf Courier",
    ]
    assert answer.items[0].data["date"] == "2025-03-04"


async def test_all_three_reports_of_the_talks_are_one_item(fresh_db):
    answer = await _latest_talks(
        fresh_db,
        (
            article("Baltic Ledger", "2025-03-04"),
            talks(FIN, EST, date="2025-03-04", place="Tallinn"),
        ),
        (
            article("Harbour Post", "2025-03-05"),
            talks(MINISTER, EST, kind="meeting", date="2025-03-05", place="Tallinn"),
        ),
        (article("Gulf Courier", "2025-03-05"), talks(EST, FIN, date=None, place="Tallinn")),
    )
    assert len(answer.items) == 1 and len(answer.items[0].data["sources"]) == 3


async def test_the_second_round_six_weeks_later_in_the_same_city_is_its_own_item(fresh_db):
    answer = await _latest_talks(
        fresh_db,
        (
            article("Baltic Ledger", "2025-03-04"),
            talks(FIN, EST, date="2025-03-04", place="Tallinn"),
        ),
        (
            article("Harbour Post", "2025-03-05"),
            talks(FIN, EST, date="2025-03-05", place="Tallinn"),
        ),
        (
            article("Baltic Ledger", "2025-04-15"),
            talks(FIN, EST, date="2025-04-15", place="Tallinn"),
        ),
        (article("Harbour Post", "2025-04-16"), talks(EST, FIN, date=None, place="Tallinn")),
    )
    rounds = [(i.data["date"], [s["source"] for s in i.data["sources"]]) for i in answer.items]
    assert rounds == [
        ("2025-04-15", ["Baltic Ledger", "Harbour Post"]),
        ("2025-03-04", ["Baltic Ledger", "Harbour Post"]),
    ]


async def test_planned_talks_then_a_report_of_them_held_become_one_concluded_event(fresh_db):
    answer = await _latest_talks(
        fresh_db,
        (
            article("Baltic Ledger", "2025-03-01"),
            talks(FIN, EST, date="2025-03-04", place="Tallinn", status="planned"),
        ),
        (
            article("Harbour Post", "2025-03-04"),
            talks(
                FIN,
                EST,
                date="2025-03-04",
                place="Tallinn",
                status="concluded",
                outcome="agreed to reopen the night ferry",
            ),
        ),
    )
    assert len(answer.items) == 1
    held = answer.items[0].data
    assert (held["status"], held["outcome"], held["date"]) == (
        "concluded",
        "agreed to reopen the night ferry",
        "2025-03-04",
    )
    assert len(held["sources"]) == 2


async def test_a_later_report_never_moves_the_day_of_the_talks(fresh_db):
    answer = await _latest_talks(
        fresh_db,
        (
            article("Baltic Ledger", "2025-03-04"),
            talks(FIN, EST, date="2025-03-04", place="Tallinn", status="concluded"),
        ),
        (
            article("Harbour Post", "2025-03-06"),
            talks(FIN, EST, date="2025-03-05", place="Tallinn", status="concluded"),
        ),
    )
    assert answer.items[0].data["date"] == "2025-03-04"


async def test_sources_disagreeing_on_the_date_are_shown_side_by_side(fresh_db):
    answer = await _latest_talks(
        fresh_db,
        (
            article("Baltic Ledger", "2025-03-05"),
            talks(FIN, EST, date="2025-03-04", place="Tallinn"),
        ),
        (
            article("Harbour Post", "2025-03-05"),
            talks(FIN, EST, date="2025-03-05", place="Tallinn"),
        ),
    )
    item = answer.items[0]
    assert item.data["disagreements"] == {
        "date": [
            {"source": "Baltic Ledger", "value": "2025-03-04"},
            {"source": "Harbour Post", "value": "2025-03-05"},
        ]
    }
    assert (
        "Sources disagree on date: Baltic Ledger 2025-03-04 · Harbour Post 2025-03-05"
        in render_text(answer)
    )


async def test_a_vaguer_date_that_holds_the_exact_one_is_no_disagreement(fresh_db):
    answer = await _latest_talks(
        fresh_db,
        (
            article("Baltic Ledger", "2025-03-04"),
            talks(FIN, EST, date="2025-03-04", place="Tallinn"),
        ),
        (
            article("Harbour Post", "2025-03-05"),
            talks(FIN, EST, date="2025-03-01", precision="month", place="Tallinn"),
        ),
    )
    assert len(answer.items) == 1 and "disagreements" not in answer.items[0].data


THURSDAY = """---
title: Helsinki and Tallinn sign off on a shared grid plan
source: Nordic Current
published: 2025-03-06
---
Helsinki and Tallinn sign off on a shared grid plan
The foreign ministers of Finland and Estonia held talks in Tallinn on Thursday about a shared \
power grid, officials in Helsinki said.
"""

FRIDAY = """---
title: Estonian and Finnish ministers meet over power links
source: Amber Gazette
published: 2025-03-07
---
Estonian and Finnish ministers meet over power links
Estonia and Finland held talks in Tallinn on Thursday on linking their power grids, the Estonian \
foreign ministry said on Friday.
"""


async def test_two_outlets_wording_the_same_talks_differently_give_one_item_via_the_real_extractor(
    tmp_path, extractor, fresh_db
):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.md").write_text(THURSDAY, encoding="utf-8")
    (folder / "b.md").write_text(FRIDAY, encoding="utf-8")
    engine = await Engine.open(
        make_settings(fresh_db, BRIEFBOT_MIN_CONFIDENCE=0.0), load_model=False
    )
    engine._extractor = extractor
    async with engine:
        await engine.ingest([folder])
        answer = await engine.answer("latest talks between Finland and Estonia")
    tallinn = [i for i in answer.items if (i.data["location"] or {}).get("name") == "Tallinn"]
    assert len(tallinn) == 1, [i.data for i in answer.items]
    assert {s["source"] for s in tallinn[0].data["sources"]} == {"Nordic Current", "Amber Gazette"}
    assert tallinn[0].data["date"] == "2025-03-06"


@pytest.mark.parametrize(
    ("convened", "items"),
    [
        # "NATO ministers met in Tallinn" (opening day), "as NATO ministers ended their meeting"
        # (last day): the body itself met, so the two members are at one meeting
        (True, 1),
        # "NATO's secretary general met Estonia's ...", two days later "... Finland's ...":
        # its head met one member, then another
        (None, 2),
    ],
)
async def test_a_bodys_meeting_told_through_one_member_each_is_one_item_only_if_it_met_itself(
    fresh_db, convened, items
):
    nato = Participant("NATO", "organization", convened=convened)
    answer = await _latest_talks(
        fresh_db,
        (
            article("Baltic Ledger", "2025-03-04"),
            talks(nato, EST, kind="meeting", date="2025-03-04", place="Tallinn"),
        ),
        (
            article("Harbour Post", "2025-03-06"),
            talks(nato, FIN, kind="meeting", date="2025-03-06", place="Tallinn"),
        ),
    )
    assert len(answer.items) == items


async def test_a_report_joins_its_event_once_another_article_tells_whose_minister_was_there(
    fresh_db,
):
    # An outlet names the minister without her country: her side is unknown, the talks stay apart.
    unplaced = person("Aino Kallas", None)
    answer = await _latest_talks(
        fresh_db,
        (
            article("Baltic Ledger", "2025-03-04"),
            talks(FIN, EST, date="2025-03-04", place="Tallinn"),
        ),
        (
            article("Harbour Post", "2025-03-05"),
            talks(unplaced, EST, date="2025-03-04", place="Tallinn"),
        ),
        # A later article about other talks tells she is Finland's: the report above joins.
        (
            article("Gulf Courier", "2025-03-20"),
            talks(MINISTER, country("NOR"), date="2025-03-20", place="Oslo"),
        ),
    )
    tallinn = [i for i in answer.items if i.data["date"] == "2025-03-04"]
    assert len(tallinn) == 1
    assert [s["source"] for s in tallinn[0].data["sources"]] == ["Baltic Ledger", "Harbour Post"]


async def test_placing_reports_again_leaves_every_report_in_an_event(fresh_db):
    first, second = person("Aino Kallas", None), person("Eero Laine", None)
    async with await Engine.open(
        make_settings(fresh_db, BRIEFBOT_MIN_CONFIDENCE=0.5), load_model=False
    ) as engine:
        for art, ev in (
            (
                article("Baltic Ledger", "2025-03-04"),
                talks(FIN, EST, date="2025-03-04", place="Helsinki"),
            ),
            (
                article("Harbour Post", "2025-03-05"),
                talks(first, EST, date="2025-03-04", place="Helsinki"),
            ),
            (article("Gulf Courier", "2025-03-05"), talks(second, EST, date="2025-03-04")),
            # one article tells both are Finland's: both reports move, one after the other
            (
                article("Nordic Wire", "2025-03-20"),
                talks(person("Aino Kallas", "FIN"), person("Eero Laine", "FIN"), date="2025-03-20"),
            ),
        ):
            await engine.store.save(art, extraction(ev))
        reports = await engine.store.event_reports()
    assert all(r["event_id"] is not None for r in reports)
