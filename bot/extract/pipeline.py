"""The spaCy pipeline: the configured model plus Briefbot's fixes for the small model's slips.

- `briefbot_line_breaks` (before the parser): a line break always ends a sentence, so a headline
  or byline never runs into the paragraph after it; a full stop followed by a lower-case word
  ("Kananaskis, Alta. for the summit") ends none.
- `briefbot_entity_fixes` (an `entity_ruler` after the NER, overwriting): outlets such as
  Caliber.Az and known officials' names (a lone "Trump" is a person, not an organisation).
- `briefbot_verbs_tagged_auxiliary` (after the lemmatizer): a full verb tagged as an auxiliary
  ("ministers gathered in Lima") is a verb, with its verb lemma.
- `briefbot_nouns_tagged_verb` (after it): a plural noun tagged as a verb in a subject's place
  ("that talks with the US will resume") is a noun, with its noun lemma.
- The tokenizer keeps outlet names written like domains ("Caliber.Az", "News.Az") whole.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from functools import lru_cache
from importlib import resources

import spacy
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.pipeline import EntityRuler
from spacy.tokenizer import Tokenizer  # type: ignore[import-not-found]  # compiled, no .pyi
from spacy.tokens import Doc, MorphAnalysis, Span, Token
from spacy.util import filter_spans

from bot.extract.model_check import check_model
from bot.names import FAMILY_NAME_FIRST, fold

_DOMAIN_NAME = re.compile(
    r"^[A-Z][A-Za-z0-9-]+\.(?:az|Az|AZ|ru|Ru|com|net|org|ua|Ua|ge|am|kz|uz|by|io|info|news|tv)$"
)


def doc_text(doc: Doc) -> str:
    """The Doc's text, built once: spaCy joins every token's text on each `doc.text`."""
    text = doc.user_data.get("briefbot_text")
    if text is None:
        text = doc.user_data["briefbot_text"] = doc.text
    return text


def load_data(name: str) -> dict:
    raw = resources.files("bot.extract").joinpath(f"data/{name}.json").read_text(encoding="utf-8")
    return json.loads(raw)


# English words written after a capitalised word and a hyphen ("Hamas-run", "New York-based"):
# the rest of a hyphenated given name is none of them ("Moon Jae-in", "Ban Ki-moon").
_HYPHENATED_WORDS = frozenset(
    "led run made held born wide like free era only long term based bound owned style level "
    "scale class type wise area sized size".split()
)


@Language.component("briefbot_hyphenated_names")
def hyphenated_names(doc: Doc) -> Doc:
    """A given name of two syllables joined by a hyphen is one word ("Moon Jae-in", "Tsai
    Ing-wen"): split, the parser reads "in" as a preposition and loses the person."""
    spans = []
    for t in doc[1:-2]:
        before, dash, rest = doc[t.i - 1], doc[t.i + 1], doc[t.i + 2]
        if (
            dash.text == "-"
            and not t.whitespace_
            and not dash.whitespace_
            and before.is_title
            and before.is_alpha
            and t.is_title
            and t.is_alpha
            and len(t) <= 6
            and rest.is_lower
            and rest.is_alpha
            and len(rest) <= 5
            and rest.text not in _HYPHENATED_WORDS
        ):
            spans.append(doc[t.i : t.i + 3])
    with doc.retokenize() as retokenizer:
        for span in spans:
            retokenizer.merge(span)
    return doc


_HYPHENATED_NAME = re.compile(r"^[A-Z][a-z]{1,5}-[a-z]{1,5}$")


@Language.component("briefbot_hyphenated_name_ends")
def hyphenated_name_ends(doc: Doc) -> Doc:
    """A person's name the tagger ended before its hyphenated given name ("Moon" of "Moon
    Jae-in") runs on to it, or, untagged, is one name with it ("Tsai Ing-wen")."""
    ents = list(doc.ents)
    changed = False
    for t in doc[1:]:
        if not _HYPHENATED_NAME.match(t.text) or t.ent_type_:
            continue
        before = doc[t.i - 1]
        covering = next((e for e in ents if e.end == t.i), None)
        if covering is not None and covering.label_ == "PERSON":
            ents = [e for e in ents if e is not covering]
            ents.append(Span(doc, covering.start, t.i + 1, label="PERSON"))
            changed = True
        elif covering is None and before.is_title and not before.ent_type_:
            ents.append(Span(doc, before.i, t.i + 1, label="PERSON"))
            changed = True
    if changed:
        doc.ents = filter_spans(ents)
    return doc


def quoted(token: Token, sent: Span) -> bool:
    """Inside an open quotation at the token: somebody's words, not the reporter's."""
    # The sentence's own text: Doc.text rebuilds the whole article on every call.
    before = sent.text[: token.idx - sent.start_char]
    opens = before.count("\u201c") + before.count('"')
    closes = before.count("\u201d")
    return (opens - closes) % 2 == 1 if '"' in before else opens > closes


def _closing_quote(token: Token) -> bool:
    """A quotation mark right after a sentence's full stop, ending the paragraph: it closes the
    sentence, it does not open the next one."""
    doc = token.doc
    return (
        token.i > 0
        and token.text in ('"', "\u201d")
        and not doc[token.i - 1].whitespace_
        and doc[token.i - 1].text in (".", "!", "?")
        and (
            "\n" in token.whitespace_ or (token.i + 1 < len(doc) and "\n" in doc[token.i + 1].text)
        )
    )


@Language.component("briefbot_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    for token in doc[:-1]:
        if _closing_quote(token):
            token.is_sent_start = False  # 'in a "constructive manner."' ends with its quote
            continue
        if (token.is_space and "\n" in token.text) or (
            "\n" in token.whitespace_ and token.i + 1 < len(doc)
        ):
            first = doc[token.i + 1]
            first.is_sent_start = True
            if (
                first.i + 1 < len(doc)
                and first.is_alpha
                and "\n" not in first.whitespace_
                and not doc[first.i + 1].is_space
            ):
                # a paragraph's first word opens its sentence, it is not one ("Canada | and
                # ASEAN ended their round": the parser cut after the preset start)
                doc[first.i + 1].is_sent_start = False
        elif (
            token.text.endswith(".")
            and token.whitespace_
            and doc[token.i + 1].is_lower
            and doc[token.i + 1].is_alpha
        ):
            # "Kananaskis, Alta. for the summit", "Sacramento, Calif. on Monday": an abbreviation's
            # full stop followed by a lower-case word ends no sentence
            doc[token.i + 1].is_sent_start = False
    return doc


# English auxiliaries are a closed class: any other word the tagger calls one is a verb.
AUXILIARIES = frozenset(
    "be am is are was were been being 's 're 'm ’s ’re ’m have has had having 've 'd ’ve ’d "
    "do does did done doing will would shall should can could may might must ought 'll ’ll wo "
    "ca sha need dare get gets got gotten getting".split()
)


class VerbsTaggedAuxiliary:
    """A full verb the small model tags as an auxiliary ("Andean foreign ministers gathered in
    Lima") is a verb again, with its verb lemma, so event triggers see it."""

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp

    def __call__(self, doc: Doc) -> Doc:
        for token in doc:
            if token.pos_ != "AUX" or token.lower_ in AUXILIARIES or not token.is_alpha:
                continue
            token.pos_ = "VERB"
            _relemmatize(self.nlp, token)
        return doc


def _relemmatize(nlp: Language, token: Token) -> None:
    """The token's lemma again by the pipeline's rule lemmatizer, after its tag was put right."""
    lemmatizer = nlp.get_pipe("lemmatizer") if "lemmatizer" in nlp.pipe_names else None
    rule_lemmatize = getattr(lemmatizer, "rule_lemmatize", None)
    if rule_lemmatize is not None:
        lemmas = rule_lemmatize(token)
        if lemmas:
            token.lemma_ = lemmas[0]


class PrefixedWords:
    """A word with a bound prefix, kept whole by the tokenizer ("co-chaired"), takes its word's
    lemma ("chair"): the rule lemmatizer does not know the hyphenated form and would cut it to
    "co-chaire", a lemma no trigger list holds."""

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp

    def __call__(self, doc: Doc) -> Doc:
        for token in doc:
            if not _PREFIXED_WORD.match(token.text):
                continue
            prefix, _, word = token.lower_.partition("-")
            base = Doc(doc.vocab, words=[word])[0]
            base.tag_, base.pos_, base.morph = token.tag_, token.pos_, token.morph
            _relemmatize(self.nlp, base)
            # the word's own lemma: "co-signed" signs, "co-chaired" chairs, as triggers know them
            token.lemma_ = base.lemma_ or word
        return doc


class NounsTaggedVerb:
    """A plural noun the small model tags as a verb where only a noun can stand ("that talks with
    the United States will resume": 'talks' as the clause's subject, with no subject of its own)
    is a noun again, with its noun lemma, so event triggers see it."""

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp

    def __call__(self, doc: Doc) -> Doc:
        for token in doc:
            if (
                token.tag_ != "VBZ"
                or token.dep_ not in ("csubj", "nsubj", "nsubjpass")
                or any(c.dep_ in ("nsubj", "nsubjpass", "dobj", "aux") for c in token.children)
                or not token.lower_.endswith("s")
            ):
                continue
            token.pos_ = "NOUN"
            token.tag_ = "NNS"
            # the verb's Number=Sing would read as a base form to the lemmatizer
            token.morph = MorphAnalysis(doc.vocab, {"Number": "Plur"})
            _relemmatize(self.nlp, token)
        return doc


@Language.factory("briefbot_nouns_tagged_verb")
def make_nouns_tagged_verb(nlp: Language, name: str) -> NounsTaggedVerb:
    return NounsTaggedVerb(nlp)


@Language.factory("briefbot_prefixed_words")
def make_prefixed_words(nlp: Language, name: str) -> PrefixedWords:
    return PrefixedWords(nlp)


@Language.factory("briefbot_verbs_tagged_auxiliary")
def make_verbs_tagged_auxiliary(nlp: Language, name: str) -> VerbsTaggedAuxiliary:
    return VerbsTaggedAuxiliary(nlp)


@lru_cache(maxsize=1)
def surname_particles() -> frozenset[str]:
    """Words a surname may open with ("van Klaveren", "al-Sharaa"): data/titles.json."""
    return frozenset(load_data("titles")["surname_particles"])


@lru_cache(maxsize=1)
def _known_names() -> tuple[list[str], list[str]]:
    """Known people's names: (names, surnames). A surname of several words ("Caid Essebsi" of
    "Beji Caid Essebsi") is a surname: a name written before it ("Hafedh Caid Essebsi") makes
    another person. Aliases of three letters or fewer are too ambiguous ("MBS", "Oli", "Evo"),
    unless they are the family name written first ("Xi" of Xi Jinping)."""
    several: list[str] = []
    single: list[str] = []
    for person in load_data("people")["people"]:
        for name in [person["name"], *person["aliases"]]:
            if len(name) > 3 or _a_short_family_name_first(name, person):
                surname = " " not in name or person["name"].endswith(" " + name)
                (single if surname else several).append(name)
    return several, single


def _a_short_family_name_first(alias: str, person: dict) -> bool:
    """A short alias that is the family name of a person whose country writes it first ("Xi"
    of Xi Jinping): how news names them alone. A short given name or nickname ("Evo", "Oli")
    is also someone else's, and initials ("MBS") are also other things'."""
    return (
        person.get("country") in FAMILY_NAME_FIRST
        and len(alias) >= 2
        and not alias.isupper()
        and person["name"].split()[0] == alias
    )


def _ruler_patterns() -> list[dict]:
    patterns: list[dict] = [
        {"label": "ORG", "pattern": outlet, "id": "media"}
        for outlet in load_data("media")["outlets"]
    ]
    several, _ = _known_names()
    patterns += [{"label": "PERSON", "pattern": name, "id": "person"} for name in several]
    # International organisations the small model misses or calls places ("BRICS" as a GPE).
    from bot.extract.organizations import (  # it reads data through this module
        all_movement_names,
        all_organization_names,
    )

    patterns += [
        {"label": "ORG", "pattern": name, "id": "organization"} for name in all_organization_names()
    ]
    # Movements and armed groups the small model calls people ("the Houthis").
    patterns += [
        {"label": "ORG", "pattern": name, "id": "movement"} for name in all_movement_names()
    ]
    return patterns


# Words before a place's name, never before a person's alone ("in Almagro", "near Cassis").
_PLACE_PREPOSITIONS = frozenset({"in", "at", "near", "from", "to", "of", "outside"})


class KnownSurnames:
    """A known surname standing alone is a person ("Trump" tagged ORG becomes PERSON), but never
    cuts a longer name: "Melania Trump" stays Melania Trump, not the Trump of our people list."""

    def __init__(self, nlp: Language) -> None:
        self.matcher = PhraseMatcher(nlp.vocab)
        self.matcher.add("SURNAME", list(_tokenizer(nlp).pipe(_known_names()[1])))

    def __call__(self, doc: Doc) -> Doc:
        ents = list(doc.ents)
        changed = False
        for _, start, end in self.matcher(doc):
            token = doc[start]
            if token.ent_type_ == "PERSON" or (
                start > 0 and doc[start - 1].is_title and doc[start - 1].pos_ == "PROPN"
            ):
                continue
            if (
                token.ent_type_ in ("GPE", "LOC", "FAC")
                and start > 0
                and (doc[start - 1].lower_ in _PLACE_PREPOSITIONS)
            ):
                continue  # "met regional leaders in Almagro": a town of an official's name
            covering = next((e for e in ents if e.start <= start < e.end), None)
            if covering is not None and (covering.start, covering.end) != (start, end):
                continue  # part of a longer name or body: "Trump Tower", "the Biden administration"
            ents = [e for e in ents if e is not covering] + [Span(doc, start, end, label="PERSON")]
            changed = True
        if changed:
            doc.ents = filter_spans(ents)
        return doc


@Language.factory("briefbot_known_surnames")
def make_known_surnames(nlp: Language, name: str) -> KnownSurnames:
    return KnownSurnames(nlp)


@Language.component("briefbot_names_run_on")
def names_run_on(doc: Doc) -> Doc:
    """One person's name of three or more words that the tagger cut in two ("Ali Mahaman" |
    "Lamine Zeine", "Samia Suluhu" | "Hassan"): two person names with nothing between them are
    one, unless either is a known person of its own (a headline's "Modi Putin talks")."""
    _, single = _known_names()
    known = set(single)
    ents = list(doc.ents)
    merged: list[Span] = []
    for ent in ents:
        last = merged[-1] if merged else None
        if (
            last is not None
            and last.label_ == ent.label_ == "PERSON"
            and last.end == ent.start
            and len(last) + len(ent) <= 5
            and not {last.ent_id_, ent.ent_id_} & {"person"}
            and last.text not in known
            and ent.text not in known
            and all(t.is_title and t.is_alpha for t in doc[last.start : ent.end])
        ):
            merged[-1] = Span(doc, last.start, ent.end, label="PERSON")
            continue
        merged.append(ent)
    if len(merged) != len(ents):
        doc.ents = merged
    return doc


@lru_cache(maxsize=1)
def _title_words() -> frozenset[str]:
    """Every word of a title in data/titles.json ("defense", "secretary", "general", "sheikh")."""
    data = load_data("titles")
    words = [*data["titles"], *data["title_only_words"], *data["honorifics"]]
    return frozenset(w.lower().rstrip(".") for title in words for w in title.split())


@Language.component("briefbot_first_names_left_out")
def first_names_left_out(doc: Doc) -> Doc:
    """ "Defense Secretary Gilberto Teodoro Jr." tagged as "Teodoro Jr.": an untagged capitalised
    word between a title and a person's name that is a known first name, and no word of a title
    ("Secretary General Jens Stoltenberg"), opens that name."""
    from bot.extract.countries import country_index  # both tables are read through here
    from bot.extract.gender import is_first_name

    title_words = _title_words()
    ents = list(doc.ents)
    taken = {i for ent in ents for i in range(ent.start, ent.end)}
    changed = False
    for n, ent in enumerate(ents):
        start = ent.start
        while (
            ent.label_ == "PERSON"
            and start > 0
            and start - 1 not in taken
            and doc[start - 1].pos_ == "PROPN"
            and doc[start - 1].is_title
            and doc[start - 1].is_alpha
            and is_first_name(doc[start - 1].text)
            and doc[start - 1].lower_ not in title_words
            and country_index().match(doc[start - 1].text) is None  # "of Armenia Ararat Mirzoyan"
            and start > 1
            and doc[start - 2].lower_ in title_words
            and ent.end - start < 5
        ):
            start -= 1
        if start != ent.start:
            ents[n] = Span(doc, start, ent.end, label="PERSON")
            changed = True
    if changed:
        doc.ents = ents
    return doc


def _addressed_someone(verb: Token) -> bool:
    """The reporting verb has a named addressee ("warned Biden that ...", "told Xi that ..."),
    so the call is the exchange between them; "Peskov said that ..., in a call" or "told
    reporters that ..., during a call" tells of a call between others."""
    return any(
        c.dep_ in ("dobj", "dative") and c.ent_type_ in ("PERSON", "GPE", "NORP", "ORG")
        for c in verb.children
    )


@Language.component("briefbot_trailing_occasions")
def trailing_occasions(doc: Doc) -> Doc:
    """ "X warned Y that the US would respond, in a call that lasted an hour": the parser hangs
    the phrase set off by a comma at the end of the reported clause on that clause's verb; the
    occasion is the one the warning was made in, so it goes to the verb that reports it."""
    from bot.extract.events.lexicon import load_lexicon  # the lexicon reads data through here

    nouns = load_lexicon()[0]
    for prep in doc:
        clause = prep.head
        before = prep.i - 1
        if before > 0 and doc[before].text in ('"', "\u201d"):
            before -= 1  # 'that "those who play with fire will perish by it," during a call'
        top = clause
        while top.dep_ == "conj" and top.head.i != top.i:
            top = top.head  # "warned that X and that Y, in a call": the first reported clause
        if (
            prep.dep_ != "prep"
            or prep.lower_ not in ("in", "during")
            or before < 0
            or doc[before].text != ","
            or top.dep_ != "ccomp"
            or top.head.pos_ not in ("VERB", "AUX")
            or any(c.i > prep.i for c in clause.children if c.dep_ != "punct")
            or not _addressed_someone(top.head)
        ):
            continue
        occasion = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if occasion is not None and any(
            option[0] == "CONSULT" for option in nouns.get(occasion.lemma_.lower(), [])
        ):
            prep.head = top.head
    return doc


@Language.component("briefbot_hyphenated_pairs_of_people")
def hyphenated_pairs_of_people(doc: Doc) -> Doc:
    """ "Friday's Xi-Trump call" tagged one person: two people, each named elsewhere in the
    article or known, so the call has both as sides (while "Jean-Noel" stays one given name).
    So too a headline's pair joined by a comma or "and" ("Kiir, Machar sign deal")."""
    _, single = _known_names()
    particles = surname_particles()
    # a name's first or last word ("Xi" of "Xi Jinping", "Trump" of "Donald Trump")
    named = {
        t.text
        for e in doc.ents
        if e.label_ == "PERSON" and len(e) > 1 and not any(t.text in ("-", "–") for t in e)
        for t in (e[0], e[-1])
    }
    named = {w for w in named | set(single) if w.isalpha() and w.lower() not in particles}
    ents: list[Span] = []
    for ent in doc.ents:
        first, dash, second = (ent[0], ent[1], ent[2]) if len(ent) == 3 else (None, None, None)
        if (
            # the tagger may call the pair a body or a building ("Mitsotakis and Rama")
            ent.label_ in ("PERSON", "ORG", "FAC")
            and first is not None
            and dash is not None
            and second is not None
            and (
                (dash.text in ("-", "–") and not first.whitespace_ and not dash.whitespace_)
                or dash.text in (",", "and")
            )
            and first.text in named
            and second.text in named
        ):
            ents += [
                Span(doc, first.i, first.i + 1, "PERSON"),
                Span(doc, second.i, second.i + 1, "PERSON"),
            ]
            continue
        ents.append(ent)
    if len(ents) != len(doc.ents):
        doc.ents = ents
    return doc


# Prepositions that may end a place's name the tagger ran on into the phrase after it.
_RUN_ON_PREPOSITIONS = frozenset({"at", "on", "in", "near", "during", "after", "before", "for"})


@Language.component("briefbot_countries_tagged_bodies")
def countries_tagged_bodies(doc: Doc) -> Doc:
    """ "a state visit to Paraguay" with Paraguay tagged a body: a country's own name (or an
    alias) tagged ORG and nothing more is the country; a body whose name holds one ("the Bank
    of England") is a longer entity and stays a body."""
    from bot.extract.countries import country_index  # both read data through this module
    from bot.extract.organizations import organization_name

    ents = list(doc.ents)
    changed = False
    for i, ent in enumerate(ents):
        if ent.label_ != "ORG" or ent.ent_id_:
            continue  # a body the ruler named (an outlet, an organisation) is what it said
        if (
            country_index().resolve(ent.text, hows=("name", "alias")) is not None
            and organization_name(ent.text) is None
        ):
            ents[i] = Span(doc, ent.start, ent.end, label="GPE")
            changed = True
    if changed:
        doc.ents = ents
    return doc


@Language.component("briefbot_places_named_by_settlement")
def places_named_by_settlement(doc: Doc) -> Doc:
    """ "in the Libyan district of Bani Walid" with Bani Walid tagged a person: a name that a
    settlement noun's "of" phrase gives is a place, whatever the tagger called it."""
    settlements = _settlement_nouns()
    people = _known_people_names()
    ents = list(doc.ents)
    changed = False
    for i, ent in enumerate(ents):
        of = ent.root.head
        if (
            ent.label_ in ("PERSON", "ORG")
            and not ent.ent_id_  # a person or body the ruler named is what it said
            and ent.root.dep_ == "pobj"
            and of.lower_ == "of"
            and of.head.lemma_.lower() in settlements
            and of.head.pos_ == "NOUN"
            and ent[0].is_title
            and fold(ent.text) not in people
            # "the home county of Deputy President X": whose, not which (a title before it)
            and not any(c.i < ent.start for c in ent.root.children if c.dep_ != "det")
            and not any(c.lower_ in SOMEONES_PLACE_WORDS for c in of.head.children)
        ):
            ents[i] = Span(doc, ent.start, ent.end, label="GPE")
            changed = True
    if changed:
        doc.ents = ents
    return doc


@lru_cache(maxsize=1)
def _settlement_nouns() -> frozenset[str]:
    return frozenset(load_data("participants")["settlement_nouns"])


@lru_cache(maxsize=1)
def _known_people_names() -> frozenset[str]:
    several, single = _known_names()
    return frozenset(fold(name) for name in [*several, *single])


# Words making a settlement someone's ("the home village of Nelson Mandela"): a person follows.
SOMEONES_PLACE_WORDS = frozenset({"home", "native", "ancestral", "birthplace", "hometown"})


@Language.component("briefbot_place_names_end")
def place_names_end(doc: Doc) -> Doc:
    """ "the Great Hall of the People at the end of a three-day visit" tagged as one building:
    a place's name ends before a lowercase preposition after which no word is capitalised."""

    def cut(ent: Span) -> int | None:
        if ent.label_ not in ("FAC", "ORG", "LOC", "GPE"):
            return None
        return next(
            (
                t.i
                for t in ent[1:]
                if t.lower_ in _RUN_ON_PREPOSITIONS
                and t.text.islower()
                and not any(w.is_title or w.is_upper for w in doc[t.i + 1 : ent.end])
            ),
            None,
        )

    return _entities_cut(doc, cut)


@Language.component("briefbot_venues_in_towns")
def venues_in_towns(doc: Doc) -> Doc:
    """ "the Great Hall of the People in Beijing" tagged as one building: a building's name ends
    before "in", "near" or "outside" and a town or capital the gazetteers know, which is a place
    of its own (the building is where in it)."""
    towns = _town_names()
    ents: list[Span] = []
    for ent in doc.ents:
        cut = None
        if ent.label_ == "FAC":
            cut = next(
                (
                    t.i
                    for t in ent[1:-1]
                    if t.lower_ in ("in", "near", "outside")
                    and fold(doc[t.i + 1 : ent.end].text).removeprefix("the ") in towns
                ),
                None,
            )
        if cut is None:
            ents.append(ent)
        else:
            ents += [Span(doc, ent.start, cut, label="FAC"), Span(doc, cut + 1, ent.end, "GPE")]
    if len(ents) != len(doc.ents):
        doc.ents = ents
    return doc


@lru_cache(maxsize=1)
def _town_names() -> frozenset[str]:
    """Towns and capitals by name, folded: the towns table's and the country gazetteer's."""
    names = set(load_data("towns")["towns"]) | set(load_data("countries")["capitals"])
    return frozenset(fold(n) for n in names)


# Units a span between two acts is counted in ("on Tuesday, days after ...", "a week before").
SPAN_UNITS = frozenset({"minute", "hour", "day", "week", "month", "year"})


@Language.component("briefbot_dates_end_at_a_span")
def dates_end_at_a_span(doc: Doc) -> Doc:
    """ "on Tuesday, days after Moscow accused Warsaw" tagged "Tuesday, days" as one date: the
    span after the comma counts from another act (the accusation came days before), so the date
    ends at the comma."""

    def cut(ent: Span) -> int | None:
        comma = next((t.i for t in ent[1:] if t.text == ","), None)
        if ent.label_ != "DATE" or comma is None:
            return None
        tail = list(doc[comma + 1 : ent.end])
        counted = all(t.like_num or t.lower_ in ("a", "an", "few", "several") for t in tail[:-1])
        return comma if tail and tail[-1].lemma_.lower() in SPAN_UNITS and counted else None

    return _entities_cut(doc, cut)


def _entities_cut(doc: Doc, cut: Callable[[Span], int | None]) -> Doc:
    """The doc with each entity ended where `cut` says (a token index inside it), if anywhere."""
    ents = [
        Span(doc, ent.start, end, label=ent.label_)
        if (end := cut(ent)) is not None and end > ent.start
        else ent
        for ent in doc.ents
    ]
    if any(a.end != b.end for a, b in zip(ents, doc.ents, strict=True)):
        doc.ents = ents
    return doc


def _tokenizer(nlp: Language) -> Tokenizer:
    """The pipeline's tokenizer, which must be spaCy's own: Briefbot uses its `pipe` and
    `token_match` (spaCy types `Language.tokenizer` as any callable from text to a Doc)."""
    tokenizer = nlp.tokenizer
    if not isinstance(tokenizer, Tokenizer):
        raise TypeError(f"the pipeline's tokenizer is a {type(tokenizer).__name__}, not spaCy's")
    return tokenizer


# "co-chaired", "re-elected": a bound prefix is part of its word. Split at the hyphen, the small
# model reads "co" as a noun and the verb as a clause of its own ("the conference co - chaired
# with X" loses the conference's co-chair).
_PREFIXED_WORD = re.compile(r"^(?:[Cc]o|[Rr]e)-[a-z]{3,}$")
# "test-fired missiles": a test, kept one word so the verb after the hyphen is no attack.
_TEST_WORD = re.compile(r"^[Tt]est-[a-z]{3,}$")


def _keep_domain_names(nlp: Language) -> None:
    tokenizer = _tokenizer(nlp)
    previous = tokenizer.token_match

    def token_match(text: str):
        return (
            _DOMAIN_NAME.match(text)
            or _PREFIXED_WORD.match(text)
            or _TEST_WORD.match(text)
            or (previous(text) if previous else None)
        )

    tokenizer.token_match = token_match


@lru_cache(maxsize=2)
def load_pipeline(model: str) -> Language:
    """Load the model once per process, checked (supply chain), with Briefbot's components added."""
    nlp = spacy.load(model)
    # Before our own components are added, so a missing parser is reported clearly, not by add_pipe.
    check_model(model, nlp.meta, nlp.pipe_names)
    _keep_domain_names(nlp)
    nlp.add_pipe("briefbot_hyphenated_names", first=True)
    nlp.add_pipe("briefbot_line_breaks", before="parser")
    if "lemmatizer" in nlp.pipe_names:
        nlp.add_pipe("briefbot_verbs_tagged_auxiliary", after="lemmatizer")
        nlp.add_pipe("briefbot_nouns_tagged_verb", after="briefbot_verbs_tagged_auxiliary")
        nlp.add_pipe("briefbot_prefixed_words", after="briefbot_nouns_tagged_verb")
    ruler = nlp.add_pipe(
        "entity_ruler", name="briefbot_entity_fixes", after="ner", config={"overwrite_ents": True}
    )
    if not isinstance(ruler, EntityRuler):  # add_pipe is typed as returning any component
        raise TypeError(f"'entity_ruler' made a {type(ruler).__name__}, not an EntityRuler")
    ruler.add_patterns(_ruler_patterns())
    nlp.add_pipe("briefbot_countries_tagged_bodies", after="briefbot_entity_fixes")
    nlp.add_pipe("briefbot_known_surnames", after="briefbot_countries_tagged_bodies")
    nlp.add_pipe("briefbot_names_run_on", after="briefbot_known_surnames")
    nlp.add_pipe("briefbot_first_names_left_out", after="briefbot_names_run_on")
    nlp.add_pipe("briefbot_hyphenated_pairs_of_people", after="briefbot_names_run_on")
    nlp.add_pipe("briefbot_hyphenated_name_ends", after="ner")
    nlp.add_pipe("briefbot_place_names_end", after="briefbot_hyphenated_name_ends")
    nlp.add_pipe("briefbot_places_named_by_settlement", after="briefbot_place_names_end")
    nlp.add_pipe("briefbot_dates_end_at_a_span", after="briefbot_places_named_by_settlement")
    nlp.add_pipe("briefbot_venues_in_towns", after="briefbot_dates_end_at_a_span")
    if "parser" in nlp.pipe_names and "lemmatizer" in nlp.pipe_names:
        nlp.add_pipe("briefbot_trailing_occasions", last=True)
    return nlp
