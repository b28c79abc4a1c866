"""Publication dates from metadata in any of the forms feeds and front matter use."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import dateparser


def to_iso_date(value: Any) -> str | None:
    """YYYY-MM-DD from a date, a datetime, or text such as '2025-02-27T10:00Z' or '27 Feb 2025'."""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    try:
        return date.fromisoformat(text[:10]).isoformat()
    except ValueError:
        pass
    parsed = dateparser.parse(
        text, settings={"RETURN_AS_TIMEZONE_AWARE": False, "STRICT_PARSING": True}
    )
    return parsed.date().isoformat() if parsed else None
