from pathlib import Path

import pytest

from generator.site_config import site_title, site_url


def test_site_url_follows_mkdocs_env_tag(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cfg = tmp_path / "mkdocs.yml"
    cfg.write_text('site_name: Desk\nsite_url: !ENV [SITE_URL, "https://example.org/x/"]\n')
    monkeypatch.delenv("SITE_URL", raising=False)
    assert site_url(cfg) == "https://example.org/x/"
    monkeypatch.setenv("SITE_URL", "https://me.github.io/repo/")
    assert site_url(cfg) == "https://me.github.io/repo/"
    assert site_title(cfg) == "Desk"


def test_missing_or_broken_config_gives_defaults(tmp_path: Path) -> None:
    assert site_title(tmp_path / "none.yml") == "Explainers"
    bad = tmp_path / "bad.yml"
    bad.write_text("site_name: [unclosed\n")
    assert site_url(bad) == ""
