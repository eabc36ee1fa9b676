"""Second references: a person named in full once and by surname (or first name) after.

News copy introduces a person by full name and calls them by surname after ("John Kerry
... Kerry said"): `join_second_references` joins the short name to the person it means,
`add_surnames` finds a surname or first name standing alone where the model did not tag
it, and `mark_families` types "the Sams" after Thomas Sam as people.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from itertools import accumulate

from spacy.tokens import Token

from store.extract.entity_groups import Group, find, roots, union
from store.extract.entity_spans import Form, Reading
from store.extract.kinship import relatives, subject
from store.extract.names import (
    ACRONYM,
    given_names_within,
    known_type,
    leading_given_names,
    surname_matches,
)
from store.name_lexicon import is_census_first_name
from store.person_names import first_name_gender, is_first_name, title_gender

FUNCTION_POS = frozenset({"ADP", "DET", "PRON", "AUX", "CCONJ", "SCONJ", "PART", "ADV", "NUM"})


def join_second_references(reading: Reading, groups: dict[str, Group], parent: dict[str, str]) -> None:
    """ "Kerry" (and a mistyped "Kerry") -> John Kerry; a first name when it is unique;
    not a relative of the story's subject to the subject ("son of Pierre L'Enfant")."""
    full = {
        k: _without_territory(groups[k].longest()).split()
        for k in roots(groups, parent)
        if groups[k].type() == "PERSON"
    }
    people = {k: names for k, names in full.items() if len(names) > 1}  # merged ones keep their longest
    by_last: dict[str, list[str]] = {}
    by_first_name: dict[str, list[str]] = {}
    kin, main = relatives(reading.body, groups, parent), subject(groups, list(people))
    for person, names in people.items():
        for last in dict.fromkeys([names[-1], _surname(" ".join(names))]):
            by_last.setdefault(last, []).append(person)
        by_first_name.setdefault(names[0], []).append(person)
    for key in roots(groups, parent):
        group = groups[key]
        if not group.forms or known_type(group.longest()) or ACRONYM.match(group.longest()):
            continue
        words = group.longest().split()
        if group.type() != "PERSON" and len(words) > 1:
            continue  # a mistyped surname is one word ("Hamill" as ORG)
        by_surname = [
            person
            for person in by_last.get(words[-1], [])
            if person != key
            and groups[person].forms
            and len(words) < len(people[person])
            and (
                all(surname_matches(w, n) for w, n in zip(words, people[person][-len(words) :], strict=True))
                or (len(words) == 2 and words[0] == people[person][0] and words[1] == people[person][-1])
                or given_names_within(words, people[person])
            )
        ]  # "Kerry", "Huckabee Sanders", "Assad" for "Bashar al-Assad", "Joshua Norton" for
        # "Joshua Abraham Norton", "Otto Jespersen" for "Jens Otto Harry Jespersen"
        if not by_surname and len(words) > 1 and group.type() == "PERSON":
            by_surname = [
                person
                for person in by_first_name.get(words[0], [])
                if person != key and groups[person].forms and leading_given_names(words, people[person])
            ]  # "Pierre Charles" for "Pierre Charles L'Enfant"
        by_first = [
            person
            for person in by_first_name.get(words[0], [])
            if len(words) == 1 and person != key and groups[person].forms
        ]
        named = group.type() == "PERSON" or is_census_first_name(words[0])
        if any(f.titled for f in group.forms) or not named:
            by_first = []  # "Mr Charles" is a surname, "Prince Charles" a royal, "Koszalin" a town
        mine = _title_gender(group)
        candidates = [
            person
            for person in by_surname or by_first
            if _compatible(mine, _person_gender(groups[person], people[person]))
            and not (person == main and key in kin and len(words) > 1)
        ]  # "Mrs Howard" is not Michael Howard
        target = _dominant(groups, parent, candidates)
        if target is not None:
            for form in group.forms:
                form.label = "PERSON"  # "Trump" tagged ORG is still Donald Trump
            union(groups, parent, target, key)


def _title_gender(group: Group) -> str | None:
    """The gender the titles in the article give a person ("Mrs Howard"), if they agree."""
    found = {title_gender(f.titled.split()[0]) for f in group.forms if f.titled and " " in f.titled}
    found.discard(None)
    return found.pop() if len(found) == 1 else None


def _person_gender(group: Group, names: list[str]) -> str | None:
    return _title_gender(group) or first_name_gender(names[0])


def _compatible(one: str | None, other: str | None) -> bool:
    return one is None or other is None or one == other


def _dominant(groups: dict[str, Group], parent: dict[str, str], people: list[str]) -> str | None:
    """The one person a short name means: the only candidate, else the one the headline
    names (the story's subject), else the one named most, else the one named first
    ("Clinton" after "Hillary Clinton ... her husband Bill Clinton": news copy introduces
    its subject first and calls them by surname after)."""
    found = list(dict.fromkeys(find(parent, p) for p in people))
    if not found:
        return None
    return min(found, key=lambda k: (groups[k].first >= 0, -len(groups[k].forms), groups[k].first))


