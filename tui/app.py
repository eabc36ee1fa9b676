"""The newsdesk terminal explorer."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import App
from textual.binding import Binding, BindingType

from tui.commands import NewsdeskCommands
from tui.screens.cooccur_screen import CoMentionsScreen
from tui.screens.curate_screen import CurateScreen
from tui.screens.help_screen import HelpScreen
from tui.screens.main_screen import MainScreen
from tui.screens.notebook_screen import NotebookScreen
from tui.screens.speaker_review_screen import SpeakerReviewScreen
from tui.screens.speakers_screen import SpeakersScreen
from tui.screens.view_screen import ViewScreen
from tui.widgets.article_view import ArticleView
from tui.widgets.entities_pane import EntitiesPane
from tui.widgets.results_list import ResultsList
from tui.widgets.search_box import SearchBox
from tui.widgets.timeline_bar import TimelineBar

if TYPE_CHECKING:
    from store.corpus import Corpus


class NewsdeskApp(App[None]):
    """Search, read, and jump from any entity to every passage that mentions it."""

    TITLE = "newsdesk"
    CSS_PATH = ["app.tcss", "views.tcss"]
    COMMANDS = App.COMMANDS | {NewsdeskCommands}
    BINDINGS = [
        Binding("f1", "help", "Help", show=False, tooltip="This list of keys (also ?)"),
        Binding("q", "quit", "Quit", show=False, tooltip="Quit newsdesk"),
        Binding(
            "ctrl+p",
            "command_palette",
            "Commands",
            show=False,
            tooltip="Go to an article by headline, jump to an entity by name, rebuild the index, sort",
        ),
    ]

    def __init__(self, corpus: Corpus) -> None:
        super().__init__()
        self.corpus = corpus

    def get_default_screen(self) -> MainScreen:
        return MainScreen(self.corpus)

    def action_help(self) -> None:
        sections: list[tuple[str, list[BindingType]]] = [
            ("Everywhere", [*self.BINDINGS, *MainScreen.BINDINGS]),
            ("Results", list(ResultsList.BINDINGS)),
            ("Article", list(ArticleView.BINDINGS)),
            ("Entities", list(EntitiesPane.BINDINGS)),
            ("Curating an entity (c)", list(CurateScreen.BINDINGS)),
            ("Search box", list(SearchBox.BINDINGS)),
            ("Notebook view", list(NotebookScreen.BINDINGS)),
            ("Checking speakers (C)", list(SpeakerReviewScreen.BINDINGS)),
            ("Timeline (t)", list(TimelineBar.BINDINGS)),
            ("Named with (w)", [*CoMentionsScreen.BINDINGS, *ViewScreen.BINDINGS]),
            ("Who is quoted (S)", list(SpeakersScreen.BINDINGS)),
        ]
        self.push_screen(HelpScreen(sections))
