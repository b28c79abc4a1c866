"""Who took part: the sides an event's trigger names in its own clause (subject, object, "with" and
"between" phrases, coordination), as entities; a capital or a delegation is its country."""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Span, Token

from bot.extract.countries import Country, country_index, demonym, venue_town, world_regions
from bot.extract.entities import (
    Cluster,
    EntityIndex,
    a_known_persons_name,
    entity_at,
    feature_nouns,
    title_tails,
)
from bot.extract.events.drafts import country_code
from bot.extract.events.lexicon import (
    ABSENCE_VERBS,
    ADDRESSING_VERBS,
    AFFILIATION_PARTICIPLES,
    AGENDA_VERBS,
    CHAIRING_NOUNS,
    CONTROL_VERBS,
    DECISION_NOUNS,
    EMERGING_VERBS,
    GATHERER_NOUNS,
    GATHERING_HOST_VERBS,
    GROUP_WORDS,
    HOST_VERBS,
    LEADING_VERBS,
    LOCATIVE_PREPS,
    MEDIATION_NOUNS,
    MEDIATION_WORDS,
    OBSERVER_ROLES,
    OCCASION_FRAMES,
    OPPOSING_NOUNS,
    PARTNERSHIP_NOUNS,
    PARTY_VERBS,
    PLACE_LEAVING_VERBS,
    POSSESSIVE_PRONOUNS,
    PRIVATE_PEOPLE,
    PRIVATE_SECTORS,
    PROPOSING_VERBS,
    REACHING_VERBS,
    RECOUNTING_VERBS,
    RELATIVES,
    ROLE_NOUNS,
    SEQUENCE_VERBS,
    SIDE_ENTITIES,
    SPEECH_VERBS,
    TALKS_OUTCOME_NOUNS,
    TALKS_OUTCOME_VERBS,
    TOPIC_PREPS,
    invited_trip,
    is_definite,
    lemma_of,
    load_frames,
    load_lexicon,
    misread_subject,
    names_an_agreement,
    objects_of,
    participle_patient,
    relative_doer,
    signers_of,
    signing_nominal,
    teller_past_a_quote,
    tells_of_talks,
    verb_lemma,
)
from bot.extract.events.triggers import (
    Trigger,
    a_courtesy_call,
    clause_chain,
    deal_sought_at,
    holding_clause,
    measured,
)
from bot.extract.organizations import organization_members, organization_name
from bot.extract.pipeline import SPAN_UNITS, load_data
from bot.facts import GATHERING_KINDS, TALK_KINDS
from bot.names import fold, name_key


def received_from(trigger: Trigger) -> list[Token]:
    """The "from" phrases naming who sent an act one drew or received: "drew a warning from
    Moscow", "drawing a warning of countermeasures from Moscow" (hung on what it warned of)."""
    token = trigger.token
    if not (
        trigger.type in SENT_TYPES
        and token.dep_ == "dobj"
        and token.pos_ == "NOUN"
        and lemma_of(token.head) in RECEIVING_VERBS
    ):
        return []
    of_objects = [
        p for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
    ]
    return [
        c
        for holder in (token, token.head, *of_objects)
        for c in holder.children
        if c.dep_ == "prep" and c.lower_ == "from"
    ]


def _clusters_in(tokens: list[Token], index: EntityIndex) -> list[Cluster]:
    """The sides named among `tokens`: entities, with capitals and seats of government read as
    their country, and no place, outlet or non-side (see `_as_side`)."""
    found: list[Cluster] = []
    countries = country_index()
    for token in tokens:
        if token.i in index.dateline_tokens:
            continue  # where the report was filed, not who took part
        cluster = (
            index.cluster_of(token)
            or _referred_person(token, index)
            or _referred_body(token, index)
        )
        if (
            cluster is None
            or _names_a_feature(token.head if token.dep_ == "det" else token)
            or _nationality_of_private_people(token)
            or _people_counted(token)
            or _affiliation(token)
            or _a_relative(token)
        ):
            continue
        if venue_town(cluster.name) is not None:
            continue  # "Villa La Grange hosts the meeting": where, not who
        if cluster.kind in ("place", "organization") and cluster.country is not None:
            how = countries.match(cluster.name)
            if how and how.how in ("capital", "institution"):
                cluster = index.country(cluster.country.code) or cluster
        if cluster.kind == "organization" and _in_a_named_title(token):
            continue  # "Member of the Political Bureau ... Wang Yi": his title, not a side
        if cluster.kind == "person" and _whose_aide(token):
            # "Petro's chief of staff met X": the aide's country took part, not Petro
            code = cluster.country.code if cluster.country else None
            cluster = index.country(code) if code else None
            if cluster is None:
                continue
        cluster = _as_side(cluster, index)
        if cluster is not None and cluster.kind == "country":
            cluster = _office_holder(token, cluster, index) or cluster
        if cluster is None or cluster.kind in ("media", "place") or cluster in found:
            continue
        found.append(cluster)
    return found


def _affiliation(token: Token) -> bool:
    """ "Iran-aligned Houthis", "Russian-backed separatists": whom a side is tied to, not a side."""
    node = token
    while node.dep_ in ("compound", "punct") and node.head.i != node.i:
        node = node.head
    participle = node.head
    doc = token.doc
    return (
        node.dep_ in ("npadvmod", "advmod", "nmod", "amod", "compound")
        and participle.lower_ in AFFILIATION_PARTICIPLES
        and participle.i > node.i
        and doc[participle.i - 1].text in ("-", "–")  # hyphened: "Iran-aligned"
    )


def _people_counted(token: Token) -> bool:
    """ "Some 1.4 million Russians visited Georgia": people counted by the crowd are people of a
    country, not its state (while "three Americans met Taliban officials" may be envoys)."""
    return (
        token.ent_type_ == "NORP"
        and token.tag_ in ("NNPS", "NNS")
        and any(_a_crowd(c) for c in token.children if c.dep_ in ("nummod", "quantmod"))
    )


def _a_crowd(number: Token) -> bool:
    """A number of people no delegation has ("1.4 million", "thousands", "500"), not "three"."""
    words = {t.lower_ for t in number.subtree}
    if words & {"hundred", "hundreds", "thousand", "thousands", "million", "millions"}:
        return True
    digits = number.text.replace(",", "")
    return digits.isdigit() and int(digits) >= 100


def _nationality_of_private_people(token: Token) -> bool:
    """ "Carried out by two Ukrainian citizens": people of a country who did something are not
    its state (while "raided homes of Azerbaijani nationals" is done to Azerbaijan's people)."""
    people = token.head
    while people.dep_ in ("amod", "compound") and people.ent_iob_ == "I" and people.head != people:
        people = people.head  # "South Korean business leaders": from "South", past "Korean"
    words = {people.lemma_.lower()} | {
        c.lemma_.lower() for c in people.children if c.dep_ in ("amod", "compound")
    }
    while people.dep_ == "compound" and people.head.i != people.i:
        people = people.head  # "Russian fishing industry representatives": the representatives
        words |= {people.lemma_.lower()}
    doers = people.dep_ in ("nsubj", "csubj") or (
        people.dep_ == "pobj" and people.head.dep_ == "agent"
    )
    # "is to meet Japanese business leaders and students": whom a visitor meets (not whom an
    # act is done to)
    met = (people.dep_ == "dobj" and lemma_of(people.head) in _MEETING_VERBS) or (
        people.dep_ == "pobj"
        and people.head.lower_ == "with"
        and lemma_of(people.head.head) in _MEETING_VERBS
    )
    private = people.lemma_.lower() in PRIVATE_PEOPLE or bool(words & PRIVATE_SECTORS)
    if people.lemma_.lower() in _PORTFOLIO_HEADS and words & PRIVATE_SECTORS <= _PORTFOLIOS:
        return False  # "Japanese industry minister Yoji Muto": a minister of the state
    return token.dep_ in ("amod", "compound") and private and (doers or met)


# A minister of a portfolio named like a private sector ("industry minister") is the state's; an
# opposition delegation, a diaspora envoy or a business council's secretary-general is not.
_PORTFOLIO_HEADS = frozenset({"minister", "ministry"})
_PORTFOLIOS = frozenset({"industry", "business"})


# Verbs of sitting down with someone: the people met are who took part.
_MEETING_VERBS = frozenset({"meet", "receive", "host", "address", "talk", "speak"})


def _a_relative(token: Token) -> bool:
    """A person named as someone's relative: "his wife Brigitte", "Brigitte, his wife", "the
    president's son Hunter": family travels beside a side and is none."""
    if token.ent_type_ != "PERSON":
        return False
    node = token
    while node.dep_ in ("compound", "flat") and node.head.i != node.i:
        node = node.head
    if (
        node.dep_ in ("appos", "compound")
        and node.head.lemma_.lower() in RELATIVES
        and _whose(node.head)
    ):
        return True  # "his wife Brigitte"
    # "Brigitte, his wife": the relative right after the name (not "Macron and Brigitte, his
    # wife", where the parser hangs the wife on Macron); "Kim Yo Jong, sister of the leader,
    # warned ..." or "Tahnoun, the president's brother, met Trump" is who they are, and they act
    return node.dep_ not in ("nsubj", "nsubjpass") and any(
        c.dep_ == "appos"
        and c.lemma_.lower() in RELATIVES
        and c.left_edge.i == node.i + 2
        and _whose(c)
        for c in node.children
    )


def _whose(relative: Token) -> bool:
    """A relative told as someone's: "his wife", "the president's son"."""
    return any(c.dep_ == "poss" for c in relative.children)


def _whose_aide(token: Token) -> bool:
    """A person named as whose aide, envoy, spokesperson or predecessor someone is ("Petro's
    chief of staff", "Trump's envoy", "Manele's predecessor")."""
    head = token.head
    # "Zelensky aide Andriy Yermak": a name, then a title compounded on the aide's name
    after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else token
    compounded = (
        token.dep_ in ("compound", "amod", "nmod")
        and token.ent_type_ == "PERSON"
        and after.dep_ == "compound"
        and after.ent_type_ != "PERSON"
        and after.head.ent_type_ == "PERSON"
        and after.head.i > after.i
    )
    if compounded:
        head = after
    return (
        (token.dep_ == "poss" or compounded)
        and (head.lower_ in title_tails() or head.lemma_.lower() in TITLE_HEADS)
        # "Tokayev's counterpart", "Xi's guest": the other side of their meeting, who took part
        and head.lemma_.lower() not in OTHER_SIDE_NOUNS
    )


# Nouns naming someone by whose other side they are: "Xi's guest", "Tokayev's counterpart".
OTHER_SIDE_NOUNS = frozenset({"counterpart", "guest", "host", "partner", "visitor"})


def _others_whose_other_side(tokens: list[Token]) -> set[int]:
    """The one whose guest or counterpart acts: "Mr. Trump's guest declined to criticize it" is
    the guest's act, not Trump's (at a meeting, both sides took part)."""
    return {
        t.i
        for owner in tokens
        if owner.dep_ == "poss" and owner.head.lemma_.lower() in OTHER_SIDE_NOUNS
        for t in owner.subtree
    }


# Events given by one side to another, whose noun names the giver with "from" ("support from
# China", "aid from the EU").
GIVEN_TYPES = frozenset({"SUPPORT", "AID"})
# Acts whose noun names its doer with "from": "a warning from Moscow", "criticism from Beijing",
# "a request from Kyiv" (while troops withdrawn "from Kherson" left a place).
SENT_TYPES = GIVEN_TYPES | {"THREATEN", "ACCUSE", "PROTEST", "REQUEST", "REJECT"}
# Verbs of having such an act come one's way, the parser hanging its "from" on them: "drew a
# warning from Moscow", "faced criticism from Beijing", "received a request from Warsaw".
RECEIVING_VERBS = frozenset(
    "draw receive get face earn attract elicit provoke prompt spark trigger meet".split()
)


# Words heading a title's "of" phrase besides the titles' own last words.
TITLE_HEADS = frozenset({"member", "head", "chief", "predecessor", "successor"})


def _in_a_named_title(token: Token) -> bool:
    """An institution in the "of" phrase of a title that belongs to a named person ("Wang Yi,
    Member of the Political Bureau of the CPC Central Committee and Director of the Foreign
    Affairs Office"): the title says who he is, the institution takes no part of its own."""
    node, in_title, role = token, False, token
    while node.head.i != node.i:
        if in_title and node.dep_ == "conj" and node.head.ent_type_ == "PERSON" and _holds_it(role):
            # "Santos and the top commander of the FARC signed": a title beside another
            # person, not his; the commander's body signs through him (not "the former
            # secretary general of NATO", nor "a member of the European Parliament")
            break
        if node.dep_ in ("conj", "compound", "appos", "det", "amod", "nmod", "punct"):
            node = node.head
        elif node.dep_ == "prep" and node.lower_ == "of" and node.head.ent_type_:
            node = node.head  # inside the institution's own name ("Bureau of the Committee")
        elif node.dep_ == "pobj" and node.head.lower_ == "of":
            role = node.head.head
            word = role.lower_.rstrip("s")
            in_title |= role.pos_ in ("NOUN", "PROPN") and (
                word in title_tails() or word in TITLE_HEADS
            )
            node = role
        else:
            break
    if not in_title:
        return False
    return any(t.ent_type_ == "PERSON" for t in _noun_phrase(node))


def _holds_it(role: Token) -> bool:
    """The title is held now and heads its body: not a former office ("the former director of
    the CIA") nor a seat among many ("a member of the European Parliament")."""
    return role.lemma_.lower() != "member" and not any(
        c.dep_ == "amod" and c.lower_ in ("former", "ex", "late", "retired", "outgoing")
        for c in role.children
    )


def _noun_phrase(head: Token) -> list[Token]:
    """The phrase a noun heads, without the clauses in it."""
    return _subtree_without_clauses(head)


def _office_holder(token: Token, country: Cluster, index: EntityIndex) -> Cluster | None:
    """ "The foreign ministers of Chile and Peru", "Peru's foreign minister": the person the
    article names in that office for that country, when it names exactly one."""
    office = _office_of(token)
    if office is None:
        return None
    holders = [
        c
        for c in index.clusters
        if c.kind == "person"
        and c.title
        and c.country is not None
        and c.country.code == country.code
        and fold(c.title).endswith(office)
    ]
    return holders[0] if len(holders) == 1 else None


def _office_of(token: Token) -> str | None:
    """The office a country token is the country of ("the foreign ministers of X and Y",
    "X's president"), as a folded title ("foreign minister"), or None."""
    node = token
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head
    if node.dep_ == "pobj" and node.head.lower_ == "of":
        noun = node.head.head
    elif node.dep_ == "poss":
        noun = node.head
    else:
        return None
    if noun.pos_ != "NOUN" or noun.lower_ not in title_tails():
        return None
    words = [
        c.lower_
        for c in noun.children
        if c.dep_ in ("compound", "amod") and c.i < noun.i and not c.ent_type_
    ]
    return " ".join([*words, noun.lemma_.lower()])


def _referred_person(token: Token, index: EntityIndex) -> Cluster | None:
    """ "The ambassador was received by X", "he met Y", "his call with Y": the person a title or
    pronoun heading a side's phrase refers to, named earlier in the article (the speakers'
    resolver, reused)."""
    if token.dep_ not in ("nsubj", "nsubjpass", "dobj", "pobj") and not (
        token.dep_ == "poss" and token.lower_ in ("his", "her")
    ):
        return None  # "his call with Xi": the caller is the man just named
    if any(c.ent_type_ for c in token.children):
        return None
    found = index.resolve(token)
    return (
        found
        if found is not None and found.kind == "person" and token.i not in found.tokens
        else None
    )


# Nouns by which an article names again an international body it has named ("the bloc").
BODY_NOUNS = frozenset({"bloc", "alliance", "grouping", "body", "organisation", "organization"})


def _referred_body(token: Token, index: EntityIndex) -> Cluster | None:
    """ "a summit of the 16-member bloc", "the continental body's summit": the international body
    the article named last before, when it has named one (a gazetteer body)."""
    if token.lemma_.lower() not in BODY_NOUNS or token.ent_type_:
        return None
    if not any(
        (c.dep_ == "det" and c.lower_ in ("the", "this")) or c.dep_ == "poss"
        for c in token.children
    ):
        return None  # "a regional bloc": not the one named
    for i in range(token.i - 1, -1, -1):
        cluster = index.cluster_of(token.doc[i])
        if (
            cluster is not None
            and cluster.kind == "organization"
            and organization_name(cluster.name) is not None
        ):
            return cluster
    return None


@lru_cache(maxsize=1)
def _participant_rules() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    raw = load_data("participants")
    return (
        frozenset(raw["event_name_heads"]),
        frozenset(raw["role_words"]),
        frozenset(raw["side_groups"]),
    )


@lru_cache(maxsize=1)
def _dwelling_nouns() -> frozenset[str]:
    return frozenset(load_data("participants")["dwelling_nouns"])


def homes_visited(token: Token) -> list[tuple[Token, Token]]:
    """The homes a visit went to, each with its owner: "a visit to Sharif's family home" is
    (home, Sharif)."""
    return [
        (place, owner)
        for prep in token.children
        if prep.dep_ == "prep" and prep.lower_ == "to"
        for place in prep.children
        if place.dep_ == "pobj" and place.lemma_.lower() in _dwelling_nouns()
        for owner in place.children
        if owner.dep_ == "poss"
    ]


def whose_home_visited(token: Token, index: EntityIndex) -> list[Token]:
    """ "a surprise visit to Sharif's family home", "to Chancellor Scholz's residence": the
    person whose home or office a visit went to was visited. Only a home told as someone's own
    now (private, family, official) or the home of someone with a title: "Anne Frank's house"
    or "Mandela's former house" is a place visited, not a host."""
    return [
        t
        for place, owner in homes_visited(token)
        if owner.ent_type_ == "PERSON"
        and not any(c.lower_ in _PAST_HOMES for c in place.children)
        and (any(c.lower_ in _OWN_HOMES for c in place.children) or _titled(owner, index))
        for t in _subtree_without_clauses(owner)
    ]


