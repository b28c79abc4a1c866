"""Name keys: one spelling for the variants of a name (case, accents, common transliterations)."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Countries whose people are written family name first in English news ("Kishida Fumio",
# "Xi Jinping"); elsewhere a reversed name is usually another person ("Hussein Fuad").
FAMILY_NAME_FIRST = frozenset({"CHN", "JPN", "KOR", "PRK", "TWN", "HKG", "MAC", "VNM"})

_NON_WORD = re.compile(r"[^\w\s]")
_SPACES = re.compile(r"\s+")
# Romanisations of Russian and Ukrainian names differ mostly in these endings and clusters:
# Sergei/Sergey, Dmitriy/Dmitry, Zelenskiy/Zelensky/Zelenskyy, Aleksandr/Alexander.
_TRANSLIT = (
    (re.compile(r"(?<=\w)(ei|ey|iy|yy|ij)\b"), "y"),
    (re.compile(r"ks"), "x"),
    (re.compile(r"kh"), "h"),
    (re.compile(r"(?<=\w)ii\b"), "y"),
)


@lru_cache(maxsize=4096)  # the store folds each stored candidate again for every new statement
def fold(text: str) -> str:
    """Lower-case, accents removed, punctuation dropped, spaces collapsed."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = (
        decomposed
        if decomposed.isascii()
        else "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    )
    plain = _NON_WORD.sub(" ", plain.casefold().replace("'s", "").replace("\u2019s", ""))
    return _SPACES.sub(" ", plain).strip()


def name_key(text: str) -> str:
    """`fold` plus transliteration folding, so Sergei Lavrov and Sergey Lavrov share a key."""
    key = fold(text)
    for pattern, replacement in _TRANSLIT:
        key = pattern.sub(replacement, key)
    return key
