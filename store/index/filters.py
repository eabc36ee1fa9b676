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

from bisect import bisect_right
from typing import Any

from whoosh import query as wq
from whoosh.matching import ListMatcher, NullMatcher
from whoosh.matching.wrappers import FilterMatcher
from whoosh.query.wrappers import WrappingQuery

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
        starts = list(_headline_ids(reader))
        end_of_segment = reader.doc_count_all()
        ids: list[int] = []
        weights: list[float] = []
        while heads.is_active():
            head, score = heads.id(), heads.score()
            following = bisect_right(starts, head)
            end = starts[following] if following < len(starts) else end_of_segment
            ids.extend(range(head, end))
            weights.append(score)
            weights.extend([score * OTHER_PASSAGES] * (end - head - 1))
            heads.next()
        return ListMatcher(ids, weights=weights)


def _headline_ids(reader: Any) -> Any:
    """Docnums of one segment's headline passages, deleted ones included (they still
    end the article before them)."""
    if ("kind", "title") not in reader:
        return iter(())
    matcher = reader.postings("kind", "title")
    if isinstance(matcher, FilterMatcher):
        matcher = matcher.child
    return matcher.all_ids()


def lift_article_fields(q: wq.Query) -> wq.Query:
    """Wrap each leaf on an article-level field in ArticleLevel."""
    if q.is_leaf():
        return ArticleLevel(q) if getattr(q, "fieldname", None) in ARTICLE_FIELDS else q
    if isinstance(q, ArticleLevel):
        return q
    return q.apply(lift_article_fields)
