"""Entities in one article: canonical names, titles, countries, and every mention linked to one.

"Russian Foreign Minister Sergey Lavrov" ... "Lavrov" ... "he" ... "the minister" become one person
with the title Foreign Minister and the country Russia.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import spacy
from rapidfuzz import fuzz
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from bot.extract.countries import (
    Country,
    CountryMatch,
    ambiguous_short_names,
    combining_forms,
    country_index,
    loose_forms,
    quarter_words,
    settling_forms,
)
from bot.extract.dateline import Dateline, dateline_of, find_dateline
from bot.extract.gender import Gender, is_first_name, person_gender, pronoun_gender
from bot.extract.organizations import (
    movement_name,
    movement_names,
    organization_name,
    organization_names,
)
from bot.extract.pipeline import doc_text, load_data, surname_particles
from bot.extract.quotes import QuoteSpan, find_quotes
from bot.extract.towns import town_named
from bot.facts import Entity
from bot.names import FAMILY_NAME_FIRST, fold, name_key

_GENERATIONS = frozenset({"jr", "sr", "ii", "iii", "iv"})
PRONOUNS_PERSON = frozenset({"he", "she", "him", "her", "his"})
_BYLINE = re.compile(r"^\s*(?:By|Written by|Reporting by)\s+[A-Z]", re.IGNORECASE)
# A word made with a lower-case prefix ("post-Brexit", "pre-war", "anti-Western", "pro-Kremlin").
_A_PREFIXED_WORD = re.compile(r"^(?:post|pre|anti|pro|non|neo|pan|mid)-\S+$")
_STRIP_EDGES = re.compile(r"^(?:the|a|an)\s+|(?:'s|’s|')$", re.IGNORECASE)


@dataclass
class Cluster:
    """One entity in an article, with every mention (token indices) that refers to it."""

    kind: str
    name: str
    title: str | None = None
    country: Country | None = None
    aliases: set[str] = field(default_factory=set)
    tokens: set[int] = field(default_factory=set)
    code: str | None = None  # ISO code, for countries
    canonical: str | None = None  # the knowledge base's spelling, where the article's differs

    def to_entity(self) -> Entity:
        country = self.country
        return Entity(
            name=self.name,
            kind=self.kind,  # type: ignore[arg-type]
            title=self.title,
            country=country.name if country and self.kind != "country" else None,
            country_code=country.code if country else None,
            aliases=sorted(a for a in self.aliases if a != self.name),
            canonical=self.canonical,
        )


@dataclass(frozen=True)
class TitleInfo:
    title: str | None
    country: Country | None


@lru_cache(maxsize=1)
def _titles() -> tuple[list[str], dict[str, str], dict[str, list[str]]]:
    data = load_data("titles")
    return data["titles"], data["canonical"], data["nominal"]


@lru_cache(maxsize=1)
def _known_people() -> dict[str, dict]:
    known = {}
    for person in load_data("people")["people"]:
        for name in [person["name"], *person["aliases"]]:
            known[name_key(name)] = person
    return known


def a_known_persons_name(text: str) -> bool:
    """A name the knowledge base knows a person by ("Boric", "Gabriel Boric")."""
    return name_key(text) in _known_people()


@lru_cache(maxsize=1)
def _name_stoppers() -> frozenset[str]:
    """Words that may follow a name without being part of it ('Trump Administration')."""
    titles, _, _ = _titles()
    words = {w.lower() for t in titles for w in t.split()}
    return frozenset(
        words | {w.lower() for b in load_data("speakers")["bodies"] for w in b.split()}
    )


@lru_cache(maxsize=1)
def title_tails() -> frozenset[str]:
    """The last word of each title and its plural ("adviser", "presidents") and the honorifics:
    what is left of a title the tagger cut in two, at the front of a name."""
    titles, _, _ = _titles()
    tails = {t.split()[-1].lower().rstrip(".") for t in titles}
    return frozenset(tails | {t + "s" for t in tails} | {"mr", "ms", "mrs", "dr"})


@lru_cache(maxsize=1)
def _media() -> tuple[frozenset[str], frozenset[str]]:
    data = load_data("media")
    return frozenset(name_key(o) for o in data["outlets"]), frozenset(data["name_words"])


def media_outlet(name: str) -> bool:
    """A news outlet the knowledge base knows by this name ("BBC", "Reuters")."""
    return name_key(_STRIP_EDGES.sub("", name)) in _media()[0]


@lru_cache(maxsize=1)
def _outlet_descriptions() -> frozenset[str]:
    return frozenset(load_data("media")["descriptions"])


def _described_as_outlet(ent: Span) -> bool:
    """ "State broadcaster Al-Arabiya", "the daily El Sur", "the newspaper Kommersant": a name
    the article itself calls an outlet (the tagger may have called it a person)."""
    words = _outlet_descriptions()
    before = ent.doc[ent.start - 1] if ent.start > 0 else None
    root = ent.root
    return (before is not None and before.lemma_.lower() in words) or (
        root.dep_ in ("appos", "compound")
        and root.head.i < ent.start
        and root.head.lemma_.lower() in words
    )


_matchers: dict[int, PhraseMatcher] = {}


def _title_matcher(doc: Doc) -> PhraseMatcher:
    vocab_id = id(doc.vocab)
    if vocab_id not in _matchers:
        matcher = PhraseMatcher(doc.vocab, attr="LOWER")
        titles, _, _ = _titles()
        make_doc = spacy.blank("en").tokenizer  # the same English tokenizer rules as the model
        matcher.add("TITLE", [make_doc(t) for t in titles])
        matcher.add("TITLE", [make_doc(t + "s") for t in titles if not t.endswith(".")])
        _matchers[vocab_id] = matcher
    return _matchers[vocab_id]


def canonical_title(text: str) -> str:
    return _title_forms().get(text.lower(), text)


@lru_cache(maxsize=1)
def _title_forms() -> dict[str, str]:
    """Every title and its plural, lower-cased, to its canonical form (the first listed wins)."""
    titles, canonical, _ = _titles()
    forms: dict[str, str] = {}
    for title in titles:
        plural = title.lower()[:-1] + "ies" if title.lower().endswith("y") else title.lower() + "s"
        for form in (title.lower(), plural, title.lower() + "s"):
            forms.setdefault(form, canonical.get(title, title))
    return forms


@lru_cache(maxsize=1)
def _honorifics() -> tuple[frozenset[str], frozenset[str]]:
    """Honorifics written before a name, and every word of a title or honorific."""
    data = load_data("titles")
    honorifics = frozenset(h.lower() for h in data["honorifics"])
    words = {w.lower().rstrip(".") for t in data["titles"] for w in t.replace("-", " ").split()}
    words |= {w for h in honorifics for w in h.split()}
    words |= {w.lower() for w in data["title_only_words"]}
    return honorifics, frozenset(words) | title_tails()


def _honorific_words(tokens: list[Token]) -> int:
    """How many leading tokens form an honorific ("Datuk Seri Anwar Ibrahim": two)."""
    honorifics, _ = _honorifics()
    for n in range(min(3, len(tokens) - 1), 0, -1):
        if " ".join(t.text for t in tokens[:n]).lower() in honorifics:
            return n
    return 0


def only_title_words(ent: Span) -> bool:
    """A name made only of title and honorific words ("Secretary" cut from "General Secretary To
    Lam", "Sheikh", "Datuk Seri"): a cut-off title, nobody's name."""
    _, words = _honorifics()
    tokens = [t for t in ent if t.is_alpha]
    return bool(tokens) and all(t.lower_ in words for t in tokens)


# Gulf papers' abbreviated honorifics ("H H the Amir", "H.E. Sheikh X", "HRH Prince Y") and the
# ruler's title they go with.
_ABBREVIATED_HONORIFICS = frozenset({"h", "hh", "hrh", "he", "h.h.", "h.e.", "h.r.h."})


def _titled_group(text: str) -> bool:
    """A title in the plural ("Foreign Secretaries", "the Defence Ministers")."""
    words = text.lower().removeprefix("the ").strip()
    return words.endswith("s") and words in _title_forms()


def _an_abbreviated_title(ent: Span) -> bool:
    """A name the tagger made of an abbreviated honorific and title words only ("the Amir H H",
    His Highness): a title, nobody's name (not "US Treasury", whose words a title also has)."""
    _, words = _honorifics()
    tokens = [t.lower_ for t in ent if not t.is_punct]
    return any(t in _ABBREVIATED_HONORIFICS for t in tokens) and all(
        t in words or t in _ABBREVIATED_HONORIFICS or t in ("amir", "emir") for t in tokens
    )


def _title_words(tokens: list[Token], *, as_listed: bool = False) -> int:
    """How many leading tokens form a title written otherwise than listed ("NSA Ajit Doval",
    "Gen. X"), or with `as_listed` any title ("Field Marshal X"): a person's name is what
    follows it, while "King Abdulaziz University" stays a body's name."""
    for n in range(len(tokens) - 1, 0, -1):
        text = " ".join(t.text for t in tokens[:n])
        if canonical_title(text) != text or (as_listed and text.lower() in _title_forms()):
            return n
    return 0


def entity_at(token: Token) -> Span | None:
    """The named entity the token is part of, if any."""
    if not token.ent_type_:
        return None
    return next((e for e in token.doc.ents if e.start <= token.i < e.end), None)


def is_byline(sent: Span) -> bool:
    return len(sent) <= 8 and bool(_BYLINE.match(sent.text))


@lru_cache(maxsize=1)
def _verb_lemmas() -> frozenset[str]:
    """Speech and event verbs: in a headline they are capitalised and tagged as names."""
    words = set(_speech_lemmas())
    triggers = load_data("event_triggers")
    for table in triggers["types"].values():
        words.update(table["verbs"])
    words.update(triggers["frames"]["light_verbs"])  # "Kim Jong Un Holds Talks with ..."
    return frozenset(w for w in words if " " not in w)


# Verbs a headline puts right after the names of those who act ("Putin, Biden Hold First Call",
# "Modi And Macron Meet In Paris"), in their base form; none a name is made of ("Hugh Grant").
HEADLINE_VERBS = frozenset(
    {"hold", "meet", "talk", "discuss", "agree", "sign", "call", "visit", "say", "urge", "warn"}
)


def _verb_word(text: str) -> bool:
    """'Hails', 'Says', 'Meets', 'Urges': a verb's third-person form, capitalised."""
    word = text.lower()
    if not text[:1].isupper() or not word.endswith("s"):
        return False
    lemmas = _verb_lemmas()
    return word[:-1] in lemmas or (word.endswith("es") and word[:-2] in lemmas)


def _names_a_place(text: str) -> bool:
    """A capital, a city, a people ("Moldovan", "Sri Lankan") or a country in several words
    ("Burkina Faso", "St Kitts") tagged a person; a one-word country may be a person's name
    ("Chad", "Jordan")."""
    found = country_index().match(text)
    return found is not None and (
        found.how in ("capital", "city", "territory", "demonym")
        or (found.how in ("name", "alias") and " " in text.strip())
    )


def _country_lists_split(ents: Sequence[Span]) -> list[Span]:
    """ "Mali, Burkina Faso" tagged as one body in a headline: a list of countries is each of
    them."""
    out: list[Span] = []
    for ent in ents:
        parts: list[Span] = []
        start = ent.start
        for token in [*ent, None]:
            if token is None or token.text == "," or token.lower_ == "and":
                end = token.i if token is not None else ent.end
                if end > start:
                    parts.append(ent.doc[start:end])
                start = end + 1
        countries = [country_index().match(p.text) for p in parts]
        if len(parts) > 1 and all(c is not None and c.how in ("name", "alias") for c in countries):
            out += [Span(ent.doc, p.start, p.end, label="GPE") for p in parts]
        else:
            out.append(ent)
    return out


def _subject_beside_its_object(candidate: Token, pronoun: Token) -> bool:
    """ "His spokesman quoted him as saying": an object pronoun (not "himself") is never its
    own clause's subject."""
    if pronoun.dep_ not in ("dobj", "dative") or pronoun.lower_ not in ("him", "her", "them"):
        return False
    return any(
        c.dep_ in ("nsubj", "nsubjpass") and candidate in _named_by(c)
        for c in pronoun.head.children
    )


def _named_by(subject: Token) -> list[Token]:
    """The words naming the subject itself, not its possessor ("Zelensky's office quoted him":
    the office; "Putin's spokesman Dmitry Peskov": the spokesman and Peskov)."""
    owners = {t.i for c in subject.subtree if c.dep_ == "poss" for t in c.subtree}
    return [t for t in subject.subtree if t.i not in owners]


def _quoted_before(quotes: list[QuoteSpan], doc: Doc, i: int, pronoun: Token) -> bool:
    """Token `i` sits inside the quotation the pronoun attributes: one that closes right before
    it ('"...," he said'; not a crowd's chant told earlier in the sentence)."""
    text = doc_text(doc)
    at = doc[i].idx
    return any(
        q.inner_start <= at < q.inner_end
        and q.end <= pronoun.idx
        and not text[q.end : pronoun.idx].strip(" ,.!?;:\u2014-\n")
        for q in quotes
    )


def _the_quotations_speaker(quotes: list[QuoteSpan], candidate: Token, pronoun: Token) -> bool:
    """The candidate speaks the quotation the pronoun is in ('Trump said: "... that his meeting
    with Kim went well"'): a speaker says "my", so a "his" in his own words is someone else."""
    if candidate.sent.start != pronoun.sent.start:
        return False
    inside = [q for q in quotes if q.inner_start <= pronoun.idx < q.inner_end]
    if not inside or any(q.inner_start <= candidate.idx < q.inner_end for q in inside):
        return False
    text = doc_text(candidate.doc)
    if not any(_in_the_speakers_own_voice(text, q) for q in inside):
        return False  # 'said he hoped "his meeting with Putin" would happen': the reporter's
    subject = candidate
    while subject.dep_ in ("compound", "flat", "appos") and subject.head != subject:
        subject = subject.head
    return subject.dep_ == "nsubj" and subject.head.lemma_.lower() in _speech_lemmas()


_FIRST_PERSON = re.compile(r"\b(I|me|my|we|us|our)\b")


def _in_the_speakers_own_voice(text: str, quote: QuoteSpan) -> bool:
    """A quotation of whole speech, not a fragment worked into the reporter's sentence: set off
    by a colon ('said on Twitter: "..."') or speaking in the first person ("my", "we")."""
    before = text[: quote.start].rstrip()
    return before.endswith(":") or bool(
        _FIRST_PERSON.search(text[quote.inner_start : quote.inner_end])
    )


@lru_cache(maxsize=1)
def _speech_lemmas() -> frozenset[str]:
    speech = load_data("speech_verbs")
    return frozenset(
        w for value in speech.values() if isinstance(value, list) for w in value if " " not in w
    )


def _a_part_of_a_country(text: str) -> bool:
    """A quarter of a country tagged a person ("Northern Mali fell under the control of
    rebels"): a place, and no one whose surname is the country."""
    first, _, rest = text.strip().partition(" ")
    found = country_index().match(rest) if rest else None
    return first.lower() in quarter_words() and found is not None and found.how in ("name", "alias")


def _a_country_no_one_is_called(text: str, surnames: set[str]) -> bool:
    """A one-word country tagged a person ("like Niger or elsewhere") that is no first name
    ("Chad", "Jordan" are) nor the surname of a person the article names."""
    found = country_index().match(text)
    return (
        found is not None
        and found.how in ("name", "alias")
        and " " not in text.strip()
        and not is_first_name(text.strip())
        and text.strip() not in surnames
    )


def _title_country(title: Token) -> str | None:
    """The country a bare title names as its holder's: "the president of Tajikistan", "the
    Tajik president", "Tajikistan's president"."""
    words = [c for c in title.children if c.dep_ in ("amod", "compound", "poss") and c.i < title.i]
    words += [
        p
        for c in title.children
        if c.dep_ == "prep" and c.lower_ == "of"
        for p in c.children
        if p.dep_ == "pobj"
    ]
    for word in words:
        found = country_index().match(word.text)
        if found is not None and found.how in ("name", "alias", "demonym"):
            return found.country.code
    return None


def _spelled_otherwise(written: str, known: str) -> bool:
    """The same words in another spelling ("Abbas Araghchi", "Abbas Araqchi"), not a title
    added ("Ayatollah Ali Khamenei"), a name cut short or another name ("William Lai")."""
    ours, theirs = written.split(), known.split()  # "al-Sisi" is one word, as written
    return len(ours) == len(theirs) >= 2 and all(
        fuzz.ratio(fold(a), fold(b)) >= 75 for a, b in zip(ours, theirs, strict=True)
    )


def _a_middle_name(key: str, words: list[str]) -> bool:
    """`key` is a middle word of the name, not one after a particle ("Hamad" of "Tamim bin Hamad
    Al Thani" names his father)."""
    particles = surname_particles()
    return any(
        w == key and words[i - 1] not in particles for i, w in enumerate(words[1:-1], start=1)
    )


def _a_short_name_sibling(code: str, other: str | None) -> bool:
    """Two countries one short name may stand for ("Korea": the South and the North)."""
    return any(
        code in codes and other in codes and code != other
        for codes in ambiguous_short_names().values()
    )


# Last words of a place or body named after a titled person ("King Abdulaziz University").
_NAMED_AFTER_SOMEONE = frozenset(
    "university hospital airport port base bridge causeway mosque fund centre center foundation "
    "institute city stadium palace road street avenue hall library school college academy "
    "museum park square prize award".split()
)

# ... of which these are places rather than bodies
_PLACES_NAMED_AFTER_SOMEONE = frozenset(
    "airport port base bridge causeway mosque city stadium palace road street avenue hall park "
    "square".split()
)


def _a_thing_named_after(person: Span) -> Span | None:
    """A person's name that goes on, within three capitalised name words, to what a place or a
    body named after someone is ("Sheikh Zayed Grand Mosque", "King Salman Park", "King Hamad
    University Hospital"): the whole name, the place's or the body's. Within the name itself
    such a word is one only after a title of the name's own ("Sultan Qaboos University") or
    the full name of an official the knowledge base knows ("Levy Mwanawasa Stadium"), never
    "Kevin Hall"."""
    doc = person.doc
    words = list(person)
    own_title = (_title_words(words, as_listed=True) or _honorific_words(words)) > 0
    if own_title:
        first = person.start + 1
    else:
        starts = range(person.start + 2, person.end)
        first = next((k for k in starts if _a_known_name(doc[person.start : k])), person.end)
    for i in range(first, min(len(doc), person.end + 3)):
        word = doc[i]
        if not (word.is_title and word.is_alpha) or word.is_stop or word.ent_type_ == "DATE":
            return None  # "Lula At Great Hall", "Ruto Monday City Hall": no name goes on
        if word.lower_ in _NAMED_AFTER_SOMEONE:
            end = i + 1
            while end < len(doc) and doc[end].lower_ in _NAMED_AFTER_SOMEONE:
                end += 1  # "University Hospital"
            label = "FAC" if doc[end - 1].lower_ in _PLACES_NAMED_AFTER_SOMEONE else "ORG"
            return Span(doc, person.start, end, label=label)
    return None


def _a_known_name(span: Span) -> bool:
    return name_key(span.text) in _known_people()


# Occasions and texts a place names ("the Helsinki summit", "the Minsk talks", "the Al-Ula
# declaration").
_OCCASION_HEADS = frozenset(
    "summit talks meeting conference negotiations forum process format declaration accord "
    "agreement deal treaty pact".split()
)


# Nouns naming a document whose title may list what it is about.
_DOCUMENT_NOUNS = frozenset(
    "treaty agreement accord pact convention declaration charter memorandum".split()
)


def _in_a_deals_title(ent: Span) -> bool:
    """Words of a document's title ("the Treaty of Peace, Diplomatic Relations and Full
    Normalisation"): the name hangs on the document noun through "of" and its conjuncts."""
    node = ent.root
    for _ in range(4):
        while node.dep_ == "conj":
            node = node.head
        if node.dep_ != "pobj" or node.head.lower_ not in ("of", "on"):
            return False
        node = node.head.head
        if node.lemma_.lower() in _DOCUMENT_NOUNS:
            return True
        if not node.is_title:
            return False  # a title's words are capitalised: "the Accord on the Restoration of
            # Trust and Neighbourly Relations", not "an accord on the restoration of ..."
    return False


_QUOTES = frozenset({'"', "“", "”"})
# ("Save Our Seas Foundation", "Bring Back Our Girls" are names; a body's name never runs on
# through "its" or "their")
_POSSESSIVE_PRONOUNS = frozenset({"its", "their"})
# Small words a title leaves in lower case ("Arrangement on Return of Workers from X").
_TITLE_LINKS = frozenset("of on for from between and the in to with a an".split())


def _in_a_quoted_title(ent: Span) -> bool:
    """A name inside a document's quoted title ('signed the "Arrangement on Return of
    Workers from Bokeo State"'): words of the title, no one who signed it."""
    sent = ent.sent
    before = [t for t in sent if t.i < ent.start and t.text in _QUOTES]
    after = [t for t in sent if t.i >= ent.end and t.text in _QUOTES]
    if len(before) % 2 == 0 or not after:
        return False  # not between an opening and a closing quotation mark
    opening, closing = before[-1], after[0]
    words = ent.doc[opening.i + 1 : closing.i]
    if not len(words) or words[0].lemma_.lower() not in _DOCUMENT_NOUNS | {"arrangement"}:
        return False
    # a title reads like one: capitalised words, no verb ('"Agreement with X is ready to be
    # signed," Y said' is what was said, and X is named in it)
    return not any(t.pos_ in ("VERB", "AUX") for t in words) and all(
        t.is_title or (t.is_lower and t.lower_ in _TITLE_LINKS) or not t.is_alpha for t in words
    )


def _a_place_named_as_a_modifier(ent: Span, ents: Sequence[Span]) -> bool:
    """A name the tagger calls a person where it qualifies a noun ("attends Al Ula summit"),
    that it calls a place where it stands alone in the same article ("held in the Saudi
    governorate of Al Ula"): the place, as a name before "summit" or "talks" usually is."""
    if ent.root.dep_ != "compound" or ent.root.head.lemma_.lower() not in _OCCASION_HEADS:
        return False
    key = name_key(ent.text)
    return key not in _known_people() and any(
        e.label_ in ("GPE", "LOC") and name_key(e.text) == key for e in ents
    )


def _a_word_naming_a_thing(ent: Span) -> bool:
    """One word the tagger took for a name that qualifies a common noun ("the Covid
    pandemic")."""
    root = ent.root
    return (
        len(ent) == 1
        and root.dep_ == "compound"
        and root.head.pos_ == "NOUN"
        and root.head.text.islower()
        and root.head.i == root.i + 1
    )


def _a_reigning_one(ent: Span, key: str) -> dict | None:
    """The reigning monarch or pope a bare given name under their title names ("King Charles"
    is Charles III, "Pope Leo" Leo XIV): the one known person of that title whose name begins
    with it."""
    words = key.split()
    if len(words) != 1:
        return None
    sent = ent.sent
    after = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    if (after is not None and after.lower_ == "of") or any(
        t.like_num and len(t.text) == 4 for t in sent
    ):
        return None  # "King Abdullah of Saudi Arabia", "in 2014": another, or an earlier, one
    before = ent.doc[ent.start - 1].text if ent.start > 0 else ""
    title = next((t.text for t in ent if t.text in _REIGNING_TITLES), None)
    title = title or (before if before in _REIGNING_TITLES else None)
    if title is None:
        return None
    found = {
        person["name"]: person
        for person in _known_people().values()
        if person.get("title") == title and name_key(person["name"]).split()[0] == words[0]
    }
    return next(iter(found.values())) if len(found) == 1 else None


# Titles a reigning monarch or pope is named under by a given name alone.
_REIGNING_TITLES = frozenset({"King", "Queen", "Emir", "Sultan", "Pope"})


def _with_a_middle_name(key: str) -> dict | None:
    """The known person a three-word name is with its patronymic left out ("Vladimir
    Vladimirovich Putin" is Vladimir Putin). Other middle words make another person: "Park Myong
    Jin" is not "Park Jin", nor "Ali Reza Khamenei" Ali Khamenei."""
    words = key.split()
    if len(words) != 3 or not words[1].endswith(_PATRONYMIC_ENDINGS):
        return None
    return _known_people().get(f"{words[0]} {words[2]}")


# How Russian, Ukrainian and Belarusian patronymics end ("Vladimirovich", "Oleksandrovych").
_PATRONYMIC_ENDINGS = ("ovich", "evich", "ovych", "evych", "ovna", "evna", "ivna", "ichna")


# First words of countries' names that two countries may share the rest of ("South and North
# Korea").
COMPASS_WORDS = frozenset({"North", "South", "East", "West"})


class EntityIndex:
    """Entities of one Doc, and the lookups the statement and event extractors need."""

    def __init__(self, doc: Doc, published: str | None = None) -> None:
        self.doc = doc
        self.clusters: list[Cluster] = []
        self.by_token: dict[int, Cluster] = {}
        self._by_key: dict[str, Cluster] = {}
        self.title_spans: list[Span] = []
        self.byline_tokens: set[int] = set()
        self._genders: dict[int, Gender | None] = {}
        self._quote_spans: list[QuoteSpan] | None = None
        # (a line of a city and a day long before the publication heads a timeline's entry)
        self.dateline: Dateline | None = dateline_of(find_dateline(doc_text(doc)), published)
        self.dateline_tokens: set[int] = _dateline_tokens(doc, self.dateline)
        # the dateline's day is the filing's, not an event's: date rules read the doc alone
        doc.user_data["briefbot_dateline_tokens"] = frozenset(self.dateline_tokens)
        self._initials_of_things = _initials_of_things(doc)
        self._build()

    # --- building ------------------------------------------------------------------------------
    def _build(self) -> None:
        doc = self.doc
        for sent in doc.sents:
            if is_byline(sent):
                self.byline_tokens.update(range(sent.start, sent.end))
        self.title_spans = [doc[s:e] for _, s, e in _title_matcher(doc)(doc)]
        title_tokens = {i for span in self.title_spans for i in range(span.start, span.end)}
        # The tagger sometimes calls a capital a person ("a visit to Kiev"): the gazetteer knows
        # better.
        ents = _country_lists_split(
            self._past_the_dateline([_without_trailing_space(e) for e in doc.ents])
        )
        surnames = {
            e[-1].text
            for e in ents
            if e.label_ == "PERSON" and len(e) > 1 and not _a_part_of_a_country(e.text)
        }
        misread = {
            e.start
            for e in ents
            if e.label_ == "PERSON"
            and (
                _names_a_place(e.text)
                or _a_part_of_a_country(e.text)
                or _a_country_no_one_is_called(e.text, surnames)
                or _a_place_named_as_a_modifier(e, ents)
            )
        }
        outlets = {e.start for e in ents if e.label_ == "PERSON" and _described_as_outlet(e)}
        people = [
            e
            for e in ents
            if e.label_ == "PERSON"
            and e.start not in self.byline_tokens
            and e.start not in misread | outlets
            and not _in_a_quoted_title(e)  # a title's words ("... from Bokeo State")
        ]
        people, glued = self._glue_split_names(people)
        titled = self._untagged_titled_people(ents)
        people = [
            p for p in people if not any(t.start <= p.start and p.end <= t.end for t in titled)
        ]
        people += titled
        people += _a_body_listed_with_people(ents, people)
        people += _counterparts_tagged_bodies(ents)
        named_in_apposition = self._untagged_appositive_people(ents)
        people += named_in_apposition
        renamed = {e.start for e in named_in_apposition} | {e.start for e in titled}
        things = {p.start: thing for p in people if (thing := _a_thing_named_after(p)) is not None}
        for thing in things.values():
            self._add_non_person(thing, title_tokens)
        people = [p for p in people if p.start not in things]
        # Full names first, so a lone "Lavrov" anywhere links to "Sergey Lavrov".
        for ent in sorted(people, key=lambda e: -len(self._person_name(e).split())):
            self._add_person(ent)
        self._untagged_surnames(ents)
        paired = self._elliptic_country_pairs()
        for ent in ents:
            if any(i in paired for i in range(ent.start, ent.end)):
                continue  # "South and North Korea": both countries, registered already
            if ent.start in misread and ent.start not in self.byline_tokens:
                found = country_index().match(ent.text)
                label = "NORP" if found and found.how == "demonym" else "GPE"
                self._add_non_person(Span(doc, ent.start, ent.end, label=label), title_tokens)
                continue
            if ent.start in outlets and ent.start not in self.byline_tokens:
                self._add_non_person(Span(doc, ent.start, ent.end, label="ORG"), title_tokens)
                continue
            if ent.start in self.byline_tokens or ent.label_ == "PERSON" or ent.start in glued:
                continue
            if ent.start in renamed:
                continue  # a name the tagger called a body, read as the person it is
            if self._surname_mistagged(ent):
                continue
            if _A_PREFIXED_WORD.match(ent.text):
                continue  # "post-Brexit", "anti-Western", "pro-Russian": a modifier, no one
            if self._hyphenated_pair(ent, title_tokens) or self._pair_named_body(ent, title_tokens):
                continue  # "the Moscow-Kyiv talks" tagged as one body: Russia and Ukraine
            if ent.label_ == "ORG" and self._titled_person(ent):
                continue  # "National Security Advisor Ajit Doval" tagged as a body: him, titled
            if ent.label_ == "ORG" and self._country_and_person(ent, title_tokens):
                continue  # "President of Mongolia U. Khurelsukh": the country, then the man
            if ent.label_ in ("ORG", "FAC") and (
                ent.root.i in title_tokens
                or _country_and_title(ent, title_tokens)
                or _a_portfolio(ent)
            ):
                # "State" in "Secretary of State", "the US Consul General", "Indian External
                # Affairs" cut from a minister's title: roles, not bodies; the country in front
                # is still whose role it is ("Vietnamese Communist Party General Secretary")
                self._country_in_front(ent)
                continue
            if ent.label_ in ("GPE", "LOC", "NORP", "FAC", "ORG"):
                self._add_non_person(ent, title_tokens)
            if ent.label_ == "GPE":
                self._untagged_partner(ent, title_tokens)
        self._bracketed_acronyms()

    def _elliptic_country_pairs(self) -> set[int]:
        """ "South and North Korea", "North and South Sudan": two countries sharing the last word
        of their names, each registered as its country; the tokens so read."""
        doc, countries = self.doc, country_index()
        done: set[int] = set()
        for token in doc:
            if token.text not in COMPASS_WORDS or token.i + 3 >= len(doc):
                continue
            link, other = doc[token.i + 1], doc[token.i + 2]
            if link.lower_ != "and" or other.text not in COMPASS_WORDS or other.text == token.text:
                continue
            end = other.i + 1
            while end < len(doc) and doc[end].text[:1].isupper() and doc[end].is_alpha:
                end += 1
            shared = doc[other.i + 1 : end].text
            if not shared:
                continue
            first = countries.match(f"{token.text} {shared}")
            second = countries.match(f"{other.text} {shared}")
            if (
                not (first and second and {first.how, second.how} <= {"name", "alias"})
                or first.country.code == second.country.code
            ):
                continue
            self._country_cluster(first.country, doc[token.i : token.i + 1], alias=None)
            self._country_cluster(second.country, doc[other.i : end], alias=None)
            done.update(range(token.i, end))
        return done

    def _bracketed_acronyms(self) -> None:
        """ "the National Liberation Army [ELN]", "... (FARC)": the letters in brackets after a
        body's name are that body wherever they stand, tagged apart or not at all."""
        doc = self.doc
        for cluster in [c for c in self.clusters if c.kind == "organization"]:
            ends = [i + 1 for i in cluster.tokens if i + 1 not in cluster.tokens]
            for end in ends:
                letters = _bracketed_after(doc, end)
                if letters is None:
                    continue
                self._register(cluster, letters.text)
                for token in doc:
                    if token.text != letters.text:
                        continue
                    other = self.by_token.get(token.i)
                    if other is not None and other is not cluster:
                        if other.kind != "organization" or other.aliases - {letters.text}:
                            continue  # a name of something else that reads the same
                        if other in self.clusters:
                            self.clusters.remove(other)
                    self.by_token[token.i] = cluster
                    cluster.tokens.add(token.i)

    def _untagged_titled_people(self, ents: Sequence[Span]) -> list[Span]:
        """A name the tagger left untagged right after a title ("Prime Minister K.P. Sharma Oli",
        "President Ruto"): capitalised words or initials, and nothing an institution is called."""
        doc = self.doc
        tagged = {i for ent in ents for i in range(ent.start, ent.end)}
        found: list[Span] = []
        for title in self.title_spans:
            if not title[0].is_title or _headline_case(title.sent):
                continue  # "the president" is no title before a name; a headline capitalises all
            start = title.end
            while start < len(doc) and doc[start].lower_.rstrip(".") in _HONORIFICS:
                start += 1  # "Dr.", "Shri": not yet the name
            end = start
            while (
                end < len(doc)
                and end - start < 4
                and end not in tagged
                and doc[end].pos_ == "PROPN"
                and (
                    _INITIALS.fullmatch(doc[end].text) or (doc[end].is_title and doc[end].is_alpha)
                )
                and doc[end].lower_ not in _INSTITUTION_WORDS
                and country_index().match(doc[end].text) is None
            ):
                end += 1
            if end == start and (body := _a_name_tagged_a_body(ents, title)) is not None:
                found.append(Span(doc, body.start, body.end, label="PERSON"))
                continue  # "President Kersti Ilves", the tagger's body: the woman so titled
            if end == start or (end < len(doc) and doc[end].lower_ == "of"):
                continue  # no name, or a body's name ("Minister Council of ...")
            rest = next((e for e in ents if e.start == end and e.label_ == "PERSON"), None)
            if rest is not None:
                end = rest.end  # "Defense Ministers Hulusi Akar": the tagger took "Akar" alone
            elif _INITIALS.fullmatch(doc[end - 1].text):
                continue  # a name ends in a name, not an initial
            found.append(Span(doc, start, end, label="PERSON"))
        return found

    def _untagged_appositive_people(self, ents: Sequence[Span]) -> list[Span]:
        """A full name the tagger left untagged between commas after the role it holds ("The head
        of the ECOWAS Commission, Marcel Alain de Souza, said"): two to five capitalised words (a
        surname particle may sit among them), the first a known first name, nothing an
        institution or a country is called. The tagger sometimes calls such a name a body."""
        doc = self.doc
        tagged = {i for ent in ents if ent.label_ != "ORG" for i in range(ent.start, ent.end)}
        bodies = {(ent.start, ent.end) for ent in ents if ent.label_ == "ORG"}
        body_tokens = {i for start, end in bodies for i in range(start, end)}
        found: list[Span] = []
        for comma in doc:
            start = comma.i + 1
            if comma.text != "," or start >= len(doc) or not is_first_name(doc[start].text):
                continue
            end = start
            while end < len(doc) and end - start < 5 and end not in tagged:
                word = doc[end]
                named = word.pos_ == "PROPN" and word.is_title and word.is_alpha
                if not (named or (end > start and word.lower_ in surname_particles())):
                    break
                if word.lower_ in _INSTITUTION_WORDS or country_index().match(word.text):
                    break
                end += 1
            if (
                end - start >= 2
                and end < len(doc)
                and doc[end].text == ","
                and doc[end - 1].is_title
                and not _headline_case(doc[start].sent)
                and doc[start:end].root.dep_ == "appos"
                # a body's name only when it is all of it ("Marcel Alain de Souza", not the
                # start of the "Alain Juppe Foundation")
                # (three words or more: "Mercy Corps" is a body whatever its first word)
                and (start not in body_tokens or ((start, end) in bodies and end - start >= 3))
            ):
                found.append(Span(doc, start, end, label="PERSON"))
        return found

    def _untagged_surnames(self, ents: Sequence[Span]) -> None:
        """A lone capitalised word the tagger left untagged that is the last name of a person
        this article has named in full ("Oli" after "K.P. Sharma Oli")."""
        tagged = {i for ent in ents for i in range(ent.start, ent.end)} | set(self.by_token)
        surnames: dict[str, list[Cluster]] = {}
        for cluster in self.clusters:
            words = cluster.name.split()
            if cluster.kind == "person" and len(words) >= 2 and len(words[-1]) >= 3:
                surnames.setdefault(words[-1], []).append(cluster)
                # and the family name written first that the article calls them by elsewhere
                # ("Yoon" of "Yoon Suk Yeol", once tagged as him)
                if words[0] in cluster.aliases and len(words[0]) >= 3:
                    surnames.setdefault(words[0], []).append(cluster)
        for token in self.doc:
            person = _the_one_named_before(surnames.get(token.text, []), token)
            if person is not None and token.i not in tagged and token.pos_ == "PROPN":
                self._mention(person, self.doc[token.i : token.i + 1])

    def _past_the_dateline(self, ents: Sequence[Span]) -> list[Span]:
        """Names the tagger ran across the dateline ("SHARM EL-SHEIKH - Leaders") start after
        it; what is left of them is a name only if it is written as one."""
        out = []
        for ent in ents:
            inside = [t.i for t in ent if t.i in self.dateline_tokens]
            if not inside or len(inside) == len(ent):
                out.append(ent)
                continue
            rest = self.doc[max(inside) + 1 : ent.end]
            country = country_index().match(rest.text) if len(rest) else None
            if country is not None:  # "May 7 - Kenya" read as one date: Kenya
                out.append(Span(self.doc, rest.start, rest.end, label=_country_label(country)))
            elif any(t.pos_ == "PROPN" for t in rest) and ent.label_ not in _NUMERIC_LABELS:
                # a name ("SHARM EL-SHEIKH - Leaders of ..."), but no date's tail
                out.append(Span(self.doc, rest.start, rest.end, label=ent.label_))
        out += self._countries_after_the_dateline(out)
        return out + self._untagged_countries(out)

    def _untagged_countries(self, ents: Sequence[Span]) -> list[Span]:
        """A country's own name of one word the tagger left untagged anywhere ("Uzbekistan
        called for talks"), or a capital acting or acted on ("Kigali has accused Kampala"): the
        gazetteer knows it. Demonyms and other capitals are left to the tagger ("Georgian" may
        be a name, "Male" a word)."""
        tagged = {t.i for ent in ents for t in ent}
        found: list[Span] = []
        for token in self.doc:
            if token.i in tagged or token.pos_ != "PROPN" or not token.is_title:
                continue
            if token.i in self.byline_tokens or token.i in self.dateline_tokens:
                continue
            if any(
                t.pos_ == "PROPN"
                for t in token.doc[max(0, token.i - 1) : token.i + 2]
                if t != token
            ):
                continue  # part of another name: "Niger Delta", "Jordan Peterson"
            country = country_index().match(token.text)
            if country is not None and country.how == "name" and len(token.text) > 4:
                found.append(Span(self.doc, token.i, token.i + 1, label="GPE"))
            elif (
                country is not None
                and country.how == "capital"
                and (
                    (token.dep_ in ("nsubj", "nsubjpass", "dobj") and len(token.text) > 4)
                    # "In Kyiv, Macron is meeting ...": a capital something happens in
                    or (token.dep_ == "pobj" and token.head.lower_ in ("in", "to", "from"))
                )
            ):
                # "Kigali has accused Kampala": a capital acting or acted on is its government
                found.append(Span(self.doc, token.i, token.i + 1, label="GPE"))
        return found

    def _countries_after_the_dateline(self, ents: Sequence[Span]) -> list[Span]:
        """Countries opening the lead that the tagger, misled by the dateline's date ("DHAKA,
        Dec 9 - Bangladesh and India held talks"), left untagged."""
        if not self.dateline_tokens:
            return []
        tagged = {t.i for ent in ents for t in ent}
        found: list[Span] = []
        covered = -1
        for token in self.doc[max(self.dateline_tokens) + 1 :]:
            if token.pos_ in ("VERB", "AUX") or (token.is_sent_start and found):
                break
            if token.i in tagged or token.i <= covered or token.pos_ != "PROPN":
                continue
            # the longest name from here: "Democratic Republic of Congo", not its "Congo"
            for end in range(min(len(self.doc), token.i + 6), token.i, -1):
                if any(t.i in tagged for t in self.doc[token.i : end]):
                    continue
                country = country_index().match(self.doc[token.i : end].text)
                if country is not None and country.how in ("name", "alias", "demonym"):
                    label = _country_label(country)
                    found.append(Span(self.doc, token.i, end, label=label))
                    covered = end - 1
                    break
        return found

    def _hyphenated_pair(self, ent: Span, title_tokens: set[int]) -> bool:
        """A name joined by hyphens whose every part is a country or its capital ("Moscow-Kyiv",
        "Moscow-Washington"): each part is its own place, so the talks between them have two
        sides."""
        words = [t for t in ent if not (t.is_punct or t.lower_ == "the")]
        dashes = [t for t in ent if t.text in ("-", "–")]
        if len(words) < 2 or not dashes or len(dashes) != len(words) - 1:
            return False
        countries, forms = country_index(), combining_forms()
        # "the Franco-British summit": a combining form stands for its country before a hyphen
        formed = {t.i: countries.match(forms[t.lower_]) for t in words[:-1] if t.lower_ in forms}
        if not all(formed.get(t.i) or countries.match(t.text) for t in words):
            return False
        for word in words:
            span = Span(self.doc, word.i, word.i + 1, label="GPE")
            if (found := formed.get(word.i)) is not None:
                self._country_cluster(found.country, span, alias=None)
            else:
                self._add_non_person(span, title_tokens)
        return True

    def _pair_named_body(self, ent: Span, title_tokens: set[int]) -> bool:
        """ "the Fiji–Tonga Joint Commission" tagged "Fiji" and "Tonga Joint Commission": a body
        of the two countries, each of them a country, the cut-off name no body."""
        countries = country_index()
        if ent.label_ != "ORG" or len(ent) < 2 or ent.start < 2:
            return False
        dash, before = self.doc[ent.start - 1], self.doc[ent.start - 2]
        if (
            dash.text not in ("-", "–")
            or countries.match(before.text) is None
            or countries.match(ent[0].text) is None
        ):
            return False
        self._add_non_person(Span(self.doc, ent.start, ent.start + 1, label="GPE"), title_tokens)
        return True

    def _untagged_partner(self, ent: Span, title_tokens: set[int]) -> None:
        """ "Moscow-Washington talks" with only Moscow tagged: the country or capital across the
        hyphen is a place too."""
        doc = self.doc
        for dash, other in ((ent.end, ent.end + 1), (ent.start - 1, ent.start - 2)):
            if not (0 <= other < len(doc) and 0 <= dash < len(doc)) or doc[dash].text not in (
                "-",
                "–",
            ):
                continue
            word = doc[other]
            if (
                word.ent_iob_ == "O"
                and word.is_title
                and country_index().match(word.text) is not None
            ):
                self._add_non_person(Span(doc, word.i, word.i + 1, label="GPE"), title_tokens)

    def _glue_split_names(self, people: list[Span]) -> tuple[list[Span], set[int]]:
        """NER sometimes cuts a name in two ('Seyed Abbas' PERSON, 'Araqchi' GPE): one unknown
        capitalised word tagged as a place or body right after a person's name is the rest of it."""
        doc = self.doc
        glued: set[int] = set()
        out = []
        for ent in people:
            nxt = doc[ent.end] if ent.end < len(doc) else None
            if nxt is None or not (nxt.pos_ == "PROPN" and nxt.is_title and nxt.is_alpha):
                out.append(ent)
                continue
            tagged = nxt.ent_iob_ == "B" and nxt.ent_type_ in ("GPE", "LOC", "ORG", "FAC")
            # An untagged word glues only as part of the name ("Seyed Abbas Araqchi"), never as
            # a headline's verb ("Lavrov Hails Riyadh Talks": "Hails" heads the sentence).
            untagged = (
                nxt.ent_iob_ == "O"
                and nxt.lower_ not in _name_stoppers()
                and not _verb_word(nxt.text)
            )
            if (
                (tagged or untagged)
                and (nxt.i + 1 == len(doc) or doc[nxt.i + 1].ent_iob_ != "I")
                and country_index().match(nxt.text) is None
                and organization_name(nxt.text) is None
            ):
                glued.add(nxt.i)
                ent = doc[ent.start : ent.end + 1]
            out.append(ent)
        return out, glued

    def _surname_mistagged(self, ent: Span) -> bool:
        """A lone surname tagged as a place or body ('Araqchi said') when a person of that surname
        is named in the article: it is that person."""
        if (
            len(ent) != 1
            or ent.label_ not in ("GPE", "LOC", "ORG", "FAC", "NORP")
            or country_index().match(ent.text)
            # "Muslim leaders": a people's word before a noun, not a surname (but "Xi, Albanese
            # talks": paired with a person's name before it)
            or (
                ent.label_ == "NORP"
                and ent.root.dep_ in ("amod", "compound")
                and not _paired_with_a_person(ent)
            )
        ):
            return False
        key = name_key(ent.text)
        matches = [
            c
            for c in self.clusters
            if c.kind == "person" and name_key(c.name).split()[-1:] == [key]
        ]
        if (
            not matches
            and ent.label_ == "ORG"  # not a place's name a person also bears ("Aden", "Victoria")
            and ent.root.dep_ in ("nsubj", "nsubjpass", "poss")
            and (key not in surname_particles())
        ):
            # a family name written first, or the middle name a person goes by, as the subject
            # or owner ("Wang told reporters" after "Wang Yi", "Faki said" after "Moussa Faki
            # Mahamat"); a body's name is rarely a word of a person's
            matches = [
                c
                for c in self.clusters
                if c.kind == "person"
                and len(name_key(c.name).split()) >= 2
                and (
                    name_key(c.name).split()[0] == key
                    or (not is_first_name(key) and _a_middle_name(key, name_key(c.name).split()))
                )
            ]
        if len(matches) > 1 and ent.label_ != "ORG":
            return False  # "in Austin", a place, whichever of two Austins it might be
        person = _the_one_named_before(matches, ent.root)
        if person is None:
            return False
        self._mention(person, ent)
        return True

    def _titled_person(self, ent: Span) -> bool:
        """A body's name that is a title and a personal name: add the person, say so."""
        tokens = list(ent)
        words = _title_words(tokens, as_listed=True)
        rest = tokens[words:]
        if (
            words == 0
            or not 1 <= len(rest) <= 4
            or not all(t.is_title and t.is_alpha for t in rest)
            # "King Abdulaziz University", "Sultan Qaboos Port": a place named after someone
            or rest[-1].lower_ in _NAMED_AFTER_SOMEONE
        ):
            return False
        if len(rest) == 1 and not self._known_surname(rest[0].text):
            return False  # "Secretary of State Office": one word is a name only if it is someone's
        self._add_person(Span(self.doc, rest[0].i, rest[-1].i + 1, label="PERSON"))
        return True

    def _country_and_person(self, ent: Span, title_tokens: set[int]) -> bool:
        """A body's name that is a country and the name of someone the article names ("Mongolia
        U. Khurelsukh" cut from "President of Mongolia U. Khurelsukh"): both, each on its own."""
        tokens = [t for t in ent if t.lower_ != "the"]
        if len(tokens) < 2 or country_index().resolve(tokens[0].text, hows=("name",)) is None:
            return False
        rest = tokens[1:]
        if not 1 <= len(rest) <= 4 or not all(t.is_title or t.text.endswith(".") for t in rest):
            return False
        if not self._known_surname(rest[-1].text):
            return False
        self._add_non_person(
            Span(self.doc, tokens[0].i, tokens[0].i + 1, label="GPE"), title_tokens
        )
        self._add_person(Span(self.doc, rest[0].i, rest[-1].i + 1, label="PERSON"))
        return True

    def _known_surname(self, word: str) -> bool:
        """A surname of someone the article has named, or of an official the knowledge base
        knows."""
        key = name_key(word)
        named = any(
            c.kind == "person" and name_key(c.name).split()[-1:] == [key] for c in self.clusters
        )
        return named or key in _known_people()

    def _named_before(self, key: str, start: int) -> Cluster | None:
        """The one person named in full before token `start` whose surname, or family name
        written first, is `key`."""
        found = [
            c
            for c in self.clusters
            if c.kind == "person"
            and len(name_key(c.name).split()) >= 2
            and key in (name_key(c.name).split()[0], name_key(c.name).split()[-1])
            and c.tokens
            and min(c.tokens) < start
        ]
        return found[0] if len(found) == 1 else None

    def _person_name(self, ent: Span) -> str:
        tokens = [t for t in ent if not t.is_punct or t.text in ("-", ".")]
        if _headline_case(ent.sent):
            # "Putin, Biden Hold First Phone Call": a headline's verb in its base form ends the
            # name, with whatever the tagger took along after it
            cut = next(
                (k for k, t in enumerate(tokens) if k > 0 and t.lower_ in HEADLINE_VERBS), None
            )
            tokens = tokens[:cut] if cut is not None else tokens
        while len(tokens) > 1 and (_verb_word(tokens[-1].text) or tokens[-1].text in (".", "-")):
            tokens = tokens[
                :-1
            ]  # a headline's verb ("Lavrov Hails") or the full stop after the name
        # NER sometimes swallows a leading title ("President Putin", "National Security Advisor
        # Ajit Doval"); titles live elsewhere, the name is what follows them.
        while tokens:
            words = _title_words(tokens, as_listed=True)
            if (
                words == 0
                and len(tokens) > 2
                and tokens[0].is_upper
                and 2 <= len(tokens[0].text) <= 6
                and _title_words(tokens[1:], as_listed=True) > 0
            ):
                words = 1  # "BNP Chairperson Khaleda Zia": a body's initials before its title
            if words == 0 and len(tokens) > 1 and tokens[0].lower_.rstrip(".") in title_tails():
                words = 1  # "Ms X", "Adviser Waltz" cut from "National Security Adviser Waltz"
            words = words or _honorific_words(tokens)  # "Datuk Seri Anwar Ibrahim"
            if words == 0:
                break
            tokens = tokens[words:]
        # the words as written: "Jean-Noel", not "Jean - Noel"
        text = _joined(tokens) if tokens else ent.text
        return _STRIP_EDGES.sub("", text).strip() or ent.text

    def _add_person(self, ent: Span) -> None:
        if only_title_words(ent):
            return
        name = self._person_name(ent)
        if _MODEL_NAME.match(name):
            return  # "before F-16s opened fire" tagged a person: aircraft, no one named
        key = name_key(name)
        cluster = self._by_key.get(key)
        if cluster is not None and cluster.kind == "person" and name_key(cluster.name) == key:
            if (
                len(key.split()) == 1
                and not _name_goes_on_before(ent)
                and (named := self._named_before(key, ent.start))
            ):
                # a surname a headline wrote before two people of it were named ("Kim agrees
                # to ...", then "Kim Jong-un" and "spokesman Kim Eui-kyeom"): here, the one
                # named before this mention
                cluster = named
        if cluster is not None and cluster.kind != "person":
            self._mention(
                cluster, ent
            )  # "the Un" cut from "the UN": the body already named, not a man
            return
        if cluster is None and _a_word_naming_a_thing(ent) and key not in _known_people():
            return  # "since the Covid pandemic": a word qualifying a thing, no one named
        if organization_name(name) is not None:
            self._named_cluster(
                "organization", organization_name(name) or name, ent, country=None
            )  # the tagger's "Un" is the UN
            return
        if len(key.split()) >= 3 and key.split()[-1] in _BODY_HEADS:
            # "Tigray People's Liberation Front" tagged a person: a movement's name
            self._named_cluster("organization", name, ent, country=None)
            return
        if cluster is None and len(key.split()) >= 2 and key.split()[0] in surname_particles():
            # "van Klaveren", "de la Fuente": a surname of several words, the last words of a
            # name already given in full
            words = key.split()
            matches = [
                c
                for c in self.clusters
                if c.kind == "person"
                and len(name_key(c.name).split()) > len(words)
                and name_key(c.name).split()[-len(words) :] == words
            ]
            if len(matches) == 1:
                cluster = matches[0]
        words = name.split()
        if cluster is None and len(words) >= 2 and all(_INITIALS.fullmatch(w) for w in words[:-1]):
            # "U. Khurelsukh": initials and a surname, the one person of that surname named
            # whose given names (if the article gives them) start with those letters
            initials = [w[0].lower() for w in words[:-1]]
            matches = [
                c
                for c in self.clusters
                if c.kind == "person"
                and name_key(c.name).split()[-1:] == [name_key(words[-1])]
                and (
                    len(name_key(c.name).split()) == 1
                    or [g[0] for g in name_key(c.name).split()[:-1]][: len(initials)] == initials
                )
            ]
            if len(matches) == 1:
                cluster = matches[0]
        if cluster is None and len(name.split()) == 1:
            # A surname alone: the person already named in full in this article, if any.
            matches = [
                c
                for c in self.clusters
                if c.kind == "person" and name_key(c.name).split()[-1:] == [key]
            ]
            if not matches:
                # Or the family name of a name written family name first, already given in
                # full: "Bat" after "Bat Erdene", "Li" after "Li Wei".
                matches = [
                    c
                    for c in self.clusters
                    if c.kind == "person"
                    and name_key(c.name).split()[:1] == [key]
                    and len(name_key(c.name).split()) >= 2
                ]
            if not matches and key not in surname_particles() and not is_first_name(key):
                # Or the middle name a person goes by: "Bihi" after "Muse Bihi Abdi" (not a
                # second given name, "Raul" of "Jose Raul Mulino", nor a father's after "bin")
                matches = [
                    c
                    for c in self.clusters
                    if c.kind == "person" and _a_middle_name(key, name_key(c.name).split())
                ]
            if len(matches) > 1:
                # two people of one surname ("Kim Jong-un", later "spokesman Kim Eui-kyeom"):
                # the surname alone is the one named before it, if only one was
                matches = [c for c in matches if c.tokens and min(c.tokens) < ent.start]
            if len(matches) == 1:
                cluster = matches[0]
        if cluster is None and len(key.split()) >= 2:
            # The first words of a name already given in full: "Kim Yo" after "Kim Yo Jong".
            words = key.split()
            matches = [
                c
                for c in self.clusters
                if c.kind == "person"
                and len(name_key(c.name).split()) > len(words)
                and name_key(c.name).split()[: len(words)] == words
                and not set(name_key(c.name).split()[len(words) :]) & _GENERATIONS
            ]  # "Donald Trump Jr."
            if len(matches) == 1:
                cluster = matches[0]
        if cluster is None and len(key.split()) >= 2:
            cluster = self._named_in_full_before(key.split(), self.title_before(ent).title)
            known_short = _known_people().get(key)
            if cluster is not None and known_short and cluster.canonical is None:
                if name_key(cluster.name) not in _known_people():
                    # the knowledge base knows him by the shorter name: its title and country
                    cluster.canonical = known_short["name"]
        if cluster is None:
            cluster = self._spelled_otherwise(key)
        if cluster is None:
            # or written family name first ("Kishida Fumio" for "Fumio Kishida")
            turned = " ".join(reversed(key.split())) if len(key.split()) == 2 else None
            # "Lungu, a 42-year-old trader in Lusaka": someone of an official's name
            private = len(key.split()) == 1 and described_as_private(ent.root)
            known = None if private else _known_people().get(key)
            turned_known = (
                known is None
                and turned is not None
                and _known_people().get(turned, {}).get("country") in FAMILY_NAME_FIRST
            )
            if turned_known and turned is not None:
                known = _known_people()[turned]
            # "Vladimir Vladimirovich Putin"; "King Charles" is Charles III
            by_patronymic = None if known or private else _with_a_middle_name(key)
            by_title = None if known or by_patronymic else _a_reigning_one(ent, key)
            middled, royal = by_patronymic is not None, by_title is not None
            known = known or by_patronymic or by_title
            full = known["name"] if known else name
            cluster = self._by_key.get(name_key(full))
            if (
                cluster is None
                and known
                and name != full
                and (turned_known or middled or royal or _spelled_otherwise(name, full))
            ):
                # a full name as the article spells it ("Abbas Araghchi" for "Abbas Araqchi"):
                # named so, and known by the knowledge base's spelling too (not a name the
                # tagger cut short: "Tamim bin Hamad" is "Tamim bin Hamad Al Thani")
                cluster = Cluster(kind="person", name=name, canonical=full)
                self._register(cluster, name)
                self._register(cluster, full)
            if cluster is None:
                cluster = Cluster(kind="person", name=full)
                self._register(cluster, full)
        self._register(cluster, name)
        self._mention(cluster, ent)
        info = self.title_before(ent) if ent.start > 0 else TitleInfo(None, None)
        if info.title is None:
            info = self._title_in_apposition(ent)
        if info.title and not cluster.title:
            cluster.title = info.title
        if info.country and not cluster.country:
            cluster.country = info.country
        if not cluster.country and (country := _country_before(ent)) is not None:
            cluster.country = country

    def _named_in_full_before(self, words: list[str], title: str | None) -> Cluster | None:
        """ "Prime Minister Nawaz Sharif" after "Prime Minister Muhammad Nawaz Sharif": the last
        names of the one person already named with a given name more, under the same title. Not
        a parent whose name a child's carries ("Hamza Shehbaz Sharif", then "Prime Minister
        Shehbaz Sharif"; "Salman bin Hamad", then "King Hamad"): another title, or none told,
        or a father's name after "bin", is somebody else."""
        matches = [
            c
            for c in self.clusters
            if c.kind == "person"
            and len(name_key(c.name).split()) > len(words)
            and name_key(c.name).split()[-len(words) :] == words
            and name_key(c.name).split()[-len(words) - 1] not in _FILIATION_WORDS
        ]
        if len(matches) != 1 or title is None or matches[0].title is None:
            return None
        same = canonical_title(title) == canonical_title(matches[0].title)
        return matches[0] if same else None

    def _spelled_otherwise(self, key: str) -> Cluster | None:
        """The person already named in this article under another transliteration: "Zelenskyi"
        is "Zelensky", "Volodymyr Zelenskyi" is "Volodymyr Zelensky", "Araqchi" is "Araghchi".
        Only one such person, the same first letters and a near-identical surname of some length."""
        words = key.split()
        if not words or len(words[-1]) < 5:
            return None
        found = []
        for cluster in self.clusters:
            if cluster.kind != "person":
                continue
            theirs = name_key(cluster.name).split()
            if not theirs or (len(words) > 1 and words[:-1] != theirs[:-1]):
                continue  # no name, or a given name of its own: another person
            surname = theirs[-1]
            if (
                surname[:2] == words[-1][:2]
                and surname != words[-1]
                and fuzz.ratio(surname, words[-1]) >= 85
            ):
                found.append(cluster)
        return found[0] if len(found) == 1 else None

    def _add_non_person(self, ent: Span, title_tokens: set[int]) -> None:
        countries = country_index()
        if ent.label_ in ("GPE", "LOC", "NORP") and ent.start > 0:
            # "the DR Congo": a word the tagger left out that makes another country's name
            before = self.doc[ent.start - 1]
            longer = countries.match(f"{before.text} {ent.text}")
            named = longer is not None and longer.how in ("name", "alias")
            if named and before.is_alpha and before.pos_ != "DET":
                ent = Span(self.doc, ent.start - 1, ent.end, label=ent.label_)
        if ent.label_ == "FAC" and len(ent) > 1 and ent[-1].pos_ == "ADP":
            # "the Great Hall of the People on | Saturday": the tagger ran into the date phrase
            ent = Span(self.doc, ent.start, ent.end - 1, label=ent.label_)
        text = _STRIP_EDGES.sub("", ent.text.strip()).strip()
        if "(" in text and ")" not in text:
            # "Sudan People's Liberation Movement (SPLM": the tagger ran into the bracketed
            # initials; the name ends before them
            text = text[: text.index("(")].strip()
        if not text or _a_prefixed_people(text):
            return
        if ent.label_ == "ORG" and _titled_group(text):
            return  # "The Foreign Secretaries of the two countries": people by title, no body
        if ent.label_ in ("ORG", "NORP") and _an_abbreviated_title(ent):
            return  # "the Amir H H" (His Highness) tagged a body: a title, nobody's name
        if ent.label_ == "ORG" and ent[-1].lower_ == "of" and ent.end < len(self.doc):
            # NER cut 'the Ministry of Foreign Affairs of | Norway': the body's name goes on.
            nxt = self.doc[ent.end]
            if nxt.ent_type_ == "GPE" and nxt.ent_iob_ == "B":
                end = ent.end + 1
                while end < len(self.doc) and self.doc[end].ent_iob_ == "I":
                    end += 1
                text = f"{text} {self.doc[ent.end : end].text}"
        found = countries.match(text)
        outlets, media_words = _media()
        if ent.label_ == "NORP" or (
            ent.label_ in ("GPE", "LOC", "ORG")
            and found
            and found.how == "demonym"
            and len(ent) == 1
        ):
            # "Ukrainian officials" (a demonym the tagger may call a place too): their country;
            # a country's own name the tagger calls a people ("Togo") is that country
            if found and found.how == "demonym":
                self._country_cluster(found.country, ent, alias=None)
            elif found and found.how in ("name", "alias"):
                self._country_cluster(found.country, ent, alias=text)
            return
        if organization_name(text) is not None and (namesake := _national_namesake(ent)):
            # "Russia's Security Council", "Iran's Supreme National Security Council": the
            # country's own council, not the UN's, whose short name it shares
            self._named_cluster("organization", namesake[0], ent, country=namesake[1])
            return
        if organization_name(text) is not None and not (found and found.how in ("name", "alias")):
            self._named_cluster("organization", text, ent, country=None)  # "BRICS" tagged a place
            return
        if found and found.how in ("name", "alias") and ent.label_ in ("GPE", "LOC", "ORG"):
            self._country_cluster(found.country, ent, alias=text)
            return
        if (
            found
            and found.how in ("capital", "city", "territory")
            and ent.label_ in ("GPE", "LOC", "FAC", "ORG")
        ):
            # a dateline's capitals ("DHAKA") name the city as it is written elsewhere
            name = text.title() if text.isupper() and len(text) > 3 else text
            self._named_cluster("place", name, ent, country=found.country)
            return
        if ent.label_ in ("GPE", "LOC"):
            self._named_cluster("place", text, ent, country=None)
            return
        if ent.label_ == "FAC" and not (found and found.how == "institution"):
            self._named_cluster("place", text, ent, country=None)
            return
        words = text.split()
        if len(words) == 1 and words[0].lower() in _INSTITUTION_WORDS:
            return  # "the Commission", "Parliament" alone: whose is not said, so no entity
        if len(words) == 1 and words[0].lower() in _document_initials():
            return  # "signed an MOU": a document, not a body
        if len(words) == 1 and words[0] in self._initials_of_things:
            return  # "the Grand Andean Water Dam (GAWD)": a thing talked of, not a body
        if ent.label_ == "ORG" and len(words) == 1 and words[0].lower() in _event_nouns():
            return  # "Ceasefire talks between ...", capitalised at a sentence's start: an act
        if ent.label_ == "ORG" and _names_a_deal(text):
            return  # "NAFTA", "the Juba Agreement": a deal, not a body
        if ent.label_ == "ORG" and any(t.lower_ in _POSSESSIVE_PRONOUNS for t in ent[1:]):
            return  # a title-case headline's clause ("Chile Border Plan Draws Its Critics"): no
            # name goes on through "its" or "their"
        if _in_a_quoted_title(ent) and country_index().resolve(text) is None:
            return  # 'the "Arrangement on Return ... from Bokeo State"': the title's words
        if ent.label_ == "ORG" and ent.root.lower_ in _relation_nouns() and _in_a_deals_title(ent):
            return  # "Treaty of Peace, Diplomatic Relations and ...": what a deal is about
        if _MODEL_NAME.match(text):
            return  # "the Su-24 bomber", "F-16s": an aircraft or missile model, no side
        is_media = (
            name_key(text) in outlets
            or "." in text
            or any(w in media_words for w in words)
            or _described_as_outlet(ent)
        )
        country = found.country if found else self._leading_country(ent) or _trailing_country(text)
        if (
            found
            and found.how == "institution"
            and (filed := self._filed_from()) is not None
            and countries.shared_institution(text, filed.code)
            and self._leading_country(ent) is None
            and _country_possessive(ent) is None
        ):
            country = filed  # "ISLAMABAD - The Foreign Office said": Pakistan's
        owner = None if is_media or country else _country_possessive(ent)
        if owner is not None:
            # "Russia's Foreign Ministry": the body with its country, so that another country's
            # "Foreign Ministry" is never the same one; "the Foreign Ministry" later is it too
            name = title_cased(f"{owner[0]} {text}")
            self._named_cluster("organization", name, ent, country=owner[1])
            return
        self._named_cluster("media" if is_media else "organization", text, ent, country=country)

    def _filed_from(self) -> Country | None:
        """The country of the dateline's town, where the article has one the gazetteer knows."""
        code = self.dateline.country_code if self.dateline is not None else None
        return country_index().by_code(code) if code else None

    def _country_in_front(self, ent: Span) -> None:
        """The country word opening a role's name stands for that country."""
        tokens = [t for t in ent if t.lower_ != "the"]
        if tokens and (country := country_index().resolve(tokens[0].text)) is not None:
            self._country_cluster(country, self.doc[tokens[0].i : tokens[0].i + 1], alias=None)

    def _leading_country(self, ent: Span) -> Country | None:
        """'US State Department', 'Russian Foreign Ministry': the country named in front."""
        countries = country_index()
        for token in ent:
            if token.lower_ in ("the",):
                continue
            return countries.resolve(token.text)
        return None

    def country(self, code: str) -> Cluster | None:
        """The article's one entity for the country `code`, added if the article has none yet
        (events read capitals and delegations as their country)."""
        key = "country:" + code
        cluster = self._by_key.get(key)
        if cluster is None:
            country = country_index().by_code(code)
            if country is None:
                return None
            cluster = Cluster(kind="country", name=country.name, country=country, code=code)
            self._by_key[key] = cluster
            self.clusters.append(cluster)
            cluster.aliases.add(country.name)
        return cluster

    def _country_cluster(self, country: Country, ent: Span, alias: str | None) -> Cluster:
        cluster = self.country(country.code)
        assert cluster is not None  # a Country always has a code the index knows
        if alias:
            cluster.aliases.add(alias)
        self._mention(cluster, ent)
        return cluster

    def _named_cluster(self, kind: str, text: str, ent: Span, country: Country | None) -> Cluster:
        if kind == "organization" and (movement := movement_name(text)) is not None:
            # "Huthi" in one outlet, "Houthis" in another: one side
            return self._body_of_many_names(
                text, ent, country, movement_name, movement_names(movement)
            )
        if kind == "organization" and (canonical := organization_name(text)) is not None:
            # "Group of Seven" and "G7" are one body
            return self._body_of_many_names(
                text, ent, country, organization_name, organization_names(canonical)
            )
        key = name_key(text)
        cluster = self._by_key.get(key)
        if cluster is None:
            cluster = Cluster(kind=kind, name=text, country=country)
            self._register(cluster, text)
        self._mention(cluster, ent)
        return cluster

    def _body_of_many_names(
        self,
        text: str,
        ent: Span,
        country: Country | None,
        canonical_of: Callable[[str], str | None],
        names: tuple[str, ...],
    ) -> Cluster:
        """A body or movement named as the article first names it, known by every name in
        `names` (so other articles' mentions link to it too)."""
        canonical = canonical_of(text)
        cluster = next((c for c in self.clusters if canonical_of(c.name) == canonical), None)
        if cluster is None:
            cluster = Cluster(kind="organization", name=text, country=country)
        for name in names:
            self._register(cluster, name)
        self._register(cluster, text)
        self._mention(cluster, ent)
        return cluster

    def _register(self, cluster: Cluster, name: str) -> None:
        if cluster not in self.clusters:
            self.clusters.append(cluster)
        self._by_key[name_key(name)] = cluster
        cluster.aliases.add(name)

    def _mention(self, cluster: Cluster, ent: Span) -> None:
        for i in range(ent.start, ent.end):
            self.by_token[i] = cluster
            cluster.tokens.add(i)

    # --- titles --------------------------------------------------------------------------------
    def title_before(self, ent: Span) -> TitleInfo:
        """The title and country written in front of a name ('Russian Foreign Minister X')."""
        sent_start = ent.sent.start
        window_start = max(sent_start, ent.start - 8)
        best: Span | None = None
        for span in self.title_spans:
            if window_start <= span.start and span.end <= ent.start:
                if _a_plural_title_of_one(span, ent):
                    continue  # "after Dutch bar ministers, Erdogan cries": not a Dutch minister
                gap = self.doc[span.end : ent.start]
                if (
                    all(
                        t.pos_ in ("PROPN", "NOUN", "ADJ", "CCONJ")
                        or t.text in ("-", ",")
                        or _of_country(t, gap)
                        for t in gap
                    )
                    and len(gap) <= 4
                ):
                    if (
                        best is None
                        or span.end > best.end
                        or (span.end == best.end and span.start < best.start)
                    ):
                        best = span
        if best is not None and canonical_title(best.text) in _ranks():
            # "junta spokesman Colonel X": the role written before the rank is the title
            best = next((s for s in self.title_spans if s.end == best.start), best)
        if best is None:
            # "Presidents Vladimir Putin and Donald Trump": the title of the first conjunct.
            head = ent.root
            if head.dep_ == "conj" and head.head.i in self.by_token:
                first = self.by_token[head.head.i]
                for span in self.title_spans:
                    if (
                        span.end <= head.head.i
                        and head.head.i - span.end <= 2
                        and span.text.lower().endswith("s")
                    ):
                        return TitleInfo(canonical_title(span.text), None)
                _ = first
            return TitleInfo(None, None)
        country = None
        countries = country_index()
        gap = self.doc[best.end : ent.start]
        if gap and gap[0].lower_ == "of":  # "President of Uzbekistan Shavkat Mirziyoyev"
            country = countries.resolve(gap[1:].text.removeprefix("the ").strip())
            if country is not None:
                return TitleInfo(canonical_title(best.text), country)
        for token in reversed(list(self.doc[window_start : best.start])):
            # "North Korean", "Papua New Guinea": the longest country name ending here
            found = _country_ending_at(self.doc, token.i, window_start)
            if found:
                # "Norway-EU Trade Minister": a pair of countries names the portfolio, not
                # whose minister (unknown is better than the wrong one)
                country = None if _in_country_pair(token) else found
                break
            if token.pos_ not in ("PROPN", "ADJ", "NOUN", "PUNCT", "PART") or token.text in (
                ",",
                ";",
                ":",
            ):
                break  # "... the Organization of American States, Foreign Minister X": not hers
        return TitleInfo(canonical_title(best.text), country)

    def _title_in_apposition(self, ent: Span) -> TitleInfo:
        """'Sergey Lavrov, Russia's foreign minister,' and 'X, the foreign minister of Russia'."""
        for child in ent.root.children:
            if child.dep_ != "appos":
                continue
            phrase = self.doc[child.left_edge.i : child.right_edge.i + 1]
            for span in self.title_spans:
                if phrase.start <= span.start and span.end <= phrase.end:
                    if span.end < phrase.end and self.doc[span.end].pos_ == "PROPN":
                        # "X and Indian Adviser Doval": the title of the name it stands before
                        continue
                    country = None
                    for token in phrase:
                        found = country_index().resolve(token.text)
                        if found:
                            country = found
                            break
                    return TitleInfo(canonical_title(span.text), country)
        return TitleInfo(None, None)

    def finish(self) -> None:
        """Fill titles and countries the article did not give from the knowledge base."""
        self._names_told_before_in_full()
        self._settle_short_names()
        self._fullest_body_names()
        countries = country_index()
        for cluster in self.clusters:
            if cluster.kind != "person":
                continue
            known = _known_people().get(name_key(cluster.canonical or cluster.name))
            if not known or (
                cluster.title is None
                and any(described_as_private(self.doc[i]) for i in cluster.tokens)
            ):
                continue  # "Philip Davis, a Texas rancher": not the official of that name (but
                # "Sen. Marco Rubio, a Florida Republican" is the senator)
            if cluster.country is None and known.get("country"):
                cluster.country = countries.by_code(known["country"])
            elif cluster.country is not None and _a_short_name_sibling(
                cluster.country.code, known.get("country")
            ):
                # "general secretary of the Workers' Party of Korea" is the North's Kim
                cluster.country = countries.by_code(known["country"]) or cluster.country
            if (
                cluster.title is None
                and known.get("title")
                and not known["title"].startswith("Former")
            ):
                cluster.title = known["title"]

    def _names_told_before_in_full(self) -> None:
        """ "Modi meets Nawaz" in a headline, then "Prime Minister Nawaz Sharif": one word of a
        name, told before the one person of that name is named in full, is that person (also
        where the tagger took the headline's name for a body)."""
        shorts = [
            c
            for c in self.clusters
            if c.tokens
            and (
                c.kind == "person"
                # a headline's name the tagger took for a body ("meets Nawaz")
                or (
                    c.kind == "organization"
                    and c.name.istitle()
                    and organization_name(c.name) is None
                    and country_index().match(c.name) is None
                    # a name standing as someone, not qualifying a noun ("Al-Assad forces")
                    and all(self._stands_alone(i, c.tokens) for i in c.tokens)
                )
            )
        ]
        for short in shorts:
            words = name_key(short.name).split()
            body = short.kind == "organization"
            if short.title or short.country or short.canonical:
                continue
            if len(words) != 1 and not (body and len(words) == 2 and words[0] in ("al", "el")):
                continue
            fuller = [
                c
                for c in self.clusters
                if c is not short
                and c.kind == "person"
                and c.tokens
                and len(name_key(c.name).split()) > len(words)
                and words
                in (name_key(c.name).split()[: len(words)], name_key(c.name).split()[-len(words) :])
            ]
            # a person's own mention comes first; a name the tagger took for a body may come
            # anywhere ("Al-Abadi declared victory", after "Haider al-Abadi")
            if len(fuller) != 1 or (not body and min(fuller[0].tokens) < min(short.tokens)):
                continue
            whole = fuller[0]
            for i in short.tokens:
                self.by_token[i] = whole
            whole.tokens |= short.tokens
            self.clusters.remove(short)
            self._register(whole, short.name)  # the name now finds the person, not the body

    def _stands_alone(self, i: int, name: set[int]) -> bool:
        """A word of the name whose head lies outside it is a subject, an object or a
        possessor ("Al-Abadi declared", "Al-Abadi's coalition"), not a modifier of another noun
        ("Al-Assad forces")."""
        token = self.doc[i]
        if token.head.i in name or token.is_punct:
            return True
        return token.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "ROOT", "appos", "conj", "poss")

    def _fullest_body_names(self) -> None:
        """An international body is named by the fullest name the article writes for it
        ("Economic Community of West African States", where a headline said "ECOWAS")."""
        for cluster in self.clusters:
            canonical = organization_name(cluster.name) if cluster.kind == "organization" else None
            known = {name_key(n) for n in organization_names(canonical)} if canonical else set()
            if name_key(cluster.name) not in known or any(
                self.doc[i].text.endswith("+")
                or (i + 1 < len(self.doc) and self.doc[i + 1].text == "+")
                for i in cluster.tokens
            ):
                continue  # "OPEC+" is a grouping of its own, though the gazetteer reads it OPEC
            written = {
                _STRIP_EDGES.sub("", e.text).removeprefix("the ").removeprefix("The ")
                for e in self.doc.ents
                if any(i in cluster.tokens for i in range(e.start, e.end))
            }
            names = [
                _without_group_word(w, canonical)
                for w in written
                if organization_name(w) == canonical
            ]
            fullest = max(names, key=len, default=cluster.name)
            bare = _without_group_word(cluster.name, canonical)
            if bare != cluster.name:
                cluster.aliases.add(cluster.name)
                cluster.name = bare
            if len(fullest) > len(cluster.name):
                cluster.aliases.add(cluster.name)
                cluster.name = fullest

    def _settle_short_names(self) -> None:
        """ "DR Congo and Rwanda ... the foreign ministers of Congo and Rwanda": a short name two
        countries share is the one the article names unambiguously, when it names only one."""
        for short, codes in ambiguous_short_names().items():
            named = {code: self._by_key.get("country:" + code) for code in codes}
            clusters = {code: c for code, c in named.items() if c is not None}
            if len(clusters) == 1:
                # "Congo's President Felix Tshisekedi": a known person of one of them names it
                self._settle_by_people(short, codes, *next(iter(clusters.items())))
                code, cluster = next(iter(clusters.items()))
                if self._by_key.get("country:" + code) is cluster:  # not settled by its people
                    self._settle_by_places(short, codes, code, cluster)
            if len(clusters) != 2:
                continue
            only_short = [
                code
                for code, c in clusters.items()
                if c.tokens and all(fold(self.doc[i].text) in loose_forms(short) for i in c.tokens)
            ]
            if len(only_short) != 1:
                continue
            loose, firm = only_short[0], next(c for c in clusters if c != only_short[0])
            if self._shown_as(loose) or not self._written_in_a_settling_form(short):
                continue  # "President Yoon ... North Korea ... Korean firms": the South's own
            self._merge_country(clusters[loose], clusters[firm])

    def _written_in_a_settling_form(self, short: str) -> bool:
        forms = settling_forms().get(short)
        if not forms:
            return True
        text = doc_text(self.doc)
        return any(re.search(rf"(?<!\w){re.escape(form)}(?!\w)", text) for form in forms)

    def _shown_as(self, code: str) -> bool:
        """Whether the article shows a country as present by more than its short name: its
        capital named, or a person of it ("Korean firms" in an article on Seoul's president are
        South Korea's, though it names the North)."""
        for c in self.clusters:
            if c.kind != "person":
                continue
            known = _known_people().get(name_key(c.canonical or c.name)) or {}
            if (known.get("country") or (c.country.code if c.country else None)) == code:
                return True
        for ent in self.doc.ents:
            found = country_index().match(ent.text)
            if found and found.how == "capital" and found.country.code == code:
                return True
        return False

    def _settle_by_people(
        self, short: str, codes: tuple[str, ...], code: str, named: Cluster
    ) -> None:
        """The short name alone, read as the country of the known person it qualifies
        ("Congo's President Felix Tshisekedi"), unless the article names the other's capital."""
        if not named.tokens or not all(
            fold(self.doc[i].text) in loose_forms(short) for i in named.tokens
        ):
            return  # named unambiguously ("Republic of the Congo"): it is that one
        theirs: set[str] = set()
        for i in named.tokens:  # "Congo's President Felix Tshisekedi": the person it qualifies
            head = self.doc[i].head
            for _ in range(3):
                person = self.by_token.get(head.i)
                if person is not None and person.kind == "person":
                    known = _known_people().get(name_key(person.name))
                    if known and known.get("country") in codes:
                        theirs.add(str(known["country"]))
                    break
                head = head.head
        if len(theirs) != 1 or code in theirs:
            return
        if code in self._places_of(codes)[1]:
            return  # "in Brazzaville": the article places itself in the other
        self._settle_as(named, code, theirs.pop())

    def _settle_by_places(
        self, short: str, codes: tuple[str, ...], code: str, named: Cluster
    ) -> None:
        """The short name alone, read as the other of its countries when everything else the
        article names points there and nothing to the one it reads as: the town it is filed
        from, a capital, towns, known people ("BRAZZAVILLE - Congo signed ..."; not "clashes
        near Goma ... ministers meeting in Brazzaville")."""
        if not named.tokens or not all(
            fold(self.doc[i].text) in loose_forms(short) for i in named.tokens
        ):
            return
        if not self._written_in_a_settling_form(short):
            return  # "his Korean counterpart ... Pyongyang's envoy": still the South
        filed = town_named(self.dateline.place) if self.dateline is not None else None
        towns, capitals = self._places_of(codes)
        theirs = towns | capitals | self._people_of(codes)
        if filed is not None and filed.country_code in codes:
            theirs.add(filed.country_code)
        if len(theirs) == 1 and code not in theirs:
            self._settle_as(named, code, theirs.pop())

    def _people_of(self, codes: tuple[str, ...]) -> set[str]:
        """Which of `codes` the article names a known person of (Tshisekedi: DR Congo)."""
        found: set[str] = set()
        for cluster in self.clusters:
            if cluster.kind == "person":
                known = _known_people().get(name_key(cluster.canonical or cluster.name)) or {}
                if known.get("country") in codes:
                    found.add(str(known["country"]))
        return found

    def _places_of(self, codes: tuple[str, ...]) -> tuple[set[str], set[str]]:
        """Which of `codes` the article names a known town of, and a capital of."""
        towns: set[str] = set()
        capitals: set[str] = set()
        for ent in self.doc.ents:
            if ent.label_ not in ("GPE", "LOC", "FAC"):
                continue
            match = country_index().match(ent.text)
            if match is not None:
                if match.how == "capital" and match.country.code in codes:
                    capitals.add(match.country.code)
                continue
            town = town_named(_STRIP_EDGES.sub("", ent.text))
            if town is not None and town.country_code in codes:
                towns.add(town.country_code)
        return towns, capitals

    def _settle_as(self, named: Cluster, code: str, firm_code: str) -> None:
        firm = country_index().by_code(firm_code)
        if firm is None:
            return
        for cluster in self.clusters:
            if (
                cluster is not named
                and cluster.country is not None
                and cluster.country.code == code
            ):
                cluster.country = firm
        named.name, named.code, named.country = firm.name, firm.code, firm
        self._by_key["country:" + firm.code] = named

    def settled(self, country: Country) -> Country:
        """The country a mention names once the article's short names are settled (a "Congo"
        the article shows to be DR Congo is DR Congo)."""
        cluster = self._by_key.get("country:" + country.code)
        return cluster.country if cluster is not None and cluster.country is not None else country

    def _merge_country(self, loose: Cluster, firm: Cluster) -> None:
        for i in loose.tokens:
            self.by_token[i] = firm
        firm.tokens |= loose.tokens
        self._by_key["country:" + (loose.code or "")] = firm
        self.clusters.remove(loose)
        for cluster in self.clusters:
            if cluster.country is not None and cluster.country.code == loose.code:
                cluster.country = firm.country

    # --- lookups -------------------------------------------------------------------------------
    def beside_the_dateline(self, token: Token) -> list[Token]:
        """The phrases the parser hung off a dateline word it took for the lead's subject
        ("NAIROBI, May 7 - Kenya and Uganda agreed": 'Kenya' a conjunct of 'May'): their heads,
        in order. A token outside the dateline is its own phrase."""
        if token.i not in self.dateline_tokens:
            return [token]
        heads: list[Token] = []
        stack = [token]
        while stack:
            node = stack.pop()
            for child in node.children:
                if child.i in self.dateline_tokens:
                    stack.append(child)
                elif child.dep_ in ("appos", "conj") and child.i > token.i:
                    heads.append(child)
        return sorted(heads, key=lambda t: t.i)

    def cluster_of(self, token: Token) -> Cluster | None:
        return self.by_token.get(token.i)

    def resolve(self, token: Token) -> Cluster | None:
        """The entity a subject token refers to: a name, a pronoun, or 'the minister'."""
        cluster = self.by_token.get(token.i)
        if cluster is not None:
            return cluster
        # A noun phrase whose compound or flat parts are the name ("Lavrov" under "Minister").
        for child in token.children:
            if child.dep_ in ("compound", "appos", "flat") and child.i in self.by_token:
                found = self.by_token[child.i]
                if found.kind in ("person", "organization", "media"):
                    return found
        if token.lower_ in PRONOUNS_PERSON:
            return self.previous_person(token)
        _, _, nominal = _titles()
        if token.lower_ in nominal:
            whose = _title_country(token)
            # "The Russian president" is the Russian holder of the title named before, not the
            # last president named
            holder = self.previous_person(token, titles=nominal[token.lower_], country=whose)
            if holder is not None and whose is not None and holder.country is not None:
                # "The president of Tajikistan ... rebuked Putin": not the president named
                # before, who is Russia's
                return holder if holder.country.code == whose else None
            return holder
        return None

    def previous_person(
        self,
        token: Token,
        titles: list[str] | None = None,
        depth: int = 0,
        country: str | None = None,
    ) -> Cluster | None:
        """The person a pronoun or a bare title refers to: in the last sentence before `token`
        that names a person, the subject of its main clause ("Aboul Gheit told reporters that
        Assad could attend. But he stressed ..." is Aboul Gheit), or the person its own "he" or
        "she" stands for ("She said Pakistan had informed Tehran that Ambassador X may not
        return. ..., she said" is whoever the first "she" was), else a subject, else the nearest
        mention."""
        doc = self.doc
        sents = [s for s in doc.sents if s.start <= token.i]
        for sent in reversed(sents[-12:]):
            end = min(sent.end, token.i)
            people = [
                (i, cluster)
                for i in range(end - 1, sent.start - 1, -1)
                if (cluster := self._person_mentioned(i, token, titles)) is not None
                and cluster.kind == "person"
                and self._may_be_called(cluster, token)
                # '"... Rakhine state ...," he said': a name inside the quotation is not its
                # speaker
                and not _quoted_before(self._quotes(), doc, i, token)
                and not _the_quotations_speaker(self._quotes(), doc[i], token)
                and not _subject_beside_its_object(doc[i], token)
                and not (
                    titles
                    and not (
                        cluster.title and any(t.lower() in cluster.title.lower() for t in titles)
                    )
                )
                and (country is None or cluster.country is None or cluster.country.code == country)
            ]
            # only a main clause's "he" or "she" is read through the sentence before's main
            # subject: a pronoun inside a clause ("She said he would visit Rome") is someone else
            leading = token.dep_ in ("nsubj", "nsubjpass") and token.head.i == token.sent.root.i
            main = self._main_subject(sent, end) if leading else None
            if (
                main is not None
                and main.i != token.i
                and main.lower_ in PRONOUNS_PERSON
                and _same_gender(main.lower_, token.lower_)
                and depth < 3
                and not titles
            ):
                found = self.previous_person(main, depth=depth + 1)
                if found is not None:
                    return found
            if not people:
                continue
            for i, cluster in people:
                if main is not None and (i == main.i or (main.i in cluster.tokens)):
                    return cluster
            for i, cluster in people:
                candidate = doc[i]
                if candidate.dep_ in ("nsubj", "nsubjpass") or (
                    candidate.head.dep_ in ("nsubj", "nsubjpass")
                    and candidate.head.i in cluster.tokens
                ):
                    return cluster
            return people[0][1]
        return None

    def _person_mentioned(self, i: int, pronoun: Token, titles: list[str] | None) -> Cluster | None:
        """The person a token names: their name, or, in the pronoun's own sentence, a title
        the article's one holder answers to ("The Russian president's welcome in Pyongyang,
        where he was met by Kim": the president, not Kim)."""
        cluster = self.by_token.get(i)
        if cluster is not None or titles or pronoun.lower_ not in PRONOUNS_PERSON:
            return cluster
        token = self.doc[i]
        if token.sent.start != pronoun.sent.start or token.pos_ != "NOUN":
            return None
        if token.lower_ not in _titles()[2] or _title_country(token) is None:
            return None  # "the president" alone may be anyone's; "the Russian president" is one
        if token.dep_ != "poss" or not any(a.i == token.head.i for a in pronoun.ancestors):
            # only a clause inside the phrase the title owns ("the president's welcome, where he
            # was met"), not the sentence's own subject ("Despite the Russian president's
            # absence, he met ...")
            return None
        return self.resolve(token)

    def _quotes(self) -> list[QuoteSpan]:
        """The article's quotations, found once."""
        if self._quote_spans is None:
            self._quote_spans = find_quotes(doc_text(self.doc))
        return self._quote_spans

    def _may_be_called(self, cluster: Cluster, pronoun: Token) -> bool:
        """Whether a person may be the one a pronoun names: not "she" for a man the article
        shows as one ("Sergey Lavrov", "Mr Lammy"), nor "he" for a woman."""
        wanted = pronoun_gender(pronoun.text)
        if wanted is None:
            return True
        key = id(cluster)
        if key not in self._genders:
            self._genders[key] = person_gender(
                self.doc, cluster.name, cluster.title, cluster.tokens
            )
        known = self._genders[key]
        return known is None or known == wanted

    def _main_subject(self, sent: Span, end: int) -> Token | None:
        """The subject of a sentence's main clause, when it comes before `end`."""
        root = sent.root
        subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None and self._a_name_cut_from_its_verb(root):
            subject = root
        return subject if subject is not None and subject.i < end else None

    def _a_name_cut_from_its_verb(self, root: Token) -> bool:
        """A person's name the parser made the sentence's root, the verb it lost set off by a
        comma after the relative clause the person is the subject of ("Reinmets, who faces a
        challenge from Y in the vote, called the remarks crazy"): the subject of the sentence.
        Not a name an object clause tells of ("X, whom Y sacked in June"), a caption with no
        verb of its own ("X in Oslo with Y", "X, flanked by Y"), nor one of a list."""
        cluster = self.by_token.get(root.i)
        if cluster is None or cluster.kind != "person":
            return False
        if any(c.dep_ == "conj" for c in root.children):
            return False
        clause = next((c for c in root.children if c.dep_ == "relcl"), None)
        if clause is None or not any(
            c.dep_ == "nsubj" and c.lower_ in ("who", "that") for c in clause.children
        ):
            return False
        # the lost verb, set off by the comma that closes the clause: hung on the name or on a
        # word inside the clause ("... in next week's election, called"), never on the one the
        # clause tells of ("who met Peru's Jeri, elected in October, in Lima": Jeri's)
        return any(
            t.dep_ == "acl"
            and t.tag_ in ("VBD", "VBN")
            and t.i > clause.i
            and t.doc[t.i - 1].text == ","
            and (t.head.i == root.i or not self._told_of_in_the_clause(t.head))
            for t in root.subtree
        )

    def _told_of_in_the_clause(self, token: Token) -> bool:
        """Whom or what a clause tells of: its object, or a person's name."""
        cluster = self.by_token.get(token.i)
        person = token.ent_type_ == "PERSON" or (cluster is not None and cluster.kind == "person")
        return person or token.dep_ in ("dobj", "dative", "attr", "appos")

    def body(
        self, name: str, country: Country | None, token: Token, linked: bool = True
    ) -> Cluster:
        """An institution named only by its head and country ('Pakistan's foreign office'): one
        organisation cluster per name, linked from the head token that mentions it unless
        `linked` is false (a leader's office speaks; in an act, its leader is the side)."""
        cluster = self._by_key.get(name_key(name))
        if cluster is None:
            cluster = Cluster(kind="organization", name=name, country=country)
            self._register(cluster, name)
        if linked:
            self.by_token.setdefault(token.i, cluster)
        cluster.tokens.add(token.i)
        return cluster

    def entities(self) -> list[Entity]:
        return [c.to_entity() for c in self.clusters]


