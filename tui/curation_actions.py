"""Curating entities and checking speakers from the main screen.

`CurationActions` is mixed into MainScreen, whose BINDINGS include CURATION_BINDINGS:
`c` opens the curation dialog (tui/screens/curate_screen.py) on the entity under the
cursor, `u` undoes the last curation, `C` opens the "Check speakers" view
(tui/screens/speaker_review_screen.py). After a change the panes are read again, so
the jump, the article and the facets show it at once.
"""

from __future__ import annotations

from textual import work
from textual.binding import Binding

from store.curation_edit import CurationChange
from store.errors import StoreError
from tui.messages import CurationFinished
from tui.navigation import ArticleTarget, ListSource
from tui.screen_parts import MainScreenParts
from tui.screens.curate_screen import CurateScreen
from tui.screens.speaker_review_screen import SpeakerReviewScreen

CURATION_BINDINGS = [
    Binding("c", "curate", "Curate", show=False, tooltip="Rename, retype, merge, split or drop a name"),
    Binding("u", "undo_curation", "Undo", show=False, tooltip="Take back the last curation action"),
    Binding("C", "check_speakers", "Check speakers", show=False, tooltip="Review doubtful speakers"),
]


class CurationActions(MainScreenParts):
    """Actions of the main screen that curate entities and speakers (see the module docstring).

    MainScreen derives from it; what it uses of MainScreen is declared in tui/screen_parts.py."""

    def action_check_speakers(self) -> None:
        self.app.push_screen(SpeakerReviewScreen(self.corpus), self._reviewed)

    def _reviewed(self, target: ArticleTarget | None) -> None:
        if self.results.source is not None:  # speakers may have changed
            self.results.show(self.results.source, cursor=self.results.entry_index, reload=True)
        if target is not None:
            self.history.push(self._snapshot())
            self.article.open(target)
            self._focus(self.article)
        elif self.article.article is not None:
            self.article.reload()

    # -- curation (tui/screens/curate_screen.py) ---------------------------------

    def action_curate(self) -> None:
        entity = self.current_entity()
        if entity is None:
            self.notify("Put the cursor on a name (article, entities or a jump list) first.", timeout=3)
            return
        self.app.push_screen(CurateScreen(self.corpus, *entity), self._curated)

    def _curated(self, change: CurationChange | None) -> None:
        self.post_message(CurationFinished(change))

    def current_entity(self) -> tuple[str, str | None] | None:
        """The entity under the cursor of the focused pane, else the one the results list."""
        row = self.entities.highlighted_row if self.focused is self.entities else None
        if row is not None and row.kind == "entity" and row.name:
            return (row.name, row.entity_type)
        selected = self.article.selected_entity if self.focused is self.article else None
        if selected is not None:
            return (selected.name, selected.type)
        source = self.results.source
        return (source.query, source.entity_type) if source and source.kind == "mentions" else None

    @work(thread=True, exclusive=True, group="curate")
    def action_undo_curation(self) -> None:
        try:
            self.post_message(CurationFinished(self.corpus.curate("undo")))
        except StoreError as error:
            self.post_message(CurationFinished(None, str(error)))

    def on_curation_finished(self, message: CurationFinished) -> None:
        change = message.change
        if change is None:
            if message.error:
                self.notify(message.error, title="Curation", severity="warning", markup=False, timeout=4)
            return
        self.notify(f"{change.summary}." + ("" if change.action == "undo" else " u undoes it."), markup=False)
        for problem in change.problems:
            self.notify(str(problem), title="aliases.yaml", severity="warning", markup=False)
        source = self.results.source
        if source is not None and source.kind != "search":  # the name may now have another type
            source = ListSource(source.kind, source.query)
        if source is not None:
            self.results.show(source, cursor=self.results.entry_index, reload=True)
        if self.article.article is not None:
            self.article.reload()
        else:
            self.entities.show_facets(self.search_box.value)
