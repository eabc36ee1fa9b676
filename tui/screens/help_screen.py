"""The help panel (`?`, F1): every key, read from the Bindings themselves."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

JOURNEYS = (
    "Type to search; enter runs the query and moves to the results. Enter on a passage opens its "
    "article. In the article, j/k move between paragraphs and h/l between the names in one; enter "
    "on a name (or on an entity in the right-hand pane) lists every passage in the corpus that "
    "mentions it. n/N step through that list, article by article. Escape or backspace go back. "
    "y copies what is under the cursor with its citation, * stars it, + collects it, b shows the notebook, "
    "x exports the list."
)
KEY_NAMES = {
    "slash": "/",
    "question_mark": "?",
    "exclamation_mark": "!",
    "asterisk": "*",
    "plus": "+",
    "delete": "del",
    "escape": "esc",
    "backspace": "⌫",
    "enter": "enter",
    "down": "↓",
    "up": "↑",
    "left": "←",
    "right": "→",
    "shift+tab": "shift+tab",
}


def key_names(key: str) -> str:
    """`j,down` -> `j ↓`: keys as a reader types them."""
    return " ".join(KEY_NAMES.get(part.strip(), part.strip()) for part in key.split(","))


class HelpScreen(ModalScreen[None]):
    """Every key of every pane, grouped by where it works."""

    BINDINGS = [
        Binding("escape,q,question_mark,f1", "dismiss", "Close"),
        Binding("j,down", "scroll(1)", "Scroll down", show=False),
        Binding("k,up", "scroll(-1)", "Scroll up", show=False),
    ]

    def __init__(self, sections: list[tuple[str, list[BindingType]]]) -> None:
        super().__init__()
        self.sections = sections

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog") as dialog:
            dialog.border_title = "Keys"
            dialog.border_subtitle = "escape to close"
            with VerticalScroll(id="help"):
                yield Static(Text(JOURNEYS), id="help-journeys")
                for title, bindings in self.sections:
                    table = Table(
                        title=title, title_justify="left", title_style="bold", box=None, show_header=False
                    )
                    table.add_column("Key", style="bold", min_width=16, no_wrap=True)
                    table.add_column("Does")
                    for binding in bindings:
                        if isinstance(binding, Binding):
                            table.add_row(key_names(binding.key), binding.tooltip or binding.description)
                    yield Static(table, classes="help-section")

    def action_scroll(self, delta: int) -> None:
        self.query_one("#help", VerticalScroll).scroll_relative(y=delta, animate=False)
