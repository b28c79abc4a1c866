"""Point discord.py at the configured Discord (the real one, or a local fake in tests).

discord.py keeps both addresses as class attributes: `Route.BASE` serves every REST call, including
interaction callbacks and webhook follow-ups; a plain `Client` never asks `/gateway/bot`, so the
websocket goes to `DiscordWebSocket.DEFAULT_GATEWAY`.
"""

from __future__ import annotations

import yarl
from discord.gateway import DiscordWebSocket
from discord.http import Route

from bot.config import Settings


def configure_endpoints(settings: Settings) -> None:
    Route.BASE = settings.discord_api_base.rstrip("/")
    if settings.discord_gateway_url:
        DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(settings.discord_gateway_url)
