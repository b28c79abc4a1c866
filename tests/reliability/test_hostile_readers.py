"""Hostile article files: random bytes, invalid UTF-8, control characters, 10 MB single lines,
deeply nested HTML, JSON and YAML. Specification: a reader returns an article or raises
ArticleError with a short reason -- never anything else (one bad file must not stop a bulk
ingest) -- and memory stays bounded. Run with -s to see how many cases each test tried."""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import textwrap
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.extract.batch import parse_record
from bot.ingest.article import Article
from bot.ingest.readers import (
    ArticleError,
    article_from_html,
    article_from_json,
    article_from_text,
    decode,
    read_article,
)

CASES: Counter[str] = Counter()
ROOT = Path(__file__).resolve().parents[2]
LIMIT = 5 * 1024 * 1024  # the default BRIEFBOT_MAX_ARTICLE_BYTES
PROSE = "The foreign ministers met in Istanbul on Tuesday and discussed the embassy staffing. "


@pytest.fixture(scope="module", autouse=True)
def report_counts() -> Iterator[None]:
    yield
    print(f"\nfuzz cases ({__name__}): " + ", ".join(f"{k}={v}" for k, v in sorted(CASES.items())))
    print(f"fuzz cases ({__name__}) total: {sum(CASES.values())}")


def read_or_refuse(read, *args) -> Article | ArticleError:
    """The reader's article, or its ArticleError; any other exception fails the test."""
    try:
        article = read(*args)
    except ArticleError as error:
        assert str(error) and len(str(error)) < 400  # a short reason, not a dump
        return error
    assert isinstance(article, Article) and article.text.strip()
    assert len(article.title) <= 300
    return article


# Bytes that trip decoders: BOMs, lone surrogates, overlong forms, NULs, C1 controls, escapes.
TRICKY_BYTES = [
    b"\xef\xbb\xbf",
    b"\xff\xfe",
    b"\xfe\xff",
    b"\xed\xa0\x80",
    b"\xc0\xaf",
    b"\x00",
    b"\x80\x81",
    b"\x1b[2J",
    b"\r",
    b"\x85",
    b"---\n",
    b"\n---\n",
    b"<html>",
    b"<div>",
    b"{",
    b"[",
    b'"text":',
    b"title: &a [x]\n",
    b"*a",
    b"\xe2\x80\xae",
    b"\xf0\x9f\x87\xba",
]
hostile_bytes = st.one_of(
    st.binary(max_size=3000),
    st.lists(
        st.one_of(
            st.sampled_from(TRICKY_BYTES),
            st.binary(max_size=40),
            st.text(max_size=80).map(str.encode),
        ),
        max_size=60,
    ).map(b"".join),
)


@settings(max_examples=600, deadline=None)
@given(hostile_bytes)
def test_any_bytes_decode_to_text_or_a_clear_refusal(data: bytes) -> None:
    CASES["decode"] += 1
    try:
        text = decode(data)
    except ArticleError as error:
        assert str(error)
        return
    assert isinstance(text, str)


@settings(max_examples=400, deadline=None)
@given(st.text(max_size=3000) | hostile_bytes.map(lambda b: b.decode("utf-8", "replace")))
def test_any_text_reads_as_plain_text_or_json_or_a_refusal(text: str) -> None:
    CASES["text+json readers"] += 2
    read_or_refuse(article_from_text, text)
    read_or_refuse(article_from_json, text)
    CASES["jsonl records"] += 1
    parse_record(text)


html_fragment = st.sampled_from(
    [
        "<div>",
        "</div>",
        "<p>",
        "</p>",
        "<script>",
        "</script>",
        "<style>",
        "<!--",
        "-->",
        "<![CDATA[",
        "<svg><foreignObject>",
        "<table><tr><td>",
        "<article>",
        "<meta charset='utf-16'>",
        "&#0;",
        "&#x110000;",
        "&nbsp;",
        "<?xml version='1.0'?>",
        "<!DOCTYPE html>",
        "<a href='javascript:x'>",
        "<iframe src=x>",
        "<base href='file:///'>",
        "\x00",
        PROSE,
    ]
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(html_fragment | st.text(max_size=40), max_size=80).map("".join))
def test_any_markup_reads_as_html_or_a_refusal(html: str) -> None:
    CASES["html reader"] += 1
    read_or_refuse(article_from_html, html, "https://example.com/a")


@settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    data=hostile_bytes,
    suffix=st.sampled_from([".txt", ".md", ".json", ".html"]),
    sidecar=st.booleans(),
)
def test_any_file_reads_or_is_refused(
    tmp_path: Path, data: bytes, suffix: str, sidecar: bool
) -> None:
    CASES["files (read_article)"] += 1
    path = tmp_path / f"article{suffix}"
    path.write_bytes(data)
    meta = path.with_name("article.meta.json")
    if sidecar:
        meta.write_bytes(data[:200])
    elif meta.exists():
        meta.unlink()
    read_or_refuse(read_article, path, LIMIT)


# -- the extremes, one by one ------------------------------------------------------------------

DEEP = 100_000


