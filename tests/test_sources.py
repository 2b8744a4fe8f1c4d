"""The editor's sources table (content/_data/sources.yml): read, validated, applied,
and shown as the explainer's credit and licence line.

The address and licence of the one Wikinews article named here come from
../shared/corpus/politics/manifest.tsv (Wikinews contributors, CC BY 2.5,
https://en.wikinews.org/wiki/Nancy_Pelosi_again_elected_Speaker_as_116th_U.S._Congress_sworn_in);
no article text is copied.
"""

from __future__ import annotations

import dataclasses
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest

from generator import corpus, sources
from generator.errors import SeedError
from generator.model import Record
from generator.render import explainer_page, jsonld
from tests.records import record

WN_SEED = "wn-2019-01-04-nancy-pelosi-again-elected-speaker-as-116th-u-s-congress-swo"
WN_URL = "https://en.wikinews.org/wiki/Nancy_Pelosi_again_elected_Speaker_as_116th_U.S._Congress_sworn_in"
CC_BY_25 = "https://creativecommons.org/licenses/by/2.5/"

TABLE = f"""\
# the editor's own comment
sources:
  - seed: {WN_SEED}.txt
    url: {WN_URL}
  - seed: talks
    name: Example Wire
    author: Jo Smith
hosts:
  - host: EN.Wikinews.org
    name: Wikinews
    author: Wikinews contributors
    licence: CC BY 2.5
    licence_url: {CC_BY_25}
"""


def _rec(stem: str, **source: str) -> Record:
    r = record(stem, "2019-01-04")
    return dataclasses.replace(r, source=dataclasses.replace(r.source, **source))


def _meta_html(r: Record) -> str:
    """The explainer's meta paragraph as the site shows it (Markdown -> HTML)."""
    page = explainer_page(r)
    start = page.index('<p class="explainer-meta" markdown>')
    para = page[start : page.index("</p>", start) + 4]
    return markdown.Markdown(extensions=["attr_list", "md_in_html"]).convert(para)


def test_the_table_is_read_by_seed_name_and_by_host() -> None:
    t = sources.parse(TABLE, "content/_data/sources.yml")
    assert set(t.by_seed) == {WN_SEED, "talks"}  # "x.txt" and "x" name the same seed
    assert t.by_seed[WN_SEED].url == WN_URL and t.by_seed[WN_SEED].line == 3
    assert set(t.by_host) == {"en.wikinews.org"}
    assert sources.parse("# only comments\n", "s.yml").by_seed == {}


@pytest.mark.parametrize(
    ("text", "problem", "line"),
    [
        ("people: []\n", "holds 'sources' (by seed) and 'hosts'", 1),
        (
            "sources:\n  - seed: a\n    url: https://x.org/\n    licnce: CC BY\n",
            "unknown key 'licnce' in a source",
            2,
        ),
        ("sources:\n  - url: https://x.org/\n", "a source needs 'seed'", 2),
        ("sources:\n  - seed: a\n    name: [A, B]\n", "'name' must be text", 2),
        ("sources:\n  - seed: a\n    url: 'javascript:alert(1)'\n", "must be a plain http:// or https://", 2),
        ("sources:\n  - seed: a\n    url: ftp://x.org/a\n", "must be a plain http:// or https://", 2),
        (
            "sources:\n  - seed: a\n    name: A\n    licence_url: 'data:text/html,x'\n",
            "'licence_url' must be",
            2,
        ),
        ("sources:\n  - seed: a\n    licence: CC BY 2.5\n", "needs a 'url' or a 'name'", 2),
        (
            "sources:\n  - seed: a\n    name: A\n  - seed: a.txt\n    name: B\n",
            "listed twice (first at line 2)",
            4,
        ),
        ("sources:\n  - seed: ../etc/passwd\n    name: A\n", "a file name in seeds/, not a path", 2),
        ("sources: {seed: a}\n", "'sources' must be a list of entries", 1),
        ("hosts:\n  - host: 'x.org/path'\n    name: X\n", "'host' must be a host name", 2),
        ("hosts:\n  - host: x.org\n    url: https://x.org/\n", "unknown key 'url' in a host", 2),
        ("sources:\n  - seed: a\n    name: [unclosed\n", "malformed YAML", None),
    ],
)
def test_a_bad_table_names_file_line_and_problem(text: str, problem: str, line: int | None) -> None:
    with pytest.raises(SeedError) as e:
        sources.parse(text, "content/_data/sources.yml")
    assert e.value.path == "content/_data/sources.yml" and problem in e.value.problem
    if line is not None:
        assert e.value.line == line


