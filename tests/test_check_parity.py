"""`explainer check` reports everything `generate` would, with file and line (issue 17)."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.cli import main

ARTICLE = (
    "Ministers Meet in Geneva\n\n"
    "Trade ministers met in Geneva on Monday to discuss tariffs.\n\n"
    '"We will not accept these tariffs," said Jane Doe, the trade minister.\n\n'
    '"This is a fair offer," a spokesman said.\n\n'
    "The two sides remain divided over farm subsidies.\n"
)
PIER = (
    "Pier vote\n\n"
    "The harbour board met on Tuesday to decide the future of the old ferry pier. "
    "Members said repairs would cost more than a new pier, and a vote is due next month. "
    "Residents asked the board to keep the pier open until the vote.\n"
)


def _problems(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, set[str]]:
    status = main(args)
    lines = capsys.readouterr().err.splitlines()
    said = {
        ln
        for ln in lines
        if ln.startswith(("explainer: warning: ", "explainer: error: ", "explainer: rejected"))
    }
    return status, said


def _project_with_every_kind_of_problem(project: Path) -> None:
    seeds, data = project / "seeds", project / "content" / "_data"
    (seeds / "geneva.txt").write_text(ARTICLE)
    (seeds / "geneva.yml").write_text(
        "suppress:\n  - match: no longer in the article\n"  # a rule that matches nothing
        "quotes:\n  - match: a fair offer\n    speaker: Jane Do\n"  # a misspelt speaker
        "add:\n  - section: next\n    title: Vote\n    date: 2025-02-30\n"  # an impossible date
    )
    (seeds / "talks.txt").write_text(ARTICLE.replace("Geneva", "Vienna"))
    (seeds / "talks.YAML").write_text("move:\n  - match: not a sentence here\n    to: background\n")
    (seeds / "gone.yml").write_text("title: Orphan\n")  # a sidecar of no seed
    (seeds / "pier.txt").write_text(PIER)
    (seeds / "pier-copy.txt").write_text(PIER)  # the same article twice
    (seeds / "broken.txt").write_text(ARTICLE.replace("Geneva", "Bern"))
    (seeds / "broken.yml").write_text("suppress:\n  - section: nowhere\n    match: farm subsidies\n")
    (data / "notes" / "explainers").mkdir(parents=True)
    (data / "notes" / "explainers" / "no-such-story.md").write_text("A note for a page that is not there.\n")
    (data / "people.yml").write_text("people:\n  - name: Jane Doe\n  - name: Nobody Here\n")
    (data / "sources.yml").write_text("sources:\n  - seed: not-a-seed\n    url: https://example.com/x\n")


def test_check_says_what_generate_says_and_exits_1(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _project_with_every_kind_of_problem(project)
    args = ["--project", str(project), "--quiet"]
    first_status, first = _problems(["check", *args], capsys)  # nothing cached: check extracts
    generate_status, generated = _problems(["generate", *args], capsys)
    cached_status, cached = _problems(["check", *args], capsys)  # from the record cache
    assert first == generated == cached
    assert first_status == cached_status == 1 and generate_status == 1
    expected = [
        "rejected seeds/broken.yml:2: 'section' must be one of",
        "error: seeds/geneva.yml:7: 'date' is not a real date: '2025-02-30'",
        "warning: seeds/geneva.yml:2: suppress matches nothing in the article any more",
        "warning: seeds/geneva.yml:4: speaker 'Jane Do' is no one in the article nor in people.yml; "
        "did you mean 'Jane Doe'?",
        "warning: seeds/talks.YAML:2: move to background matches nothing",
        "warning: seeds/gone.yml: sidecar of no seed",
        "warning: seeds/pier.txt, seeds/pier-copy.txt: the same article saved more than once",
        "warning: content/_data/people.yml:3: Nobody Here matches no one in any article",
        "warning: content/_data/sources.yml:2: no seed named 'not-a-seed' in seeds/",
        "warning: content/_data/notes/explainers/no-such-story.md: no generated page",
    ]
    for message in expected:
        assert any(message in line for line in first), message
    assert len(first) == len(expected)


def test_a_project_without_problems_checks_clean(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "seeds" / "geneva.txt").write_text(ARTICLE)
    (project / "seeds" / "geneva.yml").write_text(
        "quotes:\n  - match: a fair offer\n    speaker: Jane Doe\n    note: Named later.\n"
    )
    status, said = _problems(["check", "--project", str(project), "--quiet"], capsys)
    assert (status, said) == (0, set())
    assert not (project / "content" / "explainers").exists()  # check writes no page
