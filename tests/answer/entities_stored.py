"""Storing entities alone, as an article of that name would, for the name-lookup tests."""

from __future__ import annotations

from bot.facts import Entity, Extraction
from bot.ingest.article import Article
from bot.store.store import Store


async def save_entities(store: Store, n: int, entities: list[Entity]) -> None:
    """Store article number `n` mentioning `entities` and nothing else."""
    article = Article(title=f"Article {n}", text=f"Text of article {n}.")
    await store.save(
        article, Extraction(id=str(n), title=article.title, published=None, entities=entities)
    )
