"""Screenshots of the main states at 100×32 (pytest-textual-snapshot).

Regenerate on purpose only: `pytest tests/tui/test_snapshots.py --snapshot-update`,
look at the SVGs, and commit them on their own.
"""

from __future__ import annotations

from dataclasses import replace
from types import SimpleNamespace
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input
from tui_helpers import KERRY_ARTICLE, settle

from store.corpus import Corpus
from tui import result_pages
from tui.app import NewsdeskApp
from tui.widgets.entities_pane import EntitiesPane
from tui.widgets.results_list import ResultsList

SIZE = (100, 32)


@pytest.fixture
def steady_app(corpus: Corpus, monkeypatch: pytest.MonkeyPatch) -> NewsdeskApp:
    """The app with query timings pinned, so screenshots do not change from run to run."""
    search = corpus.search

    def timed_search(*args: Any, **kwargs: Any) -> Any:
        return replace(search(*args, **kwargs), elapsed_ms=3.0)

    monkeypatch.setattr(corpus, "search", timed_search)
    monkeypatch.setattr(result_pages, "time", SimpleNamespace(perf_counter=lambda: 0.0))
    # a blinking cursor is drawn or not depending on when the screenshot is taken
    monkeypatch.setattr(Input, "cursor_blink", False)
    return NewsdeskApp(corpus)


async def search_assad(pilot: Pilot[None]) -> None:
    await settle(pilot)
    # newest first: relevance ties (the two headlines) may come back in either order
    pilot.app.screen.sort = "date"  # type: ignore[attr-defined]
    await pilot.press(*"Assad", "enter")
    await settle(pilot)


async def open_kerry(pilot: Pilot[None]) -> None:
    await search_assad(pilot)
    results = pilot.app.screen.query_one(ResultsList)
    results.highlight_entry(next(i for i, e in enumerate(results.entries) if e.article_id == KERRY_ARTICLE))
    await pilot.press("enter")
    await settle(pilot)


async def jump_to_kerry(pilot: Pilot[None]) -> None:
    await open_kerry(pilot)
    await pilot.press("e")
    pane = pilot.app.screen.query_one(EntitiesPane)
    pane.highlighted = next(i for i, row in pane.rows.items() if row.name == "John Kerry")
    await pilot.press("enter")
    await settle(pilot)
    await pilot.press("j", "j", "j", "j", "j", "j", "enter")
    await settle(pilot)


def test_start(snap_compare: Any, steady_app: NewsdeskApp) -> None:
    assert snap_compare(steady_app, terminal_size=SIZE, run_before=settle)


def test_search_results(snap_compare: Any, steady_app: NewsdeskApp) -> None:
    assert snap_compare(steady_app, terminal_size=SIZE, run_before=search_assad)


def test_article_open(snap_compare: Any, steady_app: NewsdeskApp) -> None:
    assert snap_compare(steady_app, terminal_size=SIZE, run_before=open_kerry)


def test_entity_jump(snap_compare: Any, steady_app: NewsdeskApp) -> None:
    assert snap_compare(steady_app, terminal_size=SIZE, run_before=jump_to_kerry)


def test_help(snap_compare: Any, steady_app: NewsdeskApp) -> None:
    async def help_panel(pilot: Pilot[None]) -> None:
        await settle(pilot)
        await pilot.press("f1")
        await pilot.pause()

    assert snap_compare(steady_app, terminal_size=SIZE, run_before=help_panel)
