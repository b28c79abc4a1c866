"""A typed name with a typo is found through the trigram index (migration 0015), on both backends:
the candidates are the aliases holding pieces of what was typed, scored as the whole vocabulary
used to be (bot.answer.entity_match)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from rapidfuzz import fuzz, process

from bot.answer.entity_match import FUZZY_CUTOFF, SURNAME_CUTOFF, EntityMatcher, typo_pieces
from bot.facts import Entity
from bot.names import name_key
from bot.store import database, postgres
from bot.store.location import Location
from bot.store.store import Store
from tests.answer.entities_stored import save_entities

PEOPLE = [
    Entity("Sergei Lavrov", "person", aliases=["Lavrov"]),
    Entity("Volodymyr Zelensky", "person", aliases=["Zelensky"]),
    Entity("Erik Lind", "person"),
    Entity("Anna Lind", "person"),
    Entity("Jon Smith", "person"),
    Entity("Jan Smith", "person"),
]
BODIES = [
    Entity("Ministry of Foreign Affairs of Ukraine", "organization"),
    Entity("International Atomic Energy Agency", "organization", aliases=["IAEA"]),
    Entity("United States", "country", aliases=["US"]),
]
TYPOS = [
    ("Sergie Lavrov", "Sergei Lavrov"),  # two letters swapped in a full name
    ("Zelenski", "Volodymyr Zelensky"),  # one letter wrong in an alias
    ("Lavorv", "Sergei Lavrov"),  # a surname only its surname score finds (83 < 85)
    ("Lindd", "Erik Lind"),  # a surname two people share: the one stored first, as 'Lind'
    ("Ministry of Foriegn Affairs of Ukraine", "Ministry of Foreign Affairs of Ukraine"),
    ("International Atomic Energy Agncy", "International Atomic Energy Agency"),
    ("Atomic Energy Agency", "International Atomic Energy Agency"),  # a part of the name
    ("Foreign Minister Sergei Lavrov", "Sergei Lavrov"),  # a stored name inside the typed one
    ("Jen Smith", "Jon Smith"),  # as close to Jan Smith: the name stored first
    ("Quixotic Zebra", None),  # nothing close
    ("Smyth Lavrova Zelen", None),
]


async def _matched(matcher: EntityMatcher, typed: str) -> str | None:
    found = await matcher.match(typed)
    return found.name if found else None


async def test_typos_of_people_surnames_and_organisations(fresh_db) -> None:
    store = await Store.open(fresh_db)
    try:
        await save_entities(store, 1, PEOPLE)
        await save_entities(store, 2, BODIES)
        matcher = EntityMatcher(store)
        for typed, expected in TYPOS:
            assert await _matched(matcher, typed) == expected, typed
    finally:
        await store.close()


async def test_an_entity_stored_after_the_first_typo_is_found_by_its_typo(fresh_db) -> None:
    store = await Store.open(fresh_db)
    try:
        await save_entities(store, 1, PEOPLE)
        matcher = EntityMatcher(store)
        assert await _matched(matcher, "Marko Rubio") is None
        await save_entities(store, 2, [Entity("Marco Rubio", "person", aliases=["Rubio"])])
        assert await _matched(matcher, "Marko Rubio") == "Marco Rubio"
        assert await _matched(matcher, "Rubioo") == "Marco Rubio"
    finally:
        await store.close()


def test_the_pieces_leave_out_each_place_a_typo_can_be() -> None:
    pieces = typo_pieces("sergie lavrov")
    # One of them holds everything but the swapped 'ie': what the stored name contains.
    assert ("serg", "lavrov") in pieces
    assert ("sergie", "sergie") in pieces  # the word before a misspelt surname
    assert all(len(p) >= 3 for pair in pieces for p in pair)
    assert typo_pieces("lavorv") == [
        ("vorv", "vorv"),
        ("orv", "orv"),
        ("lav", "lav"),
        ("lavo", "lavo"),
    ]
    assert typo_pieces("abc") == [("abc", "abc")]  # too short to leave a letter out
    # A long name has fewer, wider spots; any two neighbouring letters still lie in one of them.
    long = "ministry of foreign affairs of ukraine"
    assert len(typo_pieces(long)) < len(long) / 2
    for i in range(len(long) - 1):
        rest = (long[:i], long[i + 2 :])
        assert any(all(any(p in part for part in rest) for p in pair) for pair in typo_pieces(long))
    assert typo_pieces("ab") == []


def _reference(aliases: list[tuple[int, str, str]], typed: str) -> int | None:
    """The matcher before issue 17's typo index: every alias scored (rows of entity id, kind,
    norm in entity id order, then norm), the lowest entity id for the name found."""
    norm = name_key(typed)
    first: dict[str, int] = {}
    surnames: dict[str, int] = {}
    for entity_id, kind, alias in aliases:
        first.setdefault(alias, entity_id)
        if kind == "person" and " " in alias:
            surnames.setdefault(alias.rsplit(" ", 1)[1], entity_id)
    found = process.extractOne(norm, list(first), scorer=fuzz.WRatio, score_cutoff=FUZZY_CUTOFF)
    if found is not None:
        return first[found[0]]
    if " " in norm:
        return None
    found = process.extractOne(norm, list(surnames), scorer=fuzz.ratio, score_cutoff=SURNAME_CUTOFF)
    return surnames[found[0]] if found else None


FIRST = "Amira Bogdan Chiara Dmitri Esther Fatima Goran Helga Ingrid Jakub Kenji Leila".split()
LAST = "Abramov Brennan Castillo Drozdov Eriksen Ferreira Gallagher Haddad Ishikawa".split()
ORGS = "Grain Council|Energy Agency|Water Commission|Border Guard|Space Agency".split("|")


async def test_typos_find_what_scoring_every_alias_found(fresh_db) -> None:
    """On a vocabulary of 150 names, a letter changed, dropped, added or swapped in any of them
    finds the entity that scoring every alias of the store finds."""
    names = [f"{f} {last}" for f in FIRST for last in LAST][:120]
    orgs = [
        f"{country} {org}"
        for country in ("Chile", "Norway", "Kenya", "Laos", "Oman", "Peru")
        for org in ORGS
    ]
    store = await Store.open(fresh_db)
    try:
        for n in range(0, len(names), 20):
            people = [Entity(x, "person", aliases=[x.split(" ")[1]]) for x in names[n : n + 20]]
            await save_entities(store, n, people)
        await save_entities(store, 999, [Entity(x, "organization") for x in orgs])
        rows = sorted(await store.entity_names(), key=lambda r: (r.id, r.norm))
        aliases = [(r.id, r.kind, r.norm) for r in rows]
        matcher = EntityMatcher(store)
        checked = 0
        for k, name in enumerate([*names[::3], *orgs[::2]]):
            i = 1 + k % (len(name) - 2)
            for typed in (
                name[:i] + "x" + name[i + 1 :],
                name[:i] + name[i + 1 :],
                name[:i] + "e" + name[i:],
                name[:i] + name[i + 1] + name[i] + name[i + 2 :],
            ):
                found = await matcher.match(typed)
                assert (found.entity_id if found else None) == _reference(aliases, typed), typed
                checked += 1
        assert checked > 200
    finally:
        await store.close()


async def _undo_migration_15(location: Location) -> None:
    """Back to the schema before migration 0015, as the previous release left a store."""
    if isinstance(location, Path):
        conn = sqlite3.connect(location)
        with conn:
            for trigger in ("insert", "delete", "update"):
                conn.execute(f"DROP TRIGGER entity_aliases_trigrams_{trigger}")
            conn.execute("DROP TABLE entity_aliases_trigrams")
            conn.execute("DELETE FROM schema_migrations WHERE version = 15")
        conn.close()
        return
    import asyncpg  # type: ignore[import-untyped]

    conn = await asyncpg.connect(location.dsn)
    try:
        await conn.execute("DROP INDEX entity_aliases_norm_trigrams")
        await conn.execute("DELETE FROM schema_migrations WHERE version = 15")
    finally:
        await conn.close()


async def test_the_migration_indexes_the_aliases_already_stored(fresh_db, monkeypatch) -> None:
    await (await Store.open(fresh_db)).close()
    await _undo_migration_15(fresh_db)
    everything = database.available_migrations

    def without_0015(package: str = database.SQLITE_MIGRATIONS) -> list[database.Migration]:
        return [m for m in everything(package) if m.version != 15]

    with monkeypatch.context() as patch:  # a store without the index (as before 0015) gets people
        patch.setattr(database, "available_migrations", without_0015)
        patch.setattr(postgres, "available_migrations", without_0015)
        store = await Store.open(fresh_db)
        await save_entities(store, 1, PEOPLE)
        await store.close()
    for _ in range(2):  # 0015 indexes them; opened again, nothing is applied twice
        store = await Store.open(fresh_db)
        try:
            assert await _matched(EntityMatcher(store), "Sergie Lavrov") == "Sergei Lavrov"
            await save_entities(store, 2, [Entity("Marco Rubio", "person")])
            assert await _matched(EntityMatcher(store), "Marko Rubio") == "Marco Rubio"
        finally:
            await store.close()
