"""From extracted records to the records the site shows, and everything a build says
about its input: one function for `generate` and `check`, so `check` reports exactly
what `generate` would (the editors' data applied, stale rules, unknown speakers,
people.yml names that match no one, orphan sidecars, duplicate seeds, sources
naming no seed, notes for pages that do not exist).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import corrections, frontmatter, ingest, notes, overrides, pipeline
from . import sources as source_table
from .errors import SeedError
from .model import Record
from .project import Project
from .review import duplicate_articles

PEOPLE_FILE = Path("_data") / "people.yml"
SOURCES_FILE = Path("_data") / "sources.yml"


def shown(p: Path, root: Path) -> str:
    """A file's name as messages show it: relative to the project, as the pipeline does."""
    try:
        return str(p.relative_to(root))
    except ValueError:
        return str(p)


def rule_messages(rules: dict[str, overrides.SeedOverrides]) -> tuple[list[str], list[str]]:
    """(errors, warnings) found while reading the seeds' corrections, in seed order."""
    return (
        [m for r in rules.values() for m in r.skipped],
        [m for r in rules.values() for m in r.notices],
    )


def load_people(project: Project) -> tuple[overrides.People, list[str]]:
    """The site-wide people data; an invalid file is reported and not used."""
    where = f"content/{PEOPLE_FILE.as_posix()}"
    try:
        text = frontmatter.read_data_file(project.content / PEOPLE_FILE, where, "people data")
        return (overrides.parse_people(text, where) if text is not None else overrides.People()), []
    except SeedError as e:
        return overrides.People(), [str(e)]


def load_sources(
    project: Project, listing: ingest.Listing
) -> tuple[source_table.Sources, list[str], list[str]]:
    """The editor's sources table: (table, errors, warnings), beside the people data."""
    table, errors = source_table.load(project.content / SOURCES_FILE, f"content/{SOURCES_FILE.as_posix()}")
    return table, errors, [*table.notices, *source_table.unknown_seeds(table, listing.stems)]


def orphan_sidecars(listing: ingest.Listing, root: Path) -> list[str]:
    stems = set(listing.stems)
    return [
        f"{shown(s, root)}: sidecar of no seed (there is no {s.stem}.txt, .md or .html)"
        for s in listing.sidecars
        if s.stem not in stems
    ]


def shared_stems(listing: ingest.Listing, root: Path) -> list[str]:
    """Seeds that differ only in extension: they share a sidecar and a record file name."""
    by_stem: dict[str, list[Path]] = {}
    for p in listing.seeds:
        by_stem.setdefault(p.stem, []).append(p)
    return [
        f"{', '.join(shown(p, root) for p in paths)}: seeds with the same name share one sidecar and one "
        "record file; rename one"
        for paths in by_stem.values()
        if len(paths) > 1
    ]


def duplicate_warnings(records: tuple[Record, ...], listing: ingest.Listing, root: Path) -> list[str]:
    paths = {p.stem: shown(p, root) for p in listing.seeds}
    return [
        f"{', '.join(paths.get(s, s) for s in stems)}: the same article saved more than once "
        "(each becomes an explainer); remove all but one"
        for stems in duplicate_articles(records)
    ]


def apply_corrections(
    records: tuple[Record, ...], rules: dict[str, overrides.SeedOverrides], people: overrides.People
) -> tuple[tuple[Record, ...], list[str]]:
    """Records with every seed's overrides and the people data applied; messages about
    stale rules, speakers who are no one, and people.yml names that match no one."""
    out, stale, used = [], [], set()
    for r in records:
        if r.stem in rules:
            stale += corrections.unknown_speakers(r, rules[r.stem], people)
            r, msgs = corrections.apply(r, rules[r.stem])
            stale += msgs
        r, hit = corrections.apply_people(r, people)
        used |= hit
        out.append(r)
    if records:  # with no article at all, every entry is trivially unused
        stale += corrections.unused_people(people, used)
    return tuple(out), stale


@dataclass(frozen=True)
class Prepared:
    """The records the site shows and what the build says about its input."""

    records: tuple[Record, ...]
    errors: list[str]  # exit status 1 for generate
    warnings: list[str]
    notes: dict[str, str]  # editors' notes by the page they are for (notes.py)


def prepare(project: Project, ex: pipeline.Extraction, listing: ingest.Listing) -> Prepared:
    """Every editor's file applied to the extracted records, and every message about the
    input (the rejected seeds excepted: the caller reports those). The seeds' own
    corrections come with the extraction (read once, with the seeds); `listing` is the
    build's one listing of seeds/."""
    people, people_errors = load_people(project)
    rule_errors, rule_notices = rule_messages(ex.rules)
    table, source_errors, source_notices = load_sources(project, listing)
    records, stale = apply_corrections(source_table.apply_all(ex.records, table), ex.rules, people)
    page_notes, note_problems = notes.load(project.content)
    warnings = [*ex.notices, *rule_notices, *people.notices, *source_notices]
    warnings += orphan_sidecars(listing, project.root) + shared_stems(listing, project.root)
    warnings += duplicate_warnings(ex.records, listing, project.root)
    errors = people_errors + source_errors + note_problems + rule_errors
    return Prepared(records, errors, warnings + stale, page_notes)
