"""Content-addressed record cache: (seed bytes, extractor version, model) -> record JSON.

Deleting the cache folder is always safe: records are simply made again.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections import OrderedDict
from functools import lru_cache
from pathlib import Path

from . import nlp, record_json, writer
from .extract import EXTRACTOR_VERSION
from .model import Record, Source

# Modules whose code decides what a record holds. Their source is part of the
# cache key, so any change to the extractor invalidates exactly the records it
# could change, without anyone remembering to bump a version.
_RECORD_MODULES = (
    "clean.py",
    "ingest.py",
    "textnorm.py",
    "frontmatter.py",
    "htmlseed.py",
    "model.py",
    "record_json.py",
    "nlp.py",
    "slugs.py",
)


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """Hash of the record-making code: these modules, and every file under extract/
    (word lists and data files included, since they decide records as much as code)."""
    pkg = Path(__file__).resolve().parent
    h = hashlib.sha256()
    extract_files = sorted(
        f for f in (pkg / "extract").rglob("*") if f.is_file() and "__pycache__" not in f.parts
    )
    for f in [pkg / m for m in _RECORD_MODULES] + extract_files:
        h.update(f.relative_to(pkg).as_posix().encode() + b"\0")
        h.update(f.read_bytes() if f.exists() else b"")
        h.update(b"\0")
    return h.hexdigest()


@lru_cache(maxsize=1)
def spacy_version() -> str:
    """spaCy's own code shapes the parse as much as the model's weights do."""
    from importlib import metadata

    try:
        return metadata.version("spacy")
    except metadata.PackageNotFoundError:  # pragma: no cover - spaCy is a dependency
        return "none"


# Records read or written by this process, by file (folder and key). A key names the seed's bytes and
# the code that read it, so a record under it never goes stale; `serve` generates
# again after every save and would otherwise decode all 400 cached records each time
# (a tenth of its generate). Bounded, as a long session sees many versions of a seed.
# The file's size and time are kept with it and checked (one stat, no read), so
# the files stay the truth: a deleted or damaged entry is a miss, as ever.
_DECODED: OrderedDict[str, tuple[tuple[int, int], Record]] = OrderedDict()
_DECODED_MAX = 20_000


def _state(p: Path) -> tuple[int, int] | None:
    try:
        st = p.stat()
    except OSError:
        return None
    return (st.st_size, st.st_mtime_ns)


def _remember(p: Path, record: Record) -> None:
    state = _state(p)
    if state is None:
        return
    path = str(p)
    _DECODED[path] = (state, record)
    _DECODED.move_to_end(path)
    while len(_DECODED) > _DECODED_MAX:
        _DECODED.popitem(last=False)


class RecordCache:
    def __init__(self, folder: Path, model: str | None = None) -> None:
        self.folder = folder
        self._model = model

    def _model_id(self) -> str:
        if self._model is None:
            self._model = nlp.model_id()
        return self._model

    def key(self, source: Source) -> str:
        """The record's address: everything a record is a function of, and nothing else.

        The seed's bytes (by hash), how they were read (the format follows the
        file's suffix; metadata may come from a sidecar), the extractor's code and
        version, the model, the components it runs with and spaCy. Not the file's
        name: a renamed seed is a hit.
        """
        parts = (
            source.sha256,
            source.fmt,
            repr(source.meta),
            EXTRACTOR_VERSION,
            code_fingerprint(),
            self._model_id(),
            # Stated outright, not left to nlp.py's place in the fingerprint: the
            # same model with another component on or off parses differently.
            nlp.pipeline_id(),
            spacy_version(),
            str(record_json.SCHEMA_VERSION),
        )
        raw = "\0".join(parts)
        return hashlib.sha256(raw.encode()).hexdigest()

    def _path(self, source: Source) -> Path:
        k = self.key(source)
        return self.folder / k[:2] / f"{k}.json"

    def get_for(self, source: Source) -> Record | None:
        """The cached record of this seed, or None (missing, damaged or from other code)."""
        p = self._path(source)
        known = _DECODED.get(str(p))
        if known is not None and known[0] == _state(p):
            rec = known[1]
        else:
            try:
                rec = record_json.loads(p.read_text(encoding="utf-8"))
            except (OSError, ValueError, KeyError, TypeError, AttributeError, IndexError):
                return None  # missing or damaged: extract again
            _remember(p, rec)
        # The stem comes from the file's name, not its bytes; the slug is settled later.
        return rec if rec.stem == source.stem else dataclasses.replace(rec, stem=source.stem)

    def put_for(self, source: Source, record: Record) -> None:
        p = self._path(source)
        writer.atomic_write(p, record_json.dumps(record).encode("utf-8"))
        _remember(p, record)
