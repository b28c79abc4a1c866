"""Talks a sentence tells on the way to something else: a meeting only said to be possible is no
meeting, talks "two days after" which something happened are dated from that day, and a venue
named with its city's possessive is in that city. Sentences are the repository's own."""

from __future__ import annotations

from tests.extract.events_found import events, names, of_type


def test_a_meeting_said_to_be_possible_is_no_meeting(extractor):
    text = (
        "The Turkish spokesman said on Tuesday that a meeting between Erdogan and Aliyev was "
        "possible only once the dispute was settled."
    )
    assert of_type(extractor, text, "CONSULT") == []


def test_a_meeting_said_to_be_productive_was_held(extractor):
    text = "The spokesman said on Tuesday that a meeting between Erdogan and Aliyev was useful."
    assert len(of_type(extractor, text, "CONSULT")) == 1


def test_talks_two_days_before_an_act_told_as_now_are_dated_from_publication(extractor):
    text = (
        "Two days after Turkish and Azerbaijani negotiators met for a second time in Baku, Ankara "
        "has rejected the written terms."
    )
    (meeting,) = of_type(extractor, text, "CONSULT")
    assert meeting["date"] == "2025-02-25"  # told on Thursday the 27th


def test_talks_a_day_before_a_dated_act_are_dated_from_it(extractor):
    text = "A day after Turkey and Azerbaijan held talks in Baku, Erdogan spoke on Tuesday."
    (talks,) = of_type(extractor, text, "CONSULT")
    assert talks["date"] == "2025-02-24"


def test_talks_years_before_an_act_take_no_day(extractor):
    text = "Two years after Turkey and Azerbaijan held talks in Baku, Erdogan says trade is up."
    (talks,) = of_type(extractor, text, "CONSULT")
    assert talks["date"] is None


def test_a_palace_named_with_its_citys_possessive_is_in_that_city(extractor):
    text = "Turkish and Azerbaijani delegations met at Baku's Gulustan Palace on Monday."
    (meeting,) = [e for e in events(extractor, text) if e["type"] == "CONSULT"]
    assert meeting["location"]["name"] == "Baku"


def test_an_agreement_reached_days_before_elsewhere_is_not_the_one_signed(extractor):
    text = (
        "The foreign ministers of Armenia and Azerbaijan signed a declaration in Washington on "
        "Friday. The signing came days after Azerbaijan and Georgia agreed in Tbilisi to open a "
        "border crossing."
    )
    signed = [e for e in of_type(extractor, text, "AGREE") if e["date"] == "2025-02-21"]
    assert signed and all(e["location"]["name"] == "Washington" for e in signed)


def test_a_headline_arrival_on_a_visit_is_the_visit_the_body_tells(extractor):
    text = (
        "Armenia's Nikol Pashinyan arrives in Georgia on landmark visit\n\n"
        "Armenian Prime Minister Nikol Pashinyan has arrived in Georgia's capital, Tbilisi, for a "
        "two-day visit. The visit follows Kobakhidze's trip to Yerevan last month."
    )
    visits = [e for e in of_type(extractor, text, "CONSULT") if e["kind"] == "visit"]
    by_pashinyan = [
        e for e in visits if "Nikol Pashinyan" in {p["name"] for p in e["participants"]}
    ]
    assert len(by_pashinyan) == 1
    assert by_pashinyan[0]["location"]["name"] == "Tbilisi"


def test_a_meeting_the_leaders_agreed_their_envoys_would_hold_is_not_their_talks(extractor):
    text = (
        "Erdogan and Aliyev hold first formal talks in five years\n\n"
        "ANKARA, Feb 27 (Reuters) - Turkish President Recep Tayyip Erdogan and Azerbaijani "
        "President Ilham Aliyev held their first formal bilateral talks in five years on "
        "Thursday.\n\n"
        "The meeting on the sidelines of the summit came two days after Ankara announced a deal "
        "with Baku.\n\n"
        "A Turkish official said the two leaders agreed that their Special Representatives on "
        "the border question would meet at an early date."
    )
    talks = [e for e in of_type(extractor, text, "CONSULT") if e["kind"] == "talks"]
    assert len(talks) == 1 and talks[0]["status"] == "concluded"


def test_a_pair_hyphenated_in_a_headline_the_tagger_called_a_body_are_two_people(extractor):
    text = "Aliyev-Pashinyan meeting in Abu Dhabi: parties reaffirm commitment to talks"
    (meeting,) = of_type(extractor, text, "CONSULT")
    assert {p["name"] for p in meeting["participants"]} == {"Ilham Aliyev", "Nikol Pashinyan"}


