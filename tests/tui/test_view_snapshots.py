"""Screenshots of the views at 120×35 and 80×24 (pytest-textual-snapshot).

Regenerate on purpose only: `pytest tests/tui/test_view_snapshots.py --snapshot-update`,
look at the SVGs, and commit them on their own.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import replace
from types import SimpleNamespace
from typing import Any

import pytest
from textual.pilot import Pilot
from tui_helpers import settle

from store.corpus import Corpus
from tui import result_pages
from tui.app import NewsdeskApp
from tui.screens.main_screen import MainScreen

SIZES = [(120, 35), (80, 24)]


@pytest.fixture
def steady_app(corpus: Corpus, monkeypatch: pytest.MonkeyPatch) -> NewsdeskApp:
    """The app with query timings pinned, so screenshots do not change from run to run."""
    search = corpus.search

    def timed_search(*args: Any, **kwargs: Any) -> Any:
        return replace(search(*args, **kwargs), elapsed_ms=3.0)

    monkeypatch.setattr(corpus, "search", timed_search)
    monkeypatch.setattr(result_pages, "time", SimpleNamespace(perf_counter=lambda: 0.0))
    return NewsdeskApp(corpus)


async def _query(pilot: Pilot[None], query: str) -> None:
    await settle(pilot)
    await pilot.press(*query, "enter")  # the search box has the focus at the start
    await settle(pilot)


async def comentions(pilot: Pilot[None]) -> None:
    await settle(pilot)
    main = pilot.app.screen
    assert isinstance(main, MainScreen)
    main.jump("John Kerry")
    await settle(pilot)
    await pilot.press("w")
    await settle(pilot)


async def overrepresented(pilot: Pilot[None]) -> None:
    await _query(pilot, "Assad")
    await pilot.press("w")
    await settle(pilot)


async def speakers(pilot: Pilot[None]) -> None:
    await settle(pilot)
    await pilot.press("escape", "S")
    await settle(pilot)


async def quotes(pilot: Pilot[None]) -> None:
    await speakers(pilot)
    await pilot.press("enter")
    await settle(pilot)


async def timeline(pilot: Pilot[None]) -> None:
    await _query(pilot, "Kerry")
    await pilot.press("t")
    await settle(pilot)
    await pilot.press("left")
    await settle(pilot)


VIEWS: dict[str, Callable[[Pilot[None]], Awaitable[None]]] = {
    "comentions": comentions,
    "overrepresented": overrepresented,
    "speakers": speakers,
    "quotes": quotes,
    "timeline": timeline,
}


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
@pytest.mark.parametrize("view", list(VIEWS))
def test_view(snap_compare: Any, steady_app: NewsdeskApp, view: str, size: tuple[int, int]) -> None:
    assert snap_compare(steady_app, terminal_size=size, run_before=VIEWS[view])
