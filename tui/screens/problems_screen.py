"""The problems dialog (`!`): article files that could not be read, and why."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from store.errors import Problem
from tui.passage_text import inert


class ProblemsScreen(ModalScreen[None]):
    """Each unreadable YAML file with its line and message; the rest of the corpus works."""

    BINDINGS = [
        Binding("escape,q,exclamation_mark", "dismiss", "Close"),
        Binding("j,down", "scroll(1)", "Scroll down", show=False),
        Binding("k,up", "scroll(-1)", "Scroll up", show=False),
    ]

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__()
        self.problems = problems

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog") as dialog:
            dialog.border_title = "Files that could not be read" if self.problems else "No file problems"
            dialog.border_subtitle = "escape to close"
            with VerticalScroll(id="problems"):
                if not self.problems:
                    yield Static(
                        Text("No problems: every article file was read. Nothing to fix."), classes="problem"
                    )
                for problem in self.problems:
                    where = str(problem.path) + (f":{problem.line}" if problem.line else "")
                    text = Text(inert(where), style="bold", end="")
                    text.append("\n" + inert(problem.message))
                    yield Static(text, classes="problem")
            if self.problems:
                yield Static(
                    Text(
                        "These files are left out of the index. Fix them in an editor (check them "
                        "with `newsdesk check`): newsdesk takes them in as soon as they are saved."
                    ),
                    id="problems-hint",
                )

    def action_scroll(self, delta: int) -> None:
        self.query_one("#problems", VerticalScroll).scroll_relative(y=delta, animate=False)
