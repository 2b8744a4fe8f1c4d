"""Seeds -> records: ingest, clean, analyse, extract, with the record cache in front.

I/O is limited to reading seeds and the cache; everything between is pure.

Seeds are streamed in chunks: at most two chunks' texts are held, and what
survives a chunk is the record (what rendering needs). Extraction of the
seeds the cache does not hold runs in worker processes, each doing the whole
clean -> spaCy -> extract map for a seed and returning only its record, so the
Python half of extraction is parallel too and no spaCy Doc crosses a process
boundary.
"""

from __future__ import annotations

import dataclasses
import multiprocessing
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import cache as cache_mod
from . import clean as clean_mod
from . import ingest, nlp
from .errors import SeedError
from .extract import extract
from .model import Document, Record, Source
from .overrides import SeedOverrides
from .slugs import slugify, unique

Progress = Callable[[str, int, int], None]

# Seeds read, looked up and extracted per step: bounds memory (the texts of
# two chunks) whatever the number of seeds.
CHUNK = 128
# Below this many seeds to analyse, starting workers (and loading the model
# for them, about a second) costs more than it saves.
MIN_PARALLEL = 16


@dataclass(frozen=True)
class Rejected:
    path: str
    reason: str


@dataclass(frozen=True)
class Extraction:
    records: tuple[Record, ...]
    rejected: tuple[Rejected, ...]
    analysed: int  # seeds that went through spaCy (the rest came from the cache)
    notices: tuple[str, ...] = ()  # warnings from reading the seeds (Source.notices)
    # Each read seed's corrections (Source.overrides), by stem, when it has any or
    # its reading said something about them: applied after the cache, by the command.
    rules: dict[str, SeedOverrides] = dataclasses.field(default_factory=dict)


def read_seeds(
    paths: Sequence[Path], root: Path, listing: ingest.Listing | None = None
) -> tuple[list[Source], list[Rejected]]:
    sources, rejected = [], []
    for p in paths:
        shown = _display(p, root)
        try:
            sources.append(ingest.read(p, shown, listing))
        except SeedError as e:
            rejected.append(Rejected(shown, str(e)))
    return sources, rejected


def rules_of(sources: Sequence[Source]) -> dict[str, SeedOverrides]:
    """The corrections the seeds carry, by stem (a rejected seed has none: it was reported)."""
    out: dict[str, SeedOverrides] = {}
    for s in sources:
        r = s.overrides
        if r is not None and (r or r.skipped or r.notices):
            out[s.stem] = r
    return out


def _display(p: Path, root: Path) -> str:
    try:
        return str(p.relative_to(root))
    except ValueError:
        return str(p)


def _base_slug(meta_slug: str | None, title: str, stem: str) -> str:
    return slugify(meta_slug or "") or slugify(title) or slugify(stem) or "article"


def settle_slugs(claims: Sequence[tuple[str, str, str | None]]) -> list[str]:
    """Distinct slugs for (base slug, stem, published date) claims, in their order.

    Of the seeds claiming one base, the earliest published (the date the editor
    gave; undated ones after, then by stem) gets it plain: a newer article with the
    same title, whatever its file name, never takes an older one's URL. The others
    get a suffix from their own stem, so adding or removing one of them moves no
    other. (Removing the holder itself passes the plain slug on; `slug:` in the
    front matter pins a URL for good.)
    """

    def seniority(i: int) -> tuple[bool, str, str]:
        _base, stem, date = claims[i]
        return (date is None, date or "", stem)

    holder: dict[str, int] = {}
    for i, (base, _stem, _date) in enumerate(claims):
        if base not in holder or seniority(i) < seniority(holder[base]):
            holder[base] = i
    # Every plain base is spoken for from the start: no suffixed slug may take one.
    taken: set[str] = set(holder)
    out = []
    for i, (base, stem, _date) in enumerate(claims):
        # The holder may have its base (unless reserved); everyone else must avoid all bases.
        s = unique(base, stem, taken - {base} if holder[base] == i else taken)
        taken.add(s)
        out.append(s)
    return out


def assign_slugs(sources: Sequence[Source], documents: Sequence[Document]) -> list[str]:
    """Distinct slugs; a clash is settled by a suffix derived from the seed's stem."""
    return settle_slugs(
        [
            (_base_slug(src.meta.slug, doc.title, src.stem), src.stem, src.meta.published)
            for src, doc in zip(sources, documents, strict=True)
        ]
    )


