"""Political events (PLOVER types) from the parse: trigger, participants, place, date, status.

An event is found from its trigger word and the trigger's arguments in the dependency parse
("a phone call between Presidents Putin and Trump on February 12"), never from the bag of words in a
sentence. Mentions of one event within an article ("the negotiations", "the talks", "the meeting")
are merged: a mention with its own date is its own event; one without joins the article's main
event of that type.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans
from spacy.vocab import Vocab

from bot.extract.countries import country_index
from bot.extract.dateline import Dateline, find_dateline
from bot.extract.dates import resolve_date
from bot.extract.entities import Cluster, EntityIndex
from bot.extract.event_confidence import EventEvidence, confidence
from bot.extract.pipeline import load_data
from bot.facts import TALK_KINDS, Event, Location, Participant
from bot.names import fold

MODALS = frozenset({"could", "might", "may", "would", "should"})
POSSIBILITY = frozenset({"could", "might", "may"})
CIRCUMSTANCE_PREPS = frozenset({"at", "during", "in", "after", "before", "following", "on"})
HYPOTHETICAL_MARKS = frozenset({"if", "unless", "whether"})
ONGOING_CUES = frozenset({"commence", "begin", "start", "open", "continue", "resume", "underway", "kick"})
PLANNED_CUES = frozenset({"plan", "schedule", "expect", "set", "due", "prepare", "propose", "agree"})
CONCLUDED_CUES = frozenset({"hold", "end", "conclude", "follow", "wrap", "finish", "take", "complete"})
# Verbs that say an event named by their subject took place ("the deal was signed").
ASSERTING_PREDICATES = frozenset({"sign", "reach", "announce", "adopt", "approve", "seal", "finalize", "conclude", "come", "enter", "erupt", "break", "target", "hit", "kill"})
# Verbs that say something of an event's course when it is their subject ("the talks ended").
STATUS_PREDICATES = ONGOING_CUES | PLANNED_CUES | CONCLUDED_CUES | frozenset({"be", "happen", "occur", "go", "last", "close", "get", "run"})
TOPIC_VERBS = frozenset({"address", "discuss", "focus", "cover", "tackle", "concern", "examine", "review", "center", "centre"})
EXCLUSION_VERBS = frozenset({"discuss", "cover", "address", "include", "touch", "raise", "involve", "tackle"})
GROUP_WORDS = frozenset({"side", "sides", "country", "countries", "nation", "nations", "party", "parties", "delegation", "delegations"})
_TRIM = " \t\n,;:.\"'“”"


@dataclass
class Trigger:
    type: str
    kind: str
    mode: str | None
    token: Token
    tokens: tuple[int, ...]
    governor: Token | None = None  # the light or reversing verb: "held" talks, "lifted" a curfew


@dataclass
class Mention:
    trigger: Trigger
    sent: Span
    date: tuple[str, str] | None = None
    location: Location | None = None
    participants: list[Cluster] = field(default_factory=list)
    status: str | None = None
    topics: list[str] = field(default_factory=list)
    excluded: list[str] = field(default_factory=list)
    content: str | None = None
    group_subject: bool = False  # "both sides agreed": participants come from the linked talks


@dataclass
class _Draft:
    mentions: list[Mention]
    outcome: list[str] = field(default_factory=list)


@lru_cache(maxsize=1)
def _lexicon() -> tuple[dict, dict, dict]:
    types = load_data("event_triggers")["types"]
    nouns: dict[str, list[tuple[str, str, str | None]]] = {}
    verbs: dict[str, list[tuple[str, str, str | None]]] = {}
    phrases: dict[tuple[str, ...], tuple[str, str, str | None]] = {}
    for type_, table in types.items():
        for lemma, (kind, mode) in table["nouns"].items():
            nouns.setdefault(lemma, []).append((type_, kind, mode))
        for lemma, (kind, mode) in table["verbs"].items():
            verbs.setdefault(lemma, []).append((type_, kind, mode))
        for phrase, (kind, mode) in table["phrases"].items():
            phrases[tuple(phrase.split())] = (type_, kind, mode)
    return nouns, verbs, phrases


# --- finding triggers ------------------------------------------------------------------------
@dataclass(frozen=True)
class Frames:
    """How governing verbs and modality reshape a trigger (see `frames` in event_triggers.json)."""

    light: frozenset[str]
    reversing: dict[str, str]
    reversal: dict[str, str]
    verb_object: dict[tuple[str, str], str]
    intent: frozenset[str]
    future: frozenset[str]
    obligation: frozenset[str]
    hostile: frozenset[str]
    pledge: frozenset[str]
    reporting: frozenset[str]
    lemma_fixes: dict[str, str]
    argument_preps: frozenset[str]


@lru_cache(maxsize=1)
def _frames() -> Frames:
    raw = load_data("event_triggers")["frames"]
    pairs = {tuple(k.split(" ", 1)): v for k, v in raw["verb_object"].items()}
    return Frames(
        light=frozenset(raw["light_verbs"]),
        reversing=dict(raw["reversing_verbs"]),
        reversal=dict(raw["reversal"]),
        verb_object=pairs,  # type: ignore[arg-type]
        intent=frozenset(raw["intent_words"]),
        future=frozenset(raw["future_auxiliaries"]),
        obligation=frozenset(raw["obligation_auxiliaries"]),
        hostile=frozenset(raw["hostile_types"]),
        pledge=frozenset(raw["pledge_types"]),
        reporting=frozenset(raw["reporting_verbs"]),
        lemma_fixes=dict(raw["lemma_fixes"]),
        argument_preps=frozenset(raw["argument_preps"]),
    )


_MATCHERS: dict[int, PhraseMatcher] = {}


def _phrase_matcher(vocab: Vocab) -> PhraseMatcher:
    """One PhraseMatcher per vocabulary, built once: the lexicon's multi-word triggers."""
    matcher = _MATCHERS.get(id(vocab))
    if matcher is None:
        _, _, phrases = _lexicon()
        matcher = PhraseMatcher(vocab, attr="LOWER")
        for words in phrases:
            matcher.add(" ".join(words), [Doc(vocab, words=list(words))])
        _MATCHERS[id(vocab)] = matcher
    return matcher


