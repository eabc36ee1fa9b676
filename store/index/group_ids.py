"""From the ids in the view columns to the corpus's entities (store.index.registry).

An entity of the corpus may stand for several index terms (its names, merged by
`aliases.yaml`); each term's id (store.index.name_ids) maps to the entity's
position in `groups`. Built once per registry, so an alias edit applies at once.
"""

from __future__ import annotations

import numpy as np

from store.index.forward import IntArray
from store.index.name_ids import name_id
from store.index.registry import EntityGroup, EntityRegistry


class GroupIds:
    """Vectorised id -> entity lookups."""

    def __init__(self, registry: EntityRegistry) -> None:
        self.groups: list[EntityGroup] = list(registry.groups.values())
        self.position: dict[int, int] = {id(group): i for i, group in enumerate(self.groups)}
        self._entity = _table((name_id(key), i) for i, g in enumerate(self.groups) for key in g.keys)
        self._speaker = _table(
            (name_id(term), i) for i, g in enumerate(self.groups) for term in g.speaker_terms
        )

    def __len__(self) -> int:
        return len(self.groups)

    def index_of(self, group: EntityGroup) -> int:
        return self.position[id(group)]

    def entity_groups(self, ids: IntArray) -> IntArray:
        """The entity position of each entity id; -1 for an id no entity of the registry has."""
        return _lookup(self._entity, ids)

    def speaker_groups(self, ids: IntArray) -> IntArray:
        """The entity position of each speaker id; -1 for no speaker (or an unknown one)."""
        return _lookup(self._speaker, ids)


def _table(pairs: object) -> tuple[IntArray, IntArray]:
    found = dict(pairs)  # type: ignore[call-overload]
    keys = np.array(sorted(found), dtype=np.int64)
    values = np.array([found[k] for k in keys.tolist()], dtype=np.int64)
    return keys, values


def _lookup(table: tuple[IntArray, IntArray], ids: IntArray) -> IntArray:
    keys, values = table
    if not len(keys) or not len(ids):
        return np.full(len(ids), -1, dtype=np.int64)
    at = np.minimum(np.searchsorted(keys, ids), len(keys) - 1)
    return np.where(keys[at] == ids, values[at], -1)
