"""People (with roles and aliases), organisations and places of one article."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from ..model import Entity, Person, Provenance
from .article import Article

# Words that head a role ("US President", "foreign minister", "Army Chief"). A
# closed class of English job titles, not a list of any article's phrases.
ROLE_HEADS = {
    "president",
    "minister",
    "secretary",
    "chancellor",
    "chief",
    "leader",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "ambassador",
    "senator",
    "governor",
    "mayor",
    "ceo",
    "chairman",
    "chairwoman",
    "chair",
    "director",
    "general",
    "commander",
    "king",
    "queen",
    "prince",
    "princess",
    "premier",
    "envoy",
    "official",
    "adviser",
    "advisor",
    "representative",
    "speaker",
    "judge",
    "justice",
    "attorney",
    "lawyer",
    "economist",
    "analyst",
    "professor",
    "correspondent",
    "editor",
    "founder",
    "head",
    "deputy",
    "mp",
    "mep",
    "candidate",
    "nominee",
    "diplomat",
    "negotiator",
    "sheikh",
    "emir",
    "pope",
    "commissioner",
    "executive",
    "officer",
    "manager",
    "inspector",
    "prosecutor",
    "administrator",
    "coordinator",
    "activist",
    "chairperson",
    "treasurer",
    "lawmaker",
    "congressman",
    "congresswoman",
    "legislator",
    "ruler",
    "monarch",
    "sultan",
    "ayatollah",
    "cardinal",
    "bishop",
    "archbishop",
    "captain",
    "colonel",
    "major",
    "lieutenant",
    "admiral",
    "marshal",
    "auditor",
    "strategist",
    "pollster",
    "researcher",
    "scientist",
    "expert",
    "director-general",
    "secretary-general",
    "vice-president",
    "president-elect",
    "prime",
    "foreign",
    "counsel",
    "reporter",
    "columnist",
    "host",
    "anchor",
    "member",
    "delegate",
    "emissary",
    "consul",
    "mediator",
    "campaigner",
    "boss",
    "owner",
    "partner",
    "trustee",
    "dean",
    "rector",
    "whip",
    "aide",
    "staffer",
}
# Honorifics that are never part of a canonical name.
HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "mx", "prof", "rev", "hon"}
# Titles that may stand glued to a name in an entity ("President Trump").
TITLE_WORDS = HONORIFICS | {
    "president",
    "prime",
    "minister",
    "senator",
    "sen",
    "rep",
    "gov",
    "governor",
    "secretary",
    "chancellor",
    "king",
    "queen",
    "prince",
    "princess",
    "general",
    "gen",
    "judge",
    "justice",
    "ambassador",
    "mayor",
    "chairman",
    "premier",
    "sheikh",
    "emir",
    "pope",
    "speaker",
    "leader",
    "chief",
    "commander",
    "colonel",
    "col",
    "captain",
    "capt",
    "lt",
    "sgt",
    "admiral",
    "adm",
    "vice",
    "deputy",
    "foreign",
    "defence",
    "defense",
    "finance",
    "home",
    "interior",
    "trade",
    "former",
    "ex",
    "then",
    "us",
    "u.s.",
    "uk",
}
COUNTRY_ALIASES = {
    "us": "United States",
    "u.s.": "United States",
    "usa": "United States",
    "u.s.a.": "United States",
    "america": "United States",
    "united states": "United States",
    "united states of america": "United States",
    "uk": "United Kingdom",
    "u.k.": "United Kingdom",
    "britain": "United Kingdom",
    "great britain": "United Kingdom",
    "united kingdom": "United Kingdom",
    "uae": "United Arab Emirates",
    "drc": "Democratic Republic of the Congo",
}
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
_HANDLE = re.compile(r"@\w+")


def strip_possessive(s: str) -> str:
    return _POSSESSIVE.sub("", s.strip())


def clean_name(text: str) -> tuple[str, list[str]]:
    """A person's name without honorifics or a glued title; returns (name, title words)."""
    s = strip_possessive(re.sub(r"\s+", " ", text)).strip(" ,.;:-–—\"“”'‘’()")
    words = s.split()
    title: list[str] = []
    while len(words) > 1 and words[0].lower().rstrip(".") in TITLE_WORDS:
        title.append(words.pop(0))
    return " ".join(words), title


@dataclass
class _PersonAcc:
    name: str
    aliases: set[str] = field(default_factory=set)
    roles: list[str] = field(default_factory=list)
    mentions: int = 0
    first: Provenance | None = None


