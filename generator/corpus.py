"""The corpus: every record linked into one graph of people, organisations, places,
events, issues and one timeline.

Pure functions over the records (no I/O, no spaCy): the same records always give
the same corpus, byte for byte, whatever order they come in. Entity pages take
their paths from `slugs.slugify`, never from raw names. Which page a name belongs
to is judged with `resolve_entities` (variants, types, non-entities), what an event
page is called and its status with `events`; the word lists are in `linkdata`.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache
from typing import Literal

from . import events as events_mod
from . import resolve_entities
from .model import Record
from .slugs import slugify, unique
from .textnorm import abbreviates

NodeKind = Literal["person", "organisation", "place"]
FOLDER: dict[NodeKind, str] = {"person": "people", "organisation": "organisations", "place": "places"}

# Statuses a later article can report for an event that an earlier one announced.
FINAL_STATUSES = events_mod.FINAL  # one set: events.py decides statuses over time


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Titles in front of a name: "Mr Johnson" is "Johnson", "President Trump" is "Trump".
_HONORIFICS = _wordset(
    """mr mrs ms miss mx dr prof professor sir dame lord lady baroness baron president
    pm premier chancellor senator sen rep representative governor gov king queen prince
    princess secretary minister general gen judge justice rev reverend father mayor
    speaker commissioner ambassador chairman chairwoman chair deputy vice"""
)
# How far apart (in years) a surname alone and a full name may be and still be one
# person: "Johnson" in a 2005 article is not the Johnson of a 2019 one.
_SURNAME_YEARS = 4
# Articles that must call a word a place before a "person" named "<place> <word>" is
# taken for a constituency or a programme ("Leeds North West", "Westminster Hour").
_PLACE_EVIDENCE = 3
# Share of the surname's evidence the leading candidate needs before a bare surname is
# given to them (otherwise it stays its own node: never guess between two people).
_SURNAME_SHARE = 0.8


@dataclass(frozen=True)
class Ref:
    """A place in an article: what a corpus page links back to."""

    article: str  # record slug
    paragraph: int  # 0-based block index (the page anchor is #p{paragraph+1})
    date: str | None  # the article's publication date


@dataclass(frozen=True)
class RoleSpan:
    """A role as one article gives it, dated by that article."""

    role: str
    date: str | None
    article: str


@dataclass(frozen=True)
class QuoteRef:
    text: str
    kind: str
    speaker: str | None  # node slug path (e.g. "people/boris-johnson") or None
    speaker_name: str | None  # the name as the article gives it
    ref: Ref


@dataclass(frozen=True)
class Node:
    """One person, organisation or place across every article that mentions it."""

    kind: NodeKind
    slug: str
    name: str
    aliases: tuple[str, ...]
    articles: tuple[str, ...]  # record slugs, sorted
    roles: tuple[RoleSpan, ...] = ()
    mentions: int = 0

    @property
    def path(self) -> str:
        return f"{FOLDER[self.kind]}/{self.slug}.md"


@dataclass(frozen=True)
class EventReport:
    """What one article says about an event."""

    ref: Ref
    text: str
    title: str
    date: str | None
    place: str | None
    status: str


@dataclass(frozen=True)
class Event:
    slug: str
    title: str
    date: str | None
    place: str | None
    status: str  # from the latest article that mentions it
    reports: tuple[EventReport, ...]  # oldest article first
    participants: tuple[str, ...]  # node paths

    @property
    def path(self) -> str:
        return f"events/{self.slug}.md"

    @property
    def articles(self) -> tuple[str, ...]:
        return tuple(sorted({r.ref.article for r in self.reports}))


@dataclass(frozen=True)
class IssuePoint:
    ref: Ref
    text: str
    parties: tuple[str, ...]


@dataclass(frozen=True)
class Issue:
    """A sticking point that recurs across articles, with its history (oldest first)."""

    slug: str
    title: str
    points: tuple[IssuePoint, ...]

    @property
    def path(self) -> str:
        return f"issues/{self.slug}.md"

    @property
    def articles(self) -> tuple[str, ...]:
        return tuple(sorted({p.ref.article for p in self.points}))


@dataclass(frozen=True)
class TimelineEntry:
    date: str
    kind: Literal["article", "background", "event"]
    label: str
    target: str  # page path the entry links to
    sources: tuple[Ref, ...]
    upcoming: bool = False
    status: str | None = None


@dataclass(frozen=True)
class Corpus:
    records: tuple[Record, ...]  # sorted by slug
    nodes: tuple[Node, ...]  # sorted by (kind, slug)
    events: tuple[Event, ...]
    issues: tuple[Issue, ...]
    timeline: tuple[TimelineEntry, ...]
    quotes: tuple[QuoteRef, ...]  # date order
    # (record slug, name as that article gives it) -> node path
    resolve: Mapping[tuple[str, str], str] = field(default_factory=dict)
    # node path -> {other node path: number of shared articles}
    related: Mapping[str, Mapping[str, int]] = field(default_factory=dict)
    as_of: str | None = None  # the newest publication date: "upcoming" is relative to it

    @cached_property
    def _nodes_by_path(self) -> dict[str, Node]:
        return {n.path: n for n in self.nodes}

    @cached_property
    def _records_by_slug(self) -> dict[str, Record]:
        return {r.slug: r for r in self.records}

    def node(self, path: str) -> Node | None:
        return self._nodes_by_path.get(path)

    def record(self, slug: str) -> Record:
        return self._records_by_slug[slug]

    def link(self, article: str, name: str | None) -> str | None:
        return self.resolve.get((article, name)) if name else None


# ---------------------------------------------------------------- names


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """Case, accents, dots, possessives and leading titles do not make a different name.

    Memoised: a build asks for the key of the same few thousand names tens of thousands
    of times, and the answer depends on the string alone."""
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.replace("’", "'").replace(".", " ")
    s = re.sub(r"'s\b", "", s)
    s = re.sub(r"[^\w@ -]+", " ", s).lower()
    words = s.split()
    while len(words) > 1 and words[0] in _HONORIFICS:
        words = words[1:]
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def _year(date: str | None) -> int | None:
    return int(date[:4]) if date and date[:4].isdigit() else None


@dataclass
class _Cluster:
    kind: NodeKind
    key: str
    names: Counter[str] = field(default_factory=Counter)
    aliases: set[str] = field(default_factory=set)
    articles: set[str] = field(default_factory=set)
    roles: list[RoleSpan] = field(default_factory=list)
    mentions: int = 0


def _entity_mentions(r: Record) -> Iterable[tuple[NodeKind, str, tuple[str, ...], tuple[str, ...], int]]:
    for p in r.people:
        yield "person", p.name, p.aliases, p.roles, p.mentions
    for kind, ents in (("organisation", r.organizations), ("place", r.places)):
        for e in ents:
            yield kind, e.name, e.aliases, (), e.mentions  # type: ignore[misc]


def _resolve_people_keys(
    records: Sequence[Record], variant: Mapping[str, str] | None = None
) -> dict[tuple[str, str], str]:
    """(record slug, person key) -> the key of the person node it belongs to.

    A full name is its own node. A bare surname (or a "Mr Johnson") joins a full
    name only when the evidence points to one person: the same article names them
    in full, or across the corpus one full name with that surname, from articles
    within a few years, holds nearly all the evidence. Two different full names
    that share a surname are never merged; `variant` maps a full name to the fuller
    form of the same person ("george bush" -> "george w bush"). A lone word that is
    the given name or nickname of exactly one person the article names in full is
    that person ("Spike" for Jeremy "Spike" Cohen).
    """
    variants: Mapping[str, str] = variant or {}

    def key(name: str) -> str:
        k = name_key(name)
        return variants.get(k, k)

    full: dict[str, set[str]] = defaultdict(set)  # full key -> articles
    years: dict[str, set[int]] = defaultdict(set)
    by_last: dict[str, set[str]] = defaultdict(set)
    votes: dict[str, Counter[str]] = defaultdict(Counter)  # surname -> full key -> evidence
    for r in records:
        y = _year(r.published)
        for p in r.people:
            k = key(p.name)
            if " " not in k:
                continue
            full[k].add(r.slug)
            if y is not None:
                years[k].add(y)
            by_last[k.split()[-1]].add(k)
            votes[k.split()[-1]][k] += 1
            for a in p.aliases:
                ak = name_key(a)
                if " " not in ak and ak == k.split()[-1]:
                    votes[ak][k] += 1
    out: dict[tuple[str, str], str] = {}
    for r in records:
        local = {key(p.name) for p in r.people}
        y = _year(r.published)
        for p in r.people:
            k = name_key(p.name)
            if " " in k or not k:
                out[(r.slug, k)] = variants.get(k, k)
                continue
            same_article = sorted(f for f in local if " " in f and f.split()[-1] == k)
            if len(same_article) == 1:
                out[(r.slug, k)] = same_article[0]
                continue
            given = sorted(f for f in local if " " in f and k in f.split()[:-1])
            if len(given) == 1:
                out[(r.slug, k)] = given[0]
                continue
            cands = sorted(by_last.get(k, ()))
            if y is not None:
                near = [
                    c for c in cands if not years[c] or any(abs(y - z) <= _SURNAME_YEARS for z in years[c])
                ]
                cands = near
            if not cands:
                out[(r.slug, k)] = k
                continue
            total = sum(votes[k][c] for c in cands)
            best = max(cands, key=lambda c: (votes[k][c], c))
            if len(cands) == 1 or (total and votes[k][best] / total >= _SURNAME_SHARE):
                out[(r.slug, k)] = best
            else:
                out[(r.slug, k)] = k
    return out


def _alias_merges(clusters: Mapping[tuple[NodeKind, str], _Cluster]) -> dict[tuple[NodeKind, str], str]:
    """Organisations and places named by an alias elsewhere ("US" -> "United States").

    A name merges into another only if every article that used it as an alias
    meant the same node, and that node is the better known of the two.
    """
    alias_of: dict[tuple[NodeKind, str], set[str]] = defaultdict(set)
    for (kind, key), c in clusters.items():
        if kind == "person":
            continue
        for a in c.aliases:
            ak = name_key(a)
            if ak and ak != key:
                alias_of[(kind, ak)].add(key)
    # "Lib Dems" for "Liberal Democrats": a word-by-word short form of exactly one
    # other name is that name's alias even where no article says so.
    by_shape: dict[tuple[NodeKind, int, str], list[str]] = defaultdict(list)
    for kind, key in clusters:
        if kind != "person":
            by_shape[(kind, len(key.split()), key[:3])].append(key)
    for kind, key in clusters:
        if kind == "person":
            continue
        longer = [k for k in by_shape[(kind, len(key.split()), key[:3])] if abbreviates(key, k)]
        if len(longer) == 1:
            alias_of[(kind, key)].add(longer[0])
    merges: dict[tuple[NodeKind, str], str] = {}
    for (kind, ak), targets in alias_of.items():
        if len(targets) != 1 or (kind, ak) not in clusters:
            continue
        (target,) = targets
        known = len(clusters[(kind, target)].articles) >= len(clusters[(kind, ak)].articles)
        if known or abbreviates(ak, target):
            merges[(kind, ak)] = target
    # No chains: a name whose target itself merges away keeps its own node.
    return {k: v for k, v in merges.items() if (k[0], v) not in merges}


def _number_forms(key: str) -> tuple[str, ...]:
    """ "lib dem" -> ("lib dems",); "lib dems" -> ("lib dem",)."""
    return (key[:-1],) if key.endswith("s") else (key + "s",)


def _group_name(
    key: str, as_person: Mapping[str, int], as_other: Mapping[str, Counter[NodeKind]]
) -> str | None:
    """The organisation a person-tagged name of two words or more really is.

    A personal name has no plural: when the corpus has the name in both numbers
    ("Lib Dem" and "Lib Dems", "Liberal Democrat" and "Liberal Democrats") and
    either form is an organisation's or place's, the name is that group's.
    """
    if " " not in key:
        return None
    forms = (key, *_number_forms(key))
    if not any(f in as_person or f in as_other for f in forms[1:]):
        return None
    others = [f for f in forms if f in as_other]
    return max(others, key=lambda f: (sum(as_other[f].values()), f)) if others else None


def _only_fragments(c: _Cluster, records: Mapping[str, Record]) -> bool:
    """Every time its articles spell the name, it is a piece of a longer name."""
    verdicts = set()
    for slug in sorted(c.articles):
        r = records[slug]
        people = frozenset(w.lower() for p in r.people for n in (p.name, *p.aliases) for w in n.split())
        texts = [b.text for b in r.blocks]
        for name in sorted({*c.names, *c.aliases}):
            verdict = resolve_entities.stands_alone_in(texts, name, people)
            if verdict:
                return False
            verdicts.add(verdict)
    return False in verdicts


def _display_name(c: _Cluster) -> str:
    """The fullest, most used spelling: "Narendra Modi" over "Modi"; a spelling of the
    node's own key first ("Conservative Party" over "Tory Party")."""

    def rank(kv: tuple[str, int]) -> tuple[bool, int, int, str]:
        own = resolve_entities.country_form(name_key(kv[0])) == c.key
        return (own, len(name_key(kv[0]).split()), kv[1], kv[0])

    return max(c.names.items(), key=rank)[0]


