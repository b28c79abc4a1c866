"""The dateline: the place a report was filed from ("CAIRO –", "Riyadh:", "Kyiv • UNN").

Wire copy opens its first paragraph with the city it was filed from. That city is where "here"
is in the text, and where the lead paragraph's event happened unless the sentence says otherwise.
Only a place the gazetteer knows as a capital or a city counts, so a headline that happens to
start with a capitalised word and a colon is not a dateline.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

import pycountry

from bot.extract.countries import country_index
from bot.extract.dates import resolve_date
from bot.extract.pipeline import load_data
from bot.extract.towns import town_named

# Labels wire copy puts where a dateline goes ("EXCLUSIVE (Reuters) -"): no place.
SLUG_WORDS = frozenset(
    "EXCLUSIVE BREAKING FACTBOX ANALYSIS WATCH LIVE UPDATE UPDATED OPINION EXPLAINER INSIGHT "
    "FEATURE REVIEW PHOTOS VIDEO INTERVIEW COMMENT EDITORIAL CORRECTED REFILE".split()
)
# States whose capital bears their name, so their name alone is a dateline ("SINGAPORE -").
CITY_STATES = frozenset({"SGP", "MCO", "SMR", "VAT", "DJI", "KWT", "LUX"})
# A dated dateline more than this before the publication day is a date in the lead, not the
# day the report was filed.
MAX_FILING_LAG = timedelta(days=3)
# A line of a city and a day with a year further back than this heads a timeline's entry.
TIMELINE_LAG = timedelta(days=62)

# PLACE[, REGION][, DATE][ (AGENCY)] followed by a dash (" - " too, or ".- " as EFE files it),
# colon, bullet or bar, by ". /AGENCY/." as TASS files it, or by the full stop after its date.
_DATELINE = re.compile(
    r"^[ \t]*(?P<place>[A-Z][A-Za-z'.-]+(?:[ -][A-Z][A-Za-z'.-]+){0,3})"
    r"(?:/[A-Z][A-Za-z'.-]+(?:[ -][A-Z][A-Za-z'.-]+){0,3})?"  # "DOHA/KABUL": filed from the first
    r"(?:,[ \t]*(?P<region>[A-Z][A-Za-z .]{1,30}?))?"
    r"(?:,?[ \t]*(?P<date>[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2}(?:[,/][ \t]*\d{4})?"  # "January 16/2020"
    # "21 May" as the day first: a month's name ("June 3 Kyodo" is the agency after the day)
    r"|\d{1,2}[ \t]+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6}\.?"
    r"(?:[ \t]+\d{4})?))?"
    # the agency in brackets, or bare after the day as Kyodo files it ("May 24 Kyodo -")
    r"[ \t]*(?:\((?P<agency>[^)\n]{1,40})\)|(?<=\d)[ \t]+[A-Z][A-Za-z]{2,20})?"
    r"[ \t]*(?:--|[—–:•|]|\.?-(?=[ \t])"
    r"|\.[ \t]*/(?P<slashed>[A-Z][A-Za-z-]{1,20})/\.?"  # "MOSCOW, June 2. /TASS/."
    r"|(?<=\d)(?P<stop>\.)(?=[ \t]+[A-Z])"  # "ALMATY, May 17. The talks": a full stop
    # or the line's end after its day, as a line of its own ("LIMA, September 6, 2024"), the
    # agency after a comma ("Quito, May 23, EFE")
    r"|(?P<eol>(?<=\d)(?:,[ \t]*[A-Z][A-Za-z]{2,20})?)[ \t]*$)",
    re.MULTILINE,
)
# AGENCY | PLACE or AGENCY • PLACE alone on a line ("Press Trust of India | New Delhi").
_AGENCY_LINE = re.compile(
    r"^[ \t]*[A-Z][^\n|•]{1,40}?[ \t]*[|•][ \t]*"
    r"(?P<place>[A-Z][A-Za-z'.-]+(?:[ -][A-Z][A-Za-z'.-]+){0,3})[ \t]*$",
    re.MULTILINE,
)
_SEARCHED_LINES = 6
# A month's name, in English or in the Spanish, Portuguese and French of wire copy ("Enero 15").
_MONTH = re.compile(
    r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Ene|Abr|Ago|Dic|Fev|Mai|Set|Out|Dez"
    r"|Janv|F[ée]v|Avr|Juin|Juil|Ao[uû]t|D[ée]c)[a-zéû]{0,7}\b\.?",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Dateline:
    place: str
    country_code: str | None  # None: a wire dateline's town the gazetteer does not know
    end: int  # offset just past the dateline's separator
    date_text: str | None = None  # the day it was filed, as written ("Sept 12")
    region: str | None = None  # the state or country after the place ("ANCHORAGE, Alaska")
    alone: bool = False  # a line of its own ("LIMA, September 6, 2024"), not opening the lead


def find_dateline(text: str) -> Dateline | None:
    """The dateline among the first few lines of `text` with words on them (a headline, a
    source line, a time stamp may come first), or None."""
    head_end = _head_end(text)
    found_lines = [
        *_DATELINE.finditer(text, 0, head_end),
        *_AGENCY_LINE.finditer(text, 0, head_end),
    ]
    for found in sorted(found_lines, key=lambda m: m.start()):
        place = found.group("place").strip()
        filed = found.groupdict()
        region = (filed.get("region") or "").strip() or None
        if _an_outlet(place):
            if region is None:
                continue
            # "The Jakarta Post, Bali -": the outlet signs its copy, the place comes after it
            place, region = region, None
        code = _filed_from(place, region)
        lines_before = sum(1 for line in text[: found.start()].splitlines() if line.strip())
        if place.upper() in SLUG_WORDS:
            continue  # "EXCLUSIVE (Reuters) -", "ANALYSIS -": the story's label, not a place
        if filed.get("stop") and re.search(r"\d{4}", filed.get("date") or "") and lines_before > 1:
            # "ISTANBUL, March 29, 2022. Negotiators met" below the opening: a timeline's entry
            # (at the top, "ASTANA, 3 March 2025. X held talks" is the dateline)
            continue
        if found.groupdict().get("eol") is not None and not _a_dateline_line(
            text, found, place, region, lines_before
        ):
            continue
        if code is None and not (
            place.isupper() and (filed.get("date") or filed.get("agency") or filed.get("slashed"))
        ):
            # a capitalised word and a colon may be a headline; a town in capitals with the day
            # it was filed or the agency that filed it ("RAROTONGA, July 23 (RNZ Pacific) -",
            # "SANTA CRUZ (Reuters) -") is a dateline all the same
            continue
        place = place.title() if place.isupper() else place
        if code is None and (town := town_named(place)) is not None:
            code = town.country_code  # "WUHAN, April 27 (Reuters) -": a town of the towns table
        return Dateline(
            place=place,
            country_code=code,
            end=found.end(),
            date_text=found.groupdict().get("date"),
            region=region,
            alone=found.groupdict().get("eol") is not None,
        )
    return None


def _head_end(text: str) -> int:
    """The offset past the first few lines with words on them, where a dateline may stand."""
    head_end, seen = 0, 0
    while seen < _SEARCHED_LINES:
        nxt = text.find("\n", head_end + 1)
        if nxt < 0:
            return len(text)
        if text[head_end:nxt].strip():
            seen += 1
        head_end = nxt
    return head_end


def _a_dateline_line(
    text: str, found: re.Match[str], place: str, region: str | None, lines_before: int
) -> bool:
    """A line of a place and a day alone ("LIMA, September 6, 2024") is a dateline only for a
    city the gazetteer knows by that name itself (not "By Anna Mbuyi, Lima, ...", a byline, nor
    "Andes Weekly, May 6, 2023", an outlet's stamp, nor "Crimea, ...", a region), with no words of
    a sentence in the region's place ("Quito, Lima to hold talks on March 3" is a headline), below
    two lines at most, and the only such line among the opening ones (not one of a timeline's
    entries or of a tour's stops)."""
    if not _a_city(place) or (
        region is not None and not all(w[0].isupper() for w in region.split())
    ):
        return False
    if not _MONTH.search(found.group("date") or ""):
        return False  # "Lima, Round 2", "Santiago, Day 2": no day of a month
    if lines_before > 2:
        return False
    others = (
        m
        for m in _DATELINE.finditer(text, 0, _head_end(text))
        if m.start() != found.start() and m.group("eol") is not None
    )
    return not any(_a_city(m.group("place").strip()) for m in others)


def _a_city(place: str) -> bool:
    """A capital or city the gazetteer knows by this name, a city-state, or a town of the towns
    table."""
    match = country_index().match(place)
    if match is not None and match.how in ("capital", "city"):
        return True
    if match is not None and match.how == "name" and match.country.code in CITY_STATES:
        return True
    return town_named(place) is not None


def _an_outlet(place: str) -> bool:
    """A news outlet's name where a dateline's place goes ("The Jakarta Post, Bali -")."""
    outlets, name_words = _outlet_names()
    words = place.split()
    return place in outlets or (len(words) >= 2 and words[0] == "The" and words[-1] in name_words)


@lru_cache(maxsize=1)
def _outlet_names() -> tuple[frozenset[str], frozenset[str]]:
    """data/media.json's outlets and the words outlet names end in, read once."""
    media = load_data("media")
    return frozenset(media["outlets"]), frozenset(media["name_words"])


def _filed_from(place: str, region: str | None) -> str | None:
    """The country of a dateline's place: a capital or city the gazetteer knows, a city-state
    ("SINGAPORE, Nov 7"), or a town the gazetteer does not know followed by its country
    ("AL-ULA, Saudi Arabia, Jan 5")."""
    countries = country_index()
    match = countries.match(place)
    if match is not None and match.how in ("capital", "city", "territory"):
        return match.country.code
    if match is not None and match.how == "name" and match.country.code in CITY_STATES:
        return match.country.code
    if not region:
        return None
    country = countries.resolve(region.strip(), hows=("name", "alias"))
    return country.code if country is not None else _country_of_region(region.strip())


def _country_of_region(region: str) -> str | None:
    """The country of a state or province written where a dateline puts the country ("PALM
    BEACH, Florida, April 7", "LA MALBAIE, Que."): pycountry's subdivisions of the countries
    whose datelines do that, and the news agencies' abbreviations of them."""
    abbreviated = load_data("countries")["region_abbreviations"].get(region)
    if abbreviated is not None:
        return str(abbreviated)
    try:
        subdivision = pycountry.subdivisions.lookup(region)
    except LookupError:
        return None
    if subdivision.country_code not in DATELINE_STATES and _subdivision_names()[region] != 1:
        return None  # "Eastern Province", "Punjab": names several countries give
    country = pycountry.countries.get(alpha_2=subdivision.country_code)
    return country.alpha_3 if country is not None else None


@lru_cache(maxsize=1)
def _subdivision_names() -> Counter[str]:
    """How many countries' subdivisions bear each name ("Bali" one, "Punjab" two)."""
    return Counter(sub.name for sub in pycountry.subdivisions)


# Countries whose wire datelines name the state or province in the country's place.
DATELINE_STATES = frozenset({"US", "CA", "AU"})


def dateline_of(dateline: Dateline | None, published: str | None) -> Dateline | None:
    """The dateline, unless it is a line of its own dated with a year long before the publication:
    "Santiago, March 12, 2019" over a 2025 article heads a timeline's entry (weekly and re-posted
    copy is filed days or weeks before)."""
    if dateline is None or not dateline.alone or published is None or not dateline.date_text:
        return dateline
    if not re.search(r"\d{4}", dateline.date_text):
        return dateline  # a day with no year is this year's, whatever lag it has
    found = resolve_date(dateline.date_text, published, prefer="past")
    if found is None or found[1] != "day":
        return dateline
    lag = date.fromisoformat(published) - date.fromisoformat(found[0])
    return dateline if lag <= TIMELINE_LAG else None


def filed_on(dateline: Dateline | None, published: str | None) -> str | None:
    """The day the report was written: the dateline's day ("JUBA, Sept 12 -" in the next day's
    paper) when it is the publication day or a few days before, else the publication day. A
    bare "said", "on Monday" and "next week" are told from that day."""
    if dateline is None or dateline.date_text is None or published is None:
        return published
    found = resolve_date(dateline.date_text, published, prefer="past")
    if found is None or found[1] != "day":
        return published
    lag = date.fromisoformat(published) - date.fromisoformat(found[0])
    return found[0] if timedelta(0) <= lag <= MAX_FILING_LAG else published
