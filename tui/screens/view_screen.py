"""What the view screens share: a title, a table with a row cursor, a note, the keys.

A view (co-mentions, speakers) opens over the main screen and is dismissed with
the reader's choice (a `ViewChoice`): the main screen lists what was chosen and
remembers the view in its history, so going back reopens it where it was.
Numbers come from the Corpus in a thread worker.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static
from textual.worker import get_current_worker

from tui.navigation import ViewRequest
from tui.passage_text import inert

if TYPE_CHECKING:
    from store.corpus import Corpus


@dataclass(frozen=True)
class ViewChoice:
    """What the reader chose in a view: a list for the main screen to show."""

    kind: str
    """`pair` (passages naming both), `quotes` (a speaker's quotes) or `search`."""
    request: ViewRequest
    """The view as it was (cursor included), to reopen on going back."""
    name: str = ""
    entity_type: str | None = None
    query: str = ""


class ViewScreen(Screen[ViewChoice | None]):
    """A table of numbers over the main screen; subclasses load and fill it."""

    BINDINGS = [
        Binding("escape,backspace", "close", "Back", tooltip="Close the view, back to the list"),
        Binding("j", "table_cursor(1)", "Down", show=False),
        Binding("k", "table_cursor(-1)", "Up", show=False),
    ]
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]

    @dataclass
    class _Arrived(Message):
        generation: int
        found: Any
        problem: str = ""

    def __init__(self, corpus: Corpus, request: ViewRequest) -> None:
        super().__init__()
        self.corpus = corpus
        self.request = request
        self.found: Any = None
        self._generation = 0

    def compose(self) -> ComposeResult:
        with Vertical(id="view"):
            yield Static("", id="view-title")
            yield Static("", id="view-summary")
            with Horizontal(id="view-body"):
                yield DataTable(id="view-table", cursor_type="row", zebra_stripes=True)
                yield Static("", id="view-side")
            yield Static("", id="view-note")
        yield Footer()

    @property
    def table(self) -> DataTable[Any]:
        return self.query_one("#view-table", DataTable)

    def on_mount(self) -> None:
        self.table.focus()
        self.reload()

    def reload(self) -> None:
        """Fetch the numbers again (after a switch: rank, count by, ...)."""
        self._generation += 1
        self.query_one("#view-summary", Static).update(Text("Counting…", style="italic"))
        self._fetch(self._generation)

    @work(thread=True, exclusive=True, group="view")
    def _fetch(self, generation: int) -> None:
        try:
            found = self.load()
        except Exception as error:  # an unknown name, a bad query: said on the screen
            self.post_message(self._Arrived(generation, None, str(error)))
            return
        if not get_current_worker().is_cancelled:
            self.post_message(self._Arrived(generation, found))

    def _on_view_screen__arrived(self, message: _Arrived) -> None:
        if message.generation != self._generation:
            return
        self.found = message.found
        table = self.table
        table.clear(columns=True)
        if message.found is None:
            self.query_one("#view-summary", Static).update(Text(message.problem or "Nothing to show."))
            return
        self.fill(message.found)
        if table.row_count:
            table.move_cursor(row=min(self.request.cursor, table.row_count - 1))

    def load(self) -> Any:
        """The numbers (runs in a thread)."""
        raise NotImplementedError

    def fill(self, found: Any) -> None:
        """Put the numbers on screen."""
        raise NotImplementedError

    def set_texts(self, title: str, summary: str, note: str) -> None:
        self.query_one("#view-title", Static).update(Text(inert(title), style="bold"))
        self.query_one("#view-summary", Static).update(Text(inert(summary)))
        self.query_one("#view-note", Static).update(Text(note))

    def here(self) -> ViewRequest:
        """The request, with the cursor where it is now."""
        return replace(self.request, cursor=self.table.cursor_row)

    def action_close(self) -> None:
        self.dismiss(None)

    def action_table_cursor(self, delta: int) -> None:
        table = self.table
        if table.row_count:
            table.move_cursor(row=min(max(table.cursor_row + delta, 0), table.row_count - 1))


def cell(text: str, style: str = "") -> Text:
    """A table cell holding corpus text: inert, never markup."""
    return Text(inert(text), style=style, no_wrap=True, overflow="ellipsis")


def number(value: float, decimals: int = 0) -> Text:
    return Text(f"{value:,.{decimals}f}", justify="right")
