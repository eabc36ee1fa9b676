"""Relatives named like the person they are related to.

"the second son of Pierre L'Enfant (1704 – 1787), a painter" in an article about Pierre
Charles L'Enfant: the father bears the son's first name and surname, so the rule that
joins "George Bush" to "George W Bush" would make them one. A name right after a word of
kinship ("son of", "his father,", "her sister") names a relative of someone in the story,
and a relative of the story's subject is not the subject.
"""

from __future__ import annotations

import re

from store.extract.entity_groups import Group, find

KINSHIP = (
    "father|mother|son|daughter|brother|sister|uncle|aunt|nephew|niece|cousin|husband|wife"
    "|widow|widower|parents?|grandfather|grandmother|grandson|granddaughter"
    "|stepfather|stepmother|stepson|stepdaughter"
)
KIN_BEFORE = re.compile(rf"\b(?:{KINSHIP})(?: of|,)? $", re.IGNORECASE)
"""A word of kinship right before a name: "son of ", "his father, ", "her sister "."""


def relatives(body: str, groups: dict[str, Group], parent: dict[str, str]) -> set[str]:
    """The groups with an occurrence a word of kinship stands before."""
    return {
        find(parent, key)
        for key, group in groups.items()
        if any(f.start > 0 and KIN_BEFORE.search(body, max(0, f.start - 20), f.start) for f in group.forms)
    }


def subject(groups: dict[str, Group], people: list[str]) -> str | None:
    """The person the article names most often: the story's subject."""
    return max(people, key=lambda k: len(groups[k].forms), default=None)
