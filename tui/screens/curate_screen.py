"""The curation dialog (`c` on an entity): rename, retype, merge, split, drop.

It names the entity and what it groups ("John Kerry — 11 passages in 3 articles ·
also Kerry"), offers one key per action, asks what the action needs (a name, a
type, the entity to merge into, the alias to split off) and runs it in a worker.
It closes with what was done, for the main screen to refresh the panes; `u` on
the main screen takes it back.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Static

from store.curation_edit import CurationChange
from store.errors import StoreError
from store.hits import EntitySummary, MentionsPage
from store.models import ENTITY_TYPES
from tui.passage_text import inert
from tui.results_text import count
from tui.screens.picker_screen import Choice, PickerScreen
from tui.screens.prompt_screen import PromptScreen

if TYPE_CHECKING:
    from store.corpus import Corpus

TYPE_HELP = {
    "PERSON": "a person",
    "ORG": "an organisation: company, party, club, agency",
    "GPE": "a country, state or city",
    "LOC": "a region or natural feature",
    "NORP": "a nationality, religious or political group",
    "FAC": "a building, airport, road, bridge",
    "EVENT": "a named event",
    "PRODUCT": "a product",
    "WORK_OF_ART": "a book, film, song",
    "LAW": "a law or treaty",
    "AWARD": "a prize, medal or trophy",
}


def grouping_line(page: MentionsPage) -> str:
    """ "John Kerry — 11 passages in 3 articles · also Kerry, Secretary Kerry"."""
    line = f"{page.entity.name} — {count(page.total, 'passage')} in {count(page.articles, 'article')}"
    if page.entity.aliases:
        line += " · also " + ", ".join(page.entity.aliases)
    if page.could_be():
        line += " · could also be " + ", ".join(f"{n} ({c:,})" for n, c in page.could_be())
    return line


def entity_choices(corpus: Corpus, exclude: str | None = None) -> list[Choice]:
    """The corpus's entities as choices, most mentioned first."""
    return [_choice(e) for e in corpus.entities() if e.name != exclude]


def _choice(entity: EntitySummary) -> Choice:
    detail = f"{entity.type} · {entity.mentions:,} mentions in {count(entity.articles, 'article')}"
    return Choice(entity.name, entity.name, detail)


class CurateScreen(ModalScreen[CurationChange | None]):
    """What to do with one entity; closes with the change made (None: nothing)."""

    BINDINGS = [
        Binding("r", "rename", "Rename", tooltip="Rename it; the old name stays an alias"),
        Binding("t", "retype", "Retype", tooltip="Retype it: person, organisation, place…"),
        Binding("m", "merge", "Merge", tooltip="Merge it into another entity (fuzzy search)"),
        Binding("s", "split", "Split", tooltip="Split an alias off, into an entity of its own"),
        Binding("d", "drop", "Drop", tooltip="Drop it: not an entity, left out everywhere"),
        Binding("escape,q", "cancel", "Close", tooltip="Close without a change"),
    ]

    @dataclass
    class _Described(Message):
        page: MentionsPage | None
        error: str | None

    @dataclass
    class _Done(Message):
        change: CurationChange | None
        error: str | None

    def __init__(self, corpus: Corpus, name: str, entity_type: str | None = None) -> None:
        super().__init__()
        self.corpus = corpus
        self.entity_name = name
        self.entity_type = entity_type
        self.page: MentionsPage | None = None
        self._busy = False

    def compose(self) -> ComposeResult:
        with Vertical(id="curate") as dialog:
            dialog.border_title = f"Curate {inert(self.entity_name)}"
            dialog.border_subtitle = "saved in aliases.yaml · u on the main screen undoes"
            yield Static(Text(inert(self.entity_name)), id="curate-what")
            lines = Text()
            for binding in self.BINDINGS:
                if isinstance(binding, Binding) and binding.action != "cancel":
                    lines.append(f" {binding.key} ", style="bold reverse")
                    lines.append(f" {binding.tooltip}\n")
            lines.append(" esc ", style="bold reverse")
            lines.append(" Close")
            yield Static(lines, id="curate-keys")

    def on_mount(self) -> None:
        self._describe()

    @work(thread=True, exclusive=True, group="curate")
    def _describe(self) -> None:
        try:
            page = self.corpus.mentions(self.entity_name, type=self.entity_type, limit=0)
        except StoreError as error:
            self.post_message(self._Described(None, str(error)))
            return
        self.post_message(self._Described(page, None))

    def _on_curate_screen__described(self, message: _Described) -> None:
        if message.page is None:
            self.query_one("#curate-what", Static).update(Text(inert(message.error or "")))
            return
        self.page = message.page
        self.entity_name = message.page.entity.name
        self.entity_type = message.page.entity.type
        what = Text(inert(grouping_line(message.page)), style="bold")
        what.append(f"\n{self.entity_type}: {TYPE_HELP.get(self.entity_type, '')}", style="dim")
        self.query_one("#curate-what", Static).update(what)

    # -- actions ---------------------------------------------------------------

    def action_rename(self) -> None:
        self.app.push_screen(
            PromptScreen(f"Rename {inert(self.entity_name)}", self.entity_name),
            lambda new: self._run("rename", new) if new else None,
        )

    def action_retype(self) -> None:
        choices = [Choice(kind, kind, TYPE_HELP[kind]) for kind in ENTITY_TYPES if kind != self.entity_type]
        self.app.push_screen(
            PickerScreen(f"Retype {inert(self.entity_name)} as", choices),
            lambda kind: self._run("retype", kind) if kind else None,
        )

    def action_merge(self) -> None:
        corpus, name = self.corpus, self.entity_name
        cache: list[list[Choice]] = []

        def source(query: str) -> list[Choice]:
            if not cache:
                cache.append(entity_choices(corpus, exclude=name))
            return cache[0][:40] if not query.strip() else cache[0]

        self.app.push_screen(
            PickerScreen(f"Merge {inert(self.entity_name)} into", source),
            lambda target: self._run("merge", target) if target else None,
        )

    def action_split(self) -> None:
        aliases = self.page.entity.aliases if self.page else []
        if not aliases:
            self.notify(f"{self.entity_name} has no other names to split off.", timeout=3)
            return
        choices = [Choice(alias, alias) for alias in aliases]
        self.app.push_screen(
            PickerScreen(f"Split off {inert(self.entity_name)}: which name is someone else?", choices),
            lambda alias: self._run("split", alias) if alias else None,
        )

    def action_drop(self) -> None:
        self._run("drop", None)

    def action_cancel(self) -> None:
        self.dismiss(None)

    def _run(self, action: str, value: str | None) -> None:
        if self._busy:
            return
        self._busy = True
        self.query_one("#curate", Vertical).border_subtitle = "saving…"
        self._act(action, value)

    @work(thread=True, exclusive=True, group="curate")
    def _act(self, action: str, value: str | None) -> None:
        try:
            change = self.corpus.curate(action, self.entity_name, value, type=self.entity_type)
        except StoreError as error:
            self.post_message(self._Done(None, str(error)))
            return
        self.post_message(self._Done(change, None))

    def _on_curate_screen__done(self, message: _Done) -> None:
        self._busy = False
        if message.change is None:
            self.query_one("#curate", Vertical).border_subtitle = "not saved"
            self.notify(message.error or "not saved", title="Curation", severity="error", markup=False)
            return
        self.dismiss(message.change)
