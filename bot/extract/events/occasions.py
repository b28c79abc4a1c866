"""Occasions: an act told as done at, during or as the outcome of a gathering ("signed during the
state visit", "leaders at the summit adopted", "the summit resulted in a deal") happened when and
where that gathering did, and a meeting an article tells beside one visit by its people was held
during that visit. The act keeps any date or place of its own; only what it lacks comes from the
occasion, and what was lent is marked as borrowed (it is no evidence for the act's confidence)."""

from __future__ import annotations

from spacy.tokens import Token

from bot.extract.events.drafts import (
    Draft,
    country_code,
    dated,
    draft_participants,
    draft_place,
    draft_status,
    places_differ,
    recent,
    stages_differ,
)
from bot.extract.events.lexicon import (
    EARLIER_OCCASION_WORDS,
    EARLIER_WORDS,
    OCCASION_FRAMES,
    OCCASION_PREPS,
    is_definite,
    occasion_kind,
)
from bot.extract.events.triggers import Trigger
from bot.extract.events.when_where import all_settings, clause_heads
from bot.identity import talk_kinds_compatible


def find_occasion(trigger: Trigger) -> Token | None:
    """The gathering the trigger's own clause sets it at: an "at"/"during" phrase on the trigger
    or its verb ("agreed during the talks"), "on the sidelines of" one, the clause's subject
    ("the summit resulted in a deal") or an "at" phrase on that subject ("leaders at the summit
    adopted a declaration")."""
    heads = clause_heads(trigger)
    # "their talks, held on the sidelines of the summit": the participle sets them there
    for head in [*heads, *all_settings(trigger.token)]:
        for child in head.children:
            if child.dep_ == "prep" and (found := _occasion_in(child, trigger)) is not None:
                return found
    verb = next((h for h in reversed(heads) if h.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return None
    for subject in (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")):
        if subject.i != trigger.token.i and occasion_kind(subject) is not None:
            return subject
        for child in subject.children:
            if child.dep_ == "prep" and (found := _occasion_in(child, trigger)) is not None:
                return found
    return None


def _occasion_in(prep: Token, trigger: Trigger) -> Token | None:
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if pobj is None or pobj.i == trigger.token.i:
        return None
    if prep.lower_ in ("on", "in") and pobj.lower_ in OCCASION_FRAMES:  # "on the sidelines of"
        inner = next((c for c in pobj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        pobj = (
            next((c for c in inner.children if c.dep_ == "pobj"), None)
            if inner is not None
            else None
        )
        return pobj if pobj is not None and occasion_kind(pobj) is not None else None
    if prep.lower_ in OCCASION_PREPS and occasion_kind(pobj) is not None:
        return pobj
    return None


def meetings_during_visits(drafts: list[Draft]) -> None:
    """A meeting told with no date, by an article that also tells of one visit by one of its
    people (or between the visitor's country and the host's), was held during that visit: it
    takes the visit's date, and its place when it names none ("X met Y." ... "X was on a visit
    to Kyiv on Thursday.")."""
    visits = [d for d in drafts if d.mentions[0].trigger.kind == "visit"]
    for draft in drafts:
        first = draft.mentions[0]
        if first.trigger.type != "CONSULT" or first.trigger.kind not in ("meeting", "talks"):
            continue
        if dated(draft):
            continue
        people = {id(p) for p in draft_participants(draft) if p.kind == "person"}
        hosts = [
            v
            for v in visits
            # "who travelled on to Ethiopia": the next leg, not where talks told before it were
            if not (
                _onward(v.mentions[0].trigger.token)
                and v.mentions[0].trigger.token.i > first.trigger.token.i
            )
            and (people & {id(p) for p in draft_participants(v)} or _same_countries(draft, v))
            and not places_differ(draft_place(draft), draft_place(v))
            # a meeting told as held was not during a visit still to come
            and not stages_differ(draft_status(draft), draft_status(v))
            # a trip dated only to a month or a year ("his visit to Athens in June") is another
            # time; one this week may be the one
            and all(m.date[1] in ("day", "week") for m in v.mentions if m.date)
        ]
        if len(hosts) != 1:
            continue
        visit = hosts[0]
        if dated(visit):
            first.date = next(m.date for m in visit.mentions if m.date)
            draft.borrowed.add("date")
        if draft_place(draft) is None and draft_place(visit) is not None:
            first.location = draft_place(visit)
            draft.borrowed.add("location")


def _onward(verb: Token) -> bool:
    """ "Barrot, who travelled on to Ethiopia": the next leg of a trip, after the talks told."""
    return verb.pos_ == "VERB" and any(
        (c.dep_ in ("prt", "advmod") and c.lower_ in ("on", "onward", "onwards", "then", "later"))
        for c in verb.children
    )


def visits_dated_by_their_meetings(drafts: list[Draft], published: str | None) -> None:
    """A visit told with no date, by an article that tells of one meeting of the visitor on a
    day this week, in no other place: the visit took in that day ("Petro's visit to Caracas",
    "Petro and Maduro met at Miraflores Palace on Tuesday"), so it is dated by it."""
    for visit in drafts:
        first = visit.mentions[0]
        if first.trigger.kind != "visit" or dated(visit) or draft_status(visit) == "planned":
            continue
        where = draft_place(visit)
        if where is None or where.country_code is None or _recalled(first.trigger.token):
            continue  # "recalled Trump's state visit to India": history, whatever came after
        verb = first.trigger.governor or first.trigger.token
        if any(c.dep_ == "advmod" and c.lower_ in EARLIER_WORDS for c in verb.children) or any(
            c.dep_ == "amod" and c.lower_ in EARLIER_OCCASION_WORDS
            for c in first.trigger.token.children
        ):
            continue  # "Lula had previously visited Chile", "during an earlier visit": before it
        visitors = {id(p) for p in draft_participants(visit) if p.kind == "person"}
        meetings = [
            d
            for d in drafts
            if d.mentions[0].trigger.type == "CONSULT"
            and d.mentions[0].trigger.kind in ("meeting", "talks")
            and draft_status(d) != "planned"
            and visitors & {id(p) for p in draft_participants(d) if p.kind == "person"}
            # with the hosts: not "Orban met Xi on Monday" beside "Orban's visit to Moscow"
            and any(
                country_code(p) == where.country_code
                for p in draft_participants(d)
                if id(p) not in visitors
            )
            and not places_differ(draft_place(d), where)
            and any(m.date and m.date[1] == "day" and recent(m.date, published) for m in d.mentions)
        ]
        if len(meetings) != 1:
            continue
        first.date = next(m.date for m in meetings[0].mentions if m.date and m.date[1] == "day")
        visit.borrowed.add("date")


RECALLING_VERBS = frozenset({"recall", "remember", "mark", "commemorate", "recount"})


def _recalled(noun: Token) -> bool:
    """ "The two leaders recalled Trump's state visit to India": a visit remembered."""
    return noun.dep_ == "dobj" and noun.head.lemma_.lower() in RECALLING_VERBS


def _same_countries(meeting: Draft, visit: Draft) -> bool:
    """The meeting is between the visitor's country and the country visited ("Uzbekistan and
    Kazakhstan met" during the Uzbek president's visit to Kazakhstan)."""
    place = draft_place(visit)
    visitors = {country_code(p) for p in draft_participants(visit)} - {None}
    if place is None or place.country_code is None or not visitors:
        return False
    sides = {country_code(p) for p in draft_participants(meeting)} - {None}
    return len(sides) == 2 and sides == visitors | {place.country_code}


def acts_at_occasions(drafts: list[Draft]) -> None:
    """An act done at a gathering ("signed during the visit", "the summit resulted in a deal")
    takes the gathering's date, place and status where it has none of its own."""
    by_token = {
        i: d for d in drafts for m in d.mentions for i in (m.trigger.token.i, *m.trigger.tokens)
    }
    for draft in drafts:
        for mention in draft.mentions:
            if mention.occasion is None:
                continue
            source = by_token.get(mention.occasion.i) or _antecedent(mention.occasion, drafts)
            if (
                source is draft
                and any(c.dep_ == "det" and c.lower_ == "the" for c in mention.occasion.children)
                and not _named(mention.occasion)
            ):
                # "Xi also met Mishustin during the talks": the talks told before, not the
                # meeting's own telling of them
                source = _antecedent(mention.occasion, [d for d in drafts if d is not draft])
            if source is None or source is draft:
                continue
            if draft_status(draft) == "planned" and draft_status(source) == "concluded":
                # "his resolve to hold a summit during their meeting": voiced at the meeting,
                # to be held later
                continue
            first = draft.mentions[0]
            if not dated(draft) and dated(source):
                first.date = next(m.date for m in source.mentions if m.date)
                draft.borrowed.add("date")
            if (
                draft_place(draft) is None
                and draft_place(source) is not None
                and first.trigger.kind != "phone_call"  # a call is held from afar
            ):
                first.location = draft_place(source)
                draft.borrowed.add("location")
            if draft_status(draft) is None:
                first.status = draft_status(source)
            break


def sittings_of_the_act_before(drafts: list[Draft], published: str | None = None) -> None:
    """ "X and Y agreed this Tuesday to restore relations. The meeting took place in Z": a bare
    definite meeting or talks naming no side ("the meeting", "the talks, which opened on
    Monday"), the subject of the sentence right after the one agreement two states' sides made
    or the one talks they held, is where they did it: it takes the agreement's sides, and its
    day if it has none, or is those talks told again. Not a sitting its words set apart: one
    qualified ("the cabinet meeting", "the previous talks"), of or with others ("the meeting
    with investors"), still to come, or told on a day of its own other than the act's."""
    for draft in list(drafts):
        first = draft.mentions[0]
        token = first.trigger.token
        if (
            draft_participants(draft)
            or first.trigger.type != "CONSULT"
            or first.trigger.kind not in ("meeting", "talks")
            or token.pos_ not in ("NOUN", "PROPN")
            # what the sentence is about ("The meeting took place in X"), not a time it is told
            # from ("spoke before the summit")
            or token.dep_ not in ("nsubj", "nsubjpass")
            or not is_definite(token)
            or _set_apart(token)
            or draft_status(draft) == "planned"
        ):
            continue
        before = [
            d
            for d in drafts
            if _told_just_before(d, draft)
            # done together (agreed, met), not one side's act upon another
            and (d.mentions[0].trigger.type, d.mentions[0].trigger.kind)
            in (("AGREE", "agreement"), ("CONSULT", "meeting"), ("CONSULT", "talks"))
            and draft_status(d) == "concluded"
            and len({country_code(p) for p in draft_participants(d)} - {None}) >= 2
        ]
        if len(before) != 1:
            continue  # none, or several it could be
        acted = before[0]
        if acted.mentions[0].trigger.type == "AGREE" and any(
            d.mentions[0].trigger.type == "CONSULT" for d in drafts if _told_just_before(d, draft)
        ):
            continue  # "agreed in a phone call ... The conversation lasted": that sitting's
        own_day = next((m.date for m in draft.mentions if m.date), None)
        acted_day = next((m.date for m in acted.mentions if m.date), None)
        if own_day is not None and (
            own_day != acted_day if acted_day is not None else not recent(own_day, published)
        ):
            continue  # "The talks in January had collapsed": another time
        if places_differ(draft_place(draft), draft_place(acted)):
            continue  # "the talks in Mogadishu" after talks held elsewhere
        if acted.mentions[0].trigger.type == "CONSULT":
            # "The talks, which opened on Monday, ...": the talks just told, told again
            acted.mentions.extend(draft.mentions)
            drafts.remove(draft)
            continue
        first.participants = list(draft_participants(acted))
        if own_day is None and acted_day is not None:
            first.date = acted_day
            draft.borrowed.add("date")


def _told_just_before(told: Draft, sitting: Draft) -> bool:
    """Another draft told in the sentence right before the sitting's first mention."""
    start = sitting.mentions[0].sent.start
    return told is not sitting and any(m.sent.end == start for m in told.mentions)


def _set_apart(sitting: Token) -> bool:
    """Words that make a sitting another one than the act told before: a qualifier ("the cabinet
    meeting", "the previous talks", "the two-hour conversation") or a phrase of who sat or what
    on ("the meeting with investors", "of the council", "between the junta and ...", "the talks
    on Gaza")."""
    return any(
        c.dep_ in ("compound", "amod", "nmod", "nummod")
        or (c.dep_ == "prep" and c.lower_ in ("of", "with", "between", "among", "about"))
        or (
            c.dep_ == "prep"
            and c.lower_ == "on"  # "on Gaza" (not "on Tuesday": a day, checked apart)
            and not any(p.ent_type_ in ("DATE", "TIME") for p in c.children)
        )
        for c in sitting.children
    )


def _named(occasion: Token) -> bool:
    """ "the G20 summit", "the Kazan meeting": a gathering its own name picks out, not one that
    refers back to a gathering told before."""
    return any(
        c.dep_ in ("compound", "nmod", "amod") and (c.pos_ == "PROPN" or c.ent_type_)
        for c in occasion.children
    )


def _antecedent(occasion: Token, drafts: list[Draft]) -> Draft | None:
    """The gathering a definite mention ("the summit", "this visit") refers back to: the last one
    of its kind told before it, else the only one of its kind the article tells of."""
    if not is_definite(occasion):
        return None
    kind = occasion_kind(occasion)
    fits = [
        d
        for d in drafts
        if d.mentions[0].trigger.type == "CONSULT"
        and talk_kinds_compatible(d.mentions[0].trigger.kind, kind)
    ]
    before = [d for d in fits if d.mentions[0].trigger.token.i < occasion.i]
    if before:
        return max(before, key=lambda d: d.mentions[0].trigger.token.i)
    return fits[0] if len(fits) == 1 else None
