"""Quotation spans in raw text: straight and curly marks, quotes running over paragraphs.

Never raises: unbalanced or odd marks end at the paragraph break and the text is still read.
"""

from __future__ import annotations

from dataclasses import dataclass

OPENERS = {"\u201c": "\u201d", "\u201e": "\u201d", "\u00ab": "\u00bb", '"': '"'}
CLOSERS = {"\u201d", "\u00bb", '"'}


@dataclass(frozen=True)
class QuoteSpan:
    start: int  # index of the opening mark
    end: int  # index just after the closing mark (or the paragraph end when unclosed)

    @property
    def inner(self) -> tuple[int, int]:
        return self.start + 1, self.end - 1 if self.end - 1 > self.start else self.end


def _opens(text: str, i: int) -> bool:
    """A straight quote opens when it follows a space, a line start or an opening bracket."""
    return i == 0 or text[i - 1] in " \t\n\r([{—–-:" or not text[i - 1].isalnum() and text[i - 1] not in ".,!?;"


def find_quotes(text: str) -> list[QuoteSpan]:
    spans: list[QuoteSpan] = []
    i, n = 0, len(text)
    open_at: int | None = None
    closer = ""
    while i < n:
        ch = text[i]
        if open_at is None:
            if ch in OPENERS and (ch != '"' or _opens(text, i)):
                open_at, closer = i, OPENERS[ch]
        elif ch == closer or (ch in CLOSERS and closer != '"' and ch != '"'):
            spans.append(QuoteSpan(open_at, i + 1))
            open_at = None
        elif ch == "\n":
            # News style: a quote running on to the next paragraph leaves this one unclosed and
            # reopens the next; otherwise the mark was stray and the quote ends here.
            j = i
            while j < n and text[j] in "\n\r \t":
                j += 1
            if j < n and text[j] in OPENERS:
                i = j
            elif j >= n or text[j] not in OPENERS:
                spans.append(QuoteSpan(open_at, i + 1 if i > open_at + 1 else i))
                open_at = None
        i += 1
    if open_at is not None and n - open_at > 1:
        spans.append(QuoteSpan(open_at, n))
    return [s for s in spans if s.end - s.start > 2]


def quoted_fraction(start: int, end: int, quotes: list[QuoteSpan]) -> float:
    """The share of letters in text[start:end] that lie inside quotation marks."""
    if end <= start:
        return 0.0
    inside = 0
    for q in quotes:
        lo, hi = max(start, q.start), min(end, q.end)
        if hi > lo:
            inside += hi - lo
    return min(1.0, inside / (end - start))
