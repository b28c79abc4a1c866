"""Who said what: direct quotations, reported and mixed speech, 'according to X', over a Doc.

Each statement keeps its speaker (resolved through the article's EntityIndex), the speech verb,
the content with character offsets into the text, the quote kind and the evidence sentence.

Order matters: reported clauses are found first so that a quotation inside one ("confirmed that
they had "agreed to ..."") stays part of that mixed statement; quotations are then attributed,
and a reported clause that is really just a quotation gives way to the quotation.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice

from spacy.tokens import Doc, Span, Token

from bot.extract.countries import country_index, world_regions
from bot.extract.dates import resolve_date
from bot.extract.entities import EntityIndex
from bot.extract.events.lexicon import (
    REFLEXIVES,
    lemma_of,
    load_frames,
    present_perfect,
    teller_past_a_quote,
    tells_of_talks,
)
from bot.extract.pipeline import doc_text, load_data
from bot.extract.quotes import QuoteSpan, find_quotes, quoted_fraction
from bot.extract.speakers import (
    Speaker,
    an_unknown_body,
    document_nouns,
    resolve_it,
    resolve_speaker,
)
from bot.facts import Statement

SUBJECTS = ("nsubj", "nsubjpass")
WITHHOLDING_VERBS = frozenset({"decline", "refuse", "fail", "neglect"})
# Whom words are told to: "told a news conference that ...".
AUDIENCE_NOUNS = frozenset(
    "conference briefing reporter journalist parliament lawmaker legislator assembly summit "
    "meeting audience crowd council session forum gathering delegate press".split()
)
# Speech someone was ordered or asked to give is not yet given ("ordered the ministry to declare
# the ambassadors persona non grata").
ORDERING_VERBS = frozenset({"order", "instruct", "direct", "ask", "urge", "tell", "request"})
_TRIM = " \t\r\n,;:.—–-―"
_SENT_END = frozenset({".", "!", "?"})
_DASHES = "\u2015\u2014\u2013"
# A quotation shorter than this is a scare-quoted word or a title unless it is clearly speech.
MIN_QUOTE_WORDS = 4
# Words outside the marks that make a reported clause "mixed" rather than just a quotation.
MIN_UNQUOTED_WORDS = 3
_QUOTE_MARK = re.compile("[\"\u201c\u201d]|''")


@lru_cache(maxsize=1)
def _verbs() -> tuple[frozenset[str], frozenset[str]]:
    data = load_data("speech_verbs")
    clause_only = frozenset(data["clause_only"])
    return frozenset(data["speech"]) | clause_only, clause_only


@lru_cache(maxsize=1)
def _quotation_only() -> frozenset[str]:
    return frozenset(load_data("speech_verbs")["quotation_only"])


@lru_cache(maxsize=1)
def _emphasis() -> frozenset[str]:
    return frozenset(load_data("speech_verbs")["emphasis"])


@lru_cache(maxsize=1)
def _expression() -> tuple[frozenset[str], frozenset[str]]:
    data = load_data("speech_verbs")["expression"]
    return frozenset(data["verbs"]), frozenset(data["nouns"])


def _expressed_clause(verb: Token) -> Token | None:
    """ "Expressed hope that ...", "voiced concern that ...": the that-clause of the state of
    mind the verb's object names, which is what was said."""
    verbs, nouns = _expression()
    if verb.pos_ != "VERB" or verb.lemma_ not in verbs:
        return None
    for noun in verb.children:
        if noun.dep_ != "dobj" or noun.lemma_.lower() not in nouns:
            continue
        for clause in noun.children:
            if clause.dep_ in ("acl", "ccomp") and any(
                c.dep_ == "mark" and c.lower_ == "that" for c in clause.children
            ):
                return clause
    return None


@lru_cache(maxsize=1)
def _stance() -> tuple[frozenset[str], frozenset[str]]:
    data = load_data("speech_verbs")
    return frozenset(data["stance"]), frozenset(data["stance_preps"])


@dataclass
class _Found:
    speaker_token: Token | None
    speaker_text: str
    verb: str
    start: int
    end: int
    evidence: tuple[int, int]
    spans: list[list[int]] | None = None
    verb_i: int | None = None
    quotes: list[QuoteSpan] = field(default_factory=list)
    rule: str = "reported"  # how it was found: see confidence.RULES


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return start, end


def _is_speech(token: Token, quotation: bool = False) -> bool:
    verbs, clause_only = _verbs()
    if token.pos_ not in ("VERB", "AUX") or token.lemma_ not in verbs:
        return False
    return not (quotation and token.lemma_ in clause_only)


def _subject(verb: Token) -> Token | None:
    """The speaker of a speech verb; a participle or conjunct borrows its head's subject."""
    for child in verb.children:
        if child.dep_ == "nsubj":
            return child
        if child.dep_ == "agent":  # "it was announced by the ministry"
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return pobj
    if verb.dep_ == "pcomp" and verb.head.lower_ == "as" and verb.head.head is not verb.head:
        # 'the agency quoted the ministry as saying', 'cited him as saying': the object said it;
        # 'Wang was quoted as saying': the passive's subject
        for child in verb.head.head.children:
            if child.dep_ in ("dobj", "nsubjpass"):
                return child
    before = verb.doc[verb.i - 1] if verb.i > 0 else None
    if (
        verb.tag_ == "VBG"
        and before is not None
        and before.dep_ == "conj"
        and before.pos_ in ("NOUN", "PROPN")
        and any(c.dep_ == "cc" for c in before.head.children)
    ):
        # "with the US vowing to ... and the Maduro government saying ...": the parser hangs
        # the government on the first clause's object, and "saying" on "vowing"
        return before
    teller = teller_past_a_quote(verb)
    if teller is not None:
        return _subject(teller)
    if verb.dep_ in ("advcl", "conj", "xcomp", "acl") and verb.head is not verb:
        for child in verb.head.children:
            if child.dep_ == "nsubj":
                return child
        if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN", "PRON"):
            return verb.head  # "a statement saying ...", "Smith, saying ..."
    return None


def _according_to(token: Token) -> Token | None:
    """The source in 'according to X', or None when `token` does not start one."""
    if token.lower_ != "according":
        return None
    to = next((c for c in token.children if c.lower_ == "to"), None)
    if to is None and token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ == "to":
        to = token.doc[token.i + 1]
    if to is None:
        return None
    return next((c for c in to.children if c.dep_ == "pobj"), None)


def _speaker_text(token: Token) -> str:
    """The mention as written, without relative clauses or appositions trailing it."""
    left = token.left_edge.i
    right = token.i
    for child in token.rights:
        if child.dep_ in ("relcl", "appos", "acl", "punct", "cc", "conj", "advcl", "prep"):
            break
        right = child.right_edge.i
    span = token.doc[left : right + 1]
    if len(span) > 12:
        span = token.doc[max(left, token.i - 6) : token.i + 1]
    text = span.text.strip(_TRIM)
    dateline = _DATELINE.match(text)
    if dateline is not None and dateline.end() < len(text):
        text = text[dateline.end() :]  # "WARSAW - Poland": the dateline is no part of the name
    return text or token.text


def _withheld(verb: Token) -> bool:
    """Speech someone declined, refused or failed to give ("declined to say whether ..."): the
    refusal is what they did (told as such), not a saying of its complement."""
    if verb.dep_ == "xcomp" and verb.head.lemma_ in WITHHOLDING_VERBS | ORDERING_VERBS:
        return True
    return (
        verb.dep_ in ("xcomp", "ccomp")
        # nor speech someone is allowed to give ("a brake will allow the assembly to object")
        and verb.head.lemma_ in load_frames().permitting
        and verb.head.tag_ != "VBD"  # "the court allowed him to testify": he did
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    )


