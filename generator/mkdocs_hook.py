"""MkDocs hook: regenerate pages before each build and watch seeds/ while serving.

Kept thin on purpose (DESIGN.md): it only adapts MkDocs events to
`commands.generate`. `explainer build` generates first and sets
EXPLAINER_GENERATED, so the hook does not do the work twice.
"""

from __future__ import annotations

import html
import json
import logging
import os
from pathlib import Path
from typing import Any

_command = "build"
# Every tag name of this build (front-matter text), to tell the tags plugin's table of
# contents entries from the ones headings make.
_tag_names: set[str] = set()


def on_startup(command: str, dirty: bool, **kwargs: Any) -> None:
    global _command
    _command = command
    if command == "serve" and dirty:
        _allow_dirty_preview()


class _DirtyPreviewNotice(logging.Filter):
    """MkDocs warns at every dirty build that links may be stale, which a strict
    config turns into an abort. The generator rewrites every page whose text
    changed (its links included), so for the preview the warning is noise."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "'dirty' build is being performed" not in record.getMessage()


def _allow_dirty_preview() -> None:
    build_log = logging.getLogger("mkdocs.commands.build")
    if not any(isinstance(f, _DirtyPreviewNotice) for f in build_log.filters):
        build_log.addFilter(_DirtyPreviewNotice())


def on_pre_build(config: Any, **kwargs: Any) -> None:
    _tag_names.clear()
    if os.environ.get("EXPLAINER_GENERATED") == "1" and _command != "serve":
        return
    # Absolute imports: MkDocs loads a hook file by path, outside its package.
    from generator.commands import generate
    from generator.progress import Progress
    from generator.project import Project

    root = Path(config["config_file_path"]).resolve().parent
    if _command == "serve":
        _generate_for_preview(root)
        return
    generate(Project(root), jobs=1, progress=Progress(enabled=False))


def on_page_markdown(markdown: str, page: Any, **kwargs: Any) -> str:
    tags = page.meta.get("tags")
    if isinstance(tags, list):
        _tag_names.update(str(t) for t in tags if t)
    return markdown


def on_page_context(context: Any, page: Any, **kwargs: Any) -> Any:
    """The tags page's table of contents as HTML like every other: the tags plugin gives
    each tag an entry titled with the tag's raw name, where a heading's title is HTML
    (the theme's toc-item prints every title as text from HTML)."""
    _escape_tag_entries(page.toc)
    return context


def _escape_tag_entries(items: Any) -> None:
    for item in items:
        if item.title in _tag_names:
            item.title = html.escape(item.title, quote=False)
        _escape_tag_entries(item.children)


def _generate_for_preview(root: Path) -> None:
    """Generate while serving: the pages written now must not trigger another rebuild."""
    from generator import serve
    from generator.commands import generate
    from generator.progress import Progress
    from generator.project import Project

    serve.begin()
    try:
        generate(Project(root), jobs=1, progress=Progress(enabled=False), preview=True)
    finally:
        serve.end()


def on_serve(server: Any, config: Any, builder: Any, **kwargs: Any) -> Any:
    seeds = Path(config["config_file_path"]).resolve().parent / "seeds"
    if seeds.is_dir():
        server.watch(str(seeds))
    _watch_content_without_own_writes(server, config)
    return server


def on_post_build(config: Any, **kwargs: Any) -> None:
    """Tags in the search index as text: Material's search writes a result's tags into
    the page as HTML, and the index carries them exactly as the front matter has them."""
    index = Path(config["site_dir"]) / "search" / "search_index.json"
    if not index.is_file():
        return
    data = json.loads(index.read_text(encoding="utf-8"))
    changed = False
    for doc in data.get("docs", []):
        tags = doc.get("tags")
        if isinstance(tags, list):
            safe = [html.escape(str(t), quote=True) for t in tags]
            if safe != tags:
                doc["tags"] = safe
                changed = True
    if changed:
        # The same separators MkDocs' search plugin uses, so an unchanged index keeps its bytes.
        index.write_text(json.dumps(data, separators=(",", ":"), default=str), encoding="utf-8")


def _watch_content_without_own_writes(server: Any, config: Any) -> None:
    from generator import serve

    serve.watch_content_filtered(server, str(config["docs_dir"]))
    serve.warm_model()