# Heads of a country's bodies named without it ("Foreign Ministry", "Defence Ministry").
NATIONAL_BODY_HEADS = frozenset(
    {"ministry", "office", "department", "ministry's", "committee", "council"}
)


def _country_possessive(ent: Span) -> tuple[str, Country] | None:
    """ "Russia's" before "Foreign Ministry": the country's possessive, as written, and the
    country, for a body named by its head alone."""
    if ent[-1].lower_ not in NATIONAL_BODY_HEADS or ent.start < 2:
        return None
    doc = ent.doc
    mark = doc[ent.start - 1]
    if mark.lower_ not in ("'s", "’s"):
        return None
    named = entity_at(doc[ent.start - 2])  # "North Korea's": the whole name
    name = doc[named.start : ent.start - 1].text if named is not None else doc[ent.start - 2].text
    country = country_index().resolve(name)
    return (f"{name}{mark.text}", country) if country is not None else None


def _national_namesake(ent: Span) -> tuple[str, Country | None] | None:
    """An international body's short name qualified by a country ("Russia's Security Council",
    "Iran's Supreme National Security Council", "the Turkish Security Council", "the Security
    Council of Russia") or as national ("the National Security Council"): that country's body of
    the same name, as written with its qualifiers, and the country if told. The qualifier must
    hang on the name's own head: "Russia's Security Council seat" and "the Russian Security
    Council resolution" are the UN council's."""
    doc, root = ent.doc, ent.root
    if root.dep_ == "compound":
        if ent.start > 0 and doc[ent.start - 1].text == "National":
            # "White House National Security Council spokesman John Kirby"
            return doc[ent.start - 1 : ent.end].text, None
        return None
    start = ent.start  # back over the words qualifying the name ("Supreme National")
    while (
        start > 0
        and doc[start - 1].head.i == root.i
        and doc[start - 1].dep_ in ("amod", "compound")
    ):
        start -= 1
    countries = country_index()
    owner = next((c for c in root.children if c.dep_ == "poss" and c.i < start), None)
    if owner is not None:
        named = entity_at(owner) or doc[owner.i : owner.i + 1]
        country = countries.resolve(named.text)
        return (doc[named.start : ent.end].text, country) if country is not None else None
    for word in doc[start : ent.start]:
        if (country := countries.resolve(word.text, hows=("demonym",))) is not None:
            return doc[word.i : ent.end].text, country
    for prep in root.children:
        if prep.dep_ != "prep" or prep.lower_ != "of" or prep.i < ent.end:
            continue
        for pobj in prep.children:
            if pobj.dep_ != "pobj" or pobj.pos_ != "PROPN":
                continue
            # the tagger may run the country into the council's name: then the word itself
            whole = entity_at(pobj)
            country = (whole and countries.resolve(whole.text)) or countries.resolve(pobj.text)
            if country is not None:
                return f"{ent.text} of {country.name}", country
    if any(w.lower_ == "national" for w in doc[start : ent.start]):
        return doc[start : ent.end].text, None  # "the National Security Council": a country's
    return None


