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


def test_a_retreat_held_hosted_or_attended_is_a_sitting(extractor):
    for text in (
        "The presidents of Chile and Peru held a retreat in Arica on Tuesday.",
        "President Gabriel Boric attended a retreat with President Dina Boluarte in Arica on "
        "Tuesday.",
    ):
        assert of_type(extractor, text, "CONSULT", TOLD), events(extractor, text, TOLD)
        assert not of_type(extractor, text, "RETREAT", TOLD), events(extractor, text, TOLD)


def test_a_retreat_staged_or_one_sides_own_retreat_held_is_no_sitting(extractor):
    for text in (
        "Russia staged a retreat across the Dnipro River on Tuesday.",
        "Prime Minister Keir Starmer hosted a cabinet retreat at Chequers on Tuesday.",
        "The Kremlin had planned the retreat for weeks.",
    ):
        assert not [
            e for e in of_type(extractor, text, "CONSULT", TOLD) if e["kind"] == "summit"
        ], events(extractor, text, TOLD)


def test_one_sides_own_retreat_hosted_is_no_visit(extractor):
    text = "Prime Minister Keir Starmer hosted a cabinet retreat with his ministers on Tuesday."
    assert not of_type(extractor, text, "CONSULT", TOLD), events(extractor, text, TOLD)


def test_a_retreat_one_side_holds_is_no_withdrawal(extractor):
    text = "Fiji held a retreat in Nadi on Tuesday."
    assert not of_type(extractor, text, "RETREAT", TOLD), events(extractor, text, TOLD)
    hosted = "Japan hosted a retreat on Tuesday for ASEAN defence chiefs in Tokyo."
    sittings = of_type(extractor, hosted, "CONSULT", TOLD)
    assert [e["kind"] for e in sittings] == ["summit"], events(extractor, hosted, TOLD)


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


def test_who_returned_home_after_a_visit_paid_it_and_it_ended_that_day(extractor):
    text = "Lula returned to Brasilia on Monday after a two-day visit to Lima."
    [visit] = of_type(extractor, text, "CONSULT", TOLD)
    assert names(visit) == {"Luiz Inacio Lula da Silva", "Peru"}, visit
    assert (visit["date"], visit["location"]["name"]) == ("2025-03-02", "Lima"), visit


def test_returning_after_anothers_visit_pays_no_visit(extractor):
    text = "Ruto returned to Nairobi on Monday after a visit by Xi to Kenya ended."
    found = of_type(extractor, text, "CONSULT", TOLD)
    assert found and all("William Ruto" not in names(e) for e in found), found


def test_a_visit_whose_return_the_sentence_tells_is_no_longer_under_way(extractor):
    text = "Putin arrived in Hanoi on Wednesday, met the president and returned to Moscow."
    visits = [e for e in of_type(extractor, text, "CONSULT", TOLD) if e["kind"] == "visit"]
    assert visits and visits[0]["status"] == "concluded", visits


def test_a_sitting_in_a_where_clause_is_held_in_the_place_it_hangs_on(extractor):
    text = (
        "Albanese returned to Canberra on Sunday after a one-day visit to Suva, where he took "
        "part in a regional summit with Fiji and Tonga."
    )
    summits = [e for e in of_type(extractor, text, "CONSULT", TOLD) if e["kind"] == "summit"]
    assert summits and summits[0]["location"]["name"] == "Suva", summits


def test_a_retreat_by_troops_or_of_one_side_is_no_sitting(extractor):
    for text in (
        "The joint retreat by Russian and Syrian government forces near Aleppo began on Tuesday.",
        "Russian troops made their first retreat since 2022 in the Kharkiv region on Tuesday.",
        "The rebel leader's hasty retreat on Tuesday left the town of Uvira undefended.",
        "The ruling party held its annual party retreat in Hakone on Tuesday.",
    ):
        assert not [
            e for e in of_type(extractor, text, "CONSULT", TOLD) if e["kind"] == "summit"
        ], events(extractor, text, TOLD)


def test_a_person_acted_on_or_spoken_of_before_a_visit_phrase_is_no_visitor(extractor):
    for text, spoken_of in (
        (
            "French President Emmanuel Macron criticised Vladimir Putin, on a visit to Hanoi, "
            "on Tuesday.",
            "Vladimir Putin",
        ),
        (
            "South African President Cyril Ramaphosa praised Nelson Mandela, on a visit to "
            "Robben Island, on Tuesday.",
            "Nelson Mandela",
        ),
    ):
        visits = [e for e in of_type(extractor, text, "CONSULT", TOLD) if e["kind"] == "visit"]
        assert all(spoken_of not in names(e) for e in visits), visits
