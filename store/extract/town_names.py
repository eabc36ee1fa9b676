"""A town's name that stands for an institution or a club the article names after it.

A story that names the University of Helsinki and then has its researcher begin "post-
doctoral research at Helsinki" means the university; a baseball story that names the
Altoona Curve and has its player open the season "with Altoona" means the club. One
occurrence of a place's name becomes the organisation's when:

- it is the object of "at" and the article names exactly one institution (a name with an
  institution's head word: University, College, School …) that holds the place: before
  the head word ("Suffolk University"), after its "of" ("University of Helsinki") or as
  its campus ("Trinity College, Cambridge"). Not after a verb of living, being born or
  dying ("born at Cambridge"): that is the town;
- it is the object of "for", "with" or "against" and the article names exactly one
  organisation called by the place and one or two more capitalised words, none of them a
  head word ("Altoona Curve", "Boston Red Sox"; not "Boston University", nor a company
  "Boston Scientific Corp"). Not after a verb of travel ("left for Boston").

The occurrence joins the organisation (its type shown by the syntax, as "the Bolton
striker" shows a club's); the place keeps its other occurrences. Only the article's own
names are read: no list of towns, universities or clubs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from store.campus_names import INSTITUTION_HEADS, campus_of
from store.company_names import is_legal_suffix
from store.extract.entity_context import RESIDING_VERBS
from store.extract.entity_groups import Group, roots, union
from store.extract.name_heads import HEAD_TYPES

if TYPE_CHECKING:
    from store.extract.entity_spans import Form, Reading

PLACES = frozenset({"GPE", "LOC"})
CLUB_PREPOSITIONS = frozenset({"for", "with", "against"})
"""Prepositions whose object is a club in sports copy: "24 games for Indianapolis"."""
TRAVEL_VERBS = frozenset("leave depart head sail fly set bind return flee".split())
"""Verbs whose "for" is a destination: "left for Boston", "bound for Boston"."""
NOT_AT_INSTITUTION = RESIDING_VERBS | {"bury"}
"""Verbs whose "at" is the town itself: "born at Cambridge", "died at Oxford"."""


def join_town_names(reading: Reading, groups: dict[str, Group], parent: dict[str, str]) -> None:
    """Move the occurrences of a town that stand for an institution or a club into that
    organisation's group (module docstring)."""
    keys = [k for k in roots(groups, parent) if groups[k].forms]
    organisations = [k for k in keys if groups[k].type() == "ORG"]
    if not organisations:
        return
    institutions: dict[str, set[str]] = {}
    clubs: dict[str, set[str]] = {}
    for key in organisations:
        for text in groups[key].texts():
            for town in _institution_towns(text):
                institutions.setdefault(town, set()).add(key)
            club_town = _club_town(text)
            if club_town is not None:
                clubs.setdefault(club_town, set()).add(key)
    places = {f.start: f.text for k in keys if groups[k].type() in PLACES for f in groups[k].forms}
    for key in organisations:
        for form in groups[key].forms:
            campus = places.get(form.end + 2) if reading.body[form.end : form.end + 2] == ", " else None
            if campus is not None and INSTITUTION_HEADS.intersection(form.text.split()):
                institutions.setdefault(campus, set()).add(key)  # "Trinity College, Cambridge"
    doc = reading.doc
    for key in keys:
        group = groups[key]
        if group.type() not in PLACES:
            continue
        for form in list(group.forms):
            span = doc.char_span(form.start, form.end) if form.start >= 0 else None
            if span is None or span.root.dep_ != "pobj" or form.evidence:
                continue
            preposition = span.root.head
            verb = preposition.head.lemma_ if preposition.head.pos_ in ("VERB", "AUX") else ""
            if preposition.lower_ == "at" and verb not in NOT_AT_INSTITUTION:
                owners = institutions.get(form.text, set())
            elif preposition.lower_ in CLUB_PREPOSITIONS and verb not in TRAVEL_VERBS:
                owners = clubs.get(form.text, set())
            else:
                continue
            if len(owners) == 1:
                _move(form, key, next(iter(owners)), groups, parent)


def _move(
    form: Form,
    place: str,
    organisation: str,
    groups: dict[str, Group],
    parent: dict[str, str],
) -> None:
    """`form` into the organisation's group; a place left with no form is folded into it."""
    groups[place].forms.remove(form)
    form.label, form.evidence = "ORG", True
    groups[organisation].forms.append(form)
    if not groups[place].forms:
        union(groups, parent, organisation, place)


def _institution_towns(name: str) -> list[str]:
    """The places an institution's name holds: "Suffolk" of "Suffolk University",
    "Helsinki" of "University of Helsinki", "Cambridge" of "Trinity College, Cambridge"."""
    towns = []
    campus = campus_of(name)
    if campus is not None:
        towns.append(campus[1])
        name = campus[0]
    words = name.split()
    if len(words) >= 2 and words[-1] in INSTITUTION_HEADS and _capitalised(words[:-1]):
        towns.append(" ".join(words[:-1]))  # "Suffolk University"
    for i, word in enumerate(words[1:-1], start=1):
        if word == "of" and words[i - 1] in INSTITUTION_HEADS and _capitalised(words[i + 1 :]):
            towns.append(" ".join(words[i + 1 :]))  # "University of Helsinki"
            break
    return towns


def _club_town(name: str) -> str | None:
    """ "Altoona" of "Altoona Curve", "Boston" of "Boston Red Sox": a one-word place name
    and one or two capitalised words, no head word or legal suffix among them."""
    words = name.split()
    if not 2 <= len(words) <= 3 or not _capitalised(words):
        return None
    if any(w in HEAD_TYPES or w in INSTITUTION_HEADS or is_legal_suffix(w) for w in words[1:]):
        return None
    return words[0]


def _capitalised(words: list[str]) -> bool:
    return bool(words) and len(words) <= 3 and all(w[:1].isupper() and w.isalpha() for w in words)
