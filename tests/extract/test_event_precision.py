"""Precision first: what the engine must not report as an event, and the date, place and
confidence of what it does report. Sentences are the repository's own."""

from __future__ import annotations

import pytest

from bot.extract.dateline import find_dateline
from bot.extract.extractor import ExtractRequest
from tests.extract.events_found import PUBLISHED, events, names, of_type


def test_an_event_needs_a_named_participant(extractor):
    assert events(extractor, "The talks took place behind closed doors.") == []
    found = of_type(extractor, "Norway and Chile held talks behind closed doors.", "CONSULT")
    assert len(found) == 1 and names(found[0]) == {"Norway", "Chile"}


def test_an_agreement_only_mentioned_is_no_new_agreement(extractor):
    text = "Chile's president praised the agreement with Peru as a model for the region."
    assert of_type(extractor, text, "AGREE") == []
    signed = of_type(
        extractor, "Chile and Peru signed a fisheries agreement in Lima on Monday.", "AGREE"
    )
    assert len(signed) == 1
    assert signed[0]["date"] == "2025-02-24" and signed[0]["location"]["name"] == "Lima"


def test_cooperation_named_as_a_goal_is_no_event(extractor):
    text = "Brazil spoke of rebuilding cooperation between Argentina and Uruguay."
    assert of_type(extractor, text, "COOPERATE") == []


def test_continuing_support_is_support_not_a_pledge(extractor):
    text = "Canada will continue to support Ukraine, the Canadian foreign minister said."
    assert [e["type"] for e in events(extractor, text)] == ["SUPPORT"]


def test_a_past_agreement_on_a_weekday_is_dated_before_publication(extractor):
    agreed = of_type(
        extractor, "Kenya and Somalia agreed on Tuesday to reopen their border.", "AGREE"
    )
    assert agreed and agreed[0]["date"] == "2025-02-25"


def test_the_date_of_the_clause_dates_a_call_told_as_a_prepositional_phrase(extractor):
    text = (
        "On Monday evening, Ghana's president discussed trade in a telephone conversation with "
        "Nigeria's president Bola Tinubu."
    )
    call = [e for e in of_type(extractor, text, "CONSULT") if e["kind"] == "phone_call"]
    assert call and call[0]["date"] == "2025-02-24" and call[0]["status"] == "concluded"


def test_a_meeting_that_is_the_subject_of_an_ordinary_verb_has_no_status(extractor):
    text = "The meeting between Peru and Chile will strengthen ties between the two neighbours."
    meeting = of_type(extractor, text, "CONSULT")
    assert meeting and meeting[0]["status"] is None


def test_air_strikes_are_attacks_and_a_general_strike_is_a_protest(extractor):
    assert [
        e["type"] for e in events(extractor, "Turkey launched air strikes on Iraq on Sunday.")
    ] == ["ASSAULT"]
    assert of_type(
        extractor,
        "French unions staged a general strike against France's pension reform.",
        "PROTEST",
    )


def test_a_place_phrase_names_no_side(extractor):
    meeting = of_type(
        extractor,
        "The meeting in Oman between envoys of Yemen and Eritrea ended late on Tuesday.",
        "CONSULT",
    )
    assert meeting and "Yemen" in names(meeting[0]) and "Oman" not in names(meeting[0])
    assert meeting[0]["location"]["name"] == "Oman"


def test_a_summit_or_a_programme_is_no_participant(extractor):
    for event in events(
        extractor, "Leaders gathered in Lima on Monday for the Pacific Peace Summit."
    ):
        assert not any("Summit" in name for name in names(event))


def test_a_visit_takes_place_where_the_visitor_went(extractor):
    visit = of_type(
        extractor,
        "Chile's foreign minister Alberto van Klaveren paid a visit to Lima on Monday.",
        "CONSULT",
    )
    assert visit and visit[0]["location"]["name"] == "Lima"


def test_the_dateline_places_the_lead_event_and_here():
    assert find_dateline("LIMA — Chile and Peru signed a treaty on Monday.").place == "Lima"
    assert find_dateline("Kyiv • Agency\nThe ministers met.").place == "Kyiv"
    assert find_dateline("Peru, Chile to hold talks in Lima within days: minister") is None
    tass = find_dateline("Peru, Chile sign a treaty\n\nLIMA, June 2. /TASS/. They signed it.")
    assert tass is not None and (tass.place, tass.date_text) == ("Lima", "June 2")
    efe = find_dateline("Peru and Chile to sign\n\nLima, Jun 8 (EFE).- Chile's minister arrived.")
    assert efe is not None and (efe.place, efe.date_text) == ("Lima", "Jun 8")
    kyodo = find_dateline("OSAKA, June 3 Kyodo - Chile and Peru signed a treaty on Monday.")
    assert kyodo is not None and (kyodo.place, kyodo.date_text) == ("Osaka", "June 3")
    slashed = find_dateline("Lima, February 26/2025 - Chile and Peru signed a treaty.")
    assert slashed is not None and (slashed.place, slashed.date_text) == (
        "Lima",
        "February 26/2025",
    )


@pytest.mark.parametrize(
    ("text", "place", "day"),
    [
        (
            "Peru, Chile sign a treaty\n\nLIMA, February 26, 2025\n\nThey signed it.",
            "Lima",
            "February 26, 2025",
        ),
        (
            "Peru, Chile sign a treaty\nSantiago, 26 February 2025\nThey signed it.",
            "Santiago",
            "26 February 2025",
        ),
        (
            "Peru, Chile sign a treaty\n\nQuito, February 26, EFE\n\nThey signed it.",
            "Quito",
            "February 26",
        ),
        # below a standfirst, or with the country in capitals
        (
            "Peace at last\nThe deal ends a feud.\nLIMA, February 26, 2025\nThey signed it.",
            "Lima",
            "February 26, 2025",
        ),
        (
            "Peru, Chile sign a treaty\nLIMA, PERU, February 26, 2025\nThey signed it.",
            "Lima",
            "February 26, 2025",
        ),
    ],
)
def test_a_line_of_a_city_and_its_day_alone_is_the_dateline(text, place, day):
    dateline = find_dateline(text)
    assert dateline is not None and (dateline.place, dateline.date_text) == (place, day)


@pytest.mark.parametrize(
    "text",
    [
        "Peru, Chile sign a treaty\nCommentary, 26 February 2025\nThey signed it.",  # a label
        "Peru, Chile sign a treaty\nWednesday, February 26, 2025\nThey signed it.",
        "Peru, Chile sign a treaty\nPeru, February 26, 2025\nThey signed it.",  # no city
        # a byline or a label before the city, a headline ending on its day, a region
        "By Anna Mbuyi, Lima, February 26, 2025\nPeru and Chile held talks here.",
        "Kersti Ilves, Tallinn, February 26, 2025\nPeru and Chile held talks here.",
        "Business, Lima, February 26, 2025\nPeru and Chile held talks here.",
        "Quito, Lima to hold talks on March 3\nPeru and Chile held talks here.",
        "Peru, Chile sign a treaty\nCrimea, February 26, 2025\nThey signed it.",
        # one of a timeline's entries or of a tour's stops
        "A timeline\nLima, January 16, 2014\nThe court ruled.\nSantiago, March 3, 2019\nThey met.",
        "Boric's tour\nSantiago, February 24\nLima, February 26\nBoric met Boluarte here.",
        # a timeline's entry further down is no dateline
        "Peru, Chile sign a treaty\nBy a staff writer\nThey signed it.\n\nLima, March 3, 2024\n",
    ],
)
def test_a_line_of_a_day_with_no_city_at_the_top_is_no_dateline(text):
    assert find_dateline(text) is None


def test_a_dateline_line_of_its_own_places_here_and_dates_the_lead(extractor):
    text = (
        "Peru, Chile sign border deal\n\nLIMA, February 25, 2025\n\nPeru and Chile on "
        "Tuesday signed a border agreement.\n\nChilean President Gabriel Boric and his "
        "Peruvian counterpart Dina Boluarte held talks here on the first day of Boric's visit."
    )
    found = of_type(extractor, text, "CONSULT")
    assert found and all(e["location"]["name"] == "Lima" for e in found)


@pytest.mark.parametrize(
    ("line", "place", "code"),
    [
        ("TAMPA, Florida, April 7 - Chile and Peru held talks.", "Tampa", "USA"),
        ("TROIS-RIVIERES, Que. - Chile and Peru held talks.", "Trois-Rivieres", "CAN"),
        ("FRESNO, Calif. (AP) - Chile and Peru held talks.", "Fresno", "USA"),
    ],
)
def test_a_dateline_may_name_a_state_or_province_for_its_country(line, place, code):
    dateline = find_dateline(line)
    assert dateline is not None and (dateline.place, dateline.country_code) == (place, code)


def test_the_dateline_does_not_place_what_the_lead_sends_or_takes_elsewhere(extractor):
    sent = of_type(
        extractor,
        "SUVA, Sept 11 - Fiji sent two patrol boats to waters around the disputed reef.",
        "MOBILIZE",
    )
    assert sent and sent[0]["location"] is None
    visit = "SUVA - Fiji's prime minister made a surprise visit to Tonga and held talks there."
    talks = [e for e in of_type(extractor, visit, "CONSULT") if e["kind"] == "talks"]
    assert all(e["location"] is None or e["location"]["name"] == "Tonga" for e in talks)


def test_a_city_told_later_is_more_precise_than_the_country(extractor):
    text = (
        "Chile's president Gabriel Boric left on Monday for a visit to the United States. "
        "This is Gabriel Boric's second visit to Washington."
    )
    visits = [e for e in of_type(extractor, text, "CONSULT") if e["kind"] == "visit"]
    assert visits and visits[0]["location"]["name"] == "Washington"


def test_the_dateline_city_is_where_the_lead_meeting_took_place(extractor):
    text = (
        "LIMA — Chile and Peru held talks on Monday on fishing rights.\n\n"
        "The talks were cordial, officials said."
    )
    talks = of_type(extractor, text, "CONSULT")
    assert talks and talks[0]["location"]["name"] == "Lima"


def test_a_quoted_claim_is_less_sure_than_the_reporters_own_account(extractor):
    reported = of_type(
        extractor, "Chile and Peru agreed on Monday to reopen the border crossing.", "AGREE"
    )
    quoted = of_type(
        extractor, '"Chile and Peru agreed to reopen the border crossing," an aide said.', "AGREE"
    )
    assert reported and quoted
    assert 0 <= quoted[0]["confidence"] < reported[0]["confidence"] <= 1


def test_a_purpose_clause_and_a_night_take_their_dates_from_the_phrase_that_gives_them(extractor):
    text = (
        "Ghana on Wednesday summoned Togo's ambassador to lodge a formal complaint about the "
        "border incident."
    )
    protest = [e for e in events(extractor, text) if e["type"] in ("ACCUSE", "PROTEST")]
    assert protest and protest[0]["date"] == "2025-02-26"
    attack = of_type(
        extractor,
        "Chad's army shelled Sudan on the night of February 20, Sudanese officials said.",
        "ASSAULT",
    )
    assert attack and attack[0]["date"] == "2025-02-20"


def test_what_a_verb_acts_on_types_it(extractor):
    assert of_type(
        extractor,
        "Canada announced fresh penalties imposed on Iran by its foreign ministry.",
        "SANCTION",
    )
    hosted = of_type(
        extractor,
        "Kenya's president William Ruto welcomed his Tanzanian counterpart in Nairobi on Monday.",
        "CONSULT",
    )
    assert hosted and hosted[0]["kind"] == "meeting"
    assert (
        of_type(
            extractor,
            "Kenya's president William Ruto welcomed his Tanzanian counterpart in Nairobi on "
            "Monday.",
            "SUPPORT",
        )
        == []
    )


def test_sharing_counts_as_cooperation_only_when_something_useful_is_shared(extractor):
    assert of_type(
        extractor, "Norway has been sharing intelligence with Sweden since the attack.", "COOPERATE"
    )
    assert (
        of_type(
            extractor,
            "Norway's prime minister shared photos of the dinner with Sweden on social media.",
            "COOPERATE",
        )
        == []
    )


def test_a_wished_for_act_is_no_event(extractor):
    assert of_type(extractor, "Jordan's king spoke of the need to send aid to Syria.", "AID") == []
    assert of_type(extractor, "Serbia rejected calls for Kosovo to disarm.", "RETREAT") == []


def test_a_vow_of_a_hostile_act_is_a_threat_and_the_act_is_its_content(extractor):
    found = events(extractor, "Brazil's president vowed on Monday to impose tariffs on Argentina.")
    assert [e["type"] for e in found] == ["THREATEN"]


def test_a_clash_at_a_meeting_is_no_attack(extractor):
    text = "Armenia clashed with Azerbaijan at a session of the OSCE on Friday."
    assert of_type(extractor, text, "ASSAULT") == []
    assert of_type(
        extractor,
        "Armenia's army clashed with Azerbaijani troops near the border on Friday.",
        "ASSAULT",
    )
    # people named fight with words; armed men named by their leader still fight, and so do
    # groups the tagger reads as people, people who clash with troops, or clashes that kill
    for fought in (
        "Pashinyan's fighters clashed with the army on Friday.",
        "Boko Haram clashed with Chadian soldiers near Lake Chad on Friday.",
        "Hemedti and Burhan clashed in Khartoum on Friday, leaving dozens dead.",
        "Maduro ordered troops to the border and clashed with Colombian forces on Friday.",
    ):
        assert of_type(extractor, fought, "ASSAULT"), fought