BLOC_KIND_WORDS = ("group", "grouping", "bloc")  # "the BRICS group": what it is, not its name


def _without_group_word(name: str, canonical: str | None) -> str:
    """ "the BRICS group": BRICS, the word saying what it is no part of its name."""
    head, _, last = name.rpartition(" ")
    if (
        canonical
        and last.lower() in BLOC_KIND_WORDS
        and head
        and organization_name(head) == canonical
    ):
        return head
    return name


def _without_trailing_space(ent: Span) -> Span:
    """ "PM Abiy\n\n": the tagger's span over a headline's line break ends at the name."""
    end = ent.end
    while end > ent.start + 1 and ent.doc[end - 1].is_space:
        end -= 1
    return ent if end == ent.end else Span(ent.doc, ent.start, end, label=ent.label_)


def _paired_with_a_person(ent: Span) -> bool:
    """ "Xi, Albanese talks", "Modi and Sharif meeting": a word right after a person's name and
    a comma or "and", as a headline pairs two people."""
    doc = ent.doc
    return (
        ent.start >= 2
        and doc[ent.start - 1].lower_ in (",", "and")
        and doc[ent.start - 2].ent_type_ == "PERSON"
    )


def title_cased(text: str) -> str:
    """A body's name with its words capitalised as names are ("China's foreign ministry" is
    "China's Foreign Ministry"); words already capitalised stay as written."""
    return " ".join(
        w if w[:1].isupper() or not w[:1].isalpha() else w.capitalize() for w in text.split()
    )


