"""Verbs of saying and who does them, read from the parse alone: which verb speaks,
its subject up the clause chain, and the token-level tests the speaker search uses.
"""

from __future__ import annotations

from typing import Any

from ... import nlp
from ..lexicon import (
    CALL_PARTICLES,
    CLAUSE_LINK_DEPS,
    DASHES,
    DOCUMENT_NOUNS,
    FINDER_NOUNS,
    LEAVE_VERBS,
    LOCATIVE_PREPOSITIONS,
    NAMING_PARTICIPLES,
    NOT_SPEAKER_LABELS,
    PART_NOUNS,
    PHRASAL_SPEECH_VERBS,
    QUOTE_VERBS,
    SUBJECT_DEPS,
    TALK_ON_VERBS,
)


def is_document(tok: Any) -> bool:
    """ "the statement", "his remarks", "a report": something written or said, by lemma."""
    return tok.lemma_.lower() in DOCUMENT_NOUNS


def is_speech_verb(tok: Any) -> bool:
    """A verb of saying, as used here: its lemma is one, and its frame is not one that
    says nothing ("calling out X", "rules that allow firms to tell ...")."""
    if _participle_read_as_noun(tok):
        return _gerund_base(tok.lower_) is not None
    if not (tok.pos_ in {"VERB", "AUX"} or tok.tag_.startswith("VB")):
        return False
    if tok.i > 0 and tok.doc[tok.i - 1].text in {"-", "so-"}:
        return False  # not "so-called", "self-described"
    lemma = nlp.verb_lemma(tok)
    if lemma == "find":
        # "A GAO report found that ... 'the drug trade'": a finding is what a report,
        # study or court says; people find things without saying them. "The authors
        # combed the filings and found ...": a conjoined verb shares the subject.
        holder = tok.head if tok.dep_ == "conj" else tok
        subjects = [c for t in {tok, holder} for c in t.children if c.dep_ in SUBJECT_DEPS]
        return any(c.lemma_.lower() in FINDER_NOUNS for c in subjects)
    if lemma in TALK_ON_VERBS:
        # "went on about 'a rigged system'", "kept on about": talking at length.
        kids = {c.lower_ for c in tok.children if c.dep_ in {"prt", "prep"}}
        return {"on", "about"} <= kids
    if lemma in PHRASAL_SPEECH_VERBS:
        # "pointed out she had '...'": a verb that speaks only with its particle.
        return any(c.dep_ == "prt" and c.lower_ == PHRASAL_SPEECH_VERBS[lemma] for c in tok.children)
    if lemma not in QUOTE_VERBS:
        return False
    if lemma == "call" and any(c.dep_ == "prt" and c.lower_ in CALL_PARTICLES for c in tok.children):
        return False  # "calling out Trump for his 'lies'" does not quote anyone
    # "rules that allow companies to tell '...'": a saying only made possible.
    return not (
        tok.dep_ in {"xcomp", "ccomp"}
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
        and nlp.verb_lemma(tok.head) in LEAVE_VERBS
    )


def _participle_read_as_noun(tok: Any) -> bool:
    """ "..., writing, '...'": a participle set off by a comma that the tagger read as a
    noun ("writing", "saying") hanging on the noun before it."""
    return bool(
        tok.tag_ == "NN"
        and tok.lower_.endswith("ing")
        and tok.dep_ in {"acl", "appos", "advcl"}
        and tok.i > 0
        and tok.doc[tok.i - 1].text == ","
        and any(c.dep_ in {"ccomp", "punct"} and c.i > tok.i for c in tok.children)
    )


def _gerund_base(word: str) -> str | None:
    """The speech verb an -ing form is made from ("writing" -> "write"), if it is one."""
    stem = word[:-3]
    return next((b for b in (stem, stem + "e", stem[:-1]) if b in QUOTE_VERBS), None)


