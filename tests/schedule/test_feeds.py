"""The feed poller against a local HTTP server serving an RSS feed and its article pages."""

from __future__ import annotations

from collections import Counter
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

import pytest
from aiohttp import web

from bot.engine import Engine
from bot.schedule.clock import from_db
from bot.schedule.feeds import FeedPoller
from tests.conftest import make_settings
from tests.schedule.helpers import TEAM, command, utc

T0 = utc(2025, 3, 28, 12, 0)
INTERVAL = timedelta(seconds=900)

ARTICLES = {
    "lavrov-rubio": (
        "Lavrov and Rubio hold talks in Riyadh",
        "Russian Foreign Minister Sergei Lavrov and US Secretary of State Marco Rubio held talks "
        'in Riyadh on Tuesday. "We agreed to restore the work of our embassies," Lavrov told '
        "reporters after the meeting. Rubio said that both sides would appoint high-level teams "
        "to work on ending the war in Ukraine. The two delegations met for more than four hours.",
    ),
    "un-envoy": (
        "UN envoy urges restraint",
        "The United Nations special envoy called on all parties to show restraint on Wednesday. "
        '"Dialogue is the only way forward," the envoy said in Geneva. Foreign ministers of France '
        "and Germany are due to meet in Paris next week to discuss the crisis, officials said.",
    ),
}


@dataclass
class FeedServer:
    """Serves /feed.xml (with ETag and Last-Modified, honouring them unless told not to) and
    pages."""

    honour_conditional: bool = True
    failing: int = 0  # answer the next N feed requests with 500
    hits: Counter = field(default_factory=Counter)
    base: str = ""
    _runner: web.AppRunner | None = None

    def rss(self) -> str:
        items = "".join(
            f"<item><title>{title}</title><link>{self.base}/news/{slug}</link>"
            f"<guid>{slug}</guid><pubDate>Tue, 18 Feb 2025 10:00:00 GMT</pubDate>"
            f"<description>{title}</description></item>"
            for slug, (title, _) in ARTICLES.items()
        )
        return (
            '<?xml version="1.0"?><rss version="2.0"><channel><title>Test Wire</title>'
            f"<link>{self.base}/</link><description>t</description>{items}</channel></rss>"
        )

    async def feed(self, request: web.Request) -> web.Response:
        self.hits["feed"] += 1
        if self.failing:
            self.failing -= 1
            return web.Response(status=500, text="boom")
        etag, modified = '"v1"', "Tue, 18 Feb 2025 10:00:00 GMT"
        if self.honour_conditional and request.headers.get("If-None-Match") == etag:
            self.hits["304"] += 1
            return web.Response(status=304, headers={"ETag": etag})
        return web.Response(
            text=self.rss(),
            content_type="application/rss+xml",
            headers={"ETag": etag, "Last-Modified": modified},
        )

    async def page(self, request: web.Request) -> web.Response:
        slug = request.match_info["slug"]
        self.hits[slug] += 1
        title, text = ARTICLES[slug]
        html = (
            f"<html><head><title>{title}</title></head><body>"
            f"<article><h1>{title}</h1><p>{text}</p></article></body></html>"
        )
        return web.Response(text=html, content_type="text/html")

    async def broken(self, request: web.Request) -> web.Response:
        return web.Response(status=500)

    async def start(self) -> FeedServer:
        app = web.Application()
        app.router.add_get("/feed.xml", self.feed)
        app.router.add_get("/broken.xml", self.broken)
        app.router.add_get("/news/{slug}", self.page)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.base = f"http://127.0.0.1:{self._runner.addresses[0][1]}"
        return self

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()


@pytest.fixture
async def server() -> AsyncIterator[FeedServer]:
    running = await FeedServer().start()
    yield running
    await running.stop()


@pytest.fixture
async def poller(tmp_path: Path, extractor) -> AsyncIterator[tuple[Engine, FeedPoller]]:
    settings = make_settings(
        tmp_path / "feeds.db",
        BRIEFBOT_FEED_POLL_SECONDS=int(INTERVAL.total_seconds()),
        BRIEFBOT_FETCH_ALLOW="127.0.0.1",  # the local feed server; nothing else non-public
    )
    async with await Engine.open(settings, load_model=False) as engine:
        engine._extractor = extractor
        yield engine, FeedPoller(await engine.schedule_store(), engine.store, extractor, settings)


async def register(engine: Engine, url: str) -> int:
    schedule = await engine.schedule_store()
    feed, _ = await schedule.add_feed(
        url, f"slack:{TEAM}:U0ADMIN", T0.isoformat(), platform="slack", workspace=TEAM
    )
    return feed.id


