"""Article-level fields: a query on one matches every passage of the articles it names.

Some fields describe a whole article. `source:`, `date:` and the meta fields
(`category:`) are indexed on every passage, so they combine with anything as they
are. `title` is indexed once, on the headline passage (an article-level field added
the same way belongs in ARTICLE_FIELDS). Searched as they are, `title:Kerry negotiate` would ask for one
passage holding both, which only a headline can be. `ArticleLevel` lifts such a
query to the article: it matches every passage of each article whose headline
passage matches, so it combines with any passage query (`AND`, `OR`, `NOT`).

It relies on the index layout store.index.collect relies on too: an article's
passages are written together, its headline first, so inside a segment an article
is the run of documents from its headline to the next headline.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import NDArray
from whoosh import query as wq
from whoosh.matching import ListMatcher, NullMatcher
from whoosh.matching.wrappers import FilterMatcher
from whoosh.query.wrappers import WrappingQuery

from store.index.codec import PassageLeafMatcher

ARTICLE_FIELDS = frozenset({"title"})
"""Fields indexed on the headline passage only, searched per article."""
OTHER_PASSAGES = 0.5
"""An article's other passages score this share of its headline's match, so that the
headline of a matching article comes first when nothing else ranks them."""


class ArticleLevel(WrappingQuery):  # type: ignore[misc]
    """Every passage of the articles whose headline passage matches `child`."""

    def _rewrap(self, child: wq.Query) -> ArticleLevel:
        return ArticleLevel(child)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, ArticleLevel) and other.child == self.child

    __hash__ = WrappingQuery.__hash__

    def estimate_size(self, ixreader: Any) -> int:
        articles = max(ixreader.doc_frequency("kind", "title"), 1)
        per_article = ixreader.doc_count_all() / articles
        return int(self.child.estimate_size(ixreader) * per_article)

    def estimate_min_size(self, ixreader: Any) -> int:
        return int(self.child.estimate_min_size(ixreader))

    def matcher(self, searcher: Any, context: Any = None) -> Any:
        reader = searcher.reader()
        heads = self.child.matcher(searcher, context)
        if not heads.is_active():
            return NullMatcher()
        starts = _headline_ids(reader)
        end_of_segment = reader.doc_count_all()
        ids: list[int] = []
        weights: list[float] = []
        while heads.is_active():
            head, score = heads.id(), heads.score()
            following = int(np.searchsorted(starts, head, side="right"))
            end = int(starts[following]) if following < len(starts) else end_of_segment
            ids.extend(range(head, end))
            weights.append(score)
            weights.extend([score * OTHER_PASSAGES] * (end - head - 1))
            heads.next()
        return ListMatcher(ids, weights=weights)


def _headline_ids(reader: Any) -> NDArray[np.int64]:
    """Docnums of one segment's headline passages, ascending, deleted ones included
    (they still end the article before them); read as one array (a Python list of
    them took 40 ms per query at 100,000 articles)."""
    if ("kind", "title") not in reader:
        return np.zeros(0, dtype=np.int64)
    matcher = reader.postings("kind", "title")
    if isinstance(matcher, FilterMatcher):
        matcher = matcher.child
    if isinstance(matcher, PassageLeafMatcher):
        return matcher.all_arrays()[0]
    return np.fromiter(matcher.all_ids(), dtype=np.int64)


def lift_article_fields(q: wq.Query) -> wq.Query:
    """Wrap each leaf on an article-level field in ArticleLevel."""
    if q.is_leaf():
        return ArticleLevel(q) if getattr(q, "fieldname", None) in ARTICLE_FIELDS else q
    if isinstance(q, ArticleLevel):
        return q
    return q.apply(lift_article_fields)
