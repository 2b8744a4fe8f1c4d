"""Date expressions: found with spaCy's DATE entities, normalised against an anchor date.

The anchor is the publication date. A date without a year takes the anchor's
year, moved a year back or forward when the tense of its sentence says it lies
in the past or the future ("June 17" in a September article about a call is
this June; "in March" in a sentence with "will" is next March).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Any, Literal

Tense = Literal["past", "future", "present"]

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
WEEKDAYS.update({name.lower(): i for i, name in enumerate(calendar.day_abbr)})

_M = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_D = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_Y = r"(?P<year>(?:1[89]|20|21)\d{2})"
_WD = r"(?:(?P<weekday>" + "|".join(sorted(WEEKDAYS, key=len, reverse=True)) + r")\.?,?\s+)?"

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(rf"^{_Y}-(?P<mnum>\d{{2}})-(?P<dnum>\d{{2}})$")),
    ("mdy", re.compile(rf"^{_WD}(?:the\s+)?{_M}\s+{_D},?\s+{_Y}$", re.I)),
    ("dmy", re.compile(rf"^{_WD}(?:the\s+)?{_D}\s+(?:of\s+)?{_M},?\s+{_Y}$", re.I)),
    ("md", re.compile(rf"^{_WD}(?:the\s+)?{_M}\s+{_D}$", re.I)),
    ("dm", re.compile(rf"^{_WD}(?:the\s+)?{_D}\s+(?:of\s+)?{_M}$", re.I)),
    (
        "my",
        re.compile(
            rf"^(?:(?:early|mid|late|the\s+end\s+of|the\s+start\s+of|the\s+beginning\s+of)[-\s]+)?{_M},?\s+{_Y}$",
            re.I,
        ),
    ),
    (
        "m",
        re.compile(
            rf"^(?:(?:early|mid|late|the\s+end\s+of|the\s+start\s+of|the\s+beginning\s+of)[-\s]+)?{_M}$", re.I
        ),
    ),
    (
        "y",
        re.compile(
            rf"^(?:(?:early|mid|late|the\s+end\s+of|the\s+start\s+of|the\s+beginning\s+of)[-\s]+)?(?:the\s+year\s+)?{_Y}$",
            re.I,
        ),
    ),
    (
        "wd",
        re.compile(
            r"^(?P<rel>last|next|this|past|coming)?\s*(?P<weekday>" + "|".join(WEEKDAYS) + r")\.?$", re.I
        ),
    ),
]

_RELATIVE = re.compile(
    r"^(?P<which>last|next|this|the\s+past|the\s+coming|the\s+following|the\s+previous|earlier\s+this|later\s+this)\s+"
    r"(?P<unit>week|month|year|weekend)$",
    re.I,
)
_AGO = re.compile(
    r"^(?P<n>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?P<unit>day|week|month|year)s?\s+(?P<dir>ago|earlier|before|later|from\s+now|hence)$",
    re.I,
)
_NUMBERS = {
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
}
_LEADING = re.compile(
    r"^(?:on|in|at|by|since|from|until|till|before|after|during|of|around|about|as\s+of|"
    r"as\s+early\s+as|no\s+later\s+than|as\s+recently\s+as|earlier|later|early|late|mid|the)\s+",
    re.I,
)


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


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
        return y
    if tense == "past" and probe > anchor + dt.timedelta(days=1):
        return y - 1
    if tense == "future" and probe < anchor - dt.timedelta(days=1):
        return y + 1
    # Without a tense cue, take the reading closest to the anchor.
    if tense == "present" and abs((probe - anchor).days) > 183:
        return y - 1 if probe > anchor else y + 1
    return y


def normalize(text: str, anchor: dt.date | None, tense: Tense = "present") -> str | None:
    """ISO value of a date expression: YYYY-MM-DD, YYYY-MM, YYYY or YYYY-Www; None for durations."""
    s = re.sub(r"\s+", " ", text.strip().strip(",.;:()")).replace("’", "'")
    s = re.sub(r"'s$", "", s)
    prev = None
    while prev != s:
        prev, s = s, _LEADING.sub("", s)
    low = s.lower()
    if anchor is not None:
        if low in {"today", "tonight", "this morning", "this afternoon", "this evening", "now"}:
            return anchor.isoformat() if low != "now" else None
        if low in {"yesterday", "last night"}:
            return (anchor - dt.timedelta(days=1)).isoformat()
        if low == "tomorrow":
            return (anchor + dt.timedelta(days=1)).isoformat()
        rel = _RELATIVE.match(s)
        if rel:
            return _relative(rel.group("which").lower(), rel.group("unit").lower(), anchor)
        ago = _AGO.match(s)
        if ago:
            n_raw = ago.group("n").lower()
            n = int(n_raw) if n_raw.isdigit() else _NUMBERS[n_raw]
            sign = 1 if ago.group("dir").lower() in {"later", "from now", "hence"} else -1
            return _offset(anchor, n * sign, ago.group("unit").lower())
    for kind, pat in _PATTERNS:
        m = pat.match(s)
        if not m:
            continue
        g = m.groupdict()
        if kind == "iso":
            d = _safe_date(int(g["year"]), int(g["mnum"]), int(g["dnum"]))
            return d.isoformat() if d else None
        if kind in {"mdy", "dmy"}:
            d = _safe_date(int(g["year"]), MONTHS[g["month"].lower()], int(g["day"]))
            return d.isoformat() if d else None
        if kind == "my":
            return f"{int(g['year']):04d}-{MONTHS[g['month'].lower()]:02d}"
        if kind == "y":
            return f"{int(g['year']):04d}"
        if anchor is None:
            return None
        if kind in {"md", "dm"}:
            month, day = MONTHS[g["month"].lower()], int(g["day"])
            d = _safe_date(_shift_year(month, day, anchor, tense), month, day)
            return d.isoformat() if d else None
        if kind == "m":
            if g["month"].lower() in {"may", "mar"} and not text.strip()[0].isupper():
                return None  # the verb "may", not the month
            month = MONTHS[g["month"].lower()]
            return f"{_shift_year(month, None, anchor, tense):04d}-{month:02d}"
        if kind == "wd":
            return _weekday(WEEKDAYS[g["weekday"].lower()], (g.get("rel") or "").lower(), anchor, tense)
    return None


def _relative(which: str, unit: str, anchor: dt.date) -> str | None:
    step = {
        "last": -1,
        "the past": -1,
        "the previous": -1,
        "next": 1,
        "the coming": 1,
        "the following": 1,
    }.get(re.sub(r"\s+", " ", which), 0)
    if unit in {"week", "weekend"}:
        d = anchor + dt.timedelta(weeks=step)
        year, week, _ = d.isocalendar()
        return f"{year}-W{week:02d}"
    if unit == "month":
        y, m = anchor.year, anchor.month + step
        if m < 1:
            y, m = y - 1, 12
        elif m > 12:
            y, m = y + 1, 1
        return f"{y:04d}-{m:02d}"
    return f"{anchor.year + step:04d}"


def _offset(anchor: dt.date, n: int, unit: str) -> str:
    if unit == "day":
        return (anchor + dt.timedelta(days=n)).isoformat()
    if unit == "week":
        year, week, _ = (anchor + dt.timedelta(weeks=n)).isocalendar()
        return f"{year}-W{week:02d}"
    if unit == "month":
        total = anchor.year * 12 + anchor.month - 1 + n
        return f"{total // 12:04d}-{total % 12 + 1:02d}"
    return f"{anchor.year + n:04d}"


def _weekday(wd: int, rel: str, anchor: dt.date, tense: Tense) -> str:
    """ "On Wednesday": the nearest one before the anchor in past tense, after it in future."""
    delta = wd - anchor.weekday()
    if rel in {"next", "coming"} or (not rel and tense == "future"):
        days = delta if delta > 0 else delta + 7
    elif rel in {"last", "past"} or tense == "past":
        days = delta if delta < 0 else delta - 7
        if delta == 0 and not rel:
            days = 0
    else:
        days = delta if abs(delta) <= 3 else (delta - 7 if delta > 0 else delta + 7)
    return (anchor + dt.timedelta(days=days)).isoformat()


def parse_iso(value: str | None) -> dt.date | None:
    """A date from an ISO value of any precision (the first day of a month or year)."""
    if not value:
        return None
    m = re.match(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$", value)
    if not m:
        return None
    return _safe_date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))


# --- finding date mentions in an analysed article -------------------------------

_FUTURE_CUES = {
    "will",
    "shall",
    "'ll",
    "expected",
    "scheduled",
    "planned",
    "plans",
    "plan",
    "due",
    "set",
    "upcoming",
    "next",
    "coming",
    "later",
    "would",
    "aims",
    "intends",
    "going",
}


def sentence_tense(span: Any) -> Tense:
    """Past, future or present, from the sentence's verbs and modal cues."""
    toks = list(span)
    lows = {t.lower_ for t in toks}
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


