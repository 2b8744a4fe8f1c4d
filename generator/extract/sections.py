"""The explainer's sections: what happened, background, sticking points, what's next, questions.

Every sentence is cut into clauses (two statements joined by "and", "but" or
";", each with its own subject) and each clause is judged by:

- its time: the tense and modality of its verb (will, is to, is expected to,
  plans to; "would" only on an event verb), the dates in its sentence against
  the publication date, and whether its paragraph is set at an earlier date;
- its kind: an event noun or verb (summit, visit, vote, meet, take effect), a
  dispute cue (reject, demand, insist, blame, unlikely, not for negotiation, a
  negated "has not agreed"), or a reporting verb that only says who said the news.

Upcoming events become "what's next" (one per sentence, mentions of one event
merged); live disputes become sticking points; earlier events and standing
context become background. A quarrel told as part of a dated earlier episode is
background, not a sticking point. A clause that fits none stays out of all of
them, so no section is padded; every item keeps the span it came from.

The word lists below are closed classes (event nouns, modal and dispute verbs);
what decides is how they sit in the parse.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from .. import nlp
from ..model import EventStatus, Item, NextEvent, Provenance
from . import dates as dates_mod
from .article import Article, Sentence
from .entities import Entities

DateIndex = dict[tuple[int, int], str | None]

# Nouns that name something that happens at a time (closed class, not topics).
EVENT_NOUNS = {
    "summit", "meeting", "talks", "visit", "conference", "election", "elections", "vote",
    "referendum", "deadline", "trip", "session", "hearing", "ceremony", "negotiations",
    "forum", "convention", "tour", "inauguration", "debate", "poll",
    "polls", "trial", "rally", "parade", "launch", "signing", "handover", "consultation",
    "ballot", "primary", "caucus", "runoff", "meet", "operation", "offensive", "deployment",
    "withdrawal", "strike", "march", "negotiation", "dialogue",
}  # fmt: skip
# Verbs that are themselves an upcoming event when put in the future.
EVENT_VERBS = {
    "meet", "visit", "attend", "vote", "travel", "begin", "start", "open", "hold", "host",
    "sign", "launch", "move", "deploy", "withdraw", "enter", "invade", "complete",
    "expire", "convene", "gather", "elect", "resume", "end",
    "close", "arrive", "take", "come", "discuss",
}  # fmt: skip
# Verbs that are an event only with an event for subject or object: "hold talks",
# "the summit begins" (not "Labour will hold seats").
_NEEDS_EVENT = {"hold", "host", "open", "start", "begin", "end", "close", "launch", "sign", "resume"}
# "take effect", "come into force": the verb alone is no event.
_VERB_OBJECT = {"take": {"effect", "place", "office", "over"}, "come": {"force", "effect"}}
# Words that put a clause in the future without "will".
_FUTURE_WORDS = {"upcoming", "planned", "scheduled", "forthcoming", "next", "ahead", "later"}
# Of those, the ones that mark an upcoming event even in a past-tense sentence
# ("dropped out ahead of the upcoming debate"); "next" and "later" do not ("at the next
# elections in 2008, ...").
_STRONG_FUTURE_WORDS = {"upcoming", "planned", "scheduled", "forthcoming"}
_FUTURE_VERBS = {"expect", "schedule", "set", "due", "plan", "intend", "aim", "hope", "prepare"}

# Cues of an unresolved dispute, demand, condition or obstacle (closed classes of
# verbs, nouns and adjectives of disagreement and difficulty).
DISPUTE_VERBS = {
    "dispute", "disagree", "demand", "insist", "refuse", "reject", "oppose", "object",
    "accuse", "blame", "criticise", "criticize", "condemn", "denounce", "deny", "contest",
    "threaten", "warn", "retaliate", "boycott", "protest", "veto", "resist", "want",
    "maintain", "claim", "cite", "infringe", "clash", "challenge", "question", "doubt",
    "worry", "fear", "complain", "suggest", "propose", "call",
    # obstruction: what stands in the way
    "deter", "hamper", "hinder", "prevent", "obstruct", "block", "stall", "undermine",
    "jeopardise", "jeopardize", "derail",
}  # fmt: skip
DISPUTE_NOUNS = {
    "dispute", "disagreement", "demand", "conditions", "obstacle", "concern", "tension",
    "tensions", "row", "standoff", "deadlock", "impasse", "stalemate", "hurdle", "contention",
    "friction", "grievance", "complaint", "objection", "criticism", "accusation",
    "threat", "risk", "claims",
}  # fmt: skip
DISPUTE_ADJS = {
    "unresolved", "unlikely", "unrealistic", "unnecessary", "undecided", "unacceptable",
    "illegal", "void", "contentious", "contested", "opposed", "wary",
    "unjustified",
}  # fmt: skip
# Verbs whose negation leaves something undone: "has not agreed", "cannot support".
_UNDONE_VERBS = {
    "agree", "revoke", "accept", "support", "resolve", "settle", "approve", "ratify",
    "lift", "remove", "pay", "deliver", "implement", "sign", "withdraw",
    "reach", "confirm", "recognize", "recognise", "allow", "release", "meet", "commit",
}  # fmt: skip
# Verbs of stance whose negation is a disagreement: "I don't like", "does not accept".
_STANCE_VERBS = {"like", "agree", "accept", "support", "trust", "recognise", "recognize", "want", "believe"}
# Verbs that are a stance only with what they hold to: "wants access", not "as he wants".
_NEEDS_OBJECT = {"want", "maintain", "claim", "cite"}
# What a party says a thing is not open to: "not for negotiation".
_NOT_OPEN_TO = {"negotiation", "renegotiation", "discussion", "debate", "compromise", "sale", "negotiable"}
# "still wants", "still has to", "still has not": a demand or a gap that persists.
_STILL_VERBS = {"want", "need", "have", "await", "demand", "refuse", "oppose", "insist", "seek"}
# Stances that count only while they hold: "wants", "has suggested", not "wanted".
_LIVE_ONLY = {"want", "suggest", "propose", "maintain", "claim"}
# Verbs that put an obstacle behind the parties.
_OVERCOME = {"pass", "overcome", "clear", "remove", "resolve", "settle", "end", "lift", "break"}
# Saying verbs: a past clause built on one of them reports the news, it is no earlier event.
REPORTING = {
    "say", "tell", "add", "stress", "note", "respond", "reply", "write", "tweet", "post",
    "state", "announce", "reaffirm", "reassert", "underline", "comment", "explain", "speak",
    "describe", "call", "praise", "welcome", "report", "acknowledge", "argue", "suggest", "defend",
}  # fmt: skip
# Verbs of being and thinking: a past form of one is no earlier event.
_NOT_EVENTS = {"be", "have", "do", "hope", "think", "believe", "expect", "feel", "know", "want"} | REPORTING
# Words that open a clause about what came before the news.
_ANTECEDENT = {"after", "following", "since", "amid", "before"}

UNCERTAIN = {"unclear", "uncertain", "missing", "doubt", "doubtful", "unknown", "undecided", "unconfirmed"}
POSSIBLE = {
    "possibility",
    "possible",
    "could",
    "may",
    "might",
    "likely",
    "potential",
    "possibly",
    "hope",
    "hoped",
}
DECLINE_VERBS = {"attend", "go", "join", "travel", "participate", "come", "visit", "meet"}
_FINITE = {"VBZ", "VBP", "VBD", "MD"}
_OPEN_QUOTES = '“"‘'
_TITLE_SKIP = {"long", "awaited", "much", "-", "ahead"} | {
    "upcoming",
    "planned",
    "scheduled",
    "next",
}
# "... and that he would": a second reported clause, not a new statement of the article's.
_SUBORDINATORS = {"that", "whether", "if", "because", "who", "which", "when", "where"}
_FUTURE_AUX = {"will", "would", "shall", "'ll", "wo"}


@dataclass(frozen=True)
class Clause:
    """A run of a sentence's tokens that makes one statement."""

    sent: Sentence
    span: Any  # spacy.tokens.Span, a slice of sent.span

    @property
    def text(self) -> str:
        return _tidy(str(self.span.text))

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


