"""People (with roles and aliases), organisations and places of one article.

People come from spaCy's PERSON entities, from names a title introduces
("Pakistan Army Chief Asim Munir", which the small model misses) and from post
signatures. Each person is listed once, under the fullest name the article
uses; shorter forms ("Modi", "Mr Straw", "@narendramodi") become aliases. A
surname two people share ("Clinton") is resolved by context per mention and is
not an alias-index key on its own. Headings are skipped (the small model reads
title-case headlines as names), and so is page clutter, which never reaches the
blocks at all.

Look-ups: `Entities.person(text)` for a form of a name; `person_at(text, block,
start)` also settles a shared surname by the mention at that place;
`org_index` and `place_index` map every written form (lower-cased) to a name.
"""

from __future__ import annotations

import calendar
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from .. import nlp
from ..model import Entity, Person, Provenance
from ..textnorm import fold
from . import places as places_mod
from . import roles as roles_mod
from .article import Article
from .lexicon import (
    AFFILIATIONS,
    DEMONYM_NOUNS,
    DEMONYMS,
    FEMALE_HONORIFICS,
    GENERATIONAL,
    HONORIFICS,
    INSTITUTION_BUILDINGS,
    INSTITUTION_NOUNS,
    KINSHIP,
    LOCATIVE_PREPOSITIONS,
    MALE_HONORIFICS,
    MEDIUM_PREPOSITIONS,
    NAME_PARTICLES,
    ORG_DESCRIPTORS,
    PLACE_VERBS,
    POSTNOMINALS,
    ROLE_HEADS,
    SPEECH_VERBS,
    TITLE_WORDS,
)

__all__ = ["ROLE_HEADS", "Entities", "clean_name", "find", "fold", "strip_possessive"]

_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
_POSSESSIVE_TOKENS = {"'s", "’s", "'", "’"}
_PARTICLE_PREFIX = re.compile(r"^(?:al|el|ad|as|bin|ibn|abu)[-‐]", re.IGNORECASE)
_HANDLE = re.compile(r"(?<![\w@])@\w{2,30}")
_NAME_CHARS = re.compile(r"^[^\W\d_][\w.'’ -]*$")
# A name with a nickname in quotation marks: Robert C. "Bobby" Scott.
_NICKNAMED = re.compile(
    r'^[^\W\d_][\w.\'’ -]* "[^\W\d_][\w.\'’-]*(?: [^\W\d_][\w.\'’-]*)?" [^\W\d_][\w.\'’ -]*$'
)
_NICK_OPEN = {'"', "“", "``"}
_NICK_CLOSE = {'"', "”", "''"}
_NICK_MARKS = _NICK_OPEN | _NICK_CLOSE
# Built once: these are asked about token by token on the hot path.
_TITLE_OR_ROLE = TITLE_WORDS | ROLE_HEADS


def strip_possessive(s: str) -> str:
    return _POSSESSIVE.sub("", s.strip())


def clean_name(text: str) -> tuple[str, list[str]]:
    """A person's name without honorifics or a glued title; returns (name, title words)."""
    s = strip_possessive(re.sub(r"\s+", " ", text)).strip(" ,.;:-–—\"“”'‘’()[]")
    words = s.split()
    title: list[str] = []
    while len(words) > 1 and words[0].lower().rstrip(".") in _TITLE_OR_ROLE:
        title.append(words.pop(0))
    return " ".join(words), title


def _words(name: str) -> list[str]:
    """Folded words of a name without a generational suffix ("John Conyers Jr" -> john, conyers)."""
    words = fold(name).replace('"', "").split()
    while len(words) > 1 and words[-1].rstrip(".") in GENERATIONAL:
        words.pop()
    return words


def _surnames(name: str) -> set[str]:
    """Folded keys a single-word mention of this person may use: "al-Assad" and "Assad"."""
    words = _words(name)
    keys = {words[-1]}
    # "Gloria La Riva" is "La Riva", "Rocky De La Fuente" "De La Fuente": a surname's particles go with it.
    k = len(words) - 1
    while k > 1 and words[k - 1] in NAME_PARTICLES:
        k -= 1
    if k < len(words) - 1:
        keys.add(" ".join(words[k:]))
    raw_last = [w for w in name.split() if fold(w) not in GENERATIONAL][-1]
    if "-" in raw_last or "‐" in raw_last:
        keys.add(fold(raw_last))  # "Kilroy-Silk" alone
    return keys


@dataclass
class _Mention:
    name: str  # the cleaned surface form: "Modi", "Narendra Modi"
    block: int
    start: int  # character offsets inside the block
    end: int
    order: int  # position in the article, for context
    roles: list[str] = field(default_factory=list)
    weak: bool = False  # a modifier use: "the EastMed project", "Labour MPs"
    medium: bool = False  # after "on"/"via": "wrote on Twitter"
    locative: bool = False  # after "in"/"at"/"near": "fighting in Ain Issa"
    kin: bool = False  # introduced as a relative: "his wife, Maria Novak"
    titled: bool = False  # an honorific, title or role goes with it
    subject: bool = False  # the subject of a verb: "Lucy left"
    speaker: bool = False  # the subject of a speech verb: "Lucy wrote"
    sex: str | None = None  # from an honorific: "m" (Mr) or "f" (Mrs)
    handle: str | None = None
    person: str | None = None  # canonical name once resolved
    guessed: bool = False  # a name two people share, resolved by context ("Biden")


@dataclass(frozen=True)
class Entities:
    people: tuple[Person, ...]
    organizations: tuple[Entity, ...]
    places: tuple[Entity, ...]
    # Every form of a person's name (lower-cased, and folded) -> canonical name.
    person_index: dict[str, str]
    # Every form of an organisation's name (lower-cased) -> canonical name.
    org_index: dict[str, str]
    # Forms two or more people share ("clinton") -> their canonical names.
    ambiguous: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # (block, start char) of each resolved person mention -> canonical name.
    mention_index: dict[tuple[int, int], str] = field(default_factory=dict)
    # Every form of a place's name (lower-cased) -> canonical name.
    place_index: dict[str, str] = field(default_factory=dict)

    def person(self, text: str) -> str | None:
        """The canonical name a form of a name stands for; None if unknown or shared."""
        name, _ = clean_name(text)
        for key in (name.lower(), fold(name), text.strip().lower(), fold(text)):
            if key in self.person_index:
                return self.person_index[key]
        return None

    def person_at(self, text: str, block: int, start: int) -> str | None:
        """Like `person`, but a shared surname is resolved by the mention at (block, start)."""
        # The mention may start after an honorific or title that `text` includes.
        for at in range(start, start + len(text)):
            if (block, at) in self.mention_index:
                return self.mention_index[(block, at)]
        found = self.person(text)
        if found is not None:
            return found
        cands = self.ambiguous.get(fold(clean_name(text)[0]), ())
        before = [
            n for (b, s), n in sorted(self.mention_index.items()) if (b, s) < (block, start) and n in cands
        ]
        return before[-1] if before else None

    def place(self, text: str) -> str | None:
        key = strip_possessive(text).lower()
        return self.place_index.get(key) or self.place_index.get(key.removeprefix("the "))