def site_dated(r: Record) -> Record:
    """The record as the site shows it: a publication date only when metadata, a
    dateline or an editor gives one. A date inferred from what the article reports
    (the newest date it mentions) still anchors its relative dates in extraction, but
    a 2005 story that recalls 11 September 2001 must not be shown, ordered or fed as
    published then; the page says the date is not given instead."""
    if r.published_origin == "inferred" and r.published is not None:
        return replace(r, published=None)
    return r


def build(records: Iterable[Record]) -> Corpus:
    given = tuple(records)
    # "Now" for event status is the newest known publication date; with none known,
    # the newest date any article reports is still a lower bound on it.
    now = max((r.published for r in given if r.published and r.published_origin != "inferred"), default=None)
    now = now or max((r.published for r in given if r.published), default=None)
    recs = tuple(sorted((site_dated(r) for r in given), key=lambda r: r.slug))
    mentions = [(r, kind, name) for r in recs for kind, name, *_ in _entity_mentions(r)]
    full_people: Counter[str] = Counter()
    for _r, kind, name in mentions:
        if kind == "person" and " " in (k := name_key(name)):
            full_people[k] += 1
    people_keys = _resolve_people_keys(recs, resolve_entities.person_variants(full_people))
    ev = resolve_entities.gather(recs, mentions, {n: name_key(n) for _r, _k, n in mentions})
    country = {
        r.slug: resolve_entities.country_of(
            resolve_entities.canonical_shape(name_key(e.name)) for e in (*r.places, *r.organizations)
        )
        for r in recs
    }

    # Names that the corpus mostly knows as organisations or places are not people
    # ("Labour", "Twitter"): the person mention joins that node instead.
    as_person: Counter[str] = Counter()
    as_other: dict[str, Counter[NodeKind]] = defaultdict(Counter)
    for _r, kind, name in mentions:
        if kind == "person":
            as_person[name_key(name)] += 1
        else:
            as_other[name_key(name)][kind] += 1

    # Last words of people's names across the corpus ("begg" of Moazzam Begg), to tell
    # a person from a constituency the tagger took for one ("Manchester Withington").
    surnames: dict[str, set[str]] = defaultdict(set)
    for _r, kind, name in mentions:
        if kind == "person" and (words := name_key(name).split()):
            surnames[words[-1]].add(" ".join(words))

    # Words of the people an article names in full (hyphenated parts too): a lone
    # place or organisation by one of these words is a piece of that person's name.
    name_words: dict[str, set[str]] = {
        r.slug: {
            part
            for p in r.people
            if " " in (pk := name_key(p.name))
            for w in pk.split()
            for part in (w, *w.split("-"))
        }
        for r in recs
    }

    # One-word places of the corpus, for telling a people by its place ("Kashmiri").
    place_words = frozenset(k for k in ev.known["place"] if " " not in k and len(k) >= 4)

    def is_place_name(k: str) -> bool:
        """ "Manchester Withington": a well-known place, then a word no one is called."""
        words = k.split()
        return (
            len(words) > 1
            and ev.labels.get(words[0], Counter())["place"] >= _PLACE_EVIDENCE
            and surnames.get(words[-1], set()) <= {k}
        )

    def person_key(r: Record, k: str) -> tuple[NodeKind, str] | None:
        pk = people_keys.get((r.slug, k), k)
        if is_place_name(pk) or resolve_entities.is_plural_common_phrase(ev, pk):
            return None
        # A lone word that is no one's surname here and a common noun elsewhere
        # ("Nasty", "White") is not a person.
        if " " not in pk and ev.is_common_noun(pk):
            return None
        return "person", pk

    def node_key(r: Record, kind: NodeKind, name: str) -> tuple[NodeKind, str] | None:
        k = name_key(resolve_entities.owner_stripped(name) or name)
        if not k:
            return None
        grouped = False
        if kind == "person" and (group := _group_name(k, as_person, as_other)):
            kind, k = max(as_other[group].items(), key=lambda kv: (kv[1], kv[0]))[0], group
            grouped = True  # a group by its plural: no vote of labels makes it a person
        elif kind == "person":
            other = as_other.get(k)
            if not (other and sum(other.values()) >= as_person[k]):
                return person_key(r, k)
            kind = max(other.items(), key=lambda kv: (kv[1], kv[0]))[0]
        shaped = resolve_entities.canonical_shape(k)
        organisation = resolve_entities.is_organisation(shaped)
        kind = "organisation" if organisation else kind if grouped else ev.kind_of(shaped, kind)
        if kind == "person":
            # "Nicola Sturgeon" once labelled an organisation is the person; a group
            # named in both numbers ("Lib Dem", "Lib Dems") stays the group.
            if _group_name(k, as_person, as_other) is None:
                return person_key(r, k)
            kind = "organisation"
        if ev.is_common_noun(shaped) or resolve_entities.is_document(shaped):
            return None
        if resolve_entities.is_demonym(shaped, place_words):
            return None  # "Welsh", "Kashmiris": a people
        if " " not in shaped and shaped.endswith("s") and shaped[:-1] in surnames:
            return None  # "the Bidens": a family, not a place
        if " " not in shaped and shaped in name_words[r.slug]:
            return None  # "Jamal" of Jamal Khashoggi, "Kilroy" of Robert Kilroy-Silk
        ck = resolve_entities.canonical(k, kind, country[r.slug], ev)
        return (kind, ck) if ck else None

    def aliases_of(aliases: Iterable[str], name: str) -> list[str]:
        """Aliases that name this entity alone: not "House" for the White House, not
        "Party" for the Conservative Party (a short form the context must settle)."""
        out = []
        for a in aliases:
            ak = resolve_entities.canonical_shape(name_key(a))
            if a == name or not ak or resolve_entities.is_context_form(ak):
                continue
            if " " not in ak and ev.is_common_noun(ak):
                continue
            out.append(a)
        return out

    clusters: dict[tuple[NodeKind, str], _Cluster] = {}
    for r in recs:
        for kind, name, aliases, roles, mentioned in _entity_mentions(r):
            nk = node_key(r, kind, name)
            if nk is None:
                continue
            c = clusters.setdefault(nk, _Cluster(nk[0], nk[1]))
            c.names[name] += 1
            c.aliases.update(aliases_of(aliases, name))
            c.articles.add(r.slug)
            c.mentions += mentioned
            c.roles.extend(RoleSpan(role, r.published, r.slug) for role in roles)

    # Parties and bodies of the table that an article names without the extractor
    # making them an entity ("the Lib Dems said"): the article joins the page the
    # corpus already has for them, so the page lists every story about it.
    recovered: dict[tuple[str, str], tuple[NodeKind, str]] = {}
    for r in recs:
        for key, said in resolve_entities.named_in_text(r.body).items():
            party: tuple[NodeKind, str] = ("organisation", key)
            if party in clusters and r.slug not in clusters[party].articles:
                clusters[party].articles.add(r.slug)
                recovered[(r.slug, said)] = party

    merges = _alias_merges(clusters)
    for (kind, ak), target in sorted(merges.items()):
        src = clusters.pop((kind, ak))
        dst = clusters[(kind, target)]
        dst.aliases.update(src.names)
        dst.aliases.update(src.aliases)
        dst.articles |= src.articles
        dst.mentions += src.mentions
        dst.roles.extend(src.roles)

    # A name no article gives standing alone is a piece of a longer one the tagger cut
    # ("Black Lives" of Black Lives Matter): no page, and its mentions stay plain text.
    by_slug = {r.slug: r for r in recs}
    for nk in [nk for nk, c in clusters.items() if nk[0] != "person" and _only_fragments(c, by_slug)]:
        del clusters[nk]

    # Slugs: ordered by key so a clash is settled the same way every time.
    taken: dict[NodeKind, set[str]] = defaultdict(set)
    path_of: dict[tuple[NodeKind, str], str] = {}
    nodes: list[Node] = []
    for nk in sorted(clusters, key=lambda k: (k[0], -len(clusters[k].articles), k[1])):
        c = clusters[nk]
        name = _display_name(c)
        slug = unique(slugify(name) or slugify(c.key) or c.kind, f"{c.kind}:{c.key}", taken[c.kind])
        taken[c.kind].add(slug)
        aliases = tuple(sorted({a for a in (*c.names, *c.aliases) if a != name}))
        spans = tuple(sorted(set(c.roles), key=lambda s: (s.date or "", s.article, s.role)))
        node = Node(c.kind, slug, name, aliases, tuple(sorted(c.articles)), spans, c.mentions)
        nodes.append(node)
        path_of[nk] = node.path
    nodes.sort(key=lambda n: (n.kind, n.slug))

    resolve: dict[tuple[str, str], str] = {}
    for r in recs:
        for kind, name, aliases, *_ in _entity_mentions(r):
            found = node_key(r, kind, name)
            if found is None:
                continue
            nk = (found[0], merges.get(found, found[1]))
            if nk not in path_of:
                continue
            for n in (name, *aliases_of(aliases, name)):
                resolve.setdefault((r.slug, n), path_of[nk])
    for (slug, said), rk in sorted(recovered.items()):
        if (rk[0], merges.get(rk, rk[1])) in path_of:
            resolve.setdefault((slug, said), path_of[(rk[0], merges.get(rk, rk[1]))])

    quotes = _quotes(recs, resolve)
    as_of = now
    events = _events(recs, resolve, as_of)
    issues = _issues(recs, resolve)
    related = _related(nodes, events)
    return Corpus(
        records=recs,
        nodes=tuple(nodes),
        events=events,
        issues=issues,
        timeline=_timeline(recs, events, as_of),
        quotes=quotes,
        resolve=resolve,
        related=related,
        as_of=as_of,
    )


