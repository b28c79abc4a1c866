"""`briefbot extract`: one file, or a JSONL stream in and out, without touching the database."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from bot.config import Settings
from bot.extract.extractor import Extractor, ExtractRequest
from bot.ingest.dates import to_iso_date
from bot.ingest.readers import ArticleError, read_article


def extract_file(path: Path, published: str | None, settings: Settings) -> dict[str, Any]:
    """Facts of one article file; offsets index the text after any front matter."""
    try:
        article = read_article(path, settings.max_article_bytes)
    except ArticleError as error:
        raise ValueError(str(error)) from error
    extractor = Extractor.load(settings.spacy_model)
    when = to_iso_date(published) if published else article.published
    if published and when is None:
        raise ValueError(f"--published is not a date: {published!r}")
    request = ExtractRequest(id=path.name, text=article.text, published=when, title=article.title)
    return extractor.extract(request).to_json()


def parse_record(line: str) -> ExtractRequest | dict[str, Any]:
    """A request, or the error line to write for a record that cannot be processed."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        return {"id": None, "error": f"invalid JSON: {error.msg}"}
    except RecursionError:  # one absurdly nested record must not end the whole batch
        return {"id": None, "error": "invalid JSON: nested too deeply"}
    if not isinstance(record, dict):
        return {"id": None, "error": "record is not a JSON object"}
    record_id = record.get("id")
    if not isinstance(record.get("text"), str):
        return {"id": record_id, "error": "record needs a 'text' string"}
    published = record.get("published")
    when = to_iso_date(published) if published else None
    if published and when is None:
        return {"id": record_id, "error": f"'published' is not a date: {published!r}"}
    return ExtractRequest(
        id=record_id, text=record["text"], published=when, title=record.get("title")
    )


def _batches(lines: IO[str], size: int) -> Iterator[list[ExtractRequest | dict[str, Any]]]:
    batch: list[ExtractRequest | dict[str, Any]] = []
    for line in lines:
        if line.strip():
            batch.append(parse_record(line))
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def extract_jsonl_stream(lines: IO[str], out: IO[str], model: str, batch_size: int = 16) -> None:
    """One result line per input record, in order, same id; a bad record yields an error line."""
    extractor = Extractor.load(model)
    for batch in _batches(lines, batch_size):
        requests = [r for r in batch if isinstance(r, ExtractRequest)]
        results = iter(list(extractor.extract_many(requests, batch_size)))
        for item in batch:
            if isinstance(item, dict):
                line = item
            else:
                result = next(results)
                if isinstance(result, Exception):
                    line = {"id": item.id, "error": f"{type(result).__name__}: {result}"}
                else:
                    line = result.to_json()
            out.write(json.dumps(line, ensure_ascii=False) + "\n")
        out.flush()
