"""Pictures drawn at build time as static SVG: no JavaScript, nothing from a CDN.

Each picture has a text list beside it on its page (the SVG is a summary of the
list, never the only place something is said), and shape and pattern, not
colour alone, tell its kinds apart.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from html import escape

from ..corpus import Node, TimelineEntry, month_of

_ROW = 18


def _esc(text: str) -> str:
    return escape(text, quote=True)


def month_counts(entries: Sequence[TimelineEntry]) -> list[tuple[str, int, int]]:
    """(YYYY-MM, past entries, upcoming entries) for every month that has an entry."""
    past: Counter[str] = Counter()
    upcoming: Counter[str] = Counter()
    for e in entries:
        month = month_of(e.date)
        if len(month) == 7:
            (upcoming if e.upcoming else past)[month] += 1
    return [(m, past[m], upcoming[m]) for m in sorted(set(past) | set(upcoming))]


def timeline_svg(entries: Sequence[TimelineEntry]) -> str:
    """One row per month: a solid bar for what happened, a hatched bar for what is upcoming."""
    rows = month_counts(entries)
    top = max((p + u for _, p, u in rows), default=1) or 1
    width, left, bar = 640, 80, 480
    height = _ROW * len(rows) + 40
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-labelledby="tl-title">',
        '<title id="tl-title">Entries per month: solid bars have happened, hatched bars are upcoming</title>',
        '<defs><pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" '
        'patternTransform="rotate(45)"><rect width="6" height="6" fill="#fff"/>'
        '<line x1="0" y1="0" x2="0" y2="6" stroke="#1a237e" stroke-width="3"/></pattern></defs>',
        '<rect x="0" y="0" width="12" height="12" fill="#3949ab"/>'
        '<text x="18" y="11" font-size="12" font-family="sans-serif">happened</text>'
        '<rect x="110" y="0" width="12" height="12" fill="url(#hatch)" stroke="#1a237e"/>'
        '<text x="128" y="11" font-size="12" font-family="sans-serif">upcoming</text>',
    ]
    for i, (month, past, up) in enumerate(rows):
        y = 30 + i * _ROW
        wp = round(bar * past / top, 1)
        wu = round(bar * up / top, 1)
        out.append(f'<text x="0" y="{y + 12}" font-size="12" font-family="sans-serif">{month}</text>')
        if past:
            out.append(f'<rect x="{left}" y="{y}" width="{wp}" height="14" fill="#3949ab"/>')
        if up:
            out.append(
                f'<rect x="{left + wp}" y="{y}" width="{wu}" height="14" '
                'fill="url(#hatch)" stroke="#1a237e"/>'
            )
        label = f"{past}" + (f" + {up} upcoming" if up else "")
        out.append(
            f'<text x="{left + wp + wu + 6}" y="{y + 12}" font-size="12" '
            f'font-family="sans-serif">{label}</text>'
        )
    out.append("</svg>")
    return "\n".join(out) + "\n"


def top_nodes(nodes: Sequence[Node], related: Mapping[str, Mapping[str, int]], n: int = 24) -> list[Node]:
    """The most connected nodes: the ones a map can show legibly."""
    ranked = sorted(nodes, key=lambda x: (-len(x.articles), -len(related.get(x.path, {})), x.path))
    return sorted(ranked[:n], key=lambda x: x.path)


def connections_svg(nodes: Sequence[Node], related: Mapping[str, Mapping[str, int]]) -> str:
    """Nodes on a circle, lines for the most shared articles (thicker: more shared).

    People are circles, organisations squares, places diamonds.
    """
    size, r = 760, 280
    cx = cy = size / 2
    pos = {}
    for i, node in enumerate(nodes):
        a = 2 * math.pi * i / max(1, len(nodes)) - math.pi / 2
        pos[node.path] = (round(cx + r * math.cos(a), 1), round(cy + r * math.sin(a), 1))
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{size}" height="{size}" '
        f'viewBox="0 0 {size} {size}" role="img" aria-labelledby="cx-title">',
        '<title id="cx-title">Who appears with whom: people (circles), organisations (squares) and '
        "places (diamonds), joined when they share articles or events</title>",
    ]
    # Only the strongest links: with every co-appearance drawn, two dozen busy nodes
    # become a solid disc. The list beside the picture gives all of them.
    pairs = sorted(
        (
            (-weight, node.path, other)
            for node in nodes
            for other, weight in related.get(node.path, {}).items()
            if other in pos and node.path < other
        )
    )[: 2 * len(nodes)]
    for neg_weight, one, other in sorted(pairs, key=lambda p: (p[1], p[2])):
        (x1, y1), (x2, y2) = pos[one], pos[other]
        w = min(6.0, 0.5 + -neg_weight / 4)
        out.append(
            f'<line x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}" stroke="#5c6bc0" '
            f'stroke-opacity="0.7" stroke-width="{w}"/>'
        )
    for node in nodes:
        x, y = pos[node.path]
        if node.kind == "person":
            shape = f'<circle cx="{x}" cy="{y}" r="8" fill="#283593"/>'
        elif node.kind == "organisation":
            shape = f'<rect x="{x - 7}" y="{y - 7}" width="14" height="14" fill="#00695c"/>'
        else:
            shape = f'<polygon points="{x},{y - 9} {x + 9},{y} {x},{y + 9} {x - 9},{y}" fill="#6a1b9a"/>'
        anchor = "start" if x >= cx else "end"
        dx = 12 if x >= cx else -12
        out.append(shape)
        out.append(
            f'<text x="{x + dx}" y="{y + 4}" font-size="12" font-family="sans-serif" '
            f'text-anchor="{anchor}">{_esc(node.name)}</text>'
        )
    out.append("</svg>")
    return "\n".join(out) + "\n"
