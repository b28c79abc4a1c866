"""Previous / Next buttons on paged answers, and Sources on answers listing facts, as discord.py
dynamic items.

The custom_id carries the query and the page's offset (`page:<offset>:<query>`,
`sources:<offset>:<query>`), so a press is served from the button alone: by any process, also one
started after the message was posted.
"""

from __future__ import annotations

from typing import Any, Protocol

import discord

from bot.answer.render_discord import PAGE_ID, SOURCES_ID


class Pager(Protocol):
    async def on_page(self, interaction: discord.Interaction, query: str, offset: int) -> None: ...

    async def on_sources(self, interaction: discord.Interaction, query: str, offset: int) -> None: ...


class PageButton(discord.ui.DynamicItem[discord.ui.Button], template=PAGE_ID):  # type: ignore[call-arg]
    """A page button. One class both for sending and for presses: discord.py registers the class
    of the items it sends under their template, so a second class would be replaced. A press goes
    to the client's `pager` (BriefbotClient)."""

    def __init__(self, label: str, custom_id: str) -> None:
        super().__init__(discord.ui.Button(label=label, custom_id=custom_id, style=discord.ButtonStyle.secondary))
        match = PAGE_ID.fullmatch(custom_id)
        assert match is not None, custom_id
        self.query = match.group("query")
        self.offset = int(match.group("offset"))

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: discord.ui.Button, match: Any
    ) -> PageButton:
        return cls(item.label or "", item.custom_id or "")

    async def callback(self, interaction: discord.Interaction) -> None:
        pager: Pager | None = getattr(interaction.client, "pager", None)
        if pager is not None:
            await pager.on_page(interaction, self.query, self.offset)


class SourcesButton(discord.ui.DynamicItem[discord.ui.Button], template=SOURCES_ID):  # type: ignore[call-arg]
    """The Sources button: the listed facts' evidence, privately to whoever pressed it."""

    def __init__(self, label: str, custom_id: str) -> None:
        super().__init__(discord.ui.Button(label=label, custom_id=custom_id, style=discord.ButtonStyle.secondary))
        match = SOURCES_ID.fullmatch(custom_id)
        assert match is not None, custom_id
        self.query = match.group("query")
        self.offset = int(match.group("offset"))

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: discord.ui.Button, match: Any
    ) -> SourcesButton:
        return cls(item.label or "", item.custom_id or "")

    async def callback(self, interaction: discord.Interaction) -> None:
        pager: Pager | None = getattr(interaction.client, "pager", None)
        if pager is not None:
            await pager.on_sources(interaction, self.query, self.offset)


def page_view(components: list[dict[str, Any]]) -> discord.ui.View | None:
    """The rendered action rows as a View of page buttons (no timeout: they work for ever)."""
    buttons = [b for row in components for b in row.get("components", [])]
    if not buttons:
        return None
    view = discord.ui.View(timeout=None)
    for button in buttons:
        kind = SourcesButton if SOURCES_ID.fullmatch(button["custom_id"]) else PageButton
        view.add_item(kind(button["label"], button["custom_id"]))
    return view
