import os
import subprocess
import sys
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


def test_a_failing_write_leaves_no_half_page_and_the_next_run_recovers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    writer.write(tmp_path, {"a.md": "# Old A\n"})
    before = (tmp_path / "a.md").read_bytes()
    real_replace = os.replace

    def killed(src: str, dst: str) -> None:
        raise OSError("disk full")  # the build dies between writing and renaming

    monkeypatch.setattr(os, "replace", killed)
    with pytest.raises(OSError):
        writer.write(tmp_path, {"a.md": "# New A\n" + "x" * 100_000})
    monkeypatch.setattr(os, "replace", real_replace)
    assert (tmp_path / "a.md").read_bytes() == before  # the old page, whole
    assert not list(tmp_path.rglob("*.tmp"))
    rep = writer.write(tmp_path, {"a.md": "# New A\n"})
    assert rep.written == ["a.md"] and "# New A" in (tmp_path / "a.md").read_text()


def test_temporary_files_of_a_killed_build_are_removed_by_the_next(tmp_path: Path) -> None:
    (tmp_path / "explainers").mkdir()
    leftover = tmp_path / "explainers" / ".explainer-k1ll3d_x.tmp"
    leftover.write_text("---\ngenerated_by: explainer\n# half a pa")
    mine = tmp_path / "explainers" / "draft.tmp"  # not the generator's pattern: an editor's
    mine.write_text("keep")
    also_mine = tmp_path / "explainers" / ".explainer-my-own-notes.tmp"
    also_mine.write_text("keep")
    rep = writer.write(tmp_path, {"explainers/a.md": "# A\n"})
    assert rep.leftovers == ["explainers/.explainer-k1ll3d_x.tmp"]
    assert not leftover.exists() and mine.read_text() == "keep" and also_mine.read_text() == "keep"


def test_a_killed_generate_process_leaves_only_whole_pages(tmp_path: Path) -> None:
    """Kill a real process in the middle of writing many pages, then build again."""
    root = tmp_path / "content"
    script = (
        "import sys, time, os\n"
        "from pathlib import Path\n"
        "from generator import writer\n"
        "real = writer.atomic_write\n"
        "def slow(target, data):\n"
        "    real(target, data)\n"
        "    if target.name == 'p050.md':\n"
        "        print('ready', flush=True); time.sleep(60)\n"
        "writer.atomic_write = slow\n"
        "pages = {f'p{i:03}.md': f'# Page {i}\\n' + 'text ' * 2000 for i in range(100)}\n"
        f"writer.write(Path({str(root)!r}), pages)\n"
    )
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parent.parent))
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, env=env)
    assert proc.stdout is not None and proc.stdout.readline() == b"ready\n"
    proc.kill()
    proc.wait()
    # Whatever was written is whole; the rest is simply not there yet.
    for page in root.glob("*.md"):
        assert writer.verify_stamp(page.read_text()) is True
    pages = {f"p{i:03}.md": f"# Page {i}\n" + "text " * 2000 for i in range(100)}
    writer.write(root, pages)
    assert len(list(root.glob("*.md"))) == 100 and not list(root.rglob("*.tmp"))


def test_a_tampered_manifest_cannot_delete_outside_the_content_folder(tmp_path: Path) -> None:
    root = tmp_path / "content"
    writer.write(root, {"a.md": "# A\n"})
    victim = tmp_path / "victim.md"
    victim.write_text(writer.stamp("victim.md", "# Looks generated\n"))
    manifest = root / writer.MANIFEST
    manifest.write_text('{"files": {"../victim.md": "x", "/etc/hostname": "y", "a.md": "z"}}')
    writer.write(root, {})
    assert victim.exists()


def test_a_symlink_or_folder_at_a_generated_path_is_the_editors(tmp_path: Path) -> None:
    outside = tmp_path / "outside.md"
    outside.write_text("not yours")
    root = tmp_path / "content"
    root.mkdir()
    (root / "a.md").symlink_to(outside)
    (root / "b.md").mkdir()
    rep = writer.write(root, {"a.md": "# A\n", "b.md": "# B\n"})
    assert sorted(rep.shadowed) == ["a.md", "b.md"]
    assert outside.read_text() == "not yours" and (root / "a.md").is_symlink()
    (root / "sub").symlink_to(tmp_path)
    with pytest.raises(ExplainerError):
        writer.write(root, {"sub/evil.md": "# E\n"})
    assert not (tmp_path / "evil.md").exists()


