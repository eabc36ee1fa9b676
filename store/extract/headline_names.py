"""The headline's names: read with the body's, and kept alone only when they say what they are."""

from __future__ import annotations

from collections.abc import Collection

from spacy.tokens import Doc

from store.extract.entity_groups import Group
from store.extract.entity_spans import Form, Reading
from store.extract.model_spans import model_forms
from store.extract.names import known_type
from store.name_lexicon import is_census_first_name
from store.person_names import is_first_name


def named_alone(group: Group) -> bool:
    """A name only the headline gives is trusted when it says what it is: a known place or
    organisation, or a person's first name and surname. The model reads telegraphic
    headlines badly ("Millions don't turn up…", "Cosmonaut Alexei Leonov dies", "president
    of India Pranab Mukherjee")."""
    text = group.longest()
    if known_type(text):  # countries included
        return True
    words = text.split()
    return (
        group.type() == "PERSON"
        and len(words) >= 2
        and (is_first_name(words[0]) or is_census_first_name(words[0]))
        and not any(known_type(w) for w in words)
    )


TITLE_OFFSET = -1_000_000
"""Headline forms sit before the body: their offsets are shifted below zero."""


def title_forms(title: Doc, labels: Collection[str]) -> list[Form]:
    """The headline's names: a headline name joins the body's entity it names ("Jared
    Padalecki" for the body's "Padalecki"); one the body never names is an entity of its
    own, named in the headline ("Pop culture celebrated at Fan Expo Canada 2016 in Toronto").
    A headline in Title Case gives none: its capitals say nothing about names."""
    words = [t for t in title if t.is_alpha]
    capitalised = sum(1 for t in words if t.text[:1].isupper())
    if len(words) > 4 and capitalised > 0.7 * len(words):
        return []
    reading = Reading.of(title)
    forms = [f for f in model_forms(reading) if f.label in labels]
    for form in forms:
        form.start += TITLE_OFFSET
        form.titled = None
    return forms
