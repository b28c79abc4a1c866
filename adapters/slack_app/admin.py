"""Who may manage subscriptions: workspace admins and owners, or ids listed in BRIEFBOT_ADMINS.

An admin of *another* organisation (a Slack Connect user in a shared channel, whose users.info
`is_admin` speaks of their own workspace) or a guest is never an admin here.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

log = logging.getLogger("briefbot.slack")


class AdminCheck:
    """users.info, cached for a few minutes: roles change rarely and every command asks. The same
    record gives the user's own timezone, which the subscription form suggests."""

    def __init__(
        self,
        client: AsyncWebClient,
        admin_ids: frozenset[str],
        *,
        ttl: float = 300.0,
        retry_after: float = 30.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._client = client
        self._admin_ids = admin_ids
        self._ttl = ttl
        self._retry_after = retry_after
        self._clock = clock
        # (team, user) -> (expiry, users.info `user`, or None when the call failed)
        self._cache: dict[tuple[str, str], tuple[float, dict[str, Any] | None]] = {}

    async def is_admin(self, user_id: str, team_id: str = "") -> bool:
        """Whether `user_id`, running a command in workspace `team_id`, administers it."""
        if user_id in self._admin_ids:
            return True
        user = await self._user(user_id, team_id)
        # An unknown role only means "not an admin".
        return user is not None and admin_here(user, team_id)

    async def timezone(self, user_id: str, team_id: str = "") -> str | None:
        """The user's own timezone as Slack gives it (users.info `tz`, an IANA name), or None."""
        user = await self._user(user_id, team_id)
        tz = user.get("tz") if user is not None else None
        return tz if isinstance(tz, str) and tz else None

    async def _user(self, user_id: str, team_id: str) -> dict[str, Any] | None:
        key = (team_id, user_id)
        cached = self._cache.get(key)
        if cached is not None and cached[0] > self._clock():
            return cached[1]
        try:
            response = await self._client.users_info(user=user_id)
        except Exception as error:
            log.warning("users.info failed for %s: %s", user_id, _reason(error))
            # Remember briefly, so a failing users.info neither slows nor floods every command.
            self._cache[key] = (self._clock() + self._retry_after, None)
            return None
        user = response.get("user") or {}
        self._cache[key] = (self._clock() + self._ttl, user)
        return user


def admin_here(user: dict, team_id: str) -> bool:
    """A users.info `user` administers workspace `team_id` (not merely some other workspace)."""
    if user.get("is_stranger") or user.get("is_restricted") or user.get("is_ultra_restricted"):
        return False  # guests, and users of another organisation seen through a shared channel
    home = str(user.get("team_id") or "")
    grid_teams = (user.get("enterprise_user") or {}).get("teams") or []
    if team_id and home and home != team_id and team_id not in grid_teams:
        return False
    return bool(user.get("is_admin") or user.get("is_owner") or user.get("is_primary_owner"))


def _reason(error: Exception) -> str:
    if isinstance(error, SlackApiError):
        return str(error.response.get("error") or "SlackApiError")
    return type(error).__name__
