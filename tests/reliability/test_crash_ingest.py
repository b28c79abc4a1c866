"""A bulk `briefbot ingest`, SIGKILLed at random points, never leaves half an article behind.

Each kill lands at a point drawn from a seeded RNG: during start-up and migration, or a few
milliseconds after the k-th article was reported stored (the ingester stores a batch of articles
in quick succession, so this lands among the writes). After every kill the database must pass
`PRAGMA integrity_check`, every article must carry its completeness marker with exactly the facts
a clean run stores for it, and no fact may lack its article. The final re-run stores exactly the
rest: added + already stored = the whole corpus, with no duplicates.
"""

from __future__ import annotations

import asyncio
import random
import re
import signal
from pathlib import Path

import pytest

from bot.engine import Engine
from tests.conftest import make_settings
from tests.reliability.support import briefbot, cli_env, consistency, fact_counts, write_corpus

pytestmark = pytest.mark.heavy

ARTICLES = 40
KILLS = 4
SEED = 20250227
ADDED = re.compile(rb"^added: ", re.MULTILINE)
SUMMARY = re.compile(r"(\d+) added, (\d+) skipped \(duplicate\), (\d+) refused")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    write_corpus(folder, ARTICLES)
    return folder


@pytest.fixture(scope="module")
def reference(corpus: Path, extractor, tmp_path_factory) -> dict[str, tuple[int, int, int]]:
    """Facts per article (by content hash) from one uninterrupted in-process ingest."""
    db = tmp_path_factory.mktemp("reference") / "briefbot.db"

    async def build() -> dict[str, tuple[int, int, int]]:
        engine = await Engine.open(make_settings(db), load_model=False)
        engine._extractor = extractor
        async with engine:
            report = await engine.ingest([corpus])
            assert len(report.added) == ARTICLES, report.refused
        return await fact_counts(db)

    return asyncio.run(build())


async def ingest_killed(corpus: Path, db: Path, rng: random.Random, attempt: int) -> int:
    """Start `briefbot ingest`, SIGKILL it at a random point; return how many it reported stored."""
    proc = await asyncio.create_subprocess_exec(
        *briefbot("ingest", str(corpus)),
        env=cli_env(db),
        cwd=db.parent,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.DEVNULL,
    )
    assert proc.stdout is not None
    output = b""
    if attempt == 0:
        # Anywhere in start-up: loading the model, opening the file, migrating the schema.
        await asyncio.sleep(rng.uniform(0.2, 2.5))
    else:
        # a few articles a run: with the lag between a report and the kill landing on a busy
        # machine, three runs must still leave the ingest part-way through
        target = rng.randint(1, 6)
        while len(ADDED.findall(output)) < target:
            line = await asyncio.wait_for(proc.stdout.readline(), 60)
            if not line:
                break  # it finished before reaching the target: the kill below is a no-op
            output += line
        await asyncio.sleep(rng.uniform(0.0, 0.03))
    if proc.returncode is None:
        proc.send_signal(signal.SIGKILL)
    output += await proc.stdout.read()
    await proc.wait()
    return len(ADDED.findall(output))


async def test_sigkilled_bulk_ingest_leaves_whole_articles_and_a_rerun_stores_exactly_the_rest(
    corpus: Path, reference: dict[str, tuple[int, int, int]], tmp_path: Path
) -> None:
    db = tmp_path / "briefbot.db"
    rng = random.Random(SEED)
    stored_before = 0
    for attempt in range(KILLS):
        reported = await ingest_killed(corpus, db, rng, attempt)
        if not db.exists():
            continue  # killed before the file was created: nothing to check yet
        state = await consistency(db)
        assert state.integrity == ["ok"], f"kill {attempt}: {state.integrity}"
        assert state.incomplete == [], f"kill {attempt}: articles without all their facts"
        assert state.orphans == 0, f"kill {attempt}: facts without their article"
        stored = await fact_counts(db)
        assert all(reference[h] == facts for h, facts in stored.items()), f"kill {attempt}"
        # An article is reported only after its commit, so none reported may be missing.
        assert len(stored) >= stored_before + reported, (
            f"kill {attempt}: a reported article is lost"
        )
        print(
            f"kill {attempt + 1}: {reported} reported in this run, {len(stored)}/{ARTICLES} "
            "stored, consistent"
        )
        stored_before = len(stored)
    assert 0 < stored_before < ARTICLES, "the kills should leave the ingest part-way through"

    proc = await asyncio.create_subprocess_exec(
        *briefbot("ingest", str(corpus)),
        env=cli_env(db),
        cwd=tmp_path,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )
    out, _ = await asyncio.wait_for(proc.communicate(), 120)
    assert proc.returncode == 0, out.decode()
    added, skipped, refused = map(int, SUMMARY.search(out.decode()).groups())
    assert (added, skipped, refused) == (ARTICLES - stored_before, stored_before, 0)

    state = await consistency(db)
    assert state.ok, state
    assert await fact_counts(db) == reference  # the same articles and facts as a clean run
