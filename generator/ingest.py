"""Seed files -> Source. The only stage that reads seeds (and their sidecars) from disk."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import frontmatter, overrides, textnorm
from .errors import SeedError
from .model import Source, SourceMeta

SEED_SUFFIXES = {".txt": "txt", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html"}
SIDECAR_SUFFIX = ".yml"  # the name messages suggest; any case of .yml or .yaml is read
SIDECAR_SUFFIXES = (".yml", ".yaml")
# Far beyond any news article (the longest in the corpus is ~60 KB); a larger file
# is almost certainly a dump or a mistake, and would stall the whole build.
MAX_SEED_BYTES = 2_000_000
# The article text the extractor will read, after decoding (and, for HTML, after
# the page's clutter is gone). Extraction is linear in the text: 100,000
# characters (3-4x the longest article in any corpus here) took 10-13 s and under
# 400 MB, where one 300 KB pasted line took 40 s and 900 MB.
MAX_TEXT_CHARS = 100_000
# spaCy's memory grows with the longest document it parses; a paragraph longer
# than this (a paste without line breaks) is split at sentence ends, else spaces.
MAX_PARAGRAPH_CHARS = 5_000


@dataclass(frozen=True)
class Listing:
    """The seeds folder as listed once: its seeds and sidecars, each in a stable order.

    A build asks for the seeds, the sidecars, a seed's own sidecar, the stems; one
    listing answers them all, instead of a listing (and a stat per file) each.
    """

    seeds: tuple[Path, ...] = ()
    sidecars: tuple[Path, ...] = ()

    def sidecars_of(self, seed: Path) -> list[Path]:
        """The seed's sidecars (`<stem>.yml` or `.yaml`, any case); more than one is an error."""
        return [s for s in self.sidecars if s.stem == seed.stem]

    @property
    def stems(self) -> list[str]:
        return [p.stem for p in self.seeds]


def list_seeds(seeds_dir: Path) -> Listing:
    """One listing of the folder. Hidden files and sidecars are not seeds."""
    try:
        with os.scandir(seeds_dir) as it:
            # DirEntry.is_file needs no stat of its own on most systems (it follows links).
            files = [Path(e.path) for e in it if e.is_file()]
    except (FileNotFoundError, NotADirectoryError):
        return Listing()
    seeds = sorted(
        p for p in files if not p.name.startswith((".", "_")) and p.suffix.lower() in SEED_SUFFIXES
    )
    side = sorted(p for p in files if p.suffix.lower() in SIDECAR_SUFFIXES)
    return Listing(tuple(seeds), tuple(side))


def discover(seeds_dir: Path) -> list[Path]:
    """Seed files in a stable order; hidden files and sidecars are not seeds."""
    return list(list_seeds(seeds_dir).seeds)


def sidecars(seeds_dir: Path) -> list[Path]:
    return list(list_seeds(seeds_dir).sidecars)


def _case_forms(suffix: str) -> list[str]:
    forms = [""]
    for ch in suffix:
        forms = [f + c for f in forms for c in dict.fromkeys((ch.lower(), ch.upper()))]
    return forms


# Every spelling of a sidecar suffix (".yml", ".YML", ".Yaml", ...): looked up by name
# for a seed read on its own, so it costs a few stat calls, not a listing of its folder.
_SIDECAR_FORMS = [f for s in SIDECAR_SUFFIXES for f in _case_forms(s)]


def sidecars_of(path: Path) -> list[Path]:
    """The seed's sidecar files (`<stem>.yml` or `.yaml`, any case); more than one is an error."""
    found: dict[tuple[int, int], Path] = {}
    for form in _SIDECAR_FORMS:
        cand = path.with_suffix(form)
        try:
            st = cand.stat()
        except OSError:
            continue
        if cand.is_file():
            # On a case-insensitive file system story.yml and story.YML are one file.
            found.setdefault((st.st_dev, st.st_ino), cand)
    return sorted(found.values())


