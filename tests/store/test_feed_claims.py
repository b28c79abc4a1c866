"""Replicas and feeds: several processes on one PostgreSQL store poll each due feed once per
interval. Two schedule stores (two connections, as two `briefbot run` replicas) ask for due feeds
at once and share them out; a feed polled by one is not due for the other; the claims of a
replica that dies go with its connection."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest

from bot.store.location import PostgresLocation
from bot.store.schedule_store import ScheduleStore
from tests.conftest import _create_database

NOW = "2025-03-01T08:00:00.000000+00:00"
LATER = "2025-03-01T08:15:00.000000+00:00"
URLS = [f"https://feeds{n}.example/rss" for n in range(6)]


@pytest.fixture
def shared_db(postgres_server, postgres_empty_template) -> PostgresLocation:
    name = postgres_server.new_database_name("feeds")
    return _create_database(postgres_server, name, postgres_empty_template)


@pytest.fixture
async def replicas(shared_db) -> AsyncIterator[list]:
    stores = [await ScheduleStore.open(shared_db) for _ in range(3)]
    for url in URLS:
        await stores[0].add_feed(url, None, NOW)
    yield stores
    for store in stores:
        await store.close()


def _ids(feeds) -> set[int]:
    return {feed.id for feed in feeds}


async def test_two_replicas_asking_at_once_share_the_due_feeds_out(replicas):
    a, b, _ = replicas
    mine, theirs = await asyncio.gather(a.due_feeds(NOW), b.due_feeds(NOW))
    assert not _ids(mine) & _ids(theirs)
    assert len(_ids(mine) | _ids(theirs)) == len(URLS)


async def test_a_feed_one_replica_polled_is_not_due_for_the_other(replicas):
    a, b, _ = replicas
    claimed = await a.due_feeds(NOW)
    assert len(claimed) == len(URLS) and await b.due_feeds(NOW) == []
    for feed in claimed:
        await a.feed_polled(feed.id, None, None, LATER, NOW)
    assert await b.due_feeds(NOW) == []  # claims released, but polled: due again at LATER
    assert len(await b.due_feeds(LATER)) == len(URLS)


async def test_a_failed_poll_is_recorded_and_released_like_a_good_one(replicas):
    a, b, _ = replicas
    [first, *rest] = await a.due_feeds(NOW)
    await a.feed_failed(first.id, "unreachable", LATER, NOW)
    assert await b.due_feeds(NOW) == []  # the rest are still a's
    assert _ids(await b.due_feeds(LATER)) == {first.id}


async def test_the_feeds_a_dead_replica_claimed_are_due_for_the_others(replicas):
    a, b, _ = replicas
    assert len(await a.due_feeds(NOW)) == len(URLS)
    await a.close()  # its process is gone: the server drops its session and its claims
    assert len(await b.due_feeds(NOW)) == len(URLS)


async def test_feeds_a_pass_did_not_reach_are_its_own_again_at_the_next_pass(replicas):
    a, b, _ = replicas
    assert len(await a.due_feeds(NOW)) == len(URLS)  # its budget ran out before polling them
    assert len(await a.due_feeds(NOW)) == len(URLS)
    assert await b.due_feeds(NOW) == []
