"""The command language: free text -> an intent with filters. One parser for every adapter."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from rapidfuzz import process

from bot.facts import PLOVER_TYPES
from bot.watch import grammar as watch_grammar

MAX_QUERY_CHARS = 500

COMMANDS = (
    "latest talks", "who said what", "what did X say", "quotes X", "agreements", "events TYPE",
    "timeline X", "who is X", "brief", "search \"words\"", "sources", "help", "more",
    "subscribe daily at 08:00", "subscriptions", "unsubscribe N", "pause N", "resume N",
    "subscribe feed URL", "unsubscribe feed N",
    *(form.usage.split(" [", 1)[0] for form in watch_grammar.COMMANDS),
)

# Plural nouns people type for PLOVER types ("events accusations").
TYPE_WORDS = {
    "agreement": "AGREE", "agreements": "AGREE", "deal": "AGREE", "deals": "AGREE",
    "consultation": "CONSULT", "consultations": "CONSULT", "talks": "CONSULT", "meetings": "CONSULT",
    "support": "SUPPORT", "concession": "CONCEDE", "concessions": "CONCEDE",
    "cooperation": "COOPERATE", "aid": "AID", "assistance": "AID", "retreat": "RETREAT",
    "retreats": "RETREAT", "withdrawals": "RETREAT", "request": "REQUEST", "requests": "REQUEST",
    "accusation": "ACCUSE", "accusations": "ACCUSE", "rejection": "REJECT", "rejections": "REJECT",
    "threat": "THREATEN", "threats": "THREATEN", "protest": "PROTEST", "protests": "PROTEST",
    "sanction": "SANCTION", "sanctions": "SANCTION", "mobilization": "MOBILIZE",
    "mobilizations": "MOBILIZE", "deployments": "MOBILIZE", "coercion": "COERCE",
    "arrests": "COERCE", "assault": "ASSAULT", "assaults": "ASSAULT", "attacks": "ASSAULT",
}
TYPE_WORDS.update({t.lower(): t for t in PLOVER_TYPES})


@dataclass(frozen=True)
class Query:
    intent: str
    text: str
    names: tuple[str, ...] = ()
    topic: str | None = None
    since: str | None = None  # YYYY-MM-DD, inclusive
    until: str | None = None
    plover_type: str | None = None
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
    patterns: list[tuple[str, object]] = [
        (r"\btoday$", lambda m: (today, today)),
        (r"\byesterday$", lambda m: (today - timedelta(days=1), today - timedelta(days=1))),
        (r"\bthis week$", lambda m: (today - timedelta(days=today.weekday()), today)),
        (r"\blast week$", lambda m: (today - timedelta(days=today.weekday() + 7), today - timedelta(days=today.weekday() + 1))),
        (r"\bthis month$", lambda m: (today.replace(day=1), today)),
        (r"\b(?:in the )?(?:last|past) (\d{1,3}) days$", lambda m: (today - timedelta(days=int(m.group(1))), today)),
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
        start, end = make(match)  # type: ignore[operator]
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
            settings={"RELATIVE_BASE": datetime.combine(today, datetime.min.time()), "PREFER_DATES_FROM": "past"},
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
    text = re.sub(r"^(?:with|between|involving|of|by|from|against|for|among)\s+", "", text.strip(), flags=re.IGNORECASE)
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
        return Query("help", text, problem=(
            f"That's too long for me ({len(full):,} characters): please ask in under "
            f"{MAX_QUERY_CHARS} characters, e.g. `search \"a few words\"`."
        ))
    lowered = text.lower().rstrip("?!. ")
    head = lowered.split(" ", 1)[0]
    if lowered in ("help", "?", "commands", "usage"):
        return Query("help", text)
    if lowered in ("more", "next", "next page"):
        return Query("more", text)
    if lowered in ("sources", "outlets", "feeds"):
        return Query("sources", text)
    if lowered in ("subscriptions", "list subscriptions", "schedules"):
        return Query("subscriptions", text)
    if (watch := _watch_command(text)) is not None:
        return watch
    if head == "unsubscribe" and re.match(r"unsubscribe\s+feed\b", lowered):
        match = re.fullmatch(r"unsubscribe\s+feed\s+#?(\d{1,9})", lowered)
        if not match:
            return Query("help", text, problem="say `unsubscribe feed N` with the feed's number from `subscriptions`")
        return Query("unsubscribe_feed", text, number=int(match.group(1)))
    if head in ("unsubscribe", "pause", "resume"):
        match = re.fullmatch(r"\w+\s+#?(\d{1,9})", lowered)
        if not match:
            return Query("help", text, problem=f"say `{head} N` with the number from `subscriptions`")
        return Query(head, text, number=int(match.group(1)))
    if head == "subscribe":
        return Query("subscribe", text, schedule=text.split(" ", 1)[1] if " " in text else "")
    if head == "search":
        words = text.split(" ", 1)[1].strip() if " " in text else ""
        words = words.strip("\"'“”")
        if not words:
            return Query("help", text, problem="say `search \"words\"`")
        return Query("search", text, words=words)

    for pattern, intent in _COMMANDS:
        match = re.match(pattern, text, re.IGNORECASE)
        if match:
            return _with_filters(intent, text, match, today)
    return Query("unknown", text, suggestions=suggest(lowered))


def _watch_command(text: str) -> Query | None:
    """`watch QUERY ...`, `watches`, `unwatch N`, `pause watch N`, `resume watch N`; the watch's
    own query is parsed by the watch commands, once, when the watch is made."""
    found = watch_grammar.match_command(text)
    if found is None:
        return None
    intent, rest, number = found
    if intent == "watch" and not (rest or "").strip():
        return Query("help", text, problem=f"say `watch QUERY`, for example {watch_grammar.EXAMPLES}")
    if intent in watch_grammar.NUMBERED and number is None:
        usage = next(f.usage for f in watch_grammar.COMMANDS if f.intent == intent)
        return Query("help", text, problem=f"say `{usage}` with the watch's number from `watches`")
    return Query(intent, text, number=number, schedule=(rest or "").strip() or None)


# (pattern, intent): the command words, then a remainder of names, topic and time filters.
_COMMANDS: tuple[tuple[str, str], ...] = (
    (r"^(?:latest |recent |new )?(?:talks|meetings|negotiations|consultations|diplomacy)\b(?P<rest>.*)$", "latest_talks"),
    # "statements by X" names a speaker (the `statements? by` form below), not a topic "by X".
    (r"^(?:who said what|what was said|statements(?!\s+by\b)|who said)\b(?P<topic>.*)$", "who_said_what"),
    (r"^what (?:did|does|has|have) (?P<names>.+?) (?:say|said|says|tell|told)\b(?P<rest>.*)$", "who_said_what"),
    (r"^(?:quotes?|statements? by|said by)\s+(?P<rest>.+)$", "who_said_what"),
    (r"^(?:agreements?|deals?)\b(?P<rest>.*)$", "agreements"),
    (r"^events?\b\s*(?P<type>\w*)(?P<rest>.*)$", "events"),
    (r"^(?P<type>" + "|".join(sorted(set(TYPE_WORDS) - {"support", "aid", "talks", "meetings", "agreement", "agreements"}, key=len, reverse=True)) + r")\b(?P<rest>.*)$", "events"),
    (r"^timeline\s+(?:of\s+|for\s+)?(?P<rest>.+)$", "timeline"),
    (r"^(?:who is|who's|whois|profile)\s+(?P<names>.+?)[?.!]*$", "profile"),
    (r"^(?:brief|briefing|digest|summary)\b(?P<topic>.*)$", "brief"),
)


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


def _with_filters(intent: str, text: str, match: re.Match[str], today: date) -> Query:
    groups = match.groupdict()
    plover = None
    if "type" in groups:
        word = (groups["type"] or "").lower()
        plover = TYPE_WORDS.get(word)
        if word and plover is None:
            return Query("help", text, problem=f"unknown event type {groups['type']!r}; try one of: " + ", ".join(t.lower() for t in PLOVER_TYPES))
    if intent == "agreements":
        plover = "AGREE"
    rest, topic, since, until = _filters(groups.get("rest") or groups.get("topic") or "", today)
    if "topic" in groups and not topic:
        topic = rest.strip(" \"'?.!“”") or None  # "who said what embassy staffing"
        rest = ""
    names = _names(groups["names"]) if groups.get("names") else _names(rest)
    if intent == "profile":
        names = names[:1]
    return Query(intent, text, names=names, topic=topic, since=since, until=until, plover_type=plover)


def suggest(text: str, limit: int = 3) -> tuple[str, ...]:
    """The commands closest to what was typed."""
    found = process.extract(text[:60], COMMANDS, limit=limit, score_cutoff=40)
    return tuple(choice for choice, _, _ in found) or ("help", "latest talks", "who said what")

