"""The command table: every command of the language declared once.

Each row says how the command is typed (its patterns), how the rest of the text becomes a `Query`
(`reads`), who answers it (`handler`), what `help` says, examples, and whether the answer is
paged, admin-only or private. The parser, the dispatcher, `help`, chat autocomplete, the Slack
manifest's usage hint and the README's table are all derived from `COMMANDS` (tests compare the
manifest and the README with it), so a command cannot exist in one place and not another.

This module imports nothing of the answer service or the parser, so both can import it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TypedDict, Unpack

from bot.facts import PLOVER_TYPES

# Plural nouns people type for PLOVER types ("events accusations").
TYPE_WORDS = {
    "agreement": "AGREE",
    "agreements": "AGREE",
    "deal": "AGREE",
    "deals": "AGREE",
    "consultation": "CONSULT",
    "consultations": "CONSULT",
    "talks": "CONSULT",
    "meetings": "CONSULT",
    "support": "SUPPORT",
    "concession": "CONCEDE",
    "concessions": "CONCEDE",
    "cooperation": "COOPERATE",
    "aid": "AID",
    "assistance": "AID",
    "retreat": "RETREAT",
    "retreats": "RETREAT",
    "withdrawals": "RETREAT",
    "request": "REQUEST",
    "requests": "REQUEST",
    "accusation": "ACCUSE",
    "accusations": "ACCUSE",
    "rejection": "REJECT",
    "rejections": "REJECT",
    "threat": "THREATEN",
    "threats": "THREATEN",
    "protest": "PROTEST",
    "protests": "PROTEST",
    "sanction": "SANCTION",
    "sanctions": "SANCTION",
    "mobilization": "MOBILIZE",
    "mobilizations": "MOBILIZE",
    "deployments": "MOBILIZE",
    "coercion": "COERCE",
    "arrests": "COERCE",
    "assault": "ASSAULT",
    "assaults": "ASSAULT",
    "attacks": "ASSAULT",
}
TYPE_WORDS.update({t.lower(): t for t in PLOVER_TYPES})
# Type words that start another command ("talks ...", "agreements ...") or read as a topic.
_NOT_EVENT_HEADS = {"support", "aid", "talks", "meetings", "agreement", "agreements"}
_EVENT_HEADS = "|".join(sorted(set(TYPE_WORDS) - _NOT_EVENT_HEADS, key=len, reverse=True))

WATCH_EXAMPLES = (
    "`watch talks with Lavrov`, `watch agreements between Armenia and Azerbaijan`, "
    "`watch statements by State Department about Iran` or `watch events sanctions against Russia`"
)

# How the text after the command words becomes a Query (see bot.answer.query.parse).
BARE = "bare"  # nothing follows
NUMBER = "number"  # `N` follows: Query.number, or `problem` when it is missing
REST = "rest"  # the rest is kept as Query.schedule (a schedule, a feed, a watch's query)
WORDS = "words"  # search words
FILTERS = "filters"  # names, place, topic and time filters


@dataclass(frozen=True)
class Command:
    intent: str  # the Query's intent (several rows may share one: `quotes X`, `what did X say`)
    usage: str  # as `help` and the README show it
    what: str  # what it answers, for `help`
    patterns: tuple[re.Pattern[str], ...]
    reads: str
    handler: str  # who answers: an AnswerService method, or the "subscriptions"/"watches" hook
    examples: tuple[str, ...] = ()  # offered by autocomplete; the first is in the Slack hint
    paged: bool = False  # lists pages: `more` and the Previous/Next buttons
    facts: bool = False  # lists facts with sources: the Sources button shows their evidence
    places: bool = False  # takes `in PLACE` (events only: statements have no place)
    admin_only: bool = False
    private: bool = False  # answered to the asker only, on every platform
    group: str = ""  # rows sharing a group share one line of `help` and the README
    problem: str | None = None  # what to say when the required part is missing


class _Options(TypedDict, total=False):
    """A Command's optional fields, as `_command` takes them by name."""

    examples: tuple[str, ...]
    paged: bool
    facts: bool
    places: bool
    admin_only: bool
    private: bool
    group: str
    problem: str | None