def test_the_source_of_a_report_is_no_participant(extractor):
    text = (
        "The accord, according to Qatar's foreign minister Mohammed Al Khulaifi, was signed by "
        "Sudan and Chad on Friday."
    )
    for event in events(extractor, text):
        assert "Mohammed Al Khulaifi" not in names(event) and "Qatar" not in names(event)


def test_a_title_with_the_name_beside_it_is_that_person(extractor):
    call = of_type(
        extractor,
        "Kenyan President William Ruto and Tanzanian President Samia Suluhu Hassan spoke by "
        "phone on Friday.",
        "CONSULT",
    )
    assert call and {"William Ruto", "Samia Suluhu Hassan"} <= names(call[0])


def test_their_call_is_the_call_of_the_sentence_subject(extractor):
    text = (
        "Peru's president and Chile's president agreed to meet again, according to summaries of "
        "their phone call."
    )
    call = [e for e in of_type(extractor, text, "CONSULT") if e["kind"] == "phone_call"]
    assert call and {"Peru", "Chile"} <= names(call[0])


def test_a_named_summit_is_held_by_its_group(extractor):
    summit = of_type(
        extractor,
        "Leaders posed for a photo during the ASEAN Summit in Jakarta on Sunday.",
        "CONSULT",
    )
    assert summit and names(summit[0]) == {"ASEAN"} and summit[0]["location"]["name"] == "Jakarta"


def test_a_capital_named_in_apposition_is_the_place(extractor):
    talks = of_type(
        extractor,
        "Delegations of Chile and Peru held talks in Ecuador's capital, Quito, on Monday.",
        "CONSULT",
    )
    assert talks and talks[0]["location"]["name"] == "Quito"


def test_agreeing_to_prepare_sanctions_is_an_agreement_not_a_threat(extractor):
    found = events(
        extractor,
        "The foreign ministers of Norway and Iceland agreed on Monday to prepare new "
        "sanctions against Belarus.",
    )
    assert "AGREE" in {e["type"] for e in found} and "THREATEN" not in {e["type"] for e in found}


def test_those_set_to_meet_are_the_subject_of_the_verb_the_meeting_completes(extractor):
    meeting = of_type(
        extractor,
        "On Friday, Brazil's president Lula and Argentina's president Milei are set to meet "
        "in Brasilia.",
        "CONSULT",
    )
    assert meeting and {"BRA", "ARG"} <= {p.get("country_code") for p in meeting[0]["participants"]}


def test_who_led_a_delegation_took_part(extractor):
    text = (
        "Delegations from Chile and Peru, led by Alberto van Klaveren and Elmer Schialer, held "
        "talks in Lima on Monday."
    )
    talks = of_type(extractor, text, "CONSULT")
    assert talks and {"Alberto van Klaveren", "Elmer Schialer"} & names(talks[0])


def test_receiving_an_envoy_is_a_meeting_and_receiving_a_letter_is_not(extractor):
    assert of_type(
        extractor,
        "Peru's ambassador was received by Chile's foreign minister Alberto van Klaveren on "
        "Monday.",
        "CONSULT",
    )
    assert (
        of_type(
            extractor,
            "Chile's foreign minister Alberto van Klaveren received a letter from Peru on Monday.",
            "CONSULT",
        )
        == []
    )


def test_thanking_and_adopting_a_declaration_are_events(extractor):
    assert of_type(
        extractor,
        "Ghana's president thanked Nigeria's president Bola Tinubu for his support.",
        "SUPPORT",
    )
    assert of_type(
        extractor,
        "ASEAN leaders adopted a joint declaration on maritime security on Sunday.",
        "AGREE",
    )


def test_a_perfect_or_past_passive_is_concluded_and_what_came_after_a_call_follows_it(extractor):
    warned = of_type(
        extractor,
        "North Korea's foreign minister Choe Son Hui has warned Japan over the drills.",
        "THREATEN",
    )
    assert warned and warned[0]["status"] == "concluded"
    call = [
        e
        for e in of_type(
            extractor,
            "After a phone call with Peru's president, Chile's president Gabriel Boric said "
            "ties were strong.",
            "CONSULT",
        )
    ]
    assert call and call[0]["status"] == "concluded"


def test_a_struck_city_is_where_the_attack_happened(extractor):
    attack = of_type(extractor, "Russia also struck Kharkiv on Wednesday.", "ASSAULT")
    assert attack and attack[0]["location"]["name"] == "Kharkiv"


def test_here_and_an_agency_line_place_a_summons(extractor):
    text = (
        "Press Agency | Accra\n\n"
        "Ghana on Wednesday summoned Togo's envoy here to lodge a formal complaint about the "
        "incident."
    )
    protest = [e for e in events(extractor, text) if e["type"] in ("ACCUSE", "PROTEST")]
    assert protest and protest[0]["location"]["name"] == "Accra"


def test_a_meeting_hosted_somewhere_took_place_there(extractor):
    text = (
        "Chad's president attended a meeting with Sudan's president hosted by Egypt in Cairo on "
        "Tuesday."
    )
    meeting = of_type(extractor, text, "CONSULT")
    assert meeting and meeting[0]["location"]["name"] == "Cairo"


def test_a_meeting_told_apart_from_the_visit_it_was_held_in_takes_its_date_and_place(extractor):
    text = (
        "Spain's prime minister Pedro Sanchez met with Morocco's King Mohammed VI.\n\n"
        "Pedro Sanchez was on a visit to Rabat on Tuesday."
    )
    meeting = [e for e in of_type(extractor, text, "CONSULT") if e["kind"] == "meeting"]
    assert (
        meeting and meeting[0]["date"] == "2025-02-25" and meeting[0]["location"]["name"] == "Rabat"
    )


def test_dialogue_someone_needs_is_no_dialogue_held(extractor):
    text = "The two leaders stressed the urgent need for direct dialogue with the Houthi rebels."
    assert of_type(extractor, text, "CONSULT") == []


def test_inviting_the_press_is_no_diplomatic_request(extractor):
    assert (
        of_type(
            extractor, "ECOWAS invited journalists to a press conference on Wednesday.", "REQUEST"
        )
        == []
    )
    assert of_type(extractor, "ECOWAS invited Senegal to the talks on Wednesday.", "REQUEST")


def test_insisting_on_a_fact_is_a_claim_and_insisting_on_an_act_a_demand(extractor):
    assert (
        of_type(
            extractor,
            "Canada's prime minister insisted he had explained Canada's position to Donald Trump.",
            "REQUEST",
        )
        == []
    )
    assert of_type(
        extractor, "Canada's prime minister insisted on talks with Donald Trump.", "REQUEST"
    )


def test_talks_held_during_other_talks_are_one_event_with_their_place(extractor):
    text = (
        "Chilean and Peruvian diplomats held talks on water rights during consultations in Lima "
        "on Thursday, an aide said."
    )
    talks = of_type(extractor, text, "CONSULT")
    assert (
        len(talks) == 1
        and talks[0]["location"]["name"] == "Lima"
        and talks[0]["date"] == "2025-02-27"
    )


def test_a_date_of_a_participle_is_not_the_date_of_the_clause(extractor):
    text = (
        "Indian and Pakistani commanders have agreed to observe a truce starting at midnight on "
        "Monday."
    )
    agreed = of_type(extractor, text, "AGREE")
    assert agreed and agreed[0]["date"] != "2025-03-03"


def test_a_range_of_days_dates_a_visit_by_its_first_day(extractor):
    visit = of_type(
        extractor,
        "Armenia's foreign minister is on an official visit to Vienna from 21 to 23 March.",
        "CONSULT",
    )
    assert visit and visit[0]["date"] == "2025-03-21" and visit[0]["location"]["name"] == "Vienna"


def test_a_possessive_day_dates_the_call(extractor):
    call = of_type(
        extractor,
        "Chile's president Gabriel Boric called Monday's call with Javier Milei constructive.",
        "CONSULT",
    )
    assert call and call[0]["date"] == "2025-02-24"


def test_a_capital_the_tagger_took_for_a_person_is_a_place(extractor):
    visit = of_type(
        extractor,
        "Spain's foreign minister Jose Manuel Albares was on a visit to Kiev on Friday.",
        "CONSULT",
    )
    assert visit and visit[0]["location"]["name"] == "Kiev"


def test_brokers_and_hosts_are_no_sides(extractor):
    talks = of_type(
        extractor, "Ethiopia and Eritrea held Kenya-brokered talks in Nairobi on Monday.", "CONSULT"
    )
    assert talks and "Kenya" not in names(talks[0]) and {"Ethiopia", "Eritrea"} <= names(talks[0])


def test_a_host_receiving_two_sides_hosts_their_talks(extractor):
    text = (
        "This morning in Oslo we hosted Colombia's peace commissioner Otty Patino and "
        "Venezuela's foreign minister Yvan Gil."
    )
    talks = of_type(extractor, text, "CONSULT")
    assert talks and talks[0]["kind"] == "talks" and talks[0]["mode"] == "third-party"
    assert "Norway" not in names(talks[0])


def test_a_named_accord_is_no_participant(extractor):
    for event in events(extractor, 'Serbia and Kosovo signed the "Brussels Accords" on Thursday.'):
        assert not any("Accords" in name for name in names(event))


def test_talks_over_two_days_are_one_event(extractor):
    text = (
        "Chile and Peru began talks in Lima on Saturday.\n\n"
        "The talks between Chile and Peru ended in Lima on Sunday."
    )
    assert len(of_type(extractor, text, "CONSULT")) == 1


def test_international_organisations_have_one_name(extractor):
    text = (
        "The foreign ministers of the Group of Seven met with Ukraine's foreign minister in "
        "Quebec on Friday."
    )
    extraction = extractor.extract(ExtractRequest("t", text, PUBLISHED))
    g7 = next(e for e in extraction.entities if e.name == "Group of Seven")
    assert g7.kind == "organization" and "G7" in g7.aliases


def test_an_agreement_told_twice_in_an_article_is_one_agreement(extractor):
    text = (
        "Armenia and Azerbaijan signed the peace accords in Washington on Thursday.\n\n"
        "The agreement between Armenia and Azerbaijan was signed by both foreign ministers."
    )
    assert len(of_type(extractor, text, "AGREE")) == 1


def test_an_undated_headline_joins_the_dated_talks_when_no_place_sets_them_apart(extractor):
    text = "Serbia, Kosovo hold talks in Brussels\n\nSerbia and Kosovo held talks on Saturday."
    talks = of_type(extractor, text, "CONSULT")
    assert (
        len(talks) == 1
        and talks[0]["location"]["name"] == "Brussels"
        and talks[0]["date"] == "2025-02-22"
    )


def test_the_negotiators_side_takes_part_in_the_talks(extractor):
    talks = of_type(
        extractor,
        "The chief Japanese negotiator in fisheries talks with South Korea welcomed the "
        "outcome on Sunday.",
        "CONSULT",
    )
    assert talks and {"JPN", "KOR"} <= {p.get("country_code") for p in talks[0]["participants"]}


def test_a_period_word_is_no_date(extractor):
    summit = of_type(
        extractor,
        "The final communique was issued during the ASEAN annual summit in Jakarta.",
        "CONSULT",
    )
    assert summit and summit[0]["date"] is None


def test_a_title_the_tagger_glued_to_a_name_is_split_off(extractor):
    text = (
        "Talks were held on Monday by Kenya's National Security Advisor Monica Juma and "
        "Ethiopia's Foreign Minister Gedion Timothewos."
    )
    extraction = extractor.extract(ExtractRequest("t", text, PUBLISHED))
    people = {e.name: e for e in extraction.entities if e.kind == "person"}
    assert "Monica Juma" in people and not any("Advisor" in name for name in people)


def test_tagger_slips_never_stand_as_participants(extractor):
    from bot.extract.entities import Cluster, link_entities
    from bot.extract.events.arguments import _as_side

    index = link_entities(extractor.nlp("Moldova met Romania."))
    assert _as_side(Cluster(kind="person", name="Joint Comprehensive Plan"), index) is None
    assert (
        _as_side(Cluster(kind="organization", name="Ministry of Foreign Affairs of"), index) is None
    )
    assert _as_side(Cluster(kind="organization", name="Rojas and Ortega"), index) is None
    assert (
        _as_side(Cluster(kind="organization", name="Andean Consultation Mechanism (ACM"), index)
        is None
    )
    assert _as_side(Cluster(kind="organization", name="Home Affairs"), index) is None
    assert _as_side(Cluster(kind="person", name="Moldova"), index).kind == "country"
    assert (
        _as_side(Cluster(kind="organization", name="African Union"), index).name == "African Union"
    )


def test_the_participle_that_sets_an_event_gives_its_place_date_and_status(extractor):
    text = "The ministers recalled the joint ASEAN-GCC summit held in Riyadh on February 8."
    summit = [e for e in of_type(extractor, text, "CONSULT") if e["kind"] == "summit"]
    assert summit and summit[0]["status"] == "concluded" and summit[0]["date"] == "2025-02-08"
    assert of_type(extractor, text, "SANCTION") == []  # recalling a summit is no recalled envoy
    text = (
        "A new round of talks between Kenya and Somalia, due to be held in Nairobi on Wednesday, "
        "was announced on Monday."
    )
    talks = of_type(extractor, text, "CONSULT")
    assert talks and talks[0]["status"] == "planned" and talks[0]["location"]["name"] == "Nairobi"


