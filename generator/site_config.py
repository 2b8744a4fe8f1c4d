"""The few settings the generator reads from mkdocs.yml."""

from __future__ import annotations

from pathlib import Path

import yaml


class _Loader(yaml.SafeLoader):
    """mkdocs.yml may carry !ENV and !!python/name tags; read past them."""


_Loader.add_multi_constructor("", lambda loader, suffix, node: None)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def site_title(mkdocs_yml: Path) -> str:
    try:
        data = yaml.load(mkdocs_yml.read_text(encoding="utf-8"), Loader=_Loader)
    except (OSError, yaml.YAMLError):
        return "Explainers"
    name = data.get("site_name") if isinstance(data, dict) else None
    return str(name) if name else "Explainers"
