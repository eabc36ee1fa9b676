"""Co-mentions: who else is named where an entity is named — or, for a search, which
entities its results name more often than the corpus does.

`enter` lists the passages naming both (a jump list, both names highlighted); for a
search it narrows the search to the passages naming that entity. `r` switches the
ranking between raw count and association (log-likelihood G², at least three
together), `b` counts shared articles instead of passages, `f` keeps one type.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from rich.text import Text
from textual import on
from textual.binding import Binding
from textual.widgets import DataTable, Static

from store.views import CoMentions, Overrepresented
from tui.passage_text import inert
from tui.screens.view_screen import ViewChoice, ViewScreen, cell, number

TYPE_FILTERS = (None, "PERSON", "ORG", "GPE")
TYPE_NAMES = {None: "all types", "PERSON": "people", "ORG": "organisations", "GPE": "places"}
ASSOCIATION_NOTE = (
    "score: log-likelihood G² — how much more often than chance the two are named together "
    "(negative: less); expected: the count if they were independent."
)


class CoMentionsScreen(ViewScreen):
    """The co-mentions of an entity, or the over-represented entities of a search."""

    BINDINGS = [
        Binding(
            "enter", "choose", "Passages", priority=True, tooltip="The passages naming both, both highlighted"
        ),
        Binding("r", "toggle_rank", "Rank", tooltip="Rank by count, or by association (G²)"),
        Binding("b", "toggle_by", "Passages/articles", tooltip="Count shared passages or shared articles"),
        Binding("f", "cycle_type", "Type", tooltip="Only people, organisations or places; or all"),
    ]

    def load(self) -> Any:
        request = self.request
        if request.kind == "overrepresented":
            return self.corpus.overrepresented(request.query, limit=200)
        return self.corpus.cooccur(
            request.name,
            type=request.entity_type,
            by=request.by,
            rank=request.rank,
            partner_type=request.partner_type,
            limit=200,
        )

    def fill(self, found: Any) -> None:
        table = self.table
        if isinstance(found, Overrepresented):
            self._fill_search(found)
            return
        assert isinstance(found, CoMentions)
        unit = found.by + ("s" if found.total != 1 else "")
        ranking = (
            "count" if found.rank == "count" else f"association (G², at least {found.min_count} together)"
        )
        self.set_texts(
            f"Named with {found.entity.name}",
            f"named in {found.total:,} {unit} of {found.universe:,} · {found.distinct:,} entities with it · "
            f"ranked by {ranking} · {TYPE_NAMES[self.request.partner_type]}",
            ASSOCIATION_NOTE,
        )
        together = "articles" if found.by == "article" else "passages"
        table.add_column("entity", width=30)
        table.add_column("type", width=7)
        table.add_column(together, width=9)
        table.add_column("expected", width=9)
        table.add_column("score", width=8)
        for entry in found.cooccurring:
            table.add_row(
                cell(entry.name), cell(entry.type), number(entry.count), number(entry.expected, 1),
                number(entry.score, 1),
            )  # fmt: skip
        if not found.cooccurring:
            self.query_one("#view-side", Static).update("No entity is named with it here.")

    def _fill_search(self, found: Overrepresented) -> None:
        self.set_texts(
            f"Over-represented in {found.query!r}",
            f"{found.matches:,} passages of {found.universe:,} match · entities named there more often than "
            f"in the corpus (at least {found.min_count} times)",
            ASSOCIATION_NOTE.replace("the two are named together", "it is named in these results")
            + " enter: narrow the search to it.",
        )
        table = self.table
        table.add_column("entity", width=30)
        table.add_column("type", width=7)
        table.add_column("in results", width=10)
        table.add_column("in corpus", width=9)
        table.add_column("score", width=8)
        for entry in found.entities:
            table.add_row(
                cell(entry.name), cell(entry.type), number(entry.count), number(entry.corpus),
                number(entry.score, 1),
            )  # fmt: skip
        side = "" if found.entities else "No entity stands out in these results."
        self.query_one("#view-side", Static).update(side)

    @on(DataTable.RowHighlighted)
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        entries = self._entries()
        if not 0 <= event.cursor_row < len(entries):
            return
        entry = entries[event.cursor_row]
        found = self.found
        side = Text()
        side.append(inert(entry.name), style="bold")
        side.append(f" ({entry.type})\n")
        if isinstance(found, CoMentions):
            unit = "articles" if found.by == "article" else "passages"
            side.append(f"named with {inert(found.entity.name)} in {entry.count:,} {unit}\n")
            side.append(f"named in {entry.corpus:,} {unit} in all\n")
            side.append(f"{entry.expected:,.1f} expected if independent\n")
            hint = "enter: the passages naming both"
        else:
            side.append(f"in {entry.count:,} of these {found.matches:,} passages\n")
            side.append(f"in {entry.corpus:,} of all {found.universe:,}\n")
            side.append(f"{entry.expected:,.1f} expected in results this size\n")
            hint = "enter: narrow the search to it"
        verdict = "more often than chance" if entry.score > 0 else "no more often than chance"
        side.append(f"G² {entry.score:,.1f}: {verdict}\n")
        side.append(hint, style="italic")
        self.query_one("#view-side", Static).update(side)

    def _entries(self) -> list[Any]:
        if isinstance(self.found, Overrepresented):
            return list(self.found.entities)
        if isinstance(self.found, CoMentions):
            return list(self.found.cooccurring)
        return []

    def action_choose(self) -> None:
        entries = self._entries()
        row = self.table.cursor_row
        if not 0 <= row < len(entries):
            return
        entry = entries[row]
        if self.request.kind == "overrepresented":
            query = f'{self.request.query} entity:"{entry.name}"'
            self.dismiss(ViewChoice("search", self.here(), entry.name, entry.type, query))
        else:
            self.dismiss(ViewChoice("pair", self.here(), entry.name, entry.type))

    def _switch(self, **changes: Any) -> None:
        if self.request.kind == "overrepresented":
            self.notify("For a search, entities are ranked by association only.", timeout=3)
            return
        self.request = replace(self.request, cursor=0, **changes)
        self.reload()

    def action_toggle_rank(self) -> None:
        self._switch(rank="association" if self.request.rank == "count" else "count")

    def action_toggle_by(self) -> None:
        self._switch(by="article" if self.request.by == "passage" else "passage")

    def action_cycle_type(self) -> None:
        at = TYPE_FILTERS.index(self.request.partner_type) if self.request.partner_type in TYPE_FILTERS else 0
        self._switch(partner_type=TYPE_FILTERS[(at + 1) % len(TYPE_FILTERS)])
