"""Benchmark: cross-article event identity, one real event per item (issue 15).

    .venv/bin/python bench/merge.py [--dir ../shared/eval/merge_dev] [--show]
    .venv/bin/python bench/merge.py --news [--dir ../shared/eval/news_dev] [--seeds ../shared/seeds]

Default mode (merge_dev): every report in the set is ingested into a fresh temporary database
through the real ingest path (`Engine.ingest` on a folder), each with its `published` date and
`url` from gold.json given in a sidecar `NAME.meta.json` (the texts are linked, never copied).
Then "same event" is decided pairwise from the store: two reports are the same when the item of
their main event cites both. The main event of a report is chosen among the stored events that
cite it, are shown in answers (confidence at or above BRIEFBOT_MIN_CONFIDENCE) and have the gold
cluster's type: the one whose report from that article (the article's own version, not the
merged event) best matches the gold event - points for each gold participant it names (a
person also matching their country), for the gold date and against another firm date, for the
gold place and for a kind compatible with the gold kind (`main_event`; a month or year that
cannot hold the gold date counts against, as another day does); on a tie the older
event. A report with no such event has no main event and stands alone. Prints pairwise
precision and recall, B-cubed precision and recall, wrong merges (an item that is the main
event of reports of two or more gold clusters) and split events (a gold cluster whose reports
are in two or more items, or in none), and, for information, the items that cite reports of
two clusters through an event mentioned in passing, and how whole and right each gold event's
item is (date, place and kind of the item most of its reports have as main event). Pairwise
scores are also given per fold (an event and its look-alike in one fold; a pair across two folds
counts in both).

`--news`: ingests all of news_dev (published dates and urls from its gold.json) and the seed
articles together, and checks every item citing two or more articles: each cited article must
have a gold event of the item's type sharing a participant with that article's own report
(news_dev's gold.json; the seed's from ../shared/acceptance/seed_gold.json when present), and
one such gold event per article must be one event (participants overlapping, dates within a
day and places agreeing wherever both are given). Items failing the second test are wrong
merges; items whose article has no gold event to compare with are counted apart (unverifiable).

Not a test: it measures the identity rule together with the extraction under it.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from itertools import combinations
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.config import Settings  # noqa: E402
from bot.engine import Engine  # noqa: E402
from bot.extract.countries import country_index  # noqa: E402
from bot.extract.organizations import organization_members, organization_name  # noqa: E402
from bot.identity import kinds_compatible, periods_overlap  # noqa: E402
from bot.names import fold, name_key  # noqa: E402
from bot.store.rows import DetailedEvent  # noqa: E402

SHARED = ROOT.parent / "shared"
MAX_ITEMS = 1_000_000  # every stored event


# --- ingesting with metadata ----------------------------------------------------------------------
def link_with_sidecars(folder: Path, files: dict[Path, dict[str, Any]]) -> None:
    """`folder` gets a link to each article and its `NAME.meta.json` (published, url, source)."""
    folder.mkdir(parents=True, exist_ok=True)
    for path, meta in files.items():
        (folder / path.name).symlink_to(path.resolve())
        if meta:
            (folder / f"{path.stem}.meta.json").write_text(json.dumps(meta), encoding="utf-8")


def report_meta(file: str, published: str | None, url: str | None) -> dict[str, Any]:
    """Sidecar keys: the outlet is the last part of the file name (`e01_2_kyivindependent.txt`)."""
    meta: dict[str, Any] = {"source": Path(file).stem.split("_")[-1]}
    if published:
        meta["published"] = published
    if url:
        meta["url"] = url if url.startswith(("http://", "https://")) else f"https://{url}"
    return meta


@dataclass
class Stored:
    """What the store holds after the ingest: shown events and every article's own reports."""

    shown: dict[int, DetailedEvent]  # event id -> event (with sources)
    reports: list[dict[str, Any]]  # event_reports rows, with their article's url and origin
    refused: list[tuple[str, str]] = field(default_factory=list)


async def ingest(folder: Path, db: Path) -> Stored:
    settings = Settings(_env_file=None, BRIEFBOT_DB=db)
    async with await Engine.open(settings) as engine:
        report = await engine.ingest([folder])
        events, _ = await engine.store.events(
            limit=MAX_ITEMS, count=False, min_confidence=settings.min_confidence
        )
        reports = await engine.store.event_reports()
    return Stored({e.id: e for e in events}, reports, report.refused)