def _titled(person: Token, index: EntityIndex) -> bool:
    cluster = index.resolve(person)
    return cluster is not None and cluster.title is not None


# Words telling a home is the owner's own now, or was once.
_OWN_HOMES = frozenset({"family", "private", "official"})
_PAST_HOMES = frozenset({"former", "late", "ancestral", "childhood", "old"})


@lru_cache(maxsize=1)
def _facility_nouns() -> frozenset[str]:
    return frozenset(load_data("participants")["facility_nouns"])


def _names_a_feature(token: Token) -> bool:
    """A name set before a geographic feature ("the Shardara reservoir", "the Suwalki gap") or a
    facility other than a city's ("the Danziger flower farm"), or a region's name ("the
    Amazon"): a place, not a side."""
    if token.text in world_regions():
        return True
    node = token
    while node.dep_ == "compound" and node.head.i != node.i:
        node = node.head
    if node is token:
        return False
    head = node.lemma_.lower()
    # "the Sanaa airport" is struck in Yemen; "the Danziger flower farm" is no one's side
    return head in feature_nouns() or (
        head in _facility_nouns()
        and token.ent_type_ != "GPE"
        and country_index().match(token.text) is None  # a city the tagger took for a person
    )


def _a_named_facility(cluster: Cluster) -> bool:
    """ "visited the Peace Memorial Museum": a place visited, not a side of the visit."""
    words = cluster.name.lower().split()
    return cluster.kind != "person" and len(words) >= 2 and words[-1] in _facility_nouns()


def _as_side(cluster: Cluster, index: EntityIndex) -> Cluster | None:
    """The side an entity stands for in an event, or None when it is no side at all: an event's
    or programme's name ("Peace Summit"), a bare role ("Heads of State"); "Delegations of Russia"
    is Russia."""
    if cluster.kind == "country":
        return cluster
    events, roles, groups = _participant_rules()
    name = cluster.name.split("(")[0].strip()  # "Bilateral Consultation Mechanism (BCM"
    words = fold(name).replace("-", " ").split()
    if cluster.kind == "person":
        # the tagger's slips: "Joint Comprehensive Plan", "Moldova", "Ugandan" as people
        if not words or words[-1] in events or all(w in roles for w in words):
            return None  # "State Councilor and Foreign Minister Wang Yi" tagged "Councilor"
        country = country_index().resolve(name) if len(words) == 1 else None
        return (index.country(country.code) or cluster) if country is not None else cluster
    if not words or words[-1] in ("of", "and", "the", "for", "to", "on", "in", "against", "with"):
        return None  # a name the tagger cut short: "Ministry of Foreign Affairs of"
    if " and " in f" {' '.join(words)} " and organization_name(name) is None:
        return None  # "Bessent and Greer": two people the tagger ran together, neither resolved
    if words[-1] in events:
        return _holder(cluster, index)
    if len(words) > 1 and words[-1] in feature_nouns():
        return None  # "the Grand Ethiopian Renaissance Dam" tagged a body: a thing talked of
    if (
        not words
        or any(w in events for w in words[:-1] if w in ("summit", "conference", "forum"))
        or all(w in roles for w in words)
    ):
        return None
    if cluster.country is not None and len(words) > 1 and all(w in roles for w in words[1:]):
        # "China's Foreign Ministry", "Chinese Foreign Ministry": the country acts through it
        named = country_index().resolve(
            name.split()[0].removesuffix("'s").removesuffix("’s"),
            hows=("name", "alias", "demonym", "capital"),
        )
        if named is not None and named.code == cluster.country.code:
            return index.country(named.code) or cluster
    if words[0] in groups and len(words) > 2 and words[1] == "of":
        country = country_index().resolve(" ".join(words[2:]))
        if country is not None:
            return index.country(country.code) or cluster
    return cluster


def _holder(event_name: Cluster, index: EntityIndex) -> Cluster | None:
    """Who holds a named event: "the BRICS Summit" is BRICS's, when BRICS is an entity of the
    article or an acronym ("G7", "ASEAN"); "Peace Summit" is nobody's."""
    # "the 17th BRICS Summit" is BRICS's: ordinals and "annual" name no holder
    words = [
        w
        for w in event_name.name.split()[:-1]
        if not (w[:1].isdigit() or w.lower() in ("the", "annual"))
    ]
    if not words:
        return None  # no holder named
    name = " ".join(words)
    country = country_index().resolve(name)
    if country is not None:
        return index.country(country.code)  # "the US Summit" is held by the United States
    canonical = organization_name(name) or name
    known = next(
        (
            c
            for c in index.clusters
            if c.kind in ("organization", "country")
            and (organization_name(c.name) or c.name).casefold() == canonical.casefold()
        ),
        None,
    )
    if known is not None:
        return known
    if (
        len(words) == 1
        and len(name) <= 6
        and name.upper() == name
        and any(ch.isalpha() for ch in name)
    ):
        holder = Cluster(kind="organization", name=name, aliases={name})
        index.clusters.append(holder)
        return holder
    return None


def _name_oppositions(tokens: list[Token], index: EntityIndex) -> set[int]:
    """A country's opposition named as a side ("Venezuela's government and the opposition",
    "the Venezuelan opposition") is a body of its own, "Venezuelan opposition": a side of talks
    with the government, acting for no state (so no country of its own). Returns the tokens of
    the words that only said whose opposition it is ("Venezuela's"): no side themselves."""
    owners: set[int] = set()
    for token in tokens:
        if token.lemma_.lower() != "opposition" or token.pos_ != "NOUN":
            continue
        if token.dep_ in ("compound", "amod") or index.cluster_of(token) is not None:
            continue  # "opposition lawmakers": people, not the opposition as a side
        country = _opposition_country(token, index)
        name = demonym(country.code) if country is not None else None
        if name is not None:
            index.body(f"{name} opposition", None, token)
            owners.update(
                t.i
                for c in token.children
                if c.dep_ in ("poss", "amod", "compound")
                for t in c.subtree
            )
    return owners


def _opposition_country(opposition: Token, index: EntityIndex) -> Country | None:
    """Whose opposition: its own owner or adjective ("Venezuela's", "Venezuelan"), or the
    country of the government it is told beside ("Venezuela's government and opposition")."""
    owners = [c for c in opposition.children if c.dep_ in ("poss", "amod", "compound")]
    government = next(
        (
            g
            for g in (opposition.head, *opposition.conjuncts)
            if g.lemma_.lower() == "government" and (g.dep_ == "conj" or opposition.dep_ == "conj")
        ),
        None,
    )
    if government is not None:
        owners += [c for c in government.children if c.dep_ in ("poss", "amod", "compound")]
    for owner in owners:
        cluster = index.cluster_of(owner)
        if cluster is not None and cluster.kind == "country" and cluster.country is not None:
            return cluster.country
        found = country_index().resolve(owner.text)
        if found is not None:
            return found
    return None


def _the_title_holder_misread(node: Token, child: Token) -> bool:
    """ "The President of the Republic, Filipe Nyusi, and the leader of Renamo, Ossufo Momade,
    signed": the parser hangs the name on the body the title is of; the name is the title
    holder's, who is a side."""
    title = node.head.head if node.dep_ == "pobj" and node.head.lower_ == "of" else None
    return (
        child.ent_type_ == "PERSON"
        and node.ent_type_ in ("ORG", "GPE", "NORP")
        and title is not None
        and title.lower_ in title_tails()
        and not title.ent_type_
    )


def _subtree_without_clauses(token: Token) -> list[Token]:
    """A phrase's tokens, leaving out relative clauses and participles hanging off it, and the
    place it happens in ("the meeting in Qatar" names no side)."""
    out: list[Token] = []
    stack = [token]
    while stack:
        node = stack.pop()
        out.append(node)
        for child in node.children:
            if (
                child.dep_ in ("relcl", "acl", "advcl")
                and child.i != token.i
                and not _leading(child)
            ):
                continue
            if (
                child.dep_ == "appos"
                and node.dep_ in ("nsubj", "nsubjpass")
                and node.head.i < child.i
                and _after_a_noun_of_a_circumstance(child)
            ):
                # "The summit ... was named after two late leaders, X and Y": the appositive is
                # of the noun before it, which no side is named by (while "signed by the two
                # ministers, X and Y" and "met on Monday: the US and the Taliban" name sides)
                continue
            if (
                child.dep_ == "appos"
                and child.i != token.i
                and node.ent_type_
                and not (node.ent_type_ == child.ent_type_ == "GPE")
                and not _a_list_misread(node, child)
                and not _the_title_holder_misread(node, child)
            ):
                # "Sisi, Emir of Qatar": a description; but "President Donald Trump" is him, and
                # "Kazakhstan, Kyrgyzstan, Tajikistan and ..." is a list the parser misread
                continue
            if (
                child.dep_ == "appos"
                and not child.ent_type_
                and (
                    (node.pos_ == "NOUN" and node.lemma_.lower() in load_lexicon()[0])
                    or (child.pos_ == "NOUN" and child.lemma_.lower() in load_lexicon()[0])
                )
            ):
                # "the state visit, ...: Chinese support for Russia", "with his counterpart,
                # the first visit since the fall of Hasina's government": another thing
                continue
            if child.dep_ == "prep" and child.lower_ == "since":
                continue  # "since the fall of Hasina's government": when a period began
            if child.dep_ == "xcomp" and node.pos_ in ("PROPN", "NOUN") and child.pos_ == "VERB":
                continue  # a headline's "Trump and Putin to meet ... with no Ukrainian": the act

            if child.dep_ == "prep" and any(
                p.dep_ == "pobj" and p.lemma_.lower() in MEDIATION_NOUNS for p in child.children
            ):
                continue  # "under Qatari and Turkish mediation": the mediators are no side
            if child.dep_ == "prep" and (
                child.lower_ in LOCATIVE_PREPS or child.lower_ == "according"
            ):
                continue  # "according to the minister": who tells of it, not who took part
            if child.dep_ in ("amod", "compound", "npadvmod") and _backing(child):
                continue  # "the Saudi-backed government": its backer is no side
            if child.dep_ == "poss" and node.lemma_.lower() in OPPOSING_NOUNS:
                continue  # "Morales's opponents": not Morales
            if (
                child.dep_ == "prep"
                and child.lower_ in TOPIC_PREPS
                and node.pos_ in ("NOUN", "ADJ")
            ):
                # "with strong unity on Ukraine", "with differences unresolved on Ukraine": what
                # it is about names no side
                continue
            stack.append(child)
    return sorted(out, key=lambda t: t.i)


def _about_the_gathering(token: Token, verb: Token) -> bool:
    """The verb's subject is what the gathering is about: "the war dominated the summit",
    "trade is expected to figure in the talks"."""
    if verb.i == token.i:
        return False
    own = token.head.head if token.dep_ == "pobj" else token.head
    return lemma_of(verb) in AGENDA_VERBS or lemma_of(own) in AGENDA_VERBS


@lru_cache(maxsize=1)
def _situation_nouns() -> frozenset[str]:
    return frozenset(load_data("participants")["situation_nouns"])


@lru_cache(maxsize=1)
def _machine_nouns() -> frozenset[str]:
    return frozenset(load_data("participants")["machine_nouns"])


def _machines(subject: Token) -> bool:
    """Machines or armed forces ("Chinese and Russian bombers"), whose acts are no one's
    attendance."""
    return subject.tag_ in ("NN", "NNS") and subject.lemma_.lower() in _machine_nouns()


def _a_situation(noun: Token) -> bool:
    """The noun is a situation ("a conflict"), or a side of one the parser hung a clause on
    ("a dispute between Chile and Peru, which ...", the clause on "Peru")."""
    node = noun
    for _ in range(4):
        if node.lemma_.lower() in _situation_nouns():
            return True
        if node.dep_ not in ("pobj", "prep", "conj") or node.head.i == node.i:
            return False
        node = node.head
    return False


def _side_tokens(subject: Token, index: EntityIndex) -> list[Token]:
    """A subject's phrase; when the parser took the dateline for the subject ("LIMA, Feb 27 –
    Peru and Chile held talks"), the phrase it set beside it."""
    if subject.tag_ in ("WP", "WDT") and subject.head.dep_ == "relcl":
        antecedent = subject.head.head
        if (
            subject.lower_ == "that"
            and antecedent.pos_ == "PROPN"
            and not any(c.dep_ == "det" for c in antecedent.children)
        ):
            # "a war over Nagorno-Karabakh that killed 6,500 people": a bare name takes no
            # restrictive "that" clause, so the parser hung it on the wrong noun (while "the
            # Houthis that attacked a ship" did attack it)
            return []
        subject = subject.head.head  # "Santos, who had signed a deal with X": Santos signed it
        if subject.dep_ == "pobj" and subject.head.lower_ in LOCATIVE_PREPS:
            # "a ruling by a tribunal in The Hague that rejected ...": the parser hangs the
            # clause on the place; what it tells of is the thing placed there
            subject = subject.head.head
    if subject.lower_ == "they":
        subject = _their_antecedent(subject) or subject
    if subject.i not in index.dateline_tokens:
        return _headline_partners(subject) + _subtree_without_clauses(subject)
    return [
        t for head in index.beside_the_dateline(subject) for t in _subtree_without_clauses(head)
    ]


