"""Records -> {path: text}: every generated page, as pure functions over the records."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import cache, partial

from .. import corpus as corpus_mod
from .. import record_json
from .. import stories as stories_mod
from ..corpus import Corpus, Event, Issue
from ..incremental import PageCache, digest
from ..model import Record
from . import editorial, feeds, jsonld, pages, svg
from .abbreviations import with_abbreviations
from .backlinks import add_backlinks
from .env import environment
from .links import Linker, time

KIND_LABEL = pages.QUOTE_KIND


def sort_newest_first(records: Sequence[Record]) -> list[Record]:
    return sorted(records, key=lambda r: (r.published or "", r.slug), reverse=True)


def _events_by_article(c: Corpus) -> dict[tuple[str, int, str], Event]:
    out = {}
    for e in c.events:
        for rep in e.reports:
            out[(rep.ref.article, rep.ref.paragraph, rep.title)] = e
    return out


def explainer_page(
    r: Record, c: Corpus | None = None, by_report: dict[tuple[str, int, str], Event] | None = None
) -> str:
    """One explainer. Without a corpus (a single record) it links only within itself."""
    c = c or corpus_mod.build([r])
    page = f"explainers/{r.slug}.md"
    by_report = by_report if by_report is not None else _events_by_article(c)
    event_paths: dict[int, str] = {}
    event_status: dict[int, str] = {}
    for i, n in enumerate(r.next):
        e = by_report.get((r.slug, n.provenance.paragraph, n.title))
        if e is not None:
            event_paths[i] = e.path
            if e.status != n.status:
                event_status[i] = e.status
    issues = [i for i in c.issues if r.slug in i.articles]
    orgs = sorted({p for e in r.organizations if (p := c.link(r.slug, e.name))})
    places = sorted({p for e in r.places if (p := c.link(r.slug, e.name))})
    tags = sorted({*r.tags, *(i.title for i in issues)})
    meta: dict[str, object] = {"jsonld": jsonld.dumps(jsonld.article(r, c))}
    if tags:
        meta["tags"] = tags
    body = (
        environment()
        .get_template("explainer.md.j2")
        .render(
            r=r,
            page=page,
            L=Linker(page, c),
            time=time,
            roles={p.name: p.roles[0] for p in r.people if p.roles},
            kind_label=KIND_LABEL,
            edit_label=editorial.EDIT_LABEL,
            event_paths=event_paths,
            event_status=event_status,
            issues=issues,
            orgs=orgs,
            places=places,
        )
    )
    return pages.front(meta) + body


def home_page(
    records: Sequence[Record],
    site_title: str,
    stories: Sequence[stories_mod.Story] = (),
    summaries: Mapping[str, str] | None = None,
) -> str:
    """The newest stories and explainers, each explainer with its one-line summary."""
    newest = sort_newest_first(records)
    return pages.front({"jsonld": jsonld.dumps(jsonld.page(site_title, "WebSite"))}) + (
        environment()
        .get_template("home.md.j2")
        .render(
            records=newest[: pages.HOME_EXPLAINERS],
            more_records=len(newest) if len(newest) > pages.HOME_EXPLAINERS else 0,
            stories=stories[: pages.HOME_STORIES],
            more_stories=len(stories) if len(stories) > pages.HOME_STORIES else 0,
            summaries=summaries
            if summaries is not None
            else {r.slug: stories_mod.one_line(r) for r in records},
            site_title=site_title,
            page="index.md",
        )
    )


def explainers_index(records: Sequence[Record], summaries: Mapping[str, str] | None = None) -> str:
    return pages.front({"jsonld": jsonld.dumps(jsonld.page("All explainers", "CollectionPage"))}) + (
        environment()
        .get_template("explainers_index.md.j2")
        .render(
            records=sort_newest_first(records),
            summaries=summaries
            if summaries is not None
            else {r.slug: stories_mod.one_line(r) for r in records},
            page="explainers/index.md",
        )
    )


class _Inputs:
    """The keys of corpus pages: hashes of exactly what each page's rendering reads."""

    def __init__(self, c: Corpus) -> None:
        self.c = c
        self.resolved: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for (article, name), path in sorted(c.resolve.items()):
            self.resolved[article].append((name, path))
        self.record = cache(self._record)
        self.article = cache(self._article)
        # Events and issues are read by many pages: each hashed once per run.
        self.event = {e.path: digest(e) for e in c.events}
        self.issue = {i.path: digest(i) for i in c.issues}
        self.issues_of_article: dict[str, list[str]] = defaultdict(list)
        for i in c.issues:
            for a in i.articles:
                self.issues_of_article[a].append(self.issue[i.path])

    def head(self, path: str | None) -> tuple[str | None, str | None, str | None]:
        """What a link to a node shows: its path, name and kind."""
        n = self.c.node(path) if path else None
        return (path, n.name, n.kind) if n else (path, None, None)

    def _record(self, slug: str) -> str:
        return digest(self.c.record(slug))

    def _article(self, slug: str) -> str:
        """An article's record and how its names resolve, with the names they resolve to."""
        return digest(self.record(slug), [(name, self.head(path)) for name, path in self.resolved[slug]])

    def key(self, kind: str, obj: object, articles: Iterable[str], nodes: Iterable[str | None]) -> str:
        return digest(
            kind,
            obj,
            self.c.as_of,
            [self.article(a) for a in sorted(set(articles))],
            [self.head(p) for p in sorted({p for p in nodes if p})],
        )


