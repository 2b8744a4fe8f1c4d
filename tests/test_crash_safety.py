"""A build killed at any moment is put right by the next one, byte for byte.

Each test kills the writer after its N-th file operation (an atomic write, a
removal or a move), for every N the run makes, then builds normally and
compares every file in content/ with what an uninterrupted build leaves.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from generator import writer
from generator.cli import main

from .conftest import ROOT

OLD = {
    "index.md": "# Home\n\n- [Talks](explainers/talks.md)\n- [Strike](explainers/strike.md)\n",
    "explainers/talks.md": "# Talks\n\nThe talks resume.\n",
    "explainers/strike.md": "# Strike\n\nThe strike goes on.\n",
    "records/talks.json": '{"title": "Talks"}\n',
    "records/strike.json": '{"title": "Strike"}\n',
    "feeds/explainers.xml": "<feed><entry>talks</entry><entry>strike</entry></feed>\n",
}
# The strike seed was deleted, the talks seed changed and a new seed added.
NEW = {
    "index.md": "# Home\n\n- [Talks](explainers/talks.md)\n- [Budget](explainers/budget.md)\n",
    "explainers/talks.md": "# Talks\n\nThe talks resume on Monday.\n",
    "explainers/budget.md": "# Budget\n\nThe budget passed.\n",
    "records/talks.json": '{"title": "Talks", "changed": true}\n',
    "records/budget.json": '{"title": "Budget"}\n',
    "feeds/explainers.xml": "<feed><entry>talks</entry><entry>budget</entry></feed>\n",
}
# A later build in which the budget seed is gone again.
LATER = {k: v for k, v in NEW.items() if "budget" not in k}


class Killed(Exception):
    """Stands for the process dying: nothing after it runs."""


def snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@contextmanager
def killed_after(mp: pytest.MonkeyPatch, n: int) -> Iterator[list[int]]:
    """Every file operation of the writer counts; the (n+1)-th dies before it happens."""
    done = [0]
    for name in ("atomic_write", "remove_file", "move_file"):
        real: Callable[..., None] | None = getattr(writer, name, None)
        if real is None:
            continue

        def dying(*args: object, _real: Callable[..., None] = real) -> None:
            if done[0] >= n:
                raise Killed
            _real(*args)
            done[0] += 1

        mp.setattr(writer, name, dying)
    try:
        yield done
    finally:
        mp.undo()


def operations(old: dict[str, str], new: dict[str, str], tmp: Path) -> int:
    """How many file operations an uninterrupted old -> new build makes."""
    root = tmp / "count"
    writer.write(root, old)
    with pytest.MonkeyPatch.context() as mp, killed_after(mp, 10**6) as done:
        writer.write(root, new)
    return done[0]


def clean_build(old: dict[str, str], *then: dict[str, str], tmp: Path) -> dict[str, bytes]:
    root = tmp / "clean"
    writer.write(root, old)
    for pages in then:
        writer.write(root, pages)
    return snapshot(root)


def test_a_kill_at_any_write_is_recovered_by_the_next_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = clean_build(OLD, NEW, tmp=tmp_path)
    total = operations(OLD, NEW, tmp_path)
    assert total >= len(NEW)  # the kill points cover every page written and removed
    for n in range(total):
        root = tmp_path / f"run{n}"
        writer.write(root, OLD)
        with killed_after(monkeypatch, n), pytest.raises(Killed):
            writer.write(root, NEW)
        rep = writer.write(root, NEW)
        assert rep.edited == [] and rep.shadowed == [], f"killed after {n} operations"
        assert snapshot(root) == expected, f"killed after {n} operations"


def test_pages_of_a_seed_deleted_after_a_killed_build_do_not_stay_published(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = clean_build(OLD, NEW, LATER, tmp=tmp_path)
    for n in range(operations(OLD, NEW, tmp_path)):
        root = tmp_path / f"run{n}"
        writer.write(root, OLD)
        with killed_after(monkeypatch, n), pytest.raises(Killed):
            writer.write(root, NEW)
        rep = writer.write(root, LATER)
        assert rep.edited == [] and rep.shadowed == [], f"killed after {n} operations"
        assert snapshot(root) == expected, f"killed after {n} operations"
        assert not (root / "explainers" / "budget.md").exists()


def test_two_kills_in_a_row_are_recovered_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The second build dies as well, after leaving some of the first one's pages unchanged:
    # the next build must still know them as its own.
    expected = clean_build(OLD, NEW, LATER, tmp=tmp_path)
    total = operations(OLD, NEW, tmp_path)
    for n in range(total):
        for m in range(2):
            root = tmp_path / f"run{n}-{m}"
            writer.write(root, OLD)
            with killed_after(monkeypatch, n), pytest.raises(Killed):
                writer.write(root, NEW)
            with killed_after(monkeypatch, m), pytest.raises(Killed):
                writer.write(root, LATER)
            rep = writer.write(root, LATER)
            assert rep.edited == [] and rep.shadowed == [], f"killed after {n}, then {m}"
            assert snapshot(root) == expected, f"killed after {n}, then {m}"


# ---------------------------------------------------------------- whole builds

STORY = "Talks resume\n\nThe minister Anna Keller said on Monday that talks would resume in Geneva.\n"
STRIKE = "Strike goes on\n\nThe union leader Tom Hale said the strike would go on until Friday.\n"


def generate(project: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> tuple[int, str]:
    code = main(["generate", "--quiet", "--project", str(project), *extra])
    return code, capsys.readouterr().err


def test_a_build_killed_at_any_write_is_put_right_by_the_next(
    tmp_path: Path, project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The whole command: a seed deleted and one changed, the build killed after each write in turn."""
    seeds = project / "seeds"
    (seeds / "talks.txt").write_text(STORY, encoding="utf-8")
    (seeds / "strike.txt").write_text(STRIKE, encoding="utf-8")
    assert generate(project, capsys)[0] == 0
    start = tmp_path / "start"
    shutil.copytree(project, start, symlinks=True)  # records cached: later runs need no spaCy

    def change(p: Path) -> None:
        (p / "seeds" / "strike.txt").unlink()
        (p / "seeds" / "talks.txt").write_text(STORY + "\nThe talks ended on Friday.\n", encoding="utf-8")

    change(project)
    assert generate(project, capsys)[0] == 0
    expected = snapshot(project / "content")
    assert not [p for p in expected if "strike" in p]
    n = 0
    while True:
        run = tmp_path / f"run{n}"
        shutil.copytree(start, run, symlinks=True)
        change(run)
        with killed_after(monkeypatch, n) as done:
            try:
                generate(run, capsys)
                finished = True
            except Killed:
                finished = False
        code, err = generate(run, capsys)
        assert code == 0 and "edited" not in err and "hand-written" not in err, f"killed after {n}"
        assert snapshot(run / "content") == expected, f"killed after {n}"
        shutil.rmtree(run)
        if finished:
            break
        n += 1
    assert n > 5 and done[0] == n  # every write of the run was a kill point once


