"""The benchmark texts: the PolNeAR dev articles (read from ../shared/eval, never copied into the
repository) and the seed, written as article files to a scratch folder; optionally many perturbed
copies, so that a large ingest has no duplicates."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "eval" / "polnear_dev.jsonl"
SEEDS = ROOT / "seeds"


@dataclass(frozen=True)
class Text:
    text: str
    published: str | None
    source: str | None
    title: str | None = None


def load_texts(dev: Path = DEV, seeds: Path = SEEDS) -> list[Text]:
    """The dev articles, then every seed article (read as `briefbot ingest` reads it)."""
    from bot.ingest.readers import find_article_files, read_article

    texts = []
    with dev.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            texts.append(Text(record["text"], record.get("date"), record.get("publisher")))
    for path in find_article_files(seeds):
        article = read_article(path, 10 * 1024 * 1024)
        texts.append(Text(article.text, article.published, article.source, article.title))
    return texts


def words(texts: list[Text]) -> int:
    return sum(len(t.text.split()) for t in texts)


def perturbed(text: Text, copy: int) -> Text:
    """Copy 0 is the text itself; copy k rotates the paragraphs, shifts the date, adds a line."""
    if copy == 0:
        return text
    paragraphs = [p for p in text.text.split("\n\n") if p.strip()]
    head, body = paragraphs[:1], paragraphs[1:]
    if body:
        k = copy % len(body)
        body = body[k:] + body[:k]
    when = None
    if text.published:
        when = (date.fromisoformat(text.published[:10]) + timedelta(days=copy)).isoformat()
    lines = "\n\n".join([*head, *body, f"Filed as report {copy}."])
    return Text(lines, when, text.source, text.title)


def write_corpus(texts: list[Text], folder: Path, copies: int = 1) -> int:
    """Article files (JSON with metadata) for `copies` perturbed copies of every text."""
    folder.mkdir(parents=True, exist_ok=True)
    n = 0
    for copy in range(copies):
        for i, original in enumerate(texts):
            t = perturbed(original, copy)
            record = {
                "text": t.text,
                "published": t.published,
                "source": t.source,
                "title": t.title,
            }
            path = folder / f"{copy:04d}_{i:03d}.json"
            path.write_text(json.dumps({k: v for k, v in record.items() if v}), encoding="utf-8")
            n += 1
    return n