def _their_antecedent(pronoun: Token) -> Token | None:
    """ "The leaders of the US and China agreed ..., even as they traded warnings during a call":
    a "they" subject of a clause set in another is that clause's subject, when it names two sides
    or more (a coordination, or a plural naming them)."""
    clause = pronoun.head
    if pronoun.dep_ != "nsubj" or clause.dep_ not in ("advcl", "conj", "ccomp"):
        return None
    main = next((c for c in clause.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if main is None or main.i > pronoun.i or main.lower_ == "they":
        return None
    phrase = _subtree_without_clauses(main)
    named = [t for t in phrase if t.ent_type_ in ("GPE", "NORP", "ORG", "PERSON")]
    several = any(c.dep_ == "conj" for t in phrase for c in t.children) or main.tag_ == "NNS"
    return main if several and named else None


def venue_modifier(token: Token, index: EntityIndex) -> bool:
    """A lone city naming talks ("the London meeting", "the Geneva talks"): their place. A pair
    joined by a hyphen ("the Moscow-Kyiv talks") names their sides."""
    if token.dep_ != "compound" or any(c.dep_ == "conj" for c in token.children):
        return False
    cluster = index.cluster_of(token)
    # a capital read as its government ("Moscow" for Russia) still names a place here
    if cluster is None or (cluster.kind != "place" and not a_city(token)):
        return False
    if _a_territory(token):
        return False  # "the Gaza talks in Cairo": what they are about, not where
    doc = token.doc
    # the name's edges, not the word's: "the China-Central Asia summit" pairs its sides
    ent = entity_at(token)
    start, end = (ent.start, ent.end - 1) if ent is not None else (token.i, token.i)
    # (and the word's own: the tagger may run "The Moscow-Kyiv" into one name)
    beside = [
        doc[i].text for i in (start - 1, end + 1, token.i - 1, token.i + 1) if 0 <= i < len(doc)
    ]
    return not any(text in ("-", "–", "/") for text in beside)


def venue_in(modifier: Token, index: EntityIndex) -> Token | None:
    """The city naming talks among a modifier and the names compounded on it ("the Kuala Lumpur
    border talks": "border", with "Kuala Lumpur" on it)."""
    if modifier.dep_ != "compound":
        return None
    if venue_modifier(modifier, index):
        return modifier
    # one step further only for a city ("the Arctic cooperation pact" is about the Arctic)
    return next((c for c in modifier.children if venue_modifier(c, index) and a_city(c)), None)


def _a_territory(token: Token) -> bool:
    ent = entity_at(token)
    found = country_index().match(ent.text if ent is not None else token.text)
    return found is not None and found.how == "territory"


def _only_ever_where(token: Token, index: EntityIndex) -> bool:
    """A country the article names as where something happened ("signed in Barbados") and
    otherwise only as a modifier of a noun, never as one who acts or is acted on."""
    cluster = index.cluster_of(token)
    if cluster is None or cluster.kind != "country":
        return False
    mentions = [token.doc[i] for i in cluster.tokens]
    heads = [
        m for m in mentions if m.dep_ not in ("compound", "flat") or m.head.i in cluster.tokens
    ]
    where = [m for m in heads if m.dep_ == "pobj" and m.head.lower_ in ("in", "at")]
    return bool(where) and all(
        m.dep_ == "compound" or m in where for m in heads if m.head.i not in cluster.tokens
    )


def a_city(token: Token) -> bool:
    """A city's name, a city-state's among them ("the Singapore summit" is held there)."""
    ent = entity_at(token)
    index = country_index()
    found = index.match(ent.text if ent is not None else token.text)
    if found is None:
        return False
    if found.how in ("capital", "city"):
        return True
    # a city-state names the summit it hosts ("the Singapore summit"), not talks it holds
    # ("the Singapore defence talks with Australia")
    return index.city_state(found.country) and token.head.lemma_.lower() in ("summit", "conference")


def _clause_framed(prep: Token, talks: Token) -> Token:
    """The clause an "after ..." phrase frames. "X agreed to try to reach a deal, after a day of
    talks that Cairo hopes will break a deadlock": the parser may read "after" as the mark of the
    relative clause's verb, with the talks its object; the phrase frames the clause before its
    comma."""
    head = prep.head
    comma = prep.doc[prep.i - 1] if prep.i > 0 else None
    if (
        prep.dep_ == "mark"
        and talks.i > prep.i
        and comma is not None
        and comma.text == ","
        and comma.head.pos_ in ("VERB", "AUX")
        and comma.head.i < prep.i
    ):
        return comma.head
    return head


def _the_agreement_framed(node: Token) -> Token | None:
    """The agreement verb an "after the talks" phrase frames, where the parser hung the phrase
    on a verb of what was agreed ("signed agreements to resume exports and set up a zone, after
    four days of talks": on 'set up')."""
    if lemma_of(node) in SPEECH_VERBS and not names_an_agreement(node):
        # "After 12 hours of talks, Borrell announced that X and Y had agreed to the annex": the
        # agreement told is the one the talks framed (not the announcer's act)
        told = next((c for c in node.children if c.dep_ == "ccomp"), None)
        return told if told is not None and names_an_agreement(told) else None
    # up to the clause of what was agreed: "have agreed that the filling should be carried out
    # in stages ..., according to a joint statement released after three days of talks"
    for _ in range(8):
        if node.pos_ == "VERB" and names_an_agreement(node):
            return node
        if (
            node.dep_ not in ("conj", "acl", "xcomp", "dobj", "pobj", "prep", "ccomp")
            or node.head.i == node.i
        ):
            return None
        node = node.head
    return None


def _announcers_of_a_deal(verb: Token) -> list[Token]:
    """Who announced or unveiled an agreement ("the deal was announced by X and Y", "X and Y
    unveiled the accord"): the phrase naming them, else nothing."""
    if verb.pos_ != "VERB":
        return []
    children = list(verb.children)
    if any(c.dep_ == "nsubjpass" and names_an_agreement(c) for c in children):
        return [
            t
            for agent in children
            if agent.dep_ == "agent"
            for pobj in agent.children
            if pobj.dep_ == "pobj"
            for t in _subtree_without_clauses(pobj)
        ]
    if any(c.dep_ == "dobj" and names_an_agreement(c) for c in children):
        return [t for c in children if c.dep_ == "nsubj" for t in _subtree_without_clauses(c)]
    return []


def _pair_speaking_after_talks(talks: Token, verb: Token, index: EntityIndex) -> list[Token]:
    """Two sides who come out of talks telling what they got from them held them: "After two
    days of talks in Havana, American and Cuban diplomats said they had made progress". Only
    then: the talks are told afresh (not "after the talks", most often others' talks the
    article told, which onlookers react to), the speakers are people of two countries or more
    (not "state media", "the reaction from X and Y", nor a leader and his spokesman), and what
    they tell is what they got ("they had narrowed their differences"; not "they were alarmed
    by the deal")."""
    if verb.pos_ != "VERB" or lemma_of(verb) not in RECOUNTING_VERBS | EMERGING_VERBS:
        return []
    if is_definite(talks) or any(
        c.dep_ in ("poss", "compound", "amod") and c.ent_type_ for c in talks.children
    ):
        return []
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is not None:
        if not _people_or_states(subject):
            return []
        found = _side_tokens(subject, index)
    else:
        found = _subject_read_into_the_place(talks, verb)
    if not _told_what_they_got(verb):
        return []
    countries = {code for c in _clusters_in(found, index) if (code := country_code(c)) is not None}
    return found if len(countries) >= 2 else []


def anothers_visit(visit: Token) -> bool:
    """ "A visit by Sisi", "of the king", "with his wife": the visit phrase names whose it is, so
    it is not that of whoever left or returned after it."""
    return any(c.dep_ == "prep" and c.lower_ in ("by", "of", "with") for c in visit.children)


def _visitor_leaving(trigger: Trigger, verb: Token, index: EntityIndex) -> list[Token]:
    """ "Hailemariam left Cairo on Thursday after a two-day visit": who left the place after a
    visit paid the visit (its place is the one left); so did who "returned to Brasilia after a
    visit to Lima" (not after "a visit by Xi": another's)."""
    left = lemma_of(verb) in PLACE_LEAVING_VERBS and any(
        c.dep_ == "dobj" and c.ent_type_ in ("GPE", "LOC") for c in verb.children
    )
    returned = lemma_of(verb) == "return" and not anothers_visit(trigger.token)
    if (
        trigger.kind != "visit"
        or verb.pos_ != "VERB"
        or verb.tag_ not in ("VBD", "VBN")
        or not (left or returned)
    ):
        return []
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or not _people_or_states(subject):
        return []
    return _side_tokens(subject, index)


def _people_or_states(subject: Token) -> bool:
    """A subject naming people or states ("Cuban diplomats", "Kerry and Lavrov", "Chile and
    Peru"), not what they issued or who reported ("the reaction", "state media")."""
    return subject.ent_type_ in ("PERSON", "GPE", "NORP") or subject.lemma_.lower() in (
        ROLE_NOUNS | GATHERER_NOUNS
    )


def _told_what_they_got(verb: Token) -> bool:
    """What the speakers tell is what they themselves got from the talks: "they had made
    progress", "they had narrowed their differences" (saying so, or emerging saying so)."""
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    clauses += [  # "emerged on Thursday saying they had made progress"
        cc
        for c in verb.children
        if c.dep_ == "advcl" and lemma_of(c) in RECOUNTING_VERBS
        for cc in c.children
        if cc.dep_ == "ccomp"
    ]
    for clause in clauses:
        subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        # "they had made progress": the speakers' own (not "the two sides had made progress",
        # most often others' talks that onlookers speak of)
        ours = subject is not None and subject.lower_ in ("they", "we")
        got = lemma_of(clause) in TALKS_OUTCOME_VERBS or any(
            c.dep_ == "dobj" and c.lemma_.lower() in TALKS_OUTCOME_NOUNS for c in clause.children
        )
        if ours and got:
            return True
    return False


def _subject_read_into_the_place(talks: Token, verb: Token) -> list[Token]:
    """The words between the phrase of the talks and the clause's verb, where the parser read
    them as part of the place and left the verb with no subject ("After two days of talks in
    Havana, U.S. and Cuban diplomats emerged": "in [Havana, U.S. and Cuban diplomats]")."""
    if verb.dep_ != "ROOT" or any(c.dep_ in ("nsubjpass", "expl", "csubj") for c in verb.children):
        return []
    doc = verb.doc
    comma = max((t.i for t in doc[talks.i : verb.i] if t.text == ","), default=None)
    if comma is None:
        return []
    words = list(doc[comma + 1 : verb.i])
    if not words or any(t.pos_ not in _NOUN_PHRASE_POS for t in words):
        return []
    return words


_NOUN_PHRASE_POS = frozenset({"PROPN", "NOUN", "ADJ", "CCONJ", "DET", "NUM", "PUNCT"})


def _past_the_report(verb: Token) -> Token:
    """The clause a reporting verb tells ("X will reopen embassies, under a deal, the agency
    reported": the parser may hang the phrase on "reported")."""
    if lemma_of(verb) in SPEECH_VERBS:
        return next((c for c in verb.children if c.dep_ == "ccomp"), verb)
    return verb


def _own_sides_between(token: Token) -> bool:
    """Talks that name both sides themselves ("talks between X and Y", "among X, Y and Z")."""
    return any(c.dep_ == "prep" and c.lower_ in ("between", "among") for c in token.children)


def _own_sides(token: Token) -> bool:
    """Talks that name their sides themselves ("talks between X and Y", "talks with X")."""
    return any(
        c.dep_ == "prep" and c.lower_ in ("between", "with", "among") for c in token.children
    )


def gathering_hosts(gathering: Token, index: EntityIndex) -> list[Cluster]:
    """The sides a summit's or conference's hosting phrase names ("Hosted by X and Y, the
    conference ..."), as entities."""
    return _clusters_in(_gathering_hosts(gathering), index)


def _gathering_hosts(gathering: Token) -> list[Token]:
    """Who hosted, convened or chaired a summit or conference: "a conference hosted by X",
    "Hosted by X and Y, the conference was postponed" (the participle set before the subject)."""
    participles = [c for c in gathering.children if c.dep_ == "acl"]
    if gathering.dep_ in ("nsubj", "nsubjpass"):
        participles += [
            c
            for c in gathering.head.children
            if c.dep_ == "advcl" and c.tag_ == "VBN" and c.i < gathering.i
        ]
    verb = gathering.head.head if gathering.dep_ == "pobj" else None
    if verb is not None and verb.pos_ == "VERB" and gathering.head.lower_ in ("for", "at"):
        # "gathered for the summit, co-chaired by X and Y": the parser hangs the participle on
        # the verb the summit is the occasion of
        participles += [
            c for c in verb.children if c.dep_ == "advcl" and c.tag_ == "VBN" and c.i > gathering.i
        ]
    out: list[Token] = _chairs(gathering)
    for participle in participles:
        hosting = participle.lemma_.lower().replace("-", "")
        if hosting not in GATHERING_HOST_VERBS:
            continue
        # "co-chaired with Saudi Arabia": the other co-chair
        preps = ("agent", "with") if participle.lower_.startswith("co") else ("agent",)
        for prep in (c for c in participle.children if c.dep_ == "agent" or c.lower_ in preps):
            out.extend(
                t
                for pobj in prep.children
                if pobj.dep_ == "pobj"
                for t in _subtree_without_clauses(pobj)
            )
    return out


def _chairs(gathering: Token) -> list[Token]:
    """ "The conference opened under the joint chairmanship of X and Y": who chairs it, from an
    "under" phrase on the gathering or on the verb it is the subject of."""
    holders = [gathering]
    if gathering.dep_ in ("nsubj", "nsubjpass"):
        holders.append(gathering.head)
    out: list[Token] = []
    for holder in holders:
        for prep in holder.children:
            if prep.dep_ != "prep" or prep.lower_ != "under":
                continue
            for noun in prep.children:
                if noun.dep_ != "pobj" or noun.lemma_.lower() not in CHAIRING_NOUNS:
                    continue
                out.extend(_of_phrase_objects(noun))
    return out


def _headline_partners(subject: Token) -> list[Token]:
    """Headline coordination by comma: in "US, China make progress in talks" the parser hangs
    "US" off the verb; it is a subject beside "China". A name it hangs there as a modifier
    ("Boric, Boluarte agree ...") counts when it is a known person's or a country's, not an
    adverb the tagger took for a name ("Midweek, Boric meets Boluarte")."""
    doc = subject.doc
    return [
        c
        for c in subject.head.children
        if (
            c.dep_ == "npadvmod"
            or (
                c.dep_ in ("advmod", "amod")
                and (a_known_persons_name(c.text) or country_index().match(c.text) is not None)
            )
        )
        and c.ent_type_ in ("GPE", "ORG", "NORP", "PERSON")
        and c.i + 2 == subject.i
        and doc[c.i + 1].text == ","
    ]


def _leading(clause: Token) -> bool:
    """ "delegations led by Araqchi", "a summit co-chaired by Sisi and Trump": who led a side
    took part; any other clause hanging off a name is a description."""
    return clause.dep_ == "acl" and clause.lemma_.lower().replace("-", "") in LEADING_VERBS


def _infinitive_joined_amiss(verb: Token) -> Token | None:
    """The infinitive an infinitive conjunct belongs with when the parser joined it to a verb
    that is no infinitive: the nearest "to" infinitive before it that is an xcomp of one of
    its heads."""
    if verb.dep_ != "conj" or not _an_infinitive(verb) or _an_infinitive(verb.head):
        return None
    heads = {a.i for a in verb.ancestors}
    for t in reversed(verb.doc[verb.sent.start : verb.i]):
        if t.dep_ == "xcomp" and _an_infinitive(t) and t.head.i in heads:
            return t
    return None


def _an_infinitive(verb: Token) -> bool:
    return verb.pos_ == "VERB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _subject_of(verb: Token) -> Token | None:
    """The subject of the verb's clause chain ("Norway is willing to send"), or of the verb it is
    conjoined with ("the ministry summoned the envoy and condemned the raid")."""
    misread = misread_subject(verb)
    if misread is not None:
        return misread
    teller = teller_past_a_quote(verb)
    if teller is not None:
        return _subject_of(teller)
    if verb.dep_ == "xcomp" and (
        lemma_of(verb.head) in CONTROL_VERBS or invited_trip(verb) is not None
    ):
        controlled = next((c for c in verb.head.children if c.dep_ == "dobj"), None)
        if controlled is not None:
            # "prompting Israel to cancel a visit": Israel cancels; "invited Kim to visit
            # Moscow": Kim visits
            return controlled
    if verb.dep_ == "acl" and (accepting := invited_trip(verb)) is not None:
        return _subject_of(accepting)  # "Kim accepted an invitation to visit Moscow": Kim visits
    chain = clause_chain(verb)
    for link in chain:
        # the nearest subject: a dateline the parser read as a subject too stands first
        # ("ANKARA, March 26 (Wire) - Ethiopia and Somalia held ...")
        subject = min(
            (c for c in link.children if c.dep_ in ("nsubj", "nsubjpass")),
            # a relative pronoun first ("the strikes, which the U.S. said killed 21 people": the
            # strikes killed them), then the nearest
            key=lambda c: (c.tag_ not in ("WP", "WDT"), abs(c.i - link.i)),
            default=None,
        )
        if subject is not None:
            return _reporters_own(_past_the_source(subject), link)
    # "NATO will not be intimidated and will continue to support X": from the chain's top
    node = chain[-1]
    infinitive = _infinitive_joined_amiss(node)
    if infinitive is not None:
        # "agreed to resume visits, suspended for a decade, and to restore a pact": the second
        # infinitive is the first's conjunct, whatever participle the parser hung it on
        return _subject_of(infinitive)
    while node.dep_ == "conj" and node.head.pos_ in ("VERB", "AUX"):
        node = node.head
        subject = next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None:
            return subject
        if node.dep_ == "xcomp":
            # "pledged to work toward X and to seek Y at a summit": the pledging subject
            return _subject_of(node)
    owner = _owner_of_the_decision(node)
    if owner is not None:
        return owner
    if (
        verb.dep_ == "acl"
        and verb.tag_ == "VBG"
        and verb.head.dep_ == "dobj"
        and verb.head.lemma_.lower() in ISSUED_TEXTS
        and not any(c.dep_ in ("poss", "compound") for c in verb.head.children)
        and lemma_of(verb.head.head) in ISSUING_VERBS
    ):
        # "X issued a statement warning Y": who issued it (not "welcomed a UN resolution
        # demanding ...", whose author is the UN)
        subject = next((c for c in verb.head.head.children if c.dep_ == "nsubj"), None)
        if subject is not None:
            return subject
    # "X said ..., rejecting remarks by Y", "X recalled its envoy after accusing Y": X did it
    # (when X is named; "effectively closing the border" is a result, not an act)
    main = None
    if verb.dep_ == "advcl" and verb.tag_ == "VBG":
        main = verb.head
    elif (
        verb.dep_ == "pcomp"
        and verb.tag_ == "VBG"
        and verb.head.lower_ in ("after", "before", "while", "by")
    ):
        main = verb.head.head
    if (
        main is not None
        and main.pos_ in ("VERB", "AUX")
        and not any(c.dep_ == "advmod" for c in verb.children)
    ):
        subject = _subject_of(main)
        if subject is not None and (_named(subject) or _the_dateline(subject)):
            return subject  # a dateline read as the subject stands for the lead's own subject
    return None


def _the_dateline(token: Token) -> bool:
    return token.i in token.doc.user_data.get("briefbot_dateline_tokens", frozenset())


def _owner_of_the_decision(verb: Token) -> Token | None:
    """ "Paraguay's decision on Monday to suspend negotiations", "Germany's move to expel two
    diplomats and summon ...": whose decision it is does what it says."""
    noun = verb.head
    if not (
        verb.dep_ == "acl"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        and noun.lemma_.lower() in DECISION_NOUNS
    ):
        return None
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    named = owner is not None and owner.ent_type_ in ("GPE", "ORG", "NORP", "PERSON")
    return owner if named else None


# Phrases that set an act beside talks its subject held: "said ... after a call with X".
BESIDE_TALKS = frozenset({"after", "following", "during", "before"})


def _caller(trigger: Trigger) -> list[Token]:
    """ "Trump said he would exempt Mexican goods, after a phone call with Sheinbaum": talks
    "with" someone, set beside a named subject's act, were that subject's. Talks of no one
    ("after a summit", not "after a NATO summit"), set beside an act of two or more sides named
    together ("Yoon and Kishida toasted a new start after a summit"), were theirs."""
    token = trigger.token
    if (
        trigger.type != "CONSULT"
        or token.pos_ != "NOUN"
        or token.dep_ != "pobj"
        or token.head.lower_ not in BESIDE_TALKS
        or token.head.head.pos_ not in ("VERB", "AUX")
        or any(c.dep_ == "poss" for c in token.children)
    ):
        return []
    subject = _subject_of(token.head.head)
    if subject is None or not _named(subject):
        return []
    if not any(c.dep_ == "prep" and c.lower_ == "with" for c in token.children) and not (
        _talks_of_no_one(token)
        and lemma_of(token.head.head) in JOINT_ACTS
        and subject.conjuncts
        and all(_named(side) for side in subject.conjuncts)
    ):
        return []
    return _subtree_without_clauses(subject)


# Acts two sides do together after talks of their own ("toasted a new start after a summit");
# protesting, blocking or criticising after one tells nothing of whose it was.
JOINT_ACTS = frozenset({"toast", "sign", "hail", "celebrate", "embrace", "initial", "seal"})


def _talks_of_no_one(noun: Token) -> bool:
    """ "a summit", "talks": no name, owner or "of"/"between" phrase says whose they were, and
    no "the" points back to talks told before ("after the summit": the one just told)."""
    return not any(
        c.dep_ in ("compound", "nmod", "poss")
        or (c.dep_ == "det" and c.lower_ != "a")
        or (c.dep_ == "amod" and (c.ent_type_ or c.pos_ == "PROPN"))
        or (c.dep_ == "prep" and c.lower_ in ("of", "between", "among"))
        for c in noun.children
    )


def _named(subject: Token) -> bool:
    """A subject that names someone: a name, or a title with a name ("Mexico's president
    Claudia Sheinbaum"); not "China-Philippines relations"."""
    return (
        subject.pos_ == "PROPN"
        or bool(subject.ent_type_)
        or (
            subject.lower_ in title_tails()
            and any(
                (c.dep_ in ("appos", "poss", "compound") and (c.pos_ == "PROPN" or c.ent_type_))
                # "the French president": the title holder of a country
                or (c.dep_ == "amod" and c.ent_type_ == "NORP")
                for c in subject.children
            )
        )
    )


def _reporters_own(subject: Token | None, clause: Token) -> Token | None:
    """ "Chile said it would ...": a pronoun subject of what someone said is that someone."""
    if subject is None or subject.lower_ not in ("it", "they", "he", "she"):
        return subject
    node = clause
    while node.dep_ in ("xcomp", "conj", "advcl") and node.head.i != node.i:
        node = node.head
    if node.dep_ != "ccomp":
        return subject
    # the nearest subject: a dateline read into the sentence is a subject too ("WASHINGTON,
    # March 6 - Trump said he would ...")
    speaker = min(
        (c for c in node.head.children if c.dep_ == "nsubj"),
        key=lambda c: abs(c.i - node.head.i),
        default=None,
    )
    return speaker if speaker is not None and speaker.pos_ == "PROPN" else subject


def _past_the_source(subject: Token) -> Token | None:
    """ "According to Minister X, the Andean ministers supported ...", parsed with X as the subject
    and the ministers in apposition: the source is no actor, the apposition is."""
    before = subject.left_edge.i - 1
    if before < 1:
        return subject
    to, according = subject.doc[before], subject.doc[before - 1]
    if not (to.lower_ == "to" and according.lower_ == "according" and to.head.i == according.i):
        return subject
    return next((c for c in subject.children if c.dep_ == "appos"), None)


def _mediating(modifier: Token) -> bool:
    """A modifier naming who mediated, brokered or hosted: "Egypt-mediated", "US-brokered"."""
    words = [t for t in modifier.subtree if t.pos_ in ("VERB", "ADJ", "NOUN")]
    # the tagger lemmatises "US-brokered" badly: read the participle's stem as well
    return any(
        lemma_of(t).replace("-", "") in MEDIATION_WORDS
        or t.lower_.removesuffix("ed") in MEDIATION_WORDS
        or t.lower_.removesuffix("d") in MEDIATION_WORDS
        for t in words
    )


# What those who took no part in a deal do with it: judge it ("condemned the treaty signed by X
# and Y", "welcomed the accord reached by X and Y"); a party's own acts on its deal (violating,
# suspending it) are of other kinds, and a party may endorse its own deal.
JUDGING_TYPES = frozenset({"ACCUSE", "SUPPORT"})


def _judged(verb: Token, trigger: Trigger) -> bool:
    """A verb that is an act of another kind on the talks or the deal it governs ("criticised the
    meeting", "hailed the summit", "condemned the treaty signed by X and Y"): its subject judges
    them, and took no part."""
    if trigger.type not in ("CONSULT", "AGREE"):
        return False
    governor = trigger.governor
    # the talks' or the deal's own makers, named by its own participle ("held by X and Y")
    made_by = (
        governor is not None
        and governor.dep_ == "acl"
        and governor.head == trigger.token
        and any(c.dep_ == "agent" for c in governor.children)
        # not "the accord signed by their foreign ministers": the judge's own makers
        and not any(
            t.dep_ == "poss" and t.lower_ in POSSESSIVE_PRONOUNS
            for agent in governor.children
            if agent.dep_ == "agent"
            for t in agent.subtree
        )
    )
    if governor is not None and not made_by:
        return False
    if any(
        c.dep_ == "poss" and c.lower_ in ("its", "their", "his", "her")
        for c in trigger.token.children
    ):
        return False  # "Iran praised its talks with the US": its own talks
    senses = {type_ for type_, _, _ in load_lexicon()[1].get(lemma_of(verb), [])}
    if trigger.type == "AGREE":
        # with no makers named, only a condemnation is sure to come from outside
        return bool(senses) and senses <= (JUDGING_TYPES if made_by else {"ACCUSE"})
    return bool(senses) and "CONSULT" not in senses


def _as_an_observer(verb: Token) -> bool:
    return any(
        c.dep_ == "prep"
        and c.lower_ == "as"
        and any(p.dep_ == "pobj" and p.lemma_.lower() in OBSERVER_ROLES for p in c.children)
        for c in verb.children
    )


def _backing(modifier: Token) -> bool:
    """A participle naming who backs, sponsors or brokers a side ("Saudi-backed", "UN-sponsored"):
    written with a hyphen onto the backer's name."""
    doc = modifier.doc
    last = doc[modifier.right_edge.i]
    return (
        last.i > modifier.left_edge.i
        and doc[last.i - 1].text in ("-", "–")
        and last.lower_.endswith("ed")
        and _mediating(last)
    )


def _outcome_above(prep: Token) -> Token | None:
    """The object a verb's subject got in talks ("made progress in the talks", "made progress
    toward restoring ties in the talks", the parser hanging "in" on what the progress is
    toward): the talks are the subject's. Only what was got: "hope to make progress in a second
    round" tells talks still to come, whose stage the clause does not give."""
    node = prep.head
    for _ in range(4):
        if node.dep_ in ("dobj", "attr") and node.head.pos_ in ("VERB", "AUX"):
            if node is not prep.head and node.head.tag_ not in ("VBD", "VBN"):
                return None
            return node
        if node.dep_ not in ("pcomp", "prep", "pobj"):
            return None
        node = node.head
    return None


# Marks opening a clause that tells when, against another time ("since Pompeo came").
_TIME_MARKS = frozenset({"since", "after", "before", "until", "till"})


def _subject_of_a_time_clause(subject: Token, trigger: Token, verb: Token) -> bool:
    """The parser made the occasion and the subject of a clause of time subjects of one verb
    ("the first visit by America's top diplomat since Mike Pompeo came in 2018"): that subject
    is another occasion's, after the mark, not a side of the one told."""
    if subject.i == trigger.i or trigger.dep_ not in ("nsubj", "nsubjpass"):
        return False
    if trigger.head.i != verb.i:
        return False
    return any(
        c.dep_ == "mark" and c.lower_ in _TIME_MARKS and trigger.i < c.i < subject.i
        for c in verb.children
    )


def _main_subject(token: Token, index: EntityIndex) -> list[Token]:
    """The subject of the nearest clause above the token, whom a "their" usually means
    ("negotiators from X and Y made progress in their talks", Bessent says)."""
    node = token
    reported = False  # climbed out of what someone says
    while node.head.i != node.i:  # up to the root, whose head is itself
        reported |= node.dep_ == "ccomp"
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            subjects = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")]
            # a dateline the parser read as a second subject stands aside for the real one
            subjects.sort(key=lambda c: c.i in index.dateline_tokens)
            subject = subjects[0] if subjects else None
            if subject is not None and token in subject.subtree:
                continue  # "their round of talks was constructive": they are above, not it
            if (
                subject is not None
                and reported
                and verb_lemma(node) in load_frames().reporting
                and not _conjuncts(subject)[1:]
                and subject.tag_ not in ("NNS", "NNPS")
            ):
                return []  # "Fidan, who hosted them, said their talks were constructive"
            agents = [
                t
                for a in node.children
                if a.dep_ == "agent"
                for p in a.children
                if p.dep_ == "pobj"
                for t in _subtree_without_clauses(p)
            ]
            if (
                subject is None
                and agents
                and node.dep_ == "acl"
                and lemma_of(node) in REACHING_VERBS | {"sign", "agree", "adopt"}
            ):
                # "the agreement reached by the presidents of X and Y at their meeting": whoever
                # made the deal, not the subject of the clause further up (but "a statement
                # released by the Kremlin after their meeting" is not the Kremlin's meeting)
                return agents
            if (
                subject is not None
                and subject.dep_ == "nsubjpass"
                and agents
                and not subject.ent_type_
                and subject.tag_ == "NN"  # a thing ("the format"), not "negotiators were briefed"
                and subject.lemma_.lower() not in ROLE_NOUNS
            ):
                # "the format was announced by Swaraj and Wang after their talks": the doers
                return agents
            if subject is not None:
                # a dateline read as the subject ("ISTANBUL (AP) - Russian and Ukrainian
                # delegations agreed ..., but their talks ended"): the phrase beside it
                found = _side_tokens(subject, index)
                if subject.tag_ in ("NNP", "NN") and not _conjuncts(subject)[1:]:
                    # one person: "their" is them and whom they told or met ("Kim had told
                    # Moon at their summit")
                    for obj in (c for c in node.children if c.dep_ in ("dobj", "dative")):
                        found += _subtree_without_clauses(obj)
                return found
    return []


def _delegation_led_to(trigger: Trigger, index: EntityIndex) -> list[Token]:
    """ "X, who led Kenya's delegation to the talks", "sent a team to the talks": whose
    delegation it was, and who led or sent it, took part."""
    token = trigger.token
    if trigger.type != "CONSULT" or token.dep_ != "pobj" or token.head.lower_ != "to":
        return []
    verb = token.head.head
    if verb.pos_ != "VERB":
        return []
    team = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if team is None or team.lemma_.lower() not in ROLE_NOUNS:
        return []
    found = [t for c in team.children if c.i < team.i for t in _subtree_without_clauses(c)]
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is not None:
        found += _side_tokens(subject, index)
    return found


def _name_paired_before(noun: Token) -> list[Token]:
    """ "Xi, Albanese talks signal thaw": a headline pairs two names before its talks with a
    comma, and the parser makes the first the sentence's subject; it names a side all the same.
    Only a name that opens the sentence, right before the comma and the talks' own modifiers."""
    if noun.pos_ not in ("NOUN", "PROPN"):
        return []
    modifiers = [
        c for c in noun.children if c.dep_ in ("compound", "amod", "nmod") and c.i < noun.i
    ]
    if not modifiers:
        return []
    start = min(c.left_edge.i for c in modifiers)
    doc = noun.doc
    if start < 2 or doc[start - 1].text != ",":
        return []
    ent = next((e for e in doc.ents if e.end == start - 1), None)
    if ent is None or ent.label_ != "PERSON":
        return []
    if not any(c.ent_type_ in ("PERSON", "NORP") for c in modifiers):
        return []  # "Trump, trade talks weigh on markets": a list of topics, not a pair
    return list(ent) if ent.start == noun.sent.start else []


def _sides_of_the_talks_it_came_from(participle: Token) -> list[Token]:
    """The sides "between" whom the talks were held that the participle's phrase names ("reached
    at the end of two weeks of talks at the hotel between Iran and X"), wherever the parser hung
    the "between" phrase inside it (on the talks or on the hotel)."""
    phrases = [
        c for c in participle.children if c.dep_ == "prep" and c.lower_ in ("at", "after", "in")
    ]
    talks = [
        t for p in phrases for t in p.subtree if t.pos_ in ("NOUN", "PROPN") and tells_of_talks(t)
    ]
    if not talks:
        return []
    start = min(t.i for t in talks)
    betweens = [
        between
        for p in phrases
        for between in p.subtree
        if between.dep_ == "prep" and between.lower_ == "between" and between.i > start
    ]
    if any(
        t.lower_ == "between" and t not in betweens for t in participle.sent
    ):  # "the deal, reached at talks between X and Y, sets up an exchange between A and B"
        return []
    sides = [
        t
        for between in betweens
        for pobj in between.children
        if pobj.dep_ == "pobj"
        for t in _subtree_without_clauses(pobj)
    ]
    # states and bodies only: "talks at the Kremlin between Putin and Witkoff" were held with an
    # envoy, who is no party to the deal
    return [] if any(t.ent_type_ == "PERSON" for t in sides) else sides


# Verbs of telling someone something, as one does on a call ("told Scholz", "assured Trump").
TELLING_VERBS = frozenset({"tell", "assure", "inform", "brief", "reassure"})


def _addressed_just_before(trigger: Trigger, index: EntityIndex) -> list[Token]:
    """ "Putin told Scholz on Friday that the strikes were inevitable. In an hour-long phone
    call, Putin said ...": a call naming no other side, set at the head of a sentence whose
    speaker addressed someone in the sentence just before, was with the one addressed."""
    token = trigger.token
    if trigger.kind != "phone_call" or token.pos_ not in ("NOUN", "PROPN"):
        return []
    if token.dep_ != "pobj" or token.head.lower_ not in ("in", "during") or _own_sides(token):
        return []
    verb = token.head.head
    speaker = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    speaking = index.cluster_of(speaker) if speaker is not None else None
    sent = token.sent
    start = sent.start
    while start > 0 and token.doc[start - 1].is_space:
        start -= 1  # a paragraph break is no sentence
    if speaking is None or start == 0:
        return []
    sent_before = token.doc[start - 1].sent
    before = _past_the_reporter(sent_before.root)  # "X told Y on Friday that ..., Z said"
    if lemma_of(before) not in TELLING_VERBS:
        return []  # not "warned Biden in Geneva in 2021 that ...": a warning of any time
    if any(
        c.dep_ == "prep"
        and c.lower_ in ("in", "at")
        and any(p.ent_type_ in ("GPE", "LOC", "FAC") for p in c.children)
        for c in before.children
    ):
        return []  # told somewhere: in person, not on the call
    if _own_day(before) and (_own_day(verb) or any(t.ent_type_ == "DATE" for t in token.subtree)):
        return []  # told on one day, the call told with a day of its own
    # (a dateline the parser read as a second subject stands aside)
    subjects = [c for c in before.children if c.dep_ == "nsubj"]
    addressed = next((c for c in before.children if c.dep_ == "dobj"), None)
    if addressed is None or not any(index.cluster_of(c) is speaking for c in subjects):
        return []
    return _subtree_without_clauses(addressed)


def _own_day(verb: Token) -> bool:
    """The verb's own phrase of time ("told Scholz on Friday"), not a date in what was said."""
    return any(
        t.ent_type_ == "DATE"
        for c in verb.children
        if c.dep_ in ("prep", "npadvmod")
        for t in c.subtree
    )


def _party_keeping_it(trigger: Trigger, index: EntityIndex) -> list[Token]:
    """ "Cambodia will strictly respect the ceasefire agreed with Thailand": the one who keeps
    (or breaks) a deal "agreed with" another made it with them. The parser often reads the
    participle after the deal as a clause of its own; it must follow the deal's noun."""
    verb = trigger.token
    if trigger.type != "AGREE" or verb.pos_ != "VERB" or verb.i == 0:
        return []
    if verb.tag_ not in ("VBN", "VBD") or any(
        c.dep_ in ("nsubj", "nsubjpass") for c in verb.children
    ):
        return []
    if not any(
        c.dep_ == "prep"
        and c.lower_ == "with"
        # a side named ("agreed with Hamas"), not "agreed with US backing", "with mediation"
        and any(p.dep_ == "pobj" and p.ent_type_ in ("GPE", "ORG", "NORP") for p in c.children)
        for c in verb.children
    ):
        return []
    deal = verb.doc[verb.i - 1]
    keeper = deal.head
    if deal.dep_ != "dobj" or not names_an_agreement(deal) or lemma_of(keeper) not in PARTY_VERBS:
        return []
    subject = next((c for c in keeper.children if c.dep_ == "nsubj"), None)
    return _side_tokens(subject, index) if subject is not None else []


def _between_hung_on_the_venue(token: Token) -> list[Token]:
    """A "between" phrase of people that the parser hung on the occasion's venue: "Monday's
    meeting at the Elysee between Macron, Merkel, Putin and Zelensky" (a place lies between
    places, not between people: "the crossing at Rafah between Egypt and Gaza" stays)."""
    return [
        between
        for prep in token.children
        if prep.dep_ == "prep" and prep.lower_ in ("at", "in")
        for venue in prep.children
        if venue.dep_ == "pobj"
        and (venue.ent_type_ in ("GPE", "FAC", "LOC") or venue.pos_ == "PROPN")
        for between in venue.children
        if between.dep_ == "prep"
        and between.lower_ == "between"
        and any(p.dep_ == "pobj" and p.ent_type_ == "PERSON" for p in between.children)
    ]


def _sides_named_between(token: Token) -> bool:
    """Talks whose "between" or "among" phrase names sides ("between Japan and the
    Philippines"; not "between their foreign ministers")."""
    for prep in token.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("between", "among"):
            continue
        # "between their foreign ministers in Lima": where is no side
        where = {
            t.i
            for p in prep.subtree
            if p.dep_ == "prep" and p.lower_ in ("in", "at", "on")
            for t in p.subtree
        }
        if any(t.ent_type_ in SIDE_ENTITIES and t.i not in where for t in prep.subtree):
            return True
    return False


def _days_held_in(token: Token, frame: Token) -> bool:
    """ "X and Y made progress in three days of talks (with US mediators)": a span of days
    framing talks whose sides are not named between them, in a clause whose doer acted (not
    "China was criticised in two days of talks between Japan and the Philippines")."""
    return (
        frame is not token
        and frame.lemma_.lower() in SPAN_UNITS
        and not _sides_named_between(token)
        and not any(c.dep_ in ("nsubjpass", "auxpass") for c in frame.head.head.children)
    )


def find_participants(trigger: Trigger, index: EntityIndex) -> tuple[list[Cluster], bool]:
    token = trigger.token
    tokens: list[Token] = []
    aimed_at: list[Token] = []  # whom the act's noun is aimed at ("sanctions on Iran")
    group = False
    frame = measured(token)
    # "their latest round of talks", "a second Kremlin round of talks": the round's words
    # before it name the talks' sides as the talks' own would
    framing = (
        [
            c
            for c in frame.children
            # not "Oman's round of talks between Iran and the US": Oman mediated them
            if c.i < frame.i and (c.dep_ != "poss" or c.lower_ in ("their", "our"))
        ]
        if frame is not token and not _own_sides(token)
        else []
    )
    received = received_from(trigger)
    for child in [*token.children, *framing, *received, *_between_hung_on_the_venue(token)]:
        if child.dep_ == "prep" and child.lower_ == "with" and _mediated(token, child):
            continue  # fellow mediators (below)
        if child.dep_ == "prep" and (
            child.lower_ in ("between", "with", "among", "of", "by")
            or (
                child.lower_ == "from"
                and (trigger.type in SENT_TYPES or trigger.kind == "phone_call")
                and token.pos_ in ("NOUN", "PROPN")
            )
            # "paid a courtesy call on the President": the one called on
            or (child.lower_ == "on" and token.lemma_ == "call" and a_courtesy_call(token))
        ):
            for pobj in child.children:
                if pobj.dep_ == "pobj" and not _none_of(pobj):
                    tokens.extend(_subtree_without_clauses(pobj))
                    if child.lower_ in ("with", "between"):  # "a meeting with the two leaders"
                        tokens.extend(_the_two_named_before(pobj, None, index))
        elif (
            child.dep_ == "prep"
            and child.lower_ in ("on", "against", "upon")
            and trigger.type in TARGETED_TYPES
            and token.pos_ in ("NOUN", "PROPN")
        ):
            # "imposed sanctions on Iran on Monday", "threats against Taiwan": whom the act is
            # aimed at, hung on its noun (not "talks on Ukraine": what talks are about); named
            # after who acted
            for pobj in child.children:
                if pobj.dep_ == "pobj" and pobj.ent_type_ not in ("DATE", "TIME"):
                    # a protest "on the streets of Tbilisi": where, not against whom; its
                    # target is only the words naming it
                    aimed_at.extend(
                        _named_target(pobj)
                        if trigger.type == "PROTEST"
                        else _subtree_without_clauses(pobj)
                    )
        elif (
            child.dep_ == "acl" and child.lemma_.lower() == "attend" and not _as_an_observer(child)
        ):
            # "the last summit, attended by Putin, Merkel and Hollande": who attended took part
            tokens.extend(
                t
                for agent in child.children
                if agent.dep_ == "agent"
                for pobj in agent.children
                # not "attended by observers from the US": onlookers take no part
                if pobj.dep_ == "pobj" and pobj.lemma_.lower() not in OBSERVER_ROLES
                for t in _subtree_without_clauses(pobj)
            )
        elif (
            trigger.type == "AGREE"
            and child.dep_ == "acl"
            and child.tag_ == "VBN"
            and lemma_of(child) in REACHING_VERBS
            and not _own_sides(token)
        ):
            # "the accord, reached at the end of two weeks of talks at the Palais Coburg between
            # Iran and the United States, Britain, ...": who held the talks reached it
            tokens.extend(_sides_of_the_talks_it_came_from(child))
        elif trigger.type == "CONSULT" and child.dep_ == "relcl":
            # "the Peace Summit, which Switzerland hosted in June and which India attended":
            # who hosted or attended it took part
            tokens.extend(
                t
                for clause in (child, *child.conjuncts)
                if (doer := relative_doer(clause, HOST_VERBS | {"attend"})) is not None
                for t in _subtree_without_clauses(doer)
            )
        elif child.dep_ == "acl" and child.lemma_.lower() in HOST_VERBS:
            # "talks hosted by Beijing between X and Y": the parser hangs the sides on the host
            tokens.extend(
                t
                for prep in child.children
                if prep.dep_ == "prep" and prep.lower_ in ("between", "among")
                for pobj in prep.children
                if pobj.dep_ == "pobj"
                for t in _subtree_without_clauses(pobj)
            )
        elif child.dep_ in ("compound", "amod", "nmod", "poss") and child.i < token.i:
            if _mediating(child) or token.lemma_.lower() in MEDIATION_NOUNS:
                # "US-Saudi-brokered negotiations", "under Swiss and U.S. mediation": the
                # brokers are no side
                continue
            venue = venue_in(child, index)
            if venue is None and trigger.type == "AGREE" and _only_ever_where(child, index):
                venue = child  # "after Barbados electoral deal", "signed ... in Barbados"
            if venue is not None:
                # "the London meeting", "the Kuala Lumpur border talks": where, not who
                tokens.extend(t for t in child.subtree if t not in venue.subtree)
                continue
            tokens.extend(_subtree_without_clauses(child))
            if child.dep_ == "poss" and child.lower_ == "their":
                tokens.extend(_main_subject(token, index))  # "summaries of their phone call"
    if trigger.type == "CONSULT":
        tokens.extend(_name_paired_before(token))
    if (
        trigger.type == "AGREE"
        and token.pos_ in ("NOUN", "PROPN")
        and token.dep_ == "pobj"
        and token.head.lower_ == "under"
        and token.head.head.pos_ in ("VERB", "AUX")
        # not "held under the accord reached by the presidents of X and Y": theirs
        and not any(
            c.dep_ == "acl" and any(a.dep_ == "agent" for a in c.children) for c in token.children
        )
        and (subject := _subject_of(_past_the_report(token.head.head))) is not None
    ):
        # "X and Y will reopen embassies under an agreement reached in China": theirs
        tokens.extend(_side_tokens(subject, index))
    if trigger.kind == "visit":
        tokens.extend(whose_home_visited(token, index))
        tokens.extend(_visitor_set_off(token))
    if (
        trigger.type == "CONSULT"
        and token.dep_ == "pobj"
        and token.head.lower_ in ("in", "at", "to")
        and token.head.head.pos_ in ("NOUN", "PROPN")
    ):
        # "the lead U.S. negotiator in trade talks with China", "led Kenya's delegation to the
        # talks": the negotiator's or the delegation's side takes part
        holder = token.head.head
        if (
            holder.ent_type_ == "PERSON"
            or holder.lemma_.lower() in load_frames().person_objects | ROLE_NOUNS
        ):
            tokens.extend(
                t for c in holder.children if c.i < holder.i for t in _subtree_without_clauses(c)
            )
    tokens.extend(_delegation_led_to(trigger, index))
    verb = (
        token
        if token.pos_ == "VERB"
        else (token.head if token.dep_ in ("dobj", "nsubj", "nsubjpass") else None)
    )
    if (
        verb is not None
        and token.dep_ == "dobj"
        and lemma_of(verb) in SEQUENCE_VERBS
        and not any(c.dep_ == "nsubj" and c.pos_ == "PROPN" for c in verb.children)
    ):
        # "the posts by X followed Modi's visit": what came after it, not who went (while
        # "Blinken followed talks with Sisi with a stop in Doha" held them)
        verb = None
    # ("agreed ... in a summit aimed at ...": who agreed held it; not "North Korea was
    # condemned in a summit": whom a summit acted on)
    # ("made progress in three days of talks": the days stand in the clause for the talks, whose
    # sides the clause's doer is when the talks name none of their own; a round is told apart)
    held_in = frame.head if _days_held_in(token, frame) else token.head
    in_a_call = held_in.lower_ == "in" and (
        trigger.kind in ("phone_call", "talks", "meeting")
        or (
            trigger.kind == "summit"
            and not any(c.dep_ == "nsubjpass" for c in held_in.head.children)
        )
    )
    # "sat down for talks with Y", "arrived for talks": who came took part
    # (and "will leave for Lima on Monday for a visit": but not "leave for consultations", an
    # envoy called home)
    came_for = token.head.lower_ == "for" and (
        lemma_of(token.head.head) in COMING_VERBS
        or (
            lemma_of(token.head.head) == "leave"
            # "will leave for Wuhan for a summit with Xi" (not "left for consultations")
            and (
                trigger.kind == "visit"
                or any(c.dep_ == "prep" and c.lower_ == "with" for c in token.children)
            )
        )
    )
    # "hosts Macron for a summit": the host and the guest held it
    came_for |= (
        token.head.lower_ == "for"
        and lemma_of(token.head.head) in ("host", "receive", "welcome")
        and any(c.dep_ == "dobj" for c in token.head.head.children)
        and not _own_sides(token)  # "hosted the Iranian delegation for talks with US envoys"
    )
    emerged = _emerged_from(token) if trigger.type == "CONSULT" else None
    if verb is None and emerged is not None:
        verb = emerged  # "Mulino came out of Sunday's meeting with Rubio": he took part
    # "agreed to swap prisoners at a second round of talks": the round sits where talks would
    placed = measured(token) if token.dep_ == "pobj" and token.head.lower_ == "of" else token
    if (
        verb is None
        and placed.dep_ == "pobj"
        and (placed.head.lower_ in ("at", "during") or in_a_call or came_for)
    ):
        # "X agreed in a phone call with Y", "X said in talks with Y": X took part too
        framed = placed.head.head
        # "proposed a meeting with Xi during a phone call": the parser hangs the call on the
        # meeting proposed, the act done in the call is the verb's
        if in_a_call or (trigger.kind == "phone_call" and placed.head.lower_ == "during"):
            # "discussed prospects ... and the safety of navigation in a telephone conversation":
            # the parser hangs the call on a noun of what was discussed
            hops = 0
            while framed.pos_ in ("NOUN", "PROPN", "ADP", "CCONJ") and hops < 8:
                if framed.dep_ not in ("dobj", "pobj", "conj", "prep", "cc"):
                    break
                framed, hops = framed.head, hops + 1
        if (
            in_a_call
            and framed.dep_ == "pcomp"
            and framed.head.head.pos_ == "VERB"
            and not _own_sides(token)
        ):
            # "warned Biden against playing with fire in a phone call": the parser hangs the
            # call on the gerund; the clause's own verb said it in the call (not "criticised
            # Macron for misrepresenting Putin in a call with Scholz": Macron's call)
            framed = framed.head.head
        if (
            in_a_call
            and framed.dep_ == "xcomp"
            and lemma_of(framed.head) in ADDRESSING_VERBS
            and not _own_sides(token)
            # a person urged ("urges Putin to withdraw"), not a state ("urged Israel to halt
            # strikes in a call" with someone else)
            and any(c.dep_ == "dobj" and c.ent_type_ == "PERSON" for c in framed.head.children)
        ):
            framed = framed.head  # "Scholz urges Putin to withdraw troops in phone call"
        framed = deal_sought_at(token) or framed
        if framed.pos_ == "VERB":
            verb = framed  # "Russia and the US did not discuss Ukraine at the meeting"
        elif framed.dep_ in ("nsubj", "nsubjpass") and framed.head.pos_ == "VERB":
            verb = (
                framed.head
            )  # "X and Y, during a call on Monday, discussed ...": the phrase is the clause's
    framed = measured(token)  # "after two days of talks": the days frame the clause
    if (
        verb is None
        and trigger.type == "CONSULT"
        and framed.dep_ == "pobj"
        and framed.head.lower_ in ("after", "following", "on")
    ):
        # "X and Y agreed on a framework after talks in London": they held them; "X and Y
        # agreed on a new round of talks": they are to hold it
        agreed = _the_agreement_framed(framed.head.head) or _the_agreement_framed(
            _clause_framed(framed.head, token)
        )
        if agreed is not None and not _own_sides(token):
            verb = agreed
        elif framed.head.lower_ != "on" and not _own_sides(token):
            # "the deal was announced by X and Y after three days of talks": they held them
            tokens.extend(_announcers_of_a_deal(framed.head.head))
            tokens.extend(_pair_speaking_after_talks(token, framed.head.head, index))
            tokens.extend(_visitor_leaving(trigger, framed.head.head, index))
            speaking = framed.head.head
            if (
                speaking.tag_ == "VBG"
                and speaking.dep_ == "advcl"
                and lemma_of(speaking) in SPEAKING_PARTICIPLES
                and not any(c.dep_ == "nsubj" for c in speaking.children)
            ):
                # "Putin, speaking at a press conference after talks in Sochi, said": he held them
                tokens.extend(
                    t
                    for c in speaking.head.children
                    if c.dep_ == "nsubj"
                    for t in _subtree_without_clauses(c)
                )
    if (
        verb is None
        and trigger.type == "CONSULT"
        and framed.dep_ == "pobj"
        and framed.head.lower_ == "in"
        and (outcome := _outcome_above(framed.head)) is not None
    ):
        verb = outcome.head  # "X and Y made progress in (a second round of) talks": they held them
    if verb is not None and _about_the_gathering(token, verb):
        verb = None  # "trade is expected to figure in the talks": what they are about
    if (
        verb is not None
        and verb.pos_ == "VERB"
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    ):
        # "Trump and Putin are set to meet", "X summoned Y and met Z": the subject they share
        subject = _subject_of(verb)
        if subject is not None:
            tokens.extend(_side_tokens(subject, index))
            group |= subject.lemma_.lower() in GROUP_WORDS or subject.lower_ in ("both", "they")
            if trigger.type == "CONSULT" and verb.tag_ == "VBG":
                # "X was received by Y at the museum, kicking off a two-day summit": the host
                # who received the guest opens it with them
                tokens.extend(_receiving_host(subject))
    if verb is not None:
        for child in verb.children:
            if child.dep_ == "nsubj" and trigger.mode == "third-party" and verb.i == token.i:
                continue  # "Oman hosted Iranian and US envoys": the host is no side
            chairing = lemma_of(verb) == "chair" and trigger.kind not in GATHERING_KINDS
            if (
                child.dep_ == "nsubj"
                and verb.i != token.i
                and (lemma_of(verb) in MEDIATION_WORDS or chairing)
                and (_own_sides_between(token) or (is_definite(token) and not _own_sides(token)))
                and not _guests_received_for(token, verb)
            ):
                # "Oman hosted talks between Iran and the US", "Saudi Arabia hosted the meeting"
                # (the one told before): the host is no side; "hosted a meeting with X" is one
                continue
            if child.dep_ == "nsubj" and verb.i != token.i and lemma_of(verb) in ABSENCE_VERBS:
                continue  # "Xi skipped last year's summit": he took no part
            if child.dep_ == "nsubj" and _as_an_observer(verb):
                continue  # "X attended the talks as an observer": no side of them
            if trigger.type == "CONSULT" and verb.i != token.i and _machines(child):
                continue  # "During the summit, Chinese bombers flew a patrol": they attend nothing
            if (
                trigger.type == "CONSULT"
                and child.tag_ in ("WP", "WDT")
                and verb.dep_ == "relcl"
                and _a_situation(verb.head)
            ):
                continue  # "a conflict between A and B, which dominated discussions": no actor
            if child.dep_ == "nsubj" and token.dep_ == "dobj" and _judged(verb, trigger):
                continue  # "the opposition criticised the meeting": no side of it
            if _subject_of_a_time_clause(child, token, verb):
                continue  # "the first visit by a US diplomat since Pompeo came in 2018"
            if child.dep_ in ("nsubj", "nsubjpass"):
                # the subject's phrase, the trigger's own included ("the meeting of the two
                # presidents in Doha ended"): whoever it names took part
                actor = _past_the_source(child)
                if actor is None:
                    continue
                tokens.extend(_side_tokens(actor, index))
                group |= actor.lemma_.lower() in GROUP_WORDS or actor.lower_ in ("both", "they")
            elif child.dep_ == "dobj" and token.pos_ == "VERB" and trigger.type == "CONSULT":
                tokens.extend(_subtree_without_clauses(child))
            elif (
                child.dep_ == "oprd"
                and trigger.kind == "phone_call"
                and lemma_of(token) == "call"
                and child.ent_type_ == "PERSON"
            ):
                # "called Russian leader Vladimir Putin on Tuesday", the name read as a label
                tokens.extend(_subtree_without_clauses(child))
            elif child.dep_ == "dobj" and _hosted_at(trigger, verb):
                # "hosted the leaders of A, B and C at a summit": the guests took part
                tokens.extend(_subtree_without_clauses(child))
            elif child.dep_ in ("dobj", "dative") and _addressed_in(trigger, verb):
                # "Xi warned Biden in a phone call": the one spoken to was on the call
                tokens.extend(_subtree_without_clauses(child))
            elif child.dep_ == "dobj" and _proposed_in_a_call(trigger, verb, child):
                # "proposed a meeting with Putin during a phone call": proposed to Putin, on it
                tokens.extend(
                    p
                    for prep in child.children
                    if prep.dep_ == "prep" and prep.lower_ == "with"
                    for p in prep.children
                    if p.dep_ == "pobj" and p.ent_type_ == "PERSON"
                )
            elif (
                child.dep_ == "npadvmod"
                and child.ent_type_ == "PERSON"
                and token.pos_ == "VERB"
                and trigger.type == "CONSULT"
                and child.i > verb.i
            ):
                # "hosted X and Y President Z at the White House": a guest the parser cut loose
                tokens.extend(_subtree_without_clauses(child))
            elif child.dep_ == "prep" and child.lower_ == "with" and _in_partnership(child):
                continue  # "held in partnership with the AU": a partner, not a side
            elif child.dep_ == "prep" and child.lower_ == "with" and _mediated(verb, child):
                continue  # "mediated by Qatar together with Egypt and the US": mediators all
            elif (child.dep_ == "prep" and child.lower_ in ("with", "between")) or (
                child.dep_ == "agent"
                and (
                    (verb.i == token.i and lemma_of(verb) not in MEDIATION_WORDS)
                    or (token.dep_ == "nsubjpass" and lemma_of(verb) == "attend")
                )
            ):  # "was received by the minister", "the meeting was attended by X"; but "mediated
                # by the AU" is a mediator
                for pobj in child.children:
                    if pobj.dep_ == "pobj" and not _none_of(pobj):
                        tokens.extend(_subtree_without_clauses(pobj))
    tokens.extend(_caller(trigger))
    tokens.extend(_guests_hosted_for(trigger))
    patient = participle_patient(token) if trigger.type == "CONSULT" else None
    if patient is not None:  # "Welcomed by X, the ministers met": X met the ministers
        tokens.extend(_subtree_without_clauses(patient))
    if trigger.kind in GATHERING_KINDS and token.pos_ in ("NOUN", "PROPN"):
        tokens.extend(_gathering_hosts(token))
    tokens.extend(_reporting_side(trigger, index))
    tokens.extend(_demanding_side(trigger, index))
    tokens.extend(_party_keeping_it(trigger, index))
    tokens.extend(_addressed_just_before(trigger, index))
    held = holding_clause(token) if token.pos_ in ("NOUN", "PROPN") else None
    if held is not None:  # "the talks that Peru and Chile held": who held them
        tokens.extend(
            t for c in held.children if c.dep_ == "nsubj" for t in _subtree_without_clauses(c)
        )
    hosted_apart = (
        trigger.governor is not None
        and lemma_of(trigger.governor) in MEDIATION_WORDS
        and (_own_sides_between(token) or (is_definite(token) and not _own_sides(token)))
        and not _guests_received_for(token, trigger.governor)
    )
    if trigger.type != "CONSULT" or (trigger.governor is not None and not hosted_apart):
        tokens.extend(
            _action_arguments(trigger, index, subject_only=_the_setting_of_an_act(trigger))
        )
    tokens.extend(aimed_at)
    if trigger.type == "AGREE" and (nominal := signing_nominal(token)) is not None:
        # "the signing of the accord by Chile and Bolivia", "welcomed the signing by X and Y of
        # a declaration": who signed made it (not who welcomed the signing)
        tokens.extend(t for p in signers_of(nominal) for t in _subtree_without_clauses(p))
    if trigger.type == "CONSULT" and token.dep_ == "nsubj" and _brings_together(token.head):
        # "The summit, which began on Wednesday, brought together the leaders of Fiji, Samoa
        # and Tonga": whom a gathering brought together took part in it
        tokens.extend(
            t
            for obj in token.head.children
            if obj.dep_ == "dobj"
            for member in (obj, *obj.conjuncts)
            for t in _those_brought(member)
        )
    # A hyphenated compound such as "Russia-US talks" hangs its parts off the first word.
    tokens = [t for t in tokens if t.i not in trigger.tokens]
    # "The Moscow meeting came a week after ...": the subject's own city is where, not who
    # (a meeting's: "Beijing sanctions" are China's)
    venues = {
        t.i
        for c in token.children
        if c.dep_ == "compound"
        and c.i < token.i
        and (v := venue_in(c, index)) is not None
        # "the Doha agreement", "the Nairobi deal": a city names where it was made
        and (trigger.type == "CONSULT" or (trigger.type == "AGREE" and a_city(v)))
        for t in v.subtree
    }
    tokens = [t for t in tokens if t.i not in venues]
    owners = _name_oppositions(tokens, index)
    if trigger.type != "CONSULT":
        owners |= _others_whose_other_side(tokens)
    sides = _clusters_in([t for t in tokens if t.i not in owners], index)
    if trigger.kind == "visit":
        sides = [c for c in sides if not _a_named_facility(c)]
    if not sides and trigger.type == "CONSULT":
        verb = trigger.governor or trigger.token
        as_subject = acted_as_a_pair(trigger)
        if as_subject and verb.pos_ != "VERB" and token.dep_ == "pobj":
            verb = token.head.head  # the verb the call or talks are the setting of
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        counted = _counted_group(subject) if verb.pos_ == "VERB" else None
        if token.pos_ == "NOUN" and not as_subject and (of := _of_phrase_object(token)):
            # "a meeting of the foreign ministers of the three countries": theirs
            counted, subject = _counted_group(of), None
        if counted is not None and counted[0] is not subject:
            # "the foreign ministers of the two countries met": the countries are the sides
            sides = _pair_named_before(counted[0], index, count=counted[1])
        elif counted is not None and counted[1] > 2 and subject is not None:
            sides = _pair_named_before(subject, index, count=counted[1])  # "the three leaders"
        elif (pair := subject if as_subject else _between_a_pair(token)) is not None:
            sides = _pair_named_before(pair, index, only_before=not as_subject)
    elif trigger.type == "AGREE" and (signing := trigger.governor or token).pos_ == "VERB":
        # "the document the two leaders signed alongside Trump": the two named before, beside
        # whoever else the clause names
        subject = next((c for c in signing.children if c.dep_ == "nsubj"), None)
        if (
            subject is None
            and signing.dep_ == "acl"
            and not any(c.dep_ == "agent" for c in signing.children)
        ):
            # "the document the two leaders signed ...", parsed as leaders who were signed
            subject = signing.head
        counted = _counted_group(subject)
        signed = {t.i for t in signing.subtree}
        if (
            subject is not None
            and counted is not None
            and not _clusters_in([t for t in subject.subtree if t.i not in signed], index)
        ):
            named = _pair_named_before(counted[0], index, count=counted[1])
            sides = named + [c for c in sides if c not in named]
    return sides, group


# Verbs a gathering does to those who attend it ("the summit gathered leaders of ...").
GATHERING_VERBS = frozenset({"gather", "assemble", "convene", "unite"})


def _visitor_set_off(visit: Token) -> list[Token]:
    """ "The plan was welcomed by Brazilian President Lula da Silva, on an official visit to
    Peru, and ...": the person the visit phrase is set off after by a comma is the visitor,
    wherever the parser hung the phrase."""
    prep = visit.head
    if visit.dep_ != "pobj" or prep.lower_ != "on" or prep.i < 2:
        return []
    comma, name = visit.doc[prep.i - 1], visit.doc[prep.i - 2]
    if comma.text != "," or name.ent_type_ != "PERSON" or name.dep_ == "compound":
        return []
    # only the one who acts ("by X", X as subject): not the one acted on or spoken of
    # ("criticised Putin, on a visit to Hanoi", "praised Mandela, on a visit to Robben Island")
    acting = name.head if name.dep_ == "appos" else name
    if not (
        acting.dep_ in ("nsubj", "nsubjpass")
        or (acting.dep_ == "pobj" and acting.head.lower_ == "by")
    ):
        return []
    return [t for t in name.subtree if t.i < comma.i]


def _those_brought(member: Token) -> list[Token]:
    """The words naming one of those a gathering brought together: a name ("Fiji") or the people
    of a side ("the leaders of Fiji, Samoa and Tonga"), not what a phrase is about ("critics of
    China's policy")."""
    if member.lemma_.lower() in OBSERVER_ROLES:
        return []
    if member.ent_type_:
        return [t for t in member.subtree if t.ent_iob_ != "O" and t.ent_type_ == member.ent_type_]
    if member.lemma_.lower() not in PAIR_NOUNS:
        return []
    return [t for t in _of_phrase_objects(member) if t.ent_type_]


def _brings_together(verb: Token) -> bool:
    """ "brought together", "drew together", "gathered", "convened": what a gathering does to
    those who come to it."""
    if verb.pos_ != "VERB":
        return False
    if lemma_of(verb) in ("bring", "draw"):
        return any(c.lower_ == "together" for c in verb.children)
    return lemma_of(verb) in GATHERING_VERBS


def _named_target(noun: Token) -> list[Token]:
    """A target noun and the words naming it ("Iran's nuclear sites", "Belarus and Russia"),
    without its own phrases ("the streets of Tbilisi", "campuses across the United States")."""
    words = [noun]
    for child in noun.children:
        if child.dep_ in ("compound", "amod", "poss", "nmod", "appos"):
            words.extend(child.subtree)
        elif child.dep_ == "conj":
            words.extend(_named_target(child))
    return words


def _mediated(verb: Token, with_: Token) -> bool:
    """ "The deal was mediated by Qatar together with Egypt": the "with" phrase beside the
    mediator names more mediators (not "Oman hosted talks with Iran", whose guest took part)."""
    return (
        lemma_of(verb) in MEDIATION_WORDS
        and any(c.dep_ == "agent" for c in verb.children)
        and any(c.lower_ in ("together", "along", "jointly") for c in with_.children)
    )


def _guests_received_for(token: Token, verb: Token) -> bool:
    """ "Biden hosted Suga, Modi and Morrison for the talks": a leader receiving named guests for
    talks sits at them too (unlike a host of "talks between" others, or a country hosting two
    sides, "Oman hosted Iran and the United States for the talks": a mediator)."""
    host = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return (
        host is not None
        and host.ent_type_ == "PERSON"
        and token.dep_ == "pobj"
        and token.head.lower_ == "for"
        and token.head.head.i == verb.i
        and any(c.dep_ == "dobj" and c.ent_type_ in ("PERSON", "GPE") for c in verb.children)
    )


# Verbs of giving a meal for a guest ("hosted a working lunch for X", "gave a dinner for X").
GIVING_VERBS = frozenset({"host", "give", "throw", "offer"})
# Words for those a meal may be given for, besides the role words of the frames.
GUEST_WORDS = frozenset(
    "delegation delegate guest visitor official diplomat negotiator lawmaker mayor team side "
    "representative member".split()
)
# The meals a sitting is held over ("a working lunch").
MEALS = frozenset({"lunch", "dinner", "breakfast", "luncheon"})


def _guests_hosted_for(trigger: Trigger) -> list[Token]:
    """ "Boric hosted a working lunch for President Boluarte", "for the Peruvian delegation": the
    guests a meal was given for sat at it with the host (a cause it was given for names no one:
    "for peace")."""
    token = trigger.token
    if trigger.type != "CONSULT" or token.lower_ not in MEALS or token.dep_ != "dobj":
        return []
    if lemma_of(token.head) not in GIVING_VERBS:
        return []
    people = load_frames().person_objects | GUEST_WORDS
    return [
        t
        for guest in objects_of(token, "for")
        # a guest, not an occasion ("for the anniversary of the treaty")
        if guest.ent_type_ == "PERSON" or guest.lemma_.lower() in people
        for t in _subtree_without_clauses(guest)
    ]


def _hosted_at(trigger: Trigger, verb: Token) -> bool:
    """A summit or conference at which the verb's subject hosted its object."""
    token = trigger.token
    return (
        trigger.kind in GATHERING_KINDS
        and token.dep_ == "pobj"
        and token.head.lower_ in ("at", "for")
        and token.head.head.i == verb.i
        and lemma_of(verb) in ("host", "receive", "welcome", "gather", "convene")
    )


def _addressed_in(trigger: Trigger, verb: Token) -> bool:
    """The trigger is a call naming no side of its own in which the verb's speaker addressed its
    object: "told Biden during a phone call", "told Prince William during a courtesy call".
    Talks, and a call with someone named ("in a call
    with his French counterpart, Rubio warned Iran"), are left alone: the one warned need not be
    on it."""
    token = trigger.token
    if trigger.type != "CONSULT" or token.pos_ not in ("NOUN", "PROPN") or verb.i == token.i:
        return False
    if token.dep_ != "pobj" or token.head.lower_ not in ("in", "during"):
        return False
    if lemma_of(verb) not in ADDRESSING_VERBS:
        return False
    # "in a call with his French counterpart, Rubio warned Iran": the call names its other side;
    # "during talks in Jeddah, Rubio urged Russia": who is urged at talks need not be there
    called = trigger.kind == "phone_call" or token.lemma_.lower() == "call"  # a courtesy call
    return called and not _own_sides(token)


# Entities a list of sides may mix: states, their bodies and international bodies.
_LISTED_SIDES = frozenset({"GPE", "ORG", "NORP"})


def _a_list_misread(node: Token, appos: Token) -> bool:
    """The appositive is the next item of a list of sides the parser misread ("Türkiye, the UN,
    Russia and Ukraine signed"): states or bodies, the appositive going on with a conjunct
    after "and" or "or". A description of a person ("Sisi, Emir of Qatar") or a single
    appositive ("Nigeria, ECOWAS's chair") is no list."""
    if node.ent_type_ not in _LISTED_SIDES or appos.ent_type_ not in _LISTED_SIDES - {"NORP"}:
        return False
    items = [appos]
    while (nxt := next((c for c in items[-1].children if c.dep_ == "conj"), None)) is not None:
        items.append(nxt)
    joined = any(c.dep_ == "cc" and c.lower_ in ("and", "or") for t in items for c in t.children)
    return len(items) >= 2 and joined and all(t.ent_type_ in _LISTED_SIDES for t in items)


def _after_a_noun_of_a_circumstance(appos: Token) -> bool:
    """The appositive follows, after a comma, a noun in a phrase of circumstance on the verb
    ("was named after two late leaders, X and Y", "comes in accordance with the directive of the
    Custodian, King Salman"): it is that noun's, not the subject's. Not after a colon or a dash,
    nor in a phrase naming who acted or whom ("signed by the two ministers, X and Y", "met on
    Monday, X and Y")."""
    doc = appos.doc
    i = appos.left_edge.i - 1
    if i < 0 or doc[i].text != ",":
        return False
    i -= 1
    if i < 0 or doc[i].pos_ not in ("NOUN", "PROPN"):
        return False
    node, top = doc[i], None
    while node.head.i != node.i and node.pos_ != "VERB":
        if node.dep_ == "prep" and node.head.pos_ == "VERB":
            top = node
        node = node.head
    if top is None:
        return False
    return top.lower_ not in load_frames().argument_preps | {"by", "at", "during"}


def _of_phrase_objects(node: Token) -> list[Token]:
    """The words of what the node's "of" phrases name ("out of Mali", "under the chairmanship
    of Egypt")."""
    return [
        t
        for of in node.children
        if of.dep_ == "prep" and of.lower_ == "of"
        for pobj in of.children
        if pobj.dep_ == "pobj"
        for t in _subtree_without_clauses(pobj)
    ]


def _beside_as_a_go_between(verb: Token) -> bool:
    """ "signed the truce alongside Qatari mediators", "alongside Trump, who acted as witness":
    who stands beside the signers to broker, witness or observe is no side."""
    return any(
        t.lemma_.lower() in _GO_BETWEEN_WORDS
        for prep in verb.children
        if prep.dep_ == "prep" and prep.lower_ == "alongside"
        for t in prep.subtree
    )


# Words of those beside a signing who are not parties to it.
_GO_BETWEEN_WORDS = frozenset(
    {
        "mediator",
        "mediate",
        "observer",
        "observe",
        "witness",
        "broker",
        "guarantor",
        "facilitator",
        "facilitate",
        "host",
    }
)


def _proposed_in_a_call(trigger: Trigger, verb: Token, obj: Token) -> bool:
    """A meeting proposed during a call naming no side of its own: the one it is proposed with
    was spoken to."""
    token = trigger.token
    return (
        trigger.kind == "phone_call"
        and token.pos_ in ("NOUN", "PROPN")
        and token.dep_ == "pobj"
        and token.head.lower_ in ("in", "during")
        and lemma_of(verb) in PROPOSING_VERBS
        and obj.i != token.i
        and load_lexicon()[0].get(obj.lemma_.lower()) is not None
        and not _own_sides(token)
        # "during a video call of EU leaders": a call with sides of its own
        and not any(
            c.dep_ == "prep" and c.lower_ in ("of", "with", "among") for c in token.children
        )
        # one person proposed with ("a meeting with Putin and Zelensky": which was on it?)
        and sum(
            1
            for prep in obj.children
            if prep.dep_ == "prep" and prep.lower_ == "with"
            for p in prep.subtree
            if p.ent_type_ == "PERSON" and p.dep_ in ("pobj", "conj")
        )
        == 1
    )


# Spans of time talks fill: "emerged from a marathon day of talks" came out of the talks.
SPELL_NOUNS = frozenset({"day", "night", "week", "round", "session", "hour", "marathon"})


def _emerged_from(token: Token) -> Token | None:
    """The verb of coming out of the talks the noun names: "came out of the meeting with Rubio",
    "emerged from talks with Xi", "emerged from a marathon day of security talks"."""
    if token.dep_ != "pobj":
        return None
    prep = token.head
    if prep.lower_ == "of" and prep.head.lemma_.lower() in SPELL_NOUNS and prep.head.dep_ == "pobj":
        token, prep = prep.head, prep.head.head
    if prep.lower_ == "from" and lemma_of(prep.head) in EMERGING_VERBS:
        return prep.head
    if (
        prep.lower_ == "of"
        and prep.head.lower_ == "out"
        and lemma_of(prep.head.head) in EMERGING_VERBS
    ):
        return prep.head.head
    return None


def _between_a_pair(token: Token) -> Token | None:
    """The pair talks are held between, counted and not named: "a summit between the two
    countries' leaders", "talks between the two sides"."""
    for prep in token.children:
        if prep.dep_ != "prep" or prep.lower_ != "between":
            continue
        for pobj in prep.children:
            counted = _counted_group(pobj) if pobj.dep_ == "pobj" else None
            if counted is not None and counted[1] == 2:
                return pobj
    return None


def _pair_named_before(
    phrase: Token, index: EntityIndex, only_before: bool = False, count: int = 2
) -> list[Cluster]:
    """ "Sheinbaum said Trump had agreed to a pause, after the two leaders spoke by telephone":
    the two are the two people named before the phrase in the sentence, when it names exactly
    two people of two countries (or, naming no one, exactly two countries); else the two the
    sentence before names. With `only_before`, the sentence before only, and only when the
    phrase's own sentence names no one ("thanked Iraq and Oman for hosting dialogue between the
    two countries": the hosts are not the two)."""
    # "the foreign ministers of the two countries": countries, never the two leaders named
    kinds = ("country",) if phrase.lemma_.lower() in COUNTRY_NOUNS else ("person", "country")
    sent = phrase.sent
    # "a summit in New Delhi between the two countries' leaders": New Delhi is where, not who
    where = {
        w.i
        for t in sent
        if t.dep_ == "pobj" and t.head.lower_ in ("in", "at", "to")
        for w in t.subtree
    }
    before = [t for t in sent if t.i < phrase.left_edge.i and t.i not in where]
    named = [c for c in _clusters_in(before, index) if c.kind in ("person", "country")]
    if named and only_before:
        return []
    start = sent.start
    while start > 0 and sent.doc[start - 1].is_space:
        start -= 1  # a paragraph break is no sentence
    # "the two leaders", not "the two foreign ministers" (others than the two named); a place
    # or day hung on the phrase qualifies no one ("a meeting of the two leaders in Washington")
    bare = not any(
        c.dep_ in ("amod", "compound") or (c.dep_ == "prep" and c.lower_ not in ("in", "at", "on"))
        for c in phrase.children
    )
    told_before = not named and start > 0 and bare
    if told_before:
        # "X and Y agreed on Monday to ... . The two leaders met at State House": the pair is
        # the one the sentence before names; "the negotiation process between Iran and the
        # IAEA began in June with Egypt's facilitation. The two sides agreed ...": the sides
        # its "between" phrase names
        before = list(sent.doc[start - 1].sent)
        between = _sides_between_in(before, index)
        if len(between) == count and not _coordinated_subject_pair(sent.doc[start - 1].sent, index):
            return between
        named = _clusters_in(before, index)
    for kind in kinds:
        # a lone word the tagger called a person, of no known country ("the Fukushima water
        # row" in a headline), is no one to count
        pair = [
            c
            for c in named
            if c.kind == kind and (kind != "person" or c.country or len(c.name.split()) > 1)
        ]
        countries = {
            c.code if c.kind == "country" else (c.country and c.country.code) for c in pair
        }
        if len(pair) == count and (
            kind == "country" or (len(countries) == count and None not in countries)
        ):
            return pair
        if count > 2 and kind == "country" and told_before:
            # "X, Y and Z agreed on ..., said a statement by the three countries, the US and
            # the World Bank. ... the ministers of the three countries": the subject's three
            return _coordinated_subject_countries(sent.doc[start - 1].sent, index, count)
        if count > 2:
            continue  # "the three countries": three named, or no one known
        if len(pair) > 2 and kind == "person" and told_before:
            # "Biden and Putin agreed ..., as Biden pressed him on Navalny's arrest. ... the two
            # leaders": the pair the sentence before has for its subject
            subject = _coordinated_subject_pair(sent.doc[start - 1].sent, index)
            if subject:
                return subject
        if len(pair) == 1 and kind == "person" and told_before:
            # "X and Japan's Y agreed ... . X became the first ... to visit Japan. The two
            # leaders held talks": one of them named just before, the last two people named
            last = [c for t in _last_two_named(phrase, index) if (c := index.cluster_of(t))]
            return last if pair[0] in last else []
        if pair:
            return []  # more people than two, or two of one country: which two is not known
    return []


def _past_the_reporter(root: Token) -> Token:
    """The clause a sentence reports ("X told Y ..., the Kremlin said": "told"), else its root."""
    reported = next((c for c in root.children if c.dep_ == "ccomp"), None)
    if reported is not None and verb_lemma(root) in load_frames().reporting:
        return reported
    return root


def _coordinated_subject_pair(sent: Span, index: EntityIndex) -> list[Cluster]:
    """The two people of two countries a sentence's main subject coordinates ("President Joe
    Biden and Russian President Vladimir Putin agreed ..."), else none."""
    # "X and Y have decided to ..., Foreign Secretary Z said": the pair is the one the reported
    # clause has for its subject, not the one who reports it
    root = _past_the_reporter(sent.root)
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return []
    people = [
        c
        for c in _clusters_in(_subtree_without_clauses(subject), index)
        if c.kind == "person" and c.country is not None
    ]
    if len(people) == 2 and people[0].country != people[1].country:
        return people
    return []


def _receiving_host(guest: Token) -> list[Token]:
    """Who received, welcomed or hosted a passive subject ("Modi was received by Xi"): the words
    of the "by" phrase, or none."""
    verb = guest.head
    if guest.dep_ != "nsubjpass" or lemma_of(verb) not in ("receive", "welcome", "host", "greet"):
        return []
    return [
        t
        for agent in verb.children
        if agent.dep_ == "agent"
        for pobj in agent.children
        if pobj.dep_ == "pobj"
        for t in _subtree_without_clauses(pobj)
    ]


def _sides_between_in(tokens: list[Token], index: EntityIndex) -> list[Cluster]:
    """The sides the words' one "between" phrase on talks names ("the negotiation process
    between Iran and the IAEA"), or none when they have no such phrase or more than one (not
    "the dispute between Serbia and Kosovo": what the talks were about)."""
    nouns = load_lexicon()[0]
    phrases = [
        t
        for t in tokens
        if t.dep_ == "prep"
        and t.lower_ == "between"
        and any(type_ == "CONSULT" for type_, _, _ in nouns.get(t.head.lemma_.lower(), []))
    ]
    if len(phrases) != 1:
        return []
    sides: list[Cluster] = []
    for pobj in (c for c in phrases[0].children if c.dep_ == "pobj"):
        for node in (pobj, *(c for c in pobj.conjuncts)):
            cluster = next(
                (c for t in _subtree_without_clauses(node) if (c := index.cluster_of(t))), None
            )
            if cluster is not None and cluster not in sides:
                sides.append(cluster)
    return sides


def _coordinated_subject_countries(sent: Span, index: EntityIndex, count: int) -> list[Cluster]:
    """The `count` countries a sentence's main subject coordinates ("Egypt, Ethiopia and Sudan
    have agreed ..."), else none."""
    root = _past_the_reporter(sent.root)
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return []
    countries = [
        c for c in _clusters_in(_subtree_without_clauses(subject), index) if c.kind == "country"
    ]
    return countries if len(countries) == count else []


def convened_body(trigger: Trigger, sides: list[Cluster]) -> Cluster | None:
    """The body among `sides` whose members met as the body: it names the meeting ("the G7
    meeting"), met itself ("the G7 met"), or qualifies the plural of those who met ("the G7
    foreign ministers met", "a gathering of BRICS leaders"). Its head meeting someone ("NATO's
    secretary general met X", "NATO chief Y met X") is not the body meeting: two members met
    that way on two days are two meetings, while one body's meeting told by two outlets, each
    naming the member it cares about, is one (see identity)."""
    if trigger.type != "CONSULT" or trigger.kind not in TALK_KINDS:
        return None
    token = trigger.token
    gathered: list[Token] = []  # the words for who met, or the meeting itself
    if token.pos_ in ("NOUN", "PROPN"):
        gathered.append(token)
        gathered.extend(
            pobj
            for prep in token.children
            if prep.dep_ == "prep" and prep.lower_ in ("of", "among")
            for pobj in prep.children
            if pobj.dep_ == "pobj"
        )
    verb = token if token.pos_ == "VERB" else trigger.governor
    if verb is not None:
        gathered.extend(c for c in verb.children if c.dep_ == "nsubj")
    for cluster in sides:
        body = name_key(organization_name(cluster.name) or cluster.name)
        if cluster.kind != "organization" or not organization_members(body):
            continue
        for word in gathered:
            if word.i in cluster.tokens and word is not token:
                return cluster  # "the G7 met", "a meeting of NATO"
            plural = word is token or word.tag_ in ("NNS", "NNPS")
            if plural and any(
                c.dep_ in ("compound", "nmod", "amod", "poss")
                and any(t.i in cluster.tokens for t in c.subtree)
                for c in word.children
            ):
                return cluster
    return None


# Who goes along with a side named ("Canada and its allies"): no side of their own to show.
COMPANION_NOUNS = frozenset({"ally", "partner", "neighbour", "neighbor", "supporter", "backer"})


def _its_companions(noun: Token) -> bool:
    """ "Canada and its allies accused China": the allies of the side named, not another side."""
    return noun.lemma_.lower() in COMPANION_NOUNS and any(
        c.dep_ == "poss" and c.lower_ in ("its", "their", "his", "her") for c in noun.children
    )


def names_an_unknown_side(trigger: Trigger, index: EntityIndex, sides: int) -> bool:
    """The clause names a side Briefbot cannot resolve beside one it can ("the Houthi movement and
    the government agreed", "talks between Ghana and the rebels"), or acts through a pronoun it
    could not resolve on a side it names ("it will meet Sudan", with `sides` found only one):
    the event shown would miss a side, so it is not sure."""
    token = trigger.token
    verb = trigger.governor or (token if token.pos_ == "VERB" else None)
    heads: list[Token] = []
    if verb is not None:
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None and verb.pos_ == "VERB":
            subject = _subject_of(verb)
        # "the summit meeting and talks were held": the subject is the gathering, no side
        if subject is not None and subject.i != token.i:
            heads += index.beside_the_dateline(subject)
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ in ("between", "among"):
            heads += [c for c in prep.children if c.dep_ == "pobj"]
    for head in heads:
        conjuncts = _conjuncts(head)
        if len(conjuncts) >= 2 and not all(
            _resolved(c, index) or _a_title_of_the_next(c, conjuncts, index) or _its_companions(c)
            for c in conjuncts
        ):
            return True
    if (
        sides < 2
        and verb is not None
        and trigger.type not in ("CONSULT", "AGREE")
        and (
            any(c.dep_ == "nsubjpass" for c in verb.children)
            # "Castillo, who was removed and arrested in 2022": the passive shared
            or (
                verb.dep_ == "conj"
                and not any(c.dep_ in ("nsubj", "agent") for c in verb.children)
                and any(c.dep_ == "nsubjpass" for c in verb.head.children)
            )
        )
        and not any(
            c.dep_ == "agent"
            # an attack or a seizure by gunmen is told by whom it struck; criticism by
            # "members" is not
            and (
                trigger.type in load_frames().physical | {"COERCE"}
                or any(p.dep_ == "pobj" and _resolved(p, index) for p in c.children)
            )
            for c in verb.children
        )
    ):
        # "Syria's membership was suspended", "the trip was criticised by members of his own
        # coalition": who did it is not told, or told as no side an entity stands for
        return True
    if (
        sides < 2
        and verb is not None
        and any(c.dep_ == "dobj" and c.lower_ in ("him", "her", "them") for c in verb.children)
    ):
        return True  # "Ramirez congratulated him": on whom is not resolved
    if (
        sides < 2
        and trigger.type == "CONSULT"
        and token.pos_ == "VERB"
        and any(
            c.dep_ == "dobj" and c.pos_ == "NOUN" and not _resolved(c, index)
            for c in token.children
        )
    ):
        return True  # "Trump hosted the leaders of five Caribbean nations": whom is not named
    if sides >= 2 or verb is None or not heads:
        return False
    subject = heads[0]
    relative = subject.tag_ in ("WDT", "WP") and subject.head.dep_ == "relcl"
    if relative:  # "countries that have recognised Palestine": who acted is the antecedent
        subject = subject.head.head
    if subject.pos_ == "PRON":  # "it will meet Sudan" (a resolved "he warned" names its side)
        return (
            _partner(verb, token)
            and subject.tag_ not in ("WP", "WDT")
            and subject.lower_ not in ("both", "we", "i")
        )
    # the one side named is not who acted ("Arab leaders called for UN peacekeepers")
    # "Opposition senators urged X", "negotiators will meet Y": people of no named side
    return (
        subject.pos_ == "NOUN"
        and (subject.dep_ == "nsubj" or relative)
        # "both sides agreed": the sides of linked talks; "countries that recognised X": others
        and (relative or subject.lemma_.lower() not in GROUP_WORDS)
        # "the two leaders", "both ministers": people the article has already named
        and not any(c.dep_ == "nummod" or c.lower_ == "both" for c in subject.children)
        and not _resolved(subject, index)
    )


# Prepositions whose object is what an act is done to ("sanctions on X", "a threat against X").
TARGET_PREPS = frozenset({"to", "against", "on", "upon", "into", "toward", "towards"})
# Acts aimed at someone, whose noun names its target with "on" or "against" ("sanctions on
# Iran", "an attack on Kyiv", "threats against Taiwan", "protests against France").
TARGETED_TYPES = frozenset({"SANCTION", "COERCE", "ASSAULT", "THREATEN", "ACCUSE", "PROTEST"})
# Acts of two sides together: a side in the object's place did it as much as the subject.
MUTUAL_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE"})


def acted_as_a_pair(trigger: Trigger) -> bool:
    """The act's subject counts two people or sides the article named before ("the two leaders
    commended Qatar", "both ministers condemned ..."): who they are comes from the talks told."""
    subject = _acting_subject(trigger)
    if subject is not None and any(c.dep_ == "det" and c.lower_ == "the" for c in subject.children):
        if subject.lemma_.lower() in ("pair", "duo") or (
            subject.lower_ == "two" and subject.pos_ == "NUM"
        ):
            return True  # "as the pair met in Beijing", "the two spoke by phone"
    counted = _counted_group(subject)
    return counted is not None and counted[1] == 2


def _acting_subject(trigger: Trigger) -> Token | None:
    """The subject of the verb an act is told by, or of the verb whose setting "their" act is."""
    token = trigger.token
    verb = trigger.governor or (token if token.pos_ == "VERB" else None)
    if (
        verb is None
        and token.dep_ == "pobj"
        and token.head.lower_ in ("in", "during")
        and token.head.head.pos_ == "VERB"
        and any(c.dep_ == "poss" and c.lower_ == "their" for c in token.children)
    ):
        # "In their first call ..., the two leaders discussed ...": their call (not "During the
        # meeting, both sides agreed", of a meeting told before)
        verb = token.head.head
    if verb is None:
        return None
    return next((c for c in verb.children if c.dep_ == "nsubj"), None)


# Words counting countries, not their people ("the two countries", "both nations").
COUNTRY_NOUNS = frozenset({"country", "nation", "state", "government"})
# How many sides a counted group is ("the two leaders", "the three countries").
SIDE_COUNTS = {"two": 2, "both": 2, "three": 3, "four": 4, "five": 5}


def _of_phrase_object(noun: Token) -> Token | None:
    """The object of a noun's "of" phrase ("a meeting of the two leaders": leaders)."""
    return next(iter(objects_of(noun, "of")), None)


def _counted_group(subject: Token | None) -> tuple[Token, int] | None:
    """The words that count the sides a subject stands for, and how many: "the two leaders",
    "both ministers", "the three countries", and whose people a subject names ("the foreign
    ministers of the two countries", "the two countries' ministers")."""
    if subject is None:
        return None
    nodes = [subject]
    if subject.lemma_.lower() in PAIR_NOUNS:
        nodes += [c for c in subject.children if c.dep_ == "poss"]
        nodes += [p for p in (_of_phrase_object(subject),) if p is not None]
    for node in nodes:
        plural = node.tag_ == "NNS" or (node.tag_ == "NNPS" and node.lower_.endswith("s"))
        # "The two Ministers met": the tagger takes a capitalised title for a name
        if not plural or (
            node.lemma_.lower() not in PAIR_NOUNS and node.lower_[:-1] not in PAIR_NOUNS
        ):
            continue
        # "two Russian drones", "both Democratic senators": others than the sides told
        if any(c.ent_type_ for c in node.children if c.dep_ in ("amod", "compound")):
            continue
        for c in node.children:
            count = SIDE_COUNTS.get(c.lower_)
            if count is not None and (c.dep_ == "nummod" or c.lower_ == "both"):
                return node, count
    return None


# Words for the two people or sides of talks just told ("the two leaders", "both sides").
PAIR_NOUNS = frozenset(
    {
        "leader",
        "president",
        "minister",
        "side",
        "country",
        "nation",
        "head",
        "counterpart",
        "man",
        "government",
        "delegation",
        "premier",
        "chancellor",
    }
)


def only_targets_named(trigger: Trigger, sides: list[Cluster]) -> bool:
    """Every side found is what the act was done to ("a statement backing Guyana", "curbs
    imposed on South Korea", "closed the Russian consulate"): who did it is not told, and the
    side alone would read as the one who acted."""
    if trigger.type in MUTUAL_TYPES or not sides:
        return False
    token = trigger.token
    targets: set[int] = set()
    for node in (token, trigger.governor):
        if node is None:
            continue
        for child in node.children:
            if child.i == token.i:
                continue
            if node.pos_ in ("VERB", "AUX") and child.dep_ in ("dobj", "dative"):
                targets.update(t.i for t in _subtree_without_clauses(child))
            elif child.dep_ == "prep" and child.lower_ in TARGET_PREPS:
                targets.update(
                    t.i
                    for pobj in child.children
                    if pobj.dep_ == "pobj"
                    for t in _subtree_without_clauses(pobj)
                )
    if _obligation(trigger):  # "Peru must withdraw": what is demanded of Peru
        node = trigger.governor or trigger.token
        for subject in (c for c in node.children if c.dep_ == "nsubj"):
            targets.update(t.i for t in _subtree_without_clauses(subject))
    return all(targets & cluster.tokens for cluster in sides)


def _obligation(trigger: Trigger) -> bool:
    """A demand told as what someone must do ("Peru must withdraw its troops")."""
    node = trigger.governor or trigger.token
    return (
        trigger.type == "REQUEST"
        and trigger.kind == "demand"
        and node.pos_ in ("VERB", "AUX")
        and any(c.dep_ == "aux" and c.lower_ in load_frames().obligation for c in node.children)
    )


def _partner(verb: Token, token: Token) -> bool:
    """The clause names who the act was done with or to: a "with" phrase or an object."""
    return any(
        (c.dep_ == "prep" and c.lower_ == "with") or (c.dep_ == "dobj" and c.i != token.i)
        for node in (verb, token)
        for c in node.children
    )


def _conjuncts(head: Token) -> list[Token]:
    out, stack = [], [head]
    while stack:
        node = stack.pop()
        out.append(node)
        stack += [c for c in node.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN")]
    return out


def _a_title_of_the_next(conjunct: Token, conjuncts: list[Token], index: EntityIndex) -> bool:
    """A title the parser made a conjunct of the person it belongs to ("Deputy Prime Minister and
    Minister of Foreign Affairs Ayman Safadi"): part of that person's name, not a side of its
    own."""
    if not any(span.start <= conjunct.i < span.end for span in index.title_spans):
        return False
    return any(
        other.i > conjunct.i
        and any(
            (cluster := index.cluster_of(t)) is not None and cluster.kind == "person"
            for t in _subtree_without_clauses(other)
            if t.dep_ not in ("conj", "cc")
        )
        for other in conjuncts
    )


def _resolved(conjunct: Token, index: EntityIndex) -> bool:
    """The conjunct's own phrase (without its conjuncts) names a person, country or body."""
    own = [
        c
        for c in conjunct.children
        if c.dep_ not in ("conj", "cc", "relcl")
        and not (c.dep_ in ("amod", "compound") and _backing(c))
        and not (c.dep_ == "poss" and conjunct.lemma_.lower() in OPPOSING_NOUNS)
    ]
    phrase = [conjunct, *(t for c in own for t in _subtree_without_clauses(c))]
    return any(
        (cluster := index.cluster_of(t)) is not None
        and (
            cluster.kind in ("person", "country", "organization")
            or (cluster.kind == "place" and cluster.country is not None)  # "Moscow" for Russia
        )
        for t in phrase
    )


# What one side puts to another to accept: its terms are not the sides of accepting it.
PROPOSAL_WORDS = frozenset({"proposal", "plan", "offer", "initiative", "proposition", "request"})

# Texts a side puts out, and its verbs of putting them out: "issued a statement warning Y".
ISSUED_TEXTS = frozenset({"statement", "communique", "declaration", "letter", "message", "note"})
ISSUING_VERBS = frozenset({"issue", "release", "publish", "send", "deliver", "put"})
# Participles of speaking after an occasion: their speaker was at it.
SPEAKING_PARTICIPLES = frozenset({"speak", "talk", "address"})

# Verbs of coming together whose "for" phrase is the sitting-down they came to.
COMING_VERBS = frozenset(
    {
        "sit",
        "meet",
        "gather",
        "arrive",
        "come",
        "convene",
        "assemble",
        "travel",
        "fly",
        "head",
    }
)


def _reporting_side(trigger: Trigger, index: EntityIndex) -> list[Token]:
    """ "Iran said talks with the United States were useful", "Iran said the latest round of
    talks with the United States ended": the side that tells of its own talks with another is
    the other side of them."""
    token = trigger.token
    if trigger.type != "CONSULT" or token.pos_ not in ("NOUN", "PROPN"):
        return []
    chain = _spans_of_talks(token)  # "the latest round of talks with Chile ended ..."
    phrase = chain[-1]
    if phrase.dep_ not in ("nsubj", "nsubjpass", "csubj") or phrase.head.dep_ != "ccomp":
        return []
    withs = [c for c in token.children if c.dep_ == "prep" and c.lower_ == "with"]
    if not withs or any(
        p.dep_ == "pobj" and any(c.dep_ == "conj" for c in p.children)
        for w in withs
        for p in w.children
    ):
        return []  # "talks with Iran and the US", told by the host: two sides named already
    if any(_not_the_tellers_own(node) for node in chain) or any(
        c.dep_ == "prep" and c.lower_ in ("of", "by") for c in token.children
    ):
        return []  # "Washington's talks with Moscow", "talks by the EU with China": not its own
    reporting = phrase.head.head
    if lemma_of(reporting) not in load_frames().reporting:
        return []
    subject = next((c for c in reporting.children if c.dep_ == "nsubj"), None)
    return _side_tokens(subject, index) if subject is not None else []


def _not_the_tellers_own(noun: Token) -> bool:
    """The noun names whose it is ("Samoa's round", "the American talks") or that there was
    none ("no round of talks")."""
    return any(
        (c.dep_ in ("poss", "compound") and c.lower_ not in ("its", "their"))
        or (c.dep_ == "amod" and c.ent_type_ in ("NORP", "GPE"))
        or (c.dep_ == "det" and c.lower_ == "no")
        for c in noun.children
    )


def _spans_of_talks(token: Token) -> list[Token]:
    """The talks and the measures of them the phrase names, innermost first: "talks" and
    "round" in "the latest round of talks", "two days of talks" (not "reports of talks", "a
    critic of talks"). The last plays the phrase's part in the clause."""
    chain = [token]
    while (outer := measured(chain[-1])) is not chain[-1] and len(chain) < 4:
        chain.append(outer)
    return chain


GROUP_COUNTS = frozenset({"two", "three", "four", "five", "all"})


def exhorts_itself(trigger: Trigger, index: EntityIndex) -> bool:
    """ "Xi said Beijing and Berlin should work together", "the two neighbours should return to
    the right path", "we must act": what the teller's own side should do is an exhortation,
    not a demand on another."""
    if not _obligation(trigger):
        return False
    node = trigger.governor or trigger.token
    subject = next((c for c in node.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return False
    if subject.lower_ == "we":
        return True
    # "both sides", "the two neighbours", "the three countries": a group the teller is one of
    pair = subject.lower_ == "both" or any(
        (c.dep_ == "nummod" and c.lower_ in GROUP_COUNTS) or c.lower_ == "both"
        for c in subject.children
    )
    if node.dep_ not in ("ccomp", "parataxis"):
        return pair and not _clusters_in(_subtree_without_clauses(subject), index)
    saying = node.head
    teller = next((c for c in saying.children if c.dep_ == "nsubj"), None)
    if teller is None and saying.dep_ == "pcomp" and saying.head.lower_ == "as":
        # "media quoted Xi as saying that ...": the one quoted
        teller = next((c for c in saying.head.head.children if c.dep_ == "dobj"), None)
    elif teller is None and saying.tag_ == "VBG" and saying.dep_ in ("advcl", "conj"):
        # "..., saying that ...": the participle's clause's subject
        teller = next((c for c in saying.head.children if c.dep_ == "nsubj"), None)
    if teller is None:
        return False
    told_by = _clusters_in(_side_tokens(teller, index), index)
    tellers = {_side_key(c) for c in told_by}
    subjects = {_side_key(c) for c in _clusters_in(_subtree_without_clauses(subject), index)}
    if pair and not subjects:
        # "the two neighbours should ...": the teller's own pair, unless a body tells it of
        # others ("both sides must show restraint, the EU said")
        return not any(c.kind == "organization" for c in told_by)
    return bool(tellers & subjects) and len(subjects) > 1


def _side_key(cluster: Cluster) -> str:
    """Who the cluster stands for: a person or a body counts as their country."""
    if cluster.kind == "country" and cluster.code:
        return cluster.code
    return cluster.country.code if cluster.country else cluster.name


def _demanding_side(trigger: Trigger, index: EntityIndex) -> list[Token]:
    """ "Chile said Peru must withdraw its troops": an obligation told by a side is that side's
    demand (on the clause's subject, found with the act's other arguments)."""
    node = trigger.governor or trigger.token
    if not _obligation(trigger) or node.dep_ not in ("ccomp", "parataxis"):
        return []
    subject = next((c for c in node.head.children if c.dep_ == "nsubj"), None)
    return _side_tokens(subject, index) if subject is not None else []


def _in_partnership(with_: Token) -> bool:
    """A "with" phrase after "in partnership", "in coordination" (the parser may hang both on
    the verb): who follows works alongside the talks."""
    before = [c for c in with_.head.children if c.dep_ == "prep" and c.i < with_.i]
    if not before or with_.i - before[-1].right_edge.i > 2:
        return False
    noun = next((c for c in before[-1].children if c.dep_ == "pobj"), None)
    return (
        before[-1].lower_ == "in" and noun is not None and noun.lemma_.lower() in PARTNERSHIP_NOUNS
    )


def _the_setting_of_an_act(trigger: Trigger) -> bool:
    """A gathering told as where an act was done ("At a summit in Brussels, the leaders called
    for the release of X"): who did it took part; whom it was done to or for did not."""
    token = trigger.token
    return (
        token.pos_ in ("NOUN", "PROPN")
        and trigger.kind in GATHERING_KINDS
        and token.dep_ == "pobj"
        and token.head.lower_ in ("at", "during")
    )


def _action_arguments(
    trigger: Trigger, index: EntityIndex, *, subject_only: bool = False
) -> list[Token]:
    """Who acted and on whom: the subject of the clause chain ("Norway is willing to send"),
    the objects and the target phrases ("to Great Britain", "against Serbia") of the verb
    (with `subject_only`, only who acted)."""
    node = trigger.governor or trigger.token
    if node.pos_ not in ("VERB", "AUX"):
        return []
    preps = load_frames().argument_preps
    if trigger.type == "AGREE" and not _beside_as_a_go_between(node):
        preps = preps | {"alongside"}  # "signed, alongside President Santos, the deal": co-signed
    tokens: list[Token] = []
    subject = _subject_of(node)
    if subject is not None and not (subject_only and _machines(subject)):
        tokens.extend(_side_tokens(subject, index))
    if subject_only:
        return tokens
    for child in node.children:
        if (
            child.dep_ == "dobj"
            and trigger.type == "AGREE"
            and child.lemma_.lower() in PROPOSAL_WORDS
        ):
            # "accepted a US proposal for a ceasefire with Russia": whose proposal it is, not
            # whom its terms name
            tokens.append(child)
            tokens.extend(
                t
                for c in child.children
                if (c.dep_ in ("poss", "compound", "amod", "nmod") and c.i < child.i)
                or (c.dep_ == "prep" and c.lower_ in ("from", "by"))  # "an offer by Turkey"
                for t in _subtree_without_clauses(c)
            )
        elif child.dep_ in ("dobj", "dative", "attr", "oprd") and child.i != trigger.token.i:
            tokens.extend(_subtree_without_clauses(child))
            tokens.extend(_the_two_named_before(child, subject, index))
        elif (child.dep_ == "prep" and child.lower_ in preps) or child.dep_ == "agent":
            if child.lower_ == "for" and _acts_on_someone(node):
                continue  # "blamed China for a hack of Microsoft Exchange": what for, no side
            for pobj in child.children:
                if (
                    pobj.dep_ == "pobj"
                    and pobj.lemma_.lower() not in OCCASION_FRAMES
                    and not _none_of(pobj)
                ):
                    # not "on the sidelines of the Andean summit": the occasion, not a side
                    tokens.extend(_subtree_without_clauses(pobj))
        elif child.dep_ == "prep" and child.lower_ == "out" and trigger.type == "RETREAT":
            tokens.extend(_of_phrase_objects(child))  # "pulled its troops out of Mali"
        elif (
            trigger.type == "AGREE"
            and trigger.kind == "agreement"
            and not _several(subject)
            and (
                child.dep_ == "xcomp"
                # "signed a treaty on Thursday to hand the islands to Mauritius"
                or (child.dep_ == "advcl" and any(c.lower_ == "to" for c in child.children))
            )
        ):
            # one side agreeing: with whom ("Chile and Peru agreed to sign a deal with Bolivia"
            # is their agreement about a deal still to come with a third); a deal signed "to
            # hand X to Y" only gives whom it hands to, and only when it names no partner
            if child.dep_ == "xcomp":
                tokens.extend(_partner_of_what_was_agreed(child))
            elif not _has_a_partner(node):
                tokens.extend(_recipient_of(child))
    return tokens


def _acts_on_someone(verb: Token) -> bool:
    """The verb's object names a side ("blamed China", "thanked him"): a "for" phrase after it
    gives the reason, not another side."""
    return any(
        c.dep_ == "dobj" and (c.ent_type_ in ("GPE", "NORP", "ORG", "PERSON") or c.pos_ == "PRON")
        for c in verb.children
    )


# What "both men", "the two leaders" call two people by.
PAIR_OF_PEOPLE = frozenset(
    {"man", "men", "leader", "leaders", "president", "presidents", "diplomat", "diplomats"}
)


def _the_two_named_before(phrase: Token, subject: Token | None, index: EntityIndex) -> list[Token]:
    """ "held calls with General X and General Y and urged both men to agree to a ceasefire":
    "both men", "the two leaders" naming no one are the two people the sentence named before,
    besides the one who acts (whatever their countries: two generals of one civil war)."""
    pair_word = phrase.lower_ == "both" or any(
        (c.dep_ == "det" and c.lower_ == "both") or (c.dep_ == "nummod" and c.lower_ == "two")
        for c in phrase.children
    )
    placed = {  # "the two leaders in Brussels": where, not who (unlike "of Estonia and Latvia")
        t.i
        for c in phrase.children
        if c.dep_ == "prep" and c.lower_ in ("in", "at", "on", "during")
        for t in c.subtree
    }
    if not pair_word or any(index.cluster_of(t) for t in phrase.subtree if t.i not in placed):
        return []
    if phrase.lower_ != "both" and phrase.lemma_.lower() not in PAIR_OF_PEOPLE:
        return []  # "urged the two sides": sides, not the two people named
    actor = index.resolve(subject) if subject is not None else None
    first: dict[int, Token] = {}
    countries: dict[int, Token] = {}
    for token in phrase.sent:
        if token.i >= phrase.left_edge.i:
            break
        if any(a.dep_ in ("advcl", "relcl") for a in token.ancestors if a.i < phrase.i):
            continue  # "after meeting Trump and Starmer, Macron urged ...": another clause's
        cluster = index.cluster_of(token)
        if cluster is not None and cluster.kind == "person" and cluster is not actor:
            first.setdefault(id(cluster), token)
        elif cluster is not None and cluster.kind == "country":
            countries.setdefault(id(cluster), token)
    if len(first) == 2:
        return list(first.values())
    if not first and not countries:
        # "the second conversation between the two diplomats", the sentence naming no one: the
        # last two people the article named, of two countries
        return _last_two_named(phrase, index)
    # "Kosovo and Serbia have agreed ..., Borrell said after a meeting with the two leaders":
    # no one named, the leaders of the two countries named
    # (one person named besides is who met them, when of neither country: "Pashinyan said
    # after a meeting with the two leaders" met others than Armenia's)
    codes = {c.code for t in countries.values() if (c := index.cluster_of(t)) is not None}
    met_by = [c for t in first.values() if (c := index.cluster_of(t)) is not None]
    if len(countries) != 2 or len(met_by) > 1 or any(country_code(p) in codes for p in met_by):
        return []
    return list(countries.values())


def _last_two_named(phrase: Token, index: EntityIndex) -> list[Token]:
    """The last two people named in the three sentences before `phrase`'s, when they are of two
    known countries ("Blinken and Lavrov emerged ... It was the second conversation between the
    two diplomats")."""
    doc = phrase.doc
    sents = [s for s in doc.sents if s.end <= phrase.sent.start][-3:]
    seen: dict[int, Token] = {}
    for sent in reversed(sents):
        for token in reversed(list(sent)):
            cluster = index.cluster_of(token)
            if cluster is not None and cluster.kind == "person" and id(cluster) not in seen:
                seen[id(cluster)] = token
        if len(seen) >= 2:
            break
    if len(seen) != 2:
        return []  # a third person named as recently: which two is not told
    tokens = list(seen.values())
    codes = [country_code(c) for t in tokens if (c := index.cluster_of(t)) is not None]
    return tokens if len(set(codes)) == 2 and None not in codes else []


def _has_a_partner(verb: Token) -> bool:
    """ "signed a defence pact with France": the deal names its partner."""
    heads = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
    return any(c.dep_ == "prep" and c.lower_ == "with" for h in heads for c in h.children)


def _none_of(noun: Token) -> bool:
    """ "meet with no Ukrainian at the table": no one of them takes part."""
    return any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children)


def _several(subject: Token | None) -> bool:
    """A subject naming two sides or more: "Chile and Peru", "the two countries", "both", "all
    four boycotting states"."""
    if subject is None:
        return False
    return (
        any(c.dep_ == "conj" for c in subject.children)
        or subject.tag_ in ("NNS", "NNPS")  # "all four boycotting states", "the two sides"
        or subject.lemma_.lower() in GROUP_WORDS
        or subject.lower_ in ("both", "they", "we")
    )


def _partner_of_what_was_agreed(agreed: Token) -> list[Token]:
    """ "Saudi Arabia agreed to restore ties with Qatar", "agreed to cooperate with the IAEA":
    whom the agreed act is done with is the other side of the agreement."""
    # the act's own "with", or its object's ("restore ties with Qatar", "sign a deal with Peru");
    # and whom a transfer goes to ("agreed to hand sovereignty of the islands to Mauritius")
    heads = [agreed, *(c for c in agreed.children if c.dep_ == "dobj")]
    # the name the phrase is, not names inside it ("help with the reconstruction of Syria")
    return [
        t
        for head in heads
        for prep in head.children
        if prep.dep_ == "prep" and prep.lower_ == "with"
        for pobj in prep.children
        if pobj.dep_ == "pobj"
        for t in (pobj, *(c for c in pobj.children if c.dep_ in ("compound", "flat", "conj")))
    ] + _recipient_of(agreed)


def _recipient_of(act: Token) -> list[Token]:
    """ "agreed to hand sovereignty of the islands to Mauritius": the country a transfer goes
    to (a country's own name; not "return to Cairo" for talks, "hand hostages to the Red Cross",
    "hand the suspects to The Hague")."""
    if lemma_of(act) not in TRANSFER_VERBS:
        return []
    obj = next((c for c in act.children if c.dep_ == "dobj"), None)
    if obj is None or obj.lemma_.lower() in ("favour", "favor", "visit", "call"):
        return []
    found = []
    for prep in (c for c in act.children if c.dep_ == "prep" and c.lower_ == "to"):
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            country = country_index().match(pobj.text)
            if country is not None and country.how in ("name", "alias"):
                found.append(pobj)
    return found


# Acts that hand something over: whom it goes to is the other side of the deal that does it.
TRANSFER_VERBS = frozenset({"hand", "cede", "transfer", "return", "give", "sell", "lease"})
