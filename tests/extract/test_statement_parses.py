"""Statements the parser hides: verbs of emphasis, content the parser hangs elsewhere, 'quoted X as
saying', 'it said' for a body or a country, 'X, a title, who said'. Sentences are the repository's
own, run through the real pipeline."""

from __future__ import annotations

from bot.facts import Statement


def having(statements: list[Statement], needle: str) -> list[Statement]:
    return [s for s in statements if needle in s.content]


def test_a_verb_of_emphasis_says_its_object(say):
    text = (
        "Chilean Foreign Minister Ana Rojas visited Lima on Monday.\n\n"
        "She stressed the importance of reopening the border, restoring the ferry service, and "
        "sharing the fishing data."
    )
    found = having(say(text), "reopening the border")
    assert len(found) == 1 and found[0].speaker == "Ana Rojas" and found[0].confidence >= 0.5
    assert "sharing the fishing data" in found[0].content  # the enumeration is one object


def test_a_participle_after_the_object_is_not_part_of_it(say):
    text = (
        "Chilean Foreign Minister Ana Rojas stressed the need for talks, leaving the room early "
        "and skipping lunch."
    )
    found = having(say(text), "the need for talks")
    assert found and all("leaving the room" not in s.content for s in found)


def test_a_renewed_call_keeps_its_infinitive(say):
    text = (
        "The Ministry of Foreign Affairs of Norway reiterated its call on the fleet owners "
        "to leave the protected waters before the winter."
    )
    found = having(say(text), "leave the protected waters")
    assert len(found) == 1 and found[0].speaker == "Ministry of Foreign Affairs of Norway"


def test_the_attribution_closing_a_sentence_takes_all_that_came_before(say):
    text = (
        "The Ministry of Foreign Affairs of Norway hosted the envoys in Bergen.\n\n"
        "Both sides agreed that the talks had been frank and useful, and they will keep in touch, "
        "the ministry said."
    )
    statements = say(text)
    ministry = [s for s in statements if s.speaker == "Ministry of Foreign Affairs of Norway"]
    assert len(ministry) == 1 and "talks had been frank and useful" in ministry[0].content
    assert "keep in touch" in ministry[0].content and "ministry said" not in ministry[0].content
    # a sentence that only goes on after a conjunction is not an attribution of what came before
    other = say("Peru raised its tariffs on Monday, and Chile said nothing.")
    assert not having(other, "raised its tariffs")


def test_quoted_as_saying_gives_the_quoted_speaker(say):
    text = (
        "Chilean Foreign Minister Ana Rojas met the Peruvian envoy.\n\n"
        "\u201cThe border will stay open through the harvest,\u201d the daily El Sur quoted "
        "Rojas as saying."
    )
    found = having(say(text), "stay open through the harvest")
    assert len(found) == 1 and found[0].speaker == "Ana Rojas"
    assert found[0].confidence >= 0.5


def test_it_said_is_the_body_or_country_speaking(say):
    text = (
        "The Ministry of Foreign Affairs of Norway said the envoys had met in Bergen.\n\n"
        "The meeting was held at the request of Denmark, it said.\n\n"
        "Chile closed two ports in what it called a safety measure."
    )
    statements = say(text)
    request = having(statements, "at the request of Denmark")
    assert len(request) == 1 and request[0].speaker == "Ministry of Foreign Affairs of Norway"
    assert request[0].confidence >= 0.5
    # 'it' is not the country named nearest before it
    assert all(s.speaker != "Denmark" for s in statements)


def test_it_said_inside_a_clause_is_that_clause_subject(say):
    text = (
        "Chile closed two ports on Friday in what it said was a safety measure against the storm."
    )
    found = having(say(text), "a safety measure")
    assert found and found[0].speaker == "Chile"


def test_who_after_a_title_apposition_is_the_person(say):
    text = (
        "The envoy met Lucia Vargas, director of the ministry's legal department, who "
        "stressed the need for both countries to respect the fishing treaty."
    )
    found = having(say(text), "respect the fishing treaty")
    assert len(found) == 1 and found[0].speaker == "Lucia Vargas"
    # a verb between the person and 'who' breaks the chain
    other = say("Lucia Vargas met the envoy of the ministry, who stressed the need for calm talks.")
    assert all(s.speaker != "Lucia Vargas" for s in having(other, "calm talks"))


def test_a_quotation_that_reads_out_a_named_speaker_is_theirs(say):
    text = (
        "\u201cForeign Minister Ana Rojas said that the fishing talks with Peru will resume "
        "in April and that both fleets must respect the quotas,\u201d ministry spokesman "
        "Pablo Mena told reporters on Friday."
    )
    statements = say(text)
    inner = [s for s in statements if s.speaker == "Ana Rojas"]
    assert len(inner) == 1 and "resume in April" in inner[0].content and inner[0].confidence >= 0.5
    frame = [s for s in statements if s.speaker == "Pablo Mena"]
    assert all(s.confidence < 0.5 for s in frame)
    # a name inside a quotation that does not open it is the quoted speaker's own words
    plain = say("\u201cWe told Ana Rojas that the quotas stay,\u201d Pablo Mena said.")
    assert not [s for s in plain if s.speaker == "Ana Rojas"]


def test_the_second_side_of_a_with_clause_says_its_own_words(say):
    text = (
        "Chile clashed with Peru at the council on Friday, with the Chilean government vowing to "
        "close the border and the Peruvian government saying it expects an attack."
    )
    found = having(say(text), "it expects an attack")
    assert found and "Peru" in (found[0].speaker or "")


def test_a_speaker_right_after_a_noun_speaks_only_of_that_noun(say):
    text = (
        "NAIROBI, March 4 (Reuters) - Kenya and Denmark signed an agreement on Tuesday under "
        "which some migrants who arrive in Denmark illegally will be flown to the East African "
        "country to have their claims heard, in a move the United Nations refugee agency said "
        "breached international law."
    )
    assert having(say(text), "signed an agreement") == []


def test_declaring_someone_persona_non_grata_is_an_act_not_words(say):
    text = "Chile on Tuesday declared Bolivia's ambassador persona non grata."
    assert having(say(text), "persona non grata") == []


def test_a_declaration_with_a_clause_is_words_said(say):
    text = "The Chilean ministry declared on Tuesday that the border would reopen on Monday."
    assert having(say(text), "the border would reopen")


def test_an_aside_on_the_subject_s_apposition_does_not_end_the_words(say):
    text = (
        "Foreign Minister Pedro Luis Rojas told reporters the ambassador, Maria Lucia Torres, who "
        "had been recalled to Santiago for consultations on Sunday, would not return to Lima."
    )
    found = having(say(text), "the ambassador")
    assert found and "would not return to Lima" in found[0].content
