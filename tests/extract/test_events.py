"""Events from small real sentences: type, kind, mode, participants, place, date, status, agenda."""

from __future__ import annotations

import pytest

from bot.extract.dates import days_from_the_day_told, resolve_date
from bot.extract.entities import link_entities
from bot.extract.events import extract_events_ranked
from bot.extract.extractor import ExtractRequest

PUBLISHED = "2025-02-27"  # a Thursday


def events(extractor, text: str, published: str = PUBLISHED) -> list[dict]:
    return extractor.extract(ExtractRequest("t", text, published)).to_json()["events"]


def only(extractor, text: str, type_: str, published: str = PUBLISHED) -> dict:
    found = [e for e in events(extractor, text, published) if e["type"] == type_]
    assert len(found) == 1, found
    return found[0]


def codes(event: dict) -> set[str]:
    return {p.get("country_code") for p in event["participants"]}


def names(event: dict) -> set[str]:
    return {p["name"] for p in event["participants"]}


def test_phone_call_with_persons_and_weekday(extractor):
    call = only(
        extractor,
        "Russian Foreign Minister Sergey Lavrov spoke by phone with US Secretary of State "
        "Marco Rubio on Tuesday.",
        "CONSULT",
    )
    assert (call["kind"], call["mode"]) == ("phone_call", "phone")
    assert {"Sergey Lavrov", "Marco Rubio"} <= names(call)
    assert (call["date"], call["date_precision"], call["status"]) == (
        "2025-02-25",
        "day",
        "concluded",
    )


def test_meeting_place_is_where_it_happened_not_the_dateline(extractor):
    meeting = only(
        extractor,
        "GENEVA, Feb 27 - Iranian and Saudi officials met in Baghdad last week.",
        "CONSULT",
    )
    assert meeting["location"]["name"] == "Baghdad"
    assert codes(meeting) >= {"IRN", "SAU"}
    # "last week": its Monday; the interface's precisions are day, month and year, so a week
    # is reported at month precision (the store keeps the week for merging reports).
    assert (meeting["date"], meeting["date_precision"]) == ("2025-02-17", "month")


def test_venue_is_kept_as_detail_of_the_city(extractor):
    meeting = only(
        extractor,
        "The meeting between Iran and Oman took place at the Swiss embassy in Tehran.",
        "CONSULT",
    )
    assert meeting["location"]["name"] == "Tehran"
    assert meeting["location"]["detail"] == "the Swiss embassy"


def test_both_sides_are_the_countries_of_the_talks_and_the_agreement_is_their_outcome(extractor):
    found = events(
        extractor,
        "The delegations from Turkey and Greece concluded two days of talks in Athens on "
        "Wednesday, and both sides agreed to reopen consulates.",
    )
    talks = next(e for e in found if e["type"] == "CONSULT")
    agreement = next(e for e in found if e["type"] == "AGREE")
    assert codes(agreement) >= {"TUR", "GRC"}
    assert "reopen consulates" in talks["outcome"]
    # dated by their first day, as "wrapped up a three-day summit on Tuesday" is
    assert (talks["date"], talks["status"], talks["location"]["name"]) == (
        "2025-02-25",
        "concluded",
        "Athens",
    )


@pytest.mark.parametrize(
    "text",
    [
        "If Tehran and Washington meet in Muscat, sanctions could be eased.",
        "Moscow and Washington would not discuss Ukraine.",
        "The two ministers never met.",
    ],
)
def test_negated_or_hypothetical_mentions_give_no_event(extractor, text):
    assert events(extractor, text) == []


def test_an_exclusion_is_agenda_not_an_event_and_the_meeting_still_happened(extractor):
    meeting = only(
        extractor,
        "Russia and the United States did not discuss Ukraine at the meeting in Riyadh.",
        "CONSULT",
    )
    assert meeting["excluded_topics"] == ["Ukraine"]
    assert meeting["location"]["name"] == "Riyadh"
    assert codes(meeting) >= {"RUS", "USA"}


