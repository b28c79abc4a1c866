"""One watch pass: find what articles ingested since the last pass added or changed, claim an
alert per matching fact in the log, then post the claimed alerts (and any digest now due).

The order of writes is the guarantee, as for scheduled briefings (bot/schedule/delivery.py):
1. the alert row for (watch, fact, version) is committed before anything is sent, so every later
   pass, another process or a restart finds it and posts nothing again;
2. a watch's cursor (`seen_until`, an article ingest stamp) moves only after its alerts are
   claimed, so a crash in between re-reads those articles and the log drops the repeats, and
   articles ingested while `run` was down are read on the next start;
3. each attempt is counted before the send; the rows become `sent` with the message id. A post
   left pending by a dead process is adopted once its lease runs out (or at once, when its
   process is known to be gone), so it is sent, at least once, never lost.
The window left is the same as the briefings': a crash after the platform accepted the post and
before `sent` is committed posts it again on restart.
"""

from __future__ import annotations

import asyncio
import logging
import secrets
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from bot.answer.model import Answer, Field, Item, Section
from bot.config import Settings
from bot.owners import owner_alive, process_owner
from bot.platform import ChatPlatform, DeliveryError
from bot.schedule.clock import Clock, system_clock, to_db
from bot.store.watch_store import Alert, Claim, Watch, WatchStore
from bot.watch.grammar import parse_quiet_hours
from bot.watch.matching import NOT_THE_FACT, FactMatcher, item_from_json, item_json

log = logging.getLogger("briefbot.watch")

HOUR = timedelta(hours=1)
LEASE = timedelta(
    minutes=2
)  # longer than a send may take (SEND_TIMEOUT), so no live send is taken over
SEND_TIMEOUT = 30.0
MAX_ATTEMPTS = 5
RETRY_BACKOFF = timedelta(seconds=30)  # times the attempt number
DIGEST_ITEMS = 10  # a digest lists this many alerts and counts the rest


@dataclass
class PassReport:
    claimed: int = 0
    sent: list[str] = field(default_factory=list)  # message ids
    failed: int = 0


def in_quiet_hours(quiet: str | None, zone: str, now: datetime) -> bool:
    """Whether `now` falls in quiet hours like '22:00-07:00' (local to `zone`, across midnight)."""
    span = parse_quiet_hours(quiet or "")
    if span is None:
        return False
    start, end = span
    local = now.astimezone(ZoneInfo(zone)).time()
    minute = local.hour * 60 + local.minute
    if start <= end:
        return start <= minute < end
    return minute >= start or minute < end


def quiet_hours_of(watch: Watch, settings: Settings) -> str | None:
    """The watch's own quiet hours ('off' for none), else BRIEFBOT_WATCH_QUIET_HOURS."""
    if watch.quiet_hours == "off":
        return None
    return watch.quiet_hours or settings.watch_quiet_hours or None


