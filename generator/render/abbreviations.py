"""Abbreviation tooltips, per page: only the abbreviations a page actually uses.

A global glossary appended to every page made a 1,400-page build go from 6 s to
160 s (DESIGN.md), so each page gets its own few `*[ABBR]: ...` lines.
"""

from __future__ import annotations

import re

ABBREVIATIONS: dict[str, str] = {
    "ASEAN": "Association of Southeast Asian Nations",
    "AU": "African Union",
    "BBC": "British Broadcasting Corporation",
    "CIA": "Central Intelligence Agency",
    "EEZ": "Exclusive Economic Zone",
    "EU": "European Union",
    "FBI": "Federal Bureau of Investigation",
    "G7": "Group of Seven",
    "G8": "Group of Eight",
    "G20": "Group of Twenty",
    "GDP": "Gross domestic product",
    "IMF": "International Monetary Fund",
    "MEP": "Member of the European Parliament",
    "MP": "Member of Parliament",
    "MPs": "Members of Parliament",
    "NATO": "North Atlantic Treaty Organization",
    "NHS": "National Health Service",
    "QUAD": "Quadrilateral Security Dialogue",
    "SCO": "Shanghai Cooperation Organisation",
    "UK": "United Kingdom",
    "UN": "United Nations",
    "UNSC": "United Nations Security Council",
    "US": "United States",
    "WHO": "World Health Organization",
    "WTO": "World Trade Organization",
}
_FRONT = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)
_WORD = re.compile(
    r"(?<![\w&#])(" + "|".join(sorted(map(re.escape, ABBREVIATIONS), key=len, reverse=True)) + r")(?!\w)"
)


def used(text: str) -> list[str]:
    """The known abbreviations a page's text uses, sorted."""
    return sorted(set(_WORD.findall(_FRONT.sub("", text))))


def with_abbreviations(text: str) -> str:
    """The page with definitions for exactly the abbreviations it uses."""
    found = used(text)
    if not found:
        return text
    lines = "".join(f"*[{a}]: {ABBREVIATIONS[a]}\n" for a in found)
    return text.rstrip("\n") + "\n\n" + lines
