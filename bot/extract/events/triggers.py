"""Finding event triggers in a sentence and reshaping them by the verb that governs them and by
modality: "held talks" is a consultation, "lifted the curfew" a concession, "will send troops"
a pledge; negated, hypothetical and topical mentions are no events."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans
from spacy.vocab import Vocab

from bot.extract.countries import country_index
from bot.extract.entities import PRONOUNS_PERSON, entity_at, media_outlet
from bot.extract.events.lexicon import (
    AGENDA_VERBS,
    CALL_RECEIVING_VERBS,
    CALLER_ROLES,
    CASUALTY_WORDS,
    CHANNEL_PREPS,
    CIRCUMSTANCE_PREPS,
    CLOSING_OCCASIONS,
    CLOSING_VERBS,
    CONCLUDED_CUES,
    COUNTING_WORDS,
    COURTESY_REASONS,
    COURTESY_VERBS,
    DETENTION_WORDS,
    EMERGING_VERBS,
    FRAMING_PREPS,
    GATHERER_NOUNS,
    HOST_VERBS,
    HYPOTHETICAL_MARKS,
    IMPACT_VERBS,
    LABOUR_WORDS,
    MANDATIVE_VERBS,
    MEANS_NOUNS,
    MEASURE_NOUNS,
    MODALS,
    NAMING_VERBS,
    OBSERVING_VERBS,
    OPPOSED_MODIFIERS,
    OWN_RETREAT_WORDS,
    PHONE_WORDS,
    PLAN_WORDS,
    PLANNING_VERBS,
    POSSESSIVE_PRONOUNS,
    POSSIBILITY,
    POSSIBILITY_NOUNS,
    POSSIBLE_EVENTS,
    PRESS_ROLES,
    PREVENTING_VERBS,
    PRIVATE_PEOPLE,
    PROMISE_VERBS,
    REFLEXIVES,
    REPETITION_WORDS,
    SIDE_ENTITIES,
    SIGNED_TEXTS,
    SITTING_HOLD_VERBS,
    SPEAKING_VERBS,
    TALKS_OUTCOME_NOUNS,
    TOPIC_PREPS,
    TOPIC_VERBS,
    WANTING_VERBS,
    WEIGHING_VERBS,
    clause_subject,
    headline_infinitive,
    invited_to_a_place,
    invited_trip,
    is_definite,
    lemma_of,
    load_frames,
    load_lexicon,
    misread_subject,
    names_a_day,
    names_an_agreement,
    objects_of,
    occasion_kind,
    participle_patient,
    signers_of,
    signing_nominal,
    tells_of_talks,
    verb_lemma,
)
from bot.extract.organizations import organization_name
from bot.facts import GATHERING_KINDS, SITTING_KINDS


@dataclass
class Trigger:
    type: str
    kind: str
    mode: str | None
    token: Token
    tokens: tuple[int, ...]
    governor: Token | None = None  # the light or reversing verb: "held" talks, "lifted" a curfew


_MATCHERS: dict[int, PhraseMatcher] = {}


def _phrase_matcher(vocab: Vocab) -> PhraseMatcher:
    """One PhraseMatcher per vocabulary, built once: the lexicon's multi-word triggers."""
    matcher = _MATCHERS.get(id(vocab))
    if matcher is None:
        _, _, phrases = load_lexicon()
        matcher = PhraseMatcher(vocab, attr="LOWER")
        for words in phrases:
            matcher.add(" ".join(words), [Doc(vocab, words=list(words))])
        _MATCHERS[id(vocab)] = matcher
    return matcher


def find_triggers(sent: Span) -> list[Trigger]:
    """Event triggers in a sentence, each reshaped by the verb governing it and its modality."""
    found = _most_specific(_lexical_triggers(sent))
    found = _compose(found)
    found.extend(_conversations_of_a_pair(sent, found))
    found.extend(_people_phoned(sent, found))
    found.extend(_time_spent_with(sent, found))
    found.extend(_a_signing_told_as_held(sent, found))
    _retype_by_object(found)
    _blows(found)
    _courtesy_calls(found)
    _conversations_told_as_calls(found)
    found = _talks_held_by_phone(found)
    _hosted_talks(found)
    found = _hosts_of_gatherings(found)
    found = _without_hosting_participles(found)
    found.extend(_obligations(sent, found))
    found.extend(_orders_to_leave(sent, found))
    found = _threats_in_pledges(found)
    for trigger in found:
        _apply_modality(trigger)
    found = _agreed_terms(found)
    kept = [
        t
        for t in found
        if not (
            _irrealis(t)
            or _verbal_clash(t)
            or _mishap(t)
            or _mere_claim(t)
            or _courtesy(t)
            or _described(t)
        )
        and not _attributive(t)
        and not _sides_set_apart(t)
        and _object_allowed(t)
        and _destination_allowed(t)
        and not _in_a_name(t)
        and not _only_ready(t)
        and not _asked(t)
        and not _empty_refusal(t)
        and not _only_a_label(t)
        and not _promises_to_be(t)
        and not _called_off(t)
        and not _a_warrant(t)
        and not _a_requirement(t)
        and not _terms_of_a_deal(t)
        and not _under_its_terms(t)
        and not _in_a_title(t)
        and not _repeated(t)
        and not _only_watched(t)
        and not _a_rally_spoken_at(t)
        and not _what_something_yielded(t)
        and not _defending_ones_own(t)
        and not _an_interview(t)
        and not _a_handshake_with_no_one_met(t)
        and not _a_round_of_other_acts(t)
        and not _anonymity_asked(t)
    ]
    return [
        t
        for t in kept
        if not _purpose_of_a_summons(t, kept) and not _an_invitation_told_by_its_trip(t, kept)
    ]


def _an_invitation_told_by_its_trip(trigger: Trigger, found: list[Trigger]) -> bool:
    """ "Putin invited Kim to visit Moscow", "Kim accepted an invitation to visit Moscow": the
    planned visit tells the invitation and its taking up; no request or agreement beside it."""
    return any(
        t.type == "CONSULT"
        and t.kind == "visit"
        and t.token.i != trigger.token.i
        and (inviting := invited_trip(t.governor or t.token)) is not None
        and inviting.i == (trigger.governor or trigger.token).i
        for t in found
    )


# Roles whose holder one shakes hands with at a meeting ("shook hands with Peru's president").
HANDSHAKE_ROLES = frozenset(
    "president minister counterpart leader premier chancellor king emir prince secretary envoy "
    "ambassador".split()
)
# Nouns of a picture, whose handshake is shown, not told as done ("a photo of X shaking hands").
PICTURE_NOUNS = frozenset({"photo", "photograph", "picture", "image", "video", "footage"})


def _a_handshake_with_no_one_met(trigger: Trigger) -> bool:
    """ "shook hands with U.S. troops", "a photo of Putin shaking hands with Kim": a handshake
    is a meeting only with a named person, told as done, not shown in a picture."""
    token = trigger.token
    if lemma_of(token) != "shake" or not any(t.lower_ in ("hand", "hands") for t in token.children):
        return False
    if token.dep_ == "acl" or (
        token.dep_ == "pcomp" and token.head.head.lemma_.lower() in PICTURE_NOUNS
    ):
        return True
    return not any(
        p.ent_type_ == "PERSON" or p.lemma_.lower() in HANDSHAKE_ROLES
        for p in objects_of(token, "with")
    )


def _repeated(trigger: Trigger) -> bool:
    """ "have met several times since 2022", "met twice last year": sittings-down told as held
    again and again, no one occasion to show or to join another outlet's report to. (A demand
    or a sanction made repeatedly still tells what a side does.)"""
    if trigger.type == "CONSULT" and _occasions_counted_plural(trigger.token):
        return True
    verb = trigger.governor or trigger.token
    if verb.pos_ != "VERB" or trigger.type != "CONSULT":
        return False
    for child in verb.children:
        if child.dep_ == "advmod" and child.lower_ in REPETITION_WORDS:
            return True
        if (
            child.dep_ == "npadvmod"
            and child.lower_ in REPETITION_WORDS
            and any(c.dep_ in ("amod", "nummod") and c.lower_ != "one" for c in child.children)
        ):
            return True
    return False


def _only_watched(trigger: Trigger) -> bool:
    """ "The US and the World Bank began observing the talks in November": talks others held,
    told by their watchers; who watched and since when is not who talked and when. Talks that
    name their own sides ("will monitor the talks between Serbia and Kosovo") are still told."""
    token = trigger.token
    return (
        trigger.type == "CONSULT"
        and token.pos_ in ("NOUN", "PROPN")
        and token.dep_ == "dobj"
        and lemma_of(token.head) in OBSERVING_VERBS
        and not _sides_of_its_own(token)
    )


def _what_something_yielded(trigger: Trigger) -> bool:
    """ "The call yielded no sign of a deal", "the talks yielded results": what came of it,
    not a concession (while "Kyiv yielded to pressure" concedes)."""
    verb = trigger.token
    return (
        trigger.type == "CONCEDE"
        and verb.pos_ == "VERB"
        and lemma_of(verb) == "yield"
        and any(c.dep_ == "dobj" and c.lemma_.lower() in YIELDED_OUTCOMES for c in verb.children)
    )


# What talks yield ("yielded results", "yielded no sign of a deal"), unlike what a side yields
# to another ("yielded control of the crossing", "yielded four villages").
YIELDED_OUTCOMES = TALKS_OUTCOME_NOUNS | frozenset(
    "result sign outcome nothing fruit benefit movement".split()
)


# A side's own course it may defend (not "defended its ally Israel": another side backed).
OWN_COURSES = frozenset(
    "decision policy position stance record move choice approach action conduct handling "
    "strategy plan remark comment".split()
)


def _defending_ones_own(trigger: Trigger) -> bool:
    """ "Scholz defended his decision to keep talking to Putin": a side standing by its own act
    or policy backs no one else."""
    verb = trigger.token
    return (
        trigger.type == "SUPPORT"
        and verb.pos_ == "VERB"
        and lemma_of(verb) == "defend"
        and any(
            c.dep_ == "dobj"
            and c.lemma_.lower() in OWN_COURSES
            and any(p.dep_ == "poss" and p.lower_ in POSSESSIVE_PRONOUNS for p in c.children)
            for c in verb.children
        )
    )


def _a_round_of_other_acts(trigger: Trigger) -> bool:
    """ "A new round of prisoner exchanges", "a round of military aid": the round counts other
    acts, it is no talks of its own (while "a round of talks" and "the second round" are)."""
    token = trigger.token
    if trigger.type != "CONSULT" or token.lemma_.lower() not in MEASURE_NOUNS:
        return False
    counted = [
        p
        for prep in token.children
        if prep.dep_ == "prep" and prep.lower_ == "of"
        for p in prep.children
        if p.dep_ == "pobj" and p.pos_ in ("NOUN", "PROPN")
    ]
    if any(tells_of_talks(t) for p in counted for t in (p, *p.conjuncts)):
        return False  # "a round of ceasefire and prisoner release talks": talks all the same
    nouns = load_lexicon()[0]
    return any(
        _counted_act(p)
        or any(type_ != "CONSULT" for type_, _, _ in nouns.get(p.lemma_.lower(), ()))
        for p in counted
    )


def _counted_act(noun: Token) -> bool:
    """ "Prisoner exchanges", "swaps", "missile tests": acts no event word of their own names
    (while "a round of exchanges" of views is talks)."""
    lemma = noun.lemma_.lower()
    if lemma == "exchange":
        return any(
            c.dep_ in ("compound", "amod") and c.lemma_.lower() in EXCHANGED for c in noun.children
        )
    return lemma in COUNTED_ACTS


# Acts counted in rounds that are no event word of their own ("a round of swaps"): never talks
# (while "a round of the Lima process" still is); and what is exchanged in an exchange that is no
# talk ("prisoner exchanges").
COUNTED_ACTS = frozenset({"swap", "release", "countermeasure", "test", "launch"})
EXCHANGED = frozenset({"prisoner", "captive", "body", "fire", "detainee", "hostage", "pow"})


# What a source asks not to be, in a wire's words ("asked not to be named").
UNNAMED_VERBS = frozenset({"name", "identify", "quote", "cite"})


def _anonymity_asked(trigger: Trigger) -> bool:
    """ "A senior official, who asked not to be named, said ...": a source's anonymity, no
    request of anyone."""
    verb = trigger.token
    return (
        trigger.type == "REQUEST"
        and verb.pos_ == "VERB"
        and lemma_of(verb) in ("ask", "request")
        and any(
            c.dep_ in ("xcomp", "ccomp")
            and lemma_of(c) in UNNAMED_VERBS
            # "not to be named": a passive, refused (not "asked the UN to name an envoy")
            and any(a.dep_ == "neg" for a in c.children)
            and any(a.dep_ == "auxpass" for a in c.children)
            for c in verb.children
        )
    )


# Gatherings a politician speaks at, which protest only when told of protesters.
RALLY_NOUNS = frozenset({"rally", "gathering", "meeting"})
# Verbs of speaking to a crowd ("speaking at a rally", "addressed a rally").
CROWD_SPEAKING_VERBS = frozenset({"speak", "address", "tell", "say"})


# Words making a rally a party's or a campaign's own, not a protest.
CAMPAIGN_WORDS = frozenset({"campaign", "election", "electoral", "party", "political"})
# What a rally is held against or outside of, which makes it a protest.
PROTEST_PREPS = frozenset({"against", "outside", "over", "near"})


def _a_political_rally(rally: Token) -> bool:
    """A rally organised by a party or held for a campaign ("a rally organised by the Vox
    party", "an election rally"), and told of nothing it is against."""
    children = list(rally.children)
    if any(c.dep_ == "prep" and c.lower_ in PROTEST_PREPS for c in children):
        return False  # "a rally outside the Israeli embassy", "against Chinese mining"
    if any(c.lower_ in ("front", "protest") for c in rally.subtree):
        return False  # "a rally in front of the embassy", "in protest at"
    organised = any(
        c.dep_ == "acl" and any(a.dep_ == "agent" for a in c.children) for c in children
    )
    return organised or any(c.lower_ in CAMPAIGN_WORDS for c in children)


def _a_rally_spoken_at(trigger: Trigger) -> bool:
    """ "Speaking at a rally organised by the Vox party, Milei called ...": a politician's
    rally, where he spoke, not a protest (while "protesters held a rally outside the embassy"
    protests)."""
    token = trigger.token
    if trigger.type != "PROTEST" or token.lemma_.lower() not in RALLY_NOUNS:
        return False
    if not _a_political_rally(token):
        return False
    if token.dep_ == "dobj":
        return lemma_of(token.head) in CROWD_SPEAKING_VERBS
    return (
        token.dep_ == "pobj"
        and token.head.lower_ in ("at", "to")
        and lemma_of(token.head.head) in CROWD_SPEAKING_VERBS
    )


def _an_interview(trigger: Trigger) -> bool:
    """ "Trump sat down with Fox News host Bret Baier for an interview", "met BBC journalist X":
    a leader and the press, no sitting-down between sides."""
    if trigger.type != "CONSULT":
        return False
    verb = trigger.governor or trigger.token
    partners = [
        p
        for c in verb.children
        if c.dep_ == "dobj" or (c.dep_ == "prep" and c.lower_ in ("with", "for"))
        for p in ([c] if c.dep_ == "dobj" else [g for g in c.children if g.dep_ == "pobj"])
    ]
    return any(
        t.lemma_.lower() in PRESS_ROLES
        or (t.ent_type_ == "ORG" and (ent := entity_at(t)) is not None and media_outlet(ent.text))
        for p in partners
        for t in _who_they_are(p)
    )


def _who_they_are(noun: Token) -> list[Token]:
    """The words naming and describing someone ("CNN's Fareed Zakaria", "Fox News host Bret
    Baier"), not what is said of them ("the crown prince over the missing journalist")."""
    found = [noun]
    for child in noun.children:
        if child.dep_ in ("compound", "poss", "amod", "nmod", "appos"):
            found += _who_they_are(child)
    return found


def _sides_of_its_own(noun: Token) -> bool:
    """The occasion names who sat down ("the talks between X and Y", "the US-China trade talks",
    "Friday's summit of Trump and Putin"), not only what it was."""
    return any(
        (c.dep_ == "prep" and c.lower_ in ("between", "with", "among", "of"))
        or (
            c.dep_ in ("compound", "amod", "poss", "nmod")
            and any(t.ent_type_ in ("GPE", "NORP", "ORG", "PERSON") for t in c.subtree)
        )
        for c in noun.children
    )


# Occasions counted one by one: "visits" or "meetings" counted or ordered as many ("several state
# visits", "his first visits", "seven meetings") are each their own, none of them one event to
# show; "talks" and "negotiations" are one process in the plural, and a bare plural ("a weekend of
# meetings in Geneva") may be one sitting.
COUNTED_OCCASION_KINDS = frozenset({"meeting", "summit", "visit", "phone_call"})


def _occasions_counted_plural(noun: Token) -> bool:
    if noun.tag_ != "NNS" or occasion_kind(noun) not in COUNTED_OCCASION_KINDS:
        return False
    if any(names_a_day(ent) for ent in noun.sent.ents if ent.label_ == "DATE"):
        return False  # "held two meetings in Sochi on Wednesday": that day's sittings, told
    return any(
        (child.dep_ == "nummod" and child.lower_ != "one")
        or (child.dep_ in ("amod", "det", "nummod") and child.lower_ in COUNTING_WORDS)
        for child in noun.children
    )


def _in_a_title(trigger: Trigger) -> bool:
    """ "charge" in "charge d'affaires": a diplomat's title, not an accusation."""
    token = trigger.token
    nxt = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return nxt is not None and nxt.lower_.startswith(("d'affaires", "d’affaires"))


def _purpose_of_a_summons(trigger: Trigger, found: list[Trigger]) -> bool:
    """ "summoned the ambassador to protest the post", "... to lodge a protest", "summoned the
    envoy and handed him a note of protest": the protest is what the summons was for, one act
    with it."""
    verb = trigger.governor or trigger.token
    if trigger.kind != "protest":
        return False  # "... and accused Moscow of violating its airspace" says more: kept
    purpose = verb.dep_ in ("advcl", "xcomp") and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in verb.children
    )
    return (purpose or verb.dep_ == "conj") and any(
        t.kind == "summons" and t.token.i == verb.head.i for t in found
    )


def _a_requirement(trigger: Trigger) -> bool:
    """ "The pact must be ratified by the Diet before it takes effect": what a procedure
    requires, in the passive, demanded by no one (while "X said Y must withdraw" is a demand)."""
    verb = trigger.governor or trigger.token
    return (
        trigger.kind == "demand"
        and verb.pos_ == "VERB"
        and any(c.dep_ == "auxpass" for c in verb.children)
        and any(c.dep_ == "aux" and c.lower_ in load_frames().obligation for c in verb.children)
        and not (
            verb.dep_ in ("ccomp", "parataxis") and lemma_of(verb.head) in load_frames().reporting
        )
    )


