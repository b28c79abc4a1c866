"""Who a speaker mention is, and how sure we are of it.

`resolve_speaker` reads a speaker token as a name, a pronoun, a title ('the minister'), a body
('the ministry', 'Pakistan's foreign office'), a document ('the statement read': whoever issued it),
an unnamed source ('sources said') or a group ('the two sides agreed'), and returns the entity with
the way it was found. The lexicons are data (`data/speakers.json`).
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Token

from bot.extract.countries import Country, country_index
from bot.extract.entities import (
    PRONOUNS_PERSON,
    Cluster,
    EntityIndex,
    described_as_private,
    title_cased,
)
from bot.extract.pipeline import load_data
from bot.names import name_key

# How far back a 'the ministry' or 'the statement' looks for what it refers to, in tokens.
_LOOKBACK = 600


@dataclass(frozen=True)
class Speaker:
    cluster: Cluster | None
    how: str  # name | pronoun | title | body | document | anonymous | group | none
    distance: int = 0  # sentences between the mention and the antecedent it was resolved to


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, frozenset[str]]:
    data = load_data("speakers")
    return {k: frozenset(v) for k, v in data.items() if k != "_about"}


def document_nouns() -> frozenset[str]:
    """What a body or person issues ('statement', 'communique', 'post')."""
    return _lexicon()["documents"]


def _sentence_starts(doc: Doc) -> list[int]:
    starts = doc.user_data.get("briefbot_sent_starts")
    if starts is None:
        starts = doc.user_data["briefbot_sent_starts"] = [s.start for s in doc.sents]
    return starts


def sentence_distance(doc: Doc, a: int, b: int) -> int:
    starts = _sentence_starts(doc)
    return abs(bisect.bisect_right(starts, a) - bisect.bisect_right(starts, b))


def _nearest_before(cluster: Cluster, i: int) -> int | None:
    before = [t for t in cluster.tokens if t < i]
    return max(before) if before else None


def _is_group(token: Token) -> bool:
    lex = _lexicon()
    if token.lower_ in ("they", "we"):
        return True
    if any(c.dep_ == "conj" for c in token.children):
        return True  # 'Russia and Ukraine agreed': a joint position, not one speaker's words
    plural = token.tag_ in ("NNS", "NNPS")
    both = any(c.lower_ in ("both", "two", "all") for c in token.children)
    if token.tag_ == "NNS" and _body_head(token) is not None and _several(token):
        return True  # "the two countries' foreign ministries said": several bodies, jointly
    return (token.lemma_.lower() in lex["groups"] and (plural or both)) or token.lower_ in (
        "both",
        "all",
    )


def _several(body: Token) -> bool:
    """A plural body noun told as several bodies: counted ("both ministries", "the two
    ministries") or owned by several ("the two countries' ministries", "the Chilean and Peruvian
    ministries"). One body's plural name ("Chile's emergency services") is one."""
    if any(c.lower_ in ("both", "two", "three", "all", "several") for c in body.children):
        return True
    owners = [c for c in body.children if c.dep_ in ("poss", "amod", "compound", "nmod")]
    return any(
        (o.dep_ == "poss" and o.tag_ in ("NNS", "NNPS"))
        # "Chile's and Peru's", "the Chilean and Peruvian foreign ministries"
        or any(c.dep_ == "conj" for c in o.children)
        for o in owners
    )


def _country_of(token: Token) -> Country | None:
    """The country a modifier names: 'Pakistan's', 'Ethiopian', 'Chinese', or its capital's
    possessive ('Seoul's presidential office')."""
    for child in token.children:
        if child.dep_ in ("poss", "amod", "compound", "nmod"):
            found = country_index().resolve(child.text)
            if found:
                return found
            if child.dep_ == "poss" and _national(token):
                found = country_index().resolve(child.text, hows=("capital",))
                if found:
                    return found
    return None


# Bodies a capital's possessive names for its country ("Seoul's presidential office", "Moscow's
# foreign ministry"), unless a word beside them makes them the city's or a region's own.
CAPITAL_BODIES = frozenset({"office", "ministry", "presidency", "foreign office", "embassy"})
LOCAL_WORDS = frozenset(
    "city municipal metropolitan state regional district county local provincial police "
    "military mayor".split()
)


def _national(token: Token) -> bool:
    """Whether a body named by a capital's possessive is its country's."""
    if _body_head(token) not in CAPITAL_BODIES:
        return False
    return not any(c.lower_ in LOCAL_WORDS for c in token.lefts)


# Bodies that belong to a person: "Carney's office", "the office of the prime minister".
PERSONAL_BODIES = frozenset({"office", "administration", "government", "cabinet"})


def _owner(index: EntityIndex, token: Token) -> Cluster | None:
    """The person a body belongs to: 'Carney's office', 'the office of Mark Carney'."""
    for child in token.children:
        owners = [child] if child.dep_ == "poss" else []
        if child.dep_ == "prep" and child.lower_ == "of":
            owners = [c for c in child.children if c.dep_ == "pobj"]
        for owner in owners:
            cluster = index.by_token.get(owner.i) or _surname(index, owner)
            if cluster is not None and cluster.kind == "person":
                return cluster
    return None


def _body_head(token: Token) -> str | None:
    """'ministry', or 'foreign office' when the head is compounded, if the token heads a body."""
    bodies = _lexicon()["bodies"]
    word = token.lemma_.lower()
    if word not in bodies:
        return None
    mods = [c for c in token.children if c.dep_ in ("compound", "amod") and c.i == token.i - 1]
    if mods and f"{mods[0].lower_} {word}" in bodies:
        return f"{mods[0].lower_} {word}"
    return word


def _body(index: EntityIndex, token: Token) -> Cluster | None:
    head = _body_head(token)
    if head is None:
        return None
    last = head.split()[-1]
    owner = _owner(index, token) if head in PERSONAL_BODIES else None
    if owner is not None:
        return index.body(f"{owner.name}'s {head}", owner.country, token, linked=False)
    country = _country_of(token)
    if country is not None:
        country = index.settled(country)
    orgs = [
        c for c in index.clusters if c.kind == "organization" and last in c.name.lower().split()
    ]
    if country is not None:
        same = [c for c in orgs if c.country is not None and c.country.code == country.code]
        if same:
            return same[0]
        title = " ".join(w.capitalize() for w in head.split())
        return index.body(_as_written(token) or f"{title} of {country.name}", country, token)
    # A body its own words set apart ("the Gaza government media office" after "the office of
    # Israel's national security adviser"): another body, named as written.
    own = _own_words(token)
    orgs = [c for c in orgs if own <= set(name_key(c.name).split())]
    if own and not orgs and (written := _as_written(token)) is not None:
        return index.body(written, None, token, linked=False)
    # The same kind of body named last before the mention ('... the Foreign Ministry ... the
    # ministry').
    for i in range(token.i - 1, max(-1, token.i - _LOOKBACK), -1):
        cluster = index.by_token.get(i)
        if cluster is not None and cluster in orgs:
            return cluster
    return orgs[0] if len(orgs) == 1 else None


def _own_words(body: Token) -> set[str]:
    """The names a body's noun phrase gives before its head ("Gaza" of "the Gaza government
    media office"); common words ("media", "foreign") set no body apart."""
    return {
        name_key(c.text)
        for c in body.children
        if c.dep_ in ("compound", "amod", "nmod")
        and c.i < body.i
        and c.is_alpha
        and (c.pos_ == "PROPN" or c.ent_type_ in ("GPE", "NORP", "ORG", "LOC"))
        and c.lower_ not in BODY_MODIFIERS
    }


# Words of a national body's name before its head ("foreign ministry", "presidential office").
BODY_MODIFIERS = frozenset(
    "foreign defence defense interior home commerce trade finance justice economy economic "
    "presidential prime minister's president's state security affairs external".split()
)


def _named_part(word: Token) -> bool:
    """A word of a country's name ("South" of "South Korea's")."""
    return bool(word.ent_type_ in ("GPE", "NORP") and word.dep_ == "compound")


def _as_written(body: Token) -> str | None:
    """A national body named as the article names it, its country in front ("China's foreign
    ministry" is "China's Foreign Ministry", "the Kenyan foreign office" "Kenyan Foreign
    Office"), so two countries' ministries are never one."""
    lefts = [c for c in body.lefts if c.dep_ in ("poss", "amod", "compound", "nmod")]
    if not lefts or any(c.dep_ in ("cc", "conj") for c in body.subtree if c.i < body.i):
        return None  # "the Saudi and Emirati foreign ministries": no one body's name
    doc, start = body.doc, min(c.i for c in lefts)
    while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].head.i >= start:
        start -= 1  # "South Korea's": the whole name, not what the parser hung on it
    words = doc[start : body.i + 1]
    if any(
        w.dep_ != "case"
        and w.i != body.i
        and country_index().resolve(w.text, hows=("name", "alias", "demonym", "capital")) is None
        and not _named_part(w)
        and w.lower_ not in BODY_MODIFIERS
        for w in words
    ):
        return None  # "Syria's new foreign ministry": a word of no body's name
    return title_cased(words.text)


