"""Where typed `more` continues in each channel: the last paged question asked there and its page.

Previous/Next buttons carry their query and offset in the button's value, so any process serves
them. Typed `more` carries nothing: the channel's last question must be remembered, in process
memory (`LocalPages`, one process) or in the store (`StorePages`, several replicas on one
PostgreSQL store: a question asked through one replica continues through another).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from bot.answer.query import Query, parse

if TYPE_CHECKING:
    from bot.store.store import Store

Where = tuple[str, str, str]  # (platform, workspace, channel)

# Channels whose last question `more` can continue in process memory; past this the least recently
# asked is forgotten, so many channels (or DMs) cannot grow memory without bound.
MAX_PAGED_CONVERSATIONS = 5000
# In the store, a channel's question is forgotten after a day without `more` or a new question:
# checked every PRUNE_EVERY questions remembered by a process.
STORED_PAGE_SECONDS = 24 * 3600.0
PRUNE_EVERY = 500


class PageMemory(Protocol):
    async def remember(self, where: Where, query: Query, offset: int) -> None: ...

    async def advance(self, where: Where, step: int) -> tuple[Query, int] | None:
        """The channel's question and its next page (`step` further on), now remembered; None
        if nothing paged was asked there."""
        ...


@dataclass
class _Page:
    query: Query
    offset: int


class LocalPages:
    """In this process's memory, least recently asked forgotten first."""

    def __init__(self) -> None:
        self._pages: dict[Where, _Page] = {}

    def __len__(self) -> int:
        return len(self._pages)

    async def remember(self, where: Where, query: Query, offset: int) -> None:
        self._pages.pop(where, None)  # re-inserted last: the dict is kept in least-recent order
        self._pages[where] = _Page(query, offset)
        while len(self._pages) > MAX_PAGED_CONVERSATIONS:
            del self._pages[next(iter(self._pages))]

    async def advance(self, where: Where, step: int) -> tuple[Query, int] | None:
        page = self._pages.get(where)
        if page is None:
            return None
        page.offset += step
        return page.query, page.offset


class StorePages:
    """In the store: the question's text (parsed again, as a Next button's is) and its offset.
    `advance` is one atomic update, so two `more` at once on two replicas get two pages."""

    def __init__(self, store: Store, *, prune_every: int = PRUNE_EVERY) -> None:
        self.store = store
        self._prune_every = prune_every
        self._remembered = 0

    async def remember(self, where: Where, query: Query, offset: int) -> None:
        await self.store.remember_page(where, query.text, offset)
        self._remembered += 1
        if self._remembered % self._prune_every == 0:
            await self.store.forget_old_pages(STORED_PAGE_SECONDS)

    async def advance(self, where: Where, step: int) -> tuple[Query, int] | None:
        found = await self.store.next_page(where, step)
        if found is None:
            return None
        text, offset = found
        return parse(text), offset
