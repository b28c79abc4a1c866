"""The scheduler's tables: subscriptions, the delivery log, registered feeds.

It has its own writer connection, separate from the article writer, so a delivery row commits on
its own even while an ingest transaction is open in the same process, and (SQLite) with
`synchronous = FULL` so a committed "pending" survives a power cut, not only a crash. An asyncio
lock keeps the coroutines sharing this connection from interleaving their transactions.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.store.side_connection import SideConnectionStore, make_row


@dataclass(frozen=True)
class NewSubscription:
    platform: str
    workspace: str
    channel: str
    created_by: str
    cron: str
    rule: str
    timezone: str
    topic: str | None


@dataclass(frozen=True)
class Subscription:
    id: int
    platform: str
    workspace: str
    channel: str
    created_by: str
    cron: str
    rule: str
    timezone: str
    topic: str | None
    state: str  # active | paused
    paused_reason: str | None
    created_at: str
    active_since: str
    last_sent_slot: str | None


@dataclass(frozen=True)
class Delivery:
    id: int
    subscription_id: int
    slot_time: str
    state: str  # pending | sent | failed
    window_start: str
    window_end: str
    owner: str | None
    lease_until: str | None
    attempts: int
    message_id: str | None
    reason: str | None


@dataclass(frozen=True)
class Feed:
    id: int
    url: str
    platform: str  # with workspace: who registered it ('' for neither: not from a chat)
    workspace: str
    added_by: str | None
    etag: str | None
    last_modified: str | None
    next_poll_at: str
    failures: int
    last_error: str | None  # a category, never the raw error (see bot.ingest.fetch.CATEGORIES)
    last_polled_at: str | None


@dataclass(frozen=True)
class Notice:
    subscription_id: int
    channel: str
    reason: str | None


def _same_keys(new: NewSubscription) -> dict[str, str | None]:
    """What makes two subscriptions the same briefing in the same channel."""
    keys = ("platform", "workspace", "channel", "cron", "timezone", "topic")
    return {k: getattr(new, k) for k in keys}


class ScheduleStore(SideConnectionStore):
    """Subscriptions, feeds and the delivery log, on their own connection (see
    SideConnectionStore)."""

    # --- subscriptions -----------------------------------------------------------------------
    async def add_subscription(self, new: NewSubscription, now: str) -> int:
        """Add the subscription; the id. The same subscription (a command a moment earlier in
        this process or another replica, between the caller's check and now) is not added twice:
        its id is returned. Checked and inserted in one write transaction."""
        async with self._transaction() as db:
            same = await db.fetch(self.sql.FIND_SAME_SUBSCRIPTION, _same_keys(new))
            if same:
                return int(same[0]["id"])
            rows = await db.fetch(self.sql.INSERT_SUBSCRIPTION, {**vars(new), "now": now})
            return int(rows[0][0])

    async def same_subscription(self, new: NewSubscription) -> Subscription | None:
        rows = await self._rows(self.sql.FIND_SAME_SUBSCRIPTION, _same_keys(new))
        return make_row(Subscription, rows[0]) if rows else None

    async def subscription(self, subscription_id: int) -> Subscription | None:
        rows = await self._rows(self.sql.GET_SUBSCRIPTION, {"id": subscription_id})
        return make_row(Subscription, rows[0]) if rows else None

    async def workspace_subscriptions(self, platform: str, workspace: str) -> list[Subscription]:
        rows = await self._rows(
            self.sql.LIST_WORKSPACE_SUBSCRIPTIONS, {"platform": platform, "workspace": workspace}
        )
        return [make_row(Subscription, r) for r in rows]

    async def active_subscriptions(self) -> list[Subscription]:
        return [make_row(Subscription, r) for r in await self._rows(self.sql.ACTIVE_SUBSCRIPTIONS)]

    async def delivery_platforms(self) -> set[str]:
        return {r[0] for r in await self._rows(self.sql.DELIVERY_PLATFORMS)}

    async def delete_subscription(self, subscription_id: int) -> bool:
        return await self._write(self.sql.DELETE_SUBSCRIPTION, {"id": subscription_id}) > 0

    async def pause(
        self, subscription_id: int, reason: str | None, *, notify_creator: bool
    ) -> None:
        await self._write(
            self.sql.PAUSE_SUBSCRIPTION,
            {"id": subscription_id, "reason": reason, "notify": int(notify_creator)},
        )

    async def resume(self, subscription_id: int, now: str) -> None:
        await self._write(self.sql.RESUME_SUBSCRIPTION, {"id": subscription_id, "now": now})

    async def take_notices(self, platform: str, workspace: str, user: str) -> list[Notice]:
        """Pauses this user has not been told about yet; they count as told once returned."""
        params = {"platform": platform, "workspace": workspace, "created_by": user}
        async with self._transaction() as db:
            rows = await db.fetch(self.sql.TAKE_CREATOR_NOTICES, params)
        return sorted(
            (Notice(r["id"], r["channel"], r["paused_reason"]) for r in rows),
            key=lambda n: n.subscription_id,
        )

    # --- deliveries --------------------------------------------------------------------------
    async def delivery(self, subscription_id: int, slot_time: str) -> Delivery | None:
        rows = await self._rows(
            self.sql.GET_DELIVERY, {"subscription_id": subscription_id, "slot_time": slot_time}
        )
        return make_row(Delivery, rows[0]) if rows else None

    async def delivery_by_id(self, delivery_id: int) -> Delivery | None:
        rows = await self._rows(self.sql.GET_DELIVERY_BY_ID, {"id": delivery_id})
        return make_row(Delivery, rows[0]) if rows else None

    async def deliveries(self, subscription_id: int) -> list[Delivery]:
        rows = await self._rows(
            self.sql.SUBSCRIPTION_DELIVERIES, {"subscription_id": subscription_id}
        )
        return [make_row(Delivery, r) for r in rows]

    async def pending_deliveries(self) -> list[Delivery]:
        return [make_row(Delivery, r) for r in await self._rows(self.sql.PENDING_DELIVERIES)]

    async def latest_ingest(self) -> str | None:
        rows = await self._rows(self.sql.LATEST_INGEST, {})
        return rows[0][0] if rows else None

    async def last_sent_window_end(self, subscription_id: int) -> str | None:
        rows = await self._rows(self.sql.LAST_SENT_WINDOW_END, {"subscription_id": subscription_id})
        return rows[0][0] if rows else None

    async def claim(
        self,
        subscription_id: int,
        slot_time: str,
        window: tuple[str, str],
        owner: str,
        lease_until: str,
        now: str,
    ) -> bool:
        """Write the pending row for a slot, committed; False if any row for it exists already."""
        params = {
            "subscription_id": subscription_id,
            "slot_time": slot_time,
            "window_start": window[0],
            "window_end": window[1],
            "owner": owner,
            "lease_until": lease_until,
            "now": now,
        }
        return await self._write(self.sql.CLAIM_DELIVERY, params) == 1

    async def take_over(self, delivery: Delivery, owner: str, lease_until: str, now: str) -> bool:
        """Adopt a pending row whose owner is gone; False if someone else adopted it first."""
        params = {
            "id": delivery.id,
            "owner": owner,
            "lease_until": lease_until,
            "previous_owner": delivery.owner,
            "now": now,
        }
        return await self._write(self.sql.TAKE_OVER_DELIVERY, params) == 1

    async def start_attempt(self, delivery_id: int, owner: str, lease_until: str, now: str) -> bool:
        params = {"id": delivery_id, "owner": owner, "lease_until": lease_until, "now": now}
        return await self._write(self.sql.START_ATTEMPT, params) == 1

    async def record_headline(
        self, delivery_id: int, owner: str, message_id: str, now: str
    ) -> bool:
        """Keep the headline's message id on the pending row; False if `owner` no longer owns it."""
        params = {"id": delivery_id, "owner": owner, "message_id": message_id, "now": now}
        return await self._write(self.sql.RECORD_HEADLINE, params) == 1

    async def mark_sent(self, delivery_id: int, message_id: str, now: str) -> None:
        await self._write(
            self.sql.MARK_SENT, {"id": delivery_id, "message_id": message_id, "now": now}
        )

    async def mark_failed(self, delivery_id: int, reason: str, now: str) -> None:
        await self._write(self.sql.MARK_FAILED, {"id": delivery_id, "reason": reason, "now": now})

    # --- feeds -------------------------------------------------------------------------------
    async def add_feed(
        self, url: str, added_by: str | None, now: str, *, platform: str = "", workspace: str = ""
    ) -> tuple[Feed, bool]:
        """Register a feed for a workspace (first poll: at once); the bool says whether it was new
        there. Another workspace registering the same URL gets a registration of its own."""
        place = {"url": url, "platform": platform, "workspace": workspace}
        created = (
            await self._write(self.sql.INSERT_FEED, {**place, "added_by": added_by, "now": now})
            == 1
        )
        rows = await self._rows(self.sql.FIND_FEED, place)
        return make_row(Feed, rows[0]), created

    async def workspace_feeds(self, platform: str, workspace: str) -> list[Feed]:
        rows = await self._rows(
            self.sql.LIST_WORKSPACE_FEEDS, {"platform": platform, "workspace": workspace}
        )
        return [make_row(Feed, r) for r in rows]

    async def feed(self, feed_id: int) -> Feed | None:
        rows = await self._rows(self.sql.GET_FEED, {"id": feed_id})
        return make_row(Feed, rows[0]) if rows else None

    async def delete_feed(self, feed_id: int) -> bool:
        """Stop polling a feed; what it brought in stays."""
        return await self._write(self.sql.DELETE_FEED, {"id": feed_id}) == 1

    async def feeds(self) -> list[Feed]:
        return [make_row(Feed, r) for r in await self._rows(self.sql.LIST_FEEDS)]

    async def due_feeds(self, now: str) -> list[Feed]:
        """Feeds whose time has come. Several processes on one PostgreSQL store each get their
        own: a due feed is claimed by one of them until its poll is recorded (`feed_polled`,
        `feed_failed`), so it is polled once per interval whichever replica finds it first."""
        rows = await self._rows(self.sql.DUE_FEEDS, {"now": now})
        if self.sql.CLAIM_FEED is None:
            return [make_row(Feed, r) for r in rows]
        # Claims the previous pass took but did not reach (its budget ran out) are given back.
        await self._rows(self.sql.RELEASE_FEED_CLAIMS)
        claimed = []
        for row in rows:
            feed = await self._claim_feed(row["id"], now)
            if feed is not None:
                claimed.append(feed)
        return claimed

    async def _claim_feed(self, feed_id: int, now: str) -> Feed | None:
        if not (await self._rows(self.sql.CLAIM_FEED, {"id": feed_id}))[0][0]:
            return None  # another process is polling it
        still_due = await self._rows(self.sql.DUE_FEED, {"id": feed_id, "now": now})
        if not still_due:  # another process polled it since the list was read
            await self._release_feed(feed_id)
            return None
        return make_row(Feed, still_due[0])

    async def _release_feed(self, feed_id: int) -> None:
        if self.sql.RELEASE_FEED is not None:
            await self._rows(self.sql.RELEASE_FEED, {"id": feed_id})

    async def feed_polled(
        self, feed_id: int, etag: str | None, last_modified: str | None, next_poll_at: str, now: str
    ) -> None:
        params = {
            "id": feed_id,
            "etag": etag,
            "last_modified": last_modified,
            "next_poll_at": next_poll_at,
            "now": now,
        }
        await self._write(self.sql.FEED_POLLED, params)
        await self._release_feed(feed_id)

    async def feed_failed(self, feed_id: int, error: str, next_poll_at: str, now: str) -> None:
        await self._write(
            self.sql.FEED_FAILED,
            {"id": feed_id, "error": error, "next_poll_at": next_poll_at, "now": now},
        )
        await self._release_feed(feed_id)

    async def article_url_known(self, canonical_url: str) -> bool:
        return bool(await self._rows(self.sql.ARTICLE_URL_KNOWN, {"canonical_url": canonical_url}))
