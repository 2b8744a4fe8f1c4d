"""Quotations and who said them.

Quote spans come from pairing quotation marks (quotemarks.py). The speaker is
found, in this order, by:

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
from dataclasses import dataclass, field
from typing import Any

from .. import nlp
from ..model import Provenance, Quote, QuoteKind
from .article import Article
from .entities import ROLE_HEADS, Entities, clean_name
from .quotemarks import QuoteSpan, find_quotes

SPEECH_VERBS = {
    "say",
    "tell",
    "add",
    "stress",
    "insist",
    "warn",
    "state",
    "declare",
    "claim",
    "argue",
    "explain",
    "note",
    "write",
    "tweet",
    "post",
    "announce",
    "call",
    "describe",
    "ask",
    "reply",
    "respond",
    "answer",
    "urge",
    "vow",
    "promise",
    "pledge",
    "admit",
    "acknowledge",
    "concede",
    "suggest",
    "predict",
    "conclude",
    "continue",
    "comment",
    "remark",
    "observe",
    "emphasise",
    "emphasize",
    "assert",
    "maintain",
    "recall",
    "caution",
    "complain",
    "accuse",
    "deny",
    "confirm",
    "report",
    "reiterate",
    "quip",
    "joke",
    "boast",
    "thank",
    "praise",
    "criticise",
    "criticize",
    "dub",
    "term",
    "label",
    "brand",
    "hail",
    "welcome",
    "tout",
    "reckon",
    "believe",
    "think",
    "put",
    "wonder",
    "demand",
    "appeal",
    "agree",
    "testify",
    "express",
    "reciprocate",
    "appreciate",
    "pronounce",
    "shout",
    "cry",
    "whisper",
    "scream",
    "mutter",
}
SPEECH_VERBS |= {
    "speak",
    "cite",
    "refer",
    "blast",
    "slam",
    "dismiss",
    "mock",
    "charge",
    "allege",
    "contend",
    "lament",
    "recount",
    "sing",
    "chant",
    "quote",
    "counter",
    "retort",
    "underline",
    "highlight",
    "threaten",
    "proclaim",
    "decry",
    "condemn",
    "denounce",
    "reject",
    "question",
    "insist",
    "add",
    "deem",
    "rule",
    "admire",
    "promise",
    "mention",
    "read",
    "email",
    "text",
    "message",
    "write",
    "inform",
    "advise",
    "plead",
    "rail",
    "laud",
    "applaud",
    "blame",
    "fret",
    "muse",
    "estimate",
    "forecast",
    "scoff",
    "snap",
    "sneer",
    "gush",
    "chide",
    "scold",
    "rebuke",
    "lash",
    "hit",
    "attack",
    "tell",
}
# Words that make a speech verb's object the speaker's audience, not the speaker.
_SUBJECT_DEPS = {"nsubj", "nsubjpass"}
_CLIMB_DEPS = {"conj", "advcl", "xcomp", "ccomp", "acl", "relcl", "parataxis", "pcomp", "prep", "pobj"}
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
_DOC_NOUNS = {"statement", "report", "letter", "memo", "tweet", "post", "release", "interview", "study"}
# Quoted words this short with nobody said to say them are scare quotes or titles.
_SCARE_MAX_WORDS = 4
_TRAILING_POST_CLUTTER = re.compile(r"(?:\s*(?:@\w+|https?://\S+|pic\.twitter\.com/\S+))+\s*$")


def fold(text: str) -> str:
    """Lower case without accents: "Erdoğan" and "Erdogan" are one name."""
    s = unicodedata.normalize("NFKD", text)
    return "".join(c for c in s if not unicodedata.combining(c)).lower().strip()


@dataclass
class _Mention:
    block: int
    pos: int
    name: str
    subject: bool


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
    _known: set[str] = field(default_factory=set)

    # --- names ---------------------------------------------------------------

    def build(self) -> None:
        # Fullest names first, so that a surname listed on its own ("Erdogan") joins the
        # full name it ends ("Recep Tayyip Erdoğan"), accents aside.
        people = sorted(self.ents.people, key=lambda p: -len(p.name.split()))
        for p in people:
            for f in (p.name, *p.aliases):
                self.names.setdefault(fold(f), p.name)
            parts = p.name.split()
            if len(parts) > 1:
                self.names.setdefault(fold(parts[-1]), p.name)
        firsts: dict[str, list[str]] = {}
        for p in self.ents.people:
            parts = p.name.split()
            if len(parts) > 1:
                firsts.setdefault(fold(parts[0]), []).append(p.name)
        for first, owners in firsts.items():
            if len(owners) == 1:
                self.names.setdefault(first, owners[0])
        for key, name in self.ents.person_index.items():
            self.names.setdefault(fold(key), name)
        for o in self.ents.organizations:
            for f in (o.name, *o.aliases):
                self.orgs.setdefault(fold(re.sub(r"^the\s+", "", f, flags=re.I)), o.name)
        for key, name in self.ents.org_index.items():
            self.orgs.setdefault(fold(re.sub(r"^the\s+", "", key, flags=re.I)), name)
        self._known = set(self.names.values()) | set(self.orgs.values())
        self._collect_mentions()

    def person(self, text: str) -> str | None:
        name, _ = clean_name(text)
        for cand in (name, text.strip()):
            hit = self.names.get(fold(cand))
            if hit:
                return hit
        return None

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
                if e.label_ not in {"PERSON", "ORG", "GPE", "NORP"}:
                    continue
                name = self.person(e.text)
                if not name:
                    continue
                subj = e.root.dep_ in _SUBJECT_DEPS
                self.mentions.append(_Mention(bi, e.start_char, name, subj))
                v = votes.setdefault(name, [0, 0])
                prev = doc[e.start - 1].lower_.rstrip(".") if e.start > 0 else ""
                if prev == "mr":
                    v[0] += 2
                elif prev in {"mrs", "ms", "miss"}:
                    v[1] += 2
                if subj:
                    for t in doc[e.end : e.end + 25]:
                        if t.ent_type_ == "PERSON":
                            break
                        if t.lower_ in _MALE:
                            v[0] += 1
                            break
                        if t.lower_ in _FEMALE:
                            v[1] += 1
                            break
            # Names spaCy left untagged ("Modi quickly responded"): proper nouns the index knows.
            for t in doc:
                if t.pos_ == "PROPN" and not t.ent_type_ and t.dep_ != "compound":
                    name = self.names.get(fold(t.text))
                    if name:
                        self.mentions.append(_Mention(bi, t.idx, name, t.dep_ in _SUBJECT_DEPS))
        for name, (m, f) in votes.items():
            if m != f:
                self.gender[name] = "m" if m > f else "f"

    def add_mention(self, block: int, pos: int, name: str) -> None:
        self.mentions.append(_Mention(block, pos, name, True))

    def antecedent(self, block: int, pos: int, pronoun: str) -> str | None:
        """The person a pronoun most likely means: the latest fitting subject, else mention."""
        want = "m" if pronoun in _MALE else "f" if pronoun in _FEMALE else None
        fitting = [
            m
            for m in self.mentions
            if (m.block, m.pos) < (block, pos) and (want is None or self.gender.get(m.name, want) == want)
        ]
        # The last few paragraphs (lines, in a sentence-per-line layout), else anywhere before.
        before = [m for m in fitting if m.block >= block - 3] or fitting
        if not before:
            return None
        before.sort(key=lambda m: (m.block, m.pos))
        same = [m for m in before if m.block == block]
        subjects = [m for m in (same or before) if m.subject]
        return (subjects or same or before)[-1].name

    def latest(self, block: int, pos: int) -> str | None:
        before = [m for m in self.mentions if (m.block, m.pos) < (block, pos)]
        if not before:
            return None
        before.sort(key=lambda m: (m.block, m.pos))
        subjects = [m for m in before if m.subject]
        return (subjects or before)[-1].name

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
        return self.latest(block, pos) if fallback else None

    def org_by_head(self, head: str) -> str | None:
        hits = [o.name for o in self.ents.organizations if head.lower() in fold(o.name).split()]
        return hits[0] if hits else None

    def known(self, name: str) -> bool:
        """A person or organisation the article names, not a phrase like "one questioner"."""
        return name in self._known

    def in_quote(self, block: int, pos: int) -> bool:
        return any(a <= pos < b for a, b in self.quoted.get(block, []))


# --- finding the subject ----------------------------------------------------------


def _is_speech_verb(tok: Any) -> bool:
    if not (tok.pos_ in {"VERB", "AUX"} or tok.tag_.startswith("VB")):
        return False
    # Not "so-called", "self-described".
    return nlp.verb_lemma(tok) in SPEECH_VERBS and not (tok.i > 0 and tok.doc[tok.i - 1].text in {"-", "so-"})


def _subject(tok: Any, after_quote: bool, outside: Any = lambda t: True) -> Any:
    """Who does the verb: its subject, a subject up the clause chain, or "said X"."""
    t = tok
    for _ in range(5):
        subj = next((c for c in t.children if c.dep_ in _SUBJECT_DEPS and outside(c)), None)
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
        if t.dep_ in {"conj", "advcl", "xcomp", "ccomp", "acl", "parataxis", "pcomp"} and t.head.i != t.i:
            t = t.head
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


def _path_ok(ent_root: Any, top: Any) -> bool:
    """An entity belongs to a subject phrase unless a clause stands between them."""
    t = ent_root
    while t.i != top.i and t.head.i != t.i:
        if t.dep_ in {"relcl", "acl", "advcl", "ccomp", "xcomp"}:
            return False
        t = t.head
    return bool(t.i == top.i)


def _entity_name(ctx: _Context, ent: Any) -> str | None:
    text = re.sub(r"['’]s?$", "", ent.text).strip()
    # "the United Nations Nikki Haley" tagged as one organisation: the person in it.
    folded = fold(text)
    for p in ctx.ents.people:
        if len(p.name.split()) > 1 and folded.endswith(" " + fold(p.name)):
            return p.name
    if ent.label_ == "PERSON":
        return ctx.person(text) or (clean_name(text)[0] or None)
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
    return ctx.org(text) or (" ".join(words) if ent.label_ in {"ORG", "FAC"} else None)


def _name_of(ctx: _Context, tok: Any, block: int) -> str | None:
    """Canonical speaker for a subject token."""
    doc = tok.doc
    if tok.lower_ in _PRONOUNS:
        if tok.lower_ == "it":
            return None
        return ctx.antecedent(block, tok.idx, tok.lower_)
    own = next((e for e in doc.ents if e.start <= tok.i < e.end), None)
    if own is None and tok.tag_ == "NNS" and tok.pos_ == "NOUN" and tok.dep_ in _SUBJECT_DEPS:
        # A group ("Other leaders, including X, said"): the group speaks, not X.
        left = [t for t in tok.subtree if t.i <= tok.i and not t.is_punct]
        if left and len(left) <= 6:
            return " ".join(t.text for t in left).replace(" ’s", "’s").replace(" 's", "'s")
    if own is not None and own.label_ in {"PERSON", "ORG", "GPE", "NORP", "FAC"}:
        name = _entity_name(ctx, own)
        if name:
            return name
    inner = [e for e in doc.ents if tok.left_edge.i <= e.start and e.end <= tok.right_edge.i + 1]
    if tok.lower_ not in _DOC_NOUNS:
        inner = [e for e in inner if _path_ok(e.root, tok)]
        if tok.lower_ not in ORG_HEADS:
            # "Obama's former strategist" is not Obama ("Erdogan's office" speaks for him).
            inner = [e for e in inner if not (e.root.dep_ == "poss" and e.root.head.i == tok.i)]
    titled = tok.lower_ in ROLE_HEADS

    def order(e: Any) -> int:
        # A title heads the phrase and the name comes last: "Former US Ambassador to
        # the United Nations Nikki Haley".
        return int(-e.start if titled else abs(e.root.i - tok.i))

    for label in ({"PERSON"}, {"ORG", "FAC"}, {"GPE", "NORP"}):
        for e in sorted(inner, key=order):
            if e.label_ in label:
                name = _entity_name(ctx, e)
                if name and not (e.label_ in {"GPE", "NORP"} and ctx.person(e.text) is None):
                    return name
    # A name spaCy did not tag: the proper nouns around the head.
    if tok.pos_ == "PROPN":
        words = [c.text for c in tok.children if c.dep_ == "compound" and c.i < tok.i] + [tok.text]
        phrase = " ".join(words)
        return ctx.person(phrase) or ctx.org(phrase) or clean_name(phrase)[0]
    words = [t for t in tok.subtree if t.i <= tok.i and not t.is_punct]
    low = re.sub(r"(?<=[^s])s$", "", tok.lower_)
    phrase = " ".join(t.text for t in words if t.dep_ not in {"relcl", "acl"})
    phrase = phrase.replace(" ’s", "’s").replace(" 's", "'s")
    if (low in ROLE_HEADS or tok.lower_ in ROLE_HEADS) and tok.tag_ not in {"NNS", "NNPS"}:
        # "the minister": the person holding that role; "a spokesman": someone unnamed.
        definite = bool(words) and words[0].lower_ in {"the", "this", "that"}
        holder = ctx.role_holder([t.text for t in words], block, tok.idx, fallback=definite)
        return holder or phrase
    if low in ORG_HEADS or tok.lower_ in ORG_HEADS:
        return ctx.org_by_head(tok.lower_) or phrase
    if (
        tok.pos_ in {"NOUN", "PROPN", "NUM"}
        and words
        and (tok.dep_ in _SUBJECT_DEPS or words[0].lower_ in {"the", "a", "an", "one"})
        and (tok.dep_ in _SUBJECT_DEPS or words[0].lower_ not in {"his", "her", "their", "its", "our", "my"})
    ):
        # An unnamed source ("the announcer", "one questioner"): say it as the article does.
        return phrase if len(phrase.split()) <= 8 else None
    return None


@dataclass(frozen=True)
class _Found:
    speaker: str | None
    cue: str
    strong: bool  # a cue that makes even a short quoted term someone's words


def _sentences(doc: Any, lo: int, hi: int) -> list[Any]:
    return [s for s in doc.sents if s.start_char < hi and s.end_char > lo]


def _verb_cue(ctx: _Context, b: int, qa: int, qz: int) -> _Found | None:
    """A speech verb (or "according to") beside the quote in its own sentence."""
    doc = ctx.article.docs[b]
    text = ctx.texts[b]
    sents = _sentences(doc, max(0, qa - 1), min(len(text), qz + 1))
    tokens = [t for s in sents for t in s]
    found = _governing_cue(ctx, b, tokens, qa, qz)
    if found is None or not found.speaker or not ctx.known(found.speaker):
        # Nothing, or an unnamed phrase ("a majority of Americans believe"): a named
        # source beside the quote wins.
        near = _nearest_cue(ctx, b, tokens, qa, qz)
        if near is not None and (
            found is None or not found.speaker or (near.speaker and ctx.known(near.speaker))
        ):
            found = near
    if found is None and sents:
        # "...!" Macron told the world: a sentence split right after the closing mark,
        # whose first words say who spoke.
        last = sents[-1]
        nxt = [s for s in doc.sents if s.start_char >= last.end_char]
        if last.end_char <= qz + 2 and nxt and text[qz : nxt[0].start_char].strip(" \"”’'.,!?") == "":
            found = _nearest_cue(ctx, b, list(nxt[0])[:8], qa, qz)
    return found


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
            if v.head.i == v.i:
                break
            v = v.head
    return None


def _verb_speaker(ctx: _Context, b: int, tok: Any, qa: int, qz: int) -> _Found:
    subj = _subject(tok, after_quote=tok.idx > qz, outside=lambda t: not ctx.in_quote(b, t.idx))
    if subj is None:
        subj = _adjacent_subject(ctx, b, tok, qa, qz)
    if subj is None:
        return _Found(None, "speech verb, no subject", True)
    where = "speech verb after" if tok.idx > qz else "speech verb before"
    return _Found(_name_of(ctx, subj, b), where, True)


def _nearest_cue(ctx: _Context, b: int, tokens: list[Any], qa: int, qz: int) -> _Found | None:
    """The cue nearest the quote that names someone; else the nearest cue at all."""
    doc = ctx.article.docs[b]
    cands: list[tuple[int, int, Any, str]] = []
    for tok in tokens:
        if ctx.in_quote(b, tok.idx):
            continue
        dist = qa - tok.idx if tok.idx < qa else tok.idx - qz
        if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            obj = next((c for c in doc[tok.i + 1].children if c.dep_ == "pobj"), None)
            if obj is not None:
                cands.append((dist, tok.i, obj, "according to"))
        elif _is_speech_verb(tok):
            cands.append((dist, tok.i, tok, "speech verb"))
    first: _Found | None = None
    unnamed: _Found | None = None
    for _, _, tok, cue in sorted(cands, key=lambda c: (c[0], c[1])):
        if cue == "according to":
            found = _Found(_name_of(ctx, tok, b), cue, True)
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
        nominal = [t for t in between if t.pos_ in {"PROPN", "NOUN", "PRON"} and not t.ent_type_]
        if nominal:
            return nominal[-1]
    if verb.idx < qa and verb.i > verb.sent.start:
        return None  # after a verb before the quote stand its objects, not its speaker ("Said Ellis:" aside)
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


def _previous_sentence(ctx: _Context, b: int, opener: int) -> str | None:
    """A quote that opens its sentence: the person the sentence before is about."""
    doc = ctx.article.docs[b]
    prev = [s for s in doc.sents if s.end_char <= opener + 1]
    if not prev or ctx.texts[b][prev[-1].end_char : opener].strip():
        return None
    root = prev[-1].root
    subj = next((c for c in root.children if c.dep_ in _SUBJECT_DEPS), None)
    if subj is None or ctx.in_quote(b, subj.idx):
        return None
    # "..., Schiff said." then a quote: the source of the sentence before goes on.
    if subj.ent_type_ != "PERSON" and subj.lower_ not in _PRONOUNS and not _is_speech_verb(root):
        return None
    return _name_of(ctx, subj, b)


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


def _opener_len(text: str, start: int) -> int:
    return 2 if text[max(0, start - 2) : start] in {"``", "''"} else 1 if start > 0 else 0


def find(article: Article, ents: Entities) -> list[Quote]:
    blocks = article.document.blocks
    texts = [b.text for b in blocks]
    ctx = _Context(article, ents, texts)
    ctx.build()
    skip = frozenset(i for i, b in enumerate(blocks) if b.kind != "paragraph")
    spans = [s for s in find_quotes(texts, skip) if any(ch.isalnum() for ch in s.text(texts))]
    for s in spans:
        for p in s.pieces:
            ctx.quoted.setdefault(p.block, []).append((p.start, p.end))
    found: list[tuple[int, int, Quote]] = []
    for bi, block in enumerate(blocks):
        if block.kind == "post":
            q = _post_quote(bi, block, ents, ctx)
            if q is not None:
                found.append((bi, 0, q))
    prev: tuple[int, str | None] | None = None  # block where the last quote ended, its speaker
    for s in spans:
        q = _quote(ctx, s, prev)
        if q is None:
            continue
        found.append((s.block, s.start, q))
        last = s.pieces[-1]
        if q.kind == "partial" and len(q.text.split()) <= _SCARE_MAX_WORDS:
            continue  # a quoted title or term ("Fox and Friends") does not carry a speaker on
        prev = (last.block, q.speaker)
        if q.speaker:
            ctx.add_mention(last.block, last.end, q.speaker)
    found.sort(key=lambda x: (x[0], x[1]))
    return [q for _, _, q in found]


_DASH_SIGNATURE = re.compile(
    r"^[”\"'’]{0,2}\s*[―—–-]{1,2}\s*([A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,4})[ \t]*(?:[.,;(\n“\"]|$)"
)
_TRANSCRIPT = re.compile(r"^([A-Z][A-Z.'’-]+(?:\s[A-Z][A-Z.'’-]+)?):\s")


def _signed(ctx: _Context, s: QuoteSpan) -> _Found | None:
    """ "'...' ― Pamela Ruiz" (a name signed after the quote) or a transcript line "SMITH: ..."."""
    last = s.pieces[-1]
    m = _DASH_SIGNATURE.match(ctx.texts[last.block][last.end :])
    if m:
        name = m.group(1).rstrip(".")
        return _Found(ctx.person(name) or ctx.org(name) or name, "signed", True)
    m = _TRANSCRIPT.match(ctx.texts[s.block][s.start :])
    if m:
        name = m.group(1).title()
        return _Found(ctx.person(name) or name, "transcript", True)
    return None


def _plausible(name: str | None) -> bool:
    """A speaker reads like a name or a noun phrase, not a fragment of a bad parse ("es))Spanish")."""
    if not name or not name[0].isalnum():
        return False
    return name.count("(") == name.count(")") and not re.search(r"[\[\]{}<>|\\@#*=+]", name)


def _continues(texts: list[str], prev: tuple[int, str | None] | None, block: int, opener: int) -> bool:
    """The quote goes on from the one before: same paragraph, or the next one opening with it."""
    if prev is None or not prev[1]:
        return False
    return prev[0] == block or (prev[0] == block - 1 and not texts[block][:opener].strip())


def _quote(ctx: _Context, s: QuoteSpan, prev: tuple[int, str | None] | None) -> Quote | None:
    texts = ctx.texts
    quoted = s.text(texts)
    first, last = s.pieces[0], s.pieces[-1]
    opener = first.start - _opener_len(texts[first.block], first.start)
    hit = _signed(ctx, s) or _verb_cue(
        ctx, last.block, last.start if last.block != first.block else first.start, last.end
    )
    if (hit is None or hit.speaker is None) and last.block != first.block:
        hit = _verb_cue(ctx, first.block, first.start, len(texts[first.block])) or hit
    if hit is None or hit.speaker is None:
        hit = _lead_in(ctx, first.block, opener) or hit
    if (hit is None or hit.speaker is None) and _continues(texts, prev, first.block, opener):
        assert prev is not None
        hit = _Found(prev[1], "continues previous quote", prev[0] == first.block)
    words = quoted.split()
    if (hit is None or hit.speaker is None) and len(words) > _SCARE_MAX_WORDS:
        name = _previous_sentence(ctx, first.block, opener)
        if name:
            hit = _Found(name, "previous sentence", False)
    if len(words) <= _SCARE_MAX_WORDS and (hit is None or not hit.strong):
        return None  # a scare quote or a title: nobody's words
    speaker = hit.speaker if hit and _plausible(hit.speaker) else None
    kind = _kind(texts[first.block], first.start, _opener_len(texts[first.block], first.start), quoted)
    return Quote(
        quoted, speaker, kind, Provenance(first.block, first.start, first.end), hit.cue if hit else None
    )