@pytest.mark.parametrize(
    ("text", "status", "date", "precision"),
    [
        ("Lavrov and Rubio will meet in Geneva on Tuesday.", "planned", "2025-03-04", "day"),
        (
            "Iran and Qatar are expected to hold talks in Oman next month.",
            "planned",
            "2025-03-01",
            "month",
        ),
        (
            "Talks between Armenia and Azerbaijan commenced in Almaty on Thursday.",
            "ongoing",
            "2025-02-27",
            "day",
        ),
        (
            "French and German ministers held talks in Paris earlier this month.",
            "concluded",
            "2025-02-01",
            "month",
        ),
    ],
)
def test_status_and_date_from_tense_and_cues(extractor, text, status, date, precision):
    talks = only(extractor, text, "CONSULT")
    assert (talks["status"], talks["date"], talks["date_precision"]) == (status, date, precision)


def test_topics_of_a_planned_meeting(extractor):
    meeting = only(
        extractor,
        "Foreign ministers of Armenia and Azerbaijan will meet in Abu Dhabi on Thursday to "
        "discuss a draft peace treaty.",
        "CONSULT",
    )
    assert meeting["topics"] == ["draft peace treaty"]
    assert not [
        e for e in events(extractor, "They will discuss a peace treaty.") if e["type"] == "AGREE"
    ]


@pytest.mark.parametrize(
    ("text", "type_", "kind"),
    [
        ("Poland expelled two Belarusian diplomats on Monday.", "SANCTION", None),
        ("The United States imposed sanctions on Iran's oil ministry.", "SANCTION", "sanctions"),
        ("Serbia lifted a night curfew in Montenegro.", "CONCEDE", "lift"),
        ("Israeli jets bombed targets in southern Lebanon overnight.", "ASSAULT", None),
        (
            "Thousands protested in Tbilisi against Georgia's foreign agents law on Sunday.",
            "PROTEST",
            None,
        ),
        ("Portugal will support Turkey's bid to join the European Union.", "AGREE", "pledge"),
        (
            "Iran threatened to launch a new offensive unless Iraq accepted its conditions.",
            "THREATEN",
            None,
        ),
        (
            "Georgia's opposition would boycott the elections, its leaders said.",
            "THREATEN",
            "threat",
        ),
        ("Russia said on Tuesday that Sudan must return the helicopter.", "REQUEST", "demand"),
    ],
)
def test_other_plover_types_from_the_main_clause(extractor, text, type_, kind):
    doc = extractor.nlp(text)
    ranked = sorted(
        extract_events_ranked(doc, link_entities(doc), PUBLISHED), key=lambda pair: pair[1]
    )
    assert ranked, text
    main = ranked[0][0]
    assert main.type == type_
    if kind:
        assert main.kind == kind


def test_reporting_verb_is_not_the_event(extractor):
    doc = extractor.nlp(
        "Officials said on Monday that Hamas had rejected a request to open the road."
    )
    ranked = sorted(
        extract_events_ranked(doc, link_entities(doc), PUBLISHED), key=lambda pair: pair[1]
    )
    assert ranked[0][0].type == "REJECT"


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("last week", ("2025-02-17", "week")),
        ("on Thursday", ("2025-02-27", "day")),
        ("earlier this month", ("2025-02-01", "month")),
        ("next month", ("2025-03-01", "month")),
        ("on February 12", ("2025-02-12", "day")),
        ("next year", ("2026-01-01", "year")),
        ("last year", ("2024-01-01", "year")),
        ("Wednesday's", ("2025-02-26", "day")),
        # a month placed by its year, counted from the publication
        ("in November last year", ("2024-11-01", "month")),
        ("March of this year", ("2025-03-01", "month")),
        ("January next year", ("2026-01-01", "month")),
        ("last November", ("2024-11-01", "month")),
        ("last January", ("2025-01-01", "month")),  # the latest January before this month
    ],
)
def test_dates_against_the_publication_date(phrase, expected):
    assert resolve_date(phrase, PUBLISHED) == expected


def test_weekday_direction_follows_the_tense():
    assert resolve_date("on Tuesday", PUBLISHED, "past") == ("2025-02-25", "day")
    assert resolve_date("on Tuesday", PUBLISHED, "future") == ("2025-03-04", "day")


@pytest.mark.parametrize("phrase", ["late on Thursday", "Thursday evening", "early Thursday"])
def test_a_part_of_the_publication_weekday_is_that_day_in_any_tense(phrase):
    for tense in ("past", "future"):
        assert resolve_date(phrase, PUBLISHED, tense) == ("2025-02-27", "day")