def mark_families(groups: dict[str, Group], parent: dict[str, str]) -> None:
    """ "the Sams" after Thomas Sam and Manju Sam: a family of people, not an organisation."""
    keys = roots(groups, parent)
    surnames = {
        _surname(groups[k].longest())
        for k in keys
        if groups[k].type() == "PERSON" and " " in groups[k].longest()
    }
    for key in keys:
        word = groups[key].longest()
        if " " not in word and word.endswith("s") and word[:-1] in surnames:
            for form in groups[key].forms:
                form.label = "PERSON"


def add_surnames(reading: Reading, groups: dict[str, Group], parent: dict[str, str]) -> None:
    """A person's surname standing alone where the model did not tag it ("Atwood said"),
    and their first name when no one else in the article shares it ("Jared decided")."""
    taken = {text for key in roots(groups, parent) for text in groups[key].texts()}
    people = [k for k in roots(groups, parent) if groups[k].type() == "PERSON"]
    surnames = Counter(_surname(groups[k].longest()) for k in people)
    wanted: dict[str, str] = {}
    headline = Counter(_surname(groups[k].longest()) for k in people if groups[k].first < 0)
    for key in people:
        name = groups[key].longest()
        surname = _surname(name)
        shared = surnames[surname] > 1 and not (groups[key].first < 0 and headline[surname] == 1)
        if len(name.split()) < 2 or shared or surname in taken or known_type(surname) or " the " in name:
            continue  # a shared surname goes to the headline's person; "Peter the Great" has none
        if len(surname) >= 3 and not surname.isupper():  # "VR" from "Arkham VR" is no surname
            wanted[surname] = key
    firsts = Counter(groups[k].longest().split()[0] for k in people)
    for key in people:
        words = groups[key].longest().split()
        first = words[0]
        if len(words) < 2 or firsts[first] > 1 or first in taken or first in surnames or first in wanted:
            continue
        if (is_first_name(first) or is_census_first_name(first)) and not known_type(first):
            wanted[first] = key  # "Jared" after "Jared Padalecki"
    doc = reading.doc
    held = sorted((f.start, f.end) for key in people for f in groups[key].forms)
    held_starts = [start for start, _ in held]
    reach = list(accumulate((end for _, end in held), max))  # the furthest end so far
    for token in doc:
        owner = wanted.get(token.text)
        if owner is None or not _proper(token, reading.common):
            continue
        at = bisect_right(held_starts, token.idx) - 1
        if at >= 0 and token.idx < reach[at]:
            continue  # inside a name already found: "Jane" in "Austen, Jane"
        bare_noun = token.pos_ == "NOUN" and not any(c.dep_ in ("det", "poss") for c in token.children)
        if token.pos_ != "PROPN" and token.i not in reading.firsts and not bare_noun:
            continue  # untagged as a name in mid-sentence: a common word ("the Marine")
        before = doc[token.i - 1] if token.i > 0 else None
        after = doc[token.i + 1] if token.i + 1 < len(doc) else None
        glued = before is not None and before.text == "-" and not before.whitespace_
        if glued or (before is not None and before.text[:1].isupper() and before.pos_ == "PROPN"):
            continue  # part of a longer name: "John Kerry", "Kerry Washington", "al-Kerry"
        if after is not None and after.text == "-" and not token.whitespace_:
            continue
        if after is not None and after.text[:1].isupper() and after.pos_ == "PROPN" and token.whitespace_:
            continue  # the first word of another name: "Jared Leto"
        groups[owner].forms.append(Form(token.text, "PERSON", token.idx))
        del wanted[token.text]


def _proper(token: Token, common: set[str]) -> bool:
    """Used as a name here: tagged a proper noun, or (the tagger errs at the start of a
    sentence: "Sanders left early") no function word and never written in lower case."""
    if token.pos_ == "PROPN":
        return True
    return token.pos_ not in FUNCTION_POS and token.lower_ not in common


def _without_territory(name: str) -> str:
    """A person's name without the place they are "of", in its usual order: "Patrick
    Gordon of Auchleuchries" -> "Patrick Gordon" (Auchleuchries is an estate, not a
    surname), "Austen, Jane" (a reference's order) -> "Jane Austen"."""
    surname, comma, given = name.partition(", ")
    if comma and given and ", " not in given:
        name = f"{given} {surname}"
    words = name.split()
    if "of" in words[1:-1]:
        return " ".join(words[: words.index("of", 1)])
    return name


def _surname(name: str) -> str:
    """The last word without an attached particle or a place: "Bashar al-Assad" ->
    "Assad", "Patrick Gordon of Auchleuchries" -> "Gordon"."""
    last = _without_territory(name).split()[-1]
    head, dash, rest = last.partition("-")
    if dash and head.casefold() in {"al", "el", "ad", "as", "ash", "an", "at", "az", "bin", "ibn", "abu"}:
        return rest
    return last
