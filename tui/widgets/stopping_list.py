"""An option list whose cursor stops at either end instead of wrapping round.

Textual's `OptionList` wraps: `j` on the last row jumped to the first, which in a
list of hundreds of passages (or a notebook) loses the reader's place; `n`/`N`
already stop at the ends and say so. Every list the reader moves through with
`j`/`k` uses this one, so they all behave alike.
"""

from __future__ import annotations

from textual._widget_navigation import find_next_enabled_no_wrap
from textual.widgets import OptionList


class StoppingOptionList(OptionList):
    """`OptionList` with `down`/`j` and `up`/`k` stopping at the last and first rows."""

    def action_cursor_down(self) -> None:
        self._step(1)

    def action_cursor_up(self) -> None:
        self._step(-1)

    def _step(self, direction: int) -> None:
        found = find_next_enabled_no_wrap(self.options, self.highlighted, 1 if direction > 0 else -1)
        if found is not None:
            self.highlighted = found