def test_an_excluded_topic_said_twice_in_other_words_is_listed_once():
    from bot.extract.events import distinct_topics

    assert distinct_topics(
        [
            "ongoing conflict in Ukraine",
            "political or security matters",
            "Ukraine",
            "political and security matters",
        ]
    ) == ["ongoing conflict in Ukraine", "political or security matters"]


def test_the_date_and_place_of_a_round_of_talks_are_those_of_the_round(extractor):
    talks = only(
        extractor,
        "A third round of talks between Chile and Peru concluded in Lima on Tuesday.",
        "CONSULT",
    )
    assert codes(talks) >= {"CHL", "PER"}
    assert (talks["date"], talks["status"]) == ("2025-02-25", "concluded")
    assert talks["location"]["name"] == "Lima"


def test_a_round_agreed_on_due_to_be_held_later_is_planned_between_those_who_agreed(extractor):
    found = [
        e
        for e in events(
            extractor,
            "Delegations from Chile and Peru have agreed on a new round of technical "
            "negotiations at the level of experts, due to be held in Lima on Monday.",
        )
        if e["type"] == "CONSULT"
    ]
    assert len(found) == 1, found
    (talks,) = found
    assert codes(talks) >= {"CHL", "PER"}
    assert (talks["date"], talks["status"]) == ("2025-03-03", "planned")
    assert talks["location"]["name"] == "Lima"


def test_an_earlier_round_told_in_passing_is_neither_this_round_nor_an_event(extractor):
    found = [
        e
        for e in events(
            extractor,
            "The second round of direct talks between Chile and Peru concluded in Lima today. "
            "Just as during the first round, the flags of Chile, Peru and Brazil stood behind "
            "each table.",
        )
        if e["type"] == "CONSULT"
    ]
    assert len(found) == 1, found
    assert codes(found[0]) == {"CHL", "PER"}
    assert found[0]["date"] == PUBLISHED


def test_a_word_inside_the_name_of_a_body_is_no_event(extractor):
    from spacy.tokens import Span

    from bot.extract.events.triggers import find_triggers

    doc = extractor.nlp("A meeting took place on Monday under the Andean Consultation Mechanism.")
    start = next(t.i for t in doc if t.text == "Andean")
    doc.ents = [Span(doc, start, start + 3, label="ORG")]  # as the tagger names such a body
    found = [t.token.text for t in find_triggers(next(iter(doc.sents)))]
    assert "meeting" in found and "Consultation" not in found


@pytest.mark.parametrize(
    "sentence",
    [
        "Rojas recalled her first visits to Peru as a student.",
        "Her father made several state visits to Peru during his long reign.",
        "Seven meetings have taken place since then between Peru and Chile.",
    ],
)
def test_occasions_counted_in_the_plural_are_no_one_event(extractor, sentence):
    assert not [e for e in events(extractor, sentence) if e["type"] == "CONSULT"]


def test_talks_in_the_plural_are_still_one_occasion(extractor):
    found = events(extractor, "Peru and Chile held talks in Lima on Monday.")
    assert [e["kind"] for e in found if e["type"] == "CONSULT"] == ["talks"]


def test_a_bare_plural_of_meetings_may_still_be_one_sitting(extractor):
    found = events(
        extractor,
        "Peru said on Sunday it had made progress in talks with Chile after a weekend of "
        "meetings in Lima.",
    )
    assert [e["location"]["name"] for e in found if e["type"] == "CONSULT"] == ["Lima"]


def test_a_meeting_set_to_continue_has_begun(extractor):
    meeting = only(
        extractor,
        "The meeting between the foreign ministers of Chile and Peru is set to continue until "
        "Tuesday.",
        "CONSULT",
        published="2025-02-24",
    )
    assert meeting["status"] == "ongoing"


def test_who_attended_a_gathering_took_part_in_it(extractor):
    summit = only(
        extractor,
        "The summit in Lima was attended by key figures, including Chilean Foreign Minister "
        "Ana Rojas and the president of Brazil.",
        "CONSULT",
    )
    assert {"CHL", "BRA"} <= codes(summit)


