"""Write generated files into content/ without ever touching an editor's file.

A generated Markdown page starts with front matter that names the generator
and the hash of the page's own text. A file is the generator's to rewrite or
delete only if that hash still matches (or, for other files, the manifest's):
a page an editor wrote, or edited after generation, is left alone and reported.
Every write is atomic (temporary file + rename), so a killed build leaves no
half-written page.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import json
import os
import re
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from .errors import ExplainerError

MARKER = "generated_by: explainer"
MANIFEST = ".explainer-manifest.json"
# Temporary files of atomic writes. A dotfile prefix: MkDocs never publishes
# dotfiles, so one left by a killed build is never served; the next build removes it.
TMP_PREFIX, TMP_SUFFIX = ".explainer-", ".tmp"
_TMP_NAME = re.compile(re.escape(TMP_PREFIX) + r"[a-z0-9_]{8}" + re.escape(TMP_SUFFIX))
_HASH_LINE = re.compile(r"^explainer_hash: ([0-9a-f]{64})\n", re.MULTILINE)


@dataclass
class WriteReport:
    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)
    # Files the generator would have written or deleted but an editor owns.
    shadowed: list[str] = field(default_factory=list)  # hand-written page at a generated path
    edited: list[str] = field(default_factory=list)  # generated page changed by an editor
    backups: list[str] = field(default_factory=list)
    leftovers: list[str] = field(default_factory=list)  # temporary files of a killed build, removed
    # Changed generated pages whose subject is gone: (path, where the file was moved).
    orphaned: list[tuple[str, str]] = field(default_factory=list)


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def stamp(path: str, text: str) -> str:
    """Add the ownership marker to a Markdown page (inside its front matter)."""
    if not path.endswith(".md"):
        return text
    body = text
    meta = ""
    if text.startswith("---\n"):
        end = text.find("\n---\n", 4)
        if end >= 0:
            meta, body = text[4 : end + 1], text[end + 5 :]
    digest = _sha((meta + body).encode("utf-8"))
    return f"---\n{MARKER}\nexplainer_hash: {digest}\n{meta}---\n{body}"


def verify_stamp(text: str) -> bool | None:
    """True: an untouched generated page; False: generated, then edited; None: not generated."""
    if not text.startswith(f"---\n{MARKER}\n"):
        return None
    m = _HASH_LINE.search(text, len(MARKER) + 5)
    end = text.find("\n---\n", 4)
    if not m or end < 0 or m.start() > end:
        return False
    meta = text[m.end() : end + 1]
    body = text[end + 5 :]
    return _sha((meta + body).encode("utf-8")) == m.group(1)


def safe_target(root: Path, rel: str, resolved: dict[Path, Path] | None = None) -> Path:
    """The file for a page path, refusing anything that would land outside `root`.

    `resolved` memoises folder resolutions within one write: thousands of pages
    share a few dozen folders, and resolving each costs system calls per part.
    """
    p = PurePosixPath(rel)
    if p.is_absolute() or ".." in p.parts or not p.parts or any(part.startswith(".") for part in p.parts):
        raise ExplainerError(f"refusing to write {rel!r}: outside the content folder")
    target = root / Path(*p.parts)
    # The folder is resolved (a symlinked folder must not lead outside), the file
    # itself is not: a symlink there is an editor's, and is never written through.
    memo = {} if resolved is None else resolved
    for folder in (root, target.parent):
        if folder not in memo:
            memo[folder] = folder.resolve()
    if not memo[target.parent].is_relative_to(memo[root]):
        raise ExplainerError(f"refusing to write {rel!r}: it resolves outside the content folder")
    return target


def atomic_write(target: Path, data: bytes) -> None:
    """Write via a temporary file and a rename: readers see the old bytes or the new, never half."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=TMP_PREFIX, suffix=TMP_SUFFIX)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def clean_leftovers(root: Path) -> list[str]:
    """Remove temporary files a killed build left behind; they were never complete pages."""
    removed = []
    for tmp in sorted(root.rglob(f"{TMP_PREFIX}*{TMP_SUFFIX}")):
        # Exactly the names tempfile.mkstemp makes (8 random characters): nothing else
        # is taken for a leftover, whatever an editor names a file.
        if _TMP_NAME.fullmatch(tmp.name) and tmp.is_file() and not tmp.is_symlink():
            tmp.unlink(missing_ok=True)
            removed.append(tmp.relative_to(root).as_posix())
    return removed


