"""What a sentence places beside an act shares its time ("are due to meet on Monday, followed by
talks on Wednesday"); talks told as the way something is done are no sitting ("through
dialogue"); a conversation is the call the article tells, whatever talks of another time it
also tells; a visit whose visitor is only described is the one its visitor is later named in;
and a deal named by pointing back ("the very accord Chile turned down") tells no terms of its
own: they are where it was named."""

from __future__ import annotations

import pytest

from bot.extract.dates import resolve_date
from bot.extract.events.topics import agreement_content
from bot.extract.events.triggers import Trigger
from tests.extract.events_found import events, names, of_type


def test_talks_that_follow_a_meeting_still_to_come_are_still_to_come(extractor):
    text = (
        "Chile's and Peru's trade envoys are scheduled to sit down in Arica on Jan. 10, "
        "followed by talks between Chile and Bolivia on Jan. 12."
    )
    found = of_type(extractor, text, "CONSULT", "2024-12-30")
    bolivia = [e for e in found if "Bolivia" in names(e)]
    assert bolivia and all(e["date"] == "2025-01-12" for e in bolivia), found
    assert all(e["status"] == "planned" for e in bolivia), found


def test_talks_that_followed_a_meeting_held_were_held(extractor):
    text = (
        "Chile's and Peru's trade envoys sat down in Arica on Jan. 10, followed by talks between "
        "Chile and Bolivia on Jan. 12."
    )
    found = of_type(extractor, text, "CONSULT", "2025-01-20")
    bolivia = [e for e in found if "Bolivia" in names(e)]
    assert bolivia and all(e["date"] == "2025-01-12" for e in bolivia), found
    assert all(e["status"] == "concluded" for e in bolivia), found


def test_talks_told_as_the_way_to_settle_something_are_no_sitting(extractor):
    text = (
        "The two countries will resolve the dispute via talks between Chile and Peru, the "
        "minister said on Monday."
    )
    assert of_type(extractor, text, "CONSULT") == []


def test_talks_held_through_which_something_was_settled_are_still_a_sitting(extractor):
    text = (
        "The fishing dispute was settled through talks between Chile and Peru held in Quito on "
        "Monday."
    )
    talks = of_type(extractor, text, "CONSULT")
    assert talks and all(e["date"] == "2025-02-24" for e in talks), talks


CONVERSATION = (
    "SANTIAGO, Jan 9 (Reuters) - President Gabriel Boric assured President Dina Boluarte on "
    "Thursday that Chile would reopen the Chacalluta crossing, as the two presidents held a "
    "conversation for the second time this month.\n\n"
    "The half-hour phone call, which Lima had sought, came ahead of talks between Chilean and "
    "Peruvian customs officials in Tacna next month.\n\n"
    "Chile will pursue its fishing claims through the bilateral Pacific Fisheries Dialogue, "
    "Boric's office added.\n\n"
)


def test_a_conversation_is_the_call_told_though_talks_of_another_time_are_told_too(extractor):
    found = of_type(extractor, CONVERSATION, "CONSULT", "2025-01-09")
    leaders = [e for e in found if e["date"] == "2025-01-09"]
    assert leaders and all(e["kind"] == "phone_call" for e in leaders), found


def test_a_named_dialogue_told_as_a_channel_is_no_sitting(extractor):
    text = (
        "Boric voiced support for diplomacy through the bilateral Pacific Fisheries Dialogue, "
        "his office said."
    )
    assert [e for e in events(extractor, text) if e["type"] == "CONSULT"] == []


def test_a_visit_by_a_described_visitor_is_the_visit_its_visitor_is_named_in(extractor):
    text = (
        "LIMA, May 6, 2025 (AFP) - Chilean President Gabriel Boric and Peruvian President Dina "
        "Boluarte held talks in Lima on Tuesday, the first visit by a Chilean president to Peru "
        "in six years.\n\n"
        "Boric landed in Lima at dawn and flies back to Santiago tonight."
    )
    visits = [e for e in of_type(extractor, text, "CONSULT", "2025-05-06") if e["kind"] == "visit"]
    assert len(visits) == 1, visits
    assert visits[0]["date"] == "2025-05-06" and "Gabriel Boric" in names(visits[0]), visits


