"""Names and calls a report tells loosely: a short name two countries share ("Korean") is the
one the article shows, "the Russian president" is the article's Russian president, a middle
name or a headline's verb does not make another person, a conversation is the call the article
tells, and talks a side is only ready for, or will continue, are not the talks held. Sentences
are the repository's own."""

from __future__ import annotations

import pytest

from tests.extract.events_found import events, names, of_type


def sides_by_code(event: dict) -> set[str]:
    return {p["country_code"] for p in event["participants"] if p.get("country_code")}


# --- short names two countries share ---


def test_korean_talks_in_an_article_naming_only_the_north_are_the_norths(extractor):
    text = (
        "PYONGYANG, March 3 - Russian Foreign Minister Sergei Lavrov and the Democratic People's "
        "Republic of Korea's foreign minister signed a protocol after Russian-Korean talks on "
        "Monday."
    )
    assert all("KOR" not in sides_by_code(e) for e in events(extractor, text))
    assert any("PRK" in sides_by_code(e) for e in events(extractor, text))


def test_korean_firms_in_an_article_on_seouls_president_stay_the_souths(extractor):
    text = (
        "President Yoon Suk Yeol met Korean business leaders in Seoul on Monday to discuss North "
        "Korea's missile launches."
    )
    found = [e for e in events(extractor, text) if "PRK" in sides_by_code(e)]
    assert all("KOR" in sides_by_code(e) or "Yoon Suk Yeol" in names(e) for e in found)


def test_a_known_leader_keeps_his_country_when_his_party_title_says_korea(extractor):
    text = (
        "Kim Jong Un, general secretary of the Workers' Party of Korea, held talks with the "
        "visiting Russian defence minister in Pyongyang on Tuesday."
    )
    (talks,) = [e for e in of_type(extractor, text, "CONSULT") if "Kim Jong Un" in names(e)]
    kim = next(p for p in talks["participants"] if p["name"] == "Kim Jong Un")
    assert kim["country_code"] == "PRK"


# --- people named loosely ---


def test_he_after_the_russian_presidents_welcome_is_the_russian_president(extractor):
    text = (
        "Vladimir Putin left Astana with a dozen agreements that Kassym-Jomart Tokayev praised as "
        "historic. The Russian president's reception in Astana, where he was met at the airport "
        "by Tokayev, was lavish."
    )
    (meeting,) = of_type(extractor, text, "CONSULT")
    assert {"Vladimir Putin", "Kassym-Jomart Tokayev"} <= names(meeting)


def test_a_bare_president_in_the_same_sentence_is_not_read_as_a_pronouns_person(extractor):
    text = (
        "Emmanuel Macron hosted Olaf Scholz in Paris on Monday. The president's guest, whom he "
        "met at the Elysee, praised the talks."
    )
    for event in of_type(extractor, text, "CONSULT"):
        assert "Vladimir Putin" not in names(event)


def test_a_patronymic_is_the_same_known_person(extractor):
    text = "Vladimir Vladimirovich Putin held talks with Kassym-Jomart Tokayev in Astana on Monday."
    (talks,) = of_type(extractor, text, "CONSULT")
    putin = next(p for p in talks["participants"] if "Putin" in p["name"])
    assert putin["country_code"] == "RUS"


def test_a_headlines_light_verb_is_not_part_of_a_name(extractor):
    text = (
        "Comrade Kim Jong Un Holds Talks with Visiting Chinese Delegation\n\n"
        "Kim Jong Un held talks with a Chinese delegation in Pyongyang on Monday."
    )
    for event in events(extractor, text):
        assert "Kim Jong Un Holds" not in names(event)


def test_a_word_qualifying_a_pandemic_is_no_one(extractor):
    text = (
        "It was Kim Jong Un's first trip abroad since the Covid pandemic, and he met Vladimir "
        "Putin in Vladivostok on Wednesday."
    )
    for event in events(extractor, text):
        assert "Covid" not in names(event)


# --- calls and talks ---


