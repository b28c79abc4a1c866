"""Sides told by count ("the foreign ministers of the three countries"), Gulf papers' abbreviated
honorifics ("H H the Amir"), a place named before "summit" in a headline, and an agreement that
is only aimed at."""

from __future__ import annotations

import pytest

from bot.extract.extractor import ExtractRequest
from tests.extract import events_found
from tests.extract.events_found import events, names


def of_type(extractor, text: str, type_: str, published: str = "2025-03-05") -> list[dict]:
    # this file's texts are told on a Wednesday (their "on Monday" is 3 March)
    return events_found.of_type(extractor, text, type_, published)


def test_the_people_of_the_three_countries_just_named_are_those_countries(extractor):
    text = (
        "Chile, Peru and Bolivia have agreed to share data on the Lauca river. "
        "The foreign ministers of the three countries met in Lima on Monday."
    )
    met = [e for e in of_type(extractor, text, "CONSULT") if e["kind"] == "meeting"]
    assert met and names(met[0]) == {"Chile", "Peru", "Bolivia"}, met
    assert met[0]["location"]["name"] == "Lima", met


def test_the_two_countries_ministers_are_the_pair_named_before(extractor):
    text = (
        "Chile and Peru have agreed to share data on the Lauca river. "
        "The two countries' foreign ministers met in Lima on Monday."
    )
    met = of_type(extractor, text, "CONSULT")
    assert met and names(met[0]) == {"Chile", "Peru"}, met


def test_a_meeting_of_the_two_leaders_is_held_where_the_phrase_says(extractor):
    text = (
        "Chile and Peru have agreed to share data on the Lauca river. "
        "The statement came after a meeting of the two leaders in Lima on Monday."
    )
    met = of_type(extractor, text, "CONSULT")
    assert met and names(met[0]) == {"Chile", "Peru"}, met
    assert met[0]["location"]["name"] == "Lima", met


def test_three_counted_sides_need_three_named(extractor):
    text = (
        "Chile and Peru have agreed to share data on the Lauca river. "
        "The foreign ministers of the three countries met in Lima on Monday."
    )
    met = [e for e in of_type(extractor, text, "CONSULT") if e["confidence"] >= 0.5]
    assert not any({"Chile", "Peru"} <= names(e) for e in met), met


def test_the_two_countries_are_never_the_two_leaders_named_before(extractor):
    text = (
        "Boric and Boluarte spoke by phone last week. The foreign ministers of the two "
        "countries met in Arica on Tuesday."
    )
    met = [e for e in of_type(extractor, text, "CONSULT") if e["kind"] == "meeting"]
    assert all({"Gabriel Boric", "Dina Boluarte"}.isdisjoint(names(e)) for e in met), met


def test_the_two_leaders_are_not_the_sides_of_a_dispute_they_discussed(extractor):
    text = (
        "Boric and Lula discussed the border dispute between Peru and Bolivia on Monday. The two "
        "leaders met in Brasilia on Tuesday."
    )
    met = [e for e in of_type(extractor, text, "CONSULT") if e["kind"] == "meeting"]
    assert met and not names(met[0]) & {"Peru", "Bolivia"}, met


def test_an_abbreviated_honorific_is_nobodys_name(extractor):
    text = (
        "Doha: The Amir H H Sheikh Tamim bin Hamad Al Thani took part on Tuesday in the summit "
        "of the Gulf Cooperation Council held in the Saudi city of Riyadh."
    )
    summits = of_type(extractor, text, "CONSULT", "2021-01-06")
    assert summits and "Tamim bin Hamad Al Thani" in names(summits[0]), summits
    assert not any("H H" in n for e in summits for n in names(e)), summits


def test_a_headlines_summit_named_by_a_town_the_body_places_is_held_there(extractor):
    text = (
        "Leaders attend Ras Laffan summit\n\n"
        "Qatar's emir Tamim bin Hamad Al Thani took part on Tuesday in the summit of the Gulf "
        "Cooperation Council held in the Qatari town of Ras Laffan."
    )
    summits = of_type(extractor, text, "CONSULT", "2021-01-06")
    assert summits and all("Ras Laffan" not in names(e) for e in summits), summits
    assert summits[0]["location"]["name"] == "Ras Laffan", summits


def test_a_commitment_to_reaching_an_agreement_is_no_agreement(extractor):
    text = (
        "Chile and Peru held talks in Lima on Monday. Chile's foreign ministry said the talks "
        "showed its commitment to reaching a fair and balanced agreement."
    )
    assert not of_type(extractor, text, "AGREE"), text


def test_a_deal_the_two_leaders_signed_beside_a_third_is_the_pairs_too(extractor):
    text = (
        "Chile and Peru held talks in Lima on Monday. The two leaders signed a water accord "
        "alongside Bolivia's president."
    )
    deals = of_type(extractor, text, "AGREE")
    assert deals and {"Chile", "Peru", "Bolivia"} <= names(deals[0]), deals


