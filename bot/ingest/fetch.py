"""Articles from the web: a page URL (trafilatura) or an RSS/Atom feed (feedparser)."""

from __future__ import annotations

from collections.abc import AsyncIterator

import feedparser
import httpx

from bot.config import Settings
from bot.ingest.article import Article
from bot.ingest.dates import to_iso_date
from bot.ingest.readers import ArticleError, article_from_html, decode

TIMEOUT = httpx.Timeout(20.0, connect=10.0)
USER_AGENT = "Briefbot/0.1 (+https://github.com/briefbot)"


class FetchError(RuntimeError):
    pass


async def fetch_bytes(client: httpx.AsyncClient, url: str, limit: int) -> tuple[bytes, str]:
    """The body of `url`, refusing anything over `limit` bytes (checked as it streams)."""
    try:
        async with client.stream("GET", url) as response:
            if response.status_code >= 400:
                raise FetchError(f"HTTP {response.status_code}")
            chunks, size = [], 0
            async for chunk in response.aiter_bytes():
                size += len(chunk)
                if size > limit:
                    raise FetchError(f"larger than the {limit:,}-byte limit")
                chunks.append(chunk)
            return b"".join(chunks), response.headers.get("content-type", "")
    except httpx.HTTPError as error:
        raise FetchError(f"cannot fetch: {error.__class__.__name__}: {error}") from error


def looks_like_feed(body: bytes, content_type: str) -> bool:
    head = body[:2048].lstrip().lower()
    return any(t in content_type for t in ("rss", "atom", "xml")) or head.startswith(b"<?xml") or b"<rss" in head or b"<feed" in head


async def fetch_articles(url: str, settings: Settings) -> AsyncIterator[Article | tuple[str, str]]:
    limit = settings.max_article_bytes
    async with httpx.AsyncClient(timeout=TIMEOUT, follow_redirects=True, headers={"User-Agent": USER_AGENT}) as client:
        try:
            body, content_type = await fetch_bytes(client, url, limit)
        except FetchError as error:
            yield (url, str(error))
            return
        if looks_like_feed(body, content_type):
            feed = feedparser.parse(body)
            if feed.bozo and not feed.entries:
                yield (url, f"not a readable feed: {feed.get('bozo_exception', 'parse error')}")
                return
            for entry in feed.entries:
                yield await _article_from_entry(client, entry, feed, limit)
            return
        try:
            article = article_from_html(decode(body), url=url)
        except ArticleError as error:
            yield (url, str(error))
            return
        article.url = article.url or url
        article.origin = url
        yield article


async def _article_from_entry(client: httpx.AsyncClient, entry, feed, limit: int) -> Article | tuple[str, str]:
    link = entry.get("link")
    origin = link or entry.get("id") or entry.get("title", "feed entry")
    published = to_iso_date(entry.get("published") or entry.get("updated") or "")
    source = feed.feed.get("title")
    if link:
        try:
            body, _ = await fetch_bytes(client, link, limit)
            article = article_from_html(decode(body), url=link)
            article.title = entry.get("title") or article.title
            article.published = article.published or published
            article.source = source or article.source
            article.url = link
            article.origin = link
            return article
        except (FetchError, ArticleError):
            pass  # fall back to the text the feed itself carries
    content = entry.get("content", [{}])[0].get("value") if entry.get("content") else entry.get("summary")
    if not content:
        return (origin, "feed entry has no text and its page could not be read")
    try:
        text = article_from_html(content).text if "<" in content else content
    except ArticleError:
        text = content
    return Article(title=entry.get("title") or text[:80], text=text, source=source, published=published, url=link, origin=origin)
