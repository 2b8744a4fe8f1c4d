"""Extraction mapped on a Dask cluster: `explainer extract SEEDS --out DIR --cluster ADDRESS`.

Extraction is a pure map from a seed to a record with a content-addressed key
(`cache.RecordCache.key`), so it needs no engine of its own: the client lists
and reads the seeds, keys each one and looks the key up in the record store;
only the misses go to the cluster, one task per seed, each running
`pipeline.extract_one` (clean -> spaCy -> extract) on a worker that loaded the
model once (`ModelPlugin`), writing the record under its key before returning it.
A write goes to a temporary name and is renamed into place, so a task that the
scheduler runs twice (a worker died, or two runs asked for the same seed) writes
the same bytes twice and nothing else.

The store is the record cache's folder layout (`<store>/<key[:2]>/<key>.json`):
a local path (the project's own `.cache/explainer/records` by default, so a
cluster run and a local run share records) or any fsspec URL the workers can
reach (`s3://bucket/records`).

Imported only when --cluster is given: a local run never imports dask.
"""

from __future__ import annotations

import dataclasses
import threading
import uuid
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol

from distributed import Client, Future, WorkerPlugin, as_completed

from . import cache as cache_mod
from . import ingest, pipeline, record_json
from .errors import ExplainerError
from .model import Record, Source
from .overrides import SeedOverrides

# Seeds on the cluster at once. The client holds the texts of these only, so its
# memory is bounded whatever the archive's size; enough to keep a few hundred
# workers busy while it reads, keys and looks up the next seeds.
WINDOW = 512
# Seconds to wait for the scheduler before giving up with a message.
CONNECT_TIMEOUT = 30
PLUGIN_NAME = "explainer-model"

Task = Callable[[Source, str, str | None], Record]


class RecordStore(Protocol):
    def get(self, source: Source, key: str) -> Record | None: ...

    def put(self, source: Source, key: str, record: Record) -> None: ...


class LocalStore:
    """A folder on this machine (or a file system every worker mounts): the record cache itself."""

    def __init__(self, folder: Path) -> None:
        self.cache = cache_mod.RecordCache(folder)

    def get(self, source: Source, key: str) -> Record | None:
        return self.cache.get_for(source)

    def put(self, source: Source, key: str, record: Record) -> None:
        self.cache.put_for(source, record)  # writer.atomic_write: temporary file, then rename


class FsspecStore:
    """The same layout under an fsspec URL (an object store, a remote file system)."""

    def __init__(self, url: str) -> None:
        import fsspec  # type: ignore[import-untyped]

        self.fs, root = fsspec.core.url_to_fs(url)
        self.root = str(root).rstrip("/")

    def path(self, key: str) -> str:
        return f"{self.root}/{key[:2]}/{key}.json"

    def get(self, source: Source, key: str) -> Record | None:
        try:
            rec = record_json.loads(self.fs.cat_file(self.path(key)).decode("utf-8"))
        except (OSError, ValueError, KeyError, TypeError, AttributeError, IndexError):
            return None  # missing or damaged: extract again (as the local cache does)
        return for_seed(rec, source)

    def put(self, source: Source, key: str, record: Record) -> None:
        target = self.path(key)
        tmp = f"{target}.tmp-{uuid.uuid4().hex}"
        self.fs.makedirs(target.rsplit("/", 1)[0], exist_ok=True)
        self.fs.pipe_file(tmp, record_json.dumps(record).encode("utf-8"))
        try:
            self.fs.mv(tmp, target)
        except BaseException:
            self.fs.rm(tmp)
            raise


def is_local(url: str) -> bool:
    return "://" not in url or url.startswith("file://")


def store_url(url: str) -> str:
    """The store as workers must be told it: a local path made absolute (their working
    folder need not be the client's)."""
    if not is_local(url):
        return url.rstrip("/")
    return str(Path(url.removeprefix("file://")).expanduser().resolve())


@lru_cache(maxsize=4)
def open_store(url: str) -> RecordStore:
    """One store object per process and URL (a worker reuses its connection)."""
    return LocalStore(Path(url.removeprefix("file://"))) if is_local(url) else FsspecStore(url)


def for_seed(rec: Record, source: Source) -> Record:
    """The record as this seed's: the key ignores the file's name, the stem does not."""
    return rec if rec.stem == source.stem else dataclasses.replace(rec, stem=source.stem)


def record_key(source: Source) -> str:
    # The key does not depend on the folder: the cache's own key, computed anywhere.
    return cache_mod.RecordCache(Path()).key(source)


# -- on the workers --------------------------------------------------------------------------


# Free heap memory a worker keeps rather than hands back to the system (glibc's
# M_TRIM_THRESHOLD). Dask's nanny starts workers with MALLOC_TRIM_THRESHOLD_=65536,
# good for array work, but spaCy allocates and frees a few megabytes per seed, and
# trimming at 64 KiB made each seed cost about a quarter more CPU than in a local run.
TRIM_THRESHOLD = 64 * 2**20
_M_TRIM_THRESHOLD = -1  # from glibc's malloc.h


def keep_freed_memory(threshold: int = TRIM_THRESHOLD) -> bool:
    """Raise this process's malloc trim threshold (glibc only; elsewhere a no-op, False)."""
    import ctypes
    import ctypes.util

    name = ctypes.util.find_library("c")
    try:
        libc = ctypes.CDLL(name) if name else None
    except OSError:
        libc = None
    mallopt = getattr(libc, "mallopt", None)
    return bool(mallopt and mallopt(_M_TRIM_THRESHOLD, threshold) == 1)


