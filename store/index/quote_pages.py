"""Pages of quotes in article date order: how many quotes each passage holds (from
the `nquotes` column, or a speaker's postings), and the page's quotes themselves."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from store.hits import QuoteHit
from store.index.searcher import PassageSearcher


def quotes_per_passage(searcher: Any) -> Callable[[int], int]:
    """A passage's number of quotes, read from the `nquotes` column only as far as
    the page needs it (an empty index has no columns at all: 0)."""
    reader = searcher.reader()
    return reader.column_reader("nquotes").__getitem__ if reader.doc_count_all() else _none


def speaker_quotes_per_passage(searcher: Any, speaker_terms: list[str]) -> dict[int, int]:
    """docnum -> how many of its quotes a speaker's terms are credited with (the
    postings' weights)."""
    per_doc: dict[int, int] = {}
    for term in speaker_terms:
        postings = searcher.postings("speaker", term)
        while postings.is_active():
            per_doc[postings.id()] = per_doc.get(postings.id(), 0) + int(postings.weight())
            postings.next()
    return per_doc


def quote_page(
    reader: PassageSearcher,
    docnums: list[int],
    count_of: Callable[[int], int],
    speakers: set[str] | None,
    speaker_of: Callable[[str | None], str | None],
    offset: int,
    limit: int,
) -> list[QuoteHit]:
    """Quotes `offset` to `offset + limit` of the passages `docnums` (in order), by
    one of `speakers` (None: by anyone); `count_of` lets it skip whole passages."""
    searcher = reader.get()
    hits: list[QuoteHit] = []
    skipped = 0
    for docnum in docnums:
        if len(hits) >= limit:
            break
        count = count_of(docnum)
        if skipped + count <= offset:
            skipped += count
            continue
        found = reader.quote_hits(searcher.stored_fields(docnum), speakers, speaker_of)
        start = max(offset - skipped, 0)
        skipped += count
        hits.extend(found[start:])
    return hits[:limit]


def _none(docnum: int) -> int:
    return 0