def _tidy(text: str) -> str:
    """A clause as a readable statement: no leading conjunction or dangling comma."""
    text = re.sub(r"^(?:and|but|yet|while|;|,)\s+", "", text.strip(), flags=re.I)
    text = text.rstrip(" ,;")
    return text[:1].upper() + text[1:] if text else text


# --- clauses -----------------------------------------------------------------------


def _splits(span: Any) -> list[int]:
    """Token indices where a new independent clause starts: after ";" or at a
    coordinating conjunction followed by a short subject and its own finite verb."""
    toks = list(span)
    cuts: list[int] = []
    for k, t in enumerate(toks):
        if k == 0 or k >= len(toks) - 2:
            continue
        left_finite = any(x.tag_ in _FINITE for x in toks[:k])
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
        if k + 1 < len(toks) and (toks[k + 1].tag_ in {"PRP", "EX"} or toks[k + 1].lower_ in _SUBORDINATORS):
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
            if x.tag_ in _FINITE and j > 0:
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
    ranges = _quoted_ranges(span.doc.text)
    cuts = [k for k in _splits(span) if not any(a < span[k].idx < b for a, b in ranges)]
    bounds = [0, *cuts, len(span)]
    out = []
    for a, b in itertools.pairwise(bounds):
        part = span[a:b]
        if any(t.is_alpha for t in part):
            out.append(Clause(sent, part))
    return out


