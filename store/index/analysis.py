"""The word analyzer, in one pass: tokenize, lower-case, drop stop words, stem.

It does what Whoosh's `StemmingAnalyzer(stemfn=porter2)` does (same token pattern,
stop list, minimum length and position numbering) without chaining four generators
per word, which was most of the cost of indexing a passage.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from whoosh.analysis import STOP_WORDS, Token, Tokenizer
from whoosh.lang.porter2 import stem as porter2_stem
from whoosh.util.text import rcompile

WORD = rcompile(r"\w+(\.?\w+)*")
MIN_LENGTH = 2


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Porter2 stem of a lower-cased word ("negotiating" -> "negoti")."""
    return porter2_stem(word)


class WordAnalyzer(Tokenizer):  # type: ignore[misc]
    """Lower-cased, Porter2-stemmed words without stop words; offsets into the text."""

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self)

    def __hash__(self) -> int:
        return hash(type(self))

    def __call__(
        self,
        value: str,
        positions: bool = False,
        chars: bool = False,
        keeporiginal: bool = False,
        removestops: bool = True,
        start_pos: int = 0,
        start_char: int = 0,
        tokenize: bool = True,
        mode: str = "",
        **kwargs: Any,
    ) -> Iterator[Token]:
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        if not tokenize:  # the whole value is one word (query parts such as `negot*`)
            word = value.lower()
            stopped = len(word) < MIN_LENGTH or word in STOP_WORDS
            if stopped and removestops:
                return
            token.original = value
            token.text = word if stopped else stem(word)
            token.stopped = stopped
            token.boost = 1.0
            if positions:
                token.pos = start_pos
            if chars:
                token.startchar, token.endchar = start_char, start_char + len(value)
            yield token
            return
        stops = STOP_WORDS
        position = start_pos
        for match in WORD.finditer(value):
            word = match.group(0).lower()
            stopped = len(word) < MIN_LENGTH or word in stops
            if stopped and removestops:
                continue
            token.stopped = stopped
            token.text = word if stopped else stem(word)
            token.boost = 1.0
            if keeporiginal:
                token.original = match.group(0)
            if positions:
                token.pos = position
                position += 1
            if chars:
                token.startchar = start_char + match.start()
                token.endchar = start_char + match.end()
            yield token

    def spans(self, text: str, terms: set[str] | frozenset[str]) -> list[tuple[int, int]]:
        """Character offsets of the words of `text` whose indexed form is in `terms` (the
        highlights of a hit), in one loop: a word is stemmed only when it starts with
        the first letter of one of the terms (Porter2 never changes a word's first
        letter), which skips most of a passage's words."""
        if not terms or not text:
            return []
        initials = {term[0] for term in terms if term}
        stops = STOP_WORDS
        found = []
        for match in WORD.finditer(text):
            word = match.group(0).lower()
            if word[0] not in initials or len(word) < MIN_LENGTH or word in stops:
                continue
            if stem(word) in terms:
                found.append((match.start(), match.end()))
        return found

    def positions(self, value: str) -> dict[str, list[int]]:
        """Indexed word -> its positions in `value`: what `__call__` yields with
        positions on, gathered in one loop for the index writer (store.index.schema)."""
        found: dict[str, list[int]] = {}
        stops = STOP_WORDS
        position = 0
        for match in WORD.finditer(value):
            word = match.group(0).lower()
            if len(word) < MIN_LENGTH or word in stops:
                continue
            word = stem(word)
            if word in found:
                found[word].append(position)
            else:
                found[word] = [position]
            position += 1
        return found
