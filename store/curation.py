"""The alias table applied to one article: rename, merge, retype, split and drop.

Pure: it takes an `Article` and returns it with its entities (and its quotes'
speakers) as the user's table says. Extraction calls it on what it found, so a
re-extraction or a re-import keeps every curation; opening an article calls it
too, so the article pane agrees with the index at once, before any re-extraction.
"""

from __future__ import annotations

from store.aliases import AliasTable
from store.models import Article, Entity, Mention


def curate_article(article: Article, table: AliasTable) -> Article:
    """The article with the table's changes to its entities applied (in place)."""
    if table.is_empty() or not article.entities:
        return article
    renamed: dict[str, str | None] = {}
    """Old entity name -> new name (None: dropped), for the quotes' speakers."""
    found: list[Entity] = []
    touched: set[int] = set()
    for entity in article.entities:
        for part in _split(entity, table, article):
            name = table.canonical(part.name)
            if table.is_dropped(part.name):
                renamed[part.name] = None
                continue
            if name != part.name:
                renamed[part.name] = name
                part.aliases = [*part.aliases, part.name] if part.name not in part.aliases else part.aliases
                part.name = name
                touched.add(id(part))
            kind = table.type_of(name, part.type)
            if kind != part.type:
                part.type = kind
                touched.add(id(part))
            found.append(part)
    article.entities = _merged(found, touched)
    for quote in article.quotes:
        if quote.speaker in renamed:
            quote.speaker = renamed[quote.speaker]
    return article


def _split(entity: Entity, table: AliasTable, article: Article) -> list[Entity]:
    """The entity, and an entity of its own for each name split off from it."""
    apart = table.split_from(table.canonical(entity.name))
    if not apart:
        return [entity]
    if entity.name.casefold() in apart:  # the whole entity is the split-off name
        return [entity]
    kept: list[Mention] = []
    parts: dict[str, Entity] = {}
    by_length = sorted(entity.aliases, key=len, reverse=True)
    for mention in entity.mentions:
        try:
            surface = article.paragraphs[mention.paragraph].text[mention.start : mention.end]
        except IndexError:
            surface = ""
        if surface not in entity.aliases:  # "Mr Kerry": the longest alias after a title or role
            surface = next((a for a in by_length if surface.endswith(a)), surface)
        if surface.casefold() in apart:
            part = parts.setdefault(surface.casefold(), Entity(name=surface, type=entity.type))
            part.mentions.append(mention)
            if surface not in part.aliases:
                part.aliases.append(surface)
        else:
            kept.append(mention)
    entity.mentions = kept
    entity.aliases = [a for a in entity.aliases if a.casefold() not in apart]
    return [entity, *parts.values()]


def _merged(entities: list[Entity], touched: set[int]) -> list[Entity]:
    """Entities that now share a name become one when the table renamed or retyped one
    of them (the user merged them): they join the one that kept its own name, and take
    its type. Entities the table did not touch stay as extraction found them."""
    by_name: dict[str, list[Entity]] = {}
    for entity in entities:
        by_name.setdefault(entity.name.casefold(), []).append(entity)
    result: list[Entity] = []
    for entity in entities:
        same = by_name[entity.name.casefold()]
        if not any(e is entity for e in same):
            continue  # merged into an earlier one
        if not any(id(e) in touched for e in same):
            same[:] = [e for e in same if e is not entity]
            result.append(entity)
            continue
        target = next((e for e in same if id(e) not in touched), same[0])
        for other in same:
            if other is not target:
                target.aliases.extend(a for a in other.aliases if a not in target.aliases)
                target.mentions.extend(other.mentions)
                target.within.extend(w for w in other.within if w not in target.within)
        if len(same) > 1:
            target.mentions = sorted(
                {(m.paragraph, m.start, m.end): m for m in target.mentions}.values(),
                key=lambda m: (m.paragraph, m.start),
            )
        same.clear()
        result.append(target)
    return result
