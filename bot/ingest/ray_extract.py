"""The Ray side of `briefbot ingest --engine ray`: the actor that extracts facts, and the tables
that carry articles to it and facts back.

Ray Data hands each actor one block at a time; the driver makes every block one of the local
engine's batches (at most `BATCH_SIZE` articles, in reading order), so spaCy sees the same texts
together on both engines and the facts stored are the same.

This module is imported on Ray's workers and by the driver, but only when the ray engine runs:
pyarrow (a dependency of Ray Data) is imported inside the functions, because a plain install of
Briefbot has neither and every module must still import.
"""

from __future__ import annotations

import pickle
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from bot.extract.batching import MAX_BATCH_CHARS
from bot.extract.extractor import Extractor, ExtractRequest
from bot.facts import Extraction

if TYPE_CHECKING:
    import pyarrow as pa  # type: ignore[import-untyped]  # no stubs

LoadExtractor = Callable[[str], Extractor]

REQUEST_COLUMNS = ("index", "id", "text", "published", "title")
RESULT_COLUMNS = ("index", "facts", "error")


@dataclass(frozen=True)
class IndexedResult:
    """One article's outcome: its position in the window, and its facts or why there are none."""

    index: int
    facts: Extraction | None
    error: str | None


def requests_table(first_index: int, requests: Sequence[ExtractRequest]) -> pa.Table:
    """One block of the Ray dataset: a batch of requests numbered from `first_index`."""
    import pyarrow as pa

    return pa.table(
        {
            "index": pa.array(range(first_index, first_index + len(requests)), pa.int64()),
            "id": pa.array([r.id for r in requests], pa.string()),
            "text": pa.array([r.text for r in requests], pa.large_string()),
            "published": pa.array([r.published for r in requests], pa.string()),
            "title": pa.array([r.title for r in requests], pa.string()),
        }
    )


def table_requests(table: pa.Table) -> tuple[list[int], list[ExtractRequest]]:
    columns = {name: table.column(name).to_pylist() for name in REQUEST_COLUMNS}
    requests = [
        ExtractRequest(id=i, text=t, published=p, title=h)
        for i, t, p, h in zip(
            columns["id"], columns["text"], columns["published"], columns["title"], strict=True
        )
    ]
    return columns["index"], requests


def results_table(indexes: Sequence[int], results: Sequence[Extraction | Exception]) -> pa.Table:
    """Facts travel pickled: they are our own dataclasses, from our own workers, read once by the
    driver that started them (a Ray cluster runs whatever code its clients send anyway)."""
    import pyarrow as pa

    facts: list[bytes | None] = []
    errors: list[str | None] = []
    for result in results:
        if isinstance(result, Exception):
            facts.append(None)
            errors.append(str(result) or type(result).__name__)
        else:
            facts.append(pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))
            errors.append(None)
    return pa.table(
        {
            "index": pa.array(indexes, pa.int64()),
            "facts": pa.array(facts, pa.large_binary()),
            "error": pa.array(errors, pa.string()),
        }
    )


def table_results(table: pa.Table) -> list[IndexedResult]:
    columns: dict[str, list[Any]] = {n: table.column(n).to_pylist() for n in RESULT_COLUMNS}
    return [
        IndexedResult(index, pickle.loads(facts) if facts is not None else None, error)
        for index, facts, error in zip(
            columns["index"], columns["facts"], columns["error"], strict=True
        )
    ]


class ExtractActor:
    """A Ray Data callable class: Ray makes one per actor, so the spaCy pipeline loads once per
    actor and then serves every batch that actor is handed."""

    def __init__(
        self,
        model: str,
        max_chars: int = MAX_BATCH_CHARS,
        load_extractor: LoadExtractor = Extractor.load,
    ) -> None:
        self.extractor = load_extractor(model)
        self.max_chars = max_chars

    def __call__(self, batch: pa.Table) -> pa.Table:
        indexes, requests = table_requests(batch)
        results: list[Extraction | Exception]
        try:
            results = list(self.extractor.extract_many(requests, max_chars=self.max_chars))
        except Exception as error:
            # extract_many already isolates each article; should anything else fail, the batch's
            # articles are refused rather than the whole Ray job failing, and the rest goes on.
            results = [error] * len(requests)
        return results_table(indexes, results)
