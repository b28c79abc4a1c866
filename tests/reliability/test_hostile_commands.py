"""Hostile commands: random and adversarial text through the parser, the answer service on the
seeded database, and all three renderers (Hypothesis).

Specification: whatever a user types -- FTS5 and SQL syntax, mention and markdown syntax, control
characters, other scripts and emoji, 10,000 characters -- nothing raises, nothing fails inside
(no "something went wrong"), a refusal says why, every rendering fits its platform, and nothing
posted can mention anyone. Run with -s to see how many cases each test tried.
"""

from __future__ import annotations

import asyncio
import re
import shutil
from collections import Counter
from collections.abc import Iterator
from datetime import date

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from adapters.discord_bot.messages import message_kwargs
from bot.answer.model import Answer, Citation, Conversation, Field, Item, Section
from bot.answer.query import MAX_QUERY_CHARS, parse
from bot.answer.render_discord import render_discord
from bot.answer.render_slack import render_slack
from bot.answer.render_text import render_text
from bot.engine import Engine
from tests.conftest import make_settings
from tests.fakes.discord_api import message_errors
from tests.fakes.slack_api import blocks_error

TODAY = date(2025, 3, 1)
CASES: Counter[str] = Counter()

# Fragments an attacker, a confused user or a hostile article would use.
HOSTILE = [
    '"',
    '""',
    "*",
    "OR",
    "AND",
    "NOT",
    "NEAR(",
    "NEAR(a b, 2)",
    "--",
    ";",
    "'",
    "');",
    "'); DROP TABLE articles; --",
    "1=1",
    "%",
    "_",
    "\\",
    "^",
    "{col}:",
    "col:word",
    "(",
    ")",
    "<@U123>",
    "<@W0ADMIN|admin>",
    "<!channel>",
    "<!here>",
    "<!everyone>",
    "<!subteam^S1>",
    "<#C123|general>",
    "@everyone",
    "@here",
    "@EVERYONE",
    "<@&1234>",
    "<@!1234>",
    "<#1234>",
    "</brief:1>",
    "<t:0:R>",
    "<a:x:1>",
    "*bold*",
    "_it_",
    "~strike~",
    "`code`",
    "```",
    "> quote",
    "||spoiler||",
    "[click](https://evil.example)",
    "<https://evil.example|click>",
    "&amp;",
    "&lt;",
    "&",
    "<",
    ">",
    "\u202e",
    "\u200b",
    "\ufeff",
    "\x00",
    "\x1b[31m",
    "\r\n",
    "\t",
    "\x7f",
    "\x85",
    "مفاوضات",
    "Лавров",
    "переговоры",
    "外交",
    "🇺🇦🤝🇷🇺",
    "👍🏽",
    "🏳️‍🌈",
    "e\u0301",
    "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
    "latest talks",
    "who said what",
    "what did",
    "say",
    "quotes",
    "agreements",
    "events",
    "threats",
    "timeline",
    "who is",
    "brief",
    "search",
    "sources",
    "help",
    "more",
    "about",
    "since",
    "this week",
    "yesterday",
    "between",
    "and",
    "with",
    "Lavrov",
    "Rubio",
    "Sergei",
    "subscribe",
    "subscribe feed",
    "unsubscribe",
    "pause 99999999999",
    "resume -1",
    "subscriptions",
    "2025-02-30",
    "since 9999-12-31",
    "last 999 days",
    "since the dawn of time",
]

fragment = st.one_of(st.sampled_from(HOSTILE), st.text(max_size=20))
hostile_query = st.one_of(
    st.lists(fragment, max_size=14).map(" ".join),
    st.text(max_size=300),
    st.builds(lambda word, n: (word + " ") * n, st.sampled_from(HOSTILE), st.integers(1, 2500)),
)

# Mention syntax that must never reach a platform intact.
SLACK_MENTION = re.compile(r"<[!@#]")
DISCORD_MENTION = re.compile(r"@(everyone|here)|<[@#]|<a?:\w+:\d+>|<t:", re.IGNORECASE)
SLACK_LINK = re.compile(r"<https?://[^<>|\s]+\|[^<>]*>")
CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")


