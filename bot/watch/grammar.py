"""The options a `watch` may end with. The watch commands themselves are rows of the command
table (`bot.answer.commands`), like every other command.

The query a watch filters by is not parsed here: it is the command language's own
(`bot.answer.query.parse`), so `watch talks with Lavrov` matches what `talks with Lavrov` answers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.schedule.rules import zone_name


class OptionError(ValueError):
    """A watch option cannot be understood; the message says what to type instead."""


@dataclass(frozen=True)
class Options:
    max_per_hour: int | None = None
    quiet_hours: str | None = None  # "22:00-07:00"; "off" turns the default off
    timezone: str | None = None
    min_confidence: float | None = None


_SEPARATOR = r"(?:^|[\s,;]+)"
_RATE = re.compile(
    _SEPARATOR
    + r"(?:at most|max(?:imum)?|up to)\s+(?P<n>\d{1,4})\s+"
    + r"(?:alerts?\s+|posts?\s+)?(?:an|a|per)\s+hour$",
    re.IGNORECASE,
)
_QUIET = re.compile(
    _SEPARATOR
    + r"quiet(?:\s+hours?)?\s+(?:(?P<off>off|none)|(?P<start>\d{1,2}(?::\d{2})?)\s*(?:-|–|to)\s*"
    r"(?P<end>\d{1,2}(?::\d{2})?)(?:\s+(?P<zone>[\w/+-]+))?)$",
    re.IGNORECASE,
)
_CONFIDENCE = re.compile(
    _SEPARATOR
    + r"(?:min(?:imum)?\s+)?confidence\s+(?:of\s+|at least\s+|>=?\s*)?(?P<value>\d*\.?\d+)$",
    re.IGNORECASE,
)


def split_options(text: str) -> tuple[str, Options]:
    """The query and its trailing options, in any order: `talks with Lavrov, at most 3 an hour`."""
    text = " ".join(text.split())
    found: dict[str, object] = {}
    while True:
        for name, pattern in (("rate", _RATE), ("quiet", _QUIET), ("confidence", _CONFIDENCE)):
            match = pattern.search(text)
            if match and name not in found:
                found[name] = match
                text = text[: match.start()].strip(" ,;")
                break
        else:
            return text, _options(found)


def _options(found: dict[str, object]) -> Options:
    rate = found.get("rate")
    quiet = found.get("quiet")
    confidence = found.get("confidence")
    max_per_hour = int(rate.group("n")) if isinstance(rate, re.Match) else None
    if max_per_hour is not None and max_per_hour < 1:
        raise OptionError("say at least `at most 1 an hour`; `pause watch N` stops a watch")
    quiet_hours, zone = None, None
    if isinstance(quiet, re.Match):
        if quiet.group("off"):
            quiet_hours = "off"
        else:
            quiet_hours = f"{clock_text(quiet.group('start'))}-{clock_text(quiet.group('end'))}"
            if quiet.group("zone"):
                zone = zone_name(quiet.group("zone"))
                if zone is None:
                    raise OptionError(
                        f"“{quiet.group('zone')}” is not a timezone I know (use an IANA name such "
                        "as Europe/Berlin, or UTC)"
                    )
    min_confidence = None
    if isinstance(confidence, re.Match):
        min_confidence = float(confidence.group("value"))
        if not 0.0 <= min_confidence <= 1.0:
            raise OptionError("confidence is between 0 and 1, like `confidence 0.8`")
    return Options(max_per_hour, quiet_hours, zone, min_confidence)


def clock_text(text: str) -> str:
    """'7' or '07:00' -> '07:00'; refuses what is not a time of day."""
    hour, _, minute = text.partition(":")
    h, m = int(hour), int(minute or 0)
    if not (0 <= h <= 23 and 0 <= m <= 59):
        raise OptionError(f"“{text}” is not a time (use 24-hour HH:MM, like 22:00-07:00)")
    return f"{h:02d}:{m:02d}"


def parse_quiet_hours(text: str) -> tuple[int, int] | None:
    """'22:00-07:00' -> minutes after midnight (start, end); None for no quiet hours."""
    text = text.strip()
    if not text or text.lower() in ("off", "none"):
        return None
    start, sep, end = text.partition("-")
    if not sep:
        raise OptionError(f"quiet hours look like 22:00-07:00, not “{text}”")
    minutes = []
    for part in (start, end):
        hour, minute = clock_text(part.strip()).split(":")
        minutes.append(int(hour) * 60 + int(minute))
    return minutes[0], minutes[1]
