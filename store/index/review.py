"""Quotes whose speaker deserves a second look, read from the index (no YAML parsing).

The "Check speakers" view lists them: a quote nobody is credited with, one
credited to an organisation, a place or a group (rarely who speaks a person's
words: "said the Chelsea star"), and one credited without an attribution verb
(the speaker was inferred from the surroundings: low confidence).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from store.hits import Passage
from store.index.documents import stored_passage
from store.index.registry import EntityRegistry

PEOPLE = ("PERSON",)
TYPE_WORDS = {
    "ORG": "an organisation",
    "GPE": "a place",
    "LOC": "a place",
    "FAC": "a place",
    "NORP": "a group",
}


@dataclass(frozen=True)
class QuoteToCheck(Passage):
    """One quote to review; `text` is the whole paragraph holding it."""

    start: int = 0
    end: int = 0
    """The quote's offsets in the paragraph (they identify it in the article file)."""
    speaker: str | None = None
    """The speaker the article file gives (null: nobody)."""
    reason: str = ""
    """Why it is listed: "no speaker", "credited to an organisation", "no attribution verb"."""
    partial: bool = False
    """A fragment of the speaker's words inside reported speech."""


def reason_to_check(speaker: str | None, cue: str | None, registry: EntityRegistry) -> str | None:
    """Why a quote's speaker needs a look, or None when it looks right."""
    if not speaker:
        return "no speaker"
    entity = registry.speaker_entity(speaker)
    if entity is not None and entity.type not in PEOPLE:
        return f"credited to {TYPE_WORDS.get(entity.type, 'a ' + entity.type.lower())}"
    if not cue:
        return "no attribution verb: the speaker was inferred"
    return None


def quotes_to_check(
    passages: Iterable[dict[str, Any]], registry: EntityRegistry, limit: int
) -> list[QuoteToCheck]:
    """The quotes to review among `passages` (stored fields, in the order to list them)."""
    found: list[QuoteToCheck] = []
    for fields in passages:
        for speaker, start, end, cue, *flags in fields.get("quotes") or []:
            if flags[1:2] == [True]:
                continue  # a person set this speaker already
            reason = reason_to_check(speaker, cue, registry)
            if reason is None:
                continue
            found.append(
                stored_passage(
                    fields,
                    QuoteToCheck,
                    start=start,
                    end=end,
                    speaker=speaker,
                    reason=reason,
                    partial=flags[:1] == [True],
                )
            )
            if len(found) >= limit:
                return found
    return found
