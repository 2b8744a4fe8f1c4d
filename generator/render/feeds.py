"""An Atom feed of the explainers and an iCalendar feed of upcoming events.

No clock: every timestamp comes from the records (the newest publication date),
so the same records give the same bytes.
"""

from __future__ import annotations

import datetime as dt
import re
from xml.sax.saxutils import escape

import icalendar

from ..corpus import Corpus, is_upcoming, week_span

_ICS_STATUS = {"scheduled": "CONFIRMED", "cancelled": "CANCELLED", "declined": "CANCELLED"}


def _stamp(date: str | None) -> str:
    """An RFC 3339 timestamp from a (possibly partial) ISO date: "2019-10" -> 2019-10-01."""
    d = date or ""
    if re.fullmatch(r"\d{4}", d):
        d += "-01-01"
    elif re.fullmatch(r"\d{4}-\d{2}", d):
        d += "-01"
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", d):
        d = "1970-01-01"
    return f"{d}T00:00:00Z"


def atom(c: Corpus, site_title: str, site_url: str = "") -> str:
    """Newest first; entry links are site-relative when no site_url is configured."""
    base = site_url.rstrip("/") + "/" if site_url else ""
    recs = sorted(c.records, key=lambda r: (r.published or "", r.slug), reverse=True)
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<feed xmlns="http://www.w3.org/2005/Atom">',
        f"  <title>{escape(site_title)}</title>",
        f"  <id>{escape(base or 'urn:explainer:site')}</id>",
        f"  <updated>{_stamp(c.as_of)}</updated>",
        f'  <link rel="alternate" href="{escape(base or "../")}"/>',
    ]
    for r in recs:
        href = f"{base}explainers/{r.slug}/" if base else f"../explainers/{r.slug}/"
        summary = " ".join(i.text for i in r.what_happened[:2])
        lines += [
            "  <entry>",
            f"    <title>{escape(r.title)}</title>",
            f"    <id>urn:explainer:{escape(r.slug)}</id>",
            f'    <link rel="alternate" href="{escape(href, {chr(34): "&quot;"})}"/>',
            f"    <updated>{_stamp(r.published or c.as_of)}</updated>",
            "    <author><name>Explainer generator</name></author>",
            f"    <summary>{escape(summary)}</summary>",
            "  </entry>",
        ]
    lines.append("</feed>")
    return "\n".join(lines) + "\n"


def _first_day(value: str) -> tuple[dt.date, str] | None:
    """The calendar day an event of this (possibly partial) date starts, and a note
    on the summary when the article gave less than a day."""
    if "W" in value:
        span = week_span(value)
        return (span[0], " (date: week of this day)") if span else None
    try:
        parts = [int(x) for x in value.split("-")[:3]]
        if len(parts) == 3:
            return dt.date(*parts), ""
        if len(parts) == 2:
            return dt.date(parts[0], parts[1], 1), " (date: month only)"
    except ValueError:
        return None
    return None


def ics(c: Corpus, site_title: str) -> str:
    """Upcoming dated events (a month-only date becomes an all-day event on the 1st,
    a week one on its Monday)."""
    cal = icalendar.Calendar()
    cal.add("prodid", "-//explainer-generator//upcoming events//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", f"{site_title}: upcoming events")
    stamp = dt.datetime.fromisoformat(_stamp(c.as_of).replace("Z", "+00:00"))
    for e in c.events:
        if not e.date or not is_upcoming(e.date, e.status, c.as_of):
            continue
        start = _first_day(e.date)
        if start is None:
            continue  # a year alone is not a day a calendar can show
        day, note = start
        ev = icalendar.Event()
        ev.add("uid", f"{e.slug}@explainer")
        ev.add("dtstamp", stamp)
        ev.add("dtstart", day)
        ev.add("summary", e.title + note)
        if e.place:
            ev.add("location", e.place)
        ev.add("status", _ICS_STATUS.get(e.status, "TENTATIVE"))
        ev.add("description", e.reports[-1].text)
        cal.add_component(ev)
    data: bytes = cal.to_ical()
    return data.decode("utf-8")