def test_an_agreement_reached_is_not_dated_by_the_day_it_sets_for_later(extractor):
    found = [
        e
        for e in events(
            extractor,
            "Officials said that both sides are close to a framework for formal negotiations and "
            "Chile and Peru agreed to reconvene next week, likely next Saturday.",
        )
        if e["type"] == "AGREE"
    ]
    assert found, "the agreement to reconvene"
    assert all(e.get("date") != "2025-03-01" for e in found), found


def test_striking_a_deal_is_an_agreement_not_an_attack(extractor):
    struck = events(extractor, "Chile and Peru struck a deal on fishing rights on Monday.")
    assert [e["type"] for e in struck] == ["AGREE"]
    told_later = events(
        extractor,
        "“We’re confident that the deal we struck with our Peruvian partners will help us work "
        "toward resolving that emergency,” the Chilean minister said.",
    )
    assert "ASSAULT" not in {e["type"] for e in told_later}
    jets = only(extractor, "Chilean jets struck targets in the north on Monday.", "ASSAULT")
    assert "CHL" in codes(jets)


def test_a_potential_meeting_is_no_event(extractor):
    found = events(
        extractor,
        "At talks in Lima on Tuesday, Chile and Peru discussed a ceasefire as well as a potential "
        "meeting between President Gabriel Boric and President Dina Boluarte.",
    )
    assert [e["kind"] for e in found if e["type"] == "CONSULT"] == ["talks"], found


def test_what_one_need_not_do_or_did_not_agree_to_do_is_no_event(extractor):
    assert (
        events(extractor, "“We don’t have to sign deals with Peru,” the Chilean president said.")
        == []
    )
    assert events(extractor, "Chile did not agree to meet Peru in Lima on Monday.") == []


def test_an_agreement_to_meet_later_is_not_dated_or_placed_by_that_meeting(extractor):
    found = events(extractor, "Chile agreed on Tuesday to meet Peru in Lima next Monday.")
    agreement = next(e for e in found if e["type"] == "AGREE")
    meeting = next(e for e in found if e["type"] == "CONSULT")
    assert (meeting["date"], meeting["status"]) == ("2025-03-03", "planned")
    assert agreement["date"] != "2025-03-03"
    assert not agreement.get("location")


def test_talks_a_side_is_ready_to_hold_or_that_would_be_possible_are_no_event(extractor):
    assert events(extractor, "Chile is ready to continue the dialogue with Peru.") == []
    assert (
        events(
            extractor,
            "Rojas said that it would be possible to organize a meeting of the presidents of "
            "Chile and Peru.",
        )
        == []
    )
    planned = only(extractor, "Chile is set to hold talks with Peru on Monday.", "CONSULT")
    assert planned["status"] == "planned"


def test_an_act_asked_about_is_no_event_but_one_told_before_a_question_is(extractor):
    assert (
        events(extractor, "“When are you going to sign deals with Peru?” the reporter asked.") == []
    )
    told = events(
        extractor, "Chile handed the Peruvian ambassador a note of protest: what happened?"
    )
    assert [e["type"] for e in told] == ["PROTEST"]


def test_what_a_side_failed_refused_or_denied_to_do_did_not_happen(extractor):
    failed = events(
        extractor,
        "The last direct talks between Chile and Peru took place in Lima in March 2022, where "
        "the two sides failed to agree to halt the fighting.",
    )
    assert [e["type"] for e in failed] == ["CONSULT"]
    assert [e["type"] for e in events(extractor, "Chile refused to sign the accord.")] == ["REJECT"]
    denied = events(extractor, "Chile has denied directly supporting the rebels.")
    assert "SUPPORT" not in {e["type"] for e in denied}
    told = events(extractor, "Chile said that it had signed the accord with Peru on Monday.")
    assert [e["type"] for e in told] == ["AGREE"]


def test_closing_a_border_restricts_but_closing_a_trade_deficit_does_not(extractor):
    assert (
        events(extractor, "He stressed that a top priority is closing the trade deficit with Peru.")
        == []
    )
    border = only(extractor, "Peru closed its border with Chile on Monday.", "COERCE")
    assert "PER" in codes(border)


def test_talks_ended_without_a_deal_reached_no_deal(extractor):
    found = events(
        extractor,
        "Chile and Peru ended talks in Lima on Monday without reaching a deal on border security.",
    )
    assert [e["type"] for e in found] == ["CONSULT"]
    assert not found[0].get("outcome")


