"""The "Check speakers" view (`C`): quotes whose speaker deserves a second look.

It lists the quotes nobody is credited with, those credited to an organisation or a
place, and those whose speaker extraction is not sure of (low confidence, with how
the speaker was found), oldest article first, each with its paragraph and the quote
highlighted; `f` shows one of the three kinds at a time. `s` sets the speaker, picked with fuzzy
search from the people the article names; `x` clears it ("nobody said this"). The
correction is saved in the article's file as a hand edit that `newsdesk reextract`
keeps. `enter` opens the article at the quote.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from store.errors import StoreError
from store.index.review import CHECK_ALL, CHECK_KINDS, CheckKind, QuoteToCheck
from store.numbering import place
from tui.navigation import ArticleTarget
from tui.passage_text import inert, styled
from tui.results_text import count
from tui.screens.picker_screen import Choice, PickerScreen
from tui.widgets.stopping_list import StoppingOptionList

if TYPE_CHECKING:
    from store.corpus import Corpus


class SpeakerReviewScreen(Screen[ArticleTarget | None]):
    """Quotes to check, one key to set or clear each speaker; closes with an article to open."""

    BINDINGS = [
        Binding("s", "set_speaker", "Set speaker", tooltip="Pick the speaker from the article's people"),
        Binding("x", "clear_speaker", "Clear speaker", tooltip="Nobody in the article said this"),
        Binding("enter", "open", "Open", tooltip="Open the article at this quote"),
        Binding(
            "f", "filter", "Filter", tooltip="Show all, or only: low confidence, no speaker, organisations"
        ),
        Binding("j,down", "move(1)", "Next quote", show=False),
        Binding("k,up", "move(-1)", "Previous quote", show=False),
        Binding("escape,backspace,q", "close", "Back", tooltip="Back to the main screen"),
    ]

    @dataclass
    class _Listed(Message):
        quotes: list[QuoteToCheck] | None
        error: str | None = None

    @dataclass
    class _Saved(Message):
        index: int
        quote: QuoteToCheck | None
        error: str | None = None

    def __init__(self, corpus: Corpus) -> None:
        super().__init__()
        self.corpus = corpus
        self.quotes: list[QuoteToCheck] = []
        self.fixed: set[int] = set()
        self.showing: CheckKind | None = None
        """The one kind of quote listed, or None for all."""

    def compose(self) -> ComposeResult:
        with Vertical(id="review") as box:
            box.border_title = "Check speakers"
            box.border_subtitle = "loading…"
            yield Static(
                Text(
                    "Quotes with no speaker, an organisation or place for a speaker, or a speaker "
                    "of low confidence. s sets the speaker, x clears it, enter opens the article, "
                    "f shows one kind. Corrections are saved in the article's file and kept by "
                    "newsdesk reextract."
                ),
                id="review-hint",
            )
            yield StoppingOptionList(id="review-quotes")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()
        self._list()

    @property
    def options(self) -> OptionList:
        return self.query_one("#review-quotes", OptionList)

    @work(thread=True, exclusive=True, group="review")
    def _list(self) -> None:
        kinds = CHECK_ALL if self.showing is None else (self.showing,)
        try:
            self.post_message(self._Listed(self.corpus.quotes_to_check(kinds=kinds)))
        except StoreError as error:
            self.post_message(self._Listed(None, str(error)))

    def _on_speaker_review_screen__listed(self, message: _Listed) -> None:
        box = self.query_one("#review", Vertical)
        if message.quotes is None:
            box.border_subtitle = "could not be listed"
            self.notify(message.error or "", title="Check speakers", severity="error", markup=False)
            return
        self.quotes = message.quotes
        self.fixed.clear()
        left = f"{len(self.quotes)} to check" if self.quotes else "nothing to check"
        box.border_subtitle = left + (f" · {CHECK_KINDS[self.showing]}" if self.showing else "")
        self.options.clear_options()
        self.options.add_options([Option(self._row(i)) for i in range(len(self.quotes))])
        if self.quotes:
            self.options.highlighted = 0

    def _row(self, index: int) -> Text:
        quote = self.quotes[index]
        row = Text("\n" if index else "", end="")
        row.append(inert(quote.title), style="bold")
        row.append(f"  {place(quote.paragraph)}" + (f" · {quote.date}" if quote.date else ""), style="dim")
        row.append("\n")
        row.append_text(styled(quote.text, [([(quote.start, quote.end)], "italic reverse")]))
        speaker = inert(quote.speaker) if quote.speaker else "nobody"
        if index in self.fixed:
            row.append(f"\n✓ now: {speaker} (corrected by hand)", style="bold green")
        else:
            partial = " (partial)" if quote.partial else ""
            row.append(f"\n— {speaker}{partial} · {quote.reason}", style="bold")
        return row

    @property
    def current(self) -> int | None:
        return self.options.highlighted if self.quotes else None

    # -- actions ---------------------------------------------------------------

    def action_move(self, delta: int) -> None:
        if self.quotes:
            index = (self.options.highlighted or 0) + delta
            self.options.highlighted = max(0, min(len(self.quotes) - 1, index))

    def action_filter(self) -> None:
        """All kinds, then each one alone: low confidence, no speaker, organisation or place."""
        order: list[CheckKind | None] = [None, "low", "none", "body"]
        self.showing = order[(order.index(self.showing) + 1) % len(order)]
        self.query_one("#review", Vertical).border_subtitle = "loading…"
        self._list()

    def action_set_speaker(self) -> None:
        index = self.current
        if index is None:
            self.notify("Nothing to check.", timeout=2)
            return
        quote = self.quotes[index]
        try:
            article = self.corpus.stored_article(quote.article_id)
        except StoreError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        counts: dict[str, int] = {}
        for entity in article.entities:
            if entity.type == "PERSON":
                counts[entity.name] = counts.get(entity.name, 0) + len(entity.mentions)
        choices = [
            Choice(name, name, count(mentions, "mention"))
            for name, mentions in sorted(counts.items(), key=lambda item: -item[1])
        ]
        if not choices:
            self.notify("The article names no people; x clears the speaker.", timeout=3)
            return
        self.app.push_screen(
            PickerScreen("Who said it?", choices),
            lambda name: self._save(index, name) if name else None,
        )

    def action_clear_speaker(self) -> None:
        index = self.current
        if index is not None:
            self._save(index, None)

    def _save(self, index: int, speaker: str | None) -> None:
        self._write(index, self.quotes[index], speaker)

    @work(thread=True, exclusive=True, group="review-save")
    def _write(self, index: int, quote: QuoteToCheck, speaker: str | None) -> None:
        try:
            self.corpus.set_speaker(quote.article_id, quote.paragraph, quote.start, speaker)
        except (StoreError, OSError) as error:
            self.post_message(self._Saved(index, None, str(error)))
            return
        self.post_message(self._Saved(index, replace(quote, speaker=speaker)))

    def _on_speaker_review_screen__saved(self, message: _Saved) -> None:
        if message.quote is None:
            self.notify(message.error or "", title="Not saved", severity="error", markup=False)
            return
        self.quotes[message.index] = message.quote
        self.fixed.add(message.index)
        self.options.replace_option_prompt_at_index(message.index, self._row(message.index))
        who = message.quote.speaker or "nobody"
        self.notify(f"Saved: {who} said it.", markup=False, timeout=2)
        self.action_move(1)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """`enter` on a quote reaches the list first (it selects the option): open it."""
        event.stop()
        self.action_open()

    def action_open(self) -> None:
        index = self.current
        if index is not None:
            quote = self.quotes[index]
            self.dismiss(ArticleTarget(quote.article_id, quote.paragraph, ((quote.start, quote.end),)))

    def action_close(self) -> None:
        self.dismiss(None)