def test_talks_one_side_is_urged_to_be_ready_for_are_not_held(extractor):
    text = (
        "Scholz called Putin on Friday. The chancellor urged Putin to be ready for negotiations "
        "with Ukraine."
    )
    for event in of_type(extractor, text, "CONSULT"):
        assert "Ukraine" not in names(event)


def test_a_conversation_is_the_call_the_article_tells(extractor):
    text = (
        "President Volodymyr Zelensky has criticized German Chancellor Olaf Scholz's decision to "
        "phone Russian President Vladimir Putin. The hour-long conversation between the two "
        "leaders on Friday was their first in two years."
    )
    calls = of_type(extractor, text, "CONSULT")
    assert [c["kind"] for c in calls] == ["phone_call"]
    assert calls[0]["date"] == "2025-02-21"
    assert {"Olaf Scholz", "Vladimir Putin"} <= names(calls[0])


@pytest.mark.parametrize(
    "text",
    [
        "Boric and Boluarte held talks by phone on Monday.",
        "Boric and Boluarte held talks over the phone on Monday.",
        "Boric held talks with Boluarte by telephone on Monday.",
        "On Monday, Boric held talks over the phone with Boluarte, his office said.",
    ],
)
def test_talks_held_by_phone_are_one_call(extractor, text):
    (call,) = of_type(extractor, text, "CONSULT")
    assert call["kind"] == "phone_call"
    assert {"Gabriel Boric", "Dina Boluarte"} <= names(call)


def test_talks_held_after_a_call_with_someone_else_stay_talks(extractor):
    text = "Boric held talks with Boluarte in Lima on Monday, a day after a phone call with Lula."
    kinds = {e["kind"] for e in of_type(extractor, text, "CONSULT") if "Dina Boluarte" in names(e)}
    assert kinds == {"talks"}


@pytest.mark.parametrize(
    "text",
    [
        "Boric held talks with Boluarte in Lima on Monday, and with Lula by phone.",
        "Boric held talks in Lima with Boluarte and by phone with Lula on Monday.",
    ],
)
def test_talks_held_somewhere_stay_talks_beside_a_call_to_another(extractor, text):
    kinds = {e["kind"] for e in of_type(extractor, text, "CONSULT") if "Dina Boluarte" in names(e)}
    assert "talks" in kinds


@pytest.mark.parametrize(
    "text",
    [
        "Chilean ministers held talks in Santiago on the phone call between Boric and Lula.",
        "Boric held talks with Boluarte on Monday over the phone calls intercepted by Peru.",
    ],
)
def test_talks_about_a_call_are_not_the_call(extractor, text):
    held = [e for e in of_type(extractor, text, "CONSULT") if e["kind"] == "talks"]
    assert held, of_type(extractor, text, "CONSULT")


def test_a_conversation_beside_a_meeting_keeps_its_own_kind(extractor):
    text = (
        "Sanchez met Lula in Brasilia on Monday. Their conversation touched on trade, and Lula "
        "later spoke by phone with Petro."
    )
    kinds = {e["kind"] for e in of_type(extractor, text, "CONSULT") if "Petro" not in str(e)}
    assert "phone_call" not in kinds


def test_the_one_urged_in_a_headline_call_was_on_the_call(extractor):
    text = "Scholz urges Putin to withdraw troops in phone call"
    (call,) = of_type(extractor, text, "CONSULT")
    assert {"Scholz", "Putin"} <= {n.split()[-1] for n in names(call)}


def test_a_headline_call_and_the_bodys_call_are_one_record(extractor):
    text = (
        "Meloni urges Erdogan to press Moscow in phone call\n\n"
        "Italian Prime Minister Giorgia Meloni has urged Turkish President Tayyip Erdogan to "
        "press Moscow for a ceasefire, her office said. The two leaders spoke by phone for about "
        "an hour."
    )
    calls = of_type(extractor, text, "CONSULT")
    assert len(calls) == 1


