"""Where an explainer project's folders are, found from the working directory as mkdocs does."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .errors import ExplainerError


@dataclass(frozen=True)
class Project:
    root: Path

    @property
    def seeds(self) -> Path:
        return self.root / "seeds"

    @property
    def content(self) -> Path:
        return self.root / "content"

    @property
    def mkdocs_yml(self) -> Path:
        return self.root / "mkdocs.yml"

    @property
    def cache(self) -> Path:
        return self.root / ".cache" / "explainer"

    @property
    def site(self) -> Path:
        return self.root / "site"


def find(start: Path | None = None, explicit: Path | None = None) -> Project:
    """The project at --project, else the nearest folder upwards with mkdocs.yml or seeds/."""
    if explicit is not None:
        root = explicit.resolve()
        if not root.is_dir():
            raise ExplainerError(f"{explicit}: no such folder")
        return Project(root)
    here = (start or Path.cwd()).resolve()
    for cand in (here, *here.parents):
        if (cand / "mkdocs.yml").is_file() or (cand / "seeds").is_dir():
            return Project(cand)
    raise ExplainerError(
        f"{here}: not an explainer project (no mkdocs.yml or seeds/ here or above); use --project DIR"
    )