def test_a_deal_named_by_pointing_back_tells_no_terms_of_its_own(extractor):
    doc = extractor.nlp(
        "Peru signed a fisheries accord on Friday, the same pact that Chile signed."
    )
    pact = next(t for t in doc if t.lower_ == "pact")
    accord = next(t for t in doc if t.lower_ == "accord")
    assert agreement_content(Trigger("AGREE", "agreement", None, pact, (pact.i,))) is None
    assert agreement_content(Trigger("AGREE", "agreement", None, accord, (accord.i,))) == (
        "fisheries accord"
    )


def test_talks_with_a_side_held_somewhere_are_held_there_that_day(extractor):
    text = (
        "The Chilean ministry judged fruitful the fourth round of negotiations with Bolivia "
        "held in La Paz on 12 and 13 August."
    )
    talks = of_type(extractor, text, "CONSULT", "2024-08-15")
    assert talks and all(e["date"] == "2024-08-12" for e in talks), talks
    assert all((e["location"] or {}).get("name") == "La Paz" for e in talks), talks


def test_people_held_somewhere_give_the_talks_with_them_no_time_or_place(extractor):
    text = "Chile will hold talks on Friday with the fishermen held in Quito in August."
    talks = of_type(extractor, text, "CONSULT", "2024-08-15")
    assert talks and all(e["date"] == "2024-08-16" for e in talks), talks


def test_initials_of_a_dam_given_in_brackets_name_no_side(extractor):
    text = (
        "Chile and Peru held talks in Lima on Wednesday on the Grand Andean Water Dam (GAWD). "
        "It was the first time a third party took part in the GAWD negotiations."
    )
    found = of_type(extractor, text, "CONSULT", "2019-11-07")
    assert found and all("GAWD" not in names(e) for e in found), found


def test_initials_of_a_body_given_in_brackets_still_name_it(extractor):
    text = (
        "Chile's government and the Andean Liberation Army (ALA) held talks in Lima on "
        "Wednesday. The ALA negotiations will resume next month."
    )
    found = of_type(extractor, text, "CONSULT", "2019-11-07")
    assert any("Andean Liberation Army" in names(e) or "ALA" in names(e) for e in found), found


def test_a_countrys_commercial_capital_is_not_its_capital(extractor):
    text = (
        "Fisheries talks between Chile and Peru opened in Brazil's commercial capital on Tuesday."
    )
    talks = of_type(extractor, text, "CONSULT", "2013-02-26")
    assert talks and all((e["location"] or {}).get("name") != "Brasilia" for e in talks), talks


def test_a_countrys_capital_told_plainly_is_its_capital(extractor):
    text = "Fisheries talks between Chile and Peru opened in the Brazilian capital on Tuesday."
    talks = of_type(extractor, text, "CONSULT", "2013-02-26")
    assert talks and all((e["location"] or {}).get("name") == "Brasilia" for e in talks), talks


def test_a_named_summit_the_visitor_went_on_to_is_not_the_place_of_his_talks(extractor):
    text = (
        "Boric's day in Lima, and what it changes for Peru\n\n"
        "Mr Boric spent Monday in the capital, meeting President Dina Boluarte and opposition "
        "leader Keiko Fujimori.\n\n"
        "From Lima he flew on to the Pacific Alliance Summit in Quito, which Peru will chair "
        "next year."
    )
    found = of_type(extractor, text, "CONSULT", "2024-11-21")
    met = [e for e in found if "Dina Boluarte" in names(e)]
    assert met and all((e["location"] or {}).get("name") != "Quito" for e in met), found


def test_talks_held_on_a_trip_to_another_country_are_not_in_the_datelines_city(extractor):
    text = (
        "SANTIAGO: Foreign Minister Alberto van Klaveren yesterday led a Chilean delegation to "
        "Bolivia, holding talks with Bolivian ministers on gas and water."
    )
    found = of_type(extractor, text, "CONSULT", "2024-11-19")
    assert found and all((e["location"] or {}).get("name") != "Santiago" for e in found), found


def test_talks_held_over_two_days_told_as_a_span_are_dated_by_their_first(extractor):
    text = (
        "Chile and Peru held a new round of fisheries talks in Lima on 23 and 24 September, the "
        "ministry said on Sunday."
    )
    talks = of_type(extractor, text, "CONSULT", "2023-09-24")
    assert talks and all(e["date"] == "2023-09-23" for e in talks), talks


def test_a_sitting_one_refused_or_failed_to_hold_is_still_not_held(extractor):
    for text in (
        "Chile refused to meet Peru's foreign minister in Quito on Saturday.",
        "Chile and Peru failed to hold talks on Saturday.",
    ):
        assert of_type(extractor, text, "CONSULT", "2013-04-06") == [], text