def _joined(tokens: list[Token]) -> str:
    """A name's words as written: "Jean-Noel Barrot", not "Jean - Noel Barrot"; "Tigray
    People's Liberation Front", not "People 's"."""
    out = ""
    for token, nxt in zip(tokens, [*tokens[1:], None], strict=True):
        glued = (
            nxt is not None
            and not token.whitespace_
            and (
                "-" in (token.text, nxt.text)
                or (nxt.i == token.i + 1 and nxt.lower_ in ("'s", "’s"))
            )
        )
        out += token.text + ("" if glued or nxt is None else " ")
    return out


_INITIALS = re.compile(r"(?:[A-Z]\.)+")
# Capitalised words after a title that name an office or a body, not a person.
_ACRONYM = re.compile(r"^[A-Z]{2,6}$")

# Words before a father's or forebear's name within a person's own ("Salman bin Hamad").
_FILIATION_WORDS = frozenset({"bin", "ibn", "bint", "ben", "ould"})
# A maker's letters and a number ("Su-24", "F-16s", "S-400"): a model of aircraft or missile. Bodies
# written so ("G-20") are known organisations and are taken before this is asked.
_MODEL_NAME = re.compile(r"^[A-Z][A-Za-z]{0,4}-\d{1,4}[A-Za-z]{0,2}$")
# A prefix before a people's name ("Intra-Afghan", "Anti-American"): an adjective the tagger
# took for a body in a headline's capitals, naming no one (while "Anti-Balaka" is a militia).
_PREFIXED_ADJECTIVE = re.compile(
    r"^(?:intra|inter|pan|anti|pro|non|post|pre|neo|trans)-(?P<people>[a-z]+)$", re.IGNORECASE
)


