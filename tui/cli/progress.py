"""A plain progress bar for long CLI runs, on stderr, only when it is a terminal."""

from __future__ import annotations

import sys
import time
from typing import TextIO


class ProgressBar:
    """`[#########.........]  120/202  articles  0:12` redrawn in place.

    Call it as the `progress(done, total, label)` callback the store functions take.
    Redraws at most ten times a second; prints nothing when stderr is not a terminal.
    """

    def __init__(self, what: str, stream: TextIO | None = None) -> None:
        self.what = what
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty()
        self.started = time.monotonic()
        self._last_draw = 0.0
        self._drawn = False

    def __call__(self, done: int, total: int, label: str = "") -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if done < total and now - self._last_draw < 0.1:
            return
        self._last_draw = now
        width = 30
        filled = int(width * done / total) if total else width
        elapsed = int(now - self.started)
        label = "".join(ch for ch in label if ch.isprintable())[:40]
        line = (
            f"\r[{'#' * filled}{'.' * (width - filled)}] {done:>6}/{total:<6} {self.what}"
            f"  {elapsed // 60}:{elapsed % 60:02d}  {label}"
        )
        self.stream.write(line.ljust(100)[:100])
        self.stream.flush()
        self._drawn = True

    def close(self) -> None:
        """Clear the bar's line so the summary prints on a clean line."""
        if self.enabled and self._drawn:
            self.stream.write("\r" + " " * 100 + "\r")
            self.stream.flush()


def visible(text: str) -> str:
    """Text for the terminal with every control character shown as an escape (`\\x1b`),
    never sent: a file name or an article may hold an escape sequence."""
    return "".join(
        ch if ch.isprintable() or ch == " " else (f"\\x{ord(ch):02x}" if ord(ch) < 0x100 else "\ufffd")
        for ch in text
    )
