"""The user's curation (`aliases.yaml`) applied to the corpus's entity groups.

The registry groups the index's entity terms into entities; this module then
applies what the user decided, at the level of those terms (one term is one
name of one type as the article files write it):

- a name split off from an entity leaves its group and stands alone;
- a dropped name is no entity at all;
- a group is renamed to its canonical name, and takes the type the user gave it;
- groups that now share a name are one entity when the table renamed or retyped
  one of them (a merge); groups the table left alone keep apart by type.

It runs every time the registry is built, which is whenever the index or
`aliases.yaml` changes: an edit shows at once, without a rebuild.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from store.aliases import AliasTable
from store.index.schema import SEP

if TYPE_CHECKING:
    from store.index.registry import EntityGroup

Counts = tuple[int, int, int]
"""Articles, passages and mentions of one entity term."""


def curate_groups(
    groups: list[EntityGroup], table: AliasTable, key_counts: dict[str, Counts]
) -> list[EntityGroup]:
    """The groups as the table says; `key_counts` gives each term's share of the counts."""
    if table.is_empty():
        return groups
    named = table.names()
    found: list[EntityGroup] = []
    touched: set[int] = set()
    for group in groups:
        keys_named = any(_name_of(k).casefold() in named for k in group.keys)
        if group.name.casefold() not in named and not keys_named:
            found.append(group)  # the table does not name it: as the registry built it
            continue
        for part in _split(group, table, key_counts):
            if _drop_keys(part, table, key_counts):
                continue
            name = table.canonical(part.name)
            if name != part.name:
                part.aliases.add(part.name)
                part.name = name
                touched.add(id(part))
            kind = table.type_of(name, part.type)
            if kind != part.type:
                part.type = kind
                touched.add(id(part))
            part.aliases.add(part.name)
            found.append(part)
    return _merged(found, touched)


def _name_of(key: str) -> str:
    return key.partition(SEP)[2]


def _subtract(group: EntityGroup, counts: Counts) -> None:
    group.articles -= counts[0]
    group.passages -= counts[1]
    group.mentions -= counts[2]


def _split(group: EntityGroup, table: AliasTable, key_counts: dict[str, Counts]) -> list[EntityGroup]:
    """The group, and a group of its own for each term whose name is split off from it."""
    apart = table.split_from(table.canonical(group.name)) | table.split_from(group.name)
    if not apart or group.name.casefold() in apart:
        return [group]
    from store.index.registry import EntityGroup

    parts: dict[str, EntityGroup] = {}
    for key in list(group.keys):
        name = _name_of(key)
        if name.casefold() not in apart:
            continue
        group.keys.remove(key)
        counts = key_counts.get(key, (0, 0, 0))
        _subtract(group, counts)
        part = parts.setdefault(name.casefold(), EntityGroup(name, key.partition(SEP)[0]))
        part.keys.append(key)
        part.aliases.add(name)
        part.articles += counts[0]
        part.passages += counts[1]
        part.mentions += counts[2]
    group.aliases = {a for a in group.aliases if a.casefold() not in apart}
    return [group, *parts.values()] if group.keys else list(parts.values())


def _drop_keys(group: EntityGroup, table: AliasTable, key_counts: dict[str, Counts]) -> bool:
    """Take out the terms whose name is dropped; True when nothing of the group is left."""
    if table.is_dropped(group.name):
        return True
    for key in [k for k in group.keys if table.is_dropped(_name_of(k))]:
        group.keys.remove(key)
        _subtract(group, key_counts.get(key, (0, 0, 0)))
        group.aliases.discard(_name_of(key))
    return not group.keys


def _merged(groups: list[EntityGroup], touched: set[int]) -> list[EntityGroup]:
    by_name: dict[str, list[EntityGroup]] = {}
    for group in groups:
        by_name.setdefault(group.name.casefold(), []).append(group)
    result: list[EntityGroup] = []
    for group in groups:
        same = by_name[group.name.casefold()]
        if len(same) == 1 and same[0] is group:  # the common case: nothing shares its name
            result.append(group)
            same.clear()
            continue
        if not any(g is group for g in same):
            continue  # merged into an earlier one
        if any(id(g) in touched for g in same):
            joining = list(same)
            target = max((g for g in same if id(g) not in touched), key=lambda g: g.mentions, default=group)
        else:  # names the table did not touch keep apart by type
            joining = [g for g in same if g.type == group.type]
            target = group
        for other in joining:
            if other is not target:
                _absorb(target, other)
        same[:] = [g for g in same if not any(g is j for j in joining)]
        result.append(target)
    return result


def _absorb(target: EntityGroup, other: EntityGroup) -> None:
    target.keys.extend(k for k in other.keys if k not in target.keys)
    target.aliases |= other.aliases
    target.articles += other.articles
    target.passages += other.passages
    target.mentions += other.mentions
