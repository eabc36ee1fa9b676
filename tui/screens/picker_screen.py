"""A dialog that picks one value from a list with fuzzy search (merge target, alias, type, speaker).

Type to filter; the list keeps the best matches first. `enter` picks the highlighted
choice, `escape` cancels. The choices come as a list, or from a function asked in a
worker for each query (for the corpus's entities, too many to hold in a list).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.fuzzy import Matcher
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from tui.passage_text import inert

SHOWN = 40
"""Choices listed at most."""


@dataclass(frozen=True)
class Choice:
    """One thing the dialog offers."""

    value: str
    """What picking it returns."""
    label: str
    """What the list shows (text from the corpus: shown as typed)."""
    detail: str = ""
    """A dim line of context: "person · 12 mentions"."""


Source = Callable[[str], list[Choice]]
"""Choices for a query, asked in a worker thread."""


class PickerScreen(ModalScreen[str | None]):
    """Pick one of many with fuzzy search; returns its value, or None when cancelled."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", tooltip="Close without picking"),
        Binding("enter", "pick", "Pick", tooltip="Pick the highlighted choice"),
        Binding("down", "move(1)", "Next choice", show=False),
        Binding("up", "move(-1)", "Previous choice", show=False),
    ]

    @dataclass
    class _Found(Message):
        query: str
        choices: list[Choice]

    def __init__(self, title: str, choices: list[Choice] | Source, *, hint: str = "") -> None:
        super().__init__()
        self.title_text = title
        self.hint = hint or "type to filter · enter picks · escape cancels"
        self._fixed = choices if isinstance(choices, list) else None
        self._source = None if isinstance(choices, list) else choices
        self.shown: list[Choice] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="picker") as dialog:
            dialog.border_title = self.title_text
            dialog.border_subtitle = self.hint
            yield Input(placeholder="filter…", id="picker-filter")
            yield OptionList(id="picker-choices")
            yield Static("", id="picker-empty")

    def on_mount(self) -> None:
        self.query_one(Input).focus()
        self._refilter("")

    @on(Input.Changed, "#picker-filter")
    def _changed(self, event: Input.Changed) -> None:
        self._refilter(event.value)

    @on(Input.Submitted, "#picker-filter")
    def _submitted(self, event: Input.Submitted) -> None:
        self.action_pick()

    @on(OptionList.OptionSelected, "#picker-choices")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.shown[event.option_index].value)

    def _refilter(self, query: str) -> None:
        if self._fixed is not None:
            self._show(query, ranked(query, self._fixed))
        else:
            self._ask(query)

    @work(thread=True, exclusive=True, group="picker")
    def _ask(self, query: str) -> None:
        assert self._source is not None
        try:
            found = ranked(query, self._source(query))
        except Exception:
            found = []
        self.post_message(self._Found(query, found))

    def _on_picker_screen__found(self, message: _Found) -> None:
        if message.query == self.query_one(Input).value:
            self._show(message.query, message.choices)

    def _show(self, query: str, choices: list[Choice]) -> None:
        self.shown = choices[:SHOWN]
        options = self.query_one(OptionList)
        options.clear_options()
        for choice in self.shown:
            label = Text(inert(choice.label), end="")
            if choice.detail:
                label.append("  " + inert(choice.detail), style="dim")
            options.add_option(Option(label))
        options.highlighted = 0 if self.shown else None
        empty = "" if self.shown else f"Nothing matches {query!r}." if query else "Nothing to pick."
        self.query_one("#picker-empty", Static).update(Text(empty))

    def action_move(self, delta: int) -> None:
        options = self.query_one(OptionList)
        if self.shown:
            current = options.highlighted or 0
            options.highlighted = max(0, min(len(self.shown) - 1, current + delta))

    def action_pick(self) -> None:
        highlighted = self.query_one(OptionList).highlighted
        if highlighted is None or not self.shown:
            self.notify("Nothing to pick — change the filter, or escape to cancel.", timeout=3)
            return
        self.dismiss(self.shown[highlighted].value)

    def action_cancel(self) -> None:
        self.dismiss(None)


def ranked(query: str, choices: list[Choice]) -> list[Choice]:
    """The choices matching `query` (fuzzy, letters in order), best first; all when empty."""
    if not query.strip():
        return list(choices)
    matcher = Matcher(query.strip())
    scored = [(matcher.match(choice.label), index, choice) for index, choice in enumerate(choices)]
    return [
        choice for score, _, choice in sorted((s for s in scored if s[0] > 0), key=lambda s: (-s[0], s[1]))
    ]