def test_who_did_not_take_part_held_no_talks(extractor):
    assert events(extractor, "Bolivia did not take part in the discussions in Lima.") == []
    meeting = only(
        extractor, "Chile did not discuss Bolivia at the meeting with Peru on Monday.", "CONSULT"
    )
    assert codes(meeting) >= {"CHL", "PER"}  # the meeting still took place


def test_what_a_denial_denies_did_not_happen(extractor):
    found = events(
        extractor, "The ministry denied reports that Ana Rojas would visit Lima next week."
    )
    assert "CONSULT" not in {e["type"] for e in found}


def test_declining_to_comment_or_refusing_to_rule_out_rejects_nothing(extractor):
    assert events(extractor, "The Chilean ministry declined to comment on the report.") == []
    assert "REJECT" not in {
        e["type"] for e in events(extractor, "Peru refused to rule out using force against Chile.")
    }
    refused = events(extractor, "Peru refused to respond to a demand from Chile to withdraw.")
    assert "REJECT" in {e["type"] for e in refused}


@pytest.mark.parametrize(
    "text",
    [
        "Chile said the talks went well, but its minister declined to go into detail.",
        "Peru refused to give details of the deal with Chile.",
        "Peru declined to provide further details on the border talks with Chile.",
        "Peru refused to answer questions about the deal with Chile.",
    ],
)
def test_declining_to_say_more_rejects_nothing(extractor, text):
    assert "REJECT" not in {e["type"] for e in events(extractor, text)}


@pytest.mark.parametrize(
    "text",
    [
        "Peru refused to sign the deal with Chile.",
        "Peru refused to answer Chile's demand for the extradition of Jose Jeri.",
        "Chile refused to accept the details of the Peruvian proposal.",
        "Chile refused to go along with the details of the Peruvian proposal.",
    ],
)
def test_refusing_a_demand_or_a_proposals_details_is_a_rejection(extractor, text):
    assert "REJECT" in {e["type"] for e in events(extractor, text)}


def test_a_withdrawal_told_with_its_object_inside_the_phrasal_verb_is_found(extractor):
    text = "Chile pulled its troops out of Bolivia in 2022."
    (withdrawal,) = [e for e in events(extractor, text) if e["type"] == "RETREAT"]
    assert {p["name"] for p in withdrawal["participants"]} == {"Chile", "Bolivia"}
    assert withdrawal["date"] == "2022-01-01"
    pulled_back = events(extractor, "Peru pulled its forces back from the border on Monday.")
    assert "RETREAT" in {e["type"] for e in pulled_back}


def test_declining_to_reject_rejects_nothing(extractor):
    for text in (
        "The resolution passed after Chile declined to use its veto.",
        "Chile declined to veto the resolution on Monday.",
        "Peru refused to block Chile's bid to join the bloc.",
        "Chile declined to exercise its veto power on Monday.",
        "Chile abstained rather than veto the resolution on Monday.",
        "Chile chose to abstain instead of vetoing the draft.",
    ):
        assert "REJECT" not in {e["type"] for e in events(extractor, text)}, text
    refused = events(extractor, "Chile refused to accept Peru's proposal on Monday.")
    assert "REJECT" in {e["type"] for e in refused}


@pytest.mark.parametrize("duration", ["three years", "the past two weeks", "two days", "48 hours"])
def test_a_length_of_time_is_no_date(duration):
    assert resolve_date(duration, PUBLISHED, "past") is None
    assert resolve_date(f"{duration.removeprefix('the past ')} ago", PUBLISHED, "past") is not None


@pytest.mark.parametrize("length", ["70-year", "a 10-year", "48-hour", "a three-day"])
def test_a_length_told_as_an_adjective_is_no_date(length):
    # "during her 70-year reign", "a 10-year pact": not 1970, not October
    assert resolve_date(length, PUBLISHED, "past") is None


@pytest.mark.parametrize(
    ("phrase", "days"),
    [("the following day", 1), ("two days later", 2), ("the day before", -1), ("Monday", None)],
)
def test_a_day_told_from_another_acts_day_is_counted_from_it(phrase, days):
    assert days_from_the_day_told(phrase) == days


