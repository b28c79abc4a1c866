"""Fetching only what is public: every connection's address is checked, then used as checked.

Anyone who can name a URL to Briefbot (`briefbot ingest`, `subscribe feed`, a feed's entry links,
any redirect) could otherwise make it read the network it runs in: loopback services, private
ranges, the cloud metadata address. So the check sits where connections are made, in the network
backend under httpx's connection pool: each new connection (every redirect hop, every entry page)
resolves its host once, refuses it unless every address is public or the host is listed in
BRIEFBOT_FETCH_ALLOW, and then connects to that very address, so a second DNS answer (rebinding)
is never asked for. TLS still verifies the certificate against the host name.

Through an HTTP proxy (HTTPS_PROXY / HTTP_PROXY / ALL_PROXY, NO_PROXY) the target is checked the
same way and the proxy is asked to `CONNECT` to the checked address, never to the name, so the
proxy cannot resolve it to somewhere else either; the proxy itself is the operator's choice and is
not checked.
"""

from __future__ import annotations

import asyncio
import base64
import ipaddress
import socket
import urllib.request
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from typing import Any

import httpcore
import httpx

Resolver = Callable[[str, int], Awaitable[list[str]]]
IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

# NAT64 (RFC 6052): the last 32 bits are an IPv4 address that the translator will reach.
_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")
# Not globally reachable, yet `is_global` in Python 3.11 says they are: IPv6 site-local (deprecated,
# still routed inside networks that kept it) and the IETF protocol block, whose only Internet
# services are the anycast addresses 192.0.0.9 and 192.0.0.10 (IANA special-purpose registry).
_NOT_GLOBAL = (ipaddress.IPv6Network("fec0::/10"), ipaddress.IPv4Network("192.0.0.0/24"))
_GLOBAL_EXCEPTIONS = frozenset(
    {ipaddress.IPv4Address("192.0.0.9"), ipaddress.IPv4Address("192.0.0.10")}
)
_MAX_PROXY_REPLY = 16 * 1024  # bytes of a proxy's CONNECT reply headers we are willing to read


class RefusedAddress(httpx.ConnectError):
    """A URL whose host is not public and not in BRIEFBOT_FETCH_ALLOW; nothing was sent to it."""


def is_public(address: str) -> bool:
    """Whether an address is globally routable: not loopback, private, link-local, shared,
    multicast, reserved or unspecified, including IPv4 addresses inside IPv6 (mapped, 6to4,
    Teredo, NAT64), which reach the IPv4 address they carry."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])  # an IPv6 zone index names no address
    if isinstance(ip, ipaddress.IPv6Address):
        inner = _embedded_ipv4(ip)
        if inner is not None:
            return is_public(str(inner))
    if ip not in _GLOBAL_EXCEPTIONS and any(
        ip.version == net.version and ip in net for net in _NOT_GLOBAL
    ):
        return False
    return ip.is_global and not (ip.is_multicast or ip.is_reserved or ip.is_unspecified)


def _embedded_ipv4(ip: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip.sixtofour is not None:
        return ip.sixtofour
    if ip.teredo is not None:
        return ip.teredo[1]
    if ip in _NAT64:
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return None


@dataclass(frozen=True)
class FetchPolicy:
    """Which non-public hosts may be fetched anyway: `host` (any port) or `host:port` entries."""

    allowed: frozenset[tuple[str, int | None]] = frozenset()

    @classmethod
    def parse(cls, setting: str) -> FetchPolicy:
        """BRIEFBOT_FETCH_ALLOW: comma-separated `host[:port]`; IPv6 as `[::1]:8080` or `::1`."""
        return cls(frozenset(_allow_entry(part) for part in setting.split(",") if part.strip()))

    def allows(self, host: str, port: int) -> bool:
        name = _host_key(host)
        return (name, None) in self.allowed or (name, port) in self.allowed


def _allow_entry(text: str) -> tuple[str, int | None]:
    """One `host[:port]`; ValueError naming the entry when it is none, so a typo stops start-up
    instead of failing every fetch."""
    text = text.strip()
    if text.startswith("["):  # [v6] or [v6]:port
        host, _, rest = text[1:].partition("]")
        if rest and not rest.startswith(":"):
            raise ValueError(f"BRIEFBOT_FETCH_ALLOW: {text!r} is not host[:port]")
        return _checked_host(host, text), _port(rest[1:], text) if rest else None
    if text.count(":") == 1:
        host, port = text.split(":")
        return _checked_host(host, text), _port(port, text)
    if ":" in text:  # a bare IPv6 address
        return _checked_host(text, text, ipv6=True), None
    return _checked_host(text, text), None  # a name or an IPv4 address


def _checked_host(host: str, entry: str, *, ipv6: bool = False) -> str:
    key = _host_key(host)
    try:
        if ipv6 or ":" in key:
            ipaddress.IPv6Address(key)
    except ValueError:
        key = ""
    if not key or any(c.isspace() or c in "/@?#" for c in key):
        raise ValueError(f"BRIEFBOT_FETCH_ALLOW: {entry!r} is not host[:port]")
    return key


def _port(text: str, entry: str) -> int:
    if not (text.strip().isdigit() and 0 < int(text) < 65536):
        raise ValueError(
            f"BRIEFBOT_FETCH_ALLOW: {entry!r} has no valid port (1-65535) after its ':'"
        )
    return int(text)


def _host_key(host: str) -> str:
    return host.strip().strip("[]").rstrip(".").lower()


async def system_resolve(host: str, port: int) -> list[str]:
    """Every address the system resolver gives for `host` (IP literals come back as they are)."""
    infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return [str(info[4][0]) for info in infos]


class PinnedBackend(httpcore.AsyncNetworkBackend):
    """httpcore's network backend, connecting only to checked addresses (see the module doc)."""

    def __init__(self, policy: FetchPolicy, resolve: Resolver, proxy: httpx.URL | None) -> None:
        self._policy = policy
        self._resolve = resolve
        self._proxy = proxy
        self._inner = httpcore.AnyIOBackend()

    async def checked_address(self, host: str, port: int) -> str:
        """The address to connect to for `host`, or RefusedAddress when it is not public."""
        try:
            addresses = await self._resolve(host, port)
        except OSError as error:
            raise httpx.ConnectError(f"cannot resolve {host}: {error}") from error
        if not addresses:
            raise httpx.ConnectError(f"cannot resolve {host}")
        if self._policy.allows(host, port):
            return addresses[0]
        private = [a for a in addresses if not is_public(a)]
        if private:
            where = host if private[0] == host else f"{host} ({private[0]})"
            raise RefusedAddress(
                f"refused address: {where} is not a public address "
                "(list it in BRIEFBOT_FETCH_ALLOW to fetch it anyway)"
            )
        return addresses[0]

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        address = await self.checked_address(host, port)
        # proxy_bypass is proxy_bypass_environment on Linux: it honours no_proxy
        if self._proxy is not None and not urllib.request.proxy_bypass(host):
            return await self._tunnel(address, port, timeout)
        return await self._inner.connect_tcp(address, port, timeout, local_address, socket_options)

    async def _tunnel(
        self, address: str, port: int, timeout: float | None
    ) -> httpcore.AsyncNetworkStream:
        """A stream to `address:port` through the proxy's CONNECT; httpcore does TLS on top."""
        assert self._proxy is not None
        proxy_port = self._proxy.port or (443 if self._proxy.scheme == "https" else 80)
        stream = await self._inner.connect_tcp(self._proxy.host, proxy_port, timeout)
        target = f"[{address}]:{port}" if ":" in address else f"{address}:{port}"
        request = f"CONNECT {target} HTTP/1.1\r\nHost: {target}\r\n"
        if self._proxy.username:
            credentials = f"{self._proxy.username}:{self._proxy.password or ''}".encode()
            request += f"Proxy-Authorization: Basic {base64.b64encode(credentials).decode()}\r\n"
        try:
            await stream.write((request + "\r\n").encode("ascii"), timeout)
            reply = b""
            while b"\r\n\r\n" not in reply:
                chunk = await stream.read(4096, timeout)
                if not chunk or len(reply) > _MAX_PROXY_REPLY:
                    raise httpcore.ProxyError("the proxy closed the connection or sent no reply")
                reply += chunk
            status_line = reply.split(b"\r\n", 1)[0]
            status = status_line.split(b" ")
            if len(status) < 2 or not status[1].startswith(b"2"):
                raise httpcore.ProxyError(f"the proxy refused CONNECT: {status_line[:80]!r}")
        except BaseException:
            await stream.aclose()
            raise
        return stream

    async def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> httpcore.AsyncNetworkStream:
        raise RefusedAddress("refused address: Unix sockets are never fetched")

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)


