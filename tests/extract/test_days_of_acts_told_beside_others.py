"""Which day an act is given when the sentence tells of another act beside it: a plan told by
"is to", a past act joined to a future one, a gathering only announced."""

from __future__ import annotations

from tests.extract.events_found import events, names


def gatherings(extractor, text: str, published: str) -> list[dict]:
    return [e for e in events(extractor, text, published) if e["type"] == "CONSULT"]


def test_a_meeting_someone_is_to_hold_is_on_the_coming_day(extractor):
    # published on Saturday 2025-03-01
    text = "Lula left for Chile on Saturday, where he is to meet President Gabriel Boric on Monday."
    met = [e for e in gatherings(extractor, text, "2025-03-01") if e["kind"] == "meeting"]
    assert [(e["date"], e["status"]) for e in met] == [("2025-03-03", "planned")], met


def test_a_meeting_that_was_to_be_held_is_not_told_as_still_to_come(extractor):
    text = "The two ministers were to meet in Geneva on Friday, but the talks were called off."
    met = [e for e in gatherings(extractor, text, "2025-03-01") if e["kind"] == "meeting"]
    assert all(e["date"] != "2025-03-07" for e in met), met


def test_talks_someone_was_to_fly_to_are_on_the_weekday_nearest_the_report(extractor):
    # published on Saturday 2025-03-01: "was to" tells the plan as it stood when written
    text = "Rojas was to fly to Lima on Monday for talks with Peruvian officials."
    talks = gatherings(extractor, text, "2025-03-01")
    assert [(e["date"], e["status"]) for e in talks] == [("2025-03-03", "planned")], talks
    # told on Wednesday 2025-03-05, the Monday it was to be is two days back: held or not, the
    # report does not say
    talks = gatherings(extractor, text, "2025-03-05")
    assert [(e["date"], e.get("status")) for e in talks] == [("2025-03-03", None)], talks


def test_a_past_act_joined_to_one_still_to_come_does_not_take_its_day(extractor):
    # published on Monday 2025-03-03: Friday is the meeting's day, not the urging's
    text = (
        "Rubio said he would meet Foreign Minister Wang Yi in Kuala Lumpur on Friday and "
        "urged Beijing to rein in North Korea."
    )
    found = events(extractor, text, "2025-03-03")
    asked = [e for e in found if e["type"] == "REQUEST"]
    assert asked and all(e["date"] != "2025-02-28" for e in asked), found
    met = [e for e in found if e["type"] == "CONSULT"]
    assert [e["date"] for e in met] == ["2025-03-07"], met


def test_acts_told_in_one_tense_share_the_day(extractor):
    text = "Pakistan summoned the Afghan envoy on Tuesday and urged Kabul to act against militants."
    asked = [e for e in events(extractor, text, "2025-03-05") if e["type"] == "REQUEST"]
    assert [e["date"] for e in asked] == ["2025-03-04"], asked


def test_the_day_a_visit_was_announced_is_not_the_visits_day(extractor):
    text = "Ruto announced his visit to Beijing last month, saying it would deepen trade ties."
    visits = gatherings(extractor, text, "2025-03-05")
    assert visits, visits
    assert all(e["date"] is None and e["status"] != "concluded" for e in visits), visits


def test_the_place_a_visit_was_confirmed_in_is_not_the_visits_place(extractor):
    text = "The visit of Ruto to China was confirmed by the foreign ministry in Nairobi on Monday."
    visits = gatherings(extractor, text, "2025-03-05")
    assert all(
        e["date"] != "2025-03-03" and (e["location"] or {}).get("name") != "Nairobi" for e in visits
    ), visits


def test_words_told_to_a_summit_on_a_day_date_the_summit(extractor):
    text = (
        "Guterres told the African Union summit in Addis Ababa on Saturday that the fighting "
        "must end."
    )
    summits = [e for e in gatherings(extractor, text, "2025-02-17") if e["kind"] == "summit"]
    assert [e["date"] for e in summits] == ["2025-02-15"], summits


def test_a_request_an_act_is_made_at_was_made_before_it(extractor):
    # published on Monday 2025-03-03
    text = "The Security Council will hold an emergency session on Wednesday at Panama's request."
    asked = [e for e in events(extractor, text, "2025-03-03") if e["type"] == "REQUEST"]
    assert asked and all(e["status"] == "concluded" and e["date"] != "2025-03-05" for e in asked), (
        asked
    )


def test_a_meeting_cancelled_is_cancelled_though_it_was_planned_for_a_day(extractor):
    text = "Petro cancelled a meeting with President Noboa planned for Tuesday in Quito."
    undone = [e for e in events(extractor, text, "2025-03-03") if e["type"] == "SANCTION"]
    assert [e["status"] for e in undone] == ["concluded"], undone


def test_a_leads_gathering_in_the_datelines_country_was_in_the_datelines_town(extractor):
    text = (
        "ASUNCION, May 6 (Reuters) - The presidents of Paraguay and Bolivia held talks at a "
        "regional summit in Paraguay on Tuesday, their aides said."
    )
    met = gatherings(extractor, text, "2025-05-06")
    assert met and all(e["location"]["name"] == "Asuncion" for e in met), met


def test_a_leads_visit_to_the_datelines_country_stays_a_visit_to_the_country(extractor):
    text = (
        "ASUNCION, May 6 (Reuters) - Bolivian President Luis Arce began a visit to Paraguay on "
        "Tuesday, his office said."
    )
    visits = [e for e in gatherings(extractor, text, "2025-05-06") if e["kind"] == "visit"]
    assert visits and all(e["location"]["name"] == "Paraguay" for e in visits), visits


