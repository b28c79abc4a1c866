"""Who said what, one hard case per test, each a small real-looking news sentence run through the
real pipeline (spaCy's small English model plus Briefbot's fixes)."""

from __future__ import annotations

import pytest

from bot.extract.quotes import find_quotes
from bot.facts import Statement


def only(statements: list[Statement], needle: str) -> Statement:
    found = [s for s in statements if needle in s.content]
    assert len(found) == 1, [(s.speaker_text, s.content) for s in statements]
    return found[0]


def pieces(text: str, s: Statement) -> list[str]:
    return [text[a:b] for a, b in (s.content_spans or [[s.content_start, s.content_end]])]


def test_straight_quote_with_attribution_after(say):
    text = '"We will not accept any ultimatums from Washington," Lavrov said on Tuesday.'
    s = only(say(text), "ultimatums")
    assert s.content == "We will not accept any ultimatums from Washington"
    assert s.speaker == "Sergey Lavrov" and s.quote == "direct" and s.verb == "say"
    assert text[s.content_start : s.content_end] == s.content
    assert s.date == "2025-02-25"  # said on Tuesday, told on Saturday 1 March


def test_curly_quote_with_colon_and_no_verb_inside(say):
    text = (
        "Russian Foreign Minister Sergey Lavrov told reporters: \u201cThe talks were useful and "
        "frank.\u201d"
    )
    s = only(say(text), "talks were useful")
    assert s.content == "The talks were useful and frank"  # closing punctuation is not content
    assert s.speaker == "Sergey Lavrov" and s.verb == "tell" and s.quote == "direct"


def test_quote_split_around_he_said_is_one_statement(say):
    text = (
        "Lavrov met Rubio in Riyadh.\n\n"
        "\u201cWe had a good conversation,\u201d he said. \u201cWe agreed to keep talking "
        "about the embassies.\u201d"
    )
    statements = say(text)
    s = only(statements, "good conversation")
    assert pieces(text, s) == [
        "We had a good conversation",
        "We agreed to keep talking about the embassies",
    ]
    assert s.speaker_text == "he" and s.speaker == "Sergey Lavrov"
    assert not [x for x in statements if x is not s and "embassies" in x.content]


def test_quote_spanning_paragraphs(say):
    text = (
        "Zakharova spoke at a briefing in Moscow.\n\n"
        "\u201cThe West keeps changing its demands. Nobody can negotiate like that.\n\n"
        "\u201cWe are still ready for a dialogue on equal terms,\u201d she said."
    )
    s = only(say(text), "changing its demands")
    assert "ready for a dialogue" in s.content
    assert s.speaker == "Maria Zakharova" and s.quote == "direct"


@pytest.mark.parametrize(
    ("verb", "lemma"),
    [
        ("said", "say"),
        ("announced", "announce"),
        ("confirmed", "confirm"),
        ("clarified", "clarify"),
        ("warned", "warn"),
        ("told reporters", "tell"),
    ],
)
def test_reported_speech_verbs(say, verb, lemma):
    text = (
        f"Secretary of State Marco Rubio {verb} that the United States would reopen its "
        "consulate in Istanbul."
    )
    s = only(say(text), "reopen its consulate")
    assert s.content == "that the United States would reopen its consulate in Istanbul"
    assert s.speaker == "Marco Rubio" and s.quote == "indirect" and s.verb == lemma


def test_reported_verb_lemma(say):
    s = only(say("Peskov warned that the sanctions would backfire on Europe."), "backfire")
    assert s.verb == "warn" and s.speaker == "Dmitry Peskov"


def test_mixed_quote_stays_one_statement(say):
    text = (
        'Lavrov confirmed that Moscow and Washington had "agreed to resume the work of their '
        'embassies."'
    )
    statements = say(text)
    s = only(statements, "agreed to resume")
    assert s.content.startswith("that Moscow and Washington had")
    assert s.quote == "mixed" and s.speaker == "Sergey Lavrov"
    assert len([x for x in statements if "resume" in x.content]) == 1


def test_according_to(say):
    text = (
        "The two delegations will meet again in Istanbul next week, according to the Russian "
        "Foreign Ministry."
    )
    s = only(say(text), "delegations will meet again")
    assert s.verb == "according to"
    assert "Foreign Ministry" in s.speaker_text
    assert "according" not in s.content


def test_said_in_a_statement_by_a_body(say):
    text = "The State Department said in a statement that the meeting had been constructive."
    s = only(say(text), "constructive")
    assert s.content == "that the meeting had been constructive"
    assert "State Department" in s.speaker_text


