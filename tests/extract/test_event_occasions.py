"""Whole event records across sentences: an act done at a gathering takes the gathering's date
and place, a definite mention of talks is the talks already told, and a planned summit is not
the meeting that was held. Sentences are the repository's own."""

from __future__ import annotations

import pytest

from bot.extract.entities import link_entities
from bot.extract.events import extract_events_with_evidence
from bot.extract.extractor import ExtractRequest
from tests.extract.events_found import names, of_type

PUBLISHED = "2025-02-27"  # a Thursday


def events(extractor, text: str) -> list[dict]:
    return extractor.extract(ExtractRequest("t", text, PUBLISHED)).to_json()["events"]


def one(extractor, text: str, type_: str, kind: str | None = None) -> dict:
    found = [
        e
        for e in events(extractor, text)
        if e["type"] == type_ and (kind is None or e["kind"] == kind)
    ]
    assert len(found) == 1, found
    return found[0]


def told_in(extractor, text: str, words: str) -> list[dict]:
    """The events whose evidence sentence holds `words`."""
    return [e for e in events(extractor, text) if words in e["evidence"]]


def place(event: dict) -> str | None:
    return (event["location"] or {}).get("name")


def test_documents_signed_during_a_dated_visit_are_dated_and_placed_by_it(extractor):
    text = (
        "Chile and Peru signed three trade agreements and opened a border crossing during Peruvian "
        "President Dina Boluarte's state visit to Chile on Tuesday."
    )
    deal = one(extractor, text, "AGREE")
    visit = one(extractor, text, "CONSULT", "visit")
    assert deal["date"] == visit["date"] == "2025-02-25"
    assert place(deal) == place(visit) == "Chile"
    assert visit["status"] == "concluded"


def test_a_deal_the_summit_resulted_in_happened_at_the_summit(extractor):
    text = (
        "Leaders of Kenya and Tanzania gathered in Nairobi on Monday for the East African summit. "
        "The summit resulted in a trade pact signed by Kenya and Tanzania."
    )
    pact = one(extractor, text, "AGREE")
    assert pact["date"] == "2025-02-24" and place(pact) == "Nairobi"
    assert len([e for e in events(extractor, text) if e["type"] == "CONSULT"]) == 1


def test_leaders_at_a_summit_adopt_on_the_summit_day_told_later(extractor):
    text = (
        "Leaders at the African Union summit adopted a declaration on food security. "
        "The African Union summit opened in Addis Ababa on Saturday."
    )
    declaration = one(extractor, text, "AGREE")
    assert declaration["date"] == "2025-02-22" and place(declaration) == "Addis Ababa"


def test_an_act_keeps_its_own_date_beside_another_occasion(extractor):
    text = (
        "Chile and Peru signed a fisheries treaty in 2019. "
        "Peruvian President Dina Boluarte visited Chile on Tuesday."
    )
    treaty = one(extractor, text, "AGREE")
    assert treaty["date"] == "2019-01-01" and treaty["date_precision"] == "year"
    assert place(treaty) is None


def test_an_agreement_at_unnamed_talks_gets_no_date_from_nowhere(extractor):
    deal = one(
        extractor, "Chile and Peru reached a trade agreement at the talks, officials said.", "AGREE"
    )
    assert deal["date"] is None and place(deal) is None


def test_a_threat_told_alongside_a_dated_clash_shares_its_day(extractor):
    text = (
        "Peru clashed with Chile at a meeting of the Andean Community on Friday, "
        "with Lima threatening to expel Chile's ambassador."
    )
    assert one(extractor, text, "THREATEN")["date"] == "2025-02-21"


def test_a_call_set_between_subject_and_verb_has_the_subject_as_its_sides(extractor):
    text = (
        "Chilean Foreign Minister Alberto van Klaveren and his Peruvian counterpart "
        "Elmer Schialer, "
        "during a phone call on Tuesday, discussed border trade, the ministry said."
    )
    call = one(extractor, text, "CONSULT", "phone_call")
    assert {"Alberto van Klaveren", "Elmer Schialer"} <= {p["name"] for p in call["participants"]}
    assert call["date"] == "2025-02-25" and call["status"] == "concluded"


def test_a_place_hung_on_the_person_met_is_the_meeting_place(extractor):
    text = (
        "Peruvian President Dina Boluarte met Chilean President Gabriel Boric in Lima on Tuesday."
    )
    assert place(one(extractor, text, "CONSULT")) == "Lima"


def test_a_definite_mention_of_the_talks_places_the_talks_already_told(extractor):
    text = (
        "Kenya and Uganda held talks on Monday. The talks in Nairobi ended with a joint statement."
    )
    talks = one(extractor, text, "CONSULT")
    assert talks["date"] == "2025-02-24" and place(talks) == "Nairobi"


