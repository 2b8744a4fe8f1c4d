from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A fresh explainer project: the repository's mkdocs.yml and theme, an empty seeds/."""
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copytree(ROOT / "theme", tmp_path / "theme")
    (tmp_path / "generator").mkdir()
    shutil.copy(ROOT / "generator" / "mkdocs_hook.py", tmp_path / "generator" / "mkdocs_hook.py")
    (tmp_path / "seeds").mkdir()
    (tmp_path / "content").mkdir()
    return tmp_path


def analyse_text(text: str, stem: str = "example"):  # type: ignore[no-untyped-def]
    """Run the whole extraction on an article given as text."""
    from generator import clean, extract, ingest, pipeline

    src = ingest.parse(text.encode("utf-8"), f"{stem}.txt", stem)
    doc = clean.clean(src)
    docs = next(pipeline.analyse([doc]))
    return extract.extract(src, doc, docs)
