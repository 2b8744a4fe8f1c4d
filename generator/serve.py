"""`explainer serve`: one save, one rebuild.

MkDocs watches content/ and rebuilds on any change there; the generator writes
into content/ from the `on_pre_build` hook, so without care every rebuild would
trigger another one (at 400 articles: a second full rebuild of about 95 s after
each save). The generator therefore notes the state (size, modification time)
in which it left each file it wrote or removed, and the watcher of content/
ignores an event whose file is still in exactly that state: only a change made
by someone else (an editor's own page, a hand edit) asks for a rebuild.
Seeds and their sidecars are watched as they are: a save there is always news.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from .writer import TMP_PREFIX, TMP_SUFFIX

# path -> (size, mtime_ns) as the generator left it; None: the generator removed it.
_left: dict[str, tuple[int, int] | None] = {}
_lock = threading.Lock()
# While a generation runs, the watcher cannot yet tell its writes from others'
# (it may see a file before the generator has noted it): such events wait here
# and are judged when the generation ends.
_busy = False
_pending: list[str] = []
_wake: list[Callable[[], None]] = []


_warming: list[threading.Thread] = []


def warm_model() -> None:
    """Load the spaCy model in the background while the server starts, so the first
    save does not wait for it (a few seconds); `begin` waits for it to finish."""
    if _warming:
        return
    from . import nlp

    t = threading.Thread(target=nlp.load, name="explainer-warm-model", daemon=True)
    _warming.append(t)
    t.start()


def _state(path: str) -> tuple[int, int] | None:
    try:
        st = os.lstat(path)
    except OSError:
        return None
    return (st.st_size, st.st_mtime_ns)


def note_written(folder: Path, rels: Iterable[str]) -> None:
    """Remember the files the generator just wrote or removed under `folder`."""
    with _lock:
        for rel in rels:
            path = os.path.abspath(folder / rel)
            _left[path] = _state(path)


def begin() -> None:
    """A generation starts (the hook's on_pre_build)."""
    global _busy
    for t in _warming:
        t.join()  # one model, loaded once: never a second load beside the warming one
    with _lock:
        _busy = True


def end() -> None:
    """The generation ended: a change seen meanwhile that is not its own asks for a rebuild."""
    global _busy
    with _lock:
        _busy = False
        seen, _pending[:] = list(_pending), []
    if any(not is_own_write(p) for p in seen):
        for wake in _wake:
            wake()


def _held(paths: list[str]) -> bool:
    """Keep the paths for `end` if a generation runs; True when they were kept."""
    with _lock:
        if _busy:
            _pending.extend(paths)
        return _busy


def is_own_write(path: str) -> bool:
    """Is this file exactly as the generator left it (or one of its temporary files)?"""
    name = os.path.basename(path)
    if name.startswith(TMP_PREFIX) and name.endswith(TMP_SUFFIX):
        return True
    path = os.path.abspath(path)
    with _lock:
        if path not in _left:
            return False
        return _left[path] == _state(path)


def watch_content_filtered(server: Any, docs_dir: str) -> bool:
    """Replace MkDocs' watch of docs_dir by one that ignores the generator's own writes.

    Uses the LiveReloadServer's observer and rebuild condition (MkDocs 1.5-1.6);
    returns False, leaving MkDocs' own watch in place, where they are not there."""
    import watchdog.events

    observer = getattr(server, "observer", None)
    cond = getattr(server, "_rebuild_cond", None)
    if observer is None or cond is None or not hasattr(server, "unwatch"):
        return False
    docs_dir = os.path.abspath(docs_dir)
    with contextlib.suppress(KeyError):  # not watched: nothing to replace
        server.unwatch(docs_dir)

    def wake() -> None:
        with cond:
            server._want_rebuild = True
            cond.notify_all()

    def callback(event: Any) -> None:
        if event.is_directory:
            return
        paths = [os.fsdecode(p) for p in (event.src_path, getattr(event, "dest_path", "")) if p]
        if _held(paths) or all(is_own_write(p) for p in paths):
            return
        wake()

    _wake[:] = [wake]

    handler = watchdog.events.FileSystemEventHandler()
    handler.on_any_event = callback  # type: ignore[method-assign]
    observer.schedule(handler, docs_dir, recursive=True)
    return True
