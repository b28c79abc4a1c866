"""Chat autocomplete offers commands, "what did <person> say" and known names for what was typed,
reading a page of the store's name indexes per keystroke, never every name."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from bot.answer.commands import examples
from bot.answer.completion import suggest
from bot.facts import Entity
from bot.store.store import Store
from tests.answer.entities_stored import save_entities

PEOPLE = [
    Entity("Anna Lind", "person"),
    Entity("Erik Lind", "person", aliases=["Lind"]),
    Entity("Sergei Lavrov", "person", aliases=["Lavrov"]),
    Entity("Recep Tayyip Erdoğan", "person", aliases=["Erdoğan"]),
]
BODIES = [Entity("Andean Community", "organization"), Entity("Angola", "country")]


async def test_names_that_start_with_what_was_typed_come_after_the_commands(fresh_db) -> None:
    store = await Store.open(fresh_db)
    try:
        await save_entities(store, 1, PEOPLE + BODIES)
        offered = await suggest(store, "an")
        assert offered[:3] == ["Andean Community", "Angola", "Anna Lind"]  # no command starts so
        assert offered[3:] == ["latest talks in Istanbul", "events sanctions"]  # "an" inside
        # names holding what was typed further in (three letters or more: the trigram index)
        erdogan = ["what did Recep Tayyip Erdoğan say", "Recep Tayyip Erdoğan"]
        assert await suggest(store, "tayyip") == erdogan
        everything = await suggest(store, "", limit=100)
        assert everything[: len(examples())] == list(examples())
        assert everything.index("what did Anna Lind say") < everything.index("Andean Community")
        assert (await suggest(store, "latest"))[0] == "latest talks"
    finally:
        await store.close()


async def test_what_did_a_person_say_is_offered_for_people_only(fresh_db) -> None:
    store = await Store.open(fresh_db)
    try:
        await save_entities(store, 1, PEOPLE + BODIES)
        offered = await suggest(store, "what did an")
        assert "what did Anna Lind say" in offered
        assert not any("Andean" in o or "Angola" in o for o in offered)
        # the name typed whole and "say" begun
        assert "what did Sergei Lavrov say" in await suggest(store, "What did Sergei Lavrov s")
    finally:
        await store.close()


async def test_a_name_is_offered_for_letters_inside_it_case_and_accents_aside(fresh_db) -> None:
    store = await Store.open(fresh_db)
    try:
        await save_entities(store, 1, PEOPLE + BODIES)
        inside = await suggest(store, "LIND")
        assert {"Anna Lind", "Erik Lind", "what did Erik Lind say"} <= set(inside)
        assert "Recep Tayyip Erdoğan" in await suggest(store, "ERDOGAN")
        # a last word cut where transliteration keys its ending ("Sergei" and "Sergey" alike)
        assert "Sergei Lavrov" in await suggest(store, "serge")
        assert await suggest(store, "zz") == []
    finally:
        await store.close()


async def test_a_name_stored_a_moment_ago_is_offered_at_the_next_keystroke(fresh_db) -> None:
    store = await Store.open(fresh_db)
    try:
        await save_entities(store, 1, PEOPLE)
        assert "Maja Lind" not in await suggest(store, "maj")
        await save_entities(store, 2, [Entity("Maja Lind", "person")])
        assert "Maja Lind" in await suggest(store, "maj")
        assert "Maja Lind" in await suggest(store, "ja li")
    finally:
        await store.close()


async def test_a_keystroke_reads_a_page_of_names_not_every_name(fresh_db) -> None:
    store = await Store.open(fresh_db)
    try:
        many = [Entity(f"Person Number {n:04d}", "person") for n in range(300)]
        await save_entities(store, 1, many)
        offered = await suggest(store, "person number 01", limit=5)
        assert offered == [f"Person Number {n:04d}" for n in range(100, 105)]
        assert len(await store.names_starting("person", 10)) == 10
        assert len(await store.names_containing("number", 10)) == 10
        if isinstance(fresh_db, Path):  # SQLite's plan: a range of an index and the trigram index
            with sqlite3.connect(fresh_db) as conn:
                for query, params in (
                    (store.sql.NAMES_STARTING, {"low": "p", "high": "q", "kind": None, "limit": 5}),
                    (store.sql.NAMES_CONTAINING, {"piece": "number", "limit": 5}),
                ):
                    plan = " | ".join(
                        r[3] for r in conn.execute(f"EXPLAIN QUERY PLAN {query}", params)
                    )
                    assert "SCAN al" not in plan and "SCAN e" not in plan, plan
    finally:
        await store.close()


async def test_letters_cut_where_names_are_transliterated_still_find_them(fresh_db) -> None:
    store = await Store.open(fresh_db)
    try:
        crowd = [Entity(f"La Person {n:03d}", "person") for n in range(150)]
        names = ["Li Qiang", "Mikhail Mishustin", "Aleksandar Vucic", "Sergei Lavrov"]
        await save_entities(store, 1, crowd + [Entity(n, "person") for n in names])
        assert "Li Qiang" in await suggest(store, "li")  # a short name past a page of "La"
        assert "what did Li Qiang say" in await suggest(store, "what did li")
        assert "Mikhail Mishustin" in await suggest(store, "mik")  # keyed "mihail"
        assert "Aleksandar Vucic" in await suggest(store, "alek")  # keyed "alexandar"
        assert "Sergei Lavrov" in await suggest(store, "sergey")  # keyed "sergy", as typed
        assert await suggest(store, "%") == [] and await suggest(store, '"') == []
    finally:
        await store.close()
