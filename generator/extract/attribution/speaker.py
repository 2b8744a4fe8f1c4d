"""From the phrase a cue found to the speaker it names: a person under the fullest
name the article uses, a pronoun or a description resolved, an organisation, or the
phrase as the article writes it (the resolver decides who a name is).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ...model import QuoteCue
from ...textnorm import fold
from ..entities import clean_name
from ..lexicon import (
    GENERIC_ORG_HEADS,
    NAMING_LABELS,
    ORG_HEADS,
    POSSESSIVE_PRONOUNS,
    ROLE_HEADS,
    SPEAKER_PRONOUNS,
    SUBJECT_DEPS,
)
from ..resolve import Resolver
from .verbs import (
    age_for_a_name,
    as_written,
    author_in_clause,
    document_of_part,
    doer_of,
    in_possessor,
    is_document,
    is_speech_verb,
    named_in_apposition,
    names_a_place_at,
    path_ok,
)


@dataclass(frozen=True)
class Found:
    speaker: str | None
    cue: QuoteCue
    strong: bool  # a cue that makes even a short quoted term someone's words


def _entity_name(ctx: Resolver, ent: Any, block: int) -> str | None:
    text = re.sub(r"['’]s?$", "", ent.text).strip()
    # "the United Nations Nikki Haley" tagged as one organisation: the person in it.
    folded = fold(text)
    # "the Foreign Policy Centre Mr Straw" tagged as one organisation: the person the
    # entity extractor found at its head.
    found = ctx.found_at(block, ent.root.idx)
    if found is not None and ent.root.i == ent.end - 1 and ent.label_ != "PERSON":
        return found
    for p in ctx.ents.people:
        if len(p.name.split()) > 1 and folded.endswith(" " + fold(p.name)):
            return p.name
    if ent.label_ == "PERSON":
        # The entity extractor resolved each mention in place; a surname two people
        # share ("Lopez") means whichever of them this mention is.
        return ctx.person_at(text, block, ent.start_char) or (clean_name(text)[0] or None)
    known = ctx.person(text)
    if known:
        return known
    words = re.sub(r"^the\s+", "", text, flags=re.I).split()
    if ent.label_ in {"ORG", "FAC"}:
        # "the United Nations Nikki Haley": an organisation glued to the name after it.
        for k in range(len(words) - 2, 0, -1):
            rest = words[k:]
            if ctx.org(" ".join(words[:k])) and 2 <= len(rest) <= 3 and all(w[:1].isupper() for w in rest):
                return ctx.person(" ".join(rest)) or " ".join(rest)
    if ent.label_ == "GPE" and ent.root.dep_ in SUBJECT_DEPS and not text.isupper():  # not a dateline
        # "China said it was ...": a country speaks through its government; the
        # article's own name for the place ("the United States") stands for it.
        return ctx.ents.place(text) or " ".join(words)
    return ctx.org(text) or (" ".join(words) if ent.label_ in {"ORG", "FAC"} else None)


def _name_of_pronoun(ctx: Resolver, pronoun: str, block: int, pos: int) -> str | None:
    if pronoun == "it":
        # "In a statement, it added": the organisation last named as a subject.
        return ctx.latest_org(block, pos)
    if pronoun in {"i", "we"}:
        # Outside quotation marks "I say" is the writer (an op-ed, a plea), whom the
        # text does not name: nobody we can point to.
        return None
    return ctx.antecedent(block, pos, pronoun)


def name_of(ctx: Resolver, tok: Any, block: int) -> str | None:
    """Canonical speaker for a subject token."""
    doc = tok.doc
    if tok.lower_ in POSSESSIVE_PRONOUNS and tok.dep_ == "poss":
        # "his claim": whoever "he" is.
        return _name_of_pronoun(ctx, POSSESSIVE_PRONOUNS[tok.lower_], block, tok.idx)
    if tok.lower_ in SPEAKER_PRONOUNS:
        return _name_of_pronoun(ctx, tok.lower_, block, tok.idx)
    named = named_in_apposition(tok)
    if named is not None:
        # "A university student named Wong said": the name given is who spoke.
        return name_of(ctx, named, block)
    whole = document_of_part(tok)
    if whole is not None:
        # "Part of the judge's statement reads": the statement speaks, not "Part".
        return name_of(ctx, whole, block)
    owner = next((c for c in tok.children if c.dep_ == "poss"), None) if is_document(tok) else None
    if owner is not None and not ctx.in_quote(block, owner.idx):
        # "the judge's statement", "Their statement": whoever the statement is of.
        name = name_of(ctx, owner, block)
        if name:
            return name
    own = next((e for e in doc.ents if e.start <= tok.i < e.end), None)
    if own is None and tok.tag_ == "NNS" and tok.pos_ == "NOUN" and tok.dep_ in SUBJECT_DEPS:
        # A group ("Other leaders, including X, said"): the group speaks, not X.
        left = [t for t in tok.subtree if t.i <= tok.i and not t.is_punct]
        # "Small groups of protesters", "the authors of the report": what the group is.
        of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        if of is not None:
            whole = left + [t for t in of.subtree if not t.is_punct]
            if len(whole) <= 6 and whole[-1].i - whole[0].i == len(whole) - 1:
                left = whole
        if left and len(left) <= 6:
            return " ".join(t.text for t in left).replace(" ’s", "’s").replace(" 's", "'s")
    if own is not None:
        # A name the model tagged as a work of art or a product ("Julio Hegedus") is the
        # person the entity extractor found there.
        name = (
            _entity_name(ctx, own, block)
            if own.label_ in NAMING_LABELS
            else ctx.found_at(block, own.start_char)
        )
        if name:
            return name
    inner = [e for e in doc.ents if tok.left_edge.i <= e.start and e.end <= tok.right_edge.i + 1]
    if is_document(tok):
        # "a letter saying the Post's report ...": what the document says is not who
        # wrote it.
        said = {
            t.i for c in tok.children if c.dep_ in {"acl", "relcl"} and is_speech_verb(c) for t in c.subtree
        }
        # Nor who a clause on it tells of ("a statement agreeing the issue should be
        # decided by Congress"): only the clause's subject ("a speech Mrs. Clinton
        # delivered") or a bare participle's agent ("released by X's office") wrote it.
        said |= {
            t.i
            for c in tok.children
            if c.dep_ in {"acl", "relcl"}
            for t in c.subtree
            if not author_in_clause(t, c)
        }
        inner = [e for e in inner if e.root.i not in said]
        author = next((c for c in tok.children if c.dep_ == "compound" and c.pos_ == "PROPN"), None)
        named = [e for e in inner if e.label_ in {"PERSON", "ORG", "FAC", "GPE", "NORP"}]
        if not named and author is not None:
            # "A Government Accountability Office report found": a name the tagger did
            # not mark, in front of the document, wrote it.
            words = [t for t in author.subtree if t.pos_ == "PROPN"]
            phrase = " ".join(t.text for t in words)
            return ctx.org(phrase) or ctx.person(phrase) or phrase
        if not inner and tok.dep_ == "dobj" and tok.head.pos_ == "VERB":
            # "officials signed a letter saying ...": whoever signed it.
            signer = doer_of(tok.head)
            if signer is not None and signer.i != tok.i:
                return name_of(ctx, signer, block)
    elif tok.lower_ in ORG_HEADS and any(
        e.root.dep_ == "compound" and e.root.head.i == tok.i and ctx.person(e.text) for e in inner
    ):
        # "The Trump campaign described ...": the campaign speaks, as the article says.
        return as_written([t for t in tok.subtree if t.i <= tok.i and not t.is_punct])
    if tok.pos_ == "NOUN" and tok.lower_ not in ORG_HEADS and not is_document(tok):
        # "the Conservative Party person whispered", "a career Army officer described":
        # the person, not the body named in front of them.
        inner = [e for e in inner if not any(t.dep_ == "compound" and t.head.i == tok.i for t in e)]
        # "a source inside the Rukban camp said": a name that only modifies the place
        # the speaker is at names that place, not who spoke.
        inner = [e for e in inner if not names_a_place_at(e.root, tok)]
    if not is_document(tok):
        inner = [e for e in inner if path_ok(e.root, tok)]
        if tok.lower_ not in ORG_HEADS:
            # "Obama's former strategist" is not Obama ("Erdogan's office" speaks for him).
            # Nor "a reporter's source": whoever is named in the possessor.
            inner = [e for e in inner if not in_possessor(e.root, tok)]
    titled = tok.lower_ in ROLE_HEADS

    def order(e: Any) -> int:
        # A title heads the phrase and the name comes last: "Former US Ambassador to
        # the United Nations Nikki Haley".
        return int(-e.start if titled else abs(e.root.i - tok.i))

    for label in ({"PERSON"}, {"ORG", "FAC"}, {"GPE", "NORP"}):
        for e in sorted(inner, key=order):
            if e.label_ in label:
                name = _entity_name(ctx, e, block)
                if name and not (e.label_ in {"GPE", "NORP"} and ctx.person(e.text) is None):
                    return name
    # A name spaCy did not tag: the proper nouns around the head.
    if tok.pos_ == "PROPN":
        words = [c.text for c in tok.children if c.dep_ == "compound" and c.i < tok.i] + [tok.text]
        phrase = " ".join(words)
        first = tok.doc[tok.left_edge.i if tok.left_edge.i < tok.i else tok.i]
        at = ctx.person_at(phrase, block, min(first.idx, tok.idx))
        return at or ctx.org(phrase) or clean_name(phrase)[0]
    words = [t for t in tok.subtree if t.i <= tok.i and not t.is_punct]
    low = tok.lemma_.lower() or tok.lower_  # "spokesmen" -> "spokesman", "firms" -> "firm"
    phrase = as_written(words)
    if tok.text[:1].isupper():
        # A name the tagger took for a common word ("Trump boasted" read as a verb
        # form): the article's own name for it wins over the phrase.
        known = ctx.person(tok.text) or ctx.org(tok.text)
        if known:
            return known
    if (low in ROLE_HEADS or tok.lower_ in ROLE_HEADS) and tok.tag_ not in {"NNS", "NNPS"}:
        # "the minister": the person holding that role; "a spokesman": someone unnamed.
        definite = bool(words) and words[0].lower_ in {"the", "this", "that"}
        holder = ctx.role_holder([t.text for t in words], block, tok.idx, fallback=definite)
        return holder or phrase
    if low in ORG_HEADS or tok.lower_ in ORG_HEADS:
        by_head = ctx.org_by_head(tok.lower_, block, tok.idx)
        if by_head:
            return by_head
        if low in GENERIC_ORG_HEADS and len(words) == 2 and words[0].lower_ == "the":
            # "The company said", "the firm said": the business the story is about.
            return ctx.latest_org(block, tok.idx) or phrase
        return phrase
    if (
        tok.pos_ in {"NOUN", "PROPN", "NUM"}
        and words
        and (tok.dep_ in SUBJECT_DEPS or words[0].lower_ in {"the", "a", "an", "one"})
        and (tok.dep_ in SUBJECT_DEPS or words[0].lower_ not in {"his", "her", "their", "its", "our", "my"})
    ):
        if age_for_a_name(words):
            # "The 31-year-old admitted ...": the person the story is about, by age.
            return ctx.latest(block, tok.idx) or phrase
        # An unnamed source ("the announcer", "one questioner"): say it as the article does.
        return phrase if len(phrase.split()) <= 8 else None
    return None


def clause_subject(ctx: Resolver, b: int, tok: Any) -> str | None:
    """Subject of the clause a token stands in (up the head chain)."""
    t = tok
    for _ in range(8):
        subj = next((c for c in t.children if c.dep_ in SUBJECT_DEPS), None)
        if subj is not None and not ctx.in_quote(b, subj.idx):
            return name_of(ctx, subj, b)
        if t.head.i == t.i:
            break
        t = t.head
    return None
