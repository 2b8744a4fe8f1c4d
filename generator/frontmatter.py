"""YAML front matter of `.md` seeds, validated with file and line in every error.

Every string that comes out of YAML here (front matter, sidecars, people.yml) is
plain text: escapes such as "\\x01" or "\\ud800" cannot put control characters or
lone surrogates into a page, a feed or the cache.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import yaml

from . import textnorm
from .errors import SeedError
from .model import SourceMeta

_FENCE = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(?:\n|\Z)", re.DOTALL)

# Keys a seed's front matter may carry. Anything else is a typo or a field we do
# not support, and silently ignoring it would hide an editor's correction.
META_KEYS = {"title", "published", "date", "source", "url", "site_name", "author", "slug", "tags"}
# Corrections an editor may give beside the metadata (validated by overrides.py).
OVERRIDE_KEYS = {"quotes", "suppress", "add", "move"}

# Front matter and sidecars hold a few lines of metadata and corrections; PyYAML's
# scanner is slow on large or deeply nested input (60 KB of brackets kept it busy
# for 20 s), so both are refused before PyYAML sees the text.
MAX_YAML_BYTES = 65_536
MAX_YAML_DEPTH = 20
# A title is a headline; names, tags and roles a few words. Without a cap a 1.9 MB
# title was repeated on every page that lists the article (a 54 MB site).
MAX_TITLE_CHARS = 300
MAX_NAME_CHARS = 200

# C0/C1 controls except tab and newline, and lone surrogates (UTF-16 halves that no
# encoder can write: one in a title made the cache write fail).
_UNPRINTABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


class _Loader(yaml.SafeLoader):
    """SafeLoader without YAML's timestamps: `2025-13-01` would raise ValueError from
    inside PyYAML; as text it reaches parse_date, which says what is wrong and where."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def plain(text: str) -> str:
    """`text` without control characters, lone surrogates or invisible format characters."""
    return textnorm.normalize(_UNPRINTABLE.sub("", text))


