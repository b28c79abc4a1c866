"""Whole records of an article's news: the place its dateline gives though a headline told it
first, the deal its sides finalise, the round it reports though the next round is set, and no
deal that was only what a meeting was meant for."""

from __future__ import annotations

from tests.extract.events_found import events, names


def of_type(extractor, text: str, kind: str, published: str) -> list[dict]:
    return [e for e in events(extractor, text, published) if e["type"] == kind]


def found_and_not_placed_in(found: list[dict], town: str) -> bool:
    return bool(found) and all((e["location"] or {}).get("name") != town for e in found)


def test_news_a_headline_tells_first_takes_the_datelines_town(extractor):
    text = (
        "Kenyatta and Samia sign trade deal\n\n"
        "NAIROBI, May 4 (Reuters) - President Uhuru Kenyatta and Tanzanian President Samia "
        "Suluhu Hassan signed a trade agreement on Tuesday that lifts the barriers at their "
        "shared border.\n\n"
        "Officials said the customs posts would reopen next week."
    )
    deals = of_type(extractor, text, "AGREE", "2021-05-04")
    assert deals, deals
    assert all(e["location"] and e["location"]["name"] == "Nairobi" for e in deals), deals


def test_sides_that_finalise_seal_or_clinch_a_deal_agree_to_it(extractor):
    for verb in ("finalised", "sealed", "clinched"):
        text = f"Ghana and Togo on Thursday {verb} an agreement on their sea border."
        deals = of_type(extractor, text, "AGREE", "2022-10-27")
        assert any({"Ghana", "Togo"} <= names(e) and e["status"] == "concluded" for e in deals), (
            verb,
            deals,
        )


def test_a_deal_that_sets_a_border_is_not_a_plan(extractor):
    text = "Ghana and Togo on Thursday signed an agreement setting their sea border."
    deals = of_type(extractor, text, "AGREE", "2022-10-27")
    assert deals and all(e["status"] == "concluded" for e in deals), deals


def test_the_round_an_article_reports_stands_though_the_next_round_is_set(extractor):
    text = (
        "Ghana, Togo end first round of border talks\n\n"
        "ACCRA: The first round of talks between Ghana and Togo on their sea border has ended, "
        "officials said.\n\n"
        "A second round has been scheduled for Oct. 28."
    )
    talks = [
        e for e in of_type(extractor, text, "CONSULT", "2020-10-15") if e["status"] != "planned"
    ]
    assert any({"Ghana", "Togo"} <= names(e) for e in talks), talks


def test_a_named_site_in_the_country_keeps_talks_from_the_capital_dateline(extractor):
    text = (
        "ACCRA: Ghana and Togo held talks on Wednesday on their sea border.\n\n"
        "The talks, held at the headquarters of the West Africa Border Commission in Ghana, "
        "lasted two hours."
    )
    talks = of_type(extractor, text, "CONSULT", "2020-10-15")
    assert found_and_not_placed_in(talks, "Accra"), talks


def test_a_deal_a_meeting_was_meant_to_seal_is_no_deal(extractor):
    for verb in ("sign", "seal"):
        text = (
            f"The meeting, intended to {verb} an agreement between Ghana and Togo on their sea "
            "border, broke up after an hour."
        )
        assert not of_type(extractor, text, "AGREE", "2022-10-27"), verb


def test_what_a_signed_deal_provides_is_no_act_of_its_own(extractor):
    for text in (
        "Ghana and Togo signed two agreements on Tuesday to prevent incidents at sea.",
        "Ghana and Togo signed an agreement to prevent incidents at sea.",
    ):
        found = events(extractor, text, "2022-09-30")
        assert any(e["type"] == "AGREE" for e in found), found
        assert all(e["type"] == "AGREE" for e in found), found


def test_missiles_test_fired_are_no_attack(extractor):
    text = "North Korea has test-fired short-range missiles several times since late July."
    assert not of_type(extractor, text, "ASSAULT", "2019-08-22"), text
    fired = "North Korea fired missiles at South Korean positions on Monday."
    assert of_type(extractor, fired, "ASSAULT", "2019-08-22"), fired


def test_tigrayan_forces_are_the_tplf_side(extractor):
    from bot.identity import Party

    one = "Ethiopia's government and the Tigrayan forces agreed on Wednesday to end the war."
    other = "Ethiopia's government and the TPLF agreed on Wednesday to end the war."

    def sides(text: str) -> set[str]:
        return {
            Party(p["name"], p["kind"], p.get("country_code")).side
            for e in of_type(extractor, text, "AGREE", "2022-11-03")
            for p in e["participants"]
        }

    assert sides(one) == sides(other) and len(sides(one)) == 2, (sides(one), sides(other))