def find_triggers(sent: Span) -> list[Trigger]:
    """Event triggers in a sentence, each reshaped by the verb governing it and its modality."""
    found = _lexical_triggers(sent)
    found = _compose(found)
    found.extend(_obligations(sent, found))
    for trigger in found:
        _apply_modality(trigger)
    return found


def _lexical_triggers(sent: Span) -> list[Trigger]:
    """Multi-word phrases first (longest wins), then single nouns and verbs by lemma."""
    nouns, verbs, phrases = _lexicon()
    found: list[Trigger] = []
    used: set[int] = set()
    doc = sent.doc
    spans = [doc[s:e] for _, s, e in _phrase_matcher(doc.vocab)(sent)]  # offsets are the doc's
    for span in filter_spans(spans):
        type_, kind, mode = phrases[tuple(t.lower_ for t in span)]
        head = next((t for t in span if t.pos_ in ("NOUN", "VERB")), span.root)
        head = span[-1] if span[-1].pos_ in ("NOUN", "PROPN") else head
        found.append(Trigger(type_, kind, mode, head, tuple(t.i for t in span)))
        used.update(t.i for t in span)
    for token in sent:
        if token.i in used or token.ent_type_ in ("DATE", "TIME"):
            continue  # "on March 6" is a date, not a protest march
        if token.pos_ in ("NOUN", "PROPN") and token.lemma_.lower() in nouns:
            options = nouns[token.lemma_.lower()]
        elif token.pos_ == "VERB" and token.lemma_.lower() in verbs:
            options = verbs[token.lemma_.lower()]
        else:
            continue
        type_, kind, mode = _choose(token, options)
        if type_ == "CONSULT" and kind == "phone_call" and token.lemma_ == "call" and token.pos_ != "VERB":
            if not any(c.lower_ in ("phone", "telephone") for c in token.children):
                continue  # "calls for restraint" is a REQUEST, not a phone call
        found.append(Trigger(type_, kind, mode, token, (token.i,)))
    return found


LABOUR_WORDS = frozenset({"general", "hunger", "labour", "labor", "worker", "union", "teacher", "doctor", "nationwide"})


def _choose(token: Token, options: list[tuple[str, str, str | None]]) -> tuple[str, str, str | None]:
    if len(options) == 1:
        return options[0]
    types = {option[0] for option in options}
    if {"PROTEST", "ASSAULT"} <= types:
        # "air strikes", "strikes on four boats" are attacks; a "general strike" is a protest.
        labour = any(c.lemma_.lower() in LABOUR_WORDS for c in token.subtree if c.i < token.i)
        wanted = "PROTEST" if labour else "ASSAULT"
        return next(option for option in options if option[0] == wanted)
    # "call for"/"call on" is a request; a "call" with someone is a consultation.
    preps = {c.lower_ for c in token.children if c.dep_ == "prep"}
    if preps & {"for", "on"}:
        for option in options:
            if option[0] == "REQUEST":
                return option
    return options[0]


def _lemma(token: Token) -> str:
    """The lemma, corrected where the small model slips ("staged" -> "stag")."""
    lemma = token.lemma_.lower()
    return _frames().lemma_fixes.get(lemma, lemma)


def _verb_lemma(verb: Token) -> str:
    """'call off', 'break off': the lemma with its particle, as the frames list them."""
    particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
    return f"{_lemma(verb)} {particle}" if particle else _lemma(verb)


_CIRCUMSTANCE_PREPS = frozenset({"following", "after", "before", "since", "during", "amid", "despite", "ahead", "prior"})


def _governor(token: Token) -> Token | None:
    """The verb a noun trigger is the object of: 'held talks', 'put under investigation'."""
    if token.dep_ == "compound" and token.head.pos_ == "NOUN":
        token = token.head  # "ended mediation efforts": the efforts are the object
    if token.dep_ in ("dobj", "attr", "nsubjpass", "oprd") and token.head.pos_ in ("VERB", "AUX"):
        return token.head
    if token.dep_ == "pobj" and token.head.lower_ in _CIRCUMSTANCE_PREPS:
        return None  # "Following the talks, Rubio announced ...": the talks frame, not object
    if token.dep_ == "pobj" and token.head.dep_ == "prep" and token.head.head.pos_ == "VERB":
        verb = token.head.head
        # "put under investigation", "spoke by phone", "engaged in talks"
        if _verb_lemma(verb) in _frames().light or token.head.lower_ in ("under", "on", "by", "in"):
            return verb
    if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.pos_ == "NOUN":
        measure = token.head.head  # "concluded two days of talks", "held a round of talks"
        if measure.dep_ in ("dobj", "attr") and measure.head.pos_ == "VERB":
            return measure.head
    return None


def _compose(triggers: list[Trigger]) -> list[Trigger]:
    """A noun trigger and the verb governing it are one event, typed by the pair.

    Light verbs take the noun's event ("imposed sanctions"); reversing verbs undo it ("lifted the
    curfew" concedes, "cancelled a visit" sanctions); listed pairs override ("declared a ceasefire").
    A verb trigger governing a noun trigger otherwise keeps its own type ("rejected a request").
    """
    frames = _frames()
    by_token = {t.token.i: t for t in triggers}
    absorbed: set[int] = set()
    for trigger in triggers:
        token = trigger.token
        if token.pos_ not in ("NOUN", "PROPN"):
            continue
        verb = _governor(token)
        if verb is None:
            continue
        lemma = _verb_lemma(verb)
        pair = frames.verb_object.get((_lemma(verb), token.lemma_.lower()))
        if pair is not None:
            trigger.type = pair
        elif lemma in frames.reversing:
            trigger.type = frames.reversal.get(trigger.type, frames.reversing[lemma])
            trigger.kind = lemma.split()[0]
            trigger.mode = None
        elif lemma not in frames.light and not (
            trigger.type == "CONSULT" and token.dep_ == "pobj" and token.head.lower_ in ("by", "in")
        ):
            continue  # "spoke by phone", "engaged in talks" are consultations by that verb
        elif lemma not in frames.light and verb.i in by_token:
            continue  # "agreed to mediation in the talks": the verb is its own event
        trigger.governor = verb
        if verb.i in by_token:
            absorbed.add(verb.i)
    return [t for t in triggers if t.token.i not in absorbed]