def _command(
    intent: str,
    usage: str,
    what: str,
    patterns: tuple[str, ...],
    reads: str,
    handler: str,
    **options: Unpack[_Options],
) -> Command:
    compiled = tuple(re.compile(p, re.IGNORECASE) for p in patterns)
    return Command(intent, usage, what, compiled, reads, handler, **options)


_N = r"(?:\s+(?P<number>.+?))?"  # what should be a number; checked by the parser

COMMANDS: tuple[Command, ...] = (
    _command(
        "latest_talks",
        "latest talks [with|between X [and Y]] [in PLACE] [about TOPIC] [since DATE|this week]",
        "talks, meetings, calls, visits, newest first; a country's places count for it",
        (
            r"^(?:latest |recent |new )?"
            r"(?:talks|meetings|negotiations|consultations|diplomacy)\b(?P<rest>.*)$",
        ),
        FILTERS,
        "latest_talks",
        examples=("latest talks", "latest talks in Istanbul"),
        paged=True,
        facts=True,
        places=True,
    ),
    _command(
        "who_said_what",
        "who said what [about TOPIC] [since DATE]",
        "statements with speaker, title, what was said and the source",
        # "statements by X" names a speaker (the `quotes X` row), not a topic "by X".
        (r"^(?:who said what|what was said|statements(?!\s+by\b)|who said)\b(?P<topic>.*)$",),
        FILTERS,
        "who_said_what",
        examples=("who said what",),
        paged=True,
        facts=True,
    ),
    _command(
        "who_said_what",
        "what did X say [about TOPIC]",
        "one speaker's statements",
        (r"^what (?:did|does|has|have) (?P<names>.+?) (?:say|said|says|tell|told)\b(?P<rest>.*)$",),
        FILTERS,
        "who_said_what",
        examples=("what did Lavrov say",),
        paged=True,
        facts=True,
        group="speaker",
    ),
    _command(
        "who_said_what",
        "quotes X",
        "one speaker's statements",
        (r"^(?:quotes?|statements? by|said by)\s+(?P<rest>.+)$",),
        FILTERS,
        "who_said_what",
        paged=True,
        facts=True,
        group="speaker",
    ),
    _command(
        "agreements",
        "agreements [between X and Y] [signed in PLACE]",
        "agreements",
        (r"^(?:agreements?|deals?)\b(?P<rest>.*)$",),
        FILTERS,
        "events",
        examples=("agreements", "agreements signed in Doha"),
        paged=True,
        facts=True,
        places=True,
    ),
    _command(
        "events",
        "events TYPE [in PLACE]",
        "any PLOVER type: " + ", ".join(t.lower() for t in PLOVER_TYPES),
        (
            r"^events?\b\s*(?P<type>\w*)(?P<rest>.*)$",
            r"^(?P<type>" + _EVENT_HEADS + r")\b(?P<rest>.*)$",
        ),
        FILTERS,
        "events",
        examples=("events sanctions",),
        paged=True,
        facts=True,
        places=True,
    ),
    _command(
        "timeline",
        "timeline X [and Y]",
        "events and statements in date order",
        (r"^timeline\s+(?:of\s+|for\s+)?(?P<rest>.+)$",),
        FILTERS,
        "timeline",
        paged=True,
        facts=True,
    ),
    _command(
        "profile",
        "who is X",
        "title, country, aliases, latest statements and meetings",
        (r"^(?:who is|who's|whois|profile)\s+(?P<names>.+?)[?.!]*$",),
        FILTERS,
        "profile",
        facts=True,
    ),
    _command(
        "chart",
        "chart talks [with X] [in PLACE] [since DATE]",
        "a picture of talks: events per week by kind, and who met whom (line width = meetings), "
        "with alt text",
        (
            r"^charts?(?:\s+(?:of\s+)?(?:latest |recent )?"
            r"(?:talks|meetings|negotiations|diplomacy)\b)?(?P<rest>.*)$",
        ),
        FILTERS,
        "chart",
        examples=("chart talks", "chart talks since 2025-01-01"),
        places=True,
    ),
    _command(
        "brief",
        "brief [today|this week|since DATE] [about TOPIC]",
        "the digest: talks, what's coming, agreements, key statements, other events, where "
        "sources disagree",
        (r"^(?:brief|briefing|digest|summary)\b(?P<topic>.*)$",),
        FILTERS,
        "brief",
        examples=("brief", "brief this week"),
        facts=True,
    ),
    _command(
        "search",
        'search "words"',
        "full-text search over statements and articles",
        (r"^search\b\s*(?P<rest>.*)$",),
        WORDS,
        "search",
        paged=True,
        facts=True,
        problem='say `search "words"`',
    ),
    _command(
        "sources",
        "sources",
        "outlets read",
        (r"^(?:sources|outlets)$",),
        BARE,
        "sources",
        examples=("sources",),
    ),
    _command(
        "subscribe",
        "subscribe feed URL",
        "read an RSS or Atom feed from now on (admins)",
        (r"^subscribe\s+(?P<rest>feed\b.*)$",),
        REST,
        "subscriptions",
        admin_only=True,
        group="feeds",
    ),
    _command(
        "unsubscribe_feed",
        "unsubscribe feed N",
        "stop reading feed N (admins)",
        (r"^unsubscribe\s+feed\b" + _N + r"[?!.]*$",),
        NUMBER,
        "subscriptions",
        admin_only=True,
        group="feeds",
        problem="say `unsubscribe feed N` with the feed's number from `subscriptions`",
    ),
    _command(
        "subscribe",
        "subscribe daily at 08:00 [Europe/Berlin] [weekdays] [about TOPIC] [no thread]",
        "scheduled channel briefings, as a headline with the briefing in its thread (admins)",
        (r"^subscribe\b\s*(?P<rest>.*)$",),
        REST,
        "subscriptions",
        examples=("subscribe daily at 08:00 UTC",),
        admin_only=True,
    ),
    _command(
        "subscriptions",
        "subscriptions",
        "this workspace's scheduled briefings and (for admins) feeds",
        (r"^(?:subscriptions|list subscriptions|schedules|feeds)$",),
        BARE,
        "subscriptions",
        examples=("subscriptions",),
        group="subscriptions",
    ),
    _command(
        "unsubscribe",
        "unsubscribe N",
        "delete briefing N (admins)",
        (r"^unsubscribe\b" + _N + r"[?!.]*$",),
        NUMBER,
        "subscriptions",
        examples=("unsubscribe",),
        admin_only=True,
        group="subscriptions",
        problem="say `unsubscribe N` with the number from `subscriptions`",
    ),
    _command(
        "pause",
        "pause N",
        "pause briefing N (admins)",
        (r"^pause\b(?!\s+watch\b)" + _N + r"[?!.]*$",),
        NUMBER,
        "subscriptions",
        admin_only=True,
        group="subscriptions",
        problem="say `pause N` with the number from `subscriptions`",
    ),
    _command(
        "resume",
        "resume N",
        "resume briefing N (admins)",
        (r"^resume\b(?!\s+watch\b)" + _N + r"[?!.]*$",),
        NUMBER,
        "subscriptions",
        admin_only=True,
        group="subscriptions",
        problem="say `resume N` with the number from `subscriptions`",
    ),
    _command(
        "watch",
        "watch QUERY [at most N an hour] [quiet 22:00-07:00 [TZ]] [confidence 0.8]",
        "post each new matching talk, agreement, event or statement here as it is ingested "
        "(admins)",
        (r"^watch(?:\s+(?P<rest>.*))?$",),
        REST,
        "watches",
        examples=("watch talks with Lavrov",),
        admin_only=True,
        problem=f"say `watch QUERY`, for example {WATCH_EXAMPLES}",
    ),
    _command(
        "watches",
        "watches",
        "this workspace's watches",
        (r"^(?:watches|list watches)$",),
        BARE,
        "watches",
        examples=("watches",),
        group="watches",
    ),
    _command(
        "unwatch",
        "unwatch N",
        "delete watch N (admins)",
        (r"^unwatch" + _N + r"[?!.]*$",),
        NUMBER,
        "watches",
        admin_only=True,
        group="watches",
        problem="say `unwatch N` with the watch's number from `watches`",
    ),
    _command(
        "pause_watch",
        "pause watch N",
        "stop watch N's alerts for now (admins)",
        (r"^pause\s+watch" + _N + r"[?!.]*$",),
        NUMBER,
        "watches",
        admin_only=True,
        group="watches",
        problem="say `pause watch N` with the watch's number from `watches`",
    ),
    _command(
        "resume_watch",
        "resume watch N",
        "start them again; what came in meanwhile is not posted (admins)",
        (r"^resume\s+watch" + _N + r"[?!.]*$",),
        NUMBER,
        "watches",
        admin_only=True,
        group="watches",
        problem="say `resume watch N` with the watch's number from `watches`",
    ),
    _command(
        "more",
        "more",
        "the next page of the previous answer in this channel (or press Next)",
        (r"^(?:more|next|next page)$",),
        BARE,
        "more",
        examples=("more",),
    ),
    _command(
        "help",
        "help",
        "the list above",
        (r"^(?:help|\?|commands|usage)$",),
        BARE,
        "help",
        examples=("help",),
        private=True,
    ),
)

