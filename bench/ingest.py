"""Benchmark: Briefbot's full ingest against spaCy alone, on the same texts, in one run.

    .venv/bin/python bench/ingest.py [--repeat 1] [--copies 1] [--workers 2]

Texts: the PolNeAR dev articles (../shared/eval/polnear_dev.jsonl) and the seed; `--copies N`
ingests N perturbed copies of each (no duplicates). Prints articles/s and words/s for
 (a)  spaCy alone: `spacy.load(model)` (no Briefbot components), `nlp.pipe` over the same batches
      Briefbot makes (at most 16 texts and 20,000 characters each);
 (a16) spaCy alone in plain batches of 16 texts, to show what bounding batches by size costs;
 (a') Briefbot's pipeline alone: the same model with Briefbot's components, `nlp.pipe`;
 (b)  Briefbot's full ingest into a fresh SQLite file: read files, extract, store;
 (c)  the same with `--workers N` extraction processes (their start-up and model loads included);
and the ratio b/a (the target is >= 0.85) and the speed-up c/b. Medians over `--repeat` runs.
Each pass also prints its peak resident memory above what the process held before it (Linux:
VmHWM, reset through /proc/self/clear_refs): mostly spaCy's working memory for a batch.
Not a test: the figures depend on the machine and on what else runs on it.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import gc
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.corpus import load_texts, perturbed, words, write_corpus  # noqa: E402
from bench.memory import memory_kb  # noqa: E402
from bot.config import Settings  # noqa: E402
from bot.engine import Engine  # noqa: E402
from bot.extract.batching import MAX_BATCH_CHARS, pack  # noqa: E402
from bot.extract.extractor import BATCH_SIZE  # noqa: E402
from bot.extract.pipeline import load_pipeline  # noqa: E402


def status_mb(field: str) -> float:
    try:
        return memory_kb(os.getpid(), field) / 1024
    except OSError:
        return float("nan")


def timed(run: Callable[[], object]) -> tuple[float, float]:
    """Seconds, and peak resident memory above the start in MB (nan where /proc is missing)."""
    gc.collect()
    with contextlib.suppress(OSError):
        Path("/proc/self/clear_refs").write_text("5")  # VmHWM := VmRSS
    before = status_mb("VmRSS")
    start = time.perf_counter()
    run()
    return time.perf_counter() - start, status_mb("VmHWM") - before


def spacy_pass(nlp, texts: list[str], max_chars: int = MAX_BATCH_CHARS) -> Callable[[], None]:
    def run() -> None:
        for batch in pack(texts, len, BATCH_SIZE, max_chars):
            for _ in nlp.pipe(batch, batch_size=len(batch)):
                pass

    return run


def ingest_pass(folder: Path, scratch: Path, workers: int) -> Callable[[], None]:
    def run() -> None:
        db = scratch / f"bench-{time.monotonic_ns()}.db"

        async def main() -> None:
            settings = Settings(BRIEFBOT_DB=db)
            async with await Engine.open(settings, load_model=workers <= 1) as engine:
                report = await engine.ingest([folder], workers=workers)
                if report.refused:
                    raise SystemExit(f"refused: {report.refused[:3]}")

        asyncio.run(main())

    return run


def row(name: str, seconds: float, peak: float, articles: int, n_words: int) -> str:
    return (
        f"| {name:<52} | {seconds:8.2f} | {articles / seconds:10.2f} | {n_words / seconds:9,.0f} "
        f"| {peak:8.0f} |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--copies", type=int, default=1)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()

    settings = Settings()
    originals = load_texts()
    corpus = [perturbed(t, c) for c in range(args.copies) for t in originals]
    texts = [t.text for t in corpus]
    n_articles, n_words = len(texts), words(corpus)

    import spacy

    plain = spacy.load(settings.spacy_model)
    briefbot_nlp = load_pipeline(settings.spacy_model)
    for nlp in (plain, briefbot_nlp):  # warm up
        list(nlp.pipe(texts[:4], batch_size=BATCH_SIZE))

    times: dict[str, list[float]] = {"a": [], "a16": [], "a2": [], "b": [], "c": []}
    peaks: dict[str, list[float]] = {k: [] for k in times}

    def measure(key: str, run: Callable[[], None]) -> None:
        seconds, peak = timed(run)
        times[key].append(seconds)
        peaks[key].append(peak)

    with tempfile.TemporaryDirectory() as tmp:
        scratch = Path(tmp)
        folder = scratch / "articles"
        write_corpus(originals, folder, args.copies)
        for _ in range(args.repeat):
            measure("a", spacy_pass(plain, texts))
            measure("b", ingest_pass(folder, scratch, 1))
            measure("a2", spacy_pass(briefbot_nlp, texts))
            measure("a16", spacy_pass(plain, texts, max_chars=sys.maxsize))
            if args.workers > 1:
                measure("c", ingest_pass(folder, scratch, args.workers))

    med = {k: statistics.median(v) for k, v in times.items() if v}
    peak = {k: max(v) for k, v in peaks.items() if v}
    print(
        f"{n_articles} articles, {n_words:,} words; model {settings.spacy_model}; "
        f"batches of at most {BATCH_SIZE} texts and {MAX_BATCH_CHARS:,} characters; "
        f"median of {args.repeat} run(s)"
    )
    print(
        f"| {'pass':<52} | {'seconds':>8} | {'articles/s':>10} | {'words/s':>9} | {'peak MB':>8} |"
    )
    print(f"|{'-' * 54}|{'-' * 10}|{'-' * 12}|{'-' * 11}|{'-' * 10}|")
    print(
        row(
            "(a) spaCy alone (plain spacy.load, same batches)",
            med["a"],
            peak["a"],
            n_articles,
            n_words,
        )
    )
    print(
        row(
            f"(a16) spaCy alone, {BATCH_SIZE} texts a batch, no size bound",
            med["a16"],
            peak["a16"],
            n_articles,
            n_words,
        )
    )
    print(row("(a') Briefbot pipeline, nlp.pipe only", med["a2"], peak["a2"], n_articles, n_words))
    print(row("(b) Briefbot full ingest, 1 process", med["b"], peak["b"], n_articles, n_words))
    if "c" in med:
        print(
            row(
                f"(c) Briefbot full ingest, --workers {args.workers} (main process)",
                med["c"],
                peak["c"],
                n_articles,
                n_words,
            )
        )
    print(f"ratio b/a = {med['a'] / med['b']:.2f} (target >= 0.85)")
    if "c" in med:
        print(f"speed-up with {args.workers} workers (b/c) = {med['b'] / med['c']:.2f}x")


if __name__ == "__main__":
    main()
