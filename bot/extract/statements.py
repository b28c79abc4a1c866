"""Who said what: direct quotations, reported and mixed speech, 'according to X', over a Doc.

Each statement keeps its speaker (resolved through the article's EntityIndex), the speech verb,
the content with character offsets into the text, the quote kind and the evidence sentence.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from bot.extract.entities import EntityIndex
from bot.extract.quotes import QuoteSpan, find_quotes, quoted_fraction
from bot.facts import Statement

SPEECH_VERBS = frozenset(
    """
    say tell state announce confirm clarify warn add note indicate explain insist stress emphasize
    emphasise claim argue report declare reiterate suggest write tweet post deny acknowledge admit
    vow pledge promise predict urge describe reveal assert maintain respond reply comment signal
    hint contend concede allege observe remark recall affirm underline underscore highlight
    mention point announce assure caution complain criticize criticise accuse charge demand
    propose recommend testify disclose boast quip joke lament acknowledge estimate forecast
    believe think hope expect fear worry doubt learn
    """.split()
)
# Verbs of belief only count when they have a that-clause, never as a quote's attribution.
BELIEF_VERBS = frozenset({"believe", "think", "hope", "expect", "fear", "worry", "doubt", "learn"})
SUBJECTS = ("nsubj", "nsubjpass")
_TRIM = " \t\r\n,;:.—–-"


@dataclass
class _Found:
    speaker_token: Token | None
    speaker_text: str
    verb: str
    start: int
    end: int
    spans: list[list[int]] | None
    sent: Span


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return start, end


def _subject(verb: Token) -> Token | None:
    """The speaker of a speech verb; a participle or conjunct borrows its head's subject."""
    for child in verb.children:
        if child.dep_ == "nsubj":
            return child
        if child.dep_ == "agent":  # "it was announced by the ministry"
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return pobj
    if verb.dep_ in ("advcl", "conj", "xcomp", "acl") and verb.head is not verb:
        for child in verb.head.children:
            if child.dep_ == "nsubj":
                return child
    return None


def _speaker_text(token: Token) -> str:
    """The mention as written, without relative clauses or appositions trailing it."""
    left = token.left_edge.i
    right = token.i
    for child in token.rights:
        if child.dep_ in ("relcl", "appos", "acl", "punct", "cc", "conj", "advcl"):
            break
        right = child.right_edge.i
    span = token.doc[left : right + 1]
    if len(span) > 12:
        span = token.doc[max(left, token.i - 6) : token.i + 1]
    return span.text.strip(_TRIM) or token.text


