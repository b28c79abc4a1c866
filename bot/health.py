"""Health: is the database usable, is the spaCy model there, are the chat adapters connected.

Two views of the same three questions:
- `runtime_report` inside `briefbot run` (served as `/healthz` on the Slack HTTP port): reads
  through the running engine's reader connection, reports the loaded pipeline and each adapter.
- `check_health` for `briefbot health` (a separate process, the compose healthcheck): opens and
  migrates the database and reads from it, finds the model package without loading it (unless
  asked), and, given the URL of a running process's `/healthz`, asks it about its adapters.

The HTTP payload says only ok/error and names; paths and error texts stay in the local command's
output, since `/healthz` may be reachable from outside.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bot.config import Settings
from bot.store.location import Location
from bot.store.store import Store

if TYPE_CHECKING:
    from bot.engine import Engine

CHECK_TIMEOUT = 5.0  # seconds per check: compose gives the whole healthcheck 10


@dataclass
class Check:
    ok: bool
    summary: str  # one line for people: "ok (12 articles)" or the error
    public: dict[str, Any] = field(default_factory=dict)  # what /healthz may show


@dataclass
class HealthReport:
    checks: dict[str, Check]

    @property
    def healthy(self) -> bool:
        return all(check.ok for check in self.checks.values())

    def to_json(self) -> dict[str, Any]:
        body: dict[str, Any] = {"status": "ok" if self.healthy else "unhealthy"}
        for name, check in self.checks.items():
            body[name] = {"ok": check.ok, **check.public}
        return body

    def render(self) -> str:
        lines = [
            f"{name}: {'ok' if c.ok else 'FAILED'} ({c.summary})" for name, c in self.checks.items()
        ]
        lines.append("healthy" if self.healthy else "unhealthy")
        return "\n".join(lines)


# --- the database -------------------------------------------------------------------------------


async def _read_database(store: Store) -> Check:
    articles = await store.count_articles()
    return Check(True, f"{store.path}, {articles} articles", {"articles": articles})


async def database_check(path: Location) -> Check:
    """Open (migrating if needed) and read: what every command needs from the database (an SQLite
    file or a PostgreSQL URL)."""

    async def probe() -> Check:
        async with await Store.open(path) as store:
            return await _read_database(store)

    return await _guarded(probe(), "database")


async def _guarded(probe: Any, what: str) -> Check:
    try:
        return await asyncio.wait_for(probe, CHECK_TIMEOUT)
    except TimeoutError:
        return Check(
            False, f"{what} did not answer within {CHECK_TIMEOUT:g} s", {"error": "timeout"}
        )
    except Exception as error:  # any failure is the answer to "is it healthy?"
        return Check(False, f"{type(error).__name__}: {error}", {"error": type(error).__name__})


# --- the model ----------------------------------------------------------------------------------


def _meta_check(meta: Mapping[str, Any], model: str, loaded: bool) -> Check:
    name = f"{meta.get('lang', '?')}_{meta.get('name', '?')}"
    version = str(meta.get("version", "?"))
    state = "loaded" if loaded else "installed"
    return Check(
        True,
        f"{model}: {name} {version}, {state}",
        {"name": name, "version": version, "loaded": loaded},
    )


def model_check(model: str, *, load: bool = False) -> Check:
    """The configured pipeline is installed (a package or a folder); loaded too if `load`."""
    try:
        import spacy
        import spacy.util

        if load:
            return _meta_check(spacy.load(model).meta, model, loaded=True)
        if spacy.util.is_package(model):
            path = spacy.util.get_package_path(model)
        else:
            path = Path(model)
            if not (path / "meta.json").exists():
                return Check(
                    False, f"spaCy model {model!r} is not installed", {"error": "not installed"}
                )
        return _meta_check(spacy.util.get_model_meta(path), model, loaded=False)
    except Exception as error:
        return Check(
            False,
            f"spaCy model {model!r}: {type(error).__name__}: {error}",
            {"error": type(error).__name__},
        )


def loaded_model_check(engine: Engine) -> Check:
    extractor = engine.loaded_extractor
    if extractor is None:
        return Check(False, "no model loaded", {"loaded": False})
    return _meta_check(extractor.nlp.meta, engine.settings.spacy_model, loaded=True)


# --- the adapters -------------------------------------------------------------------------------


def is_connected(platform: Any) -> bool:
    """An adapter's `connected`, or for discord.py's client: ready and not closed."""
    connected = getattr(platform, "connected", None)
    if connected is not None:
        return bool(connected)
    client = getattr(platform, "client", None)
    if client is not None and hasattr(client, "is_ready"):
        return bool(client.is_ready() and not client.is_closed())
    return False


def adapters_check(platforms: Mapping[str, Any]) -> Check:
    states = {name: is_connected(platform) for name, platform in platforms.items()}
    summary = ", ".join(f"{n} {'connected' if up else 'disconnected'}" for n, up in states.items())
    return Check(all(states.values()), summary or "none", {"connected": states})


# --- the two reports ----------------------------------------------------------------------------


async def runtime_report(engine: Engine, platforms: Mapping[str, Any]) -> HealthReport:
    """The running process's health, for `/healthz`: no new connections, nothing loaded."""
    return HealthReport(
        {
            "database": await _guarded(_read_database(engine.store), "database"),
            "model": loaded_model_check(engine),
            "adapters": adapters_check(platforms),
        }
    )


async def server_check(url: str) -> Check:
    """Ask a running `briefbot run` for its `/healthz`; its adapters are only known there."""
    import aiohttp

    async def probe() -> Check:
        async with aiohttp.ClientSession() as session, session.get(url) as response:
            body = json.loads(await response.text())
        adapters = body.get("adapters", {}).get("connected", {})
        states = ", ".join(
            f"{n} {'connected' if up else 'disconnected'}" for n, up in adapters.items()
        )
        ok = response.status == 200 and body.get("status") == "ok"
        return Check(
            ok,
            f"{url}: {body.get('status')}; {states or 'no adapters'}",
            {"status": body.get("status")},
        )

    return await _guarded(probe(), url)


async def check_health(
    settings: Settings, *, url: str | None = None, load_model: bool = False
) -> HealthReport:
    """`briefbot health`: the database, the model, and a running server when given its URL."""
    checks = {
        "database": await database_check(settings.db),
        "model": await asyncio.to_thread(model_check, settings.spacy_model, load=load_model),
    }
    if url:
        checks["server"] = await server_check(url)
    return HealthReport(checks)
