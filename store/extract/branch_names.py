"""A branch named by its place is the institution it is a branch of, in an article that
also names the institution by its head word: "Madame Tussauds New York" and "Madame
Tussauds Museum" (or a bare "Madame Tussauds") are one, when one institution fits.

Neither half alone joins two names: "Trump Tower" and "Trump Organization" differ by
their head words, and "Boston University" is no branch of anything.
"""

from __future__ import annotations

from store.extract.entity_groups import Group, find, roots, union
from store.extract.name_heads import HEAD_TYPES
from store.extract.names import known_type

BRANCH_TYPES = frozenset({"ORG", "FAC"})


def join_branches(groups: dict[str, Group], parent: dict[str, str]) -> None:
    """Join a place-ended name to the one institution its other words name (docstring)."""
    keys = [k for k in roots(groups, parent) if groups[k].forms and groups[k].type() in BRANCH_TYPES]
    stems: dict[str, set[str]] = {}  # the name without its head word, or the bare name
    branches: list[tuple[str, str]] = []
    for key in keys:
        for text in groups[key].texts():
            words = text.split()
            stems.setdefault(text, set()).add(key)
            if len(words) > 1 and words[-1] in HEAD_TYPES and HEAD_TYPES[words[-1]] in BRANCH_TYPES:
                stems.setdefault(" ".join(words[:-1]), set()).add(key)
            stem = _without_place(words)
            if stem is not None:
                branches.append((key, stem))
    for key, stem in branches:
        owners = {find(parent, k) for k in stems.get(stem, ())} - {find(parent, key)}
        if len(owners) == 1:
            union(groups, parent, owners.pop(), key)


def _without_place(words: list[str]) -> str | None:
    """ "Madame Tussauds" of "Madame Tussauds New York": the words before a known place
    that ends the name, when they are two or more and no place or head word themselves."""
    for cut in range(len(words) - 1, max(1, len(words) - 3), -1):
        place, stem = " ".join(words[cut:]), " ".join(words[:cut])
        if known_type(place) in ("GPE", "LOC") and cut >= 2:
            if known_type(stem) or words[cut - 1] in HEAD_TYPES:
                return None
            return stem
    return None
