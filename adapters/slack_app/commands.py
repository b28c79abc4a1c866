"""The `/brief` command and the App Home tab: Slack in, engine, Slack out.

Slack wants an answer to a slash command within 3 seconds, so the listener only acks and starts a
task; the task asks the engine and replies through the command's response_url. The task never
raises: with Bolt 1.30 an exception right after `ack()` makes Bolt drop the ack (Slack then shows
an error), and a silent failure is worse than an apology. Between the ack and the answer the
command is held in the store (bot.command_inbox): if this process dies, another replica, or this
bot restarted, answers it (`BriefCommand.resume`).
"""

from __future__ import annotations

import asyncio
import json
import logging
import re
from collections.abc import Awaitable, Callable, Coroutine
from typing import Any, Protocol

from slack_sdk.web.async_client import AsyncWebClient

from adapters.held_commands import HeldCommands
from adapters.slack_app.admin import AdminCheck
from adapters.slack_app.client import post_ephemeral, post_message, respond, upload_files
from bot.answer.home import Home
from bot.answer.model import Answer, Conversation, Form
from bot.answer.render_slack import (
    HOME_CONTROL,
    SOURCES_ACTION,
    SlackMessage,
    form_values,
    read_page_value,
    render_form,
    render_home,
    render_slack,
    section_block,
)
from bot.command_inbox import CommandInbox, Orphan
from bot.schedule.form import form_command, with_timezone

log = logging.getLogger("briefbot.slack")

ANSWER_TIMEOUT = 60.0  # seconds; a response_url lasts 30 minutes but nobody waits that long
# A command left by a dead process is answered while its response_url still takes a reply (Slack
# gives 30 minutes), with a minute to spare for the answer itself.
RESUME_MAX_AGE = 29 * 60.0
# What a held command keeps of Slack's payload: enough to answer it, and nothing secret (the
# payload also carries Slack's legacy verification token).
HELD_FIELDS = ("command", "text", "team_id", "channel_id", "user_id", "response_url")
HOLD_BEFORE_ACK = 1.0  # seconds of Slack's 3 the hold may take before the ack goes anyway

SORRY = "Sorry, something went wrong while answering. Please try again in a moment."
# How long the subscription form waits for the asker's timezone before opening without it: the
# trigger_id that opens a modal lasts 3 seconds from the command.
TIMEZONE_LOOKUP_SECONDS = 1.0
TOO_SLOW = "Sorry, that took too long to answer. Please try again, or ask a narrower question."


async def rendered(work: Awaitable[Answer], what: str) -> SlackMessage:
    """The engine's answer as a Slack message, or an apology when it is too slow or fails (the
    user gets the apology, the log gets the trace)."""
    try:
        return render_slack(await asyncio.wait_for(work, ANSWER_TIMEOUT))
    except TimeoutError:
        log.warning("%s timed out after %ss", what, ANSWER_TIMEOUT)
        return apology(TOO_SLOW)
    except Exception:
        log.exception("%s failed", what)
        return apology(SORRY)


def action_conversation(body: dict[str, Any]) -> Conversation:
    """Where a button was pressed (a `block_actions` payload)."""
    return Conversation(
        platform="slack",
        workspace=str((body.get("team") or {}).get("id", "")),
        channel=str((body.get("channel") or {}).get("id", "")),
        user=str((body.get("user") or {}).get("id", "")),
    )


CHART_REFUSED = (
    "I couldn't post the chart in this channel: invite me to it (`/invite @Briefbot`) "
    "and ask again."
)


class Answerer(Protocol):
    """The part of `bot.engine.Engine` the adapter uses."""

    async def answer(self, query: str, conversation: Conversation | None = None) -> Answer: ...

    async def page(
        self, query: str, offset: int, conversation: Conversation | None = None
    ) -> Answer: ...

    async def evidence(
        self, query: str, offset: int, conversation: Conversation | None = None
    ) -> Answer: ...

    async def home(self, conversation: Conversation, notice: str | None = None) -> Home: ...

    async def home_control(self, command: str, conversation: Conversation) -> Answer: ...

    async def command_inbox(self) -> CommandInbox: ...


def apology(text: str) -> SlackMessage:
    return SlackMessage(text=text, blocks=[section_block(text)], ephemeral=True)


