"""The feed poller: registered RSS/Atom feeds fetched on an interval, new articles ingested.

Conditional GET (ETag, Last-Modified) makes an unchanged feed cost one 304; entries whose page is
already stored are skipped before their page is fetched; the store drops any other duplicate.
A failing feed backs off on its own (interval × 2^failures, capped) and never stops the others.

No feed can hold up the rest: feeds are fetched a few at a time, each fetch has one deadline for
all of it, a pass has a total time budget (feeds it does not reach stay due for the next pass),
and a feed's entry pages are fetched a few at a time within a budget of their own (entries it
does not reach are read next pass). At most BRIEFBOT_FEED_MAX_ENTRIES entries, newest first, are
read per pass. Extraction and storage stay one feed at a time: one article writer.
"""

from __future__ import annotations

import asyncio
import enum
import logging
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import feedparser
import httpx

from bot.config import Settings
from bot.extract.batching import SMALL_BATCH_CHARS
from bot.extract.extractor import Extractor
from bot.ingest.article import Article, canonical_url
from bot.ingest.fetch import (
    DEADLINE,
    ENTRY_CONCURRENCY,
    NOT_A_FEED,
    FetchError,
    article_from_entry,
    fetch,
    http_category,
    newest_entries,
    ordered_bounded,
    remaining,
    web_client,
)
from bot.ingest.ingester import Ingester
from bot.ingest.netguard import Resolver, system_resolve
from bot.memory import release_free_memory
from bot.schedule.clock import to_db
from bot.store.schedule_store import Feed, ScheduleStore
from bot.store.store import Store

log = logging.getLogger("briefbot.feeds")

MAX_BACKOFF = timedelta(hours=6)
FEED_CONCURRENCY = 4  # feeds fetched at once
PASS_BUDGET = 600.0  # seconds one pass over the due feeds may take
ENTRY_BUDGET = 300.0  # seconds one feed's entry pages may take
MIN_START = 5.0  # seconds of pass budget a feed needs to be started at all


class FeedError(RuntimeError):
    def __init__(
        self, reason: str, category: str = NOT_A_FEED, retry_after: float | None = None
    ) -> None:
        super().__init__(reason)
        self.category = category
        self.retry_after = retry_after


class _Entry(enum.Enum):
    KNOWN = "already stored"
    LEFT = "left for the next pass"


