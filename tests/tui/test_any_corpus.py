"""The palette and the corpus-wide views on a corpus without dates, and on an empty one."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from textual.command import CommandPalette
from textual.widgets import Input, OptionList, Static
from tui_helpers import FIXTURE_STORE, LAVROV_ARTICLE, settle

from store.corpus import Corpus, open_corpus
from tui.app import NewsdeskApp
from tui.navigation import ListSource
from tui.widgets.article_view import ArticleView
from tui.widgets.results_list import ResultsList


@pytest.fixture(scope="module")
def undated_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture store without a single `published:` line, indexed."""
    store = tmp_path_factory.mktemp("undated") / "store"
    (store / "articles").mkdir(parents=True)
    for path in (FIXTURE_STORE / "articles").glob("*.yaml"):
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        text = "".join(line for line in lines if not line.startswith("published:"))
        (store / "articles" / path.name).write_text(text, encoding="utf-8")
    corpus = open_corpus(store)
    corpus.ensure_index()
    corpus.close()
    return store


@pytest.fixture
def undated(undated_store: Path) -> Iterator[Corpus]:
    corpus = open_corpus(undated_store)
    yield corpus
    corpus.close()


def palette_rows(app: NewsdeskApp) -> list[str]:
    screen = app.screen
    assert isinstance(screen, CommandPalette)
    options = screen.query_one(OptionList)
    return [str(options.get_option_at_index(i).prompt).split("\n")[0] for i in range(options.option_count)]


async def test_the_palette_offers_headlines_at_once_on_an_undated_corpus(undated: Corpus) -> None:
    app = NewsdeskApp(undated)
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        report = undated.last_report
        await pilot.press("ctrl+p")
        await pilot.pause(0.5)
        rows = palette_rows(app)
        assert "Update index" in rows and "Rebuild index" in rows
        assert any("Kerry and Lavrov agree plan" in row for row in rows)  # headlines, nothing typed
        await pilot.press(*"ceasefire")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await settle(pilot)
        article = app.screen.query_one(ArticleView)
        assert article.article is not None and article.article.id == LAVROV_ARTICLE
        assert undated.last_report is report  # the palette rebuilt nothing
        assert not [n for n in app._notifications if n.severity == "error"]


async def test_no_latest_and_no_newest_first_without_dates(undated: Corpus) -> None:
    app = NewsdeskApp(undated)
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        results = app.screen.query_one(ResultsList)
        assert "none has a date" in str(results.border_title)
        stats = str(app.screen.query_one("#search-stats", Static).render())
        assert "latest" not in stats and "5 articles · no dates" in stats
        results.focus()
        await pilot.press("s")
        await settle(pilot)
        assert any("no newest first" in n.message for n in app._notifications)
        assert "sort: relevance" in str(app.screen.query_one("#status-corpus", Static).render())


async def test_update_index_from_the_palette(undated: Corpus, undated_store: Path) -> None:
    app = NewsdeskApp(undated)
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p", *"Update index")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await settle(pilot)
        assert undated.last_report is not None and not undated.last_report.rebuilt
        assert str(app.screen.query_one("#status-index", Static).render()).startswith("index up to date")


async def test_the_first_screen_of_an_empty_store(tmp_path: Path) -> None:
    (tmp_path / "store" / "articles").mkdir(parents=True)
    corpus = open_corpus(tmp_path / "store")
    app = NewsdeskApp(corpus)
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        results = app.screen.query_one(ResultsList)
        assert results.source is not None and not results.entries
        assert "Error" not in results.empty_message and "NotImplemented" not in results.empty_message
        assert not [n for n in app._notifications if n.severity == "error"]
    corpus.close()


async def test_the_placeholder_suggests_queries_from_the_open_corpus(undated: Corpus) -> None:
    app = NewsdeskApp(undated)
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        placeholder = app.screen.query_one("#query", Input).placeholder
        assert '"John Kerry"' in placeholder and "speaker:kerry" in placeholder
        assert "Geneva process" not in placeholder  # not the bundled corpus's examples


async def test_a_new_keystroke_stops_the_running_search(undated: Corpus, monkeypatch) -> None:
    told_to_stop = threading.Event()
    search = undated.search

    def slow(query: str, **options: Any) -> Any:
        stop: Callable[[], bool] = options["stop"]
        if query == "Kerry":  # a long search: it runs until it is told to stop
            for _ in range(500):
                if stop():
                    told_to_stop.set()
                    break
                time.sleep(0.01)
        return search(query, **options)

    monkeypatch.setattr(undated, "search", slow)
    app = NewsdeskApp(undated)
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        results = app.screen.query_one(ResultsList)
        results.show(ListSource("search", "Kerry"))
        await pilot.pause(0.2)
        results.show(ListSource("search", "Lavrov"))  # the first list's search is superseded
        await settle(pilot)
        assert told_to_stop.is_set()
        assert {entry.article_id for entry in results.entries} == {LAVROV_ARTICLE}


async def test_names_are_read_at_start_before_the_first_query(undated: Corpus, monkeypatch) -> None:
    release = threading.Event()
    state = undated.index_state

    def slow_freshness_check() -> str:
        release.wait(10)  # a long stat of every file: stats and problems come after it
        return state()

    monkeypatch.setattr(undated, "index_state", slow_freshness_check)
    app = NewsdeskApp(undated)
    async with app.run_test(size=(120, 35)) as pilot:
        for _ in range(400):
            await pilot.pause(0.05)
            if undated._registry is not None:  # noqa: SLF001 - what a first speaker: query needs
                break
        assert undated._registry is not None  # noqa: SLF001
        release.set()
        await settle(pilot)


async def test_the_first_results_do_not_wait_for_the_names(undated: Corpus, monkeypatch) -> None:
    # The corpus answers one read at a time: reading every name first held the first list
    # back (16 s at 100,000 articles). The names are read once the first list is shown.
    shown_before_names: list[int] = []
    app = NewsdeskApp(undated)
    load_names = undated.load_names

    def names_after_the_list() -> None:
        shown_before_names.append(len(app.screen.query_one(ResultsList).entries))
        load_names()

    monkeypatch.setattr(undated, "load_names", names_after_the_list)
    async with app.run_test(size=(120, 35)) as pilot:
        for _ in range(400):
            await pilot.pause(0.05)
            if undated._registry is not None:  # noqa: SLF001
                break
        await settle(pilot)
        assert len(shown_before_names) == 1 and shown_before_names[0] > 0
        assert undated._registry is not None  # noqa: SLF001