# --- time --------------------------------------------------------------------------


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


def _head(span: Any) -> Any:
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


def clause_tense(span: Any) -> str:
    """Past, future or present of a clause, from its own verbs and modal cues.

    "would" is left out: after a reporting verb it is a past future, but just
    as often a conditional ("would be happy if"), so alone it decides nothing.
    """
    toks = list(span)
    lows = {t.lower_ for t in toks}
    if lows & {"will", "shall", "'ll", "wo"} or lows & {"upcoming", "forthcoming"}:
        return "future"
    if any(_future_cue(t) for t in toks):
        return "future"
    return _past_or_present(span)


def _future_cue(t: Any) -> bool:
    """ "is to take effect", "plans to meet", "is due to", "is expected at the summit"."""
    nxt = t.doc[t.i + 1] if t.i + 1 < len(t.doc) else None
    prev = t.doc[t.i - 1] if t.i > 0 else None
    if prev is None or nxt is None:
        return False
    if t.lower_ == "to" and nxt.tag_ == "VB":
        # "is to meet" is ahead; "was to meet" was ahead of a day now past.
        return (prev.lemma_ == "be" and prev.pos_ == "AUX" and prev.tag_ != "VBD") or (
            nlp.verb_lemma(prev) in _FUTURE_VERBS and prev.pos_ in {"VERB", "AUX", "ADJ"}
        )
    return t.lower_ == "expected" and (prev.lemma_ == "be" or nxt.lower_ in {"to", "at", "in", "on"})


def _past_or_present(span: Any) -> str:
    """The tense of the clause's main verb, as `dates.sentence_tense` reads it, without
    its future cues ("next decade" names no upcoming event)."""
    head = _head(span)
    aux = [c for c in head.children if c.dep_ in {"aux", "auxpass"}]
    if head.tag_ == "VBD" or any(a.tag_ == "VBD" for a in aux):
        return "past"
    if head.tag_ == "VBN" and any(a.lemma_ == "have" for a in aux):
        return "past"
    if head.tag_ in {"VBZ", "VBP"} or any(a.tag_ in {"VBZ", "VBP", "MD"} for a in aux):
        return "present"
    return "past" if dates_mod.sentence_tense(span) == "past" else "present"


# --- quotations --------------------------------------------------------------------


@functools.lru_cache(maxsize=256)
def _quoted_ranges(text: str) -> tuple[tuple[int, int], ...]:
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


def _inside_quote(sent: Sentence, ranges: tuple[tuple[int, int], ...]) -> bool:
    """The sentence starts inside a quotation: someone's words, not the article's."""
    return any(a < sent.start < b - 1 for a, b in ranges)


def _mostly_quoted(sent: Sentence, ranges: tuple[tuple[int, int], ...]) -> bool:
    inside = sum(max(0, min(b, sent.end) - max(a, sent.start)) for a, b in ranges)
    return inside > 0.5 * max(1, sent.end - sent.start)


