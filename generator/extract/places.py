"""Organisations and places of one article, one entry each, with the forms it used.

"US", "the United States" and "U.S." are one place; "IMF" and "International
Monetary Fund" one organisation. A person's name the small model tags as a
place or organisation ("Modi" as GPE) is handed back as a person mention. A
demonym ("Indian goods") counts as a mention of its country when the article
names the country.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..model import Entity, Provenance
from ..textnorm import abbreviates
from .article import Article
from .lexicon import (
    COUNTRY_ALIASES,
    DEMONYMS,
    HONORIFICS,
    INSTITUTION_BUILDINGS,
    INSTITUTION_NOUNS,
    ORG_DESCRIPTORS,
    ROLE_HEADS,
    TIME_ZONES,
)

PersonLookup = Callable[[str], "str | None"]
_STRIP = " ,;:-–—\"“”'‘’()[]"
# A trailing full stop is kept only where it ends an abbreviation ("U.S.").
_ABBREVIATION = re.compile(r"(?:\b[A-Z]\.){2,}$")
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
# Words an acronym skips: "Group of Eight" -> G.., "Bank for International Settlements" -> BIS.
_MINOR = {"of", "the", "and", "for", "on", "in", "&", "de", "du", "des", "la", "le"}


@dataclass
class _Acc:
    names: Counter[str] = field(default_factory=Counter)  # spellings of the canonical name
    votes: Counter[str] = field(default_factory=Counter)
    forms: Counter[str] = field(default_factory=Counter)
    first: Provenance | None = None
    count: int = 0
    raw: set[str] = field(default_factory=set)  # entity texts as written, lower-cased


def _surface(ent: Any) -> str:
    """The entity's text without possessive, quotes, a leading article or a glued acronym."""
    text = re.sub(r"\s+", " ", ent.text)
    text = _POSSESSIVE.sub("", text.strip()).strip(_STRIP)
    text = text.split(" (", 1)[0].strip(_STRIP)
    # "the federal Securities and Exchange Commission": lower-case words before a name are description.
    text = re.sub(r"^(?:[a-z][\w-]*\s+)+(?=[A-Z])", "", text)
    # "Mr Brown's International Finance Facility": the owner is not part of the name.
    text = re.sub(r"^(?:[A-Z][\w.]*\s+){1,3}[A-Z]\w*['’]s\s+(?=[A-Z])", "", text)
    if text.endswith(".") and not _ABBREVIATION.search(text):
        text = text.rstrip(".")
    # "The Hague" keeps its article mid-sentence; a sentence-initial "The" is just capitalised.
    if text.startswith("The ") and ent.start == ent.sent.start:
        text = text[4:]
    return text


def _acronym_after(ent: Any) -> str | None:
    """ "Group of Eight (G8)": the acronym in brackets right after a name."""
    doc = ent.doc
    if ent.end + 2 < len(doc) and doc[ent.end].text == "(" and doc[ent.end + 2].text == ")":
        cand = str(doc[ent.end + 1].text)
        if 2 <= len(cand) <= 8 and cand[0].isupper() and cand.upper() == cand:
            return cand
    m = re.search(r"\(([A-Z][A-Z0-9]{1,7})\)?$", ent.text)
    return m.group(1) if m else None


def _key(name: str) -> str:
    s = unicodedata.normalize("NFKD", name)
    return "".join(c for c in s if not unicodedata.combining(c)).lower()


def _name(acc: _Acc) -> str:
    """The most used spelling; on a tie mixed case ("Washington" over a dateline's
    "WASHINGTON"), then the first written."""
    return max(acc.names.items(), key=lambda kv: (kv[1], not kv[0].isupper()))[0]


def _without_country(key: str) -> str:
    """ "us supreme court" -> "supreme court"; other names unchanged."""
    for prefix in sorted(COUNTRY_ALIASES, key=len, reverse=True):
        if key.startswith(prefix + " "):
            return key[len(prefix) + 1 :]
    return key


def _shortens(short: str, long: str) -> bool:
    if _without_country(long) == short or abbreviates(short, long):
        return True
    return short in INSTITUTION_NOUNS and long.endswith(" " + short)


def _initials(name: str) -> str:
    return "".join(w[0] for w in re.split(r"[\s-]+", name) if w and w.lower() not in _MINOR).upper()


def _raw(ent: Any) -> str:
    """The entity's text as written, lower-cased, for look-ups ("federal reserve board")."""
    text = _POSSESSIVE.sub("", re.sub(r"\s+", " ", ent.text).strip()).strip(_STRIP).lower()
    return text.removeprefix("the ")


def _is_dateline(ent: Any) -> bool:
    """ "WASHINGTON — ...": a capitalised word opening a paragraph before a dash is a place."""
    doc = ent.doc
    return bool(
        ent.start == 0
        and ent.text.isupper()
        and ent.end < len(doc)
        and doc[ent.end].text in {"—", "–", "-", "--"}
    )


