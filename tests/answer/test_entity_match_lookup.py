"""The entity matcher answers from the store's indexes (name, surname, country, and a typo's
trigram index), the same whether or not `known_names` has loaded every name, and no answer loads
them."""

from __future__ import annotations

from bot.answer import entity_match
from bot.answer.entity_match import EntityMatcher
from bot.facts import Entity, Extraction
from bot.ingest.article import Article
from bot.store.store import Store

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


async def _save(store: Store, n: int, entities: list[Entity]) -> None:
    article = Article(title=f"Article {n}", text=f"Text of article {n}.")
    await store.save(
        article, Extraction(id=str(n), title=article.title, published=None, entities=entities)
    )


async def test_answers_do_not_depend_on_the_names_loaded(fresh_db, monkeypatch) -> None:
    monkeypatch.setattr(entity_match, "LOAD_CHUNK", 2)  # the first load reads 2 entities a time
    store = await Store.open(fresh_db)
    try:
        await _save(store, 1, [Entity("Sergei Lavrov", "person", aliases=["Lavrov"])])
        await _save(store, 2, [Entity("Erik Lind", "person"), Entity("Anna Lind", "person")])
        await _save(store, 3, [Entity("United States", "country", aliases=["US"])])
        await _save(store, 4, [Entity("Foreign Ministry", "organization")])
        await _save(store, 5, [Entity("Sergey Lavrov", "person")])
        loaded = EntityMatcher(store)
        await loaded.refresh()
        assert loaded.loaded
        for typed in TYPED:
            fresh = EntityMatcher(store)
            found, expected = await fresh.match(typed), await loaded.match(typed)
            assert (found and (found.entity_id, found.name)) == (
                expected and (expected.entity_id, expected.name)
            ), typed
            assert not fresh.loaded, typed  # not even a typo needs every name
        assert (await EntityMatcher(store).match("Lind")).name == "Erik Lind"
        assert (await EntityMatcher(store).match("Lavrof")).name == "Sergei Lavrov"
        assert await EntityMatcher(store).match("Nobody") is None
        # Seen again (reloaded into the loaded matcher's tables) and a third Lind: the lowest id.
        await _save(store, 6, [Entity("Erik Lind", "person", aliases=["E. Lind"])])
        await _save(store, 7, [Entity("Maja Lind", "person"), Entity("USA", "country")])
        for typed in TYPED:
            fresh, reloaded = EntityMatcher(store), EntityMatcher(store)
            await reloaded.refresh()
            answers = [await m.match(typed) for m in (fresh, loaded, reloaded)]
            assert len({(k.entity_id, k.name) if k else None for k in answers}) == 1, typed
        assert (await loaded.match("Lind")).name == "Erik Lind"
        assert ("Maja Lind", "person") in await loaded.known_names()  # refreshed, not reloaded
    finally:
        await store.close()
