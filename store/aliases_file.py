"""Reading and writing `aliases.yaml` as text, so that a change touches only its entry.

A curation action rewrites the lines of the entries it changes and appends new
ones at the end; every other line, comments included, stays as the user wrote it.
That keeps the file readable and a `git diff` of it one entry long.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import yaml

from store.yamlio.dump import Flow, dump_yaml
from store.yamlio.load import ArticleLoader

if TYPE_CHECKING:
    from store.aliases import AliasEntry

HEADER = """\
# newsdesk: names to merge, rename, retype, split or drop (see README: aliases.yaml).
#   Canonical Name: [Variant, Other Variant]     merge the variants into the canonical name
#   Canonical Name: {type: ORG}                  its type everywhere
#   Canonical Name: {split: [Name]}              Name is not this entity: it stands alone
#   Name: {drop: true}                           not an entity
# `newsdesk entity ...` and the app's curation keys edit this file; hand edits are welcome.
"""


def entry_lines(text: str) -> dict[str, tuple[int, int]]:
    """Top-level key -> (first line, last line), 1-based, of each entry of the file."""
    node = yaml.compose(text, Loader=ArticleLoader)  # noqa: S506 - the safe loader of yamlio
    found: dict[str, tuple[int, int]] = {}
    if not isinstance(node, yaml.MappingNode):
        return found
    for key_node, value_node in node.value:
        end = value_node.end_mark
        last = end.line if end.column > 0 else end.line - 1  # end mark sits after the value
        found[str(key_node.value)] = (
            key_node.start_mark.line + 1,
            max(last + 1, key_node.start_mark.line + 1),
        )
    return found


def render_entry(entry: AliasEntry) -> str:
    """One entry as YAML lines: the list form when that says it all, else a mapping."""
    if entry.is_list_form():
        document: dict[str, Any] = {entry.name: Flow(entry.aliases)}
    else:
        body: dict[str, Any] = {}
        if entry.aliases:
            body["aliases"] = Flow(entry.aliases)
        if entry.type:
            body["type"] = entry.type
        if entry.split:
            body["split"] = Flow(entry.split)
        if entry.drop:
            body["drop"] = True
        document = {entry.name: body}
    return dump_yaml(document)


def updated_text(old_text: str | None, entries: list[AliasEntry], changed: set[str]) -> str:
    """The file's new text: the entries named in `changed` rewritten (or removed, when
    they are no longer in `entries` or are empty), new entries appended, the rest kept."""
    if not old_text or not old_text.strip():
        lines: list[str] = HEADER.splitlines(keepends=True)
        for entry in entries:
            if not entry.is_empty():
                lines.append(render_entry(entry))
        return "".join(lines)
    by_name = {entry.name: entry for entry in entries}
    regions = entry_lines(old_text)
    lines = old_text.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    replacements: dict[int, tuple[int, str]] = {}
    for name, (first, last) in regions.items():
        if name not in changed:
            continue
        kept = by_name.get(name)
        replacements[first - 1] = (last, "" if kept is None or kept.is_empty() else render_entry(kept))
    out: list[str] = []
    index = 0
    while index < len(lines):
        if index in replacements:
            last, text = replacements[index]
            out.append(text)
            index = last
            continue
        out.append(lines[index])
        index += 1
    for entry in entries:
        if entry.name not in regions and entry.name in changed and not entry.is_empty():
            out.append(render_entry(entry))
    return "".join(out)
