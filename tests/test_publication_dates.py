"""A story is dated only by what says when it was published (metadata, a dateline, an
editor), never by a date it merely mentions: a 2005 story recalling 11 September 2001
must not be shown, ordered or fed as published in 2001."""

from __future__ import annotations

from dataclasses import replace

from generator import corpus as corpus_mod
from generator.render import render_site

from .records import record


def _inferred(slug: str, mentioned: str) -> object:
    return replace(record(slug, mentioned), published_origin="inferred")


def test_a_date_inferred_from_the_text_is_not_shown_as_the_publication_date() -> None:
    site = render_site([_inferred("recalls-old-attack", "2001-09-11")])  # type: ignore[list-item]
    page = site["explainers/recalls-old-attack.md"]
    assert "Publication date not given" in page
    assert "Published" not in page
    assert "2001" not in site["index.md"]
    assert '"datePublished"' not in page


def test_undated_stories_come_after_dated_ones_whatever_they_mention() -> None:
    site = render_site(
        [record("dated-story", "2019-05-01"), _inferred("mentions-a-later-day", "2024-01-01")]  # type: ignore[list-item]
    )
    home = site["index.md"]
    assert home.index("dated-story") < home.index("mentions-a-later-day")
    assert "2024-01-01" not in site["feeds/explainers.xml"]


def test_a_date_from_front_matter_or_a_dateline_is_kept() -> None:
    dated = record("given", "2019-05-01")
    by_line = replace(record("by-dateline", "2019-04-01"), published_origin="dateline")
    assert corpus_mod.site_dated(dated).published == "2019-05-01"
    assert corpus_mod.site_dated(by_line).published == "2019-04-01"


def test_the_audit_finds_no_site_article_dated_by_a_mention() -> None:
    from generator import audit

    built = corpus_mod.build([_inferred("recalls-old-attack", "2001-09-11")])  # type: ignore[list-item]
    assert audit.dated_by_mention(built.records, {"recalls-old-attack": "2005"}) == []
