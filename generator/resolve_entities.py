"""Which page a name in an article belongs to, judged against the whole corpus.

Pure functions over records and name keys (`corpus.name_key` forms). Three questions:

- Is it the same organisation or place as another name? Country prefixes ("U.S.",
  "United States"), a "Party" suffix, a plural, and a small table of forms that share
  no words ("Tories") make one key; a short name that means a different body in each
  country ("Senate", "Labour") takes the body of the article's country, or no page.
- Which type is it? The type most articles give the name, not one article's label.
- Is it an entity at all? A single word the articles mostly write in lower case
  ("hospital", "health") is a common noun; a single letter is nothing.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

from .extract.lexicon import DEMONYMS
from .linkdata import (
    CONTEXT_FORMS,
    COUNTRY_SIGNS,
    DOCUMENT_HEADS,
    ORG_EQUIVALENTS,
    ORG_HEADS,
    PERSONAL_TITLES,
    PLACE_EQUIVALENTS,
)
from .model import Record

Kind = Literal["person", "organisation", "place"]

# Every short form some country's body goes by, for a set look-up per mention.
_CONTEXT_KEYS = frozenset(f for forms in CONTEXT_FORMS.values() for f in forms)

KINDS: tuple[Kind, ...] = ("person", "organisation", "place")

_COUNTRY_PREFIXES = (
    ("united states of america ", "us "),
    ("united states ", "us "),
    ("u s a ", "us "),
    ("u s ", "us "),
    ("united kingdom ", "uk "),
    ("u k ", "uk "),
)


def country_form(key: str) -> str:
    """ "u s senate", "united states senate" -> "us senate" (keys have no dots)."""
    padded = key + " "
    for long, short in _COUNTRY_PREFIXES:
        if padded.startswith(long):
            return (short + padded[len(long) :]).strip()
    if key in ("united states", "united states of america", "u s", "u s a"):
        return "us"
    if key in ("united kingdom", "u k"):
        return "uk"
    return key


def _table(groups: Iterable[tuple[str, ...]]) -> dict[str, str]:
    return {country_form(f): country_form(g[0]) for g in groups for f in g}


_ORG_TABLE = _table(ORG_EQUIVALENTS)
_PLACE_TABLE = _table(PLACE_EQUIVALENTS)


def country_of(keys: Iterable[str]) -> str | None:
    """The country an article is about, from the places and organisations it names
    (their keys, already in `country_form`): None when nothing or a tie says so."""
    votes: Counter[str] = Counter()
    for k in keys:
        for country, signs in COUNTRY_SIGNS.items():
            if k in signs or k.startswith(country + " "):
                votes[country] += 1
    top = votes.most_common(2)
    if not top or (len(top) == 2 and top[0][1] == top[1][1]):
        return None
    return top[0][0]


@dataclass
class Evidence:
    """What the whole corpus says about names: types and how words are written."""

    labels: dict[str, Counter[Kind]] = field(default_factory=lambda: defaultdict(Counter))
    lower: Counter[str] = field(default_factory=Counter)  # "hospital" written in lower case
    capital: Counter[str] = field(default_factory=Counter)  # "Hospital" inside a sentence
    known: dict[Kind, set[str]] = field(default_factory=lambda: defaultdict(set))

    def kind_of(self, key: str, given: Kind) -> Kind:
        """The type most articles give the name; the article's own label on a tie."""
        votes = self.labels.get(key)
        if not votes:
            return given
        best = max(votes.values())
        return given if votes[given] == best else max(KINDS, key=lambda k: (votes[k], k))

    def is_common_noun(self, key: str) -> bool:
        """One word the articles write in lower case more often than as a name inside
        a sentence: "the hospital", "public sector" (not "Labour", not "Wales")."""
        if " " in key:
            return False
        return len(key) < 2 or self.lower[key] > self.capital[key]


# A capitalised word inside a sentence: after a lower-case word or a comma, not after
# a full stop or at the start of a paragraph (where every word is capitalised).
_MID_CAPITAL = re.compile(r"(?<=[a-z,;] )([A-Z][a-z]+)\b")
_LOWER_WORD = re.compile(r"(?<![\w'’-])([a-z]+)(?![\w'’-])")