def with_final_slugs(records: Sequence[Record]) -> list[Record]:
    """The same slugs as `assign_slugs`, computed from records once all are known.

    A slug depends on the other seeds (clashes), so it is settled after the
    stream, from what every record carries (its front-matter slug, title, stem, date).
    """
    slugs = settle_slugs(
        [(_base_slug(r.source.slug, r.title, r.stem), r.stem, r.source.published) for r in records]
    )
    return [r if r.slug == s else dataclasses.replace(r, slug=s) for r, s in zip(records, slugs, strict=True)]


def analyse(documents: Sequence[Document], n_process: int = 1, batch_size: int = 64) -> Iterator[list[Any]]:
    """One spaCy pass over every block of every document; yields the docs per document."""
    model = nlp.load()
    texts = (b.text for d in documents for b in d.blocks)
    stream = model.pipe(texts, batch_size=batch_size, n_process=n_process)
    for d in documents:
        yield [next(stream) for _ in d.blocks]


def extract_one(source: Source) -> Record:
    """The pure map at the heart of extraction: one seed -> its record (slug provisional)."""
    document = clean_mod.clean(source)
    docs = next(analyse([document]))
    return extract(source, document, docs)


@dataclass(frozen=True)
class Failed:
    """A seed whose extraction raised: rejected with the reason, the others still built.
    (A bug met on one article must not end the build of all the rest.)"""

    path: str
    reason: str


def _failure(source: Source, e: Exception) -> Failed:
    return Failed(source.path, f"extraction failed ({type(e).__name__}: {e}); the other seeds were built")


def extract_guarded(source: Source) -> Record | Failed:
    """`extract_one`, with a failure returned as a value (it crosses a process pool)."""
    try:
        return extract_one(source)
    except Exception as e:  # any bug in one seed's extraction
        return _failure(source, e)


def _extract_serial(sources: Sequence[Source]) -> Iterator[Record | Failed]:
    # One pipe over the whole chunk: spaCy batches blocks across documents.
    done = 0
    try:
        documents = [clean_mod.clean(s) for s in sources]
        for src, doc, docs in zip(sources, documents, analyse(documents), strict=True):
            try:
                yield extract(src, doc, docs)
            except Exception as e:  # one seed's bug rejects that seed only
                yield _failure(src, e)
            done += 1
    except Exception:
        # Cleaning or the shared pipe failed: each seed left goes alone, so only
        # the one that fails is rejected.
        for src in sources[done:]:
            yield extract_guarded(src)


class _Workers:
    """A process pool started on first use; each worker holds the model once.

    concurrent.futures rather than multiprocessing.Pool: a worker that dies
    (killed for memory, a crash in native code) fails the run with
    BrokenProcessPool instead of leaving it waiting forever.
    """

    def __init__(self, n_process: int) -> None:
        self.n_process = n_process
        self._pool: ProcessPoolExecutor | None = None

    def map(self, sources: Sequence[Source]) -> Iterator[Record | Failed]:
        if self.n_process <= 1 or len(sources) < MIN_PARALLEL:
            return _extract_serial(sources)
        if self._pool is None:
            # fork where it exists: the model is loaded once here and the workers
            # inherit it (copy-on-write) instead of each loading it again.
            method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
            if method == "fork":
                nlp.load()
            ctx = multiprocessing.get_context(method)
            self._pool = ProcessPoolExecutor(self.n_process, mp_context=ctx, initializer=_warm)
        # Ordered results, small tasks: the last seeds of a chunk do not leave a core idle for long.
        return self._pool.map(extract_guarded, sources, chunksize=2)

    def close(self) -> None:
        if self._pool is not None:
            # On an error mid-stream, seeds not yet started are dropped, not extracted.
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None


def _warm() -> None:
    nlp.load()