def _issuer(index: EntityIndex, doc_token: Token) -> Cluster | None:
    """Who issued a document: 'X issued a statement', 'a statement issued by X', 'X's statement'."""
    issue = _lexicon()["issue_verbs"]
    for child in doc_token.children:
        if child.dep_ == "poss":
            found = _named(index, child)
            if found:
                return found
        if child.dep_ == "acl" and child.lemma_ in issue:
            for agent in child.children:
                if agent.dep_ == "agent":
                    for pobj in agent.children:
                        found = _named(index, pobj)
                        if found:
                            return found
        if child.dep_ == "prep" and child.lower_ in ("from", "by"):
            for pobj in child.children:
                found = _named(index, pobj)
                if found:
                    return found
    head = doc_token.head
    if doc_token.dep_ == "dobj" and head.lemma_ in issue:
        for child in head.children:
            if child.dep_ in ("nsubj",):
                return _named(index, child)
    return None


def _named(index: EntityIndex, token: Token) -> Cluster | None:
    cluster = index.by_token.get(token.i)
    if cluster is not None and cluster.kind in ("person", "organization", "country"):
        return cluster
    if token.lower_ in PRONOUNS_PERSON:
        return index.previous_person(token)
    return _body(index, token)


# Who speaks for someone: "a spokesperson for Mr Peters", "a spokesman for the foreign ministry".
SPOKESPEOPLE = frozenset({"spokesman", "spokeswoman", "spokesperson"})