def is_plural_common_phrase(ev: Evidence, key: str) -> bool:
    """ "Police Officers": words the articles write in lower case, the last a plural.
    A personal name is not a plural of common nouns."""
    words = key.split()
    return len(words) > 1 and words[-1].endswith("s") and all(ev.lower[w] > ev.capital[w] for w in words)


def gather(
    records: Sequence[Record], mentions: Iterable[tuple[Record, Kind, str]], key_of: Mapping[str, str]
) -> Evidence:
    """`mentions`: every (record, label, name); `key_of`: name -> name key."""
    ev = Evidence()
    singles: set[str] = set()
    for _r, kind, name in mentions:
        k = key_of[name]
        ev.labels[canonical_shape(k)][kind] += 1
        if kind != "person":
            ev.known[kind].add(canonical_shape(k))
        singles.update(k.split())
    for r in records:
        for b in r.blocks:
            for w in _LOWER_WORD.findall(b.text):
                if w in singles:
                    ev.lower[w] += 1
            for w in _MID_CAPITAL.findall(b.text):
                lw = w.lower()
                if lw in singles:
                    ev.capital[lw] += 1
    return ev


@lru_cache(maxsize=65536)  # pure, and asked several times for every mention
def canonical_shape(key: str) -> str:
    """The key after the rules that need no corpus: country prefix and the table."""
    k = country_form(key)
    return _ORG_TABLE.get(k, _PLACE_TABLE.get(k, k))


def canonical(key: str, kind: Kind, country: str | None, ev: Evidence) -> str | None:
    """The key of the organisation or place page a name belongs to; None: no page.

    A plural or a bare party name joins the corpus's "X Party" ("Liberals",
    "Liberal" -> "Liberal Party"); a country-bound short form ("Senate") joins the
    article's country's body, and gets no page where the article's country is unknown
    or has no such body in the table.
    """
    k = canonical_shape(key)
    if is_context_form(k):
        return _in_country(k, country)
    known = ev.known[kind]
    # A plural of one word only: "Senates", "Liberals"; "Court of Appeals" (US) is not
    # the "Court of Appeal" (England).
    one_word = " " not in k
    stem = k[:-1] if one_word and k.endswith("s") and not k.endswith("ss") and len(k) > 4 else None
    for cand in (f"{k} party", f"{stem} party" if stem else None, stem):
        if cand and cand != k and cand in known:
            k = canonical_shape(cand)
            break
    if is_context_form(k):
        return _in_country(k, country)
    if country and " " in k and k in known and f"{country} {k}" in known:
        return f"{country} {k}"  # "Home Office" in a UK story: "UK Home Office"
    return k


def _in_country(form: str, country: str | None) -> str | None:
    forms = CONTEXT_FORMS.get(country or "", {})
    return canonical_shape(forms[form]) if form in forms else None


def is_context_form(key: str) -> bool:
    """A short name only the article's country can resolve ("Senate", "Labour")."""
    return key in _CONTEXT_KEYS


# How a people is named from its place: "Kashmir" -> "Kashmiri", "Russia" -> "Russian".
_DEMONYM_ENDINGS = ("n", "an", "ian", "i", "ese", "ish")


def is_demonym(key: str, places: Collection[str]) -> bool:
    """A one-word name that is a people's, not a body's or a place's: "Welsh",
    "Kashmiri", "Kashmiris" (a place of the corpus and a demonym's ending). A name the
    corpus itself gives as a place is one ("Iran" is not a people of Iraq)."""
    if " " in key:
        return False
    singular = key[:-1] if key.endswith("s") and len(key) > 4 else key
    if singular in DEMONYMS:
        return True
    if singular in places:
        return False
    for place in places:
        if len(place) < 4 or " " in place or not singular.startswith(place[:-1]):
            continue
        if any(singular in (place + e, place[:-1] + e) for e in _DEMONYM_ENDINGS):
            return True
    return False


