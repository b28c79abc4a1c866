"""Fit how much less often each kind of event is found right than events on the whole, and print
it per fold; `--write` stores the offsets in bot/extract/data/confidence.json.

    .venv/bin/python bench/kind_priors.py DIR [DIR ...] [--write]

Each DIR is a news_dev-style folder (`gold.json` and articles). Every event shown (confidence
0.5 or more, offsets left out) is labelled right or wrong with the news scorer's own rule
(`bot.evaluate.news.event_matches`). A kind's precision is smoothed toward the overall rate (two
events' worth), and its offset is the difference of their log-odds; only kinds seen six times or
more whose offset is -1.0 or below are kept, at -1.0 (a kind found as often right as the rest
keeps its calibrated confidence, and a clearly told act of a doubtful kind stays shown), and never
for a talk's fate (EXEMPT). Folds are the folders split in two halves: offsets fitted on one half
are scored on the other, so an offset that fits only some articles shows as a drop there.
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
from bot.extract.extractor import Extractor, ExtractRequest

DATA = Path(__file__).resolve().parent.parent / "bot" / "extract" / "data" / "confidence.json"
SMOOTHING = 2.0
MIN_SEEN = 6
KEEP_BELOW = -1.0
# A talk's fate keeps its calibrated confidence: read one by one, the audits' "wrong" called-off
# and postponed meetings were real, typed otherwise by annotators, and "latest talks" must not
# show a cancelled summit as still planned.
EXEMPT = frozenset({"SANCTION cancel", "SANCTION postpone"})

Row = tuple[str, float, bool]  # "TYPE kind", confidence without offsets, right


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
            rows.append((f"{event.type} {event.kind}", event.confidence, right))
    return rows


def fit(rows: list[Row]) -> dict[str, float]:
    shown = [(kind, right) for kind, conf, right in rows if conf >= 0.5]
    right_all = sum(1 for _, right in shown if right)
    wrong_all = len(shown) - right_all
    if not right_all or not wrong_all:
        return {}
    base_rate = right_all / len(shown)
    counts = Counter(shown)
    offsets = {}
    for kind in {k for k, _ in shown}:
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
    for kind, conf, ok in rows:
        conf = min(max(conf, 1e-6), 1 - 1e-6)
        z = math.log(conf / (1 - conf)) + offsets.get(kind, 0.0)
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
        data["kind_offsets"] = dict(sorted(offsets.items()))
        DATA.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"written to {DATA}")


if __name__ == "__main__":
    main()
