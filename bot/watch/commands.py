"""`watch QUERY`, `watches`, `unwatch N`, `pause watch N`, `resume watch N`: the AnswerService hook.

Like subscriptions, a watch posts where it was made (platform, workspace, channel), only admins
change watches, and a number from another workspace is answered as if it did not exist.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable

from bot.answer.commands import ADMIN_ONLY, WATCH_EXAMPLES
from bot.answer.entity_match import EntityMatcher
from bot.answer.model import Answer, Conversation, Field, Item, Section
from bot.answer.places import resolve_place
from bot.answer.query import Query, parse
from bot.answer.service import fts_query
from bot.config import Settings
from bot.schedule.clock import Clock, from_db, local_text, system_clock, to_db
from bot.schedule.commands import DELIVERABLE
from bot.store.store import Store, Window
from bot.store.watch_store import NewWatch, Watch, WatchStore
from bot.watch.grammar import OptionError, Options, split_options
from bot.watch.matching import entity_ids, fact_filter, query_from_json, query_json

log = logging.getLogger("briefbot.watch")

REFUSAL = (
    "Only workspace or server admins (and ids in BRIEFBOT_ADMINS) can change watches. "
    "Please ask one of them."
)
WatchStoreFactory = Callable[[], Awaitable[WatchStore]]


class WatchCommands:
    """The watch handler for AnswerService: `await commands(query, conversation)`."""

    def __init__(
        self,
        watches: WatchStoreFactory,
        store: Store,
        names: EntityMatcher,
        settings: Settings,
        *,
        clock: Clock = system_clock,
    ) -> None:
        self._watches = watches
        self.store = store
        self.names = names
        self.settings = settings
        self._clock = clock

    async def __call__(self, query: Query, conversation: Conversation) -> Answer:
        if query.intent in ADMIN_ONLY and not self.is_admin(conversation):
            return _refuse(query, "Not allowed", REFUSAL)
        watches = await self._watches()
        if query.intent == "watches":
            return await self._list(watches, query, conversation)
        if query.intent == "watch":
            return await self._watch(watches, query, conversation)
        return await self._change(watches, query, conversation)

    def is_admin(self, conversation: Conversation) -> bool:
        return conversation.is_admin or conversation.user in self.settings.admin_ids

    async def notices(self, conversation: Conversation) -> str | None:
        """A line telling this user which of their watches a failed post paused, told once."""
        if conversation.platform not in DELIVERABLE:
            return None
        found = await (await self._watches()).take_notices(
            conversation.platform, conversation.workspace, conversation.user
        )
        if not found:
            return None
        parts = [
            f"#{n.watch_id} (channel {n.channel}): {n.reason or 'posting failed'}" for n in found
        ]
        return (
            "Watches paused after a failed post – "
            + "; ".join(parts)
            + ". Fix the channel, then say `resume watch N`."
        )

    # --- watch ---------------------------------------------------------------------------------
    async def _watch(self, watches: WatchStore, query: Query, conversation: Conversation) -> Answer:
        if conversation.platform not in DELIVERABLE:
            return _refuse(
                query,
                "Not here",
                "Watches post to Slack or Discord channels: type this in the channel that should "
                "get the alerts.",
            )
        try:
            text, options = split_options(query.schedule or "")
        except OptionError as error:
            return _refuse(query, "I couldn't read that watch", str(error))
        refused = self._check_options(query, options)
        if refused is not None:
            return refused
        parsed = parse(text)
        if fact_filter(parsed) is None:
            return _refuse(
                query,
                "Not something I can watch",
                "A watch takes a question that lists talks, agreements, events or statements, "
                f"for example {WATCH_EXAMPLES}.",
            )
        if parsed.until is not None:
            # "this week" ends; a watch looks at what comes next, for as long as it exists.
            return _refuse(
                query,
                "A watch has no end date",
                "Drop the time filter (or keep only `since DATE`): a watch posts what is ingested "
                "from now on.",
            )
        new = NewWatch(
            platform=conversation.platform,
            workspace=conversation.workspace,
            channel=conversation.channel,
            created_by=conversation.user,
            query=text,
            filter=query_json(parsed),
            min_confidence=options.min_confidence,
            max_per_hour=options.max_per_hour,
            quiet_hours=options.quiet_hours,
            timezone=options.timezone or self.settings.tz,
        )
        same = await watches.same_watch(new)
        if same is not None:
            return Answer(
                query.text,
                query.intent,
                "Already watching",
                [Section("Watch", [self._item(same, conversation)])],
                note=f"This channel already has that watch as #{same.id}.",
                shown=1,
                total=1,
            )
        latest = await watches.latest_ingest()
        now = to_db(self._clock())
        # From the newest ingest on: a watch tells what comes next, not what is already known.
        watch_id = await watches.add_watch(new, now, seen_until=latest or "")
        created = await watches.watch(watch_id)
        assert created is not None
        log.info(
            "watch added id=%s %s/%s/%s %r",
            watch_id,
            new.platform,
            new.workspace,
            new.channel,
            text,
        )
        return Answer(
            query.text,
            query.intent,
            f"Watching: #{watch_id}",
            [Section("Watch", [self._item(created, conversation)])],
            note=await self._prospects(parsed, created),
            shown=1,
            total=1,
        )

    def _check_options(self, query: Query, options: Options) -> Answer | None:
        floor = self.settings.min_confidence
        if options.min_confidence is not None and options.min_confidence < floor:
            return _refuse(
                query,
                "Confidence too low",
                f"Alerts never show facts below BRIEFBOT_MIN_CONFIDENCE ({floor:g}); give a "
                "higher threshold or none.",
            )
        return None

    async def _prospects(self, parsed: Query, watch: Watch) -> str:
        """What the watch can match: a name nobody knows yet says so, and how many known facts
        it matches already (none of them is posted)."""
        stop = f"Say `unwatch {watch.id}` to remove it, `pause watch {watch.id}` to pause it."
        ids, unknown = await entity_ids(self.names, parsed)
        if unknown is not None:
            return (
                f"I don't know anyone or anything called “{unknown}” yet, so this watch matches "
                "nothing known; "
                f"it will post if articles start naming them. Check the spelling. {stop}"
            )
        known = await self._known_matches(
            parsed, ids, max(self.settings.min_confidence, watch.min_confidence or 0.0)
        )
        if known == 0:
            return (
                "Nothing known matches this yet; new facts that do will post in this channel "
                f"as they are ingested. {stop}"
            )
        return (
            f"{known} known fact(s) match already (not posted: a watch tells what comes next); "
            f"new ones will post in this channel as they are ingested. {stop}"
        )

    async def _known_matches(self, query: Query, ids: list[int] | None, threshold: float) -> int:
        kinds = fact_filter(query)
        assert kinds is not None
        match = fts_query(query.topic) if query.topic else None
        window = Window(since=query.since, until=query.until)
        place = resolve_place(query.place) if query.place else None
        total = 0
        if kinds.events:
            _, count = await self.store.event_rows(
                types=list(kinds.types) if kinds.types else None,
                entity_ids=ids,
                match=match,
                window=window,
                limit=1,
                min_confidence=threshold,
                place_name=place.name if place else None,
                place_code=place.country_code if place else None,
            )
            total += count
        if kinds.statements:
            _, count = await self.store.statement_rows(
                speaker_ids=ids,
                named_only=True,
                match=match,
                window=window,
                limit=1,
                min_confidence=threshold,
            )
            total += count
        return total

    # --- list ----------------------------------------------------------------------------------
    async def _list(self, watches: WatchStore, query: Query, conversation: Conversation) -> Answer:
        found = await watches.workspace_watches(conversation.platform, conversation.workspace)
        items = [self._item(w, conversation) for w in found]
        note = (
            None
            if items
            else "No watches here yet. An admin can say, for example, `watch talks with Lavrov`."
        )
        return Answer(
            query.text,
            "watches",
            "Watches",
            [Section("Watches", items)] if items else [],
            note=note,
            shown=len(items),
            total=len(items),
        )

    def _item(self, watch: Watch, conversation: Conversation) -> Item:
        where = (
            "this channel" if watch.channel == conversation.channel else f"channel {watch.channel}"
        )
        state = (
            "active"
            if watch.state == "active"
            else f"paused: {watch.paused_reason or 'by an admin'}"
        )
        fields = [Field("Where", where), Field("State", state)]
        threshold = max(self.settings.min_confidence, watch.min_confidence or 0.0)
        fields.append(Field("Confidence", f"at least {threshold:g}"))
        fields.append(
            Field(
                "At most",
                f"{watch.max_per_hour or self.settings.watch_max_per_hour} an hour, then a digest",
            )
        )
        quiet = self.settings.watch_quiet_hours if watch.quiet_hours is None else watch.quiet_hours
        if quiet and quiet != "off":
            fields.append(Field("Quiet hours", f"{quiet} {watch.timezone}"))
        if watch.last_alert_at:
            fields.append(
                Field("Last alert", local_text(from_db(watch.last_alert_at), watch.timezone))
            )
        parsed = query_from_json(watch.filter)
        data = {
            "id": watch.id,
            "platform": watch.platform,
            "workspace": watch.workspace,
            "channel": watch.channel,
            "query": watch.query,
            "intent": parsed.intent,
            "names": list(parsed.names),
            "topic": parsed.topic,
            "type": parsed.plover_type,
            "place": parsed.place,
            "min_confidence": threshold,
            "max_per_hour": watch.max_per_hour or self.settings.watch_max_per_hour,
            "quiet_hours": None if quiet in (None, "", "off") else quiet,
            "timezone": watch.timezone,
            "state": watch.state,
            "paused_reason": watch.paused_reason,
            "last_alert": watch.last_alert_at,
        }
        return Item(heading=f"#{watch.id} · {watch.query}", fields=fields, data=data)

    # --- unwatch, pause, resume ------------------------------------------------------------------
    async def _change(
        self, watches: WatchStore, query: Query, conversation: Conversation
    ) -> Answer:
        number = query.number or 0
        watch = await watches.watch(number)
        if watch is None or (watch.platform, watch.workspace) != (
            conversation.platform,
            conversation.workspace,
        ):
            return _refuse(
                query,
                "No such watch",
                f"There is no watch #{number} in this workspace; say `watches` to see them.",
            )
        if query.intent == "unwatch":
            await watches.delete_watch(watch.id)
            log.info("watch removed id=%s by %s", watch.id, conversation.user)
            return Answer(
                query.text,
                query.intent,
                f"Unwatched #{watch.id}",
                note=f"No more alerts for “{watch.query}”.",
                shown=0,
                total=0,
            )
        if query.intent == "pause_watch":
            await watches.pause(watch.id, f"paused by {conversation.user}", notify_creator=False)
            title, note = (
                f"Paused watch #{watch.id}",
                f"Say `resume watch {watch.id}` to start again; what is ingested meanwhile is not "
                "posted.",
            )
        else:
            await watches.resume(watch.id, await watches.latest_ingest() or "")
            title, note = (
                f"Resumed watch #{watch.id}",
                "New matching facts post here again as they are ingested.",
            )
        log.info("watch %s id=%s by %s", query.intent, watch.id, conversation.user)
        changed = await watches.watch(watch.id)
        sections = [Section("Watch", [self._item(changed, conversation)])] if changed else []
        return Answer(
            query.text,
            query.intent,
            title,
            sections,
            note=note,
            shown=len(sections),
            total=len(sections),
        )


def _refuse(query: Query, title: str, note: str) -> Answer:
    return Answer(query.text, query.intent, title, note=note, ok=False)