def _is_role_complement(ent: Any) -> bool:
    """ "Secretary of State", "Minister of Finance": the word after "of" is part of a title."""
    doc = ent.doc
    return (
        ent.end - ent.start == 1
        and ent.start >= 2
        and doc[ent.start - 1].lower_ == "of"
        and doc[ent.start - 2].lower_ in ROLE_HEADS
    )


def _place_key(text: str) -> str:
    return COUNTRY_ALIASES.get(text.lower(), text)


def _org_vote(text: str) -> bool:
    """Digits or an acronym make a name an organisation even when tagged a place ("G7")."""
    return any(c.isdigit() for c in text) or (
        text.isupper() and len(text) <= 6 and text.lower() not in COUNTRY_ALIASES
    )


@dataclass
class _Collector:
    person_of: PersonLookup
    # (block, character) positions already read as person mentions.
    taken: frozenset[tuple[int, int]] = frozenset()
    accs: dict[str, _Acc] = field(default_factory=dict)
    acronyms: dict[str, str] = field(default_factory=dict)
    demonyms: list[tuple[str, Provenance]] = field(default_factory=list)
    extra_people: list[tuple[str, tuple[int, int, int]]] = field(default_factory=list)
    # Every entity text as written (lower-cased) -> its canonical name.
    written: dict[str, str] = field(default_factory=dict)

    def add(self, name: str, form: str, label: str, prov: Provenance, raw: str = "") -> None:
        # "Democratic Party" and "Democratic party" are one organisation.
        acc = self.accs.setdefault(_key(name), _Acc())
        acc.names[name] += 1
        if raw:
            acc.raw.add(raw)
        acc.votes[label] += 1
        acc.forms[form] += 1
        acc.count += 1
        if acc.first is None:
            acc.first = prov

    def entity(self, ent: Any, bi: int) -> None:
        label = ent.label_
        text = _surface(ent)
        if not text or "\n" in text or len(text) > 80 or not text[0].isupper():
            return
        if "/" in text or (", " in text and label == "ORG"):
            return  # "Hawkins/Walker", "Alliance, Reform": a ticket or a list, not one name
        prov = Provenance(bi, ent.start_char, ent.end_char)
        if any((bi, c) in self.taken for c in range(ent.start_char, ent.end_char)):
            return
        if label not in {"NORP", "PERSON"} and (person := self.person_of(text)) is not None:
            self.extra_people.append((person, (bi, ent.start_char, ent.end_char)))
            return
        if label not in {"NORP", "PERSON"}:
            text = self._without_person(text, bi, ent)
            if not text:
                return
        words = text.lower().split()
        if (
            words[0].rstrip(".") in HONORIFICS
            or words[-1].removesuffix("s") in ROLE_HEADS
            or (len(words) == 1 and words[0] in TIME_ZONES)
        ):
            # "Mr Farage" is a person, "MEPs" and "Labour MP" kinds of person, "UTC" a
            # time zone: none is an organisation.
            return
        if label == "NORP":
            self.demonyms.append((text, prov))
        elif label == "PERSON":
            # "daily Kathimerini": a person-tagged name a kind of organisation introduces.
            before = ent.doc[ent.start - 1] if ent.start > 0 else None
            if before is not None and before.lower_ in ORG_DESCRIPTORS and before.text.islower():
                self.add(text, text, "ORG", prov)
        elif label == "FAC":
            if text.lower() in INSTITUTION_BUILDINGS:
                self.add(text, _form(ent, text), "ORG", prov)
        elif label == "ORG" and not _is_dateline(ent):
            if _is_role_complement(ent) or (ent.start > 0 and ent.doc[ent.start - 1].ent_type_ == "TIME"):
                return
            self.add(text, _form(ent, text), "ORG", prov, _raw(ent))
            if acro := _acronym_after(ent):
                self.acronyms[acro] = text
        elif label in {"GPE", "LOC"} or _is_dateline(ent):
            key = _place_key(text)
            self.add(key, _form(ent, text), "PLACE", prov, _raw(ent))

    def _without_person(self, text: str, bi: int, ent: Any) -> str:
        """ "Hong Kong Carrie Lam": a known person's name at the end of a place or organisation."""
        words = text.split()
        for n in (3, 2):
            if len(words) > n and (person := self.person_of(" ".join(words[-n:]))):
                self.extra_people.append((person, (bi, ent.start_char, ent.end_char)))
                return " ".join(words[:-n])
        return text

    def results(self) -> tuple[list[Entity], list[Entity], dict[str, str]]:
        self._merge_acronyms()
        self._merge_short_forms()
        self.written = {r: _name(acc) for acc in self.accs.values() for r in sorted(acc.raw)}
        orgs: list[Entity] = []
        places: list[Entity] = []
        for acc in sorted(self.accs.values(), key=lambda a: (-a.count, _name(a))):
            key = _name(acc)
            is_place = key in COUNTRY_ALIASES.values() or (
                acc.votes["PLACE"] >= acc.votes["ORG"] and not any(_org_vote(n) for n in acc.names)
            )
            forms = tuple(sorted({*acc.forms, *acc.names} - {key}))
            entity = Entity(key, forms, acc.count, acc.first)
            (places if is_place else orgs).append(entity)
        demonym_of = self._demonyms(places)
        return orgs, places, demonym_of

    def _merge_acronyms(self) -> None:
        """An acronym the article spells out ("IMF") joins the spelled-out name."""
        long_forms = {_initials(_name(a)): k for k, a in self.accs.items() if len(k.split()) > 1}
        spelled = {_key(short): _key(long) for short, long in self.acronyms.items()}
        for short in list(self.accs):
            name = _name(self.accs[short])
            target = spelled.get(short) or long_forms.get(name.replace(".", ""))
            if not name.replace(".", "").isupper() or target is None or target == short:
                continue
            if target not in self.accs:
                continue
            self._merge(short, target, rival=True)

    def _merge(self, src_key: str, dst_key: str, rival: bool = False) -> None:
        """Fold one entry into another. A `rival` form competes for the name by use
        ("IMF" written five times over one "International Monetary Fund")."""
        src, dst = self.accs.pop(src_key), self.accs[dst_key]
        dst.names.update(src.names if rival else {n: 0 for n in src.names})
        dst.votes.update(src.votes)
        dst.forms.update(src.forms)
        dst.raw.update(src.raw)
        dst.count += src.count
        if src.first and (
            dst.first is None
            or (src.first.paragraph, src.first.start) < (dst.first.paragraph, dst.first.start)
        ):
            dst.first = src.first

    def _merge_short_forms(self) -> None:
        """ "Senate" joins "U.S. Senate", "Supreme Court" joins "US Supreme Court": a name
        that is another's without its country, or its last word, when only one fits."""
        for key in sorted(self.accs, key=lambda k: (len(k.split()), k)):
            if key not in self.accs or _name(self.accs[key]).isupper():
                continue
            fits = [other for other in self.accs if other != key and _shortens(key, other)]
            if len(fits) == 1:
                self._merge(key, fits[0])

    def _demonyms(self, places: list[Entity]) -> dict[str, str]:
        """Demonyms of places the article names -> the place ("Indian" -> India)."""
        names = {p.name.lower(): p.name for p in places}
        out: dict[str, str] = {}
        for text, _ in self.demonyms:
            place = _demonym_place(text, names)
            if place:
                out[text.lower()] = place
        return out


