"""Which occasion a mention of talks belongs to, who held them and when: the lead's talks are
the news, a meeting told as the last one or as waited for is another, and a phrase such as "the
two leaders" or "after a call with X" still names who took part. Sentences are the repository's
own."""

from __future__ import annotations

import pytest
from spacy.tokens import Span

from bot.extract.dates import resolve_date
from bot.extract.entities import link_entities
from bot.extract.extractor import ExtractRequest

PUBLISHED = "2025-02-27"  # a Thursday


def events(extractor, text: str, published: str = PUBLISHED) -> list[dict]:
    found = extractor.extract(ExtractRequest("t", text, published)).to_json()["events"]
    return [e for e in found if e["confidence"] >= 0.5]


def of_type(extractor, text: str, type_: str, published: str = PUBLISHED) -> list[dict]:
    return [e for e in events(extractor, text, published) if e["type"] == type_]


def names(event: dict) -> set[str]:
    return {p["name"] for p in event["participants"]}


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("late January", ("2025-01-01", "month")),
        ("in early February", ("2025-02-01", "month")),
        ("mid-January 2024", ("2024-01-01", "month")),
        ("the end of March", ("2024-03-01", "month")),  # in the past: last March
        ("the end of the month", ("2025-02-01", "month")),
        ("early next year", ("2026-01-01", "year")),
        ("Thursday through Sunday", ("2025-02-27", "day")),  # the first day of the span
        ("late on Wednesday", ("2025-02-26", "day")),
    ],
)
def test_a_part_of_a_month_or_year_is_dated_to_that_month_or_year(phrase, expected):
    assert resolve_date(phrase, PUBLISHED, "past") == expected


def test_the_two_leaders_are_the_two_people_named_before_them(extractor):
    text = (
        "Fijian Prime Minister Sitiveni Rabuka said on Thursday that Tongan Prime Minister "
        "Siaosi Sovaleni had agreed to reopen the reef to fishing boats, after the two leaders "
        "spoke by telephone."
    )
    calls = [e for e in of_type(extractor, text, "CONSULT") if e["kind"] == "phone_call"]
    assert calls and {"Sitiveni Rabuka", "Siaosi Sovaleni"} <= names(calls[0])
    # three people named: which two spoke is not told
    crowd = text.replace("said on", "and Samoan Prime Minister Fiame Naomi Mata'afa said on")
    assert not any("Sitiveni Rabuka" in names(e) for e in of_type(extractor, crowd, "CONSULT"))


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        (  # talks beside a named subject's act were that subject's
            "SUVA, Feb 27 (Pacific Wire) - Fijian Prime Minister Sitiveni Rabuka said on Thursday "
            "he would lift the fishing ban on Tongan boats, after a phone call with Tongan Prime "
            "Minister Siaosi Sovaleni.",
            {"Sitiveni Rabuka", "Siaosi Sovaleni"},
        ),
        (
            "Fiji's prime minister Sitiveni Rabuka lifted the fishing ban on Wednesday after "
            "speaking by phone with Tongan Prime Minister Siaosi Sovaleni.",
            {"Sitiveni Rabuka", "Siaosi Sovaleni"},
        ),
        (  # a call the parser hangs on a noun of what was discussed
            "Fijian Foreign Minister Lisiate Akolo and his Tongan counterpart Siaosi Sovaleni "
            "discussed prospects for a reef settlement and the safety of navigation in the Koro "
            "Sea in a telephone conversation on Thursday, the Fijian Foreign Ministry said.",
            {"Lisiate Akolo", "Siaosi Sovaleni"},
        ),
    ],
)
def test_who_held_a_call_is_found_however_it_is_told(extractor, text, sides):
    calls = [e for e in of_type(extractor, text, "CONSULT") if e["kind"] == "phone_call"]
    assert calls and sides <= names(calls[0])


def test_where_the_parties_last_met_is_not_where_they_meet_now(extractor):
    text = (
        "SUVA, Feb 27 - The foreign ministers of Fiji and Tonga began two days of talks in "
        "Fiji's largest city on Thursday. The ministers last met in Nuku'alofa in late "
        "January at talks hosted by King Tupou VI."
    )
    talks = [e for e in of_type(extractor, text, "CONSULT") if e["date"] == PUBLISHED]
    assert talks and talks[0]["location"]["name"] == "Suva"
    assert "Tupou VI" not in names(talks[0])


def test_talks_told_in_a_when_clause_are_at_its_time(extractor):
    text = (
        "Rabuka met Tonga's Prime Minister Siaosi Sovaleni in Suva on Monday. Rabuka last "
        "travelled to Tonga in May 2024, when he held talks with both Sovaleni and King "
        "Tupou VI."
    )
    (monday,) = [e for e in of_type(extractor, text, "CONSULT") if e["date"] == "2025-02-24"]
    assert "Tupou VI" not in names(monday)


def test_a_visit_and_talks_on_one_trip_are_one_occasion_not_the_last_visit(extractor):
    text = (
        "Prime Minister Sitiveni Rabuka travelled to Nuku'alofa on Tuesday for a one-day visit "
        "and talks with Tongan Prime Minister Siaosi Sovaleni. The visit followed Sovaleni's "
        "trip to Suva on Jan. 10, at which the leaders agreed to revive the reef talks."
    )
    found = of_type(extractor, text, "CONSULT")
    lead = [e for e in found if e["date"] == "2025-02-25"]
    assert lead and {"Sitiveni Rabuka", "Siaosi Sovaleni"} <= names(lead[0])
    assert lead[0]["location"]["name"] == "Nuku'alofa"
    assert not any(e["date"] == "2025-01-10" and "Sitiveni Rabuka" in names(e) for e in found)


def test_a_deal_waited_for_has_not_been_made(extractor):
    text = (
        "Exporters in Suva said they would keep their plans in place until a permanent deal "
        "between Fiji and Tonga is announced."
    )
    assert of_type(extractor, text, "AGREE") == []
    held = "Fighting went on until a deal between Fiji and Tonga was signed in Suva on Monday."
    assert of_type(extractor, held, "AGREE")


def test_talks_to_open_next_year_are_planned(extractor):
    text = "Fiji and Tonga agreed on Tuesday to open talks early next year on fishing rights."
    talks = of_type(extractor, text, "CONSULT")
    assert talks and all(e["status"] == "planned" for e in talks)


def statements(extractor, text: str) -> list[dict]:
    found = extractor.extract(ExtractRequest("t", text, PUBLISHED)).to_json()["statements"]
    return [s for s in found if s["confidence"] >= 0.5]


