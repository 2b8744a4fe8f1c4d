"""YAML front matter of `.md` seeds, validated with file and line in every error."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import yaml

from .errors import SeedError
from .model import SourceMeta

_FENCE = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(?:\n|\Z)", re.DOTALL)

# Keys a seed's front matter may carry. Anything else is a typo or a field we do
# not support, and silently ignoring it would hide an editor's correction.
META_KEYS = {"title", "published", "date", "source", "url", "site_name", "author", "slug", "tags"}
# Corrections an editor may give beside the metadata (validated by overrides.py).
OVERRIDE_KEYS = {"quotes", "suppress", "add", "move"}


def split(text: str) -> tuple[str | None, str, int]:
    """Return (front matter or None, body, number of lines the front matter took)."""
    m = _FENCE.match(text)
    if not m:
        return None, text, 0
    return m.group(1) or "", text[m.end() :], m.group(0).count("\n")


def load_document(yaml_text: str, path: str, first_line: int = 1) -> tuple[Any, yaml.Node | None]:
    """Parse YAML safely; return the data and its node tree (for line numbers).

    Aliases (`*name`) are refused: nested aliases make a few hundred bytes
    expand into billions of items for anything that walks the data.
    """
    try:
        for token in yaml.scan(yaml_text, Loader=yaml.SafeLoader):
            if isinstance(token, yaml.AliasToken):
                line = first_line + token.start_mark.line
                raise SeedError(path, "YAML aliases (*name) are not allowed here", line)
        node = yaml.compose(yaml_text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(yaml_text)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        line = first_line + mark.line if mark is not None else None
        problem = getattr(e, "problem", None) or str(e).splitlines()[0]
        raise SeedError(path, f"malformed YAML: {problem}", line) from None
    except RecursionError:  # absurdly deep nesting
        raise SeedError(path, "malformed YAML: nested too deeply", first_line) from None
    return data, node


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


def parse_date(value: Any, path: str, line: int | None, key: str = "published") -> str:
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    s = str(value).strip()
    if re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", s):
        return s
    m = re.match(r"(\d{4}-\d{2}-\d{2})[T ]", s)
    if m:
        return m.group(1)
    raise SeedError(path, f"'{key}' must be a date like 2025-09-06, not {s!r}", line)


def text_value(value: Any, key: str, path: str, line: int | None) -> str:
    if not isinstance(value, str | int | float) or isinstance(value, bool):
        raise SeedError(path, f"'{key}' must be text", line)
    return str(value).strip()


def to_meta(
    data: dict[str, Any], lines: dict[str, int], path: str, allowed: set[str] | None = None
) -> SourceMeta:
    """Validate front-matter keys and build SourceMeta; unknown keys are errors."""
    allowed = META_KEYS | OVERRIDE_KEYS if allowed is None else allowed
    for key in data:
        if key not in allowed:
            hint = ", ".join(sorted(allowed))
            raise SeedError(path, f"unknown key '{key}' (allowed: {hint})", lines.get(key))
    url = site = None
    src = data.get("source")
    if isinstance(src, dict):
        for k in src:
            if k not in {"url", "name"}:
                raise SeedError(path, f"unknown key 'source.{k}' (allowed: url, name)", lines.get("source"))
        url = text_value(src["url"], "source.url", path, lines.get("source")) if src.get("url") else None
        site = text_value(src["name"], "source.name", path, lines.get("source")) if src.get("name") else None
    elif src is not None:
        s = text_value(src, "source", path, lines.get("source"))
        url, site = (s, None) if re.match(r"https?://", s) else (None, s)
    if data.get("url"):
        url = text_value(data["url"], "url", path, lines.get("url"))
    if data.get("site_name"):
        site = text_value(data["site_name"], "site_name", path, lines.get("site_name"))
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
    return SourceMeta(
        title=text_value(data["title"], "title", path, lines.get("title")) if data.get("title") else None,
        published=published,
        url=url,
        site_name=site,
        author=text_value(data["author"], "author", path, lines.get("author"))
        if data.get("author")
        else None,
        slug=text_value(data["slug"], "slug", path, lines.get("slug")) if data.get("slug") else None,
        tags=tuple(text_value(t, "tags", path, lines.get("tags")) for t in tags if str(t).strip()),
    )