def _a_prefixed_people(text: str) -> bool:
    found = _PREFIXED_ADJECTIVE.match(text)
    if found is None:
        return False
    people = country_index().match(found.group("people"))
    return people is not None and people.how == "demonym"


_INSTITUTION_WORDS = frozenset(
    "office ministry council palace house government cabinet department agency committee "
    "commission assembly parliament secretariat general minister president spokesman meeting "
    "staff summit conference forum talks".split()
)
_HONORIFICS = frozenset("dr mr mrs ms rep sen gen shri sri smt h.e hon".split())


def _the_one_named_before(people: Sequence[Cluster], at: Token) -> Cluster | None:
    """Of the people a lone surname may name, the one it names at token `at`: the only one, or,
    when two share it ("Biden" of Joe and of Hunter), the only one named before it, while the
    other is first named in a later sentence and the surname is given no role of its own
    ("Singh, the defence minister, ..." may be the other)."""
    if len(people) <= 1:
        return people[0] if people else None
    before = [c for c in people if c.tokens and min(c.tokens) < at.i]
    later = [c for c in people if c not in before]
    if len(before) != 1 or any(c.dep_ == "appos" for c in at.children):
        return None
    doc = at.doc
    if any(doc[min(c.tokens)].sent.start <= at.i for c in later if c.tokens):
        return None
    return before[0]