@pytest.mark.parametrize("decade", ["1990s", "the early 2000s", "the mid-1980s", "the '80s"])
def test_a_decade_is_no_day_month_or_year(decade):
    assert resolve_date(decade, PUBLISHED, "past") is None
    assert resolve_date("1990", PUBLISHED, "past") == ("1990-01-01", "year")


@pytest.mark.parametrize("duration", ["about 12 years", "more than two decades", "nearly a week"])
def test_a_length_told_roughly_is_no_date_either(duration, extractor):
    assert resolve_date(duration, PUBLISHED, "past") is None
    found = events(
        extractor,
        "Chilean President Ana Rojas arrived in Lima on Tuesday for a two-day trip, the first "
        f"visit to Peru by a Chilean leader in {duration}.",
    )
    assert found and all(e.get("date") in (None, "2025-02-25") for e in found), found


def test_the_first_meeting_in_years_is_no_meeting_in_a_year_of_its_own(extractor):
    found = events(
        extractor,
        "Chilean Foreign Minister Ana Rojas and Peruvian Foreign Minister Luis Ortega held talks "
        "in Quito on Tuesday, the first high-level meeting between the two countries in three "
        "years.",
    )
    assert all(e.get("date") in (None, "2025-02-25") for e in found), found


def test_a_host_is_a_side_only_of_the_meeting_it_holds_with_someone(extractor):
    between = only(
        extractor, "Oman hosted talks between Chile and Peru in Muscat on Saturday.", "CONSULT"
    )
    assert codes(between) == {"CHL", "PER"}
    told_before = events(
        extractor,
        "Chilean Foreign Minister Ana Rojas and Peruvian Foreign Minister Luis Ortega held talks "
        "in Quito on Tuesday. Ecuador hosted the meeting.",
    )
    assert [codes(e) for e in told_before] == [{"CHL", "PER"}]
    with_ = only(extractor, "Chile hosted a meeting with Peru in Santiago on Monday.", "CONSULT")
    assert with_["kind"] == "meeting" and codes(with_) == {"CHL", "PER"}


def test_what_someone_calls_a_threat_is_their_word_not_a_threat(extractor):
    found = events(
        extractor,
        "Chilean Foreign Minister Ana Rojas rejected on Monday what she called threats by Peru.",
    )
    assert [e["type"] for e in found] == ["REJECT"]


def test_the_gathering_a_meeting_is_held_on_the_sidelines_of_is_no_side_of_it(extractor):
    found = events(
        extractor,
        "Chilean President Gabriel Boric and Peruvian President Dina Boluarte are set to hold "
        "their first meeting on Thursday on the sidelines of the APEC summit in Lima.",
    )
    meeting = next(e for e in found if e["kind"] == "meeting")
    assert codes(meeting) == {"CHL", "PER"}
    assert "APEC" not in names(meeting)


def test_an_agreement_about_a_coming_summit_is_between_those_who_met(extractor):
    found = events(
        extractor,
        "Chilean President Gabriel Boric met Peruvian President Dina Boluarte in Lima on "
        "Wednesday. The two leaders agreed to present a joint proposal at the next EU summit, "
        "a spokesman said.",
    )
    agreement = next(e for e in found if e["type"] == "AGREE")
    assert "EU" not in names(agreement) and {"Gabriel Boric", "Dina Boluarte"} <= names(agreement)
    assert all(e["status"] == "planned" for e in found if e["kind"] == "summit")


def test_who_rejects_in_a_trailing_participle_is_the_named_subject(extractor):
    found = events(
        extractor,
        "Chile said on Wednesday it would not restore relations with Peru, rejecting remarks by "
        "Gabriel Boric about the border.",
    )
    rejection = next(e for e in found if e["type"] == "REJECT")
    assert "CHL" in codes(rejection)


def test_failing_to_agree_on_funding_funds_nothing(extractor):
    found = events(
        extractor,
        "Chilean ministers failed on Monday to agree on using frozen assets to fund Bolivia.",
    )
    assert "AID" not in {e["type"] for e in found}


