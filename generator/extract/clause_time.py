"""When a clause is set: the tense and modality of its verb (will, is to, is expected
to, plans to), and the dates of its sentence against the publication date."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from .. import nlp
from . import dates as dates_mod
from .article import Article, Sentence
from .clauses import clause_head, mostly_quoted, quoted_ranges
from .lexicon import AHEAD_WORDS, FUTURE_AUX, FUTURE_VERBS, POSSIBLE_AUX

DateIndex = dict[tuple[int, int], str | None]


def _value_bounds(value: str) -> tuple[dt.date, dt.date] | None:
    """First and last day a normalised date value covers."""
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            d = dt.date.fromisoformat(value)
            return d, d
        if m := re.fullmatch(r"(\d{4})-(\d{2})", value):
            y, mo = int(m[1]), int(m[2])
            last = (dt.date(y + mo // 12, mo % 12 + 1, 1)) - dt.timedelta(days=1)
            return dt.date(y, mo, 1), last
        if m := re.fullmatch(r"(\d{4})-W(\d{2})", value):
            d = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return d, d + dt.timedelta(days=6)
        if re.fullmatch(r"\d{4}", value):
            return dt.date(int(value), 1, 1), dt.date(int(value), 12, 31)
    except ValueError:
        return None
    return None


def relation(value: str, anchor: dt.date | None) -> str:
    """ "past", "future" or "now" of a date value against the publication date."""
    b = _value_bounds(value)
    if b is None or anchor is None:
        return "now"
    if b[1] < anchor:
        return "past"
    if b[0] > anchor:
        return "future"
    return "now"


def sentence_dates(sent: Sentence, date_of: DateIndex) -> list[tuple[int, str]]:
    """(doc char offset, value) of every normalised date in the sentence."""
    s0, s1 = sent.span.start_char, sent.span.end_char
    return sorted((a, v) for (b, a), v in date_of.items() if b == sent.block and s0 <= a < s1 and v)


def clause_tense(span: Any) -> str:
    """Past, future or present of a clause, from its own verbs and modal cues.

    "would" is left out: after a reporting verb it is a past future, but just
    as often a conditional ("would be happy if"), so alone it decides nothing.
    """
    toks = list(span)
    lows = {t.lower_ for t in toks}
    if lows & {"will", "shall", "'ll", "wo"} or lows & {"upcoming", "forthcoming"}:
        return "future"
    if any(future_cue(t) for t in toks):
        return "future"
    return _past_or_present(span)


def future_cue(t: Any) -> bool:
    """ "is to take effect", "plans to meet", "is due to", "is expected at the summit"."""
    nxt = t.doc[t.i + 1] if t.i + 1 < len(t.doc) else None
    prev = t.doc[t.i - 1] if t.i > 0 else None
    if prev is None or nxt is None:
        return False
    if t.lower_ == "to" and nxt.tag_ == "VB":
        # "is to meet" is ahead; "was to meet" was ahead of a day now past.
        return (prev.lemma_ == "be" and prev.pos_ == "AUX" and prev.tag_ != "VBD") or (
            nlp.verb_lemma(prev) in FUTURE_VERBS and prev.pos_ in {"VERB", "AUX", "ADJ"}
        )
    return t.lower_ == "expected" and (prev.lemma_ == "be" or nxt.lower_ in {"to", "at", "in", "on"})


def _past_or_present(span: Any) -> str:
    """The tense of the clause's main verb, as `dates.sentence_tense` reads it, without
    its future cues ("next decade" names no upcoming event)."""
    head = clause_head(span)
    aux = [c for c in head.children if c.dep_ in {"aux", "auxpass"}]
    if head.tag_ == "VBD" or any(a.tag_ == "VBD" for a in aux):
        return "past"
    if head.tag_ == "VBN" and any(a.lemma_ == "have" for a in aux):
        return "past"
    # "Rosselló appointed Pierluisi as ...": a participle with a subject and no auxiliary
    # is a simple past the tagger misread; no participle stands as a finite verb alone.
    if head.tag_ == "VBN" and not aux and any(c.dep_ == "nsubj" for c in head.children):
        return "past"
    if head.tag_ in {"VBZ", "VBP"} or any(a.tag_ in {"VBZ", "VBP", "MD"} for a in aux):
        return "present"
    return "past" if dates_mod.sentence_tense(span) == "past" else "present"


@dataclass(frozen=True)
class Setting:
    """When a sentence is set, against the publication date."""

    dated: bool  # it, or the paragraph it follows, names a date before the news
    far: bool  # that date is well before the news days: an earlier episode
    ahead: bool  # it names a date after the news, or an upcoming thing
    quoted: bool  # most of it is someone's quoted words


def setting_of(
    article: Article, sent: Sentence, values: list[tuple[int, str]], date_of: DateIndex
) -> Setting:
    anchor = article.anchor
    rel = [(v, relation_in(sent, a, v, anchor)) for a, v in values]
    past = [v for v, r in rel if r == "past"]
    lows = {t.lower_ for t in sent.span}
    ahead = any(r == "future" for _, r in rel) or bool(lows & AHEAD_WORDS)
    far = any(far_past(v, anchor) for v in past)
    dated = bool(past)
    if not values:
        # A paragraph that opens with an earlier date sets the time of what follows.
        para = [
            (a, v)
            for (b, a), v in sorted(date_of.items())
            if b == sent.block and a < sent.span.start_char and v
        ]
        if para and sets_the_time(sent.span.doc, para[0][0]) and relation(para[0][1], anchor) == "past":
            dated = far = far_past(para[0][1], anchor)
    ranges = quoted_ranges(article.document.blocks[sent.block].text)
    return Setting(dated, far, ahead, mostly_quoted(sent, ranges))


def date_token(doc: Any, char: int) -> Any | None:
    return next((t for t in doc if t.idx <= char < t.idx + len(t.text)), None)


def on_past_verb(doc: Any, char: int) -> bool:
    tok = date_token(doc, char)
    return tok is not None and nlp.governing_verb(tok).tag_ == "VBD"


def sets_the_time(doc: Any, char: int) -> bool:
    """The date belongs to the main clause of its sentence ("This comes after the June 17
    call"), not to an aside ("the rebate, secured in 1984, ...")."""
    tok = date_token(doc, char)
    while tok is not None and tok.head.i != tok.i:
        if tok.dep_ in {"relcl", "acl", "appos", "advcl", "ccomp"}:
            return False
        tok = tok.head
    return tok is not None


def relation_in(sent: Sentence, char: int, value: str, anchor: dt.date | None) -> str:
    """A date against the publication date; without one, against the tense of the verb it
    hangs on ("secured in 1984" is past, "could produce a date in 2005" is ahead)."""
    if anchor is not None:
        return relation(value, anchor)
    tok = date_token(sent.span.doc, char)
    tok = nlp.governing_verb(tok) if tok is not None else None
    if tok is None or tok.pos_ not in {"VERB", "AUX"}:
        return "now"
    aux = {c.lower_ for c in tok.children if c.dep_ in {"aux", "auxpass"}}
    if aux & (FUTURE_AUX | POSSIBLE_AUX):
        return "future"
    if tok.tag_ in {"VBD", "VBN"} or aux & {"has", "have", "had", "was", "were"}:
        return "past"
    return "now"


def far_past(value: str, anchor: dt.date | None) -> bool:
    """More than a week before the news: an earlier episode, not the news days. Without
    a publication date, a year or a month (no day) names an earlier period."""
    b = _value_bounds(value)
    if b is None:
        return False
    if anchor is None:
        return b[0] != b[1] and b[1] - b[0] > dt.timedelta(days=7)
    return (anchor - b[1]).days > 7
