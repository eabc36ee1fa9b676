"""Apply the user's alias table to entities already extracted (index time, hand edits).

Extraction names entities by `data/aliases.yaml` already; this brings articles
extracted before an edit of the table in line without re-running the model:
an entity whose name or alias the table knows takes the canonical name, and two
entities of one article that end up with the same name and type become one.
"""

from __future__ import annotations

from store.aliases import AliasTable
from store.models import Entity, Mention


def canonical_name(entity: Entity, table: AliasTable) -> str:
    """The table's canonical name for the entity (its name first, then its aliases)."""
    for form in [entity.name, *entity.aliases]:
        if form.casefold() in table.canonical_of:
            return table.canonical(form)
    return entity.name


def apply_aliases(entities: list[Entity], table: AliasTable) -> list[Entity]:
    """The entities renamed by `table`, same (name, type) merged; input order kept.

    The entities passed in are not changed; merged mentions stay in reading order
    without duplicates.
    """
    merged: dict[tuple[str, str], Entity] = {}
    for entity in entities:
        name = canonical_name(entity, table)
        key = (name, entity.type)
        into = merged.get(key)
        if into is None:
            merged[key] = Entity(name, entity.type, list(entity.aliases), list(entity.mentions))
            continue
        into.aliases = list(dict.fromkeys(into.aliases + entity.aliases))
        into.mentions = _union(into.mentions, entity.mentions)
    return list(merged.values())


def _union(first: list[Mention], second: list[Mention]) -> list[Mention]:
    seen = {(m.paragraph, m.start, m.end): m for m in first + second}
    return [seen[key] for key in sorted(seen)]