@dataclass(frozen=True)
class Manifest:
    """The generator's record of its files, kept in content/ beside them.

    `files` is what the last complete build left. `pending` is the journal: before
    a build writes or removes anything, it records the bytes it is about to write
    (every digest of an interrupted build is kept too), so a build killed between
    its writes and the final manifest still knows each file it wrote as its own.
    """

    files: dict[str, str] = field(default_factory=dict)
    pending: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def known(self) -> set[str]:
        return set(self.files) | set(self.pending)

    def owns(self, rel: str, digest: str) -> bool | None:
        """True: bytes the generator wrote there; False: changed since; None: never the generator's."""
        if rel not in self.files and rel not in self.pending:
            return None
        return digest == self.files.get(rel) or digest in self.pending.get(rel, ())


def _load_manifest(root: Path) -> Manifest:
    try:
        data = json.loads((root / MANIFEST).read_text(encoding="utf-8"))
        files = {str(k): str(v) for k, v in data.get("files", {}).items()}
        pending = {str(k): tuple(str(d) for d in v) for k, v in data.get("pending", {}).items()}
        return Manifest(files, pending)
    except (OSError, ValueError, AttributeError, TypeError):
        return Manifest()


def _manifest_bytes(files: dict[str, str], pending: dict[str, tuple[str, ...]] | None = None) -> bytes:
    data: dict[str, object] = {"files": files}
    if pending:
        data["pending"] = {k: list(v) for k, v in pending.items()}
    return (json.dumps(data, indent=0, sort_keys=True) + "\n").encode()


def _state(data: bytes, rel: str, manifest: Manifest) -> bool | None:
    """Ownership of an existing file's bytes: True ours and untouched, False edited, None theirs.

    A Markdown page is the generator's only if it carries the stamp: one without it
    is an editor's, even at a path the generator once used (the manifest only knows
    that a file was there, not who wrote the one there now). Other files cannot
    carry a stamp, so for them the manifest (and its journal) decides.
    """
    if rel.endswith(".md"):
        return verify_stamp(data.decode("utf-8", errors="replace"))
    return manifest.owns(rel, _sha(data))


def remove_file(target: Path) -> None:
    """Delete one of the generator's own files (a seam: tests kill a build here)."""
    target.unlink(missing_ok=True)


def move_file(target: Path, dest: Path) -> None:
    """Move a file out of content/: copied first, so a kill in between loses nothing."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(target, dest)
    target.unlink()


class _RunFolder:
    """`<folder>/<run>/`, made on first use and never reused: a run never overwrites
    what an earlier one kept there. The run is named by its UTC time, then a counter."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._run: Path | None = None

    def path(self, rel: str) -> Path:
        if self._run is None:
            self.folder.mkdir(parents=True, exist_ok=True)
            stamp_ = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
            for n in itertools.count(1):
                cand = self.folder / (stamp_ if n == 1 else f"{stamp_}-{n}")
                try:
                    cand.mkdir()  # atomic: two runs in one second still get a folder each
                except FileExistsError:
                    continue
                self._run = cand
                break
        assert self._run is not None
        return self._run / Path(*PurePosixPath(rel).parts)


Adjust = Callable[[dict[str, str], set[str]], dict[str, str]]


