"""Who made an agreement and what it does: a decree one person signed is no agreement shown, an
accord reached at talks between two states is theirs, and what it does is among its topics.
Sentences are the repository's own."""

from __future__ import annotations

import pytest

from bot.extract.entities import link_entities
from bot.extract.events.arguments import _only_ever_where
from bot.extract.extractor import ExtractRequest
from tests.extract.events_found import names, of_type


def shown_agreements(extractor, text: str) -> list[dict]:
    return [e for e in of_type(extractor, text, "AGREE") if e["confidence"] >= 0.5]


def test_a_decree_one_president_signed_is_no_agreement_shown(extractor):
    text = "The accord on pensions was signed by President Gustavo Petro on Monday."
    assert shown_agreements(extractor, text) == []


def test_an_accord_reached_at_talks_between_two_sides_is_theirs_and_was_reached(extractor):
    text = (
        "The accord, reached after two weeks of talks at a lakeside hotel between Serbia and "
        "Kosovo, sets up an association of municipalities."
    )
    (accord,) = shown_agreements(extractor, text)
    assert {"Serbia", "Kosovo"} <= names(accord)
    assert accord["status"] == "concluded"


def test_what_a_deal_does_is_among_its_topics(extractor):
    text = (
        "Serbia and Kosovo on Thursday formally concluded an EU-mediated agreement setting their "
        "border crossings for the first time."
    )
    (deal,) = shown_agreements(extractor, text)
    assert any("border crossings" in topic for topic in deal["topics"])
    # why a side signed is no term of the deal
    text = "Vucic signed the deal with Kurti on Sunday to stay in power, critics said."
    result = extractor.extract(ExtractRequest("t", text, "2023-03-20")).events
    assert all("power" not in " ".join(e.topics) for e in result if e.type == "AGREE")


def test_a_side_that_will_respect_a_truce_agreed_with_another_made_it_with_them(extractor):
    text = "Israel will respect the truce agreed with Hamas in Cairo."
    (truce,) = shown_agreements(extractor, text)
    assert {"Israel", "Hamas"} <= names(truce)
    assert truce["status"] == "concluded"


def test_one_who_welcomed_a_truce_agreed_with_another_is_no_side_of_it(extractor):
    text = "The UN welcomed the truce agreed with Hamas in Cairo."
    assert all("UN" not in names(e) for e in of_type(extractor, text, "AGREE"))


def test_a_country_the_article_names_only_as_where_a_deal_was_signed_is_only_where(extractor):
    text = (
        "Washington eases oil sanctions on Caracas after Barbados electoral deal\n\n"
        "The United States on Wednesday lifted some of its sanctions, a day after the government "
        "and the opposition signed an agreement in Barbados. What was signed in Barbados is a road "
        "map, an analyst said."
    )
    doc = extractor.nlp(text)
    index = link_entities(doc)
    barbados = next(t for t in doc if t.text == "Barbados")
    assert _only_ever_where(barbados, index)
    doc = extractor.nlp(
        "Iran and the United States signed the Iran deal in Vienna after talks in Iran."
    )
    index = link_entities(doc)
    assert not _only_ever_where(next(t for t in doc if t.text == "Iran"), index)


def test_a_country_that_signs_a_deal_named_after_it_is_a_side(extractor):
    text = "Iran and the United States signed the Iran deal in Vienna after talks in Iran."
    (deal,) = shown_agreements(extractor, text)
    assert {"Iran", "United States"} <= names(deal)


def test_an_understanding_reached_is_an_agreement(extractor):
    text = "Peru and Chile on Saturday reached an understanding to halt all firing on the border."
    (understanding,) = shown_agreements(extractor, text)
    assert {"Peru", "Chile"} <= names(understanding)
    assert understanding["date"] == "2025-02-22"
    came = "Peru and Chile came to an understanding on Saturday on fishing rights."
    assert [names(e) for e in shown_agreements(extractor, came)] == [{"Peru", "Chile"}]
    assert shown_agreements(extractor, "The talks aim to reach an understanding on trade.") == []


def test_talks_a_statement_of_an_agreement_came_after_were_held_by_its_sides(extractor):
    text = (
        "Peru, Chile and Bolivia have agreed that the river's water should be shared in stages "
        "during the dry season, and aim to sign a final treaty by the end of the month, "
        "according to a joint statement released after three days of talks in Lima."
    )
    talks = [e for e in of_type(extractor, text, "CONSULT") if e["confidence"] >= 0.5]
    assert [names(t) for t in talks] == [{"Peru", "Chile", "Bolivia"}]
    assert talks[0]["location"]["name"] == "Lima"


def test_leaders_approving_a_protocol_made_an_agreement(extractor):
    text = (
        "The protocol to the 2019 memorandum on the border, which the presidents of Peru and "
        "Chile approved in Lima yesterday, sets up a joint patrol."
    )
    (protocol,) = shown_agreements(extractor, text)
    assert {"Peru", "Chile"} <= names(protocol)
    assert protocol["status"] == "concluded"
    sealed = "The deal, which Peru and Chile sealed in Lima on Saturday, opens the border."
    assert [names(e) for e in shown_agreements(extractor, sealed)] == [{"Peru", "Chile"}]


def test_approving_what_is_no_deal_or_approving_it_alone_is_no_agreement(extractor):
    text = "Peru's parliament approved the aid package and the budget on Monday."
    assert shown_agreements(extractor, text) == []
    # one side's cabinet or ministers approving a text ratify it at home
    for text in (
        "Peru's cabinet on Tuesday approved the defence pact signed with Chile last month.",
        "EU foreign ministers approved a legal framework on Monday for sanctions against Peru.",
    ):
        assert all(e["date"] != "2025-02-25" for e in shown_agreements(extractor, text)), text
        assert all(e["date"] != "2025-02-24" for e in shown_agreements(extractor, text)), text


