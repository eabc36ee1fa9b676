"""What the results pane lists, a page at a time: search hits, the entity jump,
a pair's co-mentions and quotes, read from the corpus as rows (`ResultEntry`) under a
title with their counts. The export of a list reads it the same way."""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.worker import get_current_worker

from store.errors import StoreError
from store.hits import UnknownEntity
from tui.navigation import ListSource, ResultEntry
from tui.results_text import count as _count
from tui.results_text import grouped

if TYPE_CHECKING:
    from store.corpus import Corpus


@dataclass
class ResultPage:
    """One page of a list, as the results pane shows it."""

    entries: list[ResultEntry]
    total: int
    articles: int
    """Distinct articles in the whole list; 0 when unknown (a broad search)."""
    elapsed_ms: float
    title: str
    exact: bool = True
    """False when `total` is an estimate (a broad search cut short)."""
    dated: bool = True
    """False when no article of the store has a date."""
    keep: int = 0
    """The title's counts come right after its first " — ": so many characters of
    them are kept whole when the title is cut to the pane (the name is cut instead)."""
    note: str = ""
    """Said once when the list arrives (whom else a jumped-from name could be)."""


def load_page(corpus: Corpus, source: ListSource, offset: int, limit: int) -> ResultPage:
    """Rows `offset` to `offset + limit` of the list `source` names, with its title and
    counts. Runs in a worker thread; a search stops as soon as that worker is cancelled."""
    started = time.perf_counter()
    if source.kind in ("mentions", "pair"):
        if source.kind == "pair":
            mentions = corpus.pair_mentions(
                source.query, source.other, type=source.entity_type, other_type=source.other_type,
                offset=offset, limit=limit,
            )  # fmt: skip
        else:
            try:
                mentions = corpus.mentions(source.query, type=source.entity_type, offset=offset, limit=limit)
            except UnknownEntity:
                if not source.within:
                    raise
                raise StoreError(source.within_note()) from None
        entries = [ResultEntry.of(p, spans=tuple(p.mentions)) for p in mentions.passages]
        elapsed = (time.perf_counter() - started) * 1000
        counts = f"{_count(mentions.total, 'passage')} in {_count(mentions.articles, 'article')}"
        both = f" + {mentions.other.name}" if mentions.other else ""
        title = f"{mentions.entity.name}{both} — {counts}"
        if mentions.entity.aliases:  # what the jump groups
            title += " · also " + ", ".join(mentions.entity.aliases)
        note = ""
        if mentions.could_be():  # whom else the name may mean: the jump chose one
            others = ", ".join(f"{n} ({c:,})" for n, c in mentions.could_be())
            title += f" · could also be {others}"
            note = f"“{source.query}” could also be {others} (articles); jump from the full name."
        return ResultPage(
            entries, mentions.total, mentions.articles, elapsed, title, keep=len(counts), note=note
        )
    if source.kind == "quotes":
        quotes = corpus.quotes(source.query, offset=offset, limit=limit)
        entries = [
            ResultEntry.of(q, spans=((q.start, q.end),), speaker=q.speaker, uncertain=q.uncertain)
            for q in quotes.quotes
        ]
        elapsed = (time.perf_counter() - started) * 1000
        name = quotes.speaker.name if quotes.speaker else source.query
        title = f"What {name} said — {_count(quotes.total, 'quote')}"
        quoted_in = len({e.article_id for e in entries})
        return ResultPage(
            entries, quotes.total, quoted_in, elapsed, title, keep=len(_count(quotes.total, "quote"))
        )
    worker = get_current_worker()  # a newer list cancels this one: the search stops at once
    result = corpus.search(
        source.query, limit=limit, offset=offset, sort=source.sort, stop=lambda: worker.is_cancelled
    )
    entries = [
        ResultEntry.of(h, spans=tuple(h.highlights), speaker=h.speaker, uncertain=h.uncertain)
        for h in result.hits
    ]
    articles = result.articles
    if articles is None and offset == 0 and len(entries) == result.total:  # all on this page
        articles = len({e.article_id for e in entries})
    title = _count(result.total, "passage")
    if not result.total_exact:
        title = f"about {title}"
    if articles:
        title += f" in {_count(articles, 'article')}"
    if not source.query.strip():
        title = "Latest articles" if result.dated else "Articles · none has a date"
    elif source.sort == "date":
        title += " · newest first"
    return ResultPage(
        grouped(entries),
        result.total,
        articles or 0,
        result.elapsed_ms,
        title,
        exact=result.total_exact,
        dated=result.dated,
    )