def _quotes(recs: Sequence[Record], resolve: Mapping[tuple[str, str], str]) -> tuple[QuoteRef, ...]:
    out = [
        QuoteRef(
            q.text,
            q.kind,
            resolve.get((r.slug, q.speaker)) if q.speaker else None,
            q.speaker,
            Ref(r.slug, q.provenance.paragraph, r.published),
        )
        for r in recs
        for q in r.quotes
    ]
    out.sort(key=lambda q: (q.ref.date or "", q.ref.article, q.ref.paragraph, q.text))
    return tuple(out)


def _related(nodes: Sequence[Node], events: Sequence[Event]) -> dict[str, dict[str, int]]:
    """Who appears with whom: nodes linked by the articles and events they share."""
    by_article: dict[str, list[str]] = defaultdict(list)
    for n in nodes:
        for a in n.articles:
            by_article[a].append(n.path)
    groups = [sorted(v) for _, v in sorted(by_article.items())]
    groups += [sorted(set(e.participants)) for e in events]
    rel: dict[str, Counter[str]] = defaultdict(Counter)
    for g in groups:
        for a in g:
            for b in g:
                if a != b:
                    rel[a][b] += 1
    return {k: dict(sorted(v.items())) for k, v in sorted(rel.items())}


# ---------------------------------------------------------------- events


