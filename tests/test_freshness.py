"""A build with nothing changed skips rendering, and anything that shapes a page stops the skip."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.cli import main

STORY = "Talks resume\n\nThe minister Anna Keller said on Monday that talks would resume.\n"
SKIPPED = "nothing changed since the last build"


def generate(project: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> tuple[int, str]:
    code = main(["generate", "--quiet", "--project", str(project), *extra])
    return code, capsys.readouterr().err


def snapshot(content: Path) -> dict[str, bytes]:
    return {p.relative_to(content).as_posix(): p.read_bytes() for p in content.rglob("*") if p.is_file()}


@pytest.fixture
def built(project: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    (project / "seeds" / "talks.txt").write_text(STORY, encoding="utf-8")
    code, err = generate(project, capsys)
    assert code == 0 and SKIPPED not in err
    return project


def test_a_second_build_with_nothing_changed_skips_and_leaves_the_same_bytes(
    built: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = snapshot(built / "content")
    code, err = generate(built, capsys)
    assert code == 0 and SKIPPED in err
    assert "0 pages written" in err
    assert snapshot(built / "content") == before


def test_a_changed_seed_is_built_again(built: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (built / "seeds" / "talks.txt").write_text(STORY + "\nThe talks ended on Friday.\n", encoding="utf-8")
    code, err = generate(built, capsys)
    assert code == 0 and SKIPPED not in err and "0 pages written" not in err


def test_a_deleted_generated_page_is_written_again(built: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = next((built / "content" / "explainers").glob("*.md"))
    page.unlink()
    code, err = generate(built, capsys)
    assert code == 0 and SKIPPED not in err
    assert page.is_file()


def test_an_edited_generated_page_is_reported_not_skipped(
    built: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = next((built / "content" / "explainers").glob("*.md"))
    page.write_text(page.read_text(encoding="utf-8") + "\nAn editor's line.\n", encoding="utf-8")
    _, err = generate(built, capsys)
    assert SKIPPED not in err and "was edited after it was generated" in err
    # Still reported on the next build: a run with something to say is never remembered.
    _, err = generate(built, capsys)
    assert SKIPPED not in err and "was edited after it was generated" in err


def test_a_build_with_warnings_still_skips_and_says_them_again(
    built: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The same article saved twice is a warning, not an error: the pages are right, so the
    # next build skips, and it must repeat the warning rather than fall silent about it.
    story = STORY + "".join(f"\nThe talks went on for day {n} of many in the capital.\n" for n in range(9))
    (built / "seeds" / "talks.txt").write_text(story, encoding="utf-8")
    (built / "seeds" / "talks-again.txt").write_text(story, encoding="utf-8")
    code, err = generate(built, capsys)
    assert code == 0 and SKIPPED not in err and "the same article saved more than once" in err
    code, err = generate(built, capsys)
    assert code == 0 and SKIPPED in err and "the same article saved more than once" in err


def test_editors_data_and_site_settings_count_as_changes(
    built: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = built / "content" / "_data"
    data.mkdir(exist_ok=True)
    (data / "people.yml").write_text(
        "people:\n  - name: Anna Keller\n    roles: [Foreign Minister]\n", encoding="utf-8"
    )
    assert SKIPPED not in generate(built, capsys)[1]
    assert SKIPPED in generate(built, capsys)[1]
    yml = built / "mkdocs.yml"
    renamed = yml.read_text(encoding="utf-8").replace("site_name:", "site_name: New", 1)
    yml.write_text(renamed, encoding="utf-8")
    assert SKIPPED not in generate(built, capsys)[1]


def test_force_and_rejected_seeds_always_build(built: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert SKIPPED not in generate(built, capsys, "--force")[1]
    (built / "seeds" / "empty.txt").write_bytes(b"")
    code, err = generate(built, capsys)
    assert code == 1 and "rejected" in err
    code, err = generate(built, capsys)
    assert code == 1 and "rejected" in err and SKIPPED not in err


def test_a_stray_huge_file_in_seeds_is_not_read_to_fingerprint(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from generator import freshness
    from generator.project import Project

    big = project / "seeds" / "dump.txt"
    with open(big, "wb") as f:
        f.truncate(3_000_000)  # sparse: larger than any seed may be
    real = Path.read_bytes

    def guarded(self: Path) -> bytes:
        assert self != big, "the oversized file was read"
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", guarded)
    site = ("Explainers", "")
    first = freshness.fingerprint(Project(project), site)
    assert freshness.fingerprint(Project(project), site) == first


def test_a_site_address_from_the_environment_counts_as_a_change(
    built: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # mkdocs.yml reads `site_url: !ENV [SITE_URL, ""]`: the file stays the same.
    monkeypatch.setenv("SITE_URL", "https://example.org/explainers/")
    assert SKIPPED not in generate(built, capsys)[1]
    assert SKIPPED in generate(built, capsys)[1]


class _Killed(Exception):
    pass


@pytest.mark.parametrize("writes", range(1, 9))
def test_a_killed_build_is_never_taken_for_the_last_clean_one(
    built: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, writes: int
) -> None:
    """A seed added, the build killed after a few writes, the seed taken out again: the
    inputs match the last clean build; a build that changed anything on disk is not skipped."""
    from generator import writer

    before = snapshot(built / "content")
    seed = built / "seeds" / "strike.txt"
    seed.write_text("Strike goes on\n\nThe union leader Tom Hale said the strike would go on.\n")
    real, done = writer.atomic_write, [0]

    def dying(target: Path, data: bytes) -> None:
        if done[0] == writes:
            raise _Killed
        real(target, data)
        done[0] += 1

    monkeypatch.setattr(writer, "atomic_write", dying)
    with pytest.raises(_Killed):
        generate(built, capsys)
    monkeypatch.undo()
    seed.unlink()
    code, err = generate(built, capsys)
    assert code == 0 and "edited" not in err
    assert snapshot(built / "content") == before  # the added seed's pages are gone again
