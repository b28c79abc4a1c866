"""Who took part in talks told inside a longer phrase: a leader whose time it is, a topic that
figures in them, a traveller leaving for them, the doers of a passive act after them."""

from __future__ import annotations

from tests.extract.events_found import events, names


def gatherings(extractor, text: str, published: str = "2025-03-05") -> list[dict]:
    return [e for e in events(extractor, text, published) if e["type"] == "CONSULT"]


def test_the_leader_under_whom_talks_are_held_is_no_side_of_them(extractor):
    text = (
        "Chile and Bolivia held talks in Lima on Monday, the first negotiations between the two "
        "neighbours under President Gabriel Boric, who has vowed to settle the dispute."
    )
    talks = gatherings(extractor, text)
    assert talks and all(names(e) == {"Chile", "Bolivia"} for e in talks), talks


def test_a_title_beginning_with_under_still_names_a_side(extractor):
    text = (
        "Talks between US Under Secretary of State Allison Hooker and Chinese Vice Foreign "
        "Minister Ma Zhaoxu in Geneva on Monday ended without progress."
    )
    talks = gatherings(extractor, text)
    assert talks and all({"Allison Hooker", "Ma Zhaoxu"} <= names(e) for e in talks), talks


def test_what_is_expected_to_figure_in_talks_is_no_side_of_them(extractor):
    text = "Border trade and Chile's claim to the Lauca river are expected to figure in the talks."
    assert all("Chile" not in names(e) for e in gatherings(extractor, text)), text


def test_a_leader_leaving_for_a_summit_with_another_takes_part_in_it(extractor):
    # published on Wednesday 2025-03-05
    text = "President Lula will leave for Chile on Thursday for a summit with President Boric."
    summits = [e for e in gatherings(extractor, text) if e["kind"] == "summit"]
    assert summits, summits
    assert all(
        {"Luiz Inacio Lula da Silva", "Gabriel Boric"} <= names(e) and e["status"] == "planned"
        for e in summits
    ), summits


def test_talks_that_follow_a_planned_reception_are_not_told_as_held(extractor):
    text = (
        "Lula is expected to be received at the palace on Friday afternoon, followed by talks "
        "with Boric and a dinner."
    )
    held = [e for e in gatherings(extractor, text) if e["kind"] == "talks"]
    assert held and all(e["status"] != "concluded" for e in held), held


def test_their_talks_after_a_passive_act_are_the_doers_talks(extractor):
    text = (
        "The new format was announced in Brasilia on Sunday by foreign ministers Mauro Vieira "
        "and Alberto van Klaveren after their talks on the sidelines of a Mercosur meeting."
    )
    talks = [e for e in gatherings(extractor, text) if e["kind"] == "talks"]
    assert talks and all({"Mauro Vieira", "Alberto van Klaveren"} <= names(e) for e in talks), talks
