"""Exporting a whole list to Markdown, CSV or JSON Lines, streamed.

Rows are written as they are read (store.listing), so exporting 100,000 passages
needs no more memory than one page of them. Each row carries the keys of
`newsdesk search --json`'s hits plus `citation` (and `note` for a collection);
the source and URL for the citation are read from the top of the article's file
(no full YAML parse), once per article.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import IO, Any

from store.citation import Citable, CitationStyle
from store.hits import PassageHit
from store.ingest.ids import is_safe_id
from store.listing import Listing
from store.numbering import json_document
from store.yamlio.load import scan_top_level

FORMATS = ("md", "csv", "jsonl")
CSV_COLUMNS = (
    "article_id", "title", "date", "source", "paragraph", "kind", "speaker", "confidence", "text", "citation"
)
Progress = Callable[[int, int], None]


class ArticleFacts:
    """Source and URL of articles, read from the top of their files, remembered."""

    def __init__(self, articles_dir: Path, keep: int = 2048) -> None:
        self.articles_dir = articles_dir
        self.keep = keep
        self._known: dict[str, dict[str, Any]] = {}

    def get(self, article_id: str) -> dict[str, Any]:
        found = self._known.get(article_id)
        if found is None:
            try:
                if not is_safe_id(article_id):  # the store's one id check: no path out of the folder
                    raise FileNotFoundError(article_id)
                text = (self.articles_dir / f"{article_id}.yaml").read_text(encoding="utf-8")
                found = scan_top_level(text, ("source", "url"))
            except (OSError, UnicodeDecodeError):
                found = {}
            if len(self._known) >= self.keep:
                self._known.clear()
            self._known[article_id] = found
        return found


def citable(hit: PassageHit, facts: ArticleFacts) -> Citable:
    known = facts.get(hit.article_id)
    kind = "quote" if hit.kind == "quote" else "passage"
    return Citable.of(
        hit,
        kind=kind,
        source=hit.source or known.get("source"),
        url=known.get("url"),
        speaker=hit.speaker if kind == "quote" or hit.speaker else None,
    )


def row_document(hit: PassageHit, citation: str, note: str | None = None) -> dict[str, Any]:
    """One exported row: the keys of `search --json`'s hits, then `citation` (and `note`)."""
    document = json_document(hit)
    document["citation"] = citation
    if note is not None:
        document["note"] = note
    return document


def export(
    listing: Listing,
    fmt: str,
    out: IO[str],
    style: CitationStyle,
    facts: ArticleFacts,
    progress: Progress | None = None,
) -> int:
    """Write every row of `listing` to `out` in `fmt`; returns the rows written."""
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}")
    notes = listing.notes
    writer = None
    if fmt == "csv":
        writer = csv.writer(out)
        writer.writerow([*CSV_COLUMNS, *(["note"] if notes is not None else [])])
    elif fmt == "md":
        items = f"{listing.total:,} item" + ("" if listing.total == 1 else "s")
        out.write(f"# {listing.title[:1].upper()}{listing.title[1:]}\n\n{items}.\n")
    written = 0
    for hit in listing.rows:
        cited = citable(hit, facts)
        hit = replace(hit, source=cited.source)  # a row without one has it from the article's file
        citation = style.cite(cited)
        note = None if notes is None else notes.get(written, "")
        if fmt == "jsonl":
            out.write(json.dumps(row_document(hit, citation, note), ensure_ascii=False) + "\n")
        elif writer is not None:
            document = row_document(hit, citation)
            writer.writerow([*(document[c] for c in CSV_COLUMNS), *([note] if note is not None else [])])
        else:
            quoted = "\n".join(f"> {line}" if line else ">" for line in hit.text.splitlines() or [""])
            out.write(f"\n{quoted}\n\n— {citation}\n")
            if hit.uncertain:
                out.write(f"\n*Speaker uncertain:* extraction is not sure that {hit.speaker} said this.\n")
            if note:
                out.write(f"\n*Note:* {note}\n")
        written += 1
        if progress is not None and (written % 200 == 0 or written == listing.total):
            progress(written, listing.total)
    return written