# --- what's next -------------------------------------------------------------------


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
            # "election strategy", "summit agenda": the event only qualifies another thing.
            if not (t.dep_ == "compound" and t.head.lower_ not in EVENT_NOUNS):
                out.append(t)
        elif t.pos_ == "VERB" and t.lemma_ in EVENT_VERBS:
            need = _VERB_OBJECT.get(t.lemma_)
            if need is not None and not any(c.lower_ in need for c in t.subtree if c.i != t.i):
                continue
            if t.lemma_ == "meet" and any(
                c.dep_ == "dobj" and c.pos_ not in {"PROPN", "PRON"} and c.ent_type_ == "" for c in t.children
            ):
                continue  # "meet the target", not a meeting
            if t.lemma_ in _NEEDS_EVENT and not any(
                c.lower_ in EVENT_NOUNS for c in t.children if c.dep_ in {"dobj", "nsubj", "nsubjpass"}
            ):
                continue
            out.append(t)
        elif (
            t.pos_ == "PROPN"
            and re.fullmatch(r"G-?\d{1,2}", t.text)
            and (t.dep_ not in {"compound", "nmod", "poss"} or t.head.lower_ in EVENT_NOUNS)
        ):
            # "the G20 in Johannesburg": a summit named by its group alone.
            out.append(t)
    return out


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
                or w.lower_ in _TITLE_SKIP
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
    if subj is not None and subj.tag_ == "PRP" and tok.dep_ in {"advcl", "conj"}:
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
    return min(cands, key=lambda t: (not _put_ahead(t), not _named(t), t.pos_ == "VERB", _depth(t), t.i))


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
    aux = _FUTURE_AUX if verb is tok else _FUTURE_AUX - {"would"}
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
        if _future_cue(verb) or (verb.i > 0 and _future_cue(verb.doc[verb.i - 1])):
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
    verb = tok if tok.pos_ == "VERB" else tok.head
    while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
        verb = verb.head
    if verb.lemma_ in DECLINE_VERBS and _negated(verb):
        return "declined"
    if lemmas & {"skip", "boycott", "snub", "decline"} or (
        "refuse" in lemmas and verb.lemma_ in DECLINE_VERBS
    ):
        return "declined"
    if lemmas & {"postpone", "delay", "defer", "reschedule"}:
        return "postponed"
    if lemmas & {"cancel", "scrap", "abandon"}:
        return "cancelled"
    if lows & UNCERTAIN or (lemmas & {"remain"} and lows & {"unclear", "missing", "open"}):
        return "uncertain"
    # "may" the modal, not "9 May" the month.
    if any(
        t.lower_ in POSSIBLE and (t.tag_ == "MD" or t.lower_ not in {"may", "might", "could"})
        for t in sent.span
    ):
        return "possible"
    if lows & {"expected", "likely", "hopes"}:
        return "expected"
    return "scheduled"


def _is_upcoming(sent: Sentence, tok: Any, values: list[tuple[int, str]], anchor: dt.date | None) -> bool:
    """The sentence puts its event ahead of the publication date."""
    if tok.pos_ == "VERB" and tok.tag_ == "VBD":
        return False  # "the House voted": done, whatever date follows
    # A date hanging on a past verb ("In March, at the debate, Biden announced") tells
    # when something was done, whatever year it was resolved to.
    rels = {_relation_in(sent, a, v, anchor) for a, v in values if not _on_past_verb(sent.span.doc, a)}
    if "future" in rels:
        return True
    lows = {t.lower_ for t in sent.span}
    tense = clause_tense(sent.span)
    if "past" in rels:
        return False  # "at the next elections in 2008, ...": dated, and told in the past
    if tok.pos_ == "VERB":
        # The event verb itself must be put ahead: "will meet", "would be moving", "is to take effect".
        return (
            any(c.dep_ == "aux" and c.lower_ in _FUTURE_AUX for c in tok.children)
            or (tok.i > 1 and _future_cue(tok.doc[tok.i - 1]))
            or (tok.dep_ == "advcl" and clause_tense(sent.span) == "future")
        )
    if lows & _STRONG_FUTURE_WORDS or _put_ahead(tok):
        return True
    if lows & _FUTURE_WORDS and tense != "past":
        return True
    # "clarity on that visit remains missing": a promised event left open.
    return bool(lows & UNCERTAIN) and tok.pos_ != "VERB"