def test_a_meeting_that_ended_without_a_deal_has_no_deal_as_its_outcome(extractor):
    found = events(
        extractor,
        "Boric met Boluarte on Monday. The meeting between the two leaders ended without the "
        "signing of a fisheries deal.",
    )
    assert [e["type"] for e in found] == ["CONSULT"]
    assert not found[0].get("outcome")


def test_an_offer_to_mediate_is_no_talks(extractor):
    found = events(extractor, "Ecuador offered to mediate between Chile and Peru.")
    assert "CONSULT" not in {e["type"] for e in found}


def test_who_agreed_in_a_call_took_part_in_it(extractor):
    call = only(
        extractor,
        "Chilean President Gabriel Boric agreed in a phone call with Peruvian President Dina "
        "Boluarte to ease the dispute.",
        "CONSULT",
    )
    assert {"Gabriel Boric", "Dina Boluarte"} <= names(call)


def test_backing_down_is_a_concession_and_backing_a_plan_is_support(extractor):
    down = events(extractor, "Peru backed down on Monday and agreed to reopen the border.")
    assert "SUPPORT" not in {e["type"] for e in down} and "CONCEDE" in {e["type"] for e in down}
    backed = only(extractor, "Chile backed the Peruvian proposal on Monday.", "SUPPORT")
    assert "CHL" in codes(backed)


def test_who_accused_before_recalling_is_the_one_who_recalled(extractor):
    found = events(extractor, "Chile recalled its envoy after accusing Peru of spying.")
    accusation = next(e for e in found if e["type"] == "ACCUSE")
    assert codes(accusation) == {"CHL", "PER"}


def test_what_sanctions_are_imposed_over_is_no_act_of_the_sanctioning_side(extractor):
    found = events(
        extractor,
        "Chile imposed sanctions on Tuesday on five Peruvian officials over a crackdown on "
        "protesters.",
    )
    assert [e["type"] for e in found] == ["SANCTION"]


def test_a_meeting_planned_and_then_postponed_is_no_planned_meeting(extractor):
    found = events(
        extractor,
        "A meeting between the foreign ministers of Chile and Peru planned for next Tuesday in "
        "Lima has been postponed indefinitely, the Chilean foreign ministry said on Wednesday.",
        published="2025-04-23",
    )
    assert "CONSULT" not in {e["type"] for e in found}, found


def test_a_ceasefire_rejected_is_no_agreement_nor_an_outcome(extractor):
    found = events(
        extractor,
        "Boric agreed in a phone call with Boluarte on Tuesday to reopen the border crossings, "
        "but rejected a full ceasefire.",
    )
    assert not any("ceasefire" in (e.get("content") or "") for e in found), found
    assert not any("ceasefire" in (e.get("outcome") or "") for e in found), found


def test_delegations_named_by_their_demonyms_after_a_dateline_are_both_sides(extractor):
    talks = only(
        extractor,
        "QUITO - Chilean and Peruvian delegations held their first direct talks in years in "
        "Quito on Friday.",
        "CONSULT",
    )
    assert codes(talks) >= {"CHL", "PER"}


def test_the_two_leaders_who_met_are_the_pair_the_sentence_before_names(extractor):
    text = (
        "LIMA, Feb 27 (Reuters) - Chilean President Ana Rojas and Peruvian President Luis Vela "
        "agreed on Thursday to reopen their border crossings.\n\n"
        "The two leaders met at the presidential palace in Lima for about three hours, Vela's "
        "office said."
    )
    met = [e for e in events(extractor, text) if e["type"] == "CONSULT"]
    assert len(met) == 1 and names(met[0]) >= {"Ana Rojas", "Luis Vela"}, met


def test_sides_that_emerged_from_a_day_of_talks_took_part_in_them(extractor):
    text = (
        "Chile and Peru emerged from a marathon day of border talks in Lima on Wednesday with "
        "their positions as far apart as ever."
    )
    talks = only(extractor, text, "CONSULT")
    assert codes(talks) >= {"CHL", "PER"}


def test_a_meeting_told_in_the_present_on_a_weekday_is_to_come(extractor):
    # published Thursday 2025-02-27: the council meets next Monday, not last Monday
    text = "Ministers turn to Lima, where the Andean Community council convenes on Monday."
    council = only(extractor, text, "CONSULT")
    assert council["date"] == "2025-03-03" and council["status"] == "planned"
    # the talks' own verb is not "follow": the proposal's day stays the proposal's
    later = events(
        extractor, "The Lima talks follow a proposal by Boric on Sunday to resume negotiations."
    )
    assert all(e["date"] != "2025-03-02" for e in later), later