def _same_place(a: str | None, b: str | None) -> bool:
    """Two reports can be one event unless both give a place and the places differ."""
    return a is None or b is None or name_key(a) == name_key(b)


def _days(a: str, b: str) -> int:
    """Rough distance in days between two (possibly partial) ISO dates."""

    def n(d: str) -> int:
        parts = [int(x) for x in re.findall(r"\d+", d)[:3]]
        y, m, dd = [*parts, 1, 1][:3] if len(parts) >= 1 else (0, 1, 1)
        return y * 372 + (m - 1) * 31 + (dd - 1)

    return abs(n(a) - n(b))


def _names_in(r: Record) -> list[str]:
    people = [n for p in r.people for n in (p.name, *p.aliases)]
    return people + [n for e in r.organizations for n in (e.name, *e.aliases)]


def _mentions(text: str, name: str) -> bool:
    """Whole-word, case-sensitive: "US" in a sentence, not "us" inside "discuss"."""
    return len(name) > 1 and re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text) is not None


def _events(
    recs: Sequence[Record], resolve: Mapping[tuple[str, str], str], as_of: str | None = None
) -> tuple[Event, ...]:
    """The same event in several articles becomes one; its status is the latest article's,
    moved on by time (`events.status_in_time`: past events are held).

    An event whose title names no event gets no page (`events.page_title`); a bare
    "Election" is named from its sentence ("General election"). Reports on one day
    at one place are one event whatever their titles.

    Events match on their title words and must not name different places; dated reports must fall within
    two weeks of each other, and an undated report joins the group nearest its
    article's publication date (within three months), else it stands alone.
    """
    reports: dict[str, list[tuple[EventReport, tuple[str, ...]]]] = defaultdict(list)
    page_title: dict[tuple[str, int, str], str] = {}
    for r in recs:
        for ev in r.next:
            title = events_mod.page_title(ev.title, ev.text)
            if title is None:
                continue
            page_title[(r.slug, ev.provenance.paragraph, ev.title)] = title
            rep = EventReport(
                Ref(r.slug, ev.provenance.paragraph, r.published),
                ev.text,
                ev.title,
                ev.date,
                ev.place,
                ev.status,
            )
            # Participants: those the extractor named, and anyone the article names in
            # the sentence about the event ("Putin's visit to India in December").
            named = {*ev.participants, *(n for n in _names_in(r) if _mentions(ev.text, n))}
            people = tuple(sorted({p for p in (resolve.get((r.slug, x)) for x in named) if p}))
            place = resolve.get((r.slug, ev.place)) if ev.place else None
            reports[events_mod.event_key(title)].append((rep, people + ((place,) if place else ())))
    groups: list[list[tuple[EventReport, tuple[str, ...]]]] = []
    for key in sorted(reports):
        items = sorted(reports[key], key=lambda x: (x[0].date or x[0].ref.date or "", x[0].ref.article))
        local: list[list[tuple[EventReport, tuple[str, ...]]]] = []
        for it in items:
            rep = it[0]
            when = rep.date or rep.ref.date
            home = None
            if when:
                limit = 14 if rep.date else 93
                best = None
                for g in local:
                    if not all(_same_place(rep.place, x[0].place) for x in g):
                        continue
                    dates = [x[0].date or x[0].ref.date for x in g]
                    d = min((_days(when, x) for x in dates if x), default=None)
                    if d is not None and d <= limit and (best is None or d < best[0]):
                        best = (d, g)
                home = best[1] if best else None
            else:
                # Nothing dates this report or its article: it joins the one group that
                # nothing dates either (nothing says they are two events).
                timeless = [g for g in local if not any(x[0].date or x[0].ref.date for x in g)]
                home = timeless[0] if timeless else None
            if home is None:
                local.append([it])
            else:
                home.append(it)
        groups.extend(local)
    groups = _same_day_and_place(groups)
    events: list[Event] = []
    taken: set[str] = set()
    keyed = []
    for g in groups:
        g.sort(key=lambda x: (x[0].ref.date or "", x[0].ref.article, x[0].ref.paragraph))
        latest = g[-1][0]
        date = next((x[0].date for x in reversed(g) if x[0].date), None)
        place = next((x[0].place for x in reversed(g) if x[0].place), None)
        title = page_title[(latest.ref.article, latest.ref.paragraph, latest.title)]
        keyed.append((title, date or "", g, latest, date, place))
    for title, _d, g, latest, date, place in sorted(
        keyed, key=lambda k: (k[0], k[1], k[2][0][0].ref.article)
    ):
        base = slugify(f"{title} {date[:7] if date else ''}") or "event"
        slug = unique(base, f"{g[0][0].ref.article}:{g[0][0].ref.paragraph}:{title}", taken)
        taken.add(slug)
        participants = tuple(sorted({p for x in g for p in x[1]}))
        past = date is not None and not is_upcoming(date, "scheduled", as_of)
        status = events_mod.status_in_time(latest.status, date, latest.ref.date, as_of, past)
        events.append(Event(slug, title, date, place, status, tuple(x[0] for x in g), participants))
    events.sort(key=lambda e: e.slug)
    return tuple(events)


