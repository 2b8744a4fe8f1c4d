"""Quotations and who said them.

Quote spans come from pairing quotation marks (quotemarks.py). The speaker is
found by the cues of the CUES table, tried in order (each row names the
Quote.cue values it gives), in short:

1. a speech verb next to the quote in its sentence ("X said", "said X",
   "X told reporters", "X wrote on Twitter", "calling it '...'", "adding '...'"),
   or "according to X"; a quote cut in two by "he said" shares it;
2. the clause that introduces it with a colon or a comma ("X rejected it: '...'"),
   or a lead-in paragraph ending with a colon ("X said:");
3. the speaker of the quote just before, when this one continues it (the next
   sentence or paragraph), else the subject of the sentence just before.

The subject found is then named: a person under the fullest name the article
uses, a pronoun or a description ("the minister") resolved to the person it
means, or an organisation ("the State Department"). Short quoted terms that no
one is said to say are scare quotes or titles, not quotations, and are left out.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from .. import nlp
from ..model import Provenance, Quote, QuoteCue, QuoteKind
from .article import Article
from .entities import ROLE_HEADS, Entities, clean_name, nicknamed_names
from .lexicon import (
    FEMALE_HONORIFICS,
    LOCATIVE_PREPOSITIONS,
    MALE_HONORIFICS,
    PHRASAL_SPEECH_VERBS,
    QUOTE_VERBS,
)
from .quotemarks import Piece, QuoteSpan, find_quotes

# The verbs a quotation is attributed with: the quotes' part of the one list in lexicon.py.
SPEECH_VERBS = QUOTE_VERBS
_SUBJECT_DEPS = {"nsubj", "nsubjpass"}
# How far into the next sentence a cue may stand when the parser split right after the
# quote: '"...!" Scott's niece, state Del. Marcia Price (D-Newport News), shouted'.
_SPLIT_CUE_TOKENS = 20
_SPLIT_CUE_WORDS = 8
_CLIMB_DEPS = {"conj", "advcl", "xcomp", "ccomp", "acl", "relcl", "parataxis", "pcomp", "prep", "pobj"}
# Words opening a clause that sets the scene for a quote rather than attributing it.
_SUBORDINATORS = {
    "when",
    "as",
    "after",
    "before",
    "because",
    "while",
    "since",
    "if",
    "although",
    "though",
    "until",
}
# Links a subject search climbs: clauses, and a preposition between a verb and
# the clause it governs ("began by saying").
_CLAUSE_LINKS = {"conj", "advcl", "xcomp", "ccomp", "acl", "parataxis", "pcomp", "prep"}
_PRONOUNS = {"he", "she", "they", "i", "we", "him", "her", "them", "it"}
_MALE = {"he", "him", "his", "himself"}
_FEMALE = {"she", "her", "hers", "herself"}
# Heads of descriptions that name a body, not a person ("the ministry said").
ORG_HEADS = {
    "ministry",
    "department",
    "agency",
    "office",
    "commission",
    "committee",
    "council",
    "government",
    "administration",
    "campaign",
    "company",
    "firm",
    "bank",
    "party",
    "embassy",
    "group",
    "organisation",
    "organization",
    "union",
    "court",
    "police",
    "army",
    "military",
    "presidency",
    "cabinet",
    "parliament",
    "senate",
    "house",
    "board",
    "foundation",
    "institute",
    "university",
    "newspaper",
    "paper",
    "network",
    "channel",
    "alliance",
    "coalition",
    "movement",
    "federation",
    "authority",
    "authorities",
    "regulator",
    "secretariat",
    "statement",
    "report",
    "letter",
    "memo",
}
# Nouns (lemmas) for something said, whose owner said it ("his claim that ...").
_SPEECH_NOUNS = {
    "claim",
    "promise",
    "pledge",
    "vow",
    "warning",
    "remark",
    "comment",
    "assertion",
    "insistence",
    "word",
    "description",
    "plea",
    "call",
}
# Heads of "the company said": the business the story names, not a body of its own.
_GENERIC_ORG_HEADS = {"company", "firm", "group", "bank", "business", "corporation", "carrier", "airline"}


# Entity types that never speak ("said Thursday").
_NOT_SPEAKERS = {
    "DATE",
    "TIME",
    "CARDINAL",
    "ORDINAL",
    "MONEY",
    "PERCENT",
    "QUANTITY",
    "EVENT",
    "WORK_OF_ART",
}
# Nouns for what was said or written: whoever is named anywhere in their phrase
# ("a statement released by X's office") is the source.
_DOC_NOUNS = {
    "statement",
    "comment",
    "remark",
    "report",
    "letter",
    "memo",
    "tweet",
    "post",
    "release",
    "interview",
    "study",
    "speech",
    "testimony",
    "email",
    "filing",
}


def _is_document(tok: Any) -> bool:
    """ "the statement", "his remarks", "a report": something written or said, by lemma."""
    return tok.lemma_.lower() in _DOC_NOUNS


# Quoted words this short with nobody said to say them are scare quotes or titles.
_SCARE_MAX_WORDS = 4
_TRAILING_POST_CLUTTER = re.compile(r"(?:\s*(?:@\w+|https?://\S+|pic\.twitter\.com/\S+))+\s*$")


def fold(text: str) -> str:
    """Lower case without accents: "Erdoğan" and "Erdogan" are one name."""
    s = unicodedata.normalize("NFKD", text)
    return "".join(c for c in s if not unicodedata.combining(c)).lower().strip()


# Entity labels whose text names a person, a body or a country that can speak.
_NAMING_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC"})
# Entity labels that never hold a person's name.
_NOT_NAMES = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})


@dataclass
class _Mention:
    block: int
    pos: int
    name: str
    subject: bool
    main: bool = False  # subject of its sentence's main verb, not of a side clause


@dataclass
class _Context:
    """What attribution needs to know about the article beyond one sentence."""

    article: Article
    ents: Entities
    texts: list[str]
    names: dict[str, str] = field(default_factory=dict)  # folded form -> canonical person
    orgs: dict[str, str] = field(default_factory=dict)  # folded form -> organisation name
    mentions: list[_Mention] = field(default_factory=list)
    gender: dict[str, str] = field(default_factory=dict)  # canonical -> "m" / "f"
    quoted: dict[int, list[tuple[int, int]]] = field(default_factory=dict)  # block -> spans
    shared: dict[str, tuple[str, ...]] = field(default_factory=dict)  # surname -> its owners
    org_mentions: list[_Mention] = field(default_factory=list)
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
        self._collect_mentions()

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

    def _collect_mentions(self) -> None:
        votes: dict[str, list[int]] = {}
        blocks = self.article.document.blocks
        for bi, (block, doc) in enumerate(zip(blocks, self.article.docs, strict=True)):
            if block.kind == "heading":
                continue
            for e in doc.ents:
                if e.label_ in _NOT_NAMES:
                    continue
                if e.label_ in {"PERSON", "ORG", "GPE", "NORP"}:
                    name = self.person_at(e.text, bi, e.start_char)
                else:
                    # A product, work or place; but "Mr Straw" tagged PRODUCT is still the
                    # person the entity extractor found there.
                    name = self.found_at(bi, e.start_char)
                if not name:
                    org = self.org(e.text) if e.label_ == "ORG" else None
                    if org:
                        self.org_mentions.append(
                            _Mention(bi, e.start_char, org, e.root.dep_ in _SUBJECT_DEPS)
                        )
                    continue
                subj = e.root.dep_ in _SUBJECT_DEPS
                # "His friend, Saxon Spence, ... lays the blame": the name set beside the
                # subject is who the sentence is about.
                beside = e.root.dep_ == "appos" and e.root.head.dep_ in _SUBJECT_DEPS
                clause = e.root.head if beside else e.root
                main = clause.dep_ in _SUBJECT_DEPS and clause.head.dep_ == "ROOT"
                self.mentions.append(_Mention(bi, e.start_char, name, clause.dep_ in _SUBJECT_DEPS, main))
                _vote(votes.setdefault(name, [0, 0]), doc, e.start, e.end, e.root, subj)
            # Names spaCy left untagged ("Modi quickly responded"): proper nouns the index knows.
            for t in doc:
                if t.pos_ == "PROPN" and not t.ent_type_ and t.dep_ != "compound":
                    name = self.names.get(fold(t.text))
                    if name:
                        subj = t.dep_ in _SUBJECT_DEPS
                        self.mentions.append(_Mention(bi, t.idx, name, subj, subj and t.head.dep_ == "ROOT"))
                        if fold(t.text) not in self.shared:  # "Trump" alone: which Trump?
                            _vote(votes.setdefault(name, [0, 0]), doc, t.i, t.i + 1, t, subj)
        for name, (m, f) in votes.items():
            if m != f:
                self.gender[name] = "m" if m > f else "f"

    def add_mention(self, block: int, pos: int, name: str) -> None:
        self.mentions.append(_Mention(block, pos, name, True))

    def antecedent(self, block: int, pos: int, pronoun: str) -> str | None:
        """The person a pronoun most likely means: the latest fitting subject, else mention."""
        want = "m" if pronoun in _MALE else "f" if pronoun in _FEMALE else None
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
        sents = _sentences(self.article.docs[block], pos, pos + 1)
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


def _vote(v: list[int], doc: Any, start: int, end: int, root: Any, subject: bool) -> None:
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
        if t.lower_ in _MALE:
            v[0] += 1
            return
        if t.lower_ in _FEMALE:
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


# --- finding the subject ----------------------------------------------------------


# Who "finds" things in words: documents and the bodies that write them.
_FINDERS = {
    "report",
    "study",
    "survey",
    "poll",
    "audit",
    "review",
    "inquiry",
    "investigation",
    "analysis",
    "research",
    "author",
    "researcher",
    "court",
    "judge",
    "jury",
    "panel",
    "commission",
    "committee",
}
# "allow X to tell ...", "let them say ...": a saying that is only made possible.
_LEAVE_VERBS = {"allow", "let", "enable", "permit"}
# "call out", "call off": calling that quotes nobody.
_CALL_PARTICLES = {"out", "off", "up", "in", "back"}
# Verbs that speak only as "<verb> on about ...".
_TALK_ON_VERBS = {"go", "keep", "carry", "bang", "drone", "harp"}


def _is_speech_verb(tok: Any) -> bool:
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
        subjects = [c for t in {tok, holder} for c in t.children if c.dep_ in _SUBJECT_DEPS]
        return any(c.lemma_.lower() in _FINDERS for c in subjects)
    if lemma in _TALK_ON_VERBS:
        # "went on about 'a rigged system'", "kept on about": talking at length.
        kids = {c.lower_ for c in tok.children if c.dep_ in {"prt", "prep"}}
        return {"on", "about"} <= kids
    if lemma in PHRASAL_SPEECH_VERBS:
        # "pointed out she had '...'": a verb that speaks only with its particle.
        return any(c.dep_ == "prt" and c.lower_ == PHRASAL_SPEECH_VERBS[lemma] for c in tok.children)
    if lemma not in SPEECH_VERBS:
        return False
    if lemma == "call" and any(c.dep_ == "prt" and c.lower_ in _CALL_PARTICLES for c in tok.children):
        return False  # "calling out Trump for his 'lies'" does not quote anyone
    # "rules that allow companies to tell '...'": a saying only made possible.
    return not (
        tok.dep_ in {"xcomp", "ccomp"}
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
        and nlp.verb_lemma(tok.head) in _LEAVE_VERBS
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
    return next((b for b in (stem, stem + "e", stem[:-1]) if b in SPEECH_VERBS), None)


def _subject(tok: Any, after_quote: bool, outside: Any = lambda t: True) -> Any:
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
            if c.dep_ in _SUBJECT_DEPS and outside(c) and any(ch.isalnum() for ch in c.text)
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
            and (subj.lower_ == "who" or (subj.lower_ in {"which", "that"} and _is_document(t.head)))
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
        if t.dep_ in _CLAUSE_LINKS and t.head.i != t.i:
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
                and c.ent_type_ not in _NOT_SPEAKERS
                and outside(c)
            ):
                return c
        nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
        if nxt is not None and nxt.pos_ in {"PROPN", "NOUN", "DET"} and outside(nxt) and not nxt.ent_type_:
            return nxt if nxt.pos_ != "DET" else nxt.head
    return None


_DASHES = {"-", "–", "—", "--"}


def _out_of_aside(child: Any, head: Any) -> Any:
    """The head a word hangs on, unless the parse hung it inside an aside set off by
    dashes that the word itself stands after ("protesters looped the streets - where
    the Panthers played - while chanting ..."): then the word the aside hangs on."""
    if head.i >= child.i:
        return head
    sent = child.sent
    closing = [t.i for t in sent if head.i < t.i < child.i and t.text in _DASHES]
    opening = [t.i for t in sent if sent.start <= t.i < head.i and t.text in _DASHES]
    if not closing or not opening:
        return head
    lo, hi = opening[-1], closing[0]
    t = head
    while lo < t.i < hi and t.head.i != t.i:
        t = t.head
    return t if not lo < t.i < hi else head


def _doer(verb: Any) -> Any:
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
    tok = _word_before(verb)
    if tok is None or tok.pos_ != "PROPN" or tok.ent_type_ not in {"PERSON", "ORG"} or not outside(tok):
        return None
    ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
    return ent.root if ent is not None and ent.end == tok.i + 1 else None


def _word_before(verb: Any) -> Any:
    """The word before a verb in its sentence, past adverbs and auxiliaries ("Trump
    openly admires", "Obama has called"), or None at the sentence's start."""
    k = verb.i - 1
    doc = verb.doc
    while k >= verb.sent.start and doc[k].pos_ in {"ADV", "AUX", "PART"}:
        k -= 1
    return doc[k] if k >= verb.sent.start else None


def _path_ok(ent_root: Any, top: Any) -> bool:
    """An entity belongs to a subject phrase unless a clause stands between them."""
    t = ent_root
    while t.i != top.i and t.head.i != t.i:
        if t.dep_ in {"relcl", "acl", "advcl", "ccomp", "xcomp"}:
            return False
        t = t.head
    return bool(t.i == top.i)


def _entity_name(ctx: _Context, ent: Any, block: int) -> str | None:
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
    if ent.label_ == "GPE" and ent.root.dep_ in _SUBJECT_DEPS and not text.isupper():  # not a dateline
        # "China said it was ...": a country speaks through its government; the
        # article's own name for the place ("the United States") stands for it.
        return ctx.ents.place(text) or " ".join(words)
    return ctx.org(text) or (" ".join(words) if ent.label_ in {"ORG", "FAC"} else None)


_POSSESSIVES = {"his": "he", "her": "she", "their": "they", "its": "it"}


def _name_of_pronoun(ctx: _Context, pronoun: str, block: int, pos: int) -> str | None:
    if pronoun == "it":
        # "In a statement, it added": the organisation last named as a subject.
        return ctx.latest_org(block, pos)
    if pronoun in {"i", "we"}:
        # Outside quotation marks "I say" is the writer (an op-ed, a plea), whom the
        # text does not name: nobody we can point to.
        return None
    return ctx.antecedent(block, pos, pronoun)


def _name_of(ctx: _Context, tok: Any, block: int) -> str | None:
    """Canonical speaker for a subject token."""
    doc = tok.doc
    if tok.lower_ in _POSSESSIVES and tok.dep_ == "poss":
        # "his claim": whoever "he" is.
        return _name_of_pronoun(ctx, _POSSESSIVES[tok.lower_], block, tok.idx)
    if tok.lower_ in _PRONOUNS:
        return _name_of_pronoun(ctx, tok.lower_, block, tok.idx)
    named = _named_in_apposition(tok)
    if named is not None:
        # "A university student named Wong said": the name given is who spoke.
        return _name_of(ctx, named, block)
    whole = _document_of_part(tok)
    if whole is not None:
        # "Part of the judge's statement reads": the statement speaks, not "Part".
        return _name_of(ctx, whole, block)
    owner = next((c for c in tok.children if c.dep_ == "poss"), None) if _is_document(tok) else None
    if owner is not None and not ctx.in_quote(block, owner.idx):
        # "the judge's statement", "Their statement": whoever the statement is of.
        name = _name_of(ctx, owner, block)
        if name:
            return name
    own = next((e for e in doc.ents if e.start <= tok.i < e.end), None)
    if own is None and tok.tag_ == "NNS" and tok.pos_ == "NOUN" and tok.dep_ in _SUBJECT_DEPS:
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
            if own.label_ in _NAMING_LABELS
            else ctx.found_at(block, own.start_char)
        )
        if name:
            return name
    inner = [e for e in doc.ents if tok.left_edge.i <= e.start and e.end <= tok.right_edge.i + 1]
    if _is_document(tok):
        # "a letter saying the Post's report ...": what the document says is not who
        # wrote it.
        said = {
            t.i for c in tok.children if c.dep_ in {"acl", "relcl"} and _is_speech_verb(c) for t in c.subtree
        }
        # Nor who a clause on it tells of ("a statement agreeing the issue should be
        # decided by Congress"): only the clause's subject ("a speech Mrs. Clinton
        # delivered") or a bare participle's agent ("released by X's office") wrote it.
        said |= {
            t.i
            for c in tok.children
            if c.dep_ in {"acl", "relcl"}
            for t in c.subtree
            if not _author_in_clause(t, c)
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
            signer = _doer(tok.head)
            if signer is not None and signer.i != tok.i:
                return _name_of(ctx, signer, block)
    elif tok.lower_ in ORG_HEADS and any(
        e.root.dep_ == "compound" and e.root.head.i == tok.i and ctx.person(e.text) for e in inner
    ):
        # "The Trump campaign described ...": the campaign speaks, as the article says.
        return _as_written([t for t in tok.subtree if t.i <= tok.i and not t.is_punct])
    if tok.pos_ == "NOUN" and tok.lower_ not in ORG_HEADS and not _is_document(tok):
        # "the Conservative Party person whispered", "a career Army officer described":
        # the person, not the body named in front of them.
        inner = [e for e in inner if not any(t.dep_ == "compound" and t.head.i == tok.i for t in e)]
        # "a source inside the Rukban camp said": a name that only modifies the place
        # the speaker is at names that place, not who spoke.
        inner = [e for e in inner if not _names_a_place_at(e.root, tok)]
    if not _is_document(tok):
        inner = [e for e in inner if _path_ok(e.root, tok)]
        if tok.lower_ not in ORG_HEADS:
            # "Obama's former strategist" is not Obama ("Erdogan's office" speaks for him).
            # Nor "a reporter's source": whoever is named in the possessor.
            inner = [e for e in inner if not _in_possessor(e.root, tok)]
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
    phrase = _as_written(words)
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
        if low in _GENERIC_ORG_HEADS and len(words) == 2 and words[0].lower_ == "the":
            # "The company said", "the firm said": the business the story is about.
            return ctx.latest_org(block, tok.idx) or phrase
        return phrase
    if (
        tok.pos_ in {"NOUN", "PROPN", "NUM"}
        and words
        and (tok.dep_ in _SUBJECT_DEPS or words[0].lower_ in {"the", "a", "an", "one"})
        and (tok.dep_ in _SUBJECT_DEPS or words[0].lower_ not in {"his", "her", "their", "its", "our", "my"})
    ):
        if _age_for_a_name(words):
            # "The 31-year-old admitted ...": the person the story is about, by age.
            return ctx.latest(block, tok.idx) or phrase
        # An unnamed source ("the announcer", "one questioner"): say it as the article does.
        return phrase if len(phrase.split()) <= 8 else None
    return None


# Nouns for a part of something: "Part of the statement reads" quotes the statement.
_PART_NOUNS = {"part", "portion", "section", "passage", "excerpt", "rest", "text", "copy", "extract"}


def _document_of_part(tok: Any) -> Any:
    """The document a part of it stands for ("Part of the judge's statement"), or None."""
    if tok.lemma_.lower() not in _PART_NOUNS:
        return None
    of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    whole = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    return whole if whole is not None and _is_document(whole) else None


# Participles that give a person's name: "a student named Wong", "a man called Ali".
_NAMING_PARTICIPLES = {"name", "call"}


def _named_in_apposition(tok: Any) -> Any:
    """The name in "a student named Wong", or None."""
    if tok.pos_ != "NOUN":
        return None
    for c in tok.children:
        if c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in _NAMING_PARTICIPLES:
            name = next(
                (n for n in c.children if n.dep_ in {"oprd", "attr", "dobj"} and n.pos_ == "PROPN"), None
            )
            if name is not None:
                return name
    return None


def _author_in_clause(tok: Any, clause: Any) -> bool:
    """The word is in the subject of a clause on a document ("a speech Mrs. Clinton
    delivered") or in the agent of a bare participle ("a statement released by X"),
    whose words the document holds."""
    bare = clause.tag_ == "VBN" and not any(c.dep_ in {"aux", "auxpass"} for c in clause.children)
    t = tok
    while t.head.i != clause.i and t.head.i != t.i:
        t = t.head
    return bool(t.head.i == clause.i and (t.dep_ == "nsubj" or (bare and t.dep_ == "agent")))


def _age_for_a_name(words: list[Any]) -> bool:
    """ "The 31-year-old" standing alone for a person (the parse may glue the next verb
    to it: "The 31-year-old admitted interest"), not "the 34-year-old mother of three".
    `words` are the phrase's tokens without punctuation."""
    if len(words) < 4 or words[0].lower_ != "the" or not words[1].like_num:
        return False
    if (words[2].lower_, words[3].lower_) != ("year", "old"):
        return False
    rest = words[4:]
    return not rest or rest[0].tag_ in {"VBD", "VBN"}


@dataclass(frozen=True)
class _Found:
    speaker: str | None
    cue: QuoteCue
    strong: bool  # a cue that makes even a short quoted term someone's words


def _sentences(doc: Any, lo: int, hi: int) -> list[Any]:
    return [s for s in doc.sents if s.start_char < hi and s.end_char > lo]


def _verb_cue(ctx: _Context, b: int, qa: int, qz: int) -> _Found | None:
    """A speech verb (or "according to") beside the quote in its own sentence."""
    doc = ctx.article.docs[b]
    text = ctx.texts[b]
    sents = _sentences(doc, max(0, qa - 1), min(len(text), qz + 1))
    tokens = [t for s in sents for t in s]
    closed = _closed_sentence(text, qa, qz)
    if closed:
        # '"... a buying opportunity." Critics had accused ...': a quote that ends its
        # sentence with a full stop has no attribution after it; the words that follow
        # begin a sentence of their own, whatever the parse joined.
        tokens = [t for t in tokens if t.idx < qz]
    found = _colon_verb(ctx, b, tokens, qa, qz) or _governing_cue(ctx, b, tokens, qa, qz)
    if found is None or not found.speaker or not (ctx.known(found.speaker) or _proper(found.speaker)):
        # Nothing, or an unnamed phrase ("a majority of Americans believe"): a named
        # source beside the quote wins.
        near = _nearest_cue(ctx, b, tokens, qa, qz)
        if near is not None and (
            found is None or not found.speaker or (near.speaker and ctx.known(near.speaker))
        ):
            found = near
    if found is None and sents and not closed:
        # "...!" Macron told the world: a sentence split right after the closing mark,
        # whose first words say who spoke.
        last = sents[-1]
        nxt = [s for s in doc.sents if s.start_char >= last.end_char]
        if last.end_char <= qz + 2 and nxt and text[qz : nxt[0].start_char].strip(" \"”’'.,!?") == "":
            found = _nearest_cue(ctx, b, _speaker_first(ctx, b, list(nxt[0])), qa, qz)
    return found


def _colon_verb(ctx: _Context, b: int, tokens: list[Any], qa: int, qz: int) -> _Found | None:
    """ "... claims he had once told Mr Blair: '...'": the speech verb whose clause the
    colon before the quote ends says it, whatever verb farther up the parse hung the
    quote on. Only a clause with no other verb after the speech verb."""
    before = [t for t in tokens if t.idx < qa and not ctx.in_quote(b, t.idx)]
    while before and before[-1].is_punct and before[-1].text != ":":
        before.pop()
    if not before or before[-1].text != ":":
        return None
    for t in reversed(before[:-1]):
        if t.pos_ in {"VERB", "AUX"} and not _is_speech_verb(t):
            return None
        if _is_speech_verb(t):
            found = _verb_speaker(ctx, b, t, qa, qz)
            return found if found.speaker else None
        if t.text in {".", ";", ":", "!", "?"}:
            return None
    return None


def _proper(name: str) -> bool:
    """A name as written ("Politifact", "Equally American"), not a description ("a
    majority of Americans"): every word capitalised."""
    words = name.split()
    return bool(words) and all(w[:1].isupper() for w in words) and words[0].lower() not in {"the", "a", "an"}


def _closed_sentence(text: str, qa: int, qz: int) -> bool:
    """The quoted words end with a full stop (not an ellipsis, which may trail off before
    "Smith said") and a capital opens what follows the mark."""
    quoted = text[qa:qz].rstrip()
    after = text[qz:].lstrip(" \"”’'")
    # "[.]": a full stop the writer put in where the words were cut.
    full_stop = quoted.endswith((".", "[.]")) and not quoted.endswith((". .", ".."))
    return full_stop and bool(after) and after[0].isupper()


def _speaker_first(ctx: _Context, b: int, sent: list[Any]) -> list[Any]:
    """The words of a sentence that can name the speaker of the quote just before it:
    its first few, or all of a subject however long when the sentence says no more than
    who spoke ('Scott's niece, state Del. Marcia Price (D-Newport News), shouted to the
    crowd.')."""
    for k, t in enumerate(sent[:_SPLIT_CUE_TOKENS]):
        if _is_speech_verb(t):
            after = sent[k + 1 : k + 3]
            if (
                any(c.dep_ in _SUBJECT_DEPS and c.i < t.i for c in t.children)
                and all(u.pos_ not in {"VERB", "AUX"} and not ctx.in_quote(b, u.idx) for u in sent[:k])
                # Not 'X, health spokesman, said: "..."', which opens a quote of its own,
                # nor 'X, party leader, claimed that ...', which says something of its own.
                and not any(u.text == ":" or ctx.in_quote(b, u.idx) for u in after)
                and not any(c.dep_ in {"ccomp", "dobj", "xcomp"} for c in t.children)
                and len(sent) - k <= 6
            ):
                return sent[: k + 1]
            break
    return sent[:_SPLIT_CUE_WORDS]


def _governing_cue(ctx: _Context, b: int, tokens: list[Any], qa: int, qz: int) -> _Found | None:
    """The speech verb the quote depends on: "Flynn said Trump was 'right' when he said ..."
    belongs to Flynn, whatever verb stands nearer."""
    inside = [t for t in tokens if qa <= t.idx < qz]
    for t in inside:
        if qa <= t.head.idx < qz and t.head.i != t.i:
            continue  # not a root of the quoted words
        v = t.head
        for _ in range(8):
            if not ctx.in_quote(b, v.idx) and _is_speech_verb(v):
                return _verb_speaker(ctx, b, v, qa, qz)
            if v.pos_ == "NOUN" and v.lemma_.lower() in _SPEECH_NOUNS and not ctx.in_quote(b, v.idx):
                # "his claim that people would 'learn nothing'": whose claim it is.
                owner = next((c for c in v.children if c.dep_ == "poss"), None)
                if owner is not None and not ctx.in_quote(b, owner.idx):
                    name = _name_of(ctx, owner, b)
                    if name:
                        return _Found(name, "speech noun", True)
            if v.head.i == v.i:
                break
            v = v.head
    return None


def _verb_speaker(ctx: _Context, b: int, tok: Any, qa: int, qz: int) -> _Found:
    subj = _subject(tok, after_quote=tok.idx > qz, outside=lambda t: not ctx.in_quote(b, t.idx))
    if subj is None:
        subj = _adjacent_subject(ctx, b, tok, qa, qz)
    where: QuoteCue = "speech verb after" if tok.idx > qz else "speech verb before"
    if subj is None:
        misread = _misread_name_before(ctx, b, tok)
        if misread is not None:
            return _Found(misread, where, True)
    if subj is None and tok.tag_ == "VBG":
        subj = _main_subject(ctx, b, tok)
    if subj is None and _elided_subject(tok):
        # "Mr Blair told BBC News he had not read it. But told BBC News: '...'": the
        # subject left out is the one the story just had.
        name = ctx.latest(b, tok.idx)
        if name:
            return _Found(name, where, True)
    if subj is None:
        return _Found(None, "speech verb, no subject", True)
    return _Found(_name_of(ctx, subj, b), where, True)


def _nearest_cue(ctx: _Context, b: int, tokens: list[Any], qa: int, qz: int) -> _Found | None:
    """The cue nearest the quote that names someone; else the nearest cue at all."""
    doc = ctx.article.docs[b]
    cands: list[tuple[int, int, Any, str]] = []
    for tok in tokens:
        if ctx.in_quote(b, tok.idx):
            continue
        dist = qa - tok.idx if tok.idx < qa else tok.idx - qz
        if tok.idx > qz and any(
            t.lower_ in _SUBORDINATORS and t.dep_ in {"advmod", "mark"} and qz <= t.idx < tok.idx
            for t in tokens
        ):
            # '"...," when Clinton blasted him': a verb in a clause after the quote that
            # only sets the scene is a last resort.
            dist += 10_000
        if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            obj = next((c for c in doc[tok.i + 1].children if c.dep_ == "pobj"), None)
            if obj is not None:
                cands.append((dist, tok.i, obj, "according to"))
        elif tok.lower_ == "per" and tok.dep_ == "prep":
            # "..., per the party's bylaws": as the source says. Not "per cent", "per year".
            obj = next((c for c in tok.children if c.dep_ == "pobj"), None)
            if obj is not None and any(c.dep_ in {"det", "poss"} for c in obj.children):
                cands.append((dist, tok.i, obj, "according to"))
        elif _is_speech_verb(tok):
            cands.append((dist, tok.i, tok, "speech verb"))
    first: _Found | None = None
    unnamed: _Found | None = None
    for _, _, tok, cue in sorted(cands, key=lambda c: (c[0], c[1])):
        if cue == "according to":
            found = _Found(_name_of(ctx, tok, b), "according to", True)
        else:
            found = _verb_speaker(ctx, b, tok, qa, qz)
        if found.speaker and ctx.known(found.speaker):
            return found
        if found.speaker and unnamed is None:
            unnamed = found  # "a majority of Americans believe": a named source may stand farther
        first = first or found
    return unnamed or first


def _adjacent_subject(ctx: _Context, b: int, verb: Any, qa: int, qz: int) -> Any:
    """The noun beside a speech verb the parse did not link: '"...," Ellis said' / 'Said Ellis:'."""
    doc = verb.doc
    if verb.idx > qz:
        between = [t for t in doc if qz < t.idx < verb.idx and not ctx.in_quote(b, t.idx)]
        named = [t for t in between if t.ent_type_ in {"PERSON", "ORG"}]
        if named:
            return named[0]  # '"...," Flynn, a top surrogate, said'
        nominal = [
            t
            for t in between
            if t.pos_ in {"PROPN", "NOUN", "PRON"}
            and not t.ent_type_
            # Not "after the debate" in '"...," and, when questioned after the debate,
            # asserting': a noun behind a preposition is nobody's subject.
            and t.dep_ not in {"pobj", "dobj", "npadvmod", "poss"}
        ]
        if nominal:
            return nominal[-1]
    if verb.idx < qa and verb.i > verb.sent.start:
        # After a verb before the quote stand its objects, not its speaker ("Said Ellis:"
        # aside). A name before the verb that the parse hung elsewhere ("In Washington,
        # Marc Morial, the league's chief, told ...") is its subject if no other verb
        # stands between them in the tree.
        before = [
            e
            for e in doc.ents
            if e.label_ in {"PERSON", "ORG"}
            and verb.sent.start <= e.start
            and e.end <= verb.i
            and not ctx.in_quote(b, e.start_char)
            and _under_only(e.root, verb)
        ]
        if not before:
            return None
        # A person before an organisation, and the name nearest the verb in the tree:
        # not "the league" in its chief's appositive.
        best = min(before, key=lambda e: (e.label_ != "PERSON", _depth(e.root, verb), -e.start))
        return best.root
    after: list[Any] = []
    for t in doc[verb.i + 1 : verb.i + 12]:
        if ctx.in_quote(b, t.idx) or (t.is_punct and t.text not in {".", "'", "’"}):
            break
        after.append(t)
    nominal = [t for t in after if t.pos_ in {"PROPN", "NOUN"} and t.ent_type_ not in _NOT_SPEAKERS]
    if nominal:
        head = nominal[0]
        while head.dep_ == "compound" and head.head.i > head.i:
            head = head.head
        return head
    return None


def _elided_subject(verb: Any) -> bool:
    """A finite verb opening its sentence with nothing but "But", "And" or an adverb
    before it: its subject was left out."""
    if verb.tag_ not in {"VBD", "VBZ", "VBP"}:
        return False
    before = verb.doc[verb.sent.start : verb.i]
    return all(t.pos_ in {"CCONJ", "ADV", "PUNCT"} for t in before)


def _misread_name_before(ctx: _Context, b: int, verb: Any) -> str | None:
    """A known name opening the clause that the tagger read as a verb or common word:
    "Trump openly admires Putin as a 'strong leader'"."""
    tok = _word_before(verb)
    if tok is None or ctx.in_quote(b, tok.idx):
        return None
    opens = tok.i == verb.sent.start or tok.doc[tok.i - 1].is_punct
    if opens and tok.text[:1].isupper() and tok.pos_ != "PROPN":
        return ctx.person(tok.text)
    return None


def _main_subject(ctx: _Context, b: int, verb: Any) -> Any:
    """Who a subjectless participle ("..., asserting, '...'") belongs to when the parse
    lost the link: the named subject opening the sentence, outside any quote."""
    for t in verb.sent:
        if t.i >= verb.i:
            break
        if ctx.in_quote(b, t.idx) or t.dep_ not in _SUBJECT_DEPS:
            continue
        own = next((e for e in verb.doc.ents if e.start <= t.i < e.end), None)
        if own is not None and own.label_ in {"PERSON", "ORG"}:
            return t
        return None  # the sentence opens with someone unnamed: too loose to guess
    return None


def _in_possessor(root: Any, head: Any) -> bool:
    """The word stands in the possessor of `head`: "Obama" in "Obama's strategist", "VOA"
    in "a VOA reporter's source"."""
    t = root
    while t.i != head.i and t.head.i != t.i:
        if t.dep_ == "poss" and t.head.i == head.i:
            return True
        t = t.head
    return False


def _names_a_place_at(root: Any, head: Any) -> bool:
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


def _as_written(words: list[Any]) -> str:
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


def _depth(tok: Any, top: Any) -> int:
    """How many links up from the token to `top` (or the root)."""
    n, t = 0, tok
    while t.i != top.i and t.head.i != t.i and n < 50:
        t, n = t.head, n + 1
    return n


def _under_only(tok: Any, verb: Any) -> bool:
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


def _clause_subject(ctx: _Context, b: int, tok: Any) -> str | None:
    """Subject of the clause a token stands in (up the head chain)."""
    t = tok
    for _ in range(8):
        subj = next((c for c in t.children if c.dep_ in _SUBJECT_DEPS), None)
        if subj is not None and not ctx.in_quote(b, subj.idx):
            return _name_of(ctx, subj, b)
        if t.head.i == t.i:
            break
        t = t.head
    return None


def _lead_in(ctx: _Context, b: int, opener: int) -> _Found | None:
    """ "X rejected it: '...'" or "X, on Twitter, defended it, '...'" or a "X said:" paragraph."""
    text = ctx.texts[b]
    before = text[:opener].rstrip()
    doc = ctx.article.docs[b]
    if before.endswith((":", ",")) and len(before) > 1:
        toks = [t for t in doc if t.idx < len(before) - 1 and not ctx.in_quote(b, t.idx)]
        if toks:
            name = _clause_subject(ctx, b, toks[-1])
            if name:
                return _Found(name, "colon" if before.endswith(":") else "lead-in clause", True)
    if before == "" and b > 0:
        pb = b - 1
        prev = ctx.texts[pb].rstrip()
        # A short lead-in line ("Caddell continued:") may have been taken for a subheading.
        if prev.endswith(":") and ctx.article.document.blocks[pb].kind != "post":
            pdoc = ctx.article.docs[pb]
            toks = [t for t in pdoc if not ctx.in_quote(pb, t.idx) and not t.is_punct]
            if toks:
                name = _clause_subject(ctx, pb, toks[-1])
                if name:
                    return _Found(name, "lead-in paragraph", True)
    return None


def _ends_sentence(text: str, quoted: str, end: int) -> bool:
    """The quote closes its sentence and a new one starts after it ('..." Trump said')."""
    rest = text[end:].lstrip(" \"”’'")
    return quoted.rstrip().endswith((".", "!", "?")) and rest[:1].isupper()


_DASH_BEFORE = re.compile(r"(?:--|—|–)\s*$")


def _dash_aside(ctx: _Context, b: int, opener: int) -> _Found | None:
    """A quotation set off by a dash right after a person's name."""
    before = ctx.texts[b][:opener]
    m = _DASH_BEFORE.search(before)
    if m is None:
        return None
    doc = ctx.article.docs[b]
    ent = next((e for e in doc.ents if e.end_char == len(before[: m.start()].rstrip())), None)
    if ent is None or ent.label_ != "PERSON":
        return None
    name = ctx.person_at(ent.text, b, ent.start_char)
    return _Found(name, "dash aside", True) if name else None


_AS_LABEL = re.compile(r"\bas\s+(?:an?\s+|the\s+)?$", re.I)


def _labelled_as(ctx: _Context, b: int, opener: int) -> _Found | None:
    """ "Reid has gone after Trump as a 'human leech'": whoever does the labelling
    chose the words, though no verb of saying stands there."""
    before = ctx.texts[b][:opener]
    m = _AS_LABEL.search(before)
    if m is None:
        return None
    doc = ctx.article.docs[b]
    as_tok = _token_at(doc, m.start())
    if as_tok is None or as_tok.head.pos_ not in {"VERB", "AUX"} or as_tok.head.i == as_tok.i:
        return None
    verb = as_tok.head
    subj = next((c for c in verb.children if c.dep_ == "nsubj" and not ctx.in_quote(b, c.idx)), None)
    if subj is None:
        return None
    name = _name_of(ctx, subj, b)
    return _Found(name, "labelled as", True) if name else None


# '"...," is the dry assessment of X': a noun for what someone said, and whose it is.
_VERDICT_OF = re.compile(
    r"^[\"”’'`,.]{0,3}\s*(?:(?:That|This|Such)\s+)?(?:is|was)\s+(?:the|their|his|her)\s+(?:[a-z-]+\s+){0,2}?"
    r"(?:assessment|verdict|view|message|warning|response|reaction|opinion|judge?ment|conclusion|"
    r"advice|answer|reply|comment|summary|prediction|complaint|plea|boast|description|diagnosis)"
    r"\s+of\s+"
)


def _token_at(doc: Any, idx: int) -> Any:
    """The token that starts at this character of the block, or None."""
    span = doc.char_span(idx, idx + 1, alignment_mode="expand")
    return span[0] if span is not None and span[0].idx == idx else None


def _verdict_of(ctx: _Context, b: int, end: int) -> _Found | None:
    """'"The electorate are keener on the party," is the dry assessment of Graham Lane':
    the person the words are credited to after the quote."""
    m = _VERDICT_OF.match(ctx.texts[b][end:])
    if m is None:
        return None
    tok = _token_at(ctx.article.docs[b], end + m.end())
    while tok is not None and tok.dep_ in {"compound", "amod", "det", "poss"} and tok.head.i > tok.i:
        tok = tok.head
    if tok is None:
        return None
    name = _name_of(ctx, tok, b)
    return _Found(name, "credited after", True) if name else None


def _previous_sentence(ctx: _Context, b: int, opener: int) -> str | None:
    """A quote that opens its sentence: the person the sentence before is about."""
    doc = ctx.article.docs[b]
    prev = [s for s in doc.sents if s.end_char <= opener + 1]
    if not prev and b > 0 and not ctx.texts[b][:opener].strip():
        # A paragraph that opens with the quote: the paragraph of prose before
        # introduces it.
        pb = b - 1
        if ctx.article.document.blocks[pb].kind != "paragraph":
            return None
        b, doc = pb, ctx.article.docs[pb]
        prev = list(doc.sents)
    elif not prev or ctx.texts[b][prev[-1].end_char : opener].strip():
        return None
    if not prev:
        return None
    root = prev[-1].root
    subj = next((c for c in root.children if c.dep_ in _SUBJECT_DEPS), None)
    if subj is None or ctx.in_quote(b, subj.idx) or not _is_speech_verb(root):
        # "..., but Ms Milanesi said it was hard to say." then a quote: the last
        # person the sentence before has speaking goes on, whatever its main verb.
        said = [t for t in prev[-1] if _is_speech_verb(t) and not ctx.in_quote(b, t.idx) and t.i != root.i]
        for verb in reversed(said):
            who = _subject(verb, after_quote=False, outside=lambda t: not ctx.in_quote(b, t.idx))
            name = _name_of(ctx, who, b) if who is not None else None
            if name and name in ctx.names.values():
                return name
    if subj is None or ctx.in_quote(b, subj.idx):
        return None
    if subj.lower_ == "i" and not ctx.texts[b][: prev[0].start_char].strip():
        # 'I fell in love with someone ... "I tried for three years"': a paragraph that
        # speaks in the first person outside any marks is someone's words with the
        # marks left off, the words of whom the paragraph before is about.
        return _about_before(ctx, b)
    # "..., Schiff said." then a quote: the source of the sentence before goes on.
    name = _name_of(ctx, subj, b)
    person = subj.ent_type_ == "PERSON" or (name is not None and name in ctx.names.values())
    if not person and subj.lower_ not in _PRONOUNS and not _is_speech_verb(root):
        return None
    return name


def _about_before(ctx: _Context, b: int) -> str | None:
    """The person the paragraph before is about: the named subject of its first sentence's
    main verb, outside any quote."""
    pb = b - 1
    if pb < 0 or ctx.article.document.blocks[pb].kind != "paragraph":
        return None
    first = next(iter(ctx.article.docs[pb].sents), None)
    if first is None:
        return None
    subj = next((c for c in first.root.children if c.dep_ in _SUBJECT_DEPS), None)
    if subj is None or ctx.in_quote(pb, subj.idx) or subj.ent_type_ != "PERSON":
        return None
    name = _name_of(ctx, subj, pb)
    return name if name in ctx.names.values() else None


def _kind(text: str, start: int, opener_len: int, quoted: str) -> QuoteKind:
    """direct: a whole statement; partial: a fragment worked into the writer's sentence."""
    before = text[: max(0, start - opener_len)].rstrip()
    q = quoted.strip()
    if not q or q[0].islower():
        return "partial"
    if not before or before.endswith((":", ",", ".", "?", "!", "”", '"')):
        return "direct"
    last_word = before.split()[-1].lower() if before.split() else ""
    return (
        "direct" if last_word in {"said", "says", "added", "wrote", "told", "asked", "tweeted"} else "partial"
    )


def _post_quote(block_index: int, block: Any, ents: Entities, ctx: _Context) -> Quote | None:
    text = block.text
    sig = re.search(r"\s*[—–-]{1,2}\s*[^—–]*\(@\w+\)[^()]*$", text)
    body = text[: sig.start()] if sig else text
    body = _TRAILING_POST_CLUTTER.sub("", body).strip()
    if not body:
        return None
    speaker = (
        (ctx.person(block.author) or ents.person(block.author) or block.author) if block.author else None
    )
    start = text.find(body)
    return Quote(
        body,
        speaker,
        "post",
        Provenance(block_index, max(0, start), max(0, start) + len(body)),
        "post signature",
    )


def _nicknames(article: Article, spans: list[QuoteSpan]) -> set[QuoteSpan]:
    """Quoted nicknames inside names (Robert C. "Bobby" Scott), found by the same rule
    the entity extractor keeps such names whole with."""
    names: dict[int, list[tuple[int, int]]] = {}
    out: set[QuoteSpan] = set()
    for s in spans:
        if len(s.pieces) != 1:
            continue
        doc = article.docs[s.block]
        if s.block not in names:
            names[s.block] = [(doc[a].idx, doc[b - 1].idx) for a, b in nicknamed_names(doc)]
        if any(first < s.start and s.end < last for first, last in names[s.block]):
            out.add(s)
    return out


def _opener_len(text: str, start: int) -> int:
    return 2 if text[max(0, start - 2) : start] in {"``", "''", "‘‘"} else 1 if start > 0 else 0


def find(article: Article, ents: Entities) -> list[Quote]:
    blocks = article.document.blocks
    texts = [b.text for b in blocks]
    ctx = _Context(article, ents, texts)
    ctx.build()
    skip = frozenset(i for i, b in enumerate(blocks) if b.kind != "paragraph")
    spans = [s for s in find_quotes(texts, skip) if any(ch.isalnum() for ch in s.text(texts))]
    nicknames = _nicknames(article, spans)
    spans = [s for s in spans if s not in nicknames]
    spans = [turn for s in spans for turn in _turns(texts, s)]
    for s in spans:
        for p in s.pieces:
            ctx.quoted.setdefault(p.block, []).append((p.start, p.end))
    found: list[tuple[int, int, Quote]] = []
    for bi, block in enumerate(blocks):
        if block.kind == "post":
            q = _post_quote(bi, block, ents, ctx)
            if q is not None:
                found.append((bi, 0, q))
    prev: tuple[int, str | None, int] | None = None  # block and place the last quote ended, its speaker
    for s in spans:
        q = _quote(ctx, s, prev)
        if q is None:
            continue
        found.append((s.block, s.start, q))
        last = s.pieces[-1]
        if q.kind == "partial" and len(q.text.split()) <= _SCARE_MAX_WORDS:
            continue  # a quoted title or term ("Fox and Friends") does not carry a speaker on
        prev = (last.block, q.speaker, last.end)
        if q.speaker:
            ctx.add_mention(last.block, last.end, q.speaker)
    found.sort(key=lambda x: (x[0], x[1]))
    return _same_words_same_speaker([q for _, _, q in found])


def _same_words_same_speaker(quotes: list[Quote]) -> list[Quote]:
    """An unattributed quote whose words the article quotes again with a speaker is that
    speaker's: "Talk compared to 'working the referees'" in a subheading, and later
    "Aaron Kall ... compared Trump to a coach who is 'working the referees'"."""
    if all(q.speaker for q in quotes):
        return quotes  # the common case: nothing to fill in
    keys = [_words_key(q.text) for q in quotes]
    speakers: dict[str, set[str]] = {}
    for q, key in zip(quotes, keys, strict=True):
        if q.speaker:
            speakers.setdefault(key, set()).add(q.speaker)
    out = []
    for q, key in zip(quotes, keys, strict=True):
        who = speakers.get(key, set())
        if q.speaker is None and len(who) == 1 and len(q.text.split()) >= 2:
            q = replace(q, speaker=next(iter(who)), cue="same words quoted again")
        out.append(q)
    return out


def _words_key(text: str) -> str:
    return " ".join(re.findall(r"\w+", fold(text)))


_DASH_SIGNATURE = re.compile(
    r"^[”\"'’]{0,2}\s*[―—–-]{1,2}\s*([A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,4})[ \t]*(?:[.,;(\n“\"]|$)"
)
# A transcript's speaker label: "WALLACE: ", "MR. SMITH: ".
_LABEL = r"([A-Z][A-Z.'’-]+(?:\s[A-Z][A-Z.'’-]+)?):"
_TRANSCRIPT = re.compile(rf"^{_LABEL}\s")
# The label a turn's quote was cut from: the block's start, an opening mark, the label.
_TRANSCRIPT_LABEL = re.compile(rf"^\s*(?:[\"“‘']|``)?\s*{_LABEL}\s*$")


def _signed(ctx: _Context, s: QuoteSpan) -> _Found | None:
    """ "'...' ― Pamela Ruiz" (a name signed after the quote) or a transcript line "SMITH: ..."."""
    last = s.pieces[-1]
    m = _DASH_SIGNATURE.match(ctx.texts[last.block][last.end :])
    if m:
        name = m.group(1).rstrip(".")
        return _Found(ctx.person(name) or ctx.org(name) or name, "signed", True)
    m = _TRANSCRIPT_LABEL.search(ctx.texts[s.block][: s.start])
    if m:
        name = m.group(1).title()
        return _Found(ctx.person(name) or name, "transcript", True)
    return None


def _turns(texts: list[str], s: QuoteSpan) -> list[QuoteSpan]:
    """A quoted transcript, one speaker's turn a paragraph ('"WALLACE: ...', '"PENCE:
    ...'), is one quote per turn, each without its label."""
    out: list[list[Piece]] = []
    for p in s.pieces:
        m = _TRANSCRIPT.match(texts[p.block][p.start : p.end])
        if m:
            out.append([Piece(p.block, p.start + m.end(), p.end)])
        elif out:
            out[-1].append(p)
        else:
            out.append([p])
    if len(out) == 1 and out[0][0] == s.pieces[0]:
        return [s]
    return [QuoteSpan(tuple(ps), s.closed) for ps in out if any(p.end > p.start for p in ps)]


def _plausible(name: str | None) -> bool:
    """A speaker reads like a name or a noun phrase, not a fragment of a bad parse ("es))Spanish")."""
    if not name or not name[0].isalnum():
        return False
    return name.count("(") == name.count(")") and not re.search(r"[\[\]{}<>|\\@#*=+]", name)


def _is_heading(block_text: str, quoted: str) -> bool:
    """A quotation in title case that is its whole paragraph: a subheading in marks."""
    marks = " \t\"'“”‘’`."
    if block_text.strip(marks) != quoted.strip(marks):
        return False
    words = re.findall(r"[A-Za-z][\w'’-]*", quoted)
    return 2 <= len(words) <= 12 and all(w[0].isupper() or w.lower() in _MINOR_WORDS for w in words)


# Nouns that a quoted term stands beside as its name ("the slogan 'Take Back Control'").
_TERM_NOUN = re.compile(
    r"\b(?:slurs?|terms?|phrases?|words?|slogans?|hashtags?|nicknames?|monikers?|epithets?|mottos?|"
    r"chants?|catchphrases?|labels?)\s*$",
    re.IGNORECASE,
)
_MINOR_WORDS = {"a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "but", "with", "by"}


def _continues(ctx: _Context, prev: tuple[int, str | None, int] | None, block: int, opener: int) -> bool:
    """The quote goes on from the one before: same paragraph, or the next one opening with
    it, and nobody else has become the subject in between ("Michael Howard had already
    broken away ..." between two quotes hands the next one to him)."""
    if prev is None or not prev[1]:
        return False
    pb, speaker, end = prev
    if not (pb == block or (pb == block - 1 and not ctx.texts[block][:opener].strip())):
        return False
    if _TERM_NOUN.search(ctx.texts[block], max(0, opener - 20), opener):
        return False  # 'the slur "Big Mike" trended': a term named, not more of the speech
    between = [
        m
        for m in ctx.mentions
        if (pb, end) <= (m.block, m.pos) < (block, opener) and m.subject and not ctx.in_quote(m.block, m.pos)
    ]
    return all(m.name == speaker for m in between)


@dataclass(frozen=True)
class _Site:
    """A quote being attributed: where it stands and the quote before it."""

    ctx: _Context
    span: QuoteSpan
    prev: tuple[int, str | None, int] | None  # block and place the last quote ended, its speaker
    quoted: str
    opener: int  # where the opening mark stands in the first block

    @property
    def first(self) -> Piece:
        return self.span.pieces[0]

    @property
    def last(self) -> Piece:
        return self.span.pieces[-1]


def _no_speaker(site: _Site, hit: _Found | None) -> bool:
    return hit is None or hit.speaker is None


def _nobody_named(site: _Site, hit: _Found | None) -> bool:
    return hit is None or hit.speaker is None or not site.ctx.known(hit.speaker)


def _by_next_sentence_after_colon(site: _Site, hit: _Found | None) -> bool:
    """'X released a statement: "..." Y called it ...': a verb in the next sentence does
    not say a quote that a colon's lead-in introduced."""
    texts = site.ctx.texts
    return bool(
        hit is not None
        and hit.cue == "speech verb after"
        and texts[site.first.block][: site.opener].rstrip().endswith(":")
        and _ends_sentence(texts[site.last.block], site.quoted, site.last.end)
    )


def _verb_in_last_paragraph(site: _Site) -> _Found | None:
    first, last = site.first, site.last
    return _verb_cue(site.ctx, last.block, last.start if last.block != first.block else first.start, last.end)


def _verb_in_first_paragraph(site: _Site) -> _Found | None:
    """A quote over paragraphs whose attribution stands in its first one."""
    if site.last.block == site.first.block:
        return None
    return _verb_cue(site.ctx, site.first.block, site.first.start, len(site.ctx.texts[site.first.block]))


def _continued(site: _Site) -> _Found | None:
    if site.prev is None or not _continues(site.ctx, site.prev, site.first.block, site.opener):
        return None
    return _Found(site.prev[1], "continues previous quote", site.prev[0] == site.first.block)


def _sentence_before(site: _Site) -> _Found | None:
    if len(site.quoted.split()) <= _SCARE_MAX_WORDS:
        return None  # a short quoted term is not carried by the sentence before
    name = _previous_sentence(site.ctx, site.first.block, site.opener)
    return _Found(name, "previous sentence", False) if name else None


@dataclass(frozen=True)
class Cue:
    """One way of finding who said a quote: `find` looks, and its answer replaces what the
    cues before found when `replaces` says so (by default: when they found nobody)."""

    name: str
    gives: tuple[QuoteCue, ...]  # the Quote.cue values this way can give
    find: Callable[[_Site], _Found | None]
    replaces: Callable[[_Site, _Found | None], bool] = _no_speaker


# The cues in the order they are tried; a later one only fills in what the earlier ones
# left open (or, for "colon" and "dash aside", corrects a weaker answer).
CUES: tuple[Cue, ...] = (
    Cue("signed", ("signed", "transcript"), lambda site: _signed(site.ctx, site.span)),
    Cue(
        "speech verb",
        ("speech verb after", "speech verb before", "speech verb, no subject", "speech noun", "according to"),
        _verb_in_last_paragraph,
    ),
    Cue(
        "colon over the next sentence",
        ("colon", "lead-in clause", "lead-in paragraph"),
        lambda site: _lead_in(site.ctx, site.first.block, site.opener),
        _by_next_sentence_after_colon,
    ),
    Cue(
        "speech verb in the first paragraph",
        ("speech verb after", "speech verb before", "speech verb, no subject", "speech noun", "according to"),
        _verb_in_first_paragraph,
    ),
    # "A chorus has said so, including Mitt Romney -- '...' --": the name the quote is
    # set beside is more precise than an unnamed group.
    Cue(
        "dash aside",
        ("dash aside",),
        lambda site: _dash_aside(site.ctx, site.first.block, site.opener),
        _nobody_named,
    ),
    Cue(
        "lead-in",
        ("colon", "lead-in clause", "lead-in paragraph"),
        lambda site: _lead_in(site.ctx, site.first.block, site.opener),
    ),
    Cue("labelled as", ("labelled as",), lambda site: _labelled_as(site.ctx, site.first.block, site.opener)),
    Cue(
        "credited after",
        ("credited after",),
        lambda site: _verdict_of(site.ctx, site.last.block, site.last.end),
    ),
    Cue("continues previous quote", ("continues previous quote",), _continued),
    Cue("previous sentence", ("previous sentence",), _sentence_before),
)


def _attribute(site: _Site) -> _Found | None:
    """Who said the quote: each cue in CUES in turn, where the ones before left it open."""
    hit: _Found | None = None
    for cue in CUES:
        if cue.replaces(site, hit):
            hit = cue.find(site) or hit
    return hit


def _quote(ctx: _Context, s: QuoteSpan, prev: tuple[int, str | None, int] | None) -> Quote | None:
    texts = ctx.texts
    quoted = s.text(texts)
    first = s.pieces[0]
    opener = first.start - _opener_len(texts[first.block], first.start)
    hit = _attribute(_Site(ctx, s, prev, quoted, opener))
    words = quoted.split()
    if len(words) <= _SCARE_MAX_WORDS and (hit is None or not hit.strong):
        return None  # a scare quote or a title: nobody's words
    if (
        len(s.pieces) == 1
        and _is_heading(texts[first.block], quoted)
        and (hit is None or hit.cue == "continues previous quote")
    ):
        return None  # "'Legend in the Coal Fields.'" on a line of its own: a subheading
    speaker = hit.speaker if hit and _plausible(hit.speaker) else None
    kind = _kind(texts[first.block], first.start, _opener_len(texts[first.block], first.start), quoted)
    return Quote(
        quoted, speaker, kind, Provenance(first.block, first.start, first.end), hit.cue if hit else None
    )