def _terms_of_a_deal(trigger: Trigger) -> bool:
    """ "The deal calls for talks between the Taliban and Kabul", "the consensus demands an end
    to violence": what an agreement's text provides, no request by anyone."""
    if trigger.type != "REQUEST":
        return False
    verb = trigger.governor or trigger.token
    if verb.pos_ != "VERB":
        return False
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subject is not None and subject.pos_ == "NOUN" and names_an_agreement(subject)


# What a deal's provisions are named by besides the deal ("under the terms", "under the first
# phase"); not a plan, which one side may make alone ("under its disengagement plan, Israel
# will evacuate": its own pledge).
TERMS_NOUNS = frozenset({"term", "phase", "provision"})


def _under_its_terms(trigger: Trigger) -> bool:
    """ "Under the deal, the Tigray forces will disarm", "under the first phase, 33 captives are
    to be freed": what an agreement between sides provides for, still to come, not an act of its
    own (while "under the deal, Israel released 30 prisoners on Sunday" did happen)."""
    if trigger.type == "CONSULT":
        return False  # "under the agreement, negotiators will meet in Istanbul": a meeting
    node = trigger.governor or trigger.token
    while node.pos_ not in ("VERB", "AUX") and node.head.i != node.i:
        node = node.head
    chain = clause_chain(node)
    if not _still_to_come(chain[-1]):
        return False  # "began to release prisoners under the deal": done
    if chain[-1].dep_ in ("ccomp", "parataxis") and lemma_of(chain[-1].head) in (
        load_frames().reporting
    ):
        return False  # "Israel said it would release prisoners under the deal": its own word
    ids = {n.i for n in chain}
    own_days = [
        e
        for e in trigger.token.sent.ents
        if e.label_ == "DATE"
        and (e.root.head.i in ids or (e.root.head.dep_ == "prep" and e.root.head.head.i in ids))
    ]
    if any(names_a_day(e) or any(t.shape_ == "dddd" for t in e) for e in own_days):
        return False  # "is due to release three hostages on Saturday under the deal": news

    def a_text(noun: Token) -> bool:
        if names_an_agreement(noun):
            return True
        if noun.lemma_.lower() not in TERMS_NOUNS:
            return False
        of = [p for c in noun.children if c.lower_ == "of" for p in c.children]
        # "the terms of the deal", "the first phase" (of the deal told); not "a new phase of
        # sanctions"
        return any(names_an_agreement(p) for p in of) if of else is_definite(noun)

    return any(
        c.dep_ == "prep"
        and c.lower_ == "under"
        and any(p.dep_ == "pobj" and a_text(p) for p in c.children)
        for n in chain
        for c in n.children
    )


def _still_to_come(verb: Token) -> bool:
    """The clause's own verb says will, would, shall, must, should or "is to"."""
    auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if auxes & {"will", "would", "shall", "must", "should", "'ll"}:
        return True
    return verb.lemma_ == "be" and any(
        c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children) for c in verb.children
    )


def _a_warrant(trigger: Trigger) -> bool:
    """ "An arrest warrant issued by the court": a warrant for the act, not the act."""
    token = trigger.token
    return token.dep_ == "compound" and token.head.lemma_.lower() in ("warrant", "summons")


CALLING_OFF = frozenset({"cancel", "scrap", "abandon", "scrub", "axe"})


def _called_off(trigger: Trigger) -> bool:
    """ "A summit due on Sunday was cancelled", "they called off the talks": the talks are not
    held, and the calling-off is the event."""
    token = trigger.token
    if trigger.type == "CONSULT" and _an_invitation_withdrawn(token):
        return True  # "revoking an invitation to Lavrov to visit": no visit comes of it
    if trigger.type != "CONSULT" or token.pos_ not in ("NOUN", "PROPN"):
        return False
    node = token
    if node.dep_ == "appos":  # "LUANDA - A summit ..., was cancelled": the dateline's apposition
        node = node.head
    if node.dep_ not in ("nsubjpass", "dobj"):
        return False
    verb = node.head
    return lemma_of(verb) in CALLING_OFF or (
        lemma_of(verb) == "call"
        and any(c.dep_ == "prt" and c.lower_ == "off" for c in verb.children)
    )


def _an_invitation_withdrawn(token: Token) -> bool:
    """The visit or talks an invitation was for, the invitation revoked or withdrawn."""
    invitation = token.head if token.dep_ in ("acl", "xcomp", "pobj", "prep") else None
    if invitation is not None and invitation.dep_ == "prep":
        invitation = invitation.head
    while invitation is not None and invitation.lemma_.lower() not in ("invitation", "invite"):
        invitation = invitation.head if invitation.dep_ in ("prep", "pobj") else None
    if invitation is None or invitation.dep_ not in ("dobj", "nsubjpass"):
        return False
    return lemma_of(invitation.head) in CALLING_OFF | {"revoke", "withdraw", "rescind", "retract"}


def _promises_to_be(trigger: Trigger) -> bool:
    """ "What promises to be a hard-fought campaign", "vowed to be patient": a forecast or a
    manner, not a pledge of any act."""
    verb = trigger.token
    return (
        verb.pos_ == "VERB"
        and lemma_of(verb) in PROMISE_VERBS
        and any(c.dep_ == "xcomp" and c.lemma_ == "be" for c in verb.children)
    )


REJECTING_VERBS = frozenset({"reject", "oppose", "dismiss", "rebuff", "veto", "spurn"})
LABELLING_VERBS = frozenset({"call", "describe", "term", "label", "brand", "dub", "characterize"})


def _only_a_label(trigger: Trigger) -> bool:
    """What someone calls it ("rejected what she called threats by Peru", "condemned what
    it described as an attack"): their word for something, not an event the news tells."""
    token = trigger.token
    if token.pos_ not in ("NOUN", "PROPN"):
        return False
    head = token.head
    if (
        token.dep_ == "dobj"
        and lemma_of(head) in LABELLING_VERBS
        and any(c.dep_ in ("oprd", "xcomp") for c in head.children)
    ):
        return True  # "called the accord a historic gift": what it is called, not a new accord
    if token.dep_ == "pobj" and head.lower_ == "as":
        head = head.head
    elif token.dep_ not in ("oprd", "dobj"):
        return False
    # "what she called threats", "a speech, which Kyiv called an ultimatum" (read with two
    # objects)
    return lemma_of(head) in LABELLING_VERBS and any(
        c.dep_ == "dobj" and c.lower_ in ("what", "which") and c.i < token.i for c in head.children
    )


def _empty_refusal(trigger: Trigger) -> bool:
    """Declining to comment, refusing to rule something out: no rejection of anything. Nor is
    declining to reject ("declined to veto the resolution", "declined to use its veto",
    "refused to block the bid"): the rejection left undone lets the thing pass."""
    verb = trigger.token
    if verb.pos_ != "VERB" or lemma_of(verb) not in load_frames().negating:
        return False
    return any(
        c.dep_ == "xcomp"
        and (verb_lemma(c) in load_frames().empty_refusals or _a_rejection(c) or _details(c))
        for c in verb.children
    )


# Verbs of telling more, whose object "details" or "questions" make a refusal of them empty.
_TELLING_VERBS = frozenset(
    {"give", "provide", "go", "offer", "release", "share", "reveal", "answer", "take"}
)


def _details(verb: Token) -> bool:
    """ "go into detail", "give details", "answer questions": saying more, not an act (while
    "accept the details of the proposal" and "answer Chile's demand" are)."""
    if lemma_of(verb) not in _TELLING_VERBS:
        return False
    preps = [c for c in verb.children if c.dep_ == "prep"]
    if lemma_of(verb) == "go" and not any(p.lower_ == "into" for p in preps):
        return False  # "go into detail" (not "go along with the details of the proposal")
    heads = {verb.i, *(p.i for p in preps)}
    return any(
        t.lemma_.lower() in ("detail", "question")
        and t.dep_ in ("dobj", "pobj")
        and t.head.i in heads
        for t in verb.subtree
    )


def _a_rejection(verb: Token) -> bool:
    """ "veto the resolution", "block the bid", "use its veto": the verb rejects, or its object
    is a rejection."""
    if verb_lemma(verb) in REJECTING_VERBS | {"block"}:
        return True
    return verb_lemma(verb) in CASTING_VERBS and any(
        c.dep_ == "dobj"
        and (
            c.lemma_.lower() in REJECTION_NOUNS
            # "exercise its veto power"
            or any(m.dep_ == "compound" and m.lemma_.lower() in REJECTION_NOUNS for m in c.children)
        )
        for c in verb.children
    )


# A rejection one may use or cast ("use its veto"), not one lifted.
REJECTION_NOUNS = frozenset({"veto"})
CASTING_VERBS = frozenset({"use", "cast", "exercise", "wield", "invoke"})


def _only_ready(trigger: Trigger) -> bool:
    """Talks a side is ready to hold, or that would be possible: "Chile is ready to continue
    the dialogue", "it would be possible to organize a meeting"."""
    if trigger.type != "CONSULT":
        return False
    node = trigger.governor or trigger.token
    readiness = load_frames().readiness
    token = trigger.token
    if (
        token.dep_ == "pobj"
        and token.head.lower_ == "for"
        and lemma_of(token.head.head) in readiness
    ):
        return True  # "urged Putin to be ready for negotiations with Ukraine"
    if node.pos_ != "VERB" or node.dep_ != "xcomp":
        return False
    while node.dep_ == "xcomp" and node.head.i != node.i:  # "offered to help mediate"
        head = node.head
        if lemma_of(head) in readiness or any(
            c.dep_ == "acomp" and lemma_of(c) in readiness for c in head.children
        ):
            return True
        node = head
    return False


def _asked(trigger: Trigger) -> bool:
    """The trigger's clause is a question ("When are you going to sign deals?"): asked about,
    not told."""
    doc = trigger.token.doc
    for token in doc[trigger.token.i : trigger.token.sent.end]:
        if token.text in (".", "!", "?", ":", ";"):
            return token.text == "?"  # "handed a note of protest: what happened?" is told
    return False


def _in_a_name(trigger: Trigger) -> bool:
    """A word inside the name of something else: "Consultation" in "the Andean Consultation
    Mechanism" names a body, while "the G20 Summit" still names a summit."""
    token = trigger.token
    if token.pos_ == "VERB" or not token.ent_type_ or token.ent_iob_ not in ("B", "I"):
        return False
    end = token.i + 1
    while end < len(token.doc) and token.doc[end].ent_iob_ == "I":
        end += 1
    return end - 1 > token.i and token.head.i > token.i and token.dep_ == "compound"


def measured(token: Token) -> Token:
    """The measure a noun is counted in ("two days of talks", "a round of talks"), else itself:
    the phrase that sits in the clause for it."""
    if (
        token.dep_ == "pobj"
        and token.head.lower_ == "of"
        and token.head.head.lemma_.lower() in MEASURE_NOUNS
    ):
        return token.head.head
    return token


def holding_clause(noun: Token) -> Token | None:
    """A relative clause whose light verb holds the noun itself ("the call the two leaders held
    on Friday", "talks that they had in Doha"): the noun's own clause, with its date, place and
    sides."""
    for child in noun.children:
        if child.dep_ != "relcl" or verb_lemma(child) not in load_frames().light | {"share"}:
            continue
        objects = [c for c in child.children if c.dep_ in ("dobj", "attr")]
        if all(o.tag_ in ("WDT", "WP") or o.lower_ == "that" for o in objects):
            return child
    return _held_beside_a_side(noun)


def _detained(held: Token) -> bool:
    """ "held in an Algiers prison", "held in custody since May", "held hostage in Gaza", "held
    since November": someone kept, not a sitting held."""
    return any(
        t.lemma_.lower() in DETENTION_WORDS or (t.dep_ == "prep" and t.lower_ == "since")
        for t in held.subtree
    )


def _held_beside_a_side(noun: Token) -> Token | None:
    """ "talks with Peru held in Quito on Monday", parsed as if Peru were held: the participle
    the parser hung on a side of the talks is the talks' own."""
    for prep in noun.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("with", "between", "among"):
            continue
        for side in prep.children:
            sides = [side, *(c for c in side.children if c.dep_ == "conj")]
            for named in sides:
                for child in named.children:
                    if (
                        child.dep_ == "acl"
                        and child.tag_ == "VBN"
                        and lemma_of(child) in SITTING_HOLD_VERBS
                        # no side is "held in Quito on Monday" in talks with it, unless
                        # detained ("held in a Lima prison since May")
                        and named.ent_type_ in SIDE_ENTITIES
                        and not _detained(child)
                    ):
                        return child
    return None


def _courtesy(trigger: Trigger) -> bool:
    """ "Thanked X for the warm welcome", "congratulated X on assuming the post": manners, not
    an act of support; "thanked X for his support" is one."""
    verb = trigger.token
    if verb.pos_ != "VERB" or lemma_of(verb) not in COURTESY_VERBS:
        return False
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in ("for", "on"):
            reason = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)
            if reason is not None and reason.lemma_.lower() in COURTESY_REASONS:
                return True
    return False


def _launched_at_nothing(verb: Token) -> bool:
    """A weapon fired or launched at the sea, no target: "fired a missile into the sea",
    "launched a rocket that fell into waters off Japan"."""
    launches = load_frames().weapon_launches
    if verb.pos_ != "VERB" or lemma_of(verb) not in launches["verbs"]:
        return False
    obj = _verb_object(verb)
    if obj is None or obj.lemma_.lower() not in launches["weapons"]:
        return False
    aimed = [
        pobj
        for node in (verb, obj, *(c for c in obj.children if c.dep_ == "relcl"))
        for prep in node.children
        if prep.dep_ == "prep" and prep.lower_ in launches["aims"] and prep.i > verb.i
        for pobj in prep.children
        if pobj.dep_ == "pobj"
    ]
    # no aim told at all is no sign: "Iran launched missiles on Saturday" may be the attack
    return bool(aimed) and all(p.lemma_.lower() in launches["waters"] for p in aimed)


def _object_allowed(trigger: Trigger) -> bool:
    """'shared intelligence' is cooperation, 'shared details of the call' is not; a hostile act
    done to oneself ('had downgraded itself to a proxy') is no act against anyone."""
    if trigger.token.pos_ == "VERB" and trigger.type in load_frames().hostile:
        obj = _verb_object(trigger.token)
        if obj is not None and obj.lower_ in REFLEXIVES:
            return False
    if trigger.type == "CONSULT" and trigger.token.pos_ == "VERB":
        obj = _verb_object(trigger.token)
        if obj is not None and _a_crowd(obj):
            return False  # "has hosted more than 1.2 million Sudanese": people sheltered, counted
    verb = trigger.governor or trigger.token
    if trigger.type == "ASSAULT" and _launched_at_nothing(verb):
        return False  # "fired a long-range missile into the sea": a launch, no attack
    beside = load_frames().modifier_excluded.get(lemma_of(verb))
    if beside and any(
        c.lower_ in beside and c.dep_ in ("advmod", "acomp", "prt") for c in verb.children
    ):
        return False  # "cut short a two-day visit": the trip ended early, no ties were cut
    excluded = load_frames().object_excluded.get(lemma_of(verb))
    if excluded and verb.pos_ == "VERB":
        obj = _verb_object(verb)
        if obj is None and not any(c.dep_ == "dobj" for c in verb.children):
            # "the deal struck in Beijing ... has been described": a participle the parser
            # read as the main verb, with what it describes as its subject
            obj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if verb.dep_ == "relcl" and (obj is None or obj.lower_ in RELATIVE_PRONOUNS):
            obj = verb.head  # "partnerships that Berlin has struck": the antecedent is struck
        if (
            obj is not None
            and (obj.lemma_.lower() in excluded or obj.lower_ in excluded)
            and obj.i != trigger.token.i
        ):
            # "signed a decree recognising Crimea": no agreement with anyone; the word as written
            # too, where the lemmatiser errs ("military bases" is not "basis")
            return False
    wanted = load_frames().object_required.get(lemma_of(trigger.token))
    if wanted is None or trigger.token.pos_ != "VERB":
        return True
    if lemma_of(trigger.token) in JOINT_VERBS and not _done_together(trigger.token):
        return False  # "Pakistan's cabinet approved the defence pact": a ratification at home
    obj = _verb_object(trigger.token)
    if trigger.token.dep_ == "relcl" and (obj is None or obj.lower_ in RELATIVE_PRONOUNS):
        obj = _antecedent(trigger.token, wanted)  # "the protocol, which the leaders approved"
    if obj is None:
        return False
    if obj.lemma_.lower() in QUANTITY_NOUNS:
        # "release large numbers of prisoners", "dozens of hostages": what is counted
        counted = next(
            (p for c in obj.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children),
            None,
        )
        obj = counted if counted is not None else obj
    person = (
        obj.ent_type_ == "PERSON"
        or (obj.lemma_.lower() in load_frames().person_objects and not _a_possessors_part(obj))
        # "summoned him on Tuesday", "received him": the envoy or guest already named (not
        # "recalled him warmly")
        or (
            (trigger.type == "CONSULT" or lemma_of(trigger.token) == "summon")
            and obj.lower_ in PRONOUNS_PERSON
            and obj.dep_ == "dobj"  # "received him", not "he was received" (told of him)
        )
    )
    # a country the tagger missed ("invited Senegal") is still a named side
    entity = (
        obj.ent_type_ in ("PERSON", "ORG", "GPE", "NORP")
        or country_index().resolve(obj.text) is not None
    )
    return (
        obj.lemma_.lower() in wanted
        or obj.lower_ in wanted  # "d'affaires", which the lemmatiser cuts to "d'affaire"
        or ("@person" in wanted and person)
        or ("@entity" in wanted and entity)
    )


# Verbs that make an agreement only when its sides do them together ("Putin and Erdogan
# approved the protocol"); one side's cabinet or parliament approving a deal ratifies it.
JOINT_VERBS = frozenset({"approve"})


def _done_together(verb: Token) -> bool:
    """The verb's subject names two sides or more ("Putin and Erdogan", "the presidents of Peru
    and Chile", "the two leaders", "both sides"), or its object the partner ("a ceasefire with
    Hezbollah")."""
    obj = _verb_object(verb)
    if obj is not None and any(
        c.dep_ == "prep" and c.lower_ == "with" and any(p.ent_type_ for p in c.subtree)
        for c in obj.children
    ):
        return True  # "Israel approves ceasefire with Hezbollah": agreed with its partner
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return False
    return any(t.dep_ == "conj" for t in subject.subtree) or any(
        (c.dep_ == "nummod" and c.lower_ == "two")
        or (c.dep_ in ("det", "predet") and c.lower_ == "both")
        for c in subject.children
    )


def _antecedent(relcl: Token, wanted: frozenset[str]) -> Token:
    """What a relative clause's pronoun stands for: the noun it hangs on, or one up its chain
    of "of", "to" and "on" phrases that the verb takes ("the protocol to the memorandum on
    Idlib, which they approved", with the clause hung on Idlib)."""
    node = relcl.head
    while node.lemma_.lower() not in wanted and node.dep_ == "pobj":
        prep = node.head
        if prep.lower_ not in ("of", "to", "on") or prep.head.pos_ not in ("NOUN", "PROPN"):
            break
        node = prep.head
    return node if node.lemma_.lower() in wanted else relcl.head


