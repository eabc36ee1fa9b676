"""The entities pane: who and what the open article names, and who it quotes.

With no article open it shows the facets of the current query instead: the
people, organisations, places and speakers most common among the matches.
`enter` on a name is the jump; `Q` lists that entity's quotes across the corpus.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.style import Style
from rich.text import Text
from textual import work
from textual.binding import Binding
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from store.errors import StoreError
from store.hits import Facet, Facets
from store.mention_scan import THING_TYPES
from store.models import Article, Entity
from store.passage_ref import fingerprint
from tui.messages import JumpRequested, QuotesRequested
from tui.passage_text import inert, speaker_label
from tui.widgets.stopping_list import StoppingOptionList

if TYPE_CHECKING:
    from store.corpus import Corpus

THINGS = "Events, works and laws"
SECTIONS = (
    ("People", ("PERSON",)),
    ("Organisations", ("ORG",)),
    ("Places", ("GPE", "LOC", "FAC")),
    (THINGS, THING_TYPES),
)
KIND_LABELS = {"EVENT": "event", "WORK_OF_ART": "work", "AWARD": "award", "LAW": "law"}
"""What each row of a mixed section says its entity is ("FIFA World Cup · event")."""


@dataclass(frozen=True)
class _Row:
    kind: str
    """`entity` or `quote`."""
    name: str | None
    entity_type: str | None = None
    paragraph: int = 0
    within: tuple[str, ...] = ()
    """The longer names an entity the article names only inside them is in."""


class EntitiesPane(StoppingOptionList):
    """Entities and quotes of the open article, or facets of the current query."""

    BINDINGS = [
        Binding("enter", "select", "Every mention", tooltip="Every passage naming it; on a quote: show it"),
        Binding("Q", "quotes", "Their quotes", tooltip="This entity's quotes across the corpus"),
        Binding("j,down", "cursor_down", "Next name", show=False),
        Binding("k,up", "cursor_up", "Previous name", show=False),
        Binding("g,home", "first", "Top", show=False),
        Binding("G,end", "last", "Bottom", show=False),
    ]
    COMPONENT_CLASSES = {"entities--count", "entities--speaker", "entities--empty"}

    @dataclass
    class QuoteChosen(Message):
        """The reader chose one of the article's quotes: show its paragraph."""

        pane: EntitiesPane
        paragraph: int

    @dataclass
    class _FacetsArrived(Message):
        generation: int
        query: str
        facets: Facets

    def __init__(self, corpus: Corpus, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.corpus = corpus
        self.rows: dict[int, _Row] = {}
        self.article: Article | None = None
        self._generation = 0

    def _style(self, component: str) -> Style:
        """A component class's style from the stylesheet (only what it sets)."""
        return self.get_component_rich_style(component, partial=True)

    def show_article(self, article: Article) -> None:
        """List the article's entities (most mentioned first) and its quotes."""
        self._generation += 1
        self.article = article
        self.border_title = "In this article"
        self._begin()
        known = {t for _, types in SECTIONS for t in types}
        for heading, types in (*SECTIONS, ("Other", None)):
            entities = [e for e in article.entities if (e.type in types if types else e.type not in known)]
            named = [(e.name, e.type, len(e.mentions)) for e in entities if not e.only_within]
            self._section(heading, named, [e for e in entities if e.only_within])
        if article.quotes:
            self._header(f"Quotes ({len(article.quotes)})")
            speaker_style = self._style("entities--speaker")
            starred = self._starred()
            for quote in article.quotes:
                row = Text("“" + inert(quote.text) + "”", style="italic", end="")
                if (article.id, fingerprint(quote.text)) in starred:
                    row = Text("★ ", style="bold", end="") + row
                row.append("\n— " + speaker_label(quote.speaker, quote.uncertain), style=speaker_style)
                self._add(row, _Row("quote", quote.speaker, "PERSON", quote.paragraph))
        if not self.rows:
            self._empty("No names or quotes.")
        self._highlight_first()

    def show_facets(self, query: str) -> None:
        """Show who and what is most common among the passages matching `query`."""
        self._generation += 1
        self.article = None
        self.border_title = "In these results" if query.strip() else "In the corpus"
        self._fetch_facets(query, self._generation)

    @work(thread=True, exclusive=True, group="facets")
    def _fetch_facets(self, query: str, generation: int) -> None:
        try:
            facets = self.corpus.facets(query)
        except Exception:
            facets = Facets()  # the results pane reports what went wrong; nothing to add here
        self.post_message(self._FacetsArrived(generation, query, facets))

    def _on_entities_pane__facets_arrived(self, message: _FacetsArrived) -> None:
        message.stop()
        if message.generation != self._generation:
            return
        facets = message.facets
        self._begin()
        for heading, entries in (
            ("Speakers", facets.speakers),
            ("People", facets.people),
            ("Organisations", facets.organisations),
            ("Places", facets.places),
            (THINGS, facets.things),
        ):
            self._section(heading, [(f.name, f.type, f.count) for f in _top(entries)])
        if not self.rows:
            self._empty("No names in these hits." if message.query.strip() else "No names found yet.")
        self._highlight_first()

    # -- rows ------------------------------------------------------------------

    def _starred(self) -> set[tuple[str, str]]:
        """(article id, fingerprint) of the starred items (store.notebook); none when unreadable."""
        try:
            return self.corpus.notebook.load().starred_keys()
        except StoreError:
            return set()

    def _begin(self) -> None:
        self.clear_options()
        self.rows = {}

    def _header(self, title: str) -> None:
        self.add_option(Option(Text(title, style="bold"), disabled=True))

    def _empty(self, message: str) -> None:
        self.add_option(Option(Text(message, style=self._style("entities--empty")), disabled=True))

    def _add(self, prompt: Text, row: _Row) -> None:
        self.rows[self.option_count] = row
        self.add_option(Option(prompt))

    def _section(
        self, heading: str, entries: list[tuple[str, str, int]], within: list[Entity] | None = None
    ) -> None:
        if not entries and not within:
            return
        counts: Counter[tuple[str, str]] = Counter()
        for name, entity_type, count in entries:
            counts[(name, entity_type)] += count
        self._header(heading)
        count_style = self._style("entities--count")
        for (name, entity_type), count in counts.most_common():
            prompt = Text(f"{count:>3} ", style=count_style, end="")
            if entity_type in KIND_LABELS:  # before the name, which a narrow pane cuts short
                prompt.append(f"{KIND_LABELS[entity_type]} · ", style=count_style)
            prompt.append(inert(name))
            self._add(prompt, _Row("entity", name, entity_type))
        self._within(within or [])

    def _within(self, entities: list[Entity]) -> None:
        """Names the article gives only inside longer ones, after the section's others:
        "Texas · in University of Texas" (no mentions here; enter jumps to the corpus's)."""
        count_style = self._style("entities--count")
        for entity in entities:
            prompt = Text("  · ", style=count_style, end="")
            prompt.append(inert(entity.name))
            prompt.append(" · in " + inert(" and ".join(entity.within)), style=count_style)
            self._add(prompt, _Row("entity", entity.name, entity.type, within=tuple(entity.within)))

    def _highlight_first(self) -> None:
        self.highlighted = min(self.rows) if self.rows else None

    @property
    def highlighted_row(self) -> _Row | None:
        return None if self.highlighted is None else self.rows.get(self.highlighted)

    # -- actions ---------------------------------------------------------------

    def _on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        row = self.rows.get(event.option_index)
        if row is None:
            return
        if row.kind == "quote":
            self.post_message(self.QuoteChosen(self, row.paragraph))
        elif row.name:
            self.post_message(JumpRequested(row.name, row.entity_type, row.within))

    def action_quotes(self) -> None:
        row = self.highlighted_row
        if row is None or not row.name:
            self.notify("Put the cursor on a person first.", timeout=3)
            return
        self.post_message(QuotesRequested(row.name))


def _top(facets: list[Facet], limit: int = 8) -> list[Facet]:
    return sorted(facets, key=lambda facet: -facet.count)[:limit]
