"""An entity's mentions in the text, and the entity a speaker's name stands for.

`add_mentions` finds every occurrence of every alias of the article's entities (the
jump reaches them all, whether the model fired there or not; `store.mention_scan.text_mentions`
does the same in a headline or standfirst); `resolve_name` maps a speaker's surface form
("Mr. Kerry") to the article's entity.
"""

from __future__ import annotations

from bisect import bisect_right

from store.extract.names import (
    country_name,
    normal_spaces,
    split_title,
    strip_possessive,
    strip_the,
    surname_matches,
)
from store.mention_scan import alias_index, occurrences
from store.models import Entity, Mention, Paragraph

__all__ = ["add_extra_mentions", "add_mentions", "resolve_name", "taken_spans"]


# --- mentions ----------------------------------------------------------------------------


def add_mentions(entities: list[Entity], paragraphs: list[Paragraph], names: set[str]) -> None:
    """Every occurrence of every alias: whole words, longest alias first, no overlaps.

    Only `names` are searched: an alias with a title or a country ("Sydney, Australia")
    would hide the mentions of the entities inside it, and its name is found anyway.
    """
    owner, by_first = alias_index(entities, names)
    for index, paragraph in enumerate(paragraphs):
        for alias, at, end in occurrences(paragraph.text, by_first):
            owner[alias].mentions.append(Mention(index, at, end))


def taken_spans(entities: list[Entity]) -> dict[int, list[tuple[int, int]]]:
    """Paragraph -> (start, end) of every mention the entities hold: what a new or wider
    mention must not overlap."""
    taken: dict[int, list[tuple[int, int]]] = {}
    for entity in entities:
        for mention in entity.mentions:
            taken.setdefault(mention.paragraph, []).append((mention.start, mention.end))
    return taken


def add_extra_mentions(
    found: list[tuple[Entity, int, int]], entities: list[Entity], starts: list[int]
) -> None:
    """Mentions found by the syntax rather than by an alias (a person's bare title, "the
    Emperor"): `(entity, body start, body end)`, kept where no other mention overlaps."""
    if not found:
        return
    taken = taken_spans(entities)
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
