"""The main screen: search box, results, article, entities, status line.

The screen is the conductor: it turns what the panes report (a passage chosen, an
entity to jump from) into what the other panes show, and keeps the history stack
that `escape`/`backspace` walk back through. Index work runs in a thread worker
that reports progress with messages.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Container
from textual.message import Message
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Footer, Input

from store.errors import Problem, StoreError
from store.hits import CorpusStats, IndexReport
from tui.curation_actions import CURATION_BINDINGS, CurationActions
from tui.index_actions import IndexActions, index_news
from tui.messages import JumpRequested, QuotesRequested
from tui.navigation import ArticleTarget, History, ListSource, ResultEntry, ViewState
from tui.notebook_actions import NOTEBOOK_BINDINGS, NotebookActions
from tui.passage_text import query_terms
from tui.screens.problems_screen import ProblemsScreen
from tui.views_control import VIEW_BINDINGS, ViewsControl, list_query
from tui.widgets.article_view import ArticleView
from tui.widgets.entities_pane import EntitiesPane
from tui.widgets.index_watch import IndexWatch
from tui.widgets.results_list import ResultsList
from tui.widgets.search_box import SearchBox
from tui.widgets.status_line import StatusLine
from tui.widgets.timeline_bar import TimelineBar

if TYPE_CHECKING:
    from store.corpus import Corpus

SEARCH_DELAY = 0.15
"""Seconds of quiet typing before a search-as-you-type query runs."""


class MainScreen(NotebookActions, CurationActions, IndexActions):
    """Four panes and a status line; everything reachable from the keyboard."""

    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide"), (160, "-very-wide")]
    BINDINGS = [
        # first of the screen's keys: the footer keeps it even at 80 columns
        Binding("question_mark", "app.help", "Help", tooltip="This list of keys"),
        Binding("slash", "focus_search", "Search", tooltip="Focus the search box; results follow typing"),
        Binding("escape,backspace", "back", "Back", tooltip="Back to the previous view, cursors restored"),
        Binding(
            "n",
            "step(1)",
            "Next hit",
            key_display="n/N",
            tooltip="Open the next passage of the list, across articles",
        ),
        Binding("N", "step(-1)", "Previous hit", show=False, tooltip="Open the previous passage of the list"),
        Binding("e", "focus_entities", "Entities", tooltip="Focus the entities pane"),
        Binding("s", "toggle_sort", "Sort", show=False, tooltip="Sort results by relevance or newest first"),
        Binding(
            "exclamation_mark",
            "show_problems",
            "File problems",
            show=False,
            tooltip="List the article files that could not be read, and why",
        ),
        *VIEW_BINDINGS,
        Binding("tab", "app.focus_next", "Next pane", show=False, priority=True),
        Binding("shift+tab", "app.focus_previous", "Previous pane", show=False, priority=True),
        *NOTEBOOK_BINDINGS,
        *CURATION_BINDINGS,
    ]

    @dataclass
    class IndexProgress(Message):
        """The index worker got further."""

        done: int
        total: int
        label: str

    @dataclass
    class IndexFinished(Message):
        """The index is usable; `report` is None when it was already up to date."""

        report: IndexReport | None

    @dataclass
    class CorpusCounted(Message):
        """The corpus in numbers, and the files that could not be read."""

        stats: CorpusStats
        problems: list[Problem]

    @dataclass
    class IndexFailed(Message):
        """The index could not be built or opened."""

        message: str

    def __init__(self, corpus: Corpus) -> None:
        super().__init__()
        self.corpus = corpus
        self.history = History()
        self.sort = "relevance"
        self.index_ready = False
        self._names_wanted = False  # read the names once the first results are shown
        self.problems: list[Problem] = []
        self.stats: CorpusStats | None = None
        self._submitted = False
        self._search_timer: Timer | None = None
        self._seen_report: IndexReport | None = None
        self.views = ViewsControl(self)

    def compose(self) -> ComposeResult:
        yield SearchBox(id="search")
        yield TimelineBar(self.corpus, id="timeline")
        with Container(id="panes"):
            yield ResultsList(self.corpus, id="results")
            yield ArticleView(self.corpus, id="article")
            yield EntitiesPane(self.corpus, id="entities")
        yield StatusLine(id="status")
        yield Footer()
        yield IndexWatch(self.corpus)

    @property
    def search_box(self) -> SearchBox:
        return self.query_one(SearchBox)

    @property
    def results(self) -> ResultsList:
        return self.query_one(ResultsList)

    @property
    def article(self) -> ArticleView:
        return self.query_one(ArticleView)

    @property
    def entities(self) -> EntitiesPane:
        return self.query_one(EntitiesPane)

    @property
    def status(self) -> StatusLine:
        return self.query_one(StatusLine)

    def on_mount(self) -> None:
        self.article.border_title = "Article"
        self.entities.border_title = "Entities"
        self.results.show_message("Opening the index…")
        self.status.show_index("checking the index…")
        self._focus(self.search_box.input)
        self.mount_notebook()
        self.prepare_index()

    # -- the index -------------------------------------------------------------

    @work(thread=True, exclusive=True, group="index")
    def prepare_index(self, rebuild: bool = False, update: bool = False) -> None:
        """Bring the index up to date (or rebuild it), then report the corpus. `update`:
        look at every file now (the palette's "Update index"), even if it seems ready."""
        last_post = 0.0

        def progress(done: int, total: int, label: str) -> None:
            nonlocal last_post
            now = time.monotonic()
            if now - last_post > 0.1 or done >= total:
                last_post = now
                self.post_message(self.IndexProgress(done, total, label))

        try:
            report = None
            if not rebuild and not update and self.corpus.index_usable():
                # results from the index as it is first; the freshness check (a stat of every
                # article file) runs after, and an update reloads the list
                self.post_message(self.IndexFinished(None))
            state = "outdated" if rebuild else self.corpus.index_state()
            if update and state == "ready":
                report = self.corpus.ensure_index(progress)
            elif state != "ready":
                self.post_message(self.IndexProgress(0, 0, f"index {state} — updating"))
                report = self.corpus.ensure_index(progress, rebuild=rebuild)
            self.post_message(self.IndexFinished(report))  # searching can start now
            self.post_message(self.CorpusCounted(self.corpus.stats(), self.corpus.problems()))
        except (StoreError, OSError) as error:
            self.post_message(self.IndexFailed(str(error)))
        except Exception as error:  # never a traceback over the reader's screen
            self.post_message(self.IndexFailed(f"{type(error).__name__}: {error}"))

    def on_main_screen_index_progress(self, message: IndexProgress) -> None:
        if message.total:
            self.status.show_progress(message.done, message.total, "indexing")
        else:
            self.status.show_index(message.label)
        if not self.index_ready and self.results.source is None:
            self.results.show_message(
                "Building the search index — this happens once; searching starts when it is done."
            )

    def on_main_screen_index_finished(self, message: IndexFinished) -> None:
        first = not self.index_ready
        self.index_ready = True
        self.query_one(IndexWatch).start()
        self._report_rebuild()
        report = message.report
        changed = report is not None and bool(report.added or report.updated or report.removed)
        self.status.show_index(
            index_news(report) if changed and report and not report.rebuilt else "index up to date"
        )
        # names for the first speaker:/entity: query, read before anyone types one, once the
        # first results are on screen: the corpus answers one read at a time, and reading the
        # names takes seconds on a large corpus (the first list waited 16 s at 100,000 articles)
        self._names_wanted = self._names_wanted or first
        if first or self.results.source is None:
            self._search(self.search_box.value, force=True)
        elif changed:  # the same list again, from the new index, cursor kept
            self.results.show(self.results.source, cursor=self.results.entry_index, reload=True)

    def on_main_screen_corpus_counted(self, message: CorpusCounted) -> None:
        self._show_counts(message.stats, message.problems)

    def on_main_screen_index_failed(self, message: IndexFailed) -> None:
        self.status.show_index("index unavailable")
        self.results.show_message(
            f"The index could not be opened: {message.message}. Try ctrl+p → Rebuild index."
        )
        self.notify(message.message, title="Index", severity="error", markup=False)

    # -- searching -------------------------------------------------------------

    @on(Input.Changed, "#query")
    def _query_changed(self, event: Input.Changed) -> None:
        if self._search_timer is not None:
            self._search_timer.stop()
        self._search_timer = self.set_timer(SEARCH_DELAY, lambda: self._search(event.value))

    @on(Input.Submitted, "#query")
    def _query_submitted(self, event: Input.Submitted) -> None:
        if self._search_timer is not None:
            self._search_timer.stop()
        self._search(event.value, submitted=True)
        self.remember_query(event.value)
        self._focus(self.results)

    def _search(self, query: str, *, force: bool = False, submitted: bool = False) -> None:
        source = ListSource("search", query.strip(), self.sort)
        if not self.index_ready:
            self.results.show_message("The index is still being built — your search runs when it is ready.")
            return
        if source == self.results.source and not force:
            return
        if self.results.source is not None and self.results.source.kind != "search":
            self.history.push(self._snapshot())
        self.search_box.show_searching()
        self._submitted = submitted
        self.results.show(source, reload=force)

    def search_for(self, query: str) -> None:
        """Put `query` in the search box and run it (the timeline narrows this way)."""
        self.search_box.set_query(query)
        self._search(query, submitted=True)

    def _load_names_once(self) -> None:
        if self._names_wanted:
            self._names_wanted = False
            self.run_worker(self.corpus.load_names, thread=True, group="registry", exit_on_error=False)

    def on_results_list_loaded(self, message: ResultsList.Loaded) -> None:
        self._load_names_once()
        self._report_rebuild()
        self.views.list_loaded(message.source)
        if message.source.kind == "search":
            self.search_box.show_found(
                message.total,
                message.articles,
                message.elapsed_ms,
                exact=message.exact,
                latest=not message.source.query.strip() and message.dated,
                undated=not message.source.query.strip() and not message.dated,
            )
        else:  # a jump, a pair, quotes: the box holds the search that finds them (show_list), and counts
            noun = "quote" if message.source.kind == "quotes" else "passage"
            self.search_box.show_found(message.total, message.articles, message.elapsed_ms, noun=noun)
        if self.article.article is None:  # who and what the list names: a jump's too
            self.entities.show_facets(list_query(message.source))

    def on_results_list_failed(self, message: ResultsList.Failed) -> None:
        self._load_names_once()
        source = message.source
        if source.kind == "search":
            self.search_box.show_error(message.message)
            problem = message.message
            if message.position is not None and "position" not in problem:
                problem += f" (at character {message.position + 1})"
            if ";" not in problem:  # the message gives no fix of its own
                problem += '. Close quotes and brackets; put phrases in "double quotes"'
            self.results.show_message(f"Can't read the query {source.query!r}: {problem}.")
            if self._submitted:
                self.notify(problem, title="Query", severity="error", markup=False, timeout=4)
        else:
            self.notify(message.message, severity="error", markup=False)
            self.action_back()

    def action_toggle_sort(self) -> None:
        source = self.results.source
        if source is not None and source.kind != "search":
            self.notify(
                "This list has one order: oldest article first, then paragraph by paragraph.", timeout=3
            )
            return
        if self.stats is not None and not self.stats.dated:
            self.notify("No article in this store has a date, so there is no newest first.", timeout=4)
            return
        self.sort = "date" if self.sort == "relevance" else "relevance"
        if self.stats is not None:
            self.status.show_stats(self.stats, self.sort)
        if source is not None:
            self.results.show(ListSource("search", source.query, self.sort))
        self.notify("Newest first" if self.sort == "date" else "Best match first", title="Sort", timeout=2)

    # -- opening articles and jumping ------------------------------------------

    def on_results_list_opened(self, message: ResultsList.Opened) -> None:
        self.history.push(self._snapshot())
        self._open_entry(message.entry)
        self._focus(self.article)

    def _open_entry(self, entry: ResultEntry) -> None:
        source = self.results.source or ListSource("search")
        terms = tuple(query_terms(source.query)) if source.kind == "search" else ()
        entity = (source.query, source.entity_type) if source.kind in ("mentions", "quotes", "pair") else None
        self.article.open(ArticleTarget(entry.article_id, entry.paragraph, entry.spans, terms, entity))

    def on_article_view_opened(self, message: ArticleView.Opened) -> None:
        self.entities.show_article(message.article)

    def on_article_view_failed(self, message: ArticleView.Failed) -> None:
        self.notify(message.message, title="Could not open the article", severity="error", markup=False)

    def on_entities_pane_quote_chosen(self, message: EntitiesPane.QuoteChosen) -> None:
        self.article.show_paragraph(message.paragraph)
        self._focus(self.article)

    def on_jump_requested(self, message: JumpRequested) -> None:
        self.jump(message.name, message.entity_type, message.within)

    def on_quotes_requested(self, message: QuotesRequested) -> None:
        self.history.push(self._snapshot())
        self.views.show_list(ListSource("quotes", message.name))
        self._focus(self.results)

    def jump(self, name: str, entity_type: str | None = None, within: tuple[str, ...] = ()) -> None:
        """List every passage in the corpus that mentions the entity."""
        self.history.push(self._snapshot())
        self.views.show_list(ListSource("mentions", name, entity_type=entity_type, within=within))
        self._focus(self.results)

    def open_article(self, article_id: str) -> None:
        """Open an article at its top (the palette's "go to article")."""
        self.history.push(self._snapshot())
        self.article.open(ArticleTarget(article_id, -1))
        self._focus(self.article)

    def action_step(self, delta: int) -> None:
        if not self.results.entries:
            self.notify("No list to step through — search, or jump from an entity.", timeout=3)
            return
        before = self._snapshot()
        entry = self.results.step(delta)
        if entry is None:
            self.notify("That was the last one." if delta > 0 else "That was the first one.", timeout=2)
            return
        self.history.push(before)  # escape comes back to this passage: one step per press
        self._open_entry(entry)

    # -- history ---------------------------------------------------------------

    def _snapshot(self) -> ViewState:
        focused = self.focused
        target, shown = self.article.target, self.article.article
        target_id, paragraph = (target.article_id, target.paragraph) if target else (None, 0)
        return ViewState(
            source=self.results.source or ListSource("search", self.search_box.value.strip(), self.sort),
            list_index=self.results.entry_index,
            article=target,
            # while another article loads, its cursor is still the old one's: use where it opens
            article_paragraph=self.article.cursor if shown and shown.id == target_id else paragraph,
            focus=focused.id if focused is not None else None,
        )

    def action_back(self) -> None:
        if self.focused is self.search_box.input:  # leave the box, even for an empty list
            self._focus(self.results)
            return
        state = self.history.pop()
        if state is None:
            self.notify("Nothing to go back to.", timeout=2)
            return
        self.search_box.set_query(list_query(state.source))
        self.results.show(state.source, cursor=state.list_index)
        if state.article is None:
            self.article.clear()
            self.entities.show_facets(list_query(state.source))
        else:
            self.article.open(state.article, cursor=state.article_paragraph)
        if state.focus:
            try:
                self._focus(self.query_one(f"#{state.focus}"))
            except Exception:
                self._focus(self.results)
        if state.view is not None:
            self.views.show(state.view)

    # -- focus and dialogs -----------------------------------------------------

    def _focus(self, widget: Widget) -> None:
        """Focus now, not after the next refresh: keys typed right after go to the new pane."""
        self.set_focus(widget)

    def action_focus_search(self) -> None:
        self._focus(self.search_box.input)

    def action_focus_entities(self) -> None:
        self._focus(self.entities)

    def action_view(self, kind: str) -> None:
        self.views.open(kind)

    def action_timeline(self) -> None:
        self.views.toggle_timeline()

    def action_clear_dates(self) -> None:
        self.views.clear_dates()

    def on_timeline_bar_narrowed(self, message: TimelineBar.Narrowed) -> None:
        self.views.narrow(message)

    def action_show_problems(self) -> None:
        self.app.push_screen(ProblemsScreen(self.problems))
