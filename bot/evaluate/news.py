"""`briefbot eval news DIR`: whole event records and statements on real news (DIR/README.md).

DIR holds `gold.json` and one `<id>.txt` per article. Each article is extracted once; scoring is
then a pure function of (gold, predictions, minimum confidence), so thresholds and folds re-score
without extracting again. The rules, as the news_dev README states them:

Names match leniently: case, punctuation and a leading "the" ignored; US = U.S. = USA = United
States; UK = Britain = United Kingdom; EU = European Union; UN = United Nations; Russia = Russian
Federation; Turkey = Türkiye; a person also matches by last name; a country also matches by its
ISO code (alpha-3) or by a name that contains it ("Russian delegation" = Russia: a name, alias or
demonym from the country gazetteer inside the predicted name); `a|b` in gold accepts either.
Here that means:
- abbreviations are recognised in capitals only (US, U.S., UN, U.N., ...), so "us" and "Kim Jong
  Un" stay what they are;
- a person matches by last name when the names' last words agree and every side of more than
  one word is a person: a predicted participant or speaker of kind person, else a name that looks
  like one (capitalised words, none of them an organisation word such as "ministry" or "forces",
  not a country);
- a gold country matches a predicted name containing it, not the other way round;
- a predicted participant is its `name` and its `country_code`;
- a predicted speaker is its `speaker`, its `speaker_text`, and both without the speaker's title
  and without country words ("Turkish Foreign Minister Hakan Fidan" -> "Hakan Fidan",
  "Ministry of Foreign Affairs of Moldova" -> "Ministry of Foreign Affairs").

- Events, recall: a gold event is found when some predicted event of its article has the same
  type and shares at least one participant with it.
- Events, precision: a predicted event is right when some gold event of the same article has the
  same type and shares a participant; an event with no participants is a false positive.
- Events, fields: among found gold events that have the field, the share where one of the
  matching predictions has the gold value: `kind` (same word), `location` (same name, one name
  containing the other word for word, or the predicted place's country code for a gold country),
  `date` (first 10 characters), `status`.
- Statements: a gold statement is found when a predicted statement of its article has a matching
  speaker and its `content` contains the gold `contains`, both with whitespace collapsed and
  curly quotes and apostrophes made straight (case kept). A predicted statement is right when it
  matches some gold statement that way. A statement whose `speaker` is null or a pronoun never
  matches: it is a false positive and finds nothing.
- Errored: an article whose text could not be read or whose extraction raised; its gold counts
  as missed.
- `min_confidence`: events and statements with `confidence` below it are dropped first.
- Folds: articles sorted by file name, the i-th goes to fold i mod K.

The output format is stable: it is how one change is compared with the next.
"""

from __future__ import annotations

import json
import re
import statistics
import time
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from bot.extract.countries import country_index
from bot.facts import Event, Extraction, Statement

FIELDS = ("kind", "location", "date", "status")
CURVE_THRESHOLDS = tuple(i / 10 for i in range(10))

PRONOUNS = frozenset(
    {
        "i",
        "me",
        "we",
        "us",
        "you",
        "he",
        "him",
        "she",
        "her",
        "it",
        "they",
        "them",
        "his",
        "hers",
        "its",
        "their",
        "theirs",
        "our",
        "who",
        "whom",
        "which",
        "that",
        "this",
        "these",
        "those",
    }
)
# Words that make a name an organisation, a group or a place rather than a person.
ORG_WORDS = frozenset(
    {
        "ministry",
        "ministries",
        "office",
        "court",
        "government",
        "administration",
        "council",
        "army",
        "forces",
        "force",
        "agency",
        "committee",
        "union",
        "nations",
        "organization",
        "organisation",
        "department",
        "party",
        "front",
        "movement",
        "delegation",
        "delegations",
        "commission",
        "league",
        "bank",
        "fund",
        "house",
        "cabinet",
        "parliament",
        "assembly",
        "presidency",
        "embassy",
        "states",
        "republic",
        "federation",
        "kingdom",
        "group",
        "alliance",
        "authority",
        "authorities",
        "service",
        "services",
        "guard",
        "corps",
        "cartel",
        "cartels",
        "media",
        "news",
        "association",
        "institute",
        "university",
        "foundation",
        "company",
        "corporation",
        "community",
        "secretariat",
        "mission",
        "coalition",
        "military",
        "navy",
        "police",
        "tribunal",
        "bureau",
        "board",
        "senate",
        "congress",
        "sources",
        "officials",
        "ministers",
        "leaders",
        "side",
        "sides",
        "kremlin",
        "spokesperson",
        "spokesman",
    }
)
# Lower-case particles inside personal names ("Mohammed bin Salman", "Abdel Fattah al-Sisi").
NAME_PARTICLES = frozenset(
    {"bin", "ibn", "al", "el", "de", "da", "di", "du", "van", "von", "der", "la", "le", "abu", "e"}
)
# Gazetteer entries too common as plain words to mark a country inside a longer name.
NOT_COUNTRY_WORDS = frozenset({"states"})

