"""Names the model missed that the writing itself marks: a capitalised "The" inside a
sentence ("a writer for The Onion", "Wikinews spoke to The Verge") begins a name, the
way newspapers, sites, bands and companies are called. Named twice or more in the body,
and tagged nowhere by the model, such a name is an organisation (or what its head word
says: "The Old Vic Theatre" is a building)."""

from __future__ import annotations

import re

from store.extract.entity_spans import Form, Reading
from store.extract.name_heads import retype
from store.extract.names import is_title_word, known_type

THE_NAME = re.compile(r"(?<=[a-z,;:] )The ([A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,2})(?![\w'’-]| [A-Z])")
"""Mid-sentence "The" and one to three capitalised words, not followed by another."""
MIN_OCCURRENCES = 2


def definite_names(reading: Reading, forms: list[Form]) -> list[Form]:
    """One form per occurrence (without "The") of each such name."""
    found: dict[str, list[int]] = {}
    for match in THE_NAME.finditer(reading.body):
        found.setdefault(match.group(1), []).append(match.start(1))
    if not found:
        return []
    taken = [(f.start, f.end) for f in forms if f.start >= 0]
    added: list[Form] = []
    for text, starts in found.items():
        words = text.split()
        if len(starts) < MIN_OCCURRENCES or any(
            is_title_word(w) or w.lower() in reading.common for w in words
        ):
            continue  # "The President", a word the article also writes in lower case
        if any(a < s + len(text) and s < b for s in starts for a, b in taken):
            continue  # the model tagged it somewhere: its forms and aliases decide
        label = known_type(text) or retype(text, "ORG")
        added += [Form(text, label, start) for start in starts]
    return added
