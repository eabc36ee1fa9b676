"""The exact top N of a query, from whole posting lists at once (numpy).

Whoosh ranks a query by stepping its matcher tree one posting at a time: for an OR
or an AND, a dozen Python calls per posting (`is_active`, `id`, `next`, `score` on
every node). Its block-quality skipping helps a single word, not much else: at
100,000 articles `reprogrammed OR dlrs`, `dlrs -intends` or a fuzzy word stepped
through tens of thousands of postings and hit the time budget, answering with the
best of the newest passages only.

Here the same matcher tree (the one `q.matcher` builds, so the same sub-matchers in
the same order) is evaluated bottom-up on arrays: each node gives the sorted docnums
it matches and their scores, and each node combines its children's arrays the way
its Whoosh class combines their postings:

- a leaf (`PassageLeafMatcher`): every block's ids and weights, read in one go
  (store.index.codec keeps them apart from positions), scored by the weighting's
  `array_scores` (store.index.scoring: the same formula, so the same floats);
- `UnionMatcher` (OR): the union, `a + b` where both match;
- `IntersectionMatcher` (AND): the intersection, `a + b`;
- `AndNotMatcher` (NOT, `-word`): `a`'s matches not in `b`, `a`'s score;
- `AndMaybeMatcher`: `a`'s matches, `+ b` where `b` matches; `RequireMatcher`: `a`'s
  matches that `b` has, `a`'s score;
- `WrappingMatcher` (a boost) and `FilterMatcher` (deleted documents, filters):
  the child's arrays, filtered, times the boost;
- `ListMatcher` without a scorer (store.index.expand, store.index.filters): its
  ids and weights; `InverseMatcher` (`NOT` inside an AND): every live docnum the
  child does not match, its weight;
- anything else (phrases, other weightings): stepped through with
  Whoosh's own methods (`id`, `score`, `next`).

IEEE double arithmetic is the same in numpy as in Python, and each sum adds the
same two operands, so every score is bit for bit the score Whoosh's matchers give
a document when stepped through every match; ties go to the lower docnum, as in
Whoosh's collector. That exhaustive ranking is the exact answer; Whoosh's collector
with block-quality skipping does not always reach it (it missed tied and
lower-ranked passages of an AND with an OR inside, a boosted OR, an OR with a NOT:
tests/index/test_evaluate.py compares all three on a fixture index).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
from numpy.typing import NDArray
from whoosh.matching import (
    AndMaybeMatcher,
    AndNotMatcher,
    IntersectionMatcher,
    ListMatcher,
    NullMatcherClass,
    RequireMatcher,
    UnionMatcher,
    WrappingMatcher,
)
from whoosh.matching.wrappers import FilterMatcher, InverseMatcher
from whoosh.reading import SegmentReader

from store.index.codec import PassageLeafMatcher

Ids = NDArray[np.int64]
Scores = NDArray[np.float64]
Matches = tuple[Ids, Scores]

_EMPTY_IDS: Ids = np.zeros(0, dtype=np.int64)
_EMPTY_SCORES: Scores = np.zeros(0, dtype=np.float64)


def matches(matcher: Any, over: Callable[[], bool] = lambda: False) -> Matches:
    """Every document `matcher` matches (ascending docnums) and its score. `over` is
    asked before each word but the first: once it says the time is up, the words not
    yet read count as matching nothing (the answer is then the best among the words
    read, as for a cut-short expansion, store.index.expand)."""
    return _Evaluator(over).run(matcher)


class _Evaluator:
    def __init__(self, over: Callable[[], bool]) -> None:
        self.over = over
        self.words = 0

    def run(self, m: Any) -> Matches:
        kind = type(m)
        if kind is PassageLeafMatcher:
            self.words += 1
            if self.words > 1 and self.over():
                return _EMPTY_IDS, _EMPTY_SCORES
            return _leaf(m)
        if isinstance(m, NullMatcherClass) or not m.is_active():
            return _EMPTY_IDS, _EMPTY_SCORES
        if kind is UnionMatcher:
            return _union(self.run(m.a), self.run(m.b))
        if kind is IntersectionMatcher:
            (a, sa), (b, sb) = self.run(m.a), self.run(m.b)
            ia, ib = _common(a, b)
            return a[ia], sa[ia] + sb[ib]
        if kind is AndNotMatcher:
            a, sa = self.run(m.a)
            keep = ~_within(a, self.run(m.b)[0])
            return a[keep], sa[keep]
        if kind is AndMaybeMatcher:
            (a, sa), (b, sb) = self.run(m.a), self.run(m.b)
            ia, ib = _common(a, b)
            scores = sa.copy()
            scores[ia] = sa[ia] + sb[ib]
            return a, scores
        if kind is RequireMatcher:
            a, sa = self.run(m.a)
            keep = _within(a, self.run(m.b)[0])
            return a[keep], sa[keep]
        if kind is WrappingMatcher or kind is FilterMatcher:
            ids, scores = self.run(m.child)
            if kind is FilterMatcher:
                listed = np.sort(np.fromiter(m._ids, dtype=np.int64, count=len(m._ids)))
                keep = _within(ids, listed)
                if m._exclude:
                    keep = ~keep
                ids, scores = ids[keep], scores[keep]
            return ids, scores * m.boost
        if kind is ListMatcher and not m._scorer:
            return _list(m)
        if kind is InverseMatcher:
            deleted = _deleted(m.missing)
            if deleted is not None:
                ids = np.arange(m._id, m.limit, dtype=np.int64)
                keep = ~(_within(ids, self.run(m.child)[0]) | _within(ids, deleted))
                return ids[keep], np.full(int(keep.sum()), float(m._weight))
        return _stepped(m)


def _leaf(m: PassageLeafMatcher) -> Matches:
    ids, weights = m.all_arrays()
    scorer = m.scorer
    array_scores = getattr(scorer, "array_scores", None)
    if array_scores is None:  # another weighting: Whoosh's scorer, a posting at a time
        return _stepped(m)
    return ids, array_scores(weights)


def _union(a_side: Matches, b_side: Matches) -> Matches:
    (a, sa), (b, sb) = a_side, b_side
    if not len(a):
        return b, sb
    if not len(b):
        return a, sa
    merged = np.concatenate((a, b))
    merged.sort(kind="stable")
    first = np.ones(len(merged), dtype=bool)
    first[1:] = merged[1:] != merged[:-1]
    ids = merged[first]
    scores = np.empty(len(ids), dtype=np.float64)
    at_a = np.searchsorted(ids, a)
    scores[at_a] = sa
    scores[np.searchsorted(ids, b)] = sb
    ia, ib = _common(a, b)
    scores[at_a[ia]] = sa[ia] + sb[ib]
    return ids, scores


def _common(a: Ids, b: Ids) -> tuple[NDArray[np.intp], NDArray[np.intp]]:
    """Where the docnums two ascending arrays share are, in each (a binary search of
    the shorter in the longer: a few ms for a rare word against a common one)."""
    if len(a) > len(b):
        ib, ia = _common(b, a)
        return ia, ib
    at = np.searchsorted(b, a)
    found = at < len(b)
    found[found] = b[at[found]] == a[found]
    return np.flatnonzero(found), at[found]


def _within(a: Ids, b: Ids) -> NDArray[np.bool_]:
    """Which of `a`'s docnums ascending `b` holds."""
    inside = np.zeros(len(a), dtype=bool)
    inside[_common(a, b)[0]] = True
    return inside