def _a_name_tagged_a_body(ents: Sequence[Span], title: Span) -> Span | None:
    """The body the tagger found right after a title, when it is two to four capitalised words
    that name no known body or country nor anything an institution or a place is called: a
    person's name ("President Kersti Ilves"). Not after "the": "the Ambassador Theatre Group"
    is a body's name beginning with a title's word."""
    if title.start > 0 and title.doc[title.start - 1].lower_ == "the":
        return None
    body = next((e for e in ents if e.start == title.end and e.label_ == "ORG"), None)
    if body is None or not _reads_as_a_persons_name(body):
        return None
    if body.end < len(body.doc) and body.doc[body.end].lower_ == "of":
        return None  # a body's name goes on ("Minister Council of ...")
    return body


def _reads_as_a_persons_name(body: Span) -> bool:
    """Two to four capitalised proper nouns of which none is what a body, an institution or a
    place named after someone is called, nor a country, and no known body's or movement's name."""
    words = list(body)
    if not 2 <= len(words) <= 4:
        return False
    if not all(w.is_title and w.is_alpha and w.pos_ == "PROPN" for w in words):
        return False
    if any(
        w.lower_ in _INSTITUTION_WORDS | _BODY_HEADS | _NAMED_AFTER_SOMEONE
        or country_index().match(w.text) is not None
        for w in words
    ):
        return False
    return not (organization_name(body.text) or movement_name(body.text))


