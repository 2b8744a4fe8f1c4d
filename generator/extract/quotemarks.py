"""Pairing quotation marks: which stretches of an article are quoted.

Works on the article's blocks (paragraphs) and never raises, whatever the marks:
curly (“…” ‘…’), straight ("…" '…'), TeX-style (``…'' and ''…''), doubled
single marks (‘‘…’’ and “…’’), guillemets («…»). A straight mark is an opener
or a closer by what stands around it. Single marks double as apostrophes
("don't", "Modi’s", "the Kurds’", "’90s"), so a single-quoted stretch needs a
clear closer in the same paragraph, and single marks inside a double-quoted
stretch are left to the text.

Quotes that run over paragraphs are joined: news style reopens the quote at the
start of every paragraph and closes it only at the end of the last; the
sentence-per-line layout (one block a line) opens on one line and closes on a
later one without reopening. A corpus that joins paragraphs into one line keeps
the reopening mark mid-line ('... in Scotland. "That's ...'): after a full stop
it goes on with the open quote, so the quote's closer ends it and a later
opening mark, after the narration, starts another speaker's quote.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

Family = Literal["d", "s"]  # double or single marks
Role = Literal["open", "close", "both"]

# How many following blocks a quote left open may close in (sentence-per-line layout).
_LOOKAHEAD_BLOCKS = 4
# An unclosed double quote shorter than this is a stray mark, not a quotation.
_MIN_UNCLOSED = 20
_OPEN_BEFORE = set(" \t\n([{—–-/") | {""}
_CLOSE_AFTER = set(" \t\n.,;:!?)]}—–-/…") | {""}


@dataclass(frozen=True)
class Mark:
    pos: int  # index of the mark in the block
    length: int
    family: Family
    role: Role


@dataclass(frozen=True)
class Piece:
    """The quoted text of one block: block index and its span, marks excluded."""

    block: int
    start: int
    end: int


@dataclass(frozen=True)
class QuoteSpan:
    pieces: tuple[Piece, ...]
    closed: bool

    @property
    def block(self) -> int:
        return self.pieces[0].block

    @property
    def start(self) -> int:
        return self.pieces[0].start

    @property
    def end(self) -> int:
        return self.pieces[0].end

    def text(self, blocks: Sequence[str]) -> str:
        """The quoted words: each paragraph's part as it stands, joined by a blank line."""
        return "\n\n".join(blocks[p.block][p.start : p.end] for p in self.pieces)


def _at(text: str, i: int) -> str:
    return text[i] if 0 <= i < len(text) else ""


def _single_role(text: str, i: int) -> Role | None:
    """A straight or curly single mark: opener, closer, or an apostrophe (None)."""
    prev, nxt = _at(text, i - 1), _at(text, i + 1)
    ch = text[i]
    if prev.isalnum() and nxt.isalnum():
        return None  # don't, Modi’s, rock 'n' roll
    if ch != "’" and (prev in _OPEN_BEFORE or prev in '“"') and (nxt.isalnum() or nxt in '“"[('):
        # ’90s and 'em are apostrophes standing where an opener would.
        if nxt.isdigit() and _at(text, i + 3) == "s" and _at(text, i + 2).isdigit():
            return None
        return "open"
    if ch == "‘":
        return None if prev.isalnum() else "open"
    if (not prev.isspace() and prev != "") and nxt in _CLOSE_AFTER | set("”\"'’"):
        return "close"
    return None


def _double_role(text: str, i: int) -> Role | None:
    """A straight double mark: opener, closer or either, by its neighbours."""
    prev, nxt = _at(text, i - 1), _at(text, i + 1)
    can_open = (prev in _OPEN_BEFORE or prev in "‘'“") and nxt not in {"", " ", "\t", "\n"}
    can_open = can_open and nxt not in ",.;:!?)]}"
    # Closing after a stray space ('" voice control ", which') is still closing.
    can_close = (prev not in {"", " ", "\t", "\n"} or nxt in ",.;:!?)]}") and (
        nxt in _CLOSE_AFTER or nxt in "’'”"
    )
    if can_open and can_close:
        return "both"
    if can_open:
        return "open"
    if can_close:
        return "close"
    if (prev.isalnum() and nxt.isalnum()) or (prev in {" ", "\t"} and nxt in {" ", "\t"}):
        return "both"  # glued or spaced on both sides ('as " voice control ", which'): pairing decides
    return None


