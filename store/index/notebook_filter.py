"""`is:starred` and `collection:NAME`: the notebook as a filter in the query language.

The parser reads them as terms of two query-only fields; `resolve_notebook` then
swaps each for a `PassageSet`, a query matching the passages the notebook points
at. A passage is matched by its article id and its text's fingerprint (a quote:
its words inside the passage), exactly as the notebook finds it again
(store.passage_ref), so a starred passage is still found after its article was
edited and re-indexed. Notebooks are small: the set is checked against the stored
text of the few articles it names, never the whole index.
"""

from __future__ import annotations

from typing import Any

from whoosh import fields
from whoosh import query as wq
from whoosh.matching import ListMatcher, NullMatcher

from store.errors import StoreError
from store.hits import QueryError
from store.notebook import NotebookError, NotebookItem, entries_of
from store.notebook_file import NotebookFile
from store.passage_ref import fingerprint, normalized

NOTEBOOK_FIELDS = ("is", "collection")
"""Query fields answered from the notebook, not the index."""


def add_notebook_fields(schema: fields.Schema) -> fields.Schema:
    """The query parser's schema with `is:` and `collection:` (never indexed)."""
    schema.add("is", fields.ID())
    schema.add("collection", fields.ID())
    return schema


class PassageSet(wq.Query):  # type: ignore[misc]
    """Matches the passages of a list of notebook items (a Whoosh leaf query)."""

    def __init__(self, label: str, items: list[NotebookItem]) -> None:
        self.label = label
        self.boost = 1.0
        self.wanted: dict[str, tuple[set[str], list[str], bool]] = {}
        """article id -> (passage fingerprints, normalised quotes, whole article)."""
        for item in items:
            prints, quotes, whole = self.wanted.setdefault(item.article_id, (set(), [], False))
            if item.kind == "article":
                self.wanted[item.article_id] = (prints, quotes, True)
            elif item.kind == "quote":
                quotes.append(normalized(item.text))
            else:
                prints.add(item.fingerprint)

    def __repr__(self) -> str:
        return f"PassageSet({self.label!r})"

    def __unicode__(self) -> str:
        return self.label

    __str__ = __unicode__

    def __eq__(self, other: object) -> bool:
        return isinstance(other, PassageSet) and other.label == self.label and other.wanted == self.wanted

    def __hash__(self) -> int:
        return hash(self.label)

    def is_leaf(self) -> bool:
        return True

    def estimate_size(self, ixreader: Any) -> int:
        return sum(len(p) + len(q) + int(w) for p, q, w in self.wanted.values())

    def matcher(self, searcher: Any, context: Any = None) -> Any:
        reader = searcher.reader()
        found: list[int] = []
        for article_id, (prints, quotes, whole) in self.wanted.items():
            if ("article_id", article_id) not in reader:
                continue
            for docnum in reader.postings("article_id", article_id).all_ids():
                stored = searcher.stored_fields(docnum)
                text = stored.get("text") or ""
                if (whole and stored.get("pkind") == "title") or fingerprint(text) in prints:
                    found.append(docnum)
                elif quotes:
                    words = normalized(text)
                    if any(quote and quote in words for quote in quotes):
                        found.append(docnum)
        return ListMatcher(sorted(found)) if found else NullMatcher()


def resolve_notebook(q: wq.Query, text: str, notebook: NotebookFile) -> wq.Query:
    """Swap the `is:`/`collection:` terms of a parsed query for the passages they name."""
    field = getattr(q, "fieldname", None)
    if field in NOTEBOOK_FIELDS:
        return _passages(q, field, text, notebook)
    if q.is_leaf():
        return q
    return q.apply(lambda child: resolve_notebook(child, text, notebook))


def _passages(q: wq.Query, field: str, text: str, notebook: NotebookFile) -> wq.Query:
    if isinstance(q, wq.Phrase):
        value = " ".join(q.words)
    elif isinstance(q, (wq.Term, wq.Prefix)):
        value = str(q.text)
    else:
        raise QueryError(text, f'{field}: takes one value, e.g. is:starred or collection:"Syria piece"')
    try:
        book = notebook.load()
    except NotebookError as exc:
        raise QueryError(text, f"{field}: needs the notebook, which cannot be read: {exc}") from None
    if field == "is":
        if value.casefold() != "starred":
            raise QueryError(text, f"is:{value} is not known; write is:starred")
        return PassageSet("is:starred", book.starred)
    try:
        items = entries_of(book, value)
    except StoreError as exc:
        starting = [c for c in book.collections if c.name.casefold().startswith(value.casefold())]
        if len(starting) != 1:  # `collection:syria` for "Syria ceasefire piece" when it is the only one
            raise QueryError(text, f"collection:{value}: {exc}") from None
        items = starting[0].items
    return PassageSet(f"collection:{value}", items)