def _obligations(sent: Span, found: list[Trigger]) -> list[Trigger]:
    """'Russia said Sudan must return the helicopter': a reported obligation is a demand."""
    frames = _frames()
    taken = {t.token.i for t in found} | {t.governor.i for t in found if t.governor is not None}
    out = []
    for token in sent:
        if token.pos_ != "VERB" or token.dep_ not in ("ccomp", "parataxis") or token.i in taken:
            continue
        if token.head.lemma_.lower() not in frames.reporting:
            continue
        if any(c.dep_ == "aux" and c.lower_ in frames.obligation for c in token.children):
            out.append(Trigger("REQUEST", "demand", None, token, (token.i,)))
    return out


def _clause_chain(node: Token) -> list[Token]:
    """The trigger's verb and the verbs it is the complement of: 'is willing to send'."""
    chain = [node]
    while len(chain) < 6 and (
        node.dep_ in ("xcomp", "acomp")
        # a purpose clause serves the verb it hangs off: "willing to send troops to help defend"
        or (node.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children))
    ):
        node = node.head
        chain.append(node)
    return chain


def _conditional(chain: list[Token]) -> bool:
    return any(
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in HYPOTHETICAL_MARKS for m in c.children)
        for node in chain
        for c in node.children
    )


def _apply_modality(trigger: Trigger) -> None:
    """An announced future act is a pledge (AGREE) or, when hostile or conditional, a threat.

    "Portugal will support Turkey's bid" is an AGREE, "would boycott the elections" a THREATEN;
    a planned meeting stays a CONSULT (planned), unless offered on a condition ("would meet him
    if ..."), which is an AGREE.
    """
    frames = _frames()
    node = trigger.governor or trigger.token
    if node.pos_ not in ("VERB", "AUX"):
        return
    chain = _clause_chain(node)
    if trigger.type not in ("REQUEST", "REJECT", "ACCUSE") and any(
        c.dep_ == "aux" and c.lower_ in frames.obligation for c in chain[0].children
    ):
        # "X said the parties must reach an agreement": a demand, not an agreement.
        trigger.type, trigger.kind, trigger.mode = "REQUEST", "demand", None
        return
    future = any(c.dep_ == "aux" and c.lower_ in frames.future for n in chain for c in n.children)
    intent = any(n.lemma_.lower() in frames.intent for n in chain[1:])
    if any(_lemma(n) in ("continue", "remain", "keep") for n in chain[1:]):
        return  # "will continue to support Ukraine": support already given, not a new pledge
    if not (future or intent):
        return
    conditional = _conditional(chain)
    if trigger.type == "CONSULT":
        if conditional:
            trigger.type, trigger.kind, trigger.mode = "AGREE", "pledge", None
    elif trigger.type in frames.hostile or (conditional and trigger.type in frames.pledge):
        trigger.type, trigger.kind, trigger.mode = "THREATEN", "threat", None
    elif trigger.type in frames.pledge:
        trigger.type, trigger.kind, trigger.mode = "AGREE", "pledge", None


def _depth(token: Token) -> int:
    """Hops to the sentence root, not counting reporting verbs ("officials said")."""
    reporting = _frames().reporting
    depth = 0
    while token.head.i != token.i and depth < 50:
        token = token.head
        if token.lemma_.lower() not in reporting:
            depth += 1
    return depth


def salience(trigger: Trigger) -> tuple[int, int, int, int]:
    """How central a trigger is to its sentence; the smallest key is the main event.

    A reporting verb framing a clause ranks last (what was said is the event), then the trigger
    (or the light verb governing it) closest to the root, a verb before a noun, the earlier word.
    """
    token = trigger.token
    node = trigger.governor or token
    frames_ = _frames()
    reporting = int(
        token.lemma_.lower() in frames_.reporting and any(c.dep_ in ("ccomp", "parataxis") for c in token.children)
    )
    return (reporting, _depth(node), 0 if node.pos_ in ("VERB", "AUX") else 1, token.i)


# --- filters ---------------------------------------------------------------------------------
def _governing_verb(token: Token) -> Token:
    node = token
    for _ in range(8):
        if node.pos_ in ("VERB", "AUX") or node.dep_ == "ROOT" or node.head is node:
            return node
        node = node.head
    return node


def is_negated_or_hypothetical(trigger: Trigger) -> bool:
    """'would not discuss', 'if they meet', 'could lead to a deal': no event happened or will."""
    token = trigger.token
    verb = trigger.governor or _governing_verb(token)
    if verb is not token and token.dep_ == "pobj" and token.head.lower_ in CIRCUMSTANCE_PREPS:
        verb = token  # "did not discuss Ukraine at the meeting": the meeting still took place
    if verb.pos_ in ("VERB", "AUX") and any(c.dep_ == "aux" and c.lower_ in POSSIBILITY for c in verb.children):
        return True  # "sanctions could be eased": a possibility, not an event
    for node in {token, verb}:
        for child in node.children:
            if child.dep_ == "neg" or child.lower_ in ("never", "no"):
                return True
            if child.dep_ == "mark" and child.lower_ in HYPOTHETICAL_MARKS:
                return True
    if token.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ == "no" for c in token.children):
        return True
    if verb is not token and token.dep_ in ("pobj", "dobj") and any(
        c.dep_ == "aux" and c.lower_ in MODALS for c in verb.children
    ):
        return True
    return False


