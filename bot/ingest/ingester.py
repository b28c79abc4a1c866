"""Ingest: targets (files, folders, URLs, feeds) -> articles -> facts -> one transaction each.

Articles stream through in batches so memory stays flat however many there are; spaCy runs in a
worker thread (or, with `workers` > 1, in worker processes) so an event loop serving chat commands
is never blocked by extraction. Extraction runs ahead of storage by a bounded number of batches:
the next batch is parsed while the previous one is written, and at most `workers + 1` batches are
in flight.
"""

from __future__ import annotations

import asyncio
import logging
from collections import deque
from collections.abc import AsyncIterator, Callable, Sequence
from pathlib import Path

from bot.config import Settings
from bot.extract.batching import MAX_BATCH_CHARS
from bot.extract.extractor import BATCH_SIZE, Extractor, ExtractRequest
from bot.ingest.article import Article
from bot.ingest.parallel import ProcessExtraction, Result, ThreadExtraction
from bot.ingest.readers import ArticleError, find_article_files, read_article
from bot.ingest.report import IngestReport
from bot.store.store import Store

log = logging.getLogger("briefbot.ingest")

OnResult = Callable[[str, str, str], None]  # (added|skipped|refused, origin, detail)


def is_url(target: str | Path) -> bool:
    return isinstance(target, str) and target.lower().startswith(("http://", "https://"))


class Ingester:
    def __init__(
        self,
        store: Store,
        extractor: Extractor | None,
        settings: Settings,
        *,
        workers: int = 1,
        max_batch_chars: int = MAX_BATCH_CHARS,
    ) -> None:
        """`extractor` is used with one worker; with several, each process loads its own model.
        `max_batch_chars` bounds spaCy's batches, and so its working memory."""
        if workers <= 1 and extractor is None:
            raise ValueError("one-process ingest needs an extractor")
        self.store = store
        self.extractor = extractor
        self.settings = settings
        self.workers = max(1, workers)
        self.max_batch_chars = max_batch_chars

    def _extraction(self) -> ThreadExtraction | ProcessExtraction:
        if self.workers > 1:
            return ProcessExtraction(self.settings.spacy_model, self.workers, self.max_batch_chars)
        assert self.extractor is not None
        return ThreadExtraction(self.extractor, self.max_batch_chars)

    async def ingest(
        self, targets: Sequence[str | Path], *, on_result: OnResult | None = None
    ) -> IngestReport:
        """Read every target (files, folders, page and feed URLs) and store what is new."""
        return await self.ingest_items(read_targets(targets, self.settings), on_result=on_result)

    async def ingest_items(
        self, items: AsyncIterator[Article | tuple[str, str]], *, on_result: OnResult | None = None
    ) -> IngestReport:
        """Store the articles `items` yields (an (origin, reason) pair is a refusal)."""
        report = IngestReport()

        def note(kind: str, origin: str, detail: str = "") -> None:
            if kind == "added":
                report.added.append(origin)
            elif kind == "skipped":
                report.skipped.append(origin)
            else:
                report.refused.append((origin, detail))
                log.warning("refused %s: %s", origin, detail)
            if on_result:
                on_result(kind, origin, detail)

        extraction = self._extraction()
        in_flight: deque[tuple[list[Article], asyncio.Task[list[Result]]]] = deque()

        def start(batch: list[Article]) -> None:
            requests = [ExtractRequest(a.origin, a.text, a.published, a.title) for a in batch]
            in_flight.append((batch, asyncio.create_task(extraction.run(requests))))

        try:
            async for batch in new_batches(items, self.store, note):
                start(batch)
                while len(in_flight) > self.workers:
                    await self._store_batch(*in_flight.popleft(), note)
            while in_flight:
                await self._store_batch(*in_flight.popleft(), note)
        finally:
            for _, task in in_flight:
                task.cancel()
            await asyncio.to_thread(extraction.close)
        return report

    async def _store_batch(
        self, batch: list[Article], extracting: asyncio.Task[list[Result]], note: OnResult
    ) -> None:
        results = await extracting
        for article, result in zip(batch, results, strict=True):
            await store_result(self.store, article, result, note)


async def new_batches(
    items: AsyncIterator[Article | tuple[str, str]], store: Store, note: OnResult
) -> AsyncIterator[list[Article]]:
    """The articles not stored before, in extraction batches of BATCH_SIZE; refusals and
    duplicates are noted on the way, before any extraction (shared by every engine)."""
    batch: list[Article] = []
    async for item in items:
        if isinstance(item, tuple):
            note("refused", *item)
            continue
        if await store.find_duplicate(item):
            note("skipped", item.origin or item.title, "duplicate")
            continue
        batch.append(item)
        if len(batch) >= BATCH_SIZE:
            yield batch
            batch = []
    if batch:
        yield batch


async def read_targets(
    targets: Sequence[str | Path], settings: Settings
) -> AsyncIterator[Article | tuple[str, str]]:
    """Articles one at a time, or (origin, reason) for what cannot be read (shared by every
    extraction engine, so that all of them refuse the same files for the same reasons)."""
    for target in targets:
        if is_url(target):
            from bot.ingest.fetch import fetch_articles

            async for item in fetch_articles(str(target), settings):
                yield item
            continue
        path = Path(target)
        if not path.exists():
            yield (str(path), "no such file or folder")
            continue
        for file in find_article_files(path):
            try:
                yield await asyncio.to_thread(read_article, file, settings.max_article_bytes)
            except ArticleError as error:
                yield (str(file), str(error))
            except Exception as error:  # a reader bug refuses that one file, not the batch
                log.debug("cannot read %s", file, exc_info=True)  # the refusal says why
                yield (str(file), f"cannot read: {type(error).__name__}: {error}")


async def store_result(store: Store, article: Article, result: Result, note: OnResult) -> None:
    """Store one article's facts in one transaction, or refuse it if its extraction failed."""
    origin = article.origin or article.title
    if isinstance(result, Exception):
        note("refused", origin, f"extraction failed: {result}")
        return
    if await store.save(article, result) is None:
        note("skipped", origin, "duplicate")
    else:
        note("added", origin, f"{len(result.statements)} statements, {len(result.events)} events")
