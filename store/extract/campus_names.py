"""Where an institution is, in its names: one entity per institution in an article.

- **A campus**: "University of California, Berkeley" and "UC Berkeley" (the
  institution's initials before the same campus), or the same name with "at" for the
  comma, are one organisation when one institution fits.
- **A branch named by its place** is the institution the article also names by its head
  word or alone: "Madame Tussauds New York" and "Madame Tussauds Museum" are one, when
  one institution fits. Neither half alone joins two names: "Trump Tower" and "Trump
  Organization" differ by their head words, and "Boston University" is no branch of
  anything.
"""

from __future__ import annotations

from store.campus_names import campus_of, short_campus
from store.extract.entity_groups import Group, find, roots, union
from store.extract.name_heads import HEAD_TYPES
from store.extract.names import initials, known_type

BRANCH_TYPES = frozenset({"ORG", "FAC"})


def join_campuses_and_branches(groups: dict[str, Group], parent: dict[str, str]) -> None:
    """Join the groups naming one institution (module docstring)."""
    join_campuses(groups, parent)
    join_branches(groups, parent)


def join_campuses(groups: dict[str, Group], parent: dict[str, str]) -> None:
    """Join the groups naming one campus (module docstring)."""
    organisations = [k for k in roots(groups, parent) if groups[k].forms and groups[k].type() == "ORG"]
    full: dict[tuple[str, str], set[str]] = {}
    by_initials: dict[tuple[str, str], set[str]] = {}
    for key in organisations:
        for text in groups[key].texts():
            found = campus_of(text)
            if found is not None:
                full.setdefault(found, set()).add(key)
                by_initials.setdefault((initials(found[0]), found[1]), set()).add(key)
    if not full:
        return
    for keys in full.values():
        first, *others = sorted(keys, key=lambda k: groups[k].first)
        for other in others:
            union(groups, parent, first, other)  # "… , Berkeley" and "… at Berkeley"
    for key in organisations:
        for text in groups[key].texts():
            short = short_campus(text)
            owners = {find(parent, k) for k in by_initials.get(short, ())} if short else set()
            owners.discard(find(parent, key))
            if len(owners) == 1:
                union(groups, parent, owners.pop(), key)
                break


def join_branches(groups: dict[str, Group], parent: dict[str, str]) -> None:
    """Join a place-ended name to the one institution its other words name."""
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
