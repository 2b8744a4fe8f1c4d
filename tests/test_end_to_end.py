"""The whole path: a seed in seeds/ becomes a page of a strict MkDocs build."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from generator.cli import main

from .conftest import ROOT

SEED = ROOT / "seeds" / "000_6ed2d288da95c682.txt"


@pytest.mark.slow
def test_build_turns_the_seed_into_a_strict_site(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copy(SEED, project / "seeds" / SEED.name)
    monkeypatch.chdir(project)
    assert main(["build", "--quiet", "--no-cache"]) == 0
    pages = list((project / "site" / "explainers").glob("*/index.html"))
    assert len(pages) == 1
    html = pages[0].read_text(encoding="utf-8")
    for section in [
        "What happened",
        "Key quotes",
        "Who",
        "Background",
        "Sticking points",
        "What",
        "Open questions",
        "Source text",
    ]:
        assert section in html
    assert "I will always be friends with Modi" in html
    # Page clutter never reaches the site.
    site_text = " ".join(p.read_text(encoding="utf-8") for p in (project / "site").rglob("*.html"))
    assert "Shigeru Ishiba" not in site_text and "Read More" not in site_text


def test_extract_writes_one_record_per_seed_named_by_stem(tmp_path: Path) -> None:
    seeds = tmp_path / "in"
    seeds.mkdir()
    (seeds / "one.txt").write_text("Talks Resume\n\nThe talks resumed on Monday, officials said.\n")
    (seeds / "empty.txt").write_text("   \n")
    out = tmp_path / "out"
    assert main(["extract", str(seeds), "--out", str(out), "--quiet"]) == 1  # one seed rejected
    rec = json.loads((out / "one.json").read_text())
    for field in [
        "title",
        "body",
        "published",
        "people",
        "organizations",
        "places",
        "quotes",
        "background",
        "sticking_points",
        "next",
        "questions",
        "dates",
    ]:
        assert field in rec
    assert rec["title"] == "Talks Resume"
    assert not (out / "empty.json").exists()


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["no-such-command"]) == 2
    assert main(["extract"]) == 2


def test_generate_twice_writes_nothing_the_second_time(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copy(SEED, project / "seeds" / SEED.name)
    monkeypatch.chdir(project)
    assert main(["generate", "--quiet"]) == 0
    first = {p: p.read_bytes() for p in (project / "content").rglob("*") if p.is_file()}
    capsys.readouterr()
    assert main(["generate", "--quiet"]) == 0
    assert "0 pages written" in capsys.readouterr().err
    assert {p: p.read_bytes() for p in (project / "content").rglob("*") if p.is_file()} == first
