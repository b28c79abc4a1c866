"""Bulk ingest on Ray (`briefbot ingest --engine ray`): Ray Data extracts, this process stores,
and what ends up in the database is exactly what the local engine stores for the same files, with
the same refusals, the same duplicates skipped and the same progress reported.

One local Ray with 2 CPUs serves the whole module: its start (about 10 s) and each Ray job's
actors and model loads (a few seconds) make the tests that use it heavy, about 80 s together."""

from __future__ import annotations

import importlib.util
import os
import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

if importlib.util.find_spec("ray") is None:  # imported only once the engine starts Ray
    pytest.skip("the ray extra is not installed", allow_module_level=True)

from typer.testing import CliRunner

from bot.cli import app
from bot.config import Settings
from bot.engine import Engine
from bot.extract.extractor import BATCH_SIZE, Extractor, ExtractRequest
from bot.facts import Extraction
from bot.ingest.ray_ingest import RayIngester, RayOptions, RaySession
from bot.ingest.report import IngestReport
from tests.conftest import MODEL, SEEDS, make_settings

BROKEN = "BROKEN-ARTICLE-MARKER"
CRASH = "CRASH-THE-ACTOR-MARKER"


@pytest.fixture(scope="module")
def local_ray() -> Iterator[RaySession]:
    with RaySession(RayOptions(concurrency=2)) as session:
        import ray.cloudpickle

        # The test extractors below travel to Ray's workers, which cannot import this module.
        ray.cloudpickle.register_pickle_by_value(sys.modules[__name__])
        yield session


async def ingest_locally(db: Path, targets: list[Path], extractor: Extractor) -> IngestReport:
    engine = await Engine.open(make_settings(db), load_model=False)
    engine._extractor = extractor
    async with engine:
        return await engine.ingest(targets)


async def ingest_on_ray(
    db: Path, targets: list[Path], options: RayOptions | None = None, **settings: object
) -> tuple[IngestReport, list[tuple[str, str]]]:
    """The report, and each (kind, origin) the progress callback saw."""
    seen: list[tuple[str, str]] = []
    engine = await Engine.open(make_settings(db, **settings), load_model=False)
    async with engine:
        ingester = RayIngester(engine.store, engine.settings, options or RayOptions(concurrency=2))
        report = await ingester.ingest(
            targets, on_result=lambda kind, origin, detail: seen.append((kind, origin))
        )
    return report, seen