@pytest.mark.parametrize(
    ("text", "title", "person"),
    [
        (
            "Vietnamese Communist Party General Secretary To Lam and Fiji's Sitiveni Rabuka agreed "
            "on Tuesday to deepen fisheries cooperation.",
            "Secretary",
            "To Lam",
        ),
        (
            "Prime Minister Datuk Seri Anwar Ibrahim met Fiji's Sitiveni Rabuka in Suva on "
            "Tuesday.",
            "Datuk Seri",
            "Anwar Ibrahim",
        ),
        (  # a people of two words the tagger calls a person is their country
            "Fiji's Sitiveni Rabuka held talks with Papua New Guinean Prime Minister James "
            "Marape in Suva on Tuesday.",
            "Papua New Guinean",
            "Papua New Guinea",
        ),
    ],
)
def test_a_title_or_a_people_cut_from_a_name_is_nobody(extractor, text, title, person):
    found = events(extractor, text)
    assert found and all(title not in names(e) for e in found)
    assert any(person in names(e) for e in found)


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        (
            "Earlier on Wednesday, Mr Peters also called on the King's Representative, Tom "
            "Marsters.",
            "REQUEST",
        ),
        ("Fiji has hosted more than 1.2 million Tongans who have fled the storms.", "CONSULT"),
        ("Fiji has called the Tongan dam an existential threat.", "THREATEN"),
        ("Rabuka will visit Tonga on Friday, seeking to bolster fisheries ties.", "REQUEST"),
        ("Rabuka thanked the leaders of Tonga and Samoa for their sincere greetings.", "SUPPORT"),
        ("Rabuka accused Nuku'alofa of trying to rewrite what had been agreed.", "AGREE"),
        (
            "Fiji's prime minister Sitiveni Rabuka said the three countries should strengthen "
            "dialogue.",
            "REQUEST",
        ),
        ("Putin lands in Suva after signing a fisheries pact with Tonga in Nuku'alofa.", "AGREE"),
    ],
)
def test_what_a_word_alone_does_not_make(extractor, text, type_):
    wrong = [
        e
        for e in of_type(extractor, text, type_)
        if type_ != "AGREE" or (e["location"] or {}).get("name") == "Suva"
    ]
    assert wrong == []


def test_what_those_words_still_make(extractor):
    assert of_type(extractor, "Peters called on Brown to hold a referendum.", "REQUEST")
    assert of_type(extractor, "Fiji hosted two Tongan generals on Monday.", "CONSULT")
    assert of_type(extractor, "Fiji threatened Tonga with retaliation on Monday.", "THREATEN")


def test_a_visit_to_several_countries_has_no_one_place(extractor):
    text = "The Fijian delegation has already visited Tonga, Samoa, Vanuatu and Nauru this month."
    visits = of_type(extractor, text, "CONSULT")
    assert visits and all(e["location"] is None for e in visits)


def test_a_news_agency_reporting_is_no_speaker(extractor):
    text = (
        "Rabuka received Tonga's foreign minister in Suva on Tuesday, the official Bernama news "
        "agency reported. Sovaleni also held talks with his Fijian counterpart, Bernama said."
    )
    assert all("Bernama" not in (s["speaker"] or "") for s in statements(extractor, text))


@pytest.mark.parametrize(
    ("text", "speaker", "day"),
    [
        (
            "Rabuka, speaking in Suva on Monday, said the reef would reopen to Tongan boats.",
            "Rabuka",
            "2025-02-24",
        ),
        (
            "Fiji's foreign ministry said in a statement late on Monday that the reef would "
            "reopen to Tongan boats.",
            "Fiji",
            "2025-02-24",
        ),
        (
            "In Suva on Wednesday, Rabuka hailed the pact, while Sovaleni said it was a "
            "breakthrough for the region.",
            "Sovaleni",
            "2025-02-26",
        ),
    ],
)
def test_words_are_dated_by_the_occasion_told_with_them(extractor, text, speaker, day):
    said = [s for s in statements(extractor, text) if speaker in (s["speaker"] or "")]
    assert said and said[0]["date"] == day


@pytest.mark.parametrize(
    ("text", "days"),
    [
        (  # words the speaker goes on with, with no day of their own, were said then too
            "Fijian Prime Minister Sitiveni Rabuka told a rally in Suva on Tuesday that the reef "
            'would reopen to Tongan boats.\n\n"This is a day for both our peoples," he said.\n\n'
            "Rabuka met Tongan Prime Minister Siaosi Sovaleni on Wednesday. "
            '"We are neighbours first," Rabuka said.',
            # the rally's day, not the article's; after a day told between, another occasion
            {"This is a da": "2025-02-25", "We are neigh": PUBLISHED},
        ),
        (  # a lead sums up what the next sentence quotes and dates
            "Fiji to reopen reef to Tongan boats, Rabuka says\n\n"
            "SUVA, Feb 27 (Pacific Wire) - Fijian Prime Minister Sitiveni Rabuka said the reef "
            'would reopen to Tongan boats.\n\n"The reef is open to our neighbours," Rabuka told a '
            "rally in Suva on Tuesday.\n\nRabuka had said on Sunday that the reef was closed to "
            "everyone.",
            {"the reef wou": "2025-02-25"},
        ),
    ],
)
def test_words_are_dated_by_the_occasion_they_belong_to(extractor, text, days):
    said = [s for s in statements(extractor, text) if "Rabuka" in (s["speaker"] or "")]
    found = {s["content"][:12]: s["date"] for s in said}
    assert {prefix: found.get(prefix) for prefix in days} == days


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (  # said afterwards: the lead's day, not the dateline's
            "SUVA, Feb 27 (Pacific Wire) - Fiji and Tonga agreed on Wednesday to reopen the reef, "
            "in their first talks in a year.\n\nThe two leaders met for four hours at the "
            "harbour. Rabuka told reporters afterwards that the talks were the best he had had.",
            "Rabuka",
        ),
        (  # told to the one met, however far back the talks were told
            "SUVA, Feb 27 (Pacific Wire) - Rabuka and Sovaleni agreed on Wednesday to reopen the "
            "reef, in their first talks in a year.\n\nThe two leaders met for four hours at the "
            "harbour. Officials said fishing boats would return next month. Tonga's fleet has "
            "waited since June. Boat owners welcomed the news. Prices of fish have risen. Markets "
            "in Suva are busy.\n\nSovaleni told Rabuka that the reef belonged to both peoples.",
            "Sovaleni",
        ),
    ],
)
def test_words_said_at_undated_talks_take_the_leads_day(extractor, text, speaker):
    said = [s for s in statements(extractor, text) if speaker in (s["speaker"] or "")]
    assert said and said[0]["date"] == "2025-02-26"


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (
            "Fiji said on Thursday it had closed its reef to Tongan boats, escalating a row with "
            "its neighbour.",
            "it had closed its reef to Tongan boats",
        ),
        (
            "SUVA/NUKU'ALOFA, Feb 27 (Pacific Wire) - Fiji and Tonga have agreed to reopen the "
            "reef, Samoa said on Thursday.",
            "Fiji and Tonga have agreed to reopen the reef",
        ),
        (  # a comma inside the quoted words is the speaker's
            'Rabuka said the reef was "closed, escalating nothing" for now.',
            'the reef was "closed, escalating nothing" for now',
        ),
    ],
)
def test_reported_words_end_before_the_reporters_gloss(extractor, text, said):
    assert said in [s["content"] for s in statements(extractor, text)]


