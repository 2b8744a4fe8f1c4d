"""The built site in a real browser: headless Chromium (Debian's `chromium`) driven by
Playwright, served on 127.0.0.1. Home -> explainer -> speaker's person page, search,
timeline; no console errors; no serious or critical axe-core violations.

Skips with the reason where Chromium or Playwright is not installed
(`apt-get install chromium`; `pip install playwright axe-playwright-python`).
Screenshots go to test-artifacts/ (gitignored).
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from generator.cli import main

from .conftest import ROOT

CHROMIUM = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)
ARTIFACTS = ROOT / "test-artifacts"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(CHROMIUM is None, reason="no Chromium installed (apt-get install chromium)"),
]


@pytest.fixture(scope="module")
def site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    pytest.importorskip("playwright", reason="Playwright for Python is not installed")
    project = tmp_path_factory.mktemp("browser-site")
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(ROOT / "theme", project / "theme")
    (project / "generator").mkdir()
    shutil.copy(ROOT / "generator" / "mkdocs_hook.py", project / "generator" / "mkdocs_hook.py")
    (project / "seeds").mkdir()
    shutil.copy(ROOT / "seeds" / "000_6ed2d288da95c682.txt", project / "seeds")
    assert main(["build", "--quiet", "--no-cache", "--project", str(project)]) == 0
    with served(project / "site") as url:
        yield url


@contextlib.contextmanager
def served(site: Path) -> Iterator[str]:
    """A built site served on 127.0.0.1 (a free port) for as long as the block runs."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


def _serious(page: Any) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return [
        f"{v['id']} ({v['impact']}): {v['help']}"
        for v in results.response["violations"]
        if v.get("impact") in {"serious", "critical"}
    ]


def test_reader_path_through_the_site(site_url: str) -> None:
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    errors: list[str] = []
    violations: dict[str, list[str]] = {}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.on("console", lambda m: errors.append(f"{page.url}: {m.text}") if m.type == "error" else None)
        page.on("requestfailed", lambda r: errors.append(f"failed: {r.url}"))
        page.on("response", lambda r: errors.append(f"{r.status}: {r.url}") if r.status >= 400 else None)
        page.on("pageerror", lambda e: errors.append(str(e)))

        page.goto(site_url)
        assert page.locator("h1").first.inner_text()
        violations["home"] = _serious(page)
        page.screenshot(path=str(ARTIFACTS / "home.png"))

        page.locator("article a[href*='explainers/']").first.click()
        page.wait_for_load_state()
        assert "/explainers/" in page.url
        assert page.locator("blockquote.quote").count() > 0
        violations["explainer"] = _serious(page)
        page.screenshot(path=str(ARTIFACTS / "explainer.png"))

        speaker = page.locator("blockquote.quote footer a[href*='people/']").first
        name = speaker.inner_text()
        speaker.click()
        page.wait_for_load_state()
        assert "/people/" in page.url
        assert page.locator("h1").first.inner_text() in {name, *page.locator("h1").all_inner_texts()}
        assert page.locator("blockquote.quote").count() > 0
        violations["person"] = _serious(page)
        page.screenshot(path=str(ARTIFACTS / "person.png"))

        # Material's search runs in a web worker over search/search_index.json.
        page.locator("input.md-search__input").click()
        page.locator("input.md-search__input").press_sequentially("Modi", delay=50)
        page.locator(".md-search-result__item").first.wait_for(timeout=15_000)
        assert page.locator(".md-search-result__item").count() > 0
        page.screenshot(path=str(ARTIFACTS / "search.png"))
        page.keyboard.press("Escape")

        page.goto(site_url + "timeline/")
        assert page.locator("main ol li time").count() > 0
        violations["timeline"] = _serious(page)
        page.screenshot(path=str(ARTIFACTS / "timeline.png"))
        browser.close()

    assert errors == [], "\n".join(errors)
    assert {k: v for k, v in violations.items() if v} == {}
