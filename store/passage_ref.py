"""Pointing at a passage so that it can be found again after its article is edited.

A notebook item keeps its article id, the paragraph it was in, the text, and a
fingerprint of the text: a hash of its words, lower-cased, punctuation and spacing
left out (so retyped quotation marks or a fixed double space do not lose it). To
find it again:

1. the paragraph it was in, if its fingerprint still matches: `found`;
2. any other paragraph with the same fingerprint (paragraphs added or removed
   above it), or holding the quote: `moved`;
3. the paragraph most like the kept text, if at least 60 % alike (a word or two
   corrected): `edited`;
4. otherwise `gone`, and the notebook still shows the text as it was kept.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from difflib import SequenceMatcher

from store.models import Article

SIMILAR_ENOUGH = 0.6
"""How alike (difflib ratio of the words) an edited paragraph must be to count as the same."""
_NOT_WORD = re.compile(r"[\W_]+")


def normalized(text: str) -> str:
    """The words of `text`: NFKC, case-folded, everything but letters and digits one space."""
    return _NOT_WORD.sub(" ", unicodedata.normalize("NFKC", text).casefold()).strip()


def fingerprint(text: str) -> str:
    """12 hex digits of the SHA-1 of the normalised text."""
    return hashlib.sha1(normalized(text).encode("utf-8")).hexdigest()[:12]


@dataclass
class Located:
    """Where a kept passage is in the article now."""

    status: str
    """`found`, `moved`, `edited` or `gone`."""
    paragraph: int | None
    """The paragraph now holding it (-1 the headline, -2 the standfirst), None when gone."""

    @property
    def message(self) -> str:
        return {
            "found": "",
            "moved": "the article was edited; the passage is now at another place",
            "edited": "the article was edited; this is the closest paragraph",
            "gone": "the article was edited and the passage is no longer in it",
        }[self.status]


def passages(article: Article) -> list[tuple[int, str]]:
    """(paragraph number, text) of every passage: headline, standfirst, paragraphs."""
    found = [(-1, article.title)]
    if article.standfirst:
        found.append((-2, article.standfirst))
    found += [(number, p.text) for number, p in enumerate(article.paragraphs)]
    return found


def locate(article: Article, text: str, paragraph: int, kind: str = "passage") -> Located:
    """Find the kept `text` (a passage, a quote, or the headline for `kind` article) in `article`."""
    if kind == "article":
        return Located("found", -1)
    wanted, print_ = normalized(text), fingerprint(text)
    every = passages(article)
    at = dict(every)
    if paragraph in at and _holds(at[paragraph], wanted, print_, kind):
        return Located("found", paragraph)
    for number, passage in every:
        if _holds(passage, wanted, print_, kind):
            return Located("moved", number)
    best, best_ratio = None, 0.0
    for number, passage in every:
        candidate = normalized(passage)
        if kind == "quote" and len(candidate) > len(wanted):
            ratio = _best_window(candidate, wanted)
        else:
            ratio = SequenceMatcher(None, candidate, wanted, autojunk=False).ratio()
        if ratio > best_ratio:
            best, best_ratio = number, ratio
    if best is not None and best_ratio >= SIMILAR_ENOUGH:
        return Located("edited", best)
    return Located("gone", None)


def _holds(passage: str, wanted: str, print_: str, kind: str) -> bool:
    if kind == "quote":
        return bool(wanted) and wanted in normalized(passage)
    return fingerprint(passage) == print_


def _best_window(candidate: str, wanted: str) -> float:
    """How much of the quote survives in the paragraph (matched characters / quote length)."""
    matcher = SequenceMatcher(None, candidate, wanted, autojunk=False)
    matched = sum(block.size for block in matcher.get_matching_blocks())
    return matched / max(len(wanted), 1)


def paragraph_line(yaml_text: str, paragraph: int) -> int:
    """The line (1-based) of paragraph `paragraph` in an article file as newsdesk writes
    it (`paragraphs:` then one `- ` entry per paragraph), for opening an editor there.
    The headline, the standfirst, or a layout it does not recognise: the best line it can."""
    lines = yaml_text.splitlines()
    if paragraph < 0:
        key = "title:" if paragraph == -1 else "standfirst:"
        return next((n for n, line in enumerate(lines, 1) if line.startswith(key)), 1)
    start = next((n for n, line in enumerate(lines) if line.startswith("paragraphs:")), None)
    if start is None:
        return 1
    seen = -1
    for number in range(start + 1, len(lines)):
        line = lines[number]
        if line and not line[0].isspace() and not line.startswith("-"):
            break  # the next top-level key
        if line.lstrip().startswith("- ") and len(line) - len(line.lstrip()) <= 2:
            seen += 1
            if seen == paragraph:
                return number + 1
    return start + 1
