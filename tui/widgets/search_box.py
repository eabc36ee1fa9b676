"""The search box: the query, and what it found (passages, articles, time)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Input, Static

from store.hits import Facets
from tui.results_text import count

if TYPE_CHECKING:
    from store.corpus import Corpus

PLACEHOLDER = "Search — type words, a name, speaker:NAME, entity:NAME, a prefix*"
HINT = "Type to search {articles} — {examples}"
EMPTY_STORE = "Nothing to search yet: add articles with newsdesk import FILE"


def examples(facets: Facets) -> str:
    """Queries that find something in this corpus: its most mentioned person, its most
    quoted speaker, its top organisation or place, and a prefix of one of its words."""
    found: list[str] = []
    person = facets.people[0].name if facets.people else None
    if person:
        found.append(_quoted(person))
    if facets.speakers:
        found.append("speaker:" + facets.speakers[0].name.split()[-1].lower())
    others = facets.organisations or facets.places
    if others:
        found.append("entity:" + _quoted(others[0].name))
    words = [
        w for f in facets.places + facets.organisations for w in f.name.split() if w.isalpha() and len(w) >= 6
    ]
    if words:
        found.append(words[0][:5].lower() + "*")
    return ", ".join(found) if found else "words, a name, speaker:NAME, a prefix*"


def _quoted(name: str) -> str:
    return f'"{name}"' if " " in name else name


class SearchBox(Horizontal):
    """A query input with the hit count and query time beside it; `↑`/`↓` recall earlier queries."""

    BINDINGS = [
        Binding(
            "up",
            "recall(-1)",
            "Earlier query",
            show=False,
            tooltip="Recall the previous query of the history",
        ),
        Binding(
            "down", "recall(1)", "Later query", show=False, tooltip="Recall the next query of the history"
        ),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.history: list[str] = []
        """Queries run, oldest first (kept in the store's history.yaml)."""
        self._recalled: int | None = None
        self._typed = ""

    def action_recall(self, delta: int) -> None:
        """Step through the history; past the newest, the text typed before comes back."""
        if not self.history:
            self.notify("No earlier queries yet: every query you run is kept here.", timeout=2)
            return
        if self._recalled is None:
            self._typed = self.value
            self._recalled = len(self.history)
            if delta < 0 and len(self.history) > 1 and self.history[-1] == self.value.strip():
                self._recalled -= 1  # the box shows the newest query already: ↑ brings the one before
        self._recalled = max(0, min(self._recalled + delta, len(self.history)))
        recalled = self.history[self._recalled] if self._recalled < len(self.history) else self._typed
        if self._recalled == len(self.history):
            self._recalled = None
        self.input.value = recalled  # results follow, as when typing
        self.input.cursor_position = len(recalled)

    _articles = 0

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

    def show_corpus_size(self, articles: int, corpus: Corpus | None = None) -> None:
        """Say in the empty box how much there is to search, with example queries taken
        from the open corpus (read in a thread worker)."""
        self._articles = articles
        if not articles:
            self.input.placeholder = EMPTY_STORE
            return
        self._show_examples(getattr(self, "_examples", "try words, a name, speaker:NAME, a prefix*"))
        if corpus is not None:
            self._suggest(corpus)

    def _show_examples(self, text: str) -> None:
        self._examples = text
        noun = "article" if self._articles == 1 else "articles"
        self.input.placeholder = HINT.format(articles=f"{self._articles:,} {noun}", examples=text)

    @work(thread=True, exclusive=True, group="suggest")
    def _suggest(self, corpus: Corpus) -> None:
        try:
            facets = corpus.facets("", limit=3)
        except Exception:  # examples are a nicety: the generic ones stay
            return
        self.app.call_from_thread(self._show_examples, "try " + examples(facets))

    def show_searching(self) -> None:
        self.input.remove_class("-error")
        self.query_one("#search-stats", Static).update(Text("searching…"))

    def show_found(
        self,
        total: int,
        articles: int,
        elapsed_ms: float,
        *,
        exact: bool = True,
        latest: bool = False,
        undated: bool = False,
        noun: str = "passage",
    ) -> None:
        """The size of the result (`exact` False: the total is an estimate). For the
        latest articles (the empty query) the status line has the corpus's counts; `noun`
        is what the list holds (a speaker's quotes)."""
        self.input.remove_class("-error")
        found = count(total, noun)
        if not exact:
            found = f"about {found}"
        if articles:
            found += f" · {count(articles, 'article')}"
        if latest:
            found = "latest articles"
        elif undated:  # the empty query on a store without dates: every article, in no date order
            found = f"{articles or total:,} articles · no dates"
        self.query_one("#search-stats", Static).update(Text(f"{found} · {elapsed_ms:.0f} ms"))

    def show_error(self, message: str) -> None:
        self.input.add_class("-error")
        self.query_one("#search-stats", Static).update(Text("query error", style="bold"))