def test_a_meeting_called_for_a_day_is_still_to_come_on_it(extractor):
    text = "ASEAN called an emergency meeting of its foreign ministers in Jakarta for Thursday."
    met = of_type(extractor, text, "CONSULT")  # told on the Thursday it is set for
    assert met and met[0]["status"] == "planned" and met[0]["date"] == "2025-02-27"
    held = of_type(extractor, "Chile and Peru held talks in Lima for three days.", "CONSULT")
    assert held and held[0]["status"] == "concluded"  # a length of time, not a day


def test_a_place_of_another_thing_in_the_phrase_is_not_the_events_place(extractor):
    text = "Fiji expelled two Tongan diplomats on Monday in response to the attack in Nadi."
    expelled = of_type(extractor, text, "SANCTION")
    assert expelled and expelled[0]["location"] is None
    text = "Fiji and Tonga held talks at the residence of the ambassador in Suva on Monday."
    talks = of_type(extractor, text, "CONSULT")
    assert talks and talks[0]["location"]["name"] == "Suva"


def test_a_gathering_attended_later_is_not_the_meeting_told_before(extractor):
    text = (
        "SUVA, May 14 - Fiji's prime minister Sitiveni Rabuka met Tonga's king Tupou VI in Suva "
        "on Wednesday. Rabuka later attended a summit with leaders of ASEAN before leaving."
    )
    met = [e for e in of_type(extractor, text, "CONSULT") if e["kind"] == "meeting"]
    assert met and "ASEAN" not in names(met[0])


def test_talks_before_the_agreement_signed_in_the_capital_of_a_country(extractor):
    text = (
        "The presidents of Fiji and Tonga signed agreements on Thursday to reopen flights and set "
        "up a fisheries zone, after four days of talks in the Kenyan capital."
    )
    talks = of_type(extractor, text, "CONSULT")
    assert talks and names(talks[0]) >= {"Fiji", "Tonga"}
    assert talks[0]["location"]["name"] == "Nairobi"


def test_talks_begun_years_ago_are_not_told_to_go_on(extractor):
    text = "Dialogue between Fiji and Tonga started in 2018, the ministry said."
    talks = of_type(extractor, text, "CONSULT")  # published 2025
    assert talks and talks[0]["status"] != "ongoing"


def test_the_year_a_first_since_counts_from_is_not_the_events_date(extractor):
    text = (
        "Chile's president met Peru's president on the first visit by a Chilean leader since 1982."
    )
    met = of_type(extractor, text, "CONSULT")
    assert met and all(e["date"] != "1982-01-01" for e in met)


def test_an_invitation_is_not_dated_by_the_summit_it_invites_to(extractor):
    text = "Fiji's prime minister invited Tonga's king to a regional summit in Suva in April."
    invited = of_type(extractor, text, "REQUEST")
    assert invited and invited[0]["date"] is None


def test_a_mechanism_set_up_to_promote_dialogue_is_no_dialogue(extractor):
    text = "In 2019, the forum was created by Chile and Argentina to promote bilateral dialogue."
    assert of_type(extractor, text, "CONSULT") == []


def test_a_later_dated_mention_naming_no_side_dates_the_call(extractor):
    text = (
        "Brazil's president said Argentina would act after a phone call with Javier Milei.\n\n"
        "Aides on both sides praised Tuesday's call."
    )
    call = [e for e in of_type(extractor, text, "CONSULT") if e["kind"] == "phone_call"]
    assert len(call) == 1 and call[0]["date"] == "2025-02-25" and "Javier Milei" in names(call[0])


def test_completing_a_withdrawal_is_a_withdrawal(extractor):
    assert of_type(
        extractor,
        "Armenia's forces completed their withdrawal from the border villages on Tuesday.",
        "RETREAT",
    )


def test_the_most_specific_word_names_the_kind(extractor):
    meeting = of_type(
        extractor, "China and Vietnam held a consultation meeting in Hanoi on Monday.", "CONSULT"
    )
    assert len(meeting) == 1 and meeting[0]["kind"] == "meeting"
    rounds = of_type(
        extractor, "Iran and Oman held a round of negotiations in Muscat on Monday.", "CONSULT"
    )
    assert len(rounds) == 1 and rounds[0]["kind"] == "negotiations"


def test_a_conjoined_verb_shares_its_subject_and_place(extractor):
    text = (
        "In Nairobi, Kenya's foreign ministry summoned Uganda's envoy and condemned the border "
        "raid."
    )
    condemned = of_type(extractor, text, "ACCUSE")
    assert (
        condemned
        and "Kenya" in names(condemned[0])
        and condemned[0]["location"]["name"] == "Nairobi"
    )


def test_a_hostile_act_done_to_oneself_is_no_act_against_anyone(extractor):
    text = "Ministers in Lima argued that Bolivia had downgraded itself to an observer."
    assert of_type(extractor, text, "SANCTION") == []
    assert of_type(extractor, "Peru downgraded its ties with Venezuela on Monday.", "SANCTION")


def test_leaders_gathering_for_a_summit_are_at_that_summit(extractor):
    text = "Leaders of Egypt and Qatar gathered in Cairo on Monday for the Gaza peace summit."
    found = of_type(extractor, text, "CONSULT")
    assert len(found) == 1 and found[0]["location"]["name"] == "Cairo"


@pytest.mark.parametrize(
    "text",
    [
        "The NATO defence ministers met in Brussels on Tuesday.",
        "Spain's minister spoke as the gathering of BRICS foreign ministers ended on Tuesday.",
        "The ASEAN leaders met in Jakarta on Tuesday with Indonesia's president in the chair.",
    ],
)
def test_a_body_whose_members_met_as_the_body_is_marked_as_convened(extractor, text):
    found = of_type(extractor, text, "CONSULT")
    assert found and [p["name"] for p in found[0]["participants"] if p.get("convened")]


@pytest.mark.parametrize(
    "text",
    [
        "NATO's secretary general met Spain's prime minister in Madrid on Tuesday.",
        "The NATO chief met Spain's prime minister in Madrid on Tuesday.",
        "Spain and Chile held talks in Madrid on Tuesday.",
    ],
)
def test_a_bodys_head_meeting_someone_is_not_the_body_meeting(extractor, text):
    found = of_type(extractor, text, "CONSULT")
    assert found and not [p for p in found[0]["participants"] if p.get("convened")]


def test_a_title_or_pronoun_heading_a_side_is_the_person_named_before(extractor):
    text = (
        "Iran's ambassador Mojtaba Rahimi was summoned to Chile's foreign ministry on Tuesday.\n\n"
        "The ambassador was received by Chile's foreign minister Alberto van Klaveren."
    )
    met = [e for e in of_type(extractor, text, "CONSULT") if "Alberto van Klaveren" in names(e)]
    assert met and "Mojtaba Rahimi" in names(met[0])


def test_an_agreement_told_later_belongs_to_the_talks_last_held_not_to_history(extractor):
    text = (
        "Chile and Peru spoke by phone on February 3.\n\n"
        "Chile and Peru held talks in Lima on February 18.\n\n"
        "Later, Chile's president confirmed that the two sides had agreed to reopen their "
        "consulates."
    )
    agreed = of_type(extractor, text, "AGREE")
    assert agreed and agreed[0]["date"] == "2025-02-18"


def test_two_meetings_on_one_day_in_two_cities_stay_two(extractor):
    text = (
        "Hungary's prime minister Viktor Orban met Serbia's president in Belgrade on Monday. On "
        "Monday, Japan's prime minister met India's prime minister Narendra Modi in Tokyo."
    )
    meetings = of_type(extractor, text, "CONSULT")
    assert len(meetings) == 2
    orban = next(m for m in meetings if "Viktor Orban" in names(m))
    assert "Narendra Modi" not in names(orban) and (orban["location"] or {}).get("name") != "Tokyo"


def test_a_headline_verb_is_no_part_of_a_name(extractor):
    extraction = extractor.extract(
        ExtractRequest(
            "t",
            "Lavrov Hails Riyadh Talks\n\n"
            "Russian Foreign Minister Sergey Lavrov said the talks were useful.",
            PUBLISHED,
        )
    )
    assert not any("Hails" in e.name for e in extraction.entities)


def test_a_wire_dateline_with_a_plain_dash_and_a_duration_that_is_no_date():
    from bot.extract.dates import resolve_date

    assert find_dateline("CAIRO (Reuters) - Egypt said on Monday ...").place == "Cairo"
    assert resolve_date("10 to 15 years", PUBLISHED) is None


def test_what_a_meeting_ended_with_a_call_about_names_no_side(extractor):
    text = (
        "Norway's minister ended the Nordic meeting in Oslo on Monday with a call for unity on "
        "Chile."
    )
    assert not any("Chile" in names(e) for e in events(extractor, text))


def test_ministers_gathering_after_an_opening_participle_are_the_sides(extractor):
    # The parser reads 'gathered' as an auxiliary of 'Greeted'; the ministers still gathered.
    text = (
        "Greeted by Peru's foreign minister, Rosa Vidal, ASEAN foreign ministers gathered in "
        "Lima on Monday to discuss trade."
    )
    meetings = of_type(extractor, text, "CONSULT")
    assert meetings and "ASEAN" in names(meetings[0])
    assert meetings[0]["date"] == "2025-02-24" and meetings[0]["location"]["name"] == "Lima"


def test_the_lead_after_a_dated_dateline_keeps_its_first_country(extractor):
    agreed = of_type(
        extractor,
        "ACCRA, Feb 26 - Ghana and Togo agreed on Wednesday to reopen their border.",
        "AGREE",
    )
    assert len(agreed) == 1 and names(agreed[0]) == {"Ghana", "Togo"}
    assert agreed[0]["date"] == "2025-02-26"
    talks = of_type(
        extractor,
        "DHAKA, Feb 26 - Bangladesh and Nepal held talks in Dhaka on Wednesday.",
        "CONSULT",
    )
    assert len(talks) == 1 and names(talks[0]) == {"Bangladesh", "Nepal"}
    assert talks[0]["location"]["name"] == "Dhaka"


def test_the_first_talks_since_an_earlier_event_are_not_dated_by_it(extractor):
    text = (
        "Fiji and Tonga held their first talks since the change of government in August, meeting "
        "in Suva on Monday."
    )
    talks = of_type(extractor, text, "CONSULT")
    assert [t["date"] for t in talks] == ["2025-02-24"]


def test_a_country_of_two_words_the_tagger_calls_a_person_is_a_country(extractor):
    text = "Sierra Leone, Burkina Faso and Ghana signed a trade pact in Accra on Monday."
    signed = of_type(extractor, text, "AGREE")
    assert signed and all(p["kind"] == "country" for p in signed[0]["participants"])


def test_a_side_the_engine_cannot_name_keeps_the_event_below_the_line(extractor):
    # 'the Chad-backed militia' is a side no entity stands for; its backer is no side at all
    found = of_type(
        extractor, "The Chad-backed militia and Niger signed a truce in Niamey on Monday.", "AGREE"
    )
    assert found and all(e["confidence"] < 0.5 for e in found)
    assert not any("Chad" in names(e) for e in found)
    both = of_type(extractor, "Chad and Niger signed a truce in Niamey on Monday.", "AGREE")
    assert both and both[0]["confidence"] >= 0.5 and names(both[0]) == {"Chad", "Niger"}


def test_only_an_agreement_reached_at_the_talks_is_their_outcome(extractor):
    text = (
        "Talks between Fiji and Tonga ended in Suva on Monday without a deal. The talks followed "
        "a fisheries accord signed in Apia in October by the two governments."
    )
    talks = of_type(extractor, text, "CONSULT")
    assert talks and not any(t.get("outcome") for t in talks)
    held = of_type(
        extractor,
        "Fiji and Tonga held talks in Suva on Monday and agreed to reopen their embassies.",
        "CONSULT",
    )
    assert held and "reopen their embassies" in (held[0].get("outcome") or "")


def test_who_acts_in_a_relative_clause_is_the_one_it_describes(extractor):
    text = (
        "Fiji's prime minister Sitiveni Rabuka, who signed a fisheries accord with Tonga on "
        "Monday, left Suva."
    )
    signed = of_type(extractor, text, "AGREE")
    assert signed and {"Sitiveni Rabuka", "Tonga"} <= names(signed[0])
    chaired = (
        "Samoa's foreign minister, who chairs the talks between Fiji and Tonga, spoke on Monday."
    )
    for talks in of_type(extractor, chaired, "CONSULT"):
        assert "Samoa" not in names(talks)


def test_who_skipped_a_summit_took_no_part_in_it(extractor):
    text = "Peru's president skipped the Pacific summit in Suva on Monday."
    for summit in of_type(extractor, text, "CONSULT"):
        assert "Peru" not in names(summit)


def test_a_leader_landing_in_a_capital_is_a_visit_there_but_troops_landing_are_none(extractor):
    text = (
        "SUVA, Feb 27 - Tonga's prime minister Aisake Eke landed in Suva on Thursday, the first "
        "visit by a Tongan leader to Fiji in a decade."
    )
    visits = of_type(extractor, text, "CONSULT")
    assert len(visits) == 1 and visits[0]["location"]["name"] == "Suva"
    assert visits[0]["date"] == "2025-02-27" and {"Aisake Eke", "Fiji"} <= names(visits[0])
    assert of_type(extractor, "Troops landed in Suva on Thursday.", "CONSULT") == []


