"""Corpus pages: people, organisations, places, events, issues, timeline, quotes and indexes.

Each function renders one page from the corpus and returns its Markdown (front
matter included). Paths come from slugs; text goes through the template's
escaping.
"""

from __future__ import annotations

import calendar
import json
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from .. import roles_across
from ..corpus import (
    FOLDER,
    Corpus,
    Event,
    Issue,
    Node,
    NodeKind,
    QuoteRef,
    Ref,
    TimelineEntry,
    is_upcoming,
    month_of,
)
from ..stories import Story, one_line
from . import jsonld
from .env import environment
from .links import Linker, time

QUOTE_KIND = {"direct": "direct quote", "partial": "partial quote", "post": "social media post"}
KIND_NAME: dict[NodeKind, str] = {"person": "person", "organisation": "organisation", "place": "place"}
SECTION: dict[NodeKind, str] = {"person": "People", "organisation": "Organisations", "place": "Places"}
TIMELINE_KIND = {"article": "Article", "background": "Background", "event": "Event"}


def _yaml_str(value: str) -> str:
    """A YAML double-quoted scalar (JSON's string syntax is a subset of it); the line
    and paragraph separators YAML would read as line breaks are escaped too."""
    text = json.dumps(value, ensure_ascii=False)
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029").replace("\x85", "\\x85")


def front(meta: dict[str, Any]) -> str:
    """Front matter, keys sorted so the bytes never depend on dict order.

    Written by hand rather than with yaml.safe_dump: thousands of pages, and the
    values are only strings, lists of strings and flat mappings of settings.
    """
    lines = []
    for key in sorted(meta):
        value = meta[key]
        if isinstance(value, str):
            lines.append(f"{key}: {_yaml_str(value)}")
        elif isinstance(value, dict):  # a plugin's settings, e.g. search: {exclude: true}
            lines.append(f"{key}:")
            lines.extend(
                f"  {k}: {str(v).lower() if isinstance(v, bool) else _yaml_str(str(v))}"
                for k, v in sorted(value.items())
            )
        else:
            lines.append(f"{key}:")
            lines.extend(f"- {_yaml_str(str(v))}" for v in value)
    return "---\n" + "".join(line + "\n" for line in lines) + "---\n\n"


def render(template: str, page: str, corpus: Corpus, **ctx: Any) -> str:
    return environment().get_template(template).render(page=page, L=Linker(page, corpus), time=time, **ctx)


@dataclass(frozen=True)
class RoleRow:
    role: roles_across.Role
    sources: tuple[str, ...]


def role_rows(node: Node, linker: Linker) -> list[RoleRow]:
    """One row per role, its spellings merged (`roles_across`), dated by its articles,
    the role an article gave most recently first; three articles linked, newest first."""
    rows = []
    for role in roles_across.roles_of(node.roles):
        undated = [a for a in role.articles if not linker.corpus.record(a).published]
        arts = [a for a in role.articles[::-1] if a not in undated] + undated
        sources = tuple(
            str(linker.to(f"explainers/{a}.md", linker.corpus.record(a).title)) for a in arts[:3]
        ) + ((f"and {len(arts) - 3} more",) if len(arts) > 3 else ())
        rows.append(RoleRow(role, sources))
    return rows


def node_page(
    n: Node,
    c: Corpus,
    events_of: dict[str, list[Event]],
    issues_of: dict[str, list[Issue]],
    quotes_of: dict[str, list[QuoteRef]],
) -> str:
    page = n.path
    linker = Linker(page, c)
    quotes = quotes_of.get(n.path, [])
    related = sorted(c.related.get(n.path, {}).items(), key=lambda kv: (-kv[1], kv[0]))[:12]
    rel_nodes = [(c.node(p), k) for p, k in related]
    articles = sorted(
        (c.record(a) for a in n.articles), key=lambda r: (r.published or "", r.slug), reverse=True
    )
    return front({"jsonld": jsonld.dumps(jsonld.node(n))}) + render(
        "entity.md.j2",
        page,
        c,
        node=n,
        kind_label=KIND_NAME[n.kind].capitalize(),
        roles=role_rows(n, linker) if n.kind == "person" else [],
        quotes=quotes,
        kind_labels=QUOTE_KIND,
        kind_names=KIND_NAME,
        events=events_of.get(n.path, []),
        issues=issues_of.get(n.path, []),
        related=[(x, k) for x, k in rel_nodes if x is not None],
        articles=articles,
    )


