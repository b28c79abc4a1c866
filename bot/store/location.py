"""What `BRIEFBOT_DB` may name: an SQLite file, as a plain path or an `sqlite:///` URL.

Any other URL is refused here, at start-up: opened as a path, `postgresql://host/db` would quietly
become a new, empty SQLite file called `postgresql:` and every answer would be "no results".
"""

from __future__ import annotations

import re
from os import PathLike
from pathlib import Path
from urllib.parse import unquote

from bot.store.database import StoreError

# `scheme://`: the scheme needs two characters or more, so `C://x` stays a (Windows) path.
_URL = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]+)://(.*)$", re.DOTALL)
_SQLITE_URL_FORMS = "sqlite:///relative/path.db or sqlite:////absolute/path.db"
_HOW_TO_FIX = (
    f"set BRIEFBOT_DB to an SQLite file path such as ./data/briefbot.db, or {_SQLITE_URL_FORMS}"
)


class UnsupportedDatabase(StoreError):
    """`BRIEFBOT_DB` names a store Briefbot cannot use. A StoreError, not a ValueError: pydantic
    passes it through unchanged, so the message stays one line and never repeats the value, whose
    URL may carry a password."""


def sqlite_path(value: str | PathLike[str]) -> Path:
    """The SQLite file `value` names. A `Path` is taken as it is; a string is a path unless it is
    a URL, and the only URL accepted is `sqlite:///PATH` (PATH relative unless it starts with `/`,
    as in SQLAlchemy and dj-database-url)."""
    if isinstance(value, PathLike):
        return Path(value)
    url = _URL.match(value.strip())
    if url is None:
        return Path(value)
    scheme, rest = url.group(1).lower(), url.group(2)
    if scheme != "sqlite":
        raise UnsupportedDatabase(
            f"BRIEFBOT_DB is a {scheme}:// URL, which Briefbot cannot use: it stores in an SQLite "
            f"file only (PostgreSQL is not supported yet); {_HOW_TO_FIX}"
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