Group = list[tuple[EventReport, tuple[str, ...]]]


def _same_day_and_place(groups: list[Group]) -> list[Group]:
    """Groups dated to the same day at the same place are one event ("the summit" and
    "the G8 meeting" at Gleneagles on 6 July); the first group (by title) takes the rest."""
    out: list[Group] = []
    home: dict[tuple[str, str], Group] = {}
    for g in groups:
        days = {x[0].date for x in g if x[0].date and re.fullmatch(r"\d{4}-\d{2}-\d{2}", x[0].date)}
        places = {name_key(x[0].place) for x in g if x[0].place}
        if len(days) == 1 and len(places) == 1:
            k = (next(iter(days)), next(iter(places)))
            if k in home:
                home[k].extend(g)
                continue
            home[k] = g
        out.append(g)
    return out


# ---------------------------------------------------------------- issues

# Issues are named from a fixed list of recurring subjects of dispute: a word that
# merely recurs ("answer", "enough") is not an issue. Each stem maps to its title.
ISSUE_TERMS: dict[str, str] = {
    "tariff": "Tariffs",
    "trade": "Trade",
    "ceasefire": "Ceasefire",
    "truce": "Ceasefire",
    "border": "Borders",
    "sanction": "Sanctions",
    "tax": "Taxation",
    "taxes": "Taxation",
    "budget": "Budget",
    "debt": "Debt",
    "subsid": "Subsidies",
    "pension": "Pensions",
    "immigra": "Immigration",
    "migra": "Immigration",
    "asylum": "Asylum",
    "nuclear": "Nuclear weapons",
    "weapon": "Weapons",
    "brexit": "Brexit",
    "referendum": "Referendums",
    "iraq": "Iraq",
    "war": "War",
    "terror": "Terrorism",
    "security": "Security",
    "climate": "Climate",
    "energy": "Energy",
    "oil": "Oil",
    "health": "Health",
    "nhs": "Health",
    "school": "Education",
    "education": "Education",
    "university": "Education",
    "tuition": "Education",
    "crime": "Crime",
    "police": "Policing",
    "ballot": "Elections",
    "vote": "Elections",
    "election": "Elections",
    "impeach": "Impeachment",
    "abortion": "Abortion",
    "gun": "Gun control",
    "housing": "Housing",
    "property": "Housing",
    "stamp duty": "Housing",
    "constitution": "Constitution",
    "treaty": "Treaties",
    "agreement": "Agreements",
    "deal": "Agreements",
    "human rights": "Human rights",
    "id card": "Identity cards",
    "identity card": "Identity cards",
    "hunting": "Hunting ban",
    "legal advice": "Legal advice on Iraq",
    "attorney general": "Legal advice on Iraq",
}