@pytest.mark.parametrize(
    ("text", "words", "day"),
    [
        (  # a date in an aside about the one told is not the talks'
            "Rabuka held talks with Tongan Prime Minister Siaosi Sovaleni in Suva on Wednesday. "
            "Sovaleni, whose country took over the forum's chair on Monday, said after the talks "
            "that the reef would reopen. Rabuka said he had told Sovaleni that Fiji was ready to "
            "share the catch.",
            "that Fiji was ready",
            "2025-02-26",
        ),
        (  # words said sitting beside the one met
            "Rabuka met Tongan Prime Minister Siaosi Sovaleni in Suva on Tuesday. Sitting beside "
            "Rabuka at the harbour, Sovaleni said the reef would reopen.",
            "the reef would reopen",
            "2025-02-25",
        ),
        (  # words said at a place a visit took the speaker to
            "On Sunday, Rabuka visited the harbour in Nuku'alofa, where he announced that Fiji "
            "would send two patrol boats.",
            "that Fiji would send",
            "2025-02-23",
        ),
        (  # only the month is told: no day
            "Rabuka said at the end of December that Tonga was training the rebels.",
            "that Tonga was training",
            None,
        ),
    ],
)
def test_words_take_the_day_of_where_and_whom_they_were_said_to(extractor, text, words, day):
    said = [s for s in statements(extractor, text) if s["content"].startswith(words)]
    assert said and said[0]["date"] == day


def test_a_press_conference_is_not_the_talks_the_words_were_said_after(extractor):
    text = (
        "Rabuka will travel to Nuku'alofa for the 13th annual consultation with Sovaleni, the "
        'foreign minister said today. "We want results," he told a press conference after '
        "meeting his Tongan counterpart."
    )
    said = [s for s in statements(extractor, text) if s["content"].startswith("We want")]
    assert said and said[0]["date"] == PUBLISHED  # not the 13th of the month


def test_words_someone_has_said_were_said_on_no_one_day(extractor):
    text = (
        "Fiji and Tonga reopened the reef on Tuesday. Rabuka has repeatedly said he is willing "
        "to meet the Tongan king without preconditions."
    )
    said = [s for s in statements(extractor, text) if s["content"].startswith("he is willing")]
    assert said and said[0]["date"] is None  # not the article's day


def test_a_summit_due_to_be_held_is_planned_where_and_when_it_is_due(extractor):
    text = "The second China-Central Asia summit is due to be held in Kazakhstan next year."
    (summit,) = of_type(extractor, text, "CONSULT")
    assert summit["status"] == "planned" and summit["date"] == "2026-01-01"
    assert summit["location"]["name"] == "Kazakhstan"  # not the region paired with China


@pytest.mark.parametrize(
    ("second", "day"),
    [
        (
            "In a statement issued on Tuesday, the ministry said the envoy had been called home.",
            "2025-02-25",
        ),
        # done by the filing, on a day the article does not tell
        ("The ministry did not say when the envoy would leave.", None),
    ],
)
def test_an_act_a_lead_tells_as_done_is_dated_by_its_announcement(extractor, second, day):
    text = (
        "SUVA, Feb 27 (Pacific Wire) - Fiji has recalled its ambassador to Tonga for "
        f"consultations, the Fijian foreign ministry said.\n\n{second}"
    )
    recalled = [e for e in events(extractor, text) if e["kind"] == "recall"]
    assert recalled and recalled[0]["date"] == day


def test_whom_a_visitor_also_met_is_another_meeting(extractor):
    text = (
        "Rabuka met Tongan Prime Minister Siaosi Sovaleni at the palace in Nuku'alofa. "
        "It was Rabuka's first trip abroad this year. He also met Foreign Minister Fekitamoeloa "
        "Utoikamanu and toured the harbour."
    )
    met = [e for e in events(extractor, text) if "Siaosi Sovaleni" in names(e)]
    assert met and all("Fekitamoeloa Utoikamanu" not in names(e) for e in met)


def test_a_meeting_also_held_is_not_on_a_trip_of_another_month(extractor):
    text = (
        "Fiji's foreign minister Lisiate Akolo held talks with Tongan Prime Minister Siaosi "
        "Sovaleni in Nuku'alofa on Tuesday. Akolo also had a 45-minute meeting with King Tupou. "
        "Akolo visited Suva in June for a regional forum."
    )
    talks = [e for e in events(extractor, text) if e["type"] == "CONSULT"]
    with_king = [e for e in talks if "Tupou" in names(e)]
    assert with_king and all("Siaosi Sovaleni" not in names(e) for e in with_king)
    assert all(e["date"] != "2024-06-01" for e in with_king)  # not the June trip's


@pytest.mark.parametrize(
    "text",
    [
        "Fiji's foreign minister Lisiate Akolo visited Nuku'alofa on Tuesday and met Sovaleni.",
        "Rabuka will travel on Friday to Tonga, where he is due to hold talks with Sovaleni in "
        "Nuku'alofa.",
        "Rabuka held talks with Sovaleni in Nuku'alofa on Tuesday, on his first trip abroad as "
        "prime minister.",
    ],
)
def test_a_trip_and_the_talks_held_on_it_are_one_occasion(extractor, text):
    assert len(of_type(extractor, text, "CONSULT")) == 1


def test_a_building_the_tagger_ran_into_the_date_is_not_named_with_it(extractor):
    text = (
        "Rabuka held talks with Chinese President Xi Jinping at the Great Hall of the People "
        "on Saturday."
    )
    (talks,) = of_type(extractor, text, "CONSULT")
    assert not (talks["location"] or {}).get("name", "").endswith(" on")


def test_a_plan_called_off_is_planned_no_longer(extractor):
    text = (
        "SUVA, Feb 27 (Pacific Wire) - Fijian Prime Minister Sitiveni Rabuka said he had "
        "cancelled a planned summit with Tongan Prime Minister Siaosi Sovaleni in Nuku'alofa."
        "\n\nRabuka had announced the Nuku'alofa meeting after a lengthy phone call with Sovaleni "
        "on Feb. 20, saying the two leaders would meet in the Tongan capital within about two "
        "weeks.\n\nRabuka will travel to Samoa next month."
    )
    found = events(extractor, text)
    meeting = [e for e in found if e["kind"] == "meeting" and "Siaosi Sovaleni" in names(e)]
    assert meeting and all(e["status"] != "planned" for e in meeting)
    assert [e for e in found if e["kind"] == "visit" and e["status"] == "planned"]  # a new plan


def test_sitting_down_with_someone_is_meeting_them(extractor):
    (met,) = of_type(
        extractor, "On Friday Rabuka sat down with Tonga's prime minister in Suva.", "CONSULT"
    )
    assert met["kind"] == "meeting" and {"Sitiveni Rabuka", "Tonga"} <= names(met)


def test_a_meeting_ahead_of_which_another_is_planned_is_not_that_one(extractor):
    text = (
        "Tongan Foreign Minister Lisiate Akolo has held talks with Fiji's Prime Minister Sitiveni "
        "Rabuka in Suva, in the latest sign of warming ties. The meeting on Wednesday focused on "
        "fisheries. The visit comes ahead of a planned trilateral meeting with Samoa, which "
        "brokered the 2023 deal."
    )
    met = [e for e in of_type(extractor, text, "CONSULT") if e["date"] == "2025-02-26"]
    assert met and "Samoa" not in names(met[0])


def test_an_event_told_only_in_a_headline_is_below_the_line(extractor):
    text = (
        "Fiji, Tonga sign fisheries pact as Rabuka visits Nuku'alofa\n\n"
        "Fiji's prime minister Sitiveni Rabuka and Tonga's prime minister Siaosi Sovaleni "
        "signed a fisheries agreement in Nuku'alofa on Tuesday."
    )
    shown = events(extractor, text)
    assert shown and all("as Rabuka visits" not in e["evidence"] for e in shown)
    body = [e for e in shown if e["type"] == "AGREE"]
    assert body and body[0]["date"] == "2025-02-25"