def _on_past_verb(doc: Any, char: int) -> bool:
    tok = _date_token(doc, char)
    while tok is not None and tok.pos_ not in {"VERB", "AUX"} and tok.head.i != tok.i:
        tok = tok.head
    return tok is not None and tok.tag_ == "VBD"


def _event_date(
    sent: Sentence, tok: Any, values: list[tuple[int, str]], anchor: dt.date | None
) -> str | None:
    """The event's date: the sentence's date ahead nearest the event word, else the nearest one."""
    if not values:
        return None
    ahead = [(a, v) for a, v in values if _relation_in(sent, a, v, anchor) != "past"] or values
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
    for sent in _sentences(article):
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


# --- questions ---------------------------------------------------------------------


def find_questions(article: Article) -> list[Item]:
    """Questions the article asks in its own voice (headings and quoted questions are not)."""
    out = []
    for sent in _sentences(article, quoted_ok=True):
        text = sent.text.strip()
        if not text.endswith("?") or text.startswith(tuple(_OPEN_QUOTES)):
            continue
        # "the question remains: Can X ...?" - the question is what follows the colon.
        m = re.search(r":\s*(?=[A-Z])", text)
        out.append(Item(text[m.end() :] if m else text, sent.provenance()))
    return out


# --- sticking points ---------------------------------------------------------------


def _dispute_cue(span: Any) -> Any | None:
    """The word that makes the clause a dispute, a demand, a condition or an obstacle."""
    for t in span:
        lem = t.lemma_
        if t.pos_ in {"VERB", "AUX"} and lem in DISPUTE_VERBS and t.dep_ != "amod":
            if lem in _NEEDS_OBJECT and not _has_object(t):
                continue
            if lem == "call" and not any(c.dep_ == "prep" and c.lower_ == "for" for c in t.children):
                continue  # "called for" is a demand; "called it unlikely" is judged by "unlikely"
            if lem in {"suggest", "propose"} and not _proposal(t):
                continue  # "a poll suggests X" is evidence, not a proposal
            if lem in _LIVE_ONLY and _cue_tense(t) == "past":
                continue  # "Mr Brown wanted" is a plan told in the past, not a standing demand
            return t
        if t.pos_ == "NOUN" and (lem in DISPUTE_NOUNS or t.lower_ in DISPUTE_NOUNS) and not _overcome(t):
            return t
        if t.pos_ in {"ADJ", "VERB"} and t.lower_ in DISPUTE_ADJS:
            return t
        if t.pos_ == "VERB" and _undone(t) and (lem in _UNDONE_VERBS or _not_yet(t)):
            return t
        if lem == "keep" and any(c.lower_ in {"away", "out"} for c in t.children):
            return t  # "likely to keep investors away"
        if lem in _STANCE_VERBS and _negated_word(t):
            return t
        if t.lower_ in _NOT_OPEN_TO and _negated_word(t):
            return t  # "not up for renegotiation", "not open to debate"
        if (
            t.lower_ == "still"
            and t.head.pos_ in {"VERB", "AUX"}
            and (t.head.lemma_ in _STILL_VERBS or _negated_word(t.head))
        ):
            return t
        if t.lower_ in {"if", "unless", "provided"} and t.dep_ == "mark" and _has_negative(t.head):
            return t
    return None


def _proposal(t: Any) -> bool:
    """ "has suggested the cash could be shared out": what one party wants done."""
    return any(
        c.dep_ in {"aux", "auxpass"} and c.lower_ in {"could", "should", "must", "ought"}
        for comp in t.children
        if comp.dep_ in {"ccomp", "xcomp"}
        for c in comp.children
    ) or any(c.dep_ == "dobj" for c in t.children)


def _overcome(t: Any) -> bool:
    """An obstacle already behind the parties: "passed the first hurdle", "ended the deadlock"."""
    return t.dep_ in {"dobj", "nsubjpass"} and t.head.lemma_ in _OVERCOME