def _content_clause(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "ccomp":
            if any(c.dep_ == "nsubj" and c.lower_ in REFLEXIVES for c in child.children):
                return None  # "declared himself the new leader": an act about oneself
            if _relative_read_as_content(verb, child):
                return None
            return child
    for child in verb.children:
        # "told a news conference that he had raised it": the parser hung the content on the
        # audience as a relative clause, but a relative clause never opens with "that" as a mark
        if child.dep_ == "dobj" and child.lemma_.lower() in AUDIENCE_NOUNS:
            for clause in child.children:
                if clause.dep_ == "relcl" and (
                    _opens_with_that(clause) or _that_with_its_own_subject(clause)
                ):
                    return _said_within(clause)
    for child in verb.children:
        # "said in a statement that the two would resume talks": the parser hung the words on
        # the statement (or the meeting) they were said in
        if child.dep_ != "prep" or child.lower_ not in ("in", "at", "on"):
            continue
        for noun in child.children:
            lemma = noun.lemma_.lower()
            if noun.dep_ == "pobj" and (lemma in document_nouns() or lemma in AUDIENCE_NOUNS):
                for clause in noun.children:
                    if clause.dep_ in ("acl", "relcl") and _opens_with_that(clause):
                        return _said_within(clause)
                    if clause.dep_ == "relcl":
                        inner = _said_within(clause)
                        if inner is not clause:
                            return inner  # "in a post that his office shared that ...": the inner
    for child in verb.children:
        if child.dep_ in ("dobj", "xcomp") and child.pos_ == "VERB":
            return child
    return None


def _relative_read_as_content(verb: Token, clause: Token) -> bool:
    """ "accused Stockholm of harbouring members of groups it considers terrorists": a clause
    with no "that", right after a phrase of the verb's, qualifies that phrase's last noun."""
    if any(c.dep_ == "mark" for c in clause.children) or not any(
        c.dep_ == "nsubj" and c.tag_ == "PRP" for c in clause.children
    ):
        return False
    return any(
        c.dep_ == "prep"
        and c.lower_ == "of"
        and c.i < clause.i
        and c.right_edge.i + 1 == clause.left_edge.i
        and c.doc[c.right_edge.i].tag_ in ("NN", "NNS")
        for c in verb.children
    )


# Verbs whose object a meeting or a document is: "the meeting that he chaired", "a post that his
# office shared" are relative clauses, not what was said.
HOLDING_VERBS = frozenset(
    "chair host attend hold convene organise organize lead address post share publish issue "
    "release sign write send".split()
)


def _that_with_its_own_subject(clause: Token) -> bool:
    """ "told a weekly briefing that water ministers would meet": the parser took "that" for the
    clause's object, but the clause has a subject of its own and is what was told (not "told a
    meeting that he chaired": chairing is what is done to a meeting)."""
    first = clause.doc[clause.left_edge.i]
    return (
        first.lower_ == "that"
        and first.dep_ == "dobj"
        and clause.lemma_.lower() not in HOLDING_VERBS
        and any(c.dep_ in ("nsubj", "nsubjpass") and c.i > first.i for c in clause.children)
    )


def _said_within(clause: Token) -> Token:
    """The words inside a relative clause that has them ("told a meeting that he chaired on
    Monday that India would not be intimidated": the second that-clause)."""
    for child in clause.children:
        if child.dep_ == "ccomp" and _opens_with_that(child):
            return child
    return clause


def _opens_with_that(clause: Token) -> bool:
    """A relative clause never opens with 'that' as a mark: a clause that does is what was said."""
    return any(c.dep_ == "mark" and c.lower_ == "that" and c.i < clause.i for c in clause.children)


def _outside(sent: Span, cut: range) -> list[tuple[int, int]]:
    """The parts of the sentence left and right of the token range `cut` (the reporting clause)."""
    doc = sent.doc
    parts = []
    if cut.start > sent.start:
        parts.append(_strip(doc_text(doc), sent.start_char, doc[cut.start].idx))
    if cut.stop < sent.end:
        last = doc[cut.stop - 1]
        parts.append(_strip(doc_text(doc), last.idx + len(last), sent.end_char))
    return [p for p in parts if p[1] > p[0]]


class _QuoteLookup:
    """Is a character offset inside a quotation? Bisect over the sorted quote spans."""

    def __init__(self, quotes: list[QuoteSpan]) -> None:
        self.quotes = quotes
        self.starts = [q.start for q in quotes]

    def covering(self, offset: int) -> QuoteSpan | None:
        i = bisect.bisect_right(self.starts, offset) - 1
        if i >= 0 and self.quotes[i].inner_start <= offset < self.quotes[i].inner_end:
            return self.quotes[i]
        return None


def _words(text: str) -> int:
    return len(text.split())


def _reported(doc: Doc, inside: _QuoteLookup) -> list[_Found]:
    found: list[_Found] = []
    reframed: set[int] = set()  # verbs whose 'complement' turned out to be the attribution
    text = doc_text(doc)
    dateline: frozenset[int] = doc.user_data.get("briefbot_dateline_tokens", frozenset())
    for token in doc:
        within = inside.covering(token.idx)
        if within is not None and not _readout(token, within):
            continue  # a verb inside a quotation is the quoted speaker's, not the article's
        source = _according_to(token)
        if source is not None:
            cut = range(token.i, source.right_edge.i + 1)
            parts = _outside(token.sent, cut)
            parts = [p for p in parts if _words(text[p[0] : p[1]]) >= 3] or parts
            if parts:
                found.append(_make(source, "according to", parts, token.sent, token.i, "according"))
            continue
        expressed = _expressed_clause(token)
        if expressed is not None and not any(c.dep_ == "neg" for c in token.children):
            subject = _subject(token)
            if subject is not None:
                right = _trimmed_end(doc[expressed.left_edge.i : expressed.right_edge.i + 1])
                parts = _around(doc, expressed.left_edge, right, token, subject)
                if parts and sum(e - s for s, e in parts) >= 8:
                    found.append(
                        _make(subject, token.lemma_, parts, token.sent, token.i, "reported")
                    )
            continue
        stance = token.pos_ == "VERB" and token.lemma_ in _stance()[0]
        if not (stance or _is_speech(token)) or any(c.dep_ == "neg" for c in token.children):
            continue
        if token.lemma_ in _quotation_only():
            continue
        if _withheld(token):
            continue  # "declined to say whether X would attend": nothing was said
        if (
            token.tag_ == "VBN"
            and token.dep_ == "advcl"
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children)
        ):
            continue  # "Asked whether ..., X declined": X was asked, and asked nothing
        subject = _subject(token)
        if subject is None:
            continue
        clause = _content_clause(token)
        if clause is not None and _no_words_said(token, clause):
            continue
        lo = min(subject.left_edge.i, token.i)
        # 'CONTENT, X said.': a clause wholly before the reporting clause is only part of the
        # content when the parser stops it short; and a 'said' parsed as the complement of the
        # content's own verb ('They agreed on ..., X said') is still the sentence's attribution.
        # a conjunct only when the parser gave it part of the content as its complement
        closing = (
            token.dep_ == "conj"
            and token.head.i < lo
            and clause is not None
            and clause.right_edge.i < lo
            and _closes_sentence(token)
        )
        before = (
            clause is not None
            and clause.right_edge.i < lo
            and (token.dep_ in ("ROOT", "parataxis") or closing)
            and not _QUOTE_MARK.search(text, token.sent.start_char, doc[lo].idx)
        )
        inverted = (
            clause is None
            and (
                token.dep_ == "ccomp"
                # "Vanuatu has put off X, Prime Minister Y said on Tuesday": the parser made
                # the attribution a conjunct of the content's verb, after a comma
                or (
                    token.dep_ == "conj"
                    and lo > 0
                    and doc[lo - 1].text == ","
                    # not "X met Y and told him ..., KCNA reported": X's own words are told
                    and not any(
                        _is_speech(t) for t in doc[token.sent.start : lo] if t.pos_ == "VERB"
                    )
                )
            )
            and token.head.i < lo
            and not _is_speech(token.head)
            and not any(c.dep_ in ("dobj", "xcomp", "oprd") for c in token.children)
        )
        if clause is not None and not before:
            right = _trimmed_end(doc[clause.left_edge.i : clause.right_edge.i + 1])
            parts = _around(doc, clause.left_edge, right, token, subject)
            # 'The two sides agreed to hold talks': an agreement is an event, not words said.
            rule = "agree_to" if token.lemma_ == "agree" and clause.dep_ == "xcomp" else "reported"
            if rule == "reported" and clause.dep_ == "xcomp":
                # 'warned them to stop', 'asked Cuba to extradite': a demand, an event
                rule = "directive"
        elif (
            _is_speech(token, quotation=True)
            and (token.dep_ in ("ROOT", "parataxis") or inverted or closing)
            # "The summit was announced by Trump last Friday": the passive's subject is what
            # was announced, the sentence around it no words of his
            and not any(c.dep_ == "nsubjpass" for c in token.children)
        ):
            # "Content, X said." or "Content, X said, more content.": the sentence minus the clause.
            hi = max(subject.right_edge.i, token.i)
            for child in token.rights:  # 'said on Monday in a statement': still the attribution
                if (
                    child.dep_ in ("prep", "npadvmod", "advmod", "agent", "dobj", "dative")
                    and child.i == hi + 1
                ):
                    hi = child.right_edge.i
                elif child.dep_ in ("advcl", "conj") and _is_speech(child):
                    hi = child.right_edge.i  # ", adding that ...": a statement of its own
            parts = []
            # a dateline the sentence opens with is no part of what was said
            start = token.sent.start
            while start < lo and (start in dateline or doc[start].is_punct):
                start += 1
            if lo > start and not _reduced_relative(token, lo):
                parts = [
                    p
                    for p in _outside(doc[start : token.sent.end], range(lo, hi + 1))
                    if _words(text[p[0] : p[1]]) >= 3
                ]
                if parts and parts[0][0] > doc[lo].idx:
                    parts = []  # only a right part: "X said on Friday in Paris" carries no content
            rule = "sentence"
            if parts and _only_circumstances(doc[start:lo], token):
                # "At the summit, Xi announced 60 billion dollars in support": when and how, no
                # words said; what was said is the verb's object, if any (not the listener told,
                # nor a quotation's topic: '"Over my dead body," X said of Y' is the quote rule's)
                quoted = _QUOTE_MARK.search(text, doc[start].idx, doc[lo].idx)
                told = token.lemma_ in ("tell", "inform", "brief", "assure", "remind")
                parts = [] if quoted else _what_was_told(token) if told else _object_content(token)
                rule = "emphasis"
            if parts and inverted:
                reframed.add(token.head.i)
            elif not parts and stance:
                # 'X stressed the importance of ...': a verb of both kinds whose object is the
                # content
                parts = _object_content(token)
                rule = "stance"
            elif not parts:
                continue
        elif stance:
            parts = _object_content(token)
            rule = "stance"
        else:
            continue
        if rule == "stance" and token.lemma_ in _emphasis():
            rule = "emphasis"  # 'stressed the need for ...': the object is what was said
        if not parts or sum(e - s for s, e in parts) < 8:
            continue
        if within is not None:
            if rule != "reported":
                continue
            rule = "readout"
        found.append(_make(subject, token.lemma_, parts, token.sent, token.i, rule))
    return [f for f in found if not (f.rule == "reported" and f.verb_i in reframed)]