@pytest.mark.parametrize(
    "text",
    [
        "During Tuesday's meeting, Rabuka said the reef would reopen.",
        "Rabuka said after Tuesday's talks that the reef would reopen.",
        "Rabuka hosted Sovaleni in Suva on Tuesday. At a joint news conference, Rabuka said the "
        "reef would reopen.",
        "Rabuka met Sovaleni in Suva on Tuesday. Rabuka told reporters afterwards that the reef "
        "would reopen.",
        'Rabuka met Sovaleni in Suva on Tuesday. "The reef will reopen," Rabuka said after the '
        "talks.",
        # a ceremony is held on the day of the act told just before, whatever it was
        "Fiji opened its first embassy in Nuku'alofa on Tuesday. Rabuka said at the opening "
        "ceremony that the reef would reopen.",
        "Rabuka was sworn in as prime minister on Tuesday. Rabuka said in his inaugural address "
        "that the reef would reopen.",
        # the speaker's own "today" is the day of the words, not a day the text gives
        'Rabuka met Sovaleni in Suva on Tuesday. "Today we reopened the reef," Rabuka told a '
        "joint news conference.",
        # the phrase hangs on how the words were given
        'Rabuka met Sovaleni in Suva on Tuesday. "The reef will reopen," Rabuka said in a '
        "statement after the talks.",
        # a lead names the talks the next sentence tells and dates
        "Fiji and Tonga have agreed to reopen the reef, Rabuka said after hosting Sovaleni in "
        "Suva. The two leaders held talks on Tuesday before signing the pact.",
    ],
)
def test_words_said_at_a_dated_meeting_take_its_day(extractor, text):
    said = statements(extractor, text)
    assert said and said[0]["date"] == "2025-02-25"


def test_hosting_leaders_for_a_summit_is_that_summit_to_come(extractor):
    text = (
        "Rabuka will host the leaders of the European Union in Suva on Monday for the first "
        "post-Brexit summit between Fiji and the European Union."
    )
    (summit,) = of_type(extractor, text, "CONSULT")
    assert summit["kind"] == "summit" and summit["status"] == "planned"
    assert summit["date"] == "2025-03-03"  # the Monday to come, not the one gone by
    assert not any(n.startswith("post-") for n in names(summit))  # a modifier, no side


def test_a_summit_called_off_is_cancelled_not_a_call(extractor):
    text = "A planned summit between Rabuka and Sovaleni was called off in December."
    (off,) = of_type(extractor, text, "SANCTION")
    assert off["kind"] == "cancel"


def test_one_act_told_twice_in_a_sentence_is_one_event(extractor):
    text = "Tonga's foreign minister Lisiate Akolo welcomed the decision and thanked Fiji."
    support = of_type(extractor, text, "SUPPORT")
    assert len(support) == 1 and "Fiji" in names(support[0])


def test_a_short_name_two_countries_share_is_the_one_the_article_names(extractor):
    text = (
        "DR Congo and Angola sign border deal in Luanda. The foreign ministers of Congo and "
        "Angola signed the agreement on Friday."
    )
    codes = {p["country_code"] for e in events(extractor, text) for p in e["participants"]}
    assert "COD" in codes and "COG" not in codes


def test_a_body_whose_name_has_an_and_is_still_a_side(extractor):
    text = "The African Union Peace and Security Council met Fiji's Sitiveni Rabuka on Friday."
    met = of_type(extractor, text, "CONSULT")
    assert met and "African Union Peace and Security Council" in names(met[0])


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Fiji's Sitiveni Rabuka spoke with Tonga's Siaosi Sovaleni on Wednesday.", "talks"),
        (  # the phone says it was a call: one event, not a call and talks
            "Fiji's Sitiveni Rabuka spoke with Tonga's Siaosi Sovaleni by phone on Wednesday.",
            "phone_call",
        ),
        (  # so does the article, naming the conversation a call afterwards
            "Fiji's Sitiveni Rabuka spoke with Tonga's Siaosi Sovaleni on Wednesday. The call "
            "came a week before the Pacific Islands Forum.",
            "phone_call",
        ),
    ],
)
def test_speaking_with_a_leader_of_another_country_is_a_consultation(extractor, text, kind):
    found = of_type(extractor, text, "CONSULT")
    assert [(e["kind"], e["date"]) for e in found] == [(kind, "2025-02-26")]
    assert {"Sitiveni Rabuka", "Siaosi Sovaleni"} <= names(found[0])


def test_a_country_and_a_name_tagged_one_body_are_the_country_and_the_person(extractor):
    doc = extractor.nlp("Sovaleni visits Suva. President of Tonga S. Sovaleni held talks in Suva.")
    words = [t.text for t in doc]
    first, tonga = words.index("Sovaleni"), words.index("Tonga")
    # as the tagger cuts such names: the country and the initialled name one body
    doc.ents = [
        Span(doc, first, first + 1, label="PERSON"),
        Span(doc, tonga, tonga + 3, label="ORG"),
    ]
    found = {e.name: (e.kind, e.country_code) for e in link_entities(doc).entities()}
    # (the capital the tagger left untagged is a place too)
    assert found == {
        "Siaosi Sovaleni": ("person", "TON"),  # as the knowledge base knows him
        "Tonga": ("country", "TON"),
        "Suva": ("place", "FJI"),
    }


def test_a_body_of_two_countries_cut_after_the_first_is_the_two_countries(extractor):
    doc = extractor.nlp("They will convene the Fiji–Tonga Joint Commission on Fisheries.")
    words = [t.text for t in doc]
    fiji, tonga, end = words.index("Fiji"), words.index("Tonga"), len(doc) - 1
    # as the tagger cuts such names: the first country apart, the rest one body
    doc.ents = [Span(doc, fiji, fiji + 1, label="GPE"), Span(doc, tonga, end, label="ORG")]
    found = {e.name: e.kind for e in link_entities(doc).entities()}
    assert found == {"Fiji": "country", "Tonga": "country"}


def test_a_ceasefire_agreed_under_mediation_is_one_act_and_the_mediators_no_sides(extractor):
    text = (
        "Fiji and Tonga fought over fishing grounds in January. A ceasefire was agreed in Apia "
        "on Feb. 19 under Samoan and New Zealand mediation."
    )
    assert all(not {"Samoa", "New Zealand"} & names(e) for e in of_type(extractor, text, "AGREE"))
    one_act = extractor.extract(ExtractRequest("t", text, PUBLISHED)).to_json()["events"]
    assert len([e for e in one_act if e["type"] == "AGREE"]) <= 1


def test_a_host_meeting_two_delegations_in_turn_holds_two_meetings(extractor):
    text = (
        "New Zealand's Winston Peters, who led his country's delegation to the inauguration, met "
        "President Ratu Wiliame Katonivere at the government buildings. Katonivere also met on "
        "Saturday with Tonga's Siaosi Sovaleni and Samoa's Fiame Naomi Mata'afa."
    )
    met = of_type(extractor, text, "CONSULT", published="2025-03-02")
    with_tonga = [e for e in met if "Tonga" in names(e)]
    assert with_tonga and all("Winston Peters" not in names(e) for e in with_tonga)


