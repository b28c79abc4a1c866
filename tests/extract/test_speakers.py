"""Who said it, and how sure we are: bodies, documents, groups, unnamed sources and the confidence
of each statement. Sentences are the repository's own, run through the real pipeline."""

from __future__ import annotations

import pytest

from bot.extract.extractor import ExtractRequest
from bot.facts import Statement


def find(statements: list[Statement], needle: str) -> Statement:
    found = [s for s in statements if needle in s.content]
    assert len(found) == 1, [(s.speaker_text, s.speaker, s.content) for s in statements]
    return found[0]


def test_the_ministry_is_the_ministry_named_before(say):
    text = (
        "The Ministry of Foreign Affairs of Norway summoned the Danish envoy on Monday.\n\n"
        "The ministry said that the fishing dispute had to be settled by the courts."
    )
    s = find(say(text), "fishing dispute")
    assert s.speaker == "Ministry of Foreign Affairs of Norway"
    assert s.confidence >= 0.7


def test_a_ministry_named_by_its_portfolio_and_country_is_that_countrys(extractor, say):
    text = "The Foreign Ministry of Peru said the border crossing would reopen next week."
    assert find(say(text), "border crossing").speaker_country == "Peru"
    # its act is the country's act, shown as surely as the country's own
    found = extractor.extract(
        ExtractRequest("t", "The Defence Ministry of Chile condemned the vote on Monday.", None)
    ).events
    assert found and {p.country_code for p in found[0].participants} == {"CHL"}
    assert found[0].confidence >= 0.5


@pytest.mark.parametrize(
    "body",
    [
        "The Press Office of the Socialist Party of Chile",
        "The Trade Office of the Chamber of Commerce of Chile",
        "The Economy Ministry of the State of Chile",
    ],
)
def test_a_portfolios_office_of_something_in_a_country_is_not_the_countrys(say, body):
    s = find(say(f"{body} said the border crossing would reopen next week."), "border crossing")
    assert s.speaker_country is None


def test_a_body_named_by_its_country(say):
    text = "Peru's foreign office said that the border crossing would reopen next week."
    s = find(say(text), "border crossing")
    assert s.speaker is not None and "Peru" in s.speaker and "Office" in s.speaker
    assert s.confidence >= 0.5


def test_the_statement_speaks_for_whoever_issued_it(say):
    text = (
        "Finnish President Alexander Stubb issued a statement on Sunday.\n\n"
        "\u201cWe will keep our airspace closed to these flights until further notice,\u201d "
        "the statement read."
    )
    s = find(say(text), "airspace closed")
    assert s.speaker == "Alexander Stubb"


def test_unnamed_sources_and_groups_are_kept_below_the_threshold(say):
    text = (
        "Diplomatic sources said the envoys would return to Vienna in a month.\n\n"
        "Both sides agreed that the exchange of views had been useful."
    )
    statements = say(text)
    assert find(statements, "return to Vienna").confidence < 0.5
    assert find(statements, "exchange of views").confidence < 0.5


def test_named_direct_quote_is_confident_and_a_far_pronoun_less_so(say):
    text = (
        "Chilean Foreign Minister Ana Rojas arrived in Lima on Tuesday.\n\n"
        "\u201cOur two countries share a long coast and a longer history,\u201d Rojas said.\n\n"
        "The visit was the first in six years. Trade between the neighbours has doubled. "
        "Several agreements are due to be signed.\n\n"
        "She said that fishing quotas would be on the agenda."
    )
    statements = say(text)
    near = find(statements, "longer history")
    far = find(statements, "fishing quotas")
    assert near.speaker == "Ana Rojas" and near.confidence >= 0.85
    assert far.speaker == "Ana Rojas" and far.confidence < near.confidence


def test_content_before_the_attribution_is_the_whole_clause(say):
    text = (
        "Both delegations agreed that the round had been businesslike, and they will meet again in "
        "spring, the Latvian Foreign Ministry said in a press release."
    )
    s = find([x for x in say(text) if x.verb == "say"], "businesslike")
    assert "meet again in spring" in s.content and "press release" not in s.content
    assert s.speaker is not None and "Ministry" in s.speaker and s.confidence >= 0.5


def test_said_parsed_as_a_complement_is_still_the_attribution(say):
    text = (
        "Envoys from Chile and Peru have settled on a date for a new round of border talks, "
        "due in Quito next month, Chilean Foreign Minister Ana Rojas stated on Friday."
    )
    statements = say(text)
    s = find(statements, "due in Quito")
    assert s.speaker == "Ana Rojas"
    assert not [x for x in statements if "Ana Rojas stated" in x.content]


