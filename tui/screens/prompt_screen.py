"""A dialog that asks for one line of text (a new name for an entity)."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input


class PromptScreen(ModalScreen[str | None]):
    """One line of text; `enter` returns it, `escape` cancels (None)."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", tooltip="Close without a change")]

    def __init__(self, title: str, value: str = "", *, hint: str = "enter saves · escape cancels") -> None:
        super().__init__()
        self.title_text = title
        self.value = value
        self.hint = hint

    def compose(self) -> ComposeResult:
        with Vertical(id="prompt") as dialog:
            dialog.border_title = self.title_text
            dialog.border_subtitle = self.hint
            yield Input(value=self.value, id="prompt-input", select_on_focus=True)

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted, "#prompt-input")
    def _submitted(self, event: Input.Submitted) -> None:
        value = event.value.strip()
        if not value:
            self.notify("Type a name, or escape to cancel.", timeout=3)
            return
        self.dismiss(value)

    def action_cancel(self) -> None:
        self.dismiss(None)
