"""The explainer's sections: what happened, background, sticking points, what's next, questions.

Each sentence is judged by its parse: tense and modality (will, is expected to,
has not, refused), the kind of noun it is about (a summit, a visit, a vote) and
the dates in it. Sentences that fit no section stay out of all of them.
"""

from __future__ import annotations

import re
from typing import Any

from ..model import EventStatus, Item, NextEvent
from . import dates as dates_mod
from .article import Article, Sentence
from .entities import Entities

EVENT_NOUNS = {
    "summit",
    "meeting",
    "talks",
    "visit",
    "conference",
    "election",
    "elections",
    "vote",
    "referendum",
    "deadline",
    "trip",
    "session",
    "hearing",
    "ceremony",
    "negotiations",
    "round",
    "forum",
    "assembly",
    "congress",
    "convention",
    "tour",
    "inauguration",
    "debate",
    "poll",
    "polls",
    "trial",
    "rally",
    "parade",
    "games",
    "olympics",
    "cup",
    "championship",
    "festival",
    "launch",
    "signing",
    "handover",
    "review",
    "consultation",
    "ballot",
    "primary",
    "caucus",
    "runoff",
    "meet",
    "g20",
    "g7",
    "g8",
}
DISPUTE_LEMMAS = {
    "dispute",
    "disagree",
    "disagreement",
    "demand",
    "insist",
    "refuse",
    "reject",
    "oppose",
    "object",
    "condition",
    "obstacle",
    "concern",
    "tension",
    "row",
    "standoff",
    "deadlock",
    "impasse",
    "accuse",
    "criticise",
    "criticize",
    "tariff",
    "sanction",
    "ban",
    "block",
    "want",
    "rule",
    "revoke",
    "unresolved",
    "sticking",
    "clash",
    "conflict",
    "threaten",
    "threat",
    "boycott",
    "protest",
    "warn",
    "retaliate",
    "retaliation",
    "barrier",
    "subsidy",
    "claim",
    "maintain",
    "veto",
    "dislike",
    "stalemate",
    "hurdle",
    "contention",
    "contentious",
    "divide",
    "split",
    "friction",
    "grievance",
    "complaint",
}
UNCERTAIN = {
    "unclear",
    "uncertain",
    "missing",
    "doubt",
    "doubtful",
    "unknown",
    "undecided",
    "unconfirmed",
    "clarity",
    "whether",
}
POSSIBLE = {"possibility", "possible", "could", "may", "might", "likely", "potential", "possibly", "chance"}
DECLINE_VERBS = {"attend", "go", "join", "travel", "participate", "come", "visit", "skip", "boycott", "snub"}


def _future_like(sent: Sentence) -> bool:
    if dates_mod.sentence_tense(sent.span) == "future":
        return True
    lows = {t.lower_ for t in sent.span}
    return bool(
        lows & {"ahead", "upcoming", "planned", "invite", "invited", "invitation", "next", "scheduled"}
    )


def _status(sent: Sentence) -> EventStatus:
    lows = {t.lower_ for t in sent.span}
    lemmas = {t.lemma_.lower() for t in sent.span}
    for t in sent.span:
        if t.lemma_.lower() in DECLINE_VERBS and any(c.dep_ == "neg" for c in t.children):
            return "declined"
    if lemmas & {"skip", "boycott", "snub", "decline", "refuse"}:
        return "declined"
    if lemmas & {"postpone", "delay", "defer", "reschedule"}:
        return "postponed"
    if lemmas & {"cancel", "scrap", "call off"}:
        return "cancelled"
    if lows & UNCERTAIN:
        return "uncertain"
    if "expected" in lows:
        return "expected"
    if lows & POSSIBLE:
        return "possible"
    return "scheduled"


def _event_title(tok: Any) -> str:
    """A short name for the event a noun stands for: "ASEAN summit", "Putin's visit to India"."""
    t = tok
    left = [c for c in t.children if c.dep_ in {"compound", "amod", "nmod", "poss"} and c.i < t.i]
    words: list[str] = []
    if left:
        start = min(x.left_edge.i for x in left)
        for w in t.doc[start : t.i]:
            if w.pos_ in {"DET"} or w.lower_ in {"long", "awaited", "planned", "upcoming", "next", "much"}:
                continue
            if w.text in {"-"}:
                continue
            words.append(w.text)
    words.append(t.text)
    if t.lemma_ in {"visit", "trip", "tour"}:
        prep = next((c for c in t.children if c.dep_ == "prep" and c.lower_ in {"to"}), None)
        if prep is not None:
            words.extend(w.text for w in prep.subtree)
    title = " ".join(words).replace(" ’s", "’s").replace(" 's", "'s")
    return title[0].upper() + title[1:] if title else title


