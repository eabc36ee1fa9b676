"""English common words, from a lexical resource installed with newsdesk; nothing is downloaded.

`lemminflect` ships the inflection table it builds from the NIH's SPECIALIST Lexicon:
about 40,000 English lemmas (nouns, verbs, adjectives, adverbs) with their inflected
forms, written in their dictionary case: "oath", "professor" and "meteorite" in lower
case, "Virginia", "Bush" and "Aachen" capitalised. A word listed only in lower case is a
common word; one listed capitalised (too) may be a name. Only the table is read (the
package's own import would add spaCy token extensions to the whole process): about
0.1 s, on first use.
"""

from __future__ import annotations

import csv
import gzip
import importlib.util
from functools import cache
from pathlib import Path

TABLE = "resources/infl_lu.csv.gz"
"""The inflection table inside the `lemminflect` package: lemma, part of speech, forms."""


@cache
def _table() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    """(forms of lower-case lemmas, forms of capitalised lemmas, plurals of lower-case
    nouns, superlatives of lower-case adjectives)."""
    spec = importlib.util.find_spec("lemminflect")
    if spec is None or not spec.submodule_search_locations:
        return frozenset(), frozenset(), frozenset(), frozenset()  # a dependency; without it, no rules
    lower: set[str] = set()
    capital: set[str] = set()
    plurals: set[str] = set()
    superlatives: set[str] = set()
    path = Path(next(iter(spec.submodule_search_locations))) / TABLE
    with gzip.open(path, "rt", encoding="utf-8") as rows:
        for lemma, pos, *columns in csv.reader(rows):
            forms = {form for column in columns for form in column.split("/") if form}
            if lemma[:1].isupper():
                capital.update(forms | {lemma})
                continue
            lower.update(forms | {lemma})
            if pos == "noun" and columns:
                plurals.update(form for form in columns[0].split("/") if form and form != lemma)
            if pos == "adj" and len(columns) > 1:
                superlatives.update(form for form in columns[1].split("/") if form)
    return frozenset(lower), frozenset(capital), frozenset(plurals), frozenset(superlatives)


def is_common_word(word: str) -> bool:
    """A word the lexicon lists in lower case only ("Oath", "Professors"; not "Virginia",
    "Bush", nor an acronym: "EDGE")."""
    lower, capital, _, _ = _table()
    if len(word) > 1 and word.isupper():
        return False
    folded = word.lower()
    return folded in lower and word not in capital and folded.capitalize() not in capital


def is_lower_case_word(word: str) -> bool:
    """A word the lexicon lists in lower case, whatever else it lists ("House", "Bank";
    not "Cantrex")."""
    return word.lower() in _table()[0]


def is_plural_noun(word: str) -> bool:
    """The plural of a common noun ("Professors", "Passages"; not "Miniseries", which is
    its own singular)."""
    return is_common_word(word) and word.lower() in _table()[2]


def is_superlative(word: str) -> bool:
    """The superlative of a common adjective ("Best", "Greatest"), even where a surname is
    written so too ("Best")."""
    return word.lower() in _table()[3]


def load_words() -> None:
    """Read the table now (before worker processes fork, so that they share it)."""
    _table()
