"""The quote scorer follows the eval README's rules exactly (they are also used on held-out
data)."""

from __future__ import annotations

from bot.evaluate.quotes import (
    GoldQuote,
    Prediction,
    QuoteScores,
    head_word,
    match_contents,
    speaker_matches,
)


def pred(
    content: str, speaker_text: str = "he", speaker: str | None = None, direct: bool = False
) -> Prediction:
    return Prediction(speaker, speaker_text, content, direct)


def test_head_word_is_the_last_capitalised_word_before_a_comma_or_relative_pronoun():
    assert head_word("Mr. Obama, who spoke on Friday") == "obama"
    assert head_word("Leonard E. Burman, director of the Tax Policy Center") == "burman"
    assert head_word("a New York Times/CBS News poll released last week") == "news"
    assert head_word("sources") == "sources"
    assert head_word("Trump's campaign") == "trump"
    assert head_word("who") == "who"
    assert head_word(None) is None


def test_a_hyphenated_name_is_split_into_word_tokens_as_the_content_rule_counts_them():
    assert head_word("Rep. Alexandria Ocasio-Cortez, a Democrat") == "cortez"
    assert speaker_matches("Ocasio-Cortez", pred("x", "Alexandria Ocasio-Cortez"))
    assert speaker_matches("Alexandria Ocasio - Cortez", pred("x", "Ocasio-Cortez"))


def test_speaker_match_tries_mention_and_resolved_name_both_ways():
    assert speaker_matches("he", pred("x", "he", "Donald Trump"))
    assert speaker_matches("Trump", pred("x", "he", "Donald Trump"))
    assert speaker_matches("President Donald Trump", pred("x", "Trump", None))
    assert not speaker_matches("Clinton", pred("x", "he", "Donald Trump"))
    assert not speaker_matches(None, pred("x", "he", "Donald Trump"))


def test_content_match_needs_half_the_words_both_ways_and_is_one_to_one():
    golds = [GoldQuote("A", "the talks will resume next week in Istanbul", False)]
    too_long = pred(
        "the talks will resume next week in Istanbul and then the ministers will fly home to rest"
    )
    assert match_contents([too_long], golds) == {}
    a = pred("the talks will resume next week")
    b = pred("talks will resume next week in Istanbul")
    assert match_contents([a, b], golds) == {1: 0}


def test_scores_and_render():
    scores = QuoteScores(path="x.jsonl", model="m", articles=1, seconds=2.0)
    golds = [
        GoldQuote("Lavrov", "we will not accept ultimatums", True),
        GoldQuote("Rubio", "talks went well", False),
    ]
    scores.add_article(
        [
            pred("we will not accept ultimatums", "he", "Sergey Lavrov", True),
            pred("other words entirely"),
        ],
        golds,
    )
    assert (scores.all.correct, scores.all.predicted, scores.all.gold) == (1, 2, 2)
    assert (scores.direct.correct, scores.direct.predicted, scores.direct.gold) == (1, 1, 1)
    assert scores.pronoun_mentions == 2 and scores.pronoun_resolved == 1
    text = scores.render()
    assert "attribution, all         P  50.0  R  50.0  F1  50.0" in text
    assert "attribution, direct      P 100.0  R 100.0  F1 100.0" in text
