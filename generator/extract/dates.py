"""Date expressions: found by a regex scanner, normalised against the publication date.

The conventions follow TimeML/TIMEX3 as news corpora annotate it (MEANTIME,
TempEval):

- a calendar expression gets the ISO value of the point it names, with the
  precision it names: "June 17" a day, "last month" a month, "next week" an
  ISO week, "2019" a year; a clock time ("16:08 UTC") the day it falls on;
- a duration ("three days", "weeks", "a decade"), a span ("2010-11",
  "September 25-27", "the 1970s", "the first quarter of 2009") and an
  expression relative to the story rather than to the publication date
  ("two days later") are mentions with no value;
- "from 2009 to 2011" is two points; "October of next year" is "October"
  (2010-10) and "next year" (2010);
- a few expressions point back to the narrative: "the same day" and a bare
  clock time take the day last named, "the same month a year ago" the month
  last named, "the following year" the year after the one last named;
- the dateline is a mention too (block -1), and the anchor when the seed has
  no front matter.

A date without a year takes the anchor's year, moved a year back or forward
when the tense of its clause says it lies in the past or the future ("June
17" in a September article about a call is this June; "in March" in a clause
with "will" is next March); without a cue the reading nearest the anchor wins.

Detection is pure regex over the sentence text; spaCy's parse (already made
for the other extractors) only decides the tense of the clause.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Literal

from .. import nlp

Tense = Literal["past", "future", "present"]

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
WEEKDAYS.update({name.lower(): i for i, name in enumerate(calendar.day_abbr)})
WEEKDAYS.update({"tues": 1, "weds": 2, "thur": 3, "thurs": 3})

NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "hundred": 100,
}


def _alt(words: Iterable[str]) -> str:
    """A regex alternation, longest words first so that "June" is not cut to "Jun"."""
    return "|".join(sorted(words, key=len, reverse=True))


# --- regex building blocks ------------------------------------------------------
# Month and weekday names are matched without case, then checked for a capital
# letter (see _names_capitalised), so that "may" the verb is not May the month.
_FULL_MONTHS = [m.lower() for m in calendar.month_name if m]
_FULL_DAYS = [d.lower() for d in calendar.day_name]
# A full name, or an abbreviation with an optional full stop ("Sept.", "Wed").
_MON = rf"\b(?:{_alt(_FULL_MONTHS)}|(?:{_alt(k for k in MONTHS if k not in _FULL_MONTHS)})\b\.?)"
_WDN = rf"\b(?:{_alt(_FULL_DAYS)}|(?:{_alt(k for k in WEEKDAYS if k not in _FULL_DAYS)})\b\.?)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[0-9]|20)\d{2}"
_NUM = rf"(?:\d+|{_alt(k for k in NUMBER_WORDS if k not in {'a', 'an'})}|a|an)"
_UNIT = r"(?:day|week|fortnight|month|year|decade)"
_PART = r"(?:morning|afternoon|evening|night)"
_EDGE = r"(?:the\s+)?(?:early|late|mid|end\s+of|start\s+of|beginning\s+of|middle\s+of|turn\s+of)"
_TZ = r"(?-i:UTC|GMT|[A-Z]{1,3}[SD]?T\b|local\s+time)"
_TIME = (
    rf"(?:\d{{1,2}}:\d{{2}}(?:\s*[ap]\.?m\.?)?|\d{{1,2}}\.\d{{2}}\s*[ap]\.?m\b\.?|\d{{1,2}}\s*[ap]\.m\.|\d{{1,2}}\s*[ap]m\b|(?:[01]\d|2[0-3])[0-5]\d(?=\s+{_TZ}))"
    rf"(?:\s*\((?:GMT|UTC)\s*[+-]\s*\d{{1,2}}\))?(?:\s+{_TZ})?"
)

# Each alternative is one kind of expression, tried in this order at every
# position (longest forms first). The group name is the kind.
_SCAN = re.compile(
    r"(?<![\w'])(?:"
    + "|".join(
        [
            # "6:40 p.m. (GMT +8)", "16:00 UTC today", "12:00 UTC Monday"
            rf"(?P<time>{_TIME}(?:\s+(?:on\s+)?(?:today|yesterday|tomorrow|{_WDN}))?)",
            # "October of next year"
            rf"(?P<moy>(?:{_MON}\s+{_DAY}|{_DAY}\s+(?:of\s+)?{_MON}|{_MON})\s+(?:of\s+)?(?:next|last|this)\s+year)",
            # "Monday, September 6, 2025", "the 16th of December 2019"
            rf"(?P<full>(?:{_WDN},?\s+)?(?:{_MON}\s+{_DAY},?\s+{_YEAR}|(?:the\s+)?{_DAY}\s+(?:of\s+)?{_MON},?\s+{_YEAR})(?![\d,]\d))",
            r"(?P<iso>\b\d{4}-\d{2}-\d{2}\b)",
            r"(?P<numeric>\b\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})\b)",
            # "the last week of March"
            rf"(?P<weekof>the\s+(?:first|second|third|fourth|last|final)\s+week\s+of\s+{_MON})",
            # "June 17", "16 December", "Monday, June 1st"
            # "September 25-27": a span of days, not a point
            rf"(?P<drange>{_MON}\s+{_DAY}\s*[-–]\s*{_DAY}\b|{_DAY}\s*[-–]\s*{_DAY}\s+{_MON})",
            rf"(?P<md>(?:{_WDN},?\s+)?(?:{_MON}\s+{_DAY}|(?:the\s+)?{_DAY}\s+(?:of\s+)?{_MON})(?![\d:]))",
            # "October 1982", "early June 2009"
            rf"(?P<my>(?:{_EDGE}[-\s]+)?{_MON},?\s+(?:of\s+)?{_YEAR}\b)",
            # "the first quarter of 2009": a span with no schema value
            rf"(?P<quarter>(?:the\s+)?(?:first|second|third|fourth|final|last)\s+quarter(?:\s+of\s+(?:{_YEAR}|this\s+year|last\s+year|the\s+year))?)",
            # "2010-11", "2007-13": a span of years, not a point
            rf"(?P<yrange>\b{_YEAR}\s*[-–]\s*(?:\d{{2}}|{_YEAR})\b(?!-))",
            # "the 1970s", "the '80s"
            r"(?P<decade>(?:the\s+)?(?:early\s+|late\s+|mid-?)?(?:\b1\d|\b20|')?\d0'?s\b)",
            # "late 2006", "the year 2000", "mid-2011"
            rf"(?P<year>(?:{_EDGE}[-\s]+)?(?:the\s+year\s+)?\b{_YEAR}\b(?![-–/.:]\d|,\d{{3}}))",
            # "the same day", "that day": the day last named
            # "shares fell 3% on the day", "late in the day": the day the story is at
            # (not "the day of the vote", "the day before", "at the end of the day").
            r"(?P<sameday>(?:the\s+same|that)\s+day\b|(?:(?:late|early)\s+in\s+|the\s+start\s+of\s+)?"
            # Nor "the day the debate was to be held", whose clause names another day.
            r"(?<!end\sof\s)the\s+day\b(?!\s+(?:(?:of|before|after|when|that|which|on|in|he|she|they|it|we|"
            r"the|a|an|his|her|their|its|our|this)\b|(?-i:[A-Z]))))",
            # "the same month a year ago", "the same period last year"
            r"(?P<same>the\s+same\s+(?:month|period|quarter|time|week)\s+(?:a\s+year\s+(?:ago|earlier|before)|last\s+year|of\s+(?:the\s+)?(?:last|previous)\s+year|the\s+(?:previous|prior)\s+year))",
            # "earlier today", "yesterday morning", "last night"
            rf"(?P<day>(?:(?:earlier|later)\s+)?(?:today|tonight|yesterday|tomorrow)\b(?:\s+{_PART})?|this\s+{_PART}|last\s+night)",
            # "last Thursday", "Friday morning", "this coming Monday"
            rf"(?P<wd>(?:(?:last|next|this|coming|this\s+coming|this\s+past|past)\s+)?{_WDN}(?:\s+{_PART})?)",
            # "the end of last year", "earlier this month", "next week", "the previous year"
            rf"(?P<rel>(?:{_EDGE}\s+)?(?:earlier\s+|later\s+)?(?:this|last|next|the\s+past|the\s+last|the\s+previous|the\s+coming|the\s+following|the\s+next|the)\s+(?:week(?:end)?|month|year)\b(?!-))",
            # "two years ago", "a week earlier"
            rf"(?P<ago>{_NUM}\s+{_UNIT}s?\s+(?:ago|earlier|later|before|after|from\s+now|hence)\b)",
            # durations: "three days", "recent weeks", "the past nine days", "a decade"
            rf"(?P<dur>(?:(?:the\s+)?(?:past|last|next|coming|previous|following)\s+)?"
            rf"(?:(?:{_NUM}|several|few|a\s+few|many|two\s+and\s+a\s+half)[-\s]+{_UNIT}s?|(?:recent\s+)?{_UNIT}s)\b)",
            # "in December", "last September"
            rf"(?P<month>(?:(?:{_EDGE}|last|next|this|coming|past)[-\s]+)?{_MON}(?!\s*\d))",
        ]
    )
    + ")",
    re.IGNORECASE,
)

# Every expression the scanner knows holds a digit, a month or weekday name, or one of these words.
_TRIGGER = re.compile(
    rf"\d|\b(?:{_alt(MONTHS)}|{_alt(WEEKDAYS)}|today|tonight|yesterday|tomorrow|morning|night|"
    r"days?|weeks?|weekends?|fortnights?|months?|years?|decades?)\b",
    re.IGNORECASE,
)
_FULL_NAMES = set(_FULL_MONTHS) | set(_FULL_DAYS)
# Capitalised words that make a weekday into a named day (a feast, a sale, a
# crash, a primary): its date is not the weekday's nearest occurrence.
_NAMED_DAY = re.compile(
    r"\b(?-i:Black|Cyber|Super|Mega|Good|Holy|Ash|Maundy|Palm|Easter|Whit|Bloody|Shrove|Fat|Blue|Giving)[\s‘'\"“`]+$"
)
_NAME = re.compile(rf"\b(?:{_alt(MONTHS)}|{_alt(WEEKDAYS)})\b", re.IGNORECASE)
# A bare month that is also an English word: only a month after a preposition.
_AMBIGUOUS_MONTHS = {"may", "march", "mar", "jan", "sun", "sat", "wed", "mon", "dec", "aug", "june"}
_MONTH_CUE = re.compile(
    r"(?:\b(?:in|since|by|until|till|from|to|through|during|before|after|of|last|next|this|early|late|mid|since|and|or)\s+|-)$",
    re.IGNORECASE,
)
# What a number before a noun counts: "2000 people" is not a year.
_COUNT_BEFORE = re.compile(
    r"[$£€¥#]\s*$|\b(?:no|nos|number|flight|route|model|rs|usd|eur|gbp)\.?\s*$", re.IGNORECASE
)
_COUNT_AFTER = re.compile(
    r"^\s*(?:%|percent\b|per\s*cent\b|[kmb]n?\b|million\b|billion\b|km\b|kg\b|mm\b|cc\b|mw\b|ft\b|feet\b|metres?\b|meters?\b|miles?\b|tonnes?\b|tons?\b|"
    r"hours?\b|hrs\b|points?\b|units?\b|votes?\b|seats?\b|members?\b|people\b|persons?\b|workers?\b|jobs?\b|troops?\b|soldiers?\b|"
    r"times\b|dollars?\b|euros?\b|pounds?\b|yuan\b|rupees?\b|shares?\b|barrels?\b|[a-z]+ers\b)",
    re.IGNORECASE,
)


def _names_capitalised(text: str) -> bool:
    """Month and weekday names in running text are capitalised; "may" and "march" are verbs."""
    return all(m.group(0)[0].isupper() for m in _NAME.finditer(text))


# --- scanning -------------------------------------------------------------------


def scan(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int, str]]:
    """(start, end, kind) of every date expression in text[start:end], left to right."""
    end = len(text) if end is None else end
    if not _TRIGGER.search(text, start, end):
        return  # most sentences name no time at all; the full scan is the costly part
    for m in _SCAN.finditer(text, start, end):
        kind = m.lastgroup or ""
        a, b = m.span()
        if kind in {"md", "drange", "my", "moy", "month", "wd", "full", "weekof"} and not _names_capitalised(
            m.group(0)
        ):
            continue
        if kind == "wd" and _NAMED_DAY.search(text, max(0, a - 20), a):
            continue  # "Black Monday", "Super Tuesday": a day with a name, not a weekday near the story
        if kind in {"month", "wd"} and _bare_abbreviation(m.group(0)):
            continue  # "Order of the Sun", "Mar" alone: an abbreviation needs a date around it
        if kind == "month" and not _plausible_month(text, a, m.group(0)):
            continue
        if kind == "day" and _capitalised_mid_sentence(text, a):
            continue  # "BBC Radio 4's Today programme" is a name
        if kind in {"year", "yrange"} and not _plausible_year(text, a, b):
            continue
        if kind == "md" and _looks_like_count(text, a, m.group(0)):
            continue
        yield a, b, kind


def _bare_abbreviation(expr: str) -> bool:
    name = _NAME.search(expr)
    return name is not None and name.group(0).lower() not in _FULL_NAMES and not expr.endswith(".")


def _capitalised_mid_sentence(text: str, a: int) -> bool:
    before = text[:a].rstrip()
    return text[a].isupper() and bool(before) and before[-1] not in ".!?:;\"“‘'(`—–-"


def _plausible_month(text: str, a: int, expr: str) -> bool:
    word = re.sub(r"\W", "", expr.split()[-1]).lower()
    if word not in _AMBIGUOUS_MONTHS or len(expr.split()) > 1:
        return True
    return bool(_MONTH_CUE.search(text[max(0, a - 12) : a]))


def _plausible_year(text: str, a: int, b: int) -> bool:
    """A four-digit number names a year unless money, a unit or a count surrounds it."""
    digits = re.search(r"\d{4}", text[a:b])
    if digits is None:
        return False
    year = int(digits.group(0))
    before, after = text[max(0, a - 12) : a], text[b : b + 20]
    if _COUNT_BEFORE.search(before) or re.match(r"^[,.]\d", after) or year > 2099:
        return False  # "$2010", "2000.5"
    if _TEMPORAL_CUE.search(before):
        return True  # "in 2008 voters chose", "since 1815"
    if year < 1900:
        return False  # an older year needs a cue; "1500 workers" is a count
    return not _counts_something(before, after)


def _counts_something(before: str, after: str) -> bool:
    if _COUNT_AFTER.match(after):
        return True  # "2000 people", "1999 percent"
    if re.match(r"^\s*[a-z]+s\b", after) and not re.search(r"\b(?:the|its|their|his|her|'s)\s*$", before):
        return True  # "1500 suppliers" counts suppliers; "the 2010 elections" is a year
    prev = re.search(r"(\d[\d,.]*)\s*(?:to|-|–|and|or)\s*$", before)
    if prev and not re.fullmatch(r"(?:1[89]|20)\d\d", prev.group(1)):
        return True  # "1,500 to 2000"; but "from 2009 to 2011" holds two years
    if re.search(r"\b(?-i:[A-Z][A-Za-z]+)\s+$", before) and re.match(r"^\s+(?-i:[A-Z])", after):
        return re.findall(r"(\w+)\s+$", before)[0].lower() not in MONTHS  # "the Russell 2000 Index"
    return False


# Words before a number that make it a year.
_TEMPORAL_CUE = re.compile(
    r"\b(?:in|since|from|until|till|by|during|before|after|around|circa|c\.|year|early|late|mid)[\s-]*$",
    re.IGNORECASE,
)


def _looks_like_count(text: str, a: int, expr: str) -> bool:
    """ "May 5,000" is not a date; neither is "March 2" in "1 March 2 April" lists (kept)."""
    return bool(re.match(r"^[,.]\d", text[a + len(expr) : a + len(expr) + 2]))


# --- normalising ----------------------------------------------------------------


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _week(d: dt.date) -> str:
    year, week, _ = d.isocalendar()
    return f"{year}-W{week:02d}"


def _month_add(y: int, m: int, n: int) -> tuple[int, int]:
    total = y * 12 + m - 1 + n
    return total // 12, total % 12 + 1


def _shift_year(month: int, day: int | None, anchor: dt.date, tense: Tense) -> int:
    """The year of a month (and day) given without one, from the anchor and the tense."""
    y = anchor.year
    probe = _safe_date(y, month, day or 1)
    if probe is None:
        return y
    if day is None:
        if tense == "past" and month > anchor.month:
            return y - 1
        if tense == "future" and month < anchor.month:
            return y + 1
        if tense == "present" and abs(month - anchor.month) > 6:
            return y - 1 if month > anchor.month else y + 1
        return y
    if tense == "past" and probe > anchor + dt.timedelta(days=1):
        return y - 1
    if tense == "future" and probe < anchor - dt.timedelta(days=1):
        return y + 1
    # Without a tense cue, take the reading closest to the anchor.
    if tense == "present" and abs((probe - anchor).days) > 183:
        return y - 1 if probe > anchor else y + 1
    return y


def _clean(text: str) -> str:
    s = re.sub(r"\s+", " ", text.strip().strip(",;:")).replace("’", "'")
    if s.count("(") != s.count(")"):
        s = s.strip("()")
    s = re.sub(r"(?<!\d)'s$", "", s)  # "Monday's", but not "the 1980's"
    # Leading prepositions are not part of the expression: "on Monday", "in 2019".
    return re.sub(
        r"^(?:(?:on|in|at|by|since|from|until|till|before|after|during|around|about|as\s+of|"
        r"as\s+early\s+as|no\s+later\s+than|as\s+recently\s+as)\s+)+",
        "",
        s,
        flags=re.I,
    )


def normalize(
    text: str, anchor: dt.date | None, tense: Tense = "present", ref: dt.date | None = None
) -> str | None:
    """ISO value of one date expression: YYYY-MM-DD, YYYY-MM, YYYY or YYYY-Www; None for durations.

    `ref` is the day the narrative last named (for a clock time); it defaults
    to the anchor.
    """
    s = _clean(text)
    m = _SCAN.fullmatch(s)
    if m is None or not m.lastgroup:
        return None
    g = m.group(0)
    handler = _HANDLERS.get(m.lastgroup)
    return handler(g, anchor, tense, ref or anchor) if handler else None


def _full(s: str, anchor: dt.date | None, tense: Tense, ref: dt.date | None) -> str | None:
    y = int(re.findall(r"\d{4}", s)[-1])
    month = _month_in(s)
    day = _day_in(re.sub(r"\d{4}", "", s))
    d = _safe_date(y, month, day) if month and day else None
    return d.isoformat() if d else None


def _iso(s: str, anchor: dt.date | None, tense: Tense, ref: dt.date | None) -> str | None:
    d = _safe_date(int(s[:4]), int(s[5:7]), int(s[8:10]))
    return d.isoformat() if d else None


def _numeric(s: str, anchor: dt.date | None, tense: Tense, ref: dt.date | None) -> str | None:
    """ "7/8/07": month first when the first number can be a month (US order), else day first."""
    a, b, y = (int(x) for x in s.split("/"))
    if y < 100:
        y += 2000 if y < 50 else 1900
    d = _safe_date(y, a, b) or _safe_date(y, b, a)
    return d.isoformat() if d else None


def _md(s: str, anchor: dt.date | None, tense: Tense, ref: dt.date | None) -> str | None:
    month, day = _month_in(s), _day_in(s)
    if anchor is None or not month or not day:
        return None
    d = _safe_date(_shift_year(month, day, anchor, tense), month, day)
    return d.isoformat() if d else None


def _my(s: str, anchor: dt.date | None, tense: Tense, ref: dt.date | None) -> str | None:
    month = _month_in(s)
    year = re.findall(r"\d{4}", s)[-1]
    return f"{year}-{month:02d}" if month else None


def _moy(s: str, anchor: dt.date | None, tense: Tense, ref: dt.date | None) -> str | None:
    """ "October of next year", "March 20 last year": the year from the relative part."""
    rel = re.search(r"(?:next|last|this)\s+year$", s, re.I)
    month, year = _month_in(s), _rel(rel.group(0), anchor, tense, ref) if rel else None
    if not month or not year:
        return None
    day = _day_in(s)
    d = _safe_date(int(year), month, day) if day else None
    return d.isoformat() if d else f"{year}-{month:02d}" if not day else None


def _year(s: str, anchor: dt.date | None, tense: Tense, ref: dt.date | None) -> str | None:
    return str(re.findall(r"\d{4}", s)[-1])


def _month(s: str, anchor: dt.date | None, tense: Tense, ref: dt.date | None) -> str | None:
    month = _month_in(s)
    if anchor is None or not month:
        return None
    low = s.lower()
    if low.startswith("last") or low.startswith("past"):
        y = anchor.year if month < anchor.month else anchor.year - 1
    elif low.startswith("next") or low.startswith("coming"):
        y = anchor.year if month > anchor.month else anchor.year + 1
    elif low.startswith("this"):
        y = anchor.year
    else:
        y = _shift_year(month, None, anchor, tense)
    return f"{y:04d}-{month:02d}"


def _weekof(s: str, anchor: dt.date | None, tense: Tense, ref: dt.date | None) -> str | None:
    month = _month_in(s)
    if anchor is None or not month:
        return None
    y = _shift_year(month, None, anchor, tense)
    last = calendar.monthrange(y, month)[1]
    # The n-th week of a month is the ISO week holding its n-th Thursday-ish day;
    # the last week is the last one that lies mostly inside the month.
    ordinal = s.lower().split()[1]
    day = (
        last - 3
        if ordinal in {"last", "final"}
        else {"first": 4, "second": 11, "third": 18, "fourth": 25}[ordinal]
    )
    return _week(dt.date(y, month, min(day, last)))


def _day(s: str, anchor: dt.date | None, tense: Tense, ref: dt.date | None) -> str | None:
    if anchor is None:
        return None
    low = s.lower()
    if "yesterday" in low or low == "last night":
        return (anchor - dt.timedelta(days=1)).isoformat()
    if "tomorrow" in low:
        return (anchor + dt.timedelta(days=1)).isoformat()
    return anchor.isoformat()


def _time(s: str, anchor: dt.date | None, tense: Tense, ref: dt.date | None) -> str | None:
    """A clock time is a point on a day: the day it names, else the day last named."""
    tail = re.search(rf"(today|yesterday|tomorrow|{_WDN})$", s, re.I)
    if tail:
        return normalize(tail.group(1), anchor, tense)
    return ref.isoformat() if ref else None


def _wd(s: str, anchor: dt.date | None, tense: Tense, ref: dt.date | None) -> str | None:
    if anchor is None:
        return None
    name = _NAME.search(s)
    if name is None:
        return None
    wd = WEEKDAYS[name.group(0).lower()]
    rel = re.sub(r"\s+", " ", s[: name.start()].strip().lower())
    return _weekday(wd, rel, anchor, tense).isoformat()


def _weekday(wd: int, rel: str, anchor: dt.date, tense: Tense) -> dt.date:
    """ "On Wednesday": the nearest one before the anchor in past tense, after it in future.

    "last Thursday" is the Thursday of the week before the anchor's week, and
    "next Thursday" the one of the week after (the TimeML reading).
    """
    monday = anchor - dt.timedelta(days=anchor.weekday())
    if rel == "last":
        return monday - dt.timedelta(days=7 - wd)
    if rel == "next":
        return monday + dt.timedelta(days=7 + wd)
    if rel == "this":
        return monday + dt.timedelta(days=wd)
    delta = wd - anchor.weekday()
    if rel in {"coming", "this coming"} or (not rel and tense == "future" and delta != 0):
        return anchor + dt.timedelta(days=delta if delta > 0 else delta + 7)
    if rel in {"past", "this past"}:
        return anchor + dt.timedelta(days=delta if delta < 0 else delta - 7)
    if tense == "present" and 0 < delta % 7 <= 3:
        return anchor + dt.timedelta(days=delta % 7)  # "markets reopen Tuesday": the coming one, if near
    # News reports what happened: without a future cue a weekday is the most
    # recent one, the anchor's own day included.
    return anchor + dt.timedelta(days=delta if delta <= 0 else delta - 7)


_STEP = {
    "last": -1,
    "the past": -1,
    "the last": -1,
    "the previous": -1,
    "next": 1,
    "the coming": 1,
    "the following": 1,
    "the next": 1,
}


def _rel(s: str, anchor: dt.date | None, tense: Tense, ref: dt.date | None) -> str | None:
    if anchor is None:
        return None
    low = re.sub(r"\s+", " ", s.lower())
    unit = re.findall(r"(weekend|week|month|year)$", low)[0]
    which = re.sub(rf"^(?:{_EDGE} )?(?:earlier |later )?", "", low)[: -len(unit)].strip()
    if which == "the" and not re.match(_EDGE, low):
        return None  # "the week", "the year": which one depends on the narrative
    step = _STEP.get(which, 0)
    if unit == "weekend":
        # A weekend is named by its Saturday, when it begins: the schema has no "W34-WE".
        d = anchor + dt.timedelta(weeks=step)
        return (d + dt.timedelta(days=5 - d.weekday())).isoformat()
    if unit == "week":
        return _week(anchor + dt.timedelta(weeks=step))
    if unit == "month":
        y, m = _month_add(anchor.year, anchor.month, step)
        return f"{y:04d}-{m:02d}"
    return f"{anchor.year + step:04d}"


def _ago(s: str, anchor: dt.date | None, tense: Tense, ref: dt.date | None) -> str | None:
    """ "two years ago" counts back from the anchor; "two years later" from an event, so no value."""
    low = s.lower().split()
    if anchor is None or low[-1] not in {"ago", "now", "hence"}:
        return None
    n = int(low[0]) if low[0].isdigit() else NUMBER_WORDS.get(low[0], 0)
    sign = 1 if low[-1] in {"now", "hence"} else -1
    unit = low[1].rstrip("s")
    if unit in {"day", "week", "fortnight"}:
        days = n * {"day": 1, "week": 7, "fortnight": 14}[unit]
        return (anchor + dt.timedelta(days=sign * days)).isoformat()
    if unit == "month":
        y, m = _month_add(anchor.year, anchor.month, sign * n)
        return f"{y:04d}-{m:02d}"
    if unit == "year":
        return f"{anchor.year + sign * n:04d}"
    return None


def _month_in(s: str) -> int:
    m = re.search(rf"\b({_alt(MONTHS)})\b", s, re.I)
    return MONTHS[m.group(1).lower()] if m else 0


def _day_in(s: str) -> int:
    m = re.search(r"\b(\d{1,2})(?:st|nd|rd|th)?\b", s)
    return int(m.group(1)) if m else 0


_Handler = Callable[[str, dt.date | None, Tense, dt.date | None], str | None]
_HANDLERS: dict[str, _Handler] = {
    "time": _time,
    "full": _full,
    "iso": _iso,
    "numeric": _numeric,
    "weekof": _weekof,
    "md": _md,
    "my": _my,
    "moy": _moy,
    "year": _year,
    "day": _day,
    "wd": _wd,
    "rel": _rel,
    "ago": _ago,
    "month": _month,
}


def parse_iso(value: str | None) -> dt.date | None:
    """A date from an ISO value of any precision (the first day of a month or year)."""
    if not value:
        return None
    m = re.match(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$", value)
    if not m:
        return None
    return _safe_date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))


def full_dates(text: str) -> list[str]:
    """The complete calendar dates (day, month and year) a text names, as ISO values."""
    out = []
    for a, b, kind in scan(text):
        if kind in {"full", "iso"}:
            value = normalize(text[a:b], None)
            if value:
                out.append(value)
    return out


_LOOKS_AHEAD = re.compile(
    r"\b(?:will|shall|'ll|scheduled|due|expected|planned|plans?|set\s+to|until|till|next|upcoming|deadline)\b",
    re.IGNORECASE,
)


def latest_reported_date(texts: Iterable[str]) -> str | None:
    """The newest full date the texts report, a bound on when they were written.

    Dates in sentences that look ahead ("the vote will take place on May 5,
    2026") are set aside unless nothing else is dated.
    """
    reported: list[str] = []
    planned: list[str] = []
    for text in texts:
        for sentence in re.split(r"(?<=[.!?])\s+", text):
            found = full_dates(sentence)
            (planned if _LOOKS_AHEAD.search(sentence) else reported).extend(found)
    return max(reported or planned, default=None)


def first_full_date(text: str) -> str | None:
    """The first complete calendar date in a line ("LONDON, 5 March 2024 10:32 GMT" -> 2024-03-05)."""
    return next(iter(full_dates(text)), None)


# --- finding date mentions in an analysed article -------------------------------


def sentence_tense(span: Any) -> Tense:
    """Past, future or present, from the sentence's verbs and modal cues."""
    toks = list(span)
    lows = {t.lower_ for t in toks}
    # Word forms on purpose: the participles of "is expected to", "is scheduled to"
    # (and the adjective "due") mark the future; "expects" or "plans" need not.
    if lows & {"will", "shall", "'ll"} or (
        {"expected", "scheduled", "due", "set", "planned"} & lows and "to" in lows
    ):
        return "future"
    if {"upcoming", "next", "planned"} & lows:
        return "future"
    root = next((t for t in toks if t.dep_ == "ROOT"), None)
    if root is not None:
        aux = [c for c in root.children if c.dep_ in {"aux", "auxpass"}]
        if root.tag_ == "VBD" or any(a.tag_ == "VBD" for a in aux):
            return "past"
        if any(a.lower_ in {"has", "have", "had"} for a in aux) and root.tag_ == "VBN":
            return "past"
    if any(t.tag_ == "VBD" for t in toks):
        return "past"
    return "present"


# Verbs (by lemma) and adjectives that put what they govern ahead: "is set to",
# "was scheduled for", "plans to".
_FUTURE_HEADS = {"expect", "schedule", "plan", "intend", "aim", "hope", "prepare", "slate", "set", "due"}


_MODALS = {"would", "may", "might", "could", "should", "can", "must", "ought"}


def clause_tense(tok: Any, fallback: Tense) -> Tense:
    """The tense of the clause a date token belongs to: its nearest verb's auxiliaries decide.

    "He said on Monday that talks will resume in March": Monday is past (said),
    March future (will resume).
    """
    verb = nlp.governing_verb(tok)
    if verb.pos_ not in {"VERB", "AUX"}:
        return fallback
    aux = {c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}}
    if not aux and verb.dep_ == "conj":
        # "will bypass Malaysia and fly to Sydney": the second verb shares the first one's "will"
        aux = {c.lower_ for c in verb.head.children if c.dep_ in {"aux", "auxpass"}}
    if aux & {"will", "shall", "'ll", "wo"}:
        return "future"
    if aux & _MODALS and not aux & {"have", "'ve"}:
        return "future"  # "may be signed on September 12", "would open on Friday"
    if "to" in aux:
        # An infinitive looks ahead when a noun or a plan governs it ("an event to be
        # held on October 12", "plans to meet"); otherwise ("forced it to file on
        # Monday") it says nothing, and the nearest reading is the safest.
        head = verb.head
        return (
            "future" if head.pos_ in {"NOUN", "PROPN"} or nlp.verb_lemma(head) in _FUTURE_HEADS else "present"
        )
    if nlp.verb_lemma(verb) in _FUTURE_HEADS and (verb.tag_ == "VBD" or aux & {"was", "were"}):
        return "present"  # "was scheduled for October 15": planned then, so the nearest reading
    if verb.tag_ == "VBD" or aux & {"was", "were", "did", "had"}:
        return "past"
    if verb.tag_ == "VBN":
        # "has been scheduled for June 3" looks ahead; "has fallen since March" back.
        if nlp.verb_lemma(verb) in _FUTURE_HEADS:
            return "future"
        if not aux and fallback == "future":
            return "future"  # "a meeting planned for May", in a sentence that looks ahead
        return "past"  # a perfect, or a reduced passive: "plans announced in January"
    if verb.tag_ in {"VBZ", "VBP"} or aux & {"is", "are", "am"}:
        if nlp.verb_lemma(verb) in _FUTURE_HEADS or (verb.tag_ == "VBG" and aux & {"is", "are", "am"}):
            return "future"  # "is set to", "are meeting next week"
        return "present" if fallback != "future" else "future"
    return fallback