def decode(data: bytes, path: str) -> tuple[str, list[str]]:
    """Text of a file, with a notice when stray bytes in UTF-8 text were repaired.

    One Windows-1252 byte (a curly quote pasted from an old file) makes UTF-8
    decoding fail for the whole file, and reading all of it as Windows-1252 turns
    every other non-ASCII character into mojibake. So a file that has valid UTF-8
    sequences is read as UTF-8 and only the bytes that are not are read as
    Windows-1252; a file with none is legacy text and read as before.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 with a BOM: textnorm reads it
        return textnorm.decode(data), []
    bom = 3 if data.startswith(b"\xef\xbb\xbf") else 0
    try:
        return data[bom:].decode("utf-8"), []
    except UnicodeDecodeError:
        pass
    text = data[bom:].decode("utf-8", "surrogateescape")  # a bad byte b -> U+DC00+b
    if not _UTF8_CHAR.search(text):
        return textnorm.decode(data), []  # not UTF-8 at all
    stray = [m.start() for m in _STRAY.finditer(text)]  # not empty: decoding failed
    offset = bom + len(text[: stray[0]].encode("utf-8", "surrogateescape"))
    byte = data[offset]
    line = data.count(b"\n", 0, offset) + 1
    repaired = text.translate(_STRAY_BYTES)
    many = "byte" if len(stray) == 1 else "bytes"
    notice = (
        f"{path}:{line}: not valid UTF-8 at byte {offset} (0x{byte:02X}); read as Windows-1252 "
        f"{_STRAY_BYTES[0xDC00 + byte]!r} ({len(stray)} such {many})"
    )
    return repaired, [notice]


def _cp1252(b: int) -> str:
    try:
        return bytes([b]).decode("cp1252")
    except UnicodeDecodeError:  # five bytes Windows-1252 leaves undefined: Latin-1's controls
        return bytes([b]).decode("latin-1")


_UTF8_CHAR = re.compile("[^\x00-\x7f\udc80-\udcff]")  # a character a valid sequence gave
_STRAY = re.compile("[\udc80-\udcff]")  # a byte that was not UTF-8 (surrogateescape)
_STRAY_BYTES = {0xDC00 + b: _cp1252(b) for b in range(0x80, 0x100)}


def split_long_paragraphs(text: str, limit: int = MAX_PARAGRAPH_CHARS) -> str:
    """Paragraphs of at most `limit` characters: cut after a sentence end, else at a space."""
    out = []
    for para in text.split("\n\n"):
        while len(para) > limit:
            head = para[:limit]
            ends = [m.end() for m in re.finditer(r"[.!?][\"'”’)]?\s", head)]
            cut = ends[-1] if ends and ends[-1] > limit // 2 else head.rfind(" ") + 1
            if cut <= 0:  # one word of `limit` characters: no better place than anywhere
                cut = limit
            out.append(para[:cut].rstrip())
            para = para[cut:].lstrip()
        out.append(para)
    return "\n\n".join(out)


def _front_matter(text: str, fmt: str, path: str) -> tuple[dict[str, Any], dict[str, int], Any, str] | None:
    """(data, key lines, YAML node, body) of a seed's front matter, None when it has none."""
    if not (fmt == "md" or text.startswith("---\n")):
        return None
    fm, body, _ = frontmatter.split(text)
    if fm is None:
        if text.startswith("---") and fmt == "md":
            raise SeedError(path, "front matter is not closed with a '---' line", 1)
        return None
    data, lines, node = frontmatter.load_mapping_node(fm, path, first_line=2)
    return data, lines, node, body


def _load_sidecar(
    data: bytes | None, path: str, notices: list[str] | None = None
) -> tuple[dict[str, Any], dict[str, int], Any]:
    if data is None:
        return {}, {}, None
    text, said = decode(data, path)
    if notices is not None:
        notices += said
    return frontmatter.load_mapping_node(textnorm.normalize(text), path, first_line=1)


def _plain_meta(meta: SourceMeta, path: str, notices: list[str]) -> SourceMeta:
    """A web page's metadata as plain text of capped length, like front matter's."""

    def one(value: str | None, key: str, limit: int = frontmatter.MAX_NAME_CHARS) -> str | None:
        if value is None:
            return None
        return frontmatter.single_line(frontmatter.plain(value), limit, key, path, None, notices) or None

    return SourceMeta(
        title=one(meta.title, "title", frontmatter.MAX_TITLE_CHARS),
        published=meta.published,
        url=one(meta.url, "url", 2_000),
        site_name=one(meta.site_name, "site_name"),
        author=one(meta.author, "author"),
        slug=meta.slug,
        tags=tuple(t for t in (one(t, "tags") for t in meta.tags) if t),
    )


def _merge_meta(base: SourceMeta, over: SourceMeta) -> SourceMeta:
    """`over`'s values where it has them: a sidecar corrects what the seed says."""
    changes = {f.name: getattr(over, f.name) for f in dataclasses.fields(over) if getattr(over, f.name)}
    return dataclasses.replace(base, **changes)


def parse(
    data: bytes, path: str, stem: str, sidecar: bytes | None = None, sidecar_path: str | None = None
) -> Source:
    """Turn a seed's bytes (and its sidecar's) into a Source; raises SeedError with the reason."""
    source, _ = parse_with_overrides(data, path, stem, sidecar, sidecar_path)
    return source


