"""Where, when and how far along: an event's place, date and status from its own clause."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from bot.extract.countries import country_index, venue_town
from bot.extract.dateline import Dateline
from bot.extract.dates import (
    NUMBER_WORDS,
    days_from_the_day_told,
    part_of_today,
    resolve_date,
    year_told_back,
)
from bot.extract.entities import EntityIndex, entity_at
from bot.extract.events.arguments import a_city, anothers_visit, venue_in
from bot.extract.events.confidence import headline
from bot.extract.events.drafts import recent
from bot.extract.events.lexicon import (
    ARRIVAL_VERBS,
    CAPITAL_QUALIFIERS,
    CLOSING_VERBS,
    CONCLUDED_CUES,
    DAY_WORDS,
    DECIDING_VERBS,
    DECISION_NOUNS,
    FRAMING_PREPS,
    HOST_VERBS,
    LEAVING_VERBS,
    LOCATIVE_PREPS,
    MEASURE_NOUNS,
    MODALS,
    ONGOING_CUES,
    OWN_COURSE_VERBS,
    PARTY_VERBS,
    PERFECT_AUXES,
    PLACE_LEAVING_VERBS,
    PLAN_WORDS,
    PLANNED_CUES,
    PLANNING_VERBS,
    PROPOSING_VERBS,
    REACHING_VERBS,
    SEQUENCE_VERBS,
    SET_FOR_VERBS,
    SETTING_VERBS,
    STATUS_PREDICATES,
    TRIM,
    WILL_NOUNS,
    headline_infinitive,
    invited_to_a_place,
    invited_trip,
    is_definite,
    lemma_of,
    load_frames,
    load_lexicon,
    names_a_day,
    names_an_agreement,
    present_perfect,
    proposed_before_it_was_told,
    relative_doer,
    signing_nominal,
    verb_lemma,
)
from bot.extract.events.triggers import (
    Trigger,
    clause_chain,
    deal_sought_at,
    holding_clause,
    measured,
)
from bot.extract.pipeline import SPAN_UNITS, load_data, quoted
from bot.extract.towns import town_named
from bot.facts import Location
from bot.identity import names_a_site, period
from bot.names import fold


def find_location(
    trigger: Trigger, index: EntityIndex, dateline: Dateline | None = None
) -> Location | None:
    """The event's own place: an 'in'/'at' phrase on the trigger or on the verb of its clause,
    for a visit the place visited ('a visit to Brussels', 'visited Riyadh'), and "here" is
    where the dateline says the report was filed. A place that is the dateline's own state
    ("talks at a base in Alaska", filed from "ANCHORAGE, Alaska") is the dateline's town."""
    if trigger.kind == "phone_call" and not _placed_on_the_call(trigger, index):
        return None  # "in Stockholm, which paved the way for a video call": no place of the call
    if trigger.type == "CONSULT" and proposed_before_it_was_told(trigger.token):
        return None  # "had announced the talks at the White House": where it was announced
    found = _own_place(trigger, index, dateline)
    if found is None and (announced := announcement_of(trigger)) is not None:
        # "The announcement in Beijing on Friday that X and Y will restore relations"
        found = next(
            (
                place
                for prep in announced.children
                if prep.dep_ == "prep"
                and prep.lower_ in ("in", "at")
                and (place := _place_in(prep, index)) is not None
            ),
            None,
        )
    if (
        found is not None
        and dateline is not None
        and dateline.region is not None
        and fold(found.name) == fold(dateline.region)
        and dateline.country_code == found.country_code
        # a state or province: not "MOSCOW, Russia" and "in Russia", nor "SEATTLE, Washington"
        # and "in Washington" (a capital's name too)
        and not names_a_country(found)
        and not _a_capital(found.name)
    ):
        # the state kept as its detail, so another report's "Alaska" is the same place
        return Location(
            name=dateline.place, country_code=dateline.country_code, detail=dateline.region
        )
    return found


def _places(
    trigger: Trigger, index: EntityIndex, dateline: Dateline | None = None
) -> Iterator[Location]:
    """The places the trigger's clause names for it, nearest first."""
    token = trigger.token
    yield from _places_told(trigger, index, dateline)
    left = _place_left_after(token) if trigger.type == "CONSULT" else None
    if left is not None and (found := _place_of(left, index)) is not None:
        # "left N'Djamena following talks with the president": held there, when the talks name
        # no place of their own ("left Moscow after talks in Minsk" were in Minsk)
        yield found
    where = _where_told_before(token)
    if where is not None and (found := _place_of(where, index)) is not None:
        yield found


def _where_told_before(token: Token) -> Token | None:
    """ "Flew to Suva, where he joined a regional summit": the place a "where" clause the
    trigger is in hangs on (the nearest such clause; not a place the clause itself names)."""
    for node in (token, *token.ancestors):
        if node.dep_ == "relcl":
            if not any(c.dep_ == "advmod" and c.lower_ == "where" for c in node.children):
                return None
            antecedent = node.head
            return antecedent if antecedent.ent_type_ in ("GPE", "LOC", "FAC") else None
    return None


def _places_told(
    trigger: Trigger, index: EntityIndex, dateline: Dateline | None = None
) -> Iterator[Location]:
    token = trigger.token
    islands: list[Location] = []
    venues: list[Location] = []  # known venues, in the towns the gazetteer gives
    heads = _purpose_chain(clause_heads(trigger))
    if token.pos_ == "VERB" and token not in heads:
        heads.append(token)
    heads.extend(all_settings(token))
    for head in heads:
        for child in head.children:
            preps = (
                ("in", "at", "inside", "near", "outside", "to")
                if trigger.kind == "visit"
                else ("in", "at", "inside", "near", "outside")
            )
            found: Location | None
            if (
                child.dep_ == "prep"
                and child.lower_ in preps
                and _the_datelines_capital(child, dateline)
            ):
                # "BAMAKO - ... was signed in the capital": the dateline's
                assert dateline is not None
                found = Location(name=dateline.place, country_code=dateline.country_code)
            elif child.dep_ == "prep" and child.lower_ in preps:
                found = _place_in(child, index)
                known = _venue_in(child)
                if known is not None and (found is None or found.country_code is None):
                    # after any town the clause names itself ("at Blair House in Philadelphia")
                    venues.append(known)
                    continue
            elif (
                trigger.kind == "visit"
                and child.dep_ == "prep"
                and child.lower_ == "for"
                and lemma_of(head) in PLACE_LEAVING_VERBS
                and token.dep_ == "pobj"
                and token.head.lower_ == "for"
                and token.head.head.i == head.i
                and child.i != token.head.i
            ):
                # "will leave for Lima on Thursday for a visit" (not "left for home, ending his
                # visit": where he went after it)
                found = _place_in(child, index)
            elif child.dep_ == "prep" and _on_an_island(child):
                # after any town the clause names: "in Nusa Dua on the resort island of Bali"
                island = _place_in(child, index)
                if island is not None:
                    islands.append(island)
                continue
            elif (
                trigger.kind == "visit"
                and head.i == token.i
                and token.pos_ == "VERB"
                and child.dep_ == "dobj"
            ):
                if any(c.dep_ in ("conj", "appos") for c in child.children):
                    return  # "visited Saudi Arabia, Qatar and Jordan": no one place
                # "after hosting President Fernandez in Brasilia": the parser hangs the place on
                # the guest; "visited Kyiv", a capital the tagger left untagged: the gazetteer's
                found = (
                    _place_of(child, index)
                    or _place_after(child, index)
                    or (_city_named(child) if child.pos_ == "PROPN" else None)
                )
            elif (
                trigger.type == "CONSULT"
                and head.i == token.i
                and child.dep_ == "prep"
                and child.lower_ == "with"
            ):
                # "held talks with Fiji's prime minister in Suva": hung on the person met
                found = next(
                    (_place_after(p, index) for p in child.children if p.dep_ == "pobj"), None
                )
            elif (
                trigger.type == "CONSULT"
                and head.i == token.i
                and token.pos_ == "NOUN"
                and child.dep_ == "prep"
                and child.lower_ == "of"
            ):
                # "a meeting of the foreign ministers of the three countries in Washington":
                # hung on those who met
                found = _place_after_members(child, index)
            elif (
                trigger.type == "CONSULT"
                and head.i == token.i
                and child.dep_ == "prep"
                and child.lower_ == "between"
                and (last := _last_side(child)) is not None
                and last.ent_type_ == "PERSON"
            ):
                # "the talks between Rubio and Lavrov in Riyadh": hung on the last person
                # named, or on the first past the whole list (not "talks between Israel and
                # Hamas in Gaza": where a side is)
                found = _place_after(last, index) or _place_past_the_list(child, last, index)
            elif (
                trigger.type == "CONSULT"
                and head.pos_ == "VERB"
                and child.dep_ == "prep"
                and child.lower_ == "for"
                and (times := _times_counted(child)) is not None
            ):
                # "met for the first time under the grouping's banner in Washington": the
                # parser hangs the clause's last place on the count of times
                found = _place_ending(times, index)
            elif head.pos_ == "VERB" and _side_phrase(trigger, head, child):
                found = _place_after(
                    child, index
                )  # "met President X in Lima": the parser hangs it on X
            elif (
                trigger.type == "ASSAULT"
                and head is (trigger.governor or token)
                and child.dep_ == "dobj"
            ):
                found = _city_of(child, index)  # "struck Damascus": where the attack fell
            elif (
                head.i == token.i
                and (venue := venue_in(child, index)) is not None
                # "the Chagos Islands treaty", "the Karabakh ceasefire": what a deal is about,
                # unless a city names where it was signed ("the Doha agreement")
                and (trigger.type != "AGREE" or a_city(venue))
            ):
                found = _city_of(venue, index) or _city_named(venue)  # "the London meeting"
            elif child.dep_ == "advmod" and child.lower_ == "here" and dateline is not None:
                found = Location(name=dateline.place, country_code=dateline.country_code)
            else:
                continue
            if found is not None and not _water_for_talks(trigger, found):
                yield found
    host = _venue_hosting(trigger)
    if host is not None:
        yield host
    yield from venues
    yield from islands


def _venue_hosting(trigger: Trigger) -> Location | None:
    """ "Villa La Grange hosts Biden-Putin meeting": a venue the gazetteer knows, as the host
    of talks, is where they were held (however the parser hung a headline's noun)."""
    token = trigger.token
    verb = trigger.governor or token.head
    if trigger.type != "CONSULT" or verb.i == token.i or lemma_of(verb) not in ("host", "welcome"):
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return None
    return _known_venue(subject.doc[subject.left_edge.i : subject.i + 1])


def _placed_on_the_call(trigger: Trigger, index: EntityIndex) -> bool:
    """A call's own phrase or its verb's names a place ("the call in Ankara", "spoke by phone
    at the Kremlin"): a call has no place but one told of it."""
    nodes = [trigger.token, *([trigger.governor] if trigger.governor is not None else [])]
    if trigger.token.dep_ == "pobj" and trigger.token.head.head.pos_ == "VERB":
        nodes.append(trigger.token.head.head)  # "spoke with him in a call on Monday in Kyiv"
    return any(
        c.dep_ == "prep" and c.lower_ in ("in", "at") and _place_in(c, index) is not None
        for node in nodes
        for c in node.children
    )


def _on_an_island(prep: Token) -> bool:
    """ "on the resort island of Bali", "on Jeju island": where, as "in" a town is."""
    return prep.lower_ == "on" and any(
        c.dep_ == "pobj" and c.lemma_.lower() == "island" for c in prep.children
    )


def _place_left_after(token: Token) -> Token | None:
    """The place a visitor left after or following the talks ("left N'Djamena following
    talks with the president")."""
    prep = token.head
    if token.dep_ != "pobj" or prep.lower_ not in ("after", "following"):
        return None
    verb = prep.head
    if verb.pos_ != "VERB" or lemma_of(verb) not in PLACE_LEAVING_VERBS:
        return None
    return next((c for c in verb.children if c.dep_ == "dobj"), None)


def _returned_after(token: Token) -> bool:
    """ "Returned to Brasilia on Monday after a two-day visit to Lima": the day the visitor
    came home is the visit's last."""
    prep = token.head
    return (
        token.dep_ == "pobj"
        and prep.lower_ in ("after", "following")
        and prep.head.pos_ == "VERB"
        and lemma_of(prep.head) == "return"
        and prep.head.tag_ in ("VBD", "VBN")
    )


def _own_place(
    trigger: Trigger, index: EntityIndex, dateline: Dateline | None = None
) -> Location | None:
    """The nearest place named; for a visit told as to a country, the city of that country the
    clause also names ("arrived in New Delhi on a state visit to India": New Delhi)."""
    token = trigger.token
    # "attend the East Asia Summit", tagged a place: the gathering's own name is no place of it
    places = (
        p
        for p in _places(trigger, index, dateline)
        if not (token.ent_type_ and fold(p.name).endswith(fold(token.text)))
    )
    found = next(places, None)
    if found is not None and (names_a_site(found.name) or _a_place_unknown(found)):
        # "hosted X at the Presidential Complex in Ankara": the town, the building its detail
        town = next(
            (p for p in places if not names_a_site(p.name) and not names_a_country(p)), None
        )
        if town is None:
            return found
        return Location(town.name, town.country_code, detail=found.detail or found.name)
    if found is None or trigger.kind != "visit" or not names_a_country(found):
        return found
    city = next(
        (p for p in places if p.country_code == found.country_code and p.name != found.name), None
    )
    return city if city is not None and not names_a_country(city) else found


def _a_place_unknown(place: Location) -> bool:
    """A name tagged a place that no gazetteer knows ("the Filoli estate"): a venue, which a
    town named after it ("near San Francisco") places."""
    return place.country_code is None and town_named(place.name) is None


def _a_capital(name: str) -> bool:
    found = country_index().match(name)
    return found is not None and found.how == "capital"


def names_a_country(place: Location) -> bool:
    """The place is a country by its name or an alias ("Britain")."""
    return country_index().resolve(place.name, hows=("name", "alias")) is not None


# Agreements are signed on land: a sea named in their clause is what they settle ("a treaty
# settling their border in the Barents Sea").
WATERS = frozenset({"sea", "ocean", "gulf", "strait", "straits", "bay", "channel", "waters"})


def _water_for_talks(trigger: Trigger, place: Location) -> bool:
    words = place.name.lower().split()
    if trigger.type != "AGREE" or not words or words[-1] not in WATERS:
        return False
    known = country_index().match(place.name)
    return known is None  # "Montego Bay" is a town the gazetteer knows


