"""JSON Lines: one article per line, the shape most scrapers and datasets export.

    {"title": "...", "text": "...", "standfirst": "...", "date": "2019-01-04",
     "source": "Wikinews", "url": "https://...", "id": "...", "category": "sport"}

`title` is required. `text` holds paragraphs separated by blank lines (or, when it
has no blank line, one paragraph per line); it may also be a list of paragraph
strings. A record with no text (a headline-only brief) is imported with no
paragraphs, and says so. Page furniture and headings are recognised as in text
files; a first paragraph that repeats the title is dropped. Every other field
(`id`, `category`, `author`, `tags`, ...) is kept in the article's `meta`.
The file is read line by line, so it may be any size; one line may hold up to
`MAX_FILE_BYTES`. A bad line is reported with its number and the others go on.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

from store.errors import ImportFailed
from store.ingest.dates import DAY_FIRST, read_date
from store.ingest.files import MAX_FILE_BYTES, decode, too_big
from store.ingest.layout import Block, classify, split_source, take_date_line
from store.ingest.meta import record_meta
from store.ingest.text import NO_BODY, ParsedArticle, finish, split_blocks
from store.models import Article, Paragraph

FIELDS = ("title", "text", "standfirst", "date", "source", "url")
"""The fields that make the article; any other goes into its `meta`."""


def read_jsonl(path: Path, date_order: str = DAY_FIRST) -> Iterator[ParsedArticle | ImportFailed]:
    """Each line's article, or the reason that line cannot be imported."""
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield ImportFailed(path, f"cannot read: {exc.strerror}")
        return
    with handle:
        number = 0
        while True:
            raw = handle.readline(MAX_FILE_BYTES + 1)
            if not raw:
                break
            number += 1
            if len(raw) > MAX_FILE_BYTES and not raw.endswith(b"\n"):
                size = len(raw) + _skip_rest_of_line(handle)
                yield ImportFailed(path, f"line is {too_big(size)}", number)
                continue
            if not raw.strip():
                continue
            try:
                yield parse_record(decode(raw, path, number).strip(), path, number, date_order)
            except ImportFailed as exc:
                yield exc


def _skip_rest_of_line(handle: object) -> int:
    skipped = 0
    while True:
        chunk = handle.readline(1 << 20)  # type: ignore[attr-defined]
        skipped += len(chunk)
        if not chunk or chunk.endswith(b"\n"):
            return skipped


def count_records(path: Path) -> int:
    """Non-blank lines, counted without parsing (for the progress bar)."""
    count = 0
    try:
        with path.open("rb") as handle:
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                count += chunk.count(b"\n")
            if handle.tell() and chunk[-1:] != b"\n":
                count += 1
    except OSError:
        return 1
    return max(count, 1)


def parse_record(line: str, path: Path, number: int, date_order: str = DAY_FIRST) -> ParsedArticle:
    """One JSON Lines record as an article."""
    try:
        record = json.loads(line)
    except (json.JSONDecodeError, RecursionError, ValueError) as exc:
        detail = (
            f"{exc.msg.removesuffix(' at')} at column {exc.colno}"  # "Unterminated string starting at"
            if isinstance(exc, json.JSONDecodeError)
            else str(exc)[:100]
        )
        raise ImportFailed(path, f"not JSON ({detail}); line skipped", number) from None
    if not isinstance(record, dict):
        raise ImportFailed(path, "not a JSON object ({...}); line skipped", number)
    title = record.get("title")
    if not isinstance(title, str) or not title.strip():
        raise ImportFailed(path, 'no "title"; every article needs one; line skipped', number)
    title = " ".join(title.split())
    text = record.get("text")
    if isinstance(text, list) and all(isinstance(t, str) for t in text):
        blocks = [Block(t.strip(), number) for t in text if t.strip()]
    elif isinstance(text, str):
        blocks = [Block(b.text, number, b.kind) for b in split_blocks(_newlines(text))]
    elif text is None:
        blocks = []
    else:
        body = '"text" must be the article body: text, or a list of paragraphs as text; line skipped'
        raise ImportFailed(path, body, number)
    for key in ("standfirst", "source", "url"):
        if record.get(key) is not None and not isinstance(record[key], str):
            raise ImportFailed(path, f'"{key}" must be text; line skipped', number)
    warnings: list[str] = []
    if blocks and _same_words(blocks[0].text, title):
        blocks = blocks[1:]  # the body repeats the headline
    standfirst = _clean(record.get("standfirst"))
    if blocks and standfirst and _same_words(blocks[0].text, standfirst):
        blocks = blocks[1:]  # the body repeats the standfirst
    source, blocks = split_source(blocks)
    dateline, blocks = take_date_line(blocks, date_order)
    published = read_date(record.get("date"), date_order, warnings) or dateline
    layout = classify(blocks)
    if not layout.paragraphs:
        warnings.append(NO_BODY)
    article = Article(
        id="",
        title=title,
        standfirst=standfirst,
        paragraphs=[Paragraph(text, kind) for kind, text in layout.paragraphs],
        source=_clean(record.get("source")) or source,
        published=published,
        url=_clean(record.get("url")),
        meta=record_meta(record, FIELDS, warnings),
    )
    finish(article, path)
    article.imported_from = f"{path}:{number}"
    return ParsedArticle(article, path, number, layout.dropped, whole_file=False, warnings=warnings)


def _newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _clean(value: object) -> str | None:
    return " ".join(value.split()) or None if isinstance(value, str) else None


def _same_words(a: str, b: str) -> bool:
    def words(text: str) -> list[str]:
        return re.findall(r"\w+", text.casefold())

    return words(a) == words(b)
