"""What talks are about (and not about), and what an agreement says, in the article's words."""

from __future__ import annotations

from spacy.tokens import Span, Token

from bot.extract.events.lexicon import (
    BACK_POINTING_WORDS,
    DETACHED_PREPS,
    EXCLUSION_VERBS,
    LEADING_WORDS,
    TOPIC_PARTICIPLES,
    TOPIC_VERBS,
    TRIM,
)
from bot.extract.events.triggers import Trigger
from bot.names import fold


def _topic_tokens(token: Token, skip_conj: bool = False, skip_places: bool = False) -> list[Token]:
    """A topic phrase: the noun with its modifiers, 'of' phrases and 'related to' participles;
    with `skip_places`, not the phrase saying where ("an agreement in the Qatari capital")."""
    out: list[Token] = []
    stack = [token]
    while stack:
        node = stack.pop()
        out.append(node)
        for child in node.children:
            if child.dep_ in ("relcl", "advcl", "appos", "punct") or (
                child.dep_ == "acl" and child.lemma_.lower() not in TOPIC_PARTICIPLES
            ):
                continue
            if child.dep_ == "prep" and child.lower_ in DETACHED_PREPS:
                continue
            if skip_places and node is token and _says_where(child):
                continue
            if skip_conj and node is token and child.dep_ in ("conj", "cc", "preconj"):
                continue
            stack.append(child)
    return sorted(out, key=lambda t: t.i)


def _says_where(prep: Token) -> bool:
    """ "in the Qatari capital", "at the White House": a place, by name or as a capital or city."""
    if prep.dep_ != "prep" or prep.lower_ not in ("in", "at"):
        return False
    place = next((c for c in prep.children if c.dep_ == "pobj"), None)
    return place is not None and (
        place.ent_type_ in ("GPE", "LOC", "FAC") or place.lemma_.lower() in PLACE_NOUNS
    )


PLACE_NOUNS = frozenset({"capital", "city", "town", "palace", "residence", "headquarters"})
# "on behalf of the president": for whom an act was done, not what it was about or agreed.
FOR_WHOM_NOUNS = frozenset({"behalf"})


def _phrase(
    token: Token, limit: int = 12, skip_conj: bool = False, skip_places: bool = False
) -> str:
    if token.ent_type_ in ("DATE", "TIME"):
        return ""
    tokens = _topic_tokens(token, skip_conj, skip_places)
    text = token.doc[tokens[0].i : tokens[-1].i + 1].text
    words = text.replace('"', "").replace("“", "").replace("”", "").strip(TRIM).split()
    while words and words[0].lower() in LEADING_WORDS:
        words = words[1:]
    if len(words) > limit:
        return ""  # a clause, not a topic
    return " ".join(words).strip(TRIM)


def _objects(verb: Token) -> list[Token]:
    out = []
    for child in verb.children:
        if child.dep_ in ("dobj", "pobj", "attr"):
            out.append(child)
            out.extend(c for c in child.children if c.dep_ == "conj")
        elif child.dep_ == "prep" and child.lower_ in ("on", "about", "over", "to"):
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    out.append(pobj)
                    out.extend(c for c in pobj.children if c.dep_ == "conj")
    return out


def find_topics(trigger: Trigger) -> list[str]:
    """'talks on X', 'negotiations focusing on X', 'talks ... to address X'."""
    token = trigger.token
    topics: list[str] = []
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in (
            "on",
            "about",
            "over",
            "regarding",
            "concerning",
        ):
            topics.extend(
                _phrase(p)
                for p in child.children
                if p.dep_ == "pobj" and p.lemma_.lower() not in FOR_WHOM_NOUNS
            )
        elif child.dep_ in ("acl", "relcl") and child.lemma_.lower() in TOPIC_VERBS:
            topics.extend(_phrase(o) for o in _objects(child))
    verb = trigger.governor or (token if token.pos_ == "VERB" else None)
    if verb is not None:  # "will meet ... to discuss a peace treaty", "held talks to address X"
        for child in verb.children:
            if child.dep_ in ("advcl", "xcomp") and child.lemma_.lower() in TOPIC_VERBS:
                topics.extend(_phrase(o) for o in _objects(child))
    if token.dep_ in ("nsubj", "nsubjpass"):
        verb = token.head
        for node in [verb, *[c for c in verb.children if c.dep_ == "xcomp"]]:
            if node.lemma_.lower() in TOPIC_VERBS:
                topics.extend(_phrase(o) for o in _objects(node))
    return [t for t in topics if t]


