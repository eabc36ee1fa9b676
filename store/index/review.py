"""Quotes whose speaker deserves a second look, read from the index (no YAML parsing).

The "Check speakers" view lists them: a quote nobody is credited with, one
credited to an organisation, a place or a group (rarely who speaks a person's
words: "said the Chelsea star"), and one whose speaker extraction is not sure of
(`confidence: low`: a pronoun far from its person, a speaker introduced sentences
before; see store.confidence). A quote from a file written before speakers were
graded counts as low when it has no attribution verb.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal

from store.confidence import reason
from store.hits import Passage
from store.index.documents import StoredQuote, stored_passage, stored_quotes
from store.index.registry import EntityRegistry

PEOPLE = ("PERSON",)
TYPE_WORDS = {
    "ORG": "an organisation",
    "GPE": "a place",
    "LOC": "a place",
    "FAC": "a place",
    "NORP": "a group",
}
CheckKind = Literal["none", "body", "low"]
CHECK_KINDS: dict[CheckKind, str] = {
    "none": "no speaker",
    "body": "an organisation or place",
    "low": "low confidence",
}
"""Why a quote is listed, and how the view's filter names each kind."""
CHECK_ALL: tuple[CheckKind, ...] = tuple(CHECK_KINDS)


@dataclass(frozen=True)
class QuoteToCheck(Passage):
    """One quote to review; `text` is the whole paragraph holding it."""

    start: int = 0
    end: int = 0
    """The quote's offsets in the paragraph (they identify it in the article file)."""
    speaker: str | None = None
    """The speaker the article file gives (null: nobody)."""
    reason: str = ""
    """Why it is listed: "no speaker", "credited to an organisation", "low confidence: …"."""
    partial: bool = False
    """A fragment of the speaker's words inside reported speech."""
    kind: CheckKind = "none"
    """Which of the three reasons lists it (the view filters on it)."""
    confidence: str | None = None
    """How sure extraction was of the speaker (None: not graded)."""


def reason_to_check(quote: StoredQuote, registry: EntityRegistry) -> tuple[CheckKind, str] | None:
    """Why a quote's speaker needs a look (its kind and the words for it), or None when it
    looks right."""
    if not quote.speaker:
        return "none", "no speaker"
    entity = registry.speaker_entity(quote.speaker)
    if entity is not None and entity.type not in PEOPLE:
        return "body", f"credited to {TYPE_WORDS.get(entity.type, 'a ' + entity.type.lower())}"
    if quote.uncertain:
        return "low", "low confidence" + (f": {reason(quote.speaker_from)}" if quote.speaker_from else "")
    if quote.confidence is None and not quote.cue:
        return "low", "no attribution verb: the speaker was inferred"
    return None


def quotes_to_check(
    passages: Iterable[dict[str, Any]],
    registry: EntityRegistry,
    limit: int,
    kinds: Iterable[CheckKind] = CHECK_ALL,
) -> list[QuoteToCheck]:
    """The quotes to review among `passages` (stored fields, in the order to list them),
    of the `kinds` asked for."""
    wanted = set(kinds)
    found: list[QuoteToCheck] = []
    for fields in passages:
        for quote in stored_quotes(fields):
            if quote.by_hand:
                continue  # a person set this speaker already
            why = reason_to_check(quote, registry)
            if why is None or why[0] not in wanted:
                continue
            found.append(
                stored_passage(
                    fields,
                    QuoteToCheck,
                    start=quote.start,
                    end=quote.end,
                    speaker=quote.speaker,
                    reason=why[1],
                    partial=quote.partial,
                    kind=why[0],
                    confidence=quote.confidence,
                )
            )
            if len(found) >= limit:
                return found
    return found