def command_text(raw: str | None) -> str:
    """The query as the user typed it: Slack escapes `&`, `<`, `>` in slash-command text."""
    text = (raw or "").strip()
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


class Tasks:
    """Background work started by listeners; kept referenced so it is not garbage-collected."""

    def __init__(self) -> None:
        self._running: set[asyncio.Task[None]] = set()

    def start(self, work: Coroutine[Any, Any, None]) -> None:
        task = asyncio.get_running_loop().create_task(work)
        self._running.add(task)
        task.add_done_callback(self._running.discard)

    async def drain(self) -> None:
        """Wait for every task started so far (shutdown, tests, the benchmark)."""
        while self._running:
            await asyncio.gather(*list(self._running), return_exceptions=True)

    async def cancel(self) -> None:
        for task in list(self._running):
            task.cancel()
        await asyncio.gather(*list(self._running), return_exceptions=True)


class BriefCommand:
    def __init__(
        self, engine: Answerer, client: AsyncWebClient, admins: AdminCheck, tasks: Tasks
    ) -> None:
        self._engine = engine
        self._client = client
        self._admins = admins
        self._tasks = tasks
        self.held = HeldCommands(engine, "slack", RESUME_MAX_AGE)

    async def on_command(self, ack: Callable[[], Awaitable[Any]], body: dict[str, Any]) -> None:
        # Held before the ack, so a process killed after it leaves the command to be resumed;
        # a store slower than HOLD_BEFORE_ACK (an ingest holding SQLite's writer) does not keep
        # Slack waiting: the hold goes on beside the answer.
        holding = asyncio.get_running_loop().create_task(self._hold(body))
        await asyncio.wait({holding}, timeout=HOLD_BEFORE_ACK)
        await ack()
        self._tasks.start(self._reply_when_held(body, holding))

    async def _hold(self, body: dict[str, Any]) -> int | None:
        return await self.held.hold({k: str(body[k]) for k in HELD_FIELDS if k in body})

    async def _reply_when_held(self, body: dict[str, Any], holding: Awaitable[int | None]) -> None:
        await self._reply_then_release(body, await holding)

    async def _reply_then_release(self, body: dict[str, Any], held: int | None) -> None:
        """Reply, releasing the held command once the answer is out (before any chart, which
        takes several calls: a kill then costs the chart, not a second answer). Not released
        when cancelled (a shutdown) or killed before: whoever runs next answers it."""
        await self.reply(body, lambda: self.held.release(held))

    async def resume(self, orphan: Orphan) -> None:
        """Answer a command a process now gone acknowledged and never answered."""
        self._tasks.start(self._reply_then_release(dict(orphan.payload), orphan.id))

    async def reply(
        self, body: dict[str, Any], answered: Callable[[], Awaitable[None]] | None = None
    ) -> None:
        """Answer the command; `answered` runs once the answer (or its form) is out."""
        message = await self.answer(body)
        if message.form is not None and await self.open_form(body, message.form):
            if answered is not None:
                await answered()
            return
        await self.deliver(body, message)
        if answered is not None:
            await answered()
        if message.files:
            await self.upload(body, message)

    async def answer(self, body: dict[str, Any]) -> SlackMessage:
        try:
            conversation = await self.conversation(body)
        except Exception:
            log.exception("answering /brief failed")
            return apology(SORRY)
        return await rendered(
            self._engine.answer(command_text(body.get("text")), conversation), "/brief"
        )

    async def conversation(self, body: dict[str, Any]) -> Conversation:
        user = str(body.get("user_id", ""))
        team = str(body.get("team_id", ""))
        return Conversation(
            platform="slack",
            workspace=team,
            channel=str(body.get("channel_id", "")),
            user=user,
            is_admin=await self._admins.is_admin(user, team) if user else False,
        )

    async def deliver(self, body: dict[str, Any], message: SlackMessage) -> None:
        """response_url first (works everywhere); the Web API if that is gone or refused."""
        url = body.get("response_url")
        try:
            if url and await respond(str(url), message):
                return
            channel, user = str(body.get("channel_id", "")), str(body.get("user_id", ""))
            if message.ephemeral:
                await post_ephemeral(self._client, channel, user, message)
            else:
                await post_message(self._client, channel, message)
        except Exception as error:  # nothing is left to tell the user through; log it
            log.warning("could not deliver the /brief reply: %s", error)

    async def open_form(self, body: dict[str, Any], form: Form) -> bool:
        """The form as a modal (`views.open`), remembering the channel it was asked in; False when
        Slack refuses (the trigger_id lasts 3 seconds), and the answer's text is sent instead."""
        trigger = body.get("trigger_id")
        if not trigger:
            return False
        form = await self._own_timezone(body, form)
        where = json.dumps({"channel": str(body.get("channel_id", ""))})
        try:
            await self._client.views_open(trigger_id=str(trigger), view=render_form(form, where))
        except Exception as error:
            log.warning("could not open the %s form: %s", form.form_id, error)
            return False
        return True

    async def _own_timezone(self, body: dict[str, Any], form: Form) -> Form:
        """The form suggesting the asker's own timezone (users.info `tz`, usually cached by the
        admin check). Bounded: the trigger_id lasts 3 seconds, so a slow lookup keeps the
        default."""
        user, team = str(body.get("user_id", "")), str(body.get("team_id", ""))
        if not user:
            return form
        try:
            tz = await asyncio.wait_for(self._admins.timezone(user, team), TIMEZONE_LOOKUP_SECONDS)
        except TimeoutError:
            log.info("users.info too slow for %s: the form keeps the default timezone", user)
            return form
        return with_timezone(form, tz) if tz else form

    async def upload(self, body: dict[str, Any], message: SlackMessage) -> None:
        """A chart after its answer. A response_url cannot carry files, so it goes to the channel
        through the Web API; where the bot may not post, the asker is told why privately."""
        channel = str(body.get("channel_id", ""))
        try:
            await upload_files(self._client, channel, message)
        except Exception as error:
            log.warning("could not upload a chart: %s", error)
            note = SlackMessage(
                text=CHART_REFUSED,
                blocks=[section_block(CHART_REFUSED)],
                ephemeral=True,
            )
            url = body.get("response_url")
            if url:
                await respond(str(url), note)