_GROUP_WHAT = {
    "speaker": "one speaker's statements",
    "feeds": "read an RSS or Atom feed's new articles from now on, or stop (admins)",
    "subscriptions": (
        "list scheduled briefings (and, for admins, feeds); delete, pause or resume one (admins)"
    ),
    "watches": "list watches; delete, pause or resume one (admins)",
}


def _by_intent() -> dict[str, Command]:
    found: dict[str, Command] = {}
    for command in COMMANDS:
        first = found.setdefault(command.intent, command)
        # Rows of one intent are one command typed several ways: they must agree on how it is
        # answered.
        assert (first.handler, first.paged, first.facts, first.admin_only, first.private) == (
            command.handler,
            command.paged,
            command.facts,
            command.admin_only,
            command.private,
        ), command.usage
    return found


BY_INTENT = _by_intent()
ADMIN_ONLY = frozenset(c.intent for c in COMMANDS if c.admin_only)
PAGED = frozenset(c.intent for c in COMMANDS if c.paged)


def command_of(intent: str) -> Command | None:
    return BY_INTENT.get(intent)


def is_private(intent: str) -> bool:
    command = BY_INTENT.get(intent)
    return command is not None and command.private


def handled_by(handler: str) -> tuple[Command, ...]:
    return tuple(c for c in COMMANDS if c.handler == handler)


