"""The few settings the generator reads from mkdocs.yml."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import yaml


class _Loader(yaml.SafeLoader):
    """mkdocs.yml may carry !ENV and !!python/name tags; read past them."""


def _env(loader: yaml.SafeLoader, node: yaml.Node) -> str | None:
    """MkDocs' `!ENV [NAME, default]` (or `!ENV NAME`): the variable, else the default."""
    if isinstance(node, yaml.SequenceNode):
        items = [str(loader.construct_scalar(n)) for n in node.value if isinstance(n, yaml.ScalarNode)]
    else:
        items = [str(loader.construct_scalar(node))] if isinstance(node, yaml.ScalarNode) else []
    for name in items[:-1] if len(items) > 1 else items:
        if os.environ.get(name):
            return os.environ[name]
    return items[-1] if len(items) > 1 else None


_Loader.add_constructor("!ENV", _env)
_Loader.add_multi_constructor("", lambda loader, suffix, node: None)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def _load(mkdocs_yml: Path) -> dict[str, Any]:
    try:
        data = yaml.load(mkdocs_yml.read_text(encoding="utf-8"), Loader=_Loader)  # _Loader is a SafeLoader
    except (OSError, yaml.YAMLError):
        return {}
    return data if isinstance(data, dict) else {}


def site_title(mkdocs_yml: Path) -> str:
    return read(mkdocs_yml)[0]


def site_url(mkdocs_yml: Path) -> str:
    """The published address (feeds need absolute links); empty when not set."""
    return read(mkdocs_yml)[1]


def read(mkdocs_yml: Path) -> tuple[str, str]:
    """(site title, site url), reading mkdocs.yml once."""
    data = _load(mkdocs_yml)
    return str(data.get("site_name") or "Explainers"), str(data.get("site_url") or "")
