"""Reading a scraped article's layout: which blocks are body text, which are
headings, which are page furniture, and whether the first one is a standfirst.

The rules are general (they look at the shape of a line and at the text around
it, never at particular strings of one article), and shared by the text, JSON
Lines and HTML importers:

- **Page furniture** is dropped: a line that starts with a link label such as
  "Related:", "Read more:" or "See also:"; scrape debris (a lone lower-case
  word such as "undefined", widget text such as "Advertisement", a line of
  symbols); and related-story teasers — headline-like lines that the text after
  them never refers to.
- **Captions**: a short paragraph ending in its photo credit ("Belle Image: Nick
  Moreau.", "… (Photo: AP)") is kept as a `caption` paragraph: who is pictured and
  who took the picture are names of the article, but a caption is neither running
  text nor a heading's content.
- **Headings** ("Geneva process") are blocks of their own: short lines (at most
  12 words, 90 characters) with no sentence punctuation at the end, followed
  by text that continues under them: one of the heading's content words
  occurs in the next three paragraphs (half of them, for a heading of more
  than six words), or the heading is a label of at most three words
  ("Background", "Reaction from Moscow"). A heading-like line that nothing
  follows is furniture. Lines of a list (one block, single newlines) are
  always text.
- **Tables and lists**: a line of figures ("Net 807,000 vs 2,858,000", a quarter of
  its words numbers) is text, never a teaser. A body with no running sentence at
  all (a table, a dividend notice) is kept whole, but for scrape debris: a body is
  never entirely furniture.
- **Standfirst**: see `split_standfirst`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from store.ingest.dates import DAY_FIRST, normalise_date

HEADING_MAX_WORDS = 12
HEADING_MAX_CHARS = 90
SHORT_LABEL_WORDS = 3
SHORT_HEADING_WORDS = 6
LOOKAHEAD = 3  # paragraphs after a heading-like line that must refer to it

_LABEL = re.compile(
    r"^(related|related (?:story|stories|article|articles|content|coverage|topics?)|read more|read also|"
    r"also read|see also|more|more on this|more on this story|watch|watch more|listen|recommended|"
    r"suggested|sign up|subscribe|follow us|advertisement|sponsored|photo|photos|photograph|image|"
    r"picture|video|graphic|caption|credit|inside story|explainer)\s*[:|»›>]\s*\S",
    re.IGNORECASE,
)
_DEBRIS = {
    "undefined", "null", "nan", "none", "[object object]", "advertisement", "advert", "ad",
    "share", "share this", "share this article", "share this story", "tweet", "email", "print",
    "close", "loading", "loading...", "loading…", "skip advert", "skip ad", "continue reading",
    "read more", "click here", "show more", "see more", "back to top", "top",
}  # fmt: skip
_CREDIT = re.compile(
    r"(?:^|\s|\()(?:image|photo|photograph|picture|credit|illustration)s?\s*:\s*[^.:;!?]{1,60}[.)]?$",
    re.IGNORECASE,
)
_SYMBOLS_ONLY = re.compile(r"^[\W_]+$")
_LONE_LOWER_WORD = re.compile(r"^[a-z]+$")
_END_PUNCTUATION = ".!?:;…,"
_QUOTE_MARKS = "\"'“”‘’«»„"
_WORD = re.compile(r"[^\W\d_]+(?:[’'][^\W\d_]+)*", re.UNICODE)
_STOPWORDS = {
    "the", "and", "for", "with", "from", "that", "this", "what", "when", "where", "which", "who",
    "whom", "why", "how", "into", "onto", "over", "under", "after", "before", "about", "than",
    "then", "they", "them", "their", "there", "these", "those", "have", "has", "had", "will",
    "would", "could", "should", "been", "being", "were", "was", "are", "his", "her", "its",
    "our", "your", "out", "off", "not", "but", "all", "any", "can", "may", "more", "most",
    "some", "such", "only", "just", "also", "back", "down", "each", "every", "very", "much",
}  # fmt: skip


@dataclass
class Block:
    """One paragraph-sized piece of an input, before it is classified."""

    text: str
    """The block's text (surrounding whitespace trimmed)."""
    line: int | None = None
    """1-based line in the input file where the block starts, when known."""
    kind: str | None = None
    """`heading` or `text` when the markup or the layout says so (an HTML `<h2>`, a
    line of a list); None when `classify` decides."""


