"""Is the last clean build still current? Then `generate` has nothing to do.

`mkdocs serve` regenerates before every rebuild, also when an editor saves a page
of their own; re-rendering a large archive for that would make every preview
wait (52 s at 15,000 stories). A fingerprint of everything the generated pages
are made from (the generator's code, the model, every file in seeds/, the
editors' data under content/_data/, mkdocs.yml) is kept with the size and
modification time of each generated file. When the fingerprint matches and no
generated file was touched, deleted or edited since, the pages on disk are the
ones a full run would write, byte for byte.

Only a clean run is remembered (nothing rejected, edited or shadowed, no
error). Its warnings are kept with it and said again by a skipped run: they
follow from the same inputs (a duplicate seed, a stale rule), so a run that
skips must not fall silent about them, nor render everything again to say them.
The record lives in the cache folder: deleting it only costs one full run.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from . import nlp
from .ingest import MAX_SEED_BYTES
from .project import Project

STATE_FILE = "last-clean-build.json"
_PACKAGE = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Clean:
    """What the last clean run reported, to report it again."""

    seeds: int
    pages: int
    warnings: tuple[str, ...] = ()


def _hash_tree(h: hashlib._Hash, folder: Path, label: str) -> None:
    if not folder.is_dir():
        h.update(f"{label}:absent\n".encode())
        return
    for p in sorted(folder.rglob("*")):
        if "__pycache__" in p.parts:
            continue
        rel = p.relative_to(folder).as_posix()
        if p.is_symlink():
            # Never follow a link out of the project; its target string is what counts.
            h.update(f"{label}/{rel} -> {os.readlink(p)}\n".encode())
        elif p.is_file():
            st = p.stat()
            if st.st_size > MAX_SEED_BYTES:
                # Too large to be a seed (the reader refuses it unread): its size and
                # time stand for it, so a stray huge file costs no reading here either.
                h.update(f"{label}/{rel} size={st.st_size} mtime={st.st_mtime_ns}\n".encode())
            else:
                h.update(f"{label}/{rel} {hashlib.sha256(p.read_bytes()).hexdigest()}\n".encode())


def code_id() -> str:
    """The generator's code and the model: what every rendering depends on besides its input."""
    h = hashlib.sha256()
    h.update(f"model {nlp.model_id()} {nlp.pipeline_id()}\n".encode())
    _hash_tree(h, _PACKAGE, "generator")
    return h.hexdigest()


def fingerprint(project: Project, site: tuple[str, str]) -> str:
    """`site` is (title, address) as site_config.read resolves mkdocs.yml."""
    h = hashlib.sha256()
    h.update(f"model {nlp.model_id()} {nlp.pipeline_id()}\n".encode())
    _hash_tree(h, _PACKAGE, "generator")
    _hash_tree(h, project.seeds, "seeds")
    _hash_tree(h, project.content / "_data", "content/_data")
    try:
        h.update(project.mkdocs_yml.read_bytes())
    except OSError:
        h.update(b"mkdocs.yml:absent")
    # As read, too: `site_url: !ENV SITE_URL` changes with the environment, not the file.
    h.update(f"\nsite {site[0]!r} {site[1]!r}\n".encode())
    return h.hexdigest()


def _stats(content: Path, rels: list[str]) -> dict[str, list[int]] | None:
    out: dict[str, list[int]] = {}
    for rel in rels:
        try:
            st = (content / rel).lstat()
        except OSError:
            return None
        out[rel] = [st.st_size, st.st_mtime_ns]
    return out


def current(project: Project, fp: str) -> Clean | None:
    """The last clean run's report if its pages are still exactly on disk, else None."""
    try:
        state = json.loads((project.cache / STATE_FILE).read_text(encoding="utf-8"))
        if state.get("inputs") != fp:
            return None
        files = state["files"]
        if _stats(project.content, sorted(files)) != files:
            return None
        said = state.get("warnings", [])
        if not isinstance(said, list) or not all(isinstance(w, str) for w in said):
            return None
        return Clean(int(state["seeds"]), int(state["pages"]), tuple(said))
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def remember(
    project: Project, fp: str, seeds: int, pages: int, generated: list[str], warnings: Sequence[str] = ()
) -> None:
    """Keep a clean run's fingerprint, its report (warnings too) and the state of the files it left."""
    from .writer import atomic_write

    files = _stats(project.content, sorted(generated))
    if files is None:
        return
    project.cache.mkdir(parents=True, exist_ok=True)
    data = json.dumps(
        {"inputs": fp, "seeds": seeds, "pages": pages, "files": files, "warnings": list(warnings)},
        sort_keys=True,
    )
    atomic_write(project.cache / STATE_FILE, data.encode("utf-8"))


def forget(project: Project) -> None:
    (project.cache / STATE_FILE).unlink(missing_ok=True)
