"""Records -> {path: text}: every generated page, as pure functions over the records."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from .. import record_json
from ..model import Record
from .env import environment, rel
from .markup import Raw, escape_md

KIND_LABEL = {"direct": "direct quote", "partial": "partial quote", "post": "social media post"}


def sort_newest_first(records: Sequence[Record]) -> list[Record]:
    return sorted(records, key=lambda r: (r.published or "", r.slug), reverse=True)


def explainer_page(r: Record, person_href: Callable[[str], str | None] | None = None) -> str:
    page = f"explainers/{r.slug}.md"
    env = environment()

    def person_link(name: str) -> Raw:
        href = person_href(name) if person_href else None
        if href is None:
            return Raw(escape_md(name))
        return Raw(f"[{escape_md(name)}]({rel(page, href)})")

    roles = {p.name: p.roles[0] for p in r.people if p.roles}
    return env.get_template("explainer.md.j2").render(
        r=r,
        page=page,
        roles=roles,
        kind_label=KIND_LABEL,
        person_link=person_link,
        speaker_link=person_link,
    )


def home_page(records: Sequence[Record], site_title: str) -> str:
    return (
        environment()
        .get_template("home.md.j2")
        .render(records=sort_newest_first(records), site_title=site_title, page="index.md")
    )


def explainers_index(records: Sequence[Record]) -> str:
    return (
        environment()
        .get_template("explainers_index.md.j2")
        .render(records=sort_newest_first(records), page="explainers/index.md")
    )


def render_site(records: Sequence[Record], site_title: str = "Explainers") -> dict[str, str]:
    """Every generated file of the site, keyed by its path inside content/."""
    pages: dict[str, str] = {
        "index.md": home_page(records, site_title),
        "explainers/index.md": explainers_index(records),
    }
    for r in records:
        pages[f"explainers/{r.slug}.md"] = explainer_page(r)
        pages[f"records/{r.slug}.json"] = record_json.dumps(r)
    return pages
