"""A place's or an organisation's mention takes in the common noun that heads its phrase.

A mention is the phrase that names the thing. When a common noun heads that phrase and
says what kind of thing the name is, the noun is part of the mention, as the title or
role noun is of a person's ("the critic Louis Ehlert", `entity_titles.widen_person_mentions`):

- a place after a noun for a kind of place and "of": "the village of Mazirat", "the
  leafy Melbourne suburb of Preston" (the mention begins at the noun, so it never takes
  in another name before it);
- an organisation named right after a noun for a kind of body, in apposition to it:
  "the militant group Hamas", "the news agency Korean Central News Agency";
- a name that modifies a noun for a kind of place or body after it: "Jiangsu province",
  "the NATO military alliance", "Yonhap news agency", "the Republican party"; not when
  the noun has a place of its own ("the Melbourne suburb of Preston" names Preston).

The parse must put the name with the noun (the object of its "of", or a compound or
modifier of it), only lower-case words may stand between, and a mention never grows
over another entity's mention. The jump reaches the same passages; what changes is what
the article view highlights, and where `newsdesk extract` says the mention lies.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from store.extract.entity_mentions import taken_spans
from store.extract.entity_spans import Reading
from store.extract.entity_titles import widen_person_mentions
from store.mention_scan import PLACE_TYPES
from store.models import Entity, Mention

PLACE_NOUNS = frozenset(
    """
village town city suburb hamlet estate county district province region state parish borough
municipality commune prefecture island port area neighbourhood neighborhood
""".split()
)
"""Nouns for a kind of place ("the town of Esna", "Jiangsu province")."""
BODY_NOUNS = frozenset(
    """
agency alliance group party team television channel network newspaper magazine company firm
bank club band union movement council committee coalition militia
""".split()
)
"""Nouns for a kind of organisation ("the NATO military alliance", "Yonhap news agency")."""
KINDS = {
    "GPE": PLACE_NOUNS,
    "LOC": PLACE_NOUNS,
    "FAC": PLACE_NOUNS,
    "ORG": BODY_NOUNS,
    "NORP": frozenset({"party"}),
}
"""The nouns each type is widened over: a group's adjective names one body, its party ("the
Republican party"); "a Chinese company" is no mention of the Chinese."""
MOST_BETWEEN = 2
"""Lower-case words a name and the noun after it may have between them ("news", "military")."""


def widen_mentions(reading: Reading, entities: list[Entity], starts: list[int]) -> None:
    """Widen every mention over the words that head its phrase: a person's title or role
    noun (`entity_titles.widen_person_mentions`), then a place's or organisation's noun."""
    widen_person_mentions(reading, entities, starts)
    widen_named_mentions(reading, entities, starts)


def widen_named_mentions(reading: Reading, entities: list[Entity], starts: list[int]) -> None:
    """Widen each place's and organisation's mentions over the noun that heads them
    (module docstring); mentions are replaced in place."""
    doc = reading.doc
    taken = taken_spans(entities)
    for entity in entities:
        kinds = KINDS.get(entity.type)
        if kinds is None:
            continue
        for number, mention in enumerate(entity.mentions):
            offset = starts[mention.paragraph]
            span = doc.char_span(offset + mention.start, offset + mention.end)
            if span is None:
                continue
            at, to = mention.start, mention.end
            noun = (
                _place_noun_before(doc, span.start, span.end)
                if entity.type in PLACE_TYPES
                else _kind_noun_before(doc, span.start, span.end, kinds)
            )
            if noun is not None:
                at = noun.idx - offset
            noun = _kind_noun_after(doc, span.start, span.end, kinds)
            if noun is not None:
                to = noun.idx + len(noun.text) - offset
            if (at, to) == (mention.start, mention.end):
                continue
            others = [(s, e) for s, e in taken[mention.paragraph] if (s, e) != (mention.start, mention.end)]
            if any(s < to and at < e for s, e in others):
                continue  # another entity's mention stands in the way
            taken[mention.paragraph].append((at, to))
            entity.mentions[number] = Mention(mention.paragraph, at, to)


def _place_noun_before(doc: Doc, first: int, end: int) -> Token | None:
    """The place noun of "the village of NAME" (tokens `first`..`end`), when the parse
    makes the name the object of that noun's "of"."""
    if first < 2:
        return None
    of, noun = doc[first - 1], doc[first - 2]
    if of.lower_ != "of" or not noun.is_lower or noun.lower_ not in PLACE_NOUNS:
        return None
    root = doc[first:end].root
    if root.head.i == of.i and of.head.i == noun.i:
        return noun
    return None


def _kind_noun_before(doc: Doc, first: int, end: int, kinds: frozenset[str]) -> Token | None:
    """The noun right before the name that the name stands in apposition to ("the
    militant group Hamas"), or that is a compound of it."""
    if first < 1:
        return None
    noun = doc[first - 1]
    if not noun.is_lower or noun.lower_ not in kinds or noun.pos_ != "NOUN" or not noun.whitespace_:
        return None
    root = doc[first:end].root
    if (root.dep_ == "appos" and root.head.i == noun.i) or (
        noun.dep_ == "compound" and noun.head.i == root.i
    ):
        return noun
    return None


def _kind_noun_after(doc: Doc, first: int, end: int, kinds: frozenset[str]) -> Token | None:
    """The noun after the name that it modifies ("NATO military alliance"), when only
    lower-case words stand between and the parse hangs the name and them on the noun."""
    root = doc[first:end].root
    for i in range(end, min(end + MOST_BETWEEN + 1, len(doc))):
        token = doc[i]
        if not token.is_lower or not token.is_alpha or token.pos_ not in ("NOUN", "ADJ"):
            return None
        if token.lower_ in kinds and token.pos_ == "NOUN":
            between = doc[end:i]
            owns = any(child.lower_ == "of" for child in token.rights)  # "Melbourne suburb of Preston"
            if (
                root.head.i == i
                and not owns
                and all(t.head.i == i or t.head.i in range(end, i) for t in between)
            ):
                return token
            return None
    return None
