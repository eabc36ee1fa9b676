"""First names from the US Census Bureau's 1990 name files (the `names` package ships them).

The hand list in `store.person_names` holds the first names newsdesk is sure of (it
decides the gender of a name, and that a bare first name never joins across articles);
this one is broad: about 2,500 first names borne by at least 7 in 100,000 people of the
census, enough to tell that "Jean Cocteau" or "Brock Wyatt Holt" is a person when the
model calls them an organisation. Rare entries ("China", "Paris", "Royal") are left out
by the frequency cut. Read once, on first use; nothing is downloaded.
"""

from __future__ import annotations

import unicodedata
from functools import cache
from importlib import resources

MIN_PERCENT = 0.007
"""A first name counts when at least this share (in %) of the census bore it."""
FILES = ("dist.male.first", "dist.female.first")


@cache
def _first_names() -> frozenset[str]:
    found: set[str] = set()
    try:
        root = resources.files("names")
    except ModuleNotFoundError:
        return frozenset()  # the package is a dependency; without it the rule is off
    for name in FILES:
        for line in (root / name).read_text(encoding="ascii").splitlines():
            parts = line.split()
            if len(parts) >= 2 and float(parts[1]) >= MIN_PERCENT:
                found.add(parts[0].casefold())
    return frozenset(found)


def plain(word: str) -> str:
    """Case-folded, without accents: "Gérard" -> "gerard"."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def is_census_first_name(word: str) -> bool:
    """A first name of the census list ("Brock", "Gérard"); for "Pierre-Simon" its first part."""
    return plain(word.split("-")[0]) in _first_names()
