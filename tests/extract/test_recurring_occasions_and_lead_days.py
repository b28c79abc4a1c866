"""A word that tells how often a sitting recurs ("the annual retreat", "their weekly call",
"every year") gives it no day of its own: it may still be the day the lead tells of. Days of
talks are held by who made progress in them; a meeting told after "also" with others is not the
talks."""

from __future__ import annotations

from tests.extract.events_found import events, names

LEAD = (
    "LIMA, May 7 (Reuters) - The presidents of Peru and Chile signed a fisheries accord on "
    "Tuesday.\n\n"
)


def sittings(extractor, text: str) -> list[dict]:
    return [e for e in events(extractor, LEAD + text, "2025-05-07") if e["type"] == "CONSULT"]


def test_an_annual_sitting_after_the_lead_is_on_the_leads_day(extractor):
    found = sittings(
        extractor,
        "President Gabriel Boric, who travelled to Lima for the annual leaders' retreat with "
        "President Dina Boluarte, said ties had never been closer.",
    )
    assert found and all(e["date"] == "2025-05-06" for e in found), found


def test_a_sitting_held_every_year_after_the_lead_is_on_the_leads_day(extractor):
    found = sittings(
        extractor,
        "President Gabriel Boric, who travelled to Lima for talks with President Dina Boluarte "
        "as he does every year, said ties had never been closer.",
    )
    assert found and all(e["date"] == "2025-05-06" for e in found), found


def test_a_sitting_told_with_a_time_of_its_own_keeps_apart_from_the_leads_day(extractor):
    found = sittings(
        extractor,
        "President Gabriel Boric, who travelled to Lima for a retreat with President Dina "
        "Boluarte last month, said ties had never been closer.",
    )
    assert all(e["date"] != "2025-05-06" for e in found), found


def test_who_made_progress_in_days_of_talks_held_them(extractor):
    text = (
        "The foreign ministers of Chile and Peru made progress in three days of talks in the "
        "capital, Brazil's foreign minister said on Thursday."
    )
    talks = [e for e in events(extractor, text, "2025-05-09") if e["type"] == "CONSULT"]
    assert talks and all({"Chile", "Peru"} <= names(e) for e in talks), talks


def test_meetings_told_after_also_are_not_the_talks_of_the_two_leaders(extractor):
    text = (
        "LIMA: Prime Minister Gustavo Adrianzen and his Chilean counterpart Carolina Toha "
        "yesterday jointly opened a bridge on the border, pressing a button in the capital.\n\n"
        "The opening came after talks between the two prime ministers in Lima.\n\n"
        "This morning, Toha flew to Cusco. She also toured a museum run by the city, called on "
        "Congress President Eduardo Salhuana and met the heads of several parties, among them "
        "Popular Force leader Keiko Fujimori."
    )
    found = events(extractor, text, "2025-05-09")
    assert not [e for e in found if e["kind"] == "talks" and "Keiko Fujimori" in names(e)], found
    # a button pressed at a ceremony asks no one anything
    assert not [e for e in found if e["type"] == "REQUEST"], found


def test_sittings_told_as_a_series_keep_apart_from_the_leads_day(extractor):
    for text in (
        "President Gabriel Boric and President Dina Boluarte met every day last week.",
        "President Gabriel Boric and President Dina Boluarte held weekly talks during the crisis.",
        "President Gabriel Boric and President Dina Boluarte met every two years under the old "
        "treaty.",
    ):
        found = sittings(extractor, text)
        assert all(e["date"] != "2025-05-06" for e in found), (text, found)


def test_bystanders_in_days_of_talks_between_others_are_no_sides(extractor):
    for text, bystander in (
        (
            "China was criticised in two days of talks between Japanese and Philippine officials.",
            "China",
        ),
        (
            "Russia launched drones at Ukrainian cities in three days of talks between Kyiv and "
            "Washington in Riyadh.",
            "Russia",
        ),
    ):
        talks = [e for e in events(extractor, text, "2025-05-09") if e["type"] == "CONSULT"]
        assert all(bystander not in names(e) for e in talks), (text, talks)


def test_a_recurrence_of_something_else_or_of_one_sitting_of_a_series_dates_nothing(extractor):
    for text in (
        "President Gabriel Boric and President Dina Boluarte held talks amid daily drone alerts "
        "on the border.",
        "President Gabriel Boric and President Dina Boluarte held their annual talks in Arica.",
    ):
        found = sittings(extractor, text)
        assert found and all(e["date"] == "2025-05-06" for e in found), (text, found)


def test_who_made_progress_in_days_of_talks_with_mediators_held_them(extractor):
    for text in (
        "Chile and Peru made progress in three days of talks with Brazilian mediators.",
        "Chile and Peru made progress in three days of talks between their foreign ministers in "
        "Lima.",
    ):
        talks = [e for e in events(extractor, text, "2025-05-09") if e["type"] == "CONSULT"]
        assert talks and all({"Chile", "Peru"} <= names(e) for e in talks), (text, talks)
