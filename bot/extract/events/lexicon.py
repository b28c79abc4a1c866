"""The event rules' vocabulary: trigger words and frames (data/event_triggers.json) and the cue
word lists (data/event_cues.json), loaded once; and `lemma_of`, the lemma corrected where the
small model slips, which the frame and cue rules read (trigger lookup reads spaCy's own)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Span, Token

from bot.extract.countries import country_index
from bot.extract.dates import NUMBER_WORDS
from bot.extract.pipeline import load_data
from bot.extract.towns import town_named

_CUES = load_data("event_cues")


def _words(key: str) -> frozenset[str]:
    return frozenset(_CUES[key]["words"])


MODALS = _words("modals")
POSSIBILITY = _words("possibility")
POSSIBLE_EVENTS = _words("possible_events")
POSSIBILITY_NOUNS = _words("possibility_nouns")
WEIGHING_VERBS = _words("weighing_verbs")
CIRCUMSTANCE_PREPS = _words("circumstance_preps")
HYPOTHETICAL_MARKS = _words("hypothetical_marks")
ONGOING_CUES = _words("ongoing_cues")
PLANNED_CUES = _words("planned_cues")
WILL_NOUNS = _words("will_nouns")
# Verbs deciding an act to come: their day is the decision's, not the act's ("agreed on Thursday
# to open negotiations"), and what they decide is no talks already held.
DECIDING_VERBS = frozenset({"agree", "decide", "vow", "pledge", "promise", "resolve"})
# Verbs placing the clause after or before what they name: their object's day is not its own,
# and their subject is what came after it ("the posts followed the visit"), not who took part.
SEQUENCE_VERBS = frozenset({"follow", "precede", "succeed"})
# Participles that set a time to come for what is their subject ("is scheduled for Friday").
PLANNING_VERBS = frozenset({"schedule", "plan", "set", "expect"})
CONCLUDED_CUES = _words("concluded_cues")
CLOSING_VERBS = _words("closing_verbs")
AGENDA_VERBS = _words("agenda_verbs")
CLOSING_OCCASIONS = _words("closing_occasions")
ASSERTING_PREDICATES = _words("asserting_predicates")
LEADING_VERBS = _words("leading_verbs")
SETTING_VERBS = _words("setting_verbs")
OWN_COURSE_VERBS = _words("own_course_verbs")
DAY_WORDS = _words("day_words")
RECURRENCE_WORDS = _words("recurrence_words")
RECURRENCE_UNITS = _words("recurrence_units")
CALLER_ROLES = _words("caller_roles")
BACK_POINTING_WORDS = _words("back_pointing_words")
# Entity labels of those who can be sides: people, places that are states, groups, bodies.
SIDE_ENTITIES = frozenset({"PERSON", "GPE", "NORP", "ORG"})
CHANNEL_PREPS = _words("channel_preps")
CAPITAL_QUALIFIERS = _words("capital_qualifiers")
JOURNEY_VERBS = _words("journey_verbs")
JOURNEY_NOUNS = _words("journey_nouns")
DETENTION_WORDS = _words("detention_words")
WANTING_VERBS = _words("wanting_verbs")
CALL_RECEIVING_VERBS = _words("call_receiving_verbs")
MEANS_NOUNS = _words("means_nouns")
CASUALTY_WORDS = _words("casualty_words")
SITTING_HOLD_VERBS = _words("sitting_hold_verbs")
OWN_RETREAT_WORDS = _words("own_retreat_words")
PERFECT_AUXES = _words("perfect_auxiliaries")
ROLE_NOUNS = _words("role_nouns")
GATHERER_NOUNS = _words("gatherer_nouns")
MEDIATION_WORDS = _words("mediation_words")
MEDIATION_NOUNS = _words("mediation_nouns")
NAMING_VERBS = _words("naming_verbs")
REPETITION_WORDS = _words("repetition_words")
COUNTING_WORDS = _words("counting_words")
SPEAKING_VERBS = _words("speaking_verbs")
RECOUNTING_VERBS = _words("recounting_verbs")
TALKS_OUTCOME_VERBS = _words("talks_outcome_verbs")
TALKS_OUTCOME_NOUNS = _words("talks_outcome_nouns")
PHONE_WORDS = _words("phone_words")
IMPACT_VERBS = _words("impact_verbs")
ADDRESSING_VERBS = _words("addressing_verbs")
PARTNERSHIP_NOUNS = _words("partnership_nouns")
CHAIRING_NOUNS = _words("chairing_nouns")
COURTESY_VERBS = frozenset(_CUES["courtesies"]["verbs"])
COURTESY_REASONS = _words("courtesies")
PROMISE_VERBS = _words("promise_verbs")
STATUS_PREDICATES = ONGOING_CUES | PLANNED_CUES | CONCLUDED_CUES | _words("course_verbs")
TOPIC_VERBS = _words("topic_verbs")
EXCLUSION_VERBS = _words("exclusion_verbs")
GROUP_WORDS = _words("group_words")
CAUTION_STATES = _words("caution_states")
LABOUR_WORDS = _words("labour_words")
FRAMING_PREPS = _words("framing_preps")
TOPIC_PREPS = _words("topic_preps")
LOCATIVE_PREPS = _words("locative_preps")
TOPIC_PARTICIPLES = _words("topic_participles")
DETACHED_PREPS = _words("detached_preps")
LEADING_WORDS = _words("leading_words")
OCCASION_PREPS = _words("occasion_preps")
OCCASION_FRAMES = _words("occasion_frames")
PRIVATE_PEOPLE = frozenset(load_data("participants")["private_people"])
PRIVATE_SECTORS = frozenset(load_data("participants")["private_sectors"])
RELATIVES = frozenset(load_data("participants")["relatives"])
DECISION_NOUNS = _words("decision_nouns")
PLAN_WORDS = _words("plan_words")
# Verbs that set an event for a day ("scheduled for Monday", "set for Friday").
SET_FOR_VERBS = frozenset({"schedule", "set", "plan", "slate", "fix", "reschedule", "pencil"})
# Words telling an act as before the one reported ("previously met", "had once visited").
EARLIER_WORDS = frozenset({"previously", "first", "last", "earlier", "already", "once", "ago"})
# Words setting an occasion before the one told ("an earlier visit", "his previous trip"; not
# "his first visit", which may be this one).
EARLIER_OCCASION_WORDS = frozenset({"earlier", "previous", "prior", "past", "former", "last"})
# Verbs of a party keeping or breaking a deal it made ("will respect the ceasefire agreed with
# Thailand", "violated the truce it agreed with Hamas"); not of onlookers ("welcomed").
PARTY_VERBS = frozenset(
    {"respect", "honour", "honor", "uphold", "implement", "abide", "violate", "breach"}
)
# Verbs of arriving at an agreement ("the deal reached in Vienna", "the accord struck").
REACHING_VERBS = frozenset({"reach", "strike", "seal", "clinch", "conclude", "hammer"})
# Verbs of saying (the statements' list) and of a verdict: "told reporters after hosting X and
# Y", "described the meeting as constructive after they met" tell the news of that occasion, not
# of another one.
SPEECH_VERBS = frozenset(load_data("speech_verbs")["speech"])
VERDICT_VERBS = frozenset(load_data("speech_verbs")["verdict"])
PREVENTING_VERBS = _words("preventing_verbs")
MANDATIVE_VERBS = _words("mandative_verbs")
AFFILIATION_PARTICIPLES = _words("affiliation_participles")
CONTROL_VERBS = _words("control_verbs")
OPPOSED_MODIFIERS = _words("opposed_modifiers")
ARRIVAL_VERBS = _words("arrival_verbs")
LEAVING_VERBS = _words("leaving_verbs")
EMERGING_VERBS = _words("emerging_verbs")
MEASURE_NOUNS = _words("measure_nouns")
# Verbs of leaving a place named as their object, which a visit or talks told after them took
# place in ("left Cairo after a two-day visit"); fewer than the verbs that end a visit
# (LEAVING_VERBS: "returned home", "wrapped up").
PLACE_LEAVING_VERBS = frozenset({"leave", "depart"})
# Possessive pronouns by which a clause names a side's own thing ("its missiles", "his decision").
POSSESSIVE_PRONOUNS = frozenset({"his", "her", "its", "their", "our", "my"})
GATHERING_HOST_VERBS = _words("gathering_host_verbs")
# The verb of a host ("talks hosted by Qatar"), as a participle on the occasion it hosts.
HOST_VERBS = frozenset({"host", "cohost", "co-host"})
# Verbs whose object is an occasion asked for, not one held.
PROPOSING_VERBS = frozenset(
    {"propose", "suggest", "offer", "seek", "demand", "want", "urge", "request", "invite"}
)
# Verbs making a plan known ("had announced the talks"): what they tell is the plan's making.
ANNOUNCING_VERBS = frozenset({"announce", "unveil", "confirm", "disclose", "reveal"})
ABSENCE_VERBS = _words("absence_verbs")
OBSERVER_ROLES = _words("observer_roles")
OBSERVING_VERBS = _words("observing_verbs")
PRESS_ROLES = _words("press_roles")
NATIONAL_INSTITUTION_WORDS = _words("national_institution_words")
OPPOSING_NOUNS = _words("opposing_nouns")


TRIM = " \t\n,;:.\"'“”"


@lru_cache(maxsize=1)
def load_lexicon() -> tuple[dict, dict, dict]:
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


@dataclass(frozen=True)
class Frames:
    """How governing verbs and modality reshape a trigger (see `frames` in event_triggers.json)."""

    light: frozenset[str]
    reversing: dict[str, str]
    reversing_kinds: dict[str, str]
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
    person_objects: frozenset[str]
    irrealis_heads: frozenset[str]
    permitting: frozenset[str]
    readiness: frozenset[str]
    negating: frozenset[str]
    empty_refusals: frozenset[str]
    physical: frozenset[str]
    accidents: frozenset[str]
    object_required: dict[str, frozenset[str]]
    agreement_light: frozenset[str]
    object_excluded: dict[str, frozenset[str]]
    modifier_excluded: dict[str, frozenset[str]]
    weapon_launches: dict[str, frozenset[str]]
    destination_required: frozenset[str]
    claim_verbs: frozenset[str]
    claim_nouns: frozenset[str]
    allegation_verbs: frozenset[str]
    media_event_modifiers: frozenset[str]


@lru_cache(maxsize=1)
def load_frames() -> Frames:
    raw = load_data("event_triggers")["frames"]
    pairs = {tuple(k.split(" ", 1)): v for k, v in raw["verb_object"].items()}
    return Frames(
        light=frozenset(raw["light_verbs"]),
        agreement_light=frozenset(raw["agreement_light_verbs"]),
        reversing=dict(raw["reversing_verbs"]),
        reversing_kinds=dict(raw["reversing_kinds"]),
        reversal=dict(raw["reversal"]),
        verb_object=pairs,
        intent=frozenset(raw["intent_words"]),
        future=frozenset(raw["future_auxiliaries"]),
        obligation=frozenset(raw["obligation_auxiliaries"]),
        hostile=frozenset(raw["hostile_types"]),
        pledge=frozenset(raw["pledge_types"]),
        reporting=frozenset(raw["reporting_verbs"]),
        lemma_fixes=dict(raw["lemma_fixes"]),
        argument_preps=frozenset(raw["argument_preps"]),
        person_objects=frozenset(raw["person_objects"]),
        irrealis_heads=frozenset(raw["irrealis_heads"]) | frozenset(raw["permitting_heads"]),
        permitting=frozenset(raw["permitting_heads"]),
        readiness=frozenset(raw["readiness_words"]),
        negating=frozenset(raw["negating_heads"]),
        empty_refusals=frozenset(raw["empty_refusals"]),
        physical=frozenset(raw["physical_types"]),
        accidents=frozenset(raw["accident_nouns"]),
        object_required={
            verb: frozenset(objects) for verb, objects in raw["object_required"].items()
        },
        object_excluded={
            verb: frozenset(objects) for verb, objects in raw["object_excluded"].items()
        },
        weapon_launches={key: frozenset(words) for key, words in raw["weapon_launches"].items()},
        modifier_excluded={
            verb: frozenset(words) for verb, words in raw["modifier_excluded"].items()
        },
        destination_required=frozenset(raw["destination_required"]),
        claim_verbs=frozenset(raw["claim_verbs"]),
        claim_nouns=frozenset(raw["claim_nouns"]),
        allegation_verbs=frozenset(raw["allegation_verbs"]),
        media_event_modifiers=frozenset(raw["media_event_modifiers"]),
    )


def lemma_of(token: Token) -> str:
    """The lemma, corrected where the small model slips ("staged" -> "stag")."""
    lemma = token.lemma_.lower()
    return load_frames().lemma_fixes.get(lemma, lemma)


def objects_of(token: Token, *preps: str) -> list[Token]:
    """The objects of the token's own phrases opened by `preps` ("sanctions on Iran": Iran)."""
    return [
        p
        for c in token.children
        if c.dep_ == "prep" and c.lower_ in preps
        for p in c.children
        if p.dep_ == "pobj"
    ]