def test_a_summit_still_to_come_is_not_the_meeting_that_was_held(extractor):
    text = (
        "Kenyan President William Ruto met Ugandan President Yoweri Museveni in Nairobi on Monday. "
        "The border plan is to be discussed at the East African Community summit in Arusha "
        "next month."
    )
    meeting = one(extractor, text, "CONSULT", "meeting")
    summit = one(extractor, text, "CONSULT", "summit")
    assert place(meeting) == "Nairobi" and meeting["status"] == "concluded"
    assert place(summit) == "Arusha" and summit["status"] == "planned"


def test_a_press_conference_is_no_consultation(extractor):
    text = (
        "Chile's foreign minister spoke at a press conference with Peru's foreign minister "
        "on Tuesday."
    )
    assert [e for e in events(extractor, text) if e["type"] == "CONSULT"] == []


def test_a_title_of_a_country_before_a_name_gives_the_person_that_country(extractor):
    doc = extractor.nlp("President of Peru Dina Boluarte arrived in Santiago.")
    person = next(c for c in link_entities(doc).clusters if c.kind == "person")
    assert (
        person.name == "Dina Boluarte"
        and person.country is not None
        and person.country.code == "PER"
    )


def test_a_neutral_city_named_on_what_was_agreed_is_where_it_was_agreed(extractor):
    text = (
        "Sudan's army and the rebel Liberation Movement have agreed to a three-month truce "
        "in Nairobi."
    )
    assert place(one(extractor, text, "AGREE")) == "Nairobi"
    truce = one(
        extractor, "Syria and the rebels agreed to a ceasefire in Aleppo on Monday.", "AGREE"
    )
    assert (
        place(truce) is None
    )  # a truce in a side's own city is where it holds, not where it was made


def test_a_consensus_reached_by_named_leaders_is_an_agreement_even_as_a_topic(extractor):
    text = "Peru and Chile reaffirmed the consensus reached by their presidents in Quito, Ecuador."
    consensus = one(extractor, text, "AGREE")
    assert place(consensus) == "Quito" and consensus["status"] == "concluded"
    assert [
        e
        for e in events(extractor, "Peru and Chile praised the consensus of the region.")
        if e["type"] == "AGREE"
    ] == []


def test_a_possessive_time_phrase_dates_the_event_even_untagged(extractor):
    text = "Last year's Andean summit in Quito ended with a joint declaration by Peru and Chile."
    summit = one(extractor, text, "CONSULT")
    assert summit["date"] == "2024-01-01" and summit["date_precision"] == "year"


def test_his_call_with_someone_is_the_call_of_the_man_just_named(extractor):
    text = (
        "Peruvian President Dina Boluarte said Thursday that her call with Chilean President "
        "Gabriel Boric went well."
    )
    call = one(extractor, text, "CONSULT", "phone_call")
    assert {"Dina Boluarte", "Gabriel Boric"} <= {p["name"] for p in call["participants"]}


def test_talks_told_in_a_relative_clause_take_its_sides_place_and_date(extractor):
    talks = one(
        extractor,
        "The talks that Peru and Chile held in Quito on Monday ended without a deal.",
        "CONSULT",
    )
    assert {p["name"] for p in talks["participants"]} == {"Peru", "Chile"}
    assert place(talks) == "Quito" and talks["date"] == "2025-02-24"


def test_next_year_is_next_year(extractor):
    meeting = one(extractor, "Boric and Boluarte will meet next year in Lima.", "CONSULT")
    assert (
        meeting["date"] == "2026-01-01"
        and meeting["date_precision"] == "year"
        and meeting["status"] == "planned"
    )


def test_a_dateline_is_neither_a_side_nor_the_place_of_what_is_still_to_come(extractor):
    text = (
        "Lima, Feb 27 (EFE) – Peru and Chile held talks in Quito on Wednesday and will continue "
        "the dialogue in a week."
    )
    found = [e for e in events(extractor, text) if e["type"] == "CONSULT"]
    held = next(e for e in found if e["status"] == "concluded")
    assert {p["name"] for p in held["participants"]} == {"Peru", "Chile"}
    assert place(held) == "Quito" and held["date"] == "2025-02-26"
    assert all(place(e) != "Lima" for e in found)


def test_would_meet_again_points_ahead(extractor):
    text = (
        "Peru and Chile held talks in Quito on Monday. Afterwards the Peruvian minister announced "
        "that Peru and Chile would meet again in Quito on Saturday."
    )
    talks = [e for e in events(extractor, text) if e["type"] == "CONSULT"]
    assert {(e["date"], e["status"]) for e in talks} == {
        ("2025-02-24", "concluded"),
        ("2025-03-01", "planned"),
    }


def test_talks_in_a_city_are_the_talks_in_its_country_not_the_next_round(extractor):
    text = (
        "Peru and Chile held talks in Ecuador on Monday and agreed to meet again in Quito "
        "next week. "
        "The negotiations in Quito lasted three hours."
    )
    held = next(
        e for e in events(extractor, text) if e["type"] == "CONSULT" and e["status"] == "concluded"
    )
    assert held["date"] == "2025-02-24"