def test_a_meeting_on_the_sidelines_is_not_the_summit_beside_it(extractor):
    text = (
        "HONIARA, Sept 1 (Pacific Wire) - Leaders of the Pacific Islands Forum opened their "
        "summit in Honiara on Monday. On Sunday, Fiji's Sitiveni Rabuka met Tonga's Siaosi "
        "Sovaleni on the sidelines."
    )
    found = events(extractor, text, published="2025-09-01")
    met = [e for e in found if "Sitiveni Rabuka" in names(e)]
    assert [(e["kind"], e["date"]) for e in met] == [("meeting", "2025-08-31")]


def test_one_leader_meeting_two_others_on_two_days_holds_two_meetings(extractor):
    text = (
        "On Sunday, Fiji's Sitiveni Rabuka met Tonga's Siaosi Sovaleni. The Tongan leader "
        "Siaosi Sovaleni met New Zealand's Winston Peters on Monday after the two shared a car "
        "to the venue."
    )
    met = of_type(extractor, text, "CONSULT", published="2025-09-02")
    assert all(not {"Sitiveni Rabuka", "Winston Peters"} <= names(e) for e in met)


@pytest.mark.parametrize(
    ("text", "published", "status"),
    [
        (
            "Tonga's foreign minister Lisiate Akolo arrived in Suva on Monday for a four-day "
            "official visit.",
            "2025-02-25",
            "ongoing",
        ),
        (
            "Fiji opened its first embassy in Tonga on Thursday, during a two-day visit to "
            "Nuku'alofa by Fiji's Sitiveni Rabuka that began on Wednesday.",
            "2025-02-28",
            "concluded",
        ),
    ],
)
def test_a_visit_of_some_days_is_under_way_until_its_last_day(extractor, text, published, status):
    visits = [e for e in of_type(extractor, text, "CONSULT", published) if e["kind"] == "visit"]
    assert [e["status"] for e in visits] == [status]


@pytest.mark.parametrize(
    "text",
    [
        "Tonga has put off signing a fisheries agreement with Fiji, Siaosi Sovaleni said on "
        "Tuesday.",
        "Some ministers feared the deal could limit Tonga's ability to accept funding from "
        "other partners.",
        "Sovaleni was confident the fisheries agreement with Fiji would be signed later this year.",
        "Sitiveni Rabuka apologised to Tonga's Siaosi Sovaleni but stopped short of accepting "
        "blame.",
    ],
)
def test_a_deal_put_off_awaited_or_foreseen_is_no_deal_made(extractor, text):
    talks = "Fiji's Sitiveni Rabuka and Tonga's Siaosi Sovaleni held talks in Suva on Monday. "
    made = [e for e in of_type(extractor, talks + text, "AGREE") if e["status"] == "concluded"]
    assert made == []


def test_a_deal_someone_is_confident_would_be_signed_is_planned(extractor):
    text = "Sovaleni was confident the fisheries agreement with Fiji would be signed this year."
    found = extractor.extract(ExtractRequest("t", text, PUBLISHED)).to_json()["events"]
    assert [e["status"] for e in found if e["type"] == "AGREE"] == ["planned"]


def test_a_round_postponed_is_not_held_on_the_day_it_was_planned_for(extractor):
    text = (
        "A fourth round of talks between Fiji and Tonga that had been expected in Suva on "
        "Saturday has been postponed, Samoa's foreign minister said on Thursday."
    )
    found = events(extractor, text)
    assert [(e["kind"], e["date"]) for e in found] == [("postpone", None)]


@pytest.mark.parametrize(
    "text",
    [
        "Fiji's Sitiveni Rabuka and Tonga's Siaosi Sovaleni have met several times since 2022.",
        "Fiji's Sitiveni Rabuka and Tonga's Siaosi Sovaleni met twice last year.",
    ],
)
def test_meetings_held_again_and_again_are_no_one_meeting(extractor, text):
    assert of_type(extractor, text, "CONSULT") == []


def test_a_body_before_a_title_of_its_own_is_still_a_side(extractor):
    for text, body in (
        (
            "Taliban Foreign Minister Amir Khan Muttaqi met Fiji's Sitiveni Rabuka on Monday.",
            "Taliban",
        ),
        (
            "Interpol Secretary-General Valdecy Urquiza met Fiji's Sitiveni Rabuka on Monday.",
            "Interpol",
        ),
    ):
        met = of_type(extractor, text, "CONSULT")
        assert met and body in names(met[0])


def test_a_summons_is_still_an_accusation_when_it_says_more(extractor):
    text = "Fiji summoned Tonga's envoy on Monday and accused Tonga of violating its waters."
    kinds = {e["kind"] for e in events(extractor, text)}
    assert {"summons", "accusation"} <= kinds


def test_a_headline_naming_the_host_country_is_the_meeting_of_its_leader(extractor):
    # the knowledge base gives each leader's country: Italy is Meloni's
    text = (
        "Rome summit revives defence pact\n\nWednesday's meeting of Emmanuel Macron and "
        "Giorgia Meloni in Rome was their first in a year."
    )
    found = extractor.extract(ExtractRequest("t", text, PUBLISHED)).to_json()["events"]
    met = [e for e in found if e["type"] == "CONSULT"]  # the headline's too: one occasion
    assert len(met) == 1 and met[0]["date"] == "2025-02-26"


def test_a_surname_of_several_words_is_the_person_named_in_full(extractor):
    text = (
        "Fiji's Sitiveni Rabuka met Dutch Foreign Minister Caspar van Veldkamp in Suva on "
        'Tuesday. "We agreed on much," van Veldkamp said.'
    )
    assert [s["speaker"] for s in statements(extractor, text)] == ["Caspar van Veldkamp"]


def test_who_led_a_delegation_to_the_talks_took_part_in_them(extractor):
    text = (
        "Fiji's foreign minister Lisiate Akolo, who led Fiji's delegation to the talks in "
        "Nuku'alofa, said the two sides had agreed to reopen the reef. The meeting with Tonga's "
        "Siaosi Sovaleni ended on Tuesday."
    )
    found = extractor.extract(ExtractRequest("t", text, PUBLISHED)).to_json()["events"]
    talks = [e for e in found if e["type"] == "CONSULT"]
    assert talks and {"Fiji", "Lisiate Akolo"} <= names(talks[0])


def test_a_courtesy_call_is_a_visit_paid_to_whom_it_is_on(extractor):
    text = "Tonga's Siaosi Sovaleni paid a courtesy call on Fiji's Sitiveni Rabuka on Tuesday."
    assert of_type(extractor, text, "REQUEST") == []
    met = of_type(extractor, text, "CONSULT")
    assert met and {"Siaosi Sovaleni", "Sitiveni Rabuka"} <= names(met[0])


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        ("Fiji's Sitiveni Rabuka spoke with the BBC's Steve Rosenberg on Monday.", "CONSULT"),
        ("The Pacific Islands Forum spoke with one voice on Monday.", "CONSULT"),
        ("Sitiveni Rabuka recalled him warmly in a speech on Monday.", "SANCTION"),
        (  # a call yet to be scheduled has not happened
            "A call with Samoa's prime minister has yet to be scheduled, Rabuka's office said.",
            "CONSULT",
        ),
        (  # an act suffered by no one named is below the line
            "Pohiva Tu'i'onetoa, who was removed and arrested in December 2022, remains in "
            "custody.",
            "COERCE",
        ),
        (  # speaking with reporters is no consultation
            "Fiji's Sitiveni Rabuka spoke with reporters in Suva on Wednesday.",
            "CONSULT",
        ),
        (  # a requirement in the passive is no one's demand
            "The pact must be ratified by Tonga's parliament before it takes effect.",
            "REQUEST",
        ),
        (  # an offer made on a condition is no threat
            "Tonga's Siaosi Sovaleni said his government was ready to release the Fijian fishermen "
            "if Fiji is serious.",
            "THREATEN",
        ),
        (  # an act called something is judged, not done
            "Fiji's Sitiveni Rabuka called the sanctions a grave mistake on Tuesday.",
            "SANCTION",
        ),
        (  # a trip it would be if something happened is no trip
            "If Tonga's Siaosi Sovaleni attends the forum, it would be his first trip to Fiji "
            "since 2014.",
            "CONSULT",
        ),
    ],
)
def test_what_a_sentence_does_not_tell_as_done(extractor, text, type_):
    assert of_type(extractor, text, type_) == []


