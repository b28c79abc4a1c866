"""The discord.py client: slash commands only, so no privileged intents and no message content."""

from __future__ import annotations

import logging

import discord
from discord import app_commands

from adapters.discord_bot.commands import BriefCommand
from adapters.discord_bot.messages import NO_MENTIONS

log = logging.getLogger("briefbot.discord")

# discord.py's default: READY waits this long after the last GUILD_CREATE, as Discord does not
# say how many will come. Tests against the fake, which sends one, shorten it.
GUILD_READY_TIMEOUT = 2.0


def intents() -> discord.Intents:
    # Interactions arrive without any intent; `guilds` (not privileged) keeps the guild cache
    # that discord.py uses to resolve an interaction's channel and member.
    return discord.Intents(guilds=True)


class BriefbotClient(discord.Client):
    def __init__(
        self,
        command: BriefCommand,
        *,
        guild_id: int | None = None,
        guild_ready_timeout: float = GUILD_READY_TIMEOUT,
    ) -> None:
        super().__init__(
            intents=intents(),
            allowed_mentions=NO_MENTIONS,
            guild_ready_timeout=guild_ready_timeout,
        )
        self.tree = app_commands.CommandTree(self)
        command.install(self.tree)
        self.pager = command  # serves page buttons (adapters/discord_bot/paging.py)
        self.guild_id = guild_id
        self.synced: list[app_commands.AppCommand] = []

    async def setup_hook(self) -> None:
        """Register `/brief` with Discord on every start, so the command always matches the code.

        A guild sync shows up at once (for development); a global one can take a while to spread.
        """
        if self.guild_id:
            guild = discord.Object(id=self.guild_id)
            self.tree.copy_global_to(guild=guild)
            self.synced = await self.tree.sync(guild=guild)
            log.info("Discord: synced %d command(s) to guild %s", len(self.synced), self.guild_id)
        else:
            self.synced = await self.tree.sync()
            log.info("Discord: synced %d global command(s)", len(self.synced))

    async def on_ready(self) -> None:
        log.info("Discord: connected as %s (%s)", self.user, self.user.id if self.user else "?")
