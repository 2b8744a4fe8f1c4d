"""A person's roles across articles: variants merged into one role, each dated.

Articles write one office many ways: "President of the United States", "U.S.
President", "US president", "Pres.", "the President". Shown as given, one person
gets nine roles. Here each role is reduced to a key, an office and what it is held
in ("president" of "united-states"), and spellings with one key are one role:

- case, dots, hyphens and "the" do not count; abbreviations are the words they
  stand for ("Gen" is "General");
- "US", "U.S.", "United States" and "America" are one country, and a people's
  adjective before an office is its country ("French foreign minister");
- word order does not count: "Foreign Minister of X", "X's foreign minister" and
  "X foreign minister" are one role;
- a bare office ("President") is the one qualified form of the same office the
  person holds ("President of the United States"), when there is only one;
- a lone abbreviated title ("Gen") beside fuller roles is a fragment of them, not
  a role of its own.

Each role is dated by the publication dates of the articles that give it; a page
shows "as of" the newest of them, so a role from 2016 is never shown as current
in 2020. Pure functions over `corpus.RoleSpan`s; word lists in `across_lexicon`.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from .across_lexicon import (
    COUNTRY_SHORT_FORMS,
    COUNTRY_SPELLINGS,
    DEMONYMS,
    ROLE_ABBREVIATIONS,
    ROLE_BODIES,
    ROLE_FILLER,
    ROLE_FORMER_WORDS,
    ROLE_JOINERS,
    ROLE_POINTERS,
    ROLE_TIME_WORDS,
)
from .corpus import RoleSpan
from .linkdata import ORG_EQUIVALENTS

Words = tuple[str, ...]

# Share of the articles giving a qualified form of an office that one form needs
# before a bare office is taken for it (otherwise the bare office stays its own role).
_HOST_SHARE = 0.8


@dataclass(frozen=True)
class RoleKey:
    """What a role says, whatever its spelling: an office, what it is held in, and
    whether the articles call it a former one."""

    office: Words
    qualifier: Words = ()
    former: bool = False


@dataclass(frozen=True)
class Role:
    """One role of a person across articles."""

    role: str  # the spelling shown: the fullest, most used one
    aliases: tuple[str, ...]  # the other spellings the articles use, one per case-folded form
    first: str | None  # the oldest publication date of an article giving it
    last: str | None  # the newest: the role is shown "as of" this date
    articles: tuple[str, ...]  # record slugs, oldest article first

    @property
    def years(self) -> str:
        """ "2019-2020", "2019", or "" when no article giving it is dated."""
        if self.first is None or self.last is None:
            return ""
        a, b = self.first[:4], self.last[:4]
        return a if a == b else f"{a}-{b}"


def _body_forms() -> dict[Words, str]:
    """Every spelling of a body or country a role names -> one token for it."""
    out: dict[Words, str] = {}
    for group in ORG_EQUIVALENTS:
        for form in group:
            words = tuple(form.split())
            out[words] = group[0].replace(" ", "-")
            if words[0] == "us" and len(words) > 1:
                out[words[1:]] = group[0].replace(" ", "-")  # "democratic party" as well
    out.update({w: v.replace(" ", "-") for w, v in ROLE_BODIES.items()})
    out.update(COUNTRY_SPELLINGS)
    return out


_BODY_FORMS = _body_forms()
_BODY_RUNS = sorted(_BODY_FORMS, key=len, reverse=True)
_BODIES = frozenset(_BODY_FORMS.values())
_COUNTRIES = frozenset(COUNTRY_SPELLINGS.values())
_SHORT_COUNTRY = re.compile(r"\b(?:" + "|".join(sorted(COUNTRY_SHORT_FORMS, key=len, reverse=True)) + r")\b")


def _plain(role: str) -> str:
    s = unicodedata.normalize("NFKD", role)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.replace("’", "'").replace("&", " and ")
    # "U.S." is "US" and "Pres." is "Pres": dots go before anything is matched.
    s = s.replace(".", "")
    # Upper-case country forms are marked before case is dropped ("US", not "us").
    s = _SHORT_COUNTRY.sub(lambda m: f" {COUNTRY_SHORT_FORMS[m.group(0)]} ", s)
    return re.sub(r"[-/–—]", " ", s).lower()


def _bodies(words: Words) -> Words:
    """Runs of words that spell a body or country become its one token."""
    out: list[str] = []
    i = 0
    while i < len(words):
        for run in _BODY_RUNS:
            if words[i : i + len(run)] == run:
                out.append(_BODY_FORMS[run])
                i += len(run)
                break
        else:
            out.append(words[i])
            i += 1
    return tuple(out)


@lru_cache(maxsize=16384)
def role_words(role: str) -> Words:
    """The words of a role as compared: "the U.S. Pres." -> ("united-states", "president");
    a possessive is its own word ("'s"); "former" and the like stay in front."""
    words: list[str] = []
    for w in re.findall(r"[a-z0-9']+", _plain(role)):
        possessive = w.endswith(("'s", "s'")) and len(w.strip("'")) > 2
        w = w[:-2] if w.endswith("'s") else w.strip("'")
        if not w or w in ROLE_FILLER:
            continue
        words.extend(ROLE_ABBREVIATIONS.get(w, (w,)))
        if possessive:
            words.append("'s")
    return _bodies(tuple(words))


def _qualifier(words: Words) -> Words:
    """What an office is held in, one form: ("french",) -> ("france",); a party
    or body given with its country is the body ("US Democratic Party")."""
    if len(words) == 1 and words[0] in DEMONYMS:
        return tuple(DEMONYMS[words[0]].split())
    bodies = [w for w in words if w in _BODIES and w not in _COUNTRIES]
    if bodies and all(w in _BODIES for w in words):
        return (bodies[-1],)
    return words


@lru_cache(maxsize=16384)
def role_key(role: str) -> RoleKey:
    """ "Foreign Minister of France", "France's foreign minister" and "French foreign
    minister" -> RoleKey(("foreign", "minister"), ("france",))."""
    words = role_words(role)
    former = False
    while words and (words[0] in ROLE_TIME_WORDS or words[0] in ROLE_FORMER_WORDS):
        former = former or words[0] in ROLE_FORMER_WORDS
        words = words[1:]
    if "'s" in words[1:-1]:
        i = words.index("'s")
        return RoleKey(words[i + 1 :], _qualifier(words[:i]), former)
    words = tuple(w for w in words if w != "'s")
    for i, w in enumerate(words):
        if w in ROLE_JOINERS and 0 < i < len(words) - 1:
            return RoleKey(words[:i], _qualifier(words[i + 1 :]), former)
    lead = 0
    while lead < len(words) - 1 and (words[lead] in _BODIES or words[lead] in DEMONYMS):
        lead += 1
    if lead:
        return RoleKey(words[lead:], _qualifier(words[:lead]), former)
    if len(words) > 1 and words[0] in ROLE_POINTERS:
        words = words[1:]  # "party leader": the leader of the party the article named
    return RoleKey(words, (), former)


