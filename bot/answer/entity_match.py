"""Forgiving entity names: case, accents, transliterations, typos, a surname alone, US = America."""

from __future__ import annotations

import gc
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz, process

from bot.extract.countries import country_index
from bot.names import name_key
from bot.store.store import Store

FUZZY_CUTOFF = 85
SURNAME_CUTOFF = 80  # one swapped pair of letters in a six-letter surname scores 83
LOAD_CHUNK = 20_000  # entities per read of the first load


@dataclass(frozen=True)
class Known:
    entity_id: int
    name: str
    kind: str
    norm: str


class EntityMatcher:
    """Matches typed names against every entity alias in the store.

    Until a name needs the whole vocabulary (a typo, or `known_names`), names are looked up in
    the store's indexes: the typed name's normalised form, a surname, a country's own entity,
    each the lowest entity id as the cache would give it. So the first question after a start
    costs a few indexed reads, not a load of every alias of the archive (seconds at a million
    articles). Once loaded, the aliases are cached; each lookup first reads a cheap change mark
    (two indexed maxima) and reloads only the entities added or updated since, so its cost
    follows what was ingested since the last question, not the size of the archive.
    """

    def __init__(self, store: Store) -> None:
        self.store = store
        self._by_id: dict[int, list[Known]] = {}  # in entity id order, aliases by norm
        # By key, then by entity id: dropping one entity's entries does not walk a list shared
        # by thousands (a common surname), and the lowest id is the one a name means.
        self._by_norm: dict[str, dict[int, Known]] = {}
        self._by_surname: dict[str, dict[int, list[Known]]] = {}
        # Country entities by their name's key, each with its first alias (by norm).
        self._countries: dict[str, dict[int, Known]] = {}
        self._known_cache: list[Known] | None = None
        # Each normalised name and the entity a fuzzy match on it gives (the last in id order),
        # kept until the vocabulary changes: built anew for every typo it cost 0.26 s at
        # 1,000,000 articles, as much as the fuzzy match itself.
        self._choices_cache: dict[str, Known] | None = None
        self._mark: tuple[int, str] = (-1, "")

    @property
    def _known(self) -> list[Known]:
        if self._known_cache is None:
            self._known_cache = [k for knowns in self._by_id.values() for k in knowns]
        return self._known_cache

    @property
    def _choices(self) -> dict[str, Known]:
        if self._choices_cache is None:
            self._choices_cache = {k.norm: k for k in self._known}
        return self._choices_cache

    async def refresh(self) -> None:
        mark = await self.store.entity_names_mark()
        if mark == self._mark:
            return
        sql, read = self.store.sql, self.store.backend.read
        if self._mark == (-1, ""):
            await self._load_all()
            self._mark = mark
            return
        params = {"alias_rowid": self._mark[0], "updated_at": self._mark[1]}
        rows = await read(sql.ENTITY_NAMES_CHANGED, params)
        changed: dict[int, list[Known]] = {}
        for r in rows:
            changed.setdefault(r[0], []).append(Known(r[0], r[1], r[2], r[4]))
        for entity_id, knowns in changed.items():
            self._unindex(entity_id, self._by_id.get(entity_id, []))
            self._by_id[entity_id] = knowns
            for known in knowns:
                self._index(known)
        self._known_cache = self._choices_cache = None
        self._mark = mark

    async def _load_all(self) -> None:
        """The first load: every alias, read LOAD_CHUNK entities at a time (other answers on the
        same connection run in between, and no read leaves a huge result behind), into empty
        tables as `_index` would put them. Rows stay as the store reads them (id, name, kind,
        alias, norm): no dict per alias."""
        sql, read = self.store.sql, self.store.backend.read
        self._by_id, self._by_norm, self._by_surname, self._countries = {}, {}, {}, {}
        self._known_cache = self._choices_cache = None
        last = (await read(sql.MAX_ENTITY_ID))[0][0]
        for after in range(0, last, LOAD_CHUNK):
            rows = await read(sql.ENTITY_NAMES_RANGE, {"after": after, "upto": after + LOAD_CHUNK})
            # Many new objects, none of them in a cycle: the cyclic collector would walk the
            # growing heap again and again (half the load's time at a million articles). It waits
            # while they are put in place (no await in between); then they join the long-lived
            # objects it no longer walks (bot.memory.settle_long_lived_objects does the same at
            # start), or a full collection in some later answer would walk them all.
            collecting = gc.isenabled()
            gc.disable()
            try:
                self._add(rows)
                gc.freeze()
            finally:
                if collecting:
                    gc.enable()
        # Lists built from a part of the load (by an answer that ran between two chunks) go.
        self._known_cache = self._choices_cache = None

    def _add(self, rows: Sequence[Any]) -> None:
        """Aliases of entities not yet in the tables, in entity id order: `_index` in one loop."""
        by_id, by_norm, by_surname = self._by_id, self._by_norm, self._by_surname
        for entity_id, name, kind, _alias, norm in rows:
            known = Known(entity_id, name, kind, norm)
            knowns = by_id.get(entity_id)
            if knowns is None:
                by_id[entity_id] = [known]
            else:
                knowns.append(known)
            entries = by_norm.get(norm)
            if entries is None:
                by_norm[norm] = {entity_id: known}
            else:
                entries[entity_id] = known
            if kind == "person" and " " in norm:
                surname = norm.rsplit(" ", 1)[1]
                by_surname.setdefault(surname, {}).setdefault(entity_id, []).append(known)
            elif kind == "country":
                self._countries.setdefault(name_key(name), {}).setdefault(entity_id, known)

    def _index(self, known: Known) -> None:
        self._by_norm.setdefault(known.norm, {})[known.entity_id] = known
        if known.kind == "person" and " " in known.norm:
            surname = known.norm.rsplit(" ", 1)[1]
            self._by_surname.setdefault(surname, {}).setdefault(known.entity_id, []).append(known)
        if known.kind == "country":
            self._countries.setdefault(name_key(known.name), {}).setdefault(known.entity_id, known)

    def _unindex(self, entity_id: int, knowns: list[Known]) -> None:
        """Drop an entity's entries."""
        keyed: list[tuple[dict[str, Any], str]] = []
        for k in knowns:
            keyed.append((self._by_norm, k.norm))
            if k.kind == "person" and " " in k.norm:
                keyed.append((self._by_surname, k.norm.rsplit(" ", 1)[1]))
            if k.kind == "country":
                keyed.append((self._countries, name_key(k.name)))
        for table, key in keyed:
            entries = table.get(key)
            if entries is not None:
                entries.pop(entity_id, None)
                if not entries:
                    del table[key]

    @property
    def loaded(self) -> bool:
        """Whether every alias has been loaded (the first typo or `known_names` loads them)."""
        return self._mark != (-1, "")

    async def _look_up(self, norm: str, typed: str) -> Known | None:
        """What the loaded tables below would find by name, surname or country, from the
        store's indexes; None when only a fuzzy match could find it."""
        sql, read = self.store.sql, self.store.backend.read
        for query in (sql.ENTITY_BY_NORM, sql.ENTITY_BY_SURNAME):
            if query is sql.ENTITY_BY_SURNAME and " " in norm:
                break  # a surname key is one word
            rows = await read(query, {"norm": norm})
            if rows:
                return Known(rows[0][0], rows[0][1], rows[0][2], rows[0][3])
        country = country_index().match(typed)
        if country is not None:
            key = name_key(country.country.name)
            for row in await read(sql.COUNTRY_ENTITIES_BY_NORM, {"norm": key}):
                if name_key(row[1]) == key:
                    return Known(row[0], row[1], row[2], row[3])
        return None

    async def match(self, typed: str) -> Known | None:
        """The best entity for a typed name, or None when nothing is close enough."""
        norm = name_key(typed)
        norm = norm.removeprefix("the ")
        if not norm:
            return None
        if not self.loaded:
            indexed = await self._look_up(norm, typed)
            if indexed is not None:
                return indexed
        await self.refresh()
        if norm in self._by_norm:
            return _most_mentioned(self._by_norm[norm])
        if norm in self._by_surname:
            return _most_mentioned(self._by_surname[norm])
        country = country_index().match(typed)
        if country is not None:
            entities = self._countries.get(name_key(country.country.name))
            if entities:
                return entities[min(entities)]
        choices = self._choices
        found = process.extractOne(
            norm, choices.keys(), scorer=fuzz.WRatio, score_cutoff=FUZZY_CUTOFF
        )
        if found is None and " " not in norm:
            found = process.extractOne(
                norm, self._by_surname.keys(), scorer=fuzz.ratio, score_cutoff=SURNAME_CUTOFF
            )
            if found is not None:
                return _most_mentioned(self._by_surname[found[0]])
        return choices[found[0]] if found else None

    async def known_names(self) -> list[tuple[str, str]]:
        """(name, kind) of every entity, from the cache."""
        await self.refresh()
        return sorted({(k.name, k.kind) for k in self._known})


def _most_mentioned(candidates: dict[int, Known] | dict[int, list[Known]]) -> Known:
    # Ties are rare (two people sharing a surname); the first stored is the earliest seen.
    first = candidates[min(candidates)]
    return first[0] if isinstance(first, list) else first
