"""Whole-word occurrences of entities' aliases in a text: the scan behind an article's
mentions (store.extract.entity_mentions) and the names in a headline or standfirst,
which extraction does not read (the index and `extract`'s spans). No model needed."""

from __future__ import annotations

import re
from collections.abc import Iterator

from store.models import Entity

WORD = re.compile(r"\w+")
WORD_CHAR = re.compile(r"\w")


THING_TYPES = frozenset({"EVENT", "WORK_OF_ART", "LAW", "AWARD"})
"""Events, works, laws and awards (store.extract.named_things): their names hold other
names ("the Stirling Prize"), whose mentions they take (`outer_wins`)."""
PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})


def text_mentions(text: str, entities: list[Entity]) -> list[tuple[int, int, int]]:
    """(entity index, start, end) of every alias occurring in `text`, such as a headline
    or standfirst, which extraction does not read: same matching as the body's mentions."""
    position = {id(e): i for i, e in enumerate(entities)}
    found = []
    for part in (
        [e for e in entities if e.type not in THING_TYPES],
        [e for e in entities if e.type in THING_TYPES],
    ):
        owner, by_first = alias_index(part, {a for e in part for a in e.aliases})
        found.append([(owner[alias], at, end) for alias, at, end in occurrences(text, by_first)])
    names, things = found
    if not things:
        return [(position[id(e)], at, end) for e, at, end in names]
    lost_names, lost_things = outer_wins(
        [(e.type, at, end) for e, at, end in names], [(e.type, at, end) for e, at, end in things]
    )
    kept = [m for i, m in enumerate(names) if i not in lost_names]
    kept += [m for i, m in enumerate(things) if i not in lost_things]
    return sorted(((position[id(e)], at, end) for e, at, end in kept), key=lambda m: (m[1], m[0]))


def outer_wins(
    names: list[tuple[str, int, int]], things: list[tuple[str, int, int]]
) -> tuple[set[int], set[int]]:
    """The indices of the mentions of `names` and of `things` (each `(type, start, end)`
    in one text) that overlapping mentions beat: the longer is the mention ("Stirling" in
    "the Stirling Prize" is none of its own; an organisation's name holding a prize's
    is the organisation's). A place inside an event's name keeps its mention too: the
    event happens there ("Berlin" in "the Berlin International Film Festival")."""
    lost_names: set[int] = set()
    lost_things: set[int] = set()
    for i, (kind, start, end) in enumerate(names):
        over = [(j, t) for j, t in enumerate(things) if t[1] < end and start < t[2]]
        if not over:
            continue
        if kind in PLACE_TYPES and all(t[0] == "EVENT" and t[1] <= start and end <= t[2] for _, t in over):
            continue
        if all(end - start >= t[2] - t[1] for _, t in over):
            lost_things.update(j for j, _ in over)
        else:
            lost_names.add(i)
    return lost_names, lost_things


def name_matches(
    text: str, name: str, *, hyphen_joined: bool = False, ignore_case: bool = False
) -> Iterator[re.Match[str]]:
    """Where `name` stands in `text` as whole words: not inside a longer word, nor joined
    to one by a hyphen ("al-Assad", "House-focused") unless `hyphen_joined` lets it be."""
    edge = r"\w" if hyphen_joined else r"[\w-]"
    flags = re.IGNORECASE if ignore_case else 0
    return re.finditer(rf"(?<!{edge}){re.escape(name)}(?!{edge})", text, flags)


def alias_index(entities: list[Entity], names: set[str]) -> tuple[dict[str, Entity], dict[str, list[str]]]:
    """Each alias's entity, and the aliases by their first word, longest first (so the
    scan is linear in the text)."""
    owner = {alias: entity for entity in entities for alias in entity.aliases if alias in names}
    by_first: dict[str, list[str]] = {}
    for alias in sorted(owner, key=len, reverse=True):
        first = WORD.match(alias)
        if first is not None and first.start() == 0:
            by_first.setdefault(first.group(0), []).append(alias)
    return owner, by_first


def occurrences(text: str, by_first: dict[str, list[str]]) -> Iterator[tuple[str, int, int]]:
    done = 0
    for word in WORD.finditer(text):
        at = word.start()
        if at < done or word.group(0) not in by_first:
            continue
        for alias in by_first[word.group(0)]:
            end = at + len(alias)
            if text.startswith(alias, at) and not (end < len(text) and WORD_CHAR.match(text, end)):
                yield alias, at, end
                done = end
                break
