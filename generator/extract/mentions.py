"""Mentions of people and organisations in reading order, and what they tell of a
person's sex: the one pass over a document's names that the resolver reads.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from ..textnorm import fold
from .lexicon import (
    FEMALE_HONORIFICS,
    FEMALE_PRONOUNS,
    MALE_HONORIFICS,
    MALE_PRONOUNS,
    NOT_NAME_LABELS,
    SUBJECT_DEPS,
)

if TYPE_CHECKING:
    from .article import Article


@dataclass
class Mention:
    block: int
    pos: int
    name: str
    subject: bool
    main: bool = False  # subject of its sentence's main verb, not of a side clause


def vote(v: list[int], doc: Any, start: int, end: int, root: Any, subject: bool) -> None:
    """Count what a mention of a person tells of their sex: an honorific before it, or a
    pronoun standing for it as the subject goes on ("Trump reached the end of his speech")."""
    prev = doc[start - 1].lower_.rstrip(".") if start > 0 else ""
    if prev in MALE_HONORIFICS:
        v[0] += 2
    elif prev in FEMALE_HONORIFICS:
        v[1] += 2
    if not subject:
        return
    # Not a pronoun inside the name's own phrase: "Donald Trump, her opponent," says
    # nothing of Trump.
    own = {t.i for t in root.subtree}
    for t in doc[end : end + 25]:
        if t.ent_type_ == "PERSON":
            break
        if t.i in own:
            continue
        # Only a subject or possessive pronoun can point back to the subject: "X
        # scolded him" says nothing about X.
        if t.dep_ not in {"nsubj", "nsubjpass", "poss"} or _in_clause_of_other(t, root):
            continue
        if t.lower_ in MALE_PRONOUNS:
            v[0] += 1
            return
        if t.lower_ in FEMALE_PRONOUNS:
            v[1] += 1
            return


def _in_clause_of_other(tok: Any, name: Any) -> bool:
    """The word stands in a clause that describes another noun: "his" in "X said to the
    nominee, who began his speech" is the nominee's."""
    t = tok
    for _ in range(12):
        if t.dep_ in {"relcl", "acl"} and t.head.i != name.i:
            return True
        if t.head.i == t.i:
            return False
        t = t.head
    return False


class Names(Protocol):
    """The resolver's name look-ups a mention is named by (resolve.Resolver)."""

    names: dict[str, str]
    shared: dict[str, tuple[str, ...]]

    def person_at(self, text: str, block: int, pos: int) -> str | None: ...

    def found_at(self, block: int, start: int) -> str | None: ...

    def org(self, text: str) -> str | None: ...


def collect(
    article: Article, names: Names, mentions: list[Mention], org_mentions: list[Mention]
) -> dict[str, str]:
    """One pass over the document's names, in reading order, into `mentions` (people)
    and `org_mentions`; returns each person's sex where the mentions tell it ("m"/"f").

    The lists are filled as the pass goes: a surname two people share is named by
    the mentions before it (names.person_at reads them).
    """
    votes: dict[str, list[int]] = {}
    blocks = article.document.blocks
    for bi, (block, doc) in enumerate(zip(blocks, article.docs, strict=True)):
        if block.kind == "heading":
            continue
        for e in doc.ents:
            if e.label_ in NOT_NAME_LABELS:
                continue
            if e.label_ in {"PERSON", "ORG", "GPE", "NORP"}:
                name = names.person_at(e.text, bi, e.start_char)
            else:
                # A product, work or place; but "Mr Straw" tagged PRODUCT is still the
                # person the entity extractor found there.
                name = names.found_at(bi, e.start_char)
            if not name:
                org = names.org(e.text) if e.label_ == "ORG" else None
                if org:
                    org_mentions.append(Mention(bi, e.start_char, org, e.root.dep_ in SUBJECT_DEPS))
                continue
            subj = e.root.dep_ in SUBJECT_DEPS
            # "His friend, Saxon Spence, ... lays the blame": the name set beside the
            # subject is who the sentence is about.
            beside = e.root.dep_ == "appos" and e.root.head.dep_ in SUBJECT_DEPS
            clause = e.root.head if beside else e.root
            main = clause.dep_ in SUBJECT_DEPS and clause.head.dep_ == "ROOT"
            mentions.append(Mention(bi, e.start_char, name, clause.dep_ in SUBJECT_DEPS, main))
            vote(votes.setdefault(name, [0, 0]), doc, e.start, e.end, e.root, subj)
        # Names spaCy left untagged ("Modi quickly responded"): proper nouns the index knows.
        for t in doc:
            if t.pos_ == "PROPN" and not t.ent_type_ and t.dep_ != "compound":
                name = names.names.get(fold(t.text))
                if name:
                    subj = t.dep_ in SUBJECT_DEPS
                    mentions.append(Mention(bi, t.idx, name, subj, subj and t.head.dep_ == "ROOT"))
                    if fold(t.text) not in names.shared:  # "Trump" alone: which Trump?
                        vote(votes.setdefault(name, [0, 0]), doc, t.i, t.i + 1, t, subj)
    return {name: "m" if m > f else "f" for name, (m, f) in votes.items() if m != f}