class Watcher:
    def __init__(
        self,
        watches: WatchStore,
        matcher: FactMatcher,
        platforms: dict[str, ChatPlatform],
        settings: Settings,
        *,
        clock: Clock = system_clock,
    ) -> None:
        self.watches = watches
        self.matcher = matcher
        self.platforms = platforms
        self.settings = settings
        self._clock = clock
        self.owner = process_owner()
        self.stopping = False  # set on shutdown: finish the send in flight, start no other

    async def run_pass(self) -> PassReport:
        report = PassReport()
        report.claimed = await self.scan()
        await self.release_digests()
        await self.send_open(report)
        return report

    # --- finding and claiming --------------------------------------------------------------------
    async def scan(self) -> int:
        """Claim alerts for what was ingested since each watch last looked; returns how many."""
        upto = await self.watches.latest_ingest()
        if upto is None:
            return 0
        by_cursor: dict[str, list[Watch]] = defaultdict(list)
        for watch in await self.watches.active_watches(list(self.platforms)):
            if watch.seen_until < upto:
                by_cursor[watch.seen_until].append(watch)
        claimed = 0
        # Watches usually share a cursor, so what was touched is read once for all of them.
        for after, group in by_cursor.items():
            events, statements = await self.watches.touched(after, upto)
            for watch in group:
                try:
                    claimed += await self._scan_watch(watch, events, statements, upto)
                except Exception:
                    # One watch's trouble must not starve the others; its cursor stays, so the
                    # next pass reads the same articles for it again.
                    log.exception("watch %s: cannot check new facts", watch.id)
        return claimed

    async def _scan_watch(
        self, watch: Watch, events: list[int], statements: list[int], upto: str
    ) -> int:
        claimed = 0
        if events or statements:
            for fact in await self.matcher.facts(watch, events, statements):
                if await self._claim(watch, fact.key, fact.fingerprint, fact.item) is not None:
                    claimed += 1
        await self.watches.advance(watch.id, upto)  # only once its alerts are in the log
        return claimed

    async def _claim(self, watch: Watch, fact: str, fingerprint: str, item: Item) -> Alert | None:
        now = self._clock()
        claim = Claim(
            watch_id=watch.id,
            fact=fact,
            fingerprint=fingerprint,
            item=item_json(item),
            now=to_db(now),
            hour_ago=to_db(now - HOUR),
            max_per_hour=self._limit(watch),
            quiet=in_quiet_hours(quiet_hours_of(watch, self.settings), watch.timezone, now),
            owner=self.owner,
            lease_until=to_db(now + LEASE),
            post=_post_token(),
        )
        alert = await self.watches.claim(claim)
        if alert is not None:
            log.info(
                "watch %s: %s alert %s for %s (%s)",
                watch.id,
                alert.kind,
                alert.id,
                fact,
                alert.state,
            )
        return alert

    def _limit(self, watch: Watch) -> int:
        return watch.max_per_hour or self.settings.watch_max_per_hour

    async def release_digests(self) -> None:
        """Held alerts of watches that may post again (quiet hours over, under the hourly limit)
        become one post each."""
        now = self._clock()
        for watch_id in await self.watches.watches_with_held_alerts(list(self.platforms)):
            watch = await self.watches.watch(watch_id)
            if watch is None or in_quiet_hours(
                quiet_hours_of(watch, self.settings), watch.timezone, now
            ):
                continue
            released = await self.watches.release_held(
                watch.id,
                hour_ago=to_db(now - HOUR),
                max_per_hour=self._limit(watch),
                post=_post_token(),
                owner=self.owner,
                lease_until=to_db(now + LEASE),
                now=to_db(now),
            )
            if released:
                log.info("watch %s: %d held alert(s) released as one post", watch.id, len(released))

    # --- sending -------------------------------------------------------------------------------
    async def send_open(self, report: PassReport) -> None:
        posts: dict[str, list[Alert]] = defaultdict(list)
        for alert in await self.watches.open_alerts(list(self.platforms)):
            posts[alert.post or f"alert{alert.id}"].append(alert)
        for post, alerts in posts.items():
            if self.stopping:
                return
            if self._ours_to_send(alerts[0]):
                await self._send(post, alerts, report)

    def _ours_to_send(self, alert: Alert) -> bool:
        """Fresh posts of this process, and posts whose sender is gone or whose lease ran out."""
        if alert.owner == self.owner and alert.attempts == 0:
            return True
        expired = alert.lease_until is None or alert.lease_until < to_db(self._clock())
        return expired or (alert.owner != self.owner and not owner_alive(alert.owner))

    async def _send(self, post: str, alerts: list[Alert], report: PassReport) -> None:
        watch = await self.watches.watch(alerts[0].watch_id)
        if watch is None:
            return  # unwatched meanwhile: its alerts went with it
        now = self._clock()
        if not await self.watches.start_attempt(
            post, self.owner, alerts[0].owner, to_db(now + LEASE), to_db(now)
        ):
            return  # another process took it first
        attempts = alerts[0].attempts + 1
        try:
            answer, reply_to = await self.compose(watch, alerts)
        except Exception as error:
            # A post that cannot be built (say, a stored item that no longer reads) counts as a
            # failed attempt: given up after MAX_ATTEMPTS, not tried again on every pass for ever.
            log.exception("watch %s: cannot build alert post %s", watch.id, post)
            reason = f"cannot build the message: {type(error).__name__}"
            await self._failed(watch, post, reason, attempts, permanent=False)
            report.failed += 1
            return
        platform = self.platforms[watch.platform]
        try:
            reply = {"reply_to": reply_to} if reply_to else {}
            message_id = await asyncio.wait_for(
                platform.post_briefing(watch.channel, answer, **reply), SEND_TIMEOUT
            )
        except DeliveryError as error:
            await self._failed(watch, post, error.reason, attempts, permanent=error.permanent)
            report.failed += 1
        except TimeoutError:
            await self._failed(
                watch, post, f"no answer within {SEND_TIMEOUT:g} s", attempts, permanent=False
            )
            report.failed += 1
        except Exception as error:  # an adapter bug is logged and retried, never stops the watcher
            log.exception("watch %s: unexpected error from %s", watch.id, watch.platform)
            await self._failed(
                watch, post, f"unexpected: {type(error).__name__}", attempts, permanent=False
            )
            report.failed += 1
        else:
            await self.watches.mark_sent(post, message_id, to_db(self._clock()))
            log.info("watch %s: posted %d alert(s) as %s", watch.id, len(alerts), message_id)
            report.sent.append(message_id)

    async def _failed(
        self, watch: Watch, post: str, reason: str, attempts: int, *, permanent: bool
    ) -> None:
        now = self._clock()
        if permanent or attempts >= MAX_ATTEMPTS:
            await self.watches.mark_failed(
                post, f"{reason} (after {attempts} attempts)", to_db(now)
            )
            log.warning(
                "watch %s: alert post %s given up after %d attempt(s): %s",
                watch.id,
                post,
                attempts,
                reason,
            )
            if permanent:
                # Retrying cannot help (channel gone, bot removed): pause, and tell the creator.
                await self.watches.pause(watch.id, reason, notify_creator=True)
            return
        retry_at = now + RETRY_BACKOFF * attempts
        await self.watches.retry_later(post, reason, to_db(retry_at), to_db(now))
        log.warning(
            "watch %s: alert attempt %d failed (%s); trying again after %s",
            watch.id,
            attempts,
            reason,
            to_db(retry_at),
        )

    async def compose(self, watch: Watch, alerts: list[Alert]) -> tuple[Answer, str | None]:
        """One alert (an update replies to the fact's first message), or a digest of several."""
        title = f"Watch #{watch.id}: {watch.query}"
        footer = (
            f"Say `unwatch {watch.id}` to stop these alerts, `pause watch {watch.id}` to "
            "pause them."
        )
        if len(alerts) == 1:
            alert = alerts[0]
            item = item_from_json(alert.item)
            if alert.kind == "new":
                answer = Answer(
                    f"watch #{watch.id}",
                    "watch_alert",
                    title,
                    [Section("New", [item])],
                    note=footer,
                    shown=1,
                    total=1,
                )
                return answer, None
            previous = await self.watches.previous_sent(alert)
            changed = _changes(item_from_json(previous.item), item) if previous else []
            if changed:
                item.fields.insert(0, Field("Changed", "; ".join(changed)))
            answer = Answer(
                f"watch #{watch.id}",
                "watch_alert",
                f"Update · {title}",
                [Section("Update", [item])],
                note=footer,
                shown=1,
                total=1,
            )
            return answer, await self.watches.first_message(watch.id, alert.fact)
        items = [item_from_json(a.item) for a in alerts]
        for alert, item in zip(alerts, items, strict=True):
            if alert.kind == "update":
                item.heading = f"Update: {item.heading}"
        shown = items[:DIGEST_ITEMS]
        more = len(items) - len(shown)
        note = (
            f"{len(items)} alerts held back by quiet hours or the hourly limit"
            + (f"; {more} more not listed (ask `{watch.query}`)" if more else "")
            + f". {footer}"
        )
        answer = Answer(
            f"watch #{watch.id}",
            "watch_digest",
            f"Digest · {title}",
            [Section("Held alerts", shown)],
            note=note,
            shown=len(shown),
            total=len(items),
        )
        return answer, None


def _changes(before: Item, after: Item) -> list[str]:
    """'When: 2025-06-09 → 2025-06-10' for each shown field that differs."""
    old = {f.name: f.value for f in before.fields}
    new = {f.name: f.value for f in after.fields}
    changed = []
    if before.heading != after.heading:
        changed.append(f"{before.heading} → {after.heading}")
    for name in dict.fromkeys([*old, *new]):
        if name == "Changed" or name.startswith(NOT_THE_FACT):
            continue
        if old.get(name) != new.get(name):
            changed.append(f"{name}: {old.get(name, '–')} → {new.get(name, '–')}")
    return changed


def _post_token() -> str:
    return secrets.token_hex(8)
