"""The Discord adapter: discord.py's `Client` with a `/brief` application command, and briefings
posted by the scheduler.

Named `discord_bot` so it never shadows the `discord` package.
"""

from adapters.discord_bot.platform import DiscordPlatform, serve

__all__ = ["DiscordPlatform", "serve"]
