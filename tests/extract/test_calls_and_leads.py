"""Who was on a call, and what a wire lead says: the one spoken to in a call took part, a call's
own relative clause dates it, a call taken from someone was with the caller, a dateline does
not swallow the lead's subject, and family travelling beside a leader is no side. Sentences are
the repository's own."""

from __future__ import annotations

from tests.extract.events_found import events, names, of_type


def test_the_one_warned_in_a_phone_call_was_on_the_call(extractor):
    text = "Indian Prime Minister Narendra Modi warned Shehbaz Sharif in a phone call on Tuesday."
    (call,) = of_type(extractor, text, "CONSULT")
    assert call["kind"] == "phone_call"
    assert {"Narendra Modi", "Shehbaz Sharif"} <= names(call)
    assert call["date"] == "2025-02-25"


def test_a_call_the_parser_hung_on_a_gerund_is_still_the_speakers(extractor):
    text = "Ramaphosa told Ruto about ending the border dispute in a phone call on Monday."
    (call,) = of_type(extractor, text, "CONSULT")
    assert {"Ramaphosa", "Ruto"} <= {n.split()[-1] for n in names(call)}


def test_a_topic_discussed_in_a_call_is_no_side_of_it(extractor):
    text = "Modi discussed Kashmir in a phone call with Sharif on Friday."
    (call,) = of_type(extractor, text, "CONSULT")
    assert "Kashmir" not in names(call)


def test_one_warned_at_a_meeting_with_others_need_not_have_been_there(extractor):
    text = "Rubio warned Venezuela at a meeting with Caribbean leaders on Friday."
    meetings = of_type(extractor, text, "CONSULT")
    assert all("Venezuela" not in names(m) for m in meetings)


def test_a_call_that_lasted_hours_on_a_weekday_is_dated_by_it(extractor):
    text = (
        "The presidents of Brazil and Argentina traded blunt words over tariffs during a "
        "telephone call that lasted two hours on Tuesday."
    )
    (call,) = of_type(extractor, text, "CONSULT")
    assert call["date"] == "2025-02-25"


def test_a_meeting_someone_proposed_on_a_weekday_is_not_dated_by_the_proposal(extractor):
    text = "Lula said the summit that Milei proposed on Monday would be held in Montevideo."
    assert all(e["date"] != "2025-02-24" for e in of_type(extractor, text, "CONSULT"))


def test_a_wire_lead_under_a_headline_keeps_its_subject_after_a_dash_dateline(extractor):
    text = (
        "Spain and Morocco sign deals worth billions as Sanchez opens state visit\n\n"
        "RABAT, Oct 28 - Spanish Prime Minister Pedro Sanchez and King Mohammed VI signed a "
        "declaration on a strategic partnership on Monday, opening a three-day state visit."
    )
    visits = [e for e in of_type(extractor, text, "CONSULT") if e["kind"] == "visit"]
    sure = [v for v in visits if v["confidence"] >= 0.5]
    assert sure and "Pedro Sanchez" in names(sure[0])
    assert all("Rabat" not in names(e) for e in events(extractor, text))


def test_a_title_coordinated_with_its_holder_is_no_unknown_side(extractor):
    text = (
        "Deputy Prime Minister and Minister of Foreign Affairs Mulambo Haimbe on Wednesday held "
        "a phone call with Kenyan Foreign Minister Musalia Mudavadi."
    )
    calls = of_type(extractor, text, "CONSULT")
    assert calls and calls[0]["confidence"] >= 0.5


def test_a_description_after_a_name_is_still_no_side(extractor):
    text = "Egypt's President Sisi, Emir of Qatar's ally, met Erdogan in Cairo on Monday."
    for meeting in of_type(extractor, text, "CONSULT"):
        assert "Qatar" not in names(meeting)


def test_an_agreement_to_set_something_up_was_signed_not_planned(extractor):
    text = "Chile and Peru signed an agreement on Thursday to set up joint border patrols."
    (agreement,) = of_type(extractor, text, "AGREE")
    assert agreement["status"] == "concluded"


def test_two_who_spoke_briefly_on_the_sidelines_held_talks(extractor):
    text = (
        "Indian Foreign Minister S. Jaishankar and Chinese Foreign Minister Wang Yi spoke for "
        "about 20 minutes on the sidelines of the SCO meeting in Astana on Wednesday."
    )
    talks = [e for e in of_type(extractor, text, "CONSULT") if e["kind"] == "talks"]
    assert talks and {"S. Jaishankar", "Wang Yi"} <= names(talks[0])
    assert talks[0]["date"] == "2025-02-26"


def test_two_who_spoke_to_reporters_held_no_talks(extractor):
    text = "Jaishankar and Wang Yi spoke to reporters for an hour in Astana on Wednesday."
    assert [e for e in of_type(extractor, text, "CONSULT") if e["kind"] == "talks"] == []