def test_dateline_is_not_content_and_quotes_close(say):
    text = (
        "OSLO \u2014 The talks will continue next week in Geneva, Norwegian Foreign Minister "
        "Lars Dahl said.\n\n"
        "Dahl described the meeting as \u201cfrank but fruitful\u201d and said both sides "
        "had listened."
    )
    statements = say(text)
    s = find(statements, "Geneva")
    assert s.content.startswith("The talks will continue")
    for x in statements:
        assert x.content.count("\u201c") == x.content.count("\u201d"), x.content


def test_agreeing_to_do_something_is_an_event_not_a_statement(say):
    s = find(say("Kenya and Tanzania agreed to reopen the border post at Namanga."), "border post")
    assert s.confidence < 0.5


def test_a_name_the_tagger_cut_in_two_is_one_speaker(say):
    text = (
        "Iranian Foreign Minister Seyed Hossein Tavakkoli met his Omani counterpart.\n\n"
        "Tavakkoli said the next round would take place in Muscat."
    )
    s = find(
        say(text), "next round"
    )  # the tagger reads 'Seyed Hossein' as a person, 'Tavakkoli' as a body
    assert s.speaker == "Seyed Hossein Tavakkoli" and s.speaker_kind == "person"


def test_a_frame_around_someone_elses_words_and_a_headline_rank_lower(say):
    text = (
        "Chile says fishing talks with Peru will resume\n\n"
        "The state broadcaster reported that Chilean Foreign Minister Ana Rojas said the "
        "fishing talks would resume in April.\n\n"
        "Rojas warned the fleet owners to stay out of the disputed zone."
    )
    statements = say(text)
    inner = [s for s in statements if s.speaker == "Ana Rojas" and "resume in April" in s.content]
    frame = [s for s in statements if s.speaker_text.endswith("broadcaster")]
    assert inner and inner[0].confidence >= 0.7
    assert all(s.confidence < 0.5 for s in frame)
    demand = [
        s for s in statements if "disputed zone" in s.content
    ]  # a demand: half a statement, half an event
    assert demand and demand[0].confidence < inner[0].confidence
    assert all(s.confidence < 0.7 for s in statements if s.content_start < text.index("\n"))


def test_a_leaders_office_speaks_as_that_leaders_office(say):
    text = (
        "Chilean President Ana Rojas spoke with the Peruvian president on Monday.\n\n"
        "Rojas's office said in a statement that the two would resume talks on the border."
    )
    s = find(say(text), "resume talks")
    assert s.speaker == "Ana Rojas's office" and s.speaker_text == "Rojas's office"
    assert s.confidence >= 0.5


def test_a_capitals_office_is_its_countrys(say):
    s = find(
        say("Lima's presidential office said Rojas would travel to Quito next month."), "Quito"
    )
    assert (s.speaker, s.speaker_country) == ("Lima's Presidential Office", "Peru")


def test_words_said_in_a_statement_that_follow_it(say):
    s = find(
        say(
            "Peru's foreign ministry said in a statement that the two would resume talks on a "
            "trade agreement."
        ),
        "resume talks",
    )
    assert s.content == "that the two would resume talks on a trade agreement"


def test_a_leaders_office_is_no_side_beside_the_leader_in_an_act(extractor):
    from bot.extract.extractor import ExtractRequest

    text = (
        "Chilean President Ana Rojas spoke on Monday. But Rojas's government accused Peru of "
        "failing to act, and Rojas's office said the talks had failed."
    )
    found = extractor.extract(ExtractRequest("t", text, "2025-03-03"))
    sides = {p.name for e in found.events for p in e.participants}
    assert "Ana Rojas" in sides and not any("'s " in side for side in sides)


def test_a_spokesperson_speaks_for_whom_they_speak_for(say):
    text = (
        "Chilean Foreign Minister Ana Rojas met her Peruvian counterpart on Monday.\n\n"
        "Officials will resume talks in Lima in August, a spokesperson for Ms Rojas said. A "
        "spokesman for the Peruvian foreign ministry said the border would reopen."
    )
    assert find(say(text), "resume talks").speaker == "Ana Rojas"
    assert find(say(text), "border would reopen").speaker == "Peruvian Foreign Ministry"