def test_the_two_countries_presidents_signing_is_the_headlines_pair(extractor):
    text = (
        "Chile and Peru settle river dispute. "
        "The two countries' presidents signed an accord in Lima on Monday."
    )
    deals = of_type(extractor, text, "AGREE")
    assert deals and names(deals[0]) == {"Chile", "Peru"}, deals
    assert deals[0]["location"]["name"] == "Lima", deals


def test_what_a_treatys_title_is_about_is_no_side_of_it(extractor):
    text = (
        "Chile and Peru on Tuesday signed the Treaty of Peace, Diplomatic Relations and Full "
        "Cooperation in Lima."
    )
    deals = of_type(extractor, text, "AGREE")
    assert deals and names(deals[0]) == {"Chile", "Peru"}, deals


def test_a_given_name_that_is_also_a_title_stays_a_name(extractor):
    text = (
        "Afghanistan's acting foreign minister Amir Khan Muttaqi met Pakistan's foreign minister "
        "Ishaq Dar in Kabul on Sunday."
    )
    met = of_type(extractor, text, "CONSULT")
    assert met and "Amir Khan Muttaqi" in names(met[0]), met


def test_a_place_or_body_named_after_a_titled_person_is_no_person(extractor):
    text = "Oman and Iran signed an accord at Sultan Qaboos University in Muscat on Monday."
    x = extractor.extract(ExtractRequest("t", text, "2025-03-05"))
    assert ("Sultan Qaboos University", "organization") in {(e.name, e.kind) for e in x.entities}


def test_a_body_whose_words_a_title_also_has_is_still_a_body(extractor):
    sanctions = of_type(
        extractor, "The US Treasury imposed sanctions on Iran's oil minister on Monday.", "SANCTION"
    )
    assert sanctions and "US Treasury" in names(sanctions[0]), sanctions


def test_military_ranks_are_titles_not_names(extractor):
    text = (
        "Libya's Field Marshal Khalifa Haftar met Sudan's army chief, Lieutenant General Abdel "
        "Fattah al-Burhan, in Benghazi on Saturday."
    )
    met = of_type(extractor, text, "CONSULT")
    assert met and {"Khalifa Haftar", "Abdel Fattah al-Burhan"} <= names(met[0]), met
    assert not any("Marshal" in n or "General" in n for n in names(met[0])), met


def test_whom_a_summit_brought_together_took_part_in_it(extractor):
    text = (
        "The summit, which began on Wednesday, brought together the leaders of Fiji, Samoa and "
        "Tonga."
    )
    summits = of_type(extractor, text, "CONSULT", "2022-09-29")
    assert summits and names(summits[0]) == {"Fiji", "Samoa", "Tonga"}, summits


def test_what_those_a_summit_brought_together_are_about_is_no_side(extractor):
    text = "The summit in Suva brought together critics of Chile's policy in the Pacific."
    assert all("Chile" not in names(e) for e in of_type(extractor, text, "CONSULT")), text


def test_a_region_the_leaders_are_of_is_not_where_they_met(extractor):
    text = (
        "Boric and Lula attended a meeting of the leaders of countries in South America on Friday."
    )
    met = of_type(extractor, text, "CONSULT")
    assert met and met[0].get("location") is None, met


def test_talks_where_a_consensus_now_acted_on_was_reached_are_not_the_articles_talks(extractor):
    text = (
        "Chile and Peru have agreed on a plan for implementing the consensus reached at the talks "
        "in Quito, Chile's envoy Ana Rojas said. Rojas spoke to reporters late on Tuesday in "
        "Lima, following two days of talks as part of the first meeting of the Chile-Peru border "
        "commission. The negotiations, held at the foreign ministry in Lima, lasted nearly 20 "
        "hours."
    )
    found = events(extractor, text, "2025-06-11")
    talks = [e for e in found if e["type"] == "CONSULT"]
    assert [(e.get("location") or {}).get("name") for e in talks] == ["Lima"], talks
    # nor was the plan agreed where the consensus was
    assert all(
        (e.get("location") or {}).get("name") != "Quito" for e in found if e["type"] == "AGREE"
    ), found


@pytest.mark.parametrize(
    "told", ["reached a compromise on the border", "reached solutions on the key parameters"]
)
def test_two_sides_reaching_a_compromise_or_solutions_agree(extractor, told):
    text = f"Chile and Peru {told} on Thursday."
    deals = of_type(extractor, text, "AGREE", "2025-03-07")
    assert deals and names(deals[0]) == {"Chile", "Peru"}, deals


def test_the_sides_agreeing_after_a_headlines_talks_are_those_talks_sides(extractor):
    text = (
        "Lima talks between Chile and Peru end with joint statement\n\n"
        "The two foreign ministers read out a statement late on Thursday, announcing that the "
        "sides had reached an agreement on the key parameters of a future treaty."
    )
    deals = of_type(extractor, text, "AGREE", "2025-03-07")
    assert deals and names(deals[0]) == {"Chile", "Peru"}, deals


def test_the_two_sides_are_those_the_sentence_before_has_talks_between(extractor):
    text = (
        "According to Chile's foreign ministry, the negotiations between Peru and the World Bank "
        "began in June with Chile's help. The two sides agreed on a new loan on Monday."
    )
    deals = of_type(extractor, text, "AGREE")
    assert deals and names(deals[0]) == {"Peru", "World Bank"}, deals