@pytest.mark.parametrize(
    ("name", "read", "text", "reason"),
    [
        (
            "nested divs",
            article_from_html,
            "<html><body>" + "<div>" * DEEP + PROSE * 30 + "</div>" * DEEP,
            None,
        ),
        (
            "unclosed nesting",
            article_from_html,
            "<body>" + "<div><span><b>" * DEEP + PROSE * 30,
            None,
        ),
        ("nested JSON", article_from_json, "[" * DEEP + "]" * DEEP, "JSON is nested too deeply"),
        (
            "nested JSON text",
            article_from_json,
            '{"text": ' + '{"a":' * DEEP + "1" + "}" * DEEP + "}",
            "nested too deeply",
        ),
        (
            "nested YAML",
            article_from_text,
            "---\ntitle: " + "[" * DEEP + "]" * DEEP + "\n---\n" + PROSE,
            "front matter is nested too deeply",
        ),
        (
            "YAML alias bomb",
            article_from_text,
            "---\na: &a [x,x,x,x,x,x,x,x,x]\n"
            + "".join(
                f"{chr(98 + i)}: &{chr(98 + i)} [" + ",".join([f"*{chr(97 + i)}"] * 9) + "]\n"
                for i in range(8)
            )
            + "title: *i\n---\n"
            + PROSE,
            "'title' should be text, not list",
        ),
        (
            "control character in YAML",
            article_from_text,
            "---\n\x08\n---\n" + PROSE,
            "front matter is not valid YAML",
        ),
        (
            "control characters",
            article_from_text,
            "".join(chr(c) for c in range(32)) * 100 + PROSE,
            None,
        ),
    ],
)
def test_pathological_structures_are_read_or_refused_clearly(name, read, text, reason) -> None:
    CASES["pathological"] += 1
    result = read_or_refuse(read, text)
    if reason is not None:
        assert isinstance(result, ArticleError) and reason in str(result), name


def test_a_deeply_nested_json_file_does_not_stop_a_batch(tmp_path: Path) -> None:
    CASES["pathological"] += 1
    (tmp_path / "deep.json").write_text("[" * DEEP + "]" * DEEP)
    (tmp_path / "deep.meta.json").write_text("{" * DEEP)
    (tmp_path / "fine.txt").write_text(PROSE * 3)
    refused = read_or_refuse(read_article, tmp_path / "deep.json", LIMIT)
    assert isinstance(refused, ArticleError)
    assert isinstance(read_or_refuse(read_article, tmp_path / "fine.txt", LIMIT), Article)
    assert parse_record("[" * DEEP) == {"id": None, "error": "invalid JSON: nested too deeply"}


def test_a_file_over_the_limit_is_refused_before_it_is_read(tmp_path: Path) -> None:
    CASES["pathological"] += 1
    path = tmp_path / "huge.txt"
    with path.open("wb") as out:
        out.truncate(LIMIT + 1)  # sparse: no need to write it
    refused = read_or_refuse(read_article, path, LIMIT)
    assert isinstance(refused, ArticleError) and "too large" in str(refused)


# -- 10 MB single lines, in a child process with a hard memory cap ----------------------------

CHILD = textwrap.dedent(
    """
    import json, resource, sys
    from pathlib import Path
    cap = int(sys.argv[3])
    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))  # a runaway reader dies, not the machine
    from bot.ingest.readers import ArticleError, read_article
    try:
        article = read_article(Path(sys.argv[1]), int(sys.argv[2]))
        result = {"ok": True, "chars": len(article.text), "title": len(article.title)}
    except ArticleError as error:
        result = {"ok": False, "reason": str(error)}
    # VmHWM, not ru_maxrss: ru_maxrss keeps the forked parent's size across exec, so a child of
    # a large pytest process would report the parent's memory, not its own.
    hwm = next(line for line in open("/proc/self/status") if line.startswith("VmHWM:"))
    result["peak_mb"] = int(hwm.split()[1]) // 1024
    print(json.dumps(result))
    """
)
MEMORY_CAP = (
    1536 * 1024 * 1024
)  # address space: the interpreter, lxml and trafilatura, and the article


def read_in_child(path: Path, limit: int) -> dict:
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(path), str(limit), str(MEMORY_CAP)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


TEN_MB = 10 * 1024 * 1024


@pytest.mark.parametrize("suffix", [".txt", ".html", ".json", ".md"])
def test_a_10_mb_single_line_is_read_or_refused_within_bounded_memory(
    tmp_path: Path, suffix: str
) -> None:
    CASES["10 MB lines"] += 2
    words = ("Lavrov said the talks were useful " * (TEN_MB // 34 + 1))[:TEN_MB]
    body = {
        ".txt": words,
        ".md": "# " + words,
        ".html": f"<html><body><article><p>{words}</p></article></body></html>",
        ".json": json.dumps({"title": "one line", "text": words}),
    }[suffix]
    path = tmp_path / f"line{suffix}"
    path.write_text(body, encoding="utf-8")
    assert "\n" not in body
    # At the default limit it is refused unread; with a larger limit it is read or refused.
    assert read_in_child(path, LIMIT)["reason"].startswith("too large")
    result = read_in_child(path, 4 * TEN_MB)
    assert result["peak_mb"] < 1024, result
    if result["ok"]:
        assert result["title"] <= 300


def test_random_bytes_of_10_mb_are_refused_within_bounded_memory(tmp_path: Path) -> None:
    CASES["10 MB lines"] += 1
    import random

    path = tmp_path / "noise.txt"
    path.write_bytes(random.Random(7).randbytes(TEN_MB).replace(b"\n", b" "))
    result = read_in_child(path, 4 * TEN_MB)
    assert result["ok"] is False and result["reason"]
    assert resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024 < 1536