def signing_nominal(token: Token) -> Token | None:
    """The signing a deal's noun is the "of" object of ("the signing of the accord by X and Y",
    "welcomed the signing by X of a declaration"), or None. The parser may hang "by" on the
    verb and the "of" on the last signer ("welcomed the signing by representatives of X and Y
    of a declaration"): the signing is then the verb's object just before that "by"."""
    if token.dep_ != "pobj" or token.head.lower_ != "of":
        return None
    signing = token.head.head
    if signing.lower_ == "signing":
        return signing
    node = signing
    while node.dep_ in ("pobj", "conj", "prep") and node.head.i != node.i:
        node = node.head
        if node.dep_ == "prep" and node.lower_ == "by":
            return next(
                (
                    c
                    for c in node.head.children
                    if c.dep_ == "dobj" and c.lower_ == "signing" and c.i < node.i
                ),
                None,
            )
    return None


def signers_of(signing: Token) -> list[Token]:
    """Who a signing is "by": its own "by" phrase, or the one the parser hung on its verb just
    after it ("welcomed the signing by X and Y of a declaration")."""
    own = objects_of(signing, "by")
    if own or signing.dep_ != "dobj":
        return own
    return [
        p
        for by in signing.head.children
        if by.dep_ == "prep" and by.lower_ == "by" and by.i > signing.i
        for p in by.children
        if p.dep_ == "pobj"
    ]


