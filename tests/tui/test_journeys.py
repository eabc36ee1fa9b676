"""The main journeys, driven through the real app on a copy of the fixture store."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Static
from tui_helpers import FIXTURE_STORE, HAMMOND_ARTICLE, KERRY_ARTICLE, LAVROV_ARTICLE, settle

from store.corpus import Corpus, open_corpus
from store.models import Article, Paragraph
from store.yamlio.save import save_article
from tui.app import NewsdeskApp
from tui.navigation import ListSource
from tui.screens.help_screen import HelpScreen
from tui.screens.main_screen import MainScreen
from tui.widgets.article_view import ArticleView
from tui.widgets.entities_pane import EntitiesPane
from tui.widgets.results_list import PAGE_SIZE, ResultsList
from tui.widgets.search_box import SearchBox


def main(app: NewsdeskApp) -> MainScreen:
    screen = app.screen
    assert isinstance(screen, MainScreen)
    return screen


async def search(pilot: Pilot[None], query: str) -> None:
    search_box = pilot.app.screen.query_one("#query", Input)
    if pilot.app.focused is not search_box:
        await pilot.press("slash")
    assert pilot.app.focused is search_box
    search_box.value = query  # typing key by key is test_typing_a_query's business
    await pilot.press("enter")
    await settle(pilot)


async def open_kerry_article(pilot: Pilot[None]) -> None:
    """Search "Assad", put the cursor on a passage of the Kerry article, open it."""
    await search(pilot, "Assad")
    results = pilot.app.screen.query_one(ResultsList)
    index = next(i for i, e in enumerate(results.entries) if e.article_id == KERRY_ARTICLE)
    results.highlight_entry(index)
    await pilot.press("enter")
    await settle(pilot)


async def entity_row(pilot: Pilot[None], name: str) -> None:
    """Focus the entities pane and put its cursor on `name`."""
    await pilot.press("e")
    pane = pilot.app.screen.query_one(EntitiesPane)
    pane.highlighted = next(i for i, row in pane.rows.items() if row.kind == "entity" and row.name == name)
    await pilot.pause()


async def test_start_lists_the_latest_articles_and_counts_the_corpus(app: NewsdeskApp) -> None:
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        results = app.screen.query_one(ResultsList)
        assert results.source == ListSource("search", "")
        assert len({entry.article_id for entry in results.entries}) == 5
        corpus_line = str(app.screen.query_one("#status-corpus", Static).render())
        assert "5 articles · 14 quotes" in corpus_line
        assert "index up to date" in str(app.screen.query_one("#status-index", Static).render())
        assert app.focused is app.screen.query_one("#query", Input)


async def test_typing_a_query_lists_the_matching_passages(app: NewsdeskApp) -> None:
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        await pilot.press(*"Lavrov")
        await pilot.pause(0.3)  # search as you type, after the typing pause
        await settle(pilot)
        results = app.screen.query_one(ResultsList)
        assert results.source is not None and results.source.query == "Lavrov"
        assert results.entries and {e.article_id for e in results.entries} == {LAVROV_ARTICLE}
        for entry in results.entries:
            assert any(entry.text[s:e].lower() == "lavrov" for s, e in entry.spans)
        stats = str(app.screen.query_one("#search-stats", Static).render())
        assert f"{results.total} passage" in stats
        assert app.focused is app.screen.query_one("#query", Input)  # typing keeps focus in the box
        await pilot.press("enter")
        await settle(pilot)
        assert app.focused is results


async def test_an_older_search_arriving_late_is_dropped(app: NewsdeskApp) -> None:
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        results = app.screen.query_one(ResultsList)
        results.show(ListSource("search", "Hammond"))
        results.show(ListSource("search", "Lavrov"))
        await settle(pilot)
        assert results.source == ListSource("search", "Lavrov")
        assert {e.article_id for e in results.entries} == {LAVROV_ARTICLE}


async def test_opening_a_passage_shows_its_article_and_entities(app: NewsdeskApp) -> None:
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        await open_kerry_article(pilot)
        article = app.screen.query_one(ArticleView)
        assert article.article is not None and article.article.id == KERRY_ARTICLE
        assert app.focused is article
        assert article.target is not None and article.target.terms == ("assad",)
        pane = app.screen.query_one(EntitiesPane)
        assert pane.border_title == "In this article"
        names = {row.name for row in pane.rows.values() if row.kind == "entity"}
        assert {"John Kerry", "Bashar al-Assad", "Philip Hammond"} <= names
        quotes = [row for row in pane.rows.values() if row.kind == "quote"]
        assert len(quotes) == len(article.article.quotes) and quotes[0].name == "John Kerry"


async def test_jump_from_an_entity_lists_every_passage_then_n_steps_on(app: NewsdeskApp) -> None:
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        await open_kerry_article(pilot)
        await entity_row(pilot, "John Kerry")
        await pilot.press("enter")
        await settle(pilot)
        results = app.screen.query_one(ResultsList)
        assert results.source == ListSource("mentions", "John Kerry", entity_type="PERSON")
        assert results.total == 13  # 11 paragraphs and 2 headlines
        # at 120 columns the aliases do not fit: the counts are kept whole, "also Kerry" goes
        assert str(results.border_title) == "John Kerry — 13 passages in 3 articles"
        assert app.focused is results
        # open a passage in another article: the article scrolls to it, the mention highlighted
        index = next(i for i, e in enumerate(results.entries) if e.article_id == HAMMOND_ARTICLE)
        results.highlight_entry(index)
        await pilot.press("enter")
        await settle(pilot)
        article = app.screen.query_one(ArticleView)
        entry = results.entries[index]
        assert article.article is not None and article.article.id == HAMMOND_ARTICLE
        assert article.cursor == entry.paragraph == 2
        assert article.target is not None and article.target.spans == entry.spans
        assert article.selected_entity is not None and article.selected_entity.name == "John Kerry"
        # n: the next mention, wherever it is
        await pilot.press("n")
        await settle(pilot)
        assert results.entry_index == index + 1
        assert article.cursor == results.entries[index + 1].paragraph == 4
        await pilot.press("n")
        await settle(pilot)
        assert article.article.id == LAVROV_ARTICLE  # type: ignore[union-attr]
        await pilot.press("N")
        await settle(pilot)
        assert article.article.id == HAMMOND_ARTICLE  # type: ignore[union-attr]


async def test_back_twice_returns_to_where_you_were(app: NewsdeskApp) -> None:
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        await open_kerry_article(pilot)
        results = app.screen.query_one(ResultsList)
        article = app.screen.query_one(ArticleView)
        search_cursor = results.entry_index
        await pilot.press("j", "j")  # read on a little: the paragraph cursor is restored too
        paragraph = article.cursor
        await entity_row(pilot, "John Kerry")
        await pilot.press("enter")  # the jump
        await settle(pilot)
        results.highlight_entry(7)
        await pilot.press("enter")  # a passage in another article
        await settle(pilot)
        assert article.article is not None and article.article.id != KERRY_ARTICLE
        await pilot.press("escape")
        await settle(pilot)
        assert results.source is not None and results.source.kind == "mentions"
        assert results.entry_index == 7 and app.focused is results
        assert article.article.id == KERRY_ARTICLE
        await pilot.press("backspace")
        await settle(pilot)
        assert results.source == ListSource("search", "Assad")
        assert results.entry_index == search_cursor
        assert app.screen.query_one(SearchBox).value == "Assad"
        assert article.article.id == KERRY_ARTICLE and article.cursor == paragraph
        assert app.focused is app.screen.query_one(EntitiesPane)


async def test_q_lists_the_entitys_quotes_across_the_corpus(app: NewsdeskApp) -> None:
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        await open_kerry_article(pilot)
        await entity_row(pilot, "John Kerry")
        await pilot.press("Q")
        await settle(pilot)
        results = app.screen.query_one(ResultsList)
        assert results.source == ListSource("quotes", "John Kerry")
        assert results.total == 6 and {e.speaker for e in results.entries} == {"John Kerry"}
        assert {e.article_id for e in results.entries} == {KERRY_ARTICLE, LAVROV_ARTICLE}


async def test_a_bad_query_says_what_is_wrong(app: NewsdeskApp) -> None:
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        await search(pilot, '"Assad')
        messages = [notification.message for notification in app._notifications]
        assert any("never closed" in message for message in messages), messages
        assert app.screen.query_one("#query", Input).has_class("-error")
        results = app.screen.query_one(ResultsList)
        assert not results.entries
        assert results.option_count == 0 and "never closed" in results.empty_message
        drawn = " ".join(" ".join(results.render_line(y).text for y in range(8)).split())
        assert "never closed" in drawn


async def test_help_lists_every_key(app: NewsdeskApp) -> None:
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        table_titles = [str(section.render()) for section in app.screen.query(".help-section")]
        # everywhere, results, article, entities, curation, speakers, search box, notebook, 3 views
        assert len(table_titles) == 11
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)
        app.screen.query_one(ResultsList).focus()
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)


async def test_sort_toggles_between_relevance_and_date(app: NewsdeskApp) -> None:
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        await search(pilot, "Kerry")
        await pilot.press("s")
        await settle(pilot)
        results = app.screen.query_one(ResultsList)
        assert results.source == ListSource("search", "Kerry", "date")
        assert "newest first" in str(results.border_title)
        assert "sort: date" in str(app.screen.query_one("#status-corpus", Static).render())


async def test_the_palette_jumps_to_an_entity_and_opens_an_article_by_headline(app: NewsdeskApp) -> None:
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p", *"Lavrov")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await settle(pilot)
        results = app.screen.query_one(ResultsList)
        assert results.source == ListSource("mentions", "Sergei Lavrov", entity_type="PERSON")
        assert results.total == 4
        await pilot.press("ctrl+p", *"ceasefire")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await settle(pilot)
        article = app.screen.query_one(ArticleView)
        assert article.article is not None and article.article.id == LAVROV_ARTICLE
        assert article.cursor == -1  # opened at the headline
        await pilot.press("escape")
        await settle(pilot)
        assert article.article is None  # back to the jump list, with no article open
        assert results.source == ListSource("mentions", "Sergei Lavrov", entity_type="PERSON")


async def test_a_long_result_list_is_loaded_a_page_at_a_time(tmp_path: Path) -> None:
    articles = tmp_path / "store" / "articles"
    articles.mkdir(parents=True)
    for number in range(130):
        article_id = f"2020-01-{number % 28 + 1:02d}-talks-in-geneva-{number}"
        paragraphs = [Paragraph(f"Delegates met in Geneva for round {number}."), Paragraph("Geneva again.")]
        article = Article(article_id, f"Geneva talks, round {number}", paragraphs)
        save_article(articles / f"{article_id}.yaml", article)
    corpus = open_corpus(tmp_path / "store")
    app = NewsdeskApp(corpus)
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        await search(pilot, "Geneva")
        results = app.screen.query_one(ResultsList)
        assert results.total == 390  # the headline and both paragraphs of each article
        assert len(results.entries) == PAGE_SIZE
        results.highlight_entry(PAGE_SIZE - 1)  # near the end of what is loaded: the next page comes
        await settle(pilot)
        assert len(results.entries) == 2 * PAGE_SIZE
        assert len({(e.article_id, e.paragraph) for e in results.entries}) == 2 * PAGE_SIZE
    corpus.close()


async def test_a_quote_in_the_entities_pane_shows_its_paragraph(app: NewsdeskApp) -> None:
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        await open_kerry_article(pilot)
        await pilot.press("e")
        pane = app.screen.query_one(EntitiesPane)
        quotes = [i for i, row in pane.rows.items() if row.kind == "quote"]
        pane.highlighted = quotes[-1]
        await pilot.press("enter")
        await settle(pilot)
        article = app.screen.query_one(ArticleView)
        assert article.article is not None
        assert article.cursor == article.article.quotes[-1].paragraph
        assert app.focused is article


async def test_index_building_shows_progress_and_holds_searches_until_ready(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copytree(FIXTURE_STORE, tmp_path / "store")  # no index yet
    corpus = open_corpus(tmp_path / "store")
    release = threading.Event()
    build = corpus.ensure_index

    def slow_build(progress: Any = None, *, rebuild: bool = False) -> Any:
        progress(1, 5, "articles")
        release.wait(10)
        return build(progress, rebuild=rebuild)

    monkeypatch.setattr(corpus, "ensure_index", slow_build)
    app = NewsdeskApp(corpus)
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.pause(0.3)
        status = str(app.screen.query_one("#status-index", Static).render())
        assert status == "indexing 1/5"
        assert app.screen.query_one("#status-progress").display
        results = app.screen.query_one(ResultsList)
        assert "Building the search index" in results.empty_message
        await pilot.press(*"Lavrov")
        await pilot.pause(0.3)
        assert "runs when it is ready" in results.empty_message and not results.entries
        release.set()
        await settle(pilot)
        assert results.source == ListSource("search", "Lavrov")
        assert {e.article_id for e in results.entries} == {LAVROV_ARTICLE}
        assert str(app.screen.query_one("#status-index", Static).render()) == "index up to date"
    corpus.close()


async def test_rebuilding_the_index_from_the_palette_keeps_the_list(app: NewsdeskApp, corpus: Corpus) -> None:
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        await open_kerry_article(pilot)
        await entity_row(pilot, "John Kerry")
        await pilot.press("enter")
        await settle(pilot)
        results = app.screen.query_one(ResultsList)
        results.highlight_entry(4)
        await pilot.press("ctrl+p", *"Rebuild index")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await settle(pilot)
        assert corpus.last_report is not None and corpus.last_report.rebuilt
        assert str(app.screen.query_one("#status-index", Static).render()) == "index up to date"
        assert results.source == ListSource("mentions", "John Kerry", entity_type="PERSON")
        assert results.total == 13 and results.entry_index == 4


async def test_keys_in_an_empty_article_pane_say_to_open_an_article(app: NewsdeskApp) -> None:
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        app.screen.query_one(ArticleView).focus()
        await pilot.press("enter")
        await settle(pilot)
        messages = [notification.message for notification in app._notifications]
        assert any(m.startswith("No article open") for m in messages), messages
        assert not any("No names in this paragraph" in m for m in messages)


async def test_the_search_box_shows_the_search_a_jump_lists_and_back_restores_each(app: NewsdeskApp) -> None:
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        await search(pilot, "ceasefire")
        box = app.screen.query_one(SearchBox)
        stats = app.screen.query_one("#search-stats", Static)
        await entity_row(pilot, "John Kerry")
        await pilot.press("enter")
        await settle(pilot)
        results = app.screen.query_one(ResultsList)
        assert results.source is not None and results.source.kind == "mentions"
        # the box says what the results show, with its count: not 'ceasefire' and its count
        assert box.value == 'entity:"John Kerry"'
        assert str(stats.render()).startswith(f"{results.total} passage")
        jumped = {(e.article_id, e.paragraph) for e in results.entries}
        await pilot.press("Q")  # his quotes: the box follows
        await settle(pilot)
        assert box.value == 'speaker:"John Kerry"'
        assert " quote" in str(stats.render())
        await pilot.press("escape")
        await settle(pilot)
        assert box.value == 'entity:"John Kerry"'
        await pilot.press("escape")
        await settle(pilot)
        assert results.source == ListSource("search", "ceasefire")
        assert box.value == "ceasefire"
        await search(pilot, 'entity:"John Kerry"')  # what the box showed finds the same passages
        assert {(e.article_id, e.paragraph) for e in results.entries} == jumped


async def test_a_hit_on_the_headline_is_the_article_s_line_shown_once(app: NewsdeskApp) -> None:
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        await search(pilot, "timing negotiable")
        results = app.screen.query_one(ResultsList)
        index, entry = next((i, e) for i, e in enumerate(results.entries) if e.paragraph == -1)
        prompts = [str(results.get_option_at_index(i).prompt) for i in range(results.option_count)]
        assert [p for p in prompts if entry.title in p] == [prompts[results._option_of_entry[index]]]
        assert not any("headline: " in p for p in prompts)
        results.highlight_entry(index)  # the line is the hit: enter opens the article at it
        await pilot.press("enter")
        await settle(pilot)
        view = app.screen.query_one(ArticleView)
        assert view.target is not None
        assert (view.target.article_id, view.target.paragraph) == (entry.article_id, -1)
