"""One build at a time per project: two at once write the same pages and crash MkDocs.

The lock is `flock` on `.cache/explainer.lock`. The kernel releases it when the
process ends, however it ends, so a killed build never leaves a stale lock; the
file's content (the holder's pid) is only there for the message. A second build
does not wait: it stops at once with exit status 1 and names the running one,
which is what a user who started two builds by mistake wants to know.
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .errors import ExplainerError
from .project import Project

LOCK_FILE = "explainer.lock"

# Locks this process holds, by file: `explainer build` holds the lock across
# generate and mkdocs, and generate takes it again inside.
_held: set[Path] = set()


class BuildRunning(ExplainerError):
    """Another build of the same project holds the lock."""

    def __init__(self, lock: Path, pid: str) -> None:
        # `path` makes the command line exit with status 1 (a problem with a named file).
        self.path = str(lock)
        super().__init__(f"another build is running (pid {pid or 'unknown'}); wait for it to finish ({lock})")


def lock_path(project: Project) -> Path:
    return project.root / ".cache" / LOCK_FILE


@contextmanager
def hold(project: Project) -> Iterator[None]:
    """Hold the project's build lock for the block, or raise BuildRunning at once."""
    path = lock_path(project)
    if path in _held:
        yield
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            pid = os.pread(fd, 32, 0).decode("ascii", errors="replace").strip()
            raise BuildRunning(path, pid) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        _held.add(path)
        try:
            yield
        finally:
            _held.discard(path)
            os.ftruncate(fd, 0)  # the pid of a finished build would only mislead
    finally:
        os.close(fd)  # closing releases the flock