# --- mentions --------------------------------------------------------------------------------


def _valid_person(name: str, tokens: list[Any]) -> bool:
    words = name.split()
    if not words or len(words) > 5 or len(name) < 2:
        return False
    nicknamed = bool(_NICKNAMED.match(name))
    if nicknamed:
        name = name.replace('"', "")
        words = name.split()
        tokens = [t for t in tokens if t.text not in _NICK_MARKS]
    if not _NAME_CHARS.match(name):
        return False  # digits, brackets, handles, hashtags: "[W]e", "@pm", "#Brexit"
    if all(w.lower().rstrip(".") in _TITLE_OR_ROLE for w in words):
        return False
    if all(w.lower() in AFFILIATIONS for w in words):
        return False  # "Lib Dem", "Liberal Democrats", "Labour MPs": a group
    if len(words) > 1 and nlp.is_gerund(words[0]):
        return False  # "Finding Neverland", "Questioning Vindman", "Downing St"
    if not all(w[0].isupper() or w.lower() in NAME_PARTICLES or _PARTICLE_PREFIX.match(w) for w in words):
        return False
    # An all-capitals word is an acronym ("US", "NATO"), not part of a name.
    if any(len(w) > 2 and w.isupper() and w.isalpha() for w in words):
        return False
    # "Lib Dem MPs": a name does not end in a common noun.
    if len(tokens) > 1 and tokens[-1].pos_ == "NOUN" and tokens[-1].text[0].isupper() and not nicknamed:
        return False
    return any(t.pos_ == "PROPN" for t in tokens)


def _name_tokens(doc: Any, a: int, b: int) -> tuple[int, int, list[str]]:
    """Token range of the bare name inside [a, b): glued titles and possessives dropped."""
    while b > a and doc[b - 1].text in _POSSESSIVE_TOKENS:
        b -= 1
    # "Ken Macdonald QC": letters after a name are not part of it.
    while b - a > 1 and doc[b - 1].lower_.replace(".", "") in POSTNOMINALS:
        b -= 1
    if a < b and doc[a].lower_ == "the":
        a += 1
    if b - a > 2 and doc[a].lower_ in DEMONYM_NOUNS:
        a += 1  # "Spaniard Guillermo Garcia-Lopez"
    title: list[str] = []
    while b - a > 1 and (doc[a].lower_.rstrip(".") in _TITLE_OR_ROLE or doc[a].text == "."):
        title.append(doc[a].lower_.rstrip("."))
        a += 1
    # "Lib Dem MP Lembit Opik", "Crown Prince Mohammad bin Salman": the name follows the title's head.
    inner = [k for k in range(a, b - 1) if doc[k].lower_ in ROLE_HEADS]
    if inner:
        title.extend(str(t.lower_) for t in doc[a : inner[-1] + 1])
        a = inner[-1] + 1
    # An honorific just outside the entity ("Mr." + "Novak") still tells sex and personhood.
    k = a - 1 if a > 0 and doc[a - 1].text != "." else a - 2
    if not title and k >= 0 and doc[k].lower_.rstrip(".") in HONORIFICS:
        title.append(doc[k].lower_.rstrip("."))
    return a, b, title


def _is_weak(doc: Any, a: int, b: int) -> bool:
    """A use of a name that does not show a person: "the EastMed project", "Labour MPs"."""
    before = doc[a - 1] if a > 0 else None
    if before is not None and before.pos_ == "DET" and before.lower_ in {"the", "a", "an"}:
        return True
    root = doc[b - 1]
    after = doc[b] if b < len(doc) else None
    # A modifier of the next noun: "the Trump administration", "Barlinnie Prison", "Labour MPs".
    return bool(after is not None and after.pos_ in {"NOUN", "PROPN"} and root.dep_ in {"compound", "amod"})


def _is_medium(doc: Any, a: int, b: int) -> bool:
    """ "wrote on Twitter", "said via Telegram": a lone word after such a preposition is a medium."""
    return b - a == 1 and a > 0 and doc[a - 1].lower_ in MEDIUM_PREPOSITIONS


def _speaks(tok: Any) -> bool:
    """The subject of a speech verb ("Lucy wrote"), or its agent ("..., said Lucy")."""
    head = tok.head
    if tok.dep_ not in {"nsubj", "nsubjpass"} or not head.tag_.startswith("VB"):
        return False
    # One name agrees with "says" or "will say", not with a bare "say": that is a
    # misparse (an aside "(think Estmark)") unless the name is one of several.
    bare = head.tag_ in {"VB", "VBP"} and not any(c.dep_ in {"aux", "auxpass"} for c in head.children)
    if bare and not any(c.dep_ == "conj" for c in tok.children):
        return False
    return nlp.verb_lemma(head) in SPEECH_VERBS


def _org_like(doc: Any, a: int) -> bool:
    """ "daily Kathimerini", "the newspaper Haaretz": a kind of organisation names it."""
    return a > 0 and doc[a - 1].lower_ in ORG_DESCRIPTORS and doc[a - 1].text.islower()


def _roles_for(doc: Any, a: int, b: int, sent: Any) -> list[str]:
    found = [
        roles_mod.title_before(doc, a, sent.start),
        roles_mod.apposition_after(doc, b, sent.end),
        roles_mod.apposition_before(doc, a, sent.start),
        roles_mod.body_after(doc, a, b, sent.end),
        roles_mod.shared_title(doc, a, b),
    ]
    if not any(found):
        # "For the Lib Dems, X said": whom a speaker answers for, when no title says more.
        found.append(roles_mod.speaking_for(doc, a, b))
    return [r for role in found if role for r in roles_mod.split_roles(role)]