def speech_subject(tok: Any, after_quote: bool, outside: Any = lambda t: True) -> Any:
    """Who does the verb: its subject, a subject up the clause chain, or "said X"."""
    t = tok
    if (
        (_trailing_participle(tok) or _participle_read_as_noun(tok))
        and tok.dep_ in {"acl", "appos"}
        and tok.head.dep_ in {"dobj", "pobj", "attr"}
    ):
        # "X affirmed her willingness to accept the role, writing, '...'": the parse
        # hangs the participle on the object, but the writer is the main clause's subject.
        t = _verb_above(tok.head)
    for _ in range(8):
        if (
            t.i != tok.i
            and t.dep_ == "relcl"
            and t.head.dep_ in {"dobj", "pobj"}
            and _trailing_participle(tok)
        ):
            # "... not paying an architect who said he was stiffed, saying, '...'": the
            # parse hangs a closing participle on the nearest verb, but it belongs to
            # the main clause, not to a relative clause on its object ("it was Milburn
            # who took the stage, speaking of ..." stays with Milburn).
            t = _verb_above(t.head)
            continue
        if t.lemma_ == "quote" and any(c.lower_ == "as" for c in t.children):
            # "Apcom quoted several lawmakers as saying": the quoted speak.
            quoted = next((c for c in t.children if c.dep_ == "dobj" and outside(c)), None)
            if quoted is not None:
                return quoted
        # A dash or a stray mark the parser took for a subject is nobody.
        subjects = [
            c
            for c in t.children
            if c.dep_ in SUBJECT_DEPS and outside(c) and any(ch.isalnum() for ch in c.text)
        ]
        # "His daughter, and member of the INC, Sharmistha Mukherjee wrote": of two
        # subjects the parse gives one verb, the name is who wrote.
        subj = next((c for c in subjects if c.ent_type_ == "PERSON"), subjects[0] if subjects else None)
        if subj is None and t.i == tok.i:
            named = _name_just_before(tok, outside)
            if named is not None:
                return named
        if (
            subj is not None
            and t.dep_ == "relcl"
            and (subj.lower_ == "who" or (subj.lower_ in {"which", "that"} and is_document(t.head)))
        ):
            # "the woman who said": the woman; "a statement which read": the statement
            # (and so whoever issued it).
            before = tok.doc[subj.i - 1] if subj.i > 0 else None
            named_before = before is not None and before.ent_type_ == "PERSON" and t.head.i != before.i
            if subj.lower_ == "who" and named_before:
                # "refused Oscars, including actor George C Scott who said": the parse may
                # hang "who" on a thing; the name right before it is who.
                return before
            return t.head
        if subj is not None and subj.dep_ == "nsubjpass" and t.i == tok.i:
            # "X has been branded a 'waste' by MPs": the agent speaks; X is what was
            # called so (or, "X was told", who was spoken to).
            # The parse may hang "by MPs" on the quoted noun instead of the verb.
            by = next((c for c in t.subtree if c.i > t.i and c.lower_ == "by" and outside(c)), None)
            pobj = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
            return pobj if pobj is not None and outside(pobj) else None
        if subj is not None:
            return subj
        if t.dep_ == "relcl" and outside(t.head):
            return t.head  # "X, who said ..."
        if t.dep_ == "acl" and t.head.pos_ in {"PROPN", "NOUN"} and outside(t.head):
            return t.head  # "footage of Clinton asking ..."
        agent = next((c for c in t.children if c.dep_ == "agent"), None)
        if agent is not None:
            pobj = next((c for c in agent.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
        # "began by saying": through the preposition to the verb it hangs on.
        if t.dep_ in CLAUSE_LINK_DEPS and t.head.i != t.i:
            t = _out_of_aside(t, t.head)
            continue
        break
    if after_quote:
        # "..., said the minister": the subject stands after the verb.
        for c in tok.children:
            if (
                c.i > tok.i
                and c.pos_ in {"PROPN", "NOUN", "PRON"}
                and c.dep_ not in {"prep", "advmod", "npadvmod"}
                and c.ent_type_ not in NOT_SPEAKER_LABELS
                and outside(c)
            ):
                return c
        nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
        if nxt is not None and nxt.pos_ in {"PROPN", "NOUN", "DET"} and outside(nxt) and not nxt.ent_type_:
            return nxt if nxt.pos_ != "DET" else nxt.head
    return None


def _out_of_aside(child: Any, head: Any) -> Any:
    """The head a word hangs on, unless the parse hung it inside an aside set off by
    dashes that the word itself stands after ("protesters looped the streets - where
    the Panthers played - while chanting ..."): then the word the aside hangs on."""
    if head.i >= child.i:
        return head
    sent = child.sent
    closing = [t.i for t in sent if head.i < t.i < child.i and t.text in DASHES]
    opening = [t.i for t in sent if sent.start <= t.i < head.i and t.text in DASHES]
    if not closing or not opening:
        return head
    lo, hi = opening[-1], closing[0]
    t = head
    while lo < t.i < hi and t.head.i != t.i:
        t = t.head
    return t if not lo < t.i < hi else head


def doer_of(verb: Any) -> Any:
    """Who does a verb: its subject, or for an infinitive with none ("prompted his wife to
    make a comment"), the object of the verb it completes, else that verb's subject."""
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is not None or verb.dep_ != "xcomp" or verb.head.i == verb.i:
        return subj
    up = verb.head
    obj = next((c for c in up.children if c.dep_ == "dobj"), None)
    return obj if obj is not None else next((c for c in up.children if c.dep_ == "nsubj"), None)


def _trailing_participle(verb: Any) -> bool:
    """ ", saying ...": a participle set off by a comma."""
    return bool(verb.tag_ == "VBG" and verb.i > 0 and verb.doc[verb.i - 1].text == ",")


def _verb_above(tok: Any) -> Any:
    """The nearest verb a word hangs on (the word itself at the root)."""
    t = tok
    while t.head.i != t.i and t.pos_ not in {"VERB", "AUX"}:
        t = t.head
    return t


def _name_just_before(verb: Any, outside: Any) -> Any:
    """A name standing right before a verb that has no subject of its own: "footage of
    Clinton asking, ..." or a parse that lost it ("..., Obama and Clinton call them")."""
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None  # "took to Twitter to accuse": an infinitive's doer is up the clause chain
    tok = word_before(verb)
    if tok is None or tok.pos_ != "PROPN" or tok.ent_type_ not in {"PERSON", "ORG"} or not outside(tok):
        return None
    ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
    return ent.root if ent is not None and ent.end == tok.i + 1 else None


def word_before(verb: Any) -> Any:
    """The word before a verb in its sentence, past adverbs and auxiliaries ("Trump
    openly admires", "Obama has called"), or None at the sentence's start."""
    k = verb.i - 1
    doc = verb.doc
    while k >= verb.sent.start and doc[k].pos_ in {"ADV", "AUX", "PART"}:
        k -= 1
    return doc[k] if k >= verb.sent.start else None


def elided_subject(verb: Any) -> bool:
    """A finite verb opening its sentence with nothing but "But", "And" or an adverb
    before it: its subject was left out."""
    if verb.tag_ not in {"VBD", "VBZ", "VBP"}:
        return False
    before = verb.doc[verb.sent.start : verb.i]
    return all(t.pos_ in {"CCONJ", "ADV", "PUNCT"} for t in before)


def depth(tok: Any, top: Any) -> int:
    """How many links up from the token to `top` (or the root)."""
    n, t = 0, tok
    while t.i != top.i and t.head.i != t.i and n < 50:
        t, n = t.head, n + 1
    return n


def under_only(tok: Any, verb: Any) -> bool:
    """The token hangs on the verb with no other verb between them in the tree."""
    t = tok
    for _ in range(12):
        if t.i == verb.i:
            return True
        if t.i != tok.i and t.pos_ in {"VERB", "AUX"}:
            return False
        if t.head.i == t.i:
            return False
        t = t.head
    return False


def path_ok(ent_root: Any, top: Any) -> bool:
    """An entity belongs to a subject phrase unless a clause stands between them."""
    t = ent_root
    while t.i != top.i and t.head.i != t.i:
        if t.dep_ in {"relcl", "acl", "advcl", "ccomp", "xcomp"}:
            return False
        t = t.head
    return bool(t.i == top.i)


def in_possessor(root: Any, head: Any) -> bool:
    """The word stands in the possessor of `head`: "Obama" in "Obama's strategist", "VOA"
    in "a VOA reporter's source"."""
    t = root
    while t.i != head.i and t.head.i != t.i:
        if t.dep_ == "poss" and t.head.i == head.i:
            return True
        t = t.head
    return False


def names_a_place_at(root: Any, head: Any) -> bool:
    """ "Rukban" in "a source inside the Rukban camp": a modifier of a common noun that
    stands behind a preposition of place."""
    noun = root.head
    return bool(
        root.dep_ == "compound"
        and noun.pos_ == "NOUN"
        and noun.i != head.i
        and noun.dep_ == "pobj"
        and noun.head.lower_ in LOCATIVE_PREPOSITIONS
    )


def as_written(words: list[Any]) -> str:
    """The words as the article spells them ("the 34-year-old mother"), runs of
    adjacent tokens kept with their own spacing and hyphens."""
    keep = [t for t in words if t.dep_ not in {"relcl", "acl"}]
    if not keep:
        return ""
    doc = keep[0].doc
    out: list[str] = []
    run = [keep[0]]
    for t in keep[1:]:
        gap = [doc[k] for k in range(run[-1].i + 1, t.i)]
        if not run[-1].whitespace_ and all(g.text in {"-", "‐"} and not g.whitespace_ for g in gap):
            run.append(t)
        else:
            out.append(doc[run[0].i : run[-1].i + 1].text)
            run = [t]
    out.append(doc[run[0].i : run[-1].i + 1].text)
    return " ".join(out)


def document_of_part(tok: Any) -> Any:
    """The document a part of it stands for ("Part of the judge's statement"), or None."""
    if tok.lemma_.lower() not in PART_NOUNS:
        return None
    of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    whole = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    return whole if whole is not None and is_document(whole) else None


def named_in_apposition(tok: Any) -> Any:
    """The name in "a student named Wong", or None."""
    if tok.pos_ != "NOUN":
        return None
    for c in tok.children:
        if c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in NAMING_PARTICIPLES:
            name = next(
                (n for n in c.children if n.dep_ in {"oprd", "attr", "dobj"} and n.pos_ == "PROPN"), None
            )
            if name is not None:
                return name
    return None


def author_in_clause(tok: Any, clause: Any) -> bool:
    """The word is in the subject of a clause on a document ("a speech Mrs. Clinton
    delivered") or in the agent of a bare participle ("a statement released by X"),
    whose words the document holds."""
    bare = clause.tag_ == "VBN" and not any(c.dep_ in {"aux", "auxpass"} for c in clause.children)
    t = tok
    while t.head.i != clause.i and t.head.i != t.i:
        t = t.head
    return bool(t.head.i == clause.i and (t.dep_ == "nsubj" or (bare and t.dep_ == "agent")))


def age_for_a_name(words: list[Any]) -> bool:
    """ "The 31-year-old" standing alone for a person (the parse may glue the next verb
    to it: "The 31-year-old admitted interest"), not "the 34-year-old mother of three".
    `words` are the phrase's tokens without punctuation."""
    if len(words) < 4 or words[0].lower_ != "the" or not words[1].like_num:
        return False
    if (words[2].lower_, words[3].lower_) != ("year", "old"):
        return False
    rest = words[4:]
    return not rest or rest[0].tag_ in {"VBD", "VBN"}
