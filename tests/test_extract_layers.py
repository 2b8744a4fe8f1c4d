"""extract/'s modules import one another without a cycle, and attribution sits above
the resolver: the resolver never asks a cue."""

from __future__ import annotations

import ast
from pathlib import Path

EXTRACT = Path(__file__).resolve().parent.parent / "generator" / "extract"


def _module(path: Path) -> str:
    rel = path.relative_to(EXTRACT).with_suffix("")
    parts = [p for p in rel.parts if p != "__init__"]
    return ".".join(parts) or "__init__"


def _imports(path: Path) -> set[str]:
    """extract/ modules this file imports at run time (not under TYPE_CHECKING)."""
    here = [] if path == EXTRACT / "__init__.py" else _module(path).split(".")
    package = here if path.name == "__init__.py" else here[:-1]
    found: set[str] = set()
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in tree.body:  # top level only: a function-level import runs late
        if not isinstance(node, ast.ImportFrom) or node.level == 0:
            continue
        base = package[: len(package) - (node.level - 1)] if node.level > 1 else package
        if node.level - 1 > len(package):
            continue  # above extract/
        target = [*base, *(node.module.split(".") if node.module else [])]
        names = [target] if node.module else [[*base, a.name] for a in node.names]
        for t in names:
            name = ".".join(t)
            if (EXTRACT / Path(*t)).with_suffix(".py").exists() or (
                EXTRACT / Path(*t) / "__init__.py"
            ).exists():
                found.add(name)
    return found


def _graph() -> dict[str, set[str]]:
    return {_module(p): _imports(p) for p in EXTRACT.rglob("*.py")}


def test_extract_has_no_import_cycle() -> None:
    graph = _graph()
    done: set[str] = set()

    def visit(node: str, path: list[str]) -> None:
        assert node not in path, " -> ".join([*path, node])
        if node in done:
            return
        for nxt in sorted(graph.get(node, ())):
            visit(nxt, [*path, node])
        done.add(node)

    for node in sorted(graph):
        visit(node, [])


def test_the_resolver_and_mentions_never_import_attribution() -> None:
    graph = _graph()
    assert "attribution.cues" in graph and "resolve" in graph  # the modules this is about exist
    for low in ("resolve", "mentions"):
        assert not {m for m in graph[low] if m.startswith("attribution")}, graph[low]