# Verbs taking up an invitation ("accepted an invitation to visit Ankara"); turning one down
# ("declined") plans no trip, and "taking it under consideration" accepts nothing.
ACCEPTING_VERBS = frozenset({"accept"})
TRIP_UNDOING_WORDS = _words("trip_undoing_words")
GUEST_NOUNS = _words("guest_nouns")
SIGNED_TEXTS = _words("signed_texts")
# Subordinators that make an invitation's trip hang on a condition or a time still to come ("if
# the talks succeed", "once the war ends", "until he leaves office").
CONDITIONING_MARKS = frozenset({"if", "unless", "whether", "once", "until"})
# Subjects that deny the invitation itself ("Nobody invited Zelensky to visit Alaska").
NO_ONE = frozenset({"nobody", "no one", "none", "neither"})


def invited_trip(verb: Token) -> Token | None:
    """The invitation a trip is told as, made or taken up: "invite" in "Putin invited Kim to
    visit Moscow" or "Kim was invited to visit Moscow", "accepted" in "Kim accepted an invitation
    to visit Moscow"; None when the invitation is not told as made or taken up ("did not
    invite", "could invite", "has yet to invite", "if the talks succeed", "Nobody invited"), is
    undone in the same sentence ("... but declined", "... but the trip was cancelled"), or is
    for no guest who stands for a state ("invited American investors to visit")."""
    if verb.pos_ != "VERB" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None
    head = verb.head
    if verb.dep_ == "xcomp" and lemma_of(head) == "invite":
        inviting = head
        guest = next((c for c in head.children if c.dep_ in ("dobj", "nsubjpass")), None)
    elif (
        verb.dep_ == "acl"
        and head.lemma_.lower() == "invitation"
        and head.dep_ == "dobj"
        and (
            lemma_of(head.head) in ACCEPTING_VERBS
            # "took up an invitation", not "will take the invitation under consideration"
            or (
                lemma_of(head.head) == "take"
                and any(c.dep_ == "prt" and c.lower_ == "up" for c in head.head.children)
            )
        )
    ):
        inviting = head.head
        guest = clause_subject(inviting)  # "Qin Gang, who accepted ...": Qin Gang
    else:
        return None
    return inviting if _told_as_made(inviting) and _a_guest(guest) else None


