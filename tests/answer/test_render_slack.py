"""The Slack renderer: every answer, however large or hostile, fits Block Kit and mentions no
one."""

from __future__ import annotations

import re
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.answer.model import Answer, Citation, Field, Item, Section
from bot.answer.render_slack import (
    ELLIPSIS,
    MAX_BLOCKS,
    MAX_CONTEXT_ELEMENTS,
    MAX_CONTEXT_TEXT,
    MAX_HEADER_TEXT,
    MAX_SECTION_TEXT,
    clip_words,
    escape,
    render_slack,
    safe_url,
)

# Words, hostile tokens and whitespace: enough to hit every limit and every escape.
_TOKENS = st.sampled_from(
    ["<!channel>", "<@U123>", "<#C1|x>", "@here", "&", "<", ">", "&amp;", "*", "_", "`", "|", "\n"]
)
_WORDS = st.text(min_size=0, max_size=40)
text = st.lists(st.one_of(_WORDS, _TOKENS), max_size=30).map(" ".join)
long_text = st.one_of(text, st.integers(0, 5000).map(lambda n: "word " * n), st.just("x" * 4000))
urls = st.one_of(
    st.none(),
    text,
    st.just("javascript:alert(1)"),
    st.builds(lambda s: f"https://example.org/{s}", text),
)
citations = st.builds(
    Citation,
    title=text,
    source=st.none() | text,
    published=st.none() | text,
    url=urls,
    evidence=st.none() | text,
)
items = st.builds(
    Item,
    heading=long_text,
    body=long_text,
    fields=st.lists(st.builds(Field, name=text, value=long_text), max_size=4),
    citations=st.lists(citations, max_size=5),
)
sections = st.builds(Section, title=text, items=st.lists(items, max_size=30))
answers = st.builds(
    Answer,
    query=text,
    intent=st.sampled_from(["latest_talks", "help", "brief", "who_said_what"]),
    title=long_text,
    sections=st.lists(sections, max_size=4),
    note=st.none() | long_text,
    ok=st.booleans(),
)

# The only `<` we may emit opens a link to an http(s) URL; anything else could mention or format.
_LINK = re.compile(r"<https?://[^\s<>|]+\|[^<>]*>")


def texts_of(blocks: list[dict[str, Any]]) -> list[tuple[str, str]]:
    """(block type, text) for every text object in the blocks."""
    found: list[tuple[str, str]] = []
    for block in blocks:
        if "text" in block:
            found.append((block["type"], block["text"]["text"]))
        for element in block.get("elements", []):
            found.append((block["type"], element["text"]))
    return found


def assert_safe(text_value: str) -> None:
    bare = _LINK.sub("", text_value)
    assert "<" not in bare and ">" not in bare, text_value
    assert re.search(r"&(?!amp;|lt;|gt;)", bare) is None, text_value


def assert_within_limits(blocks: list[dict[str, Any]]) -> None:
    assert 1 <= len(blocks) <= MAX_BLOCKS
    for block in blocks:
        if block["type"] == "header":
            assert block["text"]["type"] == "plain_text"
            assert 0 < len(block["text"]["text"]) <= MAX_HEADER_TEXT
        elif block["type"] == "section":
            assert (
                len(block["text"]["text"].strip()) > 0
                and len(block["text"]["text"]) <= MAX_SECTION_TEXT
            )
            assert block["text"]["verbatim"] is True
        elif block["type"] == "context":
            assert 1 <= len(block["elements"]) <= MAX_CONTEXT_ELEMENTS
            for element in block["elements"]:
                assert 0 < len(element["text"]) <= MAX_CONTEXT_TEXT
                assert element["verbatim"] is True
        else:
            assert block["type"] == "divider"


@settings(max_examples=150, deadline=None)
@given(answers)
def test_any_answer_fits_block_kit_and_mentions_no_one(answer: Answer) -> None:
    message = render_slack(answer)
    assert_within_limits(message.blocks)
    for _, value in texts_of(message.blocks):
        assert_safe(value)
    assert_safe(message.text)
    assert message.text.strip()
    assert (
        message.ephemeral == answer.ephemeral
    )  # refusals, and what the command table makes private


