"""Reading input files: the parser is chosen by the file's kind. `import` and
`newsdesk extract` both read through `read_file`, so both see the same articles."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from store.errors import ImportFailed
from store.ingest.dates import DAY_FIRST
from store.ingest.files import HTML_SUFFIXES, JSONL_SUFFIXES, TEXT_SUFFIXES, FileMeta, Manifests, read_text
from store.ingest.html import parse_html
from store.ingest.jsonl import read_jsonl
from store.ingest.text import ParsedArticle, parse_text


def read_file(
    path: Path, meta: FileMeta | None = None, date_order: str = DAY_FIRST
) -> Iterator[ParsedArticle | ImportFailed]:
    """Every article one input file holds, as `import` reads it, or why one cannot be
    read: the parser is chosen by the file's kind (a .jsonl file gives one article per
    line, an .html page one, any other file is read as text). `newsdesk extract` reads
    its files through this too, so both see the same articles."""
    suffix = path.suffix.lower()
    try:
        if suffix in JSONL_SUFFIXES:
            yield from read_jsonl(path, date_order)
        elif suffix in HTML_SUFFIXES:
            yield parse_html(path)
        else:
            yield parse_text(read_text(path), path, meta, date_order)
    except ImportFailed as exc:
        yield exc
    except (ValueError, LookupError, RecursionError, OSError) as exc:  # a reader's bug must not stop the run
        yield ImportFailed(path, f"could not be read ({type(exc).__name__}: {exc}); please report this file")


def read_all(
    files: list[Path], manifests: Manifests, date_order: str = DAY_FIRST
) -> Iterator[ParsedArticle | ImportFailed]:
    for path in files:
        meta = manifests.meta_for(path) if path.suffix.lower() in TEXT_SUFFIXES else None
        yield from read_file(path, meta, date_order)