def _no_words_said(verb: Token, clause: Token) -> bool:
    """ "declared Mexico's ambassador persona non grata": a declaration whose complement is no
    clause is the act it declares, not words said."""
    return lemma_of(verb) == "declare" and clause.pos_ not in ("VERB", "AUX")


def _reduced_relative(verb: Token, lo: int) -> bool:
    """ "..., in a move the U.N. refugee agency said breached international law": the parser made
    "said" the sentence's root, but a speaker right after a noun, with no comma between, opens a
    clause about that noun; the sentence before it is the article's, not the agency's words."""
    before = verb.doc[lo - 1]
    return before.pos_ in ("NOUN", "PROPN") and any(
        c.dep_ in ("xcomp", "ccomp") and c.i > verb.i for c in verb.children
    )


# What a phrase before the speaker may be and still tell only when, where or how it was said.
_CIRCUMSTANTIAL = frozenset({"prep", "advmod", "npadvmod", "advcl", "punct", "cc", "mark"})


def _what_was_told(verb: Token) -> list[tuple[int, int]]:
    """ "told Indian officials about the capture of a pilot": what the "about" phrase names (the
    one told is a listener, no words)."""
    doc = verb.doc
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in ("about", "of"):
            for pobj in prep.children:
                if pobj.dep_ in ("pobj", "pcomp"):
                    start, end = _strip(
                        doc_text(doc),
                        pobj.left_edge.idx,
                        pobj.right_edge.idx + len(pobj.right_edge),
                    )
                    return [(start, end)] if start < end else []
    return []


def _only_circumstances(span: Span, verb: Token) -> bool:
    """The words before the speaker are the speech verb's own adverbials ("Under the deal, she
    admitted", "The following day, minutes after X was sworn in, Beijing announced"), not a
    clause of what was said ("Talks will resume, he said")."""
    tops = [t for t in span if not (span.start <= t.head.i < span.end) or t.head.i == t.i]
    return bool(tops) and all(t.head.i == verb.i and t.dep_ in _CIRCUMSTANTIAL for t in tops)


def _closes_sentence(verb: Token) -> bool:
    """Only the verb's own trailing modifiers ('said on Monday in a statement') and punctuation
    follow it: '..., and they will meet again, the ministry said.' read as a conjunct is still the
    sentence's attribution."""
    end = verb.i
    for child in verb.rights:
        if child.dep_ in ("prep", "npadvmod", "advmod", "agent"):
            end = max(end, child.right_edge.i)
    return all(t.is_punct or t.is_space for t in verb.doc[end + 1 : verb.sent.end])


def _readout(verb: Token, q: QuoteSpan) -> bool:
    """A quotation that is itself a readout ('"The minister said that ...," the spokesman told
    reporters'): it opens with a named person or body and their speech verb with a clause."""
    if verb.lemma_ in _verbs()[1] or verb.lemma_ in _quotation_only():
        return False
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if (
        subject is None
        or subject.ent_type_ not in ("PERSON", "ORG")
        or _content_clause(verb) is None
    ):
        return False
    # the quotation opens with the reporting clause: 'NAME said that ...'
    return subject.left_edge.idx <= q.inner_start + 1 and inside_quote(subject, q)


def _around(
    doc: Doc, left: Token, right: Token, verb: Token, subject: Token
) -> list[tuple[int, int]]:
    """The clause from `left` to `right`, less the reporting clause when it sits inside
    ('In recent days, advisers say, the president has grown tired')."""
    text = doc_text(doc)
    if not left.i < verb.i < right.i:
        start, end = _strip(text, left.idx, right.idx + len(right))
        return [(start, end)] if start < end else []
    lo = min(subject.left_edge.i, verb.i)
    hi = max(subject.right_edge.i, verb.i)
    parts = []
    # "a strike that Islamabad said killed two children": the relative pronoun stands for the
    # noun outside the words; what was said is the rest
    relative = lo == left.i + 1 and left.tag_ in ("WDT", "WP")
    if lo > left.i and not relative:
        parts.append(_strip(text, left.idx, doc[lo].idx))
    if hi < right.i:
        parts.append(_strip(text, doc[hi + 1].idx, right.idx + len(right)))
    return [p for p in parts if p[1] > p[0]]


def _trimmed_end(clause: Span) -> Token:
    """The last token of what was said: a clause stops before the writer's own additions, a
    comma-led 'which ...' aside or a further reporting verb (', arguing that', 'and warned')."""
    tokens = list(clause)
    for k in range(2, len(tokens) - 1):
        token, nxt = tokens[k], tokens[k + 1]
        if token.text == "," and nxt.lower_ in ("which", "who", "whose") and _mid_clause(nxt):
            continue  # "said Iran's envoy, who is visiting home, would not return": the subject's
        if token.text == "," and (
            nxt.lower_ in ("which", "who", "whose") or (_is_speech(nxt) and nxt.tag_ == "VBG")
        ):
            return tokens[k - 1]
        if (
            token.lower_ == "and"
            and _is_speech(nxt)
            and nxt.dep_ == "conj"
            and nxt.tag_ in ("VBD", "VBZ")
        ):
            return tokens[k - 1]
    return tokens[-1]


def _mid_clause(pronoun: Token) -> bool:
    """Whether the relative clause a pronoun opens describes a noun whose own verb comes after
    the clause (an aside inside the content), not one the content ends on."""
    clause = pronoun.head
    while clause.dep_ != "relcl" and clause.head is not clause and clause.i > clause.head.i:
        clause = clause.head
    if clause.dep_ != "relcl":
        return False
    noun = clause.head
    if noun.dep_ == "appos":
        noun = noun.head  # "the ambassador, Maria Alonso, who had been recalled, would not return"
    return noun.dep_ in ("nsubj", "nsubjpass") and noun.head.i > clause.right_edge.i


