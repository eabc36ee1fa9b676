"""The search line says how many articles matched when the search engine knows it."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
from textual.widgets import Input, Static
from tui_helpers import settle

from store.corpus import Corpus
from tui.app import NewsdeskApp
from tui.widgets import results_list
from tui.widgets.results_list import ResultsList


async def found(app: NewsdeskApp, query: str) -> str:
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        app.screen.query_one("#query", Input).value = query
        await pilot.press("enter")
        await settle(pilot)
        results = app.screen.query_one(ResultsList)
        assert len(results.entries) < results.total  # only a page of the list is loaded
        return str(app.screen.query_one("#search-stats", Static).render()) + " | " + str(results.border_title)


async def test_articles_of_every_match_are_shown_beyond_the_loaded_page(
    app: NewsdeskApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(results_list, "PAGE_SIZE", 2)
    shown = await found(app, "Assad")
    assert "12 passages · 2 articles" in shown and "12 passages in 2 articles" in shown


async def test_unknown_articles_are_left_out(
    app: NewsdeskApp, corpus: Corpus, monkeypatch: pytest.MonkeyPatch
) -> None:
    search = corpus.search

    def cut_short(*args: Any, **kwargs: Any) -> Any:
        return replace(search(*args, **kwargs), articles=None)

    monkeypatch.setattr(corpus, "search", cut_short)
    monkeypatch.setattr(results_list, "PAGE_SIZE", 2)
    shown = await found(app, "Assad")
    assert "12 passages" in shown and "article" not in shown


async def test_an_estimated_total_says_about(
    app: NewsdeskApp, corpus: Corpus, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A broad search cut short by its time budget gives an estimate: the screen says so."""
    search = corpus.search

    def estimated(*args: Any, **kwargs: Any) -> Any:
        return replace(search(*args, **kwargs), articles=None, total_exact=False, complete=False)

    monkeypatch.setattr(corpus, "search", estimated)
    monkeypatch.setattr(results_list, "PAGE_SIZE", 2)
    shown = await found(app, "Assad")
    stats, title = shown.split(" | ")
    assert stats.startswith("about 12 passages") and title == "about 12 passages"


async def test_the_latest_articles_are_not_counted_as_passages(app: NewsdeskApp) -> None:
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        stats = str(app.screen.query_one("#search-stats", Static).render())
        assert stats.startswith("latest articles · ") and "passage" not in stats
        assert str(app.screen.query_one(ResultsList).border_title) == "Latest articles"
