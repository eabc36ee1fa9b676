"""An entity's mentions in the text, and the entity a speaker's name stands for.

`add_mentions` finds every occurrence of every alias of the article's entities (the
jump reaches them all, whether the model fired there or not); `text_mentions` does the
same in a headline or standfirst; `resolve_name` maps a speaker's surface form
("Mr. Kerry") to the article's entity.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator

from store.extract.names import (
    country_name,
    normal_spaces,
    split_title,
    strip_possessive,
    strip_the,
    surname_matches,
)
from store.models import Entity, Mention, Paragraph

WORD = re.compile(r"\w+")
WORD_CHAR = re.compile(r"\w")


# --- mentions ----------------------------------------------------------------------------


def add_mentions(entities: list[Entity], paragraphs: list[Paragraph], names: set[str]) -> None:
    """Every occurrence of every alias: whole words, longest alias first, no overlaps.

    Only `names` are searched: an alias with a title or a country ("Sydney, Australia")
    would hide the mentions of the entities inside it, and its name is found anyway.
    """
    owner, by_first = _alias_index(entities, names)
    for index, paragraph in enumerate(paragraphs):
        for alias, at, end in _occurrences(paragraph.text, by_first):
            owner[alias].mentions.append(Mention(index, at, end))


def add_extra_mentions(
    found: list[tuple[Entity, int, int]], entities: list[Entity], starts: list[int]
) -> None:
    """Mentions found by the syntax rather than by an alias (a person's bare title, "the
    Emperor"): `(entity, body start, body end)`, kept where no other mention overlaps."""
    if not found:
        return
    taken: dict[int, list[tuple[int, int]]] = {}
    for entity in entities:
        for mention in entity.mentions:
            taken.setdefault(mention.paragraph, []).append((mention.start, mention.end))
    changed: dict[int, Entity] = {}
    for entity, start, end in found:
        paragraph = bisect_right(starts, start) - 1
        at, to = start - starts[paragraph], end - starts[paragraph]
        if any(s < to and at < e for s, e in taken.get(paragraph, [])):
            continue
        taken.setdefault(paragraph, []).append((at, to))
        entity.mentions.append(Mention(paragraph, at, to))
        changed[id(entity)] = entity
    for entity in changed.values():
        entity.mentions.sort(key=lambda m: (m.paragraph, m.start))


def text_mentions(text: str, entities: list[Entity]) -> list[tuple[int, int, int]]:
    """(entity index, start, end) of every alias occurring in `text`, such as a headline
    or standfirst, which extraction does not read: same matching as the body's mentions."""
    position = {id(e): i for i, e in enumerate(entities)}
    owner, by_first = _alias_index(entities, {a for e in entities for a in e.aliases})
    return [(position[id(owner[alias])], at, end) for alias, at, end in _occurrences(text, by_first)]


def _alias_index(entities: list[Entity], names: set[str]) -> tuple[dict[str, Entity], dict[str, list[str]]]:
    """Each alias's entity, and the aliases by their first word, longest first (so the
    scan is linear in the text)."""
    owner = {alias: entity for entity in entities for alias in entity.aliases if alias in names}
    by_first: dict[str, list[str]] = {}
    for alias in sorted(owner, key=len, reverse=True):
        first = WORD.match(alias)
        if first is not None and first.start() == 0:
            by_first.setdefault(first.group(0), []).append(alias)
    return owner, by_first


def _occurrences(text: str, by_first: dict[str, list[str]]) -> Iterator[tuple[str, int, int]]:
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


# --- speakers -----------------------------------------------------------------------------


def resolve_name(surface: str, entities: list[Entity]) -> Entity | None:
    """The article's entity a speaker's surface form names ("Mr. Kerry" -> John Kerry).

    Tries the exact alias, the name without title and possessive, a country variant,
    then a person's surname or (unique) first name. None when nothing or several fit.
    """
    cleaned = strip_possessive(strip_the(normal_spaces(surface)).strip(" ,.;:"))
    _, untitled = split_title(cleaned)
    candidates = [c for c in (cleaned, untitled) if c]
    for form in candidates:
        found = _by_alias(form, entities)
        if found is not None:
            return found
    for form in candidates:
        country = country_name(form)
        if country:
            found = _by_alias(country, entities)
            if found is not None:
                return found
    if not untitled:
        return None
    words = untitled.split()
    people = [e for e in entities if e.type == "PERSON"]
    by_surname = [p for p in people if surname_matches(words[-1], p.name.split()[-1])]
    if len(by_surname) > 1 and len(words) > 1:
        by_surname = [p for p in by_surname if p.name.split()[0] == words[0]]
    if len(by_surname) == 1:
        return by_surname[0]
    if len(words) == 1 and not by_surname:
        by_first = [p for p in people if len(p.name.split()) > 1 and p.name.split()[0] == words[0]]
        if len(by_first) == 1:
            return by_first[0]
    return None


def _by_alias(form: str, entities: list[Entity]) -> Entity | None:
    low = form.casefold()
    found = [e for e in entities if low == e.name.casefold() or any(low == a.casefold() for a in e.aliases)]
    found.sort(key=lambda e: e.type != "PERSON")
    return found[0] if found else None