def test_a_call_first_told_in_a_headline_takes_the_leads_day(extractor):
    text = (
        "Egypt, Ethiopia foreign ministers trade blame over dam in phone call\n\n"
        "CAIRO, Feb 26 (Reuters) - The foreign ministers of Egypt and Ethiopia blamed each other "
        "on Wednesday for the stalled talks on the Nile dam.\n\n"
        "In a phone call with Ethiopian Foreign Minister Gedion Timothewos, Egyptian Foreign "
        "Minister Badr Abdelatty said Addis Ababa had acted alone, according to a statement."
    )
    (call,) = of_type(extractor, text, "CONSULT")
    assert call["date"] == "2025-02-26"


def test_talks_a_side_will_continue_are_not_the_talks_held(extractor):
    text = (
        "Iran and US hold talks in Oman\n\n"
        "MUSCAT, Feb 22 - Iran and the United States held talks in Muscat on Saturday and will "
        "continue the dialogue in a week."
    )
    held = [e for e in of_type(extractor, text, "CONSULT") if e["status"] != "planned"]
    assert len(held) == 1
    assert held[0]["date"] == "2025-02-22"


# --- days ---


def test_early_this_morning_in_the_reporters_words_is_the_day_of_publication(extractor):
    text = "Thai and Cambodian army commanders met early this morning at the border post."
    (meeting,) = of_type(extractor, text, "CONSULT")
    assert meeting["date"] == "2025-02-27"


def test_tonight_in_a_quotation_is_not_the_day_of_publication(extractor):
    text = '"We did not sign anything tonight," Vucic told reporters after the talks in Ohrid.'
    for event in events(extractor, text):
        assert event["date"] != "2025-02-27"


def test_what_will_be_done_is_not_dated_by_what_was_done_beside_it(extractor):
    text = (
        "Thailand and Cambodia held their first border meeting on Wednesday, and the two "
        "countries will convene a joint committee meeting."
    )
    (planned,) = [e for e in of_type(extractor, text, "CONSULT") if e["status"] == "planned"]
    assert planned["date"] is None


def test_a_first_meeting_the_day_after_a_summit_is_its_own(extractor):
    text = (
        "The special meeting hosted by Anwar Ibrahim in Putrajaya on Monday produced a ceasefire "
        "between Thailand and Cambodia. The army commanders of Thailand and Cambodia held their "
        "first meeting on Tuesday."
    )
    dates = {e["date"] for e in of_type(extractor, text, "CONSULT")}
    assert "2025-02-25" in dates


# --- the lead's summit ---


def test_a_summit_set_off_at_the_end_of_a_past_lead_was_held_by_those_who_agreed(extractor):
    text = (
        "OTTAWA, Feb 25 - Canadian Prime Minister Mark Carney and Mexican President Claudia "
        "Sheinbaum agreed on Tuesday to expand trade in farm goods, and to restore a working "
        "group on migration, in a summit aimed at easing tension over tariffs."
    )
    (summit,) = [e for e in of_type(extractor, text, "CONSULT") if e["kind"] == "summit"]
    assert {"Mark Carney", "Claudia Sheinbaum"} <= names(summit)
    assert summit["status"] == "concluded"
    assert summit["date"] == "2025-02-25"


def test_a_summit_where_a_deal_will_be_signed_is_still_to_come(extractor):
    text = (
        "Carney and Sheinbaum agreed on Tuesday to sign the trade accord at a summit in Mexico "
        "City next month."
    )
    for event in of_type(extractor, text, "CONSULT"):
        assert event["status"] != "concluded"


def test_the_two_leaders_are_the_last_two_named_when_the_sentence_before_names_one(extractor):
    text = (
        "Kenyan President William Ruto and Tanzanian President Samia Suluhu Hassan agreed on "
        "Monday to reopen the border crossing. Ruto became the first Kenyan leader in a decade to "
        "visit Tanzania. The two leaders held talks at the State House in Dodoma."
    )
    talks = [e for e in of_type(extractor, text, "CONSULT") if e["kind"] == "talks"]
    assert talks and {"William Ruto", "Samia Suluhu Hassan"} <= names(talks[0])


