"""The results pane: passages grouped by article, loaded a page at a time.

The same list shows search hits, the entity jump ("John Kerry — 7 passages in 3
articles") and an entity's quotes. Pages come from the corpus in a thread worker;
a page for an older request (the reader kept typing) is dropped on arrival.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.console import Group
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import work
from textual.binding import Binding
from textual.message import Message
from textual.strip import Strip
from textual.widgets import OptionList
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from store.errors import StoreError
from store.hits import QueryError
from store.passage_ref import fingerprint
from tui.messages import QuotesRequested
from tui.navigation import ListSource, ResultEntry, Span
from tui.passage_text import SNIPPET_CHARS, inert, snippet, speaker_label, styled
from tui.result_pages import ResultPage, load_page
from tui.results_text import fit_title, nothing_found
from tui.widgets.quote_block import QuoteBlock
from tui.widgets.stopping_list import StoppingOptionList

if TYPE_CHECKING:
    from store.corpus import Corpus

PAGE_SIZE = 100
"""Rows fetched per request; more are fetched as the cursor nears the end."""
LOAD_AT_MOST = 20_000
"""`G` loads the rest of a list up to this many rows."""
_PLACES = {-1: "headline: ", -2: "standfirst: "}
"""How a passage that is not a body paragraph is labelled (by its paragraph number)."""


class ResultsList(StoppingOptionList):
    """Passages of the corpus, one option per passage under a header per article."""

    BINDINGS = [
        Binding("enter", "select", "Open", tooltip="Open the article at this passage"),
        Binding("Q", "quotes", "Their quotes", tooltip="Quotes of this entity or speaker, corpus-wide"),
        Binding("j,down", "cursor_down", "Next passage", show=False),
        Binding("k,up", "cursor_up", "Previous passage", show=False),
        Binding("g,home", "first", "Top", show=False),
        Binding("G,end", "last", "Bottom", show=False),
    ]
    COMPONENT_CLASSES = {
        "results--highlight",
        "results--meta",
        "results--speaker",
        "results--empty",
        "results--star",
    }

    @dataclass
    class Loaded(Message):
        """The first page of a new list arrived."""

        results: ResultsList
        source: ListSource
        total: int
        """Rows in the whole list, not only the loaded page."""
        articles: int
        elapsed_ms: float
        exact: bool = True
        """False when `total` is an estimate."""
        dated: bool = True
        """False when no article of the store has a date (the empty query's list is not "latest")."""

    @dataclass
    class Failed(Message):
        """The list could not be loaded (a bad query, an unknown entity)."""

        results: ResultsList
        source: ListSource
        message: str
        position: int | None = None

    @dataclass
    class Opened(Message):
        """The reader chose a passage (enter, click, `n`/`N`)."""

        results: ResultsList
        entry: ResultEntry
        index: int
        """Its position in the list."""

    @dataclass
    class _Arrived(Message):
        generation: int
        offset: int
        page: ResultPage

    @dataclass
    class _Broke(Message):
        generation: int
        message: str
        position: int | None

    def __init__(self, corpus: Corpus, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.corpus = corpus
        self.source: ListSource | None = None
        self.full_title = ""
        """The list's title before it is cut to the pane."""
        self._title_keep = 0
        """How much of the title after " — " (its counts) a cut keeps."""
        self.entries: list[ResultEntry] = []
        self.total = 0
        self.empty_message = ""
        """What the empty list says (why it is empty, what to do)."""
        self._generation = 0
        self._option_of_entry: list[int] = []
        self._entry_of_option: dict[int, int] = {}
        self._last_article: str | None = None
        self._heading_entries: set[int] = set()
        """Entries that are a hit on the headline and stand as their article's line."""
        self._pending_cursor: int | None = None
        self._fetching_more = False
        self._to_the_end = False
        """`G` asked for the end: the cursor goes there when the rest has arrived."""

    # -- loading ---------------------------------------------------------------

    def _style(self, component: str) -> Style:
        """A component class's style from the stylesheet (only what it sets)."""
        return self.get_component_rich_style(component, partial=True)

    def show(self, source: ListSource, cursor: int | None = None, *, reload: bool = False) -> None:
        """List `source`, with the cursor on entry `cursor` once it has loaded."""
        loaded = source == self.source and self.entries and (cursor is None or cursor < len(self.entries))
        if loaded and not reload:
            self._generation += 1  # drop anything still arriving for an older list
            if cursor is not None:
                self.highlight_entry(cursor)
            return
        self._generation += 1
        self.source = source
        self._pending_cursor = cursor
        self.border_subtitle = "searching…" if source.kind == "search" else "loading…"
        self._fetch(source, 0, max(PAGE_SIZE, (cursor or 0) + 1), self._generation)

    def show_message(self, message: str) -> None:
        """Empty the list and say why (or what to do)."""
        self._generation += 1
        self.source = None
        self._reset()
        self.full_title = ""
        self.border_title = "Results"
        self.border_subtitle = ""
        self.empty_message = message
        self._add_empty_state()

    def _fit_title(self) -> None:
        """The title cut to the top border: its corners and the spaces around the title take 6."""
        width = self.outer_size.width - 6
        self.border_title = Text(inert(fit_title(self.full_title, self._title_keep, width)))

    def on_resize(self) -> None:
        if self.full_title:  # the pane grew or shrank (the terminal, the timeline): cut again
            self._fit_title()

    @work(thread=True, exclusive=True, group="results")
    def _fetch(self, source: ListSource, offset: int, limit: int, generation: int) -> None:
        try:
            page = load_page(self.corpus, source, offset, limit)
        except QueryError as error:
            self.post_message(self._Broke(generation, error.message, error.position))
            return
        except StoreError as error:
            self.post_message(self._Broke(generation, str(error), None))
            return
        except Exception as error:  # a bug below us must not take the reader's screen down
            self.post_message(self._Broke(generation, f"{type(error).__name__}: {error}", None))
            return
        if not get_current_worker().is_cancelled:
            self.post_message(self._Arrived(generation, offset, page))

    def _on_results_list__arrived(self, message: _Arrived) -> None:
        message.stop()
        if message.generation != self._generation or self.source is None:
            return
        page = message.page
        self._fetching_more = False
        if message.offset == 0:
            self._reset()
            self.total = page.total
            self.full_title, self._title_keep = page.title, page.keep
            self._fit_title()
            if page.note and message.offset == 0:
                self.notify(inert(page.note), title="Which one?", markup=False, timeout=6)
            self.border_subtitle = f"{page.elapsed_ms:.0f} ms"
            self.post_message(
                self.Loaded(
                    self,
                    self.source,
                    page.total,
                    page.articles,
                    page.elapsed_ms,
                    exact=page.exact,
                    dated=page.dated,
                )
            )
        self._append(page.entries)
        if self._to_the_end:
            self._to_the_end = False
            self.highlight_entry(len(self.entries) - 1)
        if not self.entries:
            self.empty_message = nothing_found(self.source)
            self._add_empty_state()
        elif message.offset == 0:
            cursor = self._pending_cursor or 0
            self._pending_cursor = None
            self.highlight_entry(min(cursor, len(self.entries) - 1))

    def _on_results_list__broke(self, message: _Broke) -> None:
        message.stop()
        if message.generation != self._generation or self.source is None:
            return
        self._fetching_more = False
        self.border_subtitle = ""
        self.post_message(self.Failed(self, self.source, message.message, message.position))

    # -- rows ------------------------------------------------------------------

    def _reset(self) -> None:
        self.empty_message = ""
        self.clear_options()
        self.entries = []
        self.total = 0
        self._option_of_entry = []
        self._entry_of_option = {}
        self._last_article = None
        self._heading_entries = set()
        self.set_class(self.source is not None and self.source.kind == "quotes", "-quotes")

    def _add_empty_state(self) -> None:
        """Say why the list is empty: drawn over the empty list, never one of its rows."""
        self.refresh()

    def render_line(self, y: int) -> Strip:
        if self.option_count or not self.empty_message:
            return super().render_line(y)
        width = self.scrollable_content_region.width
        base = self.get_visual_style("option-list--option").rich_style
        message = Text(self.empty_message, style=self._style("results--empty"))
        lines = message.wrap(self.app.console, max(width - 2, 10))
        if y >= len(lines):
            return Strip.blank(width, base)
        segments = [Segment(" ", base), *lines[y].render(self.app.console)]
        return Strip(segments).apply_style(base).extend_cell_length(width, base).crop(0, width)

    def _append(self, entries: list[ResultEntry]) -> None:
        meta = self._style("results--meta")
        starred = self._starred()
        options: list[Option] = []
        next_option = self.option_count
        for entry in entries:
            if entry.article_id != self._last_article:
                self._last_article = entry.article_id
                if entry.paragraph == -1:  # a hit on the headline is the article's line: shown once
                    self._heading_entries.add(len(self.entries))
                    if self.entries:
                        options.append(Option(Text(""), disabled=True))
                        next_option += 1
                else:
                    header = Text("\n" if self.entries else "", end="")
                    options.append(Option(header + self._heading(entry, meta), disabled=True))
                    next_option += 1
            self._entry_of_option[next_option] = len(self.entries)
            self._option_of_entry.append(next_option)
            self.entries.append(entry)
            options.append(Option(self._row(entry, starred, len(self.entries) - 1)))
            next_option += 1
        self.add_options(options)

    def _heading(self, entry: ResultEntry, meta: Style, spans: tuple[Span, ...] = ()) -> Text:
        """One line: the headline (its matches highlighted), then its source and date (cut
        first when narrow), so that even at 80x24 the pane shows several results."""
        heading = Text(end="")
        heading.append_text(styled(entry.title, [(spans, self._style("results--highlight"))], base="bold"))
        details = " · ".join(inert(part) for part in (entry.source, entry.date) if part)
        if details:
            heading.append(" · " + details, style=meta)
        return heading

    def _starred(self) -> set[tuple[str, str]]:
        """(article id, fingerprint) of the starred items; none when the notebook cannot be read."""
        try:
            return self.corpus.notebook.load().starred_keys()
        except StoreError:
            return set()

    def _row(self, entry: ResultEntry, starred: set[tuple[str, str]], index: int) -> Text | Group:
        """One passage's row: ★ when starred, the snippet, the speaker."""
        meta = self._style("results--meta")
        if self.source is not None and self.source.kind == "quotes":
            return self._quote_row(entry, (entry.article_id, fingerprint(entry.text)) in starred, index)
        # a very wide screen wraps rows (app.tcss): two lines of each passage use its width
        wide = self.screen.has_class("-very-wide")
        chars = int(1.7 * max(self.scrollable_content_region.width - 4, 20)) if wide else SNIPPET_CHARS
        label = _PLACES.get(entry.paragraph)
        if index in self._heading_entries:  # the headline as the article's line
            row = self._heading(entry, meta, entry.spans if entry.text == entry.title else ())
        else:
            row = snippet(entry.text, list(entry.spans), self._style("results--highlight"), chars=chars)
            if label:
                row = Text(label, style=meta, end="") + row
        if (entry.article_id, fingerprint(entry.text)) in starred:
            row = Text("★ ", style=self._style("results--star"), end="") + row
        if entry.speaker:
            row.append("\n— " + inert(entry.speaker), style=self._style("results--speaker"))
        return row

    def _quote_row(self, entry: ResultEntry, star: bool, index: int) -> Group:
        """The whole quote in a quote block; the speaker named once per run of their quotes."""
        speaker_style = self._style("results--speaker")
        parts: list[Text | QuoteBlock] = []
        before = self.entries[index - 1] if index else None
        if before is None or (before.speaker, before.uncertain) != (entry.speaker, entry.uncertain):
            parts.append(Text(speaker_label(entry.speaker, entry.uncertain), style=speaker_style))
        quote = styled("“" + entry.text + "”", [([(0, len(entry.text) + 2)], "italic")])
        if star:
            quote = Text("★ ", style=self._style("results--star"), end="") + quote
        parts.append(QuoteBlock(quote, speaker_style))
        parts.append(Text(""))  # a blank line between quotes
        return Group(*parts)

    def refresh_stars(self) -> None:
        """Mark the loaded rows again after the notebook changed."""
        starred = self._starred()
        for index, entry in enumerate(self.entries):
            self.replace_option_prompt_at_index(
                self._option_of_entry[index], self._row(entry, starred, index)
            )

    def highlight_entry(self, index: int) -> None:
        """Put the cursor on entry `index` (a passage, never a header)."""
        if 0 <= index < len(self._option_of_entry):
            self.highlighted = self._option_of_entry[index]

    @property
    def entry_index(self) -> int | None:
        """The entry under the cursor, as a position in `entries`."""
        if self.highlighted is None:
            return None
        return self._entry_of_option.get(self.highlighted)

    def step(self, delta: int) -> ResultEntry | None:
        """Move the cursor to the next (`delta` 1) or previous (-1) passage and return it
        (None past either end). The caller opens it at once, so a burst of presses
        opens each passage in turn, in order."""
        current = self.entry_index
        target = 0 if current is None else current + delta
        if not 0 <= target < len(self.entries):
            self._maybe_fetch_more(len(self.entries) - 1)
            return None
        self.highlight_entry(target)
        return self.entries[target]

    # -- events ----------------------------------------------------------------

    def _on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        index = self._entry_of_option.get(event.option_index)
        if index is not None:
            self.post_message(self.Opened(self, self.entries[index], index))

    def _on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        index = self._entry_of_option.get(event.option_index)
        if index is not None:
            self._maybe_fetch_more(index)

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        if new_value and new_value >= self.max_scroll_y - self.size.height:
            self._maybe_fetch_more(len(self.entries) - 1)  # scrolled (mouse) near the end

    def action_quotes(self) -> None:
        """Quotes of the listed entity, or of the speaker of the passage under the cursor."""
        index = self.entry_index
        if self.source is not None and self.source.kind in ("mentions", "pair"):
            self.post_message(QuotesRequested(self.source.query))
        elif index is not None and self.entries[index].speaker:
            self.post_message(QuotesRequested(self.entries[index].speaker or ""))
        else:
            self.notify("No speaker here: Q works on a quote, or on an entity's mentions.", timeout=3)

    def action_last(self) -> None:
        """The real end of the list, in one press: the rows not loaded yet (up to
        LOAD_AT_MOST) are fetched first."""
        missing = min(self.total - len(self.entries), LOAD_AT_MOST - len(self.entries))
        if self.source is None or missing <= 0:
            self.highlight_entry(len(self.entries) - 1)
            return
        self._to_the_end = True
        self._fetching_more = True
        self._fetch(self.source, len(self.entries), missing, self._generation)

    def _maybe_fetch_more(self, index: int) -> None:
        if self.source is None or self._fetching_more:
            return
        if index >= len(self.entries) - 10 and len(self.entries) < self.total:
            self._fetching_more = True
            self._fetch(self.source, len(self.entries), PAGE_SIZE, self._generation)