def test_members_talking_on_the_margins_of_a_bodys_meeting_are_not_the_meeting(extractor):
    text = (
        "The G20 foreign ministers' meeting in New Delhi ended without a joint statement. "
        "The gathering also saw Indian Foreign Minister S. Jaishankar hold his first talks with "
        "Chinese Foreign Minister Qin Gang."
    )
    consults = of_type(extractor, text, "CONSULT")
    pair = [e for e in consults if {"S. Jaishankar", "Qin Gang"} <= names(e)]
    assert pair and all("G20" not in names(e) for e in pair)


def test_a_leaders_spouse_is_no_side_of_the_meeting(extractor):
    text = "King Felipe met Macron and his wife Brigitte at the airport in Madrid on Monday."
    for meeting in of_type(extractor, text, "CONSULT"):
        assert not any("Brigitte" in n for n in names(meeting))


def test_a_name_before_the_spouse_the_parser_hung_elsewhere_stays(extractor):
    text = "The king met Macron and Brigitte, his wife, at the airport in Madrid on Monday."
    meetings = of_type(extractor, text, "CONSULT")
    assert meetings and any("Emmanuel Macron" in names(m) for m in meetings)


def test_what_was_agreed_in_the_same_breath_as_a_call_is_between_its_sides(extractor):
    text = (
        "President Lula held a phone call with Chilean President Gabriel Boric on Monday and "
        "agreed to expand trade between their countries."
    )
    (agreement,) = of_type(extractor, text, "AGREE")
    assert {"Gabriel Boric"} <= names(agreement) and len(names(agreement)) >= 2


def test_a_pact_signed_with_a_third_party_keeps_its_own_partner(extractor):
    text = "Lula met Boric on Monday and signed a pact with Paraguay."
    (agreement,) = of_type(extractor, text, "AGREE")
    assert "Paraguay" in names(agreement) and "Gabriel Boric" not in names(agreement)


def test_a_relative_named_as_who_she_is_still_acts(extractor):
    text = "Mariam Nawaz, daughter of Nawaz Sharif, has warned India against escalation."
    (threat,) = of_type(extractor, text, "THREATEN")
    assert "Mariam Nawaz" in names(threat)


def test_they_who_traded_words_in_a_call_are_the_sides_the_sentence_named(extractor):
    text = (
        "The leaders of Kenya and Ethiopia agreed to meet next month, even as they traded sharp "
        "words over the dam during a telephone call on Tuesday."
    )
    calls = [e for e in of_type(extractor, text, "CONSULT") if e["kind"] == "phone_call"]
    assert calls and {"Kenya", "Ethiopia"} <= names(calls[0])
    assert calls[0]["date"] == "2025-02-25"


def test_they_in_a_sentence_naming_one_side_stays_unresolved(extractor):
    text = "Kenya said on Monday that they held talks with Ethiopia by telephone."
    for call in of_type(extractor, text, "CONSULT"):
        assert "Kenya" not in names(call) or "Ethiopia" in names(call)


def test_a_call_on_a_weekday_is_a_call_not_a_call_on_someone(extractor):
    text = "Ruto and Museveni spoke in a call on Saturday about the pipeline."
    (call,) = of_type(extractor, text, "CONSULT")
    assert call["kind"] == "phone_call"
    assert {"Ruto", "Museveni"} <= {n.split()[-1] for n in names(call)}
    assert call["date"] == "2025-02-22"
    assert call["status"] == "concluded"


def test_a_plain_call_in_which_one_warned_another_was_held_by_both(extractor):
    text = "Petro warned Noboa in a call on Monday that the border would stay closed."
    (call,) = of_type(extractor, text, "CONSULT")
    assert call["kind"] == "phone_call" and call["status"] == "concluded"
    assert {"Petro", "Noboa"} <= {n.split()[-1] for n in names(call)}


def test_a_call_set_off_by_a_comma_after_the_warning_is_the_warning_s(extractor):
    text = (
        "Chilean President Gabriel Boric warned Argentine President Javier Milei on Monday "
        "that Chile would respond firmly, in a call that an aide said changed nothing."
    )
    (call,) = of_type(extractor, text, "CONSULT")
    assert {"Gabriel Boric", "Javier Milei"} <= names(call)
    assert call["status"] == "concluded" and call["date"] == "2025-02-24"


def test_a_call_on_someone_to_act_is_still_a_request(extractor):
    text = "Lula called on Maduro on Monday to publish the vote tallies."
    assert of_type(extractor, text, "REQUEST")
    assert not of_type(extractor, text, "CONSULT")


def test_their_round_of_talks_was_held_by_those_who_speak_of_it(extractor):
    text = (
        "The foreign ministers of Chile and Peru said on Tuesday that their latest round of "
        "talks in Lima was constructive."
    )
    (talks,) = of_type(extractor, text, "CONSULT")
    assert {"Chile", "Peru"} <= names(talks)
    assert talks["location"]["name"] == "Lima"
    assert "Lima" not in names(talks)


