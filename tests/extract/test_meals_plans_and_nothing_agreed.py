"""A working lunch or dinner is a sitting of those who share it; a sitting others are expected to
hold is still to come, not the one held on a day gone by; an act whose subject is "nothing" or
"nobody" did not happen. Sentences are the repository's own."""

from __future__ import annotations

import pytest

from tests.extract.events_found import countries
from tests.extract.events_found import shown as events


@pytest.mark.parametrize(
    "text",
    [
        "Boric and Boluarte held a working lunch in Lima on Wednesday.",
        "In Lima, Boric hosted a working lunch for President Boluarte on Wednesday.",
        "Boric hosted a working dinner for Dina Boluarte at the palace on Wednesday.",
        # a guest named by a role or a delegation is the guest's country
        "Boric hosted a working lunch for the Peruvian delegation in Santiago on Wednesday.",
        "The Chilean president hosted a working lunch for his Peruvian counterpart on Wednesday.",
    ],
)
def test_a_working_meal_is_a_meeting_of_those_at_it(extractor, text: str) -> None:
    met = [e for e in events(extractor, text) if e["type"] == "CONSULT"]
    assert [(e["kind"], countries(e)) for e in met] == [("meeting", {"CHL", "PER"})]


def test_a_dinner_for_a_cause_names_no_guest(extractor) -> None:
    text = "Boric hosted a working dinner for peace in Lima on Wednesday."
    assert not [e for e in events(extractor, text) if "PER" in countries(e)]


def test_a_meeting_others_are_expected_to_hold_is_not_the_lunch_held(extractor) -> None:
    text = (
        "Gabriel Boric and Dina Boluarte have struck a deal on trade.\n\nAfter a working lunch "
        "near Lima on Monday, the two presidents appeared together at the town hall.\n\nThe "
        "trade ministers, Anna Mbuyi and Hanno Tartu, are expected to adopt the customs annex at "
        "a meeting of the border commission."
    )
    met = [e for e in events(extractor, text) if e["type"] == "CONSULT"]
    planned = [
        e for e in met if {"Anna Mbuyi", "Hanno Tartu"} <= {p["name"] for p in e["participants"]}
    ]
    # still to come: neither held nor dated to the lunch's day gone by
    assert [(e["status"], e["date"]) for e in planned] == [("planned", None)]


@pytest.mark.parametrize(
    "text",
    [
        "Nothing was agreed between Chile and Peru in Lima on Wednesday.",
        "Nobody from Peru met the Chilean envoy in Lima on Wednesday.",
        "Chile and Peru signed nothing in Lima on Wednesday.",
    ],
)
def test_an_act_of_nothing_or_nobody_did_not_happen(extractor, text: str) -> None:
    assert not [e for e in events(extractor, text) if e["type"] in ("AGREE", "CONSULT")]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("None other than Boric met Boluarte in Lima on Wednesday.", "CONSULT"),
        (
            "Peru and Chile signed nothing but a memorandum on fishing in Lima on Wednesday.",
            "AGREE",
        ),
        (
            "Peru and Chile signed nothing less than a historic treaty in Lima on Wednesday.",
            "AGREE",
        ),
    ],
)
def test_nothing_but_and_none_other_than_tell_the_act(extractor, text: str, kind: str) -> None:
    found = [e for e in events(extractor, text) if e["type"] == kind]
    assert [countries(e) for e in found] == [{"CHL", "PER"}]


def test_an_occasion_under_a_verb_of_possibility_is_still_told(extractor) -> None:
    # only the act at it is in doubt: the summit is planned, the meeting was held
    planned = events(
        extractor, "Peru and Chile might sign the border treaty at the summit in Quito next week."
    )
    assert [(e["kind"], e["status"]) for e in planned if e["type"] == "CONSULT"] == [
        ("summit", "planned")
    ]
    held = events(
        extractor,
        "Boric may have discussed trade at the meeting with Boluarte in Lima on Wednesday.",
    )
    assert [(e["date"], e["status"]) for e in held if e["type"] == "CONSULT"] == [
        ("2025-02-26", "concluded")
    ]


def test_talks_under_way_are_not_planned_for_what_a_side_is_expected_to_do_at_them(
    extractor,
) -> None:
    text = (
        "Chile is expected to present its proposal at the talks with Peru, which resumed in "
        "Quito on Wednesday."
    )
    assert not [e for e in events(extractor, text) if e["status"] == "planned"]
