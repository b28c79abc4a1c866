"""Nothing inside the network is fetched: `briefbot ingest URL`, registered feeds and their entry
links, and every redirect hop refuse loopback, private, link-local, shared and other non-public
addresses (IPv6 and IPv4-in-IPv6 too) before connecting, unless BRIEFBOT_FETCH_ALLOW lists the
host; the connection then goes to the address that was checked (no second DNS answer), also
through a proxy.

Only 127.0.0.1 and ::1 are ever connected to. Every other address is named to a local proxy
that records what it was asked for and connects nowhere but loopback, so even a broken guard
would send nothing out: the test sees the request at the proxy and fails.
"""

from __future__ import annotations

import asyncio
import socket
from collections import Counter
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import pytest
from aiohttp import web

from bot.ingest.fetch import fetch_articles
from bot.ingest.netguard import FetchPolicy, is_public
from tests.conftest import make_settings

PAGE = (
    "<html><body><article><p>"
    + "The ministers met in Istanbul and talked at length. " * 30
    + "</p></article></body></html>"
)
PROXY_VARIABLES = ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY")


# -- which addresses are public ---------------------------------------------------------------


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "127.8.9.10",
        "::1",  # loopback
        "10.0.0.5",
        "172.16.3.4",
        "192.168.1.1",
        "fc00::1",  # private
        "169.254.169.254",
        "fe80::1",  # link-local (the cloud metadata address)
        "100.64.0.1",  # shared (carrier-grade NAT)
        "0.0.0.0",
        "::",  # unspecified: Linux connects these to the host itself
        "224.0.0.1",
        "ff02::1",  # multicast
        "::ffff:127.0.0.1",
        "::ffff:10.0.0.1",  # IPv4-mapped
        "2002:7f00:1::",
        "64:ff9b::a00:1",  # 6to4 and NAT64 carrying 127.0.0.1 and 10.0.0.1
        "192.0.2.1",
        "198.18.0.1",
        "240.0.0.1",
        "255.255.255.255",  # documentation, benchmark, reserved
    ],
)
def test_non_public_addresses_are_not_public(address: str) -> None:
    assert not is_public(address)


@pytest.mark.parametrize("address", ["93.184.216.34", "2606:4700::1111", "::ffff:93.184.216.34"])
def test_public_addresses_are_public(address: str) -> None:
    assert is_public(address)


def test_the_allowlist_names_hosts_with_or_without_a_port() -> None:
    policy = FetchPolicy.parse(" Intranet.Example. , 127.0.0.1:8080, [::1]:3000, ::1 ")
    assert policy.allows("intranet.example", 443) and policy.allows("INTRANET.example", 80)
    assert policy.allows("127.0.0.1", 8080) and not policy.allows("127.0.0.1", 8081)
    assert policy.allows("::1", 3000) and policy.allows("::1", 1)  # the bare entry: any port
    assert not policy.allows("localhost", 8080)
    assert FetchPolicy.parse("").allowed == frozenset()


# -- local servers and a proxy that goes nowhere ------------------------------------------------


