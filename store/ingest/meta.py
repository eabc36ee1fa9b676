"""An import record's further fields (`id`, `category`, `author`, `tags`, ...), kept
as the article's `meta`: nothing a JSON Lines record or a manifest line gives is dropped."""

from __future__ import annotations

import json
import re
from typing import Any

RESERVED = ("quote", "speaker", "entity", "kind", "meta", "paragraph", "paragraphs")
"""Field names of the query language or the YAML: kept in `meta` as `<name>_field`."""
META_LIST_MAX = 200
"""Items of one list kept in `meta` (tags, topics); the rest is cut, with a warning."""


def meta_key(name: str) -> str | None:
    """A record's field name as a `meta` key: lower case, `_` for anything else
    (`Content-Type` -> `content_type`); None when nothing is left of it."""
    key = re.sub(r"[^a-z0-9]+", "_", name.casefold()).strip("_")[:40].rstrip("_")
    if not key:
        return None
    if not key[0].isalpha():
        key = f"f_{key}"[:40]
    return f"{key}_field"[:40] if key in RESERVED else key


def record_meta(
    record: dict[str, Any], fields: tuple[str, ...], warnings: list[str]
) -> dict[str, str | list[str]]:
    """Every field of a record beyond the article's own `fields`, as text or lists of
    text: numbers and booleans as written in JSON, a nested object as its JSON text."""
    meta: dict[str, str | list[str]] = {}
    for name, value in record.items():
        if name in fields or value is None or value == "" or value == []:
            continue
        key = meta_key(name)
        if key is None or key in meta:
            warnings.append(f"field {name!r} not kept: its name is empty or the same as another field's")
            continue
        if isinstance(value, list):
            items = [_meta_text(item) for item in value if item is not None and item != ""]
            if len(items) > META_LIST_MAX:
                warnings.append(f"field {name!r}: only the first {META_LIST_MAX} of {len(items)} items kept")
                items = items[:META_LIST_MAX]
            meta[key] = items
        else:
            meta[key] = _meta_text(value)
    return meta


def _meta_text(value: object) -> str:
    if isinstance(value, str):
        return " ".join(value.split())
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
