"""What a reviewer's probes of the session's new rules showed they must not do: onlookers who
speak after talks are not their sides, a call planned or told as earlier does not make a
conversation a call, a past visit is not the visit reported, a third party's announcement
does not place a deal, a deal's sentence does not take the people of another act beside it,
and a formal title ending in a plural word is still one person's."""

from __future__ import annotations

from bot.extract.extractor import ExtractRequest
from tests.extract.events_found import names, of_type


def test_onlookers_speaking_after_the_talks_are_not_their_sides(extractor):
    text = (
        "LIMA, Nov 16 (Wire) - Chilean President Gabriel Boric and Peruvian President Dina "
        "Boluarte met for two hours in Lima on Saturday. After the talks, Bolivian and "
        "Ecuadorian officials said they welcomed the easing of tensions."
    )
    met = of_type(extractor, text, "CONSULT", "2024-11-17")
    assert not any({"Bolivia", "Ecuador"} & names(e) for e in met), met


def test_onlookers_alarmed_after_talks_elsewhere_held_no_talks(extractor):
    text = (
        "After talks in Geneva, Colombian and Brazilian officials said on Tuesday they were "
        "alarmed by the deal."
    )
    assert not of_type(extractor, text, "CONSULT", "2025-03-05")


def test_a_reaction_from_two_capitals_after_talks_is_no_talks_of_theirs(extractor):
    text = "The reaction from Lima and Santiago came after talks in Quito on Tuesday."
    assert not of_type(extractor, text, "CONSULT", "2025-03-05")


def test_a_leader_and_his_spokesman_after_talks_are_one_side(extractor):
    text = (
        "After talks in Brasilia, Lula and his spokesman Paulo Pimenta said on Friday they had "
        "made progress."
    )
    assert not of_type(extractor, text, "CONSULT", "2025-03-08")


def test_a_call_planned_or_agreed_to_does_not_make_a_conversation_a_call(extractor):
    planned = (
        "Boric had a brief conversation with Lula on Sunday. Officials said the phone call that "
        "had been planned for next month was still on."
    )
    agreed = (
        "Boric and Lula had a long conversation on Wednesday as they walked through the gardens "
        "of the palace. The leaders also agreed to a phone call when needed."
    )
    earlier = (
        "Boric and Lula had a conversation on Friday during their lunch. The phone call, which "
        "lasted an hour, came two days earlier."
    )
    for text in (planned, agreed, earlier):
        talked = [e for e in of_type(extractor, text, "CONSULT", "2025-03-10") if e["date"]]
        assert talked and all(e["kind"] != "phone_call" for e in talked), (text, talked)


def test_a_past_visit_told_before_the_arrival_is_not_the_visit_reported(extractor):
    text = (
        "SANTIAGO, March 3 (Wire) - Brazilian President Luiz Inacio Lula da Silva met Chilean "
        "President Gabriel Boric in Santiago on Monday. Lula last visited Chile in 2012. Lula "
        "arrived in Santiago from Buenos Aires, where he attended a forum."
    )
    visits = [e for e in of_type(extractor, text, "CONSULT", "2025-03-03") if e["kind"] == "visit"]
    past = [e for e in visits if (e["date"] or "").startswith("2012")]
    assert all((e.get("location") or {}).get("name") != "Santiago" for e in past), visits
    assert any(e["date"] == "2025-03-03" for e in visits), visits


def test_an_earlier_visit_takes_no_day_of_the_meeting_reported(extractor):
    text = (
        "SANTIAGO, March 3 (Wire) - Lula met Boric in Santiago on Monday. During an earlier "
        "visit to Chile, Lula toured the port of Valparaiso with Chilean officials."
    )
    visits = [e for e in of_type(extractor, text, "CONSULT", "2025-03-03") if e["kind"] == "visit"]
    earlier = [e for e in visits if "earlier visit" in e["evidence"]]
    assert all(e["date"] is None for e in earlier), visits


def test_a_third_partys_announcement_does_not_place_or_date_the_deal(extractor):
    text = (
        "Lula's announcement in Brasilia on Monday that Chile and Peru had agreed to a border "
        "commission surprised the region."
    )
    deals = of_type(extractor, text, "AGREE", "2025-03-05")
    assert deals and all(e.get("location") is None for e in deals), deals


def test_a_signing_announced_for_next_week_is_still_to_come(extractor):
    text = (
        "The communique in Lima on Saturday that Chile and Peru will sign a fisheries pact next "
        "week was welcomed."
    )
    deals = of_type(extractor, text, "AGREE", "2025-03-10")
    assert deals and all(e["status"] != "concluded" for e in deals), deals


def test_a_deal_coming_as_someone_arrived_does_not_make_him_a_party(extractor):
    text = (
        "ASUNCION, July 8 (Wire) - Mercosur leaders agreed on Monday to tighten border controls. "
        "The agreement came as Boric arrived in Asuncion."
    )
    deals = [e for e in of_type(extractor, text, "AGREE", "2025-07-08") if e["confidence"] >= 0.5]
    assert deals and all("Gabriel Boric" not in names(e) for e in deals), deals


def test_a_formal_title_ending_in_a_plural_word_is_one_persons(extractor):
    text = "Algeria's Minister of Foreign Affairs Ahmed Attaf met his counterpart on Monday."
    x = extractor.extract(ExtractRequest("t", text, "2025-03-05"))
    attaf = next(e for e in x.entities if e.name == "Ahmed Attaf")
    assert attaf.title == "Foreign Minister", attaf


def test_onlookers_saying_the_two_sides_made_progress_held_no_talks(extractor):
    text = (
        "After talks in Quito, Peruvian and Bolivian officials said on Tuesday that the two sides "
        "had made progress."
    )
    assert not of_type(extractor, text, "CONSULT", "2025-03-05")


def test_a_call_told_as_previous_preceding_or_after_does_not_make_a_conversation_a_call(extractor):
    for later in (
        "Their previous phone call lasted more than two hours.",
        "The phone call that preceded it was tense.",
        "A phone call came shortly after.",
    ):
        text = "Boric and Lula had a long conversation on Wednesday. " + later
        talked = [e for e in of_type(extractor, text, "CONSULT", "2025-03-07") if e["date"]]
        assert talked and all(e["kind"] != "phone_call" for e in talked), (text, talked)


def test_people_of_the_talks_a_deal_came_after_are_not_its_parties(extractor):
    text = (
        "LIMA, March 10 (Wire) - Chile and Peru agreed on Friday to reopen their border. The "
        "agreement, which was mediated by Brazil, was announced after talks between Mauro Vieira "
        "and Alberto van Klaveren."
    )
    deals = [
        e for e in of_type(extractor, text, "AGREE", "2025-03-10") if {"Chile", "Peru"} <= names(e)
    ]
    assert deals and all("Mauro Vieira" not in names(e) for e in deals), deals


def test_a_former_office_or_a_seat_in_a_body_makes_no_side_of_the_body(extractor):
    for text in (
        "Lula and the former secretary general of the OAS met in Brasilia on Tuesday.",
        "Boric and a member of the European Parliament met in Santiago on Tuesday.",
    ):
        met = of_type(extractor, text, "CONSULT", "2025-03-05")
        bodies = {"OAS", "Organization of American States", "European Parliament"}
        assert all(not (bodies & names(e)) or e["confidence"] < 0.5 for e in met), (text, met)
