"""Fit how much less often each kind of event, and events whose sides are all bodies, are found
right than events on the whole, and print it per fold; `--write` stores the offsets in
bot/extract/data/confidence.json.

    .venv/bin/python bench/kind_priors.py DIR [DIR ...] [--write]

Each DIR is a news_dev-style folder (`gold.json` and articles). Every event shown (confidence 0.5 or
more, offsets left out) is labelled right or wrong with the news scorer's own rule
(`bot.evaluate.news.event_matches`). A kind's precision is smoothed toward the overall rate (two
events' worth), and its offset is the difference of their log-odds; only kinds seen six times or
more whose offset is -1.0 or below are kept, at -1.0 (a kind found as often right as the rest keeps
its calibrated confidence, and a clearly told act of a doubtful kind stays shown), and never for a
talk's fate (EXEMPT). Acts whose sides are all bodies of no country (a body's own sitting, call or
visit is no such act) are a class of their own, fitted the same way (BODIES_ONLY); an event of both
pays both offsets. Folds are the folders split in two halves: offsets fitted on one half are scored
on the other, so an offset that fits only some articles shows as a drop there.
"""

from __future__ import annotations

import argparse
import json
import math
from collections import Counter
from pathlib import Path

from bot.config import Settings
from bot.evaluate.news import event_matches, read_gold
from bot.extract.events import confidence as confidence_module
from bot.extract.events.confidence import BODIES_ONLY, acted_by_bodies_alone
from bot.extract.extractor import Extractor, ExtractRequest

DATA = Path(__file__).resolve().parent.parent / "bot" / "extract" / "data" / "confidence.json"
SMOOTHING = 2.0
MIN_SEEN = 6
KEEP_BELOW = -1.0
# A talk's fate keeps its calibrated confidence: read one by one, the audits' "wrong" called-off
# and postponed meetings were real, typed otherwise by annotators, and "latest talks" must not
# show a cancelled summit as still planned.
EXEMPT = frozenset({"SANCTION cancel", "SANCTION postpone"})

# the classes an event belongs to ("TYPE kind", and BODIES_ONLY when every side is a body), its
# confidence without offsets, and whether it is right
Row = tuple[tuple[str, ...], float, bool]


def labelled(folder: Path, extractor: Extractor) -> list[Row]:
    articles = read_gold(folder)
    requests = [
        ExtractRequest(a.file, (folder / a.file).read_text(encoding="utf-8"), a.published)
        for a in articles
    ]
    rows = []
    for article, result in zip(articles, extractor.extract_many(requests), strict=True):
        for event in result.events:
            right = any(event_matches(g, event) for g in article.events)
            classes = (f"{event.type} {event.kind}",)
            if acted_by_bodies_alone(event.type, event.participants):
                classes += (BODIES_ONLY,)
            rows.append((classes, event.confidence, right))
    return rows


def fit(rows: list[Row]) -> dict[str, float]:
    shown = [(classes, right) for classes, conf, right in rows if conf >= 0.5]
    right_all = sum(1 for _, right in shown if right)
    wrong_all = len(shown) - right_all
    if not right_all or not wrong_all:
        return {}
    base_rate = right_all / len(shown)
    counts = Counter((kind, right) for classes, right in shown for kind in classes)
    offsets = {}
    for kind in {k for k, _ in counts}:
        right, wrong = counts[(kind, True)], counts[(kind, False)]
        if right + wrong < MIN_SEEN:
            continue
        rate = (right + SMOOTHING * base_rate) / (right + wrong + SMOOTHING)
        offset = math.log(rate / (1 - rate)) - math.log(base_rate / (1 - base_rate))
        if offset <= KEEP_BELOW and kind not in EXEMPT:
            # no deeper than the line itself: a clearly told act of a doubtful kind ("Israeli
            # troops withdrew from the town", a verb with its sides and day) stays shown
            offsets[kind] = round(max(offset, KEEP_BELOW), 2)
    return offsets


def shown_with(rows: list[Row], offsets: dict[str, float]) -> tuple[int, int]:
    right = wrong = 0
    for classes, conf, ok in rows:
        conf = min(max(conf, 1e-6), 1 - 1e-6)
        z = math.log(conf / (1 - conf)) + sum(offsets.get(kind, 0.0) for kind in classes)
        if z >= 0:
            right, wrong = right + ok, wrong + (not ok)
    return right, wrong


def report(name: str, rows: list[Row], offsets: dict[str, float]) -> None:
    before, after = shown_with(rows, {}), shown_with(rows, offsets)

    def told(counts: tuple[int, int]) -> str:
        right, wrong = counts
        return f"right {right} wrong {wrong} (P {right / max(1, right + wrong):.3f})"

    print(f"{name}: shown {told(before)} -> {told(after)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    confidence_module.kind_offsets.cache_clear()
    confidence_module.kind_offsets = lambda: {}  # type: ignore[assignment]  # fit from the raw
    confidence_module.side_offsets = lambda: {}  # type: ignore[assignment]
    extractor = Extractor.load(Settings().spacy_model)
    per_folder = {folder: labelled(folder, extractor) for folder in args.folders}
    halves = (args.folders[::2], args.folders[1::2])
    for train, test in (halves, halves[::-1]):
        if not train or not test:
            continue
        offsets = fit([r for f in train for r in per_folder[f]])
        report(
            f"fold fitted on {len(train)} folders, scored on {len(test)}",
            [r for f in test for r in per_folder[f]],
            offsets,
        )
    offsets = fit([r for rows in per_folder.values() for r in rows])
    report(
        "all folders (fitted on themselves)",
        [r for rows in per_folder.values() for r in rows],
        offsets,
    )
    print(json.dumps(dict(sorted(offsets.items(), key=lambda kv: kv[1])), indent=1))
    if args.write:
        data = json.loads(DATA.read_text(encoding="utf-8"))
        data["kind_offsets"] = dict(sorted(o for o in offsets.items() if o[0] != BODIES_ONLY))
        data["side_offsets"] = {k: v for k, v in offsets.items() if k == BODIES_ONLY}
        DATA.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"written to {DATA}")


if __name__ == "__main__":
    main()
