"""Quotations and who said them.

Quote spans come from pairing quotation marks (quotemarks.py). The speaker is
found by the cues of the CUES table, tried in order (each row names the
Quote.cue values it gives), in short:

1. a speech verb next to the quote in its sentence ("X said", "said X",
   "X told reporters", "X wrote on Twitter", "calling it '...'", "adding '...'"),
   or "according to X"; a quote cut in two by "he said" shares it;
2. the clause that introduces it with a colon or a comma ("X rejected it: '...'"),
   or a lead-in paragraph ending with a colon ("X said:");
3. the speaker of the quote just before, when this one continues it (the next
   sentence or paragraph), else the subject of the sentence just before.

The subject found is then named: a person under the fullest name the article
uses, a pronoun or a description ("the minister") resolved to the person it
means, or an organisation ("the State Department"). Short quoted terms that no
one is said to say are scare quotes or titles, not quotations, and are left out.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from ..model import Provenance, Quote, QuoteKind
from ..textnorm import fold
from . import resolve
from .article import Article
from .attribution.cues import SCARE_MAX_WORDS, Site, attribute
from .attribution.surface import TRANSCRIPT
from .entities import Entities, nicknamed_names
from .lexicon import TITLE_MINOR_WORDS
from .quotemarks import Piece, QuoteSpan, find_quotes
from .resolve import Resolver

_TRAILING_POST_CLUTTER = re.compile(r"(?:\s*(?:@\w+|https?://\S+|pic\.twitter\.com/\S+))+\s*$")


def _kind(text: str, start: int, opener_len: int, quoted: str) -> QuoteKind:
    """direct: a whole statement; partial: a fragment worked into the writer's sentence."""
    before = text[: max(0, start - opener_len)].rstrip()
    q = quoted.strip()
    if not q or q[0].islower():
        return "partial"
    if not before or before.endswith((":", ",", ".", "?", "!", "”", '"')):
        return "direct"
    last_word = before.split()[-1].lower() if before.split() else ""
    return (
        "direct" if last_word in {"said", "says", "added", "wrote", "told", "asked", "tweeted"} else "partial"
    )


def _post_quote(block_index: int, block: Any, ents: Entities, ctx: Resolver) -> Quote | None:
    text = block.text
    sig = re.search(r"\s*[—–-]{1,2}\s*[^—–]*\(@\w+\)[^()]*$", text)
    body = text[: sig.start()] if sig else text
    body = _TRAILING_POST_CLUTTER.sub("", body).strip()
    if not body:
        return None
    speaker = (
        (ctx.person(block.author) or ents.person(block.author) or block.author) if block.author else None
    )
    start = text.find(body)
    return Quote(
        body,
        speaker,
        "post",
        Provenance(block_index, max(0, start), max(0, start) + len(body)),
        "post signature",
    )


def _nicknames(article: Article, spans: list[QuoteSpan]) -> set[QuoteSpan]:
    """Quoted nicknames inside names (Robert C. "Bobby" Scott), found by the same rule
    the entity extractor keeps such names whole with."""
    names: dict[int, list[tuple[int, int]]] = {}
    out: set[QuoteSpan] = set()
    for s in spans:
        if len(s.pieces) != 1:
            continue
        doc = article.docs[s.block]
        if s.block not in names:
            names[s.block] = [(doc[a].idx, doc[b - 1].idx) for a, b in nicknamed_names(doc)]
        if any(first < s.start and s.end < last for first, last in names[s.block]):
            out.add(s)
    return out


def _opener_len(text: str, start: int) -> int:
    return 2 if text[max(0, start - 2) : start] in {"``", "''", "‘‘"} else 1 if start > 0 else 0


