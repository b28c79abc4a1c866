"""Who said it, and how sure we are: bodies, documents, groups, unnamed sources and the confidence
of each statement. Sentences are the repository's own, run through the real pipeline."""

from __future__ import annotations

import pytest

from bot.extract.extractor import ExtractRequest
from bot.facts import Statement


@pytest.fixture(scope="module")
def say(extractor):
    def run(text: str) -> list[Statement]:
        return extractor.extract(ExtractRequest("t", text, "2025-03-01")).statements

    return run


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


def test_a_body_named_by_its_country(say):
    text = "Peru's foreign office said that the border crossing would reopen next week."
    s = find(say(text), "border crossing")
    assert s.speaker is not None and "Peru" in s.speaker and "Office" in s.speaker
    assert s.confidence >= 0.5


def test_the_statement_speaks_for_whoever_issued_it(say):
    text = (
        "Finnish President Alexander Stubb issued a statement on Sunday.\n\n"
        "\u201cWe will keep our airspace closed to these flights until further notice,\u201d the statement read."
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
