"""A typo in a correction never takes a story out of the preview, and never gets published."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator import cli, commands, lastgood
from generator.progress import Progress
from generator.project import Project

SEED = """---
title: Harbour council delays the ferry vote
published: 2026-03-02
slug: harbour-ferry-vote
---
The harbour council postponed its vote on the new ferry route on Monday.

"We need more time to read the traffic study," said Mara Lindqvist, the council's chair.

"The route crosses the north shore," a resident said.
"""

GOOD_SIDECAR = """quotes:
  - match: "route crosses the north shore"
    speaker: Per Holm
"""

BROKEN_SIDECAR = """quotes:
  - match: "route crosses the north shore
    speaker: Per Holm
"""


def _generate(root: Path, preview: bool) -> int:
    return commands.generate(Project(root), 1, Progress(enabled=False), preview=preview)


@pytest.fixture
def root(project: Path) -> Path:
    (project / "seeds" / "ferry.md").write_text(SEED, encoding="utf-8")
    (project / "seeds" / "ferry.yml").write_text(GOOD_SIDECAR, encoding="utf-8")
    assert _generate(project, preview=True) == 0
    return project


def test_a_broken_sidecar_keeps_the_last_good_story_in_the_preview_with_the_error(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = root / "content" / "explainers" / "harbour-ferry-vote.md"
    person = root / "content" / "people" / "per-holm.md"
    assert "Per Holm" in page.read_text(encoding="utf-8") and person.is_file()
    (root / "seeds" / "ferry.yml").write_text(BROKEN_SIDECAR, encoding="utf-8")
    capsys.readouterr()

    assert _generate(root, preview=True) == 1  # still an error: the editor is told
    text = page.read_text(encoding="utf-8")
    assert "Not updated: this page shows the last good version" in text
    assert "ferry.yml" in text  # the error names the file
    assert "Per Holm" in text and "traffic study" in text
    assert person.is_file()  # the pages the story links to stay too
    err = capsys.readouterr().err
    assert "rejected" in err and "last good version of explainers/harbour-ferry-vote.md" in err

    (root / "seeds" / "ferry.yml").write_text(GOOD_SIDECAR, encoding="utf-8")
    assert _generate(root, preview=True) == 0
    assert "Not updated" not in page.read_text(encoding="utf-8")


def test_outside_the_preview_a_broken_sidecar_fails_and_keeps_nothing_stale(root: Path) -> None:
    (root / "seeds" / "ferry.yml").write_text(BROKEN_SIDECAR, encoding="utf-8")
    assert _generate(root, preview=False) == 1
    assert not (root / "content" / "explainers" / "harbour-ferry-vote.md").exists()
    assert cli.main(["build", "--quiet", "--project", str(root)]) == 1
    assert not any("Not updated" in p.read_text(encoding="utf-8") for p in (root / "content").rglob("*.md"))


def test_a_stand_in_is_never_taken_for_a_seed_whose_slug_is_now_someone_elses(root: Path) -> None:
    from .records import record

    cache = Project(root).cache
    other = record("harbour-ferry-vote", "2026-03-03")  # another seed took the slug meanwhile
    assert lastgood.stand_ins(cache, [("seeds/ferry.md", "broken")], [other]) == []
    assert [r.slug for r, _ in lastgood.stand_ins(cache, [("seeds/ferry.md", "broken")], [])] == [
        "harbour-ferry-vote"
    ]


def test_the_last_good_records_are_written_only_when_they_change(tmp_path: Path) -> None:
    from dataclasses import replace

    from .records import record

    a, b = record("a-story", "2026-03-01"), record("b-story", "2026-03-02")
    lastgood.remember(tmp_path, [a, b])
    kept = tmp_path / lastgood.FOLDER / "a-story.json"
    before = kept.stat().st_mtime_ns
    (tmp_path / lastgood.FOLDER / "b-story.json").unlink()  # lost: written again
    lastgood.remember(tmp_path, [a, b])
    assert kept.stat().st_mtime_ns == before
    assert (tmp_path / lastgood.FOLDER / "b-story.json").is_file()
    lastgood.remember(tmp_path, [replace(a, title="A story, corrected"), b])
    assert "A story, corrected" in kept.read_text(encoding="utf-8")