@dataclass
class Layout:
    """The outcome of classifying an article's blocks."""

    paragraphs: list[tuple[str, str]]
    """(kind, text) in reading order: kind is `text`, `heading` or `caption`."""
    dropped: list[Block]
    """Page furniture that was left out, for the user to review."""


# ---------------------------------------------------------------- furniture


def is_link_label(text: str) -> bool:
    """ "Related: Can Syrian rebels unite against Assad?" and the like."""
    return len(text.split()) <= 30 and bool(_LABEL.match(text))


def is_caption(text: str) -> bool:
    """A photo caption left in the text: a short paragraph ending in its credit
    ("Belle Image: Nick Moreau.", "… (Photo: AP)")."""
    return len(text.split()) <= 30 and bool(_CREDIT.search(text))


def is_debris(text: str) -> bool:
    """Text left behind by a scraper: never a paragraph, never a heading."""
    folded = text.casefold().strip()
    return folded in _DEBRIS or bool(_SYMBOLS_ONLY.match(text)) or bool(_LONE_LOWER_WORD.match(text))


def is_heading_like(text: str) -> bool:
    """A short line with no sentence punctuation at its end: a heading or a teaser."""
    words = text.split()
    return (
        0 < len(words) <= HEADING_MAX_WORDS
        and len(text) <= HEADING_MAX_CHARS
        and text[-1] not in _END_PUNCTUATION + _QUOTE_MARKS + ")"
        and text[0] not in _QUOTE_MARKS + "(["
        and (text[0].isupper() or text[0].isdigit())
        and ". " not in text
    )


def content_words(text: str) -> list[str]:
    """Words that carry meaning: at least four letters, not a stop word, folded."""
    words = [w.casefold() for w in _WORD.findall(text)]
    return [w for w in words if len(w) >= 4 and w not in _STOPWORDS]


def _stem(word: str) -> str:
    return word[:5]


def refers_to(line: str, following: list[str]) -> bool:
    """Whether the text after a heading-like line continues it: one of its content
    words (compared by their first five letters) occurs there — at least half of
    them for a line of more than `SHORT_HEADING_WORDS` words."""
    words = content_words(line)
    if not words:
        return False
    after = {_stem(w) for text in following for w in content_words(text)}
    found = sum(1 for w in words if _stem(w) in after)
    if len(line.split()) <= SHORT_HEADING_WORDS:
        return found >= 1
    return found >= 1 and found * 2 >= len(words)


_NUMBER = re.compile(r"^[-+(]?[$£€¥]?\d[\d,.:/]*%?[)]?[,;]?$")


def is_figures(text: str) -> bool:
    """A line of a table of figures ("Shr 34 cts vs 1.19 dlrs", "Net 807,000 vs
    2,858,000"): at least a quarter of its words are numbers. It is the article's own
    content (an earnings report is such lines), never a teaser or a heading."""
    words = text.split()
    numbers = sum(1 for word in words if _NUMBER.match(word))
    return 0 < len(words) <= 2 * HEADING_MAX_WORDS and numbers > 0 and numbers * 4 >= len(words)


def _is_running_text(text: str) -> bool:
    if is_link_label(text) or is_debris(text) or is_caption(text):
        return False
    return is_figures(text) or not is_heading_like(text)


def classify(blocks: list[Block]) -> Layout:
    """Split body blocks into paragraphs, headings and captions, dropping page furniture."""
    paragraphs: list[tuple[str, str]] = []
    dropped: list[Block] = []
    for i, block in enumerate(blocks):
        text = block.text
        if is_link_label(text) or is_debris(text):
            dropped.append(block)
            continue
        if is_caption(text):
            paragraphs.append(("caption", text))
            continue
        if block.kind is not None:  # the markup says (HTML), or a line of a list
            paragraphs.append((block.kind, text))
            continue
        if not is_heading_like(text) or is_figures(text):
            paragraphs.append(("text", text))
            continue
        following = [b.text for b in blocks[i + 1 :] if _is_running_text(b.text)][:LOOKAHEAD]
        if not following:
            dropped.append(block)  # nothing continues under it: a trailing teaser or link
            continue
        short_label = len(text.split()) <= SHORT_LABEL_WORDS and "," not in text
        if short_label or refers_to(text, following):
            paragraphs.append(("heading", text))
        else:
            dropped.append(block)
    # a heading with no text after it (e.g. followed only by furniture) is furniture too
    while paragraphs and paragraphs[-1][0] == "heading":
        heading = paragraphs.pop()[1]
        dropped.append(next(b for b in blocks if b.text == heading))
    if blocks and not any(kind == "text" and not is_heading_like(text) for kind, text in paragraphs):
        # no running sentence at all: a table or a list of short lines (an earnings or a
        # dividend report). A body is never all furniture: those lines are the article
        kept = [b for b in blocks if not is_debris(b.text)]
        return Layout([("text", b.text) for b in kept], [b for b in blocks if b not in kept])
    return Layout(paragraphs, dropped)


