"""Publishing: the site works under a project sub-path, and `mkdocs gh-deploy` publishes it.

GitHub Pages serves a project site at https://<user>.github.io/<repo>/, so a
root-absolute link ("/assets/...") would point outside the site. gh-deploy is
exercised against a local bare repository: no network.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from generator.cli import main

from .conftest import ROOT
from .test_html import ARTICLE_PAGE

SEED = ROOT / "seeds" / "000_6ed2d288da95c682.txt"
SOURCE_LINK = 'href="https://courier.example.org/world/norland-sudria-tariff-talks"'
# href/src/action values that start with one slash: relative to the host, not the site.
ROOT_ABSOLUTE = re.compile(r"""\b(?:href|src|action)\s*=\s*["']?(/(?!/)[^"'\s>]*)""", re.IGNORECASE)


@pytest.fixture
def seeded(project: Path) -> Path:
    """A project with a text seed and a web-page seed."""
    shutil.copy(SEED, project / "seeds" / SEED.name)
    (project / "seeds" / "talks.html").write_text(ARTICLE_PAGE, encoding="utf-8")
    return project


def _root_absolute_links(site: Path) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for page in sorted(site.rglob("*.html")):
        links = ROOT_ABSOLUTE.findall(page.read_text(encoding="utf-8"))
        if links:
            found[page.relative_to(site).as_posix()] = links
    return found


@pytest.mark.slow
def test_pages_use_no_root_absolute_links_and_the_404_page_follows_site_url(
    seeded: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(seeded)
    monkeypatch.delenv("SITE_URL", raising=False)
    assert main(["build", "--quiet", "--no-cache"]) == 0
    site = seeded / "site"
    assert len(list((site / "explainers").glob("*/index.html"))) == 2
    # Every page but 404.html links relatively, so it works at any sub-path as it is.
    assert set(_root_absolute_links(site)) <= {"404.html"}

    # The 404 page is served at any depth, so MkDocs roots its links at site_url's path.
    monkeypatch.setenv("SITE_URL", "https://alice.github.io/world-explainers/")
    assert main(["build", "--quiet"]) == 0
    links = _root_absolute_links(site)
    assert set(links) == {"404.html"}
    assert all(link.startswith("/world-explainers/") for link in links["404.html"])
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>https://alice.github.io/world-explainers/explainers/</loc>" in sitemap
    # The Review page is published for editors but marked noindex: not offered to search engines.
    assert (site / "review" / "index.html").is_file()
    assert "/world-explainers/review/" not in sitemap
    assert "<loc>https://alice.github.io/world-explainers/corrections/</loc>" in sitemap


def test_site_url_is_read_from_the_environment_and_documented() -> None:
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert re.search(r"^site_url: !ENV \[SITE_URL, \"\"\]$", text, re.MULTILINE)
    assert "https://<user>.github.io/<repo>/" in text


def test_the_pages_workflow_builds_with_make_site_and_deploys_with_the_official_actions() -> None:
    wf = yaml.safe_load((ROOT / ".github" / "workflows" / "pages.yml").read_text(encoding="utf-8"))
    build, deploy = wf["jobs"]["build"], wf["jobs"]["deploy"]
    uses = [s.get("uses", "") for s in build["steps"]]
    assert any(u.startswith("actions/setup-python@") for u in uses)
    runs = [s for s in build["steps"] if s.get("run") == "make site"]
    assert runs and "SITE_URL" in runs[0]["env"]
    upload = next(s for s in build["steps"] if s.get("uses", "").startswith("actions/upload-pages-artifact@"))
    assert upload["with"]["path"] == "site"
    assert deploy["needs"] == "build"
    assert deploy["steps"][0]["uses"].startswith("actions/deploy-pages@")
    assert wf["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    # The workflow runs the README's command, which must exist in the Makefile.
    assert re.search(r"^site:", (ROOT / "Makefile").read_text(encoding="utf-8"), re.MULTILINE)


def _git(cwd: Path, env: dict[str, str], *args: str) -> str:
    done = subprocess.run(
        ["git", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=60, check=True
    )
    return done.stdout


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_gh_deploy_publishes_the_site_to_the_gh_pages_branch(seeded: Path, tmp_path: Path) -> None:
    env = {
        **os.environ,
        # An identity for the commits, and no user or system git configuration.
        "GIT_AUTHOR_NAME": "Test Editor",
        "GIT_AUTHOR_EMAIL": "editor@example.org",
        "GIT_COMMITTER_NAME": "Test Editor",
        "GIT_COMMITTER_EMAIL": "editor@example.org",
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
        # The MkDocs hook generates the pages; it imports this checkout's generator.
        "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
        "NO_MKDOCS_2_WARNING": "1",
    }
    env.pop("SITE_URL", None)
    env.pop("EXPLAINER_GENERATED", None)
    remote = tmp_path / "remote.git"
    _git(tmp_path, env, "init", "--quiet", "--bare", str(remote))
    _git(seeded, env, "init", "--quiet", "--initial-branch", "main")
    _git(seeded, env, "add", "--all")
    _git(seeded, env, "commit", "--quiet", "-m", "Seeds")
    _git(seeded, env, "remote", "add", "publish", str(remote))

    deployed = subprocess.run(
        [sys.executable, "-m", "mkdocs", "gh-deploy", "--strict", "--remote-name", "publish", "--force"],
        cwd=seeded,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert deployed.returncode == 0, deployed.stderr

    files = set(_git(remote, env, "ls-tree", "-r", "--name-only", "gh-pages").split("\n"))
    assert {"index.html", ".nojekyll", "404.html", "explainers/index.html"} <= files
    explainers = {f for f in files if re.fullmatch(r"explainers/[^/]+/index\.html", f)}
    assert len(explainers) == 2
    pages = {f: _git(remote, env, "show", f"gh-pages:{f}") for f in explainers}
    assert sum(SOURCE_LINK in html for html in pages.values()) == 1  # the web-page seed links its original
    assert "Norland and Sudria resume tariff talks" in _git(
        remote, env, "show", "gh-pages:explainers/index.html"
    )