def test_talks_told_as_last_week_and_a_meeting_on_a_day_of_it_are_one(extractor):
    # published on Monday 2025-03-17: "last week" is March 10-16
    text = (
        "Peruvian and Chilean diplomats held their first formal talks on the maritime border "
        "last week.\n\nThe envoys, Peru's Javier Gonzalez-Olaechea and Chile's Alberto van "
        "Klaveren, met on March 14. No date has been set for a second round."
    )
    talks = gatherings(extractor, text, "2025-03-17")
    assert [e["date"] for e in talks] == ["2025-03-14"], talks


def test_a_meeting_planned_later_in_the_week_is_not_the_meeting_held_that_week(extractor):
    text = (
        "LIMA, March 18 (Reuters) - Peruvian President Dina Boluarte met the leaders of the "
        "Andean Community on Tuesday.\n\nBoluarte is due to meet Chilean President Gabriel "
        "Boric later this week."
    )
    met = gatherings(extractor, text, "2025-03-18")
    planned = [e for e in met if "Gabriel Boric" in names(e)]
    assert planned and all(e["status"] == "planned" for e in planned), met


def test_mediators_named_before_mediation_are_no_side_of_talks(extractor):
    text = "The protocols, signed in 2009 under Swiss and U.S. mediation, stalled within months."
    talks = gatherings(extractor, text, "2025-03-18")
    assert all(not {"Switzerland", "United States"} & names(e) for e in talks), talks


def test_a_second_round_told_as_held_is_the_round_the_headline_tells(extractor):
    text = (
        "Peru and Chile hold second round of border talks in Arica\n\n"
        "ARICA, Chile (AP) - Peru and Chile held a second round of negotiations Saturday in "
        "Arica over their maritime border, agreeing to meet again in Lima."
    )
    talks = [e for e in gatherings(extractor, text, "2025-03-15") if e["status"] != "planned"]
    assert [e["date"] for e in talks] == ["2025-03-15"], talks


def test_a_meeting_wrapped_up_as_the_main_clause_tells_shares_its_day(extractor):
    # published on Saturday 2025-03-15: the two-day meeting ran Friday and Saturday
    text = (
        "Boric and Boluarte took a walk along Lake Titicaca on Saturday as they wrapped up an "
        "informal two-day meeting meant to ease the border dispute."
    )
    met = [e for e in gatherings(extractor, text, "2025-03-15") if e["kind"] == "meeting"]
    assert [(e["date"], e["status"]) for e in met] == [("2025-03-14", "concluded")], met


def test_a_meeting_told_as_held_does_not_take_the_day_of_a_visit_to_come(extractor):
    # published on Saturday 2025-03-08
    text = (
        "Prime Minister Luxon will depart Wellington tomorrow for an official visit to Japan.\n\n"
        "It will be his second official visit. Mr Luxon met Prime Minister Ishiba in Tokyo in "
        "October of that year."
    )
    held = [
        e
        for e in gatherings(extractor, text, "2025-03-08")
        if e["kind"] == "meeting" and e["status"] == "concluded"
    ]
    assert held and all(e["date"] != "2025-03-09" for e in held), held


def test_that_year_is_the_year_the_article_told_last(extractor):
    text = (
        "Relations were established in Wellington on 21 September 2019. Mr Luxon's predecessor "
        "then met President Xi Jinping in Beijing in October of that year."
    )
    met = [e for e in gatherings(extractor, text, "2025-03-08") if e["kind"] == "meeting"]
    assert [e["date"] for e in met] == ["2019-10-01"], met


def test_a_call_held_as_a_warning_was_given_is_on_the_warnings_day(extractor):
    # published on Tuesday 2025-03-04
    text = (
        "Estonian President Alar Karis warned Lithuanian President Gitanas Nauseda on Tuesday "
        "that Estonia would "
        "close the border crossing to freight, as the two leaders held a video call."
    )
    calls = [e for e in gatherings(extractor, text, "2025-03-04") if e["kind"] == "phone_call"]
    assert [e["date"] for e in calls] == ["2025-03-04"], calls


def test_a_deal_sides_are_poised_to_sign_on_a_weekday_is_still_to_come(extractor):
    # published on Wednesday 2025-05-21: Thursday is the next day
    text = "Ghana and Togo poised to sign border treaty on Thursday"
    deals = [e for e in events(extractor, text, "2025-05-21") if e["type"] == "AGREE"]
    assert [(e["date"], e["status"]) for e in deals] == [("2025-05-22", "planned")], deals


def test_an_act_told_the_following_day_is_a_day_after_the_one_told_before(extractor):
    text = (
        "The two presidents spoke by phone on February 20 and Peru lifted its ban on Chilean "
        "fruit the following day."
    )
    lifted = [e for e in events(extractor, text, "2025-03-01") if e["type"] == "CONCEDE"]
    assert [e["date"] for e in lifted] == ["2025-02-21"], lifted
    alone = "Peru lifted its ban on Chilean fruit the following day."
    assert all(e.get("date") is None for e in events(extractor, alone, "2025-03-01"))


def test_a_visit_now_expected_or_planned_is_still_to_come(extractor):
    for text in (
        "President Boric is expected to visit Peru.",
        "Officials say President Boric is expected to make a return visit to Peru within days.",
        "Chile plans to hold talks with Peru.",
    ):
        found = gatherings(extractor, text, "2025-03-07")
        assert found and all(e["status"] == "planned" for e in found), found


def test_a_visit_that_was_expected_is_not_told_as_still_to_come(extractor):
    found = gatherings(extractor, "President Boric was expected to visit Peru.", "2025-03-07")
    assert all(e.get("status") != "planned" for e in found), found
