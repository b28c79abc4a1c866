"""`briefbot eval quotes`: who-said-what scores on PolNeAR-style JSONL (../shared/eval/README.md).

Rules, as the README states them (the same on held-out data):
- content match: prediction and gold share >= 50% of their word tokens, measured both ways,
  matched one to one, best overlap first;
- speaker match: the last capitalised word of the gold speaker's head phrase appears among the
  words of the predicted `speaker_text` or `speaker`, or the other way round;
- attribution = content match and speaker match, P/R/F1 over all gold quotes and direct ones.

The output format is stable: it is how one change is compared with the next.
"""

from __future__ import annotations

import json
import re
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from bot.extract.quotes import find_quotes, quoted_fraction

_WORD = re.compile(r"\w+", re.UNICODE)
# The head phrase of a speaker ends at a comma, a bracket or a relative pronoun.
_HEAD_END = re.compile(r"[,(\[{]|\b(?:who|whom|whose|which|that)\b", re.IGNORECASE)
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
PRONOUNS = frozenset({"he", "she", "they", "i", "we", "you", "it", "him", "her", "his", "them"})
MIN_OVERLAP = 0.5


@dataclass(frozen=True)
class GoldQuote:
    speaker: str | None
    content: str
    direct: bool


@dataclass(frozen=True)
class Prediction:
    speaker: str | None
    speaker_text: str
    content: str
    direct: bool  # at least half of the content's letters inside quotation marks, as for gold


def words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def overlap(pred: str, gold: str) -> tuple[float, float]:
    """(shared / gold words, shared / predicted words), counting repeated words as often as both
    have them."""
    p, g = Counter(words(pred)), Counter(words(gold))
    if not p or not g:
        return 0.0, 0.0
    shared = sum((p & g).values())
    return shared / sum(g.values()), shared / sum(p.values())


def head_word(speaker: str | None) -> str | None:
    """The last capitalised word of the head phrase ('Mr. Obama, who ...' -> 'obama'), else its last
    word."""
    if not speaker:
        return None
    # A speaker that is only a relative pronoun ("who", "which") has an empty head: use the pronoun.
    head = _HEAD_END.split(speaker, maxsplit=1)[0].strip() or speaker
    # word tokens, as the content rule counts them: "Ocasio-Cortez" ends in "Cortez" whichever
    # way a name was written
    tokens = [t for t in _WORD.findall(" ".join(_POSSESSIVE.sub("", t) for t in head.split())) if t]
    if not tokens:
        return None
    capitalised = [t for t in tokens if t[0].isupper()]
    return (capitalised[-1] if capitalised else tokens[-1]).lower()


def speaker_matches(gold: str | None, pred: Prediction) -> bool:
    gold_head = head_word(gold)
    if gold_head is None:
        return False  # no source annotated: nothing a prediction could name
    gold_words = set(words(gold or ""))
    for mention in (pred.speaker_text, pred.speaker):
        if not mention:
            continue
        if gold_head in words(mention):
            return True
        pred_head = head_word(mention)
        if pred_head is not None and pred_head in gold_words:
            return True
    return False


def match_contents(preds: list[Prediction], golds: list[GoldQuote]) -> dict[int, int]:
    """One-to-one content matches, prediction index -> gold index, best overlap first."""
    pairs: list[tuple[float, float, int, int]] = []
    for i, pred in enumerate(preds):
        for j, gold in enumerate(golds):
            recall, precision = overlap(pred.content, gold.content)
            if recall >= MIN_OVERLAP and precision >= MIN_OVERLAP:
                pairs.append((min(recall, precision), recall + precision, i, j))
    pairs.sort(key=lambda p: (-p[0], -p[1], p[2], p[3]))
    taken_p: set[int] = set()
    taken_g: set[int] = set()
    matches: dict[int, int] = {}
    for _, _, i, j in pairs:
        if i in taken_p or j in taken_g:
            continue
        taken_p.add(i)
        taken_g.add(j)
        matches[i] = j
    return matches


@dataclass
class Tally:
    gold: int = 0
    predicted: int = 0
    correct: int = 0

    def prf(self) -> tuple[float, float, float]:
        p = self.correct / self.predicted if self.predicted else 0.0
        r = self.correct / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return 100 * p, 100 * r, 100 * f


