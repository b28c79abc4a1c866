"""How sure an extracted event is: features of how it was found, weighed by `data/confidence.json`.

An event found as the main verb of its clause with both sides named is usually right; one inside a
quotation, with one side named and no day, often is not (a background mention, a topic, somebody's
wish). The weights are data, fitted on read news audits by `bench/calibrate_confidence.py` (per
fold, so a weight that helps only some articles shows), and say what the data says rather than
what one expects: an event a headline tells is usually right, because the one a headline alone
tells is kept below the line by assembly whatever its weight.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Span, Token

from bot.extract.events.lexicon import FRAMING_PREPS
from bot.extract.pipeline import load_data, quoted
from bot.facts import Participant

SUBORDINATE_DEPS = frozenset({"relcl", "acl", "advcl", "pcomp", "csubj"})
QUOTES = '"“”'
TALK_TYPES = frozenset({"CONSULT", "AGREE"})
# An event missing a side its own clause names ("the rebels and Ghana agreed", with only Ghana
# known) is kept, but no surer than this: below the 0.5 that answers show by default.
INCOMPLETE_CONFIDENCE = 0.45


@dataclass(frozen=True)
class EventEvidence:
    """What the extractor knew when it found an event: the inputs of its confidence."""

    type: str
    trigger: Token
    governor: Token | None
    sent: Span
    sides: int
    mentions: int
    dated: bool
    placed: bool
    kind: str | None = None
    # an act of bodies alone (`acted_by_bodies_alone`)
    bodies_only: bool = False


def features(ev: EventEvidence) -> dict[str, float]:
    token = ev.trigger
    node = ev.governor or token
    return {
        "bias": 1.0,
        "clause": float(node.pos_ in ("VERB", "AUX")),
        "two_sides": float(ev.sides >= 2),
        "talks": float(ev.type in TALK_TYPES),
        "subordinate": float(_subordinate(node)),
        "background": float(_background(token)),
        "quoted": float(quoted(token, ev.sent)),
        "headline": float(headline(ev.sent)),
        "mentions": float(min(ev.mentions, 3) - 1),
        "dated": float(ev.dated),
        "placed": float(ev.placed),
    }


@lru_cache(maxsize=1)
def event_weights() -> dict[str, float]:
    """The weights in use, by feature (data/confidence.json)."""
    return {k: float(v) for k, v in load_data("confidence")["event_weights"].items()}


@lru_cache(maxsize=1)
def kind_offsets() -> dict[str, float]:
    """Log-odds by which a kind of event is found right less often than events on the whole
    ("COOPERATE cooperation", "PROTEST obstruction"), fitted by `bench/kind_priors.py`."""
    return {k: float(v) for k, v in load_data("confidence").get("kind_offsets", {}).items()}


# The class of sides whose acts are found right less often than events on the whole: read one by
# one, a bloc's call for restraint or a council's resolution told in passing, which the
# annotators left out, where a country's or a leader's act is news.
BODIES_ONLY = "bodies_only"


def acted_by_bodies_alone(type_: str, participants: Iterable[Participant]) -> bool:
    """An act whose sides, one at least, are all bodies of no country: no country, no person,
    no national body ("the Philippine Coast Guard" acts for its country). A body's own sitting,
    call or visit is no such act: a bloc's summit is the bloc's, and "latest talks" must show it
    as surely as any other."""
    sides = list(participants)
    return (
        type_ != "CONSULT"
        and bool(sides)
        and all(p.kind not in ("country", "person") and not p.country_code for p in sides)
    )


@lru_cache(maxsize=1)
def side_offsets() -> dict[str, float]:
    """Log-odds by which events of a class of sides are found right less often than events on
    the whole (`BODIES_ONLY`), fitted with the kinds' by `bench/kind_priors.py`."""
    return {k: float(v) for k, v in load_data("confidence").get("side_offsets", {}).items()}


def prior_offset(ev: EventEvidence) -> float:
    """What the event's kind and the class of its sides are known to cost, in log-odds."""
    offset = kind_offsets().get(f"{ev.type} {ev.kind}", 0.0)
    if ev.bodies_only:
        offset += side_offsets().get(BODIES_ONLY, 0.0)
    return offset


def confidence(ev: EventEvidence) -> float:
    """A logistic score in [0, 1]: the weighed sum of the event's features, less what its kind
    and its sides are known to cost."""
    weights = event_weights()
    z = sum(weights.get(name, 0.0) * value for name, value in features(ev).items())
    z += prior_offset(ev)
    return 1.0 / (1.0 + math.exp(-z))


def _subordinate(node: Token) -> bool:
    """In a relative, adverbial or participle clause: told in passing, not the sentence's news."""
    hops = 0
    while node.head.i != node.i and hops < 8:
        if node.dep_ in SUBORDINATE_DEPS:
            return True
        if node.pos_ in ("VERB", "AUX") and node.dep_ in (
            "ccomp",
            "ROOT",
            "conj",
            "xcomp",
            "parataxis",
        ):
            return False
        node = node.head
        hops += 1
    return False


def _background(token: Token) -> bool:
    """'after the talks', 'since the invasion', 'like the previous round': the frame, not the
    news."""
    for node in (token, token.head):
        if node.dep_ == "pobj" and node.head.lower_ in FRAMING_PREPS:
            return True
    return any(
        c.lower_ in ("previous", "last", "former", "earlier", "first")
        for c in token.children
        if c.dep_ == "amod"
    )


def headline(sent: Span) -> bool:
    """A line with no closing punctuation and under twenty words: a headline."""
    text = sent.text.strip()
    # a headline may end on a quoted word ("... over 'surveillance balloon'")
    core = text.rstrip("\"”'’)")
    return bool(core) and core[-1] not in ".!?" and len(text.split()) < 20
