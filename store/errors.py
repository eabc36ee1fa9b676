"""Errors the store raises and the problems it reports.

The store never prints: it raises these, or returns `Problem` records for the
caller (CLI or TUI) to show.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    """Something wrong with one file, located as precisely as we can."""

    path: Path
    """The file with the problem."""
    line: int | None
    """1-based line number, when the problem has one."""
    message: str
    """What is wrong and, where it helps, what to do about it."""

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else f"{self.path}"
        return f"{where}: {self.message}"


class StoreError(Exception):
    """Base class for errors raised by `store`."""


class ArticleFileError(StoreError):
    """A YAML article file that cannot be read as an article."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("; ".join(str(p) for p in problems))


class ImportFailed(StoreError):
    """An input file (or one record of it) that cannot be imported."""

    def __init__(self, path: Path, message: str, line: int | None = None) -> None:
        self.problem = Problem(path, line, message)
        super().__init__(str(self.problem))