# "war" must be a word ("award", "toward" are not wars); the other stems match word starts.
_WHOLE_WORD_STEMS = frozenset({"war", "oil", "gun", "vote", "tax", "deal", "nhs"})
# Compiled once: the issue pass runs over every sticking point of the corpus at each build.
_ISSUE_PATTERNS = tuple(
    (
        re.compile(rf"(?<![a-z]){re.escape(stem)}"),
        re.compile(rf"(?<![a-z]){stem}(?:s|ed|ing)?(?![a-z])") if stem in _WHOLE_WORD_STEMS else None,
        title,
    )
    for stem, title in ISSUE_TERMS.items()
)


def _issue_titles(text: str) -> set[str]:
    """The issues a sentence is about: stems matched at the start of a word."""
    t = " " + name_key(text) + " "
    return {
        title
        for start, word, title in _ISSUE_PATTERNS
        if start.search(t) and (word is None or word.search(t))
    }


def _issues(recs: Sequence[Record], resolve: Mapping[tuple[str, str], str]) -> tuple[Issue, ...]:
    """Sticking points that recur: one issue per subject raised in at least two articles.

    A point about tariffs in one article and "tariff concessions" in another are
    one issue, with the points in date order as its history. A point can belong to
    more than one issue (a border agreement is about borders and agreements).
    """
    groups: dict[str, list[IssuePoint]] = defaultdict(list)
    for r in recs:
        for sp in r.sticking_points:
            parties = tuple(sorted({p for p in (resolve.get((r.slug, x)) for x in sp.parties) if p}))
            point = IssuePoint(Ref(r.slug, sp.provenance.paragraph, r.published), sp.text, parties)
            for title in _issue_titles(sp.text):
                groups[title].append(point)
    issues = []
    taken: set[str] = set()
    for title in sorted(groups):
        pts = sorted(groups[title], key=lambda p: (p.ref.date or "", p.ref.article, p.ref.paragraph))
        if len({p.ref.article for p in pts}) < 2:
            continue
        slug = unique(slugify(title) or "issue", title, taken)
        taken.add(slug)
        issues.append(Issue(slug, title, tuple(pts)))
    return tuple(issues)