def _represented(index: EntityIndex, token: Token) -> Cluster | None:
    """The person or body a spokesperson speaks for ('a spokesperson for Mr Peters')."""
    if token.lemma_.lower() not in SPOKESPEOPLE or _former(token):
        return None  # "a former spokesman for X" no longer speaks for X
    if any(c.dep_ == "appos" for c in token.children):
        return None  # "a spokesman for Putin, Dmitry Peskov,": the spokesman is named
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ in ("for", "of"):
            for pobj in prep.children:
                if pobj.dep_ != "pobj":
                    continue
                if any(c.dep_ == "appos" for c in pobj.children):
                    return None  # "a spokesman for Putin, Dmitry Peskov,": the spokesman named
                return _named(index, pobj) or _surname(index, pobj)
    return None


def _former(role: Token) -> bool:
    return any(c.lower_ in ("former", "ex", "erstwhile", "onetime") for c in role.children)


def _whose_spokesperson(index: EntityIndex, token: Token) -> tuple[bool, Cluster | None]:
    """(possessed, principal) for a spokesperson told by whose he is ("her spokesman", "Ilves's
    spokeswoman"): the person the possessor names, or None when it names no one known. A
    possessed spokesperson is never an earlier-named holder of that title (another's spokesman
    named before in the article)."""
    if token.lemma_.lower() not in SPOKESPEOPLE:
        return False, None
    owner = next((c for c in token.children if c.dep_ == "poss"), None)
    if owner is None or any(c.dep_ == "appos" for c in token.children):
        return False, None
    if _former(token):
        return True, None  # "Okafor's former spokesman": no longer speaks for him
    if owner.lower_ in ("his", "her"):
        return True, index.previous_person(owner)
    if owner.lower_ in ("its", "their"):
        return True, None
    return True, _named(index, owner) or _surname(index, owner)