# Abbreviations, recognised in capitals only; then full forms, on folded words, longest first.
_ABBREVIATIONS = (
    (re.compile(r"(?<![\w.])U\.?S\.?(?:A\.?)?(?!\w)"), " united states "),
    (re.compile(r"(?<![\w.])U\.?K\.?(?!\w)"), " united kingdom "),
    (re.compile(r"(?<![\w.])E\.?U\.?(?!\w)"), " european union "),
    (re.compile(r"(?<![\w.])U\.?N\.?(?!\w)"), " united nations "),
)
_FULL_FORMS = (
    (("great", "britain"), ("united", "kingdom")),
    (("britain",), ("united", "kingdom")),
    (("russian", "federation"), ("russia",)),
    (("turkiye",), ("turkey",)),
)
_QUOTES = str.maketrans(
    {
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
    }
)
_WORDS = re.compile(r"[^\W_]+")


# --- names -----------------------------------------------------------------------------------


def normalise_text(text: str) -> str:
    """Whitespace collapsed, curly quotes and apostrophes straight (for statement contents)."""
    return " ".join(text.translate(_QUOTES).split())


def _replace_runs(
    words: list[str], table: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]
) -> list[str]:
    out: list[str] = []
    i = 0
    while i < len(words):
        for old, new in table:
            if tuple(words[i : i + len(old)]) == old:
                out.extend(new)
                i += len(old)
                break
        else:
            out.append(words[i])
            i += 1
    return out


@lru_cache(maxsize=8192)
def name_words(name: str) -> tuple[str, ...]:
    """The words of a name for comparison: case, accents, punctuation, "the" and "'s" ignored,
    and the README's equivalent spellings of the US, UK, EU, UN, Russia and Turkey made one."""
    text = name.translate(_QUOTES)
    for pattern, full in _ABBREVIATIONS:
        text = pattern.sub(full, text)
    decomposed = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    text = re.sub(r"'s\b", "", text)
    text = re.sub(r"(?<=\w)[.'](?=\w)", "", text)  # O'Brien, St.Louis: one word
    words = _replace_runs(_WORDS.findall(text), _FULL_FORMS)
    if words and words[0] == "the":
        words = words[1:]
    return tuple(words)


@lru_cache(maxsize=8192)
def _country_of(words: tuple[str, ...], hows: tuple[str, ...] = ("name", "alias")) -> str | None:
    if not words:
        return None
    found = country_index().match(" ".join(words))
    return found.country.code if found and found.how in hows else None


@lru_cache(maxsize=8192)
def country_spans(words: tuple[str, ...]) -> tuple[tuple[int, int, str], ...]:
    """(start, end, code) of every country name, alias or demonym in `words`, longest first from
    the left, so "North Korea" is never read as Korea and "South African" is one word."""
    spans = []
    i = 0
    while i < len(words):
        for n in range(min(5, len(words) - i), 0, -1):
            piece = words[i : i + n]
            if n == 1 and piece[0] in NOT_COUNTRY_WORDS:
                continue
            code = _country_of(piece, ("name", "alias", "demonym"))
            if code:
                spans.append((i, i + n, code))
                i += n
                break
        else:
            i += 1
    return tuple(spans)