def find(article: Article, ents: Entities, ctx: Resolver | None = None) -> list[Quote]:
    """The article's quotes and their speakers, named by the document's resolver
    (built here when the caller has none)."""
    blocks = article.document.blocks
    texts = [b.text for b in blocks]
    ctx = ctx if ctx is not None else resolve.build(article, ents)
    skip = frozenset(i for i, b in enumerate(blocks) if b.kind != "paragraph")
    spans = [s for s in find_quotes(texts, skip) if any(ch.isalnum() for ch in s.text(texts))]
    nicknames = _nicknames(article, spans)
    spans = [s for s in spans if s not in nicknames]
    spans = [turn for s in spans for turn in _turns(texts, s)]
    for s in spans:
        for p in s.pieces:
            ctx.quoted.setdefault(p.block, []).append((p.start, p.end))
    found: list[tuple[int, int, Quote]] = []
    for bi, block in enumerate(blocks):
        if block.kind == "post":
            q = _post_quote(bi, block, ents, ctx)
            if q is not None:
                found.append((bi, 0, q))
    prev: tuple[int, str | None, int] | None = None  # block and place the last quote ended, its speaker
    for s in spans:
        q = _quote(ctx, s, prev)
        if q is None:
            continue
        found.append((s.block, s.start, q))
        last = s.pieces[-1]
        if q.kind == "partial" and len(q.text.split()) <= SCARE_MAX_WORDS:
            continue  # a quoted title or term ("Fox and Friends") does not carry a speaker on
        prev = (last.block, q.speaker, last.end)
        if q.speaker:
            ctx.add_mention(last.block, last.end, q.speaker)
    found.sort(key=lambda x: (x[0], x[1]))
    return _same_words_same_speaker([q for _, _, q in found])


def _same_words_same_speaker(quotes: list[Quote]) -> list[Quote]:
    """An unattributed quote whose words the article quotes again with a speaker is that
    speaker's: "Talk compared to 'working the referees'" in a subheading, and later
    "Aaron Kall ... compared Trump to a coach who is 'working the referees'"."""
    if all(q.speaker for q in quotes):
        return quotes  # the common case: nothing to fill in
    keys = [_words_key(q.text) for q in quotes]
    speakers: dict[str, set[str]] = {}
    for q, key in zip(quotes, keys, strict=True):
        if q.speaker:
            speakers.setdefault(key, set()).add(q.speaker)
    out = []
    for q, key in zip(quotes, keys, strict=True):
        who = speakers.get(key, set())
        if q.speaker is None and len(who) == 1 and len(q.text.split()) >= 2:
            q = replace(q, speaker=next(iter(who)), cue="same words quoted again")
        out.append(q)
    return out


def _words_key(text: str) -> str:
    return " ".join(re.findall(r"\w+", fold(text)))


def _turns(texts: list[str], s: QuoteSpan) -> list[QuoteSpan]:
    """A quoted transcript, one speaker's turn a paragraph ('"WALLACE: ...', '"PENCE:
    ...'), is one quote per turn, each without its label."""
    out: list[list[Piece]] = []
    for p in s.pieces:
        m = TRANSCRIPT.match(texts[p.block][p.start : p.end])
        if m:
            out.append([Piece(p.block, p.start + m.end(), p.end)])
        elif out:
            out[-1].append(p)
        else:
            out.append([p])
    if len(out) == 1 and out[0][0] == s.pieces[0]:
        return [s]
    return [QuoteSpan(tuple(ps), s.closed) for ps in out if any(p.end > p.start for p in ps)]


def _plausible(name: str | None) -> bool:
    """A speaker reads like a name or a noun phrase, not a fragment of a bad parse ("es))Spanish")."""
    if not name or not name[0].isalnum():
        return False
    return name.count("(") == name.count(")") and not re.search(r"[\[\]{}<>|\\@#*=+]", name)


def _is_heading(block_text: str, quoted: str) -> bool:
    """A quotation in title case that is its whole paragraph: a subheading in marks."""
    marks = " \t\"'“”‘’`."
    if block_text.strip(marks) != quoted.strip(marks):
        return False
    words = re.findall(r"[A-Za-z][\w'’-]*", quoted)
    return 2 <= len(words) <= 12 and all(w[0].isupper() or w.lower() in TITLE_MINOR_WORDS for w in words)


def _quote(ctx: Resolver, s: QuoteSpan, prev: tuple[int, str | None, int] | None) -> Quote | None:
    texts = ctx.texts
    quoted = s.text(texts)
    first = s.pieces[0]
    opener = first.start - _opener_len(texts[first.block], first.start)
    hit = attribute(Site(ctx, s, prev, quoted, opener))
    words = quoted.split()
    if len(words) <= SCARE_MAX_WORDS and (hit is None or not hit.strong):
        return None  # a scare quote or a title: nobody's words
    if (
        len(s.pieces) == 1
        and _is_heading(texts[first.block], quoted)
        and (hit is None or hit.cue == "continues previous quote")
    ):
        return None  # "'Legend in the Coal Fields.'" on a line of its own: a subheading
    speaker = hit.speaker if hit and _plausible(hit.speaker) else None
    kind = _kind(texts[first.block], first.start, _opener_len(texts[first.block], first.start), quoted)
    return Quote(
        quoted, speaker, kind, Provenance(first.block, first.start, first.end), hit.cue if hit else None
    )
