"""Commands acknowledged to a chat platform and not yet answered (migration 0018).

Slack is told a command was received within 3 seconds, before the answer is ready; a process
killed in between took the command with it, and Slack never sends it again. So the command is
held here until its answer has gone out, on its own connection like the schedule, and a process
that finds another's command whose owner is gone takes it over.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.store.side_connection import SideConnectionStore, make_row


@dataclass(frozen=True)
class HeldCommand:
    id: int
    platform: str
    payload: str  # JSON, the adapter's own: what it needs to answer the command
    owner: str
    received: float  # seconds since the epoch
    lease_until: float
    attempts: int  # processes that have taken it on, counting the first
    now: float  # the database's time when it was read, to judge the lease by


class HeldCommandStore(SideConnectionStore):
    """The held commands, on their own connection (see SideConnectionStore)."""

    # A hold and a release per command: they must survive the process (a kill, a restart),
    # which WAL commits do without an fsync each; a power cut loses the answers in flight anyway.
    FULL_SYNC = False

    async def hold(
        self, platform: str, payload: str, owner: str, lease: float, now: float | None = None
    ) -> int:
        """Hold a command for `owner` for `lease` seconds; its id."""
        params = {
            "platform": platform,
            "payload": payload,
            "owner": owner,
            "lease": lease,
            "now": now,
        }
        async with self._transaction() as db:
            rows = await db.fetch(self.sql.HOLD_COMMAND, params)
            return int(rows[0][0])

    async def release(self, command_id: int) -> None:
        """The command is answered (or given up): nobody is to answer it again."""
        await self._write(self.sql.RELEASE_COMMAND, {"id": command_id})

    async def others(
        self, platform: str, owner: str, after: int = 0, limit: int = 100, now: float | None = None
    ) -> list[HeldCommand]:
        """A page of the commands on `platform` held by other processes than `owner`, oldest
        first, from the one after id `after`."""
        params = {"platform": platform, "owner": owner, "after": after, "limit": limit, "now": now}
        rows = await self._rows(self.sql.OTHERS_HELD_COMMANDS, params)
        return [make_row(HeldCommand, row) for row in rows]

    async def take_over(
        self, held: HeldCommand, owner: str, lease: float, now: float | None = None
    ) -> bool:
        """Take `held` from the owner it was read with; False when another process was first."""
        params = {"id": held.id, "previous": held.owner, "owner": owner, "lease": lease, "now": now}
        return await self._write(self.sql.TAKE_OVER_COMMAND, params) > 0

    async def forget_older_than(
        self, platform: str, max_age: float, now: float | None = None
    ) -> int:
        """Drop commands on `platform` received more than `max_age` seconds ago: too late to
        answer there (each platform takes a reply for its own time)."""
        params = {"platform": platform, "max_age": max_age, "now": now}
        return await self._write(self.sql.FORGET_OLD_COMMANDS, params)