def test_a_lead_told_under_a_dateline_abroad_takes_the_place_its_headline_gives(extractor):
    text = (
        'Federal govt, rebels sign "permanent ceasefire" agreement in Abuja\n\n'
        "Accra - The Government of Ghana and the Western Togoland Restoration Front (WTRF) "
        "yesterday signed an agreement for a permanent ceasefire, concluding talks mediated by "
        "the African Union."
    )
    deals = of_type(extractor, text, "AGREE", "2022-11-03")
    assert deals and all((e["location"] or {}).get("name") == "Abuja" for e in deals), deals


def test_a_deal_a_meeting_is_held_to_finalise_is_not_yet_made(extractor):
    text = (
        "Ruto and Samia to meet in Arusha on Monday to finalise border trade deal\n\n"
        "NAIROBI - President William Ruto will meet Tanzanian President Samia Suluhu Hassan in "
        "Arusha on Monday, State House said."
    )
    deals = of_type(extractor, text, "AGREE", "2023-02-26")
    assert all(e["status"] != "concluded" for e in deals), deals


def test_a_visit_hosted_takes_the_place_hung_on_the_guest(extractor):
    text = (
        "ACCRA, May 2 (Reuters) - Ghana's President Nana Akufo-Addo pledged on Tuesday to do "
        '"everything" he could to help Togo through a severe crisis, including pressing the '
        "International Monetary Fund to ease its demands, after hosting Togolese President "
        "Faure Gnassingbe in Kumasi."
    )
    visits = [e for e in of_type(extractor, text, "CONSULT", "2023-05-02") if e["kind"] == "visit"]
    assert visits and all((e["location"] or {}).get("name") == "Kumasi" for e in visits), visits


def test_a_visit_to_a_leaders_home_is_a_visit_paid_to_that_leader(extractor):
    text = (
        "Prime Minister Mark Rutte paid a surprise visit to Chancellor Olaf Scholz's private "
        "home in Potsdam on Sunday, hours after the summit ended."
    )
    visits = [e for e in events(extractor, text, "2023-06-05") if e["kind"] == "visit"]
    assert any({"Mark Rutte", "Olaf Scholz"} <= names(e) for e in visits), visits


def test_a_prefix_on_a_peoples_name_is_no_side(extractor):
    text = "Intra-Somali peace talks open in Djibouti\n\nThe talks opened on Monday."
    found = events(extractor, text, "2024-05-06")
    assert all("Intra-Somali" not in names(e) for e in found), found


def test_a_visit_to_a_leaders_home_is_not_placed_where_the_story_was_filed(extractor):
    text = (
        "Rutte drops in on Scholz\n\n"
        "THE HAGUE, June 5 (Reuters) - Dutch Prime Minister Mark Rutte's surprise visit to "
        "Chancellor Olaf Scholz's private home on Sunday raised hopes of a deal on gas storage, "
        "officials said.\n\n"
        "The two spoke for about two hours."
    )
    visits = [e for e in events(extractor, text, "2023-06-05") if e["kind"] == "visit"]
    assert any({"Mark Rutte", "Olaf Scholz"} <= names(e) for e in visits), visits
    assert found_and_not_placed_in(visits, "The Hague"), visits


def test_sides_that_emerge_from_talks_with_a_deal_made_it(extractor):
    text = (
        "The presidents of Ghana and Togo emerged from ten hours of talks in Lome on Thursday "
        "with a deal on their sea border."
    )
    deals = of_type(extractor, text, "AGREE", "2022-10-27")
    assert any({"Ghana", "Togo"} <= names(e) and e["status"] == "concluded" for e in deals), deals
    hoped = "The presidents of Ghana and Togo hope to emerge from the talks with a deal."
    assert not any(
        e["status"] == "concluded" for e in of_type(extractor, hoped, "AGREE", "2022-10-27")
    )


def test_a_deal_brokered_by_another_country_is_not_placed_where_the_story_was_filed(extractor):
    text = (
        "NAIROBI, May 4 (Reuters) - Ethiopia and Eritrea agreed on Tuesday to reopen their "
        "border crossings, in a deal brokered by Saudi Arabia."
    )
    deals = of_type(extractor, text, "AGREE", "2021-05-04")
    assert found_and_not_placed_in(deals, "Nairobi"), deals
    hosted = text.replace("NAIROBI", "RIYADH")
    placed = of_type(extractor, hosted, "AGREE", "2021-05-04")
    assert any((e["location"] or {}).get("name") == "Riyadh" for e in placed), placed


def test_a_region_naming_a_deal_is_what_it_is_about_and_a_city_where_it_was_signed(extractor):
    about = "Japan and Russia signed the Kuril Islands fishing agreement on Thursday."
    deals = of_type(extractor, about, "AGREE", "2024-05-10")
    assert deals and all((e["location"] or {}).get("name") != "Kuril Islands" for e in deals), deals
    signed = "Norway and Russia signed the Oslo fisheries treaty on Thursday."
    placed = of_type(extractor, signed, "AGREE", "2024-05-10")
    assert any((e["location"] or {}).get("name") == "Oslo" for e in placed), placed


