"""Calls told by the verb "call": calling a named person, in an article that tells of a call, is a
phone call between the two; calling someone a name, calling in an envoy, or calling on a side to
act is not. Sentences are the repository's own."""

from __future__ import annotations

from tests.extract.events_found import names, of_type


def calls(extractor, text: str) -> list[dict]:
    return [e for e in of_type(extractor, text, "CONSULT") if e["kind"] == "phone_call"]


def test_calling_a_named_leader_is_a_phone_call_between_the_two(extractor):
    text = (
        "The Finnish president called his Estonian counterpart Alar Karis on Tuesday and urged "
        "him to keep the border open. Helsinki welcomed the call."
    )
    (call,) = calls(extractor, text)
    assert {"FIN", "EST"} <= {p.get("country_code") for p in call["participants"]}
    assert call["date"] == "2025-02-25"
    assert call["status"] == "concluded"


def test_calling_a_leader_a_name_is_no_call(extractor):
    text = (
        "Prime Minister Mark Rutte called Viktor Orban a spoiler on Monday. The call for unity "
        "went unheard."
    )
    assert calls(extractor, text) == []


def test_calling_in_an_envoy_is_a_summons_not_a_call(extractor):
    text = "Warsaw called in Ambassador Sergey Andreev on Monday after the phone call."
    assert calls(extractor, text) == []


def test_calling_a_leader_is_a_call_only_in_an_article_that_tells_of_one(extractor):
    placed = "Prime Minister Kaja Kallas called Alexander Stubb on Tuesday."
    assert calls(extractor, placed) == []
    (call,) = calls(extractor, placed + " The call lasted an hour.")
    assert {"Kaja Kallas", "Alexander Stubb"} <= names(call)


def test_calling_a_leader_a_name_told_as_an_apposition_is_no_call(extractor):
    text = (
        "Biden called Xi Jinping a dictator on Tuesday, hours after the two leaders held a phone "
        "call."
    )
    assert all(e["date"] != "2025-02-25" for e in calls(extractor, text))


def test_calling_a_minister_back_from_abroad_or_to_testify_is_no_call(extractor):
    recalled = (
        "Prime Minister Keir Starmer called Foreign Secretary David Lammy back from Washington on "
        "Monday. The call came as the crisis deepened."
    )
    assert calls(extractor, recalled) == []
    summoned = (
        "The Senate committee called Pete Hegseth to testify on Thursday, amid calls for his "
        "resignation."
    )
    assert calls(extractor, summoned) == []


def test_calling_a_leader_back_or_to_congratulate_him_is_a_call(extractor):
    (call,) = calls(extractor, "Macron called Putin back on Tuesday. The call lasted an hour.")
    assert {"Emmanuel Macron", "Vladimir Putin"} <= names(call)
    text = "Macron called Zelensky on Tuesday to express his support. The call lasted an hour."
    (call,) = calls(extractor, text)
    assert {"Emmanuel Macron", "Volodymyr Zelensky"} <= names(call)


def test_a_call_with_no_other_side_was_with_the_one_its_speaker_addressed_just_before(extractor):
    text = (
        "Moscow (AFP) - Russian President Vladimir Putin told Finnish President Sauli Niinisto "
        "on Friday that the border closure was unjustified, the Kremlin said.\n\n"
        "In an hour-long phone call, Putin said the closure would harm trade."
    )
    (call,) = calls(extractor, text)
    assert {"Vladimir Putin", "Sauli Niinisto"} <= names(call)


def test_a_call_is_not_with_one_another_speaker_addressed_just_before(extractor):
    text = (
        "Russian Foreign Minister Sergei Lavrov told Finnish President Sauli Niinisto on Friday "
        "that the border closure was unjustified.\n\n"
        "In an hour-long phone call, Putin said the closure would harm trade."
    )
    assert all("Sauli Niinisto" not in names(call) for call in calls(extractor, text))


def test_calling_a_leader_to_act_is_calling_on_him_not_a_call(extractor):
    text = (
        "Erdogan called Israeli Prime Minister Benjamin Netanyahu to end the war in Gaza. A phone "
        "call with Cairo followed."
    )
    assert all("Benjamin Netanyahu" not in names(call) for call in calls(extractor, text))