def test_putting_pen_to_paper_is_signing(extractor):
    text = (
        "Fiji's Sitiveni Rabuka and Tonga's Siaosi Sovaleni on Wednesday put pen to paper on the "
        "first arrangement under their fisheries accord."
    )
    signed = of_type(extractor, text, "AGREE")
    assert signed and {"Fiji", "Tonga"} <= names(signed[0])
    assert signed[0]["date"] == "2025-02-26"


def test_talks_wrapped_up_were_held_by_who_wrapped_them_up(extractor):
    text = "Fiji and Tonga wrapped up a second round of fisheries talks in Suva on Wednesday."
    talks = of_type(extractor, text, "CONSULT")
    assert talks and {"Fiji", "Tonga"} <= names(talks[0])
    assert (talks[0]["date"], talks[0]["status"]) == ("2025-02-26", "concluded")


def test_the_country_in_front_of_a_role_is_whose_role_it_is(extractor):
    text = (
        "SUVA - Tongan Prime Minister Siaosi Sovaleni and Fijian Communist Party General "
        "Secretary Ratu Epeli agreed on Tuesday to deepen fisheries cooperation."
    )
    agreed = of_type(extractor, text, "AGREE")
    assert agreed and {"Tonga", "Fiji"} <= names(agreed[0])
    assert not any("Party" in name for name in names(agreed[0]))


def test_a_paragraphs_first_word_is_not_a_sentence_of_its_own(extractor):
    text = (
        "Analysis: Suva round leaves Fiji-Tonga deal within reach, but fish quotas linger\n\n"
        "Tonga and Fiji ended their latest round of fisheries negotiations in Suva on Friday "
        "with what both sides called substantial progress."
    )
    sentences = [s.text.strip() for s in extractor.nlp(text).sents]
    assert sentences[1].startswith("Tonga and Fiji ended")


# Who is named in a sentence but is no side of its events, and of which type (None: any).
NO_SIDE = [
    (  # whose predecessor someone was took no part
        "In 2022 Rabuka's predecessor, Frank Bainimarama, signed a security pact with China "
        "whose text has never been published.",
        "AGREE",
        "Rabuka",
    ),
    (  # what an act is over is its reason, no side of it
        "Fiji has imposed 50% tariffs on Tongan fish over its purchases of Samoan timber.",
        "SANCTION",
        "Samoa",
    ),
    (  # a minister's portfolio the tagger calls a body, before and after the title
        "Fiji and Tonga signed a fisheries agreement in Suva on Thursday. It was signed by "
        "Fijian Fisheries and Forests Minister Alitia Bainivalu and Tonga's Minister of State for "
        "Lands and Natural Resources, Viliami Hingano.",
        "AGREE",
        "Fijian Fisheries",
    ),
    (
        "Fiji and Tonga signed a fisheries agreement in Suva on Thursday. It was signed by "
        "Fijian Fisheries and Forests Minister Alitia Bainivalu and Tonga's Minister of State for "
        "Lands and Natural Resources, Viliami Hingano.",
        "AGREE",
        "Natural Resources",
    ),
    (
        "Fiji-Tonga relations face serious difficulty, refusing to honour the accord, after talks "
        "with Samoa.",
        None,
        "Fiji",
    ),
    (
        "The foreign ministers of Fiji and Tonga met in Apia on Thursday, welcomed by Samoan "
        "Foreign Minister Fiame Naomi Mata'afa. The meeting comes weeks after the two countries "
        "agreed on a first section of their maritime border.",
        "AGREE",
        "Fiame Naomi Mata'afa",
    ),
    (
        "Fiji's Sitiveni Rabuka and Tonga's Siaosi Sovaleni held their first summit on Tuesday "
        "on the sidelines of the Pacific Islands Forum meeting in Suva.",
        "CONSULT",
        "Pacific Islands Forum",
    ),
    (
        "The state visit, which began in Suva on Monday, was meant by Sitiveni Rabuka to test two "
        "issues: Chinese support for Russia's war economy and the flood of Chinese goods.",
        "CONSULT",
        "Russia",
    ),
    (
        "Fiji's Foreign Secretary Filipo Tarakinikini will travel to Nuku'alofa on March 9 for "
        "consultations with his Tongan counterpart, the first high-level visit from Suva since "
        "the fall of Pohiva Tu'i'onetoa's government in August.",
        "CONSULT",
        "Pohiva Tu'i'onetoa",
    ),
    (
        "Fiji and Tonga agreed on Tuesday to share releases from the Monasavu reservoir.",
        None,
        "Monasavu",
    ),
    ("Lula and Petro sign Amazon security pact on Tuesday.", None, "Amazon"),
    (
        "Petro's chief of staff met Ecuador's foreign minister in Quito on Monday.",
        "CONSULT",
        "Gustavo Petro",
    ),
    (
        "RAROTONGA, July 23 (Pacific Wire) - New Zealand Foreign Minister Winston Peters and Cook "
        "Islands Prime Minister Mark Brown met for talks in Avarua on Wednesday.",
        "CONSULT",
        "Pacific Wire",
    ),
]


@pytest.mark.parametrize(("text", "type_", "name"), NO_SIDE)
def test_who_is_named_but_no_side(extractor, text, type_, name):
    found = [e for e in events(extractor, text) if type_ in (None, e["type"])]
    assert all(name not in names(e) for e in found)


# The date or place an event of a type must have (one of those found): (text, type, field,
# expected).
FIELDS = [
    (  # a year the tagger took for a number
        "In 2022 Rabuka's predecessor, Frank Bainimarama, signed a security pact with China "
        "whose text has never been published.",
        "AGREE",
        "date",
        "2022-01-01",
    ),
    (  # the lead's own day, told for another act of it, not the day it was filed
        "SUVA, Feb 27 (Pacific Wire) - Fiji and Tonga agreed on Tuesday to reopen the fishing "
        "grounds, Fiji's foreign minister said after talks with Tonga's Siaosi Sovaleni in Suva.",
        "CONSULT",
        "date",
        "2025-02-25",
    ),
    (  # a time of a named day
        "A telephone conversation on Monday morning between Fiji's Sitiveni Rabuka and Tonga's "
        "Siaosi Sovaleni ended with a deal on fishing rights.",
        "CONSULT",
        "date",
        "2025-02-24",
    ),
    (  # the lead's own day, not the dateline's
        "SUVA, Feb 27 (Pacific Wire) - Leaders of the Association of Southeast Asian Nations "
        "admitted Timor-Leste as a full member on Wednesday at a summit in the Fijian capital.",
        "CONSULT",
        "date",
        "2025-02-26",
    ),
    (  # a place hung on the person met
        "Tonga's foreign minister Lisiate Akolo has held talks with Fiji's Sitiveni Rabuka in "
        "Suva.",
        "CONSULT",
        "location",
        "Suva",
    ),
    (  # the round a visit follows is another occasion, with its own place
        "Tonga's foreign minister Lisiate Akolo held talks with Fiji's Sitiveni Rabuka in Suva on "
        "Wednesday. The visit follows a round of talks between Tongan and Fijian officials in "
        "Nuku'alofa.",
        "CONSULT",
        "location",
        "Suva",
    ),
    (  # the country, not the continent it is told again as
        "SUVA, Feb 24 - Tongan Prime Minister Siaosi Sovaleni began a two-day state visit to Fiji "
        "on Monday, his first trip to the Pacific in five years.",
        "CONSULT",
        "location",
        "Fiji",
    ),
]


