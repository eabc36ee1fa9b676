"""First names from two lexical resources installed with newsdesk; nothing is downloaded.

- The US Census Bureau's 1990 name files (the `names` package ships them): about 2,500
  first names borne by at least 7 in 100,000 people of the census. Rare entries
  ("China", "Paris", "Royal") are left out by the frequency cut.
- The first-name lists that `faker` keeps for some 80 locales (French, German,
  Hebrew, Turkish, Italian, Chinese pinyin, …): about 3,700 names written in the Latin
  alphabet that at least two locales list ("Noam", "Gérard", "Giovanni", "Enver"). The
  English-speaking locales' lists are left out: they are long, unweighted and full of
  words ("China", "General", "Will"); the census covers those names by frequency.

- The `nicknames` package's hand-curated table of English given names and their
  nicknames (2,691 pairs: "Lawrence" and "Larry", "William" and "Bill"), which tells
  that "Larry Lessig" is the article's "Lawrence Lessig".

The hand list in `store.person_names` holds the first names newsdesk is sure of (it
decides the gender of a name, and that a bare first name never joins across articles);
these are broad, enough to tell that "Jean Cocteau", "Brock Wyatt Holt" or "Noam
Chomsky" is a person when the model calls them an organisation. Each is read once, on
first use.
"""

from __future__ import annotations

import importlib
import pkgutil
import unicodedata
from collections import Counter
from functools import cache
from importlib import resources

MIN_PERCENT = 0.007
"""A first name of the census counts when at least this share (in %) of the census bore it."""
FILES = ("dist.male.first", "dist.female.first")
MIN_LOCALES = 2
"""A first name of faker's lists counts when this many locales list it: one locale's
list alone may hold a word ("Paris" in one)."""
SKIPPED_LOCALES = "en"
"""Faker's English-speaking locales ("en", "en_US", "en_GB", …): long, unweighted lists
full of words ("China", "General", "Austin"); the census covers those names."""
LATIN_END = 0x250
"""Names in the Latin alphabet (with its accents) only: the text compared is Latin."""


@cache
def _first_names() -> frozenset[str]:
    return frozenset(name for file in FILES for name in _census(file, MIN_PERCENT))


def _census(file: str, min_percent: float) -> set[str]:
    """The names of one of the `names` package's census files (most frequent first, a
    name and the share in % that bore it per line) that at least `min_percent` bore."""
    try:
        lines = (resources.files("names") / file).read_text(encoding="ascii").splitlines()
    except (ModuleNotFoundError, FileNotFoundError):
        return set()  # the package is a dependency; without it the rule is off
    found: set[str] = set()
    for line in lines:
        parts = line.split()
        if len(parts) < 2 or float(parts[1]) < min_percent:
            break
        found.add(parts[0].casefold())
    return found


@cache
def _international_first_names() -> frozenset[str]:
    """Faker's first names of the world's locales (module docstring)."""
    try:
        people = importlib.import_module("faker.providers.person")
    except ModuleNotFoundError:
        return frozenset()  # the package is a dependency; without it the rule is off
    locales: Counter[str] = Counter()
    for module in pkgutil.iter_modules(people.__path__):
        if module.name.split("_")[0] == SKIPPED_LOCALES:
            continue
        provider = importlib.import_module(f"{people.__name__}.{module.name}").Provider
        listed: set[str] = set()
        for attribute, value in vars(provider).items():
            if not attribute.startswith(("first_name", "first_romanized")):
                continue
            if isinstance(value, dict):
                value = list(value)
            if isinstance(value, (list, tuple)):
                listed.update(plain(v) for v in value if isinstance(v, str) and _latin(v))
        locales.update(listed)
    return frozenset(name for name, n in locales.items() if n >= MIN_LOCALES)


def _latin(name: str) -> bool:
    return all(ord(ch) < LATIN_END or unicodedata.combining(ch) for ch in name)


@cache
def _nicknames() -> dict[str, frozenset[str]]:
    """Given name -> its nicknames and the names it is a nickname of (both ways)."""
    try:
        table = resources.files("nicknames") / "names.csv"
        lines = table.read_text(encoding="utf-8").splitlines()
    except (ModuleNotFoundError, FileNotFoundError):
        return {}  # the package is a dependency; without it the rule is off
    related: dict[str, set[str]] = {}
    for line in lines[1:]:
        parts = line.split(",")
        if len(parts) == 3 and parts[1] == "has_nickname":
            related.setdefault(parts[0], set()).add(parts[2])
            related.setdefault(parts[2], set()).add(parts[0])
    return {name: frozenset(others) for name, others in related.items()}


def load_first_names() -> None:
    """Read the lists now (before worker processes fork, so that they share them)."""
    _first_names()
    _international_first_names()
    _nicknames()


def same_given_name(one: str, other: str) -> bool:
    """One given name, or one the nickname of the other ("Larry", "Lawrence")."""
    a, b = plain(one), plain(other)
    return a == b or b in _nicknames().get(a, ())


def plain(word: str) -> str:
    """Case-folded, without accents: "Gérard" -> "gerard"."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def is_census_first_name(word: str) -> bool:
    """A first name of the census list ("Brock", "Gérard"); for "Pierre-Simon" its first part."""
    return plain(word.split("-")[0]) in _first_names()


def is_first_name(word: str) -> bool:
    """A first name of either list ("Brock", "Noam", "Siméon"); for "Pierre-Simon" its first part."""
    first = plain(word.split("-")[0])
    return first in _first_names() or first in _international_first_names()


COMMON_SURNAME_PERCENT = 0.005
"""A surname of the census is common when at least this share (in %) bore it: the
2,750 or so most frequent ("Kennedy", "Hamilton", "Lincoln"; not "Irvine")."""


@cache
def _common_surnames() -> frozenset[str]:
    return frozenset(_census("dist.all.last", COMMON_SURNAME_PERCENT))


def is_common_surname(word: str) -> bool:
    """A surname the census found common ("Kennedy", "Jackson"; see COMMON_SURNAME_PERCENT)."""
    return plain(word) in _common_surnames()
