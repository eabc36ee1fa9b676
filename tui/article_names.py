"""Names and quotes in the article pane: which entity a stretch of text names, and
what each passage of an article marks (its mentions, its quotes)."""

from __future__ import annotations

import re

from store.models import Article, Entity, Quote
from store.numbering import HEADLINE, STANDFIRST

Mention = tuple[int, int, Entity]
"""(start, end, the entity named) in a passage's text."""


def mentions_by_paragraph(article: Article) -> dict[int, list[Mention]]:
    """The names in each passage, in text order: the stored mentions of the paragraphs,
    and for the headline and standfirst (which have none stored) `names_in` them."""
    named = [e for e in article.entities if not e.only_within]  # "Texas" in "University of Texas": no mention
    found = {
        HEADLINE: names_in(article.title, named),
        STANDFIRST: names_in(article.standfirst or "", named),
    }
    for entity in article.entities:
        for mention in entity.mentions:
            found.setdefault(mention.paragraph, []).append((mention.start, mention.end, entity))
    for mentions in found.values():
        mentions.sort(key=lambda mention: mention[0])
    return found


def quotes_by_paragraph(article: Article) -> dict[int, list[Quote]]:
    """The quotes of each paragraph, in the article's order."""
    found: dict[int, list[Quote]] = {}
    for quote in article.quotes:
        found.setdefault(quote.paragraph, []).append(quote)
    return found


def names_in(text: str, entities: list[Entity]) -> list[Mention]:
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
    kept: list[Mention] = []
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
