"""Where an article's headline, standfirst and paragraphs stand in the file they came from.

The importer trims paragraphs and joins hard-wrapped lines, so a paragraph's text is
the file's text up to white space. `FileMap` finds each piece in reading order and
maps a character offset inside a piece back to an offset in the file, so mentions can
be given as `[start, end]` into the file as read (the `newsdesk extract` contract).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from store.models import Article

SPACE = re.compile(r"\s+")


@dataclass
class _Placed:
    start: int
    """Offset in the file of the piece's first character."""
    offsets: list[int] | None
    """The file offset of each character, when the piece is not a verbatim copy."""

    def at(self, index: int) -> int:
        if self.offsets is None:
            return self.start + index
        if index >= len(self.offsets):
            return self.offsets[-1] + 1 + index - len(self.offsets) if self.offsets else self.start
        return self.offsets[index]


class FileMap:
    """Maps (piece, offset) to a file offset. Pieces: "title", "standfirst", or a paragraph index."""

    def __init__(self, text: str, article: Article) -> None:
        self._text = text
        self._cursor = 0
        self._placed: dict[object, _Placed] = {}
        self._place("title", article.title)
        if article.standfirst:
            self._place("standfirst", article.standfirst)
        for index, paragraph in enumerate(article.paragraphs):
            self._place(index, paragraph.text)

    def _place(self, piece: object, content: str) -> None:
        if not content:
            return
        at = self._text.find(content, self._cursor)
        if at >= 0:
            self._placed[piece] = _Placed(at, None)
            self._cursor = at + len(content)
            return
        words = SPACE.split(content.strip())
        pattern = re.compile(r"\s+".join(re.escape(w) for w in words if w))
        match = pattern.search(self._text, self._cursor) or pattern.search(self._text)
        if match is None:
            return
        offsets: list[int] = []
        j = match.start()
        for ch in content:
            if ch.isspace():
                offsets.append(j)
                while j < match.end() and self._text[j].isspace():
                    j += 1
                continue
            while j < match.end() and self._text[j] != ch:
                j += 1
            offsets.append(j)
            j += 1
        self._placed[piece] = _Placed(match.start(), offsets)
        self._cursor = match.end()

    def span(self, piece: object, start: int, end: int) -> tuple[int, int] | None:
        """File offsets of `[start, end)` inside the piece, or None when the piece was not found."""
        placed = self._placed.get(piece)
        if placed is None or end <= start:
            return None
        return placed.at(start), placed.at(end - 1) + 1


def entity_spans(text: str, article: Article) -> list[list[tuple[int, int]]]:
    """For each of the article's entities, its mentions as `(start, end)` offsets into
    `text`, the file it was read from: the body's mentions, and the aliases in the
    headline and standfirst (which extraction does not read), in file order."""
    from store.mention_scan import text_mentions

    where = FileMap(text, article)
    spans: list[list[tuple[int, int]]] = [[] for _ in article.entities]
    # a name only inside longer ones ("Texas" in "University of Texas") has no span
    named = [i for i, e in enumerate(article.entities) if not e.only_within]
    for piece, content in (("title", article.title), ("standfirst", article.standfirst or "")):
        found_in = text_mentions(content, [article.entities[i] for i in named]) if content else []
        for index, start, end in found_in:
            found = where.span(piece, start, end)
            if found:
                spans[named[index]].append(found)
    for index, entity in enumerate(article.entities):
        for mention in entity.mentions:
            found = where.span(mention.paragraph, mention.start, mention.end)
            if found:
                spans[index].append(found)
    return [sorted(set(s)) for s in spans]
