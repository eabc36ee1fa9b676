"""How sure extraction is of a quote's speaker: the route that found it, graded.

Every attribution records how the speaker was found, as two words:

- the *route* to the speech verb (or to the lack of one): a cue in the quote's own
  sentence, a cue after the quote, a partial quote's framing verb, a lead-in in a sentence
  before, a speaker carried over from an earlier quote, ...;
- the *naming* of its subject: a name, a pronoun resolved to a person, a role or epithet
  ("the minister") resolved to one, a body ("the company", "it"), a group.

Together they are written as one word, `route` or `route-naming` (`cue`, `cue-pronoun`,
`lead-in-role`, `carried`), and graded high, medium or low by `confidence_of`. The grades
were set from each route's speaker accuracy on the development sets (README: "How sure
the speaker is"), by a rule that reads the route, not the article.
"""

from __future__ import annotations

from typing import Literal, Protocol

Confidence = Literal["high", "medium", "low"]
CONFIDENCES: tuple[Confidence, ...] = ("high", "medium", "low")

ROUTES: dict[str, str] = {
    "cue": "by a speech verb in the quote's sentence",
    "cue-after": "by a speech verb right after the quote",
    "next-sentence": "by a speech verb in the next sentence",
    "partial": "by the verb framing a partial quote",
    "lead-in": "introduced by a speech verb a sentence or two before",
    "reporting": "introduced by a verb of saying or thinking a sentence or two before",
    "colon": "named before a colon",
    "continued": "of the quote it continues",
    "carried": "of an earlier quote in the paragraph",
    "previous-paragraph": "of the paragraph before",
    "hand": "set by hand",
}
"""Routes to a speaker, and how the Check speakers view words each."""

NAMINGS: dict[str, str] = {
    "name": "",
    "joint": "",
    "pronoun": "a pronoun",
    "far-pronoun": "a pronoun two or more sentences back",
    "role": "a role or epithet (“the minister”)",
    "body": "an organisation",
    "group": "a group (“the couple”, “they”)",
}
"""How the subject of the verb was named; a name (and two names, `joint`) is the plain case."""

FAR_PRONOUN = 2
"""A pronoun whose person is named this many sentences back or more is `far-pronoun`."""

HAND = "hand"


def is_uncertain(speaker: str | None, confidence: str | None, by_hand: bool = False) -> bool:
    """A speaker extraction named and is not sure of, which no person has set since (a
    speaker set by hand is graded high): the one test behind every "(?)" and flag."""
    return bool(speaker) and confidence == "low" and not by_hand


def speaker_from(route: str, naming: str = "name") -> str:
    """The one word stored for a route and a naming: `cue`, `lead-in-pronoun`."""
    return route if naming in ("name", "") or route == HAND else f"{route}-{naming}"


def split_speaker_from(value: str) -> tuple[str, str] | None:
    """(route, naming) of a stored word, or None when it is not one."""
    if value in ROUTES:
        return value, "name"
    for naming in NAMINGS:
        route = value.removesuffix(f"-{naming}")
        if route != value and route in ROUTES and route != HAND:
            return route, naming
    return None


_DIRECT = frozenset({"cue", "cue-after", "partial", "continued"})
"""A speech verb that governs the quote in its own sentence (or the quote it continues)."""
_INFERRED = frozenset({"next-sentence", "carried", "colon", "previous-paragraph"})
"""No verb of its own: the speaker is taken from a neighbour the quote leans on."""
_NAMED = frozenset({"name", "joint", "body", "pronoun"})
"""A name, or a pronoun whose person is named in its sentence or the one before."""


def confidence_of(route: str, naming: str = "name") -> Confidence:
    """The grade of a route, by the rule the README's table of dev-set accuracies supports:

    - high: a speech verb governing the quote in its own sentence, whose subject is a name,
      a body or a pronoun resolved within a sentence (all 98% or more right on the dev sets);
    - medium: the same verb with a role, an epithet or a group for a subject, or a speaker
      taken from a neighbour (the next sentence, an earlier quote of the paragraph, a name
      before a colon, the paragraph before) when it is named (each right on the dev sets,
      bar one or two, but a step of inference and too few to say more);
    - low: a pronoun resolved two or more sentences back (88% right), a speaker introduced
      in a sentence before the quote (83%), a verb of thinking, and a neighbour's speaker
      that was itself a role or a group.
    """
    if route == HAND:
        return "high"
    if naming == "far-pronoun" or route not in _DIRECT | _INFERRED:
        return "low"
    if route in _DIRECT:
        return "high" if naming in _NAMED else "medium"
    return "medium" if naming in _NAMED else "low"


def reason(value: str) -> str:
    """How the Check speakers view says where a speaker came from: "speaker from a pronoun two
    or more sentences after the person's name, by a speech verb right after the quote"."""
    parts = split_speaker_from(value)
    if parts is None:
        return f"speaker from {value}"
    route, naming = parts
    if route == HAND:
        return "speaker set by hand"
    said = NAMINGS.get(naming, "")
    return f"speaker from {said}, {ROUTES[route]}" if said else f"speaker {ROUTES[route]}"


class _Attributed(Protocol):
    speaker: str | None
    route: str
    naming: str
    back: int


def graded(attribution: _Attributed) -> tuple[Confidence | None, str | None]:
    """The `confidence` and `speaker_from` of a quote, from its attribution (both None
    when the quote has no speaker)."""
    if not attribution.speaker or not attribution.route:
        return None, None
    naming = attribution.naming or "name"
    if naming == "pronoun" and attribution.back >= FAR_PRONOUN:
        naming = "far-pronoun"
    return confidence_of(attribution.route, naming), speaker_from(attribution.route, naming)
