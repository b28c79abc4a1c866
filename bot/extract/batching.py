"""Memory-bounded work for the spaCy pipeline: batches bounded by size, long texts in pieces.

spaCy's working memory while it runs a batch grows with the number of tokens in the batch (about
15 KB a token with `en_core_web_sm`: the tok2vec layers run over the whole batch at once), not with
the number of texts. Sixteen ordinary articles in one batch took 350 MB; sixteen long ones, or one
1 MB transcript, would take gigabytes. So batches are bounded by characters as well as by count,
and a text longer than the bound is run in pieces cut at paragraph breaks and joined back into one
`Doc` (same text, same offsets). The bound is a trade: spaCy alone runs as fast in batches of 4
articles as of 16, but inside an ingest every extra batch is another hand-over between the
extraction thread and the storage thread, and at 20,000 characters the full ingest was about 15 %
slower than at 60,000 (BENCHMARKS.md).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")

MAX_BATCH_CHARS = 60_000  # about 11,000 tokens: about 175 MB of spaCy working memory
# A long-running bot's occasional feed pass: memory matters more than the last 15 % of speed.
SMALL_BATCH_CHARS = 20_000  # about 60 MB

# Where a long text may be cut, best first: after a blank line, a line break, a sentence end,
# any whitespace. A cut always falls after whitespace, so the pieces' own tokenisation matches
# the whole text's and joining them gives back the text character for character.
_CUT_AFTER = (
    re.compile(r"\n[ \t]*\n\s*"),
    re.compile(r"\n\s*"),
    re.compile(r"[.!?][\"'”’)]*\s+"),
    re.compile(r"\s+"),
)
_WHITESPACE = re.compile(r"\s*")


def split_text(text: str, max_chars: int = MAX_BATCH_CHARS) -> list[str]:
    """`text` in pieces whose concatenation is `text`, each cut at the best break in the second half
    of its window of `max_chars`. A piece is longer only by the rest of a run of whitespace it ends
    in (never split) and shorter than the window unless no whitespace allows a cut."""
    pieces: list[str] = []
    start = 0
    while len(text) - start > max_chars:
        end = _best_cut(text, start, start + max_chars)
        pieces.append(text[start:end])
        start = end
    if start < len(text) or not pieces:
        pieces.append(text[start:])
    return pieces


def _best_cut(text: str, start: int, limit: int) -> int:
    """The end of the last break in text[start:limit] past its middle, by the order of
    `_CUT_AFTER`."""
    middle = start + (limit - start) // 2
    for pattern in _CUT_AFTER:
        ends = [m.end() for m in pattern.finditer(text, middle, limit)]
        if ends:
            run = _WHITESPACE.match(text, ends[-1])  # finish a run the window stopped inside
            return run.end() if run else ends[-1]
    return limit  # one unbroken run of characters: cut it anyway rather than exceed the bound


def pack(
    items: Iterable[T], size: Callable[[T], int], max_count: int, max_size: int
) -> Iterator[list[T]]:
    """Consecutive items in batches of at most `max_count` items and `max_size` total size; an
    item bigger than `max_size` gets a batch of its own."""
    batch: list[T] = []
    total = 0
    for item in items:
        n = size(item)
        if batch and (len(batch) >= max_count or total + n > max_size):
            yield batch
            batch, total = [], 0
        batch.append(item)
        total += n
    if batch:
        yield batch
