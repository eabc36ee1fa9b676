"""Article text as inert `rich.text.Text`: never markup, never terminal control codes.

Everything an article says reaches the screen through these helpers. Text is built
with `Text(...)`/`Text.append` and styled by character offsets, so `[bold]` in copy
stays the eight characters a reporter typed. Control characters are swapped for
their visible Unicode "control picture" one for one, so stored offsets (mentions,
quotes, highlights) still line up with the text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rich.style import Style
from rich.text import Text

Span = tuple[int, int]

_C0 = {code: chr(0x2400 + code) for code in range(0x20)}
_C0[0x09] = " "  # a tab is spacing, not a control to show
_C0[0x0A] = " "
_C0[0x7F] = "\u2421"  # DEL
_C1 = {code: "\ufffd" for code in range(0x80, 0xA0)}
_NEUTRALISE = str.maketrans({**_C0, **_C1})

SNIPPET_CHARS = 1000
"""The most of a passage a results row holds."""

_QUERY_SYNTAX = re.compile(r"\b(?:AND|OR|NOT|ANDNOT|ANDMAYBE)\b|[()\"'^+\-]|~\d*(?:\.\d+)?")
_FIELD = re.compile(r"\b\w+:")
_WORD = re.compile(r"[\w’'*?-]+")


def inert(text: str) -> str:
    """The text with every terminal control character made visible and harmless."""
    return text.translate(_NEUTRALISE)


def speaker_label(speaker: str | None, uncertain: bool, unknown: str = "unknown speaker") -> str:
    """Who said a quote, as every pane shows it: the inert name, with " (?)" when extraction
    is not sure of it; `unknown` when nobody is credited."""
    if not speaker:
        return unknown
    return inert(speaker) + (" (?)" if uncertain else "")


def styled(text: str, layers: Sequence[tuple[Sequence[Span], Style | str]], base: Style | str = "") -> Text:
    """Inert text with each layer's spans styled; later layers win where spans overlap."""
    result = Text(inert(text), style=base, end="")
    length = len(result)
    for spans, style in layers:
        for start, end in spans:
            start, end = max(0, start), min(length, end)
            if start < end:
                result.stylize(style, start, end)
    return result


def query_terms(query: str) -> list[str]:
    """The words of a search query a reader would expect to see highlighted.

    Field prefixes (`speaker:`), operators and punctuation are dropped; a trailing
    `*` stays to mark a prefix. Fielded values are kept: `speaker:kerry` highlights
    "Kerry" in the text too.
    """
    cleaned = _FIELD.sub(" ", _QUERY_SYNTAX.sub(" ", query))
    terms = []
    for word in _WORD.findall(cleaned):
        word = word.strip("-’'")
        if len(word.rstrip("*?")) >= 2 and word.lower() not in terms:
            terms.append(word.lower())
    return terms


def term_spans(text: str, terms: list[str]) -> list[Span]:
    """Where the query terms occur in `text` (whole words; `term*` as a prefix)."""
    if not terms:
        return []
    parts = []
    for term in terms:
        stem = re.escape(term.rstrip("*?")).replace(r"\?", r"\w")
        parts.append(rf"\b{stem}\w*" if term.endswith("*") else rf"\b{stem}\b")
    pattern = re.compile("|".join(parts), re.IGNORECASE)
    return [match.span() for match in pattern.finditer(text)]


def snippet(
    text: str, spans: list[Span], highlight: Style | str, *, lead: int = 24, chars: int = SNIPPET_CHARS
) -> Text:
    """One line of a passage starting a little before its first highlight.

    The line is cut by the widget (`text-overflow: ellipsis`); starting near the
    first match keeps that match visible even in a narrow pane.
    """
    first = min((start for start, _ in spans), default=0)
    start = 0
    if first > lead:
        start = text.rfind(" ", 0, first - lead // 2) + 1 or first - lead // 2
        start = min(start, first)
    prefix = "…" if start > 0 else ""
    shifted = [(s - start + len(prefix), e - start + len(prefix)) for s, e in spans if e > start]
    end = start + chars  # a row shows a line or two: never wrap megabytes for it
    return styled(prefix + text[start:end] + ("…" if len(text) > end else ""), [(shifted, highlight)])