def invited_to_a_place(verb: Token) -> bool:
    """ "Modi invited Xi to India for an informal summit next year": an invitation told as made
    to a guest who stands for a side, to a named place, is the guest's planned visit there."""
    if verb.pos_ != "VERB" or lemma_of(verb) != "invite":
        return False
    if any(c.dep_ == "xcomp" for c in verb.children):
        return False  # "invited Kim to visit Moscow": the visit's own verb tells it
    guest = next((c for c in verb.children if c.dep_ == "dobj"), None)
    to_a_place = any(
        c.dep_ == "prep"
        and c.lower_ == "to"
        and any(p.dep_ == "pobj" and _a_place(p) for p in c.children)
        for c in verb.children
    )
    return to_a_place and _a_guest(guest) and _told_as_made(verb)


def _a_place(token: Token) -> bool:
    """A country or town by the gazetteers (the tagger may call "Santiago" a person)."""
    name = " ".join(t.text for t in token.subtree if t.dep_ in ("compound", "flat") or t == token)
    return (
        token.ent_type_ == "GPE"
        or country_index().resolve(name) is not None
        or town_named(name) is not None
    )


def _told_as_made(inviting: Token) -> bool:
    """Made or taken up, as news: a past verb with no modal or negation, no one's ("Nobody
    invited"), in a sentence that neither sets a condition on it nor undoes or doubts it."""
    if inviting.tag_ not in ("VBD", "VBN", "VBZ"):
        return False  # "could invite", "wants to invite", "has yet to invite"
    if any(
        (c.dep_ in ("aux", "auxpass") and c.tag_ == "MD")
        or c.dep_ == "neg"
        or (c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in NO_ONE)
        for c in inviting.children
    ):
        return False
    # "... if the trade talks succeed", "... but the White House said the president would not
    # travel", "... received no such invitation"
    return not any(
        t.lemma_.lower() in TRIP_UNDOING_WORDS
        or t.lower_ in CONDITIONING_MARKS
        or t.dep_ == "neg"
        or (t.lower_ == "no" and t.head.lemma_.lower() == "invitation")
        for t in inviting.sent
    )


