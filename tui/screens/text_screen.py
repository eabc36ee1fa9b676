"""A small dialog asking for one piece of text: a note, a collection's name, a file name.

`TextScreen` returns the text (or None when cancelled) through `dismiss`. A note
is edited in a multi-line editor (ctrl+s saves); the others in one line (enter).
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static, TextArea


class TextScreen(ModalScreen[str | None]):
    """Ask for a line (or, with `multiline`, a few lines) of text."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", tooltip="Close without changing anything"),
        Binding("ctrl+s", "save", "Save", tooltip="Save what is typed"),
    ]

    def __init__(
        self,
        title: str,
        value: str = "",
        *,
        hint: str = "",
        multiline: bool = False,
        choices: list[str] | None = None,
    ) -> None:
        super().__init__()
        self.title_text = title
        self.value = value
        self.hint = hint
        self.multiline = multiline
        self.choices = choices or []

    def compose(self) -> ComposeResult:
        with Vertical(id="text-dialog") as dialog:
            dialog.border_title = self.title_text
            dialog.border_subtitle = ("ctrl+s save" if self.multiline else "enter ok") + " · escape cancel"
            if self.multiline:
                yield TextArea(self.value, id="text-area", soft_wrap=True, show_line_numbers=False)
            else:
                yield Input(self.value, id="text-input", select_on_focus=False)
            if self.choices:
                yield Static(Text("Existing: " + " · ".join(self.choices)), id="text-choices")
            if self.hint:
                yield Static(Text(self.hint), id="text-hint")

    def on_mount(self) -> None:
        widget = self.query_one("#text-area" if self.multiline else "#text-input")
        widget.focus()
        if isinstance(widget, TextArea):
            widget.move_cursor(widget.document.end)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value)

    def action_save(self) -> None:
        if self.multiline:
            self.dismiss(self.query_one("#text-area", TextArea).text)
        else:
            self.dismiss(self.query_one("#text-input", Input).value)

    def action_cancel(self) -> None:
        self.dismiss(None)
