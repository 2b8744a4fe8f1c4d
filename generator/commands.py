"""What each CLI command does, as functions over a Project (importable, testable)."""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path

from . import (
    freshness,
    ingest,
    lastgood,
    notes,
    overrides,
    pipeline,
    record_json,
    render,
    site_config,
    writer,
)
from .buildlock import hold as hold_build_lock
from .errors import ExplainerError, SeedError
from .incremental import open_cache as open_page_cache
from .incremental import save as save_page_cache
from .model import Record
from .prepare import apply_corrections, load_people, prepare, rule_messages, shown
from .progress import Progress
from .project import Project
from .render.anchors import drop_anchors_to
from .serve import note_written as note_own_writes
from .slugs import slugify

PAGE_CACHE = "pages.json"  # the last rendering of each page, by its inputs (incremental.py)


def _report_rejected(rejected: tuple[pipeline.Rejected, ...]) -> None:
    for r in rejected:
        print(f"explainer: rejected {r.reason}", file=sys.stderr)


def _say(messages: list[str], prefix: str = "") -> None:
    for m in messages:
        print(f"explainer: {prefix}{m}", file=sys.stderr)


def refuse_links_out(project: Project) -> None:
    """Stop before reading or writing when seeds/ or content/ (or a folder in content/)
    is a link out of the project: a committed link would let a build read the
    machine's files into the site, or write pages anywhere."""
    root = project.root.resolve()
    folders = [project.seeds, project.content]
    if project.content.is_dir() and not project.content.is_symlink():
        for here, dirs, _files in os.walk(project.content):
            folders += [Path(here) / d for d in sorted(dirs) if (Path(here) / d).is_symlink()]
    for folder in folders:
        if folder.is_symlink() and not folder.resolve().is_relative_to(root):
            raise SeedError(
                shown(folder, project.root),
                f"a link to a folder outside the project ({folder.resolve()}); nothing was built: "
                "make it a real folder inside the project",
            )


def _extraction(
    seeds_dir: Path,
    root: Path,
    cache_dir: Path | None,
    jobs: int,
    progress: Progress,
    cluster: str | None,
    store: str | None,
    use_cache: bool,
    listing: ingest.Listing,
) -> pipeline.Extraction:
    """Extraction in local processes or, given `cluster`, on the Dask scheduler at that
    address (dask is imported only then); the record store is `store`, else the cache."""
    if cluster is None:
        return pipeline.run(seeds_dir, root, cache_dir, n_process=jobs, progress=progress, listing=listing)
    try:
        from . import cluster as cluster_mod
    except ImportError as e:
        raise ExplainerError(
            f"--cluster needs dask: pip install 'explainer-generator[cluster]' ({e})"
        ) from None
    # --no-cache means no store at all: every seed is extracted again, nothing kept.
    where = (store or (str(cache_dir) if cache_dir else None)) if use_cache else None
    return cluster_mod.run(seeds_dir, root, where, cluster, progress=progress, listing=listing)


def extract(
    seeds_dir: Path,
    out: Path,
    project: Project | None,
    jobs: int,
    progress: Progress,
    use_cache: bool,
    cluster: str | None = None,
    store: str | None = None,
) -> int:
    """`explainer extract SEEDS_DIR --out DIR [--cluster ADDRESS]`: one <stem>.json record per seed."""
    if not seeds_dir.is_dir():
        raise ExplainerError(f"{seeds_dir}: no such folder")
    cache_dir = project.cache / "records" if (project and use_cache) else None
    listing = ingest.list_seeds(seeds_dir)
    try:
        ex = _extraction(
            seeds_dir, seeds_dir.parent, cache_dir, jobs, progress, cluster, store, use_cache, listing
        )
    finally:
        progress.close()
    # The seeds' own corrections always apply; the site's people data only when
    # these are the site's seeds (not, say, an evaluation set read from elsewhere).
    people = overrides.People()
    errors: list[str] = []
    if project is not None and seeds_dir.resolve() == project.seeds.resolve():
        people, errors = load_people(project)
    rule_errors, rule_notices = rule_messages(ex.rules)
    errors += rule_errors
    records, stale = apply_corrections(ex.records, ex.rules, people)
    out.mkdir(parents=True, exist_ok=True)
    for r in records:
        _write_text(out / f"{r.stem}.json", record_json.dumps(r))
    _report_rejected(ex.rejected)
    _say(errors, "error: ")
    _say([*ex.notices, *rule_notices, *people.notices, *stale], "warning: ")
    print(
        f"explainer: {len(ex.records) + len(ex.rejected)} seeds read, {len(ex.rejected)} rejected, "
        f"{len(ex.records)} records written to {out} ({ex.analysed} analysed, "
        f"{len(ex.records) - ex.analysed} from cache)",
        file=sys.stderr,
    )
    return 1 if ex.rejected or errors else 0


