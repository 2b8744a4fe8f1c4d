"""Content-addressed record cache: (seed bytes, extractor version, model) -> record JSON.

Deleting the cache folder is always safe: records are simply made again.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import tempfile
from functools import lru_cache
from pathlib import Path

from . import record_json
from .extract import EXTRACTOR_VERSION
from .model import Record

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
    pkg = Path(__file__).resolve().parent
    h = hashlib.sha256()
    files = [pkg / m for m in _RECORD_MODULES] + sorted((pkg / "extract").glob("*.py"))
    for f in files:
        h.update(f.name.encode())
        h.update(f.read_bytes() if f.exists() else b"")
    return h.hexdigest()


class RecordCache:
    def __init__(self, folder: Path, model: str | None = None) -> None:
        self.folder = folder
        self._model = model

    def _model_id(self) -> str:
        if self._model is None:
            from . import nlp

            self._model = nlp.model_id()
        return self._model

    def key(self, sha256: str) -> str:
        parts = (
            sha256,
            EXTRACTOR_VERSION,
            code_fingerprint(),
            self._model_id(),
            str(record_json.SCHEMA_VERSION),
        )
        raw = "\0".join(parts)
        return hashlib.sha256(raw.encode()).hexdigest()

    def _path(self, sha256: str) -> Path:
        k = self.key(sha256)
        return self.folder / k[:2] / f"{k}.json"

    def get(self, sha256: str, slug: str, stem: str) -> Record | None:
        p = self._path(sha256)
        try:
            rec = record_json.loads(p.read_text(encoding="utf-8"))
        except (OSError, ValueError, KeyError, TypeError):
            return None  # missing or damaged: extract again
        # Slug and stem depend on the file's name and the other seeds, not its bytes.
        return rec if (rec.slug, rec.stem) == (slug, stem) else dataclasses.replace(rec, slug=slug, stem=stem)

    def put(self, sha256: str, record: Record) -> None:
        p = self._path(sha256)
        p.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=p.parent, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(record_json.dumps(record))
        os.replace(tmp, p)
