"""What the main screen's action mixins use of MainScreen, declared once.

`IndexActions`, `CurationActions` and `NotebookActions` are mixed into MainScreen and
reach its panes and state; this base declares those for the type checker only, so
each mixin does not spell the same list out again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.screen import Screen

if TYPE_CHECKING:
    from textual.widget import Widget

    from store.corpus import Corpus
    from store.errors import Problem
    from store.hits import CorpusStats, IndexReport
    from tui.navigation import History, ViewState
    from tui.widgets.article_view import ArticleView
    from tui.widgets.entities_pane import EntitiesPane
    from tui.widgets.results_list import ResultsList
    from tui.widgets.search_box import SearchBox
    from tui.widgets.status_line import StatusLine


class MainScreenParts(Screen[None]):
    """The base of the main screen's action mixins: MainScreen provides all of this."""

    if TYPE_CHECKING:
        corpus: Corpus
        history: History
        sort: str
        stats: CorpusStats | None
        problems: list[Problem]
        _seen_report: IndexReport | None

        @property
        def article(self) -> ArticleView: ...
        @property
        def results(self) -> ResultsList: ...
        @property
        def entities(self) -> EntitiesPane: ...
        @property
        def search_box(self) -> SearchBox: ...
        @property
        def status(self) -> StatusLine: ...
        def _snapshot(self) -> ViewState: ...
        def _focus(self, widget: Widget) -> None: ...
        def _search(self, query: str, *, force: bool = False, submitted: bool = False) -> None: ...
        def prepare_index(self, rebuild: bool = False, update: bool = False) -> Any: ...