def _document(index: EntityIndex, token: Token) -> Cluster | None:
    documents = _lexicon()["documents"]
    if token.lemma_.lower() not in documents:
        return None
    found = _issuer(index, token)
    if found is not None:
        return found
    doc = token.doc
    for i in range(token.i - 1, max(-1, token.i - _LOOKBACK), -1):
        if doc[i].lemma_.lower() == token.lemma_.lower():
            found = _issuer(index, doc[i])
            if found is not None:
                return found
    return None


def _surname(index: EntityIndex, token: Token) -> Cluster | None:
    """An untagged proper noun that is the surname of exactly one person in the article."""
    if token.pos_ != "PROPN" or not token.is_title:
        return None
    key = name_key(token.text)
    matches = [
        c for c in index.clusters if c.kind == "person" and name_key(c.name).split()[-1:] == [key]
    ]
    return matches[0] if len(matches) == 1 else None


def _person_before_who(index: EntityIndex, who: Token) -> Cluster | None:
    """'Jane Roe, secretary-general of the ministry, who said ...': the person the apposition
    describes, when the parser hangs the relative clause on the title; no verb may lie between."""
    doc = who.doc
    for i in range(who.i - 1, max(who.sent.start, who.i - 14) - 1, -1):
        if doc[i].pos_ in ("VERB", "AUX"):
            return None
        cluster = index.by_token.get(i)
        if cluster is not None and cluster.kind == "person":
            return cluster
    return None


def resolve_it(
    index: EntityIndex,
    verb: Token,
    earlier: list[tuple[int, Cluster]],
    unknown_bodies: Sequence[int] = (),
) -> Speaker | None:
    """'it said' for a body or a country: the subject of the clause around it when that is one
    ('Israel struck, in what it said was ...'), else the last body or country heard speaking before
    (`earlier`: speech-verb index and speaker), at most three sentences back; none when a body no
    entity stands for spoke last ('His office said ... "...," it said': `unknown_bodies`, the
    indexes of their speech verbs)."""
    speaking = ("organization", "country")
    for ancestor in verb.ancestors:
        for child in ancestor.children:
            if child.dep_ == "nsubj":
                cluster = index.by_token.get(child.i)
                if cluster is not None and cluster.kind in speaking:
                    return Speaker(cluster, "pronoun", 0)
    before = [(i, c) for i, c in earlier if i < verb.i and c.kind in speaking]
    if not before:
        return None
    i, cluster = max(before, key=lambda pair: pair[0])
    if any(i < u < verb.i for u in unknown_bodies):
        return None
    distance = sentence_distance(verb.doc, i, verb.i)
    return Speaker(cluster, "pronoun", distance) if distance <= 3 else None


def an_unknown_body(index: EntityIndex, token: Token) -> bool:
    """A body's noun no entity stands for ("His office", "the ministry" of no country told)."""
    return index.by_token.get(token.i) is None and token.lemma_.lower() in BODY_NOUNS


def _a_body(index: EntityIndex, token: Token) -> bool:
    """A body or a state ("the ECOWAS Commission", "the commission"), not a person or a person's
    role ("the jailed opposition leader", "the detained journalist")."""
    cluster = index.by_token.get(token.i)
    if cluster is not None:
        return cluster.kind in ("organization", "country")
    return token.lemma_.lower() in BODY_NOUNS


