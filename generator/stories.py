"""Stories: the articles about one story grouped, and a one-line summary per article.

Pure functions over a built `Corpus`. Two articles are about the same story when
they share what few other articles name: the entities (people, organisations,
places) and events they have in common, each weighed by how rare it is in the
corpus (inverse document frequency), compared as cosine similarity. Articles
dated more than `WINDOW_DAYS` apart are never linked directly. Groups are made by
average linkage: two groups join only while their articles are, on average, as
alike as one linked pair must be, so one broadly shared name ("Tony Blair") cannot
chain a hundred articles into one story.

Only pairs that share a rarer feature (named by at most `_INDEX_DF` articles) are
compared, so the work grows with the corpus, not with its square. Everything is
ordered by slug and date before any choice: the same corpus always gives the same
stories, byte for byte.
"""

from __future__ import annotations

import datetime as dt
import heapq
import math
import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations

from .across_lexicon import NON_FINAL_ABBREVIATIONS
from .corpus import Corpus
from .model import Record

# The average similarity at which articles are one story (cosine of idf-weighted
# features); read against the politics corpus, where 0.2 chained unrelated
# campaign stories and 0.4 split follow-ups that name the same two or three people.
THRESHOLD = 0.3
# Articles more than this many days apart are not linked directly (they can still
# meet in one story through articles between them).
WINDOW_DAYS = 45
# A feature named by more articles than this is too common to propose a pair (it
# still counts in the similarity of pairs that something rarer proposes).
_INDEX_DF = 40
# One name in common is a coincidence ("Sudan", "the Sun"); a story shares more.
_MIN_SHARED = 2
# How many entities name a story.
_TITLE_FEATURES = 2
_KIND_ORDER = {"people": 0, "organisations": 1, "places": 2}
# A summary longer than this is cut at a word.
SUMMARY_CHARS = 220


@dataclass(frozen=True)
class Story:
    slug: str  # the slug of its first article: stable while later articles join
    title: str
    articles: tuple[str, ...]  # record slugs, oldest first (undated last)
    first: str | None
    last: str | None
    defining: tuple[str, ...]  # node and event paths the articles share, most telling first
    people: tuple[str, ...]  # person node paths, most articles first

    @property
    def path(self) -> str:
        return f"stories/{self.slug}.md"

    @property
    def years(self) -> str:
        if self.first is None or self.last is None:
            return ""
        return self.first if self.first == self.last else f"{self.first} to {self.last}"


# ---------------------------------------------------------------- features


def article_features(c: Corpus) -> dict[str, set[str]]:
    """Each article's entity and event pages (paths), as the corpus resolved them."""
    out: dict[str, set[str]] = {r.slug: set() for r in c.records}
    for n in c.nodes:
        for a in n.articles:
            out[a].add(n.path)
    for e in c.events:
        for a in e.articles:
            out[a].add(e.path)
    return out


def _is_place(path: str) -> bool:
    return path.startswith("places/")


def _day(date: str | None) -> int | None:
    if not date:
        return None
    try:
        return dt.date.fromisoformat(date[:10]).toordinal()
    except ValueError:
        try:
            return dt.date.fromisoformat(date[:7] + "-01").toordinal()
        except ValueError:
            return None


def idf(articles: int, df: int) -> float:
    """How telling a name is: smoothed, so that a name every article shares still
    weighs something (in a corpus of one story, that is all there is)."""
    return math.log(1 + articles / df)


def _vectors(features: Mapping[str, set[str]]) -> tuple[dict[str, dict[str, float]], Counter[str]]:
    """Unit-length idf vectors; a feature only one article has links nothing and is left out."""
    df: Counter[str] = Counter(f for fs in features.values() for f in fs)
    n = len(features)
    vecs: dict[str, dict[str, float]] = {}
    for a, fs in features.items():
        w = {f: idf(n, df[f]) for f in fs if df[f] > 1}
        norm = math.sqrt(sum(x * x for x in w.values()))
        vecs[a] = {f: x / norm for f, x in w.items()} if norm else {}
    return vecs, df


def similarities(
    features: Mapping[str, set[str]], dates: Mapping[str, str | None]
) -> dict[tuple[str, str], float]:
    """(a, b) with a < b -> cosine similarity, for pairs that share at least two
    features, one of them a rarer person, organisation or event (two stories set in
    Wales are not one story), and are no more than `WINDOW_DAYS` apart. A dated
    and an undated article are never a pair: nothing says they are near in time
    (an undated 2005 story and a 2020 one may name the same country)."""
    vecs, df = _vectors(features)
    by_feature: dict[str, list[str]] = defaultdict(list)
    for a in sorted(vecs):
        for f in vecs[a]:
            if df[f] <= _INDEX_DF:
                by_feature[f].append(a)
    pairs: set[tuple[str, str]] = set()
    for members in by_feature.values():
        pairs.update(combinations(members, 2))
    out: dict[tuple[str, str], float] = {}
    for a, b in sorted(pairs):
        da, db = _day(dates.get(a)), _day(dates.get(b))
        if (da is None) != (db is None) or (da is not None and db is not None and abs(da - db) > WINDOW_DAYS):
            continue
        va, vb = vecs[a], vecs[b]
        small, large = (va, vb) if len(va) <= len(vb) else (vb, va)
        common = [f for f in small if f in large]
        if len(common) < _MIN_SHARED or not any(df[f] <= _INDEX_DF and not _is_place(f) for f in common):
            continue
        out[(a, b)] = sum(small[f] * large[f] for f in common)
    return out


