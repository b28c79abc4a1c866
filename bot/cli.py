"""The `briefbot` command line (Typer): ingest, ask, chat, extract, demo, run, deliver, reindex,
eval."""

from __future__ import annotations

import asyncio
import json
import sys
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from bot.config import Settings
from bot.store.database import StoreError

app = typer.Typer(
    name="briefbot",
    help="Briefbot: who said what, latest talks and briefings from diplomatic news.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
eval_app = typer.Typer(help="Score the extraction engine on annotated data.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")

DEMO_QUERIES = ("latest talks", "who said what", "brief")


def _settings(*, service: bool = False) -> Settings:
    """The settings, and logging configured from them (once per command).

    Services (run, deliver) log at BRIEFBOT_LOG_LEVEL; interactive commands show only warnings
    unless BRIEFBOT_LOG_LEVEL is set, so their own output stays readable.
    """
    from bot.logs import configure_from_settings

    try:
        settings = Settings()
    except Exception as error:  # pydantic's message names the bad setting
        _fail(f"invalid settings: {error}")
    configure_from_settings(settings, quiet=not service)
    return settings


def _fail(message: str, code: int = 2) -> NoReturn:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(code)


def _run(coro):
    from bot.platform import StartupError

    try:
        return asyncio.run(coro)
    except StoreError as error:
        _fail(str(error))
    except StartupError as error:  # a refused token, a busy port: the operator's to fix
        _fail(str(error), code=1)
    except RuntimeError as error:
        if "spaCy model" in str(error):
            _fail(str(error))
        raise
    except KeyboardInterrupt:
        raise typer.Exit(130) from None


@app.command()
def ingest(
    targets: Annotated[list[str], typer.Argument(help="Files, folders, URLs or feed URLs.")],
    workers: Annotated[int, typer.Option(min=1, help="Extraction processes (one writer).")] = 1,
    progress: Annotated[
        bool | None,
        typer.Option(
            "--progress/--no-progress", help="Progress bar (default: when stderr is a terminal)."
        ),
    ] = None,
    engine_name: Annotated[
        str, typer.Option("--engine", help="Extraction: local, or ray (Ray Data, the ray extra).")
    ] = "local",
    ray_address: Annotated[
        str | None, typer.Option(help="A running Ray cluster (default: a local Ray for this run).")
    ] = None,
    ray_concurrency: Annotated[
        int | None, typer.Option(min=1, help="Extraction actors on Ray (default: every CPU).")
    ] = None,
) -> None:
    """Ingest articles into the database: prints what was added, skipped or refused."""
    from bot.engine import Engine
    from bot.ingest.progress import ingest_progress

    if engine_name not in ("local", "ray"):
        _fail(f"--engine is local or ray, not {engine_name!r}")
    if engine_name == "ray" and workers > 1:
        _fail("--workers is for the local engine; on Ray, --ray-concurrency")
    if engine_name == "local" and (ray_address or ray_concurrency):
        _fail("--ray-address and --ray-concurrency need --engine ray")
    settings = _settings()
    show_bar = sys.stderr.isatty() if progress is None else progress

    async def main() -> bool:
        local_model = workers <= 1 and engine_name == "local"
        async with await Engine.open(settings, load_model=local_model) as engine:
            with ingest_progress(show_bar) as advance:

                def show(kind: str, origin: str, detail: str) -> None:
                    advance(kind)
                    if kind == "added":
                        typer.echo(f"added: {origin} ({detail})")
                    elif kind == "skipped":
                        typer.echo(f"skipped: duplicate: {origin}")
                    else:
                        typer.echo(f"refused: {origin}: {detail}")

                if engine_name == "ray":
                    from bot.ingest.ray_ingest import RayIngester, RayOptions, RayUnavailable

                    ray = RayIngester(
                        engine.store, settings, RayOptions(ray_address, ray_concurrency)
                    )
                    try:
                        report = await ray.ingest(targets, on_result=show)
                    except RayUnavailable as error:  # not installed, or no cluster at the address
                        _fail(str(error), code=1)
                else:
                    report = await engine.ingest(targets, on_result=show, workers=workers)
            typer.echo(report.summary())
            return report.read_anything

    if not _run(main()):
        raise typer.Exit(1)


@app.command()
def ask(
    query: Annotated[
        str, typer.Argument(help="A query in the command language, e.g. 'latest talks'.")
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print the answer as JSON.")] = False,
) -> None:
    """Answer one query, as the chat adapters would."""
    from adapters.console import chart_folder, save_attachments
    from bot.answer.model import Conversation
    from bot.answer.render_text import render_text
    from bot.engine import Engine

    settings = _settings()

    async def main() -> None:
        async with await Engine.open(settings, load_model=False) as engine:
            answer = await engine.answer(query, Conversation(platform="cli", channel="cli"))
            text = render_text(answer, tz=settings.tz)
            # Charts are written beside the database; their paths end the text (as in `chat`).
            text = "\n".join([text, *save_attachments(answer, chart_folder(settings))])
            if as_json:
                typer.echo(json.dumps(answer.to_json(text), ensure_ascii=False, indent=2))
            else:
                typer.echo(text)

    _run(main())


@app.command()
def chat() -> None:
    """The console adapter: an interactive prompt answering the command language."""
    from adapters.console import run_console

    _run(run_console(_settings()))


@app.command()
def extract(
    path: Annotated[
        Path | None, typer.Argument(help="An article file (.txt, .md, .html, .json).")
    ] = None,
    published: Annotated[str | None, typer.Option(help="Publication date, YYYY-MM-DD.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON result (the default).")] = True,
    jsonl: Annotated[bool, typer.Option("--jsonl", help="Batch: JSONL records on stdin.")] = False,
) -> None:
    """Extract facts from one article (or a JSONL batch) without touching the database."""
    from bot.extract.batch import extract_file, extract_jsonl_stream

    settings = _settings()
    if jsonl:
        extract_jsonl_stream(sys.stdin, sys.stdout, settings.spacy_model)
        return
    if path is None:
        _fail("give an article file, or --jsonl to read records from stdin")
    try:
        result = extract_file(path, published, settings)
    except ValueError as error:
        _fail(f"{path}: {error}", code=1)
    typer.echo(json.dumps(result, ensure_ascii=False, indent=2))


@app.command()
def demo(
    seeds: Annotated[Path, typer.Option(help="Folder of sample articles.")] = Path("seeds"),
) -> None:
    """Ingest the sample articles into the default database and print sample answers."""
    from bot.answer.model import Conversation
    from bot.answer.render_text import render_text
    from bot.engine import Engine

    settings = _settings()

    async def main() -> None:
        async with await Engine.open(settings) as engine:
            report = await engine.ingest([seeds])
            typer.echo(f"Ingested {seeds}/ into {settings.db}: {report.summary()}\n")
            for query in DEMO_QUERIES:
                answer = await engine.answer(query, Conversation(platform="cli", channel="demo"))
                typer.echo(f'$ briefbot ask "{query}"')
                typer.echo(render_text(answer, tz=settings.tz))
                typer.echo("")
        typer.echo("Ask your own questions with:  .venv/bin/briefbot chat   (type 'help' there)")

    _run(main())


@app.command()
def run(
    platform: Annotated[str, typer.Argument(help="slack, discord or all")],
) -> None:
    """Run chat adapters, the feed poller and the briefing scheduler until stopped."""
    if platform not in ("slack", "discord", "all"):
        _fail("choose slack, discord or all")
    from adapters.run import run_forever

    _run(run_forever(_settings(service=True), platform))


@app.command()
def deliver(
    now: Annotated[str | None, typer.Option("--now", help="ISO 8601 time; default: now.")] = None,
) -> None:
    """Post every scheduled briefing due at --now once, then exit."""
    from adapters.run import deliver_once  # the composition root builds the chat platforms

    _run(deliver_once(_settings(service=True), now))


@app.command()
def reindex() -> None:
    """Rebuild which reports are one event from the stored per-article reports (one transaction;
    running it twice changes nothing). Run it after changing the identity rule, while nothing
    else is ingesting into the same database."""
    from bot.store.store import Store

    settings = _settings()

    async def main():
        async with await Store.open(settings.db) as store:
            return await store.reindex()

    result = _run(main())
    typer.echo(
        f"reindexed {result.reports} event reports: {result.events_before} events before, "
        f"{result.events_after} after"
    )


@app.command("migrate-store")
def migrate_store(
    sqlite_path: Annotated[Path, typer.Argument(help="The SQLite database file to copy.")],
    postgres_url: Annotated[str, typer.Argument(help="postgresql://user:password@host:port/db")],
) -> None:
    """Copy an SQLite store into PostgreSQL in one pass (ids kept), verify every table's count;
    running it again copies nothing."""
    from bot.store.location import PostgresLocation, database_location
    from bot.store.migrate import Copied, migrate_store

    try:
        target = database_location(postgres_url)
    except StoreError as error:
        _fail(str(error))
    if not isinstance(target, PostgresLocation):
        _fail("POSTGRES_URL must be a postgresql:// URL")

    def show(copied: Copied) -> None:
        typer.echo(f"{copied.table}: {copied.rows} rows ({copied.new} copied now)")

    tables = _run(migrate_store(sqlite_path, target, show))
    typer.echo(f"verified: {len(tables)} tables hold the same counts in {target}")


@app.command()
def health(
    url: Annotated[
        str | None,
        typer.Option(
            envvar="BRIEFBOT_HEALTH_URL",
            help="A running `briefbot run`'s /healthz, e.g. http://127.0.0.1:3000/healthz.",
        ),
    ] = None,
    load_model: Annotated[
        bool, typer.Option("--load-model", help="Load the model, not only find it.")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
) -> None:
    """Check the database, the spaCy model and (with --url) a running server; exit 1 if
    unhealthy."""
    from bot.health import check_health

    report = asyncio.run(check_health(_settings(), url=url, load_model=load_model))
    typer.echo(json.dumps(report.to_json(), indent=2) if as_json else report.render())
    if not report.healthy:
        raise typer.Exit(1)


@eval_app.command("quotes")
def eval_quotes(path: Annotated[Path, typer.Argument(help="PolNeAR-style JSONL.")]) -> None:
    """Who-said-what scores: attribution P/R/F1 overall and on direct quotes."""
    from bot.evaluate.quotes import evaluate_quotes

    typer.echo(evaluate_quotes(path, _settings().spacy_model).render())


@eval_app.command("events")
def eval_events(path: Annotated[Path, typer.Argument(help="PLOVER-style JSONL.")]) -> None:
    """Event scores: per-type P/R/F1, micro and macro F1, CONSULT mode accuracy, actor F1."""
    from bot.evaluate.events import evaluate_events

    typer.echo(evaluate_events(path, _settings().spacy_model).render())


@eval_app.command("news")
def eval_news(
    path: Annotated[Path, typer.Argument(help="Folder with gold.json and the article texts.")],
    show: Annotated[
        int, typer.Option(help="List up to N misses and N false positives of each kind.", min=0)
    ] = 0,
    min_confidence: Annotated[
        float | None,
        typer.Option(
            help="Drop facts whose confidence is below this before scoring (default: "
            "BRIEFBOT_MIN_CONFIDENCE, what answers show).",
            min=0.0,
            max=1.0,
        ),
    ] = None,
    folds: Annotated[
        int,
        typer.Option(help="Also score K folds (sorted files, index mod K); 1 turns it off.", min=1),
    ] = 3,
    curve: Annotated[
        bool, typer.Option("--curve", help="Precision/recall at confidence 0.0, 0.1, ..., 0.9.")
    ] = False,
) -> None:
    """Whole event records and statements on real news: P/R/F1, field accuracies, folds."""
    from bot.evaluate.news import evaluate_news

    if not (path / "gold.json").is_file():
        _fail(f"{path}: no gold.json")
    try:
        settings = _settings()
        threshold = settings.min_confidence if min_confidence is None else min_confidence
        report = evaluate_news(
            path,
            settings.spacy_model,
            min_confidence=threshold,
            folds=folds,
            show=show,
            curve=curve,
        )
    except RuntimeError as error:
        if "spaCy model" not in str(error):
            raise
        _fail(str(error))  # the model is missing or is not the pipeline it claims to be
    typer.echo(report.render())


if __name__ == "__main__":
    app()