def test_a_seed_the_table_names_that_does_not_exist_is_a_warning() -> None:
    t = sources.parse(TABLE, "content/_data/sources.yml")
    assert sources.unknown_seeds(t, [WN_SEED]) == [
        "content/_data/sources.yml:5: no seed named 'talks' in seeds/; this source is not used"
    ]


def test_a_txt_seed_gets_its_address_and_the_hosts_licence() -> None:
    t = sources.parse(TABLE, "s.yml")
    r, listed = sources.apply(_rec(WN_SEED), t)
    assert listed
    s = r.source
    assert (s.url, s.site_name, s.author, s.licence, s.licence_url) == (
        WN_URL,
        "Wikinews",
        "Wikinews contributors",
        "CC BY 2.5",
        CC_BY_25,
    )
    unlisted, listed = sources.apply(_rec("other"), t)
    assert not listed and unlisted.source == _rec("other").source


def test_the_seeds_own_source_wins_over_the_table() -> None:
    t = sources.parse(TABLE, "s.yml")
    # front matter (or a sidecar) named another address and publisher for "talks"
    own = _rec("talks", url="https://example.org/own", site_name="Own Paper")
    r, _ = sources.apply(own, t)
    assert (r.source.url, r.source.site_name, r.source.author) == (
        "https://example.org/own",
        "Own Paper",
        None,
    )
    # a name alone is a source too: the table's entry is not mixed into it
    r, _ = sources.apply(_rec("talks", site_name="Own Paper"), t)
    assert (r.source.site_name, r.source.author) == ("Own Paper", None)
    # the host's licence still applies to an address the seed gave itself
    r, _ = sources.apply(_rec("x", url=WN_URL, site_name="Wikinews (en)"), t)
    assert (r.source.site_name, r.source.licence) == ("Wikinews (en)", "CC BY 2.5")


def test_the_credit_line_links_the_source_and_the_licence() -> None:
    r, _ = sources.apply(_rec(WN_SEED), sources.parse(TABLE, "s.yml"))
    html = _meta_html(r)
    assert f'Source: <a href="{WN_URL}" rel="nofollow noopener">Wikinews</a>' in html
    assert (
        f'Text: Wikinews contributors, <a href="{CC_BY_25}" rel="license nofollow noopener">CC BY 2.5</a>'
        in html
    )
    byline, _ = sources.apply(_rec("talks"), sources.parse(TABLE, "s.yml"))
    html = _meta_html(byline)
    assert "Source: Example Wire" in html and "By Jo Smith" in html and "Text:" not in html


def test_json_ld_names_the_original_and_the_licence() -> None:
    r, _ = sources.apply(_rec(WN_SEED), sources.parse(TABLE, "s.yml"))
    data = jsonld.article(r, corpus.build([r]))
    assert (data["isBasedOn"], data["license"]) == (WN_URL, CC_BY_25)
    no_link = _rec("y", site_name="Z", licence="All rights reserved")
    assert jsonld.article(no_link, corpus.build([no_link]))["license"] == "All rights reserved"
    assert "license" not in jsonld.article(_rec("z"), corpus.build([_rec("z")]))