def _token_at(doc: Any, char: int) -> Any:
    for tok in doc:
        if tok.idx <= char < tok.idx + len(tok.text):
            return tok
    return None


_DAY_VALUE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass
class _Narrative:
    """What the text has named so far, for expressions that point back to it."""

    anchor: dt.date | None
    day: dt.date | None  # the day last named ("the same day", a clock time)
    month: str | None = None  # the month last named ("the same month a year ago")
    point: str | None = None  # the last value named, of any precision but a week

    def note(self, kind: str, value: str | None) -> None:
        if value and "W" not in value:
            self.point = value
        if value and _DAY_VALUE.match(value) and kind != "time":
            self.day = parse_iso(value)
        if value and len(value) >= 7 and "W" not in value:
            self.month = value[:7]


Mention = tuple[int, int, int, str, str | None]


def find_mentions(article: Any) -> list[Mention]:
    """(block, start, end, text, value) for every date expression in the article.

    The dateline comes first, as block -1 (it stands outside the body's blocks).
    A subheading's date is left out when the text names the same date again:
    the heading only announces what the paragraphs under it say.
    """
    from .article import Article

    assert isinstance(article, Article)
    anchor = article.anchor
    found: list[Mention] = []
    dateline = article.document.dateline
    if dateline:
        for a, b, kind in scan(dateline):
            if kind in {"full", "iso", "numeric", "my"}:
                found.append((-1, a, b, dateline[a:b], normalize(dateline[a:b], anchor)))
                break
    story = _Narrative(anchor, anchor)
    for sent in article.sentences(("paragraph", "post", "heading")):
        found.extend(_sentence_mentions(sent, story))
    blocks = article.document.blocks
    in_text = {v for blk, *_, v in found if blk >= 0 and blocks[blk].kind != "heading" and v}
    return [m for m in found if m[0] < 0 or blocks[m[0]].kind != "heading" or m[4] not in in_text]


