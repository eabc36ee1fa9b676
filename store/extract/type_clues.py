"""Names that are no person, organisation or place, and types the sentence settles.

Read off the syntax and the article, each rule on its own evidence:

- a scientific name (binomial nomenclature): a capitalised genus and a lower-case epithet
  the tagger takes for a proper noun or that ends as Latin epithets do ("Formica fusca",
  "Edwardsiella andrillae"). A species is no person, organisation or place, and neither
  is its genus named alone in the same article;
- a source "according to" is a person or an organisation, never a place ("according to
  Quantcast", where the model says GPE); the gazetteer's places stay places;
- a name in a list with names the gazetteer knows takes their type when the model put it
  on the other side of the organisation / place line ("Ubisoft, Microsoft and Sony");
- a census first name alone that the model calls an organisation is a person ("a quote
  from Virgil");
- what a speaker "called it" is no person ("I called it Character");
- a one-word name ending a capitalised phrase no form holds ends a title ("the thriller
  Flight of the Phoenix");
- an event's head word alone and the adjective of the Games are words of events ("the
  Games", "Paralympic sport").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from store.extract.entity_spans import PLACE_OR_ORG
from store.extract.name_heads import EVENT_HEADS, GAMES, HEAD_TYPES
from store.extract.names import NATIONALITY, is_title_word, known_type
from store.mention_scan import PLACE_TYPES, name_matches
from store.name_lexicon import is_census_first_name

if TYPE_CHECKING:
    from spacy.tokens import Token

    from store.extract.entity_spans import Form, Reading

LATIN_ENDINGS = ("a", "ae", "i", "ii", "is", "us", "um", "ensis", "oides")
"""Endings of Latin epithets ("fusca", "andrillae", "coli", "unilateralis", "niger" excepted)."""


def with_type_clues(reading: Reading, forms: list[Form]) -> list[Form]:
    """`forms` retyped and cleaned by every rule of this module (module docstring)."""
    sources_by_position(reading, forms)
    lists_with_known_names(reading, forms)
    first_names_alone(reading, forms)
    forms = without_things_called(reading, without_species(reading, without_event_words(forms)))
    return without_title_tails(reading, forms)


def without_species(reading: Reading, forms: list[Form]) -> list[Form]:
    """`forms` less scientific names and their genus (module docstring): a capitalised
    word that the article writes nowhere but right before one lower-case word, which in
    turn stands nowhere but after it (or after its initial: "E. andrillae"), and which
    ends as Latin epithets do or is tagged a proper noun. "The Obama era" is no species:
    the article names Obama elsewhere, or writes "era" alone."""
    doc = reading.doc
    body = reading.body
    genera: set[str] = set()
    for form in forms:
        span = doc.char_span(form.start, form.end)
        if span is None or form.label == "NORP" or span[0].text in genera:
            continue  # "a European consortium": a nationality modifies a noun
        genus = span[0]
        if len(span) == 2:
            epithet = span[1]  # the model took in the epithet: "Beauveria bassiana"
        elif len(span) == 1 and span.end < len(doc) and genus.whitespace_ == " ":
            epithet = doc[span.end]  # "Formica fusca" tagged "Formica"
        else:
            continue
        if _genus(genus) and _epithet(epithet) and _only_together(body, genus.text, epithet.text):
            genera.add(genus.text)
    if not genera:
        return forms
    return [f for f in forms if f.text.split()[0] not in genera]


def _genus(token: Token) -> bool:
    text = token.text
    plain_word = text.isalpha() and text[:1].isupper() and text[1:].islower()
    return plain_word and not known_type(text) and not NATIONALITY.match(text)


def _epithet(token: Token) -> bool:
    """A lower-case word of letters with a Latin ending, or one the tagger calls a proper noun."""
    text = token.text
    if not (text.isalpha() and text.islower() and len(text) >= 4):
        return False
    return token.tag_ == "NNP" or text.endswith(LATIN_ENDINGS)


def _only_together(body: str, genus: str, epithet: str) -> bool:
    """The genus stands nowhere without the epithet, nor the epithet without the genus
    (or its initial)."""
    pair = re.escape(genus) + " " + re.escape(epithet)
    alone_genus = sum(1 for _ in name_matches(body, genus))
    pairs = len(re.findall(rf"(?<![\w-]){pair}(?![\w-])", body))
    abbreviated = len(re.findall(rf"(?<![\w-]){genus[0]}\. {re.escape(epithet)}(?![\w-])", body))
    alone_epithet = sum(1 for _ in name_matches(body, epithet))
    return pairs > 0 and alone_genus == pairs and alone_epithet == pairs + abbreviated


def sources_by_position(reading: Reading, forms: list[Form]) -> None:
    """A name after "according to" that the model calls a place, and no gazetteer place,
    is an organisation: a place is not a source ("according to Quantcast")."""
    doc = reading.doc
    for form in forms:
        if form.label not in PLACE_TYPES or form.evidence or known_type(form.text):
            continue
        span = doc.char_span(form.start, form.end)
        if span is None or span.start < 2:
            continue
        if doc[span.start - 1].lower_ == "to" and doc[span.start - 2].lower_ == "according":
            form.label = "ORG"


def lists_with_known_names(reading: Reading, forms: list[Form]) -> None:
    """A name coordinated with a name the gazetteer knows takes its type when the model put
    the two on either side of the organisation / place line ("Ubisoft, Microsoft and
    Sony": Microsoft is an organisation, so is Ubisoft). One-word names only, and people
    are left alone: "Obama and Congress" are a person and an organisation."""
    doc = reading.doc
    at: dict[int, Form] = {}
    for form in forms:
        span = doc.char_span(form.start, form.end)
        if span is not None:
            at[span.root.i] = form
    for root, form in at.items():
        if form.label not in PLACE_OR_ORG or form.evidence or " " in form.text or known_type(form.text):
            continue  # a one-word name: a longer one has a head word to go by ("Den Danske Bank")
        partners = [at[t.i].text for t in doc[root].conjuncts if t.i in at]
        known = {kind for kind in map(known_type, partners) if kind is not None and kind in PLACE_OR_ORG}
        if len(known) != 1:
            continue
        kind = known.pop()
        if (kind == "ORG") != (form.label == "ORG"):
            form.label = kind


def first_names_alone(reading: Reading, forms: list[Form]) -> None:
    """A first name of the census standing alone that the model calls an organisation is
    a person ("a quote from Virgil", "Amanda said"): not after "the" ("the Sun"), not
    in capitals ("SUN"), nor a known organisation or an organisation's head word."""
    doc = reading.doc
    for form in forms:
        text = form.text
        if form.label != "ORG" or form.evidence or not (text[:1].isupper() and text[1:].islower()):
            continue  # one word in lower case after its capital
        if not is_census_first_name(text) or known_type(text) or text in HEAD_TYPES:
            continue
        span = doc.char_span(form.start, form.end)
        if span is None or (span.start > 0 and doc[span.start - 1].lower_ == "the"):
            continue
        form.label = "PERSON"


CALLED_BEFORE = re.compile(r"\b(?:call|calls|called|name|names|named|title|titled|dub|dubbed) (?:it|this) $")
CALLED_AFTER = re.compile(r",? (?:I|we|he|she|they) (?:call|called|named|titled|dubbed) (?:it|this)\b")
"""What a speaker "called it": the name of a thing ("I called it Character", "Overtures
I called it")."""


def without_things_called(reading: Reading, forms: list[Form]) -> list[Form]:
    """`forms` less the "people" the text names as things: "I called it Character"."""
    body = reading.body
    return [
        f
        for f in forms
        if not (
            f.label == "PERSON"
            and (CALLED_BEFORE.search(body, max(0, f.start - 20), f.start) or CALLED_AFTER.match(body, f.end))
        )
    ]


TITLE_TAIL = re.compile(r"(?<![\w'’-])([A-Z][a-z]+) (?:of|from|on|in|at) the $")
"""A capitalised word and "of the" before a name: the name may end a title ("Flight of
the Phoenix", "Notes from the Underground")."""


def without_title_tails(reading: Reading, forms: list[Form]) -> list[Form]:
    """`forms` less one-word names that end a capitalised phrase no form holds: "the
    thriller Flight of the Phoenix", "Notes from the Underground", "the Top of the Spear".
    The phrase's first word is a noun in mid-sentence, no title ("Lord of the Rings"),
    head word ("Bank of the West", "Battle of the Somme") or known name; a known name
    ending the phrase stays ("Halls of Congress")."""
    doc = reading.doc
    body = reading.body
    held = {i for f in forms for i in _token_range(reading, f)}
    dropped = set()
    for index, form in enumerate(forms):
        if " " in form.text or form.text.isupper() or form.evidence or known_type(form.text):
            continue
        found = TITLE_TAIL.search(body, max(0, form.start - 40), form.start)
        if found is None:
            continue
        lead = doc.char_span(found.start(1), found.end(1))
        if lead is None or len(lead) != 1:
            continue
        word = lead[0]
        if word.i in held or word.i in reading.firsts or word.pos_ not in ("NOUN", "PROPN"):
            continue
        before = word.i - 1
        while before >= 0 and doc[before].is_quote:
            before -= 1
        if before < 0 or not doc[before].is_lower:
            continue  # the phrase opens after a lower-case word: not the end of a name ("Finn Polmar")
        if is_title_word(word.text) or word.text in HEAD_TYPES or word.text in EVENT_HEADS:
            continue
        if not known_type(word.text):
            dropped.add(index)
    return [f for i, f in enumerate(forms) if i not in dropped]


def _token_range(reading: Reading, form: Form) -> range:
    span = reading.doc.char_span(form.start, form.end, alignment_mode="expand")
    return range(span.start, span.end) if span is not None else range(0)


def without_event_words(forms: list[Form]) -> list[Form]:
    """`forms` less an event's head word alone ("the Games being televised") and the
    adjective of the Games ("Paralympic sport", "an Olympic medalist"): words of events,
    no person, organisation or place."""
    return [
        f
        for f in forms
        if not (" " not in f.text and (f.text in EVENT_HEADS or f"{f.text}s" in GAMES) and f.label != "NORP")
    ]
