"""A paragraph holding quotes: the bar runs beside the quoted words only, and each
quote's speaker is named once, right under the line where the quote ends.

A long paragraph of narrative, quotes and several speakers reads as it does in
print: the narrator's lines plain, the quoted lines with a bar in the margin and
the quoted words in the quote colour, then "— Michael Howard" under each quote (a
run of quotes by one speaker is named once). The widget wraps the text itself, so
it knows which lines hold quoted words; it re-wraps whenever its width changes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual.geometry import Size
from textual.widgets import Static

from store.models import Quote
from tui.passage_text import inert, speaker_label

BAR = "▌ "
GAP = "  "
_WORD = re.compile(r"\S+\s*")


@dataclass(frozen=True)
class QuoteMark:
    """Where one quote is in the paragraph and who said it."""

    start: int
    """First quoted character (after the opening mark)."""
    end: int
    """One past the last quoted character."""
    speaker: str | None
    """The speaker's name, or None when nobody is credited."""
    partial: bool = False
    """A fragment of the speaker's words inside reported speech: labelled "(partial)"."""
    doubtful: bool = False
    """Extraction is not sure of the speaker (low confidence): labelled "(?)"."""


def quote_mark(quote: Quote) -> QuoteMark:
    """How a stored quote is marked: a speaker of low confidence (not one set by hand) gets "(?)"."""
    return QuoteMark(quote.start, quote.end, quote.speaker, quote.partial, quote.uncertain)


@dataclass(frozen=True)
class Marks:
    """The styles the paragraph is drawn with (from the article view's stylesheet)."""

    bar: Style
    speaker: Style


def wrap_offsets(text: str, width: int) -> list[tuple[int, int]]:
    """(start, end) of each line when `text` is wrapped greedily at `width` cells;
    trailing spaces belong to no line, and a word wider than a line is cut."""
    width = max(width, 1)
    lines: list[tuple[int, int]] = []
    start = end = 0
    used = 0
    for match in _WORD.finditer(text):
        word = match.group().rstrip()
        size = cell_len(word)
        if used and used + size > width:
            lines.append((start, end))
            start, used = match.start(), 0
        if size > width and not used:  # fold a word longer than the line
            at = match.start()
            while cell_len(text[at : match.start() + len(word)]) > width:
                cut = at + 1
                while cut < match.start() + len(word) and cell_len(text[at : cut + 1]) <= width:
                    cut += 1
                lines.append((at, cut))
                at = cut
            start = at
            size = cell_len(text[at : match.start() + len(word)])
        end = match.start() + len(word)
        used += size + (len(match.group()) - len(word))
    lines.append((start, end if end > start else start))
    return lines


def labels(quotes: list[QuoteMark]) -> dict[int, str]:
    """Quote end -> the label to draw after it: one per run of quotes by one speaker."""
    found: dict[int, str] = {}
    ordered = sorted(quotes, key=lambda q: q.start)
    for index, quote in enumerate(ordered):
        following = ordered[index + 1] if index + 1 < len(ordered) else None
        if following is not None and (following.speaker, following.partial, following.doubtful) == (
            quote.speaker,
            quote.partial,
            quote.doubtful,
        ):
            continue  # named once, after the last quote of the run
        found[quote.end] = (
            "— "
            + speaker_label(quote.speaker, quote.doubtful, unknown="speaker not known")
            + (" (partial)" if quote.partial else "")
        )
    return found


class QuotedParagraph(Static):
    """A paragraph with quotes, drawn with a margin bar beside the quoted lines."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.text = Text()
        self.quotes: list[QuoteMark] = []
        self.marks = Marks(Style(), Style())

    def show(self, text: Text, quotes: list[QuoteMark], marks: Marks) -> None:
        """Draw `text` (already styled) with `quotes` marked."""
        self.text, self.quotes, self.marks = text, quotes, marks
        self.refresh(layout=True)

    def lines(self, width: int) -> list[Text]:
        """The paragraph as drawn at `width` cells, margin included."""
        plain = self.text.plain
        spans = [(q.start, q.end) for q in self.quotes]
        ends = labels(self.quotes)
        drawn: list[Text] = []
        waiting = sorted(ends)
        for start, end in wrap_offsets(plain, max(width - cell_len(BAR), 1)):
            quoted = any(s < max(end, start + 1) and e > start for s, e in spans)
            line = Text(BAR if quoted else GAP, style=self.marks.bar if quoted else "", end="")
            line.append_text(self.text[start:end])
            drawn.append(line)
            while waiting and waiting[0] <= end:
                drawn.append(self._label(ends[waiting.pop(0)]))
        drawn.extend(self._label(ends[at]) for at in waiting)  # past the text: never, for stored offsets
        return drawn

    def _label(self, words: str) -> Text:
        label = Text(BAR, style=self.marks.bar, end="")
        label.append(inert(words), style=self.marks.speaker)
        return label

    def render(self) -> Text:
        return Text("\n", end="").join(self.lines(self.content_region.width or self.size.width))

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return container.width

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.lines(width))
