"""What's next: upcoming events (an event noun or verb put ahead by its tense, a modal
cue or a date after the publication date), one per sentence, mentions of one event
merged into its most informative one."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from .. import nlp
from ..model import EventStatus, NextEvent
from .article import Article, Sentence
from .clause_time import DateIndex, clause_tense, future_cue, on_past_verb, relation_in, sentence_dates
from .clauses import own_sentences
from .entities import Entities
from .lexicon import (
    CANCELLING_VERBS,
    DECLINE_VERBS,
    DECLINING_VERBS,
    EVENT_NOUNS,
    EVENT_TIME_HEADS,
    EVENT_TITLE_SKIP,
    EVENT_VERB_OBJECTS,
    EVENT_VERBS,
    EVENT_VERBS_NEEDING_EVENT,
    EXPECTED_WORDS,
    FUTURE_AUX,
    FUTURE_WORDS,
    NOT_EVENT_VERBS,
    OBLIGATION_VERBS,
    PARTY_NOUNS,
    PERSONAL_PRONOUNS,
    POSSIBLE,
    POSTPONING_VERBS,
    STRONG_FUTURE_WORDS,
    UNCERTAIN,
    UNPLANNED_VERBS,
)


def _depth(tok: Any) -> int:
    d = 0
    while tok.head.i != tok.i and d < 50:
        tok, d = tok.head, d + 1
    return d


def _named(tok: Any) -> bool:
    """The event noun carries a name: "ASEAN summit", "visit to India"."""
    return any(
        c.pos_ == "PROPN" or (c.dep_ in {"compound", "poss"} and c.text[:1].isupper()) or c.like_num
        for c in tok.subtree
        if c.i != tok.i
    )


def _event_tokens(sent: Sentence) -> list[Any]:
    out = []
    for t in sent.span:
        if t.lower_ in EVENT_NOUNS and t.pos_ in {"NOUN", "PROPN"} and t.ent_type_ != "DATE":
            # "election strategy", "summit agenda": the event only qualifies another thing;
            # "the election cycle", "polling day" name the event's time.
            if not (t.dep_ == "compound" and t.head.lower_ not in EVENT_NOUNS | EVENT_TIME_HEADS):
                out.append(t)
        elif t.pos_ == "VERB" and t.lemma_ in EVENT_VERBS:
            need = EVENT_VERB_OBJECTS.get(t.lemma_)
            if need is not None and not any(c.lower_ in need for c in t.subtree if c.i != t.i):
                continue
            if t.lemma_ == "meet" and any(
                c.dep_ == "dobj" and c.pos_ not in {"PROPN", "PRON"} and c.ent_type_ == "" for c in t.children
            ):
                continue  # "meet the target", not a meeting
            if t.lemma_ in EVENT_VERBS_NEEDING_EVENT and not any(
                c.lower_ in EVENT_NOUNS for c in t.children if c.dep_ in {"dobj", "nsubj", "nsubjpass"}
            ):
                continue
            out.append(t)
        elif t.pos_ == "VERB" and _planned_action(t):
            out.append(t)
        elif (
            t.pos_ == "PROPN"
            and re.fullmatch(r"G-?\d{1,2}", t.text)
            and (t.dep_ not in {"compound", "nmod", "poss"} or t.head.lower_ in EVENT_NOUNS)
        ):
            # "the G20 in Johannesburg": a summit named by its group alone.
            out.append(t)
    return out


def _planned_action(t: Any) -> bool:
    """A party's planned step, told by the construction rather than the verb: "the Liberal
    Democrats are to find a new leader", "he intends to leave the bloc", "the ministry will
    publish the rules on 3 June" (a will-future with a date of its own; a date after the
    news is checked later), "they are required to rule by Friday" (an obligation with a
    deadline of its own)."""
    if t.tag_ != "VB" or t.lemma_ in NOT_EVENT_VERBS or t.lemma_ in UNPLANNED_VERBS:
        return False
    prev = t.doc[t.i - 1] if t.i > 0 else None
    cued = (
        prev is not None and prev.lower_ == "to" and future_cue(prev) and not _told_in_past(t.doc[prev.i - 1])
    )
    dated = any(c.ent_type_ == "DATE" for c in t.subtree)
    willed = dated and any(c.dep_ == "aux" and c.lower_ in {"will", "shall", "'ll"} for c in t.children)
    obliged = (
        dated
        and prev is not None
        and prev.lower_ == "to"
        and t.dep_ == "xcomp"
        and t.head.lemma_ in OBLIGATION_VERBS
    )
    if not (cued or willed or obliged):
        return False
    subj = next((c for c in t.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subj is None and t.dep_ in {"xcomp", "conj"}:
        subj = next((c for c in t.head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    # A step with a day of its own: "they" are whoever takes it.
    return subj is not None and (_is_party(subj) or (dated and subj.lower_ == "they"))


def _is_party(subj: Any) -> bool:
    """A person, an organisation, a country or a group, named or by its kind ("the court",
    "the senators", "the company")."""
    return (
        subj.ent_type_ in {"PERSON", "ORG", "GPE", "NORP"}
        or subj.pos_ == "PROPN"
        or subj.lower_ in PERSONAL_PRONOUNS
        or (subj.pos_ == "NOUN" and (subj.lemma_ in PARTY_NOUNS or subj.lower_ in PARTY_NOUNS))
    )


def _told_in_past(verb: Any) -> bool:
    """ "planned to stay", "was expected to leave": a plan told in the past is no step ahead."""
    return verb.tag_ == "VBD" or any(c.dep_ in {"aux", "auxpass"} and c.tag_ == "VBD" for c in verb.children)


def _event_title(tok: Any) -> str:
    """A short name for the event: "ASEAN summit", "Putin's visit to India", "Turkey moving into Syria"."""
    if tok.pos_ == "VERB":
        return _verb_title(tok)
    left = [
        c for c in tok.children if c.dep_ in {"compound", "amod", "nmod", "poss", "nummod"} and c.i < tok.i
    ]
    words: list[Any] = []
    if left:
        start = min(x.left_edge.i for x in left)
        for w in tok.doc[start : tok.i]:
            if (
                w.pos_ == "DET"
                or w.tag_ == "PRP$"
                or w.ent_type_ in {"DATE", "TIME"}
                or w.lower_ in EVENT_TITLE_SKIP
                # the "'s" of a word left out ("next week's summit")
                or (w.tag_ == "POS" and (not words or words[-1].i != w.i - 1))
            ):
                continue
            words.append(w)
    words.append(tok)
    for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ in {"to", "with", "in", "on"}):
        if any(x.ent_type_ in {"DATE", "TIME"} for x in prep.subtree):
            continue
        words += _phrase(prep, 6)
        break
    return _words(words)


def _verb_title(tok: Any) -> str:
    subj = next((c for c in tok.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subj is None and tok.dep_ in {"xcomp", "relcl", "conj"}:
        subj = next((c for c in tok.head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if tok.dep_ == "relcl":
            subj = tok.head
    # "The new policy, which is to take effect": the relative pronoun stands for "policy".
    while subj is not None and subj.tag_ in {"WDT", "WP"} and subj.head.dep_ == "relcl":
        subj = subj.head.head
    # "The IMF is to look at it when it meets in April": "it" is the main clause's subject.
    # "Lund announced she is to send a bill": "she" is the one who announced it.
    if subj is not None and subj.tag_ == "PRP" and tok.dep_ in {"advcl", "conj", "xcomp", "ccomp"}:
        subj = _main_subject(tok.head) or subj
    picked: list[Any] = []
    if subj is not None and subj.pos_ != "PRON":
        # The subject's name only: "Turkey", "The new quotas", not its relative clauses.
        picked += [
            w for w in subj.children if w.dep_ in {"compound", "amod", "nummod", "poss"} and w.i < subj.i
        ]
        picked.append(subj)
    picked.append(tok)
    for c in sorted(tok.children, key=lambda c: c.i):
        if c.i < tok.i or c.dep_ not in {"dobj", "prt", "prep"}:
            continue
        if any(x.ent_type_ in {"DATE", "TIME"} for x in c.subtree):
            continue
        picked += _phrase(c)
        if c.dep_ == "prep":
            break
    return _words(picked)


def _main_subject(verb: Any) -> Any | None:
    """The nearest named subject up the tree from a verb."""
    for _ in range(5):
        subj = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subj is not None and subj.pos_ != "PRON":
            return subj
        if verb.head.i == verb.i:
            return None
        verb = verb.head
    return None


def _phrase(head: Any, limit: int = 5) -> list[Any]:
    """The first words of a phrase, up to its first comma or clause."""
    out: list[Any] = []
    for w in head.subtree:
        if w.is_punct or w.dep_ in {"relcl", "acl", "advcl", "ccomp"} or len(out) >= limit:
            break
        out.append(w)
    return out


def _words(tokens: list[Any]) -> str:
    """Tokens as text, spaced as in the article ("Tuesday's", not "Tuesday 's")."""
    tokens = sorted({t.i: t for t in tokens}.values(), key=lambda t: t.i)
    text = ""
    for k, t in enumerate(tokens):
        joined = k + 1 < len(tokens) and tokens[k + 1].i == t.i + 1
        text += t.text_with_ws if joined else t.text + " "
    text = " ".join(text.split())
    text = re.sub(r"^(?:the|a|an) ", "", text, flags=re.I)
    return text[:1].upper() + text[1:]


def _main_event(sent: Sentence) -> Any | None:
    """The event the sentence is about: one its future verb governs first ("will attend
    the summit", not "prior to the signing"), then a named one, then the one nearest the root."""
    cands = _event_tokens(sent)
    if not cands:
        return None
    # An event word inside another event's name ("G20" in "G20 summit") yields to it.
    cands = [c for c in cands if not (c.head in cands and c.dep_ in {"compound", "nmod", "amod"})] or cands
    # A planned step ("is to review the plan") yields to an event word in the same
    # sentence ("when it meets in June"): the event is what the step waits for.
    return min(
        cands,
        key=lambda t: (
            not _put_ahead(t),
            t.pos_ == "VERB" and t.lemma_ not in EVENT_VERBS,
            not _named(t),
            t.pos_ == "VERB",
            _depth(t),
            t.i,
        ),
    )


def _put_ahead(tok: Any) -> bool:
    """The word's own verb is in the future: "will attend [the summit]", "is expected at [it]"."""
    verb, steps = tok, 0
    while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
        verb, steps = verb.head, steps + 1
    # Deep inside an adjunct ("in the aftermath of the vote") the event is not what the verb is about.
    if steps > 3:
        return False
    # "would" puts an event verb ahead ("Turkey would be moving in") but not a verb
    # that merely says something of an event ("the meeting would be remembered").
    aux = FUTURE_AUX if verb is tok else FUTURE_AUX - {"would"}
    for _ in range(4):
        if any(c.dep_ in {"aux", "auxpass"} and c.lower_ in aux for c in verb.children):
            return True
        # The scheduled present: "the summit begins on 16 December".
        if (
            verb.lemma_ in EVENT_VERBS
            and verb.tag_ in {"VBZ", "VBP"}
            and any(c.ent_type_ == "DATE" for c in verb.subtree)
        ):
            return True
        if future_cue(verb) or (verb.i > 0 and future_cue(verb.doc[verb.i - 1])):
            return True
        # "will be present, raising the possibility of a meeting": the participle's time is its head's.
        if verb.tag_ not in {"VBG", "VBN", "VB"} or verb.dep_ not in {"advcl", "xcomp", "acl", "conj"}:
            return False
        verb = verb.head
    return False


def _negated(tok: Any) -> bool:
    return any(c.dep_ == "neg" for c in tok.children) or any(
        c.dep_ == "neg" for c in tok.head.children if tok.dep_ in {"dobj", "pobj", "xcomp"}
    )


def event_status(sent: Sentence, tok: Any) -> EventStatus:
    """Scheduled, expected, possible, uncertain, declined, postponed or cancelled."""
    lows = {t.lower_ for t in sent.span}
    lemmas = {nlp.verb_lemma(t) for t in sent.span}
    verb = nlp.governing_verb(tok if tok.pos_ == "VERB" else tok.head)
    if verb.lemma_ in DECLINE_VERBS and _negated(verb):
        return "declined"
    if lemmas & DECLINING_VERBS or ("refuse" in lemmas and verb.lemma_ in DECLINE_VERBS):
        return "declined"
    if lemmas & POSTPONING_VERBS:
        return "postponed"
    if lemmas & CANCELLING_VERBS:
        return "cancelled"
    if lows & UNCERTAIN or (lemmas & {"remain"} and lows & {"unclear", "missing", "open"}):
        return "uncertain"
    # "may" the modal, not "9 May" the month.
    if any(
        t.lower_ in POSSIBLE and (t.tag_ == "MD" or t.lower_ not in {"may", "might", "could"})
        for t in sent.span
    ):
        return "possible"
    if lows & EXPECTED_WORDS:
        return "expected"
    return "scheduled"


def _is_upcoming(sent: Sentence, tok: Any, values: list[tuple[int, str]], anchor: dt.date | None) -> bool:
    """The sentence puts its event ahead of the publication date."""
    if tok.pos_ == "VERB" and tok.tag_ == "VBD":
        return False  # "the House voted": done, whatever date follows
    # A date hanging on a past verb ("In March, at the debate, Biden announced") tells
    # when something was done, whatever year it was resolved to.
    rels = {relation_in(sent, a, v, anchor) for a, v in values if not on_past_verb(sent.span.doc, a)}
    if "future" in rels:
        return True
    lows = {t.lower_ for t in sent.span}
    tense = clause_tense(sent.span)
    if "past" in rels:
        return False  # "at the next elections in 2008, ...": dated, and told in the past
    if tok.pos_ == "VERB":
        # The event verb itself must be put ahead: "will meet", "would be moving", "is to take effect".
        return (
            any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in tok.children)
            or (tok.i > 1 and future_cue(tok.doc[tok.i - 1]))
            or (tok.dep_ == "advcl" and clause_tense(sent.span) == "future")
        )
    if lows & STRONG_FUTURE_WORDS or _put_ahead(tok):
        return True
    if lows & FUTURE_WORDS and tense != "past":
        return True
    # "clarity on that visit remains missing": a promised event left open.
    return bool(lows & UNCERTAIN) and tok.pos_ != "VERB"