@pytest.mark.parametrize(
    ("text", "needle", "speaker"),
    [
        (  # the parser took "that" for the object of "meet"
            "Foreign ministry spokesperson Maria Fernanda Rojas told a weekly briefing that water "
            "ministers from the three countries would meet in Lima.",
            "water ministers",
            "Maria Fernanda Rojas",
        ),
        (
            "Chilean President Gabriel Soto was quoted as saying that Chile supports the talks.",
            "supports the talks",
            "Gabriel Soto",
        ),
    ],
)
def test_more_ways_of_saying(say, text, needle, speaker):
    assert find(say(text), needle).speaker == speaker


def test_review_of_the_new_speaker_rules(say):
    # a named spokesperson speaks, not the one spoken for
    peskov = say(
        "A spokesman for Chilean President Gabriel Soto, Ana Rojas, said on Monday that the talks "
        "had failed."
    )
    assert all(s.speaker != "Gabriel Soto" for s in peskov), peskov
    # a city's own body is not its country's
    city = say("Lima's city military administration said the strike hit a school.")
    assert all(s.speaker is None or "Peru" not in s.speaker for s in city), city
    # a meeting he chaired is not what he told it
    chaired = say("Soto told a meeting that he chaired on Monday that Chile would not yield.")
    assert not [s for s in chaired if "chaired" in s.content], chaired
    # repeating an act is no saying
    tests = say("Peru repeated its missile tests off the coast on Sunday, Chile's navy said.")
    assert not [s for s in tests if s.speaker == "Peru"], tests


def test_she_is_not_read_as_the_man_named_before_her(say):
    text = (
        "Norwegian Foreign Minister Espen Barth Eide received Kenyan Cabinet Secretary "
        "Musalia Mudavadi and Chilean envoy Paula Narvaez in Oslo on Monday.\n\n"
        "\u201cThe ocean treaty must be ratified this year,\u201d she said, "
        "\u201cor the fisheries will not recover.\u201d"
    )
    assert find(say(text), "ocean treaty").speaker == "Paula Narvaez"


def test_he_is_not_read_as_a_woman_the_text_calls_mrs(say):
    text = (
        "Ghana's trade minister, Kwame Asante, hosted the meeting in Accra on Monday. "
        "Mrs Okafor signed the memorandum for Nigeria.\n\n"
        "Later he said that tariffs on cocoa would be cut by half."
    )
    assert find(say(text), "tariffs on cocoa").speaker == "Kwame Asante"


def test_a_name_that_tells_nothing_stays_open_to_either_pronoun(say):
    text = (
        "Kim Sook met the Japanese ambassador in Seoul on Monday.\n\n"
        "She said that the fisheries talks would resume in May."
    )
    assert find(say(text), "fisheries talks").speaker == "Kim Sook"


def test_an_ambassador_named_in_apposition_speaks_not_the_body_in_the_title(say):
    text = (
        "Peru's U.N. ambassador, Luis Enrique Chavez, told the assembly that the resolution "
        "would fail."
    )
    assert find(say(text), "resolution would fail").speaker == "Luis Enrique Chavez"


def test_one_who_declared_himself_leader_said_nothing_by_it(say):
    text = "General Juan Perez declared himself the country's new leader on Friday."
    assert not [s for s in say(text) if "new leader" in s.content]


def test_a_body_speaking_in_a_which_clause_is_that_body(say):
    text = (
        "Thousands of Malians have crossed into Niger this month, according to the World Food "
        "Programme, which said most of them were farmers."
    )
    assert find(say(text), "most of them were farmers").speaker == "World Food Programme"


def test_which_after_a_person_is_no_one(say):
    text = (
        "The decision came at a cabinet meeting chaired by President Ana Rojas, which decided to "
        "recall the ambassador from Lima."
    )
    assert all(s.speaker != "Ana Rojas" for s in say(text) if "recall the ambassador" in s.content)


def test_a_name_the_tagger_missed_after_a_body_in_the_title_is_the_speaker(say):
    text = (
        "The head of the regional commission, Marcel Alain de Souza, said the operation had been "
        "suspended until noon."
    )
    s = find(say(text), "operation had been suspended")
    assert s.speaker == "Marcel Alain de Souza" and s.confidence >= 0.5


def test_a_country_the_tagger_called_a_person_is_not_he(say):
    text = (
        "Chad's foreign minister Abderaman Koulamallah insisted the decision was not a rupture. "
        '"This is not a break with France like Niger or elsewhere," he told reporters.'
    )
    assert find(say(text), "not a break with France").speaker == "Abderaman Koulamallah"