def test_the_second_round_of_talks_is_dated_by_its_round(extractor):
    talks = one(
        extractor,
        "Peru's minister spoke after the second round of talks with Chile in Quito on Monday.",
        "CONSULT",
    )
    assert talks["date"] == "2025-02-24" and place(talks) == "Quito"


def test_their_talks_are_those_of_the_clause_subject_not_of_the_reporter(extractor):
    text = (
        "Peru's foreign minister says negotiators from Chile and Bolivia have made progress "
        "in their border talks."
    )
    talks = one(extractor, text, "CONSULT")
    assert {p["name"] for p in talks["participants"]} == {"Chile", "Bolivia"}


def test_a_headline_coordinates_by_comma(extractor):
    talks = one(extractor, "Peru, Chile hold talks in Lima", "CONSULT")
    assert {p["name"] for p in talks["participants"]} == {"Peru", "Chile"}


def test_every_guest_a_host_received_is_a_side(extractor):
    text = (
        "President Gabriel Boric hosted Peruvian President Dina Boluarte and Democratic Republic "
        "of the Congo (DRC) President Felix Tshisekedi at La Moneda."
    )
    meeting = one(extractor, text, "CONSULT")
    assert {"Dina Boluarte", "Felix Tshisekedi"} <= {p["name"] for p in meeting["participants"]}


def test_phone_talks_are_a_call(extractor):
    call = one(extractor, "Peru and Chile held phone talks on Monday.", "CONSULT")
    assert call["kind"] == "phone_call" and call["mode"] == "phone"


def test_a_visit_framing_a_decision_is_dated_by_the_decision(extractor):
    text = (
        "Peru and Chile on Wednesday decided to reopen border trade, including river transport, "
        "during the visit of Peruvian President Dina Boluarte to Santiago."
    )
    visit = one(extractor, text, "CONSULT", "visit")
    assert visit["date"] == "2025-02-26" and place(visit) == "Santiago"


def test_an_ordinal_is_no_date(extractor):
    meeting = one(
        extractor,
        "Peru and Chile held the 32d meeting of their joint commission in Lima.",
        "CONSULT",
    )
    assert meeting["date"] is None


def test_the_host_of_a_summit_takes_part_but_not_the_host_of_two_sides_talks(extractor):
    summit = one(extractor, "The summit hosted by Kenya in Nairobi ended on Monday.", "CONSULT")
    assert {p["name"] for p in summit["participants"]} == {"Kenya"}
    talks = one(
        extractor, "Oman hosted talks between Iran and the United States on Monday.", "CONSULT"
    )
    assert "Oman" not in {p["name"] for p in talks["participants"]}


def test_speeding_up_a_withdrawal_is_a_withdrawal(extractor):
    text = "Chile speeded up the withdrawal of its troops from the border on Wednesday."
    retreat = one(extractor, text, "RETREAT")
    assert "Chile" in {p["name"] for p in retreat["participants"]}


def test_a_city_naming_talks_is_their_place_and_a_hyphenated_pair_their_sides(extractor):
    london = one(
        extractor, "China and the United States held the London talks on Monday.", "CONSULT"
    )
    assert {p["name"] for p in london["participants"]} == {"China", "United States"} and place(
        london
    ) == "London"
    pair = one(extractor, "The Moscow-Washington talks ended on Monday.", "CONSULT")
    assert {p["name"] for p in pair["participants"]} == {"Russia", "United States"}
    # a pair the tagger runs into one name is still a pair, and no place
    pair = one(extractor, "The Moscow-Kyiv talks ended on Monday.", "CONSULT")
    assert {p["name"] for p in pair["participants"]} == {"Russia", "Ukraine"} and not place(pair)


def test_a_capital_naming_a_meeting_is_no_side_of_it(extractor):
    text = (
        "Chile and Peru held talks in Lima on Tuesday. The Moscow meeting came less than a week "
        "after the talks."
    )
    for event in events(extractor, text):
        assert "Russia" not in {p["name"] for p in event["participants"]}, event


def test_two_ministers_with_a_capital_letter_are_the_two_named_before(extractor):
    text = (
        "Chilean Foreign Minister Alberto van Klaveren and Peruvian Foreign Minister Elmer "
        "Schialer agreed on a five-point plan, a joint statement said on Friday.\n\n"
        "The two Ministers met for about two hours on Thursday evening in Lima."
    )
    met = told_in(extractor, text, "Ministers met")
    assert met and names(met[0]) >= {"Alberto van Klaveren", "Elmer Schialer"}, met


def test_a_meeting_told_as_what_came_before_is_not_the_talks_of_the_day(extractor):
    text = (
        "India and China held talks in Beijing on Wednesday. The meeting was held after "
        "Prime Minister "
        "Narendra Modi and President Xi Jinping met on the sidelines of the BRICS summit in Kazan."
    )
    talks = [
        e
        for e in events(extractor, text)
        if e["type"] == "CONSULT" and e["kind"] in ("talks", "meeting")
    ]
    beijing = next(e for e in talks if place(e) == "Beijing")
    assert "Xi Jinping" not in {p["name"] for p in beijing["participants"]}
    assert any(place(e) == "Kazan" for e in talks)