# --- where the rules above must not reach -------------------------------------------------------


def test_talks_through_which_something_was_done_were_held(extractor):
    for text, published in (
        ("The truce was reached through talks between Chile and Peru in Quito.", "2025-03-13"),
        (
            "The release of the fishermen came through direct talks between Chilean President "
            "Gabriel Boric and Peruvian President Dina Boluarte in Lima on Friday.",
            "2025-03-08",
        ),
    ):
        talks = of_type(extractor, text, "CONSULT", published)
        assert talks and all({"Chile", "Peru"} <= names(e) for e in talks), text


def test_aid_pledged_to_a_country_sends_no_one_there(extractor):
    text = (
        "SANTIAGO - Boric pledged more aid to Bolivia on Wednesday, holding talks with Bolivian "
        "President Luis Arce."
    )
    talks = of_type(extractor, text, "CONSULT", "2025-03-13")
    assert talks and all((e["location"] or {}).get("name") == "Santiago" for e in talks), talks


def test_a_summit_named_after_the_city_two_leaders_met_in_is_their_meeting(extractor):
    text = (
        "Boric and Boluarte met in Lima on Wednesday. At the Lima Summit, the two leaders agreed "
        "to reopen the border."
    )
    deals = of_type(extractor, text, "AGREE", "2025-03-13")
    assert deals and all(e["date"] == "2025-03-12" for e in deals), deals


def test_a_body_named_a_conference_is_no_gathering_of_its_own(extractor):
    text = (
        "Leaders of the International Conference on the Andean Region (ICAR) met in Lima on "
        "Wednesday. Peru's president chaired the ICAR summit."
    )
    shown = [e for e in of_type(extractor, text, "CONSULT", "2025-03-13") if e["confidence"] >= 0.5]
    assert all(e["date"] == "2025-03-12" for e in shown), shown


def test_a_prison_someone_is_held_in_is_no_place_of_talks_with_them(extractor):
    text = (
        "Chilean envoy Alberto van Klaveren began talks on Monday with Pedro Ruiz, held in a Lima "
        "prison since November."
    )
    talks = of_type(extractor, text, "CONSULT", "2025-03-13")
    assert talks and all((e["location"] or {}).get("name") != "Lima" for e in talks), talks


def test_a_former_capital_named_is_that_city(extractor):
    text = (
        "Chilean and Peruvian officials held talks on Wednesday in the old Peruvian capital of "
        "Cusco."
    )
    talks = of_type(extractor, text, "CONSULT", "2025-03-13")
    assert talks and all((e["location"] or {}).get("name") == "Cusco" for e in talks), talks


def test_the_host_coming_home_is_no_visitor_described(extractor):
    text = (
        "LIMA, March 13 - The first visit by a Chilean president to Peru in five years began on "
        "Thursday.\n\nBoluarte arrived in Lima from Quito in the morning."
    )
    visits = [e for e in of_type(extractor, text, "CONSULT", "2025-03-13") if e["kind"] == "visit"]
    assert visits and all("Dina Boluarte" not in names(e) for e in visits), visits


def test_a_deal_pointed_back_to_keeps_what_it_is_on(extractor):
    doc = extractor.nlp("Peru signed the same energy deal on Friday.")
    deal = next(t for t in doc if t.lower_ == "deal")
    assert agreement_content(Trigger("AGREE", "agreement", None, deal, (deal.i,))) == (
        "energy deal"
    )


def test_talks_that_resume_when_others_meet_have_not_resumed_yet(extractor):
    text = (
        "The fisheries dialogue between Chile and Peru resumes when their ministers meet in "
        "Quito on Monday."
    )
    found = of_type(extractor, text, "CONSULT", "2020-09-06")
    assert found and all(e["status"] == "planned" for e in found), found
    assert all(e["date"] != "2020-09-06" for e in found), found


def test_talks_that_resume_today_are_under_way(extractor):
    text = "The dialogue between Chile and Peru resumes in Quito today."
    found = of_type(extractor, text, "CONSULT", "2020-09-06")
    assert found and all(e["status"] == "ongoing" for e in found), found


def test_talks_told_beside_a_trip_as_a_verbs_object_were_on_that_trip(extractor):
    text = (
        "LIMA - Peruvian Foreign Minister Elmer Schialer paid a visit to Quito on Wednesday, "
        "holding talks with Ecuadorian President Daniel Noboa."
    )
    talks = of_type(extractor, text, "CONSULT", "2025-03-13")
    assert talks and all((e["location"] or {}).get("name") != "Lima" for e in talks), talks


