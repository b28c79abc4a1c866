"""spaCy's working memory is bounded: batches by size, long texts in pieces, the same facts."""

from __future__ import annotations

import pytest

from bot.extract.batching import pack, split_text
from bot.extract.extractor import ExtractRequest
from bot.ingest.readers import read_article
from tests.conftest import SEED_ARTICLE

PARAGRAPH = (
    "The minister said talks would resume in Geneva. Officials gave no date for the next round.\n\n"
)


def test_a_long_text_is_cut_after_paragraph_breaks_and_loses_nothing() -> None:
    text = PARAGRAPH * 40
    pieces = split_text(text, 1_000)
    assert "".join(pieces) == text
    assert all(len(p) <= 1_000 for p in pieces)
    assert all(p.endswith("\n\n") for p in pieces)


def test_without_paragraphs_a_text_is_cut_after_a_sentence_then_at_any_space() -> None:
    sentences = "Talks went on. " * 200
    assert all(p.endswith(". ") for p in split_text(sentences, 500))
    words = "talks " * 300
    pieces = split_text(words, 500)
    assert "".join(pieces) == words and all(p.endswith(" ") and len(p) <= 500 for p in pieces)


def test_a_run_of_whitespace_is_never_split_and_an_unbroken_run_is_cut_at_the_bound() -> None:
    text = "a" * 700 + "\n\n\n\n" + "b" * 700
    assert split_text(text, 703) == ["a" * 700 + "\n\n\n\n", "b" * 700]
    assert split_text("x" * 1_000, 400) == ["x" * 400, "x" * 400, "x" * 200]


def test_a_short_text_is_one_piece() -> None:
    assert split_text("Short.", 1_000) == ["Short."]
    assert split_text("", 1_000) == [""]


def test_batches_are_bounded_by_count_and_size_and_keep_order() -> None:
    sizes = [300, 300, 300, 900, 2_500, 100, 100, 100, 100, 100]
    batches = list(pack(sizes, lambda n: n, max_count=4, max_size=1_000))
    assert [n for batch in batches for n in batch] == sizes
    assert batches == [[300, 300, 300], [900], [2_500], [100, 100, 100, 100], [100]]


@pytest.fixture(scope="module")
def seed_request() -> ExtractRequest:
    article = read_article(SEED_ARTICLE, 5_000_000)
    return ExtractRequest("seed", article.text, article.published, article.title)


def test_an_article_run_in_pieces_gives_the_same_facts_and_offsets(
    extractor, seed_request, seed_facts
) -> None:
    assert len(split_text(seed_request.text, 600)) >= 4
    assert extractor.extract(seed_request, max_chars=600).to_json() == seed_facts


def test_a_text_longer_than_spacys_own_limit_is_still_extracted(extractor, seed_request) -> None:
    nlp = extractor.nlp
    saved = nlp.max_length
    nlp.max_length = 1_500  # stands in for spaCy's 1,000,000 characters, which take a minute to run
    try:
        with pytest.raises(ValueError, match="E088"):
            nlp(seed_request.text)
        facts = extractor.extract(seed_request, max_chars=1_000)
    finally:
        nlp.max_length = saved
    assert any(s.speaker and "Lavrov" in s.speaker for s in facts.statements)


def test_mixed_batches_give_one_result_per_article_in_order(extractor, seed_request) -> None:
    short = ExtractRequest("short", "Sergei Lavrov said the talks were useful.", "2025-02-27")
    requests = [short, seed_request, short, short]
    results = list(extractor.extract_many(requests, max_chars=2_000))
    assert [r.id for r in results] == ["short", "seed", "short", "short"]
    assert results[0].to_json() == results[2].to_json()


def test_a_caller_can_ask_for_smaller_batches_than_the_default(
    extractor, seed_request, seed_facts
) -> None:
    [facts] = extractor.extract_many([seed_request], max_chars=600)
    assert facts.to_json() == seed_facts
