"""The main screen's side of the views: which view a key opens from where the reader
is, what a choice in a view lists, and the timeline above the results.

Kept apart from tui.screens.main_screen, which only binds the keys and forwards.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from textual.binding import Binding

from tui.navigation import ListSource, ViewRequest
from tui.screens.cooccur_screen import CoMentionsScreen
from tui.screens.speakers_screen import SpeakersScreen
from tui.screens.view_screen import ViewChoice, ViewScreen
from tui.widgets.timeline_bar import TimelineBar

if TYPE_CHECKING:
    from tui.screens.main_screen import MainScreen

VIEW_BINDINGS = [
    Binding(
        "w",
        "view('cooccur')",
        "Named with",
        show=False,
        tooltip="Who else is named with this entity; for a search, what its results over-represent",
    ),
    Binding(
        "S",
        "view('speakers')",
        "Speakers",
        show=False,
        tooltip="Who is quoted, how often and when: in this search, this entity's articles or the corpus",
    ),
    Binding(
        "t",
        "timeline",
        "Timeline",
        show=False,
        tooltip="Show or hide the timeline of the list; enter on a period narrows the list to it",
    ),
    Binding("X", "clear_dates", "Clear dates", show=False, tooltip="Take the date: filter out of the search"),
]
"""The main screen's keys for the views (bound there, listed in the help)."""

DATE_CLAUSE = re.compile(r"\s*(?<![\w.])date:(?:\[[^\]]*\]|[^\s()]+)")


def without_dates(query: str) -> str:
    """The query with its `date:` clauses taken out."""
    return DATE_CLAUSE.sub("", query).strip()


def _quoted(name: str) -> str:
    return '"' + name.replace('"', "") + '"'


def list_query(source: ListSource) -> str:
    """The search that finds what a list holds: a jump is `entity:"John Kerry"`, a
    speaker's quotes `speaker:"John Kerry"`, two entities' passages both names."""
    if source.kind == "mentions":
        return f"entity:{_quoted(source.query)}"
    if source.kind == "pair":
        return f"entity:{_quoted(source.query)} entity:{_quoted(source.other)}"
    if source.kind == "quotes":
        return f"speaker:{_quoted(source.query)}"
    return source.query


class ViewsControl:
    """Opens views for the main screen and follows the list with the timeline."""

    def __init__(self, screen: MainScreen) -> None:
        self.screen = screen

    @property
    def timeline(self) -> TimelineBar:
        return self.screen.query_one(TimelineBar)

    # -- where the reader is ----------------------------------------------------

    def show_list(self, source: ListSource) -> None:
        """List a jump, a pair or quotes, the search box showing the search that finds the
        same passages (`entity:"John Kerry"`), never the last search's text."""
        main = self.screen
        main.search_box.set_query(list_query(source))
        main.search_box.show_searching()
        main.results.show(source)

    def context_entity(self) -> tuple[str, str | None] | None:
        """The entity the reader is on: the entities pane's row, the article's selected
        name, or the entity the list is about."""
        screen = self.screen
        focused = screen.focused
        if focused is screen.entities:
            row = screen.entities.highlighted_row
            if row is not None and row.name:
                return row.name, row.entity_type if row.kind == "entity" else None
        if focused is screen.article:
            entity = screen.article.selected_entity
            if entity is not None:
                return entity.name, entity.type
        source = screen.results.source
        if source is not None and source.kind in ("mentions", "pair", "quotes") and source.query:
            return source.query, source.entity_type
        return None

    def _search_query(self) -> str:
        source = self.screen.results.source
        if source is not None and source.kind == "search":
            return source.query.strip()
        return ""

    # -- opening views -------------------------------------------------------------

    def open(self, kind: str) -> None:
        entity = self.context_entity()
        query = self._search_query()
        if kind == "cooccur":
            if entity is not None:
                self.show(ViewRequest("cooccur", entity[0], entity[1]))
            elif query:
                self.show(ViewRequest("overrepresented", query=query))
            else:
                self.screen.notify(
                    "Put the cursor on a name (or search) first: w shows who is named with it.", timeout=4
                )
        elif entity is not None and self.screen.focused in (self.screen.entities, self.screen.article):
            self.show(ViewRequest("speakers", entity[0], entity[1]))
        elif query:
            self.show(ViewRequest("speakers", query=query))
        elif entity is not None:
            self.show(ViewRequest("speakers", entity[0], entity[1]))
        else:
            self.show(ViewRequest("speakers"))

    def show(self, request: ViewRequest) -> None:
        screen: ViewScreen
        corpus = self.screen.corpus
        screen = (
            SpeakersScreen(corpus, request)
            if request.kind == "speakers"
            else CoMentionsScreen(corpus, request)
        )
        self.screen.app.push_screen(screen, self._chosen)

    def _chosen(self, choice: ViewChoice | None) -> None:
        if choice is None:
            return
        main = self.screen
        main.history.push(replace(main._snapshot(), view=choice.request))
        request = choice.request
        if choice.kind == "pair":
            source = ListSource(
                "pair", request.name, entity_type=request.entity_type, other=choice.name,
                other_type=choice.entity_type,
            )  # fmt: skip
            self.show_list(source)
        elif choice.kind == "quotes":
            self.show_list(ListSource("quotes", choice.name))
        else:
            main.search_box.set_query(choice.query)
            main.search_box.show_searching()
            main.results.show(ListSource("search", choice.query, main.sort))
        main.article.clear()
        main.set_focus(main.results)

    # -- the timeline ---------------------------------------------------------------

    def toggle_timeline(self) -> None:
        bar = self.timeline
        if bar.has_class("-shown"):
            bar.remove_class("-shown")
            self.screen.set_focus(self.screen.results)
            return
        bar.add_class("-shown")
        source = self.screen.results.source or ListSource("search", self.screen.search_box.value.strip())
        if source != bar.source or bar.timeline is None:
            bar.show_for(source)
        self.screen.set_focus(bar)

    def list_loaded(self, source: ListSource) -> None:
        bar = self.timeline
        if bar.has_class("-shown") and source != bar.source:
            bar.show_for(source)

    def narrow(self, message: TimelineBar.Narrowed) -> None:
        source = message.source
        base = list_query(source) if source.kind != "search" else without_dates(source.query)
        self.screen.search_for(f"{base} {message.bucket.clause}".strip())

    def clear_dates(self) -> None:
        query = self.screen.search_box.value
        cleaned = without_dates(query)
        if cleaned == query.strip():
            self.screen.notify("No date: filter in the search to clear.", timeout=2)
            return
        self.screen.search_for(cleaned)
