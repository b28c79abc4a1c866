"""One entry with a broken link ('http://[broken/story') costs that entry at most: the feed's
other entries are still read, by the poller and by `briefbot ingest FEED_URL`, and the feed is not
marked failing."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from aiohttp import web

from bot.engine import Engine
from bot.ingest.ingester import Ingester
from bot.schedule.feeds import FeedPoller
from tests.conftest import make_settings
from tests.schedule.helpers import utc

T0 = utc(2025, 3, 28, 12, 0)
TEXT = (
    "Foreign ministers of Chile and Peru met in Lima on Monday to discuss a border accord, "
    "officials said."
)
BROKEN = "http://[broken/story"


def rss(good_link: str) -> str:
    items = "".join(
        f"<item><title>{title}</title><link>{link}</link><guid>{title}</guid>"
        f"<pubDate>Mon, 2{day} Mar 2025 09:00:00 +0000</pubDate><description>{TEXT} "
        f"{title}.</description></item>"
        for title, link, day in (("Broken link", BROKEN, 5), ("Good link", good_link, 4))
    )
    return (
        '<?xml version="1.0"?><rss version="2.0">'
        f"<channel><title>Wire</title>{items}</channel></rss>"
    )


@pytest.fixture
async def site() -> AsyncIterator[str]:
    async def feed(request: web.Request) -> web.Response:
        return web.Response(text=rss(base + "/page"), content_type="application/rss+xml")

    async def page(request: web.Request) -> web.Response:
        return web.Response(
            text=f"<html><body><article><h1>Lima</h1><p>{TEXT * 5}</p></article></body></html>",
            content_type="text/html",
        )

    app = web.Application()
    app.router.add_get("/feed.rss", feed)
    app.router.add_get("/page", page)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 0).start()
    base = f"http://127.0.0.1:{runner.addresses[0][1]}"
    yield base
    await runner.cleanup()


@pytest.fixture
async def engine(tmp_path: Path, extractor) -> AsyncIterator[Engine]:
    settings = make_settings(tmp_path / "feeds.db", BRIEFBOT_FETCH_ALLOW="127.0.0.1")
    async with await Engine.open(settings, load_model=False) as opened:
        opened._extractor = extractor
        yield opened


async def test_a_registered_feed_with_one_broken_link_still_delivers_its_other_entries(
    engine: Engine, site: str
) -> None:
    schedule = await engine.schedule_store()
    await schedule.add_feed(site + "/feed.rss", "slack:T1:U1", T0.isoformat())
    poller = FeedPoller(schedule, engine.store, engine.extractor, engine.settings)
    [result] = await poller.poll_due(T0)
    assert result.status == "fetched", result.error
    assert result.added >= 1
    [feed] = await schedule.feeds()
    assert feed.failures == 0


async def test_briefbot_ingest_of_a_feed_with_one_broken_link_reads_the_rest(
    engine: Engine, site: str
) -> None:
    report = await Ingester(engine.store, engine.extractor, engine.settings).ingest(
        [site + "/feed.rss"]
    )
    assert len(report.added) >= 1
