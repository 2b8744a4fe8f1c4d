"""Slugs never take a section's index page, and stay put when other seeds come and go."""

from __future__ import annotations

import hashlib

import pytest

from generator import clean, corpus, ingest, pipeline, render
from generator.model import Record
from generator.slugs import unique

from .records import entity, event, person, record


def _slugs(texts: dict[str, str]) -> list[str]:
    sources = [ingest.parse(t.encode(), f"seeds/{stem}.md", stem) for stem, t in texts.items()]
    return pipeline.assign_slugs(sources, [clean.clean(s) for s in sources])


def _suffix(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()[:6]


@pytest.mark.parametrize(
    "text", ["---\ntitle: Talks\nslug: index\n---\nText.", "Index\n\nText.", "---\ntitle: INDEX\n---\nText."]
)
def test_an_article_never_takes_the_explainers_index(text: str) -> None:
    assert _slugs({"story": text}) == [f"index-{_suffix('story')}"]


def test_the_explainers_index_survives_an_article_slugged_index() -> None:
    [rec] = pipeline.with_final_slugs([record("story", title="Index")])
    pages = render.render_site([rec])
    assert rec.slug == f"index-{_suffix('story')}"
    assert "# All explainers" in pages["explainers/index.md"]
    assert f"[Index]({rec.slug}.md)" in pages["explainers/index.md"]
    assert f"explainers/{rec.slug}.md" in pages


@pytest.mark.parametrize(
    ("folder", "rec"),
    [
        ("people", record("a", people=(person("Index"),))),
        ("organisations", record("b", organizations=(entity("Index"),))),
        ("places", record("c", places=(entity("Index"),))),
        ("events", record("d", next=(event("Index", None),))),
    ],
)
def test_no_person_organisation_place_or_event_takes_its_sections_index(folder: str, rec: Record) -> None:
    c = corpus.build([rec])
    assert all(n.slug != "index" for n in c.nodes) and all(e.slug != "index" for e in c.events)
    pages = render.render_site([rec])
    # The section's own listing is still there, and the node has a page of its own beside it.
    assert "CollectionPage" in pages[f"{folder}/index.md"]
    # A bare "Index" is no event title (events.py gives such a title no page); every
    # node or event the corpus keeps has its page beside the listing.
    if c.nodes or c.events:
        assert [p for p in pages if p.startswith(f"{folder}/index-")]


def test_reserved_names_are_refused_for_every_kind_and_stay_stable() -> None:
    # Issues (and every other kind) settle clashes through `unique`: "index" is taken from the start.
    assert unique("index", "issue:index", set()) == f"index-{_suffix('issue:index')}"
    assert unique("index", "issue:index", {"other"}) == unique("index", "issue:index", set())
    assert unique("indexes", "k", set()) == "indexes"


def test_three_seeds_with_one_title_keep_their_urls_when_the_middle_one_goes() -> None:
    seeds = {"a": "Same Title\n\nOne.", "b": "Same Title\n\nTwo.", "c": "Same Title\n\nThree."}
    before = dict(zip(seeds, _slugs(seeds), strict=True))
    del seeds["b"]
    after = dict(zip(seeds, _slugs(seeds), strict=True))
    assert after == {k: before[k] for k in ("a", "c")}
    assert len(set(before.values())) == 3


def test_a_newer_article_with_the_same_title_leaves_the_older_ones_url_alone() -> None:
    older = "---\ntitle: Same Title\npublished: 2025-01-10\n---\nOne."
    newer = "---\ntitle: Same Title\npublished: 2025-06-01\n---\nTwo."
    assert _slugs({"zeta": older}) == ["same-title"]
    # The new seed's file name sorts first; the older article keeps the plain slug all the same.
    assert _slugs({"alpha": newer, "zeta": older}) == [f"same-title-{_suffix('alpha')}", "same-title"]


def test_records_settle_clashes_as_the_seeds_do() -> None:
    a = record("alpha", "2025-06-01", title="Same Title")
    z = record("zeta", "2025-01-10", title="Same Title")
    assert [r.slug for r in pipeline.with_final_slugs([a, z])] == [
        f"same-title-{_suffix('alpha')}",
        "same-title",
    ]
