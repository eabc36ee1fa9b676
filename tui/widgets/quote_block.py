"""A quote set off as a block: the whole quote wrapped, a bar down its left side."""

from __future__ import annotations

from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.segment import Segment
from rich.style import Style
from rich.text import Text

BAR = "▌ "


class QuoteBlock:
    """Rich renderable: `text` wrapped to the width, each line after a bar."""

    def __init__(self, text: Text, bar_style: Style | str = "") -> None:
        self.text = text
        self.bar_style = bar_style

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = max(options.max_width - len(BAR), 8)
        for line in self.text.wrap(console, width):
            yield Segment(
                BAR, console.get_style(self.bar_style) if isinstance(self.bar_style, str) else self.bar_style
            )
            yield from line.render(console)
            yield Segment.line()

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement(len(BAR) + 8, options.max_width)