FIELDS += [
    (  # the dateline is no second subject: the sides are those the lead names
        "SUVA, Feb 26 (Pacific Wire) - Fiji and Tonga held a second round of talks in Suva on "
        "Wednesday.",
        "CONSULT",
        "date",
        "2025-02-26",
    ),
    (  # a dateline after a headline, a source line and a time stamp dates its lead
        "Fiji's vice minister holds talks with visiting Tongan officials\n\nSource: Pacific Wire\n"
        "\nEditor: staff\n\n2025-02-27 19:15:00\n\nSUVA, Feb. 27 (Pacific Wire) -- Fijian "
        "Vice Foreign Minister Filipo Tarakinikini held talks with Tongan officials Lisiate Akolo "
        "and Siaosi Sovaleni, in the city of Nadi.",
        "CONSULT",
        "date",
        "2025-02-27",
    ),
]


FIELDS.append(
    (  # a visit to come, filed a day before it starts: dated by its own first day
        "SUVA, Feb. 27 (Pacific Wire) -- Prime Minister Sitiveni Rabuka will visit Tonga and "
        "Samoa from Friday through Sunday, seeking to bolster fisheries ties.",
        "CONSULT",
        "date",
        "2025-02-28",
    )
)


@pytest.mark.parametrize(("text", "type_", "field", "expected"), FIELDS)
def test_an_events_date_and_place_are_its_own(extractor, text, type_, field, expected):
    found = of_type(extractor, text, type_)
    value = (lambda e: (e["location"] or {}).get("name")) if field == "location" else None
    assert any((value(e) if value else e[field]) == expected for e in found), found


@pytest.mark.parametrize(
    "text",
    [
        "Fiji summoned Tonga's chargé d'affaires on Monday to protest the arrests.",
        "Fiji summoned Tonga's envoy on Monday and handed him a note of protest over the arrests.",
        "Fiji summoned Tonga's envoy on Monday and lodged a strong protest over the arrests.",
    ],
)
def test_a_protest_made_by_summoning_an_envoy_is_one_summons(extractor, text):
    acts = [e for e in events(extractor, text) if e["type"] in ("ACCUSE", "PROTEST")]
    assert [(e["kind"], names(e)) for e in acts] == [("summons", {"Fiji", "Tonga"})]


@pytest.mark.parametrize(
    "text",
    [
        # a press release's order: the object after "today"
        "The Ministry of Foreign Affairs summoned today the Ambassador of Tonga to the Republic "
        "of Fiji, Mr Viliami Tangi.",
        # a pronoun for the envoy named before, and a people tagged a person in between
        "For Viliami Tangi, Tonga's ambassador in Suva, Tuesday's trip to the Fijian foreign "
        "ministry was a familiar one. Fiji summoned him on Tuesday after a Tongan boat sank.",
    ],
)
def test_an_envoy_summoned_however_told_is_a_summons(extractor, text):
    found = extractor.extract(ExtractRequest("t", text, PUBLISHED)).to_json()["events"]
    summons = [e for e in found if e["kind"] == "summons"]
    assert summons and names(summons[0]) & {"Tonga", "Viliami Tangi"}


def test_an_envoy_summoned_is_a_protest_to_the_envoys_country(extractor):
    (summons,) = of_type(
        extractor, "Fiji summoned Tonga's ambassador on Monday over the remarks.", "ACCUSE"
    )
    assert summons["kind"] == "summons" and {"Fiji", "Tonga"} <= names(summons)
    assert of_type(extractor, "The minister summoned the cabinet on Monday.", "ACCUSE") == []


def test_words_said_at_any_briefing_are_not_dated_by_a_meeting_to_come(extractor):
    text = (
        "Rabuka is set to hold talks with Sovaleni in Suva on Tuesday, Fiji's foreign minister "
        "Lisiate Akolo said at a press conference."
    )
    said = statements(extractor, text)
    assert said and said[0]["date"] == PUBLISHED


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        (  # the main clause's subject, not a name inside what she told
            "Fijian Foreign Minister Lisiate Akolo told reporters that Sovaleni could attend the "
            'summit "if he wishes." But he stressed that the reef was not open yet.',
            "the reef was not open",
            "Lisiate Akolo",
        ),
        (  # "she" is whoever the "she" before her was
            '"The reef is ours," foreign ministry spokeswoman Mele Tuipulotu told a briefing.\n\n'
            "She said Tonga had informed Suva that Fijian Ambassador Litia Qionibaravi may not "
            "return. All visits between the two countries had been suspended, she said.",
            "All visits",
            "Mele Tuipulotu",
        ),
    ],
)
def test_he_or_she_is_the_one_speaking_not_the_last_name_told(extractor, text, words, speaker):
    said = [s for s in statements(extractor, text) if words in s["content"]]
    assert said and said[0]["speaker"] == speaker


def test_words_told_to_an_interviewer_are_not_dated_by_a_meeting(extractor):
    text = (
        "Rabuka met Sovaleni in Suva on Friday. Rabuka told Sean Hannity that the reef was not "
        "ready for boats."
    )
    said = [s for s in statements(extractor, text) if "Hannity" not in (s["speaker"] or "")]
    assert said and said[0]["date"] == PUBLISHED


def test_a_verdict_given_after_talks_and_their_length_tell_the_talks_themselves(extractor):
    text = (
        "Kenyan President William Ruto described his first meeting with Ugandan President "
        'Yoweri Museveni as "productive", after the leaders of Kenya and Uganda held talks for '
        "the first time in two years. The meeting on Thursday lasted about an hour."
    )
    talks = of_type(extractor, text, "CONSULT")
    assert len(talks) == 1
    assert talks[0]["date"] == PUBLISHED and talks[0]["status"] == "concluded"
    assert {"Kenya", "Uganda"} <= names(talks[0])


def test_a_meeting_a_day_before_the_talks_is_another_meeting(extractor):
    text = (
        "Kenyan President William Ruto and Ugandan President Yoweri Museveni held talks in "
        "Nairobi on Thursday. The talks came a day after Ruto's meeting with Tanzanian President "
        "Samia Suluhu Hassan."
    )
    [held] = [e for e in of_type(extractor, text, "CONSULT") if e["location"]]
    assert "Samia Suluhu Hassan" not in names(held) and "Tanzania" not in names(held)


