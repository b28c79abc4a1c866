"""Watches and their alert log (migration 0010); the reads that find what an ingest touched.

Like the schedule store, it has its own writer connection (SQLite: `synchronous = FULL`): an alert
row is the promise that the alert is posted once, so a committed claim must survive a power cut.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from bot.store.db import Db
from bot.store.rows import EventRow, StatementRow
from bot.store.side_connection import SideConnectionStore, make_row


@dataclass(frozen=True)
class NewWatch:
    platform: str
    workspace: str
    channel: str
    created_by: str
    query: str
    filter: str  # the parsed query as JSON
    min_confidence: float | None
    max_per_hour: int | None
    quiet_hours: str | None
    timezone: str


@dataclass(frozen=True)
class Watch:
    id: int
    platform: str
    workspace: str
    channel: str
    created_by: str
    query: str
    filter: str
    min_confidence: float | None
    max_per_hour: int | None
    quiet_hours: str | None
    timezone: str
    state: str  # active | paused
    paused_reason: str | None
    created_at: str
    seen_until: str
    last_alert_at: str | None


@dataclass(frozen=True)
class Alert:
    id: int
    watch_id: int
    fact: str
    fingerprint: str
    kind: str  # new | update
    state: str  # held | pending | sent | failed
    item: str  # JSON
    post: str | None
    owner: str | None
    lease_until: str | None
    attempts: int
    message_id: str | None
    reason: str | None
    created_at: str
    sent_at: str | None


@dataclass(frozen=True)
class Claim:
    """One alert to record: the fact, the version of it the channel would see, and how to send."""

    watch_id: int
    fact: str
    fingerprint: str
    item: str
    now: str
    hour_ago: str
    max_per_hour: int
    quiet: bool
    owner: str
    lease_until: str
    post: str


@dataclass(frozen=True)
class Notice:
    watch_id: int
    channel: str
    reason: str | None


class WatchStore(SideConnectionStore):
    """Watches and their alert log, on their own connection (see SideConnectionStore)."""

    # --- watches -------------------------------------------------------------------------------
    async def add_watch(self, new: NewWatch, now: str, seen_until: str) -> int:
        async with self._transaction() as db:
            params = {**vars(new), "now": now, "seen_until": seen_until}
            rows = await db.fetch(self.sql.INSERT_WATCH, params)
            return int(rows[0][0])

    async def same_watch(self, new: NewWatch) -> Watch | None:
        params = {k: v for k, v in vars(new).items() if k not in ("created_by", "query")}
        rows = await self._rows(self.sql.FIND_SAME_WATCH, params)
        return make_row(Watch, rows[0]) if rows else None

    async def watch(self, watch_id: int) -> Watch | None:
        rows = await self._rows(self.sql.GET_WATCH, {"id": watch_id})
        return make_row(Watch, rows[0]) if rows else None

    async def workspace_watches(self, platform: str, workspace: str) -> list[Watch]:
        rows = await self._rows(
            self.sql.LIST_WORKSPACE_WATCHES, {"platform": platform, "workspace": workspace}
        )
        return [make_row(Watch, r) for r in rows]

    async def active_watches(self, platforms: Sequence[str]) -> list[Watch]:
        rows = await self._rows(
            self.sql.ACTIVE_WATCHES, {"platforms": json.dumps(sorted(platforms))}
        )
        return [make_row(Watch, r) for r in rows]

    async def delete_watch(self, watch_id: int) -> bool:
        return await self._write(self.sql.DELETE_WATCH, {"id": watch_id}) > 0

    async def pause(self, watch_id: int, reason: str | None, *, notify_creator: bool) -> None:
        await self._write(
            self.sql.PAUSE_WATCH, {"id": watch_id, "reason": reason, "notify": int(notify_creator)}
        )

    async def resume(self, watch_id: int, seen_until: str) -> None:
        await self._write(self.sql.RESUME_WATCH, {"id": watch_id, "seen_until": seen_until})

    async def take_notices(self, platform: str, workspace: str, user: str) -> list[Notice]:
        """Watches a failure paused that this user has not been told about; told once returned."""
        params = {"platform": platform, "workspace": workspace, "created_by": user}
        async with self._transaction() as db:
            rows = await db.fetch(self.sql.TAKE_WATCH_NOTICES, params)
        return sorted(
            (Notice(r["id"], r["channel"], r["paused_reason"]) for r in rows),
            key=lambda n: n.watch_id,
        )

    async def advance(self, watch_id: int, upto: str) -> None:
        await self._write(self.sql.ADVANCE_WATCH, {"id": watch_id, "upto": upto})

    # --- what an ingest touched ----------------------------------------------------------------
    async def latest_ingest(self) -> str | None:
        rows = await self._rows(self.sql.LATEST_INGEST)
        return rows[0][0] if rows else None

    async def touched(self, after: str, upto: str) -> tuple[list[int], list[int]]:
        """(event ids, statement ids) that articles ingested in (after, upto] added or changed."""
        params = {"after": after, "upto": upto}
        events = [r[0] for r in await self._rows(self.sql.TOUCHED_EVENTS, params)]
        statements = [r[0] for r in await self._rows(self.sql.TOUCHED_STATEMENTS, params)]
        return events, statements

    async def matching_events(self, ids: list[int], params: dict[str, Any]) -> list[EventRow]:
        """Of the events `ids`, those the answer filters in `params` keep (bare rows, with
        `anchor`)."""
        rows = await self._rows(self.sql.WATCH_EVENTS, {**params, "ids": json.dumps(ids)})
        return [EventRow.from_row(r) for r in rows]

    async def matching_statements(
        self, ids: list[int], params: dict[str, Any]
    ) -> list[StatementRow]:
        """Of the statements `ids`, those the answer filters in `params` keep (bare rows)."""
        rows = await self._rows(self.sql.WATCH_STATEMENTS, {**params, "ids": json.dumps(ids)})
        return [StatementRow.from_row(r) for r in rows]

    # --- the alert log -------------------------------------------------------------------------
    async def claim(self, claim: Claim) -> Alert | None:
        """Record an alert for a version of a fact this watch has not alerted yet, in one
        transaction (so two processes cannot both record it, nor both count under the hourly
        limit). Returns the new row, or None when there is nothing to send: the version is known,
        or an unsent held alert for the fact now shows it instead."""
        async with self._transaction() as db:
            return await self._claim(db, claim)

    async def _claim(self, db: Db, claim: Claim) -> Alert | None:
        key = {"watch_id": claim.watch_id, "fact": claim.fact}
        if await db.fetch(self.sql.FIND_ALERT_VERSION, {**key, "fingerprint": claim.fingerprint}):
            return None
        prior = await db.fetch(self.sql.LATEST_FACT_ALERT, key)
        if prior and prior[0]["state"] == "held":
            await db.execute(
                self.sql.REVISE_HELD_ALERT,
                {
                    "id": prior[0]["id"],
                    "fingerprint": claim.fingerprint,
                    "item": claim.item,
                    "now": claim.now,
                },
            )
            return None
        recent = (
            await db.fetch(
                self.sql.RECENT_WATCH_POSTS, {"watch_id": claim.watch_id, "since": claim.hour_ago}
            )
        )[0][0]
        held = (await db.fetch(self.sql.COUNT_HELD_ALERTS, {"watch_id": claim.watch_id}))[0][0]
        # Held alerts go out together as one digest; a new one joins them rather than jump ahead.
        hold = claim.quiet or held > 0 or recent >= claim.max_per_hour
        params = {
            **key,
            "fingerprint": claim.fingerprint,
            "kind": "update" if prior else "new",
            "state": "held" if hold else "pending",
            "item": claim.item,
            "post": None if hold else claim.post,
            "owner": None if hold else claim.owner,
            "lease_until": None if hold else claim.lease_until,
            "now": claim.now,
        }
        await db.execute(self.sql.INSERT_ALERT, params)
        rows = await db.fetch(self.sql.LATEST_FACT_ALERT, key)
        return make_row(Alert, rows[0])

    async def watches_with_held_alerts(self, platforms: Sequence[str]) -> list[int]:
        rows = await self._rows(
            self.sql.WATCHES_WITH_HELD_ALERTS, {"platforms": json.dumps(sorted(platforms))}
        )
        return [r[0] for r in rows]

    async def release_held(
        self,
        watch_id: int,
        *,
        hour_ago: str,
        max_per_hour: int,
        post: str,
        owner: str,
        lease_until: str,
        now: str,
    ) -> list[Alert]:
        """Every held alert of a watch as one post claimed by `owner`, if the hourly limit allows
        a message now (checked in the same transaction); empty otherwise."""
        async with self._transaction() as db:
            params = {"watch_id": watch_id, "since": hour_ago}
            if (await db.fetch(self.sql.RECENT_WATCH_POSTS, params))[0][0] >= max_per_hour:
                return []
            await db.execute(
                self.sql.RELEASE_HELD_ALERTS,
                {
                    "watch_id": watch_id,
                    "post": post,
                    "owner": owner,
                    "lease_until": lease_until,
                    "now": now,
                },
            )
            rows = await db.fetch(self.sql.POST_ALERTS, {"post": post})
        return [make_row(Alert, r) for r in rows]

    async def open_alerts(self, platforms: Sequence[str]) -> list[Alert]:
        rows = await self._rows(self.sql.OPEN_ALERTS, {"platforms": json.dumps(sorted(platforms))})
        return [make_row(Alert, r) for r in rows]

    async def alerts(self, watch_id: int) -> list[Alert]:
        return [
            make_row(Alert, r)
            for r in await self._rows(self.sql.WATCH_ALERTS, {"watch_id": watch_id})
        ]

    async def previous_sent(self, alert: Alert) -> Alert | None:
        """The version of the alert's fact the channel saw last."""
        params = {"watch_id": alert.watch_id, "fact": alert.fact, "before": alert.id}
        rows = await self._rows(self.sql.PREVIOUS_SENT_ALERT, params)
        return make_row(Alert, rows[0]) if rows else None

    async def first_message(self, watch_id: int, fact: str) -> str | None:
        rows = await self._rows(self.sql.FIRST_FACT_MESSAGE, {"watch_id": watch_id, "fact": fact})
        return rows[0][0] if rows else None

    async def start_attempt(
        self, post: str, owner: str, previous_owner: str | None, lease_until: str, now: str
    ) -> bool:
        """Count an attempt at a post, taking it over from `previous_owner`; False if another
        process got there first."""
        params = {
            "post": post,
            "owner": owner,
            "previous_owner": previous_owner,
            "lease_until": lease_until,
            "now": now,
        }
        return await self._write(self.sql.START_POST_ATTEMPT, params) > 0

    async def mark_sent(self, post: str, message_id: str, now: str) -> None:
        await self._write(
            self.sql.MARK_POST_SENT, {"post": post, "message_id": message_id, "now": now}
        )

    async def mark_failed(self, post: str, reason: str, now: str) -> None:
        await self._write(self.sql.MARK_POST_FAILED, {"post": post, "reason": reason, "now": now})

    async def retry_later(self, post: str, reason: str, lease_until: str, now: str) -> None:
        await self._write(
            self.sql.POST_RETRY_LATER,
            {"post": post, "reason": reason, "lease_until": lease_until, "now": now},
        )
