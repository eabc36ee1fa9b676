"""The timeline above the results: how the list's passages spread over time.

Bars are drawn from Unicode block characters (▁▂▃▄▅▆▇█), three rows high, one
column or more per period; `←`/`→` (or `h`/`l`) move a cursor along them, and
`enter` narrows the list to the period under it with a `date:` clause (the main
screen puts it in the search box). Undated passages are counted apart, and a list
without any dated article says so instead of drawing an empty chart.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.console import RenderableType
from rich.text import Text
from textual import work
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget
from textual.worker import get_current_worker

from store.views import Timeline, TimelineBucket
from tui.navigation import ListSource

if TYPE_CHECKING:
    from store.corpus import Corpus

LEVELS = " ▁▂▃▄▅▆▇█"
ROWS = 3
"""Rows of bars: 3 x 8 = 24 heights."""
MAX_COLUMN = 4
"""Widest a period's bar gets (a short timeline spreads over the width)."""


class TimelineBar(Widget, can_focus=True):
    """A bar chart of the current list per day, week, month or year, with a cursor."""

    DEFAULT_CSS = """
    TimelineBar { height: 6; }
    """
    BINDINGS = [
        Binding("left,h", "move(-1)", "Earlier", tooltip="The timeline: the period before"),
        Binding("right,l", "move(1)", "Later", tooltip="The timeline: the period after"),
        Binding("home,g", "edge(-1)", "First period", show=False),
        Binding("end,G", "edge(1)", "Last period", show=False),
        Binding(
            "enter",
            "narrow",
            "Narrow",
            tooltip="Narrow the list to this period (a date: clause in the search box)",
        ),
        Binding(
            "p", "cycle_unit", "Period", tooltip="Count by day, week, month or year (or as the span suits)"
        ),
    ]
    COMPONENT_CLASSES = {"timeline--bar", "timeline--cursor", "timeline--meta", "timeline--empty"}

    cursor: reactive[int] = reactive(0)

    @dataclass
    class Narrowed(Message):
        """Narrow the list to a period."""

        bar: TimelineBar
        bucket: TimelineBucket
        source: ListSource

    @dataclass
    class _Arrived(Message):
        generation: int
        timeline: Timeline | None
        problem: str = ""

    def __init__(self, corpus: Corpus, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.corpus = corpus
        self.source: ListSource | None = None
        self.timeline: Timeline | None = None
        self.problem = ""
        self.unit: str | None = None
        """day, week, month or year; None: chosen from the span of the dates."""
        self._generation = 0

    # -- data -------------------------------------------------------------------

    def show_for(self, source: ListSource) -> None:
        """Count the list `source` per period (in a worker); the cursor goes to the last period."""
        self._generation += 1
        self.source = source
        self.timeline = None
        self.problem = ""
        self.refresh()
        self._fetch(source, self.unit, self._generation)

    @work(thread=True, exclusive=True, group="timeline")
    def _fetch(self, source: ListSource, unit: str | None, generation: int) -> None:
        try:
            if source.kind == "mentions":
                found = self.corpus.timeline(by=unit, entity=source.query, entity_type=source.entity_type)
            elif source.kind == "pair":
                found = self.corpus.timeline(
                    by=unit, entity=source.query, entity_type=source.entity_type, other=source.other,
                    other_type=source.other_type,
                )  # fmt: skip
            elif source.kind == "quotes":
                found = self.corpus.timeline(by=unit, speaker=source.query)
            else:
                found = self.corpus.timeline(source.query, by=unit)
        except Exception as error:  # a bad query is the results pane's to explain
            self.post_message(self._Arrived(generation, None, str(error)))
            return
        if not get_current_worker().is_cancelled:
            self.post_message(self._Arrived(generation, found))

    def _on_timeline_bar__arrived(self, message: _Arrived) -> None:
        message.stop()
        if message.generation != self._generation:
            return
        self.timeline = message.timeline
        self.problem = message.problem
        self.cursor = max(len(self.timeline.buckets) - 1, 0) if self.timeline else 0
        self.refresh()

    # -- keys -------------------------------------------------------------------

    def action_move(self, delta: int) -> None:
        if self.timeline and self.timeline.buckets:
            self.cursor = min(max(self.cursor + delta, 0), len(self.timeline.buckets) - 1)

    def action_edge(self, direction: int) -> None:
        if self.timeline and self.timeline.buckets:
            self.cursor = 0 if direction < 0 else len(self.timeline.buckets) - 1

    def action_cycle_unit(self) -> None:
        units = (None, "day", "week", "month", "year")
        self.unit = units[(units.index(self.unit) + 1) % len(units)]
        self.notify(f"Timeline by {self.unit or 'the span of the dates'}", timeout=2)
        if self.source is not None:
            self.show_for(self.source)

    def action_narrow(self) -> None:
        bucket = self.bucket
        if bucket is None or self.source is None:
            self.notify("No period to narrow to.", timeout=2)
            return
        self.post_message(self.Narrowed(self, bucket, self.source))

    @property
    def bucket(self) -> TimelineBucket | None:
        if not self.timeline or not self.timeline.buckets:
            return None
        return self.timeline.buckets[min(self.cursor, len(self.timeline.buckets) - 1)]

    # -- drawing ----------------------------------------------------------------

    def render(self) -> RenderableType:
        width = max(self.content_region.width, 10)
        meta = self.get_component_rich_style("timeline--meta", partial=True)
        empty = self.get_component_rich_style("timeline--empty", partial=True)
        found = self.timeline
        if found is None:
            return Text(self.problem or "Counting…", style=empty)
        what = found.counts if found.total != 1 else found.counts.rstrip("s")
        summary = f"{found.total:,} {what} by {found.by} · {found.undated:,} undated"
        if not found.buckets:
            if found.total:
                message = f"No dates: none of these {found.total:,} {what} comes from a dated article."
            else:
                message = "Nothing to chart: the list is empty."
            return Text.assemble((message, empty), "\n", (summary, meta))
        buckets = found.buckets
        column = min(max(width // len(buckets), 1), MAX_COLUMN)
        shown = max(width // column, 1)
        first = min(max(self.cursor - shown // 2, 0), max(len(buckets) - shown, 0))
        window = buckets[first : first + shown]
        top = max(b.count for b in buckets) or 1
        bar_style = self.get_component_rich_style("timeline--bar", partial=True)
        cursor_style = self.get_component_rich_style("timeline--cursor", partial=True)
        current = self.bucket
        head = Text(end="")
        if current is not None:
            head.append(f"{_label(current, found.by)}: {current.count:,}", style="bold")
            head.append(f"  ({summary})", style=meta)
        lines = [head]
        heights = [(b, 0 if not b.count else max(1, round(b.count / top * ROWS * 8))) for b in window]
        for row in range(ROWS - 1, -1, -1):
            line = Text(end="")
            for bucket, height in heights:
                fill = min(max(height - row * 8, 0), 8)
                mark = "·" if bucket is current and not height and row == 0 else LEVELS[fill]
                cell = mark * max(column - (1 if column > 2 else 0), 1)
                cell += " " * (column - len(cell))
                line.append(cell, style=cursor_style if bucket is current else bar_style)
            lines.append(line)
        left, right = _label(window[0], found.by), _label(window[-1], found.by)
        gap = max(len(window) * column - len(left) - len(right), 1)
        lines.append(Text(left + " " * gap + right, style=meta, end=""))
        return Text("\n").join(lines)


def _label(bucket: TimelineBucket, unit: str) -> str:
    if unit == "year":
        return bucket.start[:4]
    if unit == "month":
        return bucket.start[:7]
    if unit == "week":
        return f"week of {bucket.start}"
    return bucket.start