# ---------------------------------------------------------------- grouping


def group(
    articles: Sequence[str], sims: Mapping[tuple[str, str], float], threshold: float
) -> list[list[str]]:
    """Average-linkage groups: the two groups whose pairs are most alike on average
    join, again and again, while that average is at least `threshold` (a pair that
    was never compared counts as 0). Ties go to the alphabetically first groups."""
    members: dict[int, list[str]] = {i: [a] for i, a in enumerate(sorted(articles))}
    index = {a: i for i, ms in members.items() for a in ms}
    total: dict[int, dict[int, float]] = defaultdict(dict)
    for (a, b), s in sims.items():
        i, j = index[a], index[b]
        total[i][j] = total[j][i] = s
    heap: list[tuple[float, int, int]] = []

    def push(i: int, j: int) -> None:
        avg = total[i][j] / (len(members[i]) * len(members[j]))
        if avg >= threshold:
            heapq.heappush(heap, (-avg, min(i, j), max(i, j)))

    for i in sorted(total):
        for j in sorted(total[i]):
            if i < j:
                push(i, j)
    while heap:
        neg, i, j = heapq.heappop(heap)
        if i not in members or j not in members or j not in total[i]:
            continue
        if abs(-neg - total[i][j] / (len(members[i]) * len(members[j]))) > 1e-12:
            continue  # a stale entry: one of the two grew since
        # j joins i; i's sums with every neighbour are the two groups' sums added.
        members[i].extend(members.pop(j))
        for k, s in total.pop(j).items():
            del total[k][j]
            if k != i:
                total[i][k] = total[k][i] = total[i].get(k, 0.0) + s
        total[i].pop(i, None)
        for k in sorted(total[i]):
            push(i, k)
    return sorted((sorted(ms) for ms in members.values()), key=lambda ms: ms[0])


# ---------------------------------------------------------------- stories


def _order(records: Sequence[Record]) -> list[Record]:
    """Oldest first; undated articles after the dated ones, by slug."""
    return sorted(records, key=lambda r: (r.published is None, r.published or "", r.slug))


def _label(c: Corpus, path: str) -> str:
    n = c.node(path)
    if n is not None:
        return n.name
    return next((e.title for e in c.events if e.path == path), path)


def _title(names: Sequence[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def build(c: Corpus, threshold: float = THRESHOLD) -> tuple[Story, ...]:
    """Every story of two articles or more, newest first."""
    features = article_features(c)
    dates = {r.slug: r.published for r in c.records}
    sims = similarities(features, dates)
    _, df = _vectors(features)
    n = max(len(c.records), 1)
    out = []
    for arts in group(sorted(features), sims, threshold):
        if len(arts) < 2:
            continue
        recs = _order([c.record(a) for a in arts])
        shared = Counter(f for a in arts for f in features[a])
        # What defines the story: shared by at least two of its articles, rare in the
        # corpus, common in the story.
        ranked = sorted(
            (f for f, k in shared.items() if k >= 2),
            key=lambda f: (-shared[f] * idf(n, df[f]), f),
        )
        people = sorted(
            (f for f in shared if f.startswith("people/")), key=lambda f: (-shared[f], _label(c, f), f)
        )
        # Named by whom it is about: the people most of its articles name, then
        # organisations, then places (a place is where, rarely what); the rarer name
        # first among equals. Event titles are often generic ("general election").
        entities = [f for f in ranked if not f.startswith("events/")]
        named = sorted(
            entities,
            key=lambda f: (2 * shared[f] < len(arts), _KIND_ORDER[f.split("/")[0]], -shared[f], df[f], f),
        )
        names = [_label(c, f) for f in named[:_TITLE_FEATURES]]
        dated = [r.published for r in recs if r.published]
        out.append(
            Story(
                slug=recs[0].slug,
                title=_title(names) if names else recs[0].title,
                articles=tuple(r.slug for r in recs),
                first=min(dated) if dated else None,
                last=max(dated) if dated else None,
                defining=tuple(ranked),
                people=tuple(people),
            )
        )
    return tuple(newest_first(out))


def newest_first(stories: Sequence[Story]) -> list[Story]:
    """Newest story first (by its newest article); undated stories after, by slug."""
    return sorted(stories, key=lambda s: (s.last is not None, s.last or "", s.slug), reverse=True)


# ---------------------------------------------------------------- summaries

_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*(?=\s+[\"'“‘(]?[A-Z0-9])")


def first_sentence(text: str) -> str:
    """The text up to its first full stop that ends a sentence (not "Mr." or "U.S.")."""
    for m in _SENTENCE_END.finditer(text):
        before = re.search(r"([A-Za-z]+)\.?$", text[: m.start() + 1].rstrip(".") + ".")
        word = before.group(1) if before else ""
        if text[m.start()] == "." and (len(word) == 1 or word.lower() in NON_FINAL_ABBREVIATIONS):
            continue
        return text[: m.end()].strip()
    return text.strip()


def one_line(r: Record, limit: int = SUMMARY_CHARS) -> str:
    """What the article says happened, in one sentence: its first "what happened"
    item, else its first paragraph; cut at a word past `limit` characters. Plain
    text from the article: the page escapes it like any other."""
    source = next((i.text for i in r.what_happened if i.text.strip()), None)
    if source is None:
        source = next((b.text for b in r.blocks if b.kind == "paragraph" and b.text.strip()), "")
    line = " ".join(first_sentence(" ".join(source.split())).split())
    if len(line) <= limit:
        return line
    cut = line[:limit].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + " …"
