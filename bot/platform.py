"""The seam every chat adapter implements, and the errors it reports to the scheduler.

The engine depends on this protocol only; it never imports a chat library.
"""

from __future__ import annotations

from typing import Protocol

from bot.answer.model import Answer


class DeliveryError(Exception):
    """Posting to a channel failed. `permanent` means retrying cannot help (channel gone, no access)
    and the subscription is paused; `retry=False` means retrying within this pass cannot help
    either, though the channel is not at fault (a refused token: the slot fails, the subscription
    stays)."""

    def __init__(self, reason: str, *, permanent: bool, retry: bool = True) -> None:
        super().__init__(reason)
        self.reason = reason
        self.permanent = permanent
        self.retry = retry


class StartupError(Exception):
    """A platform cannot start for a reason its operator must fix (a refused token, a busy port):
    `briefbot run` prints this one line and exits non-zero, no traceback."""


class ChatPlatform(Protocol):
    name: str  # "slack" | "discord" | "console"

    async def connect(self) -> None:
        """Log in and start listening for commands (returns once ready)."""

    async def disconnect(self) -> None:
        """Stop listening and release connections."""

    async def post_briefing(
        self,
        channel: str,
        answer: Answer,
        *,
        reply_to: str | None = None,
        thread_name: str | None = None,
    ) -> str:
        """Post an answer to a channel by id; return the platform's message id. With `reply_to`
        (a message id this returned), as a reply to that message: a Slack thread, a Discord reply.
        With `thread_name` as well, in a thread started from that message (Slack: its thread;
        Discord: a public thread of that name, or a reply in the channel if the bot may not start
        one). Asking again for the same message's thread posts in the same thread.

        Retries transient failures (rate limits, 5xx) itself; raises DeliveryError otherwise.
        """
        ...