async def test_a_feed_served_twice_ingests_its_articles_once(poller, server: FeedServer) -> None:
    engine, feeds = poller
    await register(engine, f"{server.base}/feed.xml")
    [first] = await feeds.poll_due(T0)
    assert (first.status, first.added) == ("fetched", 2)
    assert await feeds.poll_due(T0 + timedelta(minutes=5)) == []  # not due yet
    [second] = await feeds.poll_due(T0 + INTERVAL)
    assert second.status == "not_modified" and server.hits["304"] == 1  # conditional GET
    assert await engine.store.count_articles() == 2
    assert (server.hits["lavrov-rubio"], server.hits["un-envoy"]) == (1, 1)
    talks = await engine.answer("latest talks")
    assert any("Lavrov" in str(item.data) for item in talks.items)


async def test_a_server_ignoring_conditional_get_still_ingests_once(
    poller, server: FeedServer
) -> None:
    engine, feeds = poller
    server.honour_conditional = False
    await register(engine, f"{server.base}/feed.xml")
    await feeds.poll_due(T0)
    [again] = await feeds.poll_due(T0 + INTERVAL)
    assert (again.status, again.added, again.skipped) == ("fetched", 0, 2)
    assert await engine.store.count_articles() == 2
    assert server.hits["lavrov-rubio"] == 1  # known links are not fetched again


async def test_a_feed_answering_500_backs_off_and_recovers(poller, server: FeedServer) -> None:
    engine, feeds = poller
    feed_id = await register(engine, f"{server.base}/feed.xml")
    schedule = await engine.schedule_store()
    server.failing = 2
    [failed] = await feeds.poll_due(T0)
    assert (failed.status, failed.error) == ("error", "HTTP 500")
    [feed] = await schedule.feeds()
    assert (feed.failures, from_db(feed.next_poll_at)) == (1, T0 + 2 * INTERVAL)
    assert await feeds.poll_due(T0 + INTERVAL) == []  # backing off: not at the usual interval
    await feeds.poll_due(T0 + 2 * INTERVAL)
    [feed] = await schedule.feeds()
    assert (feed.failures, from_db(feed.next_poll_at)) == (2, T0 + 2 * INTERVAL + 4 * INTERVAL)
    [recovered] = await feeds.poll_due(T0 + 6 * INTERVAL)
    assert (recovered.status, recovered.added) == ("fetched", 2)
    [feed] = await schedule.feeds()
    assert (feed.id, feed.failures, feed.last_error, from_db(feed.next_poll_at)) == (
        feed_id,
        0,
        None,
        T0 + 7 * INTERVAL,
    )


async def test_one_broken_feed_does_not_stop_the_others(poller, server: FeedServer) -> None:
    engine, feeds = poller
    await register(engine, f"{server.base}/broken.xml")
    await register(engine, "http://127.0.0.1:9/nothing-listens-here.xml")
    await register(engine, f"{server.base}/feed.xml")
    results = await feeds.poll_due(T0)
    assert [r.status for r in results] == ["error", "error", "fetched"]
    assert await engine.store.count_articles() == 2


async def test_subscriptions_name_a_failing_feeds_category_not_its_raw_error(
    poller, server: FeedServer
) -> None:
    """Raw errors ("connection refused" against "HTTP 404") would map which ports answer."""
    engine, feeds = poller
    expected = {
        f"{server.base}/missing.xml": "not a feed",  # HTTP 404
        f"{server.base}/news/un-envoy": "not a feed",  # a page, not a feed
        "http://127.0.0.1:9/feed.xml": "unreachable",  # nothing listens there
        # localhost is not in BRIEFBOT_FETCH_ALLOW, although the server listens there
        f"http://localhost:{server.base.rsplit(':', 1)[1]}/feed.xml": "refused address",
    }
    for url in expected:
        await register(engine, url)
    results = await feeds.poll_due(T0)
    assert {r.url: r.category for r in results} == expected
    answer = await command(engine, "subscriptions", T0)
    [section] = [s for s in answer.sections if s.title == "Feeds"]
    shown = {item.data["url"]: item.data["last_error"] for item in section.items}
    assert shown == expected
    text = str(answer.sections)
    for url in expected:  # the feeds' own addresses are shown; a port may read "...404..."
        text = text.replace(url, "")
    for raw in ("404", "HTTP", "Connect", "connection attempts", "127.0.0.1 is", "not public"):
        assert raw not in text
