"""Places in queries: `latest talks in Istanbul`, `agreements signed in Doha`, `talks in Turkey`.

A country counts every place in it (a city is stored with its country), a city only itself.
Facts are hand-built (tests/store/builders.py) and stored through the real store, then asked for
as a user would.
"""

from __future__ import annotations

from datetime import date

import pytest

from bot.answer.query import parse
from bot.answer.render_text import render_text
from bot.engine import Engine
from bot.facts import Participant
from tests.conftest import make_settings
from tests.store.builders import article, country, extraction, talks

ARM, AZE = country("ARM"), country("AZE")
QAT, TUR = Participant("Qatar", "country", "QAT"), Participant("Turkey", "country", "TUR")


@pytest.mark.parametrize(
    ("text", "intent", "names", "place", "since"),
    [
        ("latest talks in Istanbul", "latest_talks", (), "Istanbul", None),
        ("agreements signed in Doha", "agreements", (), "Doha", None),
        ("talks in Turkey", "latest_talks", (), "Turkey", None),
        ("talks held in Istanbul", "latest_talks", (), "Istanbul", None),
        (
            "talks between Armenia and Azerbaijan in Istanbul since 2025-02-01",
            "latest_talks",
            ("Armenia", "Azerbaijan"),
            "Istanbul",
            "2025-02-01",
        ),
        ("events sanctions in Russia", "events", (), "Russia", None),
        (
            "latest talks in the last 7 days",
            "latest_talks",
            (),
            None,
            "2025-02-20",
        ),  # a time, not a place
        ("agreements signed", "agreements", (), None, None),
    ],
)
def test_in_place_is_read_as_a_place(text, intent, names, place, since):
    query = parse(text, today=date(2025, 2, 27))
    assert (query.intent, query.names, query.place, query.since) == (intent, names, place, since)


def test_a_topic_keeps_its_own_in():
    query = parse("talks about trade in Asia")
    assert (query.topic, query.place) == ("trade in Asia", None)


@pytest.fixture
async def engine(fresh_db):
    async with await Engine.open(make_settings(fresh_db), load_model=False) as engine:
        reports = [
            (
                "Bosphorus Daily",
                talks(ARM, AZE, date="2025-03-04", place="Istanbul", place_code="TUR"),
            ),
            ("Anatolia Wire", talks(ARM, TUR, date="2025-03-03", place="Ankara", place_code="TUR")),
            ("Gulf Courier", talks(AZE, QAT, date="2025-03-02", place="Doha", place_code="QAT")),
            (
                "Gulf Courier",
                talks(
                    ARM,
                    QAT,
                    date="2025-03-01",
                    place="Doha",
                    place_code="QAT",
                    type="AGREE",
                    kind="agreement",
                ),
            ),
            ("Caucasus Post", talks(ARM, AZE, date="2025-02-28", place="Turkey", place_code="TUR")),
        ]
        for source, event in reports:
            await engine.store.save(article(source, event.date or "2025-03-01"), extraction(event))
        yield engine


def places(answer) -> list[str]:
    return [item.data["location"]["name"] for item in answer.items]


async def test_talks_in_a_city_are_only_that_citys(engine):
    answer = await engine.answer("latest talks in Istanbul")
    assert places(answer) == ["Istanbul"]
    assert answer.title == "Latest talks in Istanbul"
    assert "Istanbul" in render_text(answer)


async def test_talks_in_a_country_include_its_cities_newest_first(engine):
    answer = await engine.answer("talks in Turkey")
    assert places(answer) == ["Istanbul", "Ankara", "Turkey"]
    assert places(await engine.answer("talks in türkiye")) == ["Istanbul", "Ankara", "Turkey"]


async def test_agreements_signed_in_doha_are_the_agreements_only(engine):
    answer = await engine.answer("agreements signed in Doha")
    assert [(item.data["type"], item.data["location"]["name"]) for item in answer.items] == [
        ("AGREE", "Doha")
    ]


async def test_a_place_combines_with_names_and_dates(engine):
    assert places(await engine.answer("talks between Armenia and Azerbaijan in Turkey")) == [
        "Istanbul",
        "Turkey",
    ]
    assert places(await engine.answer("talks in Turkey since 2025-03-01")) == ["Istanbul", "Ankara"]


async def test_a_place_with_no_talks_says_so(engine):
    answer = await engine.answer("latest talks in Oslo")
    assert answer.items == []
    assert answer.note == "Nothing found (latest talks) in Oslo."