@pytest.fixture(scope="module", autouse=True)
def report_counts() -> Iterator[None]:
    yield
    print(f"\nfuzz cases ({__name__}): " + ", ".join(f"{k}={v}" for k, v in sorted(CASES.items())))
    print(f"fuzz cases ({__name__}) total: {sum(CASES.values())}")


# -- checks every answer must pass, on every platform -------------------------------------------


def slack_texts(message) -> list[str]:
    texts = [message.text]
    for block in message.blocks:
        if "text" in block:
            texts.append(block["text"]["text"])
        # A context element's text is a string; a button's (paging, Sources) a text object.
        texts += [
            e["text"] if isinstance(e["text"], str) else e["text"]["text"]
            for e in block.get("elements", [])
        ]
    return texts


def assert_safe_everywhere(answer: Answer) -> None:
    """Fits each platform, cannot mention anyone, no control characters in the console text."""
    slack = render_slack(answer)
    assert blocks_error(slack.blocks) is None
    for text in slack_texts(slack):
        bare = SLACK_LINK.sub("", text)  # our own <https://...|title> links are the only markup
        assert "<" not in bare and ">" not in bare, text
        assert not SLACK_MENTION.search(text)
        assert not re.search(r"&(?!amp;|lt;|gt;)", text), text
    discord = render_discord(answer)
    assert message_errors(discord.to_dict()) == []
    shown = [discord.content or ""] + [
        part
        for embed in discord.embeds
        for part in (
            embed.get("title", ""),
            embed.get("description", ""),
            embed.get("footer", {}).get("text", ""),
        )
    ]
    for text in shown:
        assert not DISCORD_MENTION.search(text), text
    allowed = message_kwargs(answer)["allowed_mentions"]
    assert not (allowed.everyone or allowed.users or allowed.roles or allowed.replied_user)
    text = render_text(answer)
    assert not CONTROL.search(text)


# -- the parser ---------------------------------------------------------------------------------


@settings(max_examples=1500, deadline=None)
@given(hostile_query)
def test_the_parser_never_raises_and_keeps_no_mentions_or_controls(raw: str) -> None:
    CASES["parser"] += 1
    query = parse(raw, today=TODAY)
    assert query.intent
    assert len(query.text) <= MAX_QUERY_CHARS
    assert not re.search(r"<[@#!]|@everyone|@here", query.text, re.IGNORECASE)
    assert all(ch.isprintable() for ch in query.text)


@pytest.mark.parametrize("length", [501, 10_000, 100_000])
def test_an_overlong_query_is_refused_with_the_reason(length: int) -> None:
    CASES["parser"] += 1
    query = parse("latest talks about " + "x " * length, today=TODAY)
    assert query.intent == "help"
    assert query.problem and "too long" in query.problem


# -- the answer service on the seeded database --------------------------------------------------


@pytest.fixture(scope="module")
def seeded(
    seeded_db_template, tmp_path_factory, extractor
) -> Iterator[tuple[asyncio.Runner, Engine]]:
    """One engine on a copy of the seeded database, on a loop these sync tests drive."""
    path = tmp_path_factory.mktemp("hostile") / "briefbot.db"
    shutil.copy(seeded_db_template, path)
    runner = asyncio.Runner()
    # No rate limit here: this test is about what is typed, not how often.
    engine = runner.run(
        Engine.open(make_settings(path, BRIEFBOT_RATE_PER_MINUTE=0), load_model=False)
    )
    engine._extractor = extractor
    yield runner, engine
    runner.run(engine.close())
    runner.close()


CONVERSATIONS = [
    Conversation("slack", "T1", "C1", "U1"),
    Conversation("discord", "1", "2", "3"),
    Conversation("console", "local", "console", "console", is_admin=True),
]