def _place(sent: Sentence, ents: Entities, tok: Any) -> str | None:
    places = {e.name.lower(): e.name for e in ents.places}
    for e in ents.places:
        for a in e.aliases:
            places.setdefault(a.lower(), e.name)
    cands = [e for e in sent.span.ents if e.label_ in {"GPE", "LOC", "FAC"} and e.text.lower() in places]
    if not cands:
        cands = [e for e in sent.span.ents if e.label_ in {"GPE", "LOC"}]
    if not cands:
        return None
    # Prefer a place after "in"/"to"/"at" near the event noun.
    ti = tok.i
    cands.sort(key=lambda e: (e.start < ti, abs(e.start - ti)))
    e = cands[0]
    return str(places.get(e.text.lower(), e.text))


def find_next(
    article: Article, ents: Entities, date_of: dict[tuple[int, int], str | None]
) -> list[NextEvent]:
    out: list[NextEvent] = []
    seen: set[str] = set()
    for sent in article.sentences(("paragraph",)):
        if sent.text.rstrip().endswith("?"):
            continue
        for tok in sent.span:
            low = tok.lower_
            if low not in EVENT_NOUNS or tok.pos_ not in {"NOUN", "PROPN"}:
                continue
            if not _future_like(sent) and not ({t.lower_ for t in sent.span} & UNCERTAIN):
                continue
            title = _event_title(tok)
            key = title.lower()
            if key in seen:
                continue
            seen.add(key)
            date = next(
                (v for (b, a), v in date_of.items() if b == sent.block and sent.start <= a < sent.end and v),
                None,
            )
            out.append(
                NextEvent(
                    text=sent.text.strip(),
                    title=title,
                    date=date,
                    place=_place(sent, ents, tok),
                    status=_status(sent),
                    provenance=sent.provenance(),
                    participants=tuple(
                        n for e in sent.span.ents if e.label_ == "PERSON" and (n := ents.person(e.text))
                    ),
                )
            )
    return out


def find_questions(article: Article) -> list[Item]:
    out = []
    for sent in article.sentences(("paragraph",)):
        text = sent.text.strip()
        if not text.endswith("?"):
            continue
        # "the question remains: Can X ...?" - the question is what follows the colon.
        m = re.search(r":\s*(?=[A-Z])", text)
        out.append(Item(text[m.end() :] if m else text, sent.provenance()))
    return out


def find_sticking(article: Article, ents: Entities, skip: set[tuple[int, int]]) -> list[Item]:
    out = []
    for sent in article.sentences(("paragraph",)):
        if (sent.block, sent.start) in skip or sent.text.rstrip().endswith("?"):
            continue
        lemmas = {t.lemma_.lower() for t in sent.span}
        negated_perfect = any(
            t.dep_ == "neg"
            and t.head.tag_ == "VBN"
            and any(a.lower_ in {"has", "have"} for a in t.head.children)
            for t in sent.span
        )
        still = any(t.lower_ in {"still", "continues", "continue", "remain", "remains"} for t in sent.span)
        if (
            lemmas & DISPUTE_LEMMAS and (still or dates_mod.sentence_tense(sent.span) != "past")
        ) or negated_perfect:
            parties = tuple(
                dict.fromkeys(
                    n
                    for e in sent.span.ents
                    if e.label_ in {"PERSON", "GPE", "ORG", "NORP"} and (n := ents.person(e.text) or e.text)
                )
            )
            out.append(Item(sent.text.strip(), sent.provenance(), parties=parties))
    return out


def find_background(
    article: Article, skip: set[tuple[int, int]], date_of: dict[tuple[int, int], str | None]
) -> list[Item]:
    out = []
    for sent in article.sentences(("paragraph",)):
        if (sent.block, sent.start) in skip or sent.text.rstrip().endswith("?"):
            continue
        if dates_mod.sentence_tense(sent.span) != "past":
            continue
        text = sent.text.strip()
        if text.startswith(("“", '"')) or len(text.split()) < 6:
            continue
        date = next(
            (v for (b, a), v in date_of.items() if b == sent.block and sent.start <= a < sent.end and v), None
        )
        out.append(Item(text, sent.provenance(), date=date))
    # Time order: dated items by date, undated ones where they stand in the text.
    return sorted(out, key=lambda i: (i.date or "9999", i.provenance.paragraph, i.provenance.start))


def what_happened(article: Article, date: str | None) -> list[Item]:
    out: list[Item] = []
    for sent in article.sentences(("paragraph",)):
        if len(out) >= 3:
            break
        if sent.text.strip().endswith("?"):
            continue
        out.append(Item(sent.text.strip(), sent.provenance(), date=date))
        if out and sent.block != out[0].provenance.paragraph:
            out.pop()
            break
    return out
