"""The Ray side of `briefbot ingest --engine ray`: the actor that extracts facts, and the rows
that carry articles to it and facts back.

Each row of the Ray dataset is one of the local engine's batches (at most `BATCH_SIZE` articles,
in reading order), and each call of the actor extracts one row, so spaCy sees the same texts
together on both engines and the facts stored are the same. Batches and results travel pickled:
they are our own dataclasses, sent by the driver that started the job to the workers it runs on
and back (a Ray cluster runs whatever code its clients send anyway).

This module is imported on Ray's workers and by the driver, and imports nothing of Ray's: a plain
install of Briefbot has no Ray, and every module must still import.
"""

from __future__ import annotations

import pickle
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from bot.extract.batching import MAX_BATCH_CHARS
from bot.extract.extractor import Extractor, ExtractRequest
from bot.facts import Extraction

LoadExtractor = Callable[[str], Extractor]


@dataclass(frozen=True)
class IndexedResult:
    """One article's outcome: its position in the window, and its facts or why there are none."""

    index: int
    facts: Extraction | None
    error: str | None


def batch_row(first_index: int, requests: Sequence[ExtractRequest]) -> dict[str, Any]:
    """One row of the Ray dataset: a whole batch, its articles numbered from `first_index`."""
    return {"first": first_index, "requests": pickle.dumps(list(requests))}


def extract_row(
    extractor: Extractor, first: int, requests: bytes, max_chars: int = MAX_BATCH_CHARS
) -> bytes:
    """A batch's outcomes, pickled, one per article in order."""
    batch: list[ExtractRequest] = pickle.loads(requests)
    results: list[Extraction | Exception]
    try:
        results = list(extractor.extract_many(batch, max_chars=max_chars))
    except Exception as error:
        # extract_many already isolates each article; should anything else fail, the batch's
        # articles are refused rather than the whole Ray job failing, and the rest goes on.
        results = [error] * len(batch)
    outcomes = [
        IndexedResult(first + i, None, str(r) or type(r).__name__)
        if isinstance(r, Exception)  # an error's message, not the error: it may not pickle
        else IndexedResult(first + i, r, None)
        for i, r in enumerate(results)
    ]
    return pickle.dumps(outcomes, protocol=pickle.HIGHEST_PROTOCOL)


def row_results(row: Mapping[str, Any]) -> list[IndexedResult]:
    """What one output row of the Ray dataset carries back."""
    outcomes: list[IndexedResult] = pickle.loads(row["results"])
    return outcomes


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

    def __call__(self, rows: Mapping[str, Iterable[Any]]) -> dict[str, list[Any]]:
        """Rows in Ray Data's "numpy" format (a column each); usually one, a batch."""
        firsts = [int(first) for first in rows["first"]]
        payloads = [bytes(payload) for payload in rows["requests"]]
        return {
            "first": firsts,
            "results": [
                extract_row(self.extractor, first, payload, self.max_chars)
                for first, payload in zip(firsts, payloads, strict=True)
            ],
        }
