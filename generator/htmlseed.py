"""Saved web pages as seeds: the article text and metadata, via trafilatura."""

from __future__ import annotations

from typing import Any

from .errors import SeedError
from .model import SourceMeta


def extract(html: str, path: str) -> tuple[str, SourceMeta]:
    """Return (article text with a title line, metadata) of a saved news page."""
    import trafilatura

    doc: Any = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        favor_precision=False,
        deduplicate=True,
    )
    if doc is None:
        raise SeedError(path, "no article text found in this web page")
    data = doc if isinstance(doc, dict) else doc.as_dict()
    text = (data.get("text") or "").strip()
    if not text:
        raise SeedError(path, "no article text found in this web page")
    # trafilatura separates paragraphs with single newlines; the cleaner reads a
    # blank line as the paragraph break, which is unambiguous.
    text = "\n\n".join(line.strip() for line in text.split("\n") if line.strip())
    date = data.get("date")
    meta = SourceMeta(
        title=(data.get("title") or "").strip() or None,
        published=str(date)[:10] if date else None,
        url=data.get("url") or None,
        site_name=data.get("sitename") or None,
        author=data.get("author") or None,
        tags=tuple(t for t in (data.get("tags") or []) if isinstance(t, str) and t),
    )
    return text, meta
