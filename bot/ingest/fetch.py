"""Articles from the web: a page URL (trafilatura) or an RSS/Atom feed (feedparser).

Every client comes from `bot.ingest.netguard.guarded_client`, so nothing non-public is fetched.
"""

from __future__ import annotations

import asyncio
import time
import zlib
from collections import deque
from collections.abc import AsyncIterator, Callable, Coroutine, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

import feedparser
import httpx

from bot.config import Settings
from bot.ingest.article import Article
from bot.ingest.dates import to_iso_date
from bot.ingest.netguard import RefusedAddress, Resolver, guarded_client, system_resolve
from bot.ingest.readers import ArticleError, article_from_html, decode

TIMEOUT = httpx.Timeout(20.0, connect=10.0)
# The whole fetch (connect, headers, body), however slowly the server trickles bytes: the
# timeouts above are per read, so a server sending one byte every few seconds, in its headers or
# its body, would otherwise hold the fetch forever.
DEADLINE = 60.0
ENTRY_CONCURRENCY = 4  # entry pages of one feed fetched at once
USER_AGENT = "Briefbot/0.1 (+https://github.com/briefbot)"
# Only codings that read_limited can inflate in bounded steps (httpx would add br/zstd whenever
# their packages happen to be installed).
HEADERS = {"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate"}
INFLATE_STEP = 64 * 1024  # the most a compressed body may grow by in one step


# What a failed fetch is called where users can see it (`subscriptions`): a category, not the raw
# error, which would tell them whether a port is open ("connection refused" against "HTTP 404").
UNREACHABLE = "unreachable"
NOT_A_FEED = "not a feed"
REFUSED_ADDRESS = "refused address"
CATEGORIES = (UNREACHABLE, NOT_A_FEED, REFUSED_ADDRESS)

T = TypeVar("T")
R = TypeVar("R")