# ---------------------------------------------------------------- timeline


def week_span(date: str) -> tuple[dt.date, dt.date] | None:
    """Monday and Sunday of an ISO week value ("2019-W48"); None for any other value."""
    m = re.fullmatch(r"(\d{4})-W(\d{2})", date)
    if m is None:
        return None
    try:
        year, week = int(m.group(1)), int(m.group(2))
        return dt.date.fromisocalendar(year, week, 1), dt.date.fromisocalendar(year, week, 7)
    except ValueError:
        return None


def is_upcoming(date: str | None, status: str, as_of: str | None) -> bool:
    """Upcoming relative to the newest article, not to the clock (builds are reproducible).

    An event without a date is never upcoming: nothing says it still lies ahead of
    the newest article (a 2005 story's "the election" is long past by a 2020 one)."""
    if status in FINAL_STATUSES or date is None:
        return False
    if as_of is None:
        return True
    if re.fullmatch(r"\d{4}-W\d{2}", date):
        # A week is upcoming until its Sunday is past ("2019-W48" does not sort as a day).
        span = week_span(date)
        return span is not None and span[1].isoformat() >= as_of[:10]
    return date[: len(as_of)] >= as_of[: len(date)]


def day_of(date: str) -> str:
    """A sortable day for a (possibly partial) date: weeks become their Monday."""
    span = week_span(date)
    if span is not None:
        return span[0].isoformat()
    return date[:4] if re.fullmatch(r"\d{4}-W\d{2}", date) else date


