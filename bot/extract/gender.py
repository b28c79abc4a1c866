"""A person's gender as an article tells it, so that "she" is never read as a man.

Only what the text gives counts: an honorific or title in front of a mention ("Mrs May",
"Queen Rania") or a first name that tells (data/first_names.json, built by
scripts/build_first_names.py from a name table of many countries). A name that tells nothing
("Lavrov", "Kim Jong Un", "Jean Asselborn") leaves the person open to either pronoun.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Literal

from spacy.tokens import Doc

from bot.names import fold

Gender = Literal["female", "male"]

HE = frozenset({"he", "him", "his", "himself"})
SHE = frozenset({"she", "her", "hers", "herself"})

_HONORIFICS: dict[str, Gender] = {
    **dict.fromkeys(
        "mrs ms miss madam madame mme lady dame queen princess baroness sheikha begum smt".split(),
        "female",
    ),
    **dict.fromkeys("mr sir lord king prince baron sheikh emir shri".split(), "male"),
}


# Honorifics that are never a word of a name ("Sheikh" may be: Sheikh Hasina).
COURTESY_TITLES = frozenset("mr mrs ms miss madam madame mme dame sir lord lady".split())


@lru_cache(maxsize=1)
def _first_names() -> dict[str, Gender]:
    raw = resources.files("bot.extract").joinpath("data/first_names.json").read_text("utf-8")
    data = json.loads(raw)
    names: dict[str, Gender] = dict.fromkeys(data["female"], "female")
    names.update(dict.fromkeys(data["male"], "male"))
    return names


def is_first_name(word: str) -> bool:
    """A given name many people bear ("Raul", "Hamad"), by the same table (lower-cased)."""
    return word.lower() in _first_names()


def first_name_gender(name: str) -> Gender | None:
    """The gender a full name's first word tells, if it tells one ("Annalena Baerbock")."""
    words = name.replace(".", " ").split()
    if len(words) < 2:
        return None  # a surname alone tells nothing
    return _first_names().get(fold(words[0]))  # the table is in plain letters


def honorific_gender(word: str) -> Gender | None:
    return _HONORIFICS.get(word.lower().rstrip("."))


def person_gender(doc: Doc, name: str, title: str | None, tokens: set[int]) -> Gender | None:
    """What the article tells of a person's gender: an honorific before a mention, a gendered
    title, else the first name. None when nothing tells, or when the signs disagree."""
    signs: set[Gender] = set()
    own_words = set(name.split())
    for i in tokens:
        before = doc[i - 1] if i > 0 else None
        if before is None:
            continue
        if (before.i in tokens or before.text in own_words) and (
            before.lower_.rstrip(".") not in COURTESY_TITLES
        ):
            continue  # "Sheikh Hasina": a word of her own name, no honorific (but "Mrs Okafor")
        if (found := honorific_gender(before.text)) is not None:
            signs.add(found)
    for word in (title or "").split():
        if (found := honorific_gender(word)) is not None:
            signs.add(found)
    if not signs and (found := first_name_gender(name)) is not None:
        signs.add(found)
    return next(iter(signs)) if len(signs) == 1 else None


def pronoun_gender(word: str) -> Gender | None:
    lower = word.lower()
    return "male" if lower in HE else "female" if lower in SHE else None