@pytest.mark.parametrize(
    "body",
    ["The Kremlin", "The Russian Foreign Ministry", "Russian media", "The State Department"],
)
def test_bodies_as_speakers(say, body):
    s = only(
        say(f"{body} reported that the prisoner exchange took place in Abu Dhabi."),
        "prisoner exchange",
    )
    assert body.split()[-1] in s.speaker_text


def test_content_before_reporting_clause(say):
    text = "The two sides will exchange ambassadors by the summer, the spokesman said."
    s = only(say(text), "exchange ambassadors")
    assert s.content == "The two sides will exchange ambassadors by the summer"
    assert s.speaker_text == "the spokesman"


def test_nominal_speaker_sources(say):
    s = only(
        say("The talks had stalled over the question of sanctions relief, sources said."), "stalled"
    )
    assert s.speaker_text == "sources"


def test_pronoun_speaker_resolved_to_the_last_person(say):
    text = (
        "Sergey Lavrov arrived in Ankara on Monday. He said that Russia wanted a lasting "
        "settlement."
    )
    s = only(say(text), "lasting settlement")
    assert s.speaker_text == "He" and s.speaker == "Sergey Lavrov"


def test_title_speaker_resolved(say):
    text = (
        "Russian Foreign Minister Sergey Lavrov arrived in Ankara on Monday.\n\n"
        "The minister said that Russia wanted a lasting settlement in the region."
    )
    s = only(say(text), "lasting settlement")
    assert s.speaker == "Sergey Lavrov"


def test_relative_pronoun_speaker_resolved_to_its_antecedent(say):
    text = (
        "The talks were led by Marco Rubio, who said that the next round would take place in "
        "Geneva."
    )
    s = only(say(text), "next round")
    assert s.speaker == "Marco Rubio"


def test_verbs_inside_a_quotation_belong_to_the_quote(say):
    text = '"I think the sanctions will stay for years," Peskov said.'
    statements = say(text)
    assert len(statements) == 1
    assert statements[0].speaker == "Dmitry Peskov"


def test_dash_signed_pull_quote(say):
    text = (
        "\u201cThe talks gave us hope. We want peace, not more promises.\u201d \u2015 Maria Lopez"
    )
    s = only(say(text), "gave us hope")
    assert "Lopez" in s.speaker_text


def test_transcript_line(say):
    text = (
        "WALLACE: Will the president meet Putin in Riyadh before the summer?\n\n"
        "PENCE: Well, the president is ready to meet anyone at any time."
    )
    s = only(say(text), "ready to meet anyone")
    assert s.speaker_text == "PENCE"


def test_stance_verb_object_is_the_content(say):
    s = only(
        say("Zelensky called for an immediate ceasefire along the whole front line."), "ceasefire"
    )
    assert s.content == "an immediate ceasefire along the whole front line"
    assert s.speaker == "Volodymyr Zelensky" and s.verb == "call"


@pytest.mark.parametrize(
    "text",
    [
        'He said "this never ends',
        '"\n\n"',
        "\u201cOpen without end. Lavrov said that\n\n"
        'something \u201d\u201d\u201c odd \u00bb\u00ab "',
        "''",
        '"',
        "\u201d\u201d",
        'Lavrov said: "',
    ],
)
def test_unbalanced_quotes_never_raise(say, text):
    say(text)  # must not raise
    find_quotes(text)


def test_unbalanced_quote_still_yields_the_rest(say):
    text = (
        'The "so-called peace plan.\n\nLavrov said that Russia would study the proposal carefully.'
    )
    s = only(say(text), "study the proposal")
    assert s.speaker == "Sergey Lavrov"


def test_byline_is_not_a_speaker(say):
    text = (
        "By Vafa Guliyeva\n\n"
        "The ministry said that the border would stay closed until further notice."
    )
    statements = say(text)
    assert statements and all(
        "Guliyeva" not in (s.speaker_text + (s.speaker or "")) for s in statements
    )


def test_two_apostrophes_mark_a_quotation(say):
    text = "''We are not going to give up on diplomacy,'' Mr. Rubio said."
    s = only(say(text), "give up on diplomacy")
    assert s.content == "We are not going to give up on diplomacy"
    assert s.speaker == "Marco Rubio"


def test_scare_quotes_are_not_statements(say):
    statements = say('The so-called "peace plan" was discussed at length in Riyadh on Tuesday.')
    assert not [s for s in statements if s.content == "peace plan"]


def test_quotes_finder_offsets():
    text = "\u201cA,\u201d he said. \u201cB and C.\u201d"
    spans = find_quotes(text)
    assert [text[q.inner_start : q.inner_end] for q in spans] == ["A,", "B and C."]