@settings(
    max_examples=250,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(raw=hostile_query, where=st.sampled_from(CONVERSATIONS))
def test_any_query_gets_a_safe_answer_from_the_seeded_engine(
    seeded, raw: str, where: Conversation
) -> None:
    CASES["answer service + 3 renderers"] += 1
    runner, engine = seeded
    answer = runner.run(engine.answer(raw, where))
    assert isinstance(answer, Answer) and answer.title
    # AnswerService turns an internal error into this apology: no input may cause one.
    assert answer.title != "Sorry, something went wrong", (raw, answer.note)
    if not answer.ok:
        assert answer.note or answer.items, "a refusal must say why"
    assert_safe_everywhere(answer)


@pytest.mark.parametrize(
    "raw",
    [
        'search "NEAR(embassy talks, 2)"',
        "search embassy*",
        "search embassy OR 1=1",
        'search "',
        "search ;--",
        "search '); DROP TABLE articles; --",
        "who said what about ' OR '1'='1",
        'who said what about "embassy',
        "latest talks about NEAR(",
        "search ^embassy",
        "search col:embassy",
        "search {title}: x",
        "timeline Lavrov'); --",
        "who is <@U123>",
        "what did @everyone say",
        "quotes <!channel>",
        "search \x00\x1b[2J",
        "events threats since 0000-00-00",
        "brief since 10000 years ago",
        "latest talks between " + " and ".join(["Lavrov"] * 300),
    ],
)
def test_fts_and_sql_syntax_is_searched_for_as_words(seeded, raw: str) -> None:
    CASES["answer service + 3 renderers"] += 1
    runner, engine = seeded
    answer = runner.run(engine.answer(raw, CONVERSATIONS[0]))
    assert answer.title != "Sorry, something went wrong", answer.note
    assert_safe_everywhere(answer)
    # The database is intact after every attempt.
    assert runner.run(engine.answer("sources", CONVERSATIONS[2])).items


def test_memory_stays_bounded_over_many_hostile_queries(seeded, monkeypatch) -> None:
    """Thousands of distinct channels asking (and so paging): memory stops growing at the cap."""
    import tracemalloc

    from bot.answer import paging

    monkeypatch.setattr(paging, "MAX_PAGED_CONVERSATIONS", 200)
    runner, engine = seeded
    tracemalloc.start()
    try:
        for n in range(2000):
            where = Conversation("discord", "g", f"dm{n}", f"u{n}")
            runner.run(engine.answer("who said what about " + "x" * 400, where))
            if n == 400:
                baseline = tracemalloc.get_traced_memory()[0]
        grown = tracemalloc.get_traced_memory()[0] - baseline
    finally:
        tracemalloc.stop()
    CASES["answer service + 3 renderers"] += 2000
    assert len(engine.answer_service()._pages) == 200
    assert grown < 1_000_000, f"grew by {grown:,} bytes after the cap was reached"


# -- the renderers ------------------------------------------------------------------------------

text = st.one_of(
    st.lists(fragment, max_size=30).map(" ".join),
    st.text(max_size=600),
    st.builds(lambda word, n: word * n, st.sampled_from(HOSTILE), st.integers(1, 400)),
)
url = st.one_of(
    st.none(),
    text,
    st.sampled_from(
        [
            "https://example.com/a?b=1&c=<!channel>",
            "javascript:alert(1)",
            "https://x.example/|<@U1>",
            "https://example.com/" + "a" * 3000,
            "http://[::1",
            "data:text/html,<b>",
            "https://ok.example/path) [x](y",
            "slack://channel?id=C1",
            "https://ok.example/@everyone",
        ]
    ),
)
citation = st.builds(
    Citation, title=text, source=st.none() | text, published=st.none() | text, url=url
)
item = st.builds(
    Item,
    heading=text,
    body=text,
    fields=st.lists(st.builds(Field, text, text), max_size=4),
    citations=st.lists(citation, max_size=5),
)
answer = st.builds(
    Answer,
    query=text,
    intent=st.sampled_from(["latest_talks", "help", "brief"]),
    title=text,
    sections=st.lists(st.builds(Section, text, st.lists(item, max_size=8)), max_size=4),
    note=st.none() | text,
    ok=st.booleans(),
)


HUGE = "@everyone <!channel> " * 5000  # 100,000 characters of mentions in one article


@settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(answer)
@example(
    Answer(
        "q",
        "brief",
        HUGE,
        [
            Section(
                HUGE,
                [Item(HUGE, HUGE, [Field(HUGE, HUGE)], [Citation(HUGE, HUGE, HUGE, HUGE)])] * 30,
            )
        ]
        * 6,
        note=HUGE,
    )
)
def test_hostile_article_text_renders_safely_on_every_platform(hostile_answer: Answer) -> None:
    CASES["renderers"] += 1
    assert_safe_everywhere(hostile_answer)