def _deleted(missing: Any) -> Ids | None:
    """The deleted docnums behind an InverseMatcher's `missing` (a segment reader's
    `is_deleted`), ascending; None for any other function."""
    reader = getattr(missing, "__self__", None)
    if getattr(missing, "__name__", "") != "is_deleted" or not isinstance(reader, SegmentReader):
        return None
    if not reader.has_deletions():
        return _EMPTY_IDS
    return np.sort(np.fromiter(reader._perdoc.deleted_docs(), dtype=np.int64))


def _list(m: Any) -> Matches:
    ids = np.asarray(m._ids[m._i :], dtype=np.int64)
    if m._all_weights:
        scores = np.full(len(ids), float(m._all_weights))
    elif m._weights:
        scores = np.asarray(m._weights[m._i :], dtype=np.float64)
    else:
        scores = np.ones(len(ids))
    return ids, scores


def _stepped(m: Any) -> Matches:
    ids: list[int] = []
    scores: list[float] = []
    while m.is_active():
        ids.append(m.id())
        scores.append(m.score())
        m.next()
    return np.asarray(ids, dtype=np.int64), np.asarray(scores, dtype=np.float64)


def plain_word(m: Any) -> tuple[PassageLeafMatcher, Ids, list[float]] | None:
    """A matcher that is one word's postings: (its leaf, the docnums left out as
    deleted, the boosts applied to its scores from the inside out); None otherwise."""
    deleted, boosts = _EMPTY_IDS, list[float]()
    while type(m) is WrappingMatcher or (type(m) is FilterMatcher and m._exclude):
        if type(m) is FilterMatcher:
            deleted = np.sort(np.fromiter(m._ids, dtype=np.int64, count=len(m._ids)))
        boosts.insert(0, m.boost)
        m = m.child
    if type(m) is not PassageLeafMatcher or not hasattr(m.scorer, "array_scores"):
        return None
    if min(boosts, default=1.0) <= 0:  # skipping by a block's best score needs positive boosts
        return None
    return m, deleted, boosts