def test_a_sentence_with_no_verb_is_read_to_its_end(extractor):
    # a headline-like fragment: every climb towards a verb stops at its root
    found = events(extractor, "Peru and Chile held talks on Monday. Their talks in Lima")
    assert [e["date"] for e in found if e["type"] == "CONSULT"] == ["2025-02-24"]


def test_sides_that_agreed_after_talks_held_them(extractor):
    text = "Peru and Chile agreed on a fisheries framework after two days of talks in Quito."
    talks = one(extractor, text, "CONSULT")
    assert {p["name"] for p in talks["participants"]} == {"Peru", "Chile"}
    assert place(talks) == "Quito" and talks["status"] == "concluded"
    assert [
        e
        for e in events(extractor, "Bolivia said after talks in Geneva that it would wait.")
        if e["type"] == "CONSULT"
    ] == []


def test_an_event_of_several_days_that_closed_on_a_day_is_dated_by_its_first_day(extractor):
    summit = one(
        extractor,
        "Leaders of the Nordic Council wrapped up a three-day summit in Reykjavik on Wednesday.",
        "CONSULT",
    )
    assert summit["date"] == "2025-02-24"  # Monday to Wednesday
    assert summit["status"] == "concluded"


def test_ending_a_meeting_is_holding_it_but_ending_an_effort_undoes_it(extractor):
    meeting = one(
        extractor,
        "The Chilean and Peruvian ministers ended their two-day meeting in Lima on Tuesday.",
        "CONSULT",
    )
    assert meeting["date"] == "2025-02-24" and meeting["status"] == "concluded"
    assert not [
        e
        for e in events(extractor, "Chile ended its mediation efforts between the two parties.")
        if e["type"] == "CONSULT"
    ]


def test_sides_that_exchanged_views_held_talks_but_armies_that_exchanged_fire_did_not(extractor):
    talks = one(
        extractor,
        "Chile and Peru exchanged views on the maritime border on Tuesday.",
        "CONSULT",
    )
    assert talks["date"] == "2025-02-25" and talks["status"] == "concluded"
    fire = events(extractor, "The two armies exchanged fire across the border on Tuesday.")
    assert not [e for e in fire if e["type"] == "CONSULT"]


def test_a_meeting_things_are_counted_since_is_not_the_talks_the_article_reports(extractor):
    text = (
        "Chilean and Peruvian envoys exchanged views on the maritime border in Lima. "
        "The border has stayed calm since their meeting in Santiago."
    )
    talks = one(extractor, text, "CONSULT", "talks")
    assert place(talks) != "Santiago"


def test_who_takes_part_in_partnership_with_the_talks_is_no_side(extractor):
    text = (
        "Chile and Peru resumed their border talks on Tuesday. The talks are taking place "
        "\u201cin partnership\u201d with representatives of the African Union and Kenya."
    )
    sides = {p["name"] for e in events(extractor, text) for p in e["participants"]}
    assert "Chile" in sides
    assert not sides & {"African Union", "Kenya"}


def test_the_chairs_of_a_conference_take_part_in_it(extractor):
    conference = one(
        extractor,
        "The ministerial conference on water security opened on Monday at the UN headquarters "
        "in New York, under the joint chairmanship of Chile and Norway.",
        "CONSULT",
    )
    assert {p["name"] for p in conference["participants"]} >= {"Chile", "Norway"}


def test_a_venue_inside_a_city_of_two_words_keeps_the_venue_whole(extractor):
    meeting = one(
        extractor,
        "Chile and Norway met on Monday at the foreign ministry in Buenos Aires.",
        "CONSULT",
    )
    assert meeting["location"] == {
        "name": "Buenos Aires",
        "country_code": "ARG",
        "detail": "the foreign ministry",
    }


def test_talks_that_began_the_day_before_are_under_way_unless_told_ended(extractor):
    begun = one(extractor, "Talks between Chile and Peru began in Lima on Wednesday.", "CONSULT")
    assert begun["date"] == "2025-02-26" and begun["status"] == "ongoing"
    ended = one(extractor, "Chile and Peru ended their talks in Lima on Wednesday.", "CONSULT")
    assert ended["status"] == "concluded"


def test_the_holders_of_an_office_named_by_country_are_the_people_named_in_it(extractor):
    text = (
        "Chilean Foreign Minister Ana Rojas spoke with Peruvian Foreign Minister Luis Vega on "
        "Monday. The foreign ministers of Chile and Peru have agreed to hold a meeting of their "
        "border commission."
    )
    agreed = one(extractor, text, "AGREE")
    assert {p["name"] for p in agreed["participants"]} == {"Ana Rojas", "Luis Vega"}
    # an office the article names nobody in stays the country
    text = "The defence ministers of Chile and Peru have agreed to hold a meeting in Lima."
    agreed = one(extractor, text, "AGREE")
    assert {p["name"] for p in agreed["participants"]} == {"Chile", "Peru"}