CROWD_NUMBERS = frozenset({"hundred", "hundreds", "thousand", "thousands", "million", "millions"})
QUANTITY_NOUNS = frozenset({"number", "dozen", "score", "group", "batch"}) | CROWD_NUMBERS


def _a_crowd(noun: Token) -> bool:
    """People counted by the hundred or more ("1.2 million Sudanese", "3,000 refugees"), not "two
    Sudanese generals": no one met in person."""
    for number in (c for c in noun.children if c.dep_ == "nummod"):
        words = [t.lower_ for t in number.subtree]
        digits = number.text.replace(",", "")
        if any(w in CROWD_NUMBERS for w in words) or (digits.isdigit() and int(digits) >= 100):
            return True
    return noun.lemma_.lower() in CROWD_NUMBERS  # "hosted thousands of refugees"


def _destination_allowed(trigger: Trigger) -> bool:
    """ "Arrived in Asmara", "landed in Beijing": a visit only when a person or a delegation
    arrives at a named place (not troops landing, nor a shipment arriving)."""
    verb = trigger.token
    if verb.pos_ != "VERB" or lemma_of(verb) not in load_frames().destination_required:
        return True
    if any(
        c.lower_ == "home" and c.dep_ in ("advmod", "npadvmod") and not list(c.children)
        for c in verb.children
    ):
        return False  # "the two Canadians arrived home in Calgary": a homecoming, no visit
    # the subject's phrase: a dateline the parser took for the subject has the person beside it
    person = any(
        t.ent_type_ == "PERSON" or t.lemma_.lower() in load_frames().person_objects
        for subject in verb.children
        if subject.dep_ == "nsubj"
        for t in subject.subtree
    )
    place = any(
        prep.dep_ == "prep"
        and prep.lower_ in ("in", "at")
        and any(
            p.dep_ == "pobj"
            and (p.ent_type_ in ("GPE", "LOC", "FAC") or country_index().match(p.text))
            for p in prep.children
        )
        for prep in verb.children
    )
    return person and place


AIM_VERBS = frozenset({"seek", "aim", "try", "want", "hope", "strive", "look"})
# Words of a habit: "holds talks every month", "has always sought good relations".
HABITUAL_WORDS = frozenset({"every", "regularly", "often", "routinely", "annually", "usually"})
HABITUAL = HABITUAL_WORDS | {"always", "traditionally", "habitually"}
# What a ban is on ("a moratorium on visits").
BANS = frozenset({"moratorium", "ban", "embargo", "restriction", "curb", "limit", "freeze"})


def _a_ban(node: Token) -> bool:
    """A ban, or a verb imposing one ("imposed a moratorium on ...", the parser's reading)."""
    return node.lemma_.lower() in BANS or (
        node.pos_ == "VERB"
        and any(c.dep_ == "dobj" and c.lemma_.lower() in BANS for c in node.children)
    )


def _described(trigger: Trigger) -> bool:
    """A side described by what it habitually does or seeks ("the Polisario Front, which seeks
    independence", "as Washington seeks to counter China", "Iran, which holds talks with Oman
    every month"): the present simple of a relative or "as" clause, with no day of its own,
    tells what a side is like, not an act. So is a thing called a threat ("has called the dam
    an existential threat"), an act called something ("called the sanctions a mistake") and an
    aim ("seeking to bolster ties"): asked of no one; so is what a ban is on and what a side has
    always sought."""
    if trigger.type == "THREATEN" and trigger.token.dep_ in ("oprd", "attr"):
        return True
    if trigger.token.dep_ == "oprd" and lemma_of(trigger.token.head) in NAMING_VERBS:
        return True  # "Mogadishu called the deal an attack on its sovereignty": a name given
    token = trigger.token
    if token.dep_ == "pobj" and token.head.lower_ == "on" and _a_ban(token.head.head):
        return True  # "imposed a one-year moratorium on such visits": what is banned
    verb = trigger.governor or token
    if trigger.type == "REQUEST" and any(
        c.dep_ == "advmod" and c.lower_ in HABITUAL for c in verb.children
    ):
        return True  # "Tehran had always sought good relations": what a side is like
    named = trigger.token.head if trigger.token.dep_ == "compound" else trigger.token
    if (
        trigger.token.pos_ in ("NOUN", "PROPN")
        and named.dep_ == "dobj"
        and lemma_of(named.head) in NAMING_VERBS
        and (
            any(c.dep_ in ("oprd", "xcomp") for c in named.head.children)
            or any(c.dep_ == "prep" and c.lower_ == "as" for c in named.children)
        )
    ):
        return True  # "calling the asylum decision an unfriendly act": judged, not done
    if (
        trigger.type == "REQUEST"
        and lemma_of(trigger.token) in ("seek", "strive", "aim")
        and any(c.dep_ == "xcomp" for c in trigger.token.children)
    ):
        return True  # "seeking to bolster security ties": an aim, asked of no one
    verb = trigger.governor or trigger.token
    if verb.pos_ != "VERB" or verb.tag_ not in ("VBZ", "VBP"):
        return False
    if any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return False
    habitual = any(t.lower_ in HABITUAL_WORDS for t in verb.subtree)
    clause = (
        verb.dep_ == "relcl"
        # "Putin, who meets Trump in Alaska": a meeting to come; "which holds talks with Oman
        # every month": a habit
        and (trigger.type != "CONSULT" or habitual)
    ) or (
        # "as Washington seeks to counter ...": an aim; "as the army deploys": a time; "as Iran
        # urges Israel to halt": a request made
        verb.dep_ == "advcl"
        and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)
        and verb_lemma(verb) in AIM_VERBS
    )
    return clause and not any(t.ent_type_ in ("DATE", "TIME") for t in verb.subtree)


def _sides_set_apart(trigger: Trigger) -> bool:
    """ "Saudi Arabia and Iran have backed opposing sides in Yemen": each backs a side against the
    other's, which is no support given to anyone the sentence names."""
    if trigger.type != "SUPPORT" or trigger.token.pos_ != "VERB":
        return False
    return any(
        c.dep_ == "dobj"
        and any(m.dep_ == "amod" and m.lower_ in OPPOSED_MODIFIERS for m in c.children)
        for c in trigger.token.children
    )


# Verbs of taking ground whose past participle describes ground held ("occupied Crimea", "the
# territory occupied by the base", "annexed regions").
HOLDING_VERBS = frozenset({"occupy", "annex"})


def _taken_on_a_day(participle: Token) -> bool:
    """The participle's own phrase of time names a day or a month ("occupied by Russian troops
    on March 2", "in January"), not a decade ("in the 1990s") nor a "since"."""
    for child in participle.children:
        if child.dep_ == "prep" and child.lower_ in ("on", "in"):
            times = [p for p in child.children if p.dep_ == "pobj" and p.ent_type_ == "DATE"]
        elif child.dep_ == "npadvmod" and child.ent_type_ == "DATE":
            times = [child]
        else:
            continue
        if any(
            not any(t.text.endswith("s") and t.text[:-1].isdigit() for t in p.subtree)
            for p in times
        ):
            return True
    return False


def _attributive(trigger: Trigger) -> bool:
    """A participle that only describes a noun: "the negotiating framework", "occupied Crimea",
    "two citizens
    collaborating with Russian intelligence", "the law ratifying the 2012 agreement" say what a
    thing or someone is, not an act of the report's (a visiting leader is still on a visit, and
    "a delegation meeting Iranian officials" still meets them)."""
    token = trigger.token
    if (
        token.tag_ == "VBN"
        and lemma_of(token) in HOLDING_VERBS
        and token.dep_ in ("amod", "acl")
        and token.head.pos_ in ("NOUN", "PROPN")
        # not "Kherson, occupied by Russian troops on March 2": taken on a day, an act (a day
        # on the participle itself; not a decade, nor a day in a clause inside)
        and not _taken_on_a_day(token)
    ):
        return True  # "occupied Crimea", "the territory occupied by the naval base": held, a state
    if token.tag_ != "VBG" or (trigger.type == "CONSULT" and trigger.kind == "visit"):
        return False
    if token.dep_ in ("amod", "compound") and token.head.pos_ in ("NOUN", "PROPN"):
        return True  # "the negotiating framework", "its negotiating team"
    return (
        token.dep_ in ("acl", "advcl")
        and token.head.pos_ == "NOUN"
        and token.head.lemma_.lower() in PRIVATE_PEOPLE
    )


def _mere_claim(trigger: Trigger) -> bool:
    """ "Insisted she had explained the plan": a claim, not a demand; "insisted on talks" or
    "insisted that they must leave" is one."""
    token = trigger.token
    frames = load_frames()
    if (
        trigger.type != "REQUEST"
        or token.pos_ != "VERB"
        or lemma_of(token) not in frames.claim_verbs
    ):
        return False
    if any(c.dep_ == "prep" and c.lower_ == "on" for c in token.children):
        return False
    for clause in (c for c in token.children if c.dep_ == "ccomp"):
        auxes = {a.lower_ for a in clause.children if a.dep_ in ("aux", "auxpass")}
        if auxes & frames.obligation or (clause.tag_ == "VB" and not auxes):
            return False
    return True


def _verb_object(verb: Token) -> Token | None:
    """What a verb acts on: its object, or the noun it describes ("measures imposed on Moscow")."""
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None)
    if obj is None:
        # "summoned today the Ambassador of ...": the object after a time word, which the
        # parser then reads as another adverbial
        obj = next(
            (
                c
                for c in verb.children
                if c.dep_ == "npadvmod"
                and c.i > verb.i
                and c.ent_type_ not in ("DATE", "TIME")
                and c.pos_ in ("NOUN", "PROPN")
                and any(t.ent_type_ in ("DATE", "TIME") for t in verb.doc[verb.i + 1 : c.i])
            ),
            None,
        )
    if obj is None and verb.dep_ == "acl" and verb.tag_ == "VBN":
        obj = verb.head
    if (
        obj is None
        and verb.tag_ == "VBN"
        and any(c.dep_ in ("auxpass", "agent") for c in verb.children)
    ):
        # "Sweden's bid remains blocked by Turkey": a passive the parser gave a plain subject,
        # on the verb or on its "remains"
        obj = next(
            (
                c
                for h in (verb, *(a for a in verb.children if a.dep_ == "auxpass"))
                for c in h.children
                if c.dep_ == "nsubj"
            ),
            None,
        )
    if obj is None:
        obj = participle_patient(verb)
    return obj


def _hosted_talks(triggers: list[Trigger]) -> None:
    """A host receiving two sides at once hosts their talks: "hosted Iran's foreign minister and
    the US envoy" are talks between Iran and the US, with the host as third party."""
    for trigger in triggers:
        verb = trigger.token
        if trigger.type != "CONSULT" or verb.pos_ != "VERB" or lemma_of(verb) != "host":
            continue
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        named = {
            t.ent_type_ + ":" + t.text
            for t in (obj.subtree if obj is not None else [])
            if t.ent_type_ in ("PERSON", "GPE")
        }
        if _at_a_gathering(verb):
            continue  # "hosted the leaders of A, B and C at a summit": the host's summit
        if obj is not None and any(t.dep_ == "conj" for t in obj.subtree) and len(named) >= 2:
            trigger.kind, trigger.mode = "talks", "third-party"


def _without_hosting_participles(triggers: list[Trigger]) -> list[Trigger]:
    """ "Talks hosted by Beijing between X and Y", "the summit hosted by Egypt", "the summit,
    which Switzerland hosted in June": the noun tells the occasion and takes its host; the
    participle or relative clause is no visit of its own."""
    nouns = {
        t.token.i for t in triggers if t.type == "CONSULT" and t.token.pos_ in ("NOUN", "PROPN")
    }
    return [
        t
        for t in triggers
        if not (
            t.type == "CONSULT"
            and (
                t.token.dep_ == "acl"
                or (
                    t.token.dep_ == "relcl"
                    and not any(
                        c.dep_ == "dobj" and c.tag_ not in ("WDT", "WP") for c in t.token.children
                    )
                )
            )
            and (t.token.head.i in nouns or t.token.head.lemma_.lower() in HOSTED_OCCASIONS)
            and lemma_of(t.token) in HOST_VERBS
        )
    ]


# Occasions one hosts for others, no visit paid to the host ("an iftar dinner hosted by Kerry").
HOSTED_OCCASIONS = frozenset(
    "dinner lunch luncheon breakfast banquet reception iftar gala ceremony concert".split()
)


def _hosts_of_gatherings(triggers: list[Trigger]) -> list[Trigger]:
    """ "Hosted the leaders of A and B at a summit": one summit, told by its noun (which takes
    the host and the guests), not a visit besides."""
    gatherings = {
        t.token.head.head.i
        for t in triggers
        if t.type == "CONSULT"
        and t.kind in GATHERING_KINDS
        and t.token.dep_ == "pobj"
        and t.token.head.lower_ in ("at", "for")
    }
    return [
        t
        for t in triggers
        if not (
            t.type == "CONSULT"
            and t.token.pos_ == "VERB"
            and lemma_of(t.token) == "host"
            and t.token.i in gatherings
        )
    ]


def _at_a_gathering(verb: Token) -> bool:
    """The verb is set at or for a summit or a conference ("hosted them at a summit")."""
    nouns = load_lexicon()[0]
    return any(
        c.dep_ == "prep"
        and c.lower_ in ("at", "for")
        and any(
            p.dep_ == "pobj"
            and any(k in GATHERING_KINDS for _, k, _ in nouns.get(p.lemma_.lower(), []))
            for p in c.children
        )
        for c in verb.children
    )


def _retype_by_object(triggers: list[Trigger]) -> None:
    """A verb typed by what it acts on: "imposed measures" sanctions, "welcomed his counterpart"
    hosts a meeting (see `verb_object` in event_triggers.json; '@person' is anyone named)."""
    frames = load_frames()
    for trigger in triggers:
        verb = trigger.token
        left = _left_behind(verb) if trigger.type == "RETREAT" else None
        if left == "accord":
            # "withdrew the US from the nuclear deal", "pulled out of the summit": a refusal
            trigger.type, trigger.kind, trigger.mode = "REJECT", "rejection", None
            continue
        if left == "body":
            # "withdrew from the Council of Europe", "the withdrawal of Mali from ECOWAS": ties
            # with a body cut, as annotators of fresh news type it
            trigger.type, trigger.kind, trigger.mode = "SANCTION", "withdraw", None
            continue
        if verb.pos_ != "VERB" or trigger.governor is not None:
            continue
        obj = _verb_object(verb)
        if obj is None:
            continue
        lemma = lemma_of(verb)
        person = (
            obj.ent_type_ == "PERSON" or obj.lemma_.lower() in frames.person_objects
        ) and not _a_possessors_part(obj)
        found = frames.verb_object.get((lemma, obj.lemma_.lower())) or (
            frames.verb_object.get((lemma, "@person")) if person else None
        )
        if found is None:
            continue
        type_, _, kind = found.partition(" ")
        trigger.type, trigger.kind, trigger.mode = type_, kind or trigger.kind, None
    for trigger in triggers:
        if trigger.type == "REQUEST" and invited_to_a_place(trigger.token):
            # "invited Xi to India for a summit next year": the guest's visit, now planned
            trigger.type, trigger.kind, trigger.mode = "CONSULT", "visit", None


# What someone says or does, as against a body a role heads: "the head of the IMF's decision",
# where the parser makes "head" the object, is the decision (not "the head of Peru's Senate").
_POSSESSED_ACTS = frozenset(
    "decision plan proposal visit report remark statement finding initiative offer call move "
    "speech comment request demand warning assessment announcement position policy idea letter "
    "message appeal bid pledge plea choice stance view response reply".split()
)


def _a_possessors_part(role: Token) -> bool:
    """ "the head of the IMF's decision", "the head of state's visit": the parser makes the role
    word the object, while what is acted on is what the "of" phrase's possessor said or did."""
    return any(
        prep.dep_ == "prep"
        and prep.lower_ == "of"
        and pobj.lemma_.lower() in _POSSESSED_ACTS
        and any(c.dep_ == "poss" for c in pobj.children)
        for prep in role.children
        for pobj in prep.children
    )


# What one leaves in refusal, not in retreat: an accord or a meeting; and the bodies one leaves,
# cutting ties.
LEFT_IN_REFUSAL = frozenset(
    "deal agreement accord pact treaty convention summit talk negotiation process framework "
    "initiative forum conference".split()
)
BODIES_LEFT = frozenset("bloc alliance organisation organization union council".split())


def _left_behind(verb: Token) -> str | None:
    """ "withdrew the US from the 2015 nuclear deal", "pulled out of the summit": an accord or a
    meeting is left ("accord"); "withdrew from the Council of Europe": a body ("body"); troops
    withdrawn "from Kherson" retreat (None)."""
    # "pulled out of": the parser hangs "of" on the particle, or reads the particle as a prep
    holders = [verb, *(c for c in verb.children if c.dep_ == "prt" or c.lower_ == "out")]
    for prep in (c for h in holders for c in h.children):
        if prep.dep_ != "prep" or prep.lower_ not in ("from", "of"):
            continue
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            ent = entity_at(pobj)
            if pobj.lemma_.lower() in LEFT_IN_REFUSAL:
                return "accord"
            if pobj.lemma_.lower() in BODIES_LEFT or (
                ent is not None and organization_name(ent.text) is not None
            ):
                return "body"  # a body the gazetteer knows ("the Council of Europe", "ECOWAS")
    return None


def _blows(triggers: list[Trigger]) -> None:
    """ "Russian missiles slammed into the port": a verb of criticism with "into" or "onto" tells
    a blow struck, an attack, not words."""
    for trigger in triggers:
        verb = trigger.governor or trigger.token
        if (
            trigger.type == "ACCUSE"
            and verb.pos_ == "VERB"
            and lemma_of(verb) in IMPACT_VERBS
            and any(c.dep_ == "prep" and c.lower_ in ("into", "onto") for c in verb.children)
            and _a_thing_hits(verb)
        ):
            trigger.type, trigger.kind, trigger.mode = "ASSAULT", "attack", None


def _a_thing_hits(verb: Token) -> bool:
    """The subject is a thing ("missiles", "a drone"), not someone who "slammed into" a rival in
    words ("Trump slammed into Zelensky")."""
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return (
        subject is not None
        and subject.pos_ == "NOUN"
        and subject.ent_type_ not in ("PERSON", "ORG", "GPE", "NORP")
        and subject.lemma_.lower() not in load_frames().person_objects
    )


def _conversations_told_as_calls(triggers: list[Trigger]) -> None:
    """ "Carney spoke with Sheinbaum on Wednesday ... The call comes at a delicate moment": a
    conversation the article names a call anywhere (the phone, a call of its own) was one."""
    spoken = [
        t
        for t in triggers
        if t.type == "CONSULT"
        and t.kind == "talks"
        and t.token.pos_ == "VERB"
        and lemma_of(t.token) in SPEAKING_VERBS
    ]
    for trigger in spoken:
        if not (_spoke_with_a_side(trigger.token) or spoke_together(trigger.token)):
            triggers.remove(trigger)  # "spoke with the BBC's X", "spoke with one voice"
    spoken = [t for t in spoken if t in triggers]
    if spoken and _names_a_call(spoken[0].token.sent):
        for trigger in spoken:
            trigger.kind, trigger.mode = "phone_call", "phone"


