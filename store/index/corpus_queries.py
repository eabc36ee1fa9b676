"""A reader's query as a Whoosh query against the current index.

The parser (store.index.query) first; then what needs the index itself: the words
a prefix or a stem stands for in its lexicon, fuzzy words, the meta fields it holds
(`category:`), the notebook's collections, and the check that `date:` can match.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from whoosh import query as wq

from store.hits import QueryError
from store.index.expand import Budget, expand_words
from store.index.notebook_filter import resolve_notebook
from store.index.query import FuzzyWords, QueryBuilder, expand_fuzzy
from store.index.registry import EntityRegistry
from store.index.schema import META_PREFIX
from store.index.searcher import PassageSearcher
from store.notebook_file import NotebookFile


class CorpusQueries:
    """Parses queries for one index; what it reads of the index is cached per index version."""

    def __init__(self, reader: PassageSearcher, notebook: NotebookFile) -> None:
        self._reader = reader
        self._notebook = notebook
        self._builder: QueryBuilder | None = None
        self._words_cache: dict[tuple[str, Any], FuzzyWords] = {}
        self._meta_cache: tuple[object, tuple[str, ...]] | None = None

    def parse(self, query: str, budget: Budget, registry: Callable[[], EntityRegistry]) -> wq.Query:
        """The Whoosh query for `query`; `registry` is called only when names must be looked up."""
        if self._builder is None:
            self._builder = QueryBuilder()
        q = self._builder.parse(query, registry, self._meta_fields())
        q = expand_words(q, self._reader.get().reader(), budget)
        if _names_field(q, "day") and not self._reader.dated_articles():
            at = query.find("date:")
            raise QueryError(
                query,
                "no article in this store has a date, so date: matches nothing; leave it out",
                at if at >= 0 else None,
            )
        return expand_fuzzy(resolve_notebook(q, query, self._notebook), self._fuzzy_words)

    def _meta_fields(self) -> tuple[str, ...]:
        """The articles' meta keys in the index (`category`), queryable as `category:`."""
        generation = self._reader.generation()
        if self._meta_cache is None or self._meta_cache[0] != generation:
            names = self._reader.get().reader().indexed_field_names()
            found = tuple(sorted(n.removeprefix(META_PREFIX) for n in names if n.startswith(META_PREFIX)))
            self._meta_cache = (generation, found)
        return self._meta_cache[1]

    def _fuzzy_words(self, fieldname: str) -> FuzzyWords:
        key = (fieldname, self._reader.generation())
        words = self._words_cache.get(key)
        if words is None:
            self._words_cache = {key: FuzzyWords(self._reader.get().reader(), fieldname)}
            words = self._words_cache[key]
        return words


def _names_field(q: wq.Query, fieldname: str) -> bool:
    """Whether any part of the query searches `fieldname`."""
    leaves = [q] if q.is_leaf() else q.leaves()
    return any(getattr(leaf, "fieldname", None) == fieldname for leaf in leaves)
