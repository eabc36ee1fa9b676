"""A character an actor plays is a person: "his performance as Ozymandias in the film Watchmen".

The model reads a character's unfamiliar name as a place or an organisation. The
sentence settles it: the name is the object of "as", and right after it "in" opens a
phrase that names a screen or stage work by its common noun ("in the American
superhero film Watchmen", "in the BBC series Sherlock", "in the 2009 film"). An
organisation or a place is no role ("as Reuters' correspondent in Moscow": "Moscow"
holds no such noun). A name the gazetteer knows is left alone.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from store.extract.entity_spans import PLACE_OR_ORG
from store.extract.names import known_type

if TYPE_CHECKING:
    from store.extract.entity_spans import Form, Reading

WORK_NOUNS = frozenset(
    "film films movie movies series miniseries serial sitcom drama play plays musical opera show"
    " production adaptation remake sequel prequel episode episodes telefilm soap".split()
)
"""Common nouns of screen and stage works: the "in" phrase after a role holds one."""
REACH = 8
"""Tokens after "in" within which the work's noun must come."""


def roles_played(reading: Reading, forms: list[Form]) -> None:
    """Retype as people the characters played (module docstring): marked `evidence`, as
    the sentence outweighs the model's other votes for the name."""
    doc = reading.doc
    for form in forms:
        if form.label not in PLACE_OR_ORG or form.evidence or known_type(form.text):
            continue
        span = doc.char_span(form.start, form.end)
        if span is None or span.root.dep_ != "pobj" or span.root.head.lower_ != "as":
            continue
        if span.end >= len(doc) or doc[span.end].lower_ != "in":
            continue
        sentence_end = span.root.sent.end
        phrase = doc[span.end + 1 : min(sentence_end, span.end + 1 + REACH)]
        if any(t.lower_ in WORK_NOUNS and t.pos_ == "NOUN" for t in phrase):
            form.label, form.evidence = "PERSON", True