def test_an_observer_at_talks_is_no_side_of_them(extractor):
    text = (
        "Fiji and Tonga held talks in Suva on Monday. Samoa's foreign minister attended the talks "
        "as an observer."
    )
    for talks in of_type(extractor, text, "CONSULT"):
        assert "Samoa" not in names(talks)


def test_a_meeting_due_the_next_day_with_someone_else_is_a_meeting_of_its_own(extractor):
    text = (
        "Fiji's prime minister Sitiveni Rabuka held talks with Tonga's prime minister Aisake Eke "
        "in Suva on Wednesday. Eke is due to meet Fiji's foreign minister Lisiate Akolo on "
        "Thursday."
    )
    meetings = of_type(extractor, text, "CONSULT")
    held = next(m for m in meetings if m["date"] == "2025-02-26")
    assert "Lisiate Akolo" not in names(held) and held["status"] == "concluded"


def test_a_trip_made_to_meet_someone_is_one_visit_with_them_on_the_trips_day(extractor):
    from bot.extract.dates import resolve_date

    assert resolve_date("Wednesday last week", PUBLISHED) == ("2025-02-19", "day")
    assert resolve_date("Monday next week", PUBLISHED) == ("2025-03-03", "day")
    text = (
        "Fiji's prime minister Sitiveni Rabuka travelled to Nuku'alofa on Wednesday last week to "
        "meet Tonga's king. Samoa's leaders will hold a summit in Apia on Friday."
    )
    visit = next(e for e in of_type(extractor, text, "CONSULT") if e["kind"] == "visit")
    assert visit["date"] == "2025-02-19" and visit["status"] == "concluded"
    assert any(p.get("country_code") == "TON" for p in visit["participants"])


def test_capitals_standing_for_their_countries_are_named_sides(extractor):
    text = "Suva and Nuku'alofa agreed on Monday to reopen their embassies."
    agreed = of_type(extractor, text, "AGREE")
    assert agreed and agreed[0]["confidence"] >= 0.5


def test_an_act_avoided_or_a_commitment_not_made_is_no_event(extractor):
    assert of_type(extractor, "The summit's declaration avoided condemning Tonga.", "ACCUSE") == []
    text = "Fiji's prime minister said he had made no commitment to free the Tongan prisoners."
    assert [e for e in events(extractor, text) if e["type"] != "REJECT"] == []


def test_a_two_city_dateline_is_filed_from_the_first(extractor):
    assert find_dateline("SUVA/APIA, March 1 - Fiji and Samoa signed a pact.").place == "Suva"
    signed = of_type(
        extractor,
        "SUVA/APIA, Feb 27 - Fiji and Samoa signed a fisheries pact on Thursday.",
        "AGREE",
    )
    assert signed and names(signed[0]) == {"Fiji", "Samoa"}


def test_who_told_the_meeting_took_part_in_the_one_held_not_in_a_second(extractor):
    text = (
        "SUVA, Feb 27 - ASEAN foreign ministers condemned the attack on Thursday at an emergency "
        "meeting in Suva. Thailand's foreign minister Maris Sangiampongsa told the meeting that "
        "his country would respond."
    )
    meetings = of_type(extractor, text, "CONSULT")
    assert len(meetings) == 1 and {"ASEAN", "Maris Sangiampongsa"} <= names(meetings[0])


def test_a_summit_called_off_is_no_summit_but_its_cancellation(extractor):
    text = (
        "LIMA, Feb 27 - A summit between Peru's president and Chile's president, due to be held "
        "in Lima on Thursday, was cancelled at the last minute."
    )
    assert of_type(extractor, text, "CONSULT") == []
    assert of_type(extractor, "Peru called off the talks with Chile on Monday.", "CONSULT") == []


def test_what_an_agreement_agreed_to_restore_is_its_terms_not_a_second_agreement(extractor):
    text = "Fiji and Tonga agreed on Monday to restore diplomatic relations within two months."
    agreed = of_type(extractor, text, "AGREE")
    assert len(agreed) == 1 and agreed[0]["date"] == "2025-02-24"


def test_last_week_is_told_as_its_month_only_when_it_lies_within_one(extractor):
    from bot.facts import public_date, shown_date

    assert public_date("2025-02-17", "week") == ("2025-02-17", "month")
    assert public_date("2025-03-31", "week") == ("2025-03-31", "year")
    assert public_date("2025-12-29", "week") == (None, None)
    assert shown_date("2025-02-17", "week") == "week of 2025-02-17"
    text = "Fiji cut diplomatic ties with Tonga last week."
    cut = events(extractor, text, published="2026-01-07")  # last week: 29 Dec to 4 Jan
    assert cut and cut[0]["date"] is None and cut[0]["date_precision"] is None


def test_an_offer_told_after_a_visit_takes_no_day_from_it(extractor):
    text = (
        "SUVA, Feb 26 - Tonga's king arrived in Suva on Wednesday. Fiji has offered to lead a "
        "regional police mission to Vanuatu."
    )
    offers = of_type(extractor, text, "AGREE")
    assert offers and all(o["date"] is None for o in offers)


def test_a_call_for_talks_is_a_request_not_talks_held(extractor):
    found = events(extractor, "Uzbekistan called for talks with Tajikistan on Sunday.")
    assert [e["type"] for e in found] == ["REQUEST"]
    assert names(found[0]) == {"Uzbekistan", "Tajikistan"}


def test_who_sat_down_for_talks_or_spoke_by_telephone_took_part(extractor):
    for text in (
        "Fiji's prime minister Sitiveni Rabuka sat down for talks with Tonga's king on Monday.",
        "Fiji's prime minister Sitiveni Rabuka spoke by telephone with Tonga's king on Monday.",
    ):
        talks = of_type(extractor, text, "CONSULT")
        assert talks, text
        assert {"FJI", "TON"} <= {p.get("country_code") for p in talks[0]["participants"]}, text


def test_the_dateline_places_the_leads_news_not_a_trip_in_a_clause_of_its_own(extractor):
    text = (
        "SUVA, Feb 26 - Fiji and Tonga agreed on Wednesday to reopen their embassies, a week "
        "before Samoa's prime minister travels to Tonga for a Pacific summit."
    )
    summits = [e for e in of_type(extractor, text, "CONSULT") if e["kind"] == "summit"]
    assert all((s["location"] or {}).get("name") != "Suva" for s in summits)


def test_the_side_that_tells_of_its_own_talks_with_another_is_a_side_of_them(extractor):
    talks = of_type(extractor, "Fiji said talks with Tonga were useful.", "CONSULT")
    assert talks and names(talks[0]) == {"Fiji", "Tonga"}


@pytest.mark.parametrize(
    "text",
    [
        "Fiji said on Sunday that the latest round of talks with Tonga had ended in Suva.",
        "Fiji said on Sunday that two days of talks with Tonga in Suva ended without a deal.",
    ],
)
def test_the_side_that_tells_of_a_round_of_its_talks_with_another_is_a_side_of_them(
    extractor, text
):
    talks = of_type(extractor, text, "CONSULT")
    assert talks and names(talks[0]) == {"Fiji", "Tonga"}, text


@pytest.mark.parametrize(
    "text",
    [
        "Fiji said on Sunday that Samoa's latest round of talks with Tonga had ended in Apia.",
        "Fiji said on Sunday that a member of the team for talks with Tonga had resigned.",
        "Fiji said on Sunday that the outcome of Samoa's latest round of talks with Tonga was "
        "positive.",
        "Fiji said on Sunday that the outcome of the Samoan round of talks with Tonga was good.",
        "Fiji said on Sunday that the second round of talks with Samoa and Tonga had ended.",
        "Fiji said on Sunday that reports of talks with Tonga were false.",
        "Fiji said on Sunday that no round of talks with Tonga had taken place.",
    ],
)
def test_a_round_another_side_holds_is_not_the_tellers(extractor, text):
    assert all("Fiji" not in names(t) for t in of_type(extractor, text, "CONSULT")), text


def test_talks_a_side_said_would_resume_are_planned_between_both(extractor):
    text = "Fiji said on Monday that talks with Tonga would resume next week."
    talks = of_type(extractor, text, "CONSULT")
    assert talks and names(talks[0]) == {"Fiji", "Tonga"} and talks[0]["status"] == "planned"


def test_a_town_the_gazetteer_does_not_know_is_a_dateline_by_its_country():
    filed = find_dateline("NADI, Fiji, Feb 26 - Tonga and Samoa signed a pact.")
    assert filed is not None and filed.place == "Nadi" and filed.country_code == "FJI"
    city_state = find_dateline("SINGAPORE, Feb 26 (AFP) - Fiji said.")
    assert city_state is not None and city_state.date_text == "Feb 26"


def test_the_deal_signed_by_two_ministers_is_the_deal_already_told(extractor):
    text = (
        "Fiji and Tonga signed a fisheries deal in Suva on Monday. The deal was signed by "
        "Foreign Ministers Lisiate Akolo and Fekitamoeloa Utoikamanu."
    )
    assert len(of_type(extractor, text, "AGREE")) == 1


def test_the_actor_of_a_statement_issued_or_of_a_conjoined_clause_is_a_side(extractor):
    warned = of_type(
        extractor, "Fiji's foreign ministry issued a statement on Monday warning Tonga.", "THREATEN"
    )
    assert warned and names(warned[0]) >= {"Tonga"} and len(warned[0]["participants"]) >= 2
    text = "Akolo said that Fiji will not be intimidated and will continue to support Tonga."
    support = of_type(extractor, text, "SUPPORT")
    assert support and {"Fiji", "Tonga"} <= names(support[0])


def test_who_criticised_a_meeting_took_no_part_in_it(extractor):
    text = (
        "Fiji's prime minister and Tonga's king met in Suva on Monday. Samoa's opposition party "
        "criticised the meeting as a mistake."
    )
    for meeting in of_type(extractor, text, "CONSULT"):
        assert "Samoa" not in names(meeting)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Samoa criticised the talks held by Fiji and Tonga in Suva on Monday.", "CONSULT"),
        ("Samoa welcomed the agreement reached by Fiji and Tonga in Suva on Monday.", "AGREE"),
        ("Samoa condemned the treaty signed by Fiji and Tonga in Suva on Monday.", "AGREE"),
    ],
)
def test_who_judges_talks_or_a_deal_their_own_participle_tells_took_no_part(extractor, text, kind):
    found = of_type(extractor, text, kind)
    assert found and names(found[0]) == {"Fiji", "Tonga"}, text


@pytest.mark.parametrize(
    "text",
    [
        "Samoa ratified the treaty signed by Fiji and Tonga in Suva.",
        "Samoa signed the treaty with Fiji and Tonga in Suva on Monday.",
        "Samoa and Tonga welcomed the accord signed by their foreign ministers in Suva on Monday.",
    ],
)
def test_who_ratifies_or_signs_a_deal_is_a_party_to_it(extractor, text):
    found = of_type(extractor, text, "AGREE")
    assert found and "Samoa" in names(found[0]), text


# What is said of an act that did not happen, or of something that is no act between sides.
NO_EVENT = [
    ("Tonga's prime minister faces what promises to be a hard-fought election in Fiji.", "AGREE"),
    ("Samoa offered to help mediate between Fiji and Tonga, its foreign ministry said.", "CONSULT"),
    ("Fiji's president Ratu Naiqama called the accord a gift to the Pacific.", "AGREE"),
    ("Fiji's minister had not been ready to agree a truce.", "AGREE"),
    ("Fiji's president backed down on Monday from his threat to expel Tonga's envoy.", "SANCTION"),
    ("Fiji's president signed a decree recognising the new Tongan government.", "AGREE"),
    ("Tonga's king faces an arrest warrant issued by a court in Suva.", "COERCE"),
    ("Fiji demanded that Tonga withdraw its envoy from Suva.", "RETREAT"),
    ("It would have been the first state visit by a Fijian leader to Tonga.", "CONSULT"),
    ("Fiji's prime minister said he would like to meet Tonga's king in Suva on Monday.", "CONSULT"),
    ("Tonga's king said he would like to meet Fiji's president at the summit in Apia.", "CONSULT"),
    ("The Pacific Islands Forum gave Fiji until May 2 to reach a deal with Tonga.", "AGREE"),
    ("Fiji said Suva could close its border with Tonga and cut off the ferries.", "SANCTION"),
    ("Fiji's prime minister said Suva and Apia should work together.", "REQUEST"),
    ("Fiji's prime minister told Tonga's king the two neighbours should stay calm.", "REQUEST"),
    (
        "Fijian media quoted Fiji's prime minister Sitiveni Rabuka as saying that Suva and Apia "
        "should work together.",
        "REQUEST",
    ),
    (
        "The Bougainville Revolutionary Army, which seeks independence with Samoan backing, met.",
        "REQUEST",
    ),
    ("Tonga, which holds talks with Fiji every month, said it was ready.", "CONSULT"),
    ("Rabuka visited Tonga on Monday as Suva seeks to counter Beijing's influence.", "REQUEST"),
    (
        "Fiji said Suva and Apia would seek measures against Tonga if it failed to comply.",
        "REQUEST",
    ),
    (
        "Fiji made a determination that Tonga's presence around the reef violated a treaty.",
        "REJECT",
    ),
]


