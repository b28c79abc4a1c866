"""Replicas (issue 17): a user's command budget and a channel's `more` are the same whichever
replica a request reaches. Two stores (or two engines) opened on one database stand for two
`briefbot run` processes behind a load balancer.

The store-backed limiter and page memory run on both backends; the engine shares them only on
PostgreSQL (bot.engine says why), so on SQLite each engine keeps its own, as asserted here.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest

from bot.answer.model import Conversation
from bot.answer.paging import StorePages
from bot.answer.query import parse
from bot.engine import Engine
from bot.ratelimit import RateLimiter, StoreRateLimiter
from bot.store.store import Store
from tests.conftest import make_settings
from tests.store.test_bounded_answers import _statements

FLOODER = ("slack", "T1", "UFLOOD")
CALM = ("slack", "T1", "UCALM")


class Clock:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
async def two_stores(fresh_db) -> AsyncIterator[tuple[Store, Store]]:
    first = await Store.open(fresh_db)
    second = await Store.open(fresh_db)
    yield first, second
    await second.close()
    await first.close()


async def _count(store: Store, table: str) -> int:
    query = {
        "rate_buckets": "SELECT count(*) FROM rate_buckets",
        "paging": "SELECT count(*) FROM paging",
    }
    return (await store.backend.read(query[table]))[0][0]


async def test_two_limiters_on_one_store_share_a_users_budget(two_stores) -> None:
    clock = Clock()
    a, b = (StoreRateLimiter(s, per_minute=60, burst=3, clock=clock) for s in two_stores)
    assert [await a.take(FLOODER), await b.take(FLOODER), await a.take(FLOODER)] == [0.0] * 3
    assert await b.take(FLOODER) == pytest.approx(1.0)  # the 4th, on either replica, waits 1 s
    refused = await a.attempt(FLOODER)
    assert refused.wait == pytest.approx(1.0) and refused.refused == 2  # logged only at the 1st
    # Another user, and the same user id in another workspace, have budgets of their own.
    assert await b.take(CALM) == 0.0
    assert await a.take(("slack", "T2", "UFLOOD")) == 0.0
    # A second later one token is back: one command, on whichever replica, then a wait again.
    clock.now += 1.0
    assert await b.take(FLOODER) == 0.0
    assert await a.take(FLOODER) == pytest.approx(1.0)
    clock.now += 0.25
    assert await b.take(FLOODER) == pytest.approx(0.75)
    # Idle for longer than a full refill: the whole burst again.
    clock.now += 60
    assert [await a.take(FLOODER) for _ in range(4)] == [0.0, 0.0, 0.0, pytest.approx(1.0)]


async def test_takes_at_once_on_two_replicas_spend_exactly_the_burst(two_stores) -> None:
    clock = Clock()
    a, b = (StoreRateLimiter(s, per_minute=60, burst=5, clock=clock) for s in two_stores)
    waits = await asyncio.gather(*(limiter.take(FLOODER) for limiter in [a, b] * 10))
    assert sum(wait == 0.0 for wait in waits) == 5


async def test_the_same_semantics_as_the_limiter_in_memory(fresh_db) -> None:
    clock = Clock()
    memory = RateLimiter(per_minute=30, burst=10, clock=clock)
    async with await Store.open(fresh_db) as store:
        shared = StoreRateLimiter(store, per_minute=30, burst=10, clock=clock)
        for _ in range(60):  # a command every 0.6 s: the burst, then the steady rate
            expected = memory.take(FLOODER)
            assert await shared.take(FLOODER) == pytest.approx(expected)
            clock.now += 0.6


async def test_idle_buckets_are_dropped(fresh_db) -> None:
    clock = Clock()
    async with await Store.open(fresh_db) as store:
        limiter = StoreRateLimiter(store, per_minute=60, burst=2, clock=clock, prune_every=10)
        for n in range(9):
            await limiter.take(("discord", "g", str(n)))
        assert await _count(store, "rate_buckets") == 9
        clock.now += 2.5  # past a full refill (2 s) for those nine
        await limiter.take(CALM)  # the 10th take prunes: only the fresh bucket stays
        assert await _count(store, "rate_buckets") == 1


async def test_a_page_asked_on_one_replica_continues_on_another(two_stores) -> None:
    a, b = (StorePages(s) for s in two_stores)
    here, there = ("slack", "T1", "C1"), ("slack", "T1", "C2")
    assert await b.advance(here, 5) is None
    await a.remember(here, parse("who said what about Ukraine"), 0)
    query, offset = await b.advance(here, 5) or (None, None)
    assert query == parse("who said what about Ukraine") and offset == 5
    assert (await a.advance(here, 5) or (None, 0))[1] == 10
    assert await a.advance(there, 5) is None  # another channel has nothing to continue
    # Two `more` at once get two pages, not one page twice.
    offsets = await asyncio.gather(*(p.advance(here, 5) for p in [a, b] * 3))
    assert sorted(found[1] for found in offsets if found) == [15, 20, 25, 30, 35, 40]


async def test_two_engines_share_budget_and_more_on_postgres_only(backend, fresh_db) -> None:
    settings = make_settings(fresh_db, BRIEFBOT_RATE_PER_MINUTE=6, BRIEFBOT_RATE_BURST=3)
    async with (
        await Engine.open(settings, load_model=False) as a,
        await Engine.open(settings, load_model=False) as b,
    ):
        await _statements(a.store, 12)
        flooder = Conversation("slack", "T1", "C1", "UFLOOD")
        first = await a.answer("who said what", flooder)
        assert first.ok and first.shown == 5
        more = await b.answer("more", flooder)
        third = await a.answer("help", flooder)
        fourth = await b.answer("help", flooder)
        calm = await b.answer("help", Conversation("slack", "T1", "C1", "UCALM"))
        assert calm.intent == "help"
        if backend == "postgres":
            assert more.note is not None and "showing 6–10" in more.note
            assert third.intent == "help" and fourth.intent == "slow_down"
            assert fourth.note is not None and "Please wait" in fourth.note
        else:  # each SQLite engine keeps its own: b knows no question and spent 2 of its 3
            assert more.intent == "more" and not more.ok
            assert third.intent == "help" and fourth.intent == "help"
