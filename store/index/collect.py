"""Collecting the best (or newest) passages within a time budget.

Relevance ranks every match on whole posting arrays (store.index.evaluate): the
exact top N and the exact count, a few milliseconds for a word in a third of the
passages at 100,000 articles. Should that still run past the time budget, Whoosh's
top-N collector (block-quality skipping, store.index.scoring) takes over with a
clock per segment, as newest-first listing (`top_by_date`) always does. Articles
are indexed newest first (their file names start with the date), so what a
cut-short search has examined is the newest part of each segment: its hits are the
best among the newest passages, and `complete` says so.
"""

from __future__ import annotations

import heapq
import time
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from whoosh import query as wq
from whoosh.collectors import TopCollector
from whoosh.matching.binary import IntersectionMatcher
from whoosh.reading import TermNotFound

from store.index import evaluate
from store.index.expand import Budget

UNDATED = 2**31 - 1
"""An article without a date counts as the newest (first newest-first, last oldest-first)."""
CHECK_EVERY = 64
"""Documents between clock checks."""


@dataclass
class Collected:
    """Top documents of one search."""

    docnums: list[int]
    scores: list[float]
    complete: bool
    """False when the time budget ran out before every match was examined."""
    exact_count: int | None
    """How many documents matched, when the collector saw them all."""
    articles: int | None = None
    """Distinct articles among the matches, when the collector saw them all."""


def count_matches(docnums: Iterable[int], starts: Sequence[int]) -> tuple[int, int]:
    """(documents, distinct articles) among `docnums`. `starts` are the docnums of the
    articles' headline documents, ascending: an article's passages are indexed together
    after its headline (store.index.writer), so a passage belongs to the last headline
    at or before it."""
    ids = np.sort(np.fromiter(docnums, dtype=np.int64))
    return len(ids), evaluate.count_articles(ids, starts)


def matching_docnums(searcher: Any, q: Any) -> Iterator[int]:
    """Every document matching `q` (deleted ones left out), ascending: what Whoosh's
    `docs_for_query` gives, but an AND walks its matcher, which leapfrogs with
    `skip_to`, instead of intersecting the complete id sets of both sides: counting
    `dlrs royal` read every block of "dlrs" (70% of that query's time at 10,000
    articles) where the walk reads the few blocks "royal" lands in."""
    for sub, offset in searcher.leaf_searchers():
        try:
            matcher = q.matcher(sub, sub.boolean_context())
        except TermNotFound:
            continue
        if isinstance(matcher, IntersectionMatcher):
            while matcher.is_active():
                yield matcher.id() + offset
                matcher.next()
        else:
            for docnum in matcher.all_ids():
                yield docnum + offset


def _leaves(searcher: Any, budget: Budget) -> Iterator[tuple[Any, int, float]]:
    """(sub-searcher, docnum offset, its deadline) of each segment. A segment gets the
    share of the time left that its documents are of the documents left, reckoned when
    it starts: the time spent before the first segment (parsing, highlight terms) no
    longer uses up a small first segment's share, which cut even a rare word short."""
    leaves = list(searcher.leaf_searchers())
    left = sum(sub.doc_count_all() for sub, _ in leaves)
    for sub, offset in leaves:
        docs = sub.doc_count_all()
        now = time.perf_counter()
        yield sub, offset, now + max(budget.deadline - now, 0.0) * (docs / left if left else 1.0)
        left -= docs


class _BudgetTopCollector(TopCollector):
    """Whoosh's TopCollector (block-quality skipping) with a clock per segment."""

    def __init__(self, limit: int, budget: Budget, starts: Sequence[int] | None = None) -> None:
        super().__init__(limit=limit)
        self.budget = budget
        self.cut = False
        self.deadline = 0.0
        self.starts = starts
        self.saw_all = True
        """False once a segment skipped blocks (block quality): not every match was seen."""
        self.articles: set[int] = set()

    def _collect(self, global_docnum: int, score: float) -> float:
        # Whoosh's TopCollector raises `minscore` (the bar for block skipping) only when a
        # document replaces one in a full heap: if the first `limit` matches tie at the
        # best score, it stayed 0 and every match was scored (23,000 for "ordered" at
        # 100,000 articles). The bar is set as soon as the heap is full.
        items = self.items
        self.total += 1
        if len(items) < self.limit:
            heapq.heappush(items, (score, 0 - global_docnum))
            if len(items) == self.limit:
                self.minscore = items[0][0]
        elif score > items[0][0]:
            heapq.heapreplace(items, (score, 0 - global_docnum))
            self.minscore = items[0][0]
        return 0 - score

    def run(self) -> None:
        try:
            for sub, offset, deadline in _leaves(self.top_searcher, self.budget):
                self.deadline = deadline
                self.set_subsearcher(sub, offset)
                self.collect_matches()
        finally:
            self.finish()

    def collect_matches(self) -> None:
        collect = self.collect
        deadline = self.deadline
        starts, offset, add = self.starts, self.offset, self.articles.add
        if self._use_block_quality():  # skips blocks that cannot reach the top
            self.saw_all = False
            starts = None
        seen = 0
        for sub_docnum in self.matches():
            collect(sub_docnum)
            if starts is not None:
                add(bisect_right(starts, offset + sub_docnum))
            seen += 1
            if seen % CHECK_EVERY == 0 and (time.perf_counter() > deadline or self.budget.stopped()):
                self.cut = True
                return


