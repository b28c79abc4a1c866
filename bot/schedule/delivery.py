"""One delivery pass: every subscription's due slot, claimed in the log, then posted once.

The order of writes is the guarantee:
1. the pending row for (subscription, slot) is committed before anything is sent, so a second
   pass, a second process or a restart finds it and does not post again;
2. each attempt is counted (committed) before the send, and the row becomes `sent` with the
   platform's message id, or `failed` with the reason and the attempts;
3. a threaded briefing's headline id is committed on the row as soon as the platform accepts it,
   so whoever finishes the slot posts the thread reply under that headline, not a second one;
4. a pending row whose process is gone (dead pid on this host, or an expired lease) is adopted
   and sent if its slot is still the one due, and closed as failed otherwise.
The one window left is a crash after the platform accepted a post and before its id was
committed: that post is then made again on restart (at least once, never silently lost).
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from bot.answer import brief as briefing
from bot.answer.model import Answer
from bot.answer.query import Query
from bot.answer.service import AnswerService
from bot.config import Settings
from bot.owners import owner_alive, process_owner
from bot.platform import ChatPlatform, DeliveryError
from bot.schedule.clock import Clock, Sleep, from_db, local_text, system_clock, to_db
from bot.schedule.rules import latest_slot, threaded, weekly
from bot.store.schedule_store import Delivery, ScheduleStore, Subscription
from bot.store.store import Window

log = logging.getLogger("briefbot.schedule")

FIRST_WINDOW = timedelta(hours=24)


@dataclass(frozen=True)
class RetryPolicy:
    """Waits between attempts at one slot (transient failures only), and a cap on each send."""

    delays: tuple[float, ...] = (2.0, 10.0, 30.0, 60.0)
    send_timeout: float = 60.0
    lease_seconds: float | None = None  # None: derived below

    @property
    def lease(self) -> timedelta:
        if self.lease_seconds is not None:
            return timedelta(seconds=self.lease_seconds)
        # Longer than any run of attempts, so a live sender is never overtaken by a lease expiry.
        return timedelta(seconds=sum(self.delays) + (len(self.delays) + 1) * self.send_timeout + 60)

    def with_lease(self, seconds: float) -> RetryPolicy:
        """This policy with a lease of `seconds`. Each attempt renews the lease before it sends,
        so the lease need only outlast one attempt (a headline and its thread reply): each send is
        capped at a third of it."""
        return replace(
            self, lease_seconds=seconds, send_timeout=min(self.send_timeout, seconds / 3)
        )


DEFAULT_RETRY = RetryPolicy()


@dataclass(frozen=True)
class Outcome:
    subscription_id: int
    slot_time: str
    state: str  # sent | failed | pending (left for the next start)
    attempts: int = 0
    message_id: str | None = None
    reason: str | None = None


@dataclass
class PassReport:
    due: int = 0
    outcomes: list[Outcome] = field(default_factory=list)

    def count(self, state: str) -> int:
        return sum(1 for o in self.outcomes if o.state == state)

    def summary(self) -> str:
        return (
            f"{self.due} due, {self.count('sent')} sent, {self.count('failed')} failed, "
            f"{self.count('pending')} left pending, {self.due - len(self.outcomes)} already handled"
        )


def due_slot(sub: Subscription, now: datetime, max_age: timedelta) -> datetime | None:
    """The one slot a pass may post for: the latest, not before creation or resume, not too old."""
    slot = latest_slot(sub.cron, sub.timezone, now)
    if slot < from_db(sub.active_since) or now - slot > max_age:
        return None
    return slot


class Deliverer:
    def __init__(
        self,
        schedule: ScheduleStore,
        answers: AnswerService,
        platforms: dict[str, ChatPlatform],
        settings: Settings,
        *,
        retry: RetryPolicy = DEFAULT_RETRY,
        sleep: Sleep = asyncio.sleep,
        wall_clock: Clock = system_clock,
        concurrency: int = 4,
    ) -> None:
        self.schedule = schedule
        self.answers = answers
        self.platforms = platforms
        self.settings = settings
        self.retry = retry
        self._sleep = sleep
        self._wall = wall_clock
        self._limit = asyncio.Semaphore(concurrency)
        self.owner = process_owner()
        self.stopping = False  # set on shutdown: finish the send in flight, start no retries

    # --- the pass ------------------------------------------------------------------------------
    async def run_pass(self, now: datetime) -> PassReport:
        max_age = timedelta(hours=self.settings.catchup_max_age_hours)
        due: dict[tuple[int, str], tuple[Subscription, datetime]] = {}
        for sub in await self.schedule.active_subscriptions():
            slot = due_slot(sub, now, max_age)
            if slot is not None:
                due[(sub.id, to_db(slot))] = (sub, slot)
        await self._close_abandoned(due)
        jobs = []
        for sub, slot in due.values():
            if sub.platform not in self.platforms:
                log.warning(
                    "subscription %s: no %s adapter in this process; slot %s not posted here",
                    sub.id,
                    sub.platform,
                    to_db(slot),
                )
                continue
            jobs.append(self._limited(sub, slot, now))
        outcomes = await asyncio.gather(*jobs)
        report = PassReport(due=len(jobs), outcomes=[o for o in outcomes if o is not None])
        if report.outcomes:
            log.info("delivery pass at %s: %s", to_db(now), report.summary())
        return report

    async def _limited(self, sub: Subscription, slot: datetime, now: datetime) -> Outcome | None:
        async with self._limit:
            try:
                return await self._slot(sub, slot, now)
            except Exception:
                # One subscription's trouble (a database hiccup) must not stop the others.
                log.exception("subscription %s: delivery of slot %s failed", sub.id, to_db(slot))
                return None

    async def _close_abandoned(
        self, due: dict[tuple[int, str], tuple[Subscription, datetime]]
    ) -> None:
        """Pending rows left by a dead process for slots no longer due: record that they were not
        sent."""
        for row in await self.schedule.pending_deliveries():
            if (row.subscription_id, row.slot_time) in due or not self._adoptable(row):
                continue
            log.warning(
                "delivery %s (slot %s) was left pending by %s and is no longer due",
                row.id,
                row.slot_time,
                row.owner,
            )
            await self.schedule.mark_failed(
                row.id,
                "not sent: the process stopped before sending and the slot is no longer due",
                self._now(),
            )

    async def _slot(self, sub: Subscription, slot: datetime, now: datetime) -> Outcome | None:
        slot_text = to_db(slot)
        row = await self.schedule.delivery(sub.id, slot_text)
        if row is None:
            window = await self._window(sub, now)
            if not await self.schedule.claim(
                sub.id, slot_text, window, self.owner, self._lease(), self._now()
            ):
                return None  # another pass or process claimed it between our read and our write
            row = await self.schedule.delivery(sub.id, slot_text)
            assert row is not None
        elif row.state == "pending" and self._adoptable(row):
            if not await self.schedule.take_over(row, self.owner, self._lease(), self._now()):
                return None
            log.warning(
                "subscription %s: resuming slot %s left pending by %s", sub.id, slot_text, row.owner
            )
        else:
            return None  # sent, failed, or being sent by a live process
        return await self._send(sub, row)

    def _adoptable(self, row: Delivery) -> bool:
        expired = row.lease_until is None or row.lease_until < self._now()
        return expired or (row.owner != self.owner and not owner_alive(row.owner))

    async def _window(self, sub: Subscription, now: datetime) -> tuple[str, str]:
        """Since the last sent briefing's window end (24 h for the first) up to what has been
        committed: ending at the newest ingest stamp rather than the clock means an ingest
        committing during this pass lands in the next window instead of in neither."""
        end = to_db(now)
        last = await self.schedule.last_sent_window_end(sub.id)
        start = min(last, end) if last else to_db(now - FIRST_WINDOW)
        latest = await self.schedule.latest_ingest()
        if latest is not None and latest < end:
            end = max(start, latest)
        return start, end

    # --- sending -------------------------------------------------------------------------------
    async def _send(self, sub: Subscription, row: Delivery) -> Outcome:
        try:
            answer = await self.compose(sub, row)
        except Exception as error:
            log.exception("subscription %s: cannot compose the briefing", sub.id)
            return await self._failed(
                row, f"could not compose the briefing: {type(error).__name__}", row.attempts
            )
        platform = self.platforms[sub.platform]
        # A headline in the channel, the briefing in its thread; posted once even when the
        # thread reply needs another attempt.
        headline = briefing.headline(answer) if threaded(sub.rule) and answer.shown else None
        # A pending row's message id is a headline already posted (by this slot's previous
        # owner, killed before the thread reply): the briefing goes under it, not under a second.
        headline_id: str | None = row.message_id if headline is not None else None
        # Named for the slot's day where the subscriber lives (Discord shows a thread's name).
        slot_day = from_db(row.slot_time).astimezone(ZoneInfo(sub.timezone))
        thread_name = f"{answer.title or 'Briefing'} {slot_day:%a %d %b %Y}"
        if sub.topic:
            thread_name += f" · {sub.topic}"
        attempts, reason = row.attempts, "not attempted"
        for number, delay in enumerate((0.0, *self.retry.delays)):
            if number and self.stopping:
                log.warning(
                    "subscription %s: stopping; slot %s left pending for the next start",
                    sub.id,
                    row.slot_time,
                )
                return Outcome(sub.id, row.slot_time, "pending", attempts, reason=reason)
            if delay:
                await self._sleep(delay)
            # Counted before the send: a crash mid-send leaves attempts > 0 on a pending row.
            if not await self.schedule.start_attempt(
                row.id, self.owner, self._lease(), self._now()
            ):
                return Outcome(
                    sub.id, row.slot_time, "pending", attempts, reason="claimed by another process"
                )
            attempts += 1
            try:
                if headline is not None and headline_id is None:
                    headline_id = await asyncio.wait_for(
                        platform.post_briefing(sub.channel, headline), self.retry.send_timeout
                    )
                    if not await self.schedule.record_headline(
                        row.id, self.owner, headline_id, self._now()
                    ):
                        return Outcome(
                            sub.id,
                            row.slot_time,
                            "pending",
                            attempts,
                            reason="claimed by another process",
                        )
                thread = (
                    {"reply_to": headline_id, "thread_name": thread_name} if headline_id else {}
                )
                message_id = await asyncio.wait_for(
                    platform.post_briefing(sub.channel, answer, **thread), self.retry.send_timeout
                )
                message_id = (
                    headline_id or message_id
                )  # the channel's message: the thread hangs on it
            except DeliveryError as error:
                if error.permanent:
                    return await self._permanent(sub, row, error.reason, attempts)
                if not error.retry:
                    return await self._failed(row, error.reason, attempts)
                reason = error.reason
            except TimeoutError:
                reason = f"no answer within {self.retry.send_timeout:g} s"
            except Exception as error:  # an adapter bug is reported, not allowed to stop the pass
                log.exception("subscription %s: unexpected error from %s", sub.id, sub.platform)
                reason = f"unexpected: {type(error).__name__}: {error}"
            else:
                await self.schedule.mark_sent(row.id, message_id, self._now())
                log.info("subscription %s: slot %s sent as %s", sub.id, row.slot_time, message_id)
                return Outcome(sub.id, row.slot_time, "sent", attempts, message_id=message_id)
            log.warning("subscription %s: attempt %s failed: %s", sub.id, attempts, reason)
        return await self._failed(row, f"{reason} (gave up after {attempts} attempts)", attempts)

    async def _permanent(
        self, sub: Subscription, row: Delivery, reason: str, attempts: int
    ) -> Outcome:
        """Retrying cannot help (channel gone, bot removed): pause, and tell the creator later."""
        outcome = await self._failed(row, reason, attempts)
        await self.schedule.pause(sub.id, reason, notify_creator=True)
        log.warning("subscription %s paused: %s", sub.id, reason)
        return outcome

    async def _failed(self, row: Delivery, reason: str, attempts: int) -> Outcome:
        await self.schedule.mark_failed(row.id, reason, self._now())
        return Outcome(row.subscription_id, row.slot_time, "failed", attempts, reason=reason)

    async def compose(self, sub: Subscription, row: Delivery) -> Answer:
        """The briefing for the row's window, or one line saying there is nothing new."""
        query = Query("brief", f"scheduled briefing #{sub.id}", topic=sub.topic)
        window = Window(seen_since=row.window_start, seen_until=row.window_end)
        answer = await self.answers.brief(query, window=window, title="Briefing")
        since = local_text(from_db(row.window_start), sub.timezone)
        if answer.shown == 0:
            about = f" (about {sub.topic})" if sub.topic else ""
            return Answer(query.text, "brief", f"Nothing new since {since}{about}.")
        answer.note = f"New since {since} · scheduled briefing #{sub.id}"
        if weekly(sub.cron):
            # The week's talks as a picture; without one (no talks, or drawing failed) the
            # briefing still goes, since its text says everything the chart does.
            subject = "talks of the week" + (f" about {sub.topic}" if sub.topic else "")
            if picture := await self.answers.week_chart(window, sub.topic, subject):
                answer.attachments.append(picture)
        return answer

    def _now(self) -> str:
        return to_db(self._wall())

    def _lease(self) -> str:
        return to_db(self._wall() + self.retry.lease)