class PageButtons:
    """Previous / Next on a paged answer (`block_actions`): the message is replaced in place with
    that page. The button's value holds the query and offset, so any process serves it."""

    ACTIONS = re.compile(r"^page_(?:previous|next)$")

    def __init__(self, engine: Answerer, tasks: Tasks) -> None:
        self._engine = engine
        self._tasks = tasks

    async def on_action(
        self, ack: Callable[[], Awaitable[Any]], body: dict[str, Any], action: dict[str, Any]
    ) -> None:
        await ack()
        self._tasks.start(self.turn(body, action))

    async def turn(self, body: dict[str, Any], action: dict[str, Any]) -> None:
        found = read_page_value(str(action.get("value", "")))
        url = body.get("response_url")
        if found is None or not url:
            log.info("Slack: ignored a page button without a page or a response_url")
            return
        query, offset = found
        message = await rendered(
            self._engine.page(query, offset, action_conversation(body)), "turning a page"
        )
        # A refusal ("slow down") goes to the presser alone and leaves the page as it was.
        if not await respond(str(url), message, replace=not message.ephemeral):
            log.warning("could not deliver the page")


class FormSubmissions:
    """A submitted form (`view_submission`): each field checked, errors shown beside it in the
    form (`response_action: errors`); otherwise its command is answered as if typed in the
    channel the form was asked in, and the answer shown to the submitter there."""

    def __init__(self, engine: Answerer, client: AsyncWebClient, admins: AdminCheck) -> None:
        self._engine = engine
        self._client = client
        self._admins = admins

    async def on_subscribe(
        self, ack: Callable[..., Awaitable[Any]], body: dict[str, Any], view: dict[str, Any]
    ) -> None:
        command, errors = form_command(form_values((view.get("state") or {}).get("values") or {}))
        if command is None:
            await ack(response_action="errors", errors=errors)
            return
        user = body.get("user") or {}
        user_id, team = (
            str(user.get("id", "")),
            str((body.get("team") or {}).get("id") or user.get("team_id") or ""),
        )
        try:
            channel = str(json.loads(view.get("private_metadata") or "{}").get("channel", ""))
        except ValueError:
            channel = ""
        conversation = Conversation(
            "slack", team, channel, user_id, is_admin=await self._admins.is_admin(user_id, team)
        )
        try:
            # Answered before the ack: a refusal belongs in the form, and Slack waits 3 s for it.
            answer = await asyncio.wait_for(self._engine.answer(command, conversation), 2.5)
        except Exception:
            log.exception("answering the subscription form failed")
            await ack(response_action="errors", errors={"time": SORRY})
            return
        if not answer.ok:
            await ack(
                response_action="errors",
                errors={"time": f"{answer.title}: {answer.note or ''}"[:150]},
            )
            return
        await ack()
        try:
            await post_ephemeral(self._client, channel, user_id, render_slack(answer))
        except Exception as error:
            log.warning("could not confirm the subscription: %s", error)