def test_a_name_inside_the_quotation_is_not_its_speaker(say):
    text = (
        "Chile's foreign minister Alberto van Klaveren visited Lima last week. "
        '"It is clear that the situation in northern Rakhine state is grave," he said.'
    )
    assert find(say(text), "situation in northern Rakhine").speaker == "Alberto van Klaveren"


def test_the_president_of_another_country_is_not_the_president_named_before(say):
    text = (
        "Chilean President Gabriel Boric arrived in Lima on Monday. The Chilean president said the "
        "talks were useful. The president of Peru said that the border would reopen next week."
    )
    s = find(say(text), "border would reopen")
    assert s.speaker != "Gabriel Boric"
    assert find(say(text), "talks were useful").speaker == "Gabriel Boric"


def test_words_a_spokesman_quotes_his_leader_as_saying_are_the_leaders(say):
    text = (
        "Chilean President Gabriel Boric said Santiago was ready to keep talking. "
        '"Even without an agreement, everything must be done so that the border stays open. '
        'We are not afraid," his spokesman Sergio Bitar quoted him as saying.'
    )
    s = find(say(text), "We are not afraid")
    assert s.speaker == "Gabriel Boric"


def test_a_quotation_running_on_from_a_told_clause_is_the_tellers(say):
    text = (
        "Norwegian National Security Adviser Erik Solheim told reporters traveling with the "
        'prime minister that Oslo had notified Moscow of the trip "some hours before his '
        'departure for safety reasons."'
    )
    s = find(say(text), "some hours before his departure")
    assert s.speaker == "Erik Solheim"
    # opened by a colon, the words are those of whom the clause reports
    colon = (
        'Lavrov said Putin had told Biden: "We will not attack Ukraine under any circumstances."'
    )
    assert any(
        s.speaker == "Vladimir Putin" and s.content.startswith("We will not attack")
        for s in say(colon)
    )


def test_it_after_a_body_no_entity_stands_for_is_not_a_body_named_further_back(say):
    text = (
        "An amendment proposed by Peru to restore the word permanent failed to win enough "
        "votes.\n\n"
        "Chilean President Gabriel Boric responded by cancelling a planned visit to Lima. His "
        "office said Peru had retreated from its consistent position. "
        '"This retreat hurts both the talks and the effort to reopen the border," it said.'
    )
    s = find(say(text), "This retreat hurts")
    assert s.speaker != "Peru" and s.confidence < 0.5


def test_an_office_its_own_words_set_apart_is_not_the_office_named_before(say):
    text = (
        "Late on Wednesday, the office of Norway's National Security Adviser Erik Solheim said "
        "the first releases would not take place before Friday.\n\n"
        "The fighting has since displaced more than 14,000 people, according to the Bergen "
        "city media office."
    )
    s = find(say(text), "displaced more than 14,000 people")
    assert s.speaker != "Erik Solheim's office"
    assert find(say(text), "first releases").speaker == "Erik Solheim's office"


@pytest.mark.parametrize(
    "teller", ["Boric's office", "Boric's spokesman Sergio Bitar", "Boric's press secretary"]
)
def test_whom_a_leaders_staff_quote_as_saying_is_the_leader(say, teller):
    text = f'{teller} quoted him as saying: "Chile will never accept these terms."'
    assert find(say(text), "will never accept").speaker == "Gabriel Boric"


def test_an_office_named_by_common_words_is_the_office_named_before(say):
    text = (
        "Chilean President Gabriel Boric's office said the talks would continue. The "
        "president's media office added that the delegation would return on Sunday."
    )
    assert find(say(text), "delegation would return").speaker == "Gabriel Boric's office"


def test_a_verb_after_the_quotation_closes_is_the_tellers_own(say):
    text = (
        'Erdogan said "Greece is arming the islands" and warned that "a heavy price will be paid."'
    )
    s = find(say(text), "heavy price")
    assert s.speaker == "Recep Tayyip Erdogan"


def test_a_relative_clause_after_an_accusation_is_no_statement_of_its_own(say):
    text = "Ankara has accused Athens of sheltering members of groups it calls terrorists."
    found = say(text)
    assert all(not s.content.startswith("it calls") for s in found), found


def test_a_national_security_council_spokesman_speaks_for_no_un_body(say):
    text = (
        "White House National Security Council spokesman John Kirby said the visit would go "
        "ahead next week."
    )
    s = find(say(text), "visit would go ahead")
    assert s.speaker == "John Kirby"


