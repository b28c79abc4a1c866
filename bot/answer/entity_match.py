"""Forgiving entity names: case, accents, transliterations, typos, a surname alone, US = America."""

from __future__ import annotations

import json
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from bot.extract.countries import country_index
from bot.names import name_key
from bot.store.store import Store

FUZZY_CUTOFF = 85
SURNAME_CUTOFF = 80  # one swapped pair of letters in a six-letter surname scores 83
MIN_PIECE = 3  # letters: the trigram indexes find a piece of three or more
MAX_PIECE = 12  # letters of a piece next to the spot of the typo
SPOTS = 10  # places a typo is looked for in a long name (at every letter in one of up to 20)
TYPO_LIMIT = 200  # aliases read per pair of pieces, the first stored first


@dataclass(frozen=True)
class Known:
    entity_id: int
    name: str
    kind: str
    norm: str


def typo_pieces(norm: str) -> list[tuple[str, str]]:
    """The pairs of pieces (three letters or more each) an alias must contain to be scored against
    a typed name that no index found as it is: the name around each two neighbouring letters (one
    letter wrong, missing or extra there, or two swapped, and the rest as typed: the alias may hold
    more around it, as the fuzzy score's partial match allows) and, in a name of several words, the
    words around each word (one word misspelt, missing or extra). A name of more than 2 * SPOTS
    letters has about SPOTS spots, each one letter wider than the step between them (so any two
    neighbouring letters still lie inside one), and each piece keeps the MAX_PIECE letters next
    to its spot: a long name reads no more pairs than a name of 20 letters, and its pieces still
    pick out few aliases. A name too short for any piece is looked for whole, inside longer
    aliases. A pair of one piece repeats it."""
    pairs: list[tuple[str, str]] = []

    def add(before: str, after: str) -> None:
        pieces = dict.fromkeys((before[-MAX_PIECE:].strip(), after[:MAX_PIECE].strip()))
        kept = [p for p in pieces if len(p) >= MIN_PIECE]
        if kept and (pair := (kept[0], kept[-1])) not in pairs:
            pairs.append(pair)

    step = max(1, (len(norm) - 1) // SPOTS)
    for i in range(0, len(norm) - 1, step):
        add(norm[:i], norm[i + step + 1 :])
    words = norm.split(" ")
    for j in range(len(words) if len(words) > 1 else 0):
        add(" ".join(words[:j]), " ".join(words[j + 1 :]))
    if not pairs:
        add(norm, "")
    return pairs


def word_runs(norm: str) -> list[str]:
    """The runs of neighbouring words of a typed name shorter than the name ('foreign ministy of
    russia': 'russia', 'of russia', 'foreign', ...): a name stored as one of them is a candidate,
    as the fuzzy score's partial and token-set matches found a stored name inside a typed one."""
    words = norm.split(" ")
    runs = (" ".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, len(words) + 1))
    return [run for run in dict.fromkeys(runs) if run != norm]


class EntityMatcher:
    """Matches typed names against the entity aliases in the store, through its indexes only.

    A name spelt as stored, a surname alone and a country by any of its names are read from the
    store's indexes, each the lowest entity id (migration 0013). A typo reads the aliases that
    contain pieces of what was typed (`typo_pieces`; a trigram index, migration 0015: FTS5 on
    SQLite, pg_trgm on PostgreSQL), at most TYPO_LIMIT per pair of pieces, and the names stored as
    runs of its words (`word_runs`), and scores only those as
    the whole vocabulary used to be scored (rapidfuzz's WRatio, FUZZY_CUTOFF; a single word then
    against the candidates' surnames, SURNAME_CUTOFF; ties to the name stored first). So no answer
    loads the archive's vocabulary, and what was ingested a moment ago is found at once.
    """

    def __init__(self, store: Store) -> None:
        self.store = store

    async def _look_up(self, norm: str, typed: str) -> Known | None:
        """The entity by its name as typed, a surname or a country, from the store's indexes;
        None when only a typo's search could find it."""
        sql, read = self.store.sql, self.store.backend.read
        found = await self._first(sql.ENTITY_BY_NORM, norm)
        if found is None and " " not in norm:  # a surname key is one word
            found = await self._first(sql.ENTITY_BY_SURNAME, norm)
        if found is not None:
            return found
        country = country_index().match(typed)
        if country is not None:
            key = name_key(country.country.name)
            for row in await read(sql.COUNTRY_ENTITIES_BY_NORM, {"norm": key}):
                if name_key(row[1]) == key:
                    return Known(row[0], row[1], row[2], row[3])
        return None

    async def _first(self, query: str, norm: str) -> Known | None:
        rows = await self.store.backend.read(query, {"norm": norm})
        return Known(rows[0][0], rows[0][1], rows[0][2], rows[0][3]) if rows else None

    async def _typo(self, norm: str) -> Known | None:
        """The best alias among those holding pieces of a typed name, scored as before: WRatio
        over the candidates' distinct names in the order the whole vocabulary had (the entity
        that first had it, then the name), the first best on a tie; for a single word, then
        fuzz.ratio over their persons' surnames. The entity is the lowest id with that name or
        surname, as a name typed right gives."""
        sql, read = self.store.sql, self.store.backend.read
        first_seen: dict[str, tuple[int, str]] = {}  # a name -> (its lowest entity id, name)
        surnames: dict[str, tuple[int, str]] = {}  # a person's last word -> (id, alias) first seen
        reads = []
        if pairs := typo_pieces(norm):
            firsts, seconds = (json.dumps(pieces) for pieces in zip(*pairs, strict=True))
            params = {"firsts": firsts, "seconds": seconds, "limit": TYPO_LIMIT}
            reads.append((sql.ENTITY_TYPO_CANDIDATES, params))
        if runs := word_runs(norm):  # names inside the typed one: scored (partly) as before
            reads.append((sql.ENTITY_TYPO_WORDS, {"norms": json.dumps(runs), "limit": TYPO_LIMIT}))
        for query, params in reads:
            for entity_id, kind, alias in await read(query, params):
                seen = (entity_id, alias)
                _keep_first(first_seen, alias, seen)
                if kind == "person" and " " in alias:
                    _keep_first(surnames, alias.rsplit(" ", 1)[1], seen)
        choices = sorted(first_seen, key=first_seen.__getitem__)
        found = process.extractOne(norm, choices, scorer=fuzz.WRatio, score_cutoff=FUZZY_CUTOFF)
        if found is not None:
            return await self._first(sql.ENTITY_BY_NORM, found[0])
        if " " in norm:
            return None
        choices = sorted(surnames, key=surnames.__getitem__)
        found = process.extractOne(norm, choices, scorer=fuzz.ratio, score_cutoff=SURNAME_CUTOFF)
        if found is not None:
            return await self._first(sql.ENTITY_BY_SURNAME, found[0])
        return None

    async def match(self, typed: str) -> Known | None:
        """The best entity for a typed name, or None when nothing is close enough."""
        norm = name_key(typed).removeprefix("the ")
        if not norm:
            return None
        return await self._look_up(norm, typed) or await self._typo(norm)


def _keep_first(table: dict[str, tuple[int, str]], key: str, seen: tuple[int, str]) -> None:
    known = table.get(key)
    if known is None or seen < known:
        table[key] = seen
