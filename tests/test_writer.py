from pathlib import Path

import pytest

from generator import writer
from generator.errors import ExplainerError


def test_only_changed_files_are_written(tmp_path: Path) -> None:
    first = writer.write(tmp_path, {"a.md": "# A\n", "b.json": "{}\n"})
    assert sorted(first.written) == ["a.md", "b.json"]
    again = writer.write(tmp_path, {"a.md": "# A\n", "b.json": "{}\n"})
    assert again.written == [] and sorted(again.unchanged) == ["a.md", "b.json"]


def test_a_hand_written_page_at_a_generated_path_wins(tmp_path: Path) -> None:
    (tmp_path / "index.md").write_text("# My own home page\n")
    rep = writer.write(tmp_path, {"index.md": "# Generated\n"})
    assert rep.shadowed == ["index.md"]
    assert (tmp_path / "index.md").read_text() == "# My own home page\n"


def test_an_edited_generated_page_is_left_alone_unless_forced(tmp_path: Path) -> None:
    writer.write(tmp_path, {"p.md": "# P\n"})
    page = tmp_path / "p.md"
    page.write_text(page.read_text() + "An editor's line.\n")
    rep = writer.write(tmp_path, {"p.md": "# P changed\n"})
    assert rep.edited == ["p.md"]
    assert "An editor's line." in page.read_text()
    forced = writer.write(tmp_path, {"p.md": "# P changed\n"}, force=True, backup_dir=tmp_path.parent / "bk")
    assert forced.written == ["p.md"] and len(forced.backups) == 1
    assert "An editor's line." in Path(forced.backups[0]).read_text()


def test_stale_generated_files_are_removed_but_edited_ones_kept(tmp_path: Path) -> None:
    writer.write(tmp_path, {"old.md": "# Old\n", "kept.md": "# Kept\n", "x/y.md": "# Y\n"})
    (tmp_path / "kept.md").write_text("# Kept, edited by hand\n")
    rep = writer.write(tmp_path, {})
    assert sorted(rep.deleted) == ["old.md", "x/y.md"]
    assert not (tmp_path / "x").exists()
    assert (tmp_path / "kept.md").exists() and rep.edited == ["kept.md"]


def test_editors_files_anywhere_are_never_touched(tmp_path: Path) -> None:
    (tmp_path / "notes").mkdir()
    mine = tmp_path / "notes" / "mine.md"
    mine.write_text("# Mine\n")
    writer.write(tmp_path, {"a.md": "# A\n"})
    writer.write(tmp_path, {})
    assert mine.read_text() == "# Mine\n"


@pytest.mark.parametrize("bad", ["../escape.md", "/etc/passwd", "a/../../b.md", ".hidden.md"])
def test_paths_outside_the_content_folder_are_refused(tmp_path: Path, bad: str) -> None:
    with pytest.raises(ExplainerError):
        writer.write(tmp_path / "content", {bad: "x"})
    assert not (tmp_path / "escape.md").exists()
