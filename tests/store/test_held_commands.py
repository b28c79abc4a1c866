"""A command acknowledged to the platform is answered once, even when the process that
acknowledged it is gone: whoever looks next takes over what a dead process held, never what a live
one is still answering, and of two processes looking at once only one takes it. On both backends.
"""

from __future__ import annotations

import socket
import subprocess
import sys
from collections.abc import AsyncIterator

import pytest

from bot.command_inbox import MAX_ATTEMPTS, CommandInbox
from bot.store.held_commands import HeldCommandStore
from bot.store.store import Store

COMMAND = {"text": "latest talks Russia", "response_url": "https://hooks.example/1"}


def _dead_process_owner() -> str:
    """An owner name of a process on this host that has exited."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return f"{socket.gethostname()}:{child.pid}:deadbeef"


@pytest.fixture
async def stores(fresh_db) -> AsyncIterator[list[HeldCommandStore]]:
    await (await Store.open(fresh_db)).close()  # migrated, as `briefbot run` does first
    opened = [await HeldCommandStore.open(fresh_db) for _ in range(2)]
    yield opened
    for store in opened:
        await store.close()


async def test_a_command_of_a_process_that_died_is_taken_over_with_its_payload(stores) -> None:
    dead = CommandInbox(stores[0], owner=_dead_process_owner())
    held = await dead.hold("slack", COMMAND)
    survivor = CommandInbox(stores[1])
    [orphan] = await survivor.orphans("slack", max_age=600)
    assert (orphan.id, orphan.payload) == (held, COMMAND)
    # now the survivor's: nobody else takes it, and it is not offered to the survivor again
    assert await survivor.orphans("slack", max_age=600) == []
    assert await CommandInbox(stores[0]).orphans("slack", max_age=600) == []


async def test_a_live_process_keeps_its_command_until_its_lease_runs_out(stores) -> None:
    live = CommandInbox(stores[0])  # this test's own process: alive
    await live.hold("slack", COMMAND)
    other = CommandInbox(stores[1])
    assert await other.orphans("slack", max_age=600) == []
    expired = CommandInbox(stores[0], lease=-1.0)  # a lease already run out (another host)
    late = await expired.hold("slack", COMMAND)
    assert [o.id for o in await other.orphans("slack", max_age=600)] == [late]


async def test_an_answered_command_is_never_answered_again(stores) -> None:
    dead = CommandInbox(stores[0], owner=_dead_process_owner())
    await dead.release(await dead.hold("slack", COMMAND))
    assert await CommandInbox(stores[1]).orphans("slack", max_age=600) == []


async def test_of_two_processes_looking_at_once_one_takes_the_command(stores) -> None:
    dead = CommandInbox(stores[0], owner=_dead_process_owner())
    await dead.hold("slack", COMMAND)
    a, b = CommandInbox(stores[0]), CommandInbox(stores[1])
    seen = await stores[1].others("slack", b.owner)
    # both read it as the dead process's; only the first compare-and-set wins
    assert await stores[0].take_over(seen[0], a.owner, 60)
    assert not await stores[1].take_over(seen[0], b.owner, 60)


async def test_commands_of_another_platform_or_too_old_to_answer_are_not_taken(stores) -> None:
    dead = CommandInbox(stores[0], owner=_dead_process_owner())
    await dead.hold("discord", COMMAND)
    survivor = CommandInbox(stores[1])
    assert await survivor.orphans("slack", max_age=600) == []
    await dead.hold("slack", COMMAND)
    assert await survivor.orphans("slack", max_age=-1.0) == []  # forgotten: past its reply window
    assert await stores[1].others("slack", survivor.owner) == []
    # each platform forgets by its own window: Slack's 30 minutes are not Discord's 15
    [discord] = await stores[1].others("discord", survivor.owner)
    assert [o.id for o in await survivor.orphans("discord", max_age=600)] == [discord.id]


async def test_a_command_that_keeps_killing_its_processes_is_dropped(stores) -> None:
    held = await CommandInbox(stores[0], owner=_dead_process_owner()).hold("slack", COMMAND)
    for _ in range(MAX_ATTEMPTS - 1):  # each taker dies answering it
        taker = CommandInbox(stores[1], owner=_dead_process_owner())
        rows = await stores[1].others("slack", taker.owner)
        assert await stores[1].take_over(rows[0], taker.owner, 60)
    assert await CommandInbox(stores[1]).orphans("slack", max_age=600) == []
    assert [r.id for r in await stores[1].others("slack", "nobody")] == []
    assert held