@dataclass(frozen=True)
class PollResult:
    feed_id: int
    url: str
    status: str  # fetched | not_modified | error
    added: int = 0
    skipped: int = 0
    refused: int = 0
    error: str | None = None  # the detail, for logs
    category: str | None = None  # what users are shown: unreachable | not a feed | refused address
    over_cap: int = 0  # older entries beyond BRIEFBOT_FEED_MAX_ENTRIES, not read
    left: int = 0  # entries the entry budget did not reach; read next pass


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
        resolve: Resolver = system_resolve,
        concurrency: int = FEED_CONCURRENCY,
        entry_concurrency: int = ENTRY_CONCURRENCY,
        pass_budget: float = PASS_BUDGET,
        entry_budget: float = ENTRY_BUDGET,
    ) -> None:
        self.schedule = schedule
        self.store = store
        self.extractor = extractor
        self.settings = settings
        self.interval = timedelta(seconds=settings.feed_poll_seconds)
        self._resolve = resolve
        self.concurrency = concurrency
        self.entry_concurrency = entry_concurrency
        self.pass_budget = pass_budget
        self.entry_budget = entry_budget
        self._writer = asyncio.Lock()  # one feed's articles extracted and stored at a time

    async def poll_due(self, now: datetime) -> list[PollResult]:
        """Poll every feed whose time has come, a few at once, within the pass budget."""
        feeds = await self.schedule.due_feeds(to_db(now))
        if not feeds:
            return []
        pass_deadline = time.monotonic() + self.pass_budget
        slots = asyncio.Semaphore(self.concurrency)

        async def one(client: httpx.AsyncClient, feed: Feed) -> PollResult | None:
            async with slots:
                if remaining(pass_deadline) < min(MIN_START, self.pass_budget / 2):
                    return None  # still due: the next pass starts with it
                return await self.poll(client, feed, now, pass_deadline)

        try:
            async with web_client(self.settings, self._resolve) as client:
                results = await asyncio.gather(*(one(client, feed) for feed in feeds))
        finally:
            release_free_memory()  # spaCy's batch memory, back to the OS until the next pass
        left = sum(result is None for result in results)
        if left:
            log.warning(
                "feed pass budget of %g s spent: %d feed(s) left for the next pass",
                self.pass_budget,
                left,
            )
        return [result for result in results if result is not None]

    async def poll(
        self,
        client: httpx.AsyncClient,
        feed: Feed,
        now: datetime,
        pass_deadline: float | None = None,
    ) -> PollResult:
        deadline_at = (
            pass_deadline if pass_deadline is not None else time.monotonic() + self.pass_budget
        )
        try:
            fetched = await self._fetch(client, feed, min(DEADLINE, remaining(deadline_at)))
            if fetched.body is None:
                result = PollResult(feed.id, feed.url, "not_modified")
            else:
                result = await self._ingest(client, feed, fetched.body, deadline_at)
        except Exception as error:  # whatever breaks one feed is recorded against that feed only
            if isinstance(error, FeedError):
                reason, category = str(error), error.category
            else:
                reason, category = f"{type(error).__name__}: {error}", NOT_A_FEED
            failures = feed.failures + 1
            wait = backoff(self.interval, failures)
            if isinstance(error, FeedError) and error.retry_after:
                wait = max(wait, timedelta(seconds=error.retry_after))
            # Users see the category only; the detail (which could map a network) goes to the log.
            await self.schedule.feed_failed(feed.id, category, to_db(now + wait), to_db(now))
            log.warning(
                "feed %s failed (%s in a row, next try in %s): %s", feed.url, failures, wait, reason
            )
            return PollResult(feed.id, feed.url, "error", error=reason, category=category)
        # Validators are saved only once the entries are in, so a crash mid-feed (or entries the
        # budget did not reach) refetches it.
        etag, modified = feed.etag, feed.last_modified
        if not result.left:
            etag = fetched.etag or feed.etag
            modified = fetched.last_modified or feed.last_modified
        await self.schedule.feed_polled(
            feed.id, etag, modified, to_db(now + self.interval), to_db(now)
        )
        if result.added or result.refused or result.over_cap or result.left:
            log.info(
                "feed %s: %s added, %s skipped, %s refused, %s over the cap of %s not read, %s "
                "left for the next pass",
                feed.url,
                result.added,
                result.skipped,
                result.refused,
                result.over_cap,
                self.settings.feed_max_entries,
                result.left,
            )
        return result

    async def _fetch(self, client: httpx.AsyncClient, feed: Feed, deadline: float) -> FeedBody:
        headers = {}
        if feed.etag:
            headers["If-None-Match"] = feed.etag
        if feed.last_modified:
            headers["If-Modified-Since"] = feed.last_modified
        try:
            fetched = await fetch(
                client,
                feed.url,
                self.settings.max_article_bytes,
                headers=headers,
                deadline=deadline,
            )
        except FetchError as error:
            raise FeedError(str(error), error.category) from error
        if fetched.status == 304:
            return FeedBody(None, fetched.etag, fetched.last_modified)
        if fetched.status >= 400 or fetched.body is None:
            raise FeedError(
                f"HTTP {fetched.status}",
                http_category(fetched.status),
                _retry_after(fetched.retry_after),
            )
        return FeedBody(fetched.body, fetched.etag, fetched.last_modified)

    async def _ingest(
        self, client: httpx.AsyncClient, feed: Feed, body: bytes, pass_deadline: float
    ) -> PollResult:
        parsed = await asyncio.to_thread(feedparser.parse, body)  # CPU-bound: off the loop
        if not parsed.entries and (parsed.bozo or not parsed.version):  # no RSS or Atom at all
            raise FeedError(
                f"not a readable feed: {parsed.get('bozo_exception', 'no RSS or Atom')}"
            )
        entries, over_cap = newest_entries(parsed.entries, self.settings.feed_max_entries)
        counts = {_Entry.KNOWN: 0, _Entry.LEFT: 0}
        async with self._writer:
            entry_deadline = min(pass_deadline, time.monotonic() + self.entry_budget)

            async def read(entry: Any) -> Article | tuple[str, str] | _Entry:
                link = entry.get("link")
                if link and await self.schedule.article_url_known(canonical_url(link)):
                    return _Entry.KNOWN  # already stored: do not even fetch its page again
                try:
                    # The budget cuts a page short as "not read yet", not as unreadable: it is
                    # fetched next pass rather than stored now from the feed's summary.
                    async with asyncio.timeout(remaining(entry_deadline)):
                        return await article_from_entry(
                            client, entry, parsed, self.settings.max_article_bytes
                        )
                except TimeoutError:
                    return _Entry.LEFT

            async def articles() -> AsyncIterator[Article | tuple[str, str]]:
                async for item in ordered_bounded(entries, read, self.entry_concurrency):
                    if isinstance(item, _Entry):
                        counts[item] += 1
                    else:
                        yield item

            # The same path as `briefbot ingest`: duplicates skipped, spaCy off the loop, one
            # transaction per article.
            ingester = Ingester(
                self.store, self.extractor, self.settings, max_batch_chars=SMALL_BATCH_CHARS
            )
            report = await ingester.ingest_items(articles())
        for origin, reason in report.refused:
            log.warning("feed %s: refused %s: %s", feed.url, origin, reason)
        return PollResult(
            feed.id,
            feed.url,
            "fetched",
            len(report.added),
            counts[_Entry.KNOWN] + len(report.skipped),
            len(report.refused),
            over_cap=over_cap,
            left=counts[_Entry.LEFT],
        )


def _retry_after(value: str | None) -> float | None:
    try:
        return float(value) if value else None
    except ValueError:
        return None  # an HTTP date: the backoff is long enough
