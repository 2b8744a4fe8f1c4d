"""Properties over arbitrary article text (hypothesis): no crash, no markup from the
input in the HTML, and the same seeds always give the same bytes.

Examples are derandomized (the same every run: tests stay deterministic) and few,
since each one runs the whole extraction; the spaCy model loads once per process.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mkdocs.utils.meta import get_data

from generator import clean, extract, ingest, notes, pipeline, record_json, render, writer
from generator.cli import main
from generator.errors import SeedError
from generator.model import Record

from .conftest import ROOT

# Every piece of syntax that could turn article text into markup somewhere between
# Markdown, its extensions (the ones mkdocs.yml enables), HTML and Jinja. The
# marker "xq" names no real element or attribute, so any "xq" in a tag or an
# attribute of the output came from the input.
FRAGMENTS = [
    "<xq>",
    "</xq>",
    '<xq onxq="1">',
    "<a href='javascript:xq'>",
    "<script>xq()</script>",
    "<!-- xq -->",
    "<div markdown onxq=1>",
    "[xq](javascript:xq)",
    "![xq](xq.png)",
    "<https://xq.example>",
    "{: #xq onxq=1 }",
    "{: .xq }",
    "{{ xq }}",
    "{% xq %}",
    "| xq | xq |",
    "|---|---|",
    "---",
    "***",
    "!!! xq",
    '??? xq "t"',
    '--8<-- "xq"',
    "*[xq]: abbreviation",
    "[^xq]",
    "&#x3C;xq&#x3E;",
    "&lt;xq&gt;",
    "\\",
    "`",
    "```",
    "    ",
    "# ",
    "> ",
    "- ",
    "1. ",
    '"',
    "“",
    "”",
    "'",
    "’",
    "said the minister",
    "Jane Doe said",
    "on Monday",
    ".",
    "\n",
    "\n\n",
    " ",
]
ARTICLE = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=12)), min_size=1, max_size=40).map(
    "".join
)
SETTINGS = settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
# The Markdown extensions of mkdocs.yml (Material's own add nothing that reads input).
EXTENSIONS = ["attr_list", "md_in_html", "abbr", "tables", "admonition", "toc"]


def _record(text: str) -> Record | None:
    try:
        src = ingest.parse(text.encode("utf-8"), "seeds/p.txt", "p")
    except SeedError:
        return None  # rejected with a reason: allowed, and not a crash
    doc = clean.clean(src)
    [slug] = pipeline.assign_slugs([src], [doc])
    return extract.extract(src, doc, next(pipeline.analyse([doc])), slug=slug)


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((tag, attrs))


@SETTINGS
@given(ARTICLE)
def test_arbitrary_text_never_crashes_and_never_becomes_markup(text: str) -> None:
    rec = _record(text)
    if rec is None:
        return
    pages = render.render_site([rec])
    page = pages[f"explainers/{rec.slug}.md"]
    body, _meta = get_data(page)  # MkDocs reads front matter as data, not Markdown
    html = markdown.markdown(body, extensions=EXTENSIONS)
    parser = _Tags()
    parser.feed(html)
    for tag, attrs in parser.found:
        assert "xq" not in tag and tag not in {"script", "iframe", "style"}, tag
        for name, value in attrs:
            assert "xq" not in name and not name.startswith("on"), (tag, name)
            if name in ("id", "href") and re.fullmatch(r"#?[\w-]*", value or ""):
                continue  # a heading's anchor, slugified from its text by the toc extension
            if name == "href" and re.fullmatch(
                r"(?:\.\./)*(?:[a-z0-9-]+/)*[a-z0-9-]+\.(?:md|json)(?:#[\w-]+)?", value or ""
            ):
                continue  # a link to a page whose slug came from the text: letters, digits, hyphens only
            assert "xq" not in (value or "") and "javascript:" not in (value or ""), (tag, name, value)
    # The pages can be written (and attached to) whatever they hold.
    with tempfile.TemporaryDirectory() as d:
        attached, _ = notes.attach(pages, {f"explainers/{rec.slug}.md": "A note."})
        writer.write(Path(d), attached)
        assert writer.verify_stamp((Path(d) / "explainers" / f"{rec.slug}.md").read_text()) is True


@settings(max_examples=10, deadline=None, derandomize=True, database=None)
@given(ARTICLE)
def test_the_same_text_always_gives_the_same_record_and_pages(text: str) -> None:
    first, second = _record(text), _record(text)
    if first is None or second is None:
        assert first is second is None
        return
    assert record_json.dumps(first) == record_json.dumps(second)
    assert render.render_site([first]) == render.render_site([second])


def _generate(root: Path, seeds: list[Path]) -> dict[str, bytes]:
    for d in ("seeds", "content"):
        (root / d).mkdir(parents=True)
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    for s in seeds:
        shutil.copy(s, root / "seeds" / s.name)
    assert main(["generate", "--project", str(root), "--quiet", "--no-cache"]) == 0
    content = root / "content"
    return {
        p.relative_to(content).as_posix(): p.read_bytes() for p in sorted(content.rglob("*")) if p.is_file()
    }


@pytest.mark.slow
def test_two_builds_of_the_same_seeds_are_byte_identical(tmp_path: Path) -> None:
    seeds = [
        ROOT / "seeds" / "000_6ed2d288da95c682.txt",
        Path(__file__).parent / "fixtures" / "wn-gillibrand.txt",
    ]
    first = _generate(tmp_path / "one", seeds)
    second = _generate(tmp_path / "two", seeds)
    assert len(first) >= 4 and first == second