def test_talks_with_a_leader_held_somewhere_are_held_there(extractor):
    text = "Boric's talks with Boluarte held in Quito on Wednesday produced a fisheries deal."
    talks = of_type(extractor, text, "CONSULT", "2025-03-13")
    assert talks and all(
        (e["location"] or {}).get("name") == "Quito" and e["date"] == "2025-03-12" for e in talks
    ), talks


def test_what_is_always_settled_through_talks_tells_no_sitting(extractor):
    text = (
        "SANTIAGO - Past crises at sea have always been defused through talks between Chile and "
        "Peru, officials said on Tuesday."
    )
    assert of_type(extractor, text, "CONSULT", "2025-03-13") == []


def test_talks_that_begin_when_something_happens_today_are_under_way(extractor):
    text = (
        "LIMA - The summit between Chile and Peru begins when the two leaders shake hands at the "
        "palace this afternoon."
    )
    found = of_type(extractor, text, "CONSULT", "2025-03-13")
    assert found and all(e["status"] != "planned" for e in found), found


def test_a_deal_pointed_back_to_with_no_noun_of_its_own_tells_no_terms(extractor):
    doc = extractor.nlp("Peru signed the same deal as Uganda.")
    deal = next(t for t in doc if t.lower_ == "deal")
    assert agreement_content(Trigger("AGREE", "agreement", None, deal, (deal.i,))) is None


def test_a_bodys_gathering_told_with_no_day_is_held_below_the_line(extractor):
    text = (
        "Chile and Peru signed a fisheries accord on Monday. The idea was first raised at UN "
        "talks in Geneva."
    )
    found = [e for e in events(extractor, text, "2025-06-03") if e["type"] == "CONSULT"]
    assert found and all(e["confidence"] < 0.5 for e in found), found


def test_a_bodys_gathering_on_a_day_is_still_shown(extractor):
    text = "ASEAN foreign ministers met in Jakarta on Wednesday to discuss the South China Sea."
    found = [e for e in events(extractor, text, "2025-03-13") if e["type"] == "CONSULT"]
    assert found and all(e["confidence"] >= 0.5 for e in found), found


SUMMIT_TODAY = "Boric hosted the Andean leaders in Santiago on Friday for a one-day summit. "


@pytest.mark.parametrize(
    "then",
    [
        "During that trip he held talks with then-President Martin Vizcarra.",
        "During that trip he held talks with then President Martin Vizcarra.",
        "During that trip he met the then president of Peru, Martin Vizcarra.",
    ],
)
def test_talks_with_a_side_titled_as_they_were_then_are_not_the_days_summit(extractor, then):
    text = SUMMIT_TODAY + "Boric thanked them for the 2019 summit in Lima. " + then
    found = of_type(extractor, text, "CONSULT", "2025-03-01")
    summit = next(e for e in found if e["kind"] == "summit" and e["date"])
    assert "Martin Vizcarra" not in names(summit), then


@pytest.mark.parametrize(
    "told",
    [
        "At the summit he held talks with Peruvian President Dina Boluarte, who had served as "
        "vice president under then-President Pedro Castillo.",
        "At the summit he held talks with Peruvian President Dina Boluarte about a gas deal "
        "signed with then-President Pedro Castillo.",
    ],
)
def test_a_then_title_outside_the_sides_own_phrase_tells_no_other_time(extractor, told):
    found = of_type(extractor, SUMMIT_TODAY + told, "CONSULT", "2025-03-01")
    summit = next(e for e in found if e["kind"] == "summit" and e["date"])
    assert "Dina Boluarte" in names(summit), told


@pytest.mark.parametrize(
    "told",
    [
        "A round of talks between Chile and Peru was held in Lima on May 5.",
        "The second round of talks between Chile and Peru was held in Lima on May 5.",
    ],
)
def test_a_round_held_months_before_the_report_is_in_the_past(extractor, told):
    # more than half a year back, a month and day alone could be either year: the measure's own
    # past verb settles it
    [talks] = of_type(extractor, told, "CONSULT", "2024-12-19")
    assert (talks["date"], talks["status"]) == ("2024-05-05", "concluded"), talks


def test_the_next_round_months_away_is_still_to_come(extractor):
    told = "The next round of talks between Chile and Peru will be held in Lima on May 5."
    [talks] = of_type(extractor, told, "CONSULT", "2024-12-19")
    assert (talks["date"], talks["status"]) == ("2025-05-05", "planned"), talks


