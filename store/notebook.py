"""The reporter's notebook: starred passages, notes, collections and saved searches.

It lives in `DIR/notebook.yaml`, beside `articles/` and outside the index, so
re-importing, re-extracting or rebuilding the index never touches it. The file is
written atomically, in a stable order, and is meant to be read and edited by hand
(README: "The notebook file"). An item points at a passage by its article id and a
fingerprint of its text (store.passage_ref), so an edited article still finds it.

This module holds the records and the changes made to them; store.notebook_file
reads and writes the file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from store.errors import Problem, StoreError
from store.passage_ref import fingerprint

KINDS = ("passage", "quote", "article")


class NotebookError(StoreError):
    """notebook.yaml cannot be read; `problem` names the file, line and what to fix."""

    def __init__(self, problem: Problem) -> None:
        self.problem = problem
        super().__init__(str(problem))


@dataclass
class NotebookItem:
    """A passage, a quote or a whole article kept in the notebook."""

    article_id: str
    """The article it comes from."""
    kind: str
    """`passage`, `quote` or `article`."""
    text: str
    """The passage, the quote or the headline, as it was when kept."""
    paragraph: int = -1
    """Where it was (-1 the headline, -2 the standfirst); a hint, the fingerprint decides."""
    title: str = ""
    """The article's headline when kept (for lists; the article's own wins when shown)."""
    speaker: str | None = None
    """Who is quoted, for a quote."""
    note: str = ""
    """The reporter's note."""
    added: str = ""
    """When it was kept, ISO 8601 UTC."""
    fingerprint: str = ""
    """Fingerprint of `text` (store.passage_ref.fingerprint); recomputed when empty."""
    extra: dict[str, Any] = field(default_factory=dict)
    """Keys written by hand that newsdesk does not know: kept as they are."""

    def __post_init__(self) -> None:
        if not self.fingerprint:
            self.fingerprint = fingerprint(self.text)

    @property
    def key(self) -> tuple[str, str]:
        """What makes two items the same thing: (article id, fingerprint)."""
        return (self.article_id, self.fingerprint)


@dataclass
class Collection:
    """A named list of items, in the order they were added (or rearranged)."""

    name: str
    items: list[NotebookItem] = field(default_factory=list)


@dataclass
class SavedSearch:
    """A query kept under a name, with what it matched when last opened."""

    name: str
    query: str
    opened: str | None = None
    """When it was last opened, ISO 8601 UTC."""
    seen: int | None = None
    """Passages it matched then (new ones = now minus this)."""


@dataclass
class Notebook:
    """Everything in notebook.yaml."""

    starred: list[NotebookItem] = field(default_factory=list)
    collections: list[Collection] = field(default_factory=list)
    searches: list[SavedSearch] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)

    def collection(self, name: str) -> Collection | None:
        """The collection called `name` (case-insensitive), if there is one."""
        wanted = name.strip().casefold()
        return next((c for c in self.collections if c.name.casefold() == wanted), None)

    def starred_keys(self) -> set[tuple[str, str]]:
        return {item.key for item in self.starred}


def now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def entries_of(notebook: Notebook, collection: str | None) -> list[NotebookItem]:
    """The items of a collection, or the starred items when `collection` is None."""
    if collection is None:
        return notebook.starred
    target = notebook.collection(collection)
    if target is None:
        names = ", ".join(c.name for c in notebook.collections) or "none yet"
        raise StoreError(f"no collection called {collection!r} (collections: {names})")
    return target.items


def reorder(notebook: Notebook, collection: str | None, index: int, delta: int) -> int:
    """Move item `index` up (-1) or down (+1) in its list; its new index."""
    entries = entries_of(notebook, collection)
    target = max(0, min(index + delta, len(entries) - 1))
    if 0 <= index < len(entries) and target != index:
        entries.insert(target, entries.pop(index))
    return target


def remove(notebook: Notebook, collection: str | None, index: int) -> NotebookItem:
    """Take item `index` out of its list (the starred list when `collection` is None)."""
    return entries_of(notebook, collection).pop(index)


def move(notebook: Notebook, collection: str | None, index: int, to: str) -> bool:
    """Move item `index` into the collection `to` (created when new); False if it was there."""
    name = " ".join(to.split())
    if not name:
        raise StoreError("a collection needs a name")
    destination = notebook.collection(name)
    if destination is None:
        destination = Collection(name)
        notebook.collections.append(destination)
    entries = entries_of(notebook, collection)
    item = entries[index]
    if collection is not None:
        entries.pop(index)
    if any(other.key == item.key for other in destination.items):
        return False
    destination.items.append(item)
    return True


def save_search(notebook: Notebook, name: str, query: str) -> SavedSearch:
    """Keep `query` under `name` (replacing a search of that name)."""
    name = " ".join(name.split())
    if not name:
        raise StoreError("a saved search needs a name")
    notebook.searches = [s for s in notebook.searches if s.name.casefold() != name.casefold()]
    saved = SavedSearch(name, query)
    notebook.searches.append(saved)
    return saved


def mark_opened(notebook: Notebook, name: str, matches: int) -> None:
    """Remember that the saved search `name` was opened now and matched `matches` passages."""
    for saved in notebook.searches:
        if saved.name == name:
            saved.opened, saved.seen = now(), matches
