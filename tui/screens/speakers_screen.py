"""Who gets quoted: the speakers of a search, of an entity's articles or of the corpus.

A row per speaker: quotes, articles, first and last date. Beside it (below, on a
narrow terminal): the share of quotes by type and by source, and for the speaker
under the cursor the words and names most frequent inside their quotes.
`enter` (or `Q`) lists that speaker's quotes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rich.text import Text
from textual import on, work
from textual.binding import Binding
from textual.message import Message
from textual.widgets import DataTable, Static
from textual.worker import get_current_worker

from store.views import Share, SpeakerProfile, Speakers
from tui.passage_text import inert
from tui.results_text import count
from tui.screens.view_screen import ViewChoice, ViewScreen, cell, number

TYPE_NAMES = {"PERSON": "people", "ORG": "organisations", "GPE": "places", "NORP": "groups"}


class SpeakersScreen(ViewScreen):
    """Speakers with their counts; the highlighted one's words and names."""

    BINDINGS = [
        Binding("enter", "choose", "Their quotes", priority=True, tooltip="List this speaker's quotes"),
        Binding("Q", "choose", "Their quotes", show=False, tooltip="List this speaker's quotes"),
    ]

    @dataclass
    class _Profiled(Message):
        generation: int
        profile: SpeakerProfile | None

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._profile_generation = 0
        self._shares = Text()

    def load(self) -> Any:
        request = self.request
        return self.corpus.speakers(
            request.query or None, entity=request.name or None, entity_type=request.entity_type, limit=500
        )

    def fill(self, found: Any) -> None:
        assert isinstance(found, Speakers)
        scope = "the whole corpus"
        if found.entity:
            scope = f"the articles naming {found.entity.name}"
        if found.query:
            scope = f"passages matching {found.query!r}" + (f" in {scope}" if found.entity else "")
        self.set_texts(
            f"Who is quoted in {scope}",
            f"{count(found.total_quotes, 'quote')} · {count(found.speaker_count, 'speaker')} · "
            f"{found.unattributed:,} unattributed",
            "enter or Q: their quotes · beside: shares, and what the speaker under the cursor talks about",
        )
        table = self.table
        table.add_column("speaker", width=26)
        table.add_column("quotes", width=6)
        table.add_column("articles", width=8)
        table.add_column("first", width=10)
        table.add_column("last", width=10)
        for s in found.speakers:
            table.add_row(
                cell(s.name), number(s.quotes), number(s.articles), cell(s.first or "–"), cell(s.last or "–")
            )
        shares = Text()
        _shares(shares, "by type", found.types, lambda key: TYPE_NAMES.get(key, key.lower()))
        _shares(shares, "by source", found.sources[:5], str)
        self._shares = shares
        self._side(None)
        if not found.speakers:
            self._side(None, "Nobody is quoted here.")

    @on(DataTable.RowHighlighted)
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        speaker = self._speaker(event.cursor_row)
        if speaker is None:
            return
        self._profile_generation += 1
        self._profile(speaker, self._profile_generation)

    @work(thread=True, exclusive=True, group="profile")
    def _profile(self, speaker: str, generation: int) -> None:
        try:
            profile = self.corpus.speaker_profile(speaker, limit=8)
        except Exception:
            profile = None
        if not get_current_worker().is_cancelled:
            self.post_message(self._Profiled(generation, profile))

    def _on_speakers_screen__profiled(self, message: _Profiled) -> None:
        if message.generation == self._profile_generation:
            self._side(message.profile)

    def _side(self, profile: SpeakerProfile | None, note: str = "") -> None:
        text = self._shares.copy()
        if note:
            text.append(note + "\n", style="italic")
        if profile is not None:
            read = f"{profile.read:,} of {profile.quotes:,} quotes" if profile.read < profile.quotes else ""
            text.append(f"{inert(profile.speaker.name)} talks about", style="bold")
            text.append(f" ({read}): " if read else ": ")
            text.append(", ".join(f"{inert(w.name)} {w.count}" for w in profile.words) or "–")
            text.append("\nnames in their quotes: ", style="bold")
            text.append(", ".join(f"{inert(e.name)} {e.count}" for e in profile.entities) or "–")
        self.query_one("#view-side", Static).update(text)

    def _speaker(self, row: int) -> str | None:
        if not isinstance(self.found, Speakers) or not 0 <= row < len(self.found.speakers):
            return None
        return self.found.speakers[row].name

    def action_choose(self) -> None:
        speaker = self._speaker(self.table.cursor_row)
        if speaker is not None:
            self.dismiss(ViewChoice("quotes", self.here(), speaker))


def _shares(text: Text, title: str, shares: list[Share], label: Any) -> None:
    if not shares:
        return
    text.append(title + ": ", style="bold")
    text.append(", ".join(f"{inert(label(share.key))} {share.share:.0%}" for share in shares) + "\n")
