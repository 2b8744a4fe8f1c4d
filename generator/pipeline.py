"""Seeds -> records: ingest, clean, analyse, extract, with the record cache in front.

I/O is limited to reading seeds and the cache; everything between is pure.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import cache as cache_mod
from . import clean as clean_mod
from . import ingest, nlp
from .errors import SeedError
from .extract import extract
from .model import Document, Record, Source
from .slugs import slugify, unique

Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class Rejected:
    path: str
    reason: str


@dataclass(frozen=True)
class Extraction:
    records: tuple[Record, ...]
    rejected: tuple[Rejected, ...]
    analysed: int  # seeds that went through spaCy (the rest came from the cache)


def read_seeds(paths: Sequence[Path], root: Path) -> tuple[list[Source], list[Rejected]]:
    sources, rejected = [], []
    for p in paths:
        shown = _display(p, root)
        try:
            sources.append(ingest.read(p, shown))
        except SeedError as e:
            rejected.append(Rejected(shown, str(e)))
    return sources, rejected


def _display(p: Path, root: Path) -> str:
    try:
        return str(p.relative_to(root))
    except ValueError:
        return str(p)


def assign_slugs(sources: Sequence[Source], documents: Sequence[Document]) -> list[str]:
    """Distinct slugs; a clash is settled by a suffix derived from the seed's stem."""
    taken: set[str] = set()
    out = []
    for src, doc in zip(sources, documents, strict=True):
        base = slugify(src.meta.slug or "") or slugify(doc.title) or slugify(src.stem) or "article"
        s = unique(base, src.stem, taken)
        taken.add(s)
        out.append(s)
    return out


def analyse(documents: Sequence[Document], n_process: int = 1, batch_size: int = 64) -> Iterator[list[Any]]:
    """One spaCy pass over every block of every document; yields the docs per document."""
    model = nlp.load()
    texts = (b.text for d in documents for b in d.blocks)
    stream = model.pipe(texts, batch_size=batch_size, n_process=n_process)
    for d in documents:
        yield [next(stream) for _ in d.blocks]


def extract_all(
    sources: Sequence[Source],
    cache: cache_mod.RecordCache | None,
    n_process: int = 1,
    progress: Progress | None = None,
) -> tuple[list[Record], int]:
    documents = [clean_mod.clean(s) for s in sources]
    slugs = assign_slugs(sources, documents)
    records: list[Record | None] = [None] * len(sources)
    todo: list[int] = []
    for i, src in enumerate(sources):
        hit = cache.get(src.sha256, slugs[i], src.stem) if cache else None
        if hit is not None:
            records[i] = hit
        else:
            todo.append(i)
    done = len(sources) - len(todo)
    if progress:
        progress("extract", done, len(sources))
    if todo:
        for i, docs in zip(todo, analyse([documents[i] for i in todo], n_process=n_process), strict=True):
            rec = extract(sources[i], documents[i], docs, slug=slugs[i])
            if cache:
                cache.put(sources[i].sha256, rec)
            records[i] = rec
            done += 1
            if progress:
                progress("extract", done, len(sources))
    return [r for r in records if r is not None], len(todo)


def run(
    seeds_dir: Path, root: Path, cache_dir: Path | None, n_process: int = 1, progress: Progress | None = None
) -> Extraction:
    paths = ingest.discover(seeds_dir)
    sources, rejected = read_seeds(paths, root)
    cache = cache_mod.RecordCache(cache_dir) if cache_dir else None
    records, analysed = extract_all(sources, cache, n_process=n_process, progress=progress)
    return Extraction(tuple(records), tuple(rejected), analysed)