def _a_guest(guest: Token | None) -> bool:
    """A named person, state or body, or an official by role ("his counterpart")."""
    if guest is None:
        return False
    if guest.ent_type_ in ("PERSON", "GPE", "ORG", "NORP") or guest.pos_ == "PROPN":
        return True
    return guest.lemma_.lower() in GUEST_NOUNS


def told_separately(token: Token) -> bool:
    """A sentence that sets a new text apart from the one told before it: "Separately, X signed
    a roadmap with Y" (not "In a separate statement, Hamas confirmed it had accepted the deal",
    nor "the two sides signed the document separately", nor "Separately, ... the deal signed by
    X and Y", which tell the same deal again)."""
    words = [t.lower_ for t in token.sent[:2]]
    if words[:1] != ["separately"]:
        return False
    verb = token if token.pos_ == "VERB" else token.head
    texts = [token] if token.pos_ == "NOUN" else [c for c in verb.children if c.dep_ == "dobj"]
    return any(any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in t.children) for t in texts)


def relative_doer(clause: Token, verbs: frozenset[str]) -> Token | None:
    """The subject of a relative clause of one of `verbs` whose object is the relative pronoun
    standing for the noun: "Switzerland" in "the summit, which Switzerland hosted in June"; None
    for a clause with an object of its own, of another verb, or denied ("which Putin did not
    attend", "which Israel never attended", "which neither Xi nor Putin attended")."""
    if lemma_of(clause) not in verbs:
        return None
    if not any(c.dep_ == "dobj" and c.tag_ in ("WDT", "WP") for c in clause.children):
        return None
    if any(c.dep_ == "neg" or c.lower_ == "never" for c in clause.children):
        return None
    subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.tag_ in ("WDT", "WP"):
        return None
    return None if any(t.lower_ in ("neither", "nor") for t in subject.subtree) else subject


def present_perfect(verb: Token) -> bool:
    """ "has recalled", "have said": done or said before now, on a day the words do not give."""
    return any(c.dep_ == "aux" and c.lower_ in ("has", "have", "'s", "'ve") for c in verb.children)


