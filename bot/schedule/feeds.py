"""The feed poller: registered RSS/Atom feeds fetched on an interval, new articles ingested.

Conditional GET (ETag, Last-Modified) makes an unchanged feed cost one 304; entries whose page is
already stored are skipped before their page is fetched; the store drops any other duplicate.
A failing feed backs off on its own (interval × 2^failures, capped) and never stops the others.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import datetime, timedelta

import feedparser
import httpx

from bot.config import Settings
from bot.extract.batching import SMALL_BATCH_CHARS
from bot.extract.extractor import Extractor
from bot.ingest.article import Article, canonical_url
from bot.ingest.fetch import HEADERS, TIMEOUT, FetchError, article_from_entry, fetch
from bot.ingest.ingester import Ingester
from bot.memory import release_free_memory
from bot.schedule.clock import to_db
from bot.store.schedule_store import Feed, ScheduleStore
from bot.store.store import Store

log = logging.getLogger("briefbot.feeds")

MAX_BACKOFF = timedelta(hours=6)


class FeedError(RuntimeError):
    def __init__(self, reason: str, retry_after: float | None = None) -> None:
        super().__init__(reason)
        self.retry_after = retry_after


@dataclass(frozen=True)
class PollResult:
    feed_id: int
    url: str
    status: str  # fetched | not_modified | error
    added: int = 0
    skipped: int = 0
    refused: int = 0
    error: str | None = None


@dataclass(frozen=True)
class FeedBody:
    body: bytes | None  # None: 304 Not Modified
    etag: str | None
    last_modified: str | None


def backoff(interval: timedelta, failures: int) -> timedelta:
    """Wait after the n-th failure in a row: twice the interval, then doubling, up to 6 hours."""
    return min(interval * (2 ** min(failures, 16)), MAX_BACKOFF)


class FeedPoller:
    def __init__(
        self,
        schedule: ScheduleStore,
        store: Store,
        extractor: Extractor,
        settings: Settings,
        *,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self.schedule = schedule
        self.store = store
        self.extractor = extractor
        self.settings = settings
        self.interval = timedelta(seconds=settings.feed_poll_seconds)
        self._transport = transport

    async def poll_due(self, now: datetime) -> list[PollResult]:
        """Poll every feed whose time has come, one after another (one article writer)."""
        feeds = await self.schedule.due_feeds(to_db(now))
        if not feeds:
            return []
        results = []
        try:
            async with self._client() as client:
                for feed in feeds:
                    results.append(await self.poll(client, feed, now))
        finally:
            release_free_memory()  # spaCy's batch memory, back to the OS until the next pass
        return results

    def _client(self) -> httpx.AsyncClient:
        return httpx.AsyncClient(
            timeout=TIMEOUT, follow_redirects=True, headers=HEADERS, transport=self._transport
        )

    async def poll(self, client: httpx.AsyncClient, feed: Feed, now: datetime) -> PollResult:
        try:
            fetched = await self._fetch(client, feed)
            if fetched.body is None:
                result = PollResult(feed.id, feed.url, "not_modified")
            else:
                result = await self._ingest(client, feed, fetched.body)
        except Exception as error:  # whatever breaks one feed is recorded against that feed only
            reason = str(error) if isinstance(error, FeedError) else f"{type(error).__name__}: {error}"
            failures = feed.failures + 1
            wait = backoff(self.interval, failures)
            if isinstance(error, FeedError) and error.retry_after:
                wait = max(wait, timedelta(seconds=error.retry_after))
            await self.schedule.feed_failed(feed.id, reason, to_db(now + wait), to_db(now))
            log.warning("feed %s failed (%s in a row, next try in %s): %s", feed.url, failures, wait, reason)
            return PollResult(feed.id, feed.url, "error", error=reason)
        # Validators are saved only once the entries are in, so a crash mid-feed refetches it.
        etag = fetched.etag or feed.etag
        modified = fetched.last_modified or feed.last_modified
        await self.schedule.feed_polled(feed.id, etag, modified, to_db(now + self.interval), to_db(now))
        if result.added or result.refused:
            log.info("feed %s: %s added, %s skipped, %s refused", feed.url, result.added, result.skipped, result.refused)
        return result

    async def _fetch(self, client: httpx.AsyncClient, feed: Feed) -> FeedBody:
        headers = {}
        if feed.etag:
            headers["If-None-Match"] = feed.etag
        if feed.last_modified:
            headers["If-Modified-Since"] = feed.last_modified
        try:
            fetched = await fetch(client, feed.url, self.settings.max_article_bytes, headers=headers)
        except FetchError as error:
            raise FeedError(str(error)) from error
        if fetched.status == 304:
            return FeedBody(None, fetched.etag, fetched.last_modified)
        if fetched.status >= 400 or fetched.body is None:
            raise FeedError(f"HTTP {fetched.status}", _retry_after(fetched.retry_after))
        return FeedBody(fetched.body, fetched.etag, fetched.last_modified)

    async def _ingest(self, client: httpx.AsyncClient, feed: Feed, body: bytes) -> PollResult:
        parsed = await asyncio.to_thread(feedparser.parse, body)  # CPU-bound: off the loop
        if parsed.bozo and not parsed.entries:
            raise FeedError(f"not a readable feed: {parsed.get('bozo_exception', 'parse error')}")
        known = 0

        async def entries() -> AsyncIterator[Article | tuple[str, str]]:
            nonlocal known
            for entry in parsed.entries:
                link = entry.get("link")
                if link and await self.schedule.article_url_known(canonical_url(link)):
                    known += 1  # already stored: do not even fetch its page again
                    continue
                yield await article_from_entry(client, entry, parsed, self.settings.max_article_bytes)

        # The same path as `briefbot ingest`: duplicates skipped, spaCy off the loop, one
        # transaction per article.
        ingester = Ingester(self.store, self.extractor, self.settings, max_batch_chars=SMALL_BATCH_CHARS)
        report = await ingester.ingest_items(entries())
        for origin, reason in report.refused:
            log.warning("feed %s: refused %s: %s", feed.url, origin, reason)
        return PollResult(
            feed.id, feed.url, "fetched", len(report.added), known + len(report.skipped), len(report.refused)
        )


def _retry_after(value: str | None) -> float | None:
    try:
        return float(value) if value else None
    except ValueError:
        return None  # an HTTP date: the backoff is long enough
