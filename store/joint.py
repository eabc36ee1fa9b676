"""Joint speakers: words said together by several people ("said Emma Clarke and Tom Reid").

A joint speaker is stored as the people's names joined by " and ". It is no person of
its own: each of the names is one of the article's entities, and no entity is made
for the pair.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable

from store.models import Entity

JOINER = " and "
_SPLIT = re.compile(r",\s+(?:and\s+)?|\s+and\s+")


def joint_speaker(names: list[str]) -> str:
    """One speaker for several people, in the order given, each once."""
    return JOINER.join(dict.fromkeys(names))


def known_names(entities: Iterable[Entity]) -> set[str]:
    """Every name and alias of `entities`: the names a joint speaker's parts must be."""
    return {name for entity in entities for name in (entity.name, *entity.aliases)}


def joint_parts(speaker: str, known: Collection[str]) -> list[str]:
    """The people a joint speaker stands for, when `speaker` is not itself one of the `known`
    names and each of its parts is; else []."""
    if speaker in known:
        return []
    parts = [part.strip() for part in _SPLIT.split(speaker)]
    if len(parts) < 2 or not all(part in known for part in parts):
        return []
    return parts
