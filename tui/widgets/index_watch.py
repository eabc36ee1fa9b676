"""Live edits: the index follows the article files while the app runs.

A hand edit, a new file, a deleted one or a repaired one reaches the index within a
second or two, with no query needed: every WATCH_EVERY seconds a thread worker asks
the corpus whether the files changed (the folder watch of store.index.watch makes
that a read of the kernel's queue, not a stat of every file) and updates the index
incrementally when they did. When another process wrote the index (an import in a
terminal beside the app) nothing is to be done here, but the counts are read again.
The screen hears about both through messages and refreshes its panes.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual import work
from textual.message import Message
from textual.widget import Widget
from textual.worker import get_current_worker

from store.errors import Problem, StoreError
from store.hits import CorpusStats, IndexReport

if TYPE_CHECKING:
    from store.corpus import Corpus

WATCH_EVERY = 0.75
"""Seconds between two looks at the article folder."""
SCAN_EVERY = 15.0
"""Seconds between two looks where no folder watch is possible (each look is then a
stat of every article file: 0.45 s at 100,000 files)."""
QUIET_AFTER_FAILURE = 15.0
"""Seconds without a look after an update failed (a read-only store, a full disk)."""


class IndexWatch(Widget):
    """Invisible: keeps the index in step with the article files (see the module doc)."""

    DEFAULT_CSS = "IndexWatch { display: none; }"

    @dataclass
    class Updated(Message):
        """The index took in changed article files."""

        report: IndexReport
        stats: CorpusStats
        problems: list[Problem]

    @dataclass
    class Recounted(Message):
        """Another process changed the index: the corpus in numbers again."""

        stats: CorpusStats
        problems: list[Problem]

    @dataclass
    class Failed(Message):
        """The update could not be made (the index stays as it was)."""

        message: str

    def __init__(self, corpus: Corpus) -> None:
        super().__init__()
        self.corpus = corpus
        self.active = False
        """Set by the screen once the index is ready (and while no build of its own runs)."""
        self._version: object = None
        self._quiet_until = 0.0
        self._last_failure = ""

    def on_mount(self) -> None:
        self.set_interval(WATCH_EVERY, self._tick)

    def start(self) -> None:
        """Watch from now on, taking the index as it is now as seen."""
        self._version = self.corpus.index_version()
        self.active = True

    def _tick(self) -> None:
        if (
            self.active
            and time.monotonic() >= self._quiet_until
            and not any(w.is_running for w in self.workers)
        ):
            self._look()

    @work(thread=True, exclusive=True, group="index-watch")
    def _look(self) -> None:
        if not self.corpus.watching():
            self._quiet_until = time.monotonic() + SCAN_EVERY  # this look scans every file
        try:
            state = self.corpus.index_state()
            if state != "ready":
                report = self.corpus.ensure_index()
                self._version = self.corpus.index_version()
                if get_current_worker().is_cancelled:
                    return
                self.post_message(self.Updated(report, self.corpus.stats(), self.corpus.problems()))
                return
            version = self.corpus.index_version()
            if version != self._version:
                self._version = version
                self.post_message(self.Recounted(self.corpus.stats(), self.corpus.problems()))
        except (StoreError, OSError) as error:
            self._quiet_until = time.monotonic() + QUIET_AFTER_FAILURE
            if str(error) != self._last_failure:  # say it once, not at every look
                self._last_failure = str(error)
                self.post_message(self.Failed(str(error)))