def test_leaders_shaking_hands_met(extractor):
    text = "Chilean President Gabriel Boric shook hands with Peru's president in Arica on Monday."
    met = of_type(extractor, text, "CONSULT")
    assert met and met[0]["kind"] == "meeting", met
    assert names(met[0]) == {"Chile", "Gabriel Boric", "Peru"}, met


@pytest.mark.parametrize(
    "text",
    [
        "Boric shook hands with Chilean troops in Arica on Monday.",
        "A photo of Boric shaking hands with Lula in Brasilia was shown on television on Monday.",
    ],
)
def test_a_handshake_with_a_crowd_or_in_a_picture_is_no_meeting(extractor, text):
    assert not of_type(extractor, text, "CONSULT"), text


def test_a_weekday_with_its_date_in_brackets_dates_the_act(extractor):
    text = "On Thursday (Oct 30), US President Donald Trump met Chinese President Xi in Busan."
    met = of_type(extractor, text, "CONSULT", "2025-10-31")
    assert met and met[0]["date"] == "2025-10-30", met


def test_talks_a_headline_says_end_are_over(extractor):
    talks = of_type(extractor, "Chile-Peru border talks end without deal", "CONSULT")
    assert talks and talks[0]["status"] == "concluded", talks
    talks = of_type(extractor, "Boric warns Chile-Peru talks end if Lima refuses", "CONSULT")
    assert all(e["status"] != "concluded" for e in talks), talks


def test_the_summit_an_article_names_is_not_last_years_it_recalls(extractor):
    text = (
        "LIMA, March 3 (Reuters) - President Gabriel Boric on Monday announced that Chile would "
        "open two consulates in the Andes, as he hosted Andean leaders in Santiago for the second "
        "time in a year.\n\n"
        "Chile will provide $200 million in new funding, on top of the more than $800 million "
        "announced at last year's inaugural summit.\n\n"
        "Premier Tui Manu of Tonga and Prime Minister Sela Fifita of Samoa attended the summit."
    )
    summits = [e for e in of_type(extractor, text, "CONSULT", "2025-03-03") if "Tonga" in names(e)]
    assert summits and all(e["date"] != "2024-01-01" for e in summits), summits


def test_the_host_who_received_a_guest_opening_a_summit_is_a_side_of_it(extractor):
    text = (
        "Lima: Prime Minister Ana Rojas of Chile was received by Peruvian President Luis Quispe "
        "at the national museum today, kicking off a two-day informal summit aimed at resetting "
        "ties that have been strained since last year's border row."
    )
    summits = [
        e for e in of_type(extractor, text, "CONSULT", "2025-03-04") if e["kind"] == "summit"
    ]
    assert summits and names(summits[0]) == {"Ana Rojas", "Chile", "Luis Quispe", "Peru"}, summits


def test_the_signers_of_a_deal_are_those_its_signing_is_by(extractor):
    text = "The signing of the accord by Chile and Bolivia on Thursday ended a decade of quarrels."
    deals = of_type(extractor, text, "AGREE")
    assert deals and names(deals[0]) == {"Chile", "Bolivia"}, deals
    assert deals[0]["status"] == "concluded", deals


def test_who_welcomed_a_signing_signed_nothing_and_not_that_day(extractor):
    text = "Peru on Friday welcomed the signing by Chile and Bolivia of a border accord."
    deals = of_type(extractor, text, "AGREE", "2025-03-08")
    assert deals and names(deals[0]) == {"Chile", "Bolivia"}, deals
    assert deals[0]["date"] is None, deals


def test_the_two_leaders_who_signed_a_document_told_as_its_relative_are_the_pair_before(extractor):
    text = (
        "The ceremony was the high point of the long effort to end the Chile-Bolivia dispute. "
        "But the document the two leaders signed alongside Emmanuel Macron on August 8 is a "
        "declaration, not a treaty."
    )
    signed = of_type(extractor, text, "AGREE", "2025-08-10")
    assert signed and {"Chile", "Bolivia"} <= names(signed[0]), signed


def test_words_deep_in_a_deals_title_are_no_side_of_it(extractor):
    titled = (
        "Chile's foreign ministry issued a statement on the talks held in Quito on the draft "
        "Accord on the Restoration of Trust and Neighbourly Relations between Chile and Peru."
    )
    found = [*of_type(extractor, titled, "AGREE"), *of_type(extractor, titled, "CONSULT")]
    assert found and all("Neighbourly Relations" not in names(e) for e in found), found


@pytest.mark.parametrize(
    ("text", "side"),
    [
        # a body's name may hold "our" ("its" and "their" it may not)
        (
            "Save Our Seas Foundation signed an agreement with Kenya on Monday.",
            "Save Our Seas Foundation",
        ),
        # a party named by initials that a trade deal once bore too
        ("The TPP and the KMT signed a cooperation agreement in Taipei on Monday.", "TPP"),
    ],
)
def test_bodies_named_like_what_is_no_side_stay_sides(extractor, text, side):
    deals = of_type(extractor, text, "AGREE")
    assert deals and side in names(deals[0]), deals
