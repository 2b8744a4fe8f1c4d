"""Sticking points: a live dispute, demand, condition or obstacle between parties,
read from a dispute cue (reject, demand, insist, blame, unlikely, not for negotiation,
a negated "has not agreed") and the tense of the verb that carries it."""

from __future__ import annotations

from typing import Any

from .. import nlp
from .clause_time import clause_tense
from .clauses import Clause
from .entities import Entities
from .lexicon import (
    AGAINST_NOUNS,
    CONCERN_ADJS,
    CONCERN_PREPS,
    DEED_DISPUTE_VERBS,
    DEMAND_MODALS,
    DISPUTE_ADJS,
    DISPUTE_NOUNS,
    DISPUTE_VERBS,
    ELLIPSIS_AUX,
    LABEL_VERBS,
    LIVE_ONLY_STANCES,
    NEGATING_VERBS,
    NEGATIONS,
    NO_COMMENT_VERBS,
    NOT_OPEN_TO,
    OVERCOME_VERBS,
    PERSONAL_PRONOUNS,
    PROPOSAL_MODALS,
    REFUSAL_VERBS,
    REPORTING,
    STANCE_NEEDS_OBJECT,
    STANCE_VERBS,
    STILL_VERBS,
    UNDONE_AUX,
    UNDONE_VERBS,
)


def _dispute_cue(span: Any) -> Any | None:
    """The word that makes the clause a dispute, a demand, a condition or an obstacle."""
    for t in span:
        lem = t.lemma_
        if t.pos_ in {"VERB", "AUX"} and lem in DISPUTE_VERBS and t.dep_ != "amod":
            if lem in STANCE_NEEDS_OBJECT and not _has_object(t):
                continue
            if lem == "call" and not any(c.dep_ == "prep" and c.lower_ == "for" for c in t.children):
                continue  # "called for" is a demand; "called it unlikely" is judged by "unlikely"
            if lem in {"suggest", "propose"} and not _proposal(t):
                continue  # "a poll suggests X" is evidence, not a proposal
            if lem in DEED_DISPUTE_VERBS and t.tag_ in {"VBD", "VBN"}:
                continue  # "sued to be allowed to vote": a suit already brought
            if lem in LIVE_ONLY_STANCES and _cue_tense(t) == "past":
                continue  # "Mr Brown wanted" is a plan told in the past, not a standing demand
            return t
        if t.pos_ == "NOUN" and (lem in DISPUTE_NOUNS or t.lower_ in DISPUTE_NOUNS) and not _overcome(t):
            return t
        if t.pos_ in {"ADJ", "VERB"} and t.lower_ in DISPUTE_ADJS:
            return t
        if t.pos_ == "VERB" and _undone(t) and (lem in UNDONE_VERBS or _not_yet(t)):
            return t
        if lem == "keep" and any(c.lower_ in {"away", "out"} for c in t.children):
            return t  # "likely to keep investors away"
        if lem in STANCE_VERBS and _negated_word(t):
            return t
        if t.lower_ in NOT_OPEN_TO and _negated_word(t):
            return t  # "not up for renegotiation", "not open to debate"
        if (
            t.lower_ == "still"
            and t.head.pos_ in {"VERB", "AUX"}
            and (t.head.lemma_ in STILL_VERBS or _negated_word(t.head))
        ):
            return t
        if t.lower_ in {"if", "unless", "provided"} and t.dep_ == "mark" and _has_negative(t.head):
            return t
        if _demanded(t) or _left_undone(t) or _refused(t) or _concerned(t):
            return t
        if _labelled(t) or _against(t):
            return t
    return None


def _demanded(t: Any) -> bool:
    """ "X said the UK should not ignore Y", "the courts must decide": what a party says
    another has to do. Only someone's reported words: in the article's own voice "must"
    states a rule ("residents must register"), which is background."""
    if t.tag_ != "MD" or t.lower_ not in DEMAND_MODALS:
        return False
    verb = t.head
    return verb.dep_ in {"ccomp", "conj"} and _reported(verb)


def _reported(verb: Any) -> bool:
    """The verb is the content of a saying verb: "said [the courts should decide]"."""
    # Up through the clauses joined to the reported one: "said the Senate had no say,
    # since ..., and that the courts should decide".
    for _ in range(4):
        if verb.dep_ == "ccomp" and verb.head.lemma_ in REPORTING:
            # "has said publicly that X should": a position held before the news, background.
            return not any(a.lemma_ == "have" for a in verb.head.children if a.dep_ == "aux")
        if verb.dep_ not in {"conj", "advcl"} or verb.head.i == verb.i:
            return False
        verb = verb.head
    return False


def _left_undone(t: Any) -> bool:
    """ "While the House confirmed him, the Senate did not": a negated auxiliary standing
    for the verb before it, with a subject of its own and nothing after it."""
    return (
        t.pos_ in {"AUX", "VERB"}  # the tagger takes a lone "did" for a verb
        and t.lemma_ in ELLIPSIS_AUX
        and (t.head.i == t.i or t.dep_ in {"conj", "ccomp", "advcl"})
        and any(c.dep_ == "neg" for c in t.children)
        and any(c.dep_ in {"nsubj", "nsubjpass"} for c in t.children)
        and not any(c.dep_ in {"acomp", "attr", "xcomp", "dobj", "ccomp", "prep", "oprd"} for c in t.children)
    )