# How a sitting-down is held by phone: "talks by phone", "over the phone", "via telephone".
PHONE_PREPS = frozenset({"by", "over", "via", "on"})
PHONE_NOUNS = frozenset({"phone", "telephone"})


def _talks_held_by_phone(triggers: list[Trigger]) -> list[Trigger]:
    """ "Held talks by phone", "held talks with Peru by telephone": the talks were a call, one
    sitting-down told by its noun and how it was held, whether the parser hangs the phone on the
    noun or on the verb that holds it. The talks take the call's kind; the phone is no call of
    its own. Not talks held somewhere ("held talks with X in Berlin, and with Y by phone"), nor
    talks "on the phone call between X and Y" (what they were about)."""
    sittings = {
        t.token.i: t
        for t in triggers
        if t.type == "CONSULT" and t.kind in SITTING_KINDS and t.mode != "phone"
    }
    absorbed: set[int] = set()
    for phone in triggers:
        token = phone.token
        if phone.mode != "phone" or not _the_line_it_was_held_on(token):
            continue
        held = token.head.head
        talks = sittings.get(held.i)
        if talks is None and verb_lemma(held) in load_frames().light:
            # "held talks with Peru by telephone": the phone on the verb, the talks its object
            objects = [c for c in held.children if c.dep_ == "dobj"]
            if len(objects) == 1 and objects[0].i in sittings:
                talks = sittings[objects[0].i]
        if talks is None or _held_somewhere_or_with_others(talks.token, held):
            continue
        talks.kind, talks.mode = "phone_call", "phone"
        absorbed.add(token.i)
    return [t for t in triggers if t.token.i not in absorbed]


def _the_line_it_was_held_on(token: Token) -> bool:
    """ "by phone", "over the phone", "via telephone": the line itself, bare, after a preposition
    of means; not "on the phone call between X and Y" (a call talked about)."""
    return (
        token.dep_ == "pobj"
        and token.head.lower_ in PHONE_PREPS
        and token.lower_ in PHONE_NOUNS
        and all(c.dep_ == "det" and c.lower_ == "the" for c in token.children)
    )


def _held_somewhere_or_with_others(talks: Token, held: Token) -> bool:
    """Talks told with a place ("in Berlin") or with a second partner coordinated ("with Scholz
    ..., and with Biden by phone"): the phone may be only the second partner's."""
    for node in {talks.i: talks, held.i: held}.values():
        for prep in (c for c in node.children if c.dep_ == "prep"):
            if prep.lower_ in ("in", "at") and any(
                t.ent_type_ in ("GPE", "LOC", "FAC") for t in prep.subtree
            ):
                return True
            if any(c.dep_ == "conj" for c in prep.children):
                return True  # "with Scholz ... and with Biden"
        if any(c.dep_ == "conj" and c.pos_ == "ADP" for c in node.children):
            return True
    return False


def _spoke_with_a_side(verb: Token) -> bool:
    """Whom someone "spoke with" is a side: a named person, country or body that is not the
    press ("the BBC's Steve Rosenberg", "reporters")."""
    partners = [
        p
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ == "with"
        for p in c.children
        if p.dep_ == "pobj"
    ]
    return any(
        any(t.ent_type_ in ("PERSON", "GPE", "ORG", "NORP") for t in p.subtree)
        and not any(media_outlet(t.text) for t in p.subtree if t.ent_type_ == "ORG")
        for p in partners
    )


# What tells that two who "spoke" spoke to each other: where or how long ("spoke briefly on the
# sidelines", "spoke for 20 minutes", "spoke by phone").
CONVERSATION_PREPS = frozenset({"on", "by", "for", "over"})
CONVERSATION_NOUNS = frozenset(
    {"sidelines", "margins", "phone", "telephone", "minute", "minutes", "hour", "hours"}
)
CONVERSATION_ADVERBS = frozenset({"privately"})
# Where two "spoke" to others, not to each other.
AUDIENCE_NOUNS = frozenset({"conference", "briefing", "rally", "press", "reporters", "forum"})


def _untaken(sent: Span, found: list[Trigger]) -> list[Token]:
    """The sentence's words no trigger found so far is made of: where a reading of a verb the
    lexicon misses may still begin."""
    taken = {i for t in found for i in t.tokens}
    return [token for token in sent if token.i not in taken]


def _conversations_of_a_pair(sent: Span, found: list[Trigger]) -> list[Trigger]:
    """ "X and Y spoke briefly on the sidelines": a conversation the phrase lexicon misses, as it
    names no "with"."""
    return [
        Trigger("CONSULT", "talks", None, token, (token.i,))
        for token in _untaken(sent, found)
        if token.pos_ == "VERB"
        and (lemma_of(token) in SPEAKING_VERBS or _sat_down(token))
        and spoke_together(token)
    ]


def _sat_down(verb: Token) -> bool:
    """ "X and Y sat down for an hour": two sides who sat down for a while talked (with whom
    they sat down, "sat down with", the phrase lexicon knows). Not sitting down together at a
    ceremony or a match, nor to watch one, nor a sitting down still to come."""
    return (
        lemma_of(verb) == "sit"
        and verb.tag_ == "VBD"
        and any(c.dep_ == "prt" and c.lower_ == "down" for c in verb.children)
        and any(
            c.dep_ == "prep"
            and c.lower_ == "for"
            and any(t.lower_ in ("minute", "minutes", "hour", "hours") for t in c.subtree)
            for c in verb.children
        )
        and not any(c.dep_ in ("xcomp", "advcl") and c.tag_ == "VB" for c in verb.children)
    )


# What "called X" is, but no phone call: summoned ("called in", "called X to the ministry"),
# cancelled, challenged, or set before a court.
NOT_PHONING_PARTICLES = frozenset(
    {"in", "off", "out", "to", "into", "before", "upon", "on", "as", "from", "over", "home"}
    | {"forward"}
)
# What one calls someone to do on the phone ("called Modi to congratulate him").
CALLING_PURPOSES = frozenset(
    {"discuss", "congratulate", "offer", "express", "thank", "brief", "inform", "wish", "assure"}
    | {"convey", "extend", "condole", "update", "review"}
)
# A complement that makes "called X ..." a label or a summons: "called Putin a killer", "called
# Biden weak", "called Zelensky 'a true friend'".
LABEL_DEPS = frozenset({"oprd", "attr", "ccomp", "acomp", "dative"})


def _people_phoned(sent: Span, found: list[Trigger]) -> list[Trigger]:
    """ "Biden called Russian leader Vladimir Putin on April 13": calling a named person, in an
    article that names a call or the phone, is a phone call. Not a label ("called Putin a
    killer"), a summons ("called in the ambassador", "called X to the ministry") nor a
    passive ("was called a traitor")."""
    called = [
        token
        for token in _untaken(sent, found)
        if token.pos_ == "VERB" and lemma_of(token) == "call" and _a_person_called(token)
    ]
    # (the whole article is read only for a sentence that has such a verb)
    if not called or not _an_article_of_calls(sent.doc):
        return []
    return [Trigger("CONSULT", "phone_call", "phone", token, (token.i,)) for token in called]


def _a_signing_told_as_held(sent: Span, found: list[Trigger]) -> list[Trigger]:
    """ "The signing took place on March 21 in Brussels": the deal the article told, signed
    then and there (a bare "signing", of no deal named in its own phrase)."""
    return [
        Trigger("AGREE", "agreement", None, token, (token.i,))
        for token in _untaken(sent, found)
        if token.lower_ == "signing"
        and token.pos_ == "NOUN"
        and token.dep_ == "nsubj"
        and not any(c.dep_ == "prep" for c in token.children)
        and lemma_of(token.head) == "take"
        and any(c.dep_ == "dobj" and c.lower_ == "place" for c in token.head.children)
    ]


# Stretches of time one spends with another ("spent an afternoon with Sharif").
TIME_SPENT = frozenset(
    "afternoon morning evening day days hour hours night nights time weekend minutes".split()
)


# Whose company time is spent in: people and states, not firms or things.
COMPANY_KEPT = frozenset({"PERSON", "GPE", "NORP"})


def _time_spent_with(sent: Span, found: list[Trigger]) -> list[Trigger]:
    """ "Modi diverted to Lahore and spent an afternoon with Pakistan's Nawaz Sharif": time spent
    in someone's company, told as done, is a meeting of the two."""
    return [
        Trigger("CONSULT", "meeting", None, token, (token.i,))
        for token in _untaken(sent, found)
        if token.pos_ == "VERB"
        and lemma_of(token) == "spend"
        and token.tag_ in ("VBD", "VBN")
        and any(
            c.dep_ == "dobj"
            and c.lower_ in TIME_SPENT
            # not "spent more time with Trump than any other leader": a tally, no sitting
            and not any(m.lower_ in ("more", "less", "most", "much") for m in c.children)
            for c in token.children
        )
        # not "spent two hours with Lavrov on the phone": a call
        and not any(t.lemma_.lower() in PHONE_WORDS for t in sent)
        and any(
            c.dep_ == "prep"
            and c.lower_ == "with"
            and any(p.dep_ == "pobj" and p.ent_type_ in COMPANY_KEPT for p in c.children)
            for c in token.children
        )
    ]


def _a_person_called(verb: Token) -> bool:
    children = list(verb.children)
    objects = [c for c in children if c.dep_ == "dobj"]
    # "called his Estonian counterpart Alar Karis": the parser takes the name after the title
    # for a label; a person's name right after the object is the object's own
    named = [
        c
        for c in children
        if c.dep_ == "oprd"
        and len(objects) == 1
        and c.left_edge.i == objects[0].i + 1
        and c.pos_ == "PROPN"
        and c.ent_type_ == "PERSON"
    ]
    if named:
        children.remove(objects[0])
        objects = named
    elif not objects:
        # "called Russian leader Vladimir Putin on Tuesday", parsed with the name as a label of
        # no object: the one name is whom was called, unless the verb calls for something
        # ("called Pezeshkian and Netanyahu to restraint")
        named = [
            c
            for c in children
            if c.dep_ == "oprd" and c.pos_ == "PROPN" and c.ent_type_ == "PERSON"
        ]
        objects = named if len(named) == 1 else []
    if not any(c.dep_ == "nsubj" for c in children) or any(
        c.dep_ in LABEL_DEPS | {"nsubjpass", "auxpass"} for c in children if c not in named
    ):
        return False
    if any(
        c.dep_ in ("prt", "prep")
        and c.lower_ in NOT_PHONING_PARTICLES
        # "on" naming a time ("called Putin on April 13"), not whom a request was made of
        and not (c.lower_ == "on" and any(p.ent_type_ in ("DATE", "TIME") for p in c.children))
        for c in children
    ):
        return False
    asked = [c for c in children if c.dep_ in ("xcomp", "advcl")]
    if asked and not all(lemma_of(c) in CALLING_PURPOSES for c in asked):
        # "called Netanyahu to end the war", "called Hegseth to testify", "called X and Y to
        # restraint": called on to act, or summoned (while "called Modi to congratulate him" is
        # a call)
        return False
    if any(
        c.lower_ == "back"
        and any(g.dep_ == "prep" and g.lower_ in ("from", "to", "into") for g in c.children)
        for c in children
    ):
        return False  # "called the foreign secretary back from Washington": recalled
    return (
        len(objects) == 1
        and objects[0].pos_ == "PROPN"
        and objects[0].ent_type_ == "PERSON"
        # "called Xi Jinping a dictator", read as an apposition or a clause on the name
        and not any(c.dep_ in LABEL_DEPS | {"appos", "relcl", "acl"} for c in objects[0].children)
    )


def _an_article_of_calls(doc: Doc) -> bool:
    """The article names a call or the phone somewhere ("welcomed the call", "by phone")."""
    return any(
        t.lower_ in PHONE_WORDS or (t.lemma_.lower() == "call" and t.pos_ == "NOUN") for t in doc
    )


def spoke_together(verb: Token) -> bool:
    """ "Blinken and Lavrov spoke for about 10 minutes on the sidelines": two named sides as the
    subject, and a word of where or how long they talked, so not each speaking to an audience
    ("Blinken and Lavrov spoke at the meeting")."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None) or misread_subject(verb)
    if subject is None:
        return False
    named = [subject, *(c for c in subject.children if c.dep_ == "conj")]
    if len(named) < 2 or not all(
        any(t.ent_type_ in ("PERSON", "GPE", "ORG", "NORP") for t in n.subtree) for n in named
    ):
        return False
    if any(c.dep_ in ("prep", "dative") and c.lower_ == "to" for c in verb.children):
        return False  # "spoke to reporters": to an audience
    if any(
        c.dep_ == "prep" and any(t.lower_ in AUDIENCE_NOUNS for t in c.subtree)
        for c in verb.children
    ):
        return False  # "spoke at a joint news conference"
    if lemma_of(verb) == "talk" and headline_infinitive(verb):
        return True  # "Biden and Xi to talk on Friday": each other is whom two sides talk to
    for child in verb.children:
        if child.dep_ == "advmod" and child.lower_ in CONVERSATION_ADVERBS:
            return True
        if child.dep_ == "prep" and child.lower_ in CONVERSATION_PREPS:
            if any(t.lower_ in CONVERSATION_NOUNS for t in child.subtree):
                return True
    return False


def _names_a_call(sent: Span) -> bool:
    """The article names the conversation's phone ("talk trade by phone", "a phone call", not "a
    phone hacking scheme"), or the sentence or the next call it "the call"."""
    doc = sent.doc
    if any(
        t.lower_ in PHONE_WORDS
        and (t.dep_ != "compound" or t.head.lemma_.lower() in ("call", "conversation"))
        for t in doc
    ):
        return True
    following = doc[sent.end].sent if sent.end < len(doc) else None
    tokens = [*sent, *(following or ())]
    return any(
        (
            t.lemma_.lower() == "call"
            and t.pos_ == "NOUN"
            and is_definite(t)  # "the call", "their call": the one just told
            and not any(  # not "the call for restraint", "the call to halt the fighting"
                (c.dep_ == "prep" and c.lower_ in ("for", "on", "to")) or c.dep_ == "acl"
                for c in t.children
            )
        )
        for t in tokens
    )


def _courtesy_calls(triggers: list[Trigger]) -> None:
    """ "Peters also called on the King's Representative, Sir Tom Marsters": calling on a person,
    asking nothing of them (no "to ..." nor "for ..."), is a visit paid, not a request."""
    frames = load_frames()
    for trigger in triggers:
        verb = trigger.token
        if trigger.type != "REQUEST" or verb.pos_ != "VERB" or lemma_of(verb) != "call":
            continue
        person = next(  # not "on Wednesday"
            (
                p
                for c in verb.children
                if c.dep_ == "prep" and c.lower_ in ("on", "upon")
                for p in c.children
                if p.dep_ == "pobj" and p.ent_type_ not in ("DATE", "TIME")
            ),
            None,
        )
        if person is None or any(
            c.dep_ in ("xcomp", "ccomp", "advcl") or (c.dep_ == "prep" and c.lower_ == "for")
            for c in (*verb.children, *person.children)
        ):
            continue
        if (
            person.ent_type_ == "PERSON"
            or person.lemma_.lower() in frames.person_objects
            or any(c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in person.children)
        ):
            trigger.type, trigger.kind, trigger.mode = "CONSULT", "meeting", None


def _agreed_terms(triggers: list[Trigger]) -> list[Trigger]:
    """ "Agreed to restore relations and reopen embassies": a pledge inside what an agreement's
    verb says was agreed is its terms, not a second agreement."""
    verbs = [t.token for t in triggers if t.type == "AGREE" and lemma_of(t.token) == "agree"]

    def within(trigger: Trigger) -> bool:
        node = trigger.governor or trigger.token
        return any(
            c.dep_ in ("xcomp", "ccomp") and c.left_edge.i <= node.i <= c.right_edge.i
            for verb in verbs
            for c in verb.children
        )

    return [t for t in triggers if not (t.type == "AGREE" and t.token not in verbs and within(t))]


def _threats_in_pledges(triggers: list[Trigger]) -> list[Trigger]:
    """ "Vowed to impose tariffs", "vowing to eradicate the cartels": a promise of a hostile act
    is a threat, and the act is its content, not an event of its own."""
    frames = load_frames()
    by_token = {t.token.i: t for t in triggers}
    absorbed: set[int] = set()
    for trigger in triggers:
        verb = trigger.token
        if verb.pos_ != "VERB" or lemma_of(verb) not in PROMISE_VERBS:
            continue
        inner = [
            by_token[t.i]
            for c in verb.children
            if c.dep_ in ("xcomp", "ccomp", "advcl")
            for t in c.subtree
            if t.i in by_token and t.i != verb.i and not _in_a_clause_of_time(t, c)
        ]
        hostile = [t for t in inner if t.type in frames.hostile]
        if hostile or any(
            _a_retaliation(c) and not any(n.dep_ == "neg" for n in c.children)
            for c in verb.children
            if c.dep_ == "xcomp"
        ):
            # "vowed to retaliate", "vowed to respond in kind": a hostile act promised too
            trigger.type, trigger.kind, trigger.mode = "THREATEN", "threat", None
            absorbed.update(t.token.i for t in hostile)
    return [t for t in triggers if t.token.i not in absorbed]


def _in_a_clause_of_time(token: Token, top: Token) -> bool:
    """The token is told in a clause of time below `top` ("pledged to restore ties ... since
    Turkey shot down a warplane"): what the promise is dated by, not what it promises."""
    node = token
    while node.i != top.i and node.head.i != node.i:
        if node.dep_ == "advcl" and any(
            m.dep_ == "mark" and m.lower_ in SUBORDINATING_MARKS for m in node.children
        ):
            return True
        node = node.head
    return False


def _a_retaliation(verb: Token) -> bool:
    """ "retaliate", "respond in kind", "hit back": paying back a hostile act."""
    lemma = lemma_of(verb)
    if lemma == "retaliate":
        return True  # (not "reciprocate", which may answer goodwill)
    return (
        lemma == "respond"
        and any(
            c.dep_ == "prep" and c.lower_ == "in" and any(p.lower_ == "kind" for p in c.children)
            for c in verb.children
        )
    ) or (
        lemma == "hit"
        and any(c.dep_ in ("prt", "advmod") and c.lower_ == "back" for c in verb.children)
    )


# Verbs of liking whose gerund object is a habit or a taste, not an act ("love visiting").
LIKING_VERBS = frozenset({"like", "love", "enjoy", "hate", "prefer", "dislike", "adore"})


def _a_means_for(noun: Token) -> bool:
    """A means a purpose is "for" ("a mechanism for dialogue", "a framework for talks"): the
    purpose is what it would serve, no sitting told."""
    return noun.pos_ == "NOUN" and noun.lemma_.lower() in MEANS_NOUNS


# Auxiliaries telling a participle as done: "was reached", "has been settled".
PAST_AUXES = frozenset({"was", "were", "has", "have", "had", "been"})