# --- lenient name matching (the eval sets' conventions) ------------------------------------------
def _code(name: str, hows: tuple[str, ...] = ("name", "alias", "demonym")) -> str | None:
    country = country_index().resolve(name, hows=hows)
    return country.code if country else None


def name_matches(gold: str, party: dict[str, Any]) -> bool:
    """A gold name ("a|b" for alternatives) and a stored participant: the same folded name, the
    same surname, a name containing the country ("Delegations of Russia"), the same country (a
    person matching their country), or a member of the body the participant is (a gold list of
    the BRICS countries and a stored "BRICS")."""
    theirs = fold(party["name"]).removeprefix("the ")
    members = (
        organization_members(name_key(organization_name(party["name"]) or party["name"]))
        if party.get("kind") == "organization"
        else frozenset()
    )
    for option in gold.split("|"):
        ours = fold(option).removeprefix("the ")
        if not ours:
            continue
        if ours == theirs or (
            ours.split()[-1] == theirs.split()[-1] and party.get("kind") == "person"
        ):
            return True
        code = _code(option)
        if code and (
            code in (party.get("country_code"), _code(party["name"]))
            or f" {ours} " in f" {theirs} "
            or code in members
        ):
            return True
    return False


def place_matches(gold: str | None, name: str | None) -> bool:
    if not gold or not name:
        return False
    a, b = fold(gold), fold(name)
    places = ("name", "alias", "capital", "city")  # "Muscat" is in "Oman"
    return (
        a in b
        or b in a
        or (_code(gold, places) is not None and _code(gold, places) == _code(name, places))
    )


def near(a: str | None, b: str | None, days: int = 1) -> bool:
    if not a or not b:
        return False
    return abs((date.fromisoformat(a[:10]) - date.fromisoformat(b[:10])).days) <= days


# --- merge_dev ---------------------------------------------------------------------------------
# A gold set written by hand may say "call" where merge_dev and the product say "phone_call".
GOLD_KIND_ALIASES = {"call": "phone_call"}


def gold_kind(cluster: dict[str, Any]) -> str | None:
    kind = cluster.get("kind")
    return GOLD_KIND_ALIASES.get(kind, kind) if kind else None


def main_event(candidates: list[dict[str, Any]], gold: dict[str, Any]) -> int | None:
    """The event whose report from this article best matches the gold event (module docstring):
    a point per gold participant named, two for the gold date (within a day), minus two for
    another firm date or a month or year that cannot hold the gold date ("a state visit last
    year" in a report of this year's), one for the gold place, two for a kind compatible with
    the gold kind."""

    def score(report: dict[str, Any]) -> tuple[int, int]:
        points = sum(
            any(name_matches(g, p) for p in report["participants"]) for g in gold["participants"]
        )
        if near(report["date"], gold["date"]):
            points += 2
        elif report["date"] and (
            report["date_precision"] in ("day", "week")
            or (
                gold.get("date")
                and not periods_overlap(
                    (report["date"][:10], report["date_precision"]), (gold["date"], "day")
                )
            )
        ):
            points -= 2
        points += place_matches(gold.get("location"), report["location_name"])
        # a gold event with no kind (an agreement, as merge_dev's README allows) gives none
        points += 2 * bool(gold_kind(gold) and kinds_compatible(report["kind"], gold_kind(gold)))
        return points, -report["event_id"]

    fitting = [r for r in candidates if r["type"] == gold["type"]]
    return max(fitting, key=score)["event_id"] if fitting else None


