"""`subscribe ...`, `subscriptions`, `unsubscribe N`, `pause N`, `resume N`: the AnswerService hook.

Where a subscription posts (platform, workspace, channel) is always where the command was typed;
a number from another workspace is answered as if it did not exist, so nothing leaks across.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

from bot.answer.commands import ADMIN_ONLY
from bot.answer.model import Answer, Conversation, Field, Item, Section
from bot.answer.query import Query
from bot.config import Settings
from bot.ingest.fetch import CATEGORIES
from bot.schedule.clock import Clock, from_db, local_text, system_clock, to_db
from bot.schedule.form import subscribe_form
from bot.schedule.rules import RuleError, next_slot, parse_rule
from bot.store.schedule_store import Feed, NewSubscription, ScheduleStore, Subscription

log = logging.getLogger("briefbot.schedule")

# Platforms that can receive a scheduled post; the console and the CLI cannot.
DELIVERABLE = frozenset({"slack", "discord"})
REFUSAL = (
    "Only workspace or server admins (and ids in BRIEFBOT_ADMINS) can change scheduled briefings. "
    "Please ask one of them."
)
_FEED = re.compile(r"^feed\s+<?(?P<url>\S+?)>?$", re.IGNORECASE)

ScheduleStoreFactory = Callable[[], Awaitable[ScheduleStore]]


@dataclass(frozen=True)
class Place:
    """Where a command came from, and so where its subscription posts."""

    platform: str
    workspace: str
    channel: str

    @classmethod
    def of(cls, conversation: Conversation) -> Place:
        return cls(conversation.platform, conversation.workspace, conversation.channel)

    def owns(self, subscription: Subscription) -> bool:
        return (subscription.platform, subscription.workspace) == (self.platform, self.workspace)


class SubscriptionCommands:
    """The `SubscriptionHandler` for AnswerService: `await commands(query, conversation)`."""

    def __init__(
        self, schedule: ScheduleStoreFactory, settings: Settings, *, clock: Clock = system_clock
    ) -> None:
        self._schedule = schedule
        self.settings = settings
        self._clock = clock

    async def __call__(self, query: Query, conversation: Conversation) -> Answer:
        if query.intent in ADMIN_ONLY and not self.is_admin(conversation):
            return _refuse(query, "Not allowed", REFUSAL)
        store = await self._schedule()
        if query.intent == "subscriptions":
            return await self._list(store, query, conversation)
        if query.intent == "subscribe":
            feed = _FEED.match((query.schedule or "").strip())
            if feed:
                url = feed.group("url").split("|", 1)[0]  # Slack sends links as <url|label>
                return await self._add_feed(store, query, url, conversation)
            if not (query.schedule or "").strip() and conversation.platform in DELIVERABLE:
                return self._form(query)
            return await self._subscribe(store, query, conversation)
        if query.intent == "unsubscribe_feed":
            return await self._remove_feed(store, query, conversation)
        return await self._change(store, query, conversation)

    def is_admin(self, conversation: Conversation) -> bool:
        return conversation.is_admin or conversation.user in self.settings.admin_ids

    async def notices(self, conversation: Conversation) -> str | None:
        """A line telling this user which of their subscriptions a failure paused, told once."""
        store = await self._schedule()
        found = await store.take_notices(
            conversation.platform, conversation.workspace, conversation.user
        )
        if not found:
            return None
        parts = [
            f"#{n.subscription_id} (channel {n.channel}): {n.reason or 'delivery failed'}"
            for n in found
        ]
        return (
            "Scheduled briefings paused after a delivery failure – "
            + "; ".join(parts)
            + ". Fix the channel, then say `resume N`."
        )

    async def add_notices(self, answer: Answer, conversation: Conversation) -> Answer:
        """Append pause notices to an answer; never fails the answer itself."""
        if conversation.platform not in DELIVERABLE:
            return answer  # nobody creates subscriptions from the console or the CLI
        try:
            notice = await self.notices(conversation)
        except Exception:
            log.exception("cannot read pause notices")
            return answer
        if notice:
            answer.note = f"{answer.note}\n{notice}" if answer.note else notice
        return answer

    # --- subscribe -----------------------------------------------------------------------------
    def _form(self, query: Query) -> Answer:
        """`subscribe` alone: the form, where the adapter can show one; else how to type it."""
        return Answer(
            query.text,
            query.intent,
            "Subscribe this channel to briefings",
            note="Say when, for example `subscribe daily at 08:00 Europe/Berlin weekdays about "
            "embassies`.",
            private=True,
            form=subscribe_form(self.settings.tz),
        )

    async def _subscribe(
        self, store: ScheduleStore, query: Query, conversation: Conversation
    ) -> Answer:
        if conversation.platform not in DELIVERABLE:
            return _refuse(
                query,
                "Not here",
                "Scheduled briefings post to Slack or Discord channels: type this in the channel "
                "that should receive them.",
            )
        now = self._clock()
        try:
            rule = parse_rule(query.schedule or "", self.settings.tz, now)
        except RuleError as error:
            return _refuse(query, "I couldn't read that schedule", str(error))
        place = Place.of(conversation)
        new = NewSubscription(
            platform=place.platform,
            workspace=place.workspace,
            channel=place.channel,
            created_by=conversation.user,
            cron=rule.cron,
            rule=rule.description,
            timezone=rule.timezone,
            topic=rule.topic,
        )
        same = await store.same_subscription(new)
        if same is not None:
            return Answer(
                query.text,
                query.intent,
                "Already subscribed",
                [Section("Subscription", [self._item(same, place)])],
                note=f"This channel already has that briefing as #{same.id}.",
                shown=1,
                total=1,
            )
        subscription_id = await store.add_subscription(new, to_db(now))
        created = await store.subscription(subscription_id)
        assert created is not None
        log.info(
            "subscription added id=%s %s/%s/%s %s",
            created.id,
            place.platform,
            place.workspace,
            place.channel,
            rule.description,
        )
        return Answer(
            query.text,
            query.intent,
            f"Subscribed: briefing #{created.id}",
            [Section("Subscription", [self._item(created, place)])],
            note=f"Briefings will post in this channel {rule.description}"
            + (f" about {rule.topic}" if rule.topic else "")
            + f". Say `pause {created.id}` or `unsubscribe {created.id}` to stop them.",
            shown=1,
            total=1,
        )

    async def _add_feed(
        self, store: ScheduleStore, query: Query, url: str, conversation: Conversation
    ) -> Answer:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            return _refuse(
                query,
                "Not a feed address",
                "Say `subscribe feed https://...` with the RSS or Atom feed's URL.",
            )
        feed, created = await store.add_feed(
            url,
            _feed_owner(conversation),
            to_db(self._clock()),
            platform=conversation.platform,
            workspace=conversation.workspace,
        )
        minutes = max(1, round(self.settings.feed_poll_seconds / 60))
        title = f"Feed #{feed.id} registered" if created else f"Feed #{feed.id} already registered"
        return Answer(
            query.text,
            query.intent,
            title,
            [Section("Feeds", [_feed_item(feed)])],
            note=f"New articles from it are read about every {minutes} min while `briefbot run` "
            "is up.",
            shown=1,
            total=1,
        )

    async def _remove_feed(
        self, store: ScheduleStore, query: Query, conversation: Conversation
    ) -> Answer:
        number = query.number or 0
        feed = await store.feed(number)
        if feed is None or (feed.platform, feed.workspace) != (
            conversation.platform,
            conversation.workspace,
        ):
            return _refuse(
                query,
                "No such feed",
                f"This workspace registered no feed #{number}; say `subscriptions` to see its "
                "feeds.",
            )
        await store.delete_feed(feed.id)
        log.info("feed removed id=%s by %s", feed.id, conversation.user)
        return Answer(
            query.text,
            query.intent,
            f"Feed #{feed.id} removed",
            [Section("Feeds", [_feed_item(feed)])],
            note="It will not be polled again; the articles it brought in stay.",
            shown=1,
            total=1,
        )

    # --- list ----------------------------------------------------------------------------------
    async def _list(self, store: ScheduleStore, query: Query, conversation: Conversation) -> Answer:
        place = Place.of(conversation)
        subscriptions = await store.workspace_subscriptions(place.platform, place.workspace)
        sections = [Section("Scheduled briefings", [self._item(s, place) for s in subscriptions])]
        # Feed addresses are a workspace's own business: only its admins see the ones it added.
        feeds = (
            await store.workspace_feeds(place.platform, place.workspace)
            if self.is_admin(conversation)
            else []
        )
        if feeds:
            sections.append(Section("Feeds", [_feed_item(f) for f in feeds]))
        shown = sum(len(s.items) for s in sections)
        note = (
            None
            if subscriptions
            else "No scheduled briefings here yet. An admin can say `subscribe daily at 08:00 "
            "Europe/Berlin`."
        )
        return Answer(
            query.text,
            "subscriptions",
            "Scheduled briefings",
            [s for s in sections if s.items],
            note=note,
            shown=shown,
            total=shown,
        )

    def _item(self, sub: Subscription, place: Place) -> Item:
        where = "this channel" if sub.channel == place.channel else f"channel {sub.channel}"
        fields = [
            Field("Where", where),
            Field(
                "State",
                sub.state
                if sub.state == "active"
                else f"paused: {sub.paused_reason or 'by an admin'}",
            ),
        ]
        upcoming = None
        if sub.state == "active":
            upcoming = next_slot(sub.cron, sub.timezone, self._clock())
            fields.append(Field("Next", local_text(upcoming, sub.timezone)))
        if sub.last_sent_slot:
            fields.append(Field("Last sent", local_text(from_db(sub.last_sent_slot), sub.timezone)))
        if sub.topic:
            fields.append(Field("About", sub.topic))
        data = {
            "id": sub.id,
            "platform": sub.platform,
            "workspace": sub.workspace,
            "channel": sub.channel,
            "schedule": sub.rule,
            "cron": sub.cron,
            "timezone": sub.timezone,
            "topic": sub.topic,
            "state": sub.state,
            "paused_reason": sub.paused_reason,
            "next": to_db(upcoming) if upcoming else None,
            "last_sent": sub.last_sent_slot,
        }
        return Item(heading=f"#{sub.id} · {sub.rule}", fields=fields, data=data)

    # --- unsubscribe, pause, resume --------------------------------------------------------------
    async def _change(
        self, store: ScheduleStore, query: Query, conversation: Conversation
    ) -> Answer:
        number = query.number or 0
        sub = await store.subscription(number)
        place = Place.of(conversation)
        if sub is None or not place.owns(sub):
            return _refuse(
                query,
                "No such subscription",
                f"There is no scheduled briefing #{number} in this workspace; say `subscriptions` "
                "to see them.",
            )
        if query.intent == "unsubscribe":
            await store.delete_subscription(sub.id)
            title, note = (
                f"Unsubscribed #{sub.id}",
                f"No more briefings {sub.rule} in {_where(sub, place)}.",
            )
        elif query.intent == "pause":
            await store.pause(sub.id, f"paused by {conversation.user}", notify_creator=False)
            title, note = (
                f"Paused #{sub.id}",
                f"Say `resume {sub.id}` to start again; slots missed while paused are not posted.",
            )
        else:
            await store.resume(sub.id, to_db(self._clock()))
            title, note = (
                f"Resumed #{sub.id}",
                "The next briefing posts at "
                f"{local_text(next_slot(sub.cron, sub.timezone, self._clock()), sub.timezone)}.",
            )
        log.info("subscription %s id=%s by %s", query.intent, sub.id, conversation.user)
        changed = await store.subscription(sub.id)
        sections = [Section("Subscription", [self._item(changed, place)])] if changed else []
        return Answer(
            query.text,
            query.intent,
            title,
            sections,
            note=note,
            shown=len(sections),
            total=len(sections),
        )


def _where(sub: Subscription, place: Place) -> str:
    return "this channel" if sub.channel == place.channel else f"channel {sub.channel}"


def _feed_item(feed: Feed) -> Item:
    fields = [Field("Next poll", feed.next_poll_at[:16].replace("T", " ") + " UTC")]
    problem = feed_problem(feed)
    if problem:
        fields.append(Field("Failing", f"{feed.failures}× – {problem}"))
    data = {"id": feed.id, "url": feed.url, "failures": feed.failures, "last_error": problem}
    return Item(heading=f"Feed #{feed.id} · {feed.url}", fields=fields, data=data)


def feed_problem(feed: Feed) -> str | None:
    """What users are told of a failing feed: a category only. The raw error ("connection
    refused" against "HTTP 404") would tell them which ports answer; the log has it."""
    if not feed.failures:
        return None
    return feed.last_error if feed.last_error in CATEGORIES else "failing"


def _refuse(query: Query, title: str, note: str) -> Answer:
    return Answer(query.text, query.intent, title, note=note, ok=False)


def _feed_owner(conversation: Conversation) -> str:
    """Who registered a feed, as platform:workspace:user, so a workspace lists only its own."""
    return f"{conversation.platform}:{conversation.workspace}:{conversation.user}"
