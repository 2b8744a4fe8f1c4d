"""The explainer's sections: what happened, background, sticking points, what's next, questions.

Every sentence is cut into clauses (two statements joined by "and", "but" or
";", each with its own subject) and each clause is judged by:

- its time: the tense and modality of its verb (will, is to, is expected to,
  plans to; "would" only on an event verb), the dates in its sentence against
  the publication date, and whether its paragraph is set at an earlier date;
- its kind: an event noun or verb (summit, visit, vote, meet, take effect) or a
  party's planned step told by its construction ("is to find a new leader",
  "intends to leave by June", "are required to rule by Friday"), the party
  named or known by its kind ("the court", "the senator"); a dispute cue
  (reject, demand, insist, blame, unlikely, not for negotiation, a negated "has
  not agreed", a verb left out after a negation, "said X should", a request
  declined, a party's concern, "attacked X as Y", "expressed opposition to X",
  a suit still ahead); a standing rule or habit ("must register", "the
  constitution requires", "the party uses primaries"); or a reporting verb that
  only says who said the news.

Upcoming events become "what's next" (one per sentence, mentions of one event
merged); live disputes become sticking points; earlier events and standing
context become background. A quarrel told as part of an earlier episode (a date
well before the news days) is background, not a sticking point, and a dispute
told after an earlier event is both. A clause that fits none stays out of all of
them, so no section is padded; every item keeps the span it came from.

The word lists are closed classes (event nouns, modal and dispute verbs) kept in
`lexicon.py`; what decides is how they sit in the parse. This module assembles the
sections; the clause cuts are in `clauses.py`, time in `clause_time.py`, and each
section's test in `next_events.py`, `sticking.py` and `background.py`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Item, NextEvent, Provenance
from .article import Article
from .background import background_date, earlier_episode, is_background
from .clause_time import DateIndex, Setting, relation, sentence_dates, setting_of
from .clauses import OPEN_QUOTES, Clause, clauses, own_sentences, tidy
from .entities import Entities
from .next_events import find_next
from .sticking import is_sticking, parties

__all__ = [
    "Clause",
    "DateIndex",
    "Sections",
    "clauses",
    "find_all",
    "find_next",
    "find_questions",
    "is_background",
    "is_sticking",
    "relation",
    "what_happened",
]


@dataclass(frozen=True)
class Sections:
    background: list[Item]
    sticking_points: list[Item]
    next: list[NextEvent]
    questions: list[Item]
    what_happened: list[Item]


def find_all(article: Article, ents: Entities, date_of: DateIndex, published: str | None) -> Sections:
    """Every section at once: a clause lands in the section it fits best, or in none."""
    questions = find_questions(article)
    nexts = find_next(article, ents, date_of)
    lede = what_happened(article, date_of, published)
    lede_rank = {(i.provenance.paragraph, i.provenance.start): n for n, i in enumerate(lede, 1)}
    sticking: list[Item] = []
    background: list[Item] = []
    for sent in own_sentences(article):
        if sent.text.rstrip().endswith("?"):
            continue
        values = sentence_dates(sent, date_of)
        setting = setting_of(article, sent, values, date_of)
        parts = clauses(sent)
        rank = min(lede_rank.get((sent.block, sent.start), 0), 2)
        kinds = [_kind(c, setting, rank) for c in parts]
        sticking += [
            Item(c.text, c.provenance(), parties=parties(c.span, ents))
            for c, k in zip(parts, kinds, strict=True)
            if k == "sticking"
        ]
        bg = [
            c
            for c, k in zip(parts, kinds, strict=True)
            if k == "background" or (k == "sticking" and earlier_episode(c, setting, rank))
        ]
        if bg:
            date = background_date(values, article.anchor)
            background.append(_join(bg, date))
    return Sections(_in_time_order(background), sticking, nexts, questions, lede)


def _in_time_order(items: list[Item]) -> list[Item]:
    """Dated items by date; an undated one follows the dated item before it in its
    paragraph (it tells more of that episode); the rest keep their order, last."""
    keyed = []
    last: tuple[int, str | None] = (-1, None)
    for item in items:  # items come in text order
        if item.date:
            last = (item.provenance.paragraph, item.date)
        when = item.date or (last[1] if last[0] == item.provenance.paragraph else None)
        keyed.append(((when or "9999", item.provenance.paragraph, item.provenance.start), item))
    return [item for _, item in sorted(keyed, key=lambda kv: kv[0])]


def _kind(clause: Clause, setting: Setting, lede: int) -> str | None:
    # A sentence that opens on a quotation is someone's words without the article
    # saying whose or to what end; a sticking point needs the article's own framing.
    own_voice = clause.sent.text.lstrip()[:1] not in OPEN_QUOTES
    # A dispute is a sticking point wherever it is told, the opening sentence included: when
    # the news is a quarrel ("X has criticised Y's approach"), the quarrel is what stands.
    if own_voice and is_sticking(clause, setting.far):
        return "sticking"
    if is_background(clause, setting, lede):
        return "background"
    return None


def _join(parts: list[Clause], date: str | None) -> Item:
    """Adjacent background clauses of one sentence become one item."""
    if len(parts) == 1:
        return Item(parts[0].text, parts[0].provenance(), date=date)
    first, last = parts[0].provenance(), parts[-1].provenance()
    doc = parts[0].span.doc
    text = tidy(doc[parts[0].span.start : parts[-1].span.end].text)
    return Item(text, Provenance(first.paragraph, first.start, last.end), date=date)


def find_questions(article: Article) -> list[Item]:
    """Questions the article asks in its own voice (headings and quoted questions are not)."""
    out = []
    for sent in own_sentences(article, quoted_ok=True):
        text = sent.text.strip()
        if not text.endswith("?") or text.startswith(tuple(OPEN_QUOTES)):
            continue
        # "the question remains: Can X ...?" - the question is what follows the colon.
        m = re.search(r":\s*(?=[A-Z])", text)
        out.append(Item(text[m.end() :] if m else text, sent.provenance()))
    return out


def what_happened(article: Article, date_of: DateIndex, published: str | None) -> list[Item]:
    """The news: the opening paragraph's first sentences (up to three; a one-sentence
    opening takes the next paragraph's first sentence too), dated by the day the
    opening names ("On Tuesday, ...") or else the publication date."""
    out: list[Item] = []
    date: str | None = None
    for sent in own_sentences(article):
        if len(out) >= 3:
            break
        if out and sent.block != out[0].provenance.paragraph:
            first = out[0].provenance.paragraph
            if len(out) >= 2 or sent.block != first + 1 or out[-1].provenance.paragraph != first:
                break
        if sent.text.strip().endswith("?") or sent.text.lstrip()[:1] in OPEN_QUOTES:
            continue
        if not out:
            values = [v for _, v in sentence_dates(sent, date_of) if relation(v, article.anchor) != "future"]
            date = values[0] if values else published
        out.append(Item(sent.text.strip(), sent.provenance(), date=date))
    return out