def _object_content(verb: Token) -> list[tuple[int, int]]:
    """What a stance verb is about: its object and complement ('called the plan "a disaster"'),
    the object of its preposition ('called for talks') or its infinitive ('wants to leave')."""
    _, preps = _stance()
    if any(c.dep_ == "dobj" and c.lower_ in REFLEXIVES for c in verb.children):
        return []  # "declared himself the new leader": an act about oneself, no words quoted
    pieces: list[Token] = []
    for child in verb.rights:
        if child.dep_ in ("dobj", "oprd", "xcomp", "ccomp", "dative"):
            pieces.append(child)
        elif (
            child.dep_ == "advcl"
            and pieces
            and any(c.dep_ == "aux" and c.tag_ == "TO" for c in child.children)
        ):
            pieces.append(
                child
            )  # 'renewed its call on them to refrain from ...': the infinitive goes with the object
        elif (
            child.dep_ == "advcl"
            and pieces
            and child.tag_ == "VBG"
            and child.i > 0
            and child.doc[child.i - 1].text == ","
            and child.doc[child.i - 2].i <= pieces[-1].right_edge.i + 1
            and child.lemma_ not in _verbs()[0]
            and child.lemma_ not in _stance()[0]
            and any(
                c.dep_ == "conj" and c.tag_ == "VBG" and c.doc[c.left_edge.i - 2].text == ","
                for c in child.children
            )
            and any(t.tag_ == "VBG" and t.dep_ in ("pcomp", "pobj") for t in pieces[-1].subtree)
        ):
            pieces.append(
                child
            )  # 'stressed the importance of doing X, restoring Y, and doing Z': one list
        elif child.dep_ == "prep" and child.lower_ in preps:
            pieces.extend(c for c in child.children if c.dep_ in ("pobj", "pcomp"))
    if not pieces:
        return []
    doc = verb.doc
    left = min(p.left_edge.i for p in pieces)
    right = max(p.right_edge.i for p in pieces)
    start, end = _strip(doc_text(doc), doc[left].idx, doc[right].idx + len(doc[right]))
    return [(start, end)] if start < end else []


def _make(
    speaker: Token, verb: str, parts: list[tuple[int, int]], sent: Span, verb_i: int, rule: str
) -> _Found:
    start, end = parts[0][0], parts[-1][1]
    spans = [list(p) for p in parts] if len(parts) > 1 else None
    return _Found(
        speaker,
        _speaker_text(speaker),
        verb,
        start,
        end,
        (sent.start_char, sent.end_char),
        spans,
        verb_i,
        rule=rule,
    )


# --- direct quotations ---------------------------------------------------------------------------
def _paragraph_end(text: str, offset: int) -> int:
    end = text.find("\n", offset)
    return len(text) if end == -1 else end


def _paragraph_start(text: str, offset: int) -> int:
    return text.rfind("\n", 0, offset) + 1


def _tokens(doc: Doc, start: int, end: int) -> Span | None:
    if end <= start:
        return None
    return doc.char_span(start, end, alignment_mode="contract")


def _attribution_after(
    doc: Doc, q: QuoteSpan, limit: int
) -> tuple[Token, Token | None, str] | None:
    """'"...," X said' or '"...?" asked X' or '"..." ― X': (speaker, verb, cue) after the quote."""
    text = doc_text(doc)
    span = _tokens(doc, q.end, limit)
    if span is None:
        return None
    signed = _signed(span)
    if signed is not None:
        return signed, None, "say"
    ending = text[q.inner_start : q.inner_end].rstrip()[-1:]
    if ending in (".", ";", ":"):
        return None  # the quotation closed its sentence: what follows is a new one
    for token in span:
        if token.text in _SENT_END or token.i - span.start > 20:
            break
        if token.is_space:
            continue
        source = _according_to(token)
        if source is not None:
            return source, token, "according to"
        if _is_speech(token, quotation=True) and not _quoting_another(token):
            subject = _subject(token)
            if subject is not None and not inside_quote(subject, q):
                return subject, token, token.lemma_
    return None


def _quoting_another(verb: Token) -> bool:
    """ "his spokesman quoted him as saying": who quotes is not who spoke; the words are the
    object's, found at "saying"."""
    return verb.lemma_ in ("quote", "cite") and any(
        c.dep_ == "prep"
        and c.lower_ == "as"
        and any(g.dep_ == "pcomp" and _is_speech(g) for g in c.children)
        for c in verb.children
    )


def _signed(span: Span) -> Token | None:
    """A pull quote signed with a dash: '"..." ― Maria Lopez, 34, nurse'."""
    first = next((t for t in span if not t.is_space), None)
    if first is None or first.text[:1] not in _DASHES:
        return None
    # Token attributes, not span.ents: that walks the whole Doc for every quotation.
    for token in span.doc[first.i + 1 : min(span.end, first.i + 3)]:
        if token.ent_type_ in ("PERSON", "ORG", "NORP") and token.ent_iob_ == "B":
            end = token.i + 1
            while end < span.end and span.doc[end].ent_iob_ == "I":
                end += 1
            return span.doc[end - 1]
    name = first.nbor() if first.i + 1 < span.end else None
    return name if name is not None and name.is_title else None


def inside_quote(token: Token, q: QuoteSpan) -> bool:
    return q.inner_start <= token.idx < q.inner_end


def _attribution_before(doc: Doc, q: QuoteSpan, floor: int) -> tuple[Token, Token, str] | None:
    """'X said: "..."' or 'X said, "..."': the nearest speech verb before the quote, same
    sentence."""
    span = _tokens(doc, floor, q.start)
    if span is None:
        return None
    tokens = list(span)
    # A quotation running on from the clause ('told reporters that Washington had notified
    # Moscow "some hours before his departure"'), not opened by a colon or a comma, is the words
    # of whoever tells the clause, not of a speech verb inside it.
    running_on = doc_text(doc)[floor : q.start].rstrip()[-1:] not in (":", ",")
    for k in range(len(tokens) - 1, -1, -1):
        token = tokens[k]
        if token.text in _SENT_END and k < len(tokens) - 1:
            break
        if not _is_speech(token, quotation=True):
            continue
        if running_on and _told_within_another(token):
            continue
        subject = _subject(token)
        if subject is not None:
            return subject, token, token.lemma_
    return None


def _told_within_another(verb: Token) -> bool:
    """A speech verb inside what another one before it says, which has a speaker ("Sullivan told
    reporters that Washington had notified Moscow"; the parser may hang the clause anywhere
    below the outer verb)."""
    return any(
        outer.i < verb.i and _is_speech(outer) and _subject(outer) is not None
        for outer in verb.ancestors
    )


def _direct(doc: Doc, quotes: list[QuoteSpan], reported: list[_Found]) -> list[_Found]:
    """Quotations not already inside a mixed reported clause, attributed to a speech verb next to
    them."""
    text = doc_text(doc)
    found: list[_Found] = []
    consumed: set[int] = set()
    for n, q in enumerate(quotes):
        if n in consumed:
            continue
        inner_start, inner_end = _strip(text, q.inner_start, q.inner_end)
        if inner_end <= inner_start or _mixed_in(reported, text, q):
            continue
        para_end = _paragraph_end(text, q.end)
        next_q = quotes[n + 1] if n + 1 < len(quotes) else None
        limit = min(para_end, next_q.start) if next_q else para_end
        prev_end = quotes[n - 1].end if n > 0 else 0
        floor = max(_paragraph_start(text, q.start), prev_end)
        words = _words(text[inner_start:inner_end])
        found_by = _attribution_after(doc, q, limit)
        rule = "quote_after"
        if found_by is None and words >= MIN_QUOTE_WORDS:
            found_by = _attribution_before(doc, q, floor)
            rule = "quote_before"
        if found_by is None:
            if words >= MIN_QUOTE_WORDS and found and _continues(text, found[-1], q):
                prev = found[-1]
                found.append(
                    _Found(
                        prev.speaker_token,
                        prev.speaker_text,
                        prev.verb,
                        inner_start,
                        inner_end,
                        (q.start, q.end),
                        None,
                        prev.verb_i,
                        [q],
                        "quote_continued",
                    )
                )
            continue
        speaker, verb, cue = found_by
        spans = [[inner_start, inner_end]]
        used = [q]
        # '"A," he said. "B."': the quotation resumes after its attribution in the same paragraph.
        if (
            next_q is not None
            and next_q.start < para_end
            and verb is not None
            and _only_attribution_between(doc, q, next_q, verb)
            and _attribution_after(doc, next_q, _next_limit(text, quotes, n + 1)) is None
        ):
            s, e = _strip(text, next_q.inner_start, next_q.inner_end)
            if e > s:
                spans.append([s, e])
                used.append(next_q)
                consumed.add(n + 1)
        if words < MIN_QUOTE_WORDS and len(spans) == 1 and not _opens_sentence(text, q, floor):
            continue
        start, end = spans[0][0], spans[-1][1]
        f = _Found(
            speaker,
            _speaker_text(speaker),
            cue,
            start,
            end,
            (min(q.start, speaker.sent.start_char), max(used[-1].end, speaker.sent.end_char)),
            spans if len(spans) > 1 else None,
            verb.i if verb is not None else None,
            used,
            rule if verb is not None else "signed",
        )
        found.append(f)
    return found


def _only_attribution_between(doc: Doc, q: QuoteSpan, next_q: QuoteSpan, verb: Token) -> bool:
    """Nothing but the attribution ('he said.', 'said Smith, a senator,') between two quotations."""
    span = _tokens(doc, q.end, next_q.start)
    if span is None or not (span.start <= verb.i < span.end):
        return False
    for token in span:
        if token.text in _SENT_END:
            return all(t.is_space for t in doc[token.i + 1 : span.end])
    last = next((t for t in reversed(span) if not t.is_space), None)
    return last is not None and last.text in (",", ":")


