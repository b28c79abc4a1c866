"""Talks at which a deal was sought and not reached were still held: "failed to reach a deal at
talks in Quito" tells of the talks, with their sides, day and place; the failure does not
unmake them. A refusal to attend, to take part or to show up still tells of no talks of theirs.
Sentences are the repository's own."""

from __future__ import annotations

import pytest

from tests.extract.events_found import PUBLISHED, countries
from tests.extract.events_found import shown as events


def talks(extractor, text: str, published: str = PUBLISHED) -> list[dict]:
    return [e for e in events(extractor, text, published) if e["type"] == "CONSULT"]


@pytest.mark.parametrize(
    "text",
    [
        "Peru and Chile failed to reach a deal at talks in Quito on Wednesday.",
        "Peru and Chile did not reach a deal at the talks in Quito on Wednesday.",
        "Peru and Chile could not reach a deal at the talks in Quito on Wednesday.",
        # the partner named on the talks, or both sides in the subject's words
        "Peru failed to reach a border deal at talks with Chile in Quito on Wednesday.",
        "Peruvian and Chilean negotiators failed to reach a deal at talks in Quito on Wednesday.",
        "Peru and Chile have yet again failed to reach a deal at talks in Quito on Wednesday.",
        # the parser hangs the talks on the verb, counted in days
        "Peru and Chile failed to reach agreement on Wednesday at two days of talks in Quito.",
    ],
)
def test_talks_at_which_no_deal_was_reached_were_held(extractor, text: str) -> None:
    found = talks(extractor, text)
    assert len(found) == 1, found
    held = found[0]
    assert countries(held) == {"PER", "CHL"}
    assert held["location"]["name"] == "Quito"
    assert held["date"] == "2025-02-26"
    assert held["status"] in ("concluded", None)
    # the deal itself was not made
    assert not [e for e in events(extractor, text) if e["type"] == "AGREE"]


def test_a_wire_lead_dates_the_talks_no_deal_came_of(extractor) -> None:
    text = (
        "LIMA, Feb 26 (Reuters) - Peru and Chile failed to reach agreement on Wednesday at two "
        "days of talks in Quito on their disputed border, and set no date for further "
        "negotiations."
    )
    held = [e for e in talks(extractor, text) if e["kind"] == "talks"]
    assert [(countries(e), e["date"]) for e in held] == [({"PER", "CHL"}, "2025-02-26")]


@pytest.mark.parametrize(
    "text",
    [
        "Peru failed to show up at the talks in Quito on Wednesday.",
        "Peru refused to take part in the talks in Quito on Wednesday.",
        "Peru refused to attend two days of talks in Quito.",
        "Peru and Chile failed to agree on a date for talks in Quito.",
        "Peru did not show up at two days of talks with Chile in Quito.",
    ],
)
def test_a_refusal_to_attend_tells_of_no_talks_of_theirs(extractor, text: str) -> None:
    assert not [e for e in talks(extractor, text) if "PER" in countries(e)]


@pytest.mark.parametrize(
    "text",
    [
        # a possibility, a condition, a plan, a call to act: no talks told as held
        "Peru and Chile could fail to reach a deal at the talks in Quito.",
        "If Peru and Chile fail to reach a deal at talks in Quito, sanctions will follow.",
        "Should Peru and Chile fail to reach a deal at talks in Quito, Bolivia will mediate.",
        # talks called off or never held
        "Peru and Chile failed to reach a deal at talks that were called off on Wednesday.",
        "Peru and Chile failed to reach a deal at talks that never took place.",
        "Peru and Chile failed to reach a deal at the postponed talks in Quito.",
        # a denial
        "Chile denied signing a deal with Peru at a secret meeting in Lima on Monday.",
        "Chile denied that it reached a deal with Peru at a secret meeting in Lima on Monday.",
    ],
)
def test_talks_only_possible_cancelled_or_denied_are_not_told_as_held(extractor, text) -> None:
    assert not [e for e in talks(extractor, text) if e["status"] != "planned"], text


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Peru and Chile will try to reach a deal at talks in Quito on Wednesday.", "2025-02-26"),
        ("Peru and Chile aim to reach a deal at talks in Quito on Friday.", "2025-02-21"),
        ("Peru and Chile will reach a deal at talks in Quito on Wednesday.", "2025-02-26"),
        ("The UN urged Peru and Chile to reach a deal at talks in Quito on Wednesday.", None),
    ],
)
def test_a_deal_still_sought_gives_its_talks_no_day_gone_by(extractor, text, day) -> None:
    # a deal still to be sought dates no talks to a day already past
    assert not [e for e in talks(extractor, text) if day is not None and e["date"] == day]
    assert not [e for e in talks(extractor, text) if e["status"] == "concluded"]


def test_a_deal_reached_at_talks_gives_the_talks_their_day(extractor) -> None:
    found = talks(extractor, "Peru and Chile reached a deal at talks in Quito on Wednesday.")
    assert [(e["date"], e["location"]["name"]) for e in found] == [("2025-02-26", "Quito")]


def test_a_meeting_where_they_failed_to_agree_is_past(extractor) -> None:
    # a failure told in the past is of a day gone by, not the coming Wednesday
    found = talks(extractor, "Peru and Chile failed to agree at the meeting in Quito on Wednesday.")
    assert [(e["date"], e["status"]) for e in found] == [("2025-02-26", "concluded")]
    # while an agreement to meet still points ahead
    planned = talks(extractor, "Peru and Chile agreed to meet in Quito on Wednesday.")
    assert [(e["date"], e["status"]) for e in planned] == [("2025-03-05", "planned")]


@pytest.mark.parametrize(
    "text",
    [
        # one side's signing it did not do tells of no gathering it held
        "Bolivia did not sign the agreement at the summit in Lima on Wednesday because it was "
        "not invited.",
        "Boric did not sign the accord at the summit in Lima on Wednesday, which he skipped.",
        # a refusal may be of a summit still to come
        "Peru's President Dina Boluarte has refused to sign the Pacific accord at the summit in "
        "Santiago on Saturday, her office said on Thursday.",
        # no one sitting: a habit, or none yet
        "Peru and Chile never failed to reach a deal at talks when Boric was foreign minister.",
        "Peru and Chile have not yet failed to reach a deal at talks, Boluarte said.",
    ],
)
def test_no_gathering_is_told_as_held_by_a_refusal_or_a_habit(extractor, text: str) -> None:
    assert not [e for e in talks(extractor, text) if e["status"] == "concluded"], text
