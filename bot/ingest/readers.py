"""Reading article files (.txt, .md, .html, .json) into `Article`s, refusing bad ones clearly."""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import yaml

from bot.ingest.article import Article
from bot.ingest.dates import to_iso_date

ARTICLE_SUFFIXES = frozenset({".txt", ".md", ".html", ".htm", ".json"})
META_KEYS = ("title", "source", "author", "published", "url", "language")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.DOTALL)


class ArticleError(ValueError):
    """An article that cannot be read; the message names the reason in a few words."""


def find_article_files(path: Path) -> Iterator[Path]:
    """The article files at `path`: the file itself, or every article file below a folder."""
    if path.is_dir():
        for child in sorted(path.rglob("*")):
            if (
                child.is_file()
                and child.suffix.lower() in ARTICLE_SUFFIXES
                and not is_sidecar(child)
            ):
                yield child
    else:
        yield path


def is_sidecar(path: Path) -> bool:
    """`NAME.meta.json` beside an article is its metadata, not an article."""
    return path.name.endswith(".meta.json")


def decode(data: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM, or legacy Windows-1252 when that is clear."""
    if not data.strip():
        raise ArticleError("empty file")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as error:
            raise ArticleError("not valid UTF-16 text despite its byte-order mark") from error
    if b"\x00" in data[:8192]:
        raise ArticleError("binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        legacy = _windows_1252(data)
        if legacy is None:
            raise ArticleError(
                f"not UTF-8 text (invalid byte at offset {error.start}) "
                "and not clearly Windows-1252; "
                "convert it to UTF-8"
            ) from error
        return legacy


def _windows_1252(data: bytes) -> str | None:
    """Legacy Western text: mostly ASCII, the rest letters and typographic marks, no controls."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    high = [ch for ch in text if ord(ch) > 127]
    if len(high) > 0.2 * len(text):
        return None
    if any(
        not (ch.isalpha() or unicodedata.category(ch) in ("Pi", "Pf", "Pd", "Po", "Sc", "Zs", "No"))
        for ch in high
    ):
        return None
    return text


def read_article(path: Path, max_bytes: int) -> Article:
    """Read one article file, with its front matter or sidecar `NAME.meta.json` as metadata."""
    try:
        size = path.stat().st_size
    except OSError as error:
        raise ArticleError(f"cannot read: {error.strerror or error}") from error
    if size > max_bytes:
        raise ArticleError(f"too large ({size:,} bytes; the limit is {max_bytes:,})")
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ArticleError(f"cannot read: {error.strerror or error}") from error
    try:
        text = decode(data)
    except UnicodeDecodeError as error:
        raise ArticleError(f"cannot decode text: {error.reason}") from error
    suffix = path.suffix.lower()
    sidecar = _read_sidecar(path)
    if suffix in (".html", ".htm"):
        article = article_from_html(text, url=sidecar.get("url"))
    elif suffix == ".json":
        article = article_from_json(text)
    else:
        article = article_from_text(text)
    article = _with_metadata(article, sidecar)
    article.origin = str(path)
    return article


def article_from_text(text: str) -> Article:
    """Plain text or Markdown: front matter is metadata; without a title, the first line is it."""
    meta: dict[str, Any] = {}
    match = _FRONT_MATTER.match(text)
    if match:
        try:
            loaded = yaml.safe_load(match.group(1))
        except yaml.YAMLError as error:
            # ReaderError (a control character) has no `problem`; MarkedYAMLError has one.
            reason = getattr(error, "problem", None) or error
            raise ArticleError(f"front matter is not valid YAML: {reason}") from error
        except RecursionError:
            raise ArticleError("front matter is nested too deeply") from None
        except ValueError as error:  # YAML reads 2025-02-30 as a date, and there is no such day
            raise ArticleError(f"front matter has an impossible date: {error}") from None
        if loaded is not None and not isinstance(loaded, dict):
            raise ArticleError("front matter is not a mapping of keys to values")
        meta = loaded or {}
        text = text[match.end() :]
    if not text.strip():
        raise ArticleError("no article text")
    return _with_metadata(Article(title="", text=text), meta)


def article_from_json(text: str) -> Article:
    try:
        record = json.loads(text)
    except json.JSONDecodeError as error:
        raise ArticleError(f"invalid JSON at line {error.lineno}: {error.msg}") from error
    except RecursionError:  # `[[[[...` a hundred thousand deep
        raise ArticleError("JSON is nested too deeply") from None
    if not isinstance(record, dict):
        raise ArticleError("JSON is not an object with a 'text' field")
    body = record.get("text")
    if not isinstance(body, str) or not body.strip():
        raise ArticleError("JSON has no 'text' field with article text")
    return _with_metadata(Article(title="", text=body), record)


def article_from_html(html: str, url: str | None = None) -> Article:
    """Main text and metadata through trafilatura; a page with no article is refused."""
    import trafilatura

    try:
        extracted = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, favor_precision=True
        )
    except Exception as error:  # trafilatura raises assorted lxml errors on broken markup
        raise ArticleError(f"cannot parse HTML: {error}") from error
    if extracted is None:
        raise ArticleError("HTML page has no article text")
    data = extracted.as_dict() if hasattr(extracted, "as_dict") else dict(extracted)
    body = data.get("text") or ""
    if len(body.split()) < 20:
        raise ArticleError("HTML page has no article text")
    meta = {
        "title": data.get("title"),
        "source": data.get("sitename") or data.get("hostname"),
        "author": data.get("author"),
        "published": data.get("date"),
        "url": data.get("url") or url,
        "language": data.get("language"),
    }
    return _with_metadata(Article(title="", text=body), meta)


def _read_sidecar(path: Path) -> dict[str, Any]:
    sidecar = path.with_name(path.stem + ".meta.json")
    if not sidecar.exists():
        return {}
    try:
        meta = json.loads(sidecar.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ArticleError(f"sidecar {sidecar.name} is not valid JSON: {error}") from error
    except RecursionError:
        raise ArticleError(f"sidecar {sidecar.name} is nested too deeply") from None
    if not isinstance(meta, dict):
        raise ArticleError(f"sidecar {sidecar.name} is not a JSON object")
    return meta


def _with_metadata(article: Article, meta: dict[str, Any]) -> Article:
    """Fill the article's metadata from `meta`, checking types; the title defaults to line one."""
    for key in META_KEYS:
        value = meta.get(key)
        if value is None or value == "":
            continue
        if key == "published":
            parsed = to_iso_date(value)
            if parsed is None:
                raise ArticleError(f"'published' is not a date: {value!r}")
            article.published = parsed
            continue
        if isinstance(value, (date, datetime)) or not isinstance(value, str):
            raise ArticleError(f"'{key}' should be text, not {type(value).__name__}")
        setattr(article, key, value.strip())
    if not article.title:
        first_line = next((line.strip() for line in article.text.splitlines() if line.strip()), "")
        article.title = first_line[:300]
    return article
