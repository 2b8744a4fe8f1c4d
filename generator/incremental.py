"""Reuse a page's last rendering when what it is made from has not changed.

Each corpus page (explainer, record, person/organisation/place, event, issue) is
keyed by a hash of everything its rendering reads: its own object, the records
of the articles it cites, how those articles' names resolve to pages, and the
names of the pages it links to. One changed seed then re-renders its explainer
and the pages that cite it; listings (home, indexes, timeline, quotes, feeds)
are always rendered again, as they read everything. The finishing steps
(backlinks, abbreviations) are memoised on their own input text, so the result
is the text a clean render gives, byte for byte (tests/test_incremental.py).

The cache is one JSON file in the project's cache folder, tied to the
generator's code: any change to the code starts it afresh. Deleting it is safe.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

FORMAT = 1


def digest(*parts: object) -> str:
    """A stable key for the given values (their reprs: dataclasses, tuples, strings)."""
    h = hashlib.sha256()
    for p in parts:
        h.update(repr(p).encode("utf-8", "surrogatepass"))
        h.update(b"\x00")
    return h.hexdigest()


def _text_key(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass
class PageCache:
    """path -> (inputs key, rendered text); finished text by the hash of its input."""

    epoch: str = ""
    rendered: dict[str, tuple[str, str]] = field(default_factory=dict)
    finished: dict[str, tuple[str, str]] = field(default_factory=dict)
    hits: int = 0
    misses: int = 0
    _changed: bool = False

    def render(self, path: str, key: str, make: Callable[[], str]) -> str:
        """The page's text: the last one when its key is unchanged, else a fresh rendering."""
        old = self.rendered.get(path)
        if old is not None and old[0] == key:
            self.hits += 1
            return old[1]
        self.misses += 1
        text = make()
        self.rendered[path] = (key, text)
        self._changed = True
        return text

    def finish(self, path: str, text: str, make: Callable[[str], str]) -> str:
        """make(text), reused when this page's input text is the same as last time."""
        key = _text_key(text)
        old = self.finished.get(path)
        if old is not None and old[0] == key:
            return old[1]
        out = make(text)
        self.finished[path] = (key, out)
        self._changed = True
        return out

    def prune(self, paths: set[str]) -> None:
        """Forget pages that are no longer generated."""
        for table in (self.rendered, self.finished):
            for p in [p for p in table if p not in paths]:
                del table[p]
                self._changed = True


# The cache of each file, kept between runs of one process (`serve`): its entries
# are keyed by content, so they stay right whoever wrote the file meanwhile.
_live: dict[Path, PageCache] = {}


def open_cache(path: Path, epoch: str) -> PageCache:
    """This process's cache for path, else the one on disk, else an empty one."""
    live = _live.get(path)
    if live is None or live.epoch != epoch:
        live = _live[path] = load(path, epoch)
    live.hits = live.misses = 0
    return live


def load(path: Path, epoch: str) -> PageCache:
    """The cache at path if it was written by this code (same epoch), else an empty one."""
    try:
        data = json.loads(path.read_bytes().decode("utf-8", "surrogatepass"))
        if data.get("format") != FORMAT or data.get("epoch") != epoch:
            return PageCache(epoch=epoch)
        return PageCache(
            epoch=epoch,
            rendered={p: (k, t) for p, (k, t) in data["rendered"].items()},
            finished={p: (k, t) for p, (k, t) in data["finished"].items()},
        )
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return PageCache(epoch=epoch)


def save(cache: PageCache, path: Path) -> None:
    if not cache._changed:
        return
    from .writer import atomic_write

    data = {"format": FORMAT, "epoch": cache.epoch, "rendered": cache.rendered, "finished": cache.finished}
    path.parent.mkdir(parents=True, exist_ok=True)
    cache._changed = False
    atomic_write(
        path, json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8", "surrogatepass")
    )
