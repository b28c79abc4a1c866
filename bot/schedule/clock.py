"""Time in the scheduler: one injectable clock, and one text form for instants in the database.

Instants are stored as UTC ISO 8601 with microseconds, the same form as the store's ingest
timestamps, so a briefing window compares as text against `first_seen` and `updated_at`.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

Clock = Callable[[], datetime]  # returns an aware datetime
Sleep = Callable[[float], Awaitable[None]]


def system_clock() -> datetime:
    return datetime.now(UTC)


def to_db(moment: datetime) -> str:
    if moment.tzinfo is None:
        raise ValueError("naive datetime: the scheduler only handles aware instants")
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def from_db(text: str) -> datetime:
    return datetime.fromisoformat(text).astimezone(UTC)


def parse_now(text: str | None, default_tz: str) -> datetime:
    """`deliver --now`: ISO 8601; a time without an offset is in BRIEFBOT_TZ."""
    if text is None:
        return system_clock()
    moment = datetime.fromisoformat(text.strip())
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=ZoneInfo(default_tz))
    return moment.astimezone(UTC)


def local_text(moment: datetime, zone: str) -> str:
    """ "Sat 29 Mar 2025, 08:00 CET": how a person in that timezone reads the instant."""
    local = moment.astimezone(ZoneInfo(zone))
    return f"{local:%a %d %b %Y, %H:%M} {local.tzname()}"