def test_talks_between_the_two_countries_are_between_the_pair_told_before(extractor):
    text = (
        "Chile said on Thursday it would lift its curbs on Peruvian fruit, and Peru agreed to drop "
        "its complaint at the World Trade Organization.\n\n"
        "The announcements came at a summit in Santiago between the two countries' leaders."
    )
    summit = [e for e in events(extractor, text) if e["kind"] == "summit"]
    assert len(summit) == 1 and codes(summit[0]) == {"CHL", "PER"}, summit
    # the hosts the sentence names are not the two
    hosted = events(
        extractor,
        "Chile and Peru ended their dispute on Monday. The statement thanked Bolivia and "
        "Ecuador for hosting rounds of dialogue between the two countries.",
    )
    assert not [e for e in hosted if e["type"] == "CONSULT" and "BOL" in codes(e)], hosted


def test_cutting_ties_told_with_its_verb_is_an_act(extractor):
    cut = only(extractor, "Chile cut ties with Peru on Monday.", "SANCTION")
    assert codes(cut) == {"CHL", "PER"} and cut["date"] == "2025-02-24"


def test_review_of_the_new_event_rules(extractor):
    # a present tense in a caption or a headline is no timetable
    pictured = only(
        extractor,
        "Boric meets with Peruvian President Luis Vela in Lima on Tuesday. (Photo: Presidency)",
        "CONSULT",
    )
    assert pictured["date"] == "2025-02-25"
    # "the two foreign ministers" are not the two leaders named before
    ministers = events(
        extractor,
        "Chilean President Gabriel Boric and Peruvian President Luis Vela agreed on Monday to "
        "reopen the border. The two foreign ministers met in Lima on Tuesday.",
    )
    assert not [e for e in ministers if e["type"] == "CONSULT" and "Luis Vela" in names(e)]
    # a wire label is no place
    label = only(
        extractor, "EXCLUSIVE (Reuters) - Chile and Peru held secret talks on Monday.", "CONSULT"
    )
    assert label["location"] is None


def test_two_leaders_who_sat_down_for_an_hour_held_talks(extractor):
    text = "Boric and Boluarte sat down for an hour in Lima on Wednesday, knees almost touching."
    (talks,) = [e for e in events(extractor, text) if e["type"] == "CONSULT"]
    assert {"Gabriel Boric", "Dina Boluarte"} <= names(talks)
    assert talks["date"] == "2025-02-26"
    for seated in (
        "Boric and Boluarte sat down together at the opening ceremony of the Games in Lima.",
        "Boric and Boluarte sat down for an hour to watch the football final in Lima.",
        "Boric and Boluarte will sit down for an hour only when a ceasefire is in place.",
    ):
        assert [e for e in events(extractor, seated) if e["type"] == "CONSULT"] == [], seated


@pytest.mark.parametrize(
    "text",
    [
        "Boric sat down with CNN's Fareed Zakaria for an interview on Wednesday.",
        "Boric met BBC journalist Laura Kuenssberg in Santiago on Wednesday.",
        "Boric sat down with Fox News host Bret Baier on Wednesday.",
    ],
)
def test_a_leader_and_the_press_is_no_meeting_between_sides(extractor, text):
    assert [e for e in events(extractor, text) if e["type"] == "CONSULT"] == []


def test_the_host_of_a_summit_is_met_all_the_same(extractor):
    text = "Boric met the host of the summit, Peruvian President Dina Boluarte, on Wednesday."
    (met,) = [e for e in events(extractor, text) if e["type"] == "CONSULT"]
    assert "Dina Boluarte" in names(met)


@pytest.mark.parametrize(
    ("phrase", "published", "expected"),
    [
        ("March", "2025-03-15", ("2025-03-01", "month")),  # the month under way
        ("January", "2025-03-10", ("2025-01-01", "month")),  # "said he would meet in January"
    ],
)
def test_a_month_told_ahead_is_not_pushed_a_year_on(phrase, published, expected):
    assert resolve_date(phrase, published, "future") == expected