def scan(text: str) -> list[Mark]:
    """Every quotation mark in a block, with what it can do."""
    marks: list[Mark] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        two = text[i : i + 2]
        if two in {"``", "‘‘"}:
            marks.append(Mark(i, 2, "d", "open"))
            i += 2
            continue
        if two == "’’" and _at(text, i - 1) not in {"", " ", "\n"}:
            # Two closing single marks for a closing double one ('voters,’’ Moy said').
            marks.append(Mark(i, 2, "d", "close"))
            i += 2
            continue
        if two == "''":
            prev, nxt = _at(text, i - 1), _at(text, i + 2)
            if prev in _OPEN_BEFORE and nxt not in {"", " ", "\n"}:
                marks.append(Mark(i, 2, "d", "open"))
            elif prev not in {"", " ", "\n"}:
                marks.append(Mark(i, 2, "d", "close"))
            i += 2
            continue
        if ch in "“«„":
            marks.append(Mark(i, 1, "d", "open"))
        elif ch in "”»":
            marks.append(Mark(i, 1, "d", "close"))
        elif ch == '"':
            role = _double_role(text, i)
            if role is not None:
                marks.append(Mark(i, 1, "d", role))
        elif ch in "‘’'":
            srole = _single_role(text, i)
            if srole is not None:
                marks.append(Mark(i, 1, "s", srole))
        i += 1
    return marks


def _style(text: str, mark: Mark) -> str:
    """The glyph a mark is drawn with: straight, TeX or typographic."""
    ch = text[mark.pos]
    return "straight" if ch in "\"'" and mark.length == 1 else "tex" if mark.length == 2 else "curly"


def _starts_with_opener(marks: list[Mark], text: str, family: Family, style: str) -> Mark | None:
    """A paragraph that reopens the quote, with the mark the quote opened with: a page
    that sets an excerpt off with straight marks and its quotes with curly ones
    ('"He walked on, chanting “U-S-A!”' then '“Right,” she said') starts new quotes."""
    lead = len(text) - len(text.lstrip())
    if not marks or marks[0].pos != lead or marks[0].family != family or marks[0].role == "close":
        return None
    return marks[0] if _style(text, marks[0]) == style else None


# Where a paragraph ended before the mark, when paragraphs were joined into one line.
_SENTENCE_END = re.compile(r"(?:[.!?…]|\[\.\]|[.!?]\))\s+$")


def _reopens_in_line(text: str, mark: Mark, style: str) -> bool:
    """An opening mark in the quote's own style right after a sentence's end ('... in
    Scotland. "That's a 5.5% increase'): news style reopens the quote at each paragraph,
    and a corpus that joins paragraphs into one line keeps that mark in the middle of
    it. A quote inside a quote follows a word, not a full stop."""
    # Only the few characters before the mark can end a sentence there (a search from
    # the start of the block would be run again for every opening mark in it).
    before = text[max(0, mark.pos - 32) : mark.pos]
    return _style(text, mark) == style and bool(_SENTENCE_END.search(before))


def _close_single(marks: list[Mark], k: int) -> int | None:
    """Index of the closer of the single-quoted stretch opened at marks[k], if any."""
    for j in range(k + 1, len(marks)):
        m = marks[j]
        if m.family == "s" and m.role == "close":
            return j
        if m.family == "s" and m.role == "open":
            return None  # a second opener first: the first was an apostrophe
    return None