def _next_limit(text: str, quotes: list[QuoteSpan], n: int) -> int:
    para_end = _paragraph_end(text, quotes[n].end)
    return min(para_end, quotes[n + 1].start) if n + 1 < len(quotes) else para_end


def _opens_sentence(text: str, q: QuoteSpan, floor: int) -> bool:
    """A quotation at the start of its sentence ('"No," he said.') is speech even when short."""
    before = text[floor : q.start].rstrip()
    return not before or before[-1] in ".!?:\n"


def _continues(text: str, prev: _Found, q: QuoteSpan) -> bool:
    """A quotation opening the paragraph right after the speaker's previous one carries it on."""
    if not prev.quotes:
        return False
    gap = text[prev.quotes[-1].end : q.start]
    return (
        gap.count("\n\n") + (gap.count("\n") if "\n\n" not in gap else 0) <= 1
        and "\n" in gap
        and not gap.strip()
    )


def _mixed_in(reported: list[_Found], text: str, q: QuoteSpan) -> bool:
    """The quotation sits inside a reported clause that says more than the quotation itself."""
    for f in reported:
        if f.start <= q.inner_start and q.inner_end <= f.end + 2:
            unquoted = text[f.start : q.start] + " " + text[q.end : f.end]
            if _words(unquoted.replace("that", " ", 1)) >= MIN_UNQUOTED_WORDS:
                return True
    return False


def _nested(doc: Doc, f: _Found, reported: list[_Found]) -> bool:
    """A belief inside someone's reported words ('said he expects ...') is part of what they
    said."""
    if f.verb_i is None:
        return False
    verbs, clause_only = _verbs()
    doc_verb = doc[f.verb_i]
    if doc_verb.lemma_ not in clause_only:
        # a country or body said inside someone's words must be in what they said, not in a
        # clause beside it ("Rubio said ..., while China said it opposed ...")
        return _a_state_speaking(doc_verb) and any(
            o is not f
            and o.verb_i is not None
            and o.start <= doc_verb.idx < o.end
            and _reported_within(doc_verb, doc[o.verb_i])
            for o in reported
        )
    return any(o is not f and o.start <= doc_verb.idx < o.end for o in reported)


def _reported_within(verb: Token, outer: Token) -> bool:
    """The verb is in the outer speech verb's complement ("said Baku welcomed X but stressed"),
    through complements, coordinated verbs and the clauses of a claim ("said Washington would
    act if Beijing said ...", "said the talks failed because Kyiv said ..."); not a clause set
    beside the outer verb ("Rubio said ..., while China said ...")."""
    node = verb
    while node.i != outer.i:
        if node.head.i == node.i:
            return False
        if node.dep_ == "advcl":
            marks = {c.lower_ for c in node.children if c.dep_ == "mark"}
            if node.head.i == outer.i or not marks & _CLAIM_MARKS:
                return False
        elif node.dep_ not in ("ccomp", "conj", "xcomp"):
            return False
        node = node.head
    return True


# Conjunctions opening a clause of someone's claim ("said X would act if Y said ...").
_CLAIM_MARKS = frozenset({"if", "because", "when", "after", "before", "unless", "since", "until"})


def _a_state_speaking(verb: Token) -> bool:
    """A country or a body said to say something inside someone's reported words ("the adviser
    said Baku welcomed the effort but stressed that ..."): the adviser's words about it."""
    subject = _subject(verb)
    if subject is None:
        return False
    return subject.ent_type_ in ("GPE", "ORG", "NORP") or (
        country_index().match(subject.text) is not None  # "Baku", tagged a person
    )


# "PENCE: Well, look, ..." (a transcript) or "Flynn: Trump 'absolutely right'" (a headline).
_LABELLED = re.compile(r"^[\"\u201c]?([A-Z][^\n:\"]{1,40}?):[ \t]+(\S[^\n]*)", re.MULTILINE)


def _is_whole_entity(span: Span, labels: tuple[str, ...]) -> bool:
    """The span is exactly one named entity of one of `labels` (read from token attributes)."""
    doc = span.doc
    first = span[0]
    if first.ent_iob_ != "B" or first.ent_type_ not in labels:
        return False
    if any(t.ent_iob_ != "I" for t in span[1:]):
        return False
    return span.end == len(doc) or doc[span.end].ent_iob_ != "I"


def _labelled_lines(doc: Doc) -> list[_Found]:
    """Lines that start with the speaker's name and a colon; the rest of the line is what they
    said."""
    found = []
    for match in _LABELLED.finditer(doc_text(doc)):
        label = doc.char_span(match.start(1), match.end(1), alignment_mode="contract")
        if label is None or len(label) > 4:
            continue
        is_name = _is_whole_entity(label, ("PERSON", "ORG"))
        shouting = all(t.is_upper and t.is_alpha for t in label) and len(label.text) > 2
        if not (is_name or shouting):
            continue
        start, end = _strip(doc_text(doc), match.start(2), match.end(2))
        if _words(doc_text(doc)[start:end]) < 3:
            continue
        line = doc_text(doc)[match.start(2) : match.end(2)]  # as written, its stop kept
        if shouting and not is_name and _a_section_head(label, line):
            continue
        speaker = label[-1]
        found.append(
            _Found(
                speaker,
                label.text,
                "say",
                start,
                end,
                (match.start(), match.end()),
                None,
                None,
                rule="labelled",
            )
        )
    return found


def _a_section_head(label: Span, rest: str) -> bool:
    """A round-up's section line ("EUROPE: an eight-day ultimatum", "AT THE UN: showdown on
    Saturday"), not a transcript's speaker: the label is a place or a phrase of one, or what
    follows is a short heading, with no closing stop."""
    words = [t for t in label if t.is_alpha]
    place = " ".join(t.text for t in words if t.lower_ not in ("at", "in", "the", "on"))
    if country_index().resolve(place.title()) or place.title() in world_regions():
        return True
    if any(t.lower_ in ("at", "in", "on") for t in words):
        return True
    # a heading is short and ends in no stop; a transcript's turn may break off mid-sentence
    return _words(rest) <= 8 and not rest.rstrip().endswith((".", "!", "?", '"', "”", "'", "’"))


def _covered_by(f: _Found, direct: list[_Found]) -> bool:
    """A reported clause that is mostly one of the attributed quotations."""
    length = max(1, f.end - f.start)
    for d in direct:
        for q in d.quotes:
            overlap = min(f.end, q.end) - max(f.start, q.start)
            if overlap > 0.5 * length:
                return True
    return False


# How likely a statement is right given the rule that found it (speaker named, content whole).
RULES = {
    "quote_after": 0.92,  # '"...," X said'
    "quote_before": 0.88,  # 'X said: "..."'
    "reported": 0.85,  # 'X said that ...'
    "sentence": 0.82,  # '..., X said.'
    "according": 0.75,  # 'according to X, ...'
    "quote_continued": 0.78,  # the next paragraph's quotation, same speaker
    "readout": 0.8,  # '"The minister said that ...," the spokesman said': the minister's words
    "labelled": 0.7,  # 'NAME: ...'
    "signed": 0.7,  # '"..." - NAME'
    "stance": 0.58,  # 'X called for ...', 'X praised ...': a position, not words said
    "emphasis": 0.62,  # 'X stressed the need for ...': a speech verb whose object is what was said
    "agree_to": 0.35,  # 'X and Y agreed to ...': the agreement is an event, not words said
    # 'urged them to ...' is often a statement, 'warned them to ...' often a threat
    "directive": 0.5,
}
# How the speaker was found; a pronoun or a title loses more the further back its antecedent is.
SPEAKERS = {
    "name": 1.0,
    "body": 0.95,
    "document": 0.9,
    "title": 0.88,
    "pronoun": 0.92,
    "anonymous": 0.3,
    "group": 0.3,
    "none": 0.2,
}


