"""Two names the model joined into one span, parted again by their punctuation.

- A slash between spaced names: "the latest Newsmax / Zogby poll" names two pollsters.
- A comma before a name with a head word of its own, in a list that goes on after the
  span: "from the Academy, Squadron Officer School and ROTC" (not "Trinity College,
  Cambridge" nor "Merrill Lynch, Pierce, Fenner & Smith": no head word after the comma).
- A lower-case "as" before one last capitalised word: the role someone plays ("starred in
  House of Wax as Wade"), a person.
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from store.extract.name_heads import FACILITY_HEADS, ORG_HEADS, head_word, retype
from store.extract.pipeline import text_of

LIST_GOES_ON = re.compile(r",? (?:and|or) [A-Z]")
"""After a span: the span was items of a list ("…, Squadron Officer School and ROTC")."""


def parted(span: Span) -> list[Span]:
    """The names a model span holds: itself, or the parts around a slash, a list's comma or
    a role's "as"."""
    doc = span.doc
    if retype(span.text, span.label_) == "FIELD":
        return [span]  # "Educational / Counseling Psychology": a subject, no names
    for token in span[1:-1]:
        before, after = doc[span.start : token.i], doc[token.i + 1 : span.end]
        if not (before[-1].pos_ == after[-1].pos_ == "PROPN" and after[0].text[:1].isupper()):
            continue
        if token.text == "/" and token.whitespace_ and doc[token.i - 1].whitespace_:
            return [_labelled(before, span), _labelled(after, span)]
        if token.text == "," and _listed(span, after):
            return [_labelled(before, span), _labelled(after, span)]
        if token.text == "as" and len(after) == 1:
            return [_labelled(before, span), Span(span.doc, after.start, after.end, label="PERSON")]
    return [span]


def _listed(span: Span, after: Span) -> bool:
    """The name after the comma has an organisation's or building's head word, and a list
    goes on after the span."""
    head = head_word(after.text)
    return (head in ORG_HEADS or head in FACILITY_HEADS) and bool(
        LIST_GOES_ON.match(text_of(span.doc), span.end_char)
    )


def _labelled(part: Span, span: Span) -> Span:
    return Span(span.doc, part.start, part.end, label=span.label_)
