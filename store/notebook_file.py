"""notebook.yaml on disk: reading it (with the line of any problem), writing it
atomically in a stable order, and `NotebookFile`, through which every change goes.

A notebook file that cannot be read is never overwritten: every change is refused
with the file, line and problem until it is fixed, and the file is read again as
soon as it changes on disk.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from store.errors import ArticleFileError, Problem, StoreError
from store.fileio import write_atomic
from store.notebook import (
    KINDS,
    Collection,
    Notebook,
    NotebookError,
    NotebookItem,
    SavedSearch,
    now,
)
from store.passage_ref import fingerprint
from store.yamlio.dump import dump_yaml
from store.yamlio.load import parse_yaml

NOTEBOOK_FILE = "notebook.yaml"
HEADER = (
    "# newsdesk notebook: starred passages, collections and saved searches.\n"
    "# Safe to edit by hand (keep the layout; see the README, 'The notebook file').\n"
)
T = TypeVar("T")

# ---------------------------------------------------------------- reading


def notebook_from_text(text: str, path: Path) -> Notebook:
    """Parse and validate notebook.yaml; raises NotebookError naming line and problem."""
    try:
        document = parse_yaml(text, path)
    except ArticleFileError as exc:
        first = exc.problems[0]
        message = first.message.replace("(fix the file by hand or re-import it)", "(fix the file by hand)")
        raise NotebookError(Problem(path, first.line, message)) from None
    if document is None:
        return Notebook()
    if not isinstance(document, dict):
        raise NotebookError(
            Problem(path, 1, "the notebook must be a mapping with starred:, collections:, searches:")
        )
    lines = text.splitlines()
    notebook = Notebook(
        extra={k: v for k, v in document.items() if k not in ("starred", "collections", "searches")}
    )
    notebook.starred = _items(document.get("starred"), "starred", path, lines)
    raw_collections = _list(document.get("collections"), "collections", path, lines)
    for number, raw in enumerate(raw_collections, 1):
        where = f"collections, entry {number}"
        if not isinstance(raw, dict) or not isinstance(raw.get("name"), str) or not raw["name"].strip():
            raise _bad(path, lines, "- name:", f"{where}: a collection needs a name: and items:", number)
        name = raw["name"].strip()
        if notebook.collection(name) is not None:
            raise _bad(path, lines, name, f"{where}: there are two collections called {name!r}; merge them")
        notebook.collections.append(
            Collection(name, _items(raw.get("items"), f"collection {name!r}", path, lines))
        )
    for number, raw in enumerate(_list(document.get("searches"), "searches", path, lines), 1):
        if (
            not isinstance(raw, dict)
            or not isinstance(raw.get("name"), str)
            or not isinstance(raw.get("query"), str)
        ):
            raise _bad(
                path, lines, "query:", f"searches, entry {number}: needs name: and query: (text)", number
            )
        seen = raw.get("seen")
        if seen is not None and not isinstance(seen, int):
            raise _bad(path, lines, "seen:", f"search {raw['name']!r}: seen: must be a whole number")
        opened = raw.get("opened")
        notebook.searches.append(
            SavedSearch(raw["name"], raw["query"], str(opened) if opened else None, seen)
        )
    return notebook


def _list(value: Any, where: str, path: Path, lines: list[str]) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise _bad(
            path, lines, f"{where.split()[0]}:", f"{where} must be a list (each entry starting with -)"
        )
    return value


def _items(value: Any, where: str, path: Path, lines: list[str]) -> list[NotebookItem]:
    items = []
    for number, raw in enumerate(_list(value, where, path, lines), 1):
        here = f"{where}, item {number}"
        if not isinstance(raw, dict):
            raise _bad(
                path, lines, "article:", f"{here}: an item is a mapping with article:, kind:, text:", number
            )
        article_id, kind, text = raw.get("article"), raw.get("kind", "passage"), raw.get("text")
        if not isinstance(article_id, str) or not article_id:
            raise _bad(path, lines, "article:", f"{here}: article: (the article id) is missing", number)
        if kind not in KINDS:
            raise _bad(path, lines, f"kind: {kind}", f"{here}: kind: must be one of {', '.join(KINDS)}")
        if not isinstance(text, str) or not text.strip():
            raise _bad(path, lines, article_id, f"{here}: text: (the passage kept) is missing")
        paragraph = raw.get("paragraph", -1)
        if not isinstance(paragraph, int) or isinstance(paragraph, bool):
            raise _bad(path, lines, "paragraph:", f"{here}: paragraph: must be a whole number")
        values: dict[str, str | None] = {}
        for key in ("title", "speaker", "note", "added", "fingerprint"):
            got = raw.get(key)
            if got is not None and not isinstance(got, (str, int, float)):
                raise _bad(path, lines, f"{key}:", f"{here}: {key}: must be text")
            values[key] = None if got is None else str(got)
        known = {"article", "kind", "text", "paragraph", "title", "speaker", "note", "added", "fingerprint"}
        items.append(
            NotebookItem(
                article_id=article_id,
                kind=kind,
                text=text,
                paragraph=paragraph,
                title=values["title"] or "",
                speaker=values["speaker"],
                note=values["note"] or "",
                added=values["added"] or "",
                fingerprint=values["fingerprint"] or "",
                extra={k: v for k, v in raw.items() if k not in known},
            )
        )
    return items


def _bad(path: Path, lines: list[str], near: str, message: str, nth: int = 1) -> NotebookError:
    """A NotebookError at the `nth` line containing `near` (the best guess at the line)."""
    found = [number for number, line in enumerate(lines, 1) if near in line]
    line = found[min(nth, len(found)) - 1] if found else None
    return NotebookError(
        Problem(path, line, f"{message} (fix the file by hand; newsdesk will not overwrite it)")
    )


# ---------------------------------------------------------------- writing


def _item_document(item: NotebookItem) -> dict[str, Any]:
    document: dict[str, Any] = {"article": item.article_id, "kind": item.kind, "paragraph": item.paragraph}
    if item.title:
        document["title"] = item.title
    if item.speaker:
        document["speaker"] = item.speaker
    document["text"] = item.text
    if item.note:
        document["note"] = item.note
    document["added"] = item.added
    document["fingerprint"] = item.fingerprint
    document.update(item.extra)
    return document


def notebook_to_text(notebook: Notebook) -> str:
    """The YAML text of the notebook: stable key order, one item per block."""
    document: dict[str, Any] = {
        "starred": [_item_document(item) for item in notebook.starred],
        "collections": [
            {"name": c.name, "items": [_item_document(item) for item in c.items]}
            for c in notebook.collections
        ],
        "searches": [
            {
                k: v
                for k, v in (("name", s.name), ("query", s.query), ("opened", s.opened), ("seen", s.seen))
                if v is not None
            }
            for s in notebook.searches
        ],
    }
    document.update(notebook.extra)
    return HEADER + dump_yaml(document)


class NotebookFile:
    """notebook.yaml in a store, re-read when it changed on disk (a hand edit).

    Every change goes through `change`: the file is read again if it changed, the
    change applied, and the whole file written atomically. Safe from any thread."""

    def __init__(self, data_dir: Path) -> None:
        self.path = data_dir / NOTEBOOK_FILE
        self._lock = threading.RLock()
        self._stamp: object = ()
        self._notebook: Notebook | None = None
        self._error: NotebookError | None = None
        self.version = 0
        """Goes up whenever the notebook changed (here or on disk): lists re-mark their stars."""

    def _file_stamp(self) -> object:
        try:
            stat = self.path.stat()
        except FileNotFoundError:
            return None
        return (stat.st_mtime_ns, stat.st_size, stat.st_ino)

    def load(self) -> Notebook:
        """The notebook as on disk now; raises NotebookError when the file cannot be read."""
        with self._lock:
            stamp = self._file_stamp()
            if stamp != self._stamp:
                self._stamp = stamp
                self.version += 1
                self._notebook, self._error = None, None
                try:
                    text = self.path.read_text(encoding="utf-8") if stamp is not None else ""
                    self._notebook = notebook_from_text(text, self.path)
                except UnicodeDecodeError:
                    self._error = NotebookError(Problem(self.path, None, "not UTF-8 text; save it as UTF-8"))
                except OSError as exc:
                    self._error = NotebookError(Problem(self.path, None, f"cannot read: {exc.strerror}"))
                except NotebookError as exc:
                    self._error = exc
            if self._error is not None:
                raise self._error
            assert self._notebook is not None
            return self._notebook

    def error(self) -> NotebookError | None:
        """The problem that keeps the notebook from being read, if there is one."""
        try:
            self.load()
        except NotebookError as exc:
            return exc
        return None

    def change(self, edit: Callable[[Notebook], T]) -> T:
        """Apply `edit` to the notebook and write it; refused while the file is broken."""
        with self._lock:
            notebook = self.load()
            result = edit(notebook)
            write_atomic(self.path, notebook_to_text(notebook))
            self._stamp = self._file_stamp()
            self.version += 1
            return result

    # -- the operations the TUI and the CLI use --------------------------------------

    def is_starred(self, article_id: str, text: str) -> bool:
        try:
            keys = self.load().starred_keys()
        except NotebookError:
            return False
        return (article_id, fingerprint(text)) in keys

    def toggle_star(self, item: NotebookItem) -> bool:
        """Star the item, or unstar it when it is starred; True when it is starred now."""

        def edit(notebook: Notebook) -> bool:
            kept = [other for other in notebook.starred if other.key != item.key]
            if len(kept) != len(notebook.starred):
                notebook.starred = kept
                return False
            item.added = item.added or now()
            notebook.starred.append(item)
            return True

        return self.change(edit)

    def note_of(self, item: NotebookItem) -> str:
        found = next((other for other in self.load().starred if other.key == item.key), None)
        return found.note if found else ""

    def set_note(self, item: NotebookItem, note: str, collection: str | None = None) -> None:
        """Set the note of the item in one collection, or (`collection` None, the main
        screen's `a`) on the passage wherever it is kept: starred (starring it when it was
        not) and in every collection holding it."""

        def edit(notebook: Notebook) -> None:
            if collection is not None:
                target = notebook.collection(collection)
                entries = target.items if target else []
            else:
                entries = notebook.starred
            found = next((other for other in entries if other.key == item.key), None)
            if found is None:
                if collection is not None:
                    raise StoreError(f"the item is no longer in {collection!r}")
                item.added = item.added or now()
                notebook.starred.append(item)
                found = item
            found.note = note.strip()
            if collection is None:
                for other in (
                    other for c in notebook.collections for other in c.items if other.key == item.key
                ):
                    other.note = found.note

        self.change(edit)

    def add_to(self, name: str, item: NotebookItem) -> bool:
        """Add the item to the collection `name` (created when new); False if already there."""
        name = " ".join(name.split())
        if not name:
            raise StoreError("a collection needs a name")

        def edit(notebook: Notebook) -> bool:
            target = notebook.collection(name)
            if target is None:
                target = Collection(name)
                notebook.collections.append(target)
            if any(other.key == item.key for other in target.items):
                return False
            starred = next((other for other in notebook.starred if other.key == item.key), None)
            item.note = item.note or (starred.note if starred else "")
            item.added = now()
            target.items.append(item)
            return True

        return self.change(edit)


def check_notebook_files(data_dir: Path) -> list[Problem]:
    """Problems in the notebook's files (notebook.yaml, history.yaml, the citation
    template in config.yaml), for `newsdesk check`."""
    from store.citation import CitationError, load_style
    from store.history import SearchHistory

    problems: list[Problem] = []
    error = NotebookFile(data_dir).error()
    if error is not None:
        problems.append(error.problem)
    history = SearchHistory(data_dir)
    if history.problem is not None:
        problems.append(history.problem)
    try:
        load_style(data_dir)
    except CitationError as exc:
        problems.append(Problem(data_dir / "config.yaml", None, str(exc).split(": ", 1)[-1]))
    return problems