def top_by_score(
    searcher: Any, q: Any, limit: int, budget: Budget, starts: Sequence[int] | None = None
) -> Collected:
    """The `limit` best-scoring documents (and, given the articles' `starts`, how many
    articles matched, when every match was seen).

    A single word goes to Whoosh's collector, which skips the blocks that cannot reach
    the top and stops at the time budget. Anything else (AND, OR, NOT, prefixes, fuzzy
    words, fields) is ranked on whole posting arrays (store.index.evaluate): the exact
    answer and count. Should that run past the budget, the words not yet read count
    as matching nothing, and `complete` says the answer is not the exact one."""
    if type(q) is wq.Term:
        return _top_of_word(searcher, q, limit, budget, starts)
    return _top_by_arrays(searcher, q, limit, budget, starts)


def _top_of_word(
    searcher: Any, q: Any, limit: int, budget: Budget, starts: Sequence[int] | None
) -> Collected:
    """One word: its blocks that can reach the top (evaluate.best_of_word), within each
    segment's share of the budget, newest segment first."""
    context = searcher.context()
    top = evaluate.Top(limit)
    complete = True
    for sub, offset, deadline in _leaves(searcher, budget):
        try:
            matcher = q.matcher(sub, context)
        except TermNotFound:
            continue
        if not matcher.is_active():  # the word is not in this segment
            continue
        word = evaluate.plain_word(matcher)
        if word is None:  # not a word's postings (another weighting): Whoosh's collector
            return _top_by_collector(searcher, q, limit, budget, starts)
        if not evaluate.best_of_word(word, offset, top, _clock(deadline, budget)):
            complete = False  # the next segment still gets its share
    return Collected(
        docnums=top.ids.tolist(),
        scores=top.scores.tolist(),
        complete=complete and not budget.cut,
        exact_count=None,  # blocks were skipped: counted (or estimated) by the caller
    )


def _clock(deadline: float, budget: Budget) -> Callable[[], bool]:
    """Whether a segment's share of the budget is spent (or the caller gave up)."""
    return lambda: time.perf_counter() > deadline or budget.stopped()


def _top_by_arrays(
    searcher: Any, q: Any, limit: int, budget: Budget, starts: Sequence[int] | None
) -> Collected:
    context = searcher.context()
    found_ids, found_scores = [], []
    for sub, offset in searcher.leaf_searchers():
        try:
            matcher = q.matcher(sub, context)
        except TermNotFound:
            continue
        ids, scores = evaluate.matches(matcher, budget.over)
        found_ids.append(ids + offset if offset else ids)
        found_scores.append(scores)
    ids = np.concatenate(found_ids) if found_ids else np.zeros(0, dtype=np.int64)
    scores = np.concatenate(found_scores) if found_scores else np.zeros(0)
    docnums, best = evaluate.best(ids, scores, limit)
    complete = not budget.cut  # the clock, or an expansion (store.index.expand) cut it
    return Collected(
        docnums=docnums,
        scores=best,
        complete=complete,
        exact_count=len(ids) if complete else None,
        articles=evaluate.count_articles(ids, starts) if complete and starts is not None else None,
    )


def _top_by_collector(
    searcher: Any, q: Any, limit: int, budget: Budget, starts: Sequence[int] | None
) -> Collected:
    collector = _BudgetTopCollector(limit, budget, starts)
    searcher.search_with_collector(q, collector)
    ranked = sorted(collector.items, reverse=True)  # (score, -docnum): best first, then lower docnum
    cut = collector.cut or budget.cut  # the clock stopped the collector, or an expansion
    every = collector.saw_all and not cut
    return Collected(
        docnums=[-negated for _, negated in ranked],
        scores=[score for score, _ in ranked],
        complete=not cut,
        exact_count=collector.total if every else None,
        articles=len(collector.articles) if every and starts is not None else None,
    )


def top_by_date(
    searcher: Any, q: Any, limit: int, budget: Budget, dates: Any, starts: Sequence[int] | None = None
) -> Collected:
    """The `limit` newest documents (by article date, undated first; a later-indexed
    document wins a tie), and given the articles' `starts`, how many articles matched.
    `dates` is every document's day number with UNDATED for no date (PassageSearcher.dates)."""
    heap: list[tuple[int, int]] = []
    count = 0
    articles: set[int] = set()
    cut = False
    context = searcher.context(needs_current=False)
    for sub, offset, deadline in _leaves(searcher, budget):
        matcher = q.matcher(sub, context)
        for sub_docnum in matcher.all_ids():  # deleted documents are filtered out already
            count += 1
            if starts is not None:
                articles.add(bisect_right(starts, offset + sub_docnum))
            key = (dates[offset + sub_docnum], offset + sub_docnum)
            if len(heap) < limit:
                heapq.heappush(heap, key)
            elif key > heap[0]:
                heapq.heapreplace(heap, key)
            if count % CHECK_EVERY == 0 and (time.perf_counter() > deadline or budget.stopped()):
                cut = True
                break
    cut = cut or budget.cut
    newest = sorted(heap, reverse=True)
    return Collected(
        docnums=[docnum for _, docnum in newest],
        scores=[0.0] * len(newest),
        complete=not cut,
        exact_count=None if cut else count,
        articles=None if cut or starts is None else len(articles),
    )
