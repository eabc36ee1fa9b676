"""A campus's names: grammar of institutions' names, not names.

"University of California, Berkeley", "University of California at Berkeley" and "UC
Berkeley" name one campus: an institution's name, then its campus after a comma or
"at", or the institution's initials before the campus. Plain data with no NLP, shared
by extraction (`store.extract.campus_names`) and the corpus-wide grouping
(`store.identity`).
"""

from __future__ import annotations

import re

INSTITUTION_HEADS = frozenset(
    "University College School Academy Institute Seminary Conservatory Polytechnic".split()
)
"""Head words an institution is called without ("at Harvard", "taught at Tsinghua")."""
CAMPUS = re.compile(r"^(.+?)(?:, | at )([A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,2})$")
SHORT_CAMPUS = re.compile(r"^([A-Z]{2,5}) ([A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,2})$")
"""The institution's initials, then the campus: "UC Berkeley", "UH Mānoa"."""


def campus_of(name: str) -> tuple[str, str] | None:
    """(institution, campus) of "University of California, Berkeley" or "University of
    California at Berkeley"; None for a name with no institution's head word before it."""
    if ", " not in name and " at " not in name:
        return None
    found = CAMPUS.match(name)
    if found is None or not INSTITUTION_HEADS.intersection(found.group(1).split()):
        return None
    return found.group(1), found.group(2)


def campus_key(name: str) -> str:
    """The name with its campus after a space: "University of California, Berkeley" and
    "University of California at Berkeley" alike."""
    found = campus_of(name)
    return f"{found[0]} {found[1]}" if found else name


def short_campus(name: str) -> tuple[str, str] | None:
    """(initials, campus) of "UC Berkeley"."""
    found = SHORT_CAMPUS.match(name)
    return (found.group(1), found.group(2)) if found else None