def _sentence_mentions(sent: Any, story: _Narrative) -> list[Mention]:
    doc = sent.span.doc
    spans = list(scan(doc.text, sent.start, sent.end))
    if not spans:
        return []
    fallback = sentence_tense(sent.span)  # parsed only for sentences that hold a date
    out: list[Mention] = []
    for i, (a, b, kind) in enumerate(spans):
        text = doc.text[a:b]
        tok = _token_at(doc, a)
        tense = clause_tense(tok, fallback) if tok is not None else fallback
        if tok is not None and _UNTIL.search(doc.text[max(0, a - 8) : a]) and not _simple_past(tok):
            tense = "future"  # "markets stay closed until Friday": the coming one
        if kind == "moy":
            out.extend(_split_relative_year(sent.block, a, text, story.anchor, tense))
            story.note(kind, out[-2][4])
            continue
        value = _contextual_value(kind, text, tense, story)
        if kind == "day" and _inside_quote(doc.text, a) and story.day:
            # Quoted speech says "today" on the day it was spoken: the day last named.
            value = normalize(text, story.day, tense)
        if kind == "time" and i + 1 < len(spans) and _GLUE.fullmatch(doc.text[b : spans[i + 1][0]]):
            # "at 16:15 UTC, June 1st": the time is on the day named right after it
            nxt = doc.text[spans[i + 1][0] : spans[i + 1][1]]
            value = normalize(nxt, story.anchor, tense, story.day) or value
        out.append((sent.block, a, b, text, value))
        story.note(kind, value)
    return out