def test_thanks_for_a_courtesy_are_manners_but_thanks_for_support_are_support(extractor):
    for courtesy in (
        "Chile's president thanked Peru's president Dina Boluarte for the warm welcome.",
        "Chile's president congratulated Dina Boluarte on assuming the presidency.",
    ):
        assert [e for e in events(extractor, courtesy) if e["type"] == "SUPPORT"] == []
    support = "Chile's president thanked Peru's president Dina Boluarte for her support."
    assert [e for e in events(extractor, support) if e["type"] == "SUPPORT"]


def test_support_or_aid_from_someone_names_the_giver(extractor):
    text = "Peru got support from its allies Chile and Ecuador on Friday."
    support = one(extractor, text, "SUPPORT")
    assert {p["name"] for p in support["participants"]} >= {"Chile", "Ecuador", "Peru"}


def test_leaders_who_gathered_for_a_summit_chaired_by_two_held_that_summit(extractor):
    summit = one(
        extractor,
        "Leaders from twenty countries gathered in Valparaiso on Monday for the Pacific Summit, "
        "co-chaired by Chilean President Gabriel Boric and Peruvian President Dina Boluarte.",
        "CONSULT",
    )
    assert summit["kind"] == "summit" and summit["date"] == "2025-02-24"
    names = {p["name"] for p in summit["participants"]}
    assert {"Gabriel Boric", "Dina Boluarte"} <= names


def test_the_hosts_named_where_a_conference_was_put_off_are_the_conferences_hosts(extractor):
    text = (
        "Hosted by Chile and Norway, the conference on water security was postponed in June. "
        "Chilean Foreign Minister Ana Rojas told the conference on Monday that water is a right."
    )
    conference = one(extractor, text, "CONSULT", "conference")
    assert {"Chile", "Norway"} <= {p["name"] for p in conference["participants"]}


def test_the_hosts_go_to_the_conference_someone_addressed_not_to_one_only_decided_on(extractor):
    text = (
        "The assembly decided last year that such a conference would be held in 2025. "
        "Hosted by Chile and Norway, the conference on water security was postponed in June. "
        "Chilean Foreign Minister Ana Rojas told the conference on Monday that water is a right."
    )
    conference = one(extractor, text, "CONSULT", "conference")
    assert {"Chile", "Norway"} <= {p["name"] for p in conference["participants"]}


def test_a_conference_that_would_be_held_is_not_told_as_held(extractor):
    text = "The assembly decided in September last year that such a conference would be held."
    doc = extractor.nlp(text)
    found = extract_events_with_evidence(
        doc, link_entities(doc), PUBLISHED, need_participants=False
    )
    conference = [event for event, _ in found if event.kind == "conference"]
    assert conference and conference[0].status != "concluded"


def test_institutions_in_a_named_persons_title_are_no_sides(extractor):
    text = (
        "Chilean Special Envoy, Member of the Political Council of the Socialist Party and "
        "Director of the Andean Affairs Office Juan Perez and Peruvian Foreign Minister Luis Vega "
        "held talks in Lima on Monday."
    )
    talks = one(extractor, text, "CONSULT")
    names = {p["name"] for p in talks["participants"]}
    assert "Juan Perez" in names
    assert not [n for n in names if "Council" in n or "Office" in n]


def test_leaders_who_have_yet_to_meet_have_not_met_nor_are_they_the_ministers_meeting(extractor):
    text = (
        "The meeting between Chile's Juan Perez and Peru's Luis Vega comes as ties warm. "
        "Chile's president Gabriel Boric and Peru's president Dina Boluarte have yet to meet."
    )
    meetings = [e for e in events(extractor, text) if e["type"] == "CONSULT"]
    assert len(meetings) == 1
    names = {p["name"] for p in meetings[0]["participants"]}
    assert {"Juan Perez", "Luis Vega"} <= names
    assert not names & {"Gabriel Boric", "Dina Boluarte"}
    assert meetings[0]["status"] != "planned"


def test_a_summit_of_two_leaders_is_the_meeting_of_their_countries_told_after(extractor):
    text = (
        "For exporters, the most tangible result of this week's Lima summit between President "
        "Gabriel Boric and President Dina Boluarte was the end of a tariff dispute.\n\n"
        "Chile and Peru settled the copper dispute at Thursday's meeting in Lima."
    )
    (meeting,) = of_type(extractor, text, "CONSULT")
    assert meeting["date"] == "2025-02-27" and meeting["location"]["name"] == "Lima"