def test_reporting_clause_inside_the_content_is_cut_out(say):
    text = (
        "In recent days, advisers to Mr. Obama say, the president has grown exasperated with the "
        "campaign."
    )
    s = only(say(text), "exasperated")
    assert pieces(text, s) == [
        "In recent days",
        "the president has grown exasperated with the campaign",
    ]
    assert "advisers" in s.speaker_text


def test_a_hope_or_a_concern_expressed_with_a_that_clause_is_what_was_said(say):
    text = (
        "Chilean Foreign Minister Ana Rojas expressed hope that the border talks with Peru "
        "would resume in April."
    )
    s = only(say(text), "border talks with Peru")
    assert s.speaker == "Ana Rojas"
    assert s.content == "that the border talks with Peru would resume in April"
    assert not [
        s
        for s in say("Ana Rojas did not express hope that the talks would resume in April.")
        if "resume" in s.content
    ]


def test_words_are_dated_by_the_day_the_reporting_clause_gives(say):
    warned = only(
        say(
            "Chilean Foreign Minister Ana Rojas warned on Monday that Peru must withdraw its "
            "troops."
        ),
        "withdraw its troops",
    )
    assert warned.date == "2025-02-24" and warned.content == "that Peru must withdraw its troops"
    told = only(
        say("Ana Rojas, Chile's foreign minister, said the border would stay open."), "border"
    )
    assert told.date == "2025-03-01"  # no day given: the article's
    vague = only(
        say("Chilean Foreign Minister Ana Rojas said last week that the border would stay open."),
        "border",
    )
    assert vague.date is None  # a week, not a day


def test_a_time_phrase_after_the_verb_is_when_it_was_said_not_what(say):
    s = only(
        say(
            "Chilean Foreign Minister Ana Rojas said on Wednesday she hoped the talks would resume."
        ),
        "hoped",
    )
    assert s.content == "she hoped the talks would resume"
    assert s.date == "2025-02-26"
    evening = only(
        say("Chile's foreign ministry said on Wednesday evening it would recall its envoy."),
        "recall",
    )
    assert evening.content == "it would recall its envoy"


def test_an_unquoted_position_is_kept_below_the_line_answers_show(say):
    s = only(
        say("Chilean Foreign Minister Ana Rojas warned Peru on Wednesday against any provocation."),
        "provocation",
    )
    assert s.confidence < 0.5  # the writer's summary of a stance, not words said
    said = only(
        say("Chilean Foreign Minister Ana Rojas said Peru must stop any provocation."),
        "provocation",
    )
    assert said.confidence >= 0.5


def test_who_was_asked_asked_nothing(say):
    found = say("Asked whether the two had discussed missiles, Ana Rojas declined to comment.")
    assert not [s for s in found if s.verb == "ask"], found


def test_the_dateline_is_no_part_of_the_speakers_name(say):
    s = only(
        say("LIMA - Peru asked Chile on Wednesday to hold consultations on the fishing dispute."),
        "consultations",
    )
    assert s.speaker_text == "Peru"


def test_words_told_as_said_before_the_news_get_no_day(say):
    earlier = only(
        say("Chilean Foreign Minister Ana Rojas had warned that Peru must withdraw its troops."),
        "withdraw",
    )
    assert earlier.date is None
    after = only(
        say(
            "Peru reopened the border on Monday, a day after Chilean Foreign Minister Ana Rojas "
            "warned that Peru must withdraw its troops."
        ),
        "withdraw",
    )
    assert after.date is None


def test_a_statement_is_dated_by_the_day_its_dateline_was_filed(say):
    # published 2025-03-01; filed the day before, and said that day
    s = only(say("SUVA, Feb 28 - Fiji said it would not sign the fisheries accord."), "accord")
    assert s.speaker == "Fiji" and s.date == "2025-02-28"


def test_a_speaker_the_parser_hung_off_a_dated_dateline_is_still_the_speaker(say):
    s = only(
        say("MALE, Feb 28 - Maldives President Ahmed Latheef said the base must close."), "base"
    )
    assert s.speaker == "Ahmed Latheef" and s.speaker_country == "Maldives"


def test_a_speaker_beside_a_dateline_the_parser_made_a_second_subject_is_the_speaker(say):
    s = only(
        say(
            "NEW DELHI, March 3 (Reuters) - Sri Lanka's President Nimal Perera told India's Prime "
            "Minister on Monday that his country would not allow its ports to be used against "
            "India."
        ),
        "ports",
    )
    assert s.speaker == "Nimal Perera"