def looks_like_person(name: str) -> bool:
    """Two or more capitalised words (name particles aside), no organisation word, not a country."""
    raw = [w for w in re.split(r"[\s\-]+", name.translate(_QUOTES)) if re.search(r"\w", w)]
    if len(raw) < 2:
        return False
    words = name_words(name)
    if _country_of(words) or any(w in ORG_WORDS for w in words):
        return False
    return all(w[0].isupper() or w.lower().strip(".'") in NAME_PARTICLES for w in raw)


@dataclass(frozen=True)
class GoldName:
    """One spelling of a gold name (`a|b` gives two)."""

    words: tuple[str, ...]
    code: str | None  # ISO alpha-3 when the name is a country
    person: bool

    @classmethod
    def parse(cls, text: str) -> tuple[GoldName, ...]:
        names = []
        for part in text.split("|"):
            words = name_words(part)
            if words:
                names.append(cls(words, _country_of(words), looks_like_person(part)))
        return tuple(names)


@dataclass(frozen=True)
class Mention:
    """A predicted name: a participant (name and country code) or one reading of a speaker."""

    words: tuple[str, ...]
    person: bool
    code: str | None = None


def _last_name_match(
    a: tuple[str, ...], a_person: bool, b: tuple[str, ...], b_person: bool
) -> bool:
    if a[-1] != b[-1] or (len(a) == 1 and len(b) == 1):
        return False
    return (len(a) == 1 or a_person) and (len(b) == 1 or b_person)


def name_matches(gold: Iterable[GoldName], mention: Mention) -> bool:
    for g in gold:
        if mention.words and g.words == mention.words:
            return True
        if g.code and (
            mention.code == g.code
            or mention.words == (g.code.lower(),)
            or any(code == g.code for _, _, code in country_spans(mention.words))
        ):
            return True
        if mention.words and _last_name_match(g.words, g.person, mention.words, mention.person):
            return True
    return False


def _contains_run(words: tuple[str, ...], part: tuple[str, ...]) -> bool:
    n = len(part)
    return n > 0 and any(words[i : i + n] == part for i in range(len(words) - n + 1))


def _without(words: tuple[str, ...], title: str | None) -> tuple[str, ...]:
    """`words` without the title's words and without country words, dangling "of"/"the" trimmed."""
    out = list(words)
    title_words = name_words(title) if title else ()
    if title_words:
        for i in range(len(out) - len(title_words) + 1):
            if tuple(out[i : i + len(title_words)]) == title_words:
                del out[i : i + len(title_words)]
                break
    for start, end, _ in sorted(country_spans(tuple(out)), reverse=True):
        del out[start:end]
    while out and out[-1] in ("of", "the"):
        out.pop()
    while out and out[0] in ("of", "the"):
        out.pop(0)
    return tuple(out)


def speaker_mentions(statement: Statement) -> list[Mention]:
    """The readings of a predicted speaker; none when it is null or a pronoun."""
    if is_unnamed(statement):
        return []
    person_kind = statement.speaker_kind == "person" if statement.speaker_kind else None
    mentions: list[Mention] = []
    for text in (statement.speaker, statement.speaker_text):
        if not text:
            continue
        person = person_kind if person_kind is not None else looks_like_person(text)
        words = name_words(text)
        for variant in (words, _without(words, statement.speaker_title)):
            mention = Mention(variant, person)
            if variant and mention not in mentions:
                mentions.append(mention)
    return mentions


def is_unnamed(statement: Statement) -> bool:
    return not statement.speaker or " ".join(name_words(statement.speaker)) in PRONOUNS | {""}


def participant_mention(participant) -> Mention:
    return Mention(
        name_words(participant.name), participant.kind == "person", participant.country_code
    )


# --- gold ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class GoldEvent:
    type: str
    participants: tuple[tuple[GoldName, ...], ...]
    labels: tuple[str, ...]  # the participants as written, for --show
    kind: str | None = None
    location: str | None = None
    date: str | None = None
    status: str | None = None
    content_contains: str | None = None


@dataclass(frozen=True)
class GoldStatement:
    speaker: tuple[GoldName, ...]
    label: str
    contains: str
    quote: str | None = None