def event_page(e: Event, c: Corpus) -> str:
    return front({"jsonld": jsonld.dumps(jsonld.event(e))}) + render(
        "event.md.j2",
        e.path,
        c,
        e=e,
        upcoming=is_upcoming(e.date, e.status, c.as_of),
        participants=e.participants,
    )


def issue_page(i: Issue, c: Corpus) -> str:
    return front({"jsonld": jsonld.dumps(jsonld.page(i.title))}) + render("issue.md.j2", i.path, c, i=i)


@dataclass(frozen=True)
class IndexItem:
    path: str
    label: str
    note: str = ""


def section_index(heading: str, intro: str, folder: str, items: Sequence[IndexItem], c: Corpus) -> str:
    page = f"{folder}/index.md"
    return front({"jsonld": jsonld.dumps(jsonld.page(heading, "CollectionPage"))}) + render(
        "section_index.md.j2", page, c, heading=heading, intro=intro, items=items
    )


def node_index(kind: NodeKind, c: Corpus) -> str:
    nodes = sorted((n for n in c.nodes if n.kind == kind), key=lambda n: (n.name.casefold(), n.slug))
    items = [
        IndexItem(n.path, n.name, f"{len(n.articles)} explainer{'s' if len(n.articles) != 1 else ''}")
        for n in nodes
    ]
    intro = f"Every {KIND_NAME[kind]} named in the explainers, A to Z, with the number of explainers."
    return section_index(SECTION[kind], intro, FOLDER[kind], items, c)


def events_index(c: Corpus) -> str:
    events = sorted(c.events, key=lambda e: (e.date or "0000", e.title, e.slug), reverse=True)
    items = [
        IndexItem(
            e.path,
            e.title,
            f"{time(e.date)} · {e.status}"
            + (" · **upcoming**" if is_upcoming(e.date, e.status, c.as_of) else ""),
        )
        for e in events
    ]
    intro = "Meetings, summits, visits, votes and deadlines the articles mention, latest date first."
    return section_index("Events", intro, "events", items, c)


def issues_index(c: Corpus) -> str:
    items = [IndexItem(i.path, i.title, f"raised in {len(i.articles)} explainers") for i in c.issues]
    intro = "Sticking points that come up in more than one explainer."
    return section_index("Issues", intro, "issues", items, c)


def month_label(month: str) -> str:
    if len(month) == 7:
        return f"{calendar.month_name[int(month[5:7])]} {month[:4]}"
    return f"{month[:4]} (month not given)"


def timeline_page(c: Corpus) -> str:
    months: dict[str, list[TimelineEntry]] = defaultdict(list)
    for t in c.timeline:
        months[month_of(t.date)].append(t)
    return front({"jsonld": jsonld.dumps(jsonld.page("Timeline", "CollectionPage"))}) + render(
        "timeline.md.j2",
        "timeline.md",
        c,
        months=sorted(months.items()),
        month_label=month_label,
        kind_labels=TIMELINE_KIND,
        as_of=c.as_of,
    )


@dataclass(frozen=True)
class Speaker:
    label: str
    path: str | None


# The quotes index shows this many of the newest quotes; every quote also stands on
# its speaker's page and in its explainer, so the index stays small as the archive grows.
LATEST_QUOTES = 50