def _a_channel(noun: Token) -> bool:
    """Talks as the way something is to be done or sought ("will settle the dispute through
    dialogue", "voiced support for diplomacy via the Pacific Fisheries Dialogue", a standing
    forum by its name): a channel, no sitting told. Not talks through which something was done
    ("the ceasefire was reached through talks in Cairo", "came through talks on Friday"): they
    were held; nor talks told of in their own right ("through talks held in Doha last week")."""
    if not (noun.pos_ in ("NOUN", "PROPN") and noun.dep_ == "pobj"):
        return False
    prep = noun.head
    if prep.lower_ not in CHANNEL_PREPS or _dated_or_told_of(noun):
        return False
    if noun.pos_ == "PROPN" and not any(
        c.dep_ == "prep" and c.lower_ in ("with", "between", "among") for c in noun.children
    ):
        return True  # a forum by its name, with no sides of a sitting
    done = prep.head
    if any(c.dep_ == "advmod" and c.lower_ in HABITUAL for c in done.children):
        return True  # "have always been defused through talks": a habit, no sitting
    auxes = {c.lower_ for c in done.children if c.dep_ in ("aux", "auxpass")}
    return not (
        done.pos_ in ("VERB", "AUX")
        and (done.tag_ == "VBD" or (done.tag_ == "VBN" and auxes & PAST_AUXES))
        and not auxes & MODALS
    )


def _one_of_its_own(noun: Token) -> bool:
    """A sitting told as one of its own, which may well be held whatever is wanted of it:
    definite or someone's ("the meeting", "Friday's summit", "Modi's visit"), dated ("a meeting
    on Monday"), or told of in a clause ("a meeting, which will be held on Friday")."""
    if any(
        (c.dep_ == "det" and c.lower_ not in ("a", "an", "any", "some", "no")) or c.dep_ == "poss"
        for c in noun.children
    ):
        return True
    return _dated_or_told_of(noun)


def _dated_or_told_of(noun: Token) -> bool:
    """A sitting with a day or a clause of its own ("a meeting on Monday", "talks held in Doha",
    "a meeting, which will be held on Friday"): one told in its own right."""
    return any(t.ent_type_ in ("DATE", "TIME") or t.dep_ in ("relcl", "acl") for t in noun.subtree)


def _irrealis(trigger: Trigger) -> bool:
    """A to-infinitive hanging off a wish, a request or a need: asked for, not done ("the need to
    deliver aid", "calls for the militia to disarm", "urged them to withdraw")."""
    token = trigger.token
    if token.pos_ == "NOUN" and any(
        c.dep_ in ("acl", "relcl") and c.tag_ == "VBN" and lemma_of(c) in CONCLUDED_CUES
        for c in token.children
    ):
        # "the need to stabilise ties in their first talks, held in Bali", "demanded talks,
        # which were held on Monday": held
        return False
    node = trigger.governor or token
    if trigger.type == "CONSULT" and trigger.kind == "visit" and invited_trip(node) is not None:
        return False  # "invited Kim to visit Moscow": a trip now planned, not only wished
    heads = load_frames().irrealis_heads
    if (
        node.tag_ == "VBG"
        and node.dep_ in ("xcomp", "dobj", "ccomp")
        and verb_lemma(node.head) in LIKING_VERBS
        and node.head.tag_ in ("VBP", "VBZ")
    ):
        # "European fans love visiting Kyiv": a liking, no visit (not "enjoyed visiting Kyiv
        # last week": told of one)
        return True
    if node.dep_ == "pobj" and node.head.lower_ == "for" and lemma_of(node.head.head) in heads:
        return True  # "the need for dialogue with X", "calls for talks"
    if (
        node.dep_ == "pobj"
        and node.head.lower_ == "for"
        and _a_means_for(node.head.head)
        and not _one_of_its_own(node)
    ):
        return True  # "a mechanism for dialogue between X and Y": what it would be used for
    if trigger.type == "CONSULT" and _a_channel(token):
        return True  # "settle it through dialogue", "through the Pacific Fisheries Dialogue"
    if (
        trigger.governor is None
        and node.pos_ == "NOUN"
        and node.dep_ == "dobj"
        and lemma_of(node.head) in WANTING_VERBS
        and not _one_of_its_own(node)
    ):
        return True  # "Chile wants talks with Peru", "sought a meeting with Lula": wished for
    if (
        node.tag_ == "VBG"
        and node.dep_ == "pcomp"
        and node.head.lower_ in ("to", "toward", "towards")
        and node.head.head.lemma_.lower() in heads | {"commitment"}
    ):
        return True  # "Cairo's commitment to reaching a fair agreement": an aim, not a deal
    if (
        trigger.governor is None
        and node.pos_ == "NOUN"
        and node.dep_ == "dobj"
        and _purpose(node.head)
    ):
        return True  # "established to promote bilateral discussion": a goal, not talks held
    if (
        node.pos_ == "VERB"
        and node.dep_ == "ccomp"
        and node.tag_ == "VB"
        and verb_lemma(node.head) in heads
        and not any(c.dep_ == "aux" for c in node.children)
    ):
        return True  # "demanded that Vilnius withdraw its envoy": asked for, not done
    if node.dep_ == "pobj" and node.head.lower_ in ("at", "during"):
        node = node.head.head  # "would like to meet him at the conference": as the meeting fares
    if (
        node.dep_ == "conj"
        and node.pos_ == "VERB"
        and node.tag_ == "VB"
        and node.head.tag_ in ("VBD", "VBZ")
        and not any(c.dep_ in ("aux", "nsubj") for c in node.children)
        and (
            asked := next(
                (
                    c
                    for c in node.head.children
                    if c.dep_ == "xcomp"
                    and c.i < node.i
                    and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
                ),
                None,
            )
        )
        is not None
    ):
        # "called on the US to stop hyping X, lift sanctions and ...": a bare verb can only go
        # on the list of what was asked, wherever the parser hung it
        node = asked
    if (
        node.dep_ == "conj"
        and node.pos_ == "VERB"
        and node.tag_ == "VB"  # not "urged them to talk and visited the camps": done
        and not any(c.dep_ in ("aux", "nsubj") for c in node.children)
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in node.head.children)
    ):
        node = node.head  # "urged Putin to end the war and withdraw his troops": both asked for
    if (
        node.dep_ in ("xcomp", "ccomp")
        and node.tag_ == "VB"
        and lemma_of(node.head) == "help"
        and node.head.tag_ == "VB"
    ):
        node = node.head  # "urged Iran to help ease tensions": what is asked is the easing
    if node.pos_ != "VERB" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children):
        return False
    # by the verb with its particle: "called on X to withdraw" asks, "called in the envoy to lodge a
    # protest" summons
    head = node.head
    if verb_lemma(head) == "give" and not _a_deadline(head):
        return False  # "gave a news conference to announce the deal": announced, not wished
    if verb_lemma(head) in load_frames().permitting and head.tag_ == "VBD":
        return False  # "the truce allowed the envoy to meet Hamas on Sunday": he did
    if node.dep_ in ("advcl", "xcomp") and verb_lemma(node) in load_frames().agreement_light:
        return True  # "will meet in Windsor on Monday to finalise a deal": what it is for
    if verb_lemma(head) in PURPOSE_PARTICIPLES and _a_gatherings_purpose(head):
        return True  # "the meeting, intended to seal an agreement": what it was for
    if (
        node.dep_ == "acl"
        and head.pos_ == "NOUN"
        and _an_agreement_noun(head)
        and not (head.dep_ == "dobj" and verb_lemma(head.head) in DEAL_BREAKING_VERBS)
    ) or (
        node.dep_ == "advcl"
        and head.pos_ == "VERB"
        and verb_lemma(head) not in DEAL_BREAKING_VERBS
        and any(c.dep_ == "dobj" and _an_agreement_noun(c) for c in head.children)
    ):
        # "signed two agreements to prevent incidents at sea", "brokered a deal to release the
        # hostages", "made a pledge to withdraw": what the deal or pledge provides, no act done
        return True
    return node.dep_ in ("acl", "relcl", "xcomp", "ccomp", "advcl") and verb_lemma(head) in heads


# Verbs giving talks' purpose ("a visit meant to ease tensions"): the purpose is no act.
PURPOSE_PARTICIPLES = frozenset({"intend", "mean", "design"})


# Verbs of acting against a deal, or taking one up ("violated the ceasefire to shell the town",
# "accepted an offer to meet Biden"): what follows is done, or now planned, not the deal's text.
DEAL_BREAKING_VERBS = frozenset(
    {"break", "violate", "breach", "ignore", "defy", "flout", "disregard", "accept"}
)


def _an_agreement_noun(noun: Token) -> bool:
    """ "Agreement", "deal", "pledge": a noun the lexicon reads as an agreement or a pledge."""
    return noun.pos_ != "VERB" and names_an_agreement(noun, kinds=("agreement", "pledge"))


def _a_gatherings_purpose(verb: Token) -> bool:
    """ "The meeting, intended to ...", read as a participle on the meeting or as its verb."""
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        return tells_of_talks(verb.head)
    return any(c.dep_ in ("nsubj", "nsubjpass") and tells_of_talks(c) for c in verb.children)


def _a_deadline(give: Token) -> bool:
    """ "gave both sides until Friday", "gave them 48 hours", "gave the green light": time or
    leave to do something, not yet done."""
    return any(
        (c.dep_ == "prep" and c.lower_ in ("until", "till"))
        or (c.dep_ in ("dobj", "dative") and c.lemma_.lower() in DEADLINE_NOUNS)
        for c in give.children
    )


DEADLINE_NOUNS = frozenset(
    {
        "time",
        "deadline",
        "ultimatum",
        "mandate",
        "permission",
        "chance",
        "light",
        "hour",
        "day",
        "week",
        "month",
        "approval",
        "go-ahead",
        "opportunity",
    }
)


def _purpose(verb: Token) -> bool:
    """A to-infinitive of purpose: "set up to promote ...", "work to strengthen ..."."""
    return (
        verb.pos_ == "VERB"
        and verb.dep_ in ("advcl", "xcomp", "acl")
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        and verb_lemma(verb) not in load_frames().light
    )


def _verbal_clash(trigger: Trigger) -> bool:
    """ "Clashed with Venezuela at an emergency meeting", "clashed with Lula": words exchanged,
    no attack."""
    if trigger.type not in load_frames().physical:
        return False
    node = trigger.governor or trigger.token
    nouns, _, _ = load_lexicon()
    for prep in node.children:
        if prep.dep_ == "prep" and prep.lower_ in ("at", "during", "in"):
            for pobj in prep.children:
                if pobj.dep_ == "pobj" and any(
                    o[0] == "CONSULT" for o in nouns.get(pobj.lemma_.lower(), [])
                ):
                    return True
        if (
            prep.dep_ == "prep"
            and prep.lower_ == "with"
            and lemma_of(node) == "clash"
            and any(p.dep_ == "pobj" and p.ent_type_ == "PERSON" for p in prep.children)
            and _a_person_clashed(node)
        ):
            return True  # "Milei, who has clashed with Lula": words, no fighting
    if lemma_of(node) == "clash" and _persons_clashed(node) and not _fought(node):
        return True  # "Lula and Milei openly clashed over trade": words
    return False


def _persons_clashed(verb: Token) -> bool:
    """Who clashed are people named ("X and Y clashed over Z"): a clash of words (an armed clash
    is told of troops, forces, fighters)."""
    # "X and Y reaffirmed ... but clashed over Z": the subject of the verbs it is joined to
    subject = next((s for v in verbs_joined(verb) if (s := clause_subject(v)) is not None), None)
    return (
        subject is not None
        and subject.ent_type_ == "PERSON"
        and subject.lemma_.lower() not in ARMED
        and all(c.ent_type_ == "PERSON" for c in subject.conjuncts)
    )


def verbs_joined(verb: Token) -> list[Token]:
    """The verb and those it is joined to, back to the first ("attended a reception, called on X
    and met Y": met, called, attended), which share its "also" and its subject. The parser may
    hang the second on the first's object, a past tense read as a participle that a past tense
    is joined to."""
    told = [verb]
    while len(told) < 8:
        last = told[-1]
        if last.dep_ == "conj" and last.head.pos_ in ("VERB", "AUX"):
            told.append(last.head)
        elif (
            last.dep_ == "acl"
            and (
                last.tag_ == "VBD"
                or any(c.dep_ == "conj" and c.tag_ == "VBD" for c in last.children)
            )
            and last.head.head.pos_ in ("VERB", "AUX")
        ):
            told.append(last.head.head)
        else:
            break
    return told


def _fought(verb: Token) -> bool:
    """A clash told as fighting: with an armed side ("clashed with Colombian forces"), or with
    a toll as its outcome ("clashed in Khartoum, leaving dozens dead"; not a toll that is what
    they argued over: "clashed over the death toll")."""
    if any(
        t.lower_ in ARMED
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ == "with"
        for t in c.subtree
    ):
        return True
    topic = {
        t.i
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ in ("over", "about", "on")
        for t in c.subtree
    }
    return any(
        t.lemma_.lower() in CASUALTY_WORDS and t.i not in topic and not _quoted_or_claimed(t)
        for t in verb.sent
    )


def _quoted_or_claimed(token: Token) -> bool:
    """A word in a clause of what someone claims or says ("claims that farmers are being
    killed"): told, not the clash's outcome."""
    return any(a.dep_ in ("ccomp", "acl") and a.i != token.i for a in token.ancestors)


ARMED = frozenset(
    {"army", "troops", "forces", "soldiers", "military", "police", "rebels", "militants"}
    | {"fighters", "militia", "militiamen", "guards", "navy", "protesters", "demonstrators"}
)


def _a_person_clashed(verb: Token) -> bool:
    """The one who clashed is not an armed body ("Milei, who has clashed with Lula", "the
    Argentine leader has clashed with Lula"; not "Sudan's army clashed with Hemedti")."""
    subject = clause_subject(verb)
    return subject is not None and subject.lemma_.lower() not in ARMED


def _mishap(trigger: Trigger) -> bool:
    """ "Killed in a helicopter crash": a death in a mishap or a disaster, no attack."""
    if trigger.type not in load_frames().physical:
        return False
    node = trigger.governor or trigger.token
    return any(
        prep.dep_ == "prep"
        and prep.lower_ == "in"
        and any(
            p.dep_ == "pobj" and p.lemma_.lower() in load_frames().accidents for p in prep.children
        )
        for prep in node.children
    )


def _lexical_triggers(sent: Span) -> list[Trigger]:
    """Multi-word phrases first (longest wins), then single nouns and verbs by lemma."""
    nouns, verbs, phrases = load_lexicon()
    found: list[Trigger] = []
    used: set[int] = set()
    doc = sent.doc
    spans = [doc[s:e] for _, s, e in _phrase_matcher(doc.vocab)(sent)]  # offsets are the doc's
    for span in filter_spans(spans):
        if _ends_on_a_time(span):
            continue  # "a call on Saturday" is no "call on" someone
        type_, kind, mode = phrases[tuple(t.lower_ for t in span)]
        head = next((t for t in span if t.pos_ in ("NOUN", "VERB")), span.root)
        head = span[-1] if span[-1].pos_ in ("NOUN", "PROPN") else head
        if any(t.lemma_ == "call" and t.pos_ == "NOUN" and a_courtesy_call(t) for t in span):
            # "pay a courtesy call on the President": a visit paid, not a call nor a request
            type_, kind, mode = "CONSULT", "meeting", None
        # "came to an understanding": the phrase's verb is the noun's, with its subject and day
        verb = span[0] if span[0].pos_ == "VERB" and head.pos_ == "NOUN" else None
        found.append(Trigger(type_, kind, mode, head, tuple(t.i for t in span), verb))
        used.update(t.i for t in span)
    for token in sent:
        if token.i in used or token.ent_type_ in ("DATE", "TIME"):
            continue  # "on March 6" is a date, not a protest march
        if token.pos_ in ("NOUN", "PROPN") and token.lemma_.lower() in nouns:
            options = nouns[token.lemma_.lower()]
        elif (
            token.pos_ == "PROPN"
            and not token.ent_type_
            and token.is_title
            and token.lower_.endswith("s")
            and token.lower_[:-1] in nouns
        ):
            # "(AP) - Talks between X and Y broke down": a plural the tagger took for a name
            # after a dateline, its lemma left unmade
            options = nouns[token.lower_[:-1]]
        elif token.pos_ == "VERB" and token.lemma_.lower() in verbs:
            options = verbs[token.lemma_.lower()]
        elif token.pos_ == "VERB" and (split := _split_phrase(token, phrases)) is not None:
            options = [split]  # "pulled its troops out of Mali": "pull out", split by its object
        else:
            continue
        type_, kind, mode = _choose(token, options)
        if type_ == "RETREAT" and token.pos_ == "NOUN" and _held_by_a_side(token):
            continue  # "hosted a cabinet retreat": one side's own sitting, no withdrawal
        if type_ == "CONSULT" and token.pos_ != "VERB" and _a_round_of_something_else(token):
            continue  # "four rounds of sanctions", "a round of applause": no talks
        if type_ == "CONSULT" and token.pos_ != "VERB" and _media_event(token):
            continue  # "a press conference" is told to reporters, not held between sides
        if token.lemma_ == "call" and token.pos_ == "NOUN" and a_courtesy_call(token):
            type_, kind, mode = "CONSULT", "meeting", None  # as above
        if (
            type_ == "CONSULT"
            and kind == "phone_call"
            and token.lemma_ == "call"
            and token.pos_ != "VERB"
        ):
            if not _a_call(token):
                continue  # "calls for restraint" is a REQUEST, not a phone call
        found.append(Trigger(type_, kind, mode, token, (token.i,)))
    found.extend(_headline_verb_read_as_a_noun(sent, used, nouns, verbs))
    for token in sent:
        if (
            token.i not in used
            and token.lemma_.lower() in SIGNED_TEXTS
            and token.lemma_.lower() not in nouns
            and _a_signing_told_as_done(token)
        ):
            # "welcomed the signing of a declaration": a text signed is an agreement, while a
            # declaration alone may be a statement or a declaration of war
            found.append(Trigger("AGREE", "agreement", None, token, (token.i,)))
    return found


def _headline_verb_read_as_a_noun(
    sent: Span, used: set[int], nouns: dict, verbs: dict
) -> list[Trigger]:
    """ "Chile signs deal with Peru": a headline's verb the tagger read as
    a plural noun, subject of its own object read as the verb. The object is the act, of the
    type both words share."""
    found = []
    for token in sent:
        head = token.head
        if (
            token.i in used
            or head.i in used
            or token.tag_ != "NNS"
            or token.dep_ != "nsubj"
            or head.i != token.i + 1
            or head.tag_ not in ("VBP", "VB", "VBZ")
            or not token.lower_.endswith("s")
        ):
            continue
        acting = {option[0] for option in verbs.get(token.lower_[:-1], [])}
        options = [o for o in nouns.get(head.lower_, []) if o[0] in acting]
        if options:
            type_, kind, mode = options[0]
            found.append(Trigger(type_, kind, mode, head, (token.i, head.i)))
    return found


