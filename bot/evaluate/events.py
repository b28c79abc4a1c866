"""`briefbot eval events`: PLOVER event scores on PLOVER-style JSONL (../shared/eval/README.md).

Each record is one sentence coded with one PLOVER type. The engine may find several events in a
sentence ("X said on Tuesday it would withdraw troops unless Y agreed to talks"); the prediction
for the sentence is its most salient event, the one `bot.extract.events.salience` ranks first: the
trigger closest to the root of the main clause (a reporting verb such as "officials said" is not an
event and not the clause), a verb before a noun, then the earlier word. No event = no prediction.
This scores typing: an event whose sides are unnamed ("police", "the rebels") still types its
sentence here, though the product leaves such events out (news_dev measures that).

Scores, the same on held-out data:
- type: per-type precision/recall/F1 over sentences; micro P/R/F1 (one gold and at most one
  predicted type per sentence); macro F1 = mean F1 over the types that occur in gold or
  predictions (all 16 on the dev set).
- CONSULT mode: accuracy over gold CONSULT records with a mode, counted right when the predicted
  type is CONSULT with the same mode. PLOVER's "host" is the other side of a "visit", and Briefbot
  records both as visit.
- actors: the salient event's participants against `actor_details`, both as sets of keys: the
  ISO 3166 alpha-3 code where the gold code is a real country code, else the name (gold codes
  such as IGO/NGO or CAMEO's JAP are names). A predicted participant matches a gold name when
  either name contains the other, case-folded. Micro P/R/F1 over all records.
- raised: records whose extraction raised; they count as no prediction.

The output format is stable: it is how one change is compared with the next.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from bot.extract.countries import country_index
from bot.extract.entities import link_entities
from bot.extract.events import extract_events_ranked
from bot.extract.pipeline import load_pipeline
from bot.facts import PLOVER_TYPES, Event
from bot.names import fold

MODE_ALIASES = {"host": "visit", "mediate": "third-party", "mediation": "third-party"}
CONSULT_MODES = frozenset({"visit", "phone", "third-party", "multilateral"})


@dataclass(frozen=True)
class GoldEvent:
    id: str
    text: str
    type: str
    mode: str | None
    actors: frozenset[tuple[str, str]]  # ("code", "USA") or ("name", "arab league")


@dataclass
class RecordResult:
    gold: GoldEvent
    predicted: str | None
    mode: str | None
    actors: frozenset[tuple[str, str]]
    actor_tp: int
    error: str | None = None


def _ratio(a: float, b: float) -> float:
    return a / b if b else 0.0


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class EventReport:
    path: str
    model: str
    seconds: float
    results: list[RecordResult] = field(default_factory=list)

    @property
    def raised(self) -> int:
        return sum(1 for r in self.results if r.error)

    def per_type(self) -> dict[str, tuple[int, int, int]]:
        """type -> (gold, predicted, true positives)."""
        gold = Counter(r.gold.type for r in self.results)
        pred = Counter(r.predicted for r in self.results if r.predicted)
        tp = Counter(r.gold.type for r in self.results if r.predicted == r.gold.type)
        return {t: (gold[t], pred[t], tp[t]) for t in PLOVER_TYPES}

    def macro_f1(self) -> float:
        scores = [
            _f1(_ratio(tp, p), _ratio(tp, g)) for g, p, tp in self.per_type().values() if g or p
        ]
        return sum(scores) / len(scores) if scores else 0.0

    def micro(self) -> tuple[float, float, float]:
        tp = sum(1 for r in self.results if r.predicted == r.gold.type)
        predicted = sum(1 for r in self.results if r.predicted)
        p, rec = _ratio(tp, predicted), _ratio(tp, len(self.results))
        return p, rec, _f1(p, rec)

    def mode_accuracy(self) -> tuple[int, int]:
        scored = [r for r in self.results if r.gold.type == "CONSULT" and r.gold.mode]
        right = sum(1 for r in scored if r.predicted == "CONSULT" and r.mode == r.gold.mode)
        return right, len(scored)

    def actors(self) -> tuple[float, float, float]:
        tp = sum(r.actor_tp for r in self.results)
        p = _ratio(tp, sum(len(r.actors) for r in self.results))
        rec = _ratio(tp, sum(len(r.gold.actors) for r in self.results))
        return p, rec, _f1(p, rec)

    def render(self) -> str:
        lines = [f"events: {self.path} ({len(self.results)} records, model {self.model})"]
        lines.append(
            f"  {'type':<10} {'gold':>4} {'pred':>4} {'tp':>4} {'P':>6} {'R':>6} {'F1':>6}"
        )
        for type_, (gold, predicted, tp) in self.per_type().items():
            prec, rec = _ratio(tp, predicted), _ratio(tp, gold)
            lines.append(
                f"  {type_:<10} {gold:>4} {predicted:>4} {tp:>4} "
                f"{prec:>6.3f} {rec:>6.3f} {_f1(prec, rec):>6.3f}"
            )
        p, r, f = self.micro()
        lines.append(f"  type micro  P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
        lines.append(f"  type macro  F1 {self.macro_f1():.3f}")
        right, total = self.mode_accuracy()
        lines.append(f"  CONSULT mode accuracy {_ratio(right, total):.3f} ({right}/{total})")
        p, r, f = self.actors()
        lines.append(f"  actors      P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
        lines.append(
            "  no event predicted: "
            f"{sum(1 for x in self.results if not x.predicted and not x.error)}"
        )
        lines.append(f"  raised: {self.raised}")
        lines.append(f"  time: {self.seconds:.1f}s")
        return "\n".join(lines)


def _gold_mode(record: dict) -> str | None:
    modes = record.get("mode") or []
    if isinstance(modes, str):
        modes = [modes]
    for mode in modes:
        mode = MODE_ALIASES.get(mode, mode)
        if mode in CONSULT_MODES:
            return mode
    return None


def _actor_key(text: str, code: str | None) -> tuple[str, str]:
    if code and country_index().by_code(code) is not None:
        return ("code", code)
    return ("name", fold(text).strip())


def read_gold(path: Path) -> Iterator[GoldEvent]:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            record = json.loads(line)
            details = record.get("actor_details") or [
                {"text": a, "code": None} for a in record.get("actors", [])
            ]
            yield GoldEvent(
                id=str(record.get("id")),
                text=record["text"],
                type=record["event_type"],
                mode=_gold_mode(record),
                actors=frozenset(_actor_key(d["text"], d.get("code")) for d in details),
            )


def _predicted_actors(event: Event) -> list[tuple[str | None, str]]:
    return [(p.country_code, fold(p.name)) for p in event.participants]


def _actor_matches(
    gold: frozenset[tuple[str, str]], predicted: list[tuple[str | None, str]]
) -> tuple[frozenset, int]:
    """Predicted keys and how many gold keys they hit, one to one."""
    keys: set[tuple[str, str]] = set()
    for code, name in predicted:
        if code:
            keys.add(("code", code))
        elif name:
            keys.add(("name", name))
    hits = 0
    unused = set(keys)
    for kind, value in sorted(gold):
        for key in sorted(unused):
            if key == (kind, value) or (
                kind == "name" and key[0] == "name" and (key[1] in value or value in key[1])
            ):
                unused.discard(key)
                hits += 1
                break
        else:
            if kind == "name":  # a gold name may match a predicted country by its name
                for code, name in predicted:
                    if (
                        code
                        and ("code", code) in unused
                        and name
                        and (name in value or value in name)
                    ):
                        unused.discard(("code", code))
                        hits += 1
                        break
    return frozenset(keys), hits


def evaluate_events(path: Path | str, model_name: str) -> EventReport:
    path = Path(path)
    gold = list(read_gold(path))
    started = time.perf_counter()
    nlp = load_pipeline(model_name)
    report = EventReport(path=path.name, model=model_name, seconds=0.0)
    for record, doc in zip(gold, nlp.pipe(g.text for g in gold), strict=True):
        try:
            index = link_entities(doc)
            ranked = sorted(
                extract_events_ranked(doc, index, None, need_participants=False),
                key=lambda pair: pair[1],
            )
        except Exception as error:  # a record that raises is counted, never fatal
            report.results.append(
                RecordResult(record, None, None, frozenset(), 0, error=repr(error))
            )
            continue
        event = ranked[0][0] if ranked else None
        keys, hits = _actor_matches(record.actors, _predicted_actors(event) if event else [])
        report.results.append(
            RecordResult(
                record, event.type if event else None, event.mode if event else None, keys, hits
            )
        )
    report.seconds = time.perf_counter() - started
    return report