@dataclass(frozen=True)
class GoldArticle:
    file: str
    published: str | None
    events: tuple[GoldEvent, ...]
    statements: tuple[GoldStatement, ...]


def parse_gold(data: Mapping) -> list[GoldArticle]:
    articles = []
    for a in data["articles"]:
        events = tuple(
            GoldEvent(
                type=e["type"],
                participants=tuple(GoldName.parse(p) for p in e.get("participants") or []),
                labels=tuple(e.get("participants") or []),
                kind=e.get("kind"),
                location=e.get("location"),
                date=e.get("date"),
                status=e.get("status"),
                content_contains=e.get("content_contains"),
            )
            for e in a.get("events") or []
        )
        statements = tuple(
            GoldStatement(GoldName.parse(s["speaker"]), s["speaker"], s["contains"], s.get("quote"))
            for s in a.get("statements") or []
        )
        articles.append(GoldArticle(a["file"], a.get("published"), events, statements))
    return articles


def read_gold(folder: Path | str) -> list[GoldArticle]:
    path = Path(folder) / "gold.json"
    return parse_gold(json.loads(path.read_text(encoding="utf-8")))


# --- matching --------------------------------------------------------------------------------


def event_matches(gold: GoldEvent, event: Event) -> bool:
    """Same type and at least one shared participant."""
    if gold.type != event.type:
        return False
    mentions = [participant_mention(p) for p in event.participants]
    return any(name_matches(g, m) for g in gold.participants for m in mentions)


def location_matches(gold: str, event: Event) -> bool:
    place = event.location
    if place is None:
        return False
    predicted = name_words(place.name) if place.name else ()
    for part in gold.split("|"):
        words = name_words(part)
        if not words:
            continue
        if predicted and (_contains_run(predicted, words) or _contains_run(words, predicted)):
            return True
        code = _country_of(words)
        if code and (
            place.country_code == code or any(c == code for _, _, c in country_spans(predicted))
        ):
            return True
    return False


def field_matches(name: str, gold: GoldEvent, event: Event) -> bool:
    if name == "location":
        return location_matches(gold.location or "", event)
    if name == "date":
        return bool(event.date and event.date[:10] == (gold.date or "")[:10])
    predicted = getattr(event, name)
    return bool(predicted) and predicted.strip().lower() == str(getattr(gold, name)).strip().lower()


def statement_matches(gold: GoldStatement, statement: Statement) -> bool:
    if is_unnamed(statement):
        return False
    contains = normalise_text(gold.contains)
    if not contains or contains not in normalise_text(statement.content or ""):
        return False
    return any(name_matches(gold.speaker, m) for m in speaker_mentions(statement))


# --- scores ----------------------------------------------------------------------------------


def _ratio(a: float, b: float) -> float:
    return a / b if b else 0.0


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True)
class Tally:
    gold: int = 0
    found: int = 0  # gold items matched by some prediction
    predicted: int = 0
    right: int = 0  # predictions matching some gold item

    def __add__(self, other: Tally) -> Tally:
        return Tally(
            self.gold + other.gold,
            self.found + other.found,
            self.predicted + other.predicted,
            self.right + other.right,
        )

    @property
    def recall(self) -> float:
        return _ratio(self.found, self.gold)

    @property
    def precision(self) -> float:
        return _ratio(self.right, self.predicted)

    @property
    def f1(self) -> float:
        return _f1(self.precision, self.recall)


@dataclass
class ArticleScore:
    file: str
    error: str | None
    events: Tally
    statements: Tally
    fields: dict[str, tuple[int, int]]  # field -> (right, found gold events that have it)
    missed_events: list[GoldEvent] = field(default_factory=list)
    wrong_events: list[Event] = field(default_factory=list)
    missed_statements: list[GoldStatement] = field(default_factory=list)
    wrong_statements: list[Statement] = field(default_factory=list)
    # (field, gold event, what the matching predictions said) for each field scored wrong
    wrong_fields: list[tuple[str, GoldEvent, list[str]]] = field(default_factory=list)


def _field_value(name: str, event: Event) -> str:
    if name == "location":
        return event.location.name if event.location else "-"
    return str(getattr(event, name) or "-")


