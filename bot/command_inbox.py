"""Acknowledged commands are answered even when the process that acknowledged them dies.

An adapter holds each command it has acknowledged (`hold`) until the answer has gone out
(`release`). Every process answering one platform looks now and then for commands of that platform
held by a process that is gone (`orphans`: its pid is not running on this host, or its lease ran
out) and answers them itself: the other replica after a SIGKILL, or the same bot restarted. Each
orphan is taken over by one process only (a compare-and-set on its owner); one that has already
been taken over twice is dropped rather than tried for ever, since it may be what kills them; and
one older than the platform still accepts a reply to is forgotten.

The payload is the adapter's own JSON: the engine stores it and hands it back, nothing more.
"""

from __future__ import annotations

import json
import logging
from collections.abc import AsyncIterator, Mapping
from dataclasses import dataclass

from bot.owners import owner_alive, process_owner
from bot.store.database import StoreError
from bot.store.held_commands import HeldCommand, HeldCommandStore

log = logging.getLogger("briefbot.commands")

# Longer than an answer may take (the adapters give up on an answer after 60 s) plus its delivery
# with retries: a lease that ran out while its owner was still answering would answer twice.
LEASE_SECONDS = 180.0
MAX_ATTEMPTS = 3  # the first process and two takeovers


@dataclass(frozen=True)
class Orphan:
    """A command another process acknowledged and did not answer, now this process's to answer."""

    id: int
    payload: dict[str, str]


class CommandInbox:
    def __init__(
        self, store: HeldCommandStore, owner: str | None = None, lease: float = LEASE_SECONDS
    ) -> None:
        self.store = store
        self.owner = owner or process_owner()
        self.lease = lease

    async def hold(self, platform: str, payload: Mapping[str, str]) -> int | None:
        """Hold an acknowledged command; its id, or None when the store cannot take it (the
        command is still answered, only not resumable: a store outage must not cost answers)."""
        try:
            return await self.store.hold(
                platform, json.dumps(dict(payload)), self.owner, self.lease
            )
        except StoreError as error:
            log.warning("could not hold a %s command for resuming: %s", platform, error)
            return None

    async def release(self, command_id: int | None) -> None:
        """The command's answer has gone out (or it was given up)."""
        if command_id is None:
            return
        try:
            await self.store.release(command_id)
        except StoreError as error:
            # Left held, it would be answered again after the lease: say so.
            log.warning("could not release held command %s: %s", command_id, error)

    async def orphans(self, platform: str, max_age: float) -> list[Orphan]:
        """The commands of `platform` whose process is gone, taken over by this one; commands
        older than `max_age` seconds (the platform no longer takes a reply) are forgotten."""
        await self.store.forget_older_than(platform, max_age)
        taken: list[Orphan] = []
        async for held in self._held_by_others(platform):
            if not self._abandoned(held):
                continue
            if held.attempts >= MAX_ATTEMPTS:
                log.warning(
                    "dropping held %s command %s: %d processes died answering it",
                    platform,
                    held.id,
                    held.attempts,
                )
                await self.store.release(held.id)
                continue
            if await self.store.take_over(held, self.owner, self.lease):
                taken.append(_orphan(held))
        return taken

    async def _held_by_others(self, platform: str) -> AsyncIterator[HeldCommand]:
        after = 0
        while page := await self.store.others(platform, self.owner, after):
            for held in page:
                yield held
            after = page[-1].id

    def _abandoned(self, held: HeldCommand) -> bool:
        return held.lease_until < held.now or not owner_alive(held.owner)


def _orphan(held: HeldCommand) -> Orphan:
    payload = json.loads(held.payload)
    return Orphan(held.id, {str(k): str(v) for k, v in payload.items()})
