"""Fit the event confidence's weights on news_dev-style folders, per fold, and print them.

    .venv/bin/python bench/calibrate_confidence.py [FOLDER ...] [--folds 3] [--write]

Each predicted event is labelled right or wrong with the news scorer's own rule
(`bot.evaluate.news.event_matches`); its features come from `bot.extract.events.confidence`. A
logistic regression (L2-penalised, plain gradient descent: a dozen features need nothing more) is
fitted on all folds but one and scored on the held-out fold, so a weight that only fits some
articles shows up as a drop on the fold it did not see; each fold also shows what the weights in
use give there. The kinds' and sides' offsets (`bench/kind_priors.py`) are held fixed in the
fit. `--write` stores the weights fitted on the whole set, rounded, in
bot/extract/data/confidence.json. FOLDER defaults to ../shared/eval/news_dev; several folders are
fitted as one set.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np

from bot.config import Settings
from bot.evaluate.news import event_matches, fold_files, read_gold
from bot.extract.entities import link_entities
from bot.extract.events import extract_events_with_evidence
from bot.extract.events.confidence import event_weights, features, prior_offset
from bot.extract.extractor import Extractor

DATA = Path(__file__).resolve().parent.parent / "bot" / "extract" / "data" / "confidence.json"
THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7)


def labelled_rows(
    folder: Path, extractor: Extractor
) -> list[tuple[str, bool, dict[str, float], float]]:
    """(article, right, features, the kind's and sides' offset) for every event found, shown or
    not."""
    rows = []
    for article in read_gold(folder):
        doc = extractor.nlp((folder / article.file).read_text(encoding="utf-8"))
        for event, found in extract_events_with_evidence(
            doc, link_entities(doc), article.published
        ):
            right = any(event_matches(g, event) for g in article.events)
            evidence = found.evidence
            rows.append((article.file, right, features(evidence), prior_offset(evidence)))
    return rows


def fit(
    x: np.ndarray,
    y: np.ndarray,
    offset: np.ndarray,
    l2: float = 1.0,
    steps: int = 4000,
    rate: float = 0.1,
) -> np.ndarray:
    """Weights for `x`, with each row's kind offset held fixed: confidence adds the offsets
    after the weighed features, so the weights are fitted to what the offsets leave."""
    w = np.zeros(x.shape[1])
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-(x @ w + offset)))
        grad = x.T @ (p - y) / len(y) + l2 * w / len(y)
        w -= rate * grad
    return w


def precision_recall(p: np.ndarray, y: np.ndarray, threshold: float) -> tuple[float, float]:
    kept = p >= threshold
    right = float((kept & (y == 1)).sum())
    return (right / kept.sum() if kept.sum() else 0.0), (right / y.sum() if y.sum() else 0.0)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("folders", nargs="*", default=["../shared/eval/news_dev"])
    parser.add_argument("--folds", type=int, default=3)
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    extractor = Extractor.load(Settings().spacy_model)
    # several folders fit as one: each article named by its folder too, so folds stay apart
    rows = [
        (f"{folder}/{name}", right, row, offset)
        for folder in map(Path, args.folders)
        for name, right, row, offset in labelled_rows(folder, extractor)
    ]
    names = list(rows[0][2])
    x = np.array([[r[2][n] for n in names] for r in rows])
    y = np.array([1.0 if r[1] else 0.0 for r in rows])
    offset = np.array([r[3] for r in rows])
    files = np.array([r[0] for r in rows])
    print(f"{len(rows)} predicted events, {int(y.sum())} right ({y.mean():.3f})")
    print("held-out fold: precision/recall of the predicted events kept at each threshold")
    in_use = np.array([event_weights().get(n, 0.0) for n in names])
    print("  fold  " + "  ".join(f"   >={t:.1f}  " for t in THRESHOLDS))
    for i, fold in enumerate(fold_files(sorted(set(files)), args.folds), start=1):
        test = np.isin(files, fold)
        w = fit(x[~test], y[~test], offset[~test])
        p = 1.0 / (1.0 + np.exp(-(x[test] @ w + offset[test])))
        now = 1.0 / (1.0 + np.exp(-(x[test] @ in_use + offset[test])))
        for label, scores in ((f"{i}", p), (f"{i} now", now)):
            cells = [precision_recall(scores, y[test], t) for t in THRESHOLDS]
            print(f"  {label:<6}" + "  ".join(f"{pp:.2f}/{rr:.2f}" for pp, rr in cells))
    w = fit(x, y, offset)
    weights = {n: round(float(v), 2) for n, v in zip(names, w, strict=True)}
    print("weights fitted on the whole folder:", json.dumps(weights))
    if args.write:
        data = json.loads(DATA.read_text(encoding="utf-8"))
        data["event_weights"] = weights
        DATA.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"written to {DATA}")


if __name__ == "__main__":
    main()