@dataclass(frozen=True)
class Entities:
    people: tuple[Person, ...]
    organizations: tuple[Entity, ...]
    places: tuple[Entity, ...]
    # Every form of a person's name (lower-cased) -> canonical name.
    person_index: dict[str, str]
    # Every form of an organisation's name (lower-cased) -> canonical name.
    org_index: dict[str, str]

    def person(self, text: str) -> str | None:
        name, _ = clean_name(text)
        return self.person_index.get(name.lower()) or self.person_index.get(text.strip().lower())


def _valid_person(name: str, ent: Any) -> bool:
    words = name.split()
    if not words or len(words) > 5 or len(name) < 2:
        return False
    if any(ch.isdigit() for ch in name) or "\n" in name or "@" in name:
        return False
    if not all(
        w[0].isupper() or w.lower() in {"de", "van", "von", "bin", "al", "da", "del", "la", "le"}
        for w in words
    ):
        return False
    tags = [t.pos_ for t in ent]
    return "PROPN" in tags


def _role_before(ent: Any) -> str | None:
    """The title right before a name: "US President [Donald Trump]"."""
    tokens: list[Any] = []
    tok = ent.doc[ent.start - 1] if ent.start > 0 else None
    while tok is not None and tok.i >= ent.sent.start:
        if (
            tok.pos_ in {"PROPN", "NOUN", "ADJ"}
            and tok.text not in {"’s", "'s"}
            and tok.ent_type_ not in {"PERSON", "DATE"}
        ):
            tokens.insert(0, tok)
            tok = tok.doc[tok.i - 1] if tok.i > 0 else None
            continue
        if tok.text in {"-"} and tokens:
            tokens.insert(0, tok)
            tok = tok.doc[tok.i - 1] if tok.i > 0 else None
            continue
        break
    while (
        tokens
        and tokens[0].pos_ == "ADJ"
        and tokens[0].text[0].islower()
        and tokens[0].lower_ not in {"foreign", "prime", "former", "deputy", "vice"}
    ):
        tokens.pop(0)
    if not tokens or not any(t.lower_ in ROLE_HEADS for t in tokens):
        return None
    # The head of a title is its last word; "chief" or "minister" must be in it.
    text = " ".join(t.text for t in tokens).replace(" - ", "-")
    return text if len(tokens) <= 6 else None


def _role_apposition(ent: Any) -> str | None:
    """ "Jack Straw, the foreign secretary," and "the foreign secretary, Jack Straw"."""
    root = ent.root
    for child in root.children:
        if child.dep_ == "appos" and child.i > root.i and child.ent_type_ not in {"PERSON", "GPE", "DATE"}:
            words = [t for t in child.subtree if t.i > ent.end - 1 and not t.is_punct]
            while words and words[0].pos_ in {"DET", "PRON"}:
                words.pop(0)
            if words and any(t.lower_ in ROLE_HEADS for t in words) and len(words) <= 10:
                return " ".join(t.text for t in words).replace(" ’s", "’s").replace(" 's", "'s")
    if root.dep_ == "appos" and root.head.i < ent.start and root.head.lower_ in ROLE_HEADS:
        head = root.head
        words = [t for t in head.subtree if t.i < ent.start and not t.is_punct]
        while words and words[0].pos_ in {"DET"}:
            words.pop(0)
        if words and len(words) <= 8:
            return " ".join(t.text for t in words)
    return None


def _canonical_place(name: str) -> str:
    key = name.lower().removeprefix("the ").strip()
    return COUNTRY_ALIASES.get(key, name.removeprefix("the ").removeprefix("The "))