def score_merge(gold: dict[str, Any], stored: Stored) -> dict[str, Any]:
    cluster_of = {r["file"]: c["id"] for c in gold["clusters"] for r in c["reports"]}
    by_file: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for report in stored.reports:
        if report["event_id"] in stored.shown:
            by_file[Path(report["origin"]).name].append(report)
    main: dict[str, int | None] = {}
    for cluster in gold["clusters"]:
        for r in cluster["reports"]:
            main[r["file"]] = main_event(by_file.get(r["file"], []), cluster)
    files = sorted(cluster_of)
    tp = fp = fn = 0
    by_fold: dict[int, list[int]] = defaultdict(lambda: [0, 0, 0])
    for a, b in combinations(files, 2):
        same_gold = cluster_of[a] == cluster_of[b]
        same_item = main[a] is not None and main[a] == main[b]
        tp += same_gold and same_item
        fp += same_item and not same_gold
        fn += same_gold and not same_item
        for fold_number in {fold_of(cluster_of[a]), fold_of(cluster_of[b])}:
            counts = by_fold[fold_number]
            counts[0] += same_gold and same_item
            counts[1] += same_item and not same_gold
            counts[2] += same_gold and not same_item
    # B-cubed: each report's predicted cluster (its main event's reports; itself when it has none).
    item_members: dict[int, set[str]] = defaultdict(set)
    for f, ev in main.items():
        if ev is not None:
            item_members[ev].add(f)
    b_p = b_r = 0.0
    for f in files:
        predicted = item_members[main[f]] if main[f] is not None else {f}
        gold_members = {g for g in files if cluster_of[g] == cluster_of[f]}
        overlap = len(predicted & gold_members)
        b_p += overlap / len(predicted)
        b_r += overlap / len(gold_members)
    wrong = {
        ev: sorted(members)
        for ev, members in item_members.items()
        if len({cluster_of[f] for f in members}) > 1
    }
    split = {}
    for cluster in gold["clusters"]:
        items = [main[r["file"]] for r in cluster["reports"]]
        if len(set(items)) > 1 or (None in items and len(items) > 1):
            split[cluster["id"]] = items
    # For information: items citing reports of two clusters through any event, passing mentions too.
    cited: dict[int, set[str]] = defaultdict(set)
    for reports in by_file.values():
        for report in reports:
            cited[report["event_id"]].add(cluster_of.get(Path(report["origin"]).name, "?"))
    return {
        "reports": len(files),
        "clusters": len(gold["clusters"]),
        "pairs": (tp, fp, fn),
        "precision": tp / (tp + fp) if tp + fp else 1.0,
        "recall": tp / (tp + fn) if tp + fn else 1.0,
        "bcubed_precision": b_p / len(files),
        "bcubed_recall": b_r / len(files),
        "wrong_merges": wrong,
        "split": split,
        "no_main_event": sorted(f for f, ev in main.items() if ev is None),
        "mixed_citations": sum(len(c) > 1 for c in cited.values()),
        "main": main,
        "fields": item_fields(gold, main, stored),
        "folds": {number: tuple(counts) for number, counts in sorted(by_fold.items())},
    }


FOLDS = 3


def fold_of(cluster_id: str) -> int:
    """An event and its look-alike ("e04", "l04") share a fold: fold = number mod 3, plus one."""
    digits = "".join(c for c in cluster_id if c.isdigit())
    return int(digits or 0) % FOLDS + 1


def item_fields(
    gold: dict[str, Any], main: dict[str, int | None], stored: Stored
) -> tuple[dict[str, Counter[str]], list[str]]:
    """Whole records: for each gold event, the item most of its reports have as main event,
    its date (the gold first day; a day off; wrong; none), place (the gold place or a place
    holding it; wrong; none) and, for talks, kind against the gold ones; and the wrong ones."""
    counts: dict[str, Counter[str]] = {"date": Counter(), "place": Counter(), "kind": Counter()}
    wrong: list[str] = []
    for cluster in gold["clusters"]:
        items = Counter(main[r["file"]] for r in cluster["reports"] if main[r["file"]])
        if not items:
            for field_counts in counts.values():
                field_counts["no item"] += 1
            continue
        event = stored.shown[items.most_common(1)[0][0]]
        when, place = event.date, event.location.name if event.location else None
        verdicts = {
            "date": "none"
            if not when
            else "right"
            if when[:10] == cluster["date"]
            else "a day off"
            if near(when, cluster["date"])
            else "wrong",
            "place": "none"
            if not place or not cluster.get("location")
            else "right"
            if place_matches(cluster["location"], place)
            else "wrong",
            # an agreement's gold kind names the occasion it was signed at, not the agreement
            "kind": "not talks"
            if cluster["type"] != "CONSULT"
            else "right"
            if kinds_compatible(event.kind, gold_kind(cluster))
            else "wrong",
        }
        shown = {"date": when, "place": place, "kind": event.kind}
        wanted = {
            "date": cluster["date"],
            "place": cluster.get("location"),
            "kind": cluster.get("kind"),
        }
        for name, verdict in verdicts.items():
            counts[name][verdict] += 1
            if verdict == "wrong":
                wrong.append(f"{cluster['id']} {name}: {shown[name]} (gold {wanted[name]})")
    return counts, wrong


