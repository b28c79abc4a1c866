"""Who may manage subscriptions: workspace admins and owners, or ids listed in BRIEFBOT_ADMINS."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

log = logging.getLogger("briefbot.slack")


class AdminCheck:
    """users.info, cached for a few minutes: roles change rarely and every command asks."""

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
        self._cache: dict[str, tuple[float, bool]] = {}

    async def is_admin(self, user_id: str) -> bool:
        if user_id in self._admin_ids:
            return True
        cached = self._cache.get(user_id)
        if cached is not None and cached[0] > self._clock():
            return cached[1]
        try:
            response = await self._client.users_info(user=user_id)
        except Exception as error:  # an unknown role only means "not an admin"
            log.warning("users.info failed for %s: %s", user_id, _reason(error))
            # Remember briefly, so a failing users.info neither slows nor floods every command.
            self._cache[user_id] = (self._clock() + self._retry_after, False)
            return False
        user = response.get("user") or {}
        admin = bool(user.get("is_admin") or user.get("is_owner") or user.get("is_primary_owner"))
        self._cache[user_id] = (self._clock() + self._ttl, admin)
        return admin


def _reason(error: Exception) -> str:
    if isinstance(error, SlackApiError):
        return str(error.response.get("error") or "SlackApiError")
    return type(error).__name__
