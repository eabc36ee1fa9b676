"""Whole-word occurrences of entities' aliases in a text: the scan behind an article's
mentions (store.extract.entity_mentions) and the names in a headline or standfirst,
which extraction does not read (the index and `extract`'s spans). No model needed."""

from __future__ import annotations

import re
from collections.abc import Iterator

from store.models import Entity

WORD = re.compile(r"\w+")
WORD_CHAR = re.compile(r"\w")


def text_mentions(text: str, entities: list[Entity]) -> list[tuple[int, int, int]]:
    """(entity index, start, end) of every alias occurring in `text`, such as a headline
    or standfirst, which extraction does not read: same matching as the body's mentions."""
    position = {id(e): i for i, e in enumerate(entities)}
    owner, by_first = alias_index(entities, {a for e in entities for a in e.aliases})
    return [(position[id(owner[alias])], at, end) for alias, at, end in occurrences(text, by_first)]


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
