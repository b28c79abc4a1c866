"""Hostile web servers: zip bombs served as pages and feeds, feeds that never end, a server that
trickles. A local aiohttp server on 127.0.0.1 plays each; fetching must stop at the byte limit
(counted after decoding) or the deadline, with bounded memory and a clear refusal."""

from __future__ import annotations

import asyncio
import gzip
import tracemalloc
import zlib
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from aiohttp import web

from bot.ingest.fetch import HEADERS, FetchError, fetch_articles, fetch_bytes
from bot.ingest.netguard import guarded_client
from tests.conftest import make_settings

LIMIT = 1_000_000  # bytes: what these tests allow a page to decode to
BOMB_SIZE = 1_000_000_000  # what the bomb inflates to: 1 GB of zeros, about 1 MB compressed
ARTICLE = (
    "<html><body><article><p>"
    + "The ministers met in Istanbul and talked. " * 40
    + "</p></article></body></html>"
)


def gzip_bomb(size: int = BOMB_SIZE) -> bytes:
    compressor = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    block = bytes(1 << 20)
    parts = [compressor.compress(block) for _ in range(size // len(block))]
    return b"".join(parts) + compressor.flush()


class Hostile:
    """The routes of the hostile server; each records how much it sent."""

    def __init__(self) -> None:
        self.bomb = gzip_bomb()
        self.sent: dict[str, int] = {}

    def app(self) -> web.Application:
        app = web.Application()
        app.router.add_get("/bomb.html", self.gzip_page)
        app.router.add_get("/bomb.rss", self.gzip_feed)
        app.router.add_get("/deflate-bomb", self.deflate_page)
        app.router.add_get("/endless.rss", self.endless)
        app.router.add_get("/trickle", self.trickle)
        app.router.add_get("/page.html", self.page)
        app.router.add_get("/page.gz", self.page_gzip)
        app.router.add_get("/brotli", self.brotli)
        return app

    async def _stream(
        self, request: web.Request, name: str, chunks, **headers: str
    ) -> web.StreamResponse:
        response = web.StreamResponse(headers=headers)
        await response.prepare(request)
        sent = 0
        try:
            async for chunk in chunks:
                await response.write(chunk)
                sent += len(chunk)
                self.sent[name] = sent
        except (ConnectionResetError, RuntimeError):  # the client hung up, as it should
            pass
        return response

    async def gzip_page(self, request: web.Request) -> web.StreamResponse:
        return await self._stream(
            request,
            "bomb.html",
            _pieces(self.bomb),
            **{"Content-Type": "text/html", "Content-Encoding": "gzip"},
        )

    async def gzip_feed(self, request: web.Request) -> web.StreamResponse:
        return await self._stream(
            request,
            "bomb.rss",
            _pieces(self.bomb),
            **{"Content-Type": "application/rss+xml", "Content-Encoding": "gzip"},
        )

    async def deflate_page(self, request: web.Request) -> web.StreamResponse:
        raw = zlib.compressobj(
            9, zlib.DEFLATED, -zlib.MAX_WBITS
        )  # raw deflate, as some servers send
        body = b"".join(raw.compress(bytes(1 << 20)) for _ in range(300)) + raw.flush()
        return await self._stream(
            request,
            "deflate-bomb",
            _pieces(body),
            **{"Content-Type": "text/html", "Content-Encoding": "deflate"},
        )

    async def endless(self, request: web.Request) -> web.StreamResponse:
        async def forever():
            yield b'<?xml version="1.0"?><rss version="2.0"><channel><title>Endless</title>'
            item = b"<item><title>again</title><description>and again</description></item>" * 100
            while True:
                yield item
                await asyncio.sleep(0)

        return await self._stream(
            request, "endless.rss", forever(), **{"Content-Type": "application/rss+xml"}
        )

    async def trickle(self, request: web.Request) -> web.StreamResponse:
        async def slowly():
            while True:
                yield b"<p>x</p>"
                await asyncio.sleep(0.05)

        return await self._stream(request, "trickle", slowly(), **{"Content-Type": "text/html"})

    async def page(self, request: web.Request) -> web.Response:
        return web.Response(text=ARTICLE, content_type="text/html")

    async def page_gzip(self, request: web.Request) -> web.Response:
        # Two gzip members, as concatenated log-style gzip files are: both must be read.
        half = len(ARTICLE) // 2
        body = gzip.compress(ARTICLE[:half].encode()) + gzip.compress(ARTICLE[half:].encode())
        return web.Response(
            body=body, headers={"Content-Type": "text/html", "Content-Encoding": "gzip"}
        )

    async def brotli(self, request: web.Request) -> web.Response:
        return web.Response(
            body=b"\x0b\x02\x80hello\x03",
            headers={"Content-Type": "text/html", "Content-Encoding": "br"},
        )


async def _pieces(data: bytes, size: int = 64 * 1024):
    for start in range(0, len(data), size):
        yield data[start : start + size]


@pytest.fixture(scope="module")
def hostile() -> Hostile:
    return Hostile()  # the bomb takes a second to build: once per module


@pytest.fixture
async def server(hostile: Hostile) -> AsyncIterator[str]:
    hostile.sent.clear()
    runner = web.AppRunner(hostile.app(), access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    yield f"http://127.0.0.1:{runner.addresses[0][1]}"
    await runner.cleanup()


async def fetch(url: str, *, limit: int = LIMIT, deadline: float = 30.0) -> tuple[bytes, str]:
    async with guarded_client("127.0.0.1", headers=HEADERS, timeout=10.0) as client:
        return await fetch_bytes(client, url, limit, deadline=deadline)


async def peak_memory(work) -> tuple[object, int]:
    """The result (or exception) of `work` and the peak Python allocation while it ran."""
    tracemalloc.start()
    try:
        try:
            result: object = await work
        except Exception as error:
            result = error
        return result, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


# -- zip bombs ---------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/bomb.html", "/bomb.rss", "/deflate-bomb"])
async def test_a_compression_bomb_stops_at_the_decoded_byte_limit_in_bounded_memory(
    server, path
) -> None:
    refused, peak = await peak_memory(fetch(server + path))
    assert isinstance(refused, FetchError)
    assert str(refused) == f"larger than the {LIMIT:,}-byte limit"
    # Memory: the limit plus a few inflate steps, not the 1 GB (or 300 MB) inside the bomb.
    assert peak < 8 * LIMIT, f"peak {peak:,} bytes"


async def test_a_bomb_served_as_a_page_to_ingest_is_refused_with_a_reason(
    server, tmp_path: Path
) -> None:
    settings = make_settings(
        tmp_path / "b.db", BRIEFBOT_MAX_ARTICLE_BYTES=LIMIT, BRIEFBOT_FETCH_ALLOW="127.0.0.1"
    )
    results = [item async for item in fetch_articles(server + "/bomb.html", settings)]
    assert results == [(server + "/bomb.html", f"larger than the {LIMIT:,}-byte limit")]


async def test_a_bomb_as_a_registered_feed_fails_that_feed_only(server, tmp_path: Path) -> None:
    from bot.schedule.clock import to_db
    from bot.schedule.feeds import FeedPoller
    from bot.store.schedule_store import ScheduleStore
    from bot.store.store import Store

    settings = make_settings(
        tmp_path / "b.db", BRIEFBOT_MAX_ARTICLE_BYTES=LIMIT, BRIEFBOT_FETCH_ALLOW="127.0.0.1"
    )
    store = await Store.open(settings.db)
    schedule = await ScheduleStore.open(settings.db)
    try:
        now = datetime(2025, 3, 1, 8, 0, tzinfo=UTC)
        await schedule.add_feed(server + "/bomb.rss", "UADMIN", to_db(now))
        poller = FeedPoller(schedule, store, extractor=None, settings=settings)  # type: ignore[arg-type]
        (result,) = await poller.poll_due(now)
        assert result.status == "error"
        assert result.error == f"larger than the {LIMIT:,}-byte limit"
    finally:
        await schedule.close()
        await store.close()


# -- endless and stalled responses --------------------------------------------------------------


async def test_a_feed_that_never_ends_stops_at_the_byte_limit(server, hostile) -> None:
    with pytest.raises(FetchError, match="larger than the 1,000,000-byte limit"):
        await fetch(server + "/endless.rss")
    assert hostile.sent["endless.rss"] < 20 * LIMIT  # the server was not read forever


async def test_a_server_that_trickles_forever_stops_at_the_deadline(server) -> None:
    started = asyncio.get_running_loop().time()
    with pytest.raises(FetchError, match=r"took longer than 0.5 s"):
        await fetch(server + "/trickle", deadline=0.5)
    assert asyncio.get_running_loop().time() - started < 3


# -- ordinary pages still work ------------------------------------------------------------------


async def test_plain_and_multi_member_gzip_pages_decode_whole(server) -> None:
    plain, _ = await fetch(server + "/page.html")
    zipped, content_type = await fetch(server + "/page.gz")
    assert plain == zipped == ARTICLE.encode()
    assert content_type.startswith("text/html")


async def test_an_encoding_we_did_not_ask_for_is_refused(server) -> None:
    with pytest.raises(FetchError, match="unsupported Content-Encoding: br"):
        await fetch(server + "/brotli")
