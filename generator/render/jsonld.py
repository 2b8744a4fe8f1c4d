"""schema.org JSON-LD for every page, carried in the page's front matter.

theme/main.html prints `page.meta.jsonld` into <head>. The JSON is made safe to
sit inside a <script> element: `<`, `>` and `&` become \\u escapes, so article
text can never close the element.
"""

from __future__ import annotations

import json
from typing import Any

from .. import roles_across
from ..corpus import Corpus, Event, Node
from ..model import Record
from .markup import web_url

_STATUS = {
    "scheduled": "https://schema.org/EventScheduled",
    "expected": "https://schema.org/EventScheduled",
    "held": "https://schema.org/EventScheduled",
    "postponed": "https://schema.org/EventPostponed",
    "cancelled": "https://schema.org/EventCancelled",
    "declined": "https://schema.org/EventCancelled",
}
_TYPE = {"person": "Person", "organisation": "Organization", "place": "Place"}


def dumps(data: dict[str, Any]) -> str:
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def thing(n: Node) -> dict[str, Any]:
    return {"@type": _TYPE[n.kind], "name": n.name}


def article(r: Record, c: Corpus) -> dict[str, Any]:
    about, mentions = [], []
    for p in r.people:
        path = c.link(r.slug, p.name)
        node = c.node(path) if path else None
        if node:
            about.append(thing(node))
    for e in (*r.organizations, *r.places):
        path = c.link(r.slug, e.name)
        node = c.node(path) if path else None
        if node:
            mentions.append(thing(node))
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "BackgroundNewsArticle",
        "headline": r.title[:110],
        "about": _dedupe(about),
        "mentions": _dedupe(mentions),
        "hasPart": [
            {
                "@type": "Quotation",
                "text": q.text,
                **({"creator": {"@type": "Person", "name": q.speaker}} if q.speaker else {}),
            }
            for q in r.quotes
        ],
    }
    if r.published:
        data["datePublished"] = r.published
    if r.source.url and web_url(r.source.url):  # a javascript: or data: address is no source
        data["isBasedOn"] = r.source.url
    # schema.org's license is a URL or a CreativeWork: the licence's address when it has
    # a plain one, else its name (both come from the editor's sources table).
    if r.source.licence_url and web_url(r.source.licence_url):
        data["license"] = r.source.licence_url
    elif r.source.licence:
        data["license"] = r.source.licence
    return data


def _dedupe(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    seen, out = set(), []
    for i in items:
        k = (i["@type"], i["name"])
        if k not in seen:
            seen.add(k)
            out.append(i)
    return out


def node(n: Node) -> dict[str, Any]:
    data: dict[str, Any] = {"@context": "https://schema.org", **thing(n)}
    if n.aliases:
        data["alternateName"] = list(n.aliases)
    if n.kind == "person" and (role := roles_across.current_role(n.roles)):
        data["jobTitle"] = role.role
    return data


def event(e: Event) -> dict[str, Any]:
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": e.title,
        "eventStatus": _STATUS.get(e.status, "https://schema.org/EventScheduled"),
    }
    if e.date:
        data["startDate"] = e.date
    if e.place:
        data["location"] = {"@type": "Place", "name": e.place}
    return data


def page(name: str, kind: str = "WebPage") -> dict[str, Any]:
    return {"@context": "https://schema.org", "@type": kind, "name": name}
