"""Briefbot's own pipeline components fix the small model's slips (bot/extract/pipeline.py)."""

from __future__ import annotations

from bot.extract.extractor import ExtractRequest
from bot.extract.pipeline import VerbsTaggedAuxiliary
from tests.extract.events_found import of_type


def events(extractor, text: str) -> list[dict]:
    return extractor.extract(ExtractRequest("t", text, "2025-02-27")).to_json()["events"]


def test_a_full_verb_the_tagger_calls_an_auxiliary_is_a_verb_again(extractor):
    doc = extractor.nlp("Andean foreign ministers gathered in Lima on Monday, as they had planned.")
    gathered = doc[3]
    had = next(t for t in doc if t.text == "had")
    assert had.pos_ == "AUX"
    gathered.pos_, gathered.lemma_ = "AUX", "gathered"  # the slip the model makes on longer text
    VerbsTaggedAuxiliary(extractor.nlp)(doc)
    assert (gathered.pos_, gathered.lemma_) == ("VERB", "gather")
    assert had.pos_ == "AUX"  # a real auxiliary stays one


def test_the_pipeline_runs_the_fix_after_the_lemmatizer(extractor):
    names = extractor.nlp.pipe_names
    assert names.index("briefbot_verbs_tagged_auxiliary") == names.index("lemmatizer") + 1


def test_the_source_the_parser_makes_the_subject_is_no_actor(extractor):
    """ "According to Minister Ana Rojas, the Andean ministers supported the plan", parsed (as the
    small model does on some names) with Rojas as the subject and the ministers in apposition."""
    from spacy.tokens import Doc

    from bot.extract.events.arguments import _past_the_source

    words = "According to Minister Ana Rojas , the Andean ministers supported the plan .".split()
    heads = [9, 0, 4, 4, 9, 4, 8, 8, 4, 9, 11, 9, 9]
    deps = "prep prep compound compound nsubj punct det amod appos ROOT det dobj punct".split()
    doc = Doc(extractor.nlp.vocab, words=words, heads=heads, deps=deps)
    assert _past_the_source(doc[4]).text == "ministers"
    plain = Doc(
        extractor.nlp.vocab,
        words="Chile signed it .".split(),
        heads=[1, 1, 1, 1],
        deps="nsubj ROOT dobj punct".split(),
    )
    assert _past_the_source(plain[0]).text == "Chile"


def test_a_plural_noun_tagged_a_verb_in_a_subjects_place_is_a_noun_again(extractor):
    # the small model tags this 'talks' VBZ, as the clause's subject (csubj)
    doc = extractor.nlp("Fiji said on Monday that talks with Tonga will resume next week.")
    talks = next(t for t in doc if t.text == "talks")
    assert talks.dep_ == "csubj" and talks.pos_ == "NOUN" and talks.lemma_ == "talk"


def test_a_word_with_a_bound_prefix_is_one_word_with_its_words_lemma(extractor):
    doc = extractor.nlp("Peru opened the summit, co-hosted with Chile, and Boric was re-elected.")
    words = {t.text: t for t in doc}
    assert (words["co-hosted"].lemma_, words["re-elected"].lemma_) == ("host", "elect")
    assert words["co-hosted"].dep_ == "acl" and words["co-hosted"].head.text == "summit"


def test_the_other_co_chair_of_a_conference_takes_part_in_it(extractor):
    text = "Chile spoke at the conference co-chaired with Peru in Lima on Monday."
    found = [e for e in events(extractor, text) if e["type"] == "CONSULT"]
    assert found and "Peru" in {p["name"] for p in found[0]["participants"]}


def test_a_hyphenated_given_name_is_part_of_the_persons_name(extractor):
    doc = extractor.nlp("President Moon Jae-in and Tsai Ing-wen met the Hamas-run agency's head.")
    people = {e.text for e in doc.ents if e.label_ == "PERSON"}
    assert {"Moon Jae-in", "Tsai Ing-wen"} <= people
    assert "run" in [t.text for t in doc]  # an English compound stays three words


def test_both_sides_named_with_hyphenated_given_names_agree(extractor):
    text = "Moon Jae-in and Kim Jong Un agreed on Friday to work toward peace."
    agreed = [e for e in events(extractor, text) if e["type"] == "AGREE"]
    assert agreed and {"Moon Jae-in", "Kim Jong Un"} <= {
        p["name"] for p in agreed[0]["participants"]
    }


def test_a_closing_quotation_mark_ends_its_own_sentence_not_the_next(extractor):
    text = (
        "Japanese Prime Minister Fumio Kishida and Chinese President Xi Jinping agreed Thursday "
        'to resolve their dispute through dialogue "in a constructive manner."\n\n'
        "In their talks, the two leaders also pledged to keep in touch."
    )
    sentences = [s.text.strip() for s in extractor.nlp(text).sents]
    assert sentences[0].endswith('manner."')
    assert sentences[1].startswith("In their talks")


def test_a_building_s_name_ends_before_the_phrase_the_tagger_ran_it_into(extractor):
    doc = extractor.nlp(
        "Xi received the Kenyan president at the Great Hall of the People at the end of a "
        "three-day visit."
    )
    places = [e.text for e in doc.ents if e.label_ in ("FAC", "ORG", "LOC", "GPE")]
    assert all(" at the end" not in p for p in places)


def test_a_first_name_the_tagger_left_out_between_title_and_name_opens_it(extractor):
    doc = extractor.nlp("Defense Secretary Gilberto Teodoro Jr. signed the pact on Monday.")
    assert "Gilberto Teodoro Jr." in [e.text for e in doc.ents if e.label_ == "PERSON"]


def test_a_title_word_or_a_country_is_no_first_name(extractor):
    doc = extractor.nlp(
        "NATO Secretary General Jens Stoltenberg met the Foreign Minister of Armenia Ararat "
        "Mirzoyan on Monday."
    )
    people = [e.text for e in doc.ents if e.label_ == "PERSON"]
    assert not any(p.startswith(("General", "Armenia")) for p in people)


def test_a_name_a_governorate_or_county_of_phrase_gives_is_a_place(extractor):
    for name in ("Al Jouf", "Sidi Bouzid", "Beni Suef"):  # the tagger: a person, a body
        doc = extractor.nlp(
            f"The foreign ministers of Iran and Oman met on Tuesday in the Omani governorate of "
            f"{name}."
        )
        assert name in [e.text for e in doc.ents if e.label_ == "GPE"], name
    # a settlement told as someone's names a person after its "of"
    doc = extractor.nlp(
        "Ruto met Abiy Ahmed on Sunday in the home county of Deputy President Kithure Kindiki."
    )
    assert "Kithure Kindiki" not in [e.text for e in doc.ents if e.label_ == "GPE"]
    # a person named in an "of" phrase of no settlement noun stays a person
    doc = extractor.nlp("The foreign minister of Jordan, Ayman Safadi, met the envoy of Iraq.")
    assert "Ayman Safadi" in [e.text for e in doc.ents if e.label_ == "PERSON"]


def test_talks_in_a_governorate_or_county_named_by_an_of_phrase_are_placed_there(extractor):
    text = (
        "The ministers of Libya and Tunisia held talks on Friday in the Libyan district of "
        "Bani Walid."
    )
    (talks,) = [e for e in of_type(extractor, text, "CONSULT") if e["confidence"] >= 0.5]
    assert talks["location"]["name"] == "Bani Walid"
