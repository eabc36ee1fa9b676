"""Joins within one article that the model's spans leave apart.

- **A place before an organisation's name** is not part of its identity: "U.S.
  Congress", "United States Congress" and "Congress"; "United Kingdom Home Office" and
  "Home Office" are one organisation each, when the shorter name fits one longer name
  only. So are "Pittsburgh Pirates" and "Pirates": a shorter name that is no bare head
  word ("Council") needs no place before it.
- **A headline's name the model missed in the body**: the body's copy of it ("Aner
  Shalev is an Israeli mathematician…", untagged at the start of a sentence) makes it
  the article's entity, with every mention.
"""

from __future__ import annotations

import re

from store.extract.entity_groups import Group, find, roots, union
from store.extract.entity_spans import Form, Reading
from store.extract.name_heads import HEAD_TYPES
from store.extract.names import country_name, known_type

PLACE_TYPES = frozenset({"GPE", "LOC"})


def join_place_prefixed(groups: dict[str, Group], parent: dict[str, str]) -> None:
    """ "U.S. Congress" + "Congress": a known place or one of the article's places before an
    organisation's name joins it to the organisation of the shorter name."""
    places = {
        text.casefold()
        for key in roots(groups, parent)
        if groups[key].type() in PLACE_TYPES
        for text in groups[key].texts()
    }
    organisations = [k for k in roots(groups, parent) if groups[k].type() == "ORG" and groups[k].forms]
    by_name: dict[str, list[str]] = {}
    for key in organisations:
        for text in groups[key].texts():
            by_name.setdefault(text, []).append(key)
    for key in organisations:
        for text in groups[key].texts():
            words = text.split()
            for cut in range(1, min(4, len(words))):
                prefix, rest = " ".join(words[:cut]), " ".join(words[cut:])
                if rest not in by_name or not (_a_place(prefix, places) or _distinctive(rest)):
                    continue
                targets = {find(parent, k) for k in by_name[rest]} - {find(parent, key)}
                if len(targets) == 1:
                    union(groups, parent, key, targets.pop())  # the longer name's group keeps


def _distinctive(name: str) -> bool:
    """A name that says which organisation without its first words ("Red Sox", "Pirates"),
    unlike a bare head word ("Council", "Party") or a known name ("Congress")."""
    return name.split()[-1] not in HEAD_TYPES and not known_type(name) and not name.isupper()


def _a_place(prefix: str, places: set[str]) -> bool:
    return bool(country_name(prefix)) or known_type(prefix) in PLACE_TYPES or prefix.casefold() in places


def place_headline_names(reading: Reading, groups: dict[str, Group], parent: dict[str, str]) -> None:
    """A group only the headline names gets its first whole-word occurrence in the body,
    where no other name stands (the mentions then find the rest)."""
    body = reading.body
    taken = sorted((f.start, f.end) for g in groups.values() for f in g.forms if f.start >= 0)
    for key in roots(groups, parent):
        group = groups[key]
        if not group.forms or any(f.start >= 0 for f in group.forms):
            continue
        label = group.type()
        for text in group.texts():
            for match in re.finditer(rf"(?<!\w){re.escape(text)}(?!\w)", body):
                if not any(s < match.end() and match.start() < e for s, e in taken):
                    group.forms.append(Form(text, label, match.start()))
                    taken.append((match.start(), match.end()))
                    break
            else:
                continue
            break


def join_reversed_names(groups: dict[str, Group], parent: dict[str, str]) -> None:
    """ "Higuchi Ichiyō" and "Ichiyō Higuchi": a two-word person written in the other
    order (family name first, as in Japanese, Chinese or Hungarian) is the same person."""
    people: dict[tuple[str, ...], str] = {}
    for key in roots(groups, parent):
        if groups[key].type() != "PERSON":
            continue
        for text in groups[key].texts():
            words = tuple(text.split())
            if len(words) != 2 or words[0] == words[1]:
                continue
            other = people.get(words[::-1])
            if other is not None and find(parent, other) != find(parent, key):
                union(groups, parent, other, key)
            people.setdefault(words, key)


SAINT_PREFIX = re.compile(r"^(?:Saint|St\.?) (?=\S)")


def join_saints(groups: dict[str, Group], parent: dict[str, str]) -> None:
    """ "Saint Jerome" and "St Jerome" (which the model often takes for a place) are the
    article's person "Jerome": the saint's name is exactly one person's name there. A
    known place ("St. Louis") or a name with more after it ("St Jerome's Church", a
    form of its own) stays apart."""
    people: dict[str, set[str]] = {}
    for key in roots(groups, parent):
        if groups[key].type() == "PERSON" and groups[key].forms:
            people.setdefault(groups[key].longest(), set()).add(key)
    for key in roots(groups, parent):
        group = groups[key]
        if not group.forms or group.type() == "PERSON":
            continue
        name = group.longest()
        rest = SAINT_PREFIX.sub("", name)
        if rest == name or known_type(name) or len(people.get(rest, ())) != 1:
            continue
        for form in group.forms:
            form.label = "PERSON"
        union(groups, parent, next(iter(people[rest])), key)
