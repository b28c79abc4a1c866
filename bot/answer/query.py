"""The command language: free text -> an intent with filters. One parser for every adapter."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from rapidfuzz import process

from bot.answer.commands import (
    BARE,
    COMMANDS,
    FILTERS,
    NUMBER,
    REST,
    TYPE_WORDS,
    WORDS,
    Command,
    suggestion_words,
)
from bot.facts import PLOVER_TYPES

MAX_QUERY_CHARS = 500


@dataclass(frozen=True)
class Query:
    intent: str
    text: str
    names: tuple[str, ...] = ()
    topic: str | None = None
    since: str | None = None  # YYYY-MM-DD, inclusive
    until: str | None = None
    plover_type: str | None = None
    place: str | None = None  # `in PLACE`, as typed: bot.answer.places says what it covers
    words: str | None = None  # search text
    number: int | None = None  # unsubscribe/pause/resume N, unwatch N
    schedule: str | None = None  # the rest of a subscribe or watch command
    suggestions: tuple[str, ...] = field(default=())  # for intent "unknown"
    problem: str | None = None


_SPACES = re.compile(r"\s+")
# A whole mention, or the start of one left unclosed ("<@U123" with no ">").
_MENTION = re.compile(r"<[@#!][^>]*>|<[@#!][^>\s]*|@(?:everyone|here)\b", re.IGNORECASE)


def clean(text: str) -> str:
    """Printable text on one line, without platform mentions, at most MAX_QUERY_CHARS."""
    return _one_line(text)[:MAX_QUERY_CHARS]


def _one_line(text: str) -> str:
    text = "".join(ch if ch.isprintable() else " " for ch in text)
    # Until nothing changes: removing "@here" from "@every@hereone" would leave "@everyone".
    while (cleaned := _MENTION.sub(" ", text)) != text:
        text = cleaned
    return _SPACES.sub(" ", text).strip()


def _split_time(text: str, today: date) -> tuple[str, str | None, str | None]:
    """Strip a trailing time filter ('since 2025-02-01', 'this week', 'today') from the text."""
    patterns: list[tuple[str, Callable[[re.Match[str]], tuple[date, date]] | None]] = [
        (r"\btoday$", lambda m: (today, today)),
        (r"\byesterday$", lambda m: (today - timedelta(days=1), today - timedelta(days=1))),
        (r"\bthis week$", lambda m: (today - timedelta(days=today.weekday()), today)),
        (
            r"\blast week$",
            lambda m: (
                today - timedelta(days=today.weekday() + 7),
                today - timedelta(days=today.weekday() + 1),
            ),
        ),
        (r"\bthis month$", lambda m: (today.replace(day=1), today)),
        (
            r"\b(?:in the )?(?:last|past) (\d{1,3}) days$",
            lambda m: (today - timedelta(days=int(m.group(1))), today),
        ),
        (r"\bsince (.+)$", None),
    ]
    for pattern, make in patterns:
        match = re.search(pattern, text, re.IGNORECASE)
        if not match:
            continue
        if make is None:
            since = parse_day(match.group(1), today)
            if since is None:
                continue
            return text[: match.start()].strip(), since.isoformat(), None
        start, end = make(match)
        return text[: match.start()].strip(), start.isoformat(), end.isoformat()
    return text, None, None


def parse_day(text: str, today: date) -> date | None:
    text = text.strip()
    try:
        return date.fromisoformat(text)
    except ValueError:
        pass
    import dateparser

    try:
        parsed = dateparser.parse(
            text,
            languages=["en"],
            settings={
                "RELATIVE_BASE": datetime.combine(today, datetime.min.time()),
                "PREFER_DATES_FROM": "past",
            },
        )
    except Exception:  # dateparser fails in odd ways on odd text
        return None
    return parsed.date() if parsed else None


def _split_topic(text: str) -> tuple[str, str | None]:
    match = re.search(r"\b(?:about|on|regarding|concerning) (.+)$", text, re.IGNORECASE)
    if not match:
        return text, None
    return text[: match.start()].strip(), match.group(1).strip(" \"'") or None


def _names(text: str) -> tuple[str, ...]:
    text = re.sub(
        r"^(?:with|between|involving|of|by|from|against|for|among)\s+",
        "",
        text.strip(),
        flags=re.IGNORECASE,
    )
    parts = re.split(r"\s*(?:,|\band\b|&|\bvs\.?|\bversus\b)\s*", text, flags=re.IGNORECASE)
    return tuple(p.strip(" \"'?.!") for p in parts if p.strip(" \"'?.!"))


def parse(raw: str, today: date | None = None) -> Query:
    """Parse one query; never raises. Unknown input becomes intent 'unknown' with suggestions."""
    today = today or date.today()
    full = _one_line(raw)
    text = full[:MAX_QUERY_CHARS]
    if not text:
        return Query("help", text, problem="empty")
    if len(full) > MAX_QUERY_CHARS:
        # Refused rather than cut: a query cut at 500 characters could mean something else.
        return Query(
            "help",
            text,
            problem=(
                f"That's too long for me ({len(full):,} characters): please ask in under "
                f'{MAX_QUERY_CHARS} characters, e.g. `search "a few words"`.'
            ),
        )
    bare = text.rstrip("?!. ")
    for command in COMMANDS:
        for pattern in command.patterns:
            match = pattern.match(bare if command.reads == BARE else text)
            if match:
                return _read(command, text, match, today)
    return Query("unknown", text, suggestions=suggest(bare.lower()))


def _read(command: Command, text: str, match: re.Match[str], today: date) -> Query:
    """The Query a command's match stands for, by how the command reads what follows its words."""
    groups = match.groupdict()
    if command.reads == FILTERS:
        return _with_filters(command, text, match, today)
    if command.reads == NUMBER:
        number = re.fullmatch(r"#?(\d{1,9})", (groups.get("number") or "").strip())
        if number is None:
            return Query("help", text, problem=command.problem)
        return Query(command.intent, text, number=int(number.group(1)))
    rest = (groups.get("rest") or "").strip()
    if command.reads == WORDS:
        words = rest.strip("\"'“”")
        return (
            Query(command.intent, text, words=words)
            if words
            else Query("help", text, problem=command.problem)
        )
    if command.reads == REST:
        if not rest and command.problem:
            return Query("help", text, problem=command.problem)
        return Query(
            command.intent, text, schedule=rest if command.intent == "subscribe" else (rest or None)
        )
    assert command.reads == BARE, command.reads
    return Query(command.intent, text)


