"""A curation action named the way a reader names things, checked against the corpus.

The app and the CLI say "merge Kerry into John Kerry"; this module finds the
entities those names stand for in the registry (any alias, any case), refuses
what cannot be done with a reason and suggestions, and hands the edit to the
`Curator` (store.curation_edit), which writes `aliases.yaml`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from store.curation_edit import CurationChange, CurationError, Curator
from store.hits import UnknownEntity
from store.index.registry import EntityGroup, EntityRegistry
from store.index.schema import SEP

ACTIONS = ("rename", "retype", "merge", "split", "drop", "undo")


def run_action(
    registry: EntityRegistry,
    reader: Any,
    curator: Curator,
    articles_dir: Path,
    action: str,
    name: str | None = None,
    value: str | None = None,
    entity_type: str | None = None,
) -> CurationChange:
    """Do one curation action; raises CurationError or UnknownEntity with what is wrong."""
    if action == "undo":
        return curator.undo()
    if action not in ACTIONS:
        raise CurationError(f"unknown action {action!r}; use one of {', '.join(ACTIONS)}")
    if not name:
        raise CurationError(f"{action} needs the name of an entity")
    group = find(registry, name, entity_type)
    if action == "drop":
        return curator.drop(group.name)
    if not value or not value.strip():
        wanted = {"rename": "a new name", "retype": "a type", "merge": "the entity to merge into",
                  "split": "the alias to split off"}[action]  # fmt: skip
        raise CurationError(f"{action} {group.name}: give {wanted}")
    value = value.strip()
    if action == "rename":
        return curator.rename(group.name, value)
    if action == "retype":
        return curator.retype(group.name, value)
    if action == "merge":
        target = find(registry, value, None)
        if target is group:
            raise CurationError(f"{value!r} is {group.name} already")
        change = curator.rename(group.name, target.name, action="merge")
        if target.type != group.type and target.type:
            change.type = target.type
        return change
    alias = next((a for a in group.aliases if a.casefold() == value.casefold()), None)
    if alias is None:
        others = ", ".join(sorted(a for a in group.aliases if a != group.name)) or "none"
        raise CurationError(f"{value!r} is not a name of {group.name} (its aliases: {others})")
    return curator.split(group.name, alias, _articles_with(reader, group, alias, articles_dir))


def find(registry: EntityRegistry, name: str, entity_type: str | None) -> EntityGroup:
    """The entity a name stands for: its own name first, else the most-mentioned with that alias."""
    groups = registry.lookup(name, entity_type)
    exact = [g for g in groups if g.name.casefold() == name.strip().casefold()]
    if exact or groups:
        return (exact or groups)[0]
    raise UnknownEntity(name, registry.suggestions(name))


def _articles_with(reader: Any, group: EntityGroup, alias: str, articles_dir: Path) -> list[Path]:
    """Article files in which `alias` is a form of one of the group's entity terms."""
    found: set[str] = set()
    for key in group.keys:
        term = f"{key}{SEP}{alias}"
        if ("alias", term) not in reader:
            continue
        postings = reader.postings("alias", term)
        for docnum in postings.all_ids():
            fields = reader.stored_fields(docnum)
            if fields.get("article_id"):
                found.add(fields["article_id"])
    return [articles_dir / f"{article_id}.yaml" for article_id in sorted(found)]