def test_a_summit_someone_reaffirmed_the_resolve_to_hold_is_still_to_come(extractor):
    text = (
        "Erdogan said that Aliyev reaffirmed his resolve to hold a summit with Pashinyan during "
        "their meeting in Ankara on Monday."
    )
    summits = [e for e in of_type(extractor, text, "CONSULT") if e["kind"] == "summit"]
    assert summits and all(s["status"] == "planned" for s in summits)


def test_the_two_leaders_met_are_of_the_two_countries_the_sentence_named(extractor):
    text = (
        "BRUSSELS -- Armenia and Azerbaijan have agreed to an EU-backed plan, the bloc's foreign "
        "policy chief Kaja Kallas said after a meeting with the two leaders in Brussels on "
        "Monday."
    )
    (meeting,) = of_type(extractor, text, "CONSULT")
    assert {"Armenia", "Azerbaijan"} <= {p["name"] for p in meeting["participants"]}


def test_what_was_said_after_hosting_two_leaders_tells_of_the_meeting_just_told(extractor):
    text = (
        "BRUSSELS -- Armenia and Azerbaijan have agreed to an EU-backed plan, the bloc's foreign "
        "policy chief Kaja Kallas said after a meeting with the two leaders in Brussels on "
        'Monday. "No further discussions are needed," Kallas told reporters after hosting '
        "Armenian Prime Minister Nikol Pashinyan and Azerbaijani President Ilham Aliyev for "
        "several hours."
    )
    assert len(of_type(extractor, text, "CONSULT")) == 1


def test_a_summit_resolved_on_during_a_meeting_takes_neither_its_day_nor_its_place(extractor):
    text = (
        "Erdogan said that Aliyev reaffirmed his commitment to peace and his resolve to hold a "
        "summit with Pashinyan during their unannounced meeting at Ankara on Saturday."
    )
    summits = [e for e in of_type(extractor, text, "CONSULT") if e["kind"] == "summit"]
    assert summits and all(
        (s["status"], s["date"], s["location"]) == ("planned", None, None) for s in summits
    )


def test_a_lead_meeting_at_the_border_is_not_placed_at_the_dateline(extractor):
    text = (
        "ANKARA, Turkey (AP) — The leaders of Armenia and Azerbaijan met on Saturday in a "
        "surprise meeting at their shared border, Armenia's government said."
    )
    meetings = of_type(extractor, text, "CONSULT")
    assert meetings and all((m["location"] or {}).get("name") != "Ankara" for m in meetings)


def test_a_summit_named_only_as_where_two_leaders_met_is_below_the_line(extractor):
    text = (
        "Presidents William Ruto and Yoweri Museveni met on Tuesday on the sidelines of an East "
        "African Community summit in Arusha."
    )
    found = of_type(extractor, text, "CONSULT")
    meeting = [e for e in found if e["kind"] == "meeting"]
    summit = [e for e in found if e["kind"] == "summit"]
    assert meeting and meeting[0]["confidence"] >= 0.5
    assert summit and summit[0]["confidence"] < 0.5


def test_a_summit_told_in_its_own_right_keeps_its_confidence(extractor):
    text = (
        "An East African Community summit opened in Arusha on Tuesday. Presidents William Ruto "
        "and Yoweri Museveni met on its sidelines."
    )
    summit = [e for e in of_type(extractor, text, "CONSULT") if e["kind"] == "summit"]
    assert summit and summit[0]["confidence"] >= 0.5


def test_a_call_a_leader_asked_something_in_is_no_withdrawal(extractor):
    text = (
        "NAIROBI, March 3 (Reuters) - Kenyan President William Ruto urged Ugandan President "
        "Yoweri Museveni on Monday to end the standoff and withdraw his troops, in their first "
        "phone call since June 2023, the Kenyan presidency said."
    )
    found = events(extractor, text, "2025-03-03")
    call = [e for e in found if e["type"] == "CONSULT" and e["kind"] == "phone_call"]
    assert call and call[0]["date"] == "2025-03-03"
    assert {"William Ruto", "Yoweri Museveni"} <= {p["name"] for p in call[0]["participants"]}
    assert not [e for e in found if e["type"] in ("SANCTION", "RETREAT")]


def test_talks_told_before_the_history_an_article_recalls_are_not_that_history(extractor):
    text = (
        "KAMPALA (AP) - Museveni told Ruto on Friday that the two countries should be partners.\n\n"
        "Museveni received Ruto at State House in Entebbe at the end of a three-day visit.\n\n"
        "In June 2023 Ruto met Museveni in the same building, a trip that eased the dispute."
    )
    meetings = [e for e in of_type(extractor, text, "CONSULT") if e["kind"] == "meeting"]
    assert len(meetings) == 2
    assert sorted(e["date"] or "-" for e in meetings) == ["-", "2023-06-01"]


