"""Whole lists, streamed: every passage a search, a jump, a speaker's quotes or a
collection holds, a page at a time, for exports.

The TUI and `newsdesk search` show the best page of a search within a time budget;
an export wants every match. The matching documents are collected once (docnums and
scores only: a few MB for 100,000 passages), then their stored fields are read a
page at a time, so memory stays flat whatever the size of the list.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from whoosh import query as wq

from store.errors import StoreError
from store.hits import PassageHit
from store.index.collect import top_by_date, top_by_score
from store.index.expand import Budget
from store.index.searcher import Highlight
from store.notebook import NotebookItem, entries_of
from store.notebook_file import NotebookFile
from store.passage_ref import locate

if TYPE_CHECKING:
    from store.corpus import Corpus

PAGE = 500
"""Passages read from the index at a time."""


@dataclass
class Listing:
    """A whole list: what it is, how long, and its passages as they are read."""

    title: str
    """What the list is, in words ("passages matching 'Assad'")."""
    total: int
    rows: Iterator[PassageHit]
    notes: dict[int, str] | None = None
    """For a collection: the note of each row, by position."""


def search_listing(corpus: Corpus, query: str, sort: str = "relevance") -> Listing:
    """Every passage matching `query`, in the order `newsdesk search` gives (no time budget)."""
    if sort not in ("relevance", "date"):
        raise StoreError(f"sort must be relevance or date, not {sort!r}")

    unlimited = Budget(math.inf)

    index = corpus.index_access

    def collect() -> tuple[object, list[int], list[float], Highlight]:
        searcher = index.searcher()
        reader = index.reader
        if query.strip():
            q = index.parse(query, unlimited)
            terms = reader.highlight_terms(q)
            by = sort
        else:
            q, terms, by = wq.Term("kind", "lead"), Highlight(), "date"
        everything = max(searcher.doc_count_all(), 1)
        if by == "date":
            found = top_by_date(searcher, q, everything, unlimited, reader.dates())
        else:
            found = top_by_score(searcher, q, everything, unlimited)
        return reader.generation(), found.docnums, found.scores, terms

    generation, docnums, scores, terms = index.run(collect)

    def page(start: int) -> list[PassageHit]:
        searcher = index.searcher()
        if index.reader.generation() != generation:
            raise StoreError(
                "the index changed while the list was read (an article was edited); run it again"
            )
        speaker_of = index.registry().speaker_of
        return [
            index.reader.passage_hit(searcher.stored_fields(docnums[i]), terms, scores[i], speaker_of)
            for i in range(start, min(start + PAGE, len(docnums)))
        ]

    def rows() -> Iterator[PassageHit]:
        for start in range(0, len(docnums), PAGE):
            yield from index.run(partial(page, start))

    title = f"passages matching {query!r}" if query.strip() else "the latest articles"
    return Listing(title, len(docnums), rows())


def mentions_listing(corpus: Corpus, name: str, entity_type: str | None = None) -> Listing:
    """Every passage mentioning an entity, oldest article first (the jump)."""
    first = corpus.mentions(name, type=entity_type, limit=PAGE)

    def rows() -> Iterator[PassageHit]:
        page, offset = first, 0
        while page.passages:
            for p in page.passages:
                yield PassageHit.of(p, kind=_kind(p.paragraph), highlights=list(p.mentions))
            offset += len(page.passages)
            if offset >= first.total:
                return
            page = corpus.mentions(name, type=entity_type, offset=offset, limit=PAGE)

    return Listing(f"passages mentioning {first.entity.name}", first.total, rows())


def quotes_listing(corpus: Corpus, speaker: str | None) -> Listing:
    """Every quote (by one speaker), oldest article first."""
    first = corpus.quotes(speaker, limit=PAGE)

    def rows() -> Iterator[PassageHit]:
        page, offset = first, 0
        while page.quotes:
            for q in page.quotes:
                yield PassageHit.of(q, kind="quote", speaker=q.speaker, confidence=q.confidence)
            offset += len(page.quotes)
            if offset >= first.total:
                return
            page = corpus.quotes(speaker, offset=offset, limit=PAGE)

    who = first.speaker.name if first.speaker else None
    return Listing(f"quotes by {who}" if who else "every quote", first.total, rows())


def collection_listing(corpus: Corpus, notebook: NotebookFile, name: str | None) -> Listing:
    """The items of a collection (or the starred items), found again in their articles."""
    items = list(entries_of(notebook.load(), name))
    notes = {i: item.note for i, item in enumerate(items) if item.note}

    def rows() -> Iterator[PassageHit]:
        for item in items:
            yield item_hit(corpus, item)

    return Listing(f"collection {name!r}" if name else "starred items", len(items), rows(), notes)


def item_hit(corpus: Corpus, item: NotebookItem) -> PassageHit:
    """A notebook item as a passage of its article as it is now (the text kept when gone)."""
    try:
        article = corpus.load_article(item.article_id)
    except StoreError:
        article = None
    kind = "quote" if item.kind == "quote" else ("title" if item.kind == "article" else _kind(item.paragraph))
    if article is None:
        return PassageHit(
            item.article_id, item.title, None, None, item.paragraph, item.text, kind, item.speaker
        )
    found = locate(article, item.text, item.paragraph, item.kind)
    paragraph = item.paragraph if found.paragraph is None else found.paragraph
    same = [q for q in article.quotes if kind == "quote" and q.paragraph == paragraph and q.text == item.text]
    return PassageHit(
        item.article_id,
        article.title,
        article.published,
        article.source,
        paragraph,
        item.text,
        kind,
        item.speaker,
        confidence=same[0].confidence if same else None,
    )


def _kind(paragraph: int) -> str:
    return {-1: "title", -2: "standfirst"}.get(paragraph, "text")


Lister = Callable[[], Listing]
