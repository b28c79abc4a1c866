"""Query -> Answer: every intent of the command language, answered from indexed SQL.

Never raises for bad input: unknown commands get the closest commands, unknown names say so, and an
unexpected failure becomes a short apology (logged with a request id for the operator).
"""

from __future__ import annotations

import asyncio
import logging
import re
import uuid
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from typing import TypeVar

from bot.answer import brief as briefing
from bot.answer.charts import talks_chart
from bot.answer.commands import command_of, help_rows
from bot.answer.entity_match import EntityMatcher
from bot.answer.evidence import evidence_answer, listing_of
from bot.answer.items import event_item, statement_item
from bot.answer.model import (
    Answer,
    Attachment,
    Citation,
    Conversation,
    Field,
    Item,
    Page,
    Section,
)
from bot.answer.paging import LocalPages, PageMemory, Where
from bot.answer.places import resolve_place
from bot.answer.query import Query, parse
from bot.config import Settings
from bot.store.rows import Total
from bot.store.store import Store, Window

log = logging.getLogger("briefbot.answer")
R = TypeVar("R")  # the rows a search lists: events or statements

SubscriptionHandler = Callable[[Query, Conversation], Awaitable[Answer]]
# Talks a chart counts, newest first: a year of busy diplomacy; older ones need `since DATE`.
MAX_CHART_EVENTS = 1000
_WORD = re.compile(r"\w+", re.UNICODE)


def fts_query(text: str, *, any_word: bool = False) -> str | None:
    """An FTS5 MATCH string from user words: each word quoted, so no FTS syntax gets through."""
    words = [w for w in _WORD.findall(text.lower()) if len(w) > 1 or w.isdigit()][:12]
    if not words:
        return None
    return (" OR " if any_word else " ").join(f'"{w}"' for w in words)


