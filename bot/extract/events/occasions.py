"""Occasions: an act told as done at, during or as the outcome of a gathering ("signed during the
state visit", "leaders at the summit adopted", "the summit resulted in a deal") happened when and
where that gathering did. The act keeps any date or place of its own; only what it lacks comes
from the occasion."""

from __future__ import annotations

from spacy.tokens import Token

from bot.extract.events.lexicon import OCCASION_FRAMES, OCCASION_PREPS, load_lexicon
from bot.extract.events.triggers import Trigger
from bot.extract.events.when_where import clause_heads

DEFINITE = frozenset({"the", "this", "that", "these", "those"})


def occasion_kind(token: Token) -> str | None:
    """The kind of gathering a noun names ("summit", "visit", "call"), or None."""
    if token.pos_ not in ("NOUN", "PROPN"):
        return None
    senses = load_lexicon()[0].get(token.lemma_.lower(), [])
    return next((kind for type_, kind, _ in senses if type_ == "CONSULT"), None)


def find_occasion(trigger: Trigger) -> Token | None:
    """The gathering the trigger's own clause sets it at: an "at"/"during" phrase on the trigger
    or its verb ("agreed during the talks"), "on the sidelines of" one, the clause's subject
    ("the summit resulted in a deal") or an "at" phrase on that subject ("leaders at the summit
    adopted a declaration")."""
    heads = clause_heads(trigger)
    for head in heads:
        for child in head.children:
            if child.dep_ == "prep" and (found := _occasion_in(child, trigger)) is not None:
                return found
    verb = next((h for h in reversed(heads) if h.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return None
    for subject in (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")):
        if subject is not trigger.token and occasion_kind(subject) is not None:
            return subject
        for child in subject.children:
            if child.dep_ == "prep" and (found := _occasion_in(child, trigger)) is not None:
                return found
    return None


def is_definite(token: Token) -> bool:
    """"the summit", "this visit", "their meeting", "Monday's talks": a gathering already known."""
    return any(
        (c.dep_ == "det" and c.lower_ in DEFINITE) or c.dep_ == "poss" for c in token.children
    )


def _occasion_in(prep: Token, trigger: Trigger) -> Token | None:
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if pobj is None or pobj is trigger.token:
        return None
    if prep.lower_ in ("on", "in") and pobj.lower_ in OCCASION_FRAMES:  # "on the sidelines of"
        inner = next((c for c in pobj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        pobj = next((c for c in inner.children if c.dep_ == "pobj"), None) if inner is not None else None
        return pobj if pobj is not None and occasion_kind(pobj) is not None else None
    if prep.lower_ in OCCASION_PREPS and occasion_kind(pobj) is not None:
        return pobj
    return None
