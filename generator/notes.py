"""Editor's notes: Markdown an editor attaches to a generated page, kept across rebuilds.

`content/_data/notes/<page path>` (for example
`content/_data/notes/explainers/trump-modi-talks.md`) is shown on the page
`explainers/trump-modi-talks.md` as an "Editor's note" box under its title.
The note is the editor's own trusted Markdown (links, emphasis, lists), not
article text, so it is not escaped; but it is indented into the box, so no
line of it can end the page's front matter or escape the box.
"""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath

from . import textnorm

NOTES_DIR = PurePosixPath("_data/notes")
# A note is a few paragraphs; a bigger file is a mistake (a whole page saved here).
MAX_NOTE_BYTES = 100_000
_H1 = re.compile(r"^# .*\n", re.MULTILINE)


def load(content: Path) -> tuple[dict[str, str], list[str]]:
    """Every note under content/_data/notes/ by the page path it belongs to, and problems."""
    folder = content / NOTES_DIR
    notes: dict[str, str] = {}
    problems: list[str] = []
    if not folder.is_dir():
        return notes, problems
    for f in sorted(folder.rglob("*.md")):
        rel = f.relative_to(folder).as_posix()
        shown = f"content/{NOTES_DIR}/{rel}"
        if any(part.startswith(".") for part in PurePosixPath(rel).parts):
            continue  # an editor's temporary or backup file, not a note
        if f.is_symlink():  # it would publish whatever file it points to
            problems.append(f"{shown}: a link, not a note; write the note into this folder")
            continue
        try:
            data = f.read_bytes()
        except OSError as e:
            problems.append(f"{shown}: cannot read: {e.strerror}")
            continue
        if len(data) > MAX_NOTE_BYTES:
            problems.append(
                f"{shown}: too large for a note ({len(data):,} bytes; the limit is {MAX_NOTE_BYTES:,})"
            )
            continue
        if textnorm.looks_binary(data):
            problems.append(f"{shown}: binary file, not a note")
            continue
        text = textnorm.normalize(textnorm.decode(data)).strip()
        if text:
            notes[rel] = text
    return notes, problems


def admonition(note: str) -> str:
    """The note as a Material admonition; every line indented, so it stays inside."""
    body = "\n".join(f"    {line}" if line.strip() else "" for line in note.split("\n"))
    return f'!!! note "Editor\'s note"\n\n{body}\n\n'


def _insert(page: str, block: str) -> str:
    """Below the page's title (or at the top of its body), never inside its front matter."""
    start = 0
    if page.startswith("---\n"):
        end = page.find("\n---\n", 4)
        if end >= 0:
            start = end + 5
    m = _H1.search(page, start)
    if m is not None and page[start : m.start()].strip() == "":
        pos = m.end()
        return page[:pos] + "\n" + block + page[pos:].lstrip("\n")
    return page[:start] + block + page[start:]


def attach(pages: dict[str, str], notes: dict[str, str]) -> tuple[dict[str, str], list[str]]:
    """Pages with their notes attached, and the notes whose page is not generated (any more)."""
    out = dict(pages)
    orphans: list[str] = []
    for rel, note in sorted(notes.items()):
        if rel in out and rel.endswith(".md"):
            out[rel] = _insert(out[rel], admonition(note))
        else:
            orphans.append(
                f"content/{NOTES_DIR}/{rel}: no generated page content/{rel} to attach this note to "
                "(was the article's slug changed?)"
            )
    return out, orphans