def _negated_word(t: Any) -> bool:
    """A negation on the word, by the parse or by the words just before it (the
    parser misreads a typographic "don’t" now and then)."""
    if any(c.dep_ == "neg" for c in t.children):
        return True
    before = t.doc[max(t.sent.start, t.i - 3) : t.i]
    return any(w.lower_ in {"not", "n't", "n’t", "never"} for w in before)


def _has_object(t: Any) -> bool:
    return any(c.dep_ in {"dobj", "ccomp", "xcomp", "attr", "oprd"} for c in t.children)


def _has_negative(t: Any) -> bool:
    return any(c.dep_ == "neg" or c.lemma_ in {"fail", "overlook", "ignore"} for c in t.subtree)


def _undone(t: Any) -> bool:
    """ "has not agreed", "have not been agreed", "cannot support", "had not yet been dispensed"."""
    kids = list(t.children)
    neg = any(c.dep_ == "neg" for c in kids)
    if not neg:
        return False
    aux = {c.lower_ for c in kids if c.dep_ in {"aux", "auxpass"}}
    return bool(aux & {"has", "have", "had", "been", "can", "could", "ca", "will", "wo", "did", "does", "do"})


def _not_yet(t: Any) -> bool:
    """ "has not yet been paid out": whatever the verb, "not yet" leaves it undone."""
    return any(c.lower_ == "yet" for c in t.children)


def _cue_tense(cue: Any) -> str:
    """Tense of the verb that carries the cue: "rejected" is past, "renders ... unnecessary" present."""
    verb = cue
    while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
        verb = verb.head
    # "co-founded X to oppose Y", "signed an order, citing risks": the tense is the governing verb's.
    while (
        verb.tag_ in {"VB", "VBG"}
        and verb.dep_ in {"xcomp", "advcl", "acl", "conj"}
        and verb.head.i != verb.i
    ):
        verb = verb.head
    aux = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    if any(a.lower_ in {"has", "have"} for a in aux):
        return "perfect"
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in aux):
        return "past"
    return "present"


def _parties(span: Any, ents: Entities) -> tuple[str, ...]:
    """Who is named in the dispute: people, countries, organisations and groups, but not
    a nationality used as an adjective ("Indian goods")."""
    names = []
    for e in span.ents:
        if e.label_ == "NORP" and e.root.dep_ in {"amod", "compound"}:
            continue
        if e.label_ in {"PERSON", "GPE", "ORG", "NORP"}:
            names.append(ents.person(e.text) or e.text)
    return tuple(dict.fromkeys(names))


def is_sticking(clause: Clause, dated_past: bool) -> bool:
    """A live dispute: a dispute cue not set in a dated past, or a thing left undone."""
    cue = _dispute_cue(clause.span)
    if cue is None:
        return False
    # "will insist on reforms" is a demand now; "will discuss concerns" is an agenda.
    if clause_tense(clause.span) == "future" and not (cue.pos_ == "VERB" or _negated_word(cue)):
        return False
    # A quarrel told as part of a dated earlier episode ("In June, X rejected Y")
    # is background; one told without such a date is the live state of things.
    return not (dated_past and _cue_tense(cue) == "past")


# --- background --------------------------------------------------------------------


def _reports_news(span: Any) -> bool:
    """A clause that only says who said what now ("He stressed that ...")."""
    head = _head(span)
    if head.lemma_ not in REPORTING:
        return False
    if any(a.lemma_ == "have" for a in head.children if a.dep_ == "aux"):
        return False  # "has said publicly that ...": a standing position, said before the news
    # "told the BBC the US had increased support", "added that Britain contributed
    # more": the reported content is itself an earlier event.
    for t in span:
        if t.i == head.i or t.dep_ in {"aux", "auxpass"} or t.lemma_ in _NOT_EVENTS:
            continue
        if t.tag_ == "VBD" or (t.tag_ == "VBN" and any(a.lower_ == "had" for a in t.children)):
            return False
    return True