@pytest.mark.parametrize("rank", ["Colonel", "Col."])
def test_a_role_written_before_a_rank_is_the_title_the_role_refers_back_to(say, rank):
    text = (
        f'"We revoke the accord," junta spokesman {rank} Amadou Dembaga said on Saturday.\n\n'
        "The spokesman said the foreign troops had to leave within a month."
    )
    s = find(say(text), "troops had to leave")
    assert s.speaker == "Amadou Dembaga"


SPOKESMAN_NAMED_FIRST = (
    "Chilean government spokesman Hanno Tartu said the talks had gone well. "
    "Peruvian President Kersti Ilves spoke with Boric by phone on Sunday, urging calm, her "
    "spokesman said. "
)


@pytest.mark.parametrize(
    ("told", "needle", "speaker"),
    [
        ("", "urging calm", "Kersti Ilves"),
        ("Ilves's spokesman said the call lasted an hour.", "call lasted", "Kersti Ilves"),
        # whose it is no one named: no speaker rather than the spokesman named before
        ("The ministry's spokesman said it was calm.", "it was calm", None),
    ],
)
def test_a_spokesperson_told_as_someones_is_never_another_spokesman_named_before(
    say, told, needle, speaker
):
    s = find(say(SPOKESMAN_NAMED_FIRST + told), needle)
    assert s.speaker == speaker, s
    # the spokesman named with his own words keeps them
    assert find(say(SPOKESMAN_NAMED_FIRST + told), "gone well").speaker == "Hanno Tartu"


def test_several_bodies_speaking_together_are_no_one_of_them(say):
    text = (
        "Chile's Foreign Ministry said on Monday the border was calm. Envoys from Peru and "
        "Bolivia held talks in Lima on Friday, the two countries' foreign ministries said. "
        "The Peruvian and Bolivian foreign ministries said in a joint statement that the talks "
        "were constructive."
    )
    assert find(say(text), "held talks in Lima").speaker is None
    assert find(say(text), "were constructive").speaker is None
    assert find(say(text), "border was calm").speaker == "Chile's Foreign Ministry"


@pytest.mark.parametrize(
    "told",
    [
        "Chile's emergency services said two people were hurt in the blast.",
        "The Peruvian security services said two people were hurt in the blast.",
    ],
)
def test_one_body_with_a_plural_name_still_speaks(say, told):
    s = find(say("A drone struck a depot near Lima overnight. " + told), "two people were hurt")
    assert s.speaker is not None, s


def test_a_former_spokesperson_speaks_for_no_one(say):
    text = (
        "Paul Okafor met Boric on Monday. Okafor's former spokesman said the talks were a "
        "failure. A former spokesman for Okafor said they were long."
    )
    assert find(say(text), "were a failure").speaker is None
    assert find(say(text), "were long").speaker is None


def test_he_is_the_leader_a_long_relative_clause_cut_from_his_verb(say):
    # the parser hangs "called" inside the relative clause and makes the name the sentence's
    # root: the name is still the one who acts, not the rival named inside the clause
    text = (
        "Chilean President Gabriel Boric faced questions from reporters on Monday. Boric, who "
        "faces a strong challenge from far-right politician Hanno Tartu in next week's election, "
        "called Boluarte's remarks \u201ccrazy\u201d and \u201cway out of line\u201d. He said "
        "Chile would do everything to calm the situation but ruled out an apology."
    )
    assert find(say(text), "calm the situation").speaker == "Gabriel Boric"


@pytest.mark.parametrize(
    "text, needle, speaker",
    [
        (  # the name an object clause tells of is not its sentence's subject
            "Prime Minister Urmas Kask, whom President Hanno Reinmets sacked in June after the "
            "budget row. He said the dismissal had been necessary to restore discipline.",
            "dismissal",
            "Hanno Reinmets",
        ),
        (  # a caption with no verb of its own: the pronoun goes to whom the words fit
            "Chilean President Gabriel Boric in Lima with Peru's Jose Jeri. He said Peru would "
            "open the border crossing at Tacna next week.",
            "border crossing",
            "Jose Jeri",
        ),
        (  # a participle told of the one the clause names is not the verb the name lost
            "Chilean President Gabriel Boric, who met Peru's Jose Jeri, elected by Congress in "
            "October, in Lima. He said Peru would open the border crossing at Tacna next week.",
            "border crossing",
            "Jose Jeri",
        ),
    ],
)
def test_a_name_at_the_root_with_no_lost_verb_is_not_read_as_the_subject(
    say, text, needle, speaker
):
    assert find(say(text), needle).speaker == speaker