def test_an_ordinal_after_a_day_told_is_the_next_nouns_and_no_year(extractor):
    # the tagger spans "November 4, the 17th" as one date
    told = "On November 4, the 17th session of the Chile-Peru joint commission was held in Lima."
    [met] = of_type(extractor, told, "CONSULT", "2024-12-19")
    assert met["date"] == "2024-11-04", met
    assert resolve_date("November 4, the 17th", "2024-12-19") == ("2024-11-04", "day")
    # a year later in the span is the day's
    assert resolve_date("December 31, the last day of 2019", "2024-12-19") == ("2019-12-31", "day")
    assert resolve_date("Monday, the 16th", "2024-12-19") == ("2024-12-16", "day")


@pytest.mark.parametrize(
    ("told", "published", "day"),
    [
        (
            "On November 4, the 17th day of talks between Chile and Peru, the two sides signed a "
            "peace treaty.",
            "2024-12-19",
            "2024-11-04",
        ),
        (
            "On January 10, the third day of talks between Chile and Peru, the two sides will "
            "sign a peace treaty.",
            "2024-12-19",
            "2025-01-10",
        ),
    ],
)
def test_an_ordinal_and_its_noun_after_a_day_told_are_no_year(extractor, told, published, day):
    [deal] = of_type(extractor, told, "AGREE", published)
    assert deal["date"] == day, deal


def test_talks_of_other_countries_told_undated_are_not_the_articles_meeting(extractor):
    text = (
        "Boric receives Peru's foreign minister at La Moneda\n\n"
        "Foreign Minister Hanno Tartu, a veteran of border disputes, is in Oslo this week for "
        "fisheries talks with Norway."
    )
    found = of_type(extractor, text, "CONSULT", "2015-07-07")
    assert found and not any({"Norway", "Peru"} <= names(e) for e in found), found
    # talks naming a side of the meeting are still the meeting
    told = (
        "Chile and Peru held talks in Lima on Monday, officials said. "
        "The talks with Peru covered trade and the border."
    )
    talks = of_type(extractor, told, "CONSULT", "2025-03-05")
    assert len(talks) == 1 and {"Chile", "Peru"} <= names(talks[0]), talks
    # a third country that joined the talks told is a side of them, not talks of its own
    for joined, third in (
        ("Bolivia also took part in the talks.", {"Bolivia"}),
        ("Ecuadorian and Colombian observers attended the talks.", {"Ecuador", "Colombia"}),
    ):
        told = "Chile and Peru held talks in Lima on Monday on the maritime border. " + joined
        talks = of_type(extractor, told, "CONSULT", "2025-03-05")
        assert len(talks) == 1 and {"Chile", "Peru"} | third <= names(talks[0]), talks


def test_countries_that_attended_or_joined_talks_told_without_the_are_still_sides(extractor):
    told = (
        "Chile and Peru held talks in Lima on Monday on the maritime border. "
        "Ecuador and Colombia also took part in talks."
    )
    talks = of_type(extractor, told, "CONSULT", "2025-03-05")
    assert len(talks) == 1 and {"Chile", "Peru", "Ecuador", "Colombia"} <= names(talks[0]), talks


@pytest.mark.parametrize(
    "reached",
    [
        "Based on the consensus reached at the Quito meeting",
        # the parser hangs the place phrase on the last noun before it
        "Based on the consensus reached by the leaders of the two countries in the Quito meeting",
    ],
)
def test_the_meeting_where_an_outcome_acted_on_was_reached_does_not_place_the_talks(
    extractor, reached
):
    told = (
        "Chile and Peru agreed on Monday to resume work on the border during a meeting of their "
        f"special envoys.\n\n{reached}, Chilean envoy Hanno Tartu and Peruvian envoy Urmas "
        "Reinmets held substantive discussions on the border issue."
    )
    found = of_type(extractor, told, "CONSULT", "2024-12-19")
    main = [e for e in found if e["date"] == "2024-12-16"]
    assert main and all((e["location"] or {}).get("name") != "Quito" for e in main), found


def test_a_deal_signed_during_the_meeting_of_no_place_of_its_own_is_the_articles(extractor):
    told = (
        "Latvian and Estonian ministers met in Riga on Tuesday. Under the deal signed during the "
        "meeting, the two countries will share radar data."
    )
    [deal] = of_type(extractor, told, "AGREE", "2024-12-19")
    assert (deal["location"] or {}).get("name") == "Riga", deal