def test_talks_a_headline_ends_are_the_dated_talks_of_the_lead_not_a_plan_told_later(extractor):
    # published on Friday 2024-05-17: the headline's talks are the lead's, held that day; the
    # wish "to continue our negotiations" is the next round, not the talks the headline tells
    text = (
        "Armenian-Azerbaijani talks in Almaty end, sides agree to meet again\n\n"
        "ALMATY, May 17. The talks between the Armenian and Azerbaijani delegations at the "
        "Kazakh foreign ministry have ended, the head of the Armenian delegation told "
        "reporters.\n\n"
        '"Once the drafts are exchanged, it is advisable, as we agreed, to continue our '
        'negotiations," he said.'
    )
    talks = [e for e in of_type(extractor, text, "CONSULT", "2024-05-17") if e["kind"] == "talks"]
    held = [e for e in talks if {"Armenia", "Azerbaijan"} <= names(e)]
    assert len(held) == 1, talks
    assert held[0]["date"] == "2024-05-17" and held[0]["status"] == "concluded", held


def test_a_plain_dated_dateline_closed_by_a_full_stop_dates_the_lead(extractor):
    text = (
        "Ministers meet in Almaty\n\n"
        "ALMATY, May 17. The foreign ministers of Armenia and Azerbaijan met in Almaty, the "
        "Kazakh foreign ministry said."
    )
    met = of_type(extractor, text, "CONSULT", "2024-05-18")
    assert met and all(e["date"] == "2024-05-17" for e in met), met


def test_talks_after_which_a_mediator_announced_a_deal_were_held_by_the_sides_that_agreed(
    extractor,
):
    # published on Sunday 2024-06-09: the talks ended on Saturday
    text = (
        "After nearly ten hours of talks on Saturday, the EU envoy announced that Prime "
        "Minister Edi Rama and President Milo Djukanovic had agreed to the border annex."
    )
    talks = of_type(extractor, text, "CONSULT", "2024-06-09")
    assert any(
        {"Edi Rama", "Milo Djukanovic"} <= names(e) and e["date"] == "2024-06-08" for e in talks
    ), talks


def test_a_deal_quoted_after_the_leads_talks_is_theirs_whole(extractor):
    text = (
        "ASTANA, May 6 (Reuters) - Kazakhstan and Uzbekistan agreed on Monday to open a joint "
        "trade zone, Kazakh President Kassym-Jomart Tokayev said after talks with his Uzbek "
        "counterpart Shavkat Mirziyoyev.\n\n"
        "Speaking at a news conference after more than three hours of talks in the capital, "
        "Tokayev said the zone would open next year.\n\n"
        '"We agreed that by June we will sign the customs protocol," Tokayev said.'
    )
    quoted = [
        e for e in of_type(extractor, text, "AGREE", "2024-05-06") if "customs" in e["evidence"]
    ]
    assert quoted and all(
        {"Kassym-Jomart Tokayev", "Shavkat Mirziyoyev"} <= names(e) and e["date"] == "2024-05-06"
        for e in quoted
    ), quoted


def test_talks_a_leader_is_scheduled_to_hold_after_another_engagement_are_planned(extractor):
    text = (
        "President Ruto is scheduled to address the summit today and hold bilateral talks with "
        "several leaders, including Prime Minister Keir Starmer."
    )
    talks = of_type(extractor, text, "CONSULT", "2024-11-15")
    assert talks and all(e["status"] == "planned" for e in talks), talks


def test_a_meeting_held_hours_before_a_summit_opened_is_not_the_summit(extractor):
    # published on Tuesday 2024-11-19: the meeting is the talks of Monday, not the summit
    text = (
        "Hours before leaders formally opened the G20 summit, the most closely watched meeting "
        "took place in a beachfront hotel, where Brazilian President Luiz Inacio Lula da Silva "
        "and Chinese President Xi Jinping sat down for their first talks in a year.\n\n"
        "The conversation on Monday ran for two hours and ended without a joint statement."
    )
    found = of_type(extractor, text, "CONSULT", "2024-11-19")
    talks = [e for e in found if {"Luiz Inacio Lula da Silva", "Xi Jinping"} <= names(e)]
    assert len(talks) == 1 and talks[0]["kind"] != "summit", found
    assert talks[0]["date"] == "2024-11-18", talks