class AnswerService:
    def __init__(
        self,
        store: Store,
        settings: Settings,
        subscriptions: SubscriptionHandler | None = None,
        watches: SubscriptionHandler | None = None,
        pages: PageMemory | None = None,
    ) -> None:
        self.store = store
        self.settings = settings
        self.matcher = EntityMatcher(store)
        self.subscriptions = subscriptions
        self.watches = watches  # bot.watch.commands.WatchCommands, set by the engine
        # Where typed `more` continues: in this process, or in the store for replicas (the engine
        # decides, bot.engine).
        self._pages: PageMemory = pages if pages is not None else LocalPages()

    async def answer(self, text: str, conversation: Conversation) -> Answer:
        query = parse(text)
        return await self._safely(query, self._dispatch(query, conversation))

    async def page(self, text: str, offset: int, conversation: Conversation) -> Answer:
        """The page at `offset` of the paged query `text`: what a Previous/Next button asks for.
        Needs nothing remembered, so any process serves it, also after a restart; typed `more`
        then continues from this page."""
        query = parse(text)
        command = command_of(query.intent)
        if command is None or not command.paged:
            return Answer(
                query.text,
                query.intent,
                "Nothing to page",
                note="That answer has no pages; ask again.",
                ok=False,
            )
        offset = max(0, offset)
        where = (conversation.platform, conversation.workspace, conversation.channel)
        answer = await self._safely(query, self._remembered(where, query, offset, conversation))
        answer.listing = listing_of(answer) if command.facts else None
        return answer

    async def evidence(self, text: str, offset: int, conversation: Conversation) -> Answer:
        """Each fact's evidence sentence and links, for the answer to `text` at `offset`: what a
        Sources button asks for. Like `page`, needs nothing remembered; moves no `more`."""
        query = parse(text)
        command = command_of(query.intent)
        if command is None or not command.facts:
            return Answer(
                query.text,
                "evidence",
                "No sources",
                note="That answer lists no facts with sources.",
                ok=False,
            )
        if command.paged:
            listed = self._paged(query, max(0, offset), conversation)
        elif command.handler == "brief":
            listed = self.brief(query)
        else:
            listed = getattr(self, command.handler)(query)
        answer = await self._safely(query, listed)
        return evidence_answer(answer) if answer.ok else answer

    async def _safely(self, query: Query, work: Awaitable[Answer]) -> Answer:
        try:
            return await work
        except Exception:
            request_id = uuid.uuid4().hex[:8]
            log.exception("answer failed request_id=%s intent=%s", request_id, query.intent)
            return Answer(
                query=query.text,
                intent=query.intent,
                title="Sorry, something went wrong",
                note=f"I couldn't answer that just now (reference {request_id}). Please try again.",
                ok=False,
            )

    @property
    def min_confidence(self) -> float:
        """Facts below this are kept in the store but never shown (BRIEFBOT_MIN_CONFIDENCE)."""
        return self.settings.min_confidence

    # --- dispatch ------------------------------------------------------------------------------
    async def _dispatch(self, query: Query, conversation: Conversation) -> Answer:
        answer = await self._handle(query, conversation)
        command = command_of(answer.intent)
        # The table says which answers only their asker sees; every adapter obeys `answer.private`.
        answer.private = answer.private or (command is not None and command.private)
        listed = command_of(answer.intent)  # after `more`, the command it continued
        if listed is not None and listed.facts:
            answer.listing = listing_of(answer)
        return answer

    async def _handle(self, query: Query, conversation: Conversation) -> Answer:
        key = (conversation.platform, conversation.workspace, conversation.channel)
        command = command_of(query.intent)
        if command is None:  # not a command: the help, with the closest commands
            return self.help(query)
        handler = command.handler
        if handler == "more":
            page = await self._pages.advance(key, self.settings.page_size)
            if page is None:
                return Answer(
                    query.text,
                    "more",
                    "Nothing to continue",
                    note="Ask something first, then say `more`.",
                    ok=False,
                )
            return await self._paged(*page, conversation)
        if handler == "help":
            return self.help(query)
        if handler == "subscriptions":
            if self.subscriptions is None:
                return Answer(
                    query.text,
                    query.intent,
                    "Scheduled briefings",
                    note="Scheduled briefings are not available here.",
                    ok=False,
                )
            return await self.subscriptions(query, conversation)
        if handler == "watches":
            if self.watches is None:
                return Answer(
                    query.text,
                    query.intent,
                    "Watches",
                    note="Watches are not available here.",
                    ok=False,
                )
            return await self.watches(query, conversation)
        if handler == "brief":
            return await self.brief(query)
        if not command.paged:
            return await getattr(self, handler)(query)
        await self._pages.remember(key, query, 0)
        return await self._paged(query, 0, conversation)

    async def _remembered(
        self, where: Where, query: Query, offset: int, conversation: Conversation
    ) -> Answer:
        """The page at `offset`, where `more` now continues in the channel `where`."""
        await self._pages.remember(where, query, offset)
        return await self._paged(query, offset, conversation)

    async def _paged(self, query: Query, offset: int, conversation: Conversation) -> Answer:
        command = command_of(query.intent)
        assert command is not None and command.paged, query.intent
        answer = await getattr(self, command.handler)(query, offset)
        limit = self.settings.page_size
        if answer.ok and (offset or answer.total > offset + answer.shown):
            answer.page = Page(query.text, offset, limit, answer.total)
        if answer.total > offset + answer.shown:
            answer.note = (
                f"showing {offset + 1}–{offset + answer.shown} of {_total_text(answer.total)}"
                " – say "
                "`more` or press Next for the next "
                f"{min(limit, answer.total - offset - answer.shown)}"
            )
        elif offset and answer.shown == 0:
            answer.note = "That's all – nothing more to show."
        return answer

    async def _entity_ids(self, query: Query) -> tuple[list[int] | None, str | None]:
        """Entity ids for the names typed, or a message naming the one not recognised."""
        if not query.names:
            return None, None
        ids = []
        for name in query.names:
            known = await self.matcher.match(name)
            if known is None:
                return None, f"I don't know anyone or anything called “{name}” yet."
            ids.append(known.entity_id)
        return ids, None

    # --- intents -------------------------------------------------------------------------------
    def help(self, query: Query) -> Answer:
        items = [Item(heading=usages, body=what) for usages, what in help_rows()]
        if query.intent == "unknown":
            closest = ", ".join(f"`{c}`" for c in query.suggestions)
            return Answer(
                query.text,
                "help",
                "I didn't understand that",
                [Section("Commands", items)],
                note=f"Closest commands: {closest}",
                ok=False,
                shown=len(items),
                total=len(items),
            )
        note = query.problem if query.problem and query.problem != "empty" else None
        return Answer(
            query.text,
            "help",
            "Briefbot commands",
            [Section("Commands", items)],
            note=note,
            ok=note is None,
            shown=len(items),
            total=len(items),
        )

    async def latest_talks(self, query: Query, offset: int) -> Answer:
        return await self._events(
            query, offset, types=["CONSULT"], title="Latest talks", intent="latest_talks"
        )

    async def events(self, query: Query, offset: int) -> Answer:
        if query.plover_type:
            title = "Agreements" if query.plover_type == "AGREE" else f"Events: {query.plover_type}"
            types = [query.plover_type]
        else:
            title, types = "Events", None
        return await self._events(query, offset, types=types, title=title, intent=query.intent)

    async def _events(
        self, query: Query, offset: int, *, types: list[str] | None, title: str, intent: str
    ) -> Answer:
        ids, problem = await self._entity_ids(query)
        if query.place:
            title = f"{title} in {query.place}"
        if problem:
            return Answer(query.text, intent, title, note=problem, ok=False)
        window = Window(since=query.since, until=query.until)
        limit = self.settings.page_size
        place = resolve_place(query.place) if query.place else None
        rows, total = await self._search_fallback(
            lambda match: self.store.events(
                types=types,
                entity_ids=ids,
                match=match,
                window=window,
                limit=limit,
                offset=offset,
                min_confidence=self.min_confidence,
                place_name=place.name if place else None,
                place_code=place.country_code if place else None,
            ),
            query.topic,
        )
        items = [event_item(r) for r in rows]
        note = (
            None
            if items or offset
            else _nothing(title.removesuffix(f" in {query.place}").lower(), query)
        )
        return Answer(
            query.text,
            intent,
            title,
            [Section(title, items)],
            note=note,
            shown=len(items),
            total=total,
        )

    async def chart(self, query: Query) -> Answer:
        """`chart talks ...`: the talks `latest talks ...` would list, as one PNG with alt text."""
        subject = " ".join(["talks", *_filter_words(query)])
        title = f"Chart: {subject}"
        ids, problem = await self._entity_ids(query)
        if problem:
            return Answer(query.text, "chart", title, note=problem, ok=False)
        place = resolve_place(query.place) if query.place else None
        events, _ = await self.store.events(
            types=["CONSULT"],
            entity_ids=ids,
            window=Window(since=query.since, until=query.until),
            limit=MAX_CHART_EVENTS,
            count=False,
            min_confidence=self.min_confidence,
            place_name=place.name if place else None,
            place_code=place.country_code if place else None,
        )
        # Drawing takes a few hundred milliseconds of CPU: off the event loop, so chat stays live.
        picture = await asyncio.to_thread(talks_chart, events, subject)
        if picture is None:
            return Answer(query.text, "chart", title, note=_nothing("talks", query))
        item = Item(
            heading=subject.capitalize(),
            body=picture.alt_text,
            data={"events": len(events), "alt_text": picture.alt_text},
        )
        return Answer(
            query.text,
            "chart",
            title,
            [Section(title, [item])],
            shown=1,
            total=1,
            attachments=[picture],
        )

    async def talks_picture(
        self, window: Window, topic: str | None, subject: str
    ) -> Attachment | None:
        """The talks of `window` (about `topic`, if given) drawn as `chart talks` draws them, for
        the weekly briefing; None when there were none."""
        events, _ = await self.store.events(
            types=["CONSULT"],
            match=fts_query(topic) if topic else None,
            window=window,
            limit=MAX_CHART_EVENTS,
            count=False,
            min_confidence=self.min_confidence,
        )
        return await asyncio.to_thread(talks_chart, events, subject)

    async def who_said_what(self, query: Query, offset: int) -> Answer:
        ids, problem = await self._entity_ids(query)
        title = "Who said what" if not query.names else f"What {', '.join(query.names)} said"
        if query.topic:
            title += f" about {query.topic}"
        if problem:
            return Answer(query.text, "who_said_what", title, note=problem, ok=False)
        window = Window(since=query.since, until=query.until)
        limit = self.settings.page_size
        rows, total = await self._search_fallback(
            lambda match: self.store.statements(
                speaker_ids=ids,
                named_only=True,
                match=match,
                window=window,
                limit=limit,
                offset=offset,
                min_confidence=self.min_confidence,
            ),
            query.topic,
        )
        items = [statement_item(r) for r in rows]
        note = None if items or offset else _nothing("statements", query)
        return Answer(
            query.text,
            "who_said_what",
            title,
            [Section(title, items)],
            note=note,
            shown=len(items),
            total=total,
        )

    async def _search_fallback(
        self, run: Callable[[str | None], Awaitable[tuple[list[R], Total]]], topic: str | None
    ) -> tuple[list[R], Total]:
        """All topic words first; if nothing has them all, any of them (ranked by relevance)."""
        if not topic:
            return await run(None)
        strict = fts_query(topic)
        if strict is None:
            return await run(None)
        rows, total = await run(strict)
        if total == 0:
            rows, total = await run(fts_query(topic, any_word=True))
        return rows, total

    async def timeline(self, query: Query, offset: int) -> Answer:
        ids, problem = await self._entity_ids(query)
        title = f"Timeline: {' and '.join(query.names)}"
        if problem or not ids:
            return Answer(
                query.text,
                "timeline",
                title,
                note=problem or "Say `timeline X` with a name.",
                ok=False,
            )
        window = Window(since=query.since, until=query.until)
        # The newest 200 events and statements by their dates alone, sorted together; only the
        # page's rows are read, with their sources (a row each for 400 was most of the time).
        events = await self.store.event_dates(
            entity_ids=ids, window=window, limit=200, min_confidence=self.min_confidence
        )
        statements = await self.store.statement_dates(
            speaker_ids=ids, window=window, limit=200, min_confidence=self.min_confidence
        )
        dated = [(date or "", 0, event_id) for event_id, date in events]
        dated += [(date or "", 1, statement_id) for statement_id, date in statements]
        dated.sort(key=lambda x: (x[0], x[1]))
        shown = dated[offset : offset + self.settings.page_size]
        detailed_events = {
            e.id: e
            for e in await self.store.event_details(
                await self.store.events_by_id([i for _, kind, i in shown if kind == 0])
            )
        }
        detailed_statements = {
            s.id: s
            for s in await self.store.statement_details(
                await self.store.statements_by_id([i for _, kind, i in shown if kind == 1])
            )
        }
        page = []
        for when, kind, fact_id in shown:
            if kind == 0:
                item = event_item(detailed_events[fact_id])
            else:
                item = statement_item(detailed_statements[fact_id])
            item.heading = f"{when or 'undated'} · {item.heading}"
            page.append(item)
        note = None if page or offset else _nothing("events or statements", query)
        return Answer(
            query.text,
            "timeline",
            title,
            [Section(title, page)],
            note=note,
            shown=len(page),
            total=len(dated),
        )

    async def profile(self, query: Query) -> Answer:
        ids, problem = await self._entity_ids(query)
        if problem or not ids:
            return Answer(
                query.text,
                "profile",
                "Who is…",
                note=problem or "Say `who is X` with a name.",
                ok=False,
            )
        profile = await self.store.entity_profile(ids[0])
        if profile is None:
            return Answer(query.text, "profile", "Who is…", note="No profile found.", ok=False)
        fields = [Field("Kind", profile.kind)]
        for value, label in (
            (profile.title, "Title"),
            (profile.country, "Country"),
            (profile.country_code, "Code"),
        ):
            if value:
                fields.append(Field(label, value))
        others = [a for a in profile.aliases if a != profile.name]
        if others:
            fields.append(Field("Also written", ", ".join(others[:8])))
        fields.append(Field("Mentioned in", f"{_total_text(profile.articles)} article(s)"))
        data = {
            "name": profile.name,
            "kind": profile.kind,
            "title": profile.title,
            "country": profile.country,
            "country_code": profile.country_code,
            "aliases": list(profile.aliases),
        }
        head = Item(heading=profile.name, fields=fields, data=data)
        statements, _ = await self.store.statements(
            speaker_ids=ids, limit=3, count=False, min_confidence=self.min_confidence
        )
        events, _ = await self.store.events(
            entity_ids=ids, limit=3, count=False, min_confidence=self.min_confidence
        )
        sections = [Section(profile.name, [head])]
        if statements:
            sections.append(Section("Latest statements", [statement_item(s) for s in statements]))
        if events:
            sections.append(Section("Latest meetings and events", [event_item(e) for e in events]))
        shown = sum(len(s.items) for s in sections)
        return Answer(
            query.text, "profile", f"Who is {profile.name}", sections, shown=shown, total=shown
        )

    async def search(self, query: Query, offset: int) -> Answer:
        words = query.words or ""
        limit = self.settings.page_size
        rows, total = await self._search_fallback(
            lambda match: self.store.statements(
                match=match, limit=limit, offset=offset, min_confidence=self.min_confidence
            ),
            words,
        )
        items = [statement_item(r) for r in rows]
        if offset == 0:
            match = fts_query(words)
            articles = await self.store.search_articles(match, limit=3) if match else []
            for a in articles:
                source = {
                    "title": a.title,
                    "source": a.source,
                    "url": a.url,
                    "published": a.published,
                }
                items.append(
                    Item(
                        heading=f"Article: {a.title}",
                        body=a.snippet,
                        citations=[Citation(a.title, a.source, a.published, a.url)],
                        data={
                            "title": a.title,
                            "sources": [{k: v for k, v in source.items() if v}],
                        },
                    )
                )
        note = None if items or offset else f"Nothing found for “{words}”."
        title = f"Search: {words}"
        return Answer(
            query.text,
            "search",
            title,
            [Section(title, items)],
            note=note,
            shown=len(rows),
            total=total,
        )

    async def sources(self, query: Query) -> Answer:
        rows = await self.store.sources()
        items = [
            Item(
                heading=r.name,
                fields=[Field("Articles", str(r.articles)), Field("Latest", r.latest or "undated")],
                data={"source": r.name, "articles": r.articles, "latest": r.latest},
            )
            for r in rows
        ]
        note = None if items else "No articles yet: ingest some with `briefbot ingest PATH_OR_URL`."
        return Answer(
            query.text,
            "sources",
            "Sources",
            [Section("Sources", items)],
            note=note,
            shown=len(items),
            total=len(items),
        )

    async def brief(
        self, query: Query, window: Window | None = None, title: str | None = None
    ) -> Answer:
        """The digest. With no window given: what was ingested in the last 7 days."""
        if window is None:
            if query.since or query.until:
                window = Window(since=query.since, until=query.until)
            else:
                week_ago = (datetime.now(UTC) - timedelta(days=7)).isoformat(
                    timespec="microseconds"
                )
                window = Window(seen_since=week_ago)
        answer = await briefing.compose(
            self.store,
            query,
            window,
            title or "Briefing",
            self.settings.page_size,
            self.min_confidence,
        )
        if week := _week_asked(query):
            # `brief this week` / `last week` is the weekly briefing asked for: with its chart.
            subject = " ".join(["talks", week, *_about(query)])
            if picture := await self.week_chart(window, query.topic, subject):
                answer.attachments.append(picture)
        return answer

    async def week_chart(
        self, window: Window, topic: str | None, subject: str
    ) -> Attachment | None:
        """`talks_picture`, or None when drawing fails: a briefing goes without its chart rather
        than not at all, since its text says everything the chart shows."""
        try:
            return await self.talks_picture(window, topic, subject)
        except Exception:
            log.exception("cannot draw the chart of %s", subject)
            return None