def test_for_whom_a_deal_was_signed_is_no_term_of_it(extractor):
    text = (
        "Peru's foreign minister on Monday signed, on behalf of President Ana Rojas, the fisheries "
        "accord with Chile."
    )
    result = extractor.extract(ExtractRequest("t", text, "2025-03-04")).events
    agreements = [e for e in result if e.type == "AGREE"]
    assert agreements
    for deal in agreements:
        assert "behalf" not in (deal.content or "") + " ".join(deal.topics)


def test_leaders_signing_where_a_summit_was_held_are_the_summits_sides(extractor):
    text = (
        "Chile's Boric took part on Monday in a summit of the Andean Community held in the "
        "Bolivian town of Copacabana, where leaders signed a declaration on river waters."
    )
    signed = shown_agreements(extractor, text)
    assert signed and "Gabriel Boric" in names(signed[0]), signed


def test_leaders_of_no_summit_told_leave_the_signing_unsure(extractor):
    text = "Andean leaders signed a declaration on river waters in Copacabana on Monday."
    assert not shown_agreements(extractor, text)


def test_a_declaration_told_as_signed_is_its_signers_agreement(extractor):
    text = (
        "Peru on Friday welcomed the signing by representatives of Chile and Bolivia of a "
        "declaration committing them to share the waters of the Lauca river."
    )
    signed = of_type(extractor, text, "AGREE")
    assert signed and names(signed[0]) == {"Chile", "Bolivia"}, signed


def test_a_declaration_read_out_is_no_agreement(extractor):
    text = "Chile read out a declaration on the Lauca river at the meeting in Lima on Friday."
    assert not of_type(extractor, text, "AGREE")


@pytest.mark.parametrize(
    "text",
    [
        "Peru urged the signing by Chile and Bolivia of a declaration on the Lauca river.",
        "Peru prevented the signing by Chile and Bolivia of a joint declaration at the summit.",
        "Diplomats gathered in Lima ahead of the signing of a declaration by Chile and Bolivia.",
        "Lima marked the anniversary of the signing of the declaration of war by Chile on Peru.",
    ],
)
def test_a_declaration_whose_signing_is_urged_awaited_or_of_war_is_no_agreement(extractor, text):
    assert not shown_agreements(extractor, text)


def test_a_list_of_sides_the_parser_reads_as_an_apposition_signs_together(extractor):
    # the parser hangs "the UN" on Egypt as an appositive, and Israel and Jordan on the UN
    text = (
        "Egypt, the UN, Israel and Jordan on Monday signed the document on the safe passage "
        "of aid through the crossing."
    )
    found = of_type(extractor, text, "AGREE", "2025-05-10")
    assert found and {"Egypt", "UN", "Israel", "Jordan"} <= names(found[0]), found


@pytest.mark.parametrize(
    "text",
    [
        "Egypt, the host, and Jordan on Monday signed the document.",
        "Sisi, Egypt's president, and Jordan on Monday signed the document.",
    ],
)
def test_a_description_set_off_by_commas_is_no_side_of_its_own(extractor, text):
    found = of_type(extractor, text, "AGREE", "2025-05-10")
    assert all(not {"host", "president"} & {n.lower() for n in names(e)} for e in found), found


def test_a_declaration_whose_signing_by_two_sides_is_told_is_their_agreement(extractor):
    text = (
        "The signing of the Lauca Declaration by Chile and Bolivia on Monday marks the high "
        "point of a thaw between the two neighbours."
    )
    (signed,) = shown_agreements(extractor, text)
    assert names(signed) == {"Chile", "Bolivia"}
    assert signed["status"] == "concluded"


@pytest.mark.parametrize(
    "text",
    [
        "The signing of the declaration of independence by the rebels on Thursday angered Lima.",
        "The signing of a declaration by Chile and Bolivia was not possible at the summit.",
        "The signing of the declaration by the Andean Community on Monday marks a shift.",
        "The signing of the declaration by Chile and Bolivia was scheduled for Monday but did "
        "not happen.",
        "The signing of the declaration by Chile and Bolivia on Monday is expected to boost trade.",
        "The signing of the declaration by Chile and Bolivia on Monday was planned for months.",
    ],
)
def test_a_signing_of_one_side_or_told_as_undone_is_no_agreement(extractor, text):
    assert not shown_agreements(extractor, text)


@pytest.mark.parametrize("text_noun", ["accord", "declaration"])
@pytest.mark.parametrize("setting", ["is scheduled for next week", "is set for Friday"])
def test_a_signing_set_for_a_day_to_come_is_planned(extractor, text_noun, setting):
    text = f"The signing of the {text_noun} by Chile and Bolivia {setting}."
    signed = of_type(extractor, text, "AGREE")
    assert signed and {e["status"] for e in signed} == {"planned"}, signed


@pytest.mark.parametrize("verb", ["set off protests in La Paz", "set the stage for talks"])
def test_a_signing_that_set_something_off_was_done(extractor, verb):
    text = f"The signing of the accord by Chile and Bolivia on Monday {verb}."
    signed = of_type(extractor, text, "AGREE")
    assert signed and {(e["status"], e["date"]) for e in signed} == {("concluded", "2025-02-24")}


def test_a_signing_called_off_before_its_day_was_called_off(extractor):
    text = "The signing of the accord by Chile and Bolivia, scheduled for Friday, was cancelled."
    (cancelled,) = of_type(extractor, text, "SANCTION")
    assert cancelled["status"] == "concluded"
