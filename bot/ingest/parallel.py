"""Extraction off the event loop: in a worker thread (one process), or in worker processes.

Either way the caller gets one result per request, in order, and a request that fails gives a
`RuntimeError` with its message instead of facts. Only the main process writes to the database.
"""

from __future__ import annotations

import asyncio
import multiprocessing
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

from bot.extract.batching import MAX_BATCH_CHARS
from bot.extract.extractor import Extractor, ExtractRequest
from bot.facts import Extraction

Result = Extraction | Exception

_worker_extractor: Extractor | None = None  # one per worker process, loaded once


def _load_worker(model: str) -> None:
    global _worker_extractor
    _worker_extractor = Extractor.load(model)


def _extract_in_worker(requests: Sequence[ExtractRequest], max_chars: int) -> list[Result]:
    assert _worker_extractor is not None, "worker not initialised"
    # Exceptions travel back as plain RuntimeErrors: any exception type may not pickle.
    return [
        RuntimeError(str(r)) if isinstance(r, Exception) else r
        for r in _worker_extractor.extract_many(requests, max_chars=max_chars)
    ]


class ThreadExtraction:
    """The model in this process; every batch runs in the same single worker thread (one spaCy
    run at a time, and one malloc arena for its buffers rather than one per pool thread)."""

    def __init__(self, extractor: Extractor, max_chars: int = MAX_BATCH_CHARS) -> None:
        self.extractor = extractor
        self.max_chars = max_chars
        self.thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="briefbot-extract")

    async def run(self, requests: Sequence[ExtractRequest]) -> list[Result]:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(
            self.thread,
            lambda: list(self.extractor.extract_many(requests, max_chars=self.max_chars)),
        )

    def close(self) -> None:
        self.thread.shutdown(wait=True, cancel_futures=True)


class ProcessExtraction:
    """`workers` processes, each loading the model once (spawned: no forked threads or sockets)."""

    def __init__(self, model: str, workers: int, max_chars: int = MAX_BATCH_CHARS) -> None:
        self.max_chars = max_chars
        self.pool = ProcessPoolExecutor(
            max_workers=workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_load_worker,
            initargs=(model,),
        )

    async def run(self, requests: Sequence[ExtractRequest]) -> list[Result]:
        loop = asyncio.get_running_loop()
        try:
            return await loop.run_in_executor(
                self.pool, _extract_in_worker, list(requests), self.max_chars
            )
        except Exception as error:  # a worker died (BrokenProcessPool): every request failed
            return [RuntimeError(f"worker process failed: {error}") for _ in requests]

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)
