"""The status line: the corpus in numbers, the index's state, and file problems."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import ProgressBar, Static

from store.hits import CorpusStats
from tui.results_text import count


class _CorpusCounts(Static):
    """The corpus in numbers and the sort order, the least needed counts left out where
    the line is too narrow for all ("sort: releva…" at 80 columns)."""

    parts: tuple[str, ...] = ()

    def show(self, parts: tuple[str, ...]) -> None:
        self.parts = parts
        self._fit()

    def on_resize(self) -> None:
        self._fit()

    def _fit(self) -> None:
        *counts, sort = self.parts or ("",)
        width = self.size.width
        for kept in range(len(counts), 0, -1):  # entities, then quotes, go first
            text = " · ".join([*counts[:kept], sort])
            if not width or len(text) <= width:
                break
        else:
            text = sort
        self.update(Text(text))


class StatusLine(Horizontal):
    """One line at the bottom of the main screen."""

    def compose(self) -> ComposeResult:
        yield Static("", id="status-problems")
        yield _CorpusCounts("", id="status-corpus")
        yield Static("", id="status-index")
        yield ProgressBar(show_eta=False, id="status-progress")

    def show_stats(self, stats: CorpusStats, sort: str) -> None:
        entities = f"{stats.entities:,} " + ("entity" if stats.entities == 1 else "entities")
        counts = (count(stats.articles, "article"), count(stats.quotes, "quote"), entities)
        self.query_one("#status-corpus", _CorpusCounts).show((*counts, f"sort: {sort}"))

    def show_index(self, state: str) -> None:
        """`state` in words: "index up to date", "index outdated — updating"…"""
        self.query_one("#status-progress", ProgressBar).display = False
        self.query_one("#status-index", Static).update(Text(state))

    def show_progress(self, done: int, total: int, label: str) -> None:
        bar = self.query_one("#status-progress", ProgressBar)
        bar.display = True
        bar.update(total=max(total, 1), progress=done)
        self.query_one("#status-index", Static).update(Text(f"{label} {done:,}/{total:,}"))

    def show_problems(self, count: int) -> None:
        problems = self.query_one("#status-problems", Static)
        if count:
            files = "1 YAML file" if count == 1 else f"{count:,} YAML files"
            problems.update(Text(f"{files} could not be read — press ! to see them"))
        else:
            problems.update("")
        problems.set_class(bool(count), "-problems")
