"""An invitation to visit, made or taken up, is a planned visit by the guest; "meeting" a need or
an obligation meets no one, and cutting a tariff cuts no ties."""

from __future__ import annotations

import pytest

from tests.extract.events_found import events, names


def visits(extractor, text: str) -> list[dict]:
    return [e for e in events(extractor, text, "2024-03-05") if e["kind"] == "visit"]


@pytest.mark.parametrize(
    "text",
    [
        "President Gabriel Boric invited Dina Boluarte to visit Santiago, his office said.",
        "Dina Boluarte accepted an invitation to visit Santiago, her office said.",
        "Dina Boluarte was invited to visit Santiago next month, her office said.",
        "President Gabriel Boric invited Dina Boluarte to make a state visit to Santiago.",
    ],
)
def test_an_invitation_to_visit_is_the_guests_planned_visit(extractor, text):
    found = visits(extractor, text)
    assert found, events(extractor, text, "2024-03-05")
    assert "Dina Boluarte" in names(found[0]) and "Gabriel Boric" not in names(found[0]), found
    assert found[0]["status"] == "planned", found
    assert found[0]["location"]["name"] == "Santiago", found


def test_an_invitation_to_a_country_is_the_guests_planned_visit_there(extractor):
    text = "President Gabriel Boric invited Dina Boluarte to Chile for talks next month."
    found = visits(extractor, text)
    assert found and "Dina Boluarte" in names(found[0]), events(extractor, text, "2024-03-05")
    assert found[0]["status"] == "planned" and found[0]["location"]["name"] == "Chile", found


def test_the_invitation_is_told_by_its_visit_not_as_a_request_beside_it(extractor):
    text = "President Gabriel Boric invited Dina Boluarte to visit Santiago, his office said."
    found = events(extractor, text, "2024-03-05")
    assert [e["type"] for e in found] == ["CONSULT"], found


@pytest.mark.parametrize(
    "text",
    [
        "Dina Boluarte declined an invitation to visit Santiago, her office said.",
        "Gabriel Boric has not invited Dina Boluarte to visit Santiago, his office said.",
        "Gabriel Boric urged Dina Boluarte to visit Santiago, his office said.",
        "Gabriel Boric could invite Dina Boluarte to visit Santiago in July, aides said.",
        "Gabriel Boric has yet to invite Dina Boluarte to visit Santiago, his office said.",
        "Nobody invited Dina Boluarte to visit Santiago, a Peruvian official said.",
        "Dina Boluarte was invited to visit Santiago but declined, citing the crisis at home.",
        "Gabriel Boric invited Dina Boluarte to visit Santiago, but the trip was cancelled.",
        "Gabriel Boric invited Dina Boluarte to visit Santiago if the water talks succeed.",
        "Dina Boluarte had been invited to visit Santiago and was considering the invitation.",
        "Gabriel Boric invited Peruvian investors to visit Santiago, his office said.",
        "Gabriel Boric could invite Dina Boluarte to Chile for talks next year.",
        "Gabriel Boric invited Peruvian investors to Chile for talks next month.",
        "Gabriel Boric invited Dina Boluarte to visit Santiago once the border crisis ends.",
        "Boric said he had invited Dina Boluarte to visit Santiago, but Lima said it had "
        "received no such invitation.",
    ],
)
def test_an_invitation_turned_down_or_denied_plans_no_visit(extractor, text):
    assert not visits(extractor, text), events(extractor, text, "2024-03-05")


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        ("Chile pledged to meet the needs of refugees from Bolivia.", "CONSULT"),
        ("Chile will meet the demands of Bolivia's negotiators, its minister said.", "CONSULT"),
        ("Chile vowed to meet its obligations to Bolivia under the treaty.", "CONSULT"),
        ("The accord will see Bolivian duties on Chilean wine cut to 5% from 20%.", "SANCTION"),
        ("Chile cut its tariffs on Bolivian goods to 10%, the ministry said.", "SANCTION"),
    ],
)
def test_meeting_a_need_or_cutting_a_rate_is_no_meeting_and_no_sanction(extractor, text, type_):
    found = events(extractor, text, "2024-03-05")
    assert not [e for e in found if e["type"] == type_], found


def test_meeting_a_minister_is_still_a_meeting(extractor):
    text = "Chile's foreign minister will meet his Bolivian counterpart in La Paz on Friday."
    found = [e for e in events(extractor, text, "2024-03-05") if e["type"] == "CONSULT"]
    assert found and found[0]["status"] == "planned", found


@pytest.mark.parametrize(
    "text", ["Chile cut diplomatic ties with Bolivia.", "Chile cut gas supplies to Bolivia."]
)
def test_cutting_ties_or_supplies_is_still_a_sanction(extractor, text):
    found = events(extractor, text, "2024-03-05")
    assert [e for e in found if e["type"] == "SANCTION"], found
