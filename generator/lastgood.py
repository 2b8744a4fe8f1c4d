"""Forgiving corrections in the preview: a typo never takes a story off the page.

Every build keeps each article's last good record (corrections and people data
applied) under `.cache/explainer/last-good/<stem>.json`. When a seed is
rejected (a broken sidecar or front matter) while previewing (`serve`), its
last good record stands in for it, so the explainer and every page linking to
it stay, and the explainer says at its top why it was not updated. `build` and
`generate` never use these: they report the seed and exit 1, so nothing broken
is published.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from pathlib import Path

from . import record_json
from .incremental import digest
from .model import Record
from .notes import _insert
from .render.markup import escape_md

FOLDER = "last-good"


def _file(cache: Path, stem: str) -> Path:
    return cache / FOLDER / f"{stem}.json"


# stem -> digest of the record kept, to write only what changed (a dotfile: no seed is one)
INDEX = ".index.json"


def remember(cache: Path, records: Iterable[Record]) -> None:
    """Keep each record as the last good one of its seed (written only when it changed:
    serialising every record at every save would cost seconds at 400 articles)."""
    from .writer import atomic_write

    folder = cache / FOLDER
    try:
        index = json.loads((folder / INDEX).read_text(encoding="utf-8"))
        if not isinstance(index, dict):
            index = {}
    except (OSError, ValueError):
        index = {}
    changed = False
    for r in records:
        key = digest(r)
        if index.get(r.stem) == key and _file(cache, r.stem).is_file():
            continue
        folder.mkdir(parents=True, exist_ok=True)
        atomic_write(_file(cache, r.stem), record_json.dumps(r).encode("utf-8", "surrogatepass"))
        index[r.stem] = key
        changed = True
    if changed:
        atomic_write(folder / INDEX, json.dumps(index, sort_keys=True).encode("utf-8"))


def stand_ins(
    cache: Path, rejected: Sequence[tuple[str, str]], records: Sequence[Record]
) -> list[tuple[Record, str]]:
    """(last good record, reason) for each rejected seed (path, reason) that has one and
    whose stem and slug no current record took meanwhile."""
    stems = {r.stem for r in records}
    slugs = {r.slug for r in records}
    out: list[tuple[Record, str]] = []
    for path, reason in rejected:
        stem = Path(path).stem
        if stem in stems:
            continue
        try:
            r = record_json.loads(_file(cache, stem).read_bytes().decode("utf-8", "surrogatepass"))
        except (OSError, ValueError, KeyError, TypeError):
            continue
        if r.slug in slugs:
            continue
        out.append((r, reason))
        stems.add(stem)
        slugs.add(r.slug)
    return out


def banner(reason: str) -> str:
    """The preview's notice on a page shown from its last good version."""
    text = escape_md(reason).replace("\n", " ")
    return (
        '!!! failure "Not updated: this page shows the last good version"\n\n'
        f"    {text}\n\n"
        "    Fix the file and save it; `explainer build` fails until then, so this is "
        "never published.\n\n"
    )


def mark(pages: dict[str, str], kept: Sequence[tuple[Record, str]]) -> dict[str, str]:
    """Pages with the notice under the title of each explainer shown from its last good record."""
    out = dict(pages)
    for r, reason in kept:
        rel = f"explainers/{r.slug}.md"
        if rel in out:
            out[rel] = _insert(out[rel], banner(reason))
    return out