def _sex(title: list[str]) -> str | None:
    if any(t in MALE_HONORIFICS for t in title):
        return "m"
    if any(t in FEMALE_HONORIFICS for t in title):
        return "f"
    return None


def _label_key(text: str) -> str:
    """ "Lib Dems" and "Lib Dem", "Tories" and "Tory" are one label."""
    key = fold(text)
    return key[:-3] + "y" if key.endswith("ies") else key.removesuffix("s")


def _mention(
    doc: Any, bi: int, a: int, b: int, order: int, labels: frozenset[str] = frozenset()
) -> _Mention | None:
    """A person mention for tokens [a, b) of a block, or None when it is no personal name.

    `labels` are the article's names of groups, parties, places and things (see
    `_labels`): one or two such words glued to the front of a name of two words
    or more are a label, not part of the name ("Lib Dem Norman Baker", "Tory
    Ken Clarke").
    """
    a, b, title = _name_tokens(doc, a, b)
    for k in (2, 1):
        lead = doc[a : a + k]
        label = _label_key(lead.text) in labels or all(t.lower_ in AFFILIATIONS for t in lead)
        if b - a - k >= 2 and doc[a + k].is_title and label:
            a += k
            break
    if b <= a:
        return None
    span = doc[a:b]
    name, _ = clean_name(_straight_nickname(span))
    if not _valid_person(name, list(span)) or _org_like(doc, a):
        return None
    m = _Mention(name, bi, span.start_char, span.end_char, order, sex=_sex(title))
    m.roles = _roles_for(doc, a, b, span.sent)
    glued = [t for t in title if t not in HONORIFICS]
    if glued and not m.roles:
        # "Assistant Chief [Constable David Warcup]": the title runs on before the entity.
        lead = roles_mod.title_before(doc, a - len(glued), span.sent.start)
        inner = str(doc[a - len(glued) : a].text)
        m.roles = [f"{lead} {inner}" if lead else inner]
    m.weak = not title and _is_weak(doc, a, b)
    m.medium = not title and _is_medium(doc, a, b)
    m.locative = not title and _place_slot(doc, a, b)
    m.titled = bool(title or m.roles)
    m.subject = doc[b - 1].dep_ in {"nsubj", "nsubjpass"}
    m.speaker = _speaks(doc[b - 1])
    m.kin = any(t.lower_ in KINSHIP for t in doc[max(a - 4, doc[a].sent.start) : a])
    return m


def _straight_nickname(span: Any) -> str:
    """The span's text with a nickname's marks made plain: Robert C. “Bobby” Scott ->
    Robert C. "Bobby" Scott (one spelling, however the page drew them)."""
    return "".join(('"' if t.text in _NICK_MARKS else t.text) + t.whitespace_ for t in span).strip()


def nicknamed_names(doc: Any) -> list[tuple[int, int]]:
    """Token spans of names with a quoted nickname inside (Marcia "Cia" Price), which the
    small model splits or leaves out."""
    out: list[tuple[int, int]] = []
    for i, t in enumerate(doc):
        if t.text not in _NICK_OPEN or i == 0:
            continue
        close = next((j for j in (i + 2, i + 3) if j < len(doc) and doc[j].text in _NICK_CLOSE), None)
        if close is None or close + 1 >= len(doc):
            continue
        nick = doc[i + 1 : close]
        if not all(w.is_title and w.is_alpha for w in nick):
            continue
        a = i
        while a > max(0, i - 3) and (
            (doc[a - 1].is_title and doc[a - 1].is_alpha) or re.fullmatch(r"[A-Z]\.", doc[a - 1].text)
        ):
            if doc[a - 1].lower_.rstrip(".") in _TITLE_OR_ROLE:
                break
            a -= 1
        b = close + 1
        # The surname right after the nickname (the tagger may read "Price" as a noun).
        while b < min(len(doc), close + 3) and doc[b].is_title and doc[b].is_alpha:
            b += 1
        if a < i and b > close + 1 and doc[a].is_title:
            out.append((a, b))
    return out


def _place_slot(doc: Any, a: int, b: int) -> bool:
    """The name stands where places stand: after "in"/"at", as the object of a verb of
    entering or taking, or listed with such a name ("at the park, Causeway Bay, and Tin
    Hau", "entered Tell Tamer and Ain Issa")."""
    if a > 0 and doc[a - 1].lower_ in LOCATIVE_PREPOSITIONS:
        return True
    t = doc[a:b].root
    for _ in range(6):
        if t.dep_ == "pobj" and t.head.lower_ in LOCATIVE_PREPOSITIONS:
            return True
        if t.dep_ == "dobj" and nlp.verb_lemma(t.head) in PLACE_VERBS:
            return True
        # Up through a list ("X and Y"), an apposition ("the park, Causeway Bay") or a
        # name the parse split in two ("Tell Tamer"), but not through a date ("in
        # December and Tony Blair ..."). Entity labels of the other list members are
        # not trusted: the small model tags people as places and back.
        if t.head.i == t.i or t.head.ent_type_ in {"DATE", "TIME"}:
            return False
        if t.dep_ in {"conj", "appos"} or (t.head.pos_ == "PROPN" and t.dep_ in {"dobj", "compound"}):
            t = t.head
            continue
        return False
    return False


def _titled_runs(doc: Any) -> list[tuple[int, int]]:
    """Runs of capitalised proper nouns outside PERSON entities, split at entity starts.

    The small model misses or mislabels some names that a title introduces
    ("Army Chief Asim Munir", "Ambassador to the United Nations Nikki Haley").
    """
    runs: list[tuple[int, int]] = []
    i = 0
    while i < len(doc):
        tok = doc[i]
        if tok.pos_ == "PROPN" and tok.text[0].isupper() and tok.ent_type_ != "PERSON":
            j = i + 1
            while (
                j < len(doc)
                and doc[j].pos_ == "PROPN"
                and doc[j].text[0].isupper()
                and doc[j].ent_type_ != "PERSON"
                and doc[j].ent_iob_ != "B"
                and not (doc[j].ent_iob_ == "O" and doc[j - 1].ent_iob_ != "O")
            ):
                j += 1
            runs.append((i, j))
            i = j
        else:
            i += 1
    return runs


