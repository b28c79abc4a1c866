"""The entity matcher answers from the store's indexes (name, surname, country, and a typo's
trigram index): nothing is loaded first, so what was stored a moment ago is found at once."""

from __future__ import annotations

from bot.answer.entity_match import EntityMatcher
from bot.facts import Entity
from bot.store.store import Store
from tests.answer.entities_stored import save_entities

TYPED = (
    "Lavrov",
    "sergey lavrov",
    "Lind",  # a surname only in a longer alias: the lowest id of two Linds
    "Anna Lind",
    "USA",  # a country by another name: its own entity
    "America",
    "United States",
    "the Foreign Ministry",
    "Nobody",
    "Lavrof",  # a typo: the trigram index finds it
)


async def test_a_matcher_finds_names_stored_after_it_was_made(fresh_db) -> None:
    store = await Store.open(fresh_db)
    try:
        await save_entities(store, 1, [Entity("Sergei Lavrov", "person", aliases=["Lavrov"])])
        await save_entities(
            store, 2, [Entity("Erik Lind", "person"), Entity("Anna Lind", "person")]
        )
        await save_entities(store, 3, [Entity("United States", "country", aliases=["US"])])
        await save_entities(store, 4, [Entity("Foreign Ministry", "organization")])
        await save_entities(store, 5, [Entity("Sergey Lavrov", "person")])
        early = EntityMatcher(store)
        assert (await early.match("Lind")).name == "Erik Lind"  # the lowest id of two Linds
        assert (await early.match("Lavrof")).name == "Sergei Lavrov"  # a typo: trigram index
        assert await early.match("Nobody") is None
        # Seen again with a new alias, a third Lind and another name of a country already known.
        await save_entities(store, 6, [Entity("Erik Lind", "person", aliases=["E. Lind"])])
        await save_entities(store, 7, [Entity("Maja Lind", "person"), Entity("USA", "country")])
        for typed in (*TYPED, "Maja Lind", "E. Lind"):
            found, fresh = await early.match(typed), await EntityMatcher(store).match(typed)
            assert (found and (found.entity_id, found.name)) == (
                fresh and (fresh.entity_id, fresh.name)
            ), typed
        assert (await early.match("Maja Lind")).name == "Maja Lind"
        assert (await early.match("Lind")).name == "Erik Lind"
    finally:
        await store.close()
