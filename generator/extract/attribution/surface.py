"""Cues read off the text around the marks rather than the parse: a signed quote, a
transcript label, a dash after a name, "as a '...'", "is the verdict of X".
"""

from __future__ import annotations

import re
from typing import Any

from ..lexicon import AS_LABEL, VERDICT_OF
from ..quotemarks import QuoteSpan
from ..resolve import Resolver
from .speaker import Found, name_of


def ends_sentence(text: str, quoted: str, end: int) -> bool:
    """The quote closes its sentence and a new one starts after it ('..." Trump said')."""
    rest = text[end:].lstrip(" \"”’'")
    return quoted.rstrip().endswith((".", "!", "?")) and rest[:1].isupper()


_DASH_BEFORE = re.compile(r"(?:--|—|–)\s*$")


def dash_aside(ctx: Resolver, b: int, opener: int) -> Found | None:
    """A quotation set off by a dash right after a person's name."""
    before = ctx.texts[b][:opener]
    m = _DASH_BEFORE.search(before)
    if m is None:
        return None
    doc = ctx.article.docs[b]
    ent = next((e for e in doc.ents if e.end_char == len(before[: m.start()].rstrip())), None)
    if ent is None or ent.label_ != "PERSON":
        return None
    name = ctx.person_at(ent.text, b, ent.start_char)
    return Found(name, "dash aside", True) if name else None


def labelled_as(ctx: Resolver, b: int, opener: int) -> Found | None:
    """ "Reid has gone after Trump as a 'human leech'": whoever does the labelling
    chose the words, though no verb of saying stands there."""
    before = ctx.texts[b][:opener]
    m = AS_LABEL.search(before)
    if m is None:
        return None
    doc = ctx.article.docs[b]
    as_tok = _token_at(doc, m.start())
    if as_tok is None or as_tok.head.pos_ not in {"VERB", "AUX"} or as_tok.head.i == as_tok.i:
        return None
    verb = as_tok.head
    subj = next((c for c in verb.children if c.dep_ == "nsubj" and not ctx.in_quote(b, c.idx)), None)
    if subj is None:
        return None
    name = name_of(ctx, subj, b)
    return Found(name, "labelled as", True) if name else None


def _token_at(doc: Any, idx: int) -> Any:
    """The token that starts at this character of the block, or None."""
    span = doc.char_span(idx, idx + 1, alignment_mode="expand")
    return span[0] if span is not None and span[0].idx == idx else None


def verdict_of(ctx: Resolver, b: int, end: int) -> Found | None:
    """'"The electorate are keener on the party," is the dry assessment of Graham Lane':
    the person the words are credited to after the quote."""
    m = VERDICT_OF.match(ctx.texts[b][end:])
    if m is None:
        return None
    tok = _token_at(ctx.article.docs[b], end + m.end())
    while tok is not None and tok.dep_ in {"compound", "amod", "det", "poss"} and tok.head.i > tok.i:
        tok = tok.head
    if tok is None:
        return None
    name = name_of(ctx, tok, b)
    return Found(name, "credited after", True) if name else None


_DASH_SIGNATURE = re.compile(
    r"^[”\"'’]{0,2}\s*[―—–-]{1,2}\s*([A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,4})[ \t]*(?:[.,;(\n“\"]|$)"
)


# A transcript's speaker label: "WALLACE: ", "MR. SMITH: ".
SPEAKER_LABEL = r"([A-Z][A-Z.'’-]+(?:\s[A-Z][A-Z.'’-]+)?):"


TRANSCRIPT = re.compile(rf"^{SPEAKER_LABEL}\s")


# The label a turn's quote was cut from: the block's start, an opening mark, the label.
_TRANSCRIPT_LABEL = re.compile(rf"^\s*(?:[\"“‘']|``)?\s*{SPEAKER_LABEL}\s*$")


def signed_by(ctx: Resolver, s: QuoteSpan) -> Found | None:
    """ "'...' ― Pamela Ruiz" (a name signed after the quote) or a transcript line "SMITH: ..."."""
    last = s.pieces[-1]
    m = _DASH_SIGNATURE.match(ctx.texts[last.block][last.end :])
    if m:
        name = m.group(1).rstrip(".")
        return Found(ctx.person(name) or ctx.org(name) or name, "signed", True)
    m = _TRANSCRIPT_LABEL.search(ctx.texts[s.block][: s.start])
    if m:
        name = m.group(1).title()
        return Found(ctx.person(name) or name, "transcript", True)
    return None