class ModelPlugin(WorkerPlugin):
    """Loads the spaCy model when a worker starts (and on every worker that joins
    later, a restarted one included), so no task pays for it and none loads it twice:
    `nlp.load` keeps it for the life of the process."""

    def setup(self, worker: Any) -> None:
        from . import nlp

        keep_freed_memory()
        nlp.load()


# A worker with several threads runs tasks side by side; spaCy's pipeline and the
# extractor's per-process caches are not made for that, so a process extracts one
# seed at a time (run workers with --nthreads 1 and more processes instead).
_EXTRACTING = threading.Lock()


def extract_task(source: Source, key: str, store: str | None) -> Record:
    """One seed -> its record, written under `key` in the store (if any) and returned.

    Idempotent: a retry finds the record a first attempt wrote, and a duplicate
    writes the same bytes under the same name.
    """
    mine = record_key(source)
    if mine != key:
        # Another extractor, model or spaCy on this worker: its record would sit
        # under a key the client never asks for. Refuse rather than fill the store.
        raise ExplainerError(
            f"{source.path}: this worker's extractor, model or spaCy differs from the client's "
            "(install the same version of the project on every worker)"
        )
    target = open_store(store) if store is not None else None
    if target is not None:
        done = target.get(source, key)
        if done is not None:
            return done
    try:
        with _EXTRACTING:
            record = pipeline.extract_one(source)
    except ExplainerError as e:
        # Plain ExplainerError: SeedError's own signature does not survive pickling.
        raise ExplainerError(str(e)) from None
    if target is not None:
        target.put(source, key, record)
    return record


# -- on the client ---------------------------------------------------------------------------


def connect(address: str) -> Client:
    try:
        return Client(address, timeout=CONNECT_TIMEOUT, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as e:
        raise ExplainerError(f"cannot reach the Dask scheduler at {address}: {e}") from None


@dataclasses.dataclass
class _Tally:
    """What the run has settled so far, by the seed's place in the listing."""

    records: dict[int, Record] = dataclasses.field(default_factory=dict)
    rejected: dict[int, pipeline.Rejected] = dataclasses.field(default_factory=dict)
    analysed: int = 0

    @property
    def done(self) -> int:
        return len(self.records) + len(self.rejected)


def failure_reason(source: Source, error: BaseException) -> str:
    """What a local run would say: the seed, then the problem."""
    text = str(error)
    if isinstance(error, ExplainerError) and text.startswith(source.path):
        return text
    return f"{source.path}: not extracted on the cluster ({type(error).__name__}: {text})"


def run(
    seeds_dir: Path,
    root: Path,
    store: str | None,
    address: str,
    progress: pipeline.Progress | None = None,
    task: Task = extract_task,
    window: int = WINDOW,
    listing: ingest.Listing | None = None,
) -> pipeline.Extraction:
    """`pipeline.run` with the misses mapped on the cluster at `address`: the same
    records, rejections and counts, so the command's summary is a local run's."""
    listing = listing if listing is not None else ingest.list_seeds(seeds_dir)
    paths = listing.seeds
    rules: dict[str, SeedOverrides] = {}
    url = store_url(store) if store is not None else None
    lookup = open_store(url) if url is not None else None
    tally = _Tally()
    # Seeds waiting for a task, by the task's key: seeds with the same bytes and
    # metadata share one task (as they share one record).
    waiting: dict[str, list[tuple[int, Source]]] = {}

    def report() -> None:
        if progress:
            progress("extract", tally.done, len(paths))

    def collect(future: Future[Record]) -> None:
        seeds = waiting.pop(str(future.key))
        try:
            record: Record = future.result()
        except Exception as e:  # the task's own error, or KilledWorker after repeated deaths
            for i, src in seeds:
                tally.rejected[i] = pipeline.Rejected(src.path, failure_reason(src, e))
        else:
            for i, src in seeds:
                tally.records[i] = for_seed(record, src)
                tally.analysed += 1
        future.release()  # the worker may drop the result now
        report()

    with connect(address) as client:
        client.register_plugin(ModelPlugin(), name=PLUGIN_NAME)
        flying = as_completed(loop=client.loop)
        for i, path in enumerate(paths):
            sources, rejected = pipeline.read_seeds([path], root, listing)
            rules.update(pipeline.rules_of(sources))
            if rejected:
                tally.rejected[i] = rejected[0]
                report()
                continue
            src = sources[0]
            key = record_key(src)
            hit = lookup.get(src, key) if lookup is not None else None
            if hit is not None:
                tally.records[i] = hit
                report()
                continue
            name = f"explainer-extract-{key}"
            if name in waiting:
                waiting[name].append((i, src))
                continue
            waiting[name] = [(i, src)]
            # retries=0: an error in the task is the seed's and would recur; a worker
            # that dies is another matter, and the scheduler reruns its tasks itself.
            flying.add(client.submit(task, src, key, url, key=name, retries=0))
            while flying.count() >= window:
                collect(next(flying))
        for future in flying:
            collect(future)
    records = [tally.records[i] for i in sorted(tally.records)]
    rejected_all = [tally.rejected[i] for i in sorted(tally.rejected)]
    return pipeline.Extraction(
        tuple(pipeline.with_final_slugs(records)), tuple(rejected_all), tally.analysed, rules=rules
    )
