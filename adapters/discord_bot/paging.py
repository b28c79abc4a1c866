"""Previous / Next buttons on paged answers, and Sources on answers listing facts, as discord.py
dynamic items.

The custom_id carries the query and the page's offset (`page:<offset>:<query>`,
`sources:<offset>:<query>`), so a press is served from the button alone: by any process, also one
started after the message was posted.
"""

from __future__ import annotations

import re
from typing import Any, Protocol

import discord

from bot.answer.render_discord import PAGE_ID, SOURCES_ID


class Pager(Protocol):
    async def on_page(self, interaction: discord.Interaction, query: str, offset: int) -> None: ...

    async def on_sources(
        self, interaction: discord.Interaction, query: str, offset: int
    ) -> None: ...


class _QueryButton:
    """What both buttons share: a secondary button whose custom_id (matched by its class's
    template) holds the query and the page's offset. One class per template both for sending and
    for presses: discord.py registers the class of the items it sends under their template, so a
    second class would be replaced. A press goes to the client's `pager` (BriefbotClient)."""

    __discord_ui_compiled_template__: re.Pattern[str]

    def __init__(self, label: str, custom_id: str) -> None:
        super().__init__(
            discord.ui.Button(label=label, custom_id=custom_id, style=discord.ButtonStyle.secondary)
        )  # type: ignore[call-arg]
        match = self.__discord_ui_compiled_template__.fullmatch(custom_id)
        assert match is not None, custom_id
        self.query = match.group("query")
        self.offset = int(match.group("offset"))

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: discord.ui.Button, match: Any
    ) -> Any:
        return cls(item.label or "", item.custom_id or "")


def _pager(interaction: discord.Interaction) -> Pager | None:
    return getattr(interaction.client, "pager", None)


class PageButton(_QueryButton, discord.ui.DynamicItem[discord.ui.Button], template=PAGE_ID):  # type: ignore[call-arg]
    """Previous / Next: the neighbouring page in place of this one."""

    async def callback(self, interaction: discord.Interaction) -> None:
        if (pager := _pager(interaction)) is not None:
            await pager.on_page(interaction, self.query, self.offset)


class SourcesButton(_QueryButton, discord.ui.DynamicItem[discord.ui.Button], template=SOURCES_ID):  # type: ignore[call-arg]
    """The Sources button: the listed facts' evidence, privately to whoever pressed it."""

    async def callback(self, interaction: discord.Interaction) -> None:
        if (pager := _pager(interaction)) is not None:
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