def test_the_two_leaders_stay_unknown_when_three_people_were_just_named(extractor):
    text = (
        "Ruto met Hassan and Museveni in Arusha on Monday. Ruto later flew home. The two leaders "
        "held talks at the State House."
    )
    three = {"William Ruto", "Hassan", "Yoweri Museveni"}
    for event in of_type(extractor, text, "CONSULT"):
        assert not (len(names(event)) == 2 and names(event) < three)  # which two is not told


def test_business_leaders_a_visitor_meets_are_not_their_state(extractor):
    text = "Yoon is scheduled to meet Japanese business leaders and students on Friday."
    for event in of_type(extractor, text, "CONSULT"):
        assert "Japan" not in names(event)


def test_ministers_a_visitor_meets_are_their_state(extractor):
    text = "Yoon is scheduled to meet Japanese ministers on Friday."
    (meeting,) = of_type(extractor, text, "CONSULT")
    assert "Japan" in names(meeting)


# --- meetings proposed in calls, and a call's first telling ---


def test_a_meeting_proposed_during_a_call_is_planned_and_not_dated_by_the_call(extractor):
    text = (
        "French President Emmanuel Macron proposed a meeting with Chinese President Xi Jinping "
        "in Geneva during a phone call on Tuesday."
    )
    consults = of_type(extractor, text, "CONSULT")
    (meeting,) = [e for e in consults if e["kind"] == "meeting"]
    assert meeting["status"] == "planned" and meeting["date"] is None
    (call,) = [e for e in consults if e["kind"] == "phone_call"]
    assert {"Emmanuel Macron", "Xi Jinping"} <= names(call)
    assert call["date"] == "2025-02-25"


def test_a_summit_proposed_for_a_month_is_dated_by_that_month(extractor):
    text = "Macron proposed a summit with Xi in June."
    (summit,) = of_type(extractor, text, "CONSULT")
    assert summit["status"] == "planned" and summit["date"] == "2025-06-01"


def test_a_headlines_base_form_verb_ends_a_name(extractor):
    text = (
        "Putin and Lula Hold First Call Since Election\n\n"
        "Russian President Vladimir Putin and Brazilian President Luiz Inacio Lula da Silva "
        "spoke by phone on Tuesday."
    )
    for event in events(extractor, text):
        assert not any("Hold" in n for n in names(event))


def test_a_headline_agreement_in_a_phone_call_tells_the_call_as_held(extractor):
    text = "Trump, Putin agree to extend arms treaty in first phone call"
    (call,) = of_type(extractor, text, "CONSULT")
    assert call["status"] == "concluded"


def test_their_first_call_is_the_leads_call_and_its_two_leaders_the_leads_pair(extractor):
    text = (
        "Albanese and Modi discuss trade in first call\n\n"
        "CANBERRA, Feb 25 (AP) - Australian Prime Minister Anthony Albanese and Indian Prime "
        "Minister Narendra Modi agreed on Tuesday to expand trade, as Albanese pressed Modi on "
        "the case of jailed journalist Julian Assange.\n\n"
        "In their first call since Albanese took office last month, the two leaders discussed a "
        "trade pact that could be signed within two years, the prime minister's office said."
    )
    (call,) = of_type(extractor, text, "CONSULT")
    assert {"Anthony Albanese", "Narendra Modi"} <= names(call)
    assert call["date"] == "2025-02-25"


def test_both_sides_during_a_meeting_told_before_are_not_the_pair_named_beside_it(extractor):
    text = (
        "India and China agreed to reopen a pilgrimage route during a special representatives "
        "meeting. The meeting was held after Prime Minister Narendra Modi and Chinese President "
        "Xi Jinping met in Kazan.\n\nDuring the meeting, both sides agreed on border measures."
    )
    for event in of_type(extractor, text, "CONSULT"):
        if "special representatives" in event.get("evidence", ""):
            assert "Narendra Modi" not in names(event)