def test_hostile_table_text_is_shown_as_text() -> None:
    hostile = """\
sources:
  - seed: talks
    url: https://example.com/story
    name: "News <img src=x onerror=alert(1)> [x](javascript:alert(2))"
    author: "**Jo** {: onclick=alert(3) }"
    licence: "<b>CC</b> BY"
    licence_url: https://example.com/licence
"""
    r, _ = sources.apply(_rec("talks"), sources.parse(hostile, "s.yml"))
    html = _meta_html(r)
    tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    class Tags(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            tags.append((tag, attrs))

    Tags().feed(html)
    assert {t for t, _ in tags} == {"p", "time", "a"}  # no <img>, <b> or <strong> made
    assert {name for _, attrs in tags for name, _ in attrs} == {"class", "datetime", "href", "rel"}
    assert [v for t, attrs in tags if t == "a" for k, v in attrs if k == "href"] == [
        "https://example.com/story",
        "https://example.com/licence",
        "../records/talks.json",
    ]
    # every word is on the page, as the text it is
    assert "News &#60;img src=x onerror=alert(1)&#62; &#91;x&#93;(javascript:alert(2))" in html
    assert "&#42;&#42;Jo&#42;&#42; &#123;: onclick=alert(3) &#125;" in html


def test_a_script_address_that_reaches_a_record_is_not_linked() -> None:
    # The table refuses such addresses; a record could still carry one from elsewhere.
    r = _rec("talks", site_name="News", licence="CC BY 2.5", licence_url="javascript:alert(1)")
    html = _meta_html(r)
    assert "Text: CC BY 2.5" in html and 'href="javascript' not in html


def test_check_reports_a_bad_table_with_its_line(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from generator.cli import main

    (project / "seeds" / "talks.txt").write_text("Talks resumed in Geneva on Monday.\n")
    data = project / "content" / "_data"
    data.mkdir()
    (data / "sources.yml").write_text("sources:\n  - seed: talks\n    url: 'javascript:x'\n")
    assert main(["check", "--project", str(project)]) == 1
    assert "content/_data/sources.yml:2: 'url' must be a plain http:// or https://" in capsys.readouterr().err
    (data / "sources.yml").write_text("sources:\n  - seed: talkz\n    name: Example Wire\n")
    # A warning too is a problem to check, whose whole job is finding them (issue 17).
    assert main(["check", "--project", str(project)]) == 1
    assert "warning: content/_data/sources.yml:2: no seed named 'talkz'" in capsys.readouterr().err


def test_the_audit_table_from_a_manifest_credits_every_known_article(tmp_path: Path) -> None:
    from generator import audit, render

    manifest = tmp_path / "manifest.tsv"
    manifest.write_text(
        "file\tsource\tdate\twords\ttitle\torigin\tlicense\n"
        f"{WN_SEED}.txt\twikinews\t2019-01-04\t417\tT\t{WN_URL}\tCC BY 2.5 (Wikinews contributors)\n"
        "bbc-x.txt\tbbc-politics\t\t100\tT\tbbc/politics/001.txt\tPublisher copyright; research use\n",
        encoding="utf-8",
    )
    text, known = audit.sources_table(manifest)
    assert known == {WN_SEED: True, "bbc-x": True}
    table = sources.parse(text, "content/_data/sources.yml")
    assert table.by_host["en.wikinews.org"].licence_url == CC_BY_25
    assert table.by_seed["bbc-x"].name == "BBC News" and table.by_seed["bbc-x"].url is None
    recs = (_rec(WN_SEED), _rec("bbc-x"), _rec("unlisted"))
    before = render.render_site(recs)
    assert audit.uncredited(recs, before, known) == ["bbc-x", WN_SEED]
    credited = sources.apply_all(recs, table)
    assert audit.uncredited(credited, render.render_site(credited), known) == []


def test_a_site_sized_table_is_read_past_the_front_matter_limit() -> None:
    from generator.frontmatter import MAX_YAML_BYTES

    entry = "  - seed: seed-{i:04d}\n    url: https://example.com/news/2019/01/04/article-number-{i:04d}\n"
    text = "sources:\n" + "".join(entry.format(i=i) for i in range(1000))
    assert MAX_YAML_BYTES < len(text) < sources.MAX_TABLE_BYTES
    assert len(sources.parse(text, "s.yml").by_seed) == 1000
    with pytest.raises(SeedError, match="YAML too large"):
        sources.parse("#" * (sources.MAX_TABLE_BYTES + 1), "s.yml")


def test_generate_credits_a_txt_seed_and_follows_an_edited_table(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    from generator.cli import main

    (project / "seeds" / "talks.txt").write_text("Talks resumed in Geneva on Monday, officials said.\n")
    data = project / "content" / "_data"
    data.mkdir()
    table = data / "sources.yml"
    table.write_text(f"sources:\n  - seed: talks\n    url: {WN_URL}\nhosts:\n" + TABLE.split("hosts:\n")[1])
    assert main(["generate", "--project", str(project)]) == 0, capsys.readouterr().err
    (page,) = [p for p in (project / "content" / "explainers").glob("*.md") if p.name != "index.md"]
    assert "Text: Wikinews contributors" in page.read_text() and f'href="{WN_URL}"' in page.read_text()
    (record_file,) = (project / "content" / "records").glob("*.json")
    assert json.loads(record_file.read_text())["source"]["url"] == WN_URL
    table.write_text("sources:\n  - seed: talks\n    name: Example Wire\n")
    assert main(["generate", "--project", str(project)]) == 0
    text = page.read_text()
    assert "Source: Example Wire" in text and "Text:" not in text
