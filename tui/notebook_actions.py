"""The reporter's notebook on the main screen: copy with citation, star, note, collect,
save searches, export the list, open the article elsewhere.

`NotebookActions` is mixed into MainScreen, whose BINDINGS include NOTEBOOK_BINDINGS.
Each action works on what is under the cursor: the paragraph in the article (its
headline: the whole article), a quote in the entities pane, or the passage (or
quote) in the results. Notebook writes, article loads and exports run in thread
workers; the notebook file itself is store.notebook's business.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from textual import work
from textual.binding import Binding
from textual.message import Message

from store.citation import Citable, CitationError, load_style
from store.errors import StoreError
from store.history import SearchHistory
from store.listing import Listing, mentions_listing, quotes_listing, search_listing
from store.models import Article
from store.notebook import NotebookItem, mark_opened, save_search
from tui.exporting import ExportRequest, export_target, paged_listing, run_export
from tui.navigation import ArticleTarget
from tui.open_elsewhere import edit_in_editor, open_in_browser
from tui.results_text import count
from tui.screen_parts import MainScreenParts
from tui.screens.notebook_screen import NotebookScreen
from tui.screens.text_screen import TextScreen

NOTEBOOK_BINDINGS = [
    Binding("y", "copy(True)", "Copy", show=False, tooltip="Copy it with its citation (works over SSH)"),
    Binding("Y", "copy(False)", "Copy text", show=False, tooltip="Copy the text only, no citation"),
    Binding("asterisk", "star", "Star", show=False, tooltip="Star (or unstar) the passage, quote or article"),
    Binding("a", "note", "Note", show=False, tooltip="Write a note on it (it is starred with the note)"),
    Binding(
        "plus",
        "collect",
        "Collect",
        show=False,
        tooltip="Put it into a named collection (a new name makes one)",
    ),
    Binding(
        "b",
        "notebook",
        "Notebook",
        show=False,
        tooltip="The notebook: starred items, collections, saved searches",
    ),
    Binding(
        "ctrl+s", "save_search", "Save search", show=False, tooltip="Save the current query under a name"
    ),
    Binding(
        "x", "export", "Export", show=False, tooltip="Export the whole list to Markdown, CSV or JSON Lines"
    ),
    Binding(
        "E",
        "edit_source",
        "Edit YAML",
        show=False,
        tooltip="Open the article's YAML in $EDITOR at the paragraph",
    ),
    Binding("o", "open_url", "Open URL", show=False, tooltip="Open the article's web page (or show its URL)"),
]


@dataclass
class Pick:
    """What a notebook action works on: a passage, a quote or an article."""

    item: NotebookItem
    article: Article | None = None
    """The article, when it is already loaded (the article pane)."""
    date: str | None = None
    source: str | None = None


class NotebookActions(MainScreenParts):
    """Actions of the main screen that use the notebook (see the module docstring).

    MainScreen derives from it; what it uses of MainScreen is declared in tui/screen_parts.py."""

    @dataclass
    class NotebookChanged(Message):
        """The notebook was written (or could not be): say so, re-mark the stars."""

        message: str
        error: bool = False
        title: str = "Notebook"
        """What the notification is about: the notebook, an export, a URL."""

    @dataclass
    class Clip(Message):
        """Text to put on the clipboard (built in a worker)."""

        text: str
        what: str

    _history: SearchHistory | None = None
    _last_collection: str = ""

    # -- what is under the cursor -------------------------------------------------

    def picked(self) -> Pick | None:
        """The passage, quote or article the reader is on, by the focused pane."""
        article = self.article.article
        if self.focused is self.entities and article is not None:
            row = self.entities.highlighted_row
            if row is not None and row.kind == "quote":
                quote_rows = [i for i, r in sorted(self.entities.rows.items()) if r.kind == "quote"]
                quote = article.quotes[quote_rows.index(self.entities.highlighted or 0)]
                item = NotebookItem(
                    article.id, "quote", quote.text, quote.paragraph, article.title, quote.speaker
                )
                return Pick(item, article)
        if article is not None and (self.focused is self.article or self.results.entry_index is None):
            cursor = self.article.cursor
            if cursor == -1:
                return Pick(NotebookItem(article.id, "article", article.title, -1, article.title), article)
            text = article.standfirst or "" if cursor == -2 else article.paragraphs[cursor].text
            return Pick(NotebookItem(article.id, "passage", text, cursor, article.title), article)
        index = self.results.entry_index
        if index is None:
            return None
        entry = self.results.entries[index]
        source = self.results.source
        kind = "quote" if source is not None and source.kind == "quotes" else "passage"
        speaker = entry.speaker if kind == "quote" else None
        item = NotebookItem(entry.article_id, kind, entry.text, entry.paragraph, entry.title, speaker)
        return Pick(item, None, entry.date, entry.source)

    def _pick_or_say(self) -> Pick | None:
        pick = self.picked()
        if pick is None:
            self.notify("Put the cursor on a passage, a quote or an article first.", timeout=3)
        return pick

    # -- copy -----------------------------------------------------------------------

    def action_copy(self, with_citation: bool) -> None:
        pick = self._pick_or_say()
        if pick is None:
            return
        if not with_citation:
            self.app.copy_to_clipboard(pick.item.text)
            self.notify(_shown(pick.item.text), title="Copied the text", markup=False, timeout=3)
            return
        self._cite(pick)

    @work(thread=True, group="notebook")
    def _cite(self, pick: Pick) -> None:
        try:
            article = pick.article or self.corpus.load_article(pick.item.article_id)
            style = load_style(self.corpus.data_dir)
        except (StoreError, OSError) as error:
            self.post_message(self.NotebookChanged(f"Cannot cite it: {error}", error=True))
            return
        item = pick.item
        citable = Citable(
            article.id, article.title, article.published, article.source, item.paragraph, item.text,
            kind=item.kind, url=article.url, speaker=item.speaker,
        )  # fmt: skip
        self.post_message(self.Clip(style.clip(citable), "with its citation"))

    def on_notebook_actions_clip(self, message: NotebookActions.Clip) -> None:
        self.app.copy_to_clipboard(message.text)
        self.notify(_shown(message.text), title=f"Copied {message.what}", markup=False, timeout=4)

    # -- star, note, collect ---------------------------------------------------------

    @work(thread=True, group="notebook")
    def change_notebook(self, change: object, done: str) -> None:
        """Run `change()` (a notebook write) in a thread; report `done` or the error."""
        try:
            result = change()  # type: ignore[operator]
        except (StoreError, OSError) as error:
            self.post_message(self.NotebookChanged(str(error), error=True))
            return
        self.post_message(self.NotebookChanged(done(result) if callable(done) else done))

    def on_notebook_actions_notebook_changed(self, message: NotebookActions.NotebookChanged) -> None:
        self.results.refresh_stars()
        if self.entities.article is not None:  # its quotes show their stars
            keep = self.entities.highlighted
            self.entities.show_article(self.entities.article)
            self.entities.highlighted = keep
        if message.error:
            self.notify(message.message, title=message.title, severity="error", markup=False, timeout=8)
        else:
            self.notify(message.message, title=message.title, markup=False, timeout=3)
        for screen in self.app.screen_stack:
            if isinstance(screen, NotebookScreen):
                screen.reload()

    def action_star(self) -> None:
        pick = self._pick_or_say()
        if pick is not None:
            notebook, item = self.corpus.notebook, pick.item
            self.change_notebook(
                lambda: notebook.toggle_star(item),
                lambda starred: f"Starred {item.kind}" if starred else f"Unstarred {item.kind}",
            )

    def action_note(self) -> None:
        pick = self._pick_or_say()
        if pick is None:
            return
        notebook, item = self.corpus.notebook, pick.item
        try:
            note = notebook.note_of(item)
        except StoreError as error:
            self.notify(str(error), title="Notebook", severity="error", markup=False, timeout=8)
            return

        def save(text: str | None) -> None:
            if text is not None:
                self.change_notebook(
                    lambda: notebook.set_note(item, text), "Note saved (the item is starred)"
                )

        self.app.push_screen(
            TextScreen(f"Note on this {item.kind}", note, multiline=True, hint=_shown(item.text)), save
        )

    def action_collect(self) -> None:
        pick = self._pick_or_say()
        if pick is None:
            return
        notebook, item = self.corpus.notebook, pick.item
        try:
            names = [c.name for c in notebook.load().collections]
        except StoreError as error:
            self.notify(str(error), title="Notebook", severity="error", markup=False, timeout=8)
            return

        def add(name: str | None) -> None:
            if name and name.strip():
                NotebookActions._last_collection = name.strip()
                self.change_notebook(
                    lambda: notebook.add_to(name, item),
                    lambda added: f"Added to {name.strip()!r}" if added else f"Already in {name.strip()!r}",
                )

        hint = "Type a collection's name; a new name creates the collection."
        self.app.push_screen(
            TextScreen("Add to collection", self._last_collection, hint=hint, choices=names), add
        )

    def action_notebook(self) -> None:
        self.app.push_screen(NotebookScreen(self.corpus, self))

    def open_passage(self, article_id: str, paragraph: int) -> None:
        """Open an article at a paragraph (from the notebook), with the way back kept."""
        self.history.push(self._snapshot())
        self.article.open(ArticleTarget(article_id, paragraph))
        self._focus(self.article)

    # -- history and saved searches -----------------------------------------------------

    @property
    def search_history(self) -> SearchHistory:
        if self._history is None:
            self._history = SearchHistory(self.corpus.data_dir)  # type: ignore[attr-defined]
        return self._history

    def mount_notebook(self) -> None:
        """Give the search box the history, and say if notebook files cannot be read."""
        history = self.search_history
        self.search_box.history = history.queries
        problems = [str(history.problem)] if history.problem else []
        error = self.corpus.notebook.error()
        if error is not None:
            problems.append(f"{error} — stars and collections are read-only until it is fixed")
        for problem in problems:
            self.notify(problem, title="Notebook", severity="error", markup=False, timeout=10)

    def remember_query(self, query: str) -> None:
        self.search_history.add(query)
        self.search_box.history = self.search_history.queries

    def action_save_search(self) -> None:
        query = self.search_box.value.strip()
        if not query:
            self.notify("Type a query first; ctrl+s saves it under a name.", timeout=3)
            return
        notebook, corpus = self.corpus.notebook, self.corpus

        def save(name: str | None) -> None:
            if not name or not name.strip():
                return

            def change() -> str:
                total = search_listing(corpus, query).total
                notebook.change(lambda nb: setattr(save_search(nb, name, query), "seen", total))
                return f"Saved {name.strip()!r}: {query} ({count(total, 'passage')} now)"

            self.change_notebook(change, lambda said: said)

        self.app.push_screen(TextScreen("Save this search as", query, hint=f"Query: {query}"), save)

    def run_saved_search(self, name: str, query: str) -> None:
        """Show a saved search's results and remember that it was opened."""
        self.search_box.set_query(query)
        self._search(query, force=True, submitted=True)
        self.remember_query(query)
        notebook, corpus = self.corpus.notebook, self.corpus

        def change() -> str:
            total = search_listing(corpus, query).total
            notebook.change(lambda nb: mark_opened(nb, name, total))
            return f"Opened {name!r}"

        self.change_notebook(change, lambda said: said)
        self._focus(self.results)

    # -- export ---------------------------------------------------------------------------

    def action_export(self) -> None:
        source = self.results.source
        if source is None or not self.results.entries:
            self.notify("Nothing to export: search, jump or list quotes first.", timeout=3)
            return
        corpus = self.corpus

        def listing() -> Listing:
            if source.kind == "mentions":
                return mentions_listing(corpus, source.query, source.entity_type)
            if source.kind == "quotes":
                return quotes_listing(corpus, source.query)
            if source.kind == "search":
                return search_listing(corpus, source.query, source.sort)
            return paged_listing(corpus, source)  # any other list, page by page as the pane loads it

        self.ask_export(listing, source.query or "latest")

    def ask_export(self, listing: object, name: str) -> None:
        """Ask for the file (its extension picks the format), then export in a worker."""
        default = export_target(Path.cwd(), name)

        def start(path: str | None) -> None:
            if path and path.strip():
                request = ExportRequest(listing, Path(path.strip()).expanduser())  # type: ignore[arg-type]
                if request.format is None:
                    self.notify("End the file name with .md, .csv or .jsonl.", severity="error", timeout=5)
                    return
                self.export_list(request)

        hint = "The ending picks the format: .md (Markdown with citations), .csv or .jsonl."
        self.app.push_screen(TextScreen("Export the whole list to", str(default), hint=hint), start)

    @work(thread=True, exclusive=True, group="export")
    def export_list(self, request: ExportRequest) -> None:
        def progress(done: int, total: int) -> None:
            self.app.call_from_thread(self.status.show_progress, done, total, "exporting")

        try:
            message = run_export(request, self.corpus, progress)
        except (StoreError, CitationError, OSError) as error:
            self.app.call_from_thread(self.status.show_index, "index up to date")
            self.post_message(self.NotebookChanged(f"Export failed: {error}", error=True, title="Export"))
            return
        self.app.call_from_thread(self.status.show_index, "index up to date")
        self.post_message(self.NotebookChanged(message, title="Export"))

    # -- open elsewhere ----------------------------------------------------------------------

    def action_edit_source(self) -> None:
        pick = self._pick_or_say()
        if pick is not None:
            edit_in_editor(self, pick.item.article_id, pick.item.paragraph)

    def action_open_url(self) -> None:
        pick = self._pick_or_say()
        if pick is not None:
            self._open_url(pick)

    @work(thread=True, group="notebook")
    def _open_url(self, pick: Pick) -> None:
        try:
            url = (pick.article or self.corpus.load_article(pick.item.article_id)).url
        except StoreError as error:
            self.post_message(self.NotebookChanged(str(error), error=True, title="Open"))
            return
        if not url:
            self.post_message(self.NotebookChanged("This article has no URL.", error=True, title="Open"))
        elif open_in_browser(url):
            self.post_message(self.NotebookChanged(f"Opened {url}", title="Open"))
        else:
            self.post_message(self.Clip(url, "the URL (no browser could be started)"))


def _shown(text: str, limit: int = 160) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