# Nouns naming a body whose head may speak for it ("the head of the commission, X, said").
BODY_NOUNS = frozenset(
    "commission ministry delegation council committee agency government bank organisation "
    "organization union secretariat office mission court parliament assembly".split()
)


def _a_person(index: EntityIndex, token: Token) -> bool:
    cluster = index.by_token.get(token.i)
    return cluster is not None and cluster.kind == "person"


def _of_phrase_nouns(index: EntityIndex, token: Token) -> list[Token]:
    """The appositions hung on the body in the speaker's "of" phrase: in "The head of the ECOWAS
    Commission, Marcel Alain de Souza, said" the parser put the name on the commission, but a
    body is no person, so the name is the head's."""
    out = []
    for prep in token.children:
        if prep.dep_ != "prep" or prep.lower_ != "of":
            continue
        for noun in prep.children:
            if noun.dep_ == "pobj" and _a_body(index, noun):
                out += [c for c in noun.children if c.dep_ == "appos"]
    return out


def resolve_speaker(index: EntityIndex, token: Token) -> Speaker:
    if token.lower_ in ("who", "which", "that") and token.head.dep_ == "relcl":
        # "the senator, who said ...": the senator; "the agency, which said ...": the agency
        head = token.head.head
        if token.lower_ == "which" and _a_person(index, head):
            # "a meeting chaired by Imran Khan, which decided ...": "which" is never a person;
            # the parser hung it on the wrong noun
            return Speaker(None, "none")
        if token.lower_ == "who" and index.by_token.get(head.i) is None:
            person = _person_before_who(index, token)
            if person is not None:
                return Speaker(person, "name")
        token = head
    lex = _lexicon()
    lemma = token.lemma_.lower()
    if lemma in lex["anonymous"] or token.lower_ in lex["anonymous"]:
        return Speaker(index.resolve(token), "anonymous")
    if _is_group(token):
        return Speaker(None, "group")
    cluster = index.by_token.get(token.i)
    if (
        cluster is not None
        and cluster.kind not in ("person", "organization", "country")
        # "Santiago, a 34-year-old nurse, said": someone of that name (not "Moscow,
        # Pyongyang's closest ally, said")
        and not described_as_private(token)
    ):
        capital = country_index().resolve(cluster.name, hows=("capital",))
        if capital is not None:  # "Oslo has said it will cooperate": its government
            cluster = index.country(capital.code) or cluster
    if cluster is not None:
        return Speaker(cluster, "name")
    for child in [*token.children, *_of_phrase_nouns(index, token)]:
        named = index.by_token.get(child.i) if child.dep_ == "appos" else None
        if named is not None and named.kind == "person":
            # "Ukraine's U.N. ambassador, Sergiy Kyslytsya, told ...": the person named, not the
            # body in the title
            return Speaker(named, "name")
    body = _body(index, token)
    if body is not None:
        return Speaker(body, "body")
    issuer = _document(index, token)
    if issuer is not None:
        return Speaker(issuer, "document")
    principal = _represented(index, token)
    if principal is not None:
        return Speaker(principal, "body")
    possessed, principal = _whose_spokesperson(index, token)
    if possessed:
        return Speaker(principal, "body") if principal is not None else Speaker(None, "none")
    cluster = index.resolve(token) or _surname(index, token)
    if cluster is None:
        return Speaker(None, "none")
    if token.pos_ == "PROPN" and cluster.kind == "person" and token.i not in cluster.tokens:
        return Speaker(cluster, "name")  # a surname the NER did not tag
    if any(
        c.dep_ in ("compound", "appos", "flat") and c.i in cluster.tokens for c in token.children
    ):
        return Speaker(cluster, "name")
    antecedent = _nearest_before(cluster, token.i)
    distance = sentence_distance(token.doc, antecedent, token.i) if antecedent is not None else 9
    how = "pronoun" if token.lower_ in PRONOUNS_PERSON else "title"
    return Speaker(cluster, how, distance)