def print_merge(result: dict[str, Any], show: bool) -> None:
    tp, fp, fn = result["pairs"]
    print(f"merge_dev: {result['reports']} reports of {result['clusters']} events")
    print(
        f"pairwise precision {result['precision']:.3f}  recall {result['recall']:.3f}  (tp {tp}, "
        f"fp {fp}, fn {fn})"
    )
    print(
        f"B-cubed precision {result['bcubed_precision']:.3f}  recall {result['bcubed_recall']:.3f}"
    )
    print(
        f"wrong merges (an item the main event of two gold clusters): {len(result['wrong_merges'])}"
    )
    print(
        f"split events (a gold cluster in two or more items): {len(result['split'])} of "
        f"{result['clusters']}"
    )
    print(
        "reports without a main event (no shown event of the gold type): "
        f"{len(result['no_main_event'])}"
    )
    print(
        "items citing reports of two clusters through a passing mention (information): "
        f"{result['mixed_citations']}"
    )
    for number, (f_tp, f_fp, f_fn) in result["folds"].items():
        f_p = f_tp / (f_tp + f_fp) if f_tp + f_fp else 1.0
        f_r = f_tp / (f_tp + f_fn) if f_tp + f_fn else 1.0
        print(
            f"  fold {number} (events numbered {number - 1} mod {FOLDS}): precision {f_p:.3f}  "
            f"recall {f_r:.3f}  (tp {f_tp}, fp {f_fp}, fn {f_fn})"
        )
    field_counts, wrong_fields = result["fields"]
    for name, counts in field_counts.items():
        print(
            f"main items' {name}: "
            + ", ".join(f"{k} {v}" for k, v in sorted(counts.items(), key=lambda kv: -kv[1]))
        )
    if show:
        for line in wrong_fields:
            print(f"  wrong field: {line}")
        for ev, files in result["wrong_merges"].items():
            print(f"  wrong merge: event {ev}: {', '.join(files)}")
        for cluster, items in result["split"].items():
            print(f"  split: {cluster}: items {items}")
        for f in result["no_main_event"]:
            print(f"  no main event: {f}")


# --- news_dev ----------------------------------------------------------------------------------
def gold_matches(gold: dict[str, Any], report: dict[str, Any]) -> bool:
    """A gold event this article's report may be: the same type, a participant in common."""
    return gold["type"] == report["type"] and any(
        name_matches(g, p) for g in gold.get("participants", []) for p in report["participants"]
    )