@dataclass(frozen=True)
class Setting:
    """When a sentence is set, against the publication date."""

    dated: bool  # it, or the paragraph it follows, names a date before the news
    far: bool  # that date is well before the news days: an earlier episode
    ahead: bool  # it names a date after the news, or an upcoming thing
    quoted: bool  # most of it is someone's quoted words


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
        return span[0].lower_ in _ANTECEDENT or (
            lede > 1
            and (
                setting.far
                or _pluperfect(span)
                or (
                    tense == "past"
                    and any(t.lower_ in _ANTECEDENT and t.dep_ in {"prep", "mark"} for t in span)
                )
            )
        )
    # Who said what now is the news; what they recalled from well before is not.
    if (_reports_news(span) and not setting.far) or span.text.lstrip()[:1] in _OPEN_QUOTES:
        return False
    if setting.dated and setting.far:
        return True
    if _now(span):
        return False  # the state of things in the news, not the context around it
    if setting.dated or tense == "past":
        return True
    return _standing_context(span)


def _pluperfect(span: Any) -> bool:
    """ "had collapsed": told as before the news."""
    head = _head(span)
    return head.tag_ == "VBN" and any(
        a.lower_ == "had" for a in head.children if a.dep_ in {"aux", "auxpass"}
    )


def _now(span: Any) -> bool:
    # "Today" the BBC programme is a name, not a time.
    lows = {t.lower_ for t in span if t.pos_ != "PROPN"}
    return bool(lows & {"now", "currently", "today", "tonight"}) or "so far" in span.text.lower()


def _standing_context(span: Any) -> bool:
    """A present-tense statement of how things stand: "X is part of a pact", "Y is banned in Z"."""
    head = _head(span)
    if head.tag_ == "VBN" and any(a.dep_ == "auxpass" and a.tag_ in {"VBZ", "VBP"} for a in head.children):
        return True  # "The party is banned in Turkey", "is made up of": a state, not an act
    if head.lemma_ in {
        "be",
        "have",
        "live",
        "comprise",
        "consist",
        "remain",
        "attribute",
        "include",
        "belong",
    }:
        subj = next((c for c in head.children if c.dep_ in {"nsubj", "nsubjpass", "expl"}), None)
        return (
            subj is not None
            and subj.pos_ in {"PROPN", "NOUN", "PRON"}
            and subj.lower_ not in {"this", "that"}
        )
    return any(t.dep_ == "relcl" and t.tag_ == "VBD" for t in span)


# --- assembly ----------------------------------------------------------------------


def _sentences(article: Article, quoted_ok: bool = False) -> Iterator[Sentence]:
    """The article's own sentences (not headings; not the inside of someone's quote)."""
    ranges: dict[int, tuple[tuple[int, int], ...]] = {}
    for sent in article.sentences(("paragraph",)):
        if not quoted_ok:
            if sent.block not in ranges:
                ranges[sent.block] = _quoted_ranges(article.document.blocks[sent.block].text)
            if _inside_quote(sent, ranges[sent.block]):
                continue
        yield sent


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
    for sent in _sentences(article):
        if sent.text.rstrip().endswith("?"):
            continue
        values = sentence_dates(sent, date_of)
        setting = _setting(article, sent, values, date_of)
        parts = clauses(sent)
        rank = min(lede_rank.get((sent.block, sent.start), 0), 2)
        kinds = [_kind(c, setting, rank) for c in parts]
        sticking += [
            Item(c.text, c.provenance(), parties=_parties(c.span, ents))
            for c, k in zip(parts, kinds, strict=True)
            if k == "sticking"
        ]
        bg = [c for c, k in zip(parts, kinds, strict=True) if k == "background"]
        if bg:
            date = _background_date(values, article.anchor)
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
    own_voice = clause.sent.text.lstrip()[:1] not in _OPEN_QUOTES
    # The headline sentence is the news; a dispute the opening goes on to name is a sticking point.
    if lede != 1 and own_voice and is_sticking(clause, setting.dated):
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
    text = _tidy(doc[parts[0].span.start : parts[-1].span.end].text)
    return Item(text, Provenance(first.paragraph, first.start, last.end), date=date)