def test_a_town_in_capitals_with_the_agency_that_filed_it_is_a_dateline_not_a_speaker(say):
    s = only(
        say(
            "SANTA CRUZ (Reuters) - Peru's President Ana Rojas told Bolivian President Luis Vela "
            "on Monday that her country would not allow its territory to be used against Bolivia."
        ),
        "territory",
    )
    assert s.speaker == "Ana Rojas"


def test_a_dateline_is_not_what_the_lead_said(say):
    found = say(
        "BOGOTA, Jan 17 (Reuters) - Colombia recalled its ambassador from Caracas on Wednesday and "
        "said Venezuela's envoy would not be allowed to return."
    )
    assert [s.content for s in found] == ["Venezuela's envoy would not be allowed to return"]


def test_an_aside_about_the_subject_does_not_end_what_was_said(say):
    s = only(
        say(
            "Peru's foreign ministry said the Chilean envoy, who is visiting his home country, "
            "would not be allowed to return."
        ),
        "envoy",
    )
    assert s.content.endswith("would not be allowed to return")


def test_words_a_relative_clause_reports_leave_out_the_pronoun_and_the_speaker(say):
    s = only(
        say("Chile closed two crossings after a raid that Santiago said killed two farmers."), ""
    )
    assert s.speaker_text == "Santiago" and s.content == "killed two farmers"


def test_what_someone_declined_to_say_is_not_said(say):
    found = say(
        "Peru's foreign minister Ana Rojas declined to say whether the president would attend."
    )
    assert not [s for s in found if s.verb == "say"], found


def test_adding_that_is_a_second_statement_of_the_same_day(say):
    found = say(
        "Lima will host the talks, Foreign Minister Ana Rojas said on Thursday, adding that "
        "Chile had been invited."
    )
    said = only(found, "host the talks")
    assert said.content == "Lima will host the talks" and said.date == "2025-02-27"
    added = only(found, "Chile had been invited")
    assert added.verb == "add" and added.date == "2025-02-27"


def test_a_demonym_of_two_words_gives_the_speakers_country(say):
    s = only(say("North Korean Foreign Minister Ri Yong Ho said the talks had failed."), "failed")
    assert s.speaker_country == "North Korea"


def test_what_someone_was_ordered_to_declare_is_not_declared(say):
    found = say("Peru's president had ordered the ministry to declare Chile's envoy unwelcome.")
    assert not [s for s in found if s.verb == "declare"], found


def test_a_country_in_the_clause_before_a_title_is_not_the_speakers(say):
    s = only(
        say(
            "Fiji will leave the Organization of American States, Foreign Minister Ana Rojas "
            "said on Wednesday."
        ),
        "leave",
    )
    assert s.speaker_country != "United States"


def test_what_was_told_to_a_news_conference_is_said_even_when_parsed_as_a_relative(say):
    s = only(
        say("Trump told a separate news conference that he had raised the issue."),
        "raised the issue",
    )
    assert s.verb == "tell" and s.speaker == "Donald Trump" and s.confidence >= 0.5


def test_a_round_ups_section_lines_are_no_one_speaking(say):
    text = (
        "AFRICA: a summit postponed\n\n"
        "AT THE AU: deadlock over Sudan\n\n"
        "UN: The council will meet on Friday to discuss it.\n"
    )
    said = say(text)
    assert not [s for s in said if "postponed" in s.content or "deadlock" in s.content]
    assert [s for s in said if "council will meet" in s.content]


def test_what_a_passive_says_was_announced_is_no_words_of_the_announcer(say):
    text = (
        "The summit was announced by the Kenyan president last Friday on social media, two days "
        "after his envoy met the Ugandan leader in Kampala."
    )
    assert say(text) == []
    # an active announcement still tells what was announced
    active = say("The Kenyan president announced last Friday that the summit would go ahead.")
    assert active and "summit would go ahead" in active[0].content


def test_when_or_how_told_before_the_speaker_is_no_words_said(say):
    fronted = say("Under the deal, she admitted to misleading the bank about the firm's business.")
    assert not any(s.content.startswith("Under the deal") for s in fronted)
    announced = say(
        "At the Nairobi summit on Monday, the Kenyan president announced new funding for the "
        "regional force."
    )
    assert announced and announced[0].content.startswith("new funding")
    # a clause before the speaker is still what was said
    said = say("Talks with Uganda will resume next week, the Kenyan president said.")
    assert said and said[0].content.startswith("Talks with Uganda will resume")


def test_speech_a_rule_allows_is_no_speech_given(say):
    text = (
        "A new review clause will allow the East African Legislative Assembly to object to "
        "customs rules agreed by member states."
    )
    assert say(text) == []
