"""The search box: the query, and what it found (passages, articles, time)."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Input, Static

PLACEHOLDER = 'Search — try Assad, speaker:kerry, "Geneva process", negot*'
HINT = 'Type to search {articles} — try Assad, speaker:kerry, "Geneva process", negot*'


class SearchBox(Horizontal):
    """A query input with the hit count and query time beside it."""

    def compose(self) -> ComposeResult:
        yield Input(placeholder=PLACEHOLDER, id="query", select_on_focus=False)
        yield Static("", id="search-stats")

    @property
    def input(self) -> Input:
        return self.query_one("#query", Input)

    @property
    def value(self) -> str:
        return self.input.value

    def set_query(self, query: str) -> None:
        """Show `query` in the box (the caller ignores the change it causes)."""
        if self.input.value != query:
            with self.input.prevent(Input.Changed):
                self.input.value = query
            self.input.cursor_position = len(query)

    def show_corpus_size(self, articles: int) -> None:
        """Say in the empty box how much there is to search."""
        noun = "article" if articles == 1 else "articles"
        self.input.placeholder = HINT.format(articles=f"{articles:,} {noun}")

    def show_searching(self) -> None:
        self.input.remove_class("-error")
        self.query_one("#search-stats", Static).update(Text("searching…"))

    def show_found(
        self, total: int, articles: int, elapsed_ms: float, *, exact: bool = True, latest: bool = False
    ) -> None:
        """The size of the result (`exact` False: the total is an estimate). For the
        latest articles (the empty query) the status line has the corpus's counts."""
        self.input.remove_class("-error")
        found = f"{total:,} passage" + ("" if total == 1 else "s")
        if not exact:
            found = f"about {found}"
        if articles:
            found += f" · {articles:,} article" + ("" if articles == 1 else "s")
        if latest:
            found = "latest articles"
        self.query_one("#search-stats", Static).update(Text(f"{found} · {elapsed_ms:.0f} ms"))

    def show_error(self, message: str) -> None:
        self.input.add_class("-error")
        self.query_one("#search-stats", Static).update(Text("query error", style="bold"))