def _event_date(
    sent: Sentence, tok: Any, values: list[tuple[int, str]], anchor: dt.date | None
) -> str | None:
    """The event's date: the sentence's date ahead nearest the event word. A day before
    the news ("On Sunday, she announced she is to send a bill") dates the announcement,
    never the event, so without a date ahead the event has none."""
    ahead = [(a, v) for a, v in values if relation_in(sent, a, v, anchor) != "past"]
    if not ahead:
        return None
    pos = tok.idx
    return min(ahead, key=lambda av: abs(av[0] - pos))[1]


def _place(sent: Sentence, ents: Entities, tok: Any) -> str | None:
    """The place nearest after the event word ("summit in Kuala Lumpur"), by its canonical name."""
    places = {e.name.lower(): e.name for e in ents.places}
    for e in ents.places:
        for a in e.aliases:
            places.setdefault(a.lower(), e.name)
    cands = [
        e
        for e in sent.span.ents
        if e.label_ in {"GPE", "LOC", "FAC"} or (e.text.lower() in places and e.label_ != "PERSON")
    ]
    # A place named by a preposition of place ("in", "at", "to", "into") comes first.
    located = [
        e for e in cands if e.start > 0 and e.doc[e.start - 1].lower_ in {"in", "at", "to", "into", "inside"}
    ]
    pool = located or [e for e in cands if tok.left_edge.i <= e.start <= tok.right_edge.i]
    if not pool:
        return None
    best = min(pool, key=lambda e: (e.start < tok.i, abs(e.start - tok.i)))
    return str(places.get(best.text.lower(), best.text))