def test_the_meeting_the_sentence_after_the_lead_tells_of_its_people_is_the_leads_day(extractor):
    text = (
        "NAIROBI (AP) - Kenyan President William Ruto and Tanzanian President Samia Suluhu "
        "Hassan on Thursday launched a new partnership to build cross-border roads in East "
        "Africa.\n\n"
        "The two presidents met at State House and then appeared together at an event with "
        "business leaders from both countries to announce the partnership."
    )
    met = [
        e
        for e in of_type(extractor, text, "CONSULT", "2024-05-09")
        if {"William Ruto", "Samia Suluhu Hassan"} <= names(e)
    ]
    assert met and all(e["date"] == "2024-05-09" for e in met), met


def test_a_meeting_after_the_lead_with_a_day_of_its_own_keeps_it(extractor):
    text = (
        "NAIROBI (AP) - Kenyan President William Ruto and Tanzanian President Samia Suluhu "
        "Hassan on Thursday launched a new partnership to build cross-border roads in East "
        "Africa.\n\n"
        "The two presidents met in Arusha in March to prepare the partnership."
    )
    met = [
        e
        for e in of_type(extractor, text, "CONSULT", "2024-05-09")
        if {"William Ruto", "Samia Suluhu Hassan"} <= names(e)
    ]
    assert all(e["date"] != "2024-05-09" for e in met), met


def test_summits_one_sentence_dates_apart_are_each_kept(extractor):
    text = (
        "Lula and Sheinbaum last held a formal summit in Mexico City in 2019, though they spoke "
        "briefly at the G20 summit in Rome in 2021."
    )
    summits = of_type(extractor, text, "CONSULT", "2024-06-03")
    assert {e["date"][:4] for e in summits if e["date"]} >= {"2019", "2021"}, summits


def test_talks_a_third_country_hosted_between_two_envoys_are_their_talks_not_a_visit(extractor):
    text = (
        "The deal came at the end of talks hosted by Qatar between Chilean envoy Rosa Diaz and "
        "Peruvian envoy Luis Paredes."
    )
    met = of_type(extractor, text, "CONSULT", "2024-05-11")
    assert met and all(e["kind"] != "visit" for e in met), met
    assert any({"Rosa Diaz", "Luis Paredes"} <= names(e) for e in met), met


def test_what_two_sides_do_under_an_agreement_reached_abroad_tells_that_agreement(extractor):
    text = (
        "Chile and Peru will reopen their embassies within two months, under an agreement "
        "reached in Brazil, the foreign ministry reported."
    )
    agreed = [e for e in of_type(extractor, text, "AGREE", "2024-05-11") if e["kind"] != "pledge"]
    assert any(
        {"Chile", "Peru"} <= names(e)
        and e["status"] == "concluded"
        and (e["location"] or {}).get("name") == "Brazil"
        for e in agreed
    ), agreed


def test_the_call_told_after_a_background_line_is_the_day_of_the_leads_acts(extractor):
    text = (
        "SANTIAGO, May 8 (Reuters) - The foreign ministers of Chile and Peru blamed each other on "
        "Wednesday for a clash on their disputed border, but agreed to avoid escalation.\n\n"
        "Troops of both countries fought late on Monday near the Lauca river, officials said.\n\n"
        "In a phone call with Peruvian Foreign Minister Luis Paredes, Chilean Foreign Minister "
        "Rosa Diaz said the Peruvian side had crossed the line."
    )
    calls = [
        e
        for e in of_type(extractor, text, "CONSULT", "2024-05-08")
        if {"Luis Paredes", "Rosa Diaz"} <= names(e)
    ]
    assert calls and all(e["date"] == "2024-05-08" for e in calls), calls


def test_a_gathering_told_as_the_first_since_an_earlier_one_is_not_dated_by_it(extractor):
    text = (
        "The meeting of the Quad, hosted by the Australian foreign minister, was the group's "
        "first in-person gathering since Tokyo in October 2020."
    )
    found = of_type(extractor, text, "CONSULT", "2022-02-11")
    assert all(not (e["date"] or "").startswith("2020") for e in found), found


def test_a_leader_arriving_in_a_capital_for_a_state_visit_visits_its_country(extractor):
    text = "King Harald has arrived in Paris for his first state visit to France."
    visits = [e for e in of_type(extractor, text, "CONSULT", "2024-03-04") if e["kind"] == "visit"]
    assert any("France" in names(e) for e in visits), visits


def test_a_body_meeting_in_the_headline_is_the_leads_meeting_of_three_of_its_members(extractor):
    text = (
        "Blinken, Quad partners meet in Sydney as trade row shadows agenda\n\n"
        "SYDNEY, March 4 (Reuters) - U.S. Secretary of State Antony Blinken met his counterparts "
        "from Australia, India and Japan in Sydney on Monday.\n\n"
        "Blinken travels next to Fiji, where he will meet Pacific island leaders."
    )
    met = [e for e in of_type(extractor, text, "CONSULT", "2024-03-04") if "Quad" in names(e)]
    assert met and all(e["status"] != "planned" for e in met), met