_UNTIL = re.compile(r"\b(?:until|till)\s+$", re.I)


def _simple_past(tok: Any) -> bool:
    """The clause is told in the simple past ("stayed closed until Friday")."""
    verb = tok
    for _ in range(12):
        if verb.pos_ in {"VERB", "AUX"}:
            auxes = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
            aux = {c.lower_ for c in auxes}
            if verb.tag_ == "VBD" or any(c.tag_ == "VBD" for c in auxes):
                return True
            if aux or verb.tag_ != "VBN":
                return False
            # "stayed shut until Tuesday": a bare participle takes its verb's tense.
        if verb.head.i == verb.i:
            return False
        verb = verb.head
    return False


def _inside_quote(text: str, pos: int) -> bool:
    before = text[:pos]
    if before.count("“") > before.count("”") or before.count("``") > before.count("''"):
        return True
    return before.count('"') % 2 == 1


_GLUE = re.compile(r"\s*(?:,|on|,\s*on)?\s*")


def _contextual_value(kind: str, text: str, tense: Tense, story: _Narrative) -> str | None:
    if kind == "same":
        return _year_before(story.month)
    if kind == "sameday":
        return story.day.isoformat() if story.day else None
    if kind == "rel" and re.match(r"the\s+following\s+(?:year|month)$", text, re.I):
        return _following(text, story.point)
    if kind in _NO_VALUE:
        return None
    return normalize(text, story.anchor, tense, story.day)


