"""The editors' pages: Corrections (every correction in force, by story) and Review
(what the extractor was unsure of, by story; kept out of navigation, search and
search engines: it is a worklist for editors, not reading for the public)."""

from __future__ import annotations

from collections.abc import Sequence

from ..corrections import excerpt
from ..model import EditAction, Record
from ..review import stories
from . import jsonld
from .env import environment
from .pages import front

KIND_LABEL = {
    "quote": "Speaker",
    "suppress": "Removed",
    "move": "Moved",
    "add": "Added",
    "people": "People data",
}
# What the explainer's "Correction" mark says an editor did.
EDIT_LABEL: dict[EditAction, str] = {
    "added": "added by an editor",
    "moved": "moved here by an editor",
    "re-attributed": "speaker set by an editor",
}


def _newest_first(records: Sequence[Record]) -> list[Record]:
    return sorted(records, key=lambda r: (r.published or "", r.slug), reverse=True)


def corrections_page(records: Sequence[Record]) -> str:
    corrected = [r for r in _newest_first(records) if r.corrections]
    return front({"jsonld": jsonld.dumps(jsonld.page("Corrections", "CollectionPage"))}) + (
        environment()
        .get_template("corrections.md.j2")
        .render(page="corrections.md", records=corrected, kind_label=KIND_LABEL)
    )


def review_page(records: Sequence[Record]) -> str:
    meta: dict[str, object] = {"robots": "noindex", "search": {"exclude": True}}
    return front(meta) + (
        environment()
        .get_template("review.md.j2")
        .render(page="review.md", stories=stories(records), excerpt=excerpt)
    )