TOPIC_PREPS = frozenset({"on", "about", "over", "regarding", "concerning"})


def _is_topic(trigger: Trigger) -> bool:
    """'to discuss a peace treaty', 'talks on a ceasefire': what is talked about, not an event."""
    token = trigger.token
    if token.pos_ not in ("NOUN", "PROPN") or trigger.governor is not None or trigger.type == "CONSULT":
        return False
    if token.dep_ == "dobj" and token.head.lemma_.lower() in TOPIC_VERBS:
        return True
    return token.dep_ == "pobj" and token.head.lower_ in TOPIC_PREPS


# --- arguments -------------------------------------------------------------------------------
def _clusters_in(tokens: list[Token], index: EntityIndex, *, actors: bool = True) -> list[Cluster]:
    """Entities named among `tokens`, with capitals and seats of government read as their country."""
    found: list[Cluster] = []
    countries = country_index()
    for token in tokens:
        cluster = index.cluster_of(token)
        if cluster is None:
            continue
        if actors and cluster.kind in ("place", "organization") and cluster.country is not None:
            how = countries.match(cluster.name)
            if how and how.how in ("capital", "institution"):
                cluster = _country_cluster(index, cluster.country.code) or cluster
        if actors:
            cluster = _as_side(cluster, index)
        if cluster is None or cluster.kind == "media" or cluster in found:
            continue
        if actors and cluster.kind == "place":
            continue
        found.append(cluster)
    return found


@lru_cache(maxsize=1)
def _participant_rules() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    raw = load_data("participants")
    return frozenset(raw["event_name_heads"]), frozenset(raw["role_words"]), frozenset(raw["side_groups"])


def _as_side(cluster: Cluster, index: EntityIndex) -> Cluster | None:
    """The side an entity stands for in an event, or None when it is no side at all: an event's
    or programme's name ("Peace Summit"), a bare role ("Heads of State"); "Delegations of Russia"
    is Russia."""
    if cluster.kind in ("person", "country"):
        return cluster
    events, roles, groups = _participant_rules()
    words = fold(cluster.name).replace("-", " ").split()
    if not words or words[-1] in events or all(w in roles for w in words):
        return None
    if words[0] in groups and len(words) > 2 and words[1] == "of":
        country = country_index().resolve(" ".join(words[2:]))
        if country is not None:
            return _country_cluster(index, country.code) or cluster
    return cluster


def _country_cluster(index: EntityIndex, code: str) -> Cluster | None:
    for cluster in index.clusters:
        if cluster.kind == "country" and cluster.code == code:
            return cluster
    country = country_index().by_code(code)
    if country is None:
        return None
    cluster = Cluster(kind="country", name=country.name, country=country, code=code, aliases={country.name})
    index.clusters.append(cluster)
    return cluster


LOCATIVE_PREPS = frozenset({"in", "at", "near", "inside", "outside"})


def _subtree_without_clauses(token: Token) -> list[Token]:
    """A phrase's tokens, leaving out relative clauses and participles hanging off it, and the
    place it happens in ("the meeting in Qatar" names no side)."""
    out: list[Token] = []
    stack = [token]
    while stack:
        node = stack.pop()
        out.append(node)
        for child in node.children:
            if child.dep_ in ("relcl", "acl", "advcl", "appos") and child is not token:
                continue
            if child.dep_ == "prep" and child.lower_ in LOCATIVE_PREPS:
                continue
            stack.append(child)
    return sorted(out, key=lambda t: t.i)


def _participants(trigger: Trigger, index: EntityIndex) -> tuple[list[Cluster], bool]:
    token = trigger.token
    tokens: list[Token] = []
    group = False
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in ("between", "with", "among", "of", "by"):
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    tokens.extend(_subtree_without_clauses(pobj))
        elif child.dep_ in ("compound", "amod", "nmod", "poss") and child.i < token.i:
            tokens.extend(_subtree_without_clauses(child))
    verb = token if token.pos_ == "VERB" else (token.head if token.dep_ in ("dobj", "nsubj", "nsubjpass") else None)
    if verb is None and token.dep_ == "pobj" and token.head.lower_ in ("at", "during") and token.head.head.pos_ == "VERB":
        verb = token.head.head  # "Russia and the US did not discuss Ukraine at the meeting"
    if verb is not None:
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass") and child is not token:
                tokens.extend(_subtree_without_clauses(child))
                group |= child.lemma_.lower() in GROUP_WORDS or child.lower_ in ("both", "they")
            elif child.dep_ == "dobj" and token.pos_ == "VERB" and trigger.type == "CONSULT":
                tokens.extend(_subtree_without_clauses(child))
            elif child.dep_ == "prep" and child.lower_ in ("with", "between") and child is not token:
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        tokens.extend(_subtree_without_clauses(pobj))
    if trigger.type != "CONSULT" or trigger.governor is not None:
        tokens.extend(_action_arguments(trigger))
    # A hyphenated compound such as "Russia-US talks" hangs its parts off the first word.
    tokens = [t for t in tokens if t.i not in trigger.tokens]
    return _clusters_in(tokens, index), group


