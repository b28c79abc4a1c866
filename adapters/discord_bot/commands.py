"""`/brief query:<text>`: Discord in, engine, Discord out.

Discord wants a first response to an interaction within 3 seconds, and whether a reply is ephemeral
can only be chosen in that first response. So the answer gets a short grace period: a quick answer
is sent directly (privately when `answer.ephemeral`: a refusal, or a private command); a slow one is
deferred ("Briefbot is thinking...") and followed up through the interaction webhook, whose token
lasts 15 minutes. From its arrival until its answer is out, the command is held in the store
(bot.command_inbox): if this process dies meanwhile, another replica, or this bot restarted,
answers it through the same webhook (`BriefCommand.resume`).
"""

from __future__ import annotations

import asyncio
import logging
from typing import Protocol

import discord
from discord import app_commands

from adapters.discord_bot.forms import FormModal
from adapters.discord_bot.messages import apology, message_kwargs
from adapters.discord_bot.paging import PageButton, SourcesButton
from adapters.held_commands import HeldCommands
from bot.answer.model import Answer, Conversation
from bot.command_inbox import CommandInbox, Orphan
from bot.schedule.form import form_command

log = logging.getLogger("briefbot.discord")

COMMAND = "brief"
DESCRIPTION = "Diplomatic briefings: latest talks, who said what, brief, subscribe, help"
QUERY_HELP = "What to ask, e.g. `latest talks`, `what did Lavrov say`, `help`"

ANSWER_GRACE = 1.5  # seconds to wait before deferring; well inside Discord's 3 s with a round trip
ANSWER_TIMEOUT = 120.0  # the follow-up token lasts 15 minutes, but nobody waits that long
# A command left by a dead process is answered while its interaction token still takes a
# follow-up (Discord gives 15 minutes), with a minute to spare for the answer itself.
RESUME_MAX_AGE = 14 * 60.0
SUGGEST_TIMEOUT = 2.0  # autocomplete must answer within Discord's 3 s or the menu stays empty
MAX_CHOICE = 100  # Discord's limit for a choice's name and value
MAX_CHOICES = 25

SORRY = "Sorry, something went wrong while answering. Please try again in a moment."
TOO_SLOW = "Sorry, that took too long to answer. Please try again, or ask a narrower question."


class Answerer(Protocol):
    """The part of `bot.engine.Engine` the adapter uses."""

    async def answer(self, query: str, conversation: Conversation | None = None) -> Answer: ...

    async def suggestions(self, prefix: str, limit: int = 25) -> list[str]: ...

    async def page(
        self, query: str, offset: int, conversation: Conversation | None = None
    ) -> Answer: ...

    async def evidence(
        self, query: str, offset: int, conversation: Conversation | None = None
    ) -> Answer: ...

    async def command_inbox(self) -> CommandInbox: ...


def is_admin(interaction: discord.Interaction, admin_ids: frozenset[str]) -> bool:
    """Server managers, or anyone listed in BRIEFBOT_ADMINS, may manage subscriptions."""
    if str(interaction.user.id) in admin_ids:
        return True
    if interaction.guild_id is None:
        return False  # a DM has no server to manage
    perms = interaction.permissions
    return perms.administrator or perms.manage_guild or perms.manage_channels


def held_command(
    interaction: discord.Interaction, query: str, conversation: Conversation
) -> dict[str, str]:
    """What a held command keeps: enough to answer it through the interaction's webhook (its
    token lasts 15 minutes, no longer than the command is held)."""
    return {
        "query": query,
        "application_id": str(interaction.application_id),
        "token": interaction.token,
        "workspace": conversation.workspace,
        "channel": conversation.channel,
        "user": conversation.user,
        "is_admin": "yes" if conversation.is_admin else "no",
    }


def conversation_of(interaction: discord.Interaction, admin_ids: frozenset[str]) -> Conversation:
    """Where a command came from. A DM is its user's own workspace ('dm:<user id>'): one shared
    'dm' would show every DM user the others' subscriptions and feeds."""
    return Conversation(
        platform="discord",
        workspace=str(interaction.guild_id)
        if interaction.guild_id
        else f"dm:{interaction.user.id}",
        channel=str(interaction.channel_id),
        user=str(interaction.user.id),
        is_admin=is_admin(interaction, admin_ids),
    )


