"""Words at the edge of a model's span that are never part of the name: a caption's
credit label ("Belle Image: Nick Moreau.") and a weekday that opens a date ("… by
Wikinews Saturday, January 31, 2009")."""

from __future__ import annotations

from spacy.tokens import Token

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
