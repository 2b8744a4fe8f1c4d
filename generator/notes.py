"""Editor's notes: Markdown an editor attaches to a generated page, kept across rebuilds.

`content/_data/notes/<page path>` (for example
`content/_data/notes/explainers/trump-modi-talks.md`) is shown on the page
`explainers/trump-modi-talks.md` as an "Editor's note" box under its title.
The note is the editor's own trusted Markdown (links, emphasis, lists), not
article text, so its Markdown is kept; but it is indented into the box, so no
line of it can end the page's front matter or escape the box. What Markdown would
pass through as live HTML is taken out (`tame`): raw HTML and attribute lists are
shown as text, and a link is a link only to a web or mail address or a page of the
site (no javascript:, data: or other schemes). Notes are read only from inside the
project: a linked notes folder or note that leads elsewhere is refused.
"""

from __future__ import annotations

import html
import re
from pathlib import Path, PurePosixPath

from . import textnorm

NOTES_DIR = PurePosixPath("_data/notes")
# A note is a few paragraphs; a bigger file is a mistake (a whole page saved here).
MAX_NOTE_BYTES = 100_000
_H1 = re.compile(r"^# .*\n", re.MULTILINE)
# An inline link or image destination: "](dest" (the target may be in <...>).
_INLINE_DEST = re.compile(r"\]\(\s*(<[^>\n]*>|[^)\n]*)")
# A reference definition: "[label]: dest".
_REF_DEF = re.compile(r"^( {0,3})\[([^\]\n]+)\]:[ \t]*(\S*)", re.MULTILINE)
_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):")
_SAFE_SCHEMES = {"http", "https", "mailto"}
# Browsers drop these anywhere in an address, so "java\tscript:" is still a scheme.
_URL_IGNORED = re.compile(r"[\s\x00-\x1f\x7f]")


def _inside(path: Path, root: Path) -> bool:
    return path.resolve().is_relative_to(root)


def load(content: Path) -> tuple[dict[str, str], list[str]]:
    """Every note under content/_data/notes/ by the page path it belongs to, and problems."""
    folder = content / NOTES_DIR
    notes: dict[str, str] = {}
    problems: list[str] = []
    if not folder.is_dir():
        return notes, problems
    # content/ is the project's folder; a notes folder linked to somewhere else would
    # publish files from outside the project.
    project = content.parent.resolve()
    if not _inside(folder, project):
        problems.append(
            f"content/{NOTES_DIR}: a link to {folder.resolve()}, outside the project; "
            "no notes read (make it a folder of its own)"
        )
        return notes, problems
    for f in sorted(folder.rglob("*.md")):
        rel = f.relative_to(folder).as_posix()
        shown = f"content/{NOTES_DIR}/{rel}"
        if any(part.startswith(".") for part in PurePosixPath(rel).parts):
            continue  # an editor's temporary or backup file, not a note
        if f.is_symlink() or not _inside(f, project):  # it would publish whatever it points to
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


def _safe_dest(dest: str) -> bool:
    """A link target that cannot run script: http(s), mailto, or a path or anchor."""
    target = _URL_IGNORED.sub("", html.unescape(dest.strip("<>"))).lower()
    m = _SCHEME.match(target)
    if m:
        return m.group(1) in _SAFE_SCHEMES
    # No scheme before the path: a relative address (page.md, ../x/, #anchor), unless
    # a colon hides in its first segment (a scheme the pattern above does not read).
    return ":" not in re.split(r"[/?#]", target, maxsplit=1)[0]


def tame(note: str) -> str:
    """The note's Markdown without what would become live HTML: raw HTML and attribute
    lists (`{: onclick=...}`) as text, links to unsafe schemes as text. (A `<` or `{`
    in a code span therefore shows as its character reference.)"""

    def inline(m: re.Match[str]) -> str:
        return m.group(0) if _safe_dest(m.group(1)) else "]&#40;" + m.group(0)[2:]

    def ref(m: re.Match[str]) -> str:
        indent, rest = m.group(1), m.group(0)[len(m.group(1)) + 1 :]
        return m.group(0) if _safe_dest(m.group(3)) else f"{indent}&#91;{rest}"

    text = _INLINE_DEST.sub(inline, note)
    text = _REF_DEF.sub(ref, text)
    return text.replace("<", "&#60;").replace("{", "&#123;")


def admonition(note: str) -> str:
    """The note as a Material admonition; every line indented, so it stays inside."""
    body = "\n".join(f"    {line}" if line.strip() else "" for line in tame(note).split("\n"))
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
