"""Every passage a query matches, as a sorted numpy array, fast.

The views count all the matches of a query (a timeline of 100,000 passages), not
the best twenty. Whoosh's matchers step through a match at a time (about 5 µs
each); here the query tree is evaluated set by set: a term's postings are read a
block at a time (PassageSearcher.posting_ids), AND is an intersection, OR a
union, NOT a difference. Leaves with positions (phrases) and anything else
unusual are handed to Whoosh. The result is exactly the set `Corpus.search`
counts: deleted passages are left out both ways.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from whoosh import query as wq
from whoosh.matching.wrappers import FilterMatcher

from store.index.codec import PassageLeafMatcher
from store.index.forward import IntArray, distinct

MAX_EXPANSION = 5000
"""A prefix or wildcard expanding to more terms than this is left to Whoosh."""


def _empty() -> IntArray:
    return np.zeros(0, dtype=np.int64)


class DocSet:
    """Evaluates Whoosh queries into sorted arrays of global docnums."""

    def __init__(self, searcher: Any, live: IntArray) -> None:
        self.searcher = searcher
        self.reader = searcher.reader()
        self.live = live

    def docnums(self, q: wq.Query) -> IntArray:
        if q is wq.NullQuery or isinstance(q, type(wq.NullQuery)):
            return _empty()
        if isinstance(q, wq.Term):
            return self._term(q.fieldname, q.text)
        if isinstance(q, wq.Every):
            return self.live
        if isinstance(q, wq.Not):
            return np.setdiff1d(self.live, self.docnums(q.query), assume_unique=True)
        if isinstance(q, wq.AndNot):
            return np.setdiff1d(self.docnums(q.a), self.docnums(q.b), assume_unique=True)
        if isinstance(q, wq.AndMaybe):
            return self.docnums(q.a)
        if isinstance(q, wq.And) and type(q) in (wq.And,):
            return self._and(q.subqueries)
        if isinstance(q, wq.Or) and type(q) in (wq.Or,) and not getattr(q, "minmatch", 0):
            return self._union([self.docnums(child) for child in q.subqueries])
        if isinstance(q, (wq.Prefix, wq.Wildcard)):
            terms = list(q._btexts(self.reader))
            if len(terms) <= MAX_EXPANSION:
                return self._union([self._term(q.fieldname, t) for t in terms])
        return self._whoosh(q)

    def _term(self, fieldname: str, text: Any) -> IntArray:
        if isinstance(text, bytes):
            text = text.decode("utf-8")
        if not isinstance(text, str):  # a typed term (a number, a date): Whoosh converts it
            return self._whoosh(wq.Term(fieldname, text))
        return posting_array(self.reader, fieldname, text)

    def _and(self, children: list[wq.Query]) -> IntArray:
        positives = [c for c in children if not isinstance(c, wq.Not)]
        negatives = [c.query for c in children if isinstance(c, wq.Not)]
        if positives:
            sets = sorted((self.docnums(c) for c in positives), key=len)
            found = sets[0]
            for other in sets[1:]:
                if not len(found):
                    break
                found = np.intersect1d(found, other, assume_unique=True)
        else:
            found = self.live
        for negative in negatives:
            if not len(found):
                break
            found = np.setdiff1d(found, self.docnums(negative), assume_unique=True)
        return found

    def _union(self, sets: list[IntArray]) -> IntArray:
        sets = [s for s in sets if len(s)]
        if not sets:
            return _empty()
        if len(sets) == 1:
            return sets[0]
        return distinct(np.concatenate(sets))

    def _whoosh(self, q: wq.Query) -> IntArray:
        return np.sort(np.fromiter(self.searcher.docs_for_query(q), dtype=np.int64))


def posting_array(reader: Any, fieldname: str, term: str) -> IntArray:
    """The live docnums holding a term, ascending, decoded a block at a time into numpy
    (PassageSearcher.posting_ids does the same into a list, ten times slower)."""
    parts: list[IntArray] = []
    for leaf, offset in reader.leaf_readers():
        if (fieldname, term) not in leaf:
            continue
        matcher = leaf.postings(fieldname, term)
        deleted: Any = None
        if isinstance(matcher, FilterMatcher) and matcher._exclude:
            matcher, deleted = matcher.child, matcher._ids
        if isinstance(matcher, PassageLeafMatcher):
            blocks = []
            while matcher.is_active():
                deltas = np.frombuffer(matcher.raw_ids(), dtype="<u4").astype(np.int64)
                blocks.append(np.cumsum(deltas))
                matcher._next_block()
            found = np.concatenate(blocks) if blocks else _empty()
        else:  # another codec: the general way
            found = np.fromiter(matcher.all_ids(), dtype=np.int64)
        if deleted:
            found = found[~np.isin(found, np.fromiter(deleted, dtype=np.int64))]
        parts.append(found + offset if offset else found)
    return np.concatenate(parts) if parts else _empty()