def test_a_pledge_set_off_at_a_summit_was_made_there_by_those_pledging(extractor):
    text = (
        "Chilean President Gabriel Boric and Peruvian President Dina Boluarte pledged on Monday "
        "to open the border and to sign a trade pact this year, at a summit in Lima."
    )
    (summit,) = of_type(extractor, text, "CONSULT")
    assert {"Chile", "Peru"} <= names(summit)
    assert summit["date"] == "2025-02-24"  # the pledge's day, not the goal's "this year"
    assert summit["status"] == "concluded"


def test_an_intended_act_at_a_gathering_keeps_the_gatherings_own_time(extractor):
    text = "Chile intends to recognise the new government in September at the regional summit."
    summits = of_type(extractor, text, "CONSULT")
    assert all(s.get("status") != "concluded" for s in summits)


def test_talks_that_followed_a_dated_attack_are_not_dated_by_it(extractor):
    text = "The talks between Chile and Peru followed a February 3 attack on a border post."
    talks = of_type(extractor, text, "CONSULT")
    assert talks and all(t.get("date") != "2025-02-03" for t in talks)


def test_the_talks_a_deal_was_announced_after_were_held_by_its_announcers_in_the_venue_city(
    extractor,
):
    text = (
        "The deal was announced by Chilean Foreign Minister Alberto van Klaveren and Peruvian "
        "Foreign Minister Elmer Schialer after three days of negotiations at a Lima hotel."
    )
    (talks,) = of_type(extractor, text, "CONSULT")
    assert {"Chile", "Peru"} <= names(talks)
    assert talks["location"]["name"] == "Lima"


def test_a_meeting_told_as_the_one_since_which_is_not_the_meeting_told(extractor):
    text = (
        "The February 24 meeting of the foreign ministers of Chile and Peru produced no deal. "
        "The leaders' summit planned for later this year will be the first since the 2023 "
        "Geneva meeting."
    )
    found = [e for e in of_type(extractor, text, "CONSULT") if e.get("date") == "2025-02-24"]
    assert found and all((e.get("location") or {}).get("name") != "Geneva" for e in found)


def test_talks_recalled_in_a_sentence_of_years_ago_are_not_the_talks_reported(extractor):
    text = (
        "Chile and Peru talks stall again\n\n"
        "The latest effort to settle the fishing dispute has stalled. Here is how the talks "
        "have unfolded.\n\n"
        "On July 14, 2015, after marathon talks in Lima, the two countries signed a framework "
        "deal."
    )
    found = extractor.extract(ExtractRequest("t", text, "2022-09-08")).to_json()["events"]
    talks = [e for e in found if e["type"] == "CONSULT"]
    assert all((t.get("location") or {}).get("name") != "Lima" or t.get("date") for t in talks)


def test_rounds_of_sanctions_are_no_talks(extractor):
    text = "The Security Council imposed four rounds of sanctions on Peru in 2010."
    assert not of_type(extractor, text, "CONSULT")


def test_leaders_hosted_at_a_summit_in_the_city_of_a_place_are_its_sides_there(extractor):
    text = (
        "Brazilian President Lula hosted the leaders of Chile, Peru, Bolivia and Paraguay at a "
        "summit in the historic city of Brasilia on Monday."
    )
    (summit,) = of_type(extractor, text, "CONSULT")
    assert summit["kind"] == "summit"
    assert {"Chile", "Peru", "Bolivia", "Paraguay"} <= names(summit)
    assert summit["location"]["name"] == "Brasilia"


def test_talks_of_two_days_that_ended_on_a_day_began_the_day_before(extractor):
    text = "Two days of talks between Chile and Peru ended on Wednesday."
    (talks,) = of_type(extractor, text, "CONSULT")
    assert talks["date"] == "2025-02-25"  # the first day, as a report of the start gives it


def test_talks_one_delegation_led_are_the_talks_of_the_agreement_the_sentence_tells(extractor):
    text = (
        "Chile and Peru have agreed to reopen two border crossings, Chilean Foreign Minister "
        "Alberto van Klaveren, who led his country's delegation at the Lima talks, told reporters "
        "on Monday."
    )
    talks = [e for e in of_type(extractor, text, "CONSULT") if e["kind"] == "talks"]
    assert talks and all({"Chile", "Peru"} <= names(t) for t in talks)


def test_talks_beside_an_agreement_of_others_take_no_sides_from_it(extractor):
    text = (
        "Chile and Peru have agreed to reopen two border crossings, Bolivian Foreign Minister "
        "Celinda Sosa, who led her country's delegation at the Lima talks, told reporters."
    )
    talks = [e for e in of_type(extractor, text, "CONSULT") if e["kind"] == "talks"]
    assert all("Chile" not in names(t) for t in talks)


@pytest.mark.parametrize(
    "text",
    [
        "Chile-Peru talks in Lima pushed to Friday as Boric stays away",
        "The talks between Chile and Peru, expected to start in Lima on Thursday, have been "
        "pushed back to Friday, officials said.",
    ],
)
def test_talks_pushed_to_a_day_are_planned_for_that_day(extractor, text):
    talks = of_type(extractor, text, "CONSULT")
    assert talks and all(
        (t.get("date"), t.get("status")) == ("2025-02-28", "planned") for t in talks
    )


