"""Hostile and broken seeds cannot hurt the site, and editors' files are never touched.

One `explainer build` runs over a seeds folder that mixes good articles with
every bad kind of input; the tests below each check one promise on its result.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import pytest

from generator import clean, ingest, pipeline
from generator.cli import main

from .conftest import ROOT, analyse_text, make_project

SEED = ROOT / "seeds" / "000_6ed2d288da95c682.txt"
WIKINEWS = Path(__file__).parent / "fixtures" / "wn-gillibrand.txt"  # CC BY 2.5, see fixtures/ATTRIBUTION.md

HOSTILE = """Hostile Markup Test

Officials said on Monday that <script>alert("xq1")</script> appeared in the draft.

The page showed <img src=x onerror="alert('xq2')"> and <a href="javascript:alert('xq3')">a link</a>.

A [markdown link](javascript:alert('xq4')) and ![image](http://example.com/xq5.png) were in the text.

!!! danger "xq6 admonition"
    Indented admonition body.

Template code {{ 7 * 7 }} and {% include 'xq7' %} was printed, said the minister.

| xq8 | table |
| --- | --- |
| a | b |

---
title: xq9
---

--8<-- "SECRET"

<div onclick="xq10()" markdown>inside</div>

<style>body { display: none }</style> <iframe src="https://example.com/xq11"></iframe>
"""

HOSTILE_NOTES = """move:
  - match: "appeared in the draft"
    to: sticking_points
    note: '<script>alert("xq12")</script> [x](javascript:alert(''xq13'')) {{ 7 * 7 }} {: onclick="xq14()" }'
add:
  - section: questions
    text: 'Will <b onclick="xq17()">it</b> hold?'
    note: '<img src=x onerror="alert(''xq15'')"> | xq16 | !!! danger'
"""

QUOTES = """Quotation Marks Everywhere

"Unbalanced quote starts here and never ends, said Jane Doe.

He said: "She told me 'they said "no" twice' yesterday," and left.

«Guillemets» and „German quotes“ and ‘single’ and ”backwards“ marks, Smith said.

"" '' ““ ”” "'"'"'
"""

# Bad seeds and the words their one-line rejection must contain.
REJECTED = {
    "empty.txt": "empty file",
    "blank.txt": "empty file",
    "photo.txt": "binary file",
    "malformed.md": "malformed YAML",
    "unclosed.md": "front matter is not closed",
    "unknown-key.md": "unknown key 'headline'",
    "huge.txt": "article too long",
    "bad-override.txt": "unknown key 'speeker'",
}


@dataclass
class Built:
    root: Path
    status: int
    err: str
    editor_files: dict[Path, bytes]


def _skeleton(root: Path) -> None:
    make_project(root)


def _seeds(root: Path) -> None:
    s = root / "seeds"
    shutil.copy(SEED, s / SEED.name)
    shutil.copy(WIKINEWS, s / "wn-gillibrand.txt")
    secret = root / "secret.txt"
    secret.write_text("TOPSECRET-xq\n")
    (s / "hostile.txt").write_text(HOSTILE.replace("SECRET", str(secret)))
    (s / "quotes.txt").write_text(QUOTES)
    (s / "empty.txt").write_bytes(b"")
    (s / "blank.txt").write_bytes(b" \n\t\n\r\n")
    (s / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (s / "malformed.md").write_text("---\ntitle: [unclosed\n---\nText of the article.\n")
    (s / "unclosed.md").write_text("---\ntitle: Never closed\nText of the article.\n")
    (s / "unknown-key.md").write_text("---\nheadline: Wrong key\n---\nText of the article.\n")
    (s / "huge.txt").write_text("Huge\n\n" + "word " * 70_000)  # one 350 KB line, no punctuation
    (s / "bad-override.txt").write_text("Override Typo\n\nThe talks resumed on Monday, officials said.\n")
    (s / "bad-override.yml").write_text("quotes:\n  - match: talks resumed\n    speeker: X\n")
    legacy = "Legacy Encoding Talks\n\n“We will meet again,” the minister said in Zürich on Monday.\n"
    (s / "cp1252.txt").write_bytes(legacy.encode("cp1252"))
    (s / "bom-crlf.txt").write_bytes(
        "\ufeffInvisible Characters Talks\r\n\r\n"
        "Na\u200brendra Mo\u200ddi met \u202eofficials\u202c on Monday.\r\n".encode()
    )
    same = "Same Title Twice\n\nThe {} talks resumed on Monday, officials said.\n"
    (s / "same-a.txt").write_text(same.format("first"))
    (s / "same-b.txt").write_text(same.format("second"))
    (s / "traversal.md").write_text(
        "---\ntitle: Path Traversal\nslug: ../../etc/passwd\n---\nThe talks resumed on Monday.\n"
    )
    # An editor's corrections: a sidecar and site-wide people data.
    (s / f"{SEED.stem}.yml").write_text("title: Trump and Modi, corrected\n")
    # Corrections whose notes and added text are markup: shown as text on the explainer
    # (the "Correction" mark) and on the Corrections page.
    (s / "hostile.yml").write_text(HOSTILE_NOTES)


EDITOR_FILES = {
    # (In explainers/, which mkdocs.yml's not_in_nav covers: a hand page elsewhere
    # must be added to the nav, or the strict build stops on it.)
    "content/explainers/about-these-explainers.md": "# About us\n\nWritten by hand.\n",
    # A hand-written page at the path of a generated one: it wins.
    "content/explainers/gillibrand-ends-us-presidential-bid.md": "# Our own Gillibrand page\n",
    "content/_data/people.yml": "people:\n  - name: Narendra Modi\n    aliases: [Modi]\n",
    "content/_data/notes/explainers/trump-and-modi-corrected.md": "Title corrected by the desk.\n---\nx: 1\n",
}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    root = tmp_path_factory.mktemp("mixed")
    _skeleton(root)
    _seeds(root)
    for rel, text in EDITOR_FILES.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text)
    # A first build, then an editor changes one generated page by hand.
    with contextlib.redirect_stderr(io.StringIO()):
        main(["generate", "--project", str(root), "--quiet"])
    edited = root / "content" / "explainers" / "legacy-encoding-talks.md"
    edited.write_text(edited.read_text() + "\nAn editor's paragraph.\n")
    editor_files = {p: p.read_bytes() for p in [*(root / r for r in EDITOR_FILES), edited]}
    # ... and a build killed mid-write left a temporary file behind.
    (root / "content/explainers/.explainer-left0ver.tmp").write_text(
        "---\ngenerated_by: explainer\nhalf a pa"
    )
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        status = main(["build", "--project", str(root), "--quiet"])
    return Built(root, status, err.getvalue(), editor_files)


@pytest.mark.slow
def test_each_bad_seed_is_named_with_its_problem_and_the_rest_is_built(built: Built) -> None:
    assert built.status == 1 and "site built in" in built.err and "mkdocs build failed" not in built.err
    rejections = [line for line in built.err.splitlines() if line.startswith("explainer: rejected")]
    assert len(rejections) == len(REJECTED)
    for name, problem in REJECTED.items():
        assert any(name in line and problem in line for line in rejections), name
    pages = sorted(p.parent.name for p in (built.root / "site" / "explainers").glob("*/index.html"))
    for slug in ["hostile-markup-test", "quotation-marks-everywhere", "legacy-encoding-talks", "etc-passwd"]:
        assert slug in pages
    assert "trump-and-modi-corrected" in pages  # the sidecar's title, and its slug
    assert "invisible-characters-talks" in pages


@pytest.mark.slow
def test_editors_files_are_untouched_and_reported(built: Built) -> None:
    for path, data in built.editor_files.items():
        assert path.read_bytes() == data, path
    assert "content/explainers/gillibrand-ends-us-presidential-bid.md is a hand-written page" in built.err
    assert "content/explainers/legacy-encoding-talks.md was edited after it was generated" in built.err
    assert "--force" in built.err
    site = built.root / "site"
    assert "Written by hand." in (site / "explainers" / "about-these-explainers" / "index.html").read_text()
    gill = (site / "explainers" / "gillibrand-ends-us-presidential-bid" / "index.html").read_text()
    assert "Our own Gillibrand page" in gill


@pytest.mark.slow
def test_notes_and_people_data_reach_the_pages(built: Built) -> None:
    page = (built.root / "site" / "explainers" / "trump-and-modi-corrected" / "index.html").read_text()
    assert "Editor&#39;s note" in page or "Editor's note" in page
    assert "Title corrected by the desk." in page


@pytest.mark.slow
def test_nothing_is_written_outside_content_and_no_temporary_file_survives(built: Built) -> None:
    assert not (built.root / "etc").exists() and not (built.root.parent / "etc").exists()
    assert not list((built.root / "content").rglob(".explainer-*.tmp"))
    assert not list((built.root / "site").rglob("*.tmp"))
    site_text = "".join(p.read_text(errors="replace") for p in (built.root / "site").rglob("*.html"))
    assert "TOPSECRET" not in site_text  # the include syntax included nothing


@pytest.mark.slow
def test_same_titles_get_distinct_slugs(built: Built) -> None:
    pages = [p.parent.name for p in (built.root / "site" / "explainers").glob("same-title-twice*/index.html")]
    assert len(pages) == 2 and "same-title-twice" in pages


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.text: list[str] = []
        self.script: list[str] = []
        # schema.org JSON-LD: data the browser never runs; checked separately.
        self.jsonld: list[str] = []
        self._in: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))
        if tag == "script":
            self._in = "jsonld" if ("type", "application/ld+json") in attrs else "script"

    def handle_endtag(self, tag: str) -> None:
        self._in = None

    def handle_data(self, data: str) -> None:
        {"script": self.script, "jsonld": self.jsonld}.get(self._in or "", self.text).append(data)


@pytest.mark.slow
def test_article_markup_is_shown_as_literal_text_never_executed(built: Built) -> None:
    html = (built.root / "site" / "explainers" / "hostile-markup-test" / "index.html").read_text()
    doc = _Collect()
    doc.feed(html)
    # No element or attribute came from the article.
    for tag, attrs in doc.tags:
        assert tag not in {"iframe", "style"} or not any("xq" in (v or "") for _, v in attrs)
        for name, value in attrs:
            assert "xq" not in (value or ""), (tag, name, value)
            assert not (value or "").strip().lower().startswith("javascript:"), (tag, name)
            assert not (name.startswith("on") and "alert" in (value or "")), (tag, name)
    assert not any("alert" in s or "xq" in s for s in doc.script)
    for data in doc.jsonld:  # article text may be in it, but only as JSON strings
        json.loads(data)
        assert "<" not in data and ">" not in data
    text = " ".join(doc.text)
    for literal in [
        '<script>alert("xq1")</script>',
        "onerror=\"alert('xq2')\"",
        "[markdown link](javascript:alert('xq4'))",
        "{{ 7 * 7 }}",
        "{% include 'xq7' %}",
        "| xq8 | table |",
        "title: xq9",
        '<div onclick="xq10()" markdown>',
        "<style>body { display: none }</style>",
    ]:
        assert literal in text, literal
    # Jinja in the article was never evaluated: no 49 standing as a word (the page may
    # show a temporary path such as ".../pytest-49/...", which is not the sum).
    assert not re.search(r"(?<![\w/-])49(?![\w/-])", text)
    assert "xq6 admonition" in text and 'class="admonition danger"' not in html
    assert "<table" not in html.split("Source text")[-1]


@pytest.mark.slow
def test_one_line_summaries_on_the_home_page_and_the_index_are_literal_text(built: Built) -> None:
    """The summaries are the article's first sentence: shown as text there too."""
    from generator import record_json, stories

    published = built.root / "site" / "records" / "hostile-markup-test.json"
    summary = stories.one_line(record_json.loads(published.read_text(encoding="utf-8")))
    for page in ("index.html", "explainers/index.html"):
        html = (built.root / "site" / page).read_text()
        doc = _Collect()
        doc.feed(html)
        for tag, attrs in doc.tags:
            for name, value in attrs:
                assert "xq" not in (value or ""), (page, tag, name, value)
        assert not any("alert" in s or "xq" in s for s in doc.script)
        # The summary of the story as corrected (an editor moved its first sentence):
        # whichever sentence it is, it carries a payload and stands there as text.
        assert "xq" in summary and summary in " ".join(doc.text), page


@pytest.mark.slow
def test_correction_notes_are_shown_as_literal_text_never_executed(built: Built) -> None:
    site = built.root / "site"
    for page in ["explainers/hostile-markup-test/index.html", "corrections/index.html"]:
        html = (site / page).read_text()
        doc = _Collect()
        doc.feed(html)
        for tag, attrs in doc.tags:
            for _name, value in attrs:
                assert not any(x in (value or "") for x in ("xq12", "xq13", "xq14", "xq15", "xq17")), (
                    page,
                    tag,
                )
        assert not any("xq" in s for s in doc.script), page
        text = " ".join(doc.text)
        for literal in [
            '<script>alert("xq12")</script>',
            "[x](javascript:alert('xq13'))",
            "{{ 7 * 7 }}",
            '{: onclick="xq14()" }',
            "<img src=x onerror=\"alert('xq15')\"> | xq16 | !!! danger",
            '<b onclick="xq17()">it</b>',
        ]:
            assert literal in text, (page, literal)
    explainer = (site / "explainers/hostile-markup-test/index.html").read_text()
    assert explainer.count('class="correction-mark"') == 2


def test_unbalanced_nested_and_mixed_quotation_marks_never_crash_the_extractor() -> None:
    for text in [
        QUOTES,
        'Title\n\n"' * 50,
        "Title\n\n“Open “nested “deeper ” never” closed, said A.",
        "Title\n\n'''''' \"\"\"\"\" ‘‘’’ «»«» said B. \"",
        'Title\n\nHe said "' + "word " * 500,
    ]:
        rec = analyse_text(text)
        assert rec.body  # something was read; no exception


def _slugs(texts: dict[str, str]) -> list[str]:
    sources = [ingest.parse(t.encode(), f"seeds/{stem}.md", stem) for stem, t in texts.items()]
    return pipeline.assign_slugs(sources, [clean.clean(s) for s in sources])


def test_same_titles_get_distinct_slugs_that_stay_the_same_from_build_to_build() -> None:
    a, b = "Same Title\n\nOne.", "Same Title\n\nTwo."
    first = _slugs({"a": a, "b": b})
    # The second seed's suffix comes from its file name, not from a counter, so it
    # does not change when other seeds come and go.
    assert first == ["same-title", "same-title-" + hashlib.sha256(b"b").hexdigest()[:6]]
    assert _slugs({"a": a, "b": b}) == first
    assert _slugs({"a": a, "0": "Unrelated\n\nX.", "b": b})[::2] == first


@pytest.mark.parametrize(
    "slug", ["../../etc/passwd", "/etc/passwd", "..", "a/../../b", "C:\\\\x", "%2e%2e%2f"]
)
def test_a_slug_from_front_matter_never_names_a_path_outside(slug: str) -> None:
    [s] = _slugs({"a": f"---\ntitle: T\nslug: '{slug}'\n---\nText."})
    assert s and "/" not in s and "\\" not in s and ".." not in s and not s.startswith(".")


@pytest.mark.slow
def test_mkdocs_never_publishes_a_temporary_file(project: Path) -> None:
    """Even without the generator's clean-up (plain `mkdocs build`), a half-written
    page under its temporary name is a dotfile, which MkDocs leaves out."""
    (project / "content" / "index.md").write_text("# Home\n")
    (project / "content" / "explainers").mkdir()
    (project / "content" / "explainers" / "index.md").write_text("# Explainers\n")
    (project / "content" / "explainers" / ".explainer-abc123.tmp").write_text("# Half a pa")
    (project / "content" / "explainers" / ".explainer-abc124.md").write_text("# Half a page\n")
    env = dict(os.environ, EXPLAINER_GENERATED="1", NO_MKDOCS_2_WARNING="1")  # the hook stays out
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(project / "mkdocs.yml")]
    subprocess.run(cmd, cwd=project, env=env, check=True, capture_output=True)
    published = [p.name for p in (project / "site").rglob("*")]
    assert "index.html" in published
    assert not [n for n in published if "explainer-abc" in n]
