"""Background: earlier events and standing context that explain the news, not the
news itself nor who said what about it now."""

from __future__ import annotations

import datetime as dt
from typing import Any

from .clause_time import Setting, clause_tense, relation
from .clauses import OPEN_QUOTES, Clause, clause_head
from .lexicon import (
    ANTECEDENT_WORDS,
    NOT_EVENT_VERBS,
    NOW_WORDS,
    REPORTING,
    RULE_MODALS,
    RULE_VERBS,
    STATE_VERBS,
)


def _reports_news(span: Any) -> bool:
    """A clause that only says who said what now ("He stressed that ...")."""
    head = clause_head(span)
    if head.lemma_ not in REPORTING:
        return False
    if any(a.lemma_ == "have" for a in head.children if a.dep_ == "aux"):
        return False  # "has said publicly that ...": a standing position, said before the news
    # "told the BBC the US had increased support", "added that Britain contributed
    # more": the reported content is itself an earlier event.
    for t in span:
        if t.i == head.i or t.dep_ in {"aux", "auxpass"} or t.lemma_ in NOT_EVENT_VERBS:
            continue
        if t.tag_ == "VBD" or (t.tag_ == "VBN" and any(a.lower_ == "had" for a in t.children)):
            return False
    return True


def is_background(clause: Clause, setting: Setting, lede: int) -> bool:
    """Earlier events and standing context. `lede` is 1 for the article's first
    sentence, 2 for the rest of the opening, 0 elsewhere."""
    span = clause.span
    if len([t for t in span if t.is_alpha]) < 5:
        return False
    tense = clause_tense(span)
    # A plan told in the past ("met in 2020 to build it by 2025") is still background.
    if tense == "future" or (setting.ahead and not setting.far and tense != "past") or setting.quoted:
        return False
    if lede:
        # The news itself is no background; what it came after is.
        return span[0].lower_ in ANTECEDENT_WORDS or (
            lede > 1
            and (
                setting.far
                or _pluperfect(span)
                or (
                    tense == "past"
                    and any(t.lower_ in ANTECEDENT_WORDS and t.dep_ in {"prep", "mark"} for t in span)
                )
            )
        )
    # Who said what now is the news; what they recalled from well before is not.
    if (_reports_news(span) and not setting.far) or span.text.lstrip()[:1] in OPEN_QUOTES:
        return False
    if setting.dated and setting.far:
        return True
    if _now(span):
        return False  # the state of things in the news, not the context around it
    if setting.dated or tense == "past":
        return True
    return _standing_context(span)


def earlier_episode(clause: Clause, setting: Setting, lede: int) -> bool:
    """Background told as an episode before the news (well before a dated day, in the
    pluperfect, or after/since/amid another event), even when the same clause is also a
    dispute: "was worried about plans to lift the embargo imposed after the massacre"."""
    span = clause.span
    if not is_background(clause, setting, lede):
        return False
    return (
        (setting.dated and setting.far)
        or _pluperfect(span)
        or any(t.lower_ in ANTECEDENT_WORDS and t.dep_ in {"prep", "mark"} for t in span)
    )


def _pluperfect(span: Any) -> bool:
    """ "had collapsed": told as before the news."""
    head = clause_head(span)
    return head.tag_ == "VBN" and any(
        a.lower_ == "had" for a in head.children if a.dep_ in {"aux", "auxpass"}
    )


def _now(span: Any) -> bool:
    # "Today" the BBC programme is a name, not a time.
    lows = {t.lower_ for t in span if t.pos_ != "PROPN"}
    return bool(lows & NOW_WORDS) or "so far" in span.text.lower()


def _standing_context(span: Any) -> bool:
    """A present-tense statement of how things stand: "X is part of a pact", "Y is banned in Z"."""
    head = clause_head(span)
    if head.tag_ == "VBN" and any(a.dep_ == "auxpass" and a.tag_ in {"VBZ", "VBP"} for a in head.children):
        return True  # "The party is banned in Turkey", "is made up of": a state, not an act
    if _rule(head) or _habit(head):
        return True
    if head.lemma_ in STATE_VERBS:
        subj = next((c for c in head.children if c.dep_ in {"nsubj", "nsubjpass", "expl"}), None)
        return (
            subj is not None
            and subj.pos_ in {"PROPN", "NOUN", "PRON"}
            and subj.lower_ not in {"this", "that"}
        )
    return any(t.dep_ == "relcl" and t.tag_ == "VBD" for t in span)


def _habit(head: Any) -> bool:
    """How a body goes about things, in the simple present: "the party uses primaries to
    select its nominee", "the commission awards delegates by share". A person's present
    act is more often the news itself ("Lund backs the plan"), so only an institution's."""
    if head.tag_ not in {"VBZ", "VBP"} or head.lemma_ in REPORTING or head.lemma_ in NOT_EVENT_VERBS:
        return False
    if any(c.dep_ in {"aux", "auxpass", "neg", "mark"} for c in head.children):  # "because it finds"
        return False
    subj = next((c for c in head.children if c.dep_ == "nsubj"), None)
    return (
        subj is not None
        and subj.ent_type_ in {"ORG", "GPE", "NORP"}
        and any(c.dep_ == "dobj" for c in head.children)
    )


def _rule(head: Any) -> bool:
    """A standing rule, in the present and the article's own voice: "residents must
    register", "the constitution requires consent of both houses", "the law forbids it"."""
    if head.tag_ not in {"VB", "VBZ", "VBP"}:
        return False
    aux = [c for c in head.children if c.dep_ in {"aux", "auxpass"}]
    if head.tag_ == "VB":
        return any(a.lower_ in RULE_MODALS for a in aux)
    return head.lemma_ in RULE_VERBS and any(c.dep_ in {"dobj", "ccomp", "xcomp"} for c in head.children)


def background_date(values: list[tuple[int, str]], anchor: dt.date | None) -> str | None:
    past = [v for _, v in values if relation(v, anchor) == "past"]
    return past[0] if past else (values[0][1] if values and anchor is None else None)