def test_a_headline_pairing_two_names_before_its_talks_names_both_sides(extractor):
    text = (
        "Modi, Albanese talks signal warmer ties\n\n"
        "Indian Prime Minister Narendra Modi and Australian Prime Minister Anthony Albanese "
        "pledged on Thursday to deepen defence cooperation."
    )
    found = extractor.extract(ExtractRequest("t", text, PUBLISHED)).to_json()["events"]
    talks = [e for e in found if e["type"] == "CONSULT"]
    assert talks and {"Narendra Modi", "Anthony Albanese"} <= names(talks[0])


def test_talks_held_beside_a_summit_are_not_a_need_and_take_its_place(extractor):
    text = (
        "William Ruto and Yoweri Museveni agreed on the need to stabilise ties in their first "
        "formal talks, held on the sidelines of the African Union summit in Addis Ababa, but "
        "neither side announced concrete steps."
    )
    talks = [e for e in of_type(extractor, text, "CONSULT") if e["kind"] == "talks"]
    assert talks and talks[0]["status"] == "concluded"
    assert talks[0]["location"]["name"] == "Addis Ababa"


def test_a_summit_the_day_before_with_someone_else_is_another_sitting(extractor):
    text = (
        "Xi will hold talks with Kishida in San Francisco on Thursday. Xi is scheduled to hold a "
        "summit with Biden on Wednesday."
    )
    talks = of_type(extractor, text, "CONSULT", published="2025-02-24")
    with_kishida = [e for e in talks if "Fumio Kishida" in names(e)]
    assert with_kishida and "Joe Biden" not in names(with_kishida[0])


def test_talks_in_the_state_a_dateline_names_are_in_the_datelines_town(extractor):
    text = (
        "ANCHORAGE, Alaska, Feb 27 (Reuters) - U.S. President Donald Trump and Russian President "
        "Vladimir Putin held talks at a military base in Alaska on Thursday."
    )
    [talks] = of_type(extractor, text, "CONSULT")
    assert talks["location"]["name"] == "Anchorage"


def test_a_visit_begun_by_an_arrival_is_under_way_in_the_city_arrived_in(extractor):
    text = (
        "Bangladesh Prime Minister Sheikh Hasina has arrived in New Delhi on a four-day state "
        "visit to India."
    )
    [visit] = of_type(extractor, text, "CONSULT")
    assert visit["location"]["name"] == "New Delhi" and visit["status"] == "ongoing"


def test_the_two_leaders_are_not_counted_among_lone_words_the_tagger_calls_people(extractor):
    text = (
        "Japanese Prime Minister Fumio Kishida and Chinese President Xi Jinping agreed Thursday "
        "to seek a solution to the Fukushima water row through dialogue.\n\n"
        "In their first talks in a year, the two leaders also reaffirmed their commitment to "
        "stable ties."
    )
    talks = [e for e in of_type(extractor, text, "CONSULT") if e["kind"] == "talks"]
    assert talks and names(talks[0]) >= {"Fumio Kishida", "Xi Jinping"}


def test_a_scheme_allowing_people_to_visit_is_no_visit(extractor):
    text = (
        "Kenyan President William Ruto said the two countries had made progress, adding that a "
        "visa scheme allowing Ugandan citizens to visit Kenyan islands had proven popular."
    )
    assert not [e for e in of_type(extractor, text, "CONSULT") if e["kind"] == "visit"]


def test_the_first_visit_in_years_is_the_visit_told_not_a_first_round(extractor):
    text = (
        "Ruto visits Kampala\n\n"
        "KAMPALA — Ugandan President Yoweri Museveni hosted Kenyan President William Ruto in "
        "Kampala on Thursday. Ruto, on his first visit to Uganda since March 2022, said the "
        "talks showed that dialogue had become a habit."
    )
    visits = [e for e in of_type(extractor, text, "CONSULT") if e["kind"] == "visit"]
    assert len(visits) == 1


def test_a_building_in_a_town_is_placed_in_the_town(extractor):
    text = (
        "Ugandan President Yoweri Museveni hosted Kenyan President William Ruto at the "
        "Presidential Complex in Kampala on Thursday."
    )
    [visit] = of_type(extractor, text, "CONSULT")
    assert visit["location"]["name"] == "Kampala"
    assert visit["location"]["detail"] == "the Presidential Complex"


def test_the_last_leader_to_visit_is_an_earlier_visit(extractor):
    text = (
        "Ruto visits Kampala\n\n"
        "KAMPALA — Kenyan President William Ruto arrived in Kampala on Thursday for his first "
        "visit to Uganda in six years. The last Kenyan president to visit Uganda was Uhuru "
        "Kenyatta in 2019."
    )
    visits = [e for e in of_type(extractor, text, "CONSULT") if e["kind"] == "visit"]
    assert len(visits) == 1 and "The last Kenyan president" not in visits[0]["evidence"]


def test_meetings_a_stay_also_included_are_not_the_meeting_told(extractor):
    text = (
        "Kenyan President William Ruto met Ugandan President Yoweri Museveni in Kampala on "
        "Thursday. Ruto's short stay in Kampala also included meetings with opposition leader "
        "Bobi Wine and business leaders."
    )
    [held] = [e for e in of_type(extractor, text, "CONSULT") if "Yoweri Museveni" in names(e)]
    assert "Bobi Wine" not in names(held)


def test_a_sitting_the_two_leaders_held_just_after_a_welcome_is_that_occasion(extractor):
    text = (
        "Boluarte welcomed Boric with an official ceremony at the Government Palace on Monday "
        "before the two leaders held a one-on-one meeting."
    )
    sittings = [e for e in events(extractor, text) if e["type"] == "CONSULT"]
    assert len(sittings) == 1, sittings
    assert sittings[0]["date"] == "2025-02-24"


def test_a_step_of_a_welcome_dated_by_the_lead_is_that_welcome(extractor):
    text = (
        "LIMA - President Dina Boluarte hosted Chilean President Gabriel Boric in Lima on "
        "Monday. Boluarte welcomed Boric with an official ceremony at the Government Palace "
        "before the two leaders held a one-on-one meeting."
    )
    meetings = [e for e in events(extractor, text) if e["kind"] == "meeting"]
    assert len(meetings) == 1, meetings


@pytest.mark.parametrize(
    "clause",
    [
        "two weeks before the two leaders held talks in Quito",
        "before the two leaders met again in Quito",
        "a week after the two leaders held talks",
        "long before the two leaders held talks",
        "after the two leaders had held talks",
        "after the two leaders held their first talks",
        "before the two foreign ministers held talks",
        "after the two leaders met in Woodside",
        "before the two leaders held a meeting with business executives",
    ],
)
def test_a_sitting_measured_off_or_told_again_stays_another_occasion(extractor, clause):
    text = f"Boluarte met Boric at the Government Palace on Monday, {clause}."
    sittings = [e for e in events(extractor, text) if e["type"] == "CONSULT"]
    assert len(sittings) == 2, sittings


def test_talks_two_leaders_held_after_a_summit_are_not_the_summit(extractor):
    text = (
        "Boric and Boluarte attended the Andean Community summit in Quito on Monday before the "
        "two leaders held bilateral talks."
    )
    kinds = sorted(e["kind"] for e in events(extractor, text) if e["type"] == "CONSULT")
    assert "summit" in kinds and len(kinds) == 2, kinds