def is_document(key: str) -> bool:
    """ "Alabama Human Life Protection Act": a law or a treaty, not an organisation."""
    words = key.split()
    return len(words) > 1 and words[-1] in DOCUMENT_HEADS


def is_organisation(key: str) -> bool:
    """Keys that are organisations whatever one article's label says: the table's
    bodies and names ending in an organisation's head noun ("Brexit Party")."""
    words = key.split()
    return key in _ORG_TABLE or is_context_form(key) or (len(words) > 1 and words[-1] in ORG_HEADS)


def owner_stripped(name: str) -> str | None:
    """ "Trump's State Department" -> "State Department": an owner is no part of a body."""
    m = re.match(r"^[A-Z][\w.-]*(?: [A-Z][\w.-]*)?['’]s (.+)$", name)
    return m.group(1) if m else None


def middle_initials_dropped(key: str) -> str:
    """ "george w bush" -> "george bush" (the key has no dots)."""
    words = key.split()
    if len(words) < 3:
        return key
    return " ".join([words[0], *(w for w in words[1:-1] if len(w) > 1), words[-1]])


def person_variants(full_keys: Mapping[str, int]) -> dict[str, str]:
    """Full names that are one person's: "George Bush" and "George W. Bush", "Tayyip
    Erdogan" and "Recep Tayyip Erdogan". A shorter form joins a longer one only when
    exactly one longer name in the corpus contains it, words in order, same surname.
    `full_keys`: key -> number of articles. Returns key -> the key it joins."""
    out: dict[str, str] = {}
    by_last: dict[str, list[str]] = defaultdict(list)
    for k in full_keys:
        by_last[k.split()[-1]].append(k)
    for k in sorted(full_keys):
        words = middle_initials_dropped(k).split()
        longer = []
        for other in by_last[k.split()[-1]]:
            if other == k:
                continue
            ow = middle_initials_dropped(other).split()
            if ow == words:
                # Only the initials differ: one person; the form with initials is fuller.
                if len(other) > len(k):
                    longer.append(other)
            elif len(ow) > len(words) and _in_order(words, ow):
                longer.append(other)
        if len(longer) == 1:
            out[k] = longer[0]
    # No chains: "a" -> "b" -> "c" becomes "a" -> "c".
    for k in list(out):
        seen = {k}
        while out[k] in out and out[k] not in seen:
            seen.add(out[k])
            out[k] = out[out[k]]
    return out


def _in_order(short: Sequence[str], long: Sequence[str]) -> bool:
    it = iter(long)
    return all(w in it for w in short)


def _form_pattern(form: str) -> str:
    """A table form as it stands in text: capitalised words ("Lib Dems", "LIB DEMS"),
    a short form in capitals or with one capital ("NATO", "Nato"; never "nato")."""
    if " " not in form and len(form) <= 4:
        return f"(?:{re.escape(form.upper())}|{re.escape(form.capitalize())})"
    return r"\s+".join(f"{re.escape(w[0].upper())}(?i:{re.escape(w[1:])})" for w in form.split())


def _recoverable() -> list[tuple[str, re.Pattern[str]]]:
    """Organisations of the table to look for in a story's text; the US bodies are left
    out ("Democrats" is a part of many other countries' party names)."""
    out = []
    for group in ORG_EQUIVALENTS:
        target = canonical_shape(group[0])
        if target.startswith("us "):
            continue
        for form in sorted(group, key=len, reverse=True):
            out.append((target, re.compile(rf"(?<![\w-]){_form_pattern(form)}(?![\w-])")))
    # Longest forms first, so "Liberal Democrats" is found before any shorter form.
    return sorted(out, key=lambda tp: -len(tp[1].pattern))


_RECOVERABLE = _recoverable()


@lru_cache(maxsize=4096)
def named_in_text(text: str) -> Mapping[str, str]:
    """Organisations of the table the text names, by the words it uses: key -> surface
    form ("liberal democrats" -> "Lib Dems"). Each stretch of text counts once.

    Memoised: a long-running `serve` links the corpus again after every save, and
    this scan of every story's text was a quarter of that (hence a read-only Mapping)."""
    taken: list[tuple[int, int]] = []
    out: dict[str, str] = {}
    for target, pat in _RECOVERABLE:
        for m in pat.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            taken.append(m.span())
            out.setdefault(target, m.group(0))
    return out


