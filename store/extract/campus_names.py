"""One campus, one entity in an article: "University of California, Berkeley" and "UC
Berkeley" (the institution's initials before the same campus), or the same name with
"at" for the comma, are one organisation when one institution fits."""

from __future__ import annotations

from store.campus_names import campus_of, short_campus
from store.extract.entity_groups import Group, find, roots, union
from store.extract.names import initials


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