def write(
    root: Path,
    pages: dict[str, str],
    force: bool = False,
    backup_dir: Path | None = None,
    adjust: Adjust | None = None,
    orphan_dir: Path | None = None,
) -> WriteReport:
    """Make content/ hold exactly `pages` among the generator's files; report the rest.

    `adjust(pages, kept)` may rewrite the pages once it is known which generated
    paths an editor's file keeps (their links must not point at anchors the
    editor's page lacks); each existing file is read once for both decisions.

    `force` overwrites generated Markdown pages an editor changed (they carry the
    stamp), after a copy to `backup_dir/<run>/<path>`; files without the stamp are
    never touched. A changed page whose subject is gone (its seed was deleted) is
    moved to `orphan_dir/<run>/<path>`: its links lead to pages that no longer
    exist, so left in content/ it would break every strict build.
    """
    report = WriteReport()
    root.mkdir(parents=True, exist_ok=True)
    report.leftovers = clean_leftovers(root)
    manifest = _load_manifest(root)
    folders: dict[Path, Path] = {}  # resolved folders, for safe_target
    backups = _RunFolder(backup_dir or root.parent / ".cache" / "backups")
    orphans = _RunFolder(orphan_dir or root.parent / ".cache" / "orphans")

    # Plan first, touching nothing: what goes, and what is at each generated path now.
    stale: list[tuple[str, Path, bool]] = []  # (path, file, moved out rather than deleted)
    for rel in sorted(manifest.known() - set(pages)):
        try:
            target = safe_target(root, rel, folders)
        except ExplainerError:
            continue  # a damaged or tampered manifest never leads outside content/
        if not target.is_file() or target.is_symlink():
            continue
        state = _state(target.read_bytes(), rel, manifest)
        if state is True:
            stale.append((rel, target, False))
        elif state is False and rel.endswith(".md"):
            stale.append((rel, target, True))  # stamped, then changed by an editor
        elif rel in manifest.files:
            report.edited.append(rel)  # at a path once generated, not ours now: left alone
    existing: dict[str, tuple[bool | None, bytes | None]] = {}
    for rel in pages:
        target = safe_target(root, rel, folders)
        if target.is_symlink() or (target.exists() and not target.is_file()):
            existing[rel] = (None, None)  # a link or a folder an editor put there: theirs
        elif target.exists():
            data = target.read_bytes()
            existing[rel] = (_state(data, rel, manifest), data)
    if adjust is not None:
        kept = {
            rel
            for rel, (state, _) in existing.items()
            if state is None or (state is False and not (force and rel.endswith(".md")))
        }
        pages = adjust(pages, kept)
    new_manifest: dict[str, str] = {}
    to_write: list[tuple[str, Path, bytes, bool]] = []  # (path, file, bytes, back up first)
    for rel in sorted(pages):
        target = safe_target(root, rel, folders)
        data = stamp(rel, pages[rel]).encode("utf-8")
        digest = _sha(data)
        backup = False
        if rel in existing:
            state, old = existing[rel]
            if state is None and old == data:
                # Exactly what the generator writes (a JSON record after the manifest
                # was lost): nothing of an editor's to protect, so it is ours again.
                state = True
            if state is None:
                report.shadowed.append(rel)
                continue
            if state is False and not (force and rel.endswith(".md")):
                report.edited.append(rel)
                new_manifest[rel] = manifest.files.get(rel, digest)
                continue
            backup = state is False
            if old == data:
                report.unchanged.append(rel)
                new_manifest[rel] = digest
                continue
        to_write.append((rel, target, data, backup))
        new_manifest[rel] = digest

    final = _manifest_bytes(new_manifest)
    mpath = root / MANIFEST
    if to_write or stale:
        # The journal, before any change: every digest this run may leave on disk.
        pending = {k: tuple(v) for k, v in manifest.pending.items()}
        for rel, _, data, _ in to_write:
            pending[rel] = tuple(dict.fromkeys((*pending.get(rel, ()), _sha(data))))
        atomic_write(mpath, _manifest_bytes(manifest.files, pending))
    # Stale files go before new ones are written: a page may move.
    for rel, target, move in stale:
        if move:
            dest = orphans.path(rel)
            move_file(target, dest)
            report.orphaned.append((rel, str(dest)))
        else:
            remove_file(target)
            report.deleted.append(rel)
        _prune_empty(target.parent, root)
    for rel, target, data, backup in to_write:
        if backup:
            dest = backups.path(rel)
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(target, dest)
            report.backups.append(str(dest))
        atomic_write(target, data)
        report.written.append(rel)
    if not mpath.exists() or mpath.read_bytes() != final:
        atomic_write(mpath, final)
    return report


def _prune_empty(folder: Path, root: Path) -> None:
    while folder != root and folder.is_relative_to(root):
        try:
            folder.rmdir()  # only succeeds when empty
        except OSError:
            return
        folder = folder.parent