def _write_text(path: Path, text: str) -> None:
    data = text.encode("utf-8")
    if not (path.exists() and path.read_bytes() == data):
        writer.atomic_write(path, data)


def generate(
    project: Project,
    jobs: int,
    progress: Progress,
    use_cache: bool = True,
    force: bool = False,
    preview: bool = False,
    cluster: str | None = None,
    store: str | None = None,
) -> int:
    """`explainer generate`: seeds -> records -> pages in content/ (only changed bytes written).

    One build at a time: a second one stops with "another build is running (pid N)".
    `preview` (serve): a rejected seed is shown from its last good record, with the
    reason on its page (lastgood.py); the exit status is 1 all the same."""
    refuse_links_out(project)
    with hold_build_lock(project):
        return _generate(project, jobs, progress, use_cache, force, preview, cluster, store)


def _generate(
    project: Project,
    jobs: int,
    progress: Progress,
    use_cache: bool,
    force: bool,
    preview: bool = False,
    cluster: str | None = None,
    store: str | None = None,
) -> int:
    title, url = site_config.read(project.mkdocs_yml)
    fp = freshness.fingerprint(project, (title, url)) if use_cache and not force else None
    last = freshness.current(project, fp) if fp else None
    if last is not None:
        progress.close()
        _say(list(last.warnings), "warning: ")
        print(
            f"explainer: {last.seeds} seeds read, 0 rejected, 0 pages written, "
            f"{last.pages} unchanged, 0 removed (nothing changed since the last build)",
            file=sys.stderr,
        )
        return 0
    cache_dir = project.cache / "records" if use_cache else None
    listing = ingest.list_seeds(project.seeds)  # the one listing of seeds/ this build makes
    try:
        ex = _extraction(
            project.seeds, project.root, cache_dir, jobs, progress, cluster, store, use_cache, listing
        )
    finally:
        progress.close()
    prep = prepare(project, ex, listing)
    records = prep.records
    kept: list[tuple[Record, str]] = []
    if preview:
        kept = lastgood.stand_ins(project.cache, [(r.path, r.reason) for r in ex.rejected], records)
        lastgood.remember(project.cache, records)
        records = (*records, *(r for r, _ in kept))
    reuse = open_page_cache(project.cache / PAGE_CACHE, freshness.code_id()) if use_cache else None
    pages = render.render_site(records, title, site_url=url, reuse=reuse)
    pages = lastgood.mark(pages, kept)
    pages, orphan_notes = notes.attach(pages, prep.notes)
    rep = writer.write(
        project.content,
        pages,
        force=force,
        backup_dir=project.cache.parent / "backups",
        adjust=drop_anchors_to,
        orphan_dir=project.cache.parent / "orphans",
    )
    if reuse is not None:
        save_page_cache(reuse, project.cache / PAGE_CACHE)
    # For `serve`: these writes are the generator's own, not a change to rebuild for.
    note_own_writes(
        project.content, [*rep.written, *rep.deleted, *(rel for rel, _ in rep.orphaned), writer.MANIFEST]
    )
    _report_rejected(ex.rejected)
    for r, _ in kept:
        print(f"explainer: preview shows the last good version of explainers/{r.slug}.md", file=sys.stderr)
    errors = prep.errors
    _say(errors, "error: ")
    warnings = prep.warnings + orphan_notes
    _say(warnings, "warning: ")
    if rep.leftovers:
        _say([f"removed {len(rep.leftovers)} temporary file(s) left by an interrupted build"])
    for rel in rep.shadowed:
        print(
            f"explainer: content/{rel} is a hand-written page; it wins over the generated one "
            "(rename it to see the generated page)",
            file=sys.stderr,
        )
    for rel in rep.edited:
        if not rel.endswith(".md"):
            # No stamp can mark such a file as the generator's, so --force leaves it be.
            print(
                f"explainer: content/{rel} was changed after it was generated and is left as it is; "
                "delete it to have it generated again",
                file=sys.stderr,
            )
            continue
        print(
            f"explainer: content/{rel} was edited after it was generated and is left as it is; "
            "move the change into an override (the seed's front matter or seeds/<name>.yml) or a "
            f"note (content/{notes.NOTES_DIR}/{rel}), then run `explainer generate --force` to "
            "overwrite the page (a backup is kept in .cache/backups/)",
            file=sys.stderr,
        )
    for rel, moved in rep.orphaned:
        print(
            f"explainer: content/{rel} was edited after it was generated, and no seed gives it a subject "
            f"any more; moved with the edits to {shown(Path(moved), project.root)}, so the site still "
            "builds (its links pointed at pages that are gone)",
            file=sys.stderr,
        )
    for b in rep.backups:
        print(f"explainer: backed up the edited page to {b}", file=sys.stderr)
    print(
        f"explainer: {len(ex.records) + len(ex.rejected)} seeds read, {len(ex.rejected)} rejected, "
        f"{len(rep.written)} pages written, {len(rep.unchanged)} unchanged, {len(rep.deleted)} removed",
        file=sys.stderr,
    )
    messy = rep.leftovers or rep.shadowed or rep.edited or rep.backups or rep.orphaned
    if fp and not (ex.rejected or errors or messy):
        held = [*rep.written, *rep.unchanged]
        freshness.remember(project, fp, len(ex.records), len(held), [*held, writer.MANIFEST], warnings)
    else:
        freshness.forget(project)
    return 1 if ex.rejected or errors else 0