def _action_arguments(trigger: Trigger) -> list[Token]:
    """Who acted and on whom: the subject of the clause chain ("Norway is willing to send"),
    the objects and the target phrases ("to Great Britain", "against Serbia") of the verb."""
    node = trigger.governor or trigger.token
    if node.pos_ not in ("VERB", "AUX"):
        return []
    preps = _frames().argument_preps
    tokens: list[Token] = []
    for link in _clause_chain(node):
        subject = next((c for c in link.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None:
            tokens.extend(_subtree_without_clauses(subject))
            break
    for child in node.children:
        if child.dep_ in ("dobj", "dative", "attr", "oprd") and child.i != trigger.token.i:
            tokens.extend(_subtree_without_clauses(child))
        elif (child.dep_ == "prep" and child.lower_ in preps) or child.dep_ == "agent":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    tokens.extend(_subtree_without_clauses(pobj))
    return tokens


def _location(trigger: Trigger, index: EntityIndex, dateline: Dateline | None = None) -> Location | None:
    """The event's own place: an 'in'/'at' phrase on the trigger or on the verb of its clause,
    for a visit the place visited ('a visit to Brussels', 'visited Riyadh'), and "here" is
    where the dateline says the report was filed."""
    token = trigger.token
    heads = _clause_heads(trigger)
    if token.pos_ == "VERB" and token not in heads:
        heads.append(token)
    for head in heads:
        for child in head.children:
            preps = ("in", "at", "inside", "near", "to") if trigger.kind == "visit" else ("in", "at", "inside", "near")
            if child.dep_ == "prep" and child.lower_ in preps:
                found = _place_in(child, index)
            elif trigger.kind == "visit" and head is token and token.pos_ == "VERB" and child.dep_ == "dobj":
                found = _place_of(child, index)
            elif child.dep_ == "advmod" and child.lower_ == "here" and dateline is not None:
                found = Location(name=dateline.place, country_code=dateline.country_code)
            else:
                continue
            if found is not None:
                return found
    return None


def _place_of(token: Token, index: EntityIndex) -> Location | None:
    cluster = index.cluster_of(token)
    if token.ent_type_ not in ("GPE", "LOC", "FAC") or cluster is None or cluster.kind not in ("place", "country"):
        return None
    code = cluster.code if cluster.kind == "country" else (cluster.country.code if cluster.country else None)
    return Location(name=cluster.name, country_code=code)


def _place_in(prep: Token, index: EntityIndex) -> Location | None:
    """The place a preposition names: its own object first ("in Turkey's Istanbul" is Istanbul),
    then a place inside the phrase ("at the Swiss embassy in Tehran" is Tehran, with the embassy
    as detail)."""
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if pobj is None:
        return None
    own = _place_of(pobj, index)
    if own is not None:
        return own
    for t in pobj.subtree:
        if not (t.dep_ == "pobj" and t.head.lower_ in LOCATIVE_PREPS and t.head.head.dep_ not in ("relcl", "acl")):
            continue  # "resulted in a deal signed by the US": the US is no place of the deal
        place = _place_of(t, index)
        if place is None:
            continue
        end = t.i
        while end > pobj.i and index.doc[end - 1].lower_ in ("in", "at", ","):
            end -= 1
        detail = index.doc[prep.i + 1 : end].text.strip(_TRIM) or None
        return Location(name=place.name, country_code=place.country_code, detail=detail)
    return None


def _tense(trigger: Trigger) -> str:
    """Which way a bare weekday points: 'past' for what happened, 'future' for what will."""
    token = trigger.token
    verb = trigger.governor or (token if token.pos_ in ("VERB", "AUX") else token.head)
    chain = _clause_chain(verb)
    auxes = {c.lower_ for n in chain for c in n.children if c.dep_ in ("aux", "auxpass")}
    if auxes & {"will", "'ll", "shall"} or "going" in auxes:
        return "future"
    own_auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    # "agreed on Wednesday": the verb's own past tense outranks a planning word ("agree") in it;
    # "agreed to meet on Monday" or "is scheduled for Friday" still point ahead.
    if verb.tag_ == "VBD" and "to" not in own_auxes and not (_lemma(verb) in PLANNED_CUES - {"agree"} and verb.dep_ != "ROOT"):
        return "past"
    if any(_lemma(n) in PLANNED_CUES for n in chain):
        return "future"
    if verb.tag_ in ("VBD", "VBN") or auxes & {"had", "has", "have", "did", "was", "were"}:
        return "past"
    return "current_period"


def _clause_heads(trigger: Trigger) -> list[Token]:
    """The trigger and the verb of its own clause, where the clause's date and place hang:
    "held talks on Friday", "the talks ended on Friday", "spoke by phone on Friday"."""
    token = trigger.token
    heads = [token]
    if trigger.governor is not None:
        heads.append(trigger.governor)
    elif token.pos_ != "VERB" and token.dep_ in ("nsubj", "nsubjpass", "dobj"):
        heads.append(token.head)
    elif token.dep_ == "pobj" and token.head.dep_ == "prep" and token.head.head.pos_ == "VERB":
        if token.head.lower_ not in _CIRCUMSTANCE_PREPS:  # not "after the talks, X said on Friday"
            heads.append(token.head.head)  # "discussed in a telephone conversation on Wednesday"
    return heads


def _own_date(trigger: Trigger, published: str | None) -> tuple[str, str] | None:
    """The date the trigger's own clause gives it. A purpose clause takes the date of the act it
    serves ("summoned the envoy on Wednesday to lodge a protest"), and a circumstance phrase can
    carry it ("during talks in Paris on Thursday")."""
    heads = _clause_heads(trigger)
    node = heads[-1]
    while node.dep_ in ("xcomp", "advcl") and any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children):
        node = node.head
        heads.append(node)
    for head in heads:
        for pobj in _time_phrases(head):
            ent = _date_entity(pobj)
            resolved = resolve_date(ent.text, published, _tense(trigger)) if ent is not None else None
            if resolved:
                return resolved
    return None


def _time_phrases(head: Token) -> list[Token]:
    out = []
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in ("on", "in", "during", "since", "last", "earlier"):
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                out.append(pobj)
                if child.lower_ in ("during", "in"):  # "during discussions in Paris on Thursday"
                    out.extend(_time_phrases(pobj))
        elif child.dep_ in ("npadvmod", "tmod"):
            out.append(child)
    return out


def _date_entity(pobj: Token) -> Span | None:
    """Only the date entity of the phrase: a coordinated phrase may carry a second event's date.
    "on Wednesday evening" is a TIME headed by "evening" with the DATE inside it; "on the night
    of November 25" has it in its "of" phrase."""
    doc = pobj.doc
    own = next((e for e in doc.ents if e.start <= pobj.i < e.end and e.label_ == "DATE"), None)
    if own is not None:
        return own
    allowed = {t.i for t in pobj.subtree} - {t.i for c in pobj.children if c.dep_ in ("conj", "cc") for t in c.subtree}
    return next((e for e in doc.ents if e.label_ == "DATE" and all(i in allowed for i in range(e.start, e.end))), None)


def _status(trigger: Trigger, date: tuple[str, str] | None, published: str | None) -> str | None:
    token = trigger.token
    if date and published and date[1] == "day":
        if date[0] < published:
            return "concluded"
        if date[0] > published:
            return "planned"
    verb = trigger.governor or (token if token.pos_ == "VERB" else token.head)
    lemma = _lemma(verb)
    if token.dep_ in ("nsubj", "nsubjpass") and trigger.governor is None and lemma not in STATUS_PREDICATES:
        return None  # "the meeting will strengthen ties", "the meeting comes as ...": no word on it
    auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if token.dep_ in ("dobj", "pobj") and lemma == "follow":
        return "concluded"  # "the meeting follows a phone call": the call came first
    if "will" in auxes or ("to" in auxes and lemma in ("hold", "meet")) or (lemma in PLANNED_CUES and token.dep_ in ("nsubjpass", "nsubj") and lemma != "agree"):
        return "planned"
    if lemma in ONGOING_CUES or verb.text.lower() in ("commence", "commences", "begins", "underway"):
        return "ongoing"
    if verb.tag_ in ("VBD", "VBN") and lemma in CONCLUDED_CUES | {"meet", "agree", "sign", "talk"}:
        return "concluded"
    if (token.pos_ == "VERB" or verb is trigger.governor) and verb.tag_ == "VBD" and not auxes & MODALS:
        return "concluded"  # "met", "had a phone call", "warned": told as done
    return None


_TOPIC_ACL = frozenset({"relate", "concern", "regard", "involve", "face"})
_DETACH_PREPS = frozenset({"with", "during", "at", "since", "after", "before", "following", "by", "amid"})
_LEADING = frozenset({"the", "a", "an", "any", "their", "its", "both", "nor", "or", "and", "his", "her"})


def _topic_tokens(token: Token, skip_conj: bool = False) -> list[Token]:
    """A topic phrase: the noun with its modifiers, 'of' phrases and 'related to' participles."""
    out: list[Token] = []
    stack = [token]
    while stack:
        node = stack.pop()
        out.append(node)
        for child in node.children:
            if child.dep_ in ("relcl", "advcl", "appos", "punct") or (
                child.dep_ == "acl" and child.lemma_.lower() not in _TOPIC_ACL
            ):
                continue
            if child.dep_ == "prep" and child.lower_ in _DETACH_PREPS:
                continue
            if skip_conj and node is token and child.dep_ in ("conj", "cc", "preconj"):
                continue
            stack.append(child)
    return sorted(out, key=lambda t: t.i)


def _phrase(token: Token, limit: int = 12, skip_conj: bool = False) -> str:
    if token.ent_type_ in ("DATE", "TIME"):
        return ""
    tokens = _topic_tokens(token, skip_conj)
    text = token.doc[tokens[0].i : tokens[-1].i + 1].text
    words = text.replace('"', "").replace("“", "").replace("”", "").strip(_TRIM).split()
    while words and words[0].lower() in _LEADING:
        words = words[1:]
    if len(words) > limit:
        return ""  # a clause, not a topic
    return " ".join(words).strip(_TRIM)


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


def _topics(trigger: Trigger) -> list[str]:
    """'talks on X', 'negotiations focusing on X', 'talks ... to address X'."""
    token = trigger.token
    topics: list[str] = []
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in ("on", "about", "over", "regarding", "concerning"):
            topics.extend(_phrase(p) for p in child.children if p.dep_ == "pobj")
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


def _sentence_topics(sent: Span) -> tuple[list[str], list[str]]:
    """Agenda sentences: 'the focus ... would be on X'; 'would not discuss X, nor Y'."""
    topics: list[str] = []
    excluded: list[str] = []
    for token in sent:
        lemma = token.lemma_.lower()
        if lemma in EXCLUSION_VERBS and token.pos_ == "VERB" and any(c.dep_ == "neg" for c in token.children):
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
                            topics.extend(_phrase(p, 12) for p in child.children if p.dep_ == "pobj")
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


def _agreement_content(trigger: Trigger) -> str | None:
    token = trigger.token
    for child in token.children:
        if child.dep_ == "xcomp" or (child.dep_ == "prep" and child.lower_ in ("on", "to", "upon")):
            target = child if child.dep_ == "xcomp" else next((c for c in child.children if c.dep_ in ("pobj", "pcomp")), None)
            if target is None or target.ent_type_ in ("DATE", "TIME"):
                continue  # "agreed on Wednesday": when, not what
            start = target.left_edge.i
            if token.doc[start].lower_ == "to":
                start += 1
            text = token.doc[start : target.right_edge.i + 1].text
            return text.replace('"', "").replace("“", "").replace("”", "").strip(_TRIM) or None
    if token.pos_ in ("NOUN", "PROPN"):
        return _phrase(token, 14)
    return None


# --- assembling ------------------------------------------------------------------------------
def _compatible(a: str, b: str) -> bool:
    return a == b or (a in TALK_KINDS and b in TALK_KINDS)


def extract_events(doc: Doc, index: EntityIndex, published: str | None) -> list[Event]:
    return [event for event, _ in extract_events_ranked(doc, index, published)]


def extract_events_ranked(
    doc: Doc, index: EntityIndex, published: str | None, *, need_participants: bool = True
) -> list[tuple[Event, tuple]]:
    """Events in text order, each with its salience key (smaller = the sentence's main event).

    The key is how close the event's trigger sits to the root of its sentence's main clause
    (reporting verbs such as "officials said" do not count as the clause), then verbs before
    nouns, then the earlier word: see `salience`.
    """
    found = extract_events_with_evidence(doc, index, published, need_participants=need_participants)
    return [(event, salience(evidence.trigger_)) for event, evidence in found]


@dataclass(frozen=True)
class _Found:
    """An event with what its confidence was computed from (for calibration)."""

    evidence: EventEvidence
    trigger_: Trigger


def extract_events_with_evidence(
    doc: Doc, index: EntityIndex, published: str | None, *, need_participants: bool = True
) -> list[tuple[Event, _Found]]:
    """Events with the evidence their confidence came from. `need_participants=False` keeps events
    whose sides are unnamed ("police", "the rebels"): sentence-level typing (PLOVER) wants them,
    the product does not, since an analyst cannot use an event without its sides."""
    dateline = find_dateline(doc.text)
    drafts = _drafts(doc, index, published, dateline)
    if dateline is not None:
        _place_lead_events(doc, drafts, dateline)
    out = []
    for draft in drafts:
        if not _keep(draft) or (need_participants and not _draft_participants(draft)):
            continue
        event = _to_event(draft, published)
        evidence = _evidence(draft, event)
        event.confidence = round(confidence(evidence), 3)
        out.append((event, _Found(evidence, draft.mentions[0].trigger)))
    return out


def _evidence(draft: _Draft, event: Event) -> EventEvidence:
    first = draft.mentions[0]
    sides = {p.country_code or p.name for p in event.participants}
    return EventEvidence(
        type=event.type,
        trigger=first.trigger.token,
        governor=first.trigger.governor,
        sent=first.sent,
        sides=len(sides),
        mentions=len(draft.mentions),
        dated=event.date is not None,
        placed=event.location is not None,
    )


def _place_lead_events(doc: Doc, drafts: list[_Draft], dateline: Dateline) -> None:
    """The lead sentence after a dateline reports what happened where the report was filed;
    a phone call has no one place, and a place the sentence names itself wins."""
    lead = next((s for s in doc.sents if s.end_char > dateline.end and len(s.text.strip()) > 40), None)
    if lead is None:
        return
    place = Location(name=dateline.place, country_code=dateline.country_code)
    for draft in drafts:
        first = draft.mentions[0]
        if first.sent.start != lead.start or first.trigger.kind == "phone_call" or first.trigger.mode == "phone":
            continue
        if not any(m.location for m in draft.mentions):
            first.location = place


def _drafts(doc: Doc, index: EntityIndex, published: str | None, dateline: Dateline | None) -> list[_Draft]:
    drafts: list[_Draft] = []
    main: dict[str, _Draft] = {}
    for sent in doc.sents:
        if any(t.i in index.byline_tokens for t in sent[:1]):
            continue
        sent_topics, sent_excluded = _sentence_topics(sent)
        sent_mentions: list[tuple[Mention, _Draft]] = []
        for trigger in find_triggers(sent):
            if trigger.type == "CONSULT" and trigger.token.pos_ == "VERB" and trigger.kind == "talks":
                continue  # "discuss" alone says what was talked about, not that talks took place
            if is_negated_or_hypothetical(trigger) or _is_topic(trigger):
                continue
            mention = _mention(trigger, sent, index, published, dateline)
            draft = _place(mention, drafts, main)
            sent_mentions.append((mention, draft))
        # Agenda sentences belong to the talks they mention, else to the article's main talks.
        target = next((d for m, d in sent_mentions if m.trigger.type == "CONSULT"), main.get("CONSULT"))
        if target is not None:
            target.mentions[0].topics.extend(sent_topics)
            target.mentions[0].excluded.extend(sent_excluded)
        _link_agreements(sent_mentions, drafts, index)
    return _fold_undated(drafts)


def _fold_undated(drafts: list[_Draft]) -> list[_Draft]:
    """A headline's undated "talks in Abu Dhabi" is the dated talks the body reports, when the
    article has just one such dated event and nothing (place, participants) sets them apart."""
    def dated(d: _Draft) -> bool:
        return any(m.date for m in d.mentions)

    def place(d: _Draft) -> str | None:
        return next((m.location.name for m in d.mentions if m.location), None)

    out = list(drafts)
    for draft in drafts:
        first = draft.mentions[0]
        if first.trigger.type != "CONSULT" or dated(draft):
            continue
        targets = [
            d for d in out
            if d is not draft and dated(d) and d.mentions[0].trigger.type == "CONSULT"
            and _compatible(d.mentions[0].trigger.kind, first.trigger.kind)
        ]
        if len(targets) != 1:
            continue
        target = targets[0]
        here, there = place(draft), place(target)
        ours, theirs = set(map(id, _draft_participants(draft))), set(map(id, _draft_participants(target)))
        if here != there or not (ours & theirs):
            continue  # a place or a side of its own sets it apart; no side in common, nothing joins
        target.mentions.extend(draft.mentions)
        target.outcome.extend(draft.outcome)
        out.remove(draft)
    return out


def _mention(
    trigger: Trigger, sent: Span, index: EntityIndex, published: str | None, dateline: Dateline | None
) -> Mention:
    date = _own_date(trigger, published)
    participants, group = _participants(trigger, index)
    mention = Mention(
        trigger=trigger,
        sent=sent,
        date=date,
        location=_location(trigger, index, dateline),
        participants=participants,
        status=_status(trigger, date, published),
        topics=_topics(trigger),
        group_subject=group,
    )
    if trigger.type == "AGREE":
        mention.content = _agreement_content(trigger)
    return mention


def _place(mention: Mention, drafts: list[_Draft], main: dict[str, _Draft]) -> _Draft:
    """Join the mention to the event it refers to in this article, or start a new one."""
    t = mention.trigger
    if t.type == "CONSULT":
        if mention.date is not None:
            for draft in drafts:
                first = draft.mentions[0]
                if first.trigger.type == "CONSULT" and any(m.date == mention.date for m in draft.mentions):
                    draft.mentions.append(mention)
                    return draft
        else:
            current = main.get("CONSULT")
            if current is not None and _compatible(current.mentions[0].trigger.kind, t.kind):
                here = mention.location.name if mention.location else None
                there = next((m.location.name for m in current.mentions if m.location), None)
                if not (here and there and here != there):
                    current.mentions.append(mention)
                    return current
    draft = _Draft([mention])
    drafts.append(draft)
    if t.type == "CONSULT" and mention.date is None and "CONSULT" not in main and t.kind in TALK_KINDS:
        main["CONSULT"] = draft
    return draft


def _link_agreements(sent_mentions: list[tuple[Mention, _Draft]], drafts: list[_Draft], index: EntityIndex) -> None:
    """An agreement reached 'following the talks' is their outcome, between their participants."""
    talks = [d for m, d in sent_mentions if m.trigger.type == "CONSULT"]
    for mention, _ in sent_mentions:
        if mention.trigger.type != "AGREE":
            continue
        source = talks[0] if talks else next(
            (d for d in reversed(drafts) if d.mentions[0].trigger.type == "CONSULT" and _draft_status(d) == "concluded"),
            None,
        )
        if source is None:
            continue
        if mention.group_subject or not mention.participants:
            mention.participants = _draft_participants(source) or mention.participants
        if mention.content:
            source.outcome.append("agreed to " + mention.content)
        if mention.date is None:
            mention.date = next((m.date for m in source.mentions if m.date), None)
        if mention.location is None and talks:  # agreed at the talks this sentence reports
            mention.location = next((m.location for m in source.mentions if m.location), None)
        if mention.status is None and _draft_status(source) == "concluded":
            mention.status = "concluded"


def _draft_status(draft: _Draft) -> str | None:
    return next((m.status for m in draft.mentions if m.status), None)


def _draft_participants(draft: _Draft) -> list[Cluster]:
    seen: list[Cluster] = []
    for m in draft.mentions:
        for p in m.participants:
            if p not in seen:
                seen.append(p)
    return seen


def _keep(draft: _Draft) -> bool:
    first = draft.mentions[0]
    trigger = first.trigger
    if trigger.kind == "pledge" or trigger.type == "CONSULT":
        return True  # "it is willing to withdraw": the pledge is the news
    # A bare noun ("hailed the agreement", "restoring cooperation", "at the request of") is a
    # reference or a topic; a verb, a light verb ("reached a deal") or a predicate ("the deal
    # was signed") says the event happened.
    return any(_asserted(m.trigger) for m in draft.mentions)


def _asserted(trigger: Trigger) -> bool:
    token = trigger.token
    if token.pos_ in ("VERB", "AUX") or trigger.governor is not None:
        return True
    if any(c.dep_ == "prep" and c.lower_ == "by" and any(g.ent_type_ for g in c.subtree) for c in token.children):
        return True  # "a threat by the president on Monday": its author makes it an act
    return token.dep_ in ("nsubj", "nsubjpass") and _lemma(token.head) in STATUS_PREDICATES | ASSERTING_PREDICATES


def _participant(cluster: Cluster) -> Participant:
    code = cluster.code if cluster.kind == "country" else (cluster.country.code if cluster.country else None)
    return Participant(name=cluster.name, kind=cluster.kind, country_code=code)


def _mode(trigger: Trigger, participants: list[Cluster]) -> str | None:
    """PLOVER's CONSULT mode; a meeting in person with no other sign is a visit (someone
    travelled), one among three or more countries multilateral."""
    if trigger.type != "CONSULT":
        return trigger.mode
    if trigger.mode is not None:
        return trigger.mode
    countries = {p.code or (p.country.code if p.country else p.name) for p in participants}
    return "multilateral" if len(countries) >= 3 else "visit"


def _topic_words(topic: str) -> frozenset[str]:
    return frozenset(w for w in fold(topic).split() if w not in ("and", "or", "nor", "the", "of", "in"))


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


def _to_event(draft: _Draft, published: str | None) -> Event:
    first = draft.mentions[0]
    date = next((m.date for m in draft.mentions if m.date), None)
    status = _draft_status(draft)
    if date is None and status == "ongoing" and published:
        date = (published, "day")  # under way as the article was written
    excluded = distinct_topics([t for m in draft.mentions for t in m.excluded])
    topics = [t for t in distinct_topics([t for m in draft.mentions for t in m.topics]) if t not in excluded]
    location = next((m.location for m in draft.mentions if m.location), None)
    participants = _draft_participants(draft)
    if location is not None:
        participants = [p for p in participants if not (p.kind == "place" and p.name == location.name)]
    sent = first.sent
    raw = sent.text
    evidence = raw.strip()
    start = sent.start_char + (len(raw) - len(raw.lstrip()))  # offsets of the stripped text
    return Event(
        type=first.trigger.type,
        kind=first.trigger.kind,
        mode=_mode(first.trigger, participants),
        participants=[_participant(p) for p in participants],
        location=location,
        date=date[0] if date else None,
        date_precision=date[1] if date else None,
        status=status,  # type: ignore[arg-type]
        topics=topics,
        excluded_topics=excluded,
        outcome="; ".join(dict.fromkeys(draft.outcome)) or None,
        content=first.content,
        evidence=evidence,
        evidence_start=start,
        evidence_end=start + len(evidence),
    )
