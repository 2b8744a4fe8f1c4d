"""One resolver per document: which person or organisation a name, a pronoun or a
description stands for.

Built once per document after the entity stage, from the people and organisations it
found (with their aliases and its own index of mentions) and one pass over the
mentions (mentions.py). Attribution asks it; it never looks for a speech cue itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..textnorm import fold
from .article import Article
from .entities import Entities, clean_name
from .lexicon import FEMALE_PRONOUNS, MALE_PRONOUNS, ROLE_HEADS
from .mentions import Mention, collect


def build(article: Article, ents: Entities) -> Resolver:
    """The document's resolver: its name tables and its one pass over the mentions."""
    res = Resolver(article, ents, [b.text for b in article.document.blocks])
    res.build()
    return res


@dataclass
class Resolver:
    """Who a name, pronoun or description in the article stands for, at a place in it.

    `quoted` (the spans inside quotation marks) is set by the quote stage once it has
    paired the marks: a name in someone's quoted words is not an antecedent outside.
    """

    article: Article
    ents: Entities
    texts: list[str]
    names: dict[str, str] = field(default_factory=dict)  # folded form -> canonical person
    orgs: dict[str, str] = field(default_factory=dict)  # folded form -> organisation name
    mentions: list[Mention] = field(default_factory=list)
    gender: dict[str, str] = field(default_factory=dict)  # canonical -> "m" / "f"
    quoted: dict[int, list[tuple[int, int]]] = field(default_factory=dict)  # block -> spans
    shared: dict[str, tuple[str, ...]] = field(default_factory=dict)  # surname -> its owners
    org_mentions: list[Mention] = field(default_factory=list)
    _known: set[str] = field(default_factory=set)

    # --- names ---------------------------------------------------------------

    def build(self) -> None:
        # Fullest names first, so that a surname listed on its own ("Erdogan") joins the
        # full name it ends ("Recep Tayyip Erdoğan"), accents aside.
        people = sorted(self.ents.people, key=lambda p: -len(p.name.split()))
        for p in people:
            for f in (p.name, *p.aliases):
                self.names.setdefault(fold(f), p.name)
        # A bare surname means its owner only when one person has it: with Donald and
        # Ivanka Trump in one story, "Trump" is whoever the extractor gave it to as an
        # alias, never simply the first Trump listed.
        surnames: dict[str, list[str]] = {}
        for p in people:
            parts = p.name.split()
            if len(parts) > 1:
                surnames.setdefault(fold(parts[-1]), []).append(p.name)
        for surname, owners in surnames.items():
            if len(owners) == 1:
                self.names.setdefault(surname, owners[0])
            else:
                self.shared[surname] = tuple(owners)
        firsts: dict[str, list[str]] = {}
        for p in self.ents.people:
            parts = p.name.split()
            if len(parts) > 1:
                firsts.setdefault(fold(parts[0]), []).append(p.name)
        for first, owners in firsts.items():
            if len(owners) == 1:
                self.names.setdefault(first, owners[0])
        for key, name in self.ents.person_index.items():
            if fold(key) not in self.shared:
                self.names.setdefault(fold(key), name)
        for o in self.ents.organizations:
            for f in (o.name, *o.aliases):
                self.orgs.setdefault(fold(re.sub(r"^the\s+", "", f, flags=re.I)), o.name)
        for key, name in self.ents.org_index.items():
            self.orgs.setdefault(fold(re.sub(r"^the\s+", "", key, flags=re.I)), name)
        places = {p.name for p in self.ents.places}
        self._known = set(self.names.values()) | set(self.orgs.values()) | places
        self.gender = collect(self.article, self, self.mentions, self.org_mentions)

    def person(self, text: str) -> str | None:
        name, _ = clean_name(text)
        for cand in (name, text.strip()):
            hit = self.names.get(fold(cand))
            if hit:
                return hit
        return None

    def person_at(self, text: str, block: int, pos: int) -> str | None:
        """A name at a place in the text: a surname two people share ("Lopez") is the
        one of them last named as a subject before it (news keeps its actor there)."""
        owners = self.shared.get(fold(clean_name(text)[0]))
        if not owners:
            return self.ents.person_at(text, block, pos) or self.person(text)
        before = sorted(
            (m for m in self.mentions if (m.block, m.pos) < (block, pos) and m.name in owners),
            key=lambda m: (m.block, m.pos),
        )
        subjects = [m for m in before if m.subject]
        return (subjects or before)[-1].name if before else None

    def found_at(self, block: int, start: int) -> str | None:
        """The person the entity extractor found at this character, whatever label the
        model gave the words there ("Mr Straw" as a product, a name as a work of art)."""
        return self.ents.mention_index.get((block, start))

    def org(self, text: str) -> str | None:
        key = fold(re.sub(r"^the\s+", "", text.strip(), flags=re.I))
        key = re.sub(r"['’]s?$", "", key).strip()
        return self.orgs.get(key)

    # --- mentions, pronouns ----------------------------------------------------

    def add_mention(self, block: int, pos: int, name: str) -> None:
        self.mentions.append(Mention(block, pos, name, True))

    def antecedent(self, block: int, pos: int, pronoun: str) -> str | None:
        """The person a pronoun most likely means: the latest fitting subject, else mention."""
        want = "m" if pronoun in MALE_PRONOUNS else "f" if pronoun in FEMALE_PRONOUNS else None
        people = set(self.names.values())
        pool = self.mentions + (self.org_mentions if want is None else [])
        fitting = [
            m
            for m in pool
            if (m.block, m.pos) < (block, pos)
            # A name inside someone's quoted words is not who "she" is in '"... nothing
            # President Trump has done ...," she added'.
            and (self.in_quote(block, pos) or not self.in_quote(m.block, m.pos))
            # "he" and "she" are people; "they" may be a body that spoke ("the Council").
            and (want is None or (m.name in people and self.gender.get(m.name, want) == want))
        ]
        # The last few paragraphs (lines, in a sentence-per-line layout), else anywhere before.
        before = [m for m in fitting if m.block >= block - 3] or fitting
        if not before:
            return None
        before.sort(key=lambda m: (m.block, m.pos))
        same = [m for m in before if m.block == block]
        # A subject before an object: "When he refused to support Harold Wilson, he said"
        # is still about the subject of the paragraph before, not about Wilson.
        subjects = [m for m in same if m.subject] or [m for m in before if m.subject]
        return (subjects or same or before)[-1].name

    def latest(self, block: int, pos: int) -> str | None:
        before = [m for m in self.mentions if (m.block, m.pos) < (block, pos)]
        if not before:
            return None
        before.sort(key=lambda m: (m.block, m.pos))
        # "The governor said" after "hours after Trump unleashed ...": the person the
        # story is about stands as subject of a main clause, not of a side one.
        recent = [m for m in before if m.block >= before[-1].block - 2]
        mains = [m for m in recent if m.main]
        subjects = [m for m in before if m.subject]
        return (mains or subjects or before)[-1].name

    def role_holder(self, words: list[str], block: int, pos: int, fallback: bool = True) -> str | None:
        """ "the foreign secretary": the person whose roles share the most of these words."""
        want = {w.lower() for w in words if w.lower() not in {"the", "a", "an", "former", "then"}}
        best: tuple[int, int, str] | None = None
        order = {m.name: i for i, m in enumerate(sorted(self.mentions, key=lambda m: (m.block, m.pos)))}
        for p in self.ents.people:
            role_words = {w.lower() for r in p.roles for w in re.split(r"[\s-]+", r)}
            shared = len(want & role_words)
            if not shared or not (want & role_words & ROLE_HEADS):
                continue
            key = (shared, order.get(p.name, -1), p.name)
            if best is None or key > best:
                best = key
        if best is not None:
            return best[2]
        titled = self.titled_before(want & ROLE_HEADS, block, pos)
        if titled is not None:
            return titled
        return self.latest(block, pos) if fallback else None

    def titled_before(self, heads: set[str], block: int, pos: int) -> str | None:
        """The person last named right after one of these title words ("archbishop Jorge
        Scheinig ... the archbishop said"), when the roles found give nobody that title."""
        if not heads:
            return None
        people = set(self.names.values())
        for m in sorted(self.mentions, key=lambda m: (m.block, m.pos), reverse=True):
            if (m.block, m.pos) >= (block, pos) or m.name not in people:
                continue
            words = re.findall(r"[\w-]+", self.texts[m.block][max(0, m.pos - 40) : m.pos].lower())
            if heads & set(words[-3:]):
                return m.name
        return None

    def latest_org(self, block: int, pos: int) -> str | None:
        """The organisation last named as a subject in the last few paragraphs."""
        before = sorted(
            (m for m in self.org_mentions if (m.block, m.pos) < (block, pos) and m.block >= block - 2),
            key=lambda m: (m.block, m.pos),
        )
        subjects = [m for m in before if m.subject]
        return subjects[-1].name if subjects else None

    def org_by_head(self, head: str, block: int, pos: int) -> str | None:
        """ "the central bank": the organisation with that word in its name that its own
        sentence names ("the Bank of Canada ..., the central bank said"), else the first
        the article names."""
        hits = [o.name for o in self.ents.organizations if head.lower() in fold(o.name).split()]
        if not hits:
            return None
        sents = sentences_around(self.article.docs[block], pos, pos + 1)
        lo = sents[0].start_char if sents else pos
        here = sorted(
            (m for m in self.org_mentions if m.block == block and m.name in hits and lo <= m.pos < pos),
            key=lambda m: m.pos,
        )
        return here[-1].name if here else hits[0]

    def known(self, name: str) -> bool:
        """A person or organisation the article names, not a phrase like "one questioner"."""
        return name in self._known

    def in_quote(self, block: int, pos: int) -> bool:
        return any(a <= pos < b for a, b in self.quoted.get(block, []))


def sentences_around(doc: Any, lo: int, hi: int) -> list[Any]:
    return [s for s in doc.sents if s.start_char < hi and s.end_char > lo]
