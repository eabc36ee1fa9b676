"""The main screen's index news: live updates, counts, problems, update and rebuild.

`IndexActions` is mixed into MainScreen. The folder watch (tui/widgets/index_watch.py)
reports files that changed under the app and counts that another process changed;
here the panes, the status line and the problems count follow.
"""

from __future__ import annotations

import time

from store.errors import Problem
from store.hits import CorpusStats, IndexReport
from tui.screen_parts import MainScreenParts
from tui.widgets.index_watch import IndexWatch


class IndexActions(MainScreenParts):
    """What the main screen does with news from the index (see the module docstring).

    MainScreen derives from it; what it uses of MainScreen is declared in tui/screen_parts.py."""

    def on_index_watch_updated(self, message: IndexWatch.Updated) -> None:
        """Files changed under the app: the index took them in; show it everywhere."""
        report = message.report
        self.status.show_index(index_news(report))
        self._show_counts(message.stats, message.problems)
        if report.added or report.updated or report.removed or report.rebuilt:
            if self.results.source is not None:
                self.results.show(self.results.source, cursor=self.results.entry_index, reload=True)
            self.article.reload()

    def on_index_watch_recounted(self, message: IndexWatch.Recounted) -> None:
        self._show_counts(message.stats, message.problems)

    def on_index_watch_failed(self, message: IndexWatch.Failed) -> None:
        self.status.show_index("index not updated")
        self.notify(
            f"The index could not take in the changed files: {message.message}",
            title="Index",
            severity="warning",
            markup=False,
        )

    def _show_counts(self, stats: CorpusStats, problems: list[Problem]) -> None:
        self.stats = stats
        self.status.show_stats(stats, self.sort)
        self.search_box.show_corpus_size(stats.articles, self.corpus)
        self.status.show_problems(len(problems))
        if problems and problems != self.problems:
            self.notify(
                f"{_files(len(problems))} could not be read — press ! to see them.",
                severity="warning",
                markup=False,
            )
        self.problems = problems

    def _report_rebuild(self) -> None:
        """Say so when the store had to rebuild the index (corrupt, older schema), once."""
        report = self.corpus.last_report
        if report is None or report is self._seen_report:
            return
        self._seen_report = report
        if report.rebuilt and report.reason and report.reason != "missing":
            self.notify(f"The index was rebuilt: {report.reason}.", title="Index", markup=False, timeout=6)
        for note in report.notes:
            self.notify(note, title="Index", markup=False)

    def action_rebuild_index(self) -> None:
        self.status.show_index("rebuilding the index…")
        self.prepare_index(rebuild=True)

    def action_update_index(self) -> None:
        self.status.show_index("updating the index…")
        self.prepare_index(update=True)


def index_news(report: IndexReport | None) -> str:
    """The status line's word on the last update: what changed, and when."""
    if report is None:
        return "index up to date"
    parts = [
        f"{count} {what}"
        for count, what in ((report.added, "added"), (report.updated, "changed"), (report.removed, "removed"))
        if count
    ]
    when = time.strftime("%H:%M:%S")
    return f"index updated {when}: {', '.join(parts)}" if parts else f"index up to date ({when})"


def _files(count: int) -> str:
    return "1 YAML file" if count == 1 else f"{count:,} YAML files"
