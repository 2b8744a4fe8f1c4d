"""A sentence cut into clauses: two statements joined by "and", "but" or ";", each
with its own subject, are judged apart. Also where a block's quotations run, since a
clause is never cut inside someone's quoted words."""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ..model import Provenance
from .article import Article, Sentence
from .lexicon import SUBORDINATORS

FINITE = {"VBZ", "VBP", "VBD", "MD"}
OPEN_QUOTES = '“"‘'


@dataclass(frozen=True)
class Clause:
    """A run of a sentence's tokens that makes one statement."""

    sent: Sentence
    span: Any  # spacy.tokens.Span, a slice of sent.span

    @property
    def text(self) -> str:
        return tidy(str(self.span.text))

    def provenance(self) -> Provenance:
        """The clause's own words: without the conjunction that joined it or a final comma."""
        toks = [t for t in self.span if not t.is_space]
        while toks and (toks[0].lower_ in {"and", "but", "yet", "while"} or toks[0].is_punct):
            toks = toks[1:]
        while toks and toks[-1].text in {",", ";"}:
            toks = toks[:-1]
        if not toks:
            toks = list(self.span)
        base = self.sent.span.start_char - self.sent.start
        start, end = toks[0].idx - base, toks[-1].idx + len(toks[-1].text) - base
        return Provenance(self.sent.block, start, end)


def tidy(text: str) -> str:
    """A clause as a readable statement: no leading conjunction or dangling comma."""
    text = re.sub(r"^(?:and|but|yet|while|;|,)\s+", "", text.strip(), flags=re.I)
    text = text.rstrip(" ,;")
    return text[:1].upper() + text[1:] if text else text


def _splits(span: Any) -> list[int]:
    """Token indices where a new independent clause starts: after ";" or at a
    coordinating conjunction followed by a short subject and its own finite verb."""
    toks = list(span)
    cuts: list[int] = []
    for k, t in enumerate(toks):
        if k == 0 or k >= len(toks) - 2:
            continue
        left_finite = any(x.tag_ in FINITE for x in toks[:k])
        if t.text == ";" and left_finite:
            cuts.append(k + 1)
            continue
        if t.lower_ not in {"and", "but", "yet"} or not left_finite:
            continue
        if t.head.dep_ == "pobj" and (
            t.head.head.lower_ == "between"
            or any(c.dep_ == "conj" and c.i > t.i and c.pos_ in {"NOUN", "PROPN"} for c in t.head.children)
        ):
            continue  # "between Turkey and Libya", "with Putin and Xi": two names, not two clauses
        if k + 1 < len(toks) and (toks[k + 1].tag_ in {"PRP", "EX"} or toks[k + 1].lower_ in SUBORDINATORS):
            continue  # "... and it is not for negotiation" needs the first half to be understood
        if _conj_clause(t):
            cuts.append(k)
            continue
        # The words after the conjunction up to the next finite verb must be a
        # short subject (not a verb, no comma): "and his ties ... remain".
        rest = toks[k + 1 :]
        if not rest or rest[0].pos_ not in {"DET", "PRON", "PROPN", "NOUN", "ADJ", "NUM"}:
            continue
        for j, x in enumerate(rest[:9]):
            if x.text in {",", ";", ":"} or x.lower_ in {"and", "or"}:
                break
            if x.tag_ in FINITE and j > 0:
                cuts.append(k)
                break
    return cuts


def _conj_clause(cc: Any) -> bool:
    """The parse joins two clauses here: the conjunct after it is a verb with its own subject."""
    conj = next((c for c in cc.head.children if c.dep_ == "conj" and c.i > cc.i), None)
    return (
        conj is not None
        and conj.pos_ in {"VERB", "AUX"}
        and any(c.dep_ in {"nsubj", "nsubjpass"} and c.i > cc.i for c in conj.children)
    )


def clauses(sent: Sentence) -> list[Clause]:
    span = sent.span
    # Never cut inside a quotation: half a quote has no speaker.
    ranges = quoted_ranges(span.doc.text)
    cuts = [k for k in _splits(span) if not any(a < span[k].idx < b for a, b in ranges)]
    bounds = [0, *cuts, len(span)]
    out = []
    for a, b in itertools.pairwise(bounds):
        part = span[a:b]
        if any(t.is_alpha for t in part):
            out.append(Clause(sent, part))
    return out


def clause_head(span: Any) -> Any:
    """The clause's main word: a word whose head lies outside the clause, a verb first."""
    tops = [
        t
        for t in span
        if not (t.is_space or t.is_punct)
        and (t.head.i < span.start or t.head.i >= span.end or t.head.i == t.i)
    ]
    if not tops:
        return span[0]
    return next((t for t in tops if t.pos_ in {"VERB", "AUX"}), tops[0])


@functools.lru_cache(maxsize=256)
def quoted_ranges(text: str) -> tuple[tuple[int, int], ...]:
    """Character ranges inside quotation marks in a block.

    A straight quote that opens a sentence while a quotation is open starts a new
    one: news copy leaves a quote unclosed when the speaker goes on in a new
    passage, and toggling would invert the rest of the block. One that opens in
    mid-sentence is a quotation inside the quotation ('The "United States" is').
    """
    out: list[tuple[int, int]] = []
    start: int | None = None
    depth = 0
    for i, ch in enumerate(text):
        before = text[i - 1] if i else " "
        opens = ch == "“" or (ch == '"' and (before.isspace() or before in "([—-"))
        if opens and start is not None:
            if text[:i].rstrip()[-1:] in {".", "!", "?", ":"}:
                out.append((start, i))
                start, depth = i, 1
            else:
                depth += 1
        elif opens:
            start, depth = i, 1
        elif start is not None and ch in '”"':
            depth -= 1
            if depth == 0:
                out.append((start, i + 1))
                start = None
    if start is not None:
        out.append((start, len(text)))
    return tuple(out)


def inside_quote(sent: Sentence, ranges: tuple[tuple[int, int], ...]) -> bool:
    """The sentence starts inside a quotation: someone's words, not the article's."""
    return any(a < sent.start < b - 1 for a, b in ranges)


def mostly_quoted(sent: Sentence, ranges: tuple[tuple[int, int], ...]) -> bool:
    inside = sum(max(0, min(b, sent.end) - max(a, sent.start)) for a, b in ranges)
    return inside > 0.5 * max(1, sent.end - sent.start)


def own_sentences(article: Article, quoted_ok: bool = False) -> Iterator[Sentence]:
    """The article's own sentences (not headings; not the inside of someone's quote)."""
    ranges: dict[int, tuple[tuple[int, int], ...]] = {}
    for sent in article.sentences(("paragraph",)):
        if not quoted_ok:
            if sent.block not in ranges:
                ranges[sent.block] = quoted_ranges(article.document.blocks[sent.block].text)
            if inside_quote(sent, ranges[sent.block]):
                continue
        yield sent
