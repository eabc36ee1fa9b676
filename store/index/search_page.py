"""One page of a search: the best (or newest) passages of a parsed query, counted.

`Corpus.search` parses the query and holds the index lock; this runs the query,
decides how the total is counted (exactly when that is cheap, else estimated) and
turns the page's documents into hits.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from whoosh import query as wq

from store.hits import SearchResult
from store.index.collect import count_matches, matching_docnums, top_by_date, top_by_score
from store.index.expand import Budget
from store.index.query import estimate_matches
from store.index.searcher import Highlight, PassageSearcher

COUNT_IF_UNDER_S = 0.03
EXACT_COUNT_UNDER = 5000
"""A broad query's total is counted exactly when its estimate is below this and the
search took under COUNT_IF_UNDER_S (else estimated)."""
ALWAYS_COUNT_UNDER = 1000
"""...and always when the estimate is below this (a few milliseconds at most), so that
a small result says "12 passages", not "about 12", however busy the machine is."""


def search_page(
    reader: PassageSearcher,
    q: wq.Query,
    terms: Highlight,
    *,
    query: str,
    sort: str,
    offset: int,
    limit: int,
    budget: Budget,
    started: float,
    dated: bool,
    speaker_of: Callable[[str | None], str | None],
) -> SearchResult:
    """Passages `offset` to `offset + limit` of `q`, best first (`sort` "relevance") or
    newest first ("date"); the empty `query` lists one lead passage per article."""
    searcher = reader.get()
    wanted = max(offset + limit, 1)
    # "" matches one lead passage per article: no need to tell articles apart
    starts = reader.article_starts() if query.strip() else None
    if sort == "date":
        collected = top_by_date(searcher, q, wanted, budget, reader.dates(), starts)
    else:
        collected = top_by_score(searcher, q, wanted, budget, starts)
    total = collected.exact_count
    articles = collected.articles
    if total is None:
        total = estimate_matches(q, searcher.reader())
        spent = time.perf_counter() - started
        quick = spent < COUNT_IF_UNDER_S
        if collected.complete and (total <= ALWAYS_COUNT_UNDER or (total <= EXACT_COUNT_UNDER and quick)):
            total, articles = count_matches(matching_docnums(searcher, q), starts or ())
            exact = True
        else:
            articles = None
            exact = False
    else:
        exact = True
    if starts is None and exact:
        articles = total
    page = range(offset, min(offset + limit, len(collected.docnums)))
    hits = [
        reader.passage_hit(
            searcher.stored_fields(collected.docnums[i]),
            terms,
            collected.scores[i],
            speaker_of,
        )
        for i in page
    ]
    return SearchResult(
        query=query,
        total=total,
        hits=hits,
        sort=sort,
        offset=offset,
        elapsed_ms=(time.perf_counter() - started) * 1000,
        articles=articles,
        total_exact=exact,
        complete=collected.complete,
        dated=dated,
    )
