"""The article pane: headline, standfirst, source and date, then the paragraphs.

Search terms are highlighted, quotes are set apart with their speaker beside them,
headings look like headings, captions are in italics and entity mentions are underlined. A paragraph cursor
(`j`/`k`) and a mention cursor (`h`/`l`) pick the mention that `enter` jumps from.
The article's YAML file is parsed in a thread worker when it is opened.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.style import Style
from rich.text import Text
from textual import events, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widgets import Static

from store.errors import StoreError
from store.models import Article, Entity, Quote
from tui.article_names import HEADLINE, STANDFIRST, is_entity, mentions_by_paragraph, quotes_by_paragraph
from tui.article_window import (
    MORE_FACTOR,
    SHOW_CHARS,
    edge_note,
    more_note,
    paragraph_in_view,
    shown_part,
    window_around,
)
from tui.messages import JumpRequested, QuotesRequested
from tui.navigation import ArticleTarget
from tui.passage_text import inert, styled, term_spans
from tui.widgets.quoted_paragraph import Marks, QuotedParagraph, quote_mark

if TYPE_CHECKING:
    from store.corpus import Corpus

EMPTY = (
    "No article open.\n\nPick a passage in the results and press enter, or press ctrl+p "
    "and type part of a headline."
)


class ArticleView(VerticalScroll, can_focus=True):
    """One article, read paragraph by paragraph."""

    BINDINGS = [
        Binding("j,down", "move(1)", "Next paragraph", show=False),
        Binding("k,up", "move(-1)", "Previous paragraph", show=False),
        Binding("g,home", "move_to(0)", "Top", show=False),
        Binding("G,end", "move_to(-1)", "Bottom", show=False),
        Binding("l,right", "mention(1)", "Next name", tooltip="Select the next name in this paragraph"),
        Binding("h,left", "mention(-1)", "Previous name", show=False, tooltip="Select the previous name"),
        Binding("enter", "jump", "Every mention", tooltip="Every passage naming the selected name"),
        Binding("Q", "quotes", "Their quotes", tooltip="What the selected person said, across the corpus"),
        Binding(
            "pagedown", "page(1)", "Page down", show=False, tooltip="A page down; the cursor comes along"
        ),
        Binding("pageup", "page(-1)", "Page up", show=False, tooltip="A page up; the cursor comes along"),
        Binding("plus", "more", "Show more", show=False, tooltip="Show more of a very long paragraph"),
    ]
    COMPONENT_CLASSES = {
        "article--highlight",
        "article--mention",
        "article--selected",
        "article--quote",
        "article--quote-bar",
        "article--speaker",
        "article--meta",
    }

    @dataclass
    class Opened(Message):
        """An article is on screen (its entities and quotes can be listed)."""

        view: ArticleView
        article: Article

    @dataclass
    class Failed(Message):
        """The article's file could not be read."""

        view: ArticleView
        article_id: str
        message: str

    @dataclass
    class _Loaded(Message):
        generation: int
        article: Article

    @dataclass
    class _Broke(Message):
        generation: int
        article_id: str
        message: str

    def __init__(self, corpus: Corpus, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.corpus = corpus
        self.article: Article | None = None
        self.target: ArticleTarget | None = None
        self.cursor = 0
        """The paragraph under the cursor (-1: the headline, -2: the standfirst)."""
        self.mention_cursor = 0
        self._generation = 0
        self._pending_cursor: int | None = None
        self._mentions: dict[int, list[tuple[int, int, Entity]]] = {}
        self._window = range(0)
        """The paragraphs mounted (tui.article_window)."""
        self._shown: dict[int, int] = {}
        """Characters shown of the paragraphs the reader asked to see more of."""
        self._quotes: dict[int, list[Quote]] = {}

    def _style(self, component: str) -> Style:
        """A component class's style from the stylesheet (only what it sets)."""
        return self.get_component_rich_style(component, partial=True)

    def compose(self) -> ComposeResult:
        yield Static(Text(EMPTY), classes="empty")

    # -- opening ---------------------------------------------------------------

    def open(self, target: ArticleTarget, cursor: int | None = None) -> None:
        """Show the article `target` names, scrolled to its paragraph (or to `cursor`)."""
        self._generation += 1
        self.target = target
        if self.article is not None and self.article.id == target.article_id:
            self._paint_all()
            self._move_cursor(target.paragraph if cursor is None else cursor)
            return
        self._pending_cursor = cursor
        self.border_subtitle = "opening…"
        self._load(target.article_id, self._generation)

    def reload(self) -> None:
        """Read the open article again (its file or its entities changed), keeping the cursor."""
        if self.target is not None:
            self.article = None
            self.open(self.target, cursor=self.cursor)

    def clear(self) -> None:
        """Close the article and show what to do instead."""
        self._generation += 1
        self.article = None
        self.target = None
        self.border_title = "Article"
        self.border_subtitle = ""
        self.remove_children()
        self.mount(Static(Text(EMPTY), classes="empty"))

    @work(thread=True, exclusive=True, group="article")
    def _load(self, article_id: str, generation: int) -> None:
        try:
            article = self.corpus.load_article(article_id)
        except (StoreError, OSError) as error:
            self.post_message(self._Broke(generation, article_id, str(error)))
            return
        except Exception as error:  # a bug below us must not take the reader's screen down
            self.post_message(self._Broke(generation, article_id, f"{type(error).__name__}: {error}"))
            return
        self.post_message(self._Loaded(generation, article))

    def _on_article_view__broke(self, message: _Broke) -> None:
        message.stop()
        if message.generation == self._generation:
            self.border_subtitle = ""
            self.post_message(self.Failed(self, message.article_id, message.message))

    async def _on_article_view__loaded(self, message: _Loaded) -> None:
        message.stop()
        if message.generation != self._generation or self.target is None:
            return
        await self.remove_children()
        if message.generation != self._generation:
            return  # another article (or none) was asked for while the old one was cleared away
        article = message.article
        self.article = article
        self._mentions, self._quotes = mentions_by_paragraph(article), quotes_by_paragraph(article)
        meta = self._style("article--meta")
        details = " · ".join(inert(part) for part in (article.source, article.published) if part)
        blocks = [Static(id="headline", classes="headline")]
        if details:
            blocks.append(Static(Text(details, style=meta), classes="meta"))
        if article.meta:  # the import record's further fields: id, category, author, tags...
            fields = " · ".join(
                f"{key}: {', '.join(value) if isinstance(value, list) else value}"
                for key, value in article.meta.items()
            )
            blocks.append(Static(Text(inert(fields), style=meta), id="meta-fields", classes="meta"))
        if article.standfirst:
            blocks.append(Static(id="standfirst", classes="standfirst"))
        cursor = self.target.paragraph if self._pending_cursor is None else self._pending_cursor
        self._pending_cursor = None
        self._shown = {}
        self._window = window_around(cursor, len(article.paragraphs))
        await self.mount_all(blocks + self._paragraph_blocks())
        self.border_title = Text(inert(article.source or "Article"))
        self._paint_all()
        self.scroll_home(animate=False)
        self._move_cursor(cursor)
        self.post_message(self.Opened(self, article))

    def _paragraph_blocks(self) -> list[Static]:
        """The window's paragraphs, with a note at either edge for what is not mounted."""
        assert self.article is not None
        blocks = []
        total = len(self.article.paragraphs)
        if self._window.start:
            blocks.append(Static(Text(edge_note(self._window.start, "above")), classes="meta window-edge"))
        for number in self._window:
            kind = {"heading": "heading", "caption": "paragraph caption"}.get(
                self.article.paragraphs[number].kind, "paragraph"
            )
            if number in self._quotes:
                blocks.append(QuotedParagraph(id=f"p-{number}", classes=f"{kind} quoted"))
            else:
                blocks.append(Static(id=f"p-{number}", classes=kind))
        if self._window.stop < total:
            below = edge_note(total - self._window.stop, "below")
            blocks.append(Static(Text(below), classes="meta window-edge"))
        return blocks

    async def _shift_window(self, number: int, generation: int) -> None:
        """Mount the paragraphs around `number` instead, then put the cursor there."""
        if self.article is None or generation != self._generation:
            return
        self._window = window_around(number, len(self.article.paragraphs))
        for block in list(self.query(".paragraph, .heading, .window-edge")):
            await block.remove()
        await self.mount_all(self._paragraph_blocks())
        for paragraph in self._window:
            self._paint(paragraph)
        self._move_cursor(number)

    # -- rendering -------------------------------------------------------------

    def _block(self, number: int) -> Static | None:
        name = {HEADLINE: "headline", STANDFIRST: "standfirst"}.get(number, f"p-{number}")
        try:
            return self.query_one(f"#{name}", Static)
        except Exception:
            return None

    def _positions(self) -> list[int]:
        """The cursor's stops in reading order: headline, standfirst (if any), paragraphs."""
        if self.article is None:
            return []
        top = [HEADLINE, STANDFIRST] if self.article.standfirst else [HEADLINE]
        return top + list(range(len(self.article.paragraphs)))

    def _paint_all(self) -> None:
        for number in self._positions():
            if number < 0 or number in self._window:
                self._paint(number)

    def _paint(self, number: int) -> None:
        block = self._block(number)
        if self.article is None or self.target is None or block is None:
            return
        highlight = self._style("article--highlight")
        if number < 0:  # the headline or the standfirst
            shown, hidden = (self.article.title if number == HEADLINE else self.article.standfirst) or "", 0
        else:
            shown, hidden = shown_part(
                self.article.paragraphs[number].text, self._shown.get(number, SHOW_CHARS)
            )
        mentions = self._mentions.get(number, [])
        quotes = self._quotes.get(number, [])
        entity = self.target.entity
        layers = [
            ([(q.start, q.end) for q in quotes], self._style("article--quote")),
            ([(s, e) for s, e, _ in mentions], self._style("article--mention")),
            (term_spans(shown, list(self.target.terms)), highlight),
            ([(s, e) for s, e, m in mentions if is_entity(m, entity)], highlight),
        ]
        if number == self.target.paragraph:
            layers.append((list(self.target.spans), highlight))
        if number == self.cursor and mentions and self.has_focus:
            start, end, _ = mentions[self.mention_cursor % len(mentions)]
            layers.append(([(start, end)], self._style("article--selected")))
        text = styled(shown, layers)
        if hidden:
            text.append(more_note(hidden), style=self._style("article--meta"))
        if isinstance(block, QuotedParagraph):  # the bar beside the quoted lines, each speaker named once
            marks = Marks(self._style("article--quote-bar"), self._style("article--speaker"))
            block.show(text, [quote_mark(q) for q in quotes], marks)
        else:
            block.update(text)

    # -- cursor ----------------------------------------------------------------

    def _move_cursor(self, number: int, *, scroll: bool = True) -> None:
        positions = self._positions()
        if not positions:
            return
        if number not in positions:  # past either end, or a standfirst the article lacks
            number = HEADLINE if number < 0 else positions[-1]
        if number >= 0 and number not in self._window:
            self.call_later(self._shift_window, number, self._generation)
            return
        old = self.cursor
        self.cursor = number
        self.mention_cursor = 0
        if self.target and number == self.target.paragraph and self.target.spans:
            mentions = self._mentions.get(number, [])
            spans = self.target.spans  # the name that matched, if a name did
            self.mention_cursor = next(
                (
                    i
                    for i, m in enumerate(mentions)
                    if any(m[0] < end and start < m[1] for start, end in spans)
                ),
                0,
            )
        for block_number in {old, number}:
            block = self._block(block_number)
            if block is not None:
                block.set_class(block_number == number, "-cursor")
                self._paint(block_number)
        if scroll:
            self.call_after_refresh(self._scroll_to_cursor, self._generation, 10)
        self._update_subtitle()

    def _scroll_to_cursor(self, generation: int, tries: int) -> None:
        """Scroll the cursor's paragraph into view once it has been laid out."""
        block = self._block(self.cursor)
        if block is None or generation != self._generation:
            return
        if not block.virtual_region.height and tries:  # just mounted: not laid out yet
            self.set_timer(0.02, lambda: self._scroll_to_cursor(generation, tries - 1))
            return
        self.scroll_to_widget(block, animate=False, top=self.cursor > 0)
        if tries:  # once more after the next layout: a quoted paragraph re-wraps when the
            # scrollbar appears, which moves the paragraphs below it
            self.call_after_refresh(self._scroll_to_cursor, generation, 0)

    def _update_subtitle(self) -> None:
        if self.article is None:
            return
        where = {HEADLINE: "headline", STANDFIRST: "standfirst"}.get(
            self.cursor, f"¶ {self.cursor + 1}/{len(self.article.paragraphs)}"
        )
        mention = self.selected_entity
        self.border_subtitle = Text(f"{where} · {inert(mention.name)}" if mention else where)

    @property
    def selected_entity(self) -> Entity | None:
        """The entity named at the mention cursor, if the paragraph names any."""
        mentions = self._mentions.get(self.cursor, [])
        return mentions[self.mention_cursor % len(mentions)][2] if mentions else None

    def show_paragraph(self, number: int) -> None:
        """Put the cursor on paragraph `number` and scroll to it."""
        self._move_cursor(number)

    def action_move(self, delta: int) -> None:
        positions = self._positions()
        if self.cursor in positions:
            where = positions.index(self.cursor) + delta
            self._move_cursor(positions[max(0, min(where, len(positions) - 1))])

    def action_move_to(self, number: int) -> None:
        if self.article is not None:
            self._move_cursor(len(self.article.paragraphs) - 1 if number < 0 else HEADLINE)

    def action_more(self) -> None:
        if self.article is None or self.cursor < 0:
            return
        text = self.article.paragraphs[self.cursor].text
        shown = self._shown.get(self.cursor, SHOW_CHARS)
        if shown >= len(text):
            self.notify("All of this paragraph is shown.", timeout=2)
            return
        self._shown[self.cursor] = shown * MORE_FACTOR
        self._paint(self.cursor)

    def action_page(self, delta: int) -> None:
        """Scroll a page and put the cursor on the first paragraph in view."""
        (self.scroll_page_down if delta > 0 else self.scroll_page_up)(animate=False)
        self.call_after_refresh(self._cursor_to_view, delta)

    def _cursor_to_view(self, delta: int) -> None:
        top = self.scroll_offset.y
        spans = {
            n: (b.virtual_region.y, b.virtual_region.bottom)
            for n in self._positions()
            if (b := self._block(n))
        }
        height = self.scrollable_content_region.height
        target = paragraph_in_view(spans, top, height, delta, at_end=top >= self.max_scroll_y)
        if target is not None and target != self.cursor:
            self._move_cursor(target, scroll=False)

    def _no_names(self, what: str = "move with j/k to one with underlined names") -> None:
        if self.article is None:
            self.notify("No article open — pick a passage in the results and press enter.", timeout=3)
        else:
            self.notify(f"No names in this paragraph — {what}.", timeout=3)

    def action_mention(self, delta: int) -> None:
        mentions = self._mentions.get(self.cursor, [])
        if not mentions:
            self._no_names()
            return
        self.mention_cursor = (self.mention_cursor + delta) % len(mentions)
        self._paint(self.cursor)
        self._update_subtitle()

    def action_jump(self) -> None:
        entity = self.selected_entity
        if entity is None:
            self._no_names()
            return
        self.post_message(JumpRequested(entity.name, entity.type))

    def action_quotes(self) -> None:
        entity = self.selected_entity
        if entity is None:
            self._no_names("no one to list quotes for")
            return
        self.post_message(QuotesRequested(entity.name))

    def on_click(self, event: events.Click) -> None:
        widget = event.widget
        if widget is not None and widget.id and widget.id.startswith("p-"):
            self._move_cursor(int(widget.id[2:]))
        elif widget is not None and widget.id in ("headline", "standfirst"):
            self._move_cursor(HEADLINE if widget.id == "headline" else STANDFIRST)

    def on_focus(self, event: events.Focus) -> None:
        self._paint(self.cursor)

    def on_blur(self, event: events.Blur) -> None:
        self._paint(self.cursor)
