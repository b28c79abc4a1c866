"""Schedules: the words of `subscribe ...` -> a cron expression in a timezone, and its slots.

Slots are computed by cronsim in the subscription's own timezone, so "08:00 Europe/Berlin" stays
08:00 local across daylight-saving changes; a wall time skipped by a spring-forward fires once at
the first valid minute after it, and one repeated by a fall-back fires once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from itertools import pairwise
from zoneinfo import ZoneInfo, available_timezones

from cronsim import CronSim, CronSimError

# Anything more frequent would flood a channel; hourly is already a lot for a briefing.
MIN_INTERVAL = timedelta(hours=1)

DAYS = {
    "sun": 0,
    "sunday": 0,
    "sundays": 0,
    "mon": 1,
    "monday": 1,
    "mondays": 1,
    "tue": 2,
    "tues": 2,
    "tuesday": 2,
    "tuesdays": 2,
    "wed": 3,
    "wednesday": 3,
    "wednesdays": 3,
    "thu": 4,
    "thur": 4,
    "thurs": 4,
    "thursday": 4,
    "thursdays": 4,
    "fri": 5,
    "friday": 5,
    "fridays": 5,
    "sat": 6,
    "saturday": 6,
    "saturdays": 6,
}
DAY_NAMES = ("Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday")
WEEKDAYS = frozenset({1, 2, 3, 4, 5})
FILLER = frozenset({"every", "each", "on", "at", "and", "day", "days", "daily", "in", "the"})
EXAMPLES = (
    "`subscribe daily at 08:00 Europe/Berlin weekdays about embassies`, "
    '`subscribe every monday at 09:00 UTC` or `subscribe cron "0 8 * * 1-5" Europe/Berlin`'
)


class RuleError(ValueError):
    """The schedule cannot be understood; the message says what to type instead."""


@dataclass(frozen=True)
class Rule:
    cron: str
    timezone: str
    topic: str | None
    description: str  # "weekdays at 08:00 Europe/Berlin"


@lru_cache(maxsize=1)
def _zones() -> dict[str, str]:
    zones = {name.lower(): name for name in available_timezones()}
    zones.update({"utc": "UTC", "gmt": "UTC", "z": "UTC"})
    return zones


def zone_name(word: str) -> str | None:
    """The IANA name for a typed timezone, whatever its case; None if it is not one."""
    return _zones().get(word.strip().lower())


_TOPIC = re.compile(r"\s+about\s+(?P<topic>.+)$", re.IGNORECASE)
# A briefing posts as a headline with the briefing in its thread, unless the rule ends so. Kept in
# the rule's description (stored with the subscription), so no second place says it.
NO_THREAD = "no thread"
_NO_THREAD = re.compile(
    r"[\s,;]+(?:no thread|without (?:a )?thread|unthreaded|in channel)$", re.IGNORECASE
)


def threaded(description: str) -> bool:
    """Whether a subscription with this rule posts its briefing in a thread under a headline."""
    return not description.endswith(", " + NO_THREAD)


_QUOTES = "\"'“”‘’`"
_CRON = re.compile(
    r"^cron\s+(?:[" + _QUOTES + r"](?P<quoted>[^" + _QUOTES + r"]+)[" + _QUOTES + r"]"
    r"|(?P<bare>(?:\S+\s+){4}\S+))(?:\s+(?P<rest>.*))?$",
    re.IGNORECASE,
)
_TIME = re.compile(r"^(?P<h>\d{1,2})(?::(?P<m>\d{2}))?\s*(?P<ampm>am|pm)?$", re.IGNORECASE)


def parse_rule(text: str, default_tz: str, now: datetime | None = None) -> Rule:
    """`daily at 08:00 [TZ] [weekdays] [about TOPIC] [no thread]`, `every monday at 09:00 ...`,
    `cron "..." ...`."""
    text = " ".join(text.split())
    flat = bool(match := _NO_THREAD.search(" " + text))
    if match:
        text = (" " + text)[: match.start()].strip()
    topic = None
    if match := _TOPIC.search(" " + text):
        topic = match.group("topic").strip(" \"'“”.") or None
        text = (" " + text)[: match.start()].strip()
    if not text:
        raise RuleError(f"say when, for example {EXAMPLES}")
    if match := _CRON.match(text):
        expr = match.group("quoted") or match.group("bare")
        cron, zone, description = _cron_rule(expr, match.group("rest") or "", default_tz)
    elif text.lower().startswith("cron"):
        raise RuleError(
            'write the cron expression in quotes, like `subscribe cron "0 8 * * 1-5" Europe/Berlin`'
        )
    else:
        cron, zone, description = _word_rule(text, default_tz)
    check_cron(cron, zone, now or datetime.now(UTC))
    if flat:
        description += ", " + NO_THREAD
    return Rule(cron=cron, timezone=zone, topic=topic, description=description)


def _cron_rule(expr: str, rest: str, default_tz: str) -> tuple[str, str, str]:
    expr = " ".join(expr.split())
    if len(expr.split(" ")) != 5:
        raise RuleError(
            "a cron schedule has five fields (minute hour day month weekday), "
            f'like "0 8 * * 1-5"; got "{expr}"'
        )
    zone = default_tz
    for word in rest.split():
        found = zone_name(word)
        if found is None:
            raise RuleError(
                f"“{word}” is not a timezone I know (use an IANA name such as Europe/Berlin, or "
                "UTC)"
            )
        zone = found
    return expr, zone, f'cron "{expr}" {zone}'


def _word_rule(text: str, default_tz: str) -> tuple[str, str, str]:
    zone, clock = default_tz, None
    days: set[int] = set()
    unknown: list[str] = []
    text = re.sub(r"(\d)\s+(am|pm)\b", r"\1\2", text, flags=re.IGNORECASE)  # "7:30 am" is one time
    for raw in re.split(r"[\s,]+", text):
        word = raw.strip().lower()
        if not word:
            continue
        if (found := zone_name(raw)) is not None and ("/" in raw or word in ("utc", "gmt")):
            zone = found
        elif word in ("weekdays", "weekday", "workdays", "working"):
            days |= WEEKDAYS
        elif word in ("weekends", "weekend"):
            days |= {0, 6}
        elif word in DAYS:
            days.add(DAYS[word])
        elif (time_match := _TIME.match(word)) and (":" in word or time_match.group("ampm")):
            clock = _clock(time_match)
        elif word in FILLER:
            continue
        else:
            unknown.append(raw)
    if unknown:
        raise RuleError(
            f"I don't understand “{' '.join(unknown)}” in that schedule; try {EXAMPLES}"
        )
    if clock is None:
        raise RuleError(f"say at what time, for example {EXAMPLES}")
    hour, minute = clock
    dow = "*" if not days or len(days) == 7 else ",".join(str(d) for d in sorted(days))
    if days == WEEKDAYS:
        dow = "1-5"
    return (
        f"{minute} {hour} * * {dow}",
        zone,
        f"{_days_text(days)} at {hour:02d}:{minute:02d} {zone}",
    )


def clock_of(text: str) -> tuple[int, int]:
    """(hour, minute) of a typed time ("08:00", "7:30pm"); RuleError when it is none."""
    match = _TIME.match(text.strip().replace(" ", ""))
    if match is None or not (":" in text or match.group("ampm")):
        raise RuleError(f"“{text}” is not a time (use 24-hour HH:MM, like 08:00)")
    return _clock(match)


def _clock(match: re.Match[str]) -> tuple[int, int]:
    hour, minute = int(match.group("h")), int(match.group("m") or 0)
    ampm = (match.group("ampm") or "").lower()
    if ampm:
        if not 1 <= hour <= 12:
            raise RuleError(f"“{match.group(0)}” is not a time")
        hour = hour % 12 + (12 if ampm == "pm" else 0)
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        raise RuleError(f"“{match.group(0)}” is not a time (use 24-hour HH:MM, like 08:00)")
    return hour, minute


def _days_text(days: set[int]) -> str:
    if not days or len(days) == 7:
        return "daily"
    if days == WEEKDAYS:
        return "weekdays"
    if days == {0, 6}:
        return "weekends"
    order = sorted(days, key=lambda d: (d == 0, d))  # Monday first, Sunday last
    return "every " + ", ".join(DAY_NAMES[d] for d in order)


def check_cron(cron: str, zone: str, now: datetime) -> None:
    """Refuse expressions cronsim cannot read, that never fire, or that fire too often."""
    try:
        slots = CronSim(cron, now.astimezone(ZoneInfo(zone)))
        times = [next(slots) for _ in range(30)]
    except (CronSimError, StopIteration) as error:
        raise RuleError(f"that cron expression does not work: {error}") from error
    gaps = [b - a for a, b in pairwise(times)]
    if gaps and min(gaps) < MIN_INTERVAL:
        raise RuleError("briefings can be at most hourly; choose a less frequent schedule")


WEEK = timedelta(days=7)


def weekly(cron: str) -> bool:
    """Whether `cron` fires once a week (`every monday at 09:00`, `cron "0 9 * * 1"`): its
    briefing covers a week, so it carries the week's chart."""
    # Any start will do: a weekly rule's slots are a week apart wherever they are counted from
    # (in UTC, so no daylight-saving change can stretch a gap).
    try:
        slots = CronSim(cron, datetime(2025, 1, 6))
        times = [next(slots) for _ in range(5)]
    except (CronSimError, StopIteration):
        return False
    return all(later - earlier == WEEK for earlier, later in pairwise(times))


def latest_slot(cron: str, zone: str, now: datetime) -> datetime:
    """The most recent slot at or before `now` (UTC)."""
    # cronsim's reverse iteration excludes its start; starting at the next whole minute keeps a
    # slot that falls exactly on `now` (the scheduler wakes precisely at slot times).
    start = now.astimezone(UTC).replace(second=0, microsecond=0) + timedelta(minutes=1)
    return next(CronSim(cron, start.astimezone(ZoneInfo(zone)), reverse=True)).astimezone(UTC)


def next_slot(cron: str, zone: str, after: datetime) -> datetime:
    """The first slot strictly after `after` (UTC)."""
    return next(CronSim(cron, after.astimezone(ZoneInfo(zone)))).astimezone(UTC)