def _is_fragment(role: str) -> bool:
    """A title written as its abbreviation alone ("Gen", "Sen."): a piece of a longer
    role the article's parse cut off, not a role a reader can use."""
    words = re.findall(r"[a-z]+", _plain(role))
    return len(words) == 1 and words[0] in ROLE_ABBREVIATIONS


def _split_to(key: RoleKey, known: set[RoleKey]) -> RoleKey:
    """ "Labour leader" is "Leader of Labour" when the person has that role too: an
    unqualified role of several words is read as qualifier + office only where the
    split gives a key the person already has (no guess at where an office begins)."""
    if key.qualifier or len(key.office) < 2:
        return key
    words = key.office
    found = {
        k
        for i in range(1, len(words))
        if (k := RoleKey(words[i:], _qualifier(words[:i]), key.former)) in known
    }
    return found.pop() if len(found) == 1 else key


def _group_keys(roles: Iterable[str], weight: Mapping[str, int] | None = None) -> dict[str, RoleKey]:
    """Each spelling -> the key of the role it belongs to, for one person; `weight` is
    the number of articles giving each spelling (1 where not given)."""
    weight = weight or {}
    keys = {r: role_key(r) for r in roles if role_words(r)}
    qualified = {k for k in keys.values() if k.qualifier}
    keys = {r: _split_to(k, qualified) for r, k in keys.items()}
    by_office: dict[tuple[Words, bool], Counter[RoleKey]] = defaultdict(Counter)
    for r, k in keys.items():
        if k.qualifier:
            by_office[(k.office, k.former)][k] += weight.get(r, 1)
    out: dict[str, RoleKey] = {}
    for r, k in keys.items():
        hosts = by_office.get((k.office, k.former))
        if not k.qualifier and hosts:
            # "President" -> the one "President of X"; beside a stray "Republican
            # President" too, the qualified form nearly all articles give.
            best, n = max(hosts.items(), key=lambda kv: (kv[1], kv[0].qualifier))
            if len(hosts) == 1 or n >= _HOST_SHARE * sum(hosts.values()):
                k = best
        out[r] = k
    # A fragment ("Gen") joins the one fuller role that has its word; beside other
    # roles and in none of them, it is dropped; alone, it is the person's only role.
    whole = {r: k for r, k in out.items() if not _is_fragment(r)}
    fuller = set(whole.values())
    for r, k in out.items():
        if r in whole:
            continue
        containing = {x for x in fuller if set(k.office) <= {*x.office, *x.qualifier} and x != k}
        if len(containing) == 1:
            whole[r] = containing.pop()
        elif not fuller or k in fuller:
            whole[r] = k  # the only role there is, or "Gen" beside "General"
    return whole