def _setting(article: Article, sent: Sentence, values: list[tuple[int, str]], date_of: DateIndex) -> Setting:
    anchor = article.anchor
    rel = [(v, _relation_in(sent, a, v, anchor)) for a, v in values]
    past = [v for v, r in rel if r == "past"]
    lows = {t.lower_ for t in sent.span}
    ahead = any(r == "future" for _, r in rel) or bool(lows & {"upcoming", "planned", "ahead", "forthcoming"})
    far = any(_far_past(v, anchor) for v in past)
    dated = bool(past)
    if not values:
        # A paragraph that opens with an earlier date sets the time of what follows.
        para = [
            (a, v)
            for (b, a), v in sorted(date_of.items())
            if b == sent.block and a < sent.span.start_char and v
        ]
        if para and _sets_the_time(sent.span.doc, para[0][0]) and relation(para[0][1], anchor) == "past":
            dated = far = _far_past(para[0][1], anchor)
    ranges = _quoted_ranges(article.document.blocks[sent.block].text)
    return Setting(dated, far, ahead, _mostly_quoted(sent, ranges))


def _date_token(doc: Any, char: int) -> Any | None:
    return next((t for t in doc if t.idx <= char < t.idx + len(t.text)), None)


def _sets_the_time(doc: Any, char: int) -> bool:
    """The date belongs to the main clause of its sentence ("This comes after the June 17
    call"), not to an aside ("the rebate, secured in 1984, ...")."""
    tok = _date_token(doc, char)
    while tok is not None and tok.head.i != tok.i:
        if tok.dep_ in {"relcl", "acl", "appos", "advcl", "ccomp"}:
            return False
        tok = tok.head
    return tok is not None


def _relation_in(sent: Sentence, char: int, value: str, anchor: dt.date | None) -> str:
    """A date against the publication date; without one, against the tense of the verb it
    hangs on ("secured in 1984" is past, "could produce a date in 2005" is ahead)."""
    if anchor is not None:
        return relation(value, anchor)
    tok = _date_token(sent.span.doc, char)
    while tok is not None and tok.pos_ not in {"VERB", "AUX"} and tok.head.i != tok.i:
        tok = tok.head
    if tok is None or tok.pos_ not in {"VERB", "AUX"}:
        return "now"
    aux = {c.lower_ for c in tok.children if c.dep_ in {"aux", "auxpass"}}
    if aux & (_FUTURE_AUX | {"could", "may", "might", "to"}):
        return "future"
    if tok.tag_ in {"VBD", "VBN"} or aux & {"has", "have", "had", "was", "were"}:
        return "past"
    return "now"


def _far_past(value: str, anchor: dt.date | None) -> bool:
    """More than a week before the news: an earlier episode, not the news days. Without
    a publication date, a year or a month (no day) names an earlier period."""
    b = _value_bounds(value)
    if b is None:
        return False
    if anchor is None:
        return b[0] != b[1] and b[1] - b[0] > dt.timedelta(days=7)
    return (anchor - b[1]).days > 7


def _background_date(values: list[tuple[int, str]], anchor: dt.date | None) -> str | None:
    past = [v for _, v in values if relation(v, anchor) == "past"]
    return past[0] if past else (values[0][1] if values and anchor is None else None)


def what_happened(article: Article, date_of: DateIndex, published: str | None) -> list[Item]:
    """The news: the opening paragraph's first sentences (up to three; a one-sentence
    opening takes the next paragraph's first sentence too), dated by the day the
    opening names ("On Tuesday, ...") or else the publication date."""
    out: list[Item] = []
    date: str | None = None
    for sent in _sentences(article):
        if len(out) >= 3:
            break
        if out and sent.block != out[0].provenance.paragraph:
            first = out[0].provenance.paragraph
            if len(out) >= 2 or sent.block != first + 1 or out[-1].provenance.paragraph != first:
                break
        if sent.text.strip().endswith("?") or sent.text.lstrip()[:1] in _OPEN_QUOTES:
            continue
        if not out:
            values = [v for _, v in sentence_dates(sent, date_of) if relation(v, article.anchor) != "future"]
            date = values[0] if values else published
        out.append(Item(sent.text.strip(), sent.provenance(), date=date))
    return out
