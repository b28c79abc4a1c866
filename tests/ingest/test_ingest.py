"""Ingesting files: the seed, duplicates, and every kind of bad input refused cleanly."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from bot.engine import Engine
from tests.conftest import SEEDS, make_settings


@pytest.fixture
async def engine(tmp_path, extractor):
    engine = await Engine.open(make_settings(tmp_path / "db" / "briefbot.db"), load_model=False)
    engine._extractor = extractor
    yield engine
    await engine.close()


def rows(db: Path, query: str) -> list[tuple]:
    with sqlite3.connect(db) as conn:
        return conn.execute(query).fetchall()


async def test_seed_is_ingested_with_its_metadata_and_facts(engine):
    report = await engine.ingest([SEEDS])
    assert len(report.added) == 1 and not report.refused
    [(title, source, author, published)] = rows(
        engine.settings.db,
        "SELECT a.title, s.name, a.author, a.published "
        "FROM articles a JOIN sources s ON s.id = a.source_id",
    )
    assert title == "Russia-US talks commence in Istanbul to address embassy issues"
    assert (source, author, published) == ("Caliber.Az", "Vafa Guliyeva", "2025-02-27")
    assert rows(engine.settings.db, "SELECT count(*) FROM statements")[0][0] >= 5
    assert rows(engine.settings.db, "SELECT count(*) FROM events WHERE type = 'CONSULT'")[0][0] >= 3


async def test_the_same_article_twice_is_stored_once(engine, tmp_path):
    await engine.ingest([SEEDS])
    copy = tmp_path / "copy.txt"
    copy.write_text((SEEDS / "000_898512bc08cbb9b7.txt").read_text() + "\n\n", encoding="utf-8")
    report = await engine.ingest([SEEDS, copy])
    assert report.added == [] and len(report.skipped) == 2
    assert rows(engine.settings.db, "SELECT count(*) FROM articles")[0][0] == 1


async def test_same_url_is_a_duplicate_even_if_the_text_changed(engine, tmp_path):
    base = "---\ntitle: T\nurl: https://Example.com/news/1?utm_source=x\n---\n"
    (tmp_path / "a.md").write_text(
        base + "Lavrov said that talks would go on in Geneva next week.", encoding="utf-8"
    )
    (tmp_path / "b.md").write_text(
        base.replace("?utm_source=x", "/") + "Lavrov said the talks go on.", encoding="utf-8"
    )
    report = await engine.ingest([tmp_path / "a.md", tmp_path / "b.md"])
    assert len(report.added) == 1 and len(report.skipped) == 1


BAD_INPUTS = {
    "empty.txt": (b"", "empty file"),
    "blank.txt": (b"  \n\n ", "empty file"),
    "binary.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary"),
    "undecodable.txt": (b"Title\n" + bytes(range(0x80, 0x100)) * 4, "not UTF-8"),
    "bad-utf16.txt": (b"\xff\xfe" + b"\x00\xd8" * 5, "UTF-16"),
    "truncated.json": (b'{"title": "Talks", "text": "Lavrov said', "invalid JSON"),
    "no-text.json": (json.dumps({"title": "Only a title"}).encode(), "no 'text'"),
    "not-object.json": (b"[1, 2, 3]", "not an object"),
    "no-article.html": (
        b"<html><head><title>x</title></head><body><nav>Home</nav></body></html>",
        "no article text",
    ),
    "bad-front-matter.md": (
        b"---\ntitle: [unclosed\n---\nText of the article goes here.",
        "front matter",
    ),
    "bad-date.md": (
        b"---\ntitle: T\npublished: not a date\n---\nText of the article.",
        "not a date",
    ),
    # YAML itself reads these as dates, and fails on them: one refusal, not a dead batch.
    "no-such-day.md": (
        b"---\ntitle: T\npublished: 2025-02-30\n---\nText of the article.",
        "impossible date",
    ),
    "month-13.md": (
        b"---\ntitle: T\npublished: 2025-13-01\n---\nText of the article.",
        "impossible date",
    ),
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
async def test_bad_input_is_refused_with_a_reason_and_the_batch_goes_on(engine, tmp_path, name):
    data, reason = BAD_INPUTS[name]
    folder = tmp_path / "batch"
    folder.mkdir()
    (folder / name).write_bytes(data)
    good = folder / "zz-good.txt"
    good.write_text(
        "Talks in Geneva\nThe foreign minister said that the talks in Geneva were useful.",
        encoding="utf-8",
    )
    report = await engine.ingest([folder])
    assert report.added == [str(good)]
    [(origin, why)] = report.refused
    assert origin.endswith(name)
    assert reason.lower() in why.lower(), why
    assert rows(engine.settings.db, "SELECT count(*) FROM articles")[0][0] == 1


async def test_utf16_with_bom_is_read(engine, tmp_path):
    path = tmp_path / "utf16.txt"
    path.write_bytes("Talks\nLavrov said that the talks were constructive.".encode("utf-16"))
    report = await engine.ingest([path])
    assert report.added == [str(path)]


async def test_latin1_text_is_read_when_the_encoding_is_clear(engine, tmp_path):
    path = tmp_path / "latin1.txt"
    text = (
        "Pourparlers à Genève\nLe ministre a déclaré que les négociations à Genève étaient "
        "très utiles et constructives."
    )
    path.write_bytes(text.encode("cp1252"))
    report = await engine.ingest([path])
    assert report.added == [str(path)], report.refused


async def test_an_over_size_file_is_refused(tmp_path, extractor):
    engine = await Engine.open(
        make_settings(tmp_path / "b.db", BRIEFBOT_MAX_ARTICLE_BYTES=1000), load_model=False
    )
    engine._extractor = extractor
    async with engine:
        big = tmp_path / "big.txt"
        big.write_text("Title\n" + "word " * 1000, encoding="utf-8")
        report = await engine.ingest([big])
    assert report.added == [] and "too large" in report.refused[0][1]


async def test_a_missing_path_is_refused(engine, tmp_path):
    report = await engine.ingest([tmp_path / "nope.txt"])
    assert report.refused == [(str(tmp_path / "nope.txt"), "no such file or folder")]


async def test_front_matter_is_metadata_not_text(engine, tmp_path):
    path = tmp_path / "fm.md"
    path.write_text(
        "---\ntitle: Talks in Geneva\nsource: Example News\npublished: 2025-03-01\n---\n"
        "Sergey Lavrov said that the talks in Geneva had been useful.",
        encoding="utf-8",
    )
    await engine.ingest([path])
    [(title, text, published)] = rows(
        engine.settings.db, "SELECT title, text, published FROM articles"
    )
    assert (title, published) == ("Talks in Geneva", "2025-03-01")
    assert text.startswith("Sergey Lavrov")


async def test_html_article_is_read_with_trafilatura(engine, tmp_path):
    body = " ".join(
        ["Russian Foreign Minister Sergey Lavrov said that the talks in Geneva had been useful."]
        * 4
    )
    html = f"""<html><head><title>Talks in Geneva</title>
    <meta property="og:site_name" content="Example News">
    <meta name="date" content="2025-03-02"></head>
    <body><nav>Home | World</nav>
    <article><h1>Talks in Geneva</h1><p>{body}</p><p>{body}</p></article>
    <footer>Copyright</footer></body></html>"""
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    report = await engine.ingest([path])
    assert report.added == [str(path)], report.refused
    [(title, text)] = rows(engine.settings.db, "SELECT title, text FROM articles")
    assert title == "Talks in Geneva" and "Lavrov" in text and "Copyright" not in text