def test_a_second_build_stops_at_once_and_names_the_running_one(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    holder = (
        "import sys, time\n"
        "from pathlib import Path\n"
        "from generator import buildlock\n"
        "from generator.project import Project\n"
        "with buildlock.hold(Project(Path(sys.argv[1]))):\n"
        "    print('holding', flush=True); time.sleep(60)\n"
    )
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.Popen([sys.executable, "-c", holder, str(project)], stdout=subprocess.PIPE, env=env)
    try:
        assert proc.stdout is not None and proc.stdout.readline() == b"holding\n"
        for command in ("generate", "build"):
            code = main([command, "--quiet", "--project", str(project)])
            err = capsys.readouterr().err
            assert code == 1 and f"another build is running (pid {proc.pid})" in err, command
        assert not (project / "content" / "index.md").exists() and not (project / "site").exists()
    finally:
        proc.kill()
        proc.wait()
    # The lock died with its process: no stale lock file to remove by hand.
    code, err = generate(project, capsys)
    assert code == 0 and "another build" not in err
    assert (project / "content" / "index.md").is_file()


@pytest.mark.slow
def test_an_edited_page_of_a_deleted_seed_is_kept_aside_and_the_strict_build_passes(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seeds = project / "seeds"
    (seeds / "talks.txt").write_text(STORY, encoding="utf-8")
    (seeds / "strike.txt").write_text(STRIKE, encoding="utf-8")
    assert generate(project, capsys)[0] == 0
    [page] = [p for p in (project / "content" / "explainers").glob("*.md") if "strike" in p.name]
    page.write_text(page.read_text(encoding="utf-8") + "\nAn editor's paragraph.\n", encoding="utf-8")
    (seeds / "strike.txt").unlink()
    code = main(["build", "--quiet", "--project", str(project)])
    err = capsys.readouterr().err
    assert code == 0, err
    assert not page.exists() and "no seed gives it a subject" in err
    [kept] = (project / ".cache" / "orphans").rglob(page.name)
    assert "An editor's paragraph." in kept.read_text(encoding="utf-8")
    assert kept.relative_to(project / ".cache" / "orphans").parts[1:] == ("explainers", page.name)