def test_a_model_of_aircraft_or_whom_people_oppose_is_no_side(extractor):
    said = "Fiji said the Su-24 bomber violated its airspace and ignored repeated warnings."
    assert all("Su-24" not in names(e) for e in events(extractor, said))
    accused = of_type(extractor, "Fiji's foreign ministry accused Rabuka's opponents.", "ACCUSE")
    assert accused and not any("Rabuka" in n for n in names(accused[0]))
    met = of_type(extractor, "Rabuka's critics met Tonga's king in Suva on Monday.", "CONSULT")
    assert all(e["confidence"] < 0.5 for e in met)


def test_whatever_others_agree_on_is_no_agreement_of_theirs(extractor):
    agreed = of_type(extractor, "Fiji will back whatever Tonga and Samoa agree on.", "AGREE")
    assert agreed and all("Tonga" not in names(e) for e in agreed)  # Fiji's pledge only


def test_a_body_agreeing_among_its_members_is_sure_enough_alone(extractor):
    agreed = of_type(extractor, "ASEAN leaders agreed on Monday to impose new sanctions.", "AGREE")
    assert agreed and agreed[0]["confidence"] >= 0.5


def test_their_summit_is_the_tellers_and_whom_he_told(extractor):
    text = "Fiji's prime minister Sitiveni Rabuka told Tupou VI at their summit in Suva that ..."
    summit = of_type(extractor, text, "CONSULT")
    assert summit and names(summit[0]) >= {"Sitiveni Rabuka", "Tupou VI"}
    text = "Negotiators from Chile and Peru made progress in their talks on Monday."
    talks = of_type(extractor, text, "CONSULT")
    assert talks and names(talks[0]) == {"Chile", "Peru"}


def test_progress_made_in_a_second_round_of_talks_is_that_round_held_by_the_progress_makers(
    extractor,
):
    # the parser hangs "in a second round" on what the progress is toward; the round something
    # was done in is the one the article reports, the conversation told later
    text = (
        "Chile, Peru report progress in second round of talks\n\n"
        "LIMA (Reuters) - Chilean and Peruvian officials said on Friday they made progress toward "
        "restoring diplomatic relations in a second round of talks in Lima.\n\n"
        "Chile's deputy foreign minister Gloria de la Fuente met Peru's envoy for several "
        "hours.\n\n"
        '"Today\'s conversation was productive and cordial," de la Fuente told reporters.'
    )
    (talks,) = of_type(extractor, text, "CONSULT", "2024-03-08")
    assert {"Chile", "Peru"} <= names(talks), talks
    assert talks["location"]["name"] == "Lima" and talks["date"] == "2024-03-08", talks


def test_progress_hoped_for_in_a_second_round_tells_no_talks_held(extractor):
    text = (
        "Chile and Peru hope to make progress toward settling the dispute in a second round of "
        "talks in Arica."
    )
    for talks in of_type(extractor, text, "CONSULT"):
        assert talks.get("status") == "planned", talks


def test_a_pacts_commission_acting_under_its_initials_is_a_side(extractor):
    text = "The CPTPP agreed on Friday to begin accession talks with Costa Rica."
    found = [e for e in events(extractor, text) if "Costa Rica" in names(e)]
    assert found and all("CPTPP" in names(e) for e in found), found


def test_an_agreement_told_with_a_summit_body_alone_has_lost_its_other_party(extractor):
    text = "The Organization of American States signed an agreement on Tuesday to audit the vote."
    found = of_type(extractor, text, "AGREE")
    assert all(e["confidence"] < 0.5 for e in found), found


def test_a_deal_named_like_a_body_is_no_side_of_its_signing(extractor):
    for text in (
        "Chile, Peru and Ecuador signed the CTBT in Lima on Friday.",
        "Chile, Peru and Ecuador signed the Lima Accords on Friday.",
    ):
        signed = of_type(extractor, text, "AGREE")
        assert signed and names(signed[0]) == {"Chile", "Peru", "Ecuador"}, signed


def test_a_trip_for_talks_is_one_occasion_with_both_sides(extractor):
    text = (
        "Fiji's foreign minister Lisiate Akolo will travel to Nuku'alofa next week for talks with "
        "Tonga's prime minister Siaosi Sovaleni."
    )
    found = of_type(extractor, text, "CONSULT")
    assert len(found) == 1 and names(found[0]) >= {"Lisiate Akolo", "Siaosi Sovaleni"}
    hosted = "Chile hosted South American leaders in Santiago on Tuesday for their first summit."
    assert any(e["kind"] == "summit" for e in of_type(extractor, hosted, "CONSULT"))


def test_the_crown_prince_named_before_holds_the_talks(extractor):
    text = (
        "Saudi Crown Prince Mohammed bin Salman left Riyadh on Monday for a visit to Chile. "
        "During the visit, the Crown Prince is scheduled to hold talks with President Gabriel "
        "Boric."
    )
    talks = [e for e in of_type(extractor, text, "CONSULT") if e["kind"] == "talks"]
    assert talks and names(talks[0]) >= {"Mohammed bin Salman", "Gabriel Boric"}


def test_an_obligation_a_side_tells_is_its_demand_on_the_other(extractor):
    demands = of_type(
        extractor, "Fiji said Tonga must withdraw its troops from the reef.", "REQUEST"
    )
    assert demands and names(demands[0]) == {"Fiji", "Tonga"}
    assert demands[0]["confidence"] >= 0.5


@pytest.mark.parametrize(("text", "type_"), NO_EVENT)
def test_no_event_is_made_of_what_did_not_happen(extractor, text, type_):
    assert of_type(extractor, text, type_) == []


def test_review_cases_the_rules_must_not_overreach(extractor):
    # a deal told again only where its signers' countries match
    text = (
        "Fiji and Tonga signed a trade deal in Suva on Monday. Elsewhere, the deal was signed by "
        "Chile and Peru."
    )
    assert len(of_type(extractor, text, "AGREE")) == 2
    # an agreement from other talks takes nothing of these talks
    text = "Fiji and Tonga held talks in Suva on Monday. The talks followed a truce signed in Apia."
    assert all(names(a) != {"Fiji", "Tonga"} for a in of_type(extractor, text, "AGREE"))
    # a summit's chair took part in it; a teller of others' talks did not
    chaired = of_type(
        extractor, "Fiji's prime minister Sitiveni Rabuka chaired the summit.", "CONSULT"
    )
    assert chaired and "Sitiveni Rabuka" in names(chaired[0])
    others = of_type(extractor, "Samoa said Fiji's talks with Tonga were a mistake.", "CONSULT")
    assert all("Samoa" not in names(t) for t in others)
    praised = of_type(extractor, "Fiji praised its talks with Tonga in Suva.", "CONSULT")
    assert praised and {"Fiji", "Tonga"} <= names(praised[0])
    # a leader arriving home is no visit
    home = "Fiji's prime minister Sitiveni Rabuka arrived in Suva on Sunday after a tour."
    assert [e for e in of_type(extractor, home, "CONSULT") if e["kind"] == "visit"] == []


# Events whose actor is not named: people of no named side, an unresolved pronoun, a passive
# that does not say who acted. Kept, but below the 0.5 line answers show (None: any type; True:
# the event must still be found).
BELOW_THE_LINE = [
    ("Officials said on Monday that it would meet Tonga in Suva next week.", "CONSULT", False),
    ("Opposition senators urged Ratu Naiqama not to sign the deal.", "REQUEST", True),
    ("Fiji's membership was suspended in 2009.", "SANCTION", False),
    ("Fiji's foreign minister Lisiate Akolo congratulated him on Monday.", None, False),
    (
        "Pacific leaders called for the deployment of United Nations monitors in Bougainville.",
        "REQUEST",
        False,
    ),
    # only the target is named: the side alone would read as the one who acted
    ("The summit ended with a statement backing Tonga in its dispute.", "SUPPORT", False),
    ("Fiji will lift the trade curbs imposed on Tonga in 2019.", "COERCE", False),
    ("Officials said on Monday they had closed the Tongan consulate in Lautoka.", "COERCE", False),
    ("Fiji criticised the leaders who backed Tonga on Monday.", "SUPPORT", False),
    ("Officials said Tonga must withdraw its troops from the reef.", "REQUEST", False),
    (
        "Fiji's prime minister Sitiveni Rabuka visited Beijing on Friday. The trip had been "
        "criticised by members of his own party.",
        "ACCUSE",
        False,
    ),
    # it takes two to agree: one side named is an agreement half told
    ("Fiji's prime minister signed the deals in Beijing in February.", "AGREE", False),
    # whom a leader hosted is named only by description
    (
        "Fiji's prime minister Sitiveni Rabuka hosted the leaders of five Pacific nations.",
        "CONSULT",
        False,
    ),
    # talks with one person: whom they met is lost
    (
        "A day after holding talks with President Ana Rojas in Lima, the envoy left.",
        "CONSULT",
        False,
    ),
    (  # the clause is the tribunal's, hung by the parser on its city
        "Fiji said it does not recognise a ruling by a tribunal in The Hague that rejected its "
        "claims.",
        "REJECT",
        False,
    ),
    (  # two pairs held talks: which two leaders is not known
        "Fiji and Tonga held talks in Suva on Monday. Samoa and Niue held talks in Apia on "
        "Monday. The two leaders commended Japan for its help.",
        "SUPPORT",
        False,
    ),
]


def test_an_attack_by_someone_unnamed_is_told_by_whom_it_struck(extractor):
    text = "Fiji's ambassador Ratu Inoke's car was attacked in Suva last month by a man."
    attacked = of_type(extractor, text, "ASSAULT")
    assert all(e["confidence"] >= 0.5 for e in attacked)
    seized = of_type(
        extractor, "Tonga's envoy Siaosi Vea was seized in June by militants.", "COERCE"
    )
    assert all(e["confidence"] >= 0.5 for e in seized)


def test_a_text_signed_by_two_ministers_is_the_treaty_told_before(extractor):
    text = (
        "Chile and Peru signed a treaty on Wednesday settling their maritime border in the "
        "Pacific Ocean. The document was signed by Foreign Ministers Ana Rojas and Luis Paz."
    )
    agreed = of_type(extractor, text, "AGREE")
    assert len(agreed) == 1 and agreed[0]["location"] is None  # the ocean is what it settles


def test_the_two_leaders_of_the_talks_told_are_who_acted(extractor):
    text = (
        "Fiji's prime minister Sitiveni Rabuka met Australian Prime Minister Anthony Albanese in "
        "Suva on Monday.\n\n"
        "The two leaders commended Samoa for its role in the talks."
    )
    praised = of_type(extractor, text, "SUPPORT")
    assert praised and names(praised[0]) >= {"Sitiveni Rabuka", "Anthony Albanese", "Samoa"}
    assert praised[0]["confidence"] >= 0.5


@pytest.mark.parametrize(("text", "type_", "found"), BELOW_THE_LINE)
def test_an_event_whose_actor_is_not_named_is_below_the_line(extractor, text, type_, found):
    shown = of_type(extractor, text, type_) if type_ else events(extractor, text)
    assert (bool(shown) or not found) and all(e["confidence"] < 0.5 for e in shown)


# What the session's precision rules must not hide or take (a reviewer's counter-examples, in
# our own words): (text, type, sides the shown event names)
STILL_SHOWN = [
    (
        "Both Fiji and Tonga must withdraw their boats from the reef, the UN envoy said.",
        "REQUEST",
        {"Fiji", "Tonga"},
    ),
    (
        "Fiji's prime minister Sitiveni Rabuka met Tonga's king Tupou VI in Suva on Monday, "
        "whatever his critics say.",
        "CONSULT",
        {"Sitiveni Rabuka", "Tupou VI"},  # the king, whom the knowledge base knows as Tonga's
    ),
    ("The talks came as Fiji urges Tonga to halt its patrols near the reef.", "REQUEST", {"Fiji"}),
    (
        "Rabuka, who meets Tupou VI in Nuku'alofa, said he was hopeful.",
        "CONSULT",
        {"Sitiveni Rabuka"},  # the surname as the knowledge base knows it
    ),
    (
        "The minister gave a news conference in Suva to announce the fisheries agreement between "
        "Fiji and Tonga.",
        "AGREE",
        {"Fiji", "Tonga"},
    ),
    ("Chile and Peru co-signed a border agreement on Monday.", "AGREE", {"Chile", "Peru"}),
    (
        "Fiji's parliament ratified the fisheries agreement with Tonga on Thursday.",
        "AGREE",
        {"Fiji"},
    ),
    ("Tonga agreed on Monday to the ceasefire proposal.", "AGREE", {"Tonga"}),
]


@pytest.mark.parametrize(("text", "type_", "sides"), STILL_SHOWN)
def test_what_the_precision_rules_must_still_show(extractor, text, type_, sides):
    shown = [e for e in of_type(extractor, text, type_) if e["confidence"] >= 0.5]
    assert any(sides <= names(e) for e in shown), of_type(extractor, text, type_)


def test_the_pair_of_the_talks_told_is_not_any_two_of_something(extractor):
    text = (
        "Rabuka met Tupou VI in Suva on Friday. Two Samoan patrol boats struck a reef near "
        "Apia on Saturday. Two European diplomats criticised the plan."
    )
    assert all("Rabuka" not in names(e) for e in events(extractor, text) if e["type"] != "CONSULT")