def test_a_meeting_proposed_or_a_call_with_others_is_not_the_talks_reported(extractor):
    text = (
        "Chile-Peru talks end with a fishing deal\n\n"
        "Delegations of Chile and Peru agreed on a fishing deal at their talks in Lima on "
        "Friday.\n\n"
        "Peru, he said, had proposed a meeting between President Boric and President Boluarte."
        "\n\nBoluarte said she had spoken with Lula together with the leaders of Argentina and "
        "Uruguay after the delegations met."
    )
    found = extractor.extract(ExtractRequest("t", text, "2025-03-01")).to_json()["events"]
    talks = [e for e in found if e["type"] == "CONSULT" and {"Chile", "Peru"} <= names(e)]
    assert talks
    assert all(not {"Gabriel Boric", "Argentina", "Uruguay"} & names(t) for t in talks)


def test_talks_agreed_on_a_day_to_be_opened_are_planned_not_held_that_day(extractor):
    text = "Chile and Peru agreed on Monday to open negotiations on fishing rights."
    (talks,) = of_type(extractor, text, "CONSULT")
    assert talks["status"] == "planned" and talks.get("date") is None  # not the next Monday
    (deal,) = of_type(extractor, text, "AGREE")
    assert deal["date"] == "2025-02-24"  # the agreeing is the day's


def test_a_visit_told_with_no_day_takes_the_day_of_the_visitors_meeting(extractor):
    text = (
        "Kenyan President William Ruto said his visit to Kampala had opened a new chapter. "
        "Ruto and Ugandan President Yoweri Museveni met on Tuesday at State House for several "
        "hours."
    )
    visits = [e for e in events(extractor, text) if e["kind"] == "visit"]
    assert visits and visits[0]["date"] == "2025-02-25"
    # a meeting of others that day dates no one's visit
    other = text.replace("Ruto and Ugandan", "Tanzanian President Samia Suluhu Hassan and Ugandan")
    assert all(e["date"] != "2025-02-25" for e in events(extractor, other) if e["kind"] == "visit")


def test_the_agreement_announced_on_a_day_is_the_deal_the_lead_told(extractor):
    text = (
        "Kenya and Uganda have agreed to set aside a long dispute over fishing rights on Lake "
        "Victoria.\n\n"
        "The agreement, dubbed the Kampala Declaration, was announced on Wednesday night in the "
        "Ugandan capital."
    )
    deals = [e for e in events(extractor, text) if e["type"] == "AGREE" and e["confidence"] >= 0.5]
    assert len(deals) == 1
    assert deals[0]["date"] == "2025-02-26" and deals[0]["location"]["name"] == "Kampala"


def test_a_gathering_named_by_its_own_name_takes_no_date_from_an_older_one(extractor):
    text = (
        "Andean leaders have issued a declaration at every summit since their first informal "
        "meeting in Cartagena in 1969. Lula and Milei are due to meet at the Mercosur summit in "
        "Montevideo."
    )
    planned = told_in(extractor, text, "due to meet")
    assert planned and all(not (e.get("date") or "").startswith("1969") for e in planned), planned


def test_a_deal_signed_in_the_same_breath_as_a_dated_act_takes_its_day(extractor):
    deal = one(
        extractor,
        "Chile and Peru on Monday declared an end to their border dispute, signing a joint "
        "declaration that reopens the crossings.",
        "AGREE",
    )
    assert (deal["date"], deal["status"]) == ("2025-02-24", "concluded"), deal


def test_a_day_told_with_how_long_after_something_is_still_the_day(extractor):
    call = one(
        extractor,
        "Rojas and Ortega had spoken by phone on January 17, two days after the border clash.",
        "CONSULT",
    )
    assert call["date"] == "2025-01-17", call


def test_a_headline_trip_is_not_later_visits_by_others_of_its_country(extractor):
    text = (
        "What Blinken's Beijing trip did and did not achieve\n\n"
        "Analysts said the value of the talks lay in restarting a diplomatic calendar. Further "
        "visits by the treasury secretary, Janet Yellen, and the climate envoy, John Kerry, are "
        "expected."
    )
    for visit in [e for e in events(extractor, text) if e["kind"] == "visit"]:
        assert not {"Antony Blinken", "Blinken"} & names(visit) or "Janet Yellen" not in names(
            visit
        ), visit


@pytest.mark.parametrize(
    ("text", "town", "venue"),
    [
        (
            "Chile and Norway held talks at the Palacio de la Moneda in Santiago on Monday.",
            "Santiago",
            "the Palacio de la Moneda",
        ),
        (
            "Chile and Norway held talks at the Cerro Castillo Palace outside Antofagasta on "
            "Monday.",
            "Antofagasta",
            None,  # the tagger calls the palace a body: the town still places the talks
        ),
        ("Chile and Norway met at the Quillota estate near Santiago on Monday.", "Santiago", None),
    ],
)
def test_a_venue_in_near_or_outside_a_known_town_is_in_that_town(extractor, text, town, venue):
    talks = one(extractor, text, "CONSULT")
    assert talks["location"]["name"] == town, talks["location"]
    assert venue is None or talks["location"]["detail"] == venue