def _of_a_country(name: Span) -> bool:
    """ "Urmas Reinmets of Peru": a name said to be of a country (a firm such as "Louis
    Dreyfus" beside a minister is not)."""
    doc = name.doc
    return (
        name.end + 1 < len(doc)
        and doc[name.end].lower_ == "of"
        and country_index().match(doc[name.end + 1].text) is not None
    )


def _a_body_listed_with_people(ents: Sequence[Span], people: Sequence[Span]) -> list[Span]:
    """Bodies the tagger found in a list of people, joined to one of them ("the envoys, Hanno
    Tartu of Chile and Urmas Reinmets of Peru"), that read as a person's name, begin with a known
    first name and are said to be of a country: that person (not a firm such as "Louis Dreyfus"
    beside a minister)."""
    found = []
    for body in (
        e
        for e in ents
        if e.label_ == "ORG"
        and _reads_as_a_persons_name(e)
        and is_first_name(e[0].text)
        and _of_a_country(e)
    ):
        root = body.root
        joined = [root.head] if root.dep_ == "conj" else []
        joined += [c for c in root.children if c.dep_ == "conj"]
        if any(p.start <= t.i < p.end for t in joined for p in people):
            found.append(Span(body.doc, body.start, body.end, label="PERSON"))
    return found


# Role nouns that stand for the person named right after them ("his counterpart X").
_PERSON_ROLE_NOUNS = frozenset({"counterpart", "counterparts"})