def _chunks(items: Sequence[Path], size: int) -> Iterator[Sequence[Path]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


@dataclass
class _Chunk:
    """One chunk in flight: its seeds, what the cache had, and the records being made."""

    size: int
    sources: list[Source]
    hits: list[Record | None]
    made: Iterator[Record | Failed]
    rejected: list[Rejected] | None = None


def _start(
    paths: Sequence[Path],
    root: Path,
    cache: cache_mod.RecordCache | None,
    workers: _Workers,
    rejected: list[Rejected] | None,
    notices: list[str] | None = None,
    listing: ingest.Listing | None = None,
    rules: dict[str, SeedOverrides] | None = None,
) -> _Chunk:
    sources, rej = read_seeds(paths, root, listing)
    if rejected is not None:
        rejected.extend(rej)
    if notices is not None:
        notices.extend(n for s in sources for n in s.notices)
    if rules is not None:
        rules.update(rules_of(sources))
    hits = [cache.get_for(s) if cache else None for s in sources]
    misses = [s for s, h in zip(sources, hits, strict=True) if h is None]
    made = workers.map(misses) if misses else iter(())
    return _Chunk(len(paths), sources, hits, made, rejected)


def _finish(chunk: _Chunk, cache: cache_mod.RecordCache | None) -> Iterator[tuple[Record, bool]]:
    for src, hit in zip(chunk.sources, chunk.hits, strict=True):
        if hit is None:
            rec = next(chunk.made)
            if isinstance(rec, Failed):
                if chunk.rejected is not None:
                    chunk.rejected.append(Rejected(rec.path, rec.reason))
                continue
            if cache:
                cache.put_for(src, rec)
            yield rec, True
        else:
            yield hit, False


def extract_stream(
    paths: Sequence[Path],
    root: Path,
    cache: cache_mod.RecordCache | None,
    n_process: int = 1,
    progress: Progress | None = None,
    rejected: list[Rejected] | None = None,
    notices: list[str] | None = None,
    listing: ingest.Listing | None = None,
    rules: dict[str, SeedOverrides] | None = None,
) -> Iterator[tuple[Record, bool]]:
    """(record, analysed) per readable seed, in `paths` order; slugs are provisional.

    Holds at most two chunks of seed texts, whatever the number of seeds: the
    next chunk is handed to the workers before the current one is collected,
    so they never wait for the reading and cache look-ups between chunks.
    """
    workers = _Workers(n_process)
    done = 0
    current: _Chunk | None = None
    try:
        for part in _chunks(paths, CHUNK):
            upcoming = _start(part, root, cache, workers, rejected, notices, listing, rules)
            if current is not None:
                yield from _finish(current, cache)
                done += current.size
                if progress:
                    progress("extract", done, len(paths))
            current = upcoming
        if current is not None:
            yield from _finish(current, cache)
            if progress:
                progress("extract", done + current.size, len(paths))
    finally:
        workers.close()


def extract_all(
    sources: Sequence[Source],
    cache: cache_mod.RecordCache | None,
    n_process: int = 1,
    progress: Progress | None = None,
) -> tuple[list[Record], int]:
    """Records for sources already read (in memory); the streaming path is `run`."""
    hits = [cache.get_for(s) if cache else None for s in sources]
    misses = [s for s, h in zip(sources, hits, strict=True) if h is None]
    workers = _Workers(n_process)
    try:
        made = workers.map(misses) if misses else iter(())
        records = []
        for src, hit in zip(sources, hits, strict=True):
            rec = hit if hit is not None else next(made)
            if isinstance(rec, Failed):
                raise SeedError(rec.path, rec.reason)  # in memory there is no rejected list
            if hit is None and cache:
                cache.put_for(src, rec)
            records.append(rec)
            if progress:
                progress("extract", len(records), len(sources))
    finally:
        workers.close()
    return with_final_slugs(records), len(misses)


def run(
    seeds_dir: Path,
    root: Path,
    cache_dir: Path | None,
    n_process: int = 1,
    progress: Progress | None = None,
    listing: ingest.Listing | None = None,
) -> Extraction:
    """Every seed of the folder; `listing`, the folder's as the caller listed it."""
    listing = listing if listing is not None else ingest.list_seeds(seeds_dir)
    paths = listing.seeds
    cache = cache_mod.RecordCache(cache_dir) if cache_dir else None
    rejected: list[Rejected] = []
    notices: list[str] = []
    rules: dict[str, SeedOverrides] = {}
    records: list[Record] = []
    analysed = 0
    for rec, fresh in extract_stream(
        paths, root, cache, n_process, progress, rejected, notices, listing, rules
    ):
        records.append(rec)
        analysed += fresh
    return Extraction(tuple(with_final_slugs(records)), tuple(rejected), analysed, tuple(notices), rules)
