"""Nothing an editor or an article puts into a seed runs as script in the published site.

One project is built with a script payload in every field that reaches a page: the
title line, body and post signature of a .txt seed; the front matter of a .md seed
(title, tags, source name and address, author, slug); the title, og:site_name and
saved-from comment of an .html seed; a sidecar (source, a speaker override, an added
event, the editor's notes on three corrections); content/_data/people.yml (name,
alias, role); content/_data/sources.yml (source name, author, licence); an editor's
note. Every page of the built site is
loaded in headless Chromium and every payload word searched for in Material's search
box. A payload that runs sets `data-<its id>` on <html>; the test also fails on any
`javascript:` address and on any event-handler attribute.

Skips where Chromium or Playwright is missing (see tests/test_browser.py).
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from generator.cli import main

from .conftest import make_project
from .test_browser import ARGS, CHROMIUM, served

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(CHROMIUM is None, reason="no Chromium installed (apt-get install chromium)"),
]


def _mark(pid: str) -> str:
    """The script a payload runs: it leaves `data-<pid>` on the root element."""
    return f"document.documentElement.dataset.{pid}=1"


def img(pid: str) -> str:
    return f"{pid} <img src=x onerror={_mark(pid)}>"


def title_break(pid: str) -> str:
    return f"{pid} </title><script>{_mark(pid)}</script> out"


def svg(pid: str) -> str:
    return f"{pid} </title><svg onload={_mark(pid)}>"


def attr_list(pid: str) -> str:
    return f'{pid} ![a](data:x){{: onerror="{_mark(pid)}" }}'


def js_link(pid: str) -> str:
    return f"{pid} [x](javascript:{_mark(pid)})"


def href_break(pid: str) -> str:
    """An address that is http(s) but leaves its href="..." if written unescaped."""
    return f'https://example.com/{pid}"onmouseover="{_mark(pid)}"x=".html'


TXT = f"""{title_break("pwtxttitle")}

WASHINGTON — President Donald Trump met Prime Minister Narendra Modi on Monday, the United Nations said.

The draft showed {img("pwtxtbody")}, {js_link("pwtxtlink")} and {attr_list("pwtxtattr")}.

The two governments remain divided over tariffs on steel {img("pwpoint")}.

Trump said, "I will always be friends with Modi, and the United Nations agrees."

Modi answered on social media within the hour.
We deeply appreciate the kind words of our friends @POTUS https://t.co/abc
— Jo {svg("pwsig")} Smith (@jsmith) September 6, 2025

The two leaders are scheduled to meet again in Kuala Lumpur on October 26, 2025, officials said.
"""

MD = f"""---
title: "{img("pwmdtitle")}"
published: 2025-09-08
source: {{url: '{href_break("pwmdurl")}', name: '{attr_list("pwmdsource")}'}}
author: "{img("pwmdauthor")}"
slug: "pwmdslug <img src=x onerror={_mark("pwmdslug")}>"
tags: ["{img("pwtag1")}", "{title_break("pwtag2")}"]
---
Senator Maria Lopez told reporters in Madrid on Tuesday that the European Commission would review it.

"We will not accept these tariffs," Lopez said.

The European Union and Washington remain divided over tariffs on cars.

The commission is expected to publish its decision on November 3, 2025.
"""

HTML = f"""<!-- saved from url=(0060){href_break("pwsaved")} -->
<!doctype html>
<html><head>
<title>{img("pwhtmltitle")} | Daily Example</title>
<meta property="og:site_name" content="{img("pwogsite").replace('"', "&quot;")}">
<meta property="og:title" content="{img("pwhtmltitle").replace('"', "&quot;")}">
<meta name="date" content="2025-09-10">
</head><body><article>
<h1>{img("pwhtmltitle").replace("<", "&lt;")}</h1>
<p>Minister Paul Grant said in Berlin on Wednesday that the government would raise its school budget.</p>
<p>"We have waited long enough for this money," Grant said at a news conference in Berlin.</p>
<p>The parliament will vote on the plan on December 4, 2025, according to the ministry.</p>
</article></body></html>
"""

# The `move:` rules make the tariff sentences sticking points, so an issue page is built.
SIDECAR_TXT = f"""source: '{js_link("pwsidesource")}'
move:
  - match: "remain divided over tariffs on steel"
    to: sticking_points
"""

SIDECAR = f"""move:
  - match: "remain divided over tariffs on cars"
    to: sticking_points
    note: "{img("pwnotemove")}"
quotes:
  - match: "We will not accept these tariffs"
    speaker: "{img("pwspeaker")}"
    note: '{attr_list("pwnotequote")}'
add:
  - section: next
    title: "{title_break("pwaddtitle")}"
    date: 2025-12-01
    place: Madrid
    note: "{title_break("pwnoteadd")}"
