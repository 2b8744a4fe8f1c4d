"""Escaping: article text is shown as the literal text it is, never as markup.

Every value a template prints goes through `escape_md` unless the template
marks it `Raw` (links and attributes the renderer built itself). Characters
with a meaning to Markdown, its extensions or HTML become numeric character
references, which Markdown passes through and browsers show as the character.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache
from urllib.parse import urlsplit

# Inline syntax: emphasis, code, links, HTML, tables, attribute lists,
# abbreviations, footnotes, includes (--8<--), Jinja braces, maths.
_INLINE = {c: f"&#{ord(c)};" for c in "\\`*_{}[]<>|~^$&"}
_INLINE_TABLE = str.maketrans(_INLINE)
# Markers that only mean something at the start of a block.
_BLOCK_START = re.compile(r"^(?:[#>+=:!-]|\d+[.)])")


class Raw(str):
    """Text the renderer built itself (a link target, an attribute): printed as is."""

    __slots__ = ()


def escape_md(text: str) -> str:
    """One line of literal text, safe anywhere in a Markdown document."""
    return _escape(str(text))


# Names, titles and dates recur on hundreds of pages: each is escaped once per process.
@lru_cache(maxsize=1 << 16)
def _escape(text: str) -> str:
    s = re.sub(r"\s+", " ", text).strip()
    s = s.translate(_INLINE_TABLE)
    m = _BLOCK_START.match(s)
    if m:
        marker = m.group(0)
        s = "".join(f"&#{ord(c)};" for c in marker) + s[len(marker) :]
    return s


# Characters that mean something to HTML, Markdown or attr_list, and whitespace and
# control characters (browsers drop tabs and newlines inside an address, so
# "java\tscript:" would still be a scheme).
_URL_MARKUP = re.compile(r"[\s\x00-\x1f\x7f<>\"'`{}\[\]\\|^]")


def web_url(url: object) -> Raw | None:
    """An address to link to, ready for href="...": only http(s) with a host and no
    markup characters; anything else (javascript:, data:, an address that would leave
    its attribute) is None, and the template shows it as text instead."""
    if not isinstance(url, str) or not url or _URL_MARKUP.search(url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in {"http", "https"} or not parts.hostname:
        return None
    return Raw(html.escape(url, quote=True))


def attr(text: str) -> Raw:
    """A value for an HTML attribute written by a template."""
    return Raw(html.escape(re.sub(r"\s+", " ", str(text)).strip(), quote=True))


def finalize(value: object) -> str:
    """Jinja's finalize hook: escape by default, so a forgotten filter is safe."""
    if value is None:
        return ""
    if isinstance(value, Raw):
        return value
    return escape_md(str(value))