def sentence_topics(sent: Span) -> tuple[list[str], list[str]]:
    """Agenda sentences: 'the focus ... would be on X'; 'would not discuss X, nor Y'."""
    topics: list[str] = []
    excluded: list[str] = []
    for token in sent:
        lemma = token.lemma_.lower()
        if (
            lemma in EXCLUSION_VERBS
            and token.pos_ == "VERB"
            and any(c.dep_ == "neg" for c in token.children)
        ):
            for obj in token.children:
                if obj.dep_ == "dobj":
                    excluded.extend(_split_coordination(obj))
        if lemma in ("focus", "emphasis", "agenda") and token.pos_ == "NOUN":
            verb = token.head if token.dep_ in ("nsubj", "nsubjpass") else None
            if verb is not None:
                for child in verb.children:
                    if child.dep_ == "prep" and child.lower_ == "on":
                        topics.extend(_phrase(p, 12) for p in child.children if p.dep_ == "pobj")
                for adv in verb.children:
                    for child in adv.children:
                        if child.dep_ == "prep" and child.lower_ == "on" and adv.dep_ == "advmod":
                            topics.extend(
                                _phrase(p, 12) for p in child.children if p.dep_ == "pobj"
                            )
            for child in token.children:
                if child.dep_ == "prep" and child.lower_ == "on":
                    topics.extend(_phrase(p, 12) for p in child.children if p.dep_ == "pobj")
    return [t for t in topics if t], [e for e in excluded if e]


def _split_coordination(token: Token) -> list[str]:
    """'the conflict in Ukraine, nor any political or security matters' -> two topics."""
    parts = [token]
    for part in parts:
        parts.extend(c for c in part.children if c.dep_ == "conj" and c not in parts)
    return [p for p in (_phrase(part, skip_conj=True) for part in parts) if p]


def agreement_content(trigger: Trigger) -> str | None:
    token = trigger.token
    for child in token.children:
        if child.dep_ == "xcomp" or (child.dep_ == "prep" and child.lower_ in ("on", "to", "upon")):
            target = (
                child
                if child.dep_ == "xcomp"
                else next((c for c in child.children if c.dep_ in ("pobj", "pcomp")), None)
            )
            if target is None or target.ent_type_ in ("DATE", "TIME"):
                continue  # "agreed on Wednesday": when, not what
            if target.lemma_.lower() in FOR_WHOM_NOUNS:
                continue  # "signed, on behalf of the president, the accord": for whom
            start = target.left_edge.i
            if token.doc[start].lower_ == "to":
                start += 1
            text = token.doc[start : target.right_edge.i + 1].text
            return text.replace('"', "").replace("“", "").replace("”", "").strip(TRIM) or None
    if token.pos_ in ("NOUN", "PROPN"):
        if any(c.lower_ in BACK_POINTING_WORDS for c in token.children):
            # "the very accord Chile turned down": a deal named before, by its name there; "the
            # same energy deal" still says what it is on, by the nouns before its own
            named = [c for c in token.children if c.dep_ == "compound" and c.i < token.i]
            if not named:
                return None
            return token.doc[min(c.left_edge.i for c in named) : token.i + 1].text
        return _phrase(token, 14, skip_places=True) or None
    return None


def agreement_purpose(trigger: Trigger) -> str | None:
    """What a deal named by a noun does, as a topic of it: "setting their maritime border" in "an
    agreement setting their maritime border", "to curb Iran's nuclear program" in "a deal to curb
    Iran's nuclear program" (without its dates: "setting the border on Thursday")."""
    token = trigger.token
    clause = _what_the_deal_does(token) if token.pos_ in ("NOUN", "PROPN") else None
    if clause is None:
        return None
    words = [
        t.text
        for t in token.doc[clause.left_edge.i : clause.right_edge.i + 1]
        if t.ent_type_ not in ("DATE", "TIME")
    ]
    if len(words) > 14:
        return None
    return " ".join(words).replace('"', "").replace("“", "").replace("”", "").strip(TRIM) or None


def _what_the_deal_does(deal: Token) -> Token | None:
    """The clause telling what a deal named by a noun does: "an agreement setting their maritime
    border", "a deal to curb Iran's nuclear program"."""
    for child in deal.children:
        if child.dep_ in ("acl", "relcl") and child.tag_ in ("VBG", "VB"):
            if child.tag_ == "VBG" or any(c.lower_ == "to" for c in child.children):
                return child
    # (not an infinitive on the verb: "signed the deal on Sunday to stay in power" is why the
    # signer signed, not what the deal does)
    return None


def _topic_words(topic: str) -> frozenset[str]:
    return frozenset(
        w for w in fold(topic).split() if w not in ("and", "or", "nor", "the", "of", "in")
    )


def distinct_topics(topics: list[str]) -> list[str]:
    """Topics once each: 'political or security matters' and 'political and security matters'
    are one; 'Ukraine' goes when 'ongoing conflict in Ukraine' already says it."""
    words = [_topic_words(t) for t in topics]
    kept: list[str] = []
    for i, topic in enumerate(topics):
        mine = words[i]
        if not mine:
            continue
        covered = any(
            (mine < words[j]) or (mine == words[j] and j < i) for j in range(len(topics)) if j != i
        )
        if not covered:
            kept.append(topic)
    return kept
