"""Paragraph numbers as people read them, the same in the TUI, the CLI and every JSON.

Inside the store, a paragraph is an index into the article's `paragraphs` (0-based;
-1 the headline, -2 the standfirst): the YAML files and the index keep it so. Whatever
is shown or printed numbers paragraphs from 1, as the article view does: ¶1 is the first
paragraph. In JSON, `paragraph` is that number, and null for the headline and the
standfirst (the record's `kind` says which).
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

HEADLINE = -1
STANDFIRST = -2


def paragraph_number(paragraph: int) -> int | None:
    """The number ¶N shows for a stored paragraph index; None for the headline and standfirst."""
    return paragraph + 1 if paragraph >= 0 else None


def place(paragraph: int) -> str:
    """`¶4`, `headline` or `standfirst`."""
    if paragraph == HEADLINE:
        return "headline"
    if paragraph == STANDFIRST:
        return "standfirst"
    return f"¶{paragraph + 1}"


def _numbered(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    return {
        key: paragraph_number(value) if key == "paragraph" and isinstance(value, int) else value
        for key, value in pairs
    }


def json_document(record: Any) -> dict[str, Any]:
    """A record (and the records inside it) as a JSON-ready dictionary, with every
    `paragraph` numbered as it is shown (spans stay tuples: JSON writes them as arrays)."""
    return asdict(record, dict_factory=_numbered)