def _name_runs_on(doc: Any, a: int, b: int) -> int:
    """The end of a titled run, taking in a PERSON entity that starts right after it
    when a role heads or precedes the run: "producer [Sacha Baron]" + "Cohen" is one name."""
    if b >= len(doc) or doc[b].ent_type_ != "PERSON" or doc[b].ent_iob_ != "B":
        return b
    titled = any(t.lower_ in ROLE_HEADS for t in doc[max(0, a - 1) : b])
    if not titled or doc[b - 1].lower_ in ROLE_HEADS:
        return b
    ent = next(e for e in doc.ents if e.start == b)
    return int(ent.end)


def _titled_mention(doc: Any, bi: int, a: int, b: int, order: int, place_words: set[str]) -> _Mention | None:
    """A name of two or three words that a role title introduces.

    A place glued to the front belongs to the title ("Prime Minister of [India
    Narendra Modi]", tagged as one organisation by the small model).
    """
    heads = [k for k in range(a, b) if doc[k].lower_ in ROLE_HEADS]
    if heads:
        a = heads[-1] + 1  # "the Presidential Spokesperson [Harry Roque]", tagged as one organisation
    elif a > 0 and doc[a - 1].lower_ == "the":
        return None  # "the Greek Energy Forum": an article makes it a thing, not a person
    while a < b and (doc[a].lower_.rstrip(".") in _TITLE_OR_ROLE or doc[a].text in place_words):
        a += 1
    if a < b and doc[a].ent_type_ in {"GPE", "LOC", "NORP", "DATE"} and doc[a].ent_iob_ == "B":
        return None
    if not 2 <= b - a <= 3 or any(
        not t.is_alpha or t.lower_ in ROLE_HEADS or t.lower_ in INSTITUTION_NOUNS for t in doc[a:b]
    ):
        return None  # "United States General [Services Administration]" is a body
    glued = (
        a >= 2 and doc[a - 1].text in {"-", "‐"} and not (doc[a - 2].whitespace_ or doc[a - 1].whitespace_)
    )
    if glued and doc[a - 2].is_title and doc[a - 2].is_alpha:
        a -= 2  # "Lise-Marie Dahl": a hyphenated given name the run split at its hyphen
    sent = doc[a].sent
    if roles_mod.title_before(doc, a, sent.start) is None:
        return None
    return _mention(doc, bi, a, b, order)


def _place_words(article: Article) -> set[str]:
    """One-word places and peoples the article names ("India", "Indian")."""
    return {
        e.text
        for doc in article.docs
        for e in doc.ents
        if e.label_ in {"GPE", "NORP"} and len(e) == 1 and e.text[0].isupper()
    }