"""

PEOPLE = f"""people:
  - name: "Narendra {img("pwpeoplename")} Modi"
    aliases: ["Narendra Modi", "{svg("pwpeoplealias")}"]
    roles: ["{img("pwpeoplerole")}"]
"""

# The editor's sources table credits a .txt seed that names no source itself.
DELTA = """Minister Ana Ruiz said in Lisbon on Thursday that the government would publish its plan.

"The plan is ready," Ruiz said.
"""

SOURCES = f"""sources:
  - seed: delta.txt
    url: https://example.com/delta
    name: {json.dumps(img("pwsrcname"))}
    author: {json.dumps(attr_list("pwsrcauthor"))}
    licence: {json.dumps(svg("pwsrclicence"))}
    licence_url: https://example.com/licence
"""

# A second article of the Madrid story, so that a story page is built: its title and
# its first sentence (the one-line summary) carry payloads.
EPSILON = f"""---
title: "{img("pwepstitle")}"
published: 2025-09-12
---
Senator Maria Lopez said in Madrid on Friday that the European Commission had delayed
its review {img("pwepsbody")}.

"The review must be fair," Lopez said of the European Commission.
"""

NOTE = f"""Editor's check: {img("pwnote")} and {js_link("pwnotelink")}.
"""

# Every id a payload above carries; each is also a word to search for. The aliases are
# not shown on any page (only in the records), so they need not appear.
UNSHOWN = {"pwpeoplealias"}
IDS = [
    "pwtxttitle", "pwtxtbody", "pwpoint", "pwtxtlink", "pwtxtattr", "pwsig",
    "pwmdtitle", "pwmdurl", "pwmdsource", "pwmdauthor", "pwmdslug", "pwtag1", "pwtag2",
    "pwsaved", "pwhtmltitle", "pwogsite",
    "pwsidesource", "pwspeaker", "pwaddtitle", "pwnotemove", "pwnotequote", "pwnoteadd",
    "pwpeoplename", "pwpeoplealias", "pwpeoplerole",
    "pwnote", "pwnotelink", "pwepstitle", "pwepsbody",
    "pwsrcname", "pwsrcauthor", "pwsrclicence",
]  # fmt: skip

# One page of every kind the generator makes (folder prefix or exact page).
PAGE_KINDS = [
    "index.html", "explainers/index.html", "explainers/", "stories/index.html", "stories/",
    "people/", "organisations/", "places/", "events/", "issues/", "timeline/index.html",
    "quotes/index.html", "connections/index.html",
    "tags/index.html", "how-this-site-is-made/index.html", "corrections/index.html", "review/index.html",
]  # fmt: skip

# What the DOM shows after a page has loaded (and after a search): marks set by a
# payload, `javascript:` addresses, event-handler attributes.
_PROBE = """() => {
  const marks = Object.keys(document.documentElement.dataset).filter(k => k.startsWith('pw'));
  const js = [], handlers = [];
  for (const el of document.querySelectorAll('*')) {
    for (const a of el.attributes) {
      const v = a.value.trim().toLowerCase();
      if (a.name.startsWith('on')) handlers.push(el.tagName + ' ' + a.name + '=' + a.value.slice(0, 60));
      if (['href', 'src', 'action', 'formaction', 'xlink:href', 'data'].includes(a.name)
          && v.replace(/[\\s\\x00-\\x1f]/g, '').startsWith('javascript:'))
        js.push(el.tagName + ' ' + a.name + '=' + a.value.slice(0, 60));
    }
  }
  return {marks, js, handlers, title: document.title, titles: document.querySelectorAll('title').length};
}"""


_CLEAR = """() => { for (const k of Object.keys(document.documentElement.dataset))
  if (k.startsWith('pw')) delete document.documentElement.dataset[k]; }"""


@dataclass
class HostileSite:
    root: Path
    url: str
    build_status: int


def _write_project(project: Path) -> None:
    make_project(project)
    seeds = project / "seeds"
    (seeds / "alpha.txt").write_text(TXT, encoding="utf-8")
    (seeds / "beta.md").write_text(MD, encoding="utf-8")
    (seeds / "alpha.yml").write_text(SIDECAR_TXT, encoding="utf-8")
    (seeds / "beta.yml").write_text(SIDECAR, encoding="utf-8")
    (seeds / "gamma.html").write_text(HTML, encoding="utf-8")
    data = project / "content" / "_data"
    (data / "notes" / "explainers").mkdir(parents=True)
    (data / "people.yml").write_text(PEOPLE, encoding="utf-8")
    (seeds / "delta.txt").write_text(DELTA, encoding="utf-8")
    (seeds / "epsilon.md").write_text(EPSILON, encoding="utf-8")
    (data / "sources.yml").write_text(SOURCES, encoding="utf-8")
    # The note goes onto every explainer the build makes (whatever slug each gets).
    (data / "notes" / "index.md").write_text(NOTE, encoding="utf-8")
    (data / "notes" / "timeline.md").write_text(NOTE, encoding="utf-8")


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[HostileSite]:
    pytest.importorskip("playwright", reason="Playwright for Python is not installed")
    project = tmp_path_factory.mktemp("hostile-site")
    _write_project(project)
    status = main(["build", "--quiet", "--no-cache", "--project", str(project)])
    with served(project / "site") as url:
        yield HostileSite(project, url, status)


def _pages(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html") if p.name != "404.html")


def _is_kind(page: str, kind: str) -> bool:
    """`kind` is a page ("timeline/index.html") or a folder whose pages (not its index) count."""
    if kind.endswith("/"):
        return page.startswith(kind) and page != kind + "index.html"
    return page == kind


def test_the_hostile_project_builds_with_every_page_kind(hostile_site: HostileSite) -> None:
    site = hostile_site.root / "site"
    assert hostile_site.build_status == 0
    pages = _pages(site)
    missing = [k for k in PAGE_KINDS if not any(_is_kind(p, k) for p in pages)]
    assert missing == []
    # The payloads did reach the pages (else the test below would prove nothing).
    html = "".join((site / p).read_text(encoding="utf-8") for p in pages)
    assert [i for i in IDS if i not in html and i not in UNSHOWN] == []


def test_feeds_parse(hostile_site: HostileSite) -> None:
    site = hostile_site.root / "site"
    atom = ET.parse(site / "feeds" / "explainers.xml").getroot()
    assert atom.tag == "{http://www.w3.org/2005/Atom}feed"
    assert not [e.tag for e in atom.iter() if "xhtml" in e.tag or e.tag.endswith("script")]
    ics = (site / "feeds" / "upcoming.ics").read_text(encoding="utf-8").splitlines()
    assert ics[0] == "BEGIN:VCALENDAR" and ics[-1] == "END:VCALENDAR"


def test_search_index_carries_text_not_markup(hostile_site: HostileSite) -> None:
    index = json.loads((hostile_site.root / "site" / "search" / "search_index.json").read_text("utf-8"))
    # Material's search writes title, text and tags into the page as HTML.
    raw = [
        (d["location"], v)
        for d in index["docs"]
        for v in [d.get("title", ""), d.get("text", ""), *d.get("tags", [])]
        if "<img" in v or "<svg" in v or "<script" in v
    ]
    assert raw == [], "\n".join(f"{loc}: {v}" for loc, v in raw)


def test_no_payload_runs_on_any_page_or_in_search(hostile_site: HostileSite) -> None:
    from playwright.sync_api import sync_playwright

    site = hostile_site.root / "site"
    found: dict[str, Any] = {}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        # The pictures are opened as documents too: an SVG document runs script.
        pictures = sorted(p.relative_to(site).as_posix() for p in site.glob("pictures/*.svg"))
        assert pictures
        for rel in _pages(site) + pictures:
            page.goto(hostile_site.url + rel)
            page.wait_for_load_state("load")
            page.wait_for_timeout(50)
            seen = page.evaluate(_PROBE)
            bad = {k: v for k, v in seen.items() if v and k not in {"title", "titles"}}
            # A title that broke out of <title> ends early and leaves a second one behind.
            if rel.endswith(".html") and (seen["titles"] != 1 or not seen["title"].endswith("Explainers")):
                bad["title"] = seen["title"]
            if bad:
                found[rel] = bad

        # A word the index holds must come back as a result, or the search proved nothing.
        docs = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
        words = {w for d in docs for v in [d["title"], d["text"], *d.get("tags", [])] for w in v.split()}
        unanswered = []
        page.goto(hostile_site.url)
        for word in IDS:
            box = page.locator("input.md-search__input")
            box.click()
            box.fill("")
            page.wait_for_function("() => !document.querySelector('.md-search-result__item')")
            box.press_sequentially(word, delay=20)
            page.wait_for_function(
                "() => !document.querySelector('.md-search-result__meta')"
                "?.textContent.includes('Initializing')",
                timeout=15_000,
            )
            if word in words:
                try:
                    page.locator(".md-search-result__item").first.wait_for(timeout=10_000)
                except Exception:
                    unanswered.append(word)
            page.wait_for_timeout(300)  # results are written as HTML once the worker answers
            seen = page.evaluate(_PROBE)
            bad = {k: v for k, v in seen.items() if v and k not in {"title", "titles"}}
            if bad:
                found[f"search {word}"] = bad
            page.evaluate(_CLEAR)
            page.keyboard.press("Escape")
        browser.close()
    assert found == {}, json.dumps(found, indent=1)
    assert unanswered == []
