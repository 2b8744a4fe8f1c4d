"""The sources table an editor keeps: `content/_data/sources.yml` (not published).

A `.txt` seed carries no address, no publisher and no licence, although the editor
usually knows all three. The table gives them, by seed file name, and site-wide by
the host of the address::

    sources:
      - seed: wn-2019-01-04-nancy-pelosi      # file name, with or without .txt
        url: https://en.wikinews.org/wiki/...
    hosts:                                    # for every source address on this host
      - host: en.wikinews.org
        name: Wikinews
        author: Wikinews contributors
        licence: CC BY 2.5
        licence_url: https://creativecommons.org/licenses/by/2.5/

What the seed says about itself (front matter, a sidecar, a web page's metadata)
wins: a seed whose own metadata names a source (an address or a name) takes nothing
from its `sources` entry. The host defaults then fill whatever is still missing,
whichever way the address came.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any, cast
from urllib.parse import urlsplit

from .errors import SeedError
from .frontmatter import MAX_NAME_CHARS, load_document, read_data_file, single_line
from .ingest import SEED_SUFFIXES
from .model import Record
from .overrides import _check_keys, _child, _entries, _line, _str
from .render.markup import web_url

_CREDIT_KEYS = {"url": False, "name": False, "author": False, "licence": False, "licence_url": False}
_SOURCE_KEYS = {"seed": True, **_CREDIT_KEYS}
_HOST_KEYS = {"host": True, **{k: v for k, v in _CREDIT_KEYS.items() if k != "url"}}
# A site's table holds a line or three per article: 64 KB (the front-matter limit)
# is 300 articles; 1 MB is some 5,000 (PyYAML reads it in about 10 s). Aliases and
# deep nesting are still refused.
MAX_TABLE_BYTES = 1_000_000
# Longer than a name: "BBC copyright; research/non-commercial use" is a licence line.
_MAX_LICENCE_CHARS = 300


@dataclass(frozen=True)
class Credit:
    """Who published an article, where, and under which licence (any part may be unknown)."""

    url: str | None = None
    name: str | None = None
    author: str | None = None
    licence: str | None = None
    licence_url: str | None = None
    line: int | None = None  # where the entry stands in the table, for messages


@dataclass(frozen=True)
class Sources:
    by_seed: Mapping[str, Credit] = field(default_factory=dict)  # by seed stem
    by_host: Mapping[str, Credit] = field(default_factory=dict)  # by lower-case host
    path: str = ""
    notices: tuple[str, ...] = ()  # text cut to length


def seed_stem(name: str) -> str:
    """The stem a table entry means: "wn-x.txt" and "wn-x" are the same seed."""
    p = PurePosixPath(name)
    return p.stem if p.suffix.lower() in SEED_SUFFIXES else name


def _url(entry: dict[str, Any], key: str, path: str, line: int | None) -> str | None:
    url = _str(entry, key, path, line)
    if url is not None and web_url(url) is None:
        # The same rule as the link on the page: what cannot be linked is refused here,
        # where the editor can fix it, rather than shown as text on every build.
        raise SeedError(path, f"'{key}' must be a plain http:// or https:// address, not {url!r}", line)
    return url


def _credit(entry: dict[str, Any], path: str, line: int | None, notices: list[str]) -> Credit:
    def text(key: str, limit: int = MAX_NAME_CHARS) -> str | None:
        s = _str(entry, key, path, line)
        return None if s is None else single_line(s, limit, key, path, line, notices)

    return Credit(
        url=_url(entry, "url", path, line),
        name=text("name"),
        author=text("author"),
        licence=text("licence", _MAX_LICENCE_CHARS),
        licence_url=_url(entry, "licence_url", path, line),
        line=line,
    )


def parse(yaml_text: str, path: str) -> Sources:
    """`content/_data/sources.yml`; SeedError (file, line, problem) on the first problem."""
    data, node = load_document(yaml_text, path, 1, MAX_TABLE_BYTES)
    if data is None:
        return Sources(path=path)
    if not isinstance(data, dict) or set(map(str, data)) - {"sources", "hosts"}:
        raise SeedError(
            path, "sources.yml holds 'sources' (by seed) and 'hosts' (by address), nothing else", 1
        )
    notices: list[str] = []
    by_seed: dict[str, Credit] = {}
    for entry, enode in _entries(data.get("sources"), _child(node, "sources"), "sources", path, 1):
        line = _line(enode, 1)
        _check_keys(entry, _SOURCE_KEYS, "a source", path, line)
        seed = cast(str, _str(entry, "seed", path, line))
        if "/" in seed or "\\" in seed:
            raise SeedError(path, f"'seed' is a file name in seeds/, not a path: {seed!r}", line)
        stem = seed_stem(seed)
        if stem in by_seed:
            raise SeedError(path, f"seed '{stem}' is listed twice (first at line {by_seed[stem].line})", line)
        credit = _credit(entry, path, line, notices)
        if not (credit.url or credit.name):
            raise SeedError(path, f"the source of '{stem}' needs a 'url' or a 'name'", line)
        by_seed[stem] = credit
    by_host: dict[str, Credit] = {}
    for entry, enode in _entries(data.get("hosts"), _child(node, "hosts"), "hosts", path, 1):
        line = _line(enode, 1)
        _check_keys(entry, _HOST_KEYS, "a host", path, line)
        host = cast(str, _str(entry, "host", path, line)).lower()
        if not web_url(f"https://{host}/") or urlsplit(f"https://{host}/").hostname != host:
            raise SeedError(path, f"'host' must be a host name such as en.wikinews.org, not {host!r}", line)
        if host in by_host:
            raise SeedError(path, f"host '{host}' is listed twice (first at line {by_host[host].line})", line)
        by_host[host] = _credit(entry, path, line, notices)
    return Sources(by_seed, by_host, path, tuple(notices))


def _fill(rec: Record, credit: Credit, with_address: bool) -> Record:
    """`rec` with the parts of its source it lacks taken from `credit`."""
    s = rec.source
    given = {
        "url": credit.url if with_address else None,
        "site_name": credit.name,
        "author": credit.author,
        "licence": credit.licence,
        "licence_url": credit.licence_url,
    }
    changes: dict[str, Any] = {k: v for k, v in given.items() if v and not getattr(s, k)}
    return dataclasses.replace(rec, source=dataclasses.replace(s, **changes)) if changes else rec


def apply(rec: Record, sources: Sources) -> tuple[Record, bool]:
    """`rec` credited from the table; True when its seed has an entry there."""
    entry = sources.by_seed.get(rec.stem)
    if entry is not None and not (rec.source.url or rec.source.site_name):
        rec = _fill(rec, entry, with_address=True)
    host = urlsplit(rec.source.url).hostname if rec.source.url and web_url(rec.source.url) else None
    if host and host in sources.by_host:
        rec = _fill(rec, sources.by_host[host], with_address=False)
    return rec, entry is not None


def unknown_seeds(sources: Sources, stems: Iterable[str]) -> list[str]:
    """Warnings for table entries that name no seed (a typo, or a seed since removed)."""
    have = set(stems)
    return [
        f"{sources.path}:{c.line}: no seed named '{stem}' in seeds/; this source is not used"
        for stem, c in sources.by_seed.items()
        if stem not in have
    ]


def load(path: Path, shown: str) -> tuple[Sources, list[str]]:
    """The table at `path` (absent: empty); an invalid file is reported and not used."""
    try:
        text = read_data_file(path, shown, "the sources table")
        return (parse(text, shown) if text is not None else Sources(path=shown)), []
    except SeedError as e:
        return Sources(path=shown), [str(e)]


def apply_all(records: Iterable[Record], sources: Sources) -> tuple[Record, ...]:
    return tuple(apply(r, sources)[0] for r in records)