def score_article(
    gold: GoldArticle, prediction: Extraction | BaseException | None, min_confidence: float = 0.0
) -> ArticleScore:
    if not isinstance(prediction, Extraction):
        error = (
            "no prediction" if prediction is None else f"{type(prediction).__name__}: {prediction}"
        )
        events, statements = [], []
    else:
        error = None
        events = [e for e in prediction.events if e.confidence >= min_confidence]
        statements = [s for s in prediction.statements if s.confidence >= min_confidence]

    fields = {name: (0, 0) for name in FIELDS}
    wrong_fields = []
    missed_events = []
    found_events = 0
    event_hit = [False] * len(events)
    for g in gold.events:
        matching = [i for i, e in enumerate(events) if event_matches(g, e)]
        for i in matching:
            event_hit[i] = True
        if not matching:
            missed_events.append(g)
            continue
        found_events += 1
        for name in FIELDS:
            if getattr(g, name):
                right, total = fields[name]
                hit = any(field_matches(name, g, events[i]) for i in matching)
                fields[name] = (right + hit, total + 1)
                if not hit:
                    wrong_fields.append(
                        (name, g, [_field_value(name, events[i]) for i in matching])
                    )

    missed_statements: list[GoldStatement] = []
    found_statements = 0
    statement_hit = [False] * len(statements)
    for stated in gold.statements:
        matching = [i for i, s in enumerate(statements) if statement_matches(stated, s)]
        for i in matching:
            statement_hit[i] = True
        if matching:
            found_statements += 1
        else:
            missed_statements.append(stated)

    return ArticleScore(
        file=gold.file,
        error=error,
        events=Tally(len(gold.events), found_events, len(events), sum(event_hit)),
        statements=Tally(
            len(gold.statements), found_statements, len(statements), sum(statement_hit)
        ),
        fields=fields,
        wrong_fields=wrong_fields,
        missed_events=missed_events,
        wrong_events=[e for e, hit in zip(events, event_hit, strict=True) if not hit],
        missed_statements=missed_statements,
        wrong_statements=[s for s, hit in zip(statements, statement_hit, strict=True) if not hit],
    )


@dataclass
class NewsScore:
    """Scores over a set of articles (the whole set or one fold)."""

    articles: list[ArticleScore]
    min_confidence: float = 0.0

    @property
    def events(self) -> Tally:
        return sum((a.events for a in self.articles), Tally())

    @property
    def statements(self) -> Tally:
        return sum((a.statements for a in self.articles), Tally())

    def field(self, name: str) -> tuple[int, int]:
        return (
            sum(a.fields[name][0] for a in self.articles),
            sum(a.fields[name][1] for a in self.articles),
        )

    def field_accuracy(self, name: str) -> float | None:
        right, total = self.field(name)
        return right / total if total else None

    @property
    def errored(self) -> int:
        return sum(1 for a in self.articles if a.error)

    def subset(self, files: Iterable[str]) -> NewsScore:
        wanted = set(files)
        return NewsScore([a for a in self.articles if a.file in wanted], self.min_confidence)


def score(
    gold_articles: Sequence[GoldArticle],
    predictions: Mapping[str, Extraction | BaseException] | Sequence[Extraction | BaseException],
    min_confidence: float = 0.0,
) -> NewsScore:
    """Score predictions against gold, a pure function.

    `predictions` maps each article's file name to its Extraction (or the exception its
    extraction raised), or is a sequence in the order of `gold_articles`. An article without a
    prediction, or with an exception, is errored and all its gold is missed.
    """
    if isinstance(predictions, Mapping):
        found = [predictions.get(g.file) for g in gold_articles]
    else:
        found = list(predictions)
        if len(found) != len(gold_articles):
            raise ValueError(f"{len(found)} predictions for {len(gold_articles)} articles")
    return NewsScore(
        [score_article(g, p, min_confidence) for g, p in zip(gold_articles, found, strict=True)],
        min_confidence,
    )


def fold_files(files: Iterable[str], k: int) -> list[list[str]]:
    """K folds: file names sorted, the i-th to fold i mod K."""
    folds: list[list[str]] = [[] for _ in range(k)]
    for i, name in enumerate(sorted(files)):
        folds[i % k].append(name)
    return folds


