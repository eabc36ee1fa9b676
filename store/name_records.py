"""The corpus's names as the grouping reads them (`store.identity`): one `NameRecord` per
(type, name) with its counts and written forms, their spelling-free `compact` form,
and the union-find the grouping joins them with."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from store.models import Entity
from store.name_lexicon import plain
from store.person_fit import NOT_WORD, apart_pairs
from store.person_names import SAINT_PREFIX

PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
VOTE_RATIO = 3
"""A type outvotes another for the same name when it has this many times its articles."""
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"(?:['’]s|(?<=s)['’])$")


@dataclass
class NameRecord:
    """One (type, name) of the corpus, as the articles' YAML files write it."""

    name: str
    type: str
    articles: int = 0
    """Articles with an entity of this name and type."""
    mentions: int = 0
    aliases: set[str] = field(default_factory=set)
    """Every form the articles wrote for it (titles included: "Mr Blair")."""
    apart: set[str] | None = None
    """People's names an article keeps apart from this one though one fits the other
    (`store.person_fit.apart_pairs`): never joined to it."""

    @property
    def ident(self) -> tuple[str, str]:
        return (self.type, self.name)


def records_of(articles: Iterable[list[Entity]]) -> list[NameRecord]:
    """The corpus's names from each article's entities (as `newsdesk extract` has them)."""
    found: dict[tuple[str, str], NameRecord] = {}
    apart: list[tuple[str, str]] = []
    for entities in articles:
        apart += apart_pairs(entities)
        for entity in entities:
            if entity.only_within:
                continue  # "Texas" only in "University of Texas": no name the article uses alone
            record = found.get((entity.type, entity.name))
            if record is None:
                record = found[(entity.type, entity.name)] = NameRecord(entity.name, entity.type)
            record.articles += 1
            record.mentions += len(entity.mentions)
            record.aliases.update(entity.aliases)
    records = list(found.values())
    keep_apart(records, apart)
    return records


def keep_apart(records: list[NameRecord], pairs: Iterable[tuple[str, str]]) -> None:
    """Record on both people's names each (shorter, longer) pair an article kept apart."""
    people = {r.name: r for r in records if r.type == "PERSON"}
    for short, long in pairs:
        if short in people and long in people:
            for mine, other in ((people[short], long), (people[long], short)):
                if mine.apart is None:
                    mine.apart = set()
                mine.apart.add(other)


def compact(name: str) -> str:
    """The spelling-free form of a name: "The Kilroy-Silk's" -> "kilroysilk"."""
    if name[:4] in ("the ", "The ", "THE "):
        name = _LEADING_THE.sub("", name.strip())
    if "'" in name or "’" in name:
        name = _POSSESSIVE.sub("", name.strip())
    if name[:2] in ("St", "Sa", "ST", "SA", "st", "sa"):
        name = SAINT_PREFIX.sub("st ", name)  # "Saint Petersburg", "St. Petersburg", "St Petersburg"
    folded = name.casefold() if name.isascii() else plain(name)  # "Dvořák" / "Dvorak"
    joined = "".join(folded.split())
    return joined if joined.isalnum() else NOT_WORD.sub("", folded)


class NameSets:
    """Union-find over record indices; the root keeps the entity's canonical record."""

    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, i: int) -> int:
        parent = self.parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def join(self, keep: int, other: int) -> None:
        keep, other = self.find(keep), self.find(other)
        if keep != other:
            self.parent[other] = keep