def check(project: Project, jobs: int = 1, progress: Progress | None = None, use_cache: bool = True) -> int:
    """`explainer check`: every problem `generate` would report, without writing a page.

    Rules that match nothing, speakers who are no one, people.yml names that match
    no one and notes for pages that do not exist can only be known from the records,
    so check takes them from the record cache and extracts the seeds not cached yet
    (keeping what it extracts, as generate would); the site is rendered in memory to
    know its pages. Exit status 1 when anything at all is reported: finding problems
    is its whole job.
    """
    refuse_links_out(project)
    listing = ingest.list_seeds(project.seeds)
    progress = progress or Progress(enabled=False)
    cache_dir = project.cache / "records" if use_cache else None
    try:
        ex = pipeline.run(
            project.seeds, project.root, cache_dir, n_process=jobs, progress=progress, listing=listing
        )
    finally:
        progress.close()
    prep = prepare(project, ex, listing)
    title, url = site_config.read(project.mkdocs_yml)
    reuse = open_page_cache(project.cache / PAGE_CACHE, freshness.code_id()) if use_cache else None
    _pages, orphan_notes = notes.attach(
        render.render_site(prep.records, title, site_url=url, reuse=reuse), prep.notes
    )
    _report_rejected(ex.rejected)
    _say(prep.errors, "error: ")
    warnings = prep.warnings + orphan_notes
    _say(warnings, "warning: ")
    problems = len(prep.errors) + len(warnings)
    print(
        f"explainer: {len(ex.records) + len(ex.rejected)} seeds checked, {len(ex.rejected)} with problems"
        + (f"; {problems} other problem(s)" if problems else ""),
        file=sys.stderr,
    )
    return 1 if ex.rejected or problems else 0


# Written into every new seed's front matter: the corrections an editor can make,
# commented out, so the format is at hand where it is needed (see README, Editing).
_NEW_SEED_HELP = """\
# Corrections, applied at every build (uncomment and adapt; see README, "Editing"):
# quotes:                       # who said a quote (speaker: null for unattributed)
#   - match: "a few words of the quote"
#     speaker: Full Name
#     note: Why, in a sentence (optional on any rule; shown with the correction)
# suppress:                     # drop a wrong item (section optional)
#   - section: background
#     match: "a few words of the item"
# move:                         # put an item in the right section
#   - match: "a few words of the item"
#     to: sticking_points
# add:                          # add what the extractor missed
#   - section: next
#     title: Summit
#     date: 2025-10-26
#     place: City
"""


def new(project: Project, title: str, url: str | None, published: str | None) -> int:
    """`explainer new TITLE`: a seed with front matter; the article's text goes below it."""
    import re

    import yaml

    title = " ".join(title.split())  # a title is one line, whatever was pasted
    if not title:
        raise ExplainerError("the title must not be empty")
    if published is not None:
        try:
            when = dt.date.fromisoformat(published).isoformat()
        except ValueError:
            raise ExplainerError(f"--published must be a date like 2025-09-06, not {published!r}") from None
    else:
        when = dt.date.today().isoformat()
    if url and not re.match(r"https?://", url):
        raise ExplainerError(f"--url must start with http:// or https://, not {url!r}")
    slug = slugify(title) or "article"
    path = project.seeds / f"{when}-{slug}.md"
    if path.exists():
        raise ExplainerError(f"{path}: already exists")
    project.seeds.mkdir(parents=True, exist_ok=True)
    meta: dict[str, object] = {"title": title, "published": when}
    if url:
        meta["source"] = {"url": url}
    text = "---\n" + yaml.safe_dump(meta, sort_keys=False, allow_unicode=True) + _NEW_SEED_HELP + "---\n\n"
    with open(path, "x", encoding="utf-8") as f:  # "x": never overwrite a seed written meanwhile
        f.write(text)
    print(
        f"explainer: created {shown(path, project.root)}; paste the article's text below the front "
        "matter, then run `explainer check`",
        file=sys.stderr,
    )
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