def parse_with_overrides(
    data: bytes, path: str, stem: str, sidecar: bytes | None = None, sidecar_path: str | None = None
) -> tuple[Source, overrides.SeedOverrides]:
    fmt = SEED_SUFFIXES.get(Path(path).suffix.lower(), "txt")
    if len(data) > MAX_SEED_BYTES:
        raise SeedError(path, f"too large ({len(data):,} bytes; the limit is {MAX_SEED_BYTES:,})")
    if not data.strip():
        raise SeedError(path, "empty file (no text)")
    if textnorm.looks_binary(data):
        raise SeedError(path, "binary file, not an article")
    sha = hashlib.sha256(data)
    raw, notices = decode(data, path)
    text = textnorm.normalize(raw)
    meta = SourceMeta()
    rules = overrides.SeedOverrides()
    if fmt == "html":
        from . import htmlseed  # lazy: trafilatura is slow to import and only HTML needs it

        text, meta = htmlseed.extract(text, path)
        text = textnorm.normalize(text)
        meta = _plain_meta(meta, path, notices)
    else:
        found = _front_matter(text, fmt, path)
        if found is not None:
            fm_data, fm_lines, node, body = found
            meta, said = frontmatter.to_meta(fm_data, fm_lines, path)
            notices += said
            rules = overrides.parse_seed_overrides(fm_data, node, path, 2)
            text = body.strip("\n")
    if sidecar is not None:
        spath = sidecar_path or str(Path(path).with_suffix(SIDECAR_SUFFIX))
        try:
            sc_data, sc_lines, sc_node = _load_sidecar(sidecar, spath, notices)
            sc_meta, said = frontmatter.to_meta(sc_data, sc_lines, spath)
            notices += said
            more = overrides.parse_seed_overrides(sc_data, sc_node, spath, 1)
        except SeedError as e:
            # Name the seed too: it is the seed that is not built until this is fixed.
            raise SeedError(e.path, f"{e.problem} (so {path} is not built)", e.line) from None
        meta = _merge_meta(meta, sc_meta)
        rules = rules + more
        # The sidecar's metadata changes the record, so it is part of the seed's
        # hash (the cache key); its corrections are applied after the cache, so a
        # sidecar holding only corrections costs no new extraction.
        if sc_meta != SourceMeta():
            sha.update(b"\0sidecar\0" + json.dumps(dataclasses.asdict(sc_meta), sort_keys=True).encode())
    if not text.strip():
        raise SeedError(path, "empty article (no text)")
    if len(text) > MAX_TEXT_CHARS:
        raise SeedError(
            path, f"article too long ({len(text):,} characters of text; the limit is {MAX_TEXT_CHARS:,})"
        )
    text = split_long_paragraphs(text)
    source = Source(
        stem=stem,
        path=path,
        text=text,
        meta=meta,
        sha256=sha.hexdigest(),
        fmt=fmt,  # type: ignore[arg-type]
        notices=tuple(notices),
        overrides=rules,
    )
    return source, rules


def _read_bytes(path: Path, display: str) -> bytes:
    try:
        # A seed is published: a link out of the seeds folder (committed to the
        # repository by anyone) must not publish the build machine's files.
        if path.is_symlink() and not path.resolve().is_relative_to(path.parent.resolve()):
            raise SeedError(display, "a link to a file outside the seeds folder; copy the file in instead")
        size = path.stat().st_size
        if size > MAX_SEED_BYTES:  # checked before reading, so a huge file costs nothing
            raise SeedError(display, f"too large ({size:,} bytes; the limit is {MAX_SEED_BYTES:,})")
        return path.read_bytes()
    except OSError as e:
        raise SeedError(display, f"cannot read: {e.strerror}") from None


def _sidecar_bytes(path: Path, display: str, listing: Listing | None) -> tuple[bytes | None, str | None]:
    found = listing.sidecars_of(path) if listing is not None else sidecars_of(path)
    shown = [str(Path(display).with_name(p.name)) for p in found]
    if len(found) > 1:
        raise SeedError(display, f"two sidecars, {' and '.join(shown)}; keep one")
    if not found:
        return None, None
    return _read_bytes(found[0], shown[0]), shown[0]


def read_with_overrides(
    path: Path, display: str | None = None, listing: Listing | None = None
) -> tuple[Source, overrides.SeedOverrides]:
    """The seed and its corrections; `listing`, the folder's, saves looking for sidecars."""
    shown = display or str(path)
    side_data, side_shown = _sidecar_bytes(path, shown, listing)
    return parse_with_overrides(_read_bytes(path, shown), shown, path.stem, side_data, side_shown)


def read(path: Path, display: str | None = None, listing: Listing | None = None) -> Source:
    """The seed as read, its corrections on it (`Source.overrides`)."""
    return read_with_overrides(path, display, listing)[0]
