from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def make_project(root: Path) -> Path:
    """A fresh explainer project in `root`: the repository's mkdocs.yml and theme, empty seeds/."""
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(ROOT / "theme", root / "theme")
    (root / "generator").mkdir()
    shutil.copy(ROOT / "generator" / "mkdocs_hook.py", root / "generator" / "mkdocs_hook.py")
    (root / "seeds").mkdir()
    (root / "content").mkdir()
    return root


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return make_project(tmp_path)


def analyse_text(text: str, stem: str = "example"):  # type: ignore[no-untyped-def]
    """Run the whole extraction on an article given as text."""
    from generator import clean, extract, ingest, pipeline

    src = ingest.parse(text.encode("utf-8"), f"{stem}.txt", stem)
    doc = clean.clean(src)
    docs = next(pipeline.analyse([doc]))
    return extract.extract(src, doc, docs)