# --- extraction ------------------------------------------------------------------------------


@dataclass
class NewsRun:
    """One extraction pass over a folder: the gold and each article's result."""

    path: str
    model: str
    gold: list[GoldArticle]
    predictions: dict[str, Extraction | BaseException]
    seconds: float  # extraction, model load excluded
    load_seconds: float = 0.0


def extract_folder(folder: Path | str, model_name: str, extractor=None) -> NewsRun:
    """Read DIR/gold.json and extract every article once (`extract_many`, batched)."""
    from bot.extract.extractor import Extractor, ExtractRequest

    folder = Path(folder)
    gold = read_gold(folder)
    started = time.perf_counter()
    extractor = extractor or Extractor.load(model_name)
    load_seconds = time.perf_counter() - started
    predictions: dict[str, Extraction | BaseException] = {}
    requests = []
    for article in gold:
        try:
            text = (folder / article.file).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            predictions[article.file] = error
            continue
        requests.append(ExtractRequest(id=article.file, text=text, published=article.published))
    started = time.perf_counter()
    for request, result in zip(requests, extractor.extract_many(requests), strict=True):
        predictions[str(request.id)] = result
    seconds = time.perf_counter() - started
    return NewsRun(str(folder), extractor.model_name, gold, predictions, seconds, load_seconds)


# --- report ----------------------------------------------------------------------------------


def _short(text: str | None, width: int = 90) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[: width - 3] + "..."


def _pct(value: float | None) -> str:
    return "    -" if value is None else f"{value:5.3f}"


def _prf_line(label: str, t: Tally) -> str:
    return (
        f"  {label:<11} R {t.recall:.3f}  P {t.precision:.3f}  F1 {t.f1:.3f}   "
        f"(found {t.found} of {t.gold} gold; right {t.right} of {t.predicted} predicted)"
    )


def _fold_row(label: str, values: Sequence[float | None]) -> str:
    return f"    {label:<7}" + "".join(f" {_pct(v):>6}" for v in values)


def _fold_values(s: NewsScore) -> list[float | None]:
    e, st = s.events, s.statements
    return [e.recall, e.precision, e.f1, st.recall, st.precision, st.f1] + [
        s.field_accuracy(f) for f in FIELDS
    ]


