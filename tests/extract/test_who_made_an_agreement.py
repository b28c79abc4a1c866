"""Who made an agreement and what it does: the people who put their names to one text each signed
for a party, though both are of one country (a government and its rebels); one named beside the
signer in a phrase the parser hung on the wrong clause is still a signer; an accord reached at
talks between two sides is theirs, and what it does is among its topics. Sentences are the
repository's own."""

from __future__ import annotations

from spacy.tokens import Doc

from bot.extract.events.arguments import _preps_before_a_misread_object
from bot.extract.extractor import ExtractRequest
from tests.extract.events_found import names, of_type


def shown_agreements(extractor, text: str) -> list[dict]:
    return [e for e in of_type(extractor, text, "AGREE") if e["confidence"] >= 0.5]


def test_a_deal_two_rivals_of_one_country_signed_is_their_agreement(extractor):
    text = (
        "President Ashraf Ghani signed, alongside his rival Abdullah Abdullah, the power-sharing "
        "deal on Sunday."
    )
    (deal,) = shown_agreements(extractor, text)
    assert {"Ashraf Ghani", "Abdullah Abdullah"} <= names(deal)


def test_a_decree_one_president_signed_is_no_agreement_shown(extractor):
    text = "The accord on pensions was signed by President Gustavo Petro on Monday."
    assert shown_agreements(extractor, text) == []


def test_a_phrase_set_off_before_a_misread_object_is_the_signing_verbs(extractor):
    # "he had signed, alongside President Ruiz, the deal negotiated in Lima", as the parser read
    # it: "the deal negotiated ..." a clause of its own, "alongside ..." hung on that clause
    words = ["he", "had", "signed", ",", "alongside", "Ruiz", ",", "the", "deal", "negotiated"]
    heads = [2, 2, 2, 2, 9, 4, 9, 8, 9, 2]
    deps = ["nsubj", "aux", "ROOT", "punct", "prep", "pobj", "punct", "det", "nsubj", "advcl"]
    tags = ["PRP", "VBD", "VBN", ",", "IN", "NNP", ",", "DT", "NN", "VBD"]
    pos = ["PRON", "AUX", "VERB", "PUNCT", "ADP", "PROPN", "PUNCT", "DET", "NOUN", "VERB"]
    doc = Doc(extractor.nlp.vocab, words=words, heads=heads, deps=deps, tags=tags, pos=pos)
    assert [t.text for t in _preps_before_a_misread_object(doc[2])] == ["alongside"]
    # a phrase after the object is the participle's own ("the deal negotiated in Lima")
    words = ["he", "signed", "the", "deal", "negotiated", "in", "Lima"]
    heads = [1, 1, 3, 4, 1, 4, 5]
    deps = ["nsubj", "ROOT", "det", "nsubj", "advcl", "prep", "pobj"]
    tags = ["PRP", "VBD", "DT", "NN", "VBD", "IN", "NNP"]
    pos = ["PRON", "VERB", "DET", "NOUN", "VERB", "ADP", "PROPN"]
    doc = Doc(extractor.nlp.vocab, words=words, heads=heads, deps=deps, tags=tags, pos=pos)
    assert _preps_before_a_misread_object(doc[1]) == []


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
    text = "Serbia and Kosovo struck a landmark deal Tuesday to reopen their border crossings."
    result = extractor.extract(ExtractRequest("t", text, "2023-03-20")).events
    assert any("border crossings" in " ".join(e.topics) for e in result if e.type == "AGREE")
