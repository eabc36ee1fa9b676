"""From the ids in the view columns to the corpus's entities (store.index.registry).

An entity of the corpus may stand for several index terms (its names, merged by
`aliases.yaml`); each term's id (store.index.name_ids) maps to the entity's
position in `groups`. Built once per registry, so an alias edit applies at once.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from store.index.forward import Forward, IntArray, distinct
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


@dataclass
class Named:
    """Every (passage, entity) pair of the live passages, ascending by passage: the
    co-mention counts are array operations over these (no index reads)."""

    owner: IntArray
    """The passage's docnum."""
    group: IntArray
    """The entity's position in GroupIds.groups."""
    article: IntArray
    """The passage's article (position in Forward.starts)."""
    multi: npt.NDArray[np.bool_]
    """Per entity: it stands for several index terms (so one passage may hold it twice)."""
    size: int

    def passages_of(self, group: int) -> IntArray:
        """The passages naming one entity, ascending."""
        return adjacent_distinct(self.owner[self.group == group])

    def count_units(self, units: IntArray, groups: IntArray, *, repeats: bool) -> IntArray:
        """Distinct (unit, entity) pairs per entity. Units are passages (`repeats` False:
        a pair repeats only for entities of several terms) or articles."""
        size = self.size
        if not len(units):
            return np.zeros(size, dtype=np.int64)
        if repeats:
            return np.bincount(distinct(units * size + groups) % size, minlength=size).astype(np.int64)
        twice = self.multi[groups]
        counts = np.bincount(groups[~twice], minlength=size).astype(np.int64)
        if twice.any():
            counts += np.bincount(distinct(units[twice] * size + groups[twice]) % size, minlength=size)
        return counts


def named_pairs(forward: Forward, ids: GroupIds) -> Named:
    """The (passage, entity) pairs of every live passage."""
    lengths = np.diff(forward.entity_offsets)
    owner = np.repeat(np.arange(len(lengths), dtype=np.int64), lengths)
    group = ids.entity_groups(forward.entity_ids)
    live = np.zeros(len(lengths), dtype=bool)
    live[forward.live] = True
    keep = (group >= 0) & live[owner]
    owner, group = owner[keep], group[keep]
    multi = np.array([len(g.keys) > 1 for g in ids.groups], dtype=bool)
    return Named(owner, group, forward.article_of(owner), multi, len(ids))


def adjacent_distinct(values: IntArray) -> IntArray:
    """Sorted values without their repeats (no sort needed)."""
    if len(values) < 2:
        return values
    keep = np.empty(len(values), dtype=bool)
    keep[0] = True
    np.not_equal(values[1:], values[:-1], out=keep[1:])
    return values[keep]
