"""Plain-text articles: headline line, optional standfirst, paragraphs separated
by blank lines, optional closing `Source: …` line.

Paragraph text is kept verbatim except that line endings are normalised and
whitespace around a paragraph (including no-break spaces, which scrapes leave
at line ends) is trimmed; no-break spaces inside a paragraph stay as they are.
Lines of a hard-wrapped file (every line of a paragraph but its last is near
the same width) are joined with spaces; otherwise each line of a block is a
paragraph of its own (a list: never a heading or a teaser). A text with no
blank line at all has one paragraph per line.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from store.errors import ImportFailed
from store.ingest.dates import DAY_FIRST
from store.ingest.files import FileMeta
from store.ingest.layout import Block, classify, split_source, split_standfirst, take_date_line
from store.models import Article, Paragraph

TITLE_MAX_CHARS = 300
NO_BODY = "headline only, no body text: imported as a brief with no paragraphs"
WRAP_MAX_WIDTH = 120


@dataclass
class ParsedArticle:
    """An article read from an input, before it has an id in the store."""

    article: Article
    """The article (id still empty; quotes and entities not extracted)."""
    origin: Path
    """The input file."""
    line: int | None = None
    """The line of a JSON Lines file it came from."""
    dropped: list[Block] = field(default_factory=list)
    """Page furniture left out, for the user to review."""
    whole_file: bool = True
    """The file holds only this article: re-importing the file updates it."""
    warnings: list[str] = field(default_factory=list)
    """What the user should know about how it was read (a date that could not be
    read, a brief with no body), each said once with the input's location."""

    @property
    def where(self) -> str:
        return f"{self.origin}:{self.line}" if self.line else str(self.origin)


def split_blocks(text: str, first_line: int = 1) -> list[Block]:
    """Blank-line separated blocks; lines inside a block joined when hard-wrapped."""
    raw_blocks: list[tuple[int, list[str]]] = []
    current: list[str] = []
    start = first_line
    for number, line in enumerate(text.split("\n"), first_line):
        if line.strip():
            if not current:
                start = number
            current.append(line.strip())
        elif current:
            raw_blocks.append((start, current))
            current = []
    if current:
        raw_blocks.append((start, current))
    wrapped = _is_hard_wrapped([lines for _, lines in raw_blocks])
    # no blank line at all: one paragraph per line, each classified on its own
    list_kind = None if len(raw_blocks) == 1 else "text"
    blocks: list[Block] = []
    for start, lines in raw_blocks:
        if wrapped or len(lines) == 1:
            blocks.append(Block(" ".join(lines), start))
        else:
            blocks.extend(Block(line, start + i, list_kind) for i, line in enumerate(lines))
    return blocks


def _is_hard_wrapped(blocks: list[list[str]]) -> bool:
    inner = [line for lines in blocks for line in lines[:-1]]
    if not inner:
        return False
    width = max(len(line) for lines in blocks for line in lines)
    if width > WRAP_MAX_WIDTH:
        return False
    near = sum(1 for line in inner if len(line) >= 0.75 * width)
    return near >= 0.8 * len(inner)


def parse_text(
    text: str, path: Path, meta: FileMeta | None = None, date_order: str = DAY_FIRST
) -> ParsedArticle:
    """Read one plain-text article. Raises `ImportFailed` naming the file."""
    meta = meta or FileMeta()
    lines = text.split("\n")
    number = next((i for i, line in enumerate(lines) if line.strip()), None)
    if number is None:
        raise ImportFailed(path, "the file is empty: nothing to import")
    headline = lines[number].strip()
    if len(headline) > TITLE_MAX_CHARS:
        raise ImportFailed(
            path,
            f"the first line ({len(headline)} characters) is too long for a headline; "
            "put the headline on the first line, then a blank line, then the text",
            number + 1,
        )
    body = split_blocks("\n".join(lines[number + 1 :]), first_line=number + 2)
    source, body = split_source(body)
    dateline, body = take_date_line(body, date_order)
    standfirst, body = split_standfirst(body)
    layout = classify(body)
    warnings = [] if layout.paragraphs else [NO_BODY]
    article = Article(
        id="",
        title=meta.title or headline,
        standfirst=standfirst,
        paragraphs=[Paragraph(text, kind) for kind, text in layout.paragraphs],
        source=meta.source or source,
        published=meta.published or dateline,
        url=meta.url,
        meta=dict(meta.meta),
    )
    finish(article, path)
    return ParsedArticle(article, path, dropped=layout.dropped, warnings=warnings)


def finish(article: Article, path: Path) -> None:
    """Record where the article came from and the digest of what was imported."""
    article.imported_from = str(path)
    article.source_digest = content_digest(article)


def content_digest(article: Article) -> str:
    """Digest of everything an import sets: a re-import with the same digest is unchanged."""
    content: list[object] = [
        article.title,
        article.standfirst,
        article.source,
        article.published,
        article.url,
        [[p.kind, p.text] for p in article.paragraphs],
    ]
    if article.meta:  # only then: the digests of articles without meta stay as they were
        content.append(article.meta)
    encoded = json.dumps(content, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return "sha256:" + hashlib.sha256(encoded).hexdigest()[:32]
