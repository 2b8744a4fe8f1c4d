"""Document + spaCy docs -> Record: every field of the explainer record."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from ..model import DateMention, Document, Provenance, Record, Source
from ..slugs import slugify
from . import dates, entities, quotes, resolve, sections
from .article import Article

# Bump when extraction output changes: part of the cache key, so records made by
# an older extractor are never reused.
EXTRACTOR_VERSION = "0.1.1"


def infer_published(source: Source, document: Document) -> tuple[str | None, str]:
    """Publication date: front matter, else the dateline, else the latest full date in the text.

    The latest, because an article reports on the past: the newest date it
    reports (not one it announces) is the closest bound on when it was written.
    """
    if source.meta.published:
        return source.meta.published, "front-matter"
    if document.dateline:
        v = dates.first_full_date(document.dateline)
        if v:
            return v, "dateline"
    found = dates.latest_reported_date(b.text for b in document.blocks if b.kind != "heading")
    if found:
        return found, "inferred"
    return None, "none"


def extract(source: Source, document: Document, docs: Sequence[Any], slug: str | None = None) -> Record:
    published, origin = infer_published(source, document)
    anchor = dates.parse_iso(published)
    article = Article(document, tuple(docs), anchor)
    ents = entities.find(article)
    # One resolver per document, over what the entity stage found: every stage that
    # names a speaker asks it.
    resolver = resolve.build(article, ents)
    found_quotes = quotes.find(article, ents, resolver)
    mentions = dates.find_mentions(article)
    date_of = {(b, a): v for b, a, _, _, v in mentions}
    date_items = tuple(DateMention(t, v, Provenance(b, a, e)) for b, a, e, t, v in mentions)

    parts = sections.find_all(article, ents, date_of, published)
    return Record(
        stem=source.stem,
        slug=slug or slugify(source.meta.slug or document.title) or slugify(source.stem),
        title=document.title,
        body=document.body,
        published=published,
        published_origin=origin,  # type: ignore[arg-type]
        source=source.meta,
        sha256=source.sha256,
        blocks=document.blocks,
        boilerplate=document.boilerplate,
        what_happened=tuple(parts.what_happened),
        people=ents.people,
        organizations=ents.organizations,
        places=ents.places,
        quotes=tuple(found_quotes),
        dates=date_items,
        background=tuple(parts.background),
        sticking_points=tuple(parts.sticking_points),
        next=tuple(parts.next),
        questions=tuple(parts.questions),
        tags=source.meta.tags,
    )


def today() -> dt.date:  # pragma: no cover - only for `explainer new`
    return dt.date.today()