# Verbs that tell a signing took place ("welcomed the signing", "attended the signing"), not one
# urged, demanded, prevented or awaited.
SIGNING_WITNESS_VERBS = frozenset(
    {"welcome", "hail", "applaud", "praise", "celebrate", "attend", "witness", "host", "mark"}
)


def _a_signing_told_as_done(text: Token) -> bool:
    """ "Peru welcomed the signing by X and Y of a declaration": a signing reacted to or attended
    in the past tense; not a declaration "of war" or "of independence" (one side's act)."""
    signing = signing_nominal(text)
    if signing is None or any(c.dep_ == "prep" and c.lower_ == "of" for c in text.children):
        return False
    verb = signing.head
    if any(c.dep_ == "neg" for c in verb.children):
        return False
    if signing.dep_ in ("nsubj", "nsubjpass") and _signed_by_named_sides(signing):
        # "the signing of the declaration by X and Y on Thursday marks a thaw"; not one "was
        # scheduled for Monday but did not happen"
        return (
            not _a_plan_of_the_past(verb)
            # "is expected to ease tensions", "will open trade": what it is to do, not whether
            # it was done
            and not any(
                c.dep_ == "xcomp" or (c.dep_ == "aux" and c.lower_ in MODALS | {"will"})
                for c in verb.children
            )
            and not any(c.dep_ == "neg" for conj in verb.conjuncts for c in conj.children)
        )
    return (
        signing.dep_ == "dobj"
        and lemma_of(verb) in SIGNING_WITNESS_VERBS
        and verb.tag_ in ("VBD", "VBN")
    )


def _signed_by_named_sides(signing: Token) -> bool:
    """The signing's own "by" names two signers or more: people, states or bodies ("by Chile and
    Bolivia", "by representatives of Chile and Bolivia"); one who signs alone makes no deal."""
    named = {
        t.i
        for signer in signers_of(signing)
        for t in signer.subtree
        if t.ent_type_ in ("PERSON", "GPE", "ORG", "NORP") and t.ent_iob_ == "B"
    }
    return len(named) >= 2


def _a_plan_of_the_past(verb: Token) -> bool:
    """ "Was scheduled for Monday", "were expected": a plan told in the past, which may or may
    not have been kept."""
    auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    return lemma_of(verb) in PLANNING_VERBS and bool(auxes & {"was", "were"})


# Particles a phrasal verb's object may stand before ("pulled its troops out"); not a
# preposition whose object is a day ("called him on Tuesday" calls no one "on").
SPLIT_PARTICLES = frozenset({"out", "back", "off", "away", "down"})


def _split_phrase(
    verb: Token, phrases: dict[tuple[str, ...], tuple[str, str, str | None]]
) -> tuple[str, str, str | None] | None:
    """A phrasal verb the lexicon lists ("pull out", "pull back") told with its object between
    verb and particle ("pulled its troops out of Mali", "pulled its forces back"): the particle
    hangs on the verb after its object."""
    if not any(c.dep_ == "dobj" for c in verb.children):
        return None
    for child in verb.children:
        if (
            child.i > verb.i + 1
            and child.dep_ in ("prt", "advmod", "prep")
            and child.lower_ in SPLIT_PARTICLES
            and (found := phrases.get((verb.lemma_.lower(), child.lower_))) is not None
        ):
            return found
    return None


def _ends_on_a_time(span: Span) -> bool:
    """A phrase ending in a preposition whose object is a day or an hour ("spoke in a call on
    Monday"), unless the verb goes on to ask, past the day ("called on Tuesday for a ceasefire",
    "called on Monday on Russia to withdraw"): then it is the phrase after all."""
    last = span[-1]
    if not (
        last.pos_ == "ADP"
        and any(c.dep_ == "pobj" and c.ent_type_ in ("DATE", "TIME") for c in last.children)
    ):
        return False
    verb = last.head
    return not any(
        c.i > last.i
        and (
            (c.dep_ == "prep" and c.lower_ in ("for", "on", "upon")) or c.dep_ in ("xcomp", "advcl")
        )
        for c in verb.children
    )


# What rounds count besides talks: "four rounds of sanctions", "a round of applause".
NOT_TALKS = frozenset(
    {
        "sanction",
        "sanctions",
        "strike",
        "airstrike",
        "vote",
        "voting",
        "ballot",
        "applause",
        "tariff",
        "shelling",
        "fighting",
        "attack",
        "cut",
        "hike",
        "layoff",
    }
)


def _a_round_of_something_else(token: Token) -> bool:
    """A measure noun counting what is not talks ("rounds of sanctions", "a round of voting")."""
    if token.lemma_.lower() not in MEASURE_NOUNS:
        return False
    counted = objects_of(token, "of")
    return bool(counted) and all(p.lemma_.lower() in NOT_TALKS for p in counted)


def _media_event(token: Token) -> bool:
    modifiers = load_frames().media_event_modifiers
    return any(
        c.dep_ in ("compound", "amod", "nmod") and c.lower_ in modifiers for c in token.children
    )


def _most_specific(triggers: list[Trigger]) -> list[Trigger]:
    """Of two consultation words naming one sitting-down, the one that says what it was: a
    "consultation meeting" is a meeting, "a round of negotiations" negotiations."""
    consult = {t.token.i: t for t in triggers if t.type == "CONSULT"}
    framing = set()
    for i, trigger in consult.items():
        token = trigger.token
        if token.dep_ == "compound" and token.head.i in consult:
            framing.add(i)  # "consultation" in "consultation meeting"
            if trigger.mode == "phone":  # but "phone talks" are a call: the mode says what it was
                head = consult[token.head.i]
                head.kind, head.mode = trigger.kind, trigger.mode
        for prep in token.children:
            if (
                prep.dep_ == "prep"
                and prep.lower_ == "of"
                and any(c.i in consult for c in prep.children)
            ):
                framing.add(i)  # "round" in "a round of negotiations"
    return [t for t in triggers if t.token.i not in framing]


def a_courtesy_call(token: Token) -> bool:
    """ "a courtesy call": a visit paid, not a phone call nor a request."""
    return any(c.lower_ == "courtesy" for c in token.children)


# Whom a briefing is given to: told "in a call", they make it a briefing, not talks.
PRESS_AUDIENCES = frozenset({"reporter", "journalist", "press", "media", "correspondent"})


def _a_call(token: Token) -> bool:
    """ "a phone call", "a call with X", "Wednesday's call", "their call", "warned him in a call
    on Saturday": a conversation; "calls for restraint", "a call on X to ...", "a call to arms"
    are not."""
    children = list(token.children)
    if any(
        c.dep_ == "prep"
        and c.lower_ in ("for", "on", "to")
        and not any(p.dep_ == "pobj" and p.ent_type_ in ("DATE", "TIME") for p in c.children)
        for c in children
    ):
        return False
    held_in = (
        token.dep_ == "pobj"
        and token.head.lower_ in ("in", "during")
        and token.head.head.pos_ == "VERB"
        # not "told reporters in a call": a briefing by phone, no conversation between sides
        and not any(
            c.dep_ in ("dobj", "dative") and c.lemma_.lower() in PRESS_AUDIENCES
            for c in token.head.head.children
        )
    )  # what was said or done in it: a call someone took part in
    return (
        held_in
        or _taken_from_a_caller(token)
        or any(
            c.lower_ in ("phone", "telephone", "with")
            or (c.dep_ in ("poss", "compound") and c.ent_type_ == "DATE")
            or (c.dep_ == "poss" and c.lower_ in ("their", "his", "her"))
            for c in children
        )
    )


def _taken_from_a_caller(call: Token) -> bool:
    """ "Took a call from Lula", "received a call from his Peruvian counterpart": one call taken
    from a person or a state (not "calls from Peru to reopen the border", "a call from
    opposition groups for new elections": demands)."""
    if call.tag_ != "NN" or call.dep_ != "dobj" or lemma_of(call.head) not in CALL_RECEIVING_VERBS:
        return False
    asked = [*call.subtree, *(t for c in call.head.children if c.i > call.i for t in c.subtree)]
    if any(
        (t.dep_ == "prep" and t.lower_ == "for") or (t.dep_ == "aux" and t.lower_ == "to")
        for t in asked
    ):
        return False  # "a call from Peru to reopen the border": what was asked
    return any(
        p.dep_ == "pobj" and (p.ent_type_ in ("PERSON", "GPE") or p.lemma_.lower() in CALLER_ROLES)
        for c in call.children
        if c.dep_ == "prep" and c.lower_ == "from"
        for p in c.children
    )


def _choose(
    token: Token, options: list[tuple[str, str, str | None]]
) -> tuple[str, str, str | None]:
    if len(options) == 1:
        return options[0]
    types = {option[0] for option in options}
    if {"RETREAT", "CONSULT"} <= types:
        # "the annual leaders' retreat" is a sitting; "a retreat from Kherson" a withdrawal
        wanted = "CONSULT" if _a_retreat_held(token) else "RETREAT"
        return next(option for option in options if option[0] == wanted)
    if {"PROTEST", "ASSAULT"} <= types:
        # "air strikes", "strikes on four boats" are attacks; a "general strike" is a protest.
        labour = any(c.lemma_.lower() in LABOUR_WORDS for c in token.subtree if c.i < token.i)
        wanted = "PROTEST" if labour else "ASSAULT"
        return next(option for option in options if option[0] == wanted)
    # "call for"/"call on" is a request; a "call" with someone is a consultation, and so is a
    # "call on Saturday" (a time, not someone called on)
    preps = {
        c.lower_
        for c in token.children
        if c.dep_ == "prep"
        and not any(p.dep_ == "pobj" and p.ent_type_ in ("DATE", "TIME") for p in c.children)
    }
    if preps & {"for", "on"}:
        for option in options:
            if option[0] == "REQUEST":
                return option
    return options[0]


# Who sits in a retreat held as a gathering ("the annual leaders' retreat"): many of them, told
# before it (one leader's "hasty retreat" is a withdrawal).
RETREAT_SITTERS = frozenset("leaders ministers heads premiers presidents".split())
# Who withdraws in a retreat ("the joint retreat by Russian forces").
RETREATING_NOUNS = frozenset("troop force army unit fighter soldier militia rebel".split())


def _a_retreat_held(noun: Token) -> bool:
    """ "The ninth Vanuatu-Fiji Leaders' Retreat", "their annual leaders' retreat in
    Queenstown": a sitting, named by the many who sit in it; not "a retreat from Kherson", "the
    retreat of the army", "the annual retreat by Indian troops", nor a party's, a cabinet's or a
    pope's retreat (one side's own)."""
    if any(
        c.dep_ == "prep" and c.lower_ in ("from", "of", "to", "into", "by", "since")
        for c in noun.children
    ):
        return False
    if any(t.lemma_.lower() in RETREATING_NOUNS for t in noun.subtree):
        return False
    if _held_as_a_sitting(noun):
        return True
    return any(c.i < noun.i and c.lower_ in RETREAT_SITTERS for c in noun.children)


def _held_by_a_side(noun: Token) -> bool:
    """A retreat held, hosted, attended, convened, chaired or organised by someone not armed:
    a sitting of some kind, never a withdrawal ("Fiji held a retreat", not "the army held its
    retreat" or "staged a retreat")."""
    verb = noun.head
    if noun.dep_ != "dobj" or lemma_of(verb) not in SITTING_HOLD_VERBS:
        return False
    subject = clause_subject(verb)
    return subject is not None and not any(
        t.lemma_.lower() in RETREATING_NOUNS or t.lower_ in ARMED for t in subject.subtree
    )


def _held_as_a_sitting(noun: Token) -> bool:
    """ "The presidents of Chile and Peru held a retreat", "Boric attended a retreat with
    Boluarte", "Fiji hosted a retreat for Pacific leaders", "Hasan chaired the retreat": a
    retreat held by a side together with others, or for them, or the one already told (not one
    side's own: "hosted a cabinet retreat", "held a retreat for its ambassadors")."""
    if not _held_by_a_side(noun):
        return False
    if any(t.lower_ in OWN_RETREAT_WORDS for t in noun.subtree if t.i < noun.i):
        return False
    verb = noun.head
    subject = clause_subject(verb)
    if subject is not None and (subject.conjuncts or subject.lower_ in RETREAT_SITTERS):
        return True
    for prep in (c for node in (noun, verb) for c in node.children if c.dep_ == "prep"):
        for pobj in (p for p in prep.children if p.dep_ == "pobj"):
            if prep.lower_ == "with" and pobj.ent_type_ in SIDE_ENTITIES:
                return True  # "with Boluarte", not "with Rwandan backing"
            # "for Pacific leaders", "for ASEAN defence chiefs"; not "for its envoys"
            gatherers = pobj.lemma_.lower() in GATHERER_NOUNS and not any(
                c.dep_ == "poss" for c in pobj.children
            )
            if prep.lower_ == "for" and (gatherers or pobj.ent_type_ == "ORG"):
                return True
    return any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children)


# What a text still to be agreed is called: "came to Kyiv with a draft agreement".
UNSETTLED_TEXTS = frozenset({"draft", "proposed", "possible", "tentative"})


def _came_out_of_talks(verb: Token, deal: Token) -> bool:
    """ "Emerged from 16 hours of talks with a deal", "walked out of the meeting with an
    agreement": sides that came out of talks with a deal, told as done, made it (not "came to
    Kyiv with a draft agreement", nor "are expected to walk out of the talks with a deal")."""
    if lemma_of(verb) not in EMERGING_VERBS or verb.tag_ not in ("VBD", "VBN"):
        return False
    if any(c.lower_ in UNSETTLED_TEXTS for c in deal.children):
        return False
    froms = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("from", "of")]
    froms += [  # "walked out of the talks"
        g
        for c in verb.children
        if c.dep_ in ("prt", "advmod", "prep") and c.lower_ == "out"
        for g in c.children
        if g.dep_ == "prep" and g.lower_ == "of"
    ]
    return any(
        p.dep_ == "pobj" and (tells_of_talks(p) or tells_of_talks(_counted(p)))
        for f in froms
        for p in f.children
    )


def _counted(measure: Token) -> Token:
    """What a measure counts ("16 hours of talks": the talks), else the measure itself."""
    return next(iter(objects_of(measure, "of")), measure)


# Pronouns a relative clause stands for its noun by ("the deal, which they sealed").
RELATIVE_PRONOUNS = frozenset({"which", "that"})


def _the_objects_topic(noun: Token) -> bool:
    """ "Signed a joint declaration on Wednesday on security cooperation": the parser hangs the
    topic on the verb when a phrase of time comes between; with a signed text for its object, the
    verb's "on" phrase tells what that text is about, not a second act (while "received the army
    chief on Tuesday on a visit" is the visit's)."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "on" or prep.dep_ != "prep":
        return False
    verb = prep.head
    return verb.pos_ == "VERB" and any(
        c.dep_ == "dobj"
        and c.i < prep.i
        and (names_an_agreement(c) or c.lemma_.lower() in SIGNED_TEXTS)
        for c in verb.children
    )


# Acts that react to another act, whose "of" phrase names what they react to.
REACTION_TYPES = frozenset({"ACCUSE", "REJECT", "PROTEST", "SUPPORT"})


def _an_act_upon(noun: Token, of_what: Token) -> bool:
    """ "His condemnation of the attack", "criticism of the sanctions": an act of another type
    whose object the second noun is (not "a round of talks", "a memorandum of understanding",
    one act told twice)."""
    if noun.lemma_.lower() in MEASURE_NOUNS:
        return False  # "a new round of sanctions": the sanctions, counted
    nouns = load_lexicon()[0]
    types = {type_ for type_, _, _ in nouns.get(noun.lemma_.lower(), ())}
    objects = {type_ for type_, _, _ in nouns.get(of_what.lemma_.lower(), ())}
    return bool(types) and types <= REACTION_TYPES and not types & objects


def _governor(token: Token) -> Token | None:
    """The verb a noun trigger is the object of: 'held talks', 'put under investigation'."""
    if token.dep_ == "compound" and token.head.pos_ == "NOUN":
        token = token.head  # "ended mediation efforts": the efforts are the object
    for acl in (c for c in token.children if c.dep_ == "acl" and c.tag_ == "VBN"):
        # "(implementing) the deal reached by Kenya and Uganda": the light verb and its author
        # make it an act of its own, whatever the phrase is the object of
        agent = next((c for c in acl.children if c.dep_ == "agent"), None)
        # (or where it was reached: "under an agreement reached in China")
        placed = any(
            c.dep_ == "prep"
            and c.lower_ in ("in", "at")
            and any(t.ent_type_ in ("GPE", "LOC", "FAC") for t in c.subtree)
            for c in acl.children
        )
        if verb_lemma(acl) in load_frames().light and (
            (agent is not None and any(t.ent_type_ for t in agent.subtree)) or placed
        ):
            return acl
    if token.dep_ in ("dobj", "attr", "nsubjpass", "oprd") and token.head.pos_ in ("VERB", "AUX"):
        return token.head
    if (
        token.dep_ == "nsubj"
        and token.head.tag_ in ("VBN", "VBD")
        and token.head.dep_ in ("csubjpass", "csubj")
        and token.head.head.pos_ == "VERB"
    ):
        # "A meeting ... planned for Tuesday has been postponed", parsed with the meeting as the
        # participle's subject: the meeting is what was postponed
        return token.head.head
    if (
        token.dep_ == "nsubj"
        and token.head.pos_ == "VERB"
        and verb_lemma(token.head) in load_frames().reversing
        and lemma_of(token.head) not in CLOSING_VERBS  # "the conversation ended with a deal"
        and not any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in token.head.children)
    ):
        return token.head  # a headline's "Serbia-Kosovo talks postponed again": undergone
    frames = load_frames()
    for relcl in (c for c in token.children if c.dep_ == "relcl"):
        # "the deal we struck": a light verb whose object the noun is, told in a relative clause
        # (an agreement's verb by its pronoun too: "the deal, which Putin and Erdogan sealed")
        sealing = verb_lemma(relcl) in frames.agreement_light
        if (
            (verb_lemma(relcl) in frames.light or sealing)
            and any(c.dep_ == "nsubj" for c in relcl.children)
            and not any(
                c.dep_ in ("dobj", "ccomp", "xcomp")
                and not (sealing and c.lower_ in RELATIVE_PRONOUNS)
                for c in relcl.children
            )
        ):
            return relcl
    if token.dep_ == "pobj" and token.head.lower_ in FRAMING_PREPS:
        return None  # "Following the talks, Rubio announced ...": the talks frame, not object
    if token.dep_ == "pobj" and token.head.lower_ in ("over", "about", "regarding", "concerning"):
        return None  # "imposed sanctions over a crackdown": what it is about, not what was done
    if _the_objects_topic(token):
        return None
    if (
        token.dep_ == "pobj"
        and (
            token.head.dep_ == "prep" or (token.head.dep_ == "agent" and token.head.lower_ == "by")
        )
        and (
            token.head.head.pos_ == "VERB"
            or (token.head.head.lemma_ == "be" and token.head.lower_ == "on")
        )
    ):
        verb = _past_a_clause_of_time(token.head, token.head.head)  # "on a visit to Kyiv" too
        if token.head.lower_ == "for":
            if lemma_of(verb) == "host" and tells_of_talks(token):
                return verb  # "will host the presidents for a summit": the summit, hosted
            return None  # "called for talks", "pressed for a meeting": what is asked for
        if (
            token.head.lower_ in ("in", "on")
            and verb_lemma(verb) in load_frames().reversing
            and any(c.dep_ == "dobj" for c in verb.children)
        ):
            # "withdraw his troops, in their first phone call": the verb's object is the troops;
            # the call is where it was asked, not what was withdrawn
            return None
        # "put under investigation", "spoke by phone", "engaged in talks"
        if verb_lemma(verb) in load_frames().light or token.head.lower_ in (
            "under",
            "on",
            "by",
            "in",
            "including",  # "spent hours together, including one-on-one conversations"
        ):
            return verb
        if token.head.lower_ == "with" and _came_out_of_talks(verb, token):
            return verb  # "emerged from the talks with a deal"
    if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.pos_ == "NOUN":
        measure = token.head.head  # "concluded two days of talks", "held a round of talks"
        if _an_act_upon(measure, token):
            return None  # "reiterated his condemnation of the attack": an act's object, no measure
        if measure.dep_ in ("dobj", "attr") and measure.head.pos_ == "VERB":
            return measure.head
        if (
            measure.dep_ == "nsubjpass"
            and measure.head.pos_ == "VERB"
            and verb_lemma(measure.head) in load_frames().reversing
        ):
            return measure.head  # "a fourth round of talks ... has been postponed"
    return None


# Words that open a clause of time the main clause is told against.
SUBORDINATING_MARKS = frozenset({"after", "before", "since", "as", "when", "while"})
# Verbs of an occasion a setting may belong to ("met", "hosted", "arrived", "spoke").
OCCASION_VERBS = frozenset(
    {"meet", "host", "receive", "hold", "talk", "speak", "call", "phone", "arrive"}
    | {"travel", "fly", "go", "come", "land", "attend"}
)


def _past_a_clause_of_time(prep: Token, verb: Token) -> Token:
    """ "X met Y in Moscow on July 5, days after Hungary took over the presidency, in a visit
    condemned by ...": a setting set off by a comma after a clause of time is the main clause's
    occasion, not the clause's the parser hung it on."""
    if (
        prep.lower_ in ("in", "during", "at", "on")
        and prep.i > 0
        and prep.doc[prep.i - 1].text == ","
        and verb.dep_ == "advcl"
        and verb.head.pos_ in ("VERB", "AUX")
        and any(c.dep_ == "mark" and c.lower_ in SUBORDINATING_MARKS for c in verb.children)
        and prep.i > max((c.i for c in verb.children if c != prep), default=verb.i)
        # only onto an occasion of the main clause ("met Putin ..., days after X took over, in a
        # visit"), never from one ("Stocks rose, after Xi met Biden in Lima, in their meeting")
        and lemma_of(verb.head) in OCCASION_VERBS
        and lemma_of(verb) not in OCCASION_VERBS
    ):
        return verb.head
    return verb


