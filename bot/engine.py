"""The briefing engine: the one object adapters talk to.

source -> article -> facts -> answer: `ingest` reads and extracts articles and stores their facts;
`answer` turns a query in the command language into a platform-neutral `Answer`.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from bot.answer.commands import examples, first_examples
from bot.answer.completion import suggest
from bot.answer.home import CONTROL_INTENTS, Home, controls
from bot.answer.model import Answer, Conversation
from bot.answer.paging import LocalPages, StorePages
from bot.command_inbox import CommandInbox
from bot.config import Settings
from bot.extract.extractor import Extractor
from bot.ingest.report import IngestReport
from bot.logs import request_scope
from bot.ratelimit import Limiter, RateLimiter, StoreRateLimiter, slow_down_text
from bot.store.held_commands import HeldCommandStore
from bot.store.location import PostgresLocation
from bot.store.schedule_store import ScheduleStore
from bot.store.store import Store
from bot.store.watch_store import WatchStore

if TYPE_CHECKING:  # imported lazily at run time: the answer service pulls in the scheduler
    from bot.answer.service import AnswerService
    from bot.schedule.commands import SubscriptionCommands
    from bot.watch.commands import WatchCommands

log = logging.getLogger("briefbot.engine")

# The person at the console or the CLI runs the bot: their commands are never rate limited.
UNLIMITED_PLATFORMS = frozenset({"console", "cli"})


@dataclass(frozen=True)
class _Services:
    """The command services, created together on first use because each needs the others."""

    answers: AnswerService
    subscriptions: SubscriptionCommands
    watches: WatchCommands


class Engine:
    def __init__(self, settings: Settings, store: Store, extractor: Extractor | None) -> None:
        self.settings = settings
        self.store = store
        self._extractor = extractor
        self._services: _Services | None = None  # created lazily: see `services`
        self._schedule: ScheduleStore | None = None
        self._schedule_lock = asyncio.Lock()
        self._watches: WatchStore | None = None  # watches and their alert log (bot/watch)
        self._watches_lock = asyncio.Lock()
        self._inbox: CommandInbox | None = None  # commands acknowledged, not yet answered
        self._inbox_lock = asyncio.Lock()
        # Replicas (issue 17): several `briefbot run` processes behind a load balancer share one
        # PostgreSQL store, so each user's command budget and each channel's `more` live there:
        # whichever replica a request reaches spends from the same budget and continues the same
        # question. One statement per command, taking no write lock (bot.store.postgres).
        # On SQLite both stay in process memory. An SQLite file serves one host, and the
        # processes sharing one (a Slack and a Discord bot) never share a user; a budget in the
        # file would be a write per command on the file's one writer, where it waits for whatever
        # an ingest is writing. Measured (bench/rate_limits.py, 400 takes, median / p95): in
        # memory 0.001 ms; SQLite 0.04-0.11 ms alone but 16 / 37 ms while articles are being
        # saved (and the whole of a reindex); PostgreSQL 0.09-0.12 ms alone, 0.13-0.37 / 0.8 ms
        # during the same ingest.
        self.shared_state = isinstance(store.path, PostgresLocation)
        self.limiter: Limiter
        if self.shared_state:
            self.limiter = StoreRateLimiter(store, settings.rate_per_minute, settings.rate_burst)
        else:
            self.limiter = RateLimiter(settings.rate_per_minute, settings.rate_burst)

    @classmethod
    async def open(cls, settings: Settings, *, load_model: bool = True) -> Engine:
        """Open (and migrate) the database; load the spaCy model unless only answering."""
        store = await Store.open(settings.db)
        extractor = None
        if load_model:
            try:
                extractor = await asyncio.to_thread(Extractor.load, settings.spacy_model)
            except BaseException:
                await store.close()
                raise
        return cls(settings, store, extractor)

    async def close(self) -> None:
        if self._schedule is not None:
            await self._schedule.close()
            self._schedule = None
        if self._watches is not None:
            await self._watches.close()
            self._watches = None
        if self._inbox is not None:
            await self._inbox.store.close()
            self._inbox = None
        await self.store.close()

    async def schedule_store(self) -> ScheduleStore:
        """The scheduler's tables, on their own connection (opened on first use)."""
        async with self._schedule_lock:
            if self._schedule is None:
                self._schedule = await ScheduleStore.open(self.store.path)
            return self._schedule

    async def watch_store(self) -> WatchStore:
        """Watches and the alert log, on their own connection (opened on first use)."""
        async with self._watches_lock:
            if self._watches is None:
                self._watches = await WatchStore.open(self.store.path)
            return self._watches

    async def command_inbox(self) -> CommandInbox:
        """Where adapters hold the commands they acknowledged until answered (bot.command_inbox),
        on its own connection (opened on first use)."""
        async with self._inbox_lock:
            if self._inbox is None:
                self._inbox = CommandInbox(await HeldCommandStore.open(self.store.path))
            return self._inbox

    async def __aenter__(self) -> Engine:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    @property
    def loaded_extractor(self) -> Extractor | None:
        """The model if it is loaded (health checks must not load it as a side effect)."""
        return self._extractor

    @property
    def extractor(self) -> Extractor:
        if self._extractor is None:
            self._extractor = Extractor.load(self.settings.spacy_model)
        return self._extractor

    async def ingest(
        self,
        targets: Sequence[str | Path],
        *,
        on_result: Callable[[str, str, str], None] | None = None,
        workers: int = 1,
    ) -> IngestReport:
        """Read, extract and store every article in `targets` (files, folders, URLs, feeds).

        With `workers` > 1, extraction runs in that many processes (each loading the model) and
        this process only reads and writes; the model here is then not needed.
        """
        from bot.ingest.ingester import Ingester

        extractor = self.extractor if workers <= 1 else self._extractor
        ingester = Ingester(self.store, extractor, self.settings, workers=workers)
        return await ingester.ingest(targets, on_result=on_result)

    async def answer(self, query: str, conversation: Conversation | None = None) -> Answer:
        """Answer one query; never raises for bad input (it becomes a short, polite answer)."""
        services = self.services()
        conversation = conversation or Conversation()
        if (slowed := await self._slow_down(query, conversation)) is not None:
            return slowed
        # One log line per command answered, under the request id the adapter set (or a new one).
        with request_scope(conversation.platform):
            started = time.perf_counter()
            answer = await services.answers.answer(query, conversation)
            # A subscription paused by a failed delivery is reported to its creator here, once.
            answer = await services.subscriptions.add_notices(answer, conversation)
            answer = await self._watch_notices(answer, conversation)
            elapsed_ms = round((time.perf_counter() - started) * 1000, 1)
            fields = {"platform": conversation.platform, "intent": answer.intent, "ms": elapsed_ms}
            log.info("answered", extra={"fields": fields})
        return answer

    async def page(
        self, query: str, offset: int, conversation: Conversation | None = None
    ) -> Answer:
        """One page of a paged query, for a Previous/Next button; limited and logged like
        `answer`."""
        service = self.answer_service()
        conversation = conversation or Conversation()
        if (slowed := await self._slow_down(query, conversation)) is not None:
            return slowed
        with request_scope(conversation.platform):
            answer = await service.page(query, offset, conversation)
            log.info(
                "answered",
                extra={
                    "fields": {
                        "platform": conversation.platform,
                        "intent": answer.intent,
                        "page": offset,
                    }
                },
            )
        return answer

    async def evidence(
        self, query: str, offset: int, conversation: Conversation | None = None
    ) -> Answer:
        """The evidence of the facts `query` lists at `offset`, for a Sources button; limited and
        logged like `answer`."""
        service = self.answer_service()
        conversation = conversation or Conversation()
        if (slowed := await self._slow_down(query, conversation)) is not None:
            return slowed
        with request_scope(conversation.platform):
            answer = await service.evidence(query, offset, conversation)
            log.info(
                "answered",
                extra={
                    "fields": {
                        "platform": conversation.platform,
                        "intent": answer.intent,
                        "sources": offset,
                    }
                },
            )
        return answer

    async def home(self, conversation: Conversation, notice: str | None = None) -> Home:
        """The workspace's home view: the latest briefing, its scheduled briefings (with Pause /
        Resume / Remove for admins) and example commands. Opening it is not a command, so it is
        not rate limited and moves no `more`."""
        service = self.answer_service()
        briefing = await service.answer("brief", conversation)
        briefing.listing = None  # a home view has no response_url for a Sources press
        listed = await service.answer("subscriptions", conversation)
        admin = self.services().subscriptions.is_admin(conversation)
        subscriptions = [
            (item, controls(item) if admin else ()) for item in listed.items if "cron" in item.data
        ]
        return Home(briefing, subscriptions, first_examples(), notice)

    async def home_control(self, command: str, conversation: Conversation) -> Answer:
        """A home button's command ("pause 3"), answered as if typed; anything else is refused."""
        from bot.answer.query import parse

        if parse(command).intent not in CONTROL_INTENTS:
            return Answer(
                command[:200],
                "error",
                "Not a home button",
                note="That button does nothing.",
                ok=False,
            )
        return await self.answer(command, conversation)

    def answer_service(self) -> AnswerService:
        """The one answer service (and entity-name cache) of this engine, shared by chat and the
        scheduler."""
        return self.services().answers

    def services(self) -> _Services:
        """The answer, subscription and watch services, created together on first use."""
        from bot.answer.service import AnswerService
        from bot.schedule.commands import SubscriptionCommands
        from bot.watch.commands import WatchCommands

        if self._services is None:
            subscriptions = SubscriptionCommands(self.schedule_store, self.settings)
            pages = StorePages(self.store) if self.shared_state else LocalPages()
            answers = AnswerService(
                self.store, self.settings, subscriptions=subscriptions, pages=pages
            )
            watches = WatchCommands(self.watch_store, self.store, answers.matcher, self.settings)
            answers.watches = watches
            self._services = _Services(answers, subscriptions, watches)
        return self._services

    async def _watch_notices(self, answer: Answer, conversation: Conversation) -> Answer:
        """A watch paused by a failed post is reported to its creator here, once; never fails
        the answer itself."""
        try:
            notice = await self.services().watches.notices(conversation)
        except Exception:
            log.exception("cannot read watch notices")
            return answer
        if notice:
            answer.note = f"{answer.note}\n{notice}" if answer.note else notice
        return answer

    async def _slow_down(self, query: str, conversation: Conversation) -> Answer | None:
        """A polite refusal when this user has spent their command budget, else None.

        Here, in the one path every adapter shares, so no platform can forget it; keyed by user,
        so one user flooding the bot slows only that user.
        """
        if conversation.platform in UNLIMITED_PLATFORMS:
            return None
        key = (conversation.platform, conversation.workspace, conversation.user)
        wait, refused = await self.limiter.attempt(key)
        if not wait:
            return None
        if refused == 1:  # once per flood, not once per command
            log.info("rate limited platform=%s workspace=%s user=%s wait=%.1fs", *key, wait)
        return Answer(
            query=query[:200],
            intent="slow_down",
            title="Slow down, please",
            note=slow_down_text(wait, self.settings.rate_per_minute),
            ok=False,
        )

    async def suggestions(self, prefix: str, limit: int = 25) -> list[str]:
        """Completions for a partly typed query: commands of the language, then known names
        (bot.answer.completion). For chat autocomplete, so it must be quick and never raise."""
        try:
            return await suggest(self.store, prefix, limit)
        except Exception:
            log.exception("suggestions: cannot read entity names")
            typed = " ".join(prefix.lower().split())
            return [e for e in examples() if typed in e.lower()][:limit]