def find_quotes(blocks: Sequence[str], skip: frozenset[int] = frozenset()) -> list[QuoteSpan]:
    """Quoted stretches of an article given as its blocks' texts, in text order.

    Blocks in `skip` (headings, posts) are neither searched nor joined across.
    """
    marks = [[] if b in skip else scan(t) for b, t in enumerate(blocks)]
    out: list[QuoteSpan] = []
    b, k = 0, 0
    while b < len(blocks):
        bm = marks[b]
        if k >= len(bm):
            b, k = b + 1, 0
            continue
        m = bm[k]
        if m.role == "close":
            k += 1
            continue
        if m.family == "s":
            j = _close_single(bm, k)
            if j is None:
                k += 1
                continue
            if bm[j].pos > m.pos + 1:
                out.append(QuoteSpan((Piece(b, m.pos + 1, bm[j].pos),), True))
            k = j + 1
            continue
        span, b, k = _close_double(blocks, marks, b, k, skip)
        if span is not None:
            out.append(span)
    return out


def _close_double(
    blocks: Sequence[str], marks: list[list[Mark]], b: int, k: int, skip: frozenset[int]
) -> tuple[QuoteSpan | None, int, int]:
    """Follow a double-quoted stretch opened at marks[b][k]; returns it and where to go on."""
    opener = marks[b][k]
    style = _style(blocks[b], opener)
    start = opener.pos + opener.length
    pieces: list[Piece] = []
    depth = 1
    nested = False
    j = k + 1
    while True:
        bm = marks[b]
        while j < len(bm):
            m = bm[j]
            if m.family == "d":
                if m.role == "open" and depth == 1 and _reopens_in_line(blocks[b], m, style):
                    # Paragraphs joined into one line: the next paragraph's opening mark
                    # goes on with a quote left open, it does not nest one inside it.
                    pieces.append(Piece(b, start, len(blocks[b][: m.pos].rstrip())))
                    start = m.pos + m.length
                elif m.role == "open":
                    depth += 1
                    # Inner quotes drawn with other marks than the outer one; the same
                    # mark again is more likely a closer that was left out.
                    nested = nested or _style(blocks[b], m) != style
                else:
                    depth -= 1
                    if depth == 0:
                        if m.pos > start or pieces:
                            pieces.append(Piece(b, start, m.pos))
                            return QuoteSpan(tuple(pieces), True), b, j + 1
                        return None, b, j + 1
            j += 1
        # The block ended with the quote still open.
        nxt = b + 1
        if nxt < len(blocks) and nxt not in skip:
            reopen = _starts_with_opener(marks[nxt], blocks[nxt], "d", style)
            if reopen is not None:
                pieces.append(Piece(b, start, len(blocks[b].rstrip())))
                b, j, depth, nested = nxt, 1, 1, False
                start = reopen.pos + reopen.length
                continue
            later = _closes_later(blocks, marks, nxt, skip)
            if later is not None:
                pieces.append(Piece(b, start, len(blocks[b].rstrip())))
                for mid in range(nxt, later[0]):
                    pieces.append(Piece(mid, 0, len(blocks[mid].rstrip())))
                end_b, end_k = later
                pieces.append(Piece(end_b, 0, marks[end_b][end_k].pos))
                return QuoteSpan(tuple(pieces), True), end_b, end_k + 1
        end = len(blocks[b].rstrip())
        rest = blocks[b][start:end].lstrip()
        if rest[:1] in {",", ".", ";", ":", ")", "]"}:
            return None, b + 1, 0  # a stray closing mark taken for an opener, not a quotation
        if nested and not pieces:
            # A paragraph opened by a mark that never closes, with whole quotes inside
            # it: an excerpt's marker ('"Trump walked on, chanting “U-S-A!”'). The
            # quotes inside are the words someone said; read them on their own.
            return None, b, k + 1
        if pieces or end - start > _MIN_UNCLOSED:
            pieces.append(Piece(b, start, end))
            return QuoteSpan(tuple(pieces), False), b + 1, 0
        return None, b + 1, 0


def _closes_later(
    blocks: Sequence[str], marks: list[list[Mark]], b: int, skip: frozenset[int]
) -> tuple[int, int] | None:
    """Sentence-per-line layout: the first double mark of the next few blocks is a closer."""
    for nb in range(b, min(len(blocks), b + _LOOKAHEAD_BLOCKS)):
        if nb in skip:
            return None
        for j, m in enumerate(marks[nb]):
            if m.family != "d":
                continue
            return (nb, j) if m.role == "close" else None
    return None