def quotes_page(c: Corpus) -> str:
    counts: dict[str, int] = defaultdict(int)
    unnamed = 0
    for q in c.quotes:
        if q.speaker and c.node(q.speaker):
            counts[q.speaker] += 1
        else:
            unnamed += 1
    speakers = []
    for path, n in counts.items():
        node = c.node(path)
        assert node is not None
        speakers.append((Speaker(node.name, path), n))
    speakers.sort(key=lambda x: (-x[1], x[0].label.casefold(), x[0].path or ""))
    # Newest first; within an article in reading order (quotes come in that order).
    order = sorted(
        range(len(c.quotes)),
        key=lambda i: (c.quotes[i].ref.date or "", -i),
        reverse=True,
    )
    latest = [c.quotes[i] for i in order[:LATEST_QUOTES]]
    return front({"jsonld": jsonld.dumps(jsonld.page("Quotes", "CollectionPage"))}) + render(
        "quotes.md.j2",
        "quotes.md",
        c,
        speakers=speakers,
        unnamed=unnamed,
        total=len(c.quotes),
        latest=latest,
        kind_labels=QUOTE_KIND,
    )


def connections_page(c: Corpus, nodes: Sequence[Node]) -> str:
    shown = {n.path for n in nodes}
    rows = []
    for n in nodes:
        others = sorted(
            ((c.node(p), k) for p, k in c.related.get(n.path, {}).items() if p in shown),
            key=lambda x: (-x[1], x[0].path if x[0] else ""),
        )
        rows.append((n, [(o, k) for o, k in others if o is not None]))
    return front({"jsonld": jsonld.dumps(jsonld.page("Who appears with whom"))}) + render(
        "connections.md.j2", "connections.md", c, nodes=nodes, rows=rows, kind_names=KIND_NAME
    )


# The home page lists this many stories and explainers; the indexes list them all.
HOME_STORIES = 20
HOME_EXPLAINERS = 20


def story_page(s: Story, c: Corpus, events: Sequence[Event]) -> str:
    """A story: its explainers in date order with their one-line summaries, its people,
    the sticking points of its latest explainer that gives any, and its events
    (`events`: those its articles report), upcoming first."""
    records = [c.record(a) for a in s.articles]
    counts = {p: sum(1 for a in s.articles if a in node.articles) for p in s.people if (node := c.node(p))}
    people = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:STORY_PEOPLE]
    latest = next((r for r in reversed(records) if r.sticking_points), None)
    points = (
        [
            StoryPoint(p.text, Ref(latest.slug, p.provenance.paragraph, latest.published))
            for p in latest.sticking_points
        ]
        if latest
        else []
    )
    upcoming = [e for e in events if is_upcoming(e.date, e.status, c.as_of)]
    past = [e for e in events if e not in upcoming]
    shown = [p for p in s.defining if c.node(p) or p in {e.path for e in events}][:STORY_SHARED]
    return front({"jsonld": jsonld.dumps(jsonld.page(s.title, "CollectionPage"))}) + render(
        "story.md.j2",
        s.path,
        c,
        s=s,
        records=records,
        summaries={r.slug: one_line(r) for r in records},
        people=people,
        points=points,
        upcoming=sorted(upcoming, key=lambda e: (e.date or "", e.title, e.slug)),
        past=sorted(past, key=lambda e: (e.date or "", e.title, e.slug), reverse=True)[:STORY_PAST_EVENTS],
        shared=shown,
        event_titles={e.path: e.title for e in events},
        as_of=c.as_of,
    )


@dataclass(frozen=True)
class StoryPoint:
    text: str
    ref: Ref


# How much a story page shows of what its articles share.
STORY_PEOPLE = 15
STORY_SHARED = 6
STORY_PAST_EVENTS = 10


def _span(s: Story) -> str:
    if s.first is None or s.last is None:
        return "articles undated"
    return str(time(s.first)) + ("" if s.first == s.last else f" to {time(s.last)}")


def stories_index(stories: Sequence[Story], c: Corpus) -> str:
    items = [IndexItem(s.path, s.title, f"{len(s.articles)} explainers · {_span(s)}") for s in stories]
    intro = "Explainers about one story, grouped; the newest story first."
    return section_index("Stories", intro, "stories", items, c)
