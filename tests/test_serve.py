"""`explainer serve` as an editor uses it: save a seed, see the page change, once.

Starts the real server on a free loopback port with a two-article project,
edits one seed and polls the served page (bounded waits; the server is stopped
whatever happens).
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from generator import serve

from .conftest import make_project

SEED = """---
title: Harbour council delays the ferry vote
published: 2026-03-02
slug: harbour-ferry-vote
---
The harbour council postponed its vote on the new ferry route on Monday.

"We need more time to read the traffic study," said Mara Lindqvist, the council's chair.

Residents of the north shore have opposed the route since the plan was first shown in January.

The council will meet again on March 16 to decide.
"""

OTHER = """---
title: Library opens on Sundays
published: 2026-03-01
slug: library-sundays
---
The city library will open on Sundays from April, its director Jonas Berg said on Friday.

"Families asked for it more than anything else," Berg said.
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as resp:
            return str(resp.read().decode("utf-8"))
    except (urllib.error.URLError, OSError):
        return None


def _poll(url: str, wanted: str, seconds: float, proc: subprocess.Popen[bytes]) -> float | None:
    """Seconds until the page at url contains `wanted`, or None after `seconds` (or if
    the server has stopped)."""
    t0 = time.monotonic()
    while time.monotonic() - t0 < seconds and proc.poll() is None:
        body = _get(url)
        if body is not None and wanted in body:
            return time.monotonic() - t0
        time.sleep(0.1)
    return None


def test_a_saved_seed_reaches_the_served_page_with_one_rebuild(tmp_path: Path) -> None:
    root = make_project(tmp_path)
    seed = root / "seeds" / "ferry.md"
    seed.write_text(SEED, encoding="utf-8")
    (root / "seeds" / "library.md").write_text(OTHER, encoding="utf-8")
    port = _free_port()
    log = tmp_path / "serve.log"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    cmd = [sys.executable, "-m", "generator", "serve", "--quiet", "--project", str(root)]
    with open(log, "wb") as out:
        proc = subprocess.Popen(
            [*cmd, "--dev-addr", f"127.0.0.1:{port}"], stdout=out, stderr=subprocess.STDOUT, env=env
        )
    page = f"http://127.0.0.1:{port}/explainers/harbour-ferry-vote/"
    try:
        assert _poll(page, "traffic study", 180, proc) is not None, log.read_text()
        time.sleep(1.5)  # let the watcher settle: the first build's writes must not count
        builds_before = log.read_text().count("Building documentation")

        t0 = time.monotonic()
        seed.write_text(SEED.replace("traffic study", "parking survey"), encoding="utf-8")
        waited = _poll(page, "parking survey", 60, proc)
        print(f"save -> served page: {waited:.2f} s" if waited is not None else "")
        assert waited is not None, log.read_text()
        assert time.monotonic() - t0 < 30

        time.sleep(3)  # a second rebuild, if the generator's writes set one off, starts by now
        text = log.read_text()
        assert text.count("Building documentation") == builds_before + 1, text
        assert "traffic study" not in (_get(page) or "")
        # The other article is still served after the dirty rebuild.
        assert "Families asked" in (_get(f"http://127.0.0.1:{port}/explainers/library-sundays/") or "")
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)


def test_stopping_explainer_serve_stops_its_server(tmp_path: Path) -> None:
    # A SIGTERM reaches `explainer` alone (not its process group): the MkDocs server it
    # started must end with it, not go on serving and holding the build lock.
    root = make_project(tmp_path)
    (root / "seeds" / "library.md").write_text(OTHER, encoding="utf-8")
    port = _free_port()
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    cmd = [sys.executable, "-m", "generator", "serve", "--quiet", "--project", str(root)]
    proc = subprocess.Popen(
        [*cmd, "--dev-addr", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
    )
    page = f"http://127.0.0.1:{port}/explainers/library-sundays/"
    try:
        assert _poll(page, "Families asked", 180, proc) is not None
        proc.terminate()
        proc.wait(timeout=30)
        deadline = time.monotonic() + 20
        while _get(page) is not None and time.monotonic() < deadline:
            time.sleep(0.2)
        assert _get(page) is None, "the MkDocs server outlived explainer serve"
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(timeout=10)


def test_a_file_as_the_generator_left_it_is_its_own_write(tmp_path: Path) -> None:
    page = tmp_path / "a.md"
    page.write_text("generated\n", encoding="utf-8")
    serve.note_written(tmp_path, ["a.md", "gone.md"])
    assert serve.is_own_write(str(page))
    assert serve.is_own_write(str(tmp_path / "gone.md"))  # removed by it, still absent
    page.write_text("an editor's change\n", encoding="utf-8")
    assert not serve.is_own_write(str(page))
    assert not serve.is_own_write(str(tmp_path / "other.md"))
    assert serve.is_own_write(str(tmp_path / ".explainer-abcdefgh.tmp"))


def test_changes_seen_during_a_generation_are_judged_when_it_ends(tmp_path: Path) -> None:
    woken: list[int] = []
    serve._wake[:] = [lambda: woken.append(1)]
    try:
        mine, theirs = tmp_path / "mine.md", tmp_path / "theirs.md"
        serve.begin()
        mine.write_text("x", encoding="utf-8")
        assert serve._held([str(mine)])
        serve.note_written(tmp_path, ["mine.md"])
        serve.end()
        assert woken == []
        serve.begin()
        theirs.write_text("y", encoding="utf-8")
        assert serve._held([str(theirs)])
        serve.end()
        assert woken == [1]
    finally:
        serve._wake[:] = []