# ---------------------------------------------------------------- fragments

# A capitalised word as it stands in a name ("Fort", "D.C.", "Kilroy-Silk").
_CAP = r"[A-Z][\w.’'-]*"
# After a name: "of"/"for" and a capitalised word carry the name on ("Progressive Party
# of Working People", "Tunisian League for the Defence ..."); "of the" does not ("the
# South Lawn of the White House" is a place of its own).
_CARRIED_ON = re.compile(rf" (?:of {_CAP}|for (?:the )?{_CAP})")
_NEXT_CAPITALS = re.compile(rf"(?: {_CAP})+")
# A capitalised word right before a name, not a possessive ("Spain's Aguas de
# Barcelona" names the company in full) and not a capitalised article ("The Hill").
_PREV_CAPITAL = re.compile(rf"(?<![\w.’'-])({_CAP}) $")
_SENTENCE_END = re.compile(r"(?:^|[.!?:;\"“”(\[]\s*)$")


_AND_CAPITAL = re.compile(rf" and {_CAP}")
_CAPITAL_AND = re.compile(rf"(?<![\w.’'-])({_CAP}) and $")


def _joined_by_and(text: str, start: int, end: int) -> bool:
    """ "Police Federation of England and Wales", "House Oversight and Reform
    Committee": an "and" inside a name. Only where the name shows it is one: its "of"
    goes on past the "and", or a body's head noun ends it; "Mozambique and Kenya" is a
    list, not a name."""
    name = text[start:end]
    if " of " in name and _AND_CAPITAL.match(text, end):
        return True
    words = name.lower().split()
    if len(words) > 1 and words[-1] in ORG_HEADS and (m := _CAPITAL_AND.search(text, 0, start)):
        return _SENTENCE_END.search(text, 0, m.start(1)) is None
    return False


def is_standalone(text: str, start: int, end: int, person_words: frozenset[str]) -> bool:
    """Whether the name at text[start:end] stands as a name of its own, not as a piece
    of a longer one the tagger cut ("Black Lives" of Black Lives Matter, "Delta" of
    American Delta Party, "Eastern District" of the Eastern District of Virginia).

    A run of capitals after the name that reaches a person the article names is a role
    in front of that person ("Medical Research Council Professor Nancy Rothwell"), and a
    capital that starts a sentence is the sentence's, so neither makes a fragment.
    `person_words`: the lower-case words of the people the article names."""
    after = text[end:]
    if _CARRIED_ON.match(after) or _joined_by_and(text, start, end):
        return False
    run = _NEXT_CAPITALS.match(after)
    if run:
        words = [w.lower().strip(".’'") for w in run.group(0).split()]
        if not any(w in person_words for w in words):
            return False
    prev = _PREV_CAPITAL.search(text, 0, start)
    if prev:
        word = prev.group(1)
        if word.rstrip(".").lower() in PERSONAL_TITLES:
            return False  # "Mr Katwala": a person's name, even at a sentence's start
        starts_sentence = _SENTENCE_END.search(text, 0, prev.start()) is not None
        # "Trust. Clarence House": a word with a full stop ends the sentence before.
        starts_sentence = starts_sentence or word.endswith(".")
        possessive = word.endswith(("'s", "’s", "'", "’"))
        compound = re.search(r"-[a-z]", word) is not None  # "Virginia-based Symplicity"
        article = word in ("The", "A", "An")
        if not (starts_sentence or possessive or compound or article or word.lower() in person_words):
            return False
    return True


def stands_alone_in(texts: Iterable[str], name: str, person_words: frozenset[str]) -> bool | None:
    """True when some occurrence of the name stands alone, False when every one is a
    piece of a longer name, None when the texts never spell it (nothing to judge)."""
    pattern = re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])")
    seen = False
    for text in texts:
        for m in pattern.finditer(text):
            if is_standalone(text, m.start(), m.end(), person_words):
                return True
            seen = True
    return False if seen else None
