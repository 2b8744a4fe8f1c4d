"""Backlinks: every page lists the pages that link to it and that it does not already link to.

Computed from the rendered Markdown itself, so a backlink exists exactly when a
link does. Index pages (home, section indexes, timeline, quotes) link to
everything and would say nothing, so they are not counted as sources; nor are
the editors' Corrections and Review pages (a story's explainer should not say it
is "linked from" the list of what editors fixed, and Review is not for readers).
"""

from __future__ import annotations

import posixpath
import re
from collections import defaultdict
from collections.abc import Mapping

from .env import rel
from .markup import escape_md

_LINK = re.compile(r"\]\(([^)\s#]+\.md)(?:#[^)\s]*)?\)")
_TITLE = re.compile(r"^# (.+)$", re.MULTILINE)
LISTING_PAGES = frozenset(
    {"index.md", "timeline.md", "quotes.md", "connections.md", "tags.md", "corrections.md", "review.md"}
)


def _is_listing(path: str) -> bool:
    return path in LISTING_PAGES or path.endswith("/index.md")


def links_of(path: str, text: str) -> set[str]:
    base = posixpath.dirname(path)
    return {posixpath.normpath(posixpath.join(base, m)) for m in _LINK.findall(text)}


def title_of(text: str) -> str:
    m = _TITLE.search(text)
    return m.group(1) if m else ""


def add_backlinks(pages: Mapping[str, str]) -> dict[str, str]:
    md = {p: t for p, t in pages.items() if p.endswith(".md")}
    out_links = {p: links_of(p, t) for p, t in md.items()}
    incoming: dict[str, set[str]] = defaultdict(set)
    for src, targets in out_links.items():
        if _is_listing(src):
            continue
        for t in targets:
            if t != src and t in md:
                incoming[t].add(src)
    result = dict(pages)
    for target, sources in incoming.items():
        extra = sorted(s for s in sources if s not in out_links[target])
        if not extra or _is_listing(target):
            continue
        # Titles are already escaped Markdown (they come from the pages' own headings).
        items = "".join(f"- [{title_of(md[s]) or escape_md(s)}]({rel(target, s)})\n" for s in extra)
        result[target] = md[target].rstrip("\n") + "\n\n## Linked from\n\n" + items
    return result
