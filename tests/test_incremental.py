"""Incremental rendering: reusing unchanged pages gives exactly the clean build's pages."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

from generator import commands, incremental
from generator.model import Record
from generator.progress import Progress
from generator.project import Project
from generator.render import render_site

from .conftest import make_project
from .records import entity, event, item, person, quote, record


def _site() -> list[Record]:
    return [
        record(
            "ferry-vote",
            "2026-03-02",
            people=(person("Mara Lindqvist", "council chair"),),
            organizations=(entity("Harbour Council"),),
            quotes=(quote("We need more time", "Mara Lindqvist"),),
            next=(event("council meeting", "2026-03-16"),),
            sticking_points=(item("The route crosses the north shore", parties=("Harbour Council",)),),
        ),
        record(
            "ferry-tickets",
            "2026-03-05",
            people=(person("Mara Lindqvist"), person("Olle Strand", "ferry operator")),
            organizations=(entity("Harbour Council"),),
            quotes=(quote("Prices will not rise", "Olle Strand"),),
            next=(event("council meeting", "2026-03-16"),),
        ),
        record(
            "library-sundays",
            "2026-03-01",
            people=(person("Jonas Berg", "library director"),),
            quotes=(quote("Families asked for it", "Jonas Berg"),),
        ),
    ]


def _steps(base: list[Record]) -> list[list[Record]]:
    """Edits, additions and removals, one after the other."""
    a, b, c = base
    s1 = [a, b, replace(c, quotes=(quote("Families asked for it most", "Jonas Berg"),))]  # edited quote
    s2 = [*s1, record("museum-roof", "2026-03-07", people=(person("Jonas Berg"),))]  # added, shares a person
    s3 = [replace(a, title="Council delays the ferry vote"), *s2[1:]]  # a title others cite
    s4 = [s3[0], *s3[2:]]  # a seed removed
    s5 = [replace(s4[0], next=(event("council meeting", "2026-03-16", status="postponed"),)), *s4[1:]]
    s6 = [*s5, record("new-voice", "2026-03-09", people=(person("Ada Moreau", "resident"),))]  # new person
    return [s1, s2, s3, s4, s5, s6]


def test_pages_rendered_with_reuse_equal_a_clean_render_after_each_change() -> None:
    cache = incremental.PageCache(epoch="test")
    clean = render_site(_site())
    assert "stories/ferry-vote.md" in clean  # the two ferry articles are one story: its page is checked too
    assert render_site(_site(), reuse=cache) == clean
    for records in _steps(_site()):
        assert render_site(records, reuse=cache) == render_site(records)


def test_a_changed_article_re_renders_only_the_pages_that_cite_it() -> None:
    cache = incremental.PageCache(epoch="test")
    base = _site()
    render_site(base, reuse=cache)
    total = cache.misses
    cache.hits = cache.misses = 0
    edited = [*base[:2], replace(base[2], quotes=(quote("Families asked for it most", "Jonas Berg"),))]
    render_site(edited, reuse=cache)
    # The library article's explainer, record and its person's page; nothing of the ferry stories.
    assert cache.misses == 3
    assert cache.hits == total - 3


def test_the_cache_file_survives_a_restart_and_is_dropped_for_other_code(tmp_path: Path) -> None:
    path = tmp_path / "pages.json"
    cache = incremental.PageCache(epoch="code-1")
    render_site(_site(), reuse=cache)
    incremental.save(cache, path)
    again = incremental.load(path, "code-1")
    assert render_site(_site(), reuse=again) == render_site(_site())
    assert again.misses == 0 and again.hits > 0
    assert incremental.load(path, "code-2").rendered == {}
    path.write_text("{not json", encoding="utf-8")
    assert incremental.load(path, "code-1").rendered == {}


SEEDS = {
    "ferry.md": """---
title: Harbour council delays the ferry vote
published: 2026-03-02
---
The harbour council postponed its vote on the new ferry route on Monday.

"We need more time to read the traffic study," said Mara Lindqvist, the council's chair.

The council will meet again on March 16 to decide.
""",
    "tickets.md": """---
title: Ferry operator promises stable prices
published: 2026-03-05
---
Olle Strand, who runs the ferry company, spoke to reporters on Thursday.

"Prices will not rise this year," Strand said. Mara Lindqvist welcomed the promise.
""",
    "library.md": """---
title: Library opens on Sundays
published: 2026-03-01
---
The city library will open on Sundays from April, its director Jonas Berg said on Friday.

"Families asked for it more than anything else," Berg said.
""",
}


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def _generate(root: Path) -> None:
    assert commands.generate(Project(root), 1, Progress(enabled=False)) == 0


def test_generate_after_edits_additions_and_removals_equals_a_clean_build(tmp_path: Path) -> None:
    (tmp_path / "work").mkdir()
    work = make_project(tmp_path / "work")
    for name, text in SEEDS.items():
        (work / "seeds" / name).write_text(text, encoding="utf-8")
    _generate(work)
    edits = [
        ("library.md", SEEDS["library.md"].replace("more than anything else", "above all")),
        ("museum.md", SEEDS["library.md"].replace("Library opens on Sundays", "Museum roof repaired")),
        ("ferry.md", SEEDS["ferry.md"].replace("Harbour council delays", "Council delays")),
        ("tickets.md", None),
    ]
    for name, text in edits:
        if text is None:
            (work / "seeds" / name).unlink()
        else:
            (work / "seeds" / name).write_text(text, encoding="utf-8")
        _generate(work)
        clean = tmp_path / f"clean-{name}"
        clean.mkdir()
        make_project(clean)
        shutil.rmtree(clean / "seeds")
        shutil.copytree(work / "seeds", clean / "seeds")
        _generate(clean)
        assert _tree(work / "content") == _tree(clean / "content")