def _content_clause(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "ccomp":
            return child
    for child in verb.children:
        if child.dep_ in ("dobj", "xcomp") and child.pos_ == "VERB":
            return child
    return None


def _excluding(sent: Span, cut: range) -> tuple[int, int]:
    """The longer part of the sentence left of or right of the token range `cut`."""
    doc = sent.doc
    left = (sent.start_char, doc[cut.start].idx) if cut.start > sent.start else None
    right = (doc[cut.stop - 1].idx + len(doc[cut.stop - 1]), sent.end_char) if cut.stop < sent.end else None
    options = [o for o in (left, right) if o and o[1] - o[0] > 0]
    return max(options, key=lambda o: o[1] - o[0]) if options else (sent.start_char, sent.end_char)


def _reported(doc: Doc, quotes: list[QuoteSpan]) -> list[_Found]:
    found: list[_Found] = []
    for token in doc:
        if token.lemma_ == "accord" and token.lower_ == "according":
            to = next((c for c in token.children if c.lower_ == "to"), None)
            pobj = next((c for c in to.children if c.dep_ == "pobj"), None) if to else None
            if pobj is None:
                continue
            cut = range(token.i, pobj.right_edge.i + 1)
            start, end = _excluding(token.sent, cut)
            found.append(_Found(pobj, _speaker_text(pobj), "according to", start, end, None, token.sent))
            continue
        if token.pos_ not in ("VERB", "AUX") or token.lemma_ not in SPEECH_VERBS:
            continue
        if any(c.dep_ == "neg" for c in token.children):
            continue
        subject = _subject(token)
        if subject is None:
            continue
        clause = _content_clause(token)
        if clause is not None:
            start = clause.left_edge.idx
            end = clause.right_edge.idx + len(clause.right_edge)
        elif token.lemma_ not in BELIEF_VERBS and token.dep_ in ("ROOT", "parataxis") and token.i > subject.i:
            # "Content, X said." where the parser hung the content elsewhere: the rest of the sentence.
            cut = range(min(subject.left_edge.i, token.i), max(token.right_edge.i, subject.i) + 1)
            if cut.start <= token.sent.start:
                continue
            start, end = _excluding(token.sent, range(cut.start, min(cut.stop, token.i + 1)))
            if end > doc[cut.start].idx:
                continue
        else:
            continue
        start, end = _strip(doc.text, start, end)
        if end - start < 8:
            continue
        found.append(_Found(subject, _speaker_text(subject), token.lemma_, start, end, None, token.sent))
    return found


def _direct(doc: Doc, quotes: list[QuoteSpan], reported: list[_Found]) -> list[_Found]:
    """Quotations not already inside a reported clause, attributed to the nearest speech verb."""
    found: list[_Found] = []
    last_speaker: _Found | None = None
    for q in quotes:
        inner_start, inner_end = _strip(doc.text, q.start + 1, q.end)
        inner_end = max(inner_start, inner_end - (1 if doc.text[inner_end - 1 : inner_end] in '"”»' else 0))
        inner_start, inner_end = _strip(doc.text, inner_start, inner_end)
        if len(doc.text[inner_start:inner_end].split()) < 4:
            continue  # a scare-quoted word or title, not a quotation
        if any(f.start <= inner_start and inner_end <= f.end + 2 for f in reported):
            continue
        span = doc.char_span(inner_start, inner_end, alignment_mode="expand")
        if span is None:
            continue
        verb = _verb_outside(doc, q, span)
        if verb is not None:
            subject = _subject(verb)
            if subject is not None:
                f = _Found(subject, _speaker_text(subject), verb.lemma_, inner_start, inner_end, None, span.sent)
                found.append(f)
                last_speaker = f
                continue
        if last_speaker is not None and span.sent.start - last_speaker.sent.end <= 3:
            # A quote carrying on from the previous one, with no attribution of its own.
            f = _Found(last_speaker.speaker_token, last_speaker.speaker_text, last_speaker.verb, inner_start, inner_end, None, span.sent)
            found.append(f)
    return found


def _verb_outside(doc: Doc, q: QuoteSpan, inner: Span) -> Token | None:
    """A speech verb outside the quotation, in its sentences or the one that follows it."""
    sents = {inner.sent, doc[inner.end - 1].sent}
    end_tok = doc[inner.end - 1]
    if end_tok.i + 3 < len(doc):
        sents.add(doc[end_tok.i + 3].sent)
    candidates = []
    for sent in sents:
        for token in sent:
            if q.start <= token.idx < q.end:
                continue
            if token.lemma_ in SPEECH_VERBS and token.lemma_ not in BELIEF_VERBS and token.pos_ in ("VERB", "AUX"):
                candidates.append(token)
    if not candidates:
        return None
    return min(candidates, key=lambda t: min(abs(t.idx - q.start), abs(t.idx - q.end)))


def extract_statements(doc: Doc, index: EntityIndex, published: str | None) -> list[Statement]:
    quotes = find_quotes(doc.text)
    reported = _reported(doc, quotes)
    direct = _direct(doc, quotes, reported)
    statements: list[Statement] = []
    seen: set[tuple[int, int]] = set()
    for f in sorted(reported + direct, key=lambda f: f.start):
        if (f.start, f.end) in seen or f.speaker_token is None:
            continue
        if f.speaker_token.i in index.byline_tokens:
            continue
        seen.add((f.start, f.end))
        cluster = index.resolve(f.speaker_token)
        fraction = quoted_fraction(f.start, f.end, quotes)
        quote = "direct" if fraction >= 0.9 else "mixed" if fraction > 0.05 else "indirect"
        sent_text = doc.text[f.sent.start_char : f.sent.end_char].strip()
        statements.append(
            Statement(
                speaker=cluster.name if cluster else None,
                speaker_text=f.speaker_text,
                speaker_kind=cluster.kind if cluster else None,
                speaker_title=cluster.title if cluster else None,
                speaker_country=cluster.country.name if cluster and cluster.country else None,
                verb=f.verb,
                content=doc.text[f.start : f.end],
                content_start=f.start,
                content_end=f.end,
                content_spans=f.spans,
                quote=quote,  # type: ignore[arg-type]
                evidence=sent_text,
                date=published,
            )
        )
    return statements