def clause_subject(verb: Token) -> Token | None:
    """The verb's subject, or the noun a relative "who" stands for ("Vance, who also met ...")."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is not None and subject.tag_ in ("WP", "WDT") and verb.dep_ == "relcl":
        return verb.head
    return subject


def tells_of_talks(token: Token) -> bool:
    """A word the event lexicon reads as a sitting-down (CONSULT): "met", "talks", "summit"."""
    nouns, verbs, _ = load_lexicon()
    table = verbs if token.pos_ == "VERB" else nouns
    return any(type_ == "CONSULT" for type_, _, _ in table.get(token.lemma_.lower(), []))


# Pronouns an act names its own doer by ("defended itself", "declared himself the leader").
REFLEXIVES = frozenset({"itself", "themselves", "himself", "herself", "ourselves", "myself"})


def names_a_day(span: Span) -> bool:
    """A date that names a day ("on Thursday", "June 5"), not a period word ("annual", "weeks",
    "within 90 days")."""
    return any(t.lower_.rstrip(".") in DAY_WORDS for t in span)


def names_a_recurrence(span: Span) -> bool:
    """A date expression that only tells how often something recurs ("annual", "weekly", "every
    year"): it dates no one occasion."""
    words = [t.lower_ for t in span if t.lower_ not in DEFINITE]
    if words[:1] in (["every"], ["each"]):
        # "every day", "each year", "every two years" (not "every day last week": a time told)
        return all(w in RECURRENCE_UNITS or w.isdigit() or w in NUMBER_WORDS for w in words[1:])
    return bool(words) and all(w in RECURRENCE_WORDS for w in words)


def names_an_agreement(token: Token, kinds: tuple[str, ...] = ("agreement",)) -> bool:
    """A word the event lexicon reads as an agreement made (AGREE): "deal", "accord", "signed";
    with `kinds` ("agreement", "pledge"), a pledge or an offer too."""
    nouns, verbs, _ = load_lexicon()
    table = verbs if token.pos_ == "VERB" else nouns
    senses = table.get(token.lemma_.lower(), [])
    return any(type_ == "AGREE" and kind in kinds for type_, kind, _ in senses)


def verb_lemma(verb: Token) -> str:
    """'call off', 'break off': the lemma with its particle, as the frames list them."""
    particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
    return f"{lemma_of(verb)} {particle}" if particle else lemma_of(verb)


DEFINITE = frozenset({"the", "this", "that", "these", "those"})


def occasion_kind(token: Token) -> str | None:
    """The kind of gathering a noun names ("summit", "visit", "call"), or None."""
    if token.pos_ not in ("NOUN", "PROPN"):
        return None
    senses = load_lexicon()[0].get(token.lemma_.lower(), [])
    return next((kind for type_, kind, _ in senses if type_ == "CONSULT"), None)


def is_definite(token: Token) -> bool:
    """ "the summit", "this visit", "their meeting", "Monday's talks": a gathering already known."""
    return any(
        (c.dep_ == "det" and c.lower_ in DEFINITE) or c.dep_ == "poss" for c in token.children
    )


def _occasion_kinds(token: Token) -> set[str]:
    """The kinds of sitting-down the lexicon reads a word as ("met", "the meeting": meeting)."""
    nouns, verbs, _ = load_lexicon()
    table = verbs if token.pos_ == "VERB" else nouns
    return {kind for type_, kind, _ in table.get(token.lemma_.lower(), []) if type_ == "CONSULT"}


def proposed_before_it_was_told(noun: Token) -> bool:
    """ "Putin had proposed the direct talks on Sunday", "Trump had announced the talks on
    Monday at the White House": a proposal or an announcement in the past perfect of an
    occasion the article already knows (definite) tells how the occasion told came about, not
    another one still to come (while "Kyiv had proposed a meeting" may be)."""
    verb = noun.head
    return (
        noun.dep_ == "dobj"
        and lemma_of(verb) in PROPOSING_VERBS | ANNOUNCING_VERBS  # not "had held the talks"
        and is_definite(noun)
        and verb.tag_ == "VBN"
        and any(c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in verb.children)
        # told before in the article as the same kind of sitting-down ("Trump and Putin met ... .
        # Trump had proposed the meeting"), and given no time still to come ("for next week")
        and bool(
            _occasion_kinds(noun)
            & {k for t in noun.doc[: noun.sent.start] for k in _occasion_kinds(t)}
        )
        and not any(
            c.dep_ == "prep" and c.lower_ == "for" for n in (noun, verb) for c in n.children
        )
        and not any(
            t.lower_ in ("next", "coming", "upcoming", "later")
            for n in (noun, verb)
            for t in n.subtree
            if t.ent_type_ == "DATE"
        )
    )


def misread_subject(verb: Token) -> Token | None:
    """The subject of a full verb the parser took for an auxiliary of the participle before it
    ("Welcomed by the host, ministers gathered in X": 'gathered' an auxpass of 'Welcomed').
    An auxiliary never follows its verb, so the clause is misread and its subject is the noun
    just before the verb."""
    if headline_infinitive(verb) and verb.dep_ != "ROOT":
        return verb.head
    if verb.pos_ == "VERB" and verb.i > 0 and not any(c.dep_ == "nsubj" for c in verb.children):
        # "Trump delays tariffs ...": a headline's name the parser made a compound of its verb
        before = verb.doc[verb.i - 1]
        named = before.ent_type_ in SIDE_ENTITIES
        if before.dep_ == "compound" and before.head.i == verb.i and named:
            return before
    if (
        verb.dep_ == "acl"
        and verb.tag_ == "VBN"
        and verb.head.dep_ == "ROOT"
        and verb.head.pos_ in ("NOUN", "PROPN")
        and verb.head.i < verb.i
        # an object naming an act ("signed ... a memorandum"; not "a condolence book")
        and any(c.dep_ == "dobj" and load_lexicon()[0].get(c.lemma_.lower()) for c in verb.children)
    ):
        # "The Foreign Minister of Chile, X, and his Peruvian counterpart, Y, signed on Tuesday
        # an accord": a past tense with an object, which no passive participle takes, is the
        # sentence's verb, and the noun the parser made the root its subject
        return verb.head
    if verb.dep_ not in ("aux", "auxpass") or verb.head.i > verb.i or verb.i == 0:
        return None
    before = verb.doc[verb.i - 1]
    if before.pos_ in ("NOUN", "PROPN") and before.dep_ not in ("pobj", "dobj"):
        return before
    return None


def teller_past_a_quote(verb: Token) -> Token | None:
    """ "Trump said "China is running the canal" and warned ...": a verb after the quotation
    closes goes on from the teller (returned), though the parser joined it to the quoted verb."""
    head = verb.head
    if verb.dep_ != "conj" or head.dep_ != "ccomp" or head.head.pos_ != "VERB":
        return None
    if any(c.dep_ in ("aux", "auxpass", "nsubj") for c in verb.children):
        return None  # 'said Putin "is afraid of talks" and has rejected ...': Putin's own verb
    # (a quotation opened after the quoted clause's subject, 'said Beijing "is not a partner"
    # and threatened ...', may still end on that subject's verb; on the audits the teller's
    # reading is right far more often, and a verb with its own auxiliary is kept apart above)
    between = verb.doc[head.i + 1 : verb.i]
    closed = any(t.tag_ == "''" or t.text in ('"', "\u201d") for t in between)
    return head.head if closed and head.head.i < head.i else None


def headline_infinitive(verb: Token) -> bool:
    """ "X and Y to talk on Friday", "Putin to visit China": an infinitive with a subject as the
    whole sentence, a headline's way of telling what is to come. The parser reads it so, or hangs
    the infinitive on the subject's name as the sentence's root."""
    if verb.tag_ != "VB" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    if verb.dep_ == "ROOT":
        return any(c.dep_ == "nsubj" for c in verb.children)
    head = verb.head
    return (
        verb.dep_ in ("advcl", "acl", "relcl", "xcomp")
        and head.dep_ == "ROOT"
        and head.i < verb.i
        and head.pos_ == "PROPN"
        and head.ent_type_ in ("PERSON", "GPE", "ORG", "NORP")
    )


def participle_patient(verb: Token) -> Token | None:
    """Who a sentence-opening participle acts on: "Welcomed by the host, the ministers met" —
    the ministers were welcomed (the subject of the clause it opens)."""
    if verb.tag_ != "VBN" or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    if verb.dep_ == "advcl" and verb.i < verb.head.i:
        return next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if verb.dep_ == "ROOT":
        misread = next((c for c in verb.children if c.i > verb.i and misread_subject(c)), None)
        return misread_subject(misread) if misread is not None else None
    return None
