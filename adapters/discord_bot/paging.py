"""Previous / Next buttons on paged answers, and Sources on answers listing facts, as discord.py
dynamic items.

The custom_id carries the query and the page's offset (`page:<offset>:<query>`,
`sources:<offset>:<query>`), so a press is served from the button alone: by any process, also one
started after the message was posted.
"""

from __future__ import annotations

import re
from typing import Any, Protocol, Self

import discord

from bot.answer.render_discord import PAGE_ID, SOURCES_ID


class Pager(Protocol):
    async def on_page(self, interaction: discord.Interaction, query: str, offset: int) -> None: ...

    async def on_sources(
        self, interaction: discord.Interaction, query: str, offset: int
    ) -> None: ...


# The shared base's own template: it matches no custom_id, as only its subclasses are sent.
_NO_CUSTOM_ID = re.compile(r"(?!)")


class _QueryButton(discord.ui.DynamicItem[discord.ui.Button], template=_NO_CUSTOM_ID):
    """What both buttons share: a secondary button whose custom_id (matched by its class's
    template) holds the query and the page's offset. One class per template both for sending and
    for presses: discord.py registers the class of the items it sends under their template, so a
    second class would be replaced. A press goes to the client's `pager` (BriefbotClient)."""

    def __init__(self, label: str, custom_id: str) -> None:
        super().__init__(
            discord.ui.Button(label=label, custom_id=custom_id, style=discord.ButtonStyle.secondary)
        )
        match = self.__discord_ui_compiled_template__.fullmatch(custom_id)
        assert match is not None, custom_id
        self.query = match.group("query")
        self.offset = int(match.group("offset"))

    @classmethod
    async def from_custom_id(
        cls,
        interaction: discord.Interaction[Any],
        item: discord.ui.Item[Any],
        match: re.Match[str],
        /,
    ) -> Self:
        # Only buttons are ever sent with these templates; anything else would not match them.
        label = item.label if isinstance(item, discord.ui.Button) else None
        return cls(label or "", getattr(item, "custom_id", None) or "")


def _pager(interaction: discord.Interaction) -> Pager | None:
    return getattr(interaction.client, "pager", None)


class PageButton(_QueryButton, template=PAGE_ID):
    """Previous / Next: the neighbouring page in place of this one."""

    async def callback(self, interaction: discord.Interaction) -> None:
        if (pager := _pager(interaction)) is not None:
            await pager.on_page(interaction, self.query, self.offset)


class SourcesButton(_QueryButton, template=SOURCES_ID):
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
