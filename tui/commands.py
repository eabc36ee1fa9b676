"""The command palette (ctrl+p): go to an article, jump to an entity, update or rebuild
the index, sort. With nothing typed it offers the commands and the newest headlines."""

from __future__ import annotations

import asyncio
from functools import partial
from typing import TYPE_CHECKING

from rich.text import Text
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.markup import escape

from store.hits import ArticleSummary
from store.listing import search_listing
from tui.passage_text import inert
from tui.results_text import count
from tui.screens.main_screen import MainScreen
from tui.widgets.entities_pane import KIND_LABELS

if TYPE_CHECKING:
    from store.corpus import Corpus

TYPE_NAMES = {
    "PERSON": "person",
    "ORG": "organisation",
    "GPE": "place",
    "LOC": "place",
    **KIND_LABELS,
}
DISCOVERY_HEADLINES = 30
"""Headlines offered before anything is typed."""


class NewsdeskCommands(Provider):
    """Headlines, entity names and the index/sort commands."""

    async def startup(self) -> None:
        self.headlines: list[ArticleSummary] = []
        try:
            self.headlines = await asyncio.to_thread(self._corpus().articles)
        except Exception as error:  # the palette still offers entities and commands; say why no headlines
            self.app.notify(
                f"Headlines are not available: {type(error).__name__}: {error}",
                title="Command palette",
                severity="error",
                markup=False,
            )
        self.lowered = [article.title.lower() for article in self.headlines]
        self.saved: list[tuple[str, str, str]] = []
        try:
            self.saved = await asyncio.to_thread(saved_searches, self._corpus())
        except Exception:
            self.saved = []  # a notebook that cannot be read: the main screen has said so

    def _corpus(self) -> Corpus:
        corpus: Corpus = getattr(self.app, "corpus")  # noqa: B009 - NewsdeskApp.corpus, not imported here
        return corpus

    def _main(self) -> MainScreen | None:
        return self.screen if isinstance(self.screen, MainScreen) else None

    def _actions(self) -> list[tuple[str, str, str]]:
        return [
            ("Update index", "update_index", "Index the article files changed since the last update"),
            ("Rebuild index", "rebuild_index", "Rebuild the search index from the YAML files"),
            ("Toggle sort", "toggle_sort", "Sort results by relevance or newest first"),
            ("Curate entity", "curate", "Rename, retype, merge, split or drop the entity at the cursor"),
            ("Undo curation", "undo_curation", "Take back the last rename, retype, merge, split or drop"),
            ("Notebook", "notebook", "Starred items, collections and saved searches (b)"),
            ("Save search", "save_search", "Save the current query under a name (ctrl+s)"),
            ("Export list", "export", "Export the whole list to Markdown, CSV or JSON Lines (x)"),
            ("Copy with citation", "copy(True)", "Copy the passage, quote or article with its citation (y)"),
            ("Copy text", "copy(False)", "Copy the text only (Y)"),
            ("Star", "star", "Star or unstar what is under the cursor (*)"),
            ("Add to collection", "collect", "Put what is under the cursor into a named collection (+)"),
            ("Open in editor", "edit_source", "Open the article's YAML in $EDITOR at the paragraph (E)"),
            ("Open URL", "open_url", "Open the article's web page, or show its URL (o)"),
            (
                "Check speakers",
                "check_speakers",
                "Review quotes with no, an organisation's or an inferred speaker",
            ),
            ("Named with (co-mentions)", "view('cooccur')", "Who else is named with this entity (w)"),
            (
                "Over-represented in this search",
                "view('cooccur')",
                "Entities these results name unusually often (w)",
            ),
            (
                "Who is quoted (speakers)",
                "view('speakers')",
                "Speakers, quote counts, first and last dates (S)",
            ),
            ("Timeline", "timeline", "Counts of the list per day, week, month or year (t)"),
            ("Clear date filter", "clear_dates", "Take the date: clause out of the search (X)"),
        ]

    async def discover(self) -> Hits:
        main = self._main()
        if main is None:
            return
        for title, action, help_text in self._actions():
            yield DiscoveryHit(title, partial(main.run_action, action), help=help_text)
        for name, query, news in self.saved:
            yield DiscoveryHit(
                f"Saved search: {inert(name)}", partial(main.run_saved_search, name, query), help=escape(news)
            )
        for article in self.headlines[:DISCOVERY_HEADLINES]:
            headline = Text(inert(article.title))  # a Text: a headline is never markup
            yield DiscoveryHit(
                headline, partial(main.open_article, article.id), text=headline.plain, help=_details(article)
            )

    async def search(self, query: str) -> Hits:
        main = self._main()
        if main is None:
            return
        matcher = self.matcher(query)
        for title, action, help_text in self._actions():
            if (score := matcher.match(title)) > 0:
                yield Hit(score, matcher.highlight(title), partial(main.run_action, action), help=help_text)
        for name, query, news in self.saved:
            saved_label = f"Saved search: {inert(name)}"
            if (score := max(matcher.match(saved_label), matcher.match(query))) > 0:
                run = partial(main.run_saved_search, name, query)
                yield Hit(score, matcher.highlight(saved_label), run, text=saved_label, help=escape(news))
        if len(query.strip()) >= 2:
            try:
                entities = await asyncio.to_thread(self._corpus().find_entities, query.strip(), limit=8)
            except Exception:
                entities = []
            for entity in entities:
                label = Text(f"Every passage mentioning {inert(entity.name)}")
                kind = TYPE_NAMES.get(entity.type, entity.type.lower())
                where = (
                    f"{kind} · {count(entity.mentions, 'mention')} in {count(entity.articles, 'article')}"
                )
                if entity.also:  # a short name the corpus could not settle ("Bush")
                    where += " · could also be " + ", ".join(f"{n} ({c:,})" for n, c in entity.also[:3])
                yield Hit(
                    max(matcher.match(entity.name), 1.0) * 1.5,
                    label,
                    partial(main.jump, entity.name, entity.type),
                    text=label.plain,
                    help=escape(where),
                )
        words = query.lower().split()
        shown = 0
        for article, lowered in zip(self.headlines, self.lowered, strict=True):
            if not words or not all(word in lowered for word in words):
                continue  # a cheap substring test first: the fuzzy matcher is slow on 100,000 titles
            title = inert(article.title)
            score = matcher.match(title)
            if score > 0:
                yield Hit(
                    score * 0.7,
                    matcher.highlight(title),
                    partial(main.open_article, article.id),
                    text=title,
                    help=_details(article),
                )
                shown += 1
                if shown >= 30:
                    break


def saved_searches(corpus: Corpus) -> list[tuple[str, str, str]]:
    """(name, query, what is new) of every saved search, counted now."""
    found = []
    for saved in corpus.notebook.load().searches:
        try:
            total = search_listing(corpus, saved.query).total
        except Exception:
            found.append((saved.name, saved.query, f"{saved.query} · cannot be run"))
            continue
        new = total - saved.seen if saved.seen is not None else 0
        news = f"{new:,} new since last opened" if new > 0 else "none new"
        found.append((saved.name, saved.query, f"{saved.query} · {count(total, 'passage')}, {news}"))
    return found


def _details(article: ArticleSummary) -> str:
    """The help line of a headline: what enter does, the source and the date (markup-safe)."""
    parts = ("Open article", article.source, article.date)
    return escape(" · ".join(inert(part) for part in parts if part))