def test_a_lost_manifest_costs_nothing_but_hand_written_files_stay_protected(tmp_path: Path) -> None:
    pages = {"a.md": "# A\n", "records/a.json": '{"a": 1}\n'}
    writer.write(tmp_path, pages)
    (tmp_path / writer.MANIFEST).unlink()
    (tmp_path / "records" / "b.json").write_text('{"mine": true}\n')
    rep = writer.write(tmp_path, {**pages, "records/b.json": '{"b": 2}\n'})
    assert sorted(rep.unchanged) == ["a.md", "records/a.json"] and rep.shadowed == ["records/b.json"]
    assert (tmp_path / "records" / "b.json").read_text() == '{"mine": true}\n'
    rep = writer.write(tmp_path, {"a.md": "# A\n"})  # the record's seed is gone: its file goes too
    assert rep.deleted == ["records/a.json"] and (tmp_path / "records" / "b.json").exists()


def test_force_never_touches_a_hand_written_page_at_a_path_the_generator_once_used(tmp_path: Path) -> None:
    root, backups = tmp_path / "content", tmp_path / "backups"
    writer.write(root, {"about.md": "# Generated about\n"})
    (root / "about.md").write_text("# About us\n\nWritten by the editors.\n")  # no stamp: theirs
    rep = writer.write(root, {"about.md": "# Generated about, new\n"}, force=True, backup_dir=backups)
    assert rep.shadowed == ["about.md"] and rep.written == [] and rep.backups == []
    assert (root / "about.md").read_text() == "# About us\n\nWritten by the editors.\n"


def test_force_leaves_an_edited_file_without_a_stamp_alone(tmp_path: Path) -> None:
    root = tmp_path / "content"
    writer.write(root, {"records/a.json": '{"a": 1}\n'})
    (root / "records" / "a.json").write_text('{"a": "corrected by hand"}\n')
    rep = writer.write(root, {"records/a.json": '{"a": 2}\n'}, force=True, backup_dir=tmp_path / "bk")
    assert rep.edited == ["records/a.json"] and rep.written == []
    assert (root / "records" / "a.json").read_text() == '{"a": "corrected by hand"}\n'


def test_every_forced_run_keeps_its_own_backups(tmp_path: Path) -> None:
    root, backups = tmp_path / "content", tmp_path / "backups"
    writer.write(root, {"p.md": "# P\n"})
    page = root / "p.md"
    for n, line in enumerate(["First edit.", "Second edit."]):
        page.write_text(page.read_text() + f"{line}\n")
        rep = writer.write(root, {"p.md": f"# P {n}\n"}, force=True, backup_dir=backups)
        assert rep.written == ["p.md"] and len(rep.backups) == 1
    kept = sorted(backups.rglob("p.md"))
    assert len(kept) == 2 and len({b.parent for b in kept}) == 2  # one folder per run
    texts = sorted(b.read_text() for b in kept)
    assert any("First edit." in t and "Second edit." not in t for t in texts)
    assert any("Second edit." in t for t in texts)


def test_an_edited_page_whose_subject_is_gone_is_moved_out_of_the_site_not_deleted(tmp_path: Path) -> None:
    root, orphans = tmp_path / "content", tmp_path / "orphans"
    writer.write(root, {"explainers/gone.md": "# Gone\n\nSee [a person](../people/x.md).\n"})
    page = root / "explainers" / "gone.md"
    page.write_text(page.read_text() + "An editor's paragraph.\n")
    rep = writer.write(root, {"index.md": "# Home\n"}, orphan_dir=orphans)
    # Out of content/ (its links point at pages that are gone: a strict build would fail) ...
    assert not page.exists() and not (root / "explainers").exists()
    assert [rel for rel, _ in rep.orphaned] == ["explainers/gone.md"] and rep.edited == []
    # ... and the editor's words are kept, where the report says.
    [(_, moved)] = rep.orphaned
    assert "An editor's paragraph." in Path(moved).read_text()
    assert Path(moved).is_relative_to(orphans) and Path(moved).name == "gone.md"
    again = writer.write(root, {"index.md": "# Home\n"}, orphan_dir=orphans)
    assert again.orphaned == [] and again.edited == [] and Path(moved).exists()
