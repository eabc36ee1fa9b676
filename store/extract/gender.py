"""Which pronoun a person takes, as far as the article and a first-name list say.

Used only to keep "he said" from resolving to a woman and "she said" to a man.
Evidence, strongest first: a title in the article (Mr., Mrs., Ms.), a possessive
or subject pronoun right after the person is named as a sentence's subject,
then a list of common first names. Unknown is compatible with both.
"""

from __future__ import annotations

import re
from collections import Counter

from store.person_names import FEM, FEMALE_NAMES, FEMALE_TITLES, MALE_NAMES, MALE_TITLES, MASC

_SUBJECT_PRONOUN = re.compile(r"\b(he|his|him|she|her|hers)\b", re.IGNORECASE)


def name_gender(name: str) -> str | None:
    """MASC, FEM or None from the first word of a name."""
    words = name.replace(".", ". ").split()
    if not words:
        return None
    first = words[0].casefold()
    if first in MALE_TITLES:
        return MASC
    if first in FEMALE_TITLES:
        return FEM
    if first in MALE_NAMES:
        return MASC
    if first in FEMALE_NAMES:
        return FEM
    return None


def title_before(text: str, start: int) -> str | None:
    """MASC or FEM from a title right before a name at `text[start:]` ("Mrs. Lopez")."""
    before = text[max(0, start - 12) : start].split()
    if not before:
        return None
    word = before[-1].casefold()
    if word in MALE_TITLES:
        return MASC
    if word in FEMALE_TITLES:
        return FEM
    return None


NAME_WEIGHT = 2
"""A first name from the lists weighs as much as two pronouns (a title weighs three)."""


class GenderVotes:
    """Evidence about each person of one article, collected while reading it."""

    def __init__(self) -> None:
        self.votes: dict[str, Counter[str]] = {}

    def add(self, person: str, gender: str | None, weight: int = 1) -> None:
        if gender:
            self.votes.setdefault(person, Counter())[gender] += weight

    def add_following_text(self, person: str, text: str) -> None:
        """Pronouns in the words right after the person's name as a lone subject."""
        match = _SUBJECT_PRONOUN.search(text)
        if match:
            word = match.group(1).casefold()
            self.add(person, MASC if word in ("he", "his", "him") else FEM)

    def gender(self, person: str) -> str | None:
        """The gender with the most evidence; a first name in the lists counts as two votes,
        so one pronoun misread as the person's ("Trump mocked his rival, saying she …")
        does not outvote "Donald"."""
        counter = Counter(self.votes.get(person) or ())
        prior = name_gender(person)
        if prior:
            counter[prior] += NAME_WEIGHT
        if counter:
            (best, n), *rest = counter.most_common(2) + [("", 0)]
            if n > rest[0][1]:
                return best
        return None


def compatible(person_gender: str | None, pronoun_gender: str | None) -> bool:
    """Unknown on either side fits."""
    return person_gender is None or pronoun_gender is None or person_gender == pronoun_gender
