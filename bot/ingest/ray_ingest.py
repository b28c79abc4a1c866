"""Bulk ingest on Ray (`briefbot ingest --engine ray`): extraction on Ray Data, storage here.

The driver (this process) reads the targets, refuses what cannot be read and skips what is
already stored, exactly as the local engine does (`read_targets`, `Store.find_duplicate`), and is
the one writer: each article's facts are stored in one transaction (`store_result`), in reading
order, while Ray extracts the articles after it. Ray Data runs the extraction: `map_batches` with
`ExtractActor`, a pool of actors that each load the spaCy pipeline once.

Articles go to Ray in windows (at least 2,048 articles, 512 per actor): Ray Data has no source fed
by a running coroutine, so each window is one dataset (and one actor pool, whose model loads are
paid once per window). Memory stays bounded by the window however large the archive.

Ray is imported only here and only when this engine runs: it is the `ray` extra.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import re
import sys
import threading
import warnings
from collections.abc import AsyncIterator, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bot.config import Settings
from bot.extract.batching import MAX_BATCH_CHARS
from bot.extract.extractor import BATCH_SIZE, Extractor, ExtractRequest
from bot.ingest.article import Article
from bot.ingest.ingester import OnResult, new_batches, read_targets, store_result
from bot.ingest.parallel import Result
from bot.ingest.ray_extract import (
    ExtractActor,
    IndexedResult,
    LoadExtractor,
    batch_row,
    row_results,
)
from bot.ingest.report import IngestReport
from bot.store.store import Store

log = logging.getLogger("briefbot.ingest")

# Each actor gets at least this many batches a window (512 articles, a minute or two of work)
# against a few seconds to start it and load its model; and a window is at least 2,048 articles
# (some 10-20 MB of text).
BATCHES_PER_ACTOR = 32
MIN_WINDOW = 2048


class RayUnavailable(RuntimeError):
    """Ray Data is not installed, or the cluster cannot be reached or used."""


@dataclass(frozen=True)
class RayOptions:
    address: str | None = None  # a running cluster; None starts a local Ray for the run
    concurrency: int | None = None  # extraction actors, one CPU each; None: every CPU
    window: int | None = None  # articles handed to Ray Data at once; None: by the actors


@dataclass
class RaySession:
    """Ray for one ingest: a running cluster (`address`), the Ray this process already has, or a
    local one started here on 127.0.0.1 and shut down afterwards."""

    options: RayOptions
    started: bool = field(default=False, init=False)

    def __enter__(self) -> RaySession:
        if not self.options.address:
            # A local Ray names its node by the address it would reach the internet from, and its
            # services listen there; this (read when Ray is first imported, so set before) keeps
            # them on 127.0.0.1, as Ray does for itself on macOS and Windows.
            os.environ.setdefault("RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER", "0")
        ray = import_ray()
        if ray.is_initialized():
            return self
        quiet = {"log_to_driver": False, "logging_level": logging.WARNING}
        try:
            if self.options.address:
                ray.init(address=self.options.address, **quiet)
            else:
                ray.init(
                    num_cpus=self.options.concurrency or os.cpu_count() or 1,
                    include_dashboard=False,
                    **quiet,
                )
        except Exception as error:  # a wrong address, a cluster that refuses us
            where = self.options.address or "a local Ray"
            raise RayUnavailable(f"cannot start Ray ({where}): {error}") from error
        self.started = True
        try:
            _start_ray_data(ray)
        except BaseException as error:  # Ctrl-C: __exit__ would not run, and Ray would stay
            self.__exit__(type(error), error, error.__traceback__)
            raise
        return self

    def __exit__(self, failed: type[BaseException] | None, *exc: object) -> None:
        if self.started:
            if failed is not None:
                # Stopped mid-job (Ctrl-C, an error): Ray Data's threads report the cluster going
                # away in pages of tracebacks that would bury the one line that matters.
                for name in list(logging.root.manager.loggerDict):
                    if name.startswith("ray."):  # some set levels of their own
                        logging.getLogger(name).setLevel(logging.CRITICAL)
            import_ray().shutdown()

    def concurrency(self) -> int:
        """Actors asked for: `--ray-concurrency`, else one per CPU of the cluster."""
        if self.options.concurrency:
            return self.options.concurrency
        return max(1, int(import_ray().cluster_resources().get("CPU", 1)))

    def actors(self, batches: int) -> int:
        """Actors for a window of `batches` batches, never more than there are batches to hand out
        (an actor without work would still load its model)."""
        return max(1, min(self.concurrency(), batches))

    def window(self) -> int:
        """Articles a window: enough to keep every actor busy for longer than it takes to start."""
        if self.options.window:
            return self.options.window
        return max(MIN_WINDOW, BATCHES_PER_ACTOR * BATCH_SIZE * self.concurrency())


def import_ray() -> Any:
    """Ray, configured to stay quiet and local; a clear error where it is not installed."""
    # Ray reports usage to its makers unless told not to; a bulk ingest sends nothing anywhere.
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    # Ray Data starts a Ray of its own wherever it finds none (read when Ray is imported): after
    # a cancelled ingest shut ours down, its threads would start another.
    os.environ.setdefault("RAY_ENABLE_AUTO_CONNECT", "0")
    try:
        import ray
        import ray.data
    except ImportError as error:
        raise RayUnavailable(
            "the ray engine needs Ray Data: pip install 'briefbot[ray]' (or 'ray[data]')"
        ) from error
    logging.getLogger("ray").setLevel(logging.WARNING)  # its INFO lines would bury ours
    # Ray Data writes everything to its session log (/tmp/ray/session_latest/logs/ray-data) and
    # echoes it on the terminal: progress, and pages of remote tracebacks for failures that the
    # ingest reports itself in one line. The terminal keeps the ingest's own lines only.
    for handler in logging.getLogger("ray.data").handlers:
        if getattr(handler, "stream", None) in (sys.stderr, sys.stdout):
            handler.setLevel(logging.CRITICAL)
    # A local Ray turns token authentication on and says so each start; that is what we want,
    # so only that line is dropped (a warning that authentication is off still shows).
    auth = logging.getLogger("ray._private.authentication.authentication_token_setup")
    if not any(isinstance(f, _TokenAuthOn) for f in auth.filters):
        auth.addFilter(_TokenAuthOn())
    return ray


def _start_ray_data(ray: Any) -> None:
    """Start Ray Data's own services on the cluster now, with a job of one row.

    The first Ray Data job on a cluster starts its helper actors (statistics, autoscaling; they
    are detached, so a cluster that has run a job before keeps them). Started inside the first
    window's job, they take the CPUs the extraction actors are starting on (2-5 s on two busy
    cores, before the first batch can run); here they start with Ray itself. A failure is left to
    the real job to report.
    """
    try:
        with warnings.catch_warnings():  # Ray Data's own deprecations of its own settings
            warnings.simplefilter("ignore", DeprecationWarning)
            ray.data.DataContext.get_current().enable_progress_bars = False  # ours instead
            ray.data.range(1).materialize()
    except Exception:
        log.debug("starting Ray Data's services failed", exc_info=True)


class _Stream:
    """Ray Data's output, read in a thread of its own and handed to the event loop.

    Not `asyncio.to_thread(next, ...)`: a cancelled ingest (Ctrl-C) would then wait for the
    executor's thread, that is for the next block from Ray, before it could stop. This thread is
    a daemon that nobody waits for; told to stop, it closes Ray's iterator itself (which ends the
    job), and shutting Ray down ends it at once.
    """

    _END = object()

    def __init__(self, rows: Iterable[Mapping[str, Any]]) -> None:
        self.rows = rows
        self.queue: asyncio.Queue[object] = asyncio.Queue()
        self.loop = asyncio.get_running_loop()
        self.stopping = threading.Event()
        self.thread = threading.Thread(target=self._read, name="briefbot-ray-results", daemon=True)
        self.thread.start()

    def _read(self) -> None:
        rows = iter(self.rows)
        try:
            for row in rows:
                if self.stopping.is_set():
                    break
                self._hand_over(row)
            self._hand_over(self._END)
        except BaseException as error:  # the job failed: the reader raises it
            self._hand_over(error)
        finally:
            close = getattr(rows, "close", None)
            if close is not None:
                with contextlib.suppress(Exception):
                    close()

    def _hand_over(self, item: object) -> None:
        with contextlib.suppress(RuntimeError):  # the loop has closed: nobody is reading
            self.loop.call_soon_threadsafe(self.queue.put_nowait, item)

    def __aiter__(self) -> _Stream:
        return self

    async def __anext__(self) -> Mapping[str, Any]:
        item = await self.queue.get()
        if item is self._END:
            raise StopAsyncIteration
        if isinstance(item, BaseException):
            raise item
        assert isinstance(item, Mapping)
        return item

    def stop(self) -> None:
        self.stopping.set()


class _TokenAuthOn(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("Token authentication is enabled")


class RayIngester:
    def __init__(
        self,
        store: Store,
        settings: Settings,
        options: RayOptions | None = None,
        *,
        max_batch_chars: int = MAX_BATCH_CHARS,
        load_extractor: LoadExtractor = Extractor.load,
    ) -> None:
        """`load_extractor` runs on each actor with the model name (settings.spacy_model)."""
        self.store = store
        self.settings = settings
        self.options = options or RayOptions()
        self.max_batch_chars = max_batch_chars
        self.load_extractor = load_extractor

    async def ingest(
        self, targets: Sequence[str | Path], *, on_result: OnResult | None = None
    ) -> IngestReport:
        """Read every target (files, folders, page and feed URLs) and store what is new."""
        report = IngestReport()

        def note(kind: str, origin: str, detail: str = "") -> None:
            _note(report, kind, origin, detail)
            if on_result:
                on_result(kind, origin, detail)

        with RaySession(self.options) as session:
            items = read_targets(targets, self.settings)
            async for window in self._windows(items, note, session.window()):
                await self._ingest_window(session, window, note)
        return report

    async def _windows(
        self, items: AsyncIterator[Article | tuple[str, str]], note: OnResult, size: int
    ) -> AsyncIterator[list[list[Article]]]:
        """The new articles in batches as the local engine makes them, a window of them at a time;
        refusals and duplicates are noted on the way, before any extraction."""
        window: list[list[Article]] = []
        async for batch in new_batches(items, self.store, note):
            window.append(batch)
            if len(window) * BATCH_SIZE >= size:
                yield window
                window = []
        if window:
            yield window

    async def _ingest_window(
        self, session: RaySession, window: list[list[Article]], note: OnResult
    ) -> None:
        articles = [article for batch in window for article in batch]
        done: set[int] = set()
        try:
            async for outcome in self._extract(session, window):
                result: Result = outcome.facts or RuntimeError(outcome.error or "no facts")
                await store_result(self.store, articles[outcome.index], result, note)
                done.add(outcome.index)
        except RayUnavailable:
            raise
        except Exception as error:  # the Ray job failed: what it did not return is refused
            log.debug("ray extraction failed", exc_info=True)
            if not done and getattr(error, "actor_init_failed", False):
                # No actor could load the model (one that is not installed): every window would
                # fail the same way, so the ingest stops with the actors' own reason.
                raise RuntimeError(f"extraction on Ray could not start: {_gist(error)}") from error
            reason = f"extraction failed on Ray: {type(error).__name__}: {_gist(error)}"
            for index, article in enumerate(articles):
                if index not in done:
                    note("refused", article.origin or article.title, reason)

    async def _extract(
        self, session: RaySession, window: list[list[Article]]
    ) -> AsyncIterator[IndexedResult]:
        """Each article's outcome, in reading order, as Ray Data streams them back."""
        ray = import_ray()
        rows: list[dict[str, Any]] = []
        first = 0
        for batch in window:
            requests = [ExtractRequest(a.origin, a.text, a.published, a.title) for a in batch]
            rows.append(batch_row(first, requests))
            first += len(batch)
        # One block a batch, so that each batch goes to whichever actor is free.
        dataset = ray.data.from_items(rows, override_num_blocks=len(rows))
        # Storing in reading order keeps which report is an event's first the local engine's.
        dataset.context.execution_options.preserve_order = True
        dataset.context.enable_progress_bars = False  # the ingest has its own
        with warnings.catch_warnings():
            # Ray 2.60 deprecates map_batches' remote arguments, with no other way yet to set
            # max_restarts: silenced here, to be revisited before Ray 2.64 removes them.
            warnings.filterwarnings("ignore", message=".*ray_remote_args.*deprecated")
            extracted = dataset.map_batches(
                ExtractActor,
                fn_constructor_kwargs={
                    "model": self.settings.spacy_model,
                    "max_chars": self.max_batch_chars,
                    "load_extractor": self.load_extractor,
                },
                batch_size=1,  # a row is a batch: the local engine's, made above
                batch_format="numpy",  # (a column each; numpy itself is not needed)
                # One batch in flight per actor: a batch queued behind a long one on a busy
                # actor would wait there while another actor has nothing left to do (at the end
                # of a window, up to a batch's time of one CPU idle); handing each batch to the
                # first actor that is free costs a few milliseconds against seconds a batch.
                compute=ray.data.ActorPoolStrategy(
                    size=session.actors(len(rows)), max_tasks_in_flight_per_actor=1
                ),
                num_cpus=1,
                # No restarts or retries: an article that crashes its actor would be retried for
                # ever. A failed job refuses what it did not return, and the same ingest run
                # again extracts only that (the rest is skipped as duplicates).
                max_restarts=0,
            )
        stream = _Stream(extracted.iter_rows())
        try:
            async for row in stream:
                for outcome in row_results(row):
                    yield outcome
        finally:
            stream.stop()


_COLOURS = re.compile(r"\x1b\[[0-9;]*m")


def _gist(error: BaseException) -> str:
    """Ray's errors carry whole remote tracebacks: their first line, and the last (the exception
    our code raised there) where it differs, are the reason in one line."""
    text = _COLOURS.sub("", str(error))  # Ray colours the names of its remote processes
    lines = [line.strip() for line in text.splitlines() if line.strip()] or [repr(error)]
    return lines[0] if len(lines) == 1 else f"{lines[0]} ... {lines[-1]}"


def _note(report: IngestReport, kind: str, origin: str, detail: str) -> None:
    if kind == "added":
        report.added.append(origin)
    elif kind == "skipped":
        report.skipped.append(origin)
    else:
        report.refused.append((origin, detail))
        log.warning("refused %s: %s", origin, detail)
