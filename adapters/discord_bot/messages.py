"""Rendered answers as discord.py keyword arguments: the only place embeds become `discord.Embed`."""

from __future__ import annotations

from typing import Any

import discord

from bot.answer.model import Answer
from bot.answer.render_discord import render_discord

# Article and user text must never ping anyone; the renderer also breaks mention syntax.
NO_MENTIONS = discord.AllowedMentions.none()


def message_kwargs(answer: Answer) -> dict[str, Any]:
    rendered = render_discord(answer)
    return {
        "content": rendered.content,
        "embeds": [discord.Embed.from_dict(embed) for embed in rendered.embeds],
        "allowed_mentions": NO_MENTIONS,
    }


def apology(query: str, text: str) -> Answer:
    """A polite refusal in the shape of an answer, so it renders like every other reply."""
    return Answer(query=query, intent="error", title="Sorry", note=text, ok=False)
