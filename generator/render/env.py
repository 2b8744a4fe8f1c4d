"""The Jinja2 environment every renderer shares: escape by default, strict, no I/O beyond templates."""

from __future__ import annotations

from functools import lru_cache

import jinja2

from .markup import Raw, attr, escape_md, finalize, web_url


def rel(from_page: str, to_path: str) -> Raw:
    """A relative link from one generated page to another (MkDocs checks these).

    Both are normalised paths inside content/ (no `..`), so the common folder
    prefix is all there is to it; posixpath.relpath would consult the working
    directory on every one of tens of thousands of links.
    """
    target, _, anchor = to_path.partition("#")
    out = ""
    if target:
        src = from_page.split("/")[:-1]
        dst = target.split("/")
        common = 0
        while common < len(src) and common < len(dst) - 1 and src[common] == dst[common]:
            common += 1
        out = "/".join([".."] * (len(src) - common) + dst[common:])
    return Raw(out + (f"#{anchor}" if anchor else ""))


def human_date(value: str | None) -> str:
    """ "2025-09-06" -> "6 September 2025"; partial dates keep their precision."""
    import calendar
    import re

    if not value:
        return ""
    m = re.match(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$", value)
    if not m:
        wk = re.match(r"^(\d{4})-W(\d{2})$", value)
        return f"week {int(wk.group(2))} of {wk.group(1)}" if wk else value
    y, mo, d = m.groups()
    if mo and d:
        return f"{int(d)} {calendar.month_name[int(mo)]} {y}"
    if mo:
        return f"{calendar.month_name[int(mo)]} {y}"
    return y


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("generator.render", "templates"),
        autoescape=False,  # Markdown, not HTML: `finalize` escapes instead
        finalize=finalize,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["attr"] = attr
    env.filters["raw"] = Raw
    env.filters["md"] = lambda s: Raw(escape_md(s))
    env.filters["human_date"] = human_date
    env.filters["web_url"] = web_url
    env.globals["rel"] = rel
    return env
