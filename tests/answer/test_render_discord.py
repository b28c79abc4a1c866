"""The Discord renderer: every answer, however large or hostile, fits Discord's limits."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.answer.model import Answer, Citation, Field, Item, Section
from bot.answer.render_discord import (
    MAX_AUTHOR,
    MAX_CONTENT,
    MAX_DESCRIPTION,
    MAX_EMBEDS,
    MAX_FIELD_NAME,
    MAX_FIELD_VALUE,
    MAX_FIELDS,
    MAX_FOOTER,
    MAX_TITLE,
    MAX_TOTAL,
    ZWSP,
    clip_words,
    discord_len,
    embed_chars,
    neutralise,
    render_discord,
)

text = st.lists(
    st.one_of(
        st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40),
        st.sampled_from(["@everyone", "@here", "<@123>", "<#9>", " ", "\n", "**", "😀", "x" * 300]),
    ),
    max_size=60,
).map("".join)
short = st.text(max_size=80)
citations = st.builds(
    Citation,
    title=short,
    source=st.none() | short,
    published=st.none() | st.just("2025-02-27"),
    url=st.none()
    | st.sampled_from(["https://example.org/a(b) c", "javascript:alert(1)", "x" * 900]),
)
items = st.builds(
    Item,
    heading=text,
    body=text,
    fields=st.lists(st.builds(Field, name=short, value=text), max_size=30),
    citations=st.lists(citations, max_size=5),
)
answers = st.builds(
    Answer,
    query=short,
    intent=st.just("brief"),
    title=text,
    sections=st.lists(
        st.builds(Section, title=text, items=st.lists(items, max_size=12)), max_size=14
    ),
    note=st.none() | text,
    ok=st.booleans(),
)


def assert_within_limits(message: dict) -> None:
    assert message["content"] is None or discord_len(message["content"]) <= MAX_CONTENT
    embeds = message["embeds"]
    assert 1 <= len(embeds) <= MAX_EMBEDS
    assert sum(embed_chars(e) for e in embeds) <= MAX_TOTAL
    for embed in embeds:
        assert discord_len(embed.get("title", "")) <= MAX_TITLE
        assert discord_len(embed.get("description", "")) <= MAX_DESCRIPTION
        assert discord_len(embed.get("footer", {}).get("text", "")) <= MAX_FOOTER
        assert discord_len(embed.get("author", {}).get("name", "")) <= MAX_AUTHOR
        assert len(embed.get("fields", [])) <= MAX_FIELDS
        for fld in embed.get("fields", []):
            assert discord_len(fld["name"]) <= MAX_FIELD_NAME
            assert discord_len(fld["value"]) <= MAX_FIELD_VALUE


def all_text(message: dict) -> str:
    parts = [message["content"] or ""]
    for embed in message["embeds"]:
        parts += [embed.get("title", ""), embed.get("description", "")]
        parts.append(embed.get("footer", {}).get("text", ""))
    return "\n".join(parts)


@settings(max_examples=80, deadline=None)
@given(answers)
def test_any_answer_renders_within_every_limit(answer: Answer) -> None:
    message = render_discord(answer).to_dict()
    assert_within_limits(message)
    rendered = all_text(message)
    assert "@everyone" not in rendered and "@here" not in rendered
    assert not re.search(r"<[@#]", rendered)
    assert "javascript:" not in rendered.replace("javascript\\:", "")  # never a link target


@given(st.text(max_size=400), st.integers(min_value=1, max_value=300))
def test_clipping_never_cuts_inside_a_word(value: str, limit: int) -> None:
    clipped = clip_words(value, limit)
    assert discord_len(clipped) <= limit
    if clipped != value and clipped != "…":
        kept = clipped.removesuffix("…")
        assert value.startswith(kept)
        assert value[len(kept)].isspace()


def test_mentions_are_neutralised() -> None:
    assert neutralise("hi @everyone and @here") == f"hi @{ZWSP}everyone and @{ZWSP}here"
    assert "<@" not in neutralise("ping <@123> <@&5>")


def test_citations_show_outlet_date_and_link() -> None:
    item = Item(
        heading="Russia and United States: talks in Istanbul",
        body="Talks on embassy operations.",
        citations=[Citation("Russia-US talks", "Caliber.Az", "2025-02-27", "https://caliber.az/x")],
    )
    message = render_discord(
        Answer("latest talks", "latest_talks", "Latest talks", [Section("", [item])])
    )
    description = message.embeds[0]["description"]
    assert "[Caliber.Az, 2025-02-27](https://caliber.az/x)" in description
    assert message.embeds[0]["title"] == "Latest talks"


def test_too_many_items_are_trimmed_whole_and_said_so() -> None:
    many = [Item(heading=f"Item {n}", body="word " * 130) for n in range(40)]
    message = render_discord(Answer("brief", "brief", "Brief", [Section("All", many)]))
    assert message.dropped > 0
    assert "left out" in message.embeds[-1]["footer"]["text"]
    assert message.embeds[0]["description"].count("**Item ") == 40 - message.dropped
    assert_within_limits(message.to_dict())
