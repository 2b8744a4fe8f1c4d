"""What each CLI command does, as functions over a Project (importable, testable)."""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

from . import ingest, pipeline, record_json, render, writer
from .errors import ExplainerError
from .progress import Progress
from .project import Project
from .site_config import site_title
from .slugs import slugify


def _report_rejected(rejected: tuple[pipeline.Rejected, ...]) -> None:
    for r in rejected:
        print(f"explainer: rejected {r.reason}", file=sys.stderr)


def extract(
    seeds_dir: Path, out: Path, project: Project | None, jobs: int, progress: Progress, use_cache: bool
) -> int:
    """`explainer extract SEEDS_DIR --out DIR`: one <stem>.json record per seed."""
    if not seeds_dir.is_dir():
        raise ExplainerError(f"{seeds_dir}: no such folder")
    cache_dir = project.cache / "records" if (project and use_cache) else None
    try:
        ex = pipeline.run(seeds_dir, seeds_dir.parent, cache_dir, n_process=jobs, progress=progress)
    finally:
        progress.close()
    out.mkdir(parents=True, exist_ok=True)
    for r in ex.records:
        _write_text(out / f"{r.stem}.json", record_json.dumps(r))
    _report_rejected(ex.rejected)
    print(
        f"explainer: {len(ex.records) + len(ex.rejected)} seeds read, {len(ex.rejected)} rejected, "
        f"{len(ex.records)} records written to {out} ({ex.analysed} analysed, "
        f"{len(ex.records) - ex.analysed} from cache)",
        file=sys.stderr,
    )
    return 1 if ex.rejected else 0


def _write_text(path: Path, text: str) -> None:
    data = text.encode("utf-8")
    if path.exists() and path.read_bytes() == data:
        return
    fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    with os.fdopen(fd, "wb") as f:
        f.write(data)
    os.replace(tmp, path)


def generate(
    project: Project, jobs: int, progress: Progress, use_cache: bool = True, force: bool = False
) -> int:
    """`explainer generate`: seeds -> records -> pages in content/ (only changed bytes written)."""
    cache_dir = project.cache / "records" if use_cache else None
    try:
        ex = pipeline.run(project.seeds, project.root, cache_dir, n_process=jobs, progress=progress)
    finally:
        progress.close()
    pages = render.render_site(ex.records, site_title(project.mkdocs_yml))
    rep = writer.write(project.content, pages, force=force, backup_dir=project.cache.parent / "backups")
    _report_rejected(ex.rejected)
    for rel in rep.shadowed:
        print(
            f"explainer: content/{rel} is a hand-written page; it wins over the generated one "
            "(rename it to see the generated page)",
            file=sys.stderr,
        )
    for rel in rep.edited:
        print(
            f"explainer: content/{rel} was edited after it was generated and is left as it is; "
            "move the change into an override (see README) or run `explainer generate --force` "
            "to overwrite it (a backup is kept in .cache/backups/)",
            file=sys.stderr,
        )
    for b in rep.backups:
        print(f"explainer: backed up the edited page to {b}", file=sys.stderr)
    print(
        f"explainer: {len(ex.records) + len(ex.rejected)} seeds read, {len(ex.rejected)} rejected, "
        f"{len(rep.written)} pages written, {len(rep.unchanged)} unchanged, {len(rep.deleted)} removed",
        file=sys.stderr,
    )
    return 1 if ex.rejected else 0


def check(project: Project) -> int:
    """`explainer check`: read and validate every seed without analysing or building."""
    paths = ingest.discover(project.seeds)
    _sources, rejected = pipeline.read_seeds(paths, project.root)
    _report_rejected(tuple(rejected))
    print(f"explainer: {len(paths)} seeds checked, {len(rejected)} with problems", file=sys.stderr)
    return 1 if rejected else 0


def new(project: Project, title: str, url: str | None, published: str | None) -> int:
    """`explainer new TITLE`: a seed with front matter, ready for the article's text."""
    slug = slugify(title) or "article"
    when = published or dt.date.today().isoformat()
    path = project.seeds / f"{when}-{slug}.md"
    if path.exists():
        raise ExplainerError(f"{path}: already exists")
    project.seeds.mkdir(parents=True, exist_ok=True)
    import yaml

    meta: dict[str, object] = {"title": title, "published": when}
    if url:
        meta["source"] = {"url": url}
    text = (
        "---\n"
        + yaml.safe_dump(meta, sort_keys=False, allow_unicode=True)
        + "---\n\nPaste the article text here.\n"
    )
    path.write_text(text, encoding="utf-8")
    print(f"explainer: created {path}", file=sys.stderr)
    return 0


def fetch(project: Project, urls: list[str], timeout: float, force: bool = False) -> int:
    """`explainer fetch URL...`: save each web page into seeds/ as an .html seed."""
    from . import fetch as fetch_mod

    failed = 0
    for url in urls:
        try:
            page = fetch_mod.download(url, timeout=timeout)
            path, source = fetch_mod.save(page, project.seeds, fetch_mod.seed_name(page.url), force=force)
        except ExplainerError as e:
            print(f"explainer: fetch {e}", file=sys.stderr)
            failed += 1
            continue
        print(f"explainer: saved {path} ({source.meta.title or 'no title found'})", file=sys.stderr)
    return 1 if failed else 0