class _PinnedTransport(httpx.AsyncHTTPTransport):
    def __init__(self, backend: PinnedBackend) -> None:
        super().__init__(trust_env=False)
        # httpx has no parameter for the network backend of its connection pool, so the pool is
        # rebuilt with ours (the one attribute httpx's transport reads it from).
        self._pool = httpcore.AsyncConnectionPool(
            ssl_context=httpx.create_ssl_context(), network_backend=backend
        )


class GuardedTransport(httpx.AsyncBaseTransport):
    """One pinned connection pool per scheme, each through that scheme's proxy, if any."""

    def __init__(self, policy: FetchPolicy, resolve: Resolver = system_resolve) -> None:
        proxies = urllib.request.getproxies_environment()
        self._by_scheme = {
            scheme: _PinnedTransport(PinnedBackend(policy, resolve, _proxy_url(proxies, scheme)))
            for scheme in ("http", "https")
        }

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        transport = self._by_scheme.get(request.url.scheme)
        if transport is None:
            raise httpx.UnsupportedProtocol(f"not fetched: {request.url.scheme}: URLs")
        return await transport.handle_async_request(request)

    async def aclose(self) -> None:
        for transport in self._by_scheme.values():
            await transport.aclose()


def _proxy_url(proxies: dict[str, str], scheme: str) -> httpx.URL | None:
    url = proxies.get(scheme) or proxies.get("all")
    if not url:
        return None
    parsed = httpx.URL(url if "://" in url else f"http://{url}")
    if parsed.scheme != "http":
        # Only plain-HTTP proxies: the tunnel is opened in clear text to the proxy itself.
        raise ValueError(f"unsupported proxy {parsed.scheme}://{parsed.host}: use an http:// proxy")
    return parsed


def guarded_client(
    allow: str,
    *,
    resolve: Resolver = system_resolve,
    timeout: httpx.Timeout | float | None = None,
    headers: dict[str, str] | None = None,
) -> httpx.AsyncClient:
    """The only way Briefbot makes an HTTP client for URLs that users or feeds name."""
    return httpx.AsyncClient(
        transport=GuardedTransport(FetchPolicy.parse(allow), resolve),
        trust_env=False,  # proxies are the transport's business, checked as above
        follow_redirects=True,
        max_redirects=5,
        timeout=timeout,
        headers=headers,
    )