def test_a_declaration_signed_at_a_summit_is_an_agreement_beside_the_summit(extractor):
    text = (
        "Egypt and Jordan signed a declaration of solidarity at the Arab League summit on Tuesday."
    )
    types = {e["type"] for e in events(extractor, text)}
    assert {"AGREE", "CONSULT"} <= types


def test_two_days_of_talks_concluded_are_still_the_talks_concluded(extractor):
    text = "Peru and Chile concluded two days of talks in Lima on Wednesday."
    (talks,) = of_type(extractor, text, "CONSULT")
    assert talks["status"] == "concluded"


def test_leaders_a_summit_was_named_after_took_no_part_in_it(extractor):
    text = (
        "The summit, held at the Maraya concert hall, was named after two late leaders, Sultan "
        "Qaboos bin Said of Oman and Sheikh Sabah Al-Ahmad of Kuwait."
    )
    for event in of_type(extractor, text, "CONSULT"):
        assert not {"Oman", "Kuwait", "Qaboos bin Said"} & names(event)


def test_one_who_signed_alongside_the_signer_is_a_side_of_the_deal(extractor):
    text = (
        "Rebel commander Ivan Marquez signed the peace deal alongside Colombian President Gustavo "
        "Petro on Monday."
    )
    (deal,) = of_type(extractor, text, "AGREE")
    assert {"Ivan Marquez", "Gustavo Petro"} <= names(deal)


def test_a_king_named_by_his_given_name_is_the_reigning_king(extractor):
    text = "King Charles arrived in Berlin on Wednesday for a state visit to Germany."
    (visit,) = of_type(extractor, text, "CONSULT")
    charles = next(p for p in visit["participants"] if "Charles" in p["name"])
    assert charles["country_code"] == "GBR"


def test_a_given_name_under_a_title_one_reigning_person_bears_is_that_person(extractor):
    # the late King Abdullah of Saudi Arabia is known as a former king: Jordan's reigns
    text = "King Abdullah arrived in Paris on Wednesday for talks with Macron."
    (visit,) = of_type(extractor, text, "CONSULT")
    abdullah = next(p for p in visit["participants"] if "Abdullah" in p["name"])
    assert abdullah.get("country_code") == "JOR"


def test_a_summit_named_by_no_body_is_the_body_the_lead_tells_of(extractor):
    text = (
        "ASEAN admits East Timor\n\n"
        "KUALA LUMPUR, Oct 26 (Reuters) - The ASEAN bloc on Sunday admitted East Timor as its "
        "eleventh member.\n\n"
        "The move, announced by Malaysian Prime Minister Anwar Ibrahim on the final day of a "
        "two-day summit in Kuala Lumpur, was welcomed by Indonesian President Prabowo Subianto "
        "and Thai Prime Minister Anutin Charnvirakul, who both attended the summit."
    )
    summits = [e for e in of_type(extractor, text, "CONSULT") if e["kind"] == "summit"]
    assert summits and all("ASEAN" in str(names(s)) for s in summits)


def test_a_summit_named_by_another_body_stays_that_bodys(extractor):
    text = (
        "ASEAN admits East Timor\n\n"
        "KUALA LUMPUR, Oct 26 (Reuters) - The ASEAN bloc on Sunday admitted East Timor as its "
        "eleventh member.\n\n"
        "Prabowo Subianto will attend the G20 summit in Johannesburg next month."
    )
    for event in of_type(extractor, text, "CONSULT"):
        if event["kind"] == "summit" and "G20" in str(names(event)):
            assert "ASEAN" not in str(names(event))


BLOC_LEAD = (
    "West African bloc orders troops readied for Guinea\n\n"
    "The Economic Community of West African States (ECOWAS) on Thursday ordered its defence "
    "chiefs to ready a standby force for Guinea, where soldiers seized power last month.\n\n"
)