class BriefCommand:
    """The `/brief` handlers; `install` adds them to a command tree."""

    def __init__(
        self,
        engine: Answerer,
        admin_ids: frozenset[str],
        *,
        grace: float = ANSWER_GRACE,
        timeout: float = ANSWER_TIMEOUT,
    ) -> None:
        self.engine = engine
        self.admin_ids = admin_ids
        self.grace = grace
        self.timeout = timeout
        self.held = HeldCommands(engine, "discord", RESUME_MAX_AGE)
        self._client: discord.Client | None = None  # set by `install`: resumed answers need it

    def install(self, tree: app_commands.CommandTree) -> app_commands.Command:
        @app_commands.command(name=COMMAND, description=DESCRIPTION)
        @app_commands.describe(query=QUERY_HELP)
        async def brief(interaction: discord.Interaction, query: str) -> None:
            await self.on_brief(interaction, query)

        @brief.autocomplete("query")
        async def complete(
            interaction: discord.Interaction, current: str
        ) -> list[app_commands.Choice[str]]:
            return await self.on_complete(current)

        tree.add_command(brief)
        self._client = tree.client
        # Page buttons of any message, also one sent before this process started.
        tree.client.add_dynamic_items(PageButton, SourcesButton)
        return brief

    async def answer(self, query: str, conversation: Conversation) -> Answer:
        """The engine's answer, or a polite one: never an exception, never silence."""
        try:
            return await asyncio.wait_for(self.engine.answer(query, conversation), self.timeout)
        except TimeoutError:
            log.warning("Discord: answer timed out after %.0f s", self.timeout)
            return apology(query, TOO_SLOW)
        except Exception:
            log.exception("Discord: the engine failed to answer")
            return apology(query, SORRY)

    async def on_brief(self, interaction: discord.Interaction, query: str) -> None:
        conversation = conversation_of(interaction, self.admin_ids)
        # Held beside the answer, so neither waits for the other; released once the answer (or
        # the form) is out, whichever way it went.
        holding = asyncio.ensure_future(
            self.held.hold(held_command(interaction, query, conversation))
        )
        pending = asyncio.ensure_future(self.answer(query, conversation))
        try:
            await self._respond(interaction, pending)
        except Exception:
            log.exception("Discord: answering /%s failed", COMMAND)
        # Not reached when cancelled (a shutdown): the command stays held for whoever runs next.
        await self.held.release(await holding)

    async def _respond(
        self, interaction: discord.Interaction, pending: asyncio.Future[Answer]
    ) -> None:
        try:
            answer = await asyncio.wait_for(asyncio.shield(pending), self.grace)
        except TimeoutError:
            await self._deferred(interaction, pending)
            return
        try:
            if answer.form is not None:
                # The form instead of the answer; a modal must be the first response.
                await interaction.response.send_modal(FormModal(answer.form, self.on_form))
                return
            await interaction.response.send_message(
                **message_kwargs(answer), ephemeral=answer.ephemeral
            )
        except discord.HTTPException:
            log.exception("Discord: could not reply to /%s", COMMAND)

    async def resume(self, orphan: Orphan) -> None:
        """Answer a command a process now gone received and never answered, as a follow-up
        through its interaction's webhook (after a deferral it replaces "thinking...")."""
        held = orphan.payload
        conversation = Conversation(
            platform="discord",
            workspace=held["workspace"],
            channel=held["channel"],
            user=held["user"],
            is_admin=held["is_admin"] == "yes",
        )
        answer = await self.answer(held["query"], conversation)
        try:
            assert self._client is not None, "resumed before the command tree was installed"
            webhook = discord.Webhook.partial(
                int(held["application_id"]), held["token"], client=self._client
            )
            await webhook.send(**message_kwargs(answer), wait=True)
        except discord.HTTPException as error:
            # Most often the interaction was never acknowledged (Discord then forgets its
            # webhook): nothing is left to tell the user through.
            log.warning("Discord: could not answer a resumed /%s: %s", COMMAND, error)
        await self.held.release(orphan.id)

    async def on_form(self, interaction: discord.Interaction, values: dict[str, str]) -> None:
        """A submitted subscription form: what is wrong, privately (a Discord modal cannot show
        errors itself), or its command answered as if typed here."""
        command, errors = form_command(values)
        try:
            if command is None:
                lines = "\n".join(f"{key}: {error}" for key, error in errors.items())
                await interaction.response.send_message(
                    **message_kwargs(
                        apology("subscribe", "Please fix the form and try again.\n" + lines)
                    ),
                    ephemeral=True,
                )
                return
            answer = await self.answer(command, conversation_of(interaction, self.admin_ids))
            await interaction.response.send_message(
                **message_kwargs(answer), ephemeral=answer.ephemeral
            )
        except discord.HTTPException:
            log.exception("Discord: could not answer the subscription form")

    async def _deferred(
        self, interaction: discord.Interaction, pending: asyncio.Future[Answer]
    ) -> None:
        try:
            await interaction.response.defer(thinking=True)
        except discord.HTTPException:
            # The interaction expired or was answered elsewhere; the follow-up cannot land either.
            log.exception("Discord: could not defer /%s", COMMAND)
            pending.cancel()
            return
        answer = await pending
        try:
            # The first follow-up replaces the "thinking" message; its privacy was fixed by the
            # defer.
            await interaction.followup.send(**message_kwargs(answer), ephemeral=answer.ephemeral)
        except discord.HTTPException:
            log.exception("Discord: could not follow up /%s", COMMAND)

    async def on_page(self, interaction: discord.Interaction, query: str, offset: int) -> None:
        """Previous / Next: the message is replaced in place with that page (a refusal, such as
        "slow down", goes privately to whoever pressed)."""
        conversation = conversation_of(interaction, self.admin_ids)
        pending = asyncio.ensure_future(self._page(query, offset, conversation))
        try:
            try:
                answer = await asyncio.wait_for(asyncio.shield(pending), self.grace)
            except TimeoutError:
                await interaction.response.defer()  # "deferred update": the message stays meanwhile
                answer = await pending
                if not answer.ephemeral:
                    await interaction.edit_original_response(**message_kwargs(answer, edit=True))
                else:
                    await interaction.followup.send(**message_kwargs(answer), ephemeral=True)
                return
            if answer.ephemeral:
                await interaction.response.send_message(**message_kwargs(answer), ephemeral=True)
            else:
                await interaction.response.edit_message(**message_kwargs(answer, edit=True))
        except discord.HTTPException:
            log.exception("Discord: could not turn the page")

    async def on_sources(self, interaction: discord.Interaction, query: str, offset: int) -> None:
        """Sources: the listed facts' evidence and links, to whoever pressed it alone; the message
        stays as it is."""
        conversation = conversation_of(interaction, self.admin_ids)
        pending = asyncio.ensure_future(self._evidence(query, offset, conversation))
        try:
            try:
                answer = await asyncio.wait_for(asyncio.shield(pending), self.grace)
            except TimeoutError:
                await interaction.response.defer(ephemeral=True, thinking=True)
                await interaction.followup.send(**message_kwargs(await pending), ephemeral=True)
                return
            await interaction.response.send_message(**message_kwargs(answer), ephemeral=True)
        except discord.HTTPException:
            log.exception("Discord: could not show the sources")

    async def _evidence(self, query: str, offset: int, conversation: Conversation) -> Answer:
        try:
            return await asyncio.wait_for(
                self.engine.evidence(query, offset, conversation), self.timeout
            )
        except TimeoutError:
            return apology(query, TOO_SLOW)
        except Exception:
            log.exception("Discord: the engine failed to list sources")
            return apology(query, SORRY)

    async def _page(self, query: str, offset: int, conversation: Conversation) -> Answer:
        try:
            return await asyncio.wait_for(
                self.engine.page(query, offset, conversation), self.timeout
            )
        except TimeoutError:
            return apology(query, TOO_SLOW)
        except Exception:
            log.exception("Discord: the engine failed to turn a page")
            return apology(query, SORRY)

    async def on_complete(self, current: str) -> list[app_commands.Choice[str]]:
        suggest = getattr(self.engine, "suggestions", None)
        if suggest is None:
            return []
        try:
            names = await asyncio.wait_for(suggest(current, MAX_CHOICES), SUGGEST_TIMEOUT)
        except Exception:
            log.exception("Discord: autocomplete failed")
            return []
        fitting = [name for name in names if 0 < len(name) <= MAX_CHOICE]
        return [app_commands.Choice(name=name, value=name) for name in fitting[:MAX_CHOICES]]
