"""What `BRIEFBOT_DB` may name: an SQLite file (a plain path or an `sqlite:///` URL) or a
PostgreSQL database (a `postgresql://` or `postgres://` URL).

Any other URL is refused here, at start-up: opened as a path, `mysql://host/db` would quietly
become a new, empty SQLite file called `mysql:` and every answer would be "no results".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from os import PathLike
from pathlib import Path
from urllib.parse import unquote, urlsplit, urlunsplit

from bot.store.database import StoreError

# `scheme://`: the scheme needs two characters or more, so `C://x` stays a (Windows) path.
_URL = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]+)://(.*)$", re.DOTALL)
_SQLITE_URL_FORMS = "sqlite:///relative/path.db or sqlite:////absolute/path.db"
_POSTGRES_SCHEMES = ("postgresql", "postgres")
_HOW_TO_FIX = (
    "set BRIEFBOT_DB to an SQLite file path such as ./data/briefbot.db, or "
    f"{_SQLITE_URL_FORMS}, or postgresql://user:password@host:port/dbname"
)


class UnsupportedDatabase(StoreError):
    """`BRIEFBOT_DB` names a store Briefbot cannot use. A StoreError, not a ValueError: pydantic
    passes it through unchanged, so the message stays one line and never repeats the value, whose
    URL may carry a password."""


@dataclass(frozen=True)
class PostgresLocation:
    """A PostgreSQL database named by URL. Printed (logs, `health`, `demo`), it shows the URL
    without its password; `dsn` is the URL itself, for the driver only.

    It answers the two questions callers ask of an SQLite path, so they keep working unchanged:
    `exists()` (the server holds the data; a connection failure is reported when opening) and
    `parent` (where files beside the database go, such as charts: the working folder's data/)."""

    dsn: str = field(repr=False)

    def __str__(self) -> str:
        return redact(self.dsn)

    def __repr__(self) -> str:
        return f"PostgresLocation({redact(self.dsn)!r})"

    def exists(self) -> bool:
        return True

    @property
    def parent(self) -> Path:
        return Path("data")


Location = Path | PostgresLocation


def redact(url: str) -> str:
    """The URL with its password replaced by `***` (user, host, port and database kept)."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.hostname or ""
    if ":" in host:
        host = f"[{host}]"
    port = f":{parts.port}" if parts.port else ""
    netloc = f"{parts.username or ''}:***@{host}{port}"
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))


def database_location(value: str | PathLike[str]) -> Location:
    """The store `value` names: an SQLite file or a PostgreSQL database (see `sqlite_path`)."""
    if isinstance(value, PathLike):
        return Path(value)
    url = _URL.match(value.strip())
    if url is not None and url.group(1).lower() in _POSTGRES_SCHEMES:
        return _postgres(value.strip())
    return sqlite_path(value)


def _postgres(url: str) -> PostgresLocation:
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError on a port that is not a number
    except ValueError:
        raise UnsupportedDatabase(
            "BRIEFBOT_DB: the postgresql URL is malformed; use "
            "postgresql://user:password@host:port/dbname"
        ) from None
    return PostgresLocation(url)


def sqlite_path(value: str | PathLike[str]) -> Path:
    """The SQLite file `value` names. A `Path` is taken as it is; a string is a path unless it is
    a URL, and the only other URL accepted here is `sqlite:///PATH` (PATH relative unless it starts
    with `/`, as in SQLAlchemy and dj-database-url)."""
    if isinstance(value, PathLike):
        return Path(value)
    url = _URL.match(value.strip())
    if url is None:
        return Path(value)
    scheme, rest = url.group(1).lower(), url.group(2)
    if scheme in _POSTGRES_SCHEMES:
        raise UnsupportedDatabase(f"BRIEFBOT_DB is a {scheme}:// URL here, where a file is needed")
    if scheme != "sqlite":
        raise UnsupportedDatabase(
            f"BRIEFBOT_DB is a {scheme}:// URL, which Briefbot cannot use: it stores in an SQLite "
            f"file or a PostgreSQL database; {_HOW_TO_FIX}"
        )
    return _sqlite_url_path(rest)


def _sqlite_url_path(rest: str) -> Path:
    """The file of `sqlite://` + `rest`: no host (the file is local) and no `?options`, which would
    otherwise be read as part of the file name."""
    if not rest.startswith("/") or "?" in rest or "#" in rest:
        raise UnsupportedDatabase(
            f"BRIEFBOT_DB: an sqlite URL names a local file, as {_SQLITE_URL_FORMS}"
        )
    path = unquote(rest[1:])
    if not path.strip():
        raise UnsupportedDatabase(
            f"BRIEFBOT_DB: the sqlite URL names no file; use {_SQLITE_URL_FORMS}"
        )
    return Path(path)
