"""Names in the article pane: which entity a stretch of text names."""

from __future__ import annotations

import re

from store.models import Entity


def names_in(text: str, entities: list[Entity]) -> list[tuple[int, int, Entity]]:
    """Where the article's entities are named in `text` (the headline or standfirst, for
    which extraction stores no mentions): whole-word matches of their names and aliases,
    the longest first where two overlap ("John Kerry" over "Kerry")."""
    found = []
    for entity in entities:
        for alias in dict.fromkeys([entity.name, *entity.aliases]):
            if alias:
                pattern = rf"(?<!\w){re.escape(alias)}(?!\w)"
                found += [(m.start(), m.end(), entity) for m in re.finditer(pattern, text)]
    found.sort(key=lambda mention: (mention[0], mention[0] - mention[1]))
    kept: list[tuple[int, int, Entity]] = []
    for mention in found:
        if not kept or mention[0] >= kept[-1][1]:
            kept.append(mention)
    return kept


def is_entity(entity: Entity, wanted: tuple[str, str | None] | None) -> bool:
    """Whether `entity` is the wanted (name, type); a type of None matches any."""
    if wanted is None:
        return False
    name, entity_type = wanted
    return entity.name == name and (entity_type is None or entity.type == entity_type)