def test_a_summit_told_with_no_side_in_an_article_about_one_body_is_that_bodys(extractor):
    text = BLOC_LEAD + (
        "The decision came at an emergency summit in the Ghanaian capital, Accra, two weeks "
        "after a deadline for the junta to free the detained president expired.\n\n"
        "Senegal's president told reporters after the summit that his country would send troops."
    )
    summits = [e for e in of_type(extractor, text, "CONSULT") if e["kind"] == "summit"]
    assert len(summits) == 1, summits  # "after the summit": the one told before
    assert names(summits[0]) == {"Economic Community of West African States"}, summits
    assert summits[0]["location"]["name"] == "Accra", summits


@pytest.mark.parametrize(
    "later",
    [
        "Leaders will meet again at a summit in Accra next month.",
        "The bloc last sent troops after a summit in Accra in 2017.",
        # others' gatherings, or one outside the body's states
        "The call came as world leaders gathered for a climate summit in Accra.",
        "The statement followed a summit in Accra at which Arab leaders discussed the crisis.",
        "The decision came at an emergency summit in Nairobi.",
        "The three juntas announced their new confederation at a summit in Accra.",
    ],
)
def test_a_summit_to_come_long_past_or_of_others_is_not_made_the_bodys(extractor, later):
    for event in of_type(extractor, BLOC_LEAD + later, "CONSULT"):
        assert "West African States" not in str(names(event)), (later, event)


def test_a_summit_of_states_that_left_the_body_is_not_the_bodys(extractor):
    text = BLOC_LEAD + (
        "On Saturday, the military leaders of Mali, Burkina Faso and Niger held a summit in "
        "Niamey, where they signed a treaty creating a confederation."
    )
    for event in of_type(extractor, text, "CONSULT"):
        assert "West African States" not in str(names(event)), event


def test_talks_after_a_dateline_taken_for_a_name_are_still_talks(extractor):
    text = (
        "LIMA, Peru (AP) - Talks between Chile's government and Bolivia broke down Wednesday "
        "without an agreement."
    )
    found = [e for e in events(extractor, text, "2018-02-07") if e["type"] == "CONSULT"]
    assert found and {"Chile", "Bolivia"} <= names(found[0]), found
    assert found[0]["status"] == "concluded", found  # broke down: over, with no deal


def test_a_deal_that_collapsed_is_not_shown_as_made_that_day(extractor):
    text = "The deal between Chile and Bolivia collapsed on Wednesday."
    found = [e for e in events(extractor, text, "2018-02-07") if e["type"] == "AGREE"]
    assert not [e for e in found if e.get("status") == "concluded"], found


def test_a_quarter_of_a_country_tagged_a_person_gives_no_one_the_countrys_name(extractor):
    # the tagger calls "Northern Mali" a person, and the headline's "Mali" too, which the
    # person's "surname" would take
    text = (
        "Mali signs peace deal without rebels\n\n"
        "Northern Mali has seen years of drought.\n\n"
        "Mali and Niger signed a water-sharing deal on Friday."
    )
    for event in of_type(extractor, text, "AGREE"):
        assert "Northern Mali" not in names(event), event
        assert all(p["kind"] != "person" for p in event["participants"]), event


@pytest.mark.parametrize(
    "text",
    [
        "Boric, Boluarte agree to reopen border in Lima meeting",
        "Boric, Boluarte hold talks by phone",
    ],
)
def test_a_headlines_comma_pair_of_leaders_are_both_sides(extractor, text):
    found = [e for e in events(extractor, text) if e["type"] in ("AGREE", "CONSULT")]
    assert found and all({"Gabriel Boric", "Dina Boluarte"} <= names(e) for e in found), found


@pytest.mark.parametrize(
    "text", ["Midweek, Boric meets Boluarte", "Worldwide, Boric met Boluarte in Lima on Monday."]
)
def test_an_adverb_before_a_headlines_comma_is_no_side(extractor, text):
    found = [e for e in events(extractor, text) if e["type"] == "CONSULT"]
    assert found and all(names(e) == {"Gabriel Boric", "Dina Boluarte"} for e in found), found
