"""Finding direct quotations: the regions between double quotation marks.

Works on paragraph text alone, before any parsing, in one linear pass per
paragraph. A mark's direction comes from what flanks it (like CommonMark's
emphasis rules) and falls back on the mark's own shape, so straight quotes,
curly quotes typed the wrong way round, German „…“, French « … » and Danish
»…« all pair up. A quote left open at the end of a paragraph runs to its end;
when the next paragraph opens with a mark, it continues the same quotation
(the newsroom convention for quotes of several paragraphs).

Not every quoted span is a quotation: scare quotes and titles ("green
shoots", "The Evening Hour") are recognised by length, shape and
punctuation and left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPENING = "“„«‟"
CLOSING = "”»"
STRAIGHT = '"'
# “ closes a German „…“ quote, and » opens a Danish »…« one: both directions possible
AMBIGUOUS = "“»«" + STRAIGHT
ALL_MARKS = OPENING + CLOSING + STRAIGHT
_MARK_RE = re.compile(f"[{re.escape(ALL_MARKS)}]")

# a short quoted span is a quotation only when it ends like speech
_SPEECH_END = tuple(".,!?…—-;:")
_SMALL_WORDS = set("of the and to a an in for on at with how or by from".split())
_WORD_RE = re.compile(r"[^\W\d_][\w'’\-]*")


@dataclass
class QuoteRegion:
    """One stretch of quoted words inside a single paragraph."""

    paragraph: int
    """Index of the paragraph holding the region."""
    start: int
    """Offset of the first quoted character (after the opening mark)."""
    end: int
    """Offset one past the last quoted character (before the closing mark)."""
    text: str
    """The quoted words, verbatim: `paragraph_text[start:end]`."""
    closed: bool = True
    """False when the paragraph ends before a closing mark."""
    continues: bool = False
    """True when the region carries on a quotation left open in the previous paragraph."""
    opened: bool = True
    """False for text without an opening mark that still counts as quoted (unused marks)."""

    @property
    def words(self) -> int:
        """How many words the region holds."""
        return len(_WORD_RE.findall(self.text))


def _direction(text: str, i: int) -> str:
    """`open`, `close` or `either` for the mark at `text[i]`, from its flanks."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    space_before = before.isspace() or before in "([{—–-/"
    space_after = after.isspace() or after in ".,;:!?)]}—–"
    if space_before and not space_after:
        return "open"
    if space_after and not space_before:
        return "close"
    mark = text[i]
    if mark in OPENING and mark not in AMBIGUOUS or mark == "«":
        return "open"
    if mark in CLOSING and mark not in AMBIGUOUS:
        return "close"
    if mark == "“":
        return "open"
    return "either"


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """Narrow `start:end` so the region neither begins nor ends with white space."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def paragraph_regions(text: str, paragraph: int, carried: bool) -> tuple[list[QuoteRegion], bool]:
    """Every quoted region of one paragraph, and whether a quote is still open at its end.

    `carried` says a quotation was left open at the end of the previous paragraph.
    """
    regions: list[QuoteRegion] = []
    open_at: int | None = None
    continues = False
    first = len(text) - len(text.lstrip())
    for match in _MARK_RE.finditer(text):
        i = match.start()
        direction = _direction(text, i)
        if open_at is None:
            if direction == "close":
                continue  # a stray closing mark (or an inch sign): ignore it
            open_at = i + 1
            continues = carried and i == first
            continue
        if direction == "open":
            # a new opening mark inside an open quote: the first one was never closed, and
            # a lead-in before the new mark ("… a Muslim. He added: “…") is narration
            start, end = _trimmed(text, open_at, _before_lead_in(text, open_at, i))
            if end > start:
                regions.append(QuoteRegion(paragraph, start, end, text[start:end], False, continues))
            open_at, continues = i + 1, False
            continue
        start, end = _trimmed(text, open_at, i)
        if end > start:
            regions.append(QuoteRegion(paragraph, start, end, text[start:end], True, continues))
        open_at, continues = None, False
    if open_at is not None:
        start, end = _trimmed(text, open_at, len(text))
        if end > start:
            regions.append(QuoteRegion(paragraph, start, end, text[start:end], False, continues))
        return regions, True
    return regions, False


_LEAD_IN = re.compile(r"(?<=[.!?])\s+[A-Z][^.!?\"“”]{0,60}:\s*$")


def _before_lead_in(text: str, start: int, end: int) -> int:
    """Where an unclosed quote really ends when it runs into a short lead-in sentence ending
    with a colon ("… three years. He added: “"): before that sentence; else `end`."""
    match = _LEAD_IN.search(text, start, end)
    if match is None or len(_WORD_RE.findall(match.group(0))) > 8:
        return end
    return match.start()


def find_regions(paragraphs: list[str], skip: set[int] | None = None) -> list[QuoteRegion]:
    """Every quoted region of an article, in reading order (scare quotes included).

    Paragraphs in `skip` (headings) neither hold quotes nor carry one across.
    """
    regions: list[QuoteRegion] = []
    carried = False
    for index, text in enumerate(paragraphs):
        if skip and index in skip:
            carried = False
            continue
        found, still_open = paragraph_regions(text, index, carried)
        regions.extend(found)
        carried = still_open
    return regions


def _looks_like_title(words: list[str], text: str) -> bool:
    """Title Case, not a question or an exclamation: a show, a book, a headline."""
    content = [w for w in words if w.lower() not in _SMALL_WORDS]
    if not content or text.rstrip()[-1:] in "!?" or re.search(r"[.!?] ", text):
        return False
    return all(w[0].isupper() for w in content) and len(words) <= 12


def is_quotation(region: QuoteRegion, paragraph_text: str) -> bool:
    """A quotation, not a scare quote or a title."""
    words = _WORD_RE.findall(region.text)
    if not words:
        return False
    if region.continues:
        return True
    if looks_like_markup(region, paragraph_text):
        return False
    if _looks_like_title(words, region.text) and (len(words) > 1 or region.text.rstrip()[-1:] not in ",."):
        return False
    if len(words) >= 4:
        return not _looks_like_link(region.text)
    # one to three words: speech when it is exclaimed or asked ("Stop!"), a capitalised
    # utterance ("Indeed," / "Never."), or a paragraph of its own; "grumbling." and
    # "key figures," are scare quotes with the full stop or comma set inside
    text = region.text.rstrip()
    if text.endswith(("!", "?")):
        return True
    if words[0][0].isupper() and text.endswith(_SPEECH_END) and not _looks_like_link(text):
        return True
    return paragraph_text.strip().strip(ALL_MARKS).strip() == region.text.strip()


def looks_like_markup(region: QuoteRegion, paragraph_text: str, offset: int = 0) -> bool:
    """An attribute of left-over markup (`author="…"`), a link, a handle or a number."""
    if region.start >= 2 and paragraph_text[offset + region.start - 2] == "=":
        return True
    text = region.text
    return _looks_like_link(text) or text.startswith("@") or not _WORD_RE.search(text)


def looks_like_title(text: str) -> bool:
    """Title Case words ("The Evening Hour", "Morning Report,")."""
    words = _WORD_RE.findall(text)
    return len(words) > 1 and _looks_like_title(words, text)


def _looks_like_link(text: str) -> bool:
    return " " not in text and ("/" in text or "www." in text or ".com" in text)