@settings(max_examples=200, deadline=None)
@given(text, st.integers(1, 200))
def test_clip_words_never_exceeds_and_never_splits_an_entity(value: str, limit: int) -> None:
    clipped = clip_words(value, limit)
    assert len(clipped) <= limit
    assert_safe(clipped)


def test_long_text_is_cut_between_words() -> None:
    clipped = clip_words("alpha beta gamma delta epsilon", 20)
    assert clipped == "alpha beta gamma" + ELLIPSIS
    assert clip_words("Moscow & Washington agreed", 17) == "Moscow &amp;" + ELLIPSIS


def test_mentions_and_markup_from_articles_are_escaped() -> None:
    answer = Answer(
        query="q",
        intent="who_said_what",
        title="<!channel> alert",
        sections=[
            Section(
                "",
                [
                    Item(
                        "<@U123> said",
                        "a <b> & c",
                        citations=[
                            Citation(
                                "T <!here>",
                                "Outlet <x>",
                                "2025-02-27",
                                "https://x.org/a?b=1&c=<2>|3",
                            )
                        ],
                    )
                ],
            )
        ],
    )
    message = render_slack(answer)
    dump = repr(message.blocks) + message.text
    assert "<!channel>" not in dump and "<@U123>" not in dump and "<!here>" not in dump
    assert message.blocks[0]["text"]["text"] == "&lt;!channel&gt; alert"
    context = message.blocks[2]["elements"][0]["text"]
    assert context == (
        "_Outlet &lt;x&gt;_ · 2025-02-27 · <https://x.org/a?b=1&amp;c=%3C2%3E%7C3|T &lt;!here&gt;>"
    )


def test_only_http_links_are_linked() -> None:
    assert safe_url("javascript:alert(1)") is None
    assert safe_url("<!channel>") is None
    assert safe_url("https://caliber.az/x y") == "https://caliber.az/x%20y"


def test_too_many_items_are_dropped_whole_and_the_message_says_so() -> None:
    many = [
        Item(f"Talks {n}", "body", citations=[Citation("t", "s", "2025-02-27")]) for n in range(40)
    ]
    message = render_slack(
        Answer("latest talks", "latest_talks", "Latest talks", [Section("", many)])
    )
    assert len(message.blocks) <= MAX_BLOCKS
    assert message.dropped > 0
    shown = [
        t for kind, t in texts_of(message.blocks) if kind == "section" and t.startswith("*Talks")
    ]
    assert len(shown) == 40 - message.dropped
    assert f"{message.dropped} more items left out" in message.blocks[-1]["elements"][0]["text"]


def test_refusals_are_ephemeral_and_show_the_note() -> None:
    message = render_slack(
        Answer("zzz", "unknown", "Briefbot", note="I didn't understand.", ok=False)
    )
    assert message.ephemeral
    assert message.blocks[-1] == {
        "type": "section",
        "text": {"type": "mrkdwn", "text": "I didn't understand.", "verbatim": True},
    }


def test_max_section_text_is_honoured_for_one_enormous_item() -> None:
    item = Item("h " * 2000, "b " * 5000, [Field("f", "v " * 3000)] * 10)
    message = render_slack(Answer("q", "brief", "Brief", [Section("", [item])]))
    assert all(len(t) <= MAX_SECTION_TEXT for _, t in texts_of(message.blocks))


def test_escape_covers_slacks_three_control_characters() -> None:
    assert escape("<@U1> & <!here>") == "&lt;@U1&gt; &amp; &lt;!here&gt;"


def test_a_title_only_answer_is_one_short_line():
    from bot.answer.model import Answer
    from bot.answer.render_slack import render_slack

    message = render_slack(
        Answer("brief", "brief", "Nothing new since Sat 28 Nov 2026, 08:00 UTC.")
    )
    assert [b["type"] for b in message.blocks] == ["section"]
    assert "Nothing new since" in message.blocks[0]["text"]["text"]