def write_articles(folder: Path, count: int) -> list[Path]:
    """Short invented reports of talks, each with a meeting and a quote, all different."""
    people = [
        ("Marta Lind", "Sweden"),
        ("Tomas Varga", "Hungary"),
        ("Aiko Sato", "Japan"),
        ("Pedro Alves", "Brazil"),
        ("Nadia Haddad", "Jordan"),
        ("Jonas Petras", "Lithuania"),
    ]
    cities = ["Vienna", "Oslo", "Nairobi", "Hanoi", "Lima", "Tunis"]
    topics = ["grain exports", "border crossings", "water rights", "a prisoner exchange"]
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        (a, a_country), (b, b_country) = people[i % 6], people[(i + 1 + i // 6) % 6]
        city, topic = cities[(i * 5) % 6], topics[i % 4]
        day = 1 + i % 27
        text = (
            f"---\ntitle: {a_country} and {b_country} talk about {topic} in {city}\n"
            f"source: Test Wire\npublished: 2025-03-{day:02d}\n---\n"
            f"{a_country}'s foreign minister {a} met her counterpart {b} of {b_country} in "
            f'{city} on Monday to discuss {topic}. "We made real progress on {topic} today," '
            f"{a} told reporters after the meeting. {b} said that the two governments would "
            f"meet again in {cities[(i + 2) % 6]} next month.\n"
        )
        path = folder / f"{i:03d}.md"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


WRITTEN_WHEN = ("_at", "_seen", "_since", "_ingested")  # when a row was written (or its source)


def dump(db: Path) -> dict[str, list[tuple]]:
    """Every stored row of every table, without the times rows were written at."""
    with sqlite3.connect(db) as conn:
        tables = [
            (name, "WITHOUT ROWID" in (sql or "").upper())
            for (name, sql) in conn.execute(
                "SELECT name, sql FROM sqlite_master WHERE type = 'table'"
            )
            if not name.startswith(("sqlite_", "schema")) and "_fts" not in name
        ]
        rows = {}
        for table, without_rowid in tables:
            columns = [
                c
                for _, c, *_ in conn.execute(f"PRAGMA table_info({table})")
                if not c.endswith(WRITTEN_WHEN)
            ]
            listed = ", ".join(columns)
            # insertion order where there is a rowid; a table without one (event_pairs) by value
            order = listed if without_rowid else "rowid"
            rows[table] = conn.execute(f"SELECT {listed} FROM {table} ORDER BY {order}").fetchall()
    return rows


@pytest.mark.heavy
async def test_a_local_ray_starts_on_loopback_with_the_cpus_asked_for(local_ray):
    import ray
    import ray.util

    assert ray.cluster_resources()["CPU"] == 2
    assert {node["NodeManagerAddress"] for node in ray.nodes()} == {"127.0.0.1"}
    # Ray Data's own services start with Ray, not inside the first window's job (where they
    # would take the CPUs the extraction actors start on).
    named = {actor["name"] for actor in ray.util.list_named_actors(all_namespaces=True)}
    assert {"AutoscalingCoordinator", "datasets_stats_actor"} <= named


@pytest.mark.heavy
async def test_ray_stores_the_same_facts_as_the_local_engine(local_ray, tmp_path, extractor):
    folder = tmp_path / "articles"
    write_articles(folder, 2 * BATCH_SIZE + 4)
    targets = [SEEDS, folder]
    # A window of two batches: the first runs on two actors, the rest is a second Ray job.
    options = RayOptions(concurrency=2, window=2 * BATCH_SIZE)

    local = await ingest_locally(tmp_path / "local.db", targets, extractor)
    on_ray, _ = await ingest_on_ray(tmp_path / "ray.db", targets, options)

    assert on_ray.added == local.added and len(local.added) == 2 * BATCH_SIZE + 5
    assert on_ray.skipped == local.skipped == [] and on_ray.refused == local.refused == []
    stored_locally, stored_on_ray = dump(tmp_path / "local.db"), dump(tmp_path / "ray.db")
    assert len(stored_locally["statements"]) > 2 * BATCH_SIZE
    assert len(stored_locally["events"]) > 2 * BATCH_SIZE
    for table, rows in stored_locally.items():
        assert stored_on_ray[table] == rows, f"{table} differs"


@pytest.mark.heavy
async def test_unreadable_files_are_refused_and_duplicates_skipped_as_on_the_local_engine(
    local_ray, tmp_path, extractor
):
    folder = tmp_path / "batch"
    [good, other] = write_articles(folder, 2)
    (folder / "copy.md").write_text(good.read_text(encoding="utf-8") + "\n\n", encoding="utf-8")
    (folder / "undecodable.txt").write_bytes(b"Title\n" + bytes(range(0x80, 0x100)) * 4)
    (folder / "truncated.json").write_bytes(b'{"title": "Talks", "text": "She said')
    (folder / "huge.txt").write_text("Title\n" + "word " * 2000, encoding="utf-8")
    limit = {"BRIEFBOT_MAX_ARTICLE_BYTES": 5000}

    local_db, ray_db = tmp_path / "local.db", tmp_path / "ray.db"
    engine = await Engine.open(make_settings(local_db, **limit), load_model=False)
    engine._extractor = extractor
    async with engine:
        local = await engine.ingest([folder])
    on_ray, progress = await ingest_on_ray(ray_db, [folder], **limit)

    assert (on_ray.added, on_ray.skipped) == (local.added, local.skipped)
    assert on_ray.added == [str(good), str(other)] and on_ray.skipped == [str(folder / "copy.md")]
    assert sorted(on_ray.refused) == sorted(local.refused)
    reasons = dict(on_ray.refused)
    assert "not UTF-8" in reasons[str(folder / "undecodable.txt")]
    assert "invalid JSON" in reasons[str(folder / "truncated.json")]
    assert "too large" in reasons[str(folder / "huge.txt")]
    assert len(progress) == 6  # every file once, whatever became of it

    again, _ = await ingest_on_ray(ray_db, [folder], **limit)
    assert again.added == [] and len(again.skipped) == 3
    assert dump(ray_db)["statements"] == dump(local_db)["statements"]


class BreaksOnMarkers(Extractor):
    """The real extractor, except that an article carrying BROKEN fails as extraction bugs do,
    and one carrying CRASH kills the Ray worker process it runs in."""

    def extract_many(self, requests, batch_size=BATCH_SIZE, max_chars=60_000):
        requests = list(requests)
        if any(CRASH in r.text for r in requests):
            os._exit(1)
        fine = iter(super().extract_many([r for r in requests if BROKEN not in r.text]))
        for request in requests:
            yield ValueError("no facts in this one") if BROKEN in request.text else next(fine)


def load_breaking_extractor(model: str) -> Extractor:
    return BreaksOnMarkers.load(model)


@pytest.mark.heavy
async def test_an_article_that_breaks_extraction_is_refused_and_the_rest_stored(
    local_ray, tmp_path
):
    folder = tmp_path / "batch"
    paths = write_articles(folder, 3)
    paths[1].write_text(paths[1].read_text(encoding="utf-8") + BROKEN, encoding="utf-8")

    engine = await Engine.open(make_settings(tmp_path / "ray.db"), load_model=False)
    async with engine:
        ingester = RayIngester(
            engine.store, engine.settings, load_extractor=load_breaking_extractor
        )
        report = await ingester.ingest([folder])

    assert report.added == [str(paths[0]), str(paths[2])]
    assert report.refused == [(str(paths[1]), "extraction failed: no facts in this one")]
    assert len(dump(tmp_path / "ray.db")["articles"]) == 2


@pytest.mark.heavy
async def test_a_ray_job_that_dies_refuses_what_it_did_not_return_and_stores_nothing_partial(
    local_ray, tmp_path
):
    folder = tmp_path / "batch"
    paths = write_articles(folder, BATCH_SIZE + 2)
    last = paths[-1]
    last.write_text(last.read_text(encoding="utf-8") + CRASH, encoding="utf-8")

    engine = await Engine.open(make_settings(tmp_path / "ray.db"), load_model=False)
    async with engine:
        ingester = RayIngester(
            engine.store,
            engine.settings,
            RayOptions(concurrency=1),
            load_extractor=load_breaking_extractor,
        )
        report = await ingester.ingest([folder])
        stored = await engine.store.count_articles()

    # What came back before the actor died is stored whole; the rest is refused, saying why.
    refused = [origin for origin, _ in report.refused]
    assert str(last) in refused and sorted(report.added + refused) == [str(p) for p in paths]
    assert all("extraction failed on Ray: ActorDiedError" in why for _, why in report.refused)
    assert stored == len(report.added) < len(paths)

    # Nothing is lost: the same ingest again (the crash mended) stores exactly what was refused.
    again, _ = await ingest_on_ray(tmp_path / "ray.db", [folder])
    assert again.added == refused and again.skipped == report.added


@pytest.mark.heavy
async def test_the_model_named_in_the_settings_is_the_one_the_actors_load(local_ray, tmp_path):
    folder = tmp_path / "batch"
    write_articles(folder, 1)
    settings = Settings(
        _env_file=None, BRIEFBOT_DB=tmp_path / "ray.db", BRIEFBOT_SPACY_MODEL="nope"
    )
    async with await Engine.open(settings, load_model=False) as engine:
        with pytest.raises(RuntimeError, match="spaCy model 'nope' is not installed"):
            await RayIngester(engine.store, engine.settings).ingest([folder])


@pytest.mark.heavy
def test_the_command_line_ingests_on_ray_with_its_usual_output(local_ray, tmp_path):
    folder = tmp_path / "batch"
    [path] = write_articles(folder, 1)
    env = {"BRIEFBOT_DB": str(tmp_path / "cli.db"), "BRIEFBOT_SPACY_MODEL": MODEL}

    result = CliRunner().invoke(
        app, ["ingest", "--engine", "ray", "--ray-concurrency", "2", str(folder)], env=env
    )

    assert result.exit_code == 0, result.output
    assert f"added: {path} (" in result.output
    assert "1 added, 0 skipped (duplicate), 0 refused" in result.output


@pytest.mark.parametrize(
    "options",
    [["--engine", "ray", "--workers", "2"], ["--ray-concurrency", "2"], ["--engine", "spark"]],
)
def test_options_of_one_engine_are_refused_for_the_other(options, tmp_path):
    env = {"BRIEFBOT_DB": str(tmp_path / "cli.db"), "BRIEFBOT_SPACY_MODEL": MODEL}
    result = CliRunner().invoke(app, ["ingest", *options, str(SEEDS)], env=env)
    assert result.exit_code == 2, result.output
    assert not (tmp_path / "cli.db").exists()


def test_a_window_gives_every_actor_enough_batches_to_outweigh_its_start():
    def window(**options: int) -> int:
        return RaySession(RayOptions(**options)).window()

    assert window(concurrency=2) == 2048  # the least: some 10-20 MB of text
    assert window(concurrency=8) == 8 * 32 * BATCH_SIZE
    assert window(concurrency=8, window=100) == 100


class OneFailsOneWorks(Extractor):
    def __init__(self) -> None:  # no model: this test only carries results
        pass

    def extract_many(self, requests, batch_size=BATCH_SIZE, max_chars=60_000):
        first, second = requests
        yield Extraction(id=first.id, title=first.title, published=first.published)
        yield ValueError("bad")


def test_a_batch_and_its_facts_travel_to_the_actor_and_back_intact():
    from bot.ingest.ray_extract import ExtractActor, batch_row, row_results

    requests = [ExtractRequest("a.md", "Text one.", "2025-03-01", "One"), ExtractRequest(None, "")]
    actor = ExtractActor("no model", load_extractor=lambda model: OneFailsOneWorks())
    row = batch_row(7, requests)
    # Ray hands the actor columns (of one row here) and takes columns back.
    columns = actor({"first": [row["first"]], "requests": [row["requests"]]})
    out = {"first": columns["first"][0], "results": columns["results"][0]}

    [ok, failed] = row_results(out)
    assert (ok.index, ok.facts, ok.error) == (7, Extraction("a.md", "One", "2025-03-01"), None)
    assert (failed.index, failed.facts, failed.error) == (8, None, "bad")
