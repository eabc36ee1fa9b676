"""The groups of forms that become an article's entities, merged by union-find.

Each group holds the forms of one real thing ("Kerry", "John Kerry", "Mr Kerry");
`entities.py` and `entity_joins.py` fold groups into one another with `union`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from store.extract.entity_spans import PLACE_OR_ORG, Form
from store.extract.name_heads import retype
from store.extract.names import known_type


@dataclass
class Group:
    """The forms of one real thing while the article's entities are being merged."""

    forms: list[Form] = field(default_factory=list)
    """Every occurrence found, in body order."""
    long_name: str | None = None
    """The entity's name where the text fixes it: the long name of an acronym defined in
    the text, or the name an alias was stated for ("X, also known as Y" is named X)."""

    @property
    def first(self) -> int:
        return min(f.start for f in self.forms)

    def texts(self) -> list[str]:
        """Distinct surface forms in order of first occurrence."""
        return list(dict.fromkeys(f.text for f in sorted(self.forms, key=lambda f: f.start)))

    def longest(self) -> str:
        """The surface form with the most words (the first of equals)."""
        return max(self.texts(), key=lambda t: len(t.split()))

    def type(self) -> str:
        """The type the syntax gives ("the Bolton striker"), else the gazetteer's when a
        form is a known place, else a full name's head word's ("… Futures Exchange": its
        short forms "LIFFE said" do not make it a person), else the model's majority vote."""
        shown = [f.label for f in self.forms if f.evidence]
        if shown:
            return _most_common(shown)
        texts = self.texts()
        for text in texts:
            known = known_type(text)
            if known:
                return known
        for text in texts:
            # "PERSON" asked: a surname head ("Tom Hall") leaves a person's name alone
            headed = retype(text, "PERSON") if " " in text else "PERSON"
            if headed in PLACE_OR_ORG:
                return headed
        return _most_common([f.label for f in sorted(self.forms, key=lambda f: f.start)])


def _most_common(labels: list[str]) -> str:
    """The label given most often, the first given of equals (called for every group
    many times a batch: a plain count, no Counter)."""
    if len(labels) == 1:
        return labels[0]
    votes: dict[str, int] = {}
    for label in labels:
        votes[label] = votes.get(label, 0) + 1
    return max(votes, key=votes.__getitem__)


def find(parent: dict[str, str], key: str) -> str:
    while parent[key] != key:
        parent[key] = parent[parent[key]]
        key = parent[key]
    return key


def union(groups: dict[str, Group], parent: dict[str, str], keep: str, other: str) -> None:
    """Fold `other`'s forms into `keep`'s group."""
    keep, other = find(parent, keep), find(parent, other)
    if keep == other:
        return
    groups[keep].forms += groups[other].forms
    groups[keep].long_name = groups[keep].long_name or groups[other].long_name
    groups[other].forms = []
    parent[other] = keep


def roots(groups: dict[str, Group], parent: dict[str, str]) -> list[str]:
    return [key for key in groups if find(parent, key) == key]