def _confidence(f: _Found, speaker: Speaker, text: str) -> float:
    if speaker.cluster is None:
        return round(min(0.25, RULES.get(f.rule, 0.7) * SPEAKERS[speaker.how]), 3)
    score = RULES.get(f.rule, 0.7) * SPEAKERS[speaker.how]
    if speaker.how in ("pronoun", "title"):
        score *= 0.93 ** max(0, speaker.distance - 1)
    if f.rule == "stance" and f.quotes == [] and "\u201c" not in text and '"' not in text:
        # an unquoted position ('rejected calls for ...', 'warned Manila against ...') is more
        # often the writer's summary than words said: below the line answers show
        score *= 0.8
    if speaker.cluster.kind == "media":
        score *= 0.5  # an outlet reporting is rarely the one who said it
    if (
        f.verb_i is not None
        and f.speaker_token is not None
        and abs(f.verb_i - f.speaker_token.i) > 12
    ):
        score *= 0.9  # speaker far from the cue: a long subject or a parse that wandered
    if _words(text) < 4:
        score *= 0.8
    return round(max(0.0, min(1.0, score)), 3)


# A dateline opening the content: "RIYADH — ", "BEIJING, Dec. 12 (Xinhua) -- ",
# "KYIV, Ukraine (AP) — ".
_DATELINE = re.compile(
    r"[A-Z][A-Z'./\- ]{2,}(?:,[ ][A-Z][\w.]*(?:[ ][A-Z\d][\w.]*)?)?"
    r"(?:[ ]\([^)\n]{1,40}\))?[ ]*(?:--|[\u2014\u2013-])[ ]*"
)


@lru_cache(maxsize=1)
def _gloss() -> re.Pattern[str]:
    """The reporter's gloss after reported words: ", escalating a row ...", ", in a sharp
    escalation of ..." (data/speech_verbs.json)."""
    data = load_data("speech_verbs")
    participles = "|".join(map(re.escape, data["gloss_participles"]))
    nouns = "|".join(map(re.escape, data["gloss_nouns"]))
    return re.compile(rf",\s+(?:(?:{participles})\s|in\s+an?\s+(?:[a-z-]+\s+)?(?:{nouns})\b)")


def _tidy(text: str, start: int, end: int) -> tuple[int, int]:
    """No dateline in front, no reporter's gloss behind (outside quotation marks); quotation
    marks closed where the quote closes (and opened where it opens)."""
    dateline = _DATELINE.match(text, start, end)
    if dateline is not None and end - dateline.end() > 20:
        start = dateline.end()
    gloss = _gloss().search(text, start, end)
    if gloss is not None and not _inside_quotes(text, start, gloss.start()):
        end = gloss.start()
    piece = text[start:end]
    opened, closed = piece.count("\u201c"), piece.count("\u201d")
    if closed > opened:
        before = text[:start].rstrip(" ")
        if before.endswith("\u201c"):
            start = len(before) - 1
    elif opened > closed and text[end : end + 1] == "\u201d":
        end += 1
    elif opened > closed and text[end : end + 2] in (",\u201d", ".\u201d"):
        end += 2
    if piece.count('"') % 2 == 1:
        if piece.lstrip()[:1] != '"' and text[:start].rstrip(" ").endswith('"'):
            start = len(text[:start].rstrip(" ")) - 1
        elif text[end : end + 1] == '"':
            end += 1
    return start, end


def _inside_quotes(text: str, start: int, at: int) -> bool:
    before = text[start:at]
    return before.count('"') % 2 == 1 or before.count("\u201c") > before.count("\u201d")


PARTS_OF_A_TIME = frozenset({"end", "beginning", "start", "middle", "close", "turn"})


def _time_phrase(token: Token) -> Span | None:
    """The date a phrase on the reporting verb gives ("on Monday", "Monday", "last week"): the
    phrase's date words."""
    doc = token.doc
    if token.dep_ == "advmod" and token.lower_ in ("late", "early", "earlier", "later"):
        # "said in a statement late on Wednesday": the day is in the phrase on the adverb
        inner = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "on"), None)
        return _time_phrase(inner) if inner is not None else None
    on_a_day = token.dep_ == "prep" and token.lower_ in ("on", "in", "last", "earlier")
    if token.dep_ == "prep" and token.lower_ in ("during", "at", "after"):
        # "During Tuesday's meeting, Xi said", "said after Friday's talks": the day of the
        # occasion the words were said at
        occasion = next((c for c in token.children if c.dep_ == "pobj"), None)
        if occasion is not None and occasion.lemma_.lower() in PARTS_OF_A_TIME:
            # "said at the end of December": the month told
            dated = [t for t in occasion.subtree if t.ent_type_ == "DATE"]
            return doc[dated[0].i : dated[-1].i + 1] if dated else None
        dated = [
            t
            for c in (occasion.children if occasion is not None else ())
            if c.dep_ in ("poss", "compound", "nmod")
            for t in c.subtree
            if t.ent_type_ == "DATE"
        ]
        return doc[dated[0].i : dated[-1].i + 1] if dated else None
    if not on_a_day and token.dep_ not in ("npadvmod", "tmod"):
        return None
    dated = [t for t in token.subtree if t.ent_type_ == "DATE"]
    return doc[dated[0].i : dated[-1].i + 1] if dated else None


def _said_when(
    doc: Doc, f: _Found, published: str | None, dateline: frozenset[int] = frozenset()
) -> tuple[str | None, bool]:
    """When the words were said, and whether the text tells it: the day the reporting clause
    gives ("warned on Monday") or its occasion's, else the article's day (not told), and no day
    when it gives only a vaguer time ("said last week")."""
    if f.verb_i is None:
        return published, False
    verb = doc[f.verb_i]
    phrases = [p for c in verb.children if (p := _time_phrase(c)) is not None]
    lead = verb.head
    if not phrases and verb.dep_ in ("conj", "advcl") and lead.i < verb.i and _is_speech(lead):
        # "said on Tuesday, adding that ...", "said on Wednesday but insisted that ...": one
        # occasion, dated by the first reporting verb
        phrases = [p for c in lead.children if (p := _time_phrase(c)) is not None]
    if not phrases and verb.dep_ in ("conj", "advcl") and lead.i < verb.i and not _anchored(verb):
        # "In Pyongyang on Wednesday, Kim hailed the pact, while Putin said ...": one occasion
        phrases = [p for c in lead.children if (p := _time_phrase(c)) is not None]
    if not phrases:
        # "Trump, speaking in the Oval Office on Monday, said ...", "Speaking on Monday, ..."
        for participle in _speaking_participles(verb):
            phrases += [p for c in participle.children if (p := _time_phrase(c)) is not None]
    if not phrases and verb.dep_ == "relcl" and any(c.lower_ == "where" for c in verb.children):
        # "On Sunday, Li visited Adelaide Zoo, where he announced ...": the visit's day
        place = verb.head
        visited = place.head.head if place.dep_ == "pobj" else place.head
        if visited.pos_ == "VERB" and visited.tag_ == "VBD":  # not "will travel to X, where"
            phrases = [p for c in visited.children if (p := _time_phrase(c)) is not None]
    after = doc[verb.i + 1] if verb.i + 1 < len(doc) else None
    if not phrases and after is not None and (phrase := _time_phrase(after)) is not None:
        phrases.append(phrase)  # "said on Wednesday she hoped": hung on the content's verb
    for phrase in phrases:
        resolved = resolve_date(phrase.text, published, "past")
        if resolved is not None:
            return (resolved[0] if resolved[1] == "day" else None), True
    # a day inside the words is the speaker's ("the meeting we held today"), not the occasion's
    said = frozenset(t.i for t in doc.char_span(f.start, f.end, alignment_mode="expand") or ())
    occasion_day = _day_of_the_occasion(doc, verb, published, dateline | said)
    if occasion_day is not None:
        return occasion_day, True
    if _told_as_earlier(verb):
        # "a day after the minister threatened ...", "he had warned": before, day unknown
        return None, True
    if present_perfect(verb):
        # "Kuleba has said Kyiv would rather negotiate", "has repeatedly said": said before, on
        # no one day
        return None, True
    return published, False


# Where words are said at an occasion ("at a joint news conference", "told reporters after the
# meeting", "in his opening speech"): the occasion the article told of, on its day.
@lru_cache(maxsize=1)
def _occasion_words() -> tuple[frozenset[str], frozenset[str]]:
    """Sittings-down and ceremonies words are said at (data/speech_verbs.json)."""
    data = load_data("speech_verbs")
    return frozenset(data["occasion_words"]), frozenset(data["ceremony_words"])


def _told_as_held(token: Token) -> bool:
    """Talks told as held: "met", "held talks" (not "will travel ..., he said")."""
    if not tells_of_talks(token):
        return False
    return (token if token.pos_ in ("VERB", "AUX") else token.head).tag_ == "VBD"


def _the_occasion(noun: Token) -> bool:
    """The sitting-down itself ("the meeting", "a joint news conference", "his opening speech"),
    not any briefing ("said at a press conference")."""
    lemma = noun.lemma_.lower()
    occasions, ceremonies = _occasion_words()
    if lemma not in occasions | ceremonies:
        return False
    if lemma in ("conference", "briefing"):
        return any(c.lower_ == "joint" for c in noun.children)
    return True


