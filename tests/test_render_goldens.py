"""Golden tests of every page type: each file in tests/goldens/ holds the input records,
the page to render and the expected text (the mkdocs-gen-files pattern).

Refresh after an intended change with `UPDATE_GOLDENS=1 pytest tests/test_render_goldens.py`
and read the diff before committing it.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator import record_json
from generator.render import render_site

GOLDENS = Path(__file__).parent / "goldens"
UPDATE = os.environ.get("UPDATE_GOLDENS") == "1"


class _Dumper(yaml.SafeDumper):
    pass


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    # Multi-line text as a literal block, so a golden diff reads like the page.
    style = "|" if "\n" in value and not any(c in value for c in "\t\r") and not value.endswith(" ") else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)


def _load(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return data


@pytest.mark.parametrize("path", sorted(GOLDENS.glob("*.yml")), ids=lambda p: p.stem)
def test_page_matches_golden(path: Path) -> None:
    case = _load(path)
    records = [record_json.from_dict(d) for d in case["input"]]
    pages = render_site(records, case.get("site_title", "Explainers"))
    got = pages[case["page"]]
    if UPDATE:
        case["expected"] = got
        path.write_text(
            yaml.dump(case, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=1000), encoding="utf-8"
        )
    assert got == case["expected"]


def test_there_is_a_golden_for_every_page_type() -> None:
    pages = {_load(p)["page"] for p in GOLDENS.glob("*.yml")}
    kinds = {p.split("/")[0] if "/" in p else p for p in pages}
    assert {
        "explainers",
        "stories",
        "people",
        "organisations",
        "places",
        "events",
        "issues",
        "timeline.md",
        "quotes.md",
        "connections.md",
        "index.md",
        "how-this-site-is-made.md",
        "feeds",
        "pictures",
    } <= kinds