def _arts(refs: Iterable[corpus_mod.Ref]) -> list[str]:
    return [ref.article for ref in refs]


def render_site(
    records: Sequence[Record],
    site_title: str = "Explainers",
    site_url: str = "",
    reuse: PageCache | None = None,
    corpus: Corpus | None = None,
) -> dict[str, str]:
    """Every generated file of the site, keyed by its path inside content/.

    With `reuse`, a corpus page whose inputs are unchanged since the cache saw it
    is taken from there instead of rendered; the result is the same text. `corpus`
    is the records' own corpus when the caller has built it already."""
    c = corpus or corpus_mod.build(records)
    keys = _Inputs(c)

    def page(path: str, key: Callable[[], str], make: Callable[[], str]) -> str:
        return reuse.render(path, key(), make) if reuse is not None else make()

    story_list = stories_mod.build(c)
    summaries = {r.slug: stories_mod.one_line(r) for r in c.records}
    out: dict[str, str] = {
        # The corpus's records: as the site dates them (no date merely mentioned).
        "index.md": home_page(c.records, site_title, story_list, summaries),
        "explainers/index.md": explainers_index(c.records, summaries),
    }
    by_report = _events_by_article(c)

    def explainer_key(r: Record) -> str:
        events = [by_report.get((r.slug, n.provenance.paragraph, n.title)) for n in r.next]
        issues = keys.issues_of_article.get(r.slug, [])
        hits = [(e.path, e.status) if e else None for e in events]
        return keys.key("explainer", (hits, issues), [r.slug], [])

    for r in c.records:
        out[f"explainers/{r.slug}.md"] = page(
            f"explainers/{r.slug}.md", partial(explainer_key, r), partial(explainer_page, r, c, by_report)
        )
        out[f"records/{r.slug}.json"] = page(
            f"records/{r.slug}.json", partial(keys.record, r.slug), partial(record_json.dumps, r)
        )

    events_of: dict[str, list[Event]] = defaultdict(list)
    for e in c.events:
        for p in e.participants:
            events_of[p].append(e)
    issues_of: dict[str, list[Issue]] = defaultdict(list)
    for i in c.issues:
        for p in sorted({x for pt in i.points for x in pt.parties}):
            issues_of[p].append(i)
    quotes_of: dict[str, list[corpus_mod.QuoteRef]] = defaultdict(list)
    for q in c.quotes:
        if q.speaker:
            quotes_of[q.speaker].append(q)

    def node_key(n: corpus_mod.Node) -> str:
        quotes = quotes_of.get(n.path, [])
        events = [keys.event[e.path] for e in events_of.get(n.path, [])]
        issues = [keys.issue[i.path] for i in issues_of.get(n.path, [])]
        # The page shows the 12 most related nodes (pages.node_page): only they count.
        related = sorted(c.related.get(n.path, {}).items(), key=lambda kv: (-kv[1], kv[0]))[:12]
        articles = [*n.articles, *(s.article for s in n.roles), *_arts(q.ref for q in quotes)]
        nodes = [n.path, *(q.speaker for q in quotes), *(p for p, _ in related)]
        return keys.key("node", (n, quotes, events, issues, related), articles, nodes)

    for n in c.nodes:
        out[n.path] = page(
            n.path, partial(node_key, n), partial(pages.node_page, n, c, events_of, issues_of, quotes_of)
        )
    kinds: tuple[corpus_mod.NodeKind, ...] = ("person", "organisation", "place")
    for kind in kinds:
        folder = corpus_mod.FOLDER[kind]
        out[f"{folder}/index.md"] = pages.node_index(kind, c)
    for e in c.events:
        arts = _arts(rep.ref for rep in e.reports)
        out[e.path] = page(
            e.path,
            partial(keys.key, "event", keys.event[e.path], arts, e.participants),
            partial(pages.event_page, e, c),
        )
    out["events/index.md"] = pages.events_index(c)
    for i in c.issues:
        arts, parties = _arts(pt.ref for pt in i.points), [x for pt in i.points for x in pt.parties]
        out[i.path] = page(
            i.path,
            partial(keys.key, "issue", keys.issue[i.path], arts, parties),
            partial(pages.issue_page, i, c),
        )
    out["issues/index.md"] = pages.issues_index(c)
    events_of_article: dict[str, list[Event]] = defaultdict(list)
    for e in c.events:
        for a in e.articles:
            events_of_article[a].append(e)
    for s in story_list:
        story_events = sorted(
            {e.slug: e for a in s.articles for e in events_of_article[a]}.values(), key=lambda e: e.slug
        )
        out[s.path] = page(
            s.path,
            partial(keys.key, "story", (s, [keys.event[e.path] for e in story_events]), s.articles, s.people),
            partial(pages.story_page, s, c, story_events),
        )
    out["stories/index.md"] = pages.stories_index(story_list, c)
    out["timeline.md"] = pages.timeline_page(c)
    out["quotes.md"] = pages.quotes_page(c)
    shown = svg.top_nodes(c.nodes, c.related)
    out["connections.md"] = pages.connections_page(c, shown)
    out["pictures/connections.svg"] = svg.connections_svg(shown, c.related)
    out["pictures/timeline.svg"] = svg.timeline_svg(c.timeline)
    # Both read only the records (a correction or a review point is a record's), so
    # they are cheap to render every time; the page cache would only add keys.
    out["corrections.md"] = editorial.corrections_page(c.records)
    out["review.md"] = editorial.review_page(c.records)
    out["tags.md"] = environment().get_template("tags.md.j2").render(page="tags.md")
    out["how-this-site-is-made.md"] = (
        environment()
        .get_template("about.md.j2")
        .render(page="how-this-site-is-made.md", n_records=len(c.records))
    )
    out["feeds/explainers.xml"] = feeds.atom(c, site_title, site_url)
    out["feeds/upcoming.ics"] = feeds.ics(c, site_title)

    out = add_backlinks(out)

    def finish(text: str) -> str:
        return with_abbreviations(tidy(text))

    if reuse is not None:
        reuse.prune(set(out))
        return {p: (reuse.finish(p, t, finish) if p.endswith(".md") else t) for p, t in sorted(out.items())}
    return {p: (finish(t) if p.endswith(".md") else t) for p, t in sorted(out.items())}


_HEADING_AFTER_TEXT = re.compile(r"(?<=[^\n])\n(?=#{1,6} )")


def tidy(text: str) -> str:
    """A blank line before every heading: after a list item, Markdown would otherwise
    read the heading as a continuation of the item. (Article text never starts a line
    with `#`: the escaping turns it into a character reference.)"""
    return _HEADING_AFTER_TEXT.sub("\n\n", text)