def _date_ranges(span: Any) -> list[tuple[int, int]]:
    """Character ranges (in the doc) of DATE entities plus explicit dates spaCy missed."""
    doc = span.doc
    out = [(e.start_char, e.end_char) for e in span.ents if e.label_ == "DATE"]
    text = doc.text
    s0, s1 = span.start_char, span.end_char
    pat = re.compile(
        rf"\b(?:{_M}\s+{_D}(?:,?\s+{_Y})?|{_D}\s+{_M}(?:,?\s+{_Y})?)\b".replace("(?P<month>", "(?:")
        .replace("(?P<day>", "(?:")
        .replace("(?P<year>", "(?:"),
        re.I,
    )
    for m in pat.finditer(text, s0, s1):
        if not any(a <= m.start() < b for a, b in out):
            out.append((m.start(), m.end()))
    return sorted(out)


def find_mentions(article: Any) -> list[tuple[int, int, int, str, str | None]]:
    """(block, start, end, text, value) for every date expression in the article."""
    from .article import Article

    assert isinstance(article, Article)
    found: list[tuple[int, int, int, str, str | None]] = []
    for sent in article.sentences(("paragraph", "post", "heading")):
        tense = sentence_tense(sent.span)
        for a, b in _date_ranges(sent.span):
            text = sent.span.doc.text[a:b]
            found.append((sent.block, a, b, text, normalize(text, article.anchor, tense)))
    return found