def test_a_visit_returned_from_is_over(extractor):
    text = (
        "NAIROBI, March 3 (Reuters) - Kenyan President William Ruto returned on Saturday from a "
        "five-day state visit to China, where he signed 20 agreements."
    )
    (visit,) = [e for e in events(extractor, text, "2025-03-03") if e["kind"] == "visit"]
    assert visit["status"] == "concluded"


def test_talks_a_minister_left_a_capital_after_were_held_there_not_on_his_next_stop(extractor):
    text = (
        "PARIS, March 3 (Reuters) - The announcement came hours after French Foreign Minister "
        "Jean-Noel Barrot left Dakar following talks with President Bassirou Diomaye Faye.\n\n"
        "Barrot, who travelled on to Ethiopia, was not available for comment."
    )
    talks = [e for e in of_type(extractor, text, "CONSULT") if e["kind"] == "talks"]
    assert talks and talks[0]["location"]["name"] == "Dakar"


def test_a_summit_s_own_name_is_not_its_place(extractor):
    text = "Obama will attend the East Asia Summit on Saturday."
    (summit,) = of_type(extractor, text, "CONSULT")
    assert summit["location"] is None or "Summit" not in summit["location"]["name"]


def test_a_capital_the_tagger_missed_is_where_talks_happen(extractor):
    text = (
        "In Kyiv, Macron is meeting President Volodymyr Zelensky before heading to Berlin in the "
        "evening."
    )
    (meeting,) = of_type(extractor, text, "CONSULT")
    assert meeting["location"] and meeting["location"]["name"] == "Kyiv"


def test_a_summit_that_opens_on_a_weekday_is_still_to_come(extractor):
    text = (
        "Kenya's William Ruto is expected on Tuesday, when the East African Community summit "
        "formally opens in Arusha."
    )
    (summit,) = of_type(extractor, text, "CONSULT")
    assert (summit["date"], summit["status"]) == ("2025-03-04", "planned")


def test_a_summit_arrived_for_is_the_summit_the_body_dates_not_a_dialogue_beside_it(extractor):
    text = (
        "Arusha was under heavy security as heads of state began arriving for the East African "
        "Community summit.\n\n"
        "Kenya's William Ruto is expected on Tuesday, when the summit formally opens.\n\n"
        "The East African Community held a dialogue with business leaders on Wednesday."
    )
    summits = [e for e in of_type(extractor, text, "CONSULT") if e["kind"] == "summit"]
    assert len(summits) == 1 and summits[0]["date"] == "2025-03-04"


def test_a_summit_a_leader_is_hosting_on_a_weekday_is_to_come(extractor):
    text = (
        "Kenyan President William Ruto is hosting East African leaders at a summit in Nairobi "
        "on Sunday to discuss the border."
    )
    summits = [e for e in of_type(extractor, text, "CONSULT") if e["kind"] == "summit"]
    assert summits and (summits[0]["date"], summits[0]["status"]) == ("2025-03-02", "planned")


def test_the_two_diplomats_are_the_last_two_people_named_of_two_countries(extractor):
    text = (
        "Kenyan Foreign Minister Musalia Mudavadi and his Ugandan counterpart Jeje Odongo "
        "arrived in Arusha on Tuesday.\n\n"
        "It was the second conversation between the two diplomats since the border row began."
    )
    talks = [e for e in of_type(extractor, text, "CONSULT") if e["kind"] == "talks"]
    assert talks and {"Musalia Mudavadi", "Jeje Odongo"} <= names(talks[0])


def test_the_two_diplomats_are_no_one_when_three_were_named(extractor):
    text = (
        "Kenya's Musalia Mudavadi, Uganda's Jeje Odongo and Tanzania's Mahmoud Thabit Kombo "
        "arrived in Arusha on Tuesday.\n\n"
        "It was the second conversation between the two diplomats since the border row began."
    )
    talks = [e for e in of_type(extractor, text, "CONSULT") if e["kind"] == "talks"]
    assert not any({"Musalia Mudavadi", "Jeje Odongo"} <= names(e) for e in talks)


def test_a_summit_on_an_island_is_there(extractor):
    text = "Indonesia will host the G20 summit on the resort island of Bali in November."
    (summit,) = of_type(extractor, text, "CONSULT")
    assert summit["location"] and summit["location"]["name"] == "Bali"


def test_two_summits_of_two_bodies_are_two(extractor):
    text = (
        "JAKARTA, Feb 27 (AP) - Indonesian President Joko Widodo met Putin in the Kremlin on "
        "Thursday.\n\n"
        "Indonesia will host the G20 summit on the resort island of Bali in November and has "
        "invited both Putin and Zelenskyy.\n\n"
        "Before his trip to Ukraine, Widodo attended the Group of Seven summit in the German Alps "
        "as a guest."
    )
    summits = [e for e in of_type(extractor, text, "CONSULT") if e["kind"] == "summit"]
    assert len(summits) == 2