def _rank(spelling: str, articles: int) -> tuple[bool, bool, int, int, str]:
    """Qualified over bare, "Home Secretary" over "then Home Secretary", then the
    most articles and the most words."""
    key = role_key(spelling)
    words = role_words(spelling)
    timeless = not words or words[0] not in ROLE_TIME_WORDS
    return (bool(key.qualifier), timeless, articles, len(words), spelling)


def _shown(spellings: dict[str, set[str]]) -> tuple[str, tuple[str, ...]]:
    """The spelling shown (qualified over bare, then the most articles, the most words)
    and one alias per other case-folded spelling (its most used casing)."""
    folded: dict[str, dict[str, set[str]]] = defaultdict(dict)
    for s, arts in spellings.items():
        folded[s.casefold()][s] = arts
    best_casing = {
        f: max(forms, key=lambda s: (len(forms[s]), s[:1].isupper(), s)) for f, forms in folded.items()
    }
    count = {f: len(set().union(*forms.values())) for f, forms in folded.items()}
    top = max(folded, key=lambda f: _rank(best_casing[f], count[f]))
    aliases = tuple(sorted((best_casing[f] for f in folded if f != top), key=str.casefold))
    return best_casing[top], aliases


def roles_of(spans: Sequence[RoleSpan]) -> tuple[Role, ...]:
    """A person's roles, variants merged, each dated by its articles; the role held
    most recently first (then the longest held, then by name)."""
    given: dict[str, set[str]] = defaultdict(set)
    for s in spans:
        given[s.role].add(s.article)
    keys = _group_keys(sorted(given), {r: len(a) for r, a in given.items()})
    spellings: dict[RoleKey, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    dated: dict[RoleKey, dict[str, str | None]] = defaultdict(dict)
    for s in spans:
        k = keys.get(s.role)
        if k is None:
            continue
        spellings[k][s.role].add(s.article)
        dated[k][s.article] = s.date
    out = []
    for k, forms in spellings.items():
        shown, aliases = _shown(forms)
        when = dated[k]
        dates = sorted(d for d in when.values() if d)
        articles = tuple(sorted(when, key=lambda a: (when[a] or "9999", a)))
        out.append(Role(shown, aliases, dates[0] if dates else None, dates[-1] if dates else None, articles))
    out.sort(key=lambda r: (r.last or "", r.first or "", r.role.casefold()))
    out.reverse()
    return tuple(out)


def current_role(spans: Sequence[RoleSpan]) -> Role | None:
    """The role given by the newest article (what schema.org's jobTitle says)."""
    roles = roles_of(spans)
    return roles[0] if roles else None


def forms_count(spans: Sequence[RoleSpan]) -> tuple[int, int]:
    """(role spellings as the articles give them, case aside; roles once merged)."""
    return len({s.role.casefold() for s in spans}), len(roles_of(spans))
