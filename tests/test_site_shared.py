"""The real check: all 400 politics articles of ../shared plus the seed build one strict site
in which each of Boris Johnson, Tony Blair and Donald Trump has exactly one page that links
to every explainer mentioning them. Reads ../shared and skips where it is absent; nothing
from it is copied into the repository (the articles go to a temporary project)."""

from __future__ import annotations

import json
import re
import shutil
import time
from pathlib import Path

import pytest

from generator.cli import main
from generator.corpus import name_key

from .conftest import ROOT, SHARED

POLITICS = SHARED / "corpus" / "politics"
PEOPLE = ["Boris Johnson", "Tony Blair", "Donald Trump"]


@pytest.mark.slow
@pytest.mark.shared
@pytest.mark.skipif(not POLITICS.is_dir(), reason="../shared/corpus/politics is not here")
def test_the_politics_corpus_builds_with_one_page_per_person(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for p in sorted(POLITICS.glob("*.txt")):
        shutil.copy(p, project / "seeds" / p.name)
    shutil.copy(ROOT / "seeds" / "000_6ed2d288da95c682.txt", project / "seeds")
    monkeypatch.chdir(project)
    start = time.monotonic()
    assert main(["build", "--quiet", "--jobs", "2"]) == 0  # mkdocs build --strict
    print(f"built {len(list((project / 'site').rglob('*.html')))} pages in {time.monotonic() - start:.0f} s")

    records = [json.loads(p.read_text()) for p in sorted((project / "content" / "records").glob("*.json"))]
    assert len(records) == 401
    site = project / "site"
    for name in PEOPLE:
        heading = re.compile(rf"<h1[^>]*>{re.escape(name)}<")
        pages = [
            p for p in (site / "people").glob("*/index.html") if heading.search(p.read_text(encoding="utf-8"))
        ]
        assert len(pages) == 1, (name, pages)
        html = pages[0].read_text(encoding="utf-8")
        mentioning = {
            r["slug"]
            for r in records
            for person in r["people"]
            if name_key(name) in {name_key(person["name"]), *(name_key(a) for a in person.get("aliases", []))}
        }
        assert mentioning, name
        slugs = {p.stem for p in (project / "content" / "explainers").glob("*.md")}
        for slug in mentioning:
            assert slug in slugs
            assert f'href="../../explainers/{slug}/"' in html, (name, slug)
