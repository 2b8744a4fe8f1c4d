"""User-facing errors: one line naming the file, the line where known, and the problem."""

from __future__ import annotations


class ExplainerError(Exception):
    """An error the user can fix; the CLI prints it without a traceback."""


class SeedError(ExplainerError):
    """A seed (or its overrides) cannot be used; the other seeds are still built."""

    def __init__(self, path: str, problem: str, line: int | None = None) -> None:
        self.path = path
        self.problem = problem
        self.line = line
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {problem}")