def _filters(rest: str, today: date) -> tuple[str, str | None, str | None, str | None]:
    """(names part, topic, since, until) from what follows the command words."""
    rest, since, until = _split_time(rest.strip(), today)
    rest, topic = _split_topic(rest)
    if since is None and topic:
        topic, since, until = _split_time(topic, today)
    if since is None:
        rest, since, until = _split_time(rest, today)
    topic = topic.strip(" \"'?.!“”") if topic else None
    return rest, topic or None, since, until


# `in PLACE` at the end of the names part, after a verb people put before it ("agreements signed
# in Doha", "talks held in Istanbul"). Topic and time are split off first, so `about trade in
# Asia` stays a topic and `in the last 7 days` a time.
_PLACE = re.compile(
    r"(?:^|\s)(?:(?:signed|held|hosted|reached|concluded|took place|taking place)\s+)?"
    r"(?:in|at)\s+(?P<place>\S.*)$",
    re.IGNORECASE,
)
_PLACE_VERB_ONLY = re.compile(r"^(?:signed|held|hosted|reached|concluded)$", re.IGNORECASE)


def _split_place(rest: str) -> tuple[str, str | None]:
    """(names part, place) for commands that take `in PLACE`."""
    match = _PLACE.search(rest)
    if match is None:
        return ("" if _PLACE_VERB_ONLY.match(rest.strip()) else rest), None
    place = match.group("place").strip(" \"'?.!,“”")
    return rest[: match.start()].strip(), place or None


def _with_filters(command: Command, text: str, match: re.Match[str], today: date) -> Query:
    intent = command.intent
    groups = match.groupdict()
    plover = None
    if "type" in groups:
        word = (groups["type"] or "").lower()
        plover = TYPE_WORDS.get(word)
        if word and plover is None:
            return Query(
                "help",
                text,
                problem=f"unknown event type {groups['type']!r}; try one of: "
                + ", ".join(t.lower() for t in PLOVER_TYPES),
            )
    if intent == "agreements":
        plover = "AGREE"
    rest, topic, since, until = _filters(groups.get("rest") or groups.get("topic") or "", today)
    if "topic" in groups and not topic:
        topic = rest.strip(" \"'?.!“”") or None  # "who said what embassy staffing"
        rest = ""
    place = None
    if command.places:
        rest, place = _split_place(rest)
    names = _names(groups["names"]) if groups.get("names") else _names(rest)
    if intent == "profile":
        names = names[:1]
    return Query(
        intent,
        text,
        names=names,
        topic=topic,
        since=since,
        until=until,
        plover_type=plover,
        place=place,
    )


_SUGGESTIONS = suggestion_words()


def suggest(text: str, limit: int = 3) -> tuple[str, ...]:
    """The commands closest to what was typed."""
    found = process.extract(text[:60], _SUGGESTIONS, limit=limit, score_cutoff=40)
    return tuple(choice for choice, _, _ in found) or ("help", "latest talks", "who said what")
