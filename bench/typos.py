"""Benchmark: which entity a typo finds, through the trigram index, against scoring every alias.

    .venv/bin/python bench/typos.py --db PATH [--typos 300] [--seed 2] [--pg-url URL]

Takes a filled answer-benchmark database (bench/answers.py --db), makes `--typos` typed names by
changing, dropping, adding or swapping one letter of a stored alias (half of the first 200 names,
the real people and countries among them; half of any), keeps those no index finds as they are,
and looks each up with the entity matcher (`--pg-url`: in that PostgreSQL copy of the file) and
with the matcher as it was before issue 17's typo index: rapidfuzz's WRatio over every alias of
the store, then a single word's ratio over every surname, the lowest entity id for the name found
(the rule both now follow). Prints how many find the same entity, the time per typo (median,
p99) and each difference with its scores. Not a test: the figures depend on the vocabulary.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import sqlite3
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from rapidfuzz import fuzz, process  # noqa: E402

from bot.answer.entity_match import FUZZY_CUTOFF, SURNAME_CUTOFF, EntityMatcher  # noqa: E402
from bot.store.location import PostgresLocation  # noqa: E402
from bot.store.store import Store  # noqa: E402

ALIASES = """
SELECT e.id, e.kind, al.norm FROM entities e JOIN entity_aliases al ON al.entity_id = e.id
ORDER BY e.id, al.norm"""
LETTERS = "abcdefghijklmnopqrstuvwxyz"


class FullScan:
    """Every alias scored, as the matcher did before the typo index (the lowest id found)."""

    def __init__(self, db: Path) -> None:
        conn = sqlite3.connect(db)
        self.names: dict[str, int] = {}
        self.surnames: dict[str, int] = {}
        for entity_id, kind, norm in conn.execute(ALIASES):
            self.names.setdefault(norm, entity_id)
            if kind == "person" and " " in norm:
                self.surnames.setdefault(norm.rsplit(" ", 1)[1], entity_id)
        conn.close()

    def match(self, norm: str) -> tuple[int, str, float] | None:
        found = process.extractOne(
            norm, list(self.names), scorer=fuzz.WRatio, score_cutoff=FUZZY_CUTOFF
        )
        if found is not None:
            return self.names[found[0]], found[0], found[1]
        if " " in norm:
            return None
        found = process.extractOne(
            norm, list(self.surnames), scorer=fuzz.ratio, score_cutoff=SURNAME_CUTOFF
        )
        return (self.surnames[found[0]], found[0], found[1]) if found else None


def typos(scan: FullScan, count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    names = list(scan.names)
    out: list[str] = []
    while len(out) < count:
        name = rng.choice(names[:200]) if rng.random() < 0.5 else rng.choice(names)
        i, kind = rng.randrange(len(name)), rng.randrange(4)
        if kind == 0:
            typed = name[:i] + rng.choice(LETTERS) + name[i + 1 :]
        elif kind == 1:
            typed = name[:i] + name[i + 1 :]
        elif kind == 2:
            typed = name[:i] + rng.choice(LETTERS) + name[i:]
        else:
            typed = name[:i] + name[i + 1 : i + 2] + name[i] + name[i + 2 :]
        if len(typed) < 3 or typed != " ".join(typed.split()):
            continue
        if typed not in scan.names and typed not in scan.surnames:
            out.append(typed)
    return out


async def run(target: Path | PostgresLocation, scan: FullScan, typed: list[str]) -> None:
    store = await Store.open(target)
    try:
        matcher = EntityMatcher(store)
        same, times, differences = 0, [], []
        for name in typed:
            start = time.perf_counter()
            found = await matcher.match(name)
            times.append(time.perf_counter() - start)
            expected = scan.match(name)
            if (found.entity_id if found else None) == (expected[0] if expected else None):
                same += 1
                continue
            now = None
            if found is not None:  # the name's score, or its surname's
                score = fuzz.WRatio(name, found.norm)
                if score < FUZZY_CUTOFF:
                    score = fuzz.ratio(name, found.norm.rsplit(" ", 1)[-1])
                now = (found.entity_id, found.norm, round(score, 1))
            before = expected and (expected[0], expected[1], round(expected[2], 1))
            differences.append(f"  {name!r}: before {before}, now {now}")
    finally:
        await store.close()
    times.sort()
    p99 = times[min(len(times) - 1, int(0.99 * len(times)))]
    print(
        f"{same} of {len(typed)} typos find the same entity; "
        f"median {statistics.median(times) * 1000:.1f} ms, p99 {p99 * 1000:.1f} ms"
    )
    print("\n".join(differences))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True, help="a filled SQLite benchmark file")
    parser.add_argument("--typos", type=int, default=300)
    parser.add_argument("--seed", type=int, default=2)
    parser.add_argument("--pg-url", help="look the typos up in this PostgreSQL copy of the file")
    args = parser.parse_args()
    scan = FullScan(args.db)
    target: Path | PostgresLocation = PostgresLocation(args.pg_url) if args.pg_url else args.db
    asyncio.run(run(target, scan, typos(scan, args.typos, args.seed)))


if __name__ == "__main__":
    main()