def test_a_lead_in_a_show_of_unity_is_still_placed_by_its_dateline(extractor):
    met = of_type(
        extractor, "SUVA, Feb 27 - Fiji and Tonga held talks in a show of unity.", "CONSULT"
    )
    assert met and met[0]["location"]["name"] == "Suva"


def test_backing_neither_side_gave_is_no_support(extractor):
    text = "So far, neither Germany nor France has publicly backed Warsaw."
    assert of_type(extractor, text, "SUPPORT") == []
    assert of_type(extractor, "Germany publicly backed Warsaw on Monday.", "SUPPORT")


def test_a_farm_or_a_factory_visited_is_no_side_of_the_visit(extractor):
    text = "The two leaders visited the Ramot flower farm near Haifa on Wednesday."
    for visit in of_type(extractor, text, "CONSULT"):
        assert not any("Ramot" in n for n in names(visit))


def test_a_court_granting_an_injunction_gives_no_aid(extractor):
    text = "The Supreme Court granted a provisional injunction on Sunday."
    assert of_type(extractor, text, "AID") == []
    aid = of_type(extractor, "Japan granted Kenya aid worth $5 million on Monday.", "AID")
    assert aid and {"Japan", "Kenya"} <= names(aid[0])


def test_a_meeting_in_a_clause_about_an_earlier_year_is_not_the_one_held_now(extractor):
    text = (
        "The ministers wanted to avoid a repeat of 2012, when ASEAN failed for the first time "
        "to issue a joint statement after a dispute over language at a meeting in Phnom Penh. "
        "Wang Yi met his ASEAN counterparts in the Lao capital."
    )
    found = events(extractor, text, "2016-07-25")
    met = [e for e in found if e["type"] == "CONSULT" and "Wang Yi" in names(e)]
    assert met and all((e["location"] or {}).get("name") != "Phnom Penh" for e in met)


def test_an_agreement_named_as_a_condition_is_no_agreement(extractor):
    text = "Ukraine was ready to accept the plan, subject to Russia's agreement."
    assert not [e for e in of_type(extractor, text, "AGREE") if "Russia" in names(e)]


def test_whom_the_terms_of_an_accepted_proposal_name_is_no_side_of_accepting_it(extractor):
    text = "Hamas accepted a Qatari proposal for a truce with Israel on Monday."
    (accepted,) = of_type(extractor, text, "AGREE")
    assert {"Hamas", "Qatar"} <= names(accepted) and "Israel" not in names(accepted)


def test_missiles_slamming_into_a_port_are_an_attack_not_words(extractor):
    text = "Russian missiles slammed into the port of Mykolaiv on Saturday."
    assert of_type(extractor, text, "ACCUSE") == []
    assert of_type(extractor, text, "ASSAULT")
    assert of_type(extractor, "Russia slammed Kyiv's decision on Saturday.", "ACCUSE")


def test_one_side_agreeing_to_restore_ties_with_another_agrees_with_it(extractor):
    text = "Bahrain agreed to restore diplomatic ties with Qatar on Monday."
    (agreed,) = of_type(extractor, text, "AGREE")
    assert {"Bahrain", "Qatar"} <= names(agreed)


def test_two_sides_agreeing_on_a_deal_with_a_third_keep_it_out(extractor):
    text = "Chile and Peru agreed on Monday to sign a trade deal with Bolivia next year."
    (agreed,) = of_type(extractor, text, "AGREE")
    assert names(agreed) == {"Chile", "Peru"}


def test_the_place_an_agreement_was_signed_in_is_not_its_terms(extractor):
    text = "Chad and Sudan signed an agreement in the Qatari capital on Saturday."
    (deal,) = of_type(extractor, text, "AGREE")
    assert "capital" not in (deal.get("content") or "")


def test_both_men_urged_are_the_two_named_before_whatever_their_country(extractor):
    text = (
        "Blinken said he had spoken on Monday with General Ahmed Ould Bah and General Sidi "
        "Ould Cheikh and urged both men to agree to an immediate ceasefire."
    )
    requests = of_type(extractor, text, "REQUEST")
    assert any({"Ahmed Ould Bah", "Sidi Ould Cheikh"} <= names(r) for r in requests), requests


def test_the_country_a_visit_is_paid_to_is_its_other_side(extractor):
    (visit,) = of_type(
        extractor, "Mirziyoyev paid a state visit to Kazakhstan on Thursday.", "CONSULT"
    )
    assert visit["kind"] == "visit" and "Kazakhstan" in names(visit)
    (visit,) = of_type(
        extractor, "Stoltenberg arrived in Kyiv on Thursday on an unannounced visit.", "CONSULT"
    )
    assert "Ukraine" in names(visit)


def test_a_visit_to_a_city_seating_a_body_the_article_names_is_no_visit_to_its_country(extractor):
    text = (
        "Georgian Foreign Minister Ilia Darchiashvili is on a visit to Brussels, where he will "
        "meet EU officials."
    )
    visits = [e for e in of_type(extractor, text, "CONSULT") if e["kind"] == "visit"]
    assert visits and all("Belgium" not in names(v) for v in visits)


def test_the_host_of_a_signing_is_no_side_of_the_deal_signed(extractor):
    text = "Norway hosted the signing of an agreement between Chile and Peru in Oslo on Monday."
    assert not of_type(extractor, text, "CONSULT")  # hosting a signing is no visit
    (deal,) = of_type(extractor, text, "AGREE")
    assert names(deal) == {"Chile", "Peru"}
    assert deal["location"]["name"] == "Oslo"
    assert deal["date"] == "2025-02-24"
    assert deal["status"] == "concluded"


LEAD_AND_BACKGROUND = """Chile and Peru end second round of talks in Lima

LIMA, June 2. /TASS/. Chile and Peru agreed to reopen two border crossings, Chilean Foreign \
Minister Alberto van Klaveren, who led his country's delegation at the Lima talks, told \
reporters on Monday.

He said Peru had proposed holding another meeting in July.

The first round of talks between Chile and Peru was held in Lima on May 16."""


def test_the_lead_talks_are_not_a_round_held_weeks_before_nor_another_meeting(extractor):
    found = [e for e in events(extractor, LEAD_AND_BACKGROUND, "2025-06-02")]
    (lead,) = [e for e in found if e["evidence"].startswith("Chile and Peru end")]
    assert lead["type"] == "CONSULT" and {"Chile", "Peru"} <= names(lead)
    assert lead.get("date") not in ("2025-05-16", "2025-07-01")
    (another,) = [e for e in found if "another meeting" in e["evidence"]]
    assert "Alberto van Klaveren" not in names(another)  # not the Lima talks he led


def test_their_talks_are_the_lead_subjects_when_the_parser_takes_the_dateline_for_one(extractor):
    text = (
        "LIMA (AP) — Chilean and Peruvian delegations agreed Monday to reopen a border crossing, "
        "but their second round of talks in Lima ended with no deal on fishing."
    )
    (talks,) = of_type(extractor, text, "CONSULT")
    assert {"Chile", "Peru"} <= names(talks)


def test_calling_off_a_dated_summit_is_dated_by_the_calling_off(extractor):
    text = "Boric on Wednesday cancelled his planned March 12 summit with Boluarte in Lima."
    (cancelled,) = [e for e in events(extractor, text) if e["kind"] == "cancel"]
    assert cancelled["date"] == "2025-02-26"  # not March 12, the summit's planned day


@pytest.mark.parametrize(
    "text",
    [
        "The deal calls for negotiations between Chile and Peru on fishing rights.",
        "The agreement demands an end to border raids by Chile and Peru.",
    ],
)
def test_what_a_deals_text_calls_for_is_no_request_by_anyone(extractor, text):
    assert not of_type(extractor, text, "REQUEST")


def test_a_country_calling_for_talks_still_requests_them(extractor):
    (request,) = of_type(extractor, "Chile called for talks with Peru on Monday.", "REQUEST")
    assert "Chile" in names(request)


@pytest.mark.parametrize(
    "text",
    [
        "Under the deal, Peru will withdraw its troops from the border within 90 days.",
        "Under the first phase of the agreement, 30 Chilean fishermen are to be freed by Peru.",
    ],
)
def test_what_a_deal_provides_for_is_no_act_of_its_own(extractor, text):
    assert [e["type"] for e in events(extractor, text)] in ([], ["AGREE"])


def test_an_act_done_under_a_deal_or_pledged_under_ones_own_plan_is_still_told(extractor):
    done = "Under the deal, Peru released 30 Chilean fishermen on Sunday."
    assert of_type(extractor, done, "CONCEDE")
    pledged = "Under its border plan, Peru will withdraw its troops from the coast."
    assert events(extractor, pledged)


def test_an_ambassador_recalled_for_consultations_on_a_day_was_recalled_that_day(extractor):
    text = "LIMA — Peru recalled its ambassador to Chile for consultations on Monday."
    (recall,) = of_type(extractor, text, "SANCTION")
    assert recall["date"] == "2025-02-24"


def test_an_envoy_withdrawn_is_recalled_not_a_retreat(extractor):
    text = "Peru withdrew its ambassador to Chile on Monday."
    assert of_type(extractor, text, "SANCTION") and not of_type(extractor, text, "RETREAT")


def test_an_expulsion_told_as_an_order_to_leave_is_the_orderers(extractor):
    text = (
        "Peru on Sunday ordered 20 employees of the Chilean embassy in Lima to leave the country, "
        "a day after Chile expelled 18 Peruvian diplomats."
    )
    expulsions = of_type(extractor, text, "SANCTION")
    doers = {e["participants"][0]["name"] for e in expulsions}
    assert doers == {"Peru", "Chile"}
    (peru,) = [e for e in expulsions if e["participants"][0]["name"] == "Peru"]
    assert peru["date"] == "2025-02-23"


def test_ordering_troops_to_leave_a_place_is_no_expulsion(extractor):
    assert not of_type(extractor, "Peru ordered its troops to leave the border area.", "SANCTION")


def test_a_deadline_to_leave_is_not_the_day_of_the_expulsion(extractor):
    text = (
        "Peru has ordered Chile's ambassador to leave the country by Feb. 7 and downgraded "
        "diplomatic relations with Santiago."
    )
    found = extractor.extract(ExtractRequest("t", text, "2023-01-24")).to_json()["events"]
    assert found and all(not (e.get("date") or "").endswith("-02-07") for e in found)


@pytest.mark.parametrize(
    "text",
    [
        "The draft would also have demanded that La Paz immediately withdraw its forces from the "
        "border.",
        "A Chilean source said Bolivia had put forward unacceptable demands, including that Peru "
        "withdraw its troops from the border.",
    ],
)
def test_a_withdrawal_a_demand_asks_for_is_no_withdrawal(extractor, text):
    assert of_type(extractor, text, "RETREAT") == []


def test_fellow_mediators_beside_the_mediator_are_no_sides_of_talks(extractor):
    text = "The deal was mediated by Norway together with Chile and Mexico."
    assert all({"Chile", "Mexico"}.isdisjoint(names(e)) for e in events(extractor, text))


def test_the_two_sides_a_mediator_stood_between_held_talks(extractor):
    (talks,) = of_type(extractor, "Norway mediated between Chile and Peru.", "CONSULT")
    assert names(talks) == {"Chile", "Peru"}


def test_a_named_museum_visited_is_no_side_of_the_visit(extractor):
    text = "Boric visited the National History Museum in Lima on Monday."
    (visit,) = of_type(extractor, text, "CONSULT")
    assert not any("Museum" in n for n in names(visit))


@pytest.mark.parametrize(
    "text",
    [
        "Milei withdrew Argentina from the Paris climate agreement in January.",
        "Chile and Peru pulled out of the summit.",
    ],
)
def test_leaving_an_accord_or_a_meeting_is_a_refusal_not_a_retreat(extractor, text):
    found = events(extractor, text)
    assert [e["type"] for e in found] == ["REJECT"]


@pytest.mark.parametrize(
    "text",
    [
        "Peru withdrew from the Andean Community in March.",
        "Bolivia pulled out of the regional bloc in 2019.",
        "Chile and Peru announced on Sunday the withdrawal of their countries from the Andean "
        "Community.",
    ],
)
def test_leaving_a_body_cuts_ties_with_it(extractor, text):
    found = events(extractor, text)
    assert [e["type"] for e in found] == ["SANCTION"]


def test_troops_pulled_out_of_a_city_still_retreat(extractor):
    text = "Peruvian troops pulled out of Tumbes in November."
    assert [e["type"] for e in events(extractor, text)] == ["RETREAT"]


def test_a_complaint_withdrawn_is_a_concession(extractor):
    text = "Chile withdrew its complaint against Peru at the WTO on Monday."
    assert [e["type"] for e in events(extractor, text)] == ["CONCEDE"]


def test_the_year_of_the_deal_left_is_not_the_day_it_was_left(extractor):
    text = "Milei withdrew Argentina from the 2015 Paris climate agreement in January."
    (left,) = events(extractor, text)
    assert left["date"] == "2025-01-01"


def test_a_deal_reached_after_talks_elsewhere_is_not_placed_at_the_dateline(extractor):
    text = (
        "SANTIAGO, March 10 (Reuters) - Peru and Bolivia agreed on Friday to restore diplomatic "
        "relations, following talks hosted by Brazil."
    )
    deals = [e for e in events(extractor, text) if e["type"] == "AGREE"]
    assert deals and all((d["location"] or {}).get("name") != "Santiago" for d in deals)


