"""An adapter's side of holding acknowledged commands (bot.command_inbox).

What every platform does the same way: hold a command once the platform has been told it is
being answered, release it once the answer is out, and now and then answer the commands a process
now gone left held. None of it may cost an answer: when the store cannot hold or release, the
command is still answered, only not resumable, and the log says so.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Mapping
from typing import Protocol

from bot.command_inbox import CommandInbox, Orphan
from bot.store.database import StoreError

log = logging.getLogger("briefbot.commands")


class HasInbox(Protocol):
    """The part of `bot.engine.Engine` that holds commands."""

    async def command_inbox(self) -> CommandInbox: ...


class HeldCommands:
    """One platform's held commands; `max_age` is how long the platform still takes a reply."""

    def __init__(self, engine: HasInbox, platform: str, max_age: float) -> None:
        self._engine = engine
        self.platform = platform
        self.max_age = max_age

    async def hold(self, payload: Mapping[str, str]) -> int | None:
        """The held command's id, or None when it cannot be held."""
        inbox = await self._inbox()
        return None if inbox is None else await inbox.hold(self.platform, payload)

    async def release(self, held: int | None) -> None:
        if held is not None and (inbox := await self._inbox()) is not None:
            await inbox.release(held)

    async def orphans(self) -> list[Orphan]:
        """The commands left by processes now gone, taken over by this one."""
        inbox = await self._inbox()
        if inbox is None:
            return []
        try:
            return await inbox.orphans(self.platform, self.max_age)
        except StoreError as error:
            log.warning("could not look for %s commands left unanswered: %s", self.platform, error)
            return []

    async def resume_forever(
        self, answer: Callable[[Orphan], Awaitable[None]], every: float
    ) -> None:
        """Now and every `every` seconds: start answering the commands left by processes now
        gone (a replica killed, or this bot before its restart). Runs until cancelled."""
        while True:
            try:
                orphans = await self.orphans()
                if orphans:
                    log.info(
                        "answering %d %s command(s) left unanswered by a process that is gone",
                        len(orphans),
                        self.platform,
                    )
                answered = await asyncio.gather(*map(answer, orphans), return_exceptions=True)
                for failure in answered:
                    if isinstance(failure, Exception):
                        log.error("a resumed %s command failed: %r", self.platform, failure)
            except Exception:  # the loop must outlive a bad pass; the log says why
                log.exception("resuming unanswered %s commands failed", self.platform)
            await asyncio.sleep(every)

    async def _inbox(self) -> CommandInbox | None:
        try:
            return await self._engine.command_inbox()
        except StoreError as error:
            log.warning("%s commands cannot be held for resuming: %s", self.platform, error)
            return None
