"""The benchmark's own plumbing (the measurements themselves run in `make bench`, not here)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from generator import bench


def test_without_the_shared_corpus_the_bench_is_skipped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(bench, "CORPUS", tmp_path / "absent")
    assert bench.main(["--only", "extract"]) == 0
    assert "skipped" in capsys.readouterr().out


def test_an_unknown_part_is_a_usage_error() -> None:
    with pytest.raises(SystemExit) as e:
        bench.main(["--only", "everything"])
    assert e.value.code == 2


def test_a_command_is_timed_with_its_memory_and_cpu(tmp_path: Path) -> None:
    r = bench.run_cmd([sys.executable, "-c", "import sys; print('done', file=sys.stderr)"], cwd=tmp_path)
    assert r.seconds > 0 and r.peak_rss_mb > 0 and r.peak_tree_mb >= r.peak_rss_mb
    assert "done" in r.stderr


def test_the_process_tree_memory_includes_this_process() -> None:
    assert bench._tree_rss_kb(os.getpid()) > 0


def test_a_bench_projects_seeds_are_read_not_refused(tmp_path: Path) -> None:
    # A symbolic link out of seeds/ is refused by the reader, which once made the
    # benchmark time an empty run; the bench project holds the files themselves.
    from generator import pipeline

    seed = tmp_path / "story.txt"
    seed.write_text("Title\n\nBody of the story, long enough to read.\n")
    project = bench.make_project(tmp_path / "p", [seed])
    assert not (project / "seeds" / "story.txt").is_symlink()
    sources, rejected = pipeline.read_seeds([project / "seeds" / "story.txt"], project)
    assert rejected == [] and len(sources) == 1
    assert (project / "mkdocs.yml").is_file()


def test_a_run_that_rejected_seeds_stops_the_benchmark() -> None:
    run = bench.Run(1.0, 1.0, 1.0, 1.0, "explainer: rejected seeds/a.txt: too large\n")
    with pytest.raises(SystemExit, match="1 of 3 seeds rejected"):
        bench.check_complete(run, 3)
    bench.check_complete(bench.Run(1.0, 1.0, 1.0, 1.0, "done\n"), 3)
