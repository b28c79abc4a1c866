"""A retreat that leaders hold is a sitting, a retreat from a place a withdrawal; a visit phrase
set off after a person's name is that person's visit, wherever the parser hung it."""

from __future__ import annotations

from tests.extract.events_found import events, names, of_type

TOLD = "2025-03-05"  # a Wednesday


def test_a_leaders_retreat_is_a_sitting_of_their_countries(extractor):
    text = (
        "Australian Prime Minister Anthony Albanese and his New Zealand counterpart Chris "
        "Hipkins held their annual leaders' retreat in Queenstown on Tuesday."
    )
    sittings = of_type(extractor, text, "CONSULT", TOLD)
    assert [e["kind"] for e in sittings] == ["summit"], sittings
    assert {"Australia", "New Zealand"} <= names(sittings[0]), sittings
    assert not of_type(extractor, text, "RETREAT", TOLD), events(extractor, text, TOLD)


def test_a_retreat_named_like_a_body_is_no_side(extractor):
    text = "The deal was signed at the ninth Vanuatu-Fiji Leaders' Retreat in Suva on Tuesday."
    found = events(extractor, text, TOLD)
    assert not [e for e in found if any("Retreat" in n for n in names(e))], found


def test_a_retreat_from_a_place_or_of_an_army_is_still_a_withdrawal(extractor):
    for text in (
        "Russian troops made a hasty retreat from Kherson on Tuesday.",
        "The retreat of Russian forces from Kherson began on Tuesday.",
    ):
        assert not of_type(extractor, text, "CONSULT", TOLD), events(extractor, text, TOLD)
        assert of_type(extractor, text, "RETREAT", TOLD), events(extractor, text, TOLD)


def test_a_cabinet_retreat_is_one_governments_own_sitting(extractor):
    text = "The German cabinet met at its annual government retreat on Tuesday."
    assert not [e for e in of_type(extractor, text, "CONSULT", TOLD) if e["kind"] == "summit"], (
        events(extractor, text, TOLD)
    )


def test_a_visit_set_off_after_a_name_is_that_persons(extractor):
    text = (
        "The plan was welcomed in Lima on Tuesday by Brazilian President Luiz Inacio Lula da "
        "Silva, on an official visit to Peru, and by Peruvian ministers."
    )
    visits = [e for e in of_type(extractor, text, "CONSULT", TOLD) if e["kind"] == "visit"]
    assert visits and {"Luiz Inacio Lula da Silva", "Peru"} <= names(visits[0]), events(
        extractor, text, TOLD
    )


def test_a_visit_phrase_after_a_place_or_a_word_names_no_visitor(extractor):
    text = "Protests spread to Windhoek, on a visit to which Modi spoke on Tuesday."
    assert not [
        e
        for e in of_type(extractor, text, "CONSULT", TOLD)
        if e["kind"] == "visit" and "Windhoek" in names(e)
    ], events(extractor, text, TOLD)