def _participants(sent: Sentence, ents: Entities, place: str | None, title: str) -> tuple[str, ...]:
    """People, organisations and countries the sentence names, except where it takes place
    and the body whose event it is ("ASEAN" of the "ASEAN summit")."""
    names = []
    for e in sent.span.ents:
        if (place and e.text.lower() in place.lower()) or (e.label_ != "PERSON" and e.text in title):
            continue
        if e.label_ == "PERSON" and (n := ents.person(e.text)):
            names.append(n)
        elif e.label_ in {"ORG", "GPE"}:
            names.append(ents.person(e.text) or e.text)
    return tuple(dict.fromkeys(names))


def _event_key(title: str) -> str:
    """Two mentions are one event when they share the name that identifies it ("G8")."""
    words = [w.strip("’'s") for w in title.split()]
    named = [w for w in words if re.fullmatch(r"[A-Z][A-Za-z0-9-]*", w) and w.lower() not in EVENT_NOUNS]
    if named:
        return named[0].lower()
    # "Election" and "General election" are one event; "Vote" is another.
    nouns = [w.lower() for w in words if w.lower() in EVENT_NOUNS]
    return nouns[-1] if nouns else title.lower()


def find_next(article: Article, ents: Entities, date_of: DateIndex) -> list[NextEvent]:
    """One event per sentence; mentions of one event merge into its most informative one."""
    found: list[NextEvent] = []
    for sent in own_sentences(article):
        if sent.text.rstrip().endswith("?"):
            continue
        tok = _main_event(sent)
        if tok is None:
            continue
        values = sentence_dates(sent, date_of)
        if not _is_upcoming(sent, tok, values, article.anchor):
            continue
        place, title = _place(sent, ents, tok), _event_title(tok)
        found.append(
            NextEvent(
                text=sent.text.strip(),
                title=title,
                date=_event_date(sent, tok, values, article.anchor),
                place=place,
                status=event_status(sent, tok),
                provenance=sent.provenance(),
                participants=_participants(sent, ents, place, title),
            )
        )
    return _merge_events(found)


def _merge_events(events: list[NextEvent]) -> list[NextEvent]:
    groups: dict[str, list[NextEvent]] = {}
    for e in events:
        groups.setdefault(_event_key(e.title), []).append(e)
    out = []
    for group in groups.values():
        # The mention that says most (place, date) speaks for the event; the
        # others fill what it leaves open.
        best = max(group, key=lambda e: (e.place is not None, e.date is not None, -group.index(e)))
        date = best.date or next((e.date for e in group if e.date), None)
        place = best.place or next((e.place for e in group if e.place), None)
        out.append(
            NextEvent(best.text, best.title, date, place, best.status, best.provenance, best.participants)
        )
    return sorted(out, key=lambda e: (e.provenance.paragraph, e.provenance.start))