def _day_of_the_occasion(
    doc: Doc, verb: Token, published: str | None, not_its_day: frozenset[int] = frozenset()
) -> str | None:
    """ "At a joint news conference, Erdogan said ...", "told reporters after the meeting": the
    words were said at the occasion the article told of just before, on the day it gives.
    Dates at the tokens `not_its_day` (the dateline's, the words' own) are not the occasion's."""
    # "said in a statement after the talks": the phrase may hang on how the words were given
    given_in = [
        p
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ in ("in", "on")
        for p in c.children
        if p.dep_ == "pobj" and not _the_occasion(p)
    ]
    occasions = [
        p
        for node in (verb, *_speaking_participles(verb), *given_in)
        for c in node.children
        if c.dep_ == "prep" and c.lower_ in ("at", "during", "after", "in")
        for p in c.children
        if (p.dep_ == "pobj" and _the_occasion(p))
        # "said after hosting the leaders", "said after meeting Putin": after the talks
        or (c.lower_ == "after" and p.dep_ == "pcomp" and p.tag_ == "VBG" and tells_of_talks(p))
    ]
    if lemma_of(verb) == "tell":
        # "Erdogan told a joint news conference": the occasion is whom the words were told to
        occasions += [c for c in verb.children if c.dep_ in ("dobj", "dative") and _the_occasion(c)]
    afterwards = any(
        c.dep_ == "advmod" and c.lower_ in ("afterwards", "afterward") for c in verb.children
    )
    # "Xi told Biden that ...": words said to the one he sat down with, at their meeting (the
    # talks must name him: not "told Sean Hannity", an interviewer)
    told = (
        next(
            (c for c in verb.children if c.dep_ in ("dobj", "dative") and c.ent_type_ == "PERSON"),
            None,
        )
        if lemma_of(verb) == "tell"
        else None
    )
    beside = next(
        (
            p
            for participle in _speaking_participles(verb)
            for c in participle.children
            if c.dep_ == "prep" and c.lower_ in ("beside", "alongside", "next")
            for p in c.subtree
            if p.ent_type_ == "PERSON"
        ),
        None,
    )
    # the one the words were told to or said beside ("Sitting beside Trump in the Oval Office,
    # the king said ..."): at their meeting
    met = told or beside
    told_only = not occasions and not afterwards and met is not None
    if not occasions and not afterwards and not told_only:
        return None
    ceremony = any(p.lemma_.lower() in _occasion_words()[1] for p in occasions)
    # who spoke and who else the occasion names ("Erdogan told a joint news conference with
    # Scholz"): talks naming other people only are another occasion
    ours = {
        t.text
        for node in (
            *(c for c in verb.children if c.dep_ == "nsubj"),
            *(t for p in occasions for t in p.subtree),
        )
        for t in node.subtree
        if t.ent_type_ == "PERSON"
    }
    # where the words were said is not the talks they were said after ("told a press conference")
    said_at = {p.i for p in occasions} | {
        c.i for c in verb.children if c.dep_ in ("dobj", "dative")
    }
    sents = [s for s in doc.sents if s.start <= verb.i]
    found = False  # the sitting-down was told, with no day: the day is told before it
    for back, sent in enumerate(reversed(sents)):
        talks_told = any(_told_as_held(t) and t.i not in said_at for t in sent)
        talks_named = any(tells_of_talks(t) for t in sent) and any(t.tag_ == "VBD" for t in sent)
        if told_only:
            assert met is not None
            names_told = any(t.text == met.text and t.i != met.i for t in sent)
            if not (names_told and talks_named):
                continue  # talks the one told took part in, however far back
        elif back >= 6 and (found or not talks_told or ceremony):
            # further back, only the sitting-down itself, told as held; once it is found with no
            # day, not another one long before
            if found:
                break
            continue
        elif ceremony or found:
            if not any(t.tag_ == "VBD" for t in sent):
                continue  # an act told as done ("opened a consulate", "was sworn in")
        elif not talks_told:
            continue  # a sitting-down told as done ("hosted", "held talks"), not one to come
        elif occasions and ours and _names_only_others(sent, ours):
            continue  # "Putin held talks with Wang Yi": not where Erdogan spoke
        found = True
        if (day := _day_told_in(sent, published, not_its_day)) is not None:
            return day
    lead = verb.sent.start in [s.start for s in islice(doc.sents, 3)]
    if not found and occasions and not ceremony and lead:
        # "Erdogan said after hosting the leaders. He held meetings with them on Wednesday ...":
        # the lead names the talks the next sentences tell and date (not "earlier in the week")
        for sent in islice((s for s in doc.sents if s.start > verb.i), 2):
            if any(t.dep_ == "advmod" and t.lower_ in ("earlier", "previously") for t in sent):
                continue
            if any(_told_as_held(t) for t in sent):
                return _day_told_in(sent, published, not_its_day)
    return None


def _names_only_others(sent: Span, ours: set[str]) -> bool:
    """The sentence tells talks someone held ("Putin held talks with Wang Yi"), and names
    neither the speaker nor anyone the occasion names."""
    held_by_someone = any(
        c.dep_ == "nsubj" and c.ent_type_ == "PERSON"
        for t in sent
        if _told_as_held(t)
        for c in (t if t.pos_ in ("VERB", "AUX") else t.head).children
    )
    return held_by_someone and not ours & {t.text for t in sent}


def _day_told_in(sent: Span, published: str | None, not_its_day: frozenset[int]) -> str | None:
    """The first day of the week before the news a sentence tells (not "the invasion of
    February 2022"), leaving out the dates at the tokens given."""
    for ent in sent.ents:
        if ent.label_ != "DATE" or ent.start in not_its_day or _in_an_aside(ent):
            continue
        resolved = resolve_date(ent.text, published, "past")
        if (
            resolved is not None
            and resolved[1] == "day"
            and _days_before(resolved[0], published) <= 7
        ):
            return resolved[0]
    return None


def _in_an_aside(ent: Span) -> bool:
    """A date in a relative clause that tells no talks ("Orban, whose country took over the
    presidency on Monday, said after the talks"): the aside's day, not the talks'."""
    node = ent.root
    while node.head.i != node.i:
        if node.dep_ in ("relcl", "acl") and node.pos_ in ("VERB", "AUX"):
            told_of = node.head  # the noun the clause is about, up its "of" phrases
            while told_of.dep_ in ("pobj", "prep") and not tells_of_talks(told_of):
                told_of = told_of.head
            return not tells_of_talks(told_of) and not any(tells_of_talks(t) for t in node.subtree)
        node = node.head
    return False


def _days_before(day: str, published: str | None) -> int:
    if published is None:
        return 0
    return (dt.date.fromisoformat(published[:10]) - dt.date.fromisoformat(day)).days


def _anchored(verb: Token) -> bool:
    """A clause set before or after another ("after X said"): not the same occasion."""
    return any(
        c.dep_ == "mark" and c.lower_ in ("after", "before", "since", "until")
        for c in verb.children
    )


def _speaking_participles(verb: Token) -> list[Token]:
    """Participles set on the verb or on its subject ("Speaking on Monday, X said", "X, speaking
    in the Oval Office on Monday, said")."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return [
        c
        for node in (verb, *subjects)
        for c in node.children
        if c.dep_ in ("advcl", "acl") and c.tag_ == "VBG"
    ]


def _told_as_earlier(verb: Token) -> bool:
    """The words are told as said before the news: in the past perfect, or in a clause after
    "after", "before" or "since"."""
    if any(c.dep_ == "aux" and c.lower_ == "had" for c in verb.children):
        return True
    node = verb
    while node.dep_ in ("advcl", "pcomp", "pobj", "prep") and node.head.i != node.i:
        if any(
            c.dep_ == "mark" and c.lower_ in ("after", "before", "since") for c in node.children
        ):
            return True
        if node.dep_ == "prep" and node.lower_ in ("after", "before", "since"):
            return True
        node = node.head
    return False


def _past_the_time(doc: Doc, verb: Token, start: int, end: int) -> int:
    """The content's start past a time phrase that belongs to the reporting verb: "said on
    Wednesday she hoped ..." says "she hoped ..."."""
    first = next((t for t in doc if t.idx >= start), None)
    if first is None or first.i != verb.i + 1:
        return start
    phrase = _time_phrase(first)
    if phrase is None:
        return start
    rest = phrase.end_char
    while rest < end and doc_text(doc)[rest] in " ,":
        rest += 1
    part = _DAY_PART.match(doc_text(doc), rest, end)
    if part is not None:
        rest = part.end()  # "said on Monday evening it would": the evening is the saying's too
    return rest if end - rest > 8 else start