def help_rows() -> tuple[tuple[str, str], ...]:
    """(usages, what) for `help` and the README: one row per command, or per group of commands."""
    rows: list[tuple[str, str]] = []
    seen: set[str] = set()
    for command in COMMANDS:
        if not command.group:
            rows.append((f"`{command.usage}`", command.what))
        elif command.group not in seen:
            seen.add(command.group)
            members = [c for c in COMMANDS if c.group == command.group]
            rows.append((", ".join(f"`{c.usage}`" for c in members), _GROUP_WHAT[command.group]))
    return tuple(rows)


def readme_table() -> str:
    """The README's table of the command language, exactly as it must appear there."""
    lines = ["| query | answer |", "|---|---|"]
    # A bare `|` ends a table cell in Markdown, even inside backticks.
    lines += [f"| {usages.replace('|', chr(92) + '|')} | {what} |" for usages, what in help_rows()]
    return "\n".join(lines)


def examples() -> tuple[str, ...]:
    """Every example, in table order: what autocomplete offers before names."""
    return tuple(dict.fromkeys(e for c in COMMANDS for e in c.examples))


def first_examples() -> tuple[str, ...]:
    """Each command's first example, in table order (the Slack hint, the App Home's examples)."""
    return tuple(dict.fromkeys(c.examples[0] for c in COMMANDS if c.examples))


def usage_hint() -> str:
    """The Slack manifest's `usage_hint` for `/brief`: each command's first example."""
    return " | ".join(first_examples())


def suggestion_words() -> tuple[str, ...]:
    """What `suggest` compares unknown input with: each usage up to its first option."""
    return tuple(dict.fromkeys(c.usage.split(" [", 1)[0] for c in COMMANDS))
