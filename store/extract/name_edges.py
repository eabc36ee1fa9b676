"""Words at the edge of a model's span: a caption's credit label ("Belle Image: Nick
Moreau.") and a weekday that opens a date ("… by Wikinews Saturday, January 31, 2009")
are never part of the name, nor is a lower-case word before it ("a united Germany"); a
regnal number ("Elizabeth II") always is."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from spacy.tokens import Token

if TYPE_CHECKING:
    from store.extract.entity_spans import Form, Reading

CREDIT_WORDS = frozenset("image images photo photos photograph picture credit illustration".split())
"""The label of a caption's credit ("… Belle Image: Nick Moreau."): never a word of a name."""
WEEKDAYS = frozenset("Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split())
MONTHS = frozenset(
    "January February March April May June July August September October November December".split()
)


def is_credit_label(token: Token) -> bool:
    """ "Image" in "Belle Image: Nick Moreau.": a caption's credit label."""
    doc = token.doc
    return token.lower_ in CREDIT_WORDS and token.i + 1 < len(doc) and doc[token.i + 1].text == ":"


NAME_PARTICLES = frozenset(
    "de del della der den di da das do dos du la le van von ter ten zu al el ibn bin ben abu y".split()
)
"""Lower-case words a name may begin with ("de Gaulle", "van Gogh", "al-Assad")."""


def leads_no_name(token: Token) -> bool:
    """A word before a name that is no part of it: a lower-case modifier ("a united
    Germany"; not a particle: "de Gaulle") or a prefix cut off by a hyphen and a space
    ("Euro- NATO Joint Jet Pilot Training")."""
    if token.is_lower and token.is_alpha and token.pos_ != "PROPN" and token.lower_ not in NAME_PARTICLES:
        return token.i + 1 < len(token.doc) and token.whitespace_ == " "
    return len(token.text) > 1 and token.text.endswith("-") and token.whitespace_ == " "


def opens_date(token: Token) -> bool:
    """ "Saturday" in "… by Wikinews Saturday, January 31, 2009": a weekday that begins a
    date is no word of the name before it."""
    doc = token.doc
    following = doc[token.i + 1 : token.i + 3]
    return (
        token.text in WEEKDAYS
        and len(following) == 2
        and following[0].text == ","
        and (following[1].text in MONTHS or following[1].like_num)
    )


REGNAL_NUMBER = re.compile(r"(?:I{2,3}|IV|VI{0,3}|IX|XI{0,3}|XIV|XVI{0,3}|XIX|XX)\b")
"""II to XX after a name ("Elizabeth II", "Louis XIV"); a lone "I" only as a proper noun."""


def with_regnal_numbers(reading: Reading, forms: list[Form]) -> list[Form]:
    """ "Queen Elizabeth II" where only "Elizabeth" was found (by the model, the headline or
    the corpus): the regnal number is part of a person's name; a sovereign is not another
    person of the same first name."""
    return [
        replace(f, text=with_regnal_number(reading, f.start, f.text)) if f.label == "PERSON" else f
        for f in forms
    ]


def with_regnal_number(reading: Reading, start: int, text: str) -> str:
    """`text` at `start` in the body, with the regnal number that follows it, if any."""
    end = start + len(text)
    body = reading.body
    if start < 0 or body[end : end + 1] != " ":
        return text
    number = REGNAL_NUMBER.match(body, end + 1)
    if number is not None:
        return body[start : number.end()]
    span = reading.doc.char_span(end + 1, end + 2)
    if span is not None and span.text == "I" and span[0].pos_ == "PROPN":
        return body[start : end + 2]
    return text


def without_editors_brackets(name: str) -> str:
    """ "George H. W. Bush" for "[George H. W.] Bush": the words an editor put in square
    brackets are part of the name, the brackets are not."""
    if "[" not in name and "]" not in name:
        return name
    return " ".join(name.replace("[", "").replace("]", "").split())