class Top:
    """The best documents so far: `ids` and `scores`, best first (score, then lower
    docnum). Blocks are kept as they come until there are `limit` documents, and
    ranked only then (an export asks for every match: one sort at the end)."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self._ids: list[Ids] = []
        self._scores: list[Scores] = []
        self._count = 0
        self._ranked = True
        self._bar: float | None = None

    def bar(self) -> float | None:
        """The score a document must beat to get in; None while there is room."""
        return self._bar

    def add(self, ids: Ids, scores: Scores) -> None:
        self._ids.append(ids)
        self._scores.append(scores)
        self._count += len(ids)
        self._ranked = False
        if self._count >= self.limit:
            self._rank()
            self._bar = float(self._scores[0][-1])

    def _rank(self) -> None:
        if self._ranked or not self._ids:
            return
        ids, scores = np.concatenate(self._ids), np.concatenate(self._scores)
        order = np.lexsort((ids, -scores))[: self.limit]
        self._ids, self._scores = [ids[order]], [scores[order]]
        self._count = len(order)
        self._ranked = True

    @property
    def ids(self) -> Ids:
        self._rank()
        return self._ids[0] if self._ids else _EMPTY_IDS

    @property
    def scores(self) -> Scores:
        self._rank()
        return self._scores[0] if self._scores else _EMPTY_SCORES


def best_of_word(
    word: tuple[PassageLeafMatcher, Ids, list[float]], offset: int, top: Top, over: Callable[[], bool]
) -> bool:
    """Add one segment's postings of a word to `top`, a block at a time, skipping every
    block whose best score (its highest weight, scored) cannot beat the bar: Whoosh's
    block-quality skipping, with a block's scores computed at once. Docnums come in
    ascending order, so a document that only ties the bar stays out, as in Whoosh's
    collector. False when `over()` stopped it (asked after each block read, when
    blocks remain)."""
    leaf, deleted, boosts = word
    scorer = leaf.scorer
    while leaf.is_active():
        bar = top.bar()
        if bar is not None:
            best = scorer.block_quality(leaf)
            for boost in boosts:
                best = best * boost
            if best <= bar:
                leaf._next_block()
                continue
        ids, weights = leaf.block_arrays()
        scores = scorer.array_scores(weights)
        for boost in boosts:
            scores = scores * boost
        keep = np.ones(len(ids), dtype=bool) if bar is None else scores > bar
        if len(deleted):
            keep &= ~_within(ids, deleted)
        if keep.any():
            top.add(ids[keep] + offset, scores[keep])
        leaf._next_block()
        if leaf.is_active() and over():
            return False
    return True


def best(ids: Ids, scores: Scores, limit: int) -> tuple[list[int], list[float]]:
    """The `limit` best (highest score, then lowest docnum), best first."""
    if len(ids) > limit:
        bar = np.partition(scores, len(scores) - limit)[len(scores) - limit]
        keep = scores >= bar
        ids, scores = ids[keep], scores[keep]
    order = np.lexsort((ids, -scores))[:limit]
    return ids[order].tolist(), scores[order].tolist()


def count_articles(ids: Ids, starts: Sequence[int]) -> int:
    """Distinct articles among ascending docnums (store.index.collect.count_matches)."""
    if not len(ids):
        return 0
    article = np.searchsorted(np.asarray(starts, dtype=np.int64), ids, side="right")
    return 1 + int(np.count_nonzero(article[1:] != article[:-1]))  # ascending: count the changes
