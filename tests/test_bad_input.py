"""Bad metadata and bad bytes: one clear line naming the file, never a crash (issue 14).

Each test builds the smallest seed that showed the problem; the command-level
ones run `explainer generate` / `explainer check` on a fresh project and read
what they print.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import sys
from pathlib import Path
from xml.etree import ElementTree

import pytest

from generator import frontmatter, ingest, overrides, pipeline
from generator.cli import main
from generator.errors import SeedError

from .conftest import make_project

BODY = b"The talks resumed on Monday in Geneva, officials said.\n"


def _md(front: str, body: bytes = BODY) -> bytes:
    return b"---\n" + front.encode() + b"\n---\n" + body


def _run(*argv: str) -> tuple[int, str]:
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        status = main(list(argv))
    return status, err.getvalue()


# --- dates ---------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["2025-13-01", "2025-02-30", '"2025-00-00"', "2025-13"])
def test_an_impossible_published_date_rejects_the_seed_with_file_line_and_reason(value: str) -> None:
    with pytest.raises(SeedError) as e:
        ingest.parse(_md(f"title: T\npublished: {value}"), "seeds/a.md", "a")
    assert e.value.line == 3
    assert "'published' is not a real date" in str(e.value) and "\n" not in str(e.value)


def test_a_date_with_a_one_digit_month_or_day_is_read_as_the_same_date() -> None:
    src = ingest.parse(_md("title: T\npublished: 2025-9-6"), "seeds/a.md", "a")
    assert src.meta.published == "2025-09-06"


def test_an_impossible_date_on_an_added_item_skips_that_item_and_says_so() -> None:
    sidecar = b'add:\n  - section: next\n    title: Summit\n    date: "2025-99-01"\n'
    sidecar += b"  - section: next\n    title: Vote\n    date: 2025-10-26\n"
    rules = overrides.parse_seed_overrides(*_sidecar_data(sidecar), "seeds/a.yml", first_line=1)
    assert [a.title for a in rules.add] == ["Vote"]
    assert rules.skipped == (
        "seeds/a.yml:2: 'date' is not a real date: '2025-99-01' (month must be in 1..12); "
        "this 'add' entry is skipped",
    )


def _sidecar_data(data: bytes) -> tuple[dict[str, object], object]:
    loaded, _, node = frontmatter.load_mapping_node(data.decode(), "seeds/a.yml", 1)
    return loaded, node


def test_generate_and_check_report_bad_dates_and_build_the_other_seeds(tmp_path: Path) -> None:
    root = make_project(tmp_path)
    seeds = root / "seeds"
    (seeds / "good.md").write_bytes(_md("title: Good story\npublished: 2025-09-06"))
    (seeds / "bad.md").write_bytes(_md("title: Bad story\npublished: 2025-02-30"))
    (seeds / "side.txt").write_bytes(b"Side story\n\n" + BODY)
    (seeds / "side.yml").write_bytes(b'add:\n  - section: next\n    title: Summit\n    date: "2025-99-01"\n')
    (seeds / "stray.txt").write_bytes("Stray story\n\nThe minister’s plan ".encode() + b"wasn\x92t ready.\n")
    said = [
        "explainer: rejected seeds/bad.md:3: 'published' is not a real date: '2025-02-30'",
        "explainer: error: seeds/side.yml:2: 'date' is not a real date: '2025-99-01'",
        "explainer: warning: seeds/stray.txt:3: not valid UTF-8 at byte 39 (0x92)",
    ]
    status, err = _run("check", "--project", str(root))
    assert status == 1 and all(line in err for line in said), err
    status, gen_err = _run("generate", "--project", str(root), "-q", "--jobs", "1")
    assert status == 1 and "Traceback" not in gen_err
    assert all(line in gen_err for line in said), gen_err
    pages = {p.name for p in (root / "content").rglob("*.md")}
    assert {"good-story.md", "side-story.md"} <= pages


# --- plain text ------------------------------------------------------------------------


def test_control_characters_and_lone_surrogates_never_reach_the_metadata() -> None:
    front = r'title: "A\x01B\ud800C"' + "\n" + r'author: "Jo\x1b[31m Doe"' + "\n" + r'tags: ["x\x7fy"]'
    src = ingest.parse(_md(front), "seeds/a.md", "a")
    assert (src.meta.title, src.meta.author, src.meta.tags) == ("ABC", "Jo[31m Doe", ("xy",))


def test_control_characters_are_removed_from_overrides_and_people() -> None:
    data, node = _sidecar_data(b'quotes:\n  - match: "always\\x00 friends"\n    speaker: "Ann\\x08 Lee"\n')
    rule = overrides.parse_seed_overrides(data, node, "seeds/a.yml", 1).quotes[0]
    assert (rule.match, rule.speaker) == ("always friends", "Ann Lee")
    people = overrides.parse_people(
        'people:\n  - name: "Bo\\x01b Ray"\n    roles: ["Chair\\ud800"]\n', "p.yml"
    )
    assert (people.entries[0].name, people.entries[0].roles) == ("Bob Ray", ("Chair",))


def test_an_over_long_title_is_cut_with_a_warning_naming_the_file() -> None:
    src = ingest.parse(_md("title: " + "word " * 10_000), "seeds/a.md", "a")
    assert src.meta.title is not None and len(src.meta.title) <= frontmatter.MAX_TITLE_CHARS
    assert src.meta.title.endswith("word word…")
    assert src.notices == ("seeds/a.md:2: 'title' is 49,999 characters long; cut to 300",)


def test_over_long_names_tags_and_roles_are_cut_with_a_warning() -> None:
    src = ingest.parse(_md("title: T\ntags: [" + "t" * 500 + "]"), "seeds/a.md", "a")
    assert len(src.meta.tags[0]) <= frontmatter.MAX_NAME_CHARS
    assert src.notices == ("seeds/a.md:3: 'tags' is 500 characters long; cut to 200",)
    people = overrides.parse_people("people:\n  - name: Ann Lee\n    roles: [" + "r" * 300 + "]\n", "p.yml")
    roles = people.entries[0].roles
    assert roles is not None and len(roles[0]) <= frontmatter.MAX_NAME_CHARS
    assert people.notices == ("p.yml:2: 'roles' is 300 characters long; cut to 200",)


# --- size and nesting -----------------------------------------------------------------


def test_front_matter_beyond_the_byte_budget_is_refused_before_parsing() -> None:
    front = "title: T\ntags: [" + ", ".join(["tag"] * 20_000) + "]"
    with pytest.raises(
        SeedError, match=r"seeds/a.md:2: YAML too large \(100,\d+ bytes; the limit is 65,536\)"
    ):
        ingest.parse(_md(front), "seeds/a.md", "a")


def test_deeply_nested_front_matter_is_refused_before_parsing() -> None:
    # 60 KB of brackets kept PyYAML's scanner busy for 20 s before it gave up.
    front = "title: " + "[" * 30_000 + "]" * 30_000
    with pytest.raises(SeedError, match=r"seeds/a.md:2: YAML nested too deeply \(more than 20 levels\)"):
        ingest.parse(_md(front), "seeds/a.md", "a")
    block = "".join("  " * i + f"k{i}:\n" for i in range(30))
    with pytest.raises(SeedError, match=r"seeds/a.md:22: YAML nested too deeply"):
        ingest.parse(_md(block), "seeds/a.md", "a")


def test_ordinary_nesting_is_accepted() -> None:
    front = "title: T\nsource: {url: 'https://example.com/a', name: Example}\n"
    front += "add:\n  - section: next\n    title: Summit\n    date: 2025-10-26\n"
    src, rules = ingest.parse_with_overrides(_md(front), "seeds/a.md", "a")
    assert src.meta.url == "https://example.com/a" and rules.add[0].date == "2025-10-26"


# --- sidecars ------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["story.yaml", "story.YML", "story.Yaml"])
def test_a_sidecar_is_read_whatever_the_case_of_its_yml_or_yaml_suffix(tmp_path: Path, name: str) -> None:
    (tmp_path / "story.txt").write_bytes(b"Story\n\n" + BODY)
    (tmp_path / name).write_bytes(b"title: From the sidecar\n")
    assert ingest.read(tmp_path / "story.txt", "seeds/story.txt").meta.title == "From the sidecar"
    assert ingest.sidecars(tmp_path) == [tmp_path / name]


def test_two_sidecars_for_one_seed_are_an_error_naming_both(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_bytes(b"Story\n\n" + BODY)
    (tmp_path / "story.yml").write_bytes(b"title: One\n")
    (tmp_path / "story.yaml").write_bytes(b"title: Two\n")
    with pytest.raises(SeedError) as e:
        ingest.read(tmp_path / "story.txt", "seeds/story.txt")
    assert str(e.value) == ("seeds/story.txt: two sidecars, seeds/story.yaml and seeds/story.yml; keep one")


# --- bytes ---------------------------------------------------------------------------


def test_a_stray_windows_1252_byte_in_utf8_is_repaired_with_a_warning() -> None:
    data = "Title\n\nThe minister’s “plan” was read.\nIt wasn".encode() + b"\x92t ready.\n"
    src = ingest.parse(data, "seeds/a.txt", "a")
    assert "The minister’s “plan” was read.\nIt wasn’t ready." in src.text
    offset = data.index(b"\x92")
    assert src.notices == (
        f"seeds/a.txt:4: not valid UTF-8 at byte {offset} (0x92); read as Windows-1252 '’' (1 such byte)",
    )


def test_a_file_that_is_not_utf8_at_all_is_still_read_as_windows_1252_silently() -> None:
    src = ingest.parse(b"Title\n\nThe minister\x92s \x93plan\x94 caf\xe9.\n", "seeds/a.txt", "a")
    assert "The minister’s “plan” café." in src.text and src.notices == ()


# --- links and unwritable folders --------------------------------------------------------


def test_a_seeds_folder_linking_out_of_the_project_is_refused(tmp_path: Path) -> None:
    (tmp_path / "p").mkdir()
    root = make_project(tmp_path / "p")
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "secret.txt").write_bytes(b"Secret\n\n" + BODY)
    (root / "seeds").rmdir()
    (root / "seeds").symlink_to(outside)
    for command in ("check", "generate"):
        status, err = _run(command, "--project", str(root), "-q")
        assert status == 1 and "Traceback" not in err
        assert "seeds: a link to a folder outside the project" in err
    assert not list((root / "content").rglob("*.md"))


@pytest.mark.parametrize("link", ["content", "content/people"])
def test_a_content_folder_linking_out_of_the_project_stops_the_build_before_writing(
    tmp_path: Path, link: str
) -> None:
    (tmp_path / "p").mkdir()
    root = make_project(tmp_path / "p")
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    if link == "content":
        (root / "content").rmdir()
    (root / link).symlink_to(outside)
    (root / "seeds" / "a.txt").write_bytes(b"Story\n\n" + BODY)
    status, err = _run("generate", "--project", str(root), "-q", "--jobs", "1")
    assert status == 1 and f"{link}: a link to a folder outside the project" in err
    assert list(outside.iterdir()) == []
    assert not list((root / "content").glob("*.md"))


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="root can write anywhere")
def test_a_read_only_content_folder_is_one_line_naming_the_path(tmp_path: Path) -> None:
    root = make_project(tmp_path)
    (root / "seeds" / "a.txt").write_bytes(b"Story\n\n" + BODY)
    (root / "content").chmod(0o500)
    try:
        status, err = _run("generate", "--project", str(root), "-q", "--jobs", "1")
    finally:
        (root / "content").chmod(0o700)
    assert status == 1 and "Traceback" not in err
    assert "Permission denied" in err and str(root / "content") in err


def test_an_os_error_while_writing_is_reported_in_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    # Works as root too (where the read-only folder above cannot be made).
    from generator import commands

    def refuse(*args: object, **kwargs: object) -> int:
        raise PermissionError(13, "Permission denied", "/p/content/index.md")

    monkeypatch.setattr(commands, "generate", refuse)
    status, err = _run("generate", "--project", ".", "-q")
    assert (status, err) == (1, "explainer: /p/content/index.md: Permission denied\n")


def test_pipeline_passes_notices_on(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes("Title\n\nThe minister’s plan ".encode() + b"wasn\x92t ready.\n")
    sources, rejected = pipeline.read_seeds(ingest.discover(tmp_path), tmp_path)
    assert rejected == [] and len(sources[0].notices) == 1


def test_escapes_in_yaml_cannot_break_the_feeds_pictures_or_cache(tmp_path: Path) -> None:
    root = make_project(tmp_path)
    front = r'title: "Talks \x01resume\ud800 in Geneva"' + '\nauthor: "Ann\\x0b Lee"\npublished: 2025-09-06'
    (root / "seeds" / "a.md").write_bytes(_md(front, BODY + b"\nThe next round is due on December 4.\n"))
    status, err = _run("generate", "--project", str(root), "-q", "--jobs", "1")
    assert status == 0, err
    content = root / "content"
    for path in [*content.rglob("*.xml"), *content.rglob("*.svg")]:
        ElementTree.parse(path)  # well-formed XML, or this raises
    for path in content.rglob("*"):
        if path.is_file():
            text = path.read_text(encoding="utf-8")
            assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff]", text), path
    assert "Talks resume in Geneva" in (content / "feeds" / "explainers.xml").read_text(encoding="utf-8")


def test_a_web_pages_metadata_is_plain_text_of_capped_length(monkeypatch: pytest.MonkeyPatch) -> None:
    from generator import htmlseed
    from generator.model import SourceMeta

    meta = SourceMeta(title="Head\x01line " * 100, author="Ann\x07 Lee", tags=("x\ud800y",))
    monkeypatch.setattr(htmlseed, "extract", lambda html, path: ("The talks resumed.", meta))
    src = ingest.parse(b"<html><p>The talks resumed.</p></html>", "seeds/a.html", "a")
    assert src.meta.author == "Ann Lee" and src.meta.tags == ("xy",)
    assert src.meta.title is not None and len(src.meta.title) <= frontmatter.MAX_TITLE_CHARS
    assert src.notices == ("seeds/a.html: 'title' is 899 characters long; cut to 300",)


def test_editors_data_files_that_are_links_are_refused_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    outside = tmp_path / "outside.yml"
    outside.write_text("people: []\n", encoding="utf-8")
    project = tmp_path / "project"
    (project / "seeds").mkdir(parents=True)
    (project / "seeds" / "a.txt").write_text("A title\n\nThe council met on Monday.\n", encoding="utf-8")
    (project / "content" / "_data").mkdir(parents=True)
    for name in ("people.yml", "sources.yml"):
        (project / "content" / "_data" / name).symlink_to(outside)
    assert main(["check", "--project", str(project)]) == 1
    err = capsys.readouterr().err
    assert "content/_data/people.yml: a link, not a file; people data must be a file here" in err
    assert "content/_data/sources.yml: a link, not a file; the sources table must be a file here" in err