# The typed weekly briefing: a `brief` whose time filter is a week, before or after its topic.
_WEEK = re.compile(r"\b(?:this|last) week\b", re.IGNORECASE)


def _week_asked(query: Query) -> str | None:
    """ "this week" or "last week" when that is the query's time filter (not words of its topic)."""
    found = _WEEK.search(query.text)
    if found is None or not (query.since and query.until):
        return None
    week = found.group(0).lower()
    return None if query.topic and week in query.topic.lower() else week


def _about(query: Query) -> list[str]:
    return [f"about {query.topic}"] if query.topic else []


def _filter_words(query: Query) -> list[str]:
    """The query's filters in words: "with Lavrov", "in Istanbul", "since 2025-02-01"."""
    filters = []
    if query.names:
        filters.append("with " + " and ".join(query.names))
    if query.place:
        filters.append(f"in {query.place}")
    if query.topic:
        filters.append(f"about {query.topic}")
    if query.since:
        filters.append(f"since {query.since}")
    return filters


def _nothing(what: str, query: Query) -> str:
    filters = _filter_words(query)
    return f"Nothing found ({what})" + (" " + " ".join(filters) if filters else "") + "."


def _total_text(total: int) -> str:
    """A total as the note shows it: "1,000+" when the store stopped counting (`Total.capped`)."""
    return total.text() if isinstance(total, Total) else str(total)
