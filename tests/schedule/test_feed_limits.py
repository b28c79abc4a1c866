"""Feeds that are slow, stalled or huge cannot hold the poller: one deadline covers a whole fetch,
feeds and entry pages are fetched a few at a time within time budgets, and a pass reads at most
BRIEFBOT_FEED_MAX_ENTRIES entries, newest first, saying how many it skipped."""

from __future__ import annotations

import asyncio
import contextlib
import random
import time
from collections import Counter
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import timedelta
from email.utils import format_datetime
from pathlib import Path

import pytest
from aiohttp import web

from bot.engine import Engine
from bot.ingest.fetch import FetchError, fetch_articles, fetch_bytes, web_client
from bot.schedule.feeds import FeedPoller
from tests.conftest import make_settings
from tests.schedule.helpers import utc

T0 = utc(2025, 3, 28, 12, 0)
TEXT = (
    "Foreign ministers of {n} countries met in Geneva on Monday to discuss a ceasefire, "
    "officials said."
)


async def trickle_headers(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    """A server that sends its status line and then one header byte every 0.2 s, for ever."""
    try:
        await reader.readuntil(b"\r\n\r\n")
        writer.write(b"HTTP/1.1 200 OK\r\nX-Slow: ")
        while True:
            writer.write(b"a")
            await writer.drain()
            await asyncio.sleep(0.2)
    except (ConnectionError, asyncio.IncompleteReadError):
        pass
    finally:
        writer.close()


@pytest.fixture
async def trickler() -> AsyncIterator[str]:
    server = await asyncio.start_server(trickle_headers, "127.0.0.1", 0)
    yield f"http://127.0.0.1:{server.sockets[0].getsockname()[1]}"
    server.close()


@dataclass
class Wire:
    """Feeds and pages on loopback; counts requests in flight to see how many run at once."""

    feeds: dict[str, str] = field(default_factory=dict)
    page_delay: float = 0.0
    feed_delay: float = 0.0
    in_flight: Counter = field(default_factory=Counter)
    most: Counter = field(default_factory=Counter)
    base: str = ""
    _runner: web.AppRunner | None = None
    _stopping: asyncio.Event = field(default_factory=asyncio.Event)

    async def _track(self, kind: str, delay: float) -> None:
        self.in_flight[kind] += 1
        self.most[kind] = max(self.most[kind], self.in_flight[kind])
        try:
            with contextlib.suppress(TimeoutError):  # the delay, cut short when the server stops
                await asyncio.wait_for(self._stopping.wait(), delay)
        finally:
            self.in_flight[kind] -= 1

    async def feed(self, request: web.Request) -> web.Response:
        await self._track("feed", self.feed_delay)
        return web.Response(
            text=self.feeds[request.match_info["name"]],
            content_type="application/rss+xml",
            headers={"ETag": '"v1"'},
        )

    async def page(self, request: web.Request) -> web.Response:
        await self._track("page", self.page_delay)
        n = request.match_info["n"]
        body = f"<p>{TEXT.format(n=n)} " * 5 + "</p>"
        return web.Response(
            text=f"<html><body><article><h1>Page {n}</h1>{body}</article></body></html>",
            content_type="text/html",
        )

    async def start(self) -> Wire:
        app = web.Application()
        app.router.add_get("/feeds/{name}", self.feed)
        app.router.add_get("/pages/{n}", self.page)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        await web.TCPSite(self._runner, "127.0.0.1", 0).start()
        self.base = f"http://127.0.0.1:{self._runner.addresses[0][1]}"
        return self

    async def stop(self) -> None:
        self._stopping.set()
        if self._runner is not None:
            await self._runner.cleanup()


def rss(entries: list[tuple[str, str | None, int]]) -> str:
    """(title, link or None, day of March 2025) per entry, in the order given."""
    items = "".join(
        f"<item><title>{title}</title>{f'<link>{link}</link>' if link else ''}<guid>{title}</guid>"
        f"<pubDate>{format_datetime(utc(2025, 3, day, 9, 0))}</pubDate>"
        f"<description>{TEXT.format(n=title)}</description></item>"
        for title, link, day in entries
    )
    return (
        '<?xml version="1.0"?><rss version="2.0">'
        f"<channel><title>Wire</title>{items}</channel></rss>"
    )


@pytest.fixture
async def wire() -> AsyncIterator[Wire]:
    running = await Wire().start()
    yield running
    await running.stop()


@pytest.fixture
async def engine(tmp_path: Path, extractor) -> AsyncIterator[Engine]:
    settings = make_settings(
        tmp_path / "feeds.db", BRIEFBOT_FETCH_ALLOW="127.0.0.1", BRIEFBOT_FEED_MAX_ENTRIES=5
    )
    async with await Engine.open(settings, load_model=False) as opened:
        opened._extractor = extractor
        yield opened


async def poller(engine: Engine, **options) -> FeedPoller:
    return FeedPoller(
        await engine.schedule_store(), engine.store, engine.extractor, engine.settings, **options
    )


async def register(engine: Engine, *urls: str) -> None:
    for url in urls:
        await (await engine.schedule_store()).add_feed(url, "slack:T1:U1", T0.isoformat())


# -- one deadline for the whole fetch -------------------------------------------------------------


async def test_a_server_trickling_its_headers_is_cut_at_the_deadline(
    trickler: str, tmp_path: Path
) -> None:
    settings = make_settings(tmp_path / "x.db", BRIEFBOT_FETCH_ALLOW="127.0.0.1")
    started = time.monotonic()
    async with web_client(settings) as client:
        with pytest.raises(FetchError, match="took longer than 1 s") as refused:
            # The outer bound only keeps a broken fetch from hanging the suite.
            await asyncio.wait_for(
                fetch_bytes(client, trickler + "/feed", 1_000_000, deadline=1.0), 15
            )
    assert refused.value.category == "unreachable"
    assert time.monotonic() - started < 3


async def test_a_stalled_feed_does_not_starve_the_others(
    engine: Engine, wire: Wire, trickler: str
) -> None:
    wire.feeds["good"] = rss([("Talks", None, 3)])
    await register(engine, trickler + "/stalled.rss", wire.base + "/feeds/good")
    feeds = await poller(engine, pass_budget=2.0)
    started = time.monotonic()
    results = await asyncio.wait_for(feeds.poll_due(T0), 20)
    assert time.monotonic() - started < 6
    by_url = {r.url: r for r in results}
    assert by_url[wire.base + "/feeds/good"].added == 1
    stalled = by_url[trickler + "/stalled.rss"]
    assert (stalled.status, stalled.category) == ("error", "unreachable")


async def test_feeds_are_polled_a_few_at_a_time(engine: Engine, wire: Wire) -> None:
    wire.feed_delay = 0.3
    for n in range(6):
        wire.feeds[f"f{n}"] = rss([])
    await register(engine, *(f"{wire.base}/feeds/f{n}" for n in range(6)))
    results = await (await poller(engine, concurrency=3)).poll_due(T0)
    assert len(results) == 6
    assert wire.most["feed"] == 3


async def test_entry_pages_are_fetched_a_few_at_a_time(engine: Engine, wire: Wire) -> None:
    wire.page_delay = 0.3
    wire.feeds["f"] = rss([(f"Story {n}", f"{wire.base}/pages/{n}", 10 + n) for n in range(5)])
    await register(engine, wire.base + "/feeds/f")
    [result] = await (await poller(engine, entry_concurrency=3)).poll_due(T0)
    assert result.added == 5
    assert wire.most["page"] == 3


async def test_entry_pages_past_the_budget_are_left_for_the_next_pass(
    engine: Engine, wire: Wire
) -> None:
    wire.page_delay = 60  # pages that never come in time
    wire.feeds["f"] = rss([(f"Story {n}", f"{wire.base}/pages/{n}", 10 + n) for n in range(3)])
    await register(engine, wire.base + "/feeds/f")
    started = time.monotonic()
    [result] = await (await poller(engine, entry_budget=1.0)).poll_due(T0)
    assert time.monotonic() - started < 5
    assert (result.status, result.added, result.left) == ("fetched", 0, 3)
    # Not stored from the feed's summary: their pages are read on a later pass.
    assert await engine.store.count_articles() == 0


# -- a cap on entries ---------------------------------------------------------------------------


def test_the_entry_cap_defaults_to_200(tmp_path: Path) -> None:
    assert make_settings(tmp_path / "x.db").feed_max_entries == 200


async def test_a_huge_feed_is_read_newest_first_up_to_the_cap(engine: Engine, wire: Wire) -> None:
    days = list(range(1, 29))
    random.Random(4).shuffle(days)  # feeds do not always list newest first
    wire.feeds["huge"] = rss([(f"Day {day}", None, day) for day in days])
    await register(engine, wire.base + "/feeds/huge")
    [result] = await (await poller(engine)).poll_due(T0)
    assert (result.added, result.over_cap) == (5, 23)
    titles = {
        row["title"]
        for row in await engine.store.reader.execute_fetchall("SELECT title FROM articles")
    }
    assert titles == {f"Day {day}" for day in range(24, 29)}


async def test_ingesting_a_huge_feed_url_says_how_many_entries_it_skipped(
    engine: Engine, wire: Wire
) -> None:
    wire.feeds["huge"] = rss([(f"Day {day}", None, day) for day in range(1, 29)])
    items = [item async for item in fetch_articles(wire.base + "/feeds/huge", engine.settings)]
    notices = [item for item in items if isinstance(item, tuple)]
    assert notices == [
        (
            wire.base + "/feeds/huge",
            "23 older feed entries skipped: a pass reads the newest 5 (BRIEFBOT_FEED_MAX_ENTRIES)",
        )
    ]
    assert [item.title for item in items if not isinstance(item, tuple)] == [
        f"Day {day}" for day in range(28, 23, -1)
    ]


async def test_the_next_pass_after_a_budget_cut_asks_for_the_whole_feed_again(
    engine: Engine, wire: Wire
) -> None:
    """Validators are kept back when entries were left, so a 304 cannot hide them."""
    wire.page_delay = 60
    wire.feeds["f"] = rss([("Story", f"{wire.base}/pages/1", 10)])
    await register(engine, wire.base + "/feeds/f")
    await (await poller(engine, entry_budget=0.5)).poll_due(T0)
    [feed] = await (await engine.schedule_store()).feeds()
    assert (feed.etag, feed.last_modified) == (None, None)
    assert feed.failures == 0  # a budget cut is no failure
    # Once the pages come in time, the feed's validators are kept as usual.
    wire.page_delay = 0
    await (await poller(engine)).poll_due(T0 + timedelta(hours=1))
    [feed] = await (await engine.schedule_store()).feeds()
    assert feed.etag == '"v1"'
    assert await engine.store.count_articles() == 1