def _side_phrase(trigger: Trigger, head: Token, child: Token) -> bool:
    """The person met ("met X"), or the author of an act ("a deal reached by X")."""
    if child.dep_ == "dobj":
        return trigger.type == "CONSULT" and (
            child.ent_type_ in ("PERSON", "ORG", "NORP")
            or _named_in_apposition(child) is not None
            # "met Qatar's emir in Cairo", "met Omani officials in Muscat": someone met
            or child.lemma_.lower() in load_frames().person_objects
        )
    return child.dep_ == "agent" and (
        head is trigger.governor
        # "the truce, agreed by X and Y in Geneva": the act's own passive verb, or a participle
        # on the act's own noun
        or (head.i == trigger.token.i and head.pos_ == "VERB")
        or (head.dep_ == "acl" and head.tag_ == "VBN" and head.head.i == trigger.token.i)
    )


def _times_counted(prep: Token) -> Token | None:
    """The "time" of "for the first time", "for a second time"."""
    return next(
        (
            c
            for c in prep.children
            if c.dep_ == "pobj"
            and c.lemma_.lower() == "time"
            and any(m.ent_type_ == "ORDINAL" or m.lower_ in ("last", "next") for m in c.children)
        ),
        None,
    )


def _place_ending(phrase: Token, index: EntityIndex) -> Location | None:
    """The "in"/"at" place that ends a chain of phrases ("the first time under the grouping's
    banner in Washington")."""
    node: Token | None = phrase
    for _ in range(3):
        preps = [c for c in node.children if c.dep_ == "prep"] if node is not None else []
        if not preps:
            return None
        last = preps[-1]
        if last.lower_ in ("since", "after", "before"):
            return None  # "for the first time since their summit in Bali": that summit's place
        if last.lower_ in ("in", "at"):
            return _place_in(last, index)
        node = next((c for c in last.children if c.dep_ == "pobj"), None)
    return None


def _place_past_the_list(between: Token, last: Token, index: EntityIndex) -> Location | None:
    """An "in"/"at" place after the last side a "between" phrase names that the parser hung on
    the first ("between Boric and Boluarte in Lima": "in Lima" on Boric)."""
    sides = [c for c in between.children if c.dep_ == "pobj"]
    return _place_hung_on(sides, index, past=last.i)


def _place_hung_on(names: list[Token], index: EntityIndex, past: int = -1) -> Location | None:
    """The first "in"/"at" place phrase (after token `past`) that the parser hung on one of
    `names`, in their order."""
    for name in names:
        for prep in name.children:
            if prep.dep_ == "prep" and prep.lower_ in ("in", "at") and prep.i > past:
                return _place_in(prep, index)
    return None


def _last_side(between: Token) -> Token | None:
    """The last of the sides a "between" phrase names ("between X and Y": Y)."""
    sides = [c for c in between.children if c.dep_ == "pobj"]
    if not sides:
        return None
    return max([sides[-1], *sides[-1].conjuncts], key=lambda t: t.i)