# Measures of a sitting of set length ("two days of negotiations"), not of a process ("weeks of
# negotiations" ended may be broken off).
SITTING_MEASURES = frozenset({"day", "hour"})


def _compose(triggers: list[Trigger]) -> list[Trigger]:
    """A noun trigger and the verb governing it are one event, typed by the pair.

    Light verbs take the noun's event ("imposed sanctions"); reversing verbs undo it ("lifted the
    curfew" concedes, "cancelled a visit" sanctions); listed pairs override ("declared a
    ceasefire").
    A verb trigger governing a noun trigger otherwise keeps its own type ("rejected a request").
    """
    frames = load_frames()
    by_token = {t.token.i: t for t in triggers}
    absorbed: set[int] = set()
    for trigger in triggers:
        token = trigger.token
        if token.pos_ not in ("NOUN", "PROPN"):
            continue
        verb = _governor(token)
        if verb is None:
            continue
        lemma = verb_lemma(verb)
        light = frames.light | (frames.agreement_light if trigger.type == "AGREE" else frozenset())
        if (
            trigger.type == "CONSULT"
            and token.dep_ == "pobj"
            and token.head.lower_ in ("at", "during", "in")
            and verb.i in by_token
            and by_token[verb.i].type == "AGREE"
            # signed there and then (not "is expected to sign a treaty at the summit")
            and not any(
                c.dep_ == "aux" and c.lower_ in ("to", "will", "would") for c in verb.children
            )
            and any(
                c.dep_ == "dobj" and (names_an_agreement(c) or c.lemma_.lower() in SIGNED_TEXTS)
                for c in verb.children
            )
        ):
            continue  # "signed a declaration at the summit": the summit is where, the
            # declaration what was signed (an agreement of its own)
        if (
            trigger.type == "AGREE"
            and token.dep_ == "pobj"
            and token.head.lower_ == "with"
            and _came_out_of_talks(verb, token)
        ):
            light = light | {lemma}  # "emerged from 16 hours of talks with a deal": they made it
        pair = frames.verb_object.get((lemma_of(verb), token.lemma_.lower()))
        # "ended their two-day meeting", "wrapped up the talks": held, then over, not undone
        closing = (
            trigger.type == "CONSULT"
            and lemma_of(verb) in CLOSING_VERBS
            # "ended two days of negotiations": a sitting of set length, over (while "ended
            # negotiations with Canada" breaks them off)
            and (
                token.lemma_.lower() in CLOSING_OCCASIONS
                or measured(token).lemma_.lower() in SITTING_MEASURES
            )
        )
        # "hosted the meeting", "hosted a meeting with Russia": one sitting-down, the noun's
        hosting = trigger.type == "CONSULT" and lemma_of(verb) == "host"
        if pair is not None and _a_utility_price(token):
            absorbed.add(token.i)  # "lowered electricity tariffs": a price at home, no act
            if verb.i in by_token:
                absorbed.add(verb.i)
            continue
        if pair is not None:
            type_, _, kind = pair.partition(" ")  # "cut tariffs": "CONCEDE ease"
            trigger.type, trigger.kind = type_, kind or trigger.kind
        elif closing or hosting:
            pass
        elif lemma in frames.reversing:
            _reverse(trigger, lemma)
        elif lemma not in light and not (
            trigger.type == "CONSULT"
            and token.dep_ == "pobj"
            and token.head.lower_ in ("by", "in", "on", "including")
            and lemma_of(verb) not in AGENDA_VERBS  # "trade will figure in the talks"
        ):
            continue  # "spoke by phone", "engaged in talks" are consultations by that verb
        elif lemma not in light and verb.i in by_token:
            spoken = by_token[verb.i]
            if spoken.type == trigger.type != "CONSULT" and token.dep_ in ("nsubjpass", "dobj"):
                # "a ceasefire was agreed": one act told by a noun and its verb of the same
                # type; the verb stands for it
                absorbed.add(token.i)
                continue
            if (
                spoken.type == trigger.type == "CONSULT"
                and trigger.mode == "phone"
                and lemma_of(verb) in SPEAKING_VERBS
            ):
                # "spoke with Wang by phone": one conversation, and the noun says it was a call
                spoken.kind, spoken.mode = trigger.kind, trigger.mode
                absorbed.add(token.i)
            elif (spoken.type, spoken.kind) == (trigger.type, trigger.kind) == ("CONSULT", "visit"):
                # "arrives in Ethiopia on a landmark visit": one visit, told by both
                trigger.governor = verb
                absorbed.add(verb.i)
            continue  # "agreed to mediation in the talks": the verb is its own event
        trigger.governor = verb
        if verb.i in by_token:
            absorbed.add(verb.i)
        outer = verb.head
        if (
            lemma in light
            and verb.tag_ == "VBG"
            and verb.dep_ in ("xcomp", "dobj", "pcomp", "advcl")
            # right after the verb or its particle ("put off signing"), not a participle
            # further on ("ended the talks on Tuesday, signing an agreement")
            and all(t.dep_ == "prt" for t in verb.doc[outer.i + 1 : verb.i])
            and outer.i < verb.i
            and verb_lemma(outer) in frames.reversing
        ):
            # "has put off signing the agreement": the signing is what was put off
            _reverse(trigger, verb_lemma(outer))
            trigger.governor = outer
            if outer.i in by_token:
                absorbed.add(outer.i)
    return [t for t in triggers if t.token.i not in absorbed]


# What a tariff that is a price at home is for ("electricity tariffs", "water tariffs").
UTILITY_WORDS = frozenset({"electricity", "power", "water", "energy", "gas", "fuel", "utility"})


def _a_utility_price(noun: Token) -> bool:
    return any(
        c.dep_ in ("compound", "amod", "nmod") and c.lower_ in UTILITY_WORDS for c in noun.children
    )


def _reverse(trigger: Trigger, lemma: str) -> None:
    """The act a reversing verb makes of its object: "lifted the curfew" concedes, "called off a
    summit" cancels it ("call" would read as a phone call), "put off signing" postpones it."""
    frames = load_frames()
    if trigger.type == "ACCUSE" and lemma == "withdraw":
        trigger.type = "CONCEDE"  # "withdrew its complaint": a concession (not a hearing put off)
    else:
        trigger.type = frames.reversal.get(trigger.type, frames.reversing[lemma])
    trigger.kind = frames.reversing_kinds.get(lemma, lemma.split()[0])
    trigger.mode = None


def _obligations(sent: Span, found: list[Trigger]) -> list[Trigger]:
    """'Russia said Sudan must return the helicopter': a reported obligation is a demand."""
    frames = load_frames()
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


# Who is ordered out in an expulsion, and the verbs ordering it.
EXPELLED_PEOPLE = frozenset(
    {"diplomat", "employee", "staff", "ambassador", "envoy", "official", "attache", "consul"}
)
ORDERING_VERBS = frozenset({"order", "tell", "instruct", "give", "direct"})


def _orders_to_leave(sent: Span, found: list[Trigger]) -> list[Trigger]:
    """ "Russia ordered 20 employees of the Czech embassy to leave the country", "gave the
    ambassador 72 hours to leave": an expulsion told without the word."""
    taken = {t.token.i for t in found} | {t.governor.i for t in found if t.governor is not None}
    out = []
    for leave in sent:
        if leave.lemma_.lower() != "leave" or leave.dep_ not in ("xcomp", "advcl", "relcl"):
            continue
        verb = leave.head if leave.dep_ != "relcl" else leave.head.head
        if verb.pos_ != "VERB" or lemma_of(verb) not in ORDERING_VERBS or verb.i in taken:
            continue
        ordered = [
            o
            for o in verb.children
            if o.dep_ in ("dobj", "dative") and o.lemma_.lower() in EXPELLED_PEOPLE
        ]
        if ordered and all(_anothers_envoy(o) for o in ordered) and _leaves_the_country(leave):
            out.append(Trigger("SANCTION", "expulsion", None, verb, (verb.i,)))
    return out


def _anothers_envoy(person: Token) -> bool:
    """Staff named by another country ("the Indian ambassador", "employees of the Czech
    embassy"), not one's own ("its diplomats", "his envoy")."""
    if any(c.dep_ == "poss" and c.tag_ == "PRP$" for c in person.children):
        return False
    return any(t.ent_type_ in ("NORP", "GPE") for t in person.subtree if t.i != person.i)


def _leaves_the_country(leave: Token) -> bool:
    """ "To leave the country", "to leave Estonia", "to leave within 48 hours": a country left,
    not "to leave for Washington", "to leave their jobs" or "to leave the White House"."""
    if any(c.dep_ == "prep" and c.lower_ == "for" for c in leave.children):
        return False
    left = [c for c in leave.children if c.dep_ == "dobj"]
    return all(o.lemma_.lower() in ("country", "territory") or o.ent_type_ == "GPE" for o in left)


def clause_chain(node: Token) -> list[Token]:
    """The trigger's verb and the verbs it is the complement of: 'is willing to send'."""
    chain = [node]
    while len(chain) < 6 and (
        node.dep_ in ("xcomp", "acomp")
        # a purpose clause serves the verb it hangs off: "willing to send troops to help defend"
        or (
            node.dep_ == "advcl"
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children)
        )
    ):
        node = node.head
        chain.append(node)
    return chain


def _conditional(chain: list[Token]) -> bool:
    return any(
        c.dep_ == "advcl"
        and any(m.dep_ == "mark" and m.lower_ in HYPOTHETICAL_MARKS for m in c.children)
        for node in chain
        for c in node.children
    )


def _apply_modality(trigger: Trigger) -> None:
    """An announced future act is a pledge (AGREE) or, when hostile or conditional, a threat.

    "Portugal will support Turkey's bid" is an AGREE, "would boycott the elections" a THREATEN;
    a planned meeting stays a CONSULT (planned), unless offered on a condition ("would meet him
    if ..."), which is an AGREE.
    """
    frames = load_frames()
    node = trigger.governor or trigger.token
    if node.pos_ not in ("VERB", "AUX"):
        return
    chain = clause_chain(node)
    if trigger.type not in ("REQUEST", "REJECT", "ACCUSE") and any(
        c.dep_ == "aux" and c.lower_ in frames.obligation for c in chain[0].children
    ):
        # "X said the parties must reach an agreement": a demand, not an agreement.
        trigger.type, trigger.kind, trigger.mode = "REQUEST", "demand", None
        return
    future = any(c.dep_ == "aux" and c.lower_ in frames.future for n in chain for c in n.children)
    intent = any(n.lemma_.lower() in frames.intent for n in chain[1:])
    if any(lemma_of(n) in ("continue", "remain", "keep") for n in chain[1:]):
        return  # "will continue to support Ukraine": support already given, not a new pledge
    if not (future or intent):
        return
    conditional = _conditional(chain)
    if not future and not conditional and trigger.type in frames.hostile and _decided(chain):
        return  # "Algeria has decided to sever relations with Morocco": the act, decided
    if trigger.type == "CONSULT":
        if conditional:
            trigger.type, trigger.kind, trigger.mode = "AGREE", "pledge", None
    elif trigger.type in frames.hostile or (
        conditional and trigger.type in frames.pledge and not _offered(chain)
    ):
        trigger.type, trigger.kind, trigger.mode = "THREATEN", "threat", None
    elif trigger.type in frames.pledge:
        trigger.type, trigger.kind, trigger.mode = "AGREE", "pledge", None


def _decided(chain: list[Token]) -> bool:
    """The act's only word of intent is a decision already taken ("decided", "has decided")."""
    intent = load_frames().intent
    wills = [n for n in chain[1:] if n.lemma_.lower() in intent]
    return bool(wills) and all(
        lemma_of(n) == "decide"
        and (
            n.tag_ == "VBD"
            # not "had decided to expel the envoy but reversed course": a past plan
            or (n.tag_ == "VBN" and any(c.lower_ in ("has", "have") for c in n.children))
        )
        for n in wills
    )


def _offered(chain: list[Token]) -> bool:
    """ "ready to release prisoners if the other side is serious": a readiness to give on a
    condition is an offer, not a threat."""
    return any(lemma_of(n) in load_frames().readiness for n in chain[1:])


def _depth(token: Token) -> int:
    """Hops to the sentence root, not counting reporting verbs ("officials said")."""
    reporting = load_frames().reporting
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
    frames_ = load_frames()
    reporting = int(
        token.lemma_.lower() in frames_.reporting
        and any(c.dep_ in ("ccomp", "parataxis") for c in token.children)
    )
    return (reporting, _depth(node), 0 if node.pos_ in ("VERB", "AUX") else 1, token.i)


def _governing_verb(token: Token) -> Token:
    node = token
    for _ in range(8):
        if node.pos_ in ("VERB", "AUX") or node.dep_ == "ROOT" or node.head.i == node.i:
            return node
        node = node.head
    return node


# Words that make what follows a condition still to be met: "subject to", "pending",
# "conditional on", "contingent upon".
CONDITION_HEADS = frozenset({"subject", "conditional", "contingent", "dependent", "depending"})


def _a_condition(token: Token) -> bool:
    """The trigger names a condition ("subject to Moscow's agreement", "pending a deal",
    "conditional on talks"): not something that happened."""
    if token.dep_ != "pobj":
        return False
    prep = token.head
    return prep.lower_ == "pending" or (
        prep.lower_ in ("to", "on", "upon") and prep.head.lower_ in CONDITION_HEADS
    )


def _rather_than(verb: Token) -> bool:
    """A verb told as what was not done instead ("abstained rather than veto", "chose to
    abstain instead of vetoing")."""
    if verb.dep_ == "conj" and any(
        c.dep_ == "cc" and c.lower_ == "than" and any(a.lower_ == "rather" for a in c.children)
        for c in verb.head.children
        if c.i < verb.i
    ):
        return True
    if verb.dep_ != "pcomp":
        return False
    prep = verb.head  # "instead of vetoing", or "instead" read as the preposition itself
    return prep.lower_ == "instead" or (
        prep.lower_ == "of" and any(c.lower_ == "instead" for c in prep.children)
    )


def _no_one(word: Token) -> bool:
    """ "Nothing", "nobody", "none of the leaders" standing alone as who or what acted (not "none
    other than Boric", "nothing but a memorandum", "nothing less than a treaty")."""
    if word.lower_ == "nothing":
        return not any(True for _ in word.children)
    # "nobody from Peru", "none of the leaders"
    return word.lower_ in ("nobody", "none") and all(
        c.dep_ == "prep" and c.lower_ in ("of", "from") for c in word.children
    )


