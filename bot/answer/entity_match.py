"""Forgiving entity names: case, accents, transliterations, typos, a surname alone, US = America."""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz, process

from bot.extract.countries import country_index
from bot.names import name_key
from bot.store.store import Store

FUZZY_CUTOFF = 85
SURNAME_CUTOFF = 80  # one swapped pair of letters in a six-letter surname scores 83


@dataclass(frozen=True)
class Known:
    entity_id: int
    name: str
    kind: str
    norm: str


class EntityMatcher:
    """Matches typed names against every entity alias in the store.

    The aliases are cached; each lookup first reads a cheap change mark (two indexed maxima) and
    reloads only the entities added or updated since, so its cost follows what was ingested
    since the last question, not the size of the archive.
    """

    def __init__(self, store: Store) -> None:
        self.store = store
        self._by_id: dict[int, list[Known]] = {}  # in entity id order, aliases by norm
        self._by_norm: dict[str, list[Known]] = {}
        self._by_surname: dict[str, list[Known]] = {}
        self._known_cache: list[Known] | None = None
        self._mark: tuple[int, str] = (-1, "")

    @property
    def _known(self) -> list[Known]:
        if self._known_cache is None:
            self._known_cache = [k for knowns in self._by_id.values() for k in knowns]
        return self._known_cache

    async def refresh(self) -> None:
        mark = await self.store.entity_names_mark()
        if mark == self._mark:
            return
        changed: dict[int, list[Known]] = {}
        for r in await self.store.entity_names_changed(self._mark):
            changed.setdefault(r["id"], []).append(Known(r["id"], r["name"], r["kind"], r["norm"]))
        for entity_id, knowns in changed.items():
            self._unindex(entity_id, self._by_id.get(entity_id, []))
            self._by_id[entity_id] = knowns
            for known in knowns:
                self._index(known)
        self._known_cache = None
        self._mark = mark

    def _index(self, known: Known) -> None:
        self._by_norm.setdefault(known.norm, []).append(known)
        if known.kind == "person" and " " in known.norm:
            self._by_surname.setdefault(known.norm.rsplit(" ", 1)[1], []).append(known)

    def _unindex(self, entity_id: int, knowns: list[Known]) -> None:
        """Drop an entity's entries (filtering by id: a surname may be shared by thousands)."""
        norms = {k.norm for k in knowns}
        surnames = {
            k.norm.rsplit(" ", 1)[1] for k in knowns if k.kind == "person" and " " in k.norm
        }
        for table, keys in ((self._by_norm, norms), (self._by_surname, surnames)):
            for key in keys:
                kept = [k for k in table.get(key, ()) if k.entity_id != entity_id]
                if kept:
                    table[key] = kept
                else:
                    table.pop(key, None)

    async def match(self, typed: str) -> Known | None:
        """The best entity for a typed name, or None when nothing is close enough."""
        await self.refresh()
        norm = name_key(typed)
        norm = norm.removeprefix("the ")
        if not norm:
            return None
        for table in (self._by_norm, self._by_surname):
            if norm in table:
                return _most_mentioned(table[norm])
        country = country_index().match(typed)
        if country is not None:
            for known in self._known:
                if known.kind == "country" and name_key(known.name) == name_key(
                    country.country.name
                ):
                    return known
        choices = {k.norm: k for k in self._known}
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


def _most_mentioned(candidates: list[Known]) -> Known:
    # Ties are rare (two people sharing a surname); the first stored is the earliest seen.
    return min(candidates, key=lambda k: k.entity_id)
