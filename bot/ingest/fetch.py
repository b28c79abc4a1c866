"""Articles from the web: a page URL (trafilatura) or an RSS/Atom feed (feedparser)."""

from __future__ import annotations

import asyncio
import zlib
from collections.abc import AsyncIterator, Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import feedparser
import httpx

from bot.config import Settings
from bot.ingest.article import Article
from bot.ingest.dates import to_iso_date
from bot.ingest.readers import ArticleError, article_from_html, decode

TIMEOUT = httpx.Timeout(20.0, connect=10.0)
# The whole download, however slowly the server trickles bytes: the read timeout above is per
# read, so a feed that never ends at one byte a second would otherwise never time out.
DEADLINE = 60.0
USER_AGENT = "Briefbot/0.1 (+https://github.com/briefbot)"
# Only codings that read_limited can inflate in bounded steps (httpx would add br/zstd whenever
# their packages happen to be installed).
HEADERS = {"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate"}
INFLATE_STEP = 64 * 1024  # the most a compressed body may grow by in one step


class FetchError(RuntimeError):
    pass


@dataclass(frozen=True)
class Fetched:
    status: int
    body: bytes | None  # None for 304 Not Modified
    content_type: str
    etag: str | None
    last_modified: str | None
    retry_after: str | None


async def fetch(
    client: httpx.AsyncClient,
    url: str,
    limit: int,
    *,
    headers: dict[str, str] | None = None,
    deadline: float = DEADLINE,
) -> Fetched:
    """GET `url` (conditional when `headers` carry validators), body refused past `limit` decoded
    bytes or `deadline` seconds; HTTP errors are returned with their status, not raised."""
    try:
        async with client.stream("GET", url, headers=headers) as response:
            body = None
            if response.status_code < 300:
                body = await read_limited(response, limit, deadline=deadline)
            return Fetched(
                status=response.status_code,
                body=body,
                content_type=response.headers.get("content-type", ""),
                etag=response.headers.get("etag"),
                last_modified=response.headers.get("last-modified"),
                retry_after=response.headers.get("retry-after"),
            )
    except httpx.HTTPError as error:
        raise FetchError(f"cannot fetch: {error.__class__.__name__}: {error}") from error


async def fetch_bytes(
    client: httpx.AsyncClient, url: str, limit: int, *, deadline: float = DEADLINE
) -> tuple[bytes, str]:
    """The body of `url` and its content type; FetchError for an HTTP error or a refused body."""
    fetched = await fetch(client, url, limit, deadline=deadline)
    if fetched.status >= 300 or fetched.body is None:
        raise FetchError(f"HTTP {fetched.status}")
    return fetched.body, fetched.content_type


async def read_limited(response: httpx.Response, limit: int, *, deadline: float = DEADLINE) -> bytes:
    """A streamed body, decoded, refused past `limit` decoded bytes or `deadline` seconds.

    Decoded here rather than by httpx, which inflates each network chunk whole: one 64 KiB gzip
    chunk of zeros becomes 64 MiB before any limit could be checked. Here a compressed body grows
    by at most INFLATE_STEP at a time, so a zip bomb costs `limit` bytes, not its inflated size.
    """
    inflate = _inflater(response.headers.get("content-encoding", ""))
    body = bytearray()
    try:
        async with asyncio.timeout(deadline):
            async for raw in response.aiter_raw():
                for piece in inflate(raw):
                    body += piece
                    if len(body) > limit:
                        raise FetchError(f"larger than the {limit:,}-byte limit")
    except TimeoutError:
        raise FetchError(f"took longer than {deadline:g} s (an endless or stalled response)") from None
    except zlib.error as error:
        raise FetchError(f"corrupt compressed body: {error}") from error
    return bytes(body)


def _inflater(content_encoding: str) -> Callable[[bytes], Iterable[bytes]]:
    """A function from raw chunks to decoded pieces for this Content-Encoding (or FetchError)."""
    codings = [c.strip().lower() for c in content_encoding.split(",") if c.strip()]
    codings = [c for c in codings if c != "identity"]
    if not codings:
        return lambda raw: (raw,) if raw else ()
    if len(codings) > 1 or codings[0] not in ("gzip", "x-gzip", "deflate"):
        raise FetchError(f"unsupported Content-Encoding: {content_encoding[:40]}")
    return _Inflate(gzip=codings[0] != "deflate")