def same_gold_event(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Two articles' gold events are one event unless something given in both says otherwise."""
    shared = any(
        name_matches(x, {"name": y.split("|")[0], "kind": "person", "country_code": _code(y)})
        for x in a.get("participants", [])
        for y in b.get("participants", [])
    )
    if not shared or a["type"] != b["type"]:
        return False
    if a.get("date") and b.get("date") and not near(a["date"], b["date"]):
        return False
    return not (
        a.get("location") and b.get("location") and not place_matches(a["location"], b["location"])
    )


def consistent(choices: list[list[dict[str, Any]]]) -> bool:
    """One gold event per article, all of them one event (a small search: few candidates each)."""

    def extend(chosen: list[dict[str, Any]], rest: list[list[dict[str, Any]]]) -> bool:
        if not rest:
            return True
        return any(
            all(same_gold_event(c, g) for c in chosen) and extend([*chosen, g], rest[1:])
            for g in rest[0]
        )

    return extend([], choices)


def score_news(gold_by_file: dict[str, list[dict[str, Any]]], stored: Stored) -> dict[str, Any]:
    reports_by_event: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for report in stored.reports:
        if report["event_id"] in stored.shown:
            reports_by_event[report["event_id"]].append(report)
    multi = {
        ev: rs for ev, rs in reports_by_event.items() if len({r["article_id"] for r in rs}) > 1
    }
    wrong, unverifiable = [], []
    for ev, reports in sorted(multi.items()):
        choices = []
        for report in reports:
            golds = gold_by_file.get(Path(report["origin"]).name)
            choices.append(
                [g for g in golds or [] if gold_matches(g, report)] if golds is not None else None
            )
        if any(c is None or not c for c in choices):
            unverifiable.append((ev, reports))
        elif not consistent(choices):
            wrong.append((ev, reports))
    return {"multi": len(multi), "wrong": wrong, "unverifiable": unverifiable}


def describe(reports: list[dict[str, Any]]) -> str:
    return "; ".join(
        f"{Path(r['origin']).name}: {r['type']}/{r['kind']} "
        f"[{', '.join(p['name'] for p in r['participants'])}] {r['location_name'] or '-'} "
        f"{r['date'] or 'undated'}"
        for r in reports
    )


def print_news(result: dict[str, Any], show: bool) -> None:
    print(f"news_dev + seeds: {result['multi']} items cite two or more articles")
    print(
        "wrong merges (the cited articles' gold events are different events): "
        f"{len(result['wrong'])}"
    )
    for ev, reports in result["wrong"]:
        print(f"  event {ev}: {describe(reports)}")
    print(
        f"unverifiable (a cited article has no gold event of the type with a common participant): "
        f"{len(result['unverifiable'])}"
    )
    if show:
        for ev, reports in result["unverifiable"]:
            print(f"  event {ev}: {describe(reports)}")


# --- main ----------------------------------------------------------------------------------------
def news_files(
    news: Path, seeds: Path
) -> tuple[dict[Path, dict[str, Any]], dict[str, list[dict[str, Any]]]]:
    gold = json.loads((news / "gold.json").read_text(encoding="utf-8"))
    files = {
        news / a["file"]: report_meta(a["file"], a.get("published"), a.get("url"))
        for a in gold["articles"]
    }
    gold_by_file = {a["file"]: a["events"] for a in gold["articles"]}
    seed_gold_path = SHARED / "acceptance" / "seed_gold.json"
    seed_gold = (
        json.loads(seed_gold_path.read_text(encoding="utf-8")) if seed_gold_path.exists() else None
    )
    for path in sorted(seeds.glob("*.txt")):
        files[path] = {}  # the seed's own sidecar (or front matter) travels with it
        sidecar = path.with_name(f"{path.stem}.meta.json")
        if sidecar.exists():
            files[path] = json.loads(sidecar.read_text(encoding="utf-8"))
        if seed_gold and Path(seed_gold["article"]).name == path.name:
            gold_by_file[path.name] = seed_gold["events"]
    return files, gold_by_file


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--news", action="store_true", help="news_dev plus the seeds: wrong merges only"
    )
    parser.add_argument(
        "--dir",
        type=Path,
        help="the evaluation folder (default: merge_dev, or news_dev with --news)",
    )
    parser.add_argument("--seeds", type=Path, default=SHARED / "seeds")
    parser.add_argument(
        "--show", action="store_true", help="list every wrong merge, split and unverifiable item"
    )
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        folder, db = Path(tmp) / "articles", Path(tmp) / "briefbot.db"
        if args.news:
            files, gold_by_file = news_files(args.dir or SHARED / "eval" / "news_dev", args.seeds)
        else:
            merge_dir = args.dir or SHARED / "eval" / "merge_dev"
            gold = json.loads((merge_dir / "gold.json").read_text(encoding="utf-8"))
            files = {
                merge_dir / r["file"]: report_meta(r["file"], r["published"], r["url"])
                for c in gold["clusters"]
                for r in c["reports"]
            }
        link_with_sidecars(folder, files)
        stored = asyncio.run(ingest(folder, db))
    if stored.refused:
        raise SystemExit(f"refused: {stored.refused}")
    print(
        f"{len(files)} articles ingested; {len(stored.reports)} event reports in "
        f"{len(stored.shown)} shown events; "
        f"kinds of report: {dict(Counter(r['merge_reason'].get('rule') for r in stored.reports))}"
    )
    if args.news:
        print_news(score_news(gold_by_file, stored), args.show)
    else:
        print_merge(score_merge(gold, stored), args.show)


if __name__ == "__main__":
    main()
