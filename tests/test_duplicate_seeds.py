"""The same article saved twice is named as such, not silently published twice (issue 17)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from generator import review
from generator.cli import main

from .records import record

BODY = (
    "The harbour board met on Tuesday to decide the future of the old ferry pier. "
    "Members said repairs would cost more than a new pier, and a vote is due next month. "
    "Residents asked the board to keep the pier open until the vote."
)


def test_records_with_the_same_text_are_found_whatever_the_spacing_and_case() -> None:
    a = replace(record("a"), body=BODY)
    b = replace(record("b"), body=BODY.upper().replace(" ", "  "))
    other = replace(record("c"), body=BODY + " A new paragraph makes it another article.")
    assert review.duplicate_articles((a, b, other)) == [("a", "b")]


def test_short_bodies_alike_are_no_evidence_of_a_duplicate() -> None:
    a, b = replace(record("a"), body="Short."), replace(record("b"), body="Short.")
    assert review.duplicate_articles((a, b)) == []


def test_generate_warns_with_both_file_names(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "seeds").mkdir()
    (tmp_path / "mkdocs.yml").write_text("site_name: Test\ndocs_dir: content\n", encoding="utf-8")
    for name in ("pier.txt", "pier-copy.txt"):
        (tmp_path / "seeds" / name).write_text(f"Pier vote\n\n{BODY}\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    main(["generate", "--project", str(tmp_path)])
    err = capsys.readouterr().err
    assert "seeds/pier.txt, seeds/pier-copy.txt: the same article saved more than once" in err