class _Inflate:
    """gzip (any number of members) or deflate (zlib-wrapped or raw), in bounded steps."""

    def __init__(self, *, gzip: bool) -> None:
        self._gzip = gzip
        self._z: Any = zlib.decompressobj(16 + zlib.MAX_WBITS) if gzip else None

    def __call__(self, raw: bytes) -> Iterator[bytes]:
        if self._z is None:  # deflate: servers send zlib-wrapped or raw streams; the header tells
            self._z = zlib.decompressobj(zlib.MAX_WBITS if _zlib_header(raw) else -zlib.MAX_WBITS)
        data = raw
        while True:
            out = self._z.decompress(data, INFLATE_STEP)
            if out:
                yield out
            data = self._z.unconsumed_tail
            if self._z.eof and self._gzip and self._z.unused_data.startswith(b"\x1f\x8b"):
                data = self._z.unused_data  # another gzip member follows (trailing junk is ignored)
                self._z = zlib.decompressobj(16 + zlib.MAX_WBITS)
                continue
            if not data and len(out) < INFLATE_STEP:
                return


def _zlib_header(raw: bytes) -> bool:
    return len(raw) >= 2 and raw[0] & 0x0F == 8 and (raw[0] << 8 | raw[1]) % 31 == 0


def looks_like_feed(body: bytes, content_type: str) -> bool:
    head = body[:2048].lstrip().lower()
    return any(t in content_type for t in ("rss", "atom", "xml")) or head.startswith(b"<?xml") or b"<rss" in head or b"<feed" in head


async def fetch_articles(url: str, settings: Settings) -> AsyncIterator[Article | tuple[str, str]]:
    limit = settings.max_article_bytes
    async with httpx.AsyncClient(timeout=TIMEOUT, follow_redirects=True, headers=HEADERS) as client:
        try:
            body, content_type = await fetch_bytes(client, url, limit)
        except FetchError as error:
            yield (url, str(error))
            return
        if looks_like_feed(body, content_type):
            feed = await asyncio.to_thread(feedparser.parse, body)
            if feed.bozo and not feed.entries:
                yield (url, f"not a readable feed: {feed.get('bozo_exception', 'parse error')}")
                return
            for entry in feed.entries:
                yield await article_from_entry(client, entry, feed, limit)
            return
        try:
            article = await asyncio.to_thread(lambda: article_from_html(decode(body), url=url))
        except ArticleError as error:
            yield (url, str(error))
            return
        article.url = article.url or url
        article.origin = url
        yield article


async def article_from_entry(client: httpx.AsyncClient, entry, feed, limit: int) -> Article | tuple[str, str]:
    """A feed entry's article: its page read with trafilatura, else the text the feed carries."""
    link = entry.get("link")
    origin = link or entry.get("id") or entry.get("title", "feed entry")
    published = to_iso_date(entry.get("published") or entry.get("updated") or "")
    source = feed.feed.get("title")
    if link:
        try:
            body, _ = await fetch_bytes(client, link, limit)
            # trafilatura is CPU-bound: off the event loop, so chat commands keep their answers.
            article = await asyncio.to_thread(lambda: article_from_html(decode(body), url=link))
            article.title = entry.get("title") or article.title
            article.published = article.published or published
            article.source = source or article.source
            article.url = link
            article.origin = link
            return article
        except (FetchError, ArticleError):
            pass  # fall back to the text the feed itself carries
    content = entry.get("content", [{}])[0].get("value") if entry.get("content") else entry.get("summary")
    if not content:
        return (origin, "feed entry has no text and its page could not be read")
    try:
        text = (await asyncio.to_thread(article_from_html, content)).text if "<" in content else content
    except ArticleError:
        text = content
    return Article(title=entry.get("title") or text[:80], text=text, source=source, published=published, url=link, origin=origin)
