"""`DiscordPlatform`: the gateway client for `/brief`, and posting briefings for the scheduler."""

from __future__ import annotations

import asyncio
import logging
from typing import Any, Literal

import aiohttp
import discord

from adapters.discord_bot.client import GUILD_READY_TIMEOUT, BriefbotClient
from adapters.discord_bot.commands import ANSWER_GRACE, Answerer, BriefCommand
from adapters.discord_bot.endpoints import configure_endpoints
from adapters.discord_bot.messages import message_kwargs
from bot.answer.model import Answer
from bot.config import Settings
from bot.platform import DeliveryError, StartupError

log = logging.getLogger("briefbot.discord")

READY_TIMEOUT = 60.0  # seconds from login to the gateway's READY and guilds
MAX_THREAD_NAME = 100  # Discord's limit on a thread's name
# A briefing's thread hides after a day without messages (Discord: 60, 1440, 4320 or 10080).
THREAD_ARCHIVE_MINUTES: Literal[1440] = 1440
THREAD_ALREADY_CREATED = 160004  # "A thread has already been created for this message"


class DiscordPlatform:
    """One bot user. `listen=False` only logs in over REST: enough to post briefings (`deliver`)."""

    name = "discord"

    def __init__(
        self,
        engine: Answerer,
        settings: Settings,
        *,
        listen: bool = True,
        grace: float = ANSWER_GRACE,
        guild_ready_timeout: float = GUILD_READY_TIMEOUT,
    ) -> None:
        configure_endpoints(settings)
        self.settings = settings
        self.listen = listen
        self.command = BriefCommand(engine, settings.admin_ids, grace=grace)
        self.client = BriefbotClient(
            self.command,
            guild_id=settings.discord_guild_id,
            guild_ready_timeout=guild_ready_timeout,
        )
        self._gateway: asyncio.Task[None] | None = None
        self._resumer: asyncio.Task[None] | None = None  # answers commands left by dead processes
        self._logged_in = False
        self._refused: discord.LoginFailure | None = None
        self._login_lock = asyncio.Lock()

    async def _login(self) -> None:
        # One login at a time: `deliver` posts several briefings at once, and discord.py keeps
        # one HTTP session, which a second concurrent login would replace (and leak).
        async with self._login_lock:
            if self._logged_in:
                return
            if self._refused is not None:
                raise self._refused  # the same token again: asking Discord twice only risks a ban
            token = self.settings.discord_token
            if token is None:
                raise ValueError("DISCORD_TOKEN is not set")
            try:
                await self.client.login(token.get_secret_value())
            except BaseException as error:
                # discord.py opens an HTTP session for each login and keeps it when the login
                # fails: closed here, or every later attempt leaks one.
                await self.client.http.close()
                if isinstance(error, discord.LoginFailure):
                    self._refused = error
                raise
            self._logged_in = True

    async def connect(self) -> None:
        """Log in, sync `/brief`, and (when listening) return once the gateway is ready.

        What the operator must fix (a refused token, Discord unreachable, no READY in time)
        is raised as StartupError: one line, not a traceback."""
        try:
            await self._login()
        except discord.LoginFailure:
            raise StartupError("Discord refused the login: check DISCORD_TOKEN") from None
        except (aiohttp.ClientError, OSError) as error:
            raise StartupError(
                f"cannot reach Discord at {self.settings.discord_api_base}: {type(error).__name__}"
            ) from None
        if not self.listen:
            return
        self._gateway = asyncio.create_task(self.client.connect(reconnect=True), name="discord")
        ready = asyncio.create_task(self.client.wait_until_ready())
        try:
            done, _ = await asyncio.wait(
                {self._gateway, ready}, timeout=READY_TIMEOUT, return_when=asyncio.FIRST_COMPLETED
            )
        finally:
            ready.cancel()  # also when `run` is stopped meanwhile: nothing left waiting
        if ready not in done:
            if self._gateway in done:
                failure = self._gateway.exception()
                self._gateway = None  # its error is reported here, not again at disconnect
                # Discord's own reasons (intents not allowed, a token revoked) say what to fix;
                # anything else is discord.py failing its first connection (it then trips over
                # its own missing websocket), i.e. the gateway cannot be reached.
                reason = (
                    str(failure)
                    if isinstance(failure, discord.DiscordException)
                    else "cannot connect to it"
                )
                raise StartupError(
                    f"Discord gateway ({self.settings.discord_gateway_url or 'default'}): {reason}"
                )
            raise StartupError(f"Discord gateway not ready after {READY_TIMEOUT:.0f} s")
        # Now and every few seconds: the commands a process now gone received and never answered.
        self._resumer = asyncio.create_task(
            self.command.held.resume_forever(
                self.command.resume, self.settings.command_resume_seconds
            ),
            name="discord-resume",
        )

    async def wait_closed(self) -> None:
        """Until the gateway stops for good; raises why (discord.py reconnects by itself
        otherwise)."""
        if self._gateway is not None:
            # Shielded: cancelling the waiter must leave the shutdown to disconnect().
            await asyncio.shield(self._gateway)

    async def disconnect(self) -> None:
        if self._resumer is not None:
            self._resumer.cancel()  # commands it was answering stay held for the next process
            await asyncio.gather(self._resumer, return_exceptions=True)
            self._resumer = None
        await self.client.close()
        if self._gateway is not None:
            try:
                await asyncio.wait_for(self._gateway, timeout=10)
            except (TimeoutError, asyncio.CancelledError):
                pass
            except Exception:
                log.exception("Discord: gateway task ended with an error")
            self._gateway = None
        self._logged_in = False

    async def post_briefing(
        self,
        channel: str,
        answer: Answer,
        *,
        reply_to: str | None = None,
        thread_name: str | None = None,
    ) -> str:
        """Post to a channel by id, no cache needed; discord.py waits out rate limits itself.
        With `reply_to` (a message id), as a reply to it; still posted if it was deleted. With
        `thread_name` too, in a thread of that name started from `reply_to` instead (Discord
        gives the thread the message's id, so a retry finds the thread already there); if the bot
        may not start or post in the thread, as a reply in the channel."""
        try:
            channel_id = int(channel)
        except ValueError:
            raise DeliveryError(f"not a Discord channel id: {channel!r}", permanent=True) from None
        try:
            await self._login()  # `briefbot deliver` posts without ever connecting the gateway
            if thread_name and reply_to and reply_to.isdigit():
                thread = await self._thread(channel_id, int(reply_to), thread_name)
                if thread is not None:
                    try:
                        return await self._send(thread, answer)
                    except discord.Forbidden as exc:
                        log.warning(
                            "Discord: cannot post in thread %s of channel %s (%s); posting the "
                            "briefing as a reply in the channel",
                            thread,
                            channel_id,
                            _reason(exc),
                        )
            return await self._send(channel_id, answer, reply_to)
        except discord.LoginFailure as exc:
            # Not the channel's fault: the subscription must not be paused for a bad token.
            raise DeliveryError(
                "Discord refused the login: check DISCORD_TOKEN", permanent=False, retry=False
            ) from exc
        except (discord.Forbidden, discord.NotFound) as exc:
            # Missing access, unknown channel: retrying cannot help until someone fixes it.
            raise DeliveryError(_reason(exc), permanent=True) from exc
        except discord.HTTPException as exc:
            # Other 4xx mean Discord refuses this message as it is; 5xx and rate limits pass.
            permanent = 400 <= exc.status < 500 and exc.status != 429
            raise DeliveryError(_reason(exc), permanent=permanent) from exc
        except (aiohttp.ClientError, TimeoutError, OSError) as exc:
            raise DeliveryError(f"network: {type(exc).__name__}", permanent=False) from exc

    async def _send(self, channel_id: int, answer: Answer, reply_to: str | None = None) -> str:
        target = self.client.get_partial_messageable(channel_id)
        reply: dict[str, Any] = {}  # send()'s keyword arguments: none, or the message replied to
        if reply_to and reply_to.isdigit():
            reply["reference"] = discord.MessageReference(
                message_id=int(reply_to), channel_id=channel_id, fail_if_not_exists=False
            )
        message = await target.send(**message_kwargs(answer), **reply)
        return str(message.id)

    async def _thread(self, channel_id: int, message_id: int, name: str) -> int | None:
        """The id of the public thread started from the message (created now, or by an earlier
        attempt), or None when Discord will not have one there (no Create Public Threads
        permission, a channel without threads, the message deleted): the caller then replies in
        the channel. Transient failures (5xx, network) are raised, so the attempt is retried."""
        try:
            # discord.py's Message.create_thread needs the guild cache, which `deliver` (REST
            # only) has not got; this is the same call underneath.
            data = await self.client.http.start_thread_with_message(
                channel_id,
                message_id,
                name=_thread_name(name),
                auto_archive_duration=THREAD_ARCHIVE_MINUTES,
            )
        except discord.HTTPException as exc:
            if exc.code == THREAD_ALREADY_CREATED:
                return message_id  # a thread started from a message has the message's id
            if exc.status >= 500 or exc.status == 429:
                raise
            log.warning(
                "Discord: cannot start a thread from message %s in channel %s (%s); posting the "
                "briefing as a reply in the channel",
                message_id,
                channel_id,
                _reason(exc),
            )
            return None
        return int(data["id"])


def _thread_name(name: str) -> str:
    """Discord takes 1 to 100 characters."""
    name = " ".join(name.split()) or "Briefing"
    return name if len(name) <= MAX_THREAD_NAME else name[: MAX_THREAD_NAME - 1].rstrip() + "…"


def _reason(exc: discord.HTTPException) -> str:
    return f"Discord {exc.status} (code {exc.code}): {exc.text or type(exc).__name__}"


async def serve(engine: Answerer, settings: Settings) -> None:
    """Run the Discord adapter until cancelled (`briefbot run discord`)."""
    platform = DiscordPlatform(engine, settings)
    try:
        # a stop during start-up (still waiting for READY) closes the session opened so far
        await platform.connect()
        await platform.wait_closed()
    finally:
        await platform.disconnect()
