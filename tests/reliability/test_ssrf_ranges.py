"""Ranges the standard library of this Python still calls global although no one outside can reach
them: IPv6 site-local (fec0::/10, deprecated but still routed inside networks that kept it) and the
IETF protocol block 192.0.0.0/24 (only 192.0.0.9 and 192.0.0.10 are anycast services on the
Internet). A name resolving there is refused before any connection."""

from __future__ import annotations

import asyncio

import pytest

from bot.ingest.netguard import FetchPolicy, PinnedBackend, RefusedAddress, is_public


@pytest.mark.parametrize(
    "address", ["fec0::1", "fec0:0:0:ffff::1", "feff::1", "192.0.0.8", "192.0.0.1"]
)
def test_site_local_and_protocol_assignment_addresses_are_refused(address: str) -> None:
    assert not is_public(address)

    async def resolve(host: str, port: int) -> list[str]:
        return [address]

    backend = PinnedBackend(FetchPolicy(), resolve, proxy=None)
    with pytest.raises(RefusedAddress):
        asyncio.run(backend.checked_address("intranet.test", 80))


@pytest.mark.parametrize("address", ["192.0.0.9", "192.0.0.10", "2001:4860:4860::8888"])
def test_the_public_services_beside_them_stay_public(address: str) -> None:
    assert is_public(address)
