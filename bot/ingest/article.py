"""An article as read from a file, URL or feed, before extraction."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit


@dataclass
class Article:
    title: str
    text: str
    source: str | None = None
    author: str | None = None
    published: str | None = None  # YYYY-MM-DD
    url: str | None = None
    language: str | None = None
    origin: str | None = None  # the file path or URL it was read from

    @property
    def content_hash(self) -> str:
        return content_hash(self.text)

    @property
    def canonical_url(self) -> str | None:
        return canonical_url(self.url) if self.url else None


_SPACES = re.compile(r"\s+")


def content_hash(text: str) -> str:
    """A hash of the text with Unicode, case and white space normalised, for duplicate detection."""
    normal = _SPACES.sub(" ", unicodedata.normalize("NFKC", text)).strip().casefold()
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()


_TRACKING_PARAMS = ("utm_", "fbclid", "gclid", "mc_cid", "mc_eid")


def canonical_url(url: str) -> str:
    """Scheme and host lower-cased, fragment and tracking parameters dropped, no trailing slash.
    A string that is no URL (a feed's `http://[broken` link) stays as written: it still names
    its article, and one bad link must not stop the rest of a feed."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return url.strip()
    query = "&".join(
        p for p in parts.query.split("&") if p and not p.lower().startswith(_TRACKING_PARAMS)
    )
    path = parts.path.rstrip("/") or "/"
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path, query, ""))
