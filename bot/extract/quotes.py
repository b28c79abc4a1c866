"""Quotation spans in raw text: straight and curly marks, '' pairs, quotes running over paragraphs.

Never raises: unbalanced or odd marks end at the paragraph break and the text is still read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Two apostrophes stand for a double quote in some wire and archive copy (''It is,'' he said).
_MARK = re.compile(r"''|[\u201c\u201d\u201e\u00ab\u00bb\"]")
_OPEN_ONLY = {"\u201c", "\u201e", "\u00ab"}
_CLOSE_ONLY = {"\u201d", "\u00bb"}
# A symmetric mark opens after these (or at a line start), and closes otherwise.
_BEFORE_OPEN = " \t\n\r([{\u2014\u2013\u2015-:/"


@dataclass(frozen=True)
class QuoteSpan:
    start: int  # index of the opening mark
    end: int  # index just after the closing mark (or the paragraph end when unclosed)
    inner_start: int  # first character inside the marks
    inner_end: int  # just after the last character inside the marks

    @property
    def inner(self) -> tuple[int, int]:
        return self.inner_start, self.inner_end


def _opens(text: str, i: int, mark: str) -> bool:
    if mark in _OPEN_ONLY:
        # A stray opening mark glued to a word ("False.“") is a typo for a closing one.
        return i == 0 or not (text[i - 1].isalnum() or text[i - 1] in ".,!?;")
    if mark in _CLOSE_ONLY:
        return False
    return i == 0 or text[i - 1] in _BEFORE_OPEN


def _next_paragraph_reopens(text: str, newline: int) -> int | None:
    """News style: a quote running on leaves its paragraph unclosed and reopens the next one.

    Returns the index just after the reopening mark, or None when the next paragraph is not quoted.
    """
    j = newline
    while j < len(text) and text[j] in "\n\r \t":
        j += 1
    match = _MARK.match(text, j)
    if match and _opens(text, j, match.group()):
        return match.end()
    return None


def find_quotes(text: str) -> list[QuoteSpan]:
    spans: list[QuoteSpan] = []
    open_at: int | None = None
    open_len = 0
    pos = 0
    while True:
        mark = _MARK.search(text, pos)
        newline = text.find("\n", pos)
        if open_at is not None and newline != -1 and (mark is None or newline < mark.start()):
            reopen = _next_paragraph_reopens(text, newline)
            if reopen is not None:
                pos = reopen
                continue
            # The mark was stray (or the quote ends with its paragraph): close it here.
            end = newline
            while end > open_at + open_len and text[end - 1] in " \t\r":
                end -= 1
            spans.append(QuoteSpan(open_at, end, open_at + open_len, end))
            open_at = None
            pos = newline + 1
            continue
        if mark is None:
            break
        i, symbol = mark.start(), mark.group()
        if open_at is None:
            if _opens(text, i, symbol):
                open_at, open_len = i, len(symbol)
        elif not (symbol in _OPEN_ONLY and _opens(text, i, symbol)):
            spans.append(QuoteSpan(open_at, mark.end(), open_at + open_len, i))
            open_at = None
        pos = mark.end()
    if open_at is not None and len(text) - open_at > open_len:
        spans.append(QuoteSpan(open_at, len(text), open_at + open_len, len(text)))
    return [s for s in spans if s.inner_end - s.inner_start > 0]


def quoted_fraction(start: int, end: int, quotes: list[QuoteSpan]) -> float:
    """The share of characters in text[start:end] that lie inside quotation marks."""
    if end <= start:
        return 0.0
    inside = 0
    for q in quotes:
        lo, hi = max(start, q.start), min(end, q.end)
        if hi > lo:
            inside += hi - lo
    return min(1.0, inside / (end - start))