def test_a_call_after_a_quoted_second_reported_clause_is_the_warnings(extractor):
    text = (
        'Boric warned Boluarte on Thursday that Lima should respect the treaty and that "those '
        'who break it will pay," during a call that lasted two hours.'
    )
    (call,) = of_type(extractor, text, "CONSULT")
    assert call["kind"] == "phone_call"
    assert {"Boric", "Boluarte"} <= {n.split()[-1] for n in names(call)}
    assert call["date"] == "2025-02-27"


def test_a_headline_infinitive_with_a_weekday_is_still_to_come(extractor):
    text = "Boric lands in Lima, to meet President Boluarte on Friday"
    meetings = [e for e in of_type(extractor, text, "CONSULT") if e["kind"] == "meeting"]
    assert meetings and all(m["date"] == "2025-02-28" for m in meetings)  # told on Thursday


def test_a_headline_of_two_sides_to_talk_on_a_weekday_is_a_planned_conversation(extractor):
    text = "Lula and Milei to talk on Saturday as the tariff dispute deepens"
    (talks,) = of_type(extractor, text, "CONSULT")
    assert "Javier Milei" in names(talks) and any("Lula" in n for n in names(talks))
    assert (talks["date"], talks["status"]) == ("2025-03-01", "planned")


def test_two_who_talked_to_reporters_held_no_talks(extractor):
    assert of_type(extractor, "Lula and Milei talked to reporters on Saturday.", "CONSULT") == []


def test_a_leader_who_will_speak_with_another_on_a_weekday_has_talks_planned(extractor):
    text = "President Lula will speak with President Javier Milei on Saturday, his office said."
    (talks,) = of_type(extractor, text, "CONSULT")
    assert "Javier Milei" in names(talks)
    assert (talks["date"], talks["status"]) == ("2025-03-01", "planned")


def test_the_place_hung_on_the_name_of_the_one_met_is_the_meetings(extractor):
    text = (
        "Brazil's foreign minister met Argentina's top diplomat Gerardo Werthein in Rome on Monday."
    )
    (meeting,) = of_type(extractor, text, "CONSULT")
    assert meeting["location"]["name"] == "Rome"


def test_a_headline_act_is_the_lead_s_when_the_body_tells_two_such_acts(extractor):
    text = (
        "Chile accuses Peru of border incursion\n\n"
        "SANTIAGO, March 3 (Reuters) - Chile on Monday accused Peru of sending troops across the "
        "border near Arica.\n\n"
        "Separately, Chile's navy accused Peruvian fishermen of entering its waters last week."
    )
    accusations = [e for e in events(extractor, text, "2025-03-03") if e["type"] == "ACCUSE"]
    assert len(accusations) == 2  # the headline's is the lead's, not a third
    assert not any(e["evidence"].startswith("Chile accuses") for e in accusations)


def test_a_call_a_meeting_paved_the_way_for_is_not_where_the_meeting_was(extractor):
    text = (
        "Ruto and Museveni met on the sidelines of the AU meeting in Addis Ababa, which paved the "
        "way for a video call between Joe Biden and Vladimir Putin days later."
    )
    calls = [e for e in events(extractor, text) if e["kind"] == "phone_call"]
    assert calls and calls[0]["location"] is None


def test_a_headline_pair_to_meet_on_a_day_is_a_meeting_to_come_between_them(extractor):
    text = "Ruto and Museveni to meet in Arusha on Friday with no Tanzanian at the table"
    (meeting,) = of_type(extractor, text, "CONSULT")
    assert names(meeting) == {"William Ruto", "Yoweri Museveni"}
    assert (meeting["date"], meeting["status"]) == ("2025-02-28", "planned")


def test_a_call_taken_from_someone_is_a_call_with_the_caller(extractor):
    for text in (
        "Chilean President Gabriel Boric received a phone call from Peruvian President Dina "
        "Boluarte on Wednesday.",
        "Boric took a call from Boluarte on Wednesday.",
        "Boric got a call from his Peruvian counterpart on Wednesday.",
    ):
        calls = [e for e in events(extractor, text, "2025-05-09") if e["kind"] == "phone_call"]
        codes = [{p.get("country_code") for p in e["participants"]} for e in calls]
        assert calls and all({"CHL", "PER"} <= c for c in codes), (text, calls)


def test_a_call_from_someone_to_do_something_is_no_conversation(extractor):
    for text in (
        "Chile received a call from Peru to reopen the border.",
        "Boric received a call from opposition groups for new elections.",
        "Boric took a call from reporters.",
    ):
        calls = [e for e in events(extractor, text, "2025-05-09") if e["kind"] == "phone_call"]
        assert not calls, (text, calls)
