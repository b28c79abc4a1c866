"""Chat autocomplete: what a partly typed query may become.

The command table's examples first, then "what did <person> say" and the names of known entities,
each list those starting with what was typed before those holding it further in; letters are
compared as name keys compare them (case, accents and punctuation aside). Names come from the
store's indexes a page at a time (a range of the alias index, the trigram index for the rest), so
a keystroke costs the same at any size of archive and a name ingested a moment ago is offered at
once.
"""

from __future__ import annotations

import re

from bot.answer.commands import examples
from bot.names import fold, name_key
from bot.store.store import Store

ASK_PERSON = "what did {} say"
_ASK_OPENING = ASK_PERSON.split("{}")[0]  # "what did "
# A last word may be cut short where the transliteration folds of name keys change it: "serge"
# may become "sergy" ("Sergei"), "alek" "alex" ("Aleksandr"), "mik" "mih" ("Mikhail").
_CUT_ENDINGS = {"e": ("y",), "i": ("y",), "k": ("x", "h")}
READ_PER_SHOWN = 4  # rows read for each suggestion shown: an entity comes once per alias matched


def _prefix_keys(typed: str) -> list[str]:
    """The name keys a stored name starting with `typed` may start with: its own key and, when
    its last letter may open a transliterated ending, the key with that ending folded."""
    key = name_key(typed)
    keys = [key]
    for ending in _CUT_ENDINGS.get(key[-1:], ()):
        keys.append(key[:-1] + ending)
    return keys


def _asked_names(typed: str) -> list[str] | None:
    """What the name in "what did <name> say" may start with, for each way `typed` can be read;
    None when `typed` cannot become such a question."""
    if _ASK_OPENING.startswith(typed):
        return [""]
    if not typed.startswith(_ASK_OPENING):
        return None
    rest = typed[len(_ASK_OPENING) :]
    # "what did anna lind s": the name may already be whole, and "s" the start of "say"
    whole = re.sub(r" s(?:ay?)?$", "", rest)
    return list(dict.fromkeys([rest, whole]))


def _starts(candidate: str, typed: str, keys: list[str]) -> bool:
    return fold(candidate).startswith(typed) or any(
        name_key(candidate).startswith(k) for k in keys if k
    )


async def suggest(store: Store, prefix: str, limit: int = 25) -> list[str]:
    """Up to `limit` completions of `prefix`, in the order described above."""
    typed = fold(prefix)
    if prefix.strip() and not typed:
        return []  # only punctuation: nothing a command or a name starts with
    read = limit * READ_PER_SHOWN
    commands = examples()
    people: list[str] = []
    for start in _asked_names(typed) or []:
        for key in _prefix_keys(start):
            found = await store.names_starting(key, read, kind="person")
            people += [ASK_PERSON.format(name) for name, _ in found]
    keys = _prefix_keys(typed)
    names = [name for key in keys for name, _ in await store.names_starting(key, read)]
    holding: list[tuple[str, str]] = []
    if typed:
        holding = await store.names_containing(name_key(typed), read)
    asked_holding = [ASK_PERSON.format(n) for n, kind in holding if kind == "person"]
    candidates = [*commands, *people, *asked_holding, *names, *(n for n, _ in holding)]
    starts = [c for c in candidates if _starts(c, typed, keys)]
    inside = [c for c in candidates if typed in fold(c) or name_key(typed) in name_key(c)]
    return list(dict.fromkeys(starts + inside))[:limit]