class SourcesButton:
    """Sources (`block_actions`): each listed fact's evidence sentence and links, as an ephemeral
    reply to whoever pressed it. The value holds the query and offset, like a page button's."""

    ACTION = SOURCES_ACTION

    def __init__(self, engine: Answerer, client: AsyncWebClient, tasks: Tasks) -> None:
        self._engine = engine
        self._client = client
        self._tasks = tasks

    async def on_action(
        self, ack: Callable[[], Awaitable[Any]], body: dict[str, Any], action: dict[str, Any]
    ) -> None:
        await ack()
        self._tasks.start(self.show(body, action))

    async def show(self, body: dict[str, Any], action: dict[str, Any]) -> None:
        found = read_page_value(str(action.get("value", "")))
        if found is None:
            log.info("Slack: ignored a Sources button without a query")
            return
        query, offset = found
        conversation = action_conversation(body)
        message = await rendered(
            self._engine.evidence(query, offset, conversation), "listing sources"
        )
        message.ephemeral = True  # never to the channel: only the presser asked
        url = body.get("response_url")
        try:
            if url and await respond(str(url), message):
                return
            await post_ephemeral(self._client, conversation.channel, conversation.user, message)
        except Exception as error:
            log.warning("could not show the sources: %s", error)


class HomeTab:
    """The App Home tab: published whenever a user opens it, and again after they press one of
    its buttons (Pause / Resume / Remove a scheduled briefing, shown to admins only)."""

    ACTIONS = HOME_CONTROL

    def __init__(
        self, engine: Answerer, client: AsyncWebClient, admins: AdminCheck, tasks: Tasks
    ) -> None:
        self._engine = engine
        self._client = client
        self._admins = admins
        self._tasks = tasks

    async def on_home_opened(self, event: dict[str, Any], body: dict[str, Any]) -> None:
        if event.get("tab", "home") == "home" and event.get("user"):
            self._tasks.start(self.publish(str(body.get("team_id", "")), str(event["user"])))

    async def on_control(
        self, ack: Callable[[], Awaitable[Any]], body: dict[str, Any], action: dict[str, Any]
    ) -> None:
        await ack()
        user = body.get("user") or {}
        team = str((body.get("team") or {}).get("id") or user.get("team_id") or "")
        self._tasks.start(self.control(team, str(user.get("id", "")), str(action.get("value", ""))))

    async def conversation(self, team: str, user: str) -> Conversation:
        # Its own channel key, so the Home tab never moves a channel's `more`.
        admin = await self._admins.is_admin(user, team)
        return Conversation("slack", team, f"home:{user}", user, is_admin=admin)

    async def control(self, team: str, user: str, command: str) -> None:
        """Run the button's command as if typed (the engine checks rights again), then show the
        Home tab with what it did on top."""
        try:
            answer = await self._engine.home_control(command, await self.conversation(team, user))
            notice = answer.title if answer.ok else f"{answer.title}: {answer.note or ''}"
        except Exception:
            log.exception("a Home tab button failed")
            notice = SORRY
        await self.publish(team, user, notice)

    async def publish(self, team: str, user: str, notice: str | None = None) -> None:
        try:
            home = await asyncio.wait_for(
                self._engine.home(await self.conversation(team, user), notice), ANSWER_TIMEOUT
            )
            await self._client.views_publish(user_id=user, view=render_home(home))
        except Exception as error:  # a stale Home tab is harmless
            log.warning("could not publish the Home tab: %s", error)