# Entity labels of names that are not people's: a whole such name glued to the
# front of a person's name is a label ("Tory", "Lib Dems", "Twitter").
_THING_LABELS = frozenset(
    {"ORG", "NORP", "GPE", "LOC", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE"}
)


def _labels(article: Article) -> frozenset[str]:
    """Label keys of the whole texts of the article's short non-person entities ("the Lib Dems")."""
    return frozenset(
        _label_key(e.text.removeprefix("the ").removeprefix("The "))
        for doc in article.docs
        for e in doc.ents
        if e.label_ in _THING_LABELS and len(e) <= 3
    )


def _lowercase_words(article: Article) -> frozenset[str]:
    """Words the article writes in lower case: common words, not names."""
    return frozenset(t.lower_ for doc in article.docs for t in doc if t.is_alpha and t.text.islower())


def _role_appositive(doc: Any, b: int) -> bool:
    """A role set off after a name: "X, a trade professor at Cornell," / "X, shadow secretary"."""
    if not (b + 1 < len(doc) and doc[b].text == ","):
        return False
    head: list[Any] = []
    for t in doc[b + 1 : b + 8]:
        if t.is_punct or t.pos_ in {"ADP", "VERB", "AUX"}:
            break  # an appositive is a noun phrase: "Los Angeles, his wife introduced him to actor X"
        head.append(t)
    # A role is written in lower case there; "Super Trouper, SOS and Dancing Queen" lists titles.
    return any(t.lower_ in ROLE_HEADS and t.text.islower() for t in head)


def _org_tagged_person(ent: Any, lower: frozenset[str], place_words: set[str]) -> tuple[int, int] | None:
    """A personal name the small model tagged as an organisation or place, in a slot only a
    person fills: a role after it ("Eswar Prasad, a trade professor at Cornell, said"),
    or a title ending in the place glued to its front ("special envoy to Ukraine Kurt
    Volker"). A place or people glued in front is left out of the name."""
    if ent.label_ not in {"ORG", "GPE"} or not 2 <= len(ent) <= 4:
        return None
    doc = ent.doc
    before = doc[max(0, ent.start - 4) : ent.start]
    title_slot = (
        len(before) >= 2
        and before[-1].lower_ in {"to", "of", "for", "from"}
        and any(t.lower_ in _TITLE_OR_ROLE for t in before[:-1])
    )
    glued = ent[0].text in place_words or ent[0].lower_ in DEMONYMS
    start = ent.start + 1 if glued else ent.start
    if not glued and title_slot:
        # "Senator from [Vermont Bernie Sanders]", "Chief Executive of [Hong Kong Carrie
        # Lam]": the longest front part the model reads alone as a place.
        k = next((k for k in (3, 2, 1) if len(ent) - k >= 2 and nlp.is_place_name(ent[:k].text)), 0)
        glued, start = k > 0, ent.start + k
    words = list(doc[start : ent.end])
    if not 2 <= len(words) <= 3 or any(
        t.pos_ != "PROPN"
        or not t.is_title
        or t.lower_ in lower
        or t.lower_ in _NOT_NAME_WORDS
        or not any(c.islower() for c in t.text)
        for t in words
    ):
        return None
    titled = glued and title_slot
    return (start, ent.end) if titled or _role_appositive(doc, ent.end) else None


def _mislabelled_name(ent: Any, lower: frozenset[str], labels: frozenset[str]) -> bool:
    """A personal name the small model tagged as a work of art ("support for Nicolás Maduro").

    Two or three capitalised proper nouns, not in quotation marks (a title would
    be), none of them a word the article also writes in lower case ("the
    Marshall Plan" and "a plan") or names a group, place or thing with ("Good
    Morning Wales").
    """
    doc = ent.doc
    if ent.label_ != "WORK_OF_ART" or not 2 <= len(ent) <= 3:
        return False
    if any(
        t.pos_ != "PROPN" or not t.is_title or t.lower_ in lower or _label_key(t.text) in labels for t in ent
    ):
        return False
    # A mark glued to the name encloses it; one a space away closes a quote before it
    # ('"...," Julio Hegedus, chief economist, said').
    before = doc[ent.start - 1].text if ent.start > 0 and not doc[ent.start - 1].whitespace_ else ""
    after = doc[ent.end].text if ent.end < len(doc) and not doc[ent.end - 1].whitespace_ else ""
    return not ({before, after} & {'"', "“", "”", "'", "‘", "’", "``", "''"})


# Full English month and day names (the abbreviations are names too often: "Jun").
_MONTHS = frozenset(m.lower() for m in calendar.month_name if m)
_WEEKDAYS = frozenset(d.lower() for d in calendar.day_name)


def _month_surname(ent: Any, lower: frozenset[str]) -> tuple[int, int] | None:
    """A surname that is also a month ("Theresa May", "Mrs May"), which the small model
    tags as a date: the name's tokens, or None.

    The month stands right after a capitalised given name or an honorific, and is
    not followed by a day number ("Friday May 5", "in May 2024" are dates).
    """
    doc = ent.doc
    if ent.label_ != "DATE" or len(ent) != 1 or ent[0].lower_ not in _MONTHS or not ent[0].is_title:
        return None
    if ent.end < len(doc) and doc[ent.end].like_num:
        return None
    k = ent.start - 1
    if k < 0:
        return None
    prev = doc[k]
    if prev.lower_.rstrip(".") in HONORIFICS:
        return (k, ent.end)
    if (
        prev.pos_ == "PROPN"
        and prev.is_title
        and prev.lower_ not in lower
        and prev.lower_ not in _MONTHS | _WEEKDAYS
        and not prev.ent_type_
    ):
        return (k, ent.end)
    return None


def _person_words(article: Article) -> frozenset[str]:
    """Words the article uses as a person's name elsewhere: inside a PERSON entity or
    right after an honorific ("Mrs May")."""
    out: set[str] = set()
    for doc in article.docs:
        for e in doc.ents:
            if e.label_ == "PERSON":
                out.update(t.text for t in e if t.is_title)
        for t in doc[1:]:
            if t.is_title and doc[t.i - 1].lower_.rstrip(".") in HONORIFICS:
                out.add(t.text)
    return frozenset(out)


def _untagged_names(
    doc: Any, lower: frozenset[str], labels: frozenset[str], known: frozenset[str]
) -> list[tuple[int, int]]:
    """Names the small model left untagged ("Theresa May, shadow secretary for the family,
    told ..."): two or three capitalised proper nouns in a row, none a word the article
    writes in lower case or names a group or place with, standing where only a person
    stands: as the subject of a verb of saying, or before an appositive role ("X, the
    minister,"), and whose surname the article gives a person elsewhere ("Mrs May")."""
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(doc):
        j = i
        while j < len(doc) and doc[j].pos_ == "PROPN" and doc[j].is_title and not doc[j].ent_type_:
            j += 1
        if 2 <= j - i <= 3 and _person_slot(doc, i, j, lower, labels, known):
            out.append((i, j))
        i = max(j, i + 1)
    return out


def _person_end(ent: Any) -> int:
    """The end of a PERSON entity, with the untagged proper noun it modifies when the
    model cut the name before its head: "[Tory Dominic] Grieve"."""
    doc, end = ent.doc, ent.end
    if (
        end < len(doc)
        and doc[end].pos_ == "PROPN"
        and doc[end].is_title
        and not doc[end].ent_type_
        and ent.root.head.i == end
        and ent.root.dep_ == "compound"
    ):
        return int(end + 1)
    return int(end)


_HONORIFIC_WORD = re.compile(rf"\b(?:{'|'.join(sorted(HONORIFICS))})\b", re.IGNORECASE)


def _honorific_names(doc: Any, surnames: frozenset[str]) -> list[tuple[int, int]]:
    """A surname after an honorific that the small model tagged as a thing ("Mr Straw",
    "Straw" a PRODUCT), when the article names a person with that surname: a mention
    of that person."""
    out: list[tuple[int, int]] = []
    if not surnames or not _HONORIFIC_WORD.search(doc.text):
        return out  # most paragraphs have no "Mr" or "Dr" at all
    for t in doc[:-2]:
        if t.lower_.rstrip(".") not in HONORIFICS:
            continue
        nxt = doc[t.i + 1]
        if (
            nxt.pos_ == "PROPN"
            and nxt.text in surnames
            and nxt.ent_type_ not in {"", "PERSON"}
            and doc[t.i + 2].text not in {"-", "‐"}
            and (doc[t.i + 2].pos_ != "PROPN" or not doc[t.i + 2].is_title)
        ):
            out.append((nxt.i, nxt.i + 1))
    return out


_NOT_NAME_WORDS = _TITLE_OR_ROLE | ORG_DESCRIPTORS | INSTITUTION_NOUNS | _MONTHS | _WEEKDAYS


def _person_slot(
    doc: Any, a: int, b: int, lower: frozenset[str], labels: frozenset[str], known: frozenset[str]
) -> bool:
    words = list(doc[a:b])
    if words[0].lower_ in _NOT_NAME_WORDS or any(t.lower_ in _NOT_NAME_WORDS - _MONTHS for t in words):
        return False  # "High Commissioner", "Labour Party"
    if any(len(t.text) < 2 or not any(c.islower() for c in t.text) for t in words):
        return False  # initials and acronyms: "Act No", "BBC News"
    if doc[a:b].text.lower() in INSTITUTION_BUILDINGS or _label_key(doc[a:b].text) in labels:
        return False
    # The given name must not be a common word; a surname may be ("May", "Brown").
    if words[0].lower_ in lower or any(_label_key(t.text) in labels for t in words):
        return False
    if a > 0 and doc[a - 1].pos_ == "PROPN":
        return False  # part of a longer run of names ("the Bank of England Governor ...")
    if _role_appositive(doc, b):
        # The appositive's own words, up to its first preposition or mark: "shadow
        # secretary" in "X, shadow secretary for the family,".
        return True
    last = doc[b - 1]
    if _speaks(last):
        # Organisations speak too ("Age Concern said"): only with a surname the
        # article gives a person elsewhere ("Mrs May").
        return last.text in known
    return False


def _collect_mentions(article: Article) -> list[_Mention]:
    out: list[_Mention] = []
    place_words = _place_words(article)
    labels = _labels(article)
    lower = _lowercase_words(article)
    person_words = _person_words(article)
    surnames = frozenset(
        e[-1].text for doc in article.docs for e in doc.ents if e.label_ == "PERSON" and len(e) > 1
    )
    for bi, (block, doc) in enumerate(zip(article.document.blocks, article.docs, strict=True)):
        if block.kind == "heading":
            continue
        found: dict[int, _Mention] = {}
        for ent in doc.ents:
            if ent.label_ == "PERSON":
                m = _mention(doc, bi, ent.start, _person_end(ent), 0, labels)
                if m is not None:
                    found[ent.start] = m
        for a, b in _titled_runs(doc):
            end = _name_runs_on(doc, a, b)
            m = _titled_mention(doc, bi, a, end, 0, place_words)
            if m is not None:
                if end != b:
                    found.pop(b, None)  # "Cohen" alone, now inside "Sacha Baron Cohen"
                found[a] = m
        for a, b in nicknamed_names(doc):
            m = _mention(doc, bi, a, b, 0, labels)
            if m is not None:
                for k in [k for k in found if a <= k < b]:
                    del found[k]  # "Marcia" alone, or the name cut at its nickname
                found[a] = m
        for ent in doc.ents:
            if ent.start not in found and _mislabelled_name(ent, lower, labels):
                m = _mention(doc, bi, ent.start, ent.end, 0, labels)
                if m is not None:
                    found[ent.start] = m
            named = _org_tagged_person(ent, lower, place_words)
            if named is not None and named[0] not in found:
                m = _mention(doc, bi, named[0], named[1], 0, labels)
                if m is not None:
                    found[named[0]] = m
            span = _month_surname(ent, lower)
            if span is not None and span[0] not in found:
                m = _mention(doc, bi, span[0], span[1], 0, labels)
                if m is not None:
                    found[span[0]] = m
        for a, b in [*_untagged_names(doc, lower, labels, person_words), *_honorific_names(doc, surnames)]:
            if a not in found:
                m = _mention(doc, bi, a, b, 0, labels)
                if m is not None:
                    found[a] = m
        for k in sorted(found):
            m = found[k]
            m.order = len(out)
            out.append(m)
        if block.kind == "post" and block.author:
            name, _ = clean_name(block.author)
            if name:
                out.append(_Mention(name, bi, 0, len(block.text), len(out), handle=block.handle))
    return out


# --- people ----------------------------------------------------------------------------------


def _is_subsequence(short: list[str], long: list[str]) -> bool:
    it = iter(long)
    return all(w in it for w in short)


def _parent(name: str, canon: list[str]) -> str | None:
    """The one longer name a multi-word name is a short form of ("Bruno Parrilla")."""
    words = _words(name)
    fits = [
        c
        for c in canon
        if len(fold(c).split()) > len(fold(name).split())
        and _is_subsequence(words, _words(c))
        and _words(c)[-1] == words[-1]
        and (_words(c)[0] == words[0] or _words(c)[-len(words) :] == words)
    ]
    return fits[0] if len(fits) == 1 else None


def _epithets(
    forms: Counter[str], labels: frozenset[str], lower: frozenset[str], text: str
) -> dict[str, str]:
    """Forms that are another form of two words or more with an extra word or two in front.

    "Crooked Hillary Clinton" beside "Hillary Clinton": the front word is a
    nickname or label, not a first name, when the article uses it in lower case,
    as the name of a group, place or thing, or in front of another form of the
    name ("Crooked Hillary"), where a first name could not stand. The shorter
    name stays the person's name. ("Osama bin Laden" beside "bin Laden" keeps
    its first name.)
    """
    out: dict[str, str] = {}
    for name in forms:
        words = name.split()
        for k in (1, 2):
            rest = words[k:]
            if len(rest) < 2 or " ".join(rest) not in forms or fold(rest[0]) in NAME_PARTICLES:
                continue  # "Hamza bin Laden" beside "bin Laden": a surname, not a name
            lead = " ".join(words[:k])
            elsewhere = rf"(?<!\w){re.escape(lead)}\s+{re.escape(rest[0])}(?!\s+{re.escape(rest[1])})(?!\w)"
            if (
                _label_key(lead) in labels
                or all(w.lower() in lower for w in words[:k])
                or re.search(elsewhere, text) is not None
            ):
                out[name] = " ".join(rest)
                break
    return out


def _canonical_names(
    mentions: list[_Mention],
    labels: frozenset[str] = frozenset(),
    lower: frozenset[str] = frozenset(),
    text: str = "",
) -> dict[str, str]:
    """Multi-word forms -> the fullest name they belong to (without a leading epithet)."""
    forms = Counter(m.name for m in mentions if len(m.name.split()) > 1)
    first = {m.name: m.order for m in reversed(mentions)}
    epithets = _epithets(forms, labels, lower, text)
    for name in epithets:
        del forms[name]
    # Same name but for accents or case: the most used spelling wins.
    spelled: dict[str, str] = {}
    for n in sorted(forms, key=lambda n: (-forms[n], first[n])):
        spelled.setdefault(fold(n), n)
    canon: list[str] = []
    out: dict[str, str] = {}
    for n in sorted(forms, key=lambda n: (-len(n.split()), first[n])):
        best = spelled[fold(n)]
        parent = _parent(best, canon)
        target = out.get(parent, parent) if parent else best
        if target == best and best not in canon:
            canon.append(best)
        out[n] = target
    for name, rest in epithets.items():
        while rest in epithets and epithets[rest] != name:
            rest = epithets[rest]
        out[name] = out.get(rest, rest)
    return out


def _resolve_single(m: _Mention, cands: list[str], placed: list[_Mention]) -> str:
    """A surname shared by several people ("Mukherjee" after "his son Abhijit Mukherjee").

    The last of them named as a subject before this mention, else the one the
    article introduced first: news keeps its main actor in subject position.
    """
    if m.sex:
        # "Mr Clinton" is not the Clinton already called "Mrs Clinton".
        other = {p.person for p in placed if p.person in cands and p.sex and p.sex != m.sex}
        cands = [c for c in cands if c not in other] or cands
    subjects = [p.person for p in placed if p.order < m.order and p.person in cands and p.subject]
    if subjects and subjects[-1] is not None:
        return subjects[-1]
    named = [p.person for p in placed if p.person in cands and len(p.name.split()) > 1]
    return named[0] if named and named[0] is not None else cands[0]


def _resolve(
    mentions: list[_Mention],
    labels: frozenset[str] = frozenset(),
    lower: frozenset[str] = frozenset(),
    text: str = "",
) -> dict[str, tuple[str, ...]]:
    """Set every mention's canonical person; returns the shared single-word forms."""
    canon_of = _canonical_names(mentions, labels, lower, text)
    full = sorted(set(canon_of.values()))
    by_surname: dict[str, list[str]] = defaultdict(list)
    by_first: dict[str, list[str]] = defaultdict(list)
    # "Vázquez" for "Wanda Vázquez Garced": a middle word of a longer name, the last resort.
    by_middle: dict[str, list[str]] = defaultdict(list)
    for c in full:
        for s in _surnames(c):
            by_surname[s].append(c)
        by_first[fold(c).split()[0]].append(c)
        for w in _words(c)[1:-1]:
            if w not in NAME_PARTICLES and len(w) > 2:
                by_middle[w].append(c)
    for m in mentions:
        m.person = canon_of.get(m.name)
    ambiguous: dict[str, tuple[str, ...]] = {}
    singles: dict[str, str] = {}
    for m in mentions:
        if m.person is not None:
            continue
        key = fold(m.name)
        cands = by_surname.get(key) or by_first.get(key) or by_middle.get(key) or []
        if len(cands) > 1:
            ambiguous[key] = tuple(cands)
            m.person = _resolve_single(m, cands, mentions)
            m.guessed = True
        elif cands:
            m.person = _own_surname(m, cands[0], mentions) or cands[0]
        else:
            m.person = singles.setdefault(key, m.name)
    return ambiguous


def _own_surname(m: _Mention, full: str, mentions: list[_Mention]) -> str | None:
    """A surname that already meant someone else before a full name with it appeared.

    "President Obama ... his wife, Michelle Obama, ... Mr. Obama": the titled
    surname came first, so it names its own person, and keeps doing so, except
    where an honorific of the other sex points at the full name ("Mrs. Obama").
    """
    key = fold(m.name)
    first = min((x for x in mentions if x.person == full and len(x.name.split()) > 1), key=lambda x: x.order)
    early = [x for x in mentions if fold(x.name) == key and x.order < first.order]
    # Only a surname established with a title or honorific in an earlier paragraph,
    # and only with a sign of two people: the full name introduced as a relative
    # ("his wife, Michelle Obama") or the surname with honorifics of both sexes.
    if not any((x.roles or x.sex) and x.block < first.block for x in early):
        return None
    first_full = first.order
    sexes = {x.sex for x in early if x.sex}
    later = {x.sex for x in mentions if fold(x.name) == key and x.order > first_full and x.sex}
    if not first.kin and not (sexes and later - sexes):
        return None
    if m.order > first_full and m.sex and sexes and m.sex not in sexes:
        return full
    return early[0].name


def _real_people(mentions: list[_Mention], others: _OtherNames) -> set[str]:
    """The names that are people's: some mention shows a person, not a thing named after one.

    A full name needs one mention that is not a modifier ("the EastMed project").
    A lone word needs more: a title, an honorific or a role, or else being the
    subject of a speech verb ("Lucy wrote"), while not being part of an
    organisation's or place's name in the article ("Labour Party") nor tagged
    as one as often ("Labour" as ORG).
    """
    by_person: dict[str, list[_Mention]] = defaultdict(list)
    for m in mentions:
        if m.person:
            by_person[m.person].append(m)
    real = set()
    for name, ms in by_person.items():
        # "fighting in Ain Issa": a name only ever after "in" or "at" is a place's.
        plain = [m for m in ms if not m.weak and not m.medium and not m.locative]
        vouched = any(m.titled or m.handle for m in ms)
        if len(name.split()) > 1:
            ok = bool(plain) or vouched
        else:
            key = fold(name)
            other = key in others.in_names or others.single[key] >= len(ms)
            ok = vouched or (not other and any(m.speaker for m in plain))
        if ok:
            real.add(name)
    return real


@dataclass(frozen=True)
class _OtherNames:
    in_names: set[str]  # folded words of multi-word organisation and place names
    single: Counter[str]  # one-word names tagged as organisation or place, with counts


def _other_names(article: Article) -> _OtherNames:
    in_names: set[str] = set()
    single: Counter[str] = Counter()
    for block, doc in zip(article.document.blocks, article.docs, strict=True):
        if block.kind == "heading":
            continue
        for ent in doc.ents:
            if ent.label_ in {"ORG", "GPE", "LOC", "FAC", "NORP"}:
                if len(ent) > 1 and ent.label_ != "NORP":
                    in_names.update(fold(t.text) for t in ent if t.text[0].isupper())
                elif len(ent) == 1:
                    single[fold(ent.text)] += 1
    return _OtherNames(in_names, single)


def _add_role(roles: list[str], role: str) -> None:
    low = role.lower()
    if any(low == r.lower() for r in roles):
        return
    roles.append(role)


@dataclass
class _PersonAcc:
    name: str
    aliases: set[str] = field(default_factory=set)
    roles: list[str] = field(default_factory=list)
    mentions: int = 0
    first: Provenance | None = None


def _people(mentions: list[_Mention], real: set[str]) -> dict[str, _PersonAcc]:
    acc: dict[str, _PersonAcc] = {}
    for m in mentions:
        if m.person not in real or m.person is None:
            continue
        a = acc.setdefault(m.person, _PersonAcc(m.person))
        a.mentions += 1
        if m.name != a.name:
            a.aliases.add(m.name)
        if m.handle:
            a.aliases.add(m.handle)
        if a.first is None:
            a.first = Provenance(m.block, m.start, m.end)
        if m.guessed:
            # "Vice President Biden" where the article also names Hunter Biden: which
            # Biden is a guess, and a guess must not hand the title to the wrong one.
            continue
        for r in m.roles:
            _add_role(a.roles, r)
    for a in acc.values():
        # "President" says nothing "US President" does not.
        a.roles = [
            r for r in a.roles if not any(o != r and o.lower().endswith(" " + r.lower()) for o in a.roles)
        ]
    return acc


def _person_index(acc: dict[str, _PersonAcc], ambiguous: dict[str, tuple[str, ...]]) -> dict[str, str]:
    """Every form -> its person: canonical names first, then aliases, then bare surnames."""
    index: dict[str, str] = {}
    people = sorted(acc.items())
    passes: list[list[tuple[str, list[str]]]] = [
        [(c, [c]) for c, _ in people],
        [(c, sorted(a.aliases)) for c, a in people],
        [(c, sorted(_surnames(c)) if len(c.split()) > 1 else []) for c, _ in people],
    ]
    for forms in passes:
        for c, keys in forms:
            for k in keys:
                for key in (k.lower(), fold(k)):
                    if key not in ambiguous:
                        index.setdefault(key, c)
    return index


def _handle_aliases(article: Article, acc: dict[str, _PersonAcc]) -> None:
    """ "@realDonaldTrump" in a post is Donald Trump's handle: it spells his whole name."""
    spelled = {"".join(_words(c)): c for c in acc if len(c.split()) > 1}
    for block in article.document.blocks:
        if block.kind == "heading":
            continue
        for handle in sorted(set(_HANDLE.findall(block.text))):
            owners = {c for key, c in spelled.items() if key in fold(handle)}
            if len(owners) == 1:
                acc[owners.pop()].aliases.add(handle)


def _description(tok: Any) -> str | None:
    """ "The foreign secretary told MPs": a definite role description as a subject, with no name."""
    if tok.lower_ not in ROLE_HEADS or tok.dep_ not in {"nsubj", "nsubjpass"} or tok.ent_type_:
        return None
    left = [c for c in tok.lefts]
    if not left or left[0].lower_ != "the" or any(c.ent_type_ == "PERSON" for c in tok.subtree):
        return None
    if any(c.dep_ not in {"det", "amod", "compound"} for c in left):
        return None
    return str(tok.doc[left[0].i + 1 : tok.i + 1].text) if left[1:] else str(tok.text)


def _described_roles(article: Article, mentions: list[_Mention], acc: dict[str, _PersonAcc]) -> None:
    """Give a role-less person the role a following definite description names.

    "..., Jack Straw said. The foreign secretary told MPs ...": a description
    opening a sentence refers back to the one person the sentence before named
    as its subject, when that person has no role yet and nobody in the article
    holds a role with the same head word.
    """
    previous: list[_Mention] = []
    for sent in article.sentences():
        here = [m for m in mentions if m.block == sent.block and sent.start <= m.start < sent.end]
        tok = next((t for t in sent.span if _description(t) is not None), None)
        people = {m.person for m in previous}
        if tok is not None and tok.left_edge.i == sent.span.start and len(people) == 1:
            subject = next((m for m in previous if m.subject), None)
            head = str(tok.lower_)
            held = any(r.lower().split()[-1] == head for a in acc.values() for r in a.roles)
            if subject is not None and subject.person and not acc[subject.person].roles and not held:
                acc[subject.person].roles.append(_description(tok) or head)
        previous = here


# --- the whole ---------------------------------------------------------------------------------


def find(article: Article) -> Entities:
    mentions = _collect_mentions(article)
    text = "\n".join(b.text for b in article.document.blocks if b.kind != "heading")
    ambiguous = _resolve(mentions, _labels(article), _lowercase_words(article), text)
    real = _real_people(mentions, _other_names(article))
    acc = _people(mentions, real)
    _described_roles(article, [m for m in mentions if m.person in acc], acc)
    _handle_aliases(article, acc)
    index = _person_index(acc, ambiguous)
    # Text a person mention covers is not read again as a place or organisation.
    taken = frozenset((m.block, c) for m in mentions if m.handle is None for c in range(m.start, m.end))
    found = places_mod.collect(article, _PersonLookup(index, ambiguous).lookup, taken)
    for name, _ in found.people:
        if name and name in acc:
            acc[name].mentions += 1
    people = tuple(
        Person(a.name, tuple(a.roles), tuple(sorted(a.aliases)), a.mentions, a.first)
        for a in sorted(acc.values(), key=lambda a: (-a.mentions, a.name))
    )
    return Entities(
        people,
        found.organizations,
        found.places,
        index,
        _entity_index(found.organizations, found.written, with_article=True),
        {k: tuple(n for n in v if n in acc) for k, v in ambiguous.items()},
        {(m.block, m.start): m.person for m in mentions if m.person in acc and m.person},
        {**_entity_index(found.places, found.written, with_article=False), **_demonyms(found)},
    )


def _entity_index(
    entities: tuple[Entity, ...], written: dict[str, str], with_article: bool
) -> dict[str, str]:
    """Every form of a name (lower-cased), including as written in the text -> canonical name."""
    index: dict[str, str] = {}
    for e in entities:
        for form in (e.name, *e.aliases):
            index.setdefault(form.lower(), e.name)
            if with_article:
                index.setdefault(form.lower().removeprefix("the "), e.name)
    names = {e.name for e in entities}
    for text, name in sorted(written.items()):
        if name in names:
            index.setdefault(text, name)
    return index


def _demonyms(found: places_mod.Found) -> dict[str, str]:
    """ "indian" -> India, only where the place's own forms do not already claim the word."""
    claimed = {f.lower() for p in found.places for f in (p.name, *p.aliases)}
    return {d: p for d, p in sorted(found.demonyms.items()) if d not in claimed}


@dataclass(frozen=True)
class _PersonLookup:
    index: dict[str, str]
    ambiguous: dict[str, tuple[str, ...]]

    def lookup(self, text: str) -> str | None:
        """A person a place- or organisation-tagged name stands for; a shared surname counts too."""
        key = fold(clean_name(text)[0])
        # A shared surname is some person's, but which one is unknown: "" keeps it
        # out of the places and organisations without crediting anyone.
        return "" if key in self.ambiguous else self.index.get(key)
