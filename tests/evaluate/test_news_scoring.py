"""The news scorer follows the news_dev README's rules (pure scoring: no spaCy needed).

Gold and predictions here are invented for the tests, not taken from any evaluation set.
"""

from __future__ import annotations

import pytest

from bot.evaluate.news import (
    GoldName,
    Mention,
    NewsReport,
    NewsRun,
    fold_files,
    looks_like_person,
    name_matches,
    name_words,
    parse_gold,
    score,
)
from bot.facts import Event, Extraction, Location, Participant, Statement


def country(name: str, code: str) -> Participant:
    return Participant(name, "country", code)


def person(name: str, code: str | None = None) -> Participant:
    return Participant(name, "person", code)


def org(name: str) -> Participant:
    return Participant(name, "organization", None)


def event(
    type_: str,
    participants: list[Participant],
    *,
    kind: str = "x",
    location: Location | None = None,
    date: str | None = None,
    status: str | None = None,
    confidence: float = 1.0,
) -> Event:
    return Event(
        type_,
        kind,
        participants,
        "evidence",
        0,
        8,
        location=location,
        date=date,
        status=status,
        confidence=confidence,
    )


def statement(
    speaker: str | None,
    content: str,
    *,
    speaker_text: str | None = None,
    speaker_kind: str | None = "person",
    title: str | None = None,
    confidence: float = 1.0,
) -> Statement:
    return Statement(
        speaker,
        speaker_text if speaker_text is not None else (speaker or "he"),
        speaker_kind,
        "said",
        content,
        0,
        len(content),
        "indirect",
        content,
        speaker_title=title,
        confidence=confidence,
    )


def article(
    events: list[dict] | None = None, statements: list[dict] | None = None, file: str = "t1.txt"
) -> dict:
    return {
        "file": file,
        "published": "2031-03-04",
        "events": events or [],
        "statements": statements or [],
    }


def gold(*articles: dict):
    return parse_gold({"articles": list(articles)})


def extraction(
    events: list[Event] | None = None,
    statements: list[Statement] | None = None,
    file: str = "t1.txt",
) -> Extraction:
    return Extraction(file, None, "2031-03-04", events=events or [], statements=statements or [])


def matches(
    gold_name: str, mention_text: str, *, person_kind: bool = False, code: str | None = None
) -> bool:
    return name_matches(
        GoldName.parse(gold_name), Mention(name_words(mention_text), person_kind, code)
    )


# --- names -----------------------------------------------------------------------------------


def test_name_words_ignore_case_punctuation_the_and_spell_abbreviations_out():
    assert (
        name_words("The U.S.")
        == name_words("united states")
        == name_words("USA")
        == name_words("US")
    )
    assert name_words("Britain") == name_words("UK") == name_words("United Kingdom")
    assert name_words("E.U.") == name_words("European Union")
    assert name_words("U.N. Security Council") == name_words("United Nations security council")
    assert name_words("Russian Federation") == name_words("Russia")
    assert name_words("Türkiye") == name_words("Turkey")
    # Lower-case words and names that merely end in the letters stay what they are.
    assert name_words("us") == ("us",)
    assert name_words("Kim Jong Un") == ("kim", "jong", "un")


def test_country_matches_its_code_and_names_containing_it_but_not_a_neighbour():
    assert matches("United States", "U.S.")
    assert matches("Ruritania|Russia", "Russian delegation")
    assert matches("Russia", "RUS")
    assert matches(
        "Brazil", "Senator Lopes", person_kind=True, code="BRA"
    )  # a participant's country_code
    assert matches("South Korea", "South Korean envoy")
    assert not matches("South Korea", "North Korean envoy")
    assert not matches("Russia", "Ukrainian delegation")
    assert not matches("United States", "Gulf States")


def test_person_matches_by_last_name_but_an_organisation_does_not():
    assert matches("Marta Quillan", "Quillan")
    assert matches("Quillan", "Marta Quillan", person_kind=True)
    assert matches("Marta Quillan", "Deputy Minister Quillan", person_kind=True)
    assert not matches(
        "Marta Quillan", "Quillan Shipping Lines"
    )  # not a person: last words differ anyway
    assert looks_like_person("Deputy Minister Quillan") and looks_like_person(
        "Abdel Karim al-Nouri"
    )
    assert not looks_like_person("Northern Liberation Army") and not looks_like_person(
        "Saudi Arabia"
    )
    assert not looks_like_person("Quillan administration")
    assert not matches("Marta Quillan", "Teodor Varga", person_kind=True)
    assert not matches("Northern Liberation Army", "Army")
    assert not matches("Zembla's Foreign Ministry", "ministry")
    assert matches("Zembla Foreign Ministry|ministry", "the Ministry")