def find(article: Article) -> Entities:
    doc_blocks = article.document.blocks
    mentions: list[tuple[str, Any, int]] = []  # (clean name, ent, block)
    roles_for: dict[str, list[str]] = defaultdict(list)
    orgs: Counter[str] = Counter()
    org_forms: dict[str, set[str]] = defaultdict(set)
    org_first: dict[str, Provenance] = {}
    places: Counter[str] = Counter()
    place_forms: dict[str, set[str]] = defaultdict(set)
    place_first: dict[str, Provenance] = {}

    for bi, (block, doc) in enumerate(zip(doc_blocks, article.docs, strict=True)):
        if block.kind == "heading":
            continue
        for ent in doc.ents:
            if ent.label_ == "PERSON":
                name, title = clean_name(ent.text)
                if not _valid_person(name, ent):
                    continue
                mentions.append((name, ent, bi))
                role = _role_before(ent) or _role_apposition(ent)
                if title and not role and any(w.lower() in ROLE_HEADS for w in title):
                    role = " ".join(title)
                if role:
                    roles_for[name].append(role)
            elif ent.label_ == "ORG":
                text = strip_possessive(ent.text).strip()
                if not text or "\n" in text or len(text) > 80:
                    continue
                key = re.sub(r"^the\s+", "", text, flags=re.I)
                orgs[key] += 1
                org_forms[key].add(text)
                org_first.setdefault(key, Provenance(bi, ent.start_char, ent.end_char))
            elif ent.label_ in {"GPE", "LOC"} or (
                ent.label_ == "FAC" and ent.text.lower().startswith("the white house")
            ):
                text = strip_possessive(ent.text).strip()
                if not text or "\n" in text or len(text) > 60:
                    continue
                if ent.label_ == "FAC":
                    key = re.sub(r"^the\s+", "", text, flags=re.I)
                    orgs[key] += 1
                    org_forms[key].add(text)
                    org_first.setdefault(key, Provenance(bi, ent.start_char, ent.end_char))
                    continue
                canon = _canonical_place(text)
                places[canon] += 1
                place_forms[canon].add(text)
                place_first.setdefault(canon, Provenance(bi, ent.start_char, ent.end_char))

    # Post authors are people too, with their handle as an alias.
    for bi, block in enumerate(doc_blocks):
        if block.kind == "post" and block.author:
            name, _ = clean_name(block.author)
            if name:
                mentions.append((name, None, bi))

    # Group: multi-word names are canonical; a single word joins the full name
    # it is the surname (or first name) of, preferring the most mentioned.
    full = Counter(n for n, _, _ in mentions if len(n.split()) > 1)
    canon_of: dict[str, str] = {}
    for n in sorted(full, key=lambda x: (-len(x.split()), x)):
        longer = [f for f in full if f != n and len(f.split()) > len(n.split()) and f.endswith(" " + n)]
        canon_of[n] = longer[0] if longer else n
    for n, _, _ in mentions:
        if n in canon_of:
            continue
        cands = [f for f in full if f.split()[-1] == n or f.split()[0] == n]
        if cands:
            cands.sort(key=lambda f: (-(f.split()[-1] == n), -full[f], f))
            canon_of[n] = canon_of.get(cands[0], cands[0])
        else:
            canon_of[n] = n

    acc: dict[str, _PersonAcc] = {}
    for n, ent, bi in mentions:
        c = canon_of[n]
        a = acc.setdefault(c, _PersonAcc(c))
        a.mentions += 1
        if n != c:
            a.aliases.add(n)
        if ent is not None and a.first is None:
            a.first = Provenance(bi, ent.start_char, ent.end_char)
        for r in roles_for.get(n, []):
            if r not in a.roles:
                a.roles.append(r)
    for bi, block in enumerate(doc_blocks):
        if block.kind == "post" and block.author and block.handle:
            owner = canon_of.get(clean_name(block.author)[0])
            if owner is not None and owner in acc:
                acc[owner].aliases.add(block.handle)
                if acc[owner].first is None:
                    acc[owner].first = Provenance(bi, 0, len(block.text))

    index: dict[str, str] = {}
    for c, a in acc.items():
        index[c.lower()] = c
        for al in a.aliases:
            index.setdefault(al.lower(), c)
        parts = c.split()
        if len(parts) > 1:
            index.setdefault(parts[-1].lower(), c)

    # A person's surname tagged as a place or organisation elsewhere ("Modi" as
    # GPE) is still the person: drop it from the other lists.
    people_words = set(index)
    org_index: dict[str, str] = {}
    org_list = []
    for key, count in sorted(orgs.items(), key=lambda kv: (-kv[1], kv[0])):
        if key.lower() in people_words:
            continue
        forms = tuple(sorted(f for f in org_forms[key] if f != key))
        org_list.append(Entity(key, forms, count, org_first.get(key)))
        org_index[key.lower()] = key
        for f in forms:
            org_index[f.lower()] = key
    place_list = []
    for key, count in sorted(places.items(), key=lambda kv: (-kv[1], kv[0])):
        if key.lower() in people_words:
            continue
        forms = tuple(sorted(f for f in place_forms[key] if f != key))
        place_list.append(Entity(key, forms, count, place_first.get(key)))

    people = tuple(
        Person(a.name, tuple(a.roles), tuple(sorted(a.aliases)), a.mentions, a.first)
        for a in sorted(acc.values(), key=lambda a: (-a.mentions, a.name))
    )
    return Entities(people, tuple(org_list), tuple(place_list), index, org_index)