@dataclass
class QuoteScores:
    path: str
    model: str
    articles: int = 0
    raised: int = 0
    seconds: float = 0.0
    all: Tally = field(default_factory=Tally)
    direct: Tally = field(default_factory=Tally)
    content_matched: int = 0
    speaker_correct: int = 0
    pronoun_mentions: int = 0
    pronoun_resolved: int = 0
    errors: list[str] = field(default_factory=list)

    def add_article(self, preds: list[Prediction], golds: list[GoldQuote]) -> None:
        matches = match_contents(preds, golds)
        self.all.gold += len(golds)
        self.all.predicted += len(preds)
        self.direct.gold += sum(g.direct for g in golds)
        for i, pred in enumerate(preds):
            j = matches.get(i)
            gold = golds[j] if j is not None else None
            # A prediction counts against direct precision when it matched a direct gold quote,
            # or matched nothing and is itself mostly quoted.
            in_direct = gold.direct if gold is not None else pred.direct
            self.direct.predicted += in_direct
            if pred.speaker_text.lower() in PRONOUNS:
                self.pronoun_mentions += 1
                self.pronoun_resolved += bool(pred.speaker and pred.speaker.lower() not in PRONOUNS)
            if gold is None:
                continue
            self.content_matched += 1
            if speaker_matches(gold.speaker, pred):
                self.speaker_correct += 1
                self.all.correct += 1
                self.direct.correct += gold.direct

    def render(self) -> str:
        def line(label: str, tally: Tally) -> str:
            p, r, f = tally.prf()
            return (
                f"{label:<24} P {p:5.1f}  R {r:5.1f}  F1 {f:5.1f}   "
                f"(correct {tally.correct}, predicted {tally.predicted}, gold {tally.gold})"
            )

        speaker_acc = (
            100 * self.speaker_correct / self.content_matched if self.content_matched else 0.0
        )
        pronoun = (
            100 * self.pronoun_resolved / self.pronoun_mentions if self.pronoun_mentions else 0.0
        )
        rate = self.articles / self.seconds if self.seconds else 0.0
        lines = [
            f"quotes eval: {self.path} (model {self.model})",
            line("attribution, all", self.all),
            line("attribution, direct", self.direct),
            f"{'speaker accuracy':<24} {speaker_acc:5.1f}   (on {self.content_matched} "
            "content-matched quotes)",
            f"{'pronouns resolved':<24} {pronoun:5.1f}   ({self.pronoun_resolved} of "
            f"{self.pronoun_mentions} pronoun speakers named)",
            f"{'records raised':<24} {self.raised} of {self.articles}",
            f"{'speed':<24} {rate:5.2f} articles/s   ({self.seconds:.1f} s extraction)",
        ]
        lines += [f"  raised: {e}" for e in self.errors[:10]]
        return "\n".join(lines)


def read_records(path: Path) -> Iterator[dict]:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def gold_quotes(record: dict) -> list[GoldQuote]:
    return [
        GoldQuote(q.get("speaker"), q.get("content") or "", q.get("type") == "direct")
        for q in record["quotes"]
    ]


def predictions(text: str, statements: Iterable[dict]) -> list[Prediction]:
    quotes = find_quotes(text)
    found = []
    for s in statements:
        spans = s.get("content_spans") or [[s["content_start"], s["content_end"]]]
        content = " ".join(text[a:b] for a, b in spans)
        letters = sum(b - a for a, b in spans)
        quoted = sum(quoted_fraction(a, b, quotes) * (b - a) for a, b in spans)
        direct = letters > 0 and quoted / letters >= 0.5
        found.append(Prediction(s.get("speaker"), s.get("speaker_text") or "", content, direct))
    return found


def evaluate_quotes(path: Path | str, model_name: str) -> QuoteScores:
    from bot.extract.extractor import Extractor, ExtractRequest

    path = Path(path)
    records = list(read_records(path))
    extractor = Extractor.load(model_name)
    scores = QuoteScores(path=str(path), model=extractor.model_name, articles=len(records))
    requests = [
        ExtractRequest(id=r["id"], text=r["text"], published=r.get("date")) for r in records
    ]
    started = time.perf_counter()
    results = list(extractor.extract_many(requests))
    scores.seconds = time.perf_counter() - started
    for record, result in zip(records, results, strict=True):
        golds = gold_quotes(record)
        if isinstance(result, Exception):
            scores.raised += 1
            scores.errors.append(f"{record['id']}: {type(result).__name__}: {result}")
            scores.add_article([], golds)
            continue
        statements = [s.to_json() for s in result.statements]
        scores.add_article(predictions(record["text"], statements), golds)
    return scores