@dataclass
class NewsReport:
    run: NewsRun
    min_confidence: float = 0.0
    folds: int = 3
    show: int = 0
    curve: bool = False

    def render(self) -> str:
        run = self.run
        whole = score(run.gold, run.predictions, self.min_confidence)
        lines = [
            f"news eval: {run.path} ({len(run.gold)} articles, model {run.model}, "
            f"min confidence {self.min_confidence:.2f})",
            _prf_line("events", whole.events),
            _prf_line("statements", whole.statements),
            "  fields over found gold events that have them:",
        ]
        for name in FIELDS:
            right, total = whole.field(name)
            lines.append(f"    {name:<9} {_pct(whole.field_accuracy(name))}  ({right}/{total})")
        lines.append(f"  articles errored: {whole.errored} of {len(whole.articles)}")
        lines += [f"    errored: {a.file}: {_short(a.error)}" for a in whole.articles if a.error][
            :10
        ]
        if self.folds > 1:
            lines += self._render_folds(whole)
        if self.curve:
            lines += self._render_curve()
        if self.show > 0:
            lines += self._render_show(whole)
        lines.append(
            f"  time: {run.seconds:.1f}s extraction "
            f"({len(run.gold) / run.seconds if run.seconds else 0.0:.2f} "
            f"articles/s), {run.load_seconds:.1f}s model load"
        )
        return "\n".join(lines)

    def _render_folds(self, whole: NewsScore) -> list[str]:
        k = self.folds
        header = "".join(
            f" {h:>6}"
            for h in (
                "ev R",
                "ev P",
                "ev F1",
                "st R",
                "st P",
                "st F1",
                "kind",
                "loc",
                "date",
                "status",
            )
        )
        lines = [
            f"  folds: {k} (files sorted, i-th article to fold i mod {k})",
            f"    {'fold':<7}{header}   articles",
        ]
        rows = []
        for i, files in enumerate(fold_files((a.file for a in whole.articles), k)):
            part = whole.subset(files)
            values = _fold_values(part)
            rows.append(values)
            lines.append(_fold_row(str(i + 1), values) + f"   {len(part.articles)}")
        columns = [[v for v in column if v is not None] for column in zip(*rows, strict=True)]
        lines.append(_fold_row("mean", [statistics.fmean(c) if c else None for c in columns]))
        lines.append(
            _fold_row("sd", [statistics.stdev(c) if len(c) > 1 else None for c in columns])
        )
        lines.append(_fold_row("min", [min(c) if c else None for c in columns]))
        lines.append(_fold_row("max", [max(c) if c else None for c in columns]))
        lines.append(_fold_row("all", _fold_values(whole)))
        return lines

    def _render_curve(self) -> list[str]:
        lines = [
            "  confidence curve (facts below the threshold dropped):",
            f"    {'min':>4}  {'ev P':>6} {'ev R':>6} {'ev F1':>6} {'ev n':>5}   "
            f"{'st P':>6} {'st R':>6} {'st F1':>6} {'st n':>5}",
        ]
        for threshold in CURVE_THRESHOLDS:
            s = score(self.run.gold, self.run.predictions, threshold)
            e, st = s.events, s.statements
            lines.append(
                f"    {threshold:4.1f}  {e.precision:6.3f} {e.recall:6.3f} {e.f1:6.3f} "
                f"{e.predicted:5d}   "
                f"{st.precision:6.3f} {st.recall:6.3f} {st.f1:6.3f} {st.predicted:5d}"
            )
        return lines

    def _render_show(self, whole: NewsScore) -> list[str]:
        n = self.show
        missed_events = [(a.file, g) for a in whole.articles for g in a.missed_events][:n]
        wrong_events = [(a.file, e) for a in whole.articles for e in a.wrong_events][:n]
        missed_statements = [(a.file, g) for a in whole.articles for g in a.missed_statements][:n]
        wrong_statements = [(a.file, s) for a in whole.articles for s in a.wrong_statements][:n]
        lines = [
            f"  missed events (first {len(missed_events)} of "
            f"{whole.events.gold - whole.events.found}):"
        ]
        for file, g in missed_events:
            extra = f' "{_short(g.content_contains, 60)}"' if g.content_contains else ""
            lines.append(f"    {file}: {g.type} [{'; '.join(g.labels)}]{extra}")
        lines.append(
            f"  false positive events (first {len(wrong_events)} of "
            f"{whole.events.predicted - whole.events.right}):"
        )
        for file, e in wrong_events:
            who = "; ".join(p.name for p in e.participants) or "no participants"
            lines.append(f'    {file}: {e.type}/{e.kind} [{who}] "{_short(e.evidence, 80)}"')
        lines.append(
            f"  missed statements (first {len(missed_statements)} of "
            f"{whole.statements.gold - whole.statements.found}):"
        )
        for file, stated in missed_statements:
            lines.append(f'    {file}: {stated.label}: "{_short(stated.contains, 80)}"')
        lines.append(
            f"  false positive statements (first {len(wrong_statements)} of "
            f"{whole.statements.predicted - whole.statements.right}):"
        )
        for file, s in wrong_statements:
            lines.append(f'    {file}: {s.speaker} ({s.speaker_text}): "{_short(s.content, 80)}"')
        wrong_fields = [(a.file, w) for a in whole.articles for w in a.wrong_fields]
        lines.append(
            f"  wrong fields of found events (first {min(n, len(wrong_fields))} of "
            f"{len(wrong_fields)}):"
        )
        for file, (name, g, said) in wrong_fields[:n]:
            lines.append(
                f"    {file}: {g.type} [{'; '.join(g.labels)}] {name}: gold {getattr(g, name)!r}, "
                f"found {' | '.join(said)}"
            )
        return lines


def evaluate_news(
    path: Path | str,
    model_name: str,
    *,
    min_confidence: float = 0.0,
    folds: int = 3,
    show: int = 0,
    curve: bool = False,
) -> NewsReport:
    return NewsReport(extract_folder(path, model_name), min_confidence, folds, show, curve)