@dataclass
class Site:
    """A page server on loopback that counts hits and can redirect."""

    host: str = "127.0.0.1"
    redirects: dict[str, str] = field(default_factory=dict)
    hits: Counter = field(default_factory=Counter)
    hosts: list[str] = field(default_factory=list)  # Host headers seen
    port: int = 0
    _runner: web.AppRunner | None = None

    async def handle(self, request: web.Request) -> web.StreamResponse:
        self.hits[request.path] += 1
        self.hosts.append(request.headers.get("Host", ""))
        if request.path in self.redirects:
            raise web.HTTPFound(self.redirects[request.path])
        if request.path.endswith(".rss"):
            return web.Response(text=self.rss, content_type="application/rss+xml")
        return web.Response(text=PAGE, content_type="text/html")

    rss: str = ""

    async def start(self) -> Site:
        app = web.Application()
        app.router.add_get("/{tail:.*}", self.handle)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        await web.TCPSite(self._runner, self.host, 0).start()
        self.port = int(self._runner.addresses[0][1])
        return self

    @property
    def base(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()


class Proxy:
    """An HTTP proxy that records every request line; it tunnels CONNECT to 127.0.0.1 only and
    answers everything else 502 without connecting anywhere."""

    def __init__(self) -> None:
        self.seen: list[str] = []
        self._server: asyncio.Server | None = None
        self.port = 0

    async def start(self) -> Proxy:
        self._server = await asyncio.start_server(self._client, "127.0.0.1", 0)
        self.port = self._server.sockets[0].getsockname()[1]
        return self

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    async def _client(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            head = await reader.readuntil(b"\r\n\r\n")
            line = head.split(b"\r\n", 1)[0].decode("latin-1")
            self.seen.append(line)
            method, target, _ = line.split(" ", 2)
            host, _, port = target.rpartition(":")
            if method != "CONNECT" or host != "127.0.0.1":
                writer.write(
                    b"HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                )
                await writer.drain()
                return
            upstream_reader, upstream_writer = await asyncio.open_connection("127.0.0.1", int(port))
            writer.write(b"HTTP/1.1 200 Connection established\r\n\r\n")
            await writer.drain()
            await asyncio.gather(_pipe(reader, upstream_writer), _pipe(upstream_reader, writer))
        except (asyncio.IncompleteReadError, ConnectionError, ValueError):
            pass
        finally:
            writer.close()

    async def stop(self) -> None:
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()


async def _pipe(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    try:
        while data := await reader.read(65536):
            writer.write(data)
            await writer.drain()
    except ConnectionError:
        pass
    finally:
        writer.close()


@pytest.fixture
def no_proxy_env(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    for name in PROXY_VARIABLES:
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)
    return monkeypatch


@pytest.fixture
async def site() -> AsyncIterator[Site]:
    running = await Site().start()
    yield running
    await running.stop()


@pytest.fixture
async def inside() -> AsyncIterator[Site]:
    """A second loopback server: the 'internal service' that must never be reached."""
    running = await Site().start()
    yield running
    await running.stop()


@pytest.fixture
async def proxy(no_proxy_env: pytest.MonkeyPatch) -> AsyncIterator[Proxy]:
    """The sinkhole proxy for every non-loopback address; loopback stays direct."""
    running = await Proxy().start()
    no_proxy_env.setenv("HTTP_PROXY", running.url)
    no_proxy_env.setenv("HTTPS_PROXY", running.url)
    no_proxy_env.setenv("NO_PROXY", "127.0.0.1,localhost,::1")
    yield running
    await running.stop()


class Resolver:
    """DNS answers from a table, counting lookups; an answer list is used up one per lookup."""

    def __init__(self, **table: list[list[str]]) -> None:
        self.table = {name.replace("_", "."): answers for name, answers in table.items()}
        self.lookups: Counter = Counter()

    async def __call__(self, host: str, port: int) -> list[str]:
        self.lookups[host] += 1
        answers = self.table.get(host)
        if answers is None:
            try:
                socket.inet_pton(socket.AF_INET6 if ":" in host else socket.AF_INET, host)
            except OSError:
                raise socket.gaierror(socket.EAI_NONAME, f"unknown host {host}") from None
            return [host]
        return answers.pop(0) if len(answers) > 1 else answers[0]


async def ingest_url(url: str, tmp_path: Path, allow: str = "", resolve=None) -> list:
    settings = make_settings(tmp_path / "s.db", BRIEFBOT_FETCH_ALLOW=allow)
    kwargs = {"resolve": resolve} if resolve is not None else {}
    return [item async for item in fetch_articles(url, settings, **kwargs)]


def refusal(results: list) -> str:
    [(origin, reason)] = results
    return reason


# -- ingest URL --------------------------------------------------------------------------------


async def test_loopback_is_refused_without_connecting(
    site: Site, tmp_path: Path, no_proxy_env
) -> None:
    for url in (f"{site.base}/page.html", f"http://localhost:{site.port}/page.html"):
        assert refusal(await ingest_url(url, tmp_path)).startswith("refused address:")
    assert site.hits == Counter()


async def test_ipv6_loopback_is_refused_and_allowed_only_when_listed(
    tmp_path: Path, no_proxy_env
) -> None:
    site = await Site(host="::1").start()
    try:
        assert refusal(await ingest_url(f"{site.base}/page.html", tmp_path)).startswith(
            "refused address:"
        )
        assert site.hits == Counter()
        [article] = await ingest_url(f"{site.base}/page.html", tmp_path, allow=f"[::1]:{site.port}")
        assert "Istanbul" in article.text
    finally:
        await site.stop()


async def test_the_allowlist_lets_a_listed_host_and_port_in_and_nothing_else(
    site: Site, tmp_path: Path, no_proxy_env
) -> None:
    [article] = await ingest_url(f"{site.base}/page.html", tmp_path, allow=f"127.0.0.1:{site.port}")
    assert "Istanbul" in article.text
    wrong_port = await ingest_url(
        f"{site.base}/page.html", tmp_path, allow=f"127.0.0.1:{site.port + 1}"
    )
    assert refusal(wrong_port).startswith("refused address:")
    assert site.hits["/page.html"] == 1


@pytest.mark.parametrize(
    "url",
    [
        "http://10.0.0.5/admin",
        "http://172.16.3.4/",
        "http://192.168.1.1/",
        "http://169.254.169.254/latest/meta-data/",
        "http://100.64.0.1/",
        "http://0.0.0.0/",
        "http://[fe80::1]/",
        "http://[fd00::5]/",
        "http://[::ffff:10.0.0.1]/",
        "http://[::ffff:127.0.0.1]/",
        "http://internal.test/secret",  # a name that resolves inside
        "https://internal.test/secret",
    ],
)
async def test_private_link_local_and_mapped_addresses_are_refused_before_any_request(
    url: str, proxy: Proxy, tmp_path: Path
) -> None:
    resolve = Resolver(internal_test=[["10.20.30.40"]])
    assert refusal(await ingest_url(url, tmp_path, resolve=resolve)).startswith("refused address:")
    assert proxy.seen == []  # nothing was asked of anyone


async def test_a_name_resolving_to_several_addresses_is_refused_if_any_is_inside(
    proxy: Proxy, tmp_path: Path
) -> None:
    resolve = Resolver(mixed_test=[["93.184.216.34", "10.0.0.7"]])
    assert refusal(await ingest_url("http://mixed.test/", tmp_path, resolve=resolve)).startswith(
        "refused address:"
    )
    assert proxy.seen == []


# -- redirects ---------------------------------------------------------------------------------


async def test_a_redirect_chain_that_ends_inside_is_refused_at_the_last_hop(
    site: Site, inside: Site, proxy: Proxy, tmp_path: Path
) -> None:
    site.redirects = {
        "/start": "/hop",
        "/hop": f"{inside.base}/secret",
        "/cloud": "http://169.254.169.254/latest/meta-data/",
    }
    allow = f"127.0.0.1:{site.port}"  # the first server is allowed, the one behind it is not
    reason = refusal(await ingest_url(f"{site.base}/start", tmp_path, allow=allow))
    assert reason.startswith("refused address:")
    assert (site.hits["/start"], site.hits["/hop"], inside.hits["/secret"]) == (1, 1, 0)
    reason = refusal(await ingest_url(f"{site.base}/cloud", tmp_path, allow=allow))
    assert reason.startswith("refused address:")
    assert proxy.seen == []


# -- the connection goes where the check said ---------------------------------------------------


async def test_the_connection_uses_the_checked_address_not_a_second_lookup(
    site: Site, tmp_path: Path, no_proxy_env
) -> None:
    # The name exists only in this resolver: reaching the site proves the checked answer was used.
    resolve = Resolver(feeds_test=[["127.0.0.1"]])
    url = f"http://feeds.test:{site.port}/page.html"
    [article] = await ingest_url(url, tmp_path, allow="feeds.test", resolve=resolve)
    assert "Istanbul" in article.text
    assert resolve.lookups["feeds.test"] == 1
    assert site.hosts == [f"feeds.test:{site.port}"]  # the server still sees its own name


async def test_through_a_proxy_the_target_is_checked_and_the_proxy_is_given_the_checked_address(
    proxy: Proxy, tmp_path: Path
) -> None:
    # DNS rebinding: a public answer first, then loopback. The proxy must be told the first.
    resolve = Resolver(news_test=[["93.184.216.34"], ["127.0.0.1"]])
    [(origin, reason)] = await ingest_url("http://news.test/feed.rss", tmp_path, resolve=resolve)
    assert proxy.seen == ["CONNECT 93.184.216.34:80 HTTP/1.1"]
    assert resolve.lookups["news.test"] == 1
    assert "proxy" in reason.lower()  # the sinkhole answered 502


async def test_an_allowed_host_is_fetched_through_the_proxy_at_its_checked_address(
    site: Site, proxy: Proxy, tmp_path: Path
) -> None:
    resolve = Resolver(feeds_test=[["127.0.0.1"]])
    [article] = await ingest_url(
        f"http://feeds.test:{site.port}/page.html", tmp_path, allow="feeds.test", resolve=resolve
    )
    assert "Istanbul" in article.text
    assert proxy.seen == [f"CONNECT 127.0.0.1:{site.port} HTTP/1.1"]
    assert site.hosts == [f"feeds.test:{site.port}"]


# -- feeds and their entry links -----------------------------------------------------------------


def rss(*links: str) -> str:
    items = "".join(
        f"<item><title>Entry {n}</title><link>{link}</link><guid>e{n}</guid>"
        "<description>Foreign ministers met in Geneva on Monday to discuss a ceasefire, "
        "officials said.</description></item>"
        for n, link in enumerate(links)
    )
    return (
        '<?xml version="1.0"?><rss version="2.0">'
        f"<channel><title>Wire</title>{items}</channel></rss>"
    )


async def test_entry_links_pointing_inside_are_not_fetched(
    site: Site, inside: Site, proxy: Proxy, tmp_path: Path
) -> None:
    site.rss = rss(f"{inside.base}/secret", "http://169.254.169.254/latest/meta-data/")
    items = await ingest_url(f"{site.base}/feed.rss", tmp_path, allow=f"127.0.0.1:{site.port}")
    assert [item.title for item in items] == ["Entry 0", "Entry 1"]  # from the feed's own text
    assert all("Geneva" in item.text for item in items)
    assert inside.hits == Counter() and proxy.seen == []


async def test_a_registered_feed_inside_fails_as_a_refused_address(
    site: Site, tmp_path: Path, no_proxy_env
) -> None:
    from bot.schedule.clock import to_db
    from bot.schedule.feeds import FeedPoller
    from bot.store.schedule_store import ScheduleStore
    from bot.store.store import Store

    site.rss = rss(f"{site.base}/page.html")
    settings = make_settings(tmp_path / "f.db")  # no BRIEFBOT_FETCH_ALLOW
    store = await Store.open(settings.db)
    schedule = await ScheduleStore.open(settings.db)
    try:
        now = datetime(2025, 3, 1, 8, 0, tzinfo=UTC)
        await schedule.add_feed(f"{site.base}/feed.rss", "slack:T1:U1", to_db(now))
        poller = FeedPoller(schedule, store, extractor=None, settings=settings)  # type: ignore[arg-type]
        [result] = await poller.poll_due(now)
        assert (result.status, result.category) == ("error", "refused address")
        [feed] = await schedule.feeds()
        assert feed.last_error == "refused address"
        assert site.hits == Counter()
    finally:
        await schedule.close()
        await store.close()
