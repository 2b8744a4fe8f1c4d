"""Seed files -> Source. The only stage that reads seeds from disk."""

from __future__ import annotations

import hashlib
from pathlib import Path

from . import frontmatter, textnorm
from .errors import SeedError
from .model import Source, SourceMeta

SEED_SUFFIXES = {".txt": "txt", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html"}
# Far beyond any news article (the longest in the corpus is ~60 KB); a larger file
# is almost certainly a dump or a mistake, and would stall the whole build.
MAX_SEED_BYTES = 2_000_000


def discover(seeds_dir: Path) -> list[Path]:
    """Seed files in a stable order; hidden files and sidecars are not seeds."""
    if not seeds_dir.is_dir():
        return []
    return sorted(
        p
        for p in seeds_dir.iterdir()
        if p.is_file() and not p.name.startswith((".", "_")) and p.suffix.lower() in SEED_SUFFIXES
    )


def parse(data: bytes, path: str, stem: str) -> Source:
    """Turn a seed's bytes into a Source; raises SeedError with the reason."""
    fmt = SEED_SUFFIXES.get(Path(path).suffix.lower(), "txt")
    if len(data) > MAX_SEED_BYTES:
        raise SeedError(path, f"too large ({len(data):,} bytes; the limit is {MAX_SEED_BYTES:,})")
    if textnorm.looks_binary(data):
        raise SeedError(path, "binary file, not an article")
    sha = hashlib.sha256(data).hexdigest()
    text = textnorm.normalize(textnorm.decode(data))
    meta = SourceMeta()
    if fmt == "html":
        from . import htmlseed  # lazy: trafilatura is slow to import and only HTML needs it

        text, meta = htmlseed.extract(text, path)
    elif fmt == "md" or text.startswith("---\n"):
        fm, body, _ = frontmatter.split(text)
        if fm is not None:
            data_map, lines = frontmatter.load_mapping(fm, path, first_line=2)
            meta = frontmatter.to_meta(data_map, lines, path)
            text = body.strip("\n")
        elif text.startswith("---") and fmt == "md":
            raise SeedError(path, "front matter is not closed with a '---' line", 1)
    if not text.strip():
        raise SeedError(path, "empty article (no text)")
    return Source(stem=stem, path=path, text=text, meta=meta, sha256=sha, fmt=fmt)  # type: ignore[arg-type]


def read(path: Path, display: str | None = None) -> Source:
    try:
        size = path.stat().st_size
        if size > MAX_SEED_BYTES:  # checked before reading, so a huge file costs nothing
            raise SeedError(
                display or str(path), f"too large ({size:,} bytes; the limit is {MAX_SEED_BYTES:,})"
            )
        data = path.read_bytes()
    except OSError as e:
        raise SeedError(display or str(path), f"cannot read: {e.strerror}") from None
    return parse(data, display or str(path), path.stem)