# A part of the day after the day a time phrase names ("on Monday evening").
_DAY_PART = re.compile(r"(?:morning|afternoon|evening|night)\b[ ,]*", re.IGNORECASE)


def extract_statements(doc: Doc, index: EntityIndex, published: str | None) -> list[Statement]:
    quotes = find_quotes(doc_text(doc))
    lookup = _QuoteLookup(quotes)
    reported = _reported(doc, lookup)
    direct = _direct(doc, quotes, reported)
    reported = [
        f
        for f in reported
        if f.rule == "readout" or (not _covered_by(f, direct) and not _nested(doc, f, reported))
    ]
    taken = [(f.start, f.end) for f in reported + direct]
    labelled = [
        f for f in _labelled_lines(doc) if not any(a < f.end and f.start < b for a, b in taken)
    ]
    statements: list[Statement] = []
    kept: list[tuple[_Found, Speaker]] = []
    told: list[bool] = []  # whether the text tells when each statement's words were said
    seen: set[tuple[int, int]] = set()
    for f in sorted(reported + direct + labelled, key=lambda f: f.start):
        if (f.start, f.end) in seen or f.speaker_token is None:
            continue
        if f.speaker_token.i in index.byline_tokens:
            continue
        if f.speaker_token.i in index.dateline_tokens:
            # the parser took the dateline for the speaker ("MALE, Jan 14 - Maldives President
            # X said"): the speaker is the phrase beside it, or nobody we can name
            beside = index.beside_the_dateline(f.speaker_token)
            if not beside and f.verb_i is not None:
                # "NEW DELHI (Reuters) - Sri Lanka's President X told ...": the city one subject
                # of the verb, the speaker another
                beside = [
                    c
                    for c in doc[f.verb_i].children
                    if c.dep_ == "nsubj" and c.i not in index.dateline_tokens
                ]
            if not beside:
                continue
            f.speaker_token, f.speaker_text = beside[0], _speaker_text(beside[0])
        seen.add((f.start, f.end))
        if not f.quotes:
            f.start, f.end = _tidy(doc_text(doc), f.start, f.end)
            if f.verb_i is not None:
                f.start = _past_the_time(doc, doc[f.verb_i], f.start, f.end)
            if f.spans:
                f.spans[0][0], f.spans[-1][1] = f.start, f.end
        speaker = resolve_speaker(index, f.speaker_token)
        if speaker.cluster is None and f.speaker_token.lower_ == "it" and f.verb_i is not None:
            earlier = [
                (g.verb_i, sp.cluster)
                for g, sp in kept
                if g.verb_i is not None and sp.cluster is not None
            ]
            unknown = [
                g.verb_i
                for g, sp in kept
                if g.verb_i is not None
                and g.speaker_token is not None
                and an_unknown_body(index, g.speaker_token)
            ]
            speaker = resolve_it(index, doc[f.verb_i], earlier, unknown) or speaker
        cluster = speaker.cluster
        pieces = f.spans or [[f.start, f.end]]
        quoted = sum(quoted_fraction(a, b, quotes) * (b - a) for a, b in pieces)
        fraction = quoted / max(1, sum(b - a for a, b in pieces))
        if f.quotes:
            fraction = 1.0
        quote = "direct" if fraction >= 0.9 else "mixed" if fraction > 0.05 else "indirect"
        evidence = doc_text(doc)[f.evidence[0] : f.evidence[1]].strip()
        date, date_told = _said_when(doc, f, published, frozenset(index.dateline_tokens))
        statements.append(
            Statement(
                speaker=cluster.name if cluster else None,
                speaker_text=f.speaker_text,
                speaker_kind=cluster.kind if cluster else None,
                speaker_title=cluster.title if cluster else None,
                speaker_country=cluster.country.name if cluster and cluster.country else None,
                verb=f.verb,
                content=doc_text(doc)[f.start : f.end],
                content_start=f.start,
                content_end=f.end,
                content_spans=f.spans,
                quote=quote,  # type: ignore[arg-type]
                evidence=evidence,
                date=date,
                confidence=_confidence(f, speaker, doc_text(doc)[f.start : f.end]),
            )
        )
        kept.append((f, speaker))
        told.append(date_told)
    _discount_frames(doc, kept, statements)
    _date_continued_words(doc, kept, statements, told)
    _date_summarised_words(doc, kept, statements, told)
    return statements


def _date_summarised_words(
    doc: Doc, kept: list[tuple[_Found, Speaker]], statements: list[Statement], told: list[bool]
) -> None:
    """ "Petro said Colombia would break relations with Israel. 'Tomorrow relations will be
    broken,' Petro told a rally on Wednesday": a lead that sums up what a speaker said, with no
    time of its own, was said on the occasion the next sentences tell it at."""
    starts = [sent.start for sent in doc.sents]
    for i in range(len(statements)):
        f, speaker = kept[i]
        if told[i] or speaker.cluster is None or f.verb_i is None:
            continue
        verb = doc[f.verb_i]
        first = verb.sent.start
        if first not in starts[:3] or present_perfect(verb):
            continue  # the lead under the headline; "has said" tells no one occasion
        # the same speaker's next words, in a later sentence
        later = next(
            (
                (j, doc[g.verb_i])
                for j, (g, who) in enumerate(kept[i + 1 :], start=i + 1)
                if who.cluster is speaker.cluster
                and g.verb_i is not None
                and doc[g.verb_i].sent.start > first
            ),
            None,
        )
        if later is None or not told[later[0]] or statements[later[0]].date is None:
            continue
        j, later_verb = later
        if _told_as_earlier(later_verb):
            continue  # "had demanded an apology on Sunday": other, earlier words
        day, ours = statements[j].date, statements[i].date
        if day is not None and ours is not None and _days_before(day, ours) > 2:
            # the lead sums up words the next sentences tell, said two days before at most; not
            # "Lavrov said on Feb. 24 that ...", told as background
            continue
        if sum(1 for start in starts if first < start <= later_verb.sent.start) <= 2:
            statements[i].date = statements[j].date
            told[i] = True


def _date_continued_words(
    doc: Doc, kept: list[tuple[_Found, Speaker]], statements: list[Statement], told: list[bool]
) -> None:
    """ "Petro told a May Day rally on Wednesday ... 'If Palestine dies ...,' he said": words the
    same speaker goes on with in the next sentences, with no time of their own, were said on the
    occasion the first words were."""
    starts = [sent.start for sent in doc.sents]
    for i in range(1, len(statements)):
        f, speaker = kept[i]
        # the words before, by someone named (not a fragment no one is named for)
        j = next((j for j in range(i - 1, -1, -1) if kept[j][1].cluster is not None), None)
        if j is None or told[i] or not told[j] or statements[j].date is None:
            continue
        g, before = kept[j]
        if speaker.cluster is None or speaker.cluster is not before.cluster:
            continue
        if f.verb_i is None or g.verb_i is None:
            continue
        first, second = doc[g.verb_i].sent.start, doc[f.verb_i].sent.start
        # "Modi met Putin on Monday. '...,' Modi said": a day told between is another occasion
        dated_between = any(
            e.label_ == "DATE" for e in doc[doc[g.verb_i].sent.end : doc[f.verb_i].sent.end].ents
        )
        if not dated_between and 0 <= sum(1 for start in starts if first < start <= second) <= 2:
            statements[i].date = statements[j].date
            told[i] = True


def _discount_frames(
    doc: Doc, kept: list[tuple[_Found, Speaker]], statements: list[Statement]
) -> None:
    """Lower what is only a frame around someone else's words ('the agency reported that X said
    ...'), and what a headline says (a headline paraphrases)."""
    text = doc_text(doc)
    first_line = text.find("\n")
    headline = (
        first_line if first_line > 0 and text[:first_line].rstrip()[-1:] not in '.!?"\u201d' else -1
    )
    cues = [
        (doc[f.verb_i].idx, sp.cluster, f.rule)
        for f, sp in kept
        if f.verb_i is not None
        and sp.cluster is not None
        and f.rule in ("reported", "sentence", "quote_after", "readout")
    ]
    for (f, speaker), statement in zip(kept, statements, strict=True):
        inner = [
            rule for cue, who, rule in cues if f.start <= cue < f.end and who is not speaker.cluster
        ]
        if inner:
            # a quotation that reads out a named speaker's words is theirs more than the reader's
            statement.confidence = round(
                statement.confidence * (0.5 if "readout" in inner else 0.6), 3
            )
        if f.start < headline:
            statement.confidence = round(statement.confidence * 0.6, 3)