def _refused(t: Any) -> bool:
    """ "asked him to delay the ruling, but he declined": a party turning a request down,
    not "sales were declining before the ban" nor "declined to comment"."""
    if t.pos_ != "VERB" or t.lemma_ not in REFUSAL_VERBS or t.tag_ not in {"VBD", "VBZ", "VBP"}:
        return False
    subj = next((c for c in t.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subj is None or not (
        subj.ent_type_ in {"PERSON", "ORG", "GPE", "NORP"} or subj.lower_ in PERSONAL_PRONOUNS
    ):
        return False
    rest = [
        c for c in t.children if c.dep_ not in {"nsubj", "nsubjpass", "cc", "punct", "advmod", "aux", "neg"}
    ]
    if not rest:
        return True  # "but he declined."
    what = next((c for c in rest if c.dep_ == "xcomp"), None)
    return what is not None and what.lemma_ not in REPORTING and what.lemma_ not in NO_COMMENT_VERBS


def _concerned(t: Any) -> bool:
    """ "was worried about plans to lift the embargo", "those concerned over the cuts": a
    party's concern about something, said of the party."""
    if t.lower_ not in CONCERN_ADJS or t.pos_ not in {"ADJ", "VERB"}:
        return False
    return t.dep_ == "acomp" or any(c.dep_ == "prep" and c.lower_ in CONCERN_PREPS for c in t.children)


def _labelled(t: Any) -> bool:
    """ "attacked the investigation as 'garbage'", "dismissed the claims as lies": an
    accusation cast on what the verb governs."""
    return (
        t.pos_ == "VERB"
        and t.lemma_ in LABEL_VERBS
        and any(c.dep_ == "dobj" for c in t.children)
        and any((c.dep_ == "prep" and c.lower_ == "as") or c.dep_ == "oprd" for c in t.children)
    )


def _against(t: Any) -> bool:
    """ "expressed opposition to the swearing-in": a party's stance against a thing it
    names, voiced by the party (not "the opposition", the parties out of power, nor a
    platform "including opposition to abortion")."""
    return (
        t.pos_ == "NOUN"
        and t.lower_ in AGAINST_NOUNS
        and t.dep_ == "dobj"
        and any(c.dep_ == "prep" and c.lower_ == "to" for c in t.children)
        and any(c.dep_ == "nsubj" for c in t.head.children)
    )


def _proposal(t: Any) -> bool:
    """ "has suggested the cash could be shared out": what one party wants done."""
    return any(
        c.dep_ in {"aux", "auxpass"} and c.lower_ in PROPOSAL_MODALS
        for comp in t.children
        if comp.dep_ in {"ccomp", "xcomp"}
        for c in comp.children
    ) or any(c.dep_ == "dobj" for c in t.children)


def _overcome(t: Any) -> bool:
    """An obstacle already behind the parties: "passed the first hurdle", "ended the deadlock"."""
    return t.dep_ in {"dobj", "nsubjpass"} and t.head.lemma_ in OVERCOME_VERBS


def _negated_word(t: Any) -> bool:
    """A negation on the word, by the parse or by the words just before it (the
    parser misreads a typographic "don’t" now and then)."""
    if any(c.dep_ == "neg" for c in t.children):
        return True
    before = t.doc[max(t.sent.start, t.i - 3) : t.i]
    return any(w.lower_ in NEGATIONS for w in before)


def _has_object(t: Any) -> bool:
    return any(c.dep_ in {"dobj", "ccomp", "xcomp", "attr", "oprd"} for c in t.children)


def _has_negative(t: Any) -> bool:
    return any(c.dep_ == "neg" or c.lemma_ in NEGATING_VERBS for c in t.subtree)


def _undone(t: Any) -> bool:
    """ "has not agreed", "have not been agreed", "cannot support", "had not yet been dispensed"."""
    kids = list(t.children)
    neg = any(c.dep_ == "neg" for c in kids)
    if not neg:
        return False
    aux = {c.lower_ for c in kids if c.dep_ in {"aux", "auxpass"}}
    return bool(aux & UNDONE_AUX)


def _not_yet(t: Any) -> bool:
    """ "has not yet been paid out": whatever the verb, "not yet" leaves it undone."""
    return any(c.lower_ == "yet" for c in t.children)


def _cue_tense(cue: Any) -> str:
    """Tense of the verb that carries the cue: "rejected" is past, "renders ... unnecessary" present."""
    verb = nlp.governing_verb(cue)
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


def parties(span: Any, ents: Entities) -> tuple[str, ...]:
    """Who is named in the dispute: people, countries, organisations and groups, but not
    a nationality used as an adjective ("Indian goods")."""
    names = []
    for e in span.ents:
        if e.label_ == "NORP" and e.root.dep_ in {"amod", "compound"}:
            continue
        if e.label_ in {"PERSON", "GPE", "ORG", "NORP"}:
            names.append(ents.person(e.text) or e.text)
    return tuple(dict.fromkeys(names))


def is_sticking(clause: Clause, far_past: bool = False) -> bool:
    """A live dispute: a dispute cue or a thing left undone, not told as a step of an
    earlier episode (a date well before the news days)."""
    cue = _dispute_cue(clause.span)
    if cue is None:
        return False
    # "will insist on reforms" is a demand now; "will discuss concerns" is an agenda. (A
    # step left undone is a gap whatever its tense.)
    undone = _left_undone(cue) or (cue.pos_ == "VERB" and _undone(cue))
    if (
        not undone
        and clause_tense(clause.span) == "future"
        and not (cue.pos_ == "VERB" or _negated_word(cue))
    ):
        return False
    # "On Monday the board rejected the plan", "the Senate did not": a quarrel or a step
    # left undone in the news days is the live state of things; "In June 2023, X rejected
    # Y" is an earlier episode, background.
    return not (far_past and _cue_tense(cue) == "past")