def _named_in_apposition(title: Token) -> Token | None:
    """The person a title met is named by ("met China's top diplomat Yang Jiechi in Rome")."""
    return next((c for c in title.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"), None)


def _place_after(obj: Token, index: EntityIndex) -> Location | None:
    """An "in"/"at" place phrase the parser hung on the person met, or on the act's authors,
    rather than on the act: "met President X in Lima", "reached by the presidents in Bali"."""
    if obj.dep_ == "agent":
        first = next((c for c in obj.children if c.dep_ == "pobj"), None)
        if first is None:
            return None
        # "agreed by X, Y and Vice-Premier Z in Geneva": hung on the last author named, or on
        # the name in apposition to a title
        authors = [first, *first.conjuncts]
        authors += [a for author in authors for a in author.children if a.dep_ == "appos"]
        # (not "the Azerbaijani ambassador in Moscow": where he is posted)
        named = [a for a in authors if a.lemma_.lower() not in POSTED_ROLES]
        return _place_hung_on(sorted(named, key=lambda t: -t.i), index)
    if obj.ent_type_ not in ("PERSON", "ORG", "NORP"):
        obj = _named_in_apposition(obj) or obj
    return _place_hung_on([obj], index)


# Envoys named by where they serve ("the ambassador in Moscow", "the consul in Balti").
POSTED_ROLES = frozenset(
    {"ambassador", "envoy", "consul", "representative", "correspondent", "attache", "attaché"}
)


def _place_after_members(of: Token, index: EntityIndex) -> Location | None:
    """A place hung on who met, down a talks noun's chain of "of" phrases naming people or
    sides ("of the foreign ministers of the three countries in Washington"), not on what
    something is about ("a meeting of victims of the war in Ukraine")."""
    member = next((c for c in of.children if c.dep_ == "pobj"), None)
    if member is None or (not member.ent_type_ and member.lemma_.lower() not in MEMBERS):
        return None
    found = _place_after(member, index)
    if found is not None and found.country_code is not None and not names_a_country(found):
        return found  # a town ("in Washington"), not a region ("leaders in Central Asia")
    deeper = next((c for c in member.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    return _place_after_members(deeper, index) if deeper is not None else None


# Those who sit down at talks, by their role or as a group ("a meeting of the two leaders in
# Washington", "a summit of the group of nations in Rio").
MEMBERS = frozenset(
    "leader president minister head counterpart man premier chancellor delegation envoy "
    "official diplomat negotiator representative country nation government side group bloc "
    "member".split()
)


def venue_of_terms(trigger: Trigger, index: EntityIndex) -> Location | None:
    """A city named on what was agreed ("agreed to a ceasefire in Havana"). It is where the
    agreement was made only when it lies outside every side's country, which the caller checks:
    a ceasefire "in Aleppo" is where it holds."""
    verb = trigger.governor or trigger.token
    if verb.pos_ != "VERB":
        return None
    for child in verb.children:
        terms: Token | None
        if child.dep_ == "dobj":
            terms = child
        elif child.dep_ == "prep" and child.lower_ in ("to", "on"):
            terms = next((c for c in child.children if c.dep_ == "pobj"), None)
        else:
            continue
        for prep in (
            (c for c in terms.children if c.dep_ == "prep" and c.lower_ in ("in", "at"))
            if terms is not None
            else ()
        ):
            pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            city = _city_of(pobj, index) if pobj is not None else None
            if city is not None and city.country_code is not None:
                return city
    return None


def set_for_a_time_to_come(subject: Token) -> bool:
    """The subject of a planning participle in the present ("the signing is scheduled for
    Friday", "has been set for March 3"): still to come. Not "is expected to ease tensions" (what
    it will do), "set off protests" (an act), nor "was scheduled for Monday" (whether it then
    happened is not told)."""
    verb = subject.head
    auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    return (
        subject.dep_ == "nsubjpass"
        and lemma_of(verb) in PLANNING_VERBS
        and verb.tag_ == "VBN"
        and not any(c.dep_ in ("xcomp", "ccomp", "dobj", "prt") for c in verb.children)
        and bool(auxes & {"is", "are", "'s", "has", "have"})
    )


def _planned_setting(setting: Token) -> bool:
    auxes = {c.lower_ for c in setting.children if c.dep_ in ("aux", "auxpass")}
    return (
        "to" in auxes
        or setting.head.lower_ == "due"
        # "talks set for Monday"; not an act the noun does ("an agreement setting the border")
        or (lemma_of(setting) in ("schedule", "plan", "set") and setting.tag_ != "VBG")
    )


def all_settings(token: Token) -> list[Token]:
    """The settings of the trigger and of the noun whose "of" phrase it is ("a round of talks,
    due to be held on Wednesday")."""
    own = _settings(token)
    if (
        token.dep_ == "pobj"
        and token.head.lower_ == "of"
        and token.head.head.pos_ in ("NOUN", "PROPN")
    ):
        own += _settings(token.head.head)
    return own


def _settings(token: Token) -> list[Token]:
    """The participles on a noun trigger that set it somewhere: "held in X", "due to be held"."""
    out = []
    for child in token.children:
        if child.dep_ == "acl" and _a_setting(child):
            out.append(child)
        elif child.dep_ == "relcl" and (
            _its_own_course(child) or relative_doer(child, HOST_VERBS) is not None
        ):
            out.append(child)  # "a call that lasted two hours on Thursday"
        elif child.dep_ == "amod" and child.lower_ == "due":  # "due to be held in Oman"
            out.extend(c for c in child.children if c.dep_ == "xcomp" and _a_setting(c))
    if token.dep_ in ("nsubj", "nsubjpass"):
        # "the summit is due to be held in Astana next year", "is scheduled to take place"
        head = token.head
        planning = [c for c in head.children if c.dep_ == "acomp" and c.lower_ == "due"]
        if lemma_of(head) in ("schedule", "set", "plan", "expect"):
            planning.append(head)
        out.extend(c for p in planning for c in p.children if c.dep_ == "xcomp" and _a_setting(c))
    due = _trailing_due(token)
    if due is not None:
        out.extend(c for c in due.children if c.dep_ == "xcomp" and _a_setting(c))
    return out


def _a_setting(verb: Token) -> bool:
    """A participle that sets the event ("held in X", "set for Friday"), not a phrasal verb of what
    it is about ("an agreement to set up joint patrols", "to hold back exports")."""
    return lemma_of(verb) in SETTING_VERBS and not any(c.dep_ == "prt" for c in verb.children)


def _its_own_course(clause: Token) -> bool:
    """A relative clause whose subject is the event itself and whose verb tells its course: "talks
    that began on Monday", "a meeting which was held in Doha", "a call that took place on
    Friday". Not "the summit that Putin proposed on Monday" (someone else's act) nor "the talks
    that were announced on Monday"."""
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.tag_ not in ("WDT", "WP"):
        return False
    lemma = lemma_of(clause)
    if subject.dep_ == "nsubjpass":
        return lemma in SETTING_VERBS - {"schedule", "set", "plan"}
    if lemma == "take":
        return any(c.dep_ == "dobj" and c.lower_ == "place" for c in clause.children)
    return lemma in OWN_COURSE_VERBS


# Verbs of talks that failed ("broke down", "collapsed"): over, with no deal.
FAILING_VERBS = frozenset({"break", "collapse", "founder"})


def _trailing_due(noun: Token) -> Token | None:
    """A "due to be held" set off by a comma right after the noun's phrase, which the parser hung
    on the clause's verb ("agreed on a new round of talks, due to be held in Oman on Wednesday")."""
    doc, end = noun.doc, noun.right_edge.i
    after = end + 1 if doc[end].text == "," else end + 2
    if after >= len(doc) or doc[after - 1].text != "," or doc[after].lower_ != "due":
        return None
    due = doc[after]
    return due if due.head.i != noun.i and due.head in noun.ancestors else None


def _purpose_chain(heads: list[Token]) -> list[Token]:
    """The clause heads and the acts they serve ("summoned the envoy here to lodge a protest") or
    whose time they share ("..., when she held talks")."""
    heads = list(heads)
    node = heads[-1]
    while node.dep_ in ("xcomp", "advcl") and any(
        (c.dep_ == "aux" and c.lower_ == "to")
        # "travelled to Libya in May 2024, when she held talks with X": the time it names
        or (c.dep_ == "advmod" and c.lower_ == "when" and c.i < node.i)
        for c in node.children
    ):
        if node.dep_ == "xcomp" and lemma_of(node.head) in DECIDING_VERBS:
            break  # "agreed on Thursday to open negotiations": the day of the deciding
        node = node.head
        heads.append(node)
    return heads


def _city_of(token: Token, index: EntityIndex) -> Location | None:
    """A place below a country's level: a struck city is where an attack happened, a struck
    country is its target."""
    place = _place_of(token, index)
    cluster = index.cluster_of(token)
    return place if place is not None and cluster is not None and cluster.kind == "place" else None


def _city_named(token: Token) -> Location | None:
    """A capital or a city-state the gazetteer knows by the token's name, read as the city
    ("the Moscow meeting", "the Singapore summit"), not as the government it often stands for."""
    ent = entity_at(token)
    text = ent.text if ent is not None else token.text
    found = country_index().match(text)
    if found is None:
        return None
    code = found.country.code
    if found.how in ("capital", "city"):
        return Location(name=text.removeprefix("the ").strip(), country_code=code)
    if country_index().city_state(found.country):
        return Location(name=found.country.name, country_code=code)
    return None


def _place_of(token: Token, index: EntityIndex) -> Location | None:
    if token.lemma_.lower() == "capital":
        return _capital_named(token)
    cluster = index.cluster_of(token)
    if cluster is None or cluster.kind not in ("place", "country"):
        return None
    if token.ent_type_ not in ("GPE", "LOC", "FAC") and cluster.kind != "place":
        return None  # a country's name in a body's name ("the Russia desk") is no place
    code = (
        cluster.code
        if cluster.kind == "country"
        else (cluster.country.code if cluster.country else None)
    )
    return Location(name=cluster.name, country_code=code)


def _capital_named(capital: Token) -> Location | None:
    """ "in the Ethiopian capital", "the Qatari capital": the capital of the country named (not
    its "commercial capital" or its "former capital": another city)."""
    countries = country_index()
    if any(c.lower_ in CAPITAL_QUALIFIERS for c in capital.children if c.i < capital.i):
        return _city_named_of(capital)  # "the ancient Egyptian capital of Cairo": that city
    for child in capital.children:
        if child.dep_ in ("amod", "compound", "poss") and child.i < capital.i:
            country = countries.resolve(child.text)
            city = countries.capital_of(country.code) if country is not None else None
            if city is not None and country is not None:
                return Location(name=city, country_code=country.code)
    return None


def _city_named_of(capital: Token) -> Location | None:
    """The town a capital is told to be ("the old capital of Kyoto"), when the tables know it."""
    for prep in capital.children:
        if prep.dep_ != "prep" or prep.lower_ != "of":
            continue
        for pobj in prep.children:
            if pobj.dep_ != "pobj":
                continue
            name = capital.doc[pobj.left_edge.i : pobj.i + 1].text.removeprefix("the ")
            town = town_named(name)
            if town is not None:
                return Location(name=town.name, country_code=town.country_code)
            found = country_index().match(name)
            if found is not None and found.how in ("capital", "city"):
                return Location(name=name, country_code=found.country.code)
    return None


def _located_along(noun: Token, top: Token) -> bool:
    """Every phrase from `top` down to `noun` places it ("at the embassy of X in Y"), none
    leads off to another thing ("in response to the attack in Y")."""
    node = noun
    while node.i != top.i:
        if node.dep_ == "pobj" and node.head.lower_ not in LOCATIVE_PREPS | {"of"}:
            return False
        if node.dep_ == "conj" and node.pos_ in ("NOUN", "PROPN"):
            return False  # "in Asuncion, a CELAC summit and talks ... in Brussels": another item
        if node.head.i == node.i:
            return False
        node = node.head
    return True


def _the_datelines_capital(prep: Token, dateline: Dateline | None) -> bool:
    """ "in the capital", bare, in a story filed from a capital: that capital (not "the Ghanaian
    capital", "the capital of Mali", nor a story filed from elsewhere)."""
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if pobj is None or pobj.lemma_.lower() != "capital" or dateline is None:
        return False
    if [c.lower_ for c in pobj.children] != ["the"]:
        return False
    code = dateline.country_code
    return code is not None and country_index().capital_of(code) == dateline.place


def _place_in(prep: Token, index: EntityIndex) -> Location | None:
    """The place a preposition names: its own object first ("in Turkey's Istanbul" is Istanbul),
    then a place inside the phrase ("at the Swiss embassy in Tehran" is Tehran, with the embassy
    as detail)."""
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if pobj is None:
        return None
    own = _place_of(pobj, index)
    if own is not None and pobj.ent_type_ != "FAC" and not names_a_site(own.name):
        if own.country_code is None and (seat := _seat_of_government(pobj)) is not None:
            return seat  # "talks end in Kremlin", a headline's tagger taking it for a town
        return own
    for child in pobj.children:  # "in Oman's capital, Muscat": the appositive names the city
        if child.dep_ == "appos" and (named := _place_of(child, index)) is not None:
            return named
    first = index.doc[prep.i + 1]
    if (
        first.dep_ == "nmod"
        and first.head.i == pobj.i
        and first.i + 1 < pobj.i
        and index.doc[first.i + 1].text == ","
        and (named := _place_of(first, index)) is not None
    ):
        # "After talks in Lima, Chilean and Peruvian diplomats emerged": the parser read the
        # clause's subject into the place ("in [Lima, ... diplomats]")
        return named
    building: Location | None = None
    for t in pobj.subtree:
        if not (
            t.dep_ == "pobj"
            and t.head.lower_ in LOCATIVE_PREPS
            and t.head.head.dep_ not in ("relcl", "acl")
        ):
            continue  # "resulted in a deal signed by the US": the US is no place of the deal
        if not _located_along(t.head.head, pobj):
            continue  # "in response to the attack in England": the attack's place, not this
        place = _place_of(t, index) or _settlement_named(t, index)
        if (
            place is None
            and building is None
            and t.lemma_.lower() in CITY_BUILDINGS
            and (city := _city_by_its_building(t, index)) is not None
        ):
            # "at a ceremony in Istanbul's Dolmabahce Palace", unless a place named after it
            # holds the building ("in Shanghai's trade centre in Mumbai")
            detail = index.doc[prep.i + 1 : t.i + 1].text.strip(TRIM) or None
            building = Location(name=city.name, country_code=city.country_code, detail=detail)
        if place is None:
            continue
        end = t.left_edge.i  # the whole name: "in New York", not "in New"
        while end > pobj.i and index.doc[end - 1].lower_ in ("in", "at", ","):
            end -= 1
        detail = index.doc[prep.i + 1 : end].text.strip(TRIM) or None
        return Location(name=place.name, country_code=place.country_code, detail=detail)
    if building is not None:
        return building
    for t in pobj.subtree:
        # "at the Capella Hotel on Sentosa Island, Singapore": the appositive names the city
        if (
            t.dep_ == "appos"
            and t.head.i != pobj.i
            and t.head.ent_type_ in ("FAC", "LOC", "GPE")  # not "the main mediator, Qatar"
            and (place := _place_of(t, index))
        ):
            detail = index.doc[prep.i + 1 : t.i].text.strip(TRIM + ",") or None
            return Location(name=place.name, country_code=place.country_code, detail=detail)
    # "in the ancient Silk Road city of Xi'an", "the truce village of Panmunjom"
    if own is None and (settlement := _settlement_named(pobj, index)) is not None:
        return settlement
    if (own is None or pobj.ent_type_ == "FAC") and (city := _city_by_its_building(pobj, index)):
        detail = index.doc[prep.i + 1 : pobj.i + 1].text.strip(TRIM) or None
        return Location(name=city.name, country_code=city.country_code, detail=detail)
    if own is None:
        seat = _seat_of_government(pobj)
        if seat is not None:
            return seat
    return own  # a palace or an embassy with no city named beside it


def _city_by_its_building(noun: Token, index: EntityIndex) -> Location | None:
    """The city a building is named by: "a Geneva hotel", "Istanbul's Ciragan Palace" (but
    "Moscow's Hmeimim air base" is whose base, not where)."""
    for child in noun.children:
        if child.dep_ == "poss" and noun.lemma_.lower() not in CITY_BUILDINGS:
            continue
        if child.dep_ in ("compound", "poss") and child.i < noun.i:
            city = _city_of(child, index)
            if city is not None:
                return city
    return None


def _venue_in(prep: Token) -> Location | None:
    """A venue the gazetteer knows as the phrase's object ("at the 18th-century Villa La
    Grange")."""
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    return None if pobj is None else _known_venue(pobj.doc[prep.i + 1 : pobj.i + 1])


def _known_venue(words: Span) -> Location | None:
    """A venue the gazetteer knows among the words of a noun phrase ("the 18th-century Villa La
    Grange", "Bocharov Ruchey"): in its town, the venue as detail. The tagger often misses or
    mislabels such names, so the words are looked up, longest first."""
    for size in range(min(4, len(words)), 0, -1):
        for start in range(len(words) - size, -1, -1):
            span = words[start : start + size]
            if not span[0].text[:1].isupper():
                continue
            found = venue_town(span.text)
            if found is not None:
                town, code = found
                return Location(name=town, country_code=code, detail=span.text)
    return None


# Seats of government named like another country's ("the Foreign Office", "the Chancellery",
# "Congress"): no place without the country.
SEATS_MANY_COUNTRIES_HAVE = frozenset(
    {"foreign office", "chancellery", "congress", "state department", "duma", "state duma"}
)


def _settlement_named(noun: Token, index: EntityIndex) -> Location | None:
    """ "the Black Sea resort of Sochi", "the border town of Rafah": the place its "of" names."""
    if noun.lemma_.lower() not in SETTLEMENT_NOUNS:
        return None
    for of in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"):
        for name in (c for c in of.children if c.dep_ == "pobj"):
            if (place := _place_of(name, index)) is not None:
                return place
    return None


def _seat_of_government(noun: Token) -> Location | None:
    """ "at the White House", "in the Kremlin": a seat of government the gazetteer knows, in its
    country's capital."""
    ent = entity_at(noun)
    if ent is None:
        return None  # "at the party congress": a common noun, no seat
    text = ent.text
    found = country_index().match(text)
    if found is None or found.how != "institution":
        return None
    if fold(text).removeprefix("the ") in SEATS_MANY_COUNTRIES_HAVE:
        return None  # "Pakistan's foreign secretary ... at the Foreign Office": whose, untold
    capital = country_index().capital_of(found.country.code)
    if capital is None:
        return None
    return Location(name=capital, country_code=found.country.code, detail=text)


# Buildings a city's possessive places in that city ("Istanbul's Ciragan Palace").
CITY_BUILDINGS = frozenset(load_data("participants")["city_buildings"])

# Nouns naming a settlement by an "of" phrase: "the city of Xi'an", "the village of Panmunjom".
SETTLEMENT_NOUNS = frozenset(load_data("participants")["settlement_nouns"])

# Phrases of what is told about, not of when: "will brief parliament about his talks".
TOPIC_PREPS = frozenset({"about", "on", "over", "regarding", "concerning", "of"})


def _act_sequenced_with(verb: Token) -> Token | None:
    """The act of the clause a bare participle of sequence hangs on ("met on Monday, followed by
    a dinner", "will meet on Friday, preceded by talks of their deputies"): the clause's verb, or
    the verb a predicate of it is complemented by ("are due to meet")."""
    if not (
        verb.dep_ == "advcl"
        and verb.tag_ == "VBN"
        and lemma_of(verb) in SEQUENCE_VERBS
        and not any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in verb.children)
    ):
        return None
    act = verb.head
    while (inner := next((c for c in act.children if c.dep_ in ("acomp", "xcomp")), None)) and (
        inner.i != verb.i
    ):
        act = inner
    return act if act.pos_ in ("VERB", "AUX") else None


def _tense(trigger: Trigger) -> str:
    """Which way a bare weekday points: 'past' for what happened, 'future' for what will."""
    token = trigger.token
    if _told_as_to_come(token):
        return "future"
    # "a round of talks was held on May 5": the measure sits in the clause for the talks
    token = measured(token)
    verb = trigger.governor or (token if token.pos_ in ("VERB", "AUX") else token.head)
    if (
        token.dep_ == "pobj"
        and token.head.lower_ in ("of", "to")
        and token.head.head.lower_ in ("ahead", "prior")
        and token.head.head.head.pos_ in ("VERB", "AUX")
    ):
        # "will hold talks on Thursday, ahead of the summit on Friday": what comes after an act
        # still to come is to come too (what came after a past act may have come or not)
        if _clause_to_come(token.head.head.head):
            return "future"
    if (
        verb.pos_ not in ("VERB", "AUX")
        # "to witness the signing of an agreement on Saturday": the act noun's own "of" (not
        # "will brief parliament about his talks", "spoke of the talks": what is told of)
        and (
            token.head.lower_ not in TOPIC_PREPS
            or (token.head.lower_ == "of" and token.head.head.pos_ == "NOUN")
        )
        and (governing := _governing_verb(token) or _act_nouns_verb(token)) is not None
    ):
        # "will host them on Monday for a summit", "will address parliament after talks on
        # Friday": the talks are to come (not "will brief parliament about his talks on
        # Thursday": what is told of)
        verb = governing
    act = _act_sequenced_with(verb)
    if act is not None:
        # "are due to meet on Jan. 10, followed by talks on Jan. 12": the talks are placed in
        # the timeline of the act the clause tells, so they take its tense
        return _tense(Trigger(trigger.type, trigger.kind, trigger.mode, act, (act.i,)))
    if _will_to(verb) and token.dep_ == "pobj" and token.head.lower_ in ("during", "at", "on"):
        # "reaffirmed his resolve to hold a summit during their meeting on Saturday": the
        # meeting is when the will was voiced
        verb = _governing_verb(verb.doc[verb.i - 2]) or verb
    elif _will_to(verb):
        return "future"  # "reaffirmed his resolve to hold a summit": still to be held
    elif _agreed_there(token, verb):
        verb = verb.head
    chain = clause_chain(verb)
    if verb.dep_ == "conj" and verb.head.pos_ == "VERB" and not _own_tense(verb):
        # "is scheduled to meet X and attend a business gathering": the second act shares the
        # first one's plan
        chain += clause_chain(verb.head)
    auxes = {c.lower_ for n in chain for c in n.children if c.dep_ in ("aux", "auxpass")}
    if auxes & {"will", "'ll", "shall", "would"} or "going" in auxes:
        return "future"  # "would meet again on Saturday": the future of a past report
    own_auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    # "agreed on Wednesday": the verb's own past tense outranks a planning word ("agree") in it;
    # "agreed to meet on Monday" or "is scheduled for Friday" still point ahead.
    if (
        verb.tag_ == "VBD"
        and "to" not in own_auxes
        and not (lemma_of(verb) in PLANNED_CUES - {"agree"} and verb.dep_ != "ROOT")
    ):
        return "past"
    if (
        verb.tag_ == "VBN"
        and verb.dep_ == "acl"
        and not own_auxes
        and lemma_of(verb) not in PLANNED_CUES - {"agree"}
    ):
        return "past"  # "the framework, agreed by X and Y in Windsor on Monday" (not "the talks,
        # scheduled for Monday")
    if verb.dep_ == "xcomp" and verb.head.tag_ == "VBD" and lemma_of(verb.head) == "fail":
        # "failed to agree at the meeting on Saturday": the failure's day is past (a refusal may
        # be of an act still to come)
        return "past"
    if any(lemma_of(n) in PLANNED_CUES for n in chain) and not proposed_before_it_was_told(token):
        return "future"
    if (
        "to" in own_auxes
        and verb.tag_ == "VB"
        and verb.dep_ in ("advcl", "xcomp", "relcl")
        # the infinitive hangs on a present verb ("lands ..., to meet"; a headline's "lands"
        # the tagger took for a plural noun), not on a gerund, a participle or a noun ("showed
        # him arriving to meet", "the latest leader to meet")
        and (
            verb.head.tag_ in ("VBZ", "VBP", "VB")
            or (verb.head.dep_ == "ROOT" and verb.head.tag_ == "NNS")
        )
        and verb.head.lemma_ != "be"
        and _time_phrases(verb)  # the day is the infinitive's own: "to meet Trump on Friday"
        and not any(n.tag_ in ("VBD", "VBN", "VBG") for n in (*chain, *verb.ancestors))
        and not auxes & {"had", "has", "have", "did", "was", "were"}
    ):
        return "future"  # "Modi lands in Washington, to meet Trump on Thursday": still to come
    if headline_infinitive(verb):
        return "future"  # "Biden and Xi to talk on Friday": a headline's plan
    if (
        "to" in own_auxes
        and verb.dep_ == "xcomp"
        and verb.head.lemma_ == "be"
        and verb.head.tag_ in ("VBZ", "VBP")
        and lemma_of(verb) != "blame"  # "Russia is to blame for the collapse": an idiom
    ):
        return "future"  # "where he is to meet Lula on Sunday": an arrangement
    if _a_plan_as_it_stood(verb):
        # "Pompeo was to fly to Ankara on Wednesday", told on Tuesday: tomorrow; "was to meet
        # the emir on Tuesday", told on Wednesday: yesterday (a day or two back, else ahead)
        return "nearest"
    if verb.tag_ in ("VBD", "VBN") or auxes & {"had", "has", "have", "did", "was", "were"}:
        return "past"
    if (
        trigger.type == "CONSULT"
        and verb.pos_ == "VERB"
        and (
            (
                verb.tag_ in ("VBZ", "VBP")
                and (
                    verb in (token, trigger.governor)
                    # "the summit formally opens on Tuesday": a scheduling verb of the gathering
                    # (not "the talks on Tuesday mark a turning point")
                    or (
                        token.dep_ == "nsubj"
                        and token.head == verb
                        and lemma_of(verb) in SCHEDULING_VERBS
                    )
                )
            )
            or (
                verb.tag_ == "VBG"
                and own_auxes & {"is", "are", "am"}
                # "is hosting European leaders at a summit on Sunday": an arrangement (not "is
                # still reeling from the meeting on Friday")
                and (verb in (token, trigger.governor) or lemma_of(verb) in ARRANGING_VERBS)
            )
        )
        and _a_timetable(verb.sent)
    ):
        # "the OSCE convenes on Thursday", "they are meeting on Friday": a timetable's present
        # (not "the talks follow a proposal on Sunday": the talks' verb is not "follow")
        return "future"
    return "current_period"


_WILL = frozenset({"will", "'ll", "shall"})


def _a_plan_as_it_stood(verb: Token) -> bool:
    """ "was to fly to Ankara on Wednesday": an arrangement in the past tense, told with a time
    of its own, and not undone beside it ("was to meet him on Monday but cancelled")."""
    return (
        any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        and verb.dep_ == "xcomp"
        and verb.head.lemma_ == "be"
        and verb.head.tag_ == "VBD"
        and bool(_time_phrases(verb))
        and not any(c.dep_ == "conj" for c in verb.head.children)
        and lemma_of(verb) != "blame"
    )


def _own_tense(verb: Token) -> bool:
    """The verb tells its own tense: a past or present form, or an auxiliary of its own."""
    return verb.tag_ in ("VBD", "VBZ", "VBP") or any(
        c.dep_ in ("aux", "auxpass") for c in verb.children
    )


def _clause_to_come(verb: Token) -> bool:
    """The verb's clause tells of an act to come: "will hold", "is expected to hold"."""
    chain = clause_chain(verb)
    auxes = {c.lower_ for n in chain for c in n.children if c.dep_ in ("aux", "auxpass")}
    if auxes & {"was", "were", "had"} or any(n.tag_ == "VBD" for n in chain):
        return False  # "was due to meet", "was expected to": a past plan, kept or not
    if verb.tag_ == "VBG" and auxes & {"is", "are", "am"}:
        return True  # "leaders are arriving ahead of the summit on Wednesday": an arrangement
    return bool(auxes & (_WILL | {"would"})) or any(lemma_of(n) in PLANNED_CUES for n in chain)


def _told_as_to_come(noun: Token) -> bool:
    """A gathering whose own relative clause says it is to come: "ahead of the summit on
    Friday, which will bring together the leaders", "a summit on Wednesday at which the parties
    are expected to sign", however the clause around it is told."""
    if noun.pos_ not in ("NOUN", "PROPN"):
        return False
    clause = next((a for a in noun.ancestors if a.pos_ in ("VERB", "AUX")), None)
    if clause is not None and clause.tag_ == "VBD":
        # "the meeting on Monday, which will be remembered for its warm tone, ended with ...",
        # "held talks on Thursday, ahead of the summit on Friday, which will be remembered":
        # what it did, or what was done beside it, says it was (not "the summit on Friday,
        # which will bring together 15 leaders, was announced", "..., comes amid tensions")
        return False
    days = [t for prep in noun.children if prep.dep_ == "prep" for t in prep.children]
    return any(
        rel.dep_ == "relcl" and rel.tag_ != "VBD" and _clause_to_come(rel)
        for holder in (noun, *days)
        for rel in holder.children
    )


# Verbs a gathering's timetable is told with ("the summit opens on Tuesday").
SCHEDULING_VERBS = frozenset(
    {"open", "close", "begin", "start", "end", "resume", "convene", "run", "continue", "take"}
)
# Verbs of an arrangement a present progressive tells ("is hosting leaders at a summit").
ARRANGING_VERBS = frozenset(
    {"host", "hold", "attend", "meet", "travel", "visit", "fly", "go", "head", "join", "convene"}
)

# A caption or a credit: a photo's present tense tells what the picture shows, done.
_CAPTION = re.compile(r"\b(?:photo|photograph|picture|caption|pictured)\b", re.IGNORECASE)


# Past verbs of settling on an act to come ("agreed to reopen the border").
SETTLING_VERBS = frozenset({"agree", "decide", "pledge", "vow", "promise", "resolve"})
# Infinitives of an occasion, or of what is done at one ("agreed to meet during the summit",
# "agreed to sign the pact during Ishiba's visit"): the occasion may be ahead.
OCCASION_INFINITIVES = frozenset(
    {"meet", "hold", "talk", "visit", "attend", "host", "travel"}
    | {"sign", "announce", "ratify", "present", "unveil", "discuss", "finalise", "finalize"}
    | {"adopt", "launch", "conclude", "seal", "formalise", "formalize", "initial", "endorse"}
)


def _agreed_there(token: Token, verb: Token) -> bool:
    """ "Petro and Maduro agreed to reopen the border during a meeting in Caracas on Tuesday":
    the parser hangs the meeting on what was agreed, but it is where they agreed, in the past
    tense of the agreeing."""
    return (
        token.dep_ == "pobj"
        and token.head.lower_ in ("during", "at")
        and token.head.head == verb
        and verb.tag_ == "VB"
        and verb.dep_ == "xcomp"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        and verb.head.tag_ == "VBD"
        and lemma_of(verb.head) in SETTLING_VERBS
        and lemma_of(verb) not in OCCASION_INFINITIVES
        # "during a meeting", not "during Ishiba's visit", "at the ASEAN summit": an occasion
        # named in its own right may be the one planned for
        and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in token.children)
        and not any(c.dep_ in ("poss", "compound") for c in token.children)
    )


def _will_to(verb: Token) -> bool:
    """An infinitive right after a word of will or plan that the parser hung on the verb before
    ("reaffirmed his resolve to hold a summit", "voiced readiness to resume talks")."""
    if verb.i < 2 or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    noun = verb.doc[verb.i - 2]  # right before "to": "his resolve to hold", however parsed
    if noun.pos_ != "NOUN":
        return False
    lemma = noun.lemma_.lower()
    # a word of plan only where it governs the infinitive (not "ahead of schedule to hold")
    return lemma in WILL_NOUNS or (lemma in PLANNED_CUES and noun.head.i in (verb.head.i, verb.i))


def _a_timetable(sent: Span) -> bool:
    """A sentence whose present tense can tell what is scheduled: a body sentence, not a
    headline's or a caption's present, which tell what happened."""
    text = sent.text.strip()
    core = text.rstrip("\"”'’)")
    credit = sent.doc.text[sent.end_char : sent.end_char + 40]  # "... on Tuesday. (Photo: ...)"
    return bool(core) and core[-1] in ".!?" and not _CAPTION.search(text + credit)


def _past_beside_a_future(verb: Token) -> bool:
    """A past verb joined to one still to come ("said he would meet Clinton on Tuesday and
    called on the world to react"): the calling was done, not on the meeting's day; and the
    other way round ("held their first meeting this morning, and the two countries will convene
    a committee"): what is still to come, told of its own subject, is not on the day of what
    was done."""
    if verb.tag_ == "VBD" and any(
        c.dep_ == "aux" and c.lower_ in _WILL | {"would"} for c in verb.head.children
    ):
        return True
    return (
        verb.head.tag_ == "VBD"
        and any(c.dep_ == "aux" and c.lower_ in _WILL for c in verb.children)
        # a clause of its own ("and the two countries will convene"), not the same subject
        # going on ("arrived in Moscow on Tuesday and will hold talks": there)
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    )


# Reporting verbs whose object is what is told (not "told the summit", its audience, nor
# "protested the summit", a stance on it).
TELLING_VERBS = frozenset(
    {"announce", "confirm", "report", "reveal", "disclose", "state", "say", "note", "mention"}
)


def _gathering_told_of(trigger: Trigger) -> bool:
    """A gathering that a reporting verb has as its object or passive subject ("announced his
    trip last month", "the visit was confirmed in Beijing on Monday"): the verb's day and
    place are the telling's, not the gathering's (not "told the summit on Saturday": words said
    at it, to its audience)."""
    token = trigger.token
    return (
        trigger.type == "CONSULT"
        and token.pos_ in ("NOUN", "PROPN")
        and token.dep_ in ("dobj", "nsubjpass")
        and token.head.pos_ == "VERB"
        and verb_lemma(token.head) in TELLING_VERBS
    )


def clause_heads(trigger: Trigger) -> list[Token]:
    """The trigger and the verb of its own clause, where the clause's date and place hang:
    "held talks on Friday", "the talks ended on Friday", "spoke by phone on Friday"."""
    token = trigger.token
    heads = [token]
    if _gathering_told_of(trigger):
        return heads
    if trigger.governor is not None:
        governor = trigger.governor
        if token.dep_ == "pobj" and token.head.head.i == governor.i:
            governor = _occasion_verb(token)  # "pledged to sign a pact this year, at a summit"
        heads.append(governor)
    elif token.pos_ != "VERB" and token.dep_ in ("nsubj", "nsubjpass", "dobj"):
        heads.append(token.head)
    elif (
        (placed := measured(token)).dep_ == "pobj"
        and placed.head.dep_ == "prep"
        and placed.head.head.pos_ == "VERB"
        and placed.head.lower_ not in FRAMING_PREPS
    ):  # not "after the talks, X said on Friday"
        # "discussed in a telephone conversation on Monday", "at two days of talks"
        heads.append(_occasion_verb(placed))
    elif token.dep_ == "pobj" and (sought := deal_sought_at(token)) is not None:
        heads.append(sought)  # "reached a deal on Saturday at talks in Lima"
    elif token.dep_ == "pobj" and (framed := _framed_by(token)) is not None:
        heads.append(framed)  # "marked the day during the president's state visit on Aug. 8"
    verb = heads[-1]
    if (
        verb.pos_ == "VERB"
        and verb.dep_ == "conj"
        and verb.head.pos_ == "VERB"
        and not _past_beside_a_future(verb)
    ):
        heads.append(verb.head)  # "in Islamabad, X summoned the envoy and condemned the raid"
    elif (
        verb.pos_ == "VERB"
        and verb.dep_ == "acl"
        and verb.head.dep_ in ("dobj", "pobj")
        and (governing := _governing_verb(verb.head)) is not None
    ):
        if verb.head.i == token.i and token.dep_ == "pobj":
            # "..., and to promote 5G networks, at their summit, held at the White House": the
            # summit's participle, then the act it was the setting of
            governing = _occasion_verb(token)
        heads.append(
            governing
        )  # "issued a statement on June 4 warning Seoul", "resulted in a deal signed by"
    elif (
        verb.pos_ == "VERB"
        and verb.dep_ == "pcomp"
        and verb.head.lower_ == "with"
        and verb.head.head.pos_ == "VERB"
    ):
        heads.append(
            verb.head.head
        )  # "clashed on Friday, with the envoy vowing to ...": one moment
    elif _participle_of_the_moment(trigger, verb):
        heads.append(verb.head)  # "on Monday declared an end to the war, signing a declaration"
    last = heads[-1]
    if last.dep_ == "acl" and last.head.lemma_.lower() in DECISION_NOUNS:
        heads.append(last.head)  # "Paraguay's decision on Monday to suspend negotiations"
    if token.pos_ in ("NOUN", "PROPN") and (held := holding_clause(token)) is not None:
        heads.insert(1, held)  # "a phone call the leaders shared on Friday": the call's own clause
    if (
        token.dep_ == "pobj"
        and token.head.lower_ == "of"
        and token.head.head.lemma_.lower() in MEASURE_NOUNS
    ):
        measure = token.head.head
        heads.insert(1, measure)  # "the second round of talks ... on Saturday"
        if (
            (
                measure.dep_ in ("nsubj", "nsubjpass")
                # "hosted the signing of the accord on Friday": signed then
                or (measure.dep_ == "dobj" and measure.lower_ == "signing")
            )
            and measure.head.pos_ == "VERB"
            and measure.head not in heads
        ):
            heads.append(measure.head)  # "a third round of talks concluded in Lima on Saturday"
    return heads


def _participle_of_the_moment(trigger: Trigger, verb: Token) -> bool:
    """A participle joined to the clause's verb that does the trigger's own act then ("declared
    an end to the war, signing a declaration"): the participle is the trigger, or a light verb
    the trigger is the object of. Not one that seeks, awaits or proposes an act ("flew to Riyadh
    on Monday, seeking talks"), which happens at another time if at all."""
    if not (
        verb.tag_ == "VBG"
        and verb.dep_ == "advcl"
        and verb.head.pos_ == "VERB"
        and not any(c.dep_ in ("nsubj", "nsubjpass", "mark", "aux") for c in verb.children)
    ):
        return False
    return (
        verb.i == trigger.token.i
        or lemma_of(verb) in load_frames().light
        or lemma_of(verb) in GATHERING_DONE_VERBS  # "..., wrapping up the first summit"
    )


# Verbs of a gathering's being held or ending, done at the moment of the clause they join.
GATHERING_DONE_VERBS = frozenset({"wrap", "end", "close", "attend", "host", "cap"})


def _occasion_verb(noun: Token) -> Token:
    """The verb a phrase naming an occasion hangs on; for "at"/"during" set off by a comma, past
    an infinitive the parser hung it on to the act it was made at ("pledged on Friday to work
    toward X and to seek an end to the war this year, at a summit": the pledge, not the goal's
    "this year"; but "intends to recognise it in September at the gathering": the recognising)."""
    prep = noun.head
    verb = prep.head
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    if (
        infinitive
        and verb.dep_ == "xcomp"
        and noun.lemma_.lower() in CALL_NOUNS
        and lemma_of(verb.head) in DECIDING_VERBS
        and not _a_later_call(noun, verb)
    ):
        return verb.head  # "agree to extend the treaty in first phone call": agreed in the call
    if (
        prep.lower_ not in ("at", "during", "in")
        or prep.i == 0
        or prep.doc[prep.i - 1].text != ","  # set off: the whole clause's, not the infinitive's
        or not infinitive
    ):
        return verb
    top = verb
    # (past a participle the parser hung a second infinitive on: "agreed to resume visits,
    # suspended for a decade, and to restore a pact, in a summit")
    while (
        top.dep_ in ("conj", "xcomp")
        or (top.dep_ == "advcl" and top.tag_ == "VBN" and not _has_subject(top))
    ) and top.head.pos_ in ("VERB", "AUX"):
        if _intended_only(top):
            return verb  # "intended to discuss Ukraine with Trump, in a summit that could ..."
        top = top.head
    if _intended_only(top):
        return verb
    # not "is to be discussed at the summit": a "be to" future, the summit still to come
    finite = top.tag_ in ("VBD", "VBZ", "VBP") and top.pos_ == "VERB" and top.lemma_ != "be"
    return top if finite else verb


def _a_later_call(noun: Token, verb: Token) -> bool:
    """A call told with a time of its own or as a repeat ("agreed to discuss it further in a
    call next week", "agreed to speak again in a call after the inauguration"): one agreed on."""
    if any(t.ent_type_ in ("DATE", "TIME") for t in noun.subtree):
        return True
    if any(c.dep_ == "prep" and c.lower_ in ("after", "before") for c in noun.children):
        return True
    return any(c.lower_ in ("again", "further", "later") for c in verb.children)


def _intended_only(verb: Token) -> bool:
    """A verb of intent or a modal on the way up from a setting: what it frames is still to come
    ("he would raise it with Trump, at a meeting", "planned to raise it, at a summit")."""
    return lemma_of(verb) in INTENT_VERBS or any(
        c.dep_ == "aux" and c.lower_ in MODALS | {"will", "would", "shall"} for c in verb.children
    )


# Verbs of intent: the lexicon's words of plan and a few of will; what they frame has not
# happened (while a pledge or promise is made there).
INTENT_VERBS = PLAN_WORDS | {"want", "aim", "seek", "wish"}

# Nouns for a call: what is agreed in one is agreed by speaking.
CALL_NOUNS = frozenset({"call", "conversation"})


def _act_nouns_verb(noun: Token) -> Token | None:
    """The verb of the act noun whose "of" the noun is: "witness" of "to witness the signing of
    an agreement" (an act named by its "-ing"; not "will consider the results of Tuesday's
    meeting", what came of it)."""
    if noun.dep_ != "pobj" or noun.head.lower_ != "of" or noun.head.head.pos_ != "NOUN":
        return None
    if not noun.head.head.lower_.endswith("ing"):
        return None
    return _governing_verb(noun.head.head)


def _governing_verb(noun: Token) -> Token | None:
    """The verb a noun is the object of, directly or through a preposition."""
    head = noun.head.head if noun.dep_ == "pobj" and noun.head.dep_ == "prep" else noun.head
    return head if head.pos_ == "VERB" and head.i != noun.i else None


def _framed_by(token: Token) -> Token | None:
    """The verb a "during" phrase around the noun frames, up through the names and "of" phrases
    it sits in ("during the president's visit", "during the visit of the president of X"): what
    happened during it happened when it did."""
    node, during = token, False
    # below the "during", only the phrase naming the occasion; above it, whatever phrase the
    # parser hung it on ("... and border trade, during the visit"), up to the clause's verb
    while (
        node.dep_ in ("pobj", "prep", "poss", "compound", "appos")
        or (during and node.dep_ in ("conj", "dobj", "appos"))
    ) and node.head.i != node.i:
        during |= node.dep_ == "prep" and node.lower_ == "during"
        node = node.head
        if node.pos_ == "VERB":
            if during and node.dep_ == "xcomp" and node.head.pos_ == "VERB":
                return (
                    node.head
                )  # "decided on Wednesday to give ... during the visit": the deciding
            return node if during else None
    return None


def own_date(trigger: Trigger, published: str | None) -> tuple[str, str] | None:
    """The date the trigger's own clause gives it, as the event's first day: "wrapped up a
    three-day summit on Tuesday" dates a summit that began on Sunday."""
    if trigger.type == "CONSULT" and proposed_before_it_was_told(trigger.token):
        return None  # "had proposed the direct talks on Sunday": the day it was proposed
    if _a_signing_reacted_to(trigger.token):
        return None  # "welcomed on Friday the signing of the accord": the day of the welcome
    left = _left_after_a_visit(trigger, published)
    if left is not None:
        return left
    found = _clause_date(trigger, published)
    verb = trigger.governor or trigger.token
    if (
        found is not None
        and trigger.kind in ("postpone", "cancel")
        and any(c.dep_ == "aux" and c.lower_ in ("has", "have") for c in verb.children)
    ):
        # "the round expected in Rome on Saturday has been postponed": the day is the one it
        # was planned for (a present perfect takes no day of its own)
        return None
    frame = measured(trigger.token)  # "two days of talks ended on Friday": the days
    days = _days_long(trigger.token) or _days_counted(frame)
    if found is None or found[1] != "day" or days < 2 or not _closing(frame):
        return found
    return (dt.date.fromisoformat(found[0]) - dt.timedelta(days=days - 1)).isoformat(), "day"


def _left_after_a_visit(trigger: Trigger, published: str | None) -> tuple[str, str] | None:
    """ "Left Cairo on Thursday after a two-day visit": the day the visitor left is the visit's
    last; it began as many days before as the visit lasted, less one."""
    token = trigger.token
    if trigger.kind != "visit" or (_place_left_after(token) is None and not _returned_after(token)):
        return None
    if anothers_visit(token):
        return None  # "left Addis Ababa after a visit by Sisi": another's visit, not the leaver's
    verb = token.head.head
    for pobj in _time_phrases(verb):
        ent = _date_entity(pobj)
        day = resolve_date(_year_told_back(ent), published, "past") if ent is not None else None
        if day is not None and day[1] == "day":
            days = _days_long(token)
            if days < 1:
                return None  # "after a visit": when it began is not told
            return (dt.date.fromisoformat(day[0]) - dt.timedelta(days=days - 1)).isoformat(), "day"
    return None


# Verbs of a reaction to a signing, told after it ("welcomed the signing of the accord").
REACTION_VERBS = frozenset({"welcome", "hail", "applaud", "praise", "celebrate", "condemn"})


def _a_signing_reacted_to(token: Token) -> bool:
    """A deal whose signing is what a clause reacts to: the clause's day is the reaction's."""
    signing = signing_nominal(token)
    return signing is not None and lemma_of(signing.head) in REACTION_VERBS


def _days_long(noun: Token) -> int:
    """N for an "N-day" modifier of the event noun ("a three-day summit", "its 2-day meeting")."""
    for child in noun.children:
        if child.dep_ in ("compound", "amod", "nmod") and child.lower_ == "day":
            number = next((c for c in child.children if c.dep_ == "nummod"), None)
            if number is not None:
                text = number.lower_
                return int(text) if text.isdigit() else NUMBER_WORDS.get(text, 0)
    return 0


def _days_counted(measure: Token) -> int:
    """N for "N days" measuring talks ("two days of talks")."""
    if measure.lemma_.lower() != "day":
        return 0
    number = next((c for c in measure.children if c.dep_ == "nummod"), None)
    if number is None:
        return 0
    text = number.lower_
    return int(text) if text.isdigit() else NUMBER_WORDS.get(text, 0)


def length_in_days(trigger: Trigger) -> int:
    """N for an event said to last N days: "a four-day visit", "arrived for a two-day visit"."""
    token = trigger.token
    if token.pos_ in ("NOUN", "PROPN"):
        return _days_long(token)
    for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ == "for"):
        for noun in (p for p in prep.children if p.dep_ == "pobj"):
            if (days := _days_long(noun)) > 0:
                return days
    return 0


def _closing(noun: Token) -> bool:
    """The noun is what a closing verb ended ("wrapped up the summit", "the talks concluded")."""
    verb = noun.head
    return (
        noun.dep_ in ("dobj", "nsubj") and verb.pos_ == "VERB" and lemma_of(verb) in CLOSING_VERBS
    )


# Nouns announcing a pledge in a "that" clause: the pledge was made where and when it was
# announced ("The announcement in Beijing on Friday that X and Y will restore relations").
ANNOUNCEMENT_NOUNS = frozenset({"announcement", "statement", "declaration", "communique"})


def announcement_of(trigger: Trigger) -> Token | None:
    """The announcement noun whose "that" clause tells a pledge, which was made where and when
    it was announced: "The announcement in Beijing on Friday that X and Y will restore relations".
    Only a pledge (what they will do; not "had agreed", done before it, nor "will sign next
    week", a signing to come) with no time of its own, announced by no one named apart ("Trump's
    announcement in Washington that Israel and Iran had agreed" is his, not theirs)."""
    if trigger.type != "AGREE" or trigger.kind != "pledge":
        return None
    verb = trigger.governor or trigger.token
    if (
        verb.pos_ == "VERB"
        and verb.dep_ in ("acl", "ccomp")
        and verb.head.lemma_.lower() in ANNOUNCEMENT_NOUNS
        and any(c.dep_ == "mark" and c.lower_ == "that" for c in verb.children)
        and not any(c.dep_ == "poss" for c in verb.head.children)
        and not _time_phrases(verb)
    ):
        return verb.head
    return None


def _clause_date(trigger: Trigger, published: str | None) -> tuple[str, str] | None:
    """The date the trigger's own clause gives it. A purpose clause takes the date of the act it
    serves ("summoned the envoy on Wednesday to lodge a protest"), and a circumstance phrase can
    carry it ("during talks in Paris on Thursday")."""
    announced = announcement_of(trigger)
    if announced is not None:
        for pobj in _time_phrases(announced):
            ent = _date_entity(pobj)
            if ent is not None:
                return resolve_date(_year_told_back(ent), published, "past")
    if _a_deal_acted_under(trigger):
        # "swapped prisoners on Friday under a deal reached in Istanbul": only the participle's
        # own phrases date the deal, not the acts done under it
        assert trigger.governor is not None
        for pobj in _time_phrases(trigger.governor):
            ent = _date_entity(pobj)
            if ent is not None:
                return resolve_date(_year_told_back(ent), published, "past")
        return None
    own = trigger.governor or trigger.token
    if _will_to(own):
        return None  # "reaffirmed his resolve to hold a summit during their meeting on Saturday"
    if _asked_for(trigger):
        # "proposed a meeting ... during a phone call on Tuesday": the day it was proposed,
        # not the meeting's (but "proposed a summit in June" is June's)
        for pobj in _time_phrases(trigger.token):
            # its own phrase, not the day of "a phone call on Tuesday" it hangs on
            own_phrase = pobj.head.i == trigger.token.i or pobj.head.head.i == trigger.token.i
            ent = _date_entity(pobj) if pobj.ent_type_ == "DATE" and own_phrase else None
            if ent is not None:
                return resolve_date(_year_told_back(ent), published, "future")
        return None
    if _at_a_request(trigger):
        return None  # "will meet on Monday at Turkey's request": the meeting's day, not its
    for clause in (own, *own.ancestors):
        if (
            clause.dep_ == "relcl"
            and any(c.lower_ == "when" for c in clause.children)
            and (
                day := next(
                    (e for e in _date_spans(own.doc) if e.start <= clause.head.i < e.end), None
                )
            )
            is not None
        ):
            # "only in September 2023, when Biden met the five presidents", "a repeat of 2012,
            # when ASEAN failed to agree at a meeting in Phnom Penh": the time it qualifies
            return resolve_date(day.text, published, _tense(trigger))
    moved = _moved_to(trigger, published)
    if moved is not None:
        return moved  # "talks pushed back to Friday": the day they were moved to
    settings = all_settings(trigger.token)
    heads = _purpose_chain(clause_heads(trigger))
    if _undone(trigger):
        # "cancelled his planned June 12 summit on Thursday", "lifted the 2019 sanctions": the
        # noun's own day is the act undone, not the undoing
        settings, heads = [], [h for h in heads if h.i != trigger.token.i]
    # a participle on the noun ("talks, due to be held on Wednesday, were announced on Monday")
    # is the event's own, before the clause it sits in
    own = trigger.governor or trigger.token
    # "spoke by phone on Wednesday, agreeing to meet": the Wednesday of the call
    through = own.head if _participle_of_the_moment(trigger, own) else None
    shift: int | None = None  # "lifted the ban the following day": days from the day told next
    # only the act's own clause counts its day from another's ("X said on Monday that Y agreed,
    # and Z met W the following day": the agreement is not Tuesday's)
    own_heads = {h.i for h in clause_heads(trigger)[:2]}
    for head in [*settings, *heads]:
        if _a_clause_counted_from(head, trigger.token):
            continue  # "in their first meeting since the leader returned to power last month"
        if _a_span_away(head, trigger.token):
            continue  # "summoned on Tuesday, days after remarks that Beirut viewed as ...
        tense = "future" if head in settings and _planned_setting(head) else _tense(trigger)
        if head in settings and head.dep_ == "relcl" and head.tag_ == "VBD":
            tense = "past"  # "the summit, which Kenya hosted in December and which ...": then
        if through is not None and head.i == through.i and head.tag_ == "VBD":
            tense = "past"
        dateline = trigger.token.doc.user_data.get("briefbot_dateline_tokens", frozenset())
        for pobj in _time_phrases(head):
            if pobj.i in dateline:
                continue  # "TOKYO, Jan. 8 (Kyodo) -- X will visit ... from Thursday": filed then
            if trigger.type != "CONSULT" and _a_term(pobj):
                continue  # "banned flights to Georgia from July 8": when the ban starts, not
                # the day it was decided (while a visit "from Monday" begins then)
            if _after_since(pobj, head):
                continue  # "was the first gathering since Tokyo in October 2020": then, not now
            ent = _date_entity(pobj)
            text = _year_told_back(ent) if ent is not None else _unlabelled_date(pobj)
            if shift is None and head.i in own_heads:
                # the tagger may leave "the following day" unlabelled: its words tell it
                shift = days_from_the_day_told(text or _phrase(pobj))
                if shift is not None:
                    break  # the day it is told from is a head further up
            resolved = resolve_date(text, published, tense) if text is not None else None
            if resolved and shift is not None:
                # "spoke on June 29 and lifted the ban the following day": June 30
                return _days_on(resolved, shift)
            if resolved:
                return resolved
    if shift is not None:
        return None  # told from a day no clause gives: not the day of any other act
    verb = next((h for h in reversed(clause_heads(trigger)) if h.pos_ in ("VERB", "AUX")), None)
    if verb is not None and not _a_clause_counted_from(verb, trigger.token):
        dates = [d for d in _clause_dates(verb, trigger.token) if not _after_since(d.root, verb)]
        if trigger.type != "CONSULT":
            dates = [d for d in dates if not _a_term(d.root)]
        past = through is not None and verb.i == through.i and verb.tag_ == "VBD"
        days = {
            resolve_date(_year_told_back(d), published, "past" if past else _tense(trigger))
            for d in dates
        }
        # the parser hung it lower, but it is the clause's only date, or every date the
        # clause gives names the same day ("On Thursday (Oct 30), ...")
        if len(days) == 1 and None not in days:
            return days.pop()
    same_moment = _same_moment_as(trigger)
    if same_moment is not None:
        dates = _clause_dates(same_moment)
        if len(dates) == 1:
            return resolve_date(_year_told_back(dates[0]), published, _tense(trigger))
    for when in _when_clauses(trigger):
        dates = _clause_dates(when)
        if len(dates) == 1:
            # "last met Johnson when the prime minister came to Dublin on September 9th"
            return resolve_date(_year_told_back(dates[0]), published, _tense(trigger))
    return _days_before_the_main_act(trigger, published)


def _phrase(token: Token) -> str:
    return " ".join(t.text for t in token.subtree)


def _days_on(day: tuple[str, str], days: int) -> tuple[str, str] | None:
    """The day `days` after (or before) a day-precise date; a month or a year moves no day."""
    if day[1] != "day":
        return None
    return (dt.date.fromisoformat(day[0]) + dt.timedelta(days=days)).isoformat(), "day"


def _asked_for(trigger: Trigger) -> bool:
    """An occasion that is the object of a verb asking for it ("proposed a meeting", "offered
    talks", "sought a summit"): not held."""
    token = trigger.token
    return (
        trigger.type == "CONSULT"
        and token.pos_ in ("NOUN", "PROPN")
        and token.dep_ == "dobj"
        and lemma_of(token.head) in PROPOSING_VERBS - {"want"}
        and not proposed_before_it_was_told(token)
        # not "requested an emergency meeting, which convened on Sunday", "the session held in
        # Cairo on Tuesday": told as held in a clause of its own
        and not any(
            c.dep_ in ("relcl", "acl")
            and c.tag_ in ("VBD", "VBN")
            and lemma_of(c) in _HELD_VERBS
            and not any(a.dep_ == "aux" and a.lower_ in ("will", "would", "to") for a in c.children)
            for c in token.subtree  # (the parser may hang the clause on a name inside)
        )
    )


# Nouns of what is settled before an occasion: "a date for a meeting", "preparations for the
# summit", "the venue for talks".
ARRANGEMENT_NOUNS = frozenset(
    {"date", "preparation", "venue", "arrangement", "timetable", "groundwork", "modality"}
)


def being_arranged(trigger: Trigger) -> bool:
    """An occasion whose date, venue or preparations are what is told of ("to discuss a date
    for a meeting", "preparations for the summit"): still to be held."""
    token = trigger.token
    prep = token.head
    return (
        trigger.type == "CONSULT"
        and token.pos_ in ("NOUN", "PROPN")
        and token.dep_ == "pobj"
        and prep.lower_ == "for"
        and prep.head.pos_ == "NOUN"
        and prep.head.lemma_.lower() in ARRANGEMENT_NOUNS
    )


# Verbs telling an occasion took place ("which convened on Sunday", "held in Cairo").
_HELD_VERBS = frozenset(
    {"convene", "hold", "take", "host", "open", "begin", "end", "conclude", "meet", "gather"}
)


def _a_deal_acted_under(trigger: Trigger) -> bool:
    """An agreement told by its own participle inside what is done under it ("under a deal
    reached in Istanbul"): the clause's days are the acts done, not the deal's."""
    token, governor = trigger.token, trigger.governor
    return (
        token.dep_ == "pobj"
        and token.head.lower_ == "under"
        and governor is not None
        and governor.dep_ == "acl"
        and governor.head.i == token.i
    )


def _after_since(pobj: Token, head: Token) -> bool:
    """A time phrase right after a "since" phrase ("the first gathering since Tokyo in October
    2020", the parser hanging it on the verb): the time counted from (not "in their first
    meeting since 2022, held talks on Wednesday")."""
    phrase = pobj.head if pobj.dep_ == "pobj" else pobj
    return any(
        t.lower_ == "since"
        and t.dep_ == "prep"
        and head.is_ancestor(t)
        and max(s.i for s in t.subtree) + 1 == min(s.i for s in phrase.subtree)
        for t in pobj.sent
    )


def _a_term(pobj: Token) -> bool:
    """A day an act's effect starts or ends on ("from July 8", "until Friday"), not its own."""
    return pobj.dep_ == "pobj" and pobj.head.lower_ in ("from", "until", "till", "through")


def _a_clause_counted_from(head: Token, own: Token) -> bool:
    """A clause of the time something is counted from or up to ("since the leader returned to
    power last month"), which the parser made the head of the trigger's phrase: its date is
    that moment's, not the act's."""
    return (
        own.dep_ == "pobj"  # "in their first meeting", hung on the clause; not its own act
        and own.head.head.i == head.i
        and any(c.dep_ == "mark" and c.lower_ in ("since", "until", "till") for c in head.children)
    )


def _a_span_away(head: Token, own: Token) -> bool:
    """The trigger sits in a phrase a counted span away from the head's act ("summoned on
    Tuesday, days after remarks that Beirut viewed as interference", "met on Monday, a week
    before the talks"): the head's day is not the trigger's."""
    for child in head.children:
        if (
            child.dep_ == "advcl"
            and any(c.dep_ == "mark" and c.lower_ in ("after", "before") for c in child.children)
            and any(c.dep_ == "npadvmod" and c.lemma_.lower() in SPAN_UNITS for c in child.children)
            and child.left_edge.i <= own.i <= child.right_edge.i
        ):
            return True  # "summoned on Tuesday, days after Moscow accused Warsaw of spying"
        # "days after X" as the parser hangs it: the span over the phrase, or the phrase on it
        if child.dep_ == "npadvmod" and child.lemma_.lower() in SPAN_UNITS:
            preps = [c for c in child.children if c.dep_ == "prep"]
        elif child.dep_ == "prep" and any(
            c.dep_ == "npadvmod" and c.lemma_.lower() in SPAN_UNITS for c in child.children
        ):
            preps = [child]
        else:
            continue
        if any(
            prep.lower_ in ("after", "before") and prep.left_edge.i <= own.i <= prep.right_edge.i
            for prep in preps
        ):
            return True
    return False


def _when_clauses(trigger: Trigger) -> list[Token]:
    """The "when" clauses of the trigger's own past verb, themselves past: they tell the time of
    its act ("met him when he came to Dublin on September 9th"; not "agreed to host the
    gathering when Zelensky visited in January", a plan made then)."""
    verb = trigger.governor or trigger.token
    if verb.pos_ not in ("VERB", "AUX") or verb.tag_ != "VBD":
        return []
    return [
        c
        for c in verb.children
        if c.dep_ == "advcl"
        and c.tag_ == "VBD"
        and any(w.lower_ == "when" and w.dep_ in ("advmod", "mark") for w in c.children)
    ]


def _same_moment_as(trigger: Trigger) -> Token | None:
    """The main verb of a clause that the trigger's own "as" clause tells at the same moment
    ("Moscow cancelled a planned visit", "as Modi held talks with X", "as he hosted them at a
    summit", "as they wrapped up a two-day meeting"): its day, not its place. The act must be
    the clause's own, not an occasion its verb awaits or bets on ("stocks rose on Tuesday as
    investors bet on a summit")."""
    token = trigger.token
    if trigger.governor is not None:
        verb = trigger.governor  # "held talks", "wrapped up a meeting" (not "bet on a summit")
        frames = load_frames()
        if verb_lemma(verb) not in frames.light | set(frames.reversing) and lemma_of(
            verb
        ) not in CLOSING_VERBS | {"host"}:
            return None
    elif token.pos_ == "VERB":
        verb = token
    elif token.dep_ == "pobj" and token.head.lower_ in ("at", "in", "during"):
        verb = token.head.head  # "as he hosted the leaders at a summit"
    else:
        return None
    if verb.pos_ != "VERB" or verb.dep_ != "advcl" or verb.head.pos_ != "VERB":
        return None
    if any(c.dep_ == "aux" and c.lower_ in PERFECT_AUXES for c in verb.children):
        return None  # "as Iran and the US had held talks": before it, a cause
    marks = {c.lower_ for c in verb.children if c.dep_ == "mark"}
    own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    if "as" in marks or ("while" in marks and (not own_subject or trigger.type != "CONSULT")):
        # "while hosting Xi for dinner", "voted No on Saturday, while Turkish Cypriots backed the
        # plan" (not "while Witkoff met Putin": another sitting beside it)
        return _past_teller(verb) or verb.head
    return None


def _past_teller(clause: Token) -> Token | None:
    """ "Biden warned Putin on Tuesday that the West would impose sanctions, as the two held a
    call": a past "as" clause the parser hung on what would happen is told at the moment of the
    past verb that tells it."""
    head = clause.head
    if clause.tag_ != "VBD" or head.dep_ != "ccomp" or head.head.tag_ != "VBD":
        return None
    if head.tag_ not in ("VBZ", "VBP") and not any(
        c.dep_ == "aux" and c.lower_ in ("would", "will", "could", "might") for c in head.children
    ):
        # what would happen, or what holds as told ("said Sunday his heart aches ..., as he
        # held talks"): a past "as" clause cannot be timed by it
        return None
    counted = {
        t.i
        for period in clause.subtree
        if period.dep_ in ("npadvmod", "tmod") and _a_count_within(period, period.head)
        for t in period.subtree
    } | {
        t.i for t in clause.subtree if t.ent_type_ == "DATE" and _in_a_count(t, clause)
    }  # "as they held their second call this month": no time of its own
    if any(
        (t.ent_type_ == "DATE" and t.i not in counted) or t.lower_ in _OWN_TIME_WORDS
        for t in clause.subtree
    ):
        return None  # "as Zelenskiy visited Berlin later in the week": a time of its own
    teller = head.head
    dateline = teller.doc.user_data.get("briefbot_dateline_tokens", frozenset())
    if not any(
        t.ent_type_ == "DATE" and t.i not in dateline
        for c in teller.children
        if c.i != head.i
        for t in c.subtree
    ):
        return None  # "said on Tuesday Japan will ...": the day hangs on the complement
    return teller


# Words giving a clause its own time, told from another moment ("later", "the day before").
_OWN_TIME_WORDS = frozenset({"later", "earlier", "before", "after", "previously", "afterwards"})


def _year_told_back(ent: Span) -> str:
    """The date's text, "that year" read as the year of a date the article told before it."""
    return year_told_back(
        ent.text, [e.text for e in ent.doc.ents if e.label_ == "DATE" and e.end <= ent.start]
    )


def _days_before_the_main_act(trigger: Trigger, published: str | None) -> tuple[str, str] | None:
    """ "Two days after the negotiators met in Istanbul, Kyiv rejected the terms on Wednesday",
    "a day after talks in Oman, Iran said on Monday": so many days before the day of the act the
    sentence is about, or before publication when that act is told as now ("Kyiv has
    rejected")."""
    token = trigger.token
    own = trigger.governor or token
    if own.pos_ not in ("VERB", "AUX") and token.dep_ in ("dobj", "nsubj", "nsubjpass"):
        own = token.head  # "after Iran and the US held talks"
    if own.pos_ in ("VERB", "AUX") and own.dep_ == "advcl":
        if not any(c.dep_ == "mark" and c.lower_ == "after" for c in own.children):
            return None
        holder, main = own, own.head
    elif token.dep_ == "pobj" and token.head.lower_ == "after" and token.head.dep_ == "prep":
        holder, main = token.head, token.head.head
    else:
        return None
    measure = next((c for c in holder.children if c.dep_ == "npadvmod"), None)
    if measure is None:
        return None
    days = _days_counted(measure)
    if days == 0 and measure.lemma_.lower() == "day":
        days = int(any(c.dep_ == "det" and c.lower_ in ("a", "one") for c in measure.children))
    if days == 0 or main.pos_ not in ("VERB", "AUX"):
        return None
    base = None
    prefer = "past" if main.tag_ == "VBD" else "current_period"
    for pobj in _time_phrases(main):
        ent = _date_entity(pobj)
        if ent is not None and pobj.i not in (measure.i, holder.i):
            base = resolve_date(ent.text, published, prefer)
            break
    if base is None and published is not None and _told_as_now(main):
        base = published, "day"
    if base is None or base[1] != "day":
        return None
    return (dt.date.fromisoformat(base[0]) - dt.timedelta(days=days)).isoformat(), "day"


def _told_as_now(verb: Token) -> bool:
    """A present or a present perfect: "Kyiv has rejected", "Tehran says"."""
    auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    return (verb.tag_ in ("VBZ", "VBP") and not auxes) or (
        verb.tag_ == "VBN" and bool(auxes & {"has", "have"}) and not auxes & {"had", "will"}
    )


# Verbs moving an occasion to another day ("pushed back to Friday", "postponed until May").
MOVING_VERBS = frozenset({"push", "postpone", "move", "delay", "reschedule", "shift", "defer"})


def _moved_to(trigger: Trigger, published: str | None) -> tuple[str, str] | None:
    """The day talks were moved to, told as "pushed (back) to Friday" or "postponed until
    Monday" on the talks as subject: a day still to come from when it was told."""
    token = trigger.token
    if trigger.type != "CONSULT" or token.dep_ not in ("nsubj", "nsubjpass"):
        return None
    verb = token.head
    if verb.pos_ != "VERB" or lemma_of(verb) not in MOVING_VERBS:
        return None
    children = list(verb.children)
    if any(c.lower_ == "on" and c.dep_ in ("prt", "advmod") for c in children):
        return None  # "talks pushed on until late Friday": went on, not moved
    if any(c.dep_ == "conj" and c.pos_ == "VERB" for c in children) or any(
        t.lower_ == "when" for t in verb.subtree
    ):
        return None  # "were pushed to Wednesday, and ended", "..., when leaders met": told done
    auxes = {c.lower_ for c in children if c.dep_ in ("aux", "auxpass")}
    if auxes - {"have", "has", "been", "be", "will", "is", "are"}:
        return None  # "were pushed back to Monday": a past move, whose day has passed
    if any(e.label_ == "DATE" and re.search(r"\b\d{4}\b", e.text) for e in token.sent.ents):
        return None  # "In 2022, talks were pushed back to Monday": history
    # "pushed back to Friday": the phrase may hang on the particle
    holders = [verb, *(c for c in children if c.lower_ in ("back", "forward", "off"))]
    for prep in (c for h in holders for c in h.children):
        if prep.dep_ == "prep" and prep.lower_ in ("to", "until", "till"):
            for pobj in prep.children:
                if pobj.dep_ == "pobj" and pobj.ent_type_ == "DATE":
                    ent = _date_entity(pobj)
                    if ent is not None:
                        return resolve_date(ent.text, published, "future")
    return None


def _undone(trigger: Trigger) -> bool:
    """A noun trigger told through a verb that undoes it ("cancelled the summit")."""
    governor = trigger.governor
    return (
        governor is not None
        and trigger.token.pos_ in ("NOUN", "PROPN")
        and verb_lemma(governor) in load_frames().reversing
    )


# Verbs of a journey whose "for" phrase is the occasion it is made for.
TRAVEL_VERBS = frozenset({"leave", "travel", "fly", "head", "depart", "arrive", "come", "go"})


def _at_a_request(trigger: Trigger) -> bool:
    """A request told as the reason of another act ("at Turkey's request", "at the request of
    Britain", "upon request"): it was made before that act, on no day the clause gives."""
    token = trigger.token
    return (
        trigger.type == "REQUEST"
        and token.lemma_.lower() == "request"
        and token.dep_ == "pobj"
        and token.head.lower_ in ("at", "upon", "on")
    )


def _awaits_another_act(verb: Token, published: str | None) -> bool:
    """A present verb of starting or going on that waits for another act on a later day
    ("resumes when the envoys meet on Monday", told on Saturday): it has not started yet (not
    "begins when the leaders shake hands this morning": today's)."""
    if verb.tag_ not in ("VBZ", "VBP") or published is None:
        return False
    for clause in verb.children:
        if clause.dep_ != "advcl" or not any(
            m.dep_ in ("mark", "advmod") and m.lower_ in ("when", "once") for m in clause.children
        ):
            continue
        inside = range(clause.left_edge.i, clause.right_edge.i + 1)
        for ent in _date_spans(verb.doc):
            if ent.start in inside and ent.end - 1 in inside:
                day = resolve_date(ent.text, published, "future")
                if day is not None and day[0] > published:
                    return True
    return False


def _told_as_done(verb: Token) -> bool:
    """A past verb with no modal of its own: "cancelled", "was cancelled", "has been called
    off"; not "would cancel", "will be cancelled"."""
    auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if auxes & (MODALS | {"will"}):
        return False
    return verb.tag_ == "VBD" or (
        verb.tag_ == "VBN" and bool(auxes & {"was", "were", "has", "have", "had"})
    )


DATE_NOUNS = frozenset({"year", "month", "week"})
CLAUSE_DEPS = frozenset({"ccomp", "advcl", "relcl", "conj", "parataxis", "csubj"})
# Phrases that date another event the clause is measured from, not the clause's own.
ANCHORING_PREPS = frozenset({"since", "until", "till", "before", "after"})


def main_clause_dates(sent: Span) -> list[Span]:
    """The DATE entities of a sentence's main clause (see `_clause_dates`): not those of the
    clauses inside it, of "since"/"after" phrases or of occasions it names."""
    return _clause_dates(sent.root)


def _clause_dates(verb: Token, own: Token | None = None) -> list[Span]:
    """The DATE entities of a verb's own clause, leaving out the clauses inside it that have
    their own subject or verb ("X said on Monday that ...", "..., which happened in 2019"), and
    the phrase of another occasion it names ("invited him to a summit in Luanda in April": the
    summit's month, not the invitation's)."""
    nouns = load_lexicon()[0]
    # the verb the event is told by: its own, or the one its noun is subject or object of
    own_verbs = (
        {verb.i} if own is None else {own.i} if own.pos_ in ("VERB", "AUX") else {own.head.i}
    )
    tokens: set[int] = set()
    others: list[Token] = []  # the other occasions named, whose phrases are left out
    stack = [verb]
    while stack:
        node = stack.pop()
        tokens.add(node.i)
        if (
            node is not verb
            and node is not own
            and node.pos_ == "NOUN"
            and node.dep_ == "pobj"
            and any(t == "CONSULT" for t, _, _ in nouns.get(node.lemma_.lower(), []))
            # "recalled its ambassador for consultations on Friday": the formula of a recall,
            # no occasion of its own
            and not _recalled_for_consultations_on_a_day(node)
        ):
            others.append(node)
            continue
        for child in node.children:
            if child.dep_ == "conj" and child.pos_ == "VERB" and not _has_subject(child):
                stack.append(child)  # "signed the deal and opened a bridge on Monday": one sitting
                continue
            if child.dep_ in CLAUSE_DEPS or child.dep_ in ("acl", "xcomp"):
                continue  # "a ceasefire starting on Monday": the participle's date is its own
            if child.dep_ == "prep" and child.lower_ in ANCHORING_PREPS:
                continue  # "the first talks since the fall of the government in August"
            if child.dep_ == "prep" and child.lower_ == "by" and node.i not in own_verbs:
                if any(p.dep_ == "pobj" and p.ent_type_ == "DATE" for p in child.children):
                    # "ordered him to leave the country by Feb. 7": a deadline of another act
                    # (while "signed by Friday" is the act's own)
                    continue
            if child.dep_ == "dobj" and node.i == verb.i and lemma_of(verb) in SEQUENCE_VERBS:
                continue  # "the talks followed an August 21 attack": the attack's day
            stack.append(child)
    found = [
        e
        for e in _date_spans(verb.doc)
        if all(i in tokens for i in range(e.start, e.end))
        and names_a_day(e)
        # (past a copula only: "met Lula at the close of the summit on Tuesday" is that day's)
        and not (lemma_of(verb) == "be" and any(_told_right_after(e, o) for o in others))
    ]
    # the lead's own day, not the dateline's ("ASTANA, July 4 - ... on Thursday"); a lead with
    # no day of its own is dated by its dateline as filed, not told (see assembly._drafts)
    dateline = verb.doc.user_data.get("briefbot_dateline_tokens", frozenset())
    return [e for e in found if e.start not in dateline]


def _told_right_after(date: Span, occasion: Token) -> bool:
    """ "Was the return leg of Modi's trip to Berlin last May": a date told right after
    another occasion's phrase, no verb between, is that occasion's, wherever the parser hung
    it."""
    if date.start <= occasion.i:
        return False
    between = date.doc[occasion.i + 1 : date.start]
    return len(between) <= 5 and not any(t.pos_ in ("VERB", "AUX") for t in between)


def _recalled_for_consultations_on_a_day(noun: Token) -> bool:
    """ "Recalled its ambassador for consultations on Friday": the recall's day, hung on the
    formula (not "invited him for consultations on March 10", still to come)."""
    return (
        noun.lemma_.lower() == "consultation"
        and noun.head.lower_ == "for"
        and lemma_of(noun.head.head) == "recall"
        and any(
            c.dep_ == "prep"
            and c.lower_ == "on"
            and any(p.dep_ == "pobj" and p.ent_type_ == "DATE" for p in c.children)
            for c in noun.children
        )
    )


def _has_subject(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children)


def _date_spans(doc: Doc) -> list[Span]:
    """The document's DATE entities (and times of a named day), listed once: Doc.ents builds
    every span anew on each read, and date rules ask for them per trigger (quadratic on a long
    article)."""
    cached = doc.user_data.get("briefbot_date_spans")
    if cached is None:
        # the tagger labels "Monday morning" a TIME: a part of a named day dates as the day
        cached = [
            _before_a_length(_with_the_first_day(e))
            for e in doc.ents
            if e.label_ == "DATE"
            or (e.label_ == "TIME" and names_a_day(e))
            # "early this morning" in the reporter's words is the day of publication; in a
            # quotation it is the day the words were said
            or (e.label_ == "TIME" and part_of_today(e.text) and _the_reporters_today(e))
        ]
        doc.user_data["briefbot_date_spans"] = cached
    return cached


# Words joining the first day of a span to the rest ("on 5 and 6 May", "5 to 7 May").
_DAY_SPAN_WORDS = frozenset({"and", "to", "-", "–", "through", "till", "until"})


def _with_the_first_day(ent: Span) -> Span:
    """ "on 5 and 6 May", of which the tagger labels only "6 May": the span from
    its first day, which an event of several days is dated by."""
    doc, start = ent.doc, ent.start
    if (
        start >= 2
        and ent[0].text.isdigit()
        and doc[start - 1].lower_ in _DAY_SPAN_WORDS
        and doc[start - 2].text.isdigit()
        and 1 <= int(doc[start - 2].text) <= 31
    ):
        return Span(doc, start - 2, ent.end, label=ent.label_)
    return ent


def _the_reporters_today(ent: Span) -> bool:
    """ "early this morning" told in the reporter's words, in a sentence that names no other day
    ("On Monday, X said he had spoken with Y this morning": that Monday's morning), and not in
    a quotation (the day the words were said)."""
    if quoted(ent[0], ent.sent):
        return False
    return not any(
        other.label_ == "DATE" and names_a_day(other) for other in ent.sent.ents if other != ent
    )


# "two days", "a week", "48 hours" right after a comma in a date entity: how long before or after
_LENGTH_AFTER_COMMA = re.compile(
    r"^(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|a few|\d+) "
    r"(?:hours?|days?|weeks?|months?|years?)\b",
    re.IGNORECASE,
)


def _before_a_length(span: Span) -> Span:
    """ "on June 17, two days after the clash": the tagger's one DATE is the day, then how long
    after something it came; the day alone is the date."""
    for token in span:
        if token.text == "," and token.i + 1 < span.end:
            if _LENGTH_AFTER_COMMA.match(span.doc[token.i + 1 : span.end].text):
                return Span(span.doc, span.start, token.i, label=span.label_)
    return span


def _time_phrases(head: Token) -> list[Token]:
    out = []
    for child in head.children:
        if child.dep_ in ("poss", "compound", "nmod") and (
            child.ent_type_ == "DATE" or _unlabelled_date(child)
        ):
            out.append(child)  # "Wednesday's call", "the May 16 talks", "last year's summit"
        # Not "since": it tells when a period began ("their first talks since the fall of the
        # government in August"), not the day of the event.
        elif child.dep_ == "prep" and (
            child.lower_ in ("on", "in", "during", "last", "earlier", "from")
            # "agreed in Geneva over the weekend", "will sign it at the weekend"
            or (
                child.lower_ in ("over", "at")
                and any(p.dep_ == "pobj" and p.lemma_.lower() == "weekend" for p in child.children)
            )
        ):
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None and child.lower_ == "from" and pobj.ent_type_ != "DATE":
                continue  # "withdrew from the 2015 deal": the deal's year, not the act's
            if pobj is not None:
                out.append(pobj)
                if child.lower_ in ("during", "in"):  # "during discussions in Paris on Thursday"
                    out.extend(_time_phrases(pobj))
        elif (
            child.dep_ == "prep"
            and child.lower_ == "for"
            and lemma_of(head) in SET_FOR_VERBS
            and not any(c.dep_ == "advmod" and c.lower_ in _FORMERLY for c in head.children)
        ):
            # "a meeting scheduled for Monday": the day it is set for (not "originally set for
            # Monday, were pushed to Wednesday")
            out.extend(c for c in child.children if c.dep_ == "pobj" and c.ent_type_ == "DATE")
        elif child.dep_ in ("npadvmod", "tmod") and not _a_count_within(child, head):
            out.append(child)
    return out


def _in_a_count(token: Token, top: Token) -> bool:
    """The token is in the span an ordinal counts over: "in the first visit to the country by
    a Japanese leader in about 12 years"."""
    for node in token.ancestors:
        if node.pos_ == "NOUN" and any(c.ent_type_ == "ORDINAL" for c in node.children):
            return True
        if node.i == top.i:
            return False
    return False


def _a_count_within(period: Token, head: Token) -> bool:
    """The period an ordinal counts within, not the day of the event: "held their second
    conversation this month", "his third visit this year"."""
    if period.lemma_.lower() not in ("week", "month", "year"):
        return False
    counted = [head, *(c for c in head.children if c.dep_ == "dobj")]
    return any(
        noun.pos_ == "NOUN" and any(c.ent_type_ == "ORDINAL" for c in noun.children)
        for noun in counted
    )


# A plan set aside for another ("originally set for Monday").
_FORMERLY = frozenset({"originally", "initially", "first", "previously", "earlier"})


def _unlabelled_date(token: Token) -> str | None:
    """A possessive time phrase the tagger left unlabelled ("last year's summit"), or a year it
    took for a number ("In 2022 Manele's predecessor signed ...")."""
    if (
        token.dep_ == "pobj"
        and token.head.lower_ in ("in", "during")
        and token.like_num
        and len(token.text) == 4
        and token.text.isdigit()
        and 1900 <= int(token.text) <= 2100
        and token.ent_type_ != "DATE"
    ):
        return token.text
    if (
        token.dep_ != "poss"
        or token.ent_type_
        or token.lemma_.lower() not in DATE_NOUNS | DAY_WORDS
    ):
        return None
    return token.doc[token.left_edge.i : token.i + 1].text


def _date_entity(pobj: Token) -> Span | None:
    """Only the date entity of the phrase: a coordinated phrase may carry a second event's date.
    "on Wednesday evening" is a TIME headed by "evening" with the DATE inside it; "on the night
    of November 25" has it in its "of" phrase."""
    doc = pobj.doc
    own = next((e for e in _date_spans(doc) if e.start <= pobj.i < e.end), None)
    if own is not None:
        return own

    # Only the phrase's own words and its "of" phrase: not a coordinated phrase, nor a clause or
    # a participle hanging off it ("a new round of talks, due to be held on Wednesday").
    def clausal(child: Token) -> bool:
        if child.dep_ == "prep" and child.lower_ in ANCHORING_PREPS:
            return True  # "on the first visit since 1982": when a period began
        return child.dep_ in ("conj", "cc", "acl", "relcl", "advcl") or any(
            c.dep_ in ("xcomp", "ccomp", "advcl") for c in child.children
        )

    def in_a_clause(t: Token) -> bool:  # "the summit, which opened on Friday": its own day
        node = t
        while node.i != pobj.i and node.head.i != node.i:
            if node.dep_ in ("relcl", "acl", "advcl", "ccomp"):
                return True
            node = node.head
        return False

    allowed = {pobj.i} | {
        t.i for c in pobj.children if not clausal(c) for t in c.subtree if not in_a_clause(t)
    }
    return next(
        (e for e in _date_spans(doc) if all(i in allowed for i in range(e.start, e.end))), None
    )


def _begun(trigger: Trigger) -> bool:
    """The trigger's own verb says the event began ("opened", "began", "resumed"), no more."""
    token = trigger.token
    verb = trigger.governor or (token if token.pos_ == "VERB" else token.head)
    subject_or_object = token.dep_ in ("nsubj", "dobj") or verb is trigger.governor
    return subject_or_object and lemma_of(verb) in ONGOING_CUES


def _an_arrival(trigger: Trigger) -> bool:
    """ "Putin arrived in Kyrgyzstan on Thursday": the visit has begun, no more (not "arrived
    ..., met the crown prince and left for Jerusalem", nor "for a one-day visit")."""
    token = _arrival_of(trigger)
    if token is None:
        return False
    leaving = any(lemma_of(t) in LEAVING_VERBS and t.pos_ == "VERB" for t in token.sent)
    one_day = any(t.lower_ in ("one-day", "day-long", "daylong") for t in token.sent) or (
        length_in_days(trigger) == 1
    )
    return not leaving and not one_day


def _arrival_of(trigger: Trigger) -> Token | None:
    """The arrival verb a visit is told by: "arrived in Kuwait", "arrived in Kuwait on a two-day
    visit" (the verb the visit hangs on)."""
    token = trigger.token
    if token.pos_ != "VERB" and trigger.governor is not None:
        token = trigger.governor
    elif token.pos_ != "VERB" and token.dep_ == "pobj" and token.head.lower_ in ("on", "for"):
        token = token.head.head
    if trigger.kind != "visit" or token.pos_ != "VERB" or lemma_of(token) not in ARRIVAL_VERBS:
        return None
    return token


def _arrived_now(trigger: Trigger) -> bool:
    """ "has arrived in New Delhi on a state visit", "arrives in Delhi": there now (not "when
    Modi arrives in Washington", "arrives every spring", "has arrived back from a visit")."""
    verb = _arrival_of(trigger) if _an_arrival(trigger) else None
    if verb is None or not (present_perfect(verb) or verb.tag_ in ("VBZ", "VBP")):
        return False
    if verb.dep_ not in ("ROOT", "conj", "ccomp"):
        return False  # a clause of time or condition: "when", "once", "until"
    return not any(
        c.lower_ in ("back", "home", "every", "each") or (c.dep_ == "prep" and c.lower_ == "from")
        for c in verb.subtree
        if c.i != verb.i
    )


def _be_to(verb: Token) -> bool:
    """ "is to be discussed", "are to visit": the arrangement that points ahead."""
    node = verb.head if verb.dep_ == "xcomp" and verb.head.lemma_ == "be" else verb
    auxes = {c.lower_ for c in node.children if c.dep_ in ("aux", "auxpass")}
    return node is not verb or bool(auxes & {"is", "are", "am"})


def _set_for_a_day(trigger: Trigger) -> bool:
    """The event, or the verb that calls it, is set "for" a day: it is still to come on it."""
    nodes = [trigger.token] + ([trigger.governor] if trigger.governor is not None else [])
    return any(
        prep.dep_ == "prep" and prep.lower_ == "for" and any(_a_day(p) for p in prep.children)
        for node in nodes
        for prep in node.children
    )


def _a_day(pobj: Token) -> bool:
    """ "Tuesday", "March 3": a day, not a length of time ("three days", "hours")."""
    return (
        pobj.dep_ == "pobj"
        and pobj.ent_type_ == "DATE"
        and not any(c.dep_ == "nummod" for c in pobj.children)
        and pobj.lemma_.lower() not in ("day", "week", "month", "year", "hour", "while", "time")
    )


def _came_back_from(trigger: Trigger) -> bool:
    """ "returned from a state visit to China", "back from talks in Geneva": over."""
    token = trigger.token
    verb = token.head.head
    return (
        token.dep_ == "pobj"
        and token.head.lower_ == "from"
        and lemma_of(verb) in ("return", "come", "arrive", "fly")
        and (lemma_of(verb) == "return" or any(c.lower_ == "back" for c in verb.children))
        # told as done: not "will return on Friday from his visit", "is due to return from"
        and verb.tag_ in ("VBD", "VBN")
        and not any(c.dep_ == "aux" and c.lower_ in ("will", "to", "would") for c in verb.children)
    )


# Nouns of a side's readiness for what is still to come: "his commitment to meeting U.S.
# officials", "their readiness for talks".
READINESS_NOUNS = frozenset({"commitment", "readiness", "willingness", "openness"})


def _looked_forward_to(token: Token) -> bool:
    """ "Kim looks forward to his meeting with me", "pledged his commitment to meeting U.S.
    officials": an occasion looked forward to, or one a side is committed or ready to, is still
    to come."""
    prep = token.head if token.dep_ in ("pobj", "pcomp") else None
    if prep is None or prep.lower_ not in ("to", "for"):
        return False
    if any(
        # (the parser may hang the clause on a name inside: "the summit with Trump, which ...")
        c.dep_ in ("relcl", "acl")
        and c.tag_ in ("VBD", "VBN")
        and lemma_of(c) in ("take", "hold", "happen", "end", "conclude")
        for c in token.subtree
    ):
        return False  # "the summit with Trump, which took place in Alaska": held
    while prep.dep_ == "conj" and prep.head.pos_ == "ADP":  # "to X and to meeting Y"
        prep = prep.head
    if prep.dep_ == "conj" and prep.head.pos_ == "VERB":
        # "pledged his commitment to X and to meeting Y": the parser made the second "to" a
        # conjunct of the verb; it shares the object's "to"
        return any(
            c.dep_ == "dobj" and c.lemma_.lower() in READINESS_NOUNS for c in prep.head.children
        )
    head = prep.head
    if head.lemma_.lower() in READINESS_NOUNS:
        # "commitment to meeting US officials", "readiness for talks"; not "their commitment to
        # the talks between X and Y", told elsewhere as held
        return token.tag_ == "VBG" or not is_definite(token)
    return (head.lower_ == "forward" and head.head.lemma_.lower() == "look") or (
        lemma_of(head) == "look" and any(c.lower_ == "forward" for c in head.children)
    )


def _expected_now(verb: Token, auxes: set[str]) -> bool:
    """ "Is expected to visit Peru", "plans to meet Lula", "are preparing to hold talks": what is
    now expected or planned is still to come (not "was expected to visit", a plan of then, nor
    "agreed to" or "proposed to", told apart)."""
    head = verb.head
    if "to" not in auxes or verb.dep_ != "xcomp" or lemma_of(head) in ("agree", "propose"):
        return False
    if lemma_of(head) not in PLANNED_CUES:
        return False
    head_auxes = {c.lower_ for c in head.children if c.dep_ in ("aux", "auxpass")}
    return head.tag_ in ("VBZ", "VBP") or bool(head_auxes & {"is", "are", "am", "'s", "'re"})


def find_status(
    trigger: Trigger, date: tuple[str, str] | None, published: str | None
) -> str | None:
    token = trigger.token
    signing = signing_nominal(token) if trigger.type == "AGREE" else None
    if signing is not None and signing.head.tag_ in ("VBD", "VBN"):
        if set_for_a_time_to_come(signing):
            return "planned"  # "the signing of the accord by X and Y is set for Friday"
        return "concluded"  # "welcomed the signing of the accord", "the signing ... ended"
    if _asked_for(trigger):
        return "planned"  # "proposed a meeting with Putin during a call on Tuesday"
    if being_arranged(trigger):
        return "planned"  # "too early to discuss a date for a meeting between Putin and Trump"
    if date and published and date[0] <= published and _tense(trigger) == "nearest":
        return None  # "was to meet the emir on Tuesday", told on Wednesday: held or not?
    if _looked_forward_to(trigger.token):
        return "planned"  # "looks forward to his meeting with me"
    if trigger.type == "AGREE" and any(
        c.dep_ == "acl" and c.tag_ == "VBN" and lemma_of(c) in REACHING_VERBS
        for c in token.children
    ):
        return "concluded"  # "the accord, reached after two weeks of talks, sets up ..."
    if (
        trigger.type == "AGREE"
        and token.pos_ == "VERB"
        and token.tag_ in ("VBN", "VBD")
        and token.i > 0
        and names_an_agreement(token.doc[token.i - 1])
        and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in token.children)
    ):
        return "concluded"  # "will respect the ceasefire agreed with Thailand": agreed already
    if trigger.type == "AGREE" and token.dep_ == "dobj" and lemma_of(token.head) in PARTY_VERBS:
        return None  # "will respect the ceasefire": the keeping is to come, not the deal
    if date and _came_back_from(trigger):
        return "concluded"  # "returned on Saturday from a five-day visit": the day it ended
    if _at_a_request(trigger):
        return "concluded"  # "will meet on Monday at Turkey's request": asked for already
    if trigger.governor is not None and _undone(trigger) and _told_as_done(trigger.governor):
        return "concluded"  # "cancelled a meeting planned for Tuesday": the cancelling is done
    if date and published and date[1] == "day" and date[0] < published:
        days = length_in_days(trigger)
        if days > 1:
            # "arrived on Monday for a four-day visit", told on Tuesday: under way until its
            # last day ("a two-day visit that began on Wednesday", told on Friday: over)
            last = dt.date.fromisoformat(date[0]) + dt.timedelta(days=days - 1)
            if _closing(measured(token)) and last.isoformat() <= published:
                return "concluded"  # "wrapped up a two-day meeting on Saturday", told then
            return "ongoing" if published <= last.isoformat() else "concluded"
    if date and published and date[1] == "day":
        if _an_arrival(trigger) and date[0] <= published and recent(date, published, days=1):
            return "ongoing"  # arrived today or yesterday, with no word of leaving: still there
        if date[0] < published and _begun(trigger) and recent(date, published, days=2):
            return "ongoing"  # "the conference opened on Monday", told on Tuesday: under way
        if date[0] < published:
            return "concluded"
        if date[0] > published:
            return "planned"
    if date and published and date[0] > published:
        return "planned"  # "to open talks early next year": a month or year still to come
    if date is None and _arrived_now(trigger):
        return "ongoing"  # "has arrived in Delhi on a four-day visit": under way
    if token.pos_ in ("NOUN", "PROPN") and any(
        c.dep_ == "amod" and c.lower_ in ("next", "upcoming", "forthcoming") for c in token.children
    ):
        return "planned"  # "at the next EU summit", "the upcoming talks"
    if _set_for_a_day(trigger):
        return "planned"  # "called an emergency meeting for Tuesday", told on Tuesday
    for setting in all_settings(token):
        if _planned_setting(setting):
            return "planned"  # "a round due to be held", "talks scheduled for Monday"
        if setting.tag_ == "VBN":
            return "concluded"  # "the summit held in Dar es Salaam"
    if (
        token.dep_ == "pobj"
        and token.head.lower_ in ("at", "during", "in")
        and (
            _occasion_verb(token).tag_ == "VBD"
            or (
                _occasion_verb(token).tag_ in ("VBZ", "VBP")
                and headline(token.sent)
                # not "... In Call With Trump Later Today", "... in call tonight"
                and not any(e.label_ in ("DATE", "TIME") for e in token.sent.ents)
                and not any(t.lower_ in ("again", "later", "tonight") for t in token.sent)
            )
        )
    ):
        return "concluded"  # "clashed with X at an emergency meeting", "warned Y in a call"
    framed = _framed_by(token) if token.dep_ == "pobj" else None
    if framed is not None and framed.tag_ == "VBD":
        return "concluded"  # "marked the day during the president's visit"
    if (
        token.dep_ == "pobj"
        and token.head.lower_ in ("at", "during", "in")
        and token.head.head.pos_ == "VERB"
    ):
        host = _occasion_verb(token)
        host_auxes = {c.lower_ for c in host.children if c.dep_ in ("aux", "auxpass")}
        # (an occasion told with no clause of its own: not "the talks, which resumed on
        # Wednesday", "the summit now under way")
        expected = (
            not (date and published and period(*date)[1].isoformat() < published)
            # (not "at a summit last week"; "later this month" is this month's)
            and _clause_to_come(host)
            and lemma_of(host.head) != "agree"
            and not is_definite(token)
            and not any(c.dep_ in ("relcl", "acl", "amod", "advmod") for c in token.children)
        )
        if "will" in host_auxes or ("to" in host_auxes and (_be_to(host) or expected)):
            # "is to be discussed at the summit", "will sign it at the summit", "are expected
            # to adopt it at a meeting" (not "agree to deepen ties at a summit": agreed there)
            return "planned"
    if _gathering_told_of(trigger):
        return None  # "announced his trip last month": the telling is done, not the trip
    if (
        token.dep_ == "pobj"
        and token.head.lower_ == "for"
        and token.head.head.pos_ == "VERB"
        and lemma_of(token.head.head) in TRAVEL_VERBS
        and _clause_to_come(token.head.head)
    ):
        return "planned"  # "will leave for China on Thursday for a summit": still to come
    verb = trigger.governor or (token if token.pos_ == "VERB" else token.head)
    lemma = lemma_of(verb)
    if (
        trigger.type == "CONSULT"
        and token.dep_ == "nsubj"
        and verb.tag_ in ("VBD", "VBN")
        and lemma in FAILING_VERBS
    ):
        return "concluded"  # "talks broke down on Wednesday", "the talks collapsed": over
    if (
        token.dep_ in ("nsubj", "nsubjpass")
        and trigger.governor is None
        and lemma not in STATUS_PREDICATES
    ):
        return None  # "the meeting will strengthen ties", "the meeting comes as ...": no word on it
    auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if (
        not auxes
        and verb.dep_ == "conj"
        and verb.tag_ == "VB"
        and verb.head.pos_ in ("VERB", "AUX")
    ):
        # "is scheduled to address the summit and hold talks": the verbs share "to" and "will"
        auxes = {c.lower_ for c in verb.head.children if c.dep_ in ("aux", "auxpass")}
    if invited_trip(verb) is not None or (trigger.kind == "visit" and invited_to_a_place(verb)):
        # "invited Kim to visit Moscow", "accepted an invitation to visit"; not one told for a
        # time now past ("accepted an invitation to visit Moscow in 2019"): whether it was made
        # is not told
        return None if date and published and date[0] < published else "planned"
    if (
        verb.dep_ == "xcomp"
        and lemma_of(verb.head) in DECIDING_VERBS
        and lemma_of(verb) not in ("continue", "keep")  # "vowed to continue talks": going on
    ):
        return "planned"  # "agreed on Thursday to open negotiations": still to come
    if token.dep_ in ("dobj", "pobj") and lemma == "follow":
        if token.head.dep_ == "agent":
            return None  # "received at the museum, followed by talks": they come after it
        return "concluded"  # "the meeting follows a phone call": the call came first
    if token.dep_ in ("nsubj", "nsubjpass") and any(
        c.dep_ == "xcomp" and lemma_of(c) == "continue" for c in verb.children
    ):
        return "ongoing"  # "the meeting is set to continue until Tuesday": it has begun
    # "said that talks would resume", "was confident the deal would be signed": reported or
    # believed, "would" is the future of then
    reported_future = "would" in auxes and verb.dep_ == "ccomp"
    if (
        "will" in auxes
        or reported_future
        or ("to" in auxes and (lemma in ("hold", "meet") or _be_to(verb)))
        or (lemma in PLANNED_CUES and token.dep_ in ("nsubjpass", "nsubj") and lemma != "agree")
        or _expected_now(verb, auxes)
    ):
        return "planned"
    if lemma in ONGOING_CUES and _awaits_another_act(verb, published):
        return "planned"  # "the dialogue, which resumes when X and Y meet on Monday": to come
    if lemma in ONGOING_CUES or verb.text.lower() in (
        "commence",
        "commences",
        "begins",
        "underway",
    ):
        if date and published and not recent(date, published, days=31):
            return None  # "dialogue started in 2018": whether it still goes on is not told
        return "ongoing"
    if auxes & MODALS:
        return None  # "decided that a conference would be held": not told to have been held
    if verb.tag_ in ("VBD", "VBN") and lemma in CONCLUDED_CUES | {"meet", "agree", "sign", "talk"}:
        return "concluded"
    if (
        token.dep_ == "nsubj"
        and verb.tag_ in ("VBZ", "VBP")
        and verb.dep_ == "ROOT"
        and lemma in CLOSING_VERBS
        and headline(token.sent)
        # not "talks end if Tehran refuses", "talks close in on a deal", "close the gap"
        and not any(c.dep_ in ("mark", "prt", "dobj") for c in verb.children)
        and not any(e.label_ in ("DATE", "TIME") for e in token.sent.ents)
    ):
        return "concluded"  # "Lausanne talks end with joint statement": a headline's present
    if verb is trigger.governor and verb.dep_ == "acl" and verb.tag_ == "VBN":
        return "concluded"  # "the deal reached by X and Y": done
    if (
        (token.pos_ == "VERB" or verb is trigger.governor)
        and not auxes & MODALS
        and (verb.tag_ == "VBD" or (verb.tag_ == "VBN" and auxes & PERFECT_AUXES))
    ):
        return "concluded"  # "met", "had a phone call", "has warned", "were called off": done
    if (
        _participle_of_the_moment(trigger, verb)
        and verb.head.tag_ == "VBD"
        and not {c.lower_ for c in verb.head.children if c.dep_ == "aux"} & MODALS
    ):
        return "concluded"  # "declared an end to the war, signing a declaration": done with it
    framed = measured(token)
    if framed.dep_ == "pobj" and framed.head.lower_ in ("after", "following"):
        return "concluded"  # "after (two days of) talks with X, Y said": they came first
    if token.dep_ == "pcomp" and token.tag_ == "VBG" and token.head.lower_ == "after":
        # "pledged on Tuesday to help ..., after hosting X": done first (not "said Turkey would
        # decide after meeting X": the deciding, and the meeting, still to come)
        for above in token.head.ancestors:
            if any(c.dep_ == "aux" and c.lower_ in MODALS for c in above.children):
                break
            if above.tag_ in ("VBD", "VBZ", "VBP", "MD"):
                if above.tag_ == "VBD" and not _clause_to_come(above):
                    return "concluded"
                break
    return None
