"""People the model called organisations, told by how the article names them.

- **Called by the last word.** Copy shortens a person to the surname ("Siméon Poisson
  … Poisson declared", "Pescheux d'Herbinville … why d'Herbinville would") and a company
  to its first word or initials ("Goldman Sachs … Goldman", "Morgan Stanley"). A name of
  two capitalised words the model calls an organisation is a person when the article
  writes its last word on its own (a proper noun after no capitalised word and before
  none, not after "the", not modifying a noun: "the Dead", "Dead associates" are a
  band's) and never its first. No word is a head word, a legal suffix, a known name,
  initials or a word the article writes in lower case, and the first is no
  nationality's ("Royal Dutch Shell" has three words; "Nippon Steel" writes "steel";
  "the Syrian Thebaid").
- **Given name of a place.** A first name, "of" and a capitalised place is a person's
  style ("Hilary of Poitiers", "Catherine of Aragon"); an organisation's name before
  "of" is a head word ("Bank of America"). The first name is one of the census or of
  two of faker's locales, and no known place ("Georgia of …"); the place is written in
  words, not initials ("Wilson of C-MORE" is a scientist and her laboratory).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from store.company_names import is_legal_suffix
from store.extract.entity_groups import Group, roots
from store.extract.name_heads import EVENT_HEADS, HEAD_TYPES, WORK_HEADS
from store.extract.names import NATIONALITY, known_type
from store.name_lexicon import is_census_first_name, is_first_name

if TYPE_CHECKING:
    from store.extract.entity_spans import Reading


def people_by_naming(reading: Reading, groups: dict[str, Group], parent: dict[str, str]) -> None:
    """Retype as people the organisations the article names as people (module docstring)."""
    for key in roots(groups, parent):
        group = groups[key]
        if not group.forms or group.type() != "ORG" or any(f.evidence for f in group.forms):
            continue
        name = group.longest()
        if _called_by_last_word(reading, name) or _given_name_of_place(name):
            for form in group.forms:
                form.label = "PERSON"


def _plain_name_word(word: str, common: set[str]) -> bool:
    return (
        word[:1].isupper()
        and not word.isupper()  # "UC Berkeley": initials
        and word.replace("-", "").isalpha()  # "King's Man"
        and word.lower() not in common
        and word not in HEAD_TYPES
        and word not in EVENT_HEADS
        and word not in WORK_HEADS
        and not is_legal_suffix(word)
        and not known_type(word)
    )


def _called_by_last_word(reading: Reading, name: str) -> bool:
    words = name.split()
    if len(words) != 2 or known_type(name):
        return False
    first, last = words
    surname = last.split("'", 1)[1] if last[:2].lower() == "d'" else last  # "d'Herbinville"
    if not (_plain_name_word(first, reading.common) and _plain_name_word(surname, reading.common)):
        return False
    if NATIONALITY.match(first):
        return False  # "the Syrian Thebaid": a nationality's adjective
    body = reading.body
    alone = re.compile(rf"(?<![\w'’-]){re.escape(last)}(?![\w-])")  # "Poisson's" too
    first_alone = re.compile(rf"(?<![\w'’-]){re.escape(first)}(?![\w-])(?! {re.escape(last)})")
    if first_alone.search(body) is not None:
        return False
    return any(_name_alone(reading, found.start(), found.end()) for found in alone.finditer(body))


OPENERS = "<([{\"'“‘"
"""Marks that may open a name: wire copy writes "<Nippon Life>"."""


def _name_alone(reading: Reading, start: int, end: int) -> bool:
    """A name on its own at `start`: a proper noun, no part of another name ("Siméon
    Poisson", "White Sox", "American Samoa"), no modifier ("Dead associates") and no
    group's ("the Dead")."""
    doc = reading.doc
    span = doc.char_span(start, end)
    if span is None or span.root.pos_ != "PROPN" or span.root.dep_ == "compound":
        return False
    if span.start > 0:
        before = doc[span.start - 1]
        if before.lower_ == "the" or before.text.lstrip(OPENERS)[:1].isupper():
            return False
    return span.end == len(doc) or not doc[span.end].text[:1].isupper()


def _given_name_of_place(name: str) -> bool:
    words = name.split()
    if len(words) < 3 or words[1] != "of" or not all(_place_word(w) for w in words[2:]):
        return False
    given = words[0]
    if not (is_census_first_name(given) or is_first_name(given)):
        return False
    return not known_type(given) and given not in HEAD_TYPES and not known_type(name)


def _place_word(word: str) -> bool:
    """A place's word in a person's style: "Poitiers", "Aragon" (not initials: "Wilson of
    C-MORE" is a scientist and her laboratory)."""
    return word[:1].isupper() and not word.isupper() and word.replace("-", "").isalpha()
