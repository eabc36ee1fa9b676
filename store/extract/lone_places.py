"""One-word names the model calls people or organisations that the text shows to be places.

A "person" one of whose occurrences shows a place. The model tags an unfamiliar town
once, as a person ("helping the Russians take Azov"), and the article says where it is
elsewhere, where the model tagged nothing: "his remains were reinterred at Azov". Each
occurrence of the name in the text is read, not only the tagged ones. A place is shown
by the object of "in", "near", "outside" or "at" after a verb of burial, living, dying
or being born ("buried at Azov", "died in Azov"; not "laughed at Zelig", nor "in
Caudipteryx", a dinosaur). A first name of the census stays a person
(`places_by_position` reads those), and so does the surname of a person the article
names in full.

A "person" or "organisation" travelled through or across: the object of "through" or
"across" after a word of travel ("a journey through Thrace", "marched across Silesia";
not "sold through Amazon", "popular across Facebook"). A name the gazetteer knows and a
first name of the census are left alone.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from store.extract.entity_context import PLACE_PREPOSITIONS, RESIDING_VERBS
from store.extract.names import known_type
from store.name_lexicon import is_census_first_name, is_first_name

if TYPE_CHECKING:
    from spacy.tokens import Token

    from store.extract.entity_spans import Form, Reading

BURIAL_WORDS = frozenset("bury buried inter interred reinter reinterred entomb entombed".split())
"""A burial's verb, read from the word and its lemma (the lemmatizer fails "reinterred")."""


def places_shown(reading: Reading, forms: list[Form]) -> None:
    """Retype as places the names this module's evidence shows to be places (module docstring)."""
    places_by_occurrence(reading, forms)
    places_travelled(reading, forms)


def places_by_occurrence(reading: Reading, forms: list[Form]) -> None:
    """Retype as places the one-word people an occurrence shows to be places (module docstring)."""
    lone = {
        f.text
        for f in forms
        if f.label == "PERSON"
        and not f.evidence
        and f.text.isalpha()
        and f.text[:1].isupper()
        and not is_census_first_name(f.text)
        and not is_first_name(f.text)
    }
    if not lone:
        return
    surnames = {f.text.split()[-1] for f in forms if f.label == "PERSON" and " " in f.text}
    lone -= surnames
    shown = set()
    for name in lone:  # find the few occurrences in the text, not every token of the doc
        if any(len(span) == 1 and _placed(span[0]) for span in reading.name_spans(name, hyphen_joined=True)):
            shown.add(name)
    for form in forms:
        if form.text in shown and form.label == "PERSON" and not form.evidence:
            form.label = "GPE"


def _placed(token: Token) -> bool:
    if token.dep_ != "pobj" or token.i + 1 < len(token.doc) and token.nbor().text[:1].isupper():
        return False  # part of a longer name: "at Azov Steel"
    preposition, verb = token.head, token.head.head
    return (preposition.lower_ in PLACE_PREPOSITIONS or preposition.lower_ == "at") and (
        verb.lemma_ in RESIDING_VERBS or verb.lemma_ in BURIAL_WORDS or verb.lower_ in BURIAL_WORDS
    )


TRAVEL_WORDS = frozenset(
    "journey travel trip voyage tour march pass passage ride walk drive sail fly trek wander advance"
    " retreat flee route road".split()
)
"""Words of travel, verbs and nouns, whose "through" or "across" crosses a place."""


def places_travelled(reading: Reading, forms: list[Form]) -> None:
    """Retype as places the one-word names travelled through or across (module docstring)."""
    doc = reading.doc
    for form in forms:
        if form.label not in ("PERSON", "ORG") or form.evidence or " " in form.text:
            continue
        if known_type(form.text) or is_census_first_name(form.text):
            continue
        span = doc.char_span(form.start, form.end)
        if span is None or span.root.dep_ != "pobj":
            continue
        preposition = span.root.head
        if preposition.lower_ in ("through", "across") and preposition.head.lemma_ in TRAVEL_WORDS:
            form.label = "GPE"