def month_of(date: str) -> str:
    """ "2019-10-08" -> "2019-10"; a year alone stays a year."""
    d = day_of(date)
    return d[:7] if re.match(r"\d{4}-\d{2}", d) else d[:4]


# Background older than this before its article is the story's history, not its news:
# it stays in the explainer, off the corpus timeline ("since 1701", "in 1964 he ran").
TIMELINE_BACKGROUND_YEARS = 3


def on_timeline(date: str, published: str | None) -> bool:
    """Dated background worth a line on the timeline: a month, week or day (a year alone
    is a biography's date), no later than its article and at most a few years before it."""
    if not re.match(r"\d{4}-(\d{2}|W\d{2})", date):
        return False
    if published is None:
        return True
    day = day_of(date)
    return day[:10] <= published[:10] and _days(day, published) <= TIMELINE_BACKGROUND_YEARS * 372


def _timeline(
    recs: Sequence[Record], events: Sequence[Event], as_of: str | None
) -> tuple[TimelineEntry, ...]:
    out: list[TimelineEntry] = []
    for r in recs:
        if r.published:
            out.append(
                TimelineEntry(
                    r.published, "article", r.title, f"explainers/{r.slug}.md", (Ref(r.slug, 0, r.published),)
                )
            )
        for b in r.background:
            if b.date and on_timeline(b.date, r.published):
                out.append(
                    TimelineEntry(
                        b.date,
                        "background",
                        b.text,
                        f"explainers/{r.slug}.md#p{b.provenance.paragraph + 1}",
                        (Ref(r.slug, b.provenance.paragraph, r.published),),
                    )
                )
    for e in events:
        if e.date:
            out.append(
                TimelineEntry(
                    e.date,
                    "event",
                    e.title,
                    e.path,
                    tuple(x.ref for x in e.reports),
                    upcoming=is_upcoming(e.date, e.status, as_of),
                    status=e.status,
                )
            )
    out.sort(key=lambda t: (day_of(t.date), t.kind, t.label, t.target))
    return tuple(out)
