"""How much of a long article the article pane shows at once.

An article of 100,000 paragraphs would be 100,000 widgets, and a 20 MB paragraph one
widget wrapping 20 MB of text: either froze the app for a minute. The pane mounts a
window of WINDOW paragraphs around the cursor (moving the cursor past its edge moves
the window), and shows at most SHOW_CHARS characters of a paragraph until the reader
asks for more (`+`), each press showing MORE_FACTOR times as much.
"""

from __future__ import annotations

WINDOW = 240
"""Paragraphs mounted at once."""
SHOW_CHARS = 4000
"""Characters of a paragraph shown at first."""
MORE_FACTOR = 8
"""`+` shows this many times as many characters again."""


def window_around(number: int, paragraphs: int, size: int = WINDOW) -> range:
    """The paragraphs to mount so that `number` (clamped) is well inside the window."""
    if paragraphs <= size:
        return range(paragraphs)
    start = max(0, min(number - size // 3, paragraphs - size))
    return range(start, start + size)


def shown_part(text: str, limit: int) -> tuple[str, int]:
    """(the part of `text` to show, how many characters are left out)."""
    if len(text) <= limit:
        return text, 0
    return text[:limit], len(text) - limit


def more_note(hidden: int) -> str:
    return f"\n… {hidden:,} more characters — press + to show more"


def edge_note(count: int, where: str) -> str:
    noun = "paragraph" if count == 1 else "paragraphs"
    return f"… {count:,} {noun} {where} — move on with j/k, g/G or pageup/pagedown"


def paragraph_in_view(
    spans: dict[int, tuple[int, int]], top: int, height: int, delta: int, *, at_end: bool
) -> int | None:
    """Where the cursor goes after a page up or down: the first paragraph starting in
    view (the last one at the end of the article, the first at its top). `spans` are
    the mounted paragraphs' (top, bottom) lines."""
    bottom = top + height
    visible = [number for number, (start, end) in spans.items() if start < bottom and end > top]
    if not visible:
        return None
    if delta > 0 and at_end:
        return visible[-1]
    if delta < 0 and top <= 0:
        return visible[0]
    starting = [number for number in visible if spans[number][0] >= top]
    return (starting or visible)[0]
