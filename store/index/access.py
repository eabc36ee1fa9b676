"""What the index engines use of a Corpus: the views (store.index.views_engine) and the
whole-list exports (store.listing) read the index through this record, not through the
facade's private methods.

`Corpus.index_access` holds one, built from the corpus's own lock, searcher, parser,
registry and caches, so an engine reads the same index version, under the same lock,
as the facade method that called it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from whoosh import query as wq

    from store.index.expand import Budget
    from store.index.registry import EntityGroup, EntityRegistry
    from store.index.searcher import PassageSearcher


@dataclass
class IndexAccess:
    """The index as an engine sees it; every callable belongs to one Corpus."""

    reader: PassageSearcher
    """The passage searcher: stored fields, postings, dates, generation."""
    run: Callable[[Callable[[], Any]], Any]
    """Run a read under the corpus's lock (a missing or damaged index is rebuilt, then the
    read retried once)."""
    searcher: Callable[[], Any]
    """The current Whoosh searcher."""
    parse: Callable[[str, Budget], wq.Query]
    """A query string parsed as `newsdesk search` parses it."""
    registry: Callable[[], EntityRegistry]
    """Every entity of the corpus, curation applied."""
    group: Callable[..., EntityGroup]
    """The entity group a name (and type) names; raises UnknownEntity with suggestions."""
    ordered: Callable[[str, list[str]], list[int]]
    """Docnums holding any of the terms of a field, oldest article first (cached)."""
    view_cache: Any = None
    """The views' arrays, kept per index version by store.index.views_engine."""
