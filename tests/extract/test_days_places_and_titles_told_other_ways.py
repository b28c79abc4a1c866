"""A day told right after another occasion's phrase is that occasion's, wherever the parser hung
it; a capital spelt another way is still the capital; the words of a document's title name no
one who signed it."""

from __future__ import annotations

from tests.extract.events_found import events, names, of_type

TOLD = "2025-03-05"  # a Wednesday


def test_the_day_of_the_trip_a_visit_returns_is_not_the_visits(extractor):
    text = (
        "The visit, Scholz's first to India since 2019, was the return leg of Modi's trip to "
        "Berlin last May."
    )
    visits = [
        e
        for e in of_type(extractor, text, "CONSULT", TOLD)
        if e["kind"] == "visit" and "Olaf Scholz" in {p["name"] for p in e["participants"]}
    ]
    assert visits and visits[0]["date"] is None, events(extractor, text, TOLD)


def test_a_day_the_clause_gives_its_own_visit_still_dates_it(extractor):
    text = "Scholz visited New Delhi last May, a year after talks in Berlin."
    visits = [e for e in of_type(extractor, text, "CONSULT", TOLD) if e["kind"] == "visit"]
    assert visits and visits[0]["date"] == "2024-05-01", events(extractor, text, TOLD)


def test_a_capital_spelt_another_way_still_places_a_deal(extractor):
    text = "Thailand and Myanmar signed a border deal in Naypyitaw on Tuesday."
    [deal] = of_type(extractor, text, "AGREE", TOLD)
    assert deal["location"] and deal["location"]["country_code"] == "MMR", deal


def test_the_words_of_a_documents_quoted_title_are_no_side(extractor):
    text = (
        'Thailand and Laos signed the "Arrangement on Return of Workers from Bokeo State" in '
        "Vientiane on Tuesday."
    )
    [deal] = of_type(extractor, text, "AGREE", TOLD)
    assert names(deal) == {"Thailand", "Laos"}, deal
    text = 'Putin said "the agreement with Xi Jinping is strong" on Tuesday.'
    assert any("Xi Jinping" in names(e) for e in events(extractor, text, TOLD)), events(
        extractor, text, TOLD
    )


def test_a_quotation_opening_on_a_deal_noun_is_what_was_said_and_names_its_side(extractor):
    text = '"Agreement with Aliyev is ready to be signed," Pashinyan said on Tuesday.'
    assert any("Ilham Aliyev" in names(e) for e in events(extractor, text, TOLD)), events(
        extractor, text, TOLD
    )


def test_a_body_named_as_a_convention_on_something_is_still_a_side(extractor):
    text = "The Convention on Migratory Species suspended its cooperation with Guinea on Tuesday."
    found = events(extractor, text, TOLD)
    assert any("Convention on Migratory Species" in names(e) for e in found), found


def test_an_acts_day_told_after_the_gathering_it_was_done_at_is_the_acts(extractor):
    text = "Chinese President Xi Jinping met Lula at the close of the G20 summit on Tuesday."
    meetings = [e for e in of_type(extractor, text, "CONSULT", TOLD) if "Xi Jinping" in names(e)]
    assert meetings and meetings[0]["date"] == "2025-03-04", meetings
