"""A bug met while extracting one article rejects that article with a one-line reason;
the other seeds are still built (issue 18)."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator import pipeline
from generator.extract import sections


def _seeds(tmp_path: Path) -> Path:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "fine.txt").write_text(
        "A fine story\n\nThe council met on Monday to discuss roads.\n", encoding="utf-8"
    )
    (seeds / "trips.txt").write_text(
        "A story that trips\n\nThe mayor spoke about the budget.\n", encoding="utf-8"
    )
    return seeds


@pytest.mark.parametrize("n_process", [1, 2])
def test_a_seed_whose_extraction_raises_is_rejected_and_the_others_are_built(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, n_process: int
) -> None:
    real = sections.find_all

    def tripping(article, *args, **kwargs):  # type: ignore[no-untyped-def]
        if any("mayor" in b.text for b in article.document.blocks):
            raise RuntimeError("an unforeseen construction")
        return real(article, *args, **kwargs)

    monkeypatch.setattr(sections, "find_all", tripping)
    monkeypatch.setattr(pipeline, "MIN_PARALLEL", 1)
    ex = pipeline.run(_seeds(tmp_path), tmp_path, None, n_process=n_process)
    assert [r.stem for r in ex.records] == ["fine"]
    assert len(ex.rejected) == 1
    rejected = ex.rejected[0]
    assert rejected.path.endswith("trips.txt")
    assert "RuntimeError: an unforeseen construction" in rejected.reason
    assert "\n" not in rejected.reason