# --- events ----------------------------------------------------------------------------------


def test_event_recall_and_precision_share_a_participant_and_type():
    g = gold(
        article(
            events=[
                {"type": "CONSULT", "participants": ["United States", "Ruritania"]},
                {"type": "ACCUSE", "participants": ["Marta Quillan"]},
            ]
        )
    )
    pred = extraction(
        [
            event("CONSULT", [country("U.S.", "USA")]),  # found, right
            event("ACCUSE", [person("Teodor Varga")]),  # wrong participant
            event("CONSULT", []),  # no participants: always a false positive
            event("THREATEN", [person("Marta Quillan")]),  # wrong type
        ]
    )
    s = score(g, {"t1.txt": pred})
    assert (s.events.gold, s.events.found, s.events.predicted, s.events.right) == (2, 1, 4, 1)
    assert s.events.recall == 0.5 and s.events.precision == 0.25
    assert s.events.f1 == pytest.approx(2 * 0.5 * 0.25 / 0.75)
    only = s.articles[0]
    assert [e.type for e in only.wrong_events] == ["ACCUSE", "CONSULT", "THREATEN"]
    assert [e.type for e in only.missed_events] == ["ACCUSE"]


def test_field_accuracy_counts_only_found_gold_events_that_have_the_field():
    g = gold(
        article(
            events=[
                {
                    "type": "CONSULT",
                    "kind": "meeting",
                    "participants": ["Ruritania"],
                    "location": "Strelsau",
                    "date": "2031-03-03",
                    "status": "concluded",
                },
                {
                    "type": "CONSULT",
                    "participants": ["Zembla"],
                    "location": "Zembla",
                    "status": "planned",
                },
                {
                    "type": "AGREE",
                    "participants": ["Marta Quillan"],
                    "date": "2031-03-01",
                },  # not found
            ]
        )
    )
    pred = extraction(
        [
            event(
                "CONSULT",
                [country("Ruritania", "RUR")],
                kind="meeting",
                location=Location("Strelsau Castle"),
                date="2031-03-03T10:00",
                status="ongoing",
            ),
            event("CONSULT", [country("Ruritania", "RUR")], kind="talks", status="concluded"),
            # Zembla is no country in the gazetteer: its place matches by name only.
            event(
                "CONSULT",
                [country("Zembla", "ZMB")],
                location=Location("Lusaka", "ZMB"),
                status="planned",
            ),
        ]
    )
    s = score(g, {"t1.txt": pred})
    assert s.events.found == 2
    assert s.field("kind") == (1, 1)  # one of the matching predictions has it
    assert s.field("location") == (1, 2)  # containment counts; another country's capital does not
    assert s.field("date") == (1, 1)  # first 10 characters; the missed AGREE is not counted
    assert s.field("status") == (2, 2)


def test_location_matches_the_country_code_of_a_gold_country():
    g = gold(article(events=[{"type": "CONSULT", "participants": ["Japan"], "location": "Japan"}]))
    pred = extraction(
        [event("CONSULT", [country("Japan", "JPN")], location=Location("Osaka", "JPN"))]
    )
    assert score(g, {"t1.txt": pred}).field("location") == (1, 1)


# --- statements ------------------------------------------------------------------------------


def test_statement_needs_speaker_and_content_with_quotes_and_spaces_normalised():
    g = gold(
        article(
            statements=[
                {"speaker": "Marta Quillan", "contains": "the border \u201cwill stay open\u201d"},
                {
                    "speaker": "Ruritanian Foreign Ministry|Foreign Ministry",
                    "contains": "Zembla\u2019s proposal is premature",
                },
                {"speaker": "Teodor Varga", "contains": "no deal this year"},
            ]
        )
    )
    pred = extraction(
        statements=[
            statement(
                "Marta Quillan", 'she said the border  "will stay open" for now', speaker_text="she"
            ),
            statement(
                "Ministry of Foreign Affairs",
                "Zembla's proposal is premature",
                speaker_kind="organization",
                speaker_text="the Foreign Ministry",
            ),
            statement("Teodor Varga", "there will be a deal this year"),  # content differs
        ]
    )
    s = score(g, {"t1.txt": pred})
    assert (s.statements.gold, s.statements.found, s.statements.predicted, s.statements.right) == (
        3,
        2,
        3,
        2,
    )


