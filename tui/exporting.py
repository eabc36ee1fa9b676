"""Exporting a list from the TUI: where the file goes, and the run itself (in a worker).

The format follows the file name's ending (.md, .csv, .jsonl); the file is written
beside its final name and renamed when complete, so a failed export leaves nothing
half-written.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from store.citation import load_style
from store.export import ArticleFacts, export
from store.hits import PassageHit
from store.listing import Listing
from tui.result_pages import load_page
from tui.results_text import count

if TYPE_CHECKING:
    from store.corpus import Corpus
    from tui.navigation import ListSource

PAGE = 500
"""Rows asked of a list at a time when it is exported page by page."""

FORMAT_OF = {".md": "md", ".markdown": "md", ".csv": "csv", ".jsonl": "jsonl"}


@dataclass
class ExportRequest:
    """A list to export and the file to write."""

    listing: Callable[[], Listing]
    """Builds the whole list (run in the worker: it may search)."""
    path: Path

    @property
    def format(self) -> str | None:
        return FORMAT_OF.get(self.path.suffix.lower())


def export_target(folder: Path, name: str, extension: str = ".md") -> Path:
    """A file name for exporting the list `name`: newsdesk-<words>-<date>.md in `folder`."""
    slug = re.sub(r"[^\w]+", "-", name.casefold()).strip("-")[:40] or "list"
    return folder / f"newsdesk-{slug}-{datetime.now():%Y%m%d-%H%M}{extension}"


def run_export(request: ExportRequest, corpus: Corpus, progress: Callable[[int, int], None]) -> str:
    """Write the whole list; returns what to tell the reader (rows, file name, folder)."""
    fmt = request.format
    if fmt is None:
        raise ValueError("the file name must end with .md, .csv or .jsonl")
    style = load_style(corpus.data_dir)
    listing = request.listing()
    path = request.path if request.path.is_absolute() else Path.cwd() / request.path
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.part")
    try:
        with partial.open("w", encoding="utf-8", newline="") as out:
            written = export(listing, fmt, out, style, ArticleFacts(corpus.articles_dir), progress)
        partial.replace(path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return f"Exported {count(written, 'row')} ({listing.title}) to {path.name} in {path.parent}"


def paged_listing(corpus: Corpus, source: ListSource) -> Listing:
    """Any list the results pane shows (co-mentions, ...), read whole the way the pane
    reads it, a page at a time (search, jump and quotes have faster whole-list readers
    in store.listing). Runs in the export worker."""
    first = load_page(corpus, source, 0, PAGE)

    def rows() -> Iterator[PassageHit]:
        page, offset = first, 0
        while page.entries:
            for entry in page.entries:
                yield PassageHit.of(
                    entry,
                    kind={-1: "title", -2: "standfirst"}.get(entry.paragraph, "text"),
                    speaker=entry.speaker,
                    highlights=list(entry.spans),
                )
            offset += len(page.entries)
            if offset >= first.total:
                return
            page = load_page(corpus, source, offset, PAGE)

    return Listing(first.title, first.total, rows())