def test_a_deal_told_under_a_dateline_with_no_talks_elsewhere_is_placed_there(extractor):
    text = "SANTIAGO, March 10 (Reuters) - Chile and Peru agreed on Friday to deepen trade ties."
    (deal,) = [e for e in events(extractor, text) if e["type"] == "AGREE"]
    assert deal["location"]["name"] == "Santiago"


@pytest.mark.parametrize(
    ("text", "city"),
    [
        ("Chile and Peru signed a joint declaration at the White House on Friday.", "Washington"),
        ("Boric and Putin held talks in the Kremlin on Tuesday.", "Moscow"),
    ],
)
def test_a_seat_of_government_is_in_its_capital(extractor, text, city):
    found = [e for e in events(extractor, text) if e["location"]]
    assert found and all(e["location"]["name"] == city for e in found)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Nusa Dua, Bali — Albanese described his meeting with Xi as constructive.", "IDN"),
        ("Banda Aceh, Aceh — Officials said the talks would resume.", "IDN"),
    ],
)
def test_a_town_in_a_province_only_one_country_has_is_filed_from_that_country(text, code):
    found = find_dateline(text)
    assert found is not None and found.country_code == code


def test_a_town_in_a_province_two_countries_have_is_no_dateline(extractor):
    assert find_dateline("Amritsar, Punjab — Officials said the border would reopen.") is None


def test_a_summit_of_the_bloc_is_the_bodys_named_before(extractor):
    text = (
        "The African Union elected a new commission chair on Friday. Kenya's president spoke at "
        "the continental body's summit in Addis Ababa on Saturday."
    )
    summits = [e for e in events(extractor, text) if e["kind"] == "summit"]
    assert summits and all("African Union" in names(s) for s in summits)


def test_a_bloc_no_body_was_named_before_is_no_side(extractor):
    text = "Brazil and Chile attended a summit of the bloc in Montevideo on Saturday."
    assert all("Mercosur" not in names(e) for e in events(extractor, text))


def test_a_body_is_named_by_the_fullest_name_the_article_writes(extractor):
    text = (
        "Juntas quit ECOWAS\n\n"
        "The military regimes of Mali and Niger said on Sunday they were leaving the Economic "
        "Community of West African States (ECOWAS), accusing the bloc of having become a "
        "threat to its members."
    )
    found = extractor.extract(ExtractRequest("t", text, PUBLISHED)).to_json()["entities"]
    assert "Economic Community of West African States" in {e["name"] for e in found}


def test_a_side_and_its_allies_is_a_whole_side_not_a_missing_one(extractor):
    text = "Kenya and its allies accused Uganda of stoking the border dispute on Monday."
    accusations = of_type(extractor, text, "ACCUSE")
    assert accusations and accusations[0]["confidence"] >= 0.5
    # a side the article cannot name still leaves the event unsure
    rebels = text.replace("its allies", "the rebels")
    assert all(e["confidence"] < 0.5 for e in of_type(extractor, rebels, "ACCUSE"))


def test_what_a_side_is_blamed_for_is_no_side(extractor):
    text = "Chile on Monday formally blamed Peru for a massive hack of Banco Estado."
    (accused,) = [e for e in events(extractor, text) if e["type"] == "ACCUSE"]
    assert names(accused) == {"Chile", "Peru"}


def test_the_title_holder_of_a_country_meeting_someone_is_that_country(extractor):
    text = (
        "Meeting the Peruvian president at the La Moneda palace on Monday, the Chilean president "
        'said: "Our future depends on trade."'
    )
    (meeting,) = of_type(extractor, text, "CONSULT")
    assert names(meeting) == {"Chile", "Peru"} and meeting["confidence"] >= 0.5


@pytest.mark.parametrize(
    "text",
    [
        "Britain agreed on Thursday to hand sovereignty of the Falkland Islands to Argentina.",
        "Britain signed a treaty on Thursday to hand sovereignty of the Falkland Islands to "
        "Argentina.",
    ],
)
def test_whom_a_deal_hands_something_to_is_the_other_side(extractor, text):
    (deal,) = [e for e in events(extractor, text) if e["type"] == "AGREE"]
    assert names(deal) == {"United Kingdom", "Argentina"} and deal["confidence"] >= 0.5


def test_tariffs_cut_are_a_concession_not_a_threat(extractor):
    text = "Chile slashed tariffs on Peruvian goods on Monday."
    assert [(e["type"], e["kind"]) for e in events(extractor, text)] == [("CONCEDE", "ease")]


def test_a_kind_found_wrong_more_often_than_the_rest_is_told_less_surely(extractor):
    from dataclasses import replace

    from bot.extract.events.confidence import EventEvidence, confidence, kind_offsets

    doc = extractor.nlp("Kenya and Uganda pledged closer cooperation on Monday.")
    evidence = EventEvidence(
        type="COOPERATE",
        kind="cooperation",
        trigger=doc[5],
        governor=doc[3],
        sent=doc[:],
        sides=2,
        mentions=1,
        dated=True,
        placed=False,
    )
    assert kind_offsets()["COOPERATE cooperation"] < 0
    assert confidence(evidence) < confidence(replace(evidence, type="AGREE", kind="agreement"))
    # a talk's fate keeps its confidence: a called-off summit must not read as still planned
    assert "SANCTION cancel" not in kind_offsets()


def test_an_act_of_bodies_alone_is_told_less_surely_than_a_countrys(extractor):
    # calibrated on read audits: events with no country or person among their sides were
    # right little more than half the time, where a country's act is right four times in five
    for told_by_a_body, told_by_a_country in (
        ("The European Union urged restraint on Monday.", "Germany urged restraint on Monday."),
        ("The Arab League demanded a ceasefire.", "Egypt demanded a ceasefire."),
    ):
        body, country = events(extractor, told_by_a_body), events(extractor, told_by_a_country)
        assert body and all(e["confidence"] < 0.5 for e in body), body
        assert country and all(e["confidence"] >= 0.5 for e in country), country
    # a body beside a country, a country's own body, or bodies holding a summit or paying a
    # visit stay shown
    national = events(extractor, "The Philippine Coast Guard condemned the ramming on Monday.")
    assert national and national[0]["confidence"] >= 0.5
    visit = of_type(
        extractor, "An ECOWAS delegation arrived in Abuja on Monday for a two-day visit.", "CONSULT"
    )
    assert visit and visit[0]["confidence"] >= 0.5
    with_a_country = of_type(
        extractor, "The European Union urged Chile to show restraint on Monday.", "REQUEST"
    )
    assert with_a_country and with_a_country[0]["confidence"] >= 0.5
    summit = of_type(
        extractor, "ECOWAS and the African Union held a summit in Abuja on Monday.", "CONSULT"
    )
    assert summit and summit[0]["confidence"] >= 0.5


def test_people_arriving_home_pay_no_visit(extractor):
    home = "The two freed aid workers, Anna Berg and Jonas Lind, arrived home in Oslo on Saturday."
    assert not [e for e in events(extractor, home, "2024-05-04") if e["kind"] == "visit"]
    away = "Finnish President Alexander Stubb arrived in Oslo on Saturday for talks."
    assert [e for e in events(extractor, away, "2024-05-04") if e["kind"] == "visit"]


def test_backing_told_only_to_describe_a_side_is_not_shown(extractor):
    for text in (
        "The Polisario Front, which is backed by Algeria, seeks a vote on independence.",
        "The rebels, backed by Rwandan troops, took the town of Sake on Monday.",
    ):
        shown = [
            e
            for e in events(extractor, text, "2024-05-04")
            if e["type"] == "SUPPORT" and e["confidence"] >= 0.5
        ]
        assert not shown, (text, shown)
    told = "Algeria backed the Polisario Front's bid on Monday, the foreign ministry said."
    assert [e for e in events(extractor, told, "2024-05-04") if e["type"] == "SUPPORT"]


def test_a_warning_about_how_things_stand_is_no_threat(extractor):
    def threats(text: str) -> list[dict]:
        return [e for e in of_type(extractor, text, "THREATEN") if e["confidence"] >= 0.5]

    assert not threats(
        "Chilean President Gabriel Boric welcomed the truce but warned that the hardest part "
        "was still to come."
    )
    assert not threats(
        "Peruvian President Dina Boluarte warned that the situation in the border camps was "
        "deteriorating."
    )
    assert threats("Chile warned that the decision would have consequences for relations.")
    assert threats("Chile warned that it would recall its ambassador if Peru went ahead.")
    # advice against a state of things, to no one in particular; not against an act or someone
    assert not threats("Boric's own coalition has warned against economic dependence on Peru.")
    assert threats("Chile warned against any incursion into its waters.")
    assert threats("Chile warned Peru against a vote on the border.")


def test_a_name_the_parser_gives_a_that_clause_did_not_do_what_the_clause_says(extractor):
    # the war killed them, not the region it was fought over
    text = (
        "The two neighbours fought a 44-day war in the autumn of 2020 over Nagorno-Karabakh that "
        "killed thousands of soldiers."
    )
    found = events(extractor, text, "2022-10-07")
    assert all("Nagorno-Karabakh" not in names(e) for e in found), found


@pytest.mark.parametrize(
    ("line", "place", "code"),
    [
        ("The Jakarta Post, Bali - Leaders met.", "Bali", "IDN"),  # the outlet signs its copy
        ("CHENGDU, April 27 (Reuters) - Leaders met.", "Chengdu", "CHN"),  # a town of the table
    ],
)
def test_a_dateline_signed_by_an_outlet_or_filed_from_a_known_town_is_placed(line, place, code):
    found = find_dateline(line)
    assert found is not None and (found.place, found.country_code) == (place, code), found


def test_a_visit_an_invitation_was_for_is_no_visit_once_the_invitation_is_withdrawn(extractor):
    text = (
        "The minister said Chile was suspending planned high-level contacts with Peru, revoking "
        "an invitation to Foreign Minister Luis Paredes to visit."
    )
    visits = [e for e in events(extractor, text, "2024-03-04") if e["kind"] == "visit"]
    assert visits == [], visits
    text = "Chile withdrew its invitation to Peru's president for a state visit."
    assert all(e["type"] != "RETREAT" for e in events(extractor, text, "2024-03-04"))


def test_the_city_a_deal_is_named_after_is_where_it_was_made_not_a_side(extractor):
    text = "The Lusaka deal opens the way for aid to reach the region, officials said."
    found = [e for e in events(extractor, text, "2022-11-13") if e["type"] == "AGREE"]
    assert all("Zambia" not in names(e) for e in found), found


def test_people_counted_by_the_million_are_no_state_visiting(extractor):
    text = "Some 1.2 million Chileans visited Peru last year, according to official data."
    assert [e for e in events(extractor, text, "2024-10-23") if e["kind"] == "visit"] == []


def test_a_deal_that_comes_after_an_earlier_visit_takes_nothing_from_it(extractor):
    text = "The deal comes after Brazilian President Lula visited Santiago in December."
    deals = [e for e in events(extractor, text, "2024-03-10") if e["type"] == "AGREE"]
    assert all((e["location"] or {}).get("name") != "Santiago" for e in deals), deals


@pytest.mark.parametrize(
    "text",
    [
        "Russia's Security Council met on Friday to discuss the situation.",
        "Dar said the country's National Security Committee would meet on Thursday.",
        "The measures were decided at a meeting of the Cabinet Committee on Security.",
    ],
)
def test_a_governments_own_session_is_no_meeting_between_sides(extractor, text):
    shown = [e for e in of_type(extractor, text, "CONSULT") if e["confidence"] >= 0.5]
    assert shown == []


def test_an_international_body_meeting_alone_is_still_its_session(extractor):
    [met] = of_type(extractor, "The OAS permanent council met on Monday.", "CONSULT")
    assert met["confidence"] >= 0.5 and names(met) == {"OAS"}


def test_whom_sanctions_are_imposed_on_is_a_side_even_with_a_day_told(extractor):
    [imposed] = of_type(extractor, "The EU imposed sanctions on Iran on Monday.", "SANCTION")
    assert [p["name"] for p in imposed["participants"]] == ["EU", "Iran"]
    [threat] = of_type(extractor, "China issued threats against Taiwan on Tuesday.", "THREATEN")
    assert names(threat) == {"China", "Taiwan"}
    # what talks are "on" is their topic, not a side
    [talks] = of_type(extractor, "Norway and Chile held talks on Ukraine on Monday.", "CONSULT")
    assert names(talks) == {"Norway", "Chile"}


def test_striking_a_blow_is_a_figure_of_speech(extractor):
    text = '"The decision by Russia will strike a blow to people in need," Guterres said.'
    assert [e for e in events(extractor, text) if e["type"] in ("ASSAULT", "THREATEN")] == []


def test_a_liking_for_visits_is_no_visit_and_mocking_a_trip_is_no_part_in_it(extractor):
    text = (
        "Former Russian president Dmitry Medvedev mocked the trip on Twitter. "
        '"European fans of frogs and spaghetti love visiting Kyiv," he wrote.'
    )
    found = events(extractor, text, "2022-06-17")
    assert [e for e in found if e["type"] == "CONSULT"] == [], found
    [mocked] = [e for e in found if e["type"] == "ACCUSE"]
    assert "Dmitry Medvedev" in names(mocked)


