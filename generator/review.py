"""What the extractor was unsure of, per story: the Review page's data (pure, from records).

Nothing here is stored in the record (its `warnings` stay as extraction left
them, so the evaluation's records do not change): everything is read off the
corrected records at render time, so it is as fresh as the page it is on.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .corrections import article_names
from .model import NextEvent, Quote, Record
from .overrides import norm

# Two stubs alike are no evidence of the same article saved twice.
DUPLICATE_MIN_CHARS = 200


@dataclass(frozen=True)
class StoryReview:
    """One story's open points; a story with none is not listed."""

    record: Record
    unattributed: tuple[Quote, ...]
    described: tuple[Quote, ...]  # the speaker is a description, not a name the article gives
    undated: tuple[NextEvent, ...]
    duplicates: tuple[str, ...]  # slugs of other explainers built from the same article

    def __bool__(self) -> bool:
        return bool(self.unattributed or self.described or self.undated or self.duplicates)


def duplicate_articles(records: Sequence[Record]) -> list[tuple[str, ...]]:
    """Stems of seeds that hold the same article (the same text once spacing and case
    are set aside): the same story saved twice would otherwise become two explainers
    without a word. Short bodies are left out: two stubs alike are no evidence."""
    by_text: dict[str, list[str]] = {}
    for r in records:
        text = " ".join(r.body.split()).casefold()
        if len(text) >= DUPLICATE_MIN_CHARS:
            by_text.setdefault(text, []).append(r.stem)
    return sorted(tuple(sorted(stems)) for stems in by_text.values() if len(stems) > 1)


def stories(records: Sequence[Record]) -> list[StoryReview]:
    """Each story with something to review, newest first (the explainers' order)."""
    stem_to_slug = {r.stem: r.slug for r in records}
    twins: dict[str, tuple[str, ...]] = {}
    for stems in duplicate_articles(records):
        for s in stems:
            twins[s] = tuple(stem_to_slug[o] for o in stems if o != s)
    out = []
    for r in sorted(records, key=lambda r: (r.published or "", r.slug), reverse=True):
        named = article_names(r)
        story = StoryReview(
            record=r,
            unattributed=tuple(q for q in r.quotes if q.speaker is None),
            # A speaker the record knows under no name is a description ("a spokesman",
            # "the double Olympic champion") the extractor could not resolve to one.
            described=tuple(q for q in r.quotes if q.speaker and norm(q.speaker) not in named),
            undated=tuple(n for n in r.next if n.date is None),
            duplicates=twins.get(r.stem, ()),
        )
        if story:
            out.append(story)
    return out
