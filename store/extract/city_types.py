"""Cities the model read as a person or a group: "take Azov", "Cannes Golden Palm".

The model tags a town it does not know by the look of the word, and a foreign one-word
name often comes out a person ("Azov", "Jolo", "Yartsevo") or a nationality ("Cannes").
When the name, exactly as the article writes it, is a city of `store.place_lexicon`
(GeoNames, guarded against first names, surnames and words), the entity becomes a
place, unless the article shows it is a person after all:

- a mention carries more than the name: a title or a first name ("Major General
  Lafayette"), or another of the article's people bears it in their name ("Marquis de
  Lafayette");
- it speaks (a quote's speaker), or the article writes the word in lower case;
- the article has a place of that name already (left to the duplicate merge), or the
  user's `aliases.yaml` says anything about it (the user's type rules).

Organisations are left alone: a city's name as an organisation is as often the
city's government or club ("Niamey said", "pushed Caloundra"), or a company named after
it ("Paramount"). Runs on the batch, after the workers, like `within_names`: the city
list is read once, in one process.
"""

from __future__ import annotations

from store.aliases import AliasTable
from store.extract.within_names import lower_words
from store.models import Article, Entity
from store.place_lexicon import is_city

RETYPED = frozenset({"PERSON", "NORP"})
"""The model's types that a city's name is taken back from."""


def retype_cities(articles: list[Article], aliases: AliasTable | None = None) -> list[int]:
    """Make places of the cities typed as people or groups (in place, see the module
    doc); returns the indexes of the articles that changed."""
    table = aliases or AliasTable()
    curated = table.names()
    changed = []
    for index, article in enumerate(articles):
        lower: set[str] | None = None
        for entity in article.entities:
            if entity.type not in RETYPED or entity.name.casefold() in curated:
                continue
            if not is_city(entity.name) or not _only_the_name(article, entity):
                continue
            if lower is None:
                lower = lower_words(article.texts())
            if entity.name.casefold() in lower:
                continue
            entity.type = "GPE"
            if index not in changed:
                changed.append(index)
    return changed


def _only_the_name(article: Article, entity: Entity) -> bool:
    """The article writes the entity only as the city's name, never as a person's."""
    name = entity.name
    if any(form != name for form in entity.aliases) or not entity.mentions:
        return False
    if any(q.speaker == name for q in article.quotes):
        return False
    for mention in entity.mentions:
        try:
            text = article.paragraphs[mention.paragraph].text[mention.start : mention.end]
        except IndexError:
            return False
        if text != name:
            return False  # "Major General Lafayette"
    return not any(
        other is not entity
        and (
            (other.type == "PERSON" and name in other.name.split())
            or (other.name == name and other.type not in RETYPED)
        )
        for other in article.entities
    )