def test_a_capital_the_tagger_missed_is_still_where_a_visit_went(extractor):
    [visit] = of_type(extractor, "Macron, Scholz and Draghi visited Kyiv on Thursday.", "CONSULT")
    assert visit["location"]["name"] == "Kyiv" and "Ukraine" in names(visit)


def test_where_protesters_gather_is_no_side_and_a_past_liking_is_a_visit_told(extractor):
    assert (
        of_type(extractor, "Protests on the streets of Tbilisi continued on Monday.", "PROTEST")
        == []
    )
    [visit] = of_type(extractor, "Scholz enjoyed visiting Kyiv last week.", "CONSULT")
    assert "Olaf Scholz" in names(visit) and visit["location"]["name"] == "Kyiv"
    [met] = of_type(
        extractor, "The Supreme Eurasian Economic Council met in Minsk on Friday.", "CONSULT"
    )
    assert met["confidence"] >= 0.5  # an international body's session


def test_one_sides_military_drills_are_a_show_of_force_joint_ones_cooperation(extractor):
    [alone] = events(extractor, "China staged military drills around Taiwan on Saturday.")
    assert alone["type"] == "MOBILIZE" and names(alone) == {"China"}
    [joint] = events(
        extractor, "India and the United States held a joint exercise in Rajasthan on Monday."
    )
    assert joint["type"] == "COOPERATE"


def test_bombers_flying_during_a_summit_do_not_make_their_countries_its_sides(extractor):
    flown = "During the summit, Iranian and Syrian warplanes flew a joint patrol over the desert."
    assert of_type(extractor, flown, "CONSULT") == []
    signed = "During the summit, Iranian and Syrian ministers signed a transit pact."
    [summit] = of_type(extractor, signed, "CONSULT")
    assert names(summit) == {"Iran", "Syria"}


def test_a_host_receiving_named_guests_for_talks_sits_at_them(extractor):
    text = (
        "Chilean President Gabriel Boric hosted Argentine President Javier Milei and Peruvian "
        "President Dina Boluarte for the talks."
    )
    [talks] = of_type(extractor, text, "CONSULT")
    assert {"Gabriel Boric", "Javier Milei", "Dina Boluarte"} <= names(talks)
    [mediated] = of_type(extractor, "Qatar hosted the talks between Chad and Sudan.", "CONSULT")
    assert "Qatar" not in names(mediated)


def test_blocking_a_bid_or_a_resolution_is_a_refusal_blocking_roads_a_protest(extractor):
    [bid] = events(extractor, "Austria's bid remains blocked by Croatia and Slovenia.")
    assert bid["type"] == "REJECT" and names(bid) >= {"Croatia", "Slovenia"}
    [veto] = events(extractor, "China blocked a UN resolution on Myanmar on Tuesday.")
    assert veto["type"] == "REJECT"
    [road] = events(extractor, "Farmers blocked roads in Warsaw to protest Ukrainian imports.")
    assert road["type"] == "PROTEST"


def test_a_bloc_written_with_its_kind_is_named_by_its_name(extractor):
    [summit] = of_type(
        extractor, "Leaders of the BRICS group met in Kazan on Wednesday for a summit.", "CONSULT"
    )
    assert "BRICS" in names(summit) and "BRICS group" not in names(summit)


def test_what_a_call_asks_for_is_not_done_however_the_list_is_parsed(extractor):
    text = (
        "Lavrov called on Washington to stop arming Kyiv, lift its sanctions on Russian banks "
        "and stop meddling in Georgia, the ministry said."
    )
    found = events(extractor, text, "2024-05-02")
    assert [e for e in found if e["type"] == "CONCEDE"] == [], found
    assert any(e["type"] == "REQUEST" for e in found)


def test_a_verb_after_a_quotation_closes_is_the_tellers(extractor):
    text = (
        'Speaking on Friday, Erdogan said "Greece is arming the islands" and warned that '
        '"a heavy price will be paid."'
    )
    [threat] = of_type(extractor, text, "THREATEN")
    assert "Recep Tayyip Erdogan" in names(threat) and "Greece" not in names(threat)


def test_a_vow_to_pay_back_is_a_threat(extractor):
    for text in (
        "Canada vowed to retaliate against the steel duties.",
        "Mexico vowed to respond in kind to the tariffs.",
        "Beijing vowed to hit back at the new export controls.",
    ):
        [found] = events(extractor, text, "2025-03-04")
        assert found["type"] == "THREATEN", (text, found)


def test_a_hostile_act_that_dates_a_pledge_is_not_what_was_promised(extractor):
    text = (
        "Peru and Chile pledged on Tuesday to restore trade ties at their first meeting since "
        "Chile shot down a Peruvian drone near the border last year."
    )
    assert of_type(extractor, text, "THREATEN") == []
    assert of_type(extractor, text, "AGREE")
    vowed = "Peru vowed on Monday to impose tariffs on Chile after Chile closed the border."
    assert of_type(extractor, vowed, "THREATEN")


def test_a_summit_the_lead_dates_is_that_days_also_when_told_as_its_blocs(extractor):
    text = (
        "HANOI, Oct 8 Kyodo - The leaders of Vietnam, Laos and Cambodia agreed Tuesday to link "
        "their power grids. At a summit hosted by Vietnamese Prime Minister Pham Minh Chinh in "
        "Hanoi, the three leaders also said they would open more border crossings."
    )
    found = events(extractor, text, "2024-10-08")
    [summit] = [e for e in found if e["type"] == "CONSULT" and e["kind"] == "summit"]
    assert summit["date"] == "2024-10-08"


def test_a_seat_of_government_the_headline_tagger_took_for_a_town_is_in_its_capital(extractor):
    [talks] = of_type(
        extractor, "Erdogan says truce holds as Aliyev talks end in Kremlin", "CONSULT"
    )
    assert talks["location"]["name"] == "Moscow" and talks["location"]["country_code"] == "RUS"


def test_an_act_drawn_from_someone_was_theirs(extractor):
    text = (
        "Lithuania opened a Taiwanese office on Monday, drawing a warning of reprisals from "
        "Beijing."
    )
    [threat] = of_type(extractor, text, "THREATEN")
    assert {"China", "Lithuania"} <= names(threat)
    [rebuke] = of_type(extractor, "The vote drew sharp criticism from Ankara.", "ACCUSE")
    assert "Turkey" in names(rebuke)
    # a warning only talked about is no act
    assert of_type(extractor, "The ministers discussed the warning from Ankara.", "THREATEN") == []


def test_review_mends_the_rules_keep_to_their_cases(extractor):
    # a statement released by a body after their meeting is no meeting of that body
    text = (
        "Lula and Petro discussed the Amazon in Belem, according to a statement released by "
        "the Planalto after their meeting."
    )
    [met] = of_type(extractor, text, "CONSULT")
    assert names(met) >= {"Luiz Inacio Lula da Silva", "Gustavo Petro"}
    # a verb of the quoted subject's own, not the teller's
    text = 'Blinken said Beijing "is not a partner" and has threatened Taiwan with drills.'
    [threat] = of_type(extractor, text, "THREATEN")
    assert "China" in names(threat) and "Antony Blinken" not in names(threat)
    # a vow not to retaliate, or to return goodwill, is a pledge
    assert (
        of_type(extractor, "Canada vowed not to retaliate against the US duties.", "THREATEN") == []
    )
    assert of_type(extractor, "Tokyo vowed to reciprocate Seoul's visa waiver.", "THREATEN") == []
    # a country hosting two sides for talks mediates them
    hosted = of_type(
        extractor, "Qatar hosted Chad and Sudan for the talks in Doha on Saturday.", "CONSULT"
    )
    assert all("Qatar" not in names(e) for e in hosted)
    # the place of the occasion counted from is not this meeting's
    met_again = of_type(
        extractor, "Lula and Petro met for the first time since their summit in Belem.", "CONSULT"
    )
    assert all(
        (e["location"] or {}).get("name") != "Belem" for e in met_again if e["kind"] == "meeting"
    )


def test_an_act_something_is_counted_from_happened(extractor):
    text = "The talks were the first since Azerbaijan's offensive in Karabakh."
    [offensive] = of_type(extractor, text, "ASSAULT")
    assert "Azerbaijan" in names(offensive)
    # one only prepared for, or talked about, is no act
    assert of_type(extractor, "Taiwan is preparing for China's invasion.", "ASSAULT") == []
    assert of_type(extractor, "The leaders discussed Russia's invasion.", "ASSAULT") == []


def test_a_venue_the_gazetteer_knows_is_in_its_town_and_no_side(extractor):
    [met] = of_type(extractor, "Erdogan and Putin met at Bocharov Ruchey on Wednesday.", "CONSULT")
    assert met["location"]["name"] == "Sochi" and met["location"]["country_code"] == "RUS"
    [hosted] = of_type(
        extractor, "Palais des Nations hosts short Lavrov-Blinken meeting", "CONSULT"
    )
    assert hosted["location"]["name"] == "Geneva"
    assert names(hosted) == {"Sergey Lavrov", "Antony Blinken"}
    # the town the text names itself wins over the gazetteer's
    [elsewhere] = of_type(
        extractor, "Lavrov and Blinken met at Blair House in Philadelphia on Monday.", "CONSULT"
    )
    assert elsewhere["location"]["name"] == "Philadelphia"


def test_a_welcome_of_no_one_is_below_the_line_but_support_for_a_side_is_shown(extractor):
    # who was supported is half the record: "welcomed the decision" names only the supporter
    alone = of_type(
        extractor, "Chile's Foreign Ministry welcomed the decision on Monday.", "SUPPORT"
    )
    assert all(e["confidence"] < 0.5 for e in alone), alone
    backed = of_type(extractor, "Chile on Monday backed Peru's bid to host the summit.", "SUPPORT")
    assert any(e["confidence"] >= 0.5 for e in backed), backed


def test_a_dateline_with_the_day_before_the_month_is_a_dateline(extractor):
    for text, town in (
        ("LA PAZ, 21 May - Chile and Peru signed a treaty.", "La Paz"),
        ("LIMA, 3 Sept. - Chile and Peru signed a treaty.", "Lima"),
    ):
        found = find_dateline(text)
        assert found is not None and found.place == town, text
    # the town in capitals is no side in place of the president the lead names
    lead = (
        "PORT LOUIS, 14 March - President Hanno Tartu, on an official visit to Japan, held talks "
        "with the Japanese prime minister in Tokyo on 13 March."
    )
    talks = [e for e in of_type(extractor, lead, "CONSULT", "2018-03-14") if e["kind"] == "talks"]
    assert talks and "Hanno Tartu" in names(talks[0]), talks


@pytest.mark.parametrize(
    "told",
    [
        "President Gabriel Boric welcomed the head of Peru's ruling party to his office on Monday.",
        "President Gabriel Boric received the chief of Peru's ruling party in his office Monday.",
    ],
)
def test_a_guest_named_by_role_welcomed_or_received_is_met_not_supported(extractor, told):
    found = events(extractor, told)
    assert any(e["type"] == "CONSULT" and "Gabriel Boric" in names(e) for e in found), found
    assert not any(e["type"] == "SUPPORT" for e in found), found


@pytest.mark.parametrize(
    ("told", "type_", "not_type"),
    [
        # the parser makes "head" the object; what was welcomed or recalled is the possessed
        (
            "Chile on Monday welcomed the head of the IMF's decision to approve a loan.",
            "SUPPORT",
            "CONSULT",
        ),
        ("Boric recalled the head of state's historic visit to Lima in 2019.", None, "SANCTION"),
    ],
)
def test_a_role_word_before_a_possessors_thing_is_no_person_object(
    extractor, told, type_, not_type
):
    found = events(extractor, told)
    assert not any(e["type"] == not_type for e in found), found
    assert type_ is None or any(e["type"] == type_ for e in found), found


def test_the_head_of_a_body_its_country_owns_is_still_a_guest(extractor):
    found = events(extractor, "Chile received the chief of Bolivia's armed forces on Monday.")
    assert any(e["type"] == "CONSULT" and {"Chile", "Bolivia"} <= names(e) for e in found), found


@pytest.mark.parametrize(
    ("text", "published"),
    [
        # filed a day after the publication date given, a week before, with no year
        (
            "LIMA, February 28, 2025\nPeru's minister met his Chilean counterpart here.",
            "2025-02-27",
        ),
        (
            "LIMA, February 20, 2025\nPeru's minister met his Chilean counterpart here.",
            "2025-02-27",
        ),
        ("LIMA, February 28\nPeru's minister met his Chilean counterpart here.", "2025-02-27"),
        ("QUITO, Enero 15, 2025\nPeru's minister met his Chilean counterpart here.", "2025-01-16"),
    ],
)
def test_a_dateline_line_days_off_the_publication_still_places_here(extractor, text, published):
    met = of_type(extractor, text, "CONSULT", published)
    assert met and all(e["location"] is not None for e in met)


def test_a_dateline_line_far_from_the_publication_is_a_timelines_entry(extractor):
    text = (
        "Timeline: the border row\nSantiago, March 12, 2019\nBoric met Boluarte for talks on the "
        "border."
    )
    met = of_type(extractor, text, "CONSULT")
    assert met and all(e["location"] is None and e["date"] is None for e in met)
