"""The user's alias table, `data/aliases.yaml`: merge variants of one entity.

    # canonical name: [variants that mean the same]
    Sarah Huckabee Sanders: [Sarah Sanders, Huckabee Sanders]
    United States: [USA]

Applied at import (extraction names entities by it) and at index time (so an
edit takes effect without re-extracting).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from store.errors import ArticleFileError, Problem
from store.yamlio import load_yaml_file

ALIASES_FILE = "aliases.yaml"


@dataclass
class AliasTable:
    """Variant name -> canonical name (case-insensitive on the variant)."""

    canonical_of: dict[str, str] = field(default_factory=dict)
    """Lower-cased variant -> canonical name as the user wrote it."""

    def canonical(self, name: str) -> str:
        """The canonical name for `name` (itself when the table does not know it)."""
        return self.canonical_of.get(name.casefold(), name)

    def variants(self, canonical: str) -> list[str]:
        """Every variant the table maps to `canonical`."""
        return [v for v, c in self.canonical_of.items() if c == canonical]


def load_aliases(data_dir: Path) -> tuple[AliasTable, list[Problem]]:
    """Read `aliases.yaml` from the store; a missing file is an empty table."""
    path = data_dir / ALIASES_FILE
    if not path.exists():
        return AliasTable(), []
    try:
        document = load_yaml_file(path)
    except ArticleFileError as exc:
        return AliasTable(), exc.problems
    if document is None:
        return AliasTable(), []
    if not isinstance(document, dict):
        message = "aliases.yaml must map a canonical name to a list of variants"
        return AliasTable(), [Problem(path, 1, message)]
    table = AliasTable()
    problems = []
    for canonical, variants in document.items():
        if not isinstance(canonical, str):
            problems.append(Problem(path, None, f"{canonical!r}: a canonical name must be text"))
            continue
        if isinstance(variants, str):
            variants = [variants]
        if not isinstance(variants, list) or not all(isinstance(v, str) for v in variants):
            problems.append(Problem(path, None, f"{canonical}: variants must be a list of names"))
            continue
        for variant in variants:
            table.canonical_of[variant.casefold()] = canonical
    return table, problems
