"""Rendered answers as discord.py keyword arguments: the only place embeds become
`discord.Embed`."""

from __future__ import annotations

import io
from typing import Any

import discord

from adapters.discord_bot.paging import page_view
from bot.answer.model import Answer
from bot.answer.render_discord import render_discord

# Article and user text must never ping anyone; the renderer also breaks mention syntax.
NO_MENTIONS = discord.AllowedMentions.none()


def message_kwargs(answer: Answer, *, edit: bool = False) -> dict[str, Any]:
    """`edit`: for replacing a message, where no buttons must remove the old ones."""
    rendered = render_discord(answer)
    kwargs: dict[str, Any] = {
        "content": rendered.content,
        "embeds": [discord.Embed.from_dict(embed) for embed in rendered.embeds],
        "allowed_mentions": NO_MENTIONS,
    }
    view = page_view(rendered.components)
    if view is not None or edit:
        kwargs["view"] = view
    if rendered.files:
        # Multipart uploads; `description` is the attachment's alt text.
        kwargs["files"] = [
            discord.File(io.BytesIO(f.data), filename=f.filename, description=f.alt_text)
            for f in rendered.files
        ]
    return kwargs


def apology(query: str, text: str) -> Answer:
    """A polite refusal in the shape of an answer, so it renders like every other reply."""
    return Answer(query=query, intent="error", title="Sorry", note=text, ok=False)
