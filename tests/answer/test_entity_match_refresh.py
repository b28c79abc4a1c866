"""The entity matcher reloads only what changed: after each article it matches as a fresh one
would."""

from __future__ import annotations

from bot.answer.entity_match import EntityMatcher
from bot.facts import Entity
from bot.store.store import Store
from tests.answer.entities_stored import save_entities

TYPED = (
    "Lavrov",
    "Sergey Lavrov",
    "Sergei Viktorovich Lavrov",
    "Rubio",
    "marco rubio",
    "Lavrof",
    "Marko Rubio",  # a typo of a name stored later: the fuzzy choices must follow the vocabulary
    "Nobody",
)


async def _answers(matcher: EntityMatcher) -> list[tuple[int, str] | None]:
    found = [await matcher.match(name) for name in TYPED]
    return [(k.entity_id, k.name) if k else None for k in found]


async def test_incremental_refresh_matches_a_fresh_load(fresh_db) -> None:
    store = await Store.open(fresh_db)
    try:
        cached = EntityMatcher(store)
        await save_entities(store, 1, [Entity("Sergei Lavrov", "person", aliases=["Lavrov"])])
        assert (await cached.match("Lavrov")).name == "Sergei Lavrov"
        assert (await cached.match("Lavrof")).name == "Sergei Lavrov"  # a typo: loads every alias
        steps = [
            [Entity("Marco Rubio", "person")],  # a new entity
            [
                Entity("Sergei Viktorovich Lavrov", "person", aliases=["Sergey Lavrov"])
            ],  # renamed, new alias
            [Entity("Rubio", "person")],  # a known one seen again
        ]
        for n, entities in enumerate(steps, start=2):
            await save_entities(store, n, entities)
            assert await _answers(cached) == await _answers(EntityMatcher(store))
    finally:
        await store.close()
