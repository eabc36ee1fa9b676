"""Messages more than one widget posts: the entity jump and the quotes of an entity.

Both the entities pane and the article view (the mention under the cursor) ask for
them; the main screen answers.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from store.curation_edit import CurationChange


@dataclass
class JumpRequested(Message):
    """List every passage in the corpus that mentions an entity."""

    name: str
    """The entity's canonical name."""
    entity_type: str | None = None
    """Its type, when known."""
    within: tuple[str, ...] = ()
    """The longer names the open article holds it in, when it names it only there
    ("University of Texas" for Texas): the jump lists the other articles' mentions."""


@dataclass
class QuotesRequested(Message):
    """List the entity's quotes across the corpus ("what did Kerry say")."""

    name: str
    """The speaker's canonical name."""


@dataclass
class CurationFinished(Message):
    """A curation action (or its undo) was saved, or failed: the panes refresh."""

    change: CurationChange | None
    """What was done; None when it failed."""
    error: str | None = None
    """Why it failed."""