class FetchError(RuntimeError):
    """A fetch that failed; `category` is one of CATEGORIES, the message the detail for logs."""

    def __init__(self, reason: str, category: str = NOT_A_FEED) -> None:
        super().__init__(reason)
        self.category = category


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
    bytes; all of it (every redirect, connect, headers, body) within `deadline` seconds. HTTP
    errors are returned with their status, not raised."""
    try:
        async with (
            asyncio.timeout(deadline),
            client.stream("GET", url, headers=headers) as response,
        ):
            body = None
            if response.status_code < 300:
                body = await read_limited(response, limit)
            return Fetched(
                status=response.status_code,
                body=body,
                content_type=response.headers.get("content-type", ""),
                etag=response.headers.get("etag"),
                last_modified=response.headers.get("last-modified"),
                retry_after=response.headers.get("retry-after"),
            )
    except TimeoutError:
        raise FetchError(
            f"took longer than {deadline:g} s (a stalled, trickling or endless response)",
            UNREACHABLE,
        ) from None
    except RefusedAddress as error:
        raise FetchError(str(error), REFUSED_ADDRESS) from error
    except (httpx.TooManyRedirects, httpx.InvalidURL) as error:  # InvalidURL is no HTTPError
        raise FetchError(f"cannot fetch: {error}", NOT_A_FEED) from error
    except httpx.HTTPError as error:
        raise FetchError(
            f"cannot fetch: {error.__class__.__name__}: {error}", UNREACHABLE
        ) from error


async def fetch_bytes(
    client: httpx.AsyncClient, url: str, limit: int, *, deadline: float = DEADLINE
) -> tuple[bytes, str]:
    """The body of `url` and its content type; FetchError for an HTTP error or a refused body."""
    fetched = await fetch(client, url, limit, deadline=deadline)
    if fetched.status >= 300 or fetched.body is None:
        raise FetchError(f"HTTP {fetched.status}", http_category(fetched.status))
    return fetched.body, fetched.content_type


def http_category(status: int) -> str:
    """A server error or a rate limit is a server in trouble; any other refusal, no feed here."""
    return UNREACHABLE if status >= 500 or status == 429 else NOT_A_FEED


async def read_limited(response: httpx.Response, limit: int) -> bytes:
    """A streamed body, decoded, refused past `limit` decoded bytes.

    Decoded here rather than by httpx, which inflates each network chunk whole: one 64 KiB gzip
    chunk of zeros becomes 64 MiB before any limit could be checked. Here a compressed body grows
    by at most INFLATE_STEP at a time, so a zip bomb costs `limit` bytes, not its inflated size.
    """
    inflate = _inflater(response.headers.get("content-encoding", ""))
    body = bytearray()
    try:
        async for raw in response.aiter_raw():
            for piece in inflate(raw):
                body += piece
                if len(body) > limit:
                    raise FetchError(f"larger than the {limit:,}-byte limit")
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
    return (
        any(t in content_type for t in ("rss", "atom", "xml"))
        or head.startswith(b"<?xml")
        or b"<rss" in head
        or b"<feed" in head
    )


def web_client(settings: Settings, resolve: Resolver = system_resolve) -> httpx.AsyncClient:
    """The client for pages and feeds: public addresses only (and BRIEFBOT_FETCH_ALLOW)."""
    return guarded_client(settings.fetch_allow, resolve=resolve, timeout=TIMEOUT, headers=HEADERS)


def newest_entries(entries: Sequence[Any], cap: int) -> tuple[list[Any], int]:
    """The `cap` newest feed entries (by published or updated date; undated ones after the
    dated, in feed order) and how many were left out."""

    def when(entry: Any) -> tuple[int, ...]:
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        return (1, *tuple(stamp)[:6]) if stamp else (0,)

    ordered = sorted(entries, key=when, reverse=True)  # stable: feed order among equals
    return ordered[:cap], max(0, len(ordered) - cap)


async def ordered_bounded(
    items: Iterable[T], work: Callable[[T], Coroutine[Any, Any, R]], limit: int
) -> AsyncIterator[R]:
    """`work(item)` for every item, at most `limit` running at once, results in item order.

    Network waits overlap while the consumer (extraction) takes results one by one; at most
    `limit` results wait for it, so memory stays bounded. Closing early cancels what is running.
    """
    running: deque[asyncio.Task[R]] = deque()
    try:
        for item in items:
            running.append(asyncio.create_task(work(item)))
            if len(running) >= limit:
                yield await running.popleft()
        while running:
            yield await running.popleft()
    finally:
        for task in running:
            task.cancel()
        await asyncio.gather(*running, return_exceptions=True)


async def fetch_articles(
    url: str, settings: Settings, *, resolve: Resolver = system_resolve
) -> AsyncIterator[Article | tuple[str, str]]:
    limit = settings.max_article_bytes
    async with web_client(settings, resolve) as client:
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
            entries, skipped = newest_entries(feed.entries, settings.feed_max_entries)
            if skipped:
                yield (url, over_cap(skipped, len(entries)))

            async def read(entry: Any) -> Article | tuple[str, str]:
                return await article_from_entry(client, entry, feed, limit)

            async for item in ordered_bounded(entries, read, ENTRY_CONCURRENCY):
                yield item
            return
        try:
            article = await asyncio.to_thread(lambda: article_from_html(decode(body), url=url))
        except ArticleError as error:
            yield (url, str(error))
            return
        article.url = article.url or url
        article.origin = url
        yield article


def over_cap(skipped: int, read: int) -> str:
    return (
        f"{skipped:,} older feed entries skipped: a pass reads the newest {read} "
        "(BRIEFBOT_FEED_MAX_ENTRIES)"
    )


async def article_from_entry(
    client: httpx.AsyncClient, entry: Any, feed: Any, limit: int, *, deadline: float = DEADLINE
) -> Article | tuple[str, str]:
    """A feed entry's article: its page read with trafilatura, else the text the feed carries."""
    link = entry.get("link")
    origin = link or entry.get("id") or entry.get("title", "feed entry")
    published = to_iso_date(entry.get("published") or entry.get("updated") or "")
    source = feed.feed.get("title")
    if link:
        try:
            body, _ = await fetch_bytes(client, link, limit, deadline=deadline)
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
    content = (
        entry.get("content", [{}])[0].get("value") if entry.get("content") else entry.get("summary")
    )
    if not content:
        return (origin, "feed entry has no text and its page could not be read")
    try:
        text = (
            (await asyncio.to_thread(article_from_html, content)).text
            if "<" in content
            else content
        )
    except ArticleError:
        text = content
    return Article(
        title=entry.get("title") or text[:80],
        text=text,
        source=source,
        published=published,
        url=link,
        origin=origin,
    )


def remaining(deadline_at: float) -> float:
    """Seconds left until a `time.monotonic()` deadline (never negative)."""
    return max(0.0, deadline_at - time.monotonic())
