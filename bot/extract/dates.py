"""Dates in the text ("on February 12", "on Tuesday", "last week") resolved against publication."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from functools import lru_cache

from dateparser.date import DateDataParser

_NOISE = re.compile(r"^(on|in|at|by|since|from|until|of)\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"\s*['’]s?$")  # "Wednesday's call", "last year's summit"
# "November 4, the 17th", "March 3, the third day" (the tagger's spans of "On November 4, the 17th
# session ..."): a day already told, then the next noun's ordinal, which is no year ("Monday, the
# 16th" is a day)
_ORDINAL_PAST_THE_DAY = re.compile(
    r"^(?P<day>.*\d.*?),\s*the\s+(?:\d+\s*(?:st|nd|rd|th|d)|first|second|third|fourth|fifth|"
    r"sixth|seventh|eighth|ninth|tenth|last|final)\b.*$",
    re.IGNORECASE,
)
# A part of the day of publication, or the night before ("early this morning", "late last night").
_TODAY_PART = re.compile(
    r"^(?:(?:early|late|earlier|later)\s+)?"
    r"(?P<part>this (?:morning|afternoon|evening)|tonight|last night)$",
    re.IGNORECASE,
)
# The part of a day: "late on Monday", "Monday evening" name that Monday.
_DAY_PART = re.compile(
    r"^(?:(?:late|early|later|earlier)\s+(?:on\s+)?)?(?P<day>.+?)"
    r"(?:\s+(?:morning|afternoon|evening|night|hours))?$",  # "on Saturday hours after ..."
    re.IGNORECASE,
)
# A part of a month or year: "late February", "mid-January 2024", "the end of the month".
_PART_OF = re.compile(
    r"^(?:late|early|mid|the (?:end|start|beginning|middle) of"
    r"|the (?:first|second) half of|the (?:first|second|third|fourth|last) quarter of)"
    r"[\s-]+(?P<rest>.+)$",
    re.IGNORECASE,
)
_MAX_DRIFT = timedelta(days=200)
_BARE_ORDINAL = re.compile(r"\d+\s*(?:d|st|nd|rd|th)", re.IGNORECASE)
_NUMERIC_DATE = re.compile(r"\d{4}(?:-\d{2}-\d{2})?")
_RELATIVE = re.compile(
    r"\b(?:next|last|this|ago|coming|past|previous)\b", re.IGNORECASE
)  # already anchored
_THIS_MONTH = re.compile(
    r"^(?:earlier|later|early|late)?\s*(?:this|the current|the) month$", re.IGNORECASE
)
_THIS_YEAR = re.compile(r"^(?:this|the current|the) year$", re.IGNORECASE)
_WEEK = re.compile(
    r"^(?:earlier |later )?(last|past|previous|this|next|coming) week$", re.IGNORECASE
)
_WEEK_OFFSET = {"last": -1, "past": -1, "previous": -1, "this": 0, "next": 1, "coming": 1}


_DAY_OF_WEEK = re.compile(
    r"^(monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\s+"
    r"(?:of\s+)?(last|past|previous|this|next|coming) week$",
    re.IGNORECASE,
)
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _week(phrase: str, published: str) -> tuple[str, str] | None:
    """'last week' is a week, not a day: its Monday, with the precision 'week'; 'Wednesday last
    week' is that week's Wednesday."""
    pub = date.fromisoformat(published)
    this_monday = pub - timedelta(days=pub.weekday())
    day = _DAY_OF_WEEK.match(phrase)
    if day:
        monday = this_monday + timedelta(weeks=_WEEK_OFFSET[day.group(2).lower()])
        return (monday + timedelta(days=_WEEKDAYS.index(day.group(1).lower()))).isoformat(), "day"
    found = _WEEK.match(phrase)
    if not found:
        return None
    monday = this_monday + timedelta(weeks=_WEEK_OFFSET[found.group(1).lower()])
    return monday.isoformat(), "week"


@lru_cache(maxsize=4)
def _parser(base: str, prefer: str) -> DateDataParser:
    return DateDataParser(
        languages=["en"],
        settings={
            "RELATIVE_BASE": datetime.fromisoformat(base),
            "PREFER_DATES_FROM": prefer,
            "RETURN_TIME_AS_PERIOD": False,
            "PREFER_DAY_OF_MONTH": "first",
        },
    )


# "21 to 23 March", "21-23 March", "March 21-23": a range is dated by its first day.
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
# "November last year", "March of this year", "last November": a month placed by the year
# it falls in, counted from the publication (dateparser reads neither).
_MONTH_OF_A_YEAR = re.compile(rf"^({_MONTH})\s+(?:of\s+)?(last|this|next)\s+year$", re.IGNORECASE)
_LAST_NAMED_MONTH = re.compile(rf"^last\s+({_MONTH})$", re.IGNORECASE)
_DAY_RANGE = re.compile(rf"^(\d{{1,2}})\s*(?:-|–|to|and)\s*\d{{1,2}}(\s+{_MONTH}(?:\s+\d{{4}})?)$")
_THAT_YEAR = re.compile(r"\b(?:of )?(?:that|the same) year\b", re.IGNORECASE)
_A_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


def year_told_back(text: str, told_before: list[str]) -> str:
    """ "in October of that year", "later that year": in the year of the last date told before
    with its month (`told_before`, in the text's order: "on 21 September 2019" makes it
    October 2019), not a target ("by 2030"), a plan's name ("Vision 2030") or a year in passing
    ("1953"). Unchanged when no such date was told."""
    if not _THAT_YEAR.search(text):
        return text
    years = [
        found[-1]
        for earlier in told_before
        if re.search(rf"\b{_MONTH}", earlier, re.IGNORECASE)
        if (found := _A_YEAR.findall(earlier))
    ]
    return _THAT_YEAR.sub(years[-1], text).strip() if years else text


_MONTH_RANGE = re.compile(
    rf"^({_MONTH}\s+\d{{1,2}})\s*(?:-|–|to|and)\s*\d{{1,2}}((?:,?\s+\d{{4}})?)$"
)


# A length of time with no anchor ("three years", "the past two weeks", "several months"); "three
# years ago" or "last year" still name a time.
_DURATION = re.compile(
    r"(?:the |an? )?(?:past |last |next |coming |first |previous )?"
    r"(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|few|many|"
    r"a few|some|fifteen|twenty|thirty|forty|fifty|a dozen|dozens of)"
    r"[ -](?:years?|months?|weeks?|days?|decades?|hours?)",  # "70-year reign": hyphened too
    re.IGNORECASE,
)

# "the 1990s", "the early 2000s", "the '80s": a decade is no day, month or year to date by
_DECADE = re.compile(r"(?:the )?(?:early |mid-?|late )?(?:\d\d|')?\d0'?s", re.IGNORECASE)


# "about 12 years", "more than two decades": a length told roughly is a length, unless it is
# counted ahead ("will visit Beijing in about two weeks")
_ROUGH_DURATION = re.compile(
    r"(?:about|around|nearly|almost|roughly|some|over|more than|less than|at least|just over|"
    r"just under|close to|upwards of) " + _DURATION.pattern,
    re.IGNORECASE,
)


# "Thursday through Sunday", "Monday and Tuesday": the first day of the span.
_WEEKDAY_RANGE = re.compile(
    r"^(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\s+"
    r"(?:through|thru|to|until|till|and|-|–)\s+"
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)$",
    re.IGNORECASE,
)


def _first_of_range(phrase: str) -> str:
    weekdays = _WEEKDAY_RANGE.match(phrase)
    if weekdays:
        return weekdays.group(1)
    found = _DAY_RANGE.match(phrase) or _MONTH_RANGE.match(phrase)
    return found.group(1) + found.group(2) if found else phrase


_DAYS_AWAY = re.compile(
    r"^(?:(?:the )?(?P<next>following|next) day|the day (?P<after>after|before)"
    r"|(?P<count>a|an|one|two|three|four|five|six|seven|\d) days? "
    r"(?P<way>later|after|earlier|before))$",
    re.IGNORECASE,
)
# Small counts written out ("two days later", "a three-day visit").
NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}


def days_from_the_day_told(text: str) -> int | None:
    """How many days a phrase told from another day's act lies from it: "the following day" 1,
    "two days later" 2, "the day before" -1; None for a phrase of its own time."""
    found = _DAYS_AWAY.match(_NOISE.sub("", text.strip()))
    if found is None:
        return None
    if found.group("next") or found.group("after"):
        return -1 if found.group("after") == "before" else 1
    count = found.group("count").lower()
    days = int(count) if count.isdigit() else NUMBER_WORDS.get(count, 1)  # "a day later": 1
    return days if found.group("way").lower() in ("later", "after") else -days


def part_of_today(text: str) -> bool:
    """ "this morning", "early this morning", "last night": a time that names the day of
    publication (or the night before), which the tagger labels a TIME."""
    return bool(_TODAY_PART.match(_NOISE.sub("", text.strip())))


def _month_of_a_year(phrase: str, published: str) -> tuple[str, str] | None:
    pub = date.fromisoformat(published)
    if found := _MONTH_OF_A_YEAR.match(phrase):
        month = _month_number(found.group(1))
        shift = {"last": -1, "this": 0, "next": 1}[found.group(2).lower()]
        return (date(pub.year + shift, month, 1).isoformat(), "month") if month else None
    if found := _LAST_NAMED_MONTH.match(phrase):
        month = _month_number(found.group(1))
        if month is None:
            return None
        # the latest such month wholly before the publication's own month
        year = pub.year if month < pub.month else pub.year - 1
        return date(year, month, 1).isoformat(), "month"
    return None


def _month_number(name: str) -> int | None:
    try:
        return datetime.strptime(name[:3].title(), "%b").month
    except ValueError:
        return None


def resolve_date(
    text: str, published: str | None, prefer: str = "current_period"
) -> tuple[str, str] | None:
    """(YYYY-MM-DD, precision day|week|month|year) for a date expression, or None if not one.

    `prefer` ("past", "future", "current_period") settles a bare weekday: "met on Tuesday" is the
    Tuesday before publication, "will meet on Tuesday" the one after; "nearest" is the one before
    when it is a day or two back, else the one after ("was to meet on Tuesday": a plan as it
    stood when the report was written).
    """
    if prefer == "nearest":
        before = resolve_date(text, published, "past")
        after = resolve_date(text, published, "future")
        if before is None or after is None or published is None or before == after:
            return before or after
        # a plan told in the past tense reaches back a day or two at most ("was to meet him on
        # Tuesday", told on Wednesday); further back it was told of the week ahead
        back = (date.fromisoformat(published) - date.fromisoformat(before[0])).days
        return before if back <= 2 else after
    phrase = _first_of_range(_POSSESSIVE.sub("", _NOISE.sub("", text.strip())))
    if told_day := _ORDINAL_PAST_THE_DAY.match(phrase):
        # "November 4, the 17th day of the 2021 talks": the year the rest tells is the day's
        year = re.search(r"\b(?:19|20)\d\d\b", phrase[told_day.end("day") :])
        phrase = told_day.group("day") + (f" {year.group(0)}" if year else "")
    today_part = _TODAY_PART.match(phrase)
    if today_part:
        phrase = today_part.group("part")  # "early this morning": this morning
    part = _DAY_PART.match(phrase)
    if part and part.group("day").lower() in _WEEKDAYS:
        phrase = part.group("day")  # "late on Monday", "Monday evening": that Monday
    whole = _PART_OF.match(phrase)
    if whole and not (part and part.group("day").lower() in _WEEKDAYS):
        found = resolve_date(whole.group("rest"), published, prefer)
        # the part of a month is in that month; a day is too precise to be read from it
        return found if found is None or found[1] != "day" else None
    relative_month = _THIS_MONTH.match(phrase)
    if relative_month and published:
        return published[:8] + "01", "month"
    if published and _THIS_YEAR.match(phrase):
        return published[:5] + "01-01", "year"
    week = _week(phrase, published) if published else None
    if week:
        return week
    month = _month_of_a_year(phrase, published) if published else None
    if month:
        return month
    if published and phrase.lower() == date.fromisoformat(published).strftime("%A").lower():
        return published, "day"  # news usage: "on Thursday" in Thursday's paper is that day
    if not phrase or len(phrase) > 40 or not any(ch.isalnum() for ch in phrase):
        return None
    if not any(ch.isalpha() for ch in phrase) and not _NUMERIC_DATE.fullmatch(phrase):
        return None  # "12, 2025" cut from "Apr 12, 2025" is no month 12
    if _DURATION.fullmatch(phrase) or (prefer != "future" and _ROUGH_DURATION.fullmatch(phrase)):
        return None  # "in three years", "the past two weeks": how long, not when
    if _DECADE.fullmatch(phrase):
        return None
    if _BARE_ORDINAL.fullmatch(phrase):
        return (
            None  # "the 23d meeting", "23rd round": an ordinal, not a day ("on the 23rd" still is)
        )
    if published is None and not re.search(r"\b\d{4}\b", phrase):
        return None  # "next week" or "February 12" with no publication date: no year to anchor
    base = published or date.today().isoformat()
    try:
        data = _parser(base, prefer).get_date_data(phrase)
    except Exception:  # dateparser raises assorted errors on odd input; an odd date is no date
        return None
    if data is None or data.date_obj is None:
        return None
    when = data.date_obj.date()
    period = data.period or "day"
    precision = {"day": "day", "week": "day", "time": "day", "month": "month", "year": "year"}.get(
        period, "day"
    )
    # A month and day without a year belongs to the year that keeps it nearest the publication.
    if published and not re.search(r"\b\d{4}\b", phrase) and not _RELATIVE.search(phrase):
        pub = date.fromisoformat(published)
        if when - pub > _MAX_DRIFT:
            when = when.replace(year=when.year - 1)
        elif pub - when > _MAX_DRIFT and precision == "day" and prefer != "past":
            when = when.replace(year=when.year + 1)
    if precision == "month":
        when = when.replace(day=1)
    elif precision == "year":
        when = when.replace(month=1, day=1)
    return when.isoformat(), precision