def test_speaker_title_and_country_are_dropped_from_the_mention():
    g = gold(
        article(
            statements=[
                {"speaker": "Ministry of Foreign Affairs", "contains": "calls for restraint"}
            ]
        )
    )
    pred = extraction(
        statements=[
            statement(
                "Turkish Ministry of Foreign Affairs",
                "it calls for restraint",
                speaker_kind="organization",
            )
        ]
    )
    assert score(g, {"t1.txt": pred}).statements.found == 1


def test_pronoun_or_null_speaker_is_a_false_positive_and_finds_nothing():
    g = gold(article(statements=[{"speaker": "Marta Quillan", "contains": "we are ready to talk"}]))
    pred = extraction(
        statements=[
            statement("she", "we are ready to talk", speaker_text="Marta Quillan"),
            statement(None, "we are ready to talk", speaker_text="Quillan", speaker_kind=None),
        ]
    )
    s = score(g, {"t1.txt": pred})
    assert (s.statements.found, s.statements.predicted, s.statements.right) == (0, 2, 0)
    assert len(s.articles[0].wrong_statements) == 2


# --- confidence, errors, folds ---------------------------------------------------------------


def test_min_confidence_drops_facts_before_scoring():
    g = gold(
        article(
            events=[{"type": "CONSULT", "participants": ["Ruritania"]}],
            statements=[{"speaker": "Marta Quillan", "contains": "we are ready to talk"}],
        )
    )
    pred = extraction(
        [
            event("CONSULT", [country("Ruritania", "RUR")], confidence=0.3),
            event("CONSULT", [], confidence=0.9),
        ],
        [statement("Marta Quillan", "we are ready to talk", confidence=0.6)],
    )
    everything = score(g, {"t1.txt": pred})
    assert (everything.events.found, everything.events.predicted) == (1, 2)
    strict = score(g, {"t1.txt": pred}, min_confidence=0.5)
    assert (strict.events.found, strict.events.predicted, strict.events.right) == (0, 1, 0)
    assert (strict.statements.found, strict.statements.predicted) == (1, 1)
    assert (
        score(g, {"t1.txt": pred}, min_confidence=0.6).statements.found == 1
    )  # "below" X is dropped
    assert score(g, {"t1.txt": pred}, min_confidence=0.7).statements.found == 0


def test_an_article_that_raised_or_is_missing_counts_as_errored_and_all_missed():
    g = gold(
        article(events=[{"type": "AID", "participants": ["Zembla"]}], file="a.txt"),
        article(statements=[{"speaker": "Marta Quillan", "contains": "ready"}], file="b.txt"),
    )
    s = score(g, {"a.txt": RuntimeError("boom")})
    assert s.errored == 2
    assert (s.events.gold, s.events.found, s.statements.gold, s.statements.found) == (1, 0, 1, 0)
    assert score(g, [extraction(file="a.txt"), extraction(file="b.txt")]).errored == 0


def test_folds_are_sorted_file_names_index_mod_k():
    assert fold_files(["c.txt", "a.txt", "d.txt", "b.txt", "e.txt"], 2) == [
        ["a.txt", "c.txt", "e.txt"],
        ["b.txt", "d.txt"],
    ]


def test_render_is_stable_and_scores_each_threshold_from_one_run():
    g = gold(
        article(events=[{"type": "CONSULT", "participants": ["Ruritania"]}], file="a.txt"),
        article(events=[{"type": "AID", "participants": ["Zembla"]}], file="b.txt"),
    )
    run = NewsRun(
        "dir",
        "m",
        g,
        {
            "a.txt": extraction(
                [event("CONSULT", [country("Ruritania", "RUR")], confidence=0.45)], file="a.txt"
            ),
            "b.txt": extraction([event("AID", [org("Someone Else")])], file="b.txt"),
        },
        seconds=2.0,
    )
    text = NewsReport(run, folds=2, show=3, curve=True).render()
    assert (
        "  events      R 0.500  P 0.500  F1 0.500   (found 1 of 2 gold; right 1 of 2 predicted)"
        in text
    )
    assert "    1        1.000  1.000  1.000" in text  # fold 1 is a.txt
    assert "    2        0.000  0.000  0.000" in text
    assert "     0.4   0.500  0.500  0.500     2" in text
    assert "     0.5   0.000  0.000  0.000     1" in text
    assert "    b.txt: AID [Zembla]" in text
    assert "    b.txt: AID/x [Someone Else]" in text