# ---------------------------------------------------------------- standfirst

_WEEKDAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_TIME_REFERENCE = re.compile(
    rf"\b(?:{_WEEKDAY}|yesterday|today|tonight|tomorrow|overnight|"
    r"(?:last|this|next) (?:night|week|weekend|month|year|morning|afternoon|evening)|"
    rf"{_MONTH}\.? \d{{1,2}}\b|\d{{1,2}} {_MONTH}\b|{_MONTH} (?:19|20)\d\d)",
    re.IGNORECASE,
)
_REPORTED = re.compile(
    r"\b(?:said|told|announced|reported|confirmed|stated|added|explained|according to)\b", re.IGNORECASE
)
_PAST_TENSE = re.compile(  # lower case only: "United", "Ed" are names
    r"\b(?:[a-z]{2,}(?<!e)ed|was|were|had|became|began|won|lost|made|took|gave|came|went|rose|fell|"
    r"struck|died|met|led|held|found|sent|spent|built|saw|fled|ran|broke|chose|wrote|spoke)\b"
)
_DATELINE = re.compile(r"^[A-Z][A-Z .,'’-]{2,}(?:\([^)]*\))?\s*[—–-]\s")
_SENTENCE_BREAK = re.compile(r"[.!?][”\"’)]*\s+[“\"‘(]*[A-Z0-9]")
STANDFIRST_MIN_WORDS = 6
STANDFIRST_MAX_WORDS = 40


def is_standfirst(candidate: str, lede: str) -> bool:
    """Whether `candidate`, the block under the headline, is a standfirst rather
    than the lede. A standfirst summarises: one sentence of 6–40 words, shorter
    than the paragraph after it, in the present tense of a headline ("calls
    on"), with no anchor in time ("on Saturday", "yesterday", "September 9"),
    no past-tense verb ("banned", "was", "said", "according to") and no
    dateline ("LONDON (Reuters) –") — the things a news lede carries. It does
    not open with a quotation mark. Every one of the 201 Wikinews ledes in the
    demo corpus fails at least two of these tests."""
    words = candidate.split()
    return (
        STANDFIRST_MIN_WORDS <= len(words) <= STANDFIRST_MAX_WORDS
        and len(lede.split()) > len(words)
        and candidate[0] not in _QUOTE_MARKS
        and not _SENTENCE_BREAK.search(candidate)
        and not _TIME_REFERENCE.search(candidate)
        and not _REPORTED.search(candidate)
        and not _PAST_TENSE.search(candidate)
        and not _DATELINE.match(candidate)
        and not is_heading_like(candidate)
    )


def split_standfirst(blocks: list[Block]) -> tuple[str | None, list[Block]]:
    """(standfirst or None, the remaining body blocks)."""
    if len(blocks) >= 2 and blocks[0].kind is None and is_standfirst(blocks[0].text, blocks[1].text):
        return blocks[0].text, blocks[1:]
    return None, blocks


# ---------------------------------------------------------------- source line

_SOURCE_LINE = re.compile(r"^sources?\s*:\s*(\S.{0,200})$", re.IGNORECASE)


def split_source(blocks: list[Block]) -> tuple[str | None, list[Block]]:
    """A closing `Source: …` line becomes the article's source."""
    if blocks and "\n" not in blocks[-1].text:
        match = _SOURCE_LINE.match(blocks[-1].text)
        if match:
            return match.group(1).strip(), blocks[:-1]
    return None, blocks


# ---------------------------------------------------------------- dateline

_WEEKDAY_PREFIX = re.compile(rf"^{_WEEKDAY},?\s+", re.IGNORECASE)


def take_date_line(blocks: list[Block], order: str = DAY_FIRST) -> tuple[str | None, list[Block]]:
    """A line near the top that is only a date ("Saturday, September 12, 2015")
    is page furniture; it gives the article's date when nothing else does."""
    for i, block in enumerate(blocks[:2]):
        if len(block.text) <= 40:
            date = normalise_date(_WEEKDAY_PREFIX.sub("", block.text), order)
            if date:
                return date, blocks[:i] + blocks[i + 1 :]
    return None, blocks