def _counterparts_tagged_bodies(ents: Sequence[Span]) -> list[Span]:
    """A body the tagger found right after "counterpart" that reads as a person's name and
    begins with a known first name ("his counterpart Urmas Reinmets"): the counterpart, a
    person."""
    return [
        Span(e.doc, e.start, e.end, label="PERSON")
        for e in ents
        if e.label_ == "ORG"
        and e.start > 0
        and e.doc[e.start - 1].lower_ in _PERSON_ROLE_NOUNS
        and _reads_as_a_persons_name(e)
        and is_first_name(e[0].text)  # not "its counterpart Morgan Stanley", a firm
    ]


# Last words of a movement's or a body's name, never of a person's.
_BODY_HEADS = frozenset(
    "front movement party army forces council union alliance organisation organization "
    "commission committee coalition league".split()
)


def _headline_case(sent: Span) -> bool:
    """Most words capitalised: a headline, where a capital says nothing about a name."""
    words = [t for t in sent if t.is_alpha and len(t) > 3]
    return len(words) >= 3 and sum(t.is_title for t in words) / len(words) > 0.6


_NUMERIC_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "PERCENT", "MONEY"})


def _country_label(match: CountryMatch) -> str:
    return "NORP" if match.how == "demonym" else "GPE"


def _dateline_tokens(doc: Doc, dateline: Dateline | None) -> set[int]:
    """The tokens of the dateline ("LIMA, Feb 27 (EFE) –"): the parser reads them into the lead
    sentence, often as its subject."""
    if dateline is None:
        return set()
    start = doc_text(doc).rfind("\n", 0, dateline.end) + 1
    out = set()
    for token in doc:  # the dateline is at the top: stop past it
        if token.idx >= dateline.end:
            break
        if token.idx >= start:
            out.add(token.i)
    return out


def _country_and_title(ent: Span, title_tokens: set[int]) -> bool:
    """A name that is only a country's adjective and words of a title ("Indian External
    Affairs" in "Indian External Affairs Minister")."""
    rest = [t for t in ent if t.i not in title_tokens and t.lower_ != "the"]
    return len(rest) < len(ent) and all(country_index().resolve(t.text) is not None for t in rest)


@lru_cache(maxsize=1)
def _portfolio_heads() -> frozenset[str]:
    return frozenset(load_data("titles")["portfolio_heads"])


def _a_portfolio(ent: Span) -> bool:
    """A minister's portfolio the tagger calls a body: "Energy Transition" in "Moroccan Energy
    Transition Minister", "Fisheries" in "Fisheries and Forests Minister", "Natural Resources" in
    "Minister of State for Lands and Natural Resources". A body known by name ("NATO Secretary
    General", "Secretary-General of the UN") stays one."""
    if organization_name(ent.text) is not None or country_index().match(ent.text) is not None:
        return False
    doc, heads = ent.doc, _portfolio_heads()
    after = _portfolio_words(list(doc[ent.end : ent.end + 5]))
    head = ent.end + after
    if head < len(doc) and doc[head].lower_ in heads:
        nxt = doc[head + 1] if head + 1 < len(doc) else None
        if nxt is not None and (nxt.text in ("-", "–") or nxt.lower_ == "general"):
            return False  # "Interpol Secretary-General X": the body's own head
        title = doc[ent.end : head + 1].text
        # "Taliban Foreign Minister X": a title of its own after the body, which holds it
        return not (after and title.lower() in _title_forms())
    before = list(reversed(doc[max(ent.start - 9, 0) : ent.start]))
    i = _portfolio_words(before)
    words = [t.lower_ for t in before[i:]]
    if words[:1] not in (["of"], ["for"]):
        return False
    words = words[3:] if words[1:3] == ["state", "of"] else words[1:]  # "Minister of State for"
    return bool(words) and words[0] in heads


def _portfolio_words(tokens: Sequence[Token]) -> int:
    """How many of the tokens are more words of one portfolio ("and Forests", "Lands and")."""
    n = 0
    for t in tokens:
        if t.lower_ in _portfolio_heads() or not (
            t.lower_ in ("and", "&", "the")
            or (
                t.is_title
                and t.ent_type_ not in ("PERSON", "GPE")
                and country_index().resolve(t.text) is None
            )
        ):
            break
        n += 1
    while n and tokens[n - 1].lower_ in ("and", "&", "the"):
        n -= 1
    return n


def _a_plural_title_of_one(title: Span, ent: Span) -> bool:
    """A title in the plural before one name, not a list of names: the title belongs to
    others ("Presidents Putin and Trump" is theirs; "Dutch bar ministers, Erdogan cries" is
    not his)."""
    if title.root.tag_ not in ("NNS", "NNPS"):
        return False  # its head: "Minister of Foreign Affairs" is one minister
    root = ent.root
    return not any(c.dep_ == "conj" for c in root.children) and root.dep_ != "conj"


def _country_before(ent: Span) -> Country | None:
    """A country written right before a name with no title: "Norway's Lars Holm", "his Chilean
    counterpart Ana Rojas"."""
    doc, start = ent.doc, ent.start
    if start >= 2 and doc[start - 1].lower_ in ("'s", "’s", "counterpart"):
        return _country_ending_at(doc, start - 2)
    return None


# Small words inside a country's name ("Bosnia and Herzegovina", "Republic of the Congo").
_NAME_LINKS = frozenset({"of", "the", "and"})


def _country_ending_at(doc: Doc, last: int, earliest: int = 0) -> Country | None:
    """The country whose name ends at token `last` and starts no earlier than `earliest`, the
    longest first: "Papua New Guinea", not "Guinea"; "the Democratic Republic of the Congo", not
    the Republic of the Congo; "New Zealand"; "Chilean"."""
    for first in range(max(earliest, last - 5), last + 1):
        words = doc[first : last + 1]
        if first < last and not (
            words[0].is_title and all(t.is_title or t.lower_ in _NAME_LINKS for t in words)
        ):
            continue
        found = country_index().resolve(words.text)
        if found is not None:
            return found
    return None


_OF_COUNTRY = re.compile(r".*\bof (?:the )?([^,;()]+)$")
# The bodies of a state, which stand for their country: not "the Revolutionary Armed Forces of
# Colombia", a side against its government.
_STATE_BODIES = frozenset(
    "ministry office government embassy consulate department presidency parliament cabinet "
    "mission senate".split()
)


def described_as_private(token: Token) -> bool:
    """A name set beside an indefinite description ("X, a 42-year-old trader", "X, an analyst
    at Barclays"): someone described, not an official the knowledge base knows by that name."""
    return any(
        c.dep_ == "appos" and any(d.dep_ == "det" and d.lower_ in ("a", "an") for d in c.children)
        for c in token.children
    )


def _name_goes_on_before(ent: Span) -> bool:
    """The word before is part of the name the tagger cut ("George H.W. | Bush")."""
    before = ent.doc[ent.start - 1] if ent.start > 0 else None
    return before is not None and before.pos_ == "PROPN" and before.text[:1].isupper()


@lru_cache(maxsize=1)
def _ranks() -> frozenset[str]:
    return frozenset(canonical_title(r) for r in load_data("titles")["ranks"])


def _bracketed_after(doc: Doc, end: int) -> Token | None:
    """The initials in brackets right after a name ending before `end`: "(FARC)" after it, or
    the tagger's span that took the bracket and the letters in ("the ... Dam (GAWD")."""
    if end + 2 < len(doc) and doc[end].text in ("(", "["):
        letters, close = doc[end + 1], doc[end + 2]
    elif end >= 2 and end < len(doc) and doc[end - 2].text in ("(", "["):
        letters, close = doc[end - 1], doc[end]
    else:
        return None
    if close.text not in (")", "]") or not _ACRONYM.match(letters.text):
        return None
    return letters


def _initials_of_things(doc: Doc) -> frozenset[str]:
    """Initials the article gives in brackets after the name of a thing, a river, a dam, a
    pipeline ("the Grand Andean Water Dam (GAWD)"), however the tagger cut the name."""
    # (not a region: "the Kurdistan Region (KRG)" has a government of that name)
    things = feature_nouns() - {"region"}
    return frozenset(
        doc[i + 1].text
        for i in range(1, len(doc) - 2)
        if doc[i].text in ("(", "[")
        and doc[i + 2].text in (")", "]")
        and doc[i - 1].lower_ in things
        and _ACRONYM.match(doc[i + 1].text)
    )


@lru_cache(maxsize=1)
def _event_nouns() -> frozenset[str]:
    """The nouns that name events in the event lexicon ("ceasefire", "summit", "truce")."""
    types = load_data("event_triggers")["types"]
    return frozenset(noun for table in types.values() for noun in table["nouns"])


@lru_cache(maxsize=1)
def feature_nouns() -> frozenset[str]:
    """The last words of a natural or built feature's name ("dam", "river", "pipeline")."""
    return frozenset(load_data("participants")["feature_nouns"])


@lru_cache(maxsize=1)
def _document_initials() -> frozenset[str]:
    return frozenset(load_data("participants")["document_initials"])


@lru_cache(maxsize=1)
def _deal_names() -> tuple[frozenset[str], frozenset[str]]:
    data = load_data("participants")
    return frozenset(data["deal_initials"]), frozenset(data["deal_title_nouns"])


# Words a document's own title opens on ("Arrangement on Return of Workers",
# "Memorandum of Understanding on Trade"), beside the deal title nouns.
_DOCUMENT_OPENINGS = frozenset({"arrangement", "memorandum", "declaration"})


def _names_a_deal(text: str) -> bool:
    """A treaty's or a trade deal's name ("NAFTA", "T-MEC", "the Juba Agreement"), or a
    document's title ("Agreement on Trade in Goods", "Arrangement on Return of ...")."""
    initials, title_nouns = _deal_names()
    words = name_key(text).removeprefix("the ").split()
    titled = (
        len(words) >= 3
        # (not "Convention on International Trade in ...", "Treaty of ... Council": bodies)
        and words[0] in (title_nouns - {"convention", "conventions", "treaty"}) | _DOCUMENT_OPENINGS
        and words[1] in ("on", "of", "for", "between")
    )
    return " ".join(words) in initials or (len(words) >= 2 and words[-1] in title_nouns) or titled


@lru_cache(maxsize=1)
def _relation_nouns() -> frozenset[str]:
    return frozenset(load_data("participants")["relation_nouns"])


# Words before a state body's head that keep it the nation's ("the Federal Government of X"),
# not a region's ("the Tigray Regional Government of X", "the State Government of Georgia").
_NATIONAL_WORDS = frozenset(
    "federal transitional interim provisional central national royal union legitimate "
    "revolutionary caretaker islamic emirate constitutional military".split()
)


@lru_cache(maxsize=1)
def _portfolio_words_of_titles() -> frozenset[str]:
    """The words of the portfolios the known titles name before their head ("Foreign", "Home
    Affairs", "Defence" in "Foreign Minister", "Home Affairs Minister"): a ministry's own."""
    heads = _portfolio_heads()
    return frozenset(
        word
        for title in load_data("titles")["titles"]
        if len(words := title.lower().split()) >= 2 and words[-1] in heads
        for word in words[:-1]
    )


def _trailing_country(name: str) -> Country | None:
    """The country a state body's name ends on: "the Ministry of Foreign Affairs of Chile", "the
    Federal Government of Ethiopia" (its head or its first word a state body's, after national
    words); "the Foreign Ministry of Peru", a portfolio's body, only of a country named right
    after it. Not a region's "Regional Government"."""
    words = fold(name).removeprefix("the ").split()
    head = fold(name.split(" of ")[0]).removeprefix("the ").split()
    state_head = bool(head) and head[-1] in _STATE_BODIES
    national = state_head and set(head[:-1]) <= _NATIONAL_WORDS
    if not ((words and words[0] in _STATE_BODIES) or national):
        if (
            not (state_head and set(head[:-1]) <= _portfolio_words_of_titles())
            or " of " not in name
        ):
            return None
        # "the Foreign Ministry of Peru": only a country right after it, not "the Press Office
        # of the Socialist Party of Chile" nor "the Interior Ministry of the State of Mexico"
        rest = name.split(" of ", 1)[1].strip().removeprefix("the ").strip()
        return country_index().resolve(rest)
    found = _OF_COUNTRY.search(name)
    return country_index().resolve(found.group(1).strip()) if found else None


def _in_country_pair(token: Token) -> bool:
    """The country is one of two joined by a hyphen or dash ("Norway-EU", "Chile–Peru")."""
    doc = token.doc
    before = doc[token.i - 1] if token.i > 0 else None
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    return any(
        t is not None and t.text in ("-", "–", "—") and not t.whitespace_ for t in (before, after)
    ) or any(c in token.text for c in "-–")


def _of_country(token: Token, gap: Span) -> bool:
    """The "of" and "the" of a title's country written between title and name ("President of
    the Philippines X")."""
    return token.lower_ in ("of", "the") and gap[0].lower_ == "of"


def link_entities(doc: Doc, published: str | None = None) -> EntityIndex:
    index = EntityIndex(doc, published)
    index.finish()
    return index


def _same_gender(first: str, second: str) -> bool:
    """Two pronouns that may name one person: not "she" for "he"."""
    one, other = pronoun_gender(first), pronoun_gender(second)
    return one is None or other is None or one == other