def is_negated_or_hypothetical(trigger: Trigger) -> bool:
    """'would not discuss', 'if they meet', 'could lead to a deal': no event happened or will."""
    token = trigger.token
    verb = trigger.governor or _governing_verb(token)
    placed = measured(token)  # "at two days of talks"
    if (
        verb.i != token.i
        and placed.dep_ == "pobj"
        and placed.head.lower_ in CIRCUMSTANCE_PREPS
        and not _taking_part(verb)
    ):
        verb = token  # "did not discuss Ukraine at the meeting": the meeting still took place
    if verb.pos_ == "VERB" and verb.dep_ == "pcomp" and verb.head.lower_ == "without":
        return True  # "ended talks without reaching a deal"
    if (
        verb.pos_ == "VERB"
        and verb.dep_ == "pcomp"
        and verb.head.lower_ == "of"
        and verb.head.head.lower_ == "short"
    ):
        return True  # "apologised but stopped short of accepting blame"
    if _without(token):
        return True  # "ended without a deal", "without the signing of a defence deal"
    if _rather_than(verb):
        return True  # "abstained rather than veto the resolution": the other was done
    if _a_condition(token):
        return True  # "ready to accept a ceasefire, subject to Moscow's agreement"
    if (
        trigger.type == "AGREE"
        and token.dep_ == "dobj"
        and verb.i != token.i
        and lemma_of(verb) in load_frames().negating | REJECTING_VERBS
    ):
        # "rejected a full ceasefire": no ceasefire came of it (while "rejected a request" still
        # tells of the request)
        return True
    modal_holders = [verb, verb.head] if verb.dep_ == "conj" else [verb]
    if verb.pos_ in ("VERB", "AUX") and any(
        c.dep_ == "aux" and c.lower_ in POSSIBILITY for v in modal_holders for c in v.children
    ):
        # "sanctions could be eased", "could close its border and cut off the pipeline": a
        # possibility, not an event
        return True
    if verb.dep_ == "relcl" and any(c.dep_ == "aux" and c.lower_ == "can" for c in verb.children):
        # "a text that both sides can sign", "a zone where officials can meet" (not "who
        # should apologise", a demand, nor "which they would sign on Friday", a plan)
        return True
    for node in {token, verb}:
        for child in node.children:
            if child.dep_ == "neg" or child.lower_ in ("never", "no"):
                return True
            if child.dep_ == "mark" and child.lower_ in HYPOTHETICAL_MARKS:
                return True
            if (
                node is verb
                and token.dep_ == "nsubj"
                and child.dep_ == "acomp"
                and child.lower_ in POSSIBLE_EVENTS
                and not is_definite(token)  # not "the meeting ... on Monday was possible after"
            ):
                return True  # "a meeting between the two leaders was possible once ...": if
            if (
                child.dep_ in ("nsubj", "nsubjpass")
                and node.i in (token.i, trigger.governor.i if trigger.governor else -1)
                and any(c.dep_ == "preconj" and c.lower_ == "neither" for c in child.children)
            ):
                # "neither the US nor Britain has backed Ottawa"; not "neither X nor Y disclosed
                # details of the call", which tells of the call
                return True
            if (
                child.dep_ in ("nsubj", "nsubjpass")
                and node.i == (trigger.governor or token).i
                and _no_one(child)
            ):
                return True  # "nothing was settled", "nobody met him"
    if (
        verb.dep_ == "conj"
        and verb.tag_ in (verb.head.tag_, "VB")  # not "whether X would lift ... and met Y"
        and any(c.dep_ == "mark" and c.lower_ in HYPOTHETICAL_MARKS for c in verb.head.children)
    ):
        return True  # "if Israel did not halt its offensive and lift restrictions": both ifs
    if token.pos_ == "NOUN" and any(
        (c.dep_ == "det" and c.lower_ in ("no", "any"))
        or (c.dep_ == "amod" and c.lower_ in POSSIBLE_EVENTS)
        for c in token.children
    ):
        return True  # "no talks", "any meeting between them", "a potential meeting"
    if token.pos_ == "VERB" and any(
        c.dep_ == "dobj"
        and (_no_one(c) or any(d.dep_ == "det" and d.lower_ == "no" for d in c.children))
        for c in token.children
    ):
        return True  # "cooperated closely, signing no formal document": none was signed
    if _only_thought_of(token):
        return True
    if _plan_gone_by(verb) or _prevented(verb) or _mandated(verb):
        return True
    if _negated_above(verb) or (verb.pos_ in ("VERB", "AUX") and _denied(verb)):
        return True
    if _not_yet(verb):
        return True
    if (
        verb.i != token.i
        and token.dep_ in ("pobj", "dobj", "attr")
        and any(c.dep_ == "aux" and c.lower_ in MODALS for c in verb.children)
    ):
        return True  # "... it would be his first trip to Seoul since 2014": if, not when
    return (
        _counterfactual(verb)
        or _whatever(verb)
        or _only_if(trigger, verb)
        or _claimed(verb)
        or _awaited(verb)
        or _free_relative(token)
    )


def _only_thought_of(token: Token) -> bool:
    """ "held open the possibility of a meeting with Xi", "the U.S. weighs meeting with Xi": a
    meeting thought about, neither held nor set."""
    if token.pos_ not in ("NOUN", "PROPN", "VERB"):
        return False
    head = token.head
    if token.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in POSSIBILITY_NOUNS:
        return True
    # not "considered his call with Putin constructive", "considers Putin's visit a milestone":
    # a judgment of one held
    return (
        token.dep_ in ("dobj", "xcomp")
        and lemma_of(head) in WEIGHING_VERBS
        and not is_definite(token)
        and not any(c.dep_ == "poss" for c in token.children)
    )


def _plan_gone_by(verb: Token) -> bool:
    """ "Had planned to visit China but postponed the trip", "had been due to leave for talks",
    "a trip that had been meant to ease tensions": a plan told in the past perfect did not come
    about (the article tells what did)."""
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    chain = clause_chain(verb)
    planned = [n for n in chain[1:] if lemma_of(n) in PLAN_WORDS] + [
        c  # "had been due to become the first president to visit PNG"
        for n in chain
        for c in n.children
        if c.dep_ == "acomp" and lemma_of(c) in PLAN_WORDS
    ]
    holders = [*planned, *(n.head for n in planned if n.dep_ == "acomp")]
    return any(
        c.dep_ == "aux" and c.lower_ == "had" and c.tag_ == "VBD"
        for n in holders
        for c in n.children
    )


def _prevented(verb: Token) -> bool:
    """ "Did not prevent PNG from cooperating with China", "barred them from meeting": what one
    is kept from doing, or merely not kept from, is not told as done."""
    if not (
        verb.dep_ == "pcomp"
        and verb.head.lower_ == "from"
        and lemma_of(verb.head.head) in PREVENTING_VERBS
    ):
        return False
    keeper = verb.head.head
    negated = any(c.dep_ == "neg" for c in keeper.children)
    # "did not stop Xi from meeting Biden in Lima on Saturday": a dated act not kept from
    # happening did happen
    return not (negated and any(t.ent_type_ in ("DATE", "TIME") for t in verb.subtree))


def _mandated(verb: Token) -> bool:
    """ "Demanding that Ukraine abandon its NATO ambitions and withdraw troops", "his demand that
    Ukraine withdraw": a bare verb in what a demand asks for is the demand's content."""
    node = verb
    if node.dep_ == "conj" and node.head.pos_ in ("VERB", "AUX"):
        node = node.head
    # "his demand that Ukraine withdraw its troops": the same on a noun
    asking = node.head.lemma_.lower() if node.head.pos_ == "NOUN" else lemma_of(node.head)
    held = node.dep_ == "ccomp" or (node.dep_ == "acl" and node.head.pos_ == "NOUN")
    if node.dep_ == "pcomp" and node.head.lower_ == "including":
        # "demands, including that Kyiv withdraw its troops": one of the things asked
        asking, held = node.head.head.lemma_.lower(), True
    # the subjunctive the tagger may read as a present ("demanded that Moscow withdraw")
    bare = (
        ("VB", "VBP")
        if any(c.dep_ == "mark" and c.lower_ == "that" for c in node.children)
        and asking != "suggest"  # "images suggest that forces withdraw every night": indicates
        else ("VB",)
    )
    return (
        verb.tag_ in bare
        and node.tag_ in bare
        and held
        and asking in MANDATIVE_VERBS
        and not any(c.dep_ in ("aux", "auxpass") for c in node.children)
    )


def _awaited(verb: Token) -> bool:
    """ "keep plans in place until a permanent deal is announced", "before talks resume": what is
    waited for, in the present tense, has not happened (while "until the deal was signed" has)."""
    if verb.pos_ not in ("VERB", "AUX") or not any(
        c.dep_ == "mark" and c.lower_ in ("until", "till", "before") for c in verb.children
    ):
        return False
    return verb.tag_ in ("VBZ", "VBP") or any(
        c.dep_ in ("aux", "auxpass") and c.lower_ in ("is", "are", "am") for c in verb.children
    )


def _claimed(verb: Token) -> bool:
    """ "a preliminary determination that China's presence violated a treaty", "allegations
    that Rwanda backs the rebels", "accused Benin of hosting French troops": the content of a
    claim, not an act told as done."""
    frames = load_frames()
    node = verb
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head  # "accused X of hosting troops and arming rebels"
    if (
        node.dep_ == "pcomp"
        and node.head.lower_ == "of"
        and (
            lemma_of(node.head.head) in frames.allegation_verbs
            or node.head.head.lemma_.lower() in frames.claim_nouns
        )
    ):
        return True
    return (
        verb.pos_ in ("VERB", "AUX")
        and verb.dep_ in ("acl", "ccomp")
        and verb.head.pos_ == "NOUN"
        and verb.head.lemma_.lower() in frames.claim_nouns
        and any(c.dep_ == "mark" and c.lower_ == "that" for c in verb.children)
    )


def _only_if(trigger: Trigger, verb: Token) -> bool:
    """ "would seek measures if Syria failed to comply": a request on a condition is not made
    (a threat or an offer made on a condition is itself the act: see _apply_modality; and a
    plan of meetings may carry a condition for only its last step)."""
    if trigger.type != "REQUEST" or verb.pos_ not in ("VERB", "AUX"):
        return False
    chain = clause_chain(verb)
    future = any(
        c.dep_ == "aux" and c.lower_ in ("would", "will") for n in chain for c in n.children
    )
    return future and _conditional(chain)


def _free_relative(token: Token) -> bool:
    """ "trying to rewrite what had been agreed": the event's own verb in a free relative names
    the thing, not the act (not "what Canberra gets from its deal": another verb's)."""
    return token.pos_ == "VERB" and any(
        c.dep_ in ("nsubjpass", "dobj") and c.lower_ == "what" and c.i < token.i
        for c in token.children
    )


def _whatever(verb: Token) -> bool:
    """ "supports whatever the Lebanese agree upon": any act of the kind, not one that was done."""
    return verb.pos_ == "VERB" and any(
        t.lower_ in ("whatever", "whichever", "whenever", "wherever")
        # its object, or inside a phrase of it ("agree upon whatever"); not a clause added on
        # ("met Putin, whatever his critics say")
        and (t.head.i == verb.i or (t.head.dep_ == "prep" and t.head.head.i == verb.i))
        for t in verb.subtree
    )


def _counterfactual(verb: Token) -> bool:
    """ "It would have been the first state visit", "they could have met": what did not happen."""
    auxes = [c.lower_ for c in verb.children if c.dep_ == "aux"]
    return (
        verb.tag_ == "VBN"
        and "have" in auxes
        and any(a in ("would", "could", "might", "should") for a in auxes)
    )


def _without(token: Token) -> bool:
    """The noun is what something went without, or its "of" phrase: "ended without the signing
    of a defence deal"."""
    node = token
    while node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.pos_ == "NOUN":
        node = node.head.head
    return node.dep_ == "pobj" and node.head.lower_ == "without"


def _taking_part(verb: Token) -> bool:
    """A verb of taking part: "did not take part in the discussions" says the discussions went
    on without them, and that they held none."""
    lemma = lemma_of(verb)
    if verb_lemma(verb) in ("show up", "turn up"):
        return True  # "did not show up at the talks"
    return lemma in ("participate", "join", "attend") or (
        lemma == "take" and any(c.dep_ == "dobj" and c.lower_ == "part" for c in verb.children)
    )


def _denied(verb: Token) -> bool:
    """The verb's clause is what a denial denies: "denied that they met", "denied reports that
    the minister would visit"."""
    node = verb
    while node.head.i != node.i and node.dep_ in ("ccomp", "xcomp", "acl", "dobj"):
        head = node.head
        if (lemma_of(head) == "deny" and node.dep_ != "dobj") or (
            node.dep_ == "acl" and head.dep_ == "dobj" and lemma_of(head.head) == "deny"
        ):
            return True
        node = head
    return False


def _negated_above(verb: Token) -> bool:
    """The verb is the complement of a negated one or of a failure, refusal or denial: "we
    don't have to sign deals", "did not agree to meet", "failed to agree", "refused to sign",
    "denied supporting the rebels", "failed to agree on using the assets to fund Bolivia"."""
    negating = load_frames().negating
    if _the_setting_of_a_deal_not_made(verb):
        return False
    if verb.dep_ == "acl" and any(c.dep_ == "det" and c.lower_ == "no" for c in verb.head.children):
        return True  # "made no commitment to free the prisoners"
    node, through_phrase = verb, False
    while (
        node.dep_ in ("xcomp", "ccomp", "pcomp", "prep", "pobj", "acomp") and node.head.i != node.i
    ):  # "acomp": "had not been ready to agree"
        head = node.head
        if node.dep_ == "ccomp" and lemma_of(head) != "deny":
            return False  # "said that they met": only a denial's clause is not so
        through_phrase |= node.dep_ in ("pcomp", "prep", "pobj")
        node = head
        if lemma_of(node) in negating:
            return True
        # "did not discuss Ukraine at the meeting": the meeting still took place
        if not through_phrase and any(
            c.dep_ == "neg" or c.lower_ == "never" for c in node.children
        ):
            return True
    return False


def _the_setting_of_a_deal_not_made(noun: Token) -> bool:
    """ "Failed to reach a deal at two days of talks in Quito", "did not reach a deal at the
    talks": what failed is the deal; the talks it was sought at were held. Only an occasion set
    by a preposition under a verb of making a deal, its failure told as done in the past by two
    sides or with a partner: "failed to show up at the talks", "refused to sign the accord at the
    summit", "could fail to reach a deal at the talks" and "denied reaching a deal at a secret
    meeting" keep their negation."""
    if occasion_kind(noun) is None or _undone_occasion(noun):
        return False
    phrase = measured(noun)
    if phrase.dep_ != "pobj" or phrase.head.lower_ not in ("at", "during", "in"):
        return False
    verb = deal_sought_at(noun) or phrase.head.head
    return (
        verb.pos_ == "VERB"
        and (
            names_an_agreement(verb)
            or any(c.dep_ == "dobj" and names_an_agreement(c) for c in verb.children)
        )
        and _told_as_done(verb)
        and _sought_together(verb, noun)
    )


def _sought_together(verb: Token, occasion: Token | None = None) -> bool:
    """A deal two sides or more sought with each other ("Peru and Chile failed to reach a deal",
    "failed to reach a deal with Chile"): not one side's signing it did not do, which may tell of
    a gathering it stayed away from ("Bolivia did not sign the accord at the summit")."""
    chain = clause_chain(verb)
    # (any subject: a dateline the parser read as one stands first, "LIMA - Peru and Chile ...")
    subjects = [c for n in chain for c in n.children if c.dep_ == "nsubj"]
    # "Peru and Chile", "Peruvian and Chilean negotiators", "negotiators from Peru and Chile"
    paired = any(t.dep_ == "conj" for subject in subjects for t in subject.subtree)
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    partnered = any(
        c.dep_ == "prep" and c.lower_ == "with"
        for n in (verb, *objects, *([occasion] if occasion is not None else []))
        for c in n.children
    )
    return paired or partnered


def deal_sought_at(noun: Token) -> Token | None:
    """ "Reached a deal at talks in Lima", "failed to reach a deal at two days of talks": the
    parser hangs the occasion on the deal, not on the verb; the verb whose deal was sought at it,
    when the clause tells it as done. Its subject held the occasion, its date is the occasion's."""
    phrase = measured(noun)
    if phrase.dep_ != "pobj" or phrase.head.lower_ != "at" or _undone_occasion(noun):
        return None
    deal = phrase.head.head
    if (
        deal.dep_ == "dobj"
        and deal.head.pos_ == "VERB"
        and names_an_agreement(deal)
        and _told_as_done(deal.head)
        # one side's signing it did not do may tell of a gathering it stayed away from
        and (not _not_done(deal.head) or _sought_together(deal.head, noun))
    ):
        return deal.head
    return None


def _not_done(verb: Token) -> bool:
    """The verb's clause tells the act failed or was not done ("did not sign", "failed to")."""
    chain = clause_chain(verb)
    return any(c.dep_ == "neg" for n in chain for c in n.children) or any(
        lemma_of(n) in load_frames().negating for n in chain[1:]
    )


# Auxiliaries that tell an act as done before the telling ("did not reach", "has failed to").
_DONE_AUXES = frozenset({"did", "had", "has", "have", "was", "were"})
# Verbs a done act may be the complement of: a failure ("failed to reach", "managed to reach",
# "were unable to reach").
_DONE_HEADS = frozenset({"fail", "neglect", "manage", "unable", "be"})
# What befell an occasion that was not held ("talks that were called off", "the postponed talks").
_UNDONE = CALLING_OFF | {"postpone", "delay", "suspend", "boycott", "skip", "miss"}


def _told_as_done(verb: Token) -> bool:
    """The verb's clause tells what happened: a past tense up its chain ("failed to reach", "did
    not reach", "reached"), with no modal, future, condition or denial ("could fail to", "will
    reach", "if they reach", "denied reaching")."""
    chain = clause_chain(verb)
    if any(lemma_of(n) not in _DONE_HEADS for n in chain[1:]):
        # "urged them to reach", "aim to reach", "hope to reach": not done; "refused to sign it
        # at the summit on Saturday" may tell of a summit still to come
        return False
    auxes = {c.lower_ for n in chain for c in n.children if c.dep_ in ("aux", "auxpass")}
    if any(c.dep_ == "neg" for n in chain for c in n.children) and "could" in auxes:
        auxes = (auxes - {"could"}) | {"did"}  # "could not reach a deal": failed to, then
    if auxes & (MODALS | POSSIBILITY | {"will", "'ll", "shall", "would", "must", "should", "ca"}):
        return False
    if _conditional(chain) or any(
        c.dep_ == "mark" and c.lower_ in HYPOTHETICAL_MARKS for n in chain for c in n.children
    ):
        return False
    if any(_denied(n) for n in chain):
        return False
    if any(_no_one_time(c) for n in chain for c in n.children):
        return False  # "never failed to", "no longer failed to", "have not yet": no one sitting
    return any(n.tag_ == "VBD" for n in chain) or bool(auxes & _DONE_AUXES)


def _no_one_time(word: Token) -> bool:
    """ "never", "no longer", "not yet": no one time the act was done (not "yet again")."""
    before = word.doc[word.i - 1].lower_ if word.i > 0 else ""
    return word.lower_ == "never" or (
        (word.lower_, before) in {("longer", "no"), ("yet", "not"), ("yet", "n't")}
    )


def _undone_occasion(noun: Token) -> bool:
    """An occasion told as never held: "talks that were called off", "talks that never took
    place", "the postponed talks", "the summit it boycotted"."""
    for child in noun.children:
        if child.dep_ == "amod" and lemma_of(child) in _UNDONE:
            return True
        if child.dep_ in ("relcl", "acl") and (
            lemma_of(child) in _UNDONE
            or (lemma_of(child) == "call" and any(c.lower_ == "off" for c in child.children))
            or any(c.dep_ == "neg" or c.lower_ == "never" for c in child.children)
        ):
            return True
    return False


def _not_yet(verb: Token) -> bool:
    """ "Have yet to meet", "is yet to sign", "a call has yet to be scheduled": it has not
    happened."""
    head = verb.head if verb.dep_ == "xcomp" else verb
    return (
        head.lemma_ in ("have", "be")
        and any(c.dep_ == "advmod" and c.lower_ == "yet" for c in head.children)
        and any(c.dep_ == "xcomp" for c in head.children)
    )


def is_topic(trigger: Trigger) -> bool:
    """'to discuss a peace treaty', 'talks on a ceasefire': what is talked about, not an event."""
    token = trigger.token
    if (
        token.pos_ not in ("NOUN", "PROPN")
        or trigger.governor is not None
        or trigger.type == "CONSULT"
    ):
        return False
    if token.dep_ == "dobj" and token.head.lemma_.lower() in TOPIC_VERBS:
        return True
    return token.dep_ == "pobj" and token.head.lower_ in TOPIC_PREPS