def _plain_data(value: Any) -> Any:
    """Every string in a loaded YAML document, keys included, made plain."""
    if isinstance(value, str):
        return plain(value)
    if isinstance(value, dict):
        return {_plain_data(k): _plain_data(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain_data(v) for v in value]
    return value


def read_data_file(path: Path, shown: str, what: str) -> str | None:
    """The text of an editor's data file in content/_data/ (None when there is none);
    a link is refused, since it would read whatever file it points to."""
    if not path.is_file():
        return None
    if path.is_symlink():
        raise SeedError(shown, f"a link, not a file; {what} must be a file here")
    return path.read_text(encoding="utf-8", errors="replace")


def single_line(text: str, limit: int, key: str, path: str, line: int | None, notices: list[str]) -> str:
    """A name, title or credit as one line of text (spacing folded), capped like `cap`."""
    return cap(" ".join(text.split()), limit, key, path, line, notices)


def cap(text: str, limit: int, key: str, path: str, line: int | None, notices: list[str]) -> str:
    """`text` cut to `limit` characters (at a space where one is near), with a notice."""
    if len(text) <= limit:
        return text
    where = f"{path}:{line}" if line is not None else path
    notices.append(f"{where}: '{key}' is {len(text):,} characters long; cut to {limit}")
    head = text[: limit - 1]
    space = head.rfind(" ")
    return (head[:space] if space > limit // 2 else head).rstrip() + "…"


def _too_deep(yaml_text: str) -> int | None:
    """The 0-based line where nesting first exceeds MAX_YAML_DEPTH, else None.

    A cheap over-estimate, linear in the text: open flow brackets plus block
    indentation levels plus `- ` on one line. Brackets inside quoted text count
    too; a real front matter never has twenty of them open.
    """
    flow = 0
    indents: list[int] = []
    for n, line in enumerate(yaml_text.split("\n")):
        body = line.lstrip(" ")
        block = len(indents)
        if flow == 0 and body and not body.startswith("#"):
            indent = len(line) - len(body)
            while indents and indents[-1] >= indent:
                indents.pop()
            indents.append(indent)
            dashes = re.match(r"(?:-[ \t]+)*", body)
            block = len(indents) + (dashes.group(0).count("-") if dashes else 0)
        if block > MAX_YAML_DEPTH:
            return n
        for ch in line:
            if ch in "[{":
                flow += 1
                if block + flow > MAX_YAML_DEPTH:
                    return n
            elif ch in "]}" and flow:
                flow -= 1
    return None


def split(text: str) -> tuple[str | None, str, int]:
    """Return (front matter or None, body, number of lines the front matter took)."""
    m = _FENCE.match(text)
    if not m:
        return None, text, 0
    return m.group(1) or "", text[m.end() :], m.group(0).count("\n")


def load_document(
    yaml_text: str, path: str, first_line: int = 1, max_bytes: int = MAX_YAML_BYTES
) -> tuple[Any, yaml.Node | None]:
    """Parse YAML safely; return the data and its node tree (for line numbers).

    Aliases (`*name`) are refused: nested aliases make a few hundred bytes
    expand into billions of items for anything that walks the data.
    """
    size = len(yaml_text.encode("utf-8", "surrogatepass"))
    if size > max_bytes:
        raise SeedError(path, f"YAML too large ({size:,} bytes; the limit is {max_bytes:,})", first_line)
    deep = _too_deep(yaml_text)
    if deep is not None:
        raise SeedError(
            path, f"YAML nested too deeply (more than {MAX_YAML_DEPTH} levels)", first_line + deep
        )
    try:
        for token in yaml.scan(yaml_text, Loader=_Loader):
            if isinstance(token, yaml.AliasToken):
                line = first_line + token.start_mark.line
                raise SeedError(path, "YAML aliases (*name) are not allowed here", line)
        # One composition serves both the node tree (line numbers) and the data.
        loader = _Loader(yaml_text)
        try:
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        line = first_line + mark.line if mark is not None else None
        problem = getattr(e, "problem", None) or str(e).splitlines()[0]
        raise SeedError(path, f"malformed YAML: {problem}", line) from None
    except RecursionError:  # absurdly deep nesting
        raise SeedError(path, "malformed YAML: nested too deeply", first_line) from None
    return _plain_data(data), node


def load_mapping(yaml_text: str, path: str, first_line: int = 1) -> tuple[dict[str, Any], dict[str, int]]:
    """Parse a YAML mapping; return it with the line of every top-level key."""
    data, lines, _ = load_mapping_node(yaml_text, path, first_line)
    return data, lines


def load_mapping_node(
    yaml_text: str, path: str, first_line: int = 1
) -> tuple[dict[str, Any], dict[str, int], yaml.Node | None]:
    """`load_mapping`, plus the node tree (overrides report the line of every entry)."""
    data, node = load_document(yaml_text, path, first_line)
    if data is None:
        return {}, {}, None
    if not isinstance(data, dict) or not isinstance(node, yaml.MappingNode):
        raise SeedError(path, "front matter must be a mapping of keys to values", first_line)
    lines: dict[str, int] = {}
    for key_node, _ in node.value:
        key = str(key_node.value)
        if key in lines:  # YAML keeps the last silently; an editor meant one of them
            raise SeedError(path, f"key '{key}' is given twice", first_line + key_node.start_mark.line)
        lines[key] = first_line + key_node.start_mark.line
    return {str(k): v for k, v in data.items()}, lines, node


class ImpossibleDate(SeedError):
    """A well-formed date that is not on the calendar (`2025-02-30`): a caller may skip
    the one entry that holds it, where a value that is no date at all is malformed."""


def parse_date(value: Any, path: str, line: int | None, key: str = "published") -> str:
    """An ISO date (year, year-month or full date) that exists on the calendar."""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    s = str(value).strip()
    m = re.fullmatch(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T ]\S.*)?", s)
    if m is None:
        raise SeedError(path, f"'{key}' must be a date like 2025-09-06, not {s!r}", line)
    year, month, day = m.groups()
    try:
        # YAML 1.1 writes a date with one-digit month or day (2025-9-6); it means the same.
        if day is not None:
            return dt.date(int(year), int(month), int(day)).isoformat()
        if month is not None:
            return dt.date(int(year), int(month), 1).isoformat()[:7]
    except ValueError as e:
        raise ImpossibleDate(path, f"'{key}' is not a real date: {s!r} ({e})", line) from None
    return year


def text_value(value: Any, key: str, path: str, line: int | None) -> str:
    if not isinstance(value, str | int | float) or isinstance(value, bool):
        raise SeedError(path, f"'{key}' must be text", line)
    return str(value).strip()


def to_meta(
    data: dict[str, Any], lines: dict[str, int], path: str, allowed: set[str] | None = None
) -> tuple[SourceMeta, list[str]]:
    """Validate front-matter keys and build SourceMeta; unknown keys are errors.

    Also returns notices (warnings naming file and line) for text cut to length.
    """
    allowed = META_KEYS | OVERRIDE_KEYS if allowed is None else allowed
    for key in data:
        if key not in allowed:
            hint = ", ".join(sorted(allowed))
            raise SeedError(path, f"unknown key '{key}' (allowed: {hint})", lines.get(key))
    notices: list[str] = []

    def one_line(key: str, value: Any, limit: int = MAX_NAME_CHARS, shown: str | None = None) -> str:
        line = lines.get(key)
        return single_line(
            text_value(value, shown or key, path, line), limit, shown or key, path, line, notices
        )

    url = site = None
    src = data.get("source")
    if isinstance(src, dict):
        for k in src:
            if k not in {"url", "name"}:
                raise SeedError(path, f"unknown key 'source.{k}' (allowed: url, name)", lines.get("source"))
        url = text_value(src["url"], "source.url", path, lines.get("source")) if src.get("url") else None
        site = one_line("source", src["name"], shown="source.name") if src.get("name") else None
    elif src is not None:
        s = text_value(src, "source", path, lines.get("source"))
        url, site = (s, None) if re.match(r"https?://", s) else (None, one_line("source", s))
    if data.get("url"):
        url = text_value(data["url"], "url", path, lines.get("url"))
    if data.get("site_name"):
        site = one_line("site_name", data["site_name"])
    if url and not re.match(r"https?://", url):
        raise SeedError(
            path, f"source url must start with http:// or https://, not {url!r}", lines.get("source")
        )
    pub_key = "published" if "published" in data else "date"
    published = parse_date(data[pub_key], path, lines.get(pub_key), pub_key) if data.get(pub_key) else None
    tags = data.get("tags") or []
    if isinstance(tags, str):
        tags = [t.strip() for t in tags.split(",")]
    if not isinstance(tags, list):
        raise SeedError(path, "'tags' must be a list", lines.get("tags"))
    meta = SourceMeta(
        title=one_line("title", data["title"], MAX_TITLE_CHARS) if data.get("title") else None,
        published=published,
        url=url,
        site_name=site,
        author=one_line("author", data["author"]) if data.get("author") else None,
        slug=one_line("slug", data["slug"]) if data.get("slug") else None,
        tags=tuple(one_line("tags", t) for t in tags if str(t).strip()),
    )
    return meta, notices