def _form(ent: Any, text: str) -> str:
    """The form as written, with "the" where the article put it."""
    raw = _POSSESSIVE.sub("", re.sub(r"\s+", " ", ent.text).strip()).strip(_STRIP).split(" (", 1)[0]
    return (
        raw if raw.lower().removeprefix("the ") == text.lower() and raw.lower().startswith("the ") else text
    )


def _demonym_place(text: str, names: dict[str, str]) -> str | None:
    low = text.lower()
    singular = low[:-1] if low.endswith("s") and len(low) > 4 else low
    for cand in (low, singular):
        if cand in DEMONYMS and DEMONYMS[cand].lower() in names:
            return names[DEMONYMS[cand].lower()]
    for key, name in names.items():
        # "Indian" -> India, "Russians" -> Russia, "Iranian" -> Iran.
        if (
            len(key) >= 4
            and " " not in key
            and singular.startswith(key[:-1])
            and len(singular) - len(key) <= 3
        ):
            return name
    return None


@dataclass(frozen=True)
class Found:
    organizations: tuple[Entity, ...]
    places: tuple[Entity, ...]
    # Person mentions the model tagged as organisation or place: (canonical name, (block, start, end)).
    people: list[tuple[str, tuple[int, int, int]]]
    demonyms: dict[str, str]  # "indian" -> "India"
    written: dict[str, str]  # every entity text as written, lower-cased -> canonical name


def collect(
    article: Article, person_of: PersonLookup, taken: frozenset[tuple[int, int]] = frozenset()
) -> Found:
    col = _Collector(person_of, taken)
    for bi, (block, doc) in enumerate(zip(article.document.blocks, article.docs, strict=True)):
        if block.kind == "heading":
            continue
        for ent in doc.ents:
            col.entity(ent, bi)
    orgs, places, demonym_of = col.results()
    places = _with_demonym_counts(places, col.demonyms, demonym_of)
    return Found(tuple(orgs), tuple(places), col.extra_people, demonym_of, col.written)


def _with_demonym_counts(
    places: list[Entity], demonyms: list[tuple[str, Provenance]], demonym_of: dict[str, str]
) -> list[Entity]:
    extra: Counter[str] = Counter(demonym_of[t.lower()] for t, _ in demonyms if t.lower() in demonym_of)
    if not extra:
        return places
    out = [Entity(p.name, p.aliases, p.mentions + extra[p.name], p.provenance) for p in places]
    return sorted(out, key=lambda e: (-e.mentions, e.name))
