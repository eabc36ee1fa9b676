"""The notebook view (`b`): saved searches, starred items and collections, with notes.

Items are listed in their order in notebook.yaml (the order added, unless moved).
`enter` opens an item's passage in its article (found again by its fingerprint,
store.passage_ref) or runs a saved search; `J`/`K` move an item down or up, `m`
moves it to another collection, `d` removes it, `a` edits its note and `x` exports
the collection. Where each item now is in its article, and how many passages each
saved search matches, is worked out in a thread after the list is shown.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, OptionList
from textual.widgets.option_list import Option

from store.errors import StoreError
from store.listing import collection_listing, search_listing
from store.notebook import Notebook, NotebookItem, entries_of, move, remove, reorder
from store.numbering import place
from store.passage_ref import Located, locate
from tui.passage_text import inert
from tui.results_text import count
from tui.screens.text_screen import TextScreen
from tui.widgets.stopping_list import StoppingOptionList

if TYPE_CHECKING:
    from store.corpus import Corpus
    from tui.notebook_actions import NotebookActions

STARRED = "Starred"


@dataclass(frozen=True)
class _Row:
    kind: str
    """`search`, `item` or `collection` (a collection's heading)."""
    collection: str | None = None
    """The item's collection; None for the starred list."""
    position: int = 0
    """The item's (or saved search's) place in its list."""


class NotebookScreen(Screen[None]):
    """Everything kept in the notebook, in one list."""

    BINDINGS = [
        Binding("escape,b", "close", "Close", tooltip="Back to the main screen"),
        Binding("enter", "open", "Open", tooltip="Open the passage in its article, or run the saved search"),
        Binding("a", "note", "Note", tooltip="Edit the item's note"),
        Binding("K", "reorder(-1)", "Move up", tooltip="Move the item up in its list"),
        Binding("J", "reorder(1)", "Move down", tooltip="Move the item down in its list"),
        Binding(
            "m", "move", "Move to…", tooltip="Move the item to another collection (a new name makes one)"
        ),
        Binding(
            "d,delete", "remove", "Remove", tooltip="Take the item (or saved search) out of the notebook"
        ),
        Binding("x", "export", "Export", tooltip="Export the collection under the cursor"),
        Binding("j", "cursor(1)", "Down", show=False),
        Binding("k", "cursor(-1)", "Up", show=False),
    ]

    @dataclass
    class _Checked(Message):
        located: dict[tuple[str | None, int], Located]
        counts: dict[str, int]

    def __init__(self, corpus: Corpus, main: NotebookActions) -> None:
        super().__init__()
        self.corpus = corpus
        self.main = main
        self.rows: dict[int, _Row] = {}
        self.notebook: Notebook | None = None
        self.located: dict[tuple[str | None, int], Located] = {}
        self.counts: dict[str, int] = {}

    def compose(self) -> ComposeResult:
        yield StoppingOptionList(id="notebook-list")
        yield Footer()

    @property
    def items_list(self) -> OptionList:
        return self.query_one("#notebook-list", OptionList)

    def on_mount(self) -> None:
        self.items_list.border_title = "Notebook"
        self.items_list.border_subtitle = str(self.corpus.notebook.path)
        self.reload()
        self.items_list.focus()

    def reload(self) -> None:
        """Read the notebook again and redraw, the cursor kept; then check where items are."""
        try:
            self.notebook = self.corpus.notebook.load()
        except StoreError as error:
            self.notebook = None
            self.items_list.clear_options()
            self.items_list.add_option(
                Option(Text(f"{error}\n\nFix the file by hand; nothing in it was changed."), disabled=True)
            )
            return
        self._draw()
        self._check(self.notebook)

    @work(thread=True, exclusive=True, group="notebook-check")
    def _check(self, notebook: Notebook) -> None:
        located: dict[tuple[str | None, int], Located] = {}
        articles: dict[str, Any] = {}
        lists = [(None, notebook.starred)] + [(c.name, c.items) for c in notebook.collections]
        for name, items in lists:
            for position, item in enumerate(items):
                if item.article_id not in articles:
                    try:
                        articles[item.article_id] = self.corpus.load_article(item.article_id)
                    except StoreError:
                        articles[item.article_id] = None
                article = articles[item.article_id]
                found = (
                    locate(article, item.text, item.paragraph, item.kind)
                    if article
                    else Located("gone", None)
                )
                located[(name, position)] = found
        counts: dict[str, int] = {}
        for saved in notebook.searches:
            try:
                counts[saved.name] = search_listing(self.corpus, saved.query).total
            except StoreError:
                counts[saved.name] = -1
        self.post_message(self._Checked(located, counts))

    def _on_notebook_screen__checked(self, message: _Checked) -> None:
        self.located, self.counts = message.located, message.counts
        self._draw()

    def _draw(self) -> None:
        notebook = self.notebook
        if notebook is None:
            return
        keep = self.items_list.highlighted
        self.items_list.clear_options()
        self.rows = {}
        add = self.items_list.add_option
        add(Option(Text(f"Saved searches ({len(notebook.searches)})", style="bold"), disabled=True))
        for position, saved in enumerate(notebook.searches):
            line = Text(inert(saved.name), style="bold", end="")
            line.append(f" — {inert(saved.query)}")
            line.append(_news(self.counts.get(saved.name), saved.seen), style="italic")
            self.rows[self.items_list.option_count] = _Row("search", None, position)
            add(Option(line))
        if not notebook.searches:
            add(
                Option(
                    Text("  none yet — ctrl+s in the main screen saves the current query", style="dim"),
                    disabled=True,
                )
            )
        lists = [(None, STARRED, notebook.starred)] + [
            (c.name, c.name, c.items) for c in notebook.collections
        ]
        for name, title, items in lists:
            heading = Text("\n" + ("★ " if name is None else "▤ ") + inert(title), style="bold", end="")
            heading.append(f" ({len(items)})")
            self.rows[self.items_list.option_count] = _Row("collection", name, -1)
            add(Option(heading))
            for position, item in enumerate(items):
                self.rows[self.items_list.option_count] = _Row("item", name, position)
                add(Option(self._item_text(item, self.located.get((name, position)))))
            if not items:
                add(
                    Option(
                        Text("  empty — * stars, + collects" if name is None else "  empty", style="dim"),
                        disabled=True,
                    )
                )
        if keep is not None and keep < self.items_list.option_count:
            self.items_list.highlighted = keep
        elif self.rows:
            self.items_list.highlighted = min(self.rows)

    def _item_text(self, item: NotebookItem, found: Located | None) -> Text:
        text = Text(end="")
        body = f"“{item.text}”" if item.kind == "quote" else item.text
        text.append(inert(" ".join(body.split())), style="italic" if item.kind == "quote" else "")
        where = (
            "article"
            if item.kind == "article"
            else place(found.paragraph if found and found.paragraph is not None else item.paragraph)
        )
        meta = " · ".join(
            part for part in (f"— {item.speaker}" if item.speaker else "", item.title, where) if part
        )
        text.append("\n  " + inert(meta), style="dim")
        if found is not None and found.status != "found":
            text.append(f"  ({found.message})", style="bold")
        if item.note:
            text.append("\n  ✎ " + inert(" ".join(item.note.split())), style="bold")
        return text

    # -- actions ---------------------------------------------------------------

    def _row(self) -> _Row | None:
        highlighted = self.items_list.highlighted
        return None if highlighted is None else self.rows.get(highlighted)

    def _item(self) -> tuple[_Row, NotebookItem] | None:
        row = self._row()
        if row is None or row.kind != "item" or self.notebook is None:
            self.notify("Put the cursor on a starred or collected item.", timeout=3)
            return None
        try:
            entries = entries_of(self.notebook, row.collection)
        except StoreError:
            return None
        return (row, entries[row.position]) if row.position < len(entries) else None

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_open()

    def action_open(self) -> None:
        row = self._row()
        if row is None or self.notebook is None:
            return
        if row.kind == "search":
            saved = self.notebook.searches[row.position]
            self.app.pop_screen()
            self.main.run_saved_search(saved.name, saved.query)  # type: ignore[attr-defined]
            return
        found = self._item()
        if found is None:
            return
        row, item = found
        located = self.located.get((row.collection, row.position))
        paragraph = item.paragraph if located is None or located.paragraph is None else located.paragraph
        if located is not None and located.status != "found":
            self.notify(located.message[:1].upper() + located.message[1:] + ".", timeout=5)
        self.app.pop_screen()
        self.main.open_passage(item.article_id, paragraph)  # type: ignore[attr-defined]

    def action_close(self) -> None:
        self.app.pop_screen()

    def action_cursor(self, delta: int) -> None:
        if delta > 0:
            self.items_list.action_cursor_down()
        else:
            self.items_list.action_cursor_up()

    def _change(self, change: Any, done: Any) -> None:
        self.main.change_notebook(change, done)  # type: ignore[attr-defined]

    def action_reorder(self, delta: int) -> None:
        found = self._item()
        if found is None:
            return
        row, _ = found
        target = max(0, row.position + delta)
        self.items_list.highlighted = (self.items_list.highlighted or 0) + (
            target - row.position if target != row.position else 0
        )
        name = row.collection
        self._change(
            lambda: self.corpus.notebook.change(lambda nb: reorder(nb, name, row.position, delta)), "Moved"
        )

    def action_move(self) -> None:
        found = self._item()
        if found is None or self.notebook is None:
            return
        row, _ = found
        names = [c.name for c in self.notebook.collections if c.name != row.collection]

        def moved(to: str | None) -> None:
            if to and to.strip():

                def change() -> bool:
                    return self.corpus.notebook.change(lambda nb: move(nb, row.collection, row.position, to))

                self._change(
                    change, lambda ok: f"Moved to {to.strip()!r}" if ok else f"Already in {to.strip()!r}"
                )

        title = "Copy to collection" if row.collection is None else "Move to collection"
        self.app.push_screen(
            TextScreen(title, hint="A new name creates the collection.", choices=names), moved
        )

    def action_remove(self) -> None:
        row = self._row()
        if row is not None and row.kind == "search":
            position = row.position
            self._change(
                lambda: self.corpus.notebook.change(lambda nb: nb.searches.pop(position)),
                "Saved search removed",
            )
            return
        found = self._item()
        if found is not None:
            row, _ = found
            self._change(
                lambda: self.corpus.notebook.change(lambda nb: remove(nb, row.collection, row.position)),
                "Removed",
            )

    def action_note(self) -> None:
        found = self._item()
        if found is None:
            return
        row, item = found

        def save(text: str | None) -> None:
            if text is not None:
                self._change(lambda: self.corpus.notebook.set_note(item, text, row.collection), "Note saved")

        self.app.push_screen(
            TextScreen("Note", item.note, multiline=True, hint=" ".join(item.text.split())[:160]), save
        )

    def action_export(self) -> None:
        row = self._row()
        if row is None or row.kind == "search":
            self.notify("Put the cursor on a collection or one of its items.", timeout=3)
            return
        name = row.collection
        corpus, notebook = self.corpus, self.corpus.notebook
        self.main.ask_export(lambda: collection_listing(corpus, notebook, name), name or STARRED)  # type: ignore[attr-defined]


def _news(now: int | None, seen: int | None) -> str:
    if now is None:
        return ""
    if now < 0:
        return " · cannot be run"
    if seen is None:
        return f" · {count(now, 'passage')}"
    new = now - seen
    return f" · {count(now, 'passage')}, " + (f"{new:,} new since last opened" if new > 0 else "none new")