def _following(text: str, point: str | None) -> str | None:
    """ "in 2001 ..., and the following year": the unit after the one the text last named."""
    if not point:
        return None
    if text.lower().endswith("year"):
        return f"{int(point[:4]) + 1:04d}"
    if len(point) < 7:
        return None
    y, m = _month_add(int(point[:4]), int(point[5:7]), 1)
    return f"{y:04d}-{m:02d}"


def _split_relative_year(
    block: int, a: int, text: str, anchor: dt.date | None, tense: Tense
) -> list[Mention]:
    """ "October of next year" is two mentions, as TIMEX3 marks it.

    "October" (2010-10) and "next year" (2010).
    """
    rel = re.search(r"(?:next|last|this)\s+year$", text, re.I)
    assert rel is not None  # the scanner's "moy" pattern ends so
    head = re.sub(r"\s+(?:of\s+)?$", "", text[: rel.start()])
    return [
        (block, a, a + len(head), head, normalize(text, anchor, tense)),
        (block, a + rel.start(), a + len(text), rel.group(0), normalize(rel.group(0), anchor, tense)),
    ]


def _year_before(month: str | None) -> str | None:
    """ "the same month a year ago": the month last named, a year earlier."""
    if not month:
        return None
    return f"{int(month[:4]) - 1:04d}{month[4:]}"


# Kinds that are mentions of time but name no point the schema can hold.
_NO_VALUE = {"dur", "decade", "yrange", "drange", "quarter", "same", "sameday"}