def test_a_venue_with_its_city_after_a_comma_is_in_that_city(extractor):
    talks = one(
        extractor,
        "The first Chile-Peru summit meeting and talks were held at the Costa del Sol Hotel on "
        "San Lorenzo Island, Peru, on Tuesday.",
        "CONSULT",
    )
    assert place(talks) == "Peru" and talks["confidence"] >= 0.5, talks


def test_a_city_state_naming_a_summit_is_its_place_not_a_side(extractor):
    summit = one(
        extractor, "Seoul weighs Trump's remarks after Singapore summit with Kim", "CONSULT"
    )
    assert "Singapore" not in names(summit) and place(summit) == "Singapore", summit


def test_a_bodys_summits_on_the_same_trip_are_not_the_summit_of_two_leaders(extractor):
    text = (
        "LIMA (AP) — Chilean President Gabriel Boric and Peruvian President Dina Boluarte wrapped "
        "up their first summit on Wednesday with an agreement to reopen the border, but with deep "
        "differences unresolved on fishing rights and Bolivia.\n\n"
        "The summit capped Boric's first overseas trip as president, which included the Group "
        "of Seven summit in Cornwall, England, a NATO summit and talks with European Union "
        "leaders in Brussels."
    )
    found = events(extractor, text)
    (main,) = [e for e in found if "wrapped" in e["evidence"]]
    assert names(main) >= {"Gabriel Boric", "Dina Boluarte"}, main
    assert not names(main) & {"Bolivia", "Group of Seven", "NATO", "European Union"}, main
    assert place(main) not in ("Cornwall", "Brussels"), main


def test_a_format_of_states_is_a_side_by_its_name_not_a_region(extractor):
    met = one(extractor, "The leaders of the Normandy Four met in Paris on Friday.", "CONSULT")
    assert names(met) == {"Normandy Four"}, met


def test_a_family_name_written_first_is_the_person_wherever_the_tagger_misses_it(extractor):
    text = (
        "SEOUL, March 15 (Yonhap) -- President Yoon Suk Yeol will leave for Tokyo on Thursday for "
        "a two-day visit. Yoon said the trip would open a new chapter. Yoon and Kishida held "
        "their first formal summit in Phnom Penh last November."
    )
    summit = told_in(extractor, text, "first formal")
    assert summit and {"Yoon Suk Yeol", "Fumio Kishida"} <= names(summit[0]), summit


def test_who_leaves_for_a_visit_makes_it_where_he_leaves_for(extractor):
    visit = one(
        extractor,
        "SANTIAGO, Feb 27 (Reuters) -- President Gabriel Boric will leave for Lima on Monday for a "
        "two-day visit and talks with Peruvian President Dina Boluarte.",
        "CONSULT",
    )
    assert "Gabriel Boric" in names(visit) and visit["status"] == "planned", visit
    assert place(visit) == "Lima", visit


def test_a_weekday_hours_before_something_is_that_day(extractor):
    text = (
        "LIMA, Feb 27 (AFP) - Peru demanded an apology from Chile on Thursday hours after the "
        "release of a Peruvian fishing captain."
    )
    asked = one(extractor, text, "REQUEST")
    assert asked["date"] == "2025-02-27", asked


def test_the_legs_of_a_trip_are_not_the_summit_it_capped(extractor):
    text = (
        "LIMA (AP) — Chilean President Gabriel Boric and Peruvian President Dina Boluarte wrapped "
        "up their first summit on Wednesday with an agreement to reopen the border.\n\n"
        "The talks at an 18th-century villa lasted about three hours. The summit capped Boric's "
        "first overseas trip as president, which included the Mercosur summit in Asuncion, a "
        "CELAC summit and talks with European Union leaders in Brussels."
    )
    (main,) = told_in(extractor, text, "wrapped")
    assert not names(main) & {"Mercosur", "CELAC", "European Union"}, main
    assert place(main) == "Lima", main


def test_a_residence_in_the_resort_of_a_town_is_in_that_town(extractor):
    talks = one(
        extractor,
        "Boric and Erdogan held talks at his residence in the Mediterranean resort of Antalya on "
        "Monday.",
        "CONSULT",
    )
    assert place(talks) == "Antalya", talks


def test_who_speaks_after_talks_held_them(extractor):
    text = (
        "Boric, speaking at a joint press conference after talks at his residence in Santiago, "
        "said the border would reopen."
    )
    talks = [e for e in events(extractor, text) if e["type"] == "CONSULT"]
    assert talks and {"Boric", "Gabriel Boric"} & names(talks[0]), talks
